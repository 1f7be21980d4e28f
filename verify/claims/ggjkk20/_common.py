"""Shared pieces of the ggjkk20 catalogue: the paper tag, the two activations, profile ranges,
small combinatorics (compositions, multinomials), the seeded rational rotation, the ReLU
closed forms of A6/A7 (as SymPy values) and the Monte Carlo evidence recorder."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from flint import arb, fmpq
from sympy.polys.domains import QQ

from verify.activations import Activation, activation
from verify.claims.base import Profile
from verify.expressions import SYMBOLS, arb_value
from verify.kernels import kernel_closed_form
from verify.montecarlo import estimate, statistical_check
from verify.orthopoly import monomial_to_hermite_prob

P = "ggjkk20"
RELU, SIGMOID = activation("relu"), activation("sigmoid")


def _q(x: Fraction | int) -> sp.Rational:
    x = Fraction(x)
    return sp.Rational(x.numerator, x.denominator)


def _sigma_arb(act: Activation, t: arb) -> arb:
    """ReLU / sigmoid at a ball (``verify.expressions.arb_value`` cannot evaluate ``Max(0, x)``
    at a symbol's value: SymPy's Symbol is a Boolean, so the symbol is never substituted)."""
    if act.name == "relu":
        return t.max(arb(0))
    if act.name == "sigmoid":
        return 1 / (1 + (-t).exp())
    raise ValueError(f"activation={act.name!r} must be relu or sigmoid here")


def _mc_evidence(claim_text: str, claimed: float, integrand: Callable[[np.ndarray], np.ndarray],
                 law: Any, n: int, seed: int = 20) -> dict[str, Any]:
    """A seeded Monte Carlo cross-check, recorded as evidence (it never decides a verdict)."""
    r = statistical_check(claim_text, claimed,
                          lambda s: estimate(integrand, law, n_samples=n, seed=s),
                          seeds=(seed, seed + 1))
    return {"claim": claim_text, "verdict": r.verdict.value, "strength": "statistical",
            "z": r.evidence.get("z_1"), "mean": r.evidence["seed_1"]["mean"], "n": n}


def _cayley(n: int, seed: int) -> list[list[Fraction]]:
    """A rational orthogonal matrix ``(I - A)(I + A)^{-1}`` from a seeded skew-symmetric A."""
    rng = random.Random(seed)
    a = sp.zeros(n, n)
    for i in range(n):
        for j in range(i + 1, n):
            v = sp.Rational(rng.randint(-3, 3), rng.randint(1, 3))
            a[i, j], a[j, i] = v, -v
    q = (sp.eye(n) - a) * (sp.eye(n) + a).inv()
    return [[Fraction(int(sp.fraction(q[i, j])[0]), int(sp.fraction(q[i, j])[1]))
             for j in range(n)] for i in range(n)]


@functools.cache
def _mono_to_he(d: int) -> dict[int, list[tuple[int, Any]]]:
    """``x^m = sum_j m!/(j! (m-2j)! 2^j) He_{m-2j}(x)`` for ``m <= d``, from the core
    (:func:`verify.orthopoly.monomial_to_hermite_prob`), as ``{m: [(He degree, QQ coefficient),
    ...]}`` with the zero coefficients dropped (the form the sparse-ring code multiplies)."""
    out = {}
    for m in range(d + 1):
        out[m] = [(j, QQ(int(c.p), int(c.q)))
                  for j, c in enumerate(monomial_to_hermite_prob(m)) if c != 0][::-1]
    return out


def _relu_ks(p: Profile, cap: int | None = None) -> list[int]:
    top = p.k_max if cap is None else min(p.k_max, cap)
    return list(range(2, top + 1, 2))


def _sigmoid_ks(p: Profile) -> list[int]:
    return list(range(1, (11 if p.name == "quick" else 15) + 1, 2))


def _net_k_max(p: Profile) -> int:
    return 8 if p.name == "quick" else 10


# ---------------------------------------------------------------------------------------------
# ReLU closed forms, as the paper states them (A6's kernel from the core, A7's coefficients).

def _relu_kernel_sym(r: sp.Rational) -> sp.Expr:
    """The core's closed-form ReLU kernel (:func:`verify.kernels.kernel_closed_form`) at
    ``rho = r``, with every ``acos(-a)`` written ``pi - acos(a)`` so that each arccosine has a
    non-negative argument and equal terms cancel on expansion (A5's exact sums)."""
    form = kernel_closed_form(RELU)
    if form is None:  # pragma: no cover - the core keys ReLU's closed form by its expression
        raise RuntimeError("the core has no closed-form ReLU kernel")
    value = form.subs(SYMBOLS["rho"], r)
    return value.replace(lambda e: isinstance(e, sp.acos) and bool(e.args[0].is_negative),
                         lambda e: sp.pi - sp.acos(-e.args[0]))


def _relu_kernel_arb(r: fmpq) -> arb:
    """The closed-form ReLU kernel at a rational ``r``, as a ball at the working precision."""
    return arb_value(_relu_kernel_sym(sp.Rational(int(r.p), int(r.q))))


def _relu_closed(d: int, variant: str = "") -> sp.Expr:
    """A7's ``c_d`` of ReLU (``variant="dm1"``: the planted ``(d-1)!!``)."""
    if d == 0:
        return 1 / sp.sqrt(2 * sp.pi)
    if d == 1:
        return sp.Rational(1, 2)
    if d % 2:
        return sp.Integer(0)
    dfact = sp.factorial2(d - 1 if variant == "dm1" else d - 3)
    return (-1) ** (d // 2 - 1) * dfact / sp.sqrt(2 * sp.pi * sp.factorial(d))
