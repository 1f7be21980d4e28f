"""Presentation: terminal tables (rich). Nothing below this module prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .checks import CheckResult, Verdict

_STYLE = {Verdict.VERIFIED: "green", Verdict.REFUTED: "bold red", Verdict.INCONCLUSIVE: "yellow"}


def _console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def coefficient_table(label: str, digits: int, rows: Sequence[dict[str, Any]]) -> None:
    """Print coefficients: exact ones with their closed form, balls as mid ± rad."""
    table = Table(title=escape(f"{label}, to {digits} digits"))
    table.add_column("k", justify="right")
    table.add_column("value (mid)")
    table.add_column("± rad")
    table.add_column("tier")
    table.add_column("exact form", overflow="fold", max_width=60)
    for r in rows:
        tier = r["tier"] if r["met"] or r["tier"] == "float" else f"{r['tier']} (digits not met)"
        if r["tier"] == "float":
            tier = "float (no guarantee)"
        exact = r["exact"] or ""
        rad = "no bound" if r["rad"] == "inf" else r["rad"]
        table.add_row(str(r["k"]), r["mid"], rad, tier,
                      exact if len(exact) < 200 else exact[:197] + "...")
    _console().print(table)


def claim_summary(result: CheckResult) -> None:
    """Print a claim's verdict, strength, evidence, and the worst case first."""
    console = _console()
    style = _STYLE[result.verdict]
    console.print(f"[{style}]{result.verdict.value.upper()}[/] ({result.strength.value}) "
                  f"{escape(result.claim)}")
    console.print(f"  method: {escape(result.method)}")
    worst = result.worst_case()
    if worst is not None:
        console.print(f"  first failing case: [{_STYLE[worst.verdict]}]"
                      f"{worst.verdict.value.upper()}[/] {escape(worst.claim)}")
        for key in ("claimed", "computed", "difference_bound"):
            if key in worst.evidence:
                console.print(f"    {key}: {escape(str(worst.evidence[key]))}")
    for key, value in result.evidence.items():
        if not key.startswith("first_failure"):
            console.print(f"  {key}: {escape(str(value))}")
    if result.cases and worst is None:
        console.print(f"  all {len(result.cases)} cases {result.verdict.value} "
                      f"(weakest strength: {result.strength.value})")


def family_summary(report: Any) -> None:
    """Print a family report: size, degeneracy, orthogonality, norms, controls, SQ bound."""
    console = _console()
    console.print(f"[bold]{escape(report.name)}[/]: {report.size} networks on R^{report.n}")
    if report.degenerate:
        console.print("[yellow]DEGENERATE[/]: every member is the zero function (exact); "
                      "orthogonality is vacuous")
    o = report.orthogonality
    console.print(f"orthogonality: [{_STYLE[o.verdict]}]{o.verdict.value.upper()}[/] "
                  f"({o.strength.value}) {escape(o.claim)}")
    if report.witness is not None:
        console.print(f"  symmetry witness: flipping x_{report.witness} negates the first "
                      "member and fixes the second")
    table = Table(title="squared norms (N(0, I))")
    table.add_column("form")
    table.add_column("value")
    table.add_column("detail", overflow="fold", max_width=70)
    for key, value in report.norms.items():
        shown = value.get("exact") or (f"{value['mid']} ± {value['rad']}" if "mid" in value
                                       else "not computed")
        detail = value.get("method") or ", ".join(f"{k}={v}" for k, v in value.items()
                                                  if k not in ("mid", "rad", "exact"))
        table.add_row(key, escape(str(shown)), escape(str(detail)))
    if report.norms:
        console.print(table)
    if report.controls:
        ctl = Table(title="Monte Carlo controls (statistical: never a proof)")
        for col in ("law", "symmetry of the law", "verdict", "z"):
            ctl.add_column(col)
        for c in report.controls:
            ctl.add_row(escape(c["law"]), c["law_symmetry"], c["verdict"], str(c["z"])[:8])
        console.print(ctl)
    if "normalized_family" in report.sq_bound:
        b = report.sq_bound["normalized_family"]
        console.print(f"CSQ bound (normalized family): {escape(b['statement'])}")
    elif report.sq_bound:
        console.print(escape(report.sq_bound["note"]))
