"""What a network learned over the plane of two inputs, as numbers a view draws (pure NumPy).

:func:`decision_surface` evaluates a network on a ``GRID_SIZE`` × ``GRID_SIZE``
grid spanning the data's range padded by ``PADDING`` and returns a frozen
:class:`DecisionSurface`: every output ŷ_j on the grid with its decision
boundary ŷ_j = 0.5 (classification sets), every unit b_h of the first hidden
layer on the grid with the line where it switches (α_h − γ_h = 0, i.e.
``v_1h x_1 + v_2h x_2 = γ_h``, clipped to the plane), the samples the network
classifies wrongly, and the colour levels. One forward pass of the grid gives
every layer's outputs, so the hidden maps come from the same pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .datasets import Dataset
from .geometry import Box, clip_line, contour_segments, plane_axes
from .network import Network

__all__ = ["GRID_SIZE", "PADDING", "DecisionSurface", "UnitMap", "decision_surface", "output_levels"]

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
    boundaries: tuple[np.ndarray, ...]  # per output, (2n, 2) segment end points of ŷ_j = 0.5; empty for regression
    output_levels: tuple[tuple[float, float], ...]  # per output, the values coloured blue and red
    hidden: tuple[UnitMap, ...]  # every unit of the first hidden layer (none without a hidden layer)
    hidden_levels: tuple[float, float]  # the activation's range, f(0) in the middle
    misclassified: np.ndarray  # rows of the data set the network classifies wrongly (empty for regression)
    n_layers: int  # the network's layers after the input (names b_h or b⁽¹⁾_h)

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


def _hidden_levels(activation: str, outputs: np.ndarray) -> tuple[float, float]:
    """The activation's range, with f(0) (where the unit switches) in white."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    # relu / linear: unbounded; symmetric about 0 = f(0).
    finite = np.abs(outputs[np.isfinite(outputs)])
    largest = float(finite.max()) if finite.size else 0.0
    largest = largest if largest > 0 else 1.0
    return -largest, largest


def _misclassified(network: Network, dataset: Dataset) -> np.ndarray:
    if dataset.task != "classification" or not dataset.n_samples or network.layer_sizes[-1] != dataset.n_outputs:
        return np.empty(0, dtype=np.intp)
    mistaken = dataset.classify(network.predict(dataset.inputs)) != dataset.labels()
    if mistaken.ndim == 2:
        mistaken = mistaken.any(axis=1)
    return np.flatnonzero(mistaken)


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def decision_surface(network: Network, dataset: Dataset, size: int = GRID_SIZE) -> DecisionSurface:
    """The maps of ``network`` over the plane of ``dataset``'s two inputs.

    Raises ValueError when the data set or the network does not have exactly two inputs.
    Neither the network nor the data set is changed.
    """
    if dataset.n_inputs != 2:
        raise ValueError(f"the map needs a data set with 2 inputs; this one has {dataset.n_inputs}")
    if network.layer_sizes[0] != 2:
        raise ValueError(f"the network has {network.layer_sizes[0]} inputs; the map needs 2")
    x_axis, y_axis = plane_axes(dataset.inputs, size, PADDING)
    grid_x, grid_y = np.meshgrid(x_axis, y_axis, indexing="ij")
    grid = np.ascontiguousarray(np.column_stack([grid_x.ravel(), grid_y.ravel()]))  # row i·N + j
    with np.errstate(over="ignore", invalid="ignore"):
        _nets, layer_outputs, _z = network.forward(grid)
    last = layer_outputs[-1]
    outputs = tuple(_frozen(last[:, j].reshape(size, size)) for j in range(last.shape[1]))
    classification = dataset.task == "classification"
    boundaries = tuple(
        _frozen(contour_segments(values, 0.5, x_axis, y_axis) if classification else np.empty((0, 2)))
        for values in outputs
    )
    hidden: tuple[UnitMap, ...] = ()
    hidden_levels = (0.0, 1.0)
    if network.n_layers > 1:
        first = layer_outputs[0]
        hidden_levels = _hidden_levels(network.activations[0], first)
        box = (x_axis[0], x_axis[-1], y_axis[0], y_axis[-1])
        weights, thresholds = network.weights[0], network.thresholds[0]
        units = []
        for h in range(first.shape[1]):
            # b_h switches where α_h − γ_h = 0: v_1h x_1 + v_2h x_2 = γ_h.
            line = clip_line(weights[0, h], weights[1, h], thresholds[h], box)
            units.append(UnitMap(_frozen(first[:, h].reshape(size, size)), None if line is None else _frozen(line)))
        hidden = tuple(units)
    return DecisionSurface(
        x_axis=_frozen(x_axis),
        y_axis=_frozen(y_axis),
        outputs=outputs,
        boundaries=boundaries,
        output_levels=tuple(output_levels(dataset, j) for j in range(len(outputs))),
        hidden=hidden,
        hidden_levels=hidden_levels,
        misclassified=_frozen(_misclassified(network, dataset)),
        n_layers=network.n_layers,
    )
