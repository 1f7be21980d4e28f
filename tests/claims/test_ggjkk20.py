"""Tests of the private helpers behind the ggjkk20 catalogue (the global test runs the claims
and their planted variants; these check the pieces those claims rest on)."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from flint import arb

from verify.checks import Verdict
from verify.claims import ggjkk20 as g
from verify.numbers import workprec


@pytest.mark.parametrize(("n", "seed"), [(3, 1), (4, 3), (5, 4)])
def test_cayley_is_rational_orthogonal(n: int, seed: int) -> None:
    q = g._cayley(n, seed)
    for i in range(n):
        for j in range(n):
            dot = sum((q[i][t] * q[j][t] for t in range(n)), Fraction(0))
            assert dot == (1 if i == j else 0)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 7, 10])
def test_inner_sum_bounds(k: int) -> None:
    """0 <= I_d <= 2 + (2^k - 2)((k-2)/k)^d, the bound behind the Hermite-form tail (A4)."""
    for d in range(k, k + 40, 2):
        value = Fraction(g._inner_sum(k, d), k**d)
        assert value >= 0
        with workprec(100):
            assert arb(value.numerator) / value.denominator <= g._inner_bound(k, d)


def test_inner_sum_is_the_weighted_count() -> None:
    for k in range(1, 6):
        for d in range(k, k + 9, 2):
            total = sum(g._multinomial(d, a) for a in g._odd_compositions(d, k))
            assert g._inner_sum(k, d) == 2**k * total


def test_hermite_form_contains_the_exact_relu_norm() -> None:
    value, tail, _ = g._norm_hermite("relu", 2, "", 1e-3)
    with workprec(100):
        exact = 2 - 4 / arb.pi()
        assert value.overlaps(exact)
        assert tail > 0


def test_shifted_control_value_and_symmetric_case() -> None:
    case = g._shifted_case(Fraction(1, 2))
    assert case.verdict is Verdict.VERIFIED
    assert abs(float(case.evidence["value"][:10]) - 0.18117) < 1e-4
    assert g._shifted_case(Fraction(0)).verdict is Verdict.REFUTED


def test_rounded_case_three_ways() -> None:
    with workprec(100):
        v = arb(2) - 4 / arb.pi()
        assert g._rounded_case("ok", v, "0.726760").verdict is Verdict.VERIFIED
        assert g._rounded_case("bad", v, "0.726770").verdict is Verdict.REFUTED
        wide = v + arb(0, 1e-6)
        assert g._rounded_case("wide", wide, "0.726760").verdict is Verdict.INCONCLUSIVE


def test_relu_c2_recurrence_matches_closed_form() -> None:
    with workprec(120):
        c2 = g._relu_c2(30)
        for d in range(2, 31, 2):
            closed = arb(g._dfact(d - 3)) ** 2 / (2 * arb.pi() * math.factorial(d))
            assert c2[d].overlaps(closed)
        assert all(c2[d] == 0 for d in range(3, 31, 2))
