"""Activations: float evaluation, parity, growth, breakpoints and pieces against independent
mpmath evaluations of the same functions.

Reference provenance: each ``REFERENCE`` entry is written by hand from the textbook definition
with mpmath 1.3 primitives (``ncdf`` for GELU's Phi, ``log1p`` for softplus, ``erf``, ``tanh``),
deliberately in a different form from the package's SymPy expression; evaluated at 40 digits.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp
from flint import acb, arb, ctx, fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.activations import NAMES, Activation, activation
from verify.expressions import SYMBOLS

SETTINGS = settings(deadline=None, max_examples=20, derandomize=True, database=None)
X = SYMBOLS["x"]
mpf = mpmath.mpf

REFERENCE: dict[str, Callable[[mpmath.mpf], mpmath.mpf]] = {
    "relu": lambda x: x if x > 0 else mpf(0),
    "leaky_relu": lambda x: x if x > 0 else x / 100,
    "abs": lambda x: x if x >= 0 else -x,
    "sign": lambda x: mpf(1) if x > 0 else mpf(-1) if x < 0 else mpf(0),
    "step": lambda x: mpf(1) if x > 0 else mpf(0) if x < 0 else mpf(1) / 2,
    "hardtanh": lambda x: mpf(-1) if x < -1 else mpf(1) if x > 1 else x,
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "erf": mpmath.erf,
    "softplus": lambda x: mpmath.log1p(mpmath.exp(x)),
    "gelu": lambda x: x * mpmath.ncdf(x),
    "silu": lambda x: x * (1 / (1 + mpmath.exp(-x))),
    "relu_power": lambda x: x * x if x > 0 else mpf(0),
    "x**3-3*x": lambda x: x**3 - 3 * x,
    "x*erf(x)": lambda x: x * mpmath.erf(x),
    "Max(x,0)**2": lambda x: x * x if x > 0 else mpf(0),
    "exp(-x**2)": lambda x: mpmath.exp(-x * x),
}
SPECS = (*NAMES, "relu_power", "x**3-3*x", "x*erf(x)", "Max(x,0)**2", "exp(-x**2)")


@functools.cache
def _act(spec: str) -> Activation:
    return activation(spec)


def _ref(spec: str, x: float | mpmath.mpf) -> mpmath.mpf:
    with mpmath.workdps(40):
        return +REFERENCE[spec](mpf(x))


def _q(v: sp.Expr) -> mpmath.mpf:
    """A rational as an mpf at 40 digits (the growth constants are rationals)."""
    r = sp.Rational(v)
    with mpmath.workdps(40):
        return mpf(int(r.p)) / int(r.q)


def test_every_registered_name_has_a_reference() -> None:
    assert set(NAMES) | {"relu_power"} <= set(REFERENCE)
    assert {"relu", "sigmoid", "gelu", "silu", "softplus"} <= set(NAMES)


# ---------------------------------------------------------------------------------------------
# Float evaluation.

def _assert_close(spec: str, xs: np.ndarray, got: np.ndarray) -> None:
    for x, v in zip(xs, got, strict=True):
        ref = _ref(spec, float(x))
        assert abs(v - ref) <= 1e-14 + 1e-12 * abs(ref), (spec, x, v, ref)


@pytest.mark.parametrize("spec", SPECS)
@settings(SETTINGS, max_examples=4)
@given(xs=st.lists(st.floats(-40, 40, allow_nan=False), min_size=25, max_size=25))
def test_numpy_matches_mpmath(spec: str, xs: list[float]) -> None:
    arr = np.array(xs)
    got = _act(spec).numpy(arr)
    assert got.shape == arr.shape and got.dtype == float
    _assert_close(spec, arr, got)


@pytest.mark.parametrize("spec", SPECS)
def test_numpy_at_breakpoints_and_zero(spec: str) -> None:
    act = _act(spec)
    xs = np.array([0.0, -0.0, 1.0, -1.0, *(float(b) for b in act.breakpoints)])
    _assert_close(spec, xs, act.numpy(xs))
    assert act.numpy(np.float64(0.5)).shape == ()  # scalars stay scalars


@pytest.mark.parametrize("spec", [
    s for s in SPECS
])
def test_numpy_far_tails(spec: str) -> None:
    xs = np.array([-1e6, -1e3, 1e3, 1e6])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = _act(spec).numpy(xs)
    assert np.isfinite(got).all()
    _assert_close(spec, xs, got)


# ---------------------------------------------------------------------------------------------
# Parity: declared facts hold, and undeclared ones are really absent.

# (odd_part_zero, even_part_constant): written from the definitions, not from the package.
EXPECTED_PARITY: dict[str, tuple[bool, sp.Expr | None]] = {
    "relu": (False, None), "leaky_relu": (False, None), "abs": (True, None),
    "sign": (False, sp.Integer(0)), "step": (False, sp.Rational(1, 2)),
    "hardtanh": (False, sp.Integer(0)), "sigmoid": (False, sp.Rational(1, 2)),
    "tanh": (False, sp.Integer(0)), "erf": (False, sp.Integer(0)), "softplus": (False, None),
    "gelu": (False, None), "silu": (False, None), "relu_power": (False, None),
    "x**3-3*x": (False, sp.Integer(0)), "x*erf(x)": (True, None),
    "Max(x,0)**2": (False, None), "exp(-x**2)": (True, None),
}
PARITY_POINTS = [0.0, 0.37, 1.0, 1.3, 2.9, 7.1]


@pytest.mark.parametrize("spec", SPECS)
def test_declared_parity_is_the_expected_one(spec: str) -> None:
    act = _act(spec)
    odd_zero, const = EXPECTED_PARITY[spec]
    assert act.odd_part_zero is odd_zero
    if const is None:
        assert act.even_part_constant is None
    else:
        assert act.even_part_constant is not None
        assert sp.simplify(act.even_part_constant - const) == 0


@pytest.mark.parametrize("spec", SPECS)
@SETTINGS
@given(x=st.floats(-30, 30, allow_nan=False))
def test_declared_parity_holds_numerically(spec: str, x: float) -> None:
    act = _act(spec)
    plus, minus = _ref(spec, x), _ref(spec, -x)
    with mpmath.workdps(40):
        tol = mpf(10) ** -30 * (1 + abs(plus) + abs(minus))
        if act.odd_part_zero:
            assert abs(plus - minus) <= tol
        if act.even_part_constant is not None:
            assert abs(plus + minus - 2 * _q(act.even_part_constant)) <= tol


@pytest.mark.parametrize("spec", SPECS)
def test_absent_parity_is_really_absent(spec: str) -> None:
    """Planted side: where no parity is claimed, it is false (relu, softplus, gelu, silu, ...)."""
    act = _act(spec)
    if not act.odd_part_zero:
        assert max(abs(_ref(spec, x) - _ref(spec, -x)) for x in PARITY_POINTS) > 1e-3
    if act.even_part_constant is None:
        sums = [_ref(spec, x) + _ref(spec, -x) for x in PARITY_POINTS]
        assert max(sums) - min(sums) > 1e-3


@pytest.mark.parametrize("spec", ["relu", "softplus", "gelu", "silu"])
def test_no_parity_claimed_for_asymmetric_activations(spec: str) -> None:
    act = _act(spec)
    assert act.odd_part_zero is False
    assert act.even_part_constant is None
    assert act.even_part_zero is False


# ---------------------------------------------------------------------------------------------
# Growth |sigma(x)| <= (a + b|x|^p) e^{c|x|} beyond the outermost breakpoints.

OFFSETS = [*np.logspace(-3, 6, 37), 1e6]
GROWTH_EXTRA = ("exp(x)", "sinh(x)", "x**2*exp(-x)")
REFERENCE_EXTRA = {
    "exp(x)": mpmath.exp,
    "sinh(x)": mpmath.sinh,
    "x**2*exp(-x)": lambda x: x * x / mpmath.exp(x),
}


def _outer_points(act: Activation) -> list[mpmath.mpf]:
    bps = [float(b) for b in act.breakpoints] or [0.0]
    lo, hi = min(bps), max(bps)
    return [mpf(v) for t in OFFSETS for v in (hi + t, lo - t)]


def _violations(spec: str, a: mpmath.mpf, b: mpmath.mpf, p: mpmath.mpf,
                c: mpmath.mpf) -> list[float]:
    act = _act(spec)
    fn = REFERENCE_EXTRA.get(spec) or REFERENCE[spec]
    bad = []
    with mpmath.workdps(40):
        for x in _outer_points(act):
            if abs(fn(x)) > (a + b * abs(x) ** p) * mpmath.exp(c * abs(x)):
                bad.append(float(x))
    return bad


def _growth(spec: str) -> tuple[mpmath.mpf, ...]:
    g = _act(spec).growth
    return tuple(_q(v) for v in (g.a, g.b, g.p, g.c))


@pytest.mark.parametrize("spec", SPECS + GROWTH_EXTRA)
def test_growth_bound_holds_far_out(spec: str) -> None:
    a, b, p, c = _growth(spec)
    assert a >= 0 and b >= 0 and p >= 0 and c >= 0
    assert _violations(spec, a, b, p, c) == []


@pytest.mark.parametrize("spec", SPECS + GROWTH_EXTRA)
def test_growth_check_detects_a_too_small_bound(spec: str) -> None:
    """Planted: the points above refute a bound shrunk below the true growth rate."""
    a, b, p, c = _growth(spec)
    if c > 0:
        shrunk = (a, b, p, c - mpf(1) / 2)
    elif b > 0 and p > 0:
        shrunk = (a, b, p - mpf(1) / 2, c)
    else:
        shrunk = (a * mpf("0.999"), b, p, c)
    assert _violations(spec, *shrunk) != []


@pytest.mark.parametrize("spec", ["1/(2+x*exp(x))", "1/(1+x**2*exp(x))"])
def test_reciprocal_of_product_gets_a_bound_or_a_clean_error(spec: str) -> None:
    try:
        act = activation(spec)
    except ValueError as exc:
        assert spec in str(exc)
        return
    assert act.growth.bounded


# ---------------------------------------------------------------------------------------------
# Breakpoints and pieces.

EXPECTED_BREAKPOINTS: dict[str, tuple[sp.Expr, ...]] = {
    "relu": (0,), "leaky_relu": (0,), "abs": (0,), "sign": (0,), "step": (0,),
    "hardtanh": (-1, 1), "relu_power": (0,), "Max(x,0)**2": (0,),
    "sigmoid": (), "tanh": (), "erf": (), "softplus": (), "gelu": (), "silu": (),
    "x**3-3*x": (), "x*erf(x)": (), "exp(-x**2)": (),
}
PIECEWISE_POLYNOMIAL = {"relu", "leaky_relu", "abs", "sign", "step", "hardtanh", "relu_power",
                        "Max(x,0)**2", "x**3-3*x"}


@pytest.mark.parametrize("spec", SPECS)
def test_breakpoints(spec: str) -> None:
    act = _act(spec)
    assert act.breakpoints == tuple(sp.Integer(b) for b in EXPECTED_BREAKPOINTS[spec])
    pieces = act.pieces
    assert pieces[0].lo == -sp.oo and pieces[-1].hi == sp.oo
    assert all(p.hi == q.lo for p, q in zip(pieces, pieces[1:], strict=False))
    assert all(p.lo < p.hi for p in pieces)


@pytest.mark.parametrize("spec", SPECS)
def test_is_piecewise_polynomial(spec: str) -> None:
    assert _act(spec).is_piecewise_polynomial is (spec in PIECEWISE_POLYNOMIAL)


def _interior(lo: sp.Expr, hi: sp.Expr) -> list[float]:
    if lo == -sp.oo and hi == sp.oo:
        return [-6.5, -1.25, -0.1, 0.0, 0.3, 2.75, 9.0]
    if lo == -sp.oo:
        return [float(hi) - t for t in (1e-3, 0.4, 2.5, 11.0)]
    if hi == sp.oo:
        return [float(lo) + t for t in (1e-3, 0.4, 2.5, 11.0)]
    width = float(hi - lo)
    return [float(lo) + f * width for f in (1e-3, 0.25, 0.5, 0.9, 0.999)]


@pytest.mark.parametrize("spec", SPECS)
def test_each_piece_agrees_with_the_function_inside(spec: str) -> None:
    act = _act(spec)
    for piece in act.pieces:
        fn = sp.lambdify(X, piece.expr, modules="mpmath")
        for x in _interior(piece.lo, piece.hi):
            ref = _ref(spec, x)
            with mpmath.workdps(40):
                value = fn(mpf(x))
                assert abs(value - ref) <= mpf(10) ** -30 * (1 + abs(ref)), (spec, piece, x)


@pytest.mark.parametrize("spec", sorted(PIECEWISE_POLYNOMIAL))
def test_piece_polynomials_evaluate_to_the_function(spec: str) -> None:
    act = _act(spec)
    for piece in act.pieces:
        coeffs = piece.polynomial
        assert coeffs is not None
        for x in _interior(piece.lo, piece.hi):
            q = fmpq(*Fraction(x).as_integer_ratio())
            value = sum((c * q**j for j, c in enumerate(coeffs)), fmpq(0))
            ref = _mpf_fraction(_ref(spec, x))
            assert abs(Fraction(int(value.p), int(value.q)) - ref) <= Fraction(1, 10**30) * (
                1 + abs(ref)
            ), (spec, piece, x)


def _exact_fraction(a: arb) -> Fraction:
    man, exp = (int(v) for v in a.man_exp())
    return Fraction(man) * Fraction(2) ** exp


def _mpf_fraction(v: mpmath.mpf) -> Fraction:
    """An mpf (a finite binary float) exactly, as a Fraction (``man_exp`` drops the sign)."""
    sign, man, exp, _ = v._mpf_
    return (-1) ** sign * Fraction(int(man)) * Fraction(2) ** int(exp)


@pytest.mark.parametrize("spec", SPECS)
def test_acb_piece_ball_contains_the_value(spec: str) -> None:
    act = _act(spec)
    saved = ctx.prec
    try:
        ctx.prec = 64
        for i, piece in enumerate(act.pieces):
            f = act.acb_piece(i)
            for x in _interior(piece.lo, piece.hi):
                # a real ball of radius 1e-9 around x stays inside the open piece (gaps >= 1e-3)
                z = f(acb(arb(x, 1e-9)), False)
                assert z.imag.contains(0) and z.imag.rad() < 1e-6
                assert z.real.is_finite() and z.real.rad() < 1e-6, (spec, i, x, z)
                ctx.prec = 4096  # lower()/upper() round outward to the current precision
                lo, hi = _exact_fraction(z.real.lower()), _exact_fraction(z.real.upper())
                ctx.prec = 64
                with mpmath.workdps(60):
                    ref = _mpf_fraction(+REFERENCE[spec](mpf(x)))
                assert lo <= ref <= hi, (spec, i, x, z, ref)
    finally:
        ctx.prec = saved


@pytest.mark.parametrize("spec", ["relu", "abs", "hardtanh", "leaky_relu", "sign", "step"])
@given(st.floats(-5, 5, allow_nan=False).filter(lambda v: abs(v) > 1e-6))
def test_whole_expression_in_arb_contains_numpy(spec: str, value: float) -> None:
    # Regression: Max/Abs of a *symbol* went unsubstituted (a Symbol is a SymPy Boolean).
    from verify.expressions import arb_value

    act = _act(spec)
    ball = arb_value(act.expr, {SYMBOLS["x"]: arb(value)})
    approx = float(act.numpy(np.array([value]))[0])  # doubles: within a few ulps
    assert ball.rad() < 1e-15 and abs(float(ball.mid()) - approx) <= 1e-15 * (1 + abs(approx))


def test_a_plain_sympy_symbol_x_is_the_variable():
    """`activation(x*sp.tanh(x))` with the user's own `sp.Symbol("x")` (no assumptions) is the
    same activation as the string "x*tanh(x)" (it was refused: "must depend on x only (found
    x)"); another name is still refused."""
    import sympy as sp

    from verify.activations import activation
    from verify.hermite import certified_coefficient

    x = sp.Symbol("x")
    mine, theirs = activation(x * sp.tanh(x)), activation("x*tanh(x)")
    assert mine.expr == theirs.expr and mine.odd_part_zero is theirs.odd_part_zero
    assert certified_coefficient(mine, 2, digits=10).ball.overlaps(
        certified_coefficient(theirs, 2, digits=10).ball)
    with pytest.raises(ValueError, match="found y"):
        activation(sp.Symbol("y") * x)
