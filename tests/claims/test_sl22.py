"""Tests of the private helpers behind the sl22 catalogue (the global run of every claim and
planted variant lives elsewhere): each helper against an independent computation."""

from fractions import Fraction

import mpmath
import pytest
from flint import arb

from verify.claims import sl22
from verify.numbers import workprec


def test_bessel_cdf_matches_mpmath_quadrature() -> None:
    """F_d(x) = int_0^x (d/t) J_{d/2}(c t)^2 dt: the closed-form Bessel sum against mpmath."""
    mpmath.mp.dps = 30
    for d in (2, 3, 5):
        r_d = mpmath.gamma(mpmath.mpf(d) / 2 + 1) ** (mpmath.mpf(1) / d) / mpmath.sqrt(mpmath.pi)
        c = 2 * mpmath.pi * mpmath.sqrt(d) * r_d
        ref = mpmath.quad(lambda t, d=d, c=c: d / t * mpmath.besselj(mpmath.mpf(d) / 2, c * t) ** 2,
                          mpmath.linspace(0, 1, 9))
        val = sl22._bessel_cdf(d, Fraction(1))
        assert abs(float(val.mid()) - float(ref)) < 1e-12
        assert float(val.rad()) < 1e-20


def test_owen_t_two_algorithms_and_mpmath() -> None:
    with workprec(128):
        for h, a in ((0.5, 0.3), (1.4, 0.7), (2.0, 0.1)):
            hb, ab = arb(h), arb(a)
            s = sl22._owen_t_series(hb, ab)
            i = sl22._owen_t_integral(hb, ab)
            assert s.overlaps(i)
            ref = mpmath.quad(lambda x, h=h: mpmath.exp(-h * h * (1 + x * x) / 2) / (1 + x * x),
                              [0, a]) / (2 * mpmath.pi)
            assert abs(float(s.mid()) - float(ref)) < 1e-14


def test_owen_series_rejects_large_a() -> None:
    with pytest.raises(ValueError, match="a=.*must lie in"):
        sl22._owen_t_series(arb(1), arb(2))


def test_regularized_lower_gamma_matches_mpmath() -> None:
    with workprec(128):
        for a, x in ((1.5, 1.5), (50, 50), (5, 20)):
            val = sl22._reg_lower_gamma(arb(a), arb(x))
            ref = mpmath.gammainc(a, 0, x, regularized=True)
            assert abs(float(val.mid()) - float(ref)) < 1e-14


def test_sign_change_count_and_total_variation() -> None:
    """d = 5, m = 1: two sign changes (4 sqrt 5 is irrational), coefficients -+1, +-2, +-2, +-1;
    d = 4, m = 1: 4 m sqrt d = 8 is an integer, one sign change."""
    js, is_int = sl22._osc_pieces(5, 1)
    assert (len(js), is_int) == (2, False)
    js, is_int = sl22._osc_pieces(4, 1)
    assert (len(js), is_int) == (1, True)


def test_exact_residual_is_below_the_norm_of_the_target() -> None:
    res = sl22._residual_exact(9, 2)
    assert 0 < float(Fraction(int(res.p), int(res.q))) < 0.25


def test_m_of_eps() -> None:
    assert sl22._m_of_eps(Fraction(1, 400)) == 0
    assert sl22._m_of_eps(Fraction(1, 1764)) == 2
    assert sl22._m_of_eps(Fraction(1, 784)) == 1
