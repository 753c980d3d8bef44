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

__all__ = ["held_out_count", "smallest_same_fraction", "train_test_split"]


def _check_fraction(test_fraction: float) -> float:
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
    return float(test_fraction)


def _groups(dataset: Dataset) -> list[np.ndarray]:
    """The strata: the rows of each class of a single-label classification set, else all rows."""
    if dataset.task == CLASSIFICATION and dataset.class_names:
        labels = dataset.labels()
        return [np.flatnonzero(labels == c) for c in np.unique(labels)]
    return [np.arange(dataset.n_samples)]


def _counts(dataset: Dataset, groups: list[np.ndarray], test_fraction: float) -> list[int]:
    """How many rows of each group go to test (``test_fraction`` > 0, m >= 2)."""
    m = dataset.n_samples
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
    return counts


def _check_rows(dataset: Dataset) -> None:
    if dataset.n_samples < 2:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "data set {name} has {rows} row(s); a train/test split needs at least 2"),
            name=repr(dataset.name), rows=dataset.n_samples,
        )


def held_out_count(dataset: Dataset, test_fraction: float) -> int:
    """How many rows :func:`train_test_split` holds out for ``test_fraction`` (for any seed).

    0 for ``test_fraction == 0``; raises :class:`DataError` as
    :func:`train_test_split` does for a bad fraction or a set of fewer
    than 2 rows.  Two fractions with the same count give exactly the same
    split (same seed): the same test rows and so the same training set.
    """
    test_fraction = _check_fraction(test_fraction)
    if test_fraction == 0:
        return 0
    _check_rows(dataset)
    return sum(_counts(dataset, _groups(dataset), test_fraction))


def smallest_same_fraction(dataset: Dataset, test_fraction: float, step: float = 0.05) -> float:
    """The smallest multiple of ``step`` that holds out as many rows as ``test_fraction``.

    That fraction gives exactly the same split, so a learner who chose 0.10
    of 17 samples can be told it is "the same as 0.05".  Returns
    ``test_fraction`` itself when no smaller multiple of ``step`` does
    (0 for 0).  ``step`` is the spin box's step, a number in (0, 1); the
    result is rounded to 10 decimals (0.15, not 0.15000000000000002).
    """
    test_fraction = _check_fraction(test_fraction)
    if (
        isinstance(step, bool)
        or not isinstance(step, numbers.Real)
        or not math.isfinite(step)
        or not 0.0 < step < 1.0
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "the fraction step must be a number in (0, 1), not {step}"), step=repr(step)
        )
    wanted = held_out_count(dataset, test_fraction)
    if test_fraction == 0:
        return test_fraction
    k = 1
    while (candidate := round(k * step, 10)) < test_fraction:
        if held_out_count(dataset, candidate) == wanted:
            return candidate
        k += 1
    return test_fraction


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
    :func:`held_out_count` says how many rows a fraction holds out.
    """
    test_fraction = _check_fraction(test_fraction)
    seed = check_seed(seed)
    if test_fraction == 0:
        return dataset, dataset.subset([])
    _check_rows(dataset)

    rng = rng_for(seed, SPLIT)
    groups = _groups(dataset)
    counts = _counts(dataset, groups, test_fraction)
    m = dataset.n_samples
    test_rows = np.concatenate(
        [rng.permutation(g)[:k] for g, k in zip(groups, counts)]
    ).astype(np.intp)
    test_mask = np.zeros(m, dtype=bool)
    test_mask[test_rows] = True
    return dataset.subset(np.flatnonzero(~test_mask)), dataset.subset(np.flatnonzero(test_mask))
