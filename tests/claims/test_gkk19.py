"""Checks specific to the gkk19 catalogue package (the global test runs every claim and every
planted variant). The core mathematics it calls is tested in tests/reference/
(test_moments_gkk19.py, test_special_gkk19.py, test_numbers_gkk19.py)."""

import importlib

import sympy as sp
from flint import arb

from verify.checks import Verdict
from verify.claims.base import REGISTRY, arb_of
from verify.claims.gkk19 import _common, beta, ridge
from verify.numbers import workprec

IDS = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12", "B13", "B15",
       "B16", "B17", "B18", "B19", "B20", "B21", "B22", "B23", "B24"]


def test_package_registers_every_claim() -> None:
    importlib.import_module("verify.claims.gkk19")
    assert sorted(k for k, v in REGISTRY.items() if v.paper == "gkk19") == sorted(IDS)


def test_beta_two_from_dawson_matches_closed_form() -> None:
    beta2 = beta.beta_dawson(2, 25)
    closed = arb_of((sp.sqrt(2) - 1) / sp.sqrt(2 * sp.pi))
    assert abs(beta2 - closed) < arb("1e-22")


def test_beta_hermite_series_brackets_dawson_value() -> None:
    with workprec(107):
        total, tail, items = beta.beta_hermite(4, 200, 107)
    value = beta.beta_dawson(4, 20)
    assert abs(total - value) <= tail
    assert all(term < 0 for term in items)  # sign (-1)^{k/2+1} = -1 for k = 4


def test_dawson_integral_is_finite_and_tight() -> None:
    # the integrand refuses wide complex balls (no enclosure) instead of summing ~|z|^2 terms
    for k in (2, 4, 12):
        integral = beta.dawson_integral(k, 107)
        assert integral.is_finite() and integral.rad() < arb("1e-24")


def test_identity_never_verifies_from_one_point() -> None:
    # x^2 = x holds at x = 1: the first edition's _identity returned VERIFIED (exact) there
    x = sp.Symbol("x")
    res = _common.identity("x^2 = x", x**2, x, point={x: 1})
    assert res.verdict is Verdict.INCONCLUSIVE
    assert _common.identity("x^2 = x", x**2, x, point={x: 2}).verdict is Verdict.REFUTED
    assert _common.identity("(x+1)^2", (x + 1) ** 2, x**2 + 2 * x + 1,
                            point={x: 1}).verdict is Verdict.VERIFIED


def test_planted_difference_refutes_only_off_its_zeros() -> None:
    x1, x2 = sp.symbols("x1:3")
    diff = x1 * x2
    assert ridge._differs_at("x1 x2 = 0", diff, {x1: 1, x2: 1}).verdict is Verdict.REFUTED
    # the first edition's _nonzero_poly returned VERIFIED when the difference vanished there
    assert ridge._differs_at("x1 x2 = 0", diff, {x1: 0, x2: 1}).verdict is Verdict.INCONCLUSIVE
