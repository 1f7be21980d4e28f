"""Bad inputs -> exact exception type and message, one row per input.

Every message has the house form ``name=value must ...; remedy``: each row names the exception
class and substrings that must appear, always including the offending value, so a message
that loses the value (or an input that is silently accepted) fails here.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sympy as sp

from verify import activations, conventions, expressions, numbers, orthopoly

ROOT = Path(__file__).resolve().parents[1]


def _parse(text: str) -> Callable[[], Any]:
    return lambda: expressions.parse(text, symbols=("x",))


def _activation(spec: Any, **params: Any) -> Callable[[], Any]:
    return lambda: activations.activation(spec, **params)


_LONG = "x+" * 1000 + "x"  # 2001 characters
_XFAIL = pytest.mark.xfail

# (callable, exception class, substrings that must all occur in str(exception))
CASES = [
    # expressions.parse: code, not a formula
    pytest.param(_parse("__import__('os').system('echo pwned')"), ValueError,
                 ["expression=\"__import__('os').system('echo pwned')\"", "known functions"],
                 id="parse-import-os-system"),
    pytest.param(_parse("x.real"), ValueError,
                 ["expression='x.real'", "plain formula", "Attribute"], id="parse-attribute"),
    pytest.param(_parse("lambda: 1"), ValueError,
                 ["expression='lambda: 1'", "Lambda"], id="parse-lambda"),
    pytest.param(_parse("(lambda t: t)(1)"), ValueError,
                 ["expression='(lambda t: t)(1)'", "non-name"], id="parse-called-lambda"),
    pytest.param(_parse("x[0]"), ValueError,
                 ["expression='x[0]'", "Subscript"], id="parse-subscript"),
    pytest.param(_parse("exp(x=1)"), ValueError,
                 ["expression='exp(x=1)'", "keyword arguments", "positionally"],
                 id="parse-keyword-arg"),
    pytest.param(_parse("foo(x)"), ValueError,
                 ["expression='foo(x)'", "'foo'", "known functions"], id="parse-unknown-func"),
    pytest.param(_parse("open('f', 'w')"), ValueError,
                 ["expression=\"open('f', 'w')\"", "'open'"], id="parse-open"),
    pytest.param(_parse("y + 1"), ValueError,
                 ["expression='y + 1'", "variables x", "'y'"], id="parse-unknown-variable"),
    pytest.param(_parse("x +"), ValueError,
                 ["expression='x +'", "valid syntax", "brackets"], id="parse-syntax-error"),
    pytest.param(_parse("(x"), ValueError,
                 ["expression='(x'", "valid syntax"], id="parse-unclosed-bracket"),
    pytest.param(_parse("10**10**10"), ValueError,
                 ["expression='10**10**10'", "at most 10000", "smaller power"],
                 id="parse-huge-exponent"),
    pytest.param(_parse("2^-20000"), ValueError,
                 ["expression='2^-20000'", "at most 10000"], id="parse-huge-negative-exponent"),
    # Only a 40-character prefix of an over-long text is echoed (the value is 2001 characters).
    pytest.param(_parse(_LONG), ValueError,
                 [f"expression='{_LONG[:40]}...'", "at most 2000 characters"],
                 id="parse-too-long"),
    pytest.param(_parse("1/0"), ValueError,
                 ["expression='1/0'", "not divide by zero"], id="parse-divide-by-zero"),
    pytest.param(_parse("x/(2-2)"), ValueError,
                 ["expression='x/(2-2)'", "not divide by zero"], id="parse-divide-by-zero-expr"),
    pytest.param(_parse("0**-1"), ValueError,
                 ["expression='0**-1'", "zero"], id="parse-zero-to-negative-power"),
    pytest.param(_parse("'abc'"), ValueError,
                 ["expression=\"'abc'\"", "'abc'", "only numbers"], id="parse-string-literal"),
    pytest.param(_parse("x % 2"), ValueError,
                 ["expression='x % 2'", "Mod"], id="parse-modulo"),
    pytest.param(lambda: expressions.parse(3, symbols=("x",)), TypeError,
                 ["expression=3", "string"], id="parse-not-a-string"),
    # activations.activation
    pytest.param(_activation("foo"), ValueError,
                 ["activation='foo'", "registered name", "relu"], id="activation-unknown"),
    pytest.param(_activation("reluu"), ValueError,
                 ["activation='reluu'", "registered name"], id="activation-typo"),
    pytest.param(_activation("x+y"), ValueError,
                 ["'x+y'", "'y'"], id="activation-free-symbol-string"),
    pytest.param(_activation(expressions.SYMBOLS["x"] + sp.Symbol("y", real=True)), ValueError,
                 ["activation='x + y'", "depend on x only", "found y"],
                 id="activation-free-symbol-sympy"),
    pytest.param(_activation("exp(x**2)"), ValueError,
                 ["activation='exp(x**2)'", "L2(N(0,1))", "sub-Gaussian"],
                 id="activation-not-L2"),
    pytest.param(_activation("Min(x,0)*exp(x**2)"), ValueError,
                 ["activation='Min(x,0)*exp(x**2)'", "L2(N(0,1))"],
                 id="activation-not-L2-left-tail"),
    # In L2 (sigma**2 phi ~ exp(-x**2/4)), but beyond the (A + B|x|**p) e^{C|x|} growth class.
    pytest.param(_activation("exp(x**2/8)"), ValueError,
                 ["activation='exp(x**2/8)'", "no provable bound"],
                 id="activation-no-growth-bound"),
    pytest.param(_activation("leaky_relu", alpha=0.1), TypeError,
                 ["activation='leaky_relu'", "alpha", "0.1"], id="leaky-relu-unknown-param"),
    pytest.param(_activation("leaky_relu", slope="abc"), TypeError,
                 ["activation='leaky_relu'", "'abc'"], id="leaky-relu-bad-slope-type"),
    pytest.param(_activation("leaky_relu", slope=None), TypeError,
                 ["activation='leaky_relu'", "None"], id="leaky-relu-slope-none"),
    pytest.param(_activation("leaky_relu", slope=float("nan")), ValueError,
                 ["activation='leaky_relu'", "nan"], id="leaky-relu-slope-nan"),
    pytest.param(_activation("relu", slope=1), TypeError,
                 ["activation='relu'", "slope"], id="relu-takes-no-params"),
    pytest.param(_activation("x**2", p=2), ValueError,
                 ["activation='x**2'", "no parameters"], id="expression-takes-no-params"),
    pytest.param(_activation(3.5), TypeError,
                 ["activation=3.5"], id="activation-not-a-spec"),
    # conventions.check_degree
    pytest.param(lambda: conventions.check_degree(-1), ValueError,
                 ["k=-1", "non-negative", "k >= 0"], id="degree-negative"),
    pytest.param(lambda: conventions.check_degree(2.5), TypeError,
                 ["k=2.5", "integer"], id="degree-float"),
    pytest.param(lambda: conventions.check_degree(True), TypeError,
                 ["k=True", "integer"], id="degree-bool"),
    pytest.param(lambda: conventions.check_degree("3"), TypeError,
                 ["k='3'", "integer"], id="degree-string"),
    pytest.param(lambda: orthopoly.hermite_prob(-1, 0), ValueError,
                 ["k=-1"], id="hermite-prob-negative-degree"),
    pytest.param(lambda: orthopoly.hermite_prob_values(-2, 0), ValueError,
                 ["k_max=-2"], id="hermite-values-negative-degree"),
    # numbers.check_digits
    pytest.param(lambda: numbers.check_digits(0), ValueError,
                 ["digits=0", f"from 1 to {numbers.MAX_DIGITS}"], id="digits-zero"),
    pytest.param(lambda: numbers.check_digits(numbers.MAX_DIGITS + 1), ValueError,
                 [f"digits={numbers.MAX_DIGITS + 1}", f"from 1 to {numbers.MAX_DIGITS}"],
                 id="digits-too-many"),
    pytest.param(lambda: numbers.check_digits(2.0), TypeError,
                 ["digits=2.0", "integer"], id="digits-float"),
    pytest.param(lambda: numbers.check_digits(True), TypeError,
                 ["digits=True", "integer"], id="digits-bool"),
]


@pytest.mark.parametrize(("call", "exc", "fragments"), CASES)
def test_bad_input_raises_with_value_in_message(
    call: Callable[[], Any], exc: type[Exception], fragments: list[str], raises_one_line
) -> None:
    raises_one_line(call, exc, fragments)


def test_rejected_payloads_never_execute(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payloads = [
        f"__import__('os').system('touch {marker}')",
        f"open('{marker}', 'w')",
        f"__import__('pathlib').Path('{marker}').touch()",
        f"(lambda: __import__('os').system('touch {marker}'))()",
    ]
    for payload in payloads:
        with pytest.raises(ValueError, match="must only call known functions"):
            expressions.parse(payload, symbols=("x",))
        assert not marker.exists(), f"{payload!r} was executed"


def test_valid_inputs_of_the_same_shapes_pass() -> None:
    """The table's rejections are specific: near-identical valid inputs are accepted."""
    x = expressions.SYMBOLS["x"]
    assert expressions.parse("exp(x)", symbols=("x",)) == sp.exp(x)
    assert expressions.parse("10**4**2", symbols=("x",)) == sp.Integer(10) ** 16
    assert expressions.parse("x/(2-1)", symbols=("x",)) == x
    assert expressions.parse("0.1*x", symbols=("x",)) == x / 10
    assert conventions.check_degree(0) == 0
    assert numbers.check_digits(1) == 1
    assert numbers.check_digits(numbers.MAX_DIGITS) == numbers.MAX_DIGITS
    assert activations.activation("leaky_relu", slope="1/10").expr == sp.Max(x, x / 10)


# A hostile text must not make parse run for long: a pathological input is rejected up front.
# Run in a child process, because big-integer arithmetic cannot be interrupted in-process;
# faulthandler kills the child after the budget (time measured after the imports).
_CHILD = textwrap.dedent("""
    import faulthandler, sys
    from verify.expressions import parse
    faulthandler.dump_traceback_later(float(sys.argv[2]), exit=True)
    try:
        parse(sys.argv[1], symbols=("x",))
    except ValueError as exc:
        print("rejected:", exc)
    faulthandler.cancel_dump_traceback_later()
""")


@pytest.mark.parametrize("text", [
    "(9**9999)**9999",
    "1e99999999",
    "factorial(10**7)",
])
def test_parse_is_fast_on_hostile_sizes(text: str) -> None:
    budget = 1.0
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, text, str(budget)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, f"parse({text!r}) exceeded {budget} s:\n{proc.stderr[-500:]}"
