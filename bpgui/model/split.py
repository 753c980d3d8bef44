"""Train/test split: stratified, seeded by its own stream.

Rows are drawn from ``rng_for(seed, SPLIT)`` (:mod:`bpgui.model.seeding`)
only, never from the stream that generated a built-in set of the same
seed: changing the test fraction never changes the data, and regenerating
the data never changes how the split draws.

This module is pure NumPy + standard library: it must never import Qt.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from bpgui.model.dataset import CLASSIFICATION, Dataset, check_seed
from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError
from bpgui.model.seeding import SPLIT, rng_for

__all__ = ["train_test_split"]


def train_test_split(
    dataset: Dataset, test_fraction: float, seed: int
) -> tuple[Dataset, Dataset]:
    """Split into (train, test) with about ``test_fraction`` of the rows in test.

    ``test_fraction`` must be in [0, 1); 0 gives ``(dataset, empty set)``.
    Otherwise the test part has round(m · test_fraction) rows, at least 1,
    but never so many that the train part loses a class: single-label
    classification sets are stratified (each class contributes in
    proportion, largest remainders first) and keep at least one row of
    every class in train; other sets keep at least one row in train.  Rows
    are chosen with ``rng_for(seed, SPLIT)`` only, so the split is
    deterministic; both parts keep the original row order.
    """
    if (
        isinstance(test_fraction, bool)
        or not isinstance(test_fraction, numbers.Real)
        or not math.isfinite(test_fraction)
        or not 0.0 <= test_fraction < 1.0
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "test_fraction must be a number in [0, 1), not {test_fraction}"),
            test_fraction=repr(test_fraction),
        )
    seed = check_seed(seed)
    m = dataset.n_samples
    if test_fraction == 0:
        return dataset, dataset.subset([])
    if m < 2:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "data set {name} has {rows} row(s); a train/test split needs at least 2"),
            name=repr(dataset.name), rows=m,
        )

    rng = rng_for(seed, SPLIT)
    if dataset.task == CLASSIFICATION and dataset.class_names:
        labels = dataset.labels()
        groups = [np.flatnonzero(labels == c) for c in np.unique(labels)]
    else:
        groups = [np.arange(m)]
    capacity = [len(g) - 1 for g in groups]
    n_test = min(max(math.floor(m * test_fraction + 0.5), 1), sum(capacity))

    quotas = [len(g) * n_test / m for g in groups]
    counts = [min(math.floor(q), cap) for q, cap in zip(quotas, capacity)]
    order = sorted(range(len(groups)), key=lambda i: (-(quotas[i] - math.floor(quotas[i])), i))
    remaining = n_test - sum(counts)
    while remaining > 0:
        for i in order:
            if remaining and counts[i] < capacity[i]:
                counts[i] += 1
                remaining -= 1

    test_rows = np.concatenate(
        [rng.permutation(g)[:k] for g, k in zip(groups, counts)]
    ).astype(np.intp)
    test_mask = np.zeros(m, dtype=bool)
    test_mask[test_rows] = True
    return dataset.subset(np.flatnonzero(~test_mask)), dataset.subset(np.flatnonzero(test_mask))
