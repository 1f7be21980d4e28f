"""The sphere (Gegenbauer) tier against independent references: other libraries *and* other
algorithms, each with its provenance.

* **SciPy** ``eval_gegenbauer`` / ``eval_chebyt`` / ``eval_legendre`` (Cephes-style double
  routines) for ``P_{k,d} = C_k^lam / C_k^lam(1)``, ``C_k^lam(1) = binom(k + 2 lam - 1, k)``.
* **mpmath** ``gegenbauer`` (a 2F1 hypergeometric sum, not a recurrence) at 40 digits.
  mpmath's ``C_0^(0)`` is 0 (proofs_notes/conventions.md §6), so d = 2 goes through
  ``mpmath.chebyt`` and through the limit lam -> 0, and the degenerate point is tested on its own.
* **SymPy** ``gegenbauer`` / ``chebyshevt`` (explicit coefficient formulas) for the exact values.
* **The vw19 closed form** of the ReLU coefficients (papers/vw19.md §2.2, a Rodrigues
  derivation, not the package's half-sphere moments) compared exactly in SymPy, and the printed
  table of that section to the digits printed.
* **mpmath.quad** (tanh-sinh, split at 0 and at every breakpoint) of
  ``sigma(r t) P_{k,d}(t) c_d (1-t^2)^((d-3)/2)`` with ``P_{k,d}`` from the *unnormalized*
  Gegenbauer recurrence DLMF 18.9.1 written out here; d = 2 in ``t = cos(theta)``, where the
  arcsine weight becomes ``1/pi`` and ``P_{k,2} = cos(k theta)``. The package integrates in
  ``u = asin t`` with Arb's ``acb.integral`` and its own normalized recurrence.

Tolerances: a certified ball must *contain* the reference, widened only by the reference's own
precision (1e-35 for mpmath at 40 digits); a float must meet the stated digits.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import scipy.special as sps
import sympy as sp
from flint import arb, fmpq

from verify.activations import activation
from verify.conventions import harmonic_dimension, sphere_area, sphere_marginal_constant
from verify.gegenbauer import (
    exact_sphere_coefficients,
    funk_hecke,
    gegenbauer_coefficients,
)
from verify.numbers import workprec
from verify.orthopoly import (
    gegenbauer_lambda,
    gegenbauer_sphere_float,
    gegenbauer_sphere_values,
)
from verify.orthopoly import gegenbauer_sphere_polys as gegenbauer_power_basis

X = sp.Symbol("x")


def _mp_to_arb(value: mpmath.mpf, digits: int = 60) -> arb:
    """A decimal ball of an mpf (call inside a wide ``workprec``)."""
    return arb(mpmath.nstr(value, digits, min_fixed=-mpmath.inf, max_fixed=mpmath.inf))


def _widened(ball: arb, slack: str) -> arb:
    return arb(ball.mid(), ball.rad() + arb(slack))


def _fmpq_of_float(t: float) -> fmpq:
    """The exact binary value of a double as a rational."""
    num, den = float(t).as_integer_ratio()
    return fmpq(num, den)


# ---------------------------------------------------------------------------------------------
# P_{k,d} against SciPy, mpmath and SymPy.

_T_GRID = np.array([-1.0, -0.999, -0.7, -0.3125, 0.0, 0.125, 0.5, 0.8, 0.99, 1.0])


@pytest.mark.parametrize("d", [3, 4, 5, 7, 10, 101])
def test_float_values_match_scipy_gegenbauer(d: int) -> None:
    """SciPy's C_k^lam divided by C_k^lam(1) = binom(k + 2 lam - 1, k), k <= 40."""
    lam = (d - 2) / 2
    rows = gegenbauer_sphere_float(40, d, _T_GRID)
    for k in range(41):
        norm = sps.binom(k + 2 * lam - 1, k)
        assert norm == pytest.approx(float(sps.eval_gegenbauer(k, lam, 1.0)), rel=1e-13)
        ref = sps.eval_gegenbauer(k, lam, _T_GRID) / norm
        np.testing.assert_allclose(rows[k], ref, rtol=1e-11, atol=1e-12, err_msg=f"d={d} k={k}")


def test_float_values_match_scipy_chebyshev_and_legendre() -> None:
    """d = 2 is Chebyshev T_k, d = 3 is Legendre P_k (SciPy's own routines)."""
    ks = np.arange(61)[:, None]
    np.testing.assert_allclose(gegenbauer_sphere_float(60, 2, _T_GRID),
                               sps.eval_chebyt(ks, _T_GRID[None, :]), rtol=1e-11, atol=1e-12)
    np.testing.assert_allclose(gegenbauer_sphere_float(60, 3, _T_GRID),
                               sps.eval_legendre(ks, _T_GRID[None, :]), rtol=1e-11, atol=1e-12)


_DYADIC = [fmpq(-1), fmpq(-3, 4), fmpq(-5, 16), fmpq(0), fmpq(1, 8), fmpq(1, 2), fmpq(15, 16),
           fmpq(1)]


@pytest.mark.parametrize("d", [2, 3, 4, 5, 10, 101])
def test_arb_balls_contain_mpmath_at_40_digits(d: int) -> None:
    """mpmath's hypergeometric C_k^lam (chebyt for d = 2) at 40 digits lies in our 200-bit ball."""
    ks = [0, 1, 2, 5, 17, 40, 60]
    with mpmath.workdps(40):
        lam = mpmath.mpf(d - 2) / 2
        for t in _DYADIC:
            tm = mpmath.mpf(int(t.p)) / int(t.q)
            with workprec(200):
                balls = gegenbauer_sphere_values(max(ks), d, arb(t))
                for k in ks:
                    if d == 2:
                        ref = mpmath.chebyt(k, tm)
                    else:
                        # zeroprec: C_k(0) = 0 for odd k, which 2F1 cannot reach to relative
                        # precision; mpmath then returns 0, exact here.
                        ref = (mpmath.gegenbauer(k, lam, tm, zeroprec=800)
                               / mpmath.gegenbauer(k, lam, 1))
                    assert balls[k].rad() < arb("1e-36"), (d, k, t)
                    assert _widened(balls[k], "1e-38").contains(_mp_to_arb(ref)), (d, k, t, ref)


def test_degenerate_point_p0_is_one_for_every_d_although_mpmath_c0_at_lambda0_is_zero() -> None:
    """P_{0,d} = 1 for every d >= 2, d = 2 included, in every arithmetic. mpmath's
    C_0^(0)(t) is 0 (its convention), SciPy's is 1: the package must not inherit mpmath's."""
    assert mpmath.gegenbauer(0, 0, mpmath.mpf("0.3")) == 0  # why d = 2 needs its own branch
    assert sps.eval_gegenbauer(0, 0.0, 0.3) == 1.0
    for d in (2, 3, 4, 10):
        for t in (fmpq(-1), fmpq(0), fmpq(3, 10), fmpq(1)):
            assert gegenbauer_sphere_values(0, d, t)[0] == 1
            assert gegenbauer_sphere_values(0, d, arb(t))[0] == 1
        np.testing.assert_array_equal(gegenbauer_sphere_float(0, d, _T_GRID)[0], 1.0)
    assert gegenbauer_lambda(2) == 0
    # C_k^(0) = 0 for k >= 1 in mpmath and SciPy, while P_{k,2} = T_k: the lam -> 0 limit.
    assert sps.eval_gegenbauer(3, 0.0, 0.3) == 0.0
    assert gegenbauer_sphere_values(3, 2, fmpq(3, 10))[3] == fmpq(4 * 27, 1000) - fmpq(9, 10)


@pytest.mark.parametrize("k", [1, 2, 3, 7, 20])
def test_d2_is_the_lambda_to_zero_limit_of_normalized_gegenbauer(k: int) -> None:
    """C_k^lam(t)/C_k^lam(1) at lam = 1e-30 (mpmath, 40 digits) equals T_k(t) to O(lam)."""
    with mpmath.workdps(40):
        lam = mpmath.mpf("1e-30")
        for t in _DYADIC:
            tm = mpmath.mpf(int(t.p)) / int(t.q)
            ref = mpmath.gegenbauer(k, lam, tm, zeroprec=800) / mpmath.gegenbauer(k, lam, 1)
            ours = gegenbauer_sphere_values(k, 2, t)[k]
            assert abs(ref - mpmath.mpf(int(ours.p)) / int(ours.q)) < mpmath.mpf("1e-27")


@pytest.mark.parametrize("d", [2, 3, 4, 5, 7, 10])
def test_exact_values_and_power_basis_match_sympy(d: int) -> None:
    """fmpq values (recurrence) and fmpq polynomials (power basis) equal SymPy's exact
    gegenbauer(k, lam, x)/gegenbauer(k, lam, 1), chebyshevt for d = 2, k <= 10."""
    lam = sp.Rational(d - 2, 2)
    polys = gegenbauer_power_basis(10, d)
    points = [fmpq(-7, 9), fmpq(0), fmpq(1, 3), fmpq(5, 6)]
    values = {t: gegenbauer_sphere_values(10, d, t) for t in points}
    for k in range(11):
        ref = sp.chebyshevt(k, X) if d == 2 else sp.gegenbauer(k, lam, X) / sp.gegenbauer(k, lam, 1)
        ref_poly = sp.Poly(sp.expand(ref), X)
        ours = [polys[k][i] for i in range(polys[k].degree() + 1)]
        expected = [fmpq(int(c.p), int(c.q)) for c in ref_poly.all_coeffs()[::-1]]
        assert ours == expected, (d, k)
        for t in points:
            exact = ref.subs(X, sp.Rational(int(t.p), int(t.q)))
            assert values[t][k] == fmpq(int(sp.numer(exact)), int(sp.denom(exact))), (d, k, t)


# ---------------------------------------------------------------------------------------------
# Floats at degree 1000, and the power basis as a planted contrast.

def _degree_1000_grid() -> np.ndarray:
    """A grid on [-1, 1] plus the neighbourhoods of the outermost zeros of P_{1000, d}
    (Chebyshev zeros cos((j - 1/2) pi/1000), exact for d = 2, close for the others) and of
    the endpoints, where the forward recurrence is least stable."""
    zeros = np.cos(np.pi * (np.arange(1, 4) - 0.5) / 1000)
    near = np.concatenate([zeros, zeros * (1 - 1e-9), zeros * (1 + 1e-12),
                           1 - np.logspace(-8, -3, 6)])
    return np.unique(np.concatenate([np.linspace(-1, 1, 41), near, -near]))


@pytest.mark.parametrize("d", [2, 3, 5, 10, 100])
def test_float_recurrence_keeps_12_digits_at_degree_1000(d: int) -> None:
    """Every row k <= 1000 within 1e-12 * max(|P_{k,d}(t)|, 1e-3) of an Arb ball.

    The reference is gegenbauer_sphere_values in Arb at 2200 bits: the ball recurrence loses
    about log2(|t| + sqrt(1 + t^2)) bits per degree (see the next test), so 200 bits would
    not enclose anything at k = 1000; its radius is checked before use.
    """
    grid = _degree_1000_grid()
    rows = gegenbauer_sphere_float(1000, d, grid)
    worst = (0.0, None)
    with workprec(2200):
        for i, t in enumerate(grid):
            balls = gegenbauer_sphere_values(1000, d, arb(_fmpq_of_float(t)))
            for k in range(1001):
                assert balls[k].rad() < arb("1e-60")
                ref = float(balls[k].mid())
                err = abs(rows[k, i] - ref) / max(abs(ref), 1e-3)
                if err > worst[0]:
                    worst = (err, (k, t))
    assert worst[0] <= 1e-12, worst


def test_arb_values_at_200_bits_are_tight_at_degree_1000() -> None:
    """The brief's reference, 200-bit balls at k = 1000, must be tighter than 1e-20."""
    with workprec(200):
        for d in (2, 10, 100):
            for t in (fmpq(1, 3), fmpq(9, 10)):
                ball = gegenbauer_sphere_values(1000, d, arb(t))[1000]
                assert ball.rad() < arb("1e-20"), (d, t, ball)


def test_planted_power_basis_in_doubles_is_off_by_more_than_1_percent_at_degree_100() -> None:
    """Planted contrast: the exact power-basis coefficients of P_{100,10} rounded to doubles and
    summed by Horner lose everything (coefficients ~1e28 cancel to |P| <= 1), while the
    recurrence in doubles stays within 1e-12 of the exact rational value at the same t."""
    poly = gegenbauer_power_basis(100, 10)[100]
    coeffs = [float(poly[i]) for i in range(poly.degree() + 1)]
    grid = np.linspace(-1, 1, 81)
    horner = np.polynomial.polynomial.polyval(grid, coeffs)
    recurrence = gegenbauer_sphere_float(100, 10, grid)[100]
    power_err, rec_err = 0.0, 0.0
    for i, t in enumerate(grid):
        tq = _fmpq_of_float(t)
        exact = float(gegenbauer_sphere_values(100, 10, tq)[100])
        assert poly(tq) == gegenbauer_sphere_values(100, 10, tq)[100]
        scale = max(abs(exact), 1e-3)
        power_err = max(power_err, abs(horner[i] - exact) / scale)
        rec_err = max(rec_err, abs(recurrence[i] - exact) / scale)
    assert power_err > 1e-2
    assert rec_err < 1e-12


# ---------------------------------------------------------------------------------------------
# ReLU: the vw19 closed form (papers/vw19.md §2.2, C9).

def _vw19_relu(k: int, d: int) -> sp.Expr:
    dd = sp.Integer(d)
    if k == 0:
        return sp.gamma(dd / 2) / (2 * sp.sqrt(sp.pi) * sp.gamma((dd + 1) / 2))
    if k == 1:
        return 1 / (2 * dd)
    if k % 2:
        return sp.Integer(0)
    return ((-1) ** (k // 2 - 1) * sp.gamma(dd / 2) * sp.gamma(sp.Rational(k - 1, 2))
            / (4 * sp.pi * sp.gamma(sp.Rational(d + k + 1, 2))))


@pytest.mark.parametrize("d", [2, 3, 4, 5, 10, 101])
def test_relu_exact_matches_vw19_closed_form(d: int) -> None:
    """Exact equality (SymPy expands both to rational * pi^e), k <= 40; odd k >= 3 are 0."""
    values = gegenbauer_coefficients("relu", 40, d=d, tier="exact")
    for c in values:
        assert c.tier == "exact" and c.exact is not None
        assert sp.expand(c.exact.sympy() - _vw19_relu(c.k, d)) == 0, (d, c.k, str(c.exact))
        if c.k % 2 and c.k >= 3:
            assert c.exact.is_zero()


# papers/vw19.md §2.2, "Numerical values of c_k" (4 significant digits as printed).
_VW19_TABLE = {
    10: {0: "1.293e-1", 1: "5.000e-2", 2: "1.176e-2", 4: "-9.045e-4", 6: "1.809e-4",
         8: "-5.321e-5"},
    25: {0: "8.059e-2", 1: "2.000e-2", 2: "3.100e-3", 4: "-1.107e-4", 6: "1.107e-5",
         8: "-1.730e-6"},
}


@pytest.mark.parametrize("d", sorted(_VW19_TABLE))
def test_relu_matches_vw19_printed_table(d: int) -> None:
    values = exact_sphere_coefficients(activation("relu"), 8, d=d)
    for k, text in _VW19_TABLE[d].items():
        mantissa, exponent = text.split("e")
        half_unit = Fraction(1, 2) * Fraction(10) ** (int(exponent) - 3)
        ours = Fraction(str(sp.N(values[k].sympy(), 30)))
        assert abs(ours - Fraction(text)) <= half_unit, (d, k, text, ours)


def test_relu_and_step_radius_homogeneity() -> None:
    """relu is 1-homogeneous and step 0-homogeneous: a_k(r) = r a_k(1), a_k(r) = a_k(1)."""
    for d in (2, 5):
        for name, power in (("relu", 1), ("step", 0)):
            base = gegenbauer_coefficients(name, 8, d=d, tier="exact")
            scaled = gegenbauer_coefficients(name, 8, d=d, r=sp.Rational(3, 2), tier="exact")
            for b, s in zip(base, scaled, strict=True):
                expected = sp.Rational(3, 2) ** power * b.exact.sympy()
                assert sp.expand(s.exact.sympy() - expected) == 0, (name, d, b.k)


# ---------------------------------------------------------------------------------------------
# Certified coefficients of analytic (and kinked) activations against mpmath.quad.

_K_MAX = 12
_MP_FUNCTIONS = {
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "erf": mpmath.erf,
    "hardtanh": lambda x: max(-1, min(1, x)),
    "Max(x-1/2,0)": lambda x: max(x - mpmath.mpf(1) / 2, 0),
}
_BREAKPOINTS = {"hardtanh": [-1, 1], "Max(x-1/2,0)": [sp.Rational(1, 2)]}


def _mpmath_coefficients(name: str, d: int, r: sp.Rational) -> list[mpmath.mpf]:
    """``a_0..a_12`` by mpmath.quad at 40 digits, split at 0 and at each breakpoint / r."""
    fn = _MP_FUNCTIONS[name]
    with mpmath.workdps(40):
        rm = mpmath.mpf(int(r.p)) / int(r.q)
        cuts = {mpmath.mpf(-1), mpmath.mpf(0), mpmath.mpf(1)}
        cuts |= {mpmath.mpf(int(sp.Rational(b).p)) / int(sp.Rational(b).q) / rm
                 for b in _BREAKPOINTS.get(name, []) if abs(b) < r}
        cache: dict[mpmath.mpf, tuple[mpmath.mpf, list[mpmath.mpf]]] = {}
        if d == 2:
            # t = cos(theta): E[f(t)] = (1/pi) int_0^pi f(cos theta) d theta, T_k = cos(k theta).
            def values(th):
                if th not in cache:
                    cache[th] = (fn(rm * mpmath.cos(th)),
                                 [mpmath.cos(k * th) for k in range(_K_MAX + 1)])
                return cache[th]

            points = sorted(mpmath.acos(t) for t in cuts)
            return [mpmath.quad(lambda th, k=k: values(th)[0] * values(th)[1][k], points)
                    / mpmath.pi for k in range(_K_MAX + 1)]
        lam = mpmath.mpf(d - 2) / 2
        cd = mpmath.gamma(mpmath.mpf(d) / 2) / (mpmath.sqrt(mpmath.pi)
                                                * mpmath.gamma(mpmath.mpf(d - 1) / 2))
        norms = [mpmath.binomial(k + 2 * lam - 1, k) for k in range(_K_MAX + 1)]

        def values(t):
            if t not in cache:
                # DLMF 18.9.1: (n+1) C_{n+1} = 2(n+lam) t C_n - (n+2lam-1) C_{n-1}.
                c = [mpmath.mpf(1), 2 * lam * t]
                for n in range(1, _K_MAX):
                    c.append((2 * (n + lam) * t * c[n] - (n + 2 * lam - 1) * c[n - 1]) / (n + 1))
                weight = (1 - t * t) ** (mpmath.mpf(d - 3) / 2)
                cache[t] = (fn(rm * t) * weight, [c[k] / norms[k] for k in range(_K_MAX + 1)])
            return cache[t]

        points = sorted(cuts)
        return [cd * mpmath.quad(lambda t, k=k: values(t)[0] * values(t)[1][k], points)
                for k in range(_K_MAX + 1)]


_CERTIFIED_CASES = [
    pytest.param(name, d, r, id=f"{name}-d{d}-r{r}")
    for name in ("sigmoid", "tanh", "erf")
    for d in (2, 3, 5, 10)
    for r in (sp.Integer(1), sp.Rational(3, 2))
] + [
    # breakpoints inside (-r, r): the certified tier must split the integral there.
    pytest.param("hardtanh", d, sp.Rational(3, 2), id=f"hardtanh-d{d}-r3/2") for d in (2, 5)
] + [pytest.param("Max(x-1/2,0)", d, sp.Integer(1), id=f"shifted-relu-d{d}") for d in (3, 10)]


@pytest.mark.parametrize(("name", "d", "r"), _CERTIFIED_CASES)
def test_certified_balls_contain_mpmath_quadrature(name: str, d: int, r: sp.Rational) -> None:
    ours = gegenbauer_coefficients(name, _K_MAX, d=d, r=r, digits=32)
    refs = _mpmath_coefficients(name, d, r)
    with workprec(300):
        for c, ref in zip(ours, refs, strict=True):
            assert c.guaranteed and c.met, (name, d, r, c.k, c.method)
            assert _widened(c.ball, "1e-35").contains(_mp_to_arb(ref)), (name, d, r, c.k,
                                                                         c.ball, ref)


@pytest.mark.parametrize("d", [2, 4, 7])
@pytest.mark.parametrize("name", ["relu", "abs", "step"])
def test_certified_tier_agrees_with_exact_tier(name: str, d: int) -> None:
    """tier='certified' (Arb integral) against tier='exact' (half-sphere moments), k <= 8.

    relu at odd k >= 3 is exactly 0 but has no proved symmetry (its odd part is t/2): the
    certified tier returns a ball around 0 that cannot meet relative digits (a ball never
    proves x = 0), so there ``met`` must be False and the ball tiny.
    """
    exact = gegenbauer_coefficients(name, 8, d=d, tier="exact")
    certified = gegenbauer_coefficients(name, 8, d=d, tier="certified", digits=20)
    with workprec(200):
        for e, c in zip(exact, certified, strict=True):
            assert e.tier == "exact" and c.tier in ("certified", "exact")
            assert c.ball.overlaps(e.exact.ball()), (name, d, c.k, c.ball, e.exact)
            if e.exact.is_zero() and c.tier == "certified":
                assert not c.met and c.ball.rad() < arb("1e-100"), (name, d, c.k, c.ball)
            else:
                assert c.met
                assert abs(c.ball - e.exact.ball()).upper() <= arb("1e-19") * abs(e.exact.ball())


# ---------------------------------------------------------------------------------------------
# Funk-Hecke normalizations, sphere area, N(d, k).

def test_sphere_area_small_dimensions() -> None:
    with workprec(120):
        for d, exact in ((2, 2 * arb.pi()), (3, 4 * arb.pi()), (4, 2 * arb.pi() ** 2),
                         (5, 8 * arb.pi() ** 2 / 3)):
            area = sphere_area(d)
            assert area.overlaps(exact) and area.rad() < arb("1e-30"), (d, area)
            # mpmath's independent formula 2 pi^(d/2) / Gamma(d/2)
            with mpmath.workdps(40):
                ref = 2 * mpmath.pi ** (mpmath.mpf(d) / 2) / mpmath.gamma(mpmath.mpf(d) / 2)
            assert _widened(area, "1e-35").contains(_mp_to_arb(ref))


def test_marginal_constant_integrates_the_weight_to_one() -> None:
    """c_d * int (1-t^2)^((d-3)/2) dt = 1, the integral by mpmath.quad in t = cos(theta),
    ``int_0^pi sin^(d-2)(theta) d theta`` (no endpoint singularity; for d = 2 it is pi)."""
    with mpmath.workdps(30):
        for d in (2, 3, 4, 7, 12):
            integral = mpmath.quad(lambda th, d=d: mpmath.sin(th) ** (d - 2), [0, mpmath.pi])
            with workprec(120):
                assert _widened(sphere_marginal_constant(d) * _mp_to_arb(integral, 30),
                                "1e-25").contains(arb(1)), d


@pytest.mark.parametrize(("name", "d", "k"),
                         [("relu", d, k) for d in (2, 3, 4, 6) for k in (0, 1, 2)]
                         + [("sigmoid", 3, 1), ("sigmoid", 6, 0), ("sigmoid", 2, 1)])
def test_funk_hecke_surface_is_area_times_probability(name: str, d: int, k: int) -> None:
    """The surface eigenvalue is |S^{d-1}| times the probability one (exactly when exact),
    and the two are different numbers (so swapping them cannot pass)."""
    prob = funk_hecke(name, k, d=d, digits=20)
    surf = funk_hecke(name, k, d=d, digits=20, normalization="surface")
    with workprec(150):
        assert surf.ball.overlaps(sphere_area(d) * prob.ball), (name, d, k)
        if prob.exact is not None:
            area = 2 * sp.pi ** sp.Rational(d, 2) / sp.gamma(sp.Rational(d, 2))
            assert sp.expand(surf.exact.sympy() - area * prob.exact.sympy()) == 0
        assert not prob.ball.contains(0)
        assert not surf.ball.overlaps(prob.ball)


def test_funk_hecke_rejects_unknown_normalization() -> None:
    with pytest.raises(ValueError, match="normalization='Surface'"):
        funk_hecke("relu", 0, d=3, normalization="Surface")


def test_harmonic_dimension_table() -> None:
    for k in range(0, 30):
        assert harmonic_dimension(2, k) == (1 if k == 0 else 2)
        assert harmonic_dimension(3, k) == 2 * k + 1
        assert harmonic_dimension(4, k) == (k + 1) ** 2
    for d in range(2, 15):
        for k in range(0, 20):
            partial = sum(harmonic_dimension(d, j) for j in range(k + 1))
            closed = math.comb(d + k - 1, k) + (math.comb(d + k - 2, k - 1) if k >= 1 else 0)
            assert partial == closed, (d, k)
            # the second form of N(d, k) in papers/vw19.md §1 (C3)
            if k >= 1:
                second = (2 * k + d - 2) * math.comb(k + d - 3, k - 1) // k
                assert harmonic_dimension(d, k) == second, (d, k)
