"""Side-by-side benchmark of verify against the baselines users reach for (see ANCHORS.md).

Run from the repository root:  python bench/run.py [--quick]

Times each task for verify (best of 3, time.perf_counter) and for its baseline (one run),
prints a Markdown table and writes it, with the machine and library versions, to
bench/RESULTS.md. Every verify result is also checked: against the baseline (whose accuracy is
reported, verify's ball being the reference) and against an independent second opinion from
bench/baselines.py (trapezoidal rule for the sigmoid, the closed form for ReLU), so a wrong
verify value shows up as a MISMATCH line rather than a fast time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mpmath
import sympy as sp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import baselines  # noqa: E402  (independent of verify)

TARGETS = {"sigmoid60": 5.0, "sigmoid199": 2.0, "relu2000": 1.0}


def best_of(fn: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """(best time, first-call time, last result) over ``repeats`` calls of ``fn``."""
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), times[0], result


def ball_mid_rad(ball: Any) -> tuple[mpmath.mpf, mpmath.mpf]:
    """Midpoint and radius of a flint.arb as mpmath numbers (at the current mp.dps)."""
    mid = mpmath.mpf(ball.mid().str(mpmath.mp.dps + 10, radius=False))
    rad = mpmath.mpf(ball.rad().str(10, radius=False))
    # the decimal radius string is rounded; add one unit in its last place to stay an upper bound
    return mid, rad * (1 + mpmath.mpf(10) ** -8)


def correct_digits(value: mpmath.mpf, ball: Any) -> tuple[float, bool]:
    """(digits, relative?) of ``value`` against the reference ``ball``.

    Relative digits -log10(|value - mid| + rad) / |mid| for a non-zero reference; absolute
    digits -log10(|value| + rad) when the reference is 0 (a proved zero). The ball's radius is
    added, so the digits are a lower bound of what the value has right.
    """
    mid, rad = ball_mid_rad(ball)
    err = abs(value - mid) + rad
    if mid == 0:
        return (float("inf") if err == 0 else float(-mpmath.log10(err))), False
    return (float("inf") if err == 0 else float(-mpmath.log10(err / abs(mid)))), True


def fmt_digits(d: float) -> str:
    return "inf" if d == float("inf") else f"{d:.1f}"


def fmt_s(t: float | None) -> str:
    if t is None:
        return "n/a"
    return f"{t:.3f}" if t < 10 else f"{t:.1f}"


def machine_info() -> list[str]:
    import flint
    import numpy
    import scipy

    uname = platform.uname()
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "verify"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        commit += " (verify/ has uncommitted changes)" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    try:
        import verify
        verify_version = getattr(verify, "__version__", "?")
    except Exception as exc:  # noqa: BLE001 - report, never crash the baseline half
        verify_version = f"not importable ({exc})"
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = f"{cpu}; {line.split(':', 1)[1].strip()}"
                break
    except OSError:
        pass
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- machine: {uname.system} {uname.release} {uname.machine}; processor: {cpu}",
        f"- nproc: {os.cpu_count()}; load average at start: {load}",
        f"- python: {platform.python_version()} ({platform.python_implementation()})",
        f"- verify {verify_version} at git {commit}; python-flint {flint.__version__}, "
        f"mpmath {mpmath.__version__}, sympy {sp.__version__}, numpy {numpy.__version__}, "
        f"scipy {scipy.__version__}",
    ]


class Bench:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.rows: list[list[str]] = []
        self.notes: list[str] = []
        self.failures: list[str] = []
        self.mismatches: list[str] = []
        self.reference: list[mpmath.mpf] | None = None
        self.api: dict[str, Any] | None = None

    # -- verify import ------------------------------------------------------------------------
    def load_verify(self) -> None:
        try:
            from verify.activations import activation
            from verify.hermite import hermite_coefficients
        except Exception:  # noqa: BLE001
            self.failures.append("import verify.hermite failed:\n" + traceback.format_exc())
            return
        try:
            from verify.hermite import hermite_coefficient
        except ImportError:
            def hermite_coefficient(act: Any, k: int, **kw: Any) -> Any:
                return hermite_coefficients(act, k, **kw)[k]
        self.api = {"activation": activation, "coefficients": hermite_coefficients,
                    "coefficient": hermite_coefficient}

    def run_verify(self, label: str, fn: Callable[[], Any]) -> tuple[float | None, Any]:
        if self.api is None:
            return None, None
        try:
            best, first, result = best_of(fn, 3)
        except Exception:  # noqa: BLE001
            self.failures.append(f"{label}: verify raised\n" + traceback.format_exc())
            return None, None
        self.notes.append(f"{label}: verify best of 3 = {best:.3f} s (first call {first:.3f} s).")
        return best, result

    # -- second opinion for the sigmoid ----------------------------------------------------
    def sigmoid_reference(self) -> list[mpmath.mpf]:
        if self.reference is None:
            t0 = time.perf_counter()
            fine = baselines.sigmoid_reference(199, dps=60, h="1/20")
            coarse = baselines.sigmoid_reference(199, dps=60, h="1/16")
            with mpmath.workdps(60):
                spread = max(abs(a - b) for a, b in zip(fine, coarse, strict=True))
            self.ref_tol = max(100 * spread, mpmath.mpf(10) ** -55)
            self.notes.append(
                f"Second opinion for the sigmoid (trapezoidal rule, dps 60, steps 1/20 and 1/16, "
                f"untimed, {time.perf_counter() - t0:.1f} s): the two steps agree to "
                f"{mpmath.nstr(spread, 3)} absolute; verify's balls are required to lie within "
                f"{mpmath.nstr(self.ref_tol, 3)} of it."
            )
            self.reference = fine
        return self.reference

    def check_against_reference(self, label: str, coeffs: dict[int, Any]) -> None:
        ref = self.sigmoid_reference()
        bad = []
        with mpmath.workdps(60):
            for k, c in coeffs.items():
                mid, rad = ball_mid_rad(c.ball)
                if abs(ref[k] - mid) > rad + self.ref_tol:
                    bad.append(f"k={k}: verify {c.ball} vs second opinion "
                               f"{mpmath.nstr(ref[k], 25)}")
        if bad:
            self.mismatches.append(f"{label}: verify's ball excludes the independent value at "
                                   + "; ".join(bad[:5]) + (" ..." if len(bad) > 5 else ""))
        else:
            what = f"all {len(coeffs)} verify balls agree" if len(coeffs) > 1 else \
                "verify's ball agrees"
            self.notes.append(f"{label}: {what} with the independent second opinion.")

    # -- task 1 -------------------------------------------------------------------------------
    def task_sigmoid60(self) -> None:
        label = "sigmoid c_0..c_60, 30 digits"
        kmax = 10 if self.quick else 60
        t_v, coeffs = self.run_verify(
            label, lambda: self.api["coefficients"](self.api["activation"]("sigmoid"), 60,
                                                    digits=30))
        t0 = time.perf_counter()
        values, claimed = baselines.mpmath_sigmoid(range(kmax + 1), dps=30)
        t_b = time.perf_counter() - t0
        base = f"mpmath.quad dps=30, k=0..{kmax}" + (" (--quick)" if self.quick else "")
        ok = coeffs is not None and len(coeffs) == 61
        if ok:
            not_met = [c.k for c in coeffs if not c.met]
            if not_met:
                ok = False
                self.mismatches.append(f"{label}: verify did not meet 30 digits at k={not_met}")
            self.check_against_reference(label, {c.k: c for c in coeffs})
            with mpmath.workdps(60):
                rel, absd = [], []
                for k in range(kmax + 1):
                    d, relative = correct_digits(values[k], coeffs[k].ball)
                    (rel if relative else absd).append((d, k))
                    if relative and d < 20:
                        self.mismatches.append(
                            f"{label}: mpmath and verify disagree at k={k} ({d:.1f} digits); "
                            "see the second-opinion line to tell which is wrong")
                claims = [float(-mpmath.log10(claimed[k] / abs(values[k]))) if claimed[k]
                          else float("inf") for _, k in rel]
                claim = min(claims) if claims else float("inf")
            worst = min(rel)
            msg = (f"{label}: mpmath.quad worst correct digits {fmt_digits(worst[0])} "
                   f"(k={worst[1]}, relative, over the {len(rel)} non-zero c_k)")
            if absd:
                wa = min(absd)
                msg += (f"; on the {len(absd)} c_k that verify proves 0, worst |mpmath value| "
                        f"<= 10^-{wa[0]:.1f} (k={wa[1]})")
            msg += (f"; quad's own error estimate claimed >= {fmt_digits(claim)} relative digits "
                    "on those non-zero c_k.")
            self.notes.append(msg)
        self.add_row(label, t_v, base, t_b, "sigmoid60", ok,
                     ratio_note="" if not self.quick else " (fewer k)")

    # -- task 2 -------------------------------------------------------------------------------
    def task_sigmoid199(self) -> None:
        label = "sigmoid c_199, 20 digits"
        t_v, c = self.run_verify(
            label, lambda: self.api["coefficient"](self.api["activation"]("sigmoid"), 199,
                                                   digits=20))
        t0 = time.perf_counter()
        values, claimed = baselines.mpmath_sigmoid([199], dps=20)
        t_b = time.perf_counter() - t0
        ok = c is not None
        digits_txt = ""
        if ok:
            if not c.met:
                ok = False
                self.mismatches.append(f"{label}: verify did not meet 20 digits: {c.ball}")
            self.check_against_reference(label, {199: c})
            with mpmath.workdps(60):
                d, _ = correct_digits(values[0], c.ball)
                claim = float(-mpmath.log10(claimed[0] / abs(values[0])))
            digits_txt = f", {fmt_digits(d)} digits right"
            self.notes.append(
                f"{label}: mpmath.quad (dps=20) returned {mpmath.nstr(values[0], 20)} with error "
                f"estimate {mpmath.nstr(claimed[0], 3)} (claims {fmt_digits(claim)} relative "
                f"digits); verify's ball {c.ball}; mpmath has {fmt_digits(d)} correct digits.")
        self.add_row(label, t_v, f"mpmath.quad dps=20{digits_txt}", t_b, "sigmoid199", ok)

    # -- task 3 -------------------------------------------------------------------------------
    def task_relu2000(self) -> None:
        label = "exact ReLU c_0..c_2000"
        kmax = 8 if self.quick else 20
        t_v, coeffs = self.run_verify(
            label, lambda: self.api["coefficients"](self.api["activation"]("relu"), 2000,
                                                    tier="exact"))
        t0 = time.perf_counter()
        exact = baselines.sympy_relu(range(kmax + 1))
        t_b = time.perf_counter() - t0
        base = (f"sympy.integrate, only k=0..{kmax} ({kmax + 1} coefficients)"
                + (" (--quick)" if self.quick else ""))
        ok = coeffs is not None and len(coeffs) == 2001
        if ok:
            missing = [c.k for c in coeffs if c.exact is None]
            if missing:
                ok = False
                self.mismatches.append(f"{label}: verify gave no exact value at k={missing[:10]}")
            else:
                self.compare_relu(label, coeffs, exact)
        self.add_row(label, t_v, base, t_b, "relu2000", ok,
                     ratio_note=f" (for {kmax + 1} vs 2001 coefficients)")

    def compare_relu(self, label: str, coeffs: list[Any], exact: list[sp.Expr]) -> None:
        same_exact, same_numeric, differ = [], [], []
        for k, b in enumerate(exact):
            v = sp.sympify(str(coeffs[k].exact))
            diff = sp.simplify(v - b)
            if diff == 0:
                same_exact.append(k)
            elif abs(sp.N(diff, 60)) < sp.Float(10) ** -40 * max(abs(sp.N(b, 60)), 1e-300):
                same_numeric.append(k)
            else:
                differ.append(f"k={k}: verify {v} vs sympy {b}")
        if differ:
            self.mismatches.append(f"{label}: verify and sympy.integrate differ: "
                                   + "; ".join(differ))
        self.notes.append(
            f"{label}: verify == sympy.integrate exactly (simplify of the difference is 0) for "
            f"k={_ranges(same_exact)}"
            + (f"; to 40 digits for k={_ranges(same_numeric)}" if same_numeric else "") + ".")
        # all 2001 against the closed form, at 60 digits (untimed)
        t0 = time.perf_counter()
        closed = baselines.relu_closed_form(2000, dps=60)
        bad = []
        with mpmath.workdps(60):
            for k, c in enumerate(coeffs):
                s = str(c.exact)
                val = mpmath.mpf(str(sp.sympify(s, evaluate=False).evalf(60))) if s != "0" else 0
                ref = closed[k]
                if ref == 0 and val != 0 or ref != 0 and abs(val - ref) > 1e-45 * abs(ref):
                    bad.append(f"k={k}: verify {mpmath.nstr(val, 20)} vs closed form "
                               f"{mpmath.nstr(ref, 20)}")
        if bad:
            self.mismatches.append(f"{label}: verify differs from the closed form at "
                                   + "; ".join(bad[:5]) + (" ..." if len(bad) > 5 else ""))
        else:
            self.notes.append(
                f"{label}: all 2001 exact values agree with the closed form "
                "c_k = (-1)^(k/2-1) (k-3)!!/sqrt(2 pi k!) (even k >= 2, odd k >= 3 exactly 0) "
                f"to 45 digits (untimed, {time.perf_counter() - t0:.1f} s).")

    # -- table --------------------------------------------------------------------------------
    def add_row(self, label: str, t_v: float | None, base: str, t_b: float, target: str,
                ok: bool, ratio_note: str = "") -> None:
        ratio = f"{t_b / t_v:.1f}x{ratio_note}" if t_v else "n/a"
        goal = TARGETS[target]
        if t_v is None:
            met = "n/a (verify failed)"
        elif not ok:
            met = "NO (result check failed)"
        else:
            met = "yes" if t_v <= goal else "NO"
        self.rows.append([label, fmt_s(t_v), base, fmt_s(t_b), ratio, f"<= {goal:g} s", met])

    def table(self) -> str:
        head = ["task", "verify (s)", "baseline", "baseline (s)", "ratio (baseline/verify)",
                "target", "met?"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines)


def _ranges(ks: list[int]) -> str:
    if not ks:
        return "none"
    if ks == list(range(ks[0], ks[-1] + 1)):
        return f"{ks[0]}..{ks[-1]}"
    return ",".join(map(str, ks))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="shrink the baselines (mpmath k <= 10, sympy k <= 8)")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"),
                        help="where to write the Markdown results (default bench/RESULTS.md)")
    args = parser.parse_args(argv)

    info = machine_info()
    bench = Bench(args.quick)
    bench.load_verify()
    for task in (bench.task_sigmoid60, bench.task_sigmoid199, bench.task_relu2000):
        try:
            task()
        except Exception:  # noqa: BLE001 - one broken task must not hide the others
            bench.failures.append(f"{task.__name__} crashed:\n" + traceback.format_exc())

    mode = "--quick: baselines shrunk" if args.quick else "full run"
    out = [f"# verify vs baselines ({mode})", "", *info, "",
           "verify: best of 3 (time.perf_counter); baselines: one run. ratio = baseline time / "
           "verify time (> 1: verify is faster). met? = verify's time within the target and its "
           "result checked.", "", bench.table(), "", "## Notes", ""]
    out += [f"- {n}" for n in bench.notes]
    out += ["", "## Mismatches (verify vs baselines / second opinions)", ""]
    out += [f"- {m}" for m in bench.mismatches] or ["- none"]
    if bench.failures:
        out += ["", "## Failures", ""] + [f"```\n{f}\n```" for f in bench.failures]
    text = "\n".join(out) + "\n"
    print(text)
    Path(args.out).write_text(text)
    return 1 if bench.failures or bench.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
