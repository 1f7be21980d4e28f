"""The conventions, written out once. Every other module imports them from here.

**Hermite.** Probabilists' polynomials ``He_k`` (monic), orthogonal under the standard normal
density ``phi(x) = exp(-x**2/2)/sqrt(2*pi)``:

    He_0 = 1,  He_1 = x,  He_{k+1}(x) = x He_k(x) - k He_{k-1}(x),   E[He_j He_k] = k! [j = k].

Orthonormal: ``h_k = He_k / sqrt(k!)``. Coefficients of an activation:
``c_k(sigma) = E[sigma(g) h_k(g)]`` with ``g ~ N(0, 1)``, so ``sigma = sum_k c_k h_k`` in
``L^2(N(0,1))`` and ``E[sigma^2] = sum_k c_k^2`` (Parseval).

Bridge to the physicists' ``H_k`` (what ``mpmath.hermite``, ``scipy.special.eval_hermite`` and
``sympy.hermite`` return): ``He_k(x) = 2**(-k/2) * H_k(x / sqrt(2))``.

Degenerate points: ``He_0 = 1`` for every x; ``He_k(0) = 0`` for odd k and
``(-1)**(k/2) (k-1)!!`` for even k (with ``(-1)!! = 1``); negative k is an error.

**Tail bound (Cramer's inequality, Abramowitz & Stegun 22.14.17).** For all real x and k >= 0,
``|h_k(x)| <= CRAMER_K * exp(x**2/4)`` with ``CRAMER_K = 1.0865``. This is what makes the
Gaussian tail of a coefficient integral provable; see proofs_notes/conventions.md.

>>> [int(v) for v in hermite_prob_values(4, fmpq(0))]
[1, 0, -1, 0, 3]
>>> [int(v) for v in hermite_prob_values(3, fmpq(2))]
[1, 2, 3, 2]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import numpy as np
from flint import acb, arb, fmpq

#: Cramer's constant in |h_k(x)| <= K exp(x^2/4) (A&S 22.14.17 give K ~ 1.086435).
CRAMER_K = fmpq(10865, 10000)

T = TypeVar("T", fmpq, arb, acb)


#: Largest degree any entry accepts (each tier may cap lower: see ``hermite.MAX_DEGREE``).
#: Checked before any work, so an absurd degree is refused at once instead of exhausting
#: memory in a table of (degree + 1) rows.
MAX_DEGREE = 10_000
#: Largest sphere dimension accepted.
MAX_DIMENSION = 100_000


def check_degree(k: object, *, name: str = "k", cap: int = MAX_DEGREE) -> int:
    """Validate a polynomial degree: an integer (Python or numpy; not a bool) in ``[0, cap]``.

    Raises TypeError (not an integer) or ValueError (negative, or above ``cap``).
    """
    if isinstance(k, bool | np.bool_) or not isinstance(k, int | np.integer):
        raise TypeError(f"{name}={k!r} must be a non-negative integer degree")
    if k < 0:
        raise ValueError(f"{name}={k} must be a non-negative integer degree; use {name} >= 0")
    if k > cap:
        raise ValueError(f"{name}={k} must be at most {cap} (the degree cap here); "
                         "ask for a lower degree")
    return int(k)


def check_degrees(degrees: object, *, name: str = "degrees", cap: int = MAX_DEGREE
                  ) -> list[int]:
    """Validate a non-empty sequence of degrees (each as :func:`check_degree`); return a list."""
    if isinstance(degrees, str | bytes) or not hasattr(degrees, "__iter__"):
        raise TypeError(f"{name}={degrees!r} must be a sequence of non-negative integer degrees")
    items = list(degrees)
    if not items:
        raise ValueError(f"{name}={items} must be non-empty; give e.g. range(2, 40, 2)")
    return [check_degree(k, name=f"{name}[{i}]", cap=cap) for i, k in enumerate(items)]


def hermite_prob_values(k_max: int, x: T) -> list[T]:
    """``[He_0(x), ..., He_{k_max}(x)]`` by the three-term recurrence, in the arithmetic of ``x``.

    Guarantee: exact for ``fmpq``; for ``arb``/``acb``, balls that contain the values.
    """
    k_max = check_degree(k_max, name="k_max")
    values = [x * 0 + 1]
    if k_max >= 1:
        values.append(x)
    for j in range(1, k_max):
        values.append(x * values[j] - j * values[j - 1])
    return values


def hermite_prob(k: int, x: T) -> T:
    """``He_k(x)``, the monic probabilists' Hermite polynomial (exact for fmpq, ball for arb)."""
    return hermite_prob_values(check_degree(k), x)[-1]


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


def physicists_to_prob(k: int, h_phys: Sequence[int]) -> list[fmpq]:
    """Power-basis coefficients of ``He_k`` from those of ``H_k``.

    ``He_k(x) = 2^{-k/2} H_k(x/sqrt2)``.

    Only defined when the result is rational, which it always is: ``H_k`` has the parity of k,
    so ``x**j`` with ``j = k mod 2`` picks up ``2**(-(k+j)/2)``, a power of two.

    >>> [int(c) for c in physicists_to_prob(2, [-2, 0, 4])]
    [-1, 0, 1]
    """
    out = []
    for j, c in enumerate(h_phys):
        if c == 0:
            out.append(fmpq(0))
            continue
        if (k + j) % 2:
            raise ValueError(
                f"h_phys has a nonzero coefficient of x^{j}; H_{k} has only powers of "
                f"parity {k % 2}"
            )
        out.append(fmpq(c, 2 ** ((k + j) // 2)))
    return out


# ---------------------------------------------------------------------------------------------
# Sphere conventions.
#
# x uniform on S^{d-1}; t = <w, x> for a unit w has density
#     w_d(t) = c_d (1 - t^2)^{(d-3)/2} on [-1, 1],   c_d = Gamma(d/2) / (sqrt(pi) Gamma((d-1)/2)),
# P_{k,d} = C_k^lam / C_k^lam(1) with lam = (d-2)/2 (d = 2: Chebyshev T_k; d = 3: Legendre P_k),
# so P_{k,d}(1) = 1 for every d >= 2 and k >= 0, and E[P_{j,d}(t) P_{k,d}(t)] = [j = k]/N(d,k).


def check_dimension(d: object) -> int:
    """Validate a sphere dimension: the ambient dimension ``2 <= d <= MAX_DIMENSION`` of
    S^{d-1}, a Python or numpy integer (not a bool). Raises TypeError or ValueError."""
    if isinstance(d, bool | np.bool_) or not isinstance(d, int | np.integer):
        raise TypeError(f"d={d!r} must be an integer dimension >= 2")
    if d < 2:
        raise ValueError(f"d={d} must be an integer dimension >= 2 (S^(d-1) in R^d); use d >= 2")
    if d > MAX_DIMENSION:
        raise ValueError(f"d={d} must be at most {MAX_DIMENSION} (the dimension cap); "
                         "use a smaller dimension")
    return int(d)


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
    Exact for fmpq, balls for arb/acb; floats through :func:`gegenbauer_sphere_float`.

    >>> [str(v) for v in gegenbauer_sphere_values(3, 3, fmpq(1, 2))]
    ['1', '1/2', '-1/8', '-7/16']
    >>> [int(v) for v in gegenbauer_sphere_values(4, 2, fmpq(1))]
    [1, 1, 1, 1, 1]
    """
    k_max = check_degree(k_max, name="k_max")
    d = check_dimension(d)
    if isinstance(t, arb) and abs(t).upper() <= 1:
        return _gegenbauer_real_ball(k_max, d, t)
    return _gegenbauer_recurrence(k_max, d, t)


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
    from flint import ctx

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


def harmonic_dimension(d: int, k: int) -> int:
    """``N(d, k)``: the dimension of degree-k spherical harmonics on S^{d-1}.

    ``N(d,k) = C(d+k-1, k) - C(d+k-3, k-2)``; ``N(d,0) = 1``, ``N(2,k) = 2`` for k >= 1,
    ``N(3,k) = 2k + 1``.

    >>> [harmonic_dimension(2, k) for k in range(4)], [harmonic_dimension(3, k) for k in range(4)]
    ([1, 2, 2, 2], [1, 3, 5, 7])
    """
    from math import comb

    d, k = check_dimension(d), check_degree(k)
    return comb(d + k - 1, k) - (comb(d + k - 3, k - 2) if k >= 2 else 0)


def sphere_area(d: int) -> arb:
    """``|S^{d-1}| = 2 pi^{d/2} / Gamma(d/2)`` (surface measure), as a ball.

    >>> sphere_area(2).contains(2 * arb.pi()), sphere_area(3).contains(4 * arb.pi())
    (True, True)
    """
    d = check_dimension(d)
    return 2 * arb.pi() ** (arb(d) / 2) / (arb(d) / 2).gamma()


def sphere_marginal_constant(d: int) -> arb:
    """``c_d = Gamma(d/2) / (sqrt(pi) Gamma((d-1)/2))``, so ``c_d (1-t^2)^{(d-3)/2}`` is the
    density of one coordinate of a uniform point on S^{d-1} (d = 2: ``1/pi``)."""
    d = check_dimension(d)
    return (arb(d) / 2).gamma() / (arb.pi().sqrt() * (arb(d - 1) / 2).gamma())
