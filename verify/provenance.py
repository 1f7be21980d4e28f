"""Provenance: which verify, which libraries, which commit, when, with which profile and seeds
produced a result. Every JSON document carries it as ``provenance``; the Markdown and LaTeX
reports and the ``% VERIFIED`` LaTeX line show it on one line.

Nothing here fails: a version or commit that cannot be found is ``None`` ("unknown").
"""

from __future__ import annotations

import functools
import os
import platform
import subprocess
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__

#: The distributions whose versions decide a result (the import name is not the distribution's).
LIBRARIES = {"python_flint": "python-flint", "sympy": "sympy", "numpy": "numpy"}
_GIT_TIMEOUT = 2.0


def _version(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


@functools.lru_cache(maxsize=1)
def git_commit() -> tuple[str | None, bool | None]:
    """``(commit, modified)`` of the git checkout this package is imported from, or
    ``(None, None)`` when it is not one (an installed wheel), git is absent or slow. A checkout
    counts only when its top level holds this package as ``verify/`` (a wheel installed into a
    virtual environment inside some other repository is not that repository's commit)."""
    package = Path(__file__).resolve().parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # reading status must not take the index lock

    def git(*args: str) -> str | None:
        try:
            proc = subprocess.run(["git", *args], cwd=package, env=env, capture_output=True,
                                  text=True, timeout=_GIT_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return proc.stdout if proc.returncode == 0 else None

    top = git("rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() / package.name != package:
        return None, None
    head = git("rev-parse", "HEAD")
    if head is None or not head.strip():
        return None, None
    status = git("status", "--porcelain", "--untracked-files=no", "--", ".")
    return head.strip(), (None if status is None else bool(status.strip()))


def _check_seeds(seeds: Sequence[int] | None) -> list[int] | None:
    if seeds is None:
        return None
    if isinstance(seeds, str | bytes) or not isinstance(seeds, Sequence):
        raise TypeError(f"seeds={seeds!r} must be a sequence of integers or None; "
                        "pass e.g. [20, 21]")
    out = []
    for s in seeds:
        if isinstance(s, bool) or not isinstance(s, int):
            raise TypeError(f"seeds={list(seeds)!r} must hold integers (not {type(s).__name__}); "
                            "pass e.g. [20, 21]")
        if s < 0:
            raise ValueError(f"seeds={list(seeds)!r} must be non-negative; pass e.g. [20, 21]")
        out.append(int(s))
    return out


def provenance(profile: str | None = None, seeds: Sequence[int] | None = None) -> dict[str, Any]:
    """The provenance block of a result (DESIGN.md): verify's version, the git commit when
    verify runs from a checkout (``modified``: the package's tracked files differ from it), the
    versions of python-flint, SymPy and NumPy, Python and the platform, the UTC date, the run
    profile and the Monte Carlo seeds (``None`` where they do not apply).

    >>> p = provenance("quick", [20, 21])
    >>> p["profile"], p["seeds"], p["date"].endswith("Z")
    ('quick', [20, 21], True)
    """
    if profile is not None and not isinstance(profile, str):
        raise TypeError(f"profile={profile!r} must be a string or None; pass e.g. 'quick'")
    commit, modified = git_commit()
    block: dict[str, Any] = {"verify": __version__, "commit": commit, "modified": modified}
    block.update({key: _version(dist) for key, dist in LIBRARIES.items()})
    block.update({
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "profile": profile,
        "seeds": _check_seeds(seeds),
    })
    return block


def provenance_json(profile: str | None = None,
                    seeds: Sequence[int] | None = None) -> dict[str, Any]:
    """The block for ``doc["provenance"]`` of a command's JSON (``verify claim/coeffs/family
    --json``): :func:`provenance`, here so that every JSON writer names one function."""
    return provenance(profile, seeds)


def _commit_text(p: dict[str, Any]) -> str:
    if not p.get("commit"):
        return ""
    return f" (commit {p['commit'][:12]}{', modified' if p.get('modified') else ''})"


def provenance_line(p: dict[str, Any] | None = None) -> str:
    """One line for a report's header, e.g. ``verify 0.1.0 (commit 1a2b3c4d5e6f), python-flint
    0.9.0, SymPy 1.13.3, NumPy 2.1.3, Python 3.11.2 (Linux-...), 2026-12-04T19:45:00Z, profile
    quick``; unknown versions read ``unknown``, profile and seeds only when given.

    >>> line = provenance_line({"verify": "0.1.0", "commit": None, "python_flint": "0.9.0",
    ...     "sympy": None, "numpy": "2.1", "python": "3.11.2", "platform": "Linux",
    ...     "date": "2026-12-04T00:00:00Z", "profile": None, "seeds": [20, 21]})
    >>> line.split(", ")  # doctest: +NORMALIZE_WHITESPACE
    ['verify 0.1.0', 'python-flint 0.9.0', 'SymPy unknown', 'NumPy 2.1', 'Python 3.11.2 (Linux)',
     '2026-12-04T00:00:00Z', 'seeds 20', '21']
    """
    p = provenance() if p is None else p
    parts = [f"verify {p['verify']}{_commit_text(p)}",
             f"python-flint {p.get('python_flint') or 'unknown'}",
             f"SymPy {p.get('sympy') or 'unknown'}", f"NumPy {p.get('numpy') or 'unknown'}",
             f"Python {p.get('python') or 'unknown'} ({p.get('platform') or 'unknown'})",
             str(p.get("date"))]
    if p.get("profile"):
        parts.append(f"profile {p['profile']}")
    if p.get("seeds"):
        parts.append("seeds " + ", ".join(map(str, p["seeds"])))
    return ", ".join(parts)


def latex_verdict_line(result: Any, p: dict[str, Any] | None = None) -> str:
    """The LaTeX comment printed above a ``--latex`` claim: its verdict, strength and what
    produced it, e.g. ``% VERIFIED (certified) by verify 0.1.0 (commit ...), python-flint
    0.9.0, SymPy 1.13.3, NumPy 2.1.3, Python 3.11.2 (Linux-...), 2026-12-04T19:45:00Z``.
    One line: a newline in any field is replaced by a space so it cannot end the comment."""
    line = (f"% {result.verdict.value.upper()} ({result.strength.value}) by "
            f"{provenance_line(p)}")
    return " ".join(line.splitlines())
