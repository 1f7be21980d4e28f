"""Hypothesis strategies for your own tests (needs ``hypothesis``: ``pip install -e '.[test]'``).

* :func:`activations` — registered activations (with random parameters where they take one);
* :func:`unit_vectors` — float unit vectors in R^d; :func:`integer_directions` — exact ones;
* :func:`spherically_symmetric_laws` — Gaussian, sphere, ball and finite radial mixtures;
* :func:`planted_symmetry_pairs` — two small networks ``(f, h)`` and a coordinate ``i`` with
  ``f∘R_i = -f`` and ``h∘R_i = h`` built in, so ``E_D[f h] = 0`` under every spherically
  symmetric law D and every activation.

Example (a property of your own construction)::

    from hypothesis import given
    from verify.certificates import orthogonality_certificate
    from verify.checks import Verdict
    from verify.strategies import planted_symmetry_pairs

    @given(planted_symmetry_pairs(n=4))
    def test_certificate_finds_the_planted_symmetry(pair):
        f, h, i = pair
        assert orthogonality_certificate(f, h).verdict is Verdict.VERIFIED
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from flint import fmpq
from hypothesis import strategies as st

from .activations import NAMES, Activation, activation
from .measures import RadialLaw, ball, gaussian, radial_mixture, sphere
from .networks import Network

_PARAMETRIC = {"leaky_relu": "slope"}


@st.composite
def activations(draw: st.DrawFn, names: tuple[str, ...] = NAMES) -> Activation:
    """A registered activation; ``leaky_relu`` with a random rational slope in (0, 1)."""
    name = draw(st.sampled_from(names))
    if name in _PARAMETRIC:
        slope = draw(st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100),
                                  max_denominator=100))
        return activation(name, **{_PARAMETRIC[name]: f"{slope.numerator}/{slope.denominator}"})
    return activation(name)


@st.composite
def unit_vectors(draw: st.DrawFn, d: int) -> np.ndarray:
    """A float unit vector in R^d (a normalized Gaussian vector, away from 0)."""
    coords = draw(st.lists(st.floats(-1, 1, allow_nan=False), min_size=d, max_size=d)
                  .filter(lambda v: sum(c * c for c in v) > 1e-6))
    v = np.array(coords)
    return v / np.linalg.norm(v)


def integer_directions(d: int, *, bound: int = 5) -> st.SearchStrategy[tuple[int, ...]]:
    """A non-zero integer vector in [-bound, bound]^d (an exact direction)."""
    return st.lists(st.integers(-bound, bound), min_size=d, max_size=d).filter(any).map(tuple)


@st.composite
def spherically_symmetric_laws(draw: st.DrawFn, d: int) -> RadialLaw:
    """N(0, s I_d), the sphere or ball of a rational radius, or a finite mixture of spheres."""
    kind = draw(st.sampled_from(("gaussian", "sphere", "ball", "mixture")))
    radius = draw(st.fractions(Fraction(1, 4), Fraction(4), max_denominator=8))
    if kind == "gaussian":
        return gaussian(d, variance=_rational(radius))
    if kind == "sphere":
        return sphere(d, r=_rational(radius))
    if kind == "ball":
        return ball(d, r=_rational(radius))
    radii = draw(st.lists(st.fractions(Fraction(1, 4), Fraction(4), max_denominator=8),
                          min_size=2, max_size=3, unique=True))
    raw = draw(st.lists(st.integers(1, 5), min_size=len(radii), max_size=len(radii)))
    weights = [Fraction(w, sum(raw)) for w in raw]
    return radial_mixture(d, [_text(r) for r in radii], [_text(w) for w in weights])


def _rational(q: Fraction) -> object:
    import sympy as sp

    return sp.Rational(q.numerator, q.denominator)


def _text(q: Fraction) -> str:
    return f"{q.numerator}/{q.denominator}"


@st.composite
def planted_symmetry_pairs(draw: st.DrawFn, n: int = 4, *, max_units: int = 3,
                           act: str | None = None) -> tuple[Network, Network, int]:
    """``(f, h, i)``: ``f = sum_j a_j [sigma(<w_j,x> + b_j) - sigma(<R_i w_j,x> + b_j)]`` is odd
    under the flip ``R_i`` of coordinate i, ``h = sum_j c_j [sigma(<v_j,x> + e_j) +
    sigma(<R_i v_j,x> + e_j)]`` is even, both with small integer weights and rational biases."""
    sigma = activation(act) if act is not None else draw(activations())
    i = draw(st.integers(0, n - 1))
    # A unit with w_i = 0 is fixed by R_i and cancels itself.
    weight: st.SearchStrategy[list[int]] = st.lists(
        st.integers(-3, 3), min_size=n, max_size=n).filter(lambda w: w[i] != 0)
    small = st.fractions(-2, 2, max_denominator=4)

    def build(sign: int, name: str) -> Network:
        m = draw(st.integers(1, max_units))
        rows, biases, outputs = [], [], []
        for _ in range(m):
            w = draw(weight)
            b, a = draw(small), draw(small.filter(lambda q: q != 0))
            flipped = list(w)
            flipped[i] = -flipped[i]
            rows += [w, flipped]
            biases += [_fmpq(b), _fmpq(b)]
            outputs += [_fmpq(a), _fmpq(sign * a)]
        return Network(np.array(rows, dtype=np.int64), fmpq(1), tuple(biases), tuple(outputs),
                       sigma, name)

    return build(-1, "f_odd"), build(+1, "h_even"), i


def _fmpq(q: Fraction) -> fmpq:
    return fmpq(q.numerator, q.denominator)
