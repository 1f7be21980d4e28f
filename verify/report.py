"""Presentation: terminal tables (rich). Nothing below this module prints."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .checks import CheckResult, Verdict
from .numbers import terminating_decimal

_STYLE = {Verdict.VERIFIED: "green", Verdict.REFUTED: "bold red", Verdict.INCONCLUSIVE: "yellow"}


def _console() -> Console:
    # Piped output (not a terminal) gets 140 columns instead of rich's default 80.
    import sys

    width = None if sys.stdout.isatty() else 140
    return Console(soft_wrap=False, highlight=False, width=width)


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
    """Print a family report: size, headline, degeneracy per member, orthogonality, mean zero,
    norms, controls, SQ bound (each with its own strength)."""
    console = _console()
    console.print(f"[bold]{escape(report.name)}[/]: {report.size} networks on R^{report.n}")
    if report.headline:
        console.print(f"summary: {escape(report.headline)}")
    members = report.members
    if members:
        console.print(f"members: {members['proved_nonzero_count']} proved non-zero, "
                      f"{members['proved_zero_count']} proved zero, "
                      f"{members['undecided_count']} undecided ({escape(members['scope'])})")
    if members.get("proved_zero_count"):
        everyone = members["proved_zero_count"] == report.size
        console.print("[yellow]DEGENERATE[/]: " + (
            "every member is the zero function (exact); orthogonality is vacuous" if everyone
            else f"{_member_list(members, 'proved_zero')} proved to be the zero function "
                 "(exact)"))
    if members.get("undecided_count"):
        console.print(f"[yellow]norm not proved positive[/]: "
                      f"{_member_list(members, 'undecided')}")
    o = report.orthogonality
    console.print(f"orthogonality: [{_STYLE[o.verdict]}]{o.verdict.value.upper()}[/] "
                  f"({o.strength.value}) {escape(o.claim)}")
    worst = o.worst_case()
    if worst is not None and o.verdict is not Verdict.VERIFIED:
        console.print(f"  first undecided or failing pair: {escape(worst.claim)} "
                      f"({escape(worst.method)})")
    if report.witness is not None:
        console.print(f"  symmetry witness: flipping x_{report.witness} negates the first "
                      "member and fixes the second")
    m = report.mean_zero
    if m is not None:
        console.print(f"mean zero: [{_STYLE[m.verdict]}]{m.verdict.value.upper()}[/] "
                      f"({m.strength.value}) {escape(m.claim)}")
    table = Table(title="squared norms (N(0, I))")
    table.add_column("form")
    table.add_column("value")
    table.add_column("detail", overflow="fold", max_width=70)
    for key, value in report.norms.items():
        if key == "members" or (key == "squared_norm" and "members" in report.norms):
            continue  # member 0's norm is the first row of the per-member list
        table.add_row(key, escape(_norm_value(value)), escape(_norm_detail(value)))
    for value in report.norms.get("members", []):
        table.add_row(f"member {value['member']}", escape(_norm_value(value)),
                      escape(_norm_detail(value)))
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
        law = report.sq_bound.get("law")
        console.print(f"CSQ bound (normalized family{', under ' + law if law else ''}): "
                      f"{escape(b['statement'])}")
    elif report.sq_bound:
        console.print(escape(report.sq_bound["note"]))


def _member_list(members: dict[str, Any], key: str) -> str:
    shown = members[key]
    count = members[f"{key}_count"]
    listed = ", ".join(map(str, shown)) + (f", ... ({count} in all)" if count > len(shown)
                                           else "")
    return f"member {listed}" if count == 1 else f"members {listed}"


def _norm_value(value: dict[str, Any]) -> str:
    if value.get("exact"):
        return str(value["exact"])
    if "mid" in value:
        return f"{value['mid']} ± {value['rad']}"
    return "not computed"


def _norm_detail(value: dict[str, Any]) -> str:
    detail = value.get("method") or ", ".join(f"{k}={v}" for k, v in value.items()
                                              if k not in ("mid", "rad", "exact"))
    if value.get("positive") is True:
        detail += " (proved > 0)"
    return str(detail)


# ---------------------------------------------------------------------------------------------
# The verification suite: `verify run` and `verify list`.


@dataclass
class RunReport:
    """The outcomes of one ``verify run``, and every way of presenting them."""

    profile: str
    planted: bool
    outcomes: list[Any] = field(default_factory=list)
    interrupted: bool = False
    #: Filled once, the first time a presentation needs it, so that the JSON, Markdown and
    #: LaTeX of one run name the same date (see verify.provenance).
    provenance: dict[str, Any] | None = None

    def provenance_block(self) -> dict[str, Any]:
        """The run's provenance (verify.provenance.provenance with this run's profile; the
        catalogue's Monte Carlo seeds are fixed per check and recorded in each result's
        evidence, so ``seeds`` is None here)."""
        if self.provenance is None:
            from .provenance import provenance

            self.provenance = provenance(profile=self.profile)
        return self.provenance

    def extend(self, outcomes: Iterable[Any]) -> None:
        self.outcomes.extend(outcomes)

    @property
    def entries(self) -> set[str]:
        return {o.claim.id for o in self.outcomes}

    @property
    def exit_code(self) -> int:
        """0: every outcome as expected; 1: some outcome contradicts its expectation (a claim
        REFUTED, or a planted/printed variant VERIFIED); 3: some outcome undecided."""
        if all(o.as_expected for o in self.outcomes) and self.outcomes:
            return 0
        contradicted = any(
            (o.expected == "refuted" and o.result.verdict is Verdict.VERIFIED)
            or (o.expected != "refuted" and o.result.verdict is Verdict.REFUTED)
            for o in self.outcomes)
        return 1 if contradicted else 3

    def summary(self) -> dict[str, Any]:
        counts = {v.value: sum(o.result.verdict is v for o in self.outcomes) for v in Verdict}
        return {"profile": self.profile, "planted": self.planted,
                "entries": len(self.entries), "outcomes": len(self.outcomes),
                "as_expected": sum(o.as_expected for o in self.outcomes),
                "verdicts": counts, "interrupted": self.interrupted,
                "seconds": round(sum(o.seconds for o in self.outcomes), 2)}

    def to_json(self) -> dict[str, Any]:
        return {"schema": "verify-run/2", "provenance": self.provenance_block(),
                "results": [o.to_json() for o in self.outcomes], "summary": self.summary()}

    def _repr_html_(self) -> str:
        """Jupyter: the run as an HTML table (one row per outcome)."""
        from html import escape as html

        head = "".join(f"<th>{c}</th>" for c in ("ID", "paper · where", "kind", "verdict",
                                                "strength", "method", "s"))
        rows = []
        for o in self.outcomes:
            colour = {"verified": "#1a7f37", "refuted": "#cf222e",
                      "inconclusive": "#9a6700"}[o.result.verdict.value]
            mark = "" if o.as_expected else " (unexpected)"
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in (
                html(o.claim.id), html(f"{o.claim.paper} · {o.claim.where}"),
                html(_kind_label(o)),
                f'<b style="color:{colour}">{o.result.verdict.value.upper()}</b>{mark}',
                o.result.strength.value, html(o.result.method), f"{o.seconds:.2f}")) + "</tr>")
        s = self.summary()
        return (f"<p>verify run ({html(self.profile)} profile): {s['as_expected']}/"
                f"{s['outcomes']} as expected</p><table><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")

    def render(self, kind: str) -> str:
        if kind == "json":
            return json.dumps(self.to_json(), indent=1) + "\n"
        if kind == "markdown":
            return _markdown(self)
        if kind == "latex":
            return _latex(self)
        raise ValueError(f"unknown report kind {kind!r}")


class CoefficientTable:
    """Coefficients for a notebook: ``CoefficientTable(hermite_coefficients(act, 10))``
    renders as an HTML table and as LaTeX (exact values as formulas, balls as mid ± rad)."""

    def __init__(self, coefficients: Sequence[Any], *, label: str = "c_k",
                 digits: int = 15) -> None:
        self.coefficients, self.label, self.digits = list(coefficients), label, digits

    def rows(self) -> list[tuple[int, str, str, str]]:
        from .numbers import report_ball

        out = []
        for c in self.coefficients:
            mid, rad = report_ball(c.ball, self.digits)
            exact = str(c.exact) if c.exact is not None else ""
            tier = "float (no guarantee)" if c.tier == "float" else c.tier
            out.append((c.k, exact or mid, "0" if exact else
                        ("no bound" if c.tier == "float" else rad), tier))
        return out

    def _repr_html_(self) -> str:
        from html import escape as html

        body = "".join(f"<tr><td>{k}</td><td><code>{html(v)}</code></td><td>{html(r)}</td>"
                       f"<td>{t}</td></tr>" for k, v, r, t in self.rows())
        return (f"<table><thead><tr><th>k</th><th>{html(self.label)}</th><th>± rad</th>"
                f"<th>tier</th></tr></thead><tbody>{body}</tbody></table>")

    def _repr_latex_(self) -> str:
        import sympy as sp

        lines = []
        for c, (k, v, r, t) in zip(self.coefficients, self.rows(), strict=True):
            value = sp.latex(c.exact.sympy()) if c.exact is not None else (
                f"{v} \\pm {r}" if r not in ("0", "no bound") else v)
            lines.append(f"{k} & {value} & \\text{{{t}}} \\\\")
        return ("$$\\begin{array}{rll} k & " + self.label + " & \\text{tier} \\\\ \\hline "
                + " ".join(lines) + " \\end{array}$$")


def _kind_label(o: Any) -> str:
    if o.kind == "planted":
        return f"planted: {o.variant.name}"
    if o.kind == "printed":
        return "erratum: as printed"
    if o.claim.erratum:
        return "erratum: corrected"
    return "statistical only" if o.claim.statistical_only else "claim"


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _markdown(report: RunReport) -> str:
    s = report.summary()
    what = ", planted variants" if report.planted else ""
    from .provenance import provenance_line

    lines = [f"# verify run ({report.profile} profile{what})",
             "",
             f"Produced by {_md_cell(provenance_line(report.provenance_block()))}.",
             "",
             f"{s['outcomes']} checks of {s['entries']} catalogue entries; {s['as_expected']} as "
             f"expected. Verdicts: {s['verdicts']['verified']} verified, "
             f"{s['verdicts']['refuted']} refuted, {s['verdicts']['inconclusive']} inconclusive"
             + (" (interrupted)" if report.interrupted else "") + ".",
             "",
             "| ID | paper · where | statement | kind | verdict | strength | method | s |",
             "|---|---|---|---|---|---|---|---|"]
    for o in report.outcomes:
        statement = o.variant.statement if o.variant else o.claim.statement
        verdict = o.result.verdict.value.upper() + ("" if o.as_expected else " (unexpected)")
        lines.append("| " + " | ".join(_md_cell(c) for c in (
            o.claim.id, f"{o.claim.paper} · {o.claim.where}", f"${statement}$",
            _kind_label(o), verdict, o.result.strength.value, o.result.method,
            f"{o.seconds:.2f}")) + " |")
    return "\n".join(lines) + "\n"


_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    """Plain text for a LaTeX document (statements, which are LaTeX already, are not escaped).

    >>> latex_escape("a_k & 50% of {x}")
    'a\\\\_k \\\\& 50\\\\% of \\\\{x\\\\}'
    """
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in str(text))


#: The packages the LaTeX report needs, exactly (its first line lists them): longtable for the
#: table across pages, array for the ragged-right p columns, amsmath and amssymb for the
#: statements (\text, \tfrac, \mathbb, ...).
LATEX_PACKAGES = ("longtable", "array", "amsmath", "amssymb")

_SCIENTIFIC = re.compile(r"(?<![\w.])([+-]?)(\d+(?:\.\d+)?)[eE]([+-]?)0*(\d+)(?![\w.])")


def latex_text(text: str) -> str:
    """Plain text for a LaTeX table cell: escaped, and numbers in e-notation typeset as
    powers of ten.

    >>> latex_text("bound 1.4e-22 at n=1e5")
    'bound $1.4 \\\\times 10^{-22}$ at n=$10^{5}$'
    """
    def power(m: re.Match[str]) -> str:
        sign, mantissa, exp_sign, exponent = m.groups()
        exp = ("-" if exp_sign == "-" else "") + exponent
        lead = "" if mantissa == "1" else f"{mantissa} \\times "
        return f"${'-' if sign == '-' else ''}{lead}10^{{{exp}}}$"

    text = _SCIENTIFIC.sub(power, latex_escape(text))
    return "".join(_LATEX_UNICODE.get(ch, ch) for ch in text)


#: Characters of the catalogue's plain text that need no font beyond Computer Modern.
_LATEX_UNICODE = {"§": r"\S{}", "∘": r"$\circ$", "·": r"$\cdot$", "±": r"$\pm$",
                  "≤": r"$\le$", "≥": r"$\ge$", "×": r"$\times$", "—": "---", "–": "--",
                  "→": r"$\to$", "∞": r"$\infty$"}


_DECIMAL = re.compile(r"\s*([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*")


def latex_number(text: str) -> str | None:
    """A decimal as typed (``-0.0398``, ``1.4e-22``), as LaTeX that prints the same digits
    (``-0.0398``, ``1.4 \\times 10^{-22}``); None when ``text`` is not a plain decimal.

    >>> latex_number("1.4e-22"), latex_number("-0.0398"), latex_number("1/3")
    ('1.4 \\\\times 10^{-22}', '-0.0398', None)
    """
    m = _DECIMAL.fullmatch(str(text))
    if m is None:
        return None
    sign, mantissa, exponent = m.groups()
    sign = "-" if sign == "-" else ""
    if exponent is None:
        return sign + mantissa
    exp = int(exponent)
    return sign + ("" if mantissa in ("1", "1.") else f"{mantissa} \\times ") + f"10^{{{exp}}}"


def latex_value(expr: Any, typed: str | None = None) -> str:
    """A claimed value as LaTeX: a typed decimal as its digits (not the exact fraction it is
    decided as), anything else by SymPy with the full inverse-trigonometric names
    (``\\arccos``, not ``\\operatorname{acos}``).

    >>> import sympy as sp
    >>> latex_value(sp.Rational(-398, 10000), "-0.0398"), latex_value(sp.acos(sp.Symbol("r")))
    ('-0.0398', '\\\\arccos{\\\\left(r \\\\right)}')
    """
    import sympy as sp

    if typed is not None:
        number = latex_number(typed)
        if number is not None:
            return number
    return str(sp.latex(expr, inv_trig_style="full"))


def latex_exact_decimal(value: Any) -> str | None:
    """An exact rational with a terminating decimal expansion in scientific LaTeX (a rounding
    half-width ``1/200000`` reads ``5 \\times 10^{-6}``); None for any other value.

    >>> import sympy as sp
    >>> latex_exact_decimal(sp.Rational(1, 200000)), latex_exact_decimal(sp.Rational(1, 2))
    ('5 \\\\times 10^{-6}', '0.5')
    >>> latex_exact_decimal(sp.Rational(1, 3)) is None
    True
    """
    import sympy as sp

    q = value if isinstance(value, sp.Basic) else sp.sympify(value)
    if not isinstance(q, sp.Rational) or q == 0:  # a Float is not exact: never rewritten
        return None
    decimal = terminating_decimal(q)
    if decimal is None:
        return None
    scaled, places = decimal
    digits = str(scaled)  # |q| * 10^places
    sign = "-" if q < 0 else ""
    exponent = len(digits) - 1 - places
    if -3 <= exponent <= 3:
        whole = digits[:-places] if places and len(digits) > places else "0" if places else digits
        frac = digits[-places:].rjust(places, "0") if places else ""
        return sign + (f"{whole}.{frac}" if frac else whole)
    mantissa = digits.rstrip("0") or "0"
    mantissa = mantissa[0] + ("." + mantissa[1:] if len(mantissa) > 1 else "")
    return sign + ("" if mantissa == "1" else f"{mantissa} \\times ") + f"10^{{{exponent}}}"


def latex_minus(left: str, right: str) -> str:
    """``left - right`` without a double minus: ``c - -0.5`` is written ``c + 0.5``.

    >>> latex_minus("c_{3}", "-0.0398"), latex_minus("c_{3}", "0.5")
    ('c_{3} + 0.0398', 'c_{3} - 0.5')
    """
    right = right.strip()
    if right.startswith("-"):
        return f"{left} + {right[1:].lstrip()}"
    return f"{left} - {right}"


def latex_statement(kind: str, act: Any, basis: Any, expr: Any, *,
                    degrees: Sequence[int] | None = None, k: int | None = None,
                    rho: Any = None, half_width: Any = None,
                    typed: str | None = None) -> str:
    """The decided statement as LaTeX, as a paper would print it: a value typed as a decimal
    (``typed``, the text ``expr`` was parsed from) keeps its digits (``1.4 \\times 10^{-22}``,
    not the fraction it is decided as), no double minus, ``\\arccos`` for acos. ``act`` is an
    Activation, ``basis`` a :class:`verify.referee.Basis`."""
    import sympy as sp
    name = sp.latex(sp.Symbol(r"\mathrm{" + act.name + "}")) if act.name.isidentifier() \
        else sp.latex(act.expr)
    where = "" if basis.name == "hermite" else f"; d={basis.d}, r={sp.latex(basis.r)}"
    coeff = "c" if basis.name == "hermite" else "a"
    body = latex_value(expr, typed)
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
            half = latex_exact_decimal(half_width) or latex_value(half_width)
            return (f"\\left|{latex_minus(f'{coeff}_{{{k}}}({name}{where})', body)}\\right| "
                    f"\\le {half}")
        return f"{coeff}_{{{k}}}({name}{where}) = {body}"
    kernel = "K" if basis.name == "hermite" else "K_{d}"
    return (f"{kernel}_{{{name}}}(\\rho) = {body} \\quad \\text{{at }} "
            f"\\rho = {latex_value(rho)}")


def _latex(report: RunReport) -> str:
    from .provenance import provenance_line

    rows = []
    for o in report.outcomes:
        statement = o.variant.statement if o.variant else o.claim.statement
        verdict = o.result.verdict.value + ("" if o.as_expected else " (unexpected)")
        rows.append(" & ".join([
            latex_escape(o.claim.id), latex_text(f"{o.claim.paper}, {o.claim.where}"),
            latex_text(_kind_label(o)),
            latex_text(verdict) + r"\newline " + latex_text(o.result.strength.value),
            latex_text(o.result.method)]) + r" \\*")
        # The statement on its own full-width line: formulas do not fit a narrow column.
        rows.append(r"\multicolumn{5}{@{}>{\small\raggedright\arraybackslash}"
                    r"p{\dimexpr 0.93\linewidth + 24pt\relax}@{}}"
                    r"{\hspace*{1em}$" + statement + r"$} \\[3pt]")
    s = report.summary()
    what = ", planted variants" if report.planted else ""
    line = " ".join(provenance_line(report.provenance_block()).splitlines())
    caption = (f"verify run ({latex_escape(report.profile)} profile{what}): "
               f"{s['as_expected']}/{s['outcomes']} as expected. Produced by "
               f"{latex_text(line)}.")
    # Ragged-right p columns of fixed shares of the line (a portrait page; the widths never
    # change between passes, so one pdflatex run suffices); the statement spans them exactly:
    # 0.93 of the line and 4 gaps of 6pt. Small type per cell, so nothing outlives the table.
    col = r">{\small\raggedright\arraybackslash}p{%s\linewidth}"
    spec = "@{}" + r"@{\hspace{6pt}}".join(
        col % w for w in ("0.07", "0.28", "0.14", "0.14", "0.30")) + "@{}"
    header = r"ID & paper, where & kind & verdict, strength & method \\ \hline"
    return "\n".join([
        "% verify run, " + report.profile + " profile; needs \\usepackage{"
        + ",".join(LATEX_PACKAGES) + "} (portrait page, one pdflatex pass)",
        "% provenance: " + line,
        r"\begin{longtable}{" + spec + "}",
        r"\caption*{\small " + caption + r"}\\",
        header, r"\endfirsthead", header, r"\endhead",
        *rows, r"\end{longtable}", ""])


@contextlib.contextmanager
def progress(total: int, *, enabled: bool, label: str = "checked"
             ) -> Iterator[Callable[[str], None]]:
    """A transient progress bar on stderr; ``advance(text)`` after each step."""
    if not enabled:
        yield lambda label: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda text: bar.update(task, advance=1, description=f"{label} {text}")


@contextlib.contextmanager
def status(text: str, *, enabled: bool) -> Iterator[None]:
    """A transient spinner on stderr while a step without a count runs."""
    if not enabled:
        yield
        return
    with Console(stderr=True).status(text):
        yield


def run_table(report: RunReport) -> None:
    """Print one table of a run's outcomes and a summary line."""
    console = _console()
    table = Table(title=escape(f"verify run — {report.profile} profile"
                               + (" — planted variants (each must be REFUTED)"
                                  if report.planted else "")))
    widths = {"paper · where": 30, "kind": 22, "methods": 44}
    for col in ("ID", "paper · where", "kind", "verdict", "strength", "methods", "s"):
        table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=widths.get(col),
                         justify="right" if col == "s" else "left")
    for o in report.outcomes:
        style = _STYLE[o.result.verdict]
        verdict = f"[{style}]{o.result.verdict.value.upper()}[/]" + (
            "" if o.as_expected else " [bold red](unexpected)[/]")
        table.add_row(escape(o.claim.id), escape(f"{o.claim.paper} · {o.claim.where}"),
                      escape(_kind_label(o)), verdict, o.result.strength.value,
                      escape("; ".join(o.claim.methods)), f"{o.seconds:.2f}")
    console.print(table)
    s = report.summary()
    console.print(f"{s['as_expected']}/{s['outcomes']} as expected "
                  f"({s['verdicts']['verified']} verified, {s['verdicts']['refuted']} refuted, "
                  f"{s['verdicts']['inconclusive']} inconclusive) in {s['seconds']} s")
    for o in report.outcomes:
        if not o.as_expected:
            console.print(f"[bold red]{escape(o.claim.id)}[/] {escape(_kind_label(o))}: "
                          f"expected {o.expected}, got {o.result.verdict.value}: "
                          f"{escape(o.result.claim)}")


def catalogue_table(entries: Sequence[Any]) -> None:
    """Print the catalogue: ID, paper · where, source, methods, variants."""
    table = Table(title=f"the catalogue: {len(entries)} identities")
    for col in ("ID", "paper · where", "source", "methods", "variants"):
        table.add_column(col, overflow="fold")
    for c in entries:
        extra = [f"{len(c.planted_variants)} planted"]
        if c.erratum:
            extra.append("erratum")
        if c.statistical_only:
            extra.append("statistical only")
        table.add_row(escape(c.id), escape(f"{c.paper} · {c.where}"), c.source,
                      escape("; ".join(c.methods)), ", ".join(extra))
    _console().print(table)
