"""One-hidden-layer networks with exact weights, families of them, and the constructions.

A :class:`Network` is ``f(x) = sum_j a_j sigma(<w_j, x> + b_j)`` with

* ``w_j = sqrt(scale_sq) * W_j`` for an **integer** matrix W and a rational ``scale_sq``
  (so ``1/sqrt(k)`` scales, as in the parity family, stay exact),
* rational biases ``b_j`` and rational output weights ``a_j``.

Every rotation invariant of a pair of units -- ``|w|^2``, ``|v|^2``, ``<w, v>`` -- is then an
exact rational, which is what :mod:`verify.certificates` needs. Gaussian inner products, Gram
matrices and the parity family's norm are in :mod:`verify.gram`; family files in
:mod:`verify.family_io`.

The parity family of Goel-Gollakota-Jin-Karmalkar-Klivans (ggjkk20 §1):
``f_S(x) = sum_{w in {+-1}^k} chi(w) sigma(<w, x_S>/sqrt(k))``, ``chi(w) = prod_i w_i``.

>>> f = parity_network(4, (0, 2), activation("relu"))
>>> f.units, f.n, str(f.scale_sq)
(4, 4, '1/2')
>>> x = np.array([[1.0, 5.0, 2.0, 7.0]])  # ReLU, k = 2: f_S = sqrt2 min(|x0|,|x2|) sgn(x0 x2)
>>> bool(np.isclose(f.evaluate(x)[0], np.sqrt(2) * 1.0))
True
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm

import numpy as np
from flint import fmpq

from .activations import Activation, activation

_MAX_PAIRS = 50_000_000
#: Caps checked before any work (a parity network with k = 20 has 2^20 units).
MAX_UNITS = 2**20
MAX_NETWORKS = 100_000
#: Weights are stored as int64 only when ``max|W| * n <= 2^31``: then every row norm, every
#: ``<W_i, V_j>`` of two such matrices and every integer combination with coefficients up to
#: 2^31 (reflections, +-1 hypercube points) fits in int64. Otherwise: Python integers.
_INT64_SAFE = 2**31
#: Biases, output weights and scale_sq: numerator and denominator of at most this many bits
#: (10^300 has 997), so that floats of them (Monte Carlo) exist and exact sums stay small.
MAX_RATIONAL_BITS = 1000


def _normalized_weights(w: object, name: str) -> np.ndarray:
    """An integer matrix as a read-only int64 array (when every derived quantity provably
    fits, see ``_INT64_SAFE``) or a read-only object array of Python ints; one-line errors."""
    if not isinstance(w, np.ndarray):
        if isinstance(w, str | bytes) or not isinstance(w, Sequence):
            raise TypeError(f"weights={_short(w)} of network {name!r} must be a 2-D integer "
                            "numpy array or a list of integer rows (one row per unit)")
        rows = list(w)
        if not all(isinstance(r, Sequence) and not isinstance(r, str | bytes) for r in rows) \
                or len({len(r) for r in rows}) > 1:
            raise ValueError(f"weights of network {name!r} must be rectangular (rows of "
                             "equal length, one per unit); pad with zeros")
        w = np.array([list(r) for r in rows], dtype=object).reshape(len(rows), -1) if rows \
            else np.zeros((0, 0), dtype=object)
    if w.ndim != 2:
        raise ValueError(f"weights.shape={w.shape} of network {name!r} must be 2-D (one row "
                         "per unit); use reshape(1, -1) for a single unit")
    if w.shape[0] == 0 or w.shape[1] == 0:
        raise ValueError(f"weights.shape={w.shape} of network {name!r} must have >= 1 unit "
                         "and >= 1 input")
    if w.shape[0] > MAX_UNITS:
        raise ValueError(f"units={w.shape[0]} of network {name!r} must be at most {MAX_UNITS};"
                         " split the network or use a family symmetry")
    kind = w.dtype.kind
    if kind == "b":
        raise TypeError(f"weights.dtype=bool of network {name!r} must be an integer dtype "
                        "(bool is not an integer); use weights.astype(np.int64)")
    if kind in "iu":
        ints = w
    elif kind == "O":
        flat = w.ravel().tolist()
        bad = next((v for v in flat if isinstance(v, bool | np.bool_)
                    or not isinstance(v, int | np.integer)), None)
        if bad is not None:
            raise TypeError(f"weights entry {_short(bad)} ({type(bad).__name__}) of network "
                            f"{name!r} must be an integer; put fractions into scale_sq")
        ints = np.array([int(v) for v in flat], dtype=object).reshape(w.shape)
    else:
        raise TypeError(f"weights.dtype={w.dtype} of network {name!r} must be an integer dtype "
                        "(exact weights; floats are refused); put a common factor into "
                        "scale_sq")
    big = max(abs(int(ints.max())), abs(int(ints.min())))
    if big.bit_length() > MAX_RATIONAL_BITS:
        raise ValueError(f"weights of network {name!r} hold an entry of {big.bit_length()} bits;"
                         f" entries must have at most {MAX_RATIONAL_BITS} bits: put a common "
                         "factor into scale_sq")
    if big * w.shape[1] <= _INT64_SAFE:
        out = np.array(ints, dtype=np.int64)
    else:
        out = np.array([int(v) for v in ints.ravel().tolist()], dtype=object).reshape(w.shape)
    out.setflags(write=False)
    return out


def _short(v: object) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def exact_rational(value: object, name: str) -> fmpq:
    """``value`` (int, Fraction, fmpq, fmpz, numpy integer, SymPy Rational) as an fmpq.

    Raises TypeError for bool, floats (NaN/inf included) and other types; ValueError when the
    numerator or denominator has more than ``MAX_RATIONAL_BITS`` bits.
    """
    import sympy as sp
    from flint import fmpz

    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{name}={value!r} must be an exact rational (bool is not a number); "
                        "use 0 or 1")
    if isinstance(value, fmpq):
        q = value
    elif isinstance(value, int | np.integer | fmpz):
        q = fmpq(int(value))
    elif isinstance(value, Fraction):
        q = fmpq(value.numerator, value.denominator)
    elif isinstance(value, sp.Rational):
        q = fmpq(int(value.p), int(value.q))
    else:
        raise TypeError(f"{name}={_short(value)} ({type(value).__name__}) must be an exact "
                        "rational (int, Fraction or fmpq; floats are refused)")
    if int(q.p).bit_length() > MAX_RATIONAL_BITS or int(q.q).bit_length() > MAX_RATIONAL_BITS:
        text = str(q) if len(str(q)) <= 40 else str(q)[:37] + "..."
        raise ValueError(f"{name}={text} must have numerator and denominator of at "
                         f"most {MAX_RATIONAL_BITS} bits; rescale the network")
    return q


def _rational_tuple(values: object, name: str, net: str) -> tuple[fmpq, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
        raise TypeError(f"{name}={_short(values)} of network {net!r} must be a sequence of "
                        "exact rationals, one per unit")
    return tuple(exact_rational(v, f"{name}[{i}]") for i, v in enumerate(values))


@dataclass(frozen=True)
class Network:
    """``f(x) = sum_j a_j sigma(sqrt(scale_sq) <W_j, x> + b_j)`` with exact weights.

    Construction normalizes every input once: ``weights`` (any integer numpy dtype, or integer
    rows) becomes a read-only int64 array when every derived integer provably fits (``max|W|
    n <= 2^31``), else a read-only object array of Python ints; ``scale_sq``, ``biases`` and
    ``outputs`` (ints, Fractions, fmpq) become fmpq.

    Raises TypeError for bool or float weights, floats/NaN/bool elsewhere, a non-Activation;
    ValueError for shapes, counts, a non-positive scale_sq, numbers beyond the caps.
    """

    weights: np.ndarray  # integer matrix, one row per hidden unit (int64 or Python ints)
    scale_sq: fmpq
    biases: tuple[fmpq, ...]
    outputs: tuple[fmpq, ...]
    act: Activation
    name: str = ""
    meta: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise TypeError(f"name={_short(self.name)} must be a string")
        if not isinstance(self.act, Activation):
            raise TypeError(f"act={_short(self.act)} of network {self.name!r} must be an "
                            "Activation; build one with verify.activations.activation(...)")
        w = _normalized_weights(self.weights, self.name)
        object.__setattr__(self, "weights", w)
        scale = exact_rational(self.scale_sq, "scale_sq")
        if scale <= 0:
            raise ValueError(f"scale_sq={scale} of network {self.name!r} must be positive")
        object.__setattr__(self, "scale_sq", scale)
        biases = _rational_tuple(self.biases, "biases", self.name)
        outputs = _rational_tuple(self.outputs, "outputs", self.name)
        if len(biases) != w.shape[0] or len(outputs) != w.shape[0]:
            raise ValueError(
                f"network {self.name!r}: {w.shape[0]} units but {len(biases)} biases and "
                f"{len(outputs)} output weights; give one of each per unit"
            )
        object.__setattr__(self, "biases", biases)
        object.__setattr__(self, "outputs", outputs)

    @property
    def units(self) -> int:
        return int(self.weights.shape[0])

    @property
    def n(self) -> int:
        return int(self.weights.shape[1])

    def evaluate(self, x: np.ndarray) -> np.ndarray:
        """``f`` at the rows of ``x`` (shape ``(N, n)``), in doubles (no guarantee)."""
        x = np.asarray(x, dtype=float)
        if x.ndim != 2 or x.shape[1] != self.n:
            raise ValueError(f"x has shape {x.shape}; expected (N, {self.n})")
        scale = math.sqrt(float(self.scale_sq))
        pre = scale * (x @ self.weights.T.astype(float))  # float: no guarantee
        pre += np.array([float(b) for b in self.biases])[None, :]
        out = self.act.numpy(pre)
        return out @ np.array([float(a) for a in self.outputs])

    def reflected(self, i: int) -> Network:
        """``x -> f(R_i x)`` with ``R_i`` the sign flip of coordinate i (column i negated;
        exact: int64 weights are bounded by 2^31, so the negation cannot wrap)."""
        w = self.weights.copy()
        w[:, i] = -w[:, i]
        return Network(w, self.scale_sq, self.biases, self.outputs, self.act,
                       f"{self.name}∘R_{i}")

    def permuted(self, perm: Sequence[int]) -> Network:
        """``x -> f(P x)`` with ``(P x)_i = x_perm[i]``."""
        inverse = np.argsort(np.asarray(perm))
        return Network(self.weights[:, inverse], self.scale_sq, self.biases, self.outputs,
                       self.act, f"{self.name}∘P")

    def unit_table(self) -> dict[tuple, fmpq]:
        """``(W_j, b_j) -> summed output weight``: two networks with equal tables (zero entries
        dropped) are equal as functions, whatever the activation."""
        table: dict[tuple, fmpq] = {}
        for row, b, a in zip(self.weights.tolist(), self.biases, self.outputs, strict=True):
            key = (tuple(row), b)
            table[key] = table.get(key, fmpq(0)) + a
        return {k: v for k, v in table.items() if v != 0}


# ---------------------------------------------------------------------------------------------
# Invariant classes of unit pairs.

def _integer_outputs(net: Network) -> tuple[np.ndarray, int]:
    """Output weights as integers over a common denominator."""
    den = lcm(*(int(a.q) for a in net.outputs))
    return np.array([int(a.p) * (den // int(a.q)) for a in net.outputs], dtype=object), den


def _integer_biases(nets: Iterable[Network]) -> tuple[dict[int, np.ndarray], int]:
    nets = list(nets)
    den = lcm(*(int(b.q) for net in nets for b in net.biases))
    ints = {id(net): [int(b.p) * (den // int(b.q)) for b in net.biases] for net in nets}
    wide = any(abs(v) >= 2**62 for row in ints.values() for v in row)
    return {key: np.array(row, dtype=object if wide else np.int64)
            for key, row in ints.items()}, den


def _int_products(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b.T`` for integer matrices, exactly: int64 when the entries provably fit
    (``max|a| max|b| n < 2^62``, computed in int64 whatever the input dtype), Python integers
    otherwise (int64, let alone a narrower dtype, would wrap silently)."""
    bound = _max_abs(a) * _max_abs(b) * a.shape[1]
    if bound < 2**62:
        return _as_int64(a) @ _as_int64(b).T
    return _python_ints(a) @ _python_ints(b).T


def row_norms(a: np.ndarray) -> np.ndarray:
    """``|a_j|^2`` for the rows of an integer matrix, exactly (Python integers if needed)."""
    if _max_abs(a) ** 2 * a.shape[1] < 2**62:
        a64 = _as_int64(a)
        return np.einsum("ij,ij->i", a64, a64)
    obj = _python_ints(a)
    return (obj * obj).sum(axis=1)


def _as_int64(a: np.ndarray) -> np.ndarray:
    """Entries already known to lie below 2^62 in absolute value, as int64."""
    if a.dtype == np.int64:
        return a
    return np.array(_python_ints(a), dtype=np.int64) if a.dtype == object else a.astype(
        np.int64)


def _python_ints(a: np.ndarray) -> np.ndarray:
    """An object array of Python ints (numpy integer scalars would still wrap)."""
    return np.array([int(v) for v in a.ravel().tolist()], dtype=object).reshape(a.shape)


def _max_abs(a: np.ndarray) -> int:
    return max(abs(int(a.max())), abs(int(a.min()))) if a.size else 0


def class_sums(f: Network, h: Network) -> dict[tuple[int, ...], Fraction]:
    """Map each invariant class ``(|W_i|^2, |V_j|^2, <W_i, V_j>, b_i, c_j)`` (integers in the
    networks' own scales) to the exact sum of ``a_i c_j`` over the unit pairs in it."""
    if f.n != h.n:
        raise ValueError(f"networks read different dimensions ({f.n} and {h.n})")
    if f.units * h.units > _MAX_PAIRS:
        raise ValueError(f"{f.units} x {h.units} unit pairs exceed {_MAX_PAIRS}; use a family "
                         "symmetry or smaller networks")
    gram = _int_products(f.weights, h.weights).ravel()
    nf, nh = row_norms(f.weights), row_norms(h.weights)
    biases, _ = _integer_biases([f, h])
    bf, bh = biases[id(f)], biases[id(h)]
    af, den_f = _integer_outputs(f)
    ah, den_h = _integer_outputs(h)
    m_f, m_h = f.units, h.units
    # Each class as one integer: the five invariants in mixed radix (offsets make them >= 0).
    columns = [np.repeat(nf, m_h), np.tile(nh, m_f), gram, np.repeat(bf, m_h), np.tile(bh, m_f)]
    code = np.zeros(m_f * m_h, dtype=np.int64)
    radix_bits = 0
    if any(col.dtype == object for col in columns):
        return _class_sums_slow(columns, af, ah, den_f * den_h)
    for col in columns:
        low, high = int(col.min()), int(col.max())
        width = max(1, (high - low).bit_length())
        radix_bits += width
        if radix_bits > 62:
            return _class_sums_slow(columns, af, ah, den_f * den_h)
        code = (code << width) | (col - low)
    uniq, inverse = np.unique(code, return_inverse=True)
    largest = max(abs(int(a)) for a in af) * max(abs(int(c)) for c in ah)
    if largest * m_f * m_h < 2**52:  # float64 sums of integers are exact below 2^53
        prod = np.outer(af.astype(float), ah.astype(float)).ravel()
        sums = np.bincount(inverse.ravel(), weights=prod, minlength=len(uniq))
        values = [int(v) for v in sums]
    else:
        values = [0] * len(uniq)
        for idx, p in zip(inverse.ravel().tolist(), np.outer(af, ah).ravel().tolist(),
                          strict=True):
            values[idx] += p
    first = np.zeros(len(uniq), dtype=np.int64)
    first[inverse.ravel()[::-1]] = np.arange(m_f * m_h)[::-1]
    scale = Fraction(1, den_f * den_h)
    return {tuple(int(col[i]) for col in columns): Fraction(val) * scale
            for i, val in zip(first.tolist(), values, strict=True)}


def _class_sums_slow(columns: list[np.ndarray], af: np.ndarray, ah: np.ndarray, den: int
                     ) -> dict[tuple[int, ...], Fraction]:
    """Python-dict grouping, for invariants too wide to pack into 62 bits."""
    out: dict[tuple[int, ...], Fraction] = {}
    prod = np.outer(af, ah).ravel().tolist()
    for i, key in enumerate(zip(*(c.tolist() for c in columns), strict=True)):
        out[key] = out.get(key, Fraction(0)) + Fraction(prod[i], den)
    return out


class Family:
    """Networks on the same input dimension, built on demand, with an optional symmetry.

    ``pair_representatives`` (if given) lists pairs ``(i, j)``, ``i != j``, one per orbit of the
    declared symmetry group acting on pairs; checking them checks every pair.
    """

    def __init__(self, size: int, member: Callable[[int], Network], *, name: str = "family",
                 symmetry: str = "none",
                 pair_representatives: tuple[tuple[int, int], ...] | None = None) -> None:
        if isinstance(size, bool) or not isinstance(size, int):
            raise TypeError(f"size={size!r} of family {name!r} must be an integer")
        if size < 1:
            raise ValueError(f"family {name!r} is empty; give at least one network")
        if size > MAX_NETWORKS:
            raise ValueError(f"size={size} of family {name!r} must be at most {MAX_NETWORKS} "
                             "networks; check a sub-family or declare a symmetry")
        self.size, self.name, self.symmetry = size, name, symmetry
        self.pair_representatives = pair_representatives
        self._member = member
        self._cache: dict[int, Network] = {}
        self.n = self.member(0).n

    @classmethod
    def from_networks(cls, networks: Sequence[Network], *, name: str = "family") -> Family:
        if len(networks) > MAX_NETWORKS:
            raise ValueError(f"{len(networks)} networks in family {name!r} must be at most "
                             f"{MAX_NETWORKS}; check a sub-family")
        nets = tuple(networks)
        bad = next((v for v in nets if not isinstance(v, Network)), None)
        if bad is not None:
            raise TypeError(f"member {_short(bad)} ({type(bad).__name__}) of family {name!r} "
                            "must be a Network")
        if not nets:
            raise ValueError(f"family {name!r} is empty; give at least one network")
        dims = {m.n for m in nets}
        if len(dims) != 1:
            raise ValueError(f"family {name!r} mixes input dimensions {sorted(dims)}; "
                             "every network must read the same x")
        return cls(len(nets), nets.__getitem__, name=name)

    def member(self, i: int) -> Network:
        if not 0 <= i < self.size:
            raise IndexError(f"member {i} of a family of {self.size}")
        if i not in self._cache:
            net = self._member(i)
            if i and net.n != self.n:
                raise ValueError(f"member {i} reads dimension {net.n}, not {self.n}")
            self._cache[i] = net
        return self._cache[i]

    def pairs(self) -> Iterator[tuple[int, int]]:
        """The pairs to check: the orbit representatives, or every unordered pair."""
        if self.pair_representatives is not None:
            yield from self.pair_representatives
        else:
            yield from itertools.combinations(range(self.size), 2)


# ---------------------------------------------------------------------------------------------
# Constructions.

def _positive_int(name: str, v: object) -> int:
    if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < 1:
        raise ValueError(f"{name}={v!r} must be a positive integer")
    return int(v)


def _check_nk(n: object, k: object) -> tuple[int, int]:
    n_, k_ = _positive_int("n", n), _positive_int("k", k)
    if k_ > n_:
        raise ValueError(f"k={k_} must be at most n={n_} (a k-subset of n coordinates)")
    if k_ > 20:
        raise ValueError(f"k={k_} means 2^{k_} hidden units; use k <= 20")
    return n_, k_


def sign_patterns(k: int) -> np.ndarray:
    """All ``w in {+-1}^k`` as rows (2^k x k, int64), in binary order."""
    bits = (np.arange(2**k)[:, None] >> np.arange(k)[::-1][None, :]) & 1
    return (1 - 2 * bits).astype(np.int64)


def parity_network(n: int, subset: Sequence[int], act: Activation | str, *,
                   output_scale: fmpq | None = None, weight_scale_sq: fmpq | None = None,
                   with_parity: bool = True) -> Network:
    """``f_S(x) = sum_w chi(w) sigma(<w, x_S>/sqrt(k))`` (output weights ``+-1`` by default).

    ``weight_scale_sq`` (default ``1/k``, unit-norm hidden weights), ``output_scale`` and
    ``with_parity=False`` exist to build the planted wrong variants of the construction.
    """
    act = activation(act) if isinstance(act, str) else act
    subset = tuple(int(i) for i in subset)
    n, k = _check_nk(n, len(subset))
    if len(set(subset)) != k or not all(0 <= i < n for i in subset):
        raise ValueError(f"subset={subset} must be {k} distinct indices in 0..{n - 1}")
    pats = sign_patterns(k)
    weights = np.zeros((2**k, n), dtype=np.int64)
    weights[:, list(subset)] = pats
    chi = np.prod(pats, axis=1)
    scale = output_scale if output_scale is not None else fmpq(1)
    outputs = tuple(fmpq(int(c)) * scale if with_parity else scale for c in chi)
    return Network(weights, weight_scale_sq if weight_scale_sq is not None else fmpq(1, k),
                   tuple(fmpq(0) for _ in range(2**k)), outputs, act,
                   f"f_{{{','.join(map(str, subset))}}}", {"subset": subset})


def parity_family(n: int, k: int, act: Activation | str, *, max_members: int = 20_000
                  ) -> Family:
    """``{f_S : S subset of [n], |S| = k}`` with its permutation symmetry.

    Pairs ``(S, T)`` and ``(pi S, pi T)`` are equivalent under a coordinate permutation pi,
    which preserves every spherically symmetric law; an orbit is fixed by ``|S cap T|``, so one
    representative pair per overlap ``0 .. k-1`` (when it exists for this n) checks them all.
    """
    n, k = _check_nk(n, k)
    count = math.comb(n, k)
    if count > max_members:
        raise ValueError(f"n={n}, k={k} gives {count} networks; the limit is {max_members} "
                         "(pair checks use the permutation symmetry, see family_pair_orbits)")
    act = activation(act) if isinstance(act, str) else act
    subsets = list(itertools.combinations(range(n), k))
    index = {s: i for i, s in enumerate(subsets)}
    reps = []
    for overlap in range(k):
        if 2 * k - overlap > n:
            continue
        s = tuple(range(k))
        t = tuple(range(k - overlap, 2 * k - overlap))
        reps.append((index[s], index[t]))
    return Family(count, lambda i: parity_network(n, subsets[i], act),
                  name=f"parity family n={n}, k={k}, {act.name}",
                  symmetry="coordinate permutations (orbits of pairs by |S cap T|)",
                  pair_representatives=tuple(reps))


# ---------------------------------------------------------------------------------------------
# Exact degeneracy: is the network the zero function?

def reduced_form(net: Network) -> tuple[dict[tuple, fmpq], list[fmpq], fmpq]:
    """Merge each unit ``(-W, -b)`` into ``(W, b)`` using the activation's proved parity:

    * sigma even: ``sigma(-u) = sigma(u)``;
    * sigma - c odd: ``sigma(-u) = 2c - sigma(u)``;
    * odd part linear (``sigma(u) - sigma(-u) = 2 alpha u``): ``sigma(-u) = sigma(u) - 2 alpha u``.

    Returns ``(units, linear, constant)``: ``f(x) = sum units[(W,b)] sigma(sqrt(s)<W,x> + b)
    + sqrt(s) <linear, x> + constant`` (``constant`` collects the bias terms and the 2c terms).
    """
    act = net.act
    units: dict[tuple, fmpq] = {}
    linear = [fmpq(0)] * net.n
    constant = fmpq(0)
    c = _rational_or_none(act.even_part_constant)
    alpha = _rational_or_none(act.odd_part_slope)
    for row, b, a in zip(net.weights.tolist(), net.biases, net.outputs, strict=True):
        key, neg = (tuple(row), b), (tuple(-v for v in row), -b)
        canon = max(key, neg, key=lambda t: (t[0], t[1].p * 10**9 // t[1].q))
        if key == canon or not any(row):
            units[key] = units.get(key, fmpq(0)) + a
        elif act.odd_part_zero:
            units[canon] = units.get(canon, fmpq(0)) + a
        elif c is not None:
            units[canon] = units.get(canon, fmpq(0)) - a
            constant += 2 * c * a
        elif alpha is not None:
            units[canon] = units.get(canon, fmpq(0)) + a
            for i, w in enumerate(canon[0]):
                linear[i] -= 2 * alpha * a * w
            constant -= 2 * alpha * a * canon[1]
        else:
            units[key] = units.get(key, fmpq(0)) + a
    return {k: v for k, v in units.items() if v != 0}, linear, constant


def _rational_or_none(v: object) -> fmpq | None:
    if v is None:
        return None
    import sympy as sp

    e = sp.sympify(v)
    return fmpq(int(e.p), int(e.q)) if e.is_Rational else None


def is_identically_zero(net: Network) -> bool:
    """True when the network is *proved* to be the zero function (its reduced form vanishes);
    False means "not proved" (use a norm ball that excludes 0 to prove the opposite)."""
    units, linear, constant = reduced_form(net)
    return not units and all(v == 0 for v in linear) and constant == 0
