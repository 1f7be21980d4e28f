"""Number kinds shared by every tier: exact rationals, Arb balls, floats; precision scoping.

* exact: ``flint.fmpq`` (and SymPy expressions for the symbolic layer);
* ball: ``flint.arb`` -- a ball that contains the value, at the scoped working precision;
* float: numpy doubles, with no guarantee.

Precision is scoped: :func:`workprec` sets ``flint.ctx.prec`` and restores it in ``finally``,
as mpmath's ``workdps`` does.

>>> from flint import arb
>>> with workprec(200):
...     third = arb(1) / 3
>>> decimal_ball(third, 20)
('0.33333333333333333333', '2e-35')
>>> meets_digits(third, 30)
True
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from flint import arb, ctx

#: --digits is accepted in this range (significant decimal digits of a certified value).
MIN_DIGITS, MAX_DIGITS = 1, 1000


def check_digits(digits: object) -> int:
    """Validate a requested number of significant digits; return it as an int."""
    if isinstance(digits, bool) or not isinstance(digits, int):
        raise TypeError(f"digits={digits!r} must be an integer from {MIN_DIGITS} to {MAX_DIGITS}")
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        raise ValueError(
            f"digits={digits} must be from {MIN_DIGITS} to {MAX_DIGITS}; use e.g. --digits 30"
        )
    return digits


def bits_for_digits(digits: int) -> int:
    """Working bits that represent ``digits`` decimal digits, plus guard bits."""
    return int(math.ceil(digits * math.log2(10))) + 20


@contextmanager
def workprec(bits: int) -> Iterator[None]:
    """Scope Arb's working precision to ``bits``; restored on exit (also on error)."""
    saved = ctx.prec
    ctx.prec = max(int(bits), 32)
    try:
        yield
    finally:
        ctx.prec = saved


def decimal_ball(x: arb, digits: int) -> tuple[str, str]:
    """Decimal (mid, rad) strings such that ``[mid +/- rad]`` contains the ball ``x``.

    ``mid`` carries about ``digits`` significant digits; ``rad`` is rounded up, so the decimal
    ball still contains ``x``. An exact ball (radius 0) whose midpoint needs rounding gets a
    non-zero decimal radius: that radius is a rounding bound, honestly reported.
    """
    if not x.is_finite():
        return ("nan", "inf")
    mid, rad, exp = x.mid_rad_10exp(digits)
    return (_scaled(int(mid), int(exp), exact_zero_ok=True), _scaled(int(rad), int(exp)))


def _scaled(mantissa: int, exp10: int, *, exact_zero_ok: bool = False) -> str:
    if mantissa == 0:
        return "0"
    sign = "-" if mantissa < 0 else ""
    digits = str(abs(mantissa))
    point_exp = exp10 + len(digits) - 1  # value = d.ddd * 10**point_exp
    if -6 <= point_exp < 0:
        return f"{sign}0.{'0' * (-point_exp - 1)}{digits.rstrip('0') or '0'}"
    if 0 <= point_exp <= 20 and exp10 <= 0:
        whole, frac = digits[: point_exp + 1], digits[point_exp + 1 :].rstrip("0")
        return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"
    rest = digits[1:].rstrip("0")
    body = f"{digits[0]}.{rest}" if rest else digits[0]
    return f"{sign}{body}e{point_exp}"


def meets_digits(x: arb, digits: int) -> bool:
    """True when the ball's radius is at most ``10**-digits`` times its midpoint's magnitude.

    Decided on the decimal form that is reported, so what is printed satisfies the contract.
    A ball containing zero never meets a relative target.
    """
    if not x.is_finite() or x.contains(0):
        return False
    mid, rad, exp = x.mid_rad_10exp(digits + 5)
    return int(rad) * 10**digits <= abs(int(mid))


def ball_contains_both(x: arb, y: arb) -> bool:
    """True when the balls overlap (the two values may be equal)."""
    return bool(x.overlaps(y))


def upper(x: arb) -> arb:
    """The exact upper end of a ball, as an exact arb."""
    return arb(x.upper())
