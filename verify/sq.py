"""Statistical-query lower bounds from a family's size, norms and pairwise correlations.

**CSQ (Bessel counting, ggjkk20 A22).** Let ``g_1..g_m`` be pairwise orthogonal in
``L^2(D)`` with ``|g_i|^2 = eta2``. For a query ``phi`` with ``|phi| <= 1``, Bessel's inequality
for the orthonormal ``g_i/sqrt(eta2)`` gives ``sum_i <phi, g_i>^2 <= eta2``, so fewer than
``eta2/tau^2`` of the ``g_i`` have ``|<phi, g_i>| > tau``. An adversary answering every query
with 0 (the value for the zero target, consistent with every g_i it does not reveal) therefore
eliminates fewer than ``eta2/tau^2`` candidates per query, and telling the m candidates apart
needs

    q >= (m - 1) tau^2 / eta2        correlational queries of tolerance tau.

**General SQ for Boolean labels (ggjkk20 §4.3, A19-A20).** With ``P[y=1|x] = 1/2 + g_S(x)``
and any query ``|Phi| <= 1``, ``E_{D_S} Phi = (same for all S) + <Phi(.,1) - Phi(.,0), g_S>`` and
``|Phi(.,1) - Phi(.,0)| <= 2``; the same counting gives ``q >= (m - 1) tau^2 / (4 eta2)``.

**What the hypotheses are.** Both bounds need exactly: the ``g_i`` pairwise orthogonal in
``L^2(D)``, each of squared norm ``eta2 > 0`` -- *proved*, for every member (a zero member has
no normalization, and ``f/|f|`` is orthonormal only when every ``|f_i| > 0``). They do **not**
need ``E_D[g_i] = 0``: Bessel's inequality holds for any orthonormal system, and the adversary's
answer (0, or the null value ``E[Phi(x, 0)] + E[Phi(x, 1) - Phi(x, 0)]/2`` for Boolean labels)
is consistent with every ``g_i`` whose correlation with the query is at most tau, whatever
its mean (ggjkk20 A22 and its proof note). :func:`verify.family_check.check_family` therefore
gates these bounds on pairwise orthogonality and proved positive norms, and reports mean zero
as a separate property. For Boolean labels ``1/2 + g_S`` must also lie in [0, 1], which is the
caller's construction (ggjkk20 §4.3), not checked here.

All numbers are exact rationals; the formulas are SymPy expressions in n, k, tau.

>>> b = csq_lower_bound(m=70, tau=sp.Rational(1, 10), norm_sq=1)
>>> b.queries
69/100
>>> str(parity_family_bounds()["csq_formula"])
'tau**2*(binomial(n, k) - 1)/eta2'
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb

import sympy as sp


@dataclass(frozen=True)
class SQBound:
    """``queries``: a lower bound on the number of queries of tolerance ``tau``."""

    kind: str  # "CSQ" or "SQ (Boolean labels)"
    m: int
    tau: sp.Rational
    norm_sq: sp.Expr
    queries: sp.Expr
    statement: str

    def to_json(self) -> dict[str, str | int]:
        return {"kind": self.kind, "m": self.m, "tau": str(self.tau),
                "norm_sq": str(self.norm_sq), "queries_at_least": str(self.queries),
                "queries_at_least_float": f"{float(self.queries):.6g}",
                "statement": self.statement}


def _check(m: object, tau: object, norm_sq: object) -> tuple[int, sp.Expr, sp.Expr]:
    if isinstance(m, bool) or not isinstance(m, int) or m < 1:
        raise ValueError(f"m={m!r} must be a positive integer (the family size)")
    t = sp.nsimplify(tau) if not isinstance(tau, sp.Basic) else tau
    if not (t.is_positive and t <= 1):
        raise ValueError(f"tau={tau} must lie in (0, 1]")
    e = sp.sympify(norm_sq)
    if not e.is_positive:
        raise ValueError(f"norm_sq={norm_sq} must be positive (a degenerate family proves "
                         "nothing)")
    return m, t, e


def csq_lower_bound(*, m: int, tau: object, norm_sq: object = 1) -> SQBound:
    """``q >= (m-1) tau^2 / eta2`` for m pairwise-orthogonal functions of squared norm eta2."""
    m, t, e = _check(m, tau, norm_sq)
    q = sp.Rational(m - 1) * t**2 / e
    return SQBound("CSQ", m, t, e, q,
                   f"any correlational-SQ learner with tolerance {t} needs at least "
                   f"(m-1) tau^2/|g|^2 = {q} queries to tell the {m} functions apart"
                   + _vacuous(q))


def _vacuous(q: sp.Expr) -> str:
    """Say so when a query bound is below 1: true, but it proves nothing."""
    if q < 1:
        return (f" (vacuous: {float(q):.3g} < 1; the family is too small for this tolerance, "
                "the bound grows with the family size m)")
    return ""


def boolean_sq_lower_bound(*, m: int, tau: object, norm_sq: object) -> SQBound:
    """``q >= (m-1) tau^2 / (4 eta2)`` for Boolean labels with mean functions ``1/2 + g_S``."""
    m, t, e = _check(m, tau, norm_sq)
    q = sp.Rational(m - 1) * t**2 / (4 * e)
    return SQBound("SQ (Boolean labels)", m, t, e, q,
                   f"any SQ learner with tolerance {t} needs at least (m-1) tau^2/(4|g|^2) = "
                   f"{q} queries" + _vacuous(q))


def parity_family_bounds(n: int | None = None, k: int | None = None) -> dict[str, object]:
    """The bounds for the parity family ``{f_S : |S| = k}`` as formulas (and numbers when n, k
    are given): ``m = C(n, k)``; normalized ``g_S = f_S/|f_S|`` have ``eta2 = 1``."""
    ns, ks, tau, eta2 = sp.symbols("n k tau eta2", positive=True)
    out: dict[str, object] = {
        "m_formula": sp.binomial(ns, ks),
        "csq_formula": (sp.binomial(ns, ks) - 1) * tau**2 / eta2,
        "sq_boolean_formula": (sp.binomial(ns, ks) - 1) * tau**2 / (4 * eta2),
    }
    if n is not None and k is not None:
        out["m"] = comb(n, k)
    return out
