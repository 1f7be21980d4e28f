"""verify.numbers.span_ball: the enclosure [0, bound] of a one-signed tail (gkk19)."""

import pytest
from flint import arb, fmpq

from verify.numbers import span_ball


def test_span_ball_contains_zero_and_bound() -> None:
    for bound in (arb(3), arb("1e-30"), arb(2, 1), fmpq(1, 3), 5):
        ball = span_ball(bound)
        top = arb(arb(bound).upper())
        assert ball.contains(0) and ball.contains(top) and ball.contains(top / 2)
        assert arb(ball.upper()) < top * (1 + arb(2) ** -20) + arb(2) ** -200


def test_span_ball_of_zero_is_zero() -> None:
    assert span_ball(0) == 0


def test_span_ball_refuses_bad_bounds() -> None:
    with pytest.raises(ValueError, match="upper end"):
        span_ball(arb(-1))
    with pytest.raises(ValueError, match="finite"):
        span_ball(arb("nan"))
    with pytest.raises(TypeError, match="arb ball"):
        span_ball(0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="arb ball"):
        span_ball(True)
