"""gkk19, ridge functions and sign correlations (B7, B9, B10, B24): Claim 2 (the multinomial
expansion of He_l(w.x)), the Gaussian lift ``z = x |g|`` of the Boolean reduction, and the
vanishing of ``E[ReLU(w.z) chi_S(sgn z)]`` for |S| odd >= 3 or a zero weight.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sympy as sp
from flint import fmpq, fmpq_poly

from verify import decide
from verify.activations import symmetry_zero
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import Profile, claim
from verify.claims.gkk19._common import PAPER, RELU, gaussian_expectation, relu_half_line
from verify.claims.gkk19.beta import beta_dawson, correlation_mc
from verify.combinatorics import compositions
from verify.moments import gaussian_abs_moment, gaussian_moment
from verify.montecarlo import statistical_check
from verify.numbers import workprec
from verify.orthopoly import hermite_prob_polys

# ---------------------------------------------------------------------------------------------
# B7


def _ridge_difference(n: int, ell: int, w: Sequence[sp.Expr] | None, *,
                      sqrt_coeff: bool = False) -> sp.Expr:
    """``He_l(w.x) - sum_{|alpha|=l} (l!/alpha!) w^alpha prod_j He_{alpha_j}(x_j)`` expanded;
    with ``w=None`` the weights are symbols and ``w_n^2`` is reduced to ``1 - sum_{j<n} w_j^2``."""
    xs = sp.symbols(f"x1:{n + 1}")
    ws = sp.symbols(f"w1:{n + 1}") if w is None else tuple(w)
    he = [sp.Poly(sp.hermite_prob(j, sp.Symbol("t")), sp.Symbol("t")) for j in range(ell + 1)]
    u = sum(wi * xi for wi, xi in zip(ws, xs, strict=True))
    lhs = he[ell].as_expr().subs(sp.Symbol("t"), u)
    rhs = sp.Integer(0)
    for alpha in compositions(ell, n):
        coeff = sp.factorial(ell) / sp.prod([sp.factorial(a) for a in alpha])
        if sqrt_coeff:
            coeff = sp.sqrt(coeff)
        term = coeff * sp.prod([wi**a for wi, a in zip(ws, alpha, strict=True)])
        for xi, a in zip(xs, alpha, strict=True):
            term *= he[a].as_expr().subs(sp.Symbol("t"), xi)
        rhs += term
    diff = sp.expand(lhs - rhs)
    if w is None:
        wn = ws[-1]
        poly = sp.Poly(diff, wn)
        modulus = sp.Poly(wn**2 - (1 - sum(wi**2 for wi in ws[:-1])), wn)
        diff = sp.expand(poly.rem(modulus).as_expr())
    return diff


_UNIT_WS: tuple[tuple[sp.Rational, ...], ...] = (
    (sp.Rational(3, 5), sp.Rational(4, 5)),
    (sp.Rational(2, 7), sp.Rational(3, 7), sp.Rational(6, 7)),
    (sp.Rational(1, 5), sp.Rational(2, 5), sp.Rational(2, 5), sp.Rational(4, 5)),
)


@claim("B7", paper=PAPER, where="Claim 2 ([secondary]; exact form [derived])",
       statement=r"\bar H_\ell(w\cdot x)=\sum_{|\alpha|=\ell}\sqrt{\tfrac{\ell!}{\alpha!}}\,"
                 r"w^\alpha\bar H_\alpha(x)\quad(\|w\|=1)",
       source="secondary+derived",
       methods=("exact: for symbolic w in R^3, the difference is 0 modulo |w|^2 - 1 (SymPy)",
                "exact: polynomial identity at rational unit w in R^2, R^3, R^4 (SymPy)"))
def b7(p: Profile) -> CheckResult:
    sym_max = 5 if p.name == "quick" else 7
    num_max = 6 if p.name == "quick" else 9
    cases: list[CheckResult] = []
    for ell in range(sym_max + 1):
        d = _ridge_difference(3, ell, None)
        cases.append(decide.exact_equal(f"l = {ell}, symbolic unit w in R^3", d, 0,
                                        method="SymPy: remainder modulo w3^2 - (1 - w1^2 - w2^2)"))
    for w in _UNIT_WS:
        for ell in range(num_max + 1 if len(w) < 4 else num_max - 1):
            d = _ridge_difference(len(w), ell, w)
            cases.append(decide.exact_equal(f"l = {ell}, w = {w}", d, 0,
                                            method="SymPy expansion"))
    return decide.all_of(f"Claim 2 (unnormalized form) for l <= {sym_max} symbolically and "
                         f"l <= {num_max} at rational unit w", "exact (SymPy)", cases)


def _differs_at(claim_text: str, diff: sp.Expr, point: dict[sp.Symbol, sp.Expr]
                ) -> CheckResult:
    """The identity ``diff == 0`` in x: REFUTED by an exact point where it is not 0; agreement
    at the point proves nothing (INCONCLUSIVE) -- :func:`verify.decide.identity_at_points`."""
    return decide.identity_at_points(claim_text, diff, sp.Integer(0), points=[point],
                                     method="SymPy, difference evaluated at a point",
                                     evidence={"difference": str(diff)[:200]})


@b7.planted("non-unit w = (1/2, 1/2)",
            r"H_2(w\cdot x)=\sum_{|\alpha|=2}\tfrac{2!}{\alpha!}w^\alpha H_\alpha(x),\ "
            r"w=(\tfrac12,\tfrac12)")
def b7_nonunit(p: Profile) -> CheckResult:
    w = (sp.Rational(1, 2), sp.Rational(1, 2))
    x1, x2 = sp.symbols("x1:3")
    cases = [_differs_at(f"l = {ell}, w = (1/2, 1/2)", _ridge_difference(2, ell, w),
                         {x1: 0, x2: 0}) for ell in range(2, 4)]
    return decide.all_of("Claim 2 at a non-unit w", "exact (SymPy)", cases)


@b7.planted("sqrt(l!/alpha!) in the unnormalized form",
            r"H_\ell(w\cdot x)=\sum_{|\alpha|=\ell}\sqrt{\tfrac{\ell!}{\alpha!}}"
            r"w^\alpha H_\alpha(x)")
def b7_sqrt(p: Profile) -> CheckResult:
    w = _UNIT_WS[0]
    x1, x2 = sp.symbols("x1:3")
    cases = [_differs_at(f"l = {ell}, w = (3/5, 4/5)",
                         _ridge_difference(2, ell, w, sqrt_coeff=True), {x1: 1, x2: 1})
             for ell in range(2, 4)]
    return decide.all_of("Claim 2 with square-rooted multinomials", "exact (SymPy)", cases)


# ---------------------------------------------------------------------------------------------
# B9

@claim("B9", paper=PAPER, where="unknown (the Gaussian lift of the reduction; [derived])",
       statement=r"x\sim\mathrm{Unif}\{\pm1\}^n,\ g\sim N(0,I_n)\ \Rightarrow\ "
                 r"z=x\circ|g|\sim N(0,I_n),\ \chi_S(x)=\prod_{i\in S}\operatorname{sgn}z_i",
       source="derived",
       methods=("exact: the CDF of x|g| equals Phi (SymPy)",
                "exact: all moments E[(x|g|)^n] = E[g^n] for n <= 2 k_max (fmpq)",
                "exact: sgn(x|g|) = x for g != 0 (SymPy)"))
def b9(p: Profile) -> CheckResult:
    return _b9(p, values=(-1, 1))


def _b9(p: Profile, *, values: tuple[int, int]) -> CheckResult:
    t = sp.Symbol("t", positive=True)
    u = sp.Symbol("u", real=True)
    phi = sp.exp(-u**2 / 2) / sp.sqrt(2 * sp.pi)
    half = sp.Rational(1, 2)
    cases: list[CheckResult] = []
    # x uniform on `values`, independent of |g| (density 2 phi on (0, oo))
    cdf_pos = sum((half * (sp.integrate(2 * phi, (u, 0, t / v)) if v > 0 else
                           (1 if v < 0 else sp.Integer(1))) for v in values), sp.Integer(0))
    cdf_neg = sum((half * (sp.integrate(2 * phi, (u, t / (-v), sp.oo)) if v < 0 else
                           sp.Integer(0)) for v in values), sp.Integer(0))
    cases.append(decide.exact_equal("P(x|g| <= t) = Phi(t), t > 0", cdf_pos,
                                    sp.integrate(phi, (u, -sp.oo, t)).rewrite(sp.erf),
                                    method="SymPy integrals"))
    cases.append(decide.exact_equal("P(x|g| <= -t) = Phi(-t), t > 0", cdf_neg,
                                    sp.integrate(phi, (u, -sp.oo, -t)).rewrite(sp.erf),
                                    method="SymPy integrals"))
    for n in range(1, 2 * p.k_max + 1):
        abs_moment = gaussian_abs_moment(n)  # E|g|^n = 2 int_0^oo x^n phi
        x_moment = sum((fmpq(v) ** n for v in values), fmpq(0)) / 2
        got = abs_moment.scaled(x_moment)
        cases.append(decide.rational_equal(f"E[z^{n}]: rational part", got.rational,
                                           gaussian_moment(n), method="half-line moments"))
        cases.append(decide.rational_equal(f"E[z^{n}]: 1/sqrt(2pi) part", got.over_sqrt_2pi, 0,
                                           method="half-line moments"))
    g = sp.Symbol("g", real=True, nonzero=True)
    for v in values:
        if v != 0:
            cases.append(decide.exact_equal(f"sgn({v}|g|) = {v}", sp.sign(v * sp.Abs(g)), v,
                                            method="SymPy"))
    return decide.all_of(f"B9: law of x|g| (CDF, moments n <= {2 * p.k_max}) and signs",
                         "exact (SymPy, fmpq)", cases)


@b9.planted("Boolean x in {0, 1} instead of {-1, +1}",
            r"x\sim\mathrm{Unif}\{0,1\}^n\Rightarrow z=x\circ|g|\sim N(0,I_n)")
def b9_boolean(p: Profile) -> CheckResult:
    return _b9(p, values=(0, 1))


# ---------------------------------------------------------------------------------------------
# B10

def _generating_product(w: Sequence[sp.Expr]) -> sp.Expr:
    t = sp.Symbol("t", real=True)
    return sp.prod([sp.erf(wi * t / sp.sqrt(2)) for wi in w])


def b10_case(k: int, w: Sequence[sp.Expr], p: Profile, *, bias: sp.Rational | int = 0
             ) -> CheckResult:
    """Decide ``E[ReLU(w.z + b) chi_[k](sgn z)] = 0``.

    With ``b = 0`` the Hermite form is ``sum_l c_l A_l(w)``, ``A_l(w) = sqrt(l!) [t^l]
    prod_i erf(w_i t/sqrt 2)`` (Claim 2 + sign coefficients). The sum is exactly 0 when the
    product vanishes identically (some w_i = 0), or when it is odd in t (k odd) and of order
    >= 3 at t = 0 (ReLU's odd coefficients vanish from degree 3 on). Otherwise the value is
    computed: certified (Dawson integral) for ``w = 1/sqrt k`` and even k, else Monte Carlo.
    """
    label = f"k = {k}, w = {tuple(str(x) for x in w)}, b = {bias}"
    t = sp.Symbol("t", real=True)
    if bias == 0:
        prod = _generating_product(w)
        if sp.simplify(prod) == 0:
            return CheckResult(Verdict.VERIFIED, Strength.EXACT, f"{label}: correlation = 0",
                               "Hermite generating function prod erf(w_i t/sqrt2) == 0",
                               {"product": str(prod)})
        odd = sp.simplify(prod.subs(t, -t) + prod) == 0
        order = sp.series(prod, t, 0, 3).removeO() == 0
        relu_odd_zero = all(relu_half_line(j) == (0, 0) for j in range(3, p.k_max + 1, 2))
        forced = all(symmetry_zero(RELU, j) is not None for j in range(3, 12, 2))
        if odd and order and relu_odd_zero and forced:
            return CheckResult(Verdict.VERIFIED, Strength.EXACT, f"{label}: correlation = 0",
                               "generating function odd in t and O(t^3); ReLU's odd "
                               "coefficients vanish from degree 3 (exact)",
                               {"product": str(prod)})
        if len(set(w)) == 1 and k % 2 == 0:
            with workprec(p.bits(extra=20)):
                value = beta_dawson(k, p.digits)
                return decide.ball_within(f"{label}: correlation = 0", value, 0,
                                          abs_tol=p.abs_tol, identity=True,
                                          method="Dawson-integral value of beta_k (certified)")
    wf = np.array([float(x) for x in w])
    return statistical_check(f"{label}: correlation = 0", 0.0,
                             lambda s: correlation_mc(k, wf, float(bias), p.mc_samples, s))


def b10_vectors(k: int, zero_first: bool) -> list[tuple[sp.Expr, ...]]:
    """The all-ones direction and a generic rational one (first coordinate 0 for part (a))."""
    ones = tuple([1 / sp.sqrt(k)] * k)
    generic = tuple(sp.Rational(j + 2, j + 3) for j in range(k))
    if zero_first:
        ones = (sp.Integer(0), *ones[1:])
        generic = (sp.Integer(0), *generic[1:])
    return [ones, generic]


@claim("B10", paper=PAPER, where="unknown ([derived])",
       statement=r"(a)\ w_j=0\text{ for some }j\in S\Rightarrow\mathbb E[\mathrm{ReLU}(w\cdot z)"
                 r"\chi_S(\operatorname{sgn}z)]=0;\ (b)\ |S|\ \text{odd}\ \ge3\Rightarrow"
                 r"\mathbb E[\mathrm{ReLU}(w\cdot z)\chi_S(\operatorname{sgn}z)]=0\ \forall w",
       source="derived",
       methods=("exact: Hermite generating function prod_i erf(w_i t / sqrt 2) (SymPy)",
                "exact: ReLU's odd coefficients vanish from degree 3 (fmpq + proved parity)"))
def b10(p: Profile) -> CheckResult:
    cases = []
    for k in range(2, 7):
        for w in b10_vectors(k, zero_first=True):
            cases.append(b10_case(k, w, p))
    for k in (3, 5, 7):
        for w in b10_vectors(k, zero_first=False):
            cases.append(b10_case(k, w, p))
    return decide.all_of("B10 (a) for k <= 6 and (b) for k in {3, 5, 7}, at the all-ones and a "
                         "generic direction", "exact", cases)


@b10.planted("(b) for even |S|", r"|S|\ \text{even}\Rightarrow\mathbb E[\mathrm{ReLU}(w\cdot z)"
             r"\chi_S(\operatorname{sgn}z)]=0")
def b10_even(p: Profile) -> CheckResult:
    cases = [b10_case(k, b10_vectors(k, zero_first=False)[0], p) for k in (2, 4)]
    return decide.all_of("B10 (b) for k in {2, 4}", "exact or certified", cases)


@b10.planted("(b) for a biased ReLU, b = -1/2", r"|S|=3\Rightarrow\mathbb E[\mathrm{ReLU}"
             r"(w\cdot z-\tfrac12)\chi_S(\operatorname{sgn}z)]=0")
def b10_biased(p: Profile) -> CheckResult:
    return b10_case(3, b10_vectors(3, zero_first=False)[0], p, bias=sp.Rational(-1, 2))


# ---------------------------------------------------------------------------------------------
# B24

@claim("B24", paper=PAPER, where="unknown ([derived]; follows from B3 and B10)",
       statement=r"c_\ell(\mathrm{ReLU})=0\ (\ell\ \text{odd}\ge3);\ \mathbb E[\mathrm{ReLU}(w\cdot"
                 r" x)\bar H_\alpha(x)]=0\ (|\alpha|\ \text{odd}\ge3);\ \mathbb E[\mathrm{ReLU}"
                 r"(w\cdot x)\textstyle\prod_{i\in S}\operatorname{sgn}x_i]=0\ (|S|\ \text{odd}"
                 r"\ge3)",
       source="derived",
       methods=("exact: half-line moments and the proved parity of ReLU's odd part",
                "exact: ReLU = x/2 + |x|/2; E[x_i He_alpha] = 0 for |alpha| >= 2 (Gaussian "
                "moments), He_alpha(-x) = (-1)^|alpha| He_alpha(x) (fmpq polynomial identity)",
                "exact: B10's generating-function certificate for the sign products"))
def b24(p: Profile) -> CheckResult:
    return _b24(p, start=3)


def _b24(p: Profile, *, start: int) -> CheckResult:
    cases: list[CheckResult] = []
    for ell in range(start, p.k_max + 1, 2):
        a, b = relu_half_line(ell)
        cases.append(decide.rational_equal(f"c_{ell} = 0: rational part", a, 0,
                                           method="half-line"))
        cases.append(decide.rational_equal(f"c_{ell} = 0: 1/sqrt(2pi) part", b, 0,
                                           method="half-line"))
    polys = hermite_prob_polys(8)
    x, one, minus_x = fmpq_poly([0, 1]), fmpq_poly([1]), fmpq_poly([0, -1])
    n = 3
    for alpha in (al for total in range(start, 8, 2) for al in compositions(total, n)):
        for i in range(n):
            value = fmpq(1)
            for j, aj in enumerate(alpha):
                value *= gaussian_expectation(polys[aj] * (x if j == i else one))
            cases.append(decide.rational_equal(f"E[x_{i + 1} He_{alpha}] = 0", value, 0,
                                               method="Gaussian moments"))
        for aj in sorted(set(alpha)):
            cases.append(decide.polynomial_identity(
                f"He_{aj}(-x) = (-1)^{aj} He_{aj}(x) (for He_{alpha})",
                polys[aj](minus_x) - (-1) ** aj * polys[aj], method="fmpq polynomial identity"))
    for k in (3, 5):
        cases.append(b10_case(k, b10_vectors(k, zero_first=False)[1], p))
    return decide.all_of(f"B24: degrees {start}..{p.k_max}, |alpha| < 8 in R^3, sign products "
                         "k = 3, 5", "exact", cases)


@b24.planted("off-by-one degree: |alpha| odd >= 1", r"c_\ell(\mathrm{ReLU})=0\ "
             r"(\ell\ \text{odd}\ge1)")
def b24_one(p: Profile) -> CheckResult:
    return _b24(p, start=1)
