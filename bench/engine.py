"""Side-by-side timings of the certified engine (verify.integrate) in one run.

Run from the repository root:  python bench/engine.py [--slow]

Columns: the engine (best of 3 after one warm-up run that fills the Gauss-Legendre node cache;
the cold first run is shown too; CPU time of this process, ``time.process_time``, and wall
time, since the benchmark machine may be shared: the ratios use CPU time), today's certified
path (one ``acb.integral`` per k:
``hermite.hermite_coefficients(..., tier="certified")`` / ``gegenbauer.gegenbauer_coefficients``,
one run, memo cleared), and ``mpmath.quad`` at dps=30 (one run), with the ratios. Every engine
row is checked: all balls meet the digits, and (where today's path ran) every engine ball
overlaps today's. Today's path is run only where it takes under ~15 s unless ``--slow`` is
given (sigmoid K = 200 takes ~40 s, K = 400 ~6 min, d = 1000 K = 120 ~60 s: measured in
issue 14; K = 1000 is never run there, it would take about an hour). The growth exponent in
K is the least-squares slope of log(time) on log(K).
Nothing here writes files; bench/run.py and bench/RESULTS.md are separate.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import baselines  # noqa: E402

from verify import gegenbauer, hermite  # noqa: E402
from verify.activations import activation  # noqa: E402
from verify.integrate import gaussian_coefficients, sphere_coefficients  # noqa: E402


def clear_memos() -> None:
    """Forget today's path's memo of certified coefficients (so a run computes)."""
    for module in (hermite, gegenbauer):
        for name, value in list(vars(module).items()):
            if "CACHE" in name.upper() and isinstance(value, dict):
                value.clear()


WALL: dict[str, float] = {}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(CPU seconds of this process, result); the wall time goes to ``WALL["last"]``."""
    t0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    WALL["last"] = time.perf_counter() - w0
    return time.process_time() - t0, out


def engine_time(fn: Callable[[], Any], repeats: int = 3) -> tuple[float, float, Any]:
    """(cold first run, best of ``repeats`` warm runs, result), CPU seconds; the best warm
    run's wall time goes to ``WALL["engine"]``."""
    cold, out = timed(fn)
    best = math.inf
    for _ in range(repeats):
        t, out = timed(fn)
        if t < best:
            best, WALL["engine"] = t, WALL["last"]
    return cold, best, out


def fmt(t: float | None) -> str:
    if t is None:
        return "—"
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None else f"{b / a:.0f}x"


ROWS: list[list[str]] = []
PROBLEMS: list[str] = []


def check(label: str, coeffs: list[Any], today: list[Any] | None) -> None:
    unmet = [c.k for c in coeffs if not c.met]
    if unmet:
        PROBLEMS.append(f"{label}: engine missed the digits at k={unmet[:10]}")
    if today is not None:
        by_k = {c.k: c for c in today}
        bad = [c.k for c in coeffs if c.k in by_k and not c.ball.overlaps(by_k[c.k].ball)]
        if bad:
            PROBLEMS.append(f"{label}: engine and acb.integral balls disjoint at k={bad}")


def row(label: str, cold: float, warm: float, today: float | None, mp: float | None,
        note: str = "") -> None:
    ROWS.append([label, fmt(warm), fmt(WALL["engine"]), fmt(cold), fmt(today),
                 ratio(warm, today), fmt(mp), ratio(warm, mp), note])
    print(" | ".join(ROWS[-1]), flush=True)


def gaussian_row(name: str, kmax: int, digits: int, *, run_today: bool, run_mp: bool = False,
                 degrees: list[int] | None = None) -> float:
    act = activation(name)
    label = f"{name} c_{degrees[0]}" if degrees else f"{name} c_0..c_{kmax}"
    label += f", {digits} digits"
    cold, warm, coeffs = engine_time(
        lambda: gaussian_coefficients(act, kmax, digits=digits, degrees=degrees))
    today_t, today = None, None
    if run_today:
        clear_memos()
        if degrees:
            today_t, one = timed(lambda: hermite.certified_coefficient(act, degrees[0],
                                                                       digits=digits))
            today = [one]
        else:
            today_t, today = timed(lambda: hermite.hermite_coefficients(
                act, kmax, digits=digits, tier="certified"))
    mp_t = None
    if run_mp and name == "sigmoid":
        ks = degrees or list(range(kmax + 1))
        mp_t, _ = timed(lambda: baselines.mpmath_sigmoid(ks, dps=30))
    check(label, coeffs, today)
    method = max(coeffs, key=lambda c: c.k if "nodes" in c.method else -1).method
    nodes = method.split("(")[1].split(")")[0] if "(" in method else ""
    row(label, cold, warm, today_t, mp_t, nodes)
    return warm


def sphere_row(kmax: int, d: int, digits: int, *, run_today: bool) -> None:
    act = activation("sigmoid")
    label = f"sigmoid a_0..a_{kmax}, d = {d}, {digits} digits"
    cold, warm, coeffs = engine_time(lambda: sphere_coefficients(act, kmax, d=d, digits=digits),
                                     repeats=2)
    today_t, today = None, None
    if run_today:
        clear_memos()
        today_t, today = timed(lambda: gegenbauer.gegenbauer_coefficients(
            act, kmax, d=d, digits=digits, tier="certified"))
    check(label, coeffs, today)
    method = max(coeffs, key=lambda c: c.k if "nodes" in c.method else -1).method
    nodes = method.split("(")[1].split(")")[0] if "(" in method else ""
    row(label, cold, warm, today_t, None, nodes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slow", action="store_true",
                        help="also run today's path where it takes minutes")
    slow = parser.parse_args().slow
    print("row | engine CPU (warm) | engine wall | engine CPU (cold) | today CPU (acb.integral "
          "per k) | ratio | mpmath.quad dps=30 CPU | ratio | nodes")
    gaussian_row("sigmoid", 60, 30, run_today=True, run_mp=True)
    gaussian_row("sigmoid", 199, 20, run_today=True, run_mp=True, degrees=[199])
    sizes, times = [], []
    for kmax in (50, 100, 200, 400, 1000):
        # today's path at K = 1000 would take about an hour (K^2.5 from 6 minutes at 400)
        t = gaussian_row("sigmoid", kmax, 30, run_today=kmax <= 50 or (slow and kmax <= 400))
        sizes.append(kmax)
        times.append(t)
    for name in ("tanh", "gelu", "softplus"):
        for digits in (15, 30, 60, 100):
            gaussian_row(name, 60, digits, run_today=digits <= 30)
    for d in (3, 10, 100, 1000):
        sphere_row(120, d, 30, run_today=slow or d <= 10)
    slope = float(np.polyfit(np.log(sizes), np.log(times), 1)[0])
    print(f"\ngrowth: engine time ~ K^{slope:.2f} for sigmoid c_0..c_K at 30 digits, "
          f"K in {sizes} (warm times {[fmt(t) for t in times]})")
    if PROBLEMS:
        print("\nPROBLEMS:\n" + "\n".join(PROBLEMS))
        return 1
    print("\nall engine balls met their digits and overlapped today's where it ran")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
