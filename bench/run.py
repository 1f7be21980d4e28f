"""Side-by-side benchmark of verify against the baselines users reach for (see ANCHORS.md).

Run from the repository root:  python bench/run.py [--quick]

Times each task for verify (best of 3, time.perf_counter; best of 5 for the two sub-second
exact sphere tasks) and for its baseline (one run), prints a Markdown table and writes it, with
the machine and library versions, to bench/RESULTS.md. Every verify result is also checked:
against the baseline (whose accuracy is reported, verify's ball being the reference) and
against an independent second opinion from bench/baselines.py (trapezoidal rule for the
sigmoid, the closed form for ReLU, exact rational evaluation for P_{k,d}), so a wrong verify
value shows up as a MISMATCH line rather than a fast time.

Tasks 1-3: Gaussian (Hermite) tier. Tasks 4-7: sphere (Gegenbauer) tier, d = ambient dimension.
Task 7 measures accuracy, not speed: its verify and baseline cells hold correct digits.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import queue
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import baselines  # noqa: E402  (independent of verify)

TARGETS = {"sigmoid60": 0.1, "sigmoid199": 0.3, "relu2000": 1.0,  # issue 14's targets
           "relu_sphere10": 0.05, "relu_sphere1000": 2.0, "sigmoid_sphere60": 2.0,
           "pair10": 1.0, "family16_8": 5.0, "mc_norm8": 5.0}
GEGENBAUER_DIGITS_TARGET = 12.0  # task 7: worst correct digits of P_{1000,d} in doubles
SYMPY_SPHERE_DEADLINE = 60.0  # seconds for the whole SymPy sphere baseline subprocess


def clear_verify_memos() -> list[str]:
    """Empty verify's process-wide result memos (module-level dicts named ``*CACHE*``, e.g.
    ``verify.hermite._CERTIFIED_CACHE``) so that a repeat times a computation, not a lookup.
    Returns the names cleared."""
    cleared = []
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "verify" or name.startswith("verify.")):
            continue
        for attr, value in list(vars(module).items()):
            if ("CACHE" in attr.upper() or attr == "_NOT_BOUNDABLE") and isinstance(value, dict):
                value.clear()
                cleared.append(f"{name}.{attr}")
    return cleared


def best_of(fn: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """(best time, first-call time, last result) over ``repeats`` calls of ``fn``; verify's
    result memos are emptied before every call (untimed)."""
    times, result = [], None
    for _ in range(repeats):
        clear_verify_memos()
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


def quad_digits_note(label: str, rel: list[tuple[float, int]], absd: list[tuple[float, int]],
                     claim: float, name: str) -> str:
    """The note on mpmath.quad's correct digits: worst relative digits over the non-zero
    coefficients, its values where verify proves 0, and what its own estimate claimed."""
    worst = min(rel)
    msg = (f"{label}: mpmath.quad worst correct digits {fmt_digits(worst[0])} "
           f"(k={worst[1]}, relative, over the {len(rel)} non-zero {name})")
    if absd:
        wa = min(absd)
        msg += (f"; on the {len(absd)} {name} that verify proves 0, worst |mpmath value| "
                f"<= 10^-{wa[0]:.1f} (k={wa[1]})")
    return msg + (f"; quad's own error estimate claimed >= {fmt_digits(claim)} relative digits "
                  f"on those non-zero {name}.")


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
        self.sphere: dict[str, Any] | None = None

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
        try:
            from verify.gegenbauer import gegenbauer_coefficients
            from verify.numbers import workprec
            from verify.orthopoly import gegenbauer_sphere_float, gegenbauer_sphere_values
        except Exception:  # noqa: BLE001
            self.failures.append("import of verify's sphere tier failed:\n"
                                 + traceback.format_exc())
            return
        self.sphere = {"coefficients": gegenbauer_coefficients, "float": gegenbauer_sphere_float,
                       "values": gegenbauer_sphere_values, "workprec": workprec}

    def run_verify(self, label: str, fn: Callable[[], Any], repeats: int = 3,
                   api: str = "api") -> tuple[float | None, Any]:
        if getattr(self, api) is None:
            return None, None
        try:
            best, first, result = best_of(fn, repeats)
        except Exception:  # noqa: BLE001
            self.failures.append(f"{label}: verify raised\n" + traceback.format_exc())
            return None, None
        self.notes.append(f"{label}: verify best of {repeats} = {best:.3f} s "
                          f"(first call {first:.3f} s).")
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
            self.notes.append(quad_digits_note(label, rel, absd, claim, "c_k"))
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

    # -- sphere tier: shared checks --------------------------------------------------------
    def check_relu_closed_form(self, label: str, coeffs: list[Any], d: int) -> None:
        """Every exact verify value against vw19.md §2.2, exactly in SymPy (50 digits if the
        difference does not simplify to 0)."""
        t0 = time.perf_counter()
        closed = baselines.relu_sphere_closed_form(len(coeffs) - 1, d)
        exact_ok, numeric_ok, bad = [], [], []
        for k, (c, ref) in enumerate(zip(coeffs, closed, strict=True)):
            if c.exact is None:
                bad.append(f"k={k}: verify gave no exact value ({c.ball})")
                continue
            diff = sp.expand(c.exact.sympy() - ref)
            if diff == 0 or sp.simplify(diff) == 0:
                exact_ok.append(k)
            elif abs(sp.N(diff, 60)) <= sp.Float(10, 60) ** -50 * abs(sp.N(ref, 60)):
                numeric_ok.append(k)
            else:
                bad.append(f"k={k}: verify {sp.N(c.exact.sympy(), 20)} vs closed form "
                           f"{sp.N(ref, 20)}")
        if bad:
            self.mismatches.append(f"{label}: verify differs from the closed form (vw19.md §2.2) "
                                   "at " + "; ".join(bad[:5]) + (" ..." if len(bad) > 5 else ""))
        self.notes.append(
            f"{label}: closed form of vw19.md §2.2 (a_0 = Gamma(d/2)/(2 sqrt(pi) "
            "Gamma((d+1)/2)), a_1 = 1/(2d), odd k >= 3: 0, even k >= 2: (-1)^(k/2-1) Gamma(d/2) "
            "Gamma((k-1)/2)/(4 pi Gamma((d+k+1)/2))): verify equal exactly (SymPy difference 0) "
            f"for k={_ranges(exact_ok)}"
            + (f", to 50 digits for k={_ranges(numeric_ok)}" if numeric_ok else "")
            + (f", DIFFERENT for {len(bad)} k" if bad else "")
            + f" (untimed, {time.perf_counter() - t0:.1f} s).")

    def sympy_sphere_subprocess(self, d: int, kmax: int, deadline: float
                                ) -> tuple[list[tuple[int, sp.Expr, float]], str, float]:
        """Run baselines.sympy_relu_sphere in a child process; kill it at ``deadline`` seconds.
        Returns (finished (k, value, seconds), status text, wall seconds)."""
        cmd = [sys.executable, str(HERE / "baselines.py"), "sympy-relu-sphere", str(d),
               str(kmax)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        lines: queue.Queue[str | None] = queue.Queue()

        def reader() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=reader, daemon=True).start()
        done: list[tuple[int, sp.Expr, float]] = []
        status = ""
        while True:
            remaining = deadline - (time.perf_counter() - t0)
            if remaining <= 0:
                break
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                break
            if line is None:
                break
            rec = json.loads(line)
            done.append((rec["k"], sp.sympify(rec["srepr"]), rec["seconds"]))
        if proc.poll() is None:
            proc.kill()
            proc.wait()
            nxt = done[-1][0] + 1 if done else 0
            status = (f"stopped at the {deadline:g} s deadline while integrating k={nxt}")
        else:
            proc.wait()
            err = proc.stderr.read().strip() if proc.stderr else ""
            status = ("finished" if proc.returncode == 0 and len(done) == kmax + 1 else
                      f"exited with status {proc.returncode}: {err[-500:]}")
        return done, status, time.perf_counter() - t0

    # -- task 4 -------------------------------------------------------------------------------
    def task_relu_sphere10(self) -> None:
        d, kmax = 10, 40
        label = f"exact ReLU a_0..a_{kmax}, d={d}"
        t_v, coeffs = self.run_verify(
            label, lambda: self.sphere["coefficients"](self.api["activation"]("relu"), kmax, d=d,
                                                       tier="exact"),
            repeats=5, api="sphere")
        deadline = 20.0 if self.quick else SYMPY_SPHERE_DEADLINE
        done, status, wall = self.sympy_sphere_subprocess(d, 4, deadline)
        t_b = sum(sec for _, _, sec in done) if done else None
        n = len(done)
        base = (f"sympy.integrate k<=4 in a subprocess, {deadline:g} s cap: finished k=0..{n - 1}"
                if n else f"sympy.integrate k<=4, {deadline:g} s cap: no degree finished "
                f"(> {deadline:g} s for k=0)")
        self.notes.append(
            f"{label}: SymPy baseline (integrate over (0,1), t positive, sympy.gegenbauer "
            f"normalized by its value at 1) {status}; per-degree seconds "
            + (", ".join(f"k={k}: {sec:.1f}" for k, _, sec in done) or "none")
            + f"; wall {wall:.1f} s including the child's start-up. The baseline-seconds cell is "
            "the sum over the finished degrees. Maxima (through Sage, GPL) did k <= 40 in 6.2 s "
            "per ANCHORS.md; it is not installed here, so not run.")
        ok = coeffs is not None and len(coeffs) == kmax + 1
        if ok:
            missing = [c.k for c in coeffs if c.exact is None]
            if missing:
                ok = False
                self.mismatches.append(f"{label}: verify gave no exact value at k={missing[:10]}")
            if done:
                same, differ = [], []
                for k, val, _ in done:
                    diff = sp.simplify(coeffs[k].exact.sympy() - val) \
                        if coeffs[k].exact is not None else None
                    if diff == 0:
                        same.append(k)
                    else:
                        differ.append(f"k={k}: verify {coeffs[k].exact} vs sympy {val}")
                if differ:
                    ok = False
                    self.mismatches.append(f"{label}: verify and sympy.integrate differ: "
                                           + "; ".join(differ))
                self.notes.append(f"{label}: verify == sympy.integrate exactly (simplify of the "
                                  f"difference is 0) for k={_ranges(same)}.")
            nbad = len(self.mismatches)
            self.check_relu_closed_form(label, coeffs, d)
            ok = ok and len(self.mismatches) == nbad
        self.add_row(label, t_v, base, t_b, "relu_sphere10", ok,
                     ratio_note=f" (for {n} vs {kmax + 1} coefficients)")

    # -- task 5 -------------------------------------------------------------------------------
    def task_relu_sphere1000(self) -> None:
        d, kmax = 1000, 200
        label = f"exact ReLU a_0..a_{kmax}, d={d}"
        t_v, coeffs = self.run_verify(
            label, lambda: self.sphere["coefficients"](self.api["activation"]("relu"), kmax, d=d,
                                                       tier="exact"),
            repeats=5, api="sphere")
        ok = coeffs is not None and len(coeffs) == kmax + 1
        if ok:
            nbad = len(self.mismatches)
            self.check_relu_closed_form(label, coeffs, d)
            ok = len(self.mismatches) == nbad
        self.add_row(label, t_v, "none run (SymPy: > 120 s per degree already at d=10); "
                     "checked against the closed form", None, "relu_sphere1000", ok)

    # -- task 6 -------------------------------------------------------------------------------
    def task_sigmoid_sphere60(self) -> None:
        d, kmax_v = 10, 60
        label = f"sigmoid a_0..a_{kmax_v}, d={d}, 30 digits"
        kmax = 10 if self.quick else kmax_v
        t_v, coeffs = self.run_verify(
            label, lambda: self.sphere["coefficients"](self.api["activation"]("sigmoid"), kmax_v,
                                                       d=d, digits=30),
            api="sphere")
        t0 = time.perf_counter()
        values, claimed, raised = baselines.mpmath_sigmoid_sphere(range(kmax + 1), d, dps=30)
        t_b = time.perf_counter() - t0
        base = (f"mpmath.quad dps=30 on [-1,0,1], k=0..{kmax}"
                + (" (--quick)" if self.quick else ""))
        if raised:
            self.notes.append(
                f"{label}: mpmath.gegenbauer raised ValueError ('hypsum() failed to converge') "
                f"at exact zeros of C_k^4 hit by quad's nodes, for k in {sorted(raised)} "
                f"({sum(raised.values())} points); the baseline retried those points with "
                "zeroprec (the time includes the failed attempts).")
        ok = coeffs is not None and len(coeffs) == kmax_v + 1
        if ok:
            not_met = [c.k for c in coeffs if not c.met]
            if not_met:
                ok = False
                self.mismatches.append(f"{label}: verify did not meet 30 digits at k={not_met}")
            # second opinion: periodic trapezoidal rule in u, dps 100, two point counts
            t1 = time.perf_counter()
            fine = baselines.sigmoid_sphere_reference(kmax_v, d, dps=100, n=512)
            coarse = baselines.sigmoid_sphere_reference(kmax_v, d, dps=100, n=384)
            bad = []
            with mpmath.workdps(100):
                spread = max(abs(a - b) for a, b in zip(fine, coarse, strict=True))
                tol = max(100 * spread, mpmath.mpf(10) ** -90)
                for c in coeffs:
                    mid, rad = ball_mid_rad(c.ball)
                    if abs(fine[c.k] - mid) > rad + tol:
                        bad.append(f"k={c.k}: verify {c.ball} vs second opinion "
                                   f"{mpmath.nstr(fine[c.k], 25)}")
            self.notes.append(
                f"{label}: second opinion = periodic trapezoidal rule in t = sin u over a full "
                f"period, dps 100, 512 and 384 points (untimed, {time.perf_counter() - t1:.1f} s); "
                f"the two agree to {mpmath.nstr(spread, 3)} absolute; verify's balls are "
                f"required to lie within {mpmath.nstr(tol, 3)} of it.")
            if bad:
                ok = False
                self.mismatches.append(f"{label}: verify's ball excludes the independent value "
                                       "at " + "; ".join(bad[:5])
                                       + (" ..." if len(bad) > 5 else ""))
            else:
                self.notes.append(f"{label}: all {len(coeffs)} verify balls agree with the "
                                  "second opinion.")
            with mpmath.workdps(60):
                rel, absd, low, honest = [], [], [], 0
                max_abs = mpmath.mpf(0)
                for k in range(kmax + 1):
                    dg, relative = correct_digits(values[k], coeffs[k].ball)
                    (rel if relative else absd).append((dg, k))
                    if relative:
                        mid, _ = ball_mid_rad(coeffs[k].ball)
                        honest += abs(values[k] - mid) <= claimed[k]
                        max_abs = max(max_abs, abs(values[k] - mid))
                    if relative and dg < 20:
                        ref_d, _ = correct_digits(fine[k], coeffs[k].ball)
                        low.append((k, dg))
                        if ref_d <= 25:
                            self.mismatches.append(
                                f"{label}: mpmath and verify disagree at k={k} ({dg:.1f} "
                                "digits) and the second opinion does NOT side with verify "
                                f"({ref_d:.1f} digits)")
                claims = [float(-mpmath.log10(claimed[k] / abs(values[k]))) if claimed[k]
                          else float("inf") for _, k in rel]
                claim = min(claims) if claims else float("inf")
            if low:
                self.notes.append(
                    f"{label}: mpmath.quad below 20 correct digits at {len(low)} a_k (k="
                    + ", ".join(f"{k}: {dg:.1f}" for k, dg in low) + "); the second opinion "
                    "sides with verify at each, so these are mpmath's errors: its absolute "
                    f"error reaches {mpmath.nstr(max_abs, 2)} while |a_k| falls to "
                    f"{mpmath.nstr(abs(ball_mid_rad(coeffs[kmax - 1].ball)[0]), 2)} by "
                    f"k={kmax - 1}. quad's error estimate covered its actual error at {honest} "
                    f"of the {len(rel)} non-zero a_k.")
            self.notes.append(quad_digits_note(label, rel, absd, claim, "a_k"))
            good = [k for dg, k in rel if dg >= 20]
            first_bad = min((k for dg, k in rel if dg < 20), default=None)
            none_right = min((k for dg, k in rel if dg < 1), default=None)
            base += (f"; >= 20 digits right at {len(good)}/{len(rel)} non-zero a_k"
                     + (f" (first below: k={first_bad})" if first_bad is not None else "")
                     + (f", no correct digit from k={none_right}" if none_right is not None
                        else f", worst {fmt_digits(min(rel)[0])} digits"))
        self.add_row(label, t_v, base, t_b, "sigmoid_sphere60", ok,
                     ratio_note="" if not self.quick else " (fewer k)")

    # -- task 7 -------------------------------------------------------------------------------
    def task_gegenbauer_float(self) -> None:
        """Accuracy of gegenbauer_sphere_float at degree 1000, against SciPy's eval_gegenbauer."""
        if self.sphere is None:
            for d in (3, 10, 100):
                self.rows.append([f"P_(1000,d) in doubles, d={d}, 200 points", "n/a", "", "n/a",
                                  "n/a", f">= {GEGENBAUER_DIGITS_TARGET:g} digits",
                                  "n/a (verify failed)"])
            return
        points = np.linspace(-1.0, 1.0, 200)
        kmax = 1000
        workprec = self.sphere["workprec"]
        wide: list[str] = []
        for d in (3, 10, 100):
            label = f"P_(1000,d) in doubles, d={d}, 200 points"
            try:
                t_v, _, rows = best_of(lambda d=d: self.sphere["float"](kmax, d, points), 3)
            except Exception:  # noqa: BLE001
                self.failures.append(f"{label}: verify raised\n" + traceback.format_exc())
                continue
            # reference: verify's arb recurrence, precision raised until the balls are tight
            t0 = time.perf_counter()
            prec, widths = 300, []
            while True:
                with workprec(prec):
                    ref = [self.sphere["values"](kmax, d, arb_of(x)) for x in points]
                    worst_rad = max(_rel_radius(r[kmax]) for r in ref)
                widths.append(f"{prec} bits: {_fmt_small(worst_rad)}")
                if worst_rad < 1e-30 or prec >= 9600:
                    break
                prec *= 2
            t_ref = time.perf_counter() - t0
            # cross-check the reference against exact rational evaluation on every 10th point
            t0 = time.perf_counter()
            exact_polys = baselines.power_basis_sphere(kmax, d)
            t_exact = time.perf_counter() - t0
            outside = []
            with workprec(prec):
                for j in range(0, len(points), 10):
                    q = _fmpq_of(points[j])
                    for k in (100, kmax):
                        if not ref[j][k].contains(exact_polys[k](q)):
                            outside.append(f"k={k}, t={points[j]!r}")
            if outside:
                self.mismatches.append(f"{label}: verify's arb ball for P_(k,d)(t) excludes the "
                                       "exact rational value at " + "; ".join(outside[:5]))
            with workprec(prec):
                dig_v = _digits(rows[kmax], [r[kmax] for r in ref])
                dig_v100 = _digits(rows[100], [r[100] for r in ref])
                dig_all = min(min(_digits(rows[k], [r[k] for r in ref])) for k in
                              range(kmax + 1))
            # baseline: scipy.special.eval_gegenbauer(k, lambda, t) / C_k^lambda(1), what users
            # reach for (ANCHORS.md); timed for all rows k = 0..1000 like verify
            import scipy.special

            lam = (d - 2) / 2
            t0 = time.perf_counter()
            with np.errstate(all="ignore"):
                scipy_rows = [scipy.special.eval_gegenbauer(k, lam, points)
                              / scipy.special.eval_gegenbauer(k, lam, 1.0)
                              for k in range(kmax + 1)]
            t_b = time.perf_counter() - t0
            base_cells, base_notes = [], []
            for k in (100, kmax):
                vals = scipy_rows[k]
                bad = int(np.count_nonzero(~np.isfinite(vals)))
                with workprec(prec):
                    dig_b = _digits(vals, [r[k] for r in ref])
                    worst_err = max(_abs_err(v, r[k]) for v, r in zip(vals, ref, strict=True)
                                    if np.isfinite(v)) if bad < len(vals) else float("inf")
                if bad:
                    cell = f"{bad}/200 inf/nan"
                elif min(dig_b) < 0:
                    cell = f"none (error up to {worst_err:.0e})"
                else:
                    cell = fmt_digits(min(dig_b))
                base_cells.append(cell)
                base_notes.append(
                    f"degree {k}: worst digits {fmt_digits(min(dig_b))}, median "
                    f"{fmt_digits(float(np.median(dig_b)))}, largest |error| {worst_err:.1e}"
                    + (f", {bad}/200 values inf/nan" if bad else ""))
            met = "yes" if min(dig_v) >= GEGENBAUER_DIGITS_TARGET and not outside else "NO"
            self.rows.append([
                label, f"{fmt_digits(min(dig_v))} digits (deg 100: {fmt_digits(min(dig_v100))}), "
                f"{t_v * 1e3:.0f} ms",
                "scipy.special.eval_gegenbauer / C_k(1), rows k=0..1000: deg 100 / deg 1000",
                " / ".join(base_cells) + f", {t_b * 1e3:.0f} ms", "n/a (digits, not time)",
                f">= {GEGENBAUER_DIGITS_TARGET:g} digits", met])
            self.notes.append(
                f"{label}: verify gegenbauer_sphere_float(1000, {d}, t), rows k=0..1000 on "
                f"linspace(-1, 1, 200): degree 1000 worst {fmt_digits(min(dig_v))} / median "
                f"{fmt_digits(float(np.median(dig_v)))} digits, worst over every k <= 1000 "
                f"{fmt_digits(dig_all)} (digits = -log10(|error| / max(|P|, 1e-3)), error "
                f"including the reference ball's radius); {t_v * 1e3:.1f} ms best of 3 for all "
                f"1001 rows. Reference: verify's gegenbauer_sphere_values on arb(t), worst "
                "radius/max(|P|,1e-3) at degree 1000: " + "; ".join(widths) + f" ({t_ref:.1f} s)"
                + (f"; it contains the exact rational value (power basis, {t_exact:.1f} s) "
                   "at k=100 and 1000 on every 10th point" if not outside else "")
                + ". Baseline, scipy.special.eval_gegenbauer(k, (d-2)/2, t) / "
                "eval_gegenbauer(k, (d-2)/2, 1): " + "; ".join(base_notes)
                + f" ({t_b:.2f} s for the 1001 rows).")
            if len(widths) > 1:
                wide.append(f"d={d}: {widths[0].split(': ', 1)[1]}, tight at {prec} bits")
        if wide:
            self.notes.append(
                "P_(1000,d): at the requested 300 bits the arb balls of "
                "gegenbauer_sphere_values(1000, d, arb(t)) are useless at degree 1000 (worst "
                "radius/max(|P|,1e-3): " + "; ".join(wide) + "): the ball radius of the "
                "three-term recurrence grows by up to 1+sqrt(2) per step (dependency problem), "
                "about 1270 bits over 1000 steps near t = +-1, so the precision was doubled until "
                "every ball was tight (< 1e-30). Not a wrong value (the balls contain the "
                "truth), but the function does not raise its precision itself.")

    # -- families -----------------------------------------------------------------------------
    def task_parity_pair10(self) -> None:
        """Exact certificate for one pair of parity networks, k = 10 (2^20 unit pairs)."""
        from verify.certificates import orthogonality_certificate
        from verify.checks import Verdict
        from verify.networks import parity_network

        f = parity_network(11, tuple(range(10)), "relu")
        h = parity_network(11, tuple(range(1, 11)), "relu")
        t_v, res = self.run_verify("parity pair k=10", lambda: orthogonality_certificate(f, h))
        ok = res is not None and res.verdict is Verdict.VERIFIED
        start = time.perf_counter()
        naive = baselines.naive_class_sums(10, 9)
        t_b = time.perf_counter() - start
        if any(v != 0 for v in naive.values()):
            self.mismatches.append("parity pair k=10: the naive class sums do not cancel")
        self.add_row("exact certificate, one parity pair, k=10 (1,048,576 unit pairs)", t_v,
                     "pure-Python double loop", t_b, "pair10", ok)

    def task_parity_family16_8(self) -> None:
        """The whole family n = 16, k = 8 (12,870 networks) using its permutation symmetry."""
        from verify.certificates import family_certificate, orthogonality_certificate
        from verify.checks import Verdict
        from verify.networks import parity_family

        fam = parity_family(16, 8, "relu")
        t_v, res = self.run_verify("parity family n=16 k=8",
                                   lambda: family_certificate(fam), repeats=1)
        ok = res is not None and res.verdict is Verdict.VERIFIED
        # Baseline: every pair, each by the same fast pair certificate; timed on 20 pairs and
        # extrapolated to all C(12870, 2) pairs (an estimate, labelled as such).
        pairs = [(0, j) for j in range(1, 21)]
        start = time.perf_counter()
        for i, j in pairs:
            orthogonality_certificate(fam.member(i), fam.member(j))
        per_pair = (time.perf_counter() - start) / len(pairs)
        t_b = per_pair * 12870 * 12869 / 2
        self.notes.append(f"family n=16 k=8 baseline: {per_pair * 1e3:.1f} ms per pair with the "
                          "fast pair certificate, times C(12870, 2) = 82,811,415 pairs "
                          f"= {t_b / 3600:.0f} h (extrapolated, not run).")
        self.add_row("exact certificate, whole family n=16, k=8 (12,870 networks)", t_v,
                     "every pair (extrapolated)", t_b, "family16_8", ok, " (est.)")

    def task_mc_norm8(self) -> None:
        """Monte Carlo of ‖f_S‖² for k = 8, relu, to 3 significant digits: measured directly."""
        from verify.activations import activation
        from verify.gram import parity_norm_dual_kernel
        from verify.measures import gaussian
        from verify.montecarlo import homogeneous_norm_squared
        from verify.networks import parity_network

        k, m, reps = 8, 19, 20
        t_quantile = 2.093  # Student t, 19 degrees of freedom, 97.5%
        net = parity_network(k, tuple(range(k)), "relu")
        law = gaussian(k)
        exact = float(parity_norm_dual_kernel(k, activation("relu"), digits=15)[1].mid())
        homogeneous_norm_squared(net, law, m=6, replicates=2, seed=99, control_variates=True)
        t_v, est = self.run_verify("MC ‖f_S‖² k=8", lambda: homogeneous_norm_squared(
            net, law, m=m, replicates=reps, seed=1, control_variates=True), repeats=1)
        n = reps * 2**m
        rng = np.random.default_rng(1)
        x = rng.standard_normal((2**21, k))
        start = time.perf_counter()
        vals = baselines.plain_parity_squares(k, x)
        t_b1 = time.perf_counter() - start
        if est is None or t_v is None:
            return
        half = t_quantile * est.stderr / abs(est.mean)
        ok = half <= 5e-4 and abs(est.mean - exact) <= t_quantile * est.stderr + 5e-4 * exact
        base_se = float(vals.std(ddof=1)) / np.sqrt(len(vals))
        need = len(vals) * (1.96 * base_se / (5e-4 * abs(float(vals.mean())))) ** 2
        t_base_need = t_b1 * need / len(vals)
        self.notes.append(
            f"MC ‖f_S‖² (k=8, relu): verify = RQMC on the sphere ({reps} scrambled Sobol' nets "
            f"of 2^{m} = {n} points), E[R^2] exact, 35 symmetric control variates with exact "
            f"sphere means (pilot-fitted): {est.mean:.5f} +- {half * 100:.3f}% (95%, Student t "
            f"on the replicates) in {t_v:.2f} s; exact value {exact:.6f} (dual-kernel form). "
            f"Plain numpy (i.i.d., all 256 units): {len(vals)} samples in {t_b1:.2f} s give "
            f"+- {1.96 * base_se / abs(float(vals.mean())) * 100:.2f}%; three digits need "
            f"about {need:.2e} samples, {t_base_need:.0f} s (extrapolated).")
        self.add_row("Monte Carlo ‖f_S‖², k=8, to 3 significant digits (95% half-width <= "
                     "5e-4 relative)", t_v, "plain numpy i.i.d., all 256 units (extrapolated)",
                     t_base_need, "mc_norm8", ok, " (baseline est.)")

    # -- table --------------------------------------------------------------------------------
    def add_row(self, label: str, t_v: float | None, base: str, t_b: float | None, target: str,
                ok: bool, ratio_note: str = "") -> None:
        ratio = f"{t_b / t_v:.1f}x{ratio_note}" if t_v and t_b else "n/a"
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


def arb_of(x: float) -> Any:
    """The double x exactly, as a flint.arb."""
    from flint import arb
    return arb(float(x))


def _fmpq_of(x: float) -> Any:
    from flint import fmpq
    return fmpq(*float(x).as_integer_ratio())


def _rel_radius(ball: Any) -> float:
    """radius / max(|mid|, 1e-3) as a float (inf for a non-finite ball)."""
    if not ball.is_finite():
        return float("inf")
    return float(ball.rad()) / max(abs(float(ball.mid())), 1e-3)


def _abs_err(value: float, ball: Any) -> float:
    """Upper bound of |value - true| for the reference ``ball`` (inf for inf/nan values)."""
    from flint import arb
    if not np.isfinite(value):
        return float("inf")
    return float(abs(arb(float(value)) - ball).upper())


def _digits(values: Any, balls: list[Any]) -> list[float]:
    """-log10(|value - true| / max(|true|, 1e-3)) per point; -inf for inf/nan values."""
    out = []
    for v, b in zip(values, balls, strict=True):
        err = _abs_err(v, b)
        if err == float("inf"):
            out.append(float("-inf"))
        elif err == 0:
            out.append(float("inf"))
        else:
            out.append(-float(np.log10(err / max(abs(float(b.mid())), 1e-3))))
    return out


def _fmt_small(x: float) -> str:
    return "< 1e-300" if x == 0 else f"{x:.1e}"


def _log10_q(q: Any) -> float:
    """log10 of a positive fmpq (no overflow)."""
    import math
    return math.log10(int(q.p)) - math.log10(int(q.q))


def _ranges(ks: list[int]) -> str:
    if not ks:
        return "none"
    if ks == list(range(ks[0], ks[-1] + 1)):
        return f"{ks[0]}..{ks[-1]}"
    return ",".join(map(str, ks))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="shrink the baselines (mpmath k <= 10, sympy k <= 8, sphere SymPy "
                             "stopped after 20 s)")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"),
                        help="where to write the Markdown results (default bench/RESULTS.md)")
    args = parser.parse_args(argv)

    info = machine_info()
    bench = Bench(args.quick)
    bench.load_verify()
    for task in (bench.task_sigmoid60, bench.task_sigmoid199, bench.task_relu2000,
                 bench.task_relu_sphere10, bench.task_relu_sphere1000,
                 bench.task_sigmoid_sphere60, bench.task_gegenbauer_float,
                 bench.task_parity_pair10, bench.task_parity_family16_8, bench.task_mc_norm8):
        try:
            task()
        except Exception:  # noqa: BLE001 - one broken task must not hide the others
            bench.failures.append(f"{task.__name__} crashed:\n" + traceback.format_exc())

    memos = clear_verify_memos()
    if memos:
        bench.notes.insert(0, "verify's result memos (" + ", ".join(sorted(memos)) + ") are "
                           "emptied before every timed call, so best-of-N times computations, "
                           "not cache hits.")
    mode = "--quick: baselines shrunk" if args.quick else "full run"
    out = [f"# verify vs baselines ({mode})", "", *info, "",
           "verify: best of 3 (time.perf_counter; best of 5 for the two exact sphere ReLU "
           "tasks); baselines: one run. ratio = baseline time / verify time (> 1: verify is "
           "faster). met? = verify's time within the target and its result checked. "
           "d = ambient dimension of the sphere S^(d-1). **Exception, the P_{1000,d} rows:** "
           "their verify and baseline cells hold worst correct digits over 200 points of "
           "[-1, 1] (error relative to max(|P|, 1e-3), so at least as strict as absolute "
           "digits), not seconds; their times are in the notes.", "", bench.table(), "",
           "## Notes", ""]
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
