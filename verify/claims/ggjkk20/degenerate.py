"""A9: degenerate parities (f_S = 0 identically)."""

from __future__ import annotations

import sympy as sp
from flint import fmpq

from verify import family_check
from verify.activations import Activation
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    claim,
    exact_equal,
)
from verify.gram import gaussian_inner_product
from verify.kernels import kernel_closed_form as exact_kernel
from verify.networks import (
    Network,
    is_identically_zero,
    parity_family,
    parity_network,
)
from verify.numbers import report_ball

from ._common import RELU, SIGMOID, P
from ._norms import _norm_dual

# ---------------------------------------------------------------------------------------------
# A9: degenerate parities.

def _pairing_zero(f: Network) -> CheckResult:
    """``f = 0`` identically, proved from the activation's *expression* (not from its stored
    parity): the units pair off as ``w, -w`` with outputs ``a_{-w} = eps a_w``; SymPy
    simplifies ``sigma(z) + eps sigma(-z)`` to ``alpha + beta z``; then
    ``f(x) = alpha sum a_w + beta sqrt(s) <sum a_w w, x>`` (one unit of each pair), which
    vanishes iff both exact sums do."""
    text = f"{f.name}, {f.act.name}: f = 0 identically (pairing w <-> -w)"
    rows = [tuple(int(v) for v in row) for row in f.weights]
    index = {r: i for i, r in enumerate(rows)}
    if any(b != 0 for b in f.biases) or len(index) != len(rows):
        return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text,
                           "biased or repeated units: no pairing")
    ratios = set()
    for i, r in enumerate(rows):
        j = index.get(tuple(-v for v in r))
        if j is None or f.outputs[i] == 0:
            return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text, "a unit has no -w")
        ratios.add(f.outputs[j] / f.outputs[i])
    if len(ratios) != 1 or next(iter(ratios)) not in (1, -1):
        return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text,
                           "outputs of w and -w are not in one ratio +-1", {"ratios": str(ratios)})
    eps = int(next(iter(ratios)))
    (z,) = f.act.expr.free_symbols
    folded = sp.simplify((f.act.expr + eps * f.act.expr.subs(z, -z)).rewrite(sp.Piecewise))
    if not folded.is_polynomial(z) or sp.Poly(folded, z).degree() > 1:
        return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text,
                           f"sigma(z) {'+' if eps > 0 else '-'} sigma(-z) = {folded} is not "
                           "affine in z", {"eps": eps})
    alpha, beta = sp.Poly(folded, z).all_coeffs()[::-1] + [sp.Integer(0)] * (
        1 - sp.Poly(folded, z).degree())
    half = [i for i, r in enumerate(rows) if next(v for v in r if v != 0) > 0]
    const = sum((f.outputs[i] for i in half), fmpq(0))
    linear = [sum((f.outputs[i] * rows[i][c] for i in half), fmpq(0)) for c in range(f.n)]
    zero = (alpha == 0 or const == 0) and (beta == 0 or all(v == 0 for v in linear))
    ev = {"eps": eps, "folded": str(folded), "sum_a": str(const),
          "sum_a_w": [str(v) for v in linear]}
    if zero:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, text,
                           "SymPy: sigma(z) + eps sigma(-z) is affine; exact sums of the paired "
                           "outputs vanish", ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text,
                       "the paired sums do not vanish", ev)


_A9_FAMILY_K = 10


def _a9_case(act: Activation, k: int, p: Profile) -> CheckResult:
    f = parity_network(k, tuple(range(k)), act)
    text = f"{act.name}, k={k}: f_S = 0 identically"
    # (i) the family path: verify.family_check reports the member degenerate (the core's
    # parity-reduced form, which uses the activation's proved parity).
    # Beyond k = _A9_FAMILY_K the family report's Gaussian pairs (4^k) pass the core's cap:
    # the core's reduced form is then asked directly (the same mechanism).
    if k <= _A9_FAMILY_K:
        report = family_check.check_family(parity_family(k, k, act), digits=12,
                                           mc_samples=1000)
        zero, where = bool(report.degenerate), "verify.family_check.check_family"
    else:
        zero, where = is_identically_zero(f), "verify.networks.is_identically_zero"
    family = CheckResult(Verdict.VERIFIED if zero else Verdict.INCONCLUSIVE, Strength.EXACT,
                         text + " (the core's parity-reduced form)", f"{where} on n = k",
                         {"degenerate": zero})
    # (ii) independent of the parity flags: the pairing argument from the expression.
    cases = [family, _pairing_zero(f)]
    # (iii) ReLU: the exact Gaussian norm from the closed-form kernel is 0 (a continuous
    # function with E f^2 = 0 under N(0, I) is 0).
    if exact_kernel(act) is not None and k <= _A9_FAMILY_K:
        exact, _, method = gaussian_inner_product(f, f, digits=p.digits)
        cases.append(exact_equal(text + " (E f_S^2 = 0)", sp.sympify(exact), 0,
                                 method=f"exact: {method}"))
    result = all_of(text, "family path; pairing from the expression; exact norm", cases)
    if result.verdict is Verdict.VERIFIED:
        return result
    norm = _norm_dual(act.name, k)
    ev = {**dict(result.evidence), "norm_sq": report_ball(norm, 12)[0]}
    if norm > 0:
        return CheckResult(Verdict.REFUTED, Strength.CERTIFIED, text,
                           "certified |f_S|^2 > 0 (A5)", ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, text, "undecided", ev)


def _a9_run(p: Profile, relu_parity: int, sig_parity: int, top: int = 0) -> CheckResult:
    top = top or (10 if p.name == "quick" else 14)
    cases = [_a9_case(RELU, k, p) for k in range(3, top + 1) if k % 2 == relu_parity]
    cases += [_a9_case(SIGMOID, k, p) for k in range(2, min(top, 15) + 1)
              if k % 2 == sig_parity]
    return all_of(f"A9 for k <= {top}", "family path; pairing from the expression; exact norm",
                  cases)


@claim("A9", paper=P, where="activation conditions (number unknown)",
       statement=r"\sigma=\mathrm{ReLU},\ k\ge3\text{ odd}\Rightarrow f_S\equiv0;\quad"
       r"\sigma=\text{sigmoid},\ k\text{ even}\Rightarrow f_S\equiv0", source="derived",
       methods=("exact: verify.family_check.check_family reports the member degenerate (the "
                "core's parity-reduced form, from the activation's proved parity; k > 10: "
                "verify.networks.is_identically_zero directly)",
                "exact, without the parity flags: SymPy finds sigma(z) +- sigma(-z) affine and "
                "the paired outputs' exact sums vanish",
                "exact (ReLU, k <= 10): the Gaussian norm from the closed-form kernel is 0"))
def a9(p: Profile) -> CheckResult:
    return _a9_run(p, 1, 0)


@a9.planted("ReLU with even k, sigmoid with odd k", r"\sigma=\mathrm{ReLU},\ k\text{ even}"
            r"\Rightarrow f_S\equiv0")
def a9_wrong_parity(p: Profile) -> CheckResult:
    return _a9_run(p, 0, 1, top=6)



