"""A6, A7: the ReLU Hermite coefficients and its dual kernel."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from verify import decide, referee
from verify.checks import CheckResult
from verify.claims.base import (
    Profile,
    all_of,
    arb_of,
    claim,
    exact_equal,
)
from verify.expressions import SYMBOLS
from verify.hermite import hermite_coefficient
from verify.numbers import report_ball, workprec

from ._common import RELU, P, _q, _relu_closed, _relu_kernel_sym
from ._norms import _relu_series

# ---------------------------------------------------------------------------------------------
# A6, A7: the ReLU Hermite coefficients and its dual kernel.

def _a6_run(p: Profile, variant: str) -> CheckResult:
    cases = []
    for rho in p.rhos:
        series, tail, n = _relu_series(rho, p.digits)
        r = _q(rho)
        closed = _relu_kernel_sym(r)
        if variant == "cho_saul":
            closed = 2 * closed
        elif variant == "acos":
            closed = (sp.sqrt(1 - r**2) + sp.acos(r) * r) / (2 * sp.pi)
        # Absolute: K(-1) = 0. At |rho| = 1 the tail decays only like N^{-3/2} (N = 20000
        # terms), so the tolerance there is the method's 1e-6, not the profile's.
        tol = p.abs_tol if abs(rho) < 1 else Fraction(1, 10**6)
        cases.append(decide.ball_within(
            f"K(rho) at rho={rho}", series, arb_of(closed), abs_tol=tol, identity=True,
            method=f"series to degree {n} with proved tail vs closed form",
            evidence={"tail_bound": report_ball(tail, 3)[0]}))
        # The public referee (verify claim kernel's path) on the same claimed value.
        cases.append(referee.check_kernel_claim(RELU, r, closed, digits=p.digits))
    # rho = 0, +-1 exactly: K(0) = c_0^2, K(1) = E relu^2 (Parseval), K(-1) = E relu(g)relu(-g).
    exact_pts = {0: sp.Rational(1, 2) / sp.pi, 1: sp.Rational(1, 2), -1: sp.Integer(0)}
    for r0, want in exact_pts.items():
        closed = _relu_kernel_sym(sp.Integer(r0))
        if variant == "cho_saul":
            closed = 2 * closed
        elif variant == "acos":
            closed = (sp.sqrt(1 - r0**2) + sp.acos(r0) * r0) / (2 * sp.pi)
        cases.append(exact_equal(f"K({r0}) exactly", closed, want,
                                 method="closed form vs c_0^2 / Parseval / relu(g)relu(-g) = 0"))
    return all_of(f"A6 on the grid of {len(p.rhos)} values of rho in [-1, 1] (to 1e-{p.digits} for "
                  "|rho| < 1, to the proved Parseval tail at |rho| = 1) and exactly at 0, +-1",
                  "series vs closed form", cases)


@claim("A6", paper=P, where="ReLU section (number unknown)",
       statement=r"K(\rho)=\frac{\sqrt{1-\rho^2}+(\pi-\arccos\rho)\rho}{2\pi}=\sum_d"
       r"\hat\sigma_d^2\rho^d", source="derived",
       methods=("certified: Hermite series (exact recurrence for c_d^2) with a proved tail "
                "(to 1e-6 at |rho| = 1, where the tail decays like N^{-3/2})",
                "exact/certified: the closed form in SymPy/Arb; exact at rho = 0, +-1",
                "certified: verify.referee.check_kernel_claim on every grid point (the core's "
                "Mehler series; E[sigma(g) sigma(+-g)] at rho = +-1)"))
def a6(p: Profile) -> CheckResult:
    return _a6_run(p, "")


@a6.planted("Cho-Saul normalization 1/pi", r"K(\rho)=\frac{\sqrt{1-\rho^2}+(\pi-\arccos\rho)"
            r"\rho}{\pi}")
def a6_cho_saul(p: Profile) -> CheckResult:
    return _a6_run(p, "cho_saul")


@a6.planted("arccos instead of pi - arccos", r"K(\rho)=\frac{\sqrt{1-\rho^2}+\rho\arccos\rho}"
            r"{2\pi}")
def a6_acos(p: Profile) -> CheckResult:
    return _a6_run(p, "acos")




def _relu_formula(variant: str = "") -> sp.Expr:
    """A7's closed form for even d >= 2 as a formula in the referee's symbol k."""
    k = SYMBOLS["k"]
    dfact = sp.factorial2(k - 1 if variant == "dm1" else k - 3)
    return (-1) ** (k / 2 - 1) * dfact / sp.sqrt(2 * sp.pi * sp.factorial(k))


def _a7_run(p: Profile, variant: str) -> CheckResult:
    # (i) the public referee (verify claim's path): the core's exact jump-formula coefficients
    # against the formula, proved equal by SymPy degree by degree.
    cases = [referee.check_formula_claim(RELU, _relu_formula(variant),
                                         range(2, p.k_max + 1, 2), digits=p.digits),
             referee.check_formula_claim(RELU, sp.Integer(0), range(3, p.k_max + 1, 2),
                                         digits=p.digits),
             referee.check_coefficient_claim(RELU, 0, _relu_closed(0), digits=p.digits),
             referee.check_coefficient_claim(RELU, 1, _relu_closed(1), digits=p.digits)]
    top = 12 if p.name == "quick" else 20
    # Absolute tolerance (the odd c_d, d >= 3, are 0): 10^-(digits-2), the balls being asked to
    # p.digits relative digits of values below 1 in size.
    tol = Fraction(1, 10 ** (p.digits - 2))
    with workprec(p.bits(extra=33)):
        for d in range(top + 1):
            c = hermite_coefficient(RELU, d, digits=p.digits, tier="certified")
            cases.append(decide.ball_within(
                f"c_{d}(relu) by quadrature", c.ball, arb_of(_relu_closed(d, variant)),
                abs_tol=tol, identity=True,
                method="certified quadrature (the core's engine, Gaussian tail bound)"))
    return all_of(f"A7 for d <= {p.k_max} (exact) and d <= {top} (certified quadrature)",
                  "jump formula; certified quadrature", cases)


@claim("A7", paper=P, where="ReLU section (number unknown)",
       statement=r"\hat\sigma_0=\tfrac1{\sqrt{2\pi}},\ \hat\sigma_1=\tfrac12,\ \hat\sigma_d=0"
       r"\ (d\ge3\text{ odd}),\ \hat\sigma_d=\frac{(-1)^{d/2-1}(d-3)!!}{\sqrt{2\pi\,d!}}\ "
       r"(d\ge2\text{ even})", source="derived",
       methods=("exact: jump formula in rational arithmetic (verify.hermite) vs the formula, "
                "through verify.referee.check_formula_claim / check_coefficient_claim",
                "certified: Arb quadrature with a proved Gaussian tail"))
def a7(p: Profile) -> CheckResult:
    return _a7_run(p, "")


@a7.planted("(d-1)!! instead of (d-3)!!", r"\hat\sigma_d=\frac{(-1)^{d/2-1}(d-1)!!}"
            r"{\sqrt{2\pi d!}}")
def a7_dm1(p: Profile) -> CheckResult:
    return _a7_run(p, "dm1")



