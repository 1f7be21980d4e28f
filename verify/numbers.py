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
('0.33333333333333333333', '1e-20')
>>> meets_digits(third, 30)
True
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np
import sympy as sp
from flint import arb, ctx, fmpq

#: Requested digits are accepted in this range (significant decimal digits of a certified
#: value). The cap keeps a request under a minute: measured with ``verify coeffs sigmoid
#: --max-degree 10 --digits N`` on 2 shared cores (load 3-6), N = 100: 1.8 s, 345: 7.4 s,
#: 700: 29 s, 800: 37 s, 1000: 70 s (before the precision driver kept its targets in Arb, a
#: float target underflowed to 0 past 308 digits: 345 digits took 40 s and 1000 never ended).
#: A kernel series of certified coefficients has its own cap (referee.SERIES_MAX_DIGITS):
#: ``verify claim kernel sigmoid --rho 1/2 --value 0.1 --digits N`` takes 8-10 s for every N.
MIN_DIGITS, MAX_DIGITS = 1, 800
#: Library calls add guard digits to a request (the referee asks its tiers for digits + 5), so
#: the tiers accept a request above the cap by this much (``check_digits(..., guard=...)``).
GUARD_ALLOWANCE = 10
#: Integrand evaluations allowed in one ``acb.integral`` call (Arb's default grows like
#: prec^2, unbounded in practice at high precision). Past it Arb stops and returns a valid,
#: wider enclosure: the coefficient then comes back with ``met`` False, in bounded time.
EVAL_LIMIT = 200_000


#: The coefficient tiers a caller may ask for ("auto": exact where available, else certified).
Tier = Literal["auto", "exact", "certified", "float"]


class NonFiniteBall(ArithmeticError):
    """A NaN or infinite ball reached a place where it would be shown as a value.

    This is a bug in verify, never bad input (hence not a ValueError): a computation that can
    fail to enclose its value must say so with a status (``met=False``, INCONCLUSIVE with the
    reason) before anything is reported.
    """


def terminating_decimal(q: fmpq | sp.Rational | Fraction) -> tuple[int, int] | None:
    """``(|q| * 10**places, places)`` with ``places`` the fewest decimal places that write the
    rational ``q`` exactly, or None when its decimal expansion does not terminate.

    >>> terminating_decimal(fmpq(-3, 40)), terminating_decimal(fmpq(1, 3))
    ((75, 3), None)
    """
    if isinstance(q, Fraction):
        p_, q_ = q.numerator, q.denominator
    else:
        p_, q_ = int(q.p), int(q.q)
    den, twos, fives = q_, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    if den != 1:
        return None
    places = max(twos, fives)
    return abs(p_) * 2 ** (places - twos) * 5 ** (places - fives), places


def check_digits(digits: object, *, name: str = "digits", guard: int = 0) -> int:
    """Validate a requested number of significant digits; return it as an int.

    Accepts Python and numpy integers from ``MIN_DIGITS`` to ``MAX_DIGITS``; a bool (Python or
    numpy) is not an integer here. The tiers pass ``guard=GUARD_ALLOWANCE``: they also accept
    the guard digits that library calls add to a request at the cap. Raises TypeError (not an
    integer) or ValueError (out of range).
    """
    if isinstance(digits, bool | np.bool_) or not isinstance(digits, int | np.integer):
        raise TypeError(f"{name}={digits!r} must be an integer from {MIN_DIGITS} to "
                        f"{MAX_DIGITS}")
    if not MIN_DIGITS <= digits <= MAX_DIGITS + guard:
        raise ValueError(f"{name}={digits} must be from {MIN_DIGITS} to {MAX_DIGITS} (the cap "
                         "keeps a request bounded in time); ask for e.g. 30 digits")
    return int(digits)


def check_finite(x: arb, what: str = "ball") -> arb:
    """``x`` itself when it is a finite ball; else raise :class:`NonFiniteBall`.

    The one rule, enforced where values are shown: :func:`report_ball` (every printed or
    JSON number goes through it) and :class:`Coefficient` (every coefficient a tier returns).
    """
    if not isinstance(x, arb) or not x.is_finite():
        raise NonFiniteBall(f"{what}={x} is not a finite ball; this is a bug in verify "
                            "(a non-finite enclosure must be reported as undecided)")
    return x


#: Guard bits every working precision carries beyond the bits of the digits asked
#: (:func:`guard_bits`).
GUARD_BITS = 20
#: Guard digits a library call adds to the digits it asks of a coefficient tier (the referee
#: decides to ``digits`` and asks its tiers for :func:`guard_digits` of them); the tiers accept
#: a request this far above the cap (``GUARD_ALLOWANCE``).
REQUEST_GUARD_DIGITS = 5


def guard_bits(digits: int, *, extra: int = 0) -> int:
    """THE precision policy: working bits for a result wanted to ``digits`` significant digits.

    Rule: ``ceil(digits * log2(10)) + GUARD_BITS + extra``, i.e. the bits that represent
    ``digits`` decimal digits, plus :data:`GUARD_BITS` (20) guard bits against rounding in a
    short evaluation, plus ``extra`` bits a caller names for a known loss (cancellation in a
    comparison of two near-equal balls: 20 more; a decider's first pass: 40 more). Every
    working precision in verify comes from here, so a change of policy is one edit.

    ``digits`` is a validated int (the public entry validated it); ``extra`` >= 0.

    >>> guard_bits(30), guard_bits(30, extra=40), guard_bits(1)
    (120, 160, 24)
    """
    if extra < 0:
        raise ValueError(f"extra={extra} must be >= 0 (guard bits are only ever added)")
    return int(math.ceil(digits * math.log2(10))) + GUARD_BITS + int(extra)


def guard_digits(digits: int, *, extra: int = REQUEST_GUARD_DIGITS) -> int:
    """The digits to ask of a coefficient tier for a result decided to ``digits``: ``digits +
    REQUEST_GUARD_DIGITS`` (5), so the tier's ball is tighter than the decision needs.

    >>> guard_digits(30)
    35
    """
    return int(digits) + int(extra)


def bits_for_digits(digits: int) -> int:
    """Working bits that represent ``digits`` decimal digits, plus guard bits: the same as
    :func:`guard_bits` ``(digits)`` (kept for callers outside the precision policy's files)."""
    return guard_bits(digits)


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
    mid, rad, exp = (int(v) for v in x.mid_rad_10exp(digits + 5))
    drop = len(str(abs(mid))) - digits
    if drop > 0:
        scale = 10**drop
        rounded = (abs(mid) * 2 + scale) // (2 * scale) * (1 if mid >= 0 else -1)
        rad = -((-(rad + abs(mid - rounded * scale))) // scale)  # ceiling division
        mid, exp = rounded, exp + drop
    return (_scaled(mid, exp), _scaled(rad, exp))


def _scaled(mantissa: int, exp10: int) -> str:
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


#: Extra significant digits printed for a midpoint, so that rounding the midpoint to decimal
#: costs less than the relative radius the caller asked for.
GUARD_DIGITS = 3


def report_ball(x: arb, digits: int) -> tuple[str, str]:
    """The decimal (mid, rad) reported for a ball meant to carry ``digits`` digits.

    Raises :class:`NonFiniteBall` for a NaN or infinite ball: this is the reporting path, and
    a non-finite ball is never shown as a value (:func:`decimal_ball` is only the formatter).
    """
    return decimal_ball(check_finite(x), digits + GUARD_DIGITS)


def meets_digits(x: arb, digits: int) -> bool:
    """True when the *reported* decimal ball has radius <= ``10**-digits * |mid|``.

    Decided on the decimal form that :func:`report_ball` prints, so what is printed satisfies
    the contract. A ball containing zero never meets a relative target.
    """
    if not x.is_finite() or x.contains(0):
        return False
    mid, rad = (Fraction(v) for v in report_ball(x, digits))
    return rad * 10**digits <= abs(mid)


def ball_contains_both(x: arb, y: arb) -> bool:
    """True when the balls overlap (the two values may be equal)."""
    return bool(x.overlaps(y))


def upper(x: arb) -> arb:
    """The exact upper end of a ball, as an exact arb."""
    return arb(x.upper())


def nonnegative_upper(x: arb) -> arb:
    """``max(0, upper end of x)`` as an exact arb: a proved upper bound of a quantity known to
    be >= 0 (never the ball's own negative half, whose square root would be NaN)."""
    top = arb(x.upper())
    return top if top > 0 else arb(0)


def span_ball(bound: arb | int | fmpq) -> arb:
    """The ball ``[0, u]`` with ``u`` the upper end of ``bound``: an enclosure of a quantity
    known only to lie between 0 and ``bound`` (a one-signed series tail, say).

    Guarantee: the ball contains every number in ``[0, u]`` (its midpoint is ``u/2`` and its
    radius is ``u/2`` rounded up, so it may reach slightly beyond both ends -- harmless for an
    enclosure). Raises TypeError for a bound that is not a ball or an exact rational, and
    ValueError when the bound is not finite or its upper end is negative (``[0, u]`` empty).

    >>> b = span_ball(arb(3))
    >>> b.contains(0), b.contains(3), b.contains(arb("1.5"))
    (True, True, True)
    """
    if isinstance(bound, bool) or not isinstance(bound, arb | int | fmpq):
        raise TypeError(f"bound={bound!r} must be an arb ball or an exact rational (int, fmpq)")
    b = arb(bound)
    if not b.is_finite():
        raise ValueError(f"bound={bound} must be a finite ball")
    top = arb(b.upper())
    if top < 0:
        raise ValueError(f"bound={bound} must have an upper end >= 0 ([0, bound] is empty)")
    return arb(top / 2, (top / 2).upper())


def interval_cover(lo: arb | int | fmpq, hi: arb | int | fmpq, n: int) -> list[arb]:
    """``n`` balls whose union contains ``[lo, hi]``: piece ``i`` is centred at the midpoint of
    the ball ``c_i = lo + (i + 1/2) w``, ``w = (hi - lo)/n``, with radius
    ``upper(w/2) (1 + 2^-20) + rad(c_i)`` (the rounding of the centre is added, so no gap opens
    however small ``w`` is next to ``lo``). For a proof of ``f <= g`` on an interval by
    interval arithmetic: a certified verdict on every piece covers every point.

    Guarantee: for every value of ``lo`` and ``hi`` in their balls (pi as a ball, say), every
    point of ``[lo, hi]`` lies in some returned ball (ball arithmetic encloses ``c_i`` and
    ``w`` for each such value). Raises TypeError for bad types and ValueError for ``n < 1``,
    non-finite ends or ``lo > hi`` proved.

    >>> pieces = interval_cover(0, 1, 4)
    >>> len(pieces), pieces[0].contains(0), pieces[-1].contains(1)
    (4, True, True)
    """
    for name, end in (("lo", lo), ("hi", hi)):
        if isinstance(end, bool) or not isinstance(end, arb | int | fmpq):
            raise TypeError(f"{name}={end!r} must be an arb ball or an exact rational")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n={n!r} must be an integer >= 1")
    if n < 1:
        raise ValueError(f"n={n} must be >= 1")
    a, b = arb(lo), arb(hi)
    if not (a.is_finite() and b.is_finite()):
        raise ValueError(f"lo={lo} and hi={hi} must be finite")
    if a > b:
        raise ValueError(f"lo={lo} must be <= hi={hi}")
    width = (b - a) / n
    half = arb((width / 2).upper()) * (1 + arb(2) ** -20)
    out = []
    for i in range(n):
        centre = a + (i + arb(1) / 2) * width
        out.append(arb(centre.mid(), arb(half + arb(centre.rad())).upper()))
    return out


class ExactValue:
    """An exact real number ``(q_1 B_1 + ... + q_n B_n) / sqrt(k!)``.

    ``q_i`` are rationals (``fmpq``) and ``B_i`` exact SymPy constants such as ``1``,
    ``1/sqrt(2*pi)`` or ``exp(-1/2)/sqrt(2*pi)``. This is the shape every exact Hermite
    coefficient has; keeping it structured (instead of a SymPy tree) keeps degree 2000 cheap.

    >>> v = ExactValue({sp.sqrt(2) / (2 * sp.sqrt(sp.pi)): fmpq(1)}, 2)
    >>> str(v)
    '(sqrt(2)/(2*sqrt(pi)))/sqrt(factorial(2))'
    >>> with workprec(100):
    ...     decimal_ball(v.ball(), 10)[0]
    '0.2820947918'
    """

    __slots__ = ("terms", "k")

    def __init__(self, terms: Mapping[sp.Expr, fmpq], k: int = 0) -> None:
        self.terms = {b: fmpq(q) for b, q in terms.items() if q != 0}
        self.k = k

    @classmethod
    def zero(cls) -> ExactValue:
        return cls({}, 0)

    def is_zero(self) -> bool:
        return not self.terms

    def sympy(self) -> sp.Expr:
        """The value as a SymPy expression (``sqrt(k!)`` left unevaluated for large k)."""
        total = sp.Add(*(sp.Rational(int(q.p), int(q.q)) * b for b, q in self.terms.items()))
        if self.k <= 1:
            return total
        return total / sp.sqrt(sp.factorial(sp.Integer(self.k), evaluate=self.k <= 200))

    def ball(self) -> arb:
        """A ball containing the value, at the current working precision."""
        total = arb(0)
        for b, q in self.terms.items():
            total += _constant_ball(b) * arb(q)
        if self.k > 1:
            total /= arb.fac_ui(self.k).sqrt()
        return total

    def __str__(self) -> str:
        if not self.terms:
            return "0"
        parts = []
        for b, q in sorted(self.terms.items(), key=lambda t: sp.default_sort_key(t[0])):
            if b == 1:
                parts.append(str(q))
            else:
                coef = str(q) if q.q == 1 else f"({q})"
                parts.append(f"({b})" if q == 1 else f"{coef}*({b})")
        body = " + ".join(parts).replace("+ -", "- ")
        if len(parts) > 1:
            body = f"({body})"
        return f"{body}/sqrt(factorial({self.k}))" if self.k > 1 else body

    def __repr__(self) -> str:
        return f"ExactValue({self})"


_CONSTANTS: dict[tuple[sp.Expr, int], arb] = {}


def _constant_ball(b: sp.Expr) -> arb:
    """Ball of an exact SymPy constant at the current precision (memoized per precision)."""
    from .expressions import arb_value

    key = (b, ctx.prec)
    if key not in _CONSTANTS:
        _CONSTANTS[key] = arb(1) if b == 1 else arb_value(b)
    return _CONSTANTS[key]


@dataclass(frozen=True)
class Coefficient:
    """One coefficient ``c_k`` with its evidence.

    ``ball`` contains ``c_k`` (for the float tier: a point value with radius 0 and *no*
    guarantee -- check ``tier``). ``exact`` is set for the exact tier and symmetry zeros.
    ``met`` says whether the requested relative digits were reached.

    Construction refuses a non-finite ball (:class:`NonFiniteBall`): a coefficient is always
    shown as a value, so a tier that cannot enclose one must say so before building it.
    """

    k: int
    tier: str
    ball: arb
    exact: ExactValue | None
    method: str
    met: bool

    def __post_init__(self) -> None:
        check_finite(self.ball, f"ball of coefficient {self.k}")

    @property
    def guaranteed(self) -> bool:
        return self.tier in ("exact", "certified")


def add_term(terms: dict[sp.Expr, fmpq], basis: sp.Expr, q: fmpq) -> None:
    """``terms[basis] += q``, with the basis canonical (SymPy writes erf(-t) as -erf(t))."""
    coeff, rest = basis.as_coeff_Mul()
    if coeff.is_Rational and coeff != 1:
        basis, q = rest, q * fmpq(int(coeff.p), int(coeff.q))
    if q != 0:
        terms[basis] = terms.get(basis, fmpq(0)) + q


# ---------------------------------------------------------------------------------------------
# The precision driver's magnitude guesses (the acb.integral second methods of both tiers).

def start_magnitude(estimate: float) -> arb:
    """A first guess of ``|c_k|`` for the precision driver, as a ball (never 0: a float
    estimate that underflowed, or a zero, starts at 1e-300 and is lowered as balls come)."""
    value = abs(estimate)
    return arb(value) if math.isfinite(value) and value > 1e-300 else arb("1e-300")


def next_magnitude(magnitude: arb, ball: arb) -> arb:
    """The next guess of ``|c_k|`` after computing ``ball``: its proved lower end when it is
    bounded away from 0, else the previous guess divided by 1e8. Kept in Arb (exponents of
    any size: a float would underflow for ``|c_k| < 1e-308``, and a zero target never ends)."""
    if ball.is_finite() and not ball.contains(0):
        low = arb(abs(ball).lower())
        return low if low < magnitude else magnitude
    return magnitude * arb("1e-8")


def magnitude_bits(magnitude: arb) -> int:
    """Bits below the binary point of ``magnitude`` (``-log2 |m|``, at least 0)."""
    with workprec(64):
        return max(0, int(-float((magnitude.log() / arb(2).log()).mid())))


def relative_target(digits: int, magnitude: arb) -> arb:
    """The absolute error target ``10**-digits * magnitude / 16`` as a ball (any exponent)."""
    with workprec(64):
        return arb(10) ** (-digits) * magnitude / 16
