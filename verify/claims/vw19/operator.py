"""vw19 note §3 (reconstruction): gradient descent as an operator on functions -- the
infinite-width kernel and its eigenvalues, population GD on the output layer, random features:
C15, C18, C22."""

from __future__ import annotations

import random
from functools import cache

import sympy as sp
from flint import acb, arb, fmpq, fmpq_mpoly_ctx, fmpq_poly

from verify import decide
from verify import moments as M
from verify import orthopoly as O
from verify.checks import CheckResult
from verify.claims.base import Profile, all_of, arb_of, ball_equal, claim, rational_equal
from verify.conventions import harmonic_dimension
from verify.numbers import workprec

from ._shared import (
    _GD_GATE,
    _P,
    _POLY_GATE,
    _T,
    _WHERE,
    PAPER,
    Integrand,
    _bi,
    _dims,
    _lift,
    _poly_acb,
    _poly_gate_kernel,
    _q,
    _rational_sphere_point,
    _relu_closed,
    _relu_term_ball,
    _t_expect,
)

_T1 = fmpq_poly([0, 1])  # the polynomial t: E[relu(t) p(t)] = int_0^1 t p(t) w_n(t) dt

# =============================================================================================
# C15 -- the infinite-width kernel and its eigenvalues.

@cache
def _relu_terms(n: int, K: int, prec: int) -> tuple[arb, ...]:
    with workprec(prec):
        return tuple(_relu_term_ball(n, k) for k in range(K + 1))


def _c15_check(p: Profile, power: int) -> CheckResult:
    cases = []
    K = 10 * p.k_max
    rho = sp.Symbol("rho", real=True)
    closed = (sp.sqrt(1 - rho**2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi)
    label = "c_k^2" if power == 2 else "c_k"
    for n in _dims(p):
        if power == 2:
            with workprec(p.prec_bits):
                terms = _relu_terms(n, K, p.prec_bits)
                tail = terms[K] * K / 2  # the C10 tail bound; |P_k| <= 1 on [-1, 1]
                for r in p.rhos:
                    with workprec(p.bits(extra=2 * K)):  # the recurrence's growth in K
                        pvals = O.gegenbauer_sphere_values(K, n, arb(_q(r)))
                    series = sum((t * v for t, v in zip(terms, pvals, strict=True)), arb(0))
                    series += arb(0, tail.upper())
                    direct = arb_of(closed.subs(rho, sp.Rational(r.numerator, r.denominator)),
                                    p.prec_bits) / n
                    cases.append(ball_equal(f"relu: E_w[relu(w.x) relu(w.y)] = sum N c_k^2 P_k("
                                            f"{r}), n={n}", series, direct, method=f"series to "
                                            f"k={K} + proved tail vs arc-cosine kernel / n",
                                            tol=tail * 2 + arb(10) ** (-p.digits),
                                            digits=p.digits))
        with workprec(p.prec_bits):
            for k in range(9 if p.name == "quick" else 13):
                pf = _poly_acb(_P(k, n))

                def kern(u: acb, an: bool, pf: Integrand = pf, n: int = n) -> acb:
                    # K(sin u) = (cos u + (pi/2 + u) sin u)/(2 pi n): arccos(sin u) = pi/2 - u.
                    return (u.cos() + (arb.pi() / 2 + u) * u.sin()) / (2 * arb.pi() * n) * \
                        pf(u.sin(), an)

                eig = M.sphere_expectation_acb(kern, n, in_u=True)
                c_k = arb_of(_relu_closed(n, k)[-1], p.prec_bits)
                cases.append(ball_equal(f"relu: E_t[K(t) P_k(t)] = {label}, n={n}, k={k}", eig,
                                        c_k**power, method="Arb integral of the closed-form "
                                        "kernel (Funk-Hecke eigenvalue)", digits=p.digits))
        kern_poly = _poly_gate_kernel(_POLY_GATE, n)
        coeffs = [M.sphere_expectation(_POLY_GATE * _P(k, n), n) for k in range(4)]
        series_poly = sum((harmonic_dimension(n, k) * coeffs[k] ** power * _P(k, n)
                           for k in range(4)), fmpq_poly([0]))
        cases.append(decide.polynomial_identity(
            f"1/2 + t - t^2/3 + t^3: K(a) = sum_k N {label} P_k(a) as polynomials, n={n}",
            kern_poly - series_poly, method="exact reduction of E_w[sigma(w.x) sigma(w.y)]",
            evidence={"K": str(kern_poly), "series": str(series_poly)}))
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
# C18 -- population GD on the output layer in the infinite-width limit.

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
        coeffs = [M.sphere_expectation(_GD_GATE * _P(l_deg, n), n) for l_deg in range(len(b0))]
        for l_deg, b in enumerate(b0):
            got = harmonic_dimension(n, l_deg) * M.sphere_expectation(R * _P(l_deg, n), n)
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
# C22 -- random features.

def _odd_cd(n: int) -> fmpq:
    value = M.sphere_marginal_constant_exact(n)
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
            cs = [M.sphere_expectation(_GD_GATE * _P(l_deg, n), n) for l_deg in range(k + 1)]
        else:
            cd = _odd_cd(n)
            cs = [q0 + q1 * cd for q0, q1 in (M.sphere_half_expectation(_T1 * _P(l_deg, n), n)
                                              for l_deg in range(k + 1))]
        H = sum((b[l_deg] / cs[l_deg] ** power * _P(l_deg, n) for l_deg in range(k + 1)),
                fmpq_poly([0]))  # h(w) = sum_l Pi_l f(w) / c_l, f = sum_l b_l P_l(<z, .>)
        F = _lift(H, n)  # E_w[. h(w) | <w,x> = t], with <x,z> = a
        if gate == "cubic":
            got = _t_expect(_bi(_GD_GATE, _T) * F, n)
        else:
            q0 = fmpq_poly([0])
            for (i, j), c in F.terms():
                h0, h1 = M.sphere_half_moment(n, int(j) + 1)
                q0 += (c * (h0 + h1 * cd)) * fmpq_poly([0] * i + [1])
            got = q0
        want = sum((b[l_deg] * _P(l_deg, n) for l_deg in range(k + 1)), fmpq_poly([0]))
        cases.append(decide.polynomial_identity(
            f"{gate} gate: E_w[sigma(w.x) h(w)] = f_<=k(x) (k={k}, f of degree 5), n={n}",
            got - want, method="exact reduction (polynomials in a = <x, z>)",
            evidence={"lhs": str(got)[:200], "rhs": str(want)[:200]}))
        if power == 2 and gate == "cubic":
            direct = M.sphere_expectation(H * H, n)
            spectral = sum((b[l_deg] ** 2 / (cs[l_deg] ** 2 * harmonic_dimension(n, l_deg))
                            for l_deg in range(k + 1)), fmpq(0))
            cases.append(rational_equal(f"|h|^2 = sum_l |Pi_l f|^2/c_l^2, n={n}", direct,
                                        spectral, method="exact moments vs C4"))
    for n in (3, 4):
        rng = random.Random(22 + n)
        ctx = fmpq_mpoly_ctx.get(tuple(f"x{i}" for i in range(n)), "lex")
        xs = ctx.gens()
        base = M.sphere_expectation(_GD_GATE * _GD_GATE, n)
        for _ in range(3):
            w = _rational_sphere_point(n, rng)
            lin = sum((c * x for c, x in zip(w, xs, strict=True)), ctx.from_dict({}))
            sig = sum((c * lin**i for i, c in enumerate(_GD_GATE.coeffs())), ctx.from_dict({}))
            cases.append(rational_equal(f"E_x sigma(<w,x>)^2 = |sigma|^2 for w = {w}, n={n} "
                                        "(the step behind the variance formula)",
                                        M.sphere_polynomial_expectation(sig * sig, n), base,
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


