"""Registration glue shared by the sl22 section modules: the paper key, the working precision
of its certified checks (from the profile), ball coercion and reporting, and the paper's own
Bessel-component CDF (the law D_d's scale c is the paper's; the mathematics is
:func:`verify.special.bessel_square_cdf`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from fractions import Fraction

from flint import arb, ctx, fmpq

from verify import special
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import Profile
from verify.decide import ball_within, identity_at_points
from verify.numbers import report_ball, workprec

P = "sl22"

#: Guard bits beyond the profile's digits for every certified check of this paper: 20 for
#: comparing near-equal balls (the policy's named loss) and 20 more for the quadratures and
#: series whose own stopping tolerances follow the working precision (quick: 127 bits, full:
#: 160).
EXTRA_BITS = 40

#: The decisions of sl22 are identities between enclosures unless a check says otherwise.
identity = identity_at_points


def work_bits(p: Profile) -> int:
    """The working precision of the certified checks of sl22 under profile ``p``."""
    return p.bits(extra=EXTRA_BITS)


def b(x: object) -> arb:
    """An exact rational (or integer / decimal string) as an Arb ball."""
    if isinstance(x, arb):
        return x
    if isinstance(x, Fraction):
        return arb(fmpq(x.numerator, x.denominator))
    if isinstance(x, str):
        f = Fraction(x)
        return arb(fmpq(f.numerator, f.denominator))
    return arb(x)  # type: ignore[arg-type]


def show(x: arb, digits: int = 12) -> str:
    mid, rad = report_ball(x, digits)
    return mid + " +/- " + rad


def fact(verdict: Verdict, strength: Strength, claim_text: str, method: str,
         **evidence: object) -> CheckResult:
    return CheckResult(verdict, strength, claim_text, method, dict(evidence))


def const_fn(value: arb) -> Callable[[arb], arb]:
    def const(_: arb) -> arb:
        return value
    return const


def erf1() -> arb:
    return arb(1).erf()


@functools.cache
def bessel_cdf(d: int, x: Fraction, bits: int, scale: Fraction = Fraction(2)) -> arb:
    """F_d(x) = int_0^x (d/t) J_{d/2}(c t)^2 dt with c = scale * pi * sqrt(d) * R_d (alpha = 1;
    the paper's law D_d has scale 2), by :func:`verify.special.bessel_square_cdf` at X = c x,
    working precision ``bits``."""
    def big_x() -> arb:
        return b(scale) * arb.pi() * arb(d).sqrt() * special.unit_volume_ball_radius(d) * b(x)

    with workprec(bits):
        return special.bessel_square_cdf(arb(d) / 2, big_x)


def bessel_tail(d: int, x: Fraction, bits: int) -> arb:
    """int_x^oo bar gamma_d = 1 - F_d(x) (D3: total mass 1)."""
    return 1 - bessel_cdf(d, x, bits)


def quad_bessel_cdf(d: int, c: arb, x: arb) -> arb:
    """F_d(x) = int_0^x (d/t) J_{d/2}(ct)^2 dt by quadrature,
    :func:`verify.special.bessel_square_cdf_quadrature` at c x (the second method)."""
    return special.bessel_square_cdf_quadrature(arb(d) / 2, c * x)


def quad_tol() -> arb:
    """Relative tolerance of this paper's own ``acb.integral`` calls and tightness asked of its
    Bessel balls: ``2^-(prec - 20)`` at the working precision (20 of the :data:`EXTRA_BITS`)."""
    return arb(2) ** -(ctx.prec - 20)


#: Tightness asked of the Bessel balls inside bisection enclosures (D6, D7): a speed knob,
#: not a decision tolerance (every ball is an enclosure; a wide one only splits the piece).
BISECTION_BESSEL_TOL_BITS = 40


def same(p: Profile, claim_text: str, lhs: arb, rhs: arb, *, method: str) -> CheckResult:
    """Two enclosures of one quantity that the paper claims equal (a closed form against a
    quadrature, two algorithms): an identity, so a proved difference REFUTES whatever its size
    (``identity=True``); VERIFIED to within the profile's absolute tolerance ``p.abs_tol`` (the
    values compared are O(1))."""
    return ball_within(claim_text, lhs, rhs, abs_tol=p.abs_tol, identity=True, method=method)
