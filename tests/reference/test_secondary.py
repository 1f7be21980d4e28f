"""verify.secondary against independent references (provenance of each reference below).

* **mpmath.quad** (tanh-sinh, at 40 working digits) of ``sigma(x) He_k(x) phi(x)`` on the
  real line, ``He_k`` from ``mpmath.hermite`` through ``He_k(x) = 2**(-k/2) H_k(x/sqrt 2)``:
  another library and the other integrand (no Fourier transform). Its error has no
  guarantee; it is a reference at a precision 15 digits beyond the comparison.
* **verify.hermite.certified_coefficient / second_moment**: the core's certified tier (Arb,
  folded He_k quadrature with a Cramer tail): another algorithm with its own guarantee. Two
  certified balls of one number must overlap.
* **ReLU**: the core's exact coefficients (``verify.hermite.exact_coefficients``, the jump
  formula) and closed-form kernel (``verify.kernels.kernel_closed_form``), and
  ``S.double_factorial`` in ``(d-3)!!^2/(2 pi d!)``.
* **verify.kernels.dual_kernel**: the core's Mehler series of its own coefficients (the dual
  kernel's other route), and **mpmath.quad** of the 2-D Gaussian integral
  ``E[sigma(g) sigma(rho g + sqrt(1 - rho^2) g')]`` at 30 digits (no Hermite series at all).
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from flint import arb, fmpq

from verify import special as S
from verify.activations import activation
from verify.expressions import SYMBOLS, arb_value
from verify.hermite import certified_coefficient, exact_coefficients, second_moment
from verify.kernels import dual_kernel, kernel_closed_form
from verify.numbers import workprec
from verify.secondary import (
    logistic_dual_kernel,
    logistic_hermite_coefficient,
    logistic_second_moment,
    logistic_squared_coefficients,
    relu_kernel_series,
    relu_squared_coefficients,
)

SIGMOID = activation("sigmoid")
RELU = activation("relu")


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


def test_squared_coefficients_and_parseval_remainder() -> None:
    c2, mass, rest = logistic_squared_coefficients(64, digits=30)
    assert len(c2) == 65 and all(c2[d] == 0 for d in range(2, 65, 2))
    with workprec(200):
        for d in (0, 1, 5, 63):
            assert c2[d].overlaps(logistic_hermite_coefficient(d, digits=30) ** 2)
        assert mass.overlaps(second_moment(SIGMOID, digits=25))
        assert rest.rad() == 0 and rest >= 0
        # The remainder bound is an upper bound of sum_{d > 64} c_d^2 (core's coefficients).
        beyond = sum((certified_coefficient(SIGMOID, d, digits=20).ball ** 2
                      for d in range(65, 120, 2)), arb(0))
        assert beyond.lower() <= rest.upper()
    assert logistic_squared_coefficients(64, digits=30) is logistic_squared_coefficients(
        64, digits=30)  # cached


def _mpmath_kernel(num: int, den: int) -> mpmath.mpf:
    """E[sigma(g) sigma(rho g + sqrt(1 - rho^2) g')] by nested mpmath.quad at 24 digits (rho and
    its complement too: a 15-digit rho would limit the reference to ~1e-16). About 30 s, so it
    runs at one correlation; the others are checked against the core's Mehler series."""
    with mpmath.workdps(24):
        rho = mpmath.mpf(num) / den
        s = mpmath.sqrt(1 - rho**2)
        def inner(x: mpmath.mpf) -> mpmath.mpf:
            return mpmath.quad(lambda y: mpmath.npdf(y) / (1 + mpmath.exp(-(rho * x + s * y))),
                               [-mpmath.inf, 0, mpmath.inf])
        return mpmath.quad(lambda x: mpmath.npdf(x) * inner(x) / (1 + mpmath.exp(-x)),
                           [-mpmath.inf, 0, mpmath.inf])


@pytest.mark.parametrize(("num", "den"), [(-1, 1), (-1, 2), (0, 1), (1, 3), (3, 4), (1, 1)])
def test_logistic_dual_kernel_against_the_core_and_mpmath(num: int, den: int) -> None:
    with workprec(200):
        ours = logistic_dual_kernel(fmpq(num, den), terms=64, digits=30)
        core, _ = dual_kernel(SIGMOID, fmpq(num, den), digits=20)
        assert ours.overlaps(core), (ours, core)
        if abs(num) < den:
            assert ours.rad() < 1e-20
        if (num, den) == (1, 3):
            ref = arb(mpmath.nstr(_mpmath_kernel(num, den), 22))
            assert (ours - ref).overlaps(arb(0, 1e-18)), (ours, ref)
    if (num, den) == (1, 1):
        assert ours.overlaps(logistic_second_moment(digits=25))
    if (num, den) == (-1, 1):
        assert ours.overlaps(arb(1) / 2 - logistic_second_moment(digits=25))


def test_logistic_dual_kernel_refuses_bad_rho() -> None:
    with pytest.raises(TypeError, match=r"^rho=0.5 must be an exact rational"):
        logistic_dual_kernel(0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^rho=3/2 must lie in \[-1, 1\]"):
        logistic_dual_kernel(fmpq(3, 2))
    with pytest.raises(ValueError, match=r"^terms=-1 must be a non-negative integer"):
        logistic_squared_coefficients(-1)


def test_relu_squared_coefficients_against_the_jump_formula() -> None:
    exact = exact_coefficients(RELU, 40)
    with workprec(200):
        c2 = relu_squared_coefficients(40)
        assert len(c2) == 41
        for d in range(41):
            assert c2[d].overlaps(exact[d].ball() ** 2), d
            if d >= 2 and d % 2 == 0:
                closed = arb(S.double_factorial(d - 3)) ** 2 / (2 * arb.pi() * arb.fac_ui(d))
                assert c2[d].overlaps(closed)
        assert all(c2[d] == 0 for d in range(3, 41, 2))
        assert c2[40].rad() < 1e-55 * abs(c2[40])  # cached per precision: 200-bit balls
    with workprec(60):
        assert relu_squared_coefficients(40)[40].rad() > 1e-25 * abs(c2[40])


@pytest.mark.parametrize(("num", "den"), [(-1, 1), (-3, 4), (0, 1), (1, 3), (1, 1)])
def test_relu_kernel_series_contains_the_closed_form(num: int, den: int) -> None:
    n = 20000 if abs(num) == den else 400
    with workprec(200):
        value, tail = relu_kernel_series(fmpq(num, den), n)
        closed = arb_value(kernel_closed_form(RELU).subs(SYMBOLS["rho"], sp.Rational(num, den)))
        assert value.overlaps(closed), (value, closed)
        core, _ = dual_kernel(RELU, fmpq(num, den), digits=20)
        assert value.overlaps(core)
        assert tail >= 0 and (tail < 1e-40 if abs(num) < den else tail < 1e-6)


def test_relu_series_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError, match=r"^rho=0.5 must be an exact rational"):
        relu_kernel_series(0.5, 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^rho=-2 must lie in"):
        relu_kernel_series(-2, 10)
    with pytest.raises(ValueError, match=r"^n_terms=-1 must be a non-negative integer"):
        relu_squared_coefficients(-1)
