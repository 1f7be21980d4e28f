"""Gram matrices of families under N(0, I) (verify.gram): every entry's status, exact entries
against the arc-cosine closed form and their own balls, certified entries against an
independent Gauss-Hermite quadrature, law-free zeros with biases, and bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from flint import arb, fmpq

from verify.activations import activation
from verify.expressions import arb_value
from verify.gram import (
    MAX_GRAM_ENTRIES,
    gram_entry,
    gram_matrix,
    kernel_obstacle,
    parity_norm_dual_kernel,
    parity_norm_hermite,
)
from verify.networks import Family, Network, parity_family, parity_network
from verify.numbers import workprec

RELU = activation("relu")
ONE, ZERO = fmpq(1), fmpq(0)


def unit(row: list[int], act: object = RELU, *, scale: fmpq = ONE, bias: fmpq = ZERO,
         out: fmpq = ONE, name: str = "u") -> Network:
    a = activation(act) if isinstance(act, str) else act
    return Network(np.array([row]), scale, (bias,), (out,), a, name)


def gauss_hermite_pair(sigma, rho: float, nodes: int = 120) -> float:
    """E[sigma(g) sigma(rho g + sqrt(1-rho^2) g')] by a tensor Gauss-Hermite rule (doubles;
    an independent reference for smooth sigma)."""
    x, w = np.polynomial.hermite_e.hermegauss(nodes)
    w = w / math.sqrt(2 * math.pi)
    g, h = np.meshgrid(x, x, indexing="ij")
    return float(np.sum(np.outer(w, w) * sigma(g) * sigma(rho * g + math.sqrt(1 - rho**2) * h)))


def test_parity_family_gram_is_exact_and_diagonal() -> None:
    fam = parity_family(4, 2, "relu")
    g = gram_matrix(fam, digits=20)
    exact_norm, _, _ = parity_norm_dual_kernel(2, RELU)
    for a in range(fam.size):
        for b in range(fam.size):
            e = g.entry(a, b)
            assert e.status == "exact" and e is g.entry(b, a)
            expected = exact_norm if a == b else 0
            assert sp.simplify(e.exact - expected) == 0
            with workprec(200):
                assert e.ball.contains(arb_value(sp.sympify(e.exact)))
    doc = g.to_json(10)
    assert doc["law"] == "N(0, I)" and len(doc["entries"]) == fam.size
    assert doc["entries"][1][0]["exact"] == "0" and doc["entries"][1][0]["i"] == 1
    assert doc["entries"][0][0]["exact"] == str(exact_norm)


def test_relu_entry_matches_the_arc_cosine_closed_form() -> None:
    # the unit rows (3, 4, 0)/5 and (3, -4, 0)/5: rho = (9 - 16)/25
    f = unit([3, 4, 0], scale=fmpq(1, 25), name="f")
    h = unit([3, -4, 0], scale=fmpq(1, 25), name="h")
    e = gram_entry(f, h, digits=30)
    rho = sp.Rational(-7, 25)
    arccos = (sp.sqrt(1 - rho**2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi)
    assert e.status == "exact"
    assert abs(sp.N(e.exact - arccos, 60)) < sp.Float("1e-50")  # acos(-a) = pi - acos(a)
    with workprec(200):
        assert e.ball.overlaps(arb_value(arccos)) and e.ball.rad() < arb("1e-29")
    assert e.zero is False and e.positive is True  # 0.098... > 0


def test_certified_entry_against_gauss_hermite() -> None:
    f = unit([3, 4], "tanh", scale=fmpq(1, 25), name="f")
    h = unit([4, 3], "tanh", scale=fmpq(1, 25), name="h")  # rho = 24/25
    e = gram_entry(f, h, digits=20)
    assert e.status == "certified" and e.exact is None and e.ball.rad() < 1e-18
    reference = gauss_hermite_pair(np.tanh, 24 / 25)
    assert abs(float(e.ball.mid()) - reference) < 1e-10


def test_sigmoid_parity_norm_agrees_with_the_hermite_form() -> None:
    # k = 3: odd (sigmoid - 1/2 is odd, so every even-k member is the zero function)
    g = gram_matrix(parity_family(4, 3, "sigmoid"), digits=15)
    diag = g.entry(0, 0)
    assert diag.status == "certified" and diag.positive is True
    assert g.entry(0, 1).status == "exact" and g.entry(0, 1).exact == 0  # law-free
    hermite, _tail = parity_norm_hermite(3, activation("sigmoid"), terms=60, digits=15)
    assert hermite.overlaps(diag.ball)


def test_biases_law_free_zero_and_undecided_with_its_reason() -> None:
    b = fmpq(1, 3)
    f = Network(np.array([[1, 0, 0], [0, 1, 0]]), fmpq(1), (b, b), (fmpq(1), fmpq(-1)), RELU,
                "f")
    h = unit([0, 0, 1], bias=b, name="h")
    fam = Family.from_networks([f, h], name="biased")
    g = gram_matrix(fam, digits=15)
    off = g.entry(0, 1)
    assert off.status == "exact" and off.exact == 0 and off.zero is True
    assert "law-free" in off.method
    diag = g.entry(0, 0)
    assert diag.status == "undecided" and diag.ball is None and diag.zero is None
    assert "non-zero bias (1/3)" in diag.reason
    assert g.to_json(5)["entries"][0][0]["reason"] == diag.reason


def test_two_activations_are_undecided_not_guessed() -> None:
    f, h = unit([1, 0], "relu", name="f"), unit([1, 1], "tanh", scale=fmpq(1, 2), name="h")
    e = gram_entry(f, h)
    assert e.status == "undecided" and "different activations" in e.reason
    assert kernel_obstacle(f, h) == e.reason


def test_irrational_rho_is_named() -> None:
    f = unit([1, 0], name="f")
    h = unit([1, 1], scale=fmpq(1, 2), name="h")  # rho = 1/sqrt(2)
    assert "irrational" in gram_entry(f, h).reason


def test_bad_input() -> None:
    fam = parity_family(12, 3, "relu")  # 220 members: 24310 entries
    assert fam.size * (fam.size + 1) // 2 > MAX_GRAM_ENTRIES
    with pytest.raises(ValueError, match="pass members= with at most") as info:
        gram_matrix(fam)
    assert "\n" not in str(info.value)
    small = gram_matrix(fam, members=[0, 5, 7], digits=10)
    assert small.members == (0, 5, 7) and len(small.entries) == 6
    with pytest.raises(ValueError, match="members contains 220"):
        gram_matrix(fam, members=[0, 220])
    with pytest.raises(TypeError, match="must be a verify.networks.Family"):
        gram_matrix([parity_network(3, (0,), "relu")])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="different dimensions"):
        gram_entry(unit([1, 0]), unit([1, 0, 0]))


def test_orthogonal_rows_are_not_orthogonal_functions() -> None:
    # <w, v> = 0 but relu has a mean: E[relu(x1) relu(x2)] = E[relu(g)]^2 = 1/(2 pi), exactly
    e = gram_entry(unit([1, 0], name="f"), unit([0, 1], name="h"))
    assert e.status == "exact" and sp.simplify(e.exact - 1 / (2 * sp.pi)) == 0
    assert e.zero is False and e.to_json(8)["mid"].startswith("0.1591549")


def test_a_zero_function_is_never_called_positive() -> None:
    f = parity_network(3, (0, 1), "sigmoid")  # k even: the zero function
    e = gram_entry(f, f, digits=15)
    assert e.positive is not True and e.ball.contains(0)


def test_a_zero_member_gives_exact_zeros() -> None:
    zero = parity_network(3, (0, 1), "sigmoid")  # k even: proved zero by its reduced form
    other = parity_network(3, (1, 2, 0), "sigmoid")
    g = gram_matrix(Family.from_networks([zero, other], name="with a zero member"), digits=10)
    assert [g.entry(0, b).status for b in range(2)] == ["exact", "exact"]
    assert g.entry(0, 0).exact == 0 and g.entry(0, 1).exact == 0
    assert "zero function" in g.entry(0, 1).method and g.entry(1, 1).positive is True
    # the orthogonality path (law_free=False) still computes the kernel
    assert gram_entry(zero, other, law_free=False).method != g.entry(0, 1).method
