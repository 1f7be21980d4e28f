"""The norm quantities of f_S under N(0, I) that several entries share (A4, A5, A8, A9, A12):
the dual-kernel form (A5), the Hermite form (A4) and the ReLU kernel series (A6).

Which numbers each form uses, so that the two never share a computed value:

* ReLU: ``c_d^2`` from A7's exact recurrence (:func:`verify.secondary.relu_squared_coefficients`)
  in the Hermite form and in A6's series; the
  core's closed-form arc-cosine kernel (:func:`verify.kernels.kernel_closed_form`) in the dual
  form.
* sigmoid: ``c_d`` from the Fourier integral (:mod:`verify.secondary`, a different integrand
  from the core's) in the Hermite form and in the kernel series
  (:func:`verify.secondary.logistic_dual_kernel`); the network norms come from the core
  (:mod:`verify.networks` / :mod:`verify.family_check`: He_k quadrature + Mehler series).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from fractions import Fraction

from flint import arb, fmpq

from verify.activations import Activation
from verify.gram import gaussian_inner_product
from verify.networks import parity_network
from verify.numbers import guard_bits, workprec
from verify.secondary import (
    logistic_dual_kernel,
    logistic_hermite_coefficient,
    logistic_squared_coefficients,
    relu_kernel_series,
    relu_squared_coefficients,
)

from ._common import RELU, SIGMOID, _relu_kernel_arb

_SIG_TERMS = 64  # Fourier-route sigmoid Hermite coefficients used by the norm formulas
_SIG_DIGITS = 34  # their digits at 20 profile digits (the dual form's alternating sum cancels
# up to ~10 of them); a profile with more digits asks for _SIG_DIGITS - 20 more


@functools.cache
def _sigmoid_c(d: int, digits: int = _SIG_DIGITS) -> arb:
    """``c_d`` of the sigmoid by the Fourier route, to ``digits`` digits (cached)."""
    return logistic_hermite_coefficient(d, digits=digits)


def _sig_digits(profile_digits: int) -> int:
    return _SIG_DIGITS + max(0, profile_digits - 20)


def _sig_terms(profile_digits: int) -> int:
    """Fourier-route coefficients summed: 64 reach 20 digits for k <= 7 (the series tails
    ``|rho|^{N+1} R_N`` and ``((k-2)/k)^{N+1} R_N``); more digits need more terms."""
    return _SIG_TERMS if profile_digits <= 20 else 2 * _SIG_TERMS


def _kernel(act: Activation, r: fmpq, digits: int = _SIG_DIGITS) -> arb:
    """The dual kernel of the dual form: ReLU's closed form, or the sigmoid's series of
    Fourier-route coefficients (``digits`` is the coefficients' digits, :func:`_sig_digits`)."""
    if act.name == "relu":
        return _relu_kernel_arb(r)
    return logistic_dual_kernel(r, terms=_sig_terms(digits - _SIG_DIGITS + 20), digits=digits)


@functools.cache
def _norm_dual(act_name: str, k: int, variant: str = "", profile_digits: int = 20) -> arb:
    """``2^k sum_j (-1)^j C(k,j) K(1 - 2j/k)`` (A5) in Arb; ``variant="one_minus_j_over_k"`` is
    the planted ``K(1 - j/k)``."""
    act = RELU if act_name == "relu" else SIGMOID
    digits = _sig_digits(profile_digits)
    # 4k extra bits: the alternating binomial sum cancels up to 2^k of the leading digits.
    with workprec(guard_bits(digits, extra=4 * k + 90)):
        total = arb(0)
        for j in range(k + 1):
            r = fmpq(k - j, k) if variant == "one_minus_j_over_k" else fmpq(k - 2 * j, k)
            total += (-1) ** j * math.comb(k, j) * _kernel(act, r, digits)
        return total * 2**k


@functools.cache
def _network_norm(act_name: str, k: int, digits: int) -> tuple[object, arb, str]:
    """``E[f_S^2]`` from the network itself, by the core (``gaussian_inner_product`` over the
    invariant classes: closed-form kernel for ReLU, certified Mehler series for the sigmoid)."""
    f = parity_network(k, tuple(range(k)), RELU if act_name == "relu" else SIGMOID)
    return gaussian_inner_product(f, f, digits=digits)


def _inner_sum(k: int, d: int) -> int:
    """``sum_j (-1)^j C(k,j) (k-2j)^d = 2^k d! [t^d] sinh^k t`` (A16), an integer."""
    return sum((-1) ** j * math.comb(k, j) * (k - 2 * j) ** d for j in range(k + 1))


def _inner_bound(k: int, d: int) -> arb:
    """Proved ``0 <= I_d := k^{-d} sum_j (-1)^j C(k,j)(k-2j)^d <= 2 + (2^k - 2)((k-2)/k)^d``."""
    return 2 + (arb(2) ** k - 2) * (arb(k - 2) / k) ** d


def _relu_terms_needed(k: int, digits: int) -> int:
    """Smallest N = k mod 2 with ``4^k ((k-2)/k)^(N+1) <= 10^-(digits+7)``: the uncertainty
    of the accelerated tail of :func:`_norm_hermite` (``R_N <= 1/2``) is then far below
    ``10^-digits |f_S|^2`` (``|f_S|^2 > 1/4`` for even k, A5's table and A17); the comparison
    with the dual form decides whether it sufficed."""
    if k <= 2:
        return k
    q = math.log((k - 2) / k)
    need = (digits + 7) * math.log(10) + 2 * k * math.log(2)
    n = int(math.ceil(need / -q)) + 1
    return n + (n - k) % 2


@functools.cache
def _norm_hermite(act_name: str, k: int, variant: str = "", digits: int = 20
                  ) -> tuple[arb, arb, int]:
    """The Hermite form (A4) ``2^k sum_{d >= k, d = k mod 2} c_d^2 I_d`` with
    ``I_d = k^{-d} sum_j (-1)^j C(k,j) (k-2j)^d``, summed to degree N, with an accelerated,
    proved tail: for ``d = k mod 2`` the terms ``j = 0`` and ``j = k`` of ``I_d`` are 1 each,
    so ``I_d = 2 + E_d`` with ``|E_d| <= (2^k - 2)((k-2)/k)^d``; the coefficients ``c_d``,
    ``d > N``, that f_S can see are all those of degree ``> N`` (the others vanish: ReLU's odd
    ones beyond 1, the sigmoid's even ones beyond 0), so the tail is
    ``2^k (2 R_N + E)`` with ``R_N = E sigma^2 - sum_{d <= N} c_d^2`` computed, and
    ``|E| <= (2^k - 2)((k-2)/k)^(N+1) R_N``.

    ``variant="missing_dfact"`` is the planted form without ``d!`` (``c_d^2`` replaced by
    ``c_d^2/d!``); its tail is bounded crudely by ``2^k max I_d R_N/(N+1)!``.
    Returns ``(ball including the tail, radius of the tail's uncertainty, N)``.
    """
    # 3k extra bits: 2^k times sums of k-th powers of (k-2j)/k.
    with workprec(guard_bits(digits, extra=3 * k + 60)):
        if act_name == "relu":
            n_terms = _relu_terms_needed(k, digits)
            c2: Sequence[arb] = relu_squared_coefficients(n_terms)
            mass = arb(1) / 2
        else:
            n_terms = _sig_terms(digits)
            c2_t, mass, _ = logistic_squared_coefficients(n_terms, digits=_sig_digits(digits))
            c2 = list(c2_t)
        rest = mass
        for v in c2[: n_terms + 1]:
            rest -= v
        rest = rest.nonnegative_part()
        rhos = [arb(fmpq(k - 2 * j, k)) for j in range((k + 1) // 2)]
        signs = [(-1) ** j * math.comb(k, j) for j in range((k + 1) // 2)]
        powers = [r**k for r in rhos]
        sq = [r * r for r in rhos]
        total, fact = arb(0), arb.fac_ui(k)
        for d in range(k, n_terms + 1, 2):
            # I_d: the terms j and k - j are equal (d = k mod 2); j = k/2 has rho = 0.
            inner = 2 * sum((s * p for s, p in zip(signs, powers, strict=True)), arb(0))
            term = c2[d] * inner
            if variant == "missing_dfact":
                term /= fact
                fact *= (d + 1) * (d + 2)
            total += term
            powers = [p * s for p, s in zip(powers, sq, strict=True)]
        if variant == "missing_dfact":
            tail = arb(0, (_inner_bound(k, n_terms + 1) * rest.upper() / arb.fac_ui(n_terms + 1))
                       .upper())
        else:
            err = (arb(2) ** k - 2) * (arb(k - 2) / k) ** (n_terms + 1) * rest
            tail = 2 * rest + arb(0, err.upper())
        value = arb(2) ** k * (total + tail)
        return value, arb((arb(2) ** k * tail).rad()), n_terms


def _relu_series(rho: Fraction, digits: int, *, halve: bool = False) -> tuple[arb, arb, int]:
    """``sum_d c_d^2 rho^d`` for ReLU with the proved tail ``|rho|^{N+1} R_N``
    (:func:`verify.secondary.relu_kernel_series`), N chosen so that ``|rho|^N <= 1e-60`` (or
    N = 20000 at |rho| > 0.97, where at |rho| = 1 the tail is
    ``R_N <= (1/(3 pi)) (N-2)^{-3/2}``)."""
    r = abs(float(rho))
    n = 20000 if r > 0.97 else min(20000, int(60 / max(1e-9, -math.log10(r))) + 40
                                     if r > 0 else 2)
    # 80 extra bits: up to 20000 terms are summed.
    with workprec(guard_bits(digits, extra=80)):
        value, tail = relu_kernel_series(fmpq(rho.numerator, rho.denominator), n)
        return (value / 2 if halve else value), tail, n
