"""`verify family`, end to end in a subprocess: the JSON contract, exit codes, one-line errors.

DESIGN.md: family JSON is ``{"size", "degenerate", "orthogonality": {verdict, strength, ...},
"norms", "controls", "sq_bound"}``; exit codes 0 all verified · 1 something refuted · 3
inconclusive · 2 bad input or usage. Commands run concurrently (two at a time) in module-scoped
fixtures to keep the wall time down; each test then inspects one result.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
_VERIFY = [shutil.which("verify")] if shutil.which("verify") else [sys.executable, "-m",
                                                                    "verify.cli"]


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([*_VERIFY, "family", *args], capture_output=True, text=True,
                          timeout=300, env=_ENV, cwd=ROOT, check=False)


def _run_all(commands: dict[str, list[str]]) -> dict[str, subprocess.CompletedProcess]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(_run, args) for key, args in commands.items()}
        return {key: f.result() for key, f in futures.items()}


def _doc(proc: subprocess.CompletedProcess) -> dict:
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


# ---------------------------------------------------------------------------------------------
# Successful runs.

GOOD = {
    "parity_8_4": ["parity", "--n", "8", "--k", "4", "--activation", "relu", "--json"],
    "parity_8_3": ["parity", "--n", "8", "--k", "3", "--activation", "relu", "--json"],
    "parity_6_2_tau": ["parity", "--n", "6", "--k", "2", "--activation", "relu", "--tau", "1/10",
                       "--samples", "1000", "--json"],
    "json_example": [str(EXAMPLES / "parity_n4_k2.json"), "--json"],
    "python_example": [str(EXAMPLES / "my_family.py"), "--json", "--samples", "5000"],
    "he2": [str(EXAMPLES / "he2_vs_constant.json"), "--json", "--samples", "20000"],
}


@pytest.fixture(scope="module")
def good() -> dict[str, subprocess.CompletedProcess]:
    return _run_all(GOOD)


def test_parity_relu_n8_k4(good):
    proc = good["parity_8_4"]
    doc = _doc(proc)
    assert proc.returncode == 0, proc.stderr
    assert doc["size"] == 70 and doc["degenerate"] is False
    assert doc["orthogonality"]["verdict"] == "verified"
    assert doc["orthogonality"]["strength"] == "exact"
    exact = doc["norms"]["squared_norm"]["exact"]
    expected = sp.Rational(8, 3) + 16 * (3 - 2 * sp.sqrt(3)) / sp.pi
    assert sp.simplify(sp.sympify(exact) - expected) == 0, exact
    assert abs(Fraction(doc["norms"]["squared_norm"]["mid"]) - Fraction("0.303016549991273")) \
        < Fraction(1, 10**14)
    assert doc["norms"]["hermite_form"]["agrees_with_dual_kernel_form"] is True
    assert doc["norms"]["lower_bound_degree_k"]["holds"] is True
    bound = doc["sq_bound"]["normalized_family"]
    assert bound["m"] == 70 and bound["kind"] == "CSQ"
    # (m - 1) tau^2 / |g|^2 with tau = 1/100 (the default) and |g|^2 = 1.
    assert Fraction(bound["queries_at_least"]) == Fraction(69, 10000)
    assert isinstance(doc["sign_flip_witness"], int)
    # Controls: consistent under the symmetric laws, refuted where the symmetry is broken.
    verdicts = {c["law_symmetry"]: c["verdict"] for c in doc["controls"]}
    assert verdicts["rotation-invariant"] == "inconclusive"
    assert verdicts["coordinate sign flips only"] == "inconclusive"
    assert all(c["strength"] == "statistical" for c in doc["controls"])
    assert all(c["verdict"] != "verified" for c in doc["controls"])


def test_parity_relu_odd_k_is_degenerate(good):
    proc = good["parity_8_3"]
    doc = _doc(proc)
    assert proc.returncode == 3
    assert doc["degenerate"] is True
    assert doc["norms"]["squared_norm"]["exact"] == "0"
    assert "normalized_family" not in doc["sq_bound"]


def test_tau_sets_the_sq_bound(good):
    proc = good["parity_6_2_tau"]
    doc = _doc(proc)
    assert proc.returncode == 0
    bound = doc["sq_bound"]["normalized_family"]
    assert bound["m"] == 15 and bound["tau"] == "1/10"
    assert Fraction(bound["queries_at_least"]) == Fraction(14, 100)


def test_json_family_file(good):
    proc = good["json_example"]
    doc = _doc(proc)
    assert proc.returncode == 0, proc.stderr
    assert doc["size"] == 3 and doc["n"] == 4 and doc["degenerate"] is False
    assert doc["orthogonality"]["verdict"] == "verified"
    assert doc["orthogonality"]["strength"] == "exact"
    assert sp.simplify(sp.sympify(doc["norms"]["squared_norm"]["exact"]) - (2 - 4 / sp.pi)) == 0
    assert doc["sq_bound"]["normalized_family"]["m"] == 3


def test_python_family_file(good):
    proc = good["python_example"]
    doc = _doc(proc)
    assert proc.returncode == 0, proc.stderr
    assert doc["size"] == 3 and doc["n"] == 5
    assert doc["orthogonality"]["verdict"] == "verified"
    norm = doc["norms"]["squared_norm"]
    assert norm["exact"] is None  # sigmoid: certified, not exact
    assert abs(Fraction(norm["mid"]) - Fraction("0.00982854")) < Fraction(1, 10**8)


def test_he2_against_constant_file(good):
    proc = good["he2"]
    doc = _doc(proc)
    assert proc.returncode == 3
    assert doc["orthogonality"]["verdict"] == "inconclusive"
    assert "normalized_family" not in doc["sq_bound"]
    assert "unnormalized_family" not in doc["sq_bound"]
    by_law = {c["law"].split(",")[0]: c["verdict"] for c in doc["controls"]}
    assert by_law["N(0"] == "inconclusive"
    assert by_law["uniform on S^2 of radius 1"] == "refuted"


# ---------------------------------------------------------------------------------------------
# Bad input: exit 2, exactly one stderr line 'verify: error: ...', no traceback, empty stdout.

_BASE = {"activation": "relu", "networks": [{"weights": [[1, 0], [0, 1]], "outputs": [1, -1]}]}
_MALFORMED = '{\n  "activation": "relu",\n  "networks": [\n    {"weights": [[1, 0]],, }\n  ]\n}\n'


def _variant(edit) -> str:
    doc = json.loads(json.dumps(_BASE))
    edit(doc)
    return json.dumps(doc)


FILES = {
    "fam.txt": json.dumps(_BASE),
    "malformed.json": _MALFORMED,
    "float_weight.json": _variant(lambda d: d["networks"][0]["weights"][1].__setitem__(0, 0.5)),
    "ragged.json": _variant(lambda d: d["networks"][0]["weights"].__setitem__(1, [0, 1, 1])),
    "short_outputs.json": _variant(lambda d: d["networks"][0].__setitem__("outputs", [1])),
    "empty.json": _variant(lambda d: d.__setitem__("networks", [])),
    "mixed.json": _variant(lambda d: d["networks"].append({"weights": [[1, 0, 0]],
                                                           "outputs": [1]})),
    "huge_weight.json": _variant(lambda d: d["networks"][0]["weights"][0].__setitem__(0, 10**30)),
}


def _malformed_position() -> str:
    try:
        json.loads(_MALFORMED)
    except json.JSONDecodeError as exc:
        return f"line {exc.lineno}, column {exc.colno}"
    raise AssertionError("the malformed document parsed")


BAD = {
    "k_above_n": (["parity", "--n", "3", "--k", "4", "--activation", "relu"],
                  "k=4 must be at most n=3"),
    "k_zero": (["parity", "--n", "4", "--k", "0", "--activation", "relu"],
               "k=0 must be a positive integer"),
    "n_negative": (["parity", "--n", "-1", "--k", "2", "--activation", "relu"],
                   "n=-1 must be a positive integer"),
    "missing_n": (["parity", "--k", "2", "--activation", "relu"], "needs --n"),
    "unknown_activation": (["parity", "--n", "4", "--k", "2", "--activation", "reluu"],
                           "activation='reluu'"),
    "tau_zero": (["parity", "--n", "4", "--k", "2", "--activation", "relu", "--tau", "0"],
                 "--tau 0 must be"),
    "tau_two": (["parity", "--n", "4", "--k", "2", "--activation", "relu", "--tau", "2"],
                "--tau 2 must be"),
    "missing_file": (["{tmp}/no_such_family.json"], "does not exist"),
    "wrong_suffix": (["{tmp}/fam.txt"], "must end in .json or .py"),
    "malformed_json": (["{tmp}/malformed.json"], _malformed_position()),
    "float_weight": (["{tmp}/float_weight.json"], "networks[0].weights[1][0]=0.5"),
    "ragged_rows": (["{tmp}/ragged.json"], "rows have lengths [2, 3]"),
    "short_outputs": (["{tmp}/short_outputs.json"], "networks[0].outputs must be a list with "
                      "one entry per unit (2)"),
    "empty_networks": (["{tmp}/empty.json"], "'networks' must be a non-empty list"),
    "mixed_dimensions": (["{tmp}/mixed.json"], "mixes input dimensions [2, 3]"),
    "n_with_file": ([str(EXAMPLES / "parity_n4_k2.json"), "--n", "4"],
                    "apply only to 'verify family parity'"),
    "huge_weight": (["{tmp}/huge_weight.json"], "networks[0].weights[0][0]"),
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    tmp = tmp_path_factory.mktemp("families")
    for name, text in FILES.items():
        (tmp / name).write_text(text)
    commands = {key: [a.format(tmp=tmp) for a in args] + ["--json"]
                for key, (args, _) in BAD.items()}
    return _run_all(commands)


@pytest.mark.parametrize("key", list(BAD))
def test_bad_input(bad, key):
    proc = bad[key]
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("verify: error: "), proc.stderr
    assert BAD[key][1] in lines[0], lines[0]


# ---------------------------------------------------------------------------------------------
# Valid families that once were mishandled (regressions).

ONE_NETWORK = {"name": "one", "activation": "relu",
               "networks": [{"weights": [[1, 0]], "outputs": [1]}]}
# f = relu(2^32 x1) - relu(0), h = relu(2^32 x1) - relu(-2^32 x1) = 2^32 x1:
# E_N[f h] = 2^64 E[relu(x1) x1] = 2^63 != 0, so the family is NOT orthogonal.
OVERFLOW = {"name": "overflow", "activation": "relu", "networks": [
    {"weights": [[2**32, 0], [0, 0]], "outputs": [1, -1]},
    {"weights": [[2**32, 0], [-(2**32), 0]], "outputs": [1, -1]}]}


@pytest.fixture(scope="module")
def mishandled(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    tmp = tmp_path_factory.mktemp("mishandled")
    (tmp / "one.json").write_text(json.dumps(ONE_NETWORK))
    (tmp / "overflow.json").write_text(json.dumps(OVERFLOW))
    return _run_all({"one": [str(tmp / "one.json"), "--json", "--samples", "1000"],
                     "overflow": [str(tmp / "overflow.json"), "--json", "--samples", "1000"]})


def test_single_network_family_is_judged(mishandled):
    proc = mishandled["one"]
    assert proc.returncode == 3, proc.stderr
    doc = _doc(proc)
    assert doc["size"] == 1 and doc["orthogonality"]["verdict"] == "inconclusive"


def test_overflowing_weights_not_certified(mishandled):
    proc = mishandled["overflow"]
    doc = _doc(proc)
    gauss = next(c for c in doc["controls"] if c["law"].startswith("N(0, I_d)"))
    assert gauss["verdict"] == "refuted"  # the family really is not orthogonal
    assert doc["orthogonality"]["verdict"] != "verified"
    assert proc.returncode != 0


def test_ctrl_c_stops_verify_family_between_steps(monkeypatch, capsys):
    """A Ctrl-C (the flag the first SIGINT sets) stops `verify family` at the next step: the
    Monte Carlo controls, the last and slowest step, never run, and the exit code is 130."""
    from verify import cli, family_check

    def controls_must_not_run(*args, **kwargs):
        raise AssertionError("the Monte Carlo controls ran after Ctrl-C")

    monkeypatch.setattr(family_check, "_controls", controls_must_not_run)
    calls = []
    real_checkpoint = cli.checkpoint

    def press_ctrl_c_once_then_check() -> None:
        calls.append(1)
        cli._Interrupt.requested = True
        real_checkpoint()

    monkeypatch.setattr(cli, "checkpoint", press_ctrl_c_once_then_check)
    code = cli.main(["family", "parity", "--n", "6", "--k", "4", "--activation", "relu",
                     "--quiet"])
    assert code == 130
    assert calls, "verify family never reached a step boundary"
    assert "bug" not in capsys.readouterr().err
