"""Seeded Monte Carlo for networks under a law: estimates, intervals, and the statistical rule.

An estimate of ``E_D[F]`` from n i.i.d. draws is reported as ``mean +/- z * s/sqrt(n)`` with
the sample standard deviation s: an *asymptotic* interval (CLT), labelled as such. It is never
a proof: Monte Carlo can corroborate (INCONCLUSIVE, "consistent with") or refute, and it
refutes only when ``|mean - claimed| >= z_refute * stderr`` for **two independent seeds**
(DESIGN: statistical REFUTED needs a confirmation). The default threshold z = 6 keeps a false
refutation below 1e-8 per seed even with moderately heavy tails; where the integrand is bounded
(``|F| <= B``) a Hoeffding radius ``B sqrt(2 log(2/alpha)/n)`` is reported beside it, which is
a true finite-sample bound.

Speed: networks are evaluated in their parity-reduced form (:func:`verify.networks.reduced_form`:
the units ``w`` and ``-w`` merged exactly, halving the work for the parity family) and every
member of a family sees the same samples.

>>> from verify.networks import parity_network
>>> from verify.measures import gaussian
>>> f = parity_network(4, (0, 1), "relu")
>>> est = estimate(lambda x: f.evaluate(x) ** 2, gaussian(4), n_samples=20000, seed=1)
>>> abs(est.mean - (2 - 4 / math.pi)) < 6 * est.stderr
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp
from flint import fmpq
from threadpoolctl import threadpool_limits

from .checks import CheckResult, Strength, Verdict
from .expressions import SYMBOLS
from .measures import ControlLaw, RadialLaw
from .networks import Network, reduced_form

Law = RadialLaw | ControlLaw
_BATCH = 8192  # small batches keep the (batch x units) intermediates in cache: ~3x faster
#: The hot loops multiply (batch x n) by (n x units) matrices, too small for a threaded BLAS:
#: on 2 cores one BLAS thread was 3-4x faster (Monte Carlo of |f_S|^2, k = 8: 5.8 s against
#: 18.6 s), and it leaves the other cores to other work. Results do not depend on it.
_one_blas_thread = threadpool_limits.wrap(limits=1, user_api="blas")


@dataclass(frozen=True)
class Estimate:
    """A seeded Monte Carlo estimate. ``stderr`` is the sample standard error (asymptotic)."""

    mean: float
    stderr: float
    n: int
    seed: int
    law: str
    hoeffding_radius: float | None = None  # a finite-sample 1-alpha bound, when |F| <= B

    def z(self, claimed: float) -> float:
        return (self.mean - claimed) / self.stderr if self.stderr > 0 else (
            0.0 if self.mean == claimed else math.inf)

    def to_json(self) -> dict[str, object]:
        return {"mean": repr(self.mean), "stderr": repr(self.stderr), "n": self.n,
                "seed": self.seed, "law": self.law,
                "interval": "mean +/- z*stderr (asymptotic CLT, not a bound)",
                "hoeffding_radius_1e-6": None if self.hoeffding_radius is None
                else repr(self.hoeffding_radius)}


@_one_blas_thread
def estimate(integrand: Callable[[np.ndarray], np.ndarray], law: Law, *, n_samples: int,
             seed: int, bound: float | None = None) -> Estimate:
    """Estimate ``E_law[integrand(x)]`` from ``n_samples`` seeded draws (in batches).

    ``bound``: a proved ``|integrand| <= bound``, enabling the Hoeffding radius at alpha=1e-6.
    """
    if isinstance(n_samples, bool) or not isinstance(n_samples, int) or n_samples < 2:
        raise ValueError(f"n_samples={n_samples!r} must be an integer >= 2")
    rng = np.random.default_rng(seed)
    # Two-pass mean and squared deviations per batch, merged across batches by Chan et al.'s
    # update: the naive E[F^2] - E[F]^2 cancels catastrophically when |mean| >> stderr.
    mean, m2, done = 0.0, 0.0, 0
    while done < n_samples:
        m = min(_BATCH, n_samples - done)
        values = np.asarray(integrand(law.sample(m, seed=rng)), dtype=float)
        if values.shape != (m,) or not np.all(np.isfinite(values)):
            raise ValueError("the integrand must return one finite value per sample")
        batch_mean = float(values.mean())
        batch_m2 = float(((values - batch_mean) ** 2).sum())
        delta = batch_mean - mean
        merged = done + m
        mean += delta * m / merged
        m2 += batch_m2 + delta * delta * done * m / merged
        done = merged
    var = m2 / (done - 1)
    hoeff = None if bound is None else bound * math.sqrt(2 * math.log(2 / 1e-6) / done)
    return Estimate(mean, math.sqrt(var / done), done, seed, law.name, hoeff)


def statistical_check(claim: str, claimed: float,
                      make_estimate: Callable[[int], Estimate], *, seeds: tuple[int, int] = (1, 2),
                      z_refute: float = 6.0, reference: str = "") -> CheckResult:
    """Decide ``E[F] == claimed`` statistically: REFUTED when both seeds give
    ``|z| >= z_refute``; otherwise INCONCLUSIVE ("consistent"). Never VERIFIED."""
    first = make_estimate(seeds[0])
    evidence: dict[str, object] = {"claimed": repr(claimed), "seed_1": first.to_json(),
                                   "z_1": repr(first.z(claimed)), "z_refute": z_refute}
    if abs(first.z(claimed)) >= z_refute:
        second = make_estimate(seeds[1])
        evidence.update({"seed_2": second.to_json(), "z_2": repr(second.z(claimed))})
        if abs(second.z(claimed)) >= z_refute and np.sign(second.z(claimed)) == np.sign(
                first.z(claimed)):
            return CheckResult(Verdict.REFUTED, Strength.STATISTICAL, claim,
                               f"Monte Carlo, |z| >= {z_refute} on two independent seeds",
                               evidence, reference)
        return CheckResult(Verdict.INCONCLUSIVE, Strength.STATISTICAL, claim,
                           "Monte Carlo: the second seed did not confirm the first", evidence,
                           reference)
    return CheckResult(Verdict.INCONCLUSIVE, Strength.STATISTICAL, claim,
                       f"Monte Carlo: consistent (|z| < {z_refute}); Monte Carlo never verifies",
                       evidence, reference)


# ---------------------------------------------------------------------------------------------
# Fast evaluation of networks.

@dataclass(frozen=True)
class CompiledNetwork:
    """A network in parity-reduced form, as float arrays ready for batched evaluation."""

    weights: np.ndarray  # (units, n), already scaled
    biases: np.ndarray
    outputs: np.ndarray
    linear: np.ndarray  # (n,)
    constant: float
    act: Callable[[np.ndarray], np.ndarray]

    def __post_init__(self) -> None:
        # The hot loop of the statistical tier: one matrix product, the activation applied in
        # place where its expression allows (ReLU, |x|), and no pass for a zero bias, linear
        # part or constant (measured: ReLU parity k=8, 8192 points a call, 5x faster).
        object.__setattr__(self, "_weights_t", np.ascontiguousarray(self.weights.T))
        object.__setattr__(self, "_has_bias", bool(np.any(self.biases)))
        object.__setattr__(self, "_has_linear", bool(np.any(self.linear)))

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if self.outputs.size:
            pre = x @ self._weights_t  # type: ignore[attr-defined]
            if self._has_bias:  # type: ignore[attr-defined]
                pre += self.biases
            out = _in_place(self.act, pre) @ self.outputs
        else:
            out = np.zeros(x.shape[0])
        if self._has_linear:  # type: ignore[attr-defined]
            out += x @ self.linear
        if self.constant:
            out += self.constant
        return out


def _relu_in_place(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0, out=z)


def _abs_in_place(z: np.ndarray) -> np.ndarray:
    return np.abs(z, out=z)


#: Activations evaluated in place on the (temporary) pre-activation array, keyed by expression.
_IN_PLACE = {sp.Max(SYMBOLS["x"], 0): _relu_in_place, sp.Abs(SYMBOLS["x"]): _abs_in_place}


def _in_place(act: Callable[[np.ndarray], np.ndarray], pre: np.ndarray) -> np.ndarray:
    fast = getattr(act, "in_place", None)
    return fast(pre) if fast is not None else act(pre)


def compile_network(net: Network) -> CompiledNetwork:
    """The reduced form (``w`` and ``-w`` merged exactly) as float arrays."""
    units, linear, constant = reduced_form(net)
    scale = math.sqrt(float(net.scale_sq))
    keys = list(units)
    weights = np.array([k[0] for k in keys], dtype=float).reshape(len(keys), net.n) * scale
    biases = np.array([float(k[1]) for k in keys])
    outputs = np.array([float(units[k]) for k in keys])
    act: Callable[[np.ndarray], np.ndarray] = net.act.numpy
    fast = _IN_PLACE.get(net.act.expr)
    if fast is not None:
        act = _with_in_place(act, fast)
    return CompiledNetwork(weights, biases, outputs,
                           np.array([float(v) for v in linear]) * scale,
                           float(constant), act)


def _with_in_place(act: Callable[[np.ndarray], np.ndarray],
                   fast: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def fn(z: np.ndarray) -> np.ndarray:
        return act(z)

    fn.in_place = fast  # type: ignore[attr-defined]
    return fn


def network_sup_bound(net: Network) -> float | None:
    """A proved bound on ``sup |f|`` for bounded activations: ``sum |a_j| * sup|sigma|``
    (from the growth class ``A`` when ``B = 0`` and ``c = 0``), else None."""
    g = net.act.growth
    if g.b != 0 or g.c != 0:
        return None
    total = sum((abs(a) for a in net.outputs), fmpq(0))
    return float(total) * float(g.a)


# ---------------------------------------------------------------------------------------------
# Randomized quasi-Monte Carlo for squared norms of homogeneous networks.

@_one_blas_thread
def rqmc_sphere_mean(integrand: Callable[[np.ndarray], np.ndarray], d: int, *, m: int,
                     replicates: int = 16, seed: int = 1) -> Estimate:
    """``E_theta[integrand(theta)]`` for theta uniform on S^{d-1}, by randomized QMC.

    Each of ``replicates`` independent scrambled Sobol' nets of ``2^m`` points is mapped to the
    sphere (normal inverse CDF, then normalized); ``stderr`` is the spread of the replicate
    means over sqrt(replicates). The interval ``mean +/- t * stderr`` (Student t with
    ``replicates - 1`` degrees of freedom) is asymptotic, like every Monte Carlo interval here.
    """
    from scipy.special import ndtri
    from scipy.stats import qmc

    if not 1 <= m <= 24:
        raise ValueError(f"m={m} must be in 1..24 (2^m points per replicate)")
    if replicates < 2:
        raise ValueError(f"replicates={replicates} must be at least 2")
    means = []
    for r in range(replicates):
        points = qmc.Sobol(d, scramble=True, rng=np.random.default_rng([seed, r])
                           ).random_base2(m)
        total = 0.0
        for start in range(0, len(points), _BATCH):
            z = ndtri(points[start:start + _BATCH])
            z /= np.sqrt(np.einsum("ij,ij->i", z, z))[:, None]  # in place: theta on S^{d-1}
            values = np.asarray(integrand(z), dtype=float)
            if not np.all(np.isfinite(values)):
                raise ValueError("the integrand must return finite values")
            total += float(values.sum())
        means.append(total / len(points))
    arr = np.array(means)
    return Estimate(float(arr.mean()), float(arr.std(ddof=1) / math.sqrt(replicates)),
                    replicates * 2**m, seed, f"RQMC on S^{d - 1} ({replicates} x 2^{m})")


def is_positively_homogeneous(net: Network) -> bool:
    """``f(s x) = s f(x)`` for s > 0: zero biases and ``sigma(u) = alpha_+- u`` on each side
    of 0 (every piece of sigma is ``c x`` and the only breakpoint is 0)."""
    import sympy as sp

    from .expressions import SYMBOLS

    if any(b != 0 for b in net.biases):
        return False
    x = SYMBOLS["x"]
    for piece in net.act.pieces:
        if any(e.is_finite and e != 0 for e in (piece.lo, piece.hi)):
            return False
        poly = sp.Poly(piece.expr, x) if piece.expr.is_polynomial(x) else None
        if poly is None or any(monom != (1,) for monom in poly.monoms()):
            if poly is None or not poly.is_zero:
                return False
    return True


def _elementary_symmetric(theta: np.ndarray, top: int) -> np.ndarray:
    """Rows ``e_j(theta^2)`` for ``2 <= j <= min(top, d)`` (shape ``(J, N)``)."""
    d = theta.shape[1]
    s = theta * theta
    e = np.zeros((d + 1, len(theta)))
    e[0] = 1.0
    for i in range(d):
        e[1:i + 2] += e[0:i + 1] * s[:, i]
    return e[2:min(top, d) + 1]


def sphere_symmetric_features(theta: np.ndarray, *, top: int = 8) -> np.ndarray:
    """Control variates on S^{d-1}: the elementary symmetric polynomials ``e_j(theta^2)``,
    ``2 <= j <= min(top, d)``, and their pairwise products ``e_j e_i`` (i >= j), as columns."""
    e = _elementary_symmetric(theta, top)
    n = len(e)
    cols = [e[j] for j in range(n)] + [e[j] * e[i] for j in range(n) for i in range(j, n)]
    return np.column_stack(cols)


def _feature_combination(theta: np.ndarray, coef: np.ndarray, top: int = 8) -> np.ndarray:
    """``sphere_symmetric_features(theta) @ coef`` as ``b.e + e^T B e`` without building the
    feature matrix (B upper triangular from the pairwise coefficients)."""
    e = _elementary_symmetric(theta, top)
    n = len(e)
    b = coef[:n]
    upper = np.zeros((n, n))
    upper[np.triu_indices(n)] = coef[n:]
    return b @ e + np.einsum("jn,jn->n", upper @ e, e)


def sphere_symmetric_feature_means(d: int, *, top: int = 8) -> np.ndarray:
    """Exact ``E[e_j(theta^2)]`` and ``E[e_j e_i]`` for theta uniform on S^{d-1}, in the order of
    :func:`sphere_symmetric_features`. ``theta^2`` is Dirichlet(1/2, ..., 1/2), so
    ``E[prod_i theta_i^(2 a_i)] = prod_i (1/2)_(a_i) / (d/2)_(sum a)``; a j-set and an i-set
    overlapping in t coordinates contribute ``(3/4)^t (1/2)^(j+i-2t) / (d/2)_(j+i)``."""
    from fractions import Fraction
    from math import comb

    def rising(a: Fraction, n: int) -> Fraction:
        out = Fraction(1)
        for i in range(n):
            out *= a + i
        return out

    half_d = Fraction(d, 2)
    js = range(2, min(top, d) + 1)
    means = [comb(d, j) * Fraction(1, 2) ** j / rising(half_d, j) for j in js]
    for j in js:
        for i in js:
            if i < j:
                continue
            total = Fraction(0)
            for t in range(0, min(j, i) + 1):
                pairs = comb(d, j) * comb(j, t) * comb(d - j, i - t)
                total += pairs * Fraction(3, 4) ** t * Fraction(1, 2) ** (j + i - 2 * t) \
                    / rising(half_d, j + i)
            means.append(total)
    return np.array([float(q) for q in means])


@_one_blas_thread
def homogeneous_norm_squared(net: Network, law: RadialLaw, *, m: int, replicates: int = 16,
                             seed: int = 1, control_variates: bool = False) -> Estimate:
    """``E_D[f^2] = E[R^2] E_theta[f(theta)^2]`` for a positively homogeneous network (degree 1)
    and a radial law with an exact second radius moment: the radius is integrated exactly and
    only the direction by RQMC.

    ``control_variates``: subtract ``beta . (F - E[F])`` with the symmetric features F of
    :func:`sphere_symmetric_features` (exact means); beta is fitted by least squares on a
    separate pilot net (another seed), so the estimator stays unbiased."""
    if not is_positively_homogeneous(net):
        raise ValueError(f"network {net.name!r} is not positively homogeneous (nonzero biases "
                         "or an activation with sigma(s u) != s sigma(u)); use estimate()")
    if law.d != net.n:
        raise ValueError(f"law dimension {law.d} != network input dimension {net.n}")
    factor = float(law.radius_moment(2))
    f = compile_network(net)
    integrand: Callable[[np.ndarray], np.ndarray] = lambda theta: f(theta) ** 2  # noqa: E731
    how = ""
    if control_variates:
        from scipy.special import ndtri
        from scipy.stats import qmc

        means = sphere_symmetric_feature_means(net.n)
        pilot = ndtri(qmc.Sobol(net.n, scramble=True, rng=np.random.default_rng(
            [seed, 10**6])).random_base2(min(m + 2, 16)))
        pilot /= np.linalg.norm(pilot, axis=1)[:, None]
        feats = sphere_symmetric_features(pilot) - means
        beta, *_ = np.linalg.lstsq(np.column_stack([np.ones(len(pilot)), feats]),
                                   f(pilot) ** 2, rcond=None)
        shift = float(means @ beta[1:])
        integrand = lambda theta: (  # noqa: E731
            f(theta) ** 2 - _feature_combination(theta, beta[1:]) + shift)
        how = f", {len(means)} symmetric control variates (pilot-fitted)"
    est = rqmc_sphere_mean(integrand, net.n, m=m, replicates=replicates, seed=seed)
    return Estimate(factor * est.mean, factor * est.stderr, est.n, seed,
                    f"{law.name}: E[R^2] exact x {est.law}{how}")
