"""Baselines a user would reach for today, written independently of ``verify`` (no import of it).

c_k = E[sigma(g) He_k(g)] / sqrt(k!), g ~ N(0, 1), He_k the probabilists' Hermite polynomial.

* :func:`mpmath_sigmoid` -- ``mpmath.quad`` over ``[-inf, 0, inf]`` at a given ``mp.dps``, with
  ``He_k(x) = 2**(-k/2) H_k(x/sqrt(2))`` from ``mpmath.hermite`` (physicists' H_k). Returns the
  values and the error estimates quad claims (no guarantee: see ANCHORS.md).
* :func:`sympy_relu` -- ``sympy.integrate`` of ``Max(x, 0) He_k(x) exp(-x^2/2)/sqrt(2 pi)`` over
  ``(0, oo)``, divided by ``sqrt(k!)``: exact SymPy expressions.
* :func:`sigmoid_reference` -- an independent second opinion on the sigmoid coefficients (the
  trapezoidal rule, exponentially convergent here), used only to confirm verify's balls, never
  timed against verify.

Sphere tier, a_k = E[sigma(t) P_{k,d}(t)], t of density c_d (1-t^2)^{(d-3)/2},
c_d = Gamma(d/2)/(sqrt(pi) Gamma((d-1)/2)), P_{k,d} = C_k^{(d-2)/2} / C_k^{(d-2)/2}(1):

* :func:`sympy_relu_sphere` -- ``sympy.integrate`` over (0, 1) with ``sympy.gegenbauer``;
  slow (tens of seconds per degree), so :mod:`run` calls it in a subprocess
  (``python bench/baselines.py sympy-relu-sphere D KMAX``, one JSON line per finished degree)
  and kills it at a deadline.
* :func:`relu_sphere_closed_form` -- the closed form of vw19.md §2.2 as exact SymPy numbers.
* :func:`mpmath_sigmoid_sphere` -- ``mpmath.quad`` on ``[-1, 0, 1]`` with ``mpmath.gegenbauer``.
* :func:`sigmoid_sphere_reference` -- second opinion: the periodic trapezoidal rule in
  ``t = sin u`` over a full period, with the classical C_k^lam recurrence (never timed).
* :func:`power_basis_sphere` / :func:`eval_power_basis` -- P_{k,d} from exact power-basis
  coefficients (FLINT ``fmpq_poly``) converted to doubles and evaluated by numpy (Horner).

>>> vals, errs = mpmath_sigmoid(range(3), dps=20)
>>> [mpmath.nstr(v, 10) for v in vals[:2]], abs(vals[2]) < 1e-18
(['0.5', '0.2066209641'], True)
>>> [str(v) for v in relu_sphere_closed_form(4, 3)]
['1/4', '1/6', '1/16', '0', '-1/96']
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator

import mpmath
import numpy as np
import sympy as sp
from flint import fmpq, fmpq_poly


def _he(k: int, x: mpmath.mpf) -> mpmath.mpf:
    """Probabilists' Hermite He_k(x) = 2^{-k/2} H_k(x / sqrt 2), via mpmath.hermite."""
    return mpmath.hermite(k, x / mpmath.sqrt(2)) / mpmath.power(2, mpmath.mpf(k) / 2)


def _sigmoid(x: mpmath.mpf) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-x))


def mpmath_sigmoid(ks: Iterable[int], *, dps: int) -> tuple[list[mpmath.mpf], list[mpmath.mpf]]:
    """Sigmoid c_k for k in ``ks`` by ``mpmath.quad`` at ``mp.dps = dps``; (values, claimed errors).

    The claimed error is quad's own estimate, divided by sqrt(k!) like the value.
    """
    values, errors = [], []
    with mpmath.workdps(dps):
        norm = 1 / mpmath.sqrt(2 * mpmath.pi)
        for k in ks:
            def f(x: mpmath.mpf, k: int = k) -> mpmath.mpf:
                return _sigmoid(x) * _he(k, x) * mpmath.exp(-x * x / 2) * norm

            val, err = mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf], error=True)
            scale = mpmath.sqrt(mpmath.factorial(k))
            values.append(+(val / scale))
            errors.append(+(err / scale))
    return values, errors


def sigmoid_reference(kmax: int, *, dps: int = 60, h: str = "1/20",
                      cut: int = 60) -> list[mpmath.mpf]:
    """Independent values of sigmoid c_0..c_kmax: the trapezoidal rule on the whole line.

    Not a baseline (never timed): a second opinion that does not share verify's algorithm.
    sigma - 1/2 = tanh(x/2)/2 is odd, so c_0 = 1/2, c_k = 0 for even k >= 2, and for odd k the
    integrand tanh(x/2)/2 He_k(x) phi(x) is even and analytic in the strip |Im x| < pi; the
    trapezoidal rule with step h then converges like exp(-2 pi d / h) (d < pi), far below 10^-40
    relative for h = 1/20 and k <= 200. He_k comes from the three-term recurrence, and the sum
    stops at |x| = cut, where phi(x) |He_k(x)| < exp(-cut^2/2) cut^k is negligible.
    Run it at two steps to see the digits it keeps. No guarantee.
    """
    with mpmath.workdps(dps):
        step = mpmath.mpf(sp.Rational(h).p) / sp.Rational(h).q
        norm = 1 / mpmath.sqrt(2 * mpmath.pi)
        sums = [mpmath.mpf(0)] * (kmax + 1)
        n = int(mpmath.ceil(cut / step))
        for j in range(1, n + 1):
            x = j * step
            w = 2 * (mpmath.tanh(x / 2) / 2) * mpmath.exp(-x * x / 2) * norm  # +-x both
            a, b = mpmath.mpf(1), x
            sums[1] += w * b
            for m in range(1, kmax):
                a, b = b, x * b - m * a
                if m % 2 == 0:  # b = He_{m+1}, odd degree
                    sums[m + 1] += w * b
        out = []
        for k in range(kmax + 1):
            if k == 0:
                out.append(mpmath.mpf(1) / 2)
            elif k % 2 == 0:
                out.append(mpmath.mpf(0))
            else:
                out.append(+(step * sums[k] / mpmath.sqrt(mpmath.factorial(k))))
        return out


def sympy_relu(ks: Iterable[int]) -> list[sp.Expr]:
    """Exact ReLU c_k for k in ``ks`` by ``sympy.integrate`` over (0, oo)."""
    x = sp.Symbol("x", real=True)
    out = []
    for k in ks:
        integrand = sp.Max(x, 0) * sp.hermite_prob(k, x) * sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi)
        val = sp.integrate(integrand, (x, 0, sp.oo))
        out.append(val / sp.sqrt(sp.factorial(k)))
    return out


def relu_closed_form(kmax: int, *, dps: int = 60) -> list[mpmath.mpf]:
    """ReLU c_0..c_kmax from the textbook closed form (a second opinion, never timed).

    c_0 = 1/sqrt(2 pi), c_1 = 1/2, c_k = 0 for odd k >= 3, and for even k >= 2
    c_k = (-1)^(k/2 - 1) (k-3)!! / sqrt(2 pi k!)   [(-1)!! = 1].
    """
    with mpmath.workdps(dps):
        out = []
        double_fact = 1  # (k-3)!! for the current even k
        for k in range(kmax + 1):
            if k == 0:
                out.append(1 / mpmath.sqrt(2 * mpmath.pi))
            elif k == 1:
                out.append(mpmath.mpf(1) / 2)
            elif k % 2:
                out.append(mpmath.mpf(0))
            else:
                if k >= 4:
                    double_fact *= k - 3
                sign = 1 if (k // 2 - 1) % 2 == 0 else -1
                out.append(sign * double_fact / mpmath.sqrt(2 * mpmath.pi * mpmath.factorial(k)))
        return out


# ---------------------------------------------------------------------------------------------
# Sphere tier (Gegenbauer coefficients on S^{d-1}).

def _sphere_constant_sympy(d: int) -> sp.Expr:
    """c_d = Gamma(d/2) / (sqrt(pi) Gamma((d-1)/2)), exactly."""
    return sp.gamma(sp.Rational(d, 2)) / (sp.sqrt(sp.pi) * sp.gamma(sp.Rational(d - 1, 2)))


def sympy_relu_sphere(ks: Iterable[int], d: int) -> Iterator[tuple[int, sp.Expr, float]]:
    """Exact ReLU a_k on S^{d-1} by ``sympy.integrate``; yields (k, value, seconds) per degree.

    integrand Max(t, 0) P_{k,d}(t) c_d (1-t^2)^{(d-3)/2} over (0, 1) with t positive (so the
    Max is t), P_{k,d} = gegenbauer(k, (d-2)/2, t) / gegenbauer(k, (d-2)/2, 1).
    """
    t = sp.Symbol("t", positive=True)
    lam = sp.Rational(d - 2, 2)
    cd = _sphere_constant_sympy(d)
    for k in ks:
        t0 = time.perf_counter()
        pk = sp.gegenbauer(k, lam, t) / sp.gegenbauer(k, lam, 1)
        integrand = sp.Max(t, 0) * pk * cd * (1 - t**2) ** sp.Rational(d - 3, 2)
        val = sp.integrate(integrand, (t, 0, 1))
        yield k, val, time.perf_counter() - t0


def relu_sphere_closed_form(kmax: int, d: int) -> list[sp.Expr]:
    """ReLU a_0..a_kmax on S^{d-1}, exactly, from vw19.md §2.2 (a second opinion, never timed).

    a_0 = Gamma(d/2) / (2 sqrt(pi) Gamma((d+1)/2)), a_1 = 1/(2d), a_k = 0 for odd k >= 3,
    a_k = (-1)^(k/2-1) Gamma(d/2) Gamma((k-1)/2) / (4 pi Gamma((d+k+1)/2)) for even k >= 2.
    """
    g = sp.gamma(sp.Rational(d, 2))
    out: list[sp.Expr] = []
    for k in range(kmax + 1):
        if k == 0:
            out.append(g / (2 * sp.sqrt(sp.pi) * sp.gamma(sp.Rational(d + 1, 2))))
        elif k == 1:
            out.append(sp.Rational(1, 2 * d))
        elif k % 2:
            out.append(sp.Integer(0))
        else:
            sign = 1 if (k // 2 - 1) % 2 == 0 else -1
            out.append(sign * g * sp.gamma(sp.Rational(k - 1, 2))
                       / (4 * sp.pi * sp.gamma(sp.Rational(d + k + 1, 2))))
    return out


def mpmath_sigmoid_sphere(ks: Iterable[int], d: int, *, dps: int
                          ) -> tuple[list[mpmath.mpf], list[mpmath.mpf], dict[int, int]]:
    """Sigmoid a_k on S^{d-1} by ``mpmath.quad`` on [-1, 0, 1] at ``mp.dps = dps``.

    Returns (values, quad's claimed errors, {k: number of points where mpmath.gegenbauer raised}).
    mpmath.gegenbauer raises ValueError ("hypsum() failed to converge") at exact zeros of C_k
    (e.g. t = +-1/2 for k = 3, d = 10, a tanh-sinh node); those points are retried with
    ``zeroprec`` (mpmath's documented switch to accept a zero), as a user would after the error.
    """
    values, errors, raised = [], [], {}
    lam = mpmath.mpf(d - 2) / 2
    with mpmath.workdps(dps):
        cd = mpmath.gamma(mpmath.mpf(d) / 2) / (mpmath.sqrt(mpmath.pi)
                                                 * mpmath.gamma(mpmath.mpf(d - 1) / 2))
        expo = mpmath.mpf(d - 3) / 2
        for k in ks:
            norm = mpmath.gegenbauer(k, lam, 1)

            def p(t: mpmath.mpf, k: int = k) -> mpmath.mpf:
                try:
                    return mpmath.gegenbauer(k, lam, t)
                except ValueError:
                    raised[k] = raised.get(k, 0) + 1
                    return mpmath.gegenbauer(k, lam, t, zeroprec=4 * mpmath.mp.prec)

            def f(t: mpmath.mpf, norm: mpmath.mpf = norm) -> mpmath.mpf:
                return _sigmoid(t) * p(t) / norm * cd * (1 - t * t) ** expo

            val, err = mpmath.quad(f, [-1, 0, 1], error=True)
            values.append(+val)
            errors.append(+err)
    return values, errors, raised


def sigmoid_sphere_reference(kmax: int, d: int, *, dps: int = 100, n: int = 512
                             ) -> list[mpmath.mpf]:
    """Independent sigmoid a_0..a_kmax on S^{d-1} (d even): periodic trapezoidal rule.

    With t = sin u, a_k = (c_d / 2) int_0^{2 pi} sigma(sin u) P_{k,d}(sin u) cos^{d-2}(u) du for
    even d (cos^{d-2} u is then even about u = pi/2, so the second half-period repeats the
    first). The integrand is smooth and 2 pi-periodic, analytic in |Im u| < asinh(pi) ~ 1.86
    (sigma has its poles at sin u = +-i pi), so the n-point rule errs by about
    exp(-1.86 n) times the integrand's size in that strip (<= 10^(k+10) here): run at two n to
    see the digits kept. P_{k,d} comes from the classical recurrence for the unnormalized
    C_k^lam, divided by C_k^lam(1) = binomial(k + 2 lam - 1, k). No guarantee.
    """
    if d % 2 or d < 4:
        raise ValueError("the periodic form needs an even d >= 4")
    with mpmath.workdps(dps):
        lam = mpmath.mpf(d - 2) / 2
        cd = mpmath.gamma(mpmath.mpf(d) / 2) / (mpmath.sqrt(mpmath.pi)
                                                 * mpmath.gamma(mpmath.mpf(d - 1) / 2))
        sums = [mpmath.mpf(0)] * (kmax + 1)
        for j in range(n):
            u = 2 * mpmath.pi * j / n
            t, c = mpmath.sin(u), mpmath.cos(u)
            w = _sigmoid(t) * c ** (d - 2)
            a, b = mpmath.mpf(1), 2 * lam * t  # C_0, C_1
            sums[0] += w * a
            if kmax >= 1:
                sums[1] += w * b
            for m in range(1, kmax):
                a, b = b, (2 * (m + lam) * t * b - (m + 2 * lam - 1) * a) / (m + 1)
                sums[m + 1] += w * b
        return [+(cd / 2 * (2 * mpmath.pi / n) * sums[k] / mpmath.binomial(k + 2 * lam - 1, k))
                for k in range(kmax + 1)]


def power_basis_sphere(kmax: int, d: int) -> list[fmpq_poly]:
    """Exact P_{k,d} for k = 0..kmax in the power basis (FLINT rationals, d >= 3), from the
    classical C_k^lam recurrence and division by C_k^lam(1)."""
    lam = fmpq(d - 2, 2)
    t = fmpq_poly([0, 1])
    c = [fmpq_poly([1]), 2 * lam * t]
    for k in range(1, kmax):
        c.append((2 * (k + lam) * t * c[k] - (k + 2 * lam - 1) * c[k - 1]) / (k + 1))
    return [ck / ck(1) for ck in c[:kmax + 1]]


def float_coefficients(poly: fmpq_poly) -> tuple[np.ndarray, int]:
    """The power-basis coefficients as doubles (lowest first) and how many overflowed to +-inf
    (a plain ``float()`` raises OverflowError beyond 1.8e308; numpy would store inf)."""
    out, overflow = [], 0
    for i in range(poly.degree() + 1):
        q = poly[i]
        try:
            out.append(int(q.p) / int(q.q))
        except OverflowError:
            overflow += 1
            out.append(float("inf") if q > 0 else float("-inf"))
    return np.array(out), overflow


def eval_power_basis(coeffs: np.ndarray, t: np.ndarray) -> np.ndarray:
    """numpy.polynomial.polynomial.polyval (Horner in doubles)."""
    with np.errstate(all="ignore"):
        return np.polynomial.polynomial.polyval(t, coeffs)


# ---------------------------------------------------------------------------------------------
# Families (ggjkk20): what a user writes without verify.

def parity_units(k: int) -> tuple[np.ndarray, np.ndarray]:
    """All ``w in {+-1}^k`` (rows) and ``chi(w) = prod w``."""
    w = 1 - 2 * ((np.arange(2**k)[:, None] >> np.arange(k)[None, :]) & 1)
    return w, np.prod(w, axis=1)


def naive_class_sums(k: int, overlap: int) -> dict[tuple[int, int], int]:
    """Pure-Python grouping of every unit pair of f_S, f_T (|S| = |T| = k, |S & T| = overlap)
    by the invariant <w, v> (norms are all k, biases 0): the obvious double loop."""
    w, chi = parity_units(k)
    rows = [tuple(r) for r in w.tolist()]
    signs = chi.tolist()
    out: dict[tuple[int, int], int] = {}
    for a, ca in zip(rows, signs, strict=True):
        for b, cb in zip(rows, signs, strict=True):
            # S = 0..k-1, T = k-overlap..2k-overlap-1: shared coordinates are the last `overlap`
            dot = sum(a[k - overlap + i] * b[i] for i in range(overlap))
            out[(k, dot)] = out.get((k, dot), 0) + ca * cb
    return out


def plain_parity_squares(k: int, x: np.ndarray) -> np.ndarray:
    """``f_S(x)^2`` for relu, all 2^k units, plain numpy (no pairing, no reduced form)."""
    w, chi = parity_units(k)
    pre = x @ (w.T / np.sqrt(k))
    return (np.maximum(pre, 0.0) @ chi) ** 2


def _main(argv: list[str]) -> int:
    """``sympy-relu-sphere D KMAX``: one JSON line {k, srepr, seconds} per finished degree."""
    if len(argv) == 3 and argv[0] == "sympy-relu-sphere":
        d, kmax = int(argv[1]), int(argv[2])
        for k, val, sec in sympy_relu_sphere(range(kmax + 1), d):
            print(json.dumps({"k": k, "srepr": sp.srepr(val), "seconds": sec}), flush=True)
        return 0
    print(_main.__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
