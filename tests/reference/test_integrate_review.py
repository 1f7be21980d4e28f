"""Findings of the adversarial review of the certified engine (helper_notes/ENGINE_REVIEW.md).

Each test states what a correct engine must return (they were strict xfails until the fixes
of findings 2-4 landed; finding 1's activation is now refused at construction).

References: the exact tier (jump formula, rational breakpoints), closed forms evaluated in Arb,
and mpmath.quad at 40 digits split at the breakpoints.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from flint import arb

from verify.activations import activation
from verify.hermite import exact_coefficients
from verify.integrate import NotBoundable, gaussian_coefficients, sphere_coefficients
from verify.numbers import workprec


def test_breakpoints_sharing_a_double_are_refused_at_construction() -> None:
    # finding 1: |b| = 1/3 and 1/3 + 1e-20 are one double; the sliver between them was
    # integrated with the wrong piece (met=True). activations.py now refuses such cuts.
    with pytest.raises(ValueError, match="closer than 1e-12 relative"):
        activation("Heaviside(x - 1/3) + Heaviside(-x - 1/3 - 10**-20)")
    # finding 4: breakpoints one ulp apart ended in "x=... lies on a breakpoint"
    with pytest.raises(ValueError, match="closer than 1e-12 relative"):
        activation("10**15*(Heaviside(x - 1/2) - Heaviside(x - 1/2 - 2**-53))")


def test_close_breakpoints_get_their_pieces_exactly() -> None:
    # finding 4's fix: each cell's pieces come from an exact interior point. Breakpoints
    # 1e-11 apart (accepted) still give balls containing the exact tier's values.
    act = activation("10**11*(Heaviside(x - 1/3) - Heaviside(x - 1/3 - 10**-11))")
    exact = exact_coefficients(act, 1)
    got = gaussian_coefficients(act, 1, digits=12)
    with workprec(200):
        for c, e in zip(got, exact, strict=True):
            assert c.ball.contains(e.ball()), (c.k, c.ball, e.ball())


def test_sphere_cut_within_a_rounding_of_half_pi_is_not_merged() -> None:
    # finding 2's second path: asin(1 - 1e-33) = pi/2 - 4.5e-17 is the double of pi/2; the
    # asin cut and the pi/2 cut merged and the last sliver was dropped. Now: refused, or a ball
    # containing a_0 = (1 - b)/2 (d = 3, t uniform on [-1, 1]).
    act = activation("10**20*Heaviside(x - 1 + 10**-33)")
    try:
        got = sphere_coefficients(act, 0, d=3, r=1, digits=10)[0]
    except NotBoundable:
        return
    with workprec(200):
        want = arb(10) ** 20 * (arb(10) ** -33) / 2
        assert got.ball.contains(want), (got.ball, want)


def test_sphere_breakpoint_within_a_rounding_of_r_is_kept() -> None:
    # sigma = 1e9 * 1{x > 1 - 1e-17}; d = 3: t uniform on [-1, 1], so at r = 1
    # a_0 = 1e9 (1 - b)/2 = 5e-9 and a_1 = 1e9 (1 - b^2)/4, exactly.
    act = activation("10**9*Heaviside(x - 1 + 10**-17)")
    b = 1 - sp.Rational(1, 10**17)
    want = [10**9 * (1 - b) / 2, 10**9 * (1 - b**2) / 4]
    got = sphere_coefficients(act, 1, d=3, r=1, digits=15)
    with workprec(200):
        for c, w in zip(got, want, strict=True):
            ball = arb(int(w.p)) / int(w.q)
            assert c.ball.contains(ball), (c.k, c.ball, ball)


def test_huge_constant_activation_gets_a_ball() -> None:
    act = activation("10**400*Heaviside(x - 1)")
    got = gaussian_coefficients(act, 0, digits=15)[0]
    with workprec(200):
        want = arb(10) ** 400 * (1 / arb(2).sqrt()).erfc() / 2  # 10^400 P(g > 1)
        assert got.ball.contains(want), (got.ball, want)


def test_gamma_piece_gets_a_ball() -> None:
    act = activation("Heaviside(x + 1)*Heaviside(1 - x)*gamma(x + 21/10)")
    got = gaussian_coefficients(act, 0, digits=10)[0]
    mpmath.mp.dps = 40
    want = mpmath.quad(lambda x: mpmath.gamma(x + mpmath.mpf(21) / 10)
                       * mpmath.npdf(x), [-1, 0, 1])
    with workprec(200):
        assert got.ball.contains(arb(mpmath.nstr(want, 35))), (got.ball, want)
