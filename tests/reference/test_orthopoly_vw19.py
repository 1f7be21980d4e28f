"""verify.orthopoly's Hermite families as the vw19 catalogue uses them (C12, C13, C21): the
probabilists' He_k and the physicists' H_k (the planted swap), against SymPy.

Provenance: ``sympy.hermite`` (physicists') and ``sympy.hermite_prob`` (probabilists'), and the
printed He_4 = x^4 - 6x^2 + 3 -- formerly tested on the catalogue's private ``_he_coeffs`` /
``_h_phys_coeffs``.
"""

from __future__ import annotations

import sympy as sp
from flint import fmpq, fmpq_poly

from verify import orthopoly as O

X = sp.Symbol("x")


def test_he_coefficients_are_monic_probabilists() -> None:
    assert O.hermite_prob_poly(4).coeffs() == [3, 0, -6, 0, 1]
    assert fmpq_poly([fmpq(c) for c in O.hermite_phys_poly(2).coeffs()]) == fmpq_poly([-2, 0, 4])


def test_both_families_against_sympy() -> None:
    for k in range(25):
        he = sp.Poly(sp.hermite_prob(k, X), X).all_coeffs()[::-1]
        h = sp.Poly(sp.hermite(k, X), X).all_coeffs()[::-1]
        assert [sp.Rational(str(c)) for c in O.hermite_prob_poly(k).coeffs()] == he, k
        assert [sp.Integer(int(c)) for c in O.hermite_phys_poly(k).coeffs()] == h, k
