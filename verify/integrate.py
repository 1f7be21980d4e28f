"""The certified engine: every coefficient ``0..K`` at once on shared Gauss-Legendre nodes.

Definition. For an activation sigma,

* Gaussian: ``c_k = E[sigma(g) h_k(g)] = int sigma(x) h_k(x) phi(x) dx``, ``g ~ N(0,1)``,
  ``h_k = He_k/sqrt(k!)``, ``phi(x) = exp(-x^2/2)/sqrt(2 pi)``;
* sphere: ``a_k(sigma; d, r) = E[sigma(r t) P_{k,d}(t)]`` with t of density
  ``c_d (1-t^2)^{(d-3)/2}`` on [-1, 1], ``P_{k,d} = C_k^lam/C_k^lam(1)``, ``lam = (d-2)/2``
  (d = 2: Chebyshev ``T_k``), any ``d >= 2``, any rational ``r > 0``.

Method (proofs in proofs_notes/engine.md). Fold ``x -> -x`` (``h_k``, ``P_{k,d}`` have the
parity of k), so only ``sigma(x) + sigma(-x)`` (even k) and ``sigma(x) - sigma(-x)`` (odd k)
are integrated, on ``[0, L]`` (Gaussian; the rest of the line is Cramer's tail,
:func:`verify.hermite.tail_bound`) or on ``u in [0, pi/2]`` with ``t = sin u`` (sphere; weight
``cos^{d-2} u``, no tail). The interval is cut at the activation's breakpoints and into panels;
each panel gets its own number n of Gauss-Legendre nodes (Arb balls from
``arb.legendre_p_root``). sigma and the weight are evaluated once per node; every ``h_k`` (or
``P_{k,d}``) at every node comes from the three-term recurrence, vectorised over the nodes.
Each coefficient's ball is then

    (sum over nodes, in ball arithmetic) + [+- quadrature bound_k] + [+- tail bound],

where the quadrature bound on a panel ``[c-h, c+h]`` with n nodes is
``(64/15) h M/((1-rho^{-2}) rho^{2n})`` (Trefethen 2008, Thm 4.5, stated there for n+1
nodes) with M a bound of the integrand on a rectangle containing the Bernstein
ellipse ``E_rho``: sigma's part by evaluating its pieces on complex boxes in Arb,
``|h_k phi|`` by Mehler's formula, ``|P_{k,d}(sin z)| <= exp(k |Im z|)`` by Laplace's integral.

Precision driver (:func:`drive`): a pass is planned for a tolerance per k (relative digits
times a magnitude estimate); coefficients whose ball does not meet the requested relative
digits (:func:`verify.numbers.meets_digits`) are recomputed with a smaller magnitude estimate,
more precision and more nodes, for a bounded number of attempts; the last valid ball is
returned with ``met=False`` when it never did. Symmetry zeros are exact
(:func:`verify.activations.symmetry_zero`).

What the engine cannot bound: an activation with a piece whose ball extension is not finite on
any complex box around some panel (a piece that is not analytic on the real segment, such as
an unsplit kink, or a function the ball evaluator refuses on complex boxes), a pole or
branch point within about 1/4 of the segment (Gaussian) or ``min(1/K, 1/4)`` (sphere), or
two cuts that doubles do not separate. Then :class:`NotBoundable` is raised and the default
certified tiers (:func:`verify.hermite.certified_coefficients`,
:func:`verify.gegenbauer.certified_sphere_coefficients`, which call this engine) fall back to
one ``acb.integral`` per k (:func:`verify.hermite.certified_coefficient_acb`,
:func:`verify.gegenbauer.certified_sphere_coefficient_acb`).

>>> from verify.activations import activation
>>> from verify.numbers import report_ball
>>> cs = gaussian_coefficients(activation("sigmoid"), 3, digits=20)
>>> [(c.k, c.tier, c.met) for c in cs][2:]
[(2, 'exact', True), (3, 'certified', True)]
>>> report_ball(cs[3].ball, 12)[0]
'-0.0254732579073234'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from flint import acb, arb, ctx

from .activations import Activation
from .conventions import check_degree, check_dimension, harmonic_dimension, sphere_marginal_constant
from .expressions import arb_value
from .numbers import (
    GUARD_ALLOWANCE,
    Coefficient,
    NonFiniteBall,
    check_digits,
    guard_bits,
    meets_digits,
    workprec,
)

#: Largest degree the engine accepts (as the certified tiers).
MAX_DEGREE = 1_000
#: Largest number of Gauss-Legendre nodes on one panel.
MAX_NODES_PER_PANEL = 400
#: Working precision cap (bits), as the acb.integral tiers.
MAX_PREC_BITS = 20_000
#: Default number of passes the precision driver may make.
DEFAULT_ATTEMPTS = 5
#: Largest cut-off L of the Gaussian integral (its Cramer tail is then below 1e-17000).
MAX_CUTOFF = 400

_SIXTY_FOUR_FIFTEENTHS = arb(64) / 15


class NotBoundable(ValueError):
    """The engine cannot bound the integrand on any complex neighbourhood of a panel (the
    activation stays on ``acb.integral``)."""


# ---------------------------------------------------------------------------------------------
# Building blocks.

_GL_CACHE: dict[tuple[int, int], tuple[list[arb], list[arb]]] = {}


def gauss_legendre(n: int) -> tuple[list[arb], list[arb]]:
    """Nodes and weights of the n-point Gauss-Legendre rule on [-1, 1], as balls at the
    current working precision (cached per (n, precision)).

    Definition: the nodes are the zeros of the Legendre polynomial ``P_n``; the weights are
    ``2/((1-x_i^2) P_n'(x_i)^2)``; ``sum w_i f(x_i) = int_{-1}^1 f`` for polynomials of degree
    ``< 2n``. Guarantee: each ball contains the exact node or weight (Arb's
    ``arb.legendre_p_root``). Raises ValueError unless ``1 <= n <= 10**4``.

    >>> from verify.numbers import workprec
    >>> with workprec(64):
    ...     x, w = gauss_legendre(2)
    >>> (x[0] * x[0] * 3).contains(1), sum(w).contains(2)
    (True, True)
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 10_000:
        raise ValueError(f"n={n!r} must be an integer from 1 to 10000 (nodes of the rule)")
    key = (n, ctx.prec)
    if key not in _GL_CACHE:
        nodes, weights = [], []
        for i in range(n):
            x, w = arb.legendre_p_root(n, i, weight=True)
            nodes.append(x)
            weights.append(w)
        _GL_CACHE[key] = (nodes, weights)
    return _GL_CACHE[key]


def legendre_error_bound(h: arb, rho: arb, n: int, bound: arb) -> arb:
    """``(64/15) h M / ((1 - rho^{-2}) rho^{2n})``: the n-point Gauss-Legendre error on a
    panel of half-width h for an integrand analytic in the open Bernstein ellipse ``E_rho`` of
    the panel (foci at the panel's ends, semi-axes ``h (rho +- 1/rho)/2``) and bounded there by
    ``M = bound``. Trefethen (SIAM Rev. 50 (2008), Thm 4.5; ATAP Thm 19.3) states it for the
    (m+1)-point rule as ``(64/15) M rho^{-2m}/(rho^2 - 1)``; with ``n = m + 1`` points that is
    the form here (as in Fungrim's Gaussian quadrature entry), scaled from [-1, 1] by h.

    Guarantee: an upper bound (a ball whose upper end bounds the error) when the hypotheses
    hold; proofs_notes/engine.md §2. Raises ValueError unless ``rho > 1`` and ``n >= 1``.

    >>> b = legendre_error_bound(arb(1), arb(3), 10, arb(1))  # (64/15)/((8/9) * 3^20)
    >>> b.overlaps(arb(24) / (5 * 3**20))
    True
    """
    if not rho > 1 or n < 1:
        raise ValueError(f"rho={rho}, n={n} must satisfy rho > 1 and n >= 1")
    return _SIXTY_FOUR_FIFTEENTHS * h * bound / ((rho * rho - 1) * rho ** (2 * n - 2))


def mehler_log_bound(k: int, x_lo: arb, y_hi: arb, t: arb) -> arb:
    """A ball whose upper end bounds ``log |h_k(z) phi(z)|`` for every complex ``z = x + iy``
    with ``|x| >= x_lo >= 0`` and ``|y| <= y_hi``, for any ``0 < t < 1`` (``t = 0`` allowed at
    ``k = 0``):

        |h_k(z) phi(z)| <= (2 pi)^{-1/2} (1-t^2)^{-1/4} t^{-k/2}
                           exp(-x^2/(2(1+t)) + y^2/(2(1-t))).

    From Mehler's formula at ``w = conj(z)`` (each term ``|h_k(z)|^2 t^k >= 0``);
    proofs_notes/engine.md §3. Every t gives a valid bound; the caller picks t to make it small.
    Raises ValueError for t outside (0, 1) (or [0, 1) at k = 0).

    >>> from verify.numbers import workprec
    >>> with workprec(64):
    ...     b = mehler_log_bound(0, arb(1), arb(0), arb(0))
    >>> b.overlaps(-arb(1) / 2 - (2 * arb.pi()).sqrt().log())  # log phi(1): exact at t = 0
    True
    """
    if not (t < 1 and (t > 0 or (k == 0 and t >= 0))):
        raise ValueError(f"t={t} must lie in (0, 1) (in [0, 1) for k = 0)")
    out = -(2 * arb.pi()).log() / 2 - (1 - t * t).log() / 4
    out += -x_lo * x_lo / (2 * (1 + t)) + y_hi * y_hi / (2 * (1 - t))
    if k:
        out -= k * t.log() / 2
    return out


# Candidate t of Mehler's bound: 0 (k = 0 only) and 1 - 2^{-j/8}, plus a few small values.
_T_GRID = np.concatenate([[0.0, 1 / 64, 1 / 16], 1 - 2.0 ** (-np.arange(1, 240) / 8)])


def _mehler_float_table(x_lo: float, y_hi: float, ks: np.ndarray) -> tuple[np.ndarray,
                                                                           np.ndarray]:
    """For each k: the grid index of the best t and the (float, unproved) log-bound there."""
    t = _T_GRID
    with np.errstate(divide="ignore"):
        base = (-0.5 * math.log(2 * math.pi) - np.log1p(-t * t) / 4
                - x_lo**2 / (2 * (1 + t)) + y_hi**2 / (2 * (1 - t)))
        lt = -np.log(t) / 2
    lt[0] = 0.0  # t = 0 only serves k = 0 (t^{-k/2} = 1 there)
    table = base[None, :] + ks[:, None].astype(float) * lt[None, :]
    table[ks > 0, 0] = np.inf
    best = np.argmin(table, axis=1)
    return best, table[np.arange(len(ks)), best]


# ---------------------------------------------------------------------------------------------
# The activation at the nodes: the SymPy tree is walked once, into numpy-vectorised arb code.

_REAL_FUNCS: dict[Any, Callable[[arb], arb]] = {
    sp.exp: arb.exp, sp.log: arb.log, sp.erf: arb.erf, sp.erfc: arb.erfc, sp.tanh: arb.tanh,
    sp.sinh: arb.sinh, sp.cosh: arb.cosh, sp.sin: arb.sin, sp.cos: arb.cos, sp.atan: arb.atan,
}
_NODE_CODE: dict[str, Callable[[np.ndarray], Any] | None] = {}


def _compile_real(e: sp.Expr, var: sp.Symbol) -> Callable[[np.ndarray], Any] | None:
    """``e`` as a function of an object array of real balls (elementwise), or None when a
    node is not supported here (the caller then evaluates node by node with
    :func:`verify.expressions.compile_acb`). Constants are made at the precision current when
    the function runs. Guarantee: each output ball contains the exact value at each input."""
    if e == var:
        return lambda xs: xs
    if e.is_Integer:
        value = int(e)
        return lambda xs: arb(value)
    if e.is_Rational:
        p_, q_ = int(e.p), int(e.q)
        return lambda xs: arb(p_) / q_
    if e is sp.pi:
        return lambda xs: arb.pi()
    if e is sp.E:
        return lambda xs: arb(1).exp()
    if e.is_Add or e.is_Mul:
        parts = [_compile_real(a, var) for a in e.args]
        if any(f is None for f in parts):
            return None
        fs = [f for f in parts if f is not None]
        if e.is_Add:
            return lambda xs: _fold(fs, xs, lambda u, v: u + v)
        return lambda xs: _fold(fs, xs, lambda u, v: u * v)
    if e.is_Pow:
        base, ex = e.args
        fb = _compile_real(base, var)
        if fb is None:
            return None
        if ex.is_Integer and ex != 0:
            n = int(ex)
            return (lambda xs: _ipow(fb(xs), n)) if n > 0 else (lambda xs: 1 / _ipow(fb(xs), -n))
        if ex == sp.S.Half:
            return lambda xs: _map(arb.sqrt, fb(xs))
        if ex == -sp.S.Half:
            return lambda xs: 1 / _map(arb.sqrt, fb(xs))
        return None
    if e.func in _REAL_FUNCS and len(e.args) == 1:
        fa = _compile_real(e.args[0], var)
        fn = _REAL_FUNCS[e.func]
        return None if fa is None else (lambda xs: _map(fn, fa(xs)))
    return None


def _ipow(x: Any, n: int) -> Any:
    """``x**n`` (``n >= 1``) for a ball or an object array of balls, by repeated squaring with
    ball products: python-flint's ``arb ** int`` of a ball that contains 0 is NaN
    (``arb(0, 1e-60) ** 2``), which left whole engine sums NaN (``(erf(x) + 1)**2`` at
    ``x = -12``); a product of balls is a valid enclosure."""
    out, base = None, x
    while True:
        if n & 1:
            out = base if out is None else out * base
        n >>= 1
        if not n:
            return out
        base = base * base


def _fold(fs: list[Callable[[np.ndarray], Any]], xs: np.ndarray,
          op: Callable[[Any, Any], Any]) -> Any:
    out = fs[0](xs)
    for f in fs[1:]:
        out = op(out, f(xs))
    return out


def _map(fn: Callable[[arb], arb], values: Any) -> Any:
    if isinstance(values, np.ndarray):
        return np.array([fn(v) for v in values], dtype=object)
    return fn(values)


def _piece_at_nodes(act: Activation, i: int, xs: list[arb]) -> np.ndarray:
    """Piece ``i`` of ``act`` at the real balls ``xs`` (an object array of balls)."""
    expr = act.pieces[i].expr
    key = sp.srepr(expr)
    if key not in _NODE_CODE:
        from .activations import X

        _NODE_CODE[key] = _compile_real(expr, X)
    code = _NODE_CODE[key]
    arr = np.array(xs, dtype=object)
    if code is not None:
        out = code(arr)
        if isinstance(out, np.ndarray):
            return out
        return np.array([out] * len(xs), dtype=object)
    piece = act.acb_piece(i)
    return np.array([piece(acb(x), False).real for x in xs], dtype=object)


# ---------------------------------------------------------------------------------------------
# Panels.

@dataclass
class Panel:
    """One panel ``[lo, hi]`` of a pass: its pieces, its rule and its proved constants.

    ``log_const`` bounds ``log((64/15) h M_sigma rho^{-2n} / (rho^2 - 1))`` (sigma's share of
    the integrand bound times the ellipse factor); the per-k factor comes from the basis
    (Mehler's bound on the rectangle ``|Re z| >= x_lo``, ``|Im z| <= y_hi``, or
    ``exp(k y_hi)`` on the sphere).
    """

    lo: arb
    hi: arb
    right: int
    left: int
    n: int
    rho: arb
    x_lo: arb
    y_hi: arb
    sigma_bound: arb
    #: The exact ends as balls at the *current* precision (lo, hi above are 64-bit balls).
    ends: Callable[[], tuple[arb, arb]]


def _piece_at(act: Activation, x: sp.Expr) -> int:
    """The piece of ``act`` whose open interval holds the exact point ``x`` (decided by SymPy,
    not by doubles: a cell's float midpoint can round onto a breakpoint)."""
    for i, p in enumerate(act.pieces):
        if (p.lo == -sp.oo or bool(p.lo < x)) and (p.hi == sp.oo or bool(x < p.hi)):
            return i
    raise AssertionError(f"x={x} lies on a breakpoint of {act.name}; the cells of a pass "
                         "must be open intervals between consecutive cuts (a bug)")


def _cells(points: set[sp.Expr], floats: Callable[[sp.Expr], float], act: Activation
           ) -> list[tuple[sp.Expr, float, sp.Expr, float]]:
    """The cells between consecutive exact cuts ``points`` (x positions, deduplicated and
    sorted exactly) as ``(x_lo, f_lo, x_hi, f_hi)``; ``floats`` gives the planner's double
    of a cut (its position in the integration variable). Two cuts whose doubles are not at
    least 4 ulps apart are refused (never merged): the planner bisects between the doubles
    and the sliver between them would get the wrong piece."""
    ordered = sorted(points, key=lambda v: float(v))
    for i in range(len(ordered) - 1):  # doubles may misorder close cuts: fix exactly
        for j in range(i + 1, len(ordered)):
            if bool(ordered[j] < ordered[i]):
                ordered[i], ordered[j] = ordered[j], ordered[i]
    fs = [floats(v) for v in ordered]
    for i in range(len(ordered) - 1):
        a, b, fa, fb = ordered[i], ordered[i + 1], fs[i], fs[i + 1]
        gap = fa
        for _ in range(4):
            gap = math.nextafter(gap, math.inf)
        if not fb >= gap:
            raise NotBoundable(f"activation={act.name!r} must have cuts that doubles separate "
                               f"(got {a} and {b}); rescale x or use the acb.integral tier")
    return [(ordered[i], fs[i], ordered[i + 1], fs[i + 1]) for i in range(len(ordered) - 1)]


#: How many times a sub-box whose enclosure is not finite is quartered before giving up
#: (interval wrapping, e.g. exp of a box with a wide phase range, can hide a finite bound).
_REFINE_DEPTH = 2


def _box_bound(fn: Callable[[acb], acb], re_lo: arb, re_hi: arb, y_hi: float, pieces: int
               ) -> arb | None:
    """Upper bound (an exact arb; None when not finite) of ``|fn|`` on the rectangle
    ``[re_lo, re_hi] x [0, y_hi]``, covered by ``pieces`` sub-boxes whose ends are shared
    balls (so no gap); a sub-box without a finite enclosure is quartered up to
    ``_REFINE_DEPTH`` times. Conjugate symmetry of a real-analytic fn covers ``y < 0``."""
    with workprec(64):
        step = (re_hi - re_lo) / pieces
        ends = [re_lo + j * step for j in range(pieces)] + [re_hi]
        worst = arb(0)
        for j in range(pieces):
            v = _sub_box(fn, ends[j], ends[j + 1], 0.0, y_hi, _REFINE_DEPTH)
            if v is None:
                return None
            worst = worst.max(v)
        return arb(worst.upper())


def _sub_box(fn: Callable[[acb], acb], xa: arb, xb: arb, ya: float, yb: float, depth: int
             ) -> arb | None:
    v = fn(acb(xa.union(xb), arb(ya).union(arb(yb))))
    if v.is_finite():
        return arb(v.abs_upper())
    if depth == 0:
        return None
    xm, ym = (xa + xb) / 2, ya + (yb - ya) / 2
    worst = arb(0)
    for x0, x1 in ((xa, xm), (xm, xb)):
        for y0, y1 in ((ya, ym), (ym, yb)):
            part = _sub_box(fn, x0, x1, y0, y1, depth - 1)
            if part is None:
                return None
            worst = worst.max(part)
    return worst


@dataclass
class _Geometry:
    """The rectangle around one panel: ``rho`` (a proved lower bound) of a Bernstein ellipse of
    the exact panel that lies inside ``[re_lo, re_hi] x [-y_hi, y_hi]``; ``h_up`` bounds the
    exact half-width; ``x_lo`` bounds ``|Re z|`` below on the rectangle (0 if it crosses 0)."""

    rho: arb
    re_lo: arb
    re_hi: arb
    x_lo: arb
    h_up: arb


def _geometry(lo: arb, hi: arb, y_hi: float) -> _Geometry:
    """proofs_notes/engine.md §2: with ``h <= h_up`` and ``q = y_hi/h_up``, the ellipse of
    parameter ``rho = q + sqrt(1 + q^2)`` has semi-axes ``h (rho -+ 1/rho)/2`` at most
    ``y_hi`` and ``sqrt(h_up^2 + y_hi^2)``."""
    with workprec(64):
        h_up = arb(((hi - lo) / 2).upper())
        q = arb(y_hi) / h_up
        rho = arb((q + (1 + q * q).sqrt()).lower())
        half = arb((h_up * h_up + arb(y_hi) ** 2).sqrt().upper())
        c = (lo + hi) / 2
        re_lo, re_hi = arb((c - half).lower()), arb((c + half).upper())
        x_lo = re_lo if re_lo > 0 else arb(0)
    return _Geometry(rho, re_lo, re_hi, x_lo, h_up)


# ---------------------------------------------------------------------------------------------
# Results of one pass.

@dataclass
class EnginePass:
    """What one pass computed, for degrees ``0..len(sums)-1``.

    ``sums[k]``: the ball of the quadrature sum (contains the exact Gauss-Legendre sum of the
    folded integrand, times the constant); ``quadrature[k]``: proved bound on the quadrature
    error; ``tail``: proved bound on the part outside the integrated interval (0 on the
    sphere). ``balls()`` adds the two bounds as radius: each ball contains the coefficient.
    """

    sums: list[arb]
    quadrature: list[arb]
    tail: arb
    panels: list[Panel]
    prec: int
    length: float

    @property
    def nodes(self) -> int:
        return sum(p.n for p in self.panels)

    def balls(self) -> list[arb]:
        with workprec(self.prec):  # the sum's midpoint keeps the pass's precision
            return [s + arb(0, (q + self.tail).upper())
                    for s, q in zip(self.sums, self.quadrature, strict=True)]


#: A panel with at most this many planned nodes is not split further.
_SPLIT_ABOVE = 12
#: Bisection depth limit of the panel planner.
_MAX_DEPTH = 10


def _plan_segment(a: float, b: float, heights: Sequence[float],
                  cut: Callable[[float], Callable[[], arb]], right: int, left: int,
                  sigma_box: Callable[[arb, arb, float], arb | None],
                  need: Callable[[_Geometry, float, float], int]) -> list[Panel]:
    """Panels for ``[a, b]``, by greedy bisection: a panel gets the rectangle half-height B
    (from ``heights``) that needs the fewest nodes, and is halved while the two halves need
    fewer nodes together (or it exceeds the node cap). ``sigma_box(re_lo, re_hi, B)`` bounds
    the activation-and-weight factor on a rectangle; ``need(geometry, B, that bound)`` is
    the planned number of nodes. Raises :class:`NotBoundable` when some piece has no finite
    bound on any rectangle."""

    def best(lo: float, hi: float) -> Panel | None:
        ends = _ends(cut(lo), cut(hi))
        with workprec(64):
            lo_b, hi_b = ends()
        found: Panel | None = None
        for big_b in heights:
            geo = _geometry(lo_b, hi_b, big_b)
            ms = sigma_box(geo.re_lo, geo.re_hi, big_b)
            if ms is None:
                continue
            # the plan works with log M (a bound can be far below the double range)
            n = max(1, need(geo, big_b, float(ms.log().upper()))) if ms > 0 else 1
            if found is None or n < found.n:
                found = Panel(lo_b, hi_b, right, left, n, geo.rho, geo.x_lo, arb(big_b),
                              ms, ends)
        return found

    def plan(lo: float, hi: float, own: Panel | None, depth: int) -> list[Panel] | None:
        if depth >= _MAX_DEPTH or (own is not None and own.n <= _SPLIT_ABOVE):
            return [own] if own is not None else None
        mid = lo + (hi - lo) / 2
        one, two = best(lo, mid), best(mid, hi)
        if (own is None or own.n > MAX_NODES_PER_PANEL
                or (one is not None and two is not None and one.n + two.n < own.n)):
            first, second = plan(lo, mid, one, depth + 1), plan(mid, hi, two, depth + 1)
            if first is not None and second is not None:
                return first + second
        return [own] if own is not None else None

    panels = plan(a, b, best(a, b), 0)
    if panels is None:
        raise NotBoundable("no complex box around some part of the segment "
                           f"[{a:.6g}, {b:.6g}] has a finite bound of the integrand; use the "
                           "acb.integral tier")
    for p in panels:
        p.n = min(p.n, MAX_NODES_PER_PANEL)
    return panels


def _exact_cut(x: float, exact: Sequence[tuple[Callable[[], arb], float]]) -> Callable[[], arb]:
    """The exact end at float position x: a breakpoint (or its arcsine) evaluated at the
    precision current when called, else the float itself (exact)."""
    for ball, f in exact:
        if f == x:
            return ball
    return lambda: arb(x)  # a float is an exact dyadic


def _abs_cut(b: sp.Expr) -> Callable[[], arb]:
    return lambda: abs(arb_value(b))


def _asin_cut(b: sp.Expr, r: sp.Expr) -> Callable[[], arb]:
    return lambda: (abs(arb_value(b)) / arb_value(r)).asin()


def _half_pi() -> arb:
    return arb.pi() / 2


def _ends(lo: Callable[[], arb], hi: Callable[[], arb]) -> Callable[[], tuple[arb, arb]]:
    return lambda: (lo(), hi())


# ---------------------------------------------------------------------------------------------
# The Gaussian pass.

def gaussian_pass(act: Activation, max_degree: int, log_tol: Sequence[float], *, prec: int,
                  fixed_nodes: int | None = None, length: int | None = None) -> EnginePass:
    """One pass of the engine for ``c_0..c_max_degree`` (see the module docstring).

    ``log_tol[k]`` is the natural log of the absolute error the plan aims at for ``c_k``
    (quadrature and tail each get a quarter); ``prec`` the working precision in bits;
    ``fixed_nodes``, if given, forces that many nodes on every panel (the error bound then
    says what they are worth); ``length``, if given, is the cut-off L (an integer at least
    :func:`verify.hermite.min_cutoff`, checked by the caller), else the smallest one whose
    Cramer tail is below a quarter of the smallest tolerance. Guarantee: every ball of
    ``balls()`` contains its ``c_k`` whatever the plan. Raises :class:`NotBoundable` when no
    panel plan has finite bounds.
    """
    if len(log_tol) != max_degree + 1:
        raise ValueError(f"log_tol has {len(log_tol)} entries; must have max_degree + 1")
    from .hermite import min_cutoff, tail_bound

    worst = min(log_tol) - math.log(4)
    with workprec(64):
        if length is None:
            length = max(min_cutoff(act), 1)
            while (float(tail_bound(act, length).log().upper()) > worst
                   and length < MAX_CUTOFF):
                length += 1
        tail = arb(tail_bound(act, length).upper())
    ks = np.arange(max_degree + 1)
    tols = np.asarray(log_tol, dtype=float)
    top = sp.Integer(length)
    inner = {abs(b) for b in act.breakpoints if bool(0 < abs(b)) and bool(abs(b) < top)}
    exact = [(_abs_cut(b), float(b)) for b in inner]
    panels: list[Panel] = []
    for x_a, a, x_b, b in _cells({sp.Integer(0), top, *inner}, float, act):
        mid = (x_a + x_b) / 2
        i_right, i_left = _piece_at(act, mid), _piece_at(act, -mid)
        right, left = act.acb_piece(i_right), act.acb_piece(i_left)

        def sigma_box(re_lo: arb, re_hi: arb, yb: float, right=right, left=left
                      ) -> arb | None:
            pieces = max(2, math.ceil(float(re_hi - re_lo) / max(yb, 0.25)))
            one = _box_bound(lambda z: right(z, True), re_lo, re_hi, yb, pieces)
            two = _box_bound(lambda z: left(-z, True), re_lo, re_hi, yb, pieces)
            return None if one is None or two is None else one + two

        def need(geo: _Geometry, yb: float, log_ms: float) -> int:
            if fixed_nodes is not None:
                return fixed_nodes
            lr = float(geo.rho)
            _, logm = _mehler_float_table(float(geo.x_lo), yb, ks)
            lc = (math.log(64 / 15 * float(geo.h_up) * lr * lr / (lr * lr - 1)) + log_ms + logm
                  + math.log(4 * 64) - tols)
            return max(1, math.ceil(float(np.max(lc)) / (2 * math.log(lr))))

        panels += _plan_segment(a, b, (3.0, 2.0, 1.0, 0.5, 0.25),
                                lambda x: _exact_cut(x, exact), i_right, i_left, sigma_box, need)
    sums = _gaussian_sums(act, panels, max_degree, prec)
    quad = _gaussian_quadrature_bounds(panels, max_degree)
    return EnginePass(sums, quad, tail, panels, prec, float(length))


def _gaussian_sums(act: Activation, panels: list[Panel], max_degree: int, prec: int
                   ) -> list[arb]:
    with workprec(prec):
        xs_parts, even, odd = [], [], []
        inv_root = 1 / (2 * arb.pi()).sqrt()
        for p in panels:
            t, w = gauss_legendre(p.n)
            lo, hi = p.ends()
            c, h = (hi + lo) / 2, (hi - lo) / 2
            x = [c + h * ti for ti in t]
            sr = _piece_at_nodes(act, p.right, x)
            sl = _piece_at_nodes(act, p.left, [-xi for xi in x])
            xa = np.array(x, dtype=object)
            weight = np.array([h * wi * inv_root for wi in w], dtype=object)
            weight = weight * _map(arb.exp, -xa * xa / 2)
            xs_parts.append(xa)
            even.append(weight * (sr + sl))
            odd.append(weight * (sr - sl))
        # h_{k+1} = x h_k / sqrt(k+1) - sqrt(k/(k+1)) h_{k-1}
        return _folded_sums(np.concatenate(xs_parts), np.concatenate(even),
                            np.concatenate(odd), max_degree,
                            lambda k: (1 / arb(k + 1).sqrt(), (arb(k) / (k + 1)).sqrt()))


def _dot(u: np.ndarray, v: np.ndarray) -> arb:
    total = np.dot(u, v)
    return total if isinstance(total, arb) else arb(total)


def _gaussian_quadrature_bounds(panels: list[Panel], max_degree: int) -> list[arb]:
    ks = np.arange(max_degree + 1)
    total = [arb(0)] * (max_degree + 1)
    with workprec(64):
        t_balls = [arb(float(t)) for t in _T_GRID]
        for p in panels:
            if p.sigma_bound == 0:
                continue
            h = arb(((p.hi - p.lo) / 2).upper())
            const = legendre_error_bound(h, p.rho, p.n, p.sigma_bound)
            best, _ = _mehler_float_table(float(p.x_lo), float(p.y_hi), ks)
            for k in range(max_degree + 1):
                logm = mehler_log_bound(k, p.x_lo, p.y_hi, t_balls[best[k]])
                total[k] = total[k] + const * logm.exp()
        return [arb(v.upper()) for v in total]


# ---------------------------------------------------------------------------------------------
# The sphere pass.

def sphere_pass(act: Activation, max_degree: int, log_tol: Sequence[float], *, d: int,
                r: sp.Rational, prec: int, fixed_nodes: int | None = None) -> EnginePass:
    """One pass for ``a_0..a_max_degree`` on S^{d-1} at radius r (as :func:`gaussian_pass`;
    the interval ``u in [0, pi/2]`` is compact, so ``tail`` is 0)."""
    if len(log_tol) != max_degree + 1:
        raise ValueError(f"log_tol has {len(log_tol)} entries; must have max_degree + 1")
    ks = np.arange(max_degree + 1, dtype=float)
    tols = np.asarray(log_tol, dtype=float)
    with workprec(64):
        r_ball = arb_value(r)
    # cuts are x positions |b| (decided 0 < |b| < r exactly), mapped to u = asin(|b|/r)
    inner = {abs(b) for b in act.breakpoints if bool(0 < abs(b)) and bool(abs(b) < r)}
    half_pi = math.pi / 2

    def u_float(x: sp.Expr) -> float:
        if x == 0:
            return 0.0
        if x == r:
            return half_pi
        with workprec(128):
            return float(_asin_cut(x, r)().mid())

    exact: list[tuple[Callable[[], arb], float]] = [(_asin_cut(b, r), u_float(b))
                                                    for b in inner]
    exact.append((_half_pi, half_pi))
    log_cd = float(sphere_marginal_constant(d).log().upper())
    panels: list[Panel] = []
    for x_a, a, x_b, b in _cells({sp.Integer(0), sp.sympify(r), *inner}, u_float, act):
        mid = (x_a + x_b) / 2  # r sin u is increasing: the x cell of the u cell (a, b)
        i_right, i_left = _piece_at(act, mid), _piece_at(act, -mid)
        right, left = act.acb_piece(i_right), act.acb_piece(i_left)

        def integrand_box(re_lo: arb, re_hi: arb, yb: float, right=right, left=left
                          ) -> arb | None:
            pieces = max(2, math.ceil(float(re_hi - re_lo) / max(yb, 0.01)))

            def f(z: acb, right=right, left=left) -> acb:
                s = r_ball * z.sin()
                size = acb(abs(right(s, True)).abs_upper() + abs(left(-s, True)).abs_upper())
                return size * acb(z.cos().abs_upper()) ** (d - 2)
            return _box_bound(f, re_lo, re_hi, yb, pieces)

        def need(geo: _Geometry, yb: float, log_ms: float) -> int:
            if fixed_nodes is not None:
                return fixed_nodes
            lr = float(geo.rho)
            lc = (math.log(64 / 15 * float(geo.h_up) * lr * lr / (lr * lr - 1)) + log_ms
                  + log_cd + ks * yb
                  + math.log(4 * 4 * math.pi) - tols)
            return max(1, math.ceil(float(np.max(lc)) / (2 * math.log(lr))))

        scale = max(max_degree, 1)
        heights = sorted({*(min(bb / scale, 1.5) for bb in (1, 2, 4, 8, 16, 32, 64, 128)),
                          0.25, 0.5, 1.0, 1.5})
        panels += _plan_segment(a, b, heights, lambda x: _exact_cut(x, exact), i_right,
                                i_left, integrand_box, need)
    sums = _sphere_sums(act, panels, max_degree, d, r, prec)
    with workprec(64):
        cd = sphere_marginal_constant(d)
        quad = [arb(0)] * (max_degree + 1)
        for p in panels:
            if p.sigma_bound == 0:
                continue
            h = arb(((p.hi - p.lo) / 2).upper())
            const = cd * legendre_error_bound(h, p.rho, p.n, p.sigma_bound)
            growth = p.y_hi.exp()
            power = arb(1)
            for k in range(max_degree + 1):
                quad[k] = quad[k] + const * power
                power = power * growth
        quad = [arb(q.upper()) for q in quad]
    return EnginePass(sums, quad, arb(0), panels, prec, half_pi)


def _sphere_sums(act: Activation, panels: list[Panel], max_degree: int, d: int,
                 r: sp.Rational, prec: int) -> list[arb]:
    with workprec(prec):
        r_ball = arb_value(r)
        cd = sphere_marginal_constant(d)
        ts, even, odd = [], [], []
        for p in panels:
            nodes, w = gauss_legendre(p.n)
            lo, hi = p.ends()
            c, h = (hi + lo) / 2, (hi - lo) / 2
            u = np.array([c + h * ui for ui in nodes], dtype=object)
            t = _map(arb.sin, u)
            x = list(r_ball * t)
            sr = _piece_at_nodes(act, p.right, x)
            sl = _piece_at_nodes(act, p.left, [-xi for xi in x])
            weight = np.array([cd * h * wi for wi in w], dtype=object)
            if d > 2:
                weight = weight * _ipow(_map(arb.cos, u), d - 2)
            ts.append(t)
            even.append(weight * (sr + sl))
            odd.append(weight * (sr - sl))
        # P_{k+1} = ((2k + d - 2) t P_k - k P_{k-1}) / (k + d - 2)
        return _folded_sums(np.concatenate(ts), np.concatenate(even), np.concatenate(odd),
                            max_degree,
                            lambda k: (arb(2 * k + d - 2) / (k + d - 2), arb(k) / (k + d - 2)))



def _folded_sums(nodes: np.ndarray, even: np.ndarray, odd: np.ndarray, max_degree: int,
                 step: Callable[[int], tuple[arb, arb]]) -> list[arb]:
    """``sum_i w_i p_k(x_i)`` for k = 0..max_degree over folded nodes: ``even`` weights for
    even k, ``odd`` for odd k, and ``p_0 = 1``, ``p_1 = x``, ``p_{k+1} = a x p_k - b p_{k-1}``
    with ``(a, b) = step(k)`` -- the shared recurrence loop of both tiers (vectorised over
    the nodes, object arrays of balls)."""
    out = [arb(0)] * (max_degree + 1)
    prev = np.array([arb(1)] * len(nodes), dtype=object)
    cur = nodes
    out[0] = _dot(even, prev)
    if max_degree >= 1:
        out[1] = _dot(odd, cur)
    for k in range(1, max_degree):
        a, b = step(k)
        prev, cur = cur, (nodes * a) * cur - b * prev
        out[k + 1] = _dot(even if (k + 1) % 2 == 0 else odd, cur)
    return [+v for v in out]


# ---------------------------------------------------------------------------------------------
# The precision driver.

def recurrence_loss_bits(kind: str, max_degree: int, *, length: float = 0.0, d: int = 3
                         ) -> int:
    """The known loss (bits, with a 16-bit margin) of the ball recurrence up to
    ``max_degree`` over real nodes, which callers pass as ``extra`` to
    :func:`verify.numbers.guard_bits` (the one precision policy): the radius grows like the
    recurrence run on absolute values, ``|h_k(i x)| ~ e^{x sqrt k}`` (Gaussian, damped by
    ``phi``: at most ``max_x (x sqrt k - x^2/2)/ln 2 <= 0.73 k`` bits) or
    ``(|t| + sqrt(1 + t^2))^k`` (sphere, damped by ``cos^{d-2} u``; ``d = 2``: no damping,
    ``log2(1 + sqrt 2) ~ 1.27`` bits per degree, the loss at complex points near the segment
    too).

    >>> recurrence_loss_bits("sphere", 100, d=2)
    143
    """
    k = max_degree
    if kind == "gaussian":
        x = min(length, math.sqrt(k)) if length else math.sqrt(k)
        return int((x * math.sqrt(k) - x * x / 2) / math.log(2)) + 16
    u = np.linspace(0, math.pi / 2, 2001)[:-1]
    t = np.sin(u)
    with np.errstate(divide="ignore"):
        growth = k * np.log2(t + np.sqrt(1 + t * t)) + (d - 2) * np.log2(np.cos(u))
    return int(max(0.0, float(np.max(growth)))) + 16


def drive(k_values: Sequence[int], digits: int, attempts: int, estimate: Sequence[float],
          run: Callable[[int, list[float], int], EnginePass],
          guard: Callable[[int], int], *, describe: Callable[[EnginePass], str] | None = None,
          fixed_tail: bool = False
          ) -> tuple[dict[int, arb], dict[int, bool], dict[int, str]]:
    """The precision driver shared by both tiers.

    ``run(max_degree, log_tol, prec)`` makes one pass; ``estimate[k]`` steers the first one
    (a guess of ``log |c_k|``, natural log, never trusted). Each attempt plans for absolute
    error ``10**-digits * m_k / 8`` with ``m_k`` the current magnitude estimate (kept as a
    log: any exponent); a ball that misses its digits gets ``m_k = |mid|/2`` (ball away from
    0) or ``m_k * 1e-8`` (or half a precise quadrature sum) and more bits next time.
    ``fixed_tail``: the passes' tail bound cannot shrink (an explicit cut-off), so a degree
    whose tail alone exceeds ``10**-digits`` times its ball's largest modulus is not
    retried (no pass could meet the digits). Returns the last finite ball per k, whether it
    met ``digits`` (:func:`verify.numbers.meets_digits`), and a method string
    (``describe(pass)``, or the default).
    """
    todo = sorted(set(k_values))
    logm = {k: max(float(estimate[k]), -_LOG_FLOOR) for k in todo}
    ln8, ln10 = math.log(8), math.log(10)
    balls: dict[int, arb] = {}
    met: dict[int, bool] = {}
    how: dict[int, str] = {}
    extra = 0
    for attempt in range(attempts):
        if not todo:
            break
        top = max(todo)
        wanted = set(todo)
        # degrees not asked for (symmetry zeros, met ones) get a loose tolerance: no nodes
        log_tol = [(-digits * ln10 + logm[k] - ln8 - 6.0 * attempt)
                   if k in wanted else 50.0 for k in range(top + 1)]
        lowest = min(log_tol[k] for k in todo)
        # the bits of the smallest absolute tolerance, the recurrence's known loss and the
        # driver's own additions, on top of the policy's guard bits (numbers.guard_bits)
        prec = guard_bits(0, extra=int(-lowest / math.log(2)) + guard(top) + 4 + extra)
        if prec > MAX_PREC_BITS:
            break
        result = run(top, log_tol, prec)
        out = result.balls()
        worst_arith = 0.0
        still = []
        for k in todo:
            ball = out[k]
            if ball.is_finite():
                balls[k] = ball
                how[k] = describe(result) if describe is not None else (
                    f"certified: shared-node Gauss-Legendre with proved error bound "
                    f"({len(result.panels)} panels, {result.nodes} nodes, {prec} bits)")
            if ball.is_finite() and meets_digits(ball, digits):
                met[k] = True
                continue
            met[k] = False
            if fixed_tail and ball.is_finite() and tail_dominates(result.tail, ball, digits):
                continue  # the fixed tail alone is wider than the digits allow: give up on k
            still.append(k)
            if ball.is_finite() and not ball.contains(0):
                logm[k] = min(logm[k], _ln_abs(ball.mid()) - math.log(2))
            else:
                # a precise quadrature sum is a good guess of the size even when the
                # error bound is loose (a guess only: it steers the next plan)
                quad_sum = result.sums[k]
                guess = logm[k] - 8 * ln10
                if quad_sum.is_finite() and 100 * quad_sum.rad() < abs(quad_sum.mid()):
                    guess = min(guess, _ln_abs(quad_sum.mid()) - math.log(2))
                logm[k] = max(guess, -_LOG_FLOOR)
            quad_sum = result.sums[k]
            if not quad_sum.is_finite():  # a NaN/infinite sum: many more bits
                worst_arith = max(worst_arith, prec / 2)
            elif quad_sum.rad() > 0:  # the sum's own radius above a quarter of its tolerance
                gap = (_ln_abs(arb(quad_sum.rad())) - log_tol[k]) / math.log(2)  # log2(rad/tol)
                if gap > -2:
                    worst_arith = max(worst_arith, min(gap + 8, float(prec)))
        extra += int(worst_arith) + (16 if still else 0)
        todo = still
    return balls, met, how


def tail_dominates(tail: arb, ball: arb, digits: int) -> bool:
    """``tail > 10**-digits * max|ball|``: a ball whose radius includes ``tail`` (and every
    later one, at a fixed cut-off) cannot meet ``digits`` relative digits, whatever the rest
    of its radius (a stopping rule only: it never makes a status True).

    >>> tail_dominates(arb(1) / 10, arb(1, arb(1) / 10), 5), tail_dominates(arb(0), arb(1), 5)
    (True, False)
    """
    with workprec(64):
        return bool(tail > arb(10) ** (-digits) * arb(abs(ball).upper()))


def _log_magnitudes(values: np.ndarray, forced: set[int]) -> list[float]:
    """A guess of ``log |c_k|`` from float values (reliable above ~1e-12 of the largest):
    beyond the last reliable degree, extrapolate ``log|c_k|`` linearly in ``sqrt k`` or in k
    (a guess only). Natural logs, any size: a coefficient far below the double range (sigmoid
    a_300 at d = 1000 is ~1e-900) gets its guess too."""
    vals = np.abs(np.asarray(values, dtype=float))
    scale = max(float(np.max(vals)) if len(vals) else 1.0, 1e-300)
    floor = math.log(1e-12 * max(scale, 1))
    good = [k for k in range(len(vals)) if k not in forced and vals[k] > 1e-12 * max(scale, 1)]
    out = [math.log(v) if v > 0 else floor for v in vals]
    tail = [k for k in good if k >= 2][-12:]

    def model(k: float) -> float:
        return icpt + slope * (math.sqrt(k) if root else k)

    root, slope, icpt = True, -3.0, floor
    if len(tail) >= 3:
        ys = np.log(vals[tail])
        fits = []
        for use_root in (True, False):  # log|c_k| linear in sqrt(k) or in k: the better fit
            xs = np.array(tail, dtype=float)
            xs = np.sqrt(xs) if use_root else xs
            coef, res, *_ = np.polyfit(xs, ys, 1, full=True)
            fits.append((float(res[0]) if len(res) else 0.0, use_root, coef))
        _, root, (slope, icpt) = min(fits, key=lambda f: f[0])
        slope = min(float(slope), -0.1)
    last = good[-1] if good else -1
    for k in range(len(vals)):
        if k > last or vals[k] <= 1e-12 * max(scale, 1):
            out[k] = max(min(model(k) + math.log(1e-3), floor), -_LOG_FLOOR)
    return out


#: The smallest ``log |c_k|`` the driver plans for (e^-10^6: far below any reachable ball).
_LOG_FLOOR = 1e6


def _ln_abs(x: arb) -> float:
    """``log |x|`` as a float for a finite ball of any exponent (``-inf`` for an exact 0)."""
    if x == 0:
        return -math.inf
    with workprec(64):
        return float(abs(x).log().mid())


def _check_degrees(degrees: Sequence[int] | None, max_degree: int) -> list[int]:
    if degrees is None:
        return list(range(max_degree + 1))
    if isinstance(degrees, str | bytes) or not hasattr(degrees, "__iter__"):
        raise TypeError(f"degrees={degrees!r} must be a sequence of degrees")
    out = sorted({check_degree(k, name="degrees", cap=max_degree) for k in degrees})
    if not out:
        raise ValueError("degrees=[] must name at least one degree")
    return out


def _check_attempts(attempts: object) -> int:
    if isinstance(attempts, bool) or not isinstance(attempts, int | np.integer):
        raise TypeError(f"attempts={attempts!r} must be a positive integer, e.g. 5")
    if not 1 <= attempts <= 20:
        raise ValueError(f"attempts={attempts} must be from 1 to 20; use e.g. 5")
    return int(attempts)


# ---------------------------------------------------------------------------------------------
# Public entry points.

def gaussian_coefficients(act: Activation | str, max_degree: int, *, digits: int = 15,
                          attempts: int = DEFAULT_ATTEMPTS, degrees: Sequence[int] | None = None,
                          cutoff: int | None = None) -> list[Coefficient]:
    """``[c_0, ..., c_max_degree]``, ``c_k = E[sigma(g) h_k(g)]``, all on shared nodes.

    With ``degrees`` (a subset of ``0..max_degree``) only those coefficients are asked for
    (the others get no node budget) and returned, in increasing order. With ``cutoff`` (an
    integer L from :func:`verify.hermite.min_cutoff` to :data:`MAX_CUTOFF`) the integral
    stops at ``|x| = L`` and Cramer's tail bound at L is added, whatever the digits (they may
    then be out of reach: ``met`` says so); by default L is the smallest cut-off whose tail
    is below a quarter of the tolerance.

    Definition: ``g ~ N(0,1)``, ``h_k = He_k/sqrt(k!)`` (probabilists' Hermite, normalized;
    :mod:`verify.conventions`). Guarantee: every ball contains ``c_k``; ``met`` is True exactly
    when the ball meets ``digits`` relative digits (:func:`verify.numbers.meets_digits`); a
    coefficient a proved symmetry makes zero is exact (tier ``"exact"``). When the digits are
    not reached within ``attempts`` passes (or the precision cap), the last valid ball is
    returned with ``met=False``; should no finite ball come out at all, the Cauchy-Schwarz
    ball ``[0 +- sqrt(E[sigma^2])]``.

    Raises TypeError/ValueError for a bad activation, degree, digits or attempts, and
    :class:`NotBoundable` for an activation whose pieces have no finite complex-box bound
    (the certified tier then uses :func:`verify.hermite.certified_coefficient_acb`).

    >>> from verify.activations import activation
    >>> c = gaussian_coefficients(activation("tanh"), 5, digits=30)
    >>> c[1].met, c[4].exact is not None
    (True, True)
    """
    from .activations import check_activation, symmetry_zero
    from .hermite import check_cutoff, float_coefficients

    act = check_activation(act)
    max_degree = check_degree(max_degree, name="max_degree", cap=MAX_DEGREE)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    attempts = _check_attempts(attempts)
    wanted = _check_degrees(degrees, max_degree)
    length = None if cutoff is None else check_cutoff(act, cutoff)
    forced = {k: symmetry_zero(act, k) for k in wanted}
    todo = [k for k, v in forced.items() if v is None]
    try:
        est = float_coefficients(act, max_degree)
    except (ValueError, TypeError, ArithmeticError):  # only steers the plan: never trusted
        est = np.ones(max_degree + 1)
    mags = _log_magnitudes(est, {k for k in range(max_degree + 1)
                             if symmetry_zero(act, k) is not None})

    def run(top: int, log_tol: list[float], prec: int) -> EnginePass:
        return gaussian_pass(act, top, log_tol, prec=prec, length=length)

    def describe(p: EnginePass) -> str:
        return (f"certified: shared-node Gauss-Legendre with proved error bound on [0, "
                f"{p.length:g}] ({len(p.panels)} panels, {p.nodes} nodes, {p.prec} bits) + "
                f"Cramer tail")

    def loss(top: int) -> int:
        return recurrence_loss_bits("gaussian", top, length=_length_guess(top))

    balls, met, how = drive(todo, digits, attempts, mags, run, loss, describe=describe,
                            fixed_tail=length is not None)
    return _assemble(act, wanted, digits, forced, balls, met, how, _gaussian_fallback)


def _length_guess(top: int) -> float:
    return 2 * math.sqrt(top + 1) + 12


def sphere_coefficients(act: Activation | str, max_degree: int, *, d: int, r: object = 1,
                        digits: int = 15, attempts: int = DEFAULT_ATTEMPTS,
                        degrees: Sequence[int] | None = None) -> list[Coefficient]:
    """``[a_0, ..., a_max_degree]``, ``a_k = E[sigma(r t) P_{k,d}(t)]``, on shared nodes
    (``degrees`` as in :func:`gaussian_coefficients`).

    Definition: t is one coordinate of a uniform point on S^{d-1} (density
    ``c_d (1-t^2)^{(d-3)/2}``), ``P_{k,d} = C_k^lam/C_k^lam(1)``, ``lam = (d-2)/2``,
    ``P_{k,2} = T_k``; computed as ``c_d int_0^{pi/2} (sigma(r sin u) +- sigma(-r sin u))
    P_{k,d}(sin u) cos^{d-2} u du``. Guarantee, status and fallbacks as in
    :func:`gaussian_coefficients` (the Cauchy-Schwarz ball is ``sqrt(E[sigma(r t)^2]/N(d,k))``).
    Raises TypeError/ValueError for bad inputs (``d >= 2``, rational ``r > 0``) and
    :class:`NotBoundable` as there.

    >>> from verify.activations import activation
    >>> a = sphere_coefficients(activation("relu"), 2, d=3, digits=20)
    >>> [x.ball.overlaps(v) for x, v in zip(a, [arb(1) / 4, arb(1) / 6, arb(1) / 16])]
    [True, True, True]
    """
    from .activations import check_activation, symmetry_zero
    from .gegenbauer import check_radius, gegenbauer_float

    act = check_activation(act)
    max_degree = check_degree(max_degree, name="max_degree", cap=MAX_DEGREE)
    d = check_dimension(d)
    radius = check_radius(r)
    digits = check_digits(digits, guard=GUARD_ALLOWANCE)
    attempts = _check_attempts(attempts)
    wanted = _check_degrees(degrees, max_degree)
    forced = {k: symmetry_zero(act, k) for k in wanted}
    todo = [k for k, v in forced.items() if v is None]
    try:
        est = gegenbauer_float(act, max_degree, d=d, r=radius)
    except (ValueError, TypeError, ArithmeticError):  # only steers the plan: never trusted
        est = np.ones(max_degree + 1)
    mags = _log_magnitudes(est, {k for k in range(max_degree + 1)
                             if symmetry_zero(act, k) is not None})

    def run(top: int, log_tol: list[float], prec: int) -> EnginePass:
        return sphere_pass(act, top, log_tol, d=d, r=radius, prec=prec)

    def describe(p: EnginePass) -> str:
        return (f"certified: shared-node Gauss-Legendre in u = asin(t) with proved error "
                f"bound ({len(p.panels)} panels, {p.nodes} nodes, {p.prec} bits)")

    def fallback(k: int) -> arb:
        from .gegenbauer import sphere_second_moment

        mass = sphere_second_moment(act, d=d, r=radius, digits=min(digits, 30))
        if not mass.is_finite():
            raise NonFiniteBall(f"E[sigma(r t)^2] of {act.name} is not finite; a bug in verify")
        return arb(0, (_clamped_upper(mass) / harmonic_dimension(d, k)).sqrt().upper())

    balls, met, how = drive(todo, digits, attempts, mags, run,
                            lambda top: recurrence_loss_bits("sphere", top, d=d), describe=describe)
    return _assemble(act, wanted, digits, forced, balls, met, how,
                     lambda _act, k, _digits: fallback(k))


def _gaussian_fallback(act: Activation, k: int, digits: int) -> arb:
    from .hermite import second_moment  # one acb.integral, not the engine: no recursion

    mass = second_moment(act, digits=min(digits, 30))
    if not mass.is_finite():
        raise NonFiniteBall(f"E[sigma^2] of {act.name} is not a finite ball; a bug in verify")
    return arb(0, _clamped_upper(mass).sqrt().upper())


def _clamped_upper(x: arb) -> arb:
    """The upper end of a ball known to contain a non-negative number, clamped at 0."""
    top = arb(x.upper())
    return top if top > 0 else arb(0)


def _assemble(act: Activation, wanted: list[int], digits: int, forced: dict, balls: dict,
              met: dict, how: dict, fallback: Callable[[Activation, int, int], arb]
              ) -> list[Coefficient]:
    out = []
    with workprec(guard_bits(digits, extra=10)):
        for k in wanted:
            if forced[k] is not None:
                out.append(Coefficient(k, "exact", forced[k].ball(), forced[k],
                                       "exact value from a proved symmetry", True))
            elif k in balls:
                out.append(Coefficient(k, "certified", balls[k], None, how[k], met[k]))
            else:
                out.append(Coefficient(k, "certified", fallback(act, k, digits), None,
                                       "certified: no finite engine ball; Cauchy-Schwarz bound",
                                       False))
    return out
