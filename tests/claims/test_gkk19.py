"""Checks specific to the gkk19 catalogue's private machinery (the global test runs every claim
and every planted variant)."""

import sympy as sp
from flint import acb, arb, fmpq, fmpq_poly

from verify.claims import gkk19
from verify.numbers import workprec


def test_half_line_moments_match_closed_forms() -> None:
    # int_0^oo x phi = 1/sqrt(2 pi), int_0^oo x^2 phi = 1/2, int_0^oo x^5 phi = 8/sqrt(2 pi)
    assert gkk19._half_line(fmpq_poly([0, 1])) == (fmpq(0), fmpq(1))
    assert gkk19._half_line(fmpq_poly([0, 0, 1])) == (fmpq(1, 2), fmpq(0))
    assert gkk19._half_moment(5) == (fmpq(0), fmpq(8))


def test_dawson_tail_sandwich_brackets_dawson() -> None:
    lo, hi = gkk19._dawson_tail_polys()
    with workprec(200):
        for s in (16, 20, 33):
            f = gkk19._dawson(acb(s)).real
            x = fmpq(1, s)
            assert arb(lo(x)) - arb("1e-90") < f < arb(hi(x)) + arb("1e-90")


def test_dawson_series_agrees_with_erfi_form() -> None:
    with workprec(200):
        for z in (acb("0.5"), acb("1.7", "0.3"), acb("3.2", "-0.4")):
            series = gkk19._dawson_over_z(z) * z
            direct = gkk19._dawson(z)
            assert (series - direct).real.contains(0) and (series - direct).imag.contains(0)
            assert abs(series - direct) < arb("1e-40")


def test_beta_two_from_dawson_matches_closed_form() -> None:
    beta = gkk19._beta_dawson(2, 25)
    closed = gkk19.arb_of((sp.sqrt(2) - 1) / sp.sqrt(2 * sp.pi))
    assert abs(beta - closed) < arb("1e-22")


def test_beta_hermite_series_brackets_dawson_value() -> None:
    total, tail, items = gkk19._beta_hermite(4, 200)
    beta = gkk19._beta_dawson(4, 20)
    assert abs(total - beta) <= tail
    assert all(term < 0 for term in items)  # sign (-1)^{k/2+1} = -1 for k = 4

