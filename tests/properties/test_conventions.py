"""He_k conventions: exact values, the He <-> H bridge, degenerate points, orthonormality,
and the scaled float recurrence.

References and their provenance:

* ``sympy.hermite_prob`` / ``sympy.hermite`` (SymPy >= 1.12, ``polys/orthopolys.py``): exact
  coefficient generators, independent code from ``verify.orthopoly``.
* ``mpmath.hermite`` (mpmath 1.3, ``functions/orthogonal.py``): physicists' ``H_n`` by
  hypergeometric series at adaptive working precision, bridged by
  ``He_k(x) = 2**(-k/2) H_k(x/sqrt2)`` (A&S 22.5.18-19).
* Gaussian moments ``E[g**(2m)] = (2m-1)!!``, ``E[g**(2m+1)] = 0``: an algorithm independent of
  any Hermite recurrence, used for orthonormality.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp
from flint import arb, fmpq, fmpq_poly
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.conventions import CRAMER_K
from verify.numbers import workprec
from verify.orthopoly import (
    hermite_normalized_scaled_float,
    hermite_prob,
    hermite_prob_values,
    physicists_to_prob,
)

SETTINGS = settings(deadline=None, max_examples=25, derandomize=True, database=None)
X = sp.Symbol("x")

rationals = st.fractions(min_value=-12, max_value=12, max_denominator=997)


def _fmpq(q: Fraction) -> fmpq:
    return fmpq(q.numerator, q.denominator)


def _exact(v: fmpq) -> sp.Rational:
    return sp.Rational(int(v.p), int(v.q))


def _exact_fraction(a: arb) -> Fraction:
    """The value of an exact arb (an endpoint), as a Fraction."""
    man, exp = (int(v) for v in a.man_exp())
    return Fraction(man) * Fraction(2) ** exp


def _double_factorial(n: int) -> int:
    """n!! with (-1)!! = 0!! = 1, by the product definition (not via any library)."""
    return math.prod(range(n, 0, -2))


# ---------------------------------------------------------------------------------------------
# Exact values.

@SETTINGS
@given(q=rationals)
def test_hermite_prob_values_equal_sympy_hermite_prob_exactly(q: Fraction) -> None:
    values = hermite_prob_values(30, _fmpq(q))
    assert len(values) == 31
    x = sp.Rational(q.numerator, q.denominator)
    for k, v in enumerate(values):
        assert isinstance(v, fmpq)
        assert _exact(v) == sp.hermite_prob(k, x), f"He_{k}({q})"


@SETTINGS
@given(k=st.integers(0, 30), q=rationals)
def test_hermite_prob_is_the_last_value(k: int, q: Fraction) -> None:
    assert hermite_prob(k, _fmpq(q)) == hermite_prob_values(k, _fmpq(q))[k]


def _abs_coefficient_sum(k: int, t: Fraction) -> Fraction:
    """sum_j |a_j| t**j for He_k = sum_j a_j x**j: the scale of rounding errors in He_k(t).

    It is |He_k(i t)|, from the recurrence with the sign of the k-term flipped.
    """
    prev, cur = Fraction(1), t
    if k == 0:
        return prev
    for j in range(1, k):
        prev, cur = cur, t * cur + j * prev
    return cur


@SETTINGS
@given(k=st.integers(0, 30), q=rationals)
def test_hermite_prob_matches_mpmath_physicists_bridge(k: int, q: Fraction) -> None:
    # Reference: mpmath.hermite (physicists' H_k) at 50 digits, He_k(x) = 2^{-k/2} H_k(x/sqrt2).
    exact = Fraction(int(hermite_prob(k, _fmpq(q)).p), int(hermite_prob(k, _fmpq(q)).q))
    with mpmath.workdps(50):
        x = mpmath.mpf(q.numerator) / q.denominator
        ref = mpmath.hermite(k, x / mpmath.sqrt(2)) * mpmath.power(2, -mpmath.mpf(k) / 2)
        scale = _abs_coefficient_sum(k, abs(q))
        err = abs(mpmath.mpf(exact.numerator) / exact.denominator - ref)
        assert err <= mpmath.mpf(10) ** -40 * (scale.numerator / mpmath.mpf(scale.denominator))


@SETTINGS
@given(k=st.integers(0, 30), q=rationals)
def test_hermite_prob_ball_contains_exact_value(k: int, q: Fraction) -> None:
    exact = hermite_prob(k, _fmpq(q))
    value = Fraction(int(exact.p), int(exact.q))
    with workprec(80):
        ball = hermite_prob(k, arb(_fmpq(q)))
    with workprec(4096):  # lower()/upper() round outward to the current precision
        lo, hi = _exact_fraction(ball.lower()), _exact_fraction(ball.upper())
    assert lo <= value <= hi
    assert hi - lo <= Fraction(1, 2**20) * (1 + abs(value))


def test_bridge_would_catch_swapped_conventions() -> None:
    """Planted: the physicists' value itself (H<->He swapped) is far from He_k at these points."""
    for k in (2, 3, 7):
        he = hermite_prob(k, fmpq(3, 2))
        h_phys = sp.hermite(k, sp.Rational(3, 2))
        assert _exact(he) != h_phys


# ---------------------------------------------------------------------------------------------
# Degenerate points and the domain.

@SETTINGS
@given(q=rationals)
def test_he0_is_one_everywhere(q: Fraction) -> None:
    assert hermite_prob(0, _fmpq(q)) == 1
    assert hermite_prob_values(0, _fmpq(q)) == [fmpq(1)]


@pytest.mark.parametrize("k", range(0, 61))
def test_he_k_at_zero(k: int) -> None:
    value = hermite_prob(k, fmpq(0))
    if k % 2:
        assert value == 0
    else:
        assert value == (-1) ** (k // 2) * _double_factorial(k - 1)


def test_negative_degree_raises() -> None:
    with pytest.raises(ValueError, match="k=-1"):
        hermite_prob(-1, fmpq(1, 2))
    with pytest.raises(ValueError, match="k_max=-1"):
        hermite_prob_values(-1, fmpq(1, 2))


# ---------------------------------------------------------------------------------------------
# Orthonormality of h_k = He_k / sqrt(k!) under N(0,1), exactly, from Gaussian moments.

def _gaussian_expectation(poly: fmpq_poly) -> Fraction:
    """E[p(g)], g ~ N(0,1), from E[g^(2m)] = (2m-1)!! and vanishing odd moments."""
    coeffs = [Fraction(int(c.p), int(c.q)) for c in poly.coeffs()]
    return sum((c * _double_factorial(j - 1) for j, c in enumerate(coeffs) if j % 2 == 0),
               Fraction(0))


def _he_polys(k_max: int) -> list[fmpq_poly]:
    # The package's recurrence run in exact polynomial arithmetic: its power-basis coefficients.
    return hermite_prob_values(k_max, fmpq_poly([0, 1]))


# Same-parity pairs: the odd moments vanish for opposite parity, so those would pass trivially.
SAME_PARITY = [(0, 0), (0, 2), (2, 4), (3, 5), (4, 4), (1, 7), (6, 6), (5, 11), (10, 12),
               (13, 13), (20, 24), (21, 21), (19, 29), (30, 30)]


@pytest.mark.parametrize(("j", "k"), SAME_PARITY)
def test_orthonormal_under_gaussian_same_parity(j: int, k: int) -> None:
    he = _he_polys(max(j, k))
    # E[h_j h_k] = E[He_j He_k] / sqrt(j! k!); for j == k that is exactly 1.
    inner = _gaussian_expectation(he[j] * he[k])
    assert inner == (math.factorial(k) if j == k else 0)


@pytest.mark.parametrize("k", [0, 1, 2, 5, 12, 30])
def test_he_polynomials_are_monic_with_parity_of_k(k: int) -> None:
    coeffs = _he_polys(k)[k].coeffs()
    assert len(coeffs) == k + 1 and coeffs[k] == 1
    assert all(c == 0 for j, c in enumerate(coeffs) if (k - j) % 2)


def test_orthonormality_check_detects_missing_factorial() -> None:
    """Planted: a norm of 1 instead of k! (He_k taken as orthonormal) is refuted for k >= 2."""
    he = _he_polys(4)
    assert _gaussian_expectation(he[4] * he[4]) != 1
    assert _gaussian_expectation(he[2] * (he[4] + he[2])) != 0


# ---------------------------------------------------------------------------------------------
# The scaled float recurrence h_k(x) exp(-x^2/4).

def _scaled_ref(k: int, x: float) -> mpmath.mpf:
    """h_k(x) exp(-x^2/4) from mpmath.hermite (physicists') at 30 digits, via the bridge."""
    with mpmath.workdps(30):
        t = mpmath.mpf(x)
        he = mpmath.hermite(k, t / mpmath.sqrt(2)) * mpmath.power(2, -mpmath.mpf(k) / 2)
        return he / mpmath.sqrt(mpmath.factorial(k)) * mpmath.exp(-t * t / 4)


CRAMER = float(CRAMER_K)


def test_cramer_constant_is_the_documented_one() -> None:
    assert CRAMER_K == fmpq(10865, 10000)
    assert 1.086435 <= CRAMER < 1.0866


def test_scaled_float_no_overflow_and_cramer_bound_on_grid() -> None:
    x = np.concatenate([np.linspace(-60, 60, 481), [-1e-300, 0.0, 54.6, -54.7, 59.999]])
    out = hermite_normalized_scaled_float(1000, x)
    assert out.shape == (1001, x.size)
    assert np.isfinite(out).all()
    assert np.abs(out).max() <= CRAMER
    assert out[0, np.argmin(np.abs(x))] == 1.0  # h_0(0) = 1


@SETTINGS
@given(xs=st.lists(st.floats(-60, 60, allow_nan=False), min_size=1, max_size=20))
def test_scaled_float_cramer_bound_random_points(xs: list[float]) -> None:
    out = hermite_normalized_scaled_float(1000, np.array(xs))
    assert np.isfinite(out).all()
    assert np.abs(out).max() <= CRAMER


@pytest.mark.parametrize("x", [0.0, 0.7, -2.5, 5.0, 12.25, -19.0, 27.5, 31.0])
def test_scaled_float_matches_mpmath(x: float) -> None:
    ks = [0, 1, 2, 3, 7, 20, 50, 99, 123, 150, 199, 200]
    out = hermite_normalized_scaled_float(200, np.array([x]))[:, 0]
    for k in ks:
        ref = _scaled_ref(k, x)
        err = abs(out[k] - ref)
        if abs(ref) > 1e-3:
            assert err <= 1e-10 * abs(ref), (k, x, out[k], ref)
        else:  # near a zero of h_k, or in the decaying region: absolute accuracy
            assert err <= 1e-13, (k, x, out[k], ref)


def test_scaled_float_rows_are_h_k_times_weight() -> None:
    """Planted: the unnormalized He_k (missing 1/sqrt(k!)) differs from row k."""
    x = 1.5
    out = hermite_normalized_scaled_float(6, np.array([x]))[:, 0]
    he6 = float(_exact(hermite_prob(6, fmpq(3, 2))))
    assert abs(out[6] - he6 * math.exp(-x * x / 4) / math.sqrt(720)) < 1e-14
    assert abs(out[6] - he6 * math.exp(-x * x / 4)) > 1e-3


@pytest.mark.parametrize("x", [56.0, 58.0, -60.0])
def test_scaled_float_accurate_where_exp_underflows(x: float) -> None:
    out = hermite_normalized_scaled_float(1000, np.array([x]))[:, 0]
    for k in (900, 950, 1000):
        ref = _scaled_ref(k, x)
        assert abs(ref) > 1e-2  # not tiny: this is the oscillatory region
        assert abs(out[k] - ref) <= 1e-8 * abs(ref), (k, x, out[k], ref)


# ---------------------------------------------------------------------------------------------
# Physicists' coefficients -> probabilists'.

@pytest.mark.parametrize("k", [0, 1, 2, 3, 4, 9, 16, 25, 40])
def test_physicists_to_prob_matches_sympy(k: int) -> None:
    h_phys = [int(c) for c in sp.Poly(sp.hermite(k, X), X).all_coeffs()[::-1]]
    he = [_exact(c) for c in physicists_to_prob(k, h_phys)]
    expected = sp.Poly(sp.hermite_prob(k, X), X).all_coeffs()[::-1]
    assert he == expected
    assert he != [sp.Integer(c) for c in h_phys] or k == 0  # the conversion does something


def test_physicists_to_prob_rejects_wrong_parity() -> None:
    with pytest.raises(ValueError, match="x\\^1"):
        physicists_to_prob(2, [-2, 1, 4])

