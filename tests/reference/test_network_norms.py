"""Squared norms of the GGJKK parity networks under N(0, I), against independent references.

``f_S(x) = sum_{w in {+-1}^k} chi(w) sigma(<w, x_S>/sqrt(k))`` with +-1 output weights
(papers/ggjkk20.md §1). The package computes ``|f_S|^2`` by grouping the ``4^k`` unit pairs into
invariant classes in integer arithmetic and evaluating the dual kernel once per class
(:func:`verify.gram.parity_norm_dual_kernel`, A5), and by the Hermite series with a proved
tail (:func:`verify.gram.parity_norm_hermite`, A4).

References, and why each is independent of that code:

* **Closed forms A24** (``2 - 4/pi`` at k=2, ``8/3 + 16(3 - 2 sqrt 3)/pi`` at k=4), derived by
  hand in papers/ggjkk20.md §5.1; compared with ``sympy.simplify`` of the difference.
* **The printed table of papers/ggjkk20.md §3.3** (the note's author: mpmath at 25-30 digits,
  exact enumeration), compared to the digits printed: the package's ball must lie inside the
  half-unit-in-the-last-place interval around the printed decimal.
* **A brute-force double sum in mpmath**: ``sum_w sum_v chi(w) chi(v) K(<w, v>/k)`` over all
  ``4^k`` pairs of sign patterns, with the arc-cosine kernel ``K`` written out here with mpmath
  functions (``mpmath.acos``, ``mpmath.sqrt``), no grouping into classes, no SymPy, no Arb.
* **Monte Carlo** with its own numpy evaluation of ``f_S`` (not ``Network.evaluate``), seeded,
  accepted within 5 standard errors.
* **A8**: the degree-k lower bound ``4^k k!/k^k c_k^2`` lies below the norm, with the ratios the
  note reports (0.88 at k=2, 0.16 at k=8 for ReLU).
"""

from __future__ import annotations

import functools
import itertools
import math
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import scipy.special
import sympy as sp
from flint import arb, fmpq

from verify.activations import activation
from verify.gram import (
    gaussian_inner_product,
    parity_norm_dual_kernel,
    parity_norm_hermite,
    parity_norm_lower_bound,
)
from verify.networks import parity_network
from verify.numbers import workprec

RELU = activation("relu")
SIGMOID = activation("sigmoid")

# papers/ggjkk20.md §3.3, "Exact values" table (+-1 output weights, N(0, I)); k = 12 from the
# line "More ReLU values". Strings exactly as printed.
RELU_NORM = {1: "1", 2: "0.726760", 3: "0", 4: "0.303017", 5: "0", 6: "0.429233", 7: "0",
             8: "0.873950", 9: "0", 10: "2.122027", 11: "0", 12: "5.71710"}
RELU_BOUND = {1: "1", 2: "0.636620", 3: "0", 4: "0.159155", 5: "0", 6: "0.125752", 7: "0",
              8: "0.139882", 9: "0", 10: "0.183992", 11: "0"}
SIGMOID_NORM = {1: "0.173516", 3: "0.00982854", 5: "0.00154703", 7: "3.71188e-4"}
SIGMOID_BOUND = {1: "0.170769", 3: "0.00922861", 5: "0.00135816", 7: "2.98934e-4"}


def _rounds_to(ball: arb, printed: str) -> bool:
    """True when every point of ``ball`` rounds to ``printed`` (half a unit in its last place).

    A printed "0" or "1" is read as exact: the ball must then contain the integer and have a
    radius below 1e-15 (these entries are exact zeros / ones in the note)."""
    value = Decimal(printed)
    if printed in ("0", "1"):
        return bool(ball.contains(int(printed))) and float(ball.rad()) < 1e-15
    half = Fraction(1, 2) * Fraction(10) ** value.as_tuple().exponent
    centre = Fraction(value)
    lo, hi = centre - half, centre + half
    with workprec(200):
        return bool(ball.lower() >= arb(fmpq(lo.numerator, lo.denominator))
                    and ball.upper() <= arb(fmpq(hi.numerator, hi.denominator)))


def test_rounds_to_helper_rejects_a_wrong_last_digit():
    # The comparison used below must be able to fail: 0.7267604552... does not round to 0.726761.
    ball = arb("0.726760455264837")
    assert _rounds_to(ball, "0.726760")
    assert not _rounds_to(ball, "0.726761")
    assert not _rounds_to(ball, "0.72677")


# ---------------------------------------------------------------------------------------------
# Closed forms (A24).

@pytest.mark.parametrize(("k", "closed"), [
    (2, 2 - 4 / sp.pi),
    (4, sp.Rational(8, 3) + 16 * (3 - 2 * sp.sqrt(3)) / sp.pi),
])
def test_relu_parity_norm_exact_closed_form(k, closed):
    f = parity_network(k + 1, tuple(range(k)), RELU)  # one unused coordinate
    exact, ball, method = gaussian_inner_product(f, f)
    assert exact is not None, method
    assert sp.simplify(exact - closed) == 0, exact
    assert ball.overlaps(_sympy_ball(closed))


def test_relu_exact_norm_differs_from_a_planted_closed_form():
    # The same comparison refuses 2 - 2/pi (a wrong constant): sympy.simplify is not vacuous.
    f = parity_network(2, (0, 1), RELU)
    exact, _, _ = gaussian_inner_product(f, f)
    assert sp.simplify(exact - (2 - 2 / sp.pi)) != 0


def _sympy_ball(expr: sp.Expr) -> arb:
    from verify.expressions import arb_value

    with workprec(120):
        return arb_value(expr)


# ---------------------------------------------------------------------------------------------
# The printed table (§3.3), to the digits printed.

@pytest.mark.parametrize("k", sorted(RELU_NORM))
def test_relu_norm_table(k):
    exact, ball, _ = parity_norm_dual_kernel(k, RELU)
    assert _rounds_to(ball, RELU_NORM[k]), (k, ball)
    if k % 2 and k >= 3:
        # A9: odd k >= 3 makes f_S identically zero; the class sum must cancel exactly.
        assert exact is not None and sp.simplify(exact) == 0, exact


@pytest.mark.parametrize("k", sorted(RELU_BOUND))
def test_relu_lower_bound_table(k):
    assert _rounds_to(parity_norm_lower_bound(k, RELU), RELU_BOUND[k]), k


@pytest.fixture(scope="module")
def sigmoid_norms() -> dict[int, arb]:
    return {k: parity_norm_dual_kernel(k, SIGMOID, digits=12)[1] for k in SIGMOID_NORM}


@pytest.mark.parametrize("k", sorted(SIGMOID_NORM))
def test_sigmoid_norm_table(sigmoid_norms, k):
    assert _rounds_to(sigmoid_norms[k], SIGMOID_NORM[k]), (k, sigmoid_norms[k])


@pytest.mark.parametrize("k", sorted(SIGMOID_BOUND))
def test_sigmoid_lower_bound_table(sigmoid_norms, k):
    lower = parity_norm_lower_bound(k, SIGMOID, digits=12)
    assert _rounds_to(lower, SIGMOID_BOUND[k]), (k, lower)
    assert lower < sigmoid_norms[k]


# ---------------------------------------------------------------------------------------------
# A8: lower bound <= norm, and the ratios reported in the note.

@pytest.mark.parametrize(("k", "ratio"), [(2, "0.88"), (8, "0.16")])
def test_relu_lower_bound_ratio(k, ratio):
    _, norm, _ = parity_norm_dual_kernel(k, RELU)
    lower = parity_norm_lower_bound(k, RELU)
    assert lower <= norm
    assert _rounds_to(lower / norm, ratio), lower / norm


@pytest.mark.parametrize("k", [2, 4, 6, 8, 10])
def test_relu_lower_bound_below_norm_even_k(k):
    _, norm, _ = parity_norm_dual_kernel(k, RELU)
    lower = parity_norm_lower_bound(k, RELU)
    # Strictly below: the d = k + 2 Hermite term is positive for ReLU (c_{k+2} != 0).
    assert lower < norm, (k, lower, norm)


# ---------------------------------------------------------------------------------------------
# Hermite form (A4) against the dual-kernel form (A5) within the Hermite tail bound.

@pytest.mark.parametrize(("k", "terms", "rel_tail"), [
    (2, 400, 1e-3), (4, 400, 1e-2), (6, 1000, 0.05), (8, 2000, 0.1)])
def test_relu_hermite_form_within_its_tail_bound(k, terms, rel_tail):
    _, dual, _ = parity_norm_dual_kernel(k, RELU)
    hermite, tail = parity_norm_hermite(k, RELU, terms=terms)
    assert hermite.overlaps(dual)
    # Every Hermite term is >= 0, so the partial sum (the ball's midpoint) is below the norm
    # and the gap is at most the tail bound.
    gap = float((dual - hermite.mid()).mid())
    assert -1e-12 <= gap <= float(tail.upper()) + 1e-12, (gap, tail)
    # The tail bound is informative, not vacuous.
    assert float(tail.upper()) <= rel_tail * float(dual.mid()), tail


def test_sigmoid_hermite_form_within_its_tail_bound(sigmoid_norms):
    for k in (1, 3):
        hermite, tail = parity_norm_hermite(k, SIGMOID, terms=60, digits=15)
        dual = sigmoid_norms[k]
        assert hermite.overlaps(dual), (k, hermite, dual)
        gap = float((dual - hermite.mid()).mid())
        assert -1e-13 <= gap <= float(tail.upper()) + 1e-13, (k, gap, tail)
        assert float(tail.upper()) < 1e-10 * float(dual.mid())


# ---------------------------------------------------------------------------------------------
# Independent reference 1: brute-force double sum over sign patterns, in mpmath.

def _relu_kernel_mp(rho: mpmath.mpf) -> mpmath.mpf:
    """Arc-cosine kernel of degree 1 (Cho-Saul), E[relu(g) relu(g')], corr(g, g') = rho."""
    return (mpmath.sqrt(1 - rho * rho) + (mpmath.pi - mpmath.acos(rho)) * rho) / (2 * mpmath.pi)


def _brute_force_norm(k: int, kernel) -> mpmath.mpf:
    total = mpmath.mpf(0)
    patterns = list(itertools.product((1, -1), repeat=k))
    for w in patterns:
        chi_w = math.prod(w)
        for v in patterns:
            dot = sum(a * b for a, b in zip(w, v, strict=True))
            total += chi_w * math.prod(v) * kernel(mpmath.mpf(dot) / k)
    return total


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 6, 8])
def test_relu_norm_against_mpmath_double_sum(k):
    with mpmath.workdps(30):
        # k = 8 has 65536 pairs: memoise K on its argument (the pair loop is unchanged).
        kernel = functools.lru_cache(maxsize=None)(_relu_kernel_mp) if k == 8 else \
            _relu_kernel_mp
        reference = _brute_force_norm(k, kernel)
        _, ball, _ = parity_norm_dual_kernel(k, RELU)
        slack = mpmath.mpf(10) ** -25
        assert abs(reference - mpmath.mpf(ball.mid().str(30, radius=False))) \
            <= slack + mpmath.mpf(ball.rad().str(5, radius=False)), (k, reference, ball)
        if k % 2 and k >= 3:
            assert abs(reference) < slack


def test_mpmath_double_sum_sees_a_wrong_kernel():
    # The brute-force reference is sensitive: the kernel with acos -> asin gives another norm.
    with mpmath.workdps(30):
        def wrong(rho):
            return (mpmath.sqrt(1 - rho * rho) + (mpmath.pi - mpmath.asin(rho)) * rho) / (
                2 * mpmath.pi)

        assert abs(_brute_force_norm(2, wrong) - (2 - 4 / mpmath.pi)) > 1e-3


# ---------------------------------------------------------------------------------------------
# Independent reference 2: Monte Carlo with its own evaluation of f_S.

def _f_s_numpy(x: np.ndarray, sigma) -> np.ndarray:
    k = x.shape[1]
    patterns = np.array(list(itertools.product((1.0, -1.0), repeat=k)))
    chi = np.prod(patterns, axis=1)
    return sigma(x @ patterns.T / math.sqrt(k)) @ chi


@pytest.mark.parametrize(("k", "name", "sigma", "seed"), [
    (2, "relu", lambda t: np.maximum(t, 0.0), 20240501),
    (4, "relu", lambda t: np.maximum(t, 0.0), 20240502),
    (3, "sigmoid", scipy.special.expit, 20240503),
])
def test_norm_against_monte_carlo(k, name, sigma, seed):
    rng = np.random.default_rng(seed)
    n_samples = 200_000
    values = _f_s_numpy(rng.standard_normal((n_samples, k)), sigma) ** 2
    mean = float(values.mean())
    stderr = float(values.std(ddof=1)) / math.sqrt(n_samples)
    act = RELU if name == "relu" else SIGMOID
    _, ball, _ = parity_norm_dual_kernel(k, act, digits=12)
    assert abs(mean - float(ball.mid())) <= 5 * stderr, (k, name, mean, stderr, ball)
    # The test has power: half the norm is far outside 5 standard errors.
    assert abs(mean - 0.5 * float(ball.mid())) > 5 * stderr
