"""Moments of the laws the package integrates against, exact (``fmpq``/int) and as balls.

* Gaussian ``g ~ N(0, 1)``: ``E[g^n] = (n-1)!!`` (n even), 0 (n odd); half-line
  ``E[g^n 1{g > 0}] = int_0^oo x^n phi(x) dx``, which is ``(n-1)!!/2`` for even n and
  ``2^m m!/sqrt(2 pi)`` for odd ``n = 2m+1`` -- returned as a :class:`HalfLine`
  ``rational + over_sqrt_2pi/sqrt(2 pi)`` (the split the catalogue uses); interval moments
  ``int_a^b x^j phi(x) dx`` as balls.
* ``g ~ N(0, I_n)``: ``E|g|^{2m} = n (n+2) ... (n+2m-2)``;
  ``E|g|^s = 2^{s/2} Gamma((n+s)/2)/Gamma(n/2)``.
* Sphere: x uniform on ``S^{d-1}``, ``t = <w, x>`` with density
  ``w_d(t) = c_d (1-t^2)^{(d-3)/2}``, ``c_d = Gamma(d/2)/(sqrt(pi) Gamma((d-1)/2))`` (DESIGN.md):
  ``E[t^m] = prod_{i<m/2} (2i+1)/(d+2i)``;
  half moments ``int_0^1 t^m w_d(t) dt`` as a :class:`SphereHalf` ``rational + times_cd * c_d``;
  monomial moments ``E[x^alpha] = prod (alpha_i - 1)!! / prod_{i<|alpha|/2} (d + 2i)``.
* Dirichlet(``a_1..a_k``): ``E[prod X_i^{m_i}] = prod (a_i)_{m_i} / (sum a)_{sum m}`` (rising
  factorials); ``(x_1^2, ..., x_d^2)`` for x uniform on the sphere is Dirichlet(1/2, ..., 1/2).
* Hypercube ``{+-1}^n`` and the cube ``Unif[-1, 1]^n`` monomial moments.
* Certified sphere expectations ``E[f(t)]`` of analytic f (:func:`sphere_expectation_acb`).

Guarantee: exact functions are exact; ``*_ball`` functions return balls that contain the value.

>>> gaussian_moment(4), half_line_moment(3)
(3, HalfLine(rational=0, over_sqrt_2pi=2))
>>> sphere_moment(3, 2), sphere_half_moment(3, 1)
(1/3, SphereHalf(rational=0, times_cd=1/2))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import cache
from typing import NamedTuple, cast

import numpy as np
import sympy as sp
from flint import acb, arb, ctx, fmpq, fmpq_mpoly, fmpq_poly, fmpz, fmpz_poly

from .conventions import MAX_DEGREE, check_degree, check_dimension, sphere_marginal_constant
from .special import double_factorial, normal_cdf, normal_pdf


def _order(n: object, name: str = "n") -> int:
    return check_degree(n, name=name)


# ---------------------------------------------------------------------------------------------
# Typed exact pairs.

class HalfLine(NamedTuple):
    """The exact value ``rational + over_sqrt_2pi / sqrt(2 pi)`` (a Gaussian half-line moment or
    a combination of them). Unpacks like the catalogue's ``(a, b)`` pairs."""

    rational: fmpq
    over_sqrt_2pi: fmpq

    def ball(self) -> arb:
        """The value as a ball."""
        return arb(self.rational) + arb(self.over_sqrt_2pi) / (2 * arb.pi()).sqrt()

    def sympy(self) -> sp.Expr:
        """The value as a SymPy expression."""
        return _q(self.rational) + _q(self.over_sqrt_2pi) / sp.sqrt(2 * sp.pi)

    def plus(self, other: HalfLine) -> HalfLine:
        """Sum (``+`` would concatenate the tuples)."""
        return HalfLine(self.rational + other.rational, self.over_sqrt_2pi + other.over_sqrt_2pi)

    def scaled(self, c: int | fmpq) -> HalfLine:
        """``c`` times the value, c rational."""
        return HalfLine(self.rational * c, self.over_sqrt_2pi * c)


class SphereHalf(NamedTuple):
    """The exact value ``rational + times_cd * c_d`` with ``c_d`` the sphere marginal constant
    (:func:`sphere_marginal_constant_exact`) of the dimension it was computed for."""

    rational: fmpq
    times_cd: fmpq

    def ball(self, d: int) -> arb:
        """The value as a ball (``c_d`` of dimension d)."""
        return arb(self.rational) + arb(self.times_cd) * sphere_marginal_constant(d)

    def sympy(self, d: int) -> sp.Expr:
        """The value as a SymPy expression."""
        return _q(self.rational) + _q(self.times_cd) * sphere_marginal_constant_exact(d)

    def plus(self, other: SphereHalf) -> SphereHalf:
        """Sum (``+`` would concatenate the tuples)."""
        return SphereHalf(self.rational + other.rational, self.times_cd + other.times_cd)


def _q(x: fmpq) -> sp.Rational:
    return sp.Rational(int(x.p), int(x.q))


def _poly_coeffs(poly: object, name: str = "poly") -> list[fmpq]:
    if isinstance(poly, fmpq_poly | fmpz_poly):
        return [fmpq(c) for c in poly.coeffs()]
    if isinstance(poly, str | bytes) or not hasattr(poly, "__iter__"):
        raise TypeError(f"{name}={poly!r} must be an fmpq_poly or a sequence of rationals")
    out = []
    for j, c in enumerate(poly):
        if isinstance(c, bool) or not isinstance(c, int | fmpz | fmpq | Fraction):
            raise TypeError(f"{name}[{j}]={c!r} must be a rational (int, fmpq or Fraction)")
        out.append(fmpq(c.numerator, c.denominator) if isinstance(c, Fraction) else fmpq(c))
    return out


# ---------------------------------------------------------------------------------------------
# Gaussian.

def gaussian_moment(n: int) -> fmpq:
    """``E[g^n]`` for ``g ~ N(0, 1)``: ``(n-1)!!`` for even n, 0 for odd n (exact).

    >>> [int(gaussian_moment(n)) for n in range(7)]
    [1, 0, 1, 0, 3, 0, 15]
    """
    n = _order(n)
    return fmpq(double_factorial(n - 1)) if n % 2 == 0 else fmpq(0)


def gaussian_moment_ball(n: int) -> arb:
    """``E[g^n]`` as an (exact) ball."""
    return arb(gaussian_moment(n))


def half_line_moment(n: int) -> HalfLine:
    """``E[g^n 1{g > 0}] = int_0^oo x^n phi(x) dx``: even n gives ``(n-1)!!/2`` (half the
    moment), odd ``n = 2m+1`` gives ``2^m m!/sqrt(2 pi)`` (substitute ``u = x^2/2``).

    >>> half_line_moment(0), half_line_moment(1)
    (HalfLine(rational=1/2, over_sqrt_2pi=0), HalfLine(rational=0, over_sqrt_2pi=1))
    """
    n = _order(n)
    if n % 2 == 0:
        return HalfLine(fmpq(double_factorial(n - 1), 2), fmpq(0))
    m = (n - 1) // 2
    return HalfLine(fmpq(0), fmpq(2**m * math.factorial(m)))


def half_line_expectation(poly: fmpq_poly | Sequence[int | fmpq]) -> HalfLine:
    """``E[p(g) 1{g > 0}] = int_0^oo p(x) phi(x) dx`` for a rational polynomial p, exactly.
    ``E[relu(g) p(g)]`` is this for ``x p(x)``.

    >>> half_line_expectation(fmpq_poly([0, 1]))  # E[relu(g)] = 1/sqrt(2 pi)
    HalfLine(rational=0, over_sqrt_2pi=1)
    """
    total = HalfLine(fmpq(0), fmpq(0))
    for n, c in enumerate(_poly_coeffs(poly)):
        if c != 0:
            total = total.plus(half_line_moment(n).scaled(c))
    return total


def gaussian_abs_moment(n: int) -> HalfLine:
    """``E|g|^n = 2 E[g^n 1{g > 0}]`` exactly (``sqrt(2/pi) 2^m m!`` for odd n = 2m + 1)."""
    return half_line_moment(n).scaled(2)


def gaussian_interval_moments(a: object, b: object, j_max: int) -> list[arb]:
    """``[int_a^b x^j phi(x) dx for j = 0..j_max]`` as balls; ``a``/``b`` rationals or balls,
    ``None`` for ``-oo``/``+oo``. Recurrence (integration by parts):
    ``M_0 = Phi(b) - Phi(a)``, ``M_1 = phi(a) - phi(b)``,
    ``M_j = (j-1) M_{j-2} + a^{j-1} phi(a) - b^{j-1} phi(b)`` (an infinite end contributes 0).
    Guarantee: balls that contain the values. Raises ValueError if ``a > b``.

    >>> [m.contains(v) for m, v in zip(gaussian_interval_moments(None, None, 2), [1, 0, 1])]
    [True, True, True]
    """
    j_max = _order(j_max, "j_max")
    ends: list[arb | None] = []
    for name, e in (("a", a), ("b", b)):
        if e is None:
            ends.append(None)
            continue
        if isinstance(e, bool) or isinstance(e, float):
            raise TypeError(f"{name}={e!r} must be a rational, an arb or None (infinite)")
        if isinstance(e, Fraction):
            e = fmpq(e.numerator, e.denominator)
        if not isinstance(e, int | fmpz | fmpq | arb):
            raise TypeError(f"{name}={e!r} must be a rational, an arb or None (infinite)")
        ends.append(arb(e))
    lo, hi = ends
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"a={a} must be <= b={b}")
    cdf_b = arb(1) if hi is None else cast(arb, normal_cdf(hi))
    cdf_a = arb(0) if lo is None else cast(arb, normal_cdf(lo))
    pdf_a = arb(0) if lo is None else cast(arb, normal_pdf(lo))
    pdf_b = arb(0) if hi is None else cast(arb, normal_pdf(hi))
    out = [cdf_b - cdf_a]
    if j_max >= 1:
        out.append(pdf_a - pdf_b)
    for j in range(2, j_max + 1):
        ta = arb(0) if lo is None else lo ** (j - 1) * pdf_a
        tb = arb(0) if hi is None else hi ** (j - 1) * pdf_b
        out.append((j - 1) * out[j - 2] + ta - tb)
    return out


def gaussian_norm_moment(n: int, m: int) -> int:
    """``E|g|^{2m} = n (n+2) ... (n+2m-2)`` for ``g ~ N(0, I_n)`` (exact; 1 for m = 0).

    >>> gaussian_norm_moment(3, 2)
    15
    """
    n, m = check_dimension_any(n), _order(m, "m")
    return math.prod(n + 2 * i for i in range(m))


def gaussian_norm_moment_by_partitions(n: int, m: int) -> int:
    """``E (g_1^2 + ... + g_n^2)^m`` by the multinomial expansion over the partitions of m
    (``E g^{2s} = (2s-1)!!`` per part): an independent second method for
    :func:`gaussian_norm_moment`."""
    from sympy.utilities.iterables import partitions

    n, m = check_dimension_any(n), _order(m, "m")
    total = 0
    for part in partitions(m):
        parts = [size for size, mult in part.items() for _ in range(mult)]
        if len(parts) > n:
            continue
        multinomial = math.factorial(m)
        for s in parts:
            multinomial //= math.factorial(s)
        ways = math.perm(n, len(parts))
        for mult in part.values():
            ways //= math.factorial(mult)
        total += ways * multinomial * math.prod(double_factorial(2 * s - 1) for s in parts)
    return total


def gaussian_norm_moment_ball(n: int, s: int | fmpq | arb) -> arb:
    """``E|g|^s = 2^{s/2} Gamma((n+s)/2)/Gamma(n/2)`` for ``g ~ N(0, I_n)``, real ``s > -n``
    (the chi distribution's moments), as a ball."""
    n = check_dimension_any(n)
    if isinstance(s, bool) or not isinstance(s, int | fmpq | arb):
        raise TypeError(f"s={s!r} must be a rational or an arb")
    sb = arb(s)
    if not sb > -n:
        raise ValueError(f"s={s} must be > -n = {-n}")
    return (arb(2) ** (sb / 2) * ((n + sb) / 2).gamma() / (arb(n) / 2).gamma())


def check_dimension_any(n: object, name: str = "n") -> int:
    """A dimension ``n >= 1`` of R^n (Gaussian laws allow n = 1, unlike spheres)."""
    if isinstance(n, bool | np.bool_) or not isinstance(n, int | np.integer):
        raise TypeError(f"{name}={n!r} must be an integer dimension >= 1")
    if n < 1:
        raise ValueError(f"{name}={n} must be an integer dimension >= 1")
    return int(n)


# ---------------------------------------------------------------------------------------------
# Sphere.

def sphere_marginal_constant_exact(d: int) -> sp.Expr:
    """``c_d = Gamma(d/2)/(sqrt(pi) Gamma((d-1)/2))`` exactly (rational for odd d, a rational
    over pi for even d); the ball is ``conventions.sphere_marginal_constant``.

    >>> sphere_marginal_constant_exact(3), sphere_marginal_constant_exact(2)
    (1/2, 1/pi)
    """
    return _marginal_constant_exact(check_dimension(d))


@cache
def _marginal_constant_exact(d: int) -> sp.Expr:
    half = sp.Rational(d, 2)
    return sp.simplify(sp.gamma(half) / (sp.sqrt(sp.pi) * sp.gamma(half - sp.Rational(1, 2))))


def sphere_moment(d: int, m: int) -> fmpq:
    """``E[t^m]`` for ``t = <w, x>``, x uniform on ``S^{d-1}``: 0 for odd m, else
    ``prod_{i < m/2} (2i+1)/(d+2i)`` (exact; d = 2 gives ``E cos^m``).

    >>> sphere_moment(2, 2), sphere_moment(5, 4)
    (1/2, 3/35)
    """
    return _sphere_moment(check_dimension(d), _order(m, "m"))


@cache
def _sphere_moment(d: int, m: int) -> fmpq:
    if m % 2:
        return fmpq(0)
    out = fmpq(1)
    for i in range(m // 2):
        out *= fmpq(2 * i + 1, d + 2 * i)
    return out


def sphere_moment_ball(d: int, m: int) -> arb:
    """``E[t^m]`` as an (exact) ball."""
    return arb(sphere_moment(d, m))


def sphere_half_moment(d: int, m: int) -> SphereHalf:
    """``int_0^1 t^m w_d(t) dt`` exactly: even m gives ``E[t^m]/2``; odd ``m = 2p+1`` gives
    ``c_d B(p+1, (d-1)/2)/2 = c_d p!/(2 prod_{i<=p} ((d-1)/2 + i))``.

    >>> sphere_half_moment(3, 0), sphere_half_moment(2, 1)
    (SphereHalf(rational=1/2, times_cd=0), SphereHalf(rational=0, times_cd=1))
    """
    d, m = check_dimension(d), _order(m, "m")
    if m % 2 == 0:
        return SphereHalf(sphere_moment(d, m) / 2, fmpq(0))
    p = (m - 1) // 2
    den = fmpq(1)
    for i in range(p + 1):
        den *= fmpq(d - 1 + 2 * i, 2)
    return SphereHalf(fmpq(0), fmpq(math.factorial(p)) / (2 * den))


def sphere_half_moments(j_max: int, d: int, *, cap: int = 2 * MAX_DEGREE
                        ) -> list[dict[sp.Expr, fmpq]]:
    """``mu_j = int_0^1 t^j w_d(t) dt`` for ``j = 0..j_max`` as ``{1: q}`` or ``{c_d: q}``
    (``c_d`` = :func:`sphere_marginal_constant_exact`): the form of
    the exact sphere tier (``gegenbauer.exact_sphere_coefficients`` passes ``cap=4000``).

    ``mu_0 = 1/2``, ``mu_1 = c_d/(d-1)``, ``mu_{j+2} = mu_j (j+1)/(j+d)``.
    """
    j_max = check_degree(j_max, name="j_max", cap=cap)
    d = check_dimension(d)
    cd = sphere_marginal_constant_exact(d)
    out: list[dict[sp.Expr, fmpq]] = []
    for j in range(j_max + 1):
        h = sphere_half_moment(d, j)
        out.append({sp.Integer(1): h.rational} if j % 2 == 0 else {cd: h.times_cd})
    return out


def sphere_expectation(poly: fmpq_poly | Sequence[int | fmpq], d: int) -> fmpq:
    """``E[p(t)]`` for a rational polynomial p of ``t = <w, x>``, exactly."""
    d = check_dimension(d)
    return sum((c * sphere_moment(d, i) for i, c in enumerate(_poly_coeffs(poly)) if c != 0),
               fmpq(0))


def sphere_half_expectation(poly: fmpq_poly | Sequence[int | fmpq], d: int) -> SphereHalf:
    """``int_0^1 p(t) w_d(t) dt`` exactly; ``E[relu(t) p(t)]`` is this for ``t p(t)``."""
    d = check_dimension(d)
    total = SphereHalf(fmpq(0), fmpq(0))
    for i, c in enumerate(_poly_coeffs(poly)):
        if c != 0:
            h = sphere_half_moment(d, i)
            total = total.plus(SphereHalf(c * h.rational, c * h.times_cd))
    return total


def _exponents(alpha: object, name: str = "alpha") -> tuple[int, ...]:
    if isinstance(alpha, str | bytes) or not hasattr(alpha, "__iter__"):
        raise TypeError(f"{name}={alpha!r} must be a sequence of non-negative integers")
    return tuple(check_degree(int(a) if isinstance(a, fmpz) else a, name=f"{name}[{i}]")
                 for i, a in enumerate(alpha))


def sphere_monomial_moment(d: int, alpha: Sequence[int]) -> fmpq:
    """``E[x_1^alpha_1 ... x_k^alpha_k]`` for x uniform on ``S^{d-1}`` (``k = len(alpha) <= d``;
    missing exponents are 0): 0 unless every alpha_i is even, else
    ``prod (alpha_i - 1)!! / prod_{i < |alpha|/2} (d + 2i)``. Exact.

    >>> sphere_monomial_moment(3, (2, 2)), sphere_monomial_moment(3, (1,))
    (1/15, 0)
    """
    d = check_dimension(d)
    a = _exponents(alpha)
    if len(a) > d:
        raise ValueError(f"alpha has {len(a)} exponents; at most d={d} allowed")
    return _monomial_moment(d, tuple(sorted(e for e in a if e)))


@cache
def _monomial_moment(d: int, a: tuple[int, ...]) -> fmpq:
    """:func:`sphere_monomial_moment` for validated, sorted, non-zero exponents (cached: the
    Gram matrices of harmonic bases ask for the same few moments many times)."""
    if any(e % 2 for e in a):
        return fmpq(0)
    num = math.prod(double_factorial(e - 1) for e in a)
    den = math.prod(d + 2 * i for i in range(sum(a) // 2))
    return fmpq(num, den)


def sphere_polynomial_expectation(poly: fmpq_mpoly, d: int) -> fmpq:
    """``E[poly(x)]`` for x uniform on ``S^{d-1}``; the first d generators of the polynomial's
    context are the coordinates of x (further generators must not occur). Exact."""
    d = check_dimension(d)
    if not isinstance(poly, fmpq_mpoly):
        raise TypeError(f"poly={poly!r} must be an fmpq_mpoly")
    total = fmpq(0)
    for exps, c in poly.terms():
        if any(exps[d:]):
            raise ValueError(f"poly uses a generator beyond the first d={d}")
        m = _monomial_moment(d, tuple(sorted(int(e) for e in exps[:d] if e)))
        if m != 0:
            total += c * m
    return total


# ---------------------------------------------------------------------------------------------
# Dirichlet, hypercube, cube.

def dirichlet_moment(params: Sequence[int | fmpq], exponents: Sequence[int]) -> fmpq:
    """``E[prod X_i^{m_i}]`` for ``X ~ Dirichlet(a_1, ..., a_k)`` with rational ``a_i > 0``:
    ``prod_i (a_i)_{m_i} / (a_1 + ... + a_k)_{m_1 + ... + m_k}`` (rising factorials). Exact.

    >>> dirichlet_moment([fmpq(1, 2)] * 3, [1, 1, 0])  # E[x_1^2 x_2^2] on S^2
    1/15
    """
    if isinstance(params, str | bytes) or not hasattr(params, "__iter__"):
        raise TypeError(f"params={params!r} must be a sequence of positive rationals")
    a = []
    for i, p in enumerate(params):
        if isinstance(p, bool) or not isinstance(p, int | fmpz | fmpq):
            raise TypeError(f"params[{i}]={p!r} must be a positive rational (int or fmpq)")
        if not fmpq(p) > 0:
            raise ValueError(f"params[{i}]={p} must be > 0")
        a.append(fmpq(p))
    m = _exponents(exponents, "exponents")
    if len(m) != len(a) or not a:
        raise ValueError(f"exponents has {len(m)} entries; params has {len(a)} (need equal, >= 1)")

    def rising(x: fmpq, k: int) -> fmpq:
        out = fmpq(1)
        for i in range(k):
            out *= x + i
        return out

    num = fmpq(1)
    for ai, mi in zip(a, m, strict=True):
        num *= rising(ai, mi)
    return num / rising(sum(a, fmpq(0)), sum(m))


def hypercube_monomial_moment(alpha: Sequence[int]) -> fmpq:
    """``E[x^alpha]`` for x uniform on ``{-1, 1}^n``: 1 if every exponent is even, else 0."""
    a = _exponents(alpha)
    return fmpq(0 if any(e % 2 for e in a) else 1)


def cube_monomial_moment(alpha: Sequence[int]) -> fmpq:
    """``E[prod U_i^alpha_i]`` for i.i.d. ``U_i ~ Unif[-1, 1]``: ``prod 1/(alpha_i + 1)`` if
    every exponent is even, else 0."""
    a = _exponents(alpha)
    if any(e % 2 for e in a):
        return fmpq(0)
    out = fmpq(1)
    for e in a:
        out /= e + 1
    return out


# ---------------------------------------------------------------------------------------------
# Certified sphere expectations of analytic functions (an integrator independent of the engine).

def sphere_expectation_acb(f: Callable[[acb, bool], acb], d: int, *, half: bool = False,
                           surface: bool = False, in_u: bool = False) -> arb:
    """``E[f(t)]`` for ``t = <w, x>``, x uniform on ``S^{d-1}``, by one ``acb.integral``.

    Definition: with ``t = sin u``, ``E[f(t)] = c_d int_{-pi/2}^{pi/2} f(sin u) cos^{d-2} u du``
    (``c_d`` = ``conventions.sphere_marginal_constant``); the weight ``cos^{d-2} u`` is entire,
    so the integrand is analytic wherever f is. Options: ``half`` integrates over ``t in [0, 1]``
    only (``u in [0, pi/2]``: ``E[f(t) 1{t > 0}]``, how ReLU-type integrands are integrated
    with f analytic there); ``surface`` drops ``c_d``: ``int f(t) (1-t^2)^{(d-3)/2} dt``;
    ``in_u`` says f is a function of u (called at u, not at sin u).

    Convention: probability measure (DESIGN.md); f follows ``acb.integral``'s contract: called
    as ``f(z, analytic)``, it must return a non-finite value on any ball where ``analytic`` is
    True and f is not holomorphic (polynomials, exp, tanh and 1/(1+e^-z) satisfy it: their
    Arb evaluation is non-finite on a ball that meets a pole).

    Guarantee: a ball that contains the value, at the working precision ``flint.ctx.prec``
    (scope it with ``numbers.workprec``); ``acb.integral`` is asked for ``rel_tol = abs_tol =
    2^-(prec - 10)``. Independent of the engine (:mod:`verify.integrate`) and of the folded,
    parity-using integrals of :mod:`verify.gegenbauer`: no symmetry shortcut, so it can serve as
    their second method. Raises TypeError for a non-callable f or non-bool flags, ValueError
    for ``d < 2``.

    >>> sphere_expectation_acb(lambda z, a: z * z, 3).contains(sphere_moment(3, 2))
    True
    """
    if not callable(f):
        raise TypeError(f"f={f!r} must be a callable f(z: acb, analytic: bool) -> acb")
    for name, flag in (("half", half), ("surface", surface), ("in_u", in_u)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name}={flag!r} must be True or False")
    d = check_dimension(d)
    right = arb.pi() / 2
    left = arb(0) if half else -right

    def integrand(u: acb, analytic: bool) -> acb:
        return f(u if in_u else u.sin(), analytic) * u.cos() ** (d - 2)

    tol = arb(2) ** (-(ctx.prec - 10))
    value = acb.integral(integrand, left, right, rel_tol=tol, abs_tol=tol).real
    return value if surface else value * sphere_marginal_constant(d)
