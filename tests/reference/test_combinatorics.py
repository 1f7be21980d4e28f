"""verify.combinatorics against independent enumerations: itertools.product filtered by the
sum, math.comb (stars and bars), and the multinomial theorem."""

from __future__ import annotations

import itertools
import math

import pytest

from verify.combinatorics import compositions, multinomial, odd_compositions


@pytest.mark.parametrize(("total", "parts"), [(0, 1), (0, 3), (1, 1), (4, 2), (5, 3), (6, 4)])
def test_compositions_are_exactly_the_vectors_with_that_sum_in_lexicographic_order(
        total: int, parts: int) -> None:
    brute = [a for a in itertools.product(range(total + 1), repeat=parts) if sum(a) == total]
    assert compositions(total, parts) == sorted(brute)
    assert len(brute) == math.comb(total + parts - 1, parts - 1)


@pytest.mark.parametrize(("total", "parts"), [(4, 2), (8, 4), (5, 2), (3, 3), (2, 3), (9, 3)])
def test_odd_compositions(total: int, parts: int) -> None:
    brute = [a for a in itertools.product(range(total + 1), repeat=parts)
             if sum(a) == total and all(v % 2 for v in a)]
    assert odd_compositions(total, parts) == sorted(brute)


def test_multinomial_theorem() -> None:
    # (x1 + x2 + x3)^n at x = (1, 2, 3): sum over compositions of multinomial * x^alpha
    for n in range(7):
        total = sum(multinomial(n, a) * 2 ** a[1] * 3 ** a[2] for a in compositions(n, 3))
        assert total == 6**n
    assert multinomial(8, (2, 2, 2, 2)) == 2520


@pytest.mark.parametrize("call", [lambda: compositions(True, 2), lambda: compositions(2, 0),
                                  lambda: compositions(-1, 2), lambda: compositions(2.0, 2),
                                  lambda: multinomial(3, (1, 1)),
                                  lambda: compositions(200, 12)])
def test_bad_input_is_refused(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((TypeError, ValueError)):
        call()


def test_counts_for_the_ggjkk20_ranges() -> None:
    """The ranges the catalogue uses (A2, A3: d <= 6, k <= 3), against stars and bars."""
    for d in range(7):
        for k in range(1, 4):
            comps = compositions(d, k)
            assert len(comps) == math.comb(d + k - 1, k - 1) == len(set(comps))
            odd = [a for a in comps if all(v % 2 for v in a)]
            assert odd_compositions(d, k) == odd
