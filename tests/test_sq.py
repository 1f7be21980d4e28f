"""SQ/CSQ bounds: exact values, the Bessel counting behind them, vacuous bounds said so."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp

from verify.sq import boolean_sq_lower_bound, csq_lower_bound, parity_family_bounds


def test_exact_values_and_the_boolean_factor() -> None:
    b = csq_lower_bound(m=12870, tau="1/10", norm_sq=sp.Rational(1, 2))
    assert b.queries == sp.Rational(12869, 100) * 2
    assert boolean_sq_lower_bound(m=12870, tau="1/10", norm_sq=sp.Rational(1, 2)).queries \
        == b.queries / 4
    assert "vacuous" not in b.statement


def test_a_bound_below_one_is_called_vacuous() -> None:
    b = csq_lower_bound(m=15, tau="1/100")
    assert b.queries == sp.Rational(7, 5000) and "vacuous" in b.statement


def test_bessel_counting_on_the_walsh_basis() -> None:
    # The counting behind q >= (m-1) tau^2: for orthonormal g_i and a unit query phi,
    # sum_i <phi, g_i>^2 <= 1, so at most 1/tau^2 of them have |<phi, g_i>| > tau.
    n = 6
    cube = np.array(list(itertools.product((-1, 1), repeat=n)), dtype=float)
    walsh = np.array([np.prod(cube[:, list(s)], axis=1) for r in range(n + 1)
                      for s in itertools.combinations(range(n), r)])
    rng = np.random.default_rng(0)
    for tau in (0.1, 0.2, 0.3):
        for _ in range(50):
            phi = rng.standard_normal(len(cube)) * (rng.random(len(cube)) < 0.2)
            phi /= np.sqrt(np.mean(phi**2))
            corr = walsh @ phi / len(cube)
            assert np.sum(corr**2) <= 1 + 1e-12
            assert np.count_nonzero(np.abs(corr) > tau) <= 1 / tau**2


def test_parity_family_formulas() -> None:
    out = parity_family_bounds(16, 8)
    assert out["m"] == 12870
    n, k, tau, eta2 = sp.symbols("n k tau eta2", positive=True)
    assert sp.simplify(out["csq_formula"] - (sp.binomial(n, k) - 1) * tau**2 / eta2) == 0


@pytest.mark.parametrize("kwargs,match", [
    ({"m": 0, "tau": "1/10"}, "m=0"), ({"m": 3, "tau": 0}, "tau=0"),
    ({"m": 3, "tau": 2}, "tau=2"), ({"m": 3, "tau": "1/10", "norm_sq": 0}, "degenerate")])
def test_bad_input(kwargs, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        csq_lower_bound(**kwargs)
