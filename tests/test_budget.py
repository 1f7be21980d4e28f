"""Time budgets of symbolic proofs (verify.budget) and the bounded work of the tiers: a proof
that does not finish counts as not proved, an integral that hits its evaluation limit returns a
valid (wider) ball with ``met`` False, and a growth bound that would overflow is refused."""

from __future__ import annotations

import time

import pytest
from flint import arb

from verify import hermite
from verify.activations import activation
from verify.budget import ProofTimeout, time_limit
from verify.numbers import workprec


def test_time_limit_raises_in_the_block():
    start = time.monotonic()
    with pytest.raises(ProofTimeout):
        with time_limit(0.05):
            while True:
                time.sleep(0.01)
    assert time.monotonic() - start < 5


def test_inner_budget_never_outlives_the_outer_one():
    with pytest.raises(ProofTimeout):
        with time_limit(0.1):
            try:
                with time_limit(30):  # capped by the outer 0.1 s
                    time.sleep(5)
            except ProofTimeout:
                pass  # the inner attempt "did not prove it"; the outer budget still fires
            time.sleep(5)


def test_outer_budget_goes_on_after_an_inner_block():
    with time_limit(5):
        with time_limit(0.05):
            pass
        time.sleep(0.2)  # the inner block ended: its alarm must not fire here


@pytest.mark.parametrize("seconds", [0, -1, float("nan"), float("inf"), True])
def test_time_limit_refuses_bad_budgets(seconds):
    with pytest.raises(ValueError, match="seconds="):
        with time_limit(seconds):
            pass


def test_parity_of_a_high_power_is_proved():
    """sin(x)**1000: the odd part vanishes (SymPy sees it at once); its even part is not a
    constant, which SymPy cannot finish proving in the budget -- the odd fact must survive."""
    act = activation("sin(x)**1000")
    assert act.odd_part_zero
    assert act.even_part_constant is None


def test_an_unproved_parity_is_not_used(monkeypatch):
    """With no time for a proof, no parity is claimed: c_1 of an even function is then computed
    (a ball around 0), never declared an exact zero without proof."""
    import verify.activations as activations

    monkeypatch.setattr(activations, "_PARITY_SECONDS", 1e-6)
    act = activation("cos(x)*exp(-x**2/4) + 0*sinh(x)/(1 + x**2)")
    assert not act.odd_part_zero
    c1 = hermite.certified_coefficient(act, 1, digits=10)
    assert c1.exact is None and c1.ball.contains(0)


def test_exponential_towers_are_refused():
    with pytest.raises(ValueError, match="no provable bound"):
        activation("exp(exp(exp(exp(exp(exp(-x**2))))))")
    activation("exp(exp(exp(exp(-x**2))))")  # e^(e^(e^1)) is a fine constant


def test_integral_at_its_evaluation_limit_still_contains_the_value(monkeypatch):
    """Few evaluations allowed: Arb stops early and returns a wider ball, which must still
    contain c_3 of the sigmoid (the unlimited ball), and ``met`` says the digits fell short
    (the acb.integral method: the engine's fallback and second method; not memoized). The
    public precision cap ``MAX_PREC_BITS`` is lowered only to stop the futile escalation
    sooner."""
    sigmoid = activation("sigmoid")
    full = hermite.certified_coefficient_acb(sigmoid, 3, digits=20)
    assert full.met
    assert full.ball.overlaps(hermite.certified_coefficient(sigmoid, 3, digits=20).ball)
    monkeypatch.setattr(hermite, "EVAL_LIMIT", 8)
    monkeypatch.setattr(hermite, "MAX_PREC_BITS", 400)
    limited = hermite.certified_coefficient_acb(sigmoid, 3, digits=20)
    assert not limited.met
    with workprec(200):
        assert limited.ball.is_finite() and limited.ball.overlaps(full.ball)
        assert not arb(limited.ball.rad()) < arb(full.ball.rad())


@pytest.mark.parametrize("expr", [
    "Heaviside(x - 1/3) + Heaviside(-x - 1/3 - 10**-20)",  # |b| round alike: folded onto one cut
    "10**20*(Heaviside(x - 1 + 10**-20) - Heaviside(x - 1 - 10**-20))",  # one side, one double
    "Heaviside(x) - Heaviside(x - 10**-400)",  # a breakpoint whose double is 0
])
def test_breakpoints_that_doubles_cannot_separate_are_refused(expr):
    """The tiers sort, split and fold pieces through doubles: two cuts that round alike would
    merge and the sliver between them be integrated with the wrong piece (the certified tier
    returned c_0 wrong in the 21st digit with met True for the first one, the exact tier
    -0.484 for +0.484 for the second). Such activations are refused, one line."""
    with pytest.raises(ValueError, match="closer than 1e-12 relative"):
        activation(expr)


def test_float_guess_overflow_does_not_refuse_a_valid_activation():
    """10**400 Heaviside(x - 1): doubles overflow in the first guess of |c_0|; the certified
    ball still comes out and contains 10^400 P(g > 1) (the exact tier's value)."""
    act = activation("10**400*Heaviside(x - 1)")
    c0 = hermite.certified_coefficient(act, 0, digits=15)
    second = hermite.certified_coefficient_acb(act, 0, digits=15)
    exact = hermite.hermite_coefficients(act, 0, tier="exact")[0]
    with workprec(2000):
        assert c0.met and c0.ball.overlaps(exact.exact.ball())
        assert second.met and second.ball.overlaps(exact.exact.ball())
