"""One training iteration split in three, so the heavy middle part can run off the GUI thread.

``Trainer.advance`` is ``plan → compute → apply`` done in one go; a session that must keep
a window responsive calls the three itself::

    plan = trainer.plan_next()             # cheap: the state it starts from and the batch
    nxt = compute_next(plan)               # the arithmetic; pure: touches no trainer state
    applied = trainer.apply_next(plan, nxt, want_record=False)

``compute_next`` reads only the plan (immutable states, read-only arrays, data sets) and
returns new arrays, so it may run on any thread while the trainer is left alone; it also
does every measurement over the data the iteration's bookkeeping needs (the epoch row the
iteration ends, or the one the pass fills in), so ``apply_next`` does no O(data) work.
``apply_next`` refuses (``ConfigError``) a plan whose starting state is no longer the
trainer's: something changed meanwhile, and the result would belong to another trajectory.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import NamedTuple, ParamSpec, TypeVar

import numpy as np

from .backprop import StepResult, compute_step_unguarded, loss_and_outputs
from .datasets import Dataset
from .network import Network
from .records import IterationRecord
from .seeding import ORDER, rng_for
from .training_config import TrainingConfig

__all__ = [
    "REPLAY_WORK", "Applied", "Batches", "IterationPlan", "NextStep", "StepFunction", "TrainingState", "compute_next",
    "compute_next_unguarded", "iteration_cost", "measure_set", "quiet", "work_quantum",
]

P = ParamSpec("P")
R = TypeVar("R")
# One iteration's arithmetic: (network, inputs, targets, η) → its step (``backprop.compute_step_unguarded``).
StepFunction = Callable[[Network, np.ndarray, np.ndarray, float], StepResult]


def quiet(method: Callable[P, R]) -> Callable[P, R]:
    """Run a public method under one ``np.errstate``: divergence is reported, not warned."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with np.errstate(over="ignore", invalid="ignore"):
            return method(*args, **kwargs)

    return wrapper


# What one iteration costs, in units of ≈ 0.15 ns on the machine of issue 11 (2 shared cores):
# a fixed overhead (≈ 22 µs of Python), a few passes over the parameter vector (≈ 4.5 ns each
# parameter) and the matrix products (≈ 0.15 ns per parameter and sample). Measured: 784-128-10
# batch 1 ≈ 0.5 ms, accumulated over 10^4 samples ≈ 150 ms, 2-2-1 ≈ 30 µs.
COST_OVERHEAD = 150_000
COST_PER_PARAMETER = 30
# A step back replays at most about this much work (≈ 25 ms): the checkpoints' spacing.
REPLAY_WORK = 166_000_000


def work_quantum(interval: int, replay_work: int) -> tuple[int, int]:
    """The work clock's quantum (≈ ``replay_work``, a multiple of ``interval``) and the least cost
    of an iteration, one ``interval``-th of it: so checkpoints are at most ``interval`` apart."""
    if interval < 1:
        raise ValueError("the checkpoint interval must be ≥ 1")
    quantum = max(1, replay_work // interval) * interval
    return quantum, quantum // interval


def iteration_cost(n_parameters: int, batch: int) -> int:
    """The cost of one iteration of ``batch`` samples on a network of ``n_parameters`` (units above)."""
    return COST_OVERHEAD + n_parameters * (batch + COST_PER_PARAMETER)


class TrainingState(NamedTuple):
    """Where training stands after ``iteration`` iterations."""

    iteration: int
    epoch: int  # epochs completed; the one in progress is epoch + 1
    cursor: int  # position in the current epoch's order
    network: Network
    config: TrainingConfig


class IterationPlan(NamedTuple):
    """The next iteration, decided but not computed (immutable; arrays read-only or never written).

    ``fills_pending_row``: the iteration is an accumulated pass over the whole training set
    in file order at the parameters of an epoch row not measured yet: its error and accuracy
    are that row. ``measures_epoch_end``: the iteration ends an epoch whose row is measured
    on the network after it, over the training (and test) set.
    """

    state: TrainingState
    indices: np.ndarray  # (B,) rows of the training set
    inputs: np.ndarray  # (B, d)
    targets: np.ndarray  # (B, l)
    train: Dataset
    test: Dataset | None
    fills_pending_row: bool
    measures_epoch_end: bool
    # The iteration's arithmetic: backprop's, unless the trainer is a practice one with a planted bug
    # (``model.practice.planted``; the real backward pass has no switch and never imports it).
    step_function: StepFunction = compute_step_unguarded


class NextStep(NamedTuple):
    """What ``compute_next`` computed: the step and the measurements the plan asked for."""

    step: StepResult
    row_before: tuple[float, float] | None  # (E, accuracy) of the pending epoch row
    row_after: tuple[float, float, float, float] | None  # (E, accuracy, test E, test accuracy) after it


class Applied(NamedTuple):
    """What ``Trainer.apply_next`` did: the record (if kept), whether an epoch ended, and the stop
    condition that held before the iteration (then nothing was applied)."""

    record: IterationRecord | None
    epoch_ended: bool
    stop_reason: str | None


class Batches:
    """The training set's rows iteration by iteration: the order of each epoch and each batch."""

    def __init__(self, train: Dataset, seed: int) -> None:
        self.seed = seed
        # Read-only views (never the data set's own flags): a record's rows of them need no view of their own.
        self.inputs = np.ascontiguousarray(train.inputs, dtype=np.float64).view()
        self.targets = np.ascontiguousarray(train.targets, dtype=np.float64).view()
        self.inputs.setflags(write=False)
        self.targets.setflags(write=False)
        m = train.n_samples
        self.file_order = np.arange(m)
        self.file_order.setflags(write=False)
        self._epochs_per_block = max(1, 4096 // m)  # ≤ 4096 indices drawn at a time
        self._order_block: tuple[int, np.ndarray] | None = None

    def order(self, epoch: int, shuffle: bool) -> np.ndarray:
        """Row order in epoch ``epoch + 1`` (0-based ``epoch``).

        Shuffled orders are drawn a block of epochs at a time from a stream
        of their own (``seed``, block number), so any epoch's order can be
        rebuilt without replaying the ones before it.
        """
        if not shuffle:
            return self.file_order
        m = self.file_order.shape[0]
        per_block = self._epochs_per_block
        block, row = divmod(epoch, per_block)
        cached = self._order_block
        if cached is None or cached[0] != block:
            every_epoch = np.broadcast_to(self.file_order, (per_block, m))
            orders = rng_for(self.seed, ORDER, block).permuted(every_epoch, axis=1)
            orders.setflags(write=False)
            self._order_block = cached = (block, orders)
        return cached[1][row]

    def of(self, state: TrainingState) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The indices, inputs and targets of the iteration from ``state``: views where the rows
        are contiguous in file order (a whole pass of accumulated BP copies nothing)."""
        config = state.config
        # A pass of accumulated BP sums over every sample: order is moot, so
        # the file order keeps its sample table readable.
        order = self.order(state.epoch, config.shuffle and config.mode != "accumulated")
        c = state.cursor
        b = config.batch_for(order.shape[0])
        idx = order[c : c + b]
        if idx.shape[0] == 1:
            k = int(idx[0])  # a slice is a view: cheaper than fancy indexing
            return idx, self.inputs[k : k + 1], self.targets[k : k + 1]
        if order is self.file_order:
            return idx, self.inputs[c : c + b], self.targets[c : c + b]
        return idx, self.inputs[idx], self.targets[idx]


def accuracy_of(data: Dataset, outputs: np.ndarray) -> float:
    return data.accuracy(outputs) if data.task == "classification" else math.nan


def measure_set(data: Dataset, network: Network) -> tuple[float, float]:
    """``(E, accuracy)`` of ``network`` over ``data`` (the arithmetic of ``Trainer.evaluate``)."""
    error, outputs = loss_and_outputs(network, data.inputs, data.targets)
    return error, accuracy_of(data, outputs)


def measure_epoch_end(train: Dataset, test: Dataset | None, network: Network) -> tuple[float, float, float, float]:
    error, accuracy = measure_set(train, network)
    if test is None:
        return error, accuracy, math.nan, math.nan
    return (error, accuracy, *measure_set(test, network))


def compute_next(plan: IterationPlan) -> NextStep:
    """The plan's iteration and its measurements; pure and thread-safe (touches no trainer)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return compute_next_unguarded(plan)


def compute_next_unguarded(plan: IterationPlan) -> NextStep:
    """``compute_next`` for callers that already hold an ``np.errstate`` (the trainer's methods)."""
    state = plan.state
    step = plan.step_function(state.network, plan.inputs, plan.targets, state.config.learning_rate)
    before = after = None
    if plan.fills_pending_row:
        before = (step.error, accuracy_of(plan.train, step.outputs[-1]))
    if plan.measures_epoch_end and step.finite:
        after = measure_epoch_end(plan.train, plan.test, step.network_after)
    return NextStep(step, before, after)
