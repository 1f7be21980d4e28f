"""A10, A10b, A13: orthogonality and mean zero, and the negative controls."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from flint import acb, arb, fmpq

from verify import decide, family_check
from verify import special as S
from verify.certificates import mean_zero_certificate, orthogonality_certificate, sign_flip_witness
from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import (
    Profile,
    all_of,
    claim,
    exact_equal,
)
from verify.measures import correlated_gaussian, iid_laplace, sphere
from verify.montecarlo import compile_network
from verify.networks import (
    Family,
    Network,
    parity_family,
    parity_network,
)
from verify.numbers import guard_bits, report_ball, workprec

from ._common import RELU, SIGMOID, P, _mc_evidence, _q, _relu_closed, _relu_kernel_sym, _sigma_arb

# ---------------------------------------------------------------------------------------------
# A10, A10b, A13, A14, A19: symmetry and orthogonality.

def _hypercube_classes(f: Network) -> tuple[np.ndarray, list[int], int]:
    """For x in {+-1}^n: f(x) = sum_m C[x, m] sigma(sqrt(scale) m), C integer (over ``den``)."""
    n = f.n
    xs = 1 - 2 * ((np.arange(2**n)[:, None] >> np.arange(n)[None, :]) & 1)
    pre = xs @ f.weights.T
    den = math.lcm(*(int(a.q) for a in f.outputs))
    a = np.array([int(o.p) * (den // int(o.q)) for o in f.outputs], dtype=np.int64)
    values = sorted(set(pre.ravel().tolist()))
    c = np.stack([((pre == m) * a[None, :]).sum(axis=1) for m in values], axis=1)
    return c, values, den


def _hypercube_inner(f: Network, h: Network, text: str, p: Profile) -> CheckResult:
    """``E[f h]`` under the uniform law on {+-1}^n: exact 0 when the integer matrix
    ``M = C_f^T C_h`` vanishes (for every activation); otherwise the Arb value of the finite
    sum decides ``|E[f h]| <= p.abs_tol / 10^10`` (a finite sum has no method error, so the
    tolerance is ten digits below the profile's absolute one; a ball excluding 0 refutes)."""
    cf, vf, df = _hypercube_classes(f)
    ch, vh, dh = _hypercube_classes(h)
    m = cf.T @ ch
    if not m.any():
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, text + " (uniform on {+-1}^n)",
                           "integer class matrix C_f^T C_h = 0: zero for every activation",
                           {"points": 2**f.n})
    with workprec(p.bits(extra=40)):  # the tolerance is ten digits (34 bits) finer
        sf = [_sigma_arb(f.act, arb(v) * arb(f.scale_sq).sqrt()) for v in vf]
        sh = [_sigma_arb(h.act, arb(v) * arb(h.scale_sq).sqrt()) for v in vh]
        total = arb(0)
        for i, j in zip(*np.nonzero(m), strict=True):
            total += int(m[i, j]) * sf[i] * sh[j]
        total /= 2**f.n * df * dh
    return decide.ball_within(text + " (uniform on {+-1}^n)", total, 0,
                              abs_tol=p.abs_tol / 10**10, identity=True,
                              method="Arb sum over the hypercube")


def _witness_case(f: Network, h: Network, text: str) -> CheckResult:
    i, odd = sign_flip_witness(f, h), "f"
    if i is None:
        i, odd = sign_flip_witness(h, f), "h"
    if i is None:
        return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, text + " (sign-flip laws)",
                           "no coordinate that flips one network and fixes the other")
    even = "h" if odd == "f" else "f"
    return CheckResult(Verdict.VERIFIED, Strength.EXACT, text + " (every R_i-invariant law)",
                       f"{odd}∘R_{i} = -{odd} and {even}∘R_{i} = {even} as networks",
                       {"coordinate": i})


def _a10_pairs(n: int, with_parity: bool) -> list[tuple[Network, Network]]:
    out = []
    for k in range(1, n + 1):
        for k2 in range(k, n + 1):
            for overlap in range(min(k, k2) + (0 if k == k2 else 1)):
                if k + k2 - overlap > n:
                    continue
                s = tuple(range(k))
                t = tuple(range(k - overlap, k - overlap + k2))
                for act in (RELU, SIGMOID):
                    out.append((parity_network(n, s, act, with_parity=with_parity),
                                parity_network(n, t, act, with_parity=with_parity)))
    return out


def _family_orthogonality(fam: Family) -> CheckResult:
    """The pairwise-orthogonality verdict of :func:`verify.family_check.check_family` (the
    path of ``verify family``: the law-free certificate per orbit of pairs, and Gaussian inner
    products where it does not apply)."""
    report = family_check.check_family(fam, digits=12, mc_samples=1000)
    o = report.orthogonality
    return CheckResult(o.verdict, o.strength, f"{fam.name}: {o.claim}",
                       f"verify.family_check.check_family: {o.method}", dict(o.evidence))


def _a10_run(p: Profile, with_parity: bool) -> CheckResult:
    cases = []
    for n in range(2, min(p.n_max, 5) + 1):
        for f, h in _a10_pairs(n, with_parity):
            text = f"E_D[{f.name} {h.name}] = 0, n={n}, {f.act.name}"
            cases.append(all_of(text, "certificate; witness; hypercube",
                                [orthogonality_certificate(f, h), _witness_case(f, h, text),
                                 _hypercube_inner(f, h, text, p)]))
    for k in range(1, 5):
        for act in (RELU, SIGMOID):
            if with_parity:
                fam = parity_family(p.n_max, k, act)
            else:
                subsets = [tuple(range(o, o + k)) for o in range(max(k, 2)) if o + k <= p.n_max]
                fam = Family.from_networks([parity_network(p.n_max, s, act, with_parity=False)
                                            for s in subsets], name=f"no-parity k={k}")
            cases.append(_family_orthogonality(fam))
    f, h = parity_network(3, (0, 1), RELU), parity_network(3, (1, 2), RELU)
    cf, ch = compile_network(f), compile_network(h)
    mc = {law.name: _mc_evidence(f"E[f_01 f_12] = 0 under {law.name}", 0.0,
                                 lambda x: cf(x) * ch(x), law, p.mc_samples // 2)
          for law in (iid_laplace(3), sphere(3))}
    return all_of(f"A10 for every pair of supports (|S|, |T| <= n, any overlap) with n <= "
                  f"{min(p.n_max, 5)}, ReLU and sigmoid, and every overlap class for n = "
                  f"{p.n_max}, k <= 4", "exact certificates", cases,
                  evidence={"monte_carlo": mc})


@claim("A10", paper=P, where="orthogonality theorem ([paper] for spherically symmetric D; the "
       "sign-flip form is [derived])",
       statement=r"S\ne T\Rightarrow\mathbb E_{x\sim D}[f_S(x)f_T(x)]=0\text{ for every }D"
       r"\text{ invariant under }x_i\mapsto-x_i,\ i\in S\triangle T\ (\text{in particular every "
       r"spherically symmetric }D)", source="paper+derived",
       methods=("exact: invariant-class cancellation (every rotation-invariant law, every "
                "activation)", "exact: sign-flip witness f∘R_i = -f, h∘R_i = h",
                "exact: integer class matrix on the hypercube; Monte Carlo (Laplace, sphere) "
                "recorded", "exact: verify.family_check.check_family on parity_family(n, k) "
                "(k <= 4), the path of verify family"))
def a10(p: Profile) -> CheckResult:
    return _a10_run(p, True)


@a10.planted("without the parity weights chi(w)", r"\tilde f_S=\sum_w\sigma(w\cdot x_S/\sqrt k):"
             r"\ \mathbb E_D[\tilde f_S\tilde f_T]=0")
def a10_no_parity(p: Profile) -> CheckResult:
    return _a10_run(p, False)


def _equicorrelated_value(rho: sp.Rational) -> sp.Expr:
    """``E[f_S f_T]``, ReLU, k=2, S={0,1}, T={1,2}, x ~ N(0, (1-rho) I + rho 11^T): each unit
    pair is a centred bivariate normal, ``E relu(a) relu(b) = s_a s_b K(c/(s_a s_b))``."""
    f, h = parity_network(3, (0, 1), RELU), parity_network(3, (1, 2), RELU)
    total = sp.Integer(0)
    for wa, oa in zip(f.weights.tolist(), f.outputs, strict=True):
        for wb, ob in zip(h.weights.tolist(), h.outputs, strict=True):
            def cov(p_: list[int], q_: list[int]) -> sp.Expr:
                return ((1 - rho) * sum(x * y for x, y in zip(p_, q_, strict=True))
                        + rho * sum(p_) * sum(q_)) / 2
            sa, sb = sp.sqrt(cov(wa, wa)), sp.sqrt(cov(wb, wb))
            total += int(oa.p) * int(ob.p) * sa * sb * _relu_kernel_sym(cov(wa, wb) / (sa * sb))
    return sp.nsimplify(sp.expand(total)) if sp.expand(total) == 0 else total


def _shift_g(mu: sp.Expr, t: sp.Symbol) -> sp.Expr:
    """``g(t) = E[clip(X, -t, t)]``, ``X ~ N(mu, 1)`` (normal pdf/cdf from
    :mod:`verify.special`)."""
    big_phi, small_phi = S.normal_cdf_sympy, S.normal_pdf_sympy
    return (mu * (big_phi(t - mu) - big_phi(-t - mu)) + small_phi(t + mu) - small_phi(t - mu)
            + t * (big_phi(mu - t) - big_phi(-t - mu)))


def _shifted_case(mu: Fraction, digits: int = 20) -> CheckResult:
    """``E[f_S f_T] = 2 int_0^oo g(t)^2 (phi(t-mu) + phi(t+mu)) dt`` under N(mu 1, I): given x1,
    f_S = sqrt2 sgn(x1) clip(x0, -|x1|, |x1|) and x0, x2 are independent. The integrand is >= 0,
    so a certified integral over [0, L] excluding 0 proves the value positive."""
    text = f"E[f_01 f_12] != 0 under N({mu} * 1, I), ReLU k=2"
    t = sp.Symbol("t", positive=True)
    g = _shift_g(_q(mu), t)
    if decide.proved_zero(g):
        return CheckResult(Verdict.REFUTED, Strength.EXACT, text, "g(t) = E[clip(X,-t,t)] "
                           "simplifies to 0, so the inner product is exactly 0", {"g": "0"})
    mu_b = arb(fmpq(mu.numerator, mu.denominator))
    phi, big = S.normal_pdf, S.normal_cdf
    with workprec(guard_bits(digits)):
        def integrand(z: acb, _analytic: bool) -> acb:
            g_z = (mu_b * (big(z - mu_b) - big(-z - mu_b)) + phi(z + mu_b) - phi(z - mu_b)
                   + z * (big(mu_b - z) - big(-z - mu_b)))
            return 2 * g_z * g_z * (phi(z - mu_b) + phi(z + mu_b))

        length = 12
        core = acb.integral(integrand, 0, length).real
        tail_mass = S.normal_sf(arb(length) - mu_b) + S.normal_sf(arb(length) + mu_b)
        # |g| <= E|X| <= sqrt(mu^2 + 1), so the integrand beyond L is at most 2 (mu^2 + 1) phi.
        tail = 2 * (mu_b * mu_b + 1) * arb(tail_mass.real)
        value = core + arb(0, tail.upper())
    ev = {"value": report_ball(value, 12)[0], "integral_on_[0,12]": report_ball(core, 12)[0]}
    if core > 0:
        return CheckResult(Verdict.VERIFIED, Strength.CERTIFIED, text, "certified integral of a "
                           "non-negative integrand excludes 0", ev)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, text, "ball contains 0", ev)


def _a10b_run(p: Profile, rho: Fraction, mu: Fraction) -> CheckResult:
    eq = decide.proved_nonzero(f"E[f_01 f_12] != 0 under the equicorrelated Gaussian, rho={rho}, "
                           "ReLU k=2", _equicorrelated_value(_q(rho)),
                           method="closed-form bivariate arc-cosine kernels (SymPy/Arb)")
    cases = [eq, _shifted_case(mu, p.digits)]
    ev: dict[str, Any] = {}
    if rho and mu:
        f, h = parity_network(3, (0, 1), RELU), parity_network(3, (1, 2), RELU)
        cf, ch = compile_network(f), compile_network(h)
        ev["monte_carlo_equicorrelated"] = _mc_evidence(
            "E[f_01 f_12] = 0, equicorrelated", 0.0, lambda x: cf(x) * ch(x),
            correlated_gaussian(3, rho=float(rho)), p.mc_samples // 4)
    return all_of(f"A10b: orthogonality fails for N(0, (1-rho)I + rho 11^T), rho={rho}, and "
                  f"N({mu} 1, I) (ReLU, k=2, S={{0,1}}, T={{1,2}})",
                  "closed form; certified integral", cases, evidence=ev)


@claim("A10b", paper=P, where="negative control (not in the paper as far as is known)",
       statement=r"\mathbb E_D[f_Sf_T]\ne0\text{ for }D=\mathcal N(0,\tfrac12I+\tfrac12\mathbf 1"
       r"\mathbf 1^\top)\text{ and }D=\mathcal N(\tfrac12\mathbf 1,I)\ (\text{ReLU},k=2,"
       r"|S\cap T|=1)", source="derived",
       methods=("exact/certified: closed-form bivariate ReLU kernels (equicorrelated)",
                "certified: 1-D Arb integral of a non-negative integrand (shifted); Monte Carlo "
                "recorded"))
def a10b(p: Profile) -> CheckResult:
    return _a10b_run(p, Fraction(1, 2), Fraction(1, 2))


@a10b.planted("the controls with rho = 0 and shift 0 (symmetric laws)",
              r"\mathbb E_{\mathcal N(0,I)}[f_Sf_T]\ne0")
def a10b_symmetric(p: Profile) -> CheckResult:
    return _a10b_run(p, Fraction(0), Fraction(0))


def _a13_case(f: Network) -> CheckResult:
    text = f"E_D[{f.name}] = 0, {f.act.name}, n={f.n}"
    cases = [mean_zero_certificate(f)]
    table = f.unit_table()
    flips = [i for i in range(f.n) if f.reflected(i).unit_table() == {k: -v for k, v in
                                                                        table.items()}]
    cases.append(CheckResult(Verdict.VERIFIED if flips else Verdict.INCONCLUSIVE, Strength.EXACT,
                             text + " (every law invariant under one R_i)",
                             "f∘R_i = -f as networks" if flips else "no flip with f∘R_i = -f",
                             {"coordinates": flips}))
    # Under N(0, I) with unit-norm, zero-bias units: E f = (sum of output weights) * c_0.
    c0 = _relu_closed(0) if f.act.name == "relu" else sp.Rational(1, 2)
    total = sum((sp.Rational(int(a.p), int(a.q)) for a in f.outputs), sp.Integer(0))
    cases.append(exact_equal(text + " under N(0, I)", total * c0, 0,
                             method="sum of output weights times c_0 (unit-norm, zero-bias)"))
    return all_of(text, "certificates; Gaussian", cases)


def _a13_run(p: Profile, with_parity: bool) -> CheckResult:
    cases = []
    for n in range(1, p.n_max + 1):
        for k in range(1, n + 1):
            for act in (RELU, SIGMOID):
                cases.append(_a13_case(parity_network(n, tuple(range(k)), act,
                                                      with_parity=with_parity)))
    return all_of(f"A13 for 1 <= k <= n <= {p.n_max}, ReLU and sigmoid", "exact", cases)


@claim("A13", paper=P, where="orthogonality section (number unknown)",
       statement=r"\mathbb E_{x\sim D}[f_S(x)]=0\text{ for every spherically symmetric (indeed "
       r"every }x_i\mapsto-x_i\text{ invariant) }D", source="derived",
       methods=("exact: output weights cancel per invariant class (|w|^2, b)",
                "exact: f∘R_i = -f as networks; exact Gaussian mean (sum of outputs) c_0"))
def a13(p: Profile) -> CheckResult:
    return _a13_run(p, True)


@a13.planted("without the parity weights", r"\mathbb E_D\Big[\sum_w\sigma(w\cdot x_S/\sqrt k)"
             r"\Big]=0")
def a13_no_parity(p: Profile) -> CheckResult:
    return _a13_run(p, False)



