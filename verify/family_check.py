"""Judging a family of networks: the evidence `verify family` reports, in one place.

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

import json
import math
import re
import runpy
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp
from flint import arb, fmpq

from .activations import activation
from .certificates import (
    members_mean_zero_certificate,
    pairs_certificate,
    sign_flip_witness,
)
from .checks import CheckResult, Strength, Verdict
from .hermite import has_exact_form
from .measures import correlated_gaussian, gaussian, iid_laplace, shifted_gaussian, sphere
from .montecarlo import compile_network, estimate, statistical_check
from .networks import (
    MAX_NETWORKS,
    MAX_RATIONAL_BITS,
    MAX_UNITS,
    Family,
    Network,
    gaussian_inner_product,
    is_identically_zero,
    parity_norm_hermite,
    parity_norm_lower_bound,
    rho_classes,
    row_norms,
)
from .numbers import report_ball
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
    """
    step = progress if progress is not None else _no_progress
    tau = sp.Rational(str(tau))
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
        orthogonality = _gaussian_pairs(family, pairs_cert, digits, step)
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
    member_norms = _member_norms(family, representatives, zero, digits, step)
    # A squared norm that is exactly 0 proves the member zero (in L^2(N(0, I))) as well.
    zero |= {i for i, v in member_norms.items() if v.get("positive") is False}
    report.degenerate = bool(zero)
    positive = {i for i, v in member_norms.items() if v.get("positive") is True}
    undecided = [i for i in representatives if i not in zero and i not in positive]
    report.members = _members(family, zero, positive, undecided)
    report.norms = {"squared_norm": _public(member_norms[0])}
    if parity_k is not None and "_ball" in member_norms[0]:
        report.norms.update(_parity_forms(family.member(0), parity_k,
                                          member_norms[0]["_ball"], digits))
    if not symmetric and family.size > 1:
        report.norms["members"] = [{"member": i, "name": family.member(i).name,
                                    **_public(member_norms[i])}
                                   for i in representatives[:_LISTED]]
    control_pair = _control_pair(orthogonality, pairs)
    if control_pair is not None:
        report.controls = _controls(family.member(control_pair[0]),
                                    family.member(control_pair[1]), mc_samples, seed, step)
        for c in report.controls:
            c["pair"] = list(control_pair)
    report.sq_bound = _sq_bound(family, orthogonality, sorted(zero), undecided, member_norms,
                                tau)
    report.headline = _headline(report, pairs_cert)
    return report


def _no_progress(step: str) -> None:
    del step


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


def kernel_obstacle(f: Network, h: Network) -> str | None:
    """Why ``E[f h]`` under N(0, I) has no exact dual-kernel form here (None when it has):
    the first of non-unit hidden weights, non-zero biases, an irrational ``rho`` -- stated
    for the network and value at fault, so the message blames what is actually wrong."""
    if f.act.expr != h.act.expr:
        return (f"{f.name} and {h.name} use different activations ({f.act.name}, "
                f"{h.act.name}): no cross kernel is computed here")
    found = []
    for net in (f, h) if f is not h else (f,):
        norms = sorted(set(row_norms(net.weights).tolist()))
        off = sorted({net.scale_sq * v for v in norms} - {fmpq(1)})
        biases = sorted({b for b in net.biases if b != 0})
        what = []
        if off:
            what.append(f"units of squared norm {', '.join(map(str, off[:3]))}"
                        f"{', ...' if len(off) > 3 else ''} (not 1)")
        if biases:
            what.append(f"units with non-zero bias ({', '.join(map(str, biases[:3]))}"
                        f"{', ...' if len(biases) > 3 else ''})")
        if what:
            found.append(f"{net.name or 'a network'} has " + " and ".join(what))
    if found:
        return "; ".join(dict.fromkeys(found))
    if rho_classes(f, h) is None:
        return (f"rho = <w, v> is irrational (scale_sq {f.scale_sq} * {h.scale_sq} is not the "
                "square of a rational)")
    return None


def _gaussian_pairs(family: Family, certificate: CheckResult, digits: int,
                    step: Callable[[str], None]) -> CheckResult:
    """When the law-free certificate fails for some pairs: decide those pairs' Gaussian inner
    products (the certified pairs stay certified). The claim says what was and was not
    decided."""
    from .checks import combine

    cases = []
    reasons: list[str] = []
    failed = 0
    for (i, j), certified in zip(family.pairs(), certificate.cases, strict=True):
        f, h = family.member(i), family.member(j)
        if certified.verdict is Verdict.VERIFIED:
            cases.append(certified)
            continue
        failed += 1
        claim = f"E[{f.name} {h.name}] = 0 under N(0, I)"
        obstacle = kernel_obstacle(f, h)
        if obstacle is not None:
            reasons.append(obstacle)
            cases.append(CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                                     f"no exact Gaussian kernel: {obstacle}",
                                     {"pair": [i, j]}))
            step(f"pair {i},{j} (Gaussian)")
            continue
        exact, ball, method = gaussian_inner_product(f, h, digits=digits)
        evidence: dict[str, Any] = {"pair": [i, j],
                                    "exact": None if exact is None else str(exact)}
        if ball.is_finite():
            evidence["value_mid"], evidence["value_rad"] = report_ball(ball, digits)
        if exact is not None and sp.simplify(exact) == 0 and ball.contains(0):
            # Exact zero, cross-checked against its own certified enclosure.
            cases.append(CheckResult(Verdict.VERIFIED, Strength.EXACT, claim, method, evidence))
        elif ball.is_finite() and not ball.contains(0):
            cases.append(CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                     method + "; the ball excludes 0", evidence))
        else:
            why = "the ball contains 0" if ball.is_finite() else "the ball is not finite"
            reasons.append(why)
            cases.append(CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                                     f"{method}; {why}", evidence))
        step(f"pair {i},{j} (Gaussian)")
    total = len(cases)
    zero = sum(c.verdict is Verdict.VERIFIED for c in cases) - (total - failed)
    refuted = sum(c.verdict is Verdict.REFUTED for c in cases)
    open_ = sum(c.verdict is Verdict.INCONCLUSIVE for c in cases)
    law_free = (f"law-free certificate: not applicable (classes do not cancel for {failed} of "
                f"{total} pair(s))")
    if open_ and not refuted:
        shown = "; ".join(dict.fromkeys(reasons))
        claim = (f"{family.name}: pairwise orthogonality not decided -- {law_free}; Gaussian "
                 f"inner products: not decided for {open_} pair(s) ({_clip(shown)})"
                 + (f", proved 0 for {zero}" if zero else ""))
    else:
        claim = (f"{family.name}: pairwise orthogonal under N(0, I) ({law_free}; those decided "
                 "by exact/certified Gaussian inner products)")
    return combine(claim, "law-free certificate, then Gaussian inner products", cases,
                   evidence={"law_free_certificate": certificate.to_json(),
                             "pairs_not_law_free": failed, "gaussian_proved_zero": zero,
                             "gaussian_proved_nonzero": refuted, "undecided": open_,
                             "undecided_reasons": list(dict.fromkeys(reasons))[:3]})


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _ball_json(ball: arb, digits: int) -> dict[str, str]:
    mid, rad = report_ball(ball, digits)
    return {"mid": mid, "rad": rad}


def _member_norms(family: Family, representatives: Sequence[int], zero: set[int],
                  digits: int, step: Callable[[str], None]) -> dict[int, dict[str, Any]]:
    """The Gaussian squared norm of each representative member. Members with the same
    invariant classes ``(rho, class sum)`` of ``(f, f)`` and the same activation have the same
    norm under N(0, I) (coordinate permutations of each other, e.g.), computed once."""
    out: dict[int, dict[str, Any]] = {}
    cache: dict[Any, dict[str, Any]] = {}
    for i in representatives:
        f = family.member(i)
        if i in zero:
            out[i] = {"law": "N(0, I)", "exact": "0", "mid": "0", "rad": "0",
                      "method": "parity-reduced form is identically zero", "positive": False}
            step(f"norm {i}")
            continue
        classes = rho_classes(f, f)
        if classes is None:
            out[i] = {"law": "N(0, I)", "exact": None, "positive": None,
                      "method": f"not computed: {kernel_obstacle(f, f)}; see the Monte Carlo "
                                "controls"}
            step(f"norm {i}")
            continue
        key = (str(f.act.expr), frozenset(classes.items()))
        if key not in cache:
            cache[key] = _squared_norm(f, digits)
        out[i] = cache[key]
        step(f"norm {i}")
    return out


def _squared_norm(f: Network, digits: int) -> dict[str, Any]:
    """``E[f^2]`` under N(0, I) with its proved sign: positive when the exact value's or the
    certified ball's lower end is > 0; a non-finite ball is reported as no value."""
    exact, ball, method = gaussian_inner_product(f, f, digits=digits)
    entry: dict[str, Any] = {"law": "N(0, I)", "exact": None if exact is None else str(exact),
                             "method": method}
    if not ball.is_finite():
        entry.update(positive=None, method=method + "; the ball is not finite: no value")
        return entry
    entry.update(_ball_json(ball, digits), _ball=ball)
    entry["positive"] = True if ball > 0 else (False if exact is not None
                                               and sp.simplify(exact) == 0 else None)
    return entry


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    """A norm entry without its private ball (keys starting with '_')."""
    return {k: v for k, v in entry.items() if not k.startswith("_")}


def _parity_forms(f: Network, parity_k: int, ball: arb, digits: int = 20) -> dict[str, Any]:
    """For the parity family: the Hermite form and the degree-k lower bound, which must
    agree with the dual-kernel norm (ggjkk20 A4, A5, A8)."""
    out: dict[str, Any] = {}
    # Exact coefficients are cheap to degree 400 (ReLU's tail decays like d^{-3/2});
    # certified ones decay like exp(-pi sqrt(d)) for smooth activations: 60 suffice.
    terms = 400 if has_exact_form(f.act) else 60
    hermite, tail = parity_norm_hermite(parity_k, f.act, terms=terms, digits=min(digits, 15))
    lower = parity_norm_lower_bound(parity_k, f.act, digits=digits)
    if not (hermite.is_finite() and lower.is_finite()):
        # A non-finite ball is no value: say so instead of comparing it.
        return {"hermite_form": {"exact": None, "method": "not computed: the Hermite-form "
                                 "ball is not finite (raise digits)"}}
    agree = hermite.overlaps(ball)
    out["hermite_form"] = {**_ball_json(hermite, 12), "tail_bound": report_ball(tail, 3)[0],
                           "agrees_with_dual_kernel_form": bool(agree)}
    out["lower_bound_degree_k"] = {**_ball_json(lower, 12),
                                   "holds": bool(lower <= ball or lower.overlaps(ball))}
    if not agree:
        raise AssertionError("the two norm formulas disagree: a bug, please report it")
    return out


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


# ---------------------------------------------------------------------------------------------
# Families from files.

#: Caps on family files, checked before any work.
MAX_FILE_BYTES = 20 * 2**20
#: Total hidden units, and total weight entries, in one JSON family file.
MAX_FILE_UNITS = MAX_UNITS
MAX_FILE_ENTRIES = 2**24
#: A number written in a family file: at most this many characters, and a decimal exponent of
#: at most 4 digits (so "1e999999999" is refused before 10^(10^9) is computed).
_MAX_NUMBER_CHARS = 400
_NUMBER = re.compile(r"[+-]?(\d+(/\d+)?|(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?)")


def load_family_file(path: str) -> Family:
    """A family from a JSON file (format in the README) or a Python file defining
    ``family()`` that returns a Family or a list of Networks.

    Raises ValueError (one line, naming the file) for a missing file, a wrong suffix, a file
    above ``MAX_FILE_BYTES`` (20 MB), invalid or too deeply nested JSON, and for any exception
    raised while running a Python family file (its class, message and line in the file).
    """
    p = Path(path)
    if p.exists() and not p.is_file():
        raise ValueError(f"file={path!r} is not a regular file; give the path of a .json or "
                         ".py family")
    if not p.is_file():
        raise ValueError(f"file={path!r} does not exist; give the path of a .json or .py family")
    if p.suffix not in (".py", ".json"):
        raise ValueError(f"file={path!r} must end in .json or .py")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"file={path!r} has {size} bytes; a family file must be at most 20 MB "
                         f"({MAX_FILE_BYTES} bytes); split the family, or build it in a "
                         "Python family file")
    if p.suffix == ".py":
        return _python_family(p, path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"file={path!r} is not UTF-8 text (byte {exc.start}); save it as "
                         "UTF-8 JSON") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"file={path!r} is not valid JSON (line {exc.lineno}, column "
                         f"{exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ValueError(f"file={path!r} nests JSON too deeply to parse; a family file nests "
                         "4 levels (document, networks, network, weight rows)") from None
    except ValueError as exc:  # e.g. an integer literal beyond Python's digit limit
        raise ValueError(f"file={path!r} holds a number JSON cannot read ({_one_line(exc)}); "
                         f"write numbers with at most {_MAX_NUMBER_CHARS} characters") from None
    return family_from_json(doc, source=path)


def _python_family(p: Path, path: str) -> Family:
    """Run a Python family file; any exception in it becomes one line with its line number."""
    try:
        namespace = runpy.run_path(str(p))
        fn = namespace.get("family")
        if not callable(fn):
            raise ValueError(f"file={path!r} must define a function family() returning a "
                             "Family or a list of Networks")
        value = fn()
    except KeyboardInterrupt:
        raise
    except SyntaxError as exc:
        if Path(exc.filename or "").resolve() != p.resolve():  # in a module it imports
            raise ValueError(f"{path}: SyntaxError at line {_line_in(exc, p)} (in "
                             f"{exc.filename}, line {exc.lineno}: {exc.msg}); fix the family "
                             "file") from None
        raise ValueError(f"{path}: SyntaxError at line {exc.lineno}: {exc.msg}; fix the family "
                         "file") from None
    except (Exception, SystemExit) as exc:
        if isinstance(exc, ValueError) and str(exc).startswith(f"file={path!r}"):
            raise
        raise ValueError(f"{path}: {type(exc).__name__} at line {_line_in(exc, p)}: "
                         f"{_one_line(exc)} (raised while running the family file); fix the "
                         "family file") from None
    if isinstance(value, Family):
        return value
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        if len(value) > MAX_NETWORKS:
            raise ValueError(f"file={path!r}: family() returned {len(value)} networks; the "
                             f"limit is {MAX_NETWORKS}; check a sub-family, or return a Family "
                             "with a symmetry")
        if all(isinstance(v, Network) for v in value):
            return Family.from_networks(value, name=p.stem)
    raise ValueError(f"file={path!r}: family() returned {type(value).__name__}, not a "
                     "Family or a list of Networks")


def _line_in(exc: BaseException, p: Path) -> int | str:
    """The last line of file ``p`` on the exception's traceback ('?' when none)."""
    line: int | str = "?"
    target = p.resolve()
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == target:
            line = lineno
    return line


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def family_from_json(doc: Any, *, source: str = "<json>") -> Family:
    """Build a family from the JSON document described in the README.

    The caps (``MAX_NETWORKS`` networks, ``MAX_FILE_UNITS`` hidden units and
    ``MAX_FILE_ENTRIES`` weight entries in all) are checked before any network is built.
    """
    if not isinstance(doc, dict):
        raise ValueError(f"{source}: the top level must be an object with 'activation' and "
                         "'networks'")
    for key in ("activation", "networks"):
        if key not in doc:
            raise ValueError(f"{source}: missing field {key!r}")
    nets_doc = doc["networks"]
    if not isinstance(nets_doc, list) or not nets_doc:
        raise ValueError(f"{source}: field 'networks' must be a non-empty list")
    if len(nets_doc) > MAX_NETWORKS:
        raise ValueError(f"{source}: networks has {len(nets_doc)} entries; the limit is "
                         f"{MAX_NETWORKS}; check a sub-family")
    units = entries = 0
    for item in nets_doc:
        rows = item.get("weights") if isinstance(item, dict) else None
        if isinstance(rows, list):
            units += len(rows)
            entries += sum(len(r) for r in rows if isinstance(r, list))
    if units > MAX_FILE_UNITS or entries > MAX_FILE_ENTRIES:
        raise ValueError(f"{source}: {units} hidden units with {entries} weight entries; the "
                         f"limits are {MAX_FILE_UNITS} units and {MAX_FILE_ENTRIES} entries; "
                         "check a sub-family, or build it in a Python family file")
    act = activation(str(doc["activation"]))
    networks = [_network_from_json(item, act, f"{source}: networks[{i}]")
                for i, item in enumerate(nets_doc)]
    return Family.from_networks(networks, name=str(doc.get("name", Path(source).stem)))


def _rational(value: Any, where: str) -> Fraction:
    """An integer or a rational string ("1/3", "0.25", "1e-3") read exactly; bounded in size
    before it is computed (``_MAX_NUMBER_CHARS``, a 4-digit exponent, ``exact_rational``'s
    bit cap)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"{where}={_short(value)} must be an integer or a string such as "
                         "\"1/3\" (exact; floats are not accepted)")
    if isinstance(value, str):
        if len(value) > _MAX_NUMBER_CHARS:
            raise ValueError(f"{where}={_short(value)} has {len(value)} characters; a number "
                             f"must have at most {_MAX_NUMBER_CHARS}")
        if not _NUMBER.fullmatch(value.strip()):
            raise ValueError(f"{where}={value!r} is not an exact rational such as \"1/3\" (or "
                             "has an exponent of more than 4 digits)")
    elif value.bit_length() > 4 * _MAX_NUMBER_CHARS:
        raise ValueError(f"{where}={_short(value)} has {value.bit_length()} bits; write "
                         "smaller numbers (rescale the network)")
    try:
        q = Fraction(value.strip() if isinstance(value, str) else value)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{where}={value!r} is not an exact rational such as \"1/3\"") from None
    if max(q.numerator.bit_length(), q.denominator.bit_length()) > MAX_RATIONAL_BITS:
        raise ValueError(f"{where}={_short(value)} must have numerator and denominator of at "
                         f"most {MAX_RATIONAL_BITS} bits (about 300 digits); rescale the "
                         "network")
    return q


def _short(v: object) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


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
            den = den * v.denominator // math.gcd(den, v.denominator)
            if den >= 2**62:
                raise ValueError(f"{where}.weights: the common denominator of the weights "
                                 f"reaches {_short(den)}; it must stay below 2^62: put a "
                                 "common factor into scale_sq instead")
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
