"""Shared helpers for the benchmark scripts: timing by repetition, printed ratios."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def per_call_seconds(fn: Callable[[], object], *, min_time: float = 0.4, repeats: int = 5) -> float:
    """Median over ``repeats`` rounds of the mean time of one call (rounds last ≥ min_time/repeats)."""
    fn()  # warm up
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= min_time / repeats:
            break
        n *= 2
    rounds = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        rounds.append((time.perf_counter() - start) / n)
    return statistics.median(rounds)


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:9.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:9.2f} ms"
    return f"{seconds:9.3f} s "


def torch_or_none():
    """PyTorch on ONE thread (two threads on a busy 2-core box made it 3× slower), or None."""
    from references import torch_or_none as one_thread

    return one_thread()
