"""Figures (matplotlib, the optional extra ``plot``): coefficients, dual kernels, families.

Every figure is written to a file (PNG or PDF, by the suffix; PNG to a character device or
FIFO such as /dev/null), whole or not at all (:mod:`verify.files`); no display is needed. Values
with a guarantee are drawn as such (exact points, certified error bars), float screening
values are labelled as carrying none, and Monte Carlo bands are labelled as asymptotic.
"""

from __future__ import annotations

import io
import stat
from pathlib import Path
from typing import Any

import numpy as np
from flint import arb, fmpq

from .activations import Activation
from .files import check_output as _check_file
from .files import write_whole
from .numbers import workprec

_SUFFIXES = (".png", ".pdf")


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise ValueError("plots need matplotlib: pip install -e '.[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def check_output(path: str) -> Path:
    """The output path must end in .png or .pdf (a character device or FIFO such as /dev/null
    may have no suffix: it gets PNG) and be writable (see :func:`verify.files.check_output`:
    its folder exists, it is no directory; a symlink is followed)."""
    out = Path(path)
    if out.suffix.lower() not in _SUFFIXES and not _is_stream(path):
        raise ValueError(f"--out {path}: the file name must end in .png or .pdf")
    _check_file(path, label=f"--out {path}")
    return out


def _is_stream(path: str) -> bool:
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _save(fig: Any, out: Path) -> Path:
    """Render to memory, then write whole or not at all (a device or FIFO: in place)."""
    fmt = out.suffix.lower()[1:] if out.suffix.lower() in _SUFFIXES else "png"
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=130, bbox_inches="tight")
    write_whole(str(out), buffer.getvalue())
    return out


def plot_coefficients(coeffs: list[Any], label: str, out: Path) -> Path:
    """|c_k| on a log axis: exact values as filled dots, certified balls with their error bars,
    float values as hollow dots (no guarantee), exact zeros as crosses on the bottom edge."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 4))
    groups: dict[str, tuple[list[int], list[float], list[float]]] = {
        "exact": ([], [], []), "certified": ([], [], []), "float": ([], [], [])}
    zeros = []
    for c in coeffs:
        if c.exact is not None and c.exact.is_zero():
            zeros.append(c.k)
            continue
        mid, rad = abs(float(c.ball.mid())), float(c.ball.rad())
        if mid == 0.0:
            zeros.append(c.k)  # below double range: drawn with the zeros, but not as exact
            continue
        ks, mids, rads = groups[c.tier if c.tier in groups else "certified"]
        ks.append(c.k)
        mids.append(mid)
        rads.append(rad)
    if groups["exact"][0]:
        ax.plot(groups["exact"][0], groups["exact"][1], "o", color="#1f6feb", label="exact")
    if groups["certified"][0]:
        ks, mids, rads = groups["certified"]
        ax.errorbar(ks, mids, yerr=rads, fmt="s", ms=4, color="#1a7f37", capsize=2,
                    label="certified ball (mid ± rad)")
    if groups["float"][0]:
        ax.plot(groups["float"][0], groups["float"][1], "o", mfc="none", color="#9a6700",
                label="float (no guarantee)")
    ax.set_yscale("log")
    nonzero = [m for g in groups.values() for m in g[1]]
    bottom = min(nonzero) / 10 if nonzero else 1e-20
    if zeros:
        ax.plot(zeros, [bottom] * len(zeros), "x", color="#cf222e", clip_on=False,
                label="exactly 0")
    ax.set_ylim(bottom=bottom / 2)
    ax.set_xlabel("k")
    ax.set_ylabel(f"|{label}|")
    ax.set_title(label)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
    try:
        return _save(fig, out)
    finally:
        plt.close(fig)


def plot_kernel(act: Activation, out: Path, *, dim: int | None = None, points: int = 41,
                digits: int = 10) -> Path:
    """K(rho) on [-1, 1]: the certified series (Hermite, or Gegenbauer on S^{dim-1}) and, where
    one exists, the closed form; the lower panel shows their difference against the ball radius."""
    import sympy as sp

    from .expressions import SYMBOLS
    from .gegenbauer import sphere_dual_kernel
    from .hermite import dual_kernel, kernel_closed_form

    plt = _pyplot()
    rhos = [fmpq(round(-1000 + 2000 * i / (points - 1)), 1000) for i in range(points)]
    mids, rads = [], []
    with workprec(int(digits * 3.33) + 30):
        for rho in rhos:
            if dim is None:
                ball, _ = dual_kernel(act, arb(rho), digits=digits)
            else:
                ball, _ = sphere_dual_kernel(act, arb(rho), d=dim, digits=digits)
            mids.append(float(ball.mid()))
            rads.append(float(ball.rad()))
    x = np.array([float(r) for r in rhos])
    closed = kernel_closed_form(act) if dim is None else None
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 5.5), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 1]})
    where = "Gaussian" if dim is None else f"sphere S^{dim - 1}"
    top.errorbar(x, mids, yerr=rads, fmt="o", ms=3, color="#1a7f37",
                 label="certified series (ball)")
    positive = [r for r in rads if r > 0]
    floor = (min(positive) if positive else 1e-30) / 1e4
    if closed is not None:
        fine = np.linspace(-1, 1, 401)
        f = sp.lambdify(SYMBOLS["rho"], closed, "numpy")
        top.plot(fine, f(fine), "-", color="#1f6feb", lw=1, label=f"closed form: {closed}")
        diff = np.abs(np.array(mids) - f(x))
        bottom.semilogy(x, np.maximum(diff, floor), "o", ms=3, color="#1f6feb",
                        label=f"|series mid − closed form| (0 drawn at {floor:.0e})")
    bottom.semilogy(x, np.maximum(rads, floor), "-", color="#1a7f37", label="ball radius")
    bottom.set_ylim(floor / 3, max(max(rads), floor) * 30)
    bottom.set_xlabel("ρ")
    bottom.legend(fontsize=7)
    top.set_ylabel("K(ρ)")
    top.set_title(f"dual kernel of {act.name} ({where})")
    top.legend(fontsize=8)
    top.grid(alpha=0.3)
    try:
        return _save(fig, out)
    finally:
        plt.close(fig)


def plot_family(family: Any, out: Path, *, samples: int = 100_000, seed: int = 1,
                max_members: int = 30, digits: int = 10) -> Path:
    """Left: the Gaussian Gram matrix ``E[f_i f_j]`` (certified) as a heat map. Right: the Monte
    Carlo running estimate of one off-diagonal inner product with its asymptotic 95% band."""
    from .networks import gaussian_inner_product

    plt = _pyplot()
    m = min(family.size, max_members)
    members = [family.member(i) for i in range(m)]
    gram = np.zeros((m, m))
    for i in range(m):
        for j in range(i, m):
            _, ball, _ = gaussian_inner_product(members[i], members[j], digits=digits)
            gram[i, j] = gram[j, i] = float(ball.mid())
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    scale = float(np.max(np.abs(gram))) or 1.0
    image = left.imshow(gram, cmap="RdBu_r", vmin=-scale, vmax=scale)
    fig.colorbar(image, ax=left, shrink=0.8)
    left.set_title(f"E[f_i f_j] under N(0, I) ({m} of {family.size} members, certified)",
                   fontsize=9)
    left.set_xlabel("j")
    left.set_ylabel("i")
    i, j = (0, 1) if m > 1 else (0, 0)
    rng = np.random.default_rng(seed)
    values = np.empty(samples)
    batch = max(1, 2**22 // max(family.n, 1))  # at most 4M normal draws (32 MB) at a time
    for first in range(0, samples, batch):  # the same draws, in order, as one big call
        x = rng.standard_normal((min(batch, samples - first), family.n))
        values[first:first + len(x)] = members[i].evaluate(x) * members[j].evaluate(x)
    n = np.arange(1, samples + 1)
    running = np.cumsum(values) / n
    second = np.cumsum(values * values) / n
    sd = np.sqrt(np.maximum(second - running**2, 0.0))
    band = 1.96 * sd / np.sqrt(n)
    start = min(100, samples - 1)
    right.plot(n[start:], running[start:], color="#1f6feb", lw=1, label="running mean")
    right.fill_between(n[start:], (running - band)[start:], (running + band)[start:],
                       color="#1f6feb", alpha=0.2, label="95% band (asymptotic, not a bound)")
    right.axhline(gram[i, j], color="#cf222e", lw=1, ls="--",
                  label=f"certified value {gram[i, j]:.3g}")
    right.set_xscale("log")
    right.set_xlabel("samples")
    right.set_title(f"Monte Carlo of E[f_{i} f_{j}] (seed {seed})", fontsize=9)
    right.legend(fontsize=7)
    try:
        return _save(fig, out)
    finally:
        plt.close(fig)
