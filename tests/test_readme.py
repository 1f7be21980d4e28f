"""The README's tour commands run as written (through the installed `verify` module): no
traceback, no usage error, and the documented outcome. `verify run` is exercised by
test_claims.py (quick and planted) and is skipped here."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [line.strip().removeprefix("$ ") for line in re.findall(
    r"^    (?:\$ )?(verify .*)$", README, flags=re.M)]
# Outcomes other than 0 that the README documents: float values are not guaranteed, a
# degenerate family is inconclusive, and
# He_2 against the constant is orthogonal under N(0, I) only (the law-free certificate fails).
EXPECTED = {"verify family examples/he2_vs_constant.json": {3},
            # float screening values carry no guarantee, so the digits are "not met": exit 3
            "verify coeffs gelu --float --max-degree 200": {3},
            "verify family parity --n 8 --k 3 --activation relu": {3}}


def test_the_readme_has_a_tour() -> None:
    assert len(COMMANDS) >= 20
    assert any(c.startswith("verify run") for c in COMMANDS)


@pytest.mark.parametrize("command", [c for c in COMMANDS if not c.startswith("verify run")])
def test_readme_command(command: str, tmp_path: Path) -> None:
    args = shlex.split(command, comments=True)[1:]
    cwd = tmp_path if args[0] == "plot" else ROOT  # plots write their files into tmp_path
    proc = subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)
    key = " ".join(shlex.split(command, comments=True))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in EXPECTED.get(key, {0}), (command, proc.returncode, proc.stderr)
