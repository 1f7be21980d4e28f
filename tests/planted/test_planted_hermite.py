"""Planted errors: every referee check must REFUTE a minimally wrong claim.

Each wrong claim is one edit away from a true one (a sign, 2 pi -> pi, a double factorial's
offset, a dropped 1/sqrt(k!), the He <-> H convention, a shifted degree, a digit in the 25th
place). Each is paired with its true version, which must be VERIFIED, so a check that refutes
everything cannot pass. REFUTED results must name the first failing degree and both values.

True values used below, with provenance:

* ReLU: c_k = (-1)**(k/2-1) (k-3)!!/sqrt(2 pi k!) for even k >= 2 (papers/ggjkk20.md A7);
  K(rho) = (sqrt(1-rho^2) + (pi - acos rho) rho)/(2 pi) (A6; Cho & Saul 2009).
* sigmoid c_1 = E[sigma'(g)] = 0.20662096414190703726235082871809884057628, computed with
  mpmath.quad at dps=50 (range split at 0; tests/reference/test_hermite_reference.py repeats
  that computation), agreeing with the A25 Fourier integral to 30 digits.
"""

from __future__ import annotations

from decimal import Decimal

import mpmath
import pytest
import sympy as sp

from verify.activations import activation
from verify.checks import Strength, Verdict
from verify.referee import (
    check_coefficient_claim,
    check_formula_claim,
    check_kernel_claim,
    parse_claim_expression,
)

RELU_TRUE = "(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))"
SIGMOID_C1 = "0.20662096414190703726235082871809884057628"
SIGMOID_C1_25TH_DIGIT_WRONG = "0.20662096414190703726235092871809884057628"  # 8 -> 9, place 25
RELU_KERNEL_TRUE = "(sqrt(1-rho**2)+(pi-acos(rho))*rho)/(2*pi)"


def _relu_true(k: int) -> mpmath.mpf:
    return (-1) ** (k // 2 - 1) * mpmath.fac2(k - 3) / mpmath.sqrt(2 * mpmath.pi
                                                                   * mpmath.factorial(k))


def _assert_close(text: str, value: mpmath.mpf, digits: int = 25) -> None:
    assert abs(mpmath.mpf(text) - value) <= mpmath.mpf(10) ** -digits * max(1, abs(value)), (
        f"evidence value {text} is not {mpmath.nstr(value, digits)}")


@pytest.fixture
def relu():
    return activation("relu")


@pytest.fixture
def sigmoid():
    return activation("sigmoid")


def test_true_relu_formula_is_verified_exact(relu):
    result = check_formula_claim(relu, parse_claim_expression(RELU_TRUE), range(2, 41, 2))
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.EXACT
    assert len(result.cases) == 20


# (wrong formula, first degree where it differs, its value there as an mpmath function of k)
_WRONG_RELU_FORMULAS = {
    "sign flipped": (
        "-(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))", 2,
        lambda k: -_relu_true(k)),
    "2 pi -> pi": (
        "(-1)**(k/2-1)*factorial2(k-3)/sqrt(pi*factorial(k))", 2,
        lambda k: _relu_true(k) * mpmath.sqrt(2)),
    # (k-1)!! = (k-3)!! at k = 2 (both 1): the first failure is k = 4.
    "(k-3)!! -> (k-1)!!": (
        "(-1)**(k/2-1)*factorial2(k-1)/sqrt(2*pi*factorial(k))", 4,
        lambda k: _relu_true(k) * (k - 1)),
    "sqrt(k!) dropped": (
        "(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi)", 2,
        lambda k: _relu_true(k) * mpmath.sqrt(mpmath.factorial(k))),
    "He -> H convention (times 2^(k/2))": (
        "2**(k/2)*(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))", 2,
        lambda k: _relu_true(k) * mpmath.power(2, k / 2)),
    "off by one degree (k -> k+2)": (
        "(-1)**((k+2)/2-1)*factorial2(k-1)/sqrt(2*pi*factorial(k+2))", 2,
        lambda k: _relu_true(k + 2)),
}


@pytest.mark.parametrize("label", sorted(_WRONG_RELU_FORMULAS))
def test_wrong_relu_formula_is_refuted_at_first_failing_degree(relu, label):
    formula, first_bad, wrong_value = _WRONG_RELU_FORMULAS[label]
    result = check_formula_claim(relu, parse_claim_expression(formula), range(2, 41, 2))
    assert result.verdict is Verdict.REFUTED, f"{label}: {result}"
    assert result.strength in (Strength.CERTIFIED, Strength.EXACT)
    evidence = result.evidence
    assert evidence["first_failure"].endswith(f"at k={first_bad}"), evidence["first_failure"]
    with mpmath.workdps(40):
        _assert_close(evidence["first_failure_claimed"], wrong_value(first_bad))
        _assert_close(evidence["first_failure_computed"], _relu_true(first_bad))
    worst = result.worst_case()
    assert worst is not None and worst.verdict is Verdict.REFUTED
    assert worst is next(c for c in result.cases if c.verdict is Verdict.REFUTED)
    # Every degree before the first failure is verified: the name is really the *first*.
    for case in result.cases[: (first_bad - 2) // 2]:
        assert case.verdict is Verdict.VERIFIED


def test_sigmoid_c1_true_value_is_verified_certified(sigmoid):
    result = check_coefficient_claim(sigmoid, 1, parse_claim_expression(SIGMOID_C1), digits=30)
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.CERTIFIED
    assert "to within" in result.claim


def test_sigmoid_c1_wrong_in_25th_digit_is_refuted(sigmoid):
    wrong = parse_claim_expression(SIGMOID_C1_25TH_DIGIT_WRONG)
    result = check_coefficient_claim(sigmoid, 1, wrong, digits=30)
    assert result.verdict is Verdict.REFUTED
    assert result.claim.startswith("c_1(sigmoid)")
    with mpmath.workdps(40):
        _assert_close(result.evidence["claimed"], mpmath.mpf(SIGMOID_C1_25TH_DIGIT_WRONG), 29)
        _assert_close(result.evidence["computed"], mpmath.mpf(SIGMOID_C1), 29)
    assert Decimal(result.evidence["claimed"]) != Decimal(result.evidence["computed"])


def test_relu_kernel_true_is_verified_exact(relu):
    result = check_kernel_claim(relu, sp.Rational(1, 2), parse_claim_expression(RELU_KERNEL_TRUE))
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.EXACT


@pytest.mark.parametrize("rho", [sp.Rational(1, 2), sp.Rational(-3, 7)])
def test_relu_kernel_with_pi_for_2pi_is_refuted(relu, rho):
    wrong = RELU_KERNEL_TRUE.replace("(2*pi)", "pi")
    result = check_kernel_claim(relu, rho, parse_claim_expression(wrong))
    assert result.verdict is Verdict.REFUTED
    assert result.claim.startswith(f"K_relu({rho})")
    with mpmath.workdps(30):
        r = mpmath.mpf(rho.p) / rho.q
        true = (mpmath.sqrt(1 - r**2) + (mpmath.pi - mpmath.acos(r)) * r) / (2 * mpmath.pi)
        _assert_close(result.evidence["claimed"], 2 * true, 18)
        _assert_close(result.evidence["computed"], true, 18)


def test_same_parity_pair_relu_c4_zero_is_refuted_c5_zero_is_verified(relu):
    """c_4 and c_5 both 'look' like parity zeros; only c_5 is one (ReLU is not odd/even)."""
    c4 = check_coefficient_claim(relu, 4, parse_claim_expression("0"))
    assert c4.verdict is Verdict.REFUTED
    assert c4.claim.startswith("c_4(relu)")
    with mpmath.workdps(40):
        _assert_close(c4.evidence["claimed"], mpmath.mpf(0))
        _assert_close(c4.evidence["computed"], _relu_true(4))
    c5 = check_coefficient_claim(relu, 5, parse_claim_expression("0"))
    assert c5.verdict is Verdict.VERIFIED and c5.strength is Strength.EXACT


def test_sigmoid_c2_zero_is_exact_but_tiny_nonzero_is_refuted(sigmoid):
    zero = check_coefficient_claim(sigmoid, 2, parse_claim_expression("0"))
    assert zero.verdict is Verdict.VERIFIED and zero.strength is Strength.EXACT
    tiny = check_coefficient_claim(sigmoid, 2, parse_claim_expression("10**(-40)"))
    assert tiny.verdict is Verdict.REFUTED
    assert tiny.claim.startswith("c_2(sigmoid)")
    assert Decimal(tiny.evidence["claimed"]) == Decimal("1e-40")
    assert Decimal(tiny.evidence["computed"]) == 0
