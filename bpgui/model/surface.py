"""What a map of the input plane shows, as numbers a view draws (the types; the boundaries traced when read).

A :class:`DecisionSurface` holds, for one network and one 2-D data set, every
output ŷ_j over a ``GRID_SIZE`` × ``GRID_SIZE`` grid spanning the data's range
padded by ``PADDING``, with its decision boundary ŷ_j = 0.5, every unit b_h of
the first hidden layer with the line where it switches, the misclassified
samples and the colour levels. :mod:`bpgui.model.plane_map` computes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .datasets import Dataset
from .geometry import Box, contour_segments

__all__ = ["GRID_SIZE", "PADDING", "DecisionSurface", "UnitMap", "output_levels"]

GRID_SIZE = 80  # grid points per axis
PADDING = 0.10  # the plane is the data range widened by this fraction on each side


@dataclass(frozen=True)
class UnitMap:
    """One unit of the first hidden layer over the plane."""

    values: np.ndarray  # (N, N): values[i, j] at (x_axis[i], y_axis[j])
    line: np.ndarray | None  # (2, 2) end points of v_1h x_1 + v_2h x_2 = γ_h in the plane, or None


@dataclass(frozen=True)
class DecisionSurface:
    """Everything a map of the input plane shows for one network and one data set (arrays read-only)."""

    x_axis: np.ndarray  # (N,) grid coordinates along x_1
    y_axis: np.ndarray  # (N,) along x_2
    outputs: tuple[np.ndarray, ...]  # per output unit ŷ_j, (N, N)
    output_levels: tuple[tuple[float, float], ...]  # per output, the values coloured blue and red
    hidden: tuple[UnitMap, ...]  # every unit of the first hidden layer (none without a hidden layer)
    hidden_levels: tuple[float, float]  # the activation's range, f(0) in the middle
    misclassified: np.ndarray  # rows of the data set the network classifies wrongly (empty for regression)
    n_layers: int  # the network's layers after the input (names b_h or b⁽¹⁾_h)
    classification: bool  # the data set's task: boundaries ŷ_j = 0.5 are drawn for classification only

    @cached_property
    def boundaries(self) -> tuple[np.ndarray, ...]:
        """Per output, (2n, 2) segment end points of ŷ_j = 0.5 (read-only); empty for regression. Traced when
        first read: the units' maps inside the network (every Step on 2-D data) never read them."""
        out = []
        for values in self.outputs:
            points = contour_segments(values, 0.5, self.x_axis, self.y_axis) if self.classification \
                else np.empty((0, 2))
            points.setflags(write=False)
            out.append(points)
        return tuple(out)

    @property
    def box(self) -> Box:
        """The plane: (x0, x1, y0, y1) of the grid points."""
        return (float(self.x_axis[0]), float(self.x_axis[-1]), float(self.y_axis[0]), float(self.y_axis[-1]))

    @property
    def n_outputs(self) -> int:
        return len(self.outputs)

    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """(grid_x, grid_y), each N × N, ``grid_x[i, j] = x_axis[i]``, ``grid_y[i, j] = y_axis[j]``."""
        return np.meshgrid(self.x_axis, self.y_axis, indexing="ij")


def output_levels(dataset: Dataset, j: int) -> tuple[float, float]:
    """0 → blue, 1 → red for classification; the target's range for regression (column j, or the last)."""
    if dataset.task == "classification" or dataset.n_samples == 0:
        return 0.0, 1.0
    column = dataset.targets[:, min(j, dataset.n_outputs - 1)]
    low, high = float(column.min()), float(column.max())
    if not high > low:
        low, high = low - 1.0, high + 1.0
    return low, high
