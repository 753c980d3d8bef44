"""Planted bugs: backward passes with one wrong rule each, for the learner to find (issue 12, "Find the bug").

They live here, apart from the real backward pass: ``backprop`` has no switch and never imports this
module (an import-linter contract forbids it). ``planted_step`` returns a ``StepResult`` like
``backprop.compute_step``: the forward pass, E_k and E are the true ones; only the backward pass or the
update is wrong. For a batch of B samples every gradient is the mean over the batch, as in ``backprop``.

The true rules (squared error, z = net − threshold; deeper layers repeat the hidden rule)::

    g_j = −∂E_k/∂z_j = f′(β_j − θ_j) (y_j − ŷ_j)        e_h = f′(α_h − γ_h) Σ_j w_hj g_j
    ∂E_k/∂w_hj = −g_j b_h   ∂E_k/∂θ_j = g_j   ∂E_k/∂v_ih = −e_h x_i   ∂E_k/∂γ_h = e_h
    Δp = −η ∂E/∂p

The planted rules, each changing only what it names:

    no_slope         f′ dropped in every delta:  g_j = −∂E_k/∂ŷ_j = y_j − ŷ_j,  e_h = Σ_j w_hj g_j
                     (with cross-entropy and a sigmoid output g_j = y_j − ŷ_j already: only e_h changes)
    update_sign      Δp = +η ∂E/∂p  (gradients true)
    updated_weights  e_h = f′(α_h − γ_h) Σ_j (w_hj − η ∂E/∂w_hj) g_j, with the true ∂E/∂w_hj of the layer
                     above (from the true deltas); in a deeper net every layer's sum uses the updated
                     weights above it, and the wrong deltas are passed down as computed
    threshold_sign   ∂E/∂θ_j = −g_j,  ∂E/∂γ_h = −e_h  (every threshold; so Δθ_j = +η g_j, Δγ_h = +η e_h)
    eta_twice        Δp = −η·η ∂E/∂p  (gradients true; invisible when η = 1: ``visible`` says so)
    wrong_index      e_h = f′(α_h − γ_h) Σ_j (Σ_h′ w_h′j) g_j: the sum runs over all of the next layer's
                     weights, the same for every hidden unit h, instead of along its own w_hj

Pure NumPy, no Qt, no sentences: the session words what each rule is.
"""

from __future__ import annotations

import math

import numpy as np

from ..activations import output_delta, sample_errors
from ..network import Network
from ..records import StepResult

NO_SLOPE, UPDATE_SIGN, UPDATED_WEIGHTS, THRESHOLD_SIGN, ETA_TWICE, WRONG_INDEX = (
    "no_slope", "update_sign", "updated_weights", "threshold_sign", "eta_twice", "wrong_index")
RULES: tuple[str, ...] = (NO_SLOPE, UPDATE_SIGN, UPDATED_WEIGHTS, THRESHOLD_SIGN, ETA_TWICE, WRONG_INDEX)

__all__ = [
    "ETA_TWICE",
    "NO_SLOPE",
    "RULES",
    "THRESHOLD_SIGN",
    "UPDATED_WEIGHTS",
    "UPDATE_SIGN",
    "WRONG_INDEX",
    "affects_gradient",
    "planted_step",
    "visible",
]

_GRADIENT_RULES = frozenset((NO_SLOPE, UPDATED_WEIGHTS, THRESHOLD_SIGN, WRONG_INDEX))


def _known(rule: str) -> str:
    if rule not in RULES:
        raise ValueError(f"unknown planted rule {rule!r}")
    return rule


def affects_gradient(rule: str) -> bool:
    """True when the rule changes ∂E/∂p (the gradient check exposes it); False when only Δp is wrong."""
    return _known(rule) in _GRADIENT_RULES


def visible(rule: str, learning_rate: float) -> bool:
    """False only for ``eta_twice`` at η = 1, where η·η = η and the result equals the truth."""
    return not (_known(rule) == ETA_TWICE and learning_rate == 1.0)


def _gradients(network: Network, inputs: np.ndarray, outputs: list[np.ndarray],
               deltas: list[np.ndarray]) -> np.ndarray:
    """∂E/∂p from the deltas, flat in the canonical order: −mean a_i δ_j per weight, mean δ_j per threshold."""
    batch = inputs.shape[0]
    grads = np.empty(network.n_parameters)
    for k, (w0, t0, t1) in enumerate(network.layout):
        before = inputs if k == 0 else outputs[k - 1]
        grads[w0:t0] = (-(before.T @ deltas[k]) / batch).ravel()
        grads[t0:t1] = deltas[k].sum(axis=0) / batch
    return grads


def _true_deltas(network: Network, outputs: list[np.ndarray], targets: np.ndarray) -> list[np.ndarray]:
    funcs, weights = network.functions, network.weights
    delta = output_delta(network.loss, funcs[-1], outputs[-1], targets)
    deltas = [delta] * len(weights)
    for k in range(len(weights) - 2, -1, -1):
        delta = funcs[k].slope_from_output(outputs[k]) * (delta @ weights[k + 1].T)
        deltas[k] = delta
    return deltas


def _planted_deltas(rule: str, network: Network, inputs: np.ndarray, outputs: list[np.ndarray],
                    targets: np.ndarray, learning_rate: float) -> list[np.ndarray]:
    """Every layer's delta under ``rule`` (the true ones for a rule that leaves the deltas alone)."""
    if rule not in (NO_SLOPE, UPDATED_WEIGHTS, WRONG_INDEX):
        return _true_deltas(network, outputs, targets)
    funcs, n = network.functions, network.n_layers
    weights: tuple[np.ndarray, ...] | list[np.ndarray] = network.weights
    if rule == UPDATED_WEIGHTS:  # the weights after the true update: w − η ∂E/∂w, from the true deltas
        true_grads = _gradients(network, inputs, outputs, _true_deltas(network, outputs, targets))
        weights = list(network.with_flat(network.flat - learning_rate * true_grads).weights)
    if rule == NO_SLOPE and network.loss == "squared_error":
        delta = targets - outputs[-1]  # −∂E_k/∂ŷ_j, without f′
    else:
        delta = output_delta(network.loss, funcs[-1], outputs[-1], targets)
    deltas = [delta] * n
    for k in range(n - 2, -1, -1):
        w = weights[k + 1]
        if rule == NO_SLOPE:
            delta = delta @ w.T
        elif rule == WRONG_INDEX:  # Σ_j (Σ_h′ w_h′j) g_j, the same for every unit h of layer k
            delta = funcs[k].slope_from_output(outputs[k]) * (delta @ w.sum(axis=0))[:, None]
        else:
            delta = funcs[k].slope_from_output(outputs[k]) * (delta @ w.T)
        deltas[k] = delta
    return deltas


def planted_step(rule: str, network: Network, inputs: np.ndarray, targets: np.ndarray,
                 learning_rate: float) -> StepResult:
    """One iteration on a batch with the planted ``rule``; ``network`` is not changed.

    Shaped as ``backprop.compute_step``'s result: flat read-only ``gradients`` / ``updates``,
    ``network_after = network.with_flat(flat + updates)``, ``finite`` False on any NaN or infinity.
    """
    _known(rule)
    with np.errstate(over="ignore", invalid="ignore"):
        nets, outputs, z = network.forward(inputs)
        deltas = _planted_deltas(rule, network, inputs, outputs, targets, learning_rate)
        grads = _gradients(network, inputs, outputs, deltas)
        if rule == THRESHOLD_SIGN:
            for _w0, t0, t1 in network.layout:
                np.negative(grads[t0:t1], out=grads[t0:t1])
        if rule == UPDATE_SIGN:
            updates = grads * learning_rate
        elif rule == ETA_TWICE:
            updates = grads * -(learning_rate * learning_rate)
        else:
            updates = grads * -learning_rate
        new_flat = network.flat + updates
        errors = sample_errors(network.loss, z, outputs[-1], targets)
        error = float(errors.sum()) * (1.0 / inputs.shape[0])
        finite = (
            math.isfinite(error)
            and math.isfinite(new_flat.sum())
            and all(math.isfinite(net.sum()) for net in nets)
        )
    for a in (grads, updates, new_flat):
        a.setflags(write=False)
    return StepResult(nets, outputs, deltas, errors, error, grads, updates, finite, network.with_flat(new_flat))
