"""Networks, families and family files: bad inputs -> exact exception type and message.

One row per input, in the style of tests/test_validation.py: the exception class is checked
with ``type(...) is`` and every listed fragment, always including the offending value, must
occur in a one-line message. File rows write their file into a temporary directory first.
Every refusal here comes before any work (caps are checked first).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from flint import fmpq

from verify.activations import activation
from verify.family_io import family_from_json, load_family_file
from verify.networks import Family, Network, parity_family

RELU = activation("relu")
W = np.array([[1, 0], [0, 1]], dtype=np.int64)
ZERO2 = (fmpq(0), fmpq(0))
OUT2 = (fmpq(1), fmpq(-1))
ONE = fmpq(1)


def _network(weights: Any = W, scale_sq: Any = ONE, biases: Any = ZERO2,
             outputs: Any = OUT2, act: Any = RELU, name: Any = "f") -> Callable[[], Any]:
    return lambda: Network(weights, scale_sq, biases, outputs, act, name)


def _doc(**network: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"weights": [[1, 0], [0, 1]], "outputs": [1, -1]}
    base.update(network)
    return {"activation": "relu", "networks": [base]}


def _from_json(doc: Any) -> Callable[[], Any]:
    return lambda: family_from_json(doc, source="fam.json")


NETWORK_CASES = [
    pytest.param(_network(weights=W.astype(bool)), TypeError,
                 ["weights.dtype=bool", "bool is not an integer", "astype(np.int64)"],
                 id="network-bool-weights"),
    pytest.param(_network(weights=W.astype(float)), TypeError,
                 ["weights.dtype=float64", "floats are refused", "scale_sq"],
                 id="network-float-weights"),
    pytest.param(_network(weights=W.astype(complex)), TypeError,
                 ["weights.dtype=complex128", "integer dtype"], id="network-complex-weights"),
    pytest.param(_network(weights=np.array([[1, 0.5]], dtype=object), biases=(0,),
                          outputs=(1,)), TypeError,
                 ["weights entry 0.5 (float)", "must be an integer"],
                 id="network-object-float-entry"),
    pytest.param(_network(weights=np.array([[1, True]], dtype=object), biases=(0,),
                          outputs=(1,)), TypeError,
                 ["weights entry True (bool)"], id="network-object-bool-entry"),
    pytest.param(_network(weights=np.array([1, 0])), ValueError,
                 ["weights.shape=(2,)", "must be 2-D", "reshape(1, -1)"], id="network-1d"),
    pytest.param(_network(weights=np.zeros((0, 2), dtype=np.int64), biases=(), outputs=()),
                 ValueError, ["weights.shape=(0, 2)", ">= 1 unit"], id="network-no-units"),
    pytest.param(_network(weights="[[1, 0]]"), TypeError,
                 ["weights='[[1, 0]]'", "integer numpy array"], id="network-string-weights"),
    pytest.param(_network(weights=[[1, 0], [1]]), ValueError,
                 ["weights of network 'f' must be rectangular"], id="network-ragged-rows"),
    pytest.param(_network(scale_sq=0.5), TypeError,
                 ["scale_sq=0.5 (float)", "floats are refused"], id="network-float-scale"),
    pytest.param(_network(scale_sq=float("nan")), TypeError,
                 ["scale_sq=nan (float)"], id="network-nan-scale"),
    pytest.param(_network(scale_sq=True), TypeError,
                 ["scale_sq=True", "bool is not a number"], id="network-bool-scale"),
    pytest.param(_network(scale_sq=Fraction(-1, 2)), ValueError,
                 ["scale_sq=-1/2", "must be positive"], id="network-negative-scale"),
    pytest.param(_network(biases=(0, 0.25)), TypeError,
                 ["biases[1]=0.25 (float)"], id="network-float-bias"),
    pytest.param(_network(biases=(0, np.float64("inf"))), TypeError,
                 ["biases[1]=", "inf", "floats are refused"], id="network-inf-bias"),
    pytest.param(_network(outputs=(1, False)), TypeError,
                 ["outputs[1]=False", "bool is not a number"], id="network-bool-output"),
    pytest.param(_network(outputs=(1, "1/2")), TypeError,
                 ["outputs[1]='1/2' (str)", "exact rational"], id="network-string-output"),
    pytest.param(_network(outputs=(1,)), ValueError,
                 ["2 units but 2 biases and 1 output weights", "one of each per unit"],
                 id="network-short-outputs"),
    pytest.param(_network(biases=(0, fmpq(10**400))), ValueError,
                 ["biases[1]=1000000", "at most 1000 bits", "rescale"], id="network-huge-bias"),
    pytest.param(_network(weights=np.array([[2**2000, 0]], dtype=object), biases=(0,),
                          outputs=(1,)), ValueError,
                 ["network 'f' hold an entry of 2001 bits", "at most 1000 bits", "scale_sq"],
                 id="network-huge-weight"),
    pytest.param(_network(act="relu"), TypeError,
                 ["act='relu'", "must be an Activation", "activation(...)"],
                 id="network-string-activation"),
    pytest.param(_network(name=3), TypeError, ["name=3", "must be a string"],
                 id="network-int-name"),
    pytest.param(_network(biases=0), TypeError,
                 ["biases=0 of network 'f'", "sequence of exact rationals"],
                 id="network-scalar-biases"),
]

FAMILY_CASES = [
    pytest.param(lambda: Family(0, lambda i: None, name="empty"), ValueError,
                 ["family 'empty' is empty"], id="family-size-zero"),
    pytest.param(lambda: Family(10**6, lambda i: None, name="big"), ValueError,
                 ["size=1000000", "at most 100000 networks"], id="family-size-cap"),
    pytest.param(lambda: Family(True, lambda i: None, name="b"), TypeError,
                 ["size=True", "must be an integer"], id="family-size-bool"),
    pytest.param(lambda: Family.from_networks([_network()(), "f"], name="mixed"), TypeError,
                 ["member 'f' (str)", "must be a Network"], id="family-non-network-member"),
    pytest.param(lambda: parity_family(30, 10, "relu"), ValueError,
                 ["n=30, k=10 gives 30045015 networks", "limit is 20000"],
                 id="parity-family-too-large"),
]

JSON_CASES = [
    pytest.param(_from_json(_doc(biases=["1e400", 0])), ValueError,
                 ["networks[0].biases[0]='1e400'", "at most 1000 bits", "rescale"],
                 id="json-bias-1e400"),
    pytest.param(_from_json(_doc(biases=["1e999999999", 0])), ValueError,
                 ["networks[0].biases[0]='1e999999999'", "exponent of more than 4 digits"],
                 id="json-bias-giant-exponent"),
    pytest.param(_from_json(_doc(biases=["1" + "0" * 500, 0])), ValueError,
                 ["networks[0].biases[0]='1000000000", "501 characters", "at most 400"],
                 id="json-bias-long-string"),
    pytest.param(_from_json(_doc(outputs=[10**2000, 1])), ValueError,
                 ["networks[0].outputs[0]=1000000", "6644 bits", "rescale"],
                 id="json-output-huge-integer"),
    pytest.param(_from_json(_doc(biases=["1e-400", 0])), ValueError,
                 ["networks[0].biases[0]='1e-400'", "at most 1000 bits"],
                 id="json-bias-tiny"),
    pytest.param(_from_json(_doc(biases=["nan", 0])), ValueError,
                 ["networks[0].biases[0]='nan'", "not an exact rational"], id="json-bias-nan"),
    pytest.param(_from_json(_doc(biases=["inf", 0])), ValueError,
                 ["networks[0].biases[0]='inf'", "not an exact rational"], id="json-bias-inf"),
    pytest.param(_from_json(_doc(biases=[True, 0])), ValueError,
                 ["networks[0].biases[0]=True", "must be an integer or a string"],
                 id="json-bias-bool"),
    pytest.param(_from_json(_doc(outputs=["1/0", 1])), ValueError,
                 ["networks[0].outputs[0]='1/0'", "not an exact rational"],
                 id="json-output-divide-by-zero"),
    pytest.param(_from_json(_doc(scale_sq="0")), ValueError,
                 ["networks[0].scale_sq='0'", "must be positive"], id="json-scale-zero"),
    pytest.param(_from_json(_doc(weights=[[1, [2]]], outputs=[1])), ValueError,
                 ["networks[0].weights[0][1]=[2]", "must be an integer or a string"],
                 id="json-nested-weight"),
    pytest.param(_from_json(_doc(weights=[["1/3", "1/5", "1/7"], ["1/11", "1/13", "1/17"],
                                          ["1/19", "1/23", "1/29"], ["1/31", "1/37", "1/41"],
                                          ["1/43", "1/47", "1/53"], ["1/59", "1/61", "1/67"],
                                          ["1/71", "1/73", "1/79"], ["1/83", "1/89", "1/97"]],
                                 outputs=[1] * 8, biases=[0] * 8)), ValueError,
                 ["networks[0].weights: the common denominator", "below 2^62", "scale_sq"],
                 id="json-denominator-cap"),
    pytest.param(_from_json({"activation": "relu",
                             "networks": [{"weights": [[1]], "outputs": [1]}] * 100_001}),
                 ValueError, ["networks has 100001 entries", "limit is 100000"],
                 id="json-too-many-networks"),
    pytest.param(_from_json({"activation": "relu",
                             "networks": [{"weights": [[1]] * (2**20 + 1), "outputs": [1]}]}),
                 ValueError, ["1048577 hidden units", "limits are 1048576 units"],
                 id="json-too-many-units"),
    pytest.param(_from_json({"activation": "relu",
                             "networks": [{"weights": [[0] * 2**25], "outputs": [1]}]}),
                 ValueError, ["33554432 weight entries", "16777216 entries"],
                 id="json-too-many-entries"),
    pytest.param(_from_json([1, 2]), ValueError,
                 ["fam.json: the top level must be an object"], id="json-top-level-list"),
]

# name -> (file text, exception, fragments); "{path}" in a fragment is the file's path.
FILES: dict[str, tuple[str, type[Exception], list[str]]] = {
    "syntax.py": ("def family():\n    return [\n", ValueError,
                  ["{path}: SyntaxError at line 2", "fix the family file"]),
    "raises.py": ("import math\n\ndef family():\n    return [math.sqrt(-1)]\n", ValueError,
                  ["{path}: ValueError at line 4: math domain error",
                   "raised while running the family file"]),
    "import_error.py": ("import no_such_module_for_verify\n", ValueError,
                        ["{path}: ModuleNotFoundError at line 1",
                         "no_such_module_for_verify"]),
    "exits.py": ("import sys\nsys.exit(5)\n", ValueError,
                 ["{path}: SystemExit at line 2: 5"]),
    "recursion.py": ("def family():\n    return family()\n", ValueError,
                     ["{path}: RecursionError at line 2"]),
    "no_family.py": ("x = 1\n", ValueError,
                     ["file='{path}'", "must define a function family()"]),
    "returns_int.py": ("def family():\n    return 3\n", ValueError,
                       ["file='{path}'", "returned int", "not a Family"]),
    "deep.json": ("[" * 200_000 + "]" * 200_000, ValueError,
                  ["file='{path}'", "nests JSON too deeply", "4 levels"]),
    "huge_int.json": ('{"activation": "relu", "networks": [{"weights": [[' + "9" * 5000
                      + ']], "outputs": [1]}]}', ValueError,
                      ["file='{path}'", "holds a number JSON cannot read", "at most 400"]),
    "latin1.json": ("", ValueError, ["file='{path}'", "is not UTF-8", "byte 0"]),
    "big.json": ("", ValueError, ["file='{path}' has 22020096 bytes", "at most 20 MB"]),
    "float_scale.json": (json.dumps(_doc(scale_sq=0.5)), ValueError,
                         ["networks[0].scale_sq=0.5", "floats are not accepted"]),
}


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    if name == "big.json":
        with p.open("wb") as fh:
            fh.truncate(21 * 2**20)
    elif name == "latin1.json":
        p.write_bytes(b"\xff\xfe{}")
    else:
        p.write_text(text)
    return p


@pytest.mark.parametrize(("call", "exc", "fragments"),
                         NETWORK_CASES + FAMILY_CASES + JSON_CASES)
def test_bad_input(call, exc, fragments, raises_one_line) -> None:
    raises_one_line(call, exc, fragments)


@pytest.mark.parametrize("name", sorted(FILES))
def test_bad_family_file(name: str, tmp_path: Path, raises_one_line) -> None:
    text, exc, fragments = FILES[name]
    p = _write(tmp_path, name, text)
    raises_one_line(lambda: load_family_file(str(p)), exc,
                    [f.format(path=p) for f in fragments])


def test_a_directory_is_not_a_family_file(tmp_path: Path, raises_one_line) -> None:
    d = tmp_path / "fam.json"
    d.mkdir()
    raises_one_line(lambda: load_family_file(str(d)), ValueError,
                    [f"file='{d}' is not a regular file"])


def test_the_table_is_large_enough() -> None:
    assert len(NETWORK_CASES) + len(FAMILY_CASES) + len(JSON_CASES) + len(FILES) >= 40


@pytest.mark.parametrize("kwargs, fragment", [
    ({"tau": 0}, "tau=0 must be a rational number in (0, 1]"),
    ({"tau": "1/0"}, "tau='1/0' must be"),
    ({"tau": "abc"}, "tau='abc' must be"),
    ({"tau": 0.5}, "tau=0.5 must be"),  # a float is not the number its digits spell
    ({"tau": True}, "tau=True must be"),
    ({"mc_samples": 10}, "mc_samples=10 must be an integer from 100"),
    ({"mc_samples": 2.5}, "mc_samples=2.5 must be an integer"),
    ({"seed": -1}, "seed=-1 must be an integer from 0"),
    ({"digits": 0}, "digits=0 must be from 1"),
    ({"parity_k": 0}, "parity_k=0 must be an integer from 1 to 20"),
])
def test_check_family_validates_its_arguments_before_any_work(kwargs, fragment) -> None:
    from verify.family_check import check_family

    family = parity_family(4, 2, "relu")
    with pytest.raises((ValueError, TypeError)) as info:
        check_family(family, **kwargs)
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_check_family_caps_the_monte_carlo_work() -> None:
    from verify.family_check import MAX_MC_COORDINATES, check_family

    family = parity_family(200, 1, "relu")
    samples = MAX_MC_COORDINATES // 200 + 1
    with pytest.raises(ValueError, match=f"mc_samples={samples} in dimension n=200"):
        check_family(family, mc_samples=samples)
    with pytest.raises(TypeError, match="must be a verify.networks.Family"):
        check_family([family.member(0)])  # type: ignore[arg-type]
