"""sl22, the Gaussian component N(0, I_d/d) of the law D_d and its comparison with the Bessel
component: D5 (the law of ||x||), D7 (a bound on both densities), D8 (chi-square tails).

The regularized incomplete gamma function is :func:`verify.special.reg_lower_gamma_series`
(DLMF 8.7.1 with a proved tail); the paper's density ``p_d`` and its SymPy derivation stay
here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import cast

import sympy as sp
from flint import arb

from verify import special as S
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import Profile, all_of, ball_less_equal, claim
from verify.decide import bound_on_interval, monotone_bound_on_interval
from verify.numbers import workprec

from ._shared import BISECTION_BESSEL_TOL_BITS, P, identity, work_bits
from ._shared import b as _b
from ._shared import const_fn as _const_fn
from ._shared import fact as _fact


def _jr(nu: arb, z: arb | Callable[[], arb], *, abs_tol: arb) -> arb:
    """J_nu(z) for real z (:func:`verify.special.bessel_j`, typed real)."""
    return cast(arb, S.bessel_j(nu, z, abs_tol=abs_tol))


# =============================================================================================
# D5 -- the Gaussian component N(0, I_d/d).

def _chi_density(d: sp.Expr, var: sp.Expr, x: sp.Symbol) -> sp.Expr:
    """Density of ||x|| for x ~ N(0, var I_d): derivative of P(||x|| <= x) = P(d/2, x^2/(2var))
    (the chi-square law of ||x||^2/var)."""
    cdf = sp.lowergamma(d / 2, x**2 / (2 * var)) / sp.gamma(d / 2)
    return sp.diff(cdf, x)


def _p_d(d: sp.Expr, x: sp.Expr) -> sp.Expr:
    return 2 * (d / 2) ** (d / 2) / sp.gamma(d / 2) * x ** (d - 1) * sp.exp(-d * x**2 / 2)


def _d5_density_cases(var_of_d: Callable[[sp.Expr], sp.Expr], dims: Sequence[int]
                      ) -> list[CheckResult]:
    x = sp.Symbol("x", positive=True)
    out = []
    for d in dims:
        dd = sp.Integer(d)
        out.append(identity(f"d={d}: density of ||x||, x ~ N(0, {var_of_d(dd)} I), is p_d",
                                 sp.simplify(_chi_density(dd, var_of_d(dd), x)), _p_d(dd, x),
                                 method="SymPy: derivative of the chi-square CDF",
                                 points=({x: sp.Integer(1)},)))
    return out


def _d5_check(p: Profile, mode: Callable[[sp.Expr], sp.Expr]) -> CheckResult:
    d = sp.Symbol("d", positive=True)
    x = sp.Symbol("x", positive=True)
    cases = _d5_density_cases(lambda dd: 1 / dd, (2, 3, 5, 10))
    # the CDF: d/dx P(d/2, d x^2/2) = p_d(x), symbolic d
    cdf = sp.lowergamma(d / 2, d * x**2 / 2) / sp.gamma(d / 2)
    cases.append(identity("d/dx P(d/2, d x^2/2) = p_d(x) (symbolic d)",
                               sp.diff(cdf, x), _p_d(d, x), method="SymPy"))
    # the mode: d/dx log p_d = (d-1)/x - d x vanishes at the claimed mode
    dlog = sp.diff(sp.expand_log(sp.log(_p_d(d, x)), force=True), x)
    cases.append(identity("(log p_d)'(mode) = 0", sp.simplify(dlog.subs(x, mode(d))), 0,
                               method="SymPy", points=({d: sp.Integer(5)},)))
    d_max = 400 if p.name == "quick" else 2000
    with workprec(work_bits(p)):
        worst: CheckResult | None = None
        for dn in range(2, d_max + 1):
            xm = (1 - arb(1) / dn).sqrt()
            log_half_peak = (arb(dn) / 2) * (arb(dn) / 2).log() - (arb(dn) / 2).lgamma() \
                + (dn - 1) * xm.log() - arb(dn) * xm * xm / 2
            bound = arb(1) if dn == 2 else (arb(dn) / 2).sqrt()
            r1 = ball_less_equal(f"sup p_d/2 <= {'1' if dn == 2 else 'sqrt(d/2)'} at d={dn}",
                                 log_half_peak.exp(), bound, method="Arb at the mode")
            med = S.reg_lower_gamma_series(arb(dn) / 2, arb(dn) / 2)
            r2 = ball_less_equal(f"P(d/2, d/2) > 1/2 at d={dn}", arb(1) / 2, med,
                                 strict=True, method="Arb regularized gamma")
            for r in (r1, r2):
                if r.verdict is not Verdict.VERIFIED and worst is None:
                    worst = r
        cases.append(worst if worst is not None else _fact(
            Verdict.VERIFIED, Strength.CERTIFIED,
            f"sup p_d/2 <= 1 (d=2), <= sqrt(d/2) (3 <= d <= {d_max}); P(d/2,d/2) > 1/2 for "
            f"2 <= d <= {d_max}", "Arb, every d"))
    return all_of(f"||x||, x ~ N(0, I/d): density p_d, CDF P(d/2, d x^2/2), mode {mode(d)}, "
                  "peak and median bounds", "SymPy + Arb", cases)


@claim("D5", paper=P, where="SL22 App. B.1 and Eq. (4) (erratum C1: covariance I/d, not "
       "I/sqrt d)",
       statement=r"\|x\|,\ x\sim\mathcal N(0,\tfrac1dI_d):\ \text{density }p_d,\ \text{CDF }"
                 r"P(\tfrac d2,\tfrac{dx^2}2),\ \text{mode }\sqrt{1-1/d};\ \sup\tfrac12p_d\le1"
                 r"\ (d=2),\ \le\sqrt{d/2}\ (d\ge3);\ P(\tfrac d2,\tfrac d2)>\tfrac12",
       source="paper+derived", methods=("exact: SymPy (chi-square CDF, mode)",
                                        "certified: Arb for every d <= 400"))
def d5(p: Profile) -> CheckResult:
    return _d5_check(p, lambda d: sp.sqrt(1 - 1 / d))


@d5.printed(r"\|x\|,\ x\sim\mathcal N(0,\tfrac1{\sqrt d}I_d)\ \text{has density }p_d")
def d5_printed(p: Profile) -> CheckResult:
    return all_of("||x|| for x ~ N(0, I/sqrt(d)) has density p_d (Eq. 4 prose)",
                  "SymPy: derivative of the chi-square CDF",
                  _d5_density_cases(lambda dd: 1 / sp.sqrt(dd), (2, 3, 5, 10)))


@d5.planted("mode sqrt(1 - 2/d)", r"\text{mode of }p_d=\sqrt{1-2/d}")
def d5_mode(p: Profile) -> CheckResult:
    return _d5_check(p, lambda d: sp.sqrt(1 - 2 / d))


# =============================================================================================
# D7 -- polynomial bound on the norm density over [0.9, 2.05].

def _p_d_arb(d: int, x: arb) -> arb:
    nd = arb(d)
    return (arb(2).log() + nd / 2 * (nd / 2).log() - (nd / 2).lgamma() + (d - 1) * x.log()
            - nd * x * x / 2).exp()


def _d7_check(p: Profile, power: int) -> CheckResult:
    cases: list[CheckResult] = []
    with workprec(work_bits(p)):
        # the paper's route: |J| <= 1 gives bar gamma_d <= d/0.9 <= (pi^2/4) d^3 for d >= 1
        if power == 3:
            cases.append(ball_less_equal("d/0.9 <= (pi^2 alpha^2/4) d^3 for all d >= 1, "
                                         "alpha >= 1 (reduces to 10/9 <= pi^2/4)",
                                         arb(10) / 9, arb.pi() ** 2 / 4,
                                         method="Arb; both sides monotone in d and alpha"))
        dims = (2, 3, 5, 10, 100) if p.name == "quick" else (2, 3, 5, 10, 50, 100)
        bisect_tol = arb(2) ** -BISECTION_BESSEL_TOL_BITS
        for d in dims:
            nu = arb(d) / 2
            c = 2 * arb.pi() * arb(d).sqrt() * S.unit_volume_ball_radius(d)
            bnd = arb.pi() ** 2 / 4 * arb(d) ** power

            def gbar(x: arb, d: int = d, nu: arb = nu) -> arb:
                return d / x * _jr(
                    nu, lambda: 2 * arb.pi() * arb(d).sqrt() * S.unit_volume_ball_radius(d) * x,
                    abs_tol=bisect_tol) ** 2

            def gbar_enc(a: arb, b: arb, d: int = d, nu: arb = nu, c: arb = c) -> arb:
                jm = _jr(
                    nu, lambda: arb.pi() * arb(d).sqrt() * S.unit_volume_ball_radius(d) * (a + b),
                    abs_tol=bisect_tol)
                return d / a * (abs(jm) + c * (b - a) / 2) ** 2

            lo, hi = arb("0.9"), arb("2.05")
            cases.append(bound_on_interval(
                f"d={d}: bar gamma_d <= (pi^2/4) d^{power} on [0.9, 2.05]", gbar,
                _const_fn(bnd), lo, hi, enclose=gbar_enc,
                method="Arb at midpoints + |J_nu'| <= 1"))
            cases.append(bound_on_interval(
                f"d={d}: p_d <= (pi^2/4) d^{power} on [0.9, 2.05] (so gamma_d is too)",
                functools.partial(_p_d_arb, d), _const_fn(bnd), lo, hi,
                method="Arb enclosures of p_d"))
    return all_of(f"bar gamma_d and gamma_d <= (pi^2 alpha^2/4) d^{power} on [0.9, 2.05] "
                  "(alpha = 1)", "Arb", cases)


@claim("D7", paper=P, where="SL22 App. B.1 item 2",
       statement=r"\gamma_d\le q(d)\ \text{on }[0.9,2.05];\ "
                 r"\bar\gamma_d\le\tfrac{\pi^2\alpha^2}4d^3",
       source="paper", methods=("certified: |J| <= 1 reduction (Arb)",
                                "certified: Arb enclosures by bisection for d in the profile"))
def d7(p: Profile) -> CheckResult:
    return _d7_check(p, 3)


@d7.planted("d^-3 instead of d^3", r"\bar\gamma_d\le\tfrac{\pi^2\alpha^2}4d^{-3}")
def d7_power(p: Profile) -> CheckResult:
    return _d7_check(p, -3)


# =============================================================================================
# D8 -- chi-square tails.

def _d8_check(p: Profile, half: bool) -> CheckResult:
    cases: list[CheckResult] = []
    dims = (2, 3, 5, 10, 100) if p.name == "quick" else (2, 3, 4, 5, 10, 50, 100)
    for d in dims:
        e = Fraction(d, 2) if half else Fraction(d)
        # 1 - P(d/2, d x^2/2) cancels: 3 more bits per dimension (the tail at x = 2 is ~e^-1.1d)
        bits = work_bits(p) + 3 * d

        def q(x: arb, d: int = d) -> arb:
            return 1 - S.reg_lower_gamma_series(arb(d) / 2, arb(d) * x * x / 2)

        def chern(x: arb, e: Fraction = e) -> arb:
            return (x * x * (1 - x * x).exp()) ** _b(e)

        with workprec(bits):
            cases.append(monotone_bound_on_interval(
                f"d={d}: P[chi2_d >= x^2 d] <= (x^2 e^(1-x^2))^({e}) for x in [1, 2]", q, chern,
                arb(1), arb(2), method="DLMF 8.7.1 series for P(a,x), Arb; both sides are "
                "non-increasing in x >= 1 (a tail probability; (x^2 e^(1-x^2))' < 0 for x > 1)"))
            if half:
                cases.append(monotone_bound_on_interval(
                    f"d={d}: P[chi2_d >= x^2 d] <= 1/(2x) for x in [2, 4]", q,
                    lambda x: 1 / (2 * x), arb(2), arb(4),
                    method="same series; both sides non-increasing"))
    if half:
        with workprec(work_bits(p)):
            cases.append(ball_less_equal("2 x^3 e^(1-x^2) <= 1 at x = 2 (16 e^-3 < 1; decreasing "
                                         "for x >= 2), so (x^2 e^(1-x^2))^(d/2) <= 1/(2x) for "
                                         "all x >= 2, d >= 2", 16 * arb(-3).exp(), arb(1),
                                         method="Arb", strict=True))
    return all_of(f"P[chi2_d >= x^2 d] <= (x^2 e^(1-x^2))^({'d/2' if half else 'd'}) on [1,2]"
                  + (" and <= 1/(2x) on [2,4] (all x >= 2 via the Chernoff bound)" if half
                     else ""), "Arb", cases)


@claim("D8", paper=P, where="SL22 App. B.1 (Chernoff bound for the Gaussian component)",
       statement=r"P[\chi^2_d\ge x^2d]\le(x^2e^{1-x^2})^{d/2}\ (x\ge1),\ \le\tfrac1{2x}\ (x\ge2)",
       source="paper", methods=("certified: series for the incomplete gamma (monotone "
                                "sandwich on [1, 4])", "certified: the Chernoff-chain constant"))
def d8(p: Profile) -> CheckResult:
    return _d8_check(p, True)


@d8.planted("exponent d instead of d/2", r"P[\chi^2_d\ge x^2d]\le(x^2e^{1-x^2})^{d}")
def d8_exponent(p: Profile) -> CheckResult:
    return _d8_check(p, False)

