"""verify.measures: bad inputs -> exact exception type and message, one row per input.

House form ``name=value must ...; remedy``: each row names the exception class (checked with
``type(...) is``, not ``isinstance``) and substrings that must all appear, always including
the offending value. Seeds are mandatory: every draw is reproducible.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import sympy as sp

from verify import measures as M


def _uniform_on_unit(s: np.ndarray) -> np.ndarray:
    """A valid radial density on [0, 1] (d s^2 with d = 3)."""
    s = np.asarray(s, dtype=float)
    return np.where((s >= 0) & (s <= 1), 3 * s**2, 0.0)


def _wavy(s: np.ndarray) -> np.ndarray:
    """Mass 1 on [0, 1] but negative where sin(2 pi s) < -2/3, first at s = 0.61625."""
    return 1 + 1.5 * np.sin(2 * np.pi * np.asarray(s, dtype=float))


def _half(s: np.ndarray) -> np.ndarray:
    return np.full_like(np.asarray(s, dtype=float), 0.5)


def _nan(s: np.ndarray) -> np.ndarray:
    return np.full_like(np.asarray(s, dtype=float), np.nan)


CONSTRUCTORS: dict[str, Callable[[Any], Any]] = {
    "gaussian": lambda d: M.gaussian(d),
    "scaled_gaussian": lambda d: M.scaled_gaussian(d),
    "sphere": lambda d: M.sphere(d, r=1),
    "ball": lambda d: M.ball(d, r=1),
    "radial_mixture": lambda d: M.radial_mixture(d, [1, 2], ["1/2", "1/2"]),
    "radial_density": lambda d: M.radial_density(d, _uniform_on_unit, upper=1.0),
    "sum_of_spheres": lambda d: M.safran_lee_sum_of_spheres(d),
    "bessel": lambda d: M.safran_lee_bessel(d),
    "shifted_gaussian": lambda d: M.shifted_gaussian(d),
    "correlated_gaussian": lambda d: M.correlated_gaussian(d),
    "iid_laplace": lambda d: M.iid_laplace(d),
    "sphere_coordinate_density": lambda d: M.sphere_coordinate_density(np.zeros(3), d),
}
DIMENSIONS = [(1, ValueError, ["d=1", "d >= 2"]), (0, ValueError, ["d=0", "d >= 2"]),
              (2.5, TypeError, ["d=2.5", ">= 2"]), (True, TypeError, ["d=True", ">= 2"])]

SAMPLERS: dict[str, Any] = {
    "gaussian": M.gaussian(3),
    "sphere": M.sphere(3),
    "sum_of_spheres": M.safran_lee_sum_of_spheres(3),
    "bessel": M.safran_lee_bessel(3),
    "shifted_gaussian": M.shifted_gaussian(3),
    "iid_laplace": M.iid_laplace(3),
}



def _d_rows() -> list[Any]:
    return [pytest.param(lambda make=make, d=d: make(d), exc, frags, id=f"{name}-d={d!r}")
            for name, make in CONSTRUCTORS.items() for d, exc, frags in DIMENSIONS]


def _sample_rows() -> list[Any]:
    rows = []
    for name, law in SAMPLERS.items():
        rows += [
            pytest.param(lambda law=law: law.sample(0, seed=1), ValueError,
                         ["n=0", "positive integer"], id=f"{name}-n=0"),
            pytest.param(lambda law=law: law.sample(-3, seed=1), ValueError,
                         ["n=-3", "positive integer"], id=f"{name}-n=-3"),
            pytest.param(lambda law=law: law.sample(2.5, seed=1), TypeError,
                         ["n=2.5", "integer"], id=f"{name}-n=2.5"),
            pytest.param(lambda law=law: law.sample(True, seed=1), TypeError,
                         ["n=True", "integer"], id=f"{name}-n=True"),
            pytest.param(lambda law=law: law.sample(5, seed=None), TypeError,
                         ["seed=None", "integer", "seeded"], id=f"{name}-seed=None"),
            pytest.param(lambda law=law: law.sample(5, seed=1.5), TypeError,
                         ["seed=1.5", "integer"], id=f"{name}-seed=1.5"),
            pytest.param(lambda law=law: law.sample(5, seed=True), TypeError,
                         ["seed=True", "integer"], id=f"{name}-seed=True"),
            pytest.param(lambda law=law: law.sample(5, seed="7"), TypeError,
                         ["seed='7'", "integer"], id=f"{name}-seed-str"),
            pytest.param(lambda law=law: law.sample(5), TypeError,
                         ["seed"], id=f"{name}-seed-missing"),
        ]
    return rows


# (callable, exception class, substrings that must all occur in str(exception))
CASES = [
    *_d_rows(),
    # radii and variances
    pytest.param(lambda: M.sphere(3, r=0), ValueError, ["r=0", "positive radius"],
                 id="sphere-r=0"),
    pytest.param(lambda: M.sphere(3, r=-1), ValueError, ["r=-1", "positive radius"],
                 id="sphere-r=-1"),
    pytest.param(lambda: M.sphere(3, r=sp.Rational(-1, 2)), ValueError, ["r=-1/2"],
                 id="sphere-r=-1/2"),
    pytest.param(lambda: M.ball(3, r=0), ValueError, ["r=0", "positive radius"], id="ball-r=0"),
    pytest.param(lambda: M.ball(4, r=-2), ValueError, ["r=-2", "positive radius"],
                 id="ball-r=-2"),
    pytest.param(lambda: M.gaussian(3, variance=0), ValueError, ["variance=0", "positive"],
                 id="gaussian-variance=0"),
    pytest.param(lambda: M.gaussian(3, variance=-2), ValueError, ["variance=-2", "positive"],
                 id="gaussian-variance=-2"),
    # radial_mixture
    pytest.param(lambda: M.radial_mixture(3, [1, 2], ["0.5", "0.6"]), ValueError,
                 ["weights=['0.5', '0.6']", "sum to 1"], id="mixture-weights-sum-1.1"),
    pytest.param(lambda: M.radial_mixture(3, [1, 2], [0.25, 0.5]), ValueError,
                 ["weights=[0.25, 0.5]", "sum to 1"], id="mixture-weights-sum-0.75"),
    pytest.param(lambda: M.radial_mixture(3, [1, 2], [-0.5, 1.5]), ValueError,
                 ["weights=[-0.5, 1.5]", "non-negative"], id="mixture-negative-weight"),
    pytest.param(lambda: M.radial_mixture(3, [1, 2], [1]), ValueError,
                 ["radii=[1, 2]", "weights=[1]"], id="mixture-length-mismatch"),
    pytest.param(lambda: M.radial_mixture(3, [], []), ValueError,
                 ["radii=[]", "non-empty"], id="mixture-empty"),
    pytest.param(lambda: M.radial_mixture(3, [0, 1], ["1/2", "1/2"]), ValueError,
                 ["radii=[0, 1]", "positive"], id="mixture-zero-radius"),
    pytest.param(lambda: M.radial_mixture(3, [-1, 1], ["1/2", "1/2"]), ValueError,
                 ["radii=[-1, 1]", "positive"], id="mixture-negative-radius"),
    pytest.param(lambda: M.radial_mixture(3, [math.nan, 1], ["1/2", "1/2"]), ValueError,
                 ["radii=[nan, 1]"], id="mixture-nan-radius"),
    # radial_density
    pytest.param(lambda: M.radial_density(3, _wavy, upper=1.0), ValueError,
                 ["negative at s=0.61625", ">= 0"], id="density-negative-somewhere"),
    pytest.param(lambda: M.radial_density(3, _half, upper=1.0), ValueError,
                 ["integrates to 0.5", "not 1", "normalize"], id="density-mass-0.5"),
    pytest.param(lambda: M.radial_density(3, _nan, upper=1.0), ValueError,
                 ["nan", "finite"], id="density-nan"),
    pytest.param(lambda: M.radial_density(3, _uniform_on_unit, upper=math.inf), ValueError,
                 ["upper=inf", "finite positive"], id="density-upper-inf"),
    pytest.param(lambda: M.radial_density(3, _uniform_on_unit, upper=-1.0), ValueError,
                 ["upper=-1.0", "finite positive"], id="density-upper-negative"),
    pytest.param(lambda: M.radial_density(3, _uniform_on_unit, upper=0), ValueError,
                 ["upper=0", "finite positive"], id="density-upper-zero"),
    pytest.param(lambda: M.radial_density(3, _uniform_on_unit, upper=math.nan), ValueError,
                 ["upper=nan", "finite positive"], id="density-upper-nan"),
    pytest.param(lambda: M.radial_density(3, _uniform_on_unit, upper=True), TypeError,
                 ["upper=True"], id="density-upper-bool"),
    # safran_lee_bessel
    pytest.param(lambda: M.safran_lee_bessel(3, alpha=0.5), ValueError,
                 ["alpha=0.5", ">= 1"], id="bessel-alpha=0.5"),
    pytest.param(lambda: M.safran_lee_bessel(3, alpha=0.999), ValueError,
                 ["alpha=0.999", ">= 1"], id="bessel-alpha=0.999"),
    pytest.param(lambda: M.safran_lee_bessel(3, alpha=-2.0), ValueError,
                 ["alpha=-2.0", ">= 1"], id="bessel-alpha-negative"),
    pytest.param(lambda: M.safran_lee_bessel(3, alpha=math.nan), ValueError,
                 ["alpha=nan", ">= 1"], id="bessel-alpha-nan"),
    pytest.param(lambda: M.safran_lee_bessel(3, alpha=math.inf), ValueError,
                 ["alpha=inf", ">= 1"], id="bessel-alpha-inf"),
    pytest.param(lambda: M.safran_lee_bessel(3, alpha=True), TypeError,
                 ["alpha=True"], id="bessel-alpha-bool"),
    # correlated_gaussian: rho in (-1/(d-1), 1)
    pytest.param(lambda: M.correlated_gaussian(3, rho=1), ValueError,
                 ["rho=1", "(-1/(d-1), 1)"], id="correlated-rho=1"),
    pytest.param(lambda: M.correlated_gaussian(3, rho=1.5), ValueError,
                 ["rho=1.5", "(-1/(d-1), 1)"], id="correlated-rho=1.5"),
    pytest.param(lambda: M.correlated_gaussian(4, rho=-1 / 3), ValueError,
                 [f"rho={-1 / 3}", "(-1/(d-1), 1)"], id="correlated-d4-rho=-1/3"),
    pytest.param(lambda: M.correlated_gaussian(4, rho=-0.5), ValueError,
                 ["rho=-0.5", "(-1/(d-1), 1)"], id="correlated-d4-rho=-0.5"),
    pytest.param(lambda: M.correlated_gaussian(2, rho=-1), ValueError,
                 ["rho=-1", "(-1/(d-1), 1)"], id="correlated-d2-rho=-1"),
    pytest.param(lambda: M.correlated_gaussian(3, rho=math.nan), ValueError,
                 ["rho=nan"], id="correlated-rho-nan"),
    # exact moments that do not exist
    pytest.param(lambda: M.safran_lee_bessel(3).radius_moment(2), ValueError,
                 ["law='Safran-Lee Bessel mixture D_d, d=3", "radius_moment_float"],
                 id="bessel-no-exact-moment"),
    pytest.param(lambda: M.safran_lee_sum_of_spheres(3).radius_moment(1), ValueError,
                 ["p=1", "even"], id="sum-of-spheres-odd-moment"),
    # sample sizes and seeds
    *_sample_rows(),
]


@pytest.mark.parametrize(("call", "exc", "fragments"), CASES)
def test_measures_bad_input_raises_with_value_in_message(
    call: Callable[[], Any], exc: type[Exception], fragments: list[str], raises_one_line
) -> None:
    raises_one_line(call, exc, fragments)


VALID = [
    pytest.param(lambda: M.gaussian(2), id="gaussian-d=2"),
    pytest.param(lambda: M.gaussian(np.int64(3), variance=sp.Rational(1, 7)), id="gaussian-np-int"),
    pytest.param(lambda: M.sphere(2, r=sp.Rational(1, 10**9)), id="sphere-tiny-r"),
    pytest.param(lambda: M.ball(2, r=sp.Rational(1, 3)), id="ball-r=1/3"),
    pytest.param(lambda: M.radial_mixture(2, [1], [1]), id="mixture-one-atom"),
    pytest.param(lambda: M.radial_mixture(3, [1, 2, 3], [0.1, 0.2, 0.7]), id="mixture-floats"),
    pytest.param(lambda: M.radial_mixture(3, [1, 2], [0, 1]), id="mixture-zero-weight"),
    pytest.param(lambda: M.radial_density(3, _uniform_on_unit, upper=1), id="density-int-upper"),
    pytest.param(lambda: M.safran_lee_bessel(2, alpha=1), id="bessel-alpha=1"),
    pytest.param(lambda: M.correlated_gaussian(4, rho=-1 / 3 + 1e-9), id="correlated-near-low"),
    pytest.param(lambda: M.correlated_gaussian(2, rho=0.999), id="correlated-near-high"),
    pytest.param(lambda: M.correlated_gaussian(3, rho=0), id="correlated-rho=0"),
]


@pytest.mark.parametrize("make", VALID)
def test_measures_valid_inputs_of_the_same_shapes_pass(make: Callable[[], Any]) -> None:
    law = make()
    for seed in (0, np.int64(5), np.random.default_rng(1)):
        x = law.sample(1, seed=seed)
        assert x.shape == (1, law.d) and np.all(np.isfinite(x))
    assert law.sample(np.int64(4), seed=2).shape == (4, law.d)
