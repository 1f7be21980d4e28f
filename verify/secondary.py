r"""Second methods: certified values computed by algorithms independent of the core's.

The catalogue decides an identity by two methods that must not share computed numbers. Where
the core (:mod:`verify.hermite`) integrates ``sigma(x) He_k(x) phi(x)``, this module reaches
the same quantities through a different integrand, so a bug in one route cannot be copied
into the other.

* :func:`logistic_hermite_coefficient` -- the Hermite coefficients of the logistic sigmoid by
  its Fourier transform (a positive integrand, no Hermite polynomial evaluated);
* :func:`logistic_second_moment` -- ``E[sigma(g)^2] = 1/2 - c_1`` (an exact identity), from
  the same Fourier integral;
* :func:`logistic_squared_coefficients` and :func:`logistic_dual_kernel` -- ``c_d^2`` with
  Parseval's remainder, and the dual kernel ``K(rho) = sum c_d^2 rho^d`` with its proved tail,
  from those coefficients (the core's kernel uses its own quadrature coefficients);
* :func:`relu_squared_coefficients` and :func:`relu_kernel_series` -- ReLU's ``c_d^2`` by the
  two-term recurrence of ggjkk20 A7 (exact rationals times ``1/pi``; the core uses the jump
  formula), and its Mehler series with Parseval's tail (the core uses the closed form).

Convention: probabilists' Hermite polynomials, ``h_k = He_k/sqrt(k!)`` orthonormal under
``N(0, 1)``, ``c_k = E[sigma(g) h_k(g)]`` (proofs_notes/conventions.md).
"""

from __future__ import annotations

import functools
import math

from flint import acb, arb, ctx, fmpq

from .numbers import check_digits, guard_bits, workprec

__all__ = ["logistic_dual_kernel", "logistic_hermite_coefficient", "logistic_second_moment",
           "logistic_squared_coefficients", "relu_kernel_series", "relu_squared_coefficients"]

#: Working precision is raised at most to this many bits before the ball is returned as is.
_MAX_BITS = 2000


def logistic_hermite_coefficient(k: int, *, digits: int = 20) -> arb:
    r"""``c_k`` of the logistic sigmoid ``sigma(x) = 1/(1 + e^{-x})`` by its Fourier transform.

    Definition: ``c_k = E[sigma(g) He_k(g)]/sqrt(k!)``, ``g ~ N(0, 1)``. Since
    ``sigma - 1/2`` is odd, ``c_0 = 1/2`` and ``c_k = 0`` for even ``k >= 2``. For odd ``k``,
    Stein's identity ``E[sigma He_k] = E[sigma' He_{k-1}]``, the transform
    ``int sigma'(x) e^{-i w x} dx = pi w/sinh(pi w)`` and ``E[e^{i w g} He_n(g)] = (i w)^n
    e^{-w^2/2}`` give

    .. math:: c_k = \frac{(-1)^{(k-1)/2}}{\sqrt{k!}}\int_0^\infty
              \frac{w^k e^{-w^2/2}}{\sinh(\pi w)}\,dw .

    Guarantee: an Arb ball that contains ``c_k``: ``acb.integral`` on ``[0, L]`` (the integrand
    written as ``w^{k-1}/(pi sinc(i pi w))``, analytic at 0) plus the proved tail
    ``int_L^oo <= 2^{(k-1)/2} Gamma((k+1)/2, L^2/2)/sinh(pi L)`` (``sinh`` increases). ``L``
    and the precision are raised until the radius is at most ``10**-digits * |c_k|``; if the
    precision limit is reached first, the (valid, wider) ball is returned: callers compare
    widths, they never assume them.

    Raises: TypeError / ValueError for a ``k`` that is not a non-negative int, or bad digits.

    Reference: ggjkk20 note A25; tests/reference/test_secondary.py.

    >>> from verify.numbers import report_ball
    >>> report_ball(logistic_hermite_coefficient(1, digits=15), 15)[0]
    '0.206620964141907037'
    >>> logistic_hermite_coefficient(4) == 0, logistic_hermite_coefficient(0) == arb(1) / 2
    (True, True)
    """
    k = _degree(k)
    digits = check_digits(digits)
    if k == 0:
        return arb(1) / 2
    if k % 2 == 0:
        return arb(0)
    prec = guard_bits(digits, extra=10 + k)
    length = max(8.0, 2 * math.sqrt(k) + 6)
    ball = arb("nan")
    while prec <= _MAX_BITS:
        with workprec(prec):
            ball = _fourier_integral(k, length, prec)
            ball = ball * (-1) ** ((k - 1) // 2) / arb.fac_ui(k).sqrt()
            if ball.is_finite() and ball.rad() * 10**digits <= abs(ball.mid()):
                return +ball
        prec = int(prec * 1.5)
        length *= 1.25
    return ball


def logistic_second_moment(*, digits: int = 20) -> arb:
    r"""``E[sigma(g)^2]`` for the logistic sigmoid, by the exact identity
    ``E[sigma^2] = 1/2 - c_1``.

    Proof: ``sigma(x) sigma(-x) = sigma(x)(1 - sigma(x)) = sigma'(x)``, so
    ``sigma^2 + sigma(-x)^2 = 1 - 2 sigma'``; averaging over ``x -> -x``,
    ``E[sigma^2] = 1/2 - E[sigma'(g)]``, and ``E[sigma'] = c_1`` (Stein).

    Guarantee: a ball that contains the value (from :func:`logistic_hermite_coefficient`).

    >>> from verify.numbers import report_ball
    >>> report_ball(logistic_second_moment(digits=12), 12)[0]
    '0.293379035858093'
    """
    digits = check_digits(digits)
    with workprec(guard_bits(digits, extra=10)):
        return arb(1) / 2 - logistic_hermite_coefficient(1, digits=digits + 1)


@functools.cache
def logistic_squared_coefficients(terms: int, *, digits: int = 20
                                  ) -> tuple[tuple[arb, ...], arb, arb]:
    r"""``(c_0^2, ..., c_N^2)``, ``E[sigma(g)^2]`` and Parseval's remainder for the logistic
    sigmoid, ``N = terms``, by the Fourier route.

    Definition: ``c_d`` as in :func:`logistic_hermite_coefficient`; the remainder is
    ``R_N = E[sigma^2] - sum_{d <= N} c_d^2 = sum_{d > N} c_d^2 >= 0`` (Parseval).

    Guarantee: balls that contain each ``c_d^2`` and ``E[sigma^2]``
    (:func:`logistic_second_moment`), each coefficient asked to ``digits`` digits; the third
    value is an exact number ``U >= R_N`` (the upper end of the computed difference; Parseval
    gives ``R_N >= 0``). Computed at
    ``guard_bits(digits, extra=120)`` bits (the squares and the N-term difference lose no more).
    Cached per ``(terms, digits)``.

    Raises: TypeError / ValueError for a bad ``terms`` or ``digits``.

    >>> c2, mass, rest = logistic_squared_coefficients(3, digits=15)
    >>> c2[2] == 0 and rest.rad() == 0 and 0 <= rest < 1e-3
    True
    """
    terms = _degree(terms, "terms")
    digits = check_digits(digits)
    with workprec(guard_bits(digits, extra=120)):
        c2 = tuple(logistic_hermite_coefficient(d, digits=digits) ** 2 for d in range(terms + 1))
        mass = logistic_second_moment(digits=digits)
        rest = mass
        for v in c2:
            rest -= v
        return c2, mass, arb(rest.nonnegative_part().upper())


def logistic_dual_kernel(rho: fmpq | int, *, terms: int = 64, digits: int = 20) -> arb:
    r"""The dual kernel ``K(rho) = E[sigma(g) sigma(g')]`` of the logistic sigmoid, ``(g, g')``
    standard normals with correlation ``rho``, from the Fourier-route coefficients.

    Definition (Mehler): ``K(rho) = sum_d c_d^2 rho^d`` for ``|rho| <= 1``; ``K(1) = E sigma^2``
    and, since ``sigma(-x) = 1 - sigma(x)``, ``K(-1) = E[sigma(g)(1 - sigma(g))] =
    1/2 - E sigma^2``.

    Guarantee: a ball containing ``K(rho)``: the partial sum to ``N = terms`` of
    :func:`logistic_squared_coefficients` plus the proved tail ``[-|rho|^{N+1} R_N,
    |rho|^{N+1} R_N]`` (``|sum_{d>N} c_d^2 rho^d| <= |rho|^{N+1} R_N``); exact identities at
    ``rho = +-1``. Evaluated at the working precision (call it inside ``workprec``).

    Raises: TypeError for a ``rho`` that is not an exact rational (int or fmpq), ValueError for
    ``|rho| > 1`` or bad ``terms``/``digits``.

    >>> from verify.numbers import report_ball
    >>> report_ball(logistic_dual_kernel(fmpq(0), terms=8, digits=15), 12)[0]
    '0.25'
    """
    if isinstance(rho, bool) or not isinstance(rho, int | fmpq):
        raise TypeError(f"rho={rho!r} must be an exact rational (int or fmpq)")
    r = fmpq(rho)
    if abs(r) > 1:
        raise ValueError(f"rho={r} must lie in [-1, 1]")
    c2, mass, rest = logistic_squared_coefficients(terms, digits=digits)
    if r == 1:
        return +mass
    if r == -1:
        return arb(1) / 2 - mass
    ball, power, total = arb(r), arb(1), arb(0)
    for v in c2:
        total += v * power
        power *= ball
    return total + arb(0, (abs(power) * rest).upper())


def relu_squared_coefficients(n_terms: int) -> tuple[arb, ...]:
    r"""``(c_0^2, ..., c_N^2)`` of ``relu(x) = max(x, 0)``, ``N = n_terms``, by a recurrence.

    Definition: ``c_d = E[relu(g) He_d(g)]/sqrt(d!)``. Values: ``c_0^2 = 1/(2 pi)``,
    ``c_1^2 = 1/4``, ``c_d^2 = 0`` for odd ``d >= 3``, ``c_2^2 = 1/(4 pi)`` and
    ``c_{d+2}^2 = c_d^2 (d-1)^2/((d+1)(d+2))`` for even ``d >= 2`` (from
    ``c_d = (-1)^{d/2-1} (d-3)!!/sqrt(2 pi d!)``, ggjkk20 A7: Stein's identity with
    ``relu'' = delta_0``). The rational factors are exact (fmpq); only ``1/pi`` is a ball.

    Guarantee: balls at the working precision that contain the values; cached per
    ``(n_terms, working precision)``.

    Raises: TypeError / ValueError for an ``n_terms`` that is not a non-negative int.

    >>> c2 = relu_squared_coefficients(6)
    >>> c2[1] == arb(1) / 4, c2[3] == 0, c2[6].overlaps(arb(1) / (160 * arb.pi()))
    (True, True, True)
    """
    return _relu_squared(_degree(n_terms, "n_terms"), ctx.prec)


@functools.cache
def _relu_squared(n_terms: int, prec: int) -> tuple[arb, ...]:
    with workprec(prec):
        inv_pi = 1 / arb.pi()
        out = [inv_pi / 2, arb(1) / 4]
        q = fmpq(1, 4)
        for d in range(2, n_terms + 1):
            if d % 2:
                out.append(arb(0))
                continue
            if d > 2:
                q = q * fmpq((d - 3) ** 2, (d - 1) * d)
            out.append(arb(q) * inv_pi)
        return tuple(out[: n_terms + 1])


def relu_kernel_series(rho: fmpq | int, n_terms: int) -> tuple[arb, arb]:
    r"""ReLU's dual kernel ``K(rho) = sum_d c_d^2 rho^d`` by its Mehler series, with a proved
    tail: ``(ball, tail bound)``.

    Definition: ``K(rho) = E[relu(g) relu(g')]`` for standard normals of correlation ``rho``
    (closed form ``(sqrt(1 - rho^2) + (pi - arccos rho) rho)/(2 pi)``, which this function
    does not use).

    Guarantee: the partial sum to ``N = n_terms`` of :func:`relu_squared_coefficients` plus
    ``[-T, T]`` with ``T = |rho|^{N+1} R_N`` an upper bound of the tail, ``R_N = 1/2 -
    sum_{d <= N} c_d^2`` (Parseval: ``E relu^2 = 1/2``, ``R_N >= 0``); the ball contains
    ``K(rho)`` for ``|rho| <= 1``. At the working precision.

    Raises: TypeError for a ``rho`` that is not an exact rational, ValueError for
    ``|rho| > 1`` or a bad ``n_terms``.

    >>> value, tail = relu_kernel_series(fmpq(0), 4)
    >>> value.overlaps(1 / (2 * arb.pi())), tail == 0
    (True, True)
    """
    if isinstance(rho, bool) or not isinstance(rho, int | fmpq):
        raise TypeError(f"rho={rho!r} must be an exact rational (int or fmpq)")
    r = fmpq(rho)
    if abs(r) > 1:
        raise ValueError(f"rho={r} must lie in [-1, 1]")
    c2 = relu_squared_coefficients(n_terms)
    ball, power, total, rest = arb(r), arb(1), arb(0), arb(1) / 2
    for v in c2:
        total += v * power
        rest -= v
        power *= ball
    tail = arb((abs(power) * rest.nonnegative_part()).upper())
    return total + arb(0, tail.upper()), tail


def _fourier_integral(k: int, length: float, prec: int) -> arb:
    """``int_0^L w^k e^{-w^2/2}/sinh(pi w) dw`` plus the proved tail beyond ``L``."""
    pi = arb.pi()

    def integrand(z: acb, analytic: bool) -> acb:
        # w^k/sinh(pi w) = w^{k-1}/(pi sinc(i pi w)): no 0/0 at w = 0.
        return z ** (k - 1) * (-z * z / 2).exp() / (pi * (acb(0, 1) * pi * z).sinc())

    lo, hi = acb(0), acb(arb(length))
    main = acb.integral(integrand, lo, hi, rel_tol=arb(2) ** (-prec + 8)).real
    big_l = arb(length)
    half = arb(k + 1) / 2
    tail = arb(2) ** ((arb(k) - 1) / 2) * (big_l * big_l / 2).gamma_upper(half) \
        / (pi * big_l).sinh()
    return main + arb(0, tail.upper())


def _degree(k: object, name: str = "k") -> int:
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"{name}={k!r} must be a non-negative integer (a degree)")
    if k < 0:
        raise ValueError(f"{name}={k} must be a non-negative integer (a degree)")
    return k
