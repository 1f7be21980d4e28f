"""Time budgets for symbolic proof attempts (SymPy's ``simplify`` has no time limit of its own).

A symbolic proof is an *attempt*: when it does not finish within its budget it counts as
"not proved", which is always the safe answer (a parity that is not proved is not used, an
identity that is not proved is decided numerically instead). :func:`time_limit` raises
:class:`ProofTimeout` inside the block when the budget runs out.

Budgets nest: an inner budget never outlives the outer one, and the outer budget keeps
running (less the time spent inside) when the inner block ends. The alarm is a POSIX
interval timer (``SIGALRM``), so a budget applies only in the main thread; in other threads
the block runs without a limit (worker threads of a caller's own pool).

>>> with time_limit(5):
...     1 + 1
2
>>> import time
>>> try:
...     with time_limit(0.05):
...         time.sleep(1)
... except ProofTimeout:
...     print("not proved in time")
not proved in time
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class ProofTimeout(Exception):
    """A symbolic proof attempt ran out of its time budget (it proves nothing either way)."""


def _raise_timeout(signum: int, frame: object) -> None:
    raise ProofTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ProofTimeout` in the block after ``seconds`` (> 0) of wall time.

    Raises ValueError for a non-positive or non-finite budget.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not (
            0 < seconds < float("inf")):
        raise ValueError(f"seconds={seconds!r} must be a positive finite number")
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    budget = seconds if outer_left == 0 else min(seconds, outer_left)
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    start = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            # The outer budget goes on with what is left of it (at least a moment, so that an
            # exhausted outer budget still fires in its own block).
            left = outer_left - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))
