"""The error surface of two parameters for the run shown (issue 14), as the session hands it to a view.

``surface_view(p, q)`` is the slice of E (the whole training set's mean error, the curve's blue line) or
of one sample's E_k (the sample the next iteration uses) over a grid around the two parameters' values, the
others held at their values now; the path the run took through the two (the history's own values, replayed);
the point now; the next iteration's step (−η ∂E/∂p, −η ∂E/∂q, the record's Δp and Δq); and how far the
*other* parameters have moved since the path began, so that a path leaving the slice is not taken for a bug.
Everything here is a function of the trainer's state; the grid is one vectorised pass (``model.error_surface``).

``request_surface(p, q)`` is the window's road: the path, the point and the drift are computed here (they
need the trainer's history); the grid too when it is cheap (``grid_seconds`` under ``QUICK_SECONDS``), else
it is a job (kind "surface", the worker process) whose result is dropped if the state shown has changed
meanwhile. Either way the view is announced as the event ``"surface"``.

The path is kept between requests and extended (a Step, Run) or cut back to a checkpoint (a step back) rather
than replayed from iteration 0 each time: a replay of 10⁴ XOR iterations takes 0.1 s, and Run asks ten times a
second. It is kept only while the history up to its end is unchanged (the same trainer, the same changes by
hand); the walk uses the trainer's own replay arithmetic (``_compute``, ``_after``, its checkpoints), so every
point is bitwise the value first computed, as ``Trainer.values_along`` gives it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..model.error_surface import ErrorGrid, around, error_grid, grid_seconds
from ..model.errors import QT_TRANSLATE_NOOP, ConfigError
from ..model.network import Network
from .core import SessionCore
from .jobs import Job, Progress
from .messages import Message
from .running import GUESS_OVERHEAD, GUESS_SECONDS_PER_WORK

__all__ = ["E_K", "E_SET", "QUICK_SECONDS", "Exploring", "SurfaceView", "surface_grid"]

E_SET = "E"  # the training set's mean error
E_K = "E_k"  # the error of the sample the next iteration uses
E_BATCH = "E_B"  # a mini-batch's mean error (only what a step follows: no map of it is drawn)
GRID = 61  # points a side (odd: the point now is on the grid)
PATH_POINTS = 2_000
QUICK_SECONDS = 0.03  # a grid expected to take longer is a job (the worker process)


@dataclass(frozen=True)
class SurfaceView:
    which: str
    grid: ErrorGrid
    path_t: np.ndarray  # iterations of the path's points, increasing, ending at t
    path: np.ndarray  # (n, 2): (p, q) at each
    now: tuple[float, float]
    error_now: float  # the grid's value at ``now`` (E or E_k there)
    step: tuple[float, float]  # Δp, Δq of the next iteration (the record's)
    drift: float  # ‖others now − others at the path's start‖₂
    drift_max: float  # the largest single move among the others
    n_others: int = 0  # how many other parameters the slice holds fixed
    # The error whose slopes the step follows: the next sample's E_k (batch 1), the whole set's E (a pass of
    # accumulated BP), or a mini-batch's mean (its size ``batch``); on a map of another error the arrow need
    # not point downhill.
    step_error: str = E_SET
    batch: int = 0
    sample: int = 0  # the next iteration's (first) sample k, 1-based as the window writes it


def surface_grid(network: Network, inputs: np.ndarray, targets: np.ndarray, p: int, q: int, xs: np.ndarray,
                 ys: np.ndarray, *, progress: Progress) -> ErrorGrid:
    """``error_grid`` as a job's task (module-level, plain arguments: it runs in the worker process)."""
    return error_grid(network, inputs, targets, p, q, xs, ys, progress=progress)


class _Path:
    """The path of (p, q) through the history, kept between requests (see the module)."""

    def __init__(self, trainer: Any, pair: tuple[int, int], every: int) -> None:
        self.trainer, self.pair, self.every = trainer, pair, every
        first = trainer.checkpoint_zero
        self.events: tuple[Any, ...] = ()
        self.ts: list[int] = [0]  # multiples of ``every`` only (the point at t is added when read)
        self.rows: list[tuple[float, float]] = [self._values(first)]
        self.last = first  # the state the walk has reached

    def _values(self, state: Any) -> tuple[float, float]:
        flat = state.network.flat
        return (float(flat[self.pair[0]]), float(flat[self.pair[1]]))

    def fits(self, trainer: Any, pair: tuple[int, int], events: tuple[Any, ...]) -> bool:
        """Whether what is kept is still this history's: every change by hand up to its end unchanged."""
        if trainer is not self.trainer or pair != self.pair:
            return False
        end = self.last.iteration
        old = [s for s in self.events if s.iteration <= end]
        new = [s for s in events if s.iteration <= end]
        return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))

    def _keep(self, state: Any) -> None:
        if state.iteration % self.every == 0:
            if self.ts[-1] == state.iteration:
                self.rows[-1] = self._values(state)  # a change by hand at this iteration: its value
            else:
                self.ts.append(state.iteration)
                self.rows.append(self._values(state))

    def walk_to(self, t: int, events: tuple[Any, ...]) -> tuple[np.ndarray, np.ndarray, Any]:
        """(iterations, values, the state at t): extended from where the walk stands, or from the checkpoint
        before t if that is further on (a step back); a change by hand comes in at its own iteration."""
        trainer = self.trainer
        self.events = events
        if self.last.iteration > t:
            start = trainer._checkpoint_before(t)
            keep = int(np.searchsorted(self.ts, start.iteration, side="right"))
            del self.ts[keep:], self.rows[keep:]
            self.last = start
            self._keep(start)
        checkpoints = trainer._checkpoints
        state = self.last
        i = checkpoints.index_before(state.iteration) + 1
        with np.errstate(over="ignore", invalid="ignore"):
            while state.iteration < t:
                at = checkpoints.iterations[i] if i < len(checkpoints.iterations) else None
                stop = t if at is None else min(at, t)
                while state.iteration < stop:
                    idx, _, _, step = trainer._compute(state)
                    state = trainer._after(state, step, idx.shape[0])
                    self._keep(state)
                if at is not None and at <= t:
                    state = checkpoints[i]  # a change by hand here, or the same state (an interval checkpoint)
                    self._keep(state)
                    i += 1
        self.last = state
        return self._read(t, state)

    def observe(self, state: Any, events: tuple[Any, ...], coarse: bool) -> tuple[np.ndarray, np.ndarray, Any]:
        """During Run: the state now joins the path as it is (no replay: Run's own pace is not halved);
        ``coarse`` (nothing kept fits): the path so far is the checkpoints' states, also history's own values."""
        self.events = events
        if coarse:
            checkpoints = self.trainer._checkpoints
            for i in range(1, checkpoints.index_before(state.iteration) + 1):
                self._add(checkpoints[i])
        self._add(state)
        self.last = state
        return self._read(state.iteration, state)

    def _add(self, state: Any) -> None:
        if self.ts[-1] == state.iteration:
            self.rows[-1] = self._values(state)
        elif self.ts[-1] < state.iteration:
            self.ts.append(state.iteration)
            self.rows.append(self._values(state))

    def _read(self, t: int, state: Any) -> tuple[np.ndarray, np.ndarray, Any]:
        while len(self.ts) > 2 * PATH_POINTS:  # a longer history: every other point, the first and last kept
            self.every *= 2
            last = (self.ts[-1], self.rows[-1])
            self.ts, self.rows = self.ts[::2], self.rows[::2]
            if self.ts[-1] != last[0]:
                self.ts.append(last[0])
                self.rows.append(last[1])
        ts, rows = list(self.ts), list(self.rows)
        if ts[-1] != t:
            ts.append(t)
            rows.append(self._values(state))
        return np.asarray(ts, dtype=np.int64), np.asarray(rows, dtype=np.float64).reshape(len(ts), 2), state


@dataclass(frozen=True)
class _Request:
    """Everything of a surface view but its grid (computed here, where the trainer is)."""

    view: SurfaceView  # its grid empty
    network: Network
    inputs: np.ndarray
    targets: np.ndarray
    xs: np.ndarray
    ys: np.ndarray

    def seconds(self) -> float:
        g = self.view.grid
        return grid_seconds(self.network, self.inputs.shape[0], g.p, g.q, self.xs.shape[0] * self.ys.shape[0])

    def grid(self, progress: Callable[[int, int], None] | None = None) -> ErrorGrid:
        g = self.view.grid
        return error_grid(self.network, self.inputs, self.targets, g.p, g.q, self.xs, self.ys, progress)

    def with_grid(self, grid: ErrorGrid) -> SurfaceView:
        middle = grid.errors[grid.ys.shape[0] // 2, grid.xs.shape[0] // 2]  # the point now (an odd n)
        return replace(self.view, grid=grid, error_now=float(middle))


class Exploring(SessionCore):
    """See the module (a mixin of the session)."""

    _surface_path: _Path | None = None

    def surface_view(self, p: int, q: int, which: str = E_SET, n: int = GRID, span: float | None = None) -> SurfaceView:
        """The slice of ``which`` (E or E_k) over p and q; ConfigError for two parameters the network lacks.
        ``span``: half the grid's width on each axis (default: the path's extent with a margin, at least 0.5)."""
        request = self._surface_request(p, q, which, n, span)
        return request.with_grid(request.grid())

    def request_surface(self, p: int, q: int, which: str = E_SET, n: int = GRID) -> SurfaceView | None:
        """The slice, announced as "surface": computed here when quick (and returned), else a job (None
        returned; announced when done, unless the state shown has changed meanwhile). ConfigError as
        ``surface_view``."""
        request = self._surface_request(p, q, which, n, None)
        if request.seconds() < QUICK_SECONDS:
            view = request.with_grid(request.grid())
            self._emit("surface", view)
            return view
        version = self._state_version
        self._emit("job", Job(
            kind="surface", title=Message("info", QT_TRANSLATE_NOOP("TrainingController",
                                                                    "Computing the error surface…")),
            task=surface_grid, args=(request.network, request.inputs, request.targets, p, q, request.xs, request.ys),
            finish=lambda grid: self._emit("surface", request.with_grid(grid)),
            valid=lambda: self._state_version == version, quick=False, fail=self._refuse))
        return None

    def _surface_request(self, p: int, q: int, which: str, n: int, span: float | None) -> _Request:
        trainer = self._trainer
        network, t = trainer.network, trainer.iteration
        size = network.n_parameters
        if not (0 <= p < size and 0 <= q < size) or p == q:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "an error surface needs two different parameters of the "
                                                          "network, got {p} and {q}"), p=p, q=q)
        record = trainer.preview()  # the next iteration: its sample, its step
        if which == E_K:
            inputs, targets = record.inputs[:1], record.targets[:1]
        else:
            inputs, targets = trainer.train_set.inputs, trainer.train_set.targets
        path_t, path = self._path(p, q, t)
        now = (float(network.flat[p]), float(network.flat[q]))
        spans = []
        for axis in range(2):
            reach = float(np.max(np.abs(path[:, axis] - now[axis])))
            spans.append(max(0.5, 1.2 * reach) if span is None else span)
        xs, ys = around(now[0], spans[0], n), around(now[1], spans[1], n)
        others = np.ones(size, dtype=bool)
        others[[p, q]] = False
        moved = (network.flat - trainer.checkpoint_zero.network.flat)[others]
        updates = record.flat_updates
        empty = ErrorGrid(p, q, xs, ys, np.full((n, n), np.nan))
        view = SurfaceView(
            which=which, grid=empty, path_t=path_t, path=path, now=now, error_now=float("nan"),
            step=(float(updates[p]), float(updates[q])),
            drift=float(np.sqrt(np.sum(moved * moved))), drift_max=float(np.max(np.abs(moved), initial=0.0)),
            n_others=size - 2, batch=record.batch_size, sample=int(record.sample_indices[0]) + 1,
            step_error=E_K if record.batch_size == 1 else E_SET if record.batch_size == trainer.train_set.n_samples
            else E_BATCH,
        )
        return _Request(view, network, np.asarray(inputs), np.asarray(targets), xs, ys)

    def _path(self, p: int, q: int, t: int) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, values) of (p, q) from iteration 0 to t, the history's own values (see ``_Path``)."""
        trainer = self._trainer
        events = (trainer.checkpoint_zero, *trainer.changes_by_hand())
        kept = self._surface_path
        fits = kept is not None and kept.fits(trainer, (p, q), events)
        if kept is None or not fits:
            kept = _Path(trainer, (p, q), max(1, -(-t // PATH_POINTS)))
        # A replay longer than a few ms (a big network's long history) would hold the window: the path is then
        # the checkpoints' states (the history's own values too, fewer of them), and Steps extend it exactly.
        walk = t - kept.last.iteration if t >= kept.last.iteration else t - trainer._checkpoint_before(t).iteration
        long = walk * (GUESS_OVERHEAD + GUESS_SECONDS_PER_WORK * trainer.work_per_iteration()) > QUICK_SECONDS
        if long and t < kept.last.iteration:
            kept = _Path(trainer, (p, q), max(1, -(-t // PATH_POINTS)))
        self._surface_path = kept
        if (self._running or long) and t >= kept.last.iteration:
            ts, rows, _ = kept.observe(trainer.state, events, coarse=not fits or long)
        else:
            ts, rows, _ = kept.walk_to(t, events)
        return ts, rows
