"""verify.moments pieces the vw19 catalogue calls, against independent references.

Provenance: exact sphere moments (``sphere_moment``, ``sphere_half_moment``: rational Beta
integrals), mpmath ``quad`` at 40 digits of ``c_d int f(t) (1-t^2)^((d-3)/2) dt`` in t (not in
u = asin t, the integrator's variable), SymPy's Gamma for ``1/c_d``, and the note's values
``c_k(relu; n=3) = 1/4, 1/6, 1/16, 0, -1/96`` (papers/vw19.md §2.2) -- formerly tested on the
catalogue's private ``_relu_expect``.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from flint import acb, arb, fmpq, fmpq_mpoly_ctx, fmpq_poly

from verify import moments as M
from verify import orthopoly as O
from verify.numbers import workprec


def _poly(p: fmpq_poly):  # noqa: ANN202 - an acb integrand
    cs = p.coeffs()

    def f(z: acb, analytic: bool) -> acb:
        out = acb(0)
        for c in reversed(cs):
            out = out * z + acb(c)
        return out

    return f


@pytest.mark.parametrize("d", [2, 3, 4, 7, 30])
@pytest.mark.parametrize("m", [0, 1, 2, 5, 8])
def test_sphere_expectation_acb_contains_the_exact_moments(d: int, m: int) -> None:
    t_m = fmpq_poly([0] * m + [1])
    h = M.sphere_half_moment(d, m)
    with workprec(120):
        full = M.sphere_expectation_acb(_poly(t_m), d)
        half = M.sphere_expectation_acb(_poly(t_m), d, half=True)
        assert full.contains(M.sphere_moment(d, m))
        assert full.rad() < arb(2) ** -95
        assert half.overlaps(h.ball(d))
        assert abs(half - h.ball(d)) < arb(2) ** -95


@pytest.mark.parametrize("d", [2, 3, 5, 11])
def test_surface_option_is_the_inverse_marginal_constant(d: int) -> None:
    """``int (1-t^2)^{(d-3)/2} dt = 1/c_d`` (vw19 C1), c_d from SymPy's Gamma."""
    with workprec(120):
        value = M.sphere_expectation_acb(lambda z, a: acb(1), d, surface=True)
        ref = arb(str(sp.N(1 / M.sphere_marginal_constant_exact(d), 45)))
        assert abs(value - ref) < arb(10) ** -30


@pytest.mark.parametrize(("name", "fn", "mp"), [
    ("tanh", lambda z: z.tanh(), mpmath.tanh),
    ("sigmoid", lambda z: 1 / (1 + (-z).exp()), lambda t: 1 / (1 + mpmath.exp(-t))),
    ("exp", lambda z: z.exp(), mpmath.exp),
])
@pytest.mark.parametrize("d", [3, 5, 10])
def test_sphere_expectation_acb_against_mpmath_quad(name: str, fn, mp, d: int) -> None:  # noqa: ANN001
    """``a_3(sigma; d) = E[sigma(t) P_{3,d}(t)]``: the ball contains mpmath's value in t."""
    p3 = O.gegenbauer_sphere_poly(3, d)
    pf = _poly(p3)
    with workprec(120):
        ball = M.sphere_expectation_acb(lambda z, a: fn(z) * pf(z, a), d)
    with mpmath.workdps(40):
        cd = mpmath.gamma(mpmath.mpf(d) / 2) / (mpmath.sqrt(mpmath.pi)
                                                 * mpmath.gamma(mpmath.mpf(d - 1) / 2))
        coeffs = [mpmath.mpf(int(c.p)) / int(c.q) for c in p3.coeffs()]

        def integrand(t: mpmath.mpf) -> mpmath.mpf:
            poly = sum(c * t**i for i, c in enumerate(coeffs))
            return mp(t) * poly * (1 - t * t) ** (mpmath.mpf(d - 3) / 2)

        ref = mpmath.nstr(cd * mpmath.quad(integrand, [-1, 0, 1]), 38)
    with workprec(120):
        ref_ball = arb(ref)
        assert abs(ball - ref_ball) < arb(10) ** -30 * (1 + abs(ref_ball)), (name, d)


def test_in_u_option_integrates_a_function_of_u() -> None:
    """``E[t^2] = c_d int sin^2 u cos^{d-2} u du`` with f given in u."""
    with workprec(100):
        value = M.sphere_expectation_acb(lambda u, a: u.sin() ** 2, 5, in_u=True)
        assert value.contains(fmpq(1, 5))


def test_relu_coefficients_at_n3_are_the_notes_values() -> None:
    """c_k(relu; n=3) = int_0^1 t P_k(t) w_3 = 1/4, 1/6, 1/16, 0, -1/96 (c_3 = 1/2)."""
    t = fmpq_poly([0, 1])
    values = [M.sphere_half_expectation(t * O.gegenbauer_sphere_poly(k, 3), 3) for k in range(5)]
    assert [q0 + q1 * fmpq(1, 2) for q0, q1 in values] == [fmpq(1, 4), fmpq(1, 6), fmpq(1, 16),
                                                           0, fmpq(-1, 96)]
    with workprec(100):
        own = [M.sphere_expectation_acb(lambda z, a, k=k: z * _poly(O.gegenbauer_sphere_poly(
            k, 3))(z, a), 3, half=True) for k in range(5)]
        for ball, v in zip(own, values, strict=True):
            assert ball.contains(v.rational + v.times_cd * fmpq(1, 2))


def test_monomial_moments_unchanged_by_the_cache() -> None:
    """The cached path of sphere_polynomial_expectation agrees with the Dirichlet formula."""
    ctx = fmpq_mpoly_ctx.get(("x0", "x1", "x2", "x3"), "lex")
    x = ctx.gens()
    poly = 3 * x[0] ** 4 * x[2] ** 2 - x[1] ** 2 + x[0] * x[3]
    want = 3 * M.dirichlet_moment([fmpq(1, 2)] * 4, [2, 0, 1, 0]) \
        - M.dirichlet_moment([fmpq(1, 2)] * 4, [0, 1, 0, 0])
    assert M.sphere_polynomial_expectation(poly, 4) == want
    assert M.sphere_monomial_moment(4, (2, 4)) == M.sphere_monomial_moment(4, [4, 0, 2])


@pytest.mark.parametrize(("args", "kwargs", "error", "match"), [
    ((1.0, 3), {}, TypeError, "must be a callable"),
    ((lambda z, a: z, 1), {}, ValueError, "d=1"),
    ((lambda z, a: z, 3), {"half": 1}, TypeError, "half=1 must be True or False"),
    ((lambda z, a: z, 3), {"in_u": "yes"}, TypeError, "in_u='yes'"),
])
def test_sphere_expectation_acb_validates(args, kwargs, error, match) -> None:  # noqa: ANN001
    with pytest.raises(error, match=match):
        M.sphere_expectation_acb(*args, **kwargs)
