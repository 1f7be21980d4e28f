"""The catalogue: every checkable identity of the four papers, one module per paper.

>>> from verify.claims import catalogue
>>> ids = [c.id for c in catalogue()]
>>> len(ids) == len(set(ids)) and len(ids) > 0
True
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from verify.checks import CheckResult, Strength, Verdict
from verify.claims.base import PAPERS, PROFILES, QUICK, REGISTRY, Claim, Profile, Variant

__all__ = ["PAPERS", "PROFILES", "QUICK", "Claim", "Profile", "Outcome", "catalogue",
           "select", "run", "expected_verdict"]

_MODULES = ("ggjkk20", "gkk19", "vw19", "sl22")


def catalogue() -> list[Claim]:
    """All registered claims, in paper order then ID order (A2 before A10)."""
    for name in _MODULES:
        importlib.import_module(f"verify.claims.{name}")
    order = {p: i for i, p in enumerate(_MODULES)}
    return sorted(REGISTRY.values(), key=lambda c: (order[c.paper], _id_key(c.id)))


def _id_key(cid: str) -> tuple[int, str]:
    digits = "".join(ch for ch in cid[1:] if ch.isdigit())
    return int(digits or 0), cid


def select(papers: Iterable[str] = (), ids: Iterable[str] = ()) -> list[Claim]:
    """The claims of the given papers and IDs (all when both are empty); unknown names raise."""
    papers, ids = list(papers), list(ids)
    for p in papers:
        if p not in PAPERS:
            raise ValueError(f"unknown paper {p!r}; choose from {', '.join(PAPERS)}")
    entries = catalogue()
    known = {c.id for c in entries}
    for i in ids:
        if i not in known:
            raise ValueError(f"unknown catalogue ID {i!r}; `verify list` shows the catalogue")
    if not papers and not ids:
        return entries
    return [c for c in entries if c.paper in papers or c.id in ids]


@dataclass(frozen=True)
class Outcome:
    """One executed check: the claim itself, one of its planted variants, or its printed
    (erratum) version."""

    claim: Claim
    kind: str  # "claim" | "planted" | "printed"
    variant: Variant | None
    result: CheckResult
    seconds: float

    @property
    def expected(self) -> str:
        return expected_verdict(self.claim, self.kind)

    @property
    def as_expected(self) -> bool:
        v = self.result.verdict
        if self.expected == "refuted":
            return v is Verdict.REFUTED
        if self.expected == "inconclusive":  # statistical-only: consistent is the best it gets
            return v is Verdict.INCONCLUSIVE and self.result.strength is Strength.STATISTICAL
        return v is Verdict.VERIFIED

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.claim.id,
            "paper": self.claim.paper,
            "where": self.claim.where,
            "kind": self.kind,
            "variant": self.variant.name if self.variant else None,
            "statement": self.variant.statement if self.variant else self.claim.statement,
            "verdict": self.result.verdict.value,
            "strength": self.result.strength.value,
            "expected": self.expected,
            "as_expected": self.as_expected,
            "methods": list(self.claim.methods),
            "method": self.result.method,
            "seconds": round(self.seconds, 3),
            "planted": self.kind == "planted",
            "erratum": self.claim.erratum,
            "statistical_only": self.claim.statistical_only,
            "evidence": _jsonable(self.result.evidence),
        }


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def expected_verdict(entry: Claim, kind: str) -> str:
    """What an honest run must show: planted and printed variants REFUTED, statistical-only
    claims consistent (INCONCLUSIVE, statistical), every other claim VERIFIED."""
    if kind in ("planted", "printed"):
        return "refuted"
    return "inconclusive" if entry.statistical_only else "verified"


def _timed(fn: Callable[[Profile], CheckResult], profile: Profile) -> tuple[CheckResult, float]:
    start = time.perf_counter()
    result = fn(profile)
    if not isinstance(result, CheckResult):
        raise TypeError(f"{fn.__qualname__} returned {type(result).__name__}, not a CheckResult")
    return result, time.perf_counter() - start


def run(entries: Iterable[Claim], profile: Profile = QUICK, *,
        planted: bool = False) -> Iterator[Outcome]:
    """Run each claim (and its printed version, if an erratum); with ``planted``, run the
    planted variants instead of the claims. Yields outcomes as they finish."""
    for entry in entries:
        if planted:
            for variant in entry.planted_variants:
                result, seconds = _timed(variant.check, profile)
                yield Outcome(entry, "planted", variant, result, seconds)
            continue
        if entry.printed_variant is not None:
            result, seconds = _timed(entry.printed_variant.check, profile)
            yield Outcome(entry, "printed", entry.printed_variant, result, seconds)
        result, seconds = _timed(entry.check, profile)
        yield Outcome(entry, "claim", None, result, seconds)
