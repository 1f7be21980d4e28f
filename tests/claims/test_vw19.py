"""Checks specific to the vw19 catalogue's private machinery (the global test runs every claim
and every planted variant)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flint import fmpq, fmpq_poly

from verify.checks import Verdict
from verify.claims import vw19
from verify.claims.base import QUICK


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_lift_is_the_product_formula(n: int) -> None:
    for k in range(6):
        pk = vw19._P(k, n)
        assert vw19._lift(pk, n) == vw19._bi(pk, vw19._A) * vw19._bi(pk, vw19._T)


def test_lift_with_a_wrong_law_differs() -> None:
    pk = vw19._P(2, 5)
    assert vw19._lift(pk, 5, s_dim=5) != vw19._bi(pk, vw19._A) * vw19._bi(pk, vw19._T)


def test_relu_moments_give_the_known_values_at_n3() -> None:
    values = [vw19._relu_expect(vw19._P(k, 3), 3) for k in range(5)]
    cd = fmpq(1, 2)  # c_3
    assert [q0 + q1 * cd for q0, q1 in values] == [fmpq(1, 4), fmpq(1, 6), fmpq(1, 16), 0,
                                                  fmpq(-1, 96)]


def test_tail_ratio_proof_rejects_odd_cutoffs() -> None:
    assert vw19._relu_tail_ratio_proof(10, 40)
    with pytest.raises(ValueError, match="must be even"):
        vw19._relu_parseval_series(10, 41)


def test_sup_bound_is_an_upper_bound() -> None:
    pk = vw19._P(4, 10)
    bound = vw19._sup_abs(pk, fmpq(0), fmpq(1, 2), 8)
    for i in range(51):
        assert abs(pk(fmpq(i, 100))) <= bound


def test_c23_counterexample_is_certified() -> None:
    from flint import arb
    result = vw19._c23_case(100, 2, arb(2) / 99, "k/(n-1)")
    assert result.verdict is Verdict.REFUTED


def test_note_headings_match_the_catalogue() -> None:
    note = Path(__file__).parents[2] / "proofs_notes" / "vw19.md"
    ids = set(re.findall(r"^### (\S+) ", note.read_text(), flags=re.M))
    from verify.claims import catalogue
    assert ids == {c.id for c in catalogue() if c.paper == "vw19"}


def test_he_coefficients_are_monic_probabilists() -> None:
    assert vw19._he_coeffs(4) == [3, 0, -6, 0, 1]
    assert fmpq_poly(vw19._h_phys_coeffs(2)) == fmpq_poly([-2, 0, 4])


def test_quick_c12_is_exact() -> None:
    result = vw19.c12.check(QUICK)
    assert result.verdict is Verdict.VERIFIED
