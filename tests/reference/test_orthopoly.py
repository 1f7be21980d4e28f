"""verify.orthopoly against independent references.

Provenance of each reference:

* SymPy ``hermite_prob`` / ``hermite`` / ``gegenbauer`` / ``chebyshevt`` / ``legendre``
  (``polys/orthopolys.py``): exact coefficient generators, code independent of ours.
* mpmath ``hermite`` / ``gegenbauer`` at 50 digits (hypergeometric series).
* python-flint ``arb.hermite_h`` / ``arb.gegenbauer_c`` (Arb's hypergeometric evaluation), balls.
* SciPy ``eval_gegenbauer`` / ``eval_chebyt`` / ``eval_hermitenorm`` for the float tier.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
import scipy.special as sc
import sympy as sp
from flint import acb, arb, fmpq, fmpq_poly

from verify import orthopoly as op
from verify.numbers import workprec

X = sp.Symbol("x")


def _close(ball: arb, ref: mpmath.mpf, rel: float = 1e-40) -> bool:
    """The ball agrees with a 50-digit mpmath value to ``rel`` (relative)."""
    r = arb(mpmath.nstr(ref, 48))
    return bool(abs(ball - r) <= rel * abs(r))


def _sym(p: fmpq_poly) -> sp.Expr:
    return sum((sp.Rational(int(c.p), int(c.q)) * X**i for i, c in enumerate(p.coeffs())),
               sp.Integer(0))


@pytest.mark.parametrize("k", [0, 1, 2, 5, 12, 31])
def test_hermite_prob_polys_match_sympy(k):
    assert sp.expand(_sym(op.hermite_prob_poly(k)) - sp.hermite_prob(k, X)) == 0
    assert op.hermite_prob_coefficients(k) == [int(c) for c in op.hermite_prob_poly(k).coeffs()]


@pytest.mark.parametrize("k", [0, 1, 4, 9, 20])
def test_physicists_poly_and_bridge(k):
    h = op.hermite_phys_poly(k)
    assert sp.expand(sum(int(c) * X**i for i, c in enumerate(h.coeffs())) - sp.hermite(k, X)) == 0
    he = op.physicists_to_prob(k, [int(c) for c in h.coeffs()])
    assert he == list(op.hermite_prob_poly(k).coeffs())
    assert op.prob_to_physicists(k, he) == [fmpq(int(c)) for c in h.coeffs()]


def test_he_is_not_h():
    """The trap: He_2 = x^2 - 1 but H_2 = 4x^2 - 2."""
    assert op.hermite_prob(2, fmpq(1)) == 0
    assert int(op.hermite_phys_poly(2)(1)) == 2
    with pytest.raises(ValueError, match="parity"):
        op.physicists_to_prob(2, [0, 1])


@pytest.mark.parametrize("k", [0, 3, 10, 40])
def test_hermite_values_ball_vs_mpmath_and_flint(k):
    with workprec(200):
        x = arb("1.7")
        vals = op.hermite_prob_values(k, x)
        normed = op.hermite_normalized_values(k, x)
        with mpmath.workdps(50):
            ref = mpmath.hermite(k, mpmath.mpf("1.7") / mpmath.sqrt(2)) / mpmath.sqrt(2) ** k
        assert _close(vals[k], ref)
        flint_ref = (x / arb(2).sqrt()).hermite_h(k) / arb(2) ** (arb(k) / 2)
        assert vals[k].overlaps(flint_ref)
        assert normed[k].overlaps(vals[k] / arb.fac_ui(k).sqrt())


def test_hermite_normalized_is_orthonormal_scale():
    """h_k = He_k/sqrt(k!): at x = 0, h_4(0) = 3/sqrt(24) (not He_4(0) = 3)."""
    with workprec(100):
        v = op.hermite_normalized_values(4, fmpq(0))[4]
        assert v.overlaps(arb(3) / arb(24).sqrt())
        assert not v.overlaps(arb(3))


def test_hermite_complex_ball():
    z = acb("0.5", "0.25")
    with workprec(100):
        v = op.hermite_prob_values(6, z)[6]
        ref = op.hermite_prob_poly(6)
        exact = sum((acb(arb(c)) * z**i for i, c in enumerate(ref.coeffs())), acb(0))
        assert v.overlaps(exact)


def test_hermite_at_zero_and_mono_to_he():
    for k in range(12):
        assert op.hermite_prob_at_zero(k) == int(op.hermite_prob(k, fmpq(0)))
    for m in range(9):
        coeffs = op.monomial_to_hermite_prob(m)
        back = sum((c * op.hermite_prob_poly(j) for j, c in enumerate(coeffs)), fmpq_poly([0]))
        assert back == fmpq_poly([0] * m + [1])
    p = fmpq_poly([fmpq(1, 3), -2, 0, 5, fmpq(7, 2)])
    b = op.poly_to_hermite_prob(p)
    assert sum((c * op.hermite_prob_poly(j) for j, c in enumerate(b)), fmpq_poly([0])) == p


def test_hermite_float_vs_scipy():
    x = np.linspace(-6, 6, 41)
    rows = op.hermite_prob_float(15, x)
    for k in (0, 1, 7, 15):
        assert np.allclose(rows[k], sc.eval_hermitenorm(k, x), rtol=1e-12, atol=1e-12)
    scaled = op.hermite_normalized_scaled_float(15, x)
    ref = sc.eval_hermitenorm(15, x) / math.sqrt(math.factorial(15)) * np.exp(-x * x / 4)
    assert np.allclose(scaled[15], ref, rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("d", [2, 3, 4, 7, 10])
@pytest.mark.parametrize("k", [0, 1, 2, 6, 11])
def test_gegenbauer_sphere_polys_vs_sympy(k, d):
    p = op.gegenbauer_sphere_poly(k, d)
    if d == 2:
        ref = sp.chebyshevt(k, X)
    else:
        lam = sp.Rational(d - 2, 2)
        ref = sp.gegenbauer(k, lam, X) / sp.gegenbauer(k, lam, 1)
    assert sp.expand(_sym(p) - ref) == 0
    assert p(1) == 1  # P_{k,d}(1) = 1


def test_gegenbauer_d3_is_legendre_and_lambda():
    assert sp.expand(_sym(op.gegenbauer_sphere_poly(5, 3)) - sp.legendre(5, X)) == 0
    assert op.gegenbauer_lambda(3) == fmpq(1, 2)  # (d-2)/2, not (d-1)/2
    assert op.gegenbauer_lambda(2) == 0


@pytest.mark.parametrize("d", [2, 3, 10, 1000])
def test_gegenbauer_ball_vs_flint_and_mpmath(d):
    k = 25
    with workprec(200):
        t = arb("0.37")
        v = op.gegenbauer_sphere(k, d, t)
        if d == 2:
            ref = t.chebyshev_t(k)
        else:
            lam = arb(d - 2) / 2
            ref = t.gegenbauer_c(k, lam) / arb(1).gegenbauer_c(k, lam)
        assert v.overlaps(ref) and v.rad() < 1e-40
        if d > 2:
            with mpmath.workdps(50):
                lam_m = mpmath.mpf(d - 2) / 2
                m = mpmath.gegenbauer(k, lam_m, mpmath.mpf("0.37")) / mpmath.gegenbauer(k, lam_m, 1)
            assert _close(v, m)


def test_gegenbauer_values_complex_and_outside():
    with workprec(100):
        z = acb("0.2", "0.3")
        v = op.gegenbauer_sphere_values(6, 5, z)[6]
        exact = op.gegenbauer_sphere_poly(6, 5)
        assert v.overlaps(sum((acb(arb(c)) * z**i for i, c in enumerate(exact.coeffs())), acb(0)))
        big = op.gegenbauer_sphere(4, 5, arb(3))
        assert big.overlaps(arb(op.gegenbauer_sphere_poly(4, 5)(3)))


@pytest.mark.parametrize("d", [2, 3, 5, 10, 100])
def test_gegenbauer_float_vs_scipy(d):
    t = np.linspace(-0.999, 0.999, 57)
    rows = op.gegenbauer_sphere_float(60, d, t)
    for k in (0, 1, 13, 60):
        if d == 2:
            ref = sc.eval_chebyt(k, t)
        else:
            lam = (d - 2) / 2
            ref = sc.eval_gegenbauer(k, lam, t) / sc.eval_gegenbauer(k, lam, 1.0)
        assert np.allclose(rows[k], ref, rtol=1e-9, atol=1e-11)


@pytest.mark.parametrize("lam", [fmpq(1, 2), 1, fmpq(7, 3), 5])
def test_classical_c_vs_sympy_and_normalization(lam):
    lam_s = sp.Rational(int(fmpq(lam).p), int(fmpq(lam).q))
    t = fmpq(2, 7)
    vals = op.gegenbauer_c_values(9, lam, t)
    for k in (0, 1, 4, 9):
        ref = sp.gegenbauer(k, lam_s, sp.Rational(2, 7))
        assert sp.Rational(int(vals[k].p), int(vals[k].q)) == ref
        assert op.gegenbauer_c_at_one(k, lam) == fmpq(int(sp.gegenbauer(k, lam_s, 1).p),
                                                      int(sp.gegenbauer(k, lam_s, 1).q))
    d = int(2 * fmpq(lam) + 2) if (2 * fmpq(lam)).q == 1 else None
    if d is not None:
        assert vals[9] / op.gegenbauer_c_at_one(9, lam) == op.gegenbauer_sphere(9, d, t)
    with workprec(100):
        ball = op.gegenbauer_c_values(9, lam, arb(t))[9]
        assert ball.contains(arb(vals[9]))


@pytest.mark.parametrize("call, exc, msg", [
    (lambda: op.hermite_prob(True, fmpq(0)), TypeError, "non-negative integer"),
    (lambda: op.hermite_prob(-1, fmpq(0)), ValueError, "k >= 0"),
    (lambda: op.hermite_prob(2, True), TypeError, "not a bool"),
    (lambda: op.hermite_prob(2, float("nan")), ValueError, "finite"),
    (lambda: op.hermite_prob_values(3, arb("nan")), ValueError, "finite"),
    (lambda: op.hermite_prob_values(2, "1"), TypeError, "must be a number"),
    (lambda: op.hermite_prob_float(2, np.array([np.nan])), ValueError, "finite"),
    (lambda: op.gegenbauer_sphere(2, 1, fmpq(0)), ValueError, "d >= 2"),
    (lambda: op.gegenbauer_sphere(2, True, fmpq(0)), TypeError, "integer dimension"),
    (lambda: op.gegenbauer_sphere_values(2.0, 3, fmpq(0)), TypeError, "integer degree"),
    (lambda: op.gegenbauer_c_values(2, 0, fmpq(0)), ValueError, "lam=0 must be > 0"),
    (lambda: op.gegenbauer_c_values(2, 0.5, fmpq(0)), TypeError, "rational"),
    (lambda: op.gegenbauer_c_at_one(2, True), TypeError, "rational"),
    (lambda: op.poly_to_hermite_prob("x"), TypeError, "fmpq_poly"),
    (lambda: op.monomial_to_hermite_prob(-1), ValueError, "m >= 0"),
])
def test_validation(call, exc, msg):
    with pytest.raises(exc, match=msg):
        call()
