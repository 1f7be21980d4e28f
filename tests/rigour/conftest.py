"""Shared fixtures of the rigour tests (see test_bounds_dominate.py's docstring)."""

from __future__ import annotations

import pytest

from verify.hermite import certified_coefficient, certified_coefficient_acb


@pytest.fixture(params=[certified_coefficient, certified_coefficient_acb], ids=["engine", "acb"])
def certified_method(request):
    """Each of the certified Hermite tier's two methods in turn: the default (the shared-node
    engine) and the independent second method (one acb.integral per k). Both take the public
    ``cutoff=`` (an explicit truncation length; the proved Cramer tail is still added)."""
    return request.param
