"""The half-line Gaussian moments gkk19 uses (moved from tests/claims/test_gkk19.py onto the
public core names)."""

from flint import fmpq, fmpq_poly

from verify.moments import HalfLine, gaussian_abs_moment, half_line_expectation, half_line_moment
from verify.orthopoly import hermite_prob_poly


def test_half_line_moments_match_closed_forms() -> None:
    # int_0^oo x phi = 1/sqrt(2 pi), int_0^oo x^2 phi = 1/2, int_0^oo x^5 phi = 8/sqrt(2 pi)
    assert half_line_expectation(fmpq_poly([0, 1])) == (fmpq(0), fmpq(1))
    assert half_line_expectation(fmpq_poly([0, 0, 1])) == (fmpq(1, 2), fmpq(0))
    assert half_line_moment(5) == (fmpq(0), fmpq(8))
    assert gaussian_abs_moment(3) == HalfLine(fmpq(0), fmpq(4))


def test_claim_one_numerators_from_half_line_moments() -> None:
    # sqrt(2 pi i!) c_i(ReLU) = He_i(0) + i He_{i-2}(0): 0, -1, 0, 3 ... -> b of x He_i
    for i, want in ((2, 1), (3, 0), (4, -1), (6, 3), (8, -15)):
        value = half_line_expectation(fmpq_poly([0, 1]) * hermite_prob_poly(i))
        assert value == (fmpq(0), fmpq(want))
