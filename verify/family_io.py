"""Family files: the JSON format (versions 1 and 2) and Python family files, read and written.

**JSON, version 2** (DESIGN.md, "Families")::

    {"version": 2, "name": "...", "activation": "relu",
     "networks": [{"name": "f", "activation": "sigmoid",   (optional: overrides the family's)
                   "scale_sq": "1/2", "weights": [[1, -1], [1, 1]],
                   "biases": [0, "1/3"],                    (optional: zeros)
                   "outputs": [1, -1]}]}

A network is ``f(x) = sum_j a_j sigma(sqrt(scale_sq) <W_j, x> + b_j)`` (:class:`Network`).
Weights, biases, outputs and ``scale_sq`` are integers or exact rational strings (``"1/3"``,
``"0.25"``, ``"1e-3"``); floats are refused (a float is not the number its digits spell).
Rational weights are brought to a common denominator, which moves into ``scale_sq``.
``"activation"`` is needed at the top level unless every network names its own. In version 2 an
unknown field is an error (a misspelt ``"bias"`` must not silently mean "no biases").

**Version 1** (a file without ``"version"``): one activation for the family, no per-network
activation; unknown fields are ignored, as they always were. Every version-1 file still loads.

Not yet in the format (a later issue): algebraic numbers (``"sqrt(2)/2"``) and ``"law"``; both
are refused with a one-line message rather than read approximately or ignored.

**Python family files** define ``family()`` returning a :class:`Family` or a list of Networks.

**Writing.** :func:`family_to_json` writes version 2 with integer weight rows, so
``family_from_json(family_to_json(fam))`` rebuilds every member exactly (weights, scale,
biases, outputs, activation expression, name). A declared symmetry is *not* written: a file
cannot be trusted to declare one, so a loaded family checks every pair.

Errors: ValueError, one line, naming the file, the entry (``networks[2].weights[0][1]``) and
what is allowed. Sizes are capped (``MAX_FILE_BYTES``, ``MAX_FILE_UNITS``, ``MAX_FILE_ENTRIES``,
``MAX_NETWORKS``, ``_MAX_NUMBER_CHARS``) before any work.

>>> doc = {"version": 2, "activation": "relu", "networks": [
...     {"name": "f", "scale_sq": "1/2", "weights": [[1, 1], [1, -1]], "outputs": [1, -1]}]}
>>> fam = family_from_json(doc)
>>> fam.member(0).units, str(fam.member(0).scale_sq)
(2, '1/2')
>>> family_to_json(fam)["networks"][0]["weights"]
[[1, 1], [1, -1]]
"""

from __future__ import annotations

import json
import math
import re
import runpy
import traceback
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
from flint import fmpq

from .activations import Activation, activation
from .networks import MAX_NETWORKS, MAX_RATIONAL_BITS, MAX_UNITS, Family, Network

#: The version :func:`family_to_json` writes, and the versions :func:`family_from_json` reads.
FORMAT_VERSION = 2
VERSIONS = (1, 2)
#: Caps on family files, checked before any work.
MAX_FILE_BYTES = 20 * 2**20
#: Total hidden units, and total weight entries, in one JSON family file.
MAX_FILE_UNITS = MAX_UNITS
MAX_FILE_ENTRIES = 2**24
#: A number written in a family file: at most this many characters, and a decimal exponent of
#: at most 4 digits (so "1e999999999" is refused before 10^(10^9) is computed).
_MAX_NUMBER_CHARS = 400
_NUMBER = re.compile(r"[+-]?(\d+(/\d+)?|(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?)")
#: The fields of a version-2 document and of one of its networks.
_TOP_FIELDS = ("version", "name", "activation", "networks", "description")
_NETWORK_FIELDS = ("name", "activation", "scale_sq", "weights", "biases", "outputs")


def load_family_file(path: str) -> Family:
    """A family from a JSON file (format above) or a Python file defining ``family()`` that
    returns a Family or a list of Networks.

    Raises ValueError (one line, naming the file) for a missing file, a wrong suffix, a file
    above ``MAX_FILE_BYTES`` (20 MB), invalid or too deeply nested JSON, a malformed document
    (see :func:`family_from_json`), and for any exception raised while running a Python family
    file (its class, message and line in the file).
    """
    p = Path(path)
    if p.exists() and not p.is_file():
        raise ValueError(f"file={path!r} is not a regular file; give the path of a .json or "
                         ".py family")
    if not p.is_file():
        raise ValueError(f"file={path!r} does not exist; give the path of a .json or .py family")
    if p.suffix not in (".py", ".json"):
        raise ValueError(f"file={path!r} must end in .json or .py")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"file={path!r} has {size} bytes; a family file must be at most 20 MB "
                         f"({MAX_FILE_BYTES} bytes); split the family, or build it in a "
                         "Python family file")
    if p.suffix == ".py":
        return _python_family(p, path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"file={path!r} is not UTF-8 text (byte {exc.start}); save it as "
                         "UTF-8 JSON") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"file={path!r} is not valid JSON (line {exc.lineno}, column "
                         f"{exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ValueError(f"file={path!r} nests JSON too deeply to parse; a family file nests "
                         "4 levels (document, networks, network, weight rows)") from None
    except ValueError as exc:  # e.g. an integer literal beyond Python's digit limit
        raise ValueError(f"file={path!r} holds a number JSON cannot read ({_one_line(exc)}); "
                         f"write numbers with at most {_MAX_NUMBER_CHARS} characters") from None
    return family_from_json(doc, source=path)


def save_family_file(family: Family, path: str) -> None:
    """Write ``family`` as a version-2 JSON family file (:func:`family_to_json`), whole or not
    at all (:func:`verify.files.write_whole`).

    Raises ValueError for a path that does not end in ``.json`` or cannot be written (see
    :func:`verify.files.check_output`) and for a family :func:`family_to_json` refuses; OSError
    when the system fails while writing.
    """
    from .files import check_output, write_whole

    if not str(path).endswith(".json"):
        raise ValueError(f"path={str(path)!r} must end in .json (family files are JSON; a .py "
                         "family file is written by hand)")
    out = check_output(path)
    write_whole(out, dumps_family(family_to_json(family)))


def dumps_family(doc: dict[str, Any]) -> str:
    """A family document as JSON text with one line per field and one line per network (what
    a person reads and diffs), ending in a newline."""
    head = [f" {json.dumps(key)}: {json.dumps(value)}" for key, value in doc.items()
            if key != "networks"]
    nets = ",\n  ".join(json.dumps(item) for item in doc.get("networks", []))
    return "{\n" + ",\n".join([*head, f' "networks": [\n  {nets}\n ]']) + "\n}\n"


def family_to_json(family: Family) -> dict[str, Any]:
    """The version-2 JSON document of ``family``: every member (``family.size`` of them, at most
    ``MAX_NETWORKS``), integer weight rows, rationals as ``"p/q"`` strings, the family's most
    common activation at the top and an ``"activation"`` per network where it differs.

    Raises TypeError for a non-Family; ValueError for a family of more than
    ``MAX_FILE_UNITS`` hidden units or ``MAX_FILE_ENTRIES`` weight entries (it could not be
    read back), a weight of at least 2^62, or an activation whose expression does not read
    back as itself.
    """
    if not isinstance(family, Family):
        raise TypeError(f"family={type(family).__name__} must be a verify.networks.Family")
    members = [family.member(i) for i in range(family.size)]
    units = sum(m.units for m in members)
    entries = sum(m.units * m.n for m in members)
    if units > MAX_FILE_UNITS or entries > MAX_FILE_ENTRIES:
        raise ValueError(f"family {family.name!r} has {units} hidden units with {entries} weight "
                         f"entries; a family file holds at most {MAX_FILE_UNITS} units and "
                         f"{MAX_FILE_ENTRIES} entries; write a Python family file instead")
    big = next((m for m in members if m.weights.size and
                int(np.abs(m.weights).max()) >= 2**62), None)
    if big is not None:
        raise ValueError(f"network {big.name!r} of family {family.name!r} has a weight of at "
                         "least 2^62, which a family file cannot hold; write a Python family "
                         "file instead")
    specs = [activation_spec(m.act) for m in members]
    top = max(dict.fromkeys(specs), key=specs.count)
    networks = []
    for net, spec in zip(members, specs, strict=True):
        item: dict[str, Any] = {"name": net.name}
        if spec != top:
            item["activation"] = spec
        item["scale_sq"] = _number(net.scale_sq)
        item["weights"] = [[int(v) for v in row] for row in net.weights.tolist()]
        if any(b != 0 for b in net.biases):
            item["biases"] = [_number(b) for b in net.biases]
        item["outputs"] = [_number(a) for a in net.outputs]
        networks.append(item)
    return {"version": FORMAT_VERSION, "name": family.name, "activation": top,
            "networks": networks}


def activation_spec(act: Activation) -> str:
    """The string that :func:`verify.activations.activation` reads back as ``act``'s expression:
    its registered name when that name gives the same expression, else the SymPy expression.

    Raises ValueError when neither reads back as the same expression."""
    for spec in (act.name, str(act.expr)):
        try:
            if activation(spec).expr == act.expr:
                return spec
        except ValueError:
            continue
    raise ValueError(f"activation {act.name!r} (expression {act.expr}) does not read back as "
                     "itself from a family file; write it as a Python family file")


def _number(q: fmpq) -> int | str:
    """An fmpq as a JSON integer, or the exact string ``"p/q"``."""
    return int(q.p) if q.q == 1 else f"{q.p}/{q.q}"


def _python_family(p: Path, path: str) -> Family:
    """Run a Python family file; any exception in it becomes one line with its line number."""
    try:
        namespace = runpy.run_path(str(p))
        fn = namespace.get("family")
        if not callable(fn):
            raise ValueError(f"file={path!r} must define a function family() returning a "
                             "Family or a list of Networks")
        value = fn()
    except KeyboardInterrupt:
        raise
    except SyntaxError as exc:
        if Path(exc.filename or "").resolve() != p.resolve():  # in a module it imports
            raise ValueError(f"{path}: SyntaxError at line {_line_in(exc, p)} (in "
                             f"{exc.filename}, line {exc.lineno}: {exc.msg}); fix the family "
                             "file") from None
        raise ValueError(f"{path}: SyntaxError at line {exc.lineno}: {exc.msg}; fix the family "
                         "file") from None
    except (Exception, SystemExit) as exc:
        if isinstance(exc, ValueError) and str(exc).startswith(f"file={path!r}"):
            raise
        raise ValueError(f"{path}: {type(exc).__name__} at line {_line_in(exc, p)}: "
                         f"{_one_line(exc)} (raised while running the family file); fix the "
                         "family file") from None
    if isinstance(value, Family):
        return value
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        if len(value) > MAX_NETWORKS:
            raise ValueError(f"file={path!r}: family() returned {len(value)} networks; the "
                             f"limit is {MAX_NETWORKS}; check a sub-family, or return a Family "
                             "with a symmetry")
        if all(isinstance(v, Network) for v in value):
            return Family.from_networks(value, name=p.stem)
    raise ValueError(f"file={path!r}: family() returned {type(value).__name__}, not a "
                     "Family or a list of Networks")


def _line_in(exc: BaseException, p: Path) -> int | str:
    """The last line of file ``p`` on the exception's traceback ('?' when none)."""
    line: int | str = "?"
    target = p.resolve()
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == target:
            line = lineno
    return line


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def family_from_json(doc: Any, *, source: str = "<json>") -> Family:
    """Build a family from a JSON document (version 1 or 2, see the module docstring).

    The caps (``MAX_NETWORKS`` networks, ``MAX_FILE_UNITS`` hidden units and
    ``MAX_FILE_ENTRIES`` weight entries in all) are checked before any network is built.
    Raises ValueError (one line naming ``source``, the entry and what is allowed).
    """
    if not isinstance(doc, dict):
        raise ValueError(f"{source}: the top level must be an object with 'activation' and "
                         "'networks'")
    version = _version(doc, source)
    if "law" in doc:
        raise ValueError(f"{source}: field 'law' is not supported yet; remove it (the report "
                         "covers N(0, I) and, by the law-free certificate, every spherically "
                         "symmetric law)")
    if version >= 2:
        _known_fields(doc, _TOP_FIELDS, source)
    required = ("networks",) if version >= 2 else ("activation", "networks")
    for key in required:
        if key not in doc:
            raise ValueError(f"{source}: missing field {key!r}")
    nets_doc = doc["networks"]
    if not isinstance(nets_doc, list) or not nets_doc:
        raise ValueError(f"{source}: field 'networks' must be a non-empty list")
    if len(nets_doc) > MAX_NETWORKS:
        raise ValueError(f"{source}: networks has {len(nets_doc)} entries; the limit is "
                         f"{MAX_NETWORKS}; check a sub-family")
    units = entries = 0
    for item in nets_doc:
        rows = item.get("weights") if isinstance(item, dict) else None
        if isinstance(rows, list):
            units += len(rows)
            entries += sum(len(r) for r in rows if isinstance(r, list))
    if units > MAX_FILE_UNITS or entries > MAX_FILE_ENTRIES:
        raise ValueError(f"{source}: {units} hidden units with {entries} weight entries; the "
                         f"limits are {MAX_FILE_UNITS} units and {MAX_FILE_ENTRIES} entries; "
                         "check a sub-family, or build it in a Python family file")
    act = _activation(doc["activation"], f"{source}: activation") if "activation" in doc \
        else None
    cache: dict[str, Activation] = {}
    networks = [_network_from_json(item, act, f"{source}: networks[{i}]", version, cache)
                for i, item in enumerate(nets_doc)]
    return Family.from_networks(networks, name=str(doc.get("name", Path(source).stem)))


def _version(doc: dict[str, Any], source: str) -> int:
    version = doc.get("version", 1)
    if isinstance(version, bool) or version not in VERSIONS:
        raise ValueError(f"{source}: version={_short(version)} must be one of "
                         f"{', '.join(map(str, VERSIONS))} (an integer; absent means 1)")
    return int(version)


def _known_fields(item: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = [k for k in item if k not in allowed]
    if unknown:
        raise ValueError(f"{where}: unknown field {_short(unknown[0])}; a version-2 entry has "
                         f"only {', '.join(allowed)}")


def _activation(spec: Any, where: str) -> Activation:
    if not isinstance(spec, str):
        raise ValueError(f"{where}={_short(spec)} must be a string: a registered name such as "
                         "\"relu\" or an expression in x such as \"Max(x, 0)**2\"")
    try:
        return activation(spec)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where}: {_one_line(exc)}") from None


def _rational(value: Any, where: str) -> Fraction:
    """An integer or a rational string ("1/3", "0.25", "1e-3") read exactly; bounded in size
    before it is computed (``_MAX_NUMBER_CHARS``, a 4-digit exponent, ``MAX_RATIONAL_BITS``)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{where}={_short(value)} must be an integer or a string such as "
                         "\"1/3\" (exact; floats are not accepted)")
    if isinstance(value, str):
        if len(value) > _MAX_NUMBER_CHARS:
            raise ValueError(f"{where}={_short(value)} has {len(value)} characters; a number "
                             f"must have at most {_MAX_NUMBER_CHARS}")
        if not _NUMBER.fullmatch(value.strip()):
            raise ValueError(f"{where}={value!r} is not an exact rational such as \"1/3\" (or "
                             "has an exponent of more than 4 digits; algebraic numbers are not "
                             "supported yet)")
    elif value.bit_length() > 4 * _MAX_NUMBER_CHARS:
        raise ValueError(f"{where}={_short(value)} has {value.bit_length()} bits; write "
                         "smaller numbers (rescale the network)")
    try:
        q = Fraction(value.strip() if isinstance(value, str) else value)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{where}={value!r} is not an exact rational such as \"1/3\"") from None
    if max(q.numerator.bit_length(), q.denominator.bit_length()) > MAX_RATIONAL_BITS:
        raise ValueError(f"{where}={_short(value)} must have numerator and denominator of at "
                         f"most {MAX_RATIONAL_BITS} bits (about 300 digits); rescale the "
                         "network")
    return q


def _short(v: object) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _network_from_json(item: Any, act: Activation | None, where: str, version: int = 1,
                       cache: dict[str, Activation] | None = None) -> Network:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object with 'weights' and 'outputs'")
    if version >= 2:
        _known_fields(item, _NETWORK_FIELDS, where)
        if "activation" in item:
            spec = item["activation"]
            cache = {} if cache is None else cache
            key = spec if isinstance(spec, str) else repr(spec)
            if key not in cache:
                cache[key] = _activation(spec, f"{where}.activation")
            act = cache[key]
        elif act is None:
            raise ValueError(f"{where}: missing field 'activation' (give one at the top level "
                             "or one per network)")
    elif "activation" in item:
        raise ValueError(f"{where}: a per-network 'activation' needs \"version\": 2 at the top "
                         "level (a version-1 file has one activation for the family)")
    if act is None:  # version 1 requires the top-level activation (checked above)
        raise ValueError(f"{where}: no activation; give one at the top level")
    for key in ("weights", "outputs"):
        if key not in item:
            raise ValueError(f"{where}: missing field {key!r}")
    rows = item["weights"]
    if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
        raise ValueError(f"{where}.weights must be a non-empty list of rows")
    width = len(rows[0])
    if width == 0 or any(len(r) != width for r in rows):
        raise ValueError(f"{where}.weights: rows have lengths {sorted({len(r) for r in rows})}; "
                         "every row needs the same input dimension")
    entries = [[_rational(v, f"{where}.weights[{i}][{j}]") for j, v in enumerate(r)]
               for i, r in enumerate(rows)]
    den = 1
    for r in entries:
        for v in r:
            den = den * v.denominator // math.gcd(den, v.denominator)
            if den >= 2**62:
                raise ValueError(f"{where}.weights: the common denominator of the weights "
                                 f"reaches {_short(den)}; it must stay below 2^62: put a "
                                 "common factor into scale_sq instead")
    for i, r in enumerate(entries):
        for j, v in enumerate(r):
            if abs(v * den) >= 2**62:
                raise ValueError(f"{where}.weights[{i}][{j}]={rows[i][j]!r} is too large: "
                                 "weights times their common denominator must stay below "
                                 "2^62; put a common factor into scale_sq instead")
    ints = np.array([[int(v * den) for v in r] for r in entries], dtype=np.int64)
    scale = _rational(item.get("scale_sq", 1), f"{where}.scale_sq")
    if scale <= 0:
        raise ValueError(f"{where}.scale_sq={item.get('scale_sq')!r} must be positive")
    outputs = item["outputs"]
    biases = item.get("biases", [0] * len(rows))
    for key, values in (("outputs", outputs), ("biases", biases)):
        if not isinstance(values, list) or len(values) != len(rows):
            raise ValueError(f"{where}.{key} must be a list with one entry per unit "
                             f"({len(rows)})")

    def to_fmpq(v: Fraction) -> fmpq:
        return fmpq(v.numerator, v.denominator)

    return Network(
        ints, to_fmpq(scale / den**2),
        tuple(to_fmpq(_rational(b, f"{where}.biases[{i}]")) for i, b in enumerate(biases)),
        tuple(to_fmpq(_rational(a, f"{where}.outputs[{i}]")) for i, a in enumerate(outputs)),
        act, str(item.get("name", where.split(": ")[-1])))
