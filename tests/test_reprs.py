"""Jupyter reprs: well-formed HTML (every tag closed, in order) and LaTeX with balanced braces."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from verify.activations import activation
from verify.checks import CheckResult, Strength, Verdict, combine
from verify.hermite import hermite_coefficients
from verify.report import CoefficientTable, RunReport

_VOID = {"br", "hr", "img", "meta", "input"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data) -> None:
        self.text.append(data)


def _valid_html(text: str) -> str:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert not checker.errors and not checker.stack, (checker.errors, checker.stack, text)
    return "".join(checker.text)


def _balanced(latex: str) -> None:
    depth = 0
    for i, ch in enumerate(latex):
        if ch in "{}" and (i == 0 or latex[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0, latex
    assert depth == 0, latex


def test_check_result_html_escapes_and_balances() -> None:
    leaf = CheckResult(Verdict.REFUTED, Strength.CERTIFIED, "c_3 <= 1 & x", "balls",
                       {"lhs": "<script>", "rhs": "1"})
    r = combine("all <k>", "per degree", [leaf])
    assert "first failing case" in _valid_html(r._repr_html_())
    text = _valid_html(leaf._repr_html_())
    assert "REFUTED" in text and "<script>" in text  # shown as text, not as a tag
    assert "<script>" not in leaf._repr_html_()
    _balanced(r._repr_latex_())
    assert r._repr_latex_().startswith("$") and "\\&" in leaf._repr_latex_()


@pytest.mark.parametrize("act,digits", [("relu", 15), ("sigmoid", 12)])
def test_coefficient_table_reprs(act: str, digits: int) -> None:
    table = CoefficientTable(hermite_coefficients(activation(act), 6, digits=digits),
                             digits=digits)
    text = _valid_html(table._repr_html_())
    assert "exact" in text and text.count("\n") == 0
    latex = table._repr_latex_()
    _balanced(latex)
    assert latex.count("\\\\") == 8  # header and 7 rows


def test_run_report_html() -> None:
    from verify.claims import catalogue, run

    entries = [c for c in catalogue() if c.planted_variants][:2]
    report = RunReport(profile="quick", planted=False)
    report.extend(run(entries))
    text = _valid_html(report._repr_html_())
    assert all(c.id in text for c in entries)
