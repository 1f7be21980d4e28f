"""Gram matrices of families under N(0, I): exact entries where a closed form applies,
certified balls otherwise, and the status of every entry.

For networks ``f = sum_i a_i sigma(<w_i, x> + b_i)`` and ``h = sum_j c_j tau(<v_j, x> + c_j)``
the entry is ``G[f, h] = E[f(x) h(x)]``, ``x ~ N(0, I_n)`` (convention: probabilists' Hermite,
DESIGN.md "Conventions"). Methods, in order:

1. **law-free** -- a member proved to be the zero function (its parity-reduced form vanishes,
   :func:`verify.networks.is_identically_zero`) gives 0, and so does a pair whose invariant
   classes ``(|W_i|^2, |V_j|^2, <W_i, V_j>, b_i, c_j)`` all have output-weight sum 0
   (:func:`verify.networks.class_sums`): exactly 0 under every spherically symmetric law and
   every activation;
2. **dual kernel** -- for unit-norm, zero-bias hidden units with one activation and rational
   ``rho = <w, v>`` (:func:`rho_classes`): ``G = sum_rho (class sum) K(rho)`` with
   ``K(rho) = E[sigma(g) sigma(g')]``, exact for the closed-form kernels (relu, abs, sign, step,
   erf) and a certified Mehler series with proved tail otherwise
   (:func:`gaussian_inner_product`);
3. otherwise the entry is **undecided**, and :func:`kernel_obstacle` says why (non-unit rows,
   biases, an irrational rho, two activations) -- never a float guess.

Every :class:`GramEntry` carries ``status`` in {"exact", "certified", "undecided"}, the exact
value (SymPy) when known, the certified ball (its exact value is inside it), the method and,
for an undecided entry, the reason. :func:`gram_matrix` computes a whole family;
:func:`gaussian_orthogonality` and :func:`member_norms` are what ``verify family`` reports.
The parity family's norm in its three forms (ggjkk20 A4, A5, A8) is here too.

>>> from verify.networks import parity_family
>>> g = gram_matrix(parity_family(3, 2, "relu"), digits=10)
>>> [g.entry(0, j).status for j in range(3)], str(g.entry(0, 1).exact)
(['exact', 'exact', 'exact'], '0')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy as sp
from flint import arb, fmpq

from .activations import Activation
from .checks import CheckResult, Strength, Verdict
from .networks import Family, Network, class_sums, is_identically_zero, parity_network, row_norms
from .numbers import report_ball

#: Entries of one :func:`gram_matrix` call (the upper triangle, diagonal included).
MAX_GRAM_ENTRIES = 20_000
#: Statuses of a Gram entry.
STATUSES = ("exact", "certified", "undecided")


@dataclass(frozen=True)
class GramEntry:
    """``E[f_i f_j]`` under N(0, I) with its status.

    ``status``: "exact" (``exact`` is the SymPy value; ``ball`` encloses it), "certified"
    (``ball`` is a certified enclosure, ``exact`` is None) or "undecided" (``reason`` says why;
    ``ball`` is None or not finite)."""

    i: int
    j: int
    status: str
    exact: Any
    ball: arb | None
    method: str
    reason: str | None = None

    @property
    def zero(self) -> bool | None:
        """True when the entry is proved 0 (exact 0, inside its own ball), False when proved
        non-zero (a finite ball excluding 0), None when undecided."""
        if self.ball is None or not self.ball.is_finite():
            return None
        if self.exact is not None and sp.simplify(self.exact) == 0 and self.ball.contains(0):
            return True
        return False if not self.ball.contains(0) else None

    @property
    def positive(self) -> bool | None:
        """True when proved > 0 (the ball's lower end), False when proved 0, else None."""
        if self.ball is None or not self.ball.is_finite():
            return None
        if self.ball > 0:
            return True
        return False if self.zero else None

    def to_json(self, digits: int) -> dict[str, Any]:
        """``{i, j, status, exact, mid, rad, method[, reason]}`` (mid/rad as decimal strings to
        ``digits`` digits; None when there is no finite ball)."""
        out: dict[str, Any] = {"i": self.i, "j": self.j, "status": self.status,
                               "exact": None if self.exact is None else str(self.exact),
                               "mid": None, "rad": None, "method": self.method}
        if self.ball is not None and self.ball.is_finite():
            out["mid"], out["rad"] = report_ball(self.ball, digits)
        if self.reason is not None:
            out["reason"] = self.reason
        return out


def gram_entry(f: Network, h: Network, *, digits: int = 20, i: int = 0, j: int = 1,
               law_free: bool = True) -> GramEntry:
    """``E[f h]`` under N(0, I) by the first method of the module docstring that applies
    (``law_free=False`` skips the law-free tests -- a member proved to be the zero function,
    cancelling classes -- for pairs whose certificate already failed). ``i, j`` only label the
    entry.

    Raises ValueError when the networks read different dimensions or ``digits`` is invalid.
    """
    from .numbers import check_digits

    check_digits(digits)
    if f.n != h.n:
        raise ValueError(f"networks {f.name!r} and {h.name!r} read different dimensions "
                         f"({f.n} and {h.n}); a Gram entry needs one x")
    if law_free and (is_identically_zero(f) or is_identically_zero(h)):
        return GramEntry(i, j, "exact", sp.Integer(0), arb(0),
                         "a member is the zero function (exact, parity-reduced form)")
    obstacle = _unit_obstacle(f, h)
    sums = None
    if law_free or obstacle is None:
        try:
            sums = class_sums(f, h)
        except ValueError:  # too many unit pairs to group: no shortcut (rho_classes says so)
            sums = None
    if law_free and sums is not None and all(v == 0 for v in sums.values()):
        return GramEntry(i, j, "exact", sp.Integer(0), arb(0),
                         "invariant classes cancel (law-free, exact)")
    classes = None
    if obstacle is None:
        classes = rho_classes(f, h) if sums is None else _rho_from_sums(f, h, sums)
        if classes is None:
            obstacle = _IRRATIONAL.format(f.scale_sq, h.scale_sq)
    if obstacle is not None or classes is None:
        return GramEntry(i, j, "undecided", None, None, f"no exact Gaussian kernel: {obstacle}",
                         obstacle)
    exact, ball, method = _from_classes(f, classes, digits)
    if not ball.is_finite():
        return GramEntry(i, j, "undecided", exact, ball, method, "the ball is not finite")
    return GramEntry(i, j, "exact" if exact is not None else "certified", exact, ball, method)


@dataclass(frozen=True)
class GramMatrix:
    """The Gram matrix of ``members`` of a family under N(0, I): ``entries[(a, b)]`` for
    positions ``a <= b`` in ``members``; :meth:`entry` is symmetric."""

    family: str
    members: tuple[int, ...]
    entries: dict[tuple[int, int], GramEntry]

    def entry(self, a: int, b: int) -> GramEntry:
        """The entry for positions ``a``, ``b`` (either order)."""
        return self.entries[(a, b) if a <= b else (b, a)]

    def to_json(self, digits: int) -> dict[str, Any]:
        """``{family, law, members, entries}`` with ``entries`` the full symmetric matrix of
        ``{exact, mid, rad, status, ...}`` (see :meth:`GramEntry.to_json`)."""
        size = len(self.members)
        rows = [[self.entry(a, b).to_json(digits) for b in range(size)] for a in range(size)]
        for a, row in enumerate(rows):
            for b, cell in enumerate(row):
                cell["i"], cell["j"] = self.members[a], self.members[b]
        return {"family": self.family, "law": "N(0, I)", "members": list(self.members),
                "entries": rows}


def gram_matrix(family: Family, *, digits: int = 20, members: Sequence[int] | None = None,
                progress: Callable[[str], None] | None = None) -> GramMatrix:
    """``G[a, b] = E[f_a f_b]`` under N(0, I) for the given members (default: all), each entry
    with its status (:func:`gram_entry`). Entries whose pairs have the same activations and the
    same invariant classes ``rho -> class sum`` are equal and computed once. ``progress`` is
    called after each entry (``"gram i,j"``).

    Raises TypeError for a non-Family; ValueError for an invalid member index, or more than
    ``MAX_GRAM_ENTRIES`` entries (ask for fewer ``members``).
    """
    from .numbers import check_digits

    if not isinstance(family, Family):
        raise TypeError(f"family={type(family).__name__} must be a verify.networks.Family")
    check_digits(digits)
    chosen = tuple(range(family.size)) if members is None else tuple(members)
    bad = next((m for m in chosen if isinstance(m, bool) or not isinstance(m, int)
                or not 0 <= m < family.size), None)
    if bad is not None:
        raise ValueError(f"members contains {bad!r}; a member is an integer in "
                         f"0..{family.size - 1}")
    count = len(chosen) * (len(chosen) + 1) // 2
    if count > MAX_GRAM_ENTRIES:
        raise ValueError(f"a Gram matrix of {len(chosen)} members has {count} entries; the limit "
                         f"is {MAX_GRAM_ENTRIES}; pass members= with at most "
                         f"{math.isqrt(2 * MAX_GRAM_ENTRIES) - 1} of them")
    cache: dict[Any, GramEntry] = {}
    entries: dict[tuple[int, int], GramEntry] = {}
    for a, p in enumerate(chosen):
        for b in range(a, len(chosen)):
            f, h = family.member(p), family.member(chosen[b])
            classes = rho_classes(f, h) if f.act.expr == h.act.expr else None
            key = None if classes is None else (str(f.act.expr), frozenset(classes.items()))
            if key is not None and key in cache:
                e = cache[key]
                entries[(a, b)] = GramEntry(p, chosen[b], e.status, e.exact, e.ball, e.method,
                                            e.reason)
            else:
                entries[(a, b)] = gram_entry(f, h, digits=digits, i=p, j=chosen[b])
                if key is not None:
                    cache[key] = entries[(a, b)]
            if progress is not None:
                progress(f"gram {p},{chosen[b]}")
    return GramMatrix(family.name, chosen, entries)


def kernel_obstacle(f: Network, h: Network) -> str | None:
    """Why ``E[f h]`` under N(0, I) has no exact dual-kernel form here (None when it has):
    the first of two activations, non-unit hidden weights, non-zero biases, an irrational
    ``rho`` -- stated for the network and value at fault, so the message blames what is
    actually wrong."""
    obstacle = _unit_obstacle(f, h)
    if obstacle is None and rho_classes(f, h) is None:
        return _IRRATIONAL.format(f.scale_sq, h.scale_sq)
    return obstacle


_IRRATIONAL = ("rho = <w, v> is irrational (scale_sq {} * {} is not the square of a "
               "rational)")


def _unit_obstacle(f: Network, h: Network) -> str | None:
    """:func:`kernel_obstacle` without the rho test (cheap: no unit pairs are grouped)."""
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
    return "; ".join(dict.fromkeys(found)) if found else None


def gaussian_orthogonality(family: Family, certificate: CheckResult, *, digits: int = 20,
                           progress: Callable[[str], None] | None = None) -> CheckResult:
    """Pairwise orthogonality under N(0, I) when the law-free certificate (``certificate``, one
    case per pair of ``family.pairs()``) fails for some pairs: those pairs' Gram entries decide
    (the certified pairs stay certified). A pair is VERIFIED (exact) when its entry is exactly
    0 inside its own ball, REFUTED (certified) when its ball excludes 0, INCONCLUSIVE otherwise;
    the claim says what was and was not decided and why."""
    from .checks import combine

    step = progress if progress is not None else _no_progress
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
        entry = gram_entry(f, h, digits=digits, i=i, j=j, law_free=False)
        if entry.ball is None:  # no exact kernel for this pair
            reasons.append(entry.reason or "")
            cases.append(CheckResult(Verdict.INCONCLUSIVE, Strength.EXACT, claim, entry.method,
                                     {"pair": [i, j]}))
            step(f"pair {i},{j} (Gaussian)")
            continue
        evidence: dict[str, Any] = {"pair": [i, j],
                                    "exact": None if entry.exact is None else str(entry.exact)}
        if entry.ball.is_finite():
            evidence["value_mid"], evidence["value_rad"] = report_ball(entry.ball, digits)
        zero = entry.zero
        if zero:  # exact zero, cross-checked against its own certified enclosure
            cases.append(CheckResult(Verdict.VERIFIED, Strength.EXACT, claim, entry.method,
                                     evidence))
        elif zero is False:
            cases.append(CheckResult(Verdict.REFUTED, Strength.CERTIFIED, claim,
                                     entry.method + "; the ball excludes 0", evidence))
        else:
            why = "the ball contains 0" if entry.ball.is_finite() else "the ball is not finite"
            reasons.append(why)
            cases.append(CheckResult(Verdict.INCONCLUSIVE, Strength.CERTIFIED, claim,
                                     f"{entry.method}; {why}", evidence))
        step(f"pair {i},{j} (Gaussian)")
    total = len(cases)
    zero_count = sum(c.verdict is Verdict.VERIFIED for c in cases) - (total - failed)
    refuted = sum(c.verdict is Verdict.REFUTED for c in cases)
    open_ = sum(c.verdict is Verdict.INCONCLUSIVE for c in cases)
    law_free = (f"law-free certificate: not applicable (classes do not cancel for {failed} of "
                f"{total} pair(s))")
    if open_ and not refuted:
        shown = "; ".join(dict.fromkeys(reasons))
        claim = (f"{family.name}: pairwise orthogonality not decided -- {law_free}; Gaussian "
                 f"inner products: not decided for {open_} pair(s) ({_clip(shown)})"
                 + (f", proved 0 for {zero_count}" if zero_count else ""))
    else:
        claim = (f"{family.name}: pairwise orthogonal under N(0, I) ({law_free}; those decided "
                 "by exact/certified Gaussian inner products)")
    return combine(claim, "law-free certificate, then Gaussian inner products", cases,
                   evidence={"law_free_certificate": certificate.to_json(),
                             "pairs_not_law_free": failed, "gaussian_proved_zero": zero_count,
                             "gaussian_proved_nonzero": refuted, "undecided": open_,
                             "undecided_reasons": list(dict.fromkeys(reasons))[:3]})


def _no_progress(step: str) -> None:
    del step


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def ball_json(ball: arb, digits: int) -> dict[str, str]:
    """``{"mid", "rad"}`` of a finite ball, as reported to ``digits`` digits."""
    mid, rad = report_ball(ball, digits)
    return {"mid": mid, "rad": rad}


def member_norms(family: Family, representatives: Sequence[int], zero: set[int], *,
                 digits: int = 20, progress: Callable[[str], None] | None = None
                 ) -> dict[int, dict[str, Any]]:
    """The Gaussian squared norm ``E[f^2]`` of each representative member, as a report entry
    ``{law, exact, mid, rad, method, positive}`` (``positive``: True proved > 0, False proved 0,
    None not decided) plus the private ball ``_ball``. Members in ``zero`` (proved zero) are
    not computed. Members with the same activation and invariant classes ``rho -> class sum``
    of ``(f, f)`` have the same norm (coordinate permutations of each other, e.g.): computed
    once."""
    step = progress if progress is not None else _no_progress
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
        key = None if classes is None else (str(f.act.expr), frozenset(classes.items()))
        if key is None or key not in cache:
            entry = _norm_json(gram_entry(f, f, digits=digits, i=i, j=i), digits)
            if key is None:
                out[i] = entry
                step(f"norm {i}")
                continue
            cache[key] = entry
        out[i] = cache[key]
        step(f"norm {i}")
    return out


def _norm_json(entry: GramEntry, digits: int) -> dict[str, Any]:
    """A diagonal Gram entry as a norm report entry (see :func:`member_norms`); a non-finite
    ball is reported as no value."""
    if entry.ball is None:
        return {"law": "N(0, I)", "exact": None, "positive": None,
                "method": f"not computed: {entry.reason}; see the Monte Carlo controls"}
    out: dict[str, Any] = {"law": "N(0, I)",
                           "exact": None if entry.exact is None else str(entry.exact),
                           "method": entry.method}
    if not entry.ball.is_finite():
        out.update(positive=None, method=entry.method + "; the ball is not finite: no value")
        return out
    out.update(ball_json(entry.ball, digits), _ball=entry.ball, positive=entry.positive)
    return out


def parity_norm_forms(f: Network, parity_k: int, ball: arb, digits: int = 20
                      ) -> dict[str, Any]:
    """For the parity family: the Hermite form (ggjkk20 A4) and the degree-k lower bound (A8)
    of ``|f_S|^2``, which must agree with ``ball``, its dual-kernel form (A5).

    Raises AssertionError when the two forms' balls are disjoint (a bug in verify)."""
    from .hermite import has_exact_form

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
    out: dict[str, Any] = {
        "hermite_form": {**ball_json(hermite, 12), "tail_bound": report_ball(tail, 3)[0],
                         "agrees_with_dual_kernel_form": bool(agree)},
        "lower_bound_degree_k": {**ball_json(lower, 12),
                                 "holds": bool(lower <= ball or lower.overlaps(ball))}}
    if not agree:
        raise AssertionError("the two norm formulas disagree: a bug, please report it")
    return out


# ---------------------------------------------------------------------------------------------
# Inner products under the Gaussian, and the parity family's norm.

def rho_classes(f: Network, h: Network) -> dict[fmpq, Fraction] | None:
    """For networks whose hidden weights all have norm 1 and whose biases are 0: the exact map
    ``rho = <w_i, v_j> -> sum of a_i c_j``; None otherwise.

    ``rho`` is rational when ``scale_sq(f) * scale_sq(h)`` is a rational square (as for equal
    scales); otherwise None as well.
    """
    if any(b != 0 for b in (*f.biases, *h.biases)):
        return None
    for net in (f, h):
        norms = set(row_norms(net.weights).tolist())
        if len(norms) != 1 or net.scale_sq * norms.pop() != 1:
            return None
    if _rational_sqrt(f.scale_sq * h.scale_sq) is None:
        return None
    return _rho_from_sums(f, h, class_sums(f, h))


def _rho_from_sums(f: Network, h: Network, sums: dict[tuple[int, ...], Fraction]
                   ) -> dict[fmpq, Fraction] | None:
    """:func:`rho_classes` from the pair's class sums (its unit-norm, zero-bias conditions
    re-checked here, so a caller cannot get rho classes for units that have none)."""
    if any(b != 0 for b in (*f.biases, *h.biases)):
        return None
    for net in (f, h):
        norms = set(row_norms(net.weights).tolist())
        if len(norms) != 1 or net.scale_sq * norms.pop() != 1:
            return None
    root = _rational_sqrt(f.scale_sq * h.scale_sq)
    if root is None:
        return None
    out: dict[fmpq, Fraction] = {}
    for key, value in sums.items():
        if value != 0:
            rho = root * key[2]
            out[rho] = out.get(rho, Fraction(0)) + value
    return {r: v for r, v in out.items() if v != 0}


def _rational_sqrt(q: fmpq) -> fmpq | None:
    p_root, q_root = math.isqrt(int(q.p)), math.isqrt(int(q.q))
    if p_root * p_root == q.p and q_root * q_root == q.q:
        return fmpq(p_root, q_root)
    return None


def gaussian_inner_product(f: Network, h: Network, *, digits: int = 20
                           ) -> tuple[object, arb, str]:
    """``E[f(x) h(x)]`` for ``x ~ N(0, I_n)``, for unit-norm, zero-bias hidden units.

    ``E[sigma(<w,x>) sigma(<v,x>)] = K(<w,v>)`` (the dual kernel), so
    ``E[f h] = sum_rho (class sum) K(rho)``. Returns ``(exact, ball, method)``: ``exact`` is a
    SymPy number when the activation has a closed-form kernel (relu, abs, sign, step, erf),
    else None, and the ball is certified either way (series with proved tail).
    """
    if f.act.expr != h.act.expr:
        raise ValueError("both networks must use the same activation")
    classes = rho_classes(f, h)
    if classes is None:
        raise ValueError("gaussian_inner_product needs unit-norm hidden weights and zero biases "
                         "(rescale the weights into the activation); use Monte Carlo otherwise")
    return _from_classes(f, classes, digits)


def _from_classes(f: Network, classes: dict[fmpq, Fraction], digits: int
                  ) -> tuple[object, arb, str]:
    """:func:`gaussian_inner_product` from the pair's rho classes (``f``'s activation, which
    both networks share)."""
    from .expressions import SYMBOLS, arb_value
    from .kernels import cross_kernel, kernel_closed_form
    from .numbers import guard_bits, workprec

    if not classes:
        with workprec(guard_bits(digits)):
            return sp.Integer(0), arb(0), "every invariant class cancels"
    closed = kernel_closed_form(f.act)
    rhos = sorted(classes)
    with workprec(guard_bits(digits, extra=30)):
        if closed is not None:
            rho = SYMBOLS["rho"]
            exact = sp.Add(*(sp.Rational(int(v.numerator), int(v.denominator))
                             * closed.subs(rho, sp.Rational(int(r.p), int(r.q)))
                             for r, v in classes.items()))
            exact = _canonical(exact)
            ball = arb_value(exact)
            return exact, ball, f"closed-form dual kernel at {len(rhos)} correlations"
        inner = [r for r in rhos if abs(r) < 1]
        balls, terms = cross_kernel(f.act, f.act, inner, digits=digits + 3) if inner else ([], 0)
        values = dict(zip(inner, balls, strict=True))
        total = arb(0)
        for r, v in classes.items():
            if abs(r) == 1:
                from .activations import activation as make

                prod = make(f.act.expr * f.act.expr.subs(SYMBOLS["x"], int(r.p) * SYMBOLS["x"]))
                from .hermite import hermite_coefficient

                k_val = hermite_coefficient(prod, 0, digits=digits + 3).ball
            else:
                k_val = values[r]
            total += arb(fmpq(int(v.numerator), int(v.denominator))) * k_val
        return None, total, f"certified dual-kernel series ({terms} terms) at {len(rhos)} rho"


def _canonical(e: object) -> object:
    """Collect a sum of kernel values: ``acos(-a) = pi - acos(a)``, ``asin(-a) = -asin(a)``,
    then expand, so that cancelling terms cancel exactly."""
    import sympy as sp

    a = sp.Wild("a", properties=[lambda t: t.is_number and t.is_negative])
    out = sp.sympify(e).replace(sp.acos(a), lambda a: sp.pi - sp.acos(-a))
    out = out.replace(sp.asin(a), lambda a: -sp.asin(-a))
    return sp.nsimplify(sp.expand(out)) if sp.expand(out).is_Rational else sp.expand(out)


def parity_norm_dual_kernel(k: int, act: Activation, *, digits: int = 20
                            ) -> tuple[object, arb, str]:
    """``|f_S|^2 = 2^k sum_j (-1)^j C(k,j) K(1 - 2j/k)`` under N(0, I) (ggjkk20 A5), computed
    from the network's invariant classes (the same sum, grouped)."""
    f = parity_network(k, tuple(range(k)), act)
    return gaussian_inner_product(f, f, digits=digits)


def parity_norm_hermite(k: int, act: Activation, *, terms: int = 400, digits: int = 20
                        ) -> tuple[arb, arb]:
    """``|f_S|^2 = 2^k sum_d c_d^2 k^{-d} sum_j (-1)^j C(k,j) (k-2j)^d`` (ggjkk20 A4), summed
    to ``d <= terms`` with the proved tail ``<= 2^k B (E[sigma^2] - sum_{d<=terms} c_d^2)``:
    ``I_d = sum_j (-1)^j C(k,j) (1 - 2j/k)^d`` is >= 0 (it is ``d! k^-d [t^d] (2 sinh t)^k``)
    and, its terms j = 0 and j = k giving 2 for d = k mod 2 and every other |1 - 2j/k| being
    at most |k-2|/k, ``I_d <= B = 2 + (2^k - 2) (|k-2|/k)^(terms+1)`` for d > terms (the
    cruder ``I_d <= 2^k`` is too loose for k >= 11). Returns ``(ball, tail bound)``."""
    from .hermite import hermite_coefficients, second_moment
    from .numbers import guard_bits, workprec

    with workprec(guard_bits(digits, extra=40 + 2 * k)):
        coeffs = hermite_coefficients(act, terms, digits=digits)
        total, partial = arb(0), arb(0)
        kk = arb(k)
        binoms = [math.comb(k, j) * (-1) ** j for j in range(k + 1)]
        for d, c in enumerate(coeffs):
            sq = c.ball * c.ball
            partial += sq
            if d < k or (d - k) % 2:
                continue
            inner = sum((b * arb(k - 2 * j) ** d for j, b in enumerate(binoms)), arb(0))
            total += sq * inner / kk**d
        total *= arb(2) ** k
        inner_bound = 2 + (arb(2) ** k - 2) * (arb(abs(k - 2)) / k) ** (terms + 1)
        tail = arb(2) ** k * inner_bound * (second_moment(act, digits=digits)
                                            - partial).nonnegative_part()
        return total + arb(0, tail.upper()), arb(tail.upper())


def parity_norm_lower_bound(k: int, act: Activation, *, digits: int = 20) -> arb:
    """``|f_S|^2 >= 4^k k!/k^k c_k^2`` (ggjkk20 A8: keep only the degree-k Hermite term)."""
    from .hermite import hermite_coefficient
    from .numbers import guard_bits, workprec

    with workprec(guard_bits(digits, extra=20)):
        c = hermite_coefficient(act, k, digits=digits).ball
        return arb(4) ** k * arb.fac_ui(k) / arb(k) ** k * c * c
