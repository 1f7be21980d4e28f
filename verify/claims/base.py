"""The catalogue's building blocks: profiles, claims, planted variants, and comparisons.

A :class:`Claim` is one identity of one paper, registered under its ID (A1, B7, C6b, ...) with
its statement, its source label and a ``check(profile) -> CheckResult``. Beside it live
*planted* variants: minimally wrong versions of the same identity whose checks must come back
REFUTED, so a check that cannot fail cannot hide. An identity printed wrongly in a paper (an
*erratum*) carries the printed version as ``printed``: expected REFUTED, while ``check``
decides the corrected statement.

The comparisons (:func:`exact_equal`, :func:`rational_equal`, :func:`ball_equal`,
:func:`ball_less_equal`, :func:`all_of`) are the registration-facing names of
:mod:`verify.decide`, where each verdict has its one meaning (DESIGN.md "Evidence"); new
checks may call :mod:`verify.decide` directly. Monte Carlo goes through
:func:`verify.montecarlo.statistical_check` (never VERIFIED).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp
from flint import arb

from verify import decide
from verify.checks import CheckResult
from verify.expressions import arb_value
from verify.numbers import check_digits, guard_bits, workprec

PAPERS = {
    "ggjkk20": "Goel, Gollakota, Jin, Karmalkar, Klivans (ICML 2020)",
    "gkk19": "Goel, Karmalkar, Klivans (NeurIPS 2019)",
    "vw19": "Vempala, Wilmes (COLT 2019)",
    "sl22": "Safran, Lee (COLT 2022)",
}
SOURCES = ("paper", "secondary", "derived", "paper+derived", "secondary+derived")


@dataclass(frozen=True)
class Profile:
    """How far a run goes. ``quick`` is the default of ``verify run`` (under 2 minutes on two
    cores for the whole catalogue); ``full`` widens every range.

    Precision and tolerances of every catalogue check come from here, never from module
    constants:

    * ``digits``: relative significant digits asked of every certified equality
      (:func:`verify.decide.ball_equal` with ``digits=p.digits``);
    * ``prec_bits`` (derived): the working precision for those digits,
      ``verify.numbers.guard_bits(digits)``; :meth:`bits` adds named extra guard bits;
    * ``abs_tol`` (derived): the absolute tolerance of claims whose reference value is 0 or
      where an absolute bound is meant (``|sum| <= abs_tol``; :func:`verify.decide.ball_within`):
      ``10^-abs_tol_exponent``, the exponent being ``digits`` unless given (derived, so
      ``dataclasses.replace(p, digits=...)`` moves it too).
    """

    name: str
    k_max: int  # "for all k" statements are checked for k <= k_max
    dims: tuple[int, ...]  # "for all d" statements: these dimensions
    rhos: tuple[Fraction, ...]  # "for all rho": this grid, which contains -1, 0 and 1
    digits: int  # certified comparisons: relative significant digits asked of the balls
    mc_samples: int  # Monte Carlo cross-checks: samples per seed
    n_max: int  # families: largest ambient dimension enumerated
    abs_tol_exponent: int | None = None  # abs_tol = 10^-abs_tol_exponent; None: digits

    def __post_init__(self) -> None:
        from verify.numbers import check_digits

        object.__setattr__(self, "digits", check_digits(self.digits))
        if self.abs_tol_exponent is not None:
            check_digits(self.abs_tol_exponent, name="abs_tol_exponent")

    @property
    def abs_tol(self) -> Fraction:
        """``10^-abs_tol_exponent`` (``10^-digits`` unless the exponent is given)."""
        exponent = self.digits if self.abs_tol_exponent is None else self.abs_tol_exponent
        return Fraction(1, 10**exponent)

    @property
    def prec_bits(self) -> int:
        """Working bits for ``digits``: ``guard_bits(digits)``."""
        return guard_bits(self.digits)

    def bits(self, *, extra: int = 0) -> int:
        """Working bits for ``digits`` plus ``extra`` named guard bits: ``guard_bits(digits,
        extra=extra)``."""
        return guard_bits(self.digits, extra=extra)


QUICK = Profile("quick", k_max=30, dims=(2, 3, 5, 10, 100),
                rhos=tuple(Fraction(j, 4) for j in range(-4, 5)), digits=20,
                mc_samples=200_000, n_max=6)
FULL = Profile("full", k_max=60, dims=(2, 3, 4, 5, 10, 50, 100, 1000),
               rhos=tuple(Fraction(j, 16) for j in range(-16, 17)), digits=30,
               mc_samples=2_000_000, n_max=8)
PROFILES = {"quick": QUICK, "full": FULL}

Check = Callable[[Profile], CheckResult]


@dataclass(frozen=True)
class Variant:
    """A planted wrong variant (must be REFUTED) or an erratum's printed statement."""

    name: str
    statement: str
    check: Check


@dataclass
class Claim:
    """One catalogue entry. Build it with :func:`claim`; attach variants with
    ``@entry.planted(...)`` and, for an erratum, ``@entry.printed(...)``."""

    id: str
    paper: str
    where: str
    statement: str
    source: str
    methods: tuple[str, ...]
    check: Check
    statistical_only: bool = False
    note: str = ""
    planted_variants: list[Variant] = field(default_factory=list)
    printed_variant: Variant | None = None

    @property
    def erratum(self) -> bool:
        return self.printed_variant is not None

    def planted(self, name: str, statement: str = "") -> Callable[[Check], Check]:
        """Decorator: register a minimally wrong variant that must be REFUTED."""
        def register(fn: Check) -> Check:
            self.planted_variants.append(Variant(name, statement or name, fn))
            return fn
        return register

    def printed(self, statement: str) -> Callable[[Check], Check]:
        """Decorator: the statement as printed in the paper, known wrong (expected REFUTED)."""
        def register(fn: Check) -> Check:
            if self.printed_variant is not None:
                raise ValueError(f"{self.id} already has a printed variant")
            self.printed_variant = Variant("as printed", statement, fn)
            return fn
        return register


REGISTRY: dict[str, Claim] = {}


def claim(id: str, *, paper: str, where: str, statement: str, source: str,
          methods: Iterable[str], statistical_only: bool = False,
          note: str = "") -> Callable[[Check], Claim]:
    """Decorator registering ``check`` as catalogue entry ``id``; returns the :class:`Claim`."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {sorted(PAPERS)}")
    if source not in SOURCES:
        raise ValueError(f"{id}: source {source!r} is not one of {SOURCES}")

    def register(fn: Check) -> Claim:
        if id in REGISTRY:
            raise ValueError(f"catalogue ID {id} registered twice")
        entry = Claim(id, paper, where, statement, source, tuple(methods), fn,
                      statistical_only, note)
        REGISTRY[id] = entry
        return entry
    return register


# ---------------------------------------------------------------------------------------------
# Comparisons: registration-facing names for verify.decide (the rules live there).

exact_equal = decide.exact_equal
rational_equal = decide.rational_equal
ball_less_equal = decide.ball_less_equal
all_of = decide.all_of


def ball_equal(claim: str, lhs: arb, rhs: arb, *, method: str, tol: Any = None,
               digits: int = 20, evidence: Mapping[str, Any] | None = None) -> CheckResult:
    """``|lhs - rhs| <= tol`` by :func:`verify.decide.ball_within`.

    Without ``tol`` the claim is an exact identity of the paper (``identity=True``): a
    difference ball that excludes 0 REFUTES it, as in the first edition; with an explicit
    ``tol`` (a method-limited tolerance, stated in the check) it is REFUTED only when the
    difference is proved larger than ``tol``.

    Without ``tol`` the tolerance is the catalogue's legacy one, ``10^-digits * max(1,
    upper|rhs|)`` (absolute below 1, relative above), kept so the paper modules decide as
    before until they move to :func:`verify.decide.ball_equal` (relative digits) or
    :func:`verify.decide.ball_within` with ``abs_tol=profile.abs_tol``
    (/work/helper_notes/DECIDE_MAP.md lists the call sites)."""
    identity = tol is None
    if tol is None:
        scale = arb(abs(rhs).upper()) if rhs.is_finite() else arb(1)
        tol = arb(10) ** (-check_digits(digits)) * (scale if scale > 1 else arb(1))
        tol = arb(tol.lower()) if tol.is_finite() else tol
    return decide.ball_within(claim, lhs, rhs, abs_tol=tol, method=method, identity=identity,
                              evidence=evidence)


def arb_of(expr: sp.Expr | int | Fraction | str, prec: int = 200) -> arb:
    """An Arb ball for a closed-form constant (SymPy expression) at ``prec`` bits."""
    with workprec(prec):
        return arb_value(sp.sympify(expr))
