"""vw19 note §4 (reconstruction): the SQ lower bound's ingredients -- spherical parities, Bessel
counting, the small-argument bound on P_{k,n} and random zonal correlations: C16, C17, C23,
C24."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from fractions import Fraction

import sympy as sp
from flint import arb, fmpq, fmpq_mpoly_ctx, fmpq_poly

from verify import decide
from verify import moments as M
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    ball_equal,
    claim,
    exact_equal,
    rational_equal,
)
from verify.conventions import harmonic_dimension
from verify.numbers import report_ball, workprec

from ._shared import (
    _P,
    _WHERE,
    PAPER,
    _dims,
    _monomials,
    _poly_acb,
    _power_basis_bits,
    _q,
    _qstr,
    _rational_sphere_point,
    _sym,
)

# =============================================================================================
# C16 -- spherical parities.

def _c16_check(p: Profile, norm: Callable[[int, int], Fraction], label: str) -> CheckResult:
    cases = []
    pairs = [(n, k) for n in range(2, p.n_max + 1) for k in range(1, n + 1)]
    pairs += [(n, k) for n in p.dims if n > p.n_max for k in range(1, 9)]
    for n, k in pairs:
        ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
        xs = ctx.gens()
        if n <= p.n_max:
            mono = math.prod(xs[:k], start=ctx.from_dict({(0,) * n: 1}))
            lap = sum((mono.derivative(i).derivative(i) for i in range(n)), ctx.from_dict({}))
            cases.append(CheckResult(Verdict.VERIFIED if lap.is_zero() else Verdict.REFUTED,
                                     Strength.EXACT, f"Laplacian of x_S is 0, |S|={k}, n={n}",
                                     "fmpq_mpoly derivatives"))
            # One pair per orbit of the coordinate permutations: |S & T| = 0..k-1.
            for common in range(max(0, 2 * k - n), k):
                alpha = [2] * common + [1] * (2 * (k - common))
                cases.append(rational_equal(f"E[x_S x_T] = 0, |S & T|={common}, |S|={k}, n={n}",
                                            M.sphere_monomial_moment(n, alpha), 0,
                                            method="sphere moments (an odd exponent)"))
        gauss = fmpq(1, M.gaussian_norm_moment_by_partitions(n, k))
        dirichlet = sp.gamma(sp.Rational(n, 2)) / (2**k * sp.gamma(sp.Rational(n, 2) + k))
        cases.append(exact_equal(f"E prod_(i in S) x_i^2 (Dirichlet) = Gaussian factorization, "
                                 f"|S|={k}, n={n}", dirichlet, _sym(gauss), method="SymPy"))
        cases.append(rational_equal(f"E prod_(i in S) x_i^2 = {label}, |S|={k}, n={n}", gauss,
                                    _q(norm(n, k)), method="Gaussian factorization"))
    return all_of(f"C16 for n <= {p.n_max} (all k), n in {[n for n in p.dims if n > p.n_max]} "
                  "(k <= 8)", "exact", cases)


@claim("C16", paper=PAPER, where=_WHERE + " (note §4.1; candidate hard family, reconstruction)",
       statement=r"x_S=\prod_{i\in S}x_i\in\mathcal H_k^n,\ \mathbb E[x_Sx_T]=0\ (S\ne T),\ "
                 r"\mathbb E x_S^2=\frac{\Gamma(n/2)}{2^k\Gamma(n/2+k)}=\frac1{n(n+2)\cdots"
                 r"(n+2k-2)}",
       source="derived", methods=("exact: Laplacian by derivatives; orthogonality by sphere "
                                  "moments", "exact: Dirichlet formula vs Gaussian factorization "
                                  "with a multinomial E|g|^2k"))
def c16(p: Profile) -> CheckResult:
    return _c16_check(p, lambda n, k: Fraction(1, math.prod(n + 2 * i for i in range(k))),
                      "1/(n(n+2)...(n+2k-2))")


@c16.planted("1/n^k (independent coordinates)", r"\mathbb E x_S^2=n^{-k}")
def c16_independent(p: Profile) -> CheckResult:
    return _c16_check(p, lambda n, k: Fraction(1, n**k), "1/n^k")


# =============================================================================================
# C17 -- Bessel / SQ counting.

def _rational_le(claim_text: str, lhs: fmpq | int, rhs: fmpq | int, *, method: str) -> CheckResult:
    return decide.rational_compare(claim_text, fmpq(lhs), "<=", fmpq(rhs), method=method)


def _c17_check(p: Profile, bound: Callable[[fmpq], fmpq], label: str) -> CheckResult:
    cases = []
    rng = random.Random(1917)
    for n in range(4, p.n_max + 1):
        k = 2
        ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
        xs = ctx.gens()
        subsets = list(itertools.combinations(range(n), k))
        scale = n * (n + 2)  # f_S = sqrt(n(n+2)) x_S is a unit vector (C16)
        monos = [m for d in range(4) for m in _monomials(n, d)]
        for trial in range(3):
            h = ctx.from_dict({m: rng.randint(-3, 3) for m in monos})
            norm2 = M.sphere_polynomial_expectation(h * h, n)
            coefs = [scale * M.sphere_polynomial_expectation(h * xs[s[0]] * xs[s[1]], n) ** 2
                     for s in subsets]
            cases.append(_rational_le(f"Bessel: sum_S <h,f_S>^2 <= |h|^2, n={n}, random h "
                                         f"#{trial}", sum(coefs, fmpq(0)), norm2,
                                         method="exact sphere moments"))
        if len(subsets) >= 9:
            chosen = subsets[:9]
            tau = fmpq(1, 3) - fmpq(1, 100)
            inner = []
            for t_set in subsets:
                val = sum((scale * M.sphere_polynomial_expectation(
                    xs[s[0]] * xs[s[1]] * xs[t_set[0]] * xs[t_set[1]], n) for s in chosen),
                    fmpq(0))
                inner.append(val / 3)  # <h, f_T> with h = (1/3) sum_{S in chosen} f_S
            h_norm2 = sum(inner[: len(chosen)], fmpq(0)) / 3  # <h,h> = (1/3) sum <h, f_S>
            count = sum(1 for v in inner if abs(v) > tau)
            cases.append(rational_equal(f"|h| = 1 for h = (f_S1 + ... + f_S9)/3, n={n}",
                                        h_norm2, 1, method="exact"))
            cases.append(_rational_le(f"#{{S: |<h,f_S>| > tau}} <= {label}, tau = {tau}, "
                                         f"n={n}", count, bound(tau),
                                         method="exact inner products (tight instance)"))
    # Near-orthogonal family: Gram G_ij = P_k(u_i . u_j) of zonal f_u = sqrt(N) P_k(<u,.>) (C8).
    n, k = 12, 3
    us = [_rational_sphere_point(n, rng) for _ in range(14)]
    G = [[_P(k, n)(sum((a * b for a, b in zip(u, v, strict=True)), fmpq(0))) for v in us]
         for u in us]
    gamma = max(abs(G[i][j]) for i in range(len(us)) for j in range(len(us)) if i != j)
    block = range(4)
    s2 = sum((G[i][j] for i in block for j in block), fmpq(0))  # |sum_{i in A} f_i|^2
    inner2 = [sum((G[i][j] for i in block), fmpq(0)) ** 2 / s2 for j in range(len(us))]
    for tau2 in (gamma + (1 - gamma) / 8, gamma + (1 - gamma) / 2):
        count = sum(1 for v in inner2 if v > tau2)
        cases.append(_rational_le(f"|<f_i,f_j>| <= gamma = {float(gamma):.4f}: #{{|<h,f>| > "
                                     f"tau}} <= 2(1-gamma)/(tau^2-gamma), tau^2 = "
                                     f"{float(tau2):.4f}", count,
                                     2 * (1 - gamma) / (tau2 - gamma), method="exact Gram"))
    return all_of(f"C17: Bessel and counting on the parity family n in 4..{p.n_max}, k=2; "
                  "near-orthogonal zonal family n=12, k=3", "exact instances", cases)


@claim("C17", paper=PAPER, where=_WHERE + " (note §4.3; standard SQ-dimension counting)",
       statement=r"\|h\|\le1,\ \{f_S\}\text{ orthonormal}\Rightarrow\sum_S\langle h,f_S\rangle^2"
                 r"\le\|h\|^2,\ \#\{S:|\langle h,f_S\rangle|>\tau\}\le\tau^{-2};\ |\langle f_i,"
                 r"f_j\rangle|\le\gamma<\tau^2\Rightarrow\#\le\frac{2(1-\gamma)}{\tau^2-\gamma}",
       source="derived", methods=("exact: Bessel's inequality on random queries (sphere "
                                  "moments)", "exact: counts on a tight instance and on a "
                                  "near-orthogonal zonal family"))
def c17(p: Profile) -> CheckResult:
    return _c17_check(p, lambda tau: 1 / (tau * tau), "1/tau^2")


@c17.planted("1/tau for 1/tau^2", r"\#\{S:|\langle h,f_S\rangle|>\tau\}\le\tau^{-1}")
def c17_linear(p: Profile) -> CheckResult:
    return _c17_check(p, lambda tau: 1 / tau, "1/tau")


# =============================================================================================
# C23 -- the small-argument bound.

def _sup_abs(pk: fmpq_poly, lo: fmpq, hi: fmpq, pieces: int) -> fmpq:
    """A rational upper bound of ``|P|`` on ``[lo, hi]``: on each piece, Taylor's expansion at
    the midpoint m, ``|P(m + h)| <= sum_j |P_j(m)| r^j`` for ``|h| <= r`` (exact)."""
    best = fmpq(0)
    step = (hi - lo) / pieces
    for i in range(pieces):
        m, r = lo + (2 * i + 1) * step / 2, step / 2
        shifted = pk(fmpq_poly([m, 1]))
        bound = sum((abs(c) * r**j for j, c in enumerate(shifted.coeffs())), fmpq(0))
        best = max(best, bound)
    return best


def _rational_above(x: arb, digits: int = 12) -> fmpq:
    """A rational with ``digits`` decimals strictly above the ball ``x`` (from its exact upper
    end, a dyadic number)."""
    man, exp = (int(v) for v in arb(x.upper()).mid().man_exp())
    top = Fraction(man) * Fraction(2) ** exp
    scale = 10**digits
    return fmpq(math.floor(top * scale) + 1, scale)


def _c23_case(n: int, k: int, delta0: arb, label: str) -> CheckResult:
    """For all delta >= delta0 and |t| <= delta: |P_k(t)| <= (sqrt(e) delta)^k. Beyond
    delta = e^{-1/2} the right side is >= 1 >= |P_k|. On a geometric grid g_1 < ... < g_G of
    rationals with g_1 just above delta0 and g_G >= e^{-1/2}, each delta in [g_i, g_{i+1}] (and
    in [delta0, g_1]) is covered by ``sup_{[0, g_{i+1}]} |P_k| <= (sqrt(e) g_i)^k``, P_k having
    a parity. A failure at a grid point with t = 0 or t = g_i is a certified counterexample."""
    root_e = arb(1).exp().sqrt()
    top = 1 / root_e
    claim_text = f"|P_{k},{n}(t)| <= (sqrt(e) delta)^k for |t| <= delta, delta >= {label}"
    if not delta0 < top:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim_text,
                           "delta0 >= e^(-1/2): the right side is >= 1 >= |P_k| (C4, C5)",
                           {"delta0": report_ball(delta0, 6)[0]})
    pk = _P(k, n)
    ratio = 1 + fmpq(1, 8 * k)
    grid = [_rational_above(delta0)]
    while not arb(grid[-1]) > top:
        grid.append(grid[-1] * ratio)
    lowers: list[arb] = [delta0] + [arb(g) for g in grid]
    for g in grid:  # counterexample search: delta = g (allowed), t in {0, g}
        rhs = (root_e * g) ** k
        for t in (fmpq(0), g):
            value = abs(pk(t))
            if arb(value) > rhs:
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim_text,
                                   "certified counterexample at a grid point",
                                   {"delta": str(g), "t": str(t), "|P_k(t)|": _qstr(value),
                                    "(sqrt(e) delta)^k": report_ball(rhs, 10)[0]})
    running = _sup_abs(pk, fmpq(0), grid[0], 32)
    worst = arb(0)
    for i in range(len(grid)):
        rhs = (root_e * lowers[i]) ** k
        if i >= 1:
            running = max(running, _sup_abs(pk, grid[i - 1], grid[i], 4))
        if not arb(running) <= rhs:
            return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim_text,
                               "the sup bound is too wide on this grid",
                               {"delta": report_ball(lowers[i], 10)[0]})
        worst = max(worst, arb(running) / rhs, key=lambda b: float(b.upper()))
    return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, claim_text,
                       f"exact Taylor sup bounds on a geometric grid of {len(grid)} rationals",
                       {"worst_ratio_upper": report_ball(arb(worst.upper()), 4)[0]})


def _c23_check(p: Profile, delta0: Callable[[int, int], arb], label: str) -> CheckResult:
    cases = []
    k_max = 8 if p.name == "quick" else 12
    with workprec(p.prec_bits):
        for n in _dims(p):
            for k in range(1, k_max + 1):
                cases.append(_c23_case(n, k, delta0(n, k), label))
    return all_of(f"C23 for n in {_dims(p)}, 1 <= k <= {k_max}, every delta >= {label}",
                  "certified ball bounds", cases)


@claim("C23", paper=PAPER, where=_WHERE + " (note §1 and §4.2; a derived bound)",
       statement=r"\delta^2\ge\frac k{n-1},\ |t|\le\delta\ \Rightarrow\ |P_{k,n}(t)|\le"
                 r"(\sqrt e\,\delta)^k",
       source="derived", methods=("certified: ball sup bounds over a geometric grid in delta",
                                  "certified: point evaluations as counterexample search"))
def c23(p: Profile) -> CheckResult:
    return _c23_check(p, lambda n, k: (arb(k) / (n - 1)).sqrt(), "sqrt(k/(n-1))")


@c23.planted("hypothesis delta >= k/(n-1) instead of delta^2 >= k/(n-1)",
             r"\delta\ge\frac k{n-1},\ |t|\le\delta\Rightarrow|P_{k,n}(t)|\le(\sqrt e\delta)^k")
def c23_weak_hypothesis(p: Profile) -> CheckResult:
    return _c23_check(p, lambda n, k: arb(k) / (n - 1), "k/(n-1)")


# =============================================================================================
# C24 -- random zonal correlations.

_C24_TABLE = {(50, 4): "1.85e-3", (200, 4): "1.21e-4"}


def _c24_check(p: Profile, claimed: Callable[[int, int], fmpq], label: str) -> CheckResult:
    cases = []
    k_cert = 8 if p.name == "quick" else 12
    for n in _dims(p):
        bad = []
        for k in range(p.k_max + 1):
            pk = _P(k, n)
            value = M.sphere_expectation(pk * pk, n)
            # Second route: E[P_k^2] = lc(P_k) E[t^k P_k] (P_k is orthogonal to lower degrees).
            lead = pk[k] * M.sphere_expectation(pk * fmpq_poly([0] * k + [1]), n)
            if not value == lead == claimed(n, k):
                bad.append(f"k={k}: E P_k^2 = {_qstr(value)}, lc E[t^k P_k] = {_qstr(lead)}, "
                           f"{label} = {_qstr(claimed(n, k))}")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"E_u P_k(<u,v>)^2 = {label} for k <= {p.k_max}, n={n}",
                                 "exact moments, two routes",
                                 {"first_failure": bad[0]} if bad else {}))
        for k in range(0, k_cert + 1, 2):
            square = _P(k, n) * _P(k, n)
            with workprec(p.bits(extra=_power_basis_bits(square))):
                cases.append(ball_equal(f"Arb: E P_{k}(t)^2 = {label}, n={n}",
                                        M.sphere_expectation_acb(_poly_acb(square), n),
                                        arb(claimed(n, k)), method="acb.integral",
                                        digits=p.digits))
    with workprec(p.prec_bits):
        for (n, k), text in _C24_TABLE.items():
            cases.append(decide.rounded_decimal(f"N({n},{k})^(-1/2) = {text} to the printed "
                                                "digits", arb(claimed(n, k)).sqrt(), text,
                                                method="the note's table"))
    return all_of(f"C24 for n in {_dims(p)}, k <= {p.k_max} (certified k <= {k_cert})",
                  "exact moments and certified integrals", cases)


@claim("C24", paper=PAPER, where=_WHERE + " (note §4.2)",
       statement=r"u,v\sim\mathrm{Unif}(S^{n-1})\ \mathrm{indep.}:\ \mathbb E\,P_{k,n}(\langle u,"
                 r"v\rangle)^2=\frac1{N(n,k)}",
       source="derived", methods=("exact: moments of P_k^2, and lc(P_k) E[t^k P_k]",
                                  "certified: Arb integral of P_k^2"))
def c24(p: Profile) -> CheckResult:
    return _c24_check(p, lambda n, k: fmpq(1, harmonic_dimension(n, k)), "1/N(n,k)")


@c24.planted("k!/n^k (the leading-order value)", r"\mathbb E\,P_{k,n}(\langle u,v\rangle)^2="
                                                 r"\frac{k!}{n^k}")
def c24_asymptotic(p: Profile) -> CheckResult:
    return _c24_check(p, lambda n, k: fmpq(math.factorial(k), n**k), "k!/n^k")
