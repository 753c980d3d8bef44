"""Run's lane for tiny networks: many iterations of standard BP in one call, in Python floats (a mixin of ``Trainer``).

For the note's 2-2-1 network an iteration's arithmetic (``backprop_small``: 3–4 µs) was a sixth of what an
iteration cost in ``Trainer.advance``: the rest was the objects made around it (a plan, a step result, a
network and a training state per iteration) that Run throws away. Here the parameters stay a list of floats
from one iteration to the next, and a ``Network`` and a ``TrainingState`` are made only where the trainer keeps
one: at a checkpoint, at an epoch's end (its row is measured on the network, by ``measure_epoch_end`` as
always) and where the lane stops. The arithmetic is ``backprop_small``'s lines (``lean_step``), the samples
come in the same order (``Batches.order``), and every figure is appended to the same history by the same
calls in the same order as ``Trainer._apply``: the trajectory, the history and the checkpoints are bitwise
those of one ``_advance`` at a time (``tests/model/test_run_small.py`` proves it on generated runs).

The lane is taken only where it is the same arithmetic: one sample per iteration (standard BP, or mini-batch
of one), a network of at most ``SMALL_NETWORK`` parameters, the trainer's own backward pass (a practice trainer
with a planted bug keeps its own), at the newest iteration (after a step back, the recorded future is
replayed as before). It stops before an iteration that is not finite, so that ``_advance`` refuses it and
says why, exactly as before.
"""

from __future__ import annotations

import numpy as np

from .backprop import compute_step_unguarded
from .backprop_small import SMALL_NETWORK, LeanStep, lean_step
from .datasets import Dataset
from .history import Checkpoints, EpochLog, ErrorCurve
from .iteration import Batches, IterationPlan, NextStep, StepFunction, TrainingState, measure_epoch_end
from .network import Network
from .records import IterationRecord
from .training_config import TrainingConfig

__all__ = ["SmallRun"]


class SmallRun:
    """``_advance_small``: see the module. The trainer provides its state and history."""

    train_set: Dataset
    test_set: Dataset | None
    _state: TrainingState
    _end: int
    _clock: int
    _cost: int
    _quantum: int
    _batches: Batches
    _errors: ErrorCurve
    _epochs: EpochLog
    _checkpoints: Checkpoints[TrainingState]
    _pending_epoch: TrainingState | None
    _next_cache: tuple[IterationPlan, NextStep] | None
    _last_record: IterationRecord | None
    _rows: tuple[Dataset, list[list[float]], list[list[float]]] | None = None

    @property
    def step_function(self) -> StepFunction:
        raise NotImplementedError

    def _stop_reason(self, nxt: NextStep | None) -> str | None:
        raise NotImplementedError

    def _ensure_record(self) -> None:
        raise NotImplementedError

    def _small_lane(self) -> LeanStep | None:
        """The lean step when the lane applies here (see the module), else None."""
        state = self._state
        network = state.network
        if (state.iteration != self._end or self._pending_epoch is not None or self._next_cache is not None
                or network.n_parameters > SMALL_NETWORK or state.config.mode == "accumulated"
                or state.config.batch_for(self.train_set.n_samples) != 1
                or self.step_function is not compute_step_unguarded):
            return None
        return lean_step(network.layer_sizes, network.activations, network.loss)

    def _sample_rows(self) -> tuple[list[list[float]], list[list[float]]]:
        """The training set's inputs and targets as lists of floats (made once per training set)."""
        rows = self._rows
        if rows is None or rows[0] is not self.train_set:
            data = self.train_set
            rows = self._rows = (data, data.inputs.tolist(), data.targets.tolist())
        return rows[1], rows[2]

    def _advance_small(self, n: int, use_stop_conditions: bool) -> tuple[int, str | None]:
        """Up to ``n`` iterations in the lane (none if it does not apply), as ``n`` calls of ``_advance(False)``
        would make them; stops early at a stop condition (returned, as ``advance`` returns it) or before an
        iteration that is not finite. Returns the count applied and the stop condition that held, if any."""
        step = self._small_lane()
        if step is None or n <= 0:
            return 0, None
        state = self._state
        config = state.config
        structure = state.network  # its with_flat gives each network kept the same structure
        eta = config.learning_rate
        shuffle = config.shuffle
        inputs, targets = self._sample_rows()
        m = self.train_set.n_samples
        batches, errors, checkpoints, epochs = self._batches, self._errors, self._checkpoints, self._epochs
        train, test = self.train_set, self.test_set
        cost, q = self._cost, self._quantum
        clock = self._clock
        t, epoch, cursor = state.iteration, state.epoch, state.cursor
        p = state.network.flat.tolist()
        order = batches.order(epoch, shuffle).tolist()
        done, reason = 0, None
        while done < n:
            k = order[cursor]
            error, finite, new = step(p, inputs[k], targets[k], eta)
            if not finite:
                break  # _advance computes it again and refuses it, with the message it always gave
            p = new
            errors.append(error)
            t += 1
            cursor += 1
            done += 1
            lo = clock // q
            clock += cost
            hi = clock // q
            ended = cursor >= m
            if hi > lo or ended:
                if ended:
                    epoch, cursor = epoch + 1, 0
                kept = _state(structure, p, t, epoch, cursor, config)
                if hi > lo:
                    checkpoints.add(kept, clock=clock, marks=(lo, hi))
                if ended:
                    epochs.append(t, *measure_epoch_end(train, test, kept.network), epoch=epoch)
                    order = batches.order(epoch, shuffle).tolist()
                    if use_stop_conditions:
                        self._state, self._end, self._clock = kept, t, clock
                        if (reason := self._stop_reason(None)) is not None:
                            break
        if done:
            if self._state.iteration != t:
                self._state = _state(structure, p, t, epoch, cursor, config)
            self._end, self._clock = t, clock
            self._last_record = None
            if reason is not None:
                self._ensure_record()
        return done, reason


def _state(structure: Network, p: list[float], t: int, epoch: int, cursor: int,
           config: TrainingConfig) -> TrainingState:
    """The state after iteration ``t`` as ``Trainer._apply`` makes it (the parameters a read-only array)."""
    flat = np.array(p)
    flat.setflags(write=False)
    return TrainingState(t, epoch, cursor, structure.with_flat(flat), config)
