"""Judging a family of networks: the evidence `verify family` reports, in one place.

For a :class:`verify.networks.Family` (a user's, or the parity family) it gathers, each with
its own strength:

* **degenerate** -- members proved to be the zero function (exact, parity-reduced form);
* **orthogonality** -- the exact law- and activation-free certificate (one pair per orbit
  when the family declares a symmetry); where it fails, the Gaussian inner products of the
  failing pairs (exact or certified) decide for the Gaussian;
* **norms** -- the Gaussian squared norm of the members checked (exact with a closed-form
  kernel, else certified); for the parity family also the Hermite form and the degree-k lower
  bound (ggjkk20 A4, A5, A8), which must agree;
* **controls** -- Monte Carlo of one pair under symmetric laws (must stay consistent with 0)
  and under non-symmetric ones (shifted / correlated Gaussian: expected to fail visibly);
* **sq_bound** -- the CSQ counting bound for the normalized family.
"""

from __future__ import annotations

import json
import runpy
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp
from flint import arb, fmpq

from .activations import activation
from .certificates import family_certificate, sign_flip_witness
from .checks import CheckResult, Strength, Verdict
from .hermite import has_exact_form
from .measures import correlated_gaussian, gaussian, iid_laplace, shifted_gaussian, sphere
from .montecarlo import compile_network, estimate, statistical_check
from .networks import (
    Family,
    Network,
    gaussian_inner_product,
    is_identically_zero,
    parity_norm_hermite,
    parity_norm_lower_bound,
    rho_classes,
)
from .numbers import report_ball
from .sq import csq_lower_bound


@dataclass
class FamilyReport:
    size: int
    n: int
    name: str
    degenerate: bool
    orthogonality: CheckResult
    norms: dict[str, Any] = field(default_factory=dict)
    controls: list[dict[str, Any]] = field(default_factory=list)
    sq_bound: dict[str, Any] = field(default_factory=dict)
    witness: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "n": self.n,
                "degenerate": self.degenerate, "orthogonality": self.orthogonality.to_json(),
                "sign_flip_witness": self.witness, "norms": self.norms,
                "controls": self.controls, "sq_bound": self.sq_bound}

    @property
    def exit_code(self) -> int:
        if self.orthogonality.verdict is Verdict.REFUTED:
            return 1
        if self.degenerate or self.orthogonality.verdict is not Verdict.VERIFIED:
            return 3
        return 0


def check_family(family: Family, *, parity_k: int | None = None, digits: int = 20,
                 mc_samples: int = 100_000, seed: int = 1, tau: object = "1/100"
                 ) -> FamilyReport:
    """Gather the evidence listed in the module docstring."""
    tau = sp.Rational(str(tau))
    first = family.member(0)
    representatives = [0] if family.pair_representatives is not None else range(family.size)
    degenerate = all(is_identically_zero(family.member(i)) for i in representatives)
    certificate = family_certificate(family)
    orthogonality = certificate
    if certificate.verdict is not Verdict.VERIFIED and not degenerate:
        orthogonality = _gaussian_pairs(family, certificate, digits)
    witness = None
    pairs = list(family.pairs())
    if pairs:
        witness = sign_flip_witness(family.member(pairs[0][0]), family.member(pairs[0][1]))
    report = FamilyReport(family.size, family.n, family.name, degenerate, orthogonality,
                          witness=witness)
    if degenerate:
        report.norms = {"squared_norm": {"exact": "0", "mid": "0", "rad": "0",
                                         "method": "parity-reduced form is identically zero"}}
        return report
    report.norms = _norms(first, parity_k, digits)
    if pairs:
        # The last representative has the largest overlap; for disjoint supports a product
        # control law gives E[f h] = E[f] E[h], too small to see.
        report.controls = _controls(family.member(pairs[-1][0]), family.member(pairs[-1][1]),
                                    mc_samples, seed)
    if certificate.verdict is not Verdict.VERIFIED:
        report.sq_bound = {"note": "no SQ bound: pairwise orthogonality under every spherically "
                           "symmetric law is not established for this family"}
        return report
    norm_sq = report.norms.get("squared_norm", {}).get("exact")
    report.sq_bound = {
        "normalized_family": csq_lower_bound(m=family.size, tau=tau, norm_sq=1).to_json(),
        "note": "g = f/|f| are orthonormal when the certificate holds; the bound needs only "
                "pairwise orthogonality and the norm",
    }
    if norm_sq not in (None, "0"):
        report.sq_bound["unnormalized_family"] = csq_lower_bound(
            m=family.size, tau=tau, norm_sq=sp.sympify(norm_sq)).to_json()
    return report


def _gaussian_pairs(family: Family, certificate: CheckResult, digits: int) -> CheckResult:
    """When the law-free certificate fails: decide the Gaussian inner products of the pairs."""
    from .checks import combine

    if not list(family.pairs()):
        return certificate  # one network: no pair to decide, only its mean-zero certificate
    cases = []
    for i, j in family.pairs():
        f, h = family.member(i), family.member(j)
        if rho_classes(f, h) is None:
            cases.append(CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT,
                                     f"E[{f.name} {h.name}] = 0 under N(0, I)",
                                     "not unit-norm / zero-bias: no exact Gaussian kernel here"))
            continue
        exact, ball, method = gaussian_inner_product(f, h, digits=digits)
        claim = f"E[{f.name} {h.name}] = 0 under N(0, I)"
        mid, rad = report_ball(ball, digits)
        evidence = {"value_mid": mid, "value_rad": rad, "exact": None if exact is None
                    else str(exact)}
        if exact is not None and sp.simplify(exact) == 0:
            cases.append(CheckResult(Verdict.VERIFIED, Strength.EXACT, claim, method, evidence))
        elif not ball.contains(0):
            cases.append(CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                     method + "; the ball excludes 0", evidence))
        else:
            cases.append(CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                                     method + "; the ball contains 0", evidence))
    return combine(f"{family.name}: pairwise orthogonal under N(0, I) (the law-free "
                   "certificate did not apply)", "Gaussian inner products", cases,
                   evidence={"law_free_certificate": certificate.to_json()})


def _ball_json(ball: arb, digits: int) -> dict[str, str]:
    mid, rad = report_ball(ball, digits)
    return {"mid": mid, "rad": rad}


def _norms(f: Network, parity_k: int | None, digits: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if rho_classes(f, f) is None:
        out["squared_norm"] = {"exact": None, "method": "no exact Gaussian kernel for these "
                               "units (non-unit norms or biases); see the Monte Carlo controls"}
        return out
    exact, ball, method = gaussian_inner_product(f, f, digits=digits)
    out["squared_norm"] = {"law": "N(0, I)", "exact": None if exact is None else str(exact),
                           **_ball_json(ball, digits), "method": method}
    if parity_k is not None:
        # Exact coefficients are cheap to degree 400 (ReLU's tail decays like d^{-3/2});
        # certified ones decay like exp(-pi sqrt(d)) for smooth activations: 60 suffice.
        terms = 400 if has_exact_form(f.act) else 60
        hermite, tail = parity_norm_hermite(parity_k, f.act, terms=terms, digits=min(digits, 15))
        lower = parity_norm_lower_bound(parity_k, f.act, digits=digits)
        agree = hermite.overlaps(ball)
        out["hermite_form"] = {**_ball_json(hermite, 12), "tail_bound": report_ball(tail, 3)[0],
                               "agrees_with_dual_kernel_form": bool(agree)}
        out["lower_bound_degree_k"] = {**_ball_json(lower, 12),
                                       "holds": bool(lower <= ball or lower.overlaps(ball))}
        if not agree:
            raise AssertionError("the two norm formulas disagree: a bug, please report it")
    return out


def _controls(f: Network, h: Network, n_samples: int, seed: int) -> list[dict[str, Any]]:
    cf, ch = compile_network(f), compile_network(h)
    d = f.n
    out = []
    laws: list[tuple[Any, bool, bool]] = [
        (gaussian(d), True, True), (sphere(d), True, True), (iid_laplace(d), False, True),
        (shifted_gaussian(d), False, False), (correlated_gaussian(d), False, False)]
    def product(x: np.ndarray) -> np.ndarray:
        return cf(x) * ch(x)

    for law, symmetric, flip_invariant in laws:
        def run(s: int, law: Any = law) -> Any:
            return estimate(product, law, n_samples=n_samples, seed=s)

        result = statistical_check(f"E[{f.name} {h.name}] = 0 under {law.name}", 0.0, run,
                                   seeds=(seed, seed + 1))
        out.append({"law": law.name, "rotation_invariant": symmetric,
                    "verdict": result.verdict.value, "strength": "statistical",
                    "z": result.evidence.get("z_1"),
                    "law_symmetry": "rotation-invariant" if symmetric else
                    "coordinate sign flips only" if flip_invariant else "none"})
    return out


# ---------------------------------------------------------------------------------------------
# Families from files.

def load_family_file(path: str) -> Family:
    """A family from a JSON file (format in the README) or a Python file defining
    ``family()`` that returns a Family or a list of Networks."""
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"file={path!r} does not exist; give the path of a .json or .py family")
    if p.suffix == ".py":
        namespace = runpy.run_path(str(p))
        if "family" not in namespace or not callable(namespace["family"]):
            raise ValueError(f"file={path!r} must define a function family() returning a "
                             "Family or a list of Networks")
        value = namespace["family"]()
        if isinstance(value, Family):
            return value
        if isinstance(value, Sequence) and all(isinstance(v, Network) for v in value):
            return Family.from_networks(value, name=p.stem)
        raise ValueError(f"file={path!r}: family() returned {type(value).__name__}, not a "
                         "Family or a list of Networks")
    if p.suffix != ".json":
        raise ValueError(f"file={path!r} must end in .json or .py")
    try:
        doc = json.loads(p.read_text())
    except json.JSONDecodeError as exc:
        raise ValueError(f"file={path!r} is not valid JSON (line {exc.lineno}, column "
                         f"{exc.colno}: {exc.msg})") from None
    return family_from_json(doc, source=path)


def family_from_json(doc: Any, *, source: str = "<json>") -> Family:
    """Build a family from the JSON document described in the README."""
    if not isinstance(doc, dict):
        raise ValueError(f"{source}: the top level must be an object with 'activation' and "
                         "'networks'")
    for key in ("activation", "networks"):
        if key not in doc:
            raise ValueError(f"{source}: missing field {key!r}")
    act = activation(str(doc["activation"]))
    nets_doc = doc["networks"]
    if not isinstance(nets_doc, list) or not nets_doc:
        raise ValueError(f"{source}: field 'networks' must be a non-empty list")
    networks = [_network_from_json(item, act, f"{source}: networks[{i}]")
                for i, item in enumerate(nets_doc)]
    return Family.from_networks(networks, name=str(doc.get("name", Path(source).stem)))


def _rational(value: Any, where: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{where}={value!r} must be an integer or a string such as \"1/3\" "
                         "(exact; floats are not accepted)")
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{where}={value!r} is not an exact rational such as \"1/3\"") from None


def _network_from_json(item: Any, act: Any, where: str) -> Network:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object with 'weights' and 'outputs'")
    for key in ("weights", "outputs"):
        if key not in item:
            raise ValueError(f"{where}: missing field {key!r}")
    rows = item["weights"]
    if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
        raise ValueError(f"{where}.weights must be a non-empty list of rows")
    width = len(rows[0])
    if width == 0 or any(len(r) != width for r in rows):
        raise ValueError(f"{where}.weights: rows have lengths {sorted({len(r) for r in rows})}; "
                         "every row needs the same input dimension")
    entries = [[_rational(v, f"{where}.weights[{i}][{j}]") for j, v in enumerate(r)]
               for i, r in enumerate(rows)]
    den = 1
    for r in entries:
        for v in r:
            den = den * v.denominator // np.gcd(den, v.denominator)
    for i, r in enumerate(entries):
        for j, v in enumerate(r):
            if abs(v * den) >= 2**62:
                raise ValueError(f"{where}.weights[{i}][{j}]={rows[i][j]!r} is too large: "
                                 "weights times their common denominator must stay below "
                                 "2^62; put a common factor into scale_sq instead")
    ints = np.array([[int(v * den) for v in r] for r in entries], dtype=np.int64)
    scale = _rational(item.get("scale_sq", 1), f"{where}.scale_sq")
    if scale <= 0:
        raise ValueError(f"{where}.scale_sq={item.get('scale_sq')!r} must be positive")
    outputs = item["outputs"]
    biases = item.get("biases", [0] * len(rows))
    for key, values in (("outputs", outputs), ("biases", biases)):
        if not isinstance(values, list) or len(values) != len(rows):
            raise ValueError(f"{where}.{key} must be a list with one entry per unit "
                             f"({len(rows)})")
    to_fmpq = lambda v, w: fmpq(v.numerator, v.denominator)  # noqa: E731
    return Network(
        ints, to_fmpq(scale / den**2, None),
        tuple(to_fmpq(_rational(b, f"{where}.biases[{i}]"), None) for i, b in enumerate(biases)),
        tuple(to_fmpq(_rational(a, f"{where}.outputs[{i}]"), None) for i, a in enumerate(outputs)),
        act, str(item.get("name", where.split(": ")[-1])))
