"""The core's moments, double factorial and normal functions as the ggjkk20 package calls
them (A11, A12, A17, A23, A10b), against the formulas the first edition wrote by hand."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
import sympy as sp
from flint import arb, fmpq, fmpq_poly

from verify import moments as M
from verify import special as S
from verify.numbers import workprec


def _first_edition_dfact(n: int) -> int:
    return math.prod(range(n, 0, -2)) if n > 0 else 1


@pytest.mark.parametrize("n", range(-1, 30))
def test_double_factorial_agrees_where_the_package_calls_it(n: int) -> None:
    """A17 calls (k-3)!! for even k >= 2 and the sphere moments (b-1)!! for even b >= 0: all
    n >= -1, where the core agrees with the first edition (the core raises below -1)."""
    assert S.double_factorial(n) == _first_edition_dfact(n)


def test_double_factorial_refuses_below_minus_one() -> None:
    with pytest.raises(ValueError):
        S.double_factorial(-2)


@pytest.mark.parametrize("beta", [(), (0,), (1,), (2,), (2, 4), (4, 0, 2), (2, 1), (6, 2, 2, 0)])
def test_cube_moment(beta: tuple[int, ...]) -> None:
    """A11: E[prod U_i^beta_i], U ~ Unif[-1, 1]: prod 1/(beta_i + 1) for even entries, else 0."""
    want = Fraction(0) if any(b % 2 for b in beta) else math.prod(
        (Fraction(1, b + 1) for b in beta), start=Fraction(1))
    assert M.cube_monomial_moment(beta) == fmpq(want.numerator, want.denominator)


@pytest.mark.parametrize("j", range(0, 12))
def test_half_line_moment_is_the_relu_moment(j: int) -> None:
    """A12: E[relu(t) t^j] = int_0^oo t^{j+1} phi = 2^{(j+1)/2} Gamma((j+2)/2)/(2 sqrt(pi))."""
    first = 2 ** sp.Rational(j + 1, 2) * sp.gamma(sp.Rational(j + 2, 2)) / (2 * sp.sqrt(sp.pi))
    assert sp.simplify(M.half_line_moment(j + 1).sympy() - first) == 0


def _first_edition_sphere(beta: tuple[int, ...]) -> Fraction:
    if any(b % 2 for b in beta):
        return Fraction(0)
    d, total = len(beta), sum(beta)
    num = math.prod(_first_edition_dfact(b - 1) for b in beta)
    den = math.prod(d + 2 * i for i in range(total // 2))
    return Fraction(num, den)


def test_sphere_and_hypercube_monomial_moments() -> None:
    """A23: E[theta^beta] on S^{d-1} (d = len(beta)) and on {+-1}^d."""
    for d in (3, 4, 5):
        for beta in itertools.product(range(5), repeat=d):
            if sum(beta) > 8:
                continue
            want = _first_edition_sphere(beta)
            assert M.sphere_monomial_moment(d, beta) == fmpq(want.numerator, want.denominator)
            cube = 0 if any(b % 2 for b in beta) else 1
            assert M.hypercube_monomial_moment(beta) == cube


def test_normal_functions_of_the_shifted_control() -> None:
    """A10b: phi, Phi and the upper tail, in balls (acb inside the integrand) and in SymPy."""
    z = sp.Symbol("z")
    with workprec(120):
        for x in (arb(-3), arb("0.5"), arb(12) - arb(1) / 2):
            phi = (-x * x / 2).exp() / (2 * arb.pi()).sqrt()
            cdf = (1 + (x / arb(2).sqrt()).erf()) / 2
            assert S.normal_pdf(x).overlaps(phi) and S.normal_cdf(x).overlaps(cdf)
            assert S.normal_sf(x).overlaps((x / arb(2).sqrt()).erfc() / 2)
    assert sp.simplify(S.normal_cdf_sympy(z) - (1 + sp.erf(z / sp.sqrt(2))) / 2) == 0
    assert sp.simplify(S.normal_pdf_sympy(z) - sp.exp(-z**2 / 2) / sp.sqrt(2 * sp.pi)) == 0


def test_truncated_power_series_coefficient() -> None:
    """A15/A16's [t^d] p^k by flint's pow_trunc (the first edition truncated by hand)."""
    p = fmpq_poly([0, 1, 0, fmpq(1, 6), 0, fmpq(1, 120)])
    for k in range(1, 5):
        full = (p**k).coeffs()
        for d in range(0, 12):
            want = full[d] if d < len(full) else 0
            assert p.pow_trunc(k, d + 1)[d] == want
