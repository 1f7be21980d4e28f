"""Deciding a claimed value against the computed one: coefficients, formulas in k, kernels.

How a claim is decided (proofs_notes/conventions.md §5):

A claim is decided **to digits significant digits**, so the verdict never depends on how
much working precision was spent. A decimal claimed value is decided to at least as many
significant digits as it spells (:func:`spelled_digits`; ``0.10000`` spells 5): a decimal
number that spells more digits than asked is decided to all of them, as "every spelled digit
is right" (the value lies within half a unit in its last place, as with ``--rounded``); a
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

An exact zero (a symmetry zero) is matched exactly. ``--rounded`` decides instead whether the
value lies within half a unit of its last printed digit.

>>> r = check_formula_claim(activation("relu"),
...     parse("(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))", symbols=("k",)),
...     range(2, 12, 2))
>>> r.verdict.value, r.strength.value
('verified', 'exact')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import sympy as sp
from flint import arb

from .activations import Activation, activation
from .budget import ProofTimeout, time_limit
from .checks import CheckResult, Strength, Verdict, combine
from .conventions import check_degree, check_degrees, check_dimension
from .expressions import SYMBOLS, arb_value, parse
from .gegenbauer import (
    certified_sphere_coefficient,
    check_radius,
    gegenbauer_coefficients,
    has_exact_sphere_form,
    sphere_dual_kernel_coefficient,
)
from .hermite import (
    check_activation,
    check_rho,
    check_rho_exact,
    dual_kernel_coefficient,
    has_exact_form,
    hermite_coefficient,
    hermite_coefficients,
    kernel_closed_form,
)
from .numbers import (
    MAX_DIGITS,
    Coefficient,
    bits_for_digits,
    check_digits,
    report_ball,
    terminating_decimal,
    workprec,
)

K_SYM, D_SYM, RHO = SYMBOLS["k"], SYMBOLS["d"], SYMBOLS["rho"]
_PROOF_SECONDS = 5


@dataclass(frozen=True)
class Basis:
    """Which expansion a claim is about: Hermite (Gaussian) or Gegenbauer on S^{d-1} at radius r.

    >>> Basis("gegenbauer", 5).label(3, "relu")
    'a_3(relu; d=5, r=1)'
    """

    name: str = "hermite"
    d: int | None = None
    r: sp.Rational = sp.Integer(1)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or self.name not in ("hermite", "gegenbauer"):
            raise ValueError(f"basis={self.name!r} must be 'hermite' or 'gegenbauer'")
        if self.name == "gegenbauer":
            check_dimension(self.d)
            object.__setattr__(self, "r", check_radius(self.r))
            object.__setattr__(self, "d", check_dimension(self.d))
        elif self.d is not None or self.r != 1:
            raise ValueError("dim and radius apply only to basis='gegenbauer'; drop them")

    def label(self, k: object, name: str) -> str:
        if self.name == "hermite":
            return f"c_{k}({name})"
        return f"a_{k}({name}; d={self.d}, r={self.r})"

    def coefficients(self, act: Activation, degrees: Sequence[int], digits: int, *,
                     progress: Callable[[Coefficient], None] | None = None
                     ) -> list[Coefficient]:
        """The coefficients at ``degrees``; ``progress(c)`` after each certified one."""
        top = max(degrees)
        if self.name == "hermite":
            if has_exact_form(act):
                table = hermite_coefficients(act, top, digits=digits)
                return [table[k] for k in degrees]
            return [_tick(hermite_coefficient(act, k, digits=digits), progress)
                    for k in degrees]
        assert self.d is not None
        if has_exact_sphere_form(act, self.r):
            table = gegenbauer_coefficients(act, top, d=self.d, r=self.r, digits=digits)
            return [table[k] for k in degrees]
        return [_tick(certified_sphere_coefficient(act, k, d=self.d, r=self.r, digits=digits),
                      progress) for k in degrees]

    def substitutions(self) -> dict[sp.Symbol, sp.Expr]:
        return {D_SYM: sp.Integer(self.d)} if self.d is not None else {}


HERMITE = Basis()


def _tick(c: Coefficient, progress: Callable[[Coefficient], None] | None) -> Coefficient:
    if progress is not None:
        progress(c)
    return c


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
    act, basis = check_activation(act), _check_basis(basis)
    digits = check_digits(digits)
    k = check_degree(k, name="degree")
    expr, shown = _claimed(value)
    if half_width is not None:
        half_width = _check_half_width(half_width)
    work, wanted = _working_digits(digits, expr, value)
    (ours,) = basis.coefficients(act, [k], work + 5)
    claimed = _substitute(expr, k, basis.substitutions())
    label = basis.label(k, act.name)
    if half_width is not None:
        return _decide_interval(claimed, ours, half_width, work,
                                f"{label} = {shown} +/- {half_width}")
    return _decide_value(claimed, ours, work, digits, f"{label} = {shown}", value=value,
                         expr=expr, wanted=wanted)


def rounding_half_width(text: str) -> sp.Rational:
    """Half a unit in the last printed place of a decimal literal: ``"0.2066"`` -> 1/20000.

    >>> rounding_half_width("-2.5e-3"), rounding_half_width("0.2066209641")
    (1/20000, 1/20000000000)
    """
    import re

    match = re.fullmatch(r"\s*[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?\s*", text)
    if not match or not (match.group(1) or match.group(2)):
        raise ValueError(f"value={text!r} must be a plain decimal number to use --rounded "
                         "(e.g. 0.2066209641)")
    exponent = int(match.group(3) or 0) - len(match.group(2))
    return sp.Rational(1, 2) * sp.Integer(10) ** exponent


def _our_ball(ours: Coefficient, exact_alternative: sp.Expr | None) -> arb:
    """Our value as a ball at the current precision: from its exact form, else from the closed
    form given beside it (re-evaluated, so it tightens with precision), else the computed ball."""
    if ours.exact is not None:
        return ours.exact.ball()
    if exact_alternative is not None:
        return arb_value(exact_alternative)
    return ours.ball


def _decide_interval(claimed: sp.Expr, ours: Coefficient, half_width: sp.Rational,
                     digits: int, claim: str, *, exact_alternative: sp.Expr | None = None,
                     spelled: int | None = None, method_prefix: str = "") -> CheckResult:
    """``|ours - claimed| <= half_width``: REFUTED when provably outside, VERIFIED (certified)
    when provably inside, INCONCLUSIVE when the ball straddles the edge.

    With ``spelled`` (a decimal value that spells more digits than were asked, decided to all
    of them), a VERIFIED claim says so, and a value spelling more than ``MAX_DIGITS`` digits is
    never VERIFIED. ``exact_alternative`` (a closed form of our value) is re-evaluated in Arb
    at each precision."""
    prefix = f"{method_prefix}; " if method_prefix else ""
    prec = bits_for_digits(digits) + 40
    evidence: dict = {}
    for _ in range(3):
        with workprec(prec):
            ours_ball = _our_ball(ours, exact_alternative)
            claimed_ball = arb_value(claimed)
            diff = abs(claimed_ball - ours_ball)
            width = arb_value(half_width)
            if not diff.is_finite():
                return _undecided(claim, f"the claimed value has no finite enclosure at {prec} "
                                  "bits", {"precision_bits": prec})
            evidence = {"claimed": report_ball(claimed_ball, max(digits, spelled or 0))[0],
                        "claimed_exact": str(claimed)[:2000],
                        "computed": report_ball(ours_ball, digits)[0],
                        "difference_bound": report_ball(diff, 3)[0],
                        "allowed_by_rounding": str(half_width), "precision_bits": prec}
            if spelled is not None:
                evidence["spelled_digits"] = spelled
            if diff > width:
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                   prefix + "the computed ball lies outside the rounding "
                                   "interval", evidence)
            if diff < width or diff.upper() <= width.lower():
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


def _spelled_decimal(value: object, expr: sp.Expr) -> tuple[int, sp.Rational] | None:
    """(digits, half a unit in the last place) when the claimed value is one decimal number:
    typed as a plain decimal literal, or (parsed) a non-integer rational with a finite decimal
    expansion (its shortest one). None otherwise."""
    if isinstance(value, str):
        try:
            half = rounding_half_width(value)
        except ValueError:
            return None
        if not any(ch in value for ch in ".eE"):
            return None  # an integer is exact: no last place to round in
        return spelled_digits(value), half
    if expr.is_Rational and not expr.is_Integer:
        decimal = terminating_decimal(sp.Rational(expr))
        if decimal is None:
            return None
        return (_decimal_expansion_digits(sp.Rational(expr)),
                sp.Rational(1, 2) / sp.Integer(10) ** decimal[1])
    return None


def _decide_value(claimed: sp.Expr, ours: Coefficient, work: int, digits: int, claim: str, *,
                  value: object, expr: sp.Expr, wanted: int, method_prefix: str = "",
                  exact_alternative: sp.Expr | None = None) -> CheckResult:
    """A claimed decimal that spells more digits than asked is decided to all of them, as
    "every spelled digit is right" (within half a unit in its last place); anything else as
    :func:`_decide` to ``work`` digits."""
    decimal = _spelled_decimal(value, expr)
    if decimal is not None and decimal[0] > digits:
        return _decide_interval(claimed, ours, decimal[1], work, claim, spelled=decimal[0],
                                exact_alternative=exact_alternative,
                                method_prefix=method_prefix)
    return _decide(claimed, ours, work, claim, wanted=wanted, method_prefix=method_prefix,
                   exact_alternative=exact_alternative)


def check_formula_claim(act: Activation, formula: str | sp.Expr, degrees: Sequence[int], *,
                        digits: int = 30, basis: Basis = HERMITE,
                        progress: Callable[[Coefficient], None] | None = None) -> CheckResult:
    """Decide ``c_k(act) == formula(k)`` (``a_k`` and ``formula(k, d)`` for the Gegenbauer
    basis) for every k in ``degrees`` (non-negative integers); the first failure is named.
    Decided to ``max(digits, spelled_digits(formula))`` digits; bad arguments raise
    TypeError/ValueError before any work."""
    act, basis = check_activation(act), _check_basis(basis)
    digits = check_digits(digits)
    ks = check_degrees(degrees)
    if len(ks) > _MAX_FORMULA_DEGREES:
        raise ValueError(f"degrees={_describe_degrees(degrees)} must hold at most "
                         f"{_MAX_FORMULA_DEGREES} degrees; narrow the range")
    expr, shown = _claimed(formula)
    work, wanted = _working_digits(digits, expr, formula)
    ours = basis.coefficients(act, ks, work + 5, progress=progress)
    cases = [
        _decide(_substitute(expr, k, basis.substitutions()), c, work,
                f"{basis.label(k, act.name)} = {shown} at k={k}", wanted=wanted)
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
    act, basis = check_activation(act), _check_basis(basis)
    digits = check_digits(digits)
    rho_q = check_rho_exact(rho)
    expr, shown = _claimed(value)
    work, wanted = _working_digits(digits, expr, value)
    with workprec(bits_for_digits(work) + 20):
        rho_ball = check_rho(arb_value(rho_q))
        claimed_expr = _substitute(expr, None, {RHO: rho_q, **basis.substitutions()})
    if basis.name == "gegenbauer":
        return _sphere_kernel_claim(act, rho_q, rho_ball, shown, claimed_expr, work, basis,
                                    wanted, value=value, expr=expr, asked=digits)
    claim = f"K_{act.name}({rho_q}) = {shown}"
    if abs(rho_q) == 1:
        # K(+-1) = E[sigma(x) sigma(+-x)] = c_0 of that product.
        product = activation(act.expr * act.expr.subs(SYMBOLS["x"], rho_q * SYMBOLS["x"]))
        ours = hermite_coefficient(product, 0, digits=work + 5)
        return _decide_value(claimed_expr, ours, work, digits, claim, value=value, expr=expr,
                             wanted=wanted, method_prefix="K(+-1) = E[sigma(g) sigma(+-g)]")
    closed = kernel_closed_form(act)
    if closed is None:
        work, terms = _series_budget(work, has_exact_form(act))
        with workprec(bits_for_digits(work) + 20):
            ours = dual_kernel_coefficient(act, rho_ball, digits=work, max_terms=terms)
        return _decide_value(claimed_expr, ours, work, digits, claim, value=value, expr=expr,
                             wanted=wanted)
    exact = closed.subs(RHO, rho_q)
    series_digits = min(work, 20)  # the series only cross-checks the closed form
    with workprec(bits_for_digits(series_digits) + 20):
        series = dual_kernel_coefficient(act, rho_ball, digits=series_digits)
        if not arb_value(exact).overlaps(series.ball):
            raise AssertionError(f"closed-form kernel of {act.name} disagrees with its series; "
                                 "this is a bug in verify")
    return _decide_value(claimed_expr, series, work, digits, claim, value=value, expr=expr,
                         wanted=wanted, exact_alternative=exact,
                         method_prefix="closed form in Arb, cross-checked against the Mehler "
                         f"series ({series.method})")


def _sphere_kernel_claim(act: Activation, rho: sp.Rational, rho_ball: arb, shown: str,
                         claimed: sp.Expr, digits: int, basis: Basis, wanted: int, *,
                         value: object, expr: sp.Expr, asked: int) -> CheckResult:
    assert basis.d is not None
    claim = f"K_{act.name}(rho={rho}; d={basis.d}, r={basis.r}) = {shown}"
    if abs(rho) == 1:
        # K(+-1) = E[sigma(r t) sigma(+-r t)] = a_0 of that product.
        product = activation(act.expr * act.expr.subs(SYMBOLS["x"], rho * SYMBOLS["x"]))
        (ours,) = Basis("gegenbauer", basis.d, basis.r).coefficients(product, [0], digits + 5)
        return _decide_value(claimed, ours, digits, asked, claim, value=value, expr=expr,
                             wanted=wanted, method_prefix="K(+-1) = E[sigma(r t) sigma(+-r t)]")
    digits, terms = _series_budget(digits, has_exact_sphere_form(act, basis.r), exact_terms=200)
    with workprec(bits_for_digits(digits) + 20):
        ours = sphere_dual_kernel_coefficient(act, rho_ball, d=basis.d, r=basis.r,
                                              digits=digits, max_terms=terms)
    return _decide_value(claimed, ours, digits, asked, claim, value=value, expr=expr,
                         wanted=wanted)


#: A kernel series of certified coefficients is summed to at most this many digits and terms:
#: each term is an Arb integral whose cost grows with its degree and digits (measured on the
#: sigmoid at rho = 1/2: 50 digits in 8 s, 100 digits in over 3 minutes), so a request stays
#: bounded in time. Above the cap the claim is decided at the cap (it can still be refuted)
#: and a VERIFIED becomes INCONCLUSIVE with that reason. Exact coefficients are cheap.
SERIES_MAX_DIGITS = 50
SERIES_MAX_TERMS = 160


def _series_budget(digits: int, exact: bool, *, exact_terms: int = 400) -> tuple[int, int]:
    """(digits, max_terms) for summing a kernel series (see :data:`SERIES_MAX_DIGITS`)."""
    if exact:
        return digits, exact_terms
    return min(digits, SERIES_MAX_DIGITS), min(SERIES_MAX_TERMS, exact_terms)


#: Most degrees one formula claim decides.
_MAX_FORMULA_DEGREES = 5000


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
        return []  # parse() reports the syntax error itself
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


def _working_digits(digits: int, expr: sp.Expr, value: object) -> tuple[int, int]:
    """(digits to decide to, digits the claim must be decided to): the latter is
    ``max(digits, spelled)``; the former is that, capped at ``MAX_DIGITS`` (a claim decided to
    fewer digits than wanted is never VERIFIED by a certified comparison)."""
    spelled = max(spelled_digits(value) if isinstance(value, str) else 1, spelled_digits(expr))
    wanted = max(digits, spelled)
    return min(wanted, MAX_DIGITS), wanted


def _check_basis(basis: object) -> Basis:
    if not isinstance(basis, Basis):
        raise TypeError(f"basis={basis!r} must be a Basis, e.g. Basis() or "
                        "Basis('gegenbauer', 3)")
    return basis


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


def _decide(claimed: sp.Expr, ours: Coefficient, digits: int, claim: str, *,
            method_prefix: str = "", exact_alternative: sp.Expr | None = None,
            wanted: int | None = None) -> CheckResult:
    """Decide ``claimed == ours`` to ``digits`` significant digits (module docstring).

    The verdict depends on ``digits`` only, never on the working precision: REFUTED needs a
    proof that ``|claimed - ours| > 10^-digits |ours|``, VERIFIED (certified) a proof that
    ``|claimed - ours| <= 10^-digits |ours|``; a symbolic proof of equality is VERIFIED exact.
    An exact zero is matched exactly (its relative tolerance is 0). ``exact_alternative`` is
    an exact expression of our value (a closed form): it is re-evaluated in Arb at each
    precision, so it decides as a certified ball and not only symbolically. When the claim
    should be decided to ``wanted`` digits (more than ``digits``: a value spelling more than
    the cap, or a series capped in digits), a certified VERIFIED becomes INCONCLUSIVE.
    """
    wanted = digits if wanted is None else wanted
    if not ours.guaranteed:
        raise ValueError("a claim can only be decided against exact or certified values")
    ours_text = str(ours.exact) if ours.exact is not None else None
    exact_zero = ours.exact is not None and ours.exact.is_zero()
    target = ours.exact.sympy() if ours.exact is not None else exact_alternative
    method = ", ".join(filter(None, [method_prefix, ours.method]))
    if ours.exact is None and exact_alternative is not None:
        method = method_prefix or ours.method
    prec = bits_for_digits(digits) + 40
    tried_symbolic = False
    evidence: dict = {}
    for _ in range(3):
        with workprec(prec):
            claimed_ball = arb_value(claimed)
            ours_ball = _our_ball(ours, exact_alternative)
            if not (claimed_ball.is_finite() and ours_ball.is_finite()):
                which = "the claimed value" if not claimed_ball.is_finite() else "our value"
                return _undecided(claim, f"{which} has no finite enclosure at {prec} bits",
                                  {"precision_bits": prec})
            diff = abs(claimed_ball - ours_ball)
            allowed = arb(10) ** (-digits) * abs(ours_ball)
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
            outside = (not claimed_ball.contains(0)) if exact_zero else \
                bool(diff.lower() > allowed.upper())
            if outside:
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                   method + f"; differs by more than 10^-{digits} relative "
                                   "(Arb balls)", evidence)
            if not tried_symbolic and target is not None:
                tried_symbolic = True
                if _proved_zero(claimed - target):
                    return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim,
                                       method + "; SymPy proves the difference is 0", evidence)
            if not exact_zero and diff.upper() <= allowed.lower():
                evidence["to_within"] = report_ball(arb(diff.upper()), 3)[0]
                if wanted > digits:
                    return _undecided(
                        claim, f"{method}; agrees to {digits} significant digits, but "
                        f"{wanted} are asked (the value's own digits, or the digits asked) and "
                        f"at most {digits} are decided here (caps: {MAX_DIGITS} digits, "
                        f"{SERIES_MAX_DIGITS} for a series of certified coefficients); give "
                        "an exact value or fewer digits", evidence)
                return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                                   f"{claim} (to within {evidence['to_within']}, i.e. to "
                                   f"{digits} significant digits)", method + "; Arb balls",
                                   evidence)
        prec *= 3
    if not ours.met and ours.exact is None and exact_alternative is None:
        evidence["computed_digits"] = _proved_digits(ours.ball)
        return _undecided(claim, f"{method}; the computed value fell short of {digits} digits "
                          f"(proved to about {evidence['computed_digits']}); lower digits or "
                          "give an exact value", evidence)
    return _undecided(claim, "the balls are too wide to decide at this many digits; lower "
                      "digits or give an exact value", evidence)


def _undecided(claim: str, why: str, evidence: dict) -> CheckResult:
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim, why, evidence)


def _proved_digits(ball: arb) -> int:
    """Relative digits a finite ball carries (0 when it contains 0)."""
    if ball.contains(0):
        return 0
    import math

    ratio = float(arb(ball.rad()).upper() / abs(ball).lower()) if ball.rad() != 0 else 0.0
    return 10**6 if ratio == 0 else max(0, int(-math.log10(ratio)))


def _proved_zero(expr: sp.Expr) -> bool:
    """SymPy proves ``expr == 0`` within a few seconds (False means: not proved)."""
    if expr == 0:
        return True
    try:
        with time_limit(_PROOF_SECONDS):
            return bool(sp.simplify(expr) == 0)
    except (ProofTimeout, TypeError, ValueError, NotImplementedError, RecursionError):
        return False
