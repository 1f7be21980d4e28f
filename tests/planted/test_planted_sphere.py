"""Planted errors on the sphere: the referee must REFUTE each minimally wrong claim.

Every plant is a mistake one actually makes with Gegenbauer expansions (papers/vw19.md §1-§2):
the Gegenbauer index lam = (d-1)/2 for (d-2)/2 (i.e. d -> d+1), the weight exponent (d-2)/2
for (d-3)/2, surface for probability normalization, Gamma((d+k)/2) for Gamma((d+k+1)/2),
a same-parity zero (a_4 = 0 beside the true a_5 = 0, so parity alone cannot decide), a
leading-order asymptotic passed off as exact, a forgotten radius, a flipped kernel argument.
Each plant has its control: the correct claim, decided VERIFIED by the same referee call.
"""

from __future__ import annotations

import pytest
import sympy as sp

from verify.activations import activation
from verify.checks import Strength, Verdict
from verify.referee import (
    Basis,
    check_coefficient_claim,
    check_formula_claim,
    check_kernel_claim,
    parse_claim_expression,
    rounding_half_width,
)

RELU = activation("relu")
X = sp.Symbol("x")

# vw19.md §2.2 (C9): even k >= 2.
TRUE_FORMULA = "(-1)**(k/2-1)*gamma(d/2)*gamma((k-1)/2)/(4*pi*gamma((d+k+1)/2))"
TRUE_C0 = "gamma(d/2)/(2*sqrt(pi)*gamma((d+1)/2))"
TRUE_C1 = "1/(2*d)"
# lam = (d-1)/2 instead of (d-2)/2 is the same closed form with d -> d+1.
SHIFTED_FORMULA = "(-1)**(k/2-1)*gamma((d+1)/2)*gamma((k-1)/2)/(4*pi*gamma((d+k+2)/2))"
SHIFTED_C0 = "gamma((d+1)/2)/(2*sqrt(pi)*gamma((d+2)/2))"
SHIFTED_C1 = "1/(2*(d+1))"
# Gamma((d+k)/2) for Gamma((d+k+1)/2).
HALF_STEP_FORMULA = "(-1)**(k/2-1)*gamma(d/2)*gamma((k-1)/2)/(4*pi*gamma((d+k)/2))"

EVEN_DEGREES = range(2, 41, 2)


def _formula(text: str, d: int, degrees=EVEN_DEGREES):
    return check_formula_claim(RELU, parse_claim_expression(text), degrees,
                               basis=Basis("gegenbauer", d))


def _coeff(act, k: int, value, d: int, r=1):
    expr = parse_claim_expression(value) if isinstance(value, str) else value
    return check_coefficient_claim(act, k, expr, basis=Basis("gegenbauer", d, r))


def _assert_refuted_everywhere(result) -> None:
    assert result.verdict is Verdict.REFUTED, str(result)
    assert result.strength is Strength.CERTIFIED
    assert all(c.verdict is Verdict.REFUTED for c in result.cases), str(result)


# ---------------------------------------------------------------------------------------------
# Controls: the true closed form is VERIFIED exactly.

@pytest.mark.parametrize("d", [3, 10])
def test_true_closed_form_is_verified_exactly(d: int) -> None:
    result = _formula(TRUE_FORMULA, d)
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.EXACT, str(result)
    for k, text in ((0, TRUE_C0), (1, TRUE_C1)):
        r = _coeff(RELU, k, text, d)
        assert r.verdict is Verdict.VERIFIED and r.strength is Strength.EXACT, str(r)


# ---------------------------------------------------------------------------------------------
# Plants.

@pytest.mark.parametrize("d", [3, 10])
def test_lambda_shifted_by_one_half_is_refuted(d: int) -> None:
    """lam = (d-1)/2: every even degree 2..40 and both c_0 and c_1 are wrong."""
    _assert_refuted_everywhere(_formula(SHIFTED_FORMULA, d))
    for k, text in ((0, SHIFTED_C0), (1, SHIFTED_C1)):
        assert _coeff(RELU, k, text, d).verdict is Verdict.REFUTED


@pytest.mark.parametrize("d", [3, 10])
def test_gamma_half_step_is_refuted(d: int) -> None:
    _assert_refuted_everywhere(_formula(HALF_STEP_FORMULA, d))


def _relu_coefficient_with_weight_exponent(k: int, d: int, exponent: sp.Rational) -> sp.Expr:
    """``int_0^1 t P_{k,d}(t) (1-t^2)^e dt / int_{-1}^1 (1-t^2)^e dt`` in SymPy: P_{k,d} from
    sympy.gegenbauer, and ``int_0^1 t^j (1-t^2)^e dt = Gamma((j+1)/2) Gamma(e+1) /
    (2 Gamma((j+1)/2 + e + 1))``. With e = (d-3)/2 this is the true a_k."""
    lam = sp.Rational(d - 2, 2)
    p = sp.Poly(sp.expand(sp.gegenbauer(k, lam, X) / sp.gegenbauer(k, lam, 1)), X)

    def half_moment(j: int) -> sp.Expr:
        a = sp.Rational(j + 1, 2)
        return sp.gamma(a) * sp.gamma(exponent + 1) / (2 * sp.gamma(a + exponent + 1))

    numerator = sum(c * half_moment(j + 1) for (j,), c in p.terms())
    return sp.nsimplify(sp.simplify(numerator / (2 * half_moment(0))), [sp.pi])


@pytest.mark.parametrize("d", [3, 5, 10])
def test_wrong_weight_exponent_is_refuted(d: int) -> None:
    for k in (0, 1, 2, 4):
        control = _relu_coefficient_with_weight_exponent(k, d, sp.Rational(d - 3, 2))
        r = _coeff(RELU, k, control, d)
        assert r.verdict is Verdict.VERIFIED and r.strength is Strength.EXACT, (k, str(r))
        planted = _relu_coefficient_with_weight_exponent(k, d, sp.Rational(d - 2, 2))
        assert _coeff(RELU, k, planted, d).verdict is Verdict.REFUTED, (d, k, planted)


@pytest.mark.parametrize("d", [2, 3, 4, 10])
def test_surface_normalization_claimed_as_probability_is_refuted(d: int) -> None:
    """|S^{d-1}| a_k claimed as a_k (Funk-Hecke surface eigenvalue for the probability one)."""
    area = 2 * sp.pi ** sp.Rational(d, 2) / sp.gamma(sp.Rational(d, 2))
    for k, text in ((0, TRUE_C0), (1, TRUE_C1), (2, TRUE_FORMULA)):
        true = _substitute_kd(text, k, d)
        assert _coeff(RELU, k, area * true, d).verdict is Verdict.REFUTED, (d, k)
        assert _coeff(RELU, k, true, d).verdict is Verdict.VERIFIED


def _substitute_kd(text: str, k: int, d: int) -> sp.Expr:
    expr = parse_claim_expression(text)
    subs = {s: (k if s.name == "k" else d) for s in expr.free_symbols}
    return expr.subs(subs)


def test_same_parity_pair_a4_zero_refuted_a5_zero_verified() -> None:
    """relu = t/2 + |t|/2: odd degrees >= 3 vanish, even ones do not. Claiming a_4 = 0 must
    fail while a_5 = 0 passes exactly, so no parity shortcut can decide both."""
    for d in (3, 7):
        r4 = _coeff(RELU, 4, "0", d)
        r5 = _coeff(RELU, 5, "0", d)
        assert r4.verdict is Verdict.REFUTED, str(r4)
        assert r5.verdict is Verdict.VERIFIED and r5.strength is Strength.EXACT, str(r5)


def test_sigmoid_leading_order_asymptotic_claimed_exact_is_refuted() -> None:
    """vw19.md §2.3: a_1 ~ sigma'(0)/d = 1/20 at d = 5, only to leading order (true 0.0483...)."""
    sigmoid = activation("sigmoid")
    r = _coeff(sigmoid, 1, "1/20", 5)
    assert r.verdict is Verdict.REFUTED and r.strength is Strength.CERTIFIED, str(r)
    text = "0.048307520921437942935196"  # the true value, rounded to the digits shown
    control = check_coefficient_claim(sigmoid, 1, parse_claim_expression(text),
                                      half_width=rounding_half_width(text),
                                      basis=Basis("gegenbauer", 5))
    assert control.verdict is Verdict.VERIFIED, str(control)


def test_forgotten_radius_is_refuted() -> None:
    """relu is 1-homogeneous: a_k(r = 3/2) = (3/2) a_k(1); claiming the r = 1 value fails."""
    for k, text in ((0, TRUE_C0), (2, TRUE_FORMULA)):
        at_one = _substitute_kd(text, k, 5)
        assert _coeff(RELU, k, at_one, 5, r=sp.Rational(3, 2)).verdict is Verdict.REFUTED
        r = _coeff(RELU, k, sp.Rational(3, 2) * at_one, 5, r=sp.Rational(3, 2))
        assert r.verdict is Verdict.VERIFIED and r.strength is Strength.EXACT


# ---------------------------------------------------------------------------------------------
# Kernel claims on the sphere.

@pytest.mark.parametrize("d", [3, 5])
def test_kernel_plants_at_rho_plus_minus_one(d: int) -> None:
    """K(1) = E[relu(t)^2] = 1/(2d); K(-1) = E[relu(t) relu(-t)] = 0."""
    basis = Basis("gegenbauer", d)
    cases = [(1, "1/(2*d)", True), (1, "1/(2*(d+1))", False), (1, "1/2", False),
             (-1, "0", True), (-1, "1/(2*d)", False)]
    for rho, value, true in cases:
        r = check_kernel_claim(RELU, sp.Integer(rho), parse_claim_expression(value), basis=basis)
        if true:
            assert r.verdict is Verdict.VERIFIED and r.strength is Strength.EXACT, str(r)
        else:
            assert r.verdict is Verdict.REFUTED, (rho, value, str(r))


def test_grossly_wrong_kernel_claim_at_rho_nine_tenths_is_refuted() -> None:
    r = check_kernel_claim(RELU, sp.Rational(9, 10), sp.Integer(1), basis=Basis("gegenbauer", 5))
    assert r.verdict is Verdict.REFUTED, str(r)


def test_wrong_kernel_claim_at_rho_one_third_is_refuted() -> None:
    """Where the arb recurrence still holds (rho = 1/3), a value 7e-6 off is refuted (true
    K_relu(1/3; d=5) = 0.0502830, computed to +-2e-8 by 200 terms and the proved tail)."""
    r = check_kernel_claim(RELU, sp.Rational(1, 3), parse_claim_expression("0.05029"),
                           basis=Basis("gegenbauer", 5))
    assert r.verdict is Verdict.REFUTED, str(r)
