"""Immutable records handed from the model to everything that shows it.

One ``IterationRecord`` holds everything one iteration computed: per layer the
forward values and deltas for every sample of its batch, and per parameter
its value before, ∂E/∂p, Δp and value after. All arrays are read-only; the
views only read them. Records are named tuples: making one costs next to
nothing, which matters when thousands of iterations run per second.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .naming import ParameterSpec, parameter_specs

if TYPE_CHECKING:  # only a type here: records stay importable without the computing modules
    from .network import Network


class StepResult(NamedTuple):
    """The raw arrays of one iteration, before they are wrapped in an ``IterationRecord``.

    ``backprop.compute_step`` returns one; a run of many iterations pays for
    a record only when somebody asks for one. Per layer after the input,
    ``nets`` holds α_h / β_j, ``outputs`` b_h / ŷ_j and ``deltas`` e_h / g_j,
    one row per sample of the batch; ``gradients`` (∂E/∂p), ``updates``
    (Δp = −η ∂E/∂p) are flat vectors in the canonical order of
    ``naming.parameter_specs``. ``finite`` is False when the error or any new
    parameter is NaN or infinite (the trainer then refuses the step).
    """

    nets: list[np.ndarray]
    outputs: list[np.ndarray]
    deltas: list[np.ndarray]
    sample_errors: np.ndarray  # (B,) E_k per sample
    error: float  # (1/B) Σ_k E_k
    gradients: np.ndarray
    updates: np.ndarray
    finite: bool
    network_after: Network

    @property
    def weight_gradients(self) -> list[np.ndarray]:
        """∂E/∂p of the weights, per layer, shaped like ``Network.weights``."""
        return list(self.network_after.with_flat(self.gradients).weights)

    @property
    def threshold_gradients(self) -> list[np.ndarray]:
        """∂E/∂p of the thresholds, per layer, shaped like ``Network.thresholds``."""
        return list(self.network_after.with_flat(self.gradients).thresholds)


class LayerValues(NamedTuple):
    """One layer after the input, for each sample (row) of the batch.

    net:    α_h or β_j, the weighted sum the unit receives
    output: b_h or ŷ_j = f(net − threshold)
    delta:  −∂E_k/∂(net − threshold); the note's e_h (hidden) and g_j (output)
    """

    net: np.ndarray
    output: np.ndarray
    delta: np.ndarray


class LayerParameters(NamedTuple):
    """One layer's weights and thresholds: value before, ∂E/∂p, Δp = −η ∂E/∂p, value after."""

    weights: np.ndarray
    weight_gradients: np.ndarray
    weight_updates: np.ndarray
    new_weights: np.ndarray
    thresholds: np.ndarray
    threshold_gradients: np.ndarray
    threshold_updates: np.ndarray
    new_thresholds: np.ndarray


class IterationRecord(NamedTuple):
    """Iteration t of training: every value it used and produced.

    ``error`` is the error the update descended: E_k for standard BP (a
    batch of one), ``(1/B) Σ_k E_k`` over the batch for accumulated (B = m)
    and mini-batch BP. The ``flat_*`` vectors list every parameter in the
    canonical order of ``specs`` (see ``naming.parameter_specs``).
    """

    iteration: int  # t, 1-based
    epoch: int  # 1-based epoch this iteration belongs to
    mode: str
    learning_rate: float
    sample_indices: np.ndarray  # (B,) rows of the training set, 0-based
    inputs: np.ndarray  # (B, d)
    targets: np.ndarray  # (B, l)
    layers: tuple[LayerValues, ...]
    sample_errors: np.ndarray  # (B,) E_k per sample
    error: float
    flat_values: np.ndarray  # p before the update
    flat_gradients: np.ndarray  # ∂E/∂p
    flat_updates: np.ndarray  # Δp = −η ∂E/∂p
    flat_new_values: np.ndarray  # p + Δp
    layer_sizes: tuple[int, ...]

    @property
    def batch_size(self) -> int:
        return int(self.sample_indices.shape[0])

    @property
    def specs(self) -> list[ParameterSpec]:
        return parameter_specs(self.layer_sizes)

    @property
    def parameters(self) -> tuple[LayerParameters, ...]:
        """Per layer, read-only views of the flat vectors shaped as weights and thresholds."""
        out = []
        offset = 0
        sizes = self.layer_sizes
        for k in range(len(sizes) - 1):
            n_in, n_out = sizes[k], sizes[k + 1]
            t0 = offset + n_in * n_out
            t1 = t0 + n_out
            views = []
            for flat in (self.flat_values, self.flat_gradients, self.flat_updates, self.flat_new_values):
                views.append((flat[offset:t0].reshape(n_in, n_out), flat[t0:t1]))
            (w, t), (gw, gt), (uw, ut), (nw, nt) = views
            out.append(LayerParameters(w, gw, uw, nw, t, gt, ut, nt))
            offset = t1
        return tuple(out)


@dataclass(frozen=True)
class RunSummary:
    """One training run of a comparison (``experiments.compare_modes``), per epoch."""

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
