"""Fast start: ``verify --help`` and the parser load no heavy module (SciPy, matplotlib, mpmath,
dask -- nor SymPy, NumPy or python-flint), and an exact coefficient command loads no SciPy,
matplotlib or dask. Which modules are imported is asserted, never a time."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("scipy", "matplotlib", "mpmath", "dask")
PROBE = """
import json, sys
import verify.cli
argv = json.loads(sys.argv[1])
try:
    code = verify.cli.main(argv)
except SystemExit as exc:
    code = exc.code
heavy = set(json.loads(sys.argv[2]))
print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules
                                if m.split('.')[0] in heavy})]), file=sys.stderr)
"""


def loaded(argv: list[str], heavy: tuple[str, ...]) -> tuple[int, list[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv), json.dumps(heavy)],
                          capture_output=True, text=True, timeout=300, check=False)
    code, modules = json.loads(proc.stderr.strip().splitlines()[-1])
    return code, modules


def test_importing_the_cli_loads_nothing_heavy() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import verify.cli, sys; print(sorted(m for m in sys.modules "
         "if m.split('.')[0] in {'scipy', 'matplotlib', 'mpmath', 'dask', 'sympy', 'numpy', "
         "'flint'}))"], capture_output=True, text=True, timeout=120, check=True)
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["coeffs", "--help"],
                                  ["family", "--help"], ["run", "--help"], ["plot", "--help"]])
def test_help_loads_nothing_heavy(argv: list[str]) -> None:
    code, modules = loaded(argv, (*HEAVY, "sympy", "numpy", "flint"))
    assert code == 0 and modules == []


@pytest.mark.parametrize("argv", [
    ["coeffs", "relu", "--exact", "--max-degree", "6", "--quiet"],
    ["coeffs", "relu", "--exact", "--max-degree", "6", "--json"],
    ["claim", "coeff", "relu", "--degree", "2", "--value", "1/sqrt(4*pi)", "--quiet"],
])
def test_exact_commands_load_no_scipy_matplotlib_or_dask(argv: list[str]) -> None:
    code, modules = loaded(argv, ("scipy", "matplotlib", "dask"))
    assert code == 0 and modules == []
