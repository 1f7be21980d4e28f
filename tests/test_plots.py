"""`verify plot`: the files exist, open with matplotlib's image reader, and are not blank."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("matplotlib")
from matplotlib import image  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _verify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=600)


def _non_trivial_png(path: Path) -> None:
    pixels = image.imread(str(path))
    assert pixels.ndim == 3 and pixels.shape[0] > 200 and pixels.shape[1] > 300
    colours = np.unique(pixels.reshape(-1, pixels.shape[2]).round(2), axis=0)
    assert len(colours) > 20, len(colours)  # axes, text, markers: far from a blank canvas
    assert pixels[..., :3].std() > 0.02


@pytest.mark.parametrize("args", [
    ["coeffs", "sigmoid", "--max-degree", "20"],
    ["coeffs", "relu", "--basis", "gegenbauer", "--dim", "10", "--max-degree", "20"],
    ["kernel", "relu"],
    ["family", "parity", "--n", "4", "--k", "2", "--activation", "relu", "--samples", "2000"],
], ids=["coeffs-hermite", "coeffs-sphere", "kernel", "family"])
def test_png_plots(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "figure.png"
    proc = _verify("plot", *args, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    _non_trivial_png(out)


def test_pdf_plot(tmp_path: Path) -> None:
    out = tmp_path / "figure.pdf"
    proc = _verify("plot", "coeffs", "relu", "--max-degree", "12", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000


@pytest.mark.parametrize("args,needle", [
    (["coeffs", "relu", "--out", "x.svg"], "must end in .png or .pdf"),
    (["coeffs", "relu", "--out", "/no/such/dir/x.png"], "does not exist"),
    (["coeffs", "nope", "--out", "x.png"], "nope"),
    (["kernel", "relu", "--dim", "1", "--out", "x.png"], "d=1"),
    (["family", "parity", "--n", "4", "--out", "x.png"], "needs --k, --activation"),
])
def test_plot_bad_input(tmp_path: Path, args: list[str], needle: str) -> None:
    proc = _verify("plot", *args)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert needle in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
