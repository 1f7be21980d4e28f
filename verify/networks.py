"""One-hidden-layer networks with exact weights, families of them, and the constructions.

A :class:`Network` is ``f(x) = sum_j a_j sigma(<w_j, x> + b_j)`` with

* ``w_j = sqrt(scale_sq) * W_j`` for an **integer** matrix W and a rational ``scale_sq``
  (so ``1/sqrt(k)`` scales, as in the parity family, stay exact),
* rational biases ``b_j`` and rational output weights ``a_j``.

Every rotation invariant of a pair of units -- ``|w|^2``, ``|v|^2``, ``<w, v>`` -- is then an
exact rational, which is what :mod:`verify.certificates` needs.

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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from flint import fmpq

from .activations import Activation, activation


@dataclass(frozen=True)
class Network:
    """``f(x) = sum_j a_j sigma(sqrt(scale_sq) <W_j, x> + b_j)`` with exact weights."""

    weights: np.ndarray  # integer matrix, one row per hidden unit (int64)
    scale_sq: fmpq
    biases: tuple[fmpq, ...]
    outputs: tuple[fmpq, ...]
    act: Activation
    name: str = ""
    meta: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        w = self.weights
        if not isinstance(w, np.ndarray) or w.ndim != 2 or w.dtype.kind != "i":
            raise TypeError("weights must be a 2-D integer numpy array (one row per unit)")
        if w.shape[0] == 0 or w.shape[1] == 0:
            raise ValueError(f"weights has shape {w.shape}; a network needs >= 1 unit and input")
        if len(self.biases) != w.shape[0] or len(self.outputs) != w.shape[0]:
            raise ValueError(
                f"network {self.name!r}: {w.shape[0]} units but {len(self.biases)} biases and "
                f"{len(self.outputs)} output weights; give one of each per unit"
            )
        if self.scale_sq <= 0:
            raise ValueError(f"scale_sq={self.scale_sq} must be positive")

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
        pre = scale * (x @ self.weights.T.astype(float))
        pre += np.array([float(b) for b in self.biases])[None, :]
        out = self.act.numpy(pre)
        return out @ np.array([float(a) for a in self.outputs])

    def reflected(self, i: int) -> Network:
        """``x -> f(R_i x)`` with ``R_i`` the sign flip of coordinate i (column i negated)."""
        w = self.weights.copy()
        w[:, i] *= -1
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


class Family:
    """Networks on the same input dimension, built on demand, with an optional symmetry.

    ``pair_representatives`` (if given) lists pairs ``(i, j)``, ``i != j``, one per orbit of the
    declared symmetry group acting on pairs; checking them checks every pair.
    """

    def __init__(self, size: int, member: Callable[[int], Network], *, name: str = "family",
                 symmetry: str = "none",
                 pair_representatives: tuple[tuple[int, int], ...] | None = None) -> None:
        if size < 1:
            raise ValueError(f"family {name!r} is empty; give at least one network")
        self.size, self.name, self.symmetry = size, name, symmetry
        self.pair_representatives = pair_representatives
        self._member = member
        self._cache: dict[int, Network] = {}
        self.n = self.member(0).n

    @classmethod
    def from_networks(cls, networks: Sequence[Network], *, name: str = "family") -> Family:
        nets = tuple(networks)
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
