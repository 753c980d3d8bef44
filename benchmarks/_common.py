"""Shared helpers for the benchmark scripts: timing by repetition, printed ratios."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def calls_lasting(fn: Callable[[], object], min_time: float, limit: int = 1 << 20) -> int:
    """How many back-to-back calls of ``fn`` last at least ``min_time`` (doubling; after one warm-up call)."""
    fn()  # warm up
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - start >= min_time or n >= limit:
            return n
        n *= 2


def per_call_seconds(fn: Callable[[], object], *, min_time: float = 0.4, repeats: int = 5) -> float:
    """Median over ``repeats`` rounds of the mean time of one call (rounds last ≥ min_time/repeats)."""
    n = calls_lasting(fn, min_time / repeats)
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
