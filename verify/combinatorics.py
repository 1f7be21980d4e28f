"""Compositions and multinomial coefficients: the index sets of multivariate Hermite and
monomial expansions (``He_l(<w, x>) = sum_{|alpha| = l} (l!/alpha!) w^alpha prod He_{alpha_j}``).

Exact integer arithmetic only. Standard library has ``math.comb`` but no enumeration of
compositions (``itertools`` enumerates combinations, from which stars and bars builds them),
so they are written here once for the catalogue and the families.

>>> compositions(2, 2)
[(0, 2), (1, 1), (2, 0)]
>>> multinomial(4, (2, 1, 1))
12
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

#: At most this many compositions are listed (``comb(total + parts - 1, parts - 1)``).
MAX_COMPOSITIONS = 10_000_000


def _check_count(value: object, name: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}={value!r} must be an integer")
    if value < low:
        raise ValueError(f"{name}={value} must be at least {low}")
    return value


def compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    """All ``alpha`` in ``N^parts`` with ``alpha_1 + ... + alpha_parts = total``, in
    lexicographic order (stars and bars: there are ``comb(total + parts - 1, parts - 1)``).

    Raises TypeError (not integers) or ValueError (``total < 0``, ``parts < 1``, or more than
    :data:`MAX_COMPOSITIONS` of them).

    >>> len(compositions(5, 3)) == math.comb(7, 2)
    True
    """
    total = _check_count(total, "total", 0)
    parts = _check_count(parts, "parts", 1)
    count = math.comb(total + parts - 1, parts - 1)
    if count > MAX_COMPOSITIONS:
        raise ValueError(f"{count} compositions of {total} into {parts} parts; at most "
                         f"{MAX_COMPOSITIONS} are listed")
    out = []
    for bars in itertools.combinations(range(total + parts - 1), parts - 1):
        prev, alpha = -1, []
        for b in (*bars, total + parts - 1):
            alpha.append(b - prev - 1)
            prev = b
        out.append(tuple(alpha))
    return out


def odd_compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    """The compositions of ``total`` into ``parts`` parts that are all odd (none when
    ``total < parts`` or ``total - parts`` is odd): ``alpha = 2 beta + 1`` with ``beta`` a
    composition of ``(total - parts)/2``.

    >>> odd_compositions(4, 2)
    [(1, 3), (3, 1)]
    """
    total = _check_count(total, "total", 0)
    parts = _check_count(parts, "parts", 1)
    if total < parts or (total - parts) % 2:
        return []
    return [tuple(2 * b + 1 for b in beta) for beta in compositions((total - parts) // 2, parts)]


def multinomial(total: int, alpha: Sequence[int]) -> int:
    """``total! / (alpha_1! ... alpha_k!)`` exactly; ``alpha`` must sum to ``total``.

    Raises TypeError/ValueError.
    """
    total = _check_count(total, "total", 0)
    parts = [_check_count(a, "alpha entry", 0) for a in alpha]
    if sum(parts) != total:
        raise ValueError(f"alpha={tuple(parts)} sums to {sum(parts)}, not total={total}")
    out = math.factorial(total)
    for a in parts:
        out //= math.factorial(a)
    return out
