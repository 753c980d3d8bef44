"""What a network learned over the plane of two inputs: computing a DecisionSurface (pure NumPy).

:func:`decision_surface` evaluates a network on a ``GRID_SIZE`` × ``GRID_SIZE``
grid spanning the data's range padded by ``PADDING`` (always finite: see
:func:`bpgui.model.geometry.plane_axes`) and returns a frozen
:class:`DecisionSurface`: every output ŷ_j on the grid with its decision
boundary ŷ_j = 0.5 (classification sets), every unit b_h of the first hidden
layer on the grid with the line where it switches (α_h − γ_h = 0, i.e.
``v_1h x_1 + v_2h x_2 = γ_h``, clipped to the plane), the samples the network
classifies wrongly, and the colour levels. One forward pass of the grid gives
every layer's outputs, so the hidden maps come from the same pass.

:func:`surface_if_planar` remembers the last surface it computed: asked again for a network with the
same structure and bit-for-bit the same parameters, on the same data set object and grid, it hands
out the same (read-only) surface. A step announces its history and then its state, and each asked
for the map: the second computation (1–2.5 ms at 2-2-1 … 2-16-1) is gone.

The grid itself (its axes and its N² points) depends on the data set and the grid's size alone: it is
made once per data set (:func:`plane_grid`; a data set is immutable) and handed out read-only, a
third of a 2-2-1 surface's cost at every step.
"""

from __future__ import annotations

import math

import numpy as np

from .datasets import Dataset
from .geometry import clip_line, plane_axes
from .network import Network
from .surface import GRID_SIZE, PADDING, DecisionSurface, UnitMap, output_levels

__all__ = ["MAP_WORK", "RUN_MAP_WORK", "decision_surface", "grid_outputs", "plane_grid", "running_grid",
           "surface_if_planar"]

# The most parameters × grid points a map is computed for (80 × 80 points: 2-1000-1 is 2.6 × 10⁷, about
# 0.15 s; 2-4096-1 took 1 s a step): a wider network draws no map rather than freeze the window at each step
# or exhaust memory (2-999999-1 would need 48 GB).
MAP_WORK = 30_000_000
# While Run draws a map at every frame: the most parameters × grid points one may take (about 8 ms); a wider
# network is mapped on a coarser grid until Run pauses (2-1000-1: 31 × 31 points, not 80 × 80 at 50 ms a
# frame, when the window waited 65-290 ms between paints). A network too wide to map paused (MAP_WORK) is
# not mapped while running either.
RUN_MAP_WORK = 4_000_000


def running_grid(n_parameters: int, size: int = GRID_SIZE) -> int:
    """The grid's points per axis for a map drawn at every frame of Run: ``size`` when it is cheap enough (or
    when the network is too wide to map at all: ``surface_if_planar`` refuses it), else the finest grid
    within ``RUN_MAP_WORK`` (≥ 29 points for any network ``MAP_WORK`` maps)."""
    if n_parameters * size * size <= RUN_MAP_WORK or n_parameters * size * size > MAP_WORK:
        return size
    return min(size, math.isqrt(RUN_MAP_WORK // max(1, n_parameters)))


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


class _LastGrid:
    """The grid :func:`plane_grid` made last, with the data set and size it was made for."""

    def __init__(self) -> None:
        self.dataset: Dataset | None = None
        self.size = 0
        self.grid: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.made = 0  # grids made (a test counts the ones saved)


LAST_GRID = _LastGrid()


def plane_grid(dataset: Dataset, size: int = GRID_SIZE) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x_axis, y_axis, points) of the map's grid over ``dataset``'s two inputs, all read-only: the axes
    of :func:`bpgui.model.geometry.plane_axes` and the N² points, row i·N + j at (x_i, y_j). The same
    arrays again for the same data set (immutable) and size: the grid is made once per data set."""
    last = LAST_GRID
    if last.grid is None or dataset is not last.dataset or size != last.size:
        x_axis, y_axis = plane_axes(dataset.inputs, size, PADDING)
        grid_x, grid_y = np.meshgrid(x_axis, y_axis, indexing="ij")
        points = np.ascontiguousarray(np.column_stack([grid_x.ravel(), grid_y.ravel()]))  # row i·N + j
        last.grid = (_frozen(x_axis), _frozen(y_axis), _frozen(points))
        last.dataset, last.size = dataset, size
        last.made += 1
    return last.grid


class _LastSurface:
    """The last surface :func:`surface_if_planar` computed, with what it was computed from."""

    def __init__(self) -> None:
        self.dataset: Dataset | None = None
        self.key: tuple[object, ...] = ()
        self.surface: DecisionSurface | None = None
        self.computed = 0  # surfaces computed (a test counts the ones saved)

    def get(self, network: Network, dataset: Dataset, size: int) -> DecisionSurface:
        key = (size, network.layer_sizes, network.activations, network.flat.tobytes())
        if self.surface is None or dataset is not self.dataset or key != self.key:
            self.surface = decision_surface(network, dataset, size)
            self.dataset, self.key = dataset, key
            self.computed += 1
        return self.surface


LAST_SURFACE = _LastSurface()


def surface_if_planar(network: Network, dataset: Dataset, size: int = GRID_SIZE) -> DecisionSurface | None:
    """:func:`decision_surface`, or None when the data set or the network does not have two inputs
    (the same surface again for the same parameters, data set and grid: see the module's note)."""
    if dataset.n_inputs != 2 or network.layer_sizes[0] != 2:
        return None
    if network.n_parameters * size * size > MAP_WORK:  # 2-999999-1: 6400 × 10⁶ numbers, 48 GB: no map
        return None
    return LAST_SURFACE.get(network, dataset, size)


def _activated(name: str, z: np.ndarray) -> np.ndarray:
    """``f(z)`` written over ``z``, with the operations ``model.activations`` computes it with (bit for bit)."""
    if name == "sigmoid":  # 1 / (1 + e^−z)
        np.negative(z, out=z)
        np.exp(z, out=z)
        np.add(z, 1.0, out=z)
        np.divide(1.0, z, out=z)
    elif name == "tanh":
        np.tanh(z, out=z)
    elif name == "relu":
        np.maximum(z, 0.0, out=z)
    elif name != "linear":
        raise ValueError(f"no activation {name!r}")
    return z


def grid_outputs(network: Network, grid: np.ndarray) -> list[np.ndarray]:
    """Each layer's outputs over the grid's points: ``network.forward``'s, bit for bit, in one array a layer.

    (``forward`` keeps each layer's net and makes four temporaries for a sigmoid: on 2-1000-1's 80 × 80 grid
    six arrays of 51 MB, each new memory the kernel faults in page by page: 50 ms a map, 300 ms cold.)
    """
    outputs: list[np.ndarray] = []
    a = grid
    with np.errstate(over="ignore", invalid="ignore"):
        for w, t, name in zip(network.weights, network.thresholds, network.activations):
            z = a @ w
            np.subtract(z, t, out=z)
            a = _activated(name, z)
            outputs.append(a)
    return outputs


def decision_surface(network: Network, dataset: Dataset, size: int = GRID_SIZE) -> DecisionSurface:
    """The maps of ``network`` over the plane of ``dataset``'s two inputs.

    Raises ValueError when the data set or the network does not have exactly two inputs.
    Neither the network nor the data set is changed.
    """
    if dataset.n_inputs != 2:
        raise ValueError(f"the map needs a data set with 2 inputs; this one has {dataset.n_inputs}")
    if network.layer_sizes[0] != 2:
        raise ValueError(f"the network has {network.layer_sizes[0]} inputs; the map needs 2")
    x_axis, y_axis, grid = plane_grid(dataset, size)
    layer_outputs = grid_outputs(network, grid)
    last = layer_outputs[-1]
    outputs = tuple(_frozen(last[:, j].reshape(size, size)) for j in range(last.shape[1]))
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
        x_axis=x_axis,
        y_axis=y_axis,
        outputs=outputs,
        output_levels=tuple(output_levels(dataset, j) for j in range(len(outputs))),
        hidden=hidden,
        hidden_levels=hidden_levels,
        misclassified=_frozen(_misclassified(network, dataset)),
        n_layers=network.n_layers,
        classification=dataset.task == "classification",
    )
