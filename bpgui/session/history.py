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

    iteration_errors: np.ndarray  # E_k (or a batch's / a pass's E) of iterations 1..end
    epoch_iterations: np.ndarray  # the iteration t at which each epoch row was measured
    epoch_errors: np.ndarray  # E over the training set at each epoch end (row 0: before training)
    test_errors: np.ndarray | None
    iterations_per_epoch: int
    iteration: int  # t shown
    end: int  # the last iteration computed (> t after stepping back)
    changes: tuple[tuple[int, Message], ...] = ()  # settings changed mid-run: (t from which it applies, what)

    @staticmethod
    def of(trainer: Trainer, changes: tuple[tuple[int, Message], ...] = ()) -> History:
        log = trainer.epochs
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
        )


def status_of(trainer: Trainer, running: bool) -> dict[str, Any]:
    """Figures for the status bar: t, epoch, sample k, E_k (or the batch's / pass's E), E, accuracy."""
    record = trainer.last_record
    log = trainer.epochs
    row = int(np.searchsorted(log.iteration.view(), trainer.iteration, side="right")) - 1
    return {
        "iteration": trainer.iteration,
        "end": trainer.end,
        "epoch": trainer.state.epoch,
        "sample": None if record is None or record.batch_size != 1 else int(record.sample_indices[0]) + 1,
        "batch": None if record is None else record.batch_size,
        "error_k": None if record is None else record.error,
        "error": float(log.error[row]),
        "accuracy": None if math.isnan(log.accuracy[row]) else float(log.accuracy[row]),
        "test_error": None if math.isnan(log.test_error[row]) else float(log.test_error[row]),
        "running": running,
    }
