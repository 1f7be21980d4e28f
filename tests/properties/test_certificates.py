"""Exact orthogonality certificates (verify.certificates) as properties.

* On the GGJKK parity family (papers/ggjkk20.md §2, A10, A13, A14): every pair certified, by
  brute force over *all* pairs when the family is small, and the orbit shortcut (one pair per
  overlap |S ∩ T|) checked against that brute force: every pair has exactly the invariant class
  sums of its orbit representative, and every overlap that occurs has a representative.
* Hypothesis: families with a *planted* sign-flip symmetry must be certified and have a witness;
  the same family with one output weight perturbed must not be certified and must name a
  non-cancelling class.
* The invariant-class sums against an independent pure-Python grouping in Fractions.
* Orthogonality under a law that is invariant under coordinate sign flips only (the hypercube
  {±1}^n, enumerated exactly) for pairs with a witness -- and a pair certified by class
  cancellation *without* a witness that is not orthogonal under such a law: the two
  certificates cover different classes of laws.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from flint import fmpq
from hypothesis import given
from hypothesis import strategies as st

from verify.activations import activation
from verify.certificates import (
    family_certificate,
    mean_zero_certificate,
    orthogonality_certificate,
    sign_flip_witness,
)
from verify.checks import Strength, Verdict
from verify.networks import Family, Network, class_sums, parity_family, parity_network

ACTIVATIONS = {name: activation(name) for name in ("relu", "sigmoid", "tanh", "x**3")}
SMALL = [(3, 1), (4, 2), (5, 2), (5, 3), (6, 2), (6, 3), (6, 4)]


def _all_members(n: int, k: int, act) -> tuple[list[tuple[int, ...]], list[Network]]:
    subsets = list(itertools.combinations(range(n), k))
    return subsets, [parity_network(n, s, act) for s in subsets]


def _hypercube() -> dict[int, np.ndarray]:
    return {n: np.array(list(itertools.product((-1.0, 1.0), repeat=n))) for n in range(1, 7)}


HYPERCUBE = _hypercube()


def _hypercube_inner(f: Network, h: Network) -> tuple[float, float]:
    """``E[f h]`` under the uniform law on {±1}^n (exact enumeration, float evaluation), and a
    rounding tolerance from the size of the summands."""
    x = HYPERCUBE[f.n]
    prod = f.evaluate(x) * h.evaluate(x)
    return float(prod.mean()), 1e-12 * (1.0 + float(np.abs(prod).mean()))


# ---------------------------------------------------------------------------------------------
# The parity family: brute force over all pairs, and the orbit shortcut against it.

@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@pytest.mark.parametrize(("n", "k"), SMALL)
def test_parity_family_all_pairs_certified(n, k, name):
    act = ACTIVATIONS[name]
    subsets, nets = _all_members(n, k, act)
    brute = family_certificate(Family.from_networks(nets, name="all pairs"))
    assert brute.verdict is Verdict.VERIFIED and brute.strength is Strength.EXACT, str(brute)
    assert brute.evidence["pairs_checked"] == len(nets) * (len(nets) - 1) // 2
    assert brute.evidence["scope"] == "every pair"
    orbit = family_certificate(parity_family(n, k, act))
    assert orbit.verdict is Verdict.VERIFIED and orbit.strength is Strength.EXACT, str(orbit)
    for (i, s), (j, t) in itertools.combinations(enumerate(subsets), 2):
        case = orthogonality_certificate(nets[i], nets[j])
        assert case.verdict is Verdict.VERIFIED, (s, t, str(case))


@pytest.mark.parametrize(("n", "k"), SMALL)
def test_orbit_representatives_match_brute_force(n, k):
    subsets, nets = _all_members(n, k, ACTIVATIONS["relu"])
    family = parity_family(n, k, ACTIVATIONS["relu"])
    reps = family.pair_representatives
    assert reps is not None
    by_overlap = {}
    for i, j in reps:
        overlap = len(set(subsets[i]) & set(subsets[j]))
        assert i != j and overlap not in by_overlap, (i, j)
        by_overlap[overlap] = class_sums(family.member(i), family.member(j))
    seen = set()
    for (i, s), (j, t) in itertools.combinations(enumerate(subsets), 2):
        overlap = len(set(s) & set(t))
        seen.add(overlap)
        # The orbit claim: a coordinate permutation maps (S, T) to the representative, and the
        # invariant classes (hence every class sum) are permutation invariant.
        assert class_sums(nets[i], nets[j]) == by_overlap[overlap], (s, t)
    assert seen == set(by_overlap), (seen, set(by_overlap))


@pytest.mark.parametrize(("n", "k", "name"), [(20, 4, "relu"), (14, 6, "tanh"),
                                               (12, 5, "sigmoid"), (16, 3, "x**3")])
def test_large_parity_family_orbit_representatives(n, k, name):
    family = parity_family(n, k, ACTIVATIONS[name])
    result = family_certificate(family)
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.EXACT, str(result)
    assert result.evidence["pairs_checked"] == k  # overlaps 0 .. k-1, all possible when n >= 2k
    assert len(result.cases) == k + 1  # plus the mean-zero certificate of member 0
    overlaps = sorted(len(set(family.member(i).meta["subset"])
                          & set(family.member(j).meta["subset"])) for i, j in family.pairs())
    assert overlaps == list(range(k))


def test_parity_family_orbits_when_n_is_small():
    # n = 5, k = 3: two 3-subsets of [5] overlap in 1 or 2 coordinates, never 0.
    family = parity_family(5, 3, "relu")
    overlaps = sorted(len(set(family.member(i).meta["subset"])
                          & set(family.member(j).meta["subset"])) for i, j in family.pairs())
    assert overlaps == [1, 2]


@pytest.mark.parametrize(("n", "k"), [(4, 1), (5, 2), (6, 3), (6, 4)])
@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_parity_members_mean_zero(n, k, name):
    for s in itertools.combinations(range(n), k):
        f = parity_network(n, s, ACTIVATIONS[name])
        result = mean_zero_certificate(f)
        assert result.verdict is Verdict.VERIFIED and result.strength is Strength.EXACT
        # A13 under the hypercube too (f_S is odd in x_i for i in S).
        mean = float(f.evaluate(HYPERCUBE[n]).mean())
        assert abs(mean) < 1e-12


def test_mean_zero_certificate_fails_without_parity_weights():
    f = parity_network(4, (0, 1), "relu", with_parity=False)
    result = mean_zero_certificate(f)
    assert result.verdict is Verdict.INCONCLUSIVE
    assert result.evidence["non_cancelling_classes"] == 1
    assert result.evidence["examples"] == [{"norm_sq": 2, "bias": "0", "sum": "4"}]


@pytest.mark.parametrize(("n", "k"), SMALL)
def test_sign_flip_witness_on_parity_pairs(n, k):
    subsets, nets = _all_members(n, k, ACTIVATIONS["sigmoid"])
    x = np.random.default_rng(7).standard_normal((16, n))
    for (i, s), (j, t) in itertools.permutations(enumerate(subsets), 2):
        witness = sign_flip_witness(nets[i], nets[j])
        assert witness is not None and witness in set(s) - set(t), (s, t, witness)
        flipped = x.copy()
        flipped[:, witness] *= -1
        np.testing.assert_allclose(nets[i].evaluate(flipped), -nets[i].evaluate(x), atol=1e-12)
        np.testing.assert_allclose(nets[j].evaluate(flipped), nets[j].evaluate(x), atol=1e-12)
        value, tol = _hypercube_inner(nets[i], nets[j])
        assert abs(value) <= tol, (s, t, value)
    for f in nets:
        assert sign_flip_witness(f, f) is None


# ---------------------------------------------------------------------------------------------
# Planted symmetry (hypothesis).

@st.composite
def planted_pairs(draw):
    """``(f, h, i)``: f closed under the flip R_i of a coordinate i in its support S with its
    outputs negated; h random, not using coordinate i; h's biases distinct integers and its
    outputs nonzero (so a perturbed output in f cannot cancel inside a class)."""
    n = draw(st.integers(2, 5))
    i = draw(st.integers(0, n - 1))
    others = [c for c in range(n) if c != i]
    support = sorted({i, *draw(st.lists(st.sampled_from(others), max_size=n - 1))})
    m = draw(st.integers(1, 4))
    rows, biases, outputs = [], [], []
    for _ in range(m):
        row = [0] * n
        for c in support:
            row[c] = draw(st.integers(-3, 3))
        b = fmpq(draw(st.integers(-3, 3)), draw(st.integers(1, 3)))
        a = fmpq(draw(st.integers(1, 4)) * draw(st.sampled_from((-1, 1))),
                 draw(st.integers(1, 3)))
        mirrored = list(row)
        mirrored[i] = -mirrored[i]
        rows += [row, mirrored]
        biases += [b, b]
        outputs += [a, -a]
    act = ACTIVATIONS[draw(st.sampled_from(sorted(ACTIVATIONS)))]
    scale_f = fmpq(draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    f = Network(np.array(rows, dtype=np.int64), scale_f, tuple(biases), tuple(outputs), act, "f")
    p = draw(st.integers(1, 3))
    h_rows = []
    for _ in range(p):
        row = [draw(st.integers(-3, 3)) for _ in range(n)]
        row[i] = 0
        h_rows.append(row)
    h_biases = draw(st.lists(st.integers(-4, 4), min_size=p, max_size=p, unique=True))
    h_outputs = [draw(st.integers(1, 3)) * draw(st.sampled_from((-1, 1))) for _ in range(p)]
    scale_h = fmpq(draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    h = Network(np.array(h_rows, dtype=np.int64), scale_h, tuple(fmpq(b) for b in h_biases),
                tuple(fmpq(a) for a in h_outputs), act, "h")
    return f, h, i


def _perturbed(f: Network) -> Network:
    outputs = (f.outputs[0] + 1, *f.outputs[1:])
    return Network(f.weights, f.scale_sq, f.biases, outputs, f.act, "f_broken")


@given(planted_pairs())
def test_planted_symmetry_is_certified(pair):
    f, h, i = pair
    result = orthogonality_certificate(f, h)
    assert result.verdict is Verdict.VERIFIED and result.strength is Strength.EXACT, str(result)
    assert orthogonality_certificate(h, f).verdict is Verdict.VERIFIED
    witness = sign_flip_witness(f, h)
    assert witness is not None
    # The witness really is a symmetry of the pair (checked numerically, not as tables).
    x = np.random.default_rng(11).standard_normal((8, f.n))
    flipped = x.copy()
    flipped[:, witness] *= -1
    np.testing.assert_allclose(f.evaluate(flipped), -f.evaluate(x), atol=1e-9)
    np.testing.assert_allclose(h.evaluate(flipped), h.evaluate(x), atol=1e-9)
    # Orthogonal under the hypercube law, which is sign-flip invariant but not rotation
    # invariant: only the witness covers it.
    value, tol = _hypercube_inner(f, h)
    assert abs(value) <= tol, value


@given(planted_pairs())
def test_broken_planted_symmetry_is_not_certified(pair):
    f, h, _ = pair
    broken = _perturbed(f)
    result = orthogonality_certificate(broken, h)
    assert result.verdict is Verdict.INCONCLUSIVE, str(result)
    assert result.evidence["non_cancelling_classes"] >= 1
    examples = result.evidence["examples"]
    assert examples and all(Fraction(e["sum_of_output_products"]) != 0 for e in examples)
    assert all(len(e["class"]) == 5 for e in examples)
    # A witness would imply cancellation in every class, so none may exist now.
    assert sign_flip_witness(broken, h) is None


# ---------------------------------------------------------------------------------------------
# Class sums against an independent grouping.

def _reference_class_sums(f: Network, h: Network) -> dict[tuple, Fraction]:
    out: dict[tuple, Fraction] = {}
    for w, b, a in zip(f.weights.tolist(), f.biases, f.outputs, strict=True):
        for v, c, d in zip(h.weights.tolist(), h.biases, h.outputs, strict=True):
            key = (sum(t * t for t in w), sum(t * t for t in v),
                   sum(s * t for s, t in zip(w, v, strict=True)),
                   Fraction(int(b.p), int(b.q)), Fraction(int(c.p), int(c.q)))
            out[key] = out.get(key, Fraction(0)) + Fraction(int(a.p), int(a.q)) * Fraction(
                int(d.p), int(d.q))
    return out


@given(planted_pairs(), st.booleans())
def test_class_sums_match_independent_grouping(pair, broken):
    f, h, _ = pair
    f = _perturbed(f) if broken else f
    ours = class_sums(f, h)
    ref = _reference_class_sums(f, h)
    # Keys are stored in the networks' integer scales; the grouping (a bijection of keys) and
    # the sums are what must agree.
    assert len(ours) == len(ref)
    assert sorted(ours.values()) == sorted(ref.values())


# ---------------------------------------------------------------------------------------------
# The two certificates cover different laws.

def test_class_cancellation_without_witness_is_rotation_specific():
    # f = relu(x1) - relu(x2), h = relu(x1) + relu(x2): every invariant class cancels, so
    # E_D[f h] = E relu(x1)^2 - E relu(x2)^2 = 0 under every rotation-invariant law. There is no
    # sign-flip witness, and under x1 uniform on {±1}, x2 uniform on {±2} (invariant under sign
    # flips, not under rotations or permutations) E[f h] = 1/2 - 2 != 0.
    relu = ACTIVATIONS["relu"]
    weights = np.array([[1, 0], [0, 1]], dtype=np.int64)
    zero = (fmpq(0), fmpq(0))
    f = Network(weights, fmpq(1), zero, (fmpq(1), fmpq(-1)), relu, "f")
    h = Network(weights, fmpq(1), zero, (fmpq(1), fmpq(1)), relu, "h")
    assert orthogonality_certificate(f, h).verdict is Verdict.VERIFIED
    assert sign_flip_witness(f, h) is None
    x = np.array([[a, 2 * b] for a in (-1.0, 1.0) for b in (-1.0, 1.0)])
    assert float((f.evaluate(x) * h.evaluate(x)).mean()) == pytest.approx(-1.5)
    # The hypercube is permutation invariant as well, so there the pair is orthogonal.
    value, tol = _hypercube_inner(f, h)
    assert abs(value) <= tol


# ---------------------------------------------------------------------------------------------
# Large integer weights.

@given(planted_pairs(), st.integers(16, 24))
def test_class_sums_with_wide_invariants(pair, bits):
    # Weights ~2^bits make the packed invariants wider than 62 bits: the Python-dict path.
    f, h, _ = pair
    big = 2**bits + 1
    f = Network(f.weights * big, f.scale_sq, f.biases, f.outputs, f.act, "f_big")
    assert orthogonality_certificate(f, h).verdict is Verdict.VERIFIED
    ours, ref = class_sums(f, h), _reference_class_sums(f, h)
    assert len(ours) == len(ref) and sorted(ours.values()) == sorted(ref.values())


def test_no_false_certificate_from_integer_overflow():
    # f = relu(2^32 x1) - relu(0), h = relu(x2): E_N[f h] = 2^32 E[relu]^2 = 2^32/(2 pi) != 0,
    # so no certificate may claim orthogonality (nor E[f] = 0).
    relu = ACTIVATIONS["relu"]
    zero2 = (fmpq(0), fmpq(0))
    f = Network(np.array([[2**32, 0], [0, 0]], dtype=np.int64), fmpq(1), zero2,
                (fmpq(1), fmpq(-1)), relu, "f")
    h = Network(np.array([[0, 1]], dtype=np.int64), fmpq(1), (fmpq(0),), (fmpq(1),), relu, "h")
    assert orthogonality_certificate(f, h).verdict is not Verdict.VERIFIED
    assert mean_zero_certificate(f).verdict is not Verdict.VERIFIED
