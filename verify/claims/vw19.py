"""Catalogue entries of vw19: Vempala, Wilmes, "Gradient descent for one-hidden-layer neural
networks: polynomial convergence and SQ lower bounds" (COLT 2019, arXiv:1805.02677).

The paper's full text was not available to the note (../shared/papers/vw19.md): its IDs C1-C24
are standard harmonic analysis on S^{n-1} ([derived; standard]), new derivations ([derived])
and reconstructions of the paper's mechanics ([derived; reconstruction]); none is read from the
paper, so ``where`` says "unknown" throughout. The paper's n is the package's d: x uniform on
S^{n-1}, t = <w, x>, P_{k,n} = C_k^{(n-2)/2}/C_k^{(n-2)/2}(1), c_k = E[sigma(t) P_{k,n}(t)]
(probability measure), which is :func:`verify.gegenbauer.gegenbauer_coefficients` at r = 1.

Shared machinery (private, exact unless said otherwise):

* ``_moment(n, m) = E t^m = prod_{i < m/2} (2i+1)/(n+2i)`` (m even), rational for every n;
* ``_half(n, m) = int_0^1 t^m w_n``: a rational (m even) or a rational times
  ``c_n = Gamma(n/2)/(sqrt(pi) Gamma((n-1)/2))`` (m odd, a Beta integral);
* ``_lift(R, n)``: for a polynomial R, the bivariate polynomial
  ``Q(a, t) = E_s R(a t + sqrt(1-a^2) sqrt(1-t^2) s)`` with s the first coordinate of a uniform
  point of S^{n-2} (s = +-1 for n = 2). If <u, v> = a and t = <u, x>, then
  ``<v, x> = a t + sqrt(1-a^2) sqrt(1-t^2) s``, so ``E_x[F(<u,x>) R(<v,x>)] = E_t[F(t) Q(a,t)]``
  for every F: the two-dimensional reduction of C7, C8, C15, C18, C22, done in exact arithmetic;
* ``_arb_expectation``: ``E f(t) = c_n int_{-pi/2}^{pi/2} f(sin u) cos^{n-2} u du`` by
  ``acb.integral`` (certified, split at kinks; an integrator of this module, so that it is
  independent of :mod:`verify.gegenbauer`'s folded integral and its symmetry shortcuts).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from fractions import Fraction
from functools import cache

import sympy as sp
from flint import (
    acb,
    arb,
    fmpq,
    fmpq_mat,
    fmpq_mpoly,
    fmpq_mpoly_ctx,
    fmpq_poly,
    fmpz_mat,
)

from verify import referee
from verify.activations import Activation, activation
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    arb_of,
    ball_equal,
    ball_less_equal,
    claim,
    exact_equal,
    rational_equal,
)
from verify.conventions import (
    gegenbauer_sphere_values,
    harmonic_dimension,
    hermite_prob_values,
)
from verify.expressions import SYMBOLS
from verify.gegenbauer import (
    certified_sphere_coefficient,
    funk_hecke,
    gegenbauer_coefficients,
    gegenbauer_power_basis,
    hermite_limit_polynomial,
)
from verify.hermite import hermite_coefficients
from verify.numbers import report_ball, workprec

PAPER = "vw19"
_WHERE = "unknown: the paper's full text was not available"
_PREC = 256
_X = sp.Symbol("x", real=True)


# ---------------------------------------------------------------------------------------------
# Exact building blocks.

def _q(x: Fraction | int) -> fmpq:
    x = Fraction(x)
    return fmpq(x.numerator, x.denominator)


@cache
def _moment(n: int, m: int) -> fmpq:
    """``E t^m`` for t the first coordinate of a uniform point of S^{n-1} (exact)."""
    if m % 2:
        return fmpq(0)
    out = fmpq(1)
    for i in range(m // 2):
        out *= fmpq(2 * i + 1, n + 2 * i)
    return out


@cache
def _half(n: int, m: int) -> tuple[fmpq, fmpq]:
    """``int_0^1 t^m w_n(t) dt = q0 + q1 c_n`` as ``(q0, q1)``: even m gives half the moment;
    odd m = 2p+1 gives ``c_n B(p+1, (n-1)/2)/2 = c_n p! / (2 prod_{i<=p} ((n-1)/2 + i))``."""
    if m % 2 == 0:
        return _moment(n, m) / 2, fmpq(0)
    p = (m - 1) // 2
    den = fmpq(1)
    for i in range(p + 1):
        den *= fmpq(n - 1 + 2 * i, 2)
    return fmpq(0), fmpq(math.factorial(p)) / (2 * den)


@cache
def _gegenbauer_table(n: int, k_max: int) -> tuple[fmpq_poly, ...]:
    return tuple(gegenbauer_power_basis(k_max, n))


def _P(k: int, n: int) -> fmpq_poly:
    """Exact ``P_{k,n}`` (the package's recurrence), cached per dimension."""
    size = max(8, 1 << (k.bit_length()))
    return _gegenbauer_table(n, size)[k]


def _coeffs(p: fmpq_poly) -> list[fmpq]:
    return [p[i] for i in range(p.degree() + 1)] if not p.is_zero() else []


def _expect(p: fmpq_poly, n: int) -> fmpq:
    """``E p(t)`` exactly."""
    return sum((c * _moment(n, i) for i, c in enumerate(_coeffs(p)) if c != 0), fmpq(0))


def _relu_expect(p: fmpq_poly, n: int) -> tuple[fmpq, fmpq]:
    """``E[relu(t) p(t)] = int_0^1 t p(t) w_n = q0 + q1 c_n`` (no symmetry shortcut)."""
    q0, q1 = fmpq(0), fmpq(0)
    for i, c in enumerate(_coeffs(p)):
        if c != 0:
            h0, h1 = _half(n, i + 1)
            q0, q1 = q0 + c * h0, q1 + c * h1
    return q0, q1


def _cd_sym(n: int) -> sp.Expr:
    h = sp.Rational(n, 2)
    return sp.gamma(h) / (sp.sqrt(sp.pi) * sp.gamma(h - sp.Rational(1, 2)))


def _sym(q: fmpq) -> sp.Rational:
    return sp.Rational(int(q.p), int(q.q))


def _pair_sym(n: int, pair: tuple[fmpq, fmpq]) -> sp.Expr:
    return _sym(pair[0]) + _sym(pair[1]) * _cd_sym(n)


def _cd_ball(n: int) -> arb:
    h = arb(n) / 2
    return h.gamma() / (arb.pi().sqrt() * (h - arb(1) / 2).gamma())


def _pair_ball(n: int, pair: tuple[fmpq, fmpq]) -> arb:
    return arb(pair[0]) + arb(pair[1]) * _cd_ball(n)


def _area_sym(n: int) -> sp.Expr:
    """``omega_{n-1} = |S^{n-1}| = 2 pi^{n/2} / Gamma(n/2)``."""
    return 2 * sp.pi ** sp.Rational(n, 2) / sp.gamma(sp.Rational(n, 2))


def _area_ball(n: int) -> arb:
    return 2 * arb.pi() ** (arb(n) / 2) / (arb(n) / 2).gamma()


def _qstr(x: fmpq) -> str:
    s = str(x)
    return s if len(s) < 120 else f"{float(x):.15g} (rational, {len(s)} chars)"


# ---------------------------------------------------------------------------------------------
# The two-dimensional reduction, exactly: bivariate polynomials in (a, t).

_CTX = fmpq_mpoly_ctx.get(("a", "t"), "lex")
_A, _T = _CTX.gens()


def _pow_cache(base: fmpq_mpoly, m: int, cache: dict[int, fmpq_mpoly]) -> fmpq_mpoly:
    if m not in cache:
        cache[m] = base**m
    return cache[m]


@cache
def _s_moment(n: int, m: int) -> fmpq:
    """``E s^m`` for s the first coordinate of a uniform point of S^{n-2} (n >= 3), and for
    the two points s = +-1 of S^0 (n = 2)."""
    if m % 2:
        return fmpq(0)
    return fmpq(1) if n == 2 else _moment(n - 1, m)


def _lift(R: fmpq_poly, n: int, *, s_dim: int | None = None) -> fmpq_mpoly:
    """``Q(a, t) = E_s R(a t + sqrt((1-a^2)(1-t^2)) s)``; only even powers of the square root
    survive, so Q is a polynomial. ``s_dim`` replaces the law of s by the first coordinate of
    S^{s_dim - 1} (planted variants use it)."""
    at = _A * _T
    b2 = (1 - _A * _A) * (1 - _T * _T)
    at_pows: dict[int, fmpq_mpoly] = {}
    b2_pows: dict[int, fmpq_mpoly] = {}
    out = _CTX.from_dict({})
    for i, c in enumerate(_coeffs(R)):
        if c == 0:
            continue
        for m in range(i // 2 + 1):
            mom = _s_moment(n, 2 * m) if s_dim is None else _moment(s_dim, 2 * m)
            if mom == 0:
                continue
            out += (c * math.comb(i, 2 * m) * mom) * _pow_cache(at, i - 2 * m, at_pows) * \
                _pow_cache(b2, m, b2_pows)
    return out


def _bi(p: fmpq_poly, var: fmpq_mpoly) -> fmpq_mpoly:
    """A univariate polynomial as a bivariate one in ``var``."""
    out = _CTX.from_dict({})
    for i, c in enumerate(_coeffs(p)):
        if c != 0:
            out += c * var**i
    return out


def _t_expect(F: fmpq_mpoly, n: int) -> fmpq_poly:
    """``E_t F(a, t)`` as a polynomial in a."""
    coeffs: dict[int, fmpq] = {}
    for (i, j), c in F.terms():
        m = _moment(n, j)
        if m != 0:
            coeffs[i] = coeffs.get(i, fmpq(0)) + c * m
    top = max(coeffs, default=-1)
    return fmpq_poly([coeffs.get(i, fmpq(0)) for i in range(top + 1)])


def _a_poly(F: fmpq_mpoly) -> fmpq_poly:
    """A bivariate polynomial that only involves a, as a univariate polynomial."""
    coeffs: dict[int, fmpq] = {}
    for (i, j), c in F.terms():
        if j != 0:
            raise ValueError("the polynomial depends on t")
        coeffs[i] = c
    top = max(coeffs, default=-1)
    return fmpq_poly([coeffs.get(i, fmpq(0)) for i in range(top + 1)])


# ---------------------------------------------------------------------------------------------
# Sphere monomial moments (exact): E[x^alpha] = prod (alpha_i - 1)!! / prod_{i<|alpha|/2} (n+2i).

@cache
def _monomial_moment(n: int, alpha: tuple[int, ...]) -> fmpq:
    if any(a % 2 for a in alpha):
        return fmpq(0)
    num = 1
    for a in alpha:
        num *= math.prod(range(a - 1, 0, -2))
    den = math.prod(n + 2 * i for i in range(sum(alpha) // 2))
    return fmpq(num, den)


def _sphere_expect(poly: fmpq_mpoly, n: int) -> fmpq:
    """``E_x poly(x)`` for x uniform on S^{n-1}; the poly's first n variables are x."""
    total = fmpq(0)
    for exps, c in poly.terms():
        m = _monomial_moment(n, tuple(sorted(e for e in exps[:n] if e)))
        if m != 0:
            total += c * m
    return total


# ---------------------------------------------------------------------------------------------
# Certified one-dimensional sphere expectations.

Integrand = Callable[[acb, bool], acb]


def _arb_expectation(f: Integrand, n: int, *, right_half: bool = False, prec: int = _PREC,
                     surface: bool = False, in_u: bool = False) -> arb:
    """``E f(t)`` (or, with ``surface``, ``int f(t) (1-t^2)^{(n-3)/2} dt``) for t the first
    coordinate of a uniform point of S^{n-1}, over ``t in [-1, 1]`` or, with ``right_half``,
    over ``t in [0, 1]`` only (how ReLU is integrated: f analytic there). ``t = sin u`` gives
    the analytic weight ``cos^{n-2} u``, so ``acb.integral`` sees an analytic integrand. With
    ``in_u``, f is given as a function of u instead of t."""
    with workprec(prec):
        half = arb.pi() / 2
        lo = arb(0) if right_half else -half

        def g(u: acb, analytic: bool) -> acb:
            return f(u if in_u else u.sin(), analytic) * u.cos() ** (n - 2)

        tol = arb(2) ** (-prec + 30)
        value = acb.integral(g, lo, half, rel_tol=tol, abs_tol=tol).real
        return value if surface else value * _cd_ball(n)


def _poly_acb(p: fmpq_poly) -> Integrand:
    cs = _coeffs(p)

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
    """Analytic activations as acb callables (bounded on the strip that acb.integral uses)."""
    if name == "tanh":
        return lambda z, analytic: z.tanh()
    if name == "tanh2":
        return lambda z, analytic: (2 * z).tanh()
    if name == "sigmoid":
        return lambda z, analytic: 1 / (1 + (-z).exp())
    if name == "exp":
        return lambda z, analytic: z.exp()
    raise ValueError(f"activation={name!r} has no acb form here")


_SYMPY_ACT = {"tanh": sp.tanh(_X), "sigmoid": 1 / (1 + sp.exp(-_X)), "exp": sp.exp(_X),
              "relu": sp.Max(_X, 0), "tanh2": sp.tanh(2 * _X)}


@cache
def _activation(name: str) -> Activation:
    """Activations by this module's names, built once (their analysis costs SymPy time)."""
    return activation(_SYMPY_ACT[name]) if name in ("tanh2", "exp") else activation(name)


@cache
def _core_coefficient(name: str, k: int, n: int, digits: int) -> arb:
    """``c_k`` from the package's sphere tier (exact or certified), cached."""
    act = _activation(name)
    return certified_sphere_coefficient(act, k, d=n, digits=digits).ball \
        if name != "relu" else gegenbauer_coefficients(act, k, d=n, digits=digits)[k].ball


def _own_coefficient(name: str, k: int, n: int, prec: int = _PREC) -> arb:
    """``c_k`` by this module's integrator (no symmetry shortcut)."""
    pk = _P(k, n)
    pf = _poly_acb(pk)
    if name == "relu":
        return _arb_expectation(_product(_identity, pf), n, right_half=True, prec=prec)
    act = _act_acb(name)
    return _arb_expectation(_product(act, pf), n, prec=prec)


_RELU_ACT = activation("relu")


def _dims(p: Profile, *, lo: int = 2) -> list[int]:
    return [n for n in p.dims if n >= lo]


def _with_prec(fn: Callable[[], CheckResult]) -> CheckResult:
    with workprec(_PREC):
        return fn()


# =============================================================================================
# C1 -- the marginal constant.

def _c1_check(p: Profile, constant: Callable[[int], sp.Expr], label: str) -> CheckResult:
    cases = []
    for n in _dims(p):
        claimed = constant(n)
        ratio = _area_sym(n - 1) / _area_sym(n) if n >= 3 else sp.Integer(2) / (2 * sp.pi)
        cases.append(exact_equal(f"omega_(n-2)/omega_(n-1) = {label}, n={n}", ratio, claimed,
                                 method="SymPy: ratio of the areas 2 pi^(m/2)/Gamma(m/2)"))
        with workprec(_PREC):
            integral = _arb_expectation(_one, n, surface=True)
            cases.append(ball_equal(f"1/int (1-t^2)^((n-3)/2) dt = {label}, n={n}",
                                    1 / integral, arb_of(claimed, _PREC),
                                    method="acb.integral of cos^(n-2) u on [-pi/2, pi/2]",
                                    digits=p.digits))
    return all_of(f"C1 for n in {_dims(p)}", "exact area ratio and certified Beta integral",
                  cases)


@claim("C1", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\frac{\omega_{n-2}}{\omega_{n-1}}=\frac{\Gamma(n/2)}{\sqrt\pi\,"
                 r"\Gamma(\frac{n-1}2)}=\Big(\int_{-1}^1(1-t^2)^{\frac{n-3}2}dt\Big)^{-1}",
       source="derived", methods=("exact: SymPy, ratio of sphere areas",
                                  "certified: Arb integral of cos^(n-2) u"))
def c1(p: Profile) -> CheckResult:
    return _c1_check(p, _cd_sym, "Gamma(n/2)/(sqrt(pi) Gamma((n-1)/2))")


@c1.planted("Gamma((n+1)/2) for Gamma((n-1)/2)",
            r"\frac{\omega_{n-2}}{\omega_{n-1}}=\frac{\Gamma(n/2)}{\sqrt\pi\,\Gamma(\frac{n+1}2)}")
def c1_wrong_shift(p: Profile) -> CheckResult:
    return _c1_check(p, lambda n: sp.gamma(sp.Rational(n, 2)) / (
        sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n + 1, 2))), "Gamma(n/2)/(sqrt(pi) Gamma((n+1)/2))")


# =============================================================================================
# C2 -- moments of one coordinate.

def _gaussian_norm_moment(n: int, m: int) -> int:
    """``E |g|^{2m} = E (g_1^2 + ... + g_n^2)^m`` by the multinomial expansion over the
    partitions of m (independent of the closed form prod (n + 2i))."""
    from sympy.utilities.iterables import partitions

    total = 0
    for part in partitions(m):
        parts = [size for size, mult in part.items() for _ in range(mult)]
        if len(parts) > n:
            continue
        multinomial = math.factorial(m)
        for s in parts:
            multinomial //= math.factorial(s)
        ways = math.perm(n, len(parts))
        for mult in part.values():
            ways //= math.factorial(mult)
        gauss = math.prod(math.prod(range(2 * s - 1, 0, -2)) for s in parts)
        total += ways * multinomial * gauss
    return total


def _c2_check(p: Profile, fourth: Callable[[int], Fraction]) -> CheckResult:
    cases = []
    m_max = 4 if p.name == "quick" else 6
    for n in _dims(p):
        half = sp.Rational(n, 2)
        for m in range(1, m_max + 1):
            beta = sp.gamma(half) * sp.gamma(m + sp.Rational(1, 2)) / (
                sp.sqrt(sp.pi) * sp.gamma(m + half))
            gauss = sp.Rational(math.prod(range(2 * m - 1, 0, -2)), _gaussian_norm_moment(n, m))
            cases.append(exact_equal(f"E x_1^{2 * m} (Beta integral) = E g_1^{2 * m}/E|g|^{2 * m}"
                                     f", n={n}", beta, gauss,
                                     method="SymPy Beta integral vs Gaussian factorization"))
        cases.append(rational_equal(f"E x_1^2 = 1/n, n={n}", _moment(n, 2), fmpq(1, n),
                                    method="Gaussian factorization"))
        cases.append(rational_equal(f"E x_1^4 = claimed, n={n}",
                                    fmpq(3, _gaussian_norm_moment(n, 2)), _q(fourth(n)),
                                    method="Gaussian factorization E g^4 = E|g|^4 E x_1^4"))
    return all_of(f"C2 for n in {_dims(p)}, moments up to 2m = {2 * m_max}",
                  "exact: Beta integral and Gaussian factorization", cases)


@claim("C2", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"x\sim\mathrm{Unif}(S^{n-1})\Rightarrow x_1\sim\frac{\Gamma(n/2)}{\sqrt\pi\,"
                 r"\Gamma(\frac{n-1}2)}(1-t^2)^{\frac{n-3}2},\ \mathbb E x_1^2=\frac1n,\ "
                 r"\mathbb E x_1^4=\frac{3}{n(n+2)}",
       source="derived", methods=("exact: Beta integrals of the density (SymPy)",
                                  "exact: Gaussian factorization g = |g| x, multinomial E|g|^2m"))
def c2(p: Profile) -> CheckResult:
    return _c2_check(p, lambda n: Fraction(3, n * (n + 2)))


@c2.planted("E x_1^4 = 3/n^2 (coordinates treated as independent Gaussians)",
            r"\mathbb E x_1^4=\frac{3}{n^2}")
def c2_wrong_fourth(p: Profile) -> CheckResult:
    return _c2_check(p, lambda n: Fraction(3, n * n))


# =============================================================================================
# C3 -- dimension of the harmonics.

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


def _c3_check(p: Profile, formula: Callable[[int, int], int], label: str) -> CheckResult:
    cases = []
    for n in _dims(p):
        for k in range(p.k_max + 1):
            value = formula(n, k)
            alt = (2 * k + n - 2) * math.comb(k + n - 3, k - 1) // k if k >= 1 and n + k >= 3 \
                else harmonic_dimension(n, k)
            cases.append(rational_equal(f"N({n},{k}): {label} = (2k+n-2)/k C(k+n-3,k-1)", value,
                                        alt, method="integer arithmetic"))
            if n == 3:
                cases.append(rational_equal(f"N(3,{k}) = 2k+1", value, 2 * k + 1,
                                            method="integer arithmetic"))
    small = [(n, k) for n in range(2, 6) for k in range(0, 7 if p.name == "quick" else 9)]
    for n, k in small:
        hom = math.comb(n + k - 1, k)
        kernel = hom - (_laplacian_matrix(n, k).rank() if k >= 2 else 0)
        cases.append(rational_equal(f"dim ker(Laplacian on Hom_{k}(R^{n})) = {label}",
                                    kernel, formula(n, k), method="fmpz_mat rank"))
    return all_of(f"C3 for n in {_dims(p)}, k <= {p.k_max}; kernel ranks n <= 5, "
                  f"k <= {small[-1][1]}", "integer identities and exact ranks", cases)


@claim("C3", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"N(n,k)=\dim\mathcal H_k^n=\binom{n+k-1}{k}-\binom{n+k-3}{k-2}="
                 r"\frac{2k+n-2}{k}\binom{k+n-3}{k-1}=\dim\ker(\Delta|_{\mathrm{Hom}_k}),"
                 r"\quad N(3,k)=2k+1",
       source="derived", methods=("exact: integer identities between the closed forms",
                                  "exact: rank of the Laplacian Hom_k -> Hom_(k-2) (fmpz_mat)"))
def c3(p: Profile) -> CheckResult:
    return _c3_check(p, lambda n, k: math.comb(n + k - 1, k) - (
        math.comb(n + k - 3, k - 2) if k >= 2 else 0), "C(n+k-1,k) - C(n+k-3,k-2)")


@c3.planted("C(n+k-1,k) - C(n+k-2,k-1) (off by one)",
            r"N(n,k)=\binom{n+k-1}{k}-\binom{n+k-2}{k-1}")
def c3_off_by_one(p: Profile) -> CheckResult:
    return _c3_check(p, lambda n, k: math.comb(n + k - 1, k) - (
        math.comb(n + k - 2, k - 1) if k >= 1 else 0), "C(n+k-1,k) - C(n+k-2,k-1)")


# =============================================================================================
# C4 -- orthogonality of P_{k,n}.

def _c4_check(p: Profile, poly: Callable[[int, int], fmpq_poly], label: str) -> CheckResult:
    cases = []
    k_exact = min(p.k_max, 24 if p.name == "quick" else 40)
    k_cert = 6 if p.name == "quick" else 10
    for n in _dims(p):
        polys = [poly(k, n) for k in range(k_exact + 1)]
        bad = []
        for j in range(k_exact + 1):
            for k in range(j, k_exact + 1):
                value = _expect(polys[j] * polys[k], n)
                want = fmpq(1, harmonic_dimension(n, k)) if j == k else fmpq(0)
                if value != want:
                    bad.append((j, k, value, want))
        if bad:
            j, k, value, want = bad[0]
            cases.append(rational_equal(f"E[P_{j} P_{k}] = [j=k]/N(n,k), n={n} ({label})",
                                        value, want, method="exact moments E t^m",
                                        evidence={"failing_pairs": len(bad)}))
        else:
            cases.append(CheckResult(Verdict.VERIFIED, Strength.EXACT,
                                     f"E[P_j P_k] = [j=k]/N(n,k) for j, k <= {k_exact}, n={n}",
                                     "exact moments E t^m (fmpq)", {"pairs": (k_exact + 1) *
                                                                    (k_exact + 2) // 2}))
        with workprec(_PREC):
            for j in range(k_cert + 1):
                for k in range(j, k_cert + 1, 2):
                    f = _poly_acb(polys[j] * polys[k])
                    want_b = arb(1) / harmonic_dimension(n, k) if j == k else arb(0)
                    cases.append(ball_equal(f"E[P_{j} P_{k}] = [j=k]/N, n={n} ({label})",
                                            _arb_expectation(f, n), want_b,
                                            method="acb.integral in u = asin t",
                                            digits=p.digits))
    return all_of(f"C4 for n in {_dims(p)}: exact j,k <= {k_exact}, certified j,k <= {k_cert}",
                  "exact moments and certified integrals", cases)


@claim("C4", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\mathbb E_x[P_{j,n}(x_1)P_{k,n}(x_1)]=\frac{\delta_{jk}}{N(n,k)}",
       source="derived", methods=("exact: rational moments E t^m of the marginal",
                                  "certified: Arb integral in u = asin t"))
def c4(p: Profile) -> CheckResult:
    return _c4_check(p, _P, "lambda=(n-2)/2")


@c4.planted("Gegenbauer index lambda = (n-1)/2 (the polynomials of S^n under the weight of "
            "S^(n-1))", r"\mathbb E_x[P_{j,n+1}(x_1)P_{k,n+1}(x_1)]=\frac{\delta_{jk}}{N(n+1,k)}")
def c4_wrong_lambda(p: Profile) -> CheckResult:
    return _c4_check(p, lambda k, n: _P(k, n + 1), "lambda=(n-1)/2")


# =============================================================================================
# C5 -- Rodrigues, explicit sum, recurrence.

def _explicit_sum(k: int, n: int, four: int = 4) -> fmpq_poly:
    """``k! Gamma((n-1)/2) sum_j (-1)^j (1-t^2)^j t^{k-2j} / (4^j j! (k-2j)! Gamma(j+(n-1)/2))``,
    with ``Gamma((n-1)/2)/Gamma(j+(n-1)/2) = 1/prod_{i<j} ((n-1)/2 + i)``."""
    t = fmpq_poly([0, 1])
    one_minus = fmpq_poly([1, 0, -1])
    out = fmpq_poly([0])
    for j in range(k // 2 + 1):
        poch = fmpq(1)
        for i in range(j):
            poch *= fmpq(n - 1 + 2 * i, 2)
        coef = fmpq(math.factorial(k) * (-1) ** j, four**j * math.factorial(j)
                    * math.factorial(k - 2 * j)) / poch
        out += coef * one_minus**j * t ** (k - 2 * j)
    return out


def _rodrigues(k: int, n: int) -> fmpq_poly:
    """``(-1)^k R_{k,n} (1-t^2)^{(3-n)/2} (d/dt)^k (1-t^2)^{k+(n-3)/2}``, differentiating
    ``(1-t^2)^b q(t)`` as ``(1-t^2)^{b-1} [(1-t^2) q' - 2 b t q]`` (exact, any n)."""
    b = fmpq(2 * k + n - 3, 2)
    q = fmpq_poly([1])
    one_minus, t = fmpq_poly([1, 0, -1]), fmpq_poly([0, 1])
    for _ in range(k):
        q = one_minus * q.derivative() - 2 * b * t * q
        b -= 1
    r = fmpq(1, 2**k)
    for i in range(k):
        r /= fmpq(n - 1 + 2 * i, 2)
    return (-1) ** k * r * q


def _c5_check(p: Profile, explicit: Callable[[int, int], fmpq_poly], label: str) -> CheckResult:
    cases = []
    k_max = min(p.k_max, 20 if p.name == "quick" else 40)
    s = sp.Symbol("s")
    for n in _dims(p):
        bad: list[str] = []
        for k in range(k_max + 1):
            rec = _P(k, n)
            for name, other in (("explicit sum", explicit(k, n)), ("Rodrigues", _rodrigues(k, n))):
                if other != rec:
                    bad.append(f"k={k}: {name} {other} != recurrence {rec}")
            if k <= 8:
                lib = (sp.chebyshevt(k, s) if n == 2 else
                       sp.gegenbauer(k, sp.Rational(n - 2, 2), s)
                       / sp.gegenbauer(k, sp.Rational(n - 2, 2), 1))
                coeffs = sp.Poly(sp.expand(lib), s).all_coeffs()[::-1]
                if fmpq_poly([_q(Fraction(int(c.p), int(c.q))) for c in coeffs]) != explicit(k, n):
                    bad.append(f"k={k}: SymPy C_k^lambda/C_k^lambda(1) != {label}")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"{label}, Rodrigues and recurrence agree for k <= {k_max}, "
                                 f"n={n}", "fmpq polynomials; SymPy gegenbauer for k <= 8",
                                 {"first_disagreement": bad[0]} if bad else {}))
    return all_of(f"C5 for n in {_dims(p)}, k <= {k_max}",
                  "exact polynomial identities", cases)


@claim("C5", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"P_{k,n}(t)=k!\,\Gamma(\tfrac{n-1}2)\sum_{j}\frac{(-1)^j(1-t^2)^jt^{k-2j}}"
                 r"{4^jj!(k-2j)!\Gamma(j+\frac{n-1}2)}=(-1)^k\frac{\Gamma(\frac{n-1}2)}{2^k"
                 r"\Gamma(k+\frac{n-1}2)}(1-t^2)^{\frac{3-n}2}\frac{d^k}{dt^k}(1-t^2)^{k+"
                 r"\frac{n-3}2},\ P_{k+1,n}=\frac{(2k+n-2)tP_{k,n}-kP_{k-1,n}}{k+n-2}",
       source="derived", methods=("exact: three fmpq constructions (sum, Rodrigues by the "
                                  "product rule, recurrence)",
                                  "exact: SymPy gegenbauer/chebyshevt normalized, k <= 8"))
def c5(p: Profile) -> CheckResult:
    return _c5_check(p, _explicit_sum, "explicit sum")


@c5.planted("2^j for 4^j in the explicit sum",
            r"P_{k,n}(t)=k!\,\Gamma(\tfrac{n-1}2)\sum_{j}\frac{(-1)^j(1-t^2)^jt^{k-2j}}"
            r"{2^jj!(k-2j)!\Gamma(j+\frac{n-1}2)}")
def c5_wrong_power(p: Profile) -> CheckResult:
    return _c5_check(p, lambda k, n: _explicit_sum(k, n, four=2), "explicit sum with 2^j")


# =============================================================================================
# C6 -- the addition theorem.

def _rational_sphere_point(n: int, rng: random.Random) -> list[fmpq]:
    """A rational point of S^{n-1}: inverse stereographic projection of an integer vector."""
    v = [rng.randint(-9, 9) for _ in range(n - 1)]
    s = sum(x * x for x in v)
    return [fmpq(2 * x, s + 1) for x in v] + [fmpq(s - 1, s + 1)]


def _harmonic_basis(n: int, k: int) -> tuple[list[tuple[int, ...]], list[list[fmpq]]]:
    """Monomials of Hom_k(R^n) and a basis of ker(Laplacian) as coefficient columns."""
    mons = _monomials(n, k)
    if k < 2:
        return mons, [[fmpq(int(i == j)) for i in range(len(mons))] for j in range(len(mons))]
    null, nullity = _laplacian_matrix(n, k).nullspace()
    cols = [[fmpq(int(null[i, j])) for i in range(len(mons))] for j in range(nullity)]
    return mons, cols


def _addition_polynomial_identity(n: int, k: int, scale: fmpq) -> CheckResult:
    """Method 1: ``sum_ab Y_a(x) (G^-1)_ab Y_b(y)`` vs ``scale * N * |x|^k |y|^k P_k(<x,y>/
    (|x||y|))`` as bihomogeneous polynomials (equal on S x S iff equal as polynomials)."""
    mons, cols = _harmonic_basis(n, k)
    size, dim = len(mons), len(cols)
    moment = [[_monomial_moment(n, tuple(sorted(a + b for a, b in zip(mons[i], mons[j],
                                                                       strict=True) if a + b)))
               for j in range(size)] for i in range(size)]
    B = fmpq_mat(size, dim, [cols[j][i] for i in range(size) for j in range(dim)])
    M = fmpq_mat(size, size, [moment[i][j] for i in range(size) for j in range(size)])
    G = B.transpose() * M * B
    C = B * G.inv() * B.transpose()
    ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)) + tuple(f"y{i}" for i in range(n)),
                             "lex")
    gens = ctx.gens()
    xs, ys = gens[:n], gens[n:]
    lhs_terms: dict[tuple[int, ...], fmpq] = {}
    for i in range(size):
        for j in range(size):
            if C[i, j] != 0:
                lhs_terms[mons[i] + mons[j]] = C[i, j]
    lhs = ctx.from_dict(lhs_terms)
    dot = sum((a * b for a, b in zip(xs, ys, strict=True)), ctx.from_dict({}))
    norms = sum((a * a for a in xs), ctx.from_dict({})) * sum((b * b for b in ys),
                                                              ctx.from_dict({}))
    rhs = ctx.from_dict({})
    for j, c in enumerate(_coeffs(_P(k, n))):
        if c != 0:
            rhs += c * dot**j * norms ** ((k - j) // 2)
    rhs = rhs * (scale * harmonic_dimension(n, k))
    same = lhs == rhs
    return CheckResult(Verdict.VERIFIED if same else Verdict.REFUTED, Strength.EXACT,
                       f"sum_j Y_j(x) Y_j(y) = {scale} N P_k(x.y) as bihomogeneous polynomials, "
                       f"(n,k)=({n},{k})",
                       "harmonic basis = ker(Laplacian), exact Gram from sphere moments",
                       {"dim_H_k": dim, "N(n,k)": harmonic_dimension(n, k),
                        "terms_lhs": len(lhs_terms)})


def _addition_zonal_points(n: int, k: int, scale: sp.Expr, seed: int = 19) -> CheckResult:
    """Method 2: the kernel of the zonal basis ``P_k(<u_i, x>)`` (random rational u_i), with
    its Gram matrix from sphere moments, at rational points x, y."""
    rng = random.Random(seed)
    dim = harmonic_dimension(n, k)
    ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
    xs = ctx.gens()
    pk = _coeffs(_P(k, n))

    def zonal(u: list[fmpq]) -> fmpq_mpoly:
        lin = sum((c * x for c, x in zip(u, xs, strict=True)), ctx.from_dict({}))
        out = ctx.from_dict({})
        for c in reversed(pk):
            out = out * lin + c
        return out

    # Greedy: keep a random direction only if it enlarges the span (the Gram rank grows).
    us: list[list[fmpq]] = []
    zs: list[fmpq_mpoly] = []
    gram: dict[tuple[int, int], fmpq] = {}
    for _ in range(20 * dim):
        if len(us) == dim:
            break
        u = _rational_sphere_point(n, rng)
        z = zonal(u)
        m = len(us)
        for i in range(m):
            gram[i, m] = gram[m, i] = _sphere_expect(zs[i] * z, n)
        gram[m, m] = _sphere_expect(z * z, n)
        G = fmpq_mat(m + 1, m + 1, [gram[i, j] for i in range(m + 1) for j in range(m + 1)])
        if G.rank() == m + 1:
            us.append(u)
            zs.append(z)
    if len(us) < dim:
        raise ValueError(f"seed={seed}: no {dim} independent zonal harmonics found")
    Ginv = fmpq_mat(dim, dim, [gram[i, j] for i in range(dim) for j in range(dim)]).inv()
    cases = []
    for _ in range(3):
        x, y = _rational_sphere_point(n, rng), _rational_sphere_point(n, rng)

        def at(u: list[fmpq], z: list[fmpq]) -> fmpq:
            s = sum((a * b for a, b in zip(u, z, strict=True)), fmpq(0))
            return sum((c * s**i for i, c in enumerate(pk)), fmpq(0))

        zx = fmpq_mat(dim, 1, [at(u, x) for u in us])
        zy = fmpq_mat(dim, 1, [at(u, y) for u in us])
        lhs = (zx.transpose() * Ginv * zy)[0, 0]
        rhs = scale * dim * _sym(at(x, y))
        cases.append(exact_equal(f"K(x,y) = {scale} N P_k(x.y) at x.y = {at(x, y)}, "
                                 f"(n,k)=({n},{k})", _sym(lhs), rhs,
                                 method="zonal basis P_k(<u_i,x>), exact Gram"))
    return all_of(f"zonal-basis kernel at 3 rational point pairs, (n,k)=({n},{k})",
                  "exact", cases)


def _c6_pairs(p: Profile) -> list[tuple[int, int]]:
    pairs = [(3, 2), (4, 3), (5, 2), (5, 3)]
    return pairs + ([(3, 4), (4, 4), (6, 3)] if p.name != "quick" else [])


@claim("C6", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\sum_{j=1}^{N(n,k)}Y_{k,j}(x)Y_{k,j}(y)=N(n,k)\,P_{k,n}(x\cdot y)\ \text{for "
                 r"any }L^2(\text{probability})\text{-orthonormal basis of }\mathcal H_k^n",
       source="derived", methods=("exact: bihomogeneous polynomial identity with a basis of "
                                  "ker(Laplacian) and its exact Gram matrix",
                                  "exact: zonal basis P_k(<u_i,x>) at rational sphere points"))
def c6(p: Profile) -> CheckResult:
    cases = []
    for n, k in _c6_pairs(p):
        cases.append(_addition_polynomial_identity(n, k, fmpq(1)))
        cases.append(_addition_zonal_points(n, k, sp.Integer(1)))
    return all_of(f"C6 for (n,k) in {_c6_pairs(p)}", "exact, two bases", cases)


@c6.planted("surface-measure constant N/omega_(n-1) in the probability-measure statement",
            r"\sum_jY_{k,j}(x)Y_{k,j}(y)=\frac{N(n,k)}{\omega_{n-1}}P_{k,n}(x\cdot y)")
def c6_surface(p: Profile) -> CheckResult:
    cases = [_addition_zonal_points(n, k, 1 / _area_sym(n)) for n, k in _c6_pairs(p)]
    return all_of(f"C6 with N/omega for (n,k) in {_c6_pairs(p)}", "exact", cases)


@c6.planted("N(n,k+1) for N(n,k)",
            r"\sum_jY_{k,j}(x)Y_{k,j}(y)=N(n,k+1)P_{k,n}(x\cdot y)")
def c6_off_by_one(p: Profile) -> CheckResult:
    cases = [_addition_polynomial_identity(n, k, fmpq(harmonic_dimension(n, k + 1),
                                                      harmonic_dimension(n, k)))
             for n, k in _c6_pairs(p)]
    return all_of(f"C6 with N(n,k+1) for (n,k) in {_c6_pairs(p)}", "exact", cases)


# =============================================================================================
# C6b -- the classical addition theorem on S^2.

_THETA, _PHI = sp.symbols("theta phi", real=True)
# Points of S^2 with rational cos/sin of both angles (Pythagorean triples).
_S2_POINTS = (((3, 5), (4, 5), (5, 13), (12, 13)), ((-8, 17), (15, 17), (-7, 25), (24, 25)),
              ((20, 29), (21, 29), (-3, 5), (-4, 5)))


@cache
def _ynm(l_deg: int, m: int) -> sp.Expr:
    return sp.expand(sp.Ynm(l_deg, m, _THETA, _PHI).expand(func=True))


def _ynm_at(l_deg: int, m: int, point: tuple[tuple[int, int], ...]) -> sp.Expr:
    (c, cd), (s, sd), (cp, cpd), (sp_, spd) = point
    z = sp.Rational(cp, cpd) + sp.I * sp.Rational(sp_, spd)
    e = _ynm(l_deg, m).subs(sp.exp(sp.I * _PHI), z)
    return sp.expand(e.subs({sp.cos(_THETA): sp.Rational(c, cd),
                             sp.sin(_THETA): sp.Rational(s, sd)}))


def _s2_dot(p1: tuple[tuple[int, int], ...], p2: tuple[tuple[int, int], ...]) -> sp.Rational:
    def xyz(pt: tuple[tuple[int, int], ...]) -> tuple[sp.Rational, ...]:
        c, s, cp, sp_ = (sp.Rational(a, b) for a, b in pt)
        return (s * cp, s * sp_, c)
    return sum((a * b for a, b in zip(xyz(p1), xyz(p2), strict=True)), sp.Integer(0))


def _c6b_check(p: Profile, const: Callable[[int], sp.Expr], label: str) -> CheckResult:
    cases = []
    l_max = 5 if p.name == "quick" else 9
    pairs = [(_S2_POINTS[0], _S2_POINTS[1]), (_S2_POINTS[1], _S2_POINTS[2]),
             (_S2_POINTS[2], _S2_POINTS[2])]
    for l_deg in range(l_max + 1):
        for p1, p2 in pairs:
            dot = _s2_dot(p1, p2)
            rhs = const(l_deg) * sp.legendre(l_deg, dot)
            lhs = sp.expand(sum((_ynm_at(l_deg, m, p1) * sp.conjugate(_ynm_at(l_deg, m, p2))
                                 for m in range(-l_deg, l_deg + 1)), sp.Integer(0)))
            cases.append(exact_equal(f"sum_m Y_{l_deg}^m(x) conj Y_{l_deg}^m(y) = {label} "
                                     f"P_{l_deg}({dot})", lhs, rhs,
                                     method="SymPy Ynm at points with rational angles' cos/sin"))
            with workprec(_PREC):
                def angles(pt: tuple[tuple[int, int], ...]) -> tuple[arb, arb]:
                    (c, cd), _, (cp, cpd), (sp_, spd) = pt
                    return arb(fmpq(c, cd)).acos(), arb.atan2(arb(fmpq(sp_, spd)),
                                                              arb(fmpq(cp, cpd)))
                t1, f1 = angles(p1)
                t2, f2 = angles(p2)
                total = acb(0)
                for m in range(-l_deg, l_deg + 1):
                    total += acb.spherical_y(l_deg, m, t1, f1) * \
                        acb.spherical_y(l_deg, m, t2, f2).conjugate()
                cases.append(ball_equal(f"Arb: sum_m Y Ybar = {label} P_{l_deg}({dot})",
                                        total.real, arb_of(rhs, _PREC),
                                        method="acb.spherical_y", digits=p.digits))
                cases.append(ball_less_equal(f"Arb: imaginary part of sum_m Y Ybar is ~0, "
                                             f"l={l_deg}", abs(total.imag),
                                             arb(10) ** (-p.digits), method="acb.spherical_y"))
    return all_of(f"C6b for l <= {l_max} at 3 point pairs", "exact SymPy and certified Arb",
                  cases)


@claim("C6b", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\sum_{m=-l}^{l}Y_l^m(x)\overline{Y_l^m(y)}=\frac{2l+1}{4\pi}P_l(x\cdot y)"
                 r"\quad(x,y\in S^2,\ \text{surface-orthonormal }Y_l^m)",
       source="derived", methods=("exact: SymPy Ynm at points with rational cos/sin",
                                  "certified: acb.spherical_y"))
def c6b(p: Profile) -> CheckResult:
    return _c6b_check(p, lambda l_deg: sp.Integer(2 * l_deg + 1) / (4 * sp.pi), "(2l+1)/(4 pi)")


@c6b.planted("(2l+1)/(2 pi) (hemisphere area)",
             r"\sum_mY_l^m(x)\overline{Y_l^m(y)}=\frac{2l+1}{2\pi}P_l(x\cdot y)")
def c6b_wrong_area(p: Profile) -> CheckResult:
    return _c6b_check(p, lambda l_deg: sp.Integer(2 * l_deg + 1) / (2 * sp.pi), "(2l+1)/(2 pi)")


# =============================================================================================
# C7 -- Funk-Hecke; C7b -- the surface eigenvalue.

def _product_formula(n: int, k: int, s_dim: int | None = None) -> CheckResult:
    """``E_s P_k(a t + sqrt((1-a^2)(1-t^2)) s) = P_k(a) P_k(t)`` as polynomials in (a, t)."""
    lhs = _lift(_P(k, n), n, s_dim=s_dim)
    rhs = _bi(_P(k, n), _A) * _bi(_P(k, n), _T)
    same = lhs == rhs
    return CheckResult(Verdict.VERIFIED if same else Verdict.REFUTED, Strength.EXACT,
                       f"E_x[P_k(<z,x>) | <w,x> = t] = P_k(<w,z>) P_k(t), n={n}, k={k}",
                       "exact two-dimensional reduction (bivariate fmpq polynomials)",
                       {} if same else {"difference": str(lhs - rhs)[:300]})


_C7_ACTS = ("relu", "tanh", "exp", "sigmoid")
_C7_DIMS = (3, 8)


def _funk_hecke_activation(name: str, n: int, k: int, a: fmpq, factor: arb,
                           digits: int) -> CheckResult:
    """``E_x[sigma(<w,x>) P_k(<z,x>)]`` by the reduction (certified integral of sigma(t) Q_a(t))
    against ``factor * c_k P_k(a)`` with c_k from the package's sphere tier."""
    q = _lift(_P(k, n), n)
    qa = fmpq_poly([fmpq(0)] * 1)
    for (i, j), c in q.terms():
        qa += c * a**i * fmpq_poly([0] * j + [1])
    pf = _poly_acb(qa)
    with workprec(_PREC):
        if name == "relu":
            lhs = _arb_expectation(_product(_identity, pf), n, right_half=True)
        else:
            act = _act_acb(name)
            lhs = _arb_expectation(_product(act, pf), n)
        rhs = factor * _core_coefficient(name, k, n, digits) * arb(_P(k, n)(a))
        return ball_equal(f"E[{name}(<w,x>) P_k(<z,x>)] = c_k P_k({a}), n={n}, k={k}", lhs, rhs,
                          method="certified integral of the reduced integrand vs sphere tier",
                          digits=digits)


def _c7_activation_cases(p: Profile, surface: bool) -> list[CheckResult]:
    cases = []
    for n in _C7_DIMS:
        factor = _area_ball(n) if surface else arb(1)
        for k in (1, 2, 3):
            for a in (fmpq(-3, 4), fmpq(1, 3)):
                for name in _C7_ACTS:
                    with workprec(_PREC):
                        cases.append(_funk_hecke_activation(name, n, k, a, factor, p.digits))
    return cases


@claim("C7", paper=PAPER, where=_WHERE + " (note §2.1, standard)",
       statement=r"\mathbb E_x[\sigma(\langle w,x\rangle)P_{k,n}(\langle z,x\rangle)]=c_k\,"
                 r"P_{k,n}(\langle w,z\rangle),\quad c_k=\mathbb E[\sigma(x_1)P_{k,n}(x_1)]",
       source="derived", methods=("exact: the Gegenbauer product formula behind it, as a "
                                  "bivariate polynomial identity (any sigma)",
                                  "certified: relu/tanh/exp/logistic, reduced integral vs the "
                                  "package's coefficient"))
def c7(p: Profile) -> CheckResult:
    cases = [_product_formula(n, k) for n in _dims(p) for k in range(min(p.k_max, 20) + 1)]
    cases += _c7_activation_cases(p, surface=False)
    return all_of(f"C7: product formula for n in {_dims(p)}, k <= {min(p.k_max, 20)}; "
                  f"relu/tanh/exp/logistic for n in {_C7_DIMS}, k in (1,2,3), <w,z> in (-3/4, 1/3)",
                  "exact identity and certified integrals", cases)


@c7.planted("conditional law of <z,x> taken on S^(n-1) instead of S^(n-2)",
            r"\mathbb E_{s\sim p_n}P_{k,n}(at+\sqrt{1-a^2}\sqrt{1-t^2}s)=P_{k,n}(a)P_{k,n}(t)")
def c7_wrong_law(p: Profile) -> CheckResult:
    cases = [_product_formula(n, k, s_dim=n) for n in _dims(p, lo=3)
             for k in range(2, min(p.k_max, 20) + 1)]
    return all_of("product formula with s ~ p_n", "exact", cases)


@c7.planted("surface eigenvalue omega_(n-1) c_k on the probability-measure side",
            r"\mathbb E_x[\sigma(\langle w,x\rangle)P_{k,n}(\langle z,x\rangle)]="
            r"\omega_{n-1}c_kP_{k,n}(\langle w,z\rangle)")
def c7_surface(p: Profile) -> CheckResult:
    return all_of("Funk-Hecke with the surface eigenvalue", "certified",
                  _c7_activation_cases(p, surface=True))


@cache
def _core_surface(name: str, k: int, n: int, digits: int) -> arb:
    return funk_hecke(_activation(name), k, d=n, digits=digits,
                      normalization="surface").ball


def _c7b_check(p: Profile, area_shift: int) -> CheckResult:
    cases = []
    dims = [n for n in _dims(p, lo=3) if n <= (10 if p.name == "quick" else 100)]
    for n in dims:
        for k in range(4 if p.name == "quick" else 6):
            for name in ("relu", "tanh", "sigmoid", "exp"):
                with workprec(_PREC):
                    pf = _poly_acb(_P(k, n))
                    if name == "relu":
                        raw = _arb_expectation(_product(_identity, pf), n, right_half=True,
                                               surface=True)
                    else:
                        raw = _arb_expectation(_product(_act_acb(name), pf), n, surface=True)
                    lam = _area_ball(n - 1 + area_shift) * raw
                    cases.append(ball_equal(f"lambda_k = omega_(n-2) int sigma P_k w = "
                                            f"omega_(n-1) c_k, {name}, n={n}, k={k}", lam,
                                            _core_surface(name, k, n, p.digits),
                                            method="own Arb integral vs "
                                            "funk_hecke(normalization='surface')",
                                            digits=p.digits))
    return all_of(f"C7b for n in {dims}, k <= {3 if p.name == 'quick' else 5}, "
                  "relu/tanh/logistic/exp", "certified", cases)


@claim("C7b", paper=PAPER, where=_WHERE + " (note §2.1, standard)",
       statement=r"\lambda_k=\omega_{n-2}\int_{-1}^1\sigma(t)P_{k,n}(t)(1-t^2)^{\frac{n-3}2}dt="
                 r"\omega_{n-1}c_k",
       source="derived", methods=("certified: Arb integral of sigma P_k (1-t^2)^((n-3)/2) "
                                  "times |S^(n-2)|",
                                  "certified: the package's funk_hecke, surface normalization"))
def c7b(p: Profile) -> CheckResult:
    return _c7b_check(p, 0)


@c7b.planted("omega_(n-1) for omega_(n-2) in front of the integral",
             r"\lambda_k=\omega_{n-1}\int\sigma P_{k,n}(1-t^2)^{\frac{n-3}2}dt")
def c7b_wrong_area(p: Profile) -> CheckResult:
    return _c7b_check(p, 1)


# =============================================================================================
# C8 -- zonal correlation.

def _c8_check(p: Profile, scale: Callable[[int, int], fmpq], label: str) -> CheckResult:
    cases = []
    k_max = min(p.k_max, 10 if p.name == "quick" else 16)
    for n in _dims(p):
        bad = []
        lifts = [_lift(_P(k, n), n) for k in range(k_max + 1)]
        for j in range(k_max + 1):
            pj = _bi(_P(j, n), _T)
            for k in range(k_max + 1):
                value = _t_expect(pj * lifts[k], n)
                want = _P(k, n) * scale(n, k) if j == k else fmpq_poly([0])
                if value != want:
                    bad.append(f"j={j}, k={k}: {value} != {want}")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"E_x[P_j(<u,x>) P_k(<v,x>)] = [j=k] {label} P_k(a) as "
                                 f"polynomials in a = <u,v>, j,k <= {k_max}, n={n}",
                                 "exact two-dimensional reduction",
                                 {"first_failure": bad[0][:300]} if bad else {}))
    # Second method: u = e_1, v = a e_1 + b e_2 with a^2 + b^2 = 1 rational; bivariate moments.
    for n in _dims(p):
        if n > 100:
            continue
        for a, b in ((fmpq(3, 5), fmpq(4, 5)), (fmpq(-5, 13), fmpq(12, 13)), (fmpq(0), fmpq(1))):
            ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
            x1, x2 = ctx.gens()[0], ctx.gens()[1]
            for j in range(5):
                for k in range(j % 2, 5, 2):
                    mj = sum((c * x1**i for i, c in enumerate(_coeffs(_P(j, n)))),
                             ctx.from_dict({}))
                    lin = a * x1 + b * x2
                    mk = sum((c * lin**i for i, c in enumerate(_coeffs(_P(k, n)))),
                             ctx.from_dict({}))
                    moment = _sphere_expect(mj * mk, n)
                    target = _P(k, n)(a) * scale(n, k) if j == k else fmpq(0)
                    cases.append(rational_equal(f"E[P_{j}(x_1) P_{k}({a} x_1 + {b} x_2)] = "
                                                f"[j=k] {label} P_k({a}), n={n}", moment, target,
                                                method="exact bivariate sphere moments"))
    return all_of(f"C8 for n in {_dims(p)}", "exact, two reductions", cases)


@claim("C8", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\mathbb E_x[P_{j,n}(u\cdot x)P_{k,n}(v\cdot x)]=\delta_{jk}"
                 r"\frac{P_{k,n}(u\cdot v)}{N(n,k)}",
       source="derived", methods=("exact: conditional reduction, identity in a = u.v",
                                  "exact: bivariate monomial moments at rational (a, b)"))
def c8(p: Profile) -> CheckResult:
    return _c8_check(p, lambda n, k: fmpq(1, harmonic_dimension(n, k)), "1/N(n,k)")


@c8.planted("without the 1/N(n,k)",
            r"\mathbb E_x[P_{j,n}(u\cdot x)P_{k,n}(v\cdot x)]=\delta_{jk}P_{k,n}(u\cdot v)")
def c8_no_dimension(p: Profile) -> CheckResult:
    return _c8_check(p, lambda n, k: fmpq(1), "1")


# =============================================================================================
# C9 -- ReLU closed forms.

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


_C9_TABLE = {10: ("1.293e-1", "5.000e-2", "1.176e-2", "-9.045e-4", "1.809e-4", "-5.321e-5"),
             25: ("8.059e-2", "2.000e-2", "3.100e-3", "-1.107e-4", "1.107e-5", "-1.730e-6")}


def _half_unit(text: str) -> arb:
    mantissa, exp = text.split("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return arb(10) ** (int(exp) - decimals) / 2


def _c9_check(p: Profile, sign: int) -> CheckResult:
    cases = []
    label = "(-1)^(k/2-1)" if sign == 1 else "(-1)^(k/2)"
    for n in _dims(p):
        for k in range(p.k_max + 1):
            ours = _pair_sym(n, _relu_expect(_P(k, n), n))
            for i, closed in enumerate(_relu_closed(n, k, sign)):
                cases.append(exact_equal(f"c_{k}(relu) = closed form {i + 1} with {label}, n={n}",
                                         ours, closed, method="half-sphere Beta moments "
                                         "(no symmetry shortcut) vs SymPy Gamma values"))
        with workprec(_PREC):
            for k in range(11):
                own = _own_coefficient("relu", k, n)
                cases.append(ball_equal(f"Arb integral c_{k}(relu) = closed form, n={n}", own,
                                        arb_of(_relu_closed(n, k, sign)[-1], _PREC),
                                        method="acb.integral on t in [0, 1]", digits=p.digits))
    # The public referee (the path of `verify claim formula --basis gegenbauer`): the core's
    # exact sphere coefficients against the second closed form, a formula in k and d.
    k_sym, d_sym = SYMBOLS["k"], SYMBOLS["d"]
    formula = sign * (-1) ** (k_sym / 2 - 1) * sp.gamma(d_sym / 2) * sp.gamma((k_sym - 1) / 2) / (
        4 * sp.pi * sp.gamma((d_sym + k_sym + 1) / 2))
    for n in _dims(p):
        basis = referee.Basis("gegenbauer", n)
        cases.append(referee.check_formula_claim(_RELU_ACT, formula, range(2, p.k_max + 1, 2),
                                                 digits=p.digits, basis=basis))
        cases.append(referee.check_coefficient_claim(_RELU_ACT, 1, sp.Rational(1, 2 * n),
                                                     digits=p.digits, basis=basis))
    for k, want in ((0, fmpq(1, 4)), (1, fmpq(1, 6)), (2, fmpq(1, 16)), (4, fmpq(-1, 96))):
        closed = _relu_closed(3, k, sign)[-1]
        cases.append(exact_equal(f"n=3: c_{k} = {want} (note's check values)", closed,
                                 _sym(want), method="SymPy"))
    with workprec(_PREC):
        for n, row in _C9_TABLE.items():
            for k, text in zip((0, 1, 2, 4, 6, 8), row, strict=True):
                value = arb_of(_relu_closed(n, k, sign)[-1], _PREC)
                cases.append(ball_less_equal(f"n={n}: c_{k} = {text} to the printed digits",
                                             abs(value - arb(text)), _half_unit(text),
                                             method="closed form in Arb vs the note's table"))
    return all_of(f"C9 for n in {_dims(p)}, k <= {p.k_max} (certified k <= 10); note's values",
                  "exact moments, Arb integrals, reference values", cases)


@claim("C9", paper=PAPER, where=_WHERE + " (note §2.2)",
       statement=r"c_0=\frac{\Gamma(\frac n2)}{2\sqrt\pi\Gamma(\frac{n+1}2)},\ c_1=\frac1{2n},\ "
                 r"c_{2j+1}=0\ (j\ge1),\ c_k=(-1)^{\frac k2-1}\frac{(k-2)!\Gamma(\frac n2)}{2^k"
                 r"\sqrt\pi\Gamma(\frac k2)\Gamma(\frac{n+k+1}2)}=(-1)^{\frac k2-1}\frac{\Gamma("
                 r"\frac n2)\Gamma(\frac{k-1}2)}{4\pi\Gamma(\frac{n+k+1}2)}\ (k\ \mathrm{even})",
       source="derived", methods=("exact: half-sphere Beta moments of t P_k(t), no parity "
                                  "shortcut", "certified: Arb integral on [0, 1]",
                                  "exact: the core's sphere coefficients through "
                                  "verify.referee.check_formula_claim (Gegenbauer basis)"))
def c9(p: Profile) -> CheckResult:
    return _c9_check(p, 1)


@c9.planted("sign (-1)^(k/2) for (-1)^(k/2-1)",
            r"c_k=(-1)^{\frac k2}\frac{\Gamma(\frac n2)\Gamma(\frac{k-1}2)}{4\pi\Gamma("
            r"\frac{n+k+1}2)}")
def c9_sign(p: Profile) -> CheckResult:
    return _c9_check(p, -1)


# =============================================================================================
# C10 -- Parseval.

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


def _relu_tail_ratio_proof(n: int, K: int) -> bool:
    """True when ``T_{k+2}/T_k <= (k/(k+2))^2`` is proved for every real k >= K, where
    ``T_k = N(n,k) c_k^2`` (even k): by C9 and N's closed form the ratio is
    ``(k-1)^2 (k+n-1)(k+n-2)(2k+n+2) / ((n+k+1)^2 (k+2)(k+1)(2k+n-2))``, so the claim is that
    the polynomial D below is >= 0 on [K, oo): D(K) > 0 and no real root in [K, oo) (Sturm)."""
    k = sp.Symbol("k")
    D = sp.Poly(sp.expand(k**2 * (n + k + 1) ** 2 * (k + 2) * (k + 1) * (2 * k + n - 2)
                          - (k - 1) ** 2 * (k + n - 1) * (k + n - 2) * (2 * k + n + 2)
                          * (k + 2) ** 2), k)
    return bool(D.eval(K) > 0) and D.count_roots(K, None) == 0


def _relu_parseval_series(n: int, K: int) -> tuple[arb, arb]:
    """``(sum_{k<=K} N c_k^2, tail bound)``: for even K with the ratio proof, the terms beyond K
    are at most ``T_K (K/(K+2m))^2``, whose sum is at most ``T_K K/2``."""
    if K % 2 or not _relu_tail_ratio_proof(n, K):
        raise ValueError(f"K={K} must be even with the tail-ratio inequality proved for n={n}")
    partial = sum((_relu_term_ball(n, k) for k in range(K + 1)), arb(0))
    return partial, _relu_term_ball(n, K) * K / 2


def _c10_check(p: Profile, claimed: Callable[[int], fmpq], label: str) -> CheckResult:
    cases = []
    K = 10 * p.k_max
    for n in _dims(p):
        lhs = _moment(n, 2) / 2  # E relu(t)^2 = E[t^2; t > 0] = E t^2 / 2 (even marginal)
        cases.append(rational_equal(f"E relu(x_1)^2 = {label}, n={n}", lhs, claimed(n),
                                    method="exact: E t^2/2"))
        with workprec(_PREC):
            partial, tail = _relu_parseval_series(n, K)
            series = partial + tail / 2 + arb(0, (tail / 2).upper())  # [partial, partial+tail]
            cases.append(ball_equal(f"sum_k N(n,k) c_k^2 = {label}, n={n}", series,
                                    arb(claimed(n)), method=f"partial sum k <= {K} plus a proved "
                                    "tail bound (ratio inequality by Sturm)",
                                    tol=tail * 1.01 + arb(10) ** (-p.digits), digits=p.digits,
                                    evidence={"tail_bound": report_ball(tail, 3)[0]}))
    sigma = fmpq_poly([fmpq(1, 2), 1, fmpq(-1, 3), 1])
    for n in _dims(p):
        parts = sum((harmonic_dimension(n, k) * _expect(sigma * _P(k, n), n) ** 2
                     for k in range(4)), fmpq(0))
        cases.append(rational_equal(f"polynomial gate 1/2 + t - t^2/3 + t^3: E sigma^2 = "
                                    f"sum_k N c_k^2, n={n}", _expect(sigma * sigma, n), parts,
                                    method="exact moments (finite expansion)"))
    return all_of(f"C10 for n in {_dims(p)}", "exact and certified with a proved tail", cases)


@claim("C10", paper=PAPER, where=_WHERE + " (note §2.1-2.2)",
       statement=r"\mathbb E\,\sigma(x_1)^2=\sum_{k\ge0}c_k^2N(n,k);\quad\mathrm{ReLU:}\ "
                 r"\sum_kc_k^2N(n,k)=\frac1{2n}",
       source="derived", methods=("exact: E relu^2 = E t^2/2 = 1/(2n); polynomial gate exactly",
                                  "certified: partial sum to k = 10 k_max plus a proved tail"))
def c10(p: Profile) -> CheckResult:
    return _c10_check(p, lambda n: fmpq(1, 2 * n), "1/(2n)")


@c10.planted("1/n (the full second moment E t^2)", r"\sum_kc_k^2N(n,k)=\frac1n")
def c10_wrong(p: Profile) -> CheckResult:
    return _c10_check(p, lambda n: fmpq(1, n), "1/n")


# =============================================================================================
# C11 -- the zero-bias logistic gate.

def _odd_shift_certificate(expr: sp.Expr, center: sp.Expr) -> bool:
    """``expr(x) - center`` is odd, proved by SymPy simplifying to 0."""
    return bool(sp.simplify(expr + expr.subs(_X, -_X) - 2 * center) == 0)


def _parity_certificate(k: int, n: int) -> bool:
    pk = _P(k, n)
    return pk(fmpq_poly([0, -1])) == (-1) ** k * pk


# The note prints c_5 = 2.06e-5 for n = 3; the value is 2.05494e-5 (both methods), so the
# correctly rounded 2.05e-5 is checked here and the discrepancy is reported in proofs_notes.
_C11_REF = {3: ("7.94e-2", "-1.07e-3", "2.05e-5", "-4.26e-7"),
            7: ("3.48e-2", "-1.67e-4", "1.64e-6", "-2.06e-8")}


def _c11_check(p: Profile, bias: fmpq) -> CheckResult:
    expr = 1 / (1 + sp.exp(-(_X + _sym(bias))))
    symmetric = _odd_shift_certificate(expr, sp.Rational(1, 2))

    def f(z: acb, analytic: bool) -> acb:
        return 1 / (1 + (-(z + acb(bias))).exp())

    cases = []
    k_max = 7 if p.name == "quick" else 15
    dims = sorted({3, 7, *(n for n in p.dims if 3 <= n <= 10)})
    label = "sigma(t)" if bias == 0 else f"sigma(t + {bias})"
    for n in dims:
        for k in range(k_max + 1):
            with workprec(_PREC):
                pf = _poly_acb(_P(k, n))
                ball = _arb_expectation(_product(f, pf), n)
            if k % 2 == 1:
                cases.append(ball_less_equal(f"c_{k}({label}) != 0, n={n}", arb(0), abs(ball),
                                             strict=True, method="Arb integral excludes 0"))
                continue
            want = fmpq(1, 2) if k == 0 else fmpq(0)
            if symmetric and _parity_certificate(k, n) and (k == 0 or _expect(_P(k, n), n) == 0):
                cases.append(CheckResult(Verdict.VERIFIED, Strength.EXACT,
                                         f"c_{k}({label}) = {want}, n={n}",
                                         "sigma - 1/2 odd (SymPy), P_k even, E P_k = [k=0]"))
            cases.append(ball_equal(f"c_{k}({label}) = {want}, n={n}", ball, arb(want),
                                    method="Arb integral", digits=p.digits))
    if bias == 0:
        with workprec(_PREC):
            for n, row in _C11_REF.items():
                for k, text in zip((1, 3, 5, 7), row, strict=True):
                    value = _own_coefficient("sigmoid", k, n)
                    cases.append(ball_less_equal(f"n={n}: c_{k} = {text} to the printed digits",
                                                 abs(value - arb(text)), _half_unit(text),
                                                 method="Arb integral vs the note's values"))
    return all_of(f"C11 for n in {dims}, k <= {k_max}", "exact symmetry certificate and "
                  "certified integrals", cases)


@claim("C11", paper=PAPER, where=_WHERE + " (note §2.3)",
       statement=r"\sigma(t)=\frac1{1+e^{-t}}:\ c_0=\tfrac12,\ c_{2j}=0\ (j\ge1),\ "
                 r"c_{2j+1}\ne0",
       source="derived", methods=("exact: sigma - 1/2 odd (SymPy) and P_k of parity k",
                                  "certified: Arb integrals (zero to within 10^-digits; odd "
                                  "ones exclude 0); note's values to their digits"))
def c11(p: Profile) -> CheckResult:
    return _c11_check(p, fmpq(0))


@c11.planted("the same for a biased gate sigma(t + 1/2)",
             r"\sigma(t)=\frac1{1+e^{-t-1/2}}:\ c_{2j}=0\ (j\ge1)")
def c11_biased(p: Profile) -> CheckResult:
    return _c11_check(p, fmpq(1, 2))


# =============================================================================================
# C12 -- Gegenbauer to Hermite.

def _ratio_limit(num: fmpq_poly, den: fmpq_poly) -> fmpq | None:
    """``lim_{n -> oo} num(n)/den(n)`` exactly (None when it is infinite)."""
    if num.is_zero() or num.degree() < den.degree():
        return fmpq(0)
    if num.degree() > den.degree():
        return None
    return num[num.degree()] / den[den.degree()]


_N1 = fmpq_poly([0, 1])  # the polynomial n


def _scaled_by_sum(k: int) -> dict[int, fmpq | None]:
    """Limits of the coefficients of s^(k-2m) in n^{k/2} P_{k,n}(s/sqrt n), from the explicit
    sum (C5): each term is a constant times n^m / prod_{i<j} ((n-1)/2 + i), a rational function
    of n whose limit is decided by degrees and leading coefficients."""
    out: dict[int, fmpq | None] = {}
    for j in range(k // 2 + 1):
        den = fmpq_poly([1])
        for i in range(j):
            den *= fmpq_poly([fmpq(2 * i - 1, 2), fmpq(1, 2)])
        base = fmpq(math.factorial(k) * (-1) ** j,
                    4**j * math.factorial(j) * math.factorial(k - 2 * j))
        for i in range(j + 1):
            m = j - i  # (1-t^2)^j = sum_i C(j,i) (-t^2)^i with t = s/sqrt(n): degree k-2m
            lim = _ratio_limit(base * math.comb(j, i) * (-1) ** i * _N1**m, den)
            prev = out.get(m, fmpq(0))
            out[m] = None if lim is None or prev is None else prev + lim
    return out


def _scaled_by_recurrence(k_max: int) -> list[dict[int, fmpq | None]]:
    """The same limits from the recurrence: ``Q_k = A_k/D_k`` with
    ``A_{k+1} = (2k+n-2) s A_k - k n (D_k/D_{k-1}) A_{k-1}``, ``D_{k+1} = D_k (k+n-2)``, A_k's
    coefficients (of s^(k-2m)) and D_k polynomials in n."""
    A: list[dict[int, fmpq_poly]] = [{0: fmpq_poly([1])}, {0: fmpq_poly([1])}]
    D = [fmpq_poly([1]), fmpq_poly([1])]
    for k in range(1, k_max):
        shift = fmpq_poly([k - 3, 1]) if k >= 2 else fmpq_poly([1])  # D_k / D_{k-1}
        nxt: dict[int, fmpq_poly] = {}
        for m, c in A[k].items():  # s * s^(k-2m) = s^((k+1)-2m)
            nxt[m] = nxt.get(m, fmpq_poly([0])) + fmpq_poly([2 * k - 2, 1]) * c
        for m, c in A[k - 1].items():  # s^(k-1-2m) = s^((k+1)-2(m+1))
            nxt[m + 1] = nxt.get(m + 1, fmpq_poly([0])) - k * _N1 * shift * c
        A.append(nxt)
        D.append(D[k] * fmpq_poly([k - 2, 1]))
    return [{m: _ratio_limit(c, D[k]) for m, c in A[k].items()} for k in range(k_max + 1)]


def _c12_check(p: Profile, target: Callable[[int], list[fmpq]], label: str) -> CheckResult:
    cases = []
    k_max = p.k_max
    rec = _scaled_by_recurrence(k_max)
    for k in range(k_max + 1):
        want = target(k)
        for name, limits in (("explicit sum", _scaled_by_sum(k)), ("recurrence", rec[k])):
            bad = [(m, limits[m], want[k - 2 * m]) for m in limits
                   if limits[m] != want[k - 2 * m]]
            cases.append(CheckResult(
                Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                f"lim n^(k/2) P_(k,n)(s/sqrt n) = {label}, k={k} ({name})",
                "exact limits of rational functions of n (fmpq polynomials)",
                {"first_failure": f"coefficient of s^{k - 2 * bad[0][0]}: limit {bad[0][1]}, "
                                  f"{label} has {bad[0][2]}"} if bad else {}))
    evidence = {}
    for k in (2, 4, 6):
        diff = hermite_limit_polynomial(k, 10**5, fmpq(1)) - _coeffs_eval(target(k), fmpq(1))
        evidence[f"k={k}: n*(value at n=1e5, s=1 - limit)"] = f"{float(diff) * 1e5:.6g}"
    return all_of(f"C12 for k <= {k_max}", "exact symbolic limits, two constructions", cases,
                  evidence=evidence)


def _coeffs_eval(cs: list[fmpq], x: fmpq) -> fmpq:
    return sum((c * x**i for i, c in enumerate(cs)), fmpq(0))


def _he_coeffs(k: int) -> list[fmpq]:
    """Coefficients of He_k: the recurrence He_{j+1} = x He_j - j He_{j-1} in fmpq_poly."""
    x = fmpq_poly([0, 1])
    prev, cur = fmpq_poly([0]), fmpq_poly([1])
    for j in range(k):
        prev, cur = cur, x * cur - j * prev
    return [cur[i] for i in range(k + 1)]


def _h_phys_coeffs(k: int) -> list[fmpq]:
    poly = sp.Poly(sp.hermite(k, _X), _X).all_coeffs()[::-1]
    return [_q(Fraction(int(c.p), int(c.q))) for c in poly]


@claim("C12", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\lim_{n\to\infty}n^{k/2}P_{k,n}(t/\sqrt n)=\mathrm{He}_k(t)",
       source="derived", methods=("exact: limits of the coefficients from the explicit sum",
                                  "exact: limits of the coefficients from the recurrence"))
def c12(p: Profile) -> CheckResult:
    return _c12_check(p, _he_coeffs, "He_k")


@c12.planted("physicists' H_k for He_k", r"\lim_{n\to\infty}n^{k/2}P_{k,n}(t/\sqrt n)=H_k(t)")
def c12_physicists(p: Profile) -> CheckResult:
    return _c12_check(p, _h_phys_coeffs, "H_k")


# =============================================================================================
# C13 -- unit-weight asymptotics.

def _half_gauss_moment(m: int) -> tuple[fmpq, fmpq]:
    """``int_0^oo x^m phi(x) dx = q0 + q1/sqrt(2 pi)`` as ``(q0, q1)``."""
    if m % 2 == 0:
        return fmpq(math.prod(range(m - 1, 0, -2)), 2), fmpq(0)
    h = (m - 1) // 2
    return fmpq(0), fmpq(2**h * math.factorial(h))


def _relu_hermite(k: int) -> sp.Expr:
    """``E[relu(g) He_k(g)] = int_0^oo x He_k(x) phi(x) dx`` exactly (own moments)."""
    q0, q1 = fmpq(0), fmpq(0)
    for i, c in enumerate(_he_coeffs(k)):
        if c != 0:
            h0, h1 = _half_gauss_moment(i + 1)
            q0, q1 = q0 + c * h0, q1 + c * h1
    return _sym(q0) + _sym(q1) / sp.sqrt(2 * sp.pi)


def _relu_limit(k: int) -> sp.Expr:
    """``lim n^{(k+1)/2} c_k(relu; n)`` from C9, using ``Gamma(x)/Gamma(x+a) ~ x^{-a}``:
    ``n^{(k+1)/2} Gamma(n/2)/Gamma((n+k+1)/2) -> 2^{(k+1)/2}``."""
    if k == 0:
        return sp.sqrt(2) / (2 * sp.sqrt(sp.pi))
    if k == 1:
        return sp.Rational(1, 2)
    if k % 2:
        return sp.Integer(0)
    return (-1) ** (k // 2 - 1) * sp.gamma(sp.Rational(k - 1, 2)) * 2 ** sp.Rational(k + 1, 2) \
        / (4 * sp.pi)


def _logistic_taylor(j: int) -> fmpq:
    """Taylor coefficient of x^j in 1/(1+e^{-x}): 1/2, and (2^{2m}-1) B_{2m}/(2m)! for
    j = 2m-1."""
    if j == 0:
        return fmpq(1, 2)
    if j % 2 == 0:
        return fmpq(0)
    m = (j + 1) // 2
    b = sp.bernoulli(2 * m)
    return fmpq(int((2 ** (2 * m) - 1) * b.p), int(b.q * sp.factorial(2 * m)))


def _logistic_series(k: int, n: int, rel: float) -> arb:
    """``c_k = sum_j tau_j E[t^j P_k]`` (C26): exact terms plus a proved tail. With
    ``|B_2m| = 2 (2m)! zeta(2m)/(2 pi)^{2m}`` and ``zeta(2m) <= pi^2/6``,
    ``|tau_{2m-1}| <= (pi^2/3) pi^{-2m}``, and ``|E[t^j P_k]| <= 1``: the tail after j = 2M-1 is
    at most ``(pi^2/3) pi^{-2M-2}/(1 - pi^-2)``."""
    pk = _P(k, n)
    total = fmpq(0)
    m_top = k
    lead = None
    while True:
        j = m_top
        term = _logistic_taylor(j) * _expect(pk * fmpq_poly([0] * j + [1]), n)
        total += term
        if lead is None and term != 0:
            lead = abs(float(term))
        M = (j + 1) // 2
        tail = arb.pi() ** 2 / 3 * arb.pi() ** (-2 * M - 2) / (1 - arb.pi() ** -2)
        if j % 2 == k % 2 and lead is not None and float(tail.upper()) < rel * lead:
            return arb(total) + arb(0, tail.upper())
        m_top += 2


_LOGISTIC_DERIV = {k: math.factorial(k) * _logistic_taylor(k) for k in range(1, 16, 2)}


def _c13_check(p: Profile, taylor_scale: bool) -> CheckResult:
    cases = []
    for k in [0, 1, *range(2, p.k_max + 1, 2)]:
        cases.append(exact_equal(f"lim n^((k+1)/2) c_{k}(relu) = E[relu(g) He_{k}(g)] (own "
                                 "half-Gaussian moments)", _relu_limit(k), _relu_hermite(k),
                                 method="SymPy"))
        core = hermite_coefficients("relu", k)[k].exact
        assert core is not None
        cases.append(exact_equal(f"... = sqrt(k!) c_{k} of the package's Hermite tier",
                                 _relu_limit(k), core.sympy() * sp.sqrt(sp.factorial(k)),
                                 method="SymPy"))
    k_odd = [k for k in range(1, 8 if p.name == "quick" else 16, 2)]
    ns = (100, 1000, 4000) if p.name == "quick" else (100, 1000, 4000, 10_000)
    with workprec(_PREC):
        for k in (0, 1, 2, 4, 6, 8):
            for n in ns:
                value = arb_of(_relu_closed(n, k)[-1], _PREC) * arb(n) ** (arb(k + 1) / 2)
                limit = arb_of(_relu_limit(k), _PREC)
                if n == 4000:
                    cases.append(ball_less_equal(f"relu: |n^((k+1)/2) c_{k}/limit - 1| <= 2% at "
                                                 "n=4000", abs(value / limit - 1),
                                                 arb("0.02"), method="closed form in Arb"))
        for k in k_odd:
            deriv = arb(_LOGISTIC_DERIV[k])
            if taylor_scale:
                deriv = deriv / math.factorial(k)
            for n in ns:
                core = _core_coefficient("sigmoid", k, n, p.digits)
                series = _logistic_series(k, n, 10.0 ** (-p.digits))
                cases.append(ball_equal(f"logistic c_{k}: sphere tier = Taylor series, n={n}",
                                        core, series, method="two certified methods",
                                        tol=abs(series) * arb(10) ** (-p.digits)))
                err = abs(arb(n) ** k * series / deriv - 1)
                cases.append(ball_less_equal(f"logistic: |n^k c_{k}/claimed - 1| <= (k^2+1)/n, "
                                             f"n={n}", err, arb(k * k + 1) / n,
                                             method="Taylor series with proved tail"))
                if n == 4000 and k <= 7:  # the note's range (its values stop at k = 7)
                    cases.append(ball_less_equal(f"logistic: |n^k c_{k}/claimed - 1| <= 2% at "
                                                 "n=4000", err, arb("0.02"),
                                                 method="Taylor series with proved tail"))
    scale = "sigma^(k)(0)/k!" if taylor_scale else "sigma^(k)(0)"
    return all_of(f"C13: relu limits k <= {p.k_max} (exact); logistic c_k ~ {scale} n^-k, odd "
                  f"k <= {k_odd[-1]}, n in {ns}", "exact limits and certified values", cases)


@claim("C13", paper=PAPER, where=_WHERE + " (note §2.2-2.3)",
       statement=r"\text{logistic: }c_k=\frac{\sigma^{(k)}(0)}{n^k}(1+\epsilon),\ |\epsilon|\le"
                 r"\frac{k^2+1}n;\ \text{ReLU: }\lim_{n\to\infty}n^{\frac{k+1}2}c_k="
                 r"\mathbb E[\mathrm{relu}(g)\mathrm{He}_k(g)]",
       source="derived", methods=("exact: ReLU limits from the closed form vs two Hermite "
                                  "computations", "certified: logistic by the sphere tier and "
                                  "by the Taylor series with a proved tail"))
def c13(p: Profile) -> CheckResult:
    return _c13_check(p, False)


@c13.planted("Taylor coefficient sigma^(k)(0)/k! for sigma^(k)(0)",
             r"c_k\approx\frac{\sigma^{(k)}(0)}{k!\,n^k}")
def c13_taylor(p: Profile) -> CheckResult:
    return _c13_check(p, True)


# =============================================================================================
# C14 -- Gaussian-scale weights.

def _tanh_hermite_own(k: int, prec: int = _PREC) -> arb:
    """``E[tanh(g) He_k(g)]`` by acb.integral on [-L, L], L = 24, plus the tail bound
    ``|tanh| <= 1``, Cramer ``|He_k| <= 1.0865 sqrt(k!) e^{x^2/4}``:
    ``2 int_L^oo |He_k| phi <= 1.0865 sqrt(2 k!) erfc(L/2)``."""
    L = 24
    with workprec(prec):
        def f(x: acb, analytic: bool) -> acb:
            he = hermite_prob_values(k, x)[k]
            return x.tanh() * he * (-x * x / 2).exp()

        tol = arb(2) ** (-prec + 30)
        body = acb.integral(f, -L, L, rel_tol=tol, abs_tol=tol).real / (2 * arb.pi()).sqrt()
        tail = arb("1.0866") * (2 * arb(math.factorial(k))).sqrt() * (arb(L) / 2).erfc()
        return body + arb(0, tail.upper())


_C14_REF = {1: "0.6057", 3: "-0.3636", 5: "0.6852"}


def _c14_check(p: Profile, orthonormal: bool) -> CheckResult:
    cases = []
    act = activation("tanh")
    ms = (10, 30, 100, 141) if p.name == "quick" else (10, 30, 100, 141, 300)
    core = hermite_coefficients(act, 5, digits=p.digits)
    with workprec(_PREC):
        for k, text in _C14_REF.items():
            limit = core[k].ball * arb(math.factorial(k)).sqrt()
            own = _tanh_hermite_own(k)
            cases.append(ball_equal(f"E[tanh(g) He_{k}(g)]: Hermite tier = own integral", limit,
                                    own, method="two certified integrals", digits=p.digits))
            cases.append(ball_less_equal(f"E[tanh(g) He_{k}(g)] = {text} to the printed digits",
                                         abs(limit - arb(text)), arb("0.00005"),
                                         method="certified vs the note's value"))
            claimed = limit / arb(math.factorial(k)).sqrt() if orthonormal else limit
            for m in ms:
                n = m * m
                a_k = certified_sphere_coefficient(act, k, d=n, r=m, digits=p.digits).ball
                rel = abs(arb(m) ** k * a_k / claimed - 1)
                cases.append(ball_less_equal(f"tanh: |n^(k/2) c_{k}(n; r=sqrt n)/limit - 1| <= "
                                             f"k^2/n, n={n}", rel, arb(k * k) / n,
                                             method="sphere tier at radius sqrt(n)"))
                if m == 141:
                    cases.append(ball_less_equal(f"tanh: relative error <= 4e-4 at n={n} (~2e4)",
                                                 rel, arb("4e-4"), method="sphere tier"))
    label = "E[sigma He_k]/sqrt(k!)" if orthonormal else "E[sigma He_k]"
    return all_of(f"C14 (tanh, k in 1,3,5): limit {label}; n = m^2, m in {ms}",
                  "certified", cases)


@claim("C14", paper=PAPER, where=_WHERE + " (note §2.3)",
       statement=r"n^{k/2}c_k(\sigma(\sqrt n\,\cdot))\to\mathbb E[\sigma(g)\mathrm{He}_k(g)];\ "
                 r"\tanh:\ 0.6057,\,-0.3636,\,0.6852\ (k=1,3,5)",
       source="derived", methods=("certified: sphere tier at radius sqrt(n), explicit rate "
                                  "k^2/n over a range", "certified: Hermite tier and an own "
                                  "Arb integral with Cramer's tail bound"))
def c14(p: Profile) -> CheckResult:
    return _c14_check(p, False)


@c14.planted("orthonormal h_k for He_k in the limit",
             r"n^{k/2}c_k\to\mathbb E[\sigma(g)h_k(g)]="
             r"\mathbb E[\sigma(g)\mathrm{He}_k(g)]/\sqrt{k!}")
def c14_orthonormal(p: Profile) -> CheckResult:
    return _c14_check(p, True)


# =============================================================================================
# C15 -- the infinite-width kernel and its eigenvalues.

_POLY_GATE = fmpq_poly([fmpq(1, 2), 1, fmpq(-1, 3), 1])  # 1/2 + t - t^2/3 + t^3


@cache
def _relu_terms(n: int, K: int, prec: int) -> tuple[arb, ...]:
    with workprec(prec):
        return tuple(_relu_term_ball(n, k) for k in range(K + 1))


def _poly_gate_kernel(sigma: fmpq_poly, n: int) -> fmpq_poly:
    """``K(a) = E_w[sigma(<w,x>) sigma(<w,y>)]`` for <x,y> = a, by the reduction (exact)."""
    return _t_expect(_bi(sigma, _T) * _lift(sigma, n), n)


def _c15_check(p: Profile, power: int) -> CheckResult:
    cases = []
    K = 10 * p.k_max
    rho = sp.Symbol("rho", real=True)
    closed = (sp.sqrt(1 - rho**2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi)
    label = "c_k^2" if power == 2 else "c_k"
    for n in _dims(p):
        if power == 2:
            with workprec(_PREC):
                terms = _relu_terms(n, K, _PREC)
                tail = terms[K] * K / 2  # the C10 tail bound; |P_k| <= 1 on [-1, 1]
                for r in p.rhos:
                    with workprec(_PREC + 2 * K):
                        pvals = gegenbauer_sphere_values(K, n, arb(_q(r)))
                    series = sum((t * v for t, v in zip(terms, pvals, strict=True)), arb(0))
                    series += arb(0, tail.upper())
                    direct = arb_of(closed.subs(rho, sp.Rational(r.numerator, r.denominator)),
                                    _PREC) / n
                    cases.append(ball_equal(f"relu: E_w[relu(w.x) relu(w.y)] = sum N c_k^2 P_k("
                                            f"{r}), n={n}", series, direct, method=f"series to "
                                            f"k={K} + proved tail vs arc-cosine kernel / n",
                                            tol=tail * 2 + arb(10) ** (-p.digits),
                                            digits=p.digits))
        with workprec(_PREC):
            for k in range(9 if p.name == "quick" else 13):
                pf = _poly_acb(_P(k, n))

                def kern(u: acb, an: bool, pf: Integrand = pf, n: int = n) -> acb:
                    # K(sin u) = (cos u + (pi/2 + u) sin u)/(2 pi n): arccos(sin u) = pi/2 - u.
                    return (u.cos() + (arb.pi() / 2 + u) * u.sin()) / (2 * arb.pi() * n) * \
                        pf(u.sin(), an)

                eig = _arb_expectation(kern, n, in_u=True)
                c_k = arb_of(_relu_closed(n, k)[-1], _PREC)
                cases.append(ball_equal(f"relu: E_t[K(t) P_k(t)] = {label}, n={n}, k={k}", eig,
                                        c_k**power, method="Arb integral of the closed-form "
                                        "kernel (Funk-Hecke eigenvalue)", digits=p.digits))
        kern_poly = _poly_gate_kernel(_POLY_GATE, n)
        coeffs = [_expect(_POLY_GATE * _P(k, n), n) for k in range(4)]
        series_poly = sum((harmonic_dimension(n, k) * coeffs[k] ** power * _P(k, n)
                           for k in range(4)), fmpq_poly([0]))
        cases.append(CheckResult(
            Verdict.VERIFIED if kern_poly == series_poly else Verdict.REFUTED, Strength.EXACT,
            f"1/2 + t - t^2/3 + t^3: K(a) = sum_k N {label} P_k(a) as polynomials, n={n}",
            "exact reduction of E_w[sigma(w.x) sigma(w.y)]",
            {"K": str(kern_poly), "series": str(series_poly)}))
    return all_of(f"C15 for n in {_dims(p)}: relu series vs closed form at rho in the grid, "
                  f"eigenvalues; a cubic gate exactly", "certified and exact", cases)


@claim("C15", paper=PAPER, where=_WHERE + " (note §3; reconstruction of the mechanics)",
       statement=r"K(x,y)=\mathbb E_w[\sigma(\langle w,x\rangle)\sigma(\langle w,y\rangle)]="
                 r"\sum_kc_k^2N(n,k)P_{k,n}(\langle x,y\rangle),\quad\mathcal K|_{\mathcal H_k}"
                 r"=c_k^2",
       source="derived", methods=("certified: relu series with a proved tail vs the arc-cosine "
                                  "kernel/n (to that tail, ~1e-8: the bound |P_k| <= 1 is used "
                                  "at every rho), and Funk-Hecke eigenvalues of it (to the "
                                  "profile's digits)",
                                  "exact: a cubic gate by the two-dimensional reduction"))
def c15(p: Profile) -> CheckResult:
    return _c15_check(p, 2)


@c15.planted("eigenvalue c_k instead of c_k^2",
             r"K(x,y)=\sum_kc_kN(n,k)P_{k,n}(\langle x,y\rangle)")
def c15_not_squared(p: Profile) -> CheckResult:
    return _c15_check(p, 1)


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
                                            _monomial_moment(n, tuple(sorted(alpha))), 0,
                                            method="sphere moments (an odd exponent)"))
        gauss = fmpq(1, _gaussian_norm_moment(n, k))
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
    """``lhs <= rhs`` for rationals: exact both ways."""
    holds = fmpq(lhs) <= fmpq(rhs)
    return CheckResult(Verdict.VERIFIED if holds else Verdict.REFUTED, Strength.EXACT,
                       claim_text, method, {"lhs": _qstr(fmpq(lhs)), "rhs": _qstr(fmpq(rhs))})


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
            norm2 = _sphere_expect(h * h, n)
            coefs = [scale * _sphere_expect(h * xs[s[0]] * xs[s[1]], n) ** 2 for s in subsets]
            cases.append(_rational_le(f"Bessel: sum_S <h,f_S>^2 <= |h|^2, n={n}, random h "
                                         f"#{trial}", sum(coefs, fmpq(0)), norm2,
                                         method="exact sphere moments"))
        if len(subsets) >= 9:
            chosen = subsets[:9]
            tau = fmpq(1, 3) - fmpq(1, 100)
            inner = []
            for t_set in subsets:
                val = sum((scale * _sphere_expect(xs[s[0]] * xs[s[1]] * xs[t_set[0]]
                                                  * xs[t_set[1]], n) for s in chosen), fmpq(0))
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
# C18 -- population GD on the output layer in the infinite-width limit.

_GD_GATE = fmpq_poly([1, 1, 1, 1])  # 1 + t + t^2 + t^3: c_0..c_3 all nonzero, c_k = 0 beyond


def _c18_check(p: Profile, power: int) -> CheckResult:
    cases = []
    eta, steps = fmpq(1, 2), 4 if p.name == "quick" else 8
    b0 = [fmpq(1), fmpq(-2), fmpq(3), fmpq(1), fmpq(2)]
    rate = "c_k^2" if power == 2 else "c_k"
    for n in _dims(p):
        kern = _poly_gate_kernel(_GD_GATE, n)  # K(<x,y>) computed directly from sigma
        kern_t = _bi(kern, _T)
        R = sum((b * _P(l_deg, n) for l_deg, b in enumerate(b0)), fmpq_poly([0]))
        for _ in range(steps):
            R = R - eta * _t_expect(kern_t * _lift(R, n), n)  # r <- r - eta K r (zonal in z)
        coeffs = [_expect(_GD_GATE * _P(l_deg, n), n) for l_deg in range(len(b0))]
        for l_deg, b in enumerate(b0):
            got = harmonic_dimension(n, l_deg) * _expect(R * _P(l_deg, n), n)
            want = (1 - eta * coeffs[l_deg] ** power) ** steps * b
            cases.append(rational_equal(f"Pi_{l_deg} r_{steps} = (1 - eta {rate})^t Pi_{l_deg} r_0"
                                        f", n={n}", got, want,
                                        method="exact iteration of the kernel operator"))
    return all_of(f"C18 (gate 1 + t + t^2 + t^3, eta = 1/2, t = {steps} steps, degrees <= 4) for "
                  f"n in {_dims(p)}", "exact", cases)


@claim("C18", paper=PAPER, where=_WHERE + " (note §3; reconstruction, infinite width)",
       statement=r"r_{t+1}=(I-\eta\mathcal K)r_t\Rightarrow\Pi_kr_t=(1-\eta c_k^2)^t\Pi_kr_0",
       source="derived", methods=("exact: the operator iterated on zonal polynomials by the "
                                  "two-dimensional reduction", "exact: projections by the "
                                  "orthogonality of C4 compared with the predicted rates"))
def c18(p: Profile) -> CheckResult:
    return _c18_check(p, 2)


@c18.planted("rate (1 - eta c_k) instead of (1 - eta c_k^2)",
             r"\Pi_kr_t=(1-\eta c_k)^t\Pi_kr_0")
def c18_linear(p: Profile) -> CheckResult:
    return _c18_check(p, 1)


# =============================================================================================
# C19 -- cumulative dimension and growth of N(n,k).

def _c19_check(p: Profile, cumulative: Callable[[int, int], int], label: str) -> CheckResult:
    cases = []
    for n in _dims(p):
        running = 0
        bad = []
        for k in range(p.k_max + 1):
            running += (2 * k + n - 2) * math.comb(k + n - 3, k - 1) // k if k >= 1 and \
                n + k >= 3 else harmonic_dimension(n, k)
            if running != cumulative(n, k):
                bad.append(f"k={k}: sum_j N = {running}, {label} = {cumulative(n, k)}")
            if k >= 1 and n >= k * k:
                ratio = fmpq(math.factorial(k) * harmonic_dimension(n, k), n**k)
                if abs(ratio - 1) > fmpq(k * k, n):
                    bad.append(f"k={k}: |k! N/n^k - 1| = {ratio - 1} > k^2/n")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"sum_(j<=k) N(n,j) = {label} and |k! N(n,k)/n^k - 1| <= k^2/n "
                                 f"(n >= k^2) for k <= {p.k_max}, n={n}", "integer arithmetic",
                                 {"first_failure": bad[0]} if bad else {}))
    for n in range(2, 5):
        for k in range(0, 6 if p.name == "quick" else 7):
            mons = [m for d in range(k + 1) for m in _monomials(n, d)]
            gram = fmpq_mat(len(mons), len(mons), [
                _monomial_moment(n, tuple(sorted(a + b for a, b in zip(u, v, strict=True)
                                                 if a + b))) for u in mons for v in mons])
            cases.append(rational_equal(f"dim of polynomials of degree <= {k} on S^{n - 1} "
                                        f"(Gram rank) = {label}", gram.rank(), cumulative(n, k),
                                        method="exact rank of the monomial Gram matrix"))
    return all_of(f"C19 for n in {_dims(p)}, k <= {p.k_max}; Gram ranks n <= 4", "exact", cases)


@claim("C19", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\sum_{j\le k}N(n,j)=\binom{n+k-1}{k}+\binom{n+k-2}{k-1},\qquad N(n,k)="
                 r"\frac{n^k}{k!}(1+\epsilon),\ |\epsilon|\le\frac{k^2}n\ (n\ge k^2)",
       source="derived", methods=("exact: integer identity and the explicit constant over the "
                                  "range", "exact: rank of the Gram matrix of monomials of "
                                  "degree <= k under the sphere moments"))
def c19(p: Profile) -> CheckResult:
    return _c19_check(p, lambda n, k: math.comb(n + k - 1, k) + (
        math.comb(n + k - 2, k - 1) if k >= 1 else 0), "C(n+k-1,k) + C(n+k-2,k-1)")


@c19.planted("C(n+k,k): all polynomials of degree <= k on R^n, ignoring |x| = 1",
             r"\sum_{j\le k}N(n,j)=\binom{n+k}{k}")
def c19_ambient(p: Profile) -> CheckResult:
    return _c19_check(p, lambda n, k: math.comb(n + k, k), "C(n+k,k)")


# =============================================================================================
# C20 -- the Laplace-Beltrami eigenvalue.

def _angular_laplacian(poly: fmpq_mpoly, n: int) -> fmpq_mpoly:
    """``sum_{i<j} L_ij^2 poly`` with ``L_ij = x_i d_j - x_j d_i``: the rotation generators,
    tangential to the sphere; their square sum is the Laplace-Beltrami operator."""
    xs = poly.context().gens()
    total = poly.context().from_dict({})
    for i in range(n):
        for j in range(i + 1, n):
            def rot(f: fmpq_mpoly, i: int = i, j: int = j) -> fmpq_mpoly:
                return xs[i] * f.derivative(j) - xs[j] * f.derivative(i)
            total += rot(rot(poly))
    return total


def _c20_check(p: Profile, eigen: Callable[[int, int], int], label: str,
               spherical: bool) -> CheckResult:
    cases = []
    pairs = [(3, 2), (3, 3), (4, 2), (4, 3), (5, 2), (5, 3)]
    if p.name != "quick":
        pairs += [(3, 5), (4, 4), (6, 3)]
    for n, k in pairs:
        mons, cols = _harmonic_basis(n, k)
        ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
        bad = 0
        for col in cols:
            Y = ctx.from_dict({m: c for m, c in zip(mons, col, strict=True) if c != 0})
            if _angular_laplacian(Y, n) != eigen(n, k) * Y:
                bad += 1
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"sum L_ij^2 Y = {label} Y on a basis of H_{k}(R^{n})",
                                 "exact derivatives (fmpq_mpoly)",
                                 {"basis": len(cols), "failing": bad}))
    if spherical:
        z = sp.Rational(5, 13) + sp.I * sp.Rational(12, 13)
        for l_deg in range(4 if p.name == "quick" else 6):
            for m in range(-l_deg, l_deg + 1):
                Y = sp.Ynm(l_deg, m, _THETA, _PHI).expand(func=True)
                lap = sp.diff(sp.sin(_THETA) * sp.diff(Y, _THETA), _THETA) / sp.sin(_THETA) + \
                    sp.diff(Y, _PHI, 2) / sp.sin(_THETA) ** 2
                for c, s_ in ((sp.Rational(3, 5), sp.Rational(4, 5)),
                              (sp.Rational(-8, 17), sp.Rational(15, 17))):
                    def at(e: sp.Expr, c: sp.Expr = c, s_: sp.Expr = s_) -> sp.Expr:
                        return sp.expand(e.subs(sp.exp(sp.I * _PHI), z).subs(
                            {sp.cos(_THETA): c, sp.sin(_THETA): s_}))
                    cases.append(exact_equal(f"S^2 coordinates: Delta_S Y_{l_deg}^{m} = "
                                             f"{label} Y at cos(theta) = {c}", at(lap),
                                             eigen(3, l_deg) * at(Y), method="SymPy Ynm"))
    return all_of(f"C20 for (n,k) in {pairs}" + ("; S^2 spherical coordinates" if spherical
                                                 else ""), "exact", cases)


@claim("C20", paper=PAPER, where=_WHERE + " (note §1, standard)",
       statement=r"\Delta_{S^{n-1}}Y=-k(k+n-2)\,Y\quad(Y\in\mathcal H_k^n)",
       source="derived", methods=("exact: sum of squared rotation generators on a basis of "
                                  "ker(Laplacian)", "exact: S^2 operator in spherical "
                                  "coordinates on SymPy's Ynm at rational-angle points"))
def c20(p: Profile) -> CheckResult:
    return _c20_check(p, lambda n, k: -k * (k + n - 2), "-k(k+n-2)", True)


@c20.planted("-k(k+n-1)", r"\Delta_{S^{n-1}}Y=-k(k+n-1)Y")
def c20_shift(p: Profile) -> CheckResult:
    return _c20_check(p, lambda n, k: -k * (k + n - 1), "-k(k+n-1)", False)


# =============================================================================================
# C21 -- ReLU Hermite coefficients.

def _relu_hermite_formula(k: int, sign: int = 1) -> sp.Expr:
    if k == 0:
        return 1 / sp.sqrt(2 * sp.pi)
    if k == 1:
        return sp.Rational(1, 2)
    if k % 2:
        return sp.Integer(0)
    j = k // 2
    return sign * (-1) ** (j + 1) * sp.factorial(2 * j) / (
        sp.sqrt(2 * sp.pi) * 2**j * sp.factorial(j) * (2 * j - 1))


def _c21_check(p: Profile, coeffs: Callable[[int], list[fmpq]], label: str) -> CheckResult:
    cases = []
    for k in range(p.k_max + 1):
        q0, q1 = fmpq(0), fmpq(0)
        for i, c in enumerate(coeffs(k)):
            if c != 0:
                h0, h1 = _half_gauss_moment(i + 1)
                q0, q1 = q0 + c * h0, q1 + c * h1
        ours = _sym(q0) + _sym(q1) / sp.sqrt(2 * sp.pi)
        formula = _relu_hermite_formula(k)
        cases.append(exact_equal(f"E[relu(g) {label}(g)] = formula, k={k}", ours, formula,
                                 method="half-Gaussian moments of x He_k(x)"))
        # c_k = formula/sqrt(k!), decided by the public referee (the core's jump formula).
        cases.append(referee.check_coefficient_claim(_RELU_ACT, k,
                                                     formula / sp.sqrt(sp.factorial(k)),
                                                     digits=p.digits))
    return all_of(f"C21 for k <= {p.k_max}", "exact, two algorithms", cases)


@claim("C21", paper=PAPER, where=_WHERE + " (note §2.2)",
       statement=r"\mathbb E[\mathrm{relu}(g)\mathrm{He}_k(g)]=\tfrac1{\sqrt{2\pi}},\ \tfrac12,"
                 r"\ 0\ (k\ \mathrm{odd}\ge3),\ \frac{(-1)^{j+1}(2j)!}{\sqrt{2\pi}\,2^jj!(2j-1)}"
                 r"\ (k=2j)",
       source="derived", methods=("exact: half-Gaussian moments of x He_k(x)",
                                  "exact: the package's jump formula for c_k, through "
                                  "verify.referee.check_coefficient_claim"))
def c21(p: Profile) -> CheckResult:
    return _c21_check(p, _he_coeffs, "He_k")


@c21.planted("physicists' H_k for He_k",
             r"\mathbb E[\mathrm{relu}(g)H_k(g)]=\frac{(-1)^{j+1}(2j)!}{\sqrt{2\pi}2^jj!(2j-1)}")
def c21_physicists(p: Profile) -> CheckResult:
    return _c21_check(p, _h_phys_coeffs, "H_k")


# =============================================================================================
# C22 -- random features.

def _odd_cd(n: int) -> fmpq:
    value = _cd_sym(n)
    if not value.is_Rational:
        raise ValueError(f"n={n} must be odd (c_n rational)")
    return fmpq(int(value.p), int(value.q))


def _c22_check(p: Profile, power: int) -> CheckResult:
    cases = []
    b = [fmpq(2), fmpq(-1), fmpq(3), fmpq(1, 2), fmpq(-2), fmpq(1)]
    setups: list[tuple[str, int, int]] = [("cubic", n, 3) for n in _dims(p)]
    setups += [("relu", n, 2) for n in (3, 5, 7)]
    for gate, n, k in setups:
        if gate == "cubic":
            cs = [_expect(_GD_GATE * _P(l_deg, n), n) for l_deg in range(k + 1)]
        else:
            cd = _odd_cd(n)
            cs = [q0 + q1 * cd for q0, q1 in (_relu_expect(_P(l_deg, n), n)
                                              for l_deg in range(k + 1))]
        H = sum((b[l_deg] / cs[l_deg] ** power * _P(l_deg, n) for l_deg in range(k + 1)),
                fmpq_poly([0]))  # h(w) = sum_l Pi_l f(w) / c_l, f = sum_l b_l P_l(<z, .>)
        F = _lift(H, n)  # E_w[. h(w) | <w,x> = t], with <x,z> = a
        if gate == "cubic":
            got = _t_expect(_bi(_GD_GATE, _T) * F, n)
        else:
            q0 = fmpq_poly([0])
            for (i, j), c in F.terms():
                h0, h1 = _half(n, j + 1)
                q0 += (c * (h0 + h1 * cd)) * fmpq_poly([0] * i + [1])
            got = q0
        want = sum((b[l_deg] * _P(l_deg, n) for l_deg in range(k + 1)), fmpq_poly([0]))
        cases.append(CheckResult(Verdict.VERIFIED if got == want else Verdict.REFUTED,
                                 Strength.EXACT, f"{gate} gate: E_w[sigma(w.x) h(w)] = f_<=k(x) "
                                 f"(k={k}, f of degree 5), n={n}", "exact reduction",
                                 {"lhs": str(got)[:200], "rhs": str(want)[:200]}))
        if power == 2 and gate == "cubic":
            direct = _expect(H * H, n)
            spectral = sum((b[l_deg] ** 2 / (cs[l_deg] ** 2 * harmonic_dimension(n, l_deg))
                            for l_deg in range(k + 1)), fmpq(0))
            cases.append(rational_equal(f"|h|^2 = sum_l |Pi_l f|^2/c_l^2, n={n}", direct,
                                        spectral, method="exact moments vs C4"))
    for n in (3, 4):
        rng = random.Random(22 + n)
        ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
        xs = ctx.gens()
        base = _expect(_GD_GATE * _GD_GATE, n)
        for _ in range(3):
            w = _rational_sphere_point(n, rng)
            lin = sum((c * x for c, x in zip(w, xs, strict=True)), ctx.from_dict({}))
            sig = sum((c * lin**i for i, c in enumerate(_coeffs(_GD_GATE))), ctx.from_dict({}))
            cases.append(rational_equal(f"E_x sigma(<w,x>)^2 = |sigma|^2 for w = {w}, n={n} "
                                        "(the step behind the variance formula)",
                                        _sphere_expect(sig * sig, n), base,
                                        method="exact sphere moments"))
    return all_of("C22: identity for the cubic gate (n in dims, k=3) and relu (n = 3,5,7, k=2); "
                  "norm of h; rotation invariance of E_x sigma^2", "exact", cases)


@claim("C22", paper=PAPER, where=_WHERE + " (note §3; reconstruction of v1's existence theorem)",
       statement=r"f_{\le k}(x)=\mathbb E_w[\sigma(\langle w,x\rangle)h(w)],\ h=\sum_{\ell\le k}"
                 r"\frac{\Pi_\ell f}{c_\ell};\ \mathbb E_W\|g_m-f_{\le k}\|^2=\frac{\|\sigma\|^2"
                 r"\|h\|^2-\|f_{\le k}\|^2}m",
       source="derived", methods=("exact: two-dimensional reduction of E_w[sigma(w.x) h(w)]",
                                  "exact: |h|^2 by moments and spectrally; E_x sigma(w.x)^2 "
                                  "at rational w by sphere moments"))
def c22(p: Profile) -> CheckResult:
    return _c22_check(p, 1)


@c22.planted("h = sum Pi_l f / c_l^2 (the kernel eigenvalue)",
             r"h=\sum_{\ell\le k}\frac{\Pi_\ell f}{c_\ell^2}")
def c22_squared(p: Profile) -> CheckResult:
    return _c22_check(p, 2)


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
        bound = sum((abs(c) * r**j for j, c in enumerate(_coeffs(shifted))), fmpq(0))
        best = max(best, bound)
    return best


def _rational_above(x: arb, digits: int = 12) -> fmpq:
    scale = 10**digits
    return fmpq(math.ceil(float(x.upper()) * scale) + 1, scale)


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
    with workprec(_PREC):
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
            value = _expect(pk * pk, n)
            # Second route: E[P_k^2] = lc(P_k) E[t^k P_k] (P_k is orthogonal to lower degrees).
            lead = pk[k] * _expect(pk * fmpq_poly([0] * k + [1]), n)
            if not value == lead == claimed(n, k):
                bad.append(f"k={k}: E P_k^2 = {_qstr(value)}, lc E[t^k P_k] = {_qstr(lead)}, "
                           f"{label} = {_qstr(claimed(n, k))}")
        cases.append(CheckResult(Verdict.REFUTED if bad else Verdict.VERIFIED, Strength.EXACT,
                                 f"E_u P_k(<u,v>)^2 = {label} for k <= {p.k_max}, n={n}",
                                 "exact moments, two routes",
                                 {"first_failure": bad[0]} if bad else {}))
        with workprec(_PREC):
            for k in range(0, k_cert + 1, 2):
                pf = _poly_acb(_P(k, n) * _P(k, n))
                cases.append(ball_equal(f"Arb: E P_{k}(t)^2 = {label}, n={n}",
                                        _arb_expectation(pf, n), arb(claimed(n, k)),
                                        method="acb.integral", digits=p.digits))
    with workprec(_PREC):
        for (n, k), text in _C24_TABLE.items():
            cases.append(ball_less_equal(f"N({n},{k})^(-1/2) = {text} to the printed digits",
                                         abs(arb(claimed(n, k)).sqrt() - arb(text)),
                                         _half_unit(text), method="the note's table"))
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
