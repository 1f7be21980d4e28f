"""The special functions sl22's catalogue uses, at the paper's own arguments and conventions,
against independent references (mpmath): moved from tests/claims/test_sl22.py onto the public
names of :mod:`verify.special` (issue 14)."""

from fractions import Fraction

import mpmath
import pytest
from flint import arb, fmpq

from verify import measures, special
from verify.numbers import workprec


def _mp(q: object) -> mpmath.mpf:
    f = Fraction(q)  # type: ignore[arg-type]
    return mpmath.mpf(f.numerator) / f.denominator


def _mp_r_d(d: int) -> mpmath.mpf:
    return mpmath.gamma(mpmath.mpf(d) / 2 + 1) ** (mpmath.mpf(1) / d) / mpmath.sqrt(mpmath.pi)


@pytest.mark.parametrize("d", [2, 3, 5])
def test_bessel_component_cdf_matches_mpmath_quadrature(d: int) -> None:
    """sl22's F_d(1) = int_0^1 (d/t) J_{d/2}(c t)^2 dt, c = 2 pi sqrt(d) R_d (alpha = 1), is
    bessel_square_cdf(d/2, c): the closed-form Bessel sum against mpmath at 30 digits."""
    with mpmath.workdps(30):
        c_mp = 2 * mpmath.pi * mpmath.sqrt(d) * _mp_r_d(d)
        ref = mpmath.quad(lambda t: d / t * mpmath.besselj(mpmath.mpf(d) / 2, c_mp * t) ** 2,
                          mpmath.linspace(0, 1, 9))
    with workprec(128):
        c = 2 * arb.pi() * arb(d).sqrt() * special.unit_volume_ball_radius(d)
        val = special.bessel_square_cdf(arb(d) / 2, lambda: c)
        quad = special.bessel_square_cdf_quadrature(arb(d) / 2, c)
    assert abs(float(val.mid()) - float(ref)) < 1e-12
    assert float(val.rad()) < 1e-20
    assert val.overlaps(quad)


@pytest.mark.parametrize("d", [2, 5])
def test_bessel_square_quadrature_convention_is_the_cdf(d: int) -> None:
    """The core's quadrature returns 2 nu int_0^X J_nu^2/t (the CDF); sl22's old helper
    returned the integral without the factor d = 2 nu: check the factor against mpmath."""
    x = 7
    with mpmath.workdps(25):
        ref = mpmath.quad(lambda t: mpmath.besselj(mpmath.mpf(d) / 2, t) ** 2 / t,
                          mpmath.linspace(0, x, 8))
    with workprec(100):
        val = special.bessel_square_cdf_quadrature(fmpq(d, 2), x)
    assert abs(float(val.mid()) / d - float(ref)) < 1e-15


@pytest.mark.parametrize(("h", "a"), [(Fraction(1, 2), Fraction(3, 10)),
                                      (Fraction(7, 5), Fraction(7, 10)),
                                      (Fraction(2), Fraction(1, 10))])
def test_owen_t_two_algorithms_and_mpmath(h: Fraction, a: Fraction) -> None:
    with mpmath.workdps(30):
        ref = mpmath.quad(lambda x: mpmath.exp(-_mp(h) ** 2 * (1 + x * x) / 2) / (1 + x * x),
                          [0, _mp(a)]) / (2 * mpmath.pi)
    with workprec(128):
        s = special.owen_t_series(h, a)
        i = special.owen_t_integral(h, a)
        both = special.owen_t(h, a)
    assert s.overlaps(i) and both.overlaps(s)
    assert abs(float(s.mid()) - float(ref)) < 1e-14
    assert float(s.rad()) < 1e-30


def test_owen_series_refuses_a_beyond_its_domain() -> None:
    with pytest.raises(ValueError, match="a=.*must lie in"):
        special.owen_t_series(1, 2)


@pytest.mark.parametrize(("a", "x"), [(Fraction(3, 2), Fraction(3, 2)), (50, 50), (5, 20)])
def test_regularized_lower_gamma_series_matches_mpmath(a: object, x: object) -> None:
    ref = mpmath.gammainc(_mp(a), 0, _mp(x), regularized=True)
    with workprec(128):
        val = special.reg_lower_gamma_series(a, x)  # type: ignore[arg-type]
        flint_val = special.reg_lower_gamma(a, x)  # type: ignore[arg-type]
    assert abs(float(val.mid()) - float(ref)) < 1e-14
    assert val.overlaps(flint_val)


def test_landau_bound_is_the_one_constant() -> None:
    """measures' rejection envelope and sl22's D3 tail use the same Landau bound 0.7858."""
    assert measures._LANDAU_C == float(special.LANDAU_UPPER) == 0.7858
    c = special.landau_constant()
    assert c.upper() <= arb(special.LANDAU_UPPER) + arb(10) ** -12 and c.lower() > arb("0.7857")
