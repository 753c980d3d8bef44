"""What the error curve and the status bar read: snapshots of a run's history and figures."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model.training import Trainer
from .messages import Message


@dataclass(frozen=True)
class History:
    """What the error curve draws, read from the trainer (arrays are read-only views)."""

    iteration_errors: np.ndarray  # E_k (or a batch's / a pass's E) of iterations 1..end (or those listed below)
    epoch_iterations: np.ndarray  # the iteration t at which each epoch row was measured
    epoch_errors: np.ndarray  # E over the training set at each epoch end (row 0: before training)
    test_errors: np.ndarray | None
    iterations_per_epoch: int
    iteration: int  # t shown
    end: int  # the last iteration computed (> t after stepping back)
    changes: tuple[tuple[int, Message], ...] = ()  # settings changed mid-run: (t from which it applies, what)
    # In a long run the older rows are thinned (two real rows per bucket, model/history.py): then these
    # say which iteration each iteration error is of, and which epoch each epoch row is (None: 1..n, 0..rows-1).
    iteration_positions: np.ndarray | None = None
    epoch_numbers: np.ndarray | None = None

    @staticmethod
    def of(trainer: Trainer, changes: tuple[tuple[int, Message], ...] = (), *, measure: bool = True) -> History:
        """The history now; ``measure=False`` (Run's frames): a row the next accumulated pass measures
        anyway is left to it (one pass behind, as the pass's own E is) instead of a pass here."""
        log = trainer.epochs if measure else trainer.logged_epochs
        m = trainer.train_set.n_samples
        return History(
            iteration_errors=trainer.iteration_errors,
            epoch_iterations=log.iteration.view(),
            epoch_errors=log.error.view(),
            test_errors=log.test_error.view() if trainer.test_set is not None else None,
            iterations_per_epoch=math.ceil(m / trainer.config.batch_for(m)),
            iteration=trainer.iteration,
            end=trainer.end,
            changes=changes,
            iteration_positions=trainer.iteration_positions,
            epoch_numbers=log.epoch.view() if log.thinned else None,
        )


def status_of(trainer: Trainer, running: bool) -> dict[str, Any]:
    """Figures for the status bar: t, epoch, sample k, E_k (or the batch's / pass's E), E, accuracy."""
    record = trainer.last_record
    # Measured again if a long run thinned it away; while running, a row the next accumulated pass
    # measures anyway is not measured here (the row before stands in until that pass lands).
    row = trainer.epoch_row(measure=not running)
    return {
        "iteration": trainer.iteration,
        "end": trainer.end,
        "epoch": trainer.state.epoch,
        "sample": None if record is None or record.batch_size != 1 else int(record.sample_indices[0]) + 1,
        "batch": None if record is None else record.batch_size,
        "error_k": None if record is None else record.error,
        "error": row.error,
        "accuracy": None if math.isnan(row.accuracy) else row.accuracy,
        "test_error": None if math.isnan(row.test_error) else row.test_error,
        "running": running,
    }
