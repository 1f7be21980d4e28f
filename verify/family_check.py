"""Judging a family of networks: the evidence `verify family` reports, in one place.

This module assembles the report; the mathematics is in :mod:`verify.certificates` (law-free),
:mod:`verify.gram` (Gaussian inner products and norms), :mod:`verify.montecarlo` (controls)
and :mod:`verify.sq` (the bound); family files are read by :mod:`verify.family_io`.

For a :class:`verify.networks.Family` (a user's, or the parity family) it gathers, each with
its own strength:

* **degenerate / members** -- per member: proved to be the zero function (exact,
  parity-reduced form), proved non-zero (a squared norm that is exact and positive, or a
  certified ball excluding 0), or undecided; under a declared symmetry member 0 stands for all;
* **orthogonality** -- *pairwise* only: the exact law- and activation-free certificate (one
  pair per orbit when the family declares a symmetry); for the pairs where it fails, the
  Gaussian inner products (exact or certified) decide for the Gaussian when the units allow an
  exact dual kernel (unit norm, zero bias, rational rho), and otherwise the claim says what was
  not decided and why;
* **mean zero** -- ``E[f] = 0`` for every member (exact certificate), a separate property;
* **norms** -- the Gaussian squared norm of every member checked (exact with a closed-form
  kernel, else certified); for the parity family also the Hermite form and the degree-k lower
  bound (ggjkk20 A4, A5, A8), which must agree;
* **controls** -- Monte Carlo of one pair under symmetric laws (must stay consistent with 0)
  and under non-symmetric ones (shifted / correlated Gaussian: expected to fail visibly);
* **sq_bound** -- the CSQ counting bound for the normalized family, only when every pair is
  proved orthogonal and every member has a proved positive norm;
* **headline** -- one line saying what was decided, how strongly, and what was not.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from .certificates import (
    members_mean_zero_certificate,
    pairs_certificate,
    sign_flip_witness,
)
from .checks import CheckResult, Strength, Verdict
from .gram import gaussian_orthogonality, member_norms, parity_norm_forms
from .measures import correlated_gaussian, gaussian, iid_laplace, shifted_gaussian, sphere
from .montecarlo import compile_network, estimate, statistical_check
from .networks import Family, Network, is_identically_zero
from .sq import csq_lower_bound


@dataclass
class FamilyReport:
    """What ``verify family`` decided, each property on its own.

    ``orthogonality`` is *pairwise* orthogonality only; ``mean_zero`` (``E[f] = 0`` for every
    member) is a separate property, never folded into it. ``degenerate`` is True when some
    member is proved to be the zero function; ``members`` lists which members are proved zero,
    proved non-zero and undecided. ``headline`` says in one line what was and was not decided.
    """

    size: int
    n: int
    name: str
    degenerate: bool
    orthogonality: CheckResult
    mean_zero: CheckResult | None = None
    members: dict[str, Any] = field(default_factory=dict)
    norms: dict[str, Any] = field(default_factory=dict)
    controls: list[dict[str, Any]] = field(default_factory=list)
    sq_bound: dict[str, Any] = field(default_factory=dict)
    witness: int | None = None
    headline: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "n": self.n,
                "headline": self.headline,
                "degenerate": self.degenerate, "members": self.members,
                "orthogonality": self.orthogonality.to_json(),
                "mean_zero": None if self.mean_zero is None else self.mean_zero.to_json(),
                "sign_flip_witness": self.witness, "norms": self.norms,
                "controls": self.controls, "sq_bound": self.sq_bound}

    @property
    def exit_code(self) -> int:
        """1 when pairwise orthogonality is refuted (exact or certified evidence only); 3 when
        it is not proved, a member is the zero function, or a positive norm is not proved;
        else 0. Mean zero is reported but decides nothing here (CSQ counting does not need
        it)."""
        if self.orthogonality.verdict is Verdict.REFUTED:
            return 1
        if (self.degenerate or self.orthogonality.verdict is not Verdict.VERIFIED
                or self.members.get("undecided_count", 0)):
            return 3
        return 0


_LISTED = 50  # members listed by index in the report (counts are always complete)


def check_family(family: Family, *, parity_k: int | None = None, digits: int = 20,
                 mc_samples: int = 100_000, seed: int = 1, tau: object = "1/100",
                 progress: Callable[[str], None] | None = None) -> FamilyReport:
    """Gather the evidence listed in the module docstring.

    ``progress`` (optional) is called after every step -- each pair certificate (``"pair
    i,j"``), each Gaussian pair decision, each norm (``"norm i"``), each control law
    (``"control LAW"``) -- so that a caller can stop between steps (the CLI raises
    KeyboardInterrupt there after a Ctrl-C).

    **SQ bound.** The CSQ counting bound (:func:`verify.sq.csq_lower_bound`) is given only when
    every pair is proved orthogonal and every member is proved to have positive norm (exact, or
    a certified ball excluding 0): then ``f_i/|f_i|`` are orthonormal, which is all Bessel's
    inequality needs. Mean zero is *not* needed for correlational queries (the adversary answers
    0 and each query rules out fewer than ``1/tau^2`` candidates, whatever ``E[f_i]`` is), so
    it is reported separately and does not gate the bound.

    Raises TypeError for a non-Family; ValueError (one line, naming the parameter) for
    ``digits`` outside ``verify.numbers``' range, ``parity_k`` not a positive integer,
    ``mc_samples`` outside ``MIN_MC_SAMPLES..MAX_MC_SAMPLES`` or above
    ``MAX_MC_COORDINATES / family.n``, ``seed`` outside ``0..2^63-1``, ``tau`` not a rational in
    (0, 1] -- all before any work.
    """
    step = progress if progress is not None else _no_progress
    tau = _check_arguments(family, parity_k, digits, mc_samples, seed, tau)
    symmetric = family.pair_representatives is not None
    representatives = [0] if symmetric else list(range(family.size))
    zero = {i for i in representatives if is_identically_zero(family.member(i))}
    pairs_cert = pairs_certificate(family, progress=step)
    mean_zero = members_mean_zero_certificate(family)
    all_zero = len(zero) == len(representatives)
    if pairs_cert is None:
        orthogonality = CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT,
                                    f"{family.name}: pairwise orthogonality (one network: no "
                                    "pair to decide)", "no pairs")
    elif pairs_cert.verdict is Verdict.VERIFIED or all_zero:
        orthogonality = pairs_cert
    else:
        orthogonality = gaussian_orthogonality(family, pairs_cert, digits=digits,
                                               progress=step)
    pairs = list(family.pairs())
    witness = None
    if pairs:
        witness = sign_flip_witness(family.member(pairs[0][0]), family.member(pairs[0][1]))
    report = FamilyReport(family.size, family.n, family.name, bool(zero), orthogonality,
                          mean_zero=mean_zero, witness=witness)
    if all_zero:
        report.members = _members(family, zero, set(), [])
        report.norms = {"squared_norm": {"exact": "0", "mid": "0", "rad": "0",
                                         "method": "parity-reduced form is identically zero"}}
        report.sq_bound = {"note": "no SQ bound: every member is the zero function (exact)"}
        report.headline = _headline(report, pairs_cert)
        return report
    norms = member_norms(family, representatives, zero, digits=digits, progress=step)
    # A squared norm that is exactly 0 proves the member zero (in L^2(N(0, I))) as well.
    zero |= {i for i, v in norms.items() if v.get("positive") is False}
    report.degenerate = bool(zero)
    positive = {i for i, v in norms.items() if v.get("positive") is True}
    undecided = [i for i in representatives if i not in zero and i not in positive]
    report.members = _members(family, zero, positive, undecided)
    report.norms = {"squared_norm": _public(norms[0])}
    if parity_k is not None and "_ball" in norms[0]:
        report.norms.update(parity_norm_forms(family.member(0), parity_k, norms[0]["_ball"],
                                               digits))
    if not symmetric and family.size > 1:
        report.norms["members"] = [{"member": i, "name": family.member(i).name,
                                    **_public(norms[i])}
                                   for i in representatives[:_LISTED]]
    control_pair = _control_pair(orthogonality, pairs)
    if control_pair is not None:
        report.controls = _controls(family.member(control_pair[0]),
                                    family.member(control_pair[1]), mc_samples, seed, step)
        for c in report.controls:
            c["pair"] = list(control_pair)
    report.sq_bound = _sq_bound(family, orthogonality, sorted(zero), undecided, norms,
                                tau)
    report.headline = _headline(report, pairs_cert)
    return report


def _no_progress(step: str) -> None:
    del step


#: Monte Carlo samples per control law, and samples times input dimension (the work: about a
#: minute at the cap); checked by :func:`check_family` before any work.
MIN_MC_SAMPLES, MAX_MC_SAMPLES = 100, 10_000_000
MAX_MC_COORDINATES = 100_000_000


def _check_arguments(family: Family, parity_k: object, digits: object, mc_samples: object,
                     seed: object, tau: object) -> sp.Rational:
    """Validate :func:`check_family`'s arguments once; ``tau`` as a SymPy Rational."""
    from fractions import Fraction

    from flint import fmpq

    from .numbers import check_digits

    if not isinstance(family, Family):
        raise TypeError(f"family={type(family).__name__} must be a verify.networks.Family")
    check_digits(digits)
    if parity_k is not None:
        _int_in("parity_k", parity_k, 1, 20)
    samples = _int_in("mc_samples", mc_samples, MIN_MC_SAMPLES, MAX_MC_SAMPLES)
    _int_in("seed", seed, 0, 2**63 - 1)
    if samples * family.n > MAX_MC_COORDINATES:
        raise ValueError(f"mc_samples={samples} in dimension n={family.n} draws "
                         f"{samples * family.n} normal coordinates, more than "
                         f"{MAX_MC_COORDINATES}; use mc_samples <= "
                         f"{max(MAX_MC_COORDINATES // family.n, 1)}")
    t = None
    if isinstance(tau, str | int | Fraction | fmpq | sp.Rational) and not isinstance(tau, bool):
        try:
            t = sp.Rational(str(tau))
        except (TypeError, ValueError, SyntaxError, ArithmeticError):
            t = None
    if t is None or not t.is_Rational or not 0 < t <= 1:
        raise ValueError(f"tau={tau!r} must be a rational number in (0, 1], e.g. '1/100'")
    return t


def _int_in(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) \
            or not low <= value <= high:
        raise ValueError(f"{name}={value!r} must be an integer from {low} to {high}")
    return int(value)


def _members(family: Family, zero: set[int], positive: set[int], undecided: list[int]
             ) -> dict[str, Any]:
    """Per-member degeneracy; under a declared symmetry member 0 stands for every member."""
    if family.pair_representatives is not None:
        everyone = list(range(family.size))
        zero_all = everyone if 0 in zero else []
        pos_all = everyone if 0 in positive else []
        und_all = everyone if 0 in undecided else []
        scope = (f"member 0 stands for all {family.size} members: they are its images under "
                 f"{family.symmetry}, which preserve N(0, I) and the zero function")
    else:
        zero_all, pos_all, und_all = sorted(zero), sorted(positive), list(undecided)
        scope = "every member decided on its own"
    return {"scope": scope,
            "proved_zero": zero_all[:_LISTED], "proved_zero_count": len(zero_all),
            "proved_nonzero": pos_all[:_LISTED], "proved_nonzero_count": len(pos_all),
            "undecided": und_all[:_LISTED], "undecided_count": len(und_all),
            "method": "zero: the parity-reduced form vanishes (exact); non-zero: the squared "
                      "norm under N(0, I), exact or a certified ball excluding 0"}


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    """A norm entry without its private ball (keys starting with '_')."""
    return {k: v for k, v in entry.items() if not k.startswith("_")}


def _control_pair(orthogonality: CheckResult, pairs: list[tuple[int, int]]
                  ) -> tuple[int, int] | None:
    """The pair the Monte Carlo controls look at: the first undecided (or refuted) pair when
    orthogonality is not proved, else the last representative (the largest overlap; for
    disjoint supports a product control law gives E[f h] = E[f] E[h], too small to see)."""
    if not pairs:
        return None
    for case in orthogonality.cases:
        if case.verdict is not Verdict.VERIFIED and "pair" in case.evidence:
            i, j = case.evidence["pair"]
            return int(i), int(j)
    return pairs[-1]


def _sq_bound(family: Family, orthogonality: CheckResult, zero: list[int], undecided: list[int],
              norms: dict[int, dict[str, Any]], tau: sp.Rational) -> dict[str, Any]:
    if orthogonality.verdict is not Verdict.VERIFIED:
        return {"note": "no SQ bound: pairwise orthogonality is not established for this family"}
    if zero:
        who = _who(zero)
        return {"note": f"no SQ bound: {who} the zero function (exact), so the normalized "
                        "family f/|f| does not exist"}
    if undecided:
        return {"note": f"no SQ bound: a positive norm is not proved for {_who(undecided)[:-4]}"
                        f" ({norms[undecided[0]]['method']})"}
    # The norms are proved positive under N(0, I) only, so that is the law of the bound
    # (orthogonality itself may hold under more laws: see the certificate).
    out: dict[str, Any] = {
        "normalized_family": csq_lower_bound(m=family.size, tau=tau, norm_sq=1).to_json(),
        "law": "N(0, I)",
        "note": "g_i = f_i/|f_i| are orthonormal under N(0, I): every pair is proved "
                "orthogonal and every member has a proved positive norm; Bessel counting "
                "needs nothing else (not mean zero)",
    }
    exacts = {norms[i]["exact"] for i in norms}
    if len(exacts) == 1 and None not in exacts:
        out["unnormalized_family"] = csq_lower_bound(
            m=family.size, tau=tau, norm_sq=sp.sympify(exacts.pop())).to_json()
    elif len(exacts) > 1:
        out["unnormalized_note"] = ("members have different norms: the unnormalized bound "
                                    "would need eta2 = max_i |f_i|^2; use the normalized one")
    return out


def _who(members: list[int]) -> str:
    shown = ", ".join(map(str, members[:10])) + (", ..." if len(members) > 10 else "")
    return f"member {shown} is" if len(members) == 1 else f"members {shown} are"


def _headline(report: FamilyReport, pairs_cert: CheckResult | None) -> str:
    """One line: what was decided, and how strongly, and what was not."""
    parts = []
    o = report.orthogonality
    if pairs_cert is None:
        parts.append("orthogonality: one network, no pair to decide")
    elif pairs_cert.verdict is Verdict.VERIFIED:
        parts.append("law-free certificate: every pair orthogonal (exact)")
    else:
        ev = o.evidence
        parts.append(f"law-free certificate: not applicable (classes do not cancel for "
                     f"{ev.get('pairs_not_law_free', '?')} pair(s))")
        if "undecided" in ev:
            why = "; ".join(ev.get("undecided_reasons", []))
            parts.append(f"Gaussian inner products: proved 0 for {ev['gaussian_proved_zero']}, "
                         f"proved non-zero for {ev['gaussian_proved_nonzero']}, not decided for "
                         f"{ev['undecided']}" + (f" ({_clip(why, 200)})" if why else ""))
    gauss = next((c for c in report.controls if c["law"].startswith("N(0, I")), None)
    if gauss is not None and o.verdict is not Verdict.VERIFIED and gauss["z"] is not None:
        z = abs(float(gauss["z"]))
        where = f"Monte Carlo control under N(0, I) on pair {tuple(gauss['pair'])}"
        if not math.isfinite(z):
            parts.append(f"{where}: z is not finite (statistical, no information)")
        else:
            parts.append(f"{where}: |z| = {z:.3g} (statistical, "
                         + ("suggests non-orthogonal)" if z >= 6 else "consistent with 0)"))
    m = report.members
    if m.get("proved_zero_count"):
        parts.append(f"{m['proved_zero_count']} member(s) proved zero")
    if m.get("undecided_count"):
        parts.append(f"positive norm not proved for {m['undecided_count']} member(s)")
    if report.mean_zero is not None:
        parts.append("mean zero: " + ("certified for every member (exact)"
                                      if report.mean_zero.verdict is Verdict.VERIFIED
                                      else "not certified for "
                                      f"{report.mean_zero.evidence.get('not_certified_count')} "
                                      "member(s)"))
    return "; ".join(parts)


def _controls(f: Network, h: Network, n_samples: int, seed: int,
              step: Callable[[str], None]) -> list[dict[str, Any]]:
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
        step(f"control {law.name}")
    return out
