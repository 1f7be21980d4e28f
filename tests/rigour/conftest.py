"""Shared knobs of the rigour tests (see test_bounds_dominate.py's docstring)."""

from __future__ import annotations

import pytest

from verify import hermite
from verify.hermite import min_cutoff


@pytest.fixture
def small_cutoff(monkeypatch):
    """Force the certified Hermite integral to stop at the smallest admissible cut-off
    ``min_cutoff(act)``: ``hermite._cutoff`` is replaced, ``_MAX_PREC_BITS`` lowered (the digits
    target is then unreachable; stop quickly) and ``_CERTIFIED_CACHE`` emptied for the test, so
    no ball computed under the knob leaks out. ``monkeypatch.setattr`` raises if a name is
    renamed away: the test then fails loudly instead of passing vacuously."""
    monkeypatch.setattr(hermite, "_cutoff", lambda act, target, k: min_cutoff(act))
    monkeypatch.setattr(hermite, "_MAX_PREC_BITS", 200)
    monkeypatch.setattr(hermite, "_CERTIFIED_CACHE", {})
