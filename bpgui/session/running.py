"""Run's pace: how many iterations each tick computes, and on which thread.

The window must never wait long for Run. At full speed a frame (one tick's
computing, the views drawing its result, the event loop's other work) should
last about ``FRAME_TARGET``: the tick computes for what the frame leaves after
the drawing measured so far, and at least half as long as drawing takes
(between ``MIN_COMPUTE`` and ``MAX_COMPUTE``). The controller lets the views
draw a tick from an event of its own, so the longest wait the event loop sees
is the computing or the drawing, not both. At a
set speed a tick computes the iterations the speed asks for, within
``FRAME_SECONDS × COMPUTE_SHARE``. Either way a tick sizes its chunks from what
an iteration has cost so far (:class:`Pace`), never from a fixed count: a 2-2-1
network runs thousands of iterations in a tick, a 784-128-10 one a few.

An iteration that alone would take more than ``HEAVY_SECONDS`` (a pass of
accumulated BP over thousands of samples, or a network near 10⁶ parameters)
is computed on a background thread instead (:class:`Background`): the
trainer plans it (``Trainer.plan_next``), the thread runs the pure arithmetic
(``compute_next``: it reads the plan only, never the trainer), and the tick
that finds it done applies it on the session's thread (``Trainer.apply_next``),
but only if the trainer still stands where the plan started. A pause, a step
back or an edit meanwhile simply drops the result. Nothing else of the
session is touched off its thread, so no lock is needed.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from threadpoolctl import threadpool_limits

__all__ = ["COMPUTE_SHARE", "FRAME_SECONDS", "FRAME_TARGET", "HEAVY_SECONDS", "SETTLE_PARAMETERS", "Background", "Pace",
           "settle_memory"]

# At a set speed a tick may use this share of a 60 Hz frame.
FRAME_SECONDS = 1 / 60
COMPUTE_SHARE = 0.6
# At full speed: a frame of about 1/40 s (over 30 repaints a second), of which computing gets
# what the drawing leaves, within these bounds.
FRAME_TARGET = 1 / 40
MIN_COMPUTE = 0.004
MAX_COMPUTE = 0.030
# ... and never less than this share of what drawing a frame takes (when drawing is slow, the frame
# rate gives a little so that Run still advances).
DRAWING_SHARE_TO_COMPUTE = 0.5
# An iteration expected to take longer than this runs off the session's thread: about half a frame, so the
# window waits for at most about one such iteration (Run's drawing is an event of its own). Off the thread an
# iteration computes more slowly, beside the window's drawing (on 2 cores 9-10 ms for what takes 3-5 ms on
# it): at 6 ms a 10^6-parameter step measured off the thread never looked light enough to come back, and Run
# did one a frame (55 a second instead of 170) with waits of 50-230 ms while the two threads competed.
HEAVY_SECONDS = 0.012
# Before an iteration of a size has been timed: seconds per unit of work
# (parameters × samples), deliberately pessimistic, plus a fixed overhead.
GUESS_SECONDS_PER_WORK = 4e-9
GUESS_OVERHEAD = 2e-5
MAX_CHUNK = 1 << 16

T = TypeVar("T")
P = TypeVar("P")


class Pace:
    """Seconds per iteration, learned per size of iteration (its work: parameters × samples)."""

    def __init__(self) -> None:
        self._seconds: dict[int, float] = {}
        self._drawing: float | None = None  # seconds a frame spends outside computing (mean of recent ones)
        self._computed_until: float | None = None
        self._starting = False

    def restart(self) -> None:
        """Run (re)starts: the time since the last tick says nothing about drawing, and the first frame
        also repaints what Run disables (the toolbar's and the settings' states): it computes little."""
        self._computed_until = None
        self._starting = True

    def compute_budget(self, now: float) -> float:
        """Seconds the full-speed tick starting ``now`` may compute: the frame's target less the
        time the last frames spent drawing and in the event loop."""
        if self._computed_until is not None:
            drawing = min(now - self._computed_until, 1.0)
            self._drawing = drawing if self._drawing is None else 0.5 * (self._drawing + drawing)
        if self._starting:  # Run's first frame: the window repaints much of itself (see restart)
            self._starting = False
            return MIN_COMPUTE
        drawing = FRAME_SECONDS * (1 - COMPUTE_SHARE) if self._drawing is None else self._drawing
        # When drawing alone fills the frame, computing still gets a third of it (fewer frames).
        return min(MAX_COMPUTE, max(MIN_COMPUTE, FRAME_TARGET - drawing, drawing * DRAWING_SHARE_TO_COMPUTE))

    def computed(self, now: float) -> None:
        """The tick's computing ended ``now`` (its drawing starts)."""
        self._computed_until = now

    def estimate(self, work: int) -> float:
        """Expected seconds for one iteration of ``work``."""
        known = self._seconds.get(work)
        return known if known is not None else GUESS_OVERHEAD + GUESS_SECONDS_PER_WORK * work

    def heavy(self, work: int) -> bool:
        return self.estimate(work) > HEAVY_SECONDS

    def measured(self, work: int, seconds: float, iterations: int) -> None:
        """``iterations`` of ``work`` took ``seconds`` in all."""
        if iterations <= 0:
            return
        per = max(seconds / iterations, 1e-9)
        old = self._seconds.get(work)
        self._seconds[work] = per if old is None else 0.5 * (old + per)
        if len(self._seconds) > 64:
            self._seconds = {work: self._seconds[work]}

    def chunk(self, work: int, seconds_left: float, wanted: int | None) -> int:
        """How many iterations fit in ``seconds_left`` (at least one; at most ``wanted``)."""
        n = max(1, min(MAX_CHUNK, int(seconds_left / self.estimate(work))))
        return n if wanted is None else max(1, min(n, wanted))


def _timed(compute: Callable[[P], T], plan: P) -> tuple[T, float]:
    """``compute(plan)`` and the seconds it took, measured on the thread that computes it."""
    start = time.perf_counter()
    result = compute(plan)
    return result, time.perf_counter() - start


class Background(Generic[P, T]):
    """At most one computation in flight on a thread of its own, with the plan it was made from."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._flight: tuple[P, Future[tuple[T, float]]] | None = None

    @property
    def in_flight(self) -> bool:
        return self._flight is not None

    def start(self, plan: P, compute: Callable[[P], T]) -> None:
        if self._executor is None:
            leave_a_core_to_the_window()
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bpgui-run")
        self._flight = (plan, self._executor.submit(_timed, compute, plan))

    def done(self) -> bool:
        return self._flight is not None and self._flight[1].done()

    @property
    def plan(self) -> P | None:
        """The plan of the computation in flight (None: none)."""
        return None if self._flight is None else self._flight[0]

    def take(self) -> tuple[P, T, float]:
        """The finished computation: its plan, its result (or its exception, raised) and the seconds it computed
        for, on its thread: not the time until it was taken, which holds the frames drawn meanwhile (a 5 ms
        iteration taken a frame later would read as 20 ms, and Run would keep it off the thread for ever)."""
        assert self._flight is not None
        plan, future = self._flight
        self._flight = None
        result, seconds = future.result()
        return plan, result, seconds

    def wait(self, seconds: float | None = None) -> bool:
        """Block until the computation in flight is done (tests, the command line); False on timeout."""
        if self._flight is None:
            return True
        try:
            self._flight[1].exception(timeout=seconds)
        except TimeoutError:
            return False
        return True

    def drop(self) -> None:
        """Forget the computation in flight; its thread finishes it and nobody reads the result."""
        self._flight = None

    def close(self, wait: bool = False) -> Any:
        self._flight = None
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None


# From this many parameters on, a new network is followed by settle_memory (a collection costs ~1 ms per 3,000
# objects: 20,000 parameters' 40,000 objects about 13 ms, once).
SETTLE_PARAMETERS = 20_000


def settle_memory() -> None:
    """Collect garbage once, then freeze what lives (``gc.freeze``): a big network's per-parameter objects
    (its names, the table's rows) are then never walked again by a full collection, which at 10^6
    parameters took 335 ms whenever it fell in the middle of Run. Frozen objects are still freed when
    their last reference goes; only a reference cycle among them would stay."""
    gc.collect()
    gc.freeze()


def leave_a_core_to_the_window() -> None:
    """BLAS (OpenBLAS) may use one thread fewer than the machine has cores, from now on in this process.

    A session sets it when it starts, before any arithmetic (the thread count changes a big product's
    rounding: 784-1250-10 steps computed with 2 threads, replayed with 1, differed in the last bit, and a
    step back then showed the preview of a hand edit); a background computation sets it again.

    A computation off the window's thread is one long BLAS call; OpenBLAS ran it on every core, so on 2 cores
    the window's thread waited for one: paints 3-5x slower and 50-56 ms waits in accumulated 784-128-10 x
    2,000. With one BLAS thread beside it, the waits were 23-33 ms and Run did 60 % more passes a second."""
    threadpool_limits(limits=max(1, (os.cpu_count() or 2) - 1), user_api="blas")
