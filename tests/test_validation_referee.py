"""Bad inputs to the referee, the two coefficient tiers, numbers and conventions: the exact
exception class and a one-line message that names the offending value (issue 13, item 9).

Style as tests/test_validation.py: one row per input, the ``raises_one_line`` rule from
tests/conftest.py. Every refusal here happens before any computation (a degree of 10**9 is
refused by its cap, not by running out of memory).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import sympy as sp
from flint import arb, fmpq

from verify import conventions, gegenbauer, hermite, kernels, numbers, orthopoly, referee
from verify.activations import activation

RELU, SIGMOID = activation("relu"), activation("sigmoid")
HALF = sp.Rational(1, 2)
NAN, INF = float("nan"), float("inf")


def _kernel(rho: Any, **kw: Any) -> Callable[[], Any]:
    return lambda: referee.check_kernel_claim(RELU, rho, "1/(2*pi)", **kw)


def _coeff(**kw: Any) -> Callable[[], Any]:
    args = {"act": RELU, "k": 2, "value": "0"} | kw
    return lambda: referee.check_coefficient_claim(args.pop("act"), args.pop("k"),
                                                   args.pop("value"), **args)


def _formula(degrees: Any) -> Callable[[], Any]:
    return lambda: referee.check_formula_claim(RELU, "0", degrees)


CASES = [
    # referee.check_kernel_claim: rho
    pytest.param(_kernel(NAN), ValueError, ["rho=nan", "finite"], id="kernel-rho-nan"),
    pytest.param(_kernel(INF), ValueError, ["rho=inf", "finite"], id="kernel-rho-inf"),
    pytest.param(_kernel(True), TypeError, ["rho=True", "bool"], id="kernel-rho-bool"),
    pytest.param(_kernel(np.bool_(False)), TypeError, ["rho=np.False_", "bool"],
                 id="kernel-rho-numpy-bool"),
    pytest.param(_kernel(2), ValueError, ["rho=2", "[-1, 1]"], id="kernel-rho-outside"),
    pytest.param(_kernel(sp.Rational(-3, 2)), ValueError, ["rho=-3/2", "[-1, 1]"],
                 id="kernel-rho-rational-outside"),
    pytest.param(_kernel("1/2"), TypeError, ["rho='1/2'", "exact number"],
                 id="kernel-rho-string"),
    pytest.param(_kernel(HALF, digits=0), ValueError, ["digits=0", "from 1 to"],
                 id="kernel-digits-zero"),
    # referee.check_formula_claim: degrees
    pytest.param(_formula([-1, 2]), ValueError, ["degrees[0]=-1", "non-negative"],
                 id="formula-negative-degree"),
    pytest.param(_formula([2, True]), TypeError, ["degrees[1]=True", "integer"],
                 id="formula-bool-degree"),
    pytest.param(_formula([]), ValueError, ["degrees=[]", "non-empty"],
                 id="formula-no-degrees"),
    pytest.param(_formula([10**9]), ValueError, ["degrees[0]=1000000000", "at most"],
                 id="formula-huge-degree"),
    pytest.param(_formula("2:4"), TypeError, ["degrees='2:4'", "sequence"],
                 id="formula-degrees-string"),
    # referee.check_coefficient_claim
    pytest.param(_coeff(k=-1), ValueError, ["degree=-1", "non-negative"],
                 id="coeff-negative-degree"),
    pytest.param(_coeff(k=np.bool_(True)), TypeError, ["degree=np.True_", "integer"],
                 id="coeff-numpy-bool-degree"),
    pytest.param(_coeff(k=2.0), TypeError, ["degree=2.0", "integer"], id="coeff-float-degree"),
    pytest.param(_coeff(digits=True), TypeError, ["digits=True", "integer"],
                 id="coeff-digits-bool"),
    pytest.param(_coeff(digits=NAN), TypeError, ["digits=nan", "integer"],
                 id="coeff-digits-nan"),
    pytest.param(_coeff(value=0.1), TypeError, ["value=0.1", "float"], id="coeff-value-float"),
    pytest.param(_coeff(value=True), TypeError, ["value=True"], id="coeff-value-bool"),
    pytest.param(_coeff(basis="hermite"), TypeError, ["basis='hermite'", "Basis"],
                 id="coeff-basis-string"),
    pytest.param(_coeff(half_width=sp.Integer(-1)), ValueError, ["half_width=-1", "positive"],
                 id="coeff-negative-half-width"),
    pytest.param(_coeff(act=3), TypeError, ["act=3", "Activation"], id="coeff-act-int"),
    pytest.param(lambda: referee.Basis("gegenbauer", True), TypeError, ["d=True", "integer"],
                 id="basis-dim-bool"),
    pytest.param(lambda: referee.Basis("legendre"), ValueError, ["basis='legendre'"],
                 id="basis-unknown"),
    # hermite
    pytest.param(lambda: hermite.certified_coefficient(SIGMOID, 3, digits=0), ValueError,
                 ["digits=0", "from 1 to"], id="certified-digits-zero"),
    pytest.param(lambda: hermite.certified_coefficient(SIGMOID, 3, digits=np.bool_(True)),
                 TypeError, ["digits=np.True_", "integer"], id="certified-digits-numpy-bool"),
    pytest.param(lambda: hermite.certified_coefficient(SIGMOID, 10**9), ValueError,
                 ["k=1000000000", "at most 1000"], id="certified-huge-degree"),
    pytest.param(lambda: hermite.certified_coefficient("sigmoid", -1), ValueError,
                 ["k=-1"], id="certified-negative-degree"),
    pytest.param(lambda: hermite.hermite_coefficients(RELU, 10**9), ValueError,
                 ["max_degree=1000000000", "at most 10000"], id="exact-huge-degree"),
    pytest.param(lambda: hermite.hermite_coefficients(SIGMOID, 10**5, tier="float"),
                 ValueError, ["max_degree=100000", "at most 2000"], id="float-huge-degree"),
    pytest.param(lambda: hermite.hermite_coefficients(RELU, 5, tier="fast"), ValueError,
                 ["tier='fast'"], id="unknown-tier"),
    pytest.param(lambda: kernels.dual_kernel(RELU, NAN), ValueError, ["rho=nan"],
                 id="dual-kernel-rho-nan"),
    pytest.param(lambda: kernels.dual_kernel(RELU, fmpq(1, 2), max_terms=0), ValueError,
                 ["max_terms=0", "from 1"], id="dual-kernel-no-terms"),
    pytest.param(lambda: kernels.dual_kernel(RELU, fmpq(1, 2), max_terms=True), TypeError,
                 ["max_terms=True", "integer"], id="dual-kernel-terms-bool"),
    pytest.param(lambda: kernels.dual_kernel(RELU, fmpq(1, 2), max_terms=10**9), ValueError,
                 ["max_terms=1000000000"], id="dual-kernel-huge-terms"),
    pytest.param(lambda: kernels.cross_kernel(RELU, RELU, 0.5), TypeError,
                 ["rhos=0.5", "sequence"], id="cross-kernel-rhos-scalar"),
    pytest.param(lambda: kernels.check_rho(arb("nan")), ValueError, ["rho=nan"],
                 id="check-rho-nan-ball"),
    pytest.param(lambda: kernels.check_rho(-INF), ValueError, ["rho=-inf"],
                 id="check-rho-minus-inf"),
    pytest.param(lambda: kernels.dual_kernel_coefficient(RELU, fmpq(1, 2), digits=-3),
                 ValueError, ["digits=-3"], id="kernel-coefficient-negative-digits"),
    # gegenbauer
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 3, d=True), TypeError,
                 ["d=True", "integer"], id="sphere-dim-bool"),
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 3, d=1), ValueError,
                 ["d=1", ">= 2"], id="sphere-dim-one"),
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 3, d=10**12), ValueError,
                 ["d=1000000000000", "at most"], id="sphere-dim-huge"),
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 3, d=3, r=NAN), ValueError,
                 ["r=nan", "finite"], id="sphere-radius-nan"),
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 3, d=3, r=True), TypeError,
                 ["r=True"], id="sphere-radius-bool"),
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 3, d=3, r=-1), ValueError,
                 ["r=-1", "positive"], id="sphere-radius-negative"),
    pytest.param(lambda: gegenbauer.gegenbauer_coefficients(RELU, 10**9, d=3), ValueError,
                 ["max_degree=1000000000", "at most"], id="sphere-huge-degree"),
    pytest.param(lambda: gegenbauer.certified_sphere_coefficient(SIGMOID, -2, d=3), ValueError,
                 ["k=-2"], id="sphere-certified-negative-degree"),
    pytest.param(lambda: gegenbauer.certified_sphere_coefficient(SIGMOID, 2, d=3, digits=0),
                 ValueError, ["digits=0"], id="sphere-certified-digits-zero"),
    pytest.param(lambda: kernels.sphere_dual_kernel(RELU, INF, d=3), ValueError,
                 ["rho=inf"], id="sphere-kernel-rho-inf"),
    pytest.param(lambda: kernels.sphere_dual_kernel(RELU, fmpq(1, 2), d=3, max_terms=-1),
                 ValueError, ["max_terms=-1"], id="sphere-kernel-negative-terms"),
    pytest.param(lambda: gegenbauer.funk_hecke(RELU, 2, d=3, normalization="area"),
                 ValueError, ["normalization='area'"], id="funk-hecke-normalization"),
    # numbers
    pytest.param(lambda: numbers.check_digits(np.bool_(True)), TypeError,
                 ["digits=np.True_", "integer"], id="digits-numpy-bool"),
    pytest.param(lambda: numbers.check_digits(NAN), TypeError, ["digits=nan", "integer"],
                 id="digits-nan"),
    pytest.param(lambda: numbers.check_digits(10**6), ValueError,
                 ["digits=1000000", "from 1 to"], id="digits-huge"),
    pytest.param(lambda: numbers.report_ball(arb("nan"), 5), numbers.NonFiniteBall,
                 ["not a finite ball", "bug"], id="report-nan-ball"),
    pytest.param(lambda: numbers.Coefficient(1, "certified", arb(0, INF), None, "m", False),
                 numbers.NonFiniteBall, ["coefficient 1", "not a finite ball"],
                 id="coefficient-infinite-ball"),
    # conventions
    pytest.param(lambda: conventions.check_degree(np.bool_(True)), TypeError,
                 ["k=np.True_", "integer"], id="degree-numpy-bool"),
    pytest.param(lambda: conventions.check_degree(NAN), TypeError, ["k=nan", "integer"],
                 id="degree-nan"),
    pytest.param(lambda: conventions.check_degree(10**9), ValueError,
                 ["k=1000000000", "at most 10000"], id="degree-huge"),
    pytest.param(lambda: conventions.check_dimension(np.bool_(True)), TypeError,
                 ["d=np.True_", "integer"], id="dimension-numpy-bool"),
    pytest.param(lambda: conventions.check_dimension(INF), TypeError, ["d=inf", "integer"],
                 id="dimension-inf"),
    pytest.param(lambda: conventions.check_dimension(10**9), ValueError,
                 ["d=1000000000", "at most"], id="dimension-huge"),
    pytest.param(lambda: orthopoly.hermite_prob_values(10**9, fmpq(0)), ValueError,
                 ["k_max=1000000000", "at most"], id="hermite-values-huge-degree"),
    pytest.param(lambda: orthopoly.hermite_normalized_scaled_float(10**9, np.zeros(3)),
                 ValueError, ["k_max=1000000000"], id="scaled-float-huge-degree"),
]


@pytest.mark.parametrize(("call", "exc", "fragments"), CASES)
def test_bad_input_raises_with_value_in_message(
    call: Callable[[], Any], exc: type[Exception], fragments: list[str], raises_one_line
) -> None:
    raises_one_line(call, exc, fragments)


def test_numpy_integers_are_integers() -> None:
    """The same values as numpy integers are accepted (only numpy bools are refused)."""
    assert conventions.check_degree(np.int64(3)) == 3
    assert conventions.check_dimension(np.int32(5)) == 5
    assert numbers.check_digits(np.int16(12)) == 12
    assert kernels.check_rho_exact(np.int64(0)) == 0
    assert kernels.check_rho_exact(0.5) == HALF  # a finite float is read exactly
    assert kernels.check_rho_exact(fmpq(-1, 3)) == sp.Rational(-1, 3)
    r = referee.check_formula_claim(RELU, "1/2", np.array([1]), digits=10)
    assert r.verdict.value == "verified"
