"""`verify claim ... --latex`, and formulas piecewise in the parity of k (if_even)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verify import __version__
from verify.report import LATEX_PACKAGES

RELU = "(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))"


def _claim(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verify.cli", "claim", *args],
                          capture_output=True, text=True, timeout=600)


def test_formula_piecewise_in_parity_is_verified_with_latex() -> None:
    proc = _claim("formula", "relu", "--formula", f"if_even(k, {RELU}, 0)", "--degrees", "2:25",
                  "--json", "--latex")
    doc = json.loads(proc.stdout)
    assert proc.returncode == 0 and doc["verdict"] == "verified" and doc["strength"] == "exact"
    assert r"\begin{cases}" in doc["latex"] and r"k \in \{2, 3, \dots, 25\}" in doc["latex"]


def test_planted_parity_swap_is_refuted() -> None:
    # Planted: the odd branch claims 1/k! instead of the exact zeros of c_k(relu), k odd >= 3.
    proc = _claim("formula", "relu", "--formula", f"if_even(k, {RELU}, 1/factorial(k))",
                  "--degrees", "2:6", "--json")
    doc = json.loads(proc.stdout)
    assert proc.returncode == 1 and doc["verdict"] == "refuted"
    assert "k=3" in doc["evidence"]["first_failure"]


def test_latex_in_the_terminal_carries_the_verdict() -> None:
    proc = _claim("coeff", "sigmoid", "--degree", "1", "--value", "0.2066", "--rounded",
                  "--latex")
    lines = proc.stdout.strip().splitlines()
    assert proc.returncode == 0
    assert lines[-2].startswith(f"% VERIFIED (certified) by verify {__version__}")
    assert re.search(r", \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[-2])  # the UTC date
    assert "python-flint" in lines[-2] and "SymPy" in lines[-2] and "NumPy" in lines[-2]
    assert lines[-1].startswith(r"\[ \left|c_{1}(\mathrm{sigmoid})") and lines[-1].endswith(r"\]")


def _snippet(*args: str) -> str:
    proc = _claim(*args, "--latex")
    assert proc.returncode in (0, 1, 3), proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_rounded_negative_value_prints_its_digits_without_double_minus() -> None:
    line = _snippet("coeff", "sigmoid", "--degree", "3", "--value", "-0.02547", "--rounded")
    assert line == r"\[ \left|c_{3}(\mathrm{sigmoid}) + 0.02547\right| \le 5 \times 10^{-6} \]"
    line = _snippet("coeff", "sigmoid", "--degree", "3", "--value", "-2.547e-2", "--rounded")
    assert r"+ 2.547 \times 10^{-2}\right|" in line and "e-2" not in line


def test_inverse_trigonometric_functions_by_their_names() -> None:
    line = _snippet("kernel", "relu", "--rho", "1/2", "--value",
                    "(sqrt(1-rho**2)+(pi-acos(rho))*rho)/(2*pi)")
    assert r"\arccos" in line and "operatorname" not in line
    line = _snippet("kernel", "relu", "--rho", "1/2", "--value",
                    "(sqrt(1-rho**2)+(pi/2+asin(rho))*rho)/(2*pi)")
    assert r"\arcsin" in line and "operatorname" not in line
    line = _snippet("kernel", "relu", "--rho", "1/2", "--value",
                    "(sqrt(1-rho**2)+(pi/2+atan(rho/sqrt(1-rho**2)))*rho)/(2*pi)")
    assert r"\arctan" in line and "operatorname" not in line


def test_every_json_output_carries_provenance() -> None:
    docs = [json.loads(_claim("coeff", "sigmoid", "--degree", "1", "--value", "0.2066",
                              "--rounded", "--json").stdout)]
    for args in (["coeffs", "relu", "--max-degree", "2", "--json"],
                 ["family", "parity", "--n", "3", "--k", "2", "--activation", "relu",
                  "--samples", "1000", "--seed", "7", "--json", "--quiet"]):
        proc = subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True,
                              text=True, timeout=600)
        docs.append(json.loads(proc.stdout))
    for doc in docs:
        p = doc["provenance"]
        assert p["verify"] == __version__ and p["python_flint"] and p["sympy"] and p["numpy"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", p["date"])
    assert docs[-1]["provenance"]["seeds"] == [7, 8]  # the Monte Carlo controls' two seeds


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_claim_snippets_compile_with_the_report_packages(tmp_path: Path) -> None:
    snippets = [
        _snippet("coeff", "sigmoid", "--degree", "3", "--value", "-2.547e-2", "--rounded"),
        _snippet("kernel", "relu", "--rho", "1/2", "--value",
                 "(sqrt(1-rho**2)+(pi-acos(rho))*rho)/(2*pi)"),
        _snippet("formula", "relu", "--formula", f"if_even(k, {RELU}, 0)", "--degrees", "2:6")]
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage{" + ",".join(LATEX_PACKAGES) + "}\n"
        "\\begin{document}\n" + "\n".join(snippets) + "\n\\end{document}\n")
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:]
