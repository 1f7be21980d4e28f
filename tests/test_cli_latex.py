"""`verify claim ... --latex`, and formulas piecewise in the parity of k (if_even)."""

from __future__ import annotations

import json
import subprocess
import sys

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
    assert lines[-2] == "% VERIFIED (certified) by verify"
    assert lines[-1].startswith(r"\[ \left|c_{1}(\mathrm{sigmoid})") and lines[-1].endswith(r"\]")
