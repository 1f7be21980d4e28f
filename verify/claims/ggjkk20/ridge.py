"""A23: rotation invariance of ridge correlations."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from flint import fmpq
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

from verify import moments as M
from verify.checks import CheckResult
from verify.claims.base import (
    Profile,
    all_of,
    claim,
    rational_equal,
)

from ._common import P, _cayley

# ---------------------------------------------------------------------------------------------
# A23: rotation invariance of ridge correlations.

def _ridge_moment(u: Sequence[Fraction], v: Sequence[Fraction], a: int, b: int,
                  moment: Callable[[tuple[int, ...]], fmpq]) -> fmpq:
    """``E[(u.x)^a (v.x)^b]`` through the monomial moments ``moment(beta)``. For a spherically
    symmetric law, ``E[x^beta] = E||x||^{|beta|} E[theta^beta]``: the common factor
    ``E||x||^{a+b}`` (any radial law) is left out."""
    d = len(u)
    _, *xs = ring(",".join(f"x{i}" for i in range(d)), QQ)
    zero = xs[0] * 0
    lu = sum((QQ(c.numerator, c.denominator) * x for c, x in zip(u, xs, strict=True)), zero)
    lv = sum((QQ(c.numerator, c.denominator) * x for c, x in zip(v, xs, strict=True)), zero)
    poly = lu**a * lv**b
    total = fmpq(0)
    for mono, c in poly.terms():
        total += fmpq(int(c.numerator), int(c.denominator)) * moment(tuple(mono))
    return total


def _a23_run(p: Profile, law: str) -> CheckResult:
    def moment(beta: tuple[int, ...]) -> fmpq:
        """E[x^beta] on the unit sphere S^{d-1} (uniform) or the hypercube {+-1}^d."""
        if law == "sphere":
            return M.sphere_monomial_moment(len(beta), beta)
        return M.hypercube_monomial_moment(beta)
    top = 4 if p.name == "quick" else 6
    cases = []
    for d, seed in ((3, 1), (3, 2), (4, 3), (5, 4)):
        q = _cayley(d, seed)
        u = [Fraction(1)] + [Fraction(0)] * (d - 1)
        v = [Fraction(3, 5), Fraction(4, 5)] + [Fraction(0)] * (d - 2)
        qu = [sum((q[i][j] * u[j] for j in range(d)), Fraction(0)) for i in range(d)]
        qv = [sum((q[i][j] * v[j] for j in range(d)), Fraction(0)) for i in range(d)]
        for a in range(top + 1):
            for b in range(top + 1):
                cases.append(rational_equal(
                    f"d={d}, a={a}, b={b}: E[(u.x)^a (v.x)^b] = E[(Qu.x)^a (Qv.x)^b]",
                    _ridge_moment(u, v, a, b, moment), _ridge_moment(qu, qv, a, b, moment),
                    method=f"exact monomial moments ({law})",
                    evidence={"Q_first_row": [str(c) for c in q[0]]}))
    return all_of(f"A23 for monomial activations z^a, z^b, a, b <= {top} (so every polynomial "
                  f"pair), d in {{3, 4, 5}}, u.v = 3/5, seeded rational rotations Q, every "
                  "radial law at once (the common factor E||x||^(a+b) cancels)",
                  "exact moments", cases)


@claim("A23", paper=P, where="orthogonality, alternative proof (number unknown)",
       statement=r"\mathbb E_D[\sigma(u\cdot x)\sigma'(v\cdot x)]\text{ depends only on }u\cdot v"
       r"\ (\|u\|=\|v\|=1,\ D\text{ spherically symmetric})", source="derived",
       methods=("exact: sphere monomial moments, Cayley rotations with rational entries",
                "exact: polynomial activations, every radial law (radial moment factors out)"))
def a23(p: Profile) -> CheckResult:
    return _a23_run(p, "sphere")


@a23.planted("also for the uniform law on {+-1}^d", r"\mathbb E_{x\sim\{\pm1\}^d}[\sigma(u\cdot x)"
             r"\sigma(v\cdot x)]\text{ depends only on }u\cdot v")
def a23_hypercube(p: Profile) -> CheckResult:
    return _a23_run(p, "hypercube")

