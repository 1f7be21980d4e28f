"""Families beyond the parity networks: Gegenbauer ridge functions, coordinate products and
p-concept labels, each with its exact Gram matrix or orthogonality certificate.

* **Gegenbauer ridge family** (Vempala–Wilmes): ``g_i(x) = P_{k,d}(<u_i, x>)`` for directions
  ``u_i`` in R^d and x uniform on S^{d-1}. By the addition theorem (Funk–Hecke with
  ``sigma = P_{k,d}``), ``E[g_i g_j] = P_{k,d}(t_ij) / N(d, k)`` with ``t_ij`` the cosine of the
  angle between ``u_i`` and ``u_j``. Directions are integer vectors, so ``t_ij^2`` is rational
  and, P_{k,d} having the parity of k, every Gram entry is exact: ``t^(k mod 2) Q(t^2)``.
* **Normalized coordinate products** ``m_S(x) = prod_{i in S} x_i / sqrt(E[prod x_i^2])``:
  for S != T a coordinate in the symmetric difference flips the sign of one and fixes the
  other, so they are orthogonal under every law invariant under coordinate sign flips (every
  spherically symmetric law); ``E_D[prod_{i in S} x_i^2] = E[R^{2k}] Gamma(d/2) /
  (2^k Gamma(d/2 + k))`` for a radial law with radius R (1 under N(0, I_d)).
* **p-concept labels** (Goel et al.): ``y = +1`` with probability ``psi(lam f_S(x))``; the
  centred labels ``psi(lam f_S) - 1/2`` inherit the sign-flip witness of the networks when
  ``psi(z) + psi(-z) = 1`` (checked symbolically), so they stay orthogonal under every
  spherically symmetric law.

>>> fam = ridge_family(2, 3, [(1, 0, 0), (0, 1, 0), (1, 1, 0)])
>>> [str(v) for v in fam.gram()[0]]
['1/5', '-1/10', '1/20']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from math import isqrt

import numpy as np
import sympy as sp
from flint import fmpq

from .activations import Activation, activation
from .certificates import sign_flip_witness
from .checks import CheckResult, Strength, Verdict, combine
from .conventions import check_degree, check_dimension
from .conventions import harmonic_dimension as _n_dk
from .measures import RadialLaw
from .networks import Network
from .orthopoly import gegenbauer_sphere_polys

# ---------------------------------------------------------------------------------------------
# Gegenbauer ridge functions.


@dataclass(frozen=True)
class RidgeFamily:
    """``P_{k,d}(<u_i, x>)`` for the integer directions ``u_i`` (normalized: only the angle
    between directions matters), x uniform on S^{d-1}."""

    k: int
    d: int
    directions: tuple[tuple[int, ...], ...]

    def cosine_squared(self, i: int, j: int) -> tuple[fmpq, int]:
        """``(t_ij^2, sign of t_ij)`` exactly."""
        u, v = self.directions[i], self.directions[j]
        dot = sum(a * b for a, b in zip(u, v, strict=True))
        return fmpq(dot * dot, _norm_sq(u) * _norm_sq(v)), (dot > 0) - (dot < 0)

    def entry(self, i: int, j: int) -> sp.Expr:
        """``E[g_i g_j] = P_{k,d}(t_ij) / N(d, k)``, exact (rational, or rational times the
        square root of a rational for odd k)."""
        t_sq, sign = self.cosine_squared(i, j)
        return gegenbauer_at_sqrt(self.k, self.d, t_sq, sign) / _n_dk(self.d, self.k)

    def gram(self) -> list[list[sp.Expr]]:
        m = len(self.directions)
        return [[self.entry(i, j) for j in range(m)] for i in range(m)]

    def max_correlation(self) -> sp.Expr:
        """``max_{i != j} |E[g_i g_j]| / E[g_i^2]`` = ``max |P_{k,d}(t_ij)|``, exact."""
        values = [abs(self.entry(i, j) * _n_dk(self.d, self.k))
                  for i, j in combinations(range(len(self.directions)), 2)]
        return max(values, key=lambda v: float(v)) if values else sp.Integer(0)

    def evaluate(self, i: int, x: np.ndarray) -> np.ndarray:
        """``g_i`` at the rows of x, in doubles (no guarantee)."""
        from .orthopoly import gegenbauer_sphere_float

        u = np.array(self.directions[i], dtype=float)
        t = np.clip(x @ (u / np.linalg.norm(u)), -1.0, 1.0)
        return gegenbauer_sphere_float(self.k, self.d, t)[self.k]


def _norm_sq(u: Sequence[int]) -> int:
    return sum(a * a for a in u)


def gegenbauer_at_sqrt(k: int, d: int, t_sq: fmpq, sign: int) -> sp.Expr:
    """``P_{k,d}(t)`` exactly for ``t = sign * sqrt(t_sq)``: P_{k,d}(t) = t^(k mod 2) Q(t^2).

    Q is read off the exact polynomial ``P_{k,d}``
    (:func:`verify.orthopoly.gegenbauer_sphere_polys`).
    """
    coeffs = gegenbauer_sphere_polys(k, d)[k].coeffs()
    q_value = sum((fmpq(c) * t_sq ** (i // 2) for i, c in enumerate(coeffs)
                   if i % 2 == k % 2), fmpq(0))
    q = sp.Rational(int(q_value.p), int(q_value.q))
    if k % 2 == 0 or sign == 0:
        return q if k % 2 == 0 else sp.Integer(0)
    root = _sqrt_rational(t_sq)
    return sign * q * root


def _sqrt_rational(q: fmpq) -> sp.Expr:
    p, r = int(q.p), int(q.q)
    rp, rr = isqrt(p), isqrt(r)
    if rp * rp == p and rr * rr == r:
        return sp.Rational(rp, rr)
    return sp.sqrt(sp.Rational(p, r))


def ridge_family(k: int, d: int, directions: Sequence[Sequence[int]]) -> RidgeFamily:
    """Validate and build a :class:`RidgeFamily` (integer, non-zero directions in R^d)."""
    k, d = check_degree(k), check_dimension(d)
    dirs = []
    for i, u in enumerate(directions):
        row = tuple(u)
        if len(row) != d:
            raise ValueError(f"directions[{i}] has {len(row)} entries; expected d={d}")
        if not all(isinstance(a, int | np.integer) and not isinstance(a, bool) for a in row):
            raise ValueError(f"directions[{i}]={row} must be integers (exact directions)")
        if not any(row):
            raise ValueError(f"directions[{i}] is the zero vector; a direction must be non-zero")
        dirs.append(tuple(int(a) for a in row))
    if not dirs:
        raise ValueError("directions is empty; give at least one direction")
    return RidgeFamily(k, d, tuple(dirs))


def sign_vector_directions(m: int, d: int, *, seed: int) -> list[tuple[int, ...]]:
    """``m`` distinct random sign vectors in {+-1}^d (seeded): nearly orthogonal directions,
    ``|t_ij| = O(sqrt(log m / d))`` with high probability; their exact cosines are integers/d."""
    if m < 1 or m > 2 ** min(d, 60) // 2:
        raise ValueError(f"m={m} sign vectors need 1 <= m <= 2^(d-1) (d={d})")
    rng = np.random.default_rng(seed)
    seen: set[tuple[int, ...]] = set()
    out: list[tuple[int, ...]] = []
    while len(out) < m:
        u = tuple(int(s) for s in rng.choice((-1, 1), size=d))
        key = u if u[0] == 1 else tuple(-a for a in u)  # u and -u give the same ridge function
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


def ridge_orthogonality(fam: RidgeFamily, *, tolerance: sp.Expr | int = 0) -> CheckResult:
    """Exact: every off-diagonal Gram entry is at most ``tolerance`` times the diagonal one
    (``tolerance = 0``: exactly orthogonal)."""
    tol = sp.nsimplify(tolerance)
    worst = fam.max_correlation()
    claim = (f"P_{{{fam.k},{fam.d}}} ridge family of {len(fam.directions)} directions: "
             f"|E[g_i g_j]| <= {tol} E[g_i^2] for i != j (x uniform on S^{fam.d - 1})")
    decided = sp.simplify(worst - tol)
    evidence = {"max_correlation": str(worst), "max_correlation_float": float(worst),
                "tolerance": str(tol)}
    if decided.is_positive:
        return CheckResult(Verdict.REFUTED, Strength.EXACT, claim,
                           "addition theorem: E[g_i g_j] = P_{k,d}(t_ij)/N(d,k), exact",
                           evidence)
    return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim,
                       "addition theorem: E[g_i g_j] = P_{k,d}(t_ij)/N(d,k), exact", evidence)


# ---------------------------------------------------------------------------------------------
# Normalized coordinate products.


def coordinate_product_second_moment(law: RadialLaw, k: int) -> sp.Expr:
    """``E_D[prod_{i<k} x_i^2] = E[R^{2k}] Gamma(d/2) / (2^k Gamma(d/2 + k))``, exact."""
    k = check_degree(k)
    if k > law.d:
        raise ValueError(f"k={k} coordinates do not fit in dimension d={law.d}")
    half = sp.Rational(law.d, 2)
    return sp.simplify(law.radius_moment(2 * k) * sp.gamma(half)
                       / (2**k * sp.gamma(half + k)))


def coordinate_products_certificate(n: int, subsets: Sequence[Sequence[int]]) -> CheckResult:
    """Exact: distinct subsets give orthogonal products under every law invariant under
    coordinate sign flips (a coordinate of the symmetric difference is the witness)."""
    sets = [frozenset(s) for s in subsets]
    if len(set(sets)) != len(sets):
        raise ValueError("subsets must be distinct")
    for s in sets:
        if not s or not all(0 <= i < n for i in s):
            raise ValueError(f"subset {sorted(s)} must be non-empty indices in 0..{n - 1}")
    cases = []
    for a, b in combinations(sets, 2):
        witness = min(a ^ b)
        cases.append(CheckResult(
            Verdict.VERIFIED, Strength.EXACT,
            f"E[m_{sorted(a)} m_{sorted(b)}] = 0 for every sign-flip invariant law",
            f"flipping x_{witness} negates one product and fixes the other",
            {"witness": witness}))
    if not cases:
        raise ValueError("give at least two subsets")
    return combine(f"{len(sets)} coordinate products on R^{n}: pairwise orthogonal under every "
                   "spherically symmetric law", "sign-flip witnesses", cases)


# ---------------------------------------------------------------------------------------------
# p-concept labels.


def odd_about_half(psi: Activation) -> bool:
    """``psi(z) + psi(-z) = 1`` identically (SymPy proof; False when not proved)."""
    x = sp.Symbol("x", real=True)
    expr = psi.expr.subs(sp.Symbol("x"), x)
    total = sp.simplify(expr + expr.subs(x, -x) - 1)
    if total == 0:
        return True
    return bool(sp.simplify(sp.expand(total.rewrite(sp.exp))) == 0)


def p_concept_label(f: Network, psi: Activation | str, lam: object
                    ) -> Callable[[np.ndarray], np.ndarray]:
    """``x -> psi(lam f(x)) - 1/2`` in doubles (the centred p-concept label)."""
    psi = activation(psi) if isinstance(psi, str) else psi
    scale = float(sp.nsimplify(lam))
    return lambda x: psi.numpy(scale * f.evaluate(x)) - 0.5


def p_concept_certificate(f: Network, h: Network, psi: Activation | str) -> CheckResult:
    """Exact certificate that ``E_D[(psi(lam f) - 1/2)(psi(lam h) - 1/2)] = 0`` for every
    spherically symmetric D and every lam: a sign-flip witness for (f, h) and
    ``psi(z) + psi(-z) = 1``. INCONCLUSIVE when either ingredient is missing."""
    psi = activation(psi) if isinstance(psi, str) else psi
    claim = (f"E_D[(psi(lam {f.name}) - 1/2)(psi(lam {h.name}) - 1/2)] = 0 for every "
             f"spherically symmetric D and every lam (psi = {psi.name})")
    witness = sign_flip_witness(f, h)
    symmetric = odd_about_half(psi)
    evidence = {"witness": witness, "psi(z) + psi(-z) = 1": symmetric}
    if witness is not None and symmetric:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim,
                           f"flipping x_{witness} negates the first label and fixes the "
                           "second", evidence)
    why = ("no coordinate flip negates one network and fixes the other" if witness is None
           else "psi(z) + psi(-z) = 1 does not hold (or was not proved)")
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                       f"no certificate: {why}", evidence)
