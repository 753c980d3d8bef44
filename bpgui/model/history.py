"""Compact storage for per-iteration and per-epoch figures, bounded however long Run goes on.

Training for 10^6 iterations must not need 10^6 records: the history keeps
only a float per iteration and a few per epoch; everything else is rebuilt
by deterministic replay from checkpoints (see ``training``).

Leaving Run on for a lecture must not need a float per iteration either. Past
a size, both the error curve and the epoch log keep their most recent rows
exactly and *thin* the older ones: of every bucket of consecutive rows they
keep two real rows, the one with the smallest and the one with the largest
error (in time order), so the curve keeps its shape and every point drawn is
an exact value at its own iteration. When the thinned part is full, its
buckets are merged pairwise (the same rule again) and later buckets are twice
as wide: the storage stays under a fixed number of rows for any length of run.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

import numpy as np
from numpy.typing import DTypeLike

from .pages import small_pages_empty

FIRST_BUCKET = 4  # rows per bucket when thinning starts (two of four kept)
# How many bytes of interval checkpoints a trainer aims at (see ``HistoryBounds.per_level``).
CHECKPOINT_BUDGET = 32 * 2**20
# How many bytes of states a trainer keeps from its last replays (see ``RecentStates``).
RECENT_BUDGET = 8 * 2**20


@dataclass(frozen=True)
class HistoryBounds:
    """How a trainer's history stays bounded (the defaults: see README, "Speed").

    The error curve keeps the last ``exact_errors`` iterations one by one and at most
    ``thinned_errors`` rows for the older ones (≈ 22 MiB in all at most); the epoch log
    the same with its rows (≈ 6 MiB); None keeps everything. ``checkpoints_per_level``
    (None: chosen from the network's size) sets how far apart old checkpoints get.
    """

    exact_errors: int | None = 2**20
    thinned_errors: int = 2**18
    exact_epoch_rows: int | None = 2**16
    thinned_epoch_rows: int = 2**16
    checkpoints_per_level: int | None = None

    def per_level(self, n_parameters: int) -> int:
        """Interval checkpoints per doubling of age: 64 for a small network, fewer (≥ 2) for a
        large one, so that about 24 doublings (10^10 iterations) stay within CHECKPOINT_BUDGET."""
        if self.checkpoints_per_level is not None:
            return self.checkpoints_per_level
        per_checkpoint = 8 * n_parameters + 1000
        return max(2, min(64, CHECKPOINT_BUDGET // (24 * per_checkpoint)))


class EpochRow(NamedTuple):
    """E and accuracy over the training (and test) set at the end of an epoch (NaN: nothing to measure)."""

    iteration: int
    epoch: int
    error: float
    accuracy: float
    test_error: float
    test_accuracy: float


class HasIteration(Protocol):
    @property
    def iteration(self) -> int: ...


class GrowableArray:
    """A 1-D array that grows by doubling; ``view()`` shows the filled part."""

    __slots__ = ("_data", "_size")

    def __init__(self, dtype: DTypeLike = np.float64, capacity: int = 1024) -> None:
        self._data = small_pages_empty(capacity, dtype)  # (grown and thinned inside a Run tick)
        self._size = 0

    @classmethod
    def of_parts(cls, values: np.ndarray, start: int, rows: np.ndarray, tail: int, capacity: int) -> GrowableArray:
        """A copy of ``values[keep]`` for keep = [0, start) + ``rows`` + [tail, len), in room for ``capacity``
        (more if needed): the two ranges copied as slices, only ``rows`` gathered."""
        grown = cls(values.dtype, max(capacity, start + rows.shape[0] + values.shape[0] - tail, 1))
        for part in (values[:start], values[rows], values[tail:]):
            grown.extend(part)
        return grown

    def extend(self, values: np.ndarray) -> None:
        """Append ``values``, in order."""
        end = self._size + values.shape[0]
        if end > self._data.shape[0]:
            self._grow(end)
        self._data[self._size : end] = values
        self._size = end

    def append(self, value: float) -> None:
        if self._size == self._data.shape[0]:
            self._grow(self._size + 1)
        self._data[self._size] = value
        self._size += 1

    def _grow(self, at_least: int) -> None:
        grown = small_pages_empty(max(at_least, 2 * self._data.shape[0]), self._data.dtype)
        grown[: self._size] = self._data[: self._size]
        self._data = grown

    def truncate(self, size: int) -> None:
        self._size = min(self._size, max(0, size))

    def view(self) -> np.ndarray:
        """Read-only view of the filled part (it stays valid until the next append)."""
        v = self._data[: self._size]
        v.setflags(write=False)
        return v

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> Any:
        return self.view()[i]

    @property
    def nbytes(self) -> int:
        return self._data.nbytes


def extremes(values: np.ndarray, group: int) -> np.ndarray:
    """Sorted indices of two rows of every ``group`` consecutive rows: the smallest and the
    largest value (two distinct rows even if they are equal); a shorter last group is kept whole."""
    n = values.shape[0]
    full = n // group * group
    groups = values[:full].reshape(-1, group)
    low, high = groups.argmin(axis=1), groups.argmax(axis=1)
    high = np.where(high == low, (low + 1) % group, high)
    base = np.arange(groups.shape[0]) * group
    pairs = np.stack([base + np.minimum(low, high), base + np.maximum(low, high)], axis=1).ravel()
    return np.concatenate([pairs, np.arange(full, n)])


class Thinning:
    """Which rows of a table to keep: rows ``[0, start)`` always, ``[start, prefix)`` thinned,
    ``[prefix, rows)`` exact (at most ``exact`` of them)."""

    __slots__ = ("exact", "limit", "prefix", "start", "width")

    def __init__(self, exact: int, thinned: int, start: int = 0) -> None:
        if exact < 2 * FIRST_BUCKET or thinned < 8:
            raise ValueError("exact must be ≥ 8 rows and thinned ≥ 8 rows")
        self.exact, self.limit, self.start = int(exact), int(thinned), int(start)
        self.prefix = start  # end of the thinned rows
        self.width = FIRST_BUCKET  # rows of the exact part per bucket at the next thinning

    @property
    def capacity(self) -> int:
        """The most rows the table ever holds (before a row is appended, ``due`` is asked)."""
        return self.start + self.limit + self.exact + 1

    def due(self, rows: int) -> bool:
        return rows - self.prefix >= self.exact

    def plan_parts(self, key: np.ndarray) -> tuple[np.ndarray, int]:
        """The rows to keep (``key``: the values buckets are judged by), as parts: rows ``[0, start)``, then the
        rows ``thinned`` (indices into ``key``), then rows ``[tail, len(key))``; updates the state."""
        rows = key.shape[0]
        spill = (rows - self.prefix - self.exact // 2) // self.width * self.width
        spilled = self.prefix + extremes(key[self.prefix : self.prefix + spill], self.width)
        thinned = np.concatenate([np.arange(self.start, self.prefix), spilled])
        if thinned.shape[0] > self.limit:
            thinned = thinned[extremes(key[thinned], 2 * 2)]  # two buckets of two rows become one
            # Later buckets twice as wide, but a spill always holds a bucket or more.
            self.width = min(2 * self.width, self.exact // 2)
        tail = self.prefix + spill
        self.prefix = self.start + thinned.shape[0]
        return thinned, tail

    def truncated(self, rows: int) -> None:
        self.prefix = min(self.prefix, max(rows, self.start))

    @property
    def active(self) -> bool:
        return self.prefix > self.start


class ErrorCurve:
    """The error of every iteration 1..end: exact for the most recent ``exact`` iterations,
    thinned (two real points per bucket, see the module) before them.

    ``values()`` are the errors kept; ``positions()`` their iterations t, or None while
    nothing is thinned (then ``values()[t − 1]`` is the error of iteration t).
    """

    def __init__(self, exact: int | None = 2**20, thinned: int = 2**18) -> None:
        self._thinning = None if exact is None else Thinning(exact, thinned)
        self._y = GrowableArray()
        self._x: GrowableArray | None = None
        self._end = 0

    def append(self, value: float) -> None:
        thinning = self._thinning
        if thinning is not None and thinning.due(len(self._y)):
            self._thin(thinning)
        self._end += 1
        self._y.append(value)
        if self._x is not None:
            self._x.append(self._end)

    def due_in(self) -> int | None:
        """Appends before the one that thins the older rows (0: the next one does; None: never)."""
        thinning = self._thinning
        return None if thinning is None else max(0, thinning.prefix + thinning.exact - len(self._y))

    def thin_now(self) -> None:
        """The thinning the next append would do, done now (Run gives it a tick of its own)."""
        thinning = self._thinning
        if thinning is not None and thinning.due(len(self._y)):
            self._thin(thinning)

    def _thin(self, thinning: Thinning) -> None:
        """Keep the rows ``thinning`` plans, in new arrays (views handed out keep their rows). Run does this
        inside a tick on the window's thread: the exact part (half the rows) is copied as one slice and only
        the thinned rows are gathered, and x is written from the row numbers while it is still implicit.
        Gathering every kept row through one index array, making x as an array first, and new arrays asking
        for huge pages held the window for 70 ms at the first thinning (2^20 iterations), 14-21 ms at the
        later ones; now 25 ms, then 10-20 (the 2-core VM; ~15 of it is ``plan_parts``)."""
        y = self._y.view()
        rows = y.shape[0]
        thinned, tail = thinning.plan_parts(y)
        start, kept = thinning.start, thinning.prefix  # rows [0, start), then the thinned ones up to ``kept``
        self._y = GrowableArray.of_parts(y, start, thinned, tail, thinning.capacity)
        if self._x is not None:
            self._x = GrowableArray.of_parts(self._x.view(), start, thinned, tail, thinning.capacity)
        else:  # x is the row number + 1 while nothing was thinned
            self._x = GrowableArray(np.int64, max(thinning.capacity, kept + rows - tail))
            for part in (np.arange(1, start + 1), thinned + 1, np.arange(tail + 1, rows + 1)):
                self._x.extend(part)

    def truncate(self, end: int) -> None:
        """Forget the iterations after ``end``."""
        end = max(0, min(end, self._end))
        rows = end if self._x is None else int(np.searchsorted(self._x.view(), end, side="right"))
        self._y.truncate(rows)
        if self._x is not None:
            self._x.truncate(rows)
        if self._thinning is not None:
            self._thinning.truncated(rows)
        self._end = end

    def values(self) -> np.ndarray:
        return self._y.view()

    def positions(self) -> np.ndarray | None:
        return None if self._x is None else self._x.view()

    @property
    def end(self) -> int:
        return self._end

    def __len__(self) -> int:
        return len(self._y)

    @property
    def nbytes(self) -> int:
        return self._y.nbytes + (0 if self._x is None else self._x.nbytes)


class EpochLog:
    """One row per finished epoch (row 0 is the state before training).

    ``iteration`` is the iteration after which the row was measured and
    ``epoch`` the number of epochs completed then; the errors are
    ``E = (1/m) Σ_k E_k`` over the whole training (and test) set with the
    parameters of that moment. NaN where there is nothing to measure (no test
    set; accuracy of a regression task).

    Past ``exact`` rows the older rows are thinned (see the module; row 0 is
    always kept): then row r is no longer epoch r, and ``epoch`` says which it is.
    """

    FIELDS = ("iteration", "epoch", "error", "accuracy", "test_error", "test_accuracy")

    def __init__(self, exact: int | None = 2**16, thinned: int = 2**16) -> None:
        self._thinning = None if exact is None else Thinning(exact, thinned, start=1)
        self.iteration = GrowableArray(np.int64, 64)
        self.epoch = GrowableArray(np.int64, 64)
        self.error = GrowableArray(np.float64, 64)
        self.accuracy = GrowableArray(np.float64, 64)
        self.test_error = GrowableArray(np.float64, 64)
        self.test_accuracy = GrowableArray(np.float64, 64)

    def append(self, iteration: int, error: float, accuracy: float, test_error: float, test_accuracy: float,
               epoch: int | None = None) -> None:
        """One row; ``epoch`` defaults to the last row's plus one (0 for the first)."""
        thinning = self._thinning
        if thinning is not None and thinning.due(len(self)):
            thinned, tail = thinning.plan_parts(self.error.view())
            for name in self.FIELDS:
                setattr(self, name, GrowableArray.of_parts(getattr(self, name).view(), thinning.start, thinned,
                                                           tail, thinning.capacity))
        if epoch is None:
            epoch = int(self.epoch[len(self) - 1]) + 1 if len(self) else 0
        for name, value in zip(self.FIELDS, (iteration, epoch, error, accuracy, test_error, test_accuracy)):
            getattr(self, name).append(value)

    def truncate_after(self, iteration: int) -> None:
        """Drop the rows measured after ``iteration``."""
        keep = int(np.searchsorted(self.iteration.view(), iteration, side="right"))
        for name in self.FIELDS:
            getattr(self, name).truncate(keep)
        if self._thinning is not None:
            self._thinning.truncated(keep)

    @property
    def thinned(self) -> bool:
        """Whether some rows were thinned away (then row r need not be epoch r)."""
        return self._thinning is not None and self._thinning.active

    def __len__(self) -> int:
        return len(self.iteration)

    @property
    def nbytes(self) -> int:
        return sum(getattr(self, name).nbytes for name in self.FIELDS)


S = TypeVar("S", bound=HasIteration)


class Checkpoints(Generic[S]):
    """The states step back replays from, spaced by the cost of replaying and thinned with age,
    and one wherever something was changed by hand (an *event*: never dropped).

    The trainer runs a *work clock* (``training``: each iteration adds its cost) and makes an
    interval checkpoint whenever the clock crosses a multiple of its quantum: mark k counts
    those quanta, and the checkpoint covers marks (lo, hi]. One is kept while its marks
    contain a multiple of 2^L, where L = ⌊log₂(age / per_level)⌋ (0 while younger; age in
    marks): so there are about ``per_level`` of them per doubling of age, and the replay
    from the checkpoint before an iteration a marks back is at most about a / per_level
    marks long. (With a constant cost of one quantum per ``interval`` iterations, mark k is
    iteration k · interval: the fixed interval of before.) Iteration 0 is always kept.
    """

    def __init__(self, first: S, per_level: int | None) -> None:
        if per_level is not None and per_level < 1:
            raise ValueError("per_level must be ≥ 1")
        self.per_level = per_level
        self._states: list[S] = [first]
        self.iterations: list[int] = [first.iteration]
        self.clocks: list[int] = [0]  # the work clock at each checkpoint
        self._marks: list[tuple[int, int] | None] = [None]  # None: an event

    @property
    def first(self) -> S:
        return self._states[0]

    def before(self, t: int) -> S:
        """The latest checkpoint at or before iteration t."""
        return self._states[bisect.bisect_right(self.iterations, t) - 1]

    def index_before(self, t: int) -> int:
        return bisect.bisect_right(self.iterations, t) - 1

    def __getitem__(self, i: int) -> S:
        return self._states[i]

    def at(self, t: int) -> S | None:
        """The checkpoint made at t, if any."""
        i = bisect.bisect_left(self.iterations, t)
        return self._states[i] if i < len(self.iterations) and self.iterations[i] == t else None

    def add(self, state: S, *, clock: int, marks: tuple[int, int] | None = None) -> None:
        """Keep ``state`` at work clock ``clock``: an interval checkpoint covering ``marks`` (lo, hi],
        or an event (None). It replaces one at the same iteration, and stays an event if that was one."""
        if self.iterations[-1] == state.iteration:
            self._states[-1] = state
            if marks is None:
                self._marks[-1] = None
            return
        self._states.append(state)
        self.iterations.append(state.iteration)
        self.clocks.append(clock)
        self._marks.append(marks)
        per_level = self.per_level or 0
        if marks is not None and per_level and marks[1] // per_level > marks[0] // per_level:
            self._thin(marks[1], per_level)

    def drop_from(self, t: int) -> None:
        """Forget the checkpoints at t and after (never the first)."""
        keep = max(1, bisect.bisect_left(self.iterations, t))
        del self._states[keep:], self.iterations[keep:], self.clocks[keep:], self._marks[keep:]

    def _thin(self, end: int, per_level: int) -> None:
        keep = []
        for i, marks in enumerate(self._marks):
            if marks is not None:
                lo, hi = marks
                step = 1 << max(0, ((end - hi) // per_level).bit_length() - 1)
                if hi // step == lo // step:
                    continue
            keep.append(i)
        if len(keep) < len(self._states):
            self._states = [self._states[i] for i in keep]
            self.iterations = [self.iterations[i] for i in keep]
            self.clocks = [self.clocks[i] for i in keep]
            self._marks = [self._marks[i] for i in keep]

    def events(self) -> list[int]:
        """The iterations of the event checkpoints (iteration 0 among them)."""
        return [c for c, marks in zip(self.iterations, self._marks) if marks is None]

    def __len__(self) -> int:
        return len(self._states)


class RecentStates(Generic[S]):
    """A few states the last replays walked through (every ⌈n/8⌉-th of a walk of n and its last two),
    so that repeated step backs start near where they are going. Exact as checkpoints are: a replay
    never walks past a checkpoint, and a change by hand at t forgets the states from t on."""

    def __init__(self, state_bytes: int) -> None:
        self.capacity = max(4, min(32, RECENT_BUDGET // max(1, state_bytes)))
        self._states: dict[int, S] = {}

    def before(self, t: int) -> S | None:
        """The latest state kept at or before iteration t."""
        best = max((c for c in self._states if c <= t), default=None)
        return None if best is None else self._states[best]

    def walked(self, states: list[S], target: int) -> None:
        """Keep ``states`` from a walk to ``target``; past capacity, those after it go first (a step
        back goes the other way), then the farthest before it."""
        for state in states:
            self._states[state.iteration] = state
        if len(self._states) > self.capacity:
            keep = sorted(self._states, key=lambda c: (c > target, abs(c - target)))[: self.capacity]
            self._states = {c: self._states[c] for c in keep}

    def drop_from(self, t: int) -> None:
        self._states = {c: s for c, s in self._states.items() if c < t}

    def __len__(self) -> int:
        return len(self._states)
