"""The Gaussian tier: Hermite coefficients in three tiers, and the second moment (the dual
kernels and Parseval's tail bound are in :mod:`verify.kernels`).

Definition: ``c_k(sigma) = E[sigma(g) h_k(g)]``, ``g ~ N(0,1)``, ``h_k = He_k/sqrt(k!)``
(conventions in :mod:`verify.conventions`).

* **exact** -- every piecewise-polynomial activation with rational breakpoints, by the jump
  formula (proofs_notes/conventions.md section 2): for k above the pieces' degree,
  ``sqrt(k!) c_k = sum_t phi(t) sum_j Delta_j(t) He_{k-1-j}(t)`` over breakpoints t, with
  ``Delta_j(t)`` the jump of the j-th derivative; lower k through Gaussian partial moments.
  Also ``c0 + c1*erf(a*x)`` by its closed form. Rational arithmetic throughout (fmpq).
* **certified** -- any activation: the shared-node engine (:mod:`verify.integrate`): one set
  of Gauss-Legendre panels on ``[0, L]`` for the whole row ``c_0..c_K`` after folding
  ``x -> -x``, split at breakpoints, a proved quadrature bound per k and Cramer's tail bound
  past ``L`` from the proved growth class; precision and nodes are raised until each ball
  meets the requested relative digits. Where the engine cannot bound the integrand, one
  ``acb.integral`` per k (:func:`certified_coefficient_acb`, also the independent second
  method of the tests).
* **float** -- composite Gauss-Legendre with the normalized recurrence; no guarantee.

A coefficient that a proved symmetry makes zero is exact 0 in every tier.

>>> relu = activation("relu")
>>> for c in hermite_coefficients(relu, 4, tier="exact"):
...     print(c.k, c.exact)
0 (1/2)*(sqrt(2)/sqrt(pi))
1 1/2
2 (1/2)*(sqrt(2)/sqrt(pi))/sqrt(factorial(2))
3 0
4 (-1/2)*(sqrt(2)/sqrt(pi))/sqrt(factorial(4))
>>> from verify.numbers import report_ball
>>> c = hermite_coefficient(activation("sigmoid"), 3, digits=20)
>>> c.tier, report_ball(c.ball, 12)[0]
('certified', '-0.0254732579073234')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp
from flint import acb, arb, fmpq

from .activations import Activation, X, activation, check_activation, symmetry_zero
from .conventions import CRAMER_K, check_degree
from .expressions import arb_value
from .integrate import MAX_PREC_BITS, tail_dominates
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
from .orthopoly import hermite_normalized_scaled_float, hermite_prob_values

_TIERS = ("auto", "exact", "certified", "float")
_INV_SQRT_2PI = 1 / sp.sqrt(2 * sp.pi)

#: Largest degree per tier, checked before any work. The exact tier is rational arithmetic
#: (degree 2000 in 0.2 s); the certified engine computes a whole row on shared nodes (sigmoid
#: c_0..c_400 at 30 digits: ~0.3 s), its acb.integral fallback one integral per k with a
#: degree-k recurrence in its integrand (k = 200: 0.8 s); the float tier holds a
#: (degree + 1) x nodes table in memory (80 MB at 2000).
MAX_DEGREE = {"exact": 10_000, "certified": 1_000, "float": 2_000}


def _tier_degree(k: object, tier: str, name: str) -> int:
    return check_degree(k, name=name, cap=MAX_DEGREE[tier])


class NoExactFormError(ValueError):
    """Raised when the exact tier is asked for an activation it cannot do exactly."""


# ---------------------------------------------------------------------------------------------
# Public entry points.

def hermite_coefficients(
    act: Activation | str,
    max_degree: int,
    *,
    digits: int = 15,
    tier: Tier = "auto",
    progress: Callable[[Coefficient], None] | None = None,
) -> list[Coefficient]:
    """``[c_0, ..., c_max_degree]`` of ``act``.

    ``progress(c)``, if given, is called with each certified coefficient once it is
    computed (the certified row is computed in one engine call, so they come together).

    ``tier="auto"`` uses the exact tier where it applies and the certified tier otherwise.
    Guarantee: exact values, or balls that contain the value with radius at most
    ``10**-digits * |mid|`` when ``met`` is true; the float tier guarantees nothing.
    Raises ValueError for a negative degree, digits out of range, an unknown tier, or
    ``tier="exact"`` on an activation without an exact form (:class:`NoExactFormError`).
    """
    act = check_activation(act)
    if not isinstance(tier, str) or tier not in _TIERS:
        raise ValueError(f"tier={tier!r} must be one of {', '.join(_TIERS)}")
    exact_ok = has_exact_form(act)
    used = tier if tier != "auto" else ("exact" if exact_ok else "certified")
    max_degree = _tier_degree(max_degree, used, "max_degree")
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    if tier == "float":
        return [Coefficient(k, "float", arb(float(v)), None,
                            "Gauss-Legendre in doubles (no guarantee)", False)
                for k, v in enumerate(float_coefficients(act, max_degree))]
    if tier == "exact" and not exact_ok:
        raise NoExactFormError(
            f"activation={act.name!r} has no exact Hermite coefficients here (only "
            "piecewise polynomials with rational breakpoints and c0 + c1*erf(a*x) do); "
            "drop --exact to get certified balls"
        )
    if exact_ok and tier in ("auto", "exact"):
        values = exact_coefficients(act, max_degree)
        with workprec(guard_bits(digits, extra=10)):
            return [Coefficient(k, "exact", v.ball(), v, _exact_method(act, v), True)
                    for k, v in enumerate(values)]
    return [_reported(c, progress)
            for c in certified_coefficients(act, max_degree, digits=digits)]


def _reported(c: Coefficient, progress: Callable[[Coefficient], None] | None) -> Coefficient:
    if progress is not None:
        progress(c)
    return c


def hermite_coefficient(
    act: Activation | str, k: int, *, digits: int = 15, tier: Tier = "auto"
) -> Coefficient:
    """The single coefficient ``c_k`` (see :func:`hermite_coefficients`)."""
    act = check_activation(act)
    if tier == "auto" and not has_exact_form(act) or tier == "certified":
        return certified_coefficient(act, k, digits=digits)
    return hermite_coefficients(act, k, digits=digits, tier=tier)[check_degree(k)]


def has_exact_form(act: Activation) -> bool:
    """True when the exact tier applies to ``act``."""
    return act.is_piecewise_polynomial or _erf_form(act) is not None


# ---------------------------------------------------------------------------------------------
# Exact tier.

def exact_coefficients(act: Activation, max_degree: int) -> list[ExactValue]:
    """Exact ``c_0..c_max_degree`` (piecewise polynomials, or ``c0 + c1*erf(a*x)``)."""
    act = check_activation(act)
    max_degree = _tier_degree(max_degree, "exact", "max_degree")
    erf_form = _erf_form(act)
    if erf_form is not None:
        return _erf_coefficients(*erf_form, max_degree)
    if not act.is_piecewise_polynomial:
        raise NoExactFormError(f"activation={act.name!r} is not a piecewise polynomial")
    numerators: list[dict[sp.Expr, fmpq]] = [{} for _ in range(max_degree + 1)]
    _add_jump_terms(act, max_degree, numerators)
    _add_low_degree_terms(act, max_degree, numerators)
    out = []
    for k, terms in enumerate(numerators):
        forced = symmetry_zero(act, k)
        if forced is not None and forced.is_zero():
            if terms and any(q != 0 for q in terms.values()):
                raise AssertionError(f"c_{k} of {act.name}: symmetry says 0, jump formula not")
            out.append(ExactValue.zero())
        else:
            out.append(ExactValue(terms, k))
    return out


def _phi_basis(t: sp.Rational) -> sp.Expr:
    """phi(t) = exp(-t^2/2)/sqrt(2 pi) as an exact SymPy constant."""
    return sp.exp(-t**2 / 2) * _INV_SQRT_2PI if t != 0 else _INV_SQRT_2PI


def polynomial_derivatives(coeffs: Sequence[fmpq], t: fmpq) -> list[fmpq]:
    """``[p(t), p'(t), ..., p^(m)(t)]`` for power-basis ``coeffs``."""
    out = []
    cur = list(coeffs)
    while cur:
        out.append(sum((c * t**i for i, c in enumerate(cur)), fmpq(0)))
        cur = [c * i for i, c in enumerate(cur)][1:]
    return out


def _add_jump_terms(act: Activation, max_degree: int, numerators: list[dict]) -> None:
    """Add ``phi(t) sum_j Delta_j(t) He_{k-1-j}(t)`` for every breakpoint t and k >= 1."""
    pieces = act.pieces
    for left, right in zip(pieces[:-1], pieces[1:], strict=True):
        t_sym = right.lo
        t = fmpq(int(t_sym.p), int(t_sym.q))
        assert left.polynomial is not None and right.polynomial is not None
        dl = polynomial_derivatives(left.polynomial, t)
        dr = polynomial_derivatives(right.polynomial, t)
        m = max(len(dl), len(dr))
        jumps = [(dr[j] if j < len(dr) else 0) - (dl[j] if j < len(dl) else 0) for j in range(m)]
        he = hermite_prob_values(max_degree, t)
        basis = _phi_basis(t_sym)
        for k in range(1, max_degree + 1):
            total = fmpq(0)
            for j in range(min(m, k)):
                if jumps[j] != 0:
                    total += jumps[j] * he[k - 1 - j]
            add_term(numerators[k], basis, total)


def _add_low_degree_terms(act: Activation, max_degree: int, numerators: list[dict]) -> None:
    """For ``k <= deg p``: the remaining ``int p^(k) phi`` over each piece (partial moments)."""
    for piece in act.pieces:
        coeffs = piece.polynomial
        assert coeffs is not None
        deriv = list(coeffs)
        for k in range(0, min(len(coeffs) - 1, max_degree) + 1):
            moments = _partial_moments(piece.lo, piece.hi, len(deriv) - 1)
            for i, c in enumerate(deriv):
                if c != 0:
                    for basis, q in moments[i].items():
                        add_term(numerators[k], basis, c * q)
            deriv = [c * i for i, c in enumerate(deriv)][1:]


def _partial_moments(a: sp.Expr, b: sp.Expr, m: int) -> list[dict[sp.Expr, fmpq]]:
    """``M_j = int_a^b x^j phi(x) dx`` for ``j = 0..m`` as rational combinations of constants.

    ``M_0 = Phi(b) - Phi(a)``, ``M_1 = phi(a) - phi(b)``,
    ``M_j = (j-1) M_{j-2} + a^{j-1} phi(a) - b^{j-1} phi(b)`` (infinite ends contribute 0).
    ``Phi(t) = 1/2 + erf(t/sqrt2)/2``.
    """
    one = sp.Integer(1)

    def cdf(t: sp.Expr) -> dict[sp.Expr, fmpq]:
        if t == sp.oo:
            return {one: fmpq(1)}
        if t == -sp.oo:
            return {}
        if t == 0:
            return {one: fmpq(1, 2)}
        return {one: fmpq(1, 2), sp.erf(t / sp.sqrt(2)): fmpq(1, 2)}

    def edge(t: sp.Expr, power: int, sign: int) -> dict[sp.Expr, fmpq]:
        if t in (sp.oo, -sp.oo):
            return {}
        tq = fmpq(int(t.p), int(t.q))
        return {_phi_basis(t): sign * tq**power}

    moments: list[dict[sp.Expr, fmpq]] = []
    for j in range(m + 1):
        cur: dict[sp.Expr, fmpq] = {}
        if j == 0:
            for basis, q in cdf(b).items():
                add_term(cur, basis, q)
            for basis, q in cdf(a).items():
                add_term(cur, basis, -q)
        else:
            if j >= 2:
                for basis, q in moments[j - 2].items():
                    add_term(cur, basis, (j - 1) * q)
            for basis, q in [*edge(a, j - 1, 1).items(), *edge(b, j - 1, -1).items()]:
                add_term(cur, basis, q)
        moments.append(cur)
    return moments


def _erf_form(act: Activation) -> tuple[sp.Rational, sp.Rational, sp.Rational] | None:
    """(c0, c1, a) when ``act.expr == c0 + c1*erf(a*x)`` with rational constants."""
    w0, w1, wa = sp.Wild("w0", exclude=[X]), sp.Wild("w1", exclude=[X]), sp.Wild("wa", exclude=[X])
    match = act.expr.match(w0 + w1 * sp.erf(wa * X))
    if not match or not act.expr.has(sp.erf):
        return None
    c0, c1, a = match[w0], match[w1], match[wa]
    if all(v.is_Rational for v in (c0, c1, a)) and a != 0:
        return c0, c1, a
    return None


def _erf_coefficients(c0: sp.Rational, c1: sp.Rational, a: sp.Rational, max_degree: int
                      ) -> list[ExactValue]:
    """``c_k(erf(a x)) = (2/sqrt(pi)) (-1)^n b^k sqrt(k!)/(n! k)``, ``k = 2n+1``,
    ``b = a/sqrt(1+2a^2)``; zero for even k. Written as ``q / sqrt(pi (1+2a^2)) / sqrt(k!)``.
    """
    s = 1 + 2 * a**2
    basis = 1 / sp.sqrt(sp.pi * s)
    aq, sq, c1q = (fmpq(int(v.p), int(v.q)) for v in (a, s, c1))
    out = [ExactValue({sp.Integer(1): fmpq(int(c0.p), int(c0.q))}, 0)]
    for k in range(1, max_degree + 1):
        if k % 2 == 0:
            out.append(ExactValue.zero())
            continue
        n = (k - 1) // 2
        q = c1q * 2 * (-1) ** n * aq**k * math.factorial(k) / (math.factorial(n) * k * sq**n)
        out.append(ExactValue({basis: q}, k))
    return out


def _exact_method(act: Activation, v: ExactValue) -> str:
    if v.is_zero():
        return "exact zero (symmetry or closed form)"
    if _erf_form(act) is not None:
        return "closed form for erf(a*x) (Stein's identity)"
    return "jump formula for piecewise polynomials (rational arithmetic)"


# ---------------------------------------------------------------------------------------------
# Certified tier.

def certified_coefficient(act: Activation | str, k: int, *, digits: int = 15,
                          cutoff: int | None = None) -> Coefficient:
    """``c_k`` as an Arb ball from the default certified tier (see
    :func:`certified_coefficients`, which computes whole rows; a single call computes and
    remembers the row up to ``k``, so a loop over k costs about one row).

    ``cutoff``: an explicit truncation length L of the Gaussian integral (an integer from
    :func:`min_cutoff` to ``integrate.MAX_CUTOFF``); the proved Cramer tail bound at L is
    still added, so the ball stays valid, but the digits may be out of reach (``met`` False).
    Raises TypeError/ValueError for a bad activation, degree, digits or cutoff.

    >>> c = certified_coefficient(activation("sigmoid"), 3, digits=20)
    >>> c.met, c.method.startswith("certified: shared-node Gauss-Legendre")
    (True, True)
    """
    act = check_activation(act)
    k = _tier_degree(k, "certified", "k")
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    cutoff = None if cutoff is None else check_cutoff(act, cutoff)
    have = _CERTIFIED_CACHE.get((sp.srepr(act.expr), digits, cutoff), {})
    if k not in have:
        # a miss: the row up to k (at least twice the degrees already known, so a loop over
        # k costs O(log K) engine calls; a row costs about what its top degree costs alone)
        top = min(max(k, 2 * max(have, default=-1) + 1), MAX_DEGREE["certified"])
        _certified_row(act, [k], digits, cutoff, prefetch=range(top + 1))
    return _CERTIFIED_CACHE[(sp.srepr(act.expr), digits, cutoff)][k]


def certified_coefficients(act: Activation | str, max_degree: int, *, digits: int = 15,
                           degrees: Sequence[int] | None = None, cutoff: int | None = None
                           ) -> list[Coefficient]:
    """``[c_0, ..., c_max_degree]`` (or the ``degrees`` asked for), certified, in one call.

    Method: the shared-node engine (:func:`verify.integrate.gaussian_coefficients`: one set
    of Gauss-Legendre panels for the whole row, a proved quadrature bound per k, Cramer's
    tail). Where the engine raises :class:`verify.integrate.NotBoundable` -- a piece with a
    singularity on the real segment (``sqrt(x)`` at 0 in ``relu_power(1/2)``), a pole or
    branch point within about 1/4 of the real axis (``tanh(10 x)``, ``1/(1 + 25 x^2)``), a
    function the ball evaluator refuses on complex boxes, or two cuts that doubles do not
    separate -- every k falls back to :func:`certified_coefficient_acb` (one ``acb.integral``
    per k) and the method string says so. A coefficient that a proved symmetry makes zero is
    exact (tier ``"exact"``).

    Guarantee: every ball contains ``c_k``; ``met`` is True exactly when it meets ``digits``
    relative digits (:func:`verify.numbers.meets_digits`). Results are remembered per
    (expression, digits, cutoff). Raises TypeError/ValueError for bad arguments.

    >>> cs = certified_coefficients(activation("tanh"), 4, digits=20)
    >>> [(c.k, c.tier, c.met) for c in cs]
    [(0, 'exact', True), (1, 'certified', True), (2, 'exact', True), (3, 'certified', True), \
(4, 'exact', True)]
    """
    act = check_activation(act)
    max_degree = _tier_degree(max_degree, "certified", "max_degree")
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    cutoff = None if cutoff is None else check_cutoff(act, cutoff)
    if degrees is None:
        wanted: Sequence[int] = range(max_degree + 1)
    else:
        if isinstance(degrees, str | bytes) or not hasattr(degrees, "__iter__"):
            raise TypeError(f"degrees={degrees!r} must be a sequence of degrees")
        wanted = [check_degree(k, name="degrees", cap=max_degree) for k in degrees]
    return _certified_row(act, wanted, digits, cutoff)


#: Certified coefficients already computed in this process, by (expression, digits, cutoff),
#: then degree: kernels, norms and claims ask for the same balls many times.
_CERTIFIED_CACHE: dict[tuple[str, int, int | None], dict[int, Coefficient]] = {}
#: Keys of ``_CERTIFIED_CACHE`` the engine could not bound, with the reason (the fallback is
#: then direct).
_NOT_BOUNDABLE: dict[tuple[str, int, int | None], str] = {}


def _certified_row(act: Activation, wanted: Sequence[int], digits: int, cutoff: int | None,
                   prefetch: Sequence[int] = ()) -> list[Coefficient]:
    """The coefficients ``wanted``, from the cache or one engine call (which also computes the
    degrees ``prefetch``); where the engine cannot bound the integrand (remembered), only the
    ``wanted`` ones, each by :func:`certified_coefficient_acb`."""
    from .integrate import NotBoundable, gaussian_coefficients

    key = (sp.srepr(act.expr), digits, cutoff)
    have = _CERTIFIED_CACHE.setdefault(key, {})
    missing = sorted({k for k in wanted if k not in have})
    if missing:
        try:
            if key in _NOT_BOUNDABLE:
                raise NotBoundable(_NOT_BOUNDABLE[key])
            ask = sorted({*missing, *(k for k in prefetch if k not in have)})
            row = gaussian_coefficients(act, ask[-1], digits=digits, degrees=ask, cutoff=cutoff)
        except NotBoundable as exc:
            reason = str(exc).split(";")[0]
            _NOT_BOUNDABLE[key] = reason
            row = []
            for k in missing:
                c = certified_coefficient_acb(act, k, digits=digits, cutoff=cutoff)
                row.append(c if c.tier == "exact" else Coefficient(
                    k, c.tier, c.ball, None,
                    f"{c.method} (fallback: the shared-node engine cannot bound it: {reason})",
                    c.met))
        have.update({c.k: c for c in row})
    return [have[k] for k in wanted]


def check_cutoff(act: Activation, cutoff: object) -> int:
    """Validate an explicit cut-off L of the Gaussian integral: an integer from
    ``min_cutoff(act)`` (beyond every breakpoint; where Cramer's tail bound holds) to
    ``integrate.MAX_CUTOFF``. Raises TypeError (not an integer) or ValueError (out of range).
    """
    from .integrate import MAX_CUTOFF

    low = min_cutoff(act)
    if isinstance(cutoff, bool | np.bool_) or not isinstance(cutoff, int | np.integer):
        raise TypeError(f"cutoff={cutoff!r} must be an integer from {low} to {MAX_CUTOFF}")
    if not low <= cutoff <= MAX_CUTOFF:
        raise ValueError(f"cutoff={cutoff} must be from {low} (beyond every breakpoint of "
                         f"{act.name}, where the tail bound holds) to {MAX_CUTOFF}")
    return int(cutoff)


def certified_coefficient_acb(act: Activation | str, k: int, *, digits: int = 15,
                              cutoff: int | None = None) -> Coefficient:
    """``c_k`` by one ``acb.integral`` (the independent second method of the certified tier,
    and its fallback where the engine cannot bound the integrand): the integral of the folded
    integrand on ``[0, L]``, split at breakpoints, plus Cramer's tail bound past ``L``.

    Without ``cutoff``, L and the working precision are raised until the ball's radius is at
    most ``10**-digits * |mid|``; with ``cutoff`` (as in :func:`certified_coefficient`) L is
    fixed and the precision is not raised once the tail alone rules the digits out. If the
    digits are not met within the precision limit, ``met`` is False and the ball is still a
    valid enclosure. Should no finite ball come out at any precision, the Cauchy-Schwarz
    bound ``|c_k| <= sqrt(E[sigma^2])`` (``||h_k|| = 1``) is returned, with ``met`` False.
    Not memoized. Raises TypeError/ValueError for a bad activation, degree, digits or cutoff.
    """
    act = check_activation(act)
    k = _tier_degree(k, "certified", "k")
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    cutoff = None if cutoff is None else check_cutoff(act, cutoff)
    forced = symmetry_zero(act, k)
    if forced is not None:
        with workprec(guard_bits(digits, extra=10)):
            return Coefficient(k, "exact", forced.ball(), forced,
                               "exact value from a proved symmetry", True)
    try:  # a first guess of |c_k| only: doubles may overflow where balls do not
        estimate = float(float_coefficients(act, k)[k])
    except (ValueError, TypeError, ArithmeticError):  # OverflowError: 10**400*Heaviside(x)
        estimate = math.nan
    magnitude = start_magnitude(estimate)
    prec = guard_bits(digits, extra=magnitude_bits(magnitude) + 20)
    ball = arb("nan")
    while prec <= MAX_PREC_BITS:
        target = relative_target(digits, magnitude)
        length = cutoff if cutoff is not None else _cutoff(act, target, k)
        with workprec(prec):
            ball = _integrate(act, k, length, target)
            if meets_digits(ball, digits):
                return Coefficient(k, "certified", ball, None,
                                   f"certified: Arb acb.integral on [0, {length}] + Cramer "
                                   f"tail, {prec} bits", True)
        if cutoff is not None and ball.is_finite():
            with workprec(64):
                tail = tail_bound(act, length)
            if tail_dominates(arb(tail.upper()), ball, digits):
                return Coefficient(k, "certified", ball, None,
                                   f"certified: Arb acb.integral on [0, {length}] + Cramer "
                                   f"tail, {prec} bits; the tail at cutoff={length} rules "
                                   f"out {digits} digits", False)
        magnitude = next_magnitude(magnitude, ball)
        prec = int(prec * 1.6) + 32
    if not ball.is_finite():
        return Coefficient(k, "certified", _cauchy_schwarz_ball(act, digits), None,
                           "certified: no finite Arb integral up to the precision limit; "
                           "Cauchy-Schwarz bound |c_k| <= sqrt(E[sigma^2])", False)
    return Coefficient(k, "certified", ball, None,
                       f"certified: Arb acb.integral; precision limit {MAX_PREC_BITS} bits "
                       "reached", False)


def _cauchy_schwarz_ball(act: Activation, digits: int) -> arb:
    """``[0 +/- sqrt(E[sigma^2])]``: contains every ``c_k`` (``|c_k| <= ||sigma|| ||h_k||``)."""
    with workprec(guard_bits(min(digits, 30), extra=10)):
        mass = second_moment(act, digits=min(digits, 30))
        if not mass.is_finite():
            raise NonFiniteBall(f"E[sigma^2] of {act.name} is not a finite ball; this is a "
                                "bug in verify")
        return arb(0, nonnegative_upper(mass).sqrt().upper())


def _cutoff(act: Activation, target: arb, k: int) -> int:
    """Smallest integer L (beyond every breakpoint) whose tail bound is below ``target``."""
    length = max(min_cutoff(act), int(2 * math.sqrt(max(k, 1))))
    with workprec(64):
        while arb(tail_bound(act, length).upper()) > target:
            length += 1 if length < 40 else 4
    return length


def gauss_tail_moment(p: arb, s: int, length: arb) -> arb:
    """``int_L^oo x^p exp(-x^2/(2s)) dx = (2s)^{(p+1)/2}/2 * Gamma((p+1)/2, L^2/(2s))`` (a ball)."""
    half = (p + 1) / 2
    return arb(2 * s) ** half / 2 * (arb(length) ** 2 / (2 * s)).gamma_upper(half)


def _growth_balls(act: Activation) -> tuple[arb, arb, arb, arb]:
    g = act.growth
    return tuple(arb_value(v) for v in (g.a, g.b, g.p, g.c))  # type: ignore[return-value]


def min_cutoff(act: Activation) -> int:
    """Cut-offs must lie beyond every breakpoint and, for growth ``e^{c|x|}``, beyond ``8c``
    (where ``c x <= x^2/8`` lets the Gaussian absorb the exponential)."""
    ends = [int(math.ceil(abs(float(b)))) + 1 for b in act.breakpoints]
    return max([4, int(math.ceil(8 * float(act.growth.c))), *ends])


def tail_bound(act: Activation, length: int | arb) -> arb:
    """Proved bound on ``|int_{|x|>L} sigma h_k phi dx|``, the same for every k.

    Cramer: ``|h_k(x) phi(x)| <= K e^{-x^2/4}/sqrt(2 pi)``; with ``|sigma| <= (A + B x^p)
    e^{c x}`` the tail is ``<= (2K/sqrt(2pi)) int_L^oo (A + B x^p) e^{-x^2/(2s)}``, ``s = 2``
    (``c = 0``) or ``s = 4`` (``c > 0``, ``L >= 8c``). See proofs_notes/conventions.md §3.
    """
    if float(length) < min_cutoff(act):
        raise ValueError(f"length={length} must be at least {min_cutoff(act)} for {act.name}")
    a, b, p, _ = _growth_balls(act)
    s = 2 if act.growth.c == 0 else 4
    total = a * gauss_tail_moment(arb(0), s, arb(length))
    if act.growth.b != 0:
        total += b * gauss_tail_moment(p, s, arb(length))
    return 2 * arb(CRAMER_K) / (2 * arb.pi()).sqrt() * total


def _integrate(act: Activation, k: int, length: int, target: arb) -> arb:
    """Ball for ``c_k`` at the current precision: folded integral + tail."""
    sign = 1 if k % 2 == 0 else -1
    edges = sorted({0, length, *(abs(float(b)) for b in act.breakpoints if abs(float(b)) < length)})
    cuts = [_exact_point(act, e) for e in edges]
    norm = 1 / (arb.fac_ui(k).sqrt() * (2 * arb.pi()).sqrt())
    total = acb(0)
    abs_tol = arb(target) / norm / 4
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        mid = (lo + hi) / 2
        right = act.acb_piece(_piece_index(act, float(mid.mid())))
        left = act.acb_piece(_piece_index(act, -float(mid.mid())))

        def f(z: acb, analytic: bool, right=right, left=left) -> acb:
            s = right(z, analytic) + sign * left(-z, analytic)
            h0, h1 = acb(1), z
            if k == 0:
                he = h0
            else:
                for j in range(1, k):
                    h0, h1 = h1, z * h1 - j * h0
                he = h1
            return s * he * (-z * z / 2).exp()

        total += acb.integral(f, lo, hi, abs_tol=abs_tol, eval_limit=EVAL_LIMIT)
    value = total.real * norm
    return value + arb(0, tail_bound(act, length).upper())


def _exact_point(act: Activation, e: float) -> arb:
    for b in act.breakpoints:
        if abs(float(b)) == e:
            return abs(arb_value(b))
    return arb(e)


def _piece_index(act: Activation, x: float) -> int:
    for i, p in enumerate(act.pieces):
        if (p.lo == -sp.oo or float(p.lo) < x) and (p.hi == sp.oo or x < float(p.hi)):
            return i
    raise ValueError(f"x={x} lies on a breakpoint of {act.name}")


# ---------------------------------------------------------------------------------------------
# Float tier.

def float_coefficients(act: Activation, max_degree: int, *, nodes_per_panel: int = 48
                       ) -> np.ndarray:
    """``c_0..c_max_degree`` in doubles by composite Gauss-Legendre. **No guarantee.**

    Uses the scaled normalized recurrence (no overflow at k >= 171) and panels of width <= 1
    split at the breakpoints. Absolute error is typically ~1e-16, so tiny coefficients
    (sigmoid beyond k ~ 80) have no correct digit: use the certified tier for those.
    """
    act = check_activation(act)
    max_degree = _tier_degree(max_degree, "float", "max_degree")
    length = 2 * math.sqrt(max_degree + 1) + 14
    cuts = sorted({-length, length, *(float(b) for b in act.breakpoints if abs(float(b)) < length)})
    edges: list[float] = []
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        n = max(1, int(math.ceil(hi - lo)))
        edges += list(np.linspace(lo, hi, n + 1)[:-1])
    edges.append(cuts[-1])
    t, w = np.polynomial.legendre.leggauss(nodes_per_panel)
    lo_e, hi_e = np.array(edges[:-1]), np.array(edges[1:])
    xs = ((hi_e - lo_e)[:, None] * (t[None, :] + 1) / 2 + lo_e[:, None]).ravel()
    ws = ((hi_e - lo_e)[:, None] * w[None, :] / 2).ravel()
    with np.errstate(over="ignore"):
        sig = act.numpy(xs)
    weight = ws * sig * np.exp(-xs * xs / 4) / math.sqrt(2 * math.pi)
    scaled = hermite_normalized_scaled_float(max_degree, xs)
    with np.errstate(over="ignore", invalid="ignore"):  # non-finite: refused below
        out = scaled @ weight
    for k in range(max_degree + 1):
        forced = symmetry_zero(act, k)
        if forced is not None and forced.is_zero():
            out[k] = 0.0
    if not np.all(np.isfinite(out)):
        raise ValueError(f"activation={act.name!r} overflows in doubles (a non-finite float "
                         "coefficient); use the certified tier")
    return out


# ---------------------------------------------------------------------------------------------
# Second moment (the dual kernels and Parseval's tail bound are in verify.kernels).

def second_moment(act: Activation | str, *, digits: int = 30) -> arb:
    """``E[sigma(g)^2]`` as a ball (exact-valued for piecewise polynomials).

    Otherwise one ``acb.integral``: the folded integral of ``sigma(x)^2 + sigma(-x)^2``
    against phi on ``[0, L]`` plus ``2 int_L^oo (2A^2 + 2B^2 x^{2p}) phi`` from the growth
    bound. A single integral is what acb.integral does best: the engine's shared nodes pay off
    across many k, and planning its panels for one value costs ~10x more (sigmoid at 35
    digits: 0.013 s here, 0.14 s as ``c_0`` of ``sigma^2`` from the engine,
    :func:`second_moment_engine`, the independent second method). Guarantee: the ball
    contains ``E[sigma^2]``; remembered per (expression, digits). Raises TypeError/ValueError
    for a bad activation or digits.

    >>> second_moment(activation("relu")).overlaps(arb(1) / 2)
    True
    """
    act = check_activation(act)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    key = (sp.srepr(act.expr), digits)
    if key not in _SECOND_MOMENT_CACHE:
        with workprec(guard_bits(digits, extra=10)):
            _SECOND_MOMENT_CACHE[key] = (_exact_second_moment(act).ball()
                                         if act.is_piecewise_polynomial
                                         else _certified_second_moment(act, digits))
    return _SECOND_MOMENT_CACHE[key]


#: ``E[sigma^2]`` balls already computed, by (expression, digits).
_SECOND_MOMENT_CACHE: dict[tuple[str, int], arb] = {}


def second_moment_engine(act: Activation | str, *, digits: int = 30) -> arb:
    """``E[sigma(g)^2]`` as ``c_0`` of ``sigma^2`` from the certified engine (shared-node
    Gauss-Legendre with a proved bound and Cramer's tail,
    :func:`verify.integrate.gaussian_coefficients`): the independent second method of
    :func:`second_moment`. Where ``sigma^2`` is not an admissible activation or the engine
    cannot bound it, :func:`second_moment`'s integral. Guarantee: the ball contains
    ``E[sigma^2]``. Not memoized.
    """
    from .integrate import NotBoundable, gaussian_coefficients

    act = check_activation(act)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    try:
        square = activation(act.expr**2)
        return gaussian_coefficients(square, 0, digits=digits)[0].ball
    except (NotBoundable, ValueError):  # sigma^2 refused or not boundable
        return second_moment(act, digits=digits)


def _certified_second_moment(act: Activation, digits: int) -> arb:
    length = max(8, min_cutoff(act))
    with workprec(64):
        goal = arb(10) ** (-digits - 4)
        while arb(_square_tail(act, length).upper()) > goal:
            length += 2
    edges = sorted({0, length, *(abs(float(b)) for b in act.breakpoints if abs(float(b)) < length)})
    cuts = [_exact_point(act, e) for e in edges]
    total = acb(0)
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        mid = float(((lo + hi) / 2).mid())
        right = act.acb_piece(_piece_index(act, mid))
        left = act.acb_piece(_piece_index(act, -mid))

        def f(z: acb, analytic: bool, right=right, left=left) -> acb:
            return (right(z, analytic) ** 2 + left(-z, analytic) ** 2) * (-z * z / 2).exp()

        total += acb.integral(f, lo, hi, eval_limit=EVAL_LIMIT)
    value = total.real / (2 * arb.pi()).sqrt()
    return value + arb(0, _square_tail(act, length).upper())


def _square_tail(act: Activation, length: int) -> arb:
    """Bound on ``int_{|x|>L} sigma^2 phi``: ``sigma^2 <= (2A^2 + 2B^2 x^{2p}) e^{2cx}``, and for
    ``c > 0``, ``L >= 8c`` gives ``e^{2cx} e^{-x^2/2} <= e^{-x^2/4}``."""
    a, b, p, _ = _growth_balls(act)
    s = 1 if act.growth.c == 0 else 2
    L = arb(length)
    out = 2 * a * a * gauss_tail_moment(arb(0), s, L)
    if act.growth.b != 0:
        out += 2 * b * b * gauss_tail_moment(2 * p, s, L)
    return 2 * out / (2 * arb.pi()).sqrt()


def _exact_second_moment(act: Activation) -> ExactValue:
    terms: dict[sp.Expr, fmpq] = {}
    for piece in act.pieces:
        coeffs = piece.polynomial
        assert coeffs is not None
        square = [fmpq(0)] * (2 * len(coeffs) - 1)
        for i, a in enumerate(coeffs):
            for j, b in enumerate(coeffs):
                square[i + j] += a * b
        moments = _partial_moments(piece.lo, piece.hi, len(square) - 1)
        for i, c in enumerate(square):
            for basis, q in moments[i].items():
                add_term(terms, basis, c * q)
    return ExactValue(terms, 0)


def exact_second_moment(act: Activation) -> ExactValue:
    """``E[sigma(g)^2]`` exactly, for piecewise-polynomial activations."""
    if not act.is_piecewise_polynomial:
        raise NoExactFormError(f"activation={act.name!r} is not a piecewise polynomial")
    return _exact_second_moment(act)


def polynomial_degree(act: Activation) -> int | None:
    """The degree of an activation that is one polynomial on the whole line, else None."""
    if len(act.pieces) != 1 or act.pieces[0].polynomial is None:
        return None
    return len(act.pieces[0].polynomial) - 1
