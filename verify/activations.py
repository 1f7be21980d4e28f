"""Activations: one SymPy expression in ``x`` each, and what the tiers need to know about it.

An :class:`Activation` knows

* how to evaluate itself in numpy (float tier), in Arb balls piece by piece (certified tier)
  and in SymPy (exact tier);
* its **pieces**: the real line cut at its breakpoints (kinks and jumps) into open intervals on
  which it is analytic, and whether each piece is a polynomial with rational coefficients
  (then the exact tier applies);
* its **parity**: whether its odd part vanishes, and whether its even part is a constant
  (sigmoid: 1/2), which makes the Hermite coefficients of the other parity exactly zero;
* its **growth**: a proved bound ``|sigma(x)| <= (A + B |x|**p) e^{C|x|}`` beyond its last
  breakpoint, which is what
  makes the Gaussian tail of every integral provable. The bound is derived structurally from the
  expression tree (bounded functions, sums, products, powers, ``1/(c + nonneg)``), never guessed
  from samples; an expression whose growth cannot be bounded is rejected with the reason.

Registered names: relu, leaky_relu, abs, sign, step, hardtanh, sigmoid, tanh, erf, softplus,
gelu, silu; parameterized: ``leaky_relu(slope=...)``, ``relu_power(p=...)``; any other
expression in ``x`` through :func:`activation`.

>>> relu = activation("relu")
>>> relu.expr, [str(b) for b in relu.breakpoints], relu.is_piecewise_polynomial
(Max(0, x), ['0'], True)
>>> s = activation("sigmoid")
>>> s.odd_part_zero, s.even_part_constant, s.growth
(False, 1/2, Growth(a=1, b=0, p=0))
>>> activation("exp(x)").growth
Growth(a=1, b=0, p=0, c=1)
>>> activation("exp(x**2)")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: activation='exp(x**2)' must be in L2(N(0,1)): ... of sub-Gaussian growth
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import sympy as sp
from flint import acb, fmpq

from .budget import ProofTimeout, time_limit
from .expressions import SYMBOLS, compile_acb, parse
from .numbers import ExactValue

X = SYMBOLS["x"]
#: Seconds for each symbolic parity proof of an activation (not finishing = not proved).
_PARITY_SECONDS = 4
#: Largest constant A in a growth bound e^{A + B|x|}: e^700 is near the top of the doubles.
_EXP_CONSTANT_CAP = sp.Integer(700)


@dataclass(frozen=True)
class Growth:
    """A proved bound ``|sigma(x)| <= (a + b*|x|**p) * exp(c*|x|)`` beyond the last breakpoint.

    Only the two unbounded pieces matter: the tiers integrate exactly or in balls up to a cut-off
    ``L`` beyond every breakpoint, and this bound controls what lies past ``L``. Any ``c`` keeps
    the activation in L2(N(0,1)), since the Gaussian weight beats every exponential of |x|.
    """

    a: sp.Rational
    b: sp.Rational
    p: sp.Rational
    c: sp.Rational = sp.Integer(0)

    @property
    def bounded(self) -> bool:
        return (self.b == 0 or self.p == 0) and self.c == 0

    def __repr__(self) -> str:
        tail = f", c={self.c}" if self.c != 0 else ""
        return f"Growth(a={self.a}, b={self.b}, p={self.p}{tail})"


@dataclass(frozen=True)
class Piece:
    """``sigma(x) = expr`` for ``lo < x < hi``; ``expr`` is analytic there."""

    lo: sp.Expr
    hi: sp.Expr
    expr: sp.Expr

    @cached_property
    def polynomial(self) -> list[fmpq] | None:
        """Power-basis coefficients (constant first) if ``expr`` is a rational polynomial."""
        if not self.expr.is_polynomial(X):
            return None
        coeffs = sp.Poly(self.expr, X).all_coeffs()[::-1]
        if not all(c.is_Rational for c in coeffs):
            return None
        return [fmpq(int(c.p), int(c.q)) for c in coeffs]


@dataclass(frozen=True)
class Activation:
    """An activation and its facts. Build with :func:`activation`."""

    name: str
    expr: sp.Expr
    pieces: tuple[Piece, ...]
    growth: Growth
    odd_part_zero: bool
    even_part_constant: sp.Expr | None
    #: alpha with sigma(x) - sigma(-x) = 2 alpha x (odd part linear: relu 1/2), else None.
    odd_part_slope: sp.Expr | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def breakpoints(self) -> tuple[sp.Expr, ...]:
        return tuple(p.hi for p in self.pieces[:-1])

    @property
    def is_piecewise_polynomial(self) -> bool:
        """True when every piece is a rational polynomial and every breakpoint is rational."""
        return all(p.polynomial is not None for p in self.pieces) and all(
            b.is_Rational for b in self.breakpoints
        )

    @property
    def even_part_zero(self) -> bool:
        return self.even_part_constant is not None and self.even_part_constant == 0

    def numpy(self, x: np.ndarray) -> np.ndarray:
        """Evaluate in doubles (no guarantee)."""
        if "numpy" not in self._cache:
            self._cache["numpy"] = _lambdify(self.expr)
        out = np.asarray(self._cache["numpy"](np.asarray(x, dtype=float)), dtype=float)
        return np.broadcast_to(out, np.shape(x)).copy() if out.shape != np.shape(x) else out

    def acb_piece(self, i: int) -> Callable[[acb, bool], acb]:
        """Piece ``i`` compiled for ``acb.integral`` (checks analyticity when asked)."""
        key = f"acb{i}"
        if key not in self._cache:
            self._cache[key] = compile_acb(self.pieces[i].expr, X)
        fn: Callable[[acb, bool], acb] = self._cache[key]
        return fn

    def __str__(self) -> str:
        return self.name


def _lambdify(expr: sp.Expr) -> Callable[[np.ndarray], np.ndarray]:
    # The expression was built from a whitelist by expressions.parse, so the code lambdify
    # prints and compiles contains only numpy/scipy calls of known functions. SciPy is imported
    # only for erf/erfc, when such a float evaluator is first needed: exact commands and the
    # other activations never pay for it (about 0.2 s).
    u = sp.Wild("u")
    softplus = sp.Function("logaddexp0")
    stable = expr.replace(sp.log(1 + sp.exp(u)), softplus(u))  # no overflow at large x
    special: dict[str, Any] = {}
    if stable.has(sp.erf, sp.erfc):
        import scipy.special

        special = {"erf": scipy.special.erf, "erfc": scipy.special.erfc}
    modules: list[Any] = [
        {**special,
         "Heaviside": lambda t, h0=0.5: np.heaviside(t, 0.5),
         "logaddexp0": lambda t: np.logaddexp(0.0, t),
         # elementwise, any number of arguments (SymPy's printer builds slow tuple reductions)
         "Max": lambda *a: functools.reduce(np.maximum, a),
         "Min": lambda *a: functools.reduce(np.minimum, a)},
        "numpy",
    ]
    raw: Callable[[np.ndarray], np.ndarray] = sp.lambdify(X, stable, modules=modules)

    def fn(x: np.ndarray) -> np.ndarray:
        # exp overflowing to inf inside 1/(1 + exp(-x)) gives the right limit 0.
        with np.errstate(over="ignore"):
            return raw(x)

    return fn


# ---------------------------------------------------------------------------------------------
# Registry.

_HALF = sp.Rational(1, 2)
_REGISTERED: dict[str, Callable[..., sp.Expr]] = {
    "relu": lambda: sp.Max(X, 0),
    "leaky_relu": lambda slope="1/100": sp.Max(X, _finite_rational("slope", slope) * X),
    "abs": lambda: sp.Abs(X),
    "sign": lambda: sp.sign(X),
    "step": lambda: sp.Heaviside(X),
    "hardtanh": lambda: sp.Max(-1, sp.Min(1, X)),
    "relu_power": lambda p=2: sp.Max(X, 0) ** _positive_rational("p", p),
    "sigmoid": lambda: 1 / (1 + sp.exp(-X)),
    "tanh": lambda: sp.tanh(X),
    "erf": lambda: sp.erf(X),
    "softplus": lambda: sp.log(1 + sp.exp(X)),
    "gelu": lambda: X * (1 + sp.erf(X / sp.sqrt(2))) / 2,
    "silu": lambda: X / (1 + sp.exp(-X)),
}

def _finite_rational(name: str, value: Any) -> sp.Rational:
    if isinstance(value, float) and not np.isfinite(value):
        raise ValueError(f"{name}={value!r} must be a finite rational number, e.g. 1/100")
    try:
        out = sp.Rational(str(value))
    except (TypeError, ValueError, SyntaxError):
        raise TypeError(f"{name}={value!r} must be a rational number, e.g. 1/100") from None
    if not out.is_Rational:
        raise ValueError(f"{name}={value!r} must be a finite rational number, e.g. 1/100")
    return out


def _positive_rational(name: str, value: Any) -> sp.Rational:
    out = _finite_rational(name, value)
    if out <= 0:
        raise ValueError(f"{name}={value!r} must be positive")
    return out


#: Registered names usable on the command line (without parameters).
NAMES: tuple[str, ...] = tuple(n for n in _REGISTERED if n != "relu_power")


def activation(spec: str | sp.Expr, **params: Any) -> Activation:
    """An :class:`Activation` from a registered name (with optional parameters) or an expression.

    ``spec`` is a registered name (``"relu"``, ``"leaky_relu"`` with ``slope=``,
    ``"relu_power"`` with ``p=``, ...) or a SymPy expression in ``x`` given as a string (parsed
    safely, see :mod:`verify.expressions`) or as a SymPy object.

    Raises ValueError (unknown name, free symbols other than x, not in L2(N(0,1)), no provable
    growth bound) and TypeError (wrong parameter types).
    """
    if isinstance(spec, str) and spec in _REGISTERED:
        try:
            expr = _REGISTERED[spec](**params)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"activation={spec!r} got invalid parameters {params}: {exc}") from None
        name = spec if not params else f"{spec}({', '.join(f'{k}={v}' for k, v in params.items())})"
    elif isinstance(spec, str):
        if params:
            raise ValueError(f"activation={spec!r} takes no parameters; got {params}")
        if spec.isidentifier() and spec not in ("x",):
            raise ValueError(
                f"activation={spec!r} must be a registered name ({', '.join(NAMES)}) or an "
                "expression in x such as 'Max(x, 0)**2'"
            )
        expr = parse(spec, symbols=("x",))
        name = spec
    elif isinstance(spec, sp.Expr):
        # A user's plain sp.Symbol("x") is our x (which is declared real): same name, same
        # variable -- otherwise x*tanh(x) would "depend on x only (found x)".
        expr = spec.subs({s: X for s in spec.free_symbols
                          if isinstance(s, sp.Symbol) and s.name == "x" and s != X})
        name = str(spec)
    else:
        raise TypeError(f"activation={spec!r} must be a name, an expression string or a SymPy Expr")
    return _analyse(name, sp.sympify(expr))


def _analyse(name: str, expr: sp.Expr) -> Activation:
    free = expr.free_symbols - {X}
    if free:
        raise ValueError(
            f"activation={name!r} must depend on x only (found {', '.join(map(str, free))}); "
            "substitute numbers for the other symbols"
        )
    if not expr.has(X) and not expr.is_real:
        raise ValueError(f"activation={name!r} must be real-valued")
    pieces = _pieces(name, expr)
    growth = _growth_or_raise(name, pieces)
    # Parity facts are symbolic proofs, each within a time budget: one that SymPy does not
    # finish counts as not proved (the tiers then compute what a parity would have zeroed).
    if len(pieces) == 1:
        odd_zero, even_const = _parity(expr)
    else:
        try:
            with time_limit(_PARITY_SECONDS):
                odd_zero, even_const = _parity_of_pieces(pieces)
        except ProofTimeout:
            odd_zero, even_const = False, None
    slope: sp.Expr | None = sp.Integer(0)
    if not odd_zero:
        try:
            with time_limit(_PARITY_SECONDS):
                slope = _odd_slope(expr, pieces)
        except ProofTimeout:
            slope = None
    return Activation(name, expr, pieces, growth, odd_zero, even_const, slope)


# ---------------------------------------------------------------------------------------------
# Pieces and breakpoints.

def _pieces(name: str, expr: sp.Expr) -> tuple[Piece, ...]:
    pw = sp.piecewise_fold(expr.rewrite(sp.Piecewise))
    if not pw.has(sp.Piecewise):
        return (Piece(-sp.oo, sp.oo, expr),)
    points: set[sp.Expr] = set()
    for rel in pw.atoms(sp.core.relational.Relational):
        diff = rel.lhs - rel.rhs
        roots = sp.solveset(diff, X, sp.S.Reals)
        if not isinstance(roots, sp.FiniteSet):
            raise ValueError(
                f"activation={name!r} must have finitely many breakpoints (got {roots}); "
                "simplify its conditions"
            )
        points.update(r for r in roots if r.is_real)
    _check_separated(name, points)
    cuts = sorted(points, key=lambda r: float(r))
    edges = [-sp.oo, *cuts, sp.oo]
    pieces = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sample = _interior_rational(lo, hi)
        branch = _branch_at(pw, sample)
        pieces.append(Piece(lo, hi, sp.simplify(branch) if branch.has(sp.Piecewise) else branch))
    return tuple(pieces)


#: Breakpoints, their mirror images -b (the tiers fold x -> -x) and 0 must differ by more than
#: this, relative to their size: the tiers sort, split and fold them in double precision.
_BREAKPOINT_GAP = sp.Rational(1, 10**12)


def _check_separated(name: str, points: set[sp.Expr]) -> None:
    """Refuse breakpoints that doubles cannot tell apart. The tiers order the pieces, fold
    ``x -> -x`` and pick each panel's piece through floats, so two distinct cuts (among the
    breakpoints b, their mirrors -b and 0) that round alike would merge, and the sliver
    between them would be integrated with the wrong piece -- a wrong ball. Decided exactly
    (SymPy at 30 digits on exact differences)."""
    cuts = sorted({*points, *(-p for p in points), sp.Integer(0)}, key=lambda r: float(r))
    for a, b in zip(cuts, cuts[1:], strict=False):
        gap = abs(sp.N(b - a, 30))
        scale = max(abs(sp.N(a, 30)), abs(sp.N(b, 30)), sp.Integer(1))
        if gap <= _BREAKPOINT_GAP * scale:
            raise ValueError(
                f"activation={name!r} has breakpoints (or a breakpoint and its mirror image or 0) "
                f"{a} and {b} closer than 1e-12 relative; the tiers separate pieces in double "
                "precision: rescale x or merge the pieces"
            )


def _interior_rational(lo: sp.Expr, hi: sp.Expr) -> sp.Rational:
    if lo == -sp.oo and hi == sp.oo:
        return sp.Integer(0)
    if lo == -sp.oo:
        return sp.Integer(sp.floor(hi) - 1)
    if hi == sp.oo:
        return sp.Integer(sp.ceiling(lo) + 1)
    return sp.nsimplify((sp.Rational(str(float(lo))) + sp.Rational(str(float(hi)))) / 2)


def _branch_at(pw: sp.Expr, sample: sp.Rational) -> sp.Expr:
    if isinstance(pw, sp.Piecewise):
        for branch, cond in pw.args:
            if bool(cond.subs(X, sample)):
                return _branch_at(branch, sample)
        raise ValueError(f"no branch of {pw} covers x={sample}")
    if pw.has(sp.Piecewise):
        return pw.func(*[_branch_at(a, sample) for a in pw.args])
    return pw


# ---------------------------------------------------------------------------------------------
# Growth: |e(x)| <= A + B|x|^p, by structural induction on the expression tree.

_Bound = tuple[sp.Expr, sp.Expr, sp.Expr, sp.Expr]  # (A, B, p, c): (A + B|x|^p) e^{c|x|}
_ZERO, _ONE = sp.Integer(0), sp.Integer(1)
_BOUNDED_BY = {sp.erf: 1, sp.tanh: 1, sp.sin: 1, sp.cos: 1, sp.sign: 1, sp.Heaviside: 1,
               sp.erfc: 2, sp.atan: 2}


def _growth_or_raise(name: str, pieces: tuple[Piece, ...]) -> Growth:
    outer = [pieces[0].expr, pieces[-1].expr]
    bounds = [_bound(e) for e in outer]
    bound = None if any(b is None for b in bounds) else _either_side(bounds)
    if bound is None:
        expr = outer[0] if bounds[0] is None else outer[1]
        side = _non_square_integrable_side(expr)
        if side is not None:
            raise ValueError(
                f"activation={name!r} must be in L2(N(0,1)): sigma(x)**2*exp(-x**2/2) does not "
                f"vanish as x -> {side} (E[sigma(g)**2] is infinite); use an activation of "
                "sub-Gaussian growth"
            )
        raise ValueError(
            f"activation={name!r} has no provable bound |sigma(x)| <= A + B|x|**p (needed for "
            "the Gaussian tail bound); rewrite it with bounded functions, powers and "
            "1/(c + exp(...)) forms"
        )
    a, b, p, c = (_rational_upper(v) for v in bound)
    if b == 0:
        p = sp.Integer(0)
    return Growth(a, b, p, c)


def _either_side(bounds: list[_Bound | None]) -> _Bound:
    """One bound valid on both sides: the larger constants when the powers agree."""
    known = [b for b in bounds if b is not None]
    if len({(b[2], b[3]) for b in known}) == 1:
        return (sp.Max(*(b[0] for b in known)), sp.Max(*(b[1] for b in known)), known[0][2],
                known[0][3])
    return _sum(known)


def _rational_upper(v: sp.Expr) -> sp.Rational:
    if v.is_Rational:
        return sp.Rational(v)
    return sp.Rational(sp.ceiling(sp.N(v, 30) * 10**12), 10**12)


def _non_square_integrable_side(expr: sp.Expr) -> str | None:
    """'+oo' or '-oo' where sigma^2 phi provably does not vanish, else None."""
    for direction, label in ((sp.oo, "+oo"), (-sp.oo, "-oo")):
        try:
            lim = sp.limit(expr**2 * sp.exp(-X**2 / 2), X, direction)
        except (NotImplementedError, ValueError):
            continue
        if lim != 0:
            return label
    return None


def _normalize(terms: list[tuple[sp.Expr, sp.Expr]], c: sp.Expr = _ZERO) -> _Bound:
    """Bound sum of a_i |x|^q_i by A + B|x|^p, using |x|^q <= 1 + |x|^p for 0 <= q <= p."""
    p = max((q for a, q in terms if a != 0), default=_ZERO)
    big_a, big_b = _ZERO, _ZERO
    for a, q in terms:
        if a == 0:
            continue
        if q == 0:
            big_a += a
        elif q == p:
            big_b += a
        else:
            big_a += a
            big_b += a
    return (big_a, big_b, p if big_b != 0 else _ZERO, c)


def _sum(bounds: list[_Bound]) -> _Bound:
    """Bound of a sum: e^{c_i|x|} <= e^{c|x|} with c the largest rate."""
    c = max((b[3] for b in bounds), default=_ZERO)
    return _normalize([t for b in bounds for t in ((b[0], _ZERO), (b[1], b[2]))], c)


def _const(a: sp.Expr) -> _Bound:
    return (a, _ZERO, _ZERO, _ZERO)


def _bound(e: sp.Expr) -> _Bound | None:
    if e.is_number:
        if not e.is_real:
            return None
        return _const(sp.Abs(e))
    if e == X:
        return (_ZERO, _ONE, _ONE, _ZERO)
    if e.is_Add or e.func in (sp.Abs, sp.Max, sp.Min) or isinstance(e, sp.Piecewise):
        args = [branch for branch, _ in e.args] if isinstance(e, sp.Piecewise) else e.args
        parts = [_bound(a) for a in args]
        if any(bd is None for bd in parts):
            return None
        return _sum([bd for bd in parts if bd is not None])
    if e.is_Mul:
        acc: _Bound = _const(_ONE)
        for arg in e.args:
            bd = _bound(arg)
            if bd is None:
                return None
            acc = _product(acc, bd)
        return acc
    if e.is_Pow:
        return _bound_pow(e)
    if e.func in _BOUNDED_BY:
        return _const(sp.Integer(_BOUNDED_BY[e.func]))
    if e.func is sp.exp:
        return _bound_exp(e.args[0])
    if e.func in (sp.cosh, sp.sinh):
        return _bound_exp_abs(e.args[0])  # |cosh u|, |sinh u| <= e^{|u|}
    if e.func is sp.log:
        return _bound_log(e.args[0])
    return None


def _bound_exp(u: sp.Expr) -> _Bound | None:
    """``|exp(u)| <= 1`` when ``u <= 0``; else the bound of ``e^{|u|}``."""
    if u.is_nonpositive:
        return _const(_ONE)
    return _bound_exp_abs(u)


def _bound_exp_abs(u: sp.Expr) -> _Bound | None:
    """``e^{|u|} <= e^A e^{B|x|}`` when ``|u| <= A + B|x|`` (u of at most linear growth)."""
    bd = _bound(u)
    if bd is None or bd[3] != 0 or (bd[1] != 0 and bd[2] > 1):
        return None
    a, b, p, _ = bd
    if b != 0 and p < 1:  # |x|^p <= 1 + |x| for p < 1
        a, b = a + b, b
    if not _EXP_CONSTANT_CAP >= a:  # e^a beyond ~1e304: no useful bound (exp(exp(...)) towers)
        return None
    return (sp.exp(a), _ZERO, _ZERO, b)


def _product(u: _Bound, v: _Bound) -> _Bound:
    (a1, b1, p1, c1), (a2, b2, p2, c2) = u, v
    return _normalize([(a1 * a2, _ZERO), (a1 * b2, p2), (b1 * a2, p1), (b1 * b2, p1 + p2)],
                      c1 + c2)


def _bound_pow(e: sp.Pow) -> _Bound | None:
    base, ex = e.args
    if ex.is_Rational and ex > 0:
        bd = _bound(base)
        if bd is None:
            return None
        a, b, p, c = bd
        # (a + b t)^q <= k (a^q + b^q t^q), k = 2^(q-1) for q >= 1 and k = 1 for q < 1.
        k = 2 ** (ex - 1) if ex >= 1 else _ONE
        return _normalize([(k * a**ex, _ZERO), (k * b**ex, p * ex)], c * ex)
    if ex.is_Rational and ex < 0:
        low = _positive_lower_bound(base)
        if low is None:
            return None
        return _const(low**ex)
    return None


def _positive_lower_bound(e: sp.Expr) -> sp.Expr | None:
    """A constant c > 0 with e(x) >= c for all real x, for sums of a positive constant and
    manifestly non-negative terms (exp, even powers, Abs, cosh)."""
    if e.is_Add:
        const = sum((a for a in e.args if a.is_number), _ZERO)
        rest = [a for a in e.args if not a.is_number]
        if const.is_positive and all(_nonnegative(a) for a in rest):
            return const
        return None
    if e.func is sp.cosh:
        return _ONE
    return None


def _nonnegative(e: sp.Expr) -> bool:
    if e.func in (sp.exp, sp.Abs, sp.cosh):
        return True
    if e.is_Mul:
        return all(_nonnegative(f) for f in e.args)
    if e.is_Pow and e.args[1].is_Integer and int(e.args[1]) % 2 == 0:
        return True
    return bool(e.is_nonnegative)


def _bound_log(arg: sp.Expr) -> _Bound | None:
    # log(1 + exp(u)) <= log 2 + |u|  and  >= 0: the softplus family.
    if arg.is_Add and len(arg.args) == 2:
        const = [a for a in arg.args if a.is_number]
        other = [a for a in arg.args if not a.is_number]
        if const == [1] and other and other[0].func is sp.exp:
            bd = _bound(other[0].args[0])
            if bd is None or bd[3] != 0:
                return None
            return _normalize([(sp.log(2) + bd[0], _ZERO), (bd[1], bd[2])])
    return None


# ---------------------------------------------------------------------------------------------
# Parity.

def _parity(expr: sp.Expr) -> tuple[bool, sp.Expr | None]:
    """(odd part vanishes, constant value of the even part or None), proved symbolically.

    A parity that SymPy cannot prove (or not within its time budget, each of the two facts
    with its own) is reported as absent: the tiers then compute those coefficients instead of
    declaring them zero.
    """
    mirrored = expr.subs(X, -X)
    odd = _proved_within_budget(expr - mirrored)
    even = (expr + mirrored) / 2
    even_const = None
    try:
        with time_limit(_PARITY_SECONDS):
            at_one = sp.simplify(even.subs(X, 1))
    except ProofTimeout:
        return odd, None
    if _proved_within_budget(even - at_one):
        even_const = at_one
    return odd, even_const


def _proved_within_budget(e: sp.Expr) -> bool:
    """``e == 0`` identically, proved by SymPy within ``_PARITY_SECONDS`` (False: not proved)."""
    if _numerically_nonzero(e):
        return False
    try:
        with time_limit(_PARITY_SECONDS):
            return _simplifies_to_zero(e)
    except ProofTimeout:
        return False


def _numerically_nonzero(e: sp.Expr) -> bool:
    """True when ``e`` is clearly nonzero at a sample point (a quick way to skip a symbolic
    proof that would fail anyway; a False here proves nothing). "Clearly": above 1e-12 of the
    size of its terms at that point, at 30 digits (so a difference of tiny terms, such as
    ``sin(x)**1000 - sin(1)**1000``, still counts)."""
    terms = e.args if e.is_Add else (e,)
    for point in (sp.Rational(3, 10), sp.Rational(7, 10), sp.Rational(19, 10)):
        try:
            value = complex(e.subs(X, point).evalf(30))
            scale = max(abs(complex(t.subs(X, point).evalf(30))) for t in terms)
        except (TypeError, ValueError):
            return False
        if abs(value) > 1e-12 * scale and abs(value) > 1e-300:
            return True
    return False


def _odd_slope(expr: sp.Expr, pieces: tuple[Piece, ...]) -> sp.Expr | None:
    """alpha with ``sigma(x) - sigma(-x) = 2 alpha x`` for all x, proved symbolically, or None.
    (ReLU, leaky ReLU, softplus, GELU, SiLU: the odd part is linear.)"""
    alpha = sp.simplify((expr.subs(X, 1) - expr.subs(X, -1)) / 2)
    if _numerically_nonzero(expr - expr.subs(X, -X) - 2 * alpha * X):
        return None
    if len(pieces) == 1:
        return alpha if _simplifies_to_zero(expr - expr.subs(X, -X) - 2 * alpha * X) else None
    mirror = {(p.lo, p.hi): p for p in pieces}
    for p in pieces:
        q = mirror.get((-p.hi, -p.lo))
        if q is None or not _simplifies_to_zero(p.expr - q.expr.subs(X, -X) - 2 * alpha * X):
            return None
    return alpha


def _parity_of_pieces(pieces: tuple[Piece, ...]) -> tuple[bool, sp.Expr | None]:
    """Parity of a piecewise activation, piece against mirrored piece (x -> -x)."""
    edges = [p.lo for p in pieces] + [pieces[-1].hi]
    if sorted(edges[1:-1], key=float) != sorted((-e for e in edges[1:-1]), key=float):
        return False, None
    mirror = {(p.lo, p.hi): p for p in pieces}
    odd = even = True
    const = None
    for p in pieces:
        q = mirror[(-p.hi, -p.lo)]
        flipped = q.expr.subs(X, -X)
        odd = odd and _simplifies_to_zero(p.expr - flipped)
        even_part = sp.expand((p.expr + flipped) / 2)
        if not even_part.is_number or (const is not None and even_part != const):
            even = False
        const = even_part if even_part.is_number else const
    return odd, (const if even and const is not None else None)


def _simplifies_to_zero(e: sp.Expr) -> bool:
    if e == 0:
        return True
    for rewrite in (lambda t: t, lambda t: t.rewrite(sp.exp), lambda t: t.rewrite(sp.Piecewise)):
        try:
            if sp.simplify(sp.piecewise_fold(rewrite(e))) == 0:
                return True
        except (TypeError, ValueError, NotImplementedError):
            continue
    return False


# ---------------------------------------------------------------------------------------------
# Taylor coefficients of the logistic function (vw19 C13/C26: the series of its sphere
# coefficients). Not offered by SymPy/flint as numbers: SymPy's series is symbolic and slow.

def logistic_taylor_coefficient(j: int) -> fmpq:
    """``tau_j``, the coefficient of ``x^j`` in ``sigmoid(x) = 1/(1 + e^{-x})`` at 0 (exact).

    Definition: ``sigmoid(x) = 1/2 + tanh(x/2)/2``, so ``tau_0 = 1/2``, ``tau_j = 0`` for even
    ``j >= 2`` and ``tau_{2m-1} = (2^{2m} - 1) B_{2m}/(2m)!`` (Bernoulli numbers, ``B_2 = 1/6``;
    ``flint.fmpq.bernoulli``). The series converges for ``|x| < pi`` (poles at ``+-i pi``), and
    ``|tau_{2m-1}| <= (pi^2/3) pi^{-2m}`` (``|B_{2m}| = 2 (2m)! zeta(2m)/(2 pi)^{2m}``,
    ``zeta(2m) <= pi^2/6``). ``j! tau_j = sigmoid^{(j)}(0)``.
    Guarantee: exact. Raises TypeError/ValueError unless ``j`` is an integer >= 0.

    >>> [str(logistic_taylor_coefficient(j)) for j in range(6)]
    ['1/2', '1/4', '0', '-1/48', '0', '1/480']
    """
    from .conventions import check_degree

    j = check_degree(j, name="j")
    if j == 0:
        return fmpq(1, 2)
    if j % 2 == 0:
        return fmpq(0)
    m = (j + 1) // 2
    return (2 ** (2 * m) - 1) * fmpq.bernoulli(2 * m) / math.factorial(2 * m)


# ---------------------------------------------------------------------------------------------
# Entry-point validation and the parity facts both coefficient tiers use.

def check_activation(act: object) -> Activation:
    """``act`` as an :class:`Activation` (a registered name or expression string is built)."""
    if isinstance(act, str):
        return activation(act)
    if not isinstance(act, Activation):
        raise TypeError(f"act={act!r} must be an Activation or a name/expression string, e.g. "
                        "'relu' or 'Max(x, 0)**2'")
    return act


def symmetry_zero(act: Activation, k: int) -> ExactValue | None:
    """The exact value of ``c_k`` when a proved symmetry decides it, else None.

    ``sigma - c`` odd: even ``k >= 2`` vanish and ``c_0 = c``. ``sigma`` even: odd k vanish.
    Odd part linear (``sigma(x) - sigma(-x) = 2 alpha x``: softplus, GELU, SiLU, ReLU): odd
    ``k >= 3`` vanish (the same holds for the sphere tier, since ``P_{k,d}`` is orthogonal to t).
    """
    if k % 2 == 1 and (act.odd_part_zero or (k >= 3 and act.odd_part_slope is not None)):
        return ExactValue.zero()
    if act.even_part_constant is not None and k % 2 == 0:
        if k == 0:
            return _rational_times_basis(act.even_part_constant)
        return ExactValue.zero()
    return None


def _rational_times_basis(value: sp.Expr) -> ExactValue | None:
    if value.is_Rational:
        return ExactValue({sp.Integer(1): fmpq(int(value.p), int(value.q))}, 0)
    return ExactValue({value: fmpq(1)}, 0)
