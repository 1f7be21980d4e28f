"""The public hypothesis strategies produce valid objects, and the README example holds."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.activations import Activation
from verify.certificates import orthogonality_certificate, sign_flip_witness
from verify.checks import Verdict
from verify.measures import RadialLaw
from verify.strategies import (
    activations,
    integer_directions,
    planted_symmetry_pairs,
    spherically_symmetric_laws,
    unit_vectors,
)


@given(activations())
def test_activations_are_activations(act: Activation) -> None:
    assert isinstance(act, Activation)
    assert np.all(np.isfinite(act.numpy(np.linspace(-3, 3, 7))))


@given(st.integers(2, 6).flatmap(lambda d: st.tuples(st.just(d), unit_vectors(d))))
def test_unit_vectors(pair) -> None:
    d, v = pair
    assert v.shape == (d,) and abs(np.linalg.norm(v) - 1) < 1e-12


@given(integer_directions(4))
def test_integer_directions(u) -> None:
    assert len(u) == 4 and any(u) and all(isinstance(a, int) for a in u)


@settings(max_examples=20)
@given(spherically_symmetric_laws(3))
def test_laws_sample_in_dimension(law: RadialLaw) -> None:
    x = law.sample(50, seed=1)
    assert x.shape == (50, 3) and np.all(np.isfinite(x))
    assert float(law.radius_moment(2)) > 0


@settings(max_examples=30, deadline=None)
@given(planted_symmetry_pairs(n=4, act="relu"))
def test_certificate_finds_the_planted_symmetry(pair) -> None:
    f, h, i = pair
    assert orthogonality_certificate(f, h).verdict is Verdict.VERIFIED
    assert sign_flip_witness(f, h) is not None
    x = np.random.default_rng(0).standard_normal((5, 4))
    flipped = x.copy()
    flipped[:, i] *= -1
    assert np.allclose(f.evaluate(flipped), -f.evaluate(x))
    assert np.allclose(h.evaluate(flipped), h.evaluate(x))
