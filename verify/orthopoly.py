"""Orthogonal polynomials in exact, ball and float arithmetic: He_k, h_k, H_k, P_{k,d}, C_k^lam.

**Hermite (probabilists').** Monic ``He_k``, orthogonal under ``phi(x) = exp(-x^2/2)/sqrt(2 pi)``:

    He_0 = 1,  He_1 = x,  He_{k+1}(x) = x He_k(x) - k He_{k-1}(x),   E[He_j He_k] = k! [j = k].

Orthonormal ``h_k = He_k / sqrt(k!)``. Physicists' ``H_k`` (what ``sympy.hermite``,
``mpmath.hermite`` and ``scipy.special.eval_hermite`` return): ``H_{k+1} = 2x H_k - 2k H_{k-1}``,
bridged by ``He_k(x) = 2^{-k/2} H_k(x/sqrt 2)``. ``He_k(0) = 0`` for odd k and
``(-1)^{k/2} (k-1)!!`` for even k.

**Gegenbauer (sphere-normalized).** For ``x`` uniform on ``S^{d-1}`` and ``t = <w, x>``,
``P_{k,d} = C_k^lam / C_k^lam(1)`` with ``lam = (d-2)/2`` (d = 2: Chebyshev ``T_k``; d = 3:
Legendre ``P_k``), so ``P_{k,d}(1) = 1``. Classical ``C_k^lam`` (``scipy.special.eval_gegenbauer``):
``C_0 = 1``, ``C_1 = 2 lam t``, ``(k+1) C_{k+1} = 2(k+lam) t C_k - (k+2lam-1) C_{k-1}``,
``C_k^lam(1) = (2 lam)_k / k!``.

Tiers: ``*_values`` run a three-term recurrence in the arithmetic of the argument (exact for
``fmpq``/``int``, balls that contain the values for ``arb``/``acb``); ``*_poly``/``*_polys`` are
exact ``fmpq_poly`` power bases (safe because exact); ``*_float`` are numpy rows with no guarantee.
The recurrences are hand-written because python-flint offers single values only
(``arb.hermite_h`` (physicists'), ``arb.gegenbauer_c``, ``arb.chebyshev_t``, each one degree per
call by a hypergeometric series) while the tiers need all degrees 0..k at once at the same point;
those flint functions serve as independent references in the tests.

>>> [int(v) for v in hermite_prob_values(4, fmpq(0))]
[1, 0, -1, 0, 3]
>>> [int(v) for v in hermite_prob_values(3, fmpq(2))]
[1, 2, 3, 2]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TypeVar

import numpy as np
from flint import acb, arb, ctx, fmpq, fmpq_poly, fmpz, fmpz_poly

from .conventions import check_degree, check_dimension

T = TypeVar("T", fmpq, arb, acb)


def _check_argument(x: object, name: str = "x") -> None:
    """Refuse a bool, a string and a NaN/infinite float (one line); anything else that supports
    ring arithmetic (int, fmpz, fmpq, arb, acb, fmpq_poly, ...) is accepted."""
    if isinstance(x, bool | np.bool_):
        raise TypeError(f"{name}={x!r} must be a number (int, fmpq, arb or acb), not a bool")
    if isinstance(x, str | bytes) or x is None:
        raise TypeError(f"{name}={x!r} must be a number (int, fmpq, arb or acb)")
    if isinstance(x, float | np.floating) and not math.isfinite(x):
        raise ValueError(f"{name}={x!r} must be finite")
    if isinstance(x, arb | acb) and not x.is_finite():
        raise ValueError(f"{name}={x} must be a finite ball")


# ---------------------------------------------------------------------------------------------
# Hermite.

def hermite_prob_values(k_max: int, x: T) -> list[T]:
    """``[He_0(x), ..., He_{k_max}(x)]`` by the three-term recurrence, in the arithmetic of ``x``.

    Guarantee: exact for ``fmpq``/``int``/polynomial rings; for ``arb``/``acb``, balls that
    contain the values. Raises TypeError/ValueError for a bad ``k_max`` or ``x``.
    """
    k_max = check_degree(k_max, name="k_max")
    _check_argument(x)
    values = [x * 0 + 1]
    if k_max >= 1:
        values.append(x)
    for j in range(1, k_max):
        values.append(x * values[j] - j * values[j - 1])
    return values


def hermite_prob(k: int, x: T) -> T:
    """``He_k(x)``, the monic probabilists' Hermite polynomial (exact for fmpq, ball for arb).

    >>> hermite_prob(3, fmpq(1, 2))
    -11/8
    """
    return hermite_prob_values(check_degree(k), x)[-1]


def hermite_normalized_values(k_max: int, x: arb | acb | fmpq | int) -> list[arb | acb]:
    """``[h_0(x), ..., h_{k_max}(x)]`` with ``h_k = He_k/sqrt(k!)`` (orthonormal), as balls.

    Runs the normalized recurrence ``h_{k+1} = (x h_k - sqrt(k) h_{k-1})/sqrt(k+1)`` (no k!
    growth). Guarantee: balls that contain the values (an ``fmpq``/int argument becomes an exact
    ball). Raises TypeError/ValueError for a bad ``k_max`` or ``x``.

    >>> [v.contains(arb(w)) for v, w in zip(hermite_normalized_values(2, 1), [1, 1, 0])]
    [True, True, True]
    """
    k_max = check_degree(k_max, name="k_max")
    _check_argument(x)
    xb: arb | acb = x if isinstance(x, arb | acb) else arb(x)
    out: list[arb | acb] = [xb * 0 + 1]
    if k_max >= 1:
        out.append(xb)
    for j in range(1, k_max):
        out.append((xb * out[j] - arb(j).sqrt() * out[j - 1]) / arb(j + 1).sqrt())
    return out


def hermite_normalized_scaled_float(k_max: int, x: np.ndarray) -> np.ndarray:
    """Rows ``h_k(x) * exp(-x**2/4)`` for ``k = 0..k_max``, in doubles, without overflow.

    Normalized recurrence ``h_{k+1} = (x h_k - sqrt(k) h_{k-1}) / sqrt(k+1)``, run unscaled
    with a running power-of-two exponent (so that neither ``exp(-x**2/4)`` underflows for
    ``|x| > 54`` nor ``h_k`` overflows), then scaled by ``exp(-x**2/4)``. By Cramer's
    inequality every entry is at most 1.0865 in magnitude. Guarantee: none (floating point).
    """
    k_max = check_degree(k_max, name="k_max")
    x = np.asarray(x, dtype=float)
    out = np.empty((k_max + 1,) + x.shape)
    log_scale = -x * x / 4  # natural log of the factor still to apply
    prev, cur = np.zeros_like(x), np.ones_like(x)
    out[0] = np.exp(log_scale)
    for j in range(0, k_max):
        prev, cur = cur, (x * cur - np.sqrt(j) * prev) / np.sqrt(j + 1)
        big = np.abs(cur) > 1e150
        if big.any():
            prev, cur = np.where(big, prev * 1e-150, prev), np.where(big, cur * 1e-150, cur)
            log_scale = np.where(big, log_scale + 150 * np.log(10.0), log_scale)
        with np.errstate(under="ignore"):
            out[j + 1] = cur * np.exp(log_scale)
    return out


def hermite_prob_float(k_max: int, x: np.ndarray) -> np.ndarray:
    """Rows ``He_k(x)`` for ``k = 0..k_max`` in doubles (plain recurrence; no guarantee; may
    overflow to inf for large k and |x|: use :func:`hermite_normalized_scaled_float` there)."""
    k_max = check_degree(k_max, name="k_max")
    x = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x)):
        raise ValueError("x must be finite (found NaN or inf)")
    out = np.empty((k_max + 1,) + x.shape)
    out[0] = 1.0
    if k_max >= 1:
        out[1] = x
    with np.errstate(over="ignore", invalid="ignore"):
        for j in range(1, k_max):
            out[j + 1] = x * out[j] - j * out[j - 1]
    return out


@cache
def _hermite_prob_polys(k_max: int) -> tuple[fmpq_poly, ...]:
    x = fmpq_poly([0, 1])
    polys = [fmpq_poly([1]), x]
    for k in range(1, k_max):
        polys.append(x * polys[k] - k * polys[k - 1])
    return tuple(polys[: k_max + 1])


def hermite_prob_polys(k_max: int) -> list[fmpq_poly]:
    """Exact ``He_0..He_{k_max}`` as ``fmpq_poly`` (the recurrence in exact arithmetic; cached,
    fresh copies returned). Raises TypeError/ValueError for a bad ``k_max``.

    >>> hermite_prob_polys(3)[3]
    x^3 + (-3)*x
    """
    k_max = check_degree(k_max, name="k_max")
    return [fmpq_poly(p) for p in _hermite_prob_polys(k_max)]


def hermite_prob_poly(k: int) -> fmpq_poly:
    """Exact ``He_k`` as an ``fmpq_poly`` (see :func:`hermite_prob_polys`)."""
    return hermite_prob_polys(check_degree(k))[-1]


def hermite_prob_coefficients(k: int) -> list[int]:
    """Power-basis coefficients of ``He_k`` (index = power), by the explicit sum
    ``He_k(x) = sum_j (-1)^j k!/(j! (k-2j)! 2^j) x^{k-2j}`` (independent of the recurrence).

    >>> hermite_prob_coefficients(4)
    [3, 0, -6, 0, 1]
    """
    k = check_degree(k)
    out = [0] * (k + 1)
    for j in range(k // 2 + 1):
        out[k - 2 * j] = (-1) ** j * math.factorial(k) // (
            math.factorial(j) * math.factorial(k - 2 * j) * 2**j)
    return out


def hermite_prob_at_zero(k: int) -> int:
    """``He_k(0)``: 0 for odd k, ``(-1)^{k/2} (k-1)!!`` for even k (``He_0(0) = 1``).

    >>> [hermite_prob_at_zero(k) for k in range(7)]
    [1, 0, -1, 0, 3, 0, -15]
    """
    k = check_degree(k)
    if k % 2:
        return 0
    return (-1) ** (k // 2) * math.prod(range(k - 1, 0, -2))


def hermite_phys_poly(k: int) -> fmpz_poly:
    """Physicists' ``H_k`` as an ``fmpz_poly``: ``H_0 = 1``, ``H_1 = 2x``,
    ``H_{k+1} = 2x H_k - 2k H_{k-1}`` (what SymPy's ``hermite`` and SciPy's ``eval_hermite``
    return). Not ``He_k``: convert with :func:`physicists_to_prob`.

    >>> hermite_phys_poly(2)
    4*x^2 + (-2)
    """
    k = check_degree(k)
    x2 = fmpz_poly([0, 2])
    prev, cur = fmpz_poly([0]), fmpz_poly([1])
    for j in range(k):
        prev, cur = cur, x2 * cur - 2 * j * prev
    return cur


def physicists_to_prob(k: int, h_phys: Sequence[int]) -> list[fmpq]:
    """Power-basis coefficients of ``He_k`` from those of ``H_k``.

    ``He_k(x) = 2^{-k/2} H_k(x/sqrt2)``.

    Only defined when the result is rational, which it always is: ``H_k`` has the parity of k,
    so ``x**j`` with ``j = k mod 2`` picks up ``2**(-(k+j)/2)``, a power of two. Raises
    ValueError for a coefficient of the wrong parity.

    >>> [int(c) for c in physicists_to_prob(2, [-2, 0, 4])]
    [-1, 0, 1]
    """
    k = check_degree(k)
    out = []
    for j, c in enumerate(h_phys):
        _check_argument(c, name=f"h_phys[{j}]")
        if c == 0:
            out.append(fmpq(0))
            continue
        if (k + j) % 2:
            raise ValueError(
                f"h_phys has a nonzero coefficient of x^{j}; H_{k} has only powers of "
                f"parity {k % 2}"
            )
        out.append(fmpq(c) / fmpq(2 ** ((k + j) // 2)))
    return out


def prob_to_physicists(k: int, he: Sequence[int | fmpq]) -> list[fmpq]:
    """Power-basis coefficients of ``H_k`` from those of ``He_k``:
    ``H_k(x) = 2^{k/2} He_k(sqrt2 x)``,
    so the coefficient of ``x^j`` is multiplied by ``2^{(k+j)/2}`` (``k + j`` even). Raises
    ValueError for a coefficient of the wrong parity.

    >>> [int(c) for c in prob_to_physicists(2, [-1, 0, 1])]
    [-2, 0, 4]
    """
    k = check_degree(k)
    out = []
    for j, c in enumerate(he):
        _check_argument(c, name=f"he[{j}]")
        if c == 0:
            out.append(fmpq(0))
            continue
        if (k + j) % 2:
            raise ValueError(f"he has a nonzero coefficient of x^{j}; He_{k} has only powers of "
                             f"parity {k % 2}")
        out.append(fmpq(c) * 2 ** ((k + j) // 2))
    return out


def monomial_to_hermite_prob(m: int) -> list[fmpq]:
    """``x^m = sum_j m!/(j! (m-2j)! 2^j) He_{m-2j}(x)``: the He-basis coefficients of ``x^m``
    (index = He degree; length m + 1). Exact.

    >>> [int(c) for c in monomial_to_hermite_prob(4)]
    [3, 0, 6, 0, 1]
    """
    m = check_degree(m, name="m")
    out = [fmpq(0)] * (m + 1)
    for j in range(m // 2 + 1):
        out[m - 2 * j] = fmpq(math.factorial(m),
                              math.factorial(j) * math.factorial(m - 2 * j) * 2**j)
    return out


def poly_to_hermite_prob(poly: fmpq_poly | Sequence[int | fmpq]) -> list[fmpq]:
    """He-basis coefficients ``b_j`` with ``p = sum_j b_j He_j`` of a rational polynomial
    (given as ``fmpq_poly`` or power-basis coefficients); ``b_j = E[p(g) He_j(g)]/j!``. Exact.

    >>> [int(c) for c in poly_to_hermite_prob(fmpq_poly([0, 0, 0, 1]))]
    [0, 3, 0, 1]
    """
    if isinstance(poly, fmpq_poly | fmpz_poly):
        coeffs = [fmpq(c) for c in poly.coeffs()]
    elif isinstance(poly, str | bytes) or not hasattr(poly, "__iter__"):
        raise TypeError(f"poly={poly!r} must be an fmpq_poly or a sequence of rationals")
    else:
        coeffs = []
        for j, c in enumerate(poly):
            _check_argument(c, name=f"poly[{j}]")
            coeffs.append(fmpq(c))
    out = [fmpq(0)] * max(len(coeffs), 1)
    for m, c in enumerate(coeffs):
        if c != 0:
            for j, b in enumerate(monomial_to_hermite_prob(m)):
                out[j] += c * b
    return out


# ---------------------------------------------------------------------------------------------
# Gegenbauer.

def gegenbauer_lambda(d: int) -> fmpq:
    """``lam = (d - 2)/2``, the Gegenbauer index of the sphere S^{d-1} (0 for d = 2).

    >>> gegenbauer_lambda(2), gegenbauer_lambda(3), gegenbauer_lambda(10)
    (0, 1/2, 4)
    """
    return fmpq(check_dimension(d) - 2, 2)


def gegenbauer_sphere_values(k_max: int, d: int, t: T) -> list[T]:
    """``[P_{0,d}(t), ..., P_{k_max,d}(t)]``, normalized so that ``P_{k,d}(1) = 1``.

    In ball arithmetic the radius grows by up to ~1.27 bits per degree (interval dependency),
    so callers add about ``1.3 k`` guard bits. Three-term recurrence (never the power basis):
    ``P_{k+1,d}(t) = ((2k + d - 2) t P_{k,d}(t) - k P_{k-1,d}(t)) / (k + d - 2)``,
    ``P_{0,d} = 1``, ``P_{1,d} = t`` (for d = 2 the k = 0 step is 0/0; ``P_1 = t`` is used).
    Exact for fmpq, balls for arb/acb (a real ball inside [-1, 1] is handled at its midpoint plus
    a derivative bound); floats through :func:`gegenbauer_sphere_float`.

    >>> [str(v) for v in gegenbauer_sphere_values(3, 3, fmpq(1, 2))]
    ['1', '1/2', '-1/8', '-7/16']
    >>> [int(v) for v in gegenbauer_sphere_values(4, 2, fmpq(1))]
    [1, 1, 1, 1, 1]
    """
    k_max = check_degree(k_max, name="k_max")
    d = check_dimension(d)
    _check_argument(t, name="t")
    if isinstance(t, arb) and abs(t).upper() <= 1:
        return _gegenbauer_real_ball(k_max, d, t)
    return _gegenbauer_recurrence(k_max, d, t)


def gegenbauer_sphere(k: int, d: int, t: T) -> T:
    """``P_{k,d}(t)`` (see :func:`gegenbauer_sphere_values`).

    >>> gegenbauer_sphere(2, 3, fmpq(1, 2))
    -1/8
    """
    return gegenbauer_sphere_values(check_degree(k), d, t)[-1]


def _gegenbauer_recurrence(k_max: int, d: int, t: T) -> list[T]:
    values = [t * 0 + 1]
    if k_max >= 1:
        values.append(t)
    for k in range(1, k_max):
        values.append(((2 * k + d - 2) * t * values[k] - k * values[k - 1]) / (k + d - 2))
    return values


def _gegenbauer_real_ball(k_max: int, d: int, t: arb) -> list[arb]:
    """For a real ball inside [-1, 1]: the recurrence at the exact midpoint with guard bits,
    plus ``rad(t) * max |P'_{k,d}| = rad(t) * k (k + d - 2)/(d - 1)`` (the derivative of a
    normalized Gegenbauer polynomial with lam >= 0 is largest in modulus at t = 1). Running
    the recurrence on the ball itself would amplify its radius like (1 + sqrt 2)^k."""
    saved = ctx.prec
    ctx.prec = saved + int(1.3 * k_max) + 10
    try:
        mid = _gegenbauer_recurrence(k_max, d, arb(t.mid()))
    finally:
        ctx.prec = saved
    rad = arb(t.rad())
    return [+v + arb(0, (rad * k * (k + d - 2) / (d - 1)).upper()) for k, v in enumerate(mid)]


def gegenbauer_sphere_float(k_max: int, d: int, t: np.ndarray) -> np.ndarray:
    """Rows ``P_{k,d}(t)`` for ``k = 0..k_max`` in doubles; no guarantee.

    The plain recurrence for ``|t| <= 0.7`` (d = 2 included: there it is Chebyshev's
    ``T_{k+1} = 2t T_k - T_{k-1}``, exact at t = 0 where ``cos(k arccos t)`` is not); nearer
    to ``t = +-1`` the plain recurrence loses digits
    (``9e-11`` at ``t = 0.99999``, k = 1000, d = 3), so there we run a Reinsch-type modification
    in ``eps = 1 - |t|`` (exact in doubles for ``|t| >= 1/2``) on the differences
    ``D_k = P_k - P_{k-1}``:  ``D_{k+1} = (k D_k - (2k + d - 2) eps P_k)/(k + d - 2)``, with
    ``P_k(-t) = (-1)^k P_k(t)``. The switch at 0.7 was chosen by measurement (every k <= 1000,
    d in {2, 3, 5, 10, 100}: >= 12 correct digits relative to ``max(|P|, 1e-3)``).
    """
    k_max = check_degree(k_max, name="k_max")
    d = check_dimension(d)
    t = np.asarray(t, dtype=float)
    out = np.empty((k_max + 1,) + t.shape)
    out[0] = 1.0
    if k_max >= 1:
        out[1] = t
    near = np.abs(t) > 0.7
    # Both recurrences run in long double where the platform has it (x86: 64-bit mantissa),
    # so the ~k ulp they accumulate near a zero of P_k stays below 1e-12 * 1e-3.
    tl: np.ndarray = t.astype(np.longdouble)
    p_prev, p = np.ones_like(tl), tl
    for k in range(1, k_max):
        p_prev, p = p, ((2 * k + d - 2) * tl * p - k * p_prev) / (k + d - 2)
        out[k + 1] = p
    if np.any(near) and k_max >= 1:
        s = np.abs(tl[near])
        eps = 1 - s
        p_prev, p = np.ones_like(s), s.copy()
        diff = p - p_prev  # D_1 = t - 1 = -eps
        rows = [p_prev, p]
        for k in range(1, k_max):
            diff = (k * diff - (2 * k + d - 2) * eps * p) / (k + d - 2)
            p = p + diff
            rows.append(p)
        sign = np.sign(t[near])
        for k, row in enumerate(rows):
            out[k][near] = row * sign**k
    return out


@cache
def _gegenbauer_sphere_polys(k_max: int, d: int) -> tuple[fmpq_poly, ...]:
    t = fmpq_poly([0, 1])
    polys = [fmpq_poly([1])]
    if k_max >= 1:
        polys.append(t)
    for k in range(1, k_max):
        polys.append(((2 * k + d - 2) * t * polys[k] - k * polys[k - 1]) / (k + d - 2))
    return tuple(polys)


def gegenbauer_sphere_polys(k_max: int, d: int) -> list[fmpq_poly]:
    """Exact ``P_{0,d}..P_{k_max,d}`` as rational polynomials (the recurrence of
    :func:`gegenbauer_sphere_values` in exact arithmetic: exactness makes the power basis safe
    here, unlike in floats). Cached; fresh copies returned.

    >>> gegenbauer_sphere_polys(2, 3)[2]
    3/2*x^2 + (-1/2)
    """
    k_max = check_degree(k_max, name="k_max")
    d = check_dimension(d)
    return [fmpq_poly(p) for p in _gegenbauer_sphere_polys(k_max, d)]


def gegenbauer_sphere_poly(k: int, d: int) -> fmpq_poly:
    """Exact ``P_{k,d}`` as an ``fmpq_poly`` (see :func:`gegenbauer_sphere_polys`)."""
    return gegenbauer_sphere_polys(check_degree(k), d)[-1]


def _check_lambda(lam: object) -> fmpq:
    if isinstance(lam, bool | np.bool_) or not isinstance(lam, int | fmpz | fmpq):
        raise TypeError(f"lam={lam!r} must be a rational (int or fmpq) > 0")
    q = fmpq(lam)
    if q <= 0:
        raise ValueError(f"lam={lam} must be > 0 (C_k^0 vanishes for k >= 1; use "
                         "gegenbauer_sphere with d = 2 for Chebyshev T_k)")
    return q


def gegenbauer_c_values(k_max: int, lam: int | fmpq, t: T) -> list[T]:
    """``[C_0^lam(t), ..., C_{k_max}^lam(t)]``, the classical Gegenbauer polynomials (scipy's
    ``eval_gegenbauer``), weight ``(1 - t^2)^{lam - 1/2}``: ``C_0 = 1``, ``C_1 = 2 lam t``,
    ``(k+1) C_{k+1} = 2(k + lam) t C_k - (k + 2 lam - 1) C_{k-1}``. Exact for fmpq, balls for
    arb/acb. Raises TypeError/ValueError (lam must be a rational > 0).

    >>> [str(v) for v in gegenbauer_c_values(2, fmpq(1, 2), fmpq(1, 2))]
    ['1', '1/2', '-1/8']
    """
    k_max = check_degree(k_max, name="k_max")
    q = _check_lambda(lam)
    _check_argument(t, name="t")
    lam_v = arb(q) if isinstance(t, arb | acb) else q
    values = [t * 0 + 1]
    if k_max >= 1:
        values.append(2 * lam_v * t)
    for k in range(1, k_max):
        values.append((2 * (k + lam_v) * t * values[k] - (k + 2 * lam_v - 1) * values[k - 1])
                      / (k + 1))
    return values


def gegenbauer_c_at_one(k: int, lam: int | fmpq) -> fmpq:
    """``C_k^lam(1) = (2 lam)_k / k!`` exactly, so ``P_{k,d} = C_k^lam / C_k^lam(1)`` with
    ``lam = (d-2)/2``.

    >>> gegenbauer_c_at_one(3, 1)
    4
    """
    k = check_degree(k)
    q = _check_lambda(lam)
    out = fmpq(1)
    for i in range(k):
        out *= (2 * q + i) / fmpq(i + 1)
    return out
