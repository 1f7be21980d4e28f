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
    ["family", "examples/he2_vs_constant.json", "--samples", "2000"],
], ids=["coeffs-hermite", "coeffs-sphere", "kernel", "family", "family-undecided"])
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


# --- The Python API (issue 11, item 5): Figures, ax=, str | Path, fonts, labels, signs, Gram maps.

plots = pytest.importorskip("verify.plots")
from matplotlib.figure import Figure  # noqa: E402

from verify.activations import activation  # noqa: E402
from verify.family_io import load_family_file  # noqa: E402
from verify.hermite import hermite_coefficients  # noqa: E402


@pytest.fixture(scope="module")
def sigmoid_coeffs() -> list:
    return hermite_coefficients(activation("sigmoid"), 12, digits=10)


def test_coefficients_return_figure_for_str_and_path(tmp_path: Path, sigmoid_coeffs) -> None:
    act = activation("sigmoid")
    for out in (str(tmp_path / "a.png"), tmp_path / "b.png"):
        fig = plots.plot_coefficients(sigmoid_coeffs, act, out)
        assert isinstance(fig, Figure)
        _non_trivial_png(Path(out))
    fig = plots.plot_coefficients(sigmoid_coeffs, act)  # out=None: nothing written
    assert isinstance(fig, Figure) and sorted(p.name for p in tmp_path.iterdir()) == [
        "a.png", "b.png"]


def test_ax_draws_into_the_given_axes(sigmoid_coeffs) -> None:
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plots.plot_coefficients(sigmoid_coeffs, activation("sigmoid"), ax=right) is fig
    assert right.lines and not left.lines and right.get_yscale() == "log"


def test_pdf_embeds_truetype_not_type3(tmp_path: Path, sigmoid_coeffs) -> None:
    import matplotlib

    before = (matplotlib.rcParams["pdf.fonttype"], matplotlib.rcParams["ps.fonttype"])
    out = tmp_path / "c.pdf"
    plots.plot_coefficients(sigmoid_coeffs, activation("sigmoid"), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/Subtype /Type3" not in data
    assert b"/FontFile2" in data  # an embedded TrueType font program
    # set locally, not globally
    assert (matplotlib.rcParams["pdf.fonttype"], matplotlib.rcParams["ps.fonttype"]) == before


def test_labels_are_mathtext_from_sp_latex() -> None:
    import sympy as sp

    assert plots.coefficient_label(activation("sigmoid")) == r"$c_k(\mathrm{sigmoid})$"
    assert plots.coefficient_label(activation("relu"), d=10) == r"$a_k(\mathrm{relu};\ d=10)$"
    assert plots.coefficient_label(activation("relu"), d=10, r=sp.Rational(3, 2)) == (
        r"$a_k(\mathrm{relu};\ d=10,\ r=\frac{3}{2})$")
    expr = activation("x*tanh(x)")
    label = plots.coefficient_label(expr)  # sp.latex's form, with TeX's thin space made explicit
    assert label == r"$c_k(x\,\tanh{\left(x \right)})$"
    assert label.replace(r"\,", " ") == f"$c_k({sp.latex(expr.expr)})$"
    coeffs = hermite_coefficients(expr, 4, digits=8)
    ax = plots.plot_coefficients(coeffs, expr).axes[0]
    assert ax.get_ylabel() == f"$|{label[1:-1]}|$"
    assert ax.get_xlabel() == "$k$"


def test_sign_shown_filled_positive_hollow_negative(sigmoid_coeffs) -> None:
    ax = plots.plot_coefficients(sigmoid_coeffs, activation("sigmoid")).axes[0]
    positive = {c.k for c in sigmoid_coeffs if c.ball > 0}
    negative = {c.k for c in sigmoid_coeffs if c.ball < 0}
    assert {3, 7, 11} <= negative and {0, 1, 5, 9} <= positive  # odd c_k alternate
    filled, hollow = set(), set()
    for line in ax.lines:
        if line.get_marker() in ("o", "s", "D") and line.get_gid() == "coefficient":
            xs = {int(v) for v in line.get_xdata()}
            (hollow if line.get_markerfacecolor() == "none" else filled).update(xs)
    assert filled == positive and hollow == negative
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("> 0" in t and "filled" in t for t in legend), legend
    assert any("< 0" in t and "hollow" in t for t in legend), legend


def _gram_axes(fig: Figure):
    return next(a for a in fig.axes if a.get_gid() == "gram")


def test_gram_map_integer_ticks_and_annotations(tmp_path: Path) -> None:
    family = load_family_file(str(ROOT / "examples" / "parity_n4_k2.json"))
    fig = plots.plot_family(family, tmp_path / "g.png", samples=500)
    ax = _gram_axes(fig)
    assert list(ax.get_xticks()) == [0, 1, 2] and list(ax.get_yticks()) == [0, 1, 2]
    entries = [t for t in ax.texts if t.get_gid() == "gram-entry"]
    assert len(entries) == 9
    texts = [t.get_text() for t in entries]
    assert texts.count("0") == 6 and "?" not in texts  # off-diagonal: proved 0 (law-free)
    _non_trivial_png(tmp_path / "g.png")


def test_plot_family_marks_undecided_entries(tmp_path: Path) -> None:
    # Biased, non-unit units: no exact Gaussian kernel, so E[f_i f_j] is left undecided
    # by verify family; the plot must say so, never draw a number for it.
    family = load_family_file(str(ROOT / "examples" / "he2_vs_constant.json"))
    fig = plots.plot_family(family, tmp_path / "u.pdf", samples=500)
    ax = _gram_axes(fig)
    entries = [t.get_text() for t in ax.texts if t.get_gid() == "gram-entry"]
    assert entries == ["?"] * 4
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 4
    mc = next(a for a in fig.axes if a.get_gid() == "monte-carlo")
    legend = [t.get_text() for t in mc.get_legend().get_texts()]
    assert any("undecided" in t for t in legend), legend
    assert not any(t.startswith(("exact value", "certified value")) for t in legend), legend
    assert b"/Subtype /Type3" not in (tmp_path / "u.pdf").read_bytes()  # \mathbb too


def test_kernel_returns_figure_and_ax(tmp_path: Path) -> None:
    act = activation("relu")
    fig = plots.plot_kernel(act, str(tmp_path / "k.pdf"), points=9)
    assert isinstance(fig, Figure)
    assert b"/Subtype /Type3" not in (tmp_path / "k.pdf").read_bytes()
    top = fig.axes[0]
    assert top.get_xlabel() == "" and "$" in top.get_ylabel()
    own = Figure()
    ax = own.subplots()
    assert plots.plot_kernel(act, ax=ax, points=9) is own and ax.lines


def test_ball_around_zero_is_a_bound_not_a_sign_or_an_exact_zero() -> None:
    from flint import arb

    from verify.numbers import Coefficient

    def certified(k: int, ball: str) -> Coefficient:
        return Coefficient(k, "certified", arb(ball), None, "a test ball", True)

    coeffs = [certified(0, "0.5 +/- 1e-20"), certified(1, "-0.25 +/- 1e-20"),
              certified(2, "0 +/- 1e-30"), certified(3, "1e-400 +/- 1e-420")]
    ax = plots.plot_coefficients(coeffs, "$c_k(\\mathrm{test})$").axes[0]
    drawn = {int(k): (line.get_marker(), line.get_markerfacecolor(), float(y))
             for line in ax.lines if line.get_gid() == "coefficient"
             for k, y in zip(line.get_xdata(), line.get_ydata(), strict=True)}
    assert drawn[0][0] == "s" and drawn[0][1] != "none"
    assert drawn[1][0] == "s" and drawn[1][1] == "none"
    assert drawn[2][0] == "v" and drawn[2][2] == pytest.approx(1e-30, rel=1e-6)
    assert drawn[3][0] == "s" and drawn[3][2] == pytest.approx(ax.get_ylim()[0] * 2)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "exactly 0" not in legend and any("ball holds 0" in t for t in legend), legend


def test_library_errors_name_the_argument_not_a_flag(tmp_path: Path, sigmoid_coeffs) -> None:
    act = activation("sigmoid")
    with pytest.raises(ValueError, match=r"^out='.*x\.svg' must end in \.png or \.pdf; ") as bad:
        plots.plot_coefficients(sigmoid_coeffs, act, str(tmp_path / "x.svg"))
    assert "--" not in str(bad.value) and len(str(bad.value).splitlines()) == 1
    with pytest.raises(ValueError, match=r"^out='/no/such/dir/x\.png' cannot be written"):
        plots.plot_coefficients(sigmoid_coeffs, act, "/no/such/dir/x.png")
    with pytest.raises(TypeError, match=r"^out=3 must be a file name"):
        plots.plot_coefficients(sigmoid_coeffs, act, 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^ax=.* must be a matplotlib Axes"):
        plots.plot_coefficients(sigmoid_coeffs, act, ax="left")


def test_files_get_the_umask_mode(tmp_path: Path, sigmoid_coeffs) -> None:
    import os

    old = os.umask(0o027)
    try:
        plots.plot_coefficients(sigmoid_coeffs, activation("sigmoid"), tmp_path / "m.png")
    finally:
        os.umask(old)
    assert (tmp_path / "m.png").stat().st_mode & 0o777 == 0o640


def test_family_with_a_zero_member_and_a_non_orthogonal_pair() -> None:
    from verify.family_io import family_from_json

    family = family_from_json({"activation": "relu", "networks": [
        {"weights": [[1, 0], [1, 0]], "outputs": [1, -1]},  # relu(x1) - relu(x1) = 0
        {"weights": [[0, 1]], "outputs": [1]}, {"weights": [[1, 0]], "outputs": [1]}]})
    fig = plots.plot_family(family, samples=500)
    entries = [t.get_text() for t in _gram_axes(fig).texts if t.get_gid() == "gram-entry"]
    # row and column 0 are the zero member; E[relu(x1) relu(x2)] = K(0) = 1/(2 pi)
    assert entries == ["0", "0", "0", "0", r"$\frac{1}{2}$", r"$\frac{1}{2 \pi}$",
                       "0", r"$\frac{1}{2 \pi}$", r"$\frac{1}{2}$"]
    mc = next(a for a in fig.axes if a.get_gid() == "monte-carlo")
    assert "f_{1}" in mc.get_title() and "f_{2}" in mc.get_title()  # the pair proved non-zero
    legend = [t.get_text() for t in mc.get_legend().get_texts()]
    assert r"exact value $\frac{1}{2 \pi}$" in legend, legend
