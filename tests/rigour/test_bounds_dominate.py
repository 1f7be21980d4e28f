"""Every proved bound dominates where it matters (issue 13, "Rigour").

For each bound the package adds to a ball (tails, series remainders, the Hoeffding radius) the
test forces a regime where the bound is *large* -- a small cut-off, few terms -- and checks

1. the enclosure still contains an independent reference (an exact value, a closed form, or
   a direct quadrature in floats far more accurate than the gap being tested), and
2. the bound is necessary: the ball shrunk by the bound's contribution misses the reference
   (so the test would fail if the bound were dropped), or, for bounds proved on an absolute
   integral, the bound is within a factor 10 of that integral (so dividing it by 10 fails).

The certified Hermite cut-off is the public ``cutoff=`` of ``certified_coefficient`` (the
engine) and ``certified_coefficient_acb`` (the acb.integral second method): both are tested
at the smallest admissible cut-off ``min_cutoff(act)``, where the tail bound is large.
"""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
import sympy as sp
from flint import arb
from scipy import integrate, special, stats

from verify.activations import activation
from verify.conventions import CRAMER_K, harmonic_dimension
from verify.expressions import SYMBOLS, arb_value
from verify.gegenbauer import exact_sphere_coefficients
from verify.gram import parity_norm_hermite
from verify.hermite import (
    exact_coefficients,
    exact_second_moment,
    hermite_coefficients,
    min_cutoff,
    second_moment,
    second_moment_engine,
    tail_bound,
)
from verify.kernels import (
    cross_kernel,
    dual_kernel,
    kernel_closed_form,
    parseval_tail_bound,
    sphere_dual_kernel,
)
from verify.measures import gaussian
from verify.montecarlo import estimate
from verify.numbers import workprec

RHO = SYMBOLS["rho"]


def _exact(value, bits: int = 300) -> arb:
    with workprec(bits):
        return value.ball() if hasattr(value, "ball") else arb_value(sp.sympify(value))


def _misses_without(ball: arb, bound: arb | float, reference: arb) -> bool:
    """The ball with ``bound`` taken off its radius excludes ``reference``."""
    with workprec(300):
        shrunk = float(ball.rad()) - float(arb(bound).upper())
        return abs(float((ball.mid() - reference).mid())) > max(shrunk, 0.0)


# ---------------------------------------------------------------------------------------------
# The Gaussian tail of the certified Hermite integral.

@pytest.mark.parametrize("spec,k", [("relu", 0), ("relu", 1), ("relu", 2), ("abs", 2),
                                    ("Max(x, 0)**3", 1), ("hardtanh", 1)])
def test_hermite_tail_needed_at_small_cutoff(certified_method, spec, k):
    act = activation(spec)
    length = min_cutoff(act)
    coeff = certified_method(act, k, digits=12, cutoff=length)
    assert not coeff.met and str(length) in coeff.method, coeff  # the tail rules 12 digits out
    ball = coeff.ball
    reference = _exact(exact_coefficients(act, k)[k])
    assert ball.contains(reference), (spec, k, ball, reference)
    with workprec(64):
        bound = tail_bound(act, length)
    assert _misses_without(ball, bound, reference), (spec, k, ball, bound)


def test_hermite_tail_needed_exponential_growth(certified_method):
    """Growth e^{c|x|} (s = 4 branch of tail_bound): c_k(exp(x/4)) = e^{1/32} 4^-k/sqrt(k!)."""
    act = activation("exp(x/4)")
    length = min_cutoff(act)
    for k in (0, 1, 2):
        ball = certified_method(act, k, digits=12, cutoff=length).ball
        reference = _exact(sp.exp(sp.Rational(1, 32)) / 4**k / sp.sqrt(sp.factorial(k)))
        assert ball.contains(reference), (k, ball)
        with workprec(64):
            assert _misses_without(ball, tail_bound(act, length), reference), k


def _absolute_tail(act, k: int, length: float) -> float:
    """``int_{|x|>L} |sigma h_k phi|`` by adaptive quadrature between grid points (floats;
    relative error far below the factor 10 tested)."""
    norm = math.sqrt(math.factorial(k)) * math.sqrt(2 * math.pi)

    def f(x: float) -> float:
        s = abs(float(act.numpy(np.array([x]))[0])) + abs(float(act.numpy(np.array([-x]))[0]))
        return s * abs(float(special.eval_hermitenorm(k, x))) / norm * math.exp(-x * x / 2)

    grid = np.arange(length, length + 40, 0.05)
    return sum(integrate.quad(f, lo, hi)[0] for lo, hi in zip(grid[:-1], grid[1:], strict=True))


@pytest.mark.parametrize("spec,k,within", [("sign", 20, 10), ("abs", 20, 10), ("sign", 8, 10),
                                           ("relu", 20, 10), ("exp(x/4)", 6, 20),
                                           ("sign", 6, 1.7), ("abs", 6, 1.7)])
def test_tail_bound_dominates_absolute_tail(spec, k, within):
    """tail_bound is proved for ``int |sigma| |h_k| phi`` over |x| > L, for every k; it must
    dominate that integral and be within a factor ``within`` of it (so the bound divided by
    that factor fails here). The e^{c|x|} branch is looser (e^{cx} <= e^{x^2/8}). At L = 4 the
    bound is tightest near k = 6 (turning point 2 sqrt(k) ~ L): 0.62 of the bound, so even a
    bound for one side of |x| > L only (half of it) fails there."""
    act = activation(spec)
    length = min_cutoff(act)
    with workprec(64):
        bound = float(tail_bound(act, length).upper())
    reference = _absolute_tail(act, k, length)
    assert reference <= bound, (spec, k, reference, bound)
    assert reference > bound / within, (spec, k, reference, bound)


def test_cramer_constant_dominates_and_is_needed():
    """``|h_k(x)| e^{-x^2/4} <= K`` for all k and x (Cramer); the value 1 at k = 0, x = 0 shows
    K cannot be lowered below 1."""
    xs = np.linspace(0, 25, 25001)
    worst = 0.0
    for k in range(0, 80):
        v = np.abs(special.eval_hermitenorm(k, xs)) / math.sqrt(math.factorial(k))
        worst = max(worst, float((v * np.exp(-xs * xs / 4)).max()))
    assert worst <= float(CRAMER_K)
    assert worst >= 1.0 - 1e-12 and float(CRAMER_K) < 1.1


def test_min_cutoff_refused_below():
    for spec in ("relu", "exp(x)", "hardtanh"):
        act = activation(spec)
        with pytest.raises(ValueError, match="length="):
            tail_bound(act, min_cutoff(act) - 1)
    assert min_cutoff(activation("exp(x)")) >= 8  # c x <= x^2/8 needs L >= 8c


# ---------------------------------------------------------------------------------------------
# The certified second moment's tail (_square_tail).

def test_square_tail_needed_exp():
    """``E[exp(g)^2] = e^2``. At digits <= 3 the cut-off is the smallest one, L = 8, where the
    true tail ``int_{|x|>8} e^{2x} phi = e^2 (1 - Phi(6)) + ...`` (~7.3e-9) is larger than the
    integral's own radius at digits=3: the proved tail ``4 A^2/sqrt(2pi) int_8^oo e^{-x^2/4}``
    (~4.4e-8) is what makes the ball contain e^2."""
    act = activation("exp(x)")
    reference = _exact(sp.exp(2))
    for digits in (1, 2, 3):
        assert second_moment(act, digits=digits).contains(reference), digits
        assert second_moment_engine(act, digits=digits).contains(reference), digits
    ball = second_moment(act, digits=3)
    mp.mp.dps = 30
    bound = 4 / mp.sqrt(2 * mp.pi) * mp.quad(lambda x: mp.exp(-x * x / 4), [8, mp.inf])
    true_tail = mp.e**2 * mp.ncdf(-6) + mp.e**2 * mp.ncdf(-10)
    assert true_tail <= bound
    assert _misses_without(ball, float(bound), reference), (ball, bound)


def test_square_tail_polynomial_growth():
    """Growth ``B x^p`` branch: softplus (``|sigma| <= log 2 + |x|``), digits 1: contained in
    the ball of a much more precise run (independent cut-off)."""
    act = activation("softplus")
    loose = second_moment(act, digits=1)
    tight = second_moment(act, digits=25)
    assert loose.contains(tight), (loose, tight)


# ---------------------------------------------------------------------------------------------
# The dual kernel's series remainder (cross_kernel / dual_kernel with few terms).

@pytest.mark.parametrize("name,rho", [("relu", sp.Rational(1, 2)), ("relu", sp.Rational(-7, 8)),
                                      ("abs", sp.Rational(3, 4)), ("erf", sp.Rational(-1, 2)),
                                      ("sign", sp.Rational(63, 64))])
def test_dual_kernel_remainder_needed(name, rho):
    act = activation(name)
    reference = _exact(kernel_closed_form(act).subs(RHO, rho))
    with workprec(200):
        ball, n = dual_kernel(act, arb_value(rho), digits=30, max_terms=16)
    assert n == 16 and ball.contains(reference), (name, rho, ball)
    # the remainder the code must add: |rho|^n (E[sigma^2] - sum_{k<n} c_k^2), exactly
    with workprec(300):
        coeffs = hermite_coefficients(act, n - 1)
        mass = kernel_closed_form(act).subs(RHO, 1)
        rest = _exact(mass) - sum((c.ball * c.ball for c in coeffs), arb(0))
        bound = abs(arb_value(rho)) ** n * rest
    assert _misses_without(ball, bound, reference), (name, rho, ball, bound)


def test_cross_kernel_remainder_needed():
    """Cauchy-Schwarz remainder: ``E[relu(g) |g'|] = K_abs(rho)/2`` (relu = (x + |x|)/2 and
    ``E[g |g'|] = 0``)."""
    relu, ab = activation("relu"), activation("abs")
    rho = sp.Rational(2, 3)
    reference = _exact(kernel_closed_form(ab).subs(RHO, rho) / 2)
    with workprec(200):
        (ball,), n = cross_kernel(relu, ab, [arb_value(rho)], digits=30, max_terms=16)
    assert ball.contains(reference), ball
    with workprec(300):
        r1 = _exact(exact_second_moment(relu)) - sum(
            (c.ball ** 2 for c in hermite_coefficients(relu, n - 1)), arb(0))
        r2 = _exact(exact_second_moment(ab)) - sum(
            (c.ball ** 2 for c in hermite_coefficients(ab, n - 1)), arb(0))
        bound = arb_value(rho) ** n * (r1 * r2).sqrt()
    assert _misses_without(ball, bound, reference), (ball, bound)


# ---------------------------------------------------------------------------------------------
# parseval_tail_bound, both branches.

@pytest.mark.parametrize("name,n", [("relu", 10), ("relu", 40), ("abs", 20), ("sign", 11),
                                    ("step", 30), ("leaky_relu", 20)])
def test_parseval_tail_jump_branch(name, n):
    act = activation(name)
    bound = parseval_tail_bound(act, n)
    assert bound is not None
    with workprec(300):
        rest = _exact(exact_second_moment(act)) - sum(
            (v.ball() ** 2 for v in exact_coefficients(act, n)), arb(0))
    assert rest <= bound, (name, n, rest, bound)
    assert rest > bound / 10, (name, n, rest, bound)  # the bound is within a factor 10


@pytest.mark.parametrize("name,n", [("erf", 12), ("tanh", 20), ("sigmoid", 8)])
def test_parseval_tail_smooth_branch(name, n):
    act = activation(name)
    bound = parseval_tail_bound(act, n)
    assert bound is not None
    with workprec(300):
        cs = hermite_coefficients(act, n, digits=25)
        rest = second_moment(act, digits=30) - sum((c.ball ** 2 for c in cs), arb(0))
    assert rest <= bound, (name, n, rest, bound)
    assert rest > 0


def test_parseval_tail_smooth_branch_is_tight_for_erf():
    """erf: the Stein bound at N = 12 is about 10x the true remainder; a bound 20x smaller
    would fail (guards a constant or factorial off by a factor)."""
    act = activation("erf")
    bound = parseval_tail_bound(act, 12)
    with workprec(300):
        rest = second_moment(act, digits=30) - sum(
            (c.ball ** 2 for c in hermite_coefficients(act, 12)), arb(0))
    assert rest <= bound and rest > bound / 20


def test_parseval_tail_none_when_unavailable():
    assert parseval_tail_bound(activation("relu"), 1) is None  # base < 1
    assert parseval_tail_bound(activation("x**2 + 1"), 5) is None  # polynomial: no tail form


# ---------------------------------------------------------------------------------------------
# The parity Hermite-form tail (gram.parity_norm_hermite with few terms).

def _parity_norm_reference(k: int, name: str) -> arb:
    """``|f_S|^2 = 2^k sum_j (-1)^j C(k,j) K(1 - 2j/k)`` from the closed-form kernel."""
    closed = kernel_closed_form(activation(name))
    total = sum((sp.Integer(-1) ** j * math.comb(k, j) * closed.subs(RHO, 1 - sp.Rational(2 * j, k))
                 for j in range(k + 1)), sp.Integer(0))
    return _exact(2**k * total)


@pytest.mark.parametrize("k,terms", [(2, 6), (4, 8), (4, 12), (6, 10), (8, 14)])
def test_parity_hermite_tail_needed(k, terms):
    """Even k only: for odd k >= 3 the ReLU parity network is identically 0 (its odd
    coefficients vanish), the ball is 0 +/- tail and there is nothing to miss."""
    ball, tail = parity_norm_hermite(k, activation("relu"), terms=terms, digits=20)
    reference = _parity_norm_reference(k, "relu")
    assert ball.contains(reference), (k, terms, ball)
    assert _misses_without(ball, tail, reference), (k, terms, ball, tail)


# ---------------------------------------------------------------------------------------------
# The sphere series remainder (sphere_dual_kernel with few terms).

def _relu_sphere_kernel_d3(rho: mp.mpf) -> mp.mpf:
    """``E[relu(t) relu(<v, x>)]`` on S^2 with ``<u, v> = rho``: t uniform on [-1, 1]
    (Archimedes), the angle integral in closed form, the t integral by mpmath.quad."""
    mp.mp.dps = 30
    rho = mp.mpf(rho)
    s = mp.sqrt(1 - rho**2)

    def inner(t):
        a, b = rho * t, s * mp.sqrt(1 - t * t)
        if a >= b:
            return 2 * mp.pi * a
        if a <= -b:
            return mp.mpf(0)
        return 2 * (a * mp.acos(-a / b) + mp.sqrt(b * b - a * a))

    edge = s if rho > 0 else mp.mpf(1)
    value = mp.quad(lambda t: t * inner(t), [0, edge, 1] if rho > 0 else [0, 1])
    return value / (4 * mp.pi)


@pytest.mark.parametrize("rho", [sp.Rational(1, 2), sp.Rational(-1, 3), sp.Rational(15, 16)])
def test_sphere_series_remainder_needed(rho):
    act, d = activation("relu"), 3
    mp.mp.dps = 30
    reference_mp = _relu_sphere_kernel_d3(mp.mpf(rho.p) / rho.q)
    # mpmath.quad of a smooth integrand at 30 digits: 1e-15 is a generous error allowance,
    # far below the remainder (~1e-4) being tested
    reference = arb(mp.nstr(reference_mp, 25)) + arb(0, 1e-15)
    max_terms = 6
    with workprec(200):
        ball, _ = sphere_dual_kernel(act, arb_value(rho), d=d, digits=15, max_terms=max_terms)
    assert ball.contains(reference), (rho, ball, reference)
    with workprec(300):
        mass = _exact(exact_sphere_coefficients(activation("Max(x, 0)**2"), 0, d=d)[0])
        coeffs = exact_sphere_coefficients(act, max_terms, d=d)
        rest = mass - sum((harmonic_dimension(d, n) * c.ball() ** 2
                           for n, c in enumerate(coeffs)), arb(0))
    assert _misses_without(ball, rest, reference), (rho, ball, rest)


# ---------------------------------------------------------------------------------------------
# The Hoeffding radius of a bounded Monte Carlo estimate.

def test_hoeffding_radius_dominates_and_is_needed():
    """F = B sign(x_1) (mean 0, |F| <= B): the exact binomial tail at the reported radius is
    at most alpha = 1e-6 (the bound holds), and at half the radius it is far above alpha (the
    radius is not wildly loose, so a radius off by 2 in the wrong direction would be caught)."""
    big_b, n = 3.0, 4000
    est = estimate(lambda x: big_b * np.sign(x[:, 0]), gaussian(2), n_samples=n, seed=5,
                   bound=big_b)
    radius = est.hoeffding_radius
    assert radius is not None

    def tail(t: float) -> float:
        # mean = B (2 S/n - 1), S ~ Bin(n, 1/2): P(|mean| >= t)
        excess = t * n / (2 * big_b)
        lo = math.ceil(n / 2 + excess)
        return 2 * float(stats.binom.sf(lo - 1, n, 0.5))

    assert tail(radius) <= 1e-6
    assert tail(radius / 2) > 1e-4
