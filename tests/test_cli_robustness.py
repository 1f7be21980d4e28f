"""`verify` never shows a traceback and never hangs: every exception becomes one line.

Exit codes (DESIGN.md): 1 means refuted and nothing else, so no exception may end in 1. Bad
input and the environment (a full disk, a path that cannot be written) are exit 2 with
``verify: error: ...``; anything unexpected is exit 4, ``verify: this is a bug in verify: ...``,
and ``--debug`` shows the traceback. Most cases run ``verify.cli.main`` in-process (fast); the
ones that need a real process (a Python family file, the console script) use a subprocess.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from verify.cli import main
from verify.files import check_output

_MAIN = [sys.executable, "-c", "from verify.cli import main; raise SystemExit(main())"]
_ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}


def _one_line(capsys, code: int, argv: list[str], *fragments: str) -> str:
    """``main(argv)`` returns ``code`` and prints exactly one stderr line with the fragments."""
    got = main(argv)
    out, err = capsys.readouterr()
    assert got == code, (got, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def _subprocess(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*_MAIN, *args], capture_output=True, text=True, timeout=120,
                          env=_ENV, cwd=cwd, check=False)


# ---------------------------------------------------------------------------------------------
# Expressions: caps instead of RecursionError or a hang; a long flat sum is fine.

def test_long_flat_sum_is_accepted(capsys):
    # 999 terms, 1997 characters: within the length cap, and a sum is built flat
    text = "+".join(["x"] * 999)
    assert main(["coeffs", text, "--max-degree", "2", "--exact", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert [r["exact"] for r in json.loads(out)["coefficients"]] == ["0", "999", "0"]


def test_long_flat_product_and_claim_sum_are_accepted(capsys):
    product = "*".join(["x"] * 99)  # odd: an odd function, c_0 = 0
    assert main(["coeffs", product, "--max-degree", "0", "--exact", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["coefficients"][0]["exact"] == "0"
    value = "+".join(["1/333"] * 333)  # a flat sum equal to 1, while c_1(2x) = 2
    assert main(["claim", "coeff", "2*x", "--degree", "1", "--value", value, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "refuted"


@pytest.mark.parametrize("text", [
    "(" * 150 + "x" + ")" * 150,
    "1" + " -" * 300 + " x",
    "**".join(["x"] * 300),
    "exp(" * 120 + "-x**2" + ")" * 120,
], ids=["parentheses", "unary-minus", "power-tower", "nested-exp"])
def test_deep_nesting_is_refused_with_the_cap(capsys, text):
    _one_line(capsys, 2, ["coeffs", text], "verify: error: expression=",
              "nesting depth of at most 50")


def _horner(var: str, levels: int) -> str:
    """``v*(1+v*(1+...))``: SymPy keeps it nested, two levels (a * and a +) per bracket."""
    return f"{var}*(1+" * levels + var + ")" * levels


@pytest.mark.parametrize("argv", [
    ["coeffs", _horner("x", 24), "--max-degree", "2", "--exact"],
    ["claim", "coeff", "relu", "--degree", "1", "--value", "sqrt(1/4+" * 24 + "0" + ")" * 24],
    ["claim", "formula", "relu", "--degrees", "3:5:2", "--formula", _horner("k", 24)],
], ids=["activation", "value", "formula"])
def test_nesting_at_the_cap_runs_without_recursing(capsys, argv):
    # the deepest accepted expressions go through every later stage without a RecursionError
    code = main([*argv, "--json", "--quiet"] if argv[0] == "claim" else [*argv, "--json"])
    err = capsys.readouterr().err
    assert code in (0, 1, 3) and err == "", err


@pytest.mark.parametrize("text,fragment", [
    ("x**(10**9)", "exponents of at most 10000"),
    ("x**1000000000", "exponents of at most 10000"),
    ("10**10**10", "exponents of at most 10000"),
    ("2**2**2**2**2", "exponents of at most 10000"),
    ("factorial(10**8)", "at most 14000 bits"),
    ("factorial(20000)", "at most 14000 bits"),
    ("gamma(10**20)", "at most 14000 bits"),
    ("gamma(100000 + 1/2)", "at most 14000 bits"),
    ("binomial(10**9, 10**8)", "at most 14000 bits"),
    ("rf(3, 10**6)", "at most 14000 bits"),
    ("factorial2(10**6)", "at most 14000 bits"),
    ("x**(10**9*pi)", "exponents of at most 10000"),
], ids=lambda v: v if "(" not in v or len(v) < 30 else None)
def test_huge_numbers_in_expressions_are_refused(capsys, text, fragment):
    _one_line(capsys, 2, ["coeffs", text], f"expression={text!r}", fragment)


# ---------------------------------------------------------------------------------------------
# The exception map: every class to its exit code, one line, never 1.

@pytest.mark.parametrize("exc,code,fragments", [
    (ValueError("x=1 must be 2; use 2"), 2, ["verify: error: x=1 must be 2; use 2"]),
    (TypeError("x='a' must be an integer"), 2, ["verify: error: x='a'"]),
    (MemoryError(), 2, ["verify: error: out of memory", "smaller"]),
    (OSError(errno.EIO, "Input/output error", "/data/f.json"), 2,
     ["verify: error: /data/f.json: Input/output error"]),
    (PermissionError(errno.EACCES, "Permission denied", "/data/f.json"), 2,
     ["verify: error: /data/f.json: Permission denied", "permissions"]),
    (AssertionError("a bug, please report"), 4,
     ["verify: this is a bug in verify: AssertionError: a bug, please report "
      "(run with --debug for the traceback)"]),
    (RecursionError("maximum recursion depth exceeded"), 4,
     ["this is a bug in verify: RecursionError: maximum recursion depth exceeded"]),
    (OverflowError("int too large to convert to float"), 4,
     ["this is a bug in verify: OverflowError: int too large"]),
    (ZeroDivisionError("division by zero"), 4, ["this is a bug in verify: ZeroDivisionError"]),
    (KeyError("k"), 4, ["this is a bug in verify: KeyError: 'k'"]),
    (RuntimeError("two\nlines"), 4, ["this is a bug in verify: RuntimeError: two lines"]),
    (SystemError("error return without exception set"), 4, ["this is a bug in verify"]),
], ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else None)
def test_every_exception_is_one_line_with_its_exit_code(capsys, monkeypatch, exc, code,
                                                        fragments):
    def boom(*args, **kwargs):
        raise exc

    monkeypatch.setattr("verify.activations.activation", boom)
    _one_line(capsys, code, ["coeffs", "relu"], *fragments)


def test_keyboard_interrupt_is_130(capsys, monkeypatch):
    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("verify.activations.activation", boom)
    _one_line(capsys, 130, ["coeffs", "relu"], "verify: interrupted")


@pytest.mark.parametrize("position", ["before", "after"])
def test_debug_shows_the_traceback(capsys, monkeypatch, position):
    def boom(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr("verify.activations.activation", boom)
    argv = ["--debug", "coeffs", "relu"] if position == "before" else ["coeffs", "relu",
                                                                        "--debug"]
    assert main(argv) == 4
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "in boom" in err and "RuntimeError: unexpected" in err
    assert err.splitlines()[-1] == ("verify: this is a bug in verify: RuntimeError: unexpected "
                                    "(run with --debug for the traceback)")


def test_debug_also_shows_the_traceback_of_bad_input(capsys):
    assert main(["--debug", "coeffs", "swish2"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and err.splitlines()[-1].startswith("verify: error: ")


def test_refuted_is_the_only_way_to_exit_1(capsys):
    sign_flipped = "(-1)**(k/2)*factorial2(k-3)/sqrt(2*pi*factorial(k))"
    assert main(["claim", "formula", "relu", "--formula", sign_flipped, "--degrees", "2:6:2",
                 "--quiet"]) == 1
    assert "refuted" in capsys.readouterr().out.lower()


# ---------------------------------------------------------------------------------------------
# Python family files: their errors are the user's (exit 2, the file and line named).

def test_syntax_error_in_a_python_family_file(tmp_path):
    bad = tmp_path / "fam.py"
    bad.write_text("def family():\n    return [\n")
    proc = _subprocess("family", str(bad))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(f"verify: error: {bad}: SyntaxError")
    assert "line 2" in proc.stderr


def test_exception_inside_a_python_family_file(capsys, tmp_path):
    bad = tmp_path / "fam.py"
    bad.write_text("def family():\n    return 1 / 0\n")
    _one_line(capsys, 2, ["family", str(bad)], f"verify: error: {bad}: ZeroDivisionError",
              "line 2")


# ---------------------------------------------------------------------------------------------
# Writing reports: disk errors are one line, the old file survives, no temporary file is left.

@pytest.mark.parametrize("where,err,strerror", [
    ("os.write", errno.ENOSPC, "No space left on device"),
    ("os.write", errno.EFBIG, "File too large"),
    ("os.fsync", errno.EIO, "Input/output error"),
], ids=["ENOSPC", "EFBIG", "EIO"])
def test_disk_errors_while_writing_a_report(capsys, tmp_path, where, err, strerror):
    report = tmp_path / "r.json"
    report.write_text("old")
    with mock.patch(where, side_effect=OSError(err, os.strerror(err))):
        line = _one_line(capsys, 2, ["run", "--id", "A1", "--quiet", "--json", str(report)],
                         f"verify: error: {report}: {strerror}")
    assert errno.errorcode[err] in line
    assert report.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_a_really_full_device(capsys):
    # /dev/full answers every write with ENOSPC: a real one, no mock
    _guard_device("/dev/full")
    _one_line(capsys, 2, ["run", "--id", "A1", "--quiet", "--json", "/dev/full"],
              "verify: error: /dev/full: No space left on device [ENOSPC]; free some space")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_disk_error_while_saving_a_plot(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "f.png"
    with mock.patch("os.write", side_effect=OSError(errno.ENOSPC, "No space left on device")):
        _one_line(capsys, 2, ["plot", "kernel", "relu", "--out", str(out), "--quiet"],
                  f"verify: error: {out}: No space left on device")
    assert list(tmp_path.iterdir()) == []


def _guard_device(path: str) -> None:
    """Before pointing verify at a real device node: it must be written in place. (Run as
    root, the old writer replaced /dev/null itself by a regular file.)"""
    assert stat.S_ISCHR(os.stat(path).st_mode), f"{path} is no longer a character device"
    assert check_output(path).in_place, f"{path} would be replaced, not written"


def test_report_to_a_character_device_keeps_the_device(capsys):
    _guard_device("/dev/null")
    _guard_device("/dev/zero")
    assert main(["run", "--id", "A1", "--quiet", "--json", "/dev/null",
                 "--markdown", os.devnull.replace("null", "zero")]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)
    assert capsys.readouterr().err == ""


def test_report_to_dev_stdout_in_a_process(tmp_path):
    guard = subprocess.run([sys.executable, "-c", "from verify.files import check_output; "
                            "print(check_output('/dev/stdout').in_place)"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert guard.stdout == "True\n", guard.stderr  # else /dev/stdout itself would be replaced
    proc = _subprocess("run", "--id", "A1", "--quiet", "--json", "/dev/stdout")
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in json.loads(proc.stdout)["results"]] == ["A1"]
    assert os.path.islink("/dev/stdout")


def test_report_to_a_fifo_is_written_in_place(capsys, tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        code = main(["run", "--id", "A1", "--quiet", "--json", str(fifo)])
    finally:
        if reader.is_alive():  # verify failed before opening the FIFO: release the reader
            with open(fifo, "wb"):
                pass
        reader.join(timeout=60)
    assert code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [r["id"] for r in json.loads(received[0])["results"]] == ["A1"]


def test_dash_and_dev_stdout_are_one_stream(tmp_path):
    proc = _subprocess("run", "--id", "A1", "--json", "-", "--markdown", "/dev/stdout")
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr.splitlines() == ["verify: error: --json - and --markdown /dev/stdout are "
                                        "both standard output; give each report its own path"]


def test_plot_to_dev_null(capsys):
    pytest.importorskip("matplotlib")
    _guard_device("/dev/null")
    assert main(["plot", "coeffs", "relu", "--max-degree", "3", "--out", "/dev/null",
                 "--quiet"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_report_through_a_symlink_writes_the_target(capsys, tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "r.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["run", "--id", "A1", "--quiet", "--markdown", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "A1" in target.read_text()
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["r.md"]


def test_plot_through_a_dangling_symlink_creates_the_target(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    target = tmp_path / "fig.png"
    link = tmp_path / "link.png"
    link.symlink_to(target)
    assert main(["plot", "coeffs", "relu", "--max-degree", "3", "--out", str(link),
                 "--quiet"]) == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("second", ["./r.txt", "link.txt", "sub/../r.txt"])
def test_two_reports_to_the_same_file_are_refused_before_any_work(capsys, tmp_path,
                                                                   monkeypatch, second):
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.txt").symlink_to(tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)

    def no_work(*args, **kwargs):
        raise AssertionError("the catalogue ran before the report paths were checked")

    monkeypatch.setattr("verify.claims.run", no_work)
    _one_line(capsys, 2, ["run", "--json", "r.txt", "--markdown", second],
              "verify: error: --json r.txt and --markdown", "same file")
    assert not (tmp_path / "r.txt").exists()


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_report_gets_the_umask_mode(capsys, tmp_path, umask, mode):
    report = tmp_path / "r.tex"
    old = os.umask(umask)
    try:
        assert main(["run", "--id", "A1", "--quiet", "--latex", str(report)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(report.stat().st_mode) == mode


def test_a_replaced_report_keeps_its_mode(capsys, tmp_path):
    report = tmp_path / "r.json"
    report.write_text("old")
    report.chmod(0o640)
    assert main(["run", "--id", "A1", "--quiet", "--json", str(report)]) == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert json.loads(report.read_text())["results"]


def test_a_directory_as_plot_out(capsys, tmp_path):
    folder = tmp_path / "d.png"
    folder.mkdir()
    _one_line(capsys, 2, ["plot", "kernel", "relu", "--out", str(folder)],
              f"--out {folder}", "directory")


def test_closed_pipe_for_stdout_and_stderr_still_exits_2():
    """`verify ... 2>&1 | head -1`: the error line itself cannot be written either; the exit
    code stays 2 (it was 1, "refuted", from the failed print of the error line)."""
    proc = subprocess.Popen([*_MAIN, "list"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=_ENV)
    assert proc.stdout is not None
    proc.stdout.read(1)
    proc.stdout.close()
    assert proc.wait(timeout=120) == 2


def test_closed_stdout_is_one_line_not_a_traceback():
    # the reader of the pipe is gone before verify writes: the environment, exit 2
    proc = subprocess.Popen([*_MAIN, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=_ENV, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read()
    assert proc.wait(timeout=120) == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.splitlines() == ["verify: error: standard output: Broken pipe [EPIPE]; "
                                "the reader of the output went away"]


@pytest.mark.parametrize("argv, library, cli", [
    (["coeffs", "relu", "--digits", "900"], "digits=900", "(on the command line: --digits 900)"),
    (["coeffs", "relu", "--max-degree", "-1"], "max_degree=-1",
     "(on the command line: --max-degree -1)"),
    (["coeffs", "relu", "--basis", "gegenbauer", "--dim", "1"], "d=1",
     "(on the command line: --dim 1)"),
    (["family", "parity", "--n", "3", "--k", "4", "--activation", "relu"],
     "k=4 must be at most n=3", "(on the command line: --k 4, --n 3)"),
    (["claim", "coeff", "relu", "--degree", "3", "--value", "1/3", "--rounded"],
     "value='1/3'", "(on the command line: --value 1/3, --rounded)"),
])
def test_library_parameters_gain_the_option_that_set_them(capsys, argv, library, cli) -> None:
    """The library names its parameters (``digits=900``), never CLI flags; the CLI appends the
    option the user typed, so the line says what to change on the command line."""
    line = _one_line(capsys, 2, argv, library, cli)
    assert line.endswith(cli)


def test_no_option_is_blamed_for_a_value_the_user_did_not_give() -> None:
    import argparse

    from verify.exits import cli_words as _cli_words

    args = argparse.Namespace(command="coeffs", activation="relu", digits=20, max_degree=10,
                              exact=False, quiet=True)
    assert _cli_words("digits=23 must be at most 22", args) == "digits=23 must be at most 22"
    assert _cli_words("activation='relu' has no exact form", args).endswith("form")
    assert _cli_words("no parameter here", None) == "no parameter here"
    assert _cli_words("digits=20 is too many here", args).endswith(
        "(on the command line: --digits 20)")
