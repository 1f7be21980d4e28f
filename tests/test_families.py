"""Ridge, coordinate-product and p-concept families: exact Gram entries against an independent
quadrature (d = 2) and Monte Carlo, certificates, planted failures, bad input."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
import sympy as sp

from verify.checks import Verdict
from verify.families import (
    coordinate_product_second_moment,
    coordinate_products_certificate,
    gegenbauer_at_sqrt,
    p_concept_certificate,
    p_concept_label,
    ridge_family,
    ridge_orthogonality,
    sign_vector_directions,
)
from verify.measures import ball, gaussian, sphere
from verify.montecarlo import estimate
from verify.networks import parity_network


@pytest.mark.parametrize("k", [0, 1, 2, 5, 8])
def test_ridge_gram_on_the_circle_against_quadrature(k: int) -> None:
    # d = 2: E_theta[T_k(cos(theta - a)) T_k(cos(theta - b))] by mpmath quadrature.
    dirs = [(1, 0), (3, 4), (-5, 12)]
    fam = ridge_family(k, 2, dirs)
    with mpmath.workdps(30):  # the angles too: a double-precision angle is off by ~1e-17
        angles = [mpmath.atan2(u[1], u[0]) for u in dirs]
        for i in range(3):
            for j in range(3):
                ref = mpmath.quad(lambda th, i=i, j=j: mpmath.chebyt(
                    k, mpmath.cos(th - angles[i])) * mpmath.chebyt(k, mpmath.cos(th - angles[j])),
                    mpmath.linspace(0, 2 * mpmath.pi, 9)) / (2 * mpmath.pi)
                exact = mpmath.mpf(sp.Rational(fam.entry(i, j)).p) / sp.Rational(fam.entry(i, j)).q
                assert abs(exact - ref) < mpmath.mpf(10) ** -25 * (1 + abs(ref))


def test_ridge_gram_against_monte_carlo() -> None:
    fam = ridge_family(3, 5, [(1, 0, 0, 0, 0), (1, 1, 0, 0, 0), (1, 2, 2, 0, 0)])
    law = sphere(5)
    for i, j in [(0, 0), (0, 1), (1, 2)]:
        est = estimate(lambda x, i=i, j=j: fam.evaluate(i, x) * fam.evaluate(j, x), law,
                       n_samples=400_000, seed=3)
        assert abs(est.z(float(fam.entry(i, j)))) < 5, (i, j, est)


def test_gegenbauer_at_sqrt_matches_ball_values() -> None:
    from flint import arb, fmpq

    from verify.orthopoly import gegenbauer_sphere_values
    for k, d, t_sq, sign in [(7, 5, fmpq(2, 7), -1), (6, 3, fmpq(1, 3), 1), (1, 10, fmpq(1, 4), 1)]:
        exact = gegenbauer_at_sqrt(k, d, t_sq, sign)
        ball = gegenbauer_sphere_values(k, d, sign * arb(t_sq).sqrt())[k]
        assert ball.contains(arb(str(sp.N(exact, 40)))) or abs(
            float(ball.mid()) - float(exact)) < 1e-15


def test_orthogonal_and_nearly_orthogonal_directions() -> None:
    # Odd k, perpendicular axes: P_{k,d}(0) = 0 exactly.
    axes = [tuple(int(i == j) for i in range(6)) for j in range(6)]
    assert ridge_orthogonality(ridge_family(3, 6, axes)).verdict is Verdict.VERIFIED
    # Planted: even k on the same axes is NOT orthogonal (P_{2,6}(0) = -1/5).
    planted = ridge_orthogonality(ridge_family(2, 6, axes))
    assert planted.verdict is Verdict.REFUTED
    assert planted.evidence["max_correlation"] == "1/5"
    dirs = sign_vector_directions(20, 64, seed=1)
    fam = ridge_family(4, 64, dirs)
    worst = fam.max_correlation()
    assert ridge_orthogonality(fam, tolerance=worst).verdict is Verdict.VERIFIED
    assert ridge_orthogonality(fam, tolerance=worst * sp.Rational(99, 100)).verdict \
        is Verdict.REFUTED


@pytest.mark.parametrize("law,k", [(gaussian(4), 3), (sphere(6), 2), (ball(3), 3)])
def test_coordinate_product_moment_against_monte_carlo(law, k: int) -> None:
    exact = coordinate_product_second_moment(law, k)
    est = estimate(lambda x: np.prod(x[:, :k] ** 2, axis=1), law, n_samples=400_000, seed=5)
    assert abs(est.z(float(exact))) < 5, (exact, est)


def test_coordinate_product_moments_closed_forms() -> None:
    assert coordinate_product_second_moment(gaussian(7), 5) == 1
    assert coordinate_product_second_moment(sphere(3), 3) == sp.Rational(1, 105)


def test_coordinate_product_certificate_and_bad_input() -> None:
    cert = coordinate_products_certificate(4, [(0, 1), (1, 2), (0, 1, 2, 3)])
    assert cert.verdict is Verdict.VERIFIED and len(cert.cases) == 3
    with pytest.raises(ValueError, match="distinct"):
        coordinate_products_certificate(4, [(0, 1), (1, 0)])
    with pytest.raises(ValueError, match="0..3"):
        coordinate_products_certificate(4, [(0, 4), (1,)])


def test_p_concept_labels_orthogonal_when_psi_is_odd_about_half() -> None:
    f, h = parity_network(4, (0, 1), "relu"), parity_network(4, (1, 2), "relu")
    assert p_concept_certificate(f, h, "sigmoid").verdict is Verdict.VERIFIED
    assert p_concept_certificate(f, h, "1/2 + erf(x)/2").verdict is Verdict.VERIFIED
    gf, gh = p_concept_label(f, "sigmoid", 3), p_concept_label(h, "sigmoid", 3)
    est = estimate(lambda x: gf(x) * gh(x), sphere(4), n_samples=200_000, seed=2)
    assert abs(est.z(0.0)) < 5


def test_p_concept_planted_shifted_psi_is_not_orthogonal() -> None:
    # psi(z) = sigmoid(z + 1): psi(z) + psi(-z) != 1, no certificate, and the labels correlate.
    f, h = parity_network(4, (0, 1), "relu"), parity_network(4, (2, 3), "relu")
    psi = "1/(1 + exp(-x - 1))"
    assert p_concept_certificate(f, h, psi).verdict is Verdict.INCONCLUSIVE
    gf, gh = p_concept_label(f, psi, 3), p_concept_label(h, psi, 3)
    est = estimate(lambda x: gf(x) * gh(x), gaussian(4), n_samples=200_000, seed=2)
    assert est.z(0.0) > 6


@pytest.mark.parametrize("args,match", [
    ((2, 3, [(1, 0)]), "expected d=3"),
    ((2, 3, [(0, 0, 0)]), "zero vector"),
    ((2, 3, [(0.5, 0, 0)]), "integers"),
    ((2, 3, []), "empty"),
    ((-1, 3, [(1, 0, 0)]), "k"),
    ((2, 1, [(1,)]), "d"),
])
def test_ridge_bad_input(args, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        ridge_family(*args)


def test_sign_vectors_are_distinct_up_to_sign() -> None:
    dirs = sign_vector_directions(16, 5, seed=0)
    keys = {u if u[0] == 1 else tuple(-a for a in u) for u in dirs}
    assert len(keys) == 16
    with pytest.raises(ValueError, match="2\\^\\(d-1\\)"):
        sign_vector_directions(17, 5, seed=0)
    assert math.isfinite(float(ridge_family(2, 5, dirs).max_correlation()))
