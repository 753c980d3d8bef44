"""Per-sample gradients ∂E_k/∂p, read from the layer values an iteration's record keeps for its whole batch.

The record's ∂E/∂p is the batch mean ``(1/B) Σ_k ∂E_k/∂p``; its layers keep,
for every sample k, the outputs and the deltas (``−∂E_k/∂(net − threshold)``)
each term is made of::

    ∂E_k/∂w = −δ_j(k) · a_i(k)    (a_i: the unit the weight leaves, x_i for the first layer)
    ∂E_k/∂θ = δ_j(k)

so one parameter's terms cost O(B), however large the network.
"""

from __future__ import annotations

import numpy as np

from .naming import parameter_spec
from .records import IterationRecord


def per_sample_gradients(record: IterationRecord, index: int) -> np.ndarray:
    """∂E_k/∂p for parameter ``index`` (canonical order), one entry per sample of the batch, in batch order."""
    spec = parameter_spec(record.layer_sizes, index)
    delta = record.layers[spec.layer - 1].delta[:, spec.target - 1]
    if spec.source is None:
        return np.array(delta, dtype=float)
    k = spec.layer - 1
    before = record.inputs if k == 0 else record.layers[k - 1].output
    return -delta * before[:, spec.source - 1]
