"""A1-A3: multivariate Hermite algebra (the expansion of He_d(u.x) and of f_S)."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from flint import fmpq
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

from verify import decide
from verify import orthopoly as O
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    claim,
    rational_equal,
)
from verify.combinatorics import compositions, multinomial, odd_compositions

from ._common import P, _mono_to_he

# ---------------------------------------------------------------------------------------------
# A1-A3: multivariate Hermite algebra.

def _a1_case(u: Sequence[Fraction], d: int) -> CheckResult:
    k = len(u)
    _, *xs = ring(",".join(f"x{i}" for i in range(k)), QQ)
    uq = [QQ(v.numerator, v.denominator) for v in u]
    lhs = O.hermite_prob(d, sum((ui * x for ui, x in zip(uq, xs, strict=True)), xs[0] * 0))
    he = [O.hermite_prob_values(d, x) for x in xs]
    rhs = xs[0] * 0
    for alpha in compositions(d, k):
        mono = xs[0] ** 0 * multinomial(d, alpha)
        for i, a in enumerate(alpha):
            mono *= uq[i] ** a * he[i][a]
        rhs += mono
    norm = sum((ui * ui for ui in u), Fraction(0))
    return decide.polynomial_identity(
        f"He_{d}(u.x) = sum_|a|={d} d!/a! u^a He_a(x), u={[str(v) for v in u]} (|u|^2 = {norm})",
        lhs - rhs, method="sparse polynomial arithmetic over Q")


def _a1_grid_case(u: Sequence[Fraction], d: int) -> CheckResult:
    """Second method: exact values at the grid {0..d}^k (which determines a polynomial of degree
    <= d in each variable), He by the recurrence in fmpq."""
    k = len(u)
    uq = [fmpq(v.numerator, v.denominator) for v in u]
    comps = compositions(d, k)
    coef = [fmpq(multinomial(d, a)) * math.prod((uq[i] ** a[i] for i in range(k)), start=fmpq(1))
            for a in comps]
    worst = None
    for pt in itertools.product(range(d + 1), repeat=k):
        t = sum((uq[i] * pt[i] for i in range(k)), fmpq(0))
        lhs = O.hermite_prob(d, t)
        hv = [O.hermite_prob_values(d, fmpq(pt[i])) for i in range(k)]
        rhs = sum((c * math.prod((hv[i][a[i]] for i in range(k)), start=fmpq(1))
                   for c, a in zip(coef, comps, strict=True)), fmpq(0))
        if lhs != rhs:
            worst = (pt, lhs, rhs)
            break
    text = f"He_{d}(u.x) expansion at the {(d + 1) ** k} grid points of {{0..{d}}}^{k}"
    if worst is None:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, text,
                           "exact rational evaluation (fmpq recurrence) on a unisolvent grid")
    return CheckResult(Verdict.REFUTED, Strength.EXACT, text, "exact rational evaluation",
                       {"point": str(worst[0]), "lhs": str(worst[1]), "rhs": str(worst[2])})


_UNITS = ([Fraction(3, 5), Fraction(4, 5)], [Fraction(1, 3), Fraction(2, 3), Fraction(2, 3)],
          [Fraction(1, 2)] * 4, [Fraction(2, 7), Fraction(3, 7), Fraction(6, 7)],
          [Fraction(1, 5), Fraction(2, 5), Fraction(2, 5), Fraction(4, 5)])


def _a1_run(p: Profile, units: Sequence[Sequence[Fraction]]) -> CheckResult:
    d_max = 9 if p.name == "quick" else 12
    cases = []
    for u in units:
        for d in range(d_max + 1):
            cases.append(_a1_case(u, d))
            if len(u) <= 3 and d <= (5 if p.name == "quick" else 7):
                cases.append(_a1_grid_case(u, d))
    return all_of(f"A1 for d <= {d_max} and {len(units)} rational vectors u (k = 2..4)",
                  "SymPy expansion; exact evaluation on a unisolvent grid", cases)


@claim("A1", paper=P, where="preliminaries, multivariate Hermite expansion (lemma number "
       "unknown)",
       statement=r"\mathrm{He}_d(u\cdot x)=\sum_{|\alpha|=d}\frac{d!}{\alpha!}u^\alpha"
       r"\prod_i\mathrm{He}_{\alpha_i}(x_i)\quad(\|u\|=1)",
       source="derived", methods=("exact: SymPy polynomial identity over Q",
                                  "exact: fmpq evaluation on a grid that determines the "
                                  "polynomial"))
def a1(p: Profile) -> CheckResult:
    return _a1_run(p, _UNITS)


@a1.planted("u not a unit vector", r"\mathrm{He}_d(u\cdot x)=\sum_{|\alpha|=d}\frac{d!}{\alpha!}"
            r"u^\alpha\prod_i\mathrm{He}_{\alpha_i}(x_i),\ u=(1,1)")
def a1_not_unit(p: Profile) -> CheckResult:
    return _a1_run(p, [[Fraction(1), Fraction(1)]])


# A2 -------------------------------------------------------------------------------------------

def _a2_case(alpha: tuple[int, ...], want_odd: bool = True) -> CheckResult:
    k = len(alpha)
    pats = np.array(list(itertools.product((1, -1), repeat=k)), dtype=np.int64)
    chi = np.prod(pats, axis=1)
    enum = int(np.sum(chi * np.prod(pats ** np.array(alpha), axis=1)))
    product = math.prod(1 + (-1) ** (1 + a) for a in alpha)
    cond = all((a % 2 == 1) == want_odd for a in alpha)
    claimed = 2**k if cond else 0
    return all_of(f"sum_w chi(w) w^alpha = 2^k 1[...] for alpha={alpha}", "enumeration; product",
                  [rational_equal(f"enumeration, alpha={alpha}", enum, claimed,
                                  method="enumeration of {+-1}^k"),
                   rational_equal(f"factorized product, alpha={alpha}", product, claimed,
                                  method="prod_i sum_{s=+-1} s^{1+alpha_i}")])


def _a2_run(p: Profile, want_odd: bool) -> CheckResult:
    k_full = 5 if p.name == "quick" else 6
    k_rand = 10 if p.name == "quick" else 12
    cases = []
    for k in range(1, k_full + 1):
        for alpha in itertools.product(range(4), repeat=k):
            cases.append(_a2_case(alpha, want_odd))
    rng = random.Random(2)
    for k in range(k_full + 1, k_rand + 1):
        for _ in range(20):
            cases.append(_a2_case(tuple(rng.randint(0, 5) for _ in range(k)), want_odd))
            cases.append(_a2_case(tuple(2 * rng.randint(0, 2) + 1 for _ in range(k)), want_odd))
    return all_of(f"A2 for every alpha in {{0..3}}^k, k <= {k_full}, and 40 seeded alpha per k "
                  f"<= {k_rand}", "enumeration vs factorized product", cases)


@claim("A2", paper=P, where="Hermite expansion of f_S (lemma number unknown)",
       statement=r"\sum_{w\in\{\pm1\}^k}\chi(w)\,w^\alpha=2^k\,\mathbf 1[\alpha_i\text{ odd }"
       r"\forall i]", source="derived",
       methods=("exact: enumeration of {+-1}^k", "exact: factorized product over coordinates"))
def a2(p: Profile) -> CheckResult:
    return _a2_run(p, True)


@a2.planted("even instead of odd", r"\sum_w\chi(w)w^\alpha=2^k\mathbf 1[\alpha_i\text{ even}]")
def a2_even(p: Profile) -> CheckResult:
    return _a2_run(p, False)


# A3 -------------------------------------------------------------------------------------------

def _a3_case(k: int, d: int, exponent: Fraction) -> CheckResult:
    """Both sides times ``k^{d/2}`` are rational polynomials: ``Q = k^{d/2} LHS`` and
    ``c R`` with ``R = sum_{alpha odd} d!/alpha! He_alpha`` and ``c = 2^k k^{exponent + d/2}``.
    When ``c`` is irrational (a half-integer power of a non-square k), ``Q = c R`` holds iff
    ``Q = R = 0``."""
    _, *xs = ring(",".join(f"x{i}" for i in range(k)), QQ)
    zero = xs[0] * 0
    lhs = zero
    power_basis = O.hermite_prob_coefficients(d)  # He_d(z) = sum_p c_p z^p
    he_coeffs = [power_basis[d - 2 * j] for j in range(d // 2 + 1)]  # a_j of z^{d-2j}
    for w in itertools.product((1, -1), repeat=k):
        z = sum((wi * x for wi, x in zip(w, xs, strict=True)), zero)
        # He_d(z/sqrt k) k^{d/2} = sum_j a_j k^j z^{d-2j}
        lhs += math.prod(w) * sum((a * k**j * z ** (d - 2 * j) for j, a in enumerate(he_coeffs)),
                                  zero)
    odd = odd_compositions(d, k)
    he = [O.hermite_prob_values(d, x) for x in xs]
    rhs = zero
    for a in odd:
        term = xs[0] ** 0 * multinomial(d, a)
        for i in range(k):
            term *= he[i][a[i]]
        rhs += term
    power = exponent + Fraction(d, 2)
    root = math.isqrt(k)
    if power.denominator == 1 or root * root == k:
        c = QQ(2**k) * (QQ(root) ** int(2 * power) if power.denominator != 1 else
                        QQ(k) ** int(power))
        first = decide.polynomial_identity(f"A3 k={k}, d={d} (monomial basis)", lhs - c * rhs,
                               method="sparse polynomial arithmetic over Q, both sides times "
                               "k^{d/2}")
        scale_ok = True
    else:
        c = None
        both_zero = not lhs and not rhs
        first = CheckResult(Verdict.VERIFIED if both_zero else Verdict.REFUTED, Strength.EXACT,
                            f"A3 k={k}, d={d} (monomial basis)", "the scale is irrational and "
                            "the rational polynomials are " + ("both 0" if both_zero else
                                                                "not both 0"))
        scale_ok = False
    # Second method: the left side in the tensor Hermite basis, compared with c d!/alpha! on odd
    # alpha (0 elsewhere).
    conv = _mono_to_he(d)
    coeffs: dict[tuple[int, ...], Any] = {}
    for mono, cf in lhs.terms():
        for combo in itertools.product(*(conv[m] for m in mono)):
            key = tuple(j for j, _ in combo)
            coeffs[key] = coeffs.get(key, 0) + cf * math.prod((v for _, v in combo), start=QQ(1))
    coeffs = {a: v for a, v in coeffs.items() if v != 0}
    text = f"A3 k={k}, d={d} (tensor Hermite basis)"
    if scale_ok:
        assert c is not None
        claimed = {a: c * multinomial(d, a) for a in odd}
        bad = sorted(a for a in set(coeffs) | set(claimed)
                     if coeffs.get(a, 0) != claimed.get(a, 0))
    else:
        claimed = {a: "irrational" for a in odd}
        bad = sorted(set(coeffs) | set(claimed))
    if not bad:
        second = CheckResult(Verdict.VERIFIED, Strength.EXACT, text,
                             "coefficients in the He_alpha basis (x^m = sum m!/(j!(m-2j)!2^j) "
                             "He_{m-2j})")
    else:
        a = bad[0]
        second = CheckResult(Verdict.REFUTED, Strength.EXACT, text, "He_alpha coefficients",
                             {"alpha": str(a), "computed": str(coeffs.get(a, 0)),
                              "claimed": str(claimed.get(a, 0))})
    return all_of(f"A3 for k={k}, d={d}", "two bases", [first, second])


def _a3_run(p: Profile, wrong: bool) -> CheckResult:
    d_max = 9 if p.name == "quick" else 11
    k_max = 4 if p.name == "quick" else 5
    cases = []
    for k in range(1, k_max + 1):
        for d in range(d_max + 1):
            exponent = Fraction(-d) if wrong else Fraction(-d, 2)
            cases.append(_a3_case(k, d, exponent))
    return all_of(f"A3 for k <= {k_max}, d <= {d_max} (including d < k and d of the wrong "
                  "parity, where both sides vanish)", "monomial and Hermite bases", cases)


@claim("A3", paper=P, where="Hermite expansion of f_S (lemma number unknown)",
       statement=r"\sum_w\chi(w)\mathrm{He}_d\!\Big(\frac{w\cdot x}{\sqrt k}\Big)=2^kk^{-d/2}"
       r"\sum_{|\alpha|=d,\ \alpha_i\text{ odd}}\frac{d!}{\alpha!}\prod_i\mathrm{He}_{\alpha_i}"
       r"(x_i)\ (=0\text{ if }d<k\text{ or }d\not\equiv k\ (2))",
       source="derived", methods=("exact: SymPy identity in the monomial basis",
                                  "exact: coefficients in the tensor Hermite basis"))
def a3(p: Profile) -> CheckResult:
    return _a3_run(p, False)


@a3.planted("k^{-d} instead of k^{-d/2}", r"\sum_w\chi(w)\mathrm{He}_d(w\cdot x/\sqrt k)=2^kk^{-d}"
            r"\sum_{\alpha\text{ odd}}\frac{d!}{\alpha!}\mathrm{He}_\alpha(x)")
def a3_wrong_power(p: Profile) -> CheckResult:
    return _a3_run(p, True)



