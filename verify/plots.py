"""Figures (matplotlib, the optional extra ``plot``): coefficients, dual kernels, families.

Every function draws into a new :class:`matplotlib.figure.Figure`, or into the Axes given as
``ax=``, and returns the Figure. ``out`` (a ``str`` or :class:`~pathlib.Path`, PNG or PDF by
the suffix; PNG to a character device or FIFO such as /dev/null) writes it, whole or not at
all and with the umask's mode (:mod:`verify.files`); ``out=None`` writes nothing. No display
and no pyplot are needed: the figures are not registered with pyplot, so a loop does not
accumulate open figures (a notebook shows a returned Figure as usual).

For papers: labels are mathtext built with :func:`sympy.latex`; files are written with
TrueType fonts (``pdf.fonttype`` and ``ps.fonttype`` 42, :data:`PAPER_RC`, set only while
saving: many submission systems reject Type 3 fonts). A figure you save yourself uses your
rcParams: save it inside ``matplotlib.rc_context(PAPER_RC)`` for the same fonts.

Values with a guarantee are drawn as such (exact points, certified error bars, exact or
certified Gram entries), float screening values are labelled as carrying none, entries that
are not decided are marked as such and carry no number, and Monte Carlo bands are labelled as
asymptotic.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from flint import arb, fmpq

from .activations import Activation
from .files import check_output as _check_file
from .files import write_whole
from .numbers import workprec

_SUFFIXES = (".png", ".pdf")

#: rcParams under which files are written: TrueType (Type 42) fonts in PDF and PostScript.
PAPER_RC: dict[str, Any] = {"pdf.fonttype": 42, "ps.fonttype": 42}

#: Gram maps with at most this many members get every entry written in its cell.
MAX_ANNOTATED = 12


def require_matplotlib() -> Any:
    """The matplotlib module; ValueError (one line, saying how to install it) when missing."""
    try:
        import matplotlib
        import matplotlib.figure  # noqa: F401  (the Figure class every plot draws into)
    except ImportError:
        raise ValueError("plots need matplotlib: pip install -e '.[plot]'") from None
    return matplotlib




def check_output(path: str | os.PathLike[str], *, label: str | None = None) -> Path:
    """The output path must end in .png or .pdf (a character device or FIFO such as /dev/null
    may have no suffix: it gets PNG) and be writable (see :func:`verify.files.check_output`:
    its folder exists, it is no directory; a symlink is followed). ``label`` names the path in
    messages (default ``out='...'``; the command line passes ``"--out PATH"``).

    Raises TypeError for a path that is no ``str`` or ``os.PathLike``, ValueError (one line)
    for a wrong suffix or a path that cannot be written.
    """
    if isinstance(path, bool) or not isinstance(path, str | os.PathLike):
        raise TypeError(f"out={path!r} must be a file name (str or Path) or None")
    text = os.fspath(path)
    name = label or f"out={text!r}"
    out = Path(text)
    if out.suffix.lower() not in _SUFFIXES and not _is_stream(text):
        raise ValueError(f"{name} must end in .png or .pdf; the suffix chooses the format")
    _check_file(text, label=name)
    return out


def _is_stream(path: str) -> bool:
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _figure(ax: Any, figsize: tuple[float, float], **subplots: Any) -> tuple[Any, Any]:
    """A new Figure with its axes (``subplots`` as for ``Figure.subplots``), or the given
    Axes (or sequence of Axes) and the Figure they belong to."""
    require_matplotlib()
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if ax is None:
        fig = Figure(figsize=figsize)
        return fig, fig.subplots(**subplots)
    axes = list(ax) if isinstance(ax, Sequence | np.ndarray) else [ax]
    if not axes or not all(isinstance(a, Axes) for a in axes):
        raise TypeError(f"ax={ax!r} must be a matplotlib Axes (or a sequence of Axes) or None")
    try:
        fig = axes[0].get_figure(root=True)
    except TypeError:  # matplotlib < 3.10: ax.figure, and a subfigure's .figure is the root
        fig = axes[0].figure.figure
    return fig, (axes[0] if len(axes) == 1 else axes)


def _finish(fig: Any, out: str | os.PathLike[str] | None) -> Any:
    """Write ``fig`` to ``out`` unless it is None: rendered to memory under
    :data:`PAPER_RC`, then written whole or not at all (a device or FIFO: in place)."""
    if out is None:
        return fig
    path = check_output(out)
    fmt = path.suffix.lower()[1:] if path.suffix.lower() in _SUFFIXES else "png"
    import matplotlib

    buffer = io.BytesIO()
    rc: Any = PAPER_RC  # matplotlib types rc keys as literals
    with matplotlib.rc_context(rc):
        fig.savefig(buffer, format=fmt, dpi=130, bbox_inches="tight")
    write_whole(str(path), buffer.getvalue())
    return fig


# ---------------------------------------------------------------------------------------------
# Labels.

def _mathtext_ok(text: str) -> bool:
    """True when matplotlib's mathtext can typeset ``text`` (it knows a subset of LaTeX)."""
    from matplotlib.mathtext import MathTextParser

    try:
        MathTextParser("path").parse(text)
    except ValueError:
        return False
    return True


def _latex(expr: Any) -> str:
    """``sp.latex`` in the spelling mathtext reads (``\\arccos``, not ``\\operatorname``)."""
    import sympy as sp

    text = sp.latex(sp.sympify(expr), inv_trig_style="full")
    return _OPERATOR_AFTER_FACTOR.sub(r"\\,\\", text)


#: A product's factor before an operator name (``x \tanh``): TeX sets a thin space there,
#: mathtext none, so it gets an explicit ``\,``.
_OPERATOR_AFTER_FACTOR = re.compile(
    r"(?<=[\w})]) \\(?=(?:operatorname|a?(?:sin|cos|tan)h?|arc(?:sin|cos|tan)|exp|log|ln"
    r"|max|min|sec|csc|cot)\b)")


def _text_latex(text: str) -> str:
    """A parameter value in LaTeX: its SymPy form when it reads as a number, else as text."""
    import sympy as sp

    try:
        return _latex(sp.Rational(text))
    except (TypeError, ValueError):
        return r"\mathrm{" + _escape(text) + "}"


def _escape(text: str) -> str:
    """Text inside ``\\mathrm{}``: TeX specials escaped, spaces kept."""
    return "".join(f"\\{c}" if c in "_{}#%&$^\\" else c for c in text).replace(" ", r"\ ")


#: A registered activation's name as :func:`verify.activations.activation` spells it ("relu",
#: "leaky_relu(slope=1/10)"); an expression's name is the expression, never of this form.
_REGISTERED_NAME = re.compile(
    r"(?P<base>[A-Za-z_]\w*)(?:\((?P<params>\w+=[^,()=]+(?:, \w+=[^,()=]+)*)\))?")


def activation_latex(act: Activation) -> str:
    """The activation in LaTeX (no dollars): a registered name as ``\\mathrm{name}`` (with its
    parameters), an expression as its :func:`sympy.latex` form; an expression mathtext cannot
    typeset (``\\begin{cases}``, say) falls back to its text in ``\\mathrm{}``.

    >>> from verify.activations import activation
    >>> activation_latex(activation("leaky_relu"))
    '\\\\mathrm{leaky\\\\_relu}'
    >>> activation_latex(activation("leaky_relu", slope="1/10"))
    '\\\\mathrm{leaky\\\\_relu}(\\\\mathrm{slope}=\\\\frac{1}{10})'
    >>> activation_latex(activation("x**2 - 1"))
    'x^{2} - 1'
    """
    registered = _REGISTERED_NAME.fullmatch(act.name)
    if registered is not None and act.name != str(act.expr) and registered["base"] != "x":
        name = r"\mathrm{" + registered["base"].replace("_", r"\_") + "}"
        if registered["params"]:
            shown = []
            for item in registered["params"].split(", "):
                key, _, value = item.partition("=")
                shown.append(r"\mathrm{" + _escape(key) + "}=" + _text_latex(value))
            name += "(" + ",\\ ".join(shown) + ")"
    else:
        name = _latex(act.expr)
    if _mathtext_ok(f"${name}$"):
        return name
    return r"\mathrm{" + _escape(act.name) + "}"


def coefficient_label(act: Activation, *, d: int | None = None, r: Any = 1,
                      k: str = "k") -> str:
    """The mathtext label of the coefficients: ``$c_k(\\mathrm{sigmoid})$`` (Hermite) or
    ``$a_k(\\mathrm{relu};\\ d=10)$`` (Gegenbauer on S^{d-1}; the radius is shown when not 1).

    >>> from verify.activations import activation
    >>> coefficient_label(activation("relu"), d=10, r=2)
    '$a_k(\\\\mathrm{relu};\\\\ d=10,\\\\ r=2)$'
    """
    name = activation_latex(act)
    sub = k if len(k) == 1 else f"{{{k}}}"
    if d is None:
        return f"$c_{sub}({name})$"
    radius = "" if r == 1 else rf",\ r={_latex(r)}"
    return f"$a_{sub}({name};\\ d={d}{radius})$"


def _label(what: Activation | str, d: int | None, r: Any) -> tuple[str, str]:
    """(the label, the label of its absolute value): from an activation, built with
    :func:`coefficient_label`; a string is the label as given (mathtext between dollars)."""
    if isinstance(what, Activation):
        label = coefficient_label(what, d=d, r=r)
        return label, f"$|{label[1:-1]}|$"
    if not isinstance(what, str):
        raise TypeError(f"act={what!r} must be an Activation or a label string")
    return what, (f"$|{what[1:-1]}|$" if what.startswith("$") and what.endswith("$")
                  and what.count("$") == 2 else f"|{what}|")


# ---------------------------------------------------------------------------------------------
# Coefficients.

_TIERS = {  # marker, colour, legend text
    "exact": ("o", "#1f6feb", "exact"),
    "certified": ("s", "#1a7f37", "certified ball (mid ± rad)"),
    "float": ("D", "#9a6700", "float (no guarantee)"),
}


def _sign(c: Any) -> int:
    """+1 / -1 when the sign is known (proved for exact and certified values; the float tier's
    own sign, which carries no guarantee, as the tier's label says), 0 when a ball holds 0."""
    if c.ball > 0:
        return 1
    if c.ball < 0:
        return -1
    if c.exact is not None:
        value = c.exact.sympy()
        return 1 if value.is_positive else (-1 if value.is_negative else 0)
    return 0


def plot_coefficients(coeffs: Sequence[Any], act: Activation | str,
                      out: str | os.PathLike[str] | None = None, *, d: int | None = None,
                      r: Any = 1, ax: Any = None) -> Any:
    """``|c_k|`` on a log axis, with the sign shown: filled markers for ``c_k > 0``, hollow for
    ``c_k < 0``. The marker says the tier: exact (circle), certified ball with its error bar
    (square), float (diamond, no guarantee). A ball that holds 0 (sign not proved, and not
    proved 0) is a triangle at its bound ``|mid| + rad`` on ``|c_k|``; exact zeros are
    crosses on the bottom edge, and a value below double range sits on that edge too.

    ``act`` is the activation (the label is :func:`coefficient_label` with ``d`` and ``r`` for
    Gegenbauer coefficients on S^{d-1}), or a ready label string. Returns the Figure; ``ax``
    draws into that Axes; ``out`` writes the figure (None: not written).
    """
    label, abs_label = _label(act, d, r)
    fig, ax = _figure(ax, (7, 4))
    from matplotlib.lines import Line2D

    groups: dict[tuple[str, int], tuple[list[int], list[float], list[float]]] = {}
    zeros = []
    for c in coeffs:
        if c.exact is not None and c.exact.is_zero():
            zeros.append(c.k)
            continue
        tier, sign = c.tier if c.tier in _TIERS else "certified", _sign(c)
        mid, rad = abs(float(c.ball.mid())), float(c.ball.rad())
        ks, values, rads = groups.setdefault((tier, sign), ([], [], []))
        ks.append(c.k)
        values.append(mid + rad if sign == 0 else mid)  # a ball around 0: its bound on |c_k|
        rads.append(rad)
    drawn = [v for g in groups.values() for v in g[1] if v > 0]
    bottom = min(drawn) / 10 if drawn else 1e-20
    for (tier, sign), (ks, values, rads) in sorted(groups.items()):
        marker, colour, _ = _TIERS[tier]
        style: dict[str, Any] = {"marker": "v" if sign == 0 else marker, "ls": "none",
                                 "color": colour, "ms": 6 if tier == "exact" else 5,
                                 "clip_on": False}
        if sign == -1:
            style["mfc"] = "none"
        ys = [v if v > 0 else bottom for v in values]  # below double range: on the bottom edge
        if tier == "certified" and sign != 0:
            bars = ax.errorbar(ks, ys, yerr=rads, capsize=2, **style)
            bars.lines[0].set_gid("coefficient")
        else:
            ax.plot(ks, ys, gid="coefficient", **style)
    ax.set_yscale("log")
    handles = [Line2D([], [], marker=_TIERS[t][0], ls="none", color=_TIERS[t][1],
                      label=_TIERS[t][2]) for t in _TIERS if any(g[0] == t for g in groups)]
    signs = {g[1] for g in groups}
    grey = "#57606a"
    if 1 in signs:
        handles.append(Line2D([], [], marker="o", ls="none", color=grey,
                              label=f"filled: {label} > 0"))
    if -1 in signs:
        handles.append(Line2D([], [], marker="o", ls="none", color=grey, mfc="none",
                              label=f"hollow: {label} < 0"))
    if 0 in signs:
        handles.append(Line2D([], [], marker="v", ls="none", color=grey,
                              label="sign not proved (ball holds 0): at |mid| + rad"))
    if zeros:
        ax.plot(zeros, [bottom] * len(zeros), "x", color="#cf222e", clip_on=False)
        handles.append(Line2D([], [], marker="x", ls="none", color="#cf222e",
                              label="exactly 0"))
    ax.set_ylim(bottom=bottom / 2)
    ax.set_xlabel("$k$")
    ax.set_ylabel(abs_label)
    ax.set_title(label)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(handles=handles, loc="best", fontsize=8)
    return _finish(fig, out)


# ---------------------------------------------------------------------------------------------
# Dual kernels.

def plot_kernel(act: Activation, out: str | os.PathLike[str] | None = None, *,
                dim: int | None = None, points: int = 41, digits: int = 10,
                ax: Any = None) -> Any:
    """K(rho) on [-1, 1]: the certified series (Hermite, or Gegenbauer on S^{dim-1}) and, where
    one exists, the closed form; the lower panel shows their difference against the ball radius.

    Returns the Figure. ``ax``: one Axes draws the kernel alone, two Axes (upper, lower) draw
    both panels; ``out`` writes the figure (None: not written).
    """
    import sympy as sp

    from .expressions import SYMBOLS
    from .kernels import dual_kernel, kernel_closed_form, sphere_dual_kernel

    fig, axes = _figure(ax, (7, 5.5), nrows=2, ncols=1, sharex=True,
                        gridspec_kw={"height_ratios": [3, 1]})
    top, bottom = (axes, None) if not isinstance(axes, Sequence | np.ndarray) else axes
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
    where = "Gaussian" if dim is None else f"sphere $S^{{{dim - 1}}}$"
    top.errorbar(x, mids, yerr=rads, fmt="o", ms=3, color="#1a7f37",
                 label="certified series (ball)")
    positive = [r for r in rads if r > 0]
    floor = (min(positive) if positive else 1e-30) / 1e4
    f = None
    if closed is not None:
        fine = np.linspace(-1, 1, 401)
        f = sp.lambdify(SYMBOLS["rho"], closed, "numpy")
        formula = _latex(closed)
        shown = f"${formula}$" if _mathtext_ok(f"${formula}$") else str(closed)
        top.plot(fine, f(fine), "-", color="#1f6feb", lw=1, label=f"closed form: {shown}")
    if bottom is not None:
        if f is not None:
            diff = np.abs(np.array(mids) - f(x))
            bottom.semilogy(x, np.maximum(diff, floor), "o", ms=3, color="#1f6feb",
                            label=f"|series mid − closed form| (0 drawn at {floor:.0e})")
        bottom.semilogy(x, np.maximum(rads, floor), "-", color="#1a7f37", label="ball radius")
        bottom.set_ylim(floor / 3, max(max(rads), floor) * 30)
        bottom.set_xlabel(r"$\rho$")
        bottom.legend(fontsize=7)
    else:
        top.set_xlabel(r"$\rho$")
    top.set_ylabel(r"$K(\rho)$")
    top.set_title(f"dual kernel of ${activation_latex(act)}$ ({where})")
    top.legend(fontsize=8)
    top.grid(alpha=0.3)
    return _finish(fig, out)


# ---------------------------------------------------------------------------------------------
# Families.

def gram_entries(family: Any, *, max_members: int = 30, digits: int = 10
                 ) -> list[list[dict[str, Any]]]:
    """What is known about ``E[f_i f_j]`` under N(0, I) for the first ``max_members`` members,
    as ``verify family`` decides it: each entry a dict with ``status`` one of

    * ``"exact"`` -- ``value`` (SymPy) and its certified ``ball``: 0 by the exact law-free
      certificate (a pair whose invariant classes cancel, a member that is the zero
      function), or the closed-form dual kernel;
    * ``"certified"`` -- a ``ball`` that contains the value (dual-kernel series);
    * ``"undecided"`` -- no value, and ``reason`` says why (no exact Gaussian kernel for
      biased or non-unit units, a different activation, a ball that is not finite).

    The ``method`` of each entry names the evidence.
    """
    from .gram import gram_matrix

    m = min(family.size, max_members)
    gram = gram_matrix(family, digits=digits, members=range(m))
    rows: list[list[dict[str, Any]]] = [[{} for _ in range(m)] for _ in range(m)]
    for i in range(m):
        for j in range(i, m):
            e = gram.entry(i, j)
            entry: dict[str, Any]
            if e.status == "undecided":
                why = e.method if not e.reason or e.reason in e.method \
                    else f"{e.method}; {e.reason}"
                entry = {"status": "undecided", "reason": why}
            elif e.status == "exact":
                entry = {"status": "exact", "value": e.exact, "ball": e.ball, "method": e.method}
            else:
                entry = {"status": "certified", "ball": e.ball, "method": e.method}
            rows[i][j] = rows[j][i] = entry
    return rows


def _entry_text(entry: dict[str, Any]) -> str:
    """A cell's annotation: the exact value when short, else a short decimal of the certified
    ball (``0±rad`` for a ball around 0: not a proof of 0), ``?`` when undecided."""
    if entry["status"] == "undecided":
        return "?"
    ball = entry["ball"]
    if entry["status"] == "exact":
        value = entry["value"]
        if value == 0:
            return "0"
        text = _latex(value)
        if len(text) <= 20 and _mathtext_ok(f"${text}$"):
            return f"${text}$"
    if ball.contains(0):
        return f"0±{float(ball.rad()):.0e}"
    return f"{float(ball.mid()):.3g}"


def plot_family(family: Any, out: str | os.PathLike[str] | None = None, *,
                samples: int = 100_000, seed: int = 1, max_members: int = 30,
                digits: int = 10, ax: Any = None) -> Any:
    """Left: what is known about the Gaussian Gram matrix ``E[f_i f_j]`` (:func:`gram_entries`)
    as a heat map with integer ticks, each cell annotated (up to :data:`MAX_ANNOTATED` members)
    with its exact value or a short decimal of its certified ball; undecided entries are
    hatched, marked ``?`` and carry no colour or number. Right: the Monte Carlo running
    estimate (seeded) of one off-diagonal inner product -- the first undecided pair, else the
    first proved non-zero, else the last pair -- with its asymptotic 95% band, beside its
    exact or certified value when there is one.

    Returns the Figure. ``ax``: one Axes draws the Gram map alone, two Axes draw both panels;
    ``out`` writes the figure (None: not written).
    """
    fig, axes = _figure(ax, (11, 4.5), nrows=1, ncols=2)
    left, right = (axes, None) if not isinstance(axes, Sequence | np.ndarray) else axes
    from matplotlib.patches import Rectangle

    entries = gram_entries(family, max_members=max_members, digits=digits)
    m = len(entries)
    gram = np.full((m, m), np.nan)
    for i in range(m):
        for j in range(m):
            if entries[i][j]["status"] != "undecided":
                gram[i, j] = float(entries[i][j]["ball"].mid())
    known = gram[np.isfinite(gram)]
    scale = float(np.max(np.abs(known))) if known.size and np.max(np.abs(known)) > 0 else 1.0
    image = left.imshow(np.ma.masked_invalid(gram), cmap="RdBu_r", vmin=-scale, vmax=scale)
    if known.size:
        fig.colorbar(image, ax=left, shrink=0.8)
    left.set_gid("gram")
    reasons = []
    for i in range(m):
        for j in range(m):
            entry = entries[i][j]
            undecided = entry["status"] == "undecided"
            if undecided:
                left.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white",
                                         hatch="///", edgecolor="#8c959f", lw=0))
                reasons.append(entry["reason"])
            if m <= MAX_ANNOTATED:
                value = gram[i, j]
                dark = np.isfinite(value) and abs(value) > 0.6 * scale
                box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"}
                left.text(j, i, _entry_text(entry), ha="center", va="center",
                          fontsize=11 if m <= 4 else 9 if m <= 6 else 7,
                          color="white" if dark else "black",
                          bbox=box if undecided else None, gid="gram-entry")
    if m > 1 and m <= MAX_ANNOTATED:  # cell borders, so that hatched cells stay apart
        for edge in np.arange(0.5, m - 1, 1.0):
            left.axhline(edge, color="white", lw=1)
            left.axvline(edge, color="white", lw=1)
    from matplotlib.ticker import MaxNLocator

    if m <= MAX_ANNOTATED:
        left.set_xticks(range(m))
        left.set_yticks(range(m))
    else:
        left.xaxis.set_major_locator(MaxNLocator(integer=True))
        left.yaxis.set_major_locator(MaxNLocator(integer=True))
    shown = f"{m} of {family.size} members" if m < family.size else f"{m} members"
    status = "exact or certified" + ("; hatched ?: not decided" if reasons else "")
    left.set_title(r"$\mathbb{E}[f_i\,f_j]$ under $N(0, I)$" + f" ({shown}; {status})",
                   fontsize=9)
    left.set_xlabel("$j$")
    left.set_ylabel("$i$")
    if reasons:
        import textwrap

        prefix = "no exact Gaussian kernel: "
        kernel = [r.removeprefix(prefix) for r in reasons if r.startswith(prefix)]
        other = [r for r in reasons if not r.startswith(prefix)]
        facts = dict.fromkeys(part for r in kernel for part in r.split("; "))
        note = _clip("?: " + "; ".join(([prefix + "; ".join(facts)] if facts else [])
                                       + list(dict.fromkeys(other))), 240)
        left.text(0.0, -0.2 if m <= MAX_ANNOTATED else -0.15, "\n".join(textwrap.wrap(note, 90)),
                  transform=left.transAxes, fontsize=6.5, va="top")
    if right is not None:
        _monte_carlo(family, entries, right, samples, seed)
    return _finish(fig, out)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _monte_carlo(family: Any, entries: list[list[dict[str, Any]]], ax: Any, samples: int,
                 seed: int) -> None:
    m = len(entries)
    pairs = [(i, j) for i in range(m) for j in range(i + 1, m)] or [(0, 0)]

    def undecided(p: tuple[int, int]) -> bool:
        return bool(entries[p[0]][p[1]]["status"] == "undecided")

    def nonzero(p: tuple[int, int]) -> bool:
        return not undecided(p) and not entries[p[0]][p[1]]["ball"].contains(0)

    # As verify family's controls: the first undecided pair, else the first proved non-zero,
    # else the last (for disjoint supports the first pairs overlap least).
    i, j = next((p for p in pairs if undecided(p)),
                next((p for p in pairs if nonzero(p)), pairs[-1]))
    f, h = family.member(i), family.member(j)
    rng = np.random.default_rng(seed)
    values = np.empty(samples)
    batch = max(1, 2**22 // max(family.n, 1))  # at most 4M normal draws (32 MB) at a time
    for first in range(0, samples, batch):  # the same draws, in order, as one big call
        x = rng.standard_normal((min(batch, samples - first), family.n))
        values[first:first + len(x)] = f.evaluate(x) * h.evaluate(x)
    n = np.arange(1, samples + 1)
    running = np.cumsum(values) / n
    second = np.cumsum(values * values) / n
    sd = np.sqrt(np.maximum(second - running**2, 0.0))
    band = 1.96 * sd / np.sqrt(n)
    start = min(100, samples - 1)
    ax.set_gid("monte-carlo")
    ax.plot(n[start:], running[start:], color="#1f6feb", lw=1, label="running mean")
    ax.fill_between(n[start:], (running - band)[start:], (running + band)[start:],
                    color="#1f6feb", alpha=0.2, label="95% band (asymptotic, not a bound)")
    entry = entries[i][j]
    if entry["status"] == "undecided":
        ax.plot([], [], " ", label="no exact or certified value (undecided)")
    else:
        ball = entry["ball"]
        ax.axhline(float(ball.mid()), color="#cf222e", lw=1, ls="--",
                   label=f"{entry['status']} value {_entry_text(entry)}")
    ax.set_xscale("log")
    ax.set_xlabel("samples")
    ax.set_title(f"Monte Carlo of $\\mathbb{{E}}[f_{{{i}}}\\,f_{{{j}}}]$ (seed {seed})",
                 fontsize=9)
    ax.legend(fontsize=7)
