"""The default certified tier is the shared-node engine, for every registered activation.

References, each independent of the engine:

* **the acb.integral second method** (``hermite.certified_coefficient_acb``,
  ``gegenbauer.certified_sphere_coefficient_acb``: one adaptive Arb integral per k, its own
  error control, its own recurrence inside the integrand): both balls are enclosures, so they
  must overlap, and where both meet the digits their midpoints agree to them;
* **mpmath.quad** at 40 digits (tanh-sinh), split at the breakpoints and on a grid, with
  ``He_k(x) = 2^{-k/2} H_k(x/sqrt 2)`` from mpmath's ``hermite`` and ``P_{k,d}`` from
  mpmath's ``gegenbauer``/``chebyt``: another library and algorithm;
* **the exact tier** (jump formula, erf closed form, half-sphere Beta moments) where it
  applies: the exact value lies in the certified ball.

Everything goes through the public entry points (``hermite_coefficients``,
``gegenbauer_coefficients`` with ``tier="certified"``), whose method strings must name the
engine (or, where it cannot bound the integrand, the acb.integral fallback).
"""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy as sp
from flint import arb

from verify.activations import NAMES, X, activation
from verify.gegenbauer import (
    certified_sphere_coefficient,
    certified_sphere_coefficient_acb,
    exact_sphere_coefficients,
    gegenbauer_coefficients,
    has_exact_sphere_form,
    sphere_second_moment,
)
from verify.hermite import (
    certified_coefficient,
    certified_coefficient_acb,
    exact_coefficients,
    has_exact_form,
    hermite_coefficients,
    second_moment,
    second_moment_engine,
)
from verify.integrate import gaussian_coefficients
from verify.numbers import workprec

#: Every activation of the registry: the names, and relu_power at p = 2, 3/2 and 1/2 (the
#: last has sqrt(x) at 0, which the engine cannot bound: the fallback path).
REGISTRY = [*NAMES, "relu_power(2)", "relu_power(3/2)", "relu_power(1/2)"]
ENGINE = "certified: shared-node Gauss-Legendre"
DIGITS = 20
MP_DPS = 40


def _act(spec: str):
    if spec.startswith("relu_power("):
        return activation("relu_power", p=spec[len("relu_power("):-1])
    return activation(spec)


def _holds(ball: arb, value: mpmath.mpf, slack: float) -> bool:
    """The ball, widened only by mpmath's own error ``slack``, contains mpmath's value (call
    inside a wide ``workprec``)."""
    ref = arb(mpmath.nstr(value, MP_DPS + 5, min_fixed=-mpmath.inf, max_fixed=mpmath.inf))
    return arb(ball.mid(), ball.rad() + arb(slack)).contains(ref)


def _mp_pieces(act):
    """(lo, hi, f) for each piece, f the piece's expression in mpmath."""
    out = []
    def end(v: sp.Expr) -> mpmath.mpf:
        return mpmath.inf * int(sp.sign(v)) if v in (sp.oo, -sp.oo) else mpmath.mpf(
            sp.Rational(v).p) / sp.Rational(v).q

    for p in act.pieces:
        out.append((end(p.lo), end(p.hi), sp.lambdify(X, p.expr, modules="mpmath")))
    return out


def _mp_hermite(act, k: int) -> mpmath.mpf:
    """``int sigma h_k phi`` by mpmath.quad, piece by piece, split on a grid of |x| <= 40."""
    grid = [mpmath.mpf(v) for v in (-40, -20, -10, -6, -3, -1, 0, 1, 3, 6, 10, 20, 40)]
    norm = mpmath.sqrt(mpmath.factorial(k) * 2 * mpmath.pi)
    total = mpmath.mpf(0)
    for lo, hi, f in _mp_pieces(act):
        a, b = max(lo, mpmath.mpf(-40)), min(hi, mpmath.mpf(40))
        if not a < b:
            continue
        pts = [a, *(g for g in grid if a < g < b), b]

        def g(x, f=f):
            he = mpmath.hermite(k, x / mpmath.sqrt(2)) / mpmath.mpf(2) ** (mpmath.mpf(k) / 2)
            return f(x) * he * mpmath.exp(-x * x / 2)

        total += mpmath.quad(g, pts)
    return total / norm


def _mp_sphere(act, k: int, d: int, r: sp.Rational) -> mpmath.mpf:
    """``c_d int_{-pi/2}^{pi/2} sigma(r sin u) P_{k,d}(sin u) cos^{d-2} u du`` by mpmath.quad,
    split where ``r sin u`` meets a breakpoint and on a grid (finer near 0 for large d)."""
    rr = mpmath.mpf(r.p) / r.q
    lam = mpmath.mpf(d - 2) / 2
    cd = mpmath.gamma(mpmath.mpf(d) / 2) / (mpmath.sqrt(mpmath.pi)
                                            * mpmath.gamma(mpmath.mpf(d - 1) / 2))
    if d == 2:
        def pk(t):
            return mpmath.chebyt(k, t)
    else:
        top = mpmath.gegenbauer(k, lam, 1)

        def pk(t):
            return mpmath.gegenbauer(k, lam, t) / top
    half = mpmath.pi / 2
    width = half if d < 50 else mpmath.mpf(12) / mpmath.sqrt(d)  # cos^{d-2}: e^{-72} beyond
    total = mpmath.mpf(0)
    for lo, hi, f in _mp_pieces(act):
        ua = -half if lo <= -rr else (mpmath.asin(lo / rr) if lo < rr else None)
        ub = half if hi >= rr else (mpmath.asin(hi / rr) if hi > -rr else None)
        if ua is None or ub is None:
            continue
        ua, ub = max(ua, -width), min(ub, width)
        if not ua < ub:
            continue
        grid = [ua + (ub - ua) * j / 16 for j in range(17)]

        def g(u, f=f):
            s = mpmath.sin(u)
            return f(rr * s) * pk(s) * mpmath.cos(u) ** (d - 2)

        total += mpmath.quad(g, grid)
    return cd * total


@pytest.mark.parametrize("spec", REGISTRY)
def test_hermite_default_tier_against_acb_mpmath_and_exact(spec: str) -> None:
    act = _act(spec)
    row = hermite_coefficients(act, 12, digits=DIGITS, tier="certified")
    assert [c.k for c in row] == list(range(13))
    for c in row:
        if c.tier == "certified":
            assert c.method.startswith(ENGINE) or "fallback" in c.method, c.method
    exact = exact_coefficients(act, 12) if has_exact_form(act) else None
    mpmath.mp.dps = MP_DPS
    with workprec(300):
        for k in (0, 1, 2, 3, 5, 8, 12):
            c = row[k]
            assert c.ball.is_finite(), (spec, k, c)
            second = certified_coefficient_acb(act, k, digits=DIGITS)
            assert c.ball.overlaps(second.ball), (spec, k, c.ball, second.ball)
            if c.tier == "certified" and c.met and second.met:
                assert abs(c.ball.mid() - second.ball.mid()) <= 10 ** (1 - DIGITS) * abs(
                    second.ball.mid()), (spec, k, c.ball, second.ball)
            if exact is not None:
                assert c.ball.contains(exact[k].ball()), (spec, k, c.ball, exact[k])
            if k in (1, 3, 8) and (c.tier == "certified" or exact is None):
                ref = _mp_hermite(act, k)
                assert _holds(c.ball, ref, 1e-32), (spec, k, c.ball, ref)
            assert certified_coefficient(act, k, digits=DIGITS) is c  # one row, remembered


def test_the_engine_is_the_default_and_the_fallback_says_so() -> None:
    c = hermite_coefficients("sigmoid", 5, digits=DIGITS)[5]
    assert c.met and c.method.startswith(ENGINE) and "Cramer tail" in c.method, c.method
    root = _act("relu_power(1/2)")  # sqrt(x) at 0: no complex box around [0, h] is finite
    c = hermite_coefficients(root, 2, digits=10)[2]
    assert c.met and "acb.integral" in c.method and "fallback" in c.method, c.method
    s = gegenbauer_coefficients("sigmoid", 3, d=3, digits=DIGITS)[3]
    assert s.met and s.method.startswith(ENGINE), s.method


#: The sphere at d = 2, 3, 10, 1000 and r = 1, 3/2.
SPHERE_CASES = [(d, r) for d in (2, 3, 10, 1000) for r in (sp.Integer(1), sp.Rational(3, 2))]
#: Where the sphere rows are also checked against mpmath (the rest: every k <= 6 below).
MPMATH_CASES = [(3, 1), (1000, 1), (2, sp.Rational(3, 2))]


@pytest.mark.parametrize("d,r", SPHERE_CASES, ids=[f"d{d}-r{r}" for d, r in SPHERE_CASES])
@pytest.mark.parametrize("spec", REGISTRY)
def test_sphere_default_tier_against_acb_mpmath_and_exact(spec: str, d: int, r) -> None:
    act = _act(spec)
    digits = 15
    row = gegenbauer_coefficients(act, 6, d=d, r=r, digits=digits, tier="certified")
    exact = (exact_sphere_coefficients(act, 6, d=d, r=r) if has_exact_sphere_form(act, r)
             else None)
    mpmath.mp.dps = MP_DPS
    with workprec(300):
        for k in (0, 1, 2, 5):
            c = row[k]
            assert c.ball.is_finite(), (spec, d, r, k, c)
            if c.tier == "certified":
                assert c.method.startswith(ENGINE) or "fallback" in c.method, c.method
            if k in (0, 5) or (d == 3 and k == 1):
                second = certified_sphere_coefficient_acb(act, k, d=d, r=r, digits=digits)
                assert c.ball.overlaps(second.ball), (spec, d, r, k, c.ball, second.ball)
            if exact is not None:
                assert c.ball.contains(exact[k].ball()), (spec, d, r, k, c.ball, exact[k])
            if k in (1, 2) and c.tier == "certified" and (d, r) in MPMATH_CASES:
                ref = _mp_sphere(act, k, d, r)
                assert _holds(c.ball, ref, 1e-30), (spec, d, r, k, c.ball, ref)
            assert certified_sphere_coefficient(act, k, d=d, r=r, digits=digits) is c


@pytest.mark.parametrize("spec,d,r", [("sigmoid", 2, sp.Rational(3, 2)), ("gelu", 10, 1),
                                      ("tanh", 1000, sp.Rational(3, 2)), ("relu", 3, 1)],
                         ids=["sigmoid-d2-r3/2", "gelu-d10-r1", "tanh-d1000-r3/2", "relu-d3-r1"])
def test_sphere_mpmath_every_small_degree(spec: str, d: int, r) -> None:
    """mpmath at every k <= 6 for a few (activation, d, r) of each kind."""
    act = _act(spec)
    row = gegenbauer_coefficients(act, 6, d=d, r=r, digits=25, tier="certified")
    mpmath.mp.dps = MP_DPS
    with workprec(300):
        for c in row:
            ref = _mp_sphere(act, c.k, d, sp.Rational(r))
            assert _holds(c.ball, ref, 1e-30), (spec, d, r, c.k, c.ball, ref)
            assert c.met, (spec, c)


def test_explicit_cutoff_is_validated_and_keeps_the_ball_valid() -> None:
    act = activation("sigmoid")
    with pytest.raises(ValueError, match="cutoff=2 must be from 4"):
        certified_coefficient(act, 1, cutoff=2)
    with pytest.raises(TypeError, match="cutoff=4.5 must be an integer"):
        certified_coefficient(act, 1, cutoff=4.5)
    with pytest.raises(ValueError, match="cutoff=401"):
        certified_coefficient_acb(act, 1, cutoff=401)
    loose = certified_coefficient(act, 1, digits=30, cutoff=4)
    tight = certified_coefficient(act, 1, digits=30)
    assert not loose.met and "[0, 4]" in loose.method and tight.met
    assert loose.ball.contains(tight.ball)
    assert math.isfinite(float(loose.ball.rad()))


@pytest.mark.parametrize("spec", REGISTRY)
def test_second_moments_against_the_engine(spec: str) -> None:
    """``E[sigma^2]`` (one acb.integral, or exact) against ``c_0``/``a_0`` of ``sigma^2`` from
    the engine, Gaussian and sphere (d = 3, 1000; r = 3/2)."""
    act = _act(spec)
    with workprec(200):
        assert second_moment(act, digits=25).overlaps(second_moment_engine(act, digits=25))
        square = activation(act.expr**2)
        for d in (3, 1000):
            r = sp.Rational(3, 2)
            engine = gegenbauer_coefficients(square, 0, d=d, r=r, digits=25, tier="certified")
            assert sphere_second_moment(act, d=d, r=r, digits=25).overlaps(engine[0].ball)


def test_integer_powers_of_balls_around_zero_stay_finite() -> None:
    """python-flint's ``arb ** 2`` of a ball that contains 0 is NaN; the engine's compiled
    integrand must not use it: ``E[gelu^2]`` at 35 digits crashed the driver (OverflowError
    from a NaN sum) before ``(erf(x/sqrt 2) + 1)**2`` near x = -16 was a product of balls."""
    act = activation("x**2*(erf(sqrt(2)*x/2) + 1)**2/4")
    c0 = gaussian_coefficients(act, 0, digits=35)[0]
    assert c0.met and c0.method.startswith(ENGINE)
    with workprec(300):
        assert c0.ball.overlaps(second_moment(activation("gelu"), digits=35))


def test_coefficients_below_the_double_range_meet_their_digits() -> None:
    """Sigmoid on S^999: a_k falls below 1e-308 near k = 200 (a_261 ~ 5e-421). The driver's
    magnitudes are logs, so the plan reaches them (it crashed with 'math domain error' when
    |mid|/2 underflowed to 0.0 in doubles); each ball meets 15 digits and the odd ones
    exclude 0 (the values themselves are checked at lower k above: the acb method needs
    ~20 s at k = 261)."""
    row = gegenbauer_coefficients("sigmoid", 261, d=1000, digits=15, tier="certified")
    assert all(c.met for c in row)
    with workprec(2000):
        assert abs(row[261].ball) < arb("1e-400") and not row[261].ball.contains(0)
        assert abs(row[221].ball) > abs(row[261].ball) * arb(10) ** 40  # still decaying
