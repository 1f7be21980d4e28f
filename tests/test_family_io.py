"""Family files (verify.family_io): version-2 JSON written and read back exactly, version-1
files still loading, and every malformed document refused in one line that names the file,
the entry and what is allowed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from flint import fmpq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify.activations import activation
from verify.family_io import (
    FORMAT_VERSION,
    activation_spec,
    family_from_json,
    family_to_json,
    load_family_file,
    save_family_file,
)
from verify.networks import Family, Network, parity_family, parity_network

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RELU = activation("relu")


def same_network(a: Network, b: Network) -> bool:
    return (a.name == b.name and a.weights.shape == b.weights.shape
            and np.array_equal(np.asarray(a.weights, dtype=object),
                               np.asarray(b.weights, dtype=object))
            and a.scale_sq == b.scale_sq and a.biases == b.biases and a.outputs == b.outputs
            and a.act.expr == b.act.expr)


def assert_round_trip(family: Family, tmp_path: Path | None = None) -> None:
    doc = family_to_json(family)
    assert doc["version"] == FORMAT_VERSION == 2
    again = family_from_json(json.loads(json.dumps(doc)), source="trip.json")
    assert again.size == family.size and again.name == family.name
    for i in range(family.size):
        assert same_network(family.member(i), again.member(i)), i
    assert family_to_json(again) == doc  # the writer is a fixed point
    if tmp_path is not None:
        path = tmp_path / "fam.json"
        save_family_file(family, str(path))
        loaded = load_family_file(str(path))
        assert all(same_network(family.member(i), loaded.member(i))
                   for i in range(family.size))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")) + sorted(EXAMPLES.glob("*.py")),
                         ids=lambda p: p.name)
def test_every_example_round_trips(path: Path, tmp_path: Path) -> None:
    assert_round_trip(load_family_file(str(path)), tmp_path)


def test_generated_families_round_trip(tmp_path: Path) -> None:
    assert_round_trip(parity_family(5, 2, "relu"), tmp_path)
    biased = Network(np.array([[1, -2, 0], [0, 3, 1]]), fmpq(2, 7), (fmpq(1, 3), fmpq(-5)),
                     (fmpq(-3, 4), fmpq(2)), activation("Max(x, 0)**2"), "biased")
    leaky = Network(np.array([[1, 1, 1]]), fmpq(1, 3), (fmpq(0),), (fmpq(1),),
                    activation("leaky_relu", slope="1/10"), "leaky")
    sig = parity_network(3, (0, 2), "sigmoid")
    wide = Network(np.array([[2**40, -(2**41), 7]], dtype=object), fmpq(1, 2**81), (fmpq(0),),
                   (fmpq(1),), RELU, "wide")  # object weights: beyond the int64-safe bound
    assert wide.weights.dtype == object
    mixed = Family.from_networks([biased, leaky, sig, wide, biased], name="mixed, 5 members")
    assert_round_trip(mixed, tmp_path)
    doc = family_to_json(mixed)
    assert doc["activation"] == activation_spec(biased.act)  # the most common one at the top
    specs = [item.get("activation") for item in doc["networks"]]
    assert specs[0] is None and specs[4] is None and specs[2] == "sigmoid" and specs[3] == "relu"
    assert activation(specs[1]).expr == leaky.act.expr
    assert "biases" not in doc["networks"][1] and doc["networks"][0]["biases"] == ["1/3", -5]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_networks_round_trip(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 4))
    nets = []
    for m in range(data.draw(st.integers(1, 3))):
        units = data.draw(st.integers(1, 4))
        w = data.draw(st.lists(st.lists(st.integers(-50, 50), min_size=n, max_size=n),
                               min_size=units, max_size=units))
        frac = st.fractions(min_value=-20, max_value=20, max_denominator=30)
        biases = tuple(fmpq(q.numerator, q.denominator)
                       for q in data.draw(st.lists(frac, min_size=units, max_size=units)))
        outputs = tuple(fmpq(q.numerator, q.denominator)
                        for q in data.draw(st.lists(frac, min_size=units, max_size=units)))
        scale = data.draw(st.fractions(min_value="1/50", max_value=10,
                                       max_denominator=50).filter(lambda q: q > 0))
        act = data.draw(st.sampled_from(["relu", "sigmoid", "tanh", "x**3 - x"]))
        nets.append(Network(np.array(w, dtype=np.int64), fmpq(scale.numerator, scale.denominator),
                            biases, outputs, activation(act), f"net {m}"))
    assert_round_trip(Family.from_networks(nets, name="random"))


def test_version_1_documents_keep_loading() -> None:
    doc = {"name": "v1", "activation": "relu", "comment": "ignored, as in version 1",
           "networks": [{"weights": [["1/2", "1/3"], [1, 0]], "outputs": [1, "-1/2"],
                         "note": "ignored too"}]}
    fam = family_from_json(doc, source="v1.json")
    f = fam.member(0)
    assert f.weights.tolist() == [[3, 2], [6, 0]] and f.scale_sq == fmpq(1, 36)
    assert f.name == "networks[0]" and f.outputs == (fmpq(1), fmpq(-1, 2))
    assert family_from_json({**doc, "version": 1}, source="v1.json").member(0).scale_sq == \
        fmpq(1, 36)
    # read back through version 2, the same function
    assert same_network(family_from_json(family_to_json(fam)).member(0), f)


def test_version_2_per_network_activation() -> None:
    doc = {"version": 2, "networks": [
        {"activation": "sigmoid", "weights": [[1, 0]], "outputs": [1]},
        {"activation": "tanh", "weights": [[0, 1]], "outputs": [1]}]}
    fam = family_from_json(doc)
    assert [fam.member(i).act.name for i in range(2)] == ["sigmoid", "tanh"]


def one_line_error(doc: object, *fragments: str, source: str = "fam.json") -> str:
    with pytest.raises(ValueError) as info:
        family_from_json(doc, source=source)
    message = str(info.value)
    assert "\n" not in message and message.startswith(source), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return message


NET = {"weights": [[1, 0]], "outputs": [1]}


@pytest.mark.parametrize("doc, fragments", [
    ({"version": 3, "activation": "relu", "networks": [NET]}, ("version=3", "1, 2")),
    ({"version": "2", "activation": "relu", "networks": [NET]}, ("version='2'", "integer")),
    ({"version": True, "activation": "relu", "networks": [NET]}, ("version=True",)),
    ({"version": 2, "activation": "relu", "networks": [NET], "nmae": "x"},
     ("unknown field 'nmae'", "name, activation, networks")),
    ({"version": 2, "activation": "relu", "networks": [{**NET, "bias": [1]}]},
     ("networks[0]: unknown field 'bias'", "biases")),
    ({"version": 2, "networks": [NET]}, ("networks[0]: missing field 'activation'",)),
    ({"activation": "relu", "networks": [{**NET, "activation": "tanh"}]},
     ("networks[0]", '"version": 2')),
    ({"version": 2, "activation": "relu", "law": "hypercube", "networks": [NET]},
     ("'law' is not supported yet",)),
    ({"version": 2, "activation": "relu", "networks": [{**NET, "activation": "nope"}]},
     ("networks[0].activation", "registered name")),
    ({"version": 2, "activation": 3, "networks": [NET]}, ("activation=3", "string")),
    ({"version": 2, "activation": "relu", "networks": [{"weights": [[0.5, 1]], "outputs": [1]}]},
     ("networks[0].weights[0][0]=0.5", "floats are not accepted")),
    ({"version": 2, "activation": "relu",
      "networks": [{"weights": [["sqrt(2)/2", 1]], "outputs": [1]}]},
     ("networks[0].weights[0][0]='sqrt(2)/2'", "algebraic numbers are not supported yet")),
    ({"version": 2, "activation": "relu", "networks": [{**NET, "biases": [1, 2]}]},
     ("networks[0].biases", "one entry per unit (1)")),
    ({"activation": "relu"}, ("missing field 'networks'",)),
    ([], ("top level must be an object",)),
])
def test_malformed_documents_are_refused_in_one_line(doc: object, fragments: tuple) -> None:
    one_line_error(doc, *fragments)


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.json"
    p.write_text(json.dumps({"version": 2, "activation": "relu", "networks": [{**NET, "x": 1}]}))
    with pytest.raises(ValueError, match=r"^.*bad\.json: networks\[0\]: unknown field 'x'"):
        load_family_file(str(p))
    with pytest.raises(ValueError, match="must end in .json"):
        save_family_file(parity_family(3, 1, "relu"), str(tmp_path / "fam.txt"))


def test_writer_refuses_what_cannot_be_read_back() -> None:
    huge = Network(np.array([[2**62, 1]], dtype=object), fmpq(1), (fmpq(0),), (fmpq(1),), RELU,
                   "huge")
    with pytest.raises(ValueError, match="at least 2\\^62"):
        family_to_json(Family.from_networks([huge]))
    with pytest.raises(TypeError, match="must be a verify.networks.Family"):
        family_to_json([huge])  # type: ignore[arg-type]


def test_saved_file_is_one_line_per_network(tmp_path: Path) -> None:
    fam = parity_family(4, 2, "relu")
    path = tmp_path / "parity.json"
    save_family_file(fam, str(path))
    text = path.read_text()
    assert json.loads(text) == family_to_json(fam) and text.endswith("}\n")
    assert sum('"weights"' in line for line in text.splitlines()) == fam.size
