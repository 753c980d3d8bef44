"""The backward pass in the note's terms.

For one batch of B samples (B = 1 is the note's standard BP) and squared
error ``E_k = ½ Σ_j (y_j − ŷ_j)²``, with z = net − threshold:

    output layer   g_j = −∂E_k/∂z_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j)         (sigmoid)
    hidden layer   e_h = −∂E_k/∂z_h = b_h(1 − b_h) Σ_j w_hj g_j
    weights        ∂E_k/∂w_hj = −g_j b_h       Δw_hj = η g_j b_h
                   ∂E_k/∂v_ih = −e_h x_i       Δv_ih = η e_h x_i
    thresholds     ∂E_k/∂θ_j  =  g_j           Δθ_j  = −η g_j
                   ∂E_k/∂γ_h  =  e_h           Δγ_h  = −η e_h

Other activations replace ``y(1 − y)`` with their own ``f'``; deeper layers
repeat the hidden rule. Over a batch the gradient is the mean over its
samples, so accumulated BP descends ``E = (1/m) Σ_k E_k``. Every gradient uses
the parameters from before the update; then all parameters change together.

``reference`` is the same derivation written out unit by unit for reading;
the test suite proves this module equal to it.
"""

from __future__ import annotations

import math

import numpy as np

from .activations import output_delta, sample_errors
from .backprop_small import SMALL_NETWORK, SmallStep, compute_step_small
from .network import Network
from .records import IterationRecord, LazyRecord, StepResult, frozen_layers

__all__ = [
    "StepResult",
    "compute_step",
    "compute_step_unguarded",
    "compute_step_vectorised",
    "loss_value",
    "make_record",
]


_add_reduce = np.add.reduce  # np.sum without its Python-level dispatch
_SIGNS: dict[tuple[tuple[int, ...], int], np.ndarray] = {}


def _gradient_scale(network: Network, batch: int) -> np.ndarray:
    """Per parameter: −1/B for weights (∂E/∂w = −mean a·δ), +1/B for thresholds (∂E/∂θ = mean δ)."""
    key = (network.layer_sizes, batch)
    scale = _SIGNS.get(key)
    if scale is None:
        scale = np.empty(network.n_parameters)
        for w0, t0, t1 in network.layout:
            scale[w0:t0] = -1.0 / batch
            scale[t0:t1] = 1.0 / batch
        scale.setflags(write=False)
        if len(_SIGNS) > 64:
            _SIGNS.clear()
        _SIGNS[key] = scale
    return scale


def compute_step(network: Network, inputs: np.ndarray, targets: np.ndarray, learning_rate: float) -> StepResult:
    """Forward, backward and update for one batch; ``network`` is not changed.

    Overflow is not warned about: a non-finite result is reported in
    ``finite`` and the trainer refuses to apply it.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return compute_step_unguarded(network, inputs, targets, learning_rate)


def compute_step_unguarded(
    network: Network, inputs: np.ndarray, targets: np.ndarray, learning_rate: float
) -> StepResult:
    """``compute_step`` for callers that already hold an ``np.errstate`` for a whole run."""
    if inputs.shape[0] == 1 and network.n_parameters <= SMALL_NETWORK:
        return compute_step_small(network, inputs[0].tolist(), targets[0].tolist(), learning_rate)
    return compute_step_vectorised(network, inputs, targets, learning_rate)


def compute_step_vectorised(
    network: Network, inputs: np.ndarray, targets: np.ndarray, learning_rate: float
) -> StepResult:
    """One iteration on a batch, in whole-array NumPy operations."""
    nets, outputs, z = network.forward(inputs)
    funcs = network.functions
    weights = network.weights
    n = len(weights)

    # Backward: deltas from the output layer down (−∂E_k/∂z per sample).
    delta = output_delta(network.loss, funcs[-1], outputs[-1], targets)
    deltas = [delta] * n
    for k in range(n - 2, -1, -1):
        delta = funcs[k].slope_from_output(outputs[k]) * (delta @ weights[k + 1].T)
        deltas[k] = delta

    # Gradients straight into one flat vector in the canonical order:
    # Σ_batch a_i δ_j for each weight, Σ_batch δ_j for each threshold, then
    # one multiplication gives the signs and the 1/B of the mean.
    batch = inputs.shape[0]
    grads = np.empty(network.n_parameters)
    sizes = network.layer_sizes
    for k, (w0, t0, t1) in enumerate(network.layout):
        before = inputs if k == 0 else outputs[k - 1]
        if batch == 1:
            # NumPy's matmul takes a slow non-BLAS loop for an outer product (K = 1); a second
            # row of zeros makes it a BLAS product with the same result, bit for bit: each
            # entry is a_i δ_j + 0·0, and adding +0 is what the loop's 0 + a_i δ_j did (a −0
            # product becomes +0; anything else is unchanged).
            padded_before, padded_delta = np.zeros((2, sizes[k])), np.zeros((2, sizes[k + 1]))
            padded_before[0], padded_delta[0] = before[0], deltas[k][0]
            np.matmul(padded_before.T, padded_delta, out=grads[w0:t0].reshape(sizes[k], sizes[k + 1]))
        else:
            np.matmul(before.T, deltas[k], out=grads[w0:t0].reshape(sizes[k], sizes[k + 1]))
        _add_reduce(deltas[k], 0, None, out=grads[t0:t1])
    if batch == 1:  # the scale is −1 for weights, +1 for thresholds: a weight's sign flipped in place
        for w0, t0, _t1 in network.layout:  # (the bits of × −1.0, a signed zero's included), one pass fewer
            np.negative(grads[w0:t0], out=grads[w0:t0])
    else:
        grads *= _gradient_scale(network, batch)
    updates = grads * -learning_rate
    new_flat = network.flat + updates

    errors = sample_errors(network.loss, z, outputs[-1], targets)
    error = float(_add_reduce(errors)) * (1.0 / batch)
    grads.setflags(write=False)
    updates.setflags(write=False)
    new_flat.setflags(write=False)
    # A sum is finite only if every term is (inf − inf is NaN): one reduction
    # checks every new parameter, one each layer's net inputs (ReLU, tanh or a
    # sigmoid can turn a NaN or infinite one into a finite output, and the
    # record would show it); overflow of the sum itself would need values
    # near 1e308, which is divergence anyway.
    finite = (
        math.isfinite(error)
        and math.isfinite(_add_reduce(new_flat))
        and all(math.isfinite(_add_reduce(net, None)) for net in nets)
    )
    return StepResult(nets, outputs, deltas, errors, error, grads, updates, finite, network.with_flat(new_flat))


def make_record(
    step: StepResult,
    network_before: Network,
    *,
    iteration: int,
    epoch: int,
    mode: str,
    learning_rate: float,
    sample_indices: np.ndarray,
    inputs: np.ndarray,
    targets: np.ndarray,
) -> IterationRecord:
    """Wrap a step's arrays (no copies; all marked read-only) in a record.

    A tiny network's step (``SmallStep``) makes its arrays only when read: its record
    (``LazyRecord``) then makes them when one of its own is first read.
    """
    if isinstance(step, SmallStep):
        return LazyRecord(
            step, iteration, epoch, mode, learning_rate, _readonly_view(np.asarray(sample_indices)),
            _readonly_view(inputs), _readonly_view(targets), network_before.flat, network_before.layer_sizes,
        )
    layers = frozen_layers(step)
    return IterationRecord(
        iteration, epoch, mode, learning_rate, _readonly_view(np.asarray(sample_indices)),
        _readonly_view(inputs), _readonly_view(targets), layers, step.sample_errors,
        step.error, network_before.flat, step.gradients, step.updates, step.network_after.flat,
        network_before.layer_sizes,
    )


def _readonly_view(a: np.ndarray) -> np.ndarray:
    if not a.flags.writeable:
        return a  # a view of read-only data already (the trainer's batches are)
    v = a.view()
    v.setflags(write=False)
    return v


def loss_value(network: Network, inputs: np.ndarray, targets: np.ndarray) -> float:
    """``(1/B) Σ_k E_k`` over a batch, by the same arithmetic as a training step's error."""
    return loss_and_outputs(network, inputs, targets)[0]


def loss_and_outputs(network: Network, inputs: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """``loss_value`` and the network's outputs ``(B, l)`` from the same forward pass."""
    with np.errstate(over="ignore", invalid="ignore"):
        _, outputs, z = network.forward(np.asarray(inputs, dtype=np.float64))
        error = float(sample_errors(network.loss, z, outputs[-1], targets).sum()) * (1.0 / inputs.shape[0])
    return error, outputs[-1]
