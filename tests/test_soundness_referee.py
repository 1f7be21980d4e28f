"""Issue 13, referee / kernels / numbers side: no false VERIFIED, no NaN shown as a number.

Each test here was written first and seen to fail on the code before its fix (the commit
messages say which). The independent references are closed forms (stated next to each test)
evaluated with mpmath at high precision, never the code under test.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from flint import arb, fmpq

from verify import kernels, numbers, referee
from verify.activations import activation
from verify.checks import Verdict
from verify.kernels import cross_kernel, dual_kernel, kernel_closed_form
from verify.numbers import Coefficient, meets_digits, report_ball, workprec
from verify.referee import (
    Basis,
    check_coefficient_claim,
    check_formula_claim,
    check_kernel_claim,
    parse_claim_expression,
)

RELU = activation("relu")


def _relu_c0(n: int) -> str:
    """c_0(relu) = 1/sqrt(2 pi), to n significant digits (mpmath, rounded)."""
    with mpmath.workdps(n + 20):
        return mpmath.nstr(1 / mpmath.sqrt(2 * mpmath.pi), n, strip_zeros=False)


# ---------------------------------------------------------------------------------------------
# Item 3: a decimal is decided to at least as many significant digits as it spells.

def test_spelled_digits_counts_what_the_literal_spells() -> None:
    assert referee.spelled_digits("0.2066") == 4
    assert referee.spelled_digits("0.000123") == 3
    assert referee.spelled_digits("0.10000") == 5  # trailing zeros after the point are spelled
    assert referee.spelled_digits("1.5e-3 + 2*sqrt(2)") == 2
    assert referee.spelled_digits("1/3") == 1
    assert referee.spelled_digits(sp.Rational(1, 8)) == 3  # 0.125, from the exact value alone


def test_long_decimal_wrong_beyond_the_30th_digit_is_refuted() -> None:
    right = _relu_c0(49)
    last = int(right[-1])
    wrong = right[:-1] + str((last + 3) % 10)  # wrong only in its 49th digit
    for value in (wrong, parse_claim_expression(wrong)):  # text, or the parsed expression
        r = check_coefficient_claim(RELU, 0, value, digits=30)
        assert r.verdict is Verdict.REFUTED, r
    r = check_coefficient_claim(RELU, 0, right, digits=30)
    assert r.verdict is Verdict.VERIFIED, r
    assert "49 significant digits" in r.claim and right in r.claim  # echoed as typed
    # the true digits after ...311649 are 3465...: one unit up in the last place is wrong
    assert right.endswith("311649")
    one_up = right[:-2] + "50"
    assert check_coefficient_claim(RELU, 0, one_up, digits=30).verdict is Verdict.REFUTED


def test_a_decimal_inside_an_expression_raises_the_relative_digits() -> None:
    """2 * 0.19947... (c_0 = 2 * 1/(2 sqrt(2 pi))): the literal spells 40 digits, so the
    product is decided to 40 digits relative, not the 30 asked."""
    with mpmath.workdps(80):
        half = mpmath.nstr(1 / (2 * mpmath.sqrt(2 * mpmath.pi)), 40, strip_zeros=False)
    wrong = half[:-1] + str((int(half[-1]) + 4) % 10)
    r = check_coefficient_claim(RELU, 0, f"2*{wrong}", digits=30)
    assert r.verdict is Verdict.REFUTED, r


def test_trailing_zeros_are_spelled_digits_too() -> None:
    """c_1 of x*(1 + 10^-33)/10 is 0.1000...0001 (34 digits); '0.1' followed by 34 zeros
    spells 35 digits, so it is wrong, though 1/10 agrees to 30 digits."""
    act = activation("x*(1 + 10**(-33))/10")
    typed = "0." + "1" + "0" * 34
    assert check_coefficient_claim(act, 1, typed, digits=30).verdict is Verdict.REFUTED
    # the same number typed without the zeros spells 1 digit: it agrees to the 30 asked
    assert check_coefficient_claim(act, 1, "0.1", digits=30).verdict is Verdict.VERIFIED


def test_long_decimal_in_kernel_and_formula_claims() -> None:
    """K_sign(1/2) = 2/pi asin(1/2) = 1/3 exactly: 0.333...34 (45 digits) is wrong at 45
    digits, though it agrees to 30; the formula claim c_0 = 0.398... likewise."""
    sign = activation("sign")
    threes = "0." + "3" * 44 + "4"
    r = check_kernel_claim(sign, sp.Rational(1, 2), threes, digits=20)
    assert r.verdict is Verdict.REFUTED, r
    wrong = _relu_c0(40)[:-1] + str((int(_relu_c0(40)[-1]) + 5) % 10)
    r = check_formula_claim(RELU, wrong, [0], digits=30)
    assert r.verdict is Verdict.REFUTED, r


def test_more_digits_than_the_cap_is_never_verified() -> None:
    from verify.numbers import MAX_DIGITS

    right = _relu_c0(MAX_DIGITS + 50)
    r = check_coefficient_claim(RELU, 0, right, digits=30)
    assert r.verdict is Verdict.INCONCLUSIVE, r
    assert str(MAX_DIGITS) in r.method


# ---------------------------------------------------------------------------------------------
# Item 4: no NaN ball; remainders from proved upper bounds.

@pytest.mark.parametrize(("expr", "kernel"), [
    ("x**2", lambda r: 1 + 2 * r**2),              # E[g^2 g'^2] = 1 + 2 rho^2
    ("x**3 - 3*x", lambda r: 6 * r**3),            # He_3: c_3 = sqrt(6), all else 0
    ("x + x**2/2", lambda r: r + (1 + 2 * r**2) / 4),
])
def test_polynomial_kernels_are_finite_and_exact_tailed(expr, kernel) -> None:
    act = activation(expr)
    for rho in (fmpq(1, 2), fmpq(-9, 10), fmpq(99, 100)):
        ball, _ = dual_kernel(act, rho, digits=20)
        assert ball.is_finite(), (expr, rho, ball)
        exact = kernel(sp.Rational(int(rho.p), int(rho.q)))
        with workprec(200):
            assert ball.contains(arb(fmpq(int(exact.p), int(exact.q)))), (expr, rho, ball)
        assert meets_digits(ball, 20), (expr, rho, ball)


def test_cross_kernel_of_polynomials_is_finite() -> None:
    balls, _ = cross_kernel(activation("x**2"), activation("x**2 + x"), [fmpq(1, 3)], digits=15)
    assert balls[0].is_finite()
    with workprec(100):
        assert balls[0].contains(1 + 2 * arb(fmpq(1, 3)) ** 2)


def test_cos_kernel_finishes_and_is_verified() -> None:
    """K_cos(rho) = E[cos g cos g'] = e^{-1} cosh(rho)."""
    r = check_kernel_claim(activation("cos(x)"), sp.Rational(1, 2), "exp(-1)*cosh(1/2)",
                           digits=25)
    assert r.verdict is Verdict.VERIFIED, r


def test_a_nonfinite_ball_is_never_reported() -> None:
    with pytest.raises(numbers.NonFiniteBall):
        report_ball(arb("nan"), 10)
    with pytest.raises(numbers.NonFiniteBall):
        report_ball(arb(0, "inf"), 10)
    with pytest.raises(numbers.NonFiniteBall):
        Coefficient(3, "certified", arb("nan"), None, "m", True)
    with pytest.raises(numbers.NonFiniteBall):
        Coefficient(3, "exact", arb("nan"), None, "m", False)
    assert not issubclass(numbers.NonFiniteBall, ValueError | TypeError)  # a bug, never bad input


# ---------------------------------------------------------------------------------------------
# Item 5: `met` is computed, and the verdict says when digits fell short.

def test_kernel_status_is_computed_not_assumed() -> None:
    act = activation("Abs(x - 1/3)")  # exact coefficients, ~k^(-5/4): slow series at rho ~ 1
    near = kernels.dual_kernel_coefficient(act, fmpq(999, 1000), digits=20, max_terms=64)
    assert near.met is False and near.ball.is_finite()
    far = kernels.dual_kernel_coefficient(act, fmpq(1, 10), digits=10)
    assert far.met is True and meets_digits(far.ball, 10)


def test_kernel_claim_says_when_digits_fell_short() -> None:
    act = activation("Abs(x - 1/3)")
    c = kernels.dual_kernel_coefficient(act, fmpq(999, 1000), digits=20)
    mid = report_ball(c.ball, 3)[0]
    r = check_kernel_claim(act, sp.Rational(999, 1000), mid, digits=20)
    assert r.verdict is Verdict.INCONCLUSIVE, r
    assert "fell short" in r.method and "terms" in r.method, r.method


# ---------------------------------------------------------------------------------------------
# Item 6: notation never decides the verdict; closed forms keyed by expression.

@pytest.mark.parametrize("rho", [sp.Rational(99, 100), sp.Rational(-999, 1000)])
@pytest.mark.parametrize("text", ["2/pi*asin(RHO)", "1 - 2/pi*acos(RHO)",
                                  "2/pi*atan(RHO/sqrt(1 - RHO**2))"])
def test_true_sign_kernel_near_one_verified_in_any_notation(rho, text) -> None:
    value = text.replace("RHO", f"({rho})")
    r = check_kernel_claim(activation("sign"), rho, value, digits=20)
    assert r.verdict is Verdict.VERIFIED, r


def test_close_but_false_kernel_value_is_refuted() -> None:
    value = "1 - 2/pi*acos(99/100) + 10**(-25)"
    r = check_kernel_claim(activation("sign"), sp.Rational(99, 100), value, digits=30)
    assert r.verdict is Verdict.REFUTED, r


def test_closed_form_is_keyed_by_expression() -> None:
    assert kernel_closed_form(activation("Max(x, 0)")) is not None
    assert kernel_closed_form(activation("Max(0, x)")) == kernel_closed_form(RELU)
    assert kernel_closed_form(activation("Abs(x)")) == kernel_closed_form(activation("abs"))
    assert kernel_closed_form(activation("Max(x, 0) + 1")) is None
    rho = sp.Rational(999, 1000)
    value = "(sqrt(1 - RHO**2) + (pi/2 + asin(RHO))*RHO)/(2*pi)".replace("RHO", f"({rho})")
    r = check_kernel_claim(activation("Max(x, 0)"), rho, value, digits=20)
    assert r.verdict is Verdict.VERIFIED, r


# ---------------------------------------------------------------------------------------------
# Item 9 (behaviour; the table of messages is tests/test_validation_referee.py).

def test_nan_rho_does_not_run_at_zero() -> None:
    with pytest.raises(ValueError, match="rho=nan"):
        check_kernel_claim(RELU, float("nan"), "1/(2*pi)")


def test_negative_degree_in_a_formula_claim_is_refused() -> None:
    with pytest.raises(ValueError, match="-1"):
        check_formula_claim(RELU, parse_claim_expression("0"), [-1, 2])


def test_digits_zero_is_refused_by_the_certified_tier() -> None:
    from verify.hermite import certified_coefficient

    with pytest.raises(ValueError, match="digits=0"):
        certified_coefficient(activation("sigmoid"), 3, digits=0)


def test_sphere_kernel_basis_still_decides() -> None:
    """K on S^2 for relu at rho = 0: (E relu(t))^2... = a_0^2 + sum; the exact a_0 is 1/4, so
    K(0) >= 1/16; a clearly wrong value is refuted."""
    r = check_kernel_claim(RELU, sp.Integer(0), "5", digits=10, basis=Basis("gegenbauer", 3))
    assert r.verdict is Verdict.REFUTED, r


def test_series_kernel_above_its_digit_cap_is_never_verified() -> None:
    """K_cos(rho) = e^{-1} cosh(rho) has no registered closed form: the series decides it, to
    at most referee.SERIES_MAX_DIGITS digits; more is INCONCLUSIVE (a wrong digit below the cap
    still refutes)."""
    cos, half = activation("cos(x)"), sp.Rational(1, 2)
    cap = referee.SERIES_MAX_DIGITS
    r = check_kernel_claim(cos, half, "exp(-1)*cosh(1/2)", digits=cap - 10)
    assert r.verdict is Verdict.VERIFIED, r
    r = check_kernel_claim(cos, half, "exp(-1)*cosh(1/2)", digits=cap + 10)
    assert r.verdict is Verdict.INCONCLUSIVE and str(cap) in r.method, r
    r = check_kernel_claim(cos, half, f"exp(-1)*cosh(1/2) + 10**(-{cap - 5})", digits=cap + 10)
    assert r.verdict is Verdict.REFUTED, r


def test_digits_past_the_double_range_finish() -> None:
    """10.0**-345 is 0 in doubles: the precision driver's target must not be (on the old code
    c_3 at 345 digits did not finish in 40 s; now about 2 s). Checked against mpmath.quad of
    sigma(x) He_3(x) phi(x) / sqrt(3!)."""
    from verify.hermite import certified_coefficient

    c = certified_coefficient(activation("sigmoid"), 3, digits=345)
    assert c.met and meets_digits(c.ball, 345)
    with mpmath.workdps(60):
        ref = mpmath.quad(lambda x: (x**3 - 3 * x) / (1 + mpmath.exp(-x)) * mpmath.npdf(x),
                          [-mpmath.inf, 0, mpmath.inf]) / mpmath.sqrt(6)
        ref_text = mpmath.nstr(ref, 50)
    with workprec(400):
        assert abs(c.ball - arb(ref_text)) < arb(10) ** -45


def test_a_plain_sympy_symbol_k_is_the_degree():
    """A formula built with the user's own sp.Symbol("k") (no assumptions) is decided as the
    same formula typed as a string (it failed with "k is left unset"); a wrong one is still
    refuted."""
    import sympy as sp

    from verify.activations import activation
    from verify.checks import Verdict
    from verify.referee import check_formula_claim

    k = sp.Symbol("k")
    relu = activation("relu")
    formula = (-1) ** (k / 2 - 1) * sp.factorial2(k - 3) / sp.sqrt(2 * sp.pi * sp.factorial(k))
    assert check_formula_claim(relu, formula, range(2, 12, 2)).verdict is Verdict.VERIFIED
    assert check_formula_claim(relu, -formula, range(2, 12, 2)).verdict is Verdict.REFUTED
