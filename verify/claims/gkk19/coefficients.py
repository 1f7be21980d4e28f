"""gkk19, Hermite coefficients of ReLU and its relatives (B1, B2, B3, B8): the normalized
probabilists' Hermite basis, Claim 1 (c_i of ReLU), its even/odd closed forms, and the sign,
step and |x| coefficients.

Each identity is decided three ways where possible: exact half-line moments
(:func:`verify.moments.half_line_expectation`), the core jump formula
(:func:`verify.hermite.exact_coefficients`), and certified Arb quadrature
(:func:`verify.hermite.hermite_coefficient`).
"""

from __future__ import annotations

import math

import sympy as sp
from flint import arb, fmpq, fmpq_poly

from verify import decide, referee
from verify.activations import activation, symmetry_zero
from verify.checks import CheckResult
from verify.claims.base import Profile, claim
from verify.claims.gkk19._common import (
    PAPER,
    RELU,
    ab_ball,
    ab_of,
    core_exact,
    gaussian_expectation,
    relu_half_line,
)
from verify.expressions import SYMBOLS
from verify.hermite import hermite_coefficient
from verify.moments import HalfLine, half_line_expectation
from verify.numbers import workprec
from verify.orthopoly import hermite_phys_poly, hermite_prob_at_zero, hermite_prob_polys
from verify.special import double_factorial

# ---------------------------------------------------------------------------------------------
# ReLU coefficients three ways.


def _he_sympy_bridge(k: int) -> fmpq_poly:
    """``He_k(x) = 2^{-k/2} H_k(x/sqrt 2)`` from SymPy's *physicists'* H_k: B1's independent
    route to He_k (not the core's recurrence); the result has rational coefficients."""
    x = sp.Symbol("x")
    expr = sp.expand(sp.hermite(k, x / sp.sqrt(2)) / sp.sqrt(2) ** k)
    coeffs = sp.Poly(expr, x).all_coeffs()[::-1]
    return fmpq_poly([fmpq(int(sp.Rational(c).p), int(sp.Rational(c).q)) for c in coeffs])


def _relu_formula_n(i: int, *, physicists: bool = False) -> int:
    """Claim 1's numerator ``sqrt(2 pi i!) c_i = H_i(0) + i H_{i-2}(0)`` (i >= 2)."""
    if physicists:
        return int(sp.hermite(i, 0) + i * sp.hermite(i - 2, 0))
    return hermite_prob_at_zero(i) + i * hermite_prob_at_zero(i - 2)


def _claim1_cases(p: Profile, certified_max: int, *, physicists: bool = False,
                  factorial_not_sqrt: bool = False) -> list[CheckResult]:
    """Claim 1 against half-line moments (exact), the core jump formula (exact) and Arb
    quadrature (certified)."""
    k_max, digits = p.k_max, p.digits
    core = core_exact("relu", k_max)
    cases: list[CheckResult] = []
    for i in range(k_max + 1):
        hl = relu_half_line(i)
        if i == 0:
            claimed = HalfLine(fmpq(0), fmpq(1))
        elif i == 1:
            claimed = HalfLine(fmpq(1, 2), fmpq(0))
        else:
            claimed = HalfLine(fmpq(0), fmpq(_relu_formula_n(i, physicists=physicists)))
        label = f"sqrt(2 pi i!) c_{i}"
        if factorial_not_sqrt and i >= 2:
            wrong = arb(claimed.over_sqrt_2pi) / (2 * arb.pi()).sqrt() / arb.fac_ui(i)
            cases.append(decide.ball_equal(f"c_{i} = (H_i(0)+iH_(i-2)(0))/(sqrt(2 pi) i!)",
                                           ab_ball(hl, i), wrong, digits=digits, identity=True,
                                           method="half-line moments in Arb"))
            continue
        for name, (a, b) in (("half-line moments", hl), ("core jump formula", ab_of(core[i], i))):
            cases.append(decide.rational_equal(f"{label}: rational part ({name})", a,
                                               claimed.rational, method=name))
            cases.append(decide.rational_equal(f"{label}: 1/sqrt(2pi) part ({name})", b,
                                               claimed.over_sqrt_2pi, method=name))
        if i <= certified_max:
            c = hermite_coefficient(RELU, i, tier="certified", digits=digits)
            # c_i is 0 for odd i >= 3: a relative rule cannot decide a zero reference, so the
            # odd degrees are decided to the profile's absolute tolerance
            ref = ab_ball(claimed, i)
            if claimed.rational == 0 and claimed.over_sqrt_2pi == 0:
                cases.append(decide.ball_within(f"c_{i} (Arb quadrature) = Claim 1 = 0", c.ball,
                                                ref, abs_tol=p.abs_tol, identity=True,
                                                method=c.method))
            else:
                cases.append(decide.ball_equal(f"c_{i} (Arb quadrature) = Claim 1", c.ball, ref,
                                               digits=digits - 2, identity=True,
                                               method=c.method))
    return cases


# ---------------------------------------------------------------------------------------------
# B1

@claim("B1", paper=PAPER, where="preliminaries (normalized probabilists' Hermite: [secondary])",
       statement=r"\mathbb E[H_iH_j]=i!\,\delta_{ij};\ H_{2m}(0)=(-1)^m(2m-1)!!,\ "
                 r"H_{2m+1}(0)=0;\ \int_0^\infty H_j\varphi=H_{j-1}(0)/\sqrt{2\pi}\ (j\ge1)",
       source="secondary+derived",
       methods=("exact: Gram matrix from Gaussian moments (fmpq)",
                "exact: SymPy's physicists' H_k through He_k(x) = 2^{-k/2} H_k(x/sqrt 2)",
                "exact: half-line moments a + b/sqrt(2 pi)"))
def b1(p: Profile) -> CheckResult:
    return _b1(p)


def _b1(p: Profile, *, physicists: bool = False, shift: int = 1) -> CheckResult:
    k = p.k_max
    polys = hermite_prob_polys(k)
    if physicists:
        polys = [fmpq_poly(hermite_phys_poly(j)) for j in range(k + 1)]
    cases: list[CheckResult] = []
    for i in range(k + 1):
        for j in range(i, k + 1):
            gram = gaussian_expectation(polys[i] * polys[j])
            want = fmpq(math.factorial(i)) if i == j else fmpq(0)
            cases.append(decide.rational_equal(f"E[H_{i} H_{j}] = {want}", gram, want,
                                               method="Gaussian moments (n-1)!!"))
    for j in range(min(k, 16) + 1):
        cases.append(decide.polynomial_identity(
            f"He_{j} = 2^(-{j}/2) H_{j}(x/sqrt2) (SymPy)", polys[j] - _he_sympy_bridge(j),
            method="polynomial identity (fmpq_poly difference)"))
    for n in range(k + 1):
        m = n // 2
        want = fmpq((-1) ** m * double_factorial(2 * m - 1)) if n % 2 == 0 else fmpq(0)
        cases.append(decide.rational_equal(f"H_{n}(0)", polys[n](fmpq(0)), want,
                                           method="recurrence at 0"))
    for j in range(1, k + 1):
        a, b = half_line_expectation(polys[j])
        target = polys[j - shift](fmpq(0)) if j - shift >= 0 else fmpq(0)
        cases.append(decide.rational_equal(f"int_0^oo H_{j} phi: rational part", a, 0,
                                           method="half-line moments"))
        cases.append(decide.rational_equal(f"int_0^oo H_{j} phi: coefficient of 1/sqrt(2pi)", b,
                                           target, method="half-line moments"))
    convention = "physicists' H" if physicists else "probabilists' He"
    return decide.all_of(f"B1 for i, j <= {k} ({convention})",
                         "exact (fmpq): Gaussian and half-line moments; SymPy bridge", cases)


@b1.planted("physicists' H_k in place of probabilists' He_k",
            r"\mathbb E[H_iH_j]=i!\,\delta_{ij}\ \text{with physicists' } H_k")
def b1_physicists(p: Profile) -> CheckResult:
    return _b1(p, physicists=True)


@b1.planted("off-by-one: H_j(0) instead of H_{j-1}(0)",
            r"\int_0^\infty H_j\varphi=H_{j}(0)/\sqrt{2\pi}")
def b1_shift(p: Profile) -> CheckResult:
    return _b1(p, shift=0)


# ---------------------------------------------------------------------------------------------
# B2

@claim("B2", paper=PAPER, where="Claim 1 ([secondary]: third-party audit notes)",
       statement=r"c_0=\tfrac1{\sqrt{2\pi}},\ c_1=\tfrac12,\ "
                 r"c_i=\frac{H_i(0)+iH_{i-2}(0)}{\sqrt{2\pi\,i!}}\ (i\ge2)",
       source="secondary+derived",
       methods=("exact: half-line moments of x He_i(x) (fmpq)",
                "exact: core jump formula (verify.hermite)",
                "certified: Arb quadrature with Cramer tail (verify.hermite)"))
def b2(p: Profile) -> CheckResult:
    with workprec(p.bits(extra=20)):
        cases = _claim1_cases(p, 12 if p.name == "quick" else p.k_max)
    return decide.all_of(f"Claim 1 for i <= {p.k_max}", "exact x2 + certified", cases)


@b2.planted("physicists' H_i(0) in Claim 1 (gives c_2 = 0)",
            r"c_i=\frac{H^{\rm phys}_i(0)+iH^{\rm phys}_{i-2}(0)}{\sqrt{2\pi\,i!}}")
def b2_physicists(p: Profile) -> CheckResult:
    with workprec(p.bits(extra=20)):
        cases = _claim1_cases(p, 4, physicists=True)
    return decide.all_of(f"Claim 1 with physicists' H, i <= {p.k_max}", "exact x2 + certified",
                         cases)


@b2.planted("i! instead of sqrt(i!)", r"c_i=\frac{H_i(0)+iH_{i-2}(0)}{\sqrt{2\pi}\,i!}")
def b2_factorial(p: Profile) -> CheckResult:
    with workprec(p.bits(extra=20)):
        cases = _claim1_cases(p, 0, factorial_not_sqrt=True)
    return decide.all_of(f"Claim 1 with i!, i <= {p.k_max}", "certified", cases)


# ---------------------------------------------------------------------------------------------
# B3

@claim("B3", paper=PAPER, where="unknown (derived from Claim 1)",
       statement=r"c_{2m+1}=0\ (m\ge1);\ c_{2m}=\frac{(-1)^{m-1}(2m-3)!!}{\sqrt{2\pi(2m)!}};\ "
                 r"c_{2m}^2=\frac{\binom{2m}{m}}{2\pi\,4^m(2m-1)^2}",
       source="derived",
       methods=("exact: half-line moments (fmpq)", "exact: core jump formula (also through "
                "verify.referee.check_formula_claim on both formulas in k)",
                "exact: proved parity (odd part of ReLU is linear)"))
def b3(p: Profile) -> CheckResult:
    return _b3(p)


def _b3(p: Profile, *, dfact_shift: int = 3, square_power: int = 2) -> CheckResult:
    core = core_exact("relu", p.k_max)
    cases: list[CheckResult] = []
    for k in range(3, p.k_max + 1, 2):
        a, b = relu_half_line(k)
        cases.append(decide.rational_equal(f"c_{k} = 0: rational part (half-line moments)", a, 0,
                                           method="half-line moments"))
        cases.append(decide.rational_equal(f"c_{k} = 0: 1/sqrt(2pi) part (half-line moments)",
                                           b, 0, method="half-line moments"))
        for name, a_c in (("rational", ab_of(core[k], k).rational),
                          ("1/sqrt(2pi)", ab_of(core[k], k).over_sqrt_2pi)):
            cases.append(decide.rational_equal(f"c_{k} = 0: {name} part (core)", a_c, 0,
                                               method="core jump formula"))
        forced = symmetry_zero(RELU, k)
        cases.append(decide.rational_equal(f"c_{k} = 0 (symmetry)",
                                           int(forced is not None and forced.is_zero()), 1,
                                           method="proved parity (1 = proved zero)"))
    for m in range(1, p.k_max // 2 + 1):
        k = 2 * m
        a, b = relu_half_line(k)
        want = (-1) ** (m - 1) * double_factorial(2 * m - dfact_shift)
        cases.append(decide.rational_equal(f"sqrt(2 pi (2m)!) c_{k}", b, want,
                                           method="half-line moments"))
        cases.append(decide.rational_equal(f"sqrt(2 pi (2m)!) c_{k} (core)",
                                           ab_of(core[k], k).over_sqrt_2pi, want,
                                           method="core jump formula"))
        square = b * b / math.factorial(k)  # 2 pi c_k^2
        closed = fmpq(math.comb(k, m), 4**m * (2 * m - 1) ** square_power)
        cases.append(decide.rational_equal(f"2 pi c_{k}^2 = C(2m,m)/(4^m (2m-1)^2)", square,
                                           closed, method="half-line moments"))
    # The public referee (the path of `verify claim formula`) on both formulas in k.
    k_sym = SYMBOLS["k"]
    cases.append(referee.check_formula_claim(
        RELU, (-1) ** (k_sym / 2 - 1) * sp.factorial2(k_sym - dfact_shift)
        / sp.sqrt(2 * sp.pi * sp.factorial(k_sym)), range(2, p.k_max + 1, 2), digits=p.digits))
    cases.append(referee.check_formula_claim(RELU, sp.Integer(0), range(3, p.k_max + 1, 2),
                                             digits=p.digits))
    return decide.all_of(f"B3 for degrees <= {p.k_max}", "exact (fmpq); verify.referee", cases)


@b3.planted("(2m-1)!! instead of (2m-3)!!",
            r"c_{2m}=\frac{(-1)^{m-1}(2m-1)!!}{\sqrt{2\pi(2m)!}}")
def b3_dfact(p: Profile) -> CheckResult:
    return _b3(p, dfact_shift=1)


@b3.planted("(2m-1) instead of (2m-1)^2 in the square",
            r"c_{2m}^2=\frac{\binom{2m}{m}}{2\pi\,4^m(2m-1)}")
def b3_square(p: Profile) -> CheckResult:
    return _b3(p, square_power=1)


# ---------------------------------------------------------------------------------------------
# B8

def _sign_claim_b(j: int, factor: int) -> fmpq:
    """The claimed ``b`` of ``sqrt(j!) sgn_j = a + b/sqrt(2 pi)``: sqrt(2/pi) H_{j-1}(0) is
    ``2 H_{j-1}(0)/sqrt(2 pi)`` (``factor`` = 2) -- a planted variant uses factor 1."""
    return fmpq(factor * hermite_prob_at_zero(j - 1)) if j % 2 == 1 else fmpq(0)


@claim("B8", paper=PAPER, where="unknown ([derived])",
       statement=r"\widehat{\operatorname{sgn}}_j=\sqrt{2/\pi}\,H_{j-1}(0)/\sqrt{j!}\ (j\ "
                 r"\mathrm{odd}),\ 0\ (j\ \mathrm{even});\ \widehat{\mathbb 1_{>0}}_0=\tfrac12,\ "
                 r"\widehat{\mathbb 1_{>0}}_j=\tfrac12\widehat{\operatorname{sgn}}_j;\ "
                 r"\widehat{|x|}_0=\sqrt{2/\pi},\ \widehat{|x|}_{2m}=2c_{2m};\ "
                 r"c_{i+1}=\widehat{\mathbb 1_{>0}}_i/\sqrt{i+1}",
       source="derived",
       methods=("exact: half-line moments (fmpq)", "exact: core jump formula for sign, step, "
                "abs, relu (sign also through verify.referee.check_formula_claim)",
                "certified: Arb quadrature of sign for small j"))
def b8(p: Profile) -> CheckResult:
    return _b8(p, sign_factor=2, deriv_shift=1)


def _b8(p: Profile, *, sign_factor: int, deriv_shift: int) -> CheckResult:
    k = p.k_max
    sign, step, ab = (core_exact(n, k + 1) for n in ("sign", "step", "abs"))
    relu = core_exact("relu", k + 1)
    polys = hermite_prob_polys(k)
    cases: list[CheckResult] = []
    for j in range(k + 1):
        hl = half_line_expectation(polys[j])
        # E[sgn(g) He_j(g)] = 2 int_0^oo He_j phi for odd j, 0 for even j (He_j parity)
        sg_hl = hl.scaled(2) if j % 2 == 1 else HalfLine(fmpq(0), fmpq(0))
        claimed = HalfLine(fmpq(0), _sign_claim_b(j, sign_factor))
        for name, val in (("half-line", sg_hl), ("core", ab_of(sign[j], j))):
            cases.append(decide.rational_equal(f"sqrt({j}!) sgn_{j}: 1/sqrt(2pi) part ({name})",
                                               val[1], claimed[1], method=name))
            cases.append(decide.rational_equal(f"sqrt({j}!) sgn_{j}: rational part ({name})",
                                               val[0], 0, method=name))
        st_claim = HalfLine(fmpq(1, 2), fmpq(0)) if j == 0 else claimed.scaled(fmpq(1, 2))
        st = ab_of(step[j], j)
        for part in (0, 1):
            cases.append(decide.rational_equal(f"step_{j} = sgn_{j}/2 (core), part {part}",
                                               st[part], st_claim[part], method="core"))
        if j == 0:
            abs_claim = HalfLine(fmpq(0), fmpq(2))
        elif j % 2 == 1:
            abs_claim = HalfLine(fmpq(0), fmpq(0))
        else:
            abs_claim = HalfLine(fmpq(0), 2 * relu_half_line(j).over_sqrt_2pi)
        av = ab_of(ab[j], j)
        cases.append(decide.rational_equal(f"|x|_{j}: 1/sqrt(2pi) part", av[1], abs_claim[1],
                                           method="core"))
        cases.append(decide.rational_equal(f"|x|_{j}: rational part", av[0], abs_claim[0],
                                           method="core"))
    with workprec(p.bits(extra=20)):
        for i in range(k):
            c_next = ab_ball(ab_of(relu[i + 1], i + 1), i + 1)
            st_i = ab_ball(ab_of(step[i], i), i)
            rhs = st_i / arb(i + deriv_shift).sqrt() if i + deriv_shift > 0 else st_i
            name = f"c_{i + 1} = step_{i}/sqrt({i + deriv_shift})"
            if st_i == 0:  # both sides exact: c_{i+1} and step_i vanish together (i even >= 2)
                cases.append(decide.ball_within(name + " = 0", c_next, rhs, abs_tol=p.abs_tol,
                                                identity=True, method="core exact values in Arb"))
            else:
                cases.append(decide.ball_equal(name, c_next, rhs, digits=p.digits,
                                               identity=True, method="core exact values in Arb"))
        for j in range(0, 8):
            c = hermite_coefficient(activation("sign"), j, tier="certified", digits=p.digits)
            claim_ball = ab_ball(HalfLine(fmpq(0), _sign_claim_b(j, sign_factor)), j)
            if claim_ball == 0:
                cases.append(decide.ball_within(f"sgn_{j} (Arb quadrature) = 0", c.ball,
                                                claim_ball, abs_tol=p.abs_tol, identity=True,
                                                method=c.method))
            else:
                cases.append(decide.ball_equal(f"sgn_{j} (Arb quadrature)", c.ball, claim_ball,
                                               digits=p.digits - 2, identity=True,
                                               method=c.method))
    k_sym = SYMBOLS["k"]
    formula = sp.Rational(sign_factor, 2) * sp.sqrt(2 / sp.pi) * (-1) ** ((k_sym - 1) / 2) \
        * sp.factorial2(k_sym - 2) / sp.sqrt(sp.factorial(k_sym))
    cases.append(referee.check_formula_claim(activation("sign"), formula, range(1, k + 1, 2),
                                             digits=p.digits))
    cases.append(referee.check_formula_claim(activation("sign"), sp.Integer(0),
                                             range(0, k + 1, 2), digits=p.digits))
    return decide.all_of(f"B8 for degrees <= {k}", "exact + certified; verify.referee", cases)


@b8.planted("factor 2 lost: sgn_j = H_{j-1}(0)/sqrt(2 pi j!)",
            r"\widehat{\operatorname{sgn}}_j=H_{j-1}(0)/\sqrt{2\pi\,j!}")
def b8_sign(p: Profile) -> CheckResult:
    return _b8(p, sign_factor=1, deriv_shift=1)


@b8.planted("off-by-one: c_{i+1} = step_i / sqrt(i)",
            r"c_{i+1}=\widehat{\mathbb 1_{>0}}_i/\sqrt{i}")
def b8_deriv(p: Profile) -> CheckResult:
    return _b8(p, sign_factor=2, deriv_shift=0)
