"""Shared registration glue of the gkk19 package: the paper's name, ReLU, and the exact pairs
``a + b/sqrt(2 pi)`` read off the core's exact Hermite coefficients.

All mathematics lives in the core: He_k in :mod:`verify.orthopoly`, Gaussian (half-line)
moments in :mod:`verify.moments`, Dawson's function and the normal law in
:mod:`verify.special`, the verdict rules in :mod:`verify.decide`.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import sympy as sp
from flint import arb, ctx, fmpq, fmpq_poly

from verify import decide
from verify.activations import activation
from verify.checks import CheckResult
from verify.claims.base import arb_of
from verify.hermite import exact_coefficients
from verify.moments import HalfLine, half_line_expectation
from verify.numbers import ExactValue
from verify.orthopoly import hermite_prob_poly

PAPER = "gkk19"
RELU = activation("relu")
X = fmpq_poly([0, 1])


def q(x: int | Fraction | fmpq) -> fmpq:
    """A rational as ``fmpq``."""
    if isinstance(x, Fraction):
        return fmpq(x.numerator, x.denominator)
    return fmpq(x)


def const(expr: sp.Expr | int | Fraction | str) -> arb:
    """A closed-form constant as a ball at the working precision (the caller's ``workprec``)."""
    return arb_of(expr, ctx.prec)


@cache
def relu_half_line(i: int) -> HalfLine:
    """``sqrt(i!) c_i(ReLU) = E[relu(g) He_i(g)] = int_0^oo x He_i(x) phi(x) dx`` exactly
    (half-line moments: a route independent of the core's jump formula)."""
    return half_line_expectation(X * hermite_prob_poly(i))


@cache
def core_exact(name: str, k_max: int) -> tuple[ExactValue, ...]:
    """The core's exact Hermite coefficients c_0..c_k_max of a registered activation."""
    return tuple(exact_coefficients(activation(name), k_max))


def ab_of(v: ExactValue, k: int) -> HalfLine:
    """``sqrt(k!) c_k = a + b/sqrt(2 pi)`` read off a core :class:`ExactValue` (its bases must be
    1 and rational multiples of ``1/sqrt(2 pi)``)."""
    if not v.is_zero() and v.k != k and not (k <= 1 and v.k <= 1):
        raise ValueError(f"ExactValue for degree {v.k} where degree k={k} was expected")
    a, b = fmpq(0), fmpq(0)
    for basis, coeff in v.terms.items():
        if basis == 1:
            a += coeff
            continue
        ratio = sp.nsimplify(sp.simplify(basis * sp.sqrt(2 * sp.pi)))
        if not ratio.is_Rational:
            raise ValueError(f"basis {basis} is not a rational multiple of 1/sqrt(2 pi)")
        b += coeff * fmpq(int(ratio.p), int(ratio.q))
    return HalfLine(a, b)


def ab_ball(value: HalfLine, k: int = 0) -> arb:
    """The ball of ``(a + b/sqrt(2 pi))/sqrt(k!)`` at the working precision."""
    return value.ball() / arb.fac_ui(k).sqrt()


def gaussian_expectation(poly: fmpq_poly) -> fmpq:
    """``E[p(g)]``, g ~ N(0, 1), for a rational polynomial: ``sum_n p_n (n-1)!!`` over even n
    (:func:`verify.moments.gaussian_moment`)."""
    from verify.moments import gaussian_moment

    return sum((c * gaussian_moment(n) for n, c in enumerate(poly.coeffs())), fmpq(0))


def identity(claim_text: str, lhs: sp.Expr, rhs: sp.Expr, *,
             point: dict[sp.Symbol, sp.Expr], method: str = "SymPy") -> CheckResult:
    """A symbolic identity of the paper: VERIFIED only by a SymPy proof that the expanded sides
    agree, REFUTED by an exact point where they differ, INCONCLUSIVE otherwise
    (:func:`verify.decide.identity_at_points`; agreement at the point never verifies)."""
    return decide.identity_at_points(claim_text, sp.expand(lhs), sp.expand(rhs), points=[point],
                                     method=method)
