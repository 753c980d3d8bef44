"""The error over a grid of two parameters, the others held fixed: a slice of the error surface (issue 14).

For parameters p and q (canonical indices) and grid values ``xs`` × ``ys``, ``error_grid`` gives
``E[i, j]`` = the mean error over the samples with p = xs[j] and q = ys[i]. It is computed in one
vectorised pass over the grid, not one forward pass per point: the layers before the first one holding p
or q are computed once; in a layer holding p or q only the columns they feed change (a weight v_ab moves
column b of ``α`` by x_a·Δ, a threshold moves its column by −Δ), and every layer after is computed for a
chunk of grid points at a time (so memory stays within ``CHUNK_VALUES`` floats whatever the network).
The arithmetic is the forward pass's (``Network.forward``, ``activations.sample_errors``), so at the
parameters' own values the grid's error equals ``loss_value`` to rounding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .activations import sample_errors
from .errors import QT_TRANSLATE_NOOP, ConfigError
from .naming import parameter_spec
from .network import Network

__all__ = ["CHUNK_VALUES", "ErrorGrid", "around", "error_grid", "grid_seconds"]

#: At most this many floats in one chunk's largest array (the grid points × samples × units of a layer).
CHUNK_VALUES = 4_000_000


@dataclass(frozen=True)
class ErrorGrid:
    """E over the grid: ``errors[i, j]`` at p = ``xs[j]``, q = ``ys[i]`` (the others as in ``network``)."""

    p: int
    q: int
    xs: np.ndarray
    ys: np.ndarray
    errors: np.ndarray


def around(value: float, span: float, n: int) -> np.ndarray:
    """``n`` values evenly spaced over [value − span, value + span], ``value`` itself among them when ``n``
    is odd (the current point lies on the grid)."""
    return np.linspace(value - span, value + span, n)


def _layer_of(sizes: Sequence[int], index: int) -> tuple[int, str, int | None, int]:
    spec = parameter_spec(sizes, index)
    return spec.layer - 1, spec.kind, None if spec.source is None else spec.source - 1, spec.target - 1


def grid_seconds(network: Network, samples: int, p: int, q: int, points: int) -> float:
    """About how long ``error_grid`` takes for ``points`` grid points over ``samples`` samples (an estimate
    on the generous side, for deciding whether it may run where the window waits for it): per point and
    sample, the products of the layers after the first one p or q is in, and the values of the layers from
    it on (the elementwise work: activations, the error)."""
    sizes = network.layer_sizes
    first = min(_layer_of(sizes, p)[0], _layer_of(sizes, q)[0])
    products = sum(sizes[k] * sizes[k + 1] for k in range(first + 1, len(sizes) - 1))
    values = sum(sizes[k + 1] + 1 for k in range(first, len(sizes) - 1))
    return points * samples * (1e-9 * products + 2.5e-8 * values)


def error_grid(network: Network, inputs: np.ndarray, targets: np.ndarray, p: int, q: int,
               xs: np.ndarray, ys: np.ndarray, progress: Callable[[int, int], None] | None = None) -> ErrorGrid:
    """See the module. ``inputs`` (m, d) and ``targets`` (m, l): the samples E is the mean over (one row:
    a sample's E_k). ConfigError if p or q is not a parameter of the network, or p == q. ``progress(done,
    total)``: told after each chunk of grid points (a job's progress, which may raise to stop it)."""
    n = network.n_parameters
    if not (0 <= p < n and 0 <= q < n) or p == q:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "an error surface needs two different parameters of the "
                                                      "network, got {p} and {q}"), p=p, q=q)
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    sizes = network.layer_sizes
    inputs = np.asarray(inputs, dtype=np.float64)
    targets = np.asarray(targets, dtype=np.float64)
    # The grid's points, flattened: point g has p = px[g], q = qy[g].
    px = np.tile(xs, ys.shape[0])
    qy = np.repeat(ys, xs.shape[0])
    moved = {p: px - network.flat[p], q: qy - network.flat[q]}  # Δ of each parameter at each point
    where = {index: _layer_of(sizes, index) for index in moved}
    first = min(layer for layer, *_ in where.values())
    weights, thresholds, functions = network.weights, network.thresholds, network._functions
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        a = inputs
        for k in range(first):  # shared by every point
            a = functions[k].function(a @ weights[k] - thresholds[k])
        m = inputs.shape[0]
        widest = max(sizes[first:])
        chunk = max(1, CHUNK_VALUES // max(1, m * widest))
        errors = np.empty(px.shape[0], dtype=np.float64)
        for start in range(0, px.shape[0], chunk):
            stop = min(start + chunk, px.shape[0])
            errors[start:stop] = _chunk_errors(network, a, targets, first, where,
                                               {i: d[start:stop] for i, d in moved.items()})
            if progress is not None:
                progress(stop, px.shape[0])
    return ErrorGrid(p, q, xs, ys, errors.reshape(ys.shape[0], xs.shape[0]))


def _chunk_errors(network: Network, a0: np.ndarray, targets: np.ndarray, first: int,
                  where: dict[int, tuple[int, str, int | None, int]], moved: dict[int, np.ndarray]) -> np.ndarray:
    """Mean error of each of a chunk's points, from layer ``first``'s input ``a0`` (m, n) on."""
    weights, thresholds, functions = network.weights, network.thresholds, network._functions
    g = next(iter(moved.values())).shape[0]
    a: np.ndarray = np.broadcast_to(a0, (g, *a0.shape))  # (g, m, n)
    z = a
    for k in range(first, len(weights)):
        if k == first:  # every point's input is a0: one product, then only p's and q's columns move
            z = np.array(np.broadcast_to(a0 @ weights[k] - thresholds[k], (g, a0.shape[0], weights[k].shape[1])))
        else:  # one product for the chunk (a batched (g, m, n) @ (n, units) was one BLAS call per point)
            z = (a.reshape(-1, a.shape[2]) @ weights[k]).reshape(g, a.shape[1], -1) - thresholds[k]  # (g, m, units)
        for index, (layer, kind, source, target) in where.items():
            if layer != k:
                continue
            delta = moved[index][:, None]  # (g, 1)
            if kind == "threshold":
                z[:, :, target] -= delta
            else:
                z[:, :, target] += delta * a[:, :, source]
        a = functions[k].function(z)
    m, outs = a.shape[1], a.shape[2]
    each = sample_errors(network.loss, z.reshape(g * m, outs), a.reshape(g * m, outs),
                         np.broadcast_to(targets, (g, m, outs)).reshape(g * m, outs))
    return np.asarray(each.reshape(g, m).sum(axis=1) * (1.0 / m))
