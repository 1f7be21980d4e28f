"""The ``verify`` command on the sphere: JSON contracts and bad input, through a subprocess.

Exit codes (verify/cli.py): 0 all verified / delivered, 1 refuted, 2 bad input, 3 inconclusive.
Bad input must give exactly one stderr line ``verify: error: ...`` and no traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import pytest
import sympy as sp

TIMEOUT = 120


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)


def _json(*args: str) -> dict:
    proc = _run(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return json.loads(proc.stdout)


def test_relu_exact_coefficients_d10() -> None:
    doc = _json("coeffs", "relu", "--basis", "gegenbauer", "--dim", "10", "--max-degree", "40",
                "--exact", "--json")
    assert doc["basis"] == "gegenbauer" and doc["dim"] == 10 and doc["radius"] == "1"
    rows = doc["coefficients"]
    assert [row["k"] for row in rows] == list(range(41))
    for row in rows:
        assert row["tier"] == "exact" and row["met"] is True and row["rad"] == "0"
        assert row["exact"] is not None
        exact = sp.sympify(row["exact"])
        if row["k"] % 2 and row["k"] >= 3:
            assert row["exact"] == "0" and row["mid"] == "0"
            continue
        assert exact != 0
        # the printed mid is the exact value rounded to >= 15 significant digits
        value = Fraction(str(sp.N(exact, 40)))
        assert abs(Fraction(row["mid"]) - value) <= abs(value) * Fraction(1, 10**15), row
    # vw19.md §2.2 at d = 10: c_1 = 1/20, c_2 = 128/(3465 pi)
    assert sp.sympify(rows[1]["exact"]) == sp.Rational(1, 20)
    assert sp.simplify(sp.sympify(rows[2]["exact"]) - sp.Rational(128, 3465) / sp.pi) == 0


def test_sigmoid_certified_coefficients_d5_30_digits() -> None:
    doc = _json("coeffs", "sigmoid", "--basis", "gegenbauer", "--dim", "5", "--max-degree", "30",
                "--digits", "30", "--json")
    rows = doc["coefficients"]
    assert len(rows) == 31
    for row in rows:
        k = row["k"]
        if k >= 2 and k % 2 == 0:
            assert row["exact"] == "0" and row["tier"] == "exact", row
            continue
        if k == 0:
            assert row["exact"] == "1/2"
            continue
        assert row["exact"] is None and row["tier"] == "certified" and row["met"] is True
        mid, rad = Fraction(row["mid"]), Fraction(row["rad"])
        assert mid != 0
        assert rad <= Fraction(1, 10**30) * abs(mid), row


def test_claim_formula_vw19_d7_verified_exactly() -> None:
    formula = "(-1)**(k/2-1)*gamma(d/2)*gamma((k-1)/2)/(4*pi*gamma((d+k+1)/2))"
    doc = _json("claim", "formula", "relu", "--basis", "gegenbauer", "--dim", "7", "--formula",
                formula, "--degrees", "2:40:2", "--json")
    assert doc["verdict"] == "verified" and doc["strength"] == "exact"
    assert len(doc["cases"]) == 20
    assert all(c["verdict"] == "verified" and c["strength"] == "exact" for c in doc["cases"])


def test_claim_formula_planted_d_plus_one_is_refuted_with_exit_1() -> None:
    formula = "(-1)**(k/2-1)*gamma((d+1)/2)*gamma((k-1)/2)/(4*pi*gamma((d+k+2)/2))"
    proc = _run("claim", "formula", "relu", "--basis", "gegenbauer", "--dim", "7", "--formula",
                formula, "--degrees", "2:10:2", "--json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "refuted"


def test_breakpoint_outside_the_radius_stays_exact() -> None:
    """Control for the last bad-input row: Max(x-1/2, 0) at r = 1/3 never leaves its zero
    piece on [-r, r], so the exact tier applies and every coefficient is exactly 0."""
    doc = _json("coeffs", "Max(x-1/2,0)", "--basis", "gegenbauer", "--dim", "3", "--radius",
                "1/3", "--max-degree", "4", "--exact", "--json")
    assert all(row["exact"] == "0" for row in doc["coefficients"])


_BAD = [
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "1"], "d=1", id="dim-1"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "0"], "d=0", id="dim-0"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "2.5"], "2.5",
                 id="dim-2.5"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "3", "--radius", "0"],
                 "--radius 0", id="radius-0"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "3", "--radius", "-1"],
                 "--radius -1", id="radius-neg"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer", "--dim", "3", "--radius", "abc"],
                 "abc", id="radius-abc"),
    pytest.param(["coeffs", "relu", "--basis", "gegenbauer"], "--dim", id="no-dim"),
    pytest.param(["coeffs", "relu", "--dim", "3"], "--dim", id="dim-with-hermite-default"),
    pytest.param(["coeffs", "relu", "--basis", "hermite", "--dim", "3"], "--dim",
                 id="dim-with-hermite"),
    pytest.param(["coeffs", "sigmoid", "--basis", "gegenbauer", "--dim", "5", "--exact"],
                 "sigmoid", id="exact-sigmoid"),
    pytest.param(["coeffs", "Max(x-1/2,0)", "--basis", "gegenbauer", "--dim", "3", "--exact"],
                 "Max(x-1/2,0)", id="exact-breakpoint-inside"),
    pytest.param(["claim", "coeff", "relu", "--basis", "gegenbauer", "--dim", "1", "--degree",
                  "2", "--value", "0"], "d=1", id="claim-dim-1"),
]


@pytest.mark.parametrize(("args", "needle"), _BAD)
def test_bad_input_exits_2_with_one_error_line(args: list[str], needle: str) -> None:
    proc = _run(*args, "--json")
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("verify: error: ")
    assert "Traceback" not in proc.stderr
    assert needle in lines[0], lines[0]
