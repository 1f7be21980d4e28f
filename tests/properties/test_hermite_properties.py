"""Properties of the Gaussian tier: parity, precision consistency, Mehler, Parseval, Stein.

Each property is an identity of the Hermite expansion that holds for every degree or
correlation, so hypothesis draws the degree / correlation (seeded by the 'ci' profile in
tests/conftest.py: derandomized, the same examples every run).
"""

from __future__ import annotations

import functools
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb, fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.activations import activation
from verify.expressions import SYMBOLS, arb_value
from verify.hermite import (
    certified_coefficient,
    hermite_coefficient,
    hermite_coefficients,
    second_moment,
)
from verify.kernels import dual_kernel, kernel_closed_form, parseval_tail_bound
from verify.numbers import workprec

RHO = SYMBOLS["rho"]


def _is_exact_zero(c) -> bool:
    return c.exact is not None and c.exact.is_zero() and c.exact.sympy() == 0


# ---------------------------------------------------------------------------------------------
# Parity: a proved symmetry gives an exact 0, not a small ball.

@settings(deadline=None, max_examples=8)
@given(name=st.sampled_from(["tanh", "erf", "sign", "hardtanh", "x**3"]),
       half=st.integers(0, 20))
def test_odd_activations_have_exact_zero_even_coefficients(name, half):
    c = hermite_coefficient(activation(name), 2 * half, digits=15)
    assert _is_exact_zero(c), f"c_{2 * half}({name}) = {c.ball}, {c.tier}"


@settings(deadline=None, max_examples=8)
@given(name=st.sampled_from(["abs", "exp(-x**2)", "x*erf(x)"]), half=st.integers(0, 20))
def test_even_activations_have_exact_zero_odd_coefficients(name, half):
    c = hermite_coefficient(activation(name), 2 * half + 1, digits=15)
    assert _is_exact_zero(c), f"c_{2 * half + 1}({name}) = {c.ball}, {c.tier}"


@pytest.mark.parametrize(("name", "k"), [("tanh", 1), ("tanh", 7), ("erf", 3), ("sign", 5),
                                         ("hardtanh", 3), ("x**3", 3), ("abs", 2),
                                         ("exp(-x**2)", 4), ("x*erf(x)", 0)])
def test_parity_control_other_parity_is_nonzero(name, k):
    """Control: the symmetry zeros above are not just 'everything is 0'."""
    c = hermite_coefficient(activation(name), k, digits=15)
    assert c.guaranteed and not c.ball.contains(0), f"c_{k}({name}) = {c.ball}"


@settings(deadline=None, max_examples=6)
@given(half=st.integers(1, 40))
def test_sigmoid_even_coefficients_are_exact_zero(half):
    c = hermite_coefficient(activation("sigmoid"), 2 * half, digits=20)
    assert c.tier == "exact" and _is_exact_zero(c)


def test_sigmoid_c0_is_exactly_one_half():
    c = hermite_coefficient(activation("sigmoid"), 0, digits=20)
    assert c.tier == "exact" and c.exact is not None
    assert c.exact.sympy() == sp.Rational(1, 2)


@settings(deadline=None, max_examples=6)
@given(half=st.integers(1, 60))
def test_relu_odd_coefficients_beyond_one_are_exact_zero(half):
    c = hermite_coefficient(activation("relu"), 2 * half + 1)
    assert _is_exact_zero(c)


def test_relu_same_parity_control_even_coefficients_are_nonzero():
    """ReLU is neither odd nor even: parity must not zero its even coefficients."""
    relu = activation("relu")
    for k in (2, 4):
        c = hermite_coefficient(relu, k)
        assert c.tier == "exact" and not c.exact.is_zero()
        assert not c.ball.contains(0)


@pytest.mark.parametrize("name", ["softplus", "gelu", "silu"])
def test_odd_part_linear_gives_exact_zero_odd_coefficients(name):
    c = hermite_coefficient(activation(name), 3, digits=15)
    assert _is_exact_zero(c) and c.met


# ---------------------------------------------------------------------------------------------
# Precision consistency: a 40-digit ball refines the 15-digit one.

@settings(deadline=None, max_examples=10)
@given(name=st.sampled_from(["sigmoid", "tanh", "erf(x/3)", "softplus"]),
       k=st.integers(0, 40))
def test_balls_at_two_precisions_are_nested(name, k):
    act = activation(name)
    if name == "softplus" and k % 2 == 1 and k >= 3:
        k -= 1  # exact zeros the package cannot prove (xfail above) would take minutes
    low = certified_coefficient(act, k, digits=15)
    high = certified_coefficient(act, k, digits=40)
    assert low.met and high.met
    assert low.ball.overlaps(high.ball)
    with workprec(300):
        widened = arb(low.ball.mid(), 2 * low.ball.rad())
        assert widened.contains(high.ball), f"c_{k}({name}): {low.ball} vs {high.ball}"
    if high.tier == "certified":
        assert high.ball.rad() <= low.ball.rad()


# ---------------------------------------------------------------------------------------------
# Mehler: K(rho) = E[sigma(g) sigma(g')] = sum_k c_k**2 rho**k, corr(g, g') = rho.

def _literature_kernel(name: str, r: arb) -> arb:
    """Closed forms from the literature, typed in here independently of hermite.py
    (arc-cosine kernels of Cho & Saul 2009 for relu/step; Sheppard's formula for sign;
    Williams 1997 for erf: K = (2/pi) asin(2 rho/3) for erf(x) with unit variances)."""
    pi = arb.pi()
    if name == "relu":
        return ((1 - r * r).sqrt() + (pi - r.acos()) * r) / (2 * pi)
    if name == "abs":
        return 2 / pi * ((1 - r * r).sqrt() + r * r.asin())
    if name == "sign":
        return 2 / pi * r.asin()
    if name == "step":
        return arb(1) / 4 + r.asin() / (2 * pi)
    if name == "erf":
        return 2 / pi * (2 * r / 3).asin()
    raise KeyError(name)


@settings(deadline=None, max_examples=10)
@given(name=st.sampled_from(["relu", "abs", "sign", "step", "erf"]),
       rho=st.fractions(min_value=Fraction(-19, 20), max_value=Fraction(19, 20),
                        max_denominator=97))
def test_mehler_series_matches_closed_form(name, rho):
    act = activation(name)
    rho_q = fmpq(rho.numerator, rho.denominator)
    series, terms = dual_kernel(act, rho_q, digits=12)
    assert terms >= 16
    closed = kernel_closed_form(act)
    assert closed is not None
    with workprec(120):
        package_closed = arb_value(closed.subs(RHO, sp.Rational(rho.numerator, rho.denominator)))
        ours_closed = _literature_kernel(name, arb(rho_q))
        assert package_closed.overlaps(ours_closed)
        assert series.overlaps(package_closed), f"K_{name}({rho}): {series} vs {package_closed}"
        assert series.rad() < arb("1e-8"), f"K_{name}({rho}) ball too wide: {series}"


@functools.lru_cache(maxsize=1)
def _gauss_hermite_nodes(n: int = 100, dps: int = 20) -> tuple:
    """Nodes/weights of E[f(v)], v ~ N(0,1), from mpmath's physicists' Gauss-Hermite rule."""
    with mpmath.workdps(dps):
        xs, ws = mpmath.gauss_quadrature(n, "hermite")
        return tuple((mpmath.sqrt(2) * x, w / mpmath.sqrt(mpmath.pi)) for x, w in
                     zip(xs, ws, strict=True))


def _sigmoid_kernel_by_quadrature(rho: Fraction) -> mpmath.mpf:
    """K(rho) = E_u[ sigma(u) E_v[ sigma(rho u + sqrt(1-rho^2) v) ] ] (condition on u).

    Inner expectation: 100-point Gauss-Hermite; the integrand is analytic in a strip of
    half-width pi/sqrt(1-rho^2) >= pi, so the rule's error is far below 1e-15. Outer:
    mpmath.quad split at 0. No guarantee: hence the 1e-12 tolerance below.
    """
    nodes = _gauss_hermite_nodes()
    with mpmath.workdps(20):
        r = mpmath.mpf(rho.numerator) / rho.denominator
        s = mpmath.sqrt(1 - r * r)

        def sig(z):
            return 1 / (1 + mpmath.exp(-z))

        def outer(u):
            inner = mpmath.fsum(w * sig(r * u + s * v) for v, w in nodes)
            return mpmath.exp(-u * u / 2) * sig(u) * inner

        return mpmath.quad(outer, [-mpmath.inf, 0, mpmath.inf]) / mpmath.sqrt(2 * mpmath.pi)


@settings(deadline=None, max_examples=2)
@given(rho=st.fractions(min_value=Fraction(-1, 2), max_value=Fraction(1, 2), max_denominator=9))
def test_sigmoid_mehler_series_matches_2d_quadrature(rho):
    series, _ = dual_kernel(activation("sigmoid"), fmpq(rho.numerator, rho.denominator),
                            digits=15)
    reference = _sigmoid_kernel_by_quadrature(rho)
    with workprec(120):
        ref = arb(mpmath.nstr(reference, 20))
        assert series.rad() < arb("1e-14")
        assert abs(series - ref) < arb("1e-12"), f"K({rho}): series {series}, quad {reference}"


# ---------------------------------------------------------------------------------------------
# Parseval with a proved tail: E sigma^2 - tail(N) <= sum_{k<=N} c_k^2 <= E sigma^2.

def _check_parseval(name: str, n_terms: int, digits: int) -> None:
    act = activation(name)
    bound = parseval_tail_bound(act, n_terms)
    assert bound is not None, (
        f"parseval_tail_bound({name}, {n_terms}) is None, but the docstring promises a bound "
        "for breakpoint-0 piecewise polynomials and smooth non-polynomial activations")
    coefficients = hermite_coefficients(act, n_terms, digits=digits)
    assert all(c.guaranteed and c.met for c in coefficients)
    with workprec(256):
        partial = arb(0)
        for c in coefficients:
            ball = c.exact.ball() if c.exact is not None else c.ball
            partial += ball * ball
        mass = second_moment(act, digits=digits)
        assert bound >= 0
        assert partial <= mass, f"{name}: partial {partial} exceeds E sigma^2 = {mass}"
        assert partial >= mass - bound, (
            f"{name}: E sigma^2 - partial = {mass - partial} exceeds the proved tail {bound}")


@pytest.mark.parametrize("name", ["relu", "abs", "step", "sign"])
def test_parseval_with_proved_tail_piecewise(name):
    _check_parseval(name, 400, 15)


@pytest.mark.parametrize("name", ["sigmoid", "tanh"])
def test_parseval_with_proved_tail_smooth(name):
    _check_parseval(name, 60, 20)


@pytest.mark.parametrize(("name", "n_terms", "why"), [
    ("hardtanh", 60, "breakpoints other than 0 are not covered"),
    ("relu", 1, "N - 1 - deg < 1: the jump-formula bound starts later"),
    ("x**3 - 3*x", 60, "a polynomial is neither of the documented cases"),
])
def test_parseval_tail_bound_is_none_only_in_documented_cases(name, n_terms, why):
    assert parseval_tail_bound(activation(name), n_terms) is None, why


# ---------------------------------------------------------------------------------------------
# Stein: c_k(sigma') = sqrt(k+1) c_{k+1}(sigma) (integration by parts against phi).

@settings(deadline=None, max_examples=12)
@given(pair=st.sampled_from([("x**3 - 3*x + 1", "3*x**2 - 3"), ("x**4", "4*x**3"),
                             ("relu", "step"), ("abs", "sign")]),
       k=st.integers(0, 9))
def test_stein_derivative_recurrence_is_exact(pair, k):
    primitive, derivative = (activation(p) for p in pair)
    lhs = hermite_coefficient(derivative, k, tier="exact").exact
    rhs = hermite_coefficient(primitive, k + 1, tier="exact").exact
    assert lhs is not None and rhs is not None
    difference = sp.simplify(lhs.sympy() - sp.sqrt(k + 1) * rhs.sympy())
    assert difference == 0, f"{pair}, k={k}: {lhs} vs sqrt({k + 1})*{rhs}"
