"""Baselines a user would reach for today, written independently of ``verify`` (no import of it).

c_k = E[sigma(g) He_k(g)] / sqrt(k!), g ~ N(0, 1), He_k the probabilists' Hermite polynomial.

* :func:`mpmath_sigmoid` -- ``mpmath.quad`` over ``[-inf, 0, inf]`` at a given ``mp.dps``, with
  ``He_k(x) = 2**(-k/2) H_k(x/sqrt(2))`` from ``mpmath.hermite`` (physicists' H_k). Returns the
  values and the error estimates quad claims (no guarantee: see ANCHORS.md).
* :func:`sympy_relu` -- ``sympy.integrate`` of ``Max(x, 0) He_k(x) exp(-x^2/2)/sqrt(2 pi)`` over
  ``(0, oo)``, divided by ``sqrt(k!)``: exact SymPy expressions.
* :func:`mpmath_sigmoid_reference` -- an independent cross-check for a single high-degree
  coefficient: ``mpmath.quad`` with the line cut into short pieces (so each piece holds only a few
  oscillations of He_k) at high ``dps``, run at two precisions; used only to confirm the
  reference ball, never timed against verify.

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


def mpmath_sigmoid_reference(k: int, *, dps: int = 60, step: float = 0.25,
                             cut: float = 60.0) -> mpmath.mpf:
    """An independent value of sigmoid c_k: quad on pieces of length ``step`` of [-cut, cut].

    He_k is evaluated by the three-term recurrence (not mpmath.hermite), the tails beyond
    ``|x| = cut`` are below exp(-cut^2/2) * cut^k (negligible for k <= 400 at cut = 60), and the
    odd part is used (sigma - 1/2 is odd), so c_k = 2 int_0^cut (sigma - 1/2) He_k phi / sqrt(k!)
    for odd k, and c_k = 0 for even k >= 2. No guarantee; only a second opinion.
    """
    if k == 0:
        return mpmath.mpf(1) / 2
    if k % 2 == 0:
        return mpmath.mpf(0)
    with mpmath.workdps(dps):
        norm = 1 / mpmath.sqrt(2 * mpmath.pi)

        def he(x: mpmath.mpf) -> mpmath.mpf:
            a, b = mpmath.mpf(1), x
            for n in range(1, k):
                a, b = b, x * b - n * a
            return b

        def f(x: mpmath.mpf) -> mpmath.mpf:
            return (mpmath.tanh(x / 2) / 2) * he(x) * mpmath.exp(-x * x / 2) * norm

        n = int(cut / step)
        points = [mpmath.mpf(i) * mpmath.mpf(step) for i in range(n + 1)]
        total = mpmath.quad(f, points)
        return +(2 * total / mpmath.sqrt(mpmath.factorial(k)))


def sympy_relu(ks: Iterable[int]) -> list[sp.Expr]:
    """Exact ReLU c_k for k in ``ks`` by ``sympy.integrate`` over (0, oo)."""
    x = sp.Symbol("x", real=True)
    out = []
    for k in ks:
        integrand = sp.Max(x, 0) * sp.hermite_prob(k, x) * sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi)
        val = sp.integrate(integrand, (x, 0, sp.oo))
        out.append(val / sp.sqrt(sp.factorial(k)))
    return out
