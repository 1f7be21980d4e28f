"""Issue 13, the family side: no false VERIFIED, no false certificate, no traceback.

Each test was written against the code before the fix and failed there:

* narrow integer arrays (int8/int16/int32/uint8) wrapped in ``a @ b.T`` and the row norms,
  and the law-free certificate said VERIFIED (exact) for a family neither orthogonal nor
  mean zero; negating the most negative int64 wrapped and gave a false sign-flip witness;
* a member proved to be the zero function was not flagged unless every member was, and the
  "normalized" family got an SQ bound;
* "orthogonal" was tied to "mean zero" (a pair orthogonal but not mean zero was "the
  certificate did not apply");
* families with non-unit or biased units were INCONCLUSIVE under the headline "pairwise
  orthogonal under N(0, I)", and the reason blamed norms/biases even for an irrational rho;
* family files: SyntaxError / exceptions in a Python file, deep JSON, huge numbers and
  oversized files gave tracebacks or ran unbounded;
* ``check_family`` had no way to stop between steps (Ctrl-C).
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from flint import fmpq

from verify.activations import activation
from verify.certificates import (
    mean_zero_certificate,
    orthogonality_certificate,
    sign_flip_witness,
)
from verify.checks import Strength, Verdict
from verify.family_check import check_family
from verify.family_io import family_from_json, load_family_file
from verify.networks import Family, Network, parity_family, parity_network, row_norms

RELU = activation("relu")
ONE = fmpq(1)


def _net(rows, outputs, *, dtype=None, scale_sq=ONE, biases=None, name="f") -> Network:
    w = rows if isinstance(rows, np.ndarray) else np.array(rows, dtype=dtype or np.int64)
    b = biases if biases is not None else tuple(fmpq(0) for _ in rows)
    return Network(w, scale_sq, tuple(b), tuple(fmpq(a) for a in outputs), RELU, name)


# ---------------------------------------------------------------------------------------------
# 1. Narrow integer arrays, the most negative int64, and the types of the other fields.

@pytest.mark.parametrize(("dtype", "big"), [(np.int8, 16), (np.int16, 200), (np.int32, 2**16),
                                            (np.uint8, 16), (np.uint16, 256)])
def test_narrow_integer_weights_do_not_wrap(dtype, big):
    # f = relu(big x0) - relu(0), g = relu(big x1) - relu(0): E[f g] = E[relu(big x0)]^2 > 0
    # and E[f] > 0. In the narrow dtype big^2 wraps to 0, which made every class cancel.
    f = _net([[big, 0], [0, 0]], [1, -1], dtype=dtype, name="f")
    g = _net([[0, big], [0, 0]], [1, -1], dtype=dtype, name="g")
    assert row_norms(f.weights).tolist() == [big * big, 0]
    assert orthogonality_certificate(f, g).verdict is not Verdict.VERIFIED
    assert mean_zero_certificate(f).verdict is not Verdict.VERIFIED
    report = check_family(Family.from_networks([f, g]), mc_samples=2000)
    assert report.orthogonality.verdict is not Verdict.VERIFIED
    assert report.exit_code != 0


def test_most_negative_int64_gives_no_false_witness():
    # f = relu(x0) - relu(-x0) = x0 is odd in x0; h = relu(-2^63 x0) is not even in x0, so
    # flipping x0 is no witness (E[f h] = -2^63 E[x0 relu(-x0)]... != 0).
    f = _net([[1], [-1]], [1, -1], dtype=np.int64, name="f")
    h = _net([[-(2**63)]], [1], dtype=np.int64, name="h")
    assert sign_flip_witness(f, h) is None
    assert h.reflected(0).weights.tolist() == [[2**63]]
    # Object arrays holding numpy integers are normalized to Python integers as well.
    obj = np.array([[np.int64(-(2**63))]], dtype=object)
    h2 = _net(obj, [1], name="h2")
    assert sign_flip_witness(f, h2) is None
    assert type(h2.weights.tolist()[0][0]) is int


def test_ordinary_weights_keep_the_fast_int64_path():
    f = parity_network(12, tuple(range(10)), RELU)
    assert f.weights.dtype == np.int64 and f.units == 1024
    g = Network(f.weights.astype(np.int8), f.scale_sq, f.biases, f.outputs, RELU, "g")
    assert g.weights.dtype == np.int64
    assert not g.weights.flags.writeable  # validated once: it cannot change afterwards


def test_python_numbers_for_scale_biases_outputs_are_normalized():
    f = Network(np.array([[1, 0], [0, 1]]), 1, (0, Fraction(1, 3)), (1, -1), RELU, "f")
    assert isinstance(f.scale_sq, fmpq) and f.scale_sq == 1
    assert all(isinstance(b, fmpq) for b in f.biases) and f.biases[1] == fmpq(1, 3)
    assert all(isinstance(a, fmpq) for a in f.outputs)
    # It is usable downstream (these crashed on Python ints before).
    assert mean_zero_certificate(f).verdict is Verdict.INCONCLUSIVE
    assert orthogonality_certificate(f, f).verdict is Verdict.INCONCLUSIVE
    f.evaluate(np.zeros((1, 2)))


# ---------------------------------------------------------------------------------------------
# 2. Degeneracy per member.

def _zero_member_family() -> Family:
    # f_{012} with ReLU (odd k = 3) is the zero function; the others are not.
    return Family.from_networks([parity_network(6, (0, 1, 2), RELU),
                                 parity_network(6, (3, 4), RELU),
                                 parity_network(6, (0, 5), RELU)], name="one zero member")


def test_a_single_zero_member_is_flagged_and_blocks_the_sq_bound():
    report = check_family(_zero_member_family(), mc_samples=2000)
    doc = report.to_json()
    assert report.degenerate is True and doc["degenerate"] is True
    assert doc["members"]["proved_zero"] == [0]
    assert doc["members"]["proved_nonzero"] == [1, 2]
    assert "normalized_family" not in doc["sq_bound"]
    assert "member 0" in doc["sq_bound"]["note"]
    assert report.exit_code == 3


def test_norm_not_proved_positive_means_no_sq_bound():
    # Certified orthogonal (law-free), but member 0 has non-unit hidden weights: its norm is not
    # computed, so "every member has positive norm" is not proved and no SQ bound is given.
    fam = Family.from_networks([parity_network(4, (0, 1), RELU, weight_scale_sq=fmpq(1, 4)),
                                parity_network(4, (2, 3), RELU)], name="one non-unit member")
    report = check_family(fam, mc_samples=2000)
    assert report.orthogonality.verdict is Verdict.VERIFIED
    doc = report.to_json()
    assert doc["members"]["undecided"] == [0] and doc["members"]["proved_nonzero"] == [1]
    assert "normalized_family" not in doc["sq_bound"]
    assert "not proved" in doc["sq_bound"]["note"]
    assert report.exit_code == 3


def test_norm_ball_containing_zero_is_not_a_positive_norm():
    # x**3 with k = 5: f_S vanishes (degree 3 cannot carry x_1...x_5) for a reason the
    # parity-reduced form does not see; its certified norm ball contains 0. Before the fix
    # the family was "non-degenerate", exit 0, with an SQ bound for f/|f|.
    report = check_family(parity_family(7, 5, "x**3"), parity_k=None, mc_samples=1000)
    doc = report.to_json()
    assert doc["members"]["undecided_count"] == 21
    assert doc["members"]["proved_nonzero_count"] == 0
    assert "normalized_family" not in doc["sq_bound"]
    assert report.exit_code == 3


def test_mixed_certified_and_refuted_pairs_are_refuted():
    # Pairs (0, 1), (0, 2) are law-free certified; (1, 2) is the same chi-free network twice,
    # E[f1 f2] = |f1|^2 > 0, refuted by its certified Gaussian inner product.
    f1 = parity_network(6, (2, 3), RELU, with_parity=False)
    fam = Family.from_networks([parity_network(6, (0, 1), RELU), f1, f1], name="mixed")
    report = check_family(fam, mc_samples=1000)
    assert report.orthogonality.verdict is Verdict.REFUTED
    assert report.orthogonality.strength in (Strength.EXACT, Strength.CERTIFIED)
    verdicts = [c.verdict for c in report.orthogonality.cases]
    assert verdicts == [Verdict.VERIFIED, Verdict.VERIFIED, Verdict.REFUTED]
    assert report.exit_code == 1
    assert "normalized_family" not in report.sq_bound


def test_weights_cannot_change_after_validation():
    w = np.array([[1, 0], [0, 1]], dtype=np.int64)
    f = _net(w, [1, -1])
    w[0, 0] = 2**62  # the caller's array; the network holds its own validated copy
    assert f.weights.tolist() == [[1, 0], [0, 1]]
    with pytest.raises(ValueError):
        f.weights[0, 0] = 5


def test_unnormalized_bound_never_uses_member_0_for_different_norms():
    # k = 2 and k = 4 parity networks on disjoint coordinates: orthogonal, norms differ.
    fam = Family.from_networks([parity_network(6, (0, 1), RELU),
                                parity_network(6, (2, 3, 4, 5), RELU)], name="two norms")
    report = check_family(fam, mc_samples=2000)
    assert report.exit_code == 0
    assert "normalized_family" in report.sq_bound
    assert "unnormalized_family" not in report.sq_bound


def test_symmetric_family_member_0_stands_for_all():
    report = check_family(parity_family(6, 2, RELU), parity_k=2, mc_samples=2000)
    doc = report.to_json()
    assert doc["degenerate"] is False and report.exit_code == 0
    assert doc["members"]["proved_nonzero_count"] == 15
    assert "coordinate permutations" in doc["members"]["scope"]
    assert "normalized_family" in doc["sq_bound"]


# ---------------------------------------------------------------------------------------------
# 7. Orthogonality and mean zero are separate properties.

def test_orthogonal_but_not_mean_zero_is_reported_as_orthogonal():
    # f = relu(x0) (mean 1/sqrt(2 pi)); h = relu(x1) - relu(-x1) = x1, odd in x1, which f does
    # not read: orthogonal under every sign-flip invariant law, law-free certified.
    f = _net([[1, 0]], [1], name="f")
    h = _net([[0, 1], [0, -1]], [1, -1], name="h")
    report = check_family(Family.from_networks([f, h], name="orth not mean zero"),
                          mc_samples=2000)
    assert report.orthogonality.verdict is Verdict.VERIFIED
    assert report.orthogonality.strength is Strength.EXACT
    assert "did not apply" not in report.orthogonality.claim
    assert "every spherically symmetric law" in report.orthogonality.claim
    assert report.mean_zero.verdict is Verdict.INCONCLUSIVE
    doc = report.to_json()
    assert doc["mean_zero"]["verdict"] == "inconclusive"
    assert doc["orthogonality"]["verdict"] == "verified"
    # CSQ counting needs orthogonality and positive norms, not mean zero.
    assert "normalized_family" in doc["sq_bound"]
    assert report.exit_code == 0


# ---------------------------------------------------------------------------------------------
# 8. What was and was not decided, for units outside the exact Gaussian kernel.

def test_non_unit_units_headline_says_what_was_decided():
    # f = h = relu(2 x0): E[f h] = 2 > 0, the Monte Carlo z is huge; nothing exact decides it.
    f = _net([[2, 0]], [1], name="f")
    h = _net([[2, 0]], [1], name="h")
    report = check_family(Family.from_networks([f, h], name="non-unit"), mc_samples=20_000)
    assert report.orthogonality.verdict is Verdict.INCONCLUSIVE
    claim = report.orthogonality.claim
    assert "pairwise orthogonal under N(0, I)" not in claim
    assert "law-free certificate: not applicable" in claim
    assert "not decided" in claim and "norm 4" in claim
    headline = report.to_json()["headline"]
    assert "Monte Carlo" in headline and "statistical" in headline
    assert "suggests non-orthogonal" in headline
    assert report.exit_code == 3


def test_irrational_rho_is_named_as_the_reason():
    # Unit norms and zero biases, but rho = <w, v> = 2/sqrt(6) is irrational.
    f = _net([[1, 1, 0]], [1], scale_sq=fmpq(1, 2), name="f")
    h = _net([[1, 1, 1]], [1], scale_sq=fmpq(1, 3), name="h")
    report = check_family(Family.from_networks([f, h], name="irrational"), mc_samples=2000)
    assert report.orthogonality.verdict is Verdict.INCONCLUSIVE
    reasons = [c.method for c in report.orthogonality.cases]
    assert any("irrational" in r for r in reasons), reasons
    assert not any("norm" in r and "bias" in r for r in reasons), reasons


def test_members_with_different_activations_are_judged_not_refused():
    # f = relu(x0) + relu(-x0) = |x0| (even), h = sigmoid(x0): not law-free certified; the
    # Gaussian kernel route needs one activation, so the pair is undecided -- not an error.
    f = _net([[1, 0], [-1, 0]], [1, 1], name="f")
    h = Network(np.array([[1, 0]]), 1, (0,), (1,), activation("sigmoid"), "h")
    report = check_family(Family.from_networks([f, h], name="two activations"),
                          mc_samples=1000)
    assert report.orthogonality.verdict is Verdict.INCONCLUSIVE
    assert "different activations" in report.orthogonality.claim
    assert report.exit_code == 3


def test_biased_units_are_never_verified():
    f = _net([[1, 0]], [1], biases=(fmpq(1),), name="f")
    h = _net([[0, 1]], [1], biases=(fmpq(1),), name="h")
    report = check_family(Family.from_networks([f, h], name="shifted units"), mc_samples=2000)
    assert report.orthogonality.verdict is Verdict.INCONCLUSIVE
    assert "non-zero bias" in report.orthogonality.claim
    assert report.exit_code == 3


# ---------------------------------------------------------------------------------------------
# Family files: one-line errors, caps before work.

def test_python_file_syntax_error_is_one_line(tmp_path: Path):
    p = tmp_path / "bad.py"
    p.write_text("def family():\n    return [\n\nx = (\n")
    with pytest.raises(ValueError) as info:
        load_family_file(str(p))
    assert str(p) in str(info.value) and "line" in str(info.value)
    assert "\n" not in str(info.value)


def test_python_file_exception_is_one_line_with_its_line(tmp_path: Path):
    p = tmp_path / "raises.py"
    p.write_text("def family():\n    x = 1\n    return 1 / 0\n")
    with pytest.raises(ValueError) as info:
        load_family_file(str(p))
    message = str(info.value)
    assert str(p) in message and "line 3" in message and "ZeroDivisionError" in message


def test_deep_json_is_refused(tmp_path: Path):
    p = tmp_path / "deep.json"
    p.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError, match="nest"):
        load_family_file(str(p))


def test_oversized_file_is_refused_before_reading(tmp_path: Path):
    p = tmp_path / "huge.json"
    with p.open("wb") as fh:
        fh.truncate(21 * 2**20)
    with pytest.raises(ValueError, match="20 MB"):
        load_family_file(str(p))


def test_huge_bias_strings_are_refused():
    doc = {"activation": "relu",
           "networks": [{"weights": [[1, 0]], "biases": ["1e400"], "outputs": [1]}]}
    with pytest.raises(ValueError, match="1e400"):
        family_from_json(doc)
    doc["networks"][0]["biases"] = ["1e999999999"]  # 10^(10^9) must not be computed
    with pytest.raises(ValueError, match="1e999999999"):
        family_from_json(doc)


def test_too_many_networks_refused_before_building():
    item = {"weights": [[1]], "outputs": [1]}
    doc = {"activation": "relu", "networks": [item] * 100_001}
    with pytest.raises(ValueError, match="100000"):
        family_from_json(doc)


# ---------------------------------------------------------------------------------------------
# Ctrl-C: check_family reports each step, so the CLI can stop between them.

def test_progress_is_called_between_steps_and_can_stop():
    fam = _zero_member_family()
    steps: list[str] = []
    check_family(fam, mc_samples=1000, progress=steps.append)
    assert any(s.startswith("pair") for s in steps)
    assert any(s.startswith("norm") for s in steps)
    assert any(s.startswith("control") for s in steps)

    def stop(step: str) -> None:
        if step.startswith("pair"):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check_family(fam, mc_samples=1000, progress=stop)


def test_json_report_roundtrips():
    report = check_family(_zero_member_family(), mc_samples=1000)
    json.dumps(report.to_json())
    assert sp.sympify(report.to_json()["norms"]["squared_norm"]["exact"]) == 0
