"""Side-by-side runs: the book's exercise 5.5, standard against accumulated BP.

Both runs start from the same network (same seed), see the same data, and
are measured the same way: E = (1/m) Σ_k E_k over the training set at every
epoch end. Standard BP updates after each sample (m updates an epoch),
accumulated BP once per pass, so the comparison reads per epoch and per update.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .datasets import Dataset
from .network import Network
from .records import RunSummary
from .training import StopConditions, Trainer, TrainingConfig

# RunSummary lives in ``records`` (a view can name the type without importing
# this computation module); importing it from here still works.
__all__ = ["RunSummary", "compare_modes"]


#: Iterations between two progress reports of a comparison.
CHUNK = 256


def compare_modes(data: Dataset, network: Network, *, epochs: int, seed: int = 0,
                  runs: Sequence[tuple[str, float]] = (("standard", 1.0), ("accumulated", 1.0)),
                  progress: Callable[[int, int], None] | None = None) -> list[RunSummary]:
    """Train a copy of ``network`` once per (mode, η) for ``epochs`` epochs and summarise each.

    ``progress(done, total)`` is called every few hundred iterations with the epochs done
    over all runs (a caller may raise from it to stop: nothing outside the runs changes).
    """
    out = []
    total = epochs * len(runs)
    for n, (mode, eta) in enumerate(runs):
        trainer = Trainer(network, data, seed=seed, config=TrainingConfig(mode=mode, learning_rate=eta),
                          stop=StopConditions(max_epochs=epochs))
        reason = None
        while reason is None:
            if progress is not None:
                progress(n * epochs + trainer.state.epoch, total)
            _, reason = trainer.advance(CHUNK)
        log = trainer.epochs
        errors, accuracies = log.error.view().copy(), log.accuracy.view().copy()
        errors.setflags(write=False)
        accuracies.setflags(write=False)
        per_epoch = 1 if mode == "accumulated" else data.n_samples
        out.append(RunSummary(mode, eta, errors, accuracies, per_epoch))
    if progress is not None:
        progress(total, total)
    return out
