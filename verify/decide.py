"""Relations decided: ONE meaning of each verdict (DESIGN.md, "Evidence").

Every function here returns a :class:`~verify.checks.CheckResult` and decides one relation with
one rule, stated in its docstring. The rules share three principles:

* **VERIFIED** only on a proof: an exact computation (strength ``exact``) or Arb enclosures
  that imply the relation for every value in the balls (strength ``certified``). An equality
  decided to digits or to a tolerance says so in its claim text ("to within r").
* **REFUTED** only on a proof of the *negation of the same relation*: for an equality to
  ``digits`` that is a proof that the two sides differ by *more than the tolerance*, so the
  verdict depends on ``digits`` and never on how much working precision was spent; a claim and
  its negation can never both be VERIFIED. For an *exact identity* (``identity=True``, what
  the catalogue's identities are) the relation is equality itself: a difference ball that
  excludes 0 refutes it.
* **INCONCLUSIVE** otherwise, saying why (how many digits were proved, which ball was too
  wide). A NaN or infinite ball is never a result: it gives INCONCLUSIVE with the reason.

Kinds of relation:

=========================  ==================================================================
exact                      :func:`exact_equal` (SymPy), :func:`rational_equal` (fmpq),
                           :func:`rational_compare`, :func:`polynomial_identity`,
                           :func:`identity_at_points`
equality to digits         :func:`ball_equal` (relative), :func:`decide_equal` (a claimed
                           SymPy value against a computed coefficient, raising precision)
absolute tolerance         :func:`ball_within` (``|lhs - rhs| <= abs_tol``),
                           :func:`decide_within`
inequality                 :func:`ball_compare` (``<=, <, >=, >``), :func:`ball_less_equal`
interval                   :func:`ball_in_interval` (``lo <= x <= hi``),
                           :func:`bound_on_interval`, :func:`monotone_bound_on_interval`
                           (``f(x) <= g(x)`` for every x of a real interval)
rounded decimal            :func:`rounded_decimal`, :func:`decide_value` (every digit a
                           decimal spells: within half a unit in its last place)
non-zero                   :func:`proved_nonzero`
conjunction                :func:`all_of`
any of these, raising      :func:`decide_relation` (values recomputed at growing precision)
precision
=========================  ==================================================================

Arguments are validated once, at these public entries (TypeError/ValueError with one line
that names the parameter). The ``decide_*`` functions take a computed
:class:`~verify.numbers.Coefficient` and are called by entries that have validated their
arguments already (:mod:`verify.referee`): they do not validate again.

>>> from flint import arb
>>> ball_equal("1/3 = 0.3333", arb(1) / 3, arb("0.3333"), digits=3, method="Arb").verdict.value
'verified'
>>> ball_equal("1/3 = 0.3333", arb(1) / 3, arb("0.3333"), digits=6, method="Arb").verdict.value
'refuted'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from flint import arb, arf, ctx, fmpq, fmpz

from .budget import ProofTimeout, time_limit
from .checks import CheckResult, Strength, Verdict, combine
from .expressions import arb_value
from .numbers import (
    MAX_DIGITS,
    Coefficient,
    check_digits,
    guard_bits,
    report_ball,
    terminating_decimal,
    workprec,
)

#: Seconds SymPy is given to prove a difference is 0 (:func:`proved_zero`).
PROOF_SECONDS = 5
#: The relations :func:`ball_compare` decides.
RELATIONS = ("<=", "<", ">=", ">")
#: Precision passes of the ``decide_*`` loops: start at ``guard_bits(digits, extra=40)``,
#: multiply by 3 per pass.
_PASSES = 3
_FIRST_PASS_EXTRA = 40


# ---------------------------------------------------------------------------------------------
# Small shared pieces.

def _text(value: Any, limit: int = 300) -> str:
    s = str(value)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _show(x: arb, digits: int = 15) -> str:
    """A ball as reported text; ``"nan"``/``"inf"`` for a non-finite one (shown as evidence of
    why a verdict is INCONCLUSIVE, never as a value)."""
    if not x.is_finite():
        return "nan" if x.mid().is_nan() else "inf"
    return report_ball(x, digits)[0]


def _bound_text(x: arb) -> str:
    return _show(arb(x.upper()), 3)


def _ball(x: object, name: str) -> arb:
    """An argument as a ball at the current precision: an arb; an exact int, Fraction, fmpq
    or SymPy number (enclosed); a float (its exact binary value). Raises TypeError."""
    if isinstance(x, arb):
        return x
    if isinstance(x, bool | np.bool_):
        raise TypeError(f"{name}={x!r} must be a number (an arb ball or an exact number), "
                        "not a bool")
    if isinstance(x, int | np.integer):
        return arb(int(x))
    if isinstance(x, float | np.floating):
        return arb(float(x))
    if isinstance(x, Fraction):
        return arb(fmpq(x.numerator, x.denominator))
    if isinstance(x, fmpq | fmpz):
        return arb(x)
    if isinstance(x, arf):
        return arb(x)
    if isinstance(x, sp.Basic):
        expr = sp.sympify(x)
        if expr.free_symbols:
            raise ValueError(f"{name}={_text(x, 80)} must be a constant; "
                             f"{', '.join(map(str, expr.free_symbols))} is left unset")
        return arb_value(expr)
    raise TypeError(f"{name}={x!r} must be an arb ball or an exact number (int, Fraction, "
                    "fmpq, SymPy number)")


def _nonfinite(claim: str, method: str, evidence: Mapping[str, Any], **balls: arb
               ) -> CheckResult | None:
    """INCONCLUSIVE naming the first non-finite ball, or None when all are finite."""
    for name, ball in balls.items():
        if not ball.is_finite():
            return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                               f"{method}; {name} has no finite enclosure ({_show(ball)}), "
                               "so nothing is decided", {**evidence, name: _show(ball)})
    return None


def _check_method(method: object) -> str:
    if not isinstance(method, str):
        raise TypeError(f"method={method!r} must be a string naming how the values were "
                        "computed")
    return method


def _check_claim(claim: object) -> str:
    if not isinstance(claim, str):
        raise TypeError(f"claim={claim!r} must be a string stating the claim decided")
    return claim


def _check_tol(tol: object, name: str = "abs_tol") -> arb:
    """A non-negative finite tolerance as a ball (an exact number, a float read exactly, an
    arb or arf). A ball that reaches below 0 (e.g. ``abs(x) * 1e-20`` for an ``x`` whose ball
    contains 0) is accepted: only its non-negative part can VERIFY (``lower(tol)`` < 0 verifies
    nothing) and its upper end bounds a REFUTED. Raises TypeError, or ValueError for a
    non-finite or provably negative tolerance."""
    ball = _ball(tol, name)
    if not ball.is_finite() or ball < 0:
        raise ValueError(f"{name}={tol} must be a finite number >= 0")
    return ball


# ---------------------------------------------------------------------------------------------
# The two tolerance rules (the ONE meaning of "equal to within a tolerance").

def _tolerance_rule(distance: arb, allowed: arb) -> Verdict | None:
    """``distance <= allowed`` for two finite balls: VERIFIED when ``upper(distance) <=
    lower(allowed)`` (true for every value in the balls), REFUTED when ``lower(distance) >
    upper(allowed)`` (false for every value), None when the balls straddle."""
    if arb(distance.upper()) <= arb(allowed.lower()):
        return Verdict.VERIFIED
    if arb(distance.lower()) > arb(allowed.upper()):
        return Verdict.REFUTED
    return None


def relative_allowed(ref: arb, digits: int) -> arb:
    """``10^-digits * |ref|``: the difference that ``digits`` relative significant digits allow
    against the reference value ``ref`` (an exact zero allows no difference)."""
    return arb(10) ** (-int(digits)) * abs(ref)


def proved_digits(diff: arb, ref: arb) -> int:
    """Relative significant digits of agreement proved: the largest n >= 0 with ``upper(|diff|)
    <= 10^-n lower(|ref|)`` (0 when ``ref`` may be 0 or nothing is proved; ``MAX_DIGITS``
    stands for "all" when the difference is exactly 0 and ``ref`` is not).

    >>> from flint import arb
    >>> proved_digits(arb("1e-12"), arb(3)), proved_digits(arb(0), arb(1))
    (12, 800)
    """
    if not (diff.is_finite() and ref.is_finite()) or ref.contains(0):
        return 0
    top = arb(abs(diff).upper())
    if top == 0:
        return MAX_DIGITS
    ratio = arb(abs(ref).lower()) / top
    if ratio < 1:
        return 0
    log10 = (ratio.log() / arb(10).log())
    n = int(math.floor(float(log10.lower())))
    # float rounding can overshoot by one: confirm with the exact rule.
    while n > 0 and not arb(abs(diff).upper()) <= arb(relative_allowed(ref, n).lower()):
        n -= 1
    return max(n, 0)


# ---------------------------------------------------------------------------------------------
# Exact decisions.

def proved_zero(expr: sp.Expr, *, seconds: float = PROOF_SECONDS) -> bool:
    """SymPy proves ``expr == 0`` within ``seconds`` (False means: not proved).

    >>> proved_zero(sp.sin(1)**2 + sp.cos(1)**2 - 1), proved_zero(sp.pi - 3)
    (True, False)
    """
    if expr == 0:
        return True
    try:
        with time_limit(seconds):
            return bool(sp.simplify(expr) == 0)
    except (ProofTimeout, TypeError, ValueError, NotImplementedError, RecursionError):
        return False


def _undefined(expr: sp.Basic) -> bool:
    return bool(expr.has(sp.nan, sp.zoo, sp.oo, -sp.oo))


def exact_equal(claim: str, lhs: object, rhs: object, *, method: str,
                evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs == rhs`` for closed-form constants or expressions (SymPy).

    Rule: VERIFIED (exact) when SymPy simplifies ``lhs - rhs`` to 0; REFUTED (exact) when the
    simplified difference is a non-zero rational; REFUTED (certified) when it is a constant
    whose Arb ball (200 bits, then 800) excludes 0; INCONCLUSIVE otherwise (a difference with
    free symbols SymPy cannot zero, or one that is undefined: nan, zoo, oo).

    >>> exact_equal("pi = 355/113", sp.pi, sp.Rational(355, 113), method="m").strength.value
    'certified'
    """
    claim, method = _check_claim(claim), _check_method(method)
    lhs_e, rhs_e = sp.sympify(lhs), sp.sympify(rhs)
    ev = {"lhs": _text(lhs_e), "rhs": _text(rhs_e), **dict(evidence or {})}
    if _undefined(lhs_e) or _undefined(rhs_e):
        return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                           method + "; a side is undefined (nan, zoo or oo)", ev)
    diff = sp.simplify(lhs_e - rhs_e)
    if diff == 0:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim, method, ev)
    if diff.is_Rational:
        return CheckResult(Verdict.REFUTED, Strength.EXACT, claim, method,
                           {**ev, "difference": str(diff)})
    if not diff.free_symbols and not _undefined(diff):
        for bits in (200, 800):
            with workprec(bits):
                try:
                    ball = arb_value(diff)
                except (ValueError, TypeError, NotImplementedError):
                    break
            if ball.is_finite() and not ball.contains(0):
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                   method + "; the difference, in Arb, excludes 0",
                                   {**ev, "difference": report_ball(ball, 15)[0]})
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                       method + "; SymPy could not decide the difference",
                       {**ev, "difference": _text(diff)})


def _fmpq(x: object, name: str) -> fmpq:
    if isinstance(x, bool | np.bool_):
        raise TypeError(f"{name}={x!r} must be a rational (int, Fraction, fmpq), not a bool")
    if isinstance(x, Fraction):
        return fmpq(x.numerator, x.denominator)
    if isinstance(x, int | np.integer):
        return fmpq(int(x))
    if isinstance(x, fmpq):
        return x
    if isinstance(x, fmpz):
        return fmpq(x)
    if isinstance(x, sp.Rational):
        return fmpq(int(x.p), int(x.q))
    raise TypeError(f"{name}={x!r} must be a rational (int, Fraction, fmpz, fmpq, SymPy "
                    "Rational)")


def rational_equal(claim: str, lhs: object, rhs: object, *, method: str,
                   evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs == rhs`` for rationals: exact both ways (VERIFIED or REFUTED, exact)."""
    claim, method = _check_claim(claim), _check_method(method)
    a, b = _fmpq(lhs, "lhs"), _fmpq(rhs, "rhs")
    ev = {"lhs": str(a), "rhs": str(b), **dict(evidence or {})}
    verdict = Verdict.VERIFIED if a == b else Verdict.REFUTED
    return CheckResult(verdict, Strength.EXACT, claim, method, ev)


def rational_compare(claim: str, lhs: object, relation: str, rhs: object, *, method: str,
                     evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs REL rhs`` (REL in ``<=, <, >=, >``) for rationals: exact both ways.

    >>> rational_compare("1/3 < 1/2", Fraction(1, 3), "<", Fraction(1, 2), method="m").verdict.value
    'verified'
    """
    claim, method = _check_claim(claim), _check_method(method)
    if relation not in RELATIONS:
        raise ValueError(f"relation={relation!r} must be one of {', '.join(RELATIONS)}")
    a, b = _fmpq(lhs, "lhs"), _fmpq(rhs, "rhs")
    holds = {"<=": a <= b, "<": a < b, ">=": a >= b, ">": a > b}[relation]
    ev = {"lhs": str(a), "rhs": str(b), **dict(evidence or {})}
    return CheckResult(Verdict.VERIFIED if holds else Verdict.REFUTED, Strength.EXACT, claim,
                       method, ev)


def polynomial_identity(claim: str, diff: Any, *, method: str,
                        evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs - rhs == 0`` for an exact polynomial ``diff`` over the rationals (a SymPy
    ``Poly`` or sparse ring element, a flint ``fmpq_poly``/``fmpz_poly``/``fmpq_mpoly``).

    Rule: VERIFIED (exact) when it is the zero polynomial; REFUTED (exact) otherwise, with one
    non-zero coefficient as the witness (a non-zero polynomial over Q is a non-zero function
    on R^n). The polynomial must be the difference in the ring where the identity is claimed
    (not reduced modulo a relation the identity does not assume).
    """
    claim, method = _check_claim(claim), _check_method(method)
    ev = dict(evidence or {})
    if isinstance(diff, sp.Poly):
        zero = diff.is_zero
    elif hasattr(diff, "is_zero") and callable(diff.is_zero):
        zero = bool(diff.is_zero())
    else:
        zero = not diff
    if zero:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim, method, ev)
    if hasattr(diff, "terms"):
        mono, coeff = next(iter(diff.terms()))
        ev.update({"nonzero_monomial_exponents": str(mono),
                   "coefficient_of_difference": str(coeff)})
    else:
        ev["difference"] = _text(diff)
    return CheckResult(Verdict.REFUTED, Strength.EXACT, claim,
                       method + "; the difference is a non-zero polynomial", ev)


def identity_at_points(claim: str, lhs: sp.Expr, rhs: sp.Expr, *, method: str,
                       points: Sequence[Mapping[sp.Symbol, sp.Expr]] = (),
                       evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide the identity ``lhs == rhs`` in its free symbols.

    Rule: :func:`exact_equal` on the symbols; when that does not VERIFY, the identity is
    specialised at each exact point in ``points``, and a point where :func:`exact_equal` proves
    the two sides differ REFUTES it (the point is named). Agreement at points never VERIFIES an
    identity: without a symbolic proof the verdict stays as :func:`exact_equal` gave it.
    """
    res = exact_equal(claim, lhs, rhs, method=method, evidence=evidence)
    if res.verdict is Verdict.VERIFIED:
        return res
    for point in points:
        sub = exact_equal(f"{claim} at {dict(point)}", sp.sympify(lhs).subs(point),
                          sp.sympify(rhs).subs(point), method=method + "; specialised",
                          evidence=evidence)
        if sub.verdict is Verdict.REFUTED:
            return sub
    return res


# ---------------------------------------------------------------------------------------------
# Decisions on balls.

def ball_equal(claim: str, lhs: object, rhs: object, *, digits: int, method: str,
               identity: bool = False, evidence: Mapping[str, Any] | None = None
               ) -> CheckResult:
    """Decide ``lhs == rhs`` to ``digits`` relative significant digits, ``rhs`` the reference.

    Rule, with ``D = |lhs - rhs|`` and ``A = 10^-digits |rhs|`` (both balls):

    * VERIFIED (certified) "to within r" when ``upper(D) <= lower(A)``: for every value in the
      balls, ``|lhs - rhs| <= 10^-digits |rhs|`` (r = upper(D));
    * REFUTED (certified) when ``lower(D) > upper(A)``: for every value in the balls the two
      differ by more than ``10^-digits |rhs|``;
    * INCONCLUSIVE otherwise, with the relative digits of agreement proved
      (:func:`proved_digits`). A reference that is exactly 0 allows no difference (VERIFIED
      only when ``lhs`` is exactly 0); a non-finite ball is INCONCLUSIVE.

    Two values that differ below the tolerance are VERIFIED *to within r*, not REFUTED: the
    claim decided is "equal to ``digits`` digits". For an absolute tolerance use
    :func:`ball_within`.

    ``identity=True`` says the claim is an *exact* identity (both sides are enclosures of
    quantities claimed equal, as in the catalogue): then a difference ball that excludes 0 is a
    proof that the identity is false, and the verdict is REFUTED whatever the tolerance (a
    formula right to 20 digits and wrong at the 25th is not VERIFIED).

    Raises TypeError/ValueError for bad arguments (``digits`` from 1 to ``MAX_DIGITS``).
    """
    claim, method = _check_claim(claim), _check_method(method)
    digits = check_digits(digits)
    a, b = _ball(lhs, "lhs"), _ball(rhs, "rhs")
    return _ball_equal(claim, a, b, digits, method, dict(evidence or {}), _check_flag(identity))


def _check_flag(flag: object, name: str = "identity") -> bool:
    if not isinstance(flag, bool):
        raise TypeError(f"{name}={flag!r} must be True or False")
    return flag


def _proved_unequal(claim: str, method: str, diff: arb, ev: dict[str, Any]) -> CheckResult:
    ev["proved_nonzero_difference"] = True
    return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                       f"{method}; the difference ball excludes 0, so the identity is false "
                       "(Arb balls)", ev)


def _ball_equal(claim: str, lhs: arb, rhs: arb, digits: int, method: str,
                evidence: dict[str, Any], identity: bool = False) -> CheckResult:
    ev = {"lhs": _show(lhs, digits), "rhs": _show(rhs, digits),
          "relative_tolerance": f"1e-{digits}", **evidence}
    bad = _nonfinite(claim, method, ev, lhs=lhs, rhs=rhs)
    if bad is not None:
        return bad
    diff = lhs - rhs
    ev["difference_bound"] = _bound_text(abs(diff))
    if identity and not diff.contains(0):
        return _proved_unequal(claim, method, diff, ev)
    verdict = _tolerance_rule(abs(diff), relative_allowed(rhs, digits))
    if verdict is Verdict.VERIFIED:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                           f"{claim} (to within {ev['difference_bound']}, i.e. to {digits} "
                           "significant digits)", method, ev)
    if verdict is Verdict.REFUTED:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           f"{method}; differs by more than 10^-{digits} relative (Arb balls)",
                           ev)
    got = proved_digits(diff, rhs)
    ev["proved_digits"] = got
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       f"{method}; agreement proved to {got} of the {digits} significant digits "
                       "asked (the balls are too wide to decide)", ev)


def ball_within(claim: str, lhs: object, rhs: object, *, abs_tol: object, method: str,
                identity: bool = False, evidence: Mapping[str, Any] | None = None
                ) -> CheckResult:
    """Decide the absolute-tolerance claim ``|lhs - rhs| <= abs_tol``.

    Rule, with ``D = |lhs - rhs|``: VERIFIED (certified) when ``upper(D) <= lower(abs_tol)``;
    REFUTED (certified) when ``lower(D) > upper(abs_tol)``; INCONCLUSIVE otherwise (or for a
    non-finite ball). ``abs_tol`` is a finite number >= 0 (an exact number, a float read
    exactly, or an arb/arf); ``abs_tol = 0`` is exact equality, REFUTED once the difference
    ball excludes 0. Exactly at the tolerance (``D == abs_tol`` exactly) is VERIFIED.
    ``identity=True``: as in :func:`ball_equal`, a difference ball excluding 0 refutes.

    Raises TypeError/ValueError for bad arguments.
    """
    claim, method = _check_claim(claim), _check_method(method)
    tol = _check_tol(abs_tol)
    a, b = _ball(lhs, "lhs"), _ball(rhs, "rhs")
    return _ball_within(claim, a, b, tol, method, dict(evidence or {}), _check_flag(identity))


def _ball_within(claim: str, lhs: arb, rhs: arb, tol: arb, method: str,
                 evidence: dict[str, Any], identity: bool = False) -> CheckResult:
    ev = {"lhs": _show(lhs), "rhs": _show(rhs), "tolerance": _show(tol, 3), **evidence}
    bad = _nonfinite(claim, method, ev, lhs=lhs, rhs=rhs)
    if bad is not None:
        return bad
    distance = abs(lhs - rhs)
    ev["difference_bound"] = _bound_text(distance)
    if identity and not (lhs - rhs).contains(0):
        return _proved_unequal(claim, method, lhs - rhs, ev)
    verdict = _tolerance_rule(distance, tol)
    if verdict is Verdict.VERIFIED:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                           f"{claim} (to within {ev['difference_bound']})", method, ev)
    if verdict is Verdict.REFUTED:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           f"{method}; |lhs - rhs| > {ev['tolerance']} is proved (Arb balls)",
                           ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       f"{method}; the difference ball straddles the tolerance", ev)


def ball_compare(claim: str, lhs: object, relation: str, rhs: object, *, method: str,
                 evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs REL rhs`` for REL in ``<=, <, >=, >`` from the sign of the enclosure of
    ``D = lhs - rhs``.

    Rule: for ``<=`` VERIFIED when ``upper(D) <= 0``, REFUTED when ``lower(D) > 0``; for ``<``
    VERIFIED when ``upper(D) < 0``, REFUTED when ``lower(D) >= 0``; ``>=`` and ``>`` are the
    mirror images. The ends of D are taken exactly from the ends of the two balls
    (``upper(D) = upper(lhs) - lower(rhs)``), so no rounding of a subtraction blurs a touch.
    INCONCLUSIVE when the enclosure straddles (or touches, for the relation
    it does not decide) 0, or is not finite. Two exactly equal sides are VERIFIED for ``<=``
    and REFUTED for ``<``.

    >>> from flint import arb
    >>> ball_compare("1 < 2", arb(1), "<", arb(2), method="Arb").verdict.value
    'verified'
    """
    claim, method = _check_claim(claim), _check_method(method)
    if relation not in RELATIONS:
        raise ValueError(f"relation={relation!r} must be one of {', '.join(RELATIONS)}")
    a, b = _ball(lhs, "lhs"), _ball(rhs, "rhs")
    return _ball_compare(claim, a, relation, b, method, dict(evidence or {}))


def _ball_compare(claim: str, lhs: arb, relation: str, rhs: arb, method: str,
                  evidence: dict[str, Any]) -> CheckResult:
    ev = {"lhs": _show(lhs), "rhs": _show(rhs), **evidence}
    bad = _nonfinite(claim, method, ev, lhs=lhs, rhs=rhs)
    if bad is not None:
        return bad
    small, large = (lhs, rhs) if relation in ("<=", "<") else (rhs, lhs)  # small REL' large
    ev["difference"] = _show(lhs - rhs)
    # The ends of D = small - large, compared without rounding a subtraction:
    # upper(D) <= 0 iff upper(small) <= lower(large); lower(D) > 0 iff lower(small) >
    # upper(large) (the ends are exact dyadic numbers).
    s_hi, s_lo = arb(small.upper()), arb(small.lower())
    l_hi, l_lo = arb(large.upper()), arb(large.lower())
    strict = relation in ("<", ">")
    holds = s_hi < l_lo if strict else s_hi <= l_lo
    fails = s_lo >= l_hi if strict else s_lo > l_hi
    if holds:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim, method, ev)
    if fails:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           f"{method}; the enclosure of lhs - rhs proves the opposite", ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       f"{method}; the enclosure of lhs - rhs contains 0 (the balls overlap)",
                       ev)


def ball_less_equal(claim: str, lhs: object, rhs: object, *, method: str, strict: bool = False,
                    evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """``lhs <= rhs`` (``<`` when ``strict``): :func:`ball_compare`."""
    if not isinstance(strict, bool):
        raise TypeError(f"strict={strict!r} must be True or False")
    return ball_compare(claim, lhs, "<" if strict else "<=", rhs, method=method,
                        evidence=evidence)


def ball_in_interval(claim: str, value: object, lo: object, hi: object, *, method: str,
                     evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lo <= value <= hi`` (a closed interval).

    Rule: VERIFIED when ``lower(value) >= upper(lo)`` and ``upper(value) <= lower(hi)``;
    REFUTED when ``upper(value) < lower(lo)`` or ``lower(value) > upper(hi)``; INCONCLUSIVE
    otherwise (or for a non-finite ball). Raises ValueError when ``lo > hi`` is proved (an
    empty interval decides nothing).
    """
    claim, method = _check_claim(claim), _check_method(method)
    x, a, b = _ball(value, "value"), _ball(lo, "lo"), _ball(hi, "hi")
    if a.is_finite() and b.is_finite() and a > b:
        raise ValueError(f"lo={_show(a)} and hi={_show(b)} must satisfy lo <= hi")
    ev = {"value": _show(x), "lo": _show(a), "hi": _show(b), **dict(evidence or {})}
    bad = _nonfinite(claim, method, ev, value=x, lo=a, hi=b)
    if bad is not None:
        return bad
    if arb(x.lower()) >= arb(a.upper()) and arb(x.upper()) <= arb(b.lower()):
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim, method, ev)
    if arb(x.upper()) < arb(a.lower()) or arb(x.lower()) > arb(b.upper()):
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           f"{method}; the value is proved outside the interval", ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       f"{method}; the value's ball straddles an end of the interval", ev)


def proved_nonzero(claim: str, value: object, *, method: str,
                   evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``value != 0`` for an arb ball or a closed-form constant (SymPy).

    Rule: VERIFIED (certified) when a finite ball of the value excludes 0 (for a SymPy
    constant: at 200 bits, then 800); REFUTED (exact) when the value is proved 0 (SymPy proves
    it, within :data:`PROOF_SECONDS`; an arb that is exactly 0); INCONCLUSIVE otherwise.
    """
    claim, method = _check_claim(claim), _check_method(method)
    ev = dict(evidence or {})
    if isinstance(value, sp.Basic | int | Fraction) and not isinstance(value, bool):
        expr = sp.sympify(value)
        if expr.free_symbols:
            raise ValueError(f"value={_text(expr, 80)} must be a constant; "
                             f"{', '.join(map(str, expr.free_symbols))} is left unset")
        ev["value"] = _text(expr, 200)
        if _undefined(expr):
            return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                               method + "; the value is undefined (nan, zoo or oo)", ev)
        if proved_zero(expr):
            return CheckResult(Verdict.REFUTED, Strength.EXACT, claim, method + "; it is 0", ev)
        ball = arb(0, math.inf)
        for bits in (200, 800):
            with workprec(bits):
                ball = arb_value(expr)
            if ball.is_finite() and not ball.contains(0):
                break
    else:
        ball = _ball(value, "value")
        if ball.is_finite() and ball.mid() == 0 and ball.rad() == 0:
            return CheckResult(Verdict.REFUTED, Strength.EXACT, claim,
                               method + "; the value is exactly 0", {**ev, "ball": "0"})
    ev["ball"] = _show(ball)
    if ball.is_finite() and not ball.contains(0):
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim,
                           method + "; the ball excludes 0", ev)
    why = "the ball contains 0" if ball.is_finite() else "the value has no finite enclosure"
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim, f"{method}; {why}", ev)


def all_of(claim: str, method: str, cases: Iterable[CheckResult], **kwargs: Any) -> CheckResult:
    """Conjunction: REFUTED if any case is REFUTED (the first failing case is named in the
    evidence, ``first_failure`` and its evidence as ``first_failure_*``), else INCONCLUSIVE if
    any is, else VERIFIED (only when all are); strength as :func:`verify.checks.combine`.
    Raises ValueError for no cases."""
    result = combine(claim, method, cases, **kwargs)
    worst = result.worst_case()
    if worst is None:
        return result
    evidence = {**dict(result.evidence), "first_failure": worst.claim,
                **{f"first_failure_{key}": value for key, value in worst.evidence.items()}}
    return CheckResult(result.verdict, result.strength, result.claim, result.method, evidence,
                       result.reference, result.cases)


def decide_relation(claim: str, evaluate: Callable[[], tuple[arb, arb]], relation: str, *,
                    method: str, digits: int = 30, abs_tol: object = None,
                    passes: int = _PASSES, evidence: Mapping[str, Any] | None = None
                    ) -> CheckResult:
    """Decide ``lhs REL rhs`` for two values computed by ``evaluate()`` (which returns the balls
    ``(lhs, rhs)`` at the current working precision), raising the precision until decided.

    ``relation`` is ``==`` (to ``digits`` relative digits against ``rhs``, :func:`ball_equal`,
    or, with ``abs_tol``, :func:`ball_within`) or one of :data:`RELATIONS`
    (:func:`ball_compare`). Passes run at ``guard_bits(digits, extra=40)`` bits, then 3x, 9x
    ... (``passes`` in all); the first VERIFIED or REFUTED is returned, else the last pass's
    INCONCLUSIVE (with ``precision_bits``). The verdict's meaning is that of the rule named:
    more precision can only decide, never flip, a verdict.

    >>> from flint import arb
    >>> decide_relation("1/3 <= 0.3334", lambda: (arb(1) / 3, arb("0.3334")), "<=",
    ...                 method="Arb").verdict.value
    'verified'
    """
    claim, method = _check_claim(claim), _check_method(method)
    digits = check_digits(digits)
    if relation != "==" and relation not in RELATIONS:
        raise ValueError(f"relation={relation!r} must be ==, {', '.join(RELATIONS)}")
    if abs_tol is not None and relation != "==":
        raise ValueError(f"abs_tol={abs_tol} applies only to relation '=='")
    tol = None if abs_tol is None else _check_tol(abs_tol)
    if isinstance(passes, bool) or not isinstance(passes, int) or not 1 <= passes <= 10:
        raise ValueError(f"passes={passes!r} must be an integer from 1 to 10")
    prec = guard_bits(digits, extra=_FIRST_PASS_EXTRA)
    result: CheckResult | None = None
    for _ in range(passes):
        with workprec(prec):
            lhs, rhs = evaluate()
            ev = {**dict(evidence or {}), "precision_bits": prec}
            if relation != "==":
                result = _ball_compare(claim, lhs, relation, rhs, method, ev)
            elif tol is not None:
                result = _ball_within(claim, lhs, rhs, tol, method, ev)
            else:
                result = _ball_equal(claim, lhs, rhs, digits, method, ev)
        if result.verdict is not Verdict.INCONCLUSIVE:
            return result
        prec *= 3
    assert result is not None  # passes >= 1
    return result


# ---------------------------------------------------------------------------------------------
# Inequalities on a real interval.

def bound_on_interval(claim: str, fn: Callable[[arb], arb], bound: Callable[[arb], arb],
                      lo: arb, hi: arb, *, method: str, max_pieces: int = 20000,
                      probe: int = 64, enclose: Callable[[arb, arb], arb] | None = None
                      ) -> CheckResult:
    """Decide ``fn(x) <= bound(x)`` for every x in ``[lo, hi]``.

    Rule: REFUTED (certified) when at one of ``probe + 1`` equally spaced points the balls
    prove ``fn(x) > bound(x)`` (the point is named); VERIFIED (certified) when bisection covers
    ``[lo, hi]`` by pieces ``[a, b]`` on each of which an enclosure of ``fn`` over the piece
    (``enclose(a, b)``, by default ``fn`` of the ball covering ``[a, b]``) has upper end <= the
    lower end of ``bound`` of that ball; INCONCLUSIVE past ``max_pieces`` pieces. ``fn`` and
    ``bound`` must return valid enclosures for ball arguments (Arb's interval evaluation);
    a non-finite enclosure settles no piece.
    """
    claim, method = _check_claim(claim), _check_method(method)
    worst_gap: arb | None = None
    for i in range(probe + 1):
        x = lo + (hi - lo) * i / probe
        fx, bx = fn(x), bound(x)
        if fx.is_finite() and bx.is_finite() and fx > bx:
            return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                               method + "; a point where the balls prove the opposite",
                               {"point": _show(x), "value": _show(fx), "bound": _show(bx)})
        gap = bx - fx
        if gap.is_finite() and (worst_gap is None or gap.mid() < worst_gap.mid()):
            worst_gap = gap
    stack = [(lo, hi)]
    pieces = 0
    while stack:
        a, b = stack.pop()
        pieces += 1
        if pieces > max_pieces:
            return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                               method + f"; more than {max_pieces} pieces needed",
                               {"at": _show(a)})
        ball = (a + b) / 2 + arb(0, ((b - a) / 2).upper())
        fx = enclose(a, b) if enclose is not None else fn(ball)
        bx = bound(ball)
        if fx.is_finite() and bx.is_finite() and arb(fx.upper()) <= arb(bx.lower()):
            continue
        mid = (a + b) / 2
        stack.extend([(a, mid), (mid, b)])
    return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim,
                       method + "; Arb enclosures on a cover of the interval by bisection",
                       {"pieces": pieces,
                        "smallest_probe_gap": _show(worst_gap) if worst_gap is not None
                        else "n/a"})


def monotone_bound_on_interval(claim: str, fn: Callable[[arb], arb],
                               bound: Callable[[arb], arb], lo: arb, hi: arb, *, method: str,
                               max_pieces: int = 4000, probe: int = 64) -> CheckResult:
    """Decide ``fn(x) <= bound(x)`` on ``[lo, hi]`` for two NON-INCREASING functions (the
    caller's premise, stated in its method).

    Rule: REFUTED (certified) at a point (``probe + 1`` equally spaced ones, then the left end
    of each piece) where the balls prove ``fn(x) > bound(x)``; a piece ``[a, b]`` is settled by
    ``fn(a) <= bound(b)`` (then ``fn(x) <= fn(a) <= bound(b) <= bound(x)`` on it); VERIFIED
    (certified) when pieces cover the interval, INCONCLUSIVE past ``max_pieces``.
    """
    claim, method = _check_claim(claim), _check_method(method)

    def refuted(x: arb, fx: arb, bx: arb) -> CheckResult:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           method + "; a point where the balls prove the opposite",
                           {"point": _show(x), "value": _show(fx), "bound": _show(bx)})

    for i in range(probe + 1):
        x = lo + (hi - lo) * i / probe
        fx, bx = fn(x), bound(x)
        if fx.is_finite() and bx.is_finite() and fx > bx:
            return refuted(x, fx, bx)
    stack = [(lo, hi)]
    pieces = 0
    while stack:
        a, b = stack.pop()
        pieces += 1
        fa, ba = fn(a), bound(a)
        if fa.is_finite() and ba.is_finite() and fa > ba:
            return refuted(a, fa, ba)
        bb = bound(b)
        if fa.is_finite() and bb.is_finite() and fa <= bb:
            continue
        if pieces > max_pieces:
            return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                               method + f"; more than {max_pieces} pieces", {"at": _show(a)})
        mid = (a + b) / 2
        stack.extend([(mid, b), (a, mid)])
    return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim,
                       method + "; monotone sandwich f(a) <= bound(b) on a cover of the "
                       "interval", {"pieces": pieces})


# ---------------------------------------------------------------------------------------------
# Decimals: what a printed number spells, and rounding.

_DECIMAL = re.compile(r"\s*[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?\s*")


def rounding_half_width(text: str) -> sp.Rational:
    """Half a unit in the last printed place of a decimal literal: ``"0.2066"`` -> 1/20000.

    Raises ValueError for text that is not a plain decimal number.

    >>> rounding_half_width("-2.5e-3"), rounding_half_width("0.2066209641")
    (1/20000, 1/20000000000)
    """
    if not isinstance(text, str):
        raise TypeError(f"value={text!r} must be a decimal number as text (e.g. '0.2066')")
    match = _DECIMAL.fullmatch(text)
    if not match or not (match.group(1) or match.group(2)):
        raise ValueError(f"value={text!r} must be a plain decimal number to be decided as "
                         "rounded (e.g. 0.2066209641)")
    exponent = int(match.group(3) or 0) - len(match.group(2))
    return sp.Rational(1, 2) * sp.Integer(10) ** exponent


def spelled_digits(value: str | sp.Expr) -> int:
    """The most significant digits any numeric literal of a claimed value spells (at least 1).

    For text, each literal as typed: ``0.2066`` spells 4, ``0.10000`` spells 5 (trailing zeros
    after the point count), ``1.5e-3`` spells 2, an integer its digits. For a parsed
    expression, which no longer remembers trailing zeros, each non-integer rational with a
    finite decimal expansion spells the digits of that expansion (``1/8`` = 0.125 spells 3).

    >>> spelled_digits("0.3989422804014326779399460599343818684758586311649"), spelled_digits("1/3")
    (49, 1)
    """
    if isinstance(value, str):
        return max([1, *(_literal_digits(t) for t in _literals(value))])
    if not isinstance(value, sp.Basic):
        raise TypeError(f"value={value!r} must be an expression string or a SymPy expression")
    return max([1, *(_decimal_expansion_digits(q) for q in value.atoms(sp.Rational)
                     if not q.is_Integer)])


def _literals(text: str) -> list[str]:
    import ast

    source = text.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        return []  # the parser of the claim reports the syntax error itself
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
                and not isinstance(node.value, bool):
            out.append(ast.get_source_segment(source, node) or repr(node.value))
    return out


def _literal_digits(literal: str) -> int:
    mantissa = literal.lower().replace("_", "")
    if not mantissa.startswith(("0x", "0o", "0b")):
        mantissa = mantissa.partition("e")[0]
    digits = "".join(ch for ch in mantissa if ch.isdigit()).lstrip("0")
    return max(len(digits), 1)


def _decimal_expansion_digits(q: sp.Rational) -> int:
    decimal = terminating_decimal(q)
    if decimal is None:
        return 1  # not a decimal: an exact rational such as 1/3
    return max(len(str(decimal[0]).strip("0")), 1)


def spelled_decimal(value: object, expr: sp.Expr) -> tuple[int, sp.Rational] | None:
    """(digits, half a unit in the last place) when the claimed value is one decimal number:
    typed as a plain decimal literal, or (parsed) a non-integer rational with a finite decimal
    expansion (its shortest one). None otherwise (an integer is exact: no last place)."""
    if isinstance(value, str):
        try:
            half = rounding_half_width(value)
        except ValueError:
            return None
        if not any(ch in value for ch in ".eE"):
            return None
        return spelled_digits(value), half
    if expr.is_Rational and not expr.is_Integer:
        decimal = terminating_decimal(sp.Rational(expr))
        if decimal is None:
            return None
        return (_decimal_expansion_digits(sp.Rational(expr)),
                sp.Rational(1, 2) / sp.Integer(10) ** decimal[1])
    return None


def working_digits(digits: int, expr: sp.Expr, value: object) -> tuple[int, int]:
    """(digits to decide to, digits the claim must be decided to): the latter is
    ``max(digits, spelled)``; the former is that, capped at ``MAX_DIGITS`` (a claim decided to
    fewer digits than wanted is never VERIFIED by a certified comparison)."""
    spelled = max(spelled_digits(value) if isinstance(value, str) else 1, spelled_digits(expr))
    wanted = max(digits, spelled)
    return min(wanted, MAX_DIGITS), wanted


def rounded_decimal(claim: str, value: object, printed: str, *, method: str,
                    evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide that the decimal ``printed`` is ``value`` rounded: every digit it spells is
    right, i.e. ``|value - printed| <= h`` with ``h`` half a unit in its last place
    (:func:`rounding_half_width`; ``"0.726760"`` spells 6 digits, h = 5e-7).

    Rule: as :func:`ball_within` with ``abs_tol = h`` (the printed decimal enclosed at
    ``guard_bits`` of the digits it spells, or the working precision if higher): VERIFIED
    (certified) when provably inside, REFUTED (certified) when provably outside, INCONCLUSIVE
    on the edge. A decimal spelling more than ``MAX_DIGITS`` digits is never VERIFIED.
    Raises TypeError/ValueError when ``printed`` is not a plain decimal.
    """
    claim, method = _check_claim(claim), _check_method(method)
    half = rounding_half_width(printed)
    spelled = spelled_digits(printed)
    ball = _ball(value, "value")
    with workprec(max(ctx.prec, guard_bits(spelled, extra=20))):
        claimed = arb_value(sp.Rational(printed.strip()))
        tol = arb_value(half)
    ev = {"value": _show(ball, max(spelled, 12)), "printed": printed.strip(),
          "half_unit": str(half), "spelled_digits": spelled, **dict(evidence or {})}
    res = _ball_within(claim, ball, claimed, tol, method, ev)
    if res.verdict is Verdict.INCONCLUSIVE and ball.is_finite():
        res = _rounded_exactly(claim, ball, sp.Rational(printed.strip()), half, method, res)
    if res.verdict is Verdict.VERIFIED:
        if spelled > MAX_DIGITS:
            return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                               f"{method}; inside the rounding interval of its last digit, but "
                               f"the value spells {spelled} digits and at most {MAX_DIGITS} are "
                               "decided; give fewer digits", res.evidence)
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                           f"{claim} (every digit it spells is right: within {half}, half a "
                           "unit in its last place)", method, res.evidence)
    return res


#: Largest binary exponent of a ball end converted to an exact rational (beyond it the ball
#: rule's verdict stands).
_EXACT_END_MAX_EXP = 10_000


def _exact_end(x: arb) -> Fraction | None:
    """An exact ball end (``x.upper()``/``x.lower()``) as a Fraction, or None when its
    exponent is beyond :data:`_EXACT_END_MAX_EXP`."""
    man, exp = (int(v) for v in x.mid().man_exp())
    if abs(exp) > _EXACT_END_MAX_EXP:
        return None
    return Fraction(man) * Fraction(2) ** exp


def _rounded_exactly(claim: str, ball: arb, printed: sp.Rational, half: sp.Rational,
                     method: str, undecided: CheckResult) -> CheckResult:
    """The rounding rule in exact rationals from the (exact, dyadic) ends of ``ball``: decides a
    value exactly at the half unit, which the ball arithmetic cannot. ``undecided`` otherwise."""
    lo, hi = _exact_end(arb(ball.lower())), _exact_end(arb(ball.upper()))
    if lo is None or hi is None:
        return undecided
    p, h = Fraction(int(printed.p), int(printed.q)), Fraction(int(half.p), int(half.q))
    if p - h <= lo and hi <= p + h:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim,
                           method + "; the ends of the ball, in exact rationals, lie in the "
                           "rounding interval", undecided.evidence)
    if hi < p - h or lo > p + h:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           method + "; the ends of the ball, in exact rationals, lie outside "
                           "the rounding interval", undecided.evidence)
    return undecided


# ---------------------------------------------------------------------------------------------
# A claimed SymPy value against a computed coefficient, raising the precision.
# Called by entries that have validated their arguments (verify.referee).

def _our_ball(ours: Coefficient, exact_alternative: sp.Expr | None) -> arb:
    """Our value as a ball at the current precision: from its exact form, else from the closed
    form given beside it (re-evaluated, so it tightens with precision), else the computed ball."""
    if ours.exact is not None:
        return ours.exact.ball()
    if exact_alternative is not None:
        return arb_value(exact_alternative)
    return ours.ball


def _undecided(claim: str, why: str, evidence: dict) -> CheckResult:
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim, why, evidence)


def _ball_digits(ball: arb) -> int:
    """Relative digits a finite ball carries (0 when it contains 0)."""
    if ball.contains(0):
        return 0
    ratio = float(arb(ball.rad()).upper() / abs(ball).lower()) if ball.rad() != 0 else 0.0
    return 10**6 if ratio == 0 else max(0, int(-math.log10(ratio)))


def decide_within(claimed: sp.Expr, ours: Coefficient, half_width: sp.Rational, digits: int,
                  claim: str, *, exact_alternative: sp.Expr | None = None,
                  spelled: int | None = None, method_prefix: str = "") -> CheckResult:
    """``|ours - claimed| <= half_width`` (:func:`ball_within`'s rule), re-evaluating both
    sides at ``guard_bits(digits, extra=40)`` bits, then 3x and 9x that.

    VERIFIED (certified) when provably inside, REFUTED (certified) when provably outside,
    INCONCLUSIVE when the ball straddles the edge after the last pass. With ``spelled`` (a
    decimal value that spells more digits than were asked, decided to all of them), a VERIFIED
    claim says so, and a value spelling more than ``MAX_DIGITS`` digits is never VERIFIED.
    ``exact_alternative`` (a closed form of our value) is re-evaluated at each precision.
    """
    prefix = f"{method_prefix}; " if method_prefix else ""
    prec = guard_bits(digits, extra=_FIRST_PASS_EXTRA)
    evidence: dict = {}
    for _ in range(_PASSES):
        with workprec(prec):
            ours_ball = _our_ball(ours, exact_alternative)
            claimed_ball = arb_value(claimed)
            width = arb_value(half_width)
            if not (claimed_ball.is_finite() and ours_ball.is_finite()):
                which = "the claimed value" if not claimed_ball.is_finite() else "our value"
                return _undecided(claim, f"{which} has no finite enclosure at {prec} bits",
                                  {"precision_bits": prec})
            diff = abs(claimed_ball - ours_ball)
            evidence = {"claimed": report_ball(claimed_ball, max(digits, spelled or 0))[0],
                        "claimed_exact": str(claimed)[:2000],
                        "computed": report_ball(ours_ball, digits)[0],
                        "difference_bound": report_ball(diff, 3)[0],
                        "allowed_by_rounding": str(half_width), "precision_bits": prec}
            if spelled is not None:
                evidence["spelled_digits"] = spelled
            verdict = _tolerance_rule(diff, width)
            if verdict is Verdict.REFUTED:
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                   prefix + "the computed ball lies outside the rounding "
                                   "interval", evidence)
            if verdict is Verdict.VERIFIED:
                if spelled is not None and spelled > MAX_DIGITS:
                    return _undecided(claim, f"{prefix}inside the rounding interval of its last "
                                      f"digit, but the value spells {spelled} digits and at "
                                      f"most {MAX_DIGITS} are decided; give fewer digits",
                                      evidence)
                text = claim if spelled is None else (
                    f"{claim} (to all {spelled} significant digits it spells, i.e. to within "
                    f"{half_width}, half a unit in its last place)")
                return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, text,
                                   prefix + "the computed ball lies inside the rounding "
                                   "interval", evidence)
        prec *= 3
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       prefix + "the computed ball straddles the edge of the rounding interval",
                       evidence)


def decide_equal(claimed: sp.Expr, ours: Coefficient, digits: int, claim: str, *,
                 method_prefix: str = "", exact_alternative: sp.Expr | None = None,
                 wanted: int | None = None, cap_note: str = "") -> CheckResult:
    """Decide ``claimed == ours`` to ``digits`` significant digits relative to ours
    (:func:`ball_equal`'s rule), raising the precision.

    Both sides are re-evaluated at ``guard_bits(digits, extra=40)`` bits, then 3x and 9x that.
    REFUTED (certified) needs a proof that ``|claimed - ours| > 10^-digits |ours|``; a symbolic
    proof that ``claimed - exact == 0`` (our exact value, or ``exact_alternative``, a closed
    form re-evaluated in Arb at each precision) VERIFIES with exact strength; a proof that
    ``|claimed - ours| <= 10^-digits |ours|`` VERIFIES (certified) "to within r". An exact zero
    is matched exactly (its relative tolerance is 0). When the claim should be decided to
    ``wanted`` digits (more than ``digits``: a value spelling more than the cap, or a series
    capped in digits; ``cap_note`` names the caps), a certified VERIFIED becomes INCONCLUSIVE.
    Raises ValueError when ``ours`` is a float-tier value (no guarantee to decide against).
    """
    wanted = digits if wanted is None else wanted
    if not ours.guaranteed:
        raise ValueError("a claim can only be decided against exact or certified values")
    ours_text = str(ours.exact) if ours.exact is not None else None
    target = ours.exact.sympy() if ours.exact is not None else exact_alternative
    method = ", ".join(filter(None, [method_prefix, ours.method]))
    if ours.exact is None and exact_alternative is not None:
        method = method_prefix or ours.method
    prec = guard_bits(digits, extra=_FIRST_PASS_EXTRA)
    tried_symbolic = False
    evidence: dict = {}
    for _ in range(_PASSES):
        with workprec(prec):
            claimed_ball = arb_value(claimed)
            ours_ball = _our_ball(ours, exact_alternative)
            if not (claimed_ball.is_finite() and ours_ball.is_finite()):
                which = "the claimed value" if not claimed_ball.is_finite() else "our value"
                return _undecided(claim, f"{which} has no finite enclosure at {prec} bits",
                                  {"precision_bits": prec})
            diff = abs(claimed_ball - ours_ball)
            evidence = {
                "claimed": report_ball(claimed_ball, digits)[0],
                "computed": report_ball(ours_ball, digits)[0],
                "computed_radius": report_ball(ours_ball, digits)[1],
                "difference_bound": report_ball(diff, 3)[0],
                "relative_tolerance": f"1e-{digits}",
                "precision_bits": prec,
            }
            if wanted > digits:
                evidence["digits_asked"] = wanted
            if ours_text is not None:
                evidence["computed_exact"] = ours_text[:2000]
            verdict = _tolerance_rule(diff, relative_allowed(ours_ball, digits))
            if verdict is Verdict.REFUTED:
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                   method + f"; differs by more than 10^-{digits} relative "
                                   "(Arb balls)", evidence)
            if not tried_symbolic and target is not None:
                tried_symbolic = True
                if proved_zero(claimed - target):
                    return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim,
                                       method + "; SymPy proves the difference is 0", evidence)
            if verdict is Verdict.VERIFIED:
                evidence["to_within"] = report_ball(arb(diff.upper()), 3)[0]
                if wanted > digits:
                    caps = f" ({cap_note})" if cap_note else f" (cap: {MAX_DIGITS} digits)"
                    return _undecided(
                        claim, f"{method}; agrees to {digits} significant digits, but "
                        f"{wanted} are asked (the value's own digits, or the digits asked) and "
                        f"at most {digits} are decided here{caps}; give an exact value or "
                        "fewer digits", evidence)
                return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                                   f"{claim} (to within {evidence['to_within']}, i.e. to "
                                   f"{digits} significant digits)", method + "; Arb balls",
                                   evidence)
        prec *= 3
    evidence["proved_digits"] = proved_digits(claimed_ball - ours_ball, ours_ball)
    if not ours.met and ours.exact is None and exact_alternative is None:
        evidence["computed_digits"] = _ball_digits(ours.ball)
        return _undecided(claim, f"{method}; the computed value fell short of {digits} digits "
                          f"(proved to about {evidence['computed_digits']}); lower digits or "
                          "give an exact value", evidence)
    return _undecided(claim, f"the balls are too wide to decide at this many digits (agreement "
                      f"proved to {evidence['proved_digits']} of {digits}); lower digits or "
                      "give an exact value", evidence)


def decide_value(claimed: sp.Expr, ours: Coefficient, work: int, digits: int, claim: str, *,
                 value: object, expr: sp.Expr, wanted: int, method_prefix: str = "",
                 exact_alternative: sp.Expr | None = None, cap_note: str = "") -> CheckResult:
    """A claimed value against a computed one, as DESIGN.md's "a decimal value is decided to at
    least as many significant digits as it spells": a claimed decimal that spells more digits
    than ``digits`` is decided to all of them by :func:`decide_within` (every spelled digit is
    right: within half a unit in its last place); anything else by :func:`decide_equal` to
    ``work`` digits (``wanted`` the digits the claim must be decided to)."""
    decimal = spelled_decimal(value, expr)
    if decimal is not None and decimal[0] > digits:
        return decide_within(claimed, ours, decimal[1], work, claim, spelled=decimal[0],
                             exact_alternative=exact_alternative, method_prefix=method_prefix)
    return decide_equal(claimed, ours, work, claim, wanted=wanted, method_prefix=method_prefix,
                        exact_alternative=exact_alternative, cap_note=cap_note)
