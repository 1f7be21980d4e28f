"""Monte Carlo and randomized QMC: consistent with exact values, refuting planted ones on two
seeds, never VERIFIED; homogeneity detection; bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from verify.activations import activation
from verify.checks import Strength, Verdict
from verify.gram import parity_norm_dual_kernel
from verify.measures import ball, gaussian, sphere
from verify.montecarlo import (
    compile_network,
    estimate,
    homogeneous_norm_squared,
    is_positively_homogeneous,
    rqmc_sphere_mean,
    statistical_check,
)
from verify.networks import parity_network

EXACT_K2 = 2 - 4 / math.pi  # ||f_{0,1}||^2 for relu under N(0, I): exact, by hand


def test_plain_estimate_consistent_and_seeded() -> None:
    f = compile_network(parity_network(4, (0, 1), "relu"))
    a = estimate(lambda x: f(x) ** 2, gaussian(4), n_samples=100_000, seed=7)
    b = estimate(lambda x: f(x) ** 2, gaussian(4), n_samples=100_000, seed=7)
    assert a == b and abs(a.z(EXACT_K2)) < 5


def test_statistical_check_never_verifies_and_refutes_a_planted_value() -> None:
    f = compile_network(parity_network(4, (0, 1), "relu"))

    def make(seed: int):
        return estimate(lambda x: f(x) ** 2, gaussian(4), n_samples=100_000, seed=seed)

    ok = statistical_check("||f||^2 = 2 - 4/pi", EXACT_K2, make)
    assert (ok.verdict, ok.strength) == (Verdict.INCONCLUSIVE, Strength.STATISTICAL)
    # Planted: the norm with 1/k instead of 1/sqrt(k) inside (a factor 1/2 here).
    bad = statistical_check("||f||^2 = (2 - 4/pi)/2", EXACT_K2 / 2, make)
    assert bad.verdict is Verdict.REFUTED and "seed_2" in bad.evidence


@pytest.mark.parametrize("act,expected", [("relu", True), ("abs", True), ("leaky_relu", True),
                                          ("x", True), ("sigmoid", False), ("step", False),
                                          ("hardtanh", False), ("Max(x, 0)**2", False)])
def test_positive_homogeneity(act: str, expected: bool) -> None:
    assert is_positively_homogeneous(parity_network(3, (0, 1), act)) is expected


@pytest.mark.parametrize("law", [gaussian(4), sphere(4), ball(4)])
def test_rqmc_norm_matches_the_exact_dual_kernel_norm(law) -> None:
    net = parity_network(4, (0, 1, 2, 3), "relu")
    # The sphere and the ball differ from the Gaussian only by E[R^2] (homogeneity).
    gauss = float(parity_norm_dual_kernel(4, activation("relu"), digits=15)[1].mid())
    exact = gauss * float(law.radius_moment(2)) / 4
    est = homogeneous_norm_squared(net, law, m=12, replicates=16, seed=3)
    assert abs(est.z(exact)) < 6, (est, exact)
    assert est.stderr < 0.05 * exact


def test_rqmc_sphere_mean_of_a_known_moment() -> None:
    # E[theta_1^2 theta_2^2] on S^4 is 1/35.
    est = rqmc_sphere_mean(lambda t: t[:, 0] ** 2 * t[:, 1] ** 2, 5, m=12, replicates=8, seed=1)
    assert abs(est.z(1 / 35)) < 6 and est.stderr < 1e-3


def test_rqmc_beats_plain_monte_carlo_at_equal_cost() -> None:
    net = parity_network(4, (0, 1, 2, 3), "relu")
    f = compile_network(net)
    plain = estimate(lambda x: f(x) ** 2, gaussian(4), n_samples=16 * 2**12, seed=1)
    rqmc = homogeneous_norm_squared(net, gaussian(4), m=12, replicates=16, seed=1)
    assert rqmc.stderr < plain.stderr


@pytest.mark.parametrize("kwargs,match", [
    ({"m": 0}, "m=0"), ({"m": 30}, "m=30"), ({"m": 8, "replicates": 1}, "replicates=1")])
def test_rqmc_bad_input(kwargs, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        rqmc_sphere_mean(lambda t: t[:, 0], 3, **kwargs)


def test_homogeneous_norm_refuses_non_homogeneous_networks() -> None:
    with pytest.raises(ValueError, match="not positively homogeneous"):
        homogeneous_norm_squared(parity_network(3, (0, 1), "sigmoid"), gaussian(3), m=8)
    with pytest.raises(ValueError, match="dimension"):
        homogeneous_norm_squared(parity_network(3, (0, 1), "relu"), gaussian(4), m=8)


def test_estimate_bad_input() -> None:
    with pytest.raises(ValueError, match="n_samples"):
        estimate(lambda x: x[:, 0], gaussian(2), n_samples=1, seed=1)
    with pytest.raises(ValueError, match="finite"):
        estimate(lambda x: np.full(len(x), np.inf), gaussian(2), n_samples=10, seed=1)


def test_symmetric_feature_means_exact_and_against_monte_carlo() -> None:
    from fractions import Fraction

    from verify.montecarlo import sphere_symmetric_feature_means, sphere_symmetric_features

    # d = 3 by hand: E[e_2] = 3 E[t1^2 t2^2] = 3/15, E[e_3] = 1/(3*5*7).
    means = sphere_symmetric_feature_means(3)
    assert means[0] == pytest.approx(float(Fraction(1, 5)), rel=1e-15)
    assert means[1] == pytest.approx(1 / 105, rel=1e-15)
    rng = np.random.default_rng(4)
    z = rng.standard_normal((400_000, 6))
    theta = z / np.linalg.norm(z, axis=1)[:, None]
    feats = sphere_symmetric_features(theta)
    z_scores = (feats.mean(axis=0) - sphere_symmetric_feature_means(6)) / (
        feats.std(axis=0) / np.sqrt(len(feats)))
    assert np.all(np.abs(z_scores) < 6), z_scores


def test_control_variates_keep_the_estimate_and_shrink_the_error() -> None:
    net = parity_network(6, tuple(range(6)), "relu")
    exact = float(parity_norm_dual_kernel(6, activation("relu"), digits=15)[1].mid())
    plain = homogeneous_norm_squared(net, gaussian(6), m=12, replicates=16, seed=5)
    cv = homogeneous_norm_squared(net, gaussian(6), m=12, replicates=16, seed=5,
                                  control_variates=True)
    assert abs(cv.z(exact)) < 6 and abs(plain.z(exact)) < 6
    assert cv.stderr < plain.stderr


@pytest.mark.parametrize("name", ["relu", "abs", "sigmoid", "Max(x, 0)**2"])
def test_compiled_network_matches_the_unreduced_network(name: str) -> None:
    """The hot loop (in-place ReLU/|x|, skipped zero bias/linear/constant passes) against the
    network evaluated unit by unit, with biases and without."""
    from fractions import Fraction

    import numpy as np

    from verify.activations import activation
    from verify.montecarlo import compile_network
    from verify.networks import Network

    rng = np.random.default_rng(5)
    x = rng.standard_normal((500, 3))
    w = [[1, 2, 0], [-1, -2, 0], [0, 1, -1], [2, 0, 1]]
    for biases in ([0, 0, 0, 0], [Fraction(1, 3), 0, -1, Fraction(1, 2)]):
        net = Network(np.array(w), Fraction(1), tuple(biases), (1, -2, Fraction(1, 2), 3),
                      activation(name), name="t")
        ref = net.act.numpy(x @ np.array(w, dtype=float).T + np.array([float(b) for b in biases]))
        ref = ref @ np.array([1, -2, 0.5, 3])
        assert np.max(np.abs(compile_network(net)(x) - ref)) < 1e-12
