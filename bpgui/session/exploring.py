"""The error surface of two parameters for the run shown (issue 14), as the session hands it to a view.

``surface_view(p, q)`` is the slice of E (the whole training set's mean error, the curve's blue line) or
of one sample's E_k (the sample the next iteration uses) over a grid around the two parameters' values, the
others held at their values now; the path the run took through the two (the history's own values, replayed);
the point now; the next iteration's step (−η ∂E/∂p, −η ∂E/∂q, the record's Δp and Δq); and how far the
*other* parameters have moved since the path began, so that a path leaving the slice is not taken for a bug.
Everything here is a function of the trainer's state; the grid is one vectorised pass (``model.error_surface``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model.error_surface import ErrorGrid, around, error_grid
from ..model.errors import QT_TRANSLATE_NOOP, ConfigError
from .core import SessionCore

__all__ = ["E_K", "E_SET", "Exploring", "SurfaceView"]

E_SET = "E"  # the training set's mean error
E_K = "E_k"  # the error of the sample the next iteration uses
GRID = 61  # points a side (odd: the point now is on the grid)
PATH_POINTS = 2_000


@dataclass(frozen=True)
class SurfaceView:
    which: str
    grid: ErrorGrid
    path_t: np.ndarray  # iterations of the path's points, increasing, ending at t
    path: np.ndarray  # (n, 2): (p, q) at each
    now: tuple[float, float]
    error_now: float  # the grid's value at ``now`` (E or E_k there)
    step: tuple[float, float]  # Δp, Δq of the next iteration (the record's)
    drift: float  # ‖others now − others at the path's start‖₂
    drift_max: float  # the largest single move among the others


class Exploring(SessionCore):
    """See the module (a mixin of the session)."""

    def surface_view(self, p: int, q: int, which: str = E_SET, n: int = GRID, span: float | None = None) -> SurfaceView:
        """The slice of ``which`` (E or E_k) over p and q; ConfigError for two parameters the network lacks.
        ``span``: half the grid's width on each axis (default: the path's extent with a margin, at least 0.5)."""
        trainer = self._trainer
        network, t = trainer.network, trainer.iteration
        size = network.n_parameters
        if not (0 <= p < size and 0 <= q < size) or p == q:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "an error surface needs two different parameters of the "
                                                          "network, got {p} and {q}"), p=p, q=q)
        record = trainer.preview()  # the next iteration: its sample, its step
        if which == E_K:
            inputs, targets = record.inputs[:1], record.targets[:1]
        else:
            inputs, targets = trainer.train_set.inputs, trainer.train_set.targets
        path_t, path = trainer.values_along([p, q], t, PATH_POINTS)
        now = (float(network.flat[p]), float(network.flat[q]))
        spans = []
        for axis in range(2):
            reach = float(np.max(np.abs(path[:, axis] - now[axis]))) if span is None else span
            spans.append(max(0.5, 1.2 * reach) if span is None else span)
        grid = error_grid(network, inputs, targets, p, q, around(now[0], spans[0], n), around(now[1], spans[1], n))
        others = np.ones(size, dtype=bool)
        others[[p, q]] = False
        start = trainer.checkpoint_zero.network.flat if path_t[0] == 0 else network.flat
        moved = (network.flat - start)[others]
        updates = record.flat_updates
        return SurfaceView(
            which=which, grid=grid, path_t=path_t, path=path, now=now, error_now=float(grid.errors[n // 2, n // 2]),
            step=(float(updates[p]), float(updates[q])),
            drift=float(np.sqrt(np.sum(moved * moved))), drift_max=float(np.max(np.abs(moved), initial=0.0)),
        )
