"""Moving in time: the trainer restores iteration t exactly, at once or in three parts (a mixin of ``Trainer``).

``goto(t)`` replays from the checkpoint before t with the same arithmetic as training, so the state restored
is bitwise the one first computed (see ``training.py``). A replay of a big network takes longer than a frame
(10⁶ parameters: 60–200 ms), so, as an iteration does (``iteration.py``), it comes in three parts: ``plan_goto``
decides it on the trainer's thread, ``compute_goto`` computes it on any thread (it reads the plan, the
immutable states and the training set, and changes nothing), and ``apply_goto`` makes it the trainer's
state, only if the trainer still stands where it was planned. ``goto`` is the three at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError
from .history import Checkpoints, RecentStates
from .iteration import TrainingState
from .iteration import quiet as _quiet
from .records import IterationRecord

__all__ = ["GotoPlan", "Restored", "TimeTravel"]

WALK_KEPT = 8  # a replay keeps about this many of the states it walks through (a next step back starts there)


@dataclass(frozen=True)
class GotoPlan:
    """Iteration ``t``, decided: replayed from ``start`` (to t − 1, then its iteration t), or, when a checkpoint
    is the state at t itself (``at_t``), only its record replayed from ``start``."""

    t: int
    start: TrainingState | None  # None: t = 0 at a checkpoint, nothing to compute
    at_t: TrainingState | None
    current: TrainingState  # the trainer's state when planned


@dataclass(frozen=True)
class Restored:
    """What ``compute_goto`` found: the state after iteration t, its record, and the states walked through."""

    state: TrainingState
    record: IterationRecord | None
    walked: tuple[TrainingState, ...]


class TimeTravel:
    """``goto``, ``step_back`` and their parts; the trainer provides the state and one iteration's arithmetic."""

    _state: TrainingState
    _end: int
    _last_record: IterationRecord | None
    _next_cache: object
    _checkpoints: Checkpoints[TrainingState]
    _recent: RecentStates[TrainingState]

    @property
    def iteration(self) -> int:
        raise NotImplementedError

    def _flush_epoch(self) -> None:
        raise NotImplementedError

    def _compute(self, state: TrainingState) -> tuple[np.ndarray, np.ndarray, np.ndarray, Any]:
        raise NotImplementedError

    def _after(self, state: TrainingState, step: Any, n_used: int) -> TrainingState:
        raise NotImplementedError

    def _record(self, state: TrainingState, idx: np.ndarray, x: np.ndarray, y: np.ndarray,
                step: Any) -> IterationRecord:
        raise NotImplementedError

    def plan_goto(self, t: int) -> GotoPlan:
        """Iteration t (0 ≤ t ≤ end), decided here; ``compute_goto`` computes it, ``apply_goto`` applies it."""
        if isinstance(t, bool) or not isinstance(t, (int, np.integer)) or not 0 <= t <= self._end:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "iteration must be between 0 and {end}, got {got}"),
                end=self._end, got=repr(t),
            )
        t = int(t)
        self._flush_epoch()
        checkpoint = self._checkpoint_before(t)
        if checkpoint.iteration == t:
            # A checkpoint made at t (by hand or by the interval) is the state;
            # the record of iteration t still comes from the state before it.
            start = self._checkpoint_before(t - 1) if t > 0 else None
            return GotoPlan(t, start, checkpoint, self._state)
        return GotoPlan(t, checkpoint, None, self._state)

    def replay_iterations(self, plan: GotoPlan) -> int:
        """How many iterations computing ``plan`` replays (what it costs, in iterations)."""
        return 0 if plan.start is None else plan.t - plan.start.iteration

    @_quiet
    def compute_goto(self, plan: GotoPlan) -> Restored:
        """The state after iteration ``plan.t`` and its record, computed from the plan alone (any thread)."""
        if plan.start is None:
            assert plan.at_t is not None
            return Restored(plan.at_t, None, ())
        t = plan.t
        before, walked = self._walk(plan.start, t - 1)
        idx, x, y, step = self._compute(before)
        record = self._record(before, idx, x, y, step)
        state = plan.at_t if plan.at_t is not None else self._after(before, step, idx.shape[0])
        return Restored(state, record, walked)

    def apply_goto(self, plan: GotoPlan, restored: Restored) -> IterationRecord | None:
        """Make ``restored`` (``compute_goto(plan)``) the trainer's state; returns its record. Raises ``ConfigError``
        if the trainer's state is no longer ``plan.current`` (it moved meanwhile: plan it again)."""
        if plan.current is not self._state:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "training changed since this iteration was planned; plan it again")
            )
        self._next_cache = None
        self._recent.walked(list(restored.walked), plan.t - 1)
        self._state = restored.state
        self._last_record = restored.record
        return restored.record

    def goto(self, t: int) -> IterationRecord | None:
        """Restore the state after iteration t (0 ≤ t ≤ end) exactly; returns its record."""
        plan = self.plan_goto(t)
        return self.apply_goto(plan, self.compute_goto(plan))

    def step_back(self) -> IterationRecord | None:
        """Undo one iteration (to t − 1); returns the record of iteration t − 1."""
        if self.iteration == 0:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "already at iteration 0: there is nothing to step back to"))
        return self.goto(self.iteration - 1)

    def state_before_change(self, change: TrainingState) -> TrainingState:
        """The state training had reached at the iteration of ``change`` (a change by hand, kept as a
        checkpoint) before the change was made: replayed from the checkpoint before it."""
        i = self._checkpoints.index_before(change.iteration)
        if i < 1 or self._checkpoints[i] is not change:
            raise ValueError("not a change by hand of this trainer after iteration 0")
        return self._walk(self._checkpoints[i - 1], change.iteration)[0]

    @_quiet
    def parameters_at(self, t: int) -> np.ndarray:
        """Every parameter after iteration t (0 ≤ t ≤ end), the trainer left where it stands: replayed from
        the checkpoint before t with training's arithmetic, so the values are the ones first computed."""
        if not 0 <= t <= self._end:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "iteration {t} is not computed (0 to {end})"), t=t,
                              end=self._end)
        if t == self._state.iteration:
            return self._state.network.flat.copy()
        return self._walk(self._checkpoint_before(t), t)[0].network.flat.copy()

    def replay_cost(self, t: int) -> int:
        """How many iterations :meth:`parameters_at` (t) would compute."""
        return 0 if t == self._state.iteration else t - self._checkpoint_before(t).iteration

    @_quiet
    def values_along(self, indices: list[int], t: int, points: int = 2_000) -> tuple[np.ndarray, np.ndarray]:
        """The values of the parameters ``indices`` at iterations 0..t (at most about ``points`` of them,
        evenly spaced, t always among them): ``(iterations, values)`` with values[k] the parameters at
        iterations[k]. Replayed from iteration 0 through every checkpoint (a change by hand comes in at its
        own), with training's arithmetic: each value is the one first computed."""
        if not 0 <= t <= self._end:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "iteration {t} is not computed (0 to {end})"), t=t,
                              end=self._end)
        every = max(1, -(-t // max(1, points)))
        columns = np.asarray(indices, dtype=np.intp)
        ts: list[int] = []
        rows: list[np.ndarray] = []

        def keep(state: TrainingState) -> None:
            if state.iteration % every == 0 or state.iteration == t:
                ts.append(state.iteration)
                rows.append(state.network.flat[columns])

        checkpoints = self._checkpoints
        state = checkpoints.first
        keep(state)
        for i in range(1, len(checkpoints) + 1):
            stop = checkpoints.iterations[i] if i < len(checkpoints) else t
            stop = min(stop, t)
            while state.iteration < stop:
                idx, _, _, step = self._compute(state)
                state = self._after(state, step, idx.shape[0])
                keep(state)
            if i < len(checkpoints) and checkpoints.iterations[i] <= t:
                state = checkpoints[i]  # a change by hand here, or the same state (an interval checkpoint)
                if ts and ts[-1] == state.iteration:
                    rows[-1] = state.network.flat[columns]
                else:
                    keep(state)
            if state.iteration >= t:
                break
        return np.asarray(ts, dtype=np.int64), np.asarray(rows, dtype=np.float64).reshape(len(ts), len(indices))

    def _checkpoint_before(self, t: int) -> TrainingState:
        """The latest checkpoint, or state a recent replay walked through, at or before iteration t."""
        checkpoint, recent = self._checkpoints.before(t), self._recent.before(t)
        return recent if recent is not None and recent.iteration > checkpoint.iteration else checkpoint

    def _walk(self, state: TrainingState, t: int) -> tuple[TrainingState, tuple[TrainingState, ...]]:
        """Recompute from ``state`` to iteration t with the same arithmetic as training; the states to keep."""
        every, walked = -(-(t - state.iteration) // WALK_KEPT), []
        while state.iteration < t:
            idx, _, _, step = self._compute(state)
            state = self._after(state, step, idx.shape[0])
            if t - state.iteration < 2 or (t - state.iteration) % every == 0:
                walked.append(state)
        return state, tuple(walked)
