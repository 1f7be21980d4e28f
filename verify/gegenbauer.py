"""The sphere tier: Gegenbauer coefficients, Funk-Hecke eigenvalues, the second moment (the
sphere dual kernel is in :mod:`verify.kernels`).

Definition (conventions in :mod:`verify.conventions`): for x uniform on S^{d-1}, a unit w and
a radius r > 0, with ``t = <w, x>`` of density ``w_d(t) = c_d (1-t^2)^{(d-3)/2}``,

    a_k(sigma; d, r) = E[sigma(r t) P_{k,d}(t)],   sigma(r <w,x>) = sum_k N(d,k) a_k P_{k,d}(<w,x>).

* **exact** -- piecewise polynomials whose breakpoints are 0 or lie outside ``(-r, r)``, with
  rational r: half-sphere moments ``mu_j = int_0^1 t^j w_d``, ``mu_0 = 1/2``,
  ``mu_1 = c_d/(d-1)``, ``mu_{j+2} = mu_j (j+1)/(j+d)``, so every value is ``q_0 + q_1 c_d``
  with rationals q and ``c_d`` rational (d odd) or rational/pi (d even).
* **certified** -- any activation: ``t = sin u`` turns the weight into ``cos^{d-2} u``
  (analytic, no endpoint singularity); the shared-node engine (:mod:`verify.integrate`)
  computes the whole row on one set of Gauss-Legendre panels in ``u in [0, pi/2]`` after
  folding, with a proved quadrature bound per k, precision and nodes raised until the relative
  digits are met. The interval is compact: no tail. Where the engine cannot bound the
  integrand, one ``acb.integral`` per k (:func:`certified_sphere_coefficient_acb`, also the
  independent second method of the tests).
* **float** -- Gauss-Legendre in u with the recurrence; no guarantee.

Funk-Hecke, two normalizations (proofs_notes/conventions.md §6):
probability ``E_x[sigma(<w,x>) Y(x)] = a_k Y(w)``; surface
``int_{S^{d-1}} sigma(<w,x>) Y(x) dS(x) = |S^{d-1}| a_k Y(w)``.

>>> for c in gegenbauer_coefficients(activation("relu"), 4, d=3):
...     print(c.k, c.exact)
0 1/4
1 1/6
2 1/16
3 0
4 -1/96
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp
from flint import acb, arb, fmpq

from .activations import Activation, activation, check_activation, symmetry_zero
from .conventions import (
    check_degree,
    check_dimension,
    harmonic_dimension,
    sphere_area,
    sphere_marginal_constant,
)
from .expressions import arb_value
from .integrate import MAX_PREC_BITS, NotBoundable, recurrence_loss_bits, sphere_coefficients
from .moments import sphere_half_moments
from .numbers import (
    EVAL_LIMIT,
    GUARD_ALLOWANCE,
    Coefficient,
    ExactValue,
    NonFiniteBall,
    Tier,
    add_term,
    check_digits,
    guard_bits,
    magnitude_bits,
    meets_digits,
    next_magnitude,
    nonnegative_upper,
    relative_target,
    start_magnitude,
    workprec,
)
from .orthopoly import gegenbauer_sphere_float, gegenbauer_sphere_polys

#: Largest degree per tier on the sphere, checked before any work (the exact tier builds
#: every P_{j,d} up to the degree as a rational polynomial; the certified tier as in
#: :data:`verify.hermite.MAX_DEGREE`).
SPHERE_MAX_DEGREE = {"exact": 2_000, "certified": 1_000, "float": 2_000}


def check_radius(r: object) -> sp.Rational:
    """Validate a radius r > 0 (exact rational: an int, a Fraction-like or a SymPy Rational;
    a finite float is read exactly; a bool, NaN or infinity is refused)."""
    if isinstance(r, bool | np.bool_):
        raise TypeError(f"r={r!r} must be a positive rational radius, e.g. 1 or 3/2")
    if isinstance(r, float | np.floating) and not math.isfinite(r):
        raise ValueError(f"r={r} must be a finite positive rational radius; use r > 0")
    try:
        value = sp.Rational(str(r)) if not isinstance(r, sp.Basic) else sp.nsimplify(r)
    except (TypeError, ValueError, SyntaxError):
        raise TypeError(f"r={r!r} must be a positive rational radius, e.g. 1 or 3/2") from None
    if not value.is_Rational or value <= 0:
        raise ValueError(f"r={r} must be a positive rational radius; use r > 0")
    return sp.Rational(value)


# ---------------------------------------------------------------------------------------------
# Public entry points.

def gegenbauer_coefficients(
    act: Activation | str, max_degree: int, *, d: int, r: object = 1, digits: int = 15,
    tier: Tier = "auto", progress: Callable[[Coefficient], None] | None = None,
) -> list[Coefficient]:
    """``[a_0, ..., a_max_degree]`` of ``act`` on S^{d-1} at radius r (see module docstring);
    ``progress(c)`` is called with each certified coefficient once the row is computed (one
    engine call for the whole row)."""
    act = check_activation(act)
    if not isinstance(tier, str) or tier not in ("auto", "exact", "certified", "float"):
        raise ValueError(f"tier={tier!r} must be one of auto, exact, certified, float")
    d = check_dimension(d)
    radius = check_radius(r)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    exact_ok = has_exact_sphere_form(act, radius)
    used = tier if tier != "auto" else ("exact" if exact_ok else "certified")
    max_degree = check_degree(max_degree, name="max_degree", cap=SPHERE_MAX_DEGREE[used])
    if tier == "float":
        return [Coefficient(k, "float", arb(float(v)), None, "Gauss-Legendre in doubles "
                            "(no guarantee)", False)
                for k, v in enumerate(gegenbauer_float(act, max_degree, d=d, r=radius))]
    if tier == "exact" and not exact_ok:
        raise ValueError(
            f"activation={act.name!r} has no exact Gegenbauer coefficients here (only piecewise "
            "polynomials whose breakpoints are 0 or outside (-r, r)); drop --exact"
        )
    if exact_ok and tier != "certified":
        values = exact_sphere_coefficients(act, max_degree, d=d, r=radius)
        with workprec(guard_bits(digits, extra=10)):
            return [Coefficient(k, "exact", v.ball(), v,
                                "half-sphere Beta moments (rational arithmetic)", True)
                    for k, v in enumerate(values)]
    out = certified_sphere_coefficients(act, max_degree, d=d, r=radius, digits=digits)
    if progress is not None:
        for c in out:
            progress(c)
    return out


def has_exact_sphere_form(act: Activation, r: sp.Rational) -> bool:
    """Piecewise polynomial, every breakpoint 0 or outside ``(-r, r)``."""
    return act.is_piecewise_polynomial and all(b == 0 or abs(b) >= r for b in act.breakpoints)


def funk_hecke(act: Activation | str, k: int, *, d: int, r: object = 1, digits: int = 15,
               normalization: str = "probability") -> Coefficient:
    """The Funk-Hecke eigenvalue of ``x -> sigma(r <w, x>)`` on degree-k harmonics.

    ``normalization="probability"``: ``E_x[sigma(r<w,x>) Y(x)] = a_k Y(w)`` (x uniform).
    ``normalization="surface"``: ``int sigma(r<w,x>) Y(x) dS(x) = |S^{d-1}| a_k Y(w)``.
    """
    if not isinstance(normalization, str) or normalization not in ("probability", "surface"):
        raise ValueError(f"normalization={normalization!r} must be 'probability' or 'surface'")
    coeff = gegenbauer_coefficients(act, k, d=d, r=r, digits=digits)[k]
    if normalization == "probability":
        return coeff
    with workprec(guard_bits(digits, extra=20)):
        area = sphere_area(d)
        exact = None
        if coeff.exact is not None:
            area_sym = 2 * sp.pi ** sp.Rational(d, 2) / sp.gamma(sp.Rational(d, 2))
            exact = ExactValue({b * area_sym: q for b, q in coeff.exact.terms.items()}, 0)
        return Coefficient(k, coeff.tier, coeff.ball * area, exact,
                           coeff.method + "; times |S^(d-1)|", coeff.met)


# ---------------------------------------------------------------------------------------------
# Exact tier.

def exact_sphere_coefficients(act: Activation, max_degree: int, *, d: int, r: object = 1
                              ) -> list[ExactValue]:
    """Exact ``a_0..a_max_degree`` (see :func:`has_exact_sphere_form`)."""
    act = check_activation(act)
    max_degree = check_degree(max_degree, name="max_degree", cap=SPHERE_MAX_DEGREE["exact"])
    radius = check_radius(r)
    d = check_dimension(d)
    if not has_exact_sphere_form(act, radius):
        raise ValueError(f"activation={act.name!r} has no exact Gegenbauer form at r={radius}")
    rq = fmpq(int(radius.p), int(radius.q))
    right = _scaled_piece(act, 1, rq)
    left = _scaled_piece(act, -1, rq)
    polys = gegenbauer_sphere_polys(max_degree, d)
    deg_sigma = max(len(right), len(left))
    moments = sphere_half_moments(max_degree + deg_sigma, d, cap=2 * SPHERE_MAX_DEGREE["exact"])
    out = []
    for k, pk in enumerate(polys):
        forced = symmetry_zero(act, k)
        if forced is not None and forced.is_zero():
            out.append(ExactValue.zero())
            continue
        pc = [pk[i] for i in range(pk.degree() + 1)]
        terms: dict[sp.Expr, fmpq] = {}
        for sign, sigma in ((1, right), (-1, left)):
            for i, s in enumerate(sigma):
                if s == 0:
                    continue
                for j, c in enumerate(pc):
                    if c == 0:
                        continue
                    (basis, q), = moments[i + j].items()
                    add_term(terms, basis, s * c * q * (sign ** (i + j)))
        out.append(ExactValue(terms, 0))
    return out


def _scaled_piece(act: Activation, side: int, r: fmpq) -> list[fmpq]:
    """Coefficients in t of ``sigma(r t)`` on the half ``side * t in (0, 1)``."""
    sample = sp.Rational(side, 2) * sp.Rational(int(r.p), int(r.q))
    for piece in act.pieces:
        if (piece.lo == -sp.oo or piece.lo < sample) and (piece.hi == sp.oo or sample < piece.hi):
            assert piece.polynomial is not None
            return [c * r**i for i, c in enumerate(piece.polynomial)]
    raise AssertionError("no piece covers the sample point")


# ---------------------------------------------------------------------------------------------
# Certified tier.

def certified_sphere_coefficient(act: Activation | str, k: int, *, d: int, r: object = 1,
                                 digits: int = 15) -> Coefficient:
    """``a_k`` as a ball from the default certified tier (see
    :func:`certified_sphere_coefficients`; a single call computes and remembers the row up to
    k, at least twice the degrees already known, so a loop over k costs about one row).
    Raises TypeError/ValueError for bad arguments.

    >>> c = certified_sphere_coefficient(activation("sigmoid"), 1, d=3, digits=20)
    >>> c.met, c.method.startswith("certified: shared-node Gauss-Legendre")
    (True, True)
    """
    act = check_activation(act)
    k = check_degree(k, cap=SPHERE_MAX_DEGREE["certified"])
    d = check_dimension(d)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    radius = check_radius(r)
    key = (sp.srepr(act.expr), d, radius, digits)
    have = _SPHERE_CACHE.get(key, {})
    if k not in have:
        top = min(max(k, 2 * max(have, default=-1) + 1), SPHERE_MAX_DEGREE["certified"])
        _sphere_row(act, [k], d, radius, digits, prefetch=range(top + 1))
    return _SPHERE_CACHE[key][k]


def certified_sphere_coefficients(act: Activation | str, max_degree: int, *, d: int,
                                  r: object = 1, digits: int = 15,
                                  degrees: Sequence[int] | None = None) -> list[Coefficient]:
    """``[a_0, ..., a_max_degree]`` (or the ``degrees`` asked for), certified, in one call.

    Method: the shared-node engine (:func:`verify.integrate.sphere_coefficients`: one set of
    Gauss-Legendre panels in ``u = asin t`` for the whole row, a proved quadrature bound per
    k). Where it raises :class:`verify.integrate.NotBoundable` -- a piece with a singularity
    on the real segment (``sqrt(x)`` at 0), a pole or branch point of ``sigma(r sin u)``
    within about ``min(1/K, 1/4)`` of the real axis (sigmoid at r = 1000, ``tanh(10 x)`` at
    r >= 1, ``1/(1 + x^2)`` at r = 10), a function the ball evaluator refuses on complex
    boxes, or cuts that doubles do not separate -- every k falls back to
    :func:`certified_sphere_coefficient_acb` and the method string says so. Guarantee and
    status as in :func:`verify.hermite.certified_coefficients`; results are remembered per
    (expression, d, r, digits).

    >>> [c.tier for c in certified_sphere_coefficients(activation("tanh"), 2, d=5)]
    ['exact', 'certified', 'exact']
    """
    act = check_activation(act)
    max_degree = check_degree(max_degree, name="max_degree", cap=SPHERE_MAX_DEGREE["certified"])
    d = check_dimension(d)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    radius = check_radius(r)
    if degrees is None:
        wanted: Sequence[int] = range(max_degree + 1)
    else:
        if isinstance(degrees, str | bytes) or not hasattr(degrees, "__iter__"):
            raise TypeError(f"degrees={degrees!r} must be a sequence of degrees")
        wanted = [check_degree(k, name="degrees", cap=max_degree) for k in degrees]
    return _sphere_row(act, wanted, d, radius, digits)


#: Certified sphere coefficients already computed, by (expression, d, r, digits), then k.
_SPHERE_CACHE: dict[tuple[str, int, sp.Rational, int], dict[int, Coefficient]] = {}
#: Keys of ``_SPHERE_CACHE`` the engine could not bound: the top degree tried and the reason.
_NOT_BOUNDABLE: dict[tuple[str, int, sp.Rational, int], tuple[int, str]] = {}


def _sphere_row(act: Activation, wanted: Sequence[int], d: int, radius: sp.Rational,
                digits: int, prefetch: Sequence[int] = ()) -> list[Coefficient]:
    """The coefficients ``wanted``, from the cache or one engine call (which also computes the
    degrees ``prefetch``); where the engine cannot bound the integrand (remembered), only the
    ``wanted`` ones, each by :func:`certified_sphere_coefficient_acb`."""
    key = (sp.srepr(act.expr), d, radius, digits)
    have = _SPHERE_CACHE.setdefault(key, {})
    missing = sorted({k for k in wanted if k not in have})
    if missing:
        try:
            ask = sorted({*missing, *(k for k in prefetch if k not in have)})
            failed = _NOT_BOUNDABLE.get(key)
            if failed is not None and ask[-1] <= failed[0]:  # the planner's heights shrink
                raise NotBoundable(failed[1])                # with the top degree
            row = sphere_coefficients(act, ask[-1], d=d, r=radius, digits=digits, degrees=ask)
        except NotBoundable as exc:
            reason = str(exc).split(";")[0]
            _NOT_BOUNDABLE[key] = (ask[-1], reason)
            row = []
            for k in missing:
                c = certified_sphere_coefficient_acb(act, k, d=d, r=radius, digits=digits)
                row.append(c if c.tier == "exact" else Coefficient(
                    k, c.tier, c.ball, None,
                    f"{c.method} (fallback: the shared-node engine cannot bound it: {reason})",
                    c.met))
        have.update({c.k: c for c in row})
    return [have[k] for k in wanted]


def certified_sphere_coefficient_acb(act: Activation | str, k: int, *, d: int, r: object = 1,
                                     digits: int = 15) -> Coefficient:
    """``a_k`` as a ball by one ``acb.integral`` (the independent second method of the
    certified sphere tier, and its fallback where the engine cannot bound the integrand):
    ``c_d int_0^{pi/2} [sigma(r sin u) + (-1)^k sigma(-r sin u)] P_{k,d}(sin u) cos^{d-2}(u)
    du``, split where ``r sin u`` meets a breakpoint. Not memoized.

    ``met`` is False when the relative digits were not reached within the precision limit;
    should no finite ball come out at all, ``|a_k| <= sqrt(E[sigma(r t)^2] / N(d, k))``
    (Cauchy-Schwarz, ``E[P_{k,d}^2] = 1/N(d,k)``) is returned with ``met`` False.
    """
    act = check_activation(act)
    k = check_degree(k, cap=SPHERE_MAX_DEGREE["certified"])
    d = check_dimension(d)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    radius = check_radius(r)
    forced = symmetry_zero(act, k)
    if forced is not None:
        with workprec(guard_bits(digits, extra=10)):
            return Coefficient(k, "exact", forced.ball(), forced,
                               "exact value from a proved symmetry", True)
    try:  # a first guess of |a_k| only: doubles may overflow where balls do not
        estimate = float(gegenbauer_float(act, k, d=d, r=radius)[k])
    except (ValueError, TypeError, ArithmeticError):  # OverflowError: 10**400*Heaviside(x)
        estimate = math.nan
    magnitude = start_magnitude(estimate)
    # The ball recurrence for P_{k,d} at complex u widens by up to ~1.27 bits per degree.
    prec = guard_bits(digits, extra=magnitude_bits(magnitude) + 14
                      + recurrence_loss_bits("sphere", k, d=2))
    ball = arb("nan")
    while prec <= MAX_PREC_BITS:
        with workprec(prec):
            ball = _sphere_integral(act, k, d, radius, relative_target(digits, magnitude))
            if meets_digits(ball, digits):
                return Coefficient(k, "certified", ball, None,
                                   f"certified: Arb acb.integral in u = asin(t), {prec} bits", True)
        magnitude = next_magnitude(magnitude, ball)
        prec = int(prec * 1.6) + 32
    if not ball.is_finite():
        with workprec(guard_bits(min(digits, 30), extra=10)):
            mass = sphere_second_moment(act, d=d, r=radius, digits=min(digits, 30))
            if not mass.is_finite():
                raise NonFiniteBall(f"E[sigma(r t)^2] of {act.name} is not a finite ball; "
                                    "this is a bug in verify")
            bound = (nonnegative_upper(mass) / harmonic_dimension(d, k)).sqrt()
            return Coefficient(k, "certified", arb(0, bound.upper()), None,
                               "certified: no finite Arb integral up to the precision "
                               "limit; "
                               "Cauchy-Schwarz bound", False)
    return Coefficient(k, "certified", ball, None,
                       f"certified: Arb acb.integral; precision limit {MAX_PREC_BITS} bits "
                       "reached", False)


def _sphere_integral(act: Activation, k: int, d: int, radius: sp.Rational, target: arb) -> arb:
    sign = 1 if k % 2 == 0 else -1
    r_ball = arb_value(radius)
    cuts = [arb(0)]
    for b in sorted({abs(b) for b in act.breakpoints if 0 < abs(b) < radius}, key=float):
        cuts.append((arb_value(b) / r_ball).asin())
    cuts.append(arb.pi() / 2)
    cd = sphere_marginal_constant(d)
    total = acb(0)
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        mid = float(r_ball.mid()) * math.sin(float(((lo + hi) / 2).mid()))
        right = act.acb_piece(_piece_at(act, mid))
        left = act.acb_piece(_piece_at(act, -mid))

        def f(u: acb, analytic: bool, right=right, left=left) -> acb:
            s, c = u.sin(), u.cos()
            t = s
            p0, p1 = acb(1), t
            if k == 0:
                pk = p0
            else:
                for j in range(1, k):
                    p0, p1 = p1, ((2 * j + d - 2) * t * p1 - j * p0) / (j + d - 2)
                pk = p1
            x = r_ball * s
            return (right(x, analytic) + sign * left(-x, analytic)) * pk * c ** (d - 2)

        total += acb.integral(f, lo, hi, abs_tol=arb(target) / cd / 4, eval_limit=EVAL_LIMIT)
    return total.real * cd


def _piece_at(act: Activation, x: float) -> int:
    for i, p in enumerate(act.pieces):
        if (p.lo == -sp.oo or float(p.lo) < x) and (p.hi == sp.oo or x < float(p.hi)):
            return i
    raise ValueError(f"x={x} lies on a breakpoint of {act.name}")


# ---------------------------------------------------------------------------------------------
# Float tier.

def gegenbauer_float(act: Activation, max_degree: int, *, d: int, r: object = 1,
                     nodes: int = 64) -> np.ndarray:
    """``a_0..a_max_degree`` in doubles (Gauss-Legendre in ``u = asin t``). **No guarantee.**"""
    act = check_activation(act)
    max_degree = check_degree(max_degree, name="max_degree", cap=SPHERE_MAX_DEGREE["float"])
    d = check_dimension(d)
    radius = float(check_radius(r))
    cuts = sorted({-math.pi / 2, math.pi / 2,
                   *(math.asin(float(b) / radius) for b in act.breakpoints
                     if abs(float(b)) < radius)})
    panels = max(8, max_degree // 4)
    edges = np.concatenate([np.linspace(a, b, panels + 1)[:-1]
                            for a, b in zip(cuts[:-1], cuts[1:], strict=True)] + [[cuts[-1]]])
    t_nodes, w_nodes = np.polynomial.legendre.leggauss(nodes)
    lo, hi = edges[:-1], edges[1:]
    u = ((hi - lo)[:, None] * (t_nodes[None, :] + 1) / 2 + lo[:, None]).ravel()
    w = ((hi - lo)[:, None] * w_nodes[None, :] / 2).ravel()
    cd = float(sphere_marginal_constant(d).mid())
    with np.errstate(over="ignore"):
        weight = w * act.numpy(radius * np.sin(u)) * np.cos(u) ** (d - 2) * cd
    out = gegenbauer_sphere_float(max_degree, d, np.sin(u)) @ weight
    for k in range(max_degree + 1):
        forced = symmetry_zero(act, k)
        if forced is not None and forced.is_zero():
            out[k] = 0.0
    if not np.all(np.isfinite(out)):
        raise ValueError(f"activation={act.name!r} overflows in doubles (a non-finite float "
                         "coefficient); use the certified tier")
    return out


# ---------------------------------------------------------------------------------------------
# Parseval (the sphere dual kernel is in verify.kernels) and the Hermite limit.

def sphere_second_moment(act: Activation, *, d: int, r: object = 1, digits: int = 20) -> arb:
    """``E[sigma(r t)^2]`` for t the first coordinate of a uniform point on S^{d-1} (a ball);
    it is ``a_0`` of ``sigma^2``: exact where the exact tier applies, else one
    ``acb.integral`` (:func:`certified_sphere_coefficient_acb`; for a single value it is
    several times faster than planning the engine's panels, and the engine's own fallback
    uses this function, so it never recurses). The engine's ``a_0`` of ``sigma^2``
    (``gegenbauer_coefficients(sigma^2, 0, ...)``) is the independent second method."""
    square = activation(check_activation(act).expr**2)
    radius = check_radius(r)
    if has_exact_sphere_form(square, radius):
        return gegenbauer_coefficients(square, 0, d=d, r=radius, digits=digits)[0].ball
    return certified_sphere_coefficient_acb(square, 0, d=d, r=radius, digits=digits).ball


def hermite_limit_polynomial(k: int, d: int, t: fmpq) -> fmpq:
    """``d^{k/2} P_{k,d}(t / sqrt d)``, exactly: P_{k,d} has the parity of k, so every power
    ``t^j`` comes with ``d^{(k-j)/2}``, an integer power of d. Tends to ``He_k(t)`` as
    ``d -> oo`` with error O(1/d) (proofs_notes/conventions.md §6)."""
    pk = gegenbauer_sphere_polys(check_degree(k, cap=SPHERE_MAX_DEGREE["exact"]), d)[k]
    total = fmpq(0)
    for j in range(pk.degree() + 1):
        c = pk[j]
        if c != 0:
            total += c * t**j * fmpq(d) ** ((k - j) // 2)
    return total


def hermite_limit_coefficient(act: Activation, k: int, d: int, *, digits: int = 15) -> arb:
    """``sqrt(N(d,k)) a_k(sigma; d, r = sqrt d)`` for a perfect square d; tends to the Hermite
    coefficient ``c_k(sigma)`` as d -> oo, since ``sqrt(d) t -> N(0,1)``,
    ``N(d,k) ~ d^k/k!`` and ``d^{k/2} P_{k,d}(s/sqrt d) -> He_k(s)``."""
    root = math.isqrt(check_dimension(d))
    if root * root != d:
        raise ValueError(f"d={d} must be a perfect square (so that the radius sqrt(d) is exact)")
    coeff = gegenbauer_coefficients(act, k, d=d, r=root, digits=digits)[k]
    with workprec(guard_bits(digits, extra=20)):
        return coeff.ball * arb(harmonic_dimension(d, k)).sqrt()
