"""The Gaussian tier against independent references: another library *and* another algorithm.

What each reference is, and why it is independent of :mod:`verify.hermite`:

* **mpmath.quad** (tanh-sinh quadrature, range split at 0) of ``sigma(x) He_k(x) phi(x)`` with
  ``He_k`` taken from ``mpmath.hermite`` (physicists' ``H_k``) through the bridge
  ``He_k(x) = 2**(-k/2) H_k(x/sqrt 2)``. The package folds ``x -> -x``, integrates with Arb's
  ``acb.integral`` and builds ``He_k`` by its own recurrence.
* **The Fourier route (A25 in papers/ggjkk20.md section 5.1)** for the sigmoid:
  ``c_d = (-1)**((d-1)/2)/sqrt(d!) * int_0^oo w**d exp(-w**2/2)/sinh(pi w) dw`` (odd d),
  from the Fourier transform of ``tanh(z/2)/2``. A different integrand altogether.
* **sympy.integrate** (Meijer-G) of each polynomial piece times ``sympy.hermite_prob``, with
  the pieces written out here by hand. The package uses a jump formula and a partial-moment
  recurrence in fmpq.
* **The ReLU closed form** of papers/ggjkk20.md (A7 / section 3.2), compared in exact rational
  arithmetic, and the printed value tables of that section (25-digit quadrature by the note's
  author), to the digits printed.

Tolerances: a certified ball must *contain* the reference, widened only by the reference's own
precision (``10**-(digits+5)`` for mpmath at ``digits + 20`` working digits).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb, fmpq

from verify.activations import activation
from verify.hermite import (
    certified_coefficient,
    exact_second_moment,
    hermite_coefficients,
    second_moment,
)
from verify.numbers import workprec

X = sp.Symbol("x", real=True)


def _mpf_to_arb(value: mpmath.mpf) -> arb:
    """The exact binary value of an mpf as an exact ball (call inside a wide ``workprec``)."""
    man, exp = value.man_exp
    q = fmpq(int(man) * 2 ** int(exp)) if exp >= 0 else fmpq(int(man), 2 ** int(-exp))
    return arb(-q if value < 0 else q)


def _widened(ball: arb, slack: arb) -> arb:
    return arb(ball.mid(), ball.rad() + slack)


def _he(k: int, x: mpmath.mpf) -> mpmath.mpf:
    """Probabilists' He_k from mpmath's physicists' H_k (conventions.py states the bridge)."""
    return mpmath.hermite(k, x / mpmath.sqrt(2)) / mpmath.power(2, mpmath.mpf(k) / 2)


def _mpmath_coefficient(fn, k: int) -> mpmath.mpf:
    """``E[sigma(g) h_k(g)]`` by mpmath.quad on (-oo, 0] and [0, oo) at the current dps."""
    def integrand(x):
        return fn(x) * _he(k, x) * mpmath.exp(-x * x / 2)

    total = mpmath.quad(integrand, [-mpmath.inf, 0, mpmath.inf])
    return total / mpmath.sqrt(2 * mpmath.pi * mpmath.factorial(k))


# mpmath's own functions, not the package's lambdified or Arb-compiled expressions.
_MPMATH_ACTIVATIONS = {
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "softplus": lambda x: mpmath.log1p(mpmath.exp(x)),
    "gelu": lambda x: x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2,
    "silu": lambda x: x / (1 + mpmath.exp(-x)),
    "erf(x/3)": lambda x: mpmath.erf(x / 3),
}
_DEGREES = (0, 1, 2, 3, 5, 8, 13, 21)


@pytest.mark.parametrize("name", sorted(_MPMATH_ACTIVATIONS))
@pytest.mark.parametrize("k", _DEGREES)
def test_certified_tier_contains_mpmath_quadrature(name, k):
    digits = 15
    act = activation(name)
    ours = certified_coefficient(act, k, digits=digits)
    assert ours.met, f"c_{k}({name}) did not reach {digits} digits: {ours.ball}"
    assert ours.guaranteed
    with mpmath.workdps(digits + 20):
        reference = _mpmath_coefficient(_MPMATH_ACTIVATIONS[name], k)
        with workprec(400):
            ref_ball = _mpf_to_arb(reference)
            allowed = _widened(ours.ball, arb(10) ** -(digits + 5))
            assert allowed.contains(ref_ball), (
                f"c_{k}({name}): mpmath.quad gives {mpmath.nstr(reference, digits + 5)}, "
                f"outside our ball {ours.ball.str(digits + 5)}"
            )


@pytest.mark.parametrize("d", [1, 3, 15, 41, 99])
def test_sigmoid_fourier_integral_a25_lies_in_certified_ball(d):
    """A25 (papers/ggjkk20.md section 5.1): a different integrand, at 30 digits, must lie in
    our 25-digit ball. The note checked A25 against direct quadrature for d <= 15 only."""
    ours = certified_coefficient(activation("sigmoid"), d, digits=25)
    assert ours.met and ours.tier == "certified"
    with mpmath.workdps(40):
        integral = mpmath.quad(
            lambda w: w**d * mpmath.exp(-w * w / 2) / mpmath.sinh(mpmath.pi * w),
            [0, 1, 4, 12, mpmath.inf],
        )
        value = (-1) ** ((d - 1) // 2) * integral / mpmath.sqrt(mpmath.factorial(d))
        with workprec(300):
            ref = _mpf_to_arb(value)
            ref_45_digits = arb(ref.mid(), abs(ref) * arb(10) ** -45)
            assert ours.ball.contains(ref_45_digits), (
                f"c_{d}(sigmoid): A25 gives {mpmath.nstr(value, 45)}, ours {ours.ball.str(45)}"
            )


# ---------------------------------------------------------------------------------------------
# Exact tier against sympy.integrate, piece by piece (pieces written out independently here).

_PIECES = {
    "relu": [(-sp.oo, 0, sp.Integer(0)), (0, sp.oo, X)],
    "abs": [(-sp.oo, 0, -X), (0, sp.oo, X)],
    "step": [(-sp.oo, 0, sp.Integer(0)), (0, sp.oo, sp.Integer(1))],
    "sign": [(-sp.oo, 0, sp.Integer(-1)), (0, sp.oo, sp.Integer(1))],
    "hardtanh": [(-sp.oo, -1, sp.Integer(-1)), (-1, 1, X), (1, sp.oo, sp.Integer(1))],
    "Max(x, 0)**2": [(-sp.oo, 0, sp.Integer(0)), (0, sp.oo, X**2)],
    "leaky_relu": [(-sp.oo, 0, X / 100), (0, sp.oo, X)],  # registered default slope 1/100
}
_MAX_K = {"relu": 6, "hardtanh": 3, "abs": 6, "step": 6, "sign": 6, "Max(x, 0)**2": 5,
          "leaky_relu": 4}


def _sympy_coefficient(pieces, k: int) -> sp.Expr:
    h_k = sp.hermite_prob(k, X) / sp.sqrt(sp.factorial(k))
    total = sp.Integer(0)
    for lo, hi, poly in pieces:
        if poly != 0:
            integrand = sp.expand(poly * h_k * sp.exp(-X**2 / 2))
            # meijerg=True: the default heuristic takes minutes on x**6 exp(-x**2/2) over [-1, 1].
            total += sp.integrate(integrand, (X, lo, hi), meijerg=True)
    return total / sp.sqrt(2 * sp.pi)


@pytest.mark.parametrize("name", sorted(_PIECES))
def test_exact_tier_matches_sympy_integrate(name):
    act = activation(name)
    top = _MAX_K[name]
    ours = hermite_coefficients(act, top, tier="exact")
    for k in range(top + 1):
        assert ours[k].tier == "exact" and ours[k].exact is not None
        integral = _sympy_coefficient(_PIECES[name], k)
        difference = sp.simplify(ours[k].exact.sympy() - integral)
        assert difference == 0, f"c_{k}({name}): ours {ours[k].exact}, sympy {integral}"


# ---------------------------------------------------------------------------------------------
# ReLU closed form (papers/ggjkk20.md A7): c_0 = 1/sqrt(2 pi), c_1 = 1/2, odd k >= 3: 0,
# even k >= 2: (-1)**(k/2-1) (k-3)!!/sqrt(2 pi k!).

def _double_factorial(n: int) -> int:
    out = 1
    while n > 1:
        out *= n
        n -= 2
    return out  # (-1)!! = 1


def test_relu_closed_form_exact_to_degree_300():
    coefficients = hermite_coefficients(activation("relu"), 300, tier="exact")
    for c in coefficients:
        k = c.k
        assert c.tier == "exact" and c.exact is not None
        value = c.exact.sympy()
        if k == 1:
            assert value == sp.Rational(1, 2)
        elif k % 2 == 1:
            assert c.exact.is_zero() and value == 0, f"c_{k}(relu) = {value}, expected 0"
        else:
            # Squares are rational multiples of 1/(2 pi k!): compare them as exact rationals.
            scaled_square = sp.expand(value**2 * 2 * sp.pi * sp.factorial(k)).doit()
            expected = _double_factorial(k - 3) ** 2 if k >= 2 else 1
            assert scaled_square.is_Rational and scaled_square == expected, (
                f"c_{k}(relu)**2 * 2 pi k! = {scaled_square}, expected {expected}")
            want_positive = k == 0 or (k // 2 - 1) % 2 == 0
            assert value.is_positive is want_positive and value.is_negative is not want_positive


# papers/ggjkk20.md section 3.2, "Numeric sigmoid coefficients (25-digit quadrature)" and
# "The first few ReLU values", copied as printed.
_SIGMOID_TABLE = {1: "0.2066209641", 3: "-0.0254732579", 5: "0.0058770606", 7: "-0.0017266563",
                  9: "5.877892e-4", 11: "-2.219896e-4", 13: "9.07025e-5", 15: "-3.94456e-5"}
_RELU_TABLE = ["0.3989423", "0.5", "0.2820948", "0", "-0.0814338", "0", "0.0446031", "0",
               "-0.0298017", "0", "0.0219896"]


def _agrees_to_printed_digits(ball: arb, printed: str) -> bool:
    """``printed`` is ``ball``'s value rounded to the printed last place (half an ulp)."""
    want = Decimal(printed)
    if want == 0:  # a printed 0 is a claim of an exact zero, not of |c| < 1/2
        return ball.is_zero()
    half_ulp = Fraction(1, 2) * Fraction(10) ** want.as_tuple().exponent
    with workprec(200):
        mid = Fraction(ball.mid().str(40, radius=False))
        return abs(mid - Fraction(want)) + Fraction(ball.rad().str(5, radius=False)) <= half_ulp


def test_sigmoid_values_table_of_the_paper_note():
    coefficients = hermite_coefficients(activation("sigmoid"), 15, digits=20)
    for d, printed in _SIGMOID_TABLE.items():
        assert _agrees_to_printed_digits(coefficients[d].ball, printed), (
            f"c_{d}(sigmoid) = {coefficients[d].ball.str(15)}, note prints {printed}")


def test_relu_values_table_of_the_paper_note():
    coefficients = hermite_coefficients(activation("relu"), 10)
    for k, printed in enumerate(_RELU_TABLE):
        with workprec(200):
            ball = coefficients[k].exact.ball()
        assert _agrees_to_printed_digits(ball, printed), (
            f"c_{k}(relu) = {ball.str(15)}, note prints {printed}")


# ---------------------------------------------------------------------------------------------
# Float tier: no guarantee, but it must agree with the guaranteed tiers where doubles suffice.

@pytest.mark.parametrize("name", ["sigmoid", "relu"])
def test_float_tier_agrees_with_guaranteed_tier(name):
    act = activation(name)
    fast = hermite_coefficients(act, 60, tier="float")
    sure = hermite_coefficients(act, 60, digits=15)
    for f, s in zip(fast, sure, strict=True):
        assert f.tier == "float" and f.met is False and not f.guaranteed
        assert s.guaranteed
        assert abs(f.ball - s.ball) < arb("1e-12"), (
            f"c_{f.k}({name}): float {f.ball.str(17)} vs certified {s.ball.str(17)}")


# ---------------------------------------------------------------------------------------------
# Second moment E[sigma(g)**2].

def test_second_moment_sigmoid_against_mpmath():
    digits = 30
    ours = second_moment(activation("sigmoid"), digits=digits)
    with mpmath.workdps(digits + 20):
        reference = mpmath.quad(
            lambda x: mpmath.exp(-x * x / 2) / (1 + mpmath.exp(-x)) ** 2,
            [-mpmath.inf, 0, mpmath.inf],
        ) / mpmath.sqrt(2 * mpmath.pi)
        with workprec(400):
            assert ours.rad() < arb(10) ** -digits
            assert _widened(ours, arb(10) ** -(digits + 5)).contains(_mpf_to_arb(reference))


@pytest.mark.parametrize(("name", "value"), [("relu", sp.Rational(1, 2)), ("abs", sp.Integer(1))])
def test_second_moment_exact_values(name, value):
    act = activation(name)
    assert exact_second_moment(act).sympy() == value
    with workprec(200):
        ball = second_moment(act, digits=40)
        assert ball.contains(arb(fmpq(int(value.p), int(value.q))))
        assert ball.rad() < arb(10) ** -40


def test_certified_tier_where_doubles_overflow():
    """exp(-x**2) x**5000: its coefficients overflow doubles (~1e6969), which the certified
    tier only uses as a first guess; the ball must still come out and contain the exact
    c_0 = E[g^5000 e^{-g^2}] = 3^(-2500.5) (4999)!! (a Gaussian moment at variance 1/3)."""
    import warnings

    from flint import arb

    from verify.activations import activation
    from verify.hermite import certified_coefficient
    from verify.numbers import workprec

    act = activation("exp(-x**2)*x**5000")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning from the float guess either
        c0 = certified_coefficient(act, 0, digits=15)
    assert c0.met
    with workprec(23500):
        exact = arb.fac_ui(5000) / (arb(2) ** 2500 * arb.fac_ui(2500))
        exact *= arb(3) ** (-arb(5001) / 2)
        assert c0.ball.overlaps(exact)
        assert abs(c0.ball.mid() / exact - 1) < arb("1e-14")
