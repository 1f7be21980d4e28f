"""What the sections of vw19 share: names, the paper's two-dimensional reduction, integrand glue
for :func:`verify.moments.sphere_expectation_acb`, the harmonic bases and the ReLU closed forms.

Moments, Gegenbauer polynomials and the certified integrator are the core's
(:mod:`verify.moments`, :mod:`verify.orthopoly`); what stays here is the paper's own device
and registration glue:

* ``_lift(R, n)``: for a polynomial R, the bivariate polynomial
  ``Q(a, t) = E_s R(a t + sqrt(1-a^2) sqrt(1-t^2) s)`` with s the first coordinate of a uniform
  point of S^{n-2} (s = +-1 for n = 2). If <u, v> = a and t = <u, x>, then
  ``<v, x> = a t + sqrt(1-a^2) sqrt(1-t^2) s``, so ``E_x[F(<u,x>) R(<v,x>)] = E_t[F(t) Q(a,t)]``
  for every F: the two-dimensional reduction of C7, C8, C15, C18, C22, in exact arithmetic;
* acb integrands (polynomials, the analytic activations) for the certified sphere integrals;
* the harmonic bases of Hom_k(R^n) (kernel of the Laplacian) and rational sphere points;
* the note's ReLU closed forms (C9) and their squares N(n,k) c_k^2 (C10), used again by C13/C15.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from fractions import Fraction
from functools import cache

import sympy as sp
from flint import acb, arb, fmpq, fmpq_mpoly, fmpq_mpoly_ctx, fmpq_poly, fmpz_mat

from verify import moments as M
from verify import orthopoly as O
from verify.activations import Activation, activation
from verify.claims.base import Profile
from verify.conventions import harmonic_dimension
from verify.gegenbauer import certified_sphere_coefficient, funk_hecke, gegenbauer_coefficients

PAPER = "vw19"
_WHERE = "unknown: the paper's full text was not available"
_X = sp.Symbol("x", real=True)


def _q(x: Fraction | int) -> fmpq:
    x = Fraction(x)
    return fmpq(x.numerator, x.denominator)


def _sym(q: fmpq) -> sp.Rational:
    return sp.Rational(int(q.p), int(q.q))


def _qstr(x: fmpq) -> str:
    s = str(x)
    return s if len(s) < 120 else f"{float(x):.15g} (rational, {len(s)} chars)"


def _dims(p: Profile, *, lo: int = 2) -> list[int]:
    return [n for n in p.dims if n >= lo]


@cache
def _gegenbauer_table(n: int, size: int) -> tuple[fmpq_poly, ...]:
    return tuple(O.gegenbauer_sphere_polys(size, n))


def _P(k: int, n: int) -> fmpq_poly:
    """Exact ``P_{k,n}`` (:func:`verify.orthopoly.gegenbauer_sphere_polys`), one table per
    dimension and power-of-two size."""
    return _gegenbauer_table(n, max(8, 1 << k.bit_length()))[k]


# ---------------------------------------------------------------------------------------------
# The two-dimensional reduction, exactly: bivariate polynomials in (a, t).

_CTX = fmpq_mpoly_ctx.get(("a", "t"), "lex")
_A, _T = _CTX.gens()


def _s_moment(n: int, m: int) -> fmpq:
    """``E s^m`` for s the first coordinate of a uniform point of S^{n-2} (n >= 3), and for
    the two points s = +-1 of S^0 (n = 2)."""
    return M.hypercube_monomial_moment((m,)) if n == 2 else M.sphere_moment(n - 1, m)


def _lift(R: fmpq_poly, n: int, *, s_dim: int | None = None) -> fmpq_mpoly:
    """``Q(a, t) = E_s R(a t + sqrt((1-a^2)(1-t^2)) s)``; only even powers of the square root
    survive, so Q is a polynomial. ``s_dim`` replaces the law of s by the first coordinate of
    S^{s_dim - 1} (planted variants use it)."""
    at = _A * _T
    b2 = (1 - _A * _A) * (1 - _T * _T)
    at_pows: dict[int, fmpq_mpoly] = {}
    b2_pows: dict[int, fmpq_mpoly] = {}
    out = _CTX.from_dict({})
    for i, c in enumerate(R.coeffs()):
        if c == 0:
            continue
        for m in range(i // 2 + 1):
            mom = _s_moment(n, 2 * m) if s_dim is None else M.sphere_moment(s_dim, 2 * m)
            if mom == 0:
                continue
            if i - 2 * m not in at_pows:
                at_pows[i - 2 * m] = at ** (i - 2 * m)
            if m not in b2_pows:
                b2_pows[m] = b2**m
            out += (c * math.comb(i, 2 * m) * mom) * at_pows[i - 2 * m] * b2_pows[m]
    return out


def _bi(p: fmpq_poly, var: fmpq_mpoly) -> fmpq_mpoly:
    """A univariate polynomial as a bivariate one in ``var``."""
    out = _CTX.from_dict({})
    for i, c in enumerate(p.coeffs()):
        if c != 0:
            out += c * var**i
    return out


def _t_expect(F: fmpq_mpoly, n: int) -> fmpq_poly:
    """``E_t F(a, t)`` as a polynomial in a."""
    coeffs: dict[int, fmpq] = {}
    for (i, j), c in F.terms():  # exponents are fmpz
        m = M.sphere_moment(n, int(j))
        if m != 0:
            coeffs[int(i)] = coeffs.get(int(i), fmpq(0)) + c * m
    top = max(coeffs, default=-1)
    return fmpq_poly([coeffs.get(i, fmpq(0)) for i in range(top + 1)])


# ---------------------------------------------------------------------------------------------
# Integrands for verify.moments.sphere_expectation_acb (this paper's independent integrals).

Integrand = Callable[[acb, bool], acb]


def _power_basis_bits(p: fmpq_poly) -> int:
    """Guard bits for evaluating ``p`` in its power basis on the unit disc: ``log2 sum |c_i|``
    (the cancellation against values of size ~1; Chebyshev ``T_12^2`` loses ~22 bits). Used
    only to choose a working precision, never in a verdict."""
    total = sum((abs(c) for c in p.coeffs()), fmpq(0))
    return max(0, math.ceil(math.log2(float(total)))) if total > 1 else 0


def _poly_acb(p: fmpq_poly) -> Integrand:
    cs = p.coeffs()

    def f(z: acb, analytic: bool) -> acb:
        out = acb(0)
        for c in reversed(cs):
            out = out * z + acb(c)
        return out

    return f


def _identity(z: acb, analytic: bool) -> acb:
    return z


def _one(z: acb, analytic: bool) -> acb:
    return acb(1)


def _product(f: Integrand, g: Integrand) -> Integrand:
    def h(z: acb, analytic: bool) -> acb:
        return f(z, analytic) * g(z, analytic)
    return h


def _act_acb(name: str) -> Integrand:
    """Analytic activations as acb callables (non-finite on a ball that meets a pole)."""
    if name == "tanh":
        return lambda z, analytic: z.tanh()
    if name == "sigmoid":
        return lambda z, analytic: 1 / (1 + (-z).exp())
    if name == "exp":
        return lambda z, analytic: z.exp()
    raise ValueError(f"activation={name!r} has no acb form here")


@cache
def _activation(name: str) -> Activation:
    """Activations by this module's names, built once (their analysis costs SymPy time)."""
    return activation(sp.exp(_X)) if name == "exp" else activation(name)


_RELU_ACT = activation("relu")


def _sigma_times(name: str, pf: Integrand, n: int, *, surface: bool = False) -> arb:
    """``E[sigma(t) pf(t)]`` (``surface``: the integral against ``(1-t^2)^{(n-3)/2}``) by
    :func:`verify.moments.sphere_expectation_acb`; ReLU as ``t pf(t)`` on ``t in [0, 1]``."""
    if name == "relu":
        return M.sphere_expectation_acb(_product(_identity, pf), n, half=True, surface=surface)
    return M.sphere_expectation_acb(_product(_act_acb(name), pf), n, surface=surface)


@cache
def _core_coefficient(name: str, k: int, n: int, digits: int) -> arb:
    """``c_k`` from the package's sphere tier (exact for relu, else certified), cached."""
    act = _activation(name)
    if name == "relu":
        return gegenbauer_coefficients(act, k, d=n, digits=digits)[k].ball
    return certified_sphere_coefficient(act, k, d=n, digits=digits).ball


@cache
def _core_surface(name: str, k: int, n: int, digits: int) -> arb:
    return funk_hecke(_activation(name), k, d=n, digits=digits, normalization="surface").ball


def _own_coefficient(name: str, k: int, n: int) -> arb:
    """``c_k`` by the independent integrator (no symmetry shortcut), at the working precision."""
    return _sigma_times(name, _poly_acb(_P(k, n)), n)


# ---------------------------------------------------------------------------------------------
# Harmonic bases and rational points.

def _monomials(n: int, k: int) -> list[tuple[int, ...]]:
    out = []
    for combo in itertools.combinations_with_replacement(range(n), k):
        e = [0] * n
        for i in combo:
            e[i] += 1
        out.append(tuple(e))
    return out


def _laplacian_matrix(n: int, k: int) -> fmpz_mat:
    """The Laplacian Hom_k -> Hom_{k-2} in the monomial bases (rows: target monomials)."""
    src, dst = _monomials(n, k), _monomials(n, k - 2)
    index = {e: i for i, e in enumerate(dst)}
    rows = [[0] * len(src) for _ in dst]
    for j, e in enumerate(src):
        for i in range(n):
            if e[i] >= 2:
                f = list(e)
                f[i] -= 2
                rows[index[tuple(f)]][j] += e[i] * (e[i] - 1)
    return fmpz_mat(rows)


def _harmonic_basis(n: int, k: int) -> tuple[list[tuple[int, ...]], list[list[fmpq]]]:
    """Monomials of Hom_k(R^n) and a basis of ker(Laplacian) as coefficient columns."""
    mons = _monomials(n, k)
    if k < 2:
        return mons, [[fmpq(int(i == j)) for i in range(len(mons))] for j in range(len(mons))]
    null, nullity = _laplacian_matrix(n, k).nullspace()
    cols = [[fmpq(int(null[i, j])) for i in range(len(mons))] for j in range(nullity)]
    return mons, cols


def _rational_sphere_point(n: int, rng: random.Random) -> list[fmpq]:
    """A rational point of S^{n-1}: inverse stereographic projection of an integer vector."""
    v = [rng.randint(-9, 9) for _ in range(n - 1)]
    s = sum(x * x for x in v)
    return [fmpq(2 * x, s + 1) for x in v] + [fmpq(s - 1, s + 1)]


def _pair_moment(n: int, u: tuple[int, ...], v: tuple[int, ...]) -> fmpq:
    """``E[x^u x^v]`` on S^{n-1}."""
    return M.sphere_monomial_moment(n, [a + b for a, b in zip(u, v, strict=True)])


# ---------------------------------------------------------------------------------------------
# The note's ReLU closed forms (C9) and the polynomial gates of C10/C15/C18/C22.

def _relu_closed(n: int, k: int, sign: int = 1) -> list[sp.Expr]:
    """The note's closed forms of ``c_k(relu)`` (both forms for even k >= 2)."""
    h, g = sp.Rational(n, 2), sp.gamma
    if k == 0:
        return [g(h) / (2 * sp.sqrt(sp.pi) * g(h + sp.Rational(1, 2)))]
    if k == 1:
        return [sp.Rational(1, 2 * n)]
    if k % 2:
        return [sp.Integer(0)]
    s = sign * (-1) ** (k // 2 - 1)
    first = s * sp.factorial(k - 2) * g(h) / (2**k * sp.sqrt(sp.pi) * g(sp.Rational(k, 2))
                                             * g(sp.Rational(n + k + 1, 2)))
    second = s * g(h) * g(sp.Rational(k - 1, 2)) / (4 * sp.pi * g(sp.Rational(n + k + 1, 2)))
    return [first, second]


def _relu_term_ball(n: int, k: int) -> arb:
    """``N(n,k) c_k^2`` for ReLU from the closed form (C9), in Arb."""
    h = arb(n) / 2
    if k == 0:
        c = h.gamma() / (2 * arb.pi().sqrt() * (h + arb(1) / 2).gamma())
    elif k == 1:
        c = arb(1) / (2 * n)
    elif k % 2:
        return arb(0)
    else:
        c = h.gamma() * (arb(k - 1) / 2).gamma() / (4 * arb.pi() * (arb(n + k + 1) / 2).gamma())
    return harmonic_dimension(n, k) * c * c


_POLY_GATE = fmpq_poly([fmpq(1, 2), 1, fmpq(-1, 3), 1])  # 1/2 + t - t^2/3 + t^3
_GD_GATE = fmpq_poly([1, 1, 1, 1])  # 1 + t + t^2 + t^3: c_0..c_3 all nonzero, c_k = 0 beyond


def _poly_gate_kernel(sigma: fmpq_poly, n: int) -> fmpq_poly:
    """``K(a) = E_w[sigma(<w,x>) sigma(<w,y>)]`` for <x,y> = a, by the reduction (exact)."""
    return _t_expect(_bi(sigma, _T) * _lift(sigma, n), n)
