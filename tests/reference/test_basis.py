"""verify.basis: one interface for the Hermite and Gegenbauer expansions (issue 14, item 2).

The Basis computes through the public functions of verify.hermite / verify.gegenbauer; these
tests check it against them and against independent closed forms (c_0(relu) = 1/sqrt(2 pi),
a_1(relu; d) = 1/(2d) from vw19's C9, the arc-cosine kernel), in every tier.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from flint import arb

from verify import basis as basis_mod
from verify import referee
from verify.activations import activation
from verify.basis import HERMITE, Basis, check_basis, sphere
from verify.expressions import SYMBOLS
from verify.numbers import workprec

RELU, SIGMOID = activation("relu"), activation("sigmoid")


def test_referee_keeps_the_alias() -> None:
    assert referee.Basis is Basis and referee.HERMITE is HERMITE


def test_names_symbols_labels_and_substitutions() -> None:
    assert (HERMITE.name, HERMITE.symbol, HERMITE.d) == ("hermite", "c", None)
    s = sphere(5, sp.Rational(1, 2))
    assert (s.name, s.symbol, s.d, s.r) == ("gegenbauer", "a", 5, sp.Rational(1, 2))
    assert s == Basis("gegenbauer", 5, sp.Rational(1, 2))
    assert HERMITE.label(3, "relu") == "c_3(relu)"
    assert s.label("k", "relu") == "a_k(relu; d=5, r=1/2)"
    assert HERMITE.substitutions() == {}
    assert s.substitutions() == {SYMBOLS["d"]: sp.Integer(5)}


@pytest.mark.parametrize(("make", "err", "words"), [
    (lambda: Basis("legendre"), ValueError, ["basis='legendre'"]),
    (lambda: Basis("gegenbauer"), TypeError, ["d=None"]),
    (lambda: Basis("gegenbauer", True), TypeError, ["d=True"]),
    (lambda: Basis("gegenbauer", 1), ValueError, ["d=1"]),
    (lambda: Basis("hermite", 3), ValueError, ["d and r apply only"]),
    (lambda: sphere(3, -1), ValueError, ["-1"]),
    (lambda: check_basis("hermite"), TypeError, ["basis='hermite'", "Basis"]),
])
def test_bad_arguments_raise_one_line(make, err, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(err) as info:
        make()
    text = str(info.value)
    assert "\n" not in text and "--" not in text  # no CLI flags in library messages
    for w in words:
        assert w in text


def test_exact_form_availability() -> None:
    assert HERMITE.has_exact_form(RELU) and not HERMITE.has_exact_form(SIGMOID)
    assert sphere(3).has_exact_form(RELU) and not sphere(3).has_exact_form(SIGMOID)


def test_hermite_coefficients_in_every_tier_agree_with_closed_forms() -> None:
    with mpmath.workdps(50):
        c0 = 1 / mpmath.sqrt(2 * mpmath.pi)
        c0_text = mpmath.nstr(c0, 45)
    exact = HERMITE.coefficients(RELU, 4, 20)  # an int K means 0..K
    assert [c.k for c in exact] == [0, 1, 2, 3, 4] and exact[0].tier == "exact"
    certified = HERMITE.coefficients(RELU, [0, 2], 20, tier="certified")
    floats = HERMITE.coefficients(RELU, [0, 2], 15, tier="float")
    with workprec(120):
        ref = arb(c0_text)
        assert exact[0].ball.overlaps(ref) and certified[0].ball.overlaps(ref)
        assert certified[1].ball.overlaps(exact[2].ball)
    assert certified[0].tier == "certified" and floats[0].tier == "float"
    assert abs(float(floats[0].ball.mid()) - float(c0)) < 1e-12
    assert HERMITE.coefficients(RELU, [], 20) == []
    with pytest.raises(ValueError, match="tier='fast'"):
        HERMITE.coefficients(RELU, 2, 20, tier="fast")  # type: ignore[arg-type]


def test_auto_tier_reports_progress_per_certified_coefficient() -> None:
    seen: list[int] = []
    out = HERMITE.coefficients(SIGMOID, [1, 3], 15, progress=lambda c: seen.append(c.k))
    assert seen == [1, 3] and all(c.tier == "certified" and c.met for c in out)
    # sigmoid - 1/2 is odd: c_1 = E[sigmoid'(g)] > 0
    assert out[0].ball > 0


def test_gegenbauer_coefficients_against_vw19_closed_form() -> None:
    # a_1(relu; d) = E[relu(t) t] = E[t^2]/2 = 1/(2d)
    for d in (3, 5):
        s = sphere(d)
        (a1,) = s.coefficients(RELU, [1], 20)
        assert a1.exact is not None and a1.ball.overlaps(arb(1) / (2 * d))
        (c1,) = s.coefficients(RELU, [1], 15, tier="certified")
        assert c1.tier == "certified" and c1.ball.overlaps(arb(1) / (2 * d))


def test_kernels_agree_with_the_arc_cosine_closed_form() -> None:
    rho = sp.Rational(1, 2)
    closed = (sp.sqrt(1 - rho**2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi)
    with workprec(120):
        k = HERMITE.kernel(RELU, arb(rho.p) / rho.q, digits=15)
        assert k.ball.overlaps(arb(str(sp.N(closed, 40))))
        s = sphere(3).kernel(RELU, arb(rho.p) / rho.q, digits=10, max_terms=200)
        # the sphere kernel of relu at rho: E[relu(t) relu(s)] on S^2, positive and below the
        # value at rho = 1, E[relu(t)^2] = 1/(2*3)
        assert s.ball > 0 and s.ball < arb(1) / 6


def test_module_exports() -> None:
    assert basis_mod.TIERS == ("auto", "exact", "certified", "float")
    assert basis_mod.NAMES == ("hermite", "gegenbauer")
