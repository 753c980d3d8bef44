"""Compact, append-only storage for per-iteration and per-epoch figures.

Training for 10^6 iterations must not need 10^6 records: the history keeps
only a float per iteration and a few per epoch; everything else is rebuilt
by deterministic replay from checkpoints (see ``training``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import DTypeLike


class GrowableArray:
    """A 1-D array that grows by doubling; ``view()`` shows the filled part."""

    __slots__ = ("_data", "_size")

    def __init__(self, dtype: DTypeLike = np.float64, capacity: int = 1024) -> None:
        self._data = np.empty(capacity, dtype=dtype)
        self._size = 0

    def append(self, value: float) -> None:
        if self._size == self._data.shape[0]:
            grown = np.empty(2 * self._data.shape[0], dtype=self._data.dtype)
            grown[: self._size] = self._data
            self._data = grown
        self._data[self._size] = value
        self._size += 1

    def truncate(self, size: int) -> None:
        self._size = min(self._size, max(0, size))

    def view(self) -> np.ndarray:
        """Read-only view of the filled part (it stays valid until the next append)."""
        v = self._data[: self._size]
        v.setflags(write=False)
        return v

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> Any:
        return self.view()[i]

    @property
    def nbytes(self) -> int:
        return self._data.nbytes


class EpochLog:
    """One row per finished epoch (row 0 is the state before training).

    ``iteration`` is the iteration after which the row was measured; the
    errors are ``E = (1/m) Σ_k E_k`` over the whole training (and test) set
    with the parameters of that moment. NaN where there is nothing to
    measure (no test set; accuracy of a regression task).
    """

    FIELDS = ("iteration", "error", "accuracy", "test_error", "test_accuracy")

    def __init__(self) -> None:
        self.iteration = GrowableArray(np.int64, 64)
        self.error = GrowableArray(np.float64, 64)
        self.accuracy = GrowableArray(np.float64, 64)
        self.test_error = GrowableArray(np.float64, 64)
        self.test_accuracy = GrowableArray(np.float64, 64)

    def append(self, iteration: int, error: float, accuracy: float, test_error: float, test_accuracy: float) -> None:
        for name, value in zip(self.FIELDS, (iteration, error, accuracy, test_error, test_accuracy)):
            getattr(self, name).append(value)

    def truncate_after(self, iteration: int) -> None:
        """Drop the rows measured after ``iteration``."""
        keep = int(np.searchsorted(self.iteration.view(), iteration, side="right"))
        for name in self.FIELDS:
            getattr(self, name).truncate(keep)

    def __len__(self) -> int:
        return len(self.iteration)

    @property
    def nbytes(self) -> int:
        return sum(getattr(self, name).nbytes for name in self.FIELDS)
