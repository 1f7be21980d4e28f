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

>>> vals, errs = mpmath_sigmoid(range(3), dps=20)
>>> [mpmath.nstr(v, 10) for v in vals[:2]], abs(vals[2]) < 1e-18
(['0.5', '0.2066209641'], True)
"""

from __future__ import annotations

from collections.abc import Iterable

import mpmath
import sympy as sp


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
