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


def test_interval_cover_has_no_gaps() -> None:
    from flint import arb as ball

    from verify.numbers import interval_cover, workprec

    with workprec(64):
        for lo, hi, n in ((0, 1, 4), (ball(1), ball.pi(), 256), (fmpq(10**12), fmpq(10**12) +
                                                                 fmpq(1, 10**6), 7)):
            pieces = interval_cover(lo, hi, n)
            assert len(pieces) == n
            assert pieces[0].contains(ball(lo).mid()) and pieces[-1].contains(ball(hi).mid())
            for left, right in zip(pieces, pieces[1:], strict=False):
                assert ball(left.upper()) >= ball(right.lower())  # consecutive pieces overlap
        # a tiny width next to a large end: the centre's rounding is in the radius
        big = interval_cover(fmpq(10**20), fmpq(10**20) + fmpq(1, 10**10), 3)
        for left, right in zip(big, big[1:], strict=False):
            assert ball(left.upper()) >= ball(right.lower())


def test_interval_cover_refuses_bad_input() -> None:
    from verify.numbers import interval_cover

    with pytest.raises(ValueError, match=">= 1"):
        interval_cover(0, 1, 0)
    with pytest.raises(ValueError, match="<= hi"):
        interval_cover(2, 1, 3)
    with pytest.raises(TypeError, match="arb ball"):
        interval_cover(0.0, 1, 3)  # type: ignore[arg-type]
