"""Immutable records handed from the model to everything that shows it.

One ``IterationRecord`` holds everything one iteration computed: per layer the
forward values and deltas for every sample of its batch, and per parameter
its value before, ∂E/∂p, Δp and value after. All arrays are read-only; the
views only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .naming import ParameterSpec, parameter_specs


@dataclass(frozen=True, slots=True)
class LayerValues:
    """One layer after the input, for each sample (row) of the batch.

    net:    α_h or β_j, the weighted sum the unit receives
    output: b_h or ŷ_j = f(net − threshold)
    delta:  −∂E_k/∂(net − threshold); the note's e_h (hidden) and g_j (output)
    """

    net: np.ndarray
    output: np.ndarray
    delta: np.ndarray


@dataclass(frozen=True, slots=True)
class LayerParameters:
    """One layer's weights and thresholds: value before, ∂E/∂p, Δp = −η ∂E/∂p, value after."""

    weights: np.ndarray
    weight_gradients: np.ndarray
    weight_updates: np.ndarray
    new_weights: np.ndarray
    thresholds: np.ndarray
    threshold_gradients: np.ndarray
    threshold_updates: np.ndarray
    new_thresholds: np.ndarray


@dataclass(frozen=True, eq=False)
class IterationRecord:
    """Iteration t of training: every value it used and produced.

    ``error`` is the error the update descended: E_k for standard BP (a
    batch of one), ``(1/B) Σ_k E_k`` over the batch for accumulated (B = m)
    and mini-batch BP.
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
    parameters: tuple[LayerParameters, ...]
    layer_sizes: tuple[int, ...]

    @property
    def batch_size(self) -> int:
        return int(self.sample_indices.shape[0])

    @cached_property
    def specs(self) -> list[ParameterSpec]:
        return parameter_specs(self.layer_sizes)

    def _flat(self, weight_field: str, threshold_field: str) -> np.ndarray:
        parts = []
        for p in self.parameters:
            parts.append(getattr(p, weight_field).ravel())
            parts.append(getattr(p, threshold_field))
        out = np.concatenate(parts)
        out.setflags(write=False)
        return out

    @cached_property
    def flat_values(self) -> np.ndarray:
        """Values before the update, in the canonical order of ``specs``."""
        return self._flat("weights", "thresholds")

    @cached_property
    def flat_gradients(self) -> np.ndarray:
        return self._flat("weight_gradients", "threshold_gradients")

    @cached_property
    def flat_updates(self) -> np.ndarray:
        return self._flat("weight_updates", "threshold_updates")

    @cached_property
    def flat_new_values(self) -> np.ndarray:
        return self._flat("new_weights", "new_thresholds")
