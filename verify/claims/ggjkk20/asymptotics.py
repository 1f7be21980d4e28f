"""A17, A18: asymptotics and counting for the choice of k."""

from __future__ import annotations

import math

import sympy as sp
from flint import arb

from verify import decide
from verify import special as S
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    ball_less_equal,
    claim,
    exact_equal,
)
from verify.hermite import exact_coefficients
from verify.numbers import workprec

from ._common import RELU, P

# ---------------------------------------------------------------------------------------------
# A17, A18: asymptotics and counting for the choice of k.

def _robbins_ratio_bounds(k: int) -> tuple[arb, arb]:
    """For even k: ``r_k = (k/(k-1))^2 e^{2 delta}`` with
    ``delta in (1/(12k+1) - 1/(6k), 1/(12k) - 1/(6k+1))`` (Robbins' bounds on n!)."""
    base = (arb(k) / (k - 1)) ** 2
    lo = base * (2 * (arb(1) / (12 * k + 1) - arb(1) / (6 * k))).exp()
    hi = base * (2 * (arb(1) / (12 * k) - arb(1) / (6 * k + 1))).exp()
    return lo, hi


def _a17_run(p: Profile, denominator_factor: int) -> CheckResult:
    cases = []
    exact = exact_coefficients(RELU, p.k_max)
    for k in range(2, p.k_max + 1, 2):
        lhs = 4**k * sp.factorial(k) / sp.Integer(k) ** k * exact[k].sympy() ** 2
        rhs = 4**k * sp.factorial2(k - 3) ** 2 / (2 * sp.pi * sp.Integer(k) ** k)
        cases.append(exact_equal(f"k={k}: 4^k k!/k^k c_k^2 = 4^k ((k-3)!!)^2/(2 pi k^k)", lhs, rhs,
                                 method="exact c_k (jump formula) vs closed form"))
    ks = [k for k in range(4, p.k_max + 1, 2)] + [64, 128, 256, 1024]
    with workprec(p.bits(extra=113)):  # >= 200 bits: C(200, 100) < 2^197 is held exactly
        for k in ks:
            value = arb(4) ** k * arb(S.double_factorial(k - 3)) ** 2 / (
                2 * arb.pi() * arb(k) ** k)
            asym = (arb(4) / arb(1).exp()) ** k / (denominator_factor * arb.pi() * k * k)
            ratio = value / asym
            lo, hi = _robbins_ratio_bounds(k)
            cases.append(all_of(f"k={k}: the ratio lies in the Robbins interval", "certified",
                                [ball_less_equal(f"k={k}: lower", lo, ratio,
                                                 method="Robbins n! bounds"),
                                 ball_less_equal(f"k={k}: upper", ratio, hi,
                                                 method="Robbins n! bounds"),
                                 ball_less_equal(f"k={k}: |ratio - 1| <= 3/k", abs(ratio - 1),
                                                 arb(3) / k, method="consequence")]))
            if k in (32, 256):
                cases.append(decide.rounded_decimal(f"note: ratio at k={k}", ratio,
                                                    {32: "1.06", 256: "1.0072"}[k],
                                                    method="certified value vs the printed "
                                                    "digits"))
    return all_of(f"A17: exact for even k <= {p.k_max}; ratio to (4/e)^k/(pi k^2) within "
                  f"Robbins' bounds and |ratio - 1| <= 3/k for even 4 <= k <= {p.k_max} and "
                  "k = 64, 128, 256, 1024", "exact; certified", cases)


@claim("A17", paper=P, where="ReLU norm (number unknown)",
       statement=r"4^k\frac{k!}{k^k}\hat\sigma_k^2=\frac{4^k((k-3)!!)^2}{2\pi k^k}\sim"
       r"\frac{(4/e)^k}{\pi k^2}\quad(\text{ReLU},\ k\text{ even})", source="derived",
       methods=("exact: c_k from the jump formula vs the double-factorial form",
                "certified: ratio = (k/(k-1))^2 e^{2 delta_k} with Robbins' bounds on delta_k"))
def a17(p: Profile) -> CheckResult:
    return _a17_run(p, 1)


@a17.planted("2 pi k^2 instead of pi k^2", r"\frac{4^k((k-3)!!)^2}{2\pi k^k}\sim"
             r"\frac{(4/e)^k}{2\pi k^2}")
def a17_factor_two(p: Profile) -> CheckResult:
    return _a17_run(p, 2)


def _a18_run(p: Profile, with_e: bool) -> CheckResult:
    top = 60 if p.name == "quick" else 200
    bad: list[tuple[int, int]] = []
    undecided: list[tuple[int, int]] = []
    factor_bad: list[tuple[int, int]] = []
    with workprec(p.bits(extra=113)):  # >= 200 bits: C(200, 100) < 2^197 is held exactly
        e = arb(1).exp()
        for n in range(1, top + 1):
            for k in range(1, n + 1):
                c = math.comb(n, k)
                if with_e:
                    bound = (e * n / k) ** k
                    if arb(c) < bound:
                        bad.append((n, k))
                    elif not arb(c) >= bound:
                        undecided.append((n, k))
                elif c * k**k < n**k:
                    bad.append((n, k))
                if any(k * (n - i) < n * (k - i) for i in range(k)):
                    factor_bad.append((n, k))
    text = ("C(n,k) >= (e n/k)^k" if with_e else "C(n,k) >= (n/k)^k") + f" for 1 <= k <= n <= {top}"
    verdict = (Verdict.REFUTED if bad else Verdict.INCONCLUSIVE if undecided
               else Verdict.VERIFIED)
    cases = [CheckResult(verdict, Strength.CERTIFIED if with_e else Strength.EXACT, text,
                         "Arb comparison" if with_e else "integer arithmetic",
                         {"first_failures": str(bad[:3]), "undecided": str(undecided[:3])}),
             CheckResult(Verdict.VERIFIED if not factor_bad else Verdict.REFUTED, Strength.EXACT,
                         f"each factor (n-i)/(k-i) >= n/k, k <= n <= {top}", "integer arithmetic",
                         {"first_failures": str(factor_bad[:3])})]
    with workprec(p.bits(extra=113)):  # >= 200 bits: C(200, 100) < 2^197 is held exactly
        for m, printed in ((10, "7.8"), (20, "16.9")):
            n = 2**m
            lg = arb(math.comb(n, m)).log() / arb(n).log()
            cases.append(decide.rounded_decimal(f"note: log_n C(n, log2 n) at n = 2^{m}", lg,
                                                printed, method="certified value vs the printed "
                                                "digits"))
        for m in range(2, p.k_max + 1):
            n = 2**m
            lg = arb(math.comb(n, m)).log() / arb(n).log()
            low = m * (1 - arb(m).log() / arb(n).log())
            cases.append(ball_less_equal(f"n=2^{m}: m(1 - log_n m) <= log_n C(n, m)", low, lg,
                                         method="Arb logarithms"))
            cases.append(ball_less_equal(f"n=2^{m}: log_n C(n, m) <= m", lg, arb(m),
                                         method="Arb logarithms"))
    return all_of(text + f"; growth of log_n C(n, log2 n) for n = 2^m, m <= {p.k_max}",
                  "exact; certified", cases)


@claim("A18", paper=P, where="parameter choice (number unknown)",
       statement=r"\binom nk\ge\Big(\frac nk\Big)^k;\ k=\log_2n:\ 2^k=n\text{ units and }"
       r"\log_n\binom nk\ge k(1-\log_nk)=\Theta(\log n)", source="derived",
       methods=("exact: integer comparison over a range", "exact: factor-by-factor argument; "
                "certified logarithms"))
def a18(p: Profile) -> CheckResult:
    return _a18_run(p, False)


@a18.planted("(en/k)^k (the upper bound) as a lower bound", r"\binom nk\ge\Big(\frac{en}{k}"
             r"\Big)^k")
def a18_with_e(p: Profile) -> CheckResult:
    return _a18_run(p, True)



