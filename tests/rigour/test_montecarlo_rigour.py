"""Monte Carlo: a numerically stable variance (the two-seed rule: test_mutants.py, (i))."""

from __future__ import annotations

import math

import numpy as np

from verify.measures import gaussian
from verify.montecarlo import estimate


def test_variance_survives_a_large_offset():
    """``F = 1e8 + 1e-3 g``: the naive ``E[F^2] - E[F]^2`` cancels 1e16 against 1e16 in
    doubles (absolute error ~1, true variance 1e-6) and loses every digit; the batch-wise
    two-pass / Chan merge keeps them."""
    n = 3 * 8192 + 123  # several batches and a ragged last one
    est = estimate(lambda x: 1e8 + 1e-3 * x[:, 0], gaussian(2), n_samples=n, seed=3)
    expected = 1e-3 / math.sqrt(n)
    assert abs(est.stderr / expected - 1) < 0.05, est
    assert abs(est.mean - 1e8) < 6 * expected


def test_variance_matches_numpy_two_pass():
    """The merged variance equals numpy's two-pass ``var(ddof=1)`` of the same draws."""
    law, n, seed = gaussian(2), 20000, 11
    draws: list[np.ndarray] = []

    def integrand(x: np.ndarray) -> np.ndarray:
        values = 5.0 + x[:, 0] * x[:, 1] + x[:, 0] ** 2
        draws.append(values)
        return values

    est = estimate(integrand, law, n_samples=n, seed=seed)
    values = np.concatenate(draws)
    assert values.shape == (n,)
    assert math.isclose(est.mean, float(values.mean()), rel_tol=1e-13)
    assert math.isclose(est.stderr, float(values.std(ddof=1)) / math.sqrt(n), rel_tol=1e-10)


def test_monte_carlo_hot_loops_run_with_one_blas_thread():
    """The batches are small matrix products: estimate() runs them with one BLAS thread (faster
    on few cores, and the summation order no longer depends on the machine's thread count)."""
    from threadpoolctl import threadpool_info

    from verify.measures import gaussian
    from verify.montecarlo import estimate

    seen: list[int] = []

    def integrand(x):
        seen.extend(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
        return x[:, 0] ** 2

    est = estimate(integrand, gaussian(3), n_samples=1000, seed=3)
    assert abs(est.mean - 1) < 6 * est.stderr
    assert seen and set(seen) == {1}
