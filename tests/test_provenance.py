"""Provenance in every report (verify.provenance), the run schema's version 2, and the LaTeX
report: exactly the packages its header lists, a portrait page, one pdflatex pass."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from verify import __version__
from verify.checks import CheckResult, Strength, Verdict
from verify.claims import PROFILES, catalogue, run, select
from verify.provenance import (
    git_commit,
    latex_verdict_line,
    provenance,
    provenance_json,
    provenance_line,
)
from verify.report import (
    LATEX_PACKAGES,
    RunReport,
    latex_exact_decimal,
    latex_minus,
    latex_number,
    latex_text,
    latex_value,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "verify" / "schemas" / "run.schema.json"
#: Fast entries (about 2 s together) whose statements use \mathbb and \text.
FAST = ["A20", "C22", "D23"]


@pytest.fixture(scope="module")
def small_run() -> RunReport:
    report = RunReport(profile="quick", planted=False)
    report.extend(run(select(papers=[], ids=FAST), PROFILES["quick"], planted=False))
    return report


def test_provenance_block_names_versions_date_profile_seeds() -> None:
    from importlib import metadata

    p = provenance("full", [20, 21])
    assert p["verify"] == __version__
    assert p["python_flint"] == metadata.version("python-flint")
    assert p["sympy"] == metadata.version("sympy") and p["numpy"] == metadata.version("numpy")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", p["date"])
    assert p["profile"] == "full" and p["seeds"] == [20, 21]
    assert provenance()["profile"] is None and provenance()["seeds"] is None
    assert provenance_json("quick", (1,))["seeds"] == [1]
    json.dumps(p)  # plain JSON values only


def test_commit_is_the_checkouts_head() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    git_commit.cache_clear()
    assert provenance()["commit"] == head
    assert provenance()["modified"] in (True, False)
    assert head[:12] in provenance_line()


def test_commit_lookup_never_fails(monkeypatch) -> None:
    import verify.provenance as prov

    def slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], 2.0)

    git_commit.cache_clear()
    monkeypatch.setattr(prov.subprocess, "run", slow)
    try:
        assert provenance()["commit"] is None and provenance()["modified"] is None
        assert "commit" not in provenance_line()
    finally:
        git_commit.cache_clear()


def test_commit_of_another_repository_is_not_ours(monkeypatch, tmp_path) -> None:
    # A top level that does not hold this package as verify/ (an installed wheel inside some
    # other checkout) gives no commit.
    import verify.provenance as prov

    def other(cmd, **kwargs):
        return subprocess.CompletedProcess(cmd, 0, stdout=f"{tmp_path}\n", stderr="")

    git_commit.cache_clear()
    monkeypatch.setattr(prov.subprocess, "run", other)
    try:
        assert git_commit() == (None, None)
    finally:
        git_commit.cache_clear()


@pytest.mark.parametrize(("seeds", "error"), [
    ([True], TypeError), ([1.0], TypeError), ("12", TypeError), (5, TypeError),
    ([-1], ValueError)])
def test_bad_seeds_are_refused_in_one_line(seeds, error, raises_one_line) -> None:
    raises_one_line(lambda: provenance(seeds=seeds), error, ["seeds="])


def test_bad_profile_is_refused(raises_one_line) -> None:
    raises_one_line(lambda: provenance(profile=1), TypeError, ["profile="])


def test_run_json_carries_provenance_and_validates_v2(small_run) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "../" not in json.dumps(schema)  # no description points outside the package
    doc = json.loads(small_run.render("json"))
    assert doc["schema"] == "verify-run/2"
    assert doc["provenance"]["profile"] == "quick" and doc["provenance"]["verify"] == __version__
    jsonschema.validate(doc, schema)
    for broken in ({k: v for k, v in doc.items() if k != "provenance"},
                   {**doc, "schema": "verify-run/1"},
                   {**doc, "provenance": {**doc["provenance"], "date": "yesterday"}},
                   {**doc, "provenance": {**doc["provenance"], "seeds": [True]}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_every_rendering_of_a_run_names_one_provenance(small_run) -> None:
    doc = json.loads(small_run.render("json"))
    line = provenance_line(doc["provenance"])
    markdown = small_run.render("markdown").splitlines()
    assert markdown[2] == f"Produced by {line}."  # the header, above the table
    latex = small_run.render("latex")
    assert f"% provenance: {line}" in latex.splitlines()[:3]
    assert latex_text(line) in latex
    assert json.loads(small_run.render("json"))["provenance"] == doc["provenance"]


def test_latex_header_lists_the_packages_it_uses(small_run) -> None:
    latex = small_run.render("latex")
    header = latex.splitlines()[0]
    listed = re.search(r"\\usepackage\{([^}]*)\}", header)
    assert listed and tuple(listed.group(1).split(",")) == LATEX_PACKAGES
    assert "portrait" in header
    assert r"\mathbb" in latex and "amssymb" in LATEX_PACKAGES  # 36 rows use \mathbb
    assert r"\raggedright\arraybackslash" in latex


def test_verdict_line_names_what_produced_it() -> None:
    result = CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, "c_1(sigmoid) = 0.2066", "Arb")
    p = provenance()
    line = latex_verdict_line(result, p)
    assert line == f"% VERIFIED (certified) by {provenance_line(p)}"
    assert line.startswith(f"% VERIFIED (certified) by verify {__version__}")
    assert "\n" not in latex_verdict_line(result, {**p, "platform": "a\nb"})


def test_latex_numbers_and_values() -> None:
    import sympy as sp

    assert latex_text("difference 1.4e-22, n=1e5, 2E+03") == (
        r"difference $1.4 \times 10^{-22}$, n=$10^{5}$, $2 \times 10^{3}$")
    assert latex_text("c_1 x2e5 v1.4e-2b") == r"c\_1 x2e5 v1.4e-2b"  # not numbers
    assert latex_number("-0.0398") == "-0.0398" and latex_number("1.4e-22") == (
        r"1.4 \times 10^{-22}")
    assert latex_number("pi/4") is None and latex_number("1/3") is None
    assert latex_value(sp.Rational(-398, 10000), "-0.0398") == "-0.0398"
    r = sp.Symbol("r")
    for f, name in ((sp.acos, r"\arccos"), (sp.asin, r"\arcsin"), (sp.atan, r"\arctan")):
        assert latex_value(f(r)).startswith(name) and "operatorname" not in latex_value(f(r))
    assert latex_minus(r"c_{3}(\mathrm{sigmoid})", "-0.0398") == (
        r"c_{3}(\mathrm{sigmoid}) + 0.0398")
    # A rounding half-width 10^-5/2 as a paper prints it, not \frac{1}{200000}.
    assert latex_exact_decimal(sp.Rational(1, 200000)) == r"5 \times 10^{-6}"
    assert latex_exact_decimal(sp.Rational(-3, 40)) == "-0.075"
    assert latex_exact_decimal(sp.Rational(1234567, 1000)) == "1234.567"
    assert latex_exact_decimal(sp.Rational(5, 10**9)) == r"5 \times 10^{-9}"
    assert latex_exact_decimal(sp.Rational(1, 3)) is None
    assert latex_exact_decimal(sp.sqrt(2)) is None and latex_exact_decimal(0.5) is None


def _pdflatex(tmp_path: Path, body: str, packages: tuple[str, ...]) -> str:
    doc = tmp_path / "doc.tex"
    doc.write_text("\\documentclass{article}\n\\usepackage{" + ",".join(packages) + "}\n"
                   "\\begin{document}\n" + body + "\n\\end{document}\n", encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                           "doc.tex"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    log = (tmp_path / "doc.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-3000:]
    assert (tmp_path / "doc.pdf").exists()
    return log


needs_pdflatex = pytest.mark.skipif(shutil.which("pdflatex") is None,
                                    reason="pdflatex is not installed")


@needs_pdflatex
def test_report_compiles_in_one_pass_with_the_listed_packages(small_run, tmp_path) -> None:
    log = _pdflatex(tmp_path, small_run.render("latex"), LATEX_PACKAGES)
    assert "Rerun" not in log and "Column widths have changed" not in log


@needs_pdflatex
def test_report_needs_amssymb(small_run, tmp_path) -> None:
    # The old header's packages: \mathbb stops pdflatex fatally.
    with pytest.raises(AssertionError, match="Undefined control sequence"):
        _pdflatex(tmp_path, small_run.render("latex"), ("longtable", "array", "amsmath"))


@needs_pdflatex
def test_every_catalogue_statement_compiles_with_the_listed_packages(tmp_path) -> None:
    # Every statement of the catalogue and of its planted and printed variants, in the
    # report's own statement cell, without running the checks.
    statements = []
    for c in catalogue():
        statements.append(c.statement)
        statements.extend(v.statement for v in c.planted_variants)
        if c.printed_variant is not None:
            statements.append(c.printed_variant.statement)
    body = "\n".join(f"\\noindent\\parbox{{\\linewidth}}{{\\raggedright ${s}$}}\\par"
                     for s in statements)
    _pdflatex(tmp_path, body, LATEX_PACKAGES)
