"""Tests of the sl22 catalogue package's own machinery (registrations, the paper's private
quantities, the decision glue); the mathematics it calls is tested on the core's public names
in tests/reference/test_special_sl22.py (the global run of every claim and planted variant
lives elsewhere)."""

import importlib
from fractions import Fraction
from pathlib import Path

import pytest
from flint import arb

from verify import special
from verify.checks import Verdict
from verify.claims import QUICK, select
from verify.claims.base import REGISTRY
from verify.claims.sl22 import _shared, compact_law, construction, theorems
from verify.numbers import workprec

EXPECTED_IDS = {f"D{i}" for i in range(1, 29) if i != 26} | {"D6b"}


def test_package_registers_every_claim_and_stays_split() -> None:
    mod = importlib.import_module("verify.claims.sl22")
    assert mod.P == "sl22"
    ids = {c.id for c in select(papers=["sl22"])}
    assert ids == EXPECTED_IDS
    assert all(REGISTRY[i].paper == "sl22" for i in ids)
    for path in Path(mod.__file__).parent.glob("*.py"):
        assert len(path.read_text().splitlines()) <= 700, path.name


def test_precision_follows_the_profile() -> None:
    assert _shared.work_bits(QUICK) == QUICK.bits(extra=_shared.EXTRA_BITS)
    with workprec(127):
        assert _shared.quad_tol() == arb(2) ** -107


def test_bessel_cdf_glue_is_the_core_function_at_the_papers_scale() -> None:
    bits = _shared.work_bits(QUICK)
    val = _shared.bessel_cdf(3, Fraction(1), bits)
    with workprec(bits):
        c = 2 * arb.pi() * arb(3).sqrt() * special.unit_volume_ball_radius(3)
        assert val.overlaps(special.bessel_square_cdf(arb(3) / 2, c))
        assert _shared.bessel_tail(3, Fraction(1), bits).overlaps(1 - val)
        assert val.overlaps(_shared.quad_bessel_cdf(3, c, arb(1)))


def test_same_is_an_identity_decision() -> None:
    """Two enclosures claimed equal: a proved difference below the tolerance still REFUTES."""
    with workprec(200):
        one = arb(1)
        assert _shared.same(QUICK, "1 = 1", one, one, method="m").verdict is Verdict.VERIFIED
        near = one + arb(10) ** -25
        assert _shared.same(QUICK, "1 = 1 + 1e-25", one, near,
                            method="m").verdict is Verdict.REFUTED


def test_sign_change_count_and_total_variation() -> None:
    """d = 5, m = 1: two sign changes (4 sqrt 5 is irrational); d = 4, m = 1: 4 m sqrt d = 8 is
    an integer, one sign change."""
    js, is_int = compact_law._osc_pieces(5, 1)
    assert (len(js), is_int) == (2, False)
    js, is_int = compact_law._osc_pieces(4, 1)
    assert (len(js), is_int) == (1, True)


def test_exact_residual_is_below_the_norm_of_the_target_and_matches_the_ball() -> None:
    res = compact_law._residual_exact(9, 2)
    assert 0 < float(Fraction(int(res.p), int(res.q))) < 0.25
    with workprec(128):
        assert compact_law._residual_ball(9, 2).contains(res)


@pytest.mark.parametrize("d", [4, 5, 10, 11])
def test_gamma_ratio_square_exact_form(d: int) -> None:
    q, s = compact_law._gamma_ratio_sq(d)
    with workprec(128):
        ratio_sq = ((arb(d) / 2).lgamma() - ((arb(d) - 1) / 2).lgamma()).exp() ** 2
        assert ratio_sq.overlaps(arb(q.numerator) / q.denominator * arb.pi() ** s)


def test_prop21_closed_form_against_its_quadrature() -> None:
    with workprec(128):
        s, half = arb(1), arb(1) / 2
        quad = construction.prop21_quadrature(s, arb(0), None, half)
        a = 1 / (2 + s * s).sqrt()
        assert quad.overlaps(2 * a.atan() / arb.pi())
        assert construction.f_xi(arb(1), construction.g_lambda(arb(1))).contains(0)


def test_m_of_eps() -> None:
    assert theorems._m_of_eps(Fraction(1, 400)) == 0
    assert theorems._m_of_eps(Fraction(1, 1764)) == 2
    assert theorems._m_of_eps(Fraction(1, 784)) == 1


def test_d25_worst_case_is_exact() -> None:
    res = theorems._d25_check(QUICK, Fraction(1, 1764))
    assert res.verdict is Verdict.VERIFIED
    assert theorems._d25_check(QUICK, Fraction(1, 784)).verdict is Verdict.REFUTED
