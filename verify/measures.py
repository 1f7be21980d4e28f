"""Spherically symmetric laws on R^d, each given by the law of its norm, and controls.

A law D on R^d is spherically symmetric (invariant under every orthogonal map) iff
``x = R * theta`` with ``theta`` uniform on S^{d-1} independent of the radius ``R = ||x||``.
So a :class:`RadialLaw` is its dimension plus the law of R: a density ``gamma(s)`` on
``(0, oo)`` and/or atoms (spheres). For a unit w and ``t = <theta, w>`` (density ``w_d``):

    E[f(<w,x>) g(||x||)] = int gamma(s) g(s) int_{-1}^{1} f(s t) w_d(t) dt ds        (D27)

and ``<w,x>`` has density ``q(u) = int gamma(s) w_d(u/s)/s ds``.

Samplers are exact (no discretization): a direction from a normalized Gaussian vector and an
exact radius draw (chi, Beta, power law, or rejection with a proved envelope). Numbers computed
here (projection densities, the D27 integral) are **floats with no guarantee**; the tiers
compute the certified versions.

Non-symmetric **controls** (mean-shifted Gaussian, equicorrelated Gaussian, i.i.d. Laplace)
are there to make orthogonality checks fail visibly.

>>> law = gaussian(3)
>>> law.sample(4, seed=0).shape
(4, 3)
>>> law.radius_moment(2)
3
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.integrate
import scipy.special
import scipy.stats
import sympy as sp

from .conventions import check_dimension
from .special import LANDAU_UPPER

Rng = np.random.Generator
#: |J_nu(z)| <= 0.7858 z^(-1/3) for nu >= 0, z > 0 (Landau 2000): the exact bound
#: special.LANDAU_UPPER as a float (the double nearest 7858/10000, the same as the literal
#: 0.7858; it stays above Landau's c = 0.785746870...).
_LANDAU_C = float(LANDAU_UPPER)


def _rng(seed: int | Rng | None) -> Rng:
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise TypeError(f"seed={seed!r} must be an integer (every random draw is seeded)")
    return np.random.default_rng(int(seed))


def _check_n(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int | np.integer):
        raise TypeError(f"n={n!r} must be a positive integer sample size")
    if n < 1:
        raise ValueError(f"n={n!r} must be a positive integer sample size")
    return int(n)


def uniform_directions(n: int, d: int, rng: Rng) -> np.ndarray:
    """``n`` exact uniform points on S^{d-1} (normalized standard Gaussian vectors)."""
    g = rng.standard_normal((n, d))
    return g / np.linalg.norm(g, axis=1, keepdims=True)


def sphere_coordinate_density(t: np.ndarray, d: int) -> np.ndarray:
    """``w_d(t) = c_d (1-t^2)^{(d-3)/2}`` on (-1, 1): the law of one coordinate of a uniform
    point on S^{d-1} (float; zero outside)."""
    d = check_dimension(d)
    t = np.asarray(t, dtype=float)
    log_cd = math.lgamma(d / 2) - 0.5 * math.log(math.pi) - math.lgamma((d - 1) / 2)
    inside = np.abs(t) < 1
    out = np.zeros_like(t)
    out[inside] = np.exp(log_cd + (d - 3) / 2 * np.log1p(-t[inside] ** 2))
    return out


@dataclass(frozen=True)
class RadialLaw:
    """A spherically symmetric law on R^d given by the law of ``R = ||x||``.

    ``radius_density`` (float callable on s > 0) and ``atoms`` (``(weight, radius)`` pairs,
    spheres) together describe the law of R; their masses add to 1. ``radius_sampler`` draws R
    exactly. ``moment`` gives ``E[R^p]`` exactly (SymPy) where a closed form is known.
    """

    name: str
    d: int
    radius_sampler: Callable[[int, Rng], np.ndarray]
    radius_density: Callable[[np.ndarray], np.ndarray] | None = None
    atoms: tuple[tuple[float, float], ...] = ()
    moment: Callable[[int], sp.Expr] | None = None
    support: tuple[float, float] = (0.0, math.inf)
    notes: str = ""
    point_sampler: Callable[[int, Rng], np.ndarray] | None = field(default=None, repr=False)

    spherically_symmetric = True
    sign_flip_invariant = True

    def sample(self, n: int, *, seed: int | Rng) -> np.ndarray:
        """``n`` exact draws, shape ``(n, d)``; seeded."""
        n, rng = _check_n(n), _rng(seed)
        if self.point_sampler is not None:
            return self.point_sampler(n, rng)
        return uniform_directions(n, self.d, rng) * self.radius_sampler(n, rng)[:, None]

    def radius_moment(self, p: int) -> sp.Expr:
        """``E[||x||^p]`` exactly (SymPy), or ValueError where no closed form is stored."""
        if self.moment is None:
            raise ValueError(f"law={self.name!r} has no exact radius moments; use "
                             "radius_moment_float")
        return sp.sympify(self.moment(p))

    def radius_moment_float(self, p: float) -> float:
        """``E[||x||^p]`` by quadrature (float, no guarantee)."""
        total = sum(w * r**p for w, r in self.atoms)
        if self.radius_density is not None:
            dens = self.radius_density
            lo, hi = self.support
            val, _ = scipy.integrate.quad(lambda s: s**p * float(dens(np.array([s]))[0]), lo, hi,
                                          limit=400)
            total += val
        return float(total)

    def projection_density(self, u: np.ndarray) -> np.ndarray:
        """Density of ``<w, x>`` for a unit w (float, no guarantee):
        ``q(u) = sum_atoms w_r w_d(u/r)/r + int gamma(s) w_d(u/s)/s ds``.

        SciPy's quadrature warnings (oscillating Bessel tails) are silenced: this is a float
        without a guarantee either way.
        """
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", scipy.integrate.IntegrationWarning)
            return self._projection_density(np.atleast_1d(np.asarray(u, dtype=float)))

    def _projection_density(self, u: np.ndarray) -> np.ndarray:
        out = np.zeros_like(u)
        for w, r in self.atoms:
            out += w * sphere_coordinate_density(u / r, self.d) / r
        if self.radius_density is not None:
            dens = self.radius_density
            lo, hi = self.support
            for i, ui in enumerate(u):
                start = max(lo, abs(ui))
                if start >= hi:
                    continue
                val, _ = scipy.integrate.quad(
                    lambda s, ui=ui: float(dens(np.array([s]))[0])
                    * float(sphere_coordinate_density(np.array([ui / s]), self.d)[0]) / s,
                    start, hi, limit=400)
                out[i] += val
        return out

    def ridge_expectation(self, f: Callable[[np.ndarray], np.ndarray],
                          g: Callable[[np.ndarray], np.ndarray] | None = None) -> float:
        """``E[f(<w,x>) g(||x||)]`` by the reduction D27 (float, no guarantee; SciPy's
        quadrature warnings are silenced for the same reason as in projection_density)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", scipy.integrate.IntegrationWarning)
            return self._ridge_expectation(f, g)

    def _ridge_expectation(self, f: Callable[[np.ndarray], np.ndarray],
                           g: Callable[[np.ndarray], np.ndarray] | None) -> float:
        d = self.d

        def inner(s: float) -> float:
            val, _ = scipy.integrate.quad(
                lambda t: float(f(np.array([s * t]))[0])
                * float(sphere_coordinate_density(np.array([t]), d)[0]), -1, 1, limit=200)
            return val * (1.0 if g is None else float(g(np.array([s]))[0]))

        total = sum(w * inner(r) for w, r in self.atoms)
        if self.radius_density is not None:
            dens = self.radius_density
            lo, hi = self.support
            val, _ = scipy.integrate.quad(lambda s: float(dens(np.array([s]))[0]) * inner(s),
                                          lo, hi, limit=200)
            total += val
        return float(total)


# ---------------------------------------------------------------------------------------------
# The laws.

def gaussian(d: int, *, variance: sp.Rational | int = 1) -> RadialLaw:
    """``N(0, variance * I_d)``: ``R = sqrt(variance) * chi_d``;
    ``E[R^p] = variance^{p/2} 2^{p/2} Gamma((d+p)/2)/Gamma(d/2)``."""
    d = check_dimension(d)
    var = sp.Rational(variance)
    if var <= 0:
        raise ValueError(f"variance={variance} must be positive")
    scale = math.sqrt(float(var))
    label = "N(0, I_d)" if var == 1 else f"N(0, I_d*{var})"
    return RadialLaw(
        name=f"{label}, d={d}", d=d,
        radius_sampler=lambda n, rng: scale * np.sqrt(rng.chisquare(d, n)),
        radius_density=lambda s: scipy.stats.chi.pdf(s / scale, d) / scale,
        moment=lambda p: sp.simplify((2 * var) ** sp.Rational(p, 2)
                                     * sp.gamma(sp.Rational(d + p, 2))
                                     / sp.gamma(sp.Rational(d, 2))),
        point_sampler=lambda n, rng: scale * rng.standard_normal((n, d)),
    )


def scaled_gaussian(d: int) -> RadialLaw:
    """``N(0, I_d/d)`` (norm concentrates at 1): the Gaussian component of Safran-Lee's law."""
    return gaussian(d, variance=sp.Rational(1, check_dimension(d)))


def _positive_radius(r: sp.Rational | int) -> tuple[sp.Rational, float]:
    """``r`` as an exact rational and a double; r <= 0 is an error naming it."""
    rq = sp.Rational(r)
    if rq <= 0:
        raise ValueError(f"r={r} must be a positive radius")
    return rq, float(rq)


def sphere(d: int, *, r: sp.Rational | int = 1) -> RadialLaw:
    """Uniform on the sphere of radius r in R^d (one atom at r)."""
    d = check_dimension(d)
    rq, rf = _positive_radius(r)
    return RadialLaw(
        name=f"uniform on S^{d - 1} of radius {rq}", d=d,
        radius_sampler=lambda n, rng: np.full(n, rf), atoms=((1.0, rf),),
        moment=lambda p: rq**p, support=(rf, rf),
    )


def ball(d: int, *, r: sp.Rational | int = 1) -> RadialLaw:
    """Uniform in the ball of radius r: ``R = r U^{1/d}``, density ``d s^{d-1}/r^d``,
    ``E[R^p] = d r^p/(d+p)``; its 1-D marginal is ``w_{d+2}``."""
    d = check_dimension(d)
    rq, rf = _positive_radius(r)
    return RadialLaw(
        name=f"uniform in the ball of radius {rq}, d={d}", d=d,
        radius_sampler=lambda n, rng: rf * rng.random(n) ** (1.0 / d),
        radius_density=lambda s: np.where((s > 0) & (s < rf), d * s ** (d - 1) / rf**d, 0.0),
        moment=lambda p: d * rq**p / (d + p), support=(0.0, rf),
    )


def radial_mixture(d: int, radii: Sequence[object], weights: Sequence[object]) -> RadialLaw:
    """A finite mixture of spheres: radius ``radii[i]`` with probability ``weights[i]``."""
    d = check_dimension(d)
    if len(radii) == 0 or len(radii) != len(weights):
        raise ValueError(f"radii={list(radii)} and weights={list(weights)} must be non-empty "
                         "and of the same length")
    try:
        rs = [sp.Rational(str(r)) for r in radii]
        ws = [sp.Rational(str(w)) for w in weights]
    except (TypeError, ValueError, SyntaxError):
        raise ValueError(f"radii={list(radii)} and weights={list(weights)} must be finite "
                         "rational numbers (e.g. 1, '3/2')") from None
    if any(r <= 0 for r in rs):
        raise ValueError(f"radii={list(radii)} must all be positive")
    if any(w < 0 for w in ws) or sum(ws) != 1:
        raise ValueError(f"weights={list(weights)} must be non-negative and sum to 1 exactly")
    rf, wf = np.array([float(r) for r in rs]), np.array([float(w) for w in ws])
    return RadialLaw(
        name=f"mixture of spheres {[str(r) for r in rs]}, d={d}", d=d,
        radius_sampler=lambda n, rng: rng.choice(rf, size=n, p=wf),
        atoms=tuple(zip(wf.tolist(), rf.tolist(), strict=True)),
        moment=lambda p: sum((w * r**p for w, r in zip(ws, rs, strict=True)), sp.Integer(0)),
        support=(float(min(rs)), float(max(rs))),
    )


def radial_density(d: int, density: Callable[[np.ndarray], np.ndarray], *, upper: float,
                   name: str = "user radial density", grid: int = 4001) -> RadialLaw:
    """A user radial density ``gamma(s)`` on ``[0, upper]``, checked to be non-negative (on a
    grid) and to integrate to 1 (to 1e-8); sampled by inverse CDF on the grid (not exact:
    the resolution is stated in ``notes``)."""
    d = check_dimension(d)
    if isinstance(upper, bool) or not isinstance(upper, int | float):
        raise TypeError(f"upper={upper!r} must be a finite positive number")
    if not (math.isfinite(upper) and upper > 0):
        raise ValueError(f"upper={upper!r} must be a finite positive support bound")
    s = np.linspace(0.0, upper, grid)
    vals = np.asarray(density(s), dtype=float)
    if vals.shape != s.shape:
        raise ValueError(f"density must return one value per point (got shape {vals.shape})")
    if not np.all(np.isfinite(vals)):
        where = int(np.argmax(~np.isfinite(vals)))
        raise ValueError(f"density is not finite at s={s[where]:.6g} (value {vals[where]}); a "
                         "radial density must be finite")
    if np.any(vals < 0):
        bad = float(s[np.argmax(vals < 0)])
        raise ValueError(f"density is negative at s={bad:.6g}; a radial density must be >= 0")
    mass, _ = scipy.integrate.quad(lambda t: float(np.asarray(density(np.array([t])))[0]),
                                   0.0, upper, limit=400)
    if abs(mass - 1) > 1e-8:
        raise ValueError(f"density integrates to {mass:.10g}, not 1; normalize it")
    cdf = scipy.integrate.cumulative_trapezoid(vals, s, initial=0.0)
    cdf /= cdf[-1]

    def sampler(n: int, rng: Rng) -> np.ndarray:
        return np.interp(rng.random(n), cdf, s)

    return RadialLaw(name=f"{name}, d={d}", d=d, radius_sampler=sampler,
                     radius_density=lambda t: np.asarray(density(t), dtype=float),
                     support=(0.0, float(upper)),
                     notes=f"inverse-CDF sampler on a {grid}-point grid (not exact)")


def safran_lee_sum_of_spheres(d: int) -> RadialLaw:
    """``x = x1 + x2``, x1, x2 i.i.d. uniform on S^{d-1} (Safran-Lee's compact law D'_d).

    ``||x||^2 = 2 + 2t`` with t ~ w_d, so ``||x||`` has density
    ``c_d x^{d-2} (1 - x^2/4)^{(d-3)/2}`` on [0, 2] (SL22 App B.2); ``E||x||^{2m}`` is exact
    from the moments of t. Sampled exactly by adding two uniform points.
    """
    d = check_dimension(d)

    def moment(p: int) -> sp.Expr:
        if p % 2:
            raise ValueError(f"p={p} must be even for an exact moment of ||x1 + x2||")
        t = sp.Symbol("t")
        m = p // 2
        poly = sp.Poly(sp.expand((2 + 2 * t) ** m), t)
        total = sp.Integer(0)
        for (j,), c in poly.terms():
            total += c * _sphere_coordinate_moment(j, d)
        return total

    def density(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        out = np.zeros_like(x)
        ok = (x > 0) & (x < 2)
        log_cd = math.lgamma(d / 2) - 0.5 * math.log(math.pi) - math.lgamma((d - 1) / 2)
        out[ok] = np.exp(log_cd + (d - 2) * np.log(x[ok])
                         + (d - 3) / 2 * np.log1p(-x[ok] ** 2 / 4))
        return out

    def points(n: int, rng: Rng) -> np.ndarray:
        return uniform_directions(n, d, rng) + uniform_directions(n, d, rng)

    return RadialLaw(
        name=f"x1 + x2 on S^{d - 1} (Safran-Lee D'_d)", d=d,
        radius_sampler=lambda n, rng: np.sqrt(4 * rng.beta((d - 1) / 2, (d - 1) / 2, n)),
        radius_density=density, moment=moment, support=(0.0, 2.0), point_sampler=points,
    )


def _sphere_coordinate_moment(j: int, d: int) -> sp.Expr:
    """``E[t^j]`` for t ~ w_d: 0 for odd j, ``(j-1)!!/((d)(d+2)...(d+j-2))`` for even j."""
    if j % 2:
        return sp.Integer(0)
    out = sp.Integer(1)
    for i in range(0, j, 2):
        out *= sp.Rational(i + 1, d + i)
    return out


def safran_lee_bessel(d: int, *, alpha: float = 1.0) -> RadialLaw:
    """Safran-Lee's heavy-tailed law D_d: the norm has density
    ``0.5 (d/x) J_{d/2}(c x)^2 + 0.5 p_d(x)``, ``c = 2 pi alpha sqrt(d) R_d``,
    ``R_d = Gamma(d/2+1)^{1/d}/sqrt(pi)``, p_d the density of ``chi_d/sqrt(d)`` (SL22 Eq. 8).

    The Bessel component is sampled exactly by rejection from a proved envelope:
    ``J_nu(z)^2 <= min((z/2)^{2nu}/Gamma(nu+1)^2, C^2 z^{-2/3})`` with Landau's C = 0.7858.
    """
    d = check_dimension(d)
    if isinstance(alpha, bool) or not isinstance(alpha, int | float):
        raise TypeError(f"alpha={alpha!r} must be a number >= 1")
    if not (math.isfinite(alpha) and alpha >= 1):
        raise ValueError(f"alpha={alpha} must be >= 1 (Eldan-Shamir's constant)")
    nu = d / 2
    r_d = math.exp(math.lgamma(d / 2 + 1) / d) / math.sqrt(math.pi)
    c = 2 * math.pi * alpha * math.sqrt(d) * r_d
    log_a = -2 * nu * math.log(2) - 2 * math.lgamma(nu + 1)
    log_b = 2 * math.log(_LANDAU_C)
    # envelope g(x) = (d/x) min(A (c x)^{2 nu}, B (c x)^{-2/3}); the two meet at z* = c x*.
    # Everything in logs: A (c x)^{2 nu} overflows doubles from d ~ 37 on.
    log_z_star = (log_b - log_a) / (2 * nu + 2 / 3)
    x_star = math.exp(log_z_star) / c
    log_mass_low = math.log(d) + log_a + 2 * nu * log_z_star - math.log(2 * nu)
    log_mass_high = math.log(d) + log_b - 2 / 3 * log_z_star + math.log(1.5)
    p_low = 1 / (1 + math.exp(log_mass_high - log_mass_low))

    def bessel_density(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(x > 0, d / x * scipy.special.jv(nu, c * x) ** 2, 0.0)
        return out

    def bessel_sampler(n: int, rng: Rng) -> np.ndarray:
        out = np.empty(0)
        while out.size < n:
            m = 2 * (n - out.size) + 64
            low = rng.random(m) < p_low
            u = rng.random(m)
            # inverse CDFs of the two power-law pieces of the envelope
            with np.errstate(divide="ignore"):
                x = np.where(low, x_star * u ** (1 / (2 * nu)), x_star * (1 - u) ** (-1.5))
                log_cx = np.log(c * x)
                log_env = np.log(d / x) + np.where(low, log_a + 2 * nu * log_cx,
                                                   log_b - 2 / 3 * log_cx)
                log_target = np.log(bessel_density(x))
            accept = (x > 0) & (np.log(rng.random(m)) + log_env <= log_target)
            out = np.concatenate([out, x[accept]])
        return out[:n]

    def radius_sampler(n: int, rng: Rng) -> np.ndarray:
        pick = rng.random(n) < 0.5
        gauss = np.sqrt(rng.chisquare(d, n) / d)
        return np.where(pick, bessel_sampler(n, rng), gauss)

    def density(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        gauss = math.sqrt(d) * scipy.stats.chi.pdf(x * math.sqrt(d), d)
        return 0.5 * bessel_density(x) + 0.5 * gauss

    return RadialLaw(name=f"Safran-Lee Bessel mixture D_d, d={d}, alpha={alpha}", d=d,
                     radius_sampler=radius_sampler, radius_density=density,
                     notes="norm tail ~ 1/x: moments of order >= 1 are infinite")


# ---------------------------------------------------------------------------------------------
# Non-symmetric controls.

@dataclass(frozen=True)
class ControlLaw:
    """A law that is *not* spherically symmetric, for negative controls."""

    name: str
    d: int
    sampler: Callable[[int, Rng], np.ndarray]
    sign_flip_invariant: bool
    spherically_symmetric = False

    def sample(self, n: int, *, seed: int | Rng) -> np.ndarray:
        return self.sampler(_check_n(n), _rng(seed))


def shifted_gaussian(d: int, *, shift: float = 0.5) -> ControlLaw:
    """``N(shift * (1,...,1), I_d)``: neither rotation- nor sign-flip-invariant."""
    d = check_dimension(d)
    return ControlLaw(f"N({shift}*1, I_d), d={d}", d,
                      lambda n, rng: rng.standard_normal((n, d)) + shift, False)


def correlated_gaussian(d: int, *, rho: float = 0.5) -> ControlLaw:
    """Equicorrelated ``N(0, (1-rho) I + rho 11^T)``: invariant under x -> -x only."""
    d = check_dimension(d)
    if not -1 / (d - 1) < rho < 1:
        raise ValueError(f"rho={rho} must lie in (-1/(d-1), 1) for a covariance matrix")

    def sampler(n: int, rng: Rng) -> np.ndarray:
        common = rng.standard_normal((n, 1)) * math.sqrt(max(rho, 0.0))
        own = rng.standard_normal((n, d)) * math.sqrt(1 - rho)
        if rho < 0:
            z = rng.standard_normal((n, d))
            cov = (1 - rho) * np.eye(d) + rho * np.ones((d, d))
            return z @ np.linalg.cholesky(cov).T
        return common + own

    return ControlLaw(f"equicorrelated N(0, rho={rho}), d={d}", d, sampler, False)


def iid_laplace(d: int) -> ControlLaw:
    """i.i.d. Laplace coordinates: invariant under coordinate sign flips and permutations,
    but not under rotations."""
    d = check_dimension(d)
    return ControlLaw(f"i.i.d. Laplace, d={d}", d,
                      lambda n, rng: rng.laplace(size=(n, d)) / math.sqrt(2), True)
