"""Gaussian and sphere dual kernels with status; closed forms keyed by expression.

Definitions (conventions in :mod:`verify.conventions`):

* Gaussian (Mehler): ``K(rho) = E[sigma(g) sigma(g')] = sum_k c_k^2 rho^k`` for standard
  Gaussians g, g' with correlation rho, ``c_k`` the Hermite coefficients
  (:mod:`verify.hermite`); the cross kernel ``E[sigma1(g) sigma2(g')] = sum_k c_k d_k rho^k``;
* sphere (Funk-Hecke): ``K_{d,r}(rho) = E[sigma(r<u,x>) sigma(r<v,x>)] = sum_k N(d,k) a_k^2
  P_{k,d}(rho)`` for x uniform on S^{d-1} and unit u, v with ``<u,v> = rho``, ``a_k`` the
  Gegenbauer coefficients (:mod:`verify.gegenbauer`).

Method: the series, with coefficients from the certified tiers (the shared-node engine, or
the exact tiers where they apply) in blocks, and a proved remainder from Parseval
(``E[sigma^2] - sum_{k<=N} c_k^2``, Cauchy-Schwarz for two activations; ``|P_{k,d}| <= 1``
on [-1, 1]). Guarantee: every ball contains the kernel value; a status (``met``) is computed
by the ``*_coefficient`` entries, never assumed. Closed forms (ReLU, abs, sign, step, erf:
Cho & Saul 2009, Williams 1998) are keyed by the expression, so ``Max(x, 0)`` gets ReLU's.

>>> from verify.activations import activation
>>> ball, n = dual_kernel(activation("relu"), 0, digits=10)
>>> ball.overlaps(1 / (2 * arb.pi())), n
(True, 16)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
import sympy as sp
from flint import arb, fmpq

from .activations import Activation, X, activation
from .conventions import check_dimension, harmonic_dimension
from .gegenbauer import (
    SPHERE_MAX_DEGREE,
    certified_sphere_coefficients,
    check_radius,
    gegenbauer_coefficients,
    has_exact_sphere_form,
    sphere_second_moment,
)
from .hermite import (
    MAX_DEGREE,
    certified_coefficients,
    check_activation,
    exact_coefficients,
    has_exact_form,
    polynomial_degree,
    polynomial_derivatives,
    second_moment,
)
from .integrate import recurrence_loss_bits
from .numbers import (
    GUARD_ALLOWANCE,
    Coefficient,
    ExactValue,
    NonFiniteBall,
    check_digits,
    guard_bits,
    meets_digits,
    nonnegative_upper,
    workprec,
)
from .orthopoly import gegenbauer_sphere_values

#: Largest number of series terms of a dual kernel.
MAX_TERMS = MAX_DEGREE["certified"]


# ---------------------------------------------------------------------------------------------
# Arguments.

def check_rho(rho: object) -> arb:
    """Validate a correlation ``-1 <= rho <= 1``; return it as a ball.

    Accepts Python and numpy integers, finite floats (read exactly), ``fmpq``,
    ``fractions.Fraction``, SymPy Rationals and finite ``arb`` balls inside [-1, 1]. A bool is
    not a number here; NaN and infinities are refused. Raises TypeError or ValueError.
    """
    if isinstance(rho, arb):
        value = rho
    else:
        value = arb(_exact_rho(rho))
    if not value.is_finite() or value > 1 or value < -1:
        raise ValueError(f"rho={rho} must lie in [-1, 1] (a correlation)")
    return value


def check_rho_exact(rho: object) -> sp.Rational:
    """As :func:`check_rho`, for an exact correlation: returned as a SymPy Rational (a float
    is read exactly, ``0.1`` as the double nearest 1/10; an arb ball is refused)."""
    q = _exact_rho(rho)
    value = sp.Rational(int(q.p), int(q.q))
    if abs(value) > 1:
        raise ValueError(f"rho={rho} must lie in [-1, 1] (a correlation)")
    return value


def _rational_ball(q: sp.Rational) -> arb:
    """The ball of an exact rational at the current working precision."""
    return arb(fmpq(int(q.p), int(q.q)))


def _exact_rho(rho: object) -> fmpq:
    if isinstance(rho, bool | np.bool_):
        raise TypeError(f"rho={rho!r} must be a number in [-1, 1], not a bool")
    if isinstance(rho, float | np.floating):
        if not math.isfinite(rho):
            raise ValueError(f"rho={rho} must be a finite number in [-1, 1] (a correlation)")
        frac = Fraction(float(rho))
        return fmpq(frac.numerator, frac.denominator)
    if isinstance(rho, int | np.integer):
        return fmpq(int(rho))
    if isinstance(rho, Fraction):
        return fmpq(rho.numerator, rho.denominator)
    if isinstance(rho, fmpq):
        return rho
    if isinstance(rho, sp.Basic) and rho.is_Rational:
        return fmpq(int(rho.p), int(rho.q))
    raise TypeError(f"rho={rho!r} must be an exact number in [-1, 1] (int, Fraction, SymPy "
                    "Rational, fmpq or a finite float)")


def check_max_terms(max_terms: object) -> int:
    """Validate a number of series terms: an integer from 1 to ``MAX_TERMS``."""
    if isinstance(max_terms, bool | np.bool_) or not isinstance(max_terms, int | np.integer):
        raise TypeError(f"max_terms={max_terms!r} must be a positive integer")
    if not 1 <= max_terms <= MAX_TERMS:
        raise ValueError(f"max_terms={max_terms} must be from 1 to {MAX_TERMS}; use e.g. 400")
    return int(max_terms)


# ---------------------------------------------------------------------------------------------
# The Gaussian dual kernel (Mehler series).

def dual_kernel(act: Activation, rho: arb | float | fmpq, *, digits: int = 20,
                max_terms: int = 400) -> tuple[arb, int]:
    """Certified ``K(rho) = E[sigma(g) sigma(g')] = sum_k c_k^2 rho^k`` and the terms used.

    Tail: ``|sum_{k>N} c_k^2 rho^k| <= |rho|^{N+1} (E[sigma^2] - sum_{k<=N} c_k^2)``, with
    ``E[sigma^2]`` certified; a polynomial activation's tail is exactly 0 past its degree.
    Terms are added until that bound is below ``10**-digits``, or ``max_terms`` is reached
    (the ball is then wider, but still valid). Whether the digits were met is what
    :func:`dual_kernel_coefficient` reports.
    """
    balls, n = cross_kernel(act, act, [rho], digits=digits, max_terms=max_terms)
    return balls[0], n


def dual_kernel_coefficient(act: Activation, rho: arb | float | fmpq, *, digits: int = 20,
                            max_terms: int = 400) -> Coefficient:
    """``K(rho)`` as a :class:`Coefficient` (``k = -1``) with a computed status: ``met`` is
    True exactly when the ball has ``digits`` relative digits (:func:`meets_digits`) or is an
    exact point; the method says how many terms were summed and whether the tail target
    was met. The series is asked for ``digits + 3`` absolute digits."""
    act = check_activation(act)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    balls, n, tail_met = _cross_kernel(act, act, [rho], digits + 3, max_terms)
    ball = balls[0]
    met = meets_digits(ball, digits) or ball.rad() == 0
    why = "" if tail_met else f"; the tail bound missed 10^-{digits + 3} at max_terms={n}"
    return Coefficient(-1, "certified", ball, None,
                       f"Mehler series, {n} terms + proved tail{why}", met)


def cross_kernel(act1: Activation, act2: Activation, rhos: Sequence[arb | float | fmpq], *,
                 digits: int = 20, max_terms: int = 400) -> tuple[list[arb], int]:
    """Certified ``E[sigma1(g) sigma2(g')] = sum_k c_k(sigma1) c_k(sigma2) rho^k`` for several
    correlations at once (the coefficients are computed once).

    Tail by Cauchy-Schwarz: ``|sum_{k>N} c_k d_k rho^k| <= |rho|^{N+1} sqrt(R_1 R_2)`` with
    ``R_i = E[sigma_i^2] - sum_{k<=N} c_k(sigma_i)^2``, bounded above from the proved upper
    ends of the balls (never the square root of a ball that straddles 0); for polynomial
    activations ``R_i`` is exactly 0 once N passes the degree.
    """
    balls, n, _ = _cross_kernel(act1, act2, rhos, digits, max_terms)
    return balls, n


def _cross_kernel(act1: Activation, act2: Activation, rhos: Sequence[arb | float | fmpq],
                  digits: int, max_terms: int) -> tuple[list[arb], int, bool]:
    """:func:`cross_kernel` and whether the tail target ``10**-digits`` was met."""
    act1, act2 = check_activation(act1), check_activation(act2)
    if isinstance(rhos, str | bytes) or not hasattr(rhos, "__iter__"):
        raise TypeError(f"rhos={rhos!r} must be a sequence of correlations")
    for r in rhos:
        check_rho(r)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    max_terms = check_max_terms(max_terms)
    same = act1 is act2
    degrees = (polynomial_degree(act1), polynomial_degree(act2))
    with workprec(guard_bits(digits, extra=30)):
        # an exact rho becomes a ball at the working precision (not at the caller's)
        rho_balls = [r if isinstance(r, arb) else _rational_ball(check_rho_exact(r)) for r in rhos]
        mass1 = second_moment(act1, digits=digits + 5)
        mass2 = mass1 if same else second_moment(act2, digits=digits + 5)
        threshold = arb(10) ** (-digits)
        part1, part2 = arb(0), arb(0)
        series = [arb(0) for _ in rho_balls]
        powers = [arb(1) for _ in rho_balls]
        n, block = 0, 16
        while True:
            c1 = _coefficient_block(act1, n, n + block, digits + 5, max_terms)
            c2 = c1 if same else _coefficient_block(act2, n, n + block, digits + 5, max_terms)
            for a, b in zip(c1, c2, strict=True):
                part1 += a.ball * a.ball
                part2 += b.ball * b.ball
                prod = a.ball * b.ball
                for i, r in enumerate(rho_balls):
                    series[i] += prod * powers[i]
                    powers[i] *= r
            n += block
            if any(deg is not None and n > deg for deg in degrees):
                rem = arb(0)  # c_k = 0 exactly past a polynomial's degree: no tail at all
            else:
                rem = _remainder_bound(mass1 - part1, mass2 - part2)
            tails = [arb(abs(pw).upper()) * rem for pw in powers]
            met = all(arb(t.upper()) < threshold for t in tails)
            if met or n >= max_terms:
                return ([s + arb(0, t.upper()) for s, t in zip(series, tails, strict=True)],
                        n, met)


def _remainder_bound(r1: arb, r2: arb) -> arb:
    """An exact non-negative upper bound of ``sqrt(R_1 R_2)`` from balls containing
    ``R_1, R_2 >= 0``: the square root of the product of their clamped upper ends."""
    u1, u2 = nonnegative_upper(r1), nonnegative_upper(r2)
    if not (r1.is_finite() and r2.is_finite()):
        raise NonFiniteBall(f"Parseval remainder R_1={r1}, R_2={r2} is not finite; this is "
                            "a bug in verify")
    return arb((u1 * u2).sqrt().upper())


_EXACT_PREFIX_CACHE: dict[sp.Expr, list[ExactValue]] = {}


def _exact_prefix(act: Activation, stop: int) -> list[ExactValue]:
    """``exact_coefficients(act, stop - 1)``, extended by doubling and memoized, so a series
    summed block by block costs linear, not quadratic, time."""
    have = _EXACT_PREFIX_CACHE.get(act.expr, [])
    if len(have) < stop:
        have = exact_coefficients(act, max(stop, 2 * len(have)) - 1)
        _EXACT_PREFIX_CACHE[act.expr] = have
    return have[:stop]


def _coefficient_block(act: Activation, start: int, stop: int, digits: int, max_terms: int
                       ) -> list[Coefficient]:
    """``c_start..c_{stop-1}``: exact where the exact tier applies, else from the engine's
    row, computed (and remembered) up to ``max(stop, min(2 start, max_terms)) - 1`` at once, so
    a series summed block by block costs O(log) engine calls."""
    if has_exact_form(act):
        values = _exact_prefix(act, stop)[start:stop]
        return [Coefficient(start + i, "exact", v.ball(), v, "", True)
                for i, v in enumerate(values)]
    top = min(max(stop, min(2 * start, max_terms)), MAX_DEGREE["certified"] + 1) - 1
    return certified_coefficients(act, top, digits=digits)[start:stop]


# ---------------------------------------------------------------------------------------------
# Closed forms (keyed by expression) and Parseval's tail.

def kernel_closed_form(act: Activation) -> sp.Expr | None:
    """Closed form of the dual kernel in ``rho`` for activations where one is known.

    Keyed by the expression, not the name: ``Max(x, 0)`` is ReLU, ``Abs(x)`` is abs
    (Cho & Saul 2009 for relu/abs; ``2/pi asin`` for sign; erf by Williams 1998).
    """
    from .expressions import SYMBOLS

    rho = SYMBOLS["rho"]
    return _closed_forms(rho).get(sp.srepr(check_activation(act).expr))


_CLOSED_FORMS: dict[str, sp.Expr] = {}


def _closed_forms(rho: sp.Symbol) -> dict[str, sp.Expr]:
    if not _CLOSED_FORMS:
        forms = {
            "relu": (sp.sqrt(1 - rho**2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi),
            "abs": 2 / sp.pi * (sp.sqrt(1 - rho**2) + rho * sp.asin(rho)),
            "sign": 2 / sp.pi * sp.asin(rho),
            "step": sp.Rational(1, 4) + sp.asin(rho) / (2 * sp.pi),
            "erf": 2 / sp.pi * sp.asin(2 * rho / 3),
        }
        _CLOSED_FORMS.update({sp.srepr(activation(name).expr): form
                              for name, form in forms.items()})
    return _CLOSED_FORMS


def parseval_tail_bound(act: Activation, n_terms: int) -> arb | None:
    """A proved bound on ``sum_{k > n_terms} c_k^2``, or None when none is available.

    * piecewise polynomial whose only breakpoint is 0 (relu, abs, sign, step, leaky_relu,
      relu powers): ``|h_n(0)| <= (pi n/2)^{-1/4}`` in the jump formula gives
      ``c_k^2 <= D^2/(2pi) (k-1-m)^{-(j0+3/2)}``, summed against an integral;
    * smooth activations: Stein's identity with ``m`` derivatives,
      ``sum_{k>N} c_k^2 <= E[(sigma^(m))^2] (N+1-m)!/(N+1)!`` (proofs_notes/conventions.md §4).
    """
    if act.is_piecewise_polynomial and [str(b) for b in act.breakpoints] == ["0"]:
        left, right = act.pieces
        assert left.polynomial is not None and right.polynomial is not None
        dl = polynomial_derivatives(left.polynomial, fmpq(0))
        dr = polynomial_derivatives(right.polynomial, fmpq(0))
        m = max(len(dl), len(dr)) - 1
        jumps = [(dr[j] if j < len(dr) else 0) - (dl[j] if j < len(dl) else 0)
                 for j in range(m + 1)]
        nonzero = [j for j, v in enumerate(jumps) if v != 0]
        if not nonzero:
            return arb(0)
        j0 = nonzero[0]
        big_d = fmpq(0)
        for v in jumps:
            big_d += abs(fmpq(v))
        base = n_terms - 1 - m
        if base < 1:
            return None
        ex = arb(2 * j0 + 1) / 2
        return big_d * big_d / (2 * arb.pi()) * arb(base) ** (-ex) / ex
    if len(act.pieces) == 1 and not act.expr.is_polynomial(X):
        order = min(8, max(1, n_terms // 4))
        try:
            derivative = activation(sp.diff(act.expr, X, order))
        except ValueError:
            return None
        moment = second_moment(derivative, digits=10)
        ratio = arb(1)
        for i in range(n_terms + 2 - order, n_terms + 2):
            ratio /= i
        return moment * ratio
    return None


# ---------------------------------------------------------------------------------------------
# The sphere dual kernel.

def sphere_dual_kernel(act: Activation, rho: arb | float | fmpq, *, d: int, r: object = 1,
                       digits: int = 15, max_terms: int = 200) -> tuple[arb, int]:
    """``K_{d,r}(rho) = sum_k N(d,k) a_k^2 P_{k,d}(rho) = E[sigma(r<u,x>) sigma(r<v,x>)]`` for
    ``<u,v> = rho``, with the tail bounded by ``E[sigma^2] - sum_{k<=N} N(d,k) a_k^2`` (since
    ``|P_{k,d}| <= 1`` on [-1, 1]), taken from the proved upper end of that ball (clamped at
    0); for a polynomial activation the tail is exactly 0 past its degree. Coefficients are
    computed in blocks of 16 and the sum stops once that bound is below ``10**-digits`` (or at
    ``max_terms``). Returns the ball and the number of terms used; the status is what
    :func:`sphere_dual_kernel_coefficient` reports."""
    ball, n, _ = _sphere_dual_kernel(act, rho, d, r, digits, max_terms)
    return ball, n


def sphere_dual_kernel_coefficient(act: Activation, rho: arb | float | fmpq, *, d: int,
                                   r: object = 1, digits: int = 15, max_terms: int = 200
                                   ) -> Coefficient:
    """``K_{d,r}(rho)`` as a :class:`Coefficient` (``k = -1``) whose ``met`` is computed: True
    exactly when the ball has ``digits`` relative digits or is an exact point. The series is
    asked for ``digits + 3`` absolute digits."""
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    ball, n, tail_met = _sphere_dual_kernel(act, rho, d, r, digits + 3, max_terms)
    met = meets_digits(ball, digits) or ball.rad() == 0
    why = "" if tail_met else f"; the tail bound missed 10^-{digits + 3} at max_terms={n}"
    return Coefficient(-1, "certified", ball, None,
                       f"Funk-Hecke series, {n} terms + proved tail{why}", met)


def _sphere_dual_kernel(act: Activation, rho: object, d: object, r: object, digits: object,
                        max_terms: object) -> tuple[arb, int, bool]:
    act = check_activation(act)
    check_rho(rho)
    d = check_dimension(d)
    radius = check_radius(r)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    max_terms = check_max_terms(max_terms)
    exact = has_exact_sphere_form(act, radius)
    degree = polynomial_degree(act)
    with workprec(guard_bits(digits, extra=30 + recurrence_loss_bits("sphere", max_terms, d=2))):
        if isinstance(rho, arb):
            rho_ball = rho
        else:
            q = check_rho_exact(rho)
            rho_ball = arb(fmpq(int(q.p), int(q.q)))
        p_values = gegenbauer_sphere_values(max_terms, d, rho_ball)
    with workprec(guard_bits(digits, extra=30)):
        total = sphere_second_moment(act, d=d, r=radius, digits=digits + 5)
        table = (gegenbauer_coefficients(act, max_terms, d=d, r=radius, digits=digits + 5)
                 if exact else None)
        series, partial = arb(0), arb(0)
        remaining, threshold = arb(0), arb(10) ** (-digits)
        for start in range(0, max_terms + 1, 16):
            stop = min(start + 16, max_terms + 1)
            # the engine's row, computed (and remembered) up to at least twice the start
            top = min(max(stop, min(2 * start, max_terms + 1)),
                      SPHERE_MAX_DEGREE["certified"] + 1) - 1
            block = table[start:stop] if table is not None else certified_sphere_coefficients(
                act, top, d=d, r=radius, digits=digits + 5)[start:stop]
            for n, c in enumerate(block, start):
                term = harmonic_dimension(d, n) * c.ball * c.ball
                partial += term
                series += term * p_values[n]
            if degree is not None and stop > degree:
                return series, stop, True  # a_k = 0 exactly past the degree: no tail
            rest = total - partial
            if not rest.is_finite():
                raise NonFiniteBall(f"Parseval remainder {rest} of {act.name} is not finite; "
                                    "this is a bug in verify")
            remaining = nonnegative_upper(rest)
            if remaining < threshold:
                return series + arb(0, remaining.upper()), stop, True
        return series + arb(0, remaining.upper()), max_terms + 1, False
