"""The core's Hermite tools as the ggjkk20 package calls them (A1, A3, A12), against the
closed forms the first edition computed by hand (verify/claims/ggjkk20.py before the split):
the convention differences at each call site (indexing, shapes, rings) pinned down."""

from __future__ import annotations

import math

import pytest
from flint import fmpq, fmpq_poly
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

from verify import orthopoly as O


def _first_edition_he(n: int, x: object) -> object:
    """The first edition's ``_he_poly``: He_n by the three-term recurrence in x's ring."""
    a, b = x**0, x  # type: ignore[operator]
    if n == 0:
        return a
    for j in range(1, n):
        a, b = b, x * b - j * a  # type: ignore[operator]
    return b


@pytest.mark.parametrize("d", range(0, 13))
def test_hermite_prob_in_a_sparse_ring(d: int) -> None:
    """A1/A3 evaluate He_d at ring elements (u.x and x_i): the core accepts them."""
    _, x, y = ring("x,y", QQ)
    z = QQ(3, 5) * x + QQ(4, 5) * y
    assert O.hermite_prob(d, z) == _first_edition_he(d, z)
    assert O.hermite_prob_values(d, x) == [_first_edition_he(j, x) for j in range(d + 1)]


@pytest.mark.parametrize("d", range(0, 16))
def test_power_basis_indexing(d: int) -> None:
    """A3 needs a_j of z^{d-2j}: the core's power basis c[p] (index = power) gives
    a_j = c[d - 2j] = (-1)^j d!/(j! (d-2j)! 2^j), and the other parity is 0."""
    c = O.hermite_prob_coefficients(d)
    for j in range(d // 2 + 1):
        assert c[d - 2 * j] == (-1) ** j * math.factorial(d) // (
            math.factorial(j) * math.factorial(d - 2 * j) * 2**j)
    assert all(c[p] == 0 for p in range(d + 1) if (d - p) % 2)


@pytest.mark.parametrize("m", range(0, 16))
def test_monomial_to_hermite_shape(m: int) -> None:
    """A3/A12's x^m = sum_j m!/(j! (m-2j)! 2^j) He_{m-2j}: the core's list is indexed by He
    degree (zeros for the other parity), and it expands back to x^m."""
    row = O.monomial_to_hermite_prob(m)
    for j in range(m // 2 + 1):
        assert row[m - 2 * j] == fmpq(math.factorial(m),
                                      math.factorial(j) * math.factorial(m - 2 * j) * 2**j)
    assert all(row[q] == 0 for q in range(len(row)) if (m - q) % 2)
    total = sum((O.hermite_prob_poly(q) * v for q, v in enumerate(row)), fmpq_poly([0]))
    assert total == fmpq_poly([0] * m + [1])


@pytest.mark.parametrize("k", range(0, 12))
def test_hermite_at_zero(k: int) -> None:
    """A12's Stein form uses He_{k-2}(0) (0 for odd order, (-1)^{k/2} (k-1)!! for even)."""
    assert O.hermite_prob_at_zero(k) == _first_edition_he(k, fmpq(0))
