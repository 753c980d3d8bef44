"""The reference backward pass: the note's derivation written out, to be read rather than to be fast.

Every function below is one step of the derivation the app teaches (Zhou
Zhihua, *Machine Learning* ch. 5, as the study note presents it), in the
note's symbols, with plain Python floats and loops over units. The fast
paths (``backprop.compute_step_vectorised``, the float loop
``backprop_small.compute_step_small`` and the batch of accumulated and
mini-batch BP) are proved equal to it by the test suite, and it is itself
proved against finite differences and a published worked example. The app
never trains with it.

For the note's d-q-l network and one sample k (thresholds are subtracted)::

    α_h = Σ_i v_ih x_i              b_h = f(α_h − γ_h)
    β_j = Σ_h w_hj b_h              ŷ_j = f(β_j − θ_j)
    E_k = ½ Σ_j (y_j − ŷ_j)²
    g_j = −∂E_k/∂β_j = f'(β_j − θ_j) · (y_j − ŷ_j)       sigmoid: ŷ_j(1 − ŷ_j)(y_j − ŷ_j)
    e_h = −∂E_k/∂α_h = f'(α_h − γ_h) · Σ_j w_hj g_j     sigmoid: b_h(1 − b_h) Σ_j w_hj g_j
    ∂E_k/∂w_hj = −g_j b_h      ∂E_k/∂θ_j = g_j
    ∂E_k/∂v_ih = −e_h x_i      ∂E_k/∂γ_h = e_h
    Δp = −η ∂E/∂p,  then p ← p + Δp for every parameter at once

and every gradient is computed from the parameters before the update.

The package generalises this in four ways, all written out here:

* **depth**: hidden layer k (1-based) works like the note's hidden layer with
  the outputs of layer k − 1 as its inputs (``x_i`` for k = 1), and its
  ``e^(k)_h`` sums the deltas of the layer above through the weights out of
  it; a network with no hidden layer has only the output rule, with ``x_i``
  in the place of ``b_h``;
* **activations**: ``f`` and ``f'`` of sigmoid, tanh, relu and linear;
* **losses**: squared error (the note's) and cross-entropy;
* **batches**: accumulated BP (the batch is the whole training set) and
  mini-batch BP descend ``E = (1/B) Σ_k E_k``, so ``∂E/∂p`` is the mean of the
  samples' ``∂E_k/∂p``; standard BP is a batch of one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .activations import unknown_loss
from .network import Network
from .records import StepResult

__all__ = [
    "SampleBackward",
    "activation",
    "activation_slope",
    "backward_one_sample",
    "forward_one_sample",
    "hidden_gradient",
    "output_gradient",
    "parameter_gradients",
    "received_input",
    "reference_step",
    "sample_error",
]

Vector = list[float]
Matrix = list[list[float]]  # matrix[i][j]: from unit i of the layer below to unit j of the layer above


# ---- f and f' -------------------------------------------------------------------


def activation(name: str, z: float) -> float:
    """``f(z)``: sigmoid ``1/(1 + e^−z)``, tanh ``tanh z``, relu ``max(0, z)``, linear ``z``."""
    if name == "sigmoid":
        # The same value written two ways so that e^−z never overflows.
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0.0 else math.exp(z) / (1.0 + math.exp(z))
    if name == "tanh":
        return math.tanh(z)
    if name == "relu":
        return z if z > 0.0 or z != z else 0.0  # NaN stays NaN, as np.maximum keeps it
    if name == "linear":
        return z
    raise _unknown_activation(name)


def activation_slope(name: str, z: float) -> float:
    """``f'(z)``: sigmoid ``f(z)(1 − f(z))`` (the note's), tanh ``1 − f(z)²``, relu ``[z > 0]``, linear ``1``.

    relu has no derivative at its kink; ``f'(0)`` is taken as 0 there.
    """
    if name == "sigmoid":
        f = activation(name, z)
        return f * (1.0 - f)
    if name == "tanh":
        f = math.tanh(z)
        return 1.0 - f * f
    if name == "relu":
        return 1.0 if z > 0.0 else 0.0
    if name == "linear":
        return 1.0
    raise _unknown_activation(name)


def _unknown_activation(name: str) -> ValueError:
    # A Network only ever holds known activations (it is validated when made).
    return ValueError(f"no such activation: {name!r}")


def _softplus(z: float) -> float:
    """``ln(1 + e^z)``, without overflow for large z."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


# ---- forward ------------------------------------------------------------------------


def received_input(weights: Matrix, below: Vector, unit: int) -> float:
    """The weighted sum a unit receives: ``α_h = Σ_i v_ih x_i`` (hidden), ``β_j = Σ_h w_hj b_h`` (output)."""
    total = 0.0
    for i, value in enumerate(below):
        total += weights[i][unit] * value
    return total


def forward_one_sample(network: Network, x: Vector) -> tuple[list[Vector], list[Vector]]:
    """Per layer after the input, what each unit receives and what it outputs.

    Hidden layer: ``α_h = Σ_i v_ih x_i``, ``b_h = f(α_h − γ_h)``; output layer:
    ``β_j = Σ_h w_hj b_h``, ``ŷ_j = f(β_j − θ_j)``. Returns ``(received, outputs)``.
    """
    received: list[Vector] = []
    outputs: list[Vector] = []
    below = list(x)
    for weights, thresholds, name in _layers(network):
        nets = [received_input(weights, below, unit) for unit in range(len(thresholds))]
        outs = [activation(name, net - threshold) for net, threshold in zip(nets, thresholds)]
        received.append(nets)
        outputs.append(outs)
        below = outs
    return received, outputs


# ---- the error ------------------------------------------------------------------------


def sample_error(loss: str, y: Vector, y_hat: Vector, z: Vector) -> float:
    """``E_k`` for one sample, with ``z_j = β_j − θ_j`` (so ``ŷ_j = f(z_j)``).

    squared_error (the note's): ``E_k = ½ Σ_j (y_j − ŷ_j)²``.

    cross_entropy (sigmoid outputs): ``E_k = −Σ_j [y_j ln ŷ_j + (1 − y_j) ln(1 − ŷ_j)]``.
    With ``ŷ_j = 1/(1 + e^−z_j)``, ``−ln ŷ_j = ln(1 + e^−z_j)`` and ``−ln(1 − ŷ_j) = ln(1 + e^z_j)``,
    which is how it is evaluated (it stays finite when ŷ_j rounds to 0 or 1).
    """
    if loss == "squared_error":
        return 0.5 * sum((yj - yhj) ** 2 for yj, yhj in zip(y, y_hat))
    if loss == "cross_entropy":
        return sum(yj * _softplus(-zj) + (1.0 - yj) * _softplus(zj) for yj, zj in zip(y, z))
    raise unknown_loss(loss)


# ---- backward -------------------------------------------------------------------------


def output_gradient(loss: str, name: str, y: Vector, y_hat: Vector, z: Vector) -> Vector:
    """``g_j = −∂E_k/∂β_j`` for every output j, with ``z_j = β_j − θ_j``.

    squared_error: ``g_j = −∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j = (y_j − ŷ_j) · f'(β_j − θ_j)``,
    for the sigmoid the note's ``g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j)``.

    cross_entropy with a sigmoid output: ``∂E_k/∂ŷ_j = (ŷ_j − y_j) / (ŷ_j(1 − ŷ_j))``
    and ``f'(β_j − θ_j) = ŷ_j(1 − ŷ_j)`` cancel: ``g_j = y_j − ŷ_j``.
    """
    if loss == "squared_error":
        return [(yj - yhj) * activation_slope(name, zj) for yj, yhj, zj in zip(y, y_hat, z)]
    if loss == "cross_entropy":
        return [yj - yhj for yj, yhj in zip(y, y_hat)]
    raise unknown_loss(loss)


def hidden_gradient(name: str, z: Vector, weights_out: Matrix, delta_above: Vector) -> Vector:
    """``e_h = −∂E_k/∂α_h = f'(α_h − γ_h) · Σ_j w_hj g_j`` for every unit h of a hidden layer.

    ``z_h = α_h − γ_h``; ``weights_out[h][j]`` and ``delta_above[j]`` are the
    layer above's: ``w_hj`` and ``g_j`` under the output layer, ``v^(k+1)_hj``
    and ``e^(k+1)_j`` under hidden layer k + 1. The sum is ``−∂E_k/∂b_h``: each
    hidden unit is reached once from every unit above it.
    """
    out = []
    for h, zh in enumerate(z):
        reached = 0.0
        for j, delta in enumerate(delta_above):
            reached += weights_out[h][j] * delta
        out.append(activation_slope(name, zh) * reached)
    return out


def parameter_gradients(below: Vector, delta: Vector) -> tuple[Matrix, Vector]:
    """``∂E_k/∂p`` for the weights into a layer and its thresholds, from that layer's deltas.

    Output layer: ``∂E_k/∂w_hj = ∂E_k/∂β_j · ∂β_j/∂w_hj = −g_j b_h`` and
    ``∂E_k/∂θ_j = ∂E_k/∂ŷ_j · ∂ŷ_j/∂θ_j = g_j`` (θ_j is subtracted).
    Hidden layer: ``∂E_k/∂v_ih = −e_h x_i`` and ``∂E_k/∂γ_h = e_h``.
    ``below`` is what the layer receives (b_h, or x_i for the first layer).
    """
    weights = [[-(dj * bi) for dj in delta] for bi in below]
    thresholds = list(delta)
    return weights, thresholds


class SampleBackward(NamedTuple):
    """Everything one sample's forward and backward pass computes, per layer after the input."""

    received: list[Vector]  # α_h (hidden layers), β_j (output layer)
    outputs: list[Vector]  # b_h, ŷ_j
    deltas: list[Vector]  # e_h, g_j
    error: float  # E_k
    gradients: Vector  # ∂E_k/∂p in the canonical order of ``naming.parameter_specs``


def backward_one_sample(network: Network, x: Vector, y: Vector) -> SampleBackward:
    """Forward, ``E_k``, then the deltas from the output layer down and every ``∂E_k/∂p``."""
    layers = _layers(network)
    received, outputs = forward_one_sample(network, x)
    n = len(layers)
    z = [[net - t for net, t in zip(received[k], layers[k][1])] for k in range(n)]  # α_h − γ_h, β_j − θ_j

    _, _, output_name = layers[-1]
    error = sample_error(network.loss, y, outputs[-1], z[-1])
    deltas: list[Vector] = [[] for _ in range(n)]
    deltas[-1] = output_gradient(network.loss, output_name, y, outputs[-1], z[-1])
    for k in range(n - 2, -1, -1):
        weights_out = layers[k + 1][0]
        deltas[k] = hidden_gradient(layers[k][2], z[k], weights_out, deltas[k + 1])

    gradients: Vector = []
    for k in range(n):
        below = list(x) if k == 0 else outputs[k - 1]
        weight_grads, threshold_grads = parameter_gradients(below, deltas[k])
        for row in weight_grads:  # canonical order: weights row by row (source-major), then thresholds
            gradients.extend(row)
        gradients.extend(threshold_grads)
    return SampleBackward(received, outputs, deltas, error, gradients)


# ---- one iteration ------------------------------------------------------------------------


def reference_step(
    network: Network, inputs: Sequence[Sequence[float]] | np.ndarray,
    targets: Sequence[Sequence[float]] | np.ndarray, learning_rate: float,
) -> StepResult:
    """One iteration of BP on a batch of B samples, as the note derives it; ``network`` is not changed.

    ``E = (1/B) Σ_k E_k``, ``∂E/∂p = (1/B) Σ_k ∂E_k/∂p``, ``Δp = −η ∂E/∂p``,
    ``p ← p + Δp``. B = 1 is the note's standard BP, B = m accumulated BP.
    Returns the same ``StepResult`` as ``backprop.compute_step``.
    """
    rows_x = [[float(v) for v in row] for row in inputs]
    rows_y = [[float(v) for v in row] for row in targets]
    batch = len(rows_x)
    samples = [backward_one_sample(network, x, y) for x, y in zip(rows_x, rows_y)]

    error = sum(s.error for s in samples) / batch
    gradient = [sum(column) / batch for column in zip(*(s.gradients for s in samples))]
    update = [-learning_rate * g for g in gradient]
    before = network.flat.tolist()
    after = [p + dp for p, dp in zip(before, update)]

    def per_layer(pick: str) -> list[np.ndarray]:
        n = network.n_layers
        return [np.array([getattr(s, pick)[k] for s in samples]) for k in range(n)]

    new_flat, grads, updates = np.array(after), np.array(gradient), np.array(update)
    for a in (new_flat, grads, updates):
        a.setflags(write=False)
    # Refused (by the trainer) if anything it would show or apply is NaN or
    # infinite: the error, a unit's net input (a finite output such as
    # ReLU's, tanh's or a sigmoid's can hide it) or a new parameter.
    finite = (
        math.isfinite(error)
        and all(math.isfinite(v) for s in samples for layer in s.received for v in layer)
        and all(math.isfinite(p) for p in after)
    )
    return StepResult(
        nets=per_layer("received"), outputs=per_layer("outputs"), deltas=per_layer("deltas"),
        sample_errors=np.array([s.error for s in samples]), error=error, gradients=grads, updates=updates,
        finite=finite, network_after=network.with_flat(new_flat),
    )


def _layers(network: Network) -> list[tuple[Matrix, Vector, str]]:
    """Per layer after the input: its incoming weights ``[i][j]``, its thresholds, its activation's name."""
    return [
        (w.tolist(), t.tolist(), name)
        for w, t, name in zip(network.weights, network.thresholds, network.activations)
    ]
