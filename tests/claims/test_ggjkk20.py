"""Tests of the private helpers behind the ggjkk20 catalogue (the global test runs the claims
and their planted variants; these check the pieces those claims rest on). The mathematics the
package takes from the core is tested on the public names in tests/reference/
(test_orthopoly_ggjkk20.py, test_moments_ggjkk20.py, test_secondary.py)."""

from __future__ import annotations

import importlib
import random
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from flint import arb, fmpq

from verify.checks import Verdict
from verify.claims import catalogue
from verify.claims.ggjkk20 import _common as c
from verify.claims.ggjkk20 import _norms as n
from verify.claims.ggjkk20 import finite_difference, orthogonality, symmetry
from verify.combinatorics import multinomial, odd_compositions
from verify.networks import Network, parity_network
from verify.numbers import workprec


def test_the_package_registers_every_entry() -> None:
    importlib.import_module("verify.claims.ggjkk20")
    ids = [e.id for e in catalogue() if e.paper == "ggjkk20"]
    assert ids == ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A10b", "A11",
                   "A12", "A13", "A14", "A15", "A16", "A17", "A18", "A19", "A20", "A21", "A22",
                   "A23"]
    entries = {e.id: e for e in catalogue()}
    assert len(entries["A6"].planted_variants) == 2
    assert all(entries[i].planted_variants for i in ids)


@pytest.mark.parametrize(("n_", "seed"), [(3, 1), (4, 3), (5, 4)])
def test_cayley_is_rational_orthogonal(n_: int, seed: int) -> None:
    q = c._cayley(n_, seed)
    for i in range(n_):
        for j in range(n_):
            dot = sum((q[i][t] * q[j][t] for t in range(n_)), Fraction(0))
            assert dot == (1 if i == j else 0)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 7, 10])
def test_inner_sum_bounds(k: int) -> None:
    """0 <= I_d <= 2 + (2^k - 2)((k-2)/k)^d, the bound behind the Hermite-form tail (A4)."""
    for d in range(k, k + 40, 2):
        value = Fraction(n._inner_sum(k, d), k**d)
        assert value >= 0
        with workprec(100):
            assert arb(value.numerator) / value.denominator <= n._inner_bound(k, d)


def test_inner_sum_is_the_weighted_count() -> None:
    for k in range(1, 6):
        for d in range(k, k + 9, 2):
            total = sum(multinomial(d, a) for a in odd_compositions(d, k))
            assert n._inner_sum(k, d) == 2**k * total


@pytest.mark.parametrize("k", [2, 4, 10])
def test_hermite_form_is_certified_to_the_profile_digits(k: int) -> None:
    """A4 for ReLU: the accelerated tail makes the Hermite form a ball of relative radius
    below 10^-20 that contains the exact norm (the old tail reached only 1e-3)."""
    value, _, _ = n._norm_hermite("relu", k, "", 20)
    exact = n._norm_dual("relu", k)
    with workprec(200):
        assert value.overlaps(exact)
        assert value.rad() < abs(exact) * arb(10) ** -20


def test_sigmoid_norm_forms_share_no_number_with_the_core(monkeypatch) -> None:
    """A4/A5/A12's catalogue side for the sigmoid (the Hermite form, the kernel series, the
    Wick moments) must not use the core's certified coefficients, which the other side uses."""
    import verify.hermite as hermite
    import verify.secondary as secondary

    def forbidden(*args: object, **kwargs: object) -> object:
        raise AssertionError("the catalogue's second method used the core's coefficients")

    for name in ("certified_coefficient", "hermite_coefficient", "hermite_coefficients",
                 "second_moment", "certified_coefficients"):
        if hasattr(hermite, name):
            monkeypatch.setattr(hermite, name, forbidden)
        for module in (n, finite_difference):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, forbidden)
    cached = (secondary.logistic_squared_coefficients, n._norm_hermite, n._norm_dual,
              n._sigmoid_c)
    for fn in cached:
        fn.cache_clear()
    try:
        value, _, _ = n._norm_hermite("sigmoid", 3, "", 20)
        dual = n._norm_dual("sigmoid", 3)
        wick, _ = finite_difference._a12_wick(c.SIGMOID, 3)
    finally:
        for fn in cached:
            fn.cache_clear()
    with workprec(200):
        assert value.overlaps(dual) and wick.is_finite()


def test_relu_kernel_from_the_core_matches_the_arc_cosine_formula() -> None:
    """The package takes ReLU's kernel from verify.kernels; at r < 0 every arccosine gets a
    non-negative argument (so A5's exact sums cancel on expansion)."""
    for r in (sp.Rational(-1), sp.Rational(-1, 2), sp.Rational(-1, 3), 0, sp.Rational(2, 5), 1):
        form = c._relu_kernel_sym(sp.Rational(r))
        r = sp.Rational(r)
        old = ((sp.sqrt(1 - r**2) + sp.acos(-r) * r) / (2 * sp.pi) if r < 0 else
               (sp.sqrt(1 - r**2) + (sp.pi - sp.acos(r)) * r) / (2 * sp.pi))  # first edition
        assert sp.expand(form - old) == 0
        assert all(not a.args[0].is_negative for a in form.atoms(sp.acos))
        with workprec(200):
            ball = c._relu_kernel_arb(fmpq(int(sp.Rational(r).p), int(sp.Rational(r).q)))
            rho = arb(fmpq(int(sp.Rational(r).p), int(sp.Rational(r).q)))
            direct = ((1 - rho * rho).sqrt() + (arb.pi() - rho.acos()) * rho) / (2 * arb.pi())
            assert ball.overlaps(direct) and ball.rad() < 1e-50


def test_mono_to_he_rows_expand_back_to_the_monomial() -> None:
    from flint import fmpq_poly

    from verify.orthopoly import hermite_prob_poly
    conv = c._mono_to_he(8)
    for m, row in conv.items():
        total = fmpq_poly([0])
        for deg, coeff in row:
            total += hermite_prob_poly(deg) * fmpq(int(coeff.numerator), int(coeff.denominator))
        assert total == fmpq_poly([0] * m + [1])


def test_shifted_control_value_and_symmetric_case() -> None:
    case = orthogonality._shifted_case(Fraction(1, 2))
    assert case.verdict is Verdict.VERIFIED
    assert abs(float(case.evidence["value"][:10]) - 0.18117) < 1e-4
    assert orthogonality._shifted_case(Fraction(0)).verdict is Verdict.REFUTED


def test_a14_proof_uses_the_matrix_not_the_network_operation() -> None:
    """A14's VERIFIED 'for every activation' is read off the network built from the matrix
    (weights W T); a network operation that disagrees with the matrix gives INCONCLUSIVE, a
    wrong sign is REFUTED by a certified point, and k beyond the SymPy range still proves."""
    rng = random.Random(0)
    f = parity_network(6, tuple(range(6)), c.RELU)
    neg = -np.eye(6, dtype=np.int64)
    ok = symmetry._a14_case(f, "x -> -x", symmetry._negated, neg, 1, rng, 3, 100)
    assert ok.verdict is Verdict.VERIFIED and "matrix" in ok.method
    wrong = symmetry._a14_case(f, "x -> -x", symmetry._negated, neg, -1, rng, 3, 100)
    assert wrong.verdict is Verdict.REFUTED

    def not_the_negation(g: Network) -> Network:
        return g.reflected(0)

    lying = symmetry._a14_case(f, "x -> -x", not_the_negation, neg, 1, rng, 3, 100)
    assert lying.verdict is Verdict.INCONCLUSIVE
