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

The polynomials themselves (He_k, h_k, H_k, P_{k,d}, C_k^lam in exact, ball and float
arithmetic) live in :mod:`verify.orthopoly`.

>>> CRAMER_K
2173/2000
"""

from __future__ import annotations

import numpy as np
from flint import arb, fmpq

#: Cramer's constant in |h_k(x)| <= K exp(x^2/4) (A&S 22.14.17 give K ~ 1.086435).
CRAMER_K = fmpq(10865, 10000)


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
