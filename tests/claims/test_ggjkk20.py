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


@pytest.mark.parametrize("k", [2, 4, 10])
def test_hermite_form_is_certified_to_the_profile_digits(k: int) -> None:
    """A4 for ReLU: the accelerated tail makes the Hermite form a ball of relative radius
    below 10^-20 that contains the exact norm (the old tail reached only 1e-3)."""
    value, _, _ = g._norm_hermite("relu", k, "", 20)
    exact = g._norm_dual("relu", k)
    with workprec(200):
        assert value.overlaps(exact)
        assert value.rad() < abs(exact) * arb(10) ** -20


def test_sigmoid_norm_forms_share_no_number_with_the_core(monkeypatch) -> None:
    """A4/A5/A12's catalogue side for the sigmoid (the Hermite form, the kernel series, the
    Wick moments) must not use the core's certified coefficients, which the other side uses."""
    import verify.hermite as hermite

    def forbidden(*args: object, **kwargs: object) -> object:
        raise AssertionError("the catalogue's second method used the core's coefficients")

    for name in ("certified_coefficient", "hermite_coefficient", "hermite_coefficients",
                 "second_moment"):
        monkeypatch.setattr(hermite, name, forbidden)
        if hasattr(g, name):
            monkeypatch.setattr(g, name, forbidden)
    for cached in (g._sigmoid_c2, g._norm_hermite, g._norm_dual):
        cached.cache_clear()
    try:
        value, _, _ = g._norm_hermite("sigmoid", 3, "", 20)
        dual = g._norm_dual("sigmoid", 3)
        wick, _ = g._a12_wick(g.SIGMOID, 3)
    finally:
        for cached in (g._sigmoid_c2, g._norm_hermite, g._norm_dual):
            cached.cache_clear()
    with workprec(200):
        assert value.overlaps(dual) and wick.is_finite()


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
