"""Tests that kill the survivors of the earlier mutation campaign (issue 13, "Rigour").

Each test below names the mutant it kills; bench/mutate.py applies those mutants (and the
rest of its list) to a scratch copy of the repository and records which test killed each.

(a) the referee deciding VERIFIED on mere overlap of balls;
(b) the referee missing refutations;
(c) the Gaussian tail term dropped from the certified Hermite integral;
(d) the tail bound divided by 10;
(e) the tail dropped from the certified second moment;
(f) a wrong exponent in the closed form of ``c0 + c1*erf(a*x)``;
(g) a mean-zero certificate whose classes ignore the bias (and the same for pair classes);
(h) an exact rational comparison in claims/base.py that compares absolute values;
(i) the statistical refutation re-testing the first seed instead of the second.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from flint import arb, fmpq
from scipy import integrate, special

from verify.activations import activation
from verify.certificates import family_certificate, mean_zero_certificate, orthogonality_certificate
from verify.checks import Strength, Verdict
from verify.claims.base import ball_equal, ball_less_equal, exact_equal, rational_equal
from verify.expressions import SYMBOLS, arb_value
from verify.hermite import (
    certified_coefficient,
    exact_coefficients,
    hermite_coefficient,
    min_cutoff,
    second_moment,
    second_moment_engine,
    tail_bound,
)
from verify.kernels import kernel_closed_form
from verify.montecarlo import Estimate, statistical_check
from verify.networks import Family, Network
from verify.numbers import workprec
from verify.referee import (
    Basis,
    check_coefficient_claim,
    check_formula_claim,
    check_kernel_claim,
)

RHO, K = SYMBOLS["rho"], SYMBOLS["k"]


def _ball(expr, bits: int = 400) -> arb:
    with workprec(bits):
        return arb_value(sp.sympify(expr))


# ---------------------------------------------------------------------------------------------
# (a) VERIFIED needs |claimed - ours| <= 10^-digits |ours| proved, not an overlap.

def test_a_kernel_off_by_1e9_is_not_verified_near_one():
    """At rho = 63/64 the Mehler series' ball is ~1e-8 wide: a value wrong by 1e-9 overlaps it,
    yet it is wrong in the 9th digit and must not be VERIFIED to 20 digits."""
    relu = activation("relu")
    rho = sp.Rational(63, 64)
    wrong = kernel_closed_form(relu).subs(RHO, rho) + sp.Rational(1, 10**9)
    result = check_kernel_claim(relu, rho, wrong, digits=20)
    assert result.verdict is not Verdict.VERIFIED, result


def test_a_wide_series_ball_does_not_verify_a_wrong_value():
    """Leaky ReLU has exact coefficients but no closed-form kernel, so at rho = 63/64 the
    claim is decided against the Mehler series alone (400 terms, ball ~6e-9 wide). The true
    value ``(1-s)^2 K_relu(rho) + s rho`` (``leaky = (1-s) relu + s x``) and a value wrong by
    1e-9 both overlap it: neither may be VERIFIED to 20 digits, and the true one is not
    REFUTED."""
    s, rho = sp.Rational(1, 4), sp.Rational(63, 64)
    act = activation("leaky_relu", slope=s)
    true = (1 - s) ** 2 * kernel_closed_form(activation("relu")).subs(RHO, rho) + s * rho
    wrong = check_kernel_claim(act, rho, true + sp.Rational(1, 10**9), digits=20)
    assert wrong.verdict is not Verdict.VERIFIED, wrong
    right = check_kernel_claim(act, rho, true, digits=20)
    assert right.verdict is not Verdict.REFUTED, right


def test_a_ball_equal_overlap_is_not_equality():
    wide, point = arb("1.0", "1e-3"), arb(1) + arb("1e-6")
    result = ball_equal("x = y", wide, point, method="t", digits=20)
    assert result.verdict is Verdict.INCONCLUSIVE
    with workprec(200):
        assert ball_equal("x = y", arb(1, "1e-25"), arb(1), method="t",
                          digits=20).verdict is Verdict.VERIFIED


def test_a_verified_certified_means_within_tolerance():
    """Every certified VERIFIED of the referee carries a difference bound within tolerance."""
    sigmoid = activation("sigmoid")
    ours = certified_coefficient(sigmoid, 3, digits=50).ball
    # a rational (not a decimal: a decimal is decided to the digits it spells) within ~1e-40
    near = sp.Rational(ours.mid().str(55, radius=False)).limit_denominator(10**22)
    result = check_coefficient_claim(sigmoid, 3, near, digits=20)
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.CERTIFIED
    bound = float(result.evidence["difference_bound"])
    assert bound <= 1e-20 * abs(float(ours.mid()))


# ---------------------------------------------------------------------------------------------
# (b) Refutations the referee must not miss: wrong at every scale, sign flips, exact zeros.

@pytest.mark.parametrize("rel", ["1e-3", "1e-12", "1e-18"])
def test_b_coefficient_wrong_just_above_tolerance_refuted(rel):
    relu = activation("relu")
    true = sp.sqrt(2) / (2 * sp.sqrt(sp.pi)) / sp.sqrt(2)  # c_2(relu)
    claimed = true * (1 + sp.Rational(rel))
    assert check_coefficient_claim(relu, 2, claimed, digits=20).verdict is Verdict.REFUTED
    assert check_coefficient_claim(relu, 2, true, digits=20).verdict is Verdict.VERIFIED


def test_b_sign_flip_refuted():
    relu = activation("relu")
    assert check_coefficient_claim(relu, 1, sp.Rational(-1, 2)).verdict is Verdict.REFUTED
    sigmoid = activation("sigmoid")
    c3 = certified_coefficient(sigmoid, 3, digits=30).ball
    flipped = -sp.Rational(c3.mid().str(40, radius=False))
    assert check_coefficient_claim(sigmoid, 3, flipped, digits=15).verdict is Verdict.REFUTED


def test_b_certified_wrong_in_last_digits_refuted():
    sigmoid = activation("sigmoid")
    c3 = certified_coefficient(sigmoid, 3, digits=30).ball
    wrong = sp.Rational(c3.mid().str(40, radius=False)) * (1 + sp.Rational(1, 10**17))
    assert check_coefficient_claim(sigmoid, 3, wrong, digits=20).verdict is Verdict.REFUTED


def test_b_exact_zero_claimed_tiny_refuted():
    relu = activation("relu")
    assert check_coefficient_claim(relu, 3, sp.Rational(1, 10**40)).verdict is Verdict.REFUTED
    assert check_coefficient_claim(relu, 3, sp.Integer(0)).verdict is Verdict.VERIFIED


def test_b_kernel_wrong_refuted():
    relu = activation("relu")
    for rho in (sp.Rational(1, 2), sp.Rational(-3, 4), sp.Integer(1)):  # K_relu(-1) = 0
        true = kernel_closed_form(relu).subs(RHO, rho)
        wrong = true * (1 + sp.Rational(1, 10**15))
        assert check_kernel_claim(relu, rho, wrong, digits=20).verdict is Verdict.REFUTED, rho
        assert check_kernel_claim(relu, rho, -true, digits=20).verdict is Verdict.REFUTED, rho


def test_b_formula_with_one_bad_degree_refuted():
    relu = activation("relu")
    good = (-1) ** (K / 2 - 1) * sp.factorial2(K - 3) / sp.sqrt(2 * sp.pi * sp.factorial(K))
    assert check_formula_claim(relu, good, range(2, 14, 2)).verdict is Verdict.VERIFIED
    bad = good * (1 + sp.KroneckerDelta(K, 10) / 10**12)
    result = check_formula_claim(relu, bad, range(2, 14, 2))
    assert result.verdict is Verdict.REFUTED and "k=10" in result.evidence["first_failure"]


def test_b_rounded_claim_outside_refuted():
    relu = activation("relu")
    result = check_coefficient_claim(relu, 0, sp.Rational(3990, 10**4),
                                     half_width=sp.Rational(1, 20000))
    assert result.verdict is Verdict.REFUTED  # 1/sqrt(2 pi) = 0.398942...
    result = check_coefficient_claim(relu, 0, sp.Rational(3989, 10**4),
                                     half_width=sp.Rational(1, 20000))
    assert result.verdict is Verdict.VERIFIED


def test_b_sphere_claim_wrong_refuted():
    basis = Basis("gegenbauer", 3)
    relu = activation("relu")
    assert check_coefficient_claim(relu, 1, sp.Rational(1, 6), basis=basis).verdict \
        is Verdict.VERIFIED
    for wrong in (sp.Rational(-1, 6), sp.Rational(1, 6) + sp.Rational(1, 10**25)):
        assert check_coefficient_claim(relu, 1, wrong, basis=basis).verdict is Verdict.REFUTED


# ---------------------------------------------------------------------------------------------
# (c) and (d): the Gaussian tail of the certified Hermite integral.

def test_c_tail_term_makes_the_ball_contain_c0(certified_method):
    """At the smallest cut-off L = 4 the truncated ReLU integral misses c_0 = 1/sqrt(2 pi) by
    phi(4) ~ 1.3e-4, far more than the integral's radius: only the tail term covers it (the
    engine and the acb.integral method alike)."""
    relu = activation("relu")
    ball = certified_method(relu, 0, digits=12, cutoff=min_cutoff(relu)).ball
    exact = _ball(1 / sp.sqrt(2 * sp.pi))
    assert ball.contains(exact), ball
    with workprec(64):
        bound = tail_bound(relu, min_cutoff(relu))
    assert float(ball.rad()) - float(bound.upper()) < 1e-5


def test_d_tail_bound_dominates_absolute_tail():
    """``tail_bound(sign, 4) >= int_{|x|>4} |h_20| phi`` (~0.28 of the bound: a bound divided by
    10 fails); reference by adaptive quadrature in doubles."""
    act, k, length = activation("sign"), 20, 4
    with workprec(64):
        bound = float(tail_bound(act, length).upper())
    norm = math.sqrt(math.factorial(k) * 2 * math.pi)

    def f(x: float) -> float:
        return 2 * abs(float(special.eval_hermitenorm(k, x))) / norm * math.exp(-x * x / 2)

    grid = np.arange(length, 40, 0.05)
    reference = sum(integrate.quad(f, a, b)[0] for a, b in zip(grid[:-1], grid[1:], strict=True))
    assert bound / 10 < reference <= bound


# ---------------------------------------------------------------------------------------------
# (e) the tail of the certified second moment.

def test_e_square_tail_makes_the_ball_contain_e2():
    """``E[exp(g)^2] = e^2``; at digits 3 the cut-off is L = 8, where the neglected
    ``e^2 (1 - Phi(6))`` ~ 7.3e-9 exceeds the integral's own radius."""
    for method in (second_moment, second_moment_engine):
        ball = method(activation("exp(x)"), digits=3)
        assert ball.contains(_ball(sp.exp(2))), (method, ball)


# ---------------------------------------------------------------------------------------------
# (f) the closed form of c0 + c1*erf(a*x), at a != 1 (a = 1 hides every exponent of a).

@pytest.mark.parametrize("spec", ["erf(x/2)", "1/3 - 2*erf(3*x/2)", "erf(-5*x/4)/7",
                                  "erf(x)"])
def test_f_erf_closed_form_against_certified(spec):
    act = activation(spec)
    exact = exact_coefficients(act, 9)
    for k in (0, 1, 3, 5, 9):
        cert = certified_coefficient(act, k, digits=12)
        with workprec(300):
            assert cert.ball.contains(exact[k].ball()), (spec, k, cert.ball, exact[k])


def test_f_erf_kernel_closed_form():
    """``E[erf(a g) erf(a g')] = (2/pi) asin(2 a^2 rho / (1 + 2 a^2))`` from the exact
    coefficients (a = 3/2), as a series sum to 60 terms plus the Parseval remainder."""
    act = activation("erf(3*x/2)")
    a2 = sp.Rational(9, 4)
    rho = sp.Rational(1, 3)
    closed = 2 / sp.pi * sp.asin(2 * a2 * rho / (1 + 2 * a2))
    exact = exact_coefficients(act, 60)
    with workprec(300):
        partial = sum((v.ball() ** 2 * arb_value(rho) ** k for k, v in enumerate(exact)),
                      arb(0))
        assert abs(partial - _ball(closed)) < 1e-25


# ---------------------------------------------------------------------------------------------
# (g) certificates: the invariant classes include the biases.

def _net(rows, biases, outputs, act="relu", name="f") -> Network:
    return Network(np.array(rows, dtype=np.int64), fmpq(1), tuple(fmpq(b) for b in biases),
                   tuple(fmpq(a) for a in outputs), activation(act), name)


def test_g_mean_zero_certificate_sees_the_bias():
    """``relu(x_1 + 1) - relu(x_1)`` has mean > 0: same |w|^2, different bias, no cancellation."""
    f = _net([[1, 0], [1, 0]], [1, 0], [1, -1])
    assert mean_zero_certificate(f).verdict is Verdict.INCONCLUSIVE
    g = _net([[1, 0], [0, 1]], [1, 1], [1, -1])  # same class (|w|^2 = 1, b = 1): cancels
    assert mean_zero_certificate(g).verdict is Verdict.VERIFIED


def test_g_orthogonality_certificate_sees_the_bias():
    """``f = relu(x_1 + 1) - relu(x_1)``, ``h = relu(x_1)``: E[f h] > 0 (f >= 0, f h > 0 for
    x_1 > 0); classes that ignore the bias would cancel."""
    f = _net([[1, 0], [1, 0]], [1, 0], [1, -1], name="f")
    h = _net([[1, 0]], [0], [1], name="h")
    assert orthogonality_certificate(f, h).verdict is Verdict.INCONCLUSIVE
    family = Family.from_networks([f, h], name="biased")
    assert family_certificate(family).verdict is not Verdict.VERIFIED


# ---------------------------------------------------------------------------------------------
# (h) exact comparisons in claims/base.py keep the sign.

def test_h_rational_equal_keeps_the_sign():
    assert rational_equal("q", fmpq(1, 3), fmpq(-1, 3), method="t").verdict is Verdict.REFUTED
    assert rational_equal("q", -2, 2, method="t").verdict is Verdict.REFUTED
    assert rational_equal("q", fmpq(-1, 3), fmpq(-1, 3), method="t").verdict is Verdict.VERIFIED


def test_h_exact_equal_keeps_the_sign():
    assert exact_equal("e", sp.sqrt(2) / sp.pi, -sp.sqrt(2) / sp.pi, method="t").verdict \
        is Verdict.REFUTED
    assert exact_equal("e", sp.Rational(1, 3), sp.Rational(-1, 3), method="t").verdict \
        is Verdict.REFUTED


# ---------------------------------------------------------------------------------------------
# (i) the statistical rule confirms with the *second* seed.

def _fixed(zs: dict[int, float]):
    def make(seed: int) -> Estimate:
        return Estimate(zs[seed], 1.0, 1000, seed, "fixed")
    return make


def test_i_refutation_needs_the_second_seed():
    assert statistical_check("c", 0.0, _fixed({1: 9.0, 2: 9.0})).verdict is Verdict.REFUTED
    assert statistical_check("c", 0.0, _fixed({1: 9.0, 2: 0.5})).verdict is Verdict.INCONCLUSIVE
    assert statistical_check("c", 0.0, _fixed({1: 9.0, 2: -9.0})).verdict is Verdict.INCONCLUSIVE
    assert statistical_check("c", 0.0, _fixed({1: 0.5, 2: 9.0})).verdict is Verdict.INCONCLUSIVE
    seen: list[int] = []

    def spy(seed: int) -> Estimate:
        seen.append(seed)
        return Estimate(9.0, 1.0, 1000, seed, "fixed")

    result = statistical_check("c", 0.0, spy, seeds=(4, 6))
    assert seen == [4, 6] and result.verdict is Verdict.REFUTED
    assert result.evidence["seed_2"]["seed"] == 6


def test_i_monte_carlo_never_verifies():
    for zs in ({1: 0.0, 2: 0.0}, {1: 1e-9, 2: -1e-9}):
        assert statistical_check("c", 0.0, _fixed(zs)).verdict is not Verdict.VERIFIED


def test_public_tier_certified_kernel_check_at_one():
    """K(1) claims go through c_0 of sigma^2 (certified for non-polynomials): refuted when off."""
    erf = activation("erf")
    true = 2 / sp.pi * sp.asin(sp.Rational(2, 3))
    assert check_kernel_claim(erf, sp.Integer(1), true).verdict is Verdict.VERIFIED
    assert check_kernel_claim(erf, sp.Integer(1), true * (1 + sp.Rational(1, 10**16))
                              ).verdict is Verdict.REFUTED
    assert hermite_coefficient(activation("erf(x)**2"), 0, digits=20).ball.contains(_ball(true))


# ---------------------------------------------------------------------------------------------
# Survivors of bench/mutate.py's first run, killed here.

_GROWTH_CASES = ["x + x**3", "(x + 1)**2", "exp(x) + exp(x/4)", "exp(x/2)", "sinh(x) + 3*x**2",
                 "softplus", "gelu", "silu", "tanh(x)*x**2", "x*erf(x)", "Abs(x)**(3/2) + 1",
                 "exp(-Abs(x))", "Max(x, 0)**3 - 2*x", "(2 + x**2)**(1/2)", "cosh(x/3)*x",
                 # |x|^(1/2) <= 1 + |x| with no slack elsewhere (x**3 alone carries 2^(q-1))
                 "x*tanh(x) + erf(x)*Abs(x)**(1/2)"]


@pytest.mark.parametrize("spec", _GROWTH_CASES)
def test_growth_bound_dominates_on_a_grid(spec):
    """The proved growth class ``|sigma| <= (A + B|x|^p) e^{c|x|}`` (which every tail bound
    uses) holds at every grid point beyond the breakpoints (mutants of the structural rules:
    |x|^q <= 1 + |x|^p, (u+v)^q <= 2^(q-1)(u^q+v^q), the rate of a sum, the rate of exp)."""
    act = activation(spec)
    g = act.growth
    edge = max([abs(float(b)) for b in act.breakpoints], default=0.0)
    xs = np.concatenate([np.linspace(edge + 1e-3, edge + 40, 4001)])
    for side in (1, -1):
        x = side * xs
        with np.errstate(over="ignore"):
            value = np.abs(act.numpy(x))
        bound = (float(g.a) + float(g.b) * np.abs(x) ** float(g.p)) * np.exp(
            float(g.c) * np.abs(x))
        ok = np.isfinite(value) & np.isfinite(bound)
        assert np.all(value[ok] <= bound[ok] * (1 + 1e-12)), (spec, g, x[ok][value[ok] > bound[ok]])


def test_gegenbauer_values_on_a_ball_contain_the_ball():
    """``P_{k,d}`` of a ball of t (the sphere kernel's rho may be a ball) must contain the values
    at every point of that ball, not only at its midpoint."""
    from verify.orthopoly import gegenbauer_sphere_values

    for d in (2, 3, 10):
        with workprec(128):
            ball = arb("0.5", "1e-3")
            values = gegenbauer_sphere_values(30, d, ball)
            for t in (fmpq(499, 1000), fmpq(1, 2), fmpq(501, 1000)):
                exact = gegenbauer_sphere_values(30, d, t)
                for k in (1, 2, 7, 30):
                    assert values[k].contains(arb(exact[k])), (d, k, t)


def test_family_certificate_checks_every_member_mean_zero():
    """``f = relu(x_1) - relu(-x_1)`` (= x_1) and ``h = relu(x_2) + relu(-x_2)`` (= |x_2|) are
    orthogonal under every rotation-invariant law, and f has mean 0, but h does not: without a
    declared symmetry every member's mean must be certified."""
    f = _net([[1, 0], [-1, 0]], [0, 0], [1, -1], name="f")
    h = _net([[0, 1], [0, -1]], [0, 0], [1, 1], name="h")
    assert orthogonality_certificate(f, h).verdict is Verdict.VERIFIED
    assert mean_zero_certificate(h).verdict is Verdict.INCONCLUSIVE
    family = Family.from_networks([f, h], name="odd and even")
    assert family_certificate(family).verdict is not Verdict.VERIFIED


def test_sign_flip_witness_needs_both_conditions():
    from verify.certificates import sign_flip_witness

    f = _net([[1, 0], [-1, 0]], [0, 0], [1, -1], name="f")  # x_1: odd under R_0
    relu_x1 = _net([[1, 0]], [0], [1], name="relu_x1")  # not invariant under R_0
    abs_x2 = _net([[0, 1], [0, -1]], [0, 0], [1, 1], name="abs_x2")  # invariant under R_0
    assert sign_flip_witness(f, relu_x1) is None
    assert sign_flip_witness(f, abs_x2) == 0


def test_i_first_seed_below_threshold_is_not_confirmed():
    """|z_1| = 4 < 6: no refutation, whatever the second seed says."""
    assert statistical_check("c", 0.0, _fixed({1: 4.0, 2: 9.0})).verdict is Verdict.INCONCLUSIVE


def test_ball_less_equal_strict_is_strict():
    one = arb(1)
    assert ball_less_equal("1 < 1", one, one, method="t", strict=True).verdict is Verdict.REFUTED
    assert ball_less_equal("1 <= 1", one, one, method="t").verdict is Verdict.VERIFIED
    assert ball_less_equal("1 < 2", one, arb(2), method="t", strict=True).verdict \
        is Verdict.VERIFIED


def test_h_exact_equal_rational_difference_is_exact_either_sign():
    """A rational difference is an exact refutation whatever its sign (not only a certified one
    via Arb)."""
    for lhs, rhs in ((sp.Rational(-1, 3), sp.Rational(1, 3)), (sp.Rational(1, 3), sp.Integer(0))):
        result = exact_equal("e", lhs, rhs, method="t")
        assert result.verdict is Verdict.REFUTED and result.strength is Strength.EXACT, (lhs, rhs)


def test_met_means_the_digits_are_met():
    """SiLU c_80 (~1e-11, heavy cancellation): the first working precision gives only ~16
    relative digits; ``met`` must not be claimed until the reported ball has the 20 asked for
    (a mutant returning the first ball with met=True survived every other test)."""
    from verify.numbers import meets_digits

    c = certified_coefficient(activation("silu"), 80, digits=20)
    assert c.met and meets_digits(c.ball, 20), c


def test_meets_digits_is_exact_about_the_digit_count():
    """``meets_digits(x, D)``: reported radius <= 10^-D |mid|, not 10^-(D-1)."""
    from verify.numbers import meets_digits

    with workprec(200):
        assert not meets_digits(arb(1, "3e-20"), 20)
        assert meets_digits(arb(1, "3e-21"), 20)
        assert not meets_digits(arb(-7, "7e-15"), 15)
        assert meets_digits(arb(-7, "6e-16"), 15)


def test_factorial_in_ball_arithmetic():
    """factorial(n) = Gamma(n + 1) in the Arb evaluator (unevaluated factorials reach it from
    ExactValue.sympy for k > 200 and from claimed formulas)."""
    with workprec(200):
        assert arb_value(sp.factorial(sp.Integer(5), evaluate=False)).contains(arb(120))
        big = arb_value(sp.factorial(sp.Integer(250), evaluate=False))
        assert big.contains(arb(math.factorial(250)))
        half = arb_value(sp.factorial(sp.Rational(1, 2)))
        assert half.overlaps(arb.pi().sqrt() / 2)


def test_digits_zero_refused():
    """digits=0 would make every ball 'meet' its target (issue 13, item 9)."""
    from verify.numbers import check_digits

    for bad in (0, -1):
        with pytest.raises(ValueError, match="digits="):
            check_digits(bad)
        with pytest.raises(ValueError, match="digits="):
            certified_coefficient(activation("sigmoid"), 1, digits=bad)


def test_compile_acb_reports_kinks_as_non_analytic():
    """compile_acb's contract (kills mutant expr_kinks_analytic): with analytic=True a kink or
    jump function gives a non-finite value (conservatively, on any ball), so acb.integral never
    uses a Taylor bound across it; on a real ball with analytic=False it is a finite value.
    The tiers split activations at their kinks, so only this contract test observes it."""
    import sympy as sp
    from flint import acb, arb

    from verify.expressions import SYMBOLS, compile_acb

    x = SYMBOLS["x"]
    near_zero = acb(arb(0, 0.25), arb(0, 0.25))
    real_ball = acb(arb(0, 0.25))
    for expr in (sp.Abs(x), sp.Max(x, 0), sp.Min(x, 0), sp.sign(x), sp.Heaviside(x)):
        f = compile_acb(expr, x)
        assert not f(near_zero, True).is_finite(), expr
        assert not f(real_ball, True).is_finite(), expr
        assert f(real_ball, False).is_finite(), expr
