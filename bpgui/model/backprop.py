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
"""

from __future__ import annotations

import numpy as np

from .activations import output_delta, sample_errors
from .network import Network, frozen
from .records import IterationRecord, LayerParameters, LayerValues


class StepResult:
    """The raw arrays of one iteration, before they are wrapped in a record.

    Kept as plain attributes so that a run of many iterations pays for a
    record only when somebody asks for one.
    """

    __slots__ = ("nets", "outputs", "deltas", "sample_errors", "error",
                 "weight_gradients", "threshold_gradients", "weight_updates",
                 "threshold_updates", "network_after", "finite")


def compute_step(network: Network, inputs: np.ndarray, targets: np.ndarray, learning_rate: float) -> StepResult:
    """Forward, backward and update for one batch; ``network`` is not changed.

    Overflow is not warned about: a non-finite result is reported in
    ``finite`` and the trainer refuses to apply it.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return _compute_step(network, inputs, targets, learning_rate)


def _compute_step(network: Network, inputs: np.ndarray, targets: np.ndarray, learning_rate: float) -> StepResult:
    nets, outputs, z = network.forward(inputs)
    funcs = network.functions
    weights = network.weights
    n = len(weights)

    # Backward: deltas from the output layer down (−∂E_k/∂z per sample).
    deltas = [None] * n
    delta = output_delta(network.loss, funcs[-1], outputs[-1], targets)
    deltas[-1] = delta
    for k in range(n - 2, -1, -1):
        delta = funcs[k].slope_from_output(outputs[k]) * (delta @ weights[k + 1].T)
        deltas[k] = delta

    inv_batch = 1.0 / inputs.shape[0]
    errors = sample_errors(network.loss, z, outputs[-1], targets)
    s = StepResult()
    s.nets, s.outputs, s.deltas, s.sample_errors = nets, outputs, deltas, errors
    s.error = float(errors.sum() * inv_batch)
    gw, gt, uw, ut, new_w, new_t = [], [], [], [], [], []
    finite = np.isfinite(s.error)
    for k in range(n):
        before = inputs if k == 0 else outputs[k - 1]
        g_w = (before.T @ deltas[k]) * -inv_batch  # ∂E/∂w = −(mean of) a_i δ_j
        g_t = deltas[k].sum(axis=0) * inv_batch  # ∂E/∂threshold = (mean of) δ_j
        u_w = g_w * -learning_rate
        u_t = g_t * -learning_rate
        w_new = weights[k] + u_w
        t_new = network.thresholds[k] + u_t
        finite = finite and np.isfinite(w_new).all() and np.isfinite(t_new).all()
        gw.append(g_w), gt.append(g_t), uw.append(u_w), ut.append(u_t)
        new_w.append(frozen(w_new)), new_t.append(frozen(t_new))
    s.weight_gradients, s.threshold_gradients = gw, gt
    s.weight_updates, s.threshold_updates = uw, ut
    s.finite = bool(finite)
    s.network_after = network.with_parameters(new_w, new_t)
    return s


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
    """Wrap a step's arrays (no copies; all marked read-only) in a record."""
    after = step.network_after
    layers = tuple(
        LayerValues(frozen(net), frozen(out), frozen(d))
        for net, out, d in zip(step.nets, step.outputs, step.deltas)
    )
    params = tuple(
        LayerParameters(
            network_before.weights[k], frozen(step.weight_gradients[k]),
            frozen(step.weight_updates[k]), after.weights[k],
            network_before.thresholds[k], frozen(step.threshold_gradients[k]),
            frozen(step.threshold_updates[k]), after.thresholds[k],
        )
        for k in range(network_before.n_layers)
    )
    return IterationRecord(
        iteration=iteration, epoch=epoch, mode=mode, learning_rate=learning_rate,
        sample_indices=frozen(np.asarray(sample_indices)), inputs=_readonly_view(inputs),
        targets=_readonly_view(targets), layers=layers,
        sample_errors=frozen(step.sample_errors), error=step.error, parameters=params,
        layer_sizes=network_before.layer_sizes,
    )


def _readonly_view(a: np.ndarray) -> np.ndarray:
    v = a.view()
    v.setflags(write=False)
    return v


def loss_value(network: Network, inputs: np.ndarray, targets: np.ndarray) -> float:
    """``(1/B) Σ_k E_k`` over a batch with the network as it is (used by the gradient check)."""
    nets, outputs, z = network.forward(inputs)
    return float(sample_errors(network.loss, z, outputs[-1], targets).mean())
