"""Hypothesis profiles: 'ci' is derandomized (same examples every run); 'dev' explores.
mpmath's global precision is restored after every test (a test that sets ``mp.dps`` must not
change the references of the tests after it)."""

import os

import mpmath
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=25,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _raises_one_line(call, exc, fragments) -> None:
    """``call()`` raises exactly ``exc`` with a one-line message containing every fragment."""
    with pytest.raises(Exception) as info:  # noqa: B017 -- the exact class is checked below
        call()
    assert type(info.value) is exc, f"expected {exc.__name__}, got {info.value!r}"
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert "\n" not in message


@pytest.fixture
def raises_one_line():
    """The bad-input rule of the validation tables (test_validation*.py)."""
    return _raises_one_line


@pytest.fixture(autouse=True)
def _restore_mpmath_precision():
    prec = mpmath.mp.prec
    yield
    mpmath.mp.prec = prec
