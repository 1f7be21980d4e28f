"""The catalogue's comparisons decide both ways and refuse what they cannot decide."""

from __future__ import annotations

import pytest
import sympy as sp
from flint import arb

from verify.checks import Strength, Verdict
from verify.claims.base import (
    REGISTRY,
    ball_equal,
    ball_less_equal,
    claim,
    exact_equal,
    rational_equal,
)


def test_exact_equal() -> None:
    ok = exact_equal("sin^2 + cos^2 = 1", sp.sin(2) ** 2 + sp.cos(2) ** 2, 1, method="SymPy")
    assert (ok.verdict, ok.strength) == (Verdict.VERIFIED, Strength.EXACT)
    bad = exact_equal("1/3 = 0.333", sp.Rational(1, 3), sp.Rational(333, 1000), method="SymPy")
    assert (bad.verdict, bad.strength) == (Verdict.REFUTED, Strength.EXACT)
    # A constant difference SymPy cannot zero but Arb separates from 0: certified refutation.
    near = exact_equal("pi = 355/113", sp.pi, sp.Rational(355, 113), method="SymPy")
    assert (near.verdict, near.strength) == (Verdict.REFUTED, Strength.CERTIFIED)


def test_rational_equal() -> None:
    assert rational_equal("x", 2, 2, method="m").verdict is Verdict.VERIFIED
    assert rational_equal("x", 2, 3, method="m").verdict is Verdict.REFUTED


def test_ball_equal_three_ways() -> None:
    from verify.numbers import workprec

    with workprec(200):  # 1 + 1e-25 needs more than the default 53 bits
        one = arb(1)
        assert ball_equal("a", one, one + arb(0, 1e-30), method="m").verdict \
            is Verdict.VERIFIED
        # A catalogue identity (no tol) is exact: 1e-25 apart is proved unequal, so REFUTED
        # even at 20 digits (a formula right to 20 digits and wrong at the 25th is not
        # VERIFIED); with an explicit method tolerance only "beyond tol" refutes.
        near = ball_equal("b", one, one + arb("1e-25"), method="m")
        assert near.verdict is Verdict.REFUTED and near.evidence["proved_nonzero_difference"]
        assert ball_equal("b", one, one + arb("1e-25"), method="m", tol=arb("1e-20")).verdict \
            is Verdict.VERIFIED
        assert ball_equal("b", one, one + arb("1e-25"), method="m", tol=arb("1e-26")).verdict \
            is Verdict.REFUTED
        wide = ball_equal("c", one, one + arb(0, 1e-5), method="m", digits=20)
        assert wide.verdict is Verdict.INCONCLUSIVE


def test_ball_less_equal_three_ways() -> None:
    assert ball_less_equal("a", arb(1), arb(2), method="m").verdict is Verdict.VERIFIED
    assert ball_less_equal("b", arb(3), arb(2), method="m").verdict is Verdict.REFUTED
    assert ball_less_equal("c", arb(2, 1), arb(2), method="m").verdict is Verdict.INCONCLUSIVE


def test_registration_refuses_duplicates_and_unknown_papers() -> None:
    with pytest.raises(ValueError, match="unknown paper"):
        claim("Z1", paper="nips", where="", statement="", source="paper", methods=())
    with pytest.raises(ValueError, match="source"):
        claim("Z1", paper="gkk19", where="", statement="", source="folklore", methods=())
    from verify.claims import catalogue

    existing = catalogue()[0].id
    with pytest.raises(ValueError, match="registered twice"):
        claim(existing, paper="gkk19", where="", statement="", source="paper",
              methods=())(lambda p: None)  # type: ignore[arg-type, return-value]
    assert REGISTRY[existing].id == existing


def test_profile_precision_and_tolerances_come_from_digits() -> None:
    import dataclasses
    from fractions import Fraction

    from verify.claims.base import FULL, QUICK
    from verify.numbers import guard_bits

    assert QUICK.prec_bits == guard_bits(QUICK.digits) and FULL.bits(extra=40) == \
        guard_bits(FULL.digits, extra=40)
    assert QUICK.abs_tol == Fraction(1, 10**QUICK.digits)
    wider = dataclasses.replace(QUICK, digits=40)
    assert wider.abs_tol == Fraction(1, 10**40) and wider.prec_bits == guard_bits(40)
    assert dataclasses.replace(QUICK, abs_tol_exponent=12).abs_tol == Fraction(1, 10**12)
    with pytest.raises(ValueError, match="digits=0"):
        dataclasses.replace(QUICK, digits=0)
