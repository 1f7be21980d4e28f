"""Progress callbacks (what the CLI's progress bars hang on) and --quiet."""

from __future__ import annotations

import subprocess
import sys

from verify.activations import activation
from verify.gegenbauer import gegenbauer_coefficients
from verify.hermite import hermite_coefficients


def test_progress_is_called_once_per_coefficient_of_the_certified_path() -> None:
    seen: list[int] = []

    def tick(c) -> None:
        seen.append(c.k)

    coeffs = hermite_coefficients(activation("tanh"), 6, digits=10, progress=tick)
    assert seen == [c.k for c in coeffs] == list(range(7))  # symmetry zeros included
    seen.clear()
    gegenbauer_coefficients(activation("sigmoid"), 4, d=5, digits=10, progress=tick)
    assert seen == list(range(5))
    seen.clear()
    hermite_coefficients(activation("relu"), 6, progress=tick)  # exact: nothing slow
    assert seen == []


def test_quiet_flags() -> None:
    for args in (["coeffs", "sigmoid", "--max-degree", "3", "--quiet"],
                 ["family", "parity", "--n", "4", "--k", "2", "--activation", "relu", "--quiet",
                  "--samples", "1000"]):
        proc = subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_ctrl_c_in_coeffs_shows_what_finished() -> None:
    import json
    import signal
    import time

    # A workload of about 8 s (the engine computes c_0..c_400 at 60 digits in about 1 s, which
    # finished before the signal); the signal comes after start-up, well before the end.
    proc = subprocess.Popen([sys.executable, "-m", "verify.cli", "coeffs", "sigmoid",
                             "--max-degree", "1000", "--digits", "200", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted after" in stderr
    rows = json.loads(stdout)["coefficients"]
    assert 0 < len(rows) < 1001 and [r["k"] for r in rows] == list(range(len(rows)))
