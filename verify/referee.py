"""Deciding a claimed value against the computed one: coefficients, formulas in k, kernels.

How a claim is decided (proofs_notes/conventions.md §5):

A claim is decided **to digits significant digits**, so the verdict never depends on how
much working precision was spent. A decimal claimed value is decided to at least as many
significant digits as it spells (:func:`spelled_digits`; ``0.10000`` spells 5): a decimal
number that spells more digits than asked is decided to all of them, as "every spelled digit
is right" (the value lies within half a unit in its last place, as with ``half_width``); a
decimal inside a larger expression raises the relative digits to its count. A value that
spells more than ``MAX_DIGITS`` digits is never VERIFIED by a certified comparison
(INCONCLUSIVE, with the reason). Pass the value as typed (a string) to have it echoed and its
trailing zeros counted.

1. both sides are enclosed in Arb balls; a proof that they differ by more than
   ``10**-digits`` relative REFUTES the claim (certified);
2. otherwise, if our value is exact, SymPy is asked to prove ``claimed - ours == 0`` (within
   a time limit): success VERIFIES with exact strength;
3. otherwise a proof that ``|claimed - ours| <= 10**-digits |ours|`` VERIFIES "to within r"
   (certified); anything undecided after raising the precision is INCONCLUSIVE, and says so
   when our value fell short of the digits (a series stopped at its last term).

Kernel values with a known closed form are compared as certified balls of that closed form
(re-evaluated at each precision), not only symbolically: notation (asin or acos) never
decides the verdict.

An exact zero (a symmetry zero) is matched exactly. ``half_width=rounding_half_width(value)``
decides instead whether the value lies within half a unit of its last printed digit.

The rules themselves live in :mod:`verify.decide` (``decide_equal``, ``decide_within``,
``decide_value``): this module computes our value and hands both sides over.

>>> r = check_formula_claim(activation("relu"),
...     parse("(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))", symbols=("k",)),
...     range(2, 12, 2))
>>> r.verdict.value, r.strength.value
('verified', 'exact')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import sympy as sp
from flint import arb

from .activations import Activation, activation, check_activation
from .basis import HERMITE, Basis, check_basis, sphere
from .checks import CheckResult, combine
from .conventions import check_degree, check_degrees
from .decide import (
    decide_equal,
    decide_value,
    decide_within,
    rounding_half_width,
    spelled_digits,
    working_digits,
)
from .expressions import SYMBOLS, arb_value, parse
from .kernels import check_rho_exact, kernel_closed_form
from .numbers import MAX_DIGITS, Coefficient, check_digits, guard_bits, guard_digits, workprec

__all__ = ["HERMITE", "Basis", "check_coefficient_claim", "check_formula_claim",
           "check_kernel_claim", "parse_claim_expression", "parse_degrees",
           "rounding_half_width", "spelled_digits", "sphere", "SERIES_MAX_DIGITS",
           "SERIES_MAX_TERMS"]

K_SYM, D_SYM, RHO = SYMBOLS["k"], SYMBOLS["d"], SYMBOLS["rho"]


def check_coefficient_claim(act: Activation, k: int, value: str | sp.Expr, *,
                            digits: int = 30, half_width: sp.Rational | None = None,
                            basis: Basis = HERMITE) -> CheckResult:
    """Decide ``c_k(act) == value`` (or ``a_k`` for the Gegenbauer basis); ``value`` (the text
    as typed, or a parsed expression) may use the symbols k and d.

    Decided to ``max(digits, spelled_digits(value))`` significant digits (module docstring).
    With ``half_width`` the claim is ``|c_k - value| <= half_width`` (a value printed rounded
    to some digits, see :func:`rounding_half_width`). Raises TypeError/ValueError for bad
    arguments, before any work.
    """
    act, basis = check_activation(act), check_basis(basis)
    digits = check_digits(digits)
    k = check_degree(k, name="degree")
    expr, shown = _claimed(value)
    if half_width is not None:
        half_width = _check_half_width(half_width)
    work, wanted = working_digits(digits, expr, value)
    (ours,) = basis.coefficients(act, [k], guard_digits(work))
    claimed = _substitute(expr, k, basis.substitutions())
    label = basis.label(k, act.name)
    if half_width is not None:
        return decide_within(claimed, ours, half_width, work,
                             f"{label} = {shown} +/- {half_width}")
    return decide_value(claimed, ours, work, digits, f"{label} = {shown}", value=value,
                        expr=expr, wanted=wanted, cap_note=_CAP_NOTE)


def check_formula_claim(act: Activation, formula: str | sp.Expr, degrees: Sequence[int], *,
                        digits: int = 30, basis: Basis = HERMITE,
                        progress: Callable[[Coefficient], None] | None = None) -> CheckResult:
    """Decide ``c_k(act) == formula(k)`` (``a_k`` and ``formula(k, d)`` for the Gegenbauer
    basis) for every k in ``degrees`` (non-negative integers); the first failure is named.
    Decided to ``max(digits, spelled_digits(formula))`` digits; bad arguments raise
    TypeError/ValueError before any work."""
    act, basis = check_activation(act), check_basis(basis)
    digits = check_digits(digits)
    ks = check_degrees(degrees)
    if len(ks) > _MAX_FORMULA_DEGREES:
        raise ValueError(f"degrees={_describe_degrees(degrees)} must hold at most "
                         f"{_MAX_FORMULA_DEGREES} degrees; narrow the range")
    expr, shown = _claimed(formula)
    work, wanted = working_digits(digits, expr, formula)
    ours = basis.coefficients(act, ks, guard_digits(work), progress=progress)
    cases = [
        decide_equal(_substitute(expr, k, basis.substitutions()), c, work,
                     f"{basis.label(k, act.name)} = {shown} at k={k}", wanted=wanted,
                     cap_note=_CAP_NOTE)
        for k, c in zip(ks, ours, strict=True)
    ]
    span = _describe_degrees(degrees)
    result = combine(f"{basis.label('k', act.name)} = {shown} for k in {span}",
                     "per-degree comparison", cases)
    first_bad = result.worst_case()
    evidence = {"degrees": span, "cases": len(cases)}
    if first_bad is not None:
        evidence["first_failure"] = first_bad.claim
        evidence.update({f"first_failure_{key}": v for key, v in first_bad.evidence.items()})
    return CheckResult(result.verdict, result.strength, result.claim, result.method, evidence,
                       result.reference, result.cases)


def check_kernel_claim(act: Activation, rho: object, value: str | sp.Expr, *,
                       digits: int = 20, basis: Basis = HERMITE) -> CheckResult:
    """Decide ``E[sigma(g) sigma(g')] == value`` for standard Gaussians with correlation rho,
    or ``E[sigma(r<u,x>) sigma(r<v,x>)]`` for x uniform on S^{d-1} and ``<u,v> = rho``.

    ``rho`` is an exact number in [-1, 1] (int, Fraction, SymPy Rational, fmpq, or a finite
    float read exactly). Where the kernel has a closed form (:func:`kernel_closed_form`), the
    claimed value is compared with that closed form as a certified ball (and symbolically);
    otherwise with the certified series, whose status is reported when it falls short.
    """
    act, basis = check_activation(act), check_basis(basis)
    digits = check_digits(digits)
    rho_q = check_rho_exact(rho)
    expr, shown = _claimed(value)
    work, wanted = working_digits(digits, expr, value)
    with workprec(guard_bits(work, extra=20)):
        rho_ball = arb_value(rho_q)  # rho_q is validated: its ball is never refused
        claimed_expr = _substitute(expr, None, {RHO: rho_q, **basis.substitutions()})
    if basis.name == "gegenbauer":
        return _sphere_kernel_claim(act, rho_q, rho_ball, shown, claimed_expr, work, basis,
                                    wanted, value=value, expr=expr, asked=digits)
    claim = f"K_{act.name}({rho_q}) = {shown}"
    if abs(rho_q) == 1:
        # K(+-1) = E[sigma(x) sigma(+-x)] = c_0 of that product.
        product = activation(act.expr * act.expr.subs(SYMBOLS["x"], rho_q * SYMBOLS["x"]))
        (ours,) = HERMITE.coefficients(product, [0], guard_digits(work))
        return decide_value(claimed_expr, ours, work, digits, claim, value=value, expr=expr,
                            wanted=wanted, method_prefix="K(+-1) = E[sigma(g) sigma(+-g)]",
                            cap_note=_CAP_NOTE)
    closed = kernel_closed_form(act)
    if closed is None:
        work, terms = _series_budget(work, basis.has_exact_form(act))
        with workprec(guard_bits(work, extra=20)):
            ours = basis.kernel(act, rho_ball, digits=work, max_terms=terms)
        return decide_value(claimed_expr, ours, work, digits, claim, value=value, expr=expr,
                            wanted=wanted, cap_note=_CAP_NOTE)
    exact = closed.subs(RHO, rho_q)
    series_digits = min(work, 20)  # the series only cross-checks the closed form
    with workprec(guard_bits(series_digits, extra=20)):
        series = basis.kernel(act, rho_ball, digits=series_digits)
        if not arb_value(exact).overlaps(series.ball):
            raise AssertionError(f"closed-form kernel of {act.name} disagrees with its series; "
                                 "this is a bug in verify")
    return decide_value(claimed_expr, series, work, digits, claim, value=value, expr=expr,
                        wanted=wanted, exact_alternative=exact, cap_note=_CAP_NOTE,
                        method_prefix="closed form in Arb, cross-checked against the Mehler "
                        f"series ({series.method})")


def _sphere_kernel_claim(act: Activation, rho: sp.Rational, rho_ball: arb, shown: str,
                         claimed: sp.Expr, digits: int, basis: Basis, wanted: int, *,
                         value: object, expr: sp.Expr, asked: int) -> CheckResult:
    claim = f"K_{act.name}(rho={rho}; d={basis.d}, r={basis.r}) = {shown}"
    if abs(rho) == 1:
        # K(+-1) = E[sigma(r t) sigma(+-r t)] = a_0 of that product.
        product = activation(act.expr * act.expr.subs(SYMBOLS["x"], rho * SYMBOLS["x"]))
        (ours,) = basis.coefficients(product, [0], guard_digits(digits))
        return decide_value(claimed, ours, digits, asked, claim, value=value, expr=expr,
                            wanted=wanted, method_prefix="K(+-1) = E[sigma(r t) sigma(+-r t)]",
                            cap_note=_CAP_NOTE)
    digits, terms = _series_budget(digits, basis.has_exact_form(act), exact_terms=200)
    with workprec(guard_bits(digits, extra=20)):
        ours = basis.kernel(act, rho_ball, digits=digits, max_terms=terms)
    return decide_value(claimed, ours, digits, asked, claim, value=value, expr=expr,
                        wanted=wanted, cap_note=_CAP_NOTE)


#: A kernel series of certified coefficients is summed to at most this many digits and terms:
#: each term is an Arb integral whose cost grows with its degree and digits (measured on the
#: sigmoid at rho = 1/2: 50 digits in 8 s, 100 digits in over 3 minutes), so a request stays
#: bounded in time. Above the cap the claim is decided at the cap (it can still be refuted)
#: and a VERIFIED becomes INCONCLUSIVE with that reason. Exact coefficients are cheap.
SERIES_MAX_DIGITS = 50
SERIES_MAX_TERMS = 160
_CAP_NOTE = f"caps: {MAX_DIGITS} digits, {SERIES_MAX_DIGITS} for a series of certified coefficients"


def _series_budget(digits: int, exact: bool, *, exact_terms: int = 400) -> tuple[int, int]:
    """(digits, max_terms) for summing a kernel series (see :data:`SERIES_MAX_DIGITS`)."""
    if exact:
        return digits, exact_terms
    return min(digits, SERIES_MAX_DIGITS), min(SERIES_MAX_TERMS, exact_terms)


#: Most degrees one formula claim decides.
_MAX_FORMULA_DEGREES = 5000


def _claimed(value: object) -> tuple[sp.Expr, str]:
    """The claimed expression and its text as shown (as typed, when typed)."""
    if isinstance(value, str):
        return parse_claim_expression(value), value.strip()
    if isinstance(value, bool) or not isinstance(value, sp.Expr | int):
        raise TypeError(f"value={value!r} must be an expression string (e.g. '0.5' or "
                        "'1/sqrt(2*pi)') or a SymPy expression; a float would lose digits")
    expr = sp.Integer(value) if isinstance(value, int) else value
    # A user's plain sp.Symbol("k") (or d, rho) is ours, whatever assumptions ours carry.
    ours = {K_SYM.name: K_SYM, D_SYM.name: D_SYM, RHO.name: RHO}
    expr = expr.subs({s: ours[s.name] for s in expr.free_symbols
                      if isinstance(s, sp.Symbol) and s.name in ours and s != ours[s.name]})
    return expr, str(value)


def _check_half_width(half_width: object) -> sp.Rational:
    if isinstance(half_width, bool) or not isinstance(half_width, sp.Basic | int):
        raise TypeError(f"half_width={half_width!r} must be a positive rational, e.g. "
                        "rounding_half_width('0.2066')")
    value = sp.sympify(half_width)
    if not value.is_Rational or value <= 0:
        raise ValueError(f"half_width={half_width} must be a positive rational")
    return sp.Rational(value)


# ---------------------------------------------------------------------------------------------

def parse_degrees(text: str) -> range:
    """``"A:B[:STEP]"`` (inclusive of B) as a range of non-negative degrees."""
    parts = text.split(":")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        raise ValueError(f"degrees={text!r} must look like A:B or A:B:STEP with integers; "
                         "e.g. 2:40:2") from None
    if len(nums) not in (2, 3):
        raise ValueError(f"degrees={text!r} must look like A:B or A:B:STEP; e.g. 2:40:2")
    start, stop, step = nums[0], nums[1], nums[2] if len(nums) == 3 else 1
    if start < 0 or stop < start or step < 1:
        raise ValueError(f"degrees={text!r} must satisfy 0 <= A <= B and STEP >= 1")
    if (stop - start) // step > 5000:
        raise ValueError(f"degrees={text!r} must hold at most 5000 degrees; narrow the range")
    return range(start, stop + 1, step)


def parse_claim_expression(text: str) -> sp.Expr:
    """A claimed value or formula: a safe SymPy expression in k, d and rho."""
    return parse(text, symbols=("k", "d", "rho"))


def _describe_degrees(degrees: Sequence[int]) -> str:
    if isinstance(degrees, range):
        step = f" step {degrees.step}" if degrees.step != 1 else ""
        return f"{degrees.start}..{degrees[-1]}{step}"
    return ", ".join(map(str, degrees))


def _substitute(expr: sp.Expr, k: int | None, extra: Mapping | None = None) -> sp.Expr:
    values = dict(extra or {})
    if k is not None:
        values[K_SYM] = sp.Integer(k)
    out = expr.subs(values) if values else expr
    free = out.free_symbols
    if free:
        raise ValueError(f"value={expr} must only use k, d (sphere) and rho (kernels); "
                         f"{', '.join(map(str, free))} is left unset")
    if out.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        where = f" at k={k}" if k is not None else ""
        raise ValueError(f"value={expr} is undefined{where} (division by zero or infinity); "
                         "restrict the degrees")
    return out
