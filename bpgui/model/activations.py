"""Activation functions and losses, each beside its derivative.

A unit computes ``output = f(net − threshold)`` (thresholds are subtracted, as
in the note). The backward pass needs ``f'`` at the same point; for every
activation here it can be written from the output alone, which is what the
note does for the sigmoid: ``f'(z) = f(z)(1 − f(z))``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

Array = np.ndarray


def _sigmoid(z: Array) -> Array:
    # exp overflows (to inf, giving exactly 0.0) only for z < -709; that limit
    # is the right answer, so callers silence the warning (np.errstate) once
    # per batch of work rather than clipping z here.
    return 1.0 / (1.0 + np.exp(-z))


def _sigmoid_slope(y: Array) -> Array:
    return y * (1.0 - y)


def _tanh_slope(y: Array) -> Array:
    return 1.0 - y * y


def _relu(z: Array) -> Array:
    return np.maximum(z, 0.0)


def _relu_slope(y: Array) -> Array:
    # f'(0) is taken as 0: a unit exactly at the kink passes no gradient.
    return (y > 0.0).astype(y.dtype)


def _identity(z: Array) -> Array:
    return z


# Scalar twins, for the small-network path of the backward pass (Python floats).
def _sigmoid_scalar(z: float) -> float:
    return 0.0 if z < -709.0 else 1.0 / (1.0 + math.exp(-z))


def _sigmoid_slope_scalar(y: float) -> float:
    return y * (1.0 - y)


def _tanh_slope_scalar(y: float) -> float:
    return 1.0 - y * y


def _relu_scalar(z: float) -> float:
    return z if z > 0.0 or z != z else 0.0  # NaN stays NaN, as np.maximum keeps it


def _relu_slope_scalar(y: float) -> float:
    return 1.0 if y > 0.0 else 0.0


def _identity_scalar(z: float) -> float:
    return z


def _one_scalar(y: float) -> float:
    return 1.0


def _ones(y: Array) -> Array:
    return np.ones_like(y)


@dataclass(frozen=True)
class Activation:
    """``f`` and ``f'`` written in terms of the output ``y = f(z)``."""

    name: str
    function: Callable[[Array], Array]
    slope_from_output: Callable[[Array], Array]
    scalar: Callable[[float], float]
    scalar_slope_from_output: Callable[[float], float]


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        # f(z) = 1/(1+e^−z), f'(z) = f(z)(1 − f(z))
        Activation("sigmoid", _sigmoid, _sigmoid_slope, _sigmoid_scalar, _sigmoid_slope_scalar),
        # f(z) = tanh z, f'(z) = 1 − f(z)²
        Activation("tanh", np.tanh, _tanh_slope, math.tanh, _tanh_slope_scalar),
        # f(z) = max(0, z), f'(z) = [z > 0]
        Activation("relu", _relu, _relu_slope, _relu_scalar, _relu_slope_scalar),
        # f(z) = z, f'(z) = 1
        Activation("linear", _identity, _ones, _identity_scalar, _one_scalar),
    )
}

LOSSES = ("squared_error", "cross_entropy")


def unknown_loss(loss: object) -> ConfigError:
    """The error for a loss that is not one of ``LOSSES`` (every loss is dispatched by name)."""
    return ConfigError(
        QT_TRANSLATE_NOOP("Errors", "loss must be one of {allowed}, got {got}"),
        allowed=", ".join(LOSSES), got=repr(loss),
    )


def sample_errors(loss: str, z: Array, output: Array, target: Array) -> Array:
    """E_k for each row of a batch.

    squared_error: ``E_k = ½ Σ_j (y_j − ŷ_j)²`` (the note's error).
    cross_entropy (sigmoid outputs): ``E_k = −Σ_j [y_j ln ŷ_j + (1−y_j) ln(1−ŷ_j)]``,
    evaluated from ``z = β_j − θ_j`` as ``Σ_j softplus(z_j) − y_j z_j`` so that it
    stays finite when ŷ_j rounds to 0 or 1.
    """
    if loss == "squared_error":
        diff = target - output
        return 0.5 * np.add.reduce(diff * diff, axis=1)
    if loss == "cross_entropy":
        return np.add.reduce(np.logaddexp(0.0, z) - target * z, axis=1)
    raise unknown_loss(loss)


def output_delta(loss: str, activation: Activation, output: Array, target: Array) -> Array:
    """``−∂E_k/∂z_j`` at the output layer (the note's g_j for sigmoid + squared error).

    squared_error: ``(y_j − ŷ_j) · f'(z_j)``, i.e. ``g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j)``.
    cross_entropy with a sigmoid: the ``ŷ(1 − ŷ)`` cancels and ``−∂E/∂z_j = y_j − ŷ_j``.
    """
    if loss == "squared_error":
        return activation.slope_from_output(output) * (target - output)
    if loss == "cross_entropy":
        return target - output
    raise unknown_loss(loss)
