"""The certified engine (verify.integrate) against independent references, each with its
provenance.

* **Arb's acb.integral** (adaptive Gauss-Legendre with its own error control, one integral per
  k, through ``hermite.certified_coefficient_acb`` /
  ``gegenbauer.certified_sphere_coefficient_acb``):
  the engine's ball and that ball must overlap (both contain the value).
* **The exact tier** (jump formula for piecewise polynomials, Stein's closed form for erf,
  half-sphere Beta moments): the exact value must lie in the engine's ball.
* **A closed form**: ``c_k(cos) = Re(i^k) e^{-1/2}/sqrt(k!)``, from
  ``E[e^{ig} He_k(g)] = i^k e^{-1/2}``.
* **mpmath.quad** at 60 digits (tanh-sinh, split at 0 and +-10, +-20), with ``He_k`` from
  mpmath's physicists' ``hermite`` through ``He_k(x) = 2^{-k/2} H_k(x/sqrt 2)``: an
  independent library and algorithm.
* The two proved ingredients on their own: Mehler's bound on ``|h_k(z) phi(z)|`` and Laplace's
  bound ``|P_{k,d}(sin u)| <= e^{k |Im u|}`` at complex points, against the recurrences in acb.

A test where the quadrature bound dominates (4 nodes per panel) shows the bound is what makes
the ball contain the value: without it the ball misses.
"""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy as sp
from flint import acb, arb

from verify.activations import activation
from verify.gegenbauer import certified_sphere_coefficient_acb, exact_sphere_coefficients
from verify.hermite import certified_coefficient_acb, exact_coefficients
from verify.integrate import (
    NotBoundable,
    gauss_legendre,
    gaussian_coefficients,
    gaussian_pass,
    legendre_error_bound,
    mehler_log_bound,
    sphere_coefficients,
    sphere_pass,
)
from verify.numbers import meets_digits, workprec

SMOOTH = ["sigmoid", "tanh", "softplus", "gelu", "silu", "exp(-x**2)", "x*erf(x)", "cos(x)",
          "Max(x, 0)*tanh(x)", "hardtanh"]


@pytest.mark.parametrize("name", SMOOTH)
def test_gaussian_engine_overlaps_acb_integral(name: str) -> None:
    act = activation(name)
    engine = gaussian_coefficients(act, 21, digits=20)
    for k in (0, 1, 2, 3, 5, 8, 13, 21):
        ref = certified_coefficient_acb(act, k, digits=20)
        assert engine[k].ball.overlaps(ref.ball), (name, k, engine[k].ball, ref.ball)
        assert engine[k].met, (name, k)
        if ref.exact is None and engine[k].exact is None:
            # both are genuine enclosures: each meets the digits, so they agree to them
            assert abs(engine[k].ball.mid() - ref.ball.mid()) <= 1e-19 * abs(ref.ball.mid())


@pytest.mark.parametrize("name", ["relu", "abs", "erf", "sign", "leaky_relu", "step",
                                  "Max(x, 0)**2", "Max(-1, Min(1, 2*x - 1/3))"])
def test_gaussian_engine_contains_exact_values(name: str) -> None:
    act = activation(name)
    engine = gaussian_coefficients(act, 40, digits=25)
    exact = exact_coefficients(act, 40)
    for k, (c, v) in enumerate(zip(engine, exact, strict=True)):
        with workprec(400):
            assert c.ball.contains(v.ball()), (name, k, c.ball)
        assert c.met or v.is_zero(), (name, k)


def test_gaussian_engine_cos_closed_form_and_exact_zeros() -> None:
    act = activation("cos(x)")
    engine = gaussian_coefficients(act, 60, digits=30)
    with workprec(500):
        for c in engine:
            re_ik = (1, 0, -1, 0)[c.k % 4]
            value = re_ik * (-arb(1) / 2).exp() / arb.fac_ui(c.k).sqrt()
            assert c.ball.contains(value), (c.k, c.ball)
            if re_ik == 0:
                assert c.exact is not None and c.exact.is_zero()
            else:
                assert c.met


def _mp_hermite_coefficient(expr: str, k: int) -> mpmath.mpf:
    f = sp.lambdify(sp.Symbol("x"), sp.sympify(expr), "mpmath")
    root2 = mpmath.sqrt(2)

    def g(x: mpmath.mpf) -> mpmath.mpf:
        he = mpmath.hermite(k, x / root2) / mpmath.mpf(2) ** (mpmath.mpf(k) / 2)
        return f(x) * he * mpmath.exp(-x * x / 2)

    points = [-mpmath.inf, -20, -10, 0, 10, 20, mpmath.inf]
    return mpmath.quad(g, points) / mpmath.sqrt(2 * mpmath.pi * mpmath.factorial(k))


@pytest.mark.parametrize(("expr", "ks"), [("1/(1 + exp(-x))", (1, 7, 25)),
                                          ("tanh(x)", (3, 19)),
                                          ("log(1 + exp(x))", (0, 4, 10))])
def test_gaussian_engine_against_mpmath_60_digits(expr: str, ks: tuple[int, ...]) -> None:
    engine = gaussian_coefficients(activation(expr), max(ks), digits=40)
    with mpmath.workdps(60):
        for k in ks:
            ref = _mp_hermite_coefficient(expr, k)
            with workprec(400):
                ball = arb(mpmath.nstr(ref, 55)) + arb(0, abs(ref) * mpmath.mpf(10) ** -50 +
                                                        mpmath.mpf(10) ** -120)
                assert engine[k].ball.overlaps(ball), (expr, k, engine[k].ball, ref)
            assert engine[k].met


def test_gaussian_engine_high_degree_agrees_with_acb_integral() -> None:
    act = activation("sigmoid")
    engine = gaussian_coefficients(act, 121, digits=30)
    for k in (61, 99, 121):
        assert engine[k].met
        assert engine[k].ball.overlaps(certified_coefficient_acb(act, k, digits=30).ball), k


@pytest.mark.parametrize(("d", "r"), [(2, 1), (3, 1), (10, 1), (1000, 1), (3, sp.Rational(3, 2)),
                                      (10, sp.Rational(3, 2))])
@pytest.mark.parametrize("name", ["sigmoid", "Max(-1, Min(1, x))*tanh(x)"])
def test_sphere_engine_overlaps_acb_integral(d: int, r: sp.Rational, name: str) -> None:
    act = activation(name)
    engine = sphere_coefficients(act, 13, d=d, r=r, digits=20)
    for k in (0, 1, 2, 5, 13):
        ref = certified_sphere_coefficient_acb(act, k, d=d, r=r, digits=20)
        assert engine[k].ball.overlaps(ref.ball), (name, d, r, k, engine[k].ball, ref.ball)
        assert engine[k].met or engine[k].exact is not None


@pytest.mark.parametrize(("d", "r"), [(2, 1), (3, 1), (10, 2), (1000, 1), (3, sp.Rational(3, 2))])
@pytest.mark.parametrize("name", ["relu", "abs", "Max(x, 0)**2"])
def test_sphere_engine_contains_exact_values(d: int, r: object, name: str) -> None:
    act = activation(name)
    engine = sphere_coefficients(act, 30, d=d, r=r, digits=25)
    exact = exact_sphere_coefficients(act, 30, d=d, r=r)
    for k, (c, v) in enumerate(zip(engine, exact, strict=True)):
        with workprec(600):
            assert c.ball.contains(v.ball()), (name, d, k, c.ball)
        assert c.met or v.is_zero(), (name, d, k)


def test_sphere_engine_large_radius_refines_wrapped_boxes() -> None:
    """Regression: at r = 100 the box enclosure of exp(100 sin z) wraps around 0 (its phase
    range is wide), so no rectangle had a finite bound and NotBoundable was raised; sub-boxes
    are now quartered until the enclosure is finite."""
    act = activation("sigmoid")
    engine = sphere_coefficients(act, 40, d=3, r=100, digits=15)
    for k in (1, 39):
        assert engine[k].met
        ref = certified_sphere_coefficient_acb(act, k, d=3, r=100, digits=15)
        assert engine[k].ball.overlaps(ref.ball), k


def test_sphere_engine_high_degree_d1000_against_acb_integral() -> None:
    act = activation("sigmoid")
    engine = sphere_coefficients(act, 61, d=1000, digits=30)
    for k in (31, 61):
        assert engine[k].met
        ref = certified_sphere_coefficient_acb(act, k, d=1000, digits=30)
        assert engine[k].ball.overlaps(ref.ball), k


@pytest.mark.parametrize("tier", ["gaussian", "sphere"])
def test_panels_tile_the_interval_exactly(tier: str) -> None:
    """Regression: panels cut as ``lo + 2h`` in floats left one-ulp gaps between them (first
    seen as a_1, a_5 at d = 100, K = 120 missing acb.integral's balls). Consecutive panels
    must share their end as the same exact ball, from 0 to L (or pi/2), breakpoints included."""
    # breakpoints -1, 1/2, 1: cuts at 1/2 and 1 after folding (asin(1/3), asin(2/3) on S^{d-1})
    act = activation("Max(-1, Min(1, x))*tanh(x) + Max(x, 1/2)")
    if tier == "gaussian":
        result = gaussian_pass(act, 60, [math.log(1e-40)] * 61, prec=128)
        last = arb(result.length)
    else:
        result = sphere_pass(act, 60, [math.log(1e-40)] * 61, d=1000, r=sp.Rational(3, 2),
                             prec=128)
        last = None
    assert len(result.panels) >= 3
    with workprec(300):
        ends = [p.ends() for p in result.panels]
        assert ends[0][0] == 0
        for (_, hi), (lo, _) in zip(ends[:-1], ends[1:], strict=True):
            assert hi.mid() == lo.mid() and hi.rad() == lo.rad(), (hi, lo)
        top = ends[-1][1]
        assert top.overlaps(last if last is not None else arb.pi() / 2)
        assert top.rad() < 1e-85


def test_quadrature_bound_is_what_makes_the_ball_contain_the_value() -> None:
    act = activation("sigmoid")
    refs = {k: certified_coefficient_acb(act, k, digits=30).ball for k in range(1, 12, 2)}
    result = gaussian_pass(act, 11, [math.log(1e-30)] * 12, prec=200, fixed_nodes=4)
    balls = result.balls()
    missed = 0
    for k, ref in refs.items():
        assert balls[k].overlaps(ref), k
        with workprec(200):
            bare = result.sums[k] + arb(0, result.tail.upper())
        missed += not bare.overlaps(ref)
        assert result.quadrature[k] > result.tail
    assert missed >= 4


def test_sphere_quadrature_bound_dominates_with_few_nodes() -> None:
    act = activation("sigmoid")
    refs = {k: certified_sphere_coefficient_acb(act, k, d=3, digits=30).ball for k in (1, 3, 5, 7)}
    result = sphere_pass(act, 7, [math.log(1e-30)] * 8, d=3, r=sp.Integer(1), prec=200,
                         fixed_nodes=3)
    balls = result.balls()
    missed = 0
    for k, ref in refs.items():
        assert balls[k].overlaps(ref), k
        missed += not result.sums[k].overlaps(ref)
    assert missed >= 3


def test_met_false_is_honest_when_attempts_run_out() -> None:
    act = activation("sigmoid")
    once = sphere_coefficients(act, 120, d=1000, digits=30, attempts=1)
    unmet = [c for c in once if not c.met]
    assert unmet, "one pass met every digit: pick a harder case"
    full = sphere_coefficients(act, 120, d=1000, digits=30)
    for c in unmet:
        assert not meets_digits(c.ball, 30)
        assert c.ball.overlaps(full[c.k].ball), c.k
        assert full[c.k].met


def test_mehler_bound_holds_at_complex_points() -> None:
    with workprec(1024):  # the recurrence at complex z loses ~0.7 k bits
        for x, y in [(0.0, 0.0), (0.3, 1.9), (2.5, 0.7), (6.0, 2.9), (11.0, 0.2)]:
            z = acb(x, y)
            phi = (-z * z / 2).exp() / (2 * arb.pi()).sqrt()
            h0, h1 = acb(1), z
            values = [h0, h1]
            for k in range(1, 200):
                h0, h1 = h1, (z * h1 - arb(k).sqrt() * h0) / arb(k + 1).sqrt()
                values.append(h1)
            for k in (0, 1, 5, 40, 199):
                for t in (0.5, 0.9, 1 - 1 / math.sqrt(k + 1) / 4 if k else 0.25):
                    bound = mehler_log_bound(k, arb(x), arb(y), arb(t)).exp()
                    assert abs(values[k] * phi) <= bound, (x, y, k, t)


def test_laplace_bound_on_gegenbauer_at_complex_points() -> None:
    with workprec(128):
        for d in (2, 3, 10, 1000):
            for u in (acb(0.2, 0.05), acb(1.1, 0.4), acb(1.5, 1.2), acb(0.0, 2.0)):
                t = u.sin()
                p0, p1 = acb(1), t
                for k in range(1, 80):
                    p0, p1 = p1, ((2 * k + d - 2) * t * p1 - k * p0) / (k + d - 2)
                    assert abs(p1) <= (u.imag.abs_upper() * (k + 1)).exp(), (d, u, k + 1)


def test_gauss_legendre_rule_and_error_bound() -> None:
    with workprec(200):
        x, w = gauss_legendre(6)
        for j in range(12):  # exact for degree < 12
            total = sum((wi * xi**j for xi, wi in zip(x, w, strict=True)), arb(0))
            assert total.overlaps(arb(0) if j % 2 else arb(2) / (j + 1)), j
        # f = 1/(3 - x): poles at 3, ellipse rho < 3 + sqrt 8; |f| <= 1/(3 - a), a = semi-axis
        rho = arb(5)
        a = (rho + 1 / rho) / 2
        error = abs(sum((wi / (3 - xi) for xi, wi in zip(x, w, strict=True)), arb(0))
                    - arb(2).log())
        bound = legendre_error_bound(arb(1), rho, 6, 1 / (3 - a))
        assert error < bound
        assert bound < error * 1e4  # and not absurdly loose


@pytest.mark.parametrize("n", [1, 2, 3])
def test_legendre_error_bound_counts_nodes_not_degree(n: int) -> None:
    """Regression: Trefethen's ``(64/15) M rho^{-2m}/(rho^2 - 1)`` is for m + 1 nodes; read
    with m = n nodes it is too small by rho^2, and ``f = 1/(3 - x)`` beats it at n = 1, 2
    (error 0.0265 against 0.0168 at n = 1). The bound must hold for every rho."""
    with workprec(200):
        x, w = gauss_legendre(n)
        error = abs(sum((wi / (3 - xi) for xi, wi in zip(x, w, strict=True)), arb(0))
                    - arb(2).log())
        top = 3 + arb(8).sqrt()  # f has its pole at 3 = (rho0 + 1/rho0)/2
        for j in range(1, 400):
            rho = 1 + (top - 1) * j / 400
            semi = (rho + 1 / rho) / 2  # |3 - z| >= 3 - Re z >= 3 - semi on E_rho
            assert error <= legendre_error_bound(arb(1), rho, n, 1 / (3 - semi)), (n, rho)


def test_not_boundable_and_bad_inputs() -> None:
    root = activation("relu_power", p="1/2")  # sqrt(x): a branch point at 0
    with pytest.raises(NotBoundable, match="acb.integral"):
        gaussian_coefficients(root, 3)
    with pytest.raises(NotBoundable, match="acb.integral"):
        sphere_coefficients(root, 3, d=3)
    act = activation("sigmoid")
    with pytest.raises(ValueError, match="attempts=0 must be"):
        gaussian_coefficients(act, 3, attempts=0)
    with pytest.raises(TypeError, match="attempts=True must be"):
        gaussian_coefficients(act, 3, attempts=True)
    with pytest.raises(TypeError, match="digits"):
        gaussian_coefficients(act, 3, digits=2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="d=1 must be"):
        sphere_coefficients(act, 3, d=1)
    with pytest.raises(ValueError, match="r=-1 must be"):
        sphere_coefficients(act, 3, d=3, r=-1)
    with pytest.raises(ValueError, match="max_degree=1001"):
        gaussian_coefficients(act, 1001)
