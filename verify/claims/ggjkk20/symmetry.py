"""A14, A19: symmetries of f_S and orthogonality through an odd link."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from fractions import Fraction

import numpy as np
import sympy as sp
from flint import arb, fmpq

from verify import decide
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    claim,
)
from verify.networks import (
    Network,
    parity_family,
    parity_network,
)
from verify.numbers import report_ball, workprec

from ._common import RELU, SIGMOID, P, _q, _sigma_arb
from .orthogonality import _hypercube_classes

# A14 ------------------------------------------------------------------------------------------

def _symbolic_network(f: Network, xs: Sequence[sp.Symbol]) -> sp.Expr:
    sigma = sp.Function("sigma")
    scale = sp.sqrt(_q(Fraction(int(f.scale_sq.p), int(f.scale_sq.q))))
    return sp.Add(*(_q(Fraction(int(a.p), int(a.q))) * sigma(sp.expand(scale * sp.Add(*(
        int(w) * x for w, x in zip(row, xs, strict=True)))))
        for row, a in zip(f.weights.tolist(), f.outputs, strict=True)))


def _a14_case(f: Network, name: str, transform: Callable[[Network], Network],
              matrix: np.ndarray, sign: int, rng: random.Random, symbolic_k: int,
              bits: int) -> CheckResult:
    """``f(Tx) = sign f(x)`` for every activation, ``T = matrix`` (integer).

    Proof (exact, every activation): unit j of ``f`` at ``Tx`` has pre-activation
    ``s <w_j, Tx> + b_j = s <w_j T, x> + b_j``, so the network with weight rows ``W T`` (same
    scale, biases, outputs) *is* ``x -> f(Tx)``, built from the matrix alone. When its unit
    table (``(row, bias) -> summed output``, zero entries dropped) equals ``sign`` times that
    of ``f``, both sides are the same finite formal sum of ``sigma(affine)`` terms, hence equal
    for every ``sigma``. The network operation ``transform`` (negation, ``reflected``,
    ``permuted``) must give the same units (else INCONCLUSIVE: a core disagreement is shown,
    not hidden); for ``k <= symbolic_k`` SymPy with an undefined ``sigma`` checks the same
    formal identity independently. Otherwise a seeded integer point where the certified
    difference excludes 0 REFUTES."""
    text = f"{name}: f(Tx) = {sign:+d} f(x), {f.act.name}, k={f.n}"
    composed = Network(f.weights @ matrix, f.scale_sq, f.biases, f.outputs, f.act,
                       f"{f.name}∘T")
    table_ok = composed.unit_table() == {k: sign * v for k, v in f.unit_table().items()}
    operation_ok = transform(f).unit_table() == composed.unit_table()
    if not operation_ok:
        return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text,
                           "the network operation disagrees with the matrix (core bug?)",
                           {"unit_tables_agree": table_ok})
    sym_ok: bool | None = None
    if f.n <= symbolic_k:
        xs = sp.symbols(f"x0:{f.n}")
        tx = [sp.Add(*(int(matrix[i, j]) * xs[j] for j in range(f.n))) for i in range(f.n)]
        sym_f = _symbolic_network(f, xs)
        sym_ok = sp.expand(sym_f.subs(dict(zip(xs, tx, strict=True)), simultaneous=True)
                           - sign * sym_f) == 0
    if table_ok and sym_ok is not False:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, text + " for every activation",
                           "unit tables of f and of the network W T built from the matrix "
                           "(equal formal sums of sigma(affine) terms)"
                           + ("; SymPy with an undefined sigma" if sym_ok else ""))
    # Look for a certified counterexample at seeded integer points.
    with workprec(bits):
        root = arb(fmpq(int(f.scale_sq.p), int(f.scale_sq.q))).sqrt()
        for _ in range(20):
            x = np.array([rng.randint(-5, 5) for _ in range(f.n)], dtype=np.int64)
            values = []
            for pt in (matrix @ x, x):
                pre = f.weights @ pt
                values.append(sum((arb(fmpq(int(a.p), int(a.q))) * _sigma_arb(f.act, int(m) * root)
                                   for m, a in zip(pre.tolist(), f.outputs, strict=True)),
                                  arb(0)))
            diff = values[0] - sign * values[1]
            if not diff.contains(0):
                return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, text,
                                   "certified counterexample",
                                   {"x": x.tolist(), "difference": report_ball(diff, 10)[0]})
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text, "no proof, no counterexample",
                       {"unit_tables_agree": table_ok, "symbolic_agrees": sym_ok})


def _negated(g: Network) -> Network:
    """``x -> g(-x)``."""
    return Network(-g.weights, g.scale_sq, g.biases, g.outputs, g.act, f"{g.name}∘(-1)")


def _reflect_first(g: Network) -> Network:
    return g.reflected(0)


def _permute(g: Network, perm: tuple[int, ...]) -> Network:
    return g.permuted(perm)


def _a14_run(p: Profile, negation_sign: Callable[[int], int]) -> CheckResult:
    rng = random.Random(14)
    cases = []
    top, sym_k = (6, 3) if p.name == "quick" else (8, 5)
    for act in (RELU, SIGMOID):
        for k in range(1, top + 1):
            f = parity_network(k, tuple(range(k)), act)
            neg = -np.eye(k, dtype=np.int64)
            cases.append(_a14_case(f, "x -> -x", _negated, neg, negation_sign(k), rng, sym_k,
                                   p.prec_bits))
            refl = np.eye(k, dtype=np.int64)
            refl[0, 0] = -1
            cases.append(_a14_case(f, "R_0", _reflect_first, refl, -1, rng, sym_k,
                                   p.prec_bits))
            if k >= 2:
                for perm in ((1, 0, *range(2, k)), (*range(1, k), 0)):
                    pm = np.eye(k, dtype=np.int64)[list(perm)]
                    cases.append(_a14_case(f, f"P{perm}", functools.partial(_permute, perm=perm),
                                           pm, 1, rng, sym_k, p.prec_bits))
    return all_of(f"A14 for k <= {top}, ReLU and sigmoid (negation, a reflection, a "
                  f"transposition and a cycle; SymPy with an undefined sigma for k <= {sym_k})",
                  "unit tables and SymPy", cases)


@claim("A14", paper=P, where="orthogonality section (number unknown)",
       statement=r"f_S(-x)=(-1)^kf_S(x);\ f_S(R_ix)=-f_S(x)\ (i\in S);\ f_S(\pi x)=f_S(x)\ "
       r"(\pi\text{ permuting }S)", source="derived",
       methods=("exact: unit tables of the transformed network (every activation)",
                "exact: SymPy with an undefined sigma; certified counterexample search"))
def a14(p: Profile) -> CheckResult:
    return _a14_run(p, lambda k: (-1) ** k)


@a14.planted("(-1)^{k+1} under x -> -x", r"f_S(-x)=(-1)^{k+1}f_S(x)")
def a14_wrong_sign(p: Profile) -> CheckResult:
    return _a14_run(p, lambda k: (-1) ** (k + 1))


# A19 ------------------------------------------------------------------------------------------

def _a19_case(f: Network, h: Network, lam: int, centred: bool, p: Profile) -> CheckResult:
    z = sp.Symbol("z")
    link = 1 / (1 + sp.exp(-lam * z)) - (sp.Rational(1, 2) if centred else 0)
    text = (f"E[(psi({lam} {f.name}) - 1/2)(psi({lam} {h.name}) - 1/2)] = 0" if centred else
            f"E[psi({lam} {f.name}) psi({lam} {h.name})] = 0") + f", {f.act.name}, n={f.n}"
    cf, vf, df = _hypercube_classes(f)
    ch, vh, dh = _hypercube_classes(h)
    odd_link = sp.simplify(link.subs(z, -z) + link) == 0
    pairs: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
    for a, b in zip(map(tuple, cf.tolist()), map(tuple, ch.tolist()), strict=True):
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
    # f values are indexed by the pre-activation values vf, symmetric about 0 for f's weights;
    # -a as a formal value is the same vector (f(R_i x) = -f(x) term by term).
    symmetric = all(pairs.get((tuple(-v for v in a), b), 0) == c for (a, b), c in pairs.items())
    cases = [CheckResult(Verdict.VERIFIED if odd_link and symmetric else Verdict.INCONCLUSIVE,
                         Strength.EXACT, text + " (exact pairing)",
                         "link - const is odd (SymPy) and the hypercube pairs (C_f, C_h) and "
                         "(-C_f, C_h) have equal counts", {"odd_link": odd_link,
                                                           "pairing": symmetric})]
    with workprec(p.bits(extra=40)):  # the tolerance is ten digits (34 bits) finer
        def values(c: np.ndarray, vals: list[int], den: int, net: Network) -> list[arb]:
            root = arb(fmpq(int(net.scale_sq.p), int(net.scale_sq.q))).sqrt()
            sig = [_sigma_arb(net.act, v * root) for v in vals]
            out = []
            for row in c.tolist():
                fx = sum((int(cnt) * s for cnt, s in zip(row, sig, strict=True)), arb(0)) / den
                out.append(1 / (1 + (-lam * fx).exp()) - (arb(1) / 2 if centred else 0))
            return out

        gf, gh = values(cf, vf, df, f), values(ch, vh, dh, h)
        total = sum((a * b for a, b in zip(gf, gh, strict=True)), arb(0)) / 2**f.n
    # A finite sum has no method error: ten digits below the profile's absolute tolerance.
    cases.append(decide.ball_within(text + " (Arb sum over {+-1}^n)", total, 0,
                                    abs_tol=p.abs_tol / 10**10, identity=True,
                                    method="Arb sum over the hypercube"))
    return all_of(text, "exact pairing; Arb sum", cases)


def _a19_run(p: Profile, centred: bool) -> CheckResult:
    cases = []
    for act, ks in ((SIGMOID, (1, 3)), (RELU, (2, 4))):
        for k in ks:
            for n in range(k + 1, p.n_max + 1):
                fam = parity_family(n, k, act)
                for i, j in fam.pair_representatives or ():
                    for lam in (1, 5):
                        cases.append(_a19_case(fam.member(i), fam.member(j), lam, centred, p))
    return all_of(f"A19 on the uniform law of {{+-1}}^n, n <= {p.n_max}, lambda in {{1, 5}}, "
                  "sigmoid k in {1,3}, ReLU k in {2,4}, every overlap", "exact; Arb", cases)


@claim("A19", paper=P, where="classification section (number unknown)",
       statement=r"\psi(-z)=1-\psi(z)\Rightarrow\big\langle\psi(\lambda f_S)-\tfrac12,\,"
       r"\psi(\lambda f_T)-\tfrac12\big\rangle_D=0\ (S\ne T)", source="derived",
       methods=("exact: odd link (SymPy) and reflection pairing of hypercube points",
                "certified: Arb sum over the hypercube"))
def a19(p: Profile) -> CheckResult:
    return _a19_run(p, True)


@a19.planted("uncentred link psi instead of psi - 1/2",
             r"\langle\psi(\lambda f_S),\psi(\lambda f_T)\rangle_D=0")
def a19_uncentred(p: Profile) -> CheckResult:
    return _a19_run(p, False)



