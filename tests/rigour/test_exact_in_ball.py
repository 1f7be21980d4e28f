"""Every exact value lies inside its certified ball, in every tier (issue 13, "Rigour").

The exact tier (rational arithmetic: jump formula, Stein's closed form for erf, half-sphere
Beta moments, the closed-form kernels) and the certified tier (Arb integrals with proved tails,
the Mehler / Funk-Hecke series with proved remainders) are independent algorithms. For each
activation that has both, the certified ball must contain the exact value (evaluated at far
higher precision than the ball's radius), and it must be narrow (``met``), so that containment
is a real cross-check and not a wide ball swallowing everything.

Exact zeros that no symmetry proves (c_k of a polynomial above its degree) are left out of the
certified comparison: the certified tier cannot meet a relative target at 0 and would run to its
precision limit; those zeros are checked by :func:`test_exact_zero_above_degree` instead.
"""

from __future__ import annotations

import sympy as sp
from flint import arb
from hypothesis import given
from hypothesis import strategies as st

from verify.activations import activation, symmetry_zero
from verify.expressions import SYMBOLS, arb_value
from verify.gegenbauer import (
    certified_sphere_coefficient,
    certified_sphere_coefficient_acb,
    exact_sphere_coefficients,
    has_exact_sphere_form,
    sphere_second_moment,
)
from verify.hermite import (
    certified_coefficient,
    certified_coefficient_acb,
    exact_coefficients,
    exact_second_moment,
    hermite_coefficient,
    hermite_coefficients,
    second_moment,
)
from verify.kernels import dual_kernel, kernel_closed_form, sphere_dual_kernel
from verify.numbers import workprec

RHO = SYMBOLS["rho"]
DIGITS = 10
EXACT_BITS = 400  # the exact value's ball is ~2^-400 wide: far inside any certified ball


def _exact_ball(value) -> arb:
    with workprec(EXACT_BITS):
        return value.ball()


def _rationals(lo: int, hi: int, den: int = 8):
    return st.builds(lambda p, q: sp.Rational(p, q), st.integers(lo * den, hi * den),
                     st.integers(1, den))


# Activations with exact Hermite coefficients: every registered piecewise polynomial (with
# parameters drawn), small polynomials, and c0 + c1*erf(a*x) with drawn rationals.
_PIECEWISE = st.one_of(
    st.sampled_from(["relu", "abs", "sign", "step", "hardtanh"]).map(activation),
    _rationals(-2, 2, 16).filter(lambda s: s != 1).map(
        lambda s: activation("leaky_relu", slope=s)),
    st.integers(1, 4).map(lambda p: activation("relu_power", p=p)),
)
_POLYNOMIAL = st.lists(st.integers(-3, 3), min_size=2, max_size=4).filter(
    lambda cs: any(cs[1:])).map(
    lambda cs: activation(sp.Add(*(c * SYMBOLS["x"] ** i for i, c in enumerate(cs)))))
_ERF = st.tuples(_rationals(-2, 2), _rationals(-2, 2).filter(lambda v: v != 0),
                 _rationals(-3, 3, 4).filter(lambda v: v != 0)).map(
    lambda t: activation(t[0] + t[1] * sp.erf(t[2] * SYMBOLS["x"])))
EXACT_HERMITE = st.one_of(_PIECEWISE, _POLYNOMIAL, _ERF)


def _skip_unproved_zero(act, k, exact) -> bool:
    return exact.is_zero() and symmetry_zero(act, k) is None


@given(EXACT_HERMITE, st.lists(st.integers(0, 40), min_size=1, max_size=4, unique=True))
def test_exact_hermite_in_certified_ball(act, degrees):
    exact = exact_coefficients(act, max(degrees))
    for k in degrees:
        if _skip_unproved_zero(act, k, exact[k]):
            continue
        cert = certified_coefficient(act, k, digits=DIGITS)
        assert cert.met, (act.name, k, cert)
        assert cert.ball.contains(_exact_ball(exact[k])), (act.name, k, cert.ball, exact[k])


@given(EXACT_HERMITE, st.integers(0, 40))
def test_public_tiers_agree(act, k):
    """The same comparison through the public tier switch: ``tier="exact"`` vs
    ``tier="certified"`` of :func:`hermite_coefficient`."""
    exact = hermite_coefficient(act, k, tier="exact")
    assert exact.tier == "exact" and exact.exact is not None
    if _skip_unproved_zero(act, k, exact.exact):
        return
    cert = hermite_coefficient(act, k, tier="certified", digits=DIGITS)
    assert cert.tier in ("certified", "exact")  # "exact" only for a proved symmetry zero
    assert cert.ball.contains(_exact_ball(exact.exact))


def test_exact_zero_above_degree():
    """c_k of a polynomial of degree p is exactly 0 for k > p (the certified tier cannot show a
    0 to relative digits; the float tier agrees to absolute 1e-12)."""
    act = activation("x**3 - 2*x + 1/2")
    exact = exact_coefficients(act, 12)
    assert all(v.is_zero() for v in exact[4:])
    floats = hermite_coefficients(act, 12, tier="float")
    assert all(abs(float(c.ball.mid())) < 1e-12 for c in floats[4:])
    assert not exact[3].is_zero()


# ---------------------------------------------------------------------------------------------
# The sphere: half-sphere Beta moments vs the Arb integral in u = asin t.

_SPHERE_ACTS = ["relu", "abs", "sign", "step", "hardtanh", "x**3 - 2*x + 1/2",
                "Max(x, 0)**2", "Max(x, x/4)"]


@given(st.sampled_from(_SPHERE_ACTS), st.sampled_from([2, 3, 10, 1000]),
       st.sampled_from([sp.Integer(1), sp.Rational(3, 2)]),
       st.lists(st.integers(0, 40), min_size=1, max_size=3, unique=True))
def test_exact_sphere_in_certified_ball(spec, d, r, degrees):
    act = activation(spec)
    if not has_exact_sphere_form(act, r):
        return
    exact = exact_sphere_coefficients(act, max(degrees), d=d, r=r)
    for k in degrees:
        if _skip_unproved_zero(act, k, exact[k]):
            continue
        cert = certified_sphere_coefficient(act, k, d=d, r=r, digits=DIGITS)
        assert cert.met, (spec, k, d, r, cert)
        assert cert.ball.contains(_exact_ball(exact[k])), (spec, k, d, r, cert.ball, exact[k])


def test_sphere_fixed_grid():
    """The grid the brief asks for, deterministically: d in 2, 3, 10, 1000, r in 1 and 3/2,
    k spread over 0..40, for ReLU (the hypothesis test above samples the rest)."""
    act = activation("relu")
    for d in (2, 3, 10, 1000):
        for r in (sp.Integer(1), sp.Rational(3, 2)):
            exact = exact_sphere_coefficients(act, 40, d=d, r=r)
            for k in (0, 1, 2, 6, 19, 40):
                cert = certified_sphere_coefficient(act, k, d=d, r=r, digits=DIGITS)
                assert cert.ball.contains(_exact_ball(exact[k])), (d, r, k)


def test_second_methods_contain_exact_values():
    """The acb.integral second methods (the engine's fallback) against the exact tiers too, at
    odd and even k of activations that are neither odd nor even (a fold that ignored
    ``(-1)^k`` would miss)."""
    for spec in ("relu", "Max(x, x/4)", "x**3 - 2*x + 1/2", "hardtanh", "1/3 - 2*erf(3*x/2)"):
        act = activation(spec)
        exact = exact_coefficients(act, 9)
        for k in (0, 1, 2, 5, 9):
            if _skip_unproved_zero(act, k, exact[k]):
                continue
            cert = certified_coefficient_acb(act, k, digits=DIGITS)
            assert cert.ball.contains(_exact_ball(exact[k])), (spec, k, cert.ball, exact[k])
    for spec in ("relu", "Max(x, 0)**2", "x**3 - 2*x + 1/2"):
        act = activation(spec)
        for d, r in ((2, sp.Integer(1)), (3, sp.Rational(3, 2)), (10, sp.Integer(1))):
            exact = exact_sphere_coefficients(act, 5, d=d, r=r)
            for k in (0, 1, 2, 5):
                if _skip_unproved_zero(act, k, exact[k]):
                    continue
                cert = certified_sphere_coefficient_acb(act, k, d=d, r=r, digits=DIGITS)
                assert cert.ball.contains(_exact_ball(exact[k])), (spec, d, r, k, cert.ball)


# ---------------------------------------------------------------------------------------------
# Kernels: closed forms vs the certified Mehler series, Gaussian and sphere.

_RHOS = [sp.Rational(0), sp.Rational(1, 3), sp.Rational(-1, 2), sp.Rational(7, 8),
         sp.Rational(63, 64), sp.Rational(-63, 64)]


def test_closed_form_kernels_in_series_ball():
    for name in ("relu", "abs", "sign", "step", "erf"):
        act = activation(name)
        closed = kernel_closed_form(act)
        assert closed is not None
        for rho in _RHOS:
            with workprec(200):
                series, _ = dual_kernel(act, arb_value(rho), digits=12)
            with workprec(EXACT_BITS):
                exact = arb_value(closed.subs(RHO, rho))
            assert series.contains(exact), (name, rho, series, exact)
            # narrow enough to be a real comparison even near |rho| = 1
            assert series.rad() < 1e-4, (name, rho, series)


def test_kernel_at_one_is_second_moment():
    """K(1) = E[sigma^2]: the closed form at rho = 1 against the certified second moment."""
    for name in ("relu", "abs", "sign", "step", "erf"):
        act = activation(name)
        with workprec(EXACT_BITS):
            exact = arb_value(kernel_closed_form(act).subs(RHO, 1))
        assert second_moment(act, digits=20).contains(exact), name


def test_sphere_kernel_series_contains_exact_second_moment_at_one():
    """K_{d,r}(1) = E[sigma(r t)^2]: the Funk-Hecke series at rho = 1 against a_0(sigma^2)."""
    act = activation("relu")
    for d in (3, 10):
        with workprec(200):
            series, _ = sphere_dual_kernel(act, arb(1), d=d, digits=8, max_terms=120)
        exact = exact_sphere_coefficients(activation("Max(x, 0)**2"), 0, d=d)[0]
        assert series.contains(_exact_ball(exact)), d


# ---------------------------------------------------------------------------------------------
# Second moments: exact (partial Gaussian moments) vs certified (c_0 of sigma^2 by the Arb
# integral), and closed forms vs the certified second moment for non-piecewise activations.

@given(EXACT_HERMITE.filter(lambda a: a.is_piecewise_polynomial))
def test_exact_second_moment_in_certified_ball(act):
    square = activation(act.expr ** 2)
    cert = hermite_coefficient(square, 0, tier="certified", digits=DIGITS)
    assert cert.ball.contains(_exact_ball(exact_second_moment(act)))
    assert second_moment(act, digits=DIGITS).contains(_exact_ball(exact_second_moment(act)))


def test_certified_second_moment_closed_forms():
    """The certified second moment (Arb integral + _square_tail) against closed forms:
    E[erf(g)^2] = (2/pi) asin(2/3), E[exp(g)^2] = e^2, E[exp(g/4)^2] = e^(1/8)."""
    cases = {"erf(x)": 2 / sp.pi * sp.asin(sp.Rational(2, 3)), "exp(x)": sp.exp(2),
             "exp(x/4)": sp.exp(sp.Rational(1, 8))}
    for spec, value in cases.items():
        with workprec(EXACT_BITS):
            exact = arb_value(value)
        for digits in (1, 5, 20):
            ball = second_moment(activation(spec), digits=digits)
            assert ball.contains(exact), (spec, digits, ball)


def test_sphere_second_moment_exact_vs_certified():
    """``sphere_second_moment`` (exact for ReLU) vs the certified a_0 of ReLU^2."""
    for d in (2, 3, 10, 1000):
        for r in (sp.Integer(1), sp.Rational(3, 2)):
            ball = sphere_second_moment(activation("relu"), d=d, r=r, digits=20)
            cert = certified_sphere_coefficient(activation("Max(x, 0)**2"), 0, d=d, r=r,
                                                digits=DIGITS)
            assert cert.ball.contains(ball), (d, r, ball, cert.ball)


# ---------------------------------------------------------------------------------------------
# The float tier (no guarantee) against the certified balls, for every registered activation.

def test_float_tier_near_certified_every_registered_activation():
    """Every name in ``activations.NAMES``: the float tier (Gauss-Legendre in doubles) lies
    within 1e-12 of the certified ball's midpoint for k <= 12, Gaussian and sphere (d = 5);
    exact-tier activations go through their exact values, the others through the Arb integral."""
    from verify.activations import NAMES
    from verify.gegenbauer import gegenbauer_coefficients
    from verify.hermite import float_coefficients

    for name in NAMES:
        act = activation(name)
        floats = float_coefficients(act, 12)
        certified = hermite_coefficients(act, 12, digits=DIGITS)
        for k in range(13):
            assert abs(floats[k] - float(certified[k].ball.mid())) < 1e-12, (name, k)
        sphere_float = gegenbauer_coefficients(act, 6, d=5, tier="float")
        sphere_cert = gegenbauer_coefficients(act, 6, d=5, digits=DIGITS)
        for k in range(7):
            assert abs(float(sphere_float[k].ball.mid()) - float(sphere_cert[k].ball.mid())) \
                < 1e-12, (name, k)
