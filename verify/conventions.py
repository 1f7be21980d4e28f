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


def check_degree(k: object, *, name: str = "k") -> int:
    """Validate a polynomial degree (a non-negative integer)."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise TypeError(f"{name}={k!r} must be a non-negative integer degree")
    if k < 0:
        raise ValueError(f"{name}={k} must be a non-negative integer degree; use {name} >= 0")
    return int(k)


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

    Normalized recurrence ``h_{k+1} = (x h_k - sqrt(k) h_{k-1}) / sqrt(k+1)``, started from
    ``exp(-x**2/4)``; by Cramer's inequality every entry is at most 1.0865 in magnitude.
    Guarantee: none (floating point).
    """
    k_max = check_degree(k_max, name="k_max")
    x = np.asarray(x, dtype=float)
    out = np.empty((k_max + 1,) + x.shape)
    out[0] = np.exp(-x * x / 4)
    if k_max >= 1:
        out[1] = x * out[0]
    for j in range(1, k_max):
        out[j + 1] = (x * out[j] - np.sqrt(j) * out[j - 1]) / np.sqrt(j + 1)
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
