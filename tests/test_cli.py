"""The `verify` command, end to end: JSON contract, exit codes, and one-line errors.

Everything runs in a subprocess (``python -m verify.cli``, and once the installed ``verify``
console script), so argument parsing, printing and exit codes are what a user gets.
Exit codes (DESIGN.md): 0 all verified · 1 something refuted · 3 inconclusive · 2 bad input.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
import sympy as sp

RELU_FORMULA = "(-1)**(k/2-1)*factorial2(k-3)/sqrt(2*pi*factorial(k))"
RELU_FORMULA_SIGN_FLIPPED = "(-1)**(k/2)*factorial2(k-3)/sqrt(2*pi*factorial(k))"
_ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}


def run(*args: str, command: tuple[str, ...] = (sys.executable, "-m", "verify.cli")
        ) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=300,
                          env=_ENV, check=False)


def run_json(*args: str) -> tuple[int, dict]:
    proc = run(*args)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="module")
def sigmoid_coeffs() -> tuple[int, dict]:
    return run_json("coeffs", "sigmoid", "--max-degree", "60", "--digits", "30", "--json")


def test_coeffs_sigmoid_json_contract(sigmoid_coeffs):
    code, doc = sigmoid_coeffs
    assert code == 0
    assert doc["activation"] == "sigmoid" and doc["basis"] == "hermite" and doc["digits"] == 30
    rows = doc["coefficients"]
    assert [r["k"] for r in rows] == list(range(61))
    assert rows[0]["exact"] == "1/2" and rows[0]["rad"] == "0"
    for row in rows[1:]:
        k = row["k"]
        if k % 2 == 0:
            assert row["exact"] == "0" and row["rad"] == "0" and Fraction(row["mid"]) == 0, row
        else:
            assert row["exact"] is None, row
            mid, rad = Fraction(row["mid"]), Fraction(row["rad"])
            assert mid != 0 and 0 < rad <= Fraction(1, 10**30) * abs(mid), row


def test_coeffs_relu_exact_json(tmp_path):
    code, doc = run_json("coeffs", "relu", "--max-degree", "40", "--exact", "--json")
    assert code == 0
    rows = doc["coefficients"]
    assert len(rows) == 41
    for row in rows:
        k = row["k"]
        assert row["exact"] is not None and row["rad"] == "0", row
        value = sp.sympify(row["exact"])
        assert value.is_number, row
        if k >= 3 and k % 2 == 1:
            assert row["exact"] == "0"
            continue
        mid = Decimal(row["mid"])
        assert mid != 0
        exact_digits = Decimal(str(sp.N(value, 30)))
        assert abs(exact_digits - mid) <= Decimal("1e-15") * abs(mid), row


def test_claim_true_relu_formula_is_verified_exact():
    code, doc = run_json("claim", "formula", "relu", "--formula", RELU_FORMULA,
                         "--degrees", "2:60:2", "--json")
    assert code == 0
    assert doc["verdict"] == "verified" and doc["strength"] == "exact"
    assert len(doc["cases"]) == 30
    assert [c["verdict"] for c in doc["cases"]] == ["verified"] * 30
    assert doc["claim"].endswith("2..60 step 2")


def test_claim_sign_flipped_relu_formula_is_refuted_at_k2():
    code, doc = run_json("claim", "formula", "relu", "--formula", RELU_FORMULA_SIGN_FLIPPED,
                         "--degrees", "2:60:2", "--json")
    assert code == 1
    assert doc["verdict"] == "refuted"
    evidence = doc["evidence"]
    assert evidence["first_failure"].endswith("at k=2")
    claimed = Decimal(evidence["first_failure_claimed"])
    computed = Decimal(evidence["first_failure_computed"])
    # c_2(relu) = 1/(2 sqrt(pi)) = 0.28209479177387814347...
    assert abs(computed - Decimal("0.2820947917738781434740397257803862929")) < Decimal("1e-30")
    assert abs(claimed + computed) < Decimal("1e-30")


def test_claim_sign_flipped_relu_formula_text_output_names_k2_and_both_values():
    proc = run("claim", "formula", "relu", "--formula", RELU_FORMULA_SIGN_FLIPPED,
               "--degrees", "2:10:2")
    assert proc.returncode == 1
    assert "REFUTED" in proc.stdout and "k=2" in proc.stdout
    assert "-0.28209479177387814347" in proc.stdout
    assert proc.stdout.count("0.28209479177387814347") >= 2


def test_claim_coeff_sigmoid_with_our_printed_value(sigmoid_coeffs):
    """The midpoint `coeffs --digits 30` printed (30 digits + 3 guard digits), fed back as a
    claim at --digits 25: every digit it spells is decided (33 of them, not 25), so the verdict
    says whether the guard digits are right too -- never VERIFIED on a truncated comparison.
    Rounded to 28 digits, well inside the printed radius, it is VERIFIED."""
    _, doc = sigmoid_coeffs
    value = doc["coefficients"][5]["mid"]
    assert len(value.lstrip("0.")) >= 30
    code, result = run_json("claim", "coeff", "sigmoid", "--degree", "5", "--value", value,
                            "--digits", "25", "--json")
    assert result["evidence"]["spelled_digits"] == len(value.lstrip("0."))
    assert (code, result["verdict"]) in ((0, "verified"), (1, "refuted"))
    with localcontext() as ctx:
        ctx.prec = 28
        rounded = format(+Decimal(value), "f")
    code, result = run_json("claim", "coeff", "sigmoid", "--degree", "5", "--value", rounded,
                            "--digits", "25", "--json")
    assert code == 0, result["evidence"]
    assert result["verdict"] == "verified" and result["strength"] == "certified"


def test_claim_coeff_sigmoid_with_30_significant_digits(sigmoid_coeffs):
    _, doc = sigmoid_coeffs
    with localcontext() as ctx:
        ctx.prec = 30  # round the printed midpoint to 30 significant digits
        value = format(+Decimal(doc["coefficients"][5]["mid"]), "f")
    assert len(value.lstrip("0.")) == 30
    code, result = run_json("claim", "coeff", "sigmoid", "--degree", "5", "--value", value,
                            "--digits", "25", "--json")
    assert result["verdict"] == "verified" and code == 0, result["evidence"]


def test_installed_console_script():
    script = shutil.which("verify")
    assert script is not None, "the `verify` console script is not on PATH"
    proc = run("coeffs", "relu", "--max-degree", "4", "--exact", "--json", command=(script,))
    assert proc.returncode == 0 and proc.stderr == ""
    doc = json.loads(proc.stdout)
    assert [r["exact"] for r in doc["coefficients"]][1::2] == ["1/2", "0"]


# ---------------------------------------------------------------------------------------------
# Bad input: exit 2, one line on stderr, nothing on stdout, never a traceback.

def _payload(marker) -> str:
    return f"__import__('os').system('touch {marker}')"


_BAD_INPUTS = {
    "unknown activation": ["coeffs", "swish2"],
    "negative max degree": ["coeffs", "relu", "--max-degree", "-1"],
    "negative claim degree": ["claim", "coeff", "relu", "--degree", "-3", "--value", "0"],
    "digits 0": ["coeffs", "sigmoid", "--digits", "0"],
    "digits 2000": ["claim", "coeff", "relu", "--degree", "2", "--value", "0", "--digits",
                    "2000"],
    "not in L2": ["coeffs", "exp(x**2)"],
    "second variable": ["coeffs", "x+y"],
    "unsafe activation": ["coeffs", "{payload}"],
    "unsafe value": ["claim", "coeff", "relu", "--degree", "2", "--value", "{payload}"],
    "unsafe formula": ["claim", "formula", "relu", "--formula", "{payload}", "--degrees", "2:4"],
    "degrees reversed": ["claim", "formula", "relu", "--formula", "0", "--degrees", "5:2"],
    "degrees not integers": ["claim", "formula", "relu", "--formula", "0", "--degrees", "a:b"],
    "rho outside [-1, 1]": ["claim", "kernel", "relu", "--rho", "2", "--value", "0"],
    "exact on sigmoid": ["coeffs", "sigmoid", "--exact"],
    "exact with float": ["coeffs", "relu", "--exact", "--float"],
    "unknown subcommand": ["frobnicate", "relu"],
    "gegenbauer basis without a sphere": ["coeffs", "relu", "--basis", "gegenbauer"],
}


@pytest.fixture(scope="module")
def bad_input_runs(tmp_path_factory) -> dict:
    """Run the whole table at once (a few processes in parallel: start-up dominates)."""
    markers = {label: tmp_path_factory.mktemp("payload") / "pwned" for label in _BAD_INPUTS}

    def one(label: str) -> subprocess.CompletedProcess:
        return run(*(a.replace("{payload}", _payload(markers[label]))
                     for a in _BAD_INPUTS[label]))

    with ThreadPoolExecutor(max_workers=4) as pool:
        procs = dict(zip(_BAD_INPUTS, pool.map(one, _BAD_INPUTS), strict=True))
    return {label: (procs[label], markers[label]) for label in _BAD_INPUTS}


@pytest.mark.parametrize("label", sorted(_BAD_INPUTS))
def test_bad_input_is_one_line_error_with_exit_2(label, bad_input_runs):
    proc, marker = bad_input_runs[label]
    assert proc.returncode == 2, (label, proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("verify: error:"), proc.stderr
    assert not marker.exists(), "a command-line string executed code"


def test_negative_rational_rho_is_accepted():
    kernel = "(sqrt(1-rho**2)+(pi-acos(rho))*rho)/(2*pi)"
    proc = run("claim", "kernel", "relu", "--rho", "-1/2", "--value", kernel, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "verified"
