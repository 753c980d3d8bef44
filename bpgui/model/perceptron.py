"""The perceptron: one M-P neuron with a unit step (note §1).

``ŷ = f(Σ_i W_i x_i − θ)`` with ``f(z) = 1`` for ``z ≥ 0`` (so f(0) = 1),
else 0. The threshold is the weight of a fixed dummy input ``x_Dum = −1``, so
learning is weight learning only, on the augmented vectors ``(x, −1)`` and
``(W, θ)``. The error-driven rule is the note's:

    W(t+1) = W(t) + η · Σ_{(x,y)∈D} (y − ŷ) x       (one iteration = one pass)

``rule="online"`` applies the same correction after each sample instead
(Rosenblatt's original). Training stops when every prediction equals its
label. For data that are not linearly separable (XOR) the weights stay
bounded and, with these rational steps, return to a state they had before:
the run reports that it has cycled rather than looping forever.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

DUMMY_INPUT = -1.0
RULES = ("batch", "online")


def step_function(z: np.ndarray) -> np.ndarray:
    """Unit step with f(0) = 1."""
    return (z >= 0.0).astype(np.float64)


@dataclass(frozen=True)
class PerceptronStep:
    """One iteration: weights before, predictions, errors, update, weights after."""

    iteration: int
    weights: np.ndarray  # (d,) W before
    threshold: float  # θ before
    predictions: np.ndarray  # (m,) ŷ with the weights before (batch rule)
    errors: np.ndarray  # (m,) y − ŷ
    weight_update: np.ndarray  # (d,) ΔW
    threshold_update: float  # Δθ (the dummy input's weight change)
    new_weights: np.ndarray
    new_threshold: float

    @property
    def mistakes(self) -> int:
        return int(np.count_nonzero(self.errors))


@dataclass(frozen=True)
class PerceptronResult:
    converged: bool
    cycled: bool  # a state repeated: the rule will loop for ever
    steps: tuple[PerceptronStep, ...]
    weights: np.ndarray
    threshold: float
    cycle_start: int | None = None  # iteration whose state came back

    @property
    def iterations(self) -> int:
        return len(self.steps)


class Perceptron:
    """An M-P neuron trained by the error-driven rule."""

    def __init__(self, n_inputs: int, *, weights=None, threshold: float = 0.0,
                 learning_rate: float = 1.0, rule: str = "batch") -> None:
        if rule not in RULES:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "rule must be one of {allowed}, got {got}"),
                allowed=", ".join(RULES), got=repr(rule),
            )
        if not (np.isfinite(learning_rate) and learning_rate > 0):
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the learning rate η must be a positive number, got {got}"),
                got=repr(learning_rate),
            )
        self.weights = np.zeros(n_inputs) if weights is None else np.array(weights, dtype=np.float64)
        if self.weights.shape != (n_inputs,):
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "expected {expected} weights, got {got}"),
                expected=n_inputs, got=str(self.weights.shape),
            )
        self.threshold = float(threshold)
        self.learning_rate = float(learning_rate)
        self.rule = rule

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return step_function(np.atleast_2d(inputs) @ self.weights - self.threshold)

    def step(self, inputs: np.ndarray, labels: np.ndarray, iteration: int = 1) -> PerceptronStep:
        """One pass of the rule over D; the perceptron's weights are updated."""
        x = np.atleast_2d(np.asarray(inputs, dtype=np.float64))
        y = np.asarray(labels, dtype=np.float64).reshape(-1)
        w, th = self.weights.copy(), self.threshold
        eta = self.learning_rate
        if self.rule == "batch":
            pred = step_function(x @ w - th)
            err = y - pred
            dw = eta * (err @ x)
            dth = eta * float(err.sum() * DUMMY_INPUT)  # the dummy input's weight is θ
            new_w, new_th = w + dw, th + dth
        else:
            new_w, new_th = w.copy(), th
            pred = np.empty_like(y)
            for k in range(x.shape[0]):
                pred[k] = 1.0 if x[k] @ new_w - new_th >= 0.0 else 0.0
                e = y[k] - pred[k]
                new_w = new_w + eta * e * x[k]
                new_th = new_th + eta * e * DUMMY_INPUT
            err = y - pred
            dw, dth = new_w - w, new_th - th
        self.weights, self.threshold = new_w, new_th
        return PerceptronStep(iteration, w, th, pred, err, dw, dth, new_w.copy(), new_th)

    def train(self, inputs: np.ndarray, labels: np.ndarray, *, max_iterations: int = 1000) -> PerceptronResult:
        """Apply the rule until every prediction is right, a state repeats, or the limit."""
        x = np.atleast_2d(np.asarray(inputs, dtype=np.float64))
        y = np.asarray(labels, dtype=np.float64).reshape(-1)
        seen: dict[bytes, int] = {self._key(): 0}
        steps: list[PerceptronStep] = []
        for t in range(1, max_iterations + 1):
            if np.array_equal(self.predict(x), y):
                return PerceptronResult(True, False, tuple(steps), self.weights.copy(), self.threshold)
            steps.append(self.step(x, y, t))
            key = self._key()
            if key in seen:
                return PerceptronResult(False, True, tuple(steps), self.weights.copy(), self.threshold, seen[key])
            seen[key] = t
        converged = bool(np.array_equal(self.predict(x), y))
        return PerceptronResult(converged, False, tuple(steps), self.weights.copy(), self.threshold)

    def _key(self) -> bytes:
        return np.append(self.weights, self.threshold).tobytes()
