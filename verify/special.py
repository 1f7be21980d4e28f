"""Special functions in Arb balls: Bessel J and the Bessel-square law, Owen's T, Dawson's F,
the regularized lower incomplete gamma function, the normal pdf/cdf/tail, double factorials,
Landau's constant.

Every ball function follows Arb's contract: *the result is a ball that contains the value*, at
the working precision ``flint.ctx.prec`` (scope it with :func:`verify.numbers.workprec`); a ball
that is too wide is the caller's to judge (a status is computed, never assumed). Where
python-flint has the function (``arb.bessel_j``, ``acb.bessel_j``, ``arb.erf``/``erfc``/``erfi``,
``arb.gamma_lower``, ``acb.integral``) it is used; the hand-written code is only what flint lacks
(Owen's T, Dawson's F as a series, the Bessel-square sum with its tail) or an independent second
method (named ``*_series`` / ``*_integral`` / ``*_quadrature``), each with its proof in the
docstring and in ``proofs_notes/special.md``. SymPy forms (``*_sympy``) where the function has one.

>>> from verify.numbers import workprec
>>> with workprec(80):
...     t = owen_t_series(0, fmpq(1, 2))
...     exact = arb(fmpq(1, 2)).atan() / (2 * arb.pi())
...     print(normal_cdf(0).contains(fmpq(1, 2)), t.overlaps(exact))
True True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from fractions import Fraction
from typing import NamedTuple, cast

import numpy as np
import sympy as sp
from flint import acb, arb, ctx, fmpq, fmpq_poly, fmpz

from .numbers import workprec

Real = arb | fmpq | fmpz | int | Fraction
Number = arb | acb | fmpq | fmpz | int | Fraction


def _ball(x: object, name: str, *, complex_ok: bool = True) -> arb | acb:
    """One validation of a numeric argument: a finite int/fmpz/fmpq/Fraction/arb (or acb when
    ``complex_ok``); bool, float, str and non-finite balls are refused (floats are not exact:
    pass ``arb("0.1")`` or ``fmpq(1, 10)``)."""
    if isinstance(x, bool | np.bool_):
        raise TypeError(f"{name}={x!r} must be a number (int, fmpq, arb), not a bool")
    if isinstance(x, Fraction):
        return arb(fmpq(x.numerator, x.denominator))
    if isinstance(x, int | np.integer | fmpz | fmpq):
        return arb(fmpq(int(x)) if isinstance(x, np.integer) else x)
    if isinstance(x, arb) or (complex_ok and isinstance(x, acb)):
        if not x.is_finite():
            raise ValueError(f"{name}={x} must be a finite ball")
        return x
    allowed = "int, fmpq, Fraction, arb or acb" if complex_ok else "int, fmpq, Fraction or arb"
    if isinstance(x, float | np.floating):
        raise TypeError(f"{name}={x!r} is a float; give an exact number or a ball ({allowed})")
    raise TypeError(f"{name}={x!r} must be one of {allowed}")


def _real(x: object, name: str) -> arb:
    b = _ball(x, name, complex_ok=False)
    assert isinstance(b, arb)
    return b


# ---------------------------------------------------------------------------------------------
# Elementary exact functions.

def double_factorial(n: int) -> int:
    """``n!! = n (n-2) (n-4) ...`` exactly, with ``0!! = (-1)!! = 1``; defined for ``n >= -1``.

    SymPy form: ``sympy.factorial2(n)``. Raises TypeError (not an int, or a bool) or ValueError
    (``n < -1``).

    >>> [double_factorial(n) for n in (-1, 0, 1, 5, 6)]
    [1, 1, 1, 15, 48]
    """
    if isinstance(n, bool | np.bool_) or not isinstance(n, int | np.integer):
        raise TypeError(f"n={n!r} must be an integer >= -1")
    if n < -1:
        raise ValueError(f"n={n} must be >= -1 ((-1)!! = 1 is the last defined value)")
    return math.prod(range(int(n), 0, -2))


# ---------------------------------------------------------------------------------------------
# Normal distribution.

def normal_pdf(x: Number) -> arb | acb:
    """``phi(x) = exp(-x^2/2)/sqrt(2 pi)`` as a ball (real or complex). Guarantee: contains the
    value. SymPy form: :func:`normal_pdf_sympy`.

    >>> normal_pdf(0).overlaps(1 / (2 * arb.pi()).sqrt())
    True
    """
    b = _ball(x, "x")
    return (-b * b / 2).exp() / (2 * arb.pi()).sqrt()


def normal_cdf(x: Number) -> arb | acb:
    """``Phi(x) = erfc(-x/sqrt 2)/2 = (1 + erf(x/sqrt 2))/2`` as a ball (the erfc form keeps
    relative accuracy in the left tail). Guarantee: contains the value.

    >>> normal_cdf(-40) > 0
    True
    """
    b = _ball(x, "x")
    return (-b / arb(2).sqrt()).erfc() / 2


def normal_sf(x: Number) -> arb | acb:
    """Upper tail ``1 - Phi(x) = erfc(x/sqrt 2)/2`` as a ball (relative accuracy for large x).

    >>> normal_sf(0)
    0.500000000000000
    """
    b = _ball(x, "x")
    return (b / arb(2).sqrt()).erfc() / 2


def normal_pdf_sympy(u: sp.Expr) -> sp.Expr:
    """``exp(-u^2/2)/sqrt(2 pi)`` as a SymPy expression."""
    return sp.exp(-sp.sympify(u) ** 2 / 2) / sp.sqrt(2 * sp.pi)


def normal_cdf_sympy(u: sp.Expr) -> sp.Expr:
    """``(1 + erf(u/sqrt 2))/2`` as a SymPy expression."""
    return (1 + sp.erf(sp.sympify(u) / sp.sqrt(2))) / 2


# ---------------------------------------------------------------------------------------------
# Incomplete gamma.

def reg_lower_gamma(a: Real, x: Real) -> arb:
    """``P(a, x) = gamma(a, x)/Gamma(a) = (1/Gamma(a)) int_0^x t^{a-1} e^{-t} dt`` for a > 0,
    x >= 0, by Arb (``arb.gamma_lower(..., regularized=1)``). Guarantee: contains the value.
    Second method: :func:`reg_lower_gamma_series`. SymPy form: ``lowergamma(a, x)/gamma(a)``.

    >>> reg_lower_gamma(1, 2).overlaps(1 - arb(-2).exp())
    True
    """
    ab, xb = _check_gamma_args(a, x)
    return xb.gamma_lower(ab, regularized=1)


def reg_lower_gamma_series(a: Real, x: Real) -> arb:
    """``P(a, x)`` by the series ``x^a e^{-x}/Gamma(a+1) sum_{n>=0} x^n/((a+1)...(a+n))``
    (DLMF 8.7.1), an independent method. Once ``x/(a+n+1) <= 1/2`` every later term is at most
    half the previous one, so the omitted tail is at most twice the next term; the sum stops when
    that term is below ``2^-(prec+10)`` of the total. Guarantee: contains the value.
    """
    ab, xb = _check_gamma_args(a, x)
    if xb == 0:
        return arb(0)
    total, term, n = arb(0), arb(1), 0
    small = arb(2) ** (-ctx.prec - 10)
    while True:
        total += term
        n += 1
        term = term * xb / (ab + n)
        if xb / (ab + n + 1) < arb(1) / 2 and term < small * total:
            total += arb(0, (2 * term).upper())
            break
    return (ab * xb.log() - xb - (ab + 1).lgamma()).exp() * total


def _check_gamma_args(a: object, x: object) -> tuple[arb, arb]:
    ab, xb = _real(a, "a"), _real(x, "x")
    if not ab > 0:
        raise ValueError(f"a={a} must be > 0")
    if not xb >= 0:
        raise ValueError(f"x={x} must be >= 0")
    return ab, xb


# ---------------------------------------------------------------------------------------------
# Owen's T.

_OWEN_SERIES_MAX_A = fmpq(95, 100)  # the series converges like a^2j; beyond, use the integral


def owen_t_series(h: Real, a: Real) -> arb:
    """Owen's ``T(h, a) = (1/2pi) int_0^a exp(-h^2 (1+x^2)/2)/(1+x^2) dx`` for ``0 <= a < 0.95``
    by Owen's series ``T = (1/2pi)(atan a - sum_j c_j a^{2j+1})`` with
    ``c_j = (-1)^j (1 - e^{-h^2/2} sum_{i<=j} (h^2/2)^i/i!)/(2j+1)``.

    Tail: ``0 <= 1 - e^{-y} sum_{i<=j} y^i/i! <= 1``, so ``|c_j| <= 1/(2j+1)`` and the tail after
    J terms is at most ``a^{2J+1}/((2J+1)(1-a^2))``; summed until that is below ``2^-(prec+10)``
    and added as a radius. Guarantee: contains the value. Raises ValueError for a not provably
    in [0, 0.95) (use :func:`owen_t_integral` or :func:`owen_t`).
    """
    hb, ab = _real(h, "h"), _real(a, "a")
    if not (ab >= 0 and ab < arb(_OWEN_SERIES_MAX_A)):
        raise ValueError(f"a={a} must lie in [0, 0.95) for Owen's series; use owen_t")
    y = hb * hb / 2
    e = (-y).exp()
    partial, term_y, total = arb(0), arb(1), arb(0)
    a2, apow, j = ab * ab, ab, 0
    small = arb(2) ** (-ctx.prec - 10)
    while True:
        partial += term_y
        total += (-1) ** j * (1 - e * partial) / (2 * j + 1) * apow
        j += 1
        term_y = term_y * y / j
        apow = apow * a2
        tail = apow / ((2 * j + 1) * (1 - a2))
        if tail < small:
            break
    return (ab.atan() - total + arb(0, tail.upper())) / (2 * arb.pi())


def owen_t_integral(h: Real, a: Real) -> arb:
    """Owen's ``T(h, a)`` by its defining integral with ``acb.integral`` (relative tolerance
    ``2^-prec``; the integrand is meromorphic with poles at ``+-i`` only, which Arb's integrator
    detects as non-finite balls). Any real a. Guarantee: contains the value.
    """
    hb, ab = _real(h, "h"), _real(a, "a")
    hh = acb(hb * hb) / 2

    def f(x: acb, _: bool) -> acb:
        return (-hh * (1 + x * x)).exp() / (1 + x * x)

    tol = arb(2) ** (-ctx.prec)
    val = acb.integral(f, 0, acb(ab), rel_tol=tol, abs_tol=tol * tol)
    return val.real / (2 * arb.pi())


def owen_t(h: Real, a: Real) -> arb:
    """Owen's ``T(h, a)``: :func:`owen_t_series` for ``0 <= a < 0.95``, ``-T(h, -a)`` for
    negative a, :func:`owen_t_integral` otherwise. ``T(-h, a) = T(h, a)``; ``T(0, a) =
    atan(a)/(2 pi)``; ``T(h, 1) = Phi(h)(1 - Phi(h))/2``. Guarantee: contains the value.

    >>> owen_t(0, 1).overlaps(arb(1) / 8)
    True
    """
    hb, ab = _real(h, "h"), _real(a, "a")
    if ab < 0:
        return -owen_t(hb, -ab)
    if ab >= 0 and ab < arb(_OWEN_SERIES_MAX_A):
        return owen_t_series(abs(hb), ab)
    return owen_t_integral(hb, ab)


# ---------------------------------------------------------------------------------------------
# Dawson's function.

def dawson(z: Number) -> arb | acb:
    """Dawson's ``F(z) = exp(-z^2) int_0^z exp(t^2) dt = (sqrt(pi)/2) exp(-z^2) erfi(z)``, by
    Arb's ``erfi`` (real or complex ball). Guarantee: contains the value. Second method:
    :func:`dawson_over_z` (series). SymPy form: :func:`dawson_sympy`.

    >>> dawson(1).overlaps(arb("0.5380795069127684191"))
    True
    """
    b = _ball(z, "z")
    return arb.pi().sqrt() / 2 * (-b * b).exp() * b.erfi()


def dawson_sympy(z: sp.Expr) -> sp.Expr:
    """``sqrt(pi)/2 exp(-z^2) erfi(z)`` as a SymPy expression."""
    z = sp.sympify(z)
    return sp.sqrt(sp.pi) / 2 * sp.exp(-z**2) * sp.erfi(z)


#: :func:`dawson_over_z` refuses ``|z|^2`` at or above this (its series needs ~2|z|^2 terms).
DAWSON_SERIES_MAX_R = 4096


@functools.lru_cache(maxsize=64)
def _dawson_series_coefficients(n: int) -> tuple[fmpq, ...]:
    """``c_0..c_n`` of ``F(z)/z = sum c_i z^{2i}``: ``c_0 = 1``, ``c_{i+1} = -2 c_i/(2i+3)``."""
    coeffs, c = [], fmpq(1)
    for i in range(n + 1):
        coeffs.append(c)
        c = c * fmpq(-2, 2 * i + 3)
    return tuple(coeffs)


def dawson_over_z(z: Number) -> acb:
    """``F(z)/z = 1F1(1; 3/2; -z^2) = sum_n (-2)^n z^{2n}/(2n+1)!!`` (an entire function; 1 at
    z = 0), by the series with a proved tail: with ``r = |z|^2``, ``|t_{n+1}/t_n| = 2r/(2n+3)``,
    so once that ratio is at most 1/2 the omitted terms sum to at most twice the first omitted
    one; the number of terms N is chosen so that this bound is below ``2^-(prec+10)``, and the
    bound is added to the real and imaginary parts. The sum cancels like ``e^{|z|^2}`` relative
    to its value: give ``|z|^2`` extra bits of precision for large z. Guarantee: contains the
    value (always finite). Used near 0 where ``erfi(z)/z`` is 0/0.

    >>> dawson_over_z(0)
    1.00000000000000
    """
    b = acb(_ball(z, "z"))
    w = b * b
    r = abs(w).upper()
    rf = float(r) if r < DAWSON_SERIES_MAX_R else math.inf
    if not math.isfinite(rf):
        # about 2|z|^2 terms are needed: a wide ball (as acb.integral probes) would take
        # unbounded time and memory
        raise ValueError(f"z={z} is too large for the series (|z|^2 must be below "
                         f"{DAWSON_SERIES_MAX_R}); use dawson")
    target = -(ctx.prec + 10) * math.log(2)
    # smallest N with 2r/(2N+3) <= 1/2 and log(|c_N| r^N) < target (|c_N| = 2^N/(2N+1)!!)
    n, log_t = 0, 0.0
    while not (2 * rf / (2 * n + 3) <= 0.5 and log_t < target - 1):
        n += 1
        log_t += math.log(2 * rf / (2 * n + 1)) if rf > 0 else -math.inf
        if rf == 0:
            break
    coeffs = _dawson_series_coefficients(n)
    c = coeffs[n]
    total = acb(0)
    for q in reversed(coeffs[:n]):
        total = total * w + arb(q)
    if rf == 0:
        return total if n else acb(1)
    first_omitted = abs(arb(c)) * r**n  # |c_N| r^N
    err = (2 * first_omitted).upper()
    return total + acb(arb(0, err), arb(0, err))


class DawsonAsymptotic(NamedTuple):
    """For ``s >= a``: ``F(s) = lo(1/s) + R(s) + boundary * exp(a^2 - s^2)`` with
    ``0 <= R(s) <= hi(1/s) - lo(1/s)`` (see :func:`dawson_asymptotic`)."""

    lo: fmpq_poly
    hi: fmpq_poly
    boundary: arb
    a: fmpq


def dawson_asymptotic(n_terms: int, a: int | fmpq) -> DawsonAsymptotic:
    """Two-sided asymptotic bounds of Dawson's F on ``[a, oo)``.

    Integrating ``int_a^s e^{t^2} dt`` by parts ``n_terms + 1`` times gives, for ``s >= a``,
    ``F(s) = P_lo(1/s) + R(s) + B e^{a^2 - s^2}`` with
    ``P_lo(x) = sum_{j<=n} (2j-1)!!/2^{j+1} x^{2j+1}``, the constant ``B = F(a) - P_lo(1/a)``
    (returned as a ball) and a remainder
    ``0 <= R(s) <= rho s^{-2n-3}``, ``rho = (2n+1)!!/(2^{n+2} (1 - (2n+3)/(2a^2)))`` (from
    ``(e^{t^2} t^{-m-1})' >= (2 - (m+1)/a^2) e^{t^2} t^{-m}`` on ``[a, s]``, m = 2n + 2).
    ``P_hi = P_lo + rho x^{2n+3}``. Requires ``2 a^2 > 2n + 3``. Proof: proofs_notes/special.md.
    Raises TypeError/ValueError.
    """
    if isinstance(n_terms, bool) or not isinstance(n_terms, int) or n_terms < 0:
        raise TypeError(f"n_terms={n_terms!r} must be a non-negative integer")
    if isinstance(a, bool) or not isinstance(a, int | fmpq):
        raise TypeError(f"a={a!r} must be a rational (int or fmpq)")
    aq = fmpq(a)
    if not (aq > 0 and 2 * aq * aq > 2 * n_terms + 3):
        raise ValueError(f"a={a} must satisfy 2 a^2 > 2 n_terms + 3 = {2 * n_terms + 3}")
    coeffs = [fmpq(0)] * (2 * n_terms + 4)
    for j in range(n_terms + 1):
        coeffs[2 * j + 1] = fmpq(double_factorial(2 * j - 1), 2 ** (j + 1))
    lo = fmpq_poly(coeffs)
    rho = fmpq(double_factorial(2 * n_terms + 1), 2 ** (n_terms + 2)) / (
        1 - fmpq(2 * n_terms + 3) / (2 * aq * aq))
    hi_coeffs = list(coeffs)
    hi_coeffs[2 * n_terms + 3] = rho
    boundary = _real(dawson(aq), "F(a)") - arb(lo(1 / aq))
    return DawsonAsymptotic(lo, fmpq_poly(hi_coeffs), boundary, aq)


# ---------------------------------------------------------------------------------------------
# Bessel J and the Bessel-square law.

def bessel_j(nu: Real, z: Number | Callable[[], arb | acb], *, abs_tol: arb | None = None,
             max_doublings: int = 5) -> arb | acb:
    """``J_nu(z)`` as a ball, by Arb's ``bessel_j`` (real or complex).

    Without ``abs_tol``: one evaluation at the working precision. With ``abs_tol``: Arb's series
    loses about ``1.44|z|`` bits to cancellation in the transition region and amplifies the radius
    of z as much, so z may be given as a *callable* (re-evaluated at each precision); the
    precision starts at ``max(prec, 2 log2(1/abs_tol) + 3.2|z| + 40)`` and doubles (at most
    ``max_doublings`` times) until the radius is below ``abs_tol``. Guarantee: the returned ball
    contains the value; it is the last finite one, possibly wider than ``abs_tol`` (check it). A
    NaN ball is returned only if no evaluation was finite.

    >>> bessel_j(arb(1) / 2, arb.pi()).overlaps(arb(0))
    True
    """
    nub = _real(nu, "nu")
    if abs_tol is not None and not (isinstance(abs_tol, arb) and abs_tol > 0):
        raise ValueError(f"abs_tol={abs_tol} must be a positive arb")
    if callable(z):
        zfun = z
    else:
        zb = _ball(z, "z")

        def zfun() -> arb | acb:
            return zb

    if abs_tol is None:
        return zfun().bessel_j(nub)
    bits = int(-float(abs_tol.log().upper()) / math.log(2)) + 1
    zf = abs(float(abs(zfun()).mid()))
    prec = max(ctx.prec, 2 * bits + int(3.2 * zf) + 40)
    best: arb | acb = arb.nan()
    for _ in range(max_doublings):
        with workprec(prec):
            val = zfun().bessel_j(nub)
        if val.is_finite():
            best = val
            if val.rad() < abs_tol:
                return val
        prec *= 2
    return best


def bessel_square_cdf(nu: Real, x: Real | Callable[[], arb], *,
                      abs_tol: arb | None = None) -> arb:
    """``2 nu int_0^x J_nu(t)^2 dt/t = J_nu(x)^2 + 2 sum_{k>=1} J_{nu+k}(x)^2`` for nu > 0,
    x >= 0: the CDF of the law with density ``2 nu J_nu(t)^2/t`` on ``(0, oo)`` (it tends to 1).

    Proof: ``(J_mu^2 + J_{mu+1}^2)' = (2mu/t) J_mu^2 - (2(mu+1)/t) J_{mu+1}^2`` telescopes
    (proofs_notes/special.md). Each J by :func:`bessel_j` with ``abs_tol`` (default
    ``2^-(prec/2)``; x may be a callable, re-evaluated at the precision the Bessel function needs);
    the terms with ``nu + k > x + 10`` are bounded by ``|J_mu(x)| <= (x/2)^mu/Gamma(mu+1)``
    (DLMF 10.14.4), a geometric series of ratio ``q = (x/2)/(mu+1)``: the tail
    ``2 b^2/(1 - q^2)`` is added as a radius once ``b^2 < 2^-(prec+20)``. Guarantee: contains
    the value. Second method: :func:`bessel_square_cdf_quadrature`.
    """
    nub = _real(nu, "nu")
    if not nub > 0:
        raise ValueError(f"nu={nu} must be > 0")
    if callable(x):
        xfun = x
    else:
        xb0 = _real(x, "x")

        def xfun() -> arb:
            return xb0

    big_x = xfun()
    if not big_x >= 0:
        raise ValueError(f"x={big_x} must be >= 0")
    if big_x == 0:
        return arb(0)
    tol = abs_tol if abs_tol is not None else arb(2) ** (-(ctx.prec // 2))
    total = cast(arb, bessel_j(nub, xfun, abs_tol=tol)) ** 2
    xf = float(big_x.mid())
    stop = -(ctx.prec + 20) * math.log(2) / 2
    k = 1
    while True:
        mu = nub + k
        if float(mu.mid()) > xf + 10:
            log_b = mu * (big_x / 2).log() - (mu + 1).lgamma()
            if float(log_b.upper()) < stop:
                q = (big_x / 2) / (mu + 1)
                return total + arb(0, (2 * (2 * log_b).exp() / (1 - q * q)).upper())
        total += 2 * cast(arb, bessel_j(mu, xfun, abs_tol=tol)) ** 2
        k += 1


def bessel_square_cdf_quadrature(nu: Real, x: Real) -> arb:
    """``2 nu int_0^x J_nu(t)^2 dt/t`` by ``acb.integral`` (an independent method), for
    ``2 nu`` a positive integer (so ``J_nu^2/t = t^{2nu-1} E(t)^2`` with E entire):
    ``E = 0F1(; nu+1; -t^2/4)/(2^nu Gamma(nu+1))`` near 0 (a ball there may cross the cut of
    J_nu), Arb's Bessel function for ``Re t >= 8``. Relative tolerance ``2^-(prec-10)``.
    Guarantee: contains the value.
    """
    nub = _real(nu, "nu")
    two_nu = 2 * nub
    two_nu_int = two_nu.unique_fmpz() if two_nu.is_exact() else None
    if two_nu_int is None or not two_nu > 0:
        raise ValueError(f"nu={nu} must be a positive multiple of 1/2 for the quadrature")
    power = int(two_nu_int) - 1
    xb = _real(x, "x")
    if not xb >= 0:
        raise ValueError(f"x={x} must be >= 0")
    nu_c = acb(nub)
    norm = 1 / (2**nu_c * (nu_c + 1).gamma())

    def f(t: acb, _: bool) -> acb:
        if abs(t.real.mid()) < 8:
            e = norm * (-(t * t) / 4).hypgeom_0f1(nu_c + 1)
            return t**power * e * e
        return t.bessel_j(nu_c) ** 2 / t

    tol = arb(2) ** (-(ctx.prec - 10))
    value: arb = acb.integral(f, 0, acb(xb), rel_tol=tol, abs_tol=tol * tol).real
    return two_nu * value


def unit_volume_ball_radius(d: int) -> arb:
    """``R_d = Gamma(d/2 + 1)^{1/d}/sqrt(pi)``, the radius of the d-ball of volume 1, as a ball.

    >>> unit_volume_ball_radius(2).overlaps(1 / arb.pi().sqrt())
    True
    """
    if isinstance(d, bool) or not isinstance(d, int) or d < 1:
        raise ValueError(f"d={d!r} must be an integer >= 1")
    return ((arb(d) / 2 + 1).lgamma() / d).exp() / arb.pi().sqrt()


#: Upper bound 0.7858 of Landau's constant c = sup_{nu >= 0, x > 0} x^{1/3} |J_nu(x)|
#: = 0.7857468704... (Landau 2000), exact; see :func:`landau_constant`.
LANDAU_UPPER = fmpq(7858, 10000)
_LANDAU_ARGMAX = "0.78366281850347015136"  # where x^{1/3} J_0(x) is largest


def landau_constant() -> arb:
    """A ball ``[lo, 0.7858]`` containing Landau's constant
    ``c = sup_{nu >= 0, x > 0} x^{1/3} |J_nu(x)| = 0.7857468704985...``, so that
    ``|J_nu(x)| <= 0.7858 x^{-1/3}`` for all ``nu >= 0``, ``x > 0``.

    Guarantee: the lower end is proved here (``c >= x0^{1/3} J_0(x0)`` at
    ``x0 = 0.78366...``, evaluated in Arb); the upper end 0.7858 rests on L. Landau, *Bessel
    functions: monotonicity and bounds*, J. London Math. Soc. 61 (2000), who shows the supremum
    is attained by J_0 and gives c = 0.785746870...; the value at the maximiser is re-computed
    by mpmath in tests/reference/test_special.py. The exact bound is :data:`LANDAU_UPPER`
    (the ball's upper end is it, rounded outward).

    >>> landau_constant().upper() >= arb("0.7858"), landau_constant().lower() > arb("0.78574687")
    (True, True)
    """
    with workprec(max(ctx.prec, 64)):
        x0 = arb(_LANDAU_ARGMAX)
        lo = (x0 ** (arb(1) / 3) * x0.bessel_j(0)).lower()
    hi = arb(LANDAU_UPPER)
    return arb(lo).union(hi)
