"""verify.decide: one meaning of each verdict, at its boundaries (issue 14, items 2 and 4).

Every rule is tested both ways and at its edge: exactly at the tolerance, touching balls, NaN,
inf, zero, negative values, huge and tiny exponents; planted wrong values come back REFUTED
and undecidable ones INCONCLUSIVE, never VERIFIED.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from flint import arb, fmpq, fmpq_poly

from verify import decide
from verify.checks import CheckResult, Strength, Verdict
from verify.numbers import Coefficient, ExactValue, workprec

V, R, U = Verdict.VERIFIED, Verdict.REFUTED, Verdict.INCONCLUSIVE  # U: undecided
NAN, INF = arb.nan(), arb("inf")


def _v(result: CheckResult) -> Verdict:
    return result.verdict


# --- exact ----------------------------------------------------------------------------------

def test_exact_equal_both_ways_and_undefined() -> None:
    ok = decide.exact_equal("s", sp.sin(2) ** 2 + sp.cos(2) ** 2, 1, method="m")
    assert (ok.verdict, ok.strength) == (V, Strength.EXACT)
    bad = decide.exact_equal("q", sp.Rational(1, 3), sp.Rational(333, 1000), method="m")
    assert (bad.verdict, bad.strength) == (R, Strength.EXACT)
    near = decide.exact_equal("pi", sp.pi, sp.Rational(355, 113), method="m")
    assert (near.verdict, near.strength) == (R, Strength.CERTIFIED)
    # pi - 314159265358979323846/10^20 differs at 1e-21: found at 200 bits
    tiny = decide.exact_equal("pi", sp.pi, sp.Rational(314159265358979323846, 10**20), method="m")
    assert tiny.verdict is R
    assert _v(decide.exact_equal("u", sp.zoo, 1, method="m")) is U
    assert _v(decide.exact_equal("u", sp.oo, sp.oo, method="m")) is U
    x = sp.Symbol("x")
    assert _v(decide.exact_equal("x", sp.gamma(x + 1) - x * sp.gamma(x), 0, method="m")) is V


def test_rational_equal() -> None:
    assert _v(decide.rational_equal("x", Fraction(1, 2), fmpq(1, 2), method="m")) is V
    assert _v(decide.rational_equal("x", 2, sp.Rational(3), method="m")) is R
    with pytest.raises(TypeError, match="lhs=True"):
        decide.rational_equal("x", True, 1, method="m")
    with pytest.raises(TypeError, match="rhs=0.5"):
        decide.rational_equal("x", 1, 0.5, method="m")


def test_rational_compare() -> None:
    assert _v(decide.rational_compare("c", Fraction(1, 3), "<", fmpq(1, 2), method="m")) is V
    assert _v(decide.rational_compare("c", 1, "<", 1, method="m")) is R
    assert _v(decide.rational_compare("c", 1, "<=", 1, method="m")) is V
    assert _v(decide.rational_compare("c", sp.Rational(-1, 2), ">", -1, method="m")) is V
    assert _v(decide.rational_compare("c", 0, ">=", 1, method="m")) is R
    with pytest.raises(ValueError, match="relation='!='"):
        decide.rational_compare("c", 0, "!=", 1, method="m")


def test_polynomial_identity() -> None:
    assert _v(decide.polynomial_identity("p", fmpq_poly([0]), method="m")) is V
    assert _v(decide.polynomial_identity("p", fmpq_poly([0, 1]), method="m")) is R
    x, y = sp.symbols("x y")
    ring, xs, ys = sp.ring("x,y", sp.QQ)
    assert _v(decide.polynomial_identity("p", xs * ys - ys * xs, method="m")) is V
    bad = decide.polynomial_identity("p", xs**2 - ys, method="m")
    assert bad.verdict is R and "nonzero_monomial_exponents" in bad.evidence
    assert _v(decide.polynomial_identity("p", sp.Poly(x * y - y * x, x, y), method="m")) is V
    assert _v(decide.polynomial_identity("p", sp.Poly(x - y, x, y), method="m")) is R


def test_identity_at_points_refutes_at_a_point_and_never_verifies_from_points() -> None:
    x = sp.Symbol("x")
    wrong = decide.identity_at_points("id", (x + 1) ** 2, x**2 + 1, method="m",
                                      points=[{x: 0}, {x: 1}])
    assert wrong.verdict is R and "{x: 1}" in wrong.claim  # x = 0 agrees; x = 1 does not
    # an identity SymPy cannot decide but which holds at the points stays undecided
    hard = sp.Function("f")(x)
    undecided = decide.identity_at_points("id", hard, hard.subs(x, x**2), method="m",
                                          points=[{x: 0}, {x: 1}])
    assert undecided.verdict is not V


# --- equality to relative digits ------------------------------------------------------------

def test_ball_equal_rule_both_ways() -> None:
    with workprec(200):
        one = arb(1)
        assert _v(decide.ball_equal("a", one + arb("1e-25"), one, digits=20, method="m")) is V
        assert _v(decide.ball_equal("a", one + arb("1e-25"), one, digits=30, method="m")) is R
        wide = decide.ball_equal("a", arb(1, "1e-5"), one, digits=20, method="m")
        assert wide.verdict is U and wide.evidence["proved_digits"] == 4
        assert "4 of the 20" in wide.method


def test_ball_equal_exactly_at_the_tolerance_is_verified_just_past_it_refuted() -> None:
    with workprec(300):
        # exactly at the tolerance: 8 + 8e-3 against 8 at 3 digits. 10^-3 is no dyadic number,
        # so the balls cannot prove "<=" there; the verdict is never REFUTED
        ref = arb(8)
        at = decide.ball_equal("at", ref + arb(1) / 125, ref, digits=3, method="m")
        assert at.verdict in (V, U)
        # just inside and just outside: 3 digits of 1024 allow 1.024; 1 is in, 1.025 out
        assert _v(decide.ball_equal("in", arb(1025), arb(1024), digits=3, method="m")) is V
        assert _v(decide.ball_equal("out", arb("1025.025"), arb(1024), digits=3,
                                    method="m")) is R


def test_ball_equal_exact_zero_reference_allows_no_difference() -> None:
    assert _v(decide.ball_equal("z", arb(0), arb(0), digits=20, method="m")) is V
    assert _v(decide.ball_equal("z", arb("1e-300"), arb(0), digits=20, method="m")) is R
    assert _v(decide.ball_equal("z", arb(0, "1e-300"), arb(0), digits=20, method="m")) is U


def test_ball_equal_negative_and_huge_exponents() -> None:
    with workprec(200):
        big = arb(10) ** 10**6
        assert _v(decide.ball_equal("b", -big * (1 + arb("1e-40")), -big, digits=30,
                                    method="m")) is V
        assert _v(decide.ball_equal("b", -big * (1 + arb("1e-20")), -big, digits=30,
                                    method="m")) is R
        small = arb(10) ** (-10**6)
        assert _v(decide.ball_equal("s", small * 3, small * 3, digits=50, method="m")) is V
        assert _v(decide.ball_equal("s", small, -small, digits=1, method="m")) is R


def test_ball_equal_nan_and_inf_are_never_a_result() -> None:
    for bad in (NAN, INF, -INF, arb(0, "inf")):
        r = decide.ball_equal("n", bad, arb(1), digits=10, method="m")
        assert r.verdict is U and "no finite enclosure" in r.method
        r = decide.ball_equal("n", arb(1), bad, digits=10, method="m")
        assert r.verdict is U


def test_ball_equal_validates_once_with_parameter_names() -> None:
    with pytest.raises(ValueError, match="digits=0"):
        decide.ball_equal("x", arb(1), arb(1), digits=0, method="m")
    with pytest.raises(TypeError, match="digits=True"):
        decide.ball_equal("x", arb(1), arb(1), digits=True, method="m")
    with pytest.raises(TypeError, match="lhs='1'"):
        decide.ball_equal("x", "1", arb(1), digits=3, method="m")
    with pytest.raises(TypeError, match="method=None"):
        decide.ball_equal("x", arb(1), arb(1), digits=3, method=None)  # type: ignore[arg-type]


def test_more_digits_never_turn_refuted_into_verified() -> None:
    with workprec(300):
        pairs = [(arb(1) + arb(10) ** -e, arb(1)) for e in (3, 10, 25, 60)]
        pairs += [(arb(1, "1e-8"), arb(1)), (arb(-7), arb(7)), (arb(0), arb("1e-50"))]
    for lhs, rhs in pairs:
        seen_refuted = False
        for digits in (1, 2, 5, 10, 20, 40, 80):
            verdict = decide.ball_equal("m", lhs, rhs, digits=digits, method="m").verdict
            assert not (seen_refuted and verdict is V)
            seen_refuted |= verdict is R


def test_proved_digits() -> None:
    assert decide.proved_digits(arb("1e-12"), arb(3)) == 12
    assert decide.proved_digits(arb(0), arb(1)) == decide.MAX_DIGITS
    assert decide.proved_digits(arb(1), arb(0, 1)) == 0
    assert decide.proved_digits(arb(5), arb(1)) == 0


# --- absolute tolerance ---------------------------------------------------------------------

def test_ball_within_rule_and_edges() -> None:
    assert _v(decide.ball_within("t", arb(1), arb(0), abs_tol=1, method="m")) is V  # exactly at
    assert _v(decide.ball_within("t", arb(1), arb(0), abs_tol=Fraction(1, 2), method="m")) is R
    assert _v(decide.ball_within("t", arb(1, "0.1"), arb(0), abs_tol=1, method="m")) is U
    # abs_tol = 0 is exact equality: REFUTED once the difference excludes 0
    assert _v(decide.ball_within("t", arb("1e-300"), arb(0), abs_tol=0, method="m")) is R
    assert _v(decide.ball_within("t", arb(0), arb(0), abs_tol=0, method="m")) is V
    # the absolute rule does not scale with the values: 1e30 vs 1e30 + 1
    with workprec(200):
        big = arb(10) ** 30
        assert _v(decide.ball_within("t", big + 1, big, abs_tol=Fraction(1, 2),
                                     method="m")) is R
    assert _v(decide.ball_within("t", NAN, arb(0), abs_tol=1, method="m")) is U
    for bad, err in ((-1, ValueError), (arb(-2, 1), ValueError), (True, TypeError),
                     (float("inf"), ValueError), (NAN, ValueError)):
        with pytest.raises(err, match="abs_tol="):
            decide.ball_within("t", arb(1), arb(0), abs_tol=bad, method="m")
    # a tolerance ball reaching below 0 verifies nothing it cannot prove, and still refutes
    assert _v(decide.ball_within("t", arb(0, "1e-40"), arb(0), abs_tol=arb(0, "1e-30"),
                                 method="m")) is U
    assert _v(decide.ball_within("t", arb(1), arb(0), abs_tol=arb(0, "1e-30"),
                                 method="m")) is R


# --- inequalities ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lhs", "rel", "rhs", "want"), [
    (1, "<=", 2, V), (3, "<=", 2, R), (2, "<=", 2, V), (2, "<", 2, R), (1, "<", 2, V),
    (2, ">=", 2, V), (2, ">", 2, R), (3, ">", 2, V), (1, ">=", 2, R), (1, ">", 2, R),
    (-5, "<", -4, V), (-4, "<", -5, R),
])
def test_ball_compare_exact_points(lhs: int, rel: str, rhs: int, want: Verdict) -> None:
    assert _v(decide.ball_compare("c", arb(lhs), rel, arb(rhs), method="m")) is want


def test_ball_compare_touching_and_overlapping_balls() -> None:
    # exact points that touch: <= and >= hold, < and > are refuted (test above); a ball
    # [2 +/- 1] reaches one ulp past 3 (Arb rounds radii up): against 3 it is undecided,
    # never VERIFIED or REFUTED; against 3 + 2^-20 it is decided
    touching = arb(2, 1)
    assert _v(decide.ball_compare("c", touching, "<=", arb(3), method="m")) is U
    assert _v(decide.ball_compare("c", touching, "<=", arb(3) + arb(2) ** -20,
                                  method="m")) is V
    assert _v(decide.ball_compare("c", touching, ">", arb(4) + arb(2) ** -20,
                                  method="m")) is R
    assert _v(decide.ball_compare("c", arb(2, 1), "<=", arb(2), method="m")) is U
    for rel in decide.RELATIONS:
        assert _v(decide.ball_compare("c", NAN, rel, arb(2), method="m")) is U
        assert _v(decide.ball_compare("c", arb(1), rel, INF, method="m")) is U
    with pytest.raises(ValueError, match="relation='=='"):
        decide.ball_compare("c", arb(1), "==", arb(2), method="m")
    assert _v(decide.ball_less_equal("c", arb(1), arb(1), method="m", strict=True)) is R


def test_a_relation_and_its_negation_are_never_both_verified() -> None:
    negation = {"<=": ">", "<": ">=", ">=": "<", ">": "<="}
    balls = [arb(0), arb(1), arb(1, "1e-3"), arb(0, 1), arb(-2, "0.5"), arb(10) ** 40]
    for a in balls:
        for b in balls:
            for rel, neg in negation.items():
                one = decide.ball_compare("c", a, rel, b, method="m").verdict
                other = decide.ball_compare("c", a, neg, b, method="m").verdict
                assert not (one is V and other is V)
                assert (one is R) == (other is V)


# --- intervals ------------------------------------------------------------------------------

def test_ball_in_interval() -> None:
    assert _v(decide.ball_in_interval("i", arb(1), 0, 2, method="m")) is V
    assert _v(decide.ball_in_interval("i", arb(2), 0, 2, method="m")) is V  # closed end
    assert _v(decide.ball_in_interval("i", arb(3), 0, 2, method="m")) is R
    assert _v(decide.ball_in_interval("i", arb(-1), 0, 2, method="m")) is R
    assert _v(decide.ball_in_interval("i", arb(2, "0.5"), 0, 2, method="m")) is U
    assert _v(decide.ball_in_interval("i", NAN, 0, 2, method="m")) is U
    with pytest.raises(ValueError, match="lo <= hi"):
        decide.ball_in_interval("i", arb(1), 2, 0, method="m")


def test_bound_on_interval_verifies_refutes_and_gives_up() -> None:
    def sq(x: arb) -> arb:
        return x * x

    def one(x: arb) -> arb:
        return arb(1) + 0 * x

    def two(x: arb) -> arb:
        return arb(2) + 0 * x

    assert _v(decide.bound_on_interval("x^2 <= 2", sq, two, arb(-1), arb(1), method="m")) is V
    # touching at the ends (x^2 = 1 at +-1): bisection cannot separate them: INCONCLUSIVE
    assert _v(decide.bound_on_interval("x^2 <= 1", sq, one, arb(-1), arb(1), method="m",
                                       max_pieces=200)) is U
    bad = decide.bound_on_interval("x^2 <= 1", sq, one, arb(-1), arb("1.01"), method="m",
                                   probe=101)
    assert bad.verdict is R and "point" in bad.evidence
    # touching inside the interval (x^2 <= x^2) cannot be separated by bisection
    undecided = decide.bound_on_interval("x^2 <= x^2", sq, sq, arb(0), arb(1), method="m",
                                         max_pieces=50)
    assert undecided.verdict is U


def test_monotone_bound_on_interval() -> None:
    def dec(x: arb) -> arb:
        return 1 / (1 + x)

    def two(x: arb) -> arb:
        return 2 / (1 + x) + 0 * x

    assert _v(decide.monotone_bound_on_interval("f <= 2f", dec, two, arb(0), arb(5),
                                                method="m")) is V
    assert _v(decide.monotone_bound_on_interval("2f <= f", two, dec, arb(0), arb(5),
                                                method="m")) is R


# --- rounded decimals -----------------------------------------------------------------------

def test_rounding_half_width_and_spelled_digits() -> None:
    assert decide.rounding_half_width("0.2066") == sp.Rational(1, 20000)
    assert decide.rounding_half_width("-2.5e-3") == sp.Rational(1, 20000)
    assert decide.rounding_half_width("12") == sp.Rational(1, 2)
    with pytest.raises(ValueError, match="value='1/3'"):
        decide.rounding_half_width("1/3")
    assert decide.spelled_digits("0.10000") == 5
    assert decide.spelled_digits("1.5e-3") == 2
    assert decide.spelled_digits(sp.Rational(1, 8)) == 3
    assert decide.spelled_decimal("0.25", sp.Rational(1, 4)) == (2, sp.Rational(1, 200))
    assert decide.spelled_decimal("7", sp.Integer(7)) is None
    assert decide.spelled_decimal(sp.Rational(1, 3), sp.Rational(1, 3)) is None


def test_rounded_decimal_every_spelled_digit() -> None:
    with workprec(200):
        third = arb(1) / 3
    assert _v(decide.rounded_decimal("r", third, "0.3333", method="m")) is V
    assert _v(decide.rounded_decimal("r", third, "0.3334", method="m")) is R  # planted
    assert _v(decide.rounded_decimal("r", third, "0.33333333333333333333", method="m")) is V
    # exactly at the half unit: 0.125 printed as 0.12 or 0.13 is within 0.005 both ways
    assert _v(decide.rounded_decimal("r", arb("0.125"), "0.13", method="m")) is V
    assert _v(decide.rounded_decimal("r", arb("0.125"), "0.12", method="m")) is V
    assert _v(decide.rounded_decimal("r", arb("0.125"), "0.11", method="m")) is R
    assert _v(decide.rounded_decimal("r", arb("0.125", "0.01"), "0.12", method="m")) is U
    assert _v(decide.rounded_decimal("r", NAN, "0.12", method="m")) is U
    assert _v(decide.rounded_decimal("r", arb(-1) / 400, "-2.5e-3", method="m")) is V
    with pytest.raises(ValueError, match="plain decimal"):
        decide.rounded_decimal("r", third, "1/3", method="m")


def test_rounded_decimal_beyond_the_cap_is_never_verified() -> None:
    printed = "0." + "3" * (decide.MAX_DIGITS + 5)
    with workprec(4000):
        third = arb(1) / 3
        r = decide.rounded_decimal("r", third, printed, method="m")
    assert r.verdict is U and "spells" in r.method


# --- non-zero and conjunction ---------------------------------------------------------------

def test_proved_nonzero() -> None:
    assert _v(decide.proved_nonzero("n", sp.pi - sp.Rational(355, 113), method="m")) is V
    assert _v(decide.proved_nonzero("n", sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1, method="m")) is R
    assert _v(decide.proved_nonzero("n", arb(0), method="m")) is R
    assert _v(decide.proved_nonzero("n", arb(0, 1), method="m")) is U
    assert _v(decide.proved_nonzero("n", arb(-3), method="m")) is V
    assert _v(decide.proved_nonzero("n", NAN, method="m")) is U
    assert _v(decide.proved_nonzero("n", sp.zoo, method="m")) is U


def test_all_of_names_the_failing_case() -> None:
    ok = decide.ball_equal("k=1", arb(1), arb(1), digits=5, method="m")
    bad = decide.ball_equal("k=2", arb(2), arb(1), digits=5, method="m")
    undecided = decide.ball_equal("k=3", arb(1, 1), arb(1), digits=5, method="m")
    r = decide.all_of("all k", "m", [ok, undecided, bad])
    assert r.verdict is R and r.evidence["first_failure"] == "k=2"
    r = decide.all_of("all k", "m", [ok, undecided])
    assert r.verdict is U and r.evidence["first_failure"] == "k=3"
    assert decide.all_of("all k", "m", [ok, ok]).verdict is V
    with pytest.raises(ValueError, match="non-empty"):
        decide.all_of("none", "m", [])


# --- claimed SymPy values against a computed coefficient ------------------------------------

def _certified(ball: arb, *, met: bool = True) -> Coefficient:
    return Coefficient(0, "certified", ball, None, "test ball", met)


def test_decide_equal_verdicts_do_not_depend_on_precision() -> None:
    with workprec(400):
        ours = _certified(arb(1) / 3 + arb(0, "1e-60"))
    third = sp.Rational(1, 3)
    assert decide.decide_equal(third, ours, 30, "c").verdict is V
    assert decide.decide_equal(third + sp.Rational(1, 10**35), ours, 30, "c").verdict is V
    assert decide.decide_equal(third + sp.Rational(1, 10**25), ours, 30, "c").verdict is R
    wide = _certified(arb(1) / 3 + arb(0, "1e-10"), met=False)
    r = decide.decide_equal(third, wide, 30, "c")
    assert r.verdict is U and "fell short" in r.method


def test_decide_equal_exact_and_exact_zero() -> None:
    exact = Coefficient(2, "exact", arb(0), ExactValue.zero(), "exact", True)
    assert decide.decide_equal(sp.Integer(0), exact, 20, "c").verdict is V
    assert decide.decide_equal(sp.Rational(1, 10**50), exact, 20, "c").verdict is R
    half = Coefficient(0, "exact", arb("0.5"), ExactValue({sp.Integer(1): fmpq(1, 2)}, 0),
                       "exact", True)
    r = decide.decide_equal(sp.Rational(1, 2), half, 20, "c")
    assert (r.verdict, r.strength) == (V, Strength.EXACT)
    with pytest.raises(ValueError, match="exact or certified"):
        decide.decide_equal(sp.Integer(0), Coefficient(0, "float", arb(0), None, "f", True),
                            20, "c")


def test_decide_value_spelled_digits_and_cap() -> None:
    with workprec(400):
        ours = _certified(arb(1) / 3 + arb(0, "1e-100"))
    typed = "0." + "3" * 40  # spells 40 digits, asked 20: decided to all 40
    expr = sp.Rational(typed)
    r = decide.decide_value(expr, ours, 20, 20, "c", value=typed, expr=expr, wanted=40)
    assert r.verdict is V and "40 significant digits it spells" in r.claim
    wrong = "0." + "3" * 35 + "4" + "3" * 4  # a digit far down
    expr_w = sp.Rational(wrong)
    r = decide.decide_value(expr_w, ours, 20, 20, "c", value=wrong, expr=expr_w, wanted=40)
    assert r.verdict is R
    # wanted above the digits decided: a certified agreement is INCONCLUSIVE, never VERIFIED
    r = decide.decide_equal(sp.Rational(1, 3), ours, 20, "c", wanted=900, cap_note="cap")
    assert r.verdict is U and "900 are asked" in r.method


def test_decide_within_rounding_interval() -> None:
    with workprec(200):
        ours = _certified(arb(1) / 3)
    inside = decide.decide_within(sp.Rational(3333, 10000), ours, sp.Rational(1, 20000), 10, "c")
    assert inside.verdict is V
    outside = decide.decide_within(sp.Rational(3334, 10000), ours, sp.Rational(1, 20000), 10,
                                   "c")
    assert outside.verdict is R
    edge = decide.decide_within(sp.Rational(3334, 10000), ours, sp.Rational(7, 100000), 10, "c")
    assert edge.verdict is V  # 0.3334 - 1/3 = 0.0000666.. < 0.00007


def test_guard_bits_is_the_one_precision_rule() -> None:
    import math

    from verify.numbers import GUARD_BITS, bits_for_digits, guard_bits, guard_digits

    for digits in (1, 15, 30, 100, 800):
        assert guard_bits(digits) == math.ceil(digits * math.log2(10)) + GUARD_BITS
        assert guard_bits(digits, extra=40) == guard_bits(digits) + 40
        assert bits_for_digits(digits) == guard_bits(digits)
        assert guard_digits(digits) == digits + 5
    with pytest.raises(ValueError, match="extra=-1"):
        guard_bits(30, extra=-1)


def test_decide_relation_raises_precision_until_decided() -> None:
    def near() -> tuple[arb, arb]:
        # 1/3 against 1/3 + 10^-40: separated only once the precision exceeds ~133 bits
        return arb(1) / 3, arb(1) / 3 + arb(10) ** -40

    # at 30 digits: equal to within 1e-40 (VERIFIED); at 60: REFUTED; "<" proved
    assert decide.decide_relation("eq", near, "==", method="m", digits=30).verdict is V
    r = decide.decide_relation("eq", near, "==", method="m", digits=60)
    assert r.verdict is R and r.evidence["precision_bits"] >= 200
    assert decide.decide_relation("lt", near, "<", method="m", digits=10).verdict is V
    assert decide.decide_relation("gt", near, ">", method="m", digits=10).verdict is R
    assert decide.decide_relation("abs", near, "==", method="m",
                                  abs_tol=Fraction(1, 10**41)).verdict is R

    def nan() -> tuple[arb, arb]:
        return arb.nan(), arb(1)

    undecided = decide.decide_relation("n", nan, "<=", method="m", digits=10, passes=2)
    assert undecided.verdict is U
    with pytest.raises(ValueError, match="abs_tol"):
        decide.decide_relation("x", near, "<", method="m", abs_tol=1)
    with pytest.raises(ValueError, match="relation='!='"):
        decide.decide_relation("x", near, "!=", method="m")
    with pytest.raises(ValueError, match="passes=0"):
        decide.decide_relation("x", near, "<", method="m", passes=0)


def test_identity_flag_refutes_a_proved_nonzero_difference_below_the_tolerance() -> None:
    from verify.numbers import workprec

    with workprec(200):
        one, near = arb(1), arb(1) + arb("1e-25")
        loose = decide.ball_equal("x = y", one, near, digits=20, method="m")
        assert loose.verdict is Verdict.VERIFIED and "to within" in loose.claim
        strict = decide.ball_equal("x = y", one, near, digits=20, method="m", identity=True)
        assert strict.verdict is Verdict.REFUTED
        within = decide.ball_within("x = y", one, near, abs_tol=arb("1e-20"), method="m",
                                    identity=True)
        assert within.verdict is Verdict.REFUTED
        # a difference ball containing 0 is decided by the tolerance as before
        touching = decide.ball_equal("x = y", one, one + arb(0, 1e-30), digits=20, method="m",
                                     identity=True)
        assert touching.verdict is Verdict.VERIFIED
    with pytest.raises(TypeError, match="identity"):
        decide.ball_equal("x", arb(1), arb(1), digits=5, method="m", identity=1)  # type: ignore[arg-type]
