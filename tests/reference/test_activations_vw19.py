"""verify.activations.logistic_taylor_coefficient (vw19 C13/C26) against independent references.

Provenance: SymPy's ``series`` of ``1/(1 + exp(-x))`` (symbolic differentiation, not Bernoulli
numbers), mpmath's ``taylor`` at 40 digits, the identity ``sigmoid = 1/2 + tanh(x/2)/2`` with
SymPy's series of tanh, and the bound ``|tau_{2m-1}| <= (pi^2/3) pi^{-2m}`` used by the
catalogue's tail proof.
"""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy as sp
from flint import fmpq

from verify.activations import logistic_taylor_coefficient

X = sp.Symbol("x")


def test_against_sympy_series_of_the_logistic() -> None:
    series = sp.series(1 / (1 + sp.exp(-X)), X, 0, 16).removeO()
    for j in range(16):
        c = logistic_taylor_coefficient(j)
        assert sp.Rational(int(c.p), int(c.q)) == series.coeff(X, j), j


def test_against_tanh_half_and_mpmath_taylor() -> None:
    tanh = sp.series(sp.tanh(X / 2) / 2, X, 0, 30).removeO()
    with mpmath.workdps(40):
        mp = mpmath.taylor(lambda t: 1 / (1 + mpmath.exp(-t)), 0, 29)
    for j in range(1, 30):
        c = logistic_taylor_coefficient(j)
        assert sp.Rational(int(c.p), int(c.q)) == tanh.coeff(X, j), j
        assert abs(float(c) - float(mp[j])) <= 1e-30 + 1e-25 * abs(float(mp[j])), j


def test_derivatives_at_zero_and_the_tail_bound() -> None:
    assert math.factorial(1) * logistic_taylor_coefficient(1) == fmpq(1, 4)  # sigma'(0)
    assert math.factorial(3) * logistic_taylor_coefficient(3) == fmpq(-1, 8)
    for m in range(1, 40):
        c = logistic_taylor_coefficient(2 * m - 1)
        assert abs(float(c)) <= (math.pi**2 / 3) * math.pi ** (-2 * m) * (1 + 1e-12), m
        assert c != 0 and (c > 0) == (m % 2 == 1)  # signs alternate


@pytest.mark.parametrize(("j", "error"), [(-1, ValueError), (1.0, TypeError), (True, TypeError),
                                          ("3", TypeError)])
def test_validates(j: object, error: type) -> None:
    with pytest.raises(error, match="j="):
        logistic_taylor_coefficient(j)  # type: ignore[arg-type]
