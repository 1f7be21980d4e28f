"""Structural properties of the sphere tier (papers/vw19.md §1-§2, checks C4-C8, C10, C12).

Each property is checked by an algorithm other than the one the package uses where one exists:
moments of t from the closed form ``E t^{2m} = prod_{i<m} (2i+1)/(d+2i)`` (not the package's
half-sphere recurrence), the explicit-sum formula for P_{k,d} (C5), the *unnormalized*
Gegenbauer recurrence, Monte Carlo on the sphere, SciPy's spherical harmonics, a direct 2-D
mpmath integral for the dual kernel, and SymPy's ``hermite_prob`` for the Hermite limit.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import scipy.special as sps
import sympy as sp
from flint import arb, fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.activations import activation
from verify.conventions import harmonic_dimension
from verify.gegenbauer import (
    exact_sphere_coefficients,
    gegenbauer_coefficients,
    hermite_limit_coefficient,
    hermite_limit_polynomial,
)
from verify.kernels import sphere_dual_kernel
from verify.moments import sphere_half_moments as half_sphere_moments
from verify.numbers import workprec
from verify.orthopoly import gegenbauer_sphere_float, gegenbauer_sphere_values
from verify.orthopoly import gegenbauer_sphere_polys as gegenbauer_power_basis

DIMS = [2, 3, 4, 5, 8, 11]


def _even_moment(d: int, m: int) -> fmpq:
    """``E[t^{2m}] = Gamma(d/2) Gamma(m+1/2) / (sqrt(pi) Gamma(m+d/2))`` (vw19.md C25)."""
    out = fmpq(1)
    for i in range(m):
        out *= fmpq(2 * i + 1, d + 2 * i)
    return out


def _expectation(poly, d: int) -> fmpq:
    """``E[p(t)]`` for an even polynomial p (odd moments vanish by symmetry)."""
    total = fmpq(0)
    for j in range(poly.degree() + 1):
        if poly[j] != 0:
            assert j % 2 == 0, "only same-parity products are integrated exactly here"
            total += poly[j] * _even_moment(d, j // 2)
    return total


def _rationals(lo: int, hi: int) -> st.SearchStrategy[fmpq]:
    return st.fractions(min_value=lo, max_value=hi, max_denominator=97).map(
        lambda f: fmpq(f.numerator, f.denominator))


# ---------------------------------------------------------------------------------------------
# Orthogonality, norms, moments.

def test_even_moments_agree_with_package_half_sphere_moments() -> None:
    """The closed form used below equals 2*mu_{2m} of the package's Beta recurrence;
    E t^2 = 1/d and E t^4 = 3/(d(d+2)) (vw19.md C2)."""
    for d in DIMS:
        assert _even_moment(d, 1) == fmpq(1, d)
        assert _even_moment(d, 2) == fmpq(3, d * (d + 2))
        mus = half_sphere_moments(24, d)
        for m in range(13):
            ((basis, q),) = mus[2 * m].items()
            assert basis == 1 and 2 * q == _even_moment(d, m), (d, m)


@settings(max_examples=20)
@given(d=st.sampled_from(DIMS), j=st.integers(0, 12), gap=st.integers(1, 5))
def test_same_parity_pairs_are_orthogonal_exactly(d: int, j: int, gap: int) -> None:
    """E[P_j P_k] = 0 for j != k of the SAME parity (different parity is trivially 0)."""
    k = j + 2 * gap
    polys = gegenbauer_power_basis(k, d)
    assert _expectation(polys[j] * polys[k], d) == 0, (d, j, k)


@pytest.mark.parametrize(("j", "k"), [(2, 4), (3, 5), (1, 7), (0, 6), (4, 10)])
@pytest.mark.parametrize("d", DIMS)
def test_named_same_parity_pairs_are_orthogonal(d: int, j: int, k: int) -> None:
    polys = gegenbauer_power_basis(k, d)
    assert _expectation(polys[j] * polys[k], d) == 0


@settings(max_examples=20)
@given(d=st.sampled_from(DIMS), k=st.integers(0, 20))
def test_norm_is_one_over_harmonic_dimension(d: int, k: int) -> None:
    pk = gegenbauer_power_basis(k, d)[k]
    assert _expectation(pk * pk, d) == fmpq(1, harmonic_dimension(d, k))


# ---------------------------------------------------------------------------------------------
# Values: recurrence, explicit sum, endpoints, bound.

def _explicit_sum(k: int, d: int, t: fmpq) -> fmpq:
    """vw19.md C5: P_{k,d}(t) = k! sum_j (-1)^j (1-t^2)^j t^{k-2j}
    / (4^j j! (k-2j)! ((d-1)/2)_j), with the Pochhammer symbol from Gamma((d-1)/2)."""
    total = fmpq(0)
    half = fmpq(d - 1, 2)
    poch, fact_j = fmpq(1), 1
    for j in range(k // 2 + 1):
        if j > 0:
            poch *= half + j - 1
            fact_j *= j
        term = (1 - t * t) ** j * t ** (k - 2 * j)
        total += (-1) ** j * term / (4**j * fact_j * _fact(k - 2 * j) * poch)
    return total * _fact(k)


def _fact(n: int) -> int:
    out = 1
    for i in range(2, n + 1):
        out *= i
    return out


@settings(max_examples=25)
@given(d=st.sampled_from(DIMS), t=_rationals(-2, 2))
def test_three_term_recurrence_and_explicit_sum(d: int, t: fmpq) -> None:
    """Exact values satisfy the normalized recurrence, the *unnormalized* one for
    C_k^lam = P_{k,d} C_k^lam(1) (DLMF 18.9.1; d >= 3), and equal the explicit sum."""
    k_max = 14
    p = gegenbauer_sphere_values(k_max, d, t)
    assert p[0] == 1 and p[1] == t
    for k in range(1, k_max):
        assert (k + d - 2) * p[k + 1] == (2 * k + d - 2) * t * p[k] - k * p[k - 1]
    if d >= 3:
        lam = fmpq(d - 2, 2)
        c = [p[k] * _binom_at_one(k, lam) for k in range(k_max + 1)]
        for n in range(1, k_max):
            assert (n + 1) * c[n + 1] == 2 * (n + lam) * t * c[n] - (n + 2 * lam - 1) * c[n - 1]
    for k in range(k_max + 1):
        assert p[k] == _explicit_sum(k, d, t), (d, k, t)


def _binom_at_one(k: int, lam: fmpq) -> fmpq:
    """C_k^lam(1) = (2 lam)_k / k! = binom(k + 2 lam - 1, k)."""
    out = fmpq(1)
    for i in range(k):
        out *= (2 * lam + i) / (i + 1)
    return out


@settings(max_examples=15)
@given(d=st.sampled_from([*DIMS, 101]), k=st.integers(0, 60))
def test_endpoints(d: int, k: int) -> None:
    assert gegenbauer_sphere_values(k, d, fmpq(1))[k] == 1
    assert gegenbauer_sphere_values(k, d, fmpq(-1))[k] == (-1) ** k
    assert gegenbauer_sphere_values(k, d, fmpq(0))[k] == (0 if k % 2 else
                                                          gegenbauer_power_basis(k, d)[k][0])


@settings(max_examples=25)
@given(d=st.sampled_from(DIMS), t=_rationals(-1, 1))
def test_bounded_by_one_on_the_interval_and_parity(d: int, t: fmpq) -> None:
    p = gegenbauer_sphere_values(30, d, t)
    q = gegenbauer_sphere_values(30, d, -t)
    for k in range(31):
        assert abs(p[k]) <= 1, (d, k, t)
        assert q[k] == (-1) ** k * p[k]


# ---------------------------------------------------------------------------------------------
# Addition theorem (zonal form, C8) and the harmonic basis on S^2 (C6b).

def test_zonal_addition_theorem_monte_carlo_d3() -> None:
    """E_x[P_j(<u,x>) P_k(<v,x>)] = [j=k] P_k(<u,v>)/N(3,k), 2e5 seeded points, 5 sigma."""
    rng = np.random.default_rng(20190527)
    x = rng.standard_normal((200_000, 3))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    u = np.array([1.0, 0.0, 0.0])
    v = np.array([0.6, 0.8, 0.0])  # <u, v> = 0.6
    pu = gegenbauer_sphere_float(4, 3, x @ u)
    pv = gegenbauer_sphere_float(4, 3, x @ v)
    p_uv = gegenbauer_sphere_float(4, 3, np.array([0.6]))[:, 0]
    for j in range(5):
        for k in range(5):
            prod = pu[j] * pv[k]
            mean, se = prod.mean(), prod.std(ddof=1) / np.sqrt(prod.size)
            expected = p_uv[k] / harmonic_dimension(3, k) if j == k else 0.0
            assert abs(mean - expected) <= 5 * se, (j, k, mean, expected, se)


def _spherical_angles(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    theta = np.arccos(np.clip(p[:, 2], -1, 1))  # polar
    phi = np.mod(np.arctan2(p[:, 1], p[:, 0]), 2 * np.pi)  # azimuth
    return theta, phi


def test_addition_theorem_through_scipy_spherical_harmonics_d3() -> None:
    """Under the probability measure Y = sqrt(4 pi) * (SciPy's surface-orthonormal Y_k^m):
    sum_m Y_km(x) conj(Y_km(y)) = N(3,k) P_{k,3}(x.y), k <= 8, 50 seeded pairs."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((50, 3))
    y = rng.standard_normal((50, 3))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    tx, px = _spherical_angles(x)
    ty, py = _spherical_angles(y)
    p = gegenbauer_sphere_float(8, 3, np.sum(x * y, axis=1))
    for k in range(9):
        total = sum(4 * np.pi * sps.sph_harm_y(k, m, tx, px) * np.conj(sps.sph_harm_y(k, m, ty, py))
                    for m in range(-k, k + 1))
        np.testing.assert_allclose(total.imag, 0, atol=1e-11)
        np.testing.assert_allclose(total.real, harmonic_dimension(3, k) * p[k], atol=1e-11,
                                   err_msg=f"k={k}")


# ---------------------------------------------------------------------------------------------
# Parseval on the sphere (C10).

@pytest.mark.parametrize("d", [3, 5])
def test_relu_parseval_partial_sum(d: int) -> None:
    """sum_{k<=200} N(d,k) a_k^2 <= E[relu(t)^2] = 1/(2d), exactly, and within 1e-4.
    The tail (|a_k|^2 N ~ k^-4) is NOT proved here; 1e-4 is an observed margin."""
    values = exact_sphere_coefficients(activation("relu"), 200, d=d)
    total = fmpq(0)
    for k, v in enumerate(values):
        if v.is_zero():
            continue
        ((basis, q),) = v.terms.items()
        assert basis == 1  # c_d is rational for odd d
        total += harmonic_dimension(d, k) * q * q
    second = fmpq(1, 2 * d)  # E[relu(t)^2] = E[t^2]/2 = 1/(2d)
    assert total <= second
    assert second - total < fmpq(1, 10**4)


def test_sigmoid_parseval_certified_d5() -> None:
    """Certified k <= 40 against mpmath's E[sigmoid(t)^2] at 45 digits: the partial sum is not
    provably above it, and within 1e-25 (the tail beyond k = 40 is ~1e-60, not proved)."""
    coeffs = gegenbauer_coefficients("sigmoid", 40, d=5, digits=30)
    with mpmath.workdps(45):
        cd = mpmath.gamma(mpmath.mpf(5) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(2))
        second = cd * mpmath.quad(lambda t: (1 / (1 + mpmath.exp(-t))) ** 2 * (1 - t * t),
                                  [-1, 0, 1])
        second_text = mpmath.nstr(second, 45)
    with workprec(250):
        total = arb(0)
        for c in coeffs:
            assert c.met
            total += harmonic_dimension(5, c.k) * c.ball * c.ball
        diff = total - arb(second_text)
        assert diff.lower() <= arb("1e-40")
        assert abs(diff).upper() <= arb("1e-25")
        assert abs(diff).upper() > 0


# ---------------------------------------------------------------------------------------------
# Sphere dual kernel against a direct 2-D integral.

def _disk_constant(d: int) -> mpmath.mpf:
    """(<u,x>, <v',x>) for orthonormal u, v' has density C (1-s1^2-s2^2)^((d-4)/2) on the
    unit disk, C = Gamma(d/2)/(pi Gamma((d-2)/2)) (d >= 4)."""
    return mpmath.gamma(mpmath.mpf(d) / 2) / (mpmath.pi * mpmath.gamma(mpmath.mpf(d - 2) / 2))


def _sigmoid_kernel_direct(rho: sp.Rational, d: int, r: sp.Rational) -> mpmath.mpf:
    """E[s(r<u,x>) s(r<v,x>)] in polar coordinates (R = sin psi, angle phi), nested mpmath.quad;
    v = rho u + sqrt(1-rho^2) v' is at angle acos(rho) from u in that plane."""
    with mpmath.workdps(20):
        rm = mpmath.mpf(int(r.p)) / int(r.q)
        alpha = mpmath.acos(mpmath.mpf(int(rho.p)) / int(rho.q))

        def f(psi, phi):
            radius, c = mpmath.sin(psi), mpmath.cos(psi)
            s1 = 1 / (1 + mpmath.exp(-rm * radius * mpmath.cos(phi)))
            s2 = 1 / (1 + mpmath.exp(-rm * radius * mpmath.cos(phi - alpha)))
            return s1 * s2 * c ** (d - 3) * radius  # (1-R^2)^((d-4)/2) R dR = c^(d-3) R dpsi

        return _disk_constant(d) * mpmath.quad(f, [0, mpmath.pi / 2], [0, mpmath.pi, 2 * mpmath.pi])


def _relu_kernel_direct(rho: sp.Rational, d: int) -> mpmath.mpf:
    """relu is homogeneous: radial and angular integrals separate; the angle is split at the
    four kinks."""
    with mpmath.workdps(30):
        alpha = mpmath.acos(mpmath.mpf(int(rho.p)) / int(rho.q))
        radial = mpmath.quad(lambda R: R**3 * (1 - R * R) ** (mpmath.mpf(d - 4) / 2), [0, 1])
        two_pi = 2 * mpmath.pi
        kinks = {mpmath.mpf(0), mpmath.pi / 2, 3 * mpmath.pi / 2, two_pi,
                 (alpha + mpmath.pi / 2) % two_pi, (alpha + 3 * mpmath.pi / 2) % two_pi}
        angular = mpmath.quad(lambda p: max(mpmath.cos(p), 0) * max(mpmath.cos(p - alpha), 0),
                              sorted(kinks))
        return _disk_constant(d) * radial * angular


@pytest.mark.parametrize(("d", "rho", "r"), [(4, sp.Rational(1, 3), sp.Integer(1)),
                                             (5, sp.Rational(-3, 5), sp.Rational(3, 2))])
def test_sigmoid_sphere_kernel_matches_direct_integral(d: int, rho: sp.Rational,
                                                       r: sp.Rational) -> None:
    # max_terms=24: the default 200 computes 200 certified coefficients first (minutes).
    with workprec(120):
        ball, terms = sphere_dual_kernel(activation("sigmoid"), arb(int(rho.p)) / int(rho.q),
                                         d=d, r=r, max_terms=24)
    ref = _sigmoid_kernel_direct(rho, d, r)
    with workprec(120):
        assert ball.rad() < arb("1e-14") and terms <= 24
        assert arb(ball.mid(), ball.rad() + arb("1e-17")).contains(arb(mpmath.nstr(ref, 25)))


@pytest.mark.parametrize(("d", "rho"), [(4, sp.Rational(1, 3)), (5, sp.Rational(-1, 4)),
                                        (5, sp.Rational(1, 3))])
def test_relu_sphere_kernel_matches_direct_integral(d: int, rho: sp.Rational) -> None:
    """200 exact terms + the proved tail E[s^2] - partial sum: a ball of width ~1e-8."""
    with workprec(120):
        ball, _ = sphere_dual_kernel(activation("relu"), arb(int(rho.p)) / int(rho.q), d=d)
    ref = _relu_kernel_direct(rho, d)
    with workprec(120):
        assert ball.rad() < arb("1e-7")
        assert ball.contains(arb(mpmath.nstr(ref, 25)))


def test_sphere_dual_kernel_does_not_precompute_unneeded_terms(monkeypatch) -> None:
    """Sigmoid at d = 4 needs 10 terms; asking the engine (or the public row) for more than
    2x that many coefficients up front is the cost bug below (the default max_terms is 200)."""
    import verify.gegenbauer as gmod

    requested: list[int] = []
    real_engine, real_row = gmod.sphere_coefficients, gmod.gegenbauer_coefficients

    def spy_engine(act, max_degree, **kw):
        requested.append(max_degree)
        return real_engine(act, max_degree, **kw)

    def spy_row(act, max_degree, **kw):
        requested.append(max_degree)
        return real_row(act, max_degree, **kw)

    monkeypatch.setattr(gmod, "sphere_coefficients", spy_engine)
    monkeypatch.setattr(gmod, "gegenbauer_coefficients", spy_row)
    # r = 9/8: a row no other test computes, so the engine is really called here
    ball, terms = sphere_dual_kernel(activation("sigmoid"), arb(1) / 3, d=4, r=sp.Rational(9, 8))
    assert ball.is_finite() and terms <= 16
    assert requested and max(requested) <= 20, requested


# ---------------------------------------------------------------------------------------------
# The Hermite limit (C12, C13/C14).

_X = sp.Symbol("x")


@settings(max_examples=20)
@given(k=st.integers(0, 8), t=_rationals(-3, 3))
def test_hermite_limit_polynomial_error_is_order_one_over_d(k: int, t: fmpq) -> None:
    """d^{k/2} P_{k,d}(t/sqrt d) = He_k(t) + q_k(t)/d + O(1/d^2), so e(d) = d * error is
    bounded (here by 20 k^2 (1+|t|)^(k+2)) and converges: its increments shrink ~10x per
    decade, checked as |e(1e4) - e(1e3)| <= |e(1e3) - e(1e2)|/5 + (1+|t|)^(k+2)/1000 (the
    slack covers t near a zero of q_k). An O(1/sqrt d) error has increments growing ~3x."""
    poly = sp.Poly(sp.hermite_prob(k, _X), _X)
    he = sum((fmpq(int(c.p), int(c.q)) * t**i for (i,), c in poly.terms()), fmpq(0))
    e = {d: (hermite_limit_polynomial(k, d, t) - he) * d for d in (10, 100, 1000, 10_000)}
    if k <= 1:
        assert all(v == 0 for v in e.values())
        return
    scale = (1 + abs(t)) ** (k + 2)
    assert max(abs(v) for v in e.values()) <= 20 * k * k * scale
    assert abs(e[10_000] - e[1000]) <= abs(e[1000] - e[100]) / 5 + scale / 1000


def _relu_hermite(k: int) -> mpmath.mpf:
    """vw19.md C21: E[relu(g) He_k(g)] / sqrt(k!)."""
    if k == 0:
        return 1 / mpmath.sqrt(2 * mpmath.pi)
    if k == 1:
        return mpmath.mpf(1) / 2
    if k % 2:
        return mpmath.mpf(0)
    j = k // 2
    value = ((-1) ** (j + 1) * mpmath.factorial(2 * j)
             / (mpmath.sqrt(2 * mpmath.pi) * 2**j * mpmath.factorial(j) * (2 * j - 1)))
    return value / mpmath.sqrt(mpmath.factorial(k))


@pytest.mark.parametrize("k", [0, 2, 4, 6])
def test_hermite_limit_coefficient_converges_like_one_over_d(k: int) -> None:
    errors = []
    with mpmath.workdps(30):
        ref = arb(mpmath.nstr(_relu_hermite(k), 30))
    for d in (16, 64, 256, 1024):
        with workprec(120):
            errors.append(float((hermite_limit_coefficient(activation("relu"), k, d) - ref).mid()))
    for coarse, fine in zip(errors[:-1], errors[1:], strict=True):
        assert coarse * fine > 0
        assert 3.0 <= coarse / fine <= 5.0, errors  # d quadruples: error / ~4


def test_hermite_limit_coefficient_degree_one_is_exact() -> None:
    """a_1(relu; d, sqrt d) = sqrt(d) E[t^2]/2 and N(d,1) = d: sqrt(N) a_1 = 1/2 for every d."""
    for d in (4, 16, 100):
        with workprec(120):
            ball = hermite_limit_coefficient(activation("relu"), 1, d)
            assert ball.contains(arb(1) / 2) and ball.rad() < arb("1e-20")


def test_hermite_limit_coefficient_rejects_non_square_dimension() -> None:
    with pytest.raises(ValueError, match="d=10 must be a perfect square"):
        hermite_limit_coefficient(activation("relu"), 2, 10)
