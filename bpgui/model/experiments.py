"""Side-by-side runs: the book's exercise 5.5, standard against accumulated BP.

Both runs start from the same network (same seed), see the same data, and
are measured the same way: E = (1/m) Σ_k E_k over the training set at every
epoch end. Standard BP updates after each sample (m updates an epoch),
accumulated BP once per pass, so the comparison reads per epoch and per update.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .datasets import Dataset
from .network import Network
from .training import StopConditions, Trainer, TrainingConfig


@dataclass(frozen=True)
class RunSummary:
    mode: str
    learning_rate: float
    epoch_errors: np.ndarray  # row e: E after e epochs (row 0: before training)
    epoch_accuracies: np.ndarray
    updates_per_epoch: int

    @property
    def epochs(self) -> int:
        return int(self.epoch_errors.shape[0]) - 1

    @property
    def final_error(self) -> float:
        return float(self.epoch_errors[-1])

    @property
    def final_accuracy(self) -> float:
        return float(self.epoch_accuracies[-1])

    def epochs_to(self, error: float) -> int | None:
        """The first epoch at which E ≤ ``error`` (None if never)."""
        hits = np.flatnonzero(self.epoch_errors <= error)
        return int(hits[0]) if hits.size else None


def compare_modes(data: Dataset, network: Network, *, epochs: int, seed: int = 0,
                  runs: Sequence[tuple[str, float]] = (("standard", 1.0), ("accumulated", 1.0))) -> list[RunSummary]:
    """Train a copy of ``network`` once per (mode, η) for ``epochs`` epochs and summarise each."""
    out = []
    for mode, eta in runs:
        trainer = Trainer(network, data, seed=seed, config=TrainingConfig(mode=mode, learning_rate=eta),
                          stop=StopConditions(max_epochs=epochs))
        trainer.train()
        log = trainer.epochs
        errors, accuracies = log.error.view().copy(), log.accuracy.view().copy()
        errors.setflags(write=False)
        accuracies.setflags(write=False)
        per_epoch = 1 if mode == "accumulated" else data.n_samples
        out.append(RunSummary(mode, eta, errors, accuracies, per_epoch))
    return out
