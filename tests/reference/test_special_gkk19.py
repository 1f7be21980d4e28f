"""Dawson's function as gkk19 uses it (moved from tests/claims/test_gkk19.py onto the public core
names): the series near 0 against the erfi form, and the asymptotic sandwich past s = 16."""

from flint import acb, arb, fmpq

from verify.numbers import workprec
from verify.special import dawson, dawson_asymptotic, dawson_over_z


def test_dawson_tail_sandwich_brackets_dawson() -> None:
    with workprec(200):
        asym = dawson_asymptotic(12, 4)
        for s in (16, 20, 33):
            f = dawson(s)
            x = fmpq(1, s)
            boundary = asym.boundary * arb(16 - s * s).exp()
            assert arb(asym.lo(x)) + boundary - arb("1e-90") < f
            assert f < arb(asym.hi(x)) + boundary + arb("1e-90")


def test_dawson_boundary_term_is_small_and_positive() -> None:
    with workprec(200):
        boundary = dawson_asymptotic(12, 4).boundary
        assert arb("7.3e-8") < boundary < arb("7.4e-8")


def test_dawson_series_agrees_with_erfi_form() -> None:
    with workprec(200):
        for z in (acb("0.5"), acb("1.7", "0.3"), acb("3.2", "-0.4")):
            series = dawson_over_z(z) * z
            direct = dawson(z)
            assert (series - direct).real.contains(0) and (series - direct).imag.contains(0)
            assert abs(series - direct) < arb("1e-40")
