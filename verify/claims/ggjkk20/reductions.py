"""A20-A22: the SQ / CSQ reductions."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from flint import fmpq
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

from verify import decide
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    claim,
    rational_equal,
)
from verify.sq import csq_lower_bound

from ._common import P

# ---------------------------------------------------------------------------------------------
# A20-A22: the SQ / CSQ reductions.

def _a20_run(p: Profile, with_half_term: bool) -> CheckResult:
    _, phi0, phi1, g = ring("Phi0,Phi1,g", QQ)
    half = QQ(1, 2)
    cond = (half - g) * phi0 + (half + g) * phi1  # E[Phi(x, y) | x]
    rhs = phi0 + (half * (phi1 - phi0) if with_half_term else 0) + (phi1 - phi0) * g
    cases = [decide.polynomial_identity(
        "E[Phi(x,y) | x] = Phi0 + (Phi1 - Phi0)/2 + (Phi1 - Phi0) g pointwise", cond - rhs,
        method="polynomial identity in (Phi0, Phi1, g) over Q")]
    # A finite instance: x uniform on {+-1}^4, y | x ~ Bernoulli(1/2 + g_S(x)).
    rng = random.Random(20)
    pts = list(itertools.product((1, -1), repeat=4))
    for trial in range(p.n_max):
        s_set = tuple(sorted(rng.sample(range(4), 2)))
        g_s = {x: fmpq(rng.randint(1, 4), 10) * math.prod(x[i] for i in s_set) for x in pts}
        phi = {(x, y): fmpq(rng.randint(-8, 8), 8) for x in pts for y in (0, 1)}
        joint = sum(((fmpq(1, 2) + g_s[x]) * phi[(x, 1)] + (fmpq(1, 2) - g_s[x]) * phi[(x, 0)]
                     for x in pts), fmpq(0)) / len(pts)
        const = sum((phi[(x, 0)] + (fmpq(1, 2) * (phi[(x, 1)] - phi[(x, 0)]) if with_half_term
                                    else 0) for x in pts), fmpq(0)) / len(pts)
        corr = sum(((phi[(x, 1)] - phi[(x, 0)]) * g_s[x] for x in pts), fmpq(0)) / len(pts)
        cases.append(rational_equal(f"instance {trial}: E_DS[Phi] = constant + <Phi1 - Phi0, g_S>",
                                    joint, const + corr, method="exact enumeration of (x, y)"))
    return all_of(f"A20: pointwise identity, and {p.n_max} seeded instances on {{+-1}}^4",
                  "polynomial identity; exact enumeration", cases)


@claim("A20", paper=P, where="classification section (number unknown)",
       statement=r"\mathbb E_{D_S}\Phi=\mathbb E_x\big[\Phi(x,0)+\tfrac12(\Phi(x,1)-\Phi(x,0))"
       r"\big]+\big\langle\Phi(\cdot,1)-\Phi(\cdot,0),g_S\big\rangle_D,\quad\Pr[y=1|x]="
       r"\tfrac12+g_S(x)", source="derived",
       methods=("exact: polynomial identity in (Phi0, Phi1, g)",
                "exact: rational instances by enumeration of (x, y)"))
def a20(p: Profile) -> CheckResult:
    return _a20_run(p, True)


@a20.planted("without the 1/2 (Phi1 - Phi0) term", r"\mathbb E_{D_S}\Phi=\mathbb E_x\Phi(x,0)+"
             r"\langle\Phi(\cdot,1)-\Phi(\cdot,0),g_S\rangle")
def a20_missing_half(p: Profile) -> CheckResult:
    return _a20_run(p, False)


def _a21_run(p: Profile, target_factor: int) -> CheckResult:
    theta, x, y = sp.symbols("theta x y")
    h = sp.Function("h")(theta, x)
    grad = sp.diff((h - y) ** 2, theta)
    formula = 2 * h * sp.diff(h, theta) - target_factor * y * sp.diff(h, theta)
    diff = sp.expand(grad - formula)
    cases = [CheckResult(Verdict.VERIFIED if diff == 0 else Verdict.INCONCLUSIVE, Strength.EXACT,
                         "d/dtheta (h - y)^2 = 2 h h' - 2 y h' pointwise (undefined h)",
                         "SymPy differentiation", {"difference": str(diff)})]
    # A concrete network: h(x) = sum_j a_j ((w_j . x)^2 + w_j . x) on a rational data set, in
    # the polynomial ring of its six parameters.
    rng = random.Random(21)
    _, *params = ring("w00,w01,w10,w11,a0,a1", QQ)
    data = [((QQ(rng.randint(-4, 4), 3), QQ(rng.randint(-4, 4), 3)), QQ(rng.randint(-6, 6), 5))
            for _ in range(5 + p.n_max)]
    point = [QQ(rng.randint(-5, 5), 4) for _ in params]

    def net(xv: tuple[Any, Any]) -> Any:
        out = params[0] * 0
        for j in range(2):
            z = params[2 * j] * xv[0] + params[2 * j + 1] * xv[1]
            out += params[4 + j] * (z * z + z)
        return out

    loss = sum(((net(xv) - yv) ** 2 for xv, yv in data), params[0] * 0) * QQ(1, len(data))
    for q in params:
        direct = loss.diff(q)(*point)
        via = sum(((2 * net(xv) * net(xv).diff(q) - target_factor * yv * net(xv).diff(q))
                   for xv, yv in data), params[0] * 0)(*point) * QQ(1, len(data))
        cases.append(rational_equal(f"d loss/d {q} at a rational point",
                                    Fraction(int(direct.numerator), int(direct.denominator)),
                                    Fraction(int(via.numerator), int(via.denominator)),
                                    method="exact differentiation of the empirical square "
                                    "loss"))
    return all_of(f"A21 pointwise, and for a 2-unit network on {len(data)} rational examples",
                  "SymPy; exact rationals", cases)


@claim("A21", paper=P, where="introduction / GD section ([paper] for the idea)",
       statement=r"\nabla_\theta\mathbb E(h_\theta(x)-y)^2=2\mathbb E[h_\theta\nabla_\theta "
       r"h_\theta]-2\mathbb E[y\,\nabla_\theta h_\theta(x)]", source="paper+derived",
       methods=("exact: SymPy differentiation with an undefined h",
                "exact: gradient of an empirical loss at a rational point"))
def a21(p: Profile) -> CheckResult:
    return _a21_run(p, 2)


@a21.planted("target term without the factor 2", r"\nabla\mathbb E(h-y)^2=2\mathbb E[h\nabla h]-"
             r"\mathbb E[y\nabla h]")
def a21_factor(p: Profile) -> CheckResult:
    return _a21_run(p, 1)


def _walsh(n: int) -> tuple[list[tuple[int, ...]], np.ndarray]:
    pts = list(itertools.product((1, -1), repeat=n))
    subsets = [s for r in range(n + 1) for s in itertools.combinations(range(n), r)]
    table = np.array([[math.prod(x[i] for i in s) for x in pts] for s in subsets],
                     dtype=np.int64)
    return subsets, table


def _a22_run(p: Profile, halve: bool) -> CheckResult:
    cases = []
    rng = random.Random(22)
    for n in range(2, p.n_max + 1):
        _, table = _walsh(n)
        m, size = table.shape
        phis: list[tuple[str, list[Fraction], Fraction]] = []
        for trial in range(10):
            phis.append((f"random {trial}", [Fraction(rng.randint(-8, 8), 8) for _ in range(size)],
                         Fraction(1, 2 ** rng.randint(1, 4))))
        for big_n in (1, 2, min(m, 5)):
            # phi = (1/N) sum_{i < N} g_i: N correlations equal to 1/N, |phi|^2 = 1/N.
            vals = [Fraction(int(table[:big_n, j].sum()), big_n) for j in range(size)]
            phis.append((f"extremal N={big_n}", vals, Fraction(99, 100 * big_n)))
        for name, vals, tau in phis:
            corr = [sum((Fraction(int(table[i, j])) * vals[j] for j in range(size)), Fraction(0))
                    / size for i in range(m)]
            norm_sq = sum((v * v for v in vals), Fraction(0)) / size
            if norm_sq == 0:
                continue
            count = sum(1 for c in corr if abs(c) > tau)
            bound = norm_sq / tau**2 / (2 if halve else 1)
            ok = count < bound
            cases.append(CheckResult(Verdict.VERIFIED if ok else Verdict.REFUTED, Strength.EXACT,
                                     f"n={n}, {name}: #{{|<phi,g_i>| > tau}} < |phi|^2/"
                                     f"{'(2 tau^2)' if halve else 'tau^2'}", "exact rationals",
                                     {"count": count, "bound": str(bound), "tau": str(tau)}))
    for n, k in ((8, 3), (20, 4), (64, 6)):
        for tau in (Fraction(1, 10), Fraction(1, 100)):
            b = csq_lower_bound(m=math.comb(n, k), tau=sp.Rational(tau.numerator,
                                                                   tau.denominator))
            want = (math.comb(n, k) - 1) * tau**2 / (2 if halve else 1)
            cases.append(rational_equal(f"q >= (C({n},{k}) - 1) tau^2, tau={tau}",
                                        Fraction(str(b.queries)), want,
                                        method="verify.sq.csq_lower_bound vs the formula"))
    return all_of(f"A22 on the Walsh basis of {{+-1}}^n, n <= {p.n_max} (10 seeded phi and 3 "
                  "extremal phi each, phi != 0), and the resulting query bound",
                  "exact rationals", cases)


@claim("A22", paper=P, where="CSQ lemma (number unknown)",
       statement=r"\#\{i:|\langle\phi,g_i\rangle|>\tau\}<\|\phi\|^2/\tau^2\ (\phi\ne0,\ g_i\text{ "
       r"orthonormal});\text{ hence }q\ge(m-1)\tau^2", source="derived",
       methods=("exact: Walsh (parity) functions on {+-1}^n with random and extremal phi",
                "exact: verify.sq's query bound against (m-1) tau^2"))
def a22(p: Profile) -> CheckResult:
    return _a22_run(p, False)


@a22.planted("|phi|^2/(2 tau^2)", r"\#\{i:|\langle\phi,g_i\rangle|>\tau\}<\|\phi\|^2/(2\tau^2)")
def a22_halved(p: Profile) -> CheckResult:
    return _a22_run(p, True)



