"""Safe parsing of SymPy expressions from untrusted strings, and their evaluation in Arb balls.

A string from the command line never executes code: :func:`parse` walks Python's ``ast`` of the
string and builds the SymPy expression node by node from a whitelist of names and operators.
It never calls ``eval``, ``sympify`` or ``parse_expr`` (both of which evaluate Python code).

Decimal literals become exact rationals (``0.1`` is ``1/10``), because the exact tier needs
them exact. ``^`` means power, as in SymPy's own parser.

Resources are bounded before any work, so a refusal comes at once (the caps are constants
below): at most 2000 characters; nesting depth at most 50 (brackets, calls, powers, unary
signs; a chain ``a + b - c + ...`` or ``a * b / c ...`` counts as one level and is built flat,
so a long sum is fine up to the length cap); numeric exponents of at most 10000 in absolute
value, for a numeric or a symbolic base; exact numbers of at most 14000 bits (about 4200
digits) created while parsing (``9**9999`` is refused before it is computed); factorial,
gamma, binomial, ... with numeric arguments of at most 100000 and an exact value of at most
14000 bits (an upper bound from log-gamma, checked before SymPy evaluates them).

>>> parse("Max(x, 0)**2", symbols=("x",))
Max(0, x)**2
>>> parse("__import__('os').system('echo hi')", symbols=("x",))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: expression="__import__('os').system('echo hi')" must only call known functions ...
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sympy as sp
from flint import acb, arb

from .numbers import workprec

#: The symbols an expression may use, each real (x, rho) or positive integer (k, d).
SYMBOLS: dict[str, sp.Symbol] = {
    "x": sp.Symbol("x", real=True),
    "k": sp.Symbol("k", integer=True, nonnegative=True),
    "d": sp.Symbol("d", integer=True, positive=True),
    "rho": sp.Symbol("rho", real=True),
}

_FUNCTIONS: dict[str, Callable[..., sp.Expr]] = {
    "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt, "erf": sp.erf, "erfc": sp.erfc,
    "tanh": sp.tanh, "sinh": sp.sinh, "cosh": sp.cosh, "sin": sp.sin, "cos": sp.cos,
    "atan": sp.atan, "asin": sp.asin, "acos": sp.acos, "arcsin": sp.asin, "arccos": sp.acos,
    "arctan": sp.atan, "Abs": sp.Abs, "abs": sp.Abs, "sign": sp.sign, "Heaviside": sp.Heaviside,
    "Max": sp.Max, "Min": sp.Min, "max": sp.Max, "min": sp.Min,
    "factorial": sp.factorial, "factorial2": sp.factorial2, "binomial": sp.binomial,
    "gamma": sp.gamma, "beta": sp.beta, "rf": sp.rf, "pochhammer": sp.rf, "ff": sp.ff,
    "if_even": lambda n, a, b: sp.Piecewise((a, sp.Eq(sp.Mod(n, 2), 0)), (b, True)),
}
_CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "E": sp.E}
_MAX_LENGTH = 2000
#: Deepest nesting of brackets and of calls, powers and signs (a + or * chain is one level).
_MAX_DEPTH = 50
_MAX_EXPONENT = 10_000
#: Largest exact number (in bits) an expression may create while it is parsed: about 4200
#: decimal digits, below the 4300 digits Python converts to a string by default, so every
#: number accepted can also be printed in a result.
_MAX_BITS = 14_000
#: Largest numeric argument of factorial, gamma, binomial, ... at parse time.
_MAX_FACTORIAL_ARG = 100_000
_GROWING = ("factorial", "factorial2", "gamma", "binomial", "beta", "rf", "pochhammer", "ff")


def _fail(text: str, why: str, remedy: str) -> ValueError:
    shown = text if len(text) <= 200 else text[:40] + "..."
    return ValueError(f"expression={shown!r} must {why}; {remedy}")


def parse(text: str, *, symbols: Sequence[str]) -> sp.Expr:
    """Parse ``text`` into a SymPy expression using only ``symbols`` and whitelisted functions.

    Raises ValueError (one line, naming the text and the remedy) for anything else: unknown
    names, attribute access, subscripts, lambdas, keyword arguments, huge integer powers.
    """
    if not isinstance(text, str):
        raise TypeError(f"expression={text!r} must be a string")
    if len(text) > _MAX_LENGTH:
        raise _fail(text[:40] + "...", f"be at most {_MAX_LENGTH} characters", "shorten it")
    allowed = {name: SYMBOLS[name] for name in symbols}
    source = text.strip().replace("^", "**")  # leading blanks would be an "indent"
    _check_brackets(text)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise _fail(text, f"be valid syntax ({exc.msg})", "check brackets and operators") from None
    except (RecursionError, MemoryError):  # the parser's own limits, below the caps here
        raise _fail(text, f"nest at most {_MAX_DEPTH} levels deep", "simplify it") from None
    _check_depth(tree.body, text)
    expr = _build(tree.body, text, source, allowed)
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise _fail(text, "be finite (it divides by zero or is infinite)", "fix the formula")
    return expr


def _depth_error(text: str) -> ValueError:
    return _fail(text, f"have a nesting depth of at most {_MAX_DEPTH} (brackets, calls, powers "
                 "and signs)", "simplify it or split it into smaller expressions")


def _check_brackets(text: str) -> None:
    """Bracket depth, from the text alone (before Python's parser sees a deep nesting)."""
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
            if depth > _MAX_DEPTH:
                raise _depth_error(text)
        elif char in ")]}":
            depth -= 1


def _chain(node: ast.AST) -> type | None:
    """The flattened operator family of a BinOp: + and - together, * and / together."""
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Add | ast.Sub):
            return ast.Add
        if isinstance(node.op, ast.Mult | ast.Div):
            return ast.Mult
    return None


def _check_depth(root: ast.AST, text: str) -> None:
    """Nesting depth of the tree, iteratively; the left operand of a + / * chain stays at the
    chain's level (the chain is built as one flat Add or Mul)."""
    stack: list[tuple[ast.AST, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > _MAX_DEPTH:
            raise _depth_error(text)
        family = _chain(node)
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.expr) or isinstance(child, ast.Name | ast.Constant):
                continue  # operators, contexts and leaves add no level
            same = (isinstance(node, ast.BinOp) and child is node.left
                    and family is not None and _chain(child) is family)
            stack.append((child, depth if same else depth + 1))


def _bits(value: sp.Expr) -> float:
    """Size in bits of an exact rational (0 for other numbers)."""
    if value.is_Rational:
        return float(max(abs(int(value.p)).bit_length(), int(value.q).bit_length()))
    return 0.0


def _build(node: ast.AST, text: str, source: str, allowed: Mapping[str, sp.Symbol]) -> sp.Expr:
    rec = lambda n: _build(n, text, source, allowed)  # noqa: E731
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise _fail(text, "contain only numbers as literals", f"remove {node.value!r}")
        if isinstance(node.value, float):
            # The literal as typed, not Python's float: 0.1 is exactly 1/10, and every digit
            # of a 30-digit decimal survives.
            literal = (ast.get_source_segment(source, node) or repr(node.value)).replace("_", "")
            mantissa, _, exponent = literal.lower().partition("e")
            if exponent and abs(int(exponent)) > _MAX_EXPONENT:
                raise _fail(text, f"use decimal exponents of at most {_MAX_EXPONENT}",
                            "use a smaller number")
            value = sp.Rational(literal)
            if _bits(value) > _MAX_BITS:
                raise _fail(text, f"create numbers of at most {_MAX_BITS} bits (got {literal})",
                            "use a smaller number")
            return value
        return sp.Integer(node.value)
    if isinstance(node, ast.Name):
        if node.id in allowed:
            return allowed[node.id]
        if node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        if not allowed:
            raise _fail(text, f"be a number (got the name {node.id!r})",
                        "write a number such as 1/2 or 3")
        names = ", ".join(sorted(allowed))
        raise _fail(text, f"use only the variables {names} (got {node.id!r})",
                    "rename the variable or use pi, E and known functions")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = rec(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        family = _chain(node)
        if family is not None:
            return _flat(node, family, text, rec)
        left, right = rec(node.left), rec(node.right)
        op = node.op
        if isinstance(op, ast.Pow):
            _check_power(left, right, text)
            return left**right
        raise _fail(text, f"use only + - * / ** (got {type(op).__name__})", "rewrite it")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            raise _fail(text, "only call known functions (got a call of a non-name)",
                        "use e.g. exp, erf, Max, factorial")
        name = node.func.id
        if name not in _FUNCTIONS:
            raise _fail(text, f"only call known functions (got {name!r})",
                        "use e.g. exp, erf, tanh, Max, Abs, factorial, factorial2, binomial, gamma")
        if node.keywords:
            raise _fail(text, "not use keyword arguments", f"call {name} positionally")
        args = [rec(a) for a in node.args]
        if name in _GROWING:
            _check_growth(name, args, text)
        try:
            return _FUNCTIONS[name](*args)
        except (TypeError, ValueError) as exc:
            raise _fail(text, f"call {name} with valid arguments ({exc})", "fix the call") from None
    raise _fail(text, f"be a plain formula (got {type(node).__name__})",
                "use numbers, variables, + - * / ** and known functions")


def _flat(node: ast.BinOp, family: type, text: str, rec: Callable[[ast.AST], sp.Expr]
          ) -> sp.Expr:
    """A chain ``a + b - c ...`` (or ``a * b / c ...``) as one flat Add (Mul): no recursion
    along the chain, here or in SymPy."""
    operands: list[tuple[ast.operator, ast.AST]] = []
    current: ast.AST = node
    while isinstance(current, ast.BinOp) and _chain(current) is family:
        operands.append((current.op, current.right))
        current = current.left
    terms = [rec(current)]
    for op, operand in reversed(operands):
        value = rec(operand)
        if isinstance(op, ast.Sub):
            value = -value
        elif isinstance(op, ast.Div):
            if value == 0:
                raise _fail(text, "not divide by zero", "fix the denominator")
            value = 1 / value
        terms.append(value)
    return sp.Add(*terms) if family is ast.Add else sp.Mul(*terms)


def _check_power(base: sp.Expr, exponent: sp.Expr, text: str) -> None:
    """Refuse ``base**exponent`` before SymPy evaluates it, if the exponent is a huge number
    (for any base: ``x**(10**9)``) or the exact result would be too big (``(9**9999)**9999``)."""
    size = _magnitude(exponent)
    if size is None:
        return
    if size > _MAX_EXPONENT or (base.is_Number and _bits(base) * size > _MAX_BITS):
        raise _fail(text, f"use numeric exponents of at most {_MAX_EXPONENT} and create "
                    f"numbers of at most {_MAX_BITS} bits", "use a smaller power")


def _magnitude(value: sp.Expr) -> float | None:
    """|value| for a numeric constant (an upper bound; inf if unknown), None if symbolic."""
    if value.is_Number:
        return float(abs(value)) if value.is_finite else math.inf
    if value.free_symbols:
        return None
    try:
        with workprec(64):
            ball = arb_value(value)
    except (ValueError, ZeroDivisionError):
        return None  # not a real number: SymPy keeps such a power unevaluated
    return float(ball.abs_upper()) if ball.is_finite() else math.inf


def _check_growth(name: str, args: list[sp.Expr], text: str) -> None:
    """factorial(n), gamma(a), binomial(n, k), ...: numeric arguments of at most
    _MAX_FACTORIAL_ARG, and (when SymPy would evaluate it exactly: every argument a number)
    a value of at most _MAX_BITS bits, bounded by log2 Gamma(sum |args| + 2) (twice that for
    non-integers, whose exact values are fractions)."""
    sizes = [_magnitude(a) for a in args]
    known = [m for m in sizes if m is not None]
    bits = math.inf
    if all(m is not None and math.isfinite(m) for m in sizes) and sizes:
        total = sum(known)
        if total <= _MAX_FACTORIAL_ARG * len(args):
            bits = math.lgamma(total + 2) / math.log(2)
            if not all(a.is_Integer for a in args):
                bits *= 2
            if name == "factorial2":
                bits /= 2
    too_big = any(m > _MAX_FACTORIAL_ARG for m in known)
    if too_big or (len(known) == len(args) and bits > _MAX_BITS):
        raise _fail(text, f"call {name} with numeric arguments of at most {_MAX_FACTORIAL_ARG} "
                    f"whose exact value has at most {_MAX_BITS} bits", "use a smaller argument")


# ---------------------------------------------------------------------------------------------
# Evaluation of SymPy trees in Arb balls.

def arb_value(expr: sp.Expr, values: Mapping[sp.Symbol, Any] | None = None) -> arb:
    """Evaluate a real SymPy expression as an Arb ball at the current ``flint.ctx.prec``.

    Guarantee: the returned ball contains the exact value of ``expr`` (after substituting
    ``values``), or is non-finite. Raises ValueError for a non-real value or an unsupported node.

    >>> value = arb_value(parse("factorial2(7)/sqrt(2*pi)", symbols=()))
    >>> value.contains(arb(105) / (2 * arb.pi()).sqrt())
    True
    """
    z = acb_value(expr, values)
    if not z.imag.contains(0):
        raise ValueError(f"expression={expr} must be real; it evaluates to {z}")
    return z.real


def acb_value(expr: sp.Expr, values: Mapping[sp.Symbol, Any] | None = None) -> acb:
    """As :func:`arb_value`, as a complex ball (no analyticity check)."""
    env = {s: acb(v) if not isinstance(v, acb) else v for s, v in (values or {}).items()}
    return _acb(sp.sympify(expr), env, False)


def compile_acb(expr: sp.Expr, var: sp.Symbol) -> Callable[[acb, bool], acb]:
    """Compile ``expr`` (in ``var``) into ``f(z, analytic) -> acb`` for ``acb.integral``.

    With ``analytic=True`` a branch cut or kink touched by ``z`` gives a non-finite ball, as
    ``acb.integral`` requires.
    """
    expr = sp.sympify(expr)

    def f(z: acb, analytic: bool) -> acb:
        return _acb(expr, {var: z}, analytic)

    return f


def _acb(e: sp.Expr, env: Mapping[sp.Symbol, acb], analytic: bool) -> acb:
    rec = lambda a: _acb(a, env, analytic)  # noqa: E731
    if e.is_Symbol:
        if e not in env:
            raise ValueError(f"expression has a free symbol {e}; give it a value")
        return env[e]
    if e.is_Integer:
        return acb(int(e))
    if e.is_Rational:
        return acb(arb(int(e.p)) / int(e.q))
    if e is sp.pi:
        return acb(arb.pi())
    if e is sp.E:
        return acb(arb(1).exp())
    if isinstance(e, sp.Float):
        raise ValueError(f"expression has an inexact float {e}; write it as a fraction")
    if e.is_Add:
        out = acb(0)
        for a in e.args:
            out += rec(a)
        return out
    if e.is_Mul:
        out = acb(1)
        for a in e.args:
            out *= rec(a)
        return out
    if e.is_Pow:
        base, ex = e.args
        if ex.is_Integer:
            n = int(ex)
            b = rec(base)
            return b**n if n >= 0 else 1 / b**(-n)
        if ex == sp.S.Half:
            return rec(base).sqrt(analytic=analytic)
        if ex == -sp.S.Half:
            return 1 / rec(base).sqrt(analytic=analytic)
        return rec(base).pow(rec(ex), analytic=analytic)
    f = e.func
    if f in _UNARY:
        return _UNARY[f](rec(e.args[0]), analytic)
    if f is sp.factorial:
        return (rec(e.args[0]) + 1).gamma()
    if f is sp.factorial2:
        n = e.args[0]
        if n.is_Integer:
            return acb(int(sp.factorial2(n)))
        raise ValueError(f"factorial2 needs an integer argument, got {n}")
    if f is sp.gamma:
        return rec(e.args[0]).gamma()
    if f in (sp.binomial, sp.beta, sp.RisingFactorial, sp.FallingFactorial):
        u, v = (rec(a) for a in e.args)
        if f is sp.binomial:
            return (u + 1).gamma() / ((v + 1).gamma() * (u - v + 1).gamma())
        if f is sp.beta:
            return u.gamma() * v.gamma() / (u + v).gamma()
        if f is sp.RisingFactorial:
            return (u + v).gamma() / u.gamma()
        return (u + 1).gamma() / (u - v + 1).gamma()
    if f in (sp.Max, sp.Min, sp.Abs, sp.sign, sp.Heaviside, sp.Piecewise):
        return _real_only(e, env, analytic)
    raise ValueError(f"cannot evaluate {f.__name__} in ball arithmetic; rewrite the expression")


def _real_only(e: sp.Expr, env: Mapping[sp.Symbol, acb], analytic: bool) -> acb:
    """Kinks and jumps: evaluated on real balls only; non-analytic for the integrator."""
    if analytic:
        return _nan()
    # A Symbol is also a sympy Boolean: test for Expr, not for "not Boolean".
    args = [_acb(a, env, analytic) if isinstance(a, sp.Expr) else a for a in e.args]
    if any(isinstance(a, acb) and not a.imag.is_zero() for a in args):
        return _nan()
    reals = [a.real if isinstance(a, acb) else a for a in args]
    f = e.func
    if f is sp.Abs:
        return acb(abs(reals[0]))
    if f is sp.Max:
        out = reals[0]
        for r in reals[1:]:
            out = out.max(r)
        return acb(out)
    if f is sp.Min:
        out = reals[0]
        for r in reals[1:]:
            out = out.min(r)
        return acb(out)
    if f in (sp.sign, sp.Heaviside):
        r = reals[0]
        if r > 0:
            return acb(1)
        if r < 0:
            return acb(-1 if f is sp.sign else 0)
        if r == 0:
            return acb(0) if f is sp.sign else acb(arb(1) / 2)
        lo, hi = (-1, 1) if f is sp.sign else (0, 1)
        return acb(arb(lo).union(arb(hi)))
    raise ValueError(f"cannot evaluate {f.__name__} in ball arithmetic; rewrite the expression")


def _nan() -> acb:
    """A non-finite ball: what ``acb.integral`` needs where analyticity is not proved."""
    return acb(arb("nan"))


def _log(z: acb, analytic: bool) -> acb:
    return z.log(analytic=analytic)


_UNARY: dict[Any, Callable[[acb, bool], acb]] = {
    sp.exp: lambda z, a: z.exp(),
    sp.log: _log,
    sp.erf: lambda z, a: z.erf(),
    sp.erfc: lambda z, a: z.erfc(),
    sp.tanh: lambda z, a: z.tanh(),
    sp.sinh: lambda z, a: z.sinh(),
    sp.cosh: lambda z, a: z.cosh(),
    sp.sin: lambda z, a: z.sin(),
    sp.cos: lambda z, a: z.cos(),
    sp.atan: lambda z, a: _nan() if a and z.imag.abs_upper() >= 1 else z.atan(),
    sp.asin: lambda z, a: _nan() if a and z.real.abs_upper() >= 1 else z.asin(),
    sp.acos: lambda z, a: _nan() if a and z.real.abs_upper() >= 1 else z.acos(),
}
