"""Checks specific to the vw19 catalogue package's own machinery (the global test runs every
claim and every planted variant). The mathematics it calls is tested in tests/reference/
(test_moments_vw19.py, test_activations_vw19.py, test_orthopoly_vw19.py)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from flint import arb, fmpq

from verify.checks import Verdict
from verify.claims import catalogue, vw19
from verify.claims.base import QUICK
from verify.claims.vw19 import _shared, relu, sq
from verify.numbers import workprec

PACKAGE = Path(vw19.__file__).parent


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_lift_is_the_product_formula(n: int) -> None:
    for k in range(6):
        pk = _shared._P(k, n)
        assert _shared._lift(pk, n) == _shared._bi(pk, _shared._A) * _shared._bi(pk, _shared._T)


def test_lift_with_a_wrong_law_differs() -> None:
    pk = _shared._P(2, 5)
    assert _shared._lift(pk, 5, s_dim=5) != \
        _shared._bi(pk, _shared._A) * _shared._bi(pk, _shared._T)


def test_tail_ratio_proof_rejects_odd_cutoffs() -> None:
    assert relu._relu_tail_ratio_proof(10, 40)
    with pytest.raises(ValueError, match="must be even"):
        relu._relu_parseval_series(10, 41)


def test_sup_bound_is_an_upper_bound() -> None:
    pk = _shared._P(4, 10)
    bound = sq._sup_abs(pk, fmpq(0), fmpq(1, 2), 8)
    for i in range(51):
        assert abs(pk(fmpq(i, 100))) <= bound


def test_c23_counterexample_is_certified() -> None:
    with workprec(QUICK.prec_bits):
        result = sq._c23_case(100, 2, arb(2) / 99, "k/(n-1)")
    assert result.verdict is Verdict.REFUTED


def test_note_headings_match_the_catalogue() -> None:
    note = Path(__file__).parents[2] / "proofs_notes" / "vw19.md"
    ids = set(re.findall(r"^### (\S+) ", note.read_text(), flags=re.M))
    assert ids == {c.id for c in catalogue() if c.paper == "vw19"}


def test_quick_c12_is_exact() -> None:
    result = vw19.c12.check(QUICK)
    assert result.verdict is Verdict.VERIFIED


def test_the_package_registers_every_claim_and_keeps_its_names() -> None:
    module = importlib.import_module("verify.claims.vw19")
    ids = {c.id for c in catalogue() if c.paper == "vw19"}
    assert ids == {f"C{i}" for i in range(1, 25)} | {"C6b", "C7b"}
    for cid in ids:
        entry = getattr(module, cid.lower())
        assert entry.id == cid and entry.paper == "vw19"


def test_section_files_stay_small_and_hold_no_module_precision() -> None:
    for path in PACKAGE.glob("*.py"):
        text = path.read_text()
        assert len(text.splitlines()) <= 700, path.name
        assert "_PREC" not in text, path.name  # precision comes from the Profile
        assert '"1.0866"' not in text, path.name  # Cramer's constant is conventions.CRAMER_K


def test_the_relu_integrator_is_the_independent_one() -> None:
    """_own_coefficient integrates without symmetry: odd k >= 3 give a ball around 0, not an
    exact 0, and even k agree with the closed form (C9)."""
    with workprec(QUICK.prec_bits):
        odd = _shared._own_coefficient("relu", 3, 5)
        even = _shared._own_coefficient("relu", 2, 5)
        closed = _shared._relu_closed(5, 2)[-1]
        assert odd.contains(0) and odd.rad() > 0
        assert abs(even - arb(str(closed.evalf(40)))) < arb(10) ** -20
