"""verify.secondary against independent references (provenance of each reference below).

* **mpmath.quad** (tanh-sinh, at 40 working digits) of ``sigma(x) He_k(x) phi(x)`` on the
  real line, ``He_k`` from ``mpmath.hermite`` through ``He_k(x) = 2**(-k/2) H_k(x/sqrt 2)``:
  another library and the other integrand (no Fourier transform). Its error has no
  guarantee; it is a reference at a precision 15 digits beyond the comparison.
* **verify.hermite.certified_coefficient / second_moment**: the core's certified tier (Arb,
  folded He_k quadrature with a Cramer tail): another algorithm with its own guarantee. Two
  certified balls of one number must overlap.
"""

from __future__ import annotations

import mpmath
import pytest
from flint import arb

from verify.activations import activation
from verify.hermite import certified_coefficient, second_moment
from verify.numbers import workprec
from verify.secondary import logistic_hermite_coefficient, logistic_second_moment

SIGMOID = activation("sigmoid")


def _mpmath_coefficient(k: int) -> str:
    with mpmath.workdps(40):
        def f(x: mpmath.mpf) -> mpmath.mpf:
            he = mpmath.hermite(k, x / mpmath.sqrt(2)) * mpmath.mpf(2) ** (-mpmath.mpf(k) / 2)
            return he * mpmath.npdf(x) / (1 + mpmath.exp(-x))
        value = mpmath.quad(f, [-mpmath.inf, -10, 0, 10, mpmath.inf]) / mpmath.sqrt(
            mpmath.factorial(k))
        return mpmath.nstr(value, 38)


@pytest.mark.parametrize("k", [0, 1, 2, 3, 7, 15, 24, 31])
def test_logistic_coefficient_contains_mpmath(k: int) -> None:
    ball = logistic_hermite_coefficient(k, digits=20)
    ref = _mpmath_coefficient(k)
    with workprec(200):
        tol = arb(10) ** -30 * (1 + abs(arb(ref)))
        assert (ball - arb(ref)).overlaps(arb(0, tol.upper())), (k, ball, ref)
    if k and k % 2 == 0:
        assert ball == 0
    else:
        assert ball.rad() * 10**20 <= abs(ball.mid())


@pytest.mark.parametrize("k", [1, 5, 11, 41, 63])
def test_logistic_coefficient_overlaps_the_core(k: int) -> None:
    ours = logistic_hermite_coefficient(k, digits=25)
    core = certified_coefficient(SIGMOID, k, digits=20).ball
    assert ours.overlaps(core)
    # ... and a wrong value (one in 1e-15 off) is told apart: the balls are narrow enough.
    assert not (ours * (1 + arb(10) ** -15)).overlaps(core)


def test_logistic_second_moment_against_the_core_and_parseval() -> None:
    with workprec(120):
        mass = logistic_second_moment(digits=25)
        assert mass.overlaps(second_moment(SIGMOID, digits=25))
        partial = sum((logistic_hermite_coefficient(k, digits=25) ** 2 for k in range(80)),
                      arb(0))
        rest = mass - partial
        assert rest > 0 and rest < arb(10) ** -18  # Parseval: the remainder is small, positive


@pytest.mark.parametrize("k, exc", [(-1, ValueError), (True, TypeError), (1.0, TypeError)])
def test_logistic_coefficient_refuses_bad_degrees(k: object, exc: type) -> None:
    with pytest.raises(exc, match=r"^k=.* must be a non-negative integer"):
        logistic_hermite_coefficient(k)  # type: ignore[arg-type]


def test_logistic_coefficient_refuses_bad_digits() -> None:
    with pytest.raises(ValueError, match=r"^digits=0 must be"):
        logistic_hermite_coefficient(3, digits=0)
