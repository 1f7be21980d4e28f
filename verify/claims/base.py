"""The catalogue's building blocks: profiles, claims, planted variants, and comparisons.

A :class:`Claim` is one identity of one paper, registered under its ID (A1, B7, C6b, ...) with
its statement, its source label and a ``check(profile) -> CheckResult``. Beside it live
*planted* variants: minimally wrong versions of the same identity whose checks must come back
REFUTED, so a check that cannot fail cannot hide. An identity printed wrongly in a paper (an
*erratum*) carries the printed version as ``printed``: expected REFUTED, while ``check``
decides the corrected statement.

The comparisons below turn values into verdicts with the semantics of DESIGN.md:

* :func:`exact_equal` (SymPy) and :func:`rational_equal` (fmpq): exact both ways;
* :func:`ball_equal`: REFUTED when the difference ball excludes 0 (a certified
  counterexample), VERIFIED "to within r" when the difference is provably at most ``tol``,
  otherwise INCONCLUSIVE;
* :func:`ball_less_equal`: a certified inequality, both ways;
* Monte Carlo goes through :func:`verify.montecarlo.statistical_check` (never VERIFIED).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp
from flint import arb, fmpq

from verify.checks import CheckResult, Strength, Verdict, combine
from verify.expressions import arb_value
from verify.numbers import report_ball, workprec

PAPERS = {
    "ggjkk20": "Goel, Gollakota, Jin, Karmalkar, Klivans (ICML 2020)",
    "gkk19": "Goel, Karmalkar, Klivans (NeurIPS 2019)",
    "vw19": "Vempala, Wilmes (COLT 2019)",
    "sl22": "Safran, Lee (COLT 2022)",
}
SOURCES = ("paper", "secondary", "derived", "paper+derived", "secondary+derived")


@dataclass(frozen=True)
class Profile:
    """How far a run goes. ``quick`` is the default of ``verify run`` (under 2 minutes on two
    cores for the whole catalogue); ``full`` widens every range."""

    name: str
    k_max: int  # "for all k" statements are checked for k <= k_max
    dims: tuple[int, ...]  # "for all d" statements: these dimensions
    rhos: tuple[Fraction, ...]  # "for all rho": this grid, which contains -1, 0 and 1
    digits: int  # certified comparisons: significant digits asked of the balls
    mc_samples: int  # Monte Carlo cross-checks: samples per seed
    n_max: int  # families: largest ambient dimension enumerated


QUICK = Profile("quick", k_max=30, dims=(2, 3, 5, 10, 100),
                rhos=tuple(Fraction(j, 4) for j in range(-4, 5)), digits=20,
                mc_samples=200_000, n_max=6)
FULL = Profile("full", k_max=60, dims=(2, 3, 4, 5, 10, 50, 100, 1000),
               rhos=tuple(Fraction(j, 16) for j in range(-16, 17)), digits=30,
               mc_samples=2_000_000, n_max=8)
PROFILES = {"quick": QUICK, "full": FULL}

Check = Callable[[Profile], CheckResult]


@dataclass(frozen=True)
class Variant:
    """A planted wrong variant (must be REFUTED) or an erratum's printed statement."""

    name: str
    statement: str
    check: Check


@dataclass
class Claim:
    """One catalogue entry. Build it with :func:`claim`; attach variants with
    ``@entry.planted(...)`` and, for an erratum, ``@entry.printed(...)``."""

    id: str
    paper: str
    where: str
    statement: str
    source: str
    methods: tuple[str, ...]
    check: Check
    statistical_only: bool = False
    note: str = ""
    planted_variants: list[Variant] = field(default_factory=list)
    printed_variant: Variant | None = None

    @property
    def erratum(self) -> bool:
        return self.printed_variant is not None

    def planted(self, name: str, statement: str = "") -> Callable[[Check], Check]:
        """Decorator: register a minimally wrong variant that must be REFUTED."""
        def register(fn: Check) -> Check:
            self.planted_variants.append(Variant(name, statement or name, fn))
            return fn
        return register

    def printed(self, statement: str) -> Callable[[Check], Check]:
        """Decorator: the statement as printed in the paper, known wrong (expected REFUTED)."""
        def register(fn: Check) -> Check:
            if self.printed_variant is not None:
                raise ValueError(f"{self.id} already has a printed variant")
            self.printed_variant = Variant("as printed", statement, fn)
            return fn
        return register


REGISTRY: dict[str, Claim] = {}


def claim(id: str, *, paper: str, where: str, statement: str, source: str,
          methods: Iterable[str], statistical_only: bool = False,
          note: str = "") -> Callable[[Check], Claim]:
    """Decorator registering ``check`` as catalogue entry ``id``; returns the :class:`Claim`."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {sorted(PAPERS)}")
    if source not in SOURCES:
        raise ValueError(f"{id}: source {source!r} is not one of {SOURCES}")

    def register(fn: Check) -> Claim:
        if id in REGISTRY:
            raise ValueError(f"catalogue ID {id} registered twice")
        entry = Claim(id, paper, where, statement, source, tuple(methods), fn,
                      statistical_only, note)
        REGISTRY[id] = entry
        return entry
    return register


# ---------------------------------------------------------------------------------------------
# Comparisons.

def _text(value: Any, limit: int = 300) -> str:
    s = str(value)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def exact_equal(claim: str, lhs: sp.Expr, rhs: sp.Expr, *, method: str,
                evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs == rhs`` for closed-form constants or expressions exactly.

    VERIFIED (exact) when SymPy simplifies the difference to 0; REFUTED (exact) when both are
    rationals that differ, REFUTED (certified) when an Arb ball of a constant difference
    excludes 0; INCONCLUSIVE otherwise.
    """
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    ev = {"lhs": _text(lhs), "rhs": _text(rhs), **dict(evidence or {})}
    diff = sp.simplify(lhs - rhs)
    if diff == 0:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim, method, ev)
    if diff.is_Rational:
        return CheckResult(Verdict.REFUTED, Strength.EXACT, claim, method,
                           {**ev, "difference": str(diff)})
    if not diff.free_symbols:
        with workprec(200):
            ball = arb_value(diff)
        if ball.is_finite() and not ball.contains(0):
            return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                               method + "; the difference, in Arb, excludes 0",
                               {**ev, "difference": report_ball(ball, 15)[0]})
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                       method + "; SymPy could not decide the difference",
                       {**ev, "difference": _text(diff)})


def rational_equal(claim: str, lhs: fmpq | int | Fraction, rhs: fmpq | int | Fraction, *,
                   method: str, evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs == rhs`` for rationals: exact both ways."""
    a, b = _fmpq(lhs), _fmpq(rhs)
    ev = {"lhs": str(a), "rhs": str(b), **dict(evidence or {})}
    verdict = Verdict.VERIFIED if a == b else Verdict.REFUTED
    return CheckResult(verdict, Strength.EXACT, claim, method, ev)


def _fmpq(x: fmpq | int | Fraction) -> fmpq:
    return fmpq(x.numerator, x.denominator) if isinstance(x, Fraction) else fmpq(x)


def ball_equal(claim: str, lhs: arb, rhs: arb, *, method: str, tol: arb | float | None = None,
               digits: int = 20, evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs == rhs`` from two Arb balls.

    REFUTED (certified) when ``lhs - rhs`` excludes 0. VERIFIED (certified) "to within r" when
    ``|lhs - rhs| <= tol`` is proved; the default ``tol`` is ``10^-digits * max(1, |rhs|)``.
    INCONCLUSIVE when the balls overlap but are too wide.
    """
    diff = lhs - rhs
    if tol is None:
        scale = abs(rhs).upper()
        tol_ball = arb(10) ** (-digits) * (scale if scale > 1 else arb(1))
    else:
        tol_ball = arb(tol)
    bound = abs(diff).upper()
    ev = {"lhs": report_ball(lhs, digits)[0], "rhs": report_ball(rhs, digits)[0],
          "difference_bound": report_ball(bound, 3)[0] if bound.is_finite() else "inf",
          "tolerance": report_ball(tol_ball, 3)[0], **dict(evidence or {})}
    if diff.is_finite() and not diff.contains(0):
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                           method + "; the difference ball excludes 0", ev)
    if bound.is_finite() and bound <= tol_ball:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED,
                           f"{claim} (to within {report_ball(bound, 3)[0]})", method, ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       method + "; the balls overlap but are wider than the tolerance", ev)


def ball_less_equal(claim: str, lhs: arb, rhs: arb, *, method: str, strict: bool = False,
                    evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """Decide ``lhs <= rhs`` (``<`` when ``strict``) from two balls, certified both ways."""
    ev = {"lhs": report_ball(lhs, 15)[0], "rhs": report_ball(rhs, 15)[0],
          **dict(evidence or {})}
    holds = (lhs < rhs) if strict else (lhs <= rhs)
    fails = (lhs >= rhs) if strict else (lhs > rhs)
    if holds:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim, method, ev)
    if fails:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim, method, ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                       method + "; the balls overlap", ev)


def all_of(claim: str, method: str, cases: Iterable[CheckResult], **kwargs: Any) -> CheckResult:
    """Conjunction with the first failing case named in the evidence."""
    result = combine(claim, method, cases, **kwargs)
    worst = result.worst_case()
    if worst is None:
        return result
    evidence = {**dict(result.evidence), "first_failure": worst.claim,
                **{f"first_failure_{key}": value for key, value in worst.evidence.items()}}
    return CheckResult(result.verdict, result.strength, result.claim, result.method, evidence,
                       result.reference, result.cases)


def arb_of(expr: sp.Expr | int | Fraction | str, prec: int = 200) -> arb:
    """An Arb ball for a closed-form constant (SymPy expression) at ``prec`` bits."""
    with workprec(prec):
        return arb_value(sp.sympify(expr))
