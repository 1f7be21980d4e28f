"""verify.moments against independent references.

Provenance: SymPy exact integration (``integrate`` of ``x^n exp(-x^2/2)`` and of
``t^m (1-t^2)^((d-3)/2)``), mpmath ``quad`` at 50 digits, the Dirichlet(1/2, ..., 1/2) law of
``(x_1^2, ..., x_d^2)`` (a different formula from the sphere's), the multinomial expansion for
``E|g|^{2m}``, and the Beta recurrence of the half-sphere moments.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb, fmpq, fmpq_mpoly_ctx, fmpq_poly

from verify import moments as M
from verify.numbers import workprec

X, T = sp.symbols("x t", real=True)


@pytest.fixture(autouse=True)
def _fifty_digits():
    """mpmath references at 50 digits in every test (a module-level setting would be
    overwritten by whichever test module is imported last)."""
    with mpmath.workdps(50):
        yield


def _q(v: fmpq) -> sp.Rational:
    return sp.Rational(int(v.p), int(v.q))


@pytest.mark.parametrize("n", range(0, 9))
def test_gaussian_and_half_line_vs_sympy(n):
    phi = sp.exp(-X**2 / 2) / sp.sqrt(2 * sp.pi)
    full = sp.integrate(X**n * phi, (X, -sp.oo, sp.oo))
    half = sp.integrate(X**n * phi, (X, 0, sp.oo))
    assert _q(M.gaussian_moment(n)) == full
    assert sp.simplify(M.half_line_moment(n).sympy() - half) == 0
    assert sp.simplify(M.gaussian_abs_moment(n).sympy() - 2 * half) == 0
    with workprec(100):
        assert M.half_line_moment(n).ball().overlaps(arb(str(sp.N(half, 40))))
    a, b = M.half_line_moment(n)  # unpacks like the catalogue's (a, b)
    assert (a, b) == tuple(M.half_line_moment(n))


def test_half_line_expectation_relu_he():
    """E[relu(g) He_2(g)] = 1/sqrt(2 pi) (= sqrt(2!) c_2 of ReLU)."""
    v = M.half_line_expectation(fmpq_poly([0, -1, 0, 1]))  # x (x^2 - 1)
    assert v == M.HalfLine(fmpq(0), fmpq(1))
    assert M.half_line_expectation([1, 0, 1]).sympy() == sp.Integer(1)


@pytest.mark.parametrize("a, b", [(None, None), (Fraction(-1, 2), Fraction(3, 2)), (None, 0),
                                  (1, None), (fmpq(-3), fmpq(-1))])
def test_gaussian_interval_moments_vs_mpmath(a, b):
    def mp(v):
        q = fmpq(v.numerator, v.denominator) if isinstance(v, Fraction) else fmpq(v)
        return mpmath.mpf(int(q.p)) / int(q.q)

    lo = -mpmath.inf if a is None else mp(a)
    hi = mpmath.inf if b is None else mp(b)
    with workprec(150):
        got = M.gaussian_interval_moments(a, b, 5)
        for j, g in enumerate(got):
            ref = mpmath.quad(lambda x, j=j: x**j * mpmath.npdf(x), [lo, hi])
            assert abs(g - arb(mpmath.nstr(ref, 45))) < arb(10) ** -35, (j, g, ref)


@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_gaussian_norm_moments_two_methods_and_ball(n):
    for m in range(6):
        closed = M.gaussian_norm_moment(n, m)
        assert closed == M.gaussian_norm_moment_by_partitions(n, m)
        with workprec(100):
            assert M.gaussian_norm_moment_ball(n, 2 * m).overlaps(arb(closed))
    with workprec(100):  # E|g| for n = 1 is sqrt(2/pi)
        assert M.gaussian_norm_moment_ball(1, 1).overlaps((2 / arb.pi()).sqrt())


@pytest.mark.parametrize("d", [2, 3, 4, 5, 10])
def test_sphere_moments_vs_sympy_integral(d):
    cd = M.sphere_marginal_constant_exact(d)
    assert cd == sp.gamma(sp.Rational(d, 2)) / (sp.sqrt(sp.pi) * sp.gamma(sp.Rational(d - 1, 2)))
    for m in range(0, 7):
        # t = sin u: w_d(t) dt = c_d cos^{d-2}(u) du on [-pi/2, pi/2]
        f = cd * sp.sin(X) ** m * sp.cos(X) ** (d - 2)
        full = sp.integrate(f, (X, -sp.pi / 2, sp.pi / 2))
        half = sp.integrate(f, (X, 0, sp.pi / 2))
        assert _q(M.sphere_moment(d, m)) == sp.simplify(full)
        assert sp.simplify(M.sphere_half_moment(d, m).sympy(d) - half) == 0
        with workprec(100):
            assert M.sphere_half_moment(d, m).ball(d).overlaps(arb(str(sp.N(half, 40))))


@pytest.mark.parametrize("d", [2, 3, 6, 11])
def test_sphere_half_moments_recurrence(d):
    """The list form against the Beta recurrence mu_{j+2} = mu_j (j+1)/(j+d), mu_0 = 1/2,
    mu_1 = c_d/(d-1), written out here (the exact sphere tier reads this list)."""
    mus = M.sphere_half_moments(25, d)
    assert mus[0] == {sp.Integer(1): fmpq(1, 2)}
    assert mus[1] == {M.sphere_marginal_constant_exact(d): fmpq(1, d - 1)}
    for j in range(2, 26):
        (b_prev, q_prev), = mus[j - 2].items()
        (b_j, q_j), = mus[j].items()
        assert b_j == b_prev and q_j == q_prev * fmpq(j - 1, j - 2 + d)


@pytest.mark.parametrize("d, alpha", [(3, (2, 2)), (4, (4, 2, 2)), (5, (2,)), (2, (6, 2)),
                                      (6, (2, 2, 2, 2, 2, 2)), (3, (3, 1))])
def test_sphere_monomial_vs_dirichlet(d, alpha):
    got = M.sphere_monomial_moment(d, alpha)
    if any(a % 2 for a in alpha):
        assert got == 0
        return
    padded = list(alpha) + [0] * (d - len(alpha))
    ref = M.dirichlet_moment([fmpq(1, 2)] * d, [a // 2 for a in padded])
    assert got == ref


def test_sphere_polynomial_and_one_dim_expectations():
    ctx = fmpq_mpoly_ctx.get(("x0", "x1", "x2"), "lex")
    x0, x1, x2 = ctx.gens()
    poly = (x0 + 2 * x1) ** 2 + x2**4
    # (x0 + 2 x1)^2 -> 5 E[t^2] = 5/3; E[x2^4] = 3/15
    assert M.sphere_polynomial_expectation(poly, 3) == fmpq(5, 3) + fmpq(1, 5)
    p = fmpq_poly([1, 3, 0, 0, 5])
    assert M.sphere_expectation(p, 3) == 1 + 5 * M.sphere_moment(3, 4)
    h = M.sphere_half_expectation(p, 3)
    assert h.sympy(3) == sp.integrate((1 + 3 * T + 5 * T**4) / 2, (T, 0, 1))


def test_dirichlet_vs_sympy_beta():
    a1, a2 = sp.Rational(3, 2), sp.Rational(5, 3)
    ref = sp.integrate(X**(a1 - 1 + 2) * (1 - X) ** (a2 - 1 + 1), (X, 0, 1)) / sp.beta(a1, a2)
    got = M.dirichlet_moment([fmpq(3, 2), fmpq(5, 3)], [2, 1])
    assert sp.simplify(_q(got) - ref) == 0


def test_cube_moments():
    assert M.hypercube_monomial_moment((2, 4, 0)) == 1
    assert M.hypercube_monomial_moment((2, 1)) == 0
    assert M.cube_monomial_moment((2, 4)) == fmpq(1, 15)
    assert M.cube_monomial_moment((1,)) == 0


@pytest.mark.parametrize("call, exc, msg", [
    (lambda: M.gaussian_moment(True), TypeError, "non-negative integer"),
    (lambda: M.gaussian_moment(-2), ValueError, "n >= 0"),
    (lambda: M.half_line_moment(2.0), TypeError, "integer"),
    (lambda: M.gaussian_interval_moments(0.5, None, 2), TypeError, "rational, an arb or None"),
    (lambda: M.gaussian_interval_moments(True, None, 2), TypeError, "rational"),
    (lambda: M.gaussian_interval_moments(2, 1, 2), ValueError, "<= b"),
    (lambda: M.gaussian_norm_moment(0, 2), ValueError, ">= 1"),
    (lambda: M.gaussian_norm_moment_ball(2, -3), ValueError, "> -n"),
    (lambda: M.sphere_moment(1, 2), ValueError, "d >= 2"),
    (lambda: M.sphere_moment(True, 2), TypeError, "integer dimension"),
    (lambda: M.sphere_monomial_moment(2, (2, 2, 2)), ValueError, "at most d=2"),
    (lambda: M.sphere_monomial_moment(3, (2, -2)), ValueError, ">= 0"),
    (lambda: M.dirichlet_moment([0, 1], [1, 1]), ValueError, "> 0"),
    (lambda: M.dirichlet_moment([1, 1], [1]), ValueError, "equal"),
    (lambda: M.dirichlet_moment([0.5], [1]), TypeError, "positive rational"),
    (lambda: M.half_line_expectation([1, 0.5]), TypeError, "rational"),
    (lambda: M.sphere_polynomial_expectation(fmpq_poly([1]), 3), TypeError, "fmpq_mpoly"),
])
def test_validation(call, exc, msg):
    with pytest.raises(exc, match=msg):
        call()
