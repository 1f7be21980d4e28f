"""`verify run` and `verify list` through a subprocess: reports, bad input, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from verify.claims import catalogue

ROOT = Path(__file__).resolve().parents[1]


def _verify(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def _fast_id() -> str:
    """The catalogue entry whose check is fastest to run: the first one of vw19 or ggjkk20."""
    return next(c.id for c in catalogue() if c.paper in ("ggjkk20", "vw19"))


@pytest.mark.parametrize("args,needle", [
    (["run", "--paper", "nips19"], "unknown paper 'nips19'"),
    (["run", "--id", "Z9"], "unknown catalogue ID 'Z9'"),
    (["run", "--profile", "slow"], "invalid choice: 'slow'"),
    (["run", "--json", "-", "--markdown", "-"], "only one report can go to stdout"),
    (["run", "--json", "/nonexistent-dir/report.json"], "does not exist"),
    (["run", "--markdown", "/"], "is a directory"),
    (["list", "--paper", "x"], "unknown paper 'x'"),
])
def test_bad_input(args: list[str], needle: str) -> None:
    proc = _verify(*args)
    assert proc.returncode == 2, proc
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], proc.stderr


def test_reports_are_written_whole(tmp_path: Path) -> None:
    cid = _fast_id()
    md, tex, js = tmp_path / "r.md", tmp_path / "r.tex", tmp_path / "r.json"
    proc = _verify("run", "--id", cid, "--markdown", str(md), "--latex", str(tex),
                   "--json", str(js), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""  # --quiet: no table
    doc = json.loads(js.read_text())
    assert [r["id"] for r in doc["results"] if r["kind"] == "claim"] == [cid]
    assert f"| {cid} |" in md.read_text()
    latex = tex.read_text()
    assert latex.count(r"\begin{longtable}") == 1 and latex.rstrip().endswith(r"\end{longtable}")
    assert not list(tmp_path.glob(".verify-*"))  # no temporary file left behind


def test_planted_run_of_one_entry_exits_zero_when_all_refuted() -> None:
    cid = _fast_id()
    proc = _verify("run", "--id", cid, "--planted", "--json", "-")
    doc = json.loads(proc.stdout)
    assert doc["results"] and all(r["verdict"] == "refuted" for r in doc["results"])
    assert all(r["kind"] == "planted" for r in doc["results"])
    assert proc.returncode == 0


def test_table_and_list() -> None:
    cid = _fast_id()
    proc = _verify("run", "--id", cid)
    assert proc.returncode == 0 and cid in proc.stdout and "as expected" in proc.stdout
    listing = _verify("list")
    assert listing.returncode == 0
    assert all(c.id in listing.stdout for c in catalogue())


def test_ctrl_c_stops_cleanly_with_what_finished(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "partial.json"
    proc = subprocess.Popen([sys.executable, "-m", "verify.cli", "run", "--json", str(out),
                             "--quiet"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    time.sleep(8)  # imports, then a few entries
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=max(1, deadline - time.monotonic()))
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted after" in stderr
    doc = json.loads(out.read_text())
    assert doc["summary"]["interrupted"] is True
    assert 0 < len(doc["results"]) < 101
