"""Training: standard, accumulated and mini-batch BP, with history and step back.

Why one module of ~550 lines: the trainer's stepping, its history and its exact step back share one state
(checkpoints, the epoch log, the cursor) and one invariant (the trajectory is a function of the start, the
data, the seed and the settings); ``history.py`` holds the storage, ``training_checks.py`` the data's checks.

* **standard BP** updates after every sample (batch of one): the note's rule;
* **accumulated BP** updates once per pass, descending ``E = (1/m) Σ_k E_k``;
* **mini-batch** updates after every B samples (the mean over the batch).

The order of the samples in epoch e is a permutation drawn from the seed and e alone (or the file order, with
``shuffle=False``), so the whole trajectory is a function of the initial network, the data, the seed and the
settings. That is what makes step back cheap and exact: the trainer keeps a checkpoint (the parameter arrays,
which are immutable and so kept by reference) every ≈ 25 ms of computing (at most ``checkpoint_interval``
iterations apart: ``iteration.REPLAY_WORK``) and wherever a setting or a parameter was changed by hand, and
restores iteration t by replaying from the checkpoint before it. Replay runs the very same arithmetic, so the
restored state is bitwise identical to the one first computed. The history is bounded for a run of any length
(``history.py``); a thinned epoch row is measured again.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Literal, overload

import numpy as np

from .backprop import StepResult, compute_step_unguarded, make_record
from .datasets import Dataset
from .errors import QT_TRANSLATE_NOOP, ConfigError, DivergenceError
from .history import Checkpoints, EpochLog, EpochRow, ErrorCurve, HistoryBounds, RecentStates
from .iteration import (
    REPLAY_WORK,
    Applied,
    Batches,
    IterationPlan,
    NextStep,
    StepFunction,
    TrainingState,
    accuracy_of,
    compute_next,
    compute_next_unguarded,
    iteration_cost,
    measure_epoch_end,
    measure_set,
    work_quantum,
)
from .iteration import quiet as _quiet
from .network import Network
from .records import IterationRecord
from .run_small import SmallRun
from .seeding import ORDER, rng_for
from .time_travel import TimeTravel
from .training_checks import check_parts, check_targets
from .training_config import DEFAULT_LEARNING_RATE, MODES, StopConditions, TrainingConfig

# The settings that shape a trajectory and when training stops live in training_config.py;
# they are importable from here as before.
__all__ = [
    "DEFAULT_LEARNING_RATE", "MODES", "Applied", "IterationPlan", "NextStep", "StopConditions", "Trainer",
    "TrainingConfig", "TrainingState", "compute_next",
]

STOP_TARGET = "target_error"
STOP_MAX_EPOCHS = "max_epochs"


class Trainer(SmallRun, TimeTravel):
    """Owns a network's training trajectory on one training set."""

    @property
    def step_function(self) -> StepFunction:
        """One iteration's arithmetic: the real backward pass. Only a practice trainer (a subclass in
        ``model.practice``, which this module never imports) gives another, with a planted bug."""
        return compute_step_unguarded

    def __init__(
        self,
        network: Network,
        train: Dataset,
        *,
        config: TrainingConfig | None = None,
        seed: int = 0,
        test: Dataset | None = None,
        stop: StopConditions | None = None,
        checkpoint_interval: int = 1024,
        bounds: HistoryBounds | None = None,  # how the history stays bounded (``history.py``)
    ) -> None:
        if train.n_samples == 0:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the training set {name} has no samples"), name=repr(train.name)
            )
        check_parts(network, train, test)
        rng_for(seed, ORDER)  # validates the seed
        self.train_set = train
        self.test_set = test if test is not None and test.n_samples > 0 else None
        self.seed = int(seed)
        self.stop = stop or StopConditions()
        # At most this many iterations between checkpoints; heavier ones closer (``work_quantum``).
        self.checkpoint_interval = int(checkpoint_interval)
        self._quantum, self._tick = work_quantum(self.checkpoint_interval, REPLAY_WORK)
        self.bounds = bounds or HistoryBounds()
        self._batches = Batches(train, self.seed)
        self._start(TrainingState(0, 0, 0, network, config or TrainingConfig()))

    def _start(self, state: TrainingState) -> None:
        self._state = state
        b = self.bounds
        self._checkpoints = Checkpoints(state, b.per_level(state.network.flat.shape[0]))
        self._recent: RecentStates[TrainingState] = RecentStates(8 * state.network.flat.shape[0] + 1000)
        self._clock = 0  # the work clock at iteration end (see ``Checkpoints``)
        self._cost = self._cost_of(state.config)
        self._errors = ErrorCurve(b.exact_errors, b.thinned_errors)
        self._epochs = EpochLog(b.exact_epoch_rows, b.thinned_epoch_rows)
        self._measured: EpochRow | None = None  # an epoch row measured again (see epoch_row)
        self._pending_epoch: TrainingState | None = None
        self._log_epoch(state)
        self._end = 0
        self._last_record: IterationRecord | None = None
        self._next_cache: tuple[IterationPlan, NextStep] | None = None  # see stop_reason

    # ---- read-only views ---------------------------------------------------
    @property
    def state(self) -> TrainingState:
        return self._state

    @property
    def network(self) -> Network:
        return self._state.network

    @property
    def config(self) -> TrainingConfig:
        return self._state.config

    @property
    def iteration(self) -> int:
        """t: the number of iterations applied so far."""
        return self._state.iteration

    @property
    def initial_network(self) -> Network:
        """The network training started from (what Reset returns to)."""
        return self._checkpoints.first.network

    @property
    def end(self) -> int:
        """The furthest iteration computed; after stepping back, ``iteration < end``."""
        return self._end

    @property
    def last_record(self) -> IterationRecord | None:
        """The record of iteration t (None at t = 0)."""
        return self._last_record

    @property
    def iteration_errors(self) -> np.ndarray:
        """Error of each iteration kept, read-only: of iterations 1..end (index t − 1) while
        ``iteration_positions`` is None, else of the iterations it lists (older ones thinned)."""
        return self._errors.values()

    @property
    def iteration_positions(self) -> np.ndarray | None:
        """The iteration t of each value of ``iteration_errors`` once the curve is thinned, else None."""
        return self._errors.positions()

    def errors_thin_in(self) -> int | None:
        """Iterations before the error curve next thins its older rows (0: the next one; None: never)."""
        return self._errors.due_in()

    def thin_errors_now(self) -> None:
        """The error curve's thinning the next iteration would do, now (tens of ms at 2^20 rows)."""
        self._errors.thin_now()

    @property
    def history_nbytes(self) -> int:
        """Bytes held by the history (figures plus checkpointed parameters)."""
        per_checkpoint = sum(
            w.nbytes + t.nbytes for w, t in zip(self.network.weights, self.network.thresholds)
        ) + 400  # the state object and its references
        states = len(self._checkpoints) + len(self._recent)
        return self._errors.nbytes + self._epochs.nbytes + states * per_checkpoint

    def event_checkpoints(self) -> list[int]:
        """The iterations where a change by hand was checkpointed (never thinned away)."""
        return self._checkpoints.events()

    # ---- the order of the samples -------------------------------------------
    def epoch_order(self, epoch: int, shuffle: bool | None = None) -> np.ndarray:
        """Row order of the training set in epoch ``epoch + 1`` (0-based ``epoch``); see ``Batches``."""
        return self._batches.order(epoch, self.config.shuffle if shuffle is None else shuffle)

    # ---- one iteration ---------------------------------------------------------
    def _compute(self, state: TrainingState) -> tuple[np.ndarray, np.ndarray, np.ndarray, StepResult]:
        """One iteration's arithmetic from ``state`` (callers hold ``_quiet``)."""
        idx, x, y = self._batches.of(state)
        return idx, x, y, self.step_function(state.network, x, y, state.config.learning_rate)

    def _after(self, state: TrainingState, step: StepResult, n_used: int) -> TrainingState:
        cursor = state.cursor + n_used
        epoch = state.epoch
        if cursor >= self.train_set.n_samples:
            epoch, cursor = epoch + 1, 0
        return TrainingState(state.iteration + 1, epoch, cursor, step.network_after, state.config)

    def _record(
        self, state: TrainingState, idx: np.ndarray, x: np.ndarray, y: np.ndarray, step: StepResult
    ) -> IterationRecord:
        return make_record(
            step, state.network, iteration=state.iteration + 1, epoch=state.epoch + 1,
            mode=state.config.mode, learning_rate=state.config.learning_rate,
            sample_indices=idx, inputs=x, targets=y,
        )

    @_quiet
    def preview(self) -> IterationRecord:
        """The record the next iteration would produce, without applying it."""
        state = self._state
        idx, x, y, step = self._compute(state)
        return self._record(state, idx, x, y, step)

    # ---- one iteration in three parts (``iteration.py``): plan, compute (any thread), apply
    def plan_next(self) -> IterationPlan:
        """The next iteration, decided but not computed; ``compute_next(plan)`` computes it."""
        state = self._state
        idx, x, y = self._batches.of(state)
        accumulated = state.config.mode == "accumulated"
        return IterationPlan(
            state, idx, x, y, self.train_set, self.test_set,
            self._pending_epoch is state and accumulated and state.cursor == 0,
            state.cursor + idx.shape[0] >= self.train_set.n_samples and state.iteration >= self._end
            and not (accumulated and self.test_set is None),
            self.step_function,
        )

    def work_per_iteration(self) -> int:
        """Parameters × samples of the next iteration: what one costs, for sizing Run's chunks."""
        state = self._state
        return state.network.n_parameters * state.config.batch_for(self.train_set.n_samples)

    @_quiet
    def apply_next(
        self, plan: IterationPlan, nxt: NextStep, *, want_record: bool = False, use_stop_conditions: bool = True
    ) -> Applied:
        """Apply ``nxt = compute_next(plan)`` as ``advance`` would (history, epoch rows, checkpoints).

        With ``use_stop_conditions``, a stop condition that holds before the iteration is
        returned and nothing is applied (in accumulated mode the target error is read from
        ``nxt``, no pass over the data here); the iteration that ends an epoch then keeps its
        record, so a stop finds one. Raises ``ConfigError`` if the trainer's state is no longer
        ``plan.state`` and ``DivergenceError`` (nothing applied) on a non-finite result.
        """
        if plan.state is not self._state:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "training changed since this iteration was planned; plan it again")
            )
        if use_stop_conditions and (reason := self._stop_reason(nxt)) is not None:
            self._ensure_record()
            return Applied(None, False, reason)
        keep = want_record or (
            use_stop_conditions and (self.stop.target_error is not None or self.stop.max_epochs is not None)
            and plan.state.cursor + plan.indices.shape[0] >= self.train_set.n_samples
        )
        return Applied(*self._apply(plan, nxt, keep), None)

    @overload
    def _advance(self, want_record: Literal[True]) -> tuple[IterationRecord, bool]: ...
    @overload
    def _advance(self, want_record: bool) -> tuple[IterationRecord | None, bool]: ...

    def _advance(self, want_record: bool) -> tuple[IterationRecord | None, bool]:
        """Apply one iteration; returns its record (if wanted) and whether an epoch ended."""
        cached, self._next_cache = self._next_cache, None
        if cached is not None and cached[0].state is self._state:
            plan, nxt = cached  # the stop check computed it (``stop_reason``)
        else:
            plan = self.plan_next()
            nxt = compute_next_unguarded(plan)
        return self._apply(plan, nxt, want_record)

    def _apply(self, plan: IterationPlan, nxt: NextStep, want_record: bool) -> tuple[IterationRecord | None, bool]:
        state = plan.state
        step = nxt.step
        idx = plan.indices
        if self._pending_epoch is not None:
            if self._pending_epoch is state and state.config.mode == "accumulated" and state.cursor == 0:
                self._fill_pending(nxt)
            else:
                self._flush_epoch()
        if not step.finite:
            raise DivergenceError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "iteration {iteration} produced a non-finite error or parameter (η = {eta}); it was not applied",
                ),
                iteration=state.iteration + 1, eta=f"{state.config.learning_rate:g}",
            )
        new = self._after(state, step, idx.shape[0])
        t = new.iteration
        if t <= self._end:
            # Going forward again after a step back: the recorded future is replayed exactly.
            # A checkpoint at t is the state there — it carries a hand edit or a setting
            # changed at t, which recomputing from t − 1 alone would lose.
            new = self._checkpoints.at(t) or new
            self._state = new
        else:
            self._errors.append(step.error)
            self._end = t
            self._state = new
            q = self._quantum
            lo = self._clock // q
            self._clock += self._cost
            if self._clock // q > lo:
                self._checkpoints.add(new, clock=self._clock, marks=(lo, self._clock // q))
            if new.epoch != state.epoch:
                if new.config.mode == "accumulated" and self.test_set is None:
                    self._pending_epoch = new  # the next pass measures it for free
                else:
                    row = nxt.row_after if nxt.row_after is not None else measure_epoch_end(
                        self.train_set, self.test_set, new.network)
                    self._epochs.append(new.iteration, *row, epoch=new.epoch)
        record = self._record(state, idx, plan.inputs, plan.targets, step) if want_record else None
        self._last_record = record
        return record, new.epoch != state.epoch

    def _fill_pending(self, nxt: NextStep) -> None:
        """This pass began by measuring E over the whole training set, in file order, with the
        parameters the pending epoch row is about: it is that row."""
        pending = self._pending_epoch
        assert pending is not None
        step = nxt.step
        error, accuracy = nxt.row_before or (step.error, accuracy_of(self.train_set, step.outputs[-1]))
        self._epochs.append(pending.iteration, error, accuracy, math.nan, math.nan, epoch=pending.epoch)
        self._pending_epoch = None

    @_quiet
    def step(self) -> IterationRecord:
        """One iteration: one sample (standard), one pass (accumulated) or one batch."""
        record, _ = self._advance(True)
        return record

    @_quiet
    def step_epoch(self) -> IterationRecord:
        """Iterate up to the end of the epoch in progress; returns the last record."""
        while not self._epoch_last(self._state):
            self._advance(False)
        record, _ = self._advance(True)  # the iteration that ends the epoch
        return record

    def iterations_left_in_epoch(self) -> int:
        """How many iterations :meth:`step_epoch` applies from here (the one that ends the epoch included)."""
        n, state = self.train_set.n_samples, self._state
        return max(1, -(-(n - state.cursor) // state.config.batch_for(n)))

    def _epoch_last(self, state: TrainingState) -> bool:
        return state.cursor + state.config.batch_for(self.train_set.n_samples) >= self.train_set.n_samples

    @_quiet
    def advance(self, n: int, *, use_stop_conditions: bool = True) -> tuple[int, str | None]:
        """Up to ``n`` iterations, keeping a record of the last only.

        Returns the number applied and why it stopped early (``"target_error"``,
        ``"max_epochs"``) or None. A ``DivergenceError`` leaves the trainer at
        the last finite iteration.
        """
        done = 0
        while done < n:
            if use_stop_conditions and (reason := self.stop_reason()) is not None:
                self._ensure_record()
                return done, reason
            if done < n - 1:  # a tiny network's iterations in one call (``run_small.py``); the last keeps its record
                lane, reason = self._advance_small(n - 1 - done, use_stop_conditions)
                done += lane
                if reason is not None:
                    return done, reason
                if lane:
                    continue
            try:
                self._advance(done == n - 1)
            except DivergenceError:
                self._ensure_record()  # the last finite iteration keeps its record
                raise
            done += 1
        return n, None

    @_quiet
    def train(self) -> str:
        """Train until a stop condition holds (at least one must be set)."""
        if self.stop.target_error is None and self.stop.max_epochs is None:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "training to the end needs a target error or a maximum number of epochs")
            )
        try:
            while (reason := self.stop_reason()) is None:
                self._advance(False)
        finally:
            self._ensure_record()
        return reason

    def stop_reason(self) -> str | None:
        """The stop condition that holds now, if any (checked at epoch ends). In accumulated mode E is
        the next pass's error: the check computes that pass and keeps it for the ``advance`` after."""
        return self._stop_reason(None)

    def _stop_reason(self, nxt: NextStep | None) -> str | None:
        state = self._state
        if state.cursor != 0 or state.iteration == 0:
            return None
        if self.stop.target_error is not None:
            if self._pending_epoch is state and state.config.mode == "accumulated":
                if nxt is None:
                    cached = self._next_cache
                    if cached is None or cached[0].state is not state:
                        plan = self.plan_next()
                        cached = self._next_cache = (plan, compute_next(plan))
                    nxt = cached[1]
                self._fill_pending(nxt)
            if self.epoch_error() <= self.stop.target_error:
                return STOP_TARGET
        if self.stop.max_epochs is not None and state.epoch >= self.stop.max_epochs:
            return STOP_MAX_EPOCHS
        return None

    def _ensure_record(self) -> None:
        if self._last_record is None and self.iteration > 0:
            self.goto(self.iteration)

    # ---- measuring -------------------------------------------------------------
    def evaluate(self, dataset: Dataset | None = None, network: Network | None = None) -> tuple[float, float]:
        """``(E, accuracy)`` of a data set (default: training set); accuracy NaN for regression.

        E is ``(1/m) Σ_k E_k``, by the same arithmetic as a training step's error.
        """
        data = dataset if dataset is not None else self.train_set
        return measure_set(data, network if network is not None else self.network)

    def _log_epoch(self, state: TrainingState) -> None:
        self._epochs.append(state.iteration, *measure_epoch_end(self.train_set, self.test_set, state.network),
                            epoch=state.epoch)

    def _flush_epoch(self) -> None:
        """Measure a pending epoch row now (someone reads the log before the next pass)."""
        if self._pending_epoch is not None:
            pending, self._pending_epoch = self._pending_epoch, None
            self._log_epoch(pending)

    @property
    def epochs(self) -> EpochLog:
        """One row per epoch end (row 0: before training); see ``EpochLog``."""
        self._flush_epoch()
        return self._epochs

    @property
    def logged_epochs(self) -> EpochLog:
        """``epochs`` without measuring a row the next accumulated pass measures anyway (Run's frames)."""
        return self._epochs

    def epoch_error(self) -> float:
        """E over the training set at the most recent epoch end at or before t."""
        return self.epoch_row().error

    @_quiet
    def epoch_row(self, *, measure: bool = True) -> EpochRow:
        """The epoch row of the most recent epoch end at or before t.

        Read from the log; a row thinned away (far back in a long run) is measured
        again by replaying to that epoch's end, as step back does. ``measure=False``:
        a row the next accumulated pass will measure is not measured now, the row before stands in.
        """
        log = self.epochs if measure else self._epochs
        row = int(np.searchsorted(log.iteration.view(), self.iteration, side="right")) - 1
        epoch = self._state.epoch
        if int(log.epoch[row]) == epoch or (not measure and self._pending_epoch is not None):
            return EpochRow(*(getattr(log, name)[row].item() for name in EpochLog.FIELDS))
        if self._measured is None or self._measured.epoch != epoch:
            self._measured = self._measure_epoch_end(epoch)
        return self._measured

    def _measure_epoch_end(self, epoch: int) -> EpochRow:
        checkpoints = self._checkpoints
        i = checkpoints.index_before(self.iteration)
        while i > 0 and (checkpoints[i].epoch, -checkpoints[i].cursor) > (epoch, 0):
            i -= 1
        state = checkpoints[i]
        while state.epoch < epoch:
            idx, _, _, step = self._compute(state)
            state = self._checkpoints.at(state.iteration + 1) or self._after(state, step, idx.shape[0])
        if state.config.mode == "accumulated" and self.test_set is None:
            # Measured by the next pass, as training measured it.
            *_, step = self._compute(state)
            error, accuracy = step.error, accuracy_of(self.train_set, step.outputs[-1])
            return EpochRow(state.iteration, epoch, float(error), float(accuracy), math.nan, math.nan)
        error, accuracy = self.evaluate(self.train_set, state.network)
        test_error = test_accuracy = math.nan
        if self.test_set is not None:
            test_error, test_accuracy = self.evaluate(self.test_set, state.network)
        return EpochRow(state.iteration, epoch, *map(float, (error, accuracy, test_error, test_accuracy)))

    # ---- the work clock (moving in time, goto and step_back: time_travel.py) --------
    def _cost_of(self, config: TrainingConfig) -> int:
        """One iteration's cost on the work clock: at least one quantum per ``checkpoint_interval``."""
        return max(self._tick, iteration_cost(self.network.n_parameters, config.batch_for(self.train_set.n_samples)))

    # ---- changes by hand ------------------------------------------------------------
    def _branch(self, state: TrainingState) -> None:
        """Make ``state`` the current one, dropping any computed future after it."""
        t = state.iteration
        self._flush_epoch()
        self._next_cache = None
        self._errors.truncate(t)
        self._measured = None
        checkpoints = self._checkpoints
        checkpoints.drop_from(t)
        self._recent.drop_from(t)
        i = checkpoints.index_before(t)
        c = checkpoints[i]
        # Between two checkpoints the settings are those of the first (a change is an event).
        self._clock = checkpoints.clocks[i] + (t - c.iteration) * self._cost_of(c.config)
        checkpoints.add(state, clock=self._clock)
        self._cost = self._cost_of(state.config)
        if state.cursor == 0:
            # An epoch row measured at t described the network before the change.
            self._epochs.truncate_after(t - 1)
            self._log_epoch(state)
        else:
            self._epochs.truncate_after(t)
        self._end = t
        self._state = state

    def set_config(self, **changes: Any) -> None:
        """Change η, mode, batch size or shuffling from now on (the computed future is dropped).

        A new mode starts a new epoch: the one in progress is closed where it
        stands (its row measured now), so a pass of accumulated BP is always a
        whole pass.
        """
        config = replace(self.config, **changes)
        if config == self.config:
            return
        state = self._state._replace(config=config)
        if config.mode != self.config.mode and state.cursor != 0:
            state = state._replace(epoch=state.epoch + 1, cursor=0)
        self._branch(state)

    def drop_future(self) -> None:
        """Forget the iterations computed after t: a new choice made while stepped back starts a
        new branch here even when it equals the settings t was computed with. Iteration t's
        record stays."""
        if self._end > self.iteration:
            record = self._last_record
            self._branch(self._state)
            self._last_record = record

    def set_stop(self, stop: StopConditions) -> None:
        self.stop = stop

    def set_parameter(self, layer: int, kind: str, source: int | None, target: int, value: float) -> None:
        """Edit one weight or threshold by hand (1-based indices); the future is dropped."""
        network = self.network.with_parameter(layer, kind, source, target, float(value))
        self._branch(self._state._replace(network=network))
        self._last_record = None

    def set_network(self, network: Network) -> None:
        """Replace the parameters (same structure) from now on, e.g. to undo an edit."""
        if network.layer_sizes != self.network.layer_sizes:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the new network has a different structure; make a new trainer")
            )
        check_targets(network, self.train_set, self.test_set)
        self._branch(self._state._replace(network=network))
        self._last_record = None

    def changes_by_hand(self) -> list[TrainingState]:
        """The states a change by hand set after iteration 0, in order. With iteration 0's state
        (``checkpoint_zero``) they are the whole trajectory up to ``end``: training between them is a
        function of the state it starts from (a session file keeps them, ``session.session_format``)."""
        c = self._checkpoints
        return [state for t in c.events() if t > 0 and (state := c.at(t)) is not None]

    @property
    def checkpoint_zero(self) -> TrainingState:
        """Iteration 0's state as training starts from it (with any change made there by hand)."""
        return self._checkpoints.first

    def change_by_hand(self, state: TrainingState) -> None:
        """Make ``state`` current, as a change by hand at this iteration would (the future dropped): a
        change read back from a session file. Refused unless it is at t with the same structure."""
        if state.iteration != self.iteration or state.network.layer_sizes != self.network.layer_sizes:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a change at iteration {at} does not fit the run "
                                                          "at iteration {t}"), at=state.iteration, t=self.iteration)
        check_targets(state.network, self.train_set, self.test_set)
        self._branch(state)
        self._last_record = None

    def reset(self) -> None:
        """Back to iteration 0 with the initial network, forgetting all history."""
        self._start(self._checkpoints.first._replace(iteration=0, epoch=0, cursor=0))
