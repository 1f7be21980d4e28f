"""Deciding a claimed value against the computed one: coefficients, formulas in k, kernels.

How a claim is decided (proofs_notes/conventions.md §5):

A claim is decided **to --digits significant digits**, so the verdict never depends on how
much working precision was spent:

1. both sides are enclosed in Arb balls; a proof that they differ by more than
   ``10**-digits`` relative REFUTES the claim (certified);
2. otherwise, if our value is exact, SymPy is asked to prove ``claimed - ours == 0`` (within
   a time limit): success VERIFIES with exact strength;
3. otherwise a proof that ``|claimed - ours| <= 10**-digits |ours|`` VERIFIES "to within r"
   (certified); anything undecided after raising the precision is INCONCLUSIVE.

An exact zero (a symmetry zero) is matched exactly. ``--rounded`` decides instead whether the
value lies within half a unit of its last printed digit.

>>> r = check_formula_claim(activation("relu"),
...     parse("(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))", symbols=("k",)),
...     range(2, 12, 2))
>>> r.verdict.value, r.strength.value
('verified', 'exact')
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import sympy as sp
from flint import arb

from .activations import Activation, activation
from .checks import CheckResult, Strength, Verdict, combine
from .conventions import check_degree, check_dimension
from .expressions import SYMBOLS, arb_value, parse
from .gegenbauer import (
    certified_sphere_coefficient,
    check_radius,
    gegenbauer_coefficients,
    has_exact_sphere_form,
    sphere_dual_kernel,
)
from .hermite import (
    check_rho,
    dual_kernel,
    has_exact_form,
    hermite_coefficient,
    hermite_coefficients,
    kernel_closed_form,
)
from .numbers import Coefficient, bits_for_digits, check_digits, report_ball, workprec

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
        if self.name not in ("hermite", "gegenbauer"):
            raise ValueError(f"basis={self.name!r} must be 'hermite' or 'gegenbauer'")
        if self.name == "gegenbauer":
            check_dimension(self.d)
            object.__setattr__(self, "r", check_radius(self.r))
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


def check_coefficient_claim(act: Activation, k: int, value: sp.Expr, *, digits: int = 30,
                            half_width: sp.Rational | None = None, basis: Basis = HERMITE
                            ) -> CheckResult:
    """Decide ``c_k(act) == value`` (or ``a_k`` for the Gegenbauer basis); ``value`` may use
    the symbols k and d.

    With ``half_width`` the claim is ``|c_k - value| <= half_width`` (a value printed rounded
    to some digits, see :func:`rounding_half_width`).
    """
    digits = check_digits(digits)
    k = check_degree(k, name="degree")
    (ours,) = basis.coefficients(act, [k], digits + 5)
    claimed = _substitute(value, k, basis.substitutions())
    label = basis.label(k, act.name)
    if half_width is not None:
        return _decide_interval(claimed, ours, half_width, digits,
                                f"{label} = {value} +/- {half_width}")
    return _decide(claimed, ours, digits, f"{label} = {value}")


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


def _decide_interval(claimed: sp.Expr, ours: Coefficient, half_width: sp.Rational,
                     digits: int, claim: str) -> CheckResult:
    """``|ours - claimed| <= half_width``: REFUTED when provably outside, VERIFIED (certified)
    when provably inside, INCONCLUSIVE when the ball straddles the edge."""
    prec = bits_for_digits(digits) + 40
    for _ in range(3):
        with workprec(prec):
            diff = abs(arb_value(claimed) - (ours.exact.ball() if ours.exact else ours.ball))
            width = arb_value(half_width)
            evidence = {"claimed": str(claimed), "computed": report_ball(ours.ball, digits)[0],
                        "difference_bound": report_ball(diff, 3)[0],
                        "allowed_by_rounding": str(half_width), "precision_bits": prec}
            if diff > width:
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                   "the computed ball lies outside the rounding interval",
                                   evidence)
            if diff < width or diff.upper() <= width.lower():
                return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim,
                                   "the computed ball lies inside the rounding interval",
                                   evidence)
        prec *= 3
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       "the computed ball straddles the edge of the rounding interval", evidence)


def check_formula_claim(act: Activation, formula: sp.Expr, degrees: Sequence[int], *,
                        digits: int = 30, basis: Basis = HERMITE,
                        progress: Callable[[Coefficient], None] | None = None) -> CheckResult:
    """Decide ``c_k(act) == formula(k)`` (``a_k`` and ``formula(k, d)`` for the Gegenbauer
    basis) for every k in ``degrees``; the first failure is named."""
    digits = check_digits(digits)
    if len(degrees) == 0:
        raise ValueError("degrees must be non-empty; use e.g. --degrees 2:40:2")
    ours = basis.coefficients(act, degrees, digits + 5, progress=progress)
    cases = [
        _decide(_substitute(formula, k, basis.substitutions()), c, digits,
                f"{basis.label(k, act.name)} = {formula} at k={k}")
        for k, c in zip(degrees, ours, strict=True)
    ]
    span = _describe_degrees(degrees)
    result = combine(f"{basis.label('k', act.name)} = {formula} for k in {span}",
                     "per-degree comparison", cases)
    first_bad = result.worst_case()
    evidence = {"degrees": span, "cases": len(cases)}
    if first_bad is not None:
        evidence["first_failure"] = first_bad.claim
        evidence.update({f"first_failure_{key}": v for key, v in first_bad.evidence.items()})
    return CheckResult(result.verdict, result.strength, result.claim, result.method, evidence,
                       result.reference, result.cases)


def check_kernel_claim(act: Activation, rho: sp.Rational, value: sp.Expr, *, digits: int = 20,
                       basis: Basis = HERMITE) -> CheckResult:
    """Decide ``E[sigma(g) sigma(g')] == value`` for standard Gaussians with correlation rho,
    or ``E[sigma(r<u,x>) sigma(r<v,x>)]`` for x uniform on S^{d-1} and ``<u,v> = rho``."""
    digits = check_digits(digits)
    rho = sp.Rational(rho)
    with workprec(bits_for_digits(digits) + 20):
        rho_ball = check_rho(arb_value(rho))
        claimed_expr = _substitute(value, None, {RHO: rho, **basis.substitutions()})
    if basis.name == "gegenbauer":
        return _sphere_kernel_claim(act, rho, rho_ball, value, claimed_expr, digits, basis)
    claim = f"K_{act.name}({rho}) = {value}"
    if abs(rho) == 1:
        # K(+-1) = E[sigma(x) sigma(+-x)] = c_0 of that product.
        product = activation(act.expr * act.expr.subs(SYMBOLS["x"], rho * SYMBOLS["x"]))
        ours = hermite_coefficient(product, 0, digits=digits + 5)
        return _decide(claimed_expr, ours, digits, claim,
                       method_prefix="K(+-1) = E[sigma(g) sigma(+-g)]")
    with workprec(bits_for_digits(digits) + 20):
        series, terms = dual_kernel(act, rho_ball, digits=digits + 3)
    closed = kernel_closed_form(act)
    exact = None
    if closed is not None:
        exact = closed.subs(RHO, rho)
        with workprec(bits_for_digits(digits) + 20):
            if not arb_value(exact).overlaps(series):
                raise AssertionError(f"closed-form kernel of {act.name} disagrees with its series")
    ours = Coefficient(-1, "certified", series, None,
                       f"Mehler series, {terms} terms + proved tail", True)
    return _decide(claimed_expr, ours, digits, claim, exact_alternative=exact)


def _sphere_kernel_claim(act: Activation, rho: sp.Rational, rho_ball: arb, value: sp.Expr,
                        claimed: sp.Expr, digits: int, basis: Basis) -> CheckResult:
    assert basis.d is not None
    claim = f"K_{act.name}(rho={rho}; d={basis.d}, r={basis.r}) = {value}"
    if abs(rho) == 1:
        # K(+-1) = E[sigma(r t) sigma(+-r t)] = a_0 of that product.
        product = activation(act.expr * act.expr.subs(SYMBOLS["x"], rho * SYMBOLS["x"]))
        (ours,) = Basis("gegenbauer", basis.d, basis.r).coefficients(product, [0], digits + 5)
        return _decide(claimed, ours, digits, claim,
                       method_prefix="K(+-1) = E[sigma(r t) sigma(+-r t)]")
    with workprec(bits_for_digits(digits) + 20):
        series, terms = sphere_dual_kernel(act, rho_ball, d=basis.d, r=basis.r, digits=digits + 3)
    ours = Coefficient(-1, "certified", series, None,
                       f"Funk-Hecke series, {terms} terms + proved tail", True)
    return _decide(claimed, ours, digits, claim)


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


def latex_statement(kind: str, act: Activation, basis: Basis, expr: sp.Expr, *,
                    degrees: Sequence[int] | None = None, k: int | None = None,
                    rho: sp.Expr | None = None, half_width: sp.Expr | None = None) -> str:
    """The decided statement as LaTeX, as a paper would print it."""
    name = sp.latex(sp.Symbol(r"\mathrm{" + act.name + "}")) if act.name.isidentifier() \
        else sp.latex(act.expr)
    where = "" if basis.name == "hermite" else f"; d={basis.d}, r={sp.latex(basis.r)}"
    coeff = "c" if basis.name == "hermite" else "a"
    body = sp.latex(expr)
    if kind == "formula":
        assert degrees is not None
        ks = list(degrees)
        if len(ks) > 3 and all(b - a == ks[1] - ks[0] for a, b in zip(ks, ks[1:], strict=False)):
            span = f"{ks[0]}, {ks[1]}, \\dots, {ks[-1]}"
        else:
            span = ", ".join(map(str, ks))
        return (f"{coeff}_k({name}{where}) = {body} \\quad "
                f"\\text{{for }} k \\in \\{{{span}\\}}")
    if kind == "coeff":
        if half_width is not None:
            return (f"\\left|{coeff}_{{{k}}}({name}{where}) - {body}\\right| \\le "
                    f"{sp.latex(half_width)}")
        return f"{coeff}_{{{k}}}({name}{where}) = {body}"
    kernel = "K" if basis.name == "hermite" else "K_{d}"
    return (f"{kernel}_{{{name}}}(\\rho) = {body} \\quad \\text{{at }} "
            f"\\rho = {sp.latex(rho)}")


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
            method_prefix: str = "", exact_alternative: sp.Expr | None = None) -> CheckResult:
    """Decide ``claimed == ours`` to ``digits`` significant digits (module docstring).

    The verdict depends on ``digits`` only, never on the working precision: REFUTED needs a
    proof that ``|claimed - ours| > 10^-digits |ours|``, VERIFIED (certified) a proof that
    ``|claimed - ours| <= 10^-digits |ours|``; a symbolic proof of equality is VERIFIED exact.
    An exact zero is matched exactly (its relative tolerance is 0).
    """
    if not ours.guaranteed:
        raise ValueError("a claim can only be decided against exact or certified values")
    ours_text = str(ours.exact) if ours.exact is not None else None
    exact_zero = ours.exact is not None and ours.exact.is_zero()
    target = ours.exact.sympy() if ours.exact is not None else exact_alternative
    method = ", ".join(filter(None, [method_prefix, ours.method]))
    prec = bits_for_digits(digits) + 40
    tried_symbolic = False
    evidence: dict = {}
    for _ in range(3):
        with workprec(prec):
            claimed_ball = arb_value(claimed)
            ours_ball = ours.exact.ball() if ours.exact is not None else ours.ball
            diff = abs(claimed_ball - ours_ball)
            allowed = arb(10) ** (-digits) * abs(ours_ball)
            evidence = {
                "claimed": report_ball(claimed_ball, digits)[0],
                "computed": report_ball(ours_ball, digits)[0],
                "computed_radius": report_ball(ours_ball, digits)[1],
                "difference_bound": report_ball(diff, 3)[0] if diff.is_finite() else "inf",
                "relative_tolerance": f"1e-{digits}",
                "precision_bits": prec,
            }
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
                return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                                   f"{claim} (to within {evidence['to_within']}, i.e. to "
                                   f"{digits} significant digits)", method + "; Arb balls",
                                   evidence)
        prec *= 3
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       "the balls are too wide to decide at this many digits; lower --digits "
                       "or give an exact value", evidence)


def _proved_zero(expr: sp.Expr) -> bool:
    """SymPy proves ``expr == 0`` within a few seconds (False means: not proved)."""
    if expr == 0:
        return True
    try:
        with _time_limit(_PROOF_SECONDS):
            return bool(sp.simplify(expr) == 0)
    except (_ProofTimeout, TypeError, ValueError, NotImplementedError, RecursionError):
        return False


class _ProofTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise _ProofTimeout

    previous = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
