"""Immutable records handed from the model to everything that shows it.

One ``IterationRecord`` holds everything one iteration computed: per layer the
forward values and deltas for every sample of its batch, and per parameter
its value before, ∂E/∂p, Δp and value after. All arrays are read-only; the
views only read them. Records are named tuples: making one costs next to
nothing, which matters when thousands of iterations run per second.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .naming import ParameterSpec, parameter_specs


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
