"""The verdict model: what a check decided, and how strongly.

Every check in the package returns a :class:`CheckResult`. Its ``verdict`` is one of
VERIFIED, REFUTED, INCONCLUSIVE and its ``strength`` says what kind of evidence decided it:

* ``exact``: symbolic or rational arithmetic proves it;
* ``certified``: a rigorous enclosure (Arb balls with proved tail bounds) shows
  ``|lhs - rhs| <= r`` (VERIFIED "to within r") or that the two sides are disjoint (REFUTED);
* ``statistical``: Monte Carlo. It never VERIFIES on its own.

A CheckResult is deliberately *not* truthy: ``assert check(...)`` raises instead of passing by
accident. Compare ``result.verdict is Verdict.VERIFIED`` explicitly.

>>> r = CheckResult(Verdict.VERIFIED, Strength.EXACT, claim="1 + 1 = 2", method="integers")
>>> r.verdict.value, r.strength.value
('verified', 'exact')
>>> bool(r)
Traceback (most recent call last):
...
TypeError: a CheckResult has no truth value; compare result.verdict with Verdict.VERIFIED
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Verdict(enum.Enum):
    """Three-valued outcome. Undecided is INCONCLUSIVE; bad input raises instead."""

    VERIFIED = "verified"
    REFUTED = "refuted"
    INCONCLUSIVE = "inconclusive"


class Strength(enum.Enum):
    """Kind of evidence, strongest first."""

    EXACT = "exact"
    CERTIFIED = "certified"
    STATISTICAL = "statistical"

    @property
    def rank(self) -> int:
        return {"exact": 0, "certified": 1, "statistical": 2}[self.value]


def weakest(strengths: Iterable[Strength]) -> Strength:
    """The weakest of several strengths (the strength of a conjunction of checks).

    >>> weakest([Strength.EXACT, Strength.CERTIFIED]).value
    'certified'
    """
    items = list(strengths)
    if not items:
        raise ValueError("strengths must be non-empty")
    return max(items, key=lambda s: s.rank)


@dataclass(frozen=True)
class CheckResult:
    """One decided (or undecided) claim, with the evidence that decided it.

    ``evidence`` holds plain JSON-able values (strings for numbers that must not lose digits).
    ``cases`` holds sub-results (e.g. one per degree of a formula claim); the worst case comes
    first in ``str``.
    """

    verdict: Verdict
    strength: Strength
    claim: str
    method: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    reference: str = ""
    cases: tuple[CheckResult, ...] = ()

    def __post_init__(self) -> None:
        if self.verdict is Verdict.VERIFIED and self.strength is Strength.STATISTICAL:
            raise ValueError(
                "verdict=verified with strength=statistical is not allowed: Monte Carlo alone "
                "never verifies; return INCONCLUSIVE with the estimate as evidence"
            )

    def __bool__(self) -> bool:
        raise TypeError(
            "a CheckResult has no truth value; compare result.verdict with Verdict.VERIFIED"
        )

    def worst_case(self) -> CheckResult | None:
        """The first REFUTED case, else the first INCONCLUSIVE one, else None."""
        for wanted in (Verdict.REFUTED, Verdict.INCONCLUSIVE):
            for case in self.cases:
                if case.verdict is wanted:
                    return case
        return None

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict in the CLI contract's claim shape."""
        return {
            "verdict": self.verdict.value,
            "strength": self.strength.value,
            "claim": self.claim,
            "method": self.method,
            "evidence": dict(self.evidence),
            "reference": self.reference,
            "cases": [c.to_json() for c in self.cases],
        }

    def _repr_html_(self) -> str:
        """Jupyter: the verdict in colour, the claim, the method and the evidence."""
        from html import escape

        colour = {"verified": "#1a7f37", "refuted": "#cf222e", "inconclusive": "#9a6700"}[
            self.verdict.value]
        rows = "".join(f"<tr><td>{escape(str(k))}</td><td><code>{escape(str(v))[:500]}</code>"
                       "</td></tr>" for k, v in self.evidence.items())
        worst = self.worst_case()
        first = ("" if worst is None else f"<p>first failing case: <b>"
                 f"{worst.verdict.value.upper()}</b> {escape(worst.claim)}</p>")
        return (f'<div class="verify-check"><p><b style="color:{colour}">'
                f"{self.verdict.value.upper()}</b> ({self.strength.value}): "
                f"{escape(self.claim)}</p><p>method: {escape(self.method)}</p>{first}"
                f"<table>{rows}</table></div>")

    def _repr_latex_(self) -> str:
        """Jupyter/LaTeX: ``\textbf{VERIFIED} (exact): claim``, the claim as plain text."""
        text = "".join("\\" + ch if ch in "&%$#_{}" else ch for ch in self.claim)
        return (f"$\\textbf{{{self.verdict.value.upper()}}}\\ "
                f"\\text{{({self.strength.value}): {text}}}$")

    def __str__(self) -> str:
        head = f"{self.verdict.value.upper()} ({self.strength.value}): {self.claim} [{self.method}]"
        lines = [head]
        worst = self.worst_case()
        if worst is not None:
            lines.append(f"  worst case: {worst.verdict.value.upper()} {worst.claim}")
        for key, value in self.evidence.items():
            lines.append(f"  {key}: {value}")
        return "\n".join(lines)


def combine(
    claim: str,
    method: str,
    cases: Iterable[CheckResult],
    *,
    reference: str = "",
    evidence: Mapping[str, Any] | None = None,
) -> CheckResult:
    """Conjunction of sub-checks: REFUTED if any is, else INCONCLUSIVE if any is, else VERIFIED.

    The strength is that of the deciding cases: the weakest of all when VERIFIED, the strongest
    refuting case when REFUTED.
    """
    items = tuple(cases)
    if not items:
        raise ValueError("cases must be non-empty: a conjunction of no checks decides nothing")
    refuted = [c for c in items if c.verdict is Verdict.REFUTED]
    undecided = [c for c in items if c.verdict is Verdict.INCONCLUSIVE]
    if refuted:
        verdict = Verdict.REFUTED
        strength = min((c.strength for c in refuted), key=lambda s: s.rank)
    elif undecided:
        verdict = Verdict.INCONCLUSIVE
        strength = weakest(c.strength for c in items)
    else:
        verdict = Verdict.VERIFIED
        strength = weakest(c.strength for c in items)
    return CheckResult(
        verdict, strength, claim, method, dict(evidence or {}), reference, items
    )
