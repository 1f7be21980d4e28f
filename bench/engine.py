"""Issue 14's speed rows, side by side in one run: the default certified tier (the shared-node
engine, verify.integrate) against the independent second method (one ``acb.integral`` per k,
``hermite.certified_coefficient_acb`` / ``gegenbauer.certified_sphere_coefficient_acb``) and
against ``mpmath.quad``, what users reach for (ANCHORS.md).

Run from the repository root:  python bench/engine.py [--slow] [--markdown FILE]

Every verify time goes through the PUBLIC functions (``hermite.hermite_coefficients``,
``gegenbauer.gegenbauer_coefficients``) with every memo emptied first (the Gauss-Legendre
node cache included), so it is a cold computation in a warm process: CPU time of this
process (``time.process_time``; the machine may be shared) and wall time. The acb column is
run where it takes under ~20 s unless ``--slow`` (sigmoid K = 200 took ~40 s, K = 400 ~6 min:
issue 14). Every row is checked: all balls meet the digits and every ball overlaps the acb
method's ball where that ran; a row that fails is printed under PROBLEMS and the exit code
is 1. The growth exponent in K is the least-squares slope of log(time) on log(K).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import baselines  # noqa: E402

from verify import gegenbauer, hermite  # noqa: E402
from verify.activations import activation  # noqa: E402


def clear_memos() -> None:
    """Empty every process-wide memo of verify (module-level dicts named ``*CACHE*``)."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("verify"):
            continue
        for attr, value in list(vars(module).items()):
            if ("CACHE" in attr.upper() or attr == "_NOT_BOUNDABLE") and isinstance(value, dict):
                value.clear()


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(CPU seconds, wall seconds, result) of one call, memos emptied first (untimed)."""
    clear_memos()
    t0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - t0, time.perf_counter() - w0, out


def best(fn: Callable[[], Any], repeats: int = 3) -> tuple[float, float, Any]:
    runs = [timed(fn) for _ in range(repeats)]
    cpu, wall, out = min(runs, key=lambda r: r[0])
    return cpu, wall, out


def fmt(t: float | None) -> str:
    if t is None:
        return "—"
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None or a == 0 else f"{b / a:.0f}x"


ROWS: list[list[str]] = []
PROBLEMS: list[str] = []


def check(label: str, coeffs: list[Any], other: list[Any] | None) -> None:
    unmet = [c.k for c in coeffs if not c.met]
    if unmet:
        PROBLEMS.append(f"{label}: the default tier missed the digits at k={unmet[:10]}")
    if other is not None:
        by_k = {c.k: c for c in other}
        bad = [c.k for c in coeffs if c.k in by_k and not c.ball.overlaps(by_k[c.k].ball)]
        if bad:
            PROBLEMS.append(f"{label}: default tier and acb.integral balls disjoint at k={bad}")


def row(label: str, cpu: float, wall: float, target: float | None, acb_t: float | None,
        mp_t: float | None, note: str = "") -> None:
    met = "—" if target is None else ("yes" if cpu <= target else "NO")
    ROWS.append([label, fmt(cpu), fmt(wall), "—" if target is None else f"<= {fmt(target)}",
                 met, fmt(acb_t), ratio(cpu, acb_t), fmt(mp_t), ratio(cpu, mp_t), note])
    print(" | ".join(ROWS[-1]), flush=True)


def engine_method(coeffs: list[Any]) -> str:
    methods = {c.method.split(";")[0] for c in coeffs if c.exact is None}
    return "; ".join(sorted(methods))[:80]


def gaussian_row(name: str, kmax: int, digits: int, *, run_acb: bool, run_mp: bool = False,
                 target: float | None = None, single: bool = False) -> float:
    act = activation(name)
    label = f"{name} c_{kmax}" if single else f"{name} c_0..c_{kmax}"
    label += f", {digits} digits"
    if single:
        cpu, wall, one = best(lambda: hermite.hermite_coefficient(act, kmax, digits=digits))
        coeffs = [one]
    else:
        cpu, wall, coeffs = best(lambda: hermite.hermite_coefficients(act, kmax, digits=digits))
    acb_t, other = None, None
    if run_acb:
        ks = [kmax] if single else range(kmax + 1)
        acb_t, _, other = timed(lambda: [hermite.certified_coefficient_acb(act, k, digits=digits)
                                         for k in ks])
    mp_t = None
    if run_mp and name == "sigmoid":
        ks = [kmax] if single else list(range(kmax + 1))
        mp_t, _, _ = timed(lambda: baselines.mpmath_sigmoid(ks, dps=digits))
    check(label, coeffs, other)
    row(label, cpu, wall, target, acb_t, mp_t, engine_method(coeffs))
    return cpu


def sphere_row(kmax: int, d: int, digits: int, *, run_acb: bool, target: float) -> None:
    act = activation("sigmoid")
    label = f"sigmoid a_0..a_{kmax}, d = {d}, {digits} digits"
    cpu, wall, coeffs = best(lambda: gegenbauer.gegenbauer_coefficients(act, kmax, d=d,
                                                                       digits=digits), 2)
    acb_t, other = None, None
    if run_acb:
        acb_t, _, other = timed(lambda: [gegenbauer.certified_sphere_coefficient_acb(
            act, k, d=d, digits=digits) for k in range(kmax + 1)])
    check(label, coeffs, other)
    row(label, cpu, wall, target, acb_t, None, engine_method(coeffs))


def gegenbauer_float_rows() -> list[list[str]]:
    """P_{k,d} in doubles: verify's float tier (the three-term recurrence of P_{k,d}) against
    scipy.special.eval_gegenbauer(k, lambda, t) / C_k^lambda(1), what users reach for, on 200
    points of [-1, 1]: worst correct digits of P_{1000,d} against exact rational evaluation
    (fmpq), and the time of all rows k = 0..1000 both ways."""
    import scipy.special
    from flint import fmpq

    from verify.orthopoly import gegenbauer_sphere_float, gegenbauer_sphere_polys

    out = []
    ts = np.linspace(-1, 1, 200)
    for d in (3, 10, 100):
        k = 1000
        exact_poly = gegenbauer_sphere_polys(k, d)[k]
        exact = np.array([float(exact_poly(fmpq(*t.as_integer_ratio()))) for t in ts])
        t0 = time.perf_counter()
        ours = gegenbauer_sphere_float(k, d, ts)[k]
        t_ours = time.perf_counter() - t0
        lam = (d - 2) / 2
        t0 = time.perf_counter()
        with np.errstate(all="ignore"):  # every row k = 0..1000, as verify's call returns
            rows = [scipy.special.eval_gegenbauer(j, lam, ts)
                    / scipy.special.eval_gegenbauer(j, lam, 1.0) for j in range(k + 1)]
        t_theirs = time.perf_counter() - t0
        theirs = rows[k]
        scale = np.maximum(np.abs(exact), 1e-300)

        def worst(v: np.ndarray, exact: np.ndarray = exact, scale: np.ndarray = scale) -> str:
            if not np.all(np.isfinite(v)):
                return "non-finite values"
            err = np.max(np.abs(v - exact) / np.maximum(scale, 1e-16))
            return f"{-math.log10(max(err, 1e-17)):.1f} digits (worst, relative to max(|P|, 1e-16))"

        out.append([f"P_(1000,{d}) at 200 points in doubles", worst(ours), fmt(t_ours),
                    worst(theirs), fmt(t_theirs)])
        print(" | ".join(out[-1]), flush=True)
    return out


def run_quick_time() -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "verify", "run", "--quiet"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        PROBLEMS.append(f"verify run exited {proc.returncode}: {proc.stderr.strip()[:300]}")
    return wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slow", action="store_true",
                        help="also run the acb.integral method where it takes minutes")
    parser.add_argument("--markdown", help="also write the tables to this Markdown file")
    args = parser.parse_args()
    head = ["row", "verify CPU", "verify wall", "target", "met?", "acb.integral per k CPU",
            "ratio", "mpmath.quad CPU", "ratio", "method"]
    print(" | ".join(head))
    gaussian_row("sigmoid", 60, 30, run_acb=True, run_mp=True, target=0.1)
    gaussian_row("sigmoid", 199, 20, run_acb=True, run_mp=True, target=0.3, single=True)
    sizes, times = [], []
    for kmax in (50, 100, 200, 400, 1000):
        t = gaussian_row("sigmoid", kmax, 30, run_acb=kmax <= 50 or (args.slow and kmax <= 400),
                         target=2.0 if kmax == 400 else None)
        sizes.append(kmax)
        times.append(t)
    for name in ("tanh", "gelu", "softplus"):
        for digits in (15, 30, 60, 100):
            gaussian_row(name, 60, digits, run_acb=digits <= 30)
    for d in (3, 10, 100, 1000):
        sphere_row(120, d, 30, run_acb=args.slow or d <= 10, target=2.0)
    slope = float(np.polyfit(np.log(sizes), np.log(times), 1)[0])
    growth = (f"growth: time ~ K^{slope:.2f} for sigmoid c_0..c_K at 30 digits, K in {sizes} "
              f"(CPU {[fmt(t) for t in times]})")
    print("\n" + growth)
    print("\nrow | verify float tier | time (rows 0..1000) | scipy.special.eval_gegenbauer | "
          "time (rows 0..1000)")
    float_rows = gegenbauer_float_rows()
    quick = run_quick_time()
    print(f"\nverify run (quick profile, every claim of the four papers): {quick:.1f} s wall")
    if args.markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in ROWS]
        lines += ["", growth, "", "| P_{k,d} in doubles | verify | time (rows 0..1000) | "
                  "scipy eval_gegenbauer | time (rows 0..1000) |", "|---|---|---|---|---|"]
        lines += ["| " + " | ".join(r) + " |" for r in float_rows]
        lines += ["", f"`verify run` (quick profile): {quick:.1f} s wall"]
        Path(args.markdown).write_text("\n".join(lines) + "\n")
    if PROBLEMS:
        print("\nPROBLEMS:\n" + "\n".join(PROBLEMS))
        return 1
    print("\nevery ball met its digits and overlapped the acb.integral method's where it ran")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
