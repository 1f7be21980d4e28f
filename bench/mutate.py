"""A small, reproducible mutation campaign on verify's core (issue 13, "Rigour").

What it does, for each named mutant in :data:`MUTANTS` (file, exact source snippet,
replacement):

1. exports the commit under test (``git archive <rev>``, default HEAD) into a scratch
   directory ``/tmp/verify_mut/<name>`` -- the live checkout is never touched, and uncommitted
   edits (of anyone) are not part of the campaign;
2. replaces the snippet, which must occur **exactly once** in that file; otherwise the mutant
   is recorded as ``snippet not found`` / ``snippet ambiguous`` (the core moves while others
   edit it: the script reports and goes on, it never crashes on a moved snippet);
3. runs a fast test selection for that file with the venv's pytest, in the scratch copy
   (``-x -q -p no:cacheprovider``, ``PYTHONPATH`` set to the copy, so the mutated package is the
   one imported -- checked once per run), with a timeout per mutant;
4. records ``killed`` (a test failed: the first failing test is named), ``survived`` (the
   whole selection passed), ``timeout`` (counted as detected, reported separately) or
   ``snippet not found``.

Before the mutants, the unmutated export runs every selected test file once (the baseline);
a file failing there is dropped from every selection and listed in the report, so a "kill"
always means the mutation broke a test that passes without it.

Output: a table on stdout and ``bench/MUTATION.md`` (date, commit, per mutant: file, what
changed, verdict, the killing test). One mutant at a time (the machine is shared); a full run
takes about 15-25 minutes on two loaded cores.

Usage (from the repository root, venv active)::

    python bench/mutate.py                     # every mutant, writes bench/MUTATION.md
    python bench/mutate.py --only a_overlap_verifies,c_hermite_tail_dropped  # re-run some;
                                            # --write appends them to bench/MUTATION.md
    python bench/mutate.py --list              # names, files, snippet found at --rev?
    python bench/mutate.py --rev HEAD~3 --timeout 300

Reproducibility: the mutants, their selections and the test seeds (hypothesis 'ci' profile:
derandomized) are fixed, so the same commit gives the same table.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = Path("/tmp/verify_mut")

# Fast selections per core file (tests/rigour first: they are fast and most targeted).
RIGOUR = ["tests/rigour"]
SEL = {
    "hermite": RIGOUR + ["tests/planted/test_planted_hermite.py",
                         "tests/properties/test_hermite_properties.py",
                         "tests/reference/test_engine_wired.py", "verify/hermite.py"],
    "gegenbauer": RIGOUR + ["tests/properties/test_sphere_properties.py",
                            "tests/planted/test_planted_sphere.py",
                            "tests/reference/test_sphere_reference.py", "verify/gegenbauer.py"],
    "referee": ["tests/rigour/test_mutants.py", "tests/planted/test_planted_hermite.py",
                "tests/planted/test_planted_sphere.py", "tests/test_soundness_referee.py",
                "verify/referee.py"],
    "numbers": RIGOUR + ["tests/properties/test_numbers.py", "tests/test_claims_base.py",
                         "tests/test_validation.py", "verify/numbers.py"],
    "checks": ["tests/rigour/test_mutants.py", "tests/test_claims_base.py",
               "tests/planted/test_planted_hermite.py", "tests/test_strategies.py",
               "verify/checks.py"],
    "networks": ["tests/rigour/test_mutants.py", "tests/rigour/test_bounds_dominate.py",
                 "tests/properties/test_certificates.py", "tests/test_families.py",
                 "tests/planted/test_planted_families.py", "tests/reference/test_network_norms.py",
                 "verify/networks.py"],
    "gram": ["tests/rigour/test_mutants.py", "tests/rigour/test_bounds_dominate.py",
             "tests/test_gram.py", "tests/planted/test_planted_families.py",
             "tests/reference/test_network_norms.py", "verify/gram.py"],
    "certificates": ["tests/rigour/test_mutants.py", "tests/properties/test_certificates.py",
                     "tests/planted/test_planted_families.py", "tests/test_families.py",
                     "verify/certificates.py"],
    "montecarlo": ["tests/rigour/test_mutants.py", "tests/rigour/test_montecarlo_rigour.py",
                   "tests/rigour/test_bounds_dominate.py", "tests/test_montecarlo.py",
                   "verify/montecarlo.py"],
    "claims_base": ["tests/rigour/test_mutants.py", "tests/test_claims_base.py",
                    "tests/reference/test_decide.py"],
    "decide": ["tests/rigour/test_mutants.py", "tests/reference/test_decide.py",
               "tests/test_soundness_referee.py", "tests/planted/test_planted_hermite.py",
               "tests/planted/test_planted_sphere.py", "tests/test_claims_base.py",
               "verify/decide.py"],
    "kernels": RIGOUR + ["tests/reference/test_engine_wired.py",
                         "tests/reference/test_hermite_reference.py",
                         "tests/reference/test_sphere_reference.py", "verify/kernels.py"],
    "moments": RIGOUR + ["tests/reference/test_moments.py",
                         "tests/properties/test_sphere_properties.py",
                         "tests/reference/test_sphere_reference.py", "verify/moments.py"],
    "orthopoly": RIGOUR + ["tests/reference/test_orthopoly.py",
                           "tests/properties/test_conventions.py",
                           "tests/properties/test_sphere_properties.py", "verify/orthopoly.py"],
    "conventions": RIGOUR + ["tests/properties/test_conventions.py",
                             "tests/properties/test_sphere_properties.py",
                             "verify/conventions.py"],
    "activations": RIGOUR + ["tests/properties/test_activations.py", "verify/activations.py"],
    "expressions": RIGOUR + ["tests/properties/test_activations.py", "tests/test_validation.py",
                             "verify/expressions.py"],
}
FILES = {key: f"verify/{key}.py" for key in SEL}
FILES["claims_base"] = "verify/claims/base.py"


@dataclass(frozen=True)
class Mutant:
    name: str
    module: str  # a key of SEL / FILES
    snippet: str
    replacement: str
    what: str
    #: the same bug in later (or earlier) versions of the code: tried in order when the
    #: primary snippet is not found exactly once
    alternatives: tuple[tuple[str, str], ...] = ()


def M(name: str, module: str, snippet: str, replacement: str, what: str,
      *alternatives: tuple[str, str]) -> Mutant:
    return Mutant(name, module, snippet, replacement, what, alternatives)


MUTANTS: list[Mutant] = [
    # --- the nine survivors of the earlier campaign (issue 13) -----------------------------
    M("a_overlap_verifies", "decide",
      "    if arb(distance.upper()) <= arb(allowed.lower()):\n        return Verdict.VERIFIED",
      "    if arb(distance.lower()) <= arb(allowed.upper()):\n        return Verdict.VERIFIED",
      "(a) VERIFIED when the difference ball merely reaches the tolerance"),
    M("b_refute_1000x_looser", "decide",
      "    if arb(distance.lower()) > arb(allowed.upper()):\n        return Verdict.REFUTED",
      "    if arb(distance.lower()) > 1000 * arb(allowed.upper()):\n        return Verdict.REFUTED",
      "(b) refutes only beyond 1000x the tolerance"),
    M("b_identity_not_refuted", "decide",
      "    if identity and not diff.contains(0):\n        return _proved_unequal(",
      "    if False and not diff.contains(0):\n        return _proved_unequal(",
      "(b) an exact identity proved unequal below the tolerance is not refuted"),
    M("c_hermite_tail_dropped", "hermite",
      "    return value + arb(0, tail_bound(act, length).upper())", "    return value",
      "(c) no Gaussian tail term in the certified Hermite integral"),
    M("d_tail_bound_div10", "hermite",
      "    return 2 * arb(CRAMER_K) / (2 * arb.pi()).sqrt() * total",
      "    return 2 * arb(CRAMER_K) / (2 * arb.pi()).sqrt() * total / 10",
      "(d) the tail bound divided by 10"),
    M("e_square_tail_dropped", "hermite",
      "    return value + arb(0, _square_tail(act, length).upper())", "    return value",
      "(e) no tail in the certified second moment"),
    M("f_erf_exponent_a", "hermite", "* aq**k * math.factorial(k)",
      "* aq**(k + 2) * math.factorial(k)", "(f) c0 + c1 erf(ax): a^(k+2) for a^k"),
    M("f_erf_exponent_s", "hermite", "* k * sq**n)", "* k * sq**(n + 1))",
      "(f) c0 + c1 erf(ax): (1+2a^2)^(n+1) for ^n"),
    M("g_mean_zero_ignores_bias", "certificates",
      "classes[(nsq, b)] = classes.get((nsq, b), fmpq(0)) + a",
      "classes[(nsq, 0)] = classes.get((nsq, 0), fmpq(0)) + a",
      "(g) mean-zero classes (|w|^2) without the bias"),
    M("g_pair_classes_ignore_bias", "networks",
      "gram, np.repeat(bf, m_h), np.tile(bh, m_f)]",
      "gram, np.repeat(bf * 0, m_h), np.tile(bh * 0, m_f)]",
      "(g) pair classes without the biases"),
    M("h_rational_equal_abs", "decide",
      "verdict = Verdict.VERIFIED if a == b else Verdict.REFUTED",
      "verdict = Verdict.VERIFIED if abs(a) == abs(b) else Verdict.REFUTED",
      "(h) exact rational comparison of absolute values"),
    M("i_first_seed_retested", "montecarlo", "second = make_estimate(seeds[1])",
      "second = make_estimate(seeds[0])", "(i) the confirmation re-runs the first seed"),
    # --- referee / checks / claims.base ----------------------------------------------------
    M("referee_tolerance_1000x", "decide",
      "return arb(10) ** (-int(digits)) * abs(ref)",
      "return arb(10) ** (-int(digits) + 3) * abs(ref)",
      "decides to digits-3 while saying digits"),
    M("referee_interval_2x", "decide", "            width = arb_value(half_width)",
      "            width = 2 * arb_value(half_width)",
      "rounded values decided against twice the half-width"),
    M("checks_inconclusive_ignored", "checks", "    elif undecided:", "    elif False:",
      "combine: an INCONCLUSIVE case no longer blocks VERIFIED"),
    M("checks_weakest_is_strongest", "checks",
      "return max(items, key=lambda s: s.rank)", "return min(items, key=lambda s: s.rank)",
      "weakest() returns the strongest"),
    M("base_ball_equal_no_identity", "claims_base", "    identity = tol is None",
      "    identity = False", "catalogue identities decided by tolerance only"),
    M("base_less_equal_strict_lost", "decide",
      "    holds = s_hi < l_lo if strict else s_hi <= l_lo",
      "    holds = s_hi <= l_lo", "ball_compare: strict treated as non-strict"),
    M("base_exact_equal_positive_only", "decide", "    if diff.is_Rational:",
      "    if diff.is_Rational and diff > 0:", "exact_equal refutes only positive differences"),
    # --- hermite ----------------------------------------------------------------------------
    M("hermite_tail_one_side", "hermite",
      "    return 2 * arb(CRAMER_K) / (2 * arb.pi()).sqrt() * total",
      "    return arb(CRAMER_K) / (2 * arb.pi()).sqrt() * total",
      "tail bound for one side of |x| > L only"),
    M("hermite_tail_s_branch", "hermite", "s = 2 if act.growth.c == 0 else 4", "s = 2",
      "exponential growth bounded with e^{-x^2/4} (needs e^{-x^2/8})"),
    M("hermite_min_cutoff_2c", "hermite", "int(math.ceil(8 * float(act.growth.c)))",
      "int(math.ceil(2 * float(act.growth.c)))", "cut-off below 8c"),
    M("hermite_jump_index", "hermite", "total += jumps[j] * he[k - 1 - j]",
      "total += jumps[j] * he[k - j]", "jump formula: He_{k-j} for He_{k-1-j}"),
    M("hermite_moment_recurrence", "hermite", "add_term(cur, basis, (j - 1) * q)",
      "add_term(cur, basis, j * q)", "partial moments: j M_{j-2} for (j-1) M_{j-2}"),
    M("hermite_symmetry_k1", "activations", "(k >= 3 and act.odd_part_slope is not None)",
      "(k >= 1 and act.odd_part_slope is not None)", "linear odd part zeroes c_1 too"),
    M("hermite_fold_sign", "hermite", "    sign = 1 if k % 2 == 0 else -1\n    edges",
      "    sign = 1\n    edges", "folded integral ignores (-1)^k"),
    M("hermite_kernel_remainder_dropped", "kernels",
      "return [s + arb(0, t.upper()) for s, t in zip(series, tails, strict=True)], n",
      "return series, n", "Mehler series without its remainder",
      ("return ([s + arb(0, t.upper()) for s, t in zip(series, tails, strict=True)],",
       "return (list(series),")),
    M("hermite_kernel_remainder_power", "kernels", "tails = [abs(pw) * rem for pw in powers]",
      "tails = [abs(pw * pw) * rem for pw in powers]", "remainder |rho|^{2N} for |rho|^N",
      ("tails = [arb(abs(pw).upper()) * rem for pw in powers]",
       "tails = [arb(abs(pw * pw).upper()) * rem for pw in powers]")),
    M("hermite_parseval_exponent", "kernels", "ex = arb(2 * j0 + 1) / 2",
      "ex = arb(2 * j0 + 3) / 2", "jump-branch Parseval tail with a larger exponent"),
    M("hermite_parseval_smooth_loop", "kernels",
      "for i in range(n_terms + 2 - order, n_terms + 2):",
      "for i in range(n_terms + 2 - order, n_terms + 3):",
      "Stein-branch Parseval tail: one factor too many"),
    M("hermite_relu_kernel_form", "kernels", "(sp.pi - sp.acos(rho)) * rho",
      "(sp.pi + sp.acos(rho)) * rho", "ReLU closed-form kernel sign"),
    M("hermite_erf_kernel_form", "kernels", "sp.asin(2 * rho / 3)", "sp.asin(rho / 3)",
      "erf closed-form kernel argument"),
    M("hermite_square_cross", "hermite", "square[i + j] += a * b", "square[i + j] += a * a",
      "exact second moment squares wrongly"),
    M("hermite_met_forged", "hermite", "            if meets_digits(ball, digits):\n"
      "                return Coefficient(k, \"certified\", ball, None,\n"
      "                                   f\"certified: Arb acb.integral on",
      "            if True:\n"
      "                return Coefficient(k, \"certified\", ball, None,\n"
      "                                   f\"certified: Arb acb.integral on",
      "certified coefficient returned at the first precision, met=True"),
    # --- gegenbauer ---------------------------------------------------------------------------
    M("geg_moment_recurrence", "moments", "        den *= fmpq(d - 1 + 2 * i, 2)",
      "        den *= fmpq(d + 2 * i, 2)", "odd half-sphere moments: Beta product off by one"),
    M("geg_mu1", "moments", "    return SphereHalf(fmpq(0), fmpq(math.factorial(p)) / (2 * den))",
      "    return SphereHalf(fmpq(0), fmpq(math.factorial(p)) / den)",
      "odd half-sphere moments twice too large"),
    M("geg_power_basis", "orthopoly", "* polys[k - 1]) / (k + d - 2))",
      "* polys[k - 1]) / (k + d - 1))", "exact P_{k,d} recurrence denominator"),
    M("geg_remainder_dropped", "kernels",
      "        return series + arb(0, remaining), max_terms + 1",
      "        return series, max_terms + 1", "sphere series without its remainder at max_terms",
      ("return series + arb(0, remaining.upper()), max_terms + 1, False",
       "return series, max_terms + 1, False")),
    M("geg_fold_sign", "gegenbauer", "    sign = 1 if k % 2 == 0 else -1\n    r_ball",
      "    sign = 1\n    r_ball", "sphere fold ignores (-1)^k"),
    M("geg_weight_exponent", "gegenbauer", "* pk * c ** (d - 2)", "* pk * c ** (d - 3)",
      "weight cos^{d-3} for cos^{d-2}"),
    # --- numbers ------------------------------------------------------------------------------
    M("numbers_meets_one_digit_short", "numbers", "return rad * 10**digits <= abs(mid)",
      "return rad * 10**(digits - 1) <= abs(mid)", "meets_digits accepts one digit less"),
    M("numbers_decimal_radius_floor", "numbers",
      "rad = -((-(rad + abs(mid - rounded * scale))) // scale)",
      "rad = (rad + abs(mid - rounded * scale)) // scale",
      "decimal radius rounded down"),
    M("numbers_sqrt_factorial_k2", "numbers",
      "        if self.k > 1:\n            total /= arb.fac_ui(self.k).sqrt()",
      "        if self.k > 2:\n            total /= arb.fac_ui(self.k).sqrt()",
      "ExactValue.ball forgets 1/sqrt(2!)"),
    M("numbers_add_term_coeff", "numbers",
      "basis, q = rest, q * fmpq(int(coeff.p), int(coeff.q))", "basis, q = rest, q",
      "add_term drops the basis' rational factor"),
    M("numbers_digits_zero", "numbers", "if not MIN_DIGITS <= digits <= MAX_DIGITS:",
      "if not 0 <= digits <= MAX_DIGITS:", "digits=0 accepted",
      ("if not MIN_DIGITS <= digits <= MAX_DIGITS + guard:",
       "if not 0 <= digits <= MAX_DIGITS + guard:")),
    # --- networks / certificates / montecarlo -----------------------------------------------
    M("networks_parity_tail_dropped", "gram",
      "return total + arb(0, tail.upper()), arb(tail.upper())",
      "return total, arb(tail.upper())", "parity Hermite-form norm without its tail"),
    M("networks_parity_inner_bound", "gram",
      "inner_bound = 2 + (arb(2) ** k - 2)", "inner_bound = 1 + (arb(2) ** k - 2)",
      "parity tail: I_d <= 1 + ... for 2 + ..."),
    M("networks_norms_tile", "networks", "columns = [np.repeat(nf, m_h), np.tile(nh, m_f)",
      "columns = [np.repeat(nf, m_h), np.repeat(nh, m_f)", "pair classes: |V_j|^2 misaligned"),
    M("cert_nonzero_positive_only", "certificates",
      "bad = {k: v for k, v in sums.items() if v != 0}",
      "bad = {k: v for k, v in sums.items() if v > 0}",
      "a negative class sum counts as cancelling"),
    M("cert_members_first_only", "certificates",
      "members = [0] if family.pair_representatives is not None else range(family.size)",
      "members = [0]", "mean zero checked for member 0 only, without a symmetry"),
    M("cert_witness_or", "certificates",
      "== minus_f and h.reflected(i).unit_table() == table_h",
      "== minus_f or h.reflected(i).unit_table() == table_h",
      "sign-flip witness needs only one of its two conditions"),
    M("mc_same_sign_dropped", "montecarlo",
      "and np.sign(second.z(claimed)) == np.sign(",
      "and np.sign(second.z(claimed)) != 7 * np.sign(",
      "two seeds of opposite sign confirm a refutation"),
    M("mc_first_threshold_half", "montecarlo", "if abs(first.z(claimed)) >= z_refute:",
      "if abs(first.z(claimed)) >= z_refute / 2:", "first seed tested at half the threshold"),
    M("mc_hoeffding_sqrt2", "montecarlo", "bound * math.sqrt(2 * math.log(2 / 1e-6) / done)",
      "bound * math.sqrt(math.log(2 / 1e-6) / done)", "Hoeffding radius too small by sqrt 2"),
    M("mc_variance_ddof0", "montecarlo", "var = m2 / (done - 1)", "var = m2 / done",
      "variance without Bessel's correction"),
    # --- conventions / activations / expressions -------------------------------------------
    M("conv_cramer_half", "conventions", "CRAMER_K = fmpq(10865, 10000)",
      "CRAMER_K = fmpq(10865, 20000)", "Cramer's constant halved (below 1: false)"),
    M("conv_hermite_recurrence", "orthopoly", "values.append(x * values[j] - j * values[j - 1])",
      "values.append(x * values[j] - (j + 1) * values[j - 1])", "He_k recurrence coefficient"),
    M("conv_harmonic_dimension", "conventions", "(comb(d + k - 3, k - 2) if k >= 2 else 0)",
      "(comb(d + k - 3, k - 2) if k >= 3 else 0)", "N(d, 2) wrong"),
    M("conv_gegenbauer_ball_radius", "orthopoly",
      "return [+v + arb(0, (rad * k * (k + d - 2) / (d - 1)).upper()) for k, v in enumerate(mid)]",
      "return [+v for k, v in enumerate(mid)]",
      "P_{k,d} on a ball of t: the Lipschitz radius dropped"),
    M("act_normalize_drop_b", "activations", "            big_a += a\n            big_b += a",
      "            big_a += a", "growth: |x|^q <= 1 + |x|^p loses the |x|^p part"),
    M("act_pow_constant", "activations", "k = 2 ** (ex - 1) if ex >= 1 else _ONE", "k = _ONE",
      "growth of (a + b t)^q without 2^(q-1)"),
    M("act_sum_min_rate", "activations", "c = max((b[3] for b in bounds), default=_ZERO)",
      "c = min((b[3] for b in bounds), default=_ZERO)", "growth of a sum: the smaller rate"),
    M("act_exp_rate_half", "activations", "return (sp.exp(a), _ZERO, _ZERO, b)",
      "return (sp.exp(a), _ZERO, _ZERO, b / 2)", "growth of exp(u): half the rate"),
    M("expr_inverse_sqrt", "expressions",
      "            return 1 / rec(base).sqrt(analytic=analytic)",
      "            return rec(base).sqrt(analytic=analytic)", "x**(-1/2) evaluated as sqrt(x)"),
    M("expr_factorial_shift", "expressions", "return (rec(e.args[0]) + 1).gamma()",
      "return rec(e.args[0]).gamma()", "factorial(n) as Gamma(n)"),
    M("expr_kinks_analytic", "expressions", "    if analytic:\n        return _nan()\n",
      "", "kinks (Abs, Max, ...) reported analytic to the integrator"),
]


#: Survivors judged equivalent (no observable change in what verify guarantees), with why.
EQUIVALENT = {
}


# ---------------------------------------------------------------------------------------------

def _export(rev: str, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def _apply(dest: Path, mutant: Mutant) -> str | None:
    """Apply the mutant in ``dest``; None on success, else the reason it could not be."""
    path = dest / FILES[mutant.module]
    text = path.read_text()
    reason = "snippet not found"
    for snippet, replacement in ((mutant.snippet, mutant.replacement), *mutant.alternatives):
        count = text.count(snippet)
        if count == 1:
            path.write_text(text.replace(snippet, replacement))
            return None
        if count > 1:
            reason = f"snippet ambiguous ({count}x)"
    return reason


def _env(dest: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(dest)
    env["HYPOTHESIS_PROFILE"] = "ci"
    env.pop("PYTEST_ADDOPTS", None)
    return env


def _pytest(dest: Path, paths: list[str], timeout: float) -> tuple[str, str, float]:
    """Run pytest on ``paths`` in ``dest``: (outcome, first failing test or '', seconds)."""
    existing = [p for p in paths if (dest / p).exists()]
    if not existing:
        return "no tests", "", 0.0
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-rf",
           *existing]
    start = time.perf_counter()
    try:
        out = subprocess.run(cmd, cwd=dest, env=_env(dest), capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", "", time.perf_counter() - start
    took = time.perf_counter() - start
    if out.returncode == 0:
        return "passed", "", took
    match = re.search(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", out.stdout, re.MULTILINE)
    return "failed", match.group(1) if match else out.stdout.strip().splitlines()[-1], took


def _check_import(dest: Path) -> None:
    out = subprocess.run([sys.executable, "-c", "import verify; print(verify.__file__)"],
                         cwd=dest, env=_env(dest), capture_output=True, text=True, check=True)
    if not out.stdout.strip().startswith(str(dest)):
        raise SystemExit(f"the scratch copy is not the package imported ({out.stdout.strip()}); "
                         "mutants would be tested against the live checkout")


def _baseline(rev: str, mutants: list[Mutant], timeout: float) -> set[str]:
    """Selected test paths that fail without any mutation (dropped from every selection)."""
    dest = SCRATCH / "_baseline"
    _export(rev, dest)
    _check_import(dest)
    paths = sorted({p for m in mutants for p in SEL[m.module]})
    broken = set()
    for p in paths:
        outcome, first, took = _pytest(dest, [p], timeout)
        print(f"  baseline {p}: {outcome} ({took:.0f} s) {first}", flush=True)
        if outcome in ("failed", "timeout"):
            broken.add(p)
    shutil.rmtree(dest)
    return broken


def run(mutants: list[Mutant], rev: str, timeout: float) -> tuple[list[dict], set[str]]:
    broken = _baseline(rev, mutants, timeout)
    rows = []
    for m in mutants:
        dest = SCRATCH / m.name
        _export(rev, dest)
        reason = _apply(dest, m)
        if reason is not None:
            row = {"verdict": reason, "killer": "", "seconds": 0.0}
        else:
            selection = [p for p in SEL[m.module] if p not in broken]
            outcome, first, took = _pytest(dest, selection, timeout)
            verdict = {"failed": "killed", "passed": "survived", "timeout": "timeout",
                       "no tests": "no tests"}[outcome]
            if verdict == "survived" and m.name in EQUIVALENT:
                verdict = "survived (equivalent)"
            row = {"verdict": verdict, "killer": first, "seconds": took}
        row.update({"name": m.name, "file": FILES[m.module], "what": m.what})
        rows.append(row)
        print(f"{m.name:34s} {row['verdict']:18s} {row['seconds']:6.0f} s  {row['killer']}",
              flush=True)
        shutil.rmtree(dest)
    return rows, broken


def _commit(rev: str, *, short: bool = True) -> str:
    args = ["git", "-C", str(ROOT), "rev-parse", *(["--short"] if short else []), rev]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(r: dict) -> str:
    killer = f"`{_cell(r['killer'])}`" if r["killer"] else ""
    return (f"| {r['name']} | `{r['file']}` | {_cell(r['what'])} | {r['verdict']} | {killer} | "
            f"{r['seconds']:.0f} |")


def write_report(rows: list[dict], broken: set[str], rev: str, path: Path) -> None:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    applied = [r for r in rows if not r["verdict"].startswith(("snippet", "no tests"))]
    lines = [
        "# Mutation campaign on verify's core",
        "",
        f"Generated by `python bench/mutate.py` on "
        f"{_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC, commit `{_commit(rev)}`. "
        "Each mutant is one small deliberate bug applied to a scratch export of the commit; "
        "a fast test selection for its file runs with `-x`; the first failing test is named. "
        "See the script's docstring for the method.",
        "",
        f"Mutants: {len(rows)}; applied: {len(applied)}; "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + ".",
        "",
    ]
    if broken:
        lines += ["Test files failing on the unmutated commit (left out of every selection): "
                  + ", ".join(f"`{b}`" for b in sorted(broken)) + ".", ""]
    lines += ["| mutant | file | change | verdict | killed by | s |",
              "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(_row(r))
    equivalent = [r for r in rows if r["verdict"] == "survived (equivalent)"]
    if equivalent:
        lines += ["", "Equivalent survivors:", ""]
        lines += [f"* `{r['name']}`: {EQUIVALENT[r['name']]}." for r in equivalent]
    timeouts = [r for r in rows if r["verdict"] == "timeout"]
    if timeouts:
        lines += ["", "A timeout counts as detected (the mutant makes a computation hang; the "
                  "suite would not pass): " + ", ".join(f"`{r['name']}`" for r in timeouts)
                  + "."]
    path.write_text("\n".join(lines) + "\n")


def append_rerun(rows: list[dict], broken: set[str], rev: str, path: Path) -> None:
    """Append the rows of an ``--only`` re-run (after new tests) to the report."""
    lines = ["", f"## Re-run at commit `{_commit(rev)}` "
             f"({_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC)", ""]
    if broken:
        lines += ["Failing without a mutation (left out): "
                  + ", ".join(f"`{b}`" for b in sorted(broken)) + ".", ""]
    lines += ["| mutant | file | change | verdict | killed by | s |", "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(_row(r))
    with path.open("a") as fh:
        fh.write("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated mutant names")
    parser.add_argument("--rev", default="HEAD", help="commit to mutate (default HEAD)")
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds per mutant")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--write", action="store_true",
                        help="with --only: append the re-run to bench/MUTATION.md")
    args = parser.parse_args(argv)
    mutants = MUTANTS
    if args.only:
        wanted = args.only.split(",")
        unknown = [w for w in wanted if w not in {m.name for m in MUTANTS}]
        if unknown:
            parser.error(f"unknown mutants: {', '.join(unknown)}")
        mutants = [m for m in MUTANTS if m.name in wanted]
    if args.list:
        for m in mutants:
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{args.rev}:{FILES[m.module]}"],
                                  check=True, capture_output=True, text=True).stdout
            counts = [text.count(sn) for sn, _ in ((m.snippet, m.replacement), *m.alternatives)]
            status = "ok" if 1 in counts else ("snippet not found" if not any(counts)
                                               else "snippet ambiguous")
            print(f"{m.name:34s} {FILES[m.module]:24s} {status:18s} {m.what}")
        return 0
    names = [m.name for m in MUTANTS]
    if len(set(names)) != len(names):
        raise SystemExit("mutant names must be unique")
    rev = _commit(args.rev, short=False)  # fixed once: others may commit during the run
    rows, broken = run(mutants, rev, args.timeout)
    if not args.only:
        write_report(rows, broken, rev, ROOT / "bench" / "MUTATION.md")
    elif args.write:
        append_rerun(rows, broken, rev, ROOT / "bench" / "MUTATION.md")
    survivors = [r["name"] for r in rows if r["verdict"].startswith("survived")]
    print(f"\n{len(rows)} mutants, {sum(r['verdict'] == 'killed' for r in rows)} killed, "
          f"{len(survivors)} survived: {', '.join(survivors) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
