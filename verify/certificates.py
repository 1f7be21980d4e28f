"""Exact orthogonality certificates, free of the activation and of the law.

**Invariant cancellation.** For a rotation-invariant law D and any activation,
``E_D[sigma(<w,x> + b) sigma(<v,x> + c)]`` depends only on the *invariant class*
``(|w|^2, |v|^2, <w,v>, b, c)`` (rotate w, v into a fixed plane). Hence

    E_D[f h] = sum_classes K_D(class) * (sum of a_i c_j over unit pairs in that class),

and if every class sum is exactly 0, then ``E_D[f h] = 0`` for **every** spherically symmetric
D (whenever the expectations exist) and **every** activation. Likewise ``E_D[f] = 0`` when the
output weights cancel within each class ``(|w|^2, b)``. Computed in integer arithmetic from the
integer weight matrices (:class:`verify.networks.Network`).

**Symmetry witness.** A coordinate sign flip ``R_i`` with ``f∘R_i = -f`` and ``h∘R_i = h`` (as
networks: equal unit tables) also proves ``E_D[f h] = 0`` for every law invariant under
``R_i`` -- a wider class than rotation-invariant laws (i.i.d. Laplace, the hypercube).

A failed certificate is not a refutation: orthogonality may still hold for a particular
activation (ReLU's vanishing odd coefficients) or law. The result is then INCONCLUSIVE and
names the classes that do not cancel.

>>> from verify.networks import parity_network
>>> f = parity_network(6, (0, 1), "relu"); h = parity_network(6, (1, 2), "relu")
>>> r = orthogonality_certificate(f, h)
>>> r.verdict.value, r.strength.value, r.evidence["classes"]
('verified', 'exact', 2)
"""

from __future__ import annotations

from collections.abc import Callable

from flint import fmpq

from .checks import CheckResult, Strength, Verdict
from .networks import Family, Network, class_sums, row_norms


def orthogonality_certificate(f: Network, h: Network) -> CheckResult:
    """Exact, law-free and activation-free certificate that ``E_D[f h] = 0`` for every
    spherically symmetric D (see module docstring). INCONCLUSIVE when classes do not cancel."""
    sums = class_sums(f, h)
    bad = {k: v for k, v in sums.items() if v != 0}
    claim = (f"E_D[{f.name} {h.name}] = 0 for every spherically symmetric D and every "
             "activation")
    evidence: dict = {"classes": len(sums), "unit_pairs": f.units * h.units,
                      "invariant": "(|W_i|^2, |V_j|^2, <W_i,V_j>, b_i, c_j), integer scale"}
    if not bad:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim,
                           "invariant-class cancellation (integer arithmetic)", evidence)
    shown = sorted(bad.items(), key=lambda kv: -abs(kv[1]))[:5]
    evidence["non_cancelling_classes"] = len(bad)
    evidence["examples"] = [{"class": list(k), "sum_of_output_products": str(v)}
                            for k, v in shown]
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                       "invariant classes do not all cancel: orthogonality, if true, depends "
                       "on the activation or the law", evidence)


def mean_zero_certificate(f: Network) -> CheckResult:
    """Exact certificate that ``E_D[f] = 0`` for every spherically symmetric D and activation:
    output weights cancel within each class ``(|W_j|^2, b_j)``."""
    classes: dict[tuple[int, fmpq], fmpq] = {}
    norms = row_norms(f.weights).tolist()
    for nsq, b, a in zip(norms, f.biases, f.outputs, strict=True):
        classes[(nsq, b)] = classes.get((nsq, b), fmpq(0)) + a
    bad = {k: v for k, v in classes.items() if v != 0}
    claim = f"E_D[{f.name}] = 0 for every spherically symmetric D and every activation"
    evidence: dict = {"classes": len(classes)}
    if not bad:
        return CheckResult(Verdict.VERIFIED, Strength.EXACT, claim,
                           "output weights cancel per class (|w|^2, b)", evidence)
    evidence["non_cancelling_classes"] = len(bad)
    evidence["examples"] = [{"norm_sq": int(k[0]), "bias": str(k[1]), "sum": str(v)}
                            for k, v in list(bad.items())[:5]]
    return CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim,
                       "output weights do not cancel per class", evidence)


def sign_flip_witness(f: Network, h: Network) -> int | None:
    """A coordinate i with ``f∘R_i = -f`` and ``h∘R_i = h`` exactly (as networks), or None."""
    minus_f = {k: -v for k, v in f.unit_table().items()}
    table_h = h.unit_table()
    for i in range(f.n):
        if f.reflected(i).unit_table() == minus_f and h.reflected(i).unit_table() == table_h:
            return i
    return None


def pairs_certificate(family: Family, *, progress: Callable[[str], None] | None = None
                      ) -> CheckResult | None:
    """Certify every pair of the family (orbit representatives when a symmetry is declared):
    pairwise orthogonality alone, under every spherically symmetric law and every activation.
    None for a one-network family (no pair to decide). ``progress`` is called after each pair
    (``"pair i,j"``), so that a caller can stop between steps."""
    from .checks import combine

    cases = []
    for i, j in family.pairs():
        cases.append(orthogonality_certificate(family.member(i), family.member(j)))
        if progress is not None:
            progress(f"pair {i},{j}")
    if not cases:
        return None
    scope = _scope(family)
    return combine(f"{family.name}: pairwise orthogonal under every spherically symmetric law "
                   f"and every activation ({scope})", "invariant-class cancellation", cases,
                   evidence={"pairs_checked": len(cases), "scope": scope})


def members_mean_zero_certificate(family: Family) -> CheckResult:
    """``E_D[f] = 0`` for every member, every spherically symmetric D and every activation
    (under a declared symmetry: member 0, whose images under it are the other members)."""
    from .checks import combine

    members = [0] if family.pair_representatives is not None else range(family.size)
    cases = [mean_zero_certificate(family.member(i)) for i in members]
    scope = ("member 0 (the others are its images under "
             f"{family.symmetry})" if family.pair_representatives is not None
             else "every member")
    failing = [i for i, c in zip(members, cases, strict=True)
               if c.verdict is not Verdict.VERIFIED]
    return combine(f"{family.name}: every member has mean zero under every spherically "
                   f"symmetric law and every activation ({scope})",
                   "output weights cancel per class (|w|^2, b)", cases,
                   evidence={"members_checked": len(cases), "scope": scope,
                             "not_certified": failing[:50],
                             "not_certified_count": len(failing)})


def family_certificate(family: Family) -> CheckResult:
    """Both properties at once: every pair certified orthogonal (:func:`pairs_certificate`)
    *and* every member certified mean zero (:func:`members_mean_zero_certificate`). The
    conjunction is what a law-free argument for "orthogonal to the constants too" needs; the
    two are reported separately by :func:`verify.family_check.check_family`."""
    from .checks import combine

    pairs = pairs_certificate(family)
    mean = members_mean_zero_certificate(family)
    cases = [*(pairs.cases if pairs is not None else ()), *mean.cases]
    scope = _scope(family)
    return combine(f"{family.name}: pairwise orthogonal and mean zero under every spherically "
                   f"symmetric law and every activation ({scope})", "invariant-class "
                   "cancellation", cases,
                   evidence={"pairs_checked": len(cases) - len(mean.cases), "scope": scope})


def _scope(family: Family) -> str:
    return (f"one pair per orbit under {family.symmetry}" if family.pair_representatives
            is not None else "every pair")
