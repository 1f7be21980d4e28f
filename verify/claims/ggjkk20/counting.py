"""A15, A16: counting odd multi-indices."""

from __future__ import annotations

import math

from flint import fmpq, fmpq_poly

from verify.checks import CheckResult
from verify.claims.base import (
    Profile,
    all_of,
    claim,
    rational_equal,
)
from verify.combinatorics import compositions, multinomial, odd_compositions

from ._common import P

# ---------------------------------------------------------------------------------------------
# A15, A16: counting odd multi-indices.

def _series_coefficient(poly: fmpq_poly, power: int, d: int) -> fmpq:
    """``[t^d] poly^power`` (exact; flint's truncated power)."""
    return fmpq(poly.pow_trunc(power, d + 1)[d])


def _a15_formula(k: int, d: int, shift: int) -> int:
    if d < k or (d - k) % 2:
        return 0
    return math.comb((d - k) // 2 + k - 1 + shift, k - 1)


def _a15_run(p: Profile, shift: int) -> CheckResult:
    k_top, extra = (5, 10) if p.name == "quick" else (7, 12)
    cases = []
    for k in range(1, k_top + 1):
        # t/(1 - t^2) = t + t^3 + t^5 + ...: the generating function of one odd entry.
        for d in range(0, 2 * k + extra + 1):
            odd_gf = fmpq_poly([0 if j % 2 == 0 else 1 for j in range(d + 2)])
            enum = sum(1 for a in compositions(d, k) if all(v % 2 for v in a))
            gf = _series_coefficient(odd_gf, k, d)
            want = _a15_formula(k, d, shift)
            cases.append(all_of(f"#odd alpha, |alpha|={d}, k={k}", "enumeration; series",
                                [rational_equal(f"enumeration k={k}, d={d}", enum, want,
                                                method="all compositions of d, filtered"),
                                 rational_equal(f"series k={k}, d={d}", gf, want,
                                                method="[t^d] (t/(1-t^2))^k in Q[t]")]))
    return all_of(f"A15 for k <= {k_top}, d <= 2k + {extra} (0 when d < k or d != k mod 2)",
                  "enumeration; generating function", cases)


@claim("A15", paper=P, where="counting (number unknown)",
       statement=r"\#\{\alpha\in\mathbb N_{\rm odd}^k:|\alpha|=d\}=\binom{(d-k)/2+k-1}{k-1}"
       r"\quad(d\ge k,\ d\equiv k\ (2);\ 0\text{ otherwise})", source="derived",
       methods=("exact: enumeration of all compositions", "exact: [t^d](t/(1-t^2))^k"))
def a15(p: Profile) -> CheckResult:
    return _a15_run(p, 0)


@a15.planted("off by one in the binomial", r"\binom{(d-k)/2+k}{k-1}")
def a15_off_by_one(p: Profile) -> CheckResult:
    return _a15_run(p, 1)


def _a16_run(p: Profile, signed: bool) -> CheckResult:
    k_top, extra = (6, 10) if p.name == "quick" else (8, 14)
    cases = []
    for k in range(1, k_top + 1):
        sinh = fmpq_poly([fmpq(1, math.factorial(j)) if j % 2 else 0
                          for j in range(2 * k + extra + 2)])
        for d in range(k, 2 * k + extra + 1):
            enum = sum(multinomial(d, a) for a in odd_compositions(d, k))
            series = _series_coefficient(sinh, k, d) * math.factorial(d)
            binom = sum((-1) ** j * math.comb(k, j) * (k - 2 * j) ** d if signed else
                        math.comb(k, j) * (k - 2 * j) ** d for j in range(k + 1))
            closed = fmpq(binom, 2**k)
            cases.append(all_of(f"A16 k={k}, d={d}", "three exact forms",
                                [rational_equal(f"enumeration = 2^-k sum, k={k}, d={d}", enum,
                                                closed, method="sum of d!/alpha! over odd "
                                                "alpha"),
                                 rational_equal(f"d![t^d] sinh^k = 2^-k sum, k={k}, d={d}", series,
                                                closed, method="truncated power series in Q[t]")]))
    cases.append(rational_equal("k=4, d=8: 8064 (the note's value)",
                                sum(multinomial(8, a) for a in odd_compositions(8, 4)), 8064,
                                method="enumeration"))
    return all_of(f"A16 for k <= {k_top}, k <= d <= 2k + {extra}", "enumeration; series; sum",
                  cases)


@claim("A16", paper=P, where="counting (number unknown)",
       statement=r"\sum_{|\alpha|=d,\ \alpha\text{ odd}}\frac{d!}{\alpha!}=d!\,[t^d]\sinh^kt="
       r"2^{-k}\sum_{j=0}^k(-1)^j\binom kj(k-2j)^d", source="derived",
       methods=("exact: enumeration of odd multi-indices",
                "exact: truncated power series of sinh^k in Q[t]"))
def a16(p: Profile) -> CheckResult:
    return _a16_run(p, True)


@a16.planted("without the sign (-1)^j", r"2^{-k}\sum_j\binom kj(k-2j)^d")
def a16_unsigned(p: Profile) -> CheckResult:
    return _a16_run(p, False)



