"""gkk19, the geometry of ReLU and sign units under a Gaussian (B15-B20): first and second
moments of ReLU(w.x), the arc-cosine kernel of degree 1, the square distance g(theta) of two
unit ReLUs and its bounds, Sheppard's sign-disagreement formula, and anti-concentration.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import sympy as sp
from flint import arb

from verify import decide, referee
from verify.activations import activation
from verify.checks import CheckResult
from verify.claims.base import Profile, claim
from verify.claims.gkk19._common import PAPER, RELU, const, core_exact, identity, q
from verify.claims.gkk19.parseval import relu_series, series_terms
from verify.hermite import second_moment
from verify.measures import gaussian
from verify.montecarlo import estimate
from verify.numbers import interval_cover, workprec

# ---------------------------------------------------------------------------------------------
# B15

@claim("B15", paper=PAPER, where="unknown ([derived])",
       statement=r"\mathbb E\,\mathrm{ReLU}(w\cdot x)=\frac{\|w\|}{\sqrt{2\pi}},\ "
                 r"\mathbb E\,\mathrm{ReLU}(w\cdot x)^2=\frac{\|w\|^2}2\quad(x\sim N(0,I_d))",
       source="derived",
       methods=("exact: w.x ~ N(0, |w|^2) and SymPy integrals with symbolic |w| = r > 0",
                "exact: core c_0(ReLU) and E[ReLU^2] (jump formula, partial moments)",
                "statistical cross-check (evidence only): Monte Carlo in d = 5"))
def b15(p: Profile) -> CheckResult:
    return _b15(p, first=1 / sp.sqrt(2 * sp.pi))


def _b15(p: Profile, *, first: sp.Expr) -> CheckResult:
    r, t = sp.Symbol("r", positive=True), sp.Symbol("t", real=True)
    phi = sp.exp(-t**2 / 2) / sp.sqrt(2 * sp.pi)
    cases = [
        decide.exact_equal("E ReLU(r g) = r first", sp.integrate(r * t * phi, (t, 0, sp.oo)),
                           r * first, method="SymPy integral"),
        decide.exact_equal("E ReLU(r g)^2 = r^2/2", sp.integrate(r**2 * t**2 * phi,
                                                                 (t, 0, sp.oo)),
                           r**2 / 2, method="SymPy integral"),
        decide.exact_equal("core c_0(ReLU) = first", core_exact("relu", 0)[0].sympy(), first,
                           method="core jump formula"),
    ]
    with workprec(p.bits(extra=20)):
        cases.append(decide.ball_equal("core E[ReLU^2] = 1/2",
                                       second_moment(RELU, digits=p.digits), arb(1) / 2,
                                       digits=p.digits, identity=True,
                                       method="core exact second moment"))
    w = np.array([1.0, 2.0, 2.0, 4.0, 0.0]) / 5.0
    est = estimate(lambda x: np.maximum(x @ w, 0.0), gaussian(5), n_samples=p.mc_samples, seed=3)
    return decide.all_of("B15 for every w (|w| = r symbolic)", "exact", cases,
                         evidence={"monte_carlo_d5_unit_w": est.to_json()})


@b15.planted("|w|/sqrt(pi) (variance-1/2 convention)",
             r"\mathbb E\,\mathrm{ReLU}(w\cdot x)=\frac{\|w\|}{\sqrt{\pi}}")
def b15_pi(p: Profile) -> CheckResult:
    return _b15(p, first=1 / sp.sqrt(sp.pi))


# ---------------------------------------------------------------------------------------------
# B16

def _arccos_kernel(theta: sp.Expr, *, flipped: bool = False) -> sp.Expr:
    """B16's right side (unit norms): ``(sin theta + (pi - theta) cos theta)/(2 pi)``
    (``theta`` for ``pi - theta`` when ``flipped``: the planted variant)."""
    angle = theta if flipped else sp.pi - theta
    return (sp.sin(theta) + angle * sp.cos(theta)) / (2 * sp.pi)


@claim("B16", paper=PAPER, where="unknown ([derived]; Cho-Saul arc-cosine kernel of degree 1)",
       statement=r"\mathbb E[\mathrm{ReLU}(u\cdot x)\mathrm{ReLU}(v\cdot x)]=\frac{\|u\|\|v\|}"
                 r"{2\pi}\big(\sin\theta+(\pi-\theta)\cos\theta\big),\ \theta=\angle(u,v)",
       source="derived",
       methods=("exact: polar coordinates in the plane of u, v with symbolic theta (SymPy)",
                "certified: Hermite series of B6 with proved tail at cos(theta) in p.rhos"))
def b16(p: Profile) -> CheckResult:
    return _b16(p, flipped=False)


def _b16(p: Profile, *, flipped: bool) -> CheckResult:
    th = sp.Symbol("theta", positive=True)
    ph, r = sp.Symbol("phi", real=True), sp.Symbol("r", positive=True)
    # the units are at angles 0 and theta; both ReLUs are positive for phi in (theta-pi/2, pi/2)
    radial = sp.integrate(r**3 * sp.exp(-r**2 / 2), (r, 0, sp.oo)) / (2 * sp.pi)
    angular = sp.integrate(sp.cos(ph) * sp.cos(ph - th), (ph, th - sp.pi / 2, sp.pi / 2))
    cases = [decide.exact_equal("polar integral = closed form, 0 <= theta <= pi",
                                radial * angular, _arccos_kernel(th, flipped=flipped),
                                method="SymPy polar integral")]
    m = series_terms(p)
    with workprec(p.bits(extra=20)):
        for rho in p.rhos:
            if abs(rho) < 1:
                theta = arb(q(rho)).acos()
                closed = (theta.sin() + (theta if flipped else arb.pi() - theta) * theta.cos()
                          ) / (2 * arb.pi())
                norms = arb(3) * arb(5)  # |u| = 3, |v| = 5 by homogeneity
                cases.append(decide.ball_equal(f"|u||v| K at cos(theta) = {rho}",
                                               norms * relu_series(rho, m), norms * closed,
                                               digits=p.digits, identity=True,
                                               method="Arb series + proved tail"))
    return decide.all_of("B16 for theta in [0, pi] (symbolic) and at cos(theta) in the rho grid",
                         "exact + certified", cases)


@b16.planted("theta in place of pi - theta",
             r"\frac{\|u\|\|v\|}{2\pi}\big(\sin\theta+\theta\cos\theta\big)")
def b16_flip(p: Profile) -> CheckResult:
    return _b16(p, flipped=True)


# ---------------------------------------------------------------------------------------------
# B17

def _g_theta(th: sp.Expr) -> sp.Expr:
    return 1 - (sp.sin(th) + (sp.pi - th) * sp.cos(th)) / sp.pi


@claim("B17", paper=PAPER, where="unknown ([derived])",
       statement=r"\mathbb E[(\mathrm{ReLU}(u\cdot x)-\mathrm{ReLU}(v\cdot x))^2]=\frac{\|u\|^2+"
                 r"\|v\|^2}2-\frac{\|u\|\|v\|}\pi(\sin\theta+(\pi-\theta)\cos\theta);\ "
                 r"g'(\theta)=\frac{(\pi-\theta)\sin\theta}\pi;\ g(\theta)=\frac{\theta^2}2-"
                 r"\frac{\theta^3}{3\pi}-\frac{\theta^4}{24}+\frac{\theta^5}{30\pi}+O(\theta^6)",
       source="derived",
       methods=("exact: expansion of the square with B15, B16; derivative and series (SymPy)",
                "exact: series from the rational Taylor coefficients of 1 - cos and sin - x cos",
                "certified: 1 - 2 K(cos theta) from the Hermite series (B6) vs g(theta)"))
def b17(p: Profile) -> CheckResult:
    th = sp.Symbol("theta")
    return _b17(p, series=th**2 / 2 - th**3 / (3 * sp.pi) - th**4 / 24 + th**5 / (30 * sp.pi))


def _b17(p: Profile, *, series: sp.Expr) -> CheckResult:
    th = sp.Symbol("theta")
    a, b = sp.symbols("a b", positive=True)
    kern = a * b * _arccos_kernel(th)
    square = a**2 / 2 + b**2 / 2 - 2 * kern  # E ReLU(u.x)^2 = |u|^2/2 (B15)
    claimed = (a**2 + b**2) / 2 - a * b / sp.pi * (sp.sin(th) + (sp.pi - th) * sp.cos(th))
    cases = [identity("general-norm square distance", square, claimed,
                      point={a: 2, b: 3, th: sp.pi / 3}),
             identity("unit case g(theta)", square.subs({a: 1, b: 1}), _g_theta(th),
                      point={th: sp.pi / 3}),
             identity("g'(theta)", sp.diff(_g_theta(th), th), (sp.pi - th) * sp.sin(th) / sp.pi,
                      point={th: sp.pi / 3})]
    got = sp.series(_g_theta(th), th, 0, 6).removeO()
    cases.append(identity("series to theta^5 (SymPy series)", got, series, point={th: 1},
                          method="SymPy series"))
    # 1 - cos = sum_{n>=1} (-1)^{n+1} th^{2n}/(2n)!;  sin - th cos = sum_{n>=1} (-1)^{n+1} 2n
    # th^{2n+1}/(2n+1)!, so g = (1 - cos) - (sin - th cos)/pi
    own = sum(((-1) ** (n + 1) * th ** (2 * n) / sp.factorial(2 * n)
               - (-1) ** (n + 1) * 2 * n * th ** (2 * n + 1) / (sp.factorial(2 * n + 1) * sp.pi))
              for n in (1, 2)) + 0
    cases.append(identity("series to theta^5 (rational Taylor coefficients)", own, series,
                          point={th: 1}, method="own Taylor coefficients"))
    m = series_terms(p)
    with workprec(p.bits(extra=20)):
        for rho in p.rhos:
            if abs(rho) < 1:
                theta = arb(q(rho)).acos()
                g = 1 - (theta.sin() + (arb.pi() - theta) * theta.cos()) / arb.pi()
                cases.append(decide.ball_equal(f"1 - 2K = g at cos(theta) = {rho}",
                                               1 - 2 * relu_series(rho, m), g, digits=p.digits,
                                               identity=True,
                                               method="Arb series + proved tail"))
    return decide.all_of("B17 (symbolic theta) and at cos(theta) in the rho grid",
                         "exact + certified", cases)


@b17.planted("sign of theta^4/24", r"g(\theta)=\frac{\theta^2}2-\frac{\theta^3}{3\pi}+"
             r"\frac{\theta^4}{24}+\frac{\theta^5}{30\pi}+O(\theta^6)")
def b17_series(p: Profile) -> CheckResult:
    th = sp.Symbol("theta")
    return _b17(p, series=th**2 / 2 - th**3 / (3 * sp.pi) + th**4 / 24 + th**5 / (30 * sp.pi))


# ---------------------------------------------------------------------------------------------
# B18

def _g_ball(theta: arb) -> arb:
    return 1 - (theta.sin() + (arb.pi() - theta) * theta.cos()) / arb.pi()


@claim("B18", paper=PAPER, where="unknown ([derived])",
       statement=r"\frac{\theta^2}{\pi^2}\le g(\theta)\le\frac{\theta^2}2\ \text{on }[0,\pi];\ "
                 r"g(\theta)\le2(1-\cos\theta)\le\theta^2",
       source="derived",
       methods=("certified: Arb interval arithmetic on a cover of [1, pi] (upper bounds) and "
                "[1, pi - 1] (lower bound)",
                "certified: proved endpoint expansions on [0, 1] and [pi - 1, pi], evaluated on "
                "covers; exact value g(pi) = 1"))
def b18(p: Profile) -> CheckResult:
    return _b18(p, low=1 / sp.pi**2)


def _b18(p: Profile, *, low: sp.Expr) -> CheckResult:
    n = 256 if p.name == "quick" else 2048
    cases: list[CheckResult] = []
    le = decide.ball_less_equal
    with workprec(p.bits(extra=20)):
        c = const(low)
        pi = arb.pi()
        zero = arb(0)
        for th in interval_cover(arb(1), pi, n):
            g = _g_ball(th)
            at = th.mid().str(5)
            cases.append(le(f"g <= theta^2/2 at {at}", g, th * th / 2,
                            method="interval arithmetic"))
            cases.append(le(f"g <= 2(1 - cos) at {at}", g, 2 * (1 - th.cos()),
                            method="interval arithmetic"))
            cases.append(le(f"2(1 - cos) <= theta^2 at {at}", 2 * (1 - th.cos()), th * th,
                            method="interval arithmetic"))
        for th in interval_cover(arb(1), pi - 1, n):
            cases.append(le(f"c theta^2 <= g at {th.mid().str(5)}", c * th * th, _g_ball(th),
                            method="interval arithmetic"))
        # [0, 1]: g >= theta^2/2 - theta^3/(3 pi) - theta^4/24 (1 - cos >= t^2/2 - t^4/24,
        # sin - t cos <= t^3/3), so g - c t^2 >= t^2 (1/2 - c - t/(3 pi) - t^2/24)
        for th in interval_cover(zero, arb(1), n // 4):
            bracket = arb(1) / 2 - c - th / (3 * pi) - th * th / 24
            cases.append(le(f"endpoint 0: bracket >= 0 at {th.mid().str(5)}", zero, bracket,
                            method="proved expansion + intervals"))
        # [pi - 1, pi], e = pi - theta: g = 1 - (sin e - e cos e)/pi >= 1 - e^3/(3 pi), so
        # g - c theta^2 >= (1 - c pi^2) + e (2 c pi - c e - e^2/(3 pi))
        constant = sp.simplify(1 - low * sp.pi**2)
        cases.append(decide.exact_equal("g(pi) - c pi^2 >= 0: constant term",
                                        sp.Max(constant, 0), constant, method="SymPy"))
        for e in interval_cover(zero, arb(1), n // 4):
            bracket = 2 * c * pi - c * e - e * e / (3 * pi)
            cases.append(le(f"endpoint pi: bracket >= 0 at e = {e.mid().str(5)}", zero, bracket,
                            method="proved expansion + intervals"))
    return decide.all_of(f"B18 on [0, pi] ({n} intervals per cover)", "certified", cases)


@b18.planted("lower constant 2/pi^2", r"\frac{2\theta^2}{\pi^2}\le g(\theta)")
def b18_low(p: Profile) -> CheckResult:
    return _b18(p, low=2 / sp.pi**2)


# ---------------------------------------------------------------------------------------------
# B19

@claim("B19", paper=PAPER, where="unknown ([derived]; Goemans-Williamson / Sheppard)",
       statement=r"\Pr_{x\sim N(0,I)}[\operatorname{sgn}(u\cdot x)\ne\operatorname{sgn}(v\cdot x)]"
                 r"=\theta/\pi",
       source="derived",
       methods=("exact: measure of the disagreement arcs in polar coordinates (SymPy sets)",
                "certified: K_sgn(cos theta) = 1 - 2 theta/pi through "
                "verify.referee.check_kernel_claim (the core's sign dual kernel), to the "
                "profile's digits (was 10)",
                "statistical cross-check (evidence only): Monte Carlo"))
def b19(p: Profile) -> CheckResult:
    return _b19(p, denominator=1)


def _b19(p: Profile, *, denominator: int) -> CheckResult:
    cases: list[CheckResult] = []
    two_pi = 2 * sp.pi

    def positive_arc(center: sp.Expr) -> sp.Set:
        """{phi in [0, 2 pi): cos(phi - center) > 0} for 0 <= center <= pi."""
        lo, hi = center - sp.pi / 2, center + sp.pi / 2
        if lo >= 0:
            return sp.Interval.open(lo, hi)
        return sp.Union(sp.Interval.Ropen(0, hi), sp.Interval.open(lo + two_pi, two_pi))

    for j in range(0, 9):
        th = sp.pi * j / 8
        pos_u, pos_v = positive_arc(sp.Integer(0)), positive_arc(th)
        disagree = sp.Union(sp.Complement(pos_u, pos_v), sp.Complement(pos_v, pos_u))
        cases.append(decide.exact_equal(f"P(disagree) at theta = {th}",
                                        disagree.measure / two_pi, th / (denominator * sp.pi),
                                        method="SymPy sets (arcs)"))
    sign = activation("sign")
    for rho in p.rhos:
        if abs(rho) <= Fraction(1, 2):
            # P(disagree) = (1 - K_sgn(rho))/2: the referee decides K_sgn = 1 - 2 P.
            r = q(rho)
            cases.append(referee.check_kernel_claim(
                sign, r, 1 - 2 * sp.acos(r) / (denominator * sp.pi), digits=p.digits))
    rng = np.random.default_rng(5)
    x = rng.standard_normal((p.mc_samples, 2))
    frac = float(np.mean(np.sign(x[:, 0]) != np.sign(x @ np.array([math.cos(1.0),
                                                                      math.sin(1.0)]))))
    return decide.all_of("B19 at theta = j pi/8 (exact) and cos(theta) in the rho grid "
                         "(certified)", "exact + certified", cases,
                         evidence={"monte_carlo_theta_1": {"fraction": frac, "n": p.mc_samples,
                                                           "seed": 5, "claimed": 1 / math.pi}})


@b19.planted("theta/(2 pi)", r"\Pr[\operatorname{sgn}(u\cdot x)\ne\operatorname{sgn}(v\cdot x)]"
             r"=\theta/(2\pi)")
def b19_half(p: Profile) -> CheckResult:
    return _b19(p, denominator=2)


# ---------------------------------------------------------------------------------------------
# B20

@claim("B20", paper=PAPER, where="unknown ([derived]; anti-concentration)",
       statement=r"\Pr[0<w\cdot x<t]\le\frac{t}{\sqrt{2\pi}\|w\|},\ "
                 r"\Pr[|w\cdot x|\le t]\le\frac{2t}{\sqrt{2\pi}\|w\|}",
       source="derived",
       methods=("exact: Pr = Phi(s) - 1/2 = int_0^s phi <= s phi(0), s = t/|w| (proof)",
                "certified: Arb erf on a grid of s from 1e-6 to 10"))
def b20(p: Profile) -> CheckResult:
    return _b20(p, factor=1)


def _b20(p: Profile, *, factor: int) -> CheckResult:
    cases: list[CheckResult] = []
    s_sym = sp.Symbol("s", positive=True)
    u = sp.Symbol("u", real=True)
    phi = sp.exp(-u**2 / 2) / sp.sqrt(2 * sp.pi)
    cases.append(decide.exact_equal("Pr[0 < g < s] = erf(s/sqrt2)/2",
                                    sp.integrate(phi, (u, 0, s_sym)),
                                    sp.erf(s_sym / sp.sqrt(2)) / 2, method="SymPy"))
    with workprec(p.bits(extra=20)):
        for s in ["1e-6", "1e-3", "0.1", "0.5", "1", "2", "5", "10"]:
            sb = arb(s)
            prob = (sb / arb(2).sqrt()).erf() / 2
            bound = sb / ((2 * arb.pi()).sqrt() * factor)
            cases.append(decide.ball_less_equal(f"Pr[0 < w.x < t] <= bound at t/|w| = {s}",
                                                prob, bound, method="Arb erf"))
            cases.append(decide.ball_less_equal(f"Pr[|w.x| <= t] <= 2 bound at t/|w| = {s}",
                                                2 * prob, 2 * bound, method="Arb erf"))
    return decide.all_of("B20 at t/|w| in [1e-6, 10]", "exact + certified", cases)


@b20.planted("half the bound", r"\Pr[0<w\cdot x<t]\le\frac{t}{2\sqrt{2\pi}\|w\|}")
def b20_half(p: Profile) -> CheckResult:
    return _b20(p, factor=2)
