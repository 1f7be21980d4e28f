"""gkk19, Parseval sums of ReLU (B4, B5, B6): the even squares ``c_{2m}^2``, their partial sums
with two independent proved tails, the rate of the tail, and the dual kernel
``sum_i c_i^2 rho^i`` (the arc-cosine kernel).

The ratio recurrence ``c_{k+2}^2 / c_k^2 = (k-1)^2/((k+1)(k+2))`` and the closed-form tail bound
are the paper's (proofs_notes/gkk19.md, B4); tails enter as the ball ``[0, bound]``
(:func:`verify.numbers.span_ball`).
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import cache

import sympy as sp
from flint import arb, fmpq

from verify import decide, referee
from verify.checks import CheckResult
from verify.claims.base import Profile, claim
from verify.claims.gkk19._common import PAPER, RELU, const, q, relu_half_line
from verify.kernels import dual_kernel, parseval_tail_bound
from verify.moments import half_line_expectation
from verify.numbers import report_ball, span_ball, workprec

# ---------------------------------------------------------------------------------------------
# Even squares of ReLU, Parseval tails.


@cache
def relu_even_partials(m_max: int, bits: int) -> tuple[arb, ...]:
    """``S_M = sum_{m=1}^M c_{2m}^2`` for M = 0..m_max (balls at ``bits``), from
    ``c_k = He_{k-2}(0)/sqrt(2 pi k!)`` (Claim 1 with ``He_k(0) = -(k-1) He_{k-2}(0)``):
    ``c_2^2 = 1/(4 pi)`` and ``c_{k+2}^2/c_k^2 = (k-1)^2/((k+1)(k+2))``."""
    with workprec(bits):
        term = 1 / (4 * arb.pi())
        total = arb(0)
        out = [total]
        for m in range(1, m_max + 1):
            total += term
            out.append(total)
            k = 2 * m
            term = term * (k - 1) ** 2 / ((k + 1) * (k + 2))
        return tuple(out)


def closed_tail(m: int) -> arb:
    """Proved ``sum_{j>m} c_{2j}^2 <= m^{-3/2} / (12 pi^{3/2} (1 - 1/(2m))^2)`` (from the
    closed form of B3 and ``C(2j,j) 4^-j <= 1/sqrt(pi j)``; proofs_notes/gkk19.md, B4)."""
    return arb(m) ** (-arb(3) / 2) / (12 * arb.pi() ** (arb(3) / 2)
                                     * (1 - arb(1) / (2 * m)) ** 2)


def _tail_bounds(m: int) -> list[tuple[str, arb]]:
    core = parseval_tail_bound(RELU, 2 * m + 1)
    if core is None:
        raise RuntimeError("the core has no Parseval tail bound for ReLU (a bug)")
    return [("core parseval_tail_bound (jump formula, |h_n(0)| bound)", core),
            ("closed-form bound from B3", closed_tail(m))]


def series_terms(p: Profile) -> int:
    """Even terms summed by the Parseval checks (B4, B6, B16, B17)."""
    return 2000 if p.name == "quick" else 50_000


def relu_series(rho: Fraction, m: int) -> arb:
    """``sum_{k <= 2m+1} c_k^2 rho^k + [0, |rho|^{2m+2}] * (closed-form tail)`` (working
    precision)."""
    r = arb(q(rho))
    total = 1 / (2 * arb.pi()) + r / 4
    term = 1 / (4 * arb.pi())
    power = r * r
    for j in range(1, m + 1):
        total += term * power
        k = 2 * j
        term = term * (k - 1) ** 2 / ((k + 1) * (k + 2))
        power = power * r * r
    return total + span_ball(abs(power) * closed_tail(m))


# ---------------------------------------------------------------------------------------------
# B4

@claim("B4", paper=PAPER, where="unknown ([derived])",
       statement=r"\sum_i c_i^2=\tfrac12;\ \sum_{m\ge1}c_{2m}^2=\tfrac14-\tfrac1{2\pi};\ "
                 r"T_2=\sum_{m\ge2}c_{2m}^2=\tfrac14-\tfrac3{4\pi}=0.0112675854\ldots",
       source="derived",
       methods=("certified: exact partial sums in Arb + two independent proved tails",
                "exact: E[ReLU(g)^2] = 1/2 and c_0^2 + c_1^2 = 1/(2 pi) + 1/4 (half-line moments)"))
def b4(p: Profile) -> CheckResult:
    return _b4(p, sympy_total=sp.Rational(1, 2),
               even_sum=sp.Rational(1, 4) - 1 / (2 * sp.pi),
               t2=sp.Rational(1, 4) - 3 / (4 * sp.pi), printed_t2="0.0112675854")


def _b4(p: Profile, *, sympy_total: sp.Expr, even_sum: sp.Expr, t2: sp.Expr,
        printed_t2: str) -> CheckResult:
    m = series_terms(p)
    bits = p.bits(extra=20)
    partial = relu_even_partials(m, bits)[m]
    cases: list[CheckResult] = []
    a0, b0 = relu_half_line(0)
    a1, b1_ = relu_half_line(1)
    second = half_line_expectation([0, 0, 1])
    cases.append(decide.rational_equal("E[ReLU(g)^2] = 1/2: rational part (half-line moment)",
                                       second.rational, fmpq(1, 2), method="half-line moments"))
    cases.append(decide.rational_equal("E[ReLU(g)^2] = 1/2: 1/sqrt(2pi) part (half-line moment)",
                                       second.over_sqrt_2pi, 0, method="half-line moments"))
    cases.append(decide.rational_equal("sqrt(2 pi) c_0 = 1", b0, 1, method="half-line moments"))
    cases.append(decide.rational_equal("c_0 has no rational part", a0, 0,
                                       method="half-line moments"))
    cases.append(decide.rational_equal("c_1 = 1/2", a1, fmpq(1, 2), method="half-line moments"))
    cases.append(decide.rational_equal("c_1 has no 1/sqrt(2pi) part", b1_, 0,
                                       method="half-line moments"))
    with workprec(bits):
        head = 1 / (2 * arb.pi()) + arb(1) / 4
        c2sq = 1 / (4 * arb.pi())
        for name, tail in _tail_bounds(m):
            span = span_ball(tail)
            # method-limited tolerance: the enclosure partial + [0, tail] is tail wide
            tol = tail.upper() * (1 + arb(2) ** -40)
            ev = {"terms": f"degrees <= {2 * m + 1}", "tail_bound": report_ball(tail, 4)[0]}
            method = "partial sum + proved tail (tolerance: the proved tail)"
            cases.append(decide.ball_within(f"sum_i c_i^2 = {sympy_total} [{name}]",
                                            head + partial + span, const(sympy_total),
                                            abs_tol=tol, identity=True, method=method,
                                            evidence=ev))
            cases.append(decide.ball_within(f"sum_(m>=1) c_(2m)^2 = {even_sum} [{name}]",
                                            partial + span, const(even_sum), abs_tol=tol,
                                            identity=True, method=method, evidence=ev))
            cases.append(decide.ball_within(f"T_2 = {t2} [{name}]", partial - c2sq + span,
                                            const(t2), abs_tol=tol, identity=True,
                                            method=method, evidence=ev))
        cases.append(decide.rounded_decimal("T_2 as printed", const(t2), printed_t2,
                                            method="Arb evaluation of the closed form"))
    return decide.all_of(f"B4 with {m} even terms and proved tails", "certified + exact", cases)


@b4.planted("factor 2: 1/4 - 1/pi", r"\sum_{m\ge1}c_{2m}^2=\tfrac14-\tfrac1{\pi}")
def b4_factor(p: Profile) -> CheckResult:
    return _b4(p, sympy_total=sp.Rational(1, 2), even_sum=sp.Rational(1, 4) - 1 / sp.pi,
               t2=sp.Rational(1, 4) - 3 / (4 * sp.pi), printed_t2="0.0112675854")


@b4.planted("off-by-one degree: T_2 keeps degree 2", r"T_2=\tfrac14-\tfrac1{2\pi}")
def b4_t2(p: Profile) -> CheckResult:
    return _b4(p, sympy_total=sp.Rational(1, 2), even_sum=sp.Rational(1, 4) - 1 / (2 * sp.pi),
               t2=sp.Rational(1, 4) - 1 / (2 * sp.pi), printed_t2="0.0112675854")


# ---------------------------------------------------------------------------------------------
# B5

def relu_csq(k: int) -> arb:
    """``c_k^2 = ((k-3)!!)^2/(2 pi k!)`` for even k >= 2, in Arb (factorials as balls, working
    precision)."""
    m = (k - 2) // 2
    df = arb.fac_ui(k - 2) / (arb(2) ** m * arb.fac_ui(m))
    return df * df / (2 * arb.pi() * arb.fac_ui(k))


@claim("B5", paper=PAPER, where="unknown ([derived])",
       statement=r"|c_k|\sim2^{-1/4}\pi^{-3/4}k^{-5/4}\ (k\ \mathrm{even});\ "
                 r"T_L=\sum_{2m>L}c_{2m}^2\sim\frac{L^{-3/2}}{3\sqrt2\,\pi^{3/2}}",
       source="derived",
       methods=("certified: explicit rates |r_k^2 - 1| <= 3/k and |T_L/A_L - 1| <= 1.3/L",
                "certified: the note's printed values, to half a unit of the last digit"))
def b5(p: Profile) -> CheckResult:
    return _b5(p, constant=sp.Integer(2) ** sp.Rational(-1, 4) * sp.pi ** sp.Rational(-3, 4),
               t_constant=1 / (3 * sp.sqrt(2) * sp.pi ** sp.Rational(3, 2)))


def _b5(p: Profile, *, constant: sp.Expr, t_constant: sp.Expr) -> CheckResult:
    ks = [k for k in range(6, p.k_max + 1, 2)] + [100, 1000, 10_000]
    if p.name != "quick":
        ks += [100_000, 1_000_000]
    cases: list[CheckResult] = []
    bits = p.bits(extra=20)
    with workprec(bits):
        cst = const(constant)
        tcst = const(t_constant)
        for k in ks:
            r2 = relu_csq(k) * arb(k) ** (arb(5) / 2) / cst**2
            cases.append(decide.ball_less_equal(f"|c_{k}^2 k^(5/2) / const^2 - 1| <= 3/k",
                                                abs(r2 - 1), arb(3) / k,
                                                method="Arb, c_k^2 = ((k-3)!!)^2/(2pi k!)"))
        for k, printed in ((10, "0.3910"), (100, "0.3595"), (1000, "0.35666"),
                           (10_000, "0.356384")):
            cases.append(decide.rounded_decimal(
                f"|c_{k}| k^(5/4)", relu_csq(k).sqrt() * arb(k) ** (arb(5) / 4), printed,
                method="Arb"))
        cases.append(decide.rounded_decimal("2^(-1/4) pi^(-3/4)", cst, "0.35635", method="Arb"))
        l_max = max(p.k_max, 214)
        total = arb(1) / 4 - 1 / (2 * arb.pi())
        big = [1000, 4000] if p.name == "quick" else [1000, 4000, 20_000]
        sums = relu_even_partials(max(big) // 2, bits)

        def t_of(n: int) -> arb:
            return total - sums[n // 2]

        for n in list(range(10, l_max + 1)) + big:
            asym = tcst * arb(n) ** (-arb(3) / 2)
            cases.append(decide.ball_less_equal(f"|T_{n} / A_{n} - 1| <= 1.3/{n}",
                                                abs(t_of(n) / asym - 1), arb(13) / (10 * n),
                                                method="Parseval minus partial sum"))
        cases.append(decide.rounded_decimal("T_100", t_of(100), "4.2137e-5", method="Arb"))
        cases.append(decide.rounded_decimal("A_100", tcst * arb(100) ** (-arb(3) / 2),
                                            "4.2329e-5", method="Arb"))
        cases.append(decide.rounded_decimal("T_214", t_of(214), "1.349278e-5", method="Arb"))
    return decide.all_of(f"B5: explicit rates for even k in [6, {p.k_max}] and {ks[-3:]}, "
                         f"L in [10, {l_max}] and {big}", "certified (Arb)", cases)


@b5.planted("sign of the exponent: 2^{+1/4}",
            r"|c_k|\sim2^{1/4}\pi^{-3/4}k^{-5/4}")
def b5_const(p: Profile) -> CheckResult:
    return _b5(p, constant=sp.Integer(2) ** sp.Rational(1, 4) * sp.pi ** sp.Rational(-3, 4),
               t_constant=1 / (3 * sp.sqrt(2) * sp.pi ** sp.Rational(3, 2)))


@b5.planted("missing sqrt 2 in the tail constant", r"T_L\sim\frac{L^{-3/2}}{3\pi^{3/2}}")
def b5_tail(p: Profile) -> CheckResult:
    return _b5(p, constant=sp.Integer(2) ** sp.Rational(-1, 4) * sp.pi ** sp.Rational(-3, 4),
               t_constant=1 / (3 * sp.pi ** sp.Rational(3, 2)))


# ---------------------------------------------------------------------------------------------
# B6

def _taylor_closed_form(n_max: int, arcsin_sign: int) -> list[fmpq]:
    """Taylor coefficients of ``2 pi K(rho) - (pi/2) rho = sqrt(1-rho^2) + s rho arcsin(rho)``
    (s = arcsin_sign) from the binomial series of ``(1-x)^{1/2}`` and of ``(1-x)^{-1/2}``
    integrated termwise (arcsin). The degree-1 coefficient pi/2 is handled apart."""
    out = [fmpq(0)] * (n_max + 1)
    half, minus_half = fmpq(1), fmpq(1)  # binom(1/2, m), binom(-1/2, m)
    for m in range(0, n_max // 2 + 1):
        if m > 0:
            half = half * (fmpq(1, 2) - m + 1) / m
            minus_half = minus_half * (fmpq(-1, 2) - m + 1) / m
        out[2 * m] += half * (-1) ** m
        # arcsin: (-1)^m binom(-1/2, m) rho^{2m+1}/(2m+1); times rho -> degree 2m+2
        if 2 * m + 2 <= n_max:
            out[2 * m + 2] += arcsin_sign * minus_half * (-1) ** m / (2 * m + 1)
    return out


def _kernel_closed(rho: Fraction, arcsin_sign: int) -> arb:
    """B6's right side ``(sqrt(1-rho^2) + (pi/2 + s arcsin rho) rho)/(2 pi)`` (working
    precision; s = -1 is the planted variant)."""
    r = arb(q(rho))
    return ((1 - r * r).sqrt() + (arb.pi() / 2 + arcsin_sign * r.asin()) * r) / (2 * arb.pi())


@claim("B6", paper=PAPER, where="unknown ([derived]; Mehler / arc-cosine kernel)",
       statement=r"\sum_ic_i^2\rho^i=\frac{\sqrt{1-\rho^2}+(\pi-\arccos\rho)\rho}{2\pi}"
                 r"\quad(-1\le\rho\le1)",
       source="derived",
       methods=("exact: Taylor coefficients of the closed form (binomial series) = 2 pi c_k^2",
                "certified: series with proved tail (|rho| < 1: |rho|^{N+1} x tail; |rho| = 1: "
                "Parseval tail) vs the closed form in Arb",
                "certified: core dual_kernel (Parseval-deficit tail) for |rho| <= 1/2",
                "certified: verify.referee.check_kernel_claim at every rho of the grid"))
def b6(p: Profile) -> CheckResult:
    return _b6(p, arcsin_sign=1)


def _b6(p: Profile, *, arcsin_sign: int) -> CheckResult:
    cases: list[CheckResult] = []
    taylor = _taylor_closed_form(p.k_max, arcsin_sign)
    for n in range(p.k_max + 1):
        if n == 1:
            a, _ = relu_half_line(1)
            cases.append(decide.rational_equal("c_1^2 = [rho^1] K = 1/4", a * a, fmpq(1, 4),
                                               method="half-line moments"))
            continue
        _, b = relu_half_line(n)
        two_pi_csq = b * b / math.factorial(n)  # 2 pi c_n^2 (a = 0 for n != 1)
        cases.append(decide.rational_equal(f"2 pi c_{n}^2 = Taylor coefficient {n} of 2 pi K",
                                           two_pi_csq, taylor[n], method="binomial series, fmpq"))
    m = series_terms(p)
    with workprec(p.bits(extra=20)):
        for rho in p.rhos:
            closed = _kernel_closed(rho, arcsin_sign)
            series = relu_series(rho, m)
            if abs(rho) < 1:
                cases.append(decide.ball_within(
                    f"K({rho}): series = closed form", series, closed, abs_tol=p.abs_tol,
                    identity=True, method=f"Arb series, {2 * m + 1} terms + proved tail"))
            else:  # method-limited: at |rho| = 1 the series converges like the Parseval tail
                cases.append(decide.ball_within(
                    f"K({rho}): series = closed form", series, closed,
                    abs_tol=2 * closed_tail(m), identity=True,
                    method=f"Arb series, {2 * m + 1} terms + proved Parseval tail (tolerance: "
                           "twice the tail)"))
            r = q(rho)
            claimed = (sp.sqrt(1 - r**2) + (sp.pi / 2 + arcsin_sign * sp.asin(r)) * r) / (
                2 * sp.pi)
            cases.append(referee.check_kernel_claim(RELU, r, claimed, digits=p.digits))
            if abs(rho) <= Fraction(1, 2):
                ball, n_terms = dual_kernel(RELU, q(rho), digits=p.digits)
                # method-limited: dual_kernel's digits are absolute, compared 2 digits short
                cases.append(decide.ball_within(
                    f"K({rho}): core dual_kernel = closed form", ball, closed,
                    abs_tol=Fraction(1, 10 ** (p.digits - 2)), identity=True,
                    method=f"core dual_kernel, {n_terms} terms (tolerance 10^-(digits-2))"))
    return decide.all_of(f"B6 for degrees <= {p.k_max} (exact) and rho in {len(p.rhos)} points "
                         "of [-1, 1] (certified)", "exact + certified", cases)


@b6.planted("rho arccos(rho) instead of (pi - arccos rho) rho",
            r"\sum_ic_i^2\rho^i=\frac{\sqrt{1-\rho^2}+\rho\arccos\rho}{2\pi}")
def b6_arccos(p: Profile) -> CheckResult:
    return _b6(p, arcsin_sign=-1)
