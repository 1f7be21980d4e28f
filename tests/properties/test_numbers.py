"""Decimal balls, relative-digit targets, precision scoping, and the verdict model.

The decimal strings are checked with exact rational arithmetic (``fractions.Fraction``), never
by reading them back through floats.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from flint import arb, ctx, fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.checks import CheckResult, Strength, Verdict, combine, weakest
from verify.numbers import (
    bits_for_digits,
    decimal_ball,
    meets_digits,
    report_ball,
    workprec,
)

SETTINGS = settings(deadline=None, max_examples=50, derandomize=True, database=None)

NAMED = [Fraction(1, 3), Fraction(2, 7), Fraction(-1, 3 * 10**30)]
rationals = st.one_of(
    st.sampled_from(NAMED),
    st.fractions(min_value=-10**6, max_value=10**6, max_denominator=10**9).filter(bool),
    st.builds(lambda q, e: q * Fraction(10) ** e,
              st.fractions(min_value=-10, max_value=10, max_denominator=999).filter(bool),
              st.integers(-40, 40)),
)
precisions = st.sampled_from([16, 32, 53, 64, 100, 200, 333, 1000])


def _exact_fraction(a: arb) -> Fraction:
    """The value of an exact arb (an endpoint), as a Fraction."""
    man, exp = (int(v) for v in a.man_exp())
    return Fraction(man) * Fraction(2) ** exp


def _endpoints(x: arb) -> tuple[Fraction, Fraction]:
    """The exact ends of a ball (``lower``/``upper`` round to the current precision)."""
    with workprec(4096):
        return _exact_fraction(x.lower()), _exact_fraction(x.upper())


def _ball(q: Fraction, prec: int) -> arb:
    with workprec(prec):
        return arb(fmpq(q.numerator, q.denominator))


def _significant_digits(text: str) -> int:
    mantissa = text.lstrip("-").split("e")[0].replace(".", "")
    return len(mantissa.lstrip("0").rstrip("0"))


# ---------------------------------------------------------------------------------------------
# decimal_ball

@SETTINGS
@given(q=rationals, prec=precisions, digits=st.integers(1, 60))
def test_decimal_ball_contains_the_exact_rational(q: Fraction, prec: int, digits: int) -> None:
    x = _ball(q, prec)
    mid_s, rad_s = decimal_ball(x, digits)
    mid, rad = Fraction(mid_s), Fraction(rad_s)
    assert mid - rad <= q <= mid + rad, (q, prec, digits, mid_s, rad_s)
    # ... and the whole Arb ball, not only the value it was made from.
    lo, hi = _endpoints(x)
    assert mid - rad <= lo and hi <= mid + rad
    # Not vacuous: the decimal radius is the Arb radius plus a rounding unit of the mid.
    unit = Fraction(10) ** (math.floor(math.log10(abs(q))) - digits + 2)
    assert rad <= 2 * (hi - lo) + unit, (q, prec, digits, mid_s, rad_s)
    assert _significant_digits(mid_s) <= digits


@pytest.mark.parametrize("q", NAMED)
@pytest.mark.parametrize("prec", [20, 53, 200, 1000])
@pytest.mark.parametrize("digits", [1, 5, 15, 30, 100])
def test_decimal_ball_named_values(q: Fraction, prec: int, digits: int) -> None:
    mid_s, rad_s = decimal_ball(_ball(q, prec), digits)
    mid, rad = Fraction(mid_s), Fraction(rad_s)
    assert mid - rad <= q <= mid + rad
    assert (mid < 0) == (q < 0)


def test_decimal_ball_exact_and_nonfinite() -> None:
    assert decimal_ball(arb(fmpq(1, 2)), 10) == ("0.5", "0")
    assert decimal_ball(arb(-3), 1) == ("-3", "0")
    assert decimal_ball(arb("nan"), 10) == ("nan", "inf")
    # an exact ball whose midpoint must be rounded gets an honest rounding radius
    mid, rad = decimal_ball(arb(fmpq(1, 8)), 1)
    assert Fraction(rad) > 0 and Fraction(mid) - Fraction(rad) <= Fraction(1, 8)


def test_decimal_ball_reference_value() -> None:
    """1/3 at 200 bits, 20 digits: the numbers documented in verify.numbers."""
    mid, rad = decimal_ball(_ball(Fraction(1, 3), 200), 20)
    assert mid == "0." + "3" * 20
    assert 0 < Fraction(rad) <= Fraction(1, 10**20)


# ---------------------------------------------------------------------------------------------
# meets_digits and the reported ball

@SETTINGS
@given(mid=st.floats(-1e6, 1e6, allow_nan=False), extra=st.floats(0, 10),
       digits=st.integers(1, 50))
def test_meets_digits_false_for_balls_containing_zero(mid: float, extra: float,
                                                      digits: int) -> None:
    x = arb(mid, abs(mid) + extra)
    assert x.contains(0)
    assert meets_digits(x, digits) is False


def test_meets_digits_false_for_zero_and_nonfinite() -> None:
    assert meets_digits(arb(0), 1) is False
    assert meets_digits(arb("nan"), 1) is False
    assert meets_digits(arb(1, "inf"), 1) is False


def test_meets_digits_distinguishes_precisions() -> None:
    third = Fraction(1, 3)
    assert meets_digits(_ball(third, 200), 30) is True
    assert meets_digits(_ball(third, 53), 30) is False
    assert meets_digits(_ball(third, 53), 10) is True


@SETTINGS
@given(q=rationals, digits=st.integers(1, 100))
def test_ball_at_bits_for_digits_meets_digits(q: Fraction, digits: int) -> None:
    """A rational rounded at bits_for_digits(d) carries d digits (the precision rule works)."""
    assert meets_digits(_ball(q, bits_for_digits(digits)), digits) is True


@SETTINGS
@given(q=rationals, prec=precisions, digits=st.integers(1, 60))
def test_meets_digits_means_the_printed_ball_meets_it(q: Fraction, prec: int,
                                                      digits: int) -> None:
    x = _ball(q, prec)
    mid_s, rad_s = report_ball(x, digits)
    mid, rad = Fraction(mid_s), Fraction(rad_s)
    assert mid - rad <= q <= mid + rad
    if meets_digits(x, digits):
        assert rad * 10**digits <= abs(mid)
    # a radius 10x below the target always meets it; 10x above never does
    arb_rad = _exact_fraction(x.rad())
    if arb_rad * 10 ** (digits + 1) <= abs(q) / 2:
        assert meets_digits(x, digits) is True
    if arb_rad * 10 ** (digits - 1) >= 2 * abs(q):
        assert meets_digits(x, digits) is False


# ---------------------------------------------------------------------------------------------
# workprec

def test_workprec_restores_on_exit_and_on_error() -> None:
    saved = ctx.prec
    try:
        ctx.prec = 77
        with workprec(300):
            assert ctx.prec == 300
            with workprec(120):
                assert ctx.prec == 120
            assert ctx.prec == 300
        assert ctx.prec == 77
        with pytest.raises(RuntimeError, match="boom"), workprec(500):
            assert ctx.prec == 500
            raise RuntimeError("boom")
        assert ctx.prec == 77
        with pytest.raises(KeyboardInterrupt), workprec(90):
            raise KeyboardInterrupt
        assert ctx.prec == 77
    finally:
        ctx.prec = saved


def test_workprec_changes_results() -> None:
    """Not a no-op: the scoped precision is the one Arb uses inside the block."""
    with workprec(64):
        low = arb(1) / 3
    with workprec(256):
        high = arb(1) / 3
    assert high.rad() < low.rad() / 2**150


# ---------------------------------------------------------------------------------------------
# checks: the verdict model

def _result(verdict: Verdict, strength: Strength, claim: str = "c") -> CheckResult:
    return CheckResult(verdict, strength, claim=claim, method="m")


def test_check_result_has_no_truth_value() -> None:
    r = _result(Verdict.VERIFIED, Strength.EXACT)
    with pytest.raises(TypeError, match="no truth value"):
        bool(r)
    with pytest.raises(TypeError):
        assert r  # the point: an assert on a result must not pass silently
    refuted = _result(Verdict.REFUTED, Strength.EXACT)
    with pytest.raises(TypeError):
        if refuted:
            pass


def test_statistical_never_verifies() -> None:
    with pytest.raises(ValueError, match="verified with strength=statistical"):
        _result(Verdict.VERIFIED, Strength.STATISTICAL)
    for verdict in (Verdict.REFUTED, Verdict.INCONCLUSIVE):
        assert _result(verdict, Strength.STATISTICAL).verdict is verdict


PAIRS = [(v, s) for v in Verdict for s in Strength
         if not (v is Verdict.VERIFIED and s is Strength.STATISTICAL)]


@SETTINGS
@given(cases=st.lists(st.sampled_from(PAIRS), min_size=1, max_size=6))
def test_combine(cases: list[tuple[Verdict, Strength]]) -> None:
    results = [_result(v, s, claim=f"case {i}") for i, (v, s) in enumerate(cases)]
    combined = combine("all", "conjunction", results)
    verdicts = [v for v, _ in cases]
    rank = {Strength.EXACT: 0, Strength.CERTIFIED: 1, Strength.STATISTICAL: 2}
    if Verdict.REFUTED in verdicts:
        assert combined.verdict is Verdict.REFUTED
        # decided by the strongest refutation
        strongest = min((s for v, s in cases if v is Verdict.REFUTED), key=rank.__getitem__)
        assert combined.strength is strongest
        first = next(r for r in results if r.verdict is Verdict.REFUTED)
        assert combined.worst_case() is first
        assert f"worst case: REFUTED {first.claim}" in str(combined)
    elif Verdict.INCONCLUSIVE in verdicts:
        assert combined.verdict is Verdict.INCONCLUSIVE
        assert combined.worst_case() is next(
            r for r in results if r.verdict is Verdict.INCONCLUSIVE)
    else:
        assert combined.verdict is Verdict.VERIFIED
        assert combined.strength is max((s for _, s in cases), key=rank.__getitem__)
        assert combined.worst_case() is None
    assert combined.cases == tuple(results)


def test_combine_verified_takes_weakest_strength() -> None:
    exact, certified = (_result(Verdict.VERIFIED, s) for s in (Strength.EXACT, Strength.CERTIFIED))
    assert combine("c", "m", [exact, certified, exact]).strength is Strength.CERTIFIED
    assert combine("c", "m", [exact]).strength is Strength.EXACT
    assert weakest([Strength.CERTIFIED, Strength.STATISTICAL]) is Strength.STATISTICAL


def test_combine_one_refutation_among_many_verifications() -> None:
    """Planted: a single refuted case (last of many) must not be averaged away."""
    ok = [_result(Verdict.VERIFIED, Strength.EXACT) for _ in range(20)]
    bad = _result(Verdict.REFUTED, Strength.CERTIFIED, claim="k=20")
    combined = combine("c", "m", [*ok, bad])
    assert combined.verdict is Verdict.REFUTED
    assert str(combined).splitlines()[1] == "  worst case: REFUTED k=20"


def test_combine_empty_raises() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        combine("c", "m", [])
    with pytest.raises(ValueError, match="non-empty"):
        combine("c", "m", iter(()))
    with pytest.raises(ValueError, match="non-empty"):
        weakest([])
