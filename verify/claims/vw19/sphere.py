"""vw19 note §1 (standard harmonic analysis on S^{n-1}), first half: the marginal law of one
coordinate, its moments, the dimensions N(n,k), orthogonality and the three formulas for
P_{k,n}: C1, C2, C3, C4, C5, C19."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import sympy as sp
from flint import arb, fmpq, fmpq_mat, fmpq_poly

from verify import moments as M
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    arb_of,
    ball_equal,
    claim,
    exact_equal,
    rational_equal,
)
from verify.conventions import harmonic_dimension
from verify.numbers import workprec

from ._shared import (
    _P,
    _WHERE,
    PAPER,
    _dims,
    _laplacian_matrix,
    _monomials,
    _one,
    _pair_moment,
    _poly_acb,
    _power_basis_bits,
    _q,
)


def _area_sym(n: int) -> sp.Expr:
    """``omega_{n-1} = |S^{n-1}| = 2 pi^{n/2} / Gamma(n/2)`` (SymPy form)."""
    return 2 * sp.pi ** sp.Rational(n, 2) / sp.gamma(sp.Rational(n, 2))


# =============================================================================================
# C1 -- the marginal constant.

def _c1_check(p: Profile, constant: Callable[[int], sp.Expr], label: str) -> CheckResult:
    cases = []
    for n in _dims(p):
        claimed = constant(n)
        ratio = _area_sym(n - 1) / _area_sym(n) if n >= 3 else sp.Integer(2) / (2 * sp.pi)
        cases.append(exact_equal(f"omega_(n-2)/omega_(n-1) = {label}, n={n}", ratio, claimed,
                                 method="SymPy: ratio of the areas 2 pi^(m/2)/Gamma(m/2)"))
        with workprec(p.prec_bits):
            integral = M.sphere_expectation_acb(_one, n, surface=True)
            cases.append(ball_equal(f"1/int (1-t^2)^((n-3)/2) dt = {label}, n={n}",
                                    1 / integral, arb_of(claimed, p.prec_bits),
                                    method="acb.integral of cos^(n-2) u on [-pi/2, pi/2]",
                                    digits=p.digits))
    return all_of(f"C1 for n in {_dims(p)}", "exact area ratio and certified Beta integral",
                  cases)


@claim("C1", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\frac{\omega_{n-2}}{\omega_{n-1}}=\frac{\Gamma(n/2)}{\sqrt\pi\,"
                 r"\Gamma(\frac{n-1}2)}=\Big(\int_{-1}^1(1-t^2)^{\frac{n-3}2}dt\Big)^{-1}",
       source="derived", methods=("exact: SymPy, ratio of sphere areas",
                                  "certified: Arb integral of cos^(n-2) u"))
def c1(p: Profile) -> CheckResult:
    return _c1_check(p, lambda n: sp.gamma(sp.Rational(n, 2)) / (
        sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n - 1, 2))), "Gamma(n/2)/(sqrt(pi) Gamma((n-1)/2))")


@c1.planted("Gamma((n+1)/2) for Gamma((n-1)/2)",
            r"\frac{\omega_{n-2}}{\omega_{n-1}}=\frac{\Gamma(n/2)}{\sqrt\pi\,\Gamma(\frac{n+1}2)}")
def c1_wrong_shift(p: Profile) -> CheckResult:
    return _c1_check(p, lambda n: sp.gamma(sp.Rational(n, 2)) / (
        sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n + 1, 2))), "Gamma(n/2)/(sqrt(pi) Gamma((n+1)/2))")


# =============================================================================================
# C2 -- moments of one coordinate.

def _c2_check(p: Profile, fourth: Callable[[int], Fraction]) -> CheckResult:
    cases = []
    m_max = 4 if p.name == "quick" else 6
    for n in _dims(p):
        half = sp.Rational(n, 2)
        for m in range(1, m_max + 1):
            beta = sp.gamma(half) * sp.gamma(m + sp.Rational(1, 2)) / (
                sp.sqrt(sp.pi) * sp.gamma(m + half))
            gauss = sp.Rational(math.prod(range(2 * m - 1, 0, -2)),
                                M.gaussian_norm_moment_by_partitions(n, m))
            cases.append(exact_equal(f"E x_1^{2 * m} (Beta integral) = E g_1^{2 * m}/E|g|^{2 * m}"
                                     f", n={n}", beta, gauss,
                                     method="SymPy Beta integral vs Gaussian factorization"))
        cases.append(rational_equal(f"E x_1^2 = 1/n, n={n}", M.sphere_moment(n, 2), fmpq(1, n),
                                    method="Gaussian factorization"))
        cases.append(rational_equal(f"E x_1^4 = claimed, n={n}",
                                    fmpq(3, M.gaussian_norm_moment_by_partitions(n, 2)),
                                    _q(fourth(n)),
                                    method="Gaussian factorization E g^4 = E|g|^4 E x_1^4"))
    return all_of(f"C2 for n in {_dims(p)}, moments up to 2m = {2 * m_max}",
                  "exact: Beta integral and Gaussian factorization", cases)


@claim("C2", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"x\sim\mathrm{Unif}(S^{n-1})\Rightarrow x_1\sim\frac{\Gamma(n/2)}{\sqrt\pi\,"
                 r"\Gamma(\frac{n-1}2)}(1-t^2)^{\frac{n-3}2},\ \mathbb E x_1^2=\frac1n,\ "
                 r"\mathbb E x_1^4=\frac{3}{n(n+2)}",
       source="derived", methods=("exact: Beta integrals of the density (SymPy)",
                                  "exact: Gaussian factorization g = |g| x, multinomial E|g|^2m"))
def c2(p: Profile) -> CheckResult:
    return _c2_check(p, lambda n: Fraction(3, n * (n + 2)))


@c2.planted("E x_1^4 = 3/n^2 (coordinates treated as independent Gaussians)",
            r"\mathbb E x_1^4=\frac{3}{n^2}")
def c2_wrong_fourth(p: Profile) -> CheckResult:
    return _c2_check(p, lambda n: Fraction(3, n * n))


# =============================================================================================
# C3 -- dimension of the harmonics.

def _c3_check(p: Profile, formula: Callable[[int, int], int], label: str) -> CheckResult:
    cases = []
    for n in _dims(p):
        for k in range(p.k_max + 1):
            value = formula(n, k)
            alt = (2 * k + n - 2) * math.comb(k + n - 3, k - 1) // k if k >= 1 and n + k >= 3 \
                else harmonic_dimension(n, k)
            cases.append(rational_equal(f"N({n},{k}): {label} = (2k+n-2)/k C(k+n-3,k-1)", value,
                                        alt, method="integer arithmetic"))
            if n == 3:
                cases.append(rational_equal(f"N(3,{k}) = 2k+1", value, 2 * k + 1,
                                            method="integer arithmetic"))
    small = [(n, k) for n in range(2, 6) for k in range(0, 7 if p.name == "quick" else 9)]
    for n, k in small:
        hom = math.comb(n + k - 1, k)
        kernel = hom - (_laplacian_matrix(n, k).rank() if k >= 2 else 0)
        cases.append(rational_equal(f"dim ker(Laplacian on Hom_{k}(R^{n})) = {label}",
                                    kernel, formula(n, k), method="fmpz_mat rank"))
    return all_of(f"C3 for n in {_dims(p)}, k <= {p.k_max}; kernel ranks n <= 5, "
                  f"k <= {small[-1][1]}", "integer identities and exact ranks", cases)


@claim("C3", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"N(n,k)=\dim\mathcal H_k^n=\binom{n+k-1}{k}-\binom{n+k-3}{k-2}="
                 r"\frac{2k+n-2}{k}\binom{k+n-3}{k-1}=\dim\ker(\Delta|_{\mathrm{Hom}_k}),"
                 r"\quad N(3,k)=2k+1",
       source="derived", methods=("exact: integer identities between the closed forms",
                                  "exact: rank of the Laplacian Hom_k -> Hom_(k-2) (fmpz_mat)"))
def c3(p: Profile) -> CheckResult:
    return _c3_check(p, lambda n, k: math.comb(n + k - 1, k) - (
        math.comb(n + k - 3, k - 2) if k >= 2 else 0), "C(n+k-1,k) - C(n+k-3,k-2)")


@c3.planted("C(n+k-1,k) - C(n+k-2,k-1) (off by one)",
            r"N(n,k)=\binom{n+k-1}{k}-\binom{n+k-2}{k-1}")
def c3_off_by_one(p: Profile) -> CheckResult:
    return _c3_check(p, lambda n, k: math.comb(n + k - 1, k) - (
        math.comb(n + k - 2, k - 1) if k >= 1 else 0), "C(n+k-1,k) - C(n+k-2,k-1)")


# =============================================================================================
# C4 -- orthogonality of P_{k,n}.

def _c4_check(p: Profile, poly: Callable[[int, int], fmpq_poly], label: str) -> CheckResult:
    cases = []
    k_exact = min(p.k_max, 24 if p.name == "quick" else 40)
    k_cert = 6 if p.name == "quick" else 10
    for n in _dims(p):
        polys = [poly(k, n) for k in range(k_exact + 1)]
        bad = []
        for j in range(k_exact + 1):
            for k in range(j, k_exact + 1):
                value = M.sphere_expectation(polys[j] * polys[k], n)
                want = fmpq(1, harmonic_dimension(n, k)) if j == k else fmpq(0)
                if value != want:
                    bad.append((j, k, value, want))
        if bad:
            j, k, value, want = bad[0]
            cases.append(rational_equal(f"E[P_{j} P_{k}] = [j=k]/N(n,k), n={n} ({label})",
                                        value, want, method="exact moments E t^m",
                                        evidence={"failing_pairs": len(bad)}))
        else:
            cases.append(CheckResult(Verdict.VERIFIED, Strength.EXACT,
                                     f"E[P_j P_k] = [j=k]/N(n,k) for j, k <= {k_exact}, n={n}",
                                     "exact moments E t^m (fmpq)", {"pairs": (k_exact + 1) *
                                                                    (k_exact + 2) // 2}))
        for j in range(k_cert + 1):
            for k in range(j, k_cert + 1, 2):
                prod = polys[j] * polys[k]
                with workprec(p.bits(extra=_power_basis_bits(prod))):
                    want_b = arb(1) / harmonic_dimension(n, k) if j == k else arb(0)
                    cases.append(ball_equal(f"E[P_{j} P_{k}] = [j=k]/N, n={n} ({label})",
                                            M.sphere_expectation_acb(_poly_acb(prod), n),
                                            want_b, method="acb.integral in u = asin t",
                                            digits=p.digits))
    return all_of(f"C4 for n in {_dims(p)}: exact j,k <= {k_exact}, certified j,k <= {k_cert}",
                  "exact moments and certified integrals", cases)


@claim("C4", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\mathbb E_x[P_{j,n}(x_1)P_{k,n}(x_1)]=\frac{\delta_{jk}}{N(n,k)}",
       source="derived", methods=("exact: rational moments E t^m of the marginal",
                                  "certified: Arb integral in u = asin t"))
def c4(p: Profile) -> CheckResult:
    return _c4_check(p, _P, "lambda=(n-2)/2")


@c4.planted("Gegenbauer index lambda = (n-1)/2 (the polynomials of S^n under the weight of "
            "S^(n-1))", r"\mathbb E_x[P_{j,n+1}(x_1)P_{k,n+1}(x_1)]=\frac{\delta_{jk}}{N(n+1,k)}")
def c4_wrong_lambda(p: Profile) -> CheckResult:
    return _c4_check(p, lambda k, n: _P(k, n + 1), "lambda=(n-1)/2")


# =============================================================================================
# C5 -- Rodrigues, explicit sum, recurrence.

def _explicit_sum(k: int, n: int, four: int = 4) -> fmpq_poly:
    """``k! Gamma((n-1)/2) sum_j (-1)^j (1-t^2)^j t^{k-2j} / (4^j j! (k-2j)! Gamma(j+(n-1)/2))``,
    with ``Gamma((n-1)/2)/Gamma(j+(n-1)/2) = 1/prod_{i<j} ((n-1)/2 + i)``."""
    t = fmpq_poly([0, 1])
    one_minus = fmpq_poly([1, 0, -1])
    out = fmpq_poly([0])
    for j in range(k // 2 + 1):
        poch = fmpq(1)
        for i in range(j):
            poch *= fmpq(n - 1 + 2 * i, 2)
        coef = fmpq(math.factorial(k) * (-1) ** j, four**j * math.factorial(j)
                    * math.factorial(k - 2 * j)) / poch
        out += coef * one_minus**j * t ** (k - 2 * j)
    return out


def _rodrigues(k: int, n: int) -> fmpq_poly:
    """``(-1)^k R_{k,n} (1-t^2)^{(3-n)/2} (d/dt)^k (1-t^2)^{k+(n-3)/2}``, differentiating
    ``(1-t^2)^b q(t)`` as ``(1-t^2)^{b-1} [(1-t^2) q' - 2 b t q]`` (exact, any n)."""
    b = fmpq(2 * k + n - 3, 2)
    q = fmpq_poly([1])
    one_minus, t = fmpq_poly([1, 0, -1]), fmpq_poly([0, 1])
    for _ in range(k):
        q = one_minus * q.derivative() - 2 * b * t * q
        b -= 1
    r = fmpq(1, 2**k)
    for i in range(k):
        r /= fmpq(n - 1 + 2 * i, 2)
    return (-1) ** k * r * q


def _c5_check(p: Profile, explicit: Callable[[int, int], fmpq_poly], label: str) -> CheckResult:
    cases = []
    k_max = min(p.k_max, 20 if p.name == "quick" else 40)
    s = sp.Symbol("s")
    for n in _dims(p):
        bad: list[str] = []
        for k in range(k_max + 1):
            rec = _P(k, n)
            for name, other in (("explicit sum", explicit(k, n)), ("Rodrigues", _rodrigues(k, n))):
                if other != rec:
                    bad.append(f"k={k}: {name} {other} != recurrence {rec}")
            if k <= 8:
                lib = (sp.chebyshevt(k, s) if n == 2 else
                       sp.gegenbauer(k, sp.Rational(n - 2, 2), s)
                       / sp.gegenbauer(k, sp.Rational(n - 2, 2), 1))
                coeffs = sp.Poly(sp.expand(lib), s).all_coeffs()[::-1]
                if fmpq_poly([_q(Fraction(int(c.p), int(c.q))) for c in coeffs]) != explicit(k, n):
                    bad.append(f"k={k}: SymPy C_k^lambda/C_k^lambda(1) != {label}")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"{label}, Rodrigues and recurrence agree for k <= {k_max}, "
                                 f"n={n}", "fmpq polynomials; SymPy gegenbauer for k <= 8",
                                 {"first_disagreement": bad[0]} if bad else {}))
    return all_of(f"C5 for n in {_dims(p)}, k <= {k_max}",
                  "exact polynomial identities", cases)


@claim("C5", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"P_{k,n}(t)=k!\,\Gamma(\tfrac{n-1}2)\sum_{j}\frac{(-1)^j(1-t^2)^jt^{k-2j}}"
                 r"{4^jj!(k-2j)!\Gamma(j+\frac{n-1}2)}=(-1)^k\frac{\Gamma(\frac{n-1}2)}{2^k"
                 r"\Gamma(k+\frac{n-1}2)}(1-t^2)^{\frac{3-n}2}\frac{d^k}{dt^k}(1-t^2)^{k+"
                 r"\frac{n-3}2},\ P_{k+1,n}=\frac{(2k+n-2)tP_{k,n}-kP_{k-1,n}}{k+n-2}",
       source="derived", methods=("exact: three fmpq constructions (sum, Rodrigues by the "
                                  "product rule, recurrence)",
                                  "exact: SymPy gegenbauer/chebyshevt normalized, k <= 8"))
def c5(p: Profile) -> CheckResult:
    return _c5_check(p, _explicit_sum, "explicit sum")


@c5.planted("2^j for 4^j in the explicit sum",
            r"P_{k,n}(t)=k!\,\Gamma(\tfrac{n-1}2)\sum_{j}\frac{(-1)^j(1-t^2)^jt^{k-2j}}"
            r"{2^jj!(k-2j)!\Gamma(j+\frac{n-1}2)}")
def c5_wrong_power(p: Profile) -> CheckResult:
    return _c5_check(p, lambda k, n: _explicit_sum(k, n, four=2), "explicit sum with 2^j")


# =============================================================================================
# C19 -- cumulative dimension and growth of N(n,k).

def _c19_check(p: Profile, cumulative: Callable[[int, int], int], label: str) -> CheckResult:
    cases = []
    for n in _dims(p):
        running = 0
        bad = []
        for k in range(p.k_max + 1):
            running += (2 * k + n - 2) * math.comb(k + n - 3, k - 1) // k if k >= 1 and \
                n + k >= 3 else harmonic_dimension(n, k)
            if running != cumulative(n, k):
                bad.append(f"k={k}: sum_j N = {running}, {label} = {cumulative(n, k)}")
            if k >= 1 and n >= k * k:
                ratio = fmpq(math.factorial(k) * harmonic_dimension(n, k), n**k)
                if abs(ratio - 1) > fmpq(k * k, n):
                    bad.append(f"k={k}: |k! N/n^k - 1| = {ratio - 1} > k^2/n")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"sum_(j<=k) N(n,j) = {label} and |k! N(n,k)/n^k - 1| <= k^2/n "
                                 f"(n >= k^2) for k <= {p.k_max}, n={n}", "integer arithmetic",
                                 {"first_failure": bad[0]} if bad else {}))
    for n in range(2, 5):
        for k in range(0, 6 if p.name == "quick" else 7):
            mons = [m for d in range(k + 1) for m in _monomials(n, d)]
            gram = fmpq_mat(len(mons), len(mons), [_pair_moment(n, u, v) for u in mons
                                                   for v in mons])
            cases.append(rational_equal(f"dim of polynomials of degree <= {k} on S^{n - 1} "
                                        f"(Gram rank) = {label}", gram.rank(), cumulative(n, k),
                                        method="exact rank of the monomial Gram matrix"))
    return all_of(f"C19 for n in {_dims(p)}, k <= {p.k_max}; Gram ranks n <= 4", "exact", cases)


@claim("C19", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\sum_{j\le k}N(n,j)=\binom{n+k-1}{k}+\binom{n+k-2}{k-1},\qquad N(n,k)="
                 r"\frac{n^k}{k!}(1+\epsilon),\ |\epsilon|\le\frac{k^2}n\ (n\ge k^2)",
       source="derived", methods=("exact: integer identity and the explicit constant over the "
                                  "range", "exact: rank of the Gram matrix of monomials of "
                                  "degree <= k under the sphere moments"))
def c19(p: Profile) -> CheckResult:
    return _c19_check(p, lambda n, k: math.comb(n + k - 1, k) + (
        math.comb(n + k - 2, k - 1) if k >= 1 else 0), "C(n+k-1,k) + C(n+k-2,k-1)")


@c19.planted("C(n+k,k): all polynomials of degree <= k on R^n, ignoring |x| = 1",
             r"\sum_{j\le k}N(n,j)=\binom{n+k}{k}")
def c19_ambient(p: Profile) -> CheckResult:
    return _c19_check(p, lambda n, k: math.comb(n + k, k), "C(n+k,k)")
