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

:class:`PerceptronRun` is a run a learner steps through: it keeps every state
(W, θ) it has been in, so Step back is exact, and notices a cycle the way
:meth:`Perceptron.train` does (an exact repeat of (W, θ)).
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
    # (m,) z = W·x − θ for each sample with the weights the rule used for it
    # (batch: the weights before; online: as they were when the sample came).
    z: np.ndarray

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
            z = x @ w - th
            pred = step_function(z)
            err = y - pred
            dw = eta * (err @ x)
            dth = eta * float(err.sum() * DUMMY_INPUT)  # the dummy input's weight is θ
            new_w, new_th = w + dw, th + dth
        else:
            new_w, new_th = w.copy(), th
            pred = np.empty_like(y)
            z = np.empty_like(y)
            for k in range(x.shape[0]):
                z[k] = x[k] @ new_w - new_th
                pred[k] = 1.0 if z[k] >= 0.0 else 0.0
                e = y[k] - pred[k]
                new_w = new_w + eta * e * x[k]
                new_th = new_th + eta * e * DUMMY_INPUT
            err = y - pred
            dw, dth = new_w - w, new_th - th
        self.weights, self.threshold = new_w, new_th
        return PerceptronStep(iteration, w, th, pred, err, dw, dth, new_w.copy(), new_th, z)

    def train(self, inputs: np.ndarray, labels: np.ndarray, *, max_iterations: int = 1000) -> PerceptronResult:
        """Apply the rule until every prediction is right, a state repeats, or the limit."""
        run = PerceptronRun(inputs, labels, learning_rate=self.learning_rate, rule=self.rule,
                            weights=self.weights, threshold=self.threshold)
        while run.iteration < max_iterations and not run.converged and not run.cycled:
            run.step()
        self.weights, self.threshold = run.weights, run.threshold
        return PerceptronResult(run.converged, run.cycled, run.steps, run.weights, run.threshold, run.cycle_start)

    def _key(self) -> bytes:
        return np.append(self.weights, self.threshold).tobytes()


def _state_key(weights: np.ndarray, threshold: float) -> bytes:
    return np.append(weights, threshold).astype(np.float64).tobytes()


class PerceptronRun:
    """A perceptron on one data set, stepped forwards and back by a learner.

    ``states[t]`` is (W, θ) after t steps (``states[0]`` the start) and
    ``steps[t − 1]`` the step that led to it. Step back drops the last state,
    so the earlier one comes back bit for bit. The run has *cycled* when the
    current (W, θ) was reached at an earlier iteration (``cycle_start``): from
    there the deterministic rule repeats for ever.
    """

    def __init__(self, inputs: np.ndarray, labels: np.ndarray, *, learning_rate: float = 1.0,
                 rule: str = "batch", weights=None, threshold: float = 0.0) -> None:
        x = np.array(np.atleast_2d(np.asarray(inputs, dtype=np.float64)))
        y = np.array(labels, dtype=np.float64).reshape(-1)
        if y.shape[0] != x.shape[0]:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "expected {expected} labels, got {got}"),
                expected=x.shape[0], got=y.shape[0],
            )
        # Validates the rule, η and the weights once; every step uses the same settings.
        self._neuron = Perceptron(x.shape[1], weights=weights, threshold=threshold,
                                  learning_rate=learning_rate, rule=rule)
        x.setflags(write=False)
        y.setflags(write=False)
        self._inputs, self._labels = x, y
        self._start = (self._neuron.weights.copy(), self._neuron.threshold)
        self.reset()

    # ---- settings and data ----------------------------------------------------------
    @property
    def inputs(self) -> np.ndarray:
        """x, (m, d), read-only."""
        return self._inputs

    @property
    def labels(self) -> np.ndarray:
        """y, (m,), read-only."""
        return self._labels

    @property
    def learning_rate(self) -> float:
        return self._neuron.learning_rate

    @property
    def rule(self) -> str:
        return self._neuron.rule

    # ---- the state ------------------------------------------------------------------------
    @property
    def weights(self) -> np.ndarray:
        """W now (a copy)."""
        return self._states[-1][0].copy()

    @property
    def threshold(self) -> float:
        """θ now, the weight of the dummy input −1."""
        return self._states[-1][1]

    @property
    def iteration(self) -> int:
        """t, the number of steps since the start."""
        return len(self._steps)

    @property
    def steps(self) -> tuple[PerceptronStep, ...]:
        return tuple(self._steps)

    @property
    def last_step(self) -> PerceptronStep | None:
        return self._steps[-1] if self._steps else None

    @property
    def history(self) -> tuple[tuple[np.ndarray, float], ...]:
        """(W, θ) after 0, 1, …, t steps (copies)."""
        return tuple((w.copy(), th) for w, th in self._states)

    def z(self) -> np.ndarray:
        """z = W·x − θ for every sample with the current weights."""
        w, th = self._states[-1]
        return self._inputs @ w - th

    def predictions(self) -> np.ndarray:
        """ŷ = f(W·x − θ) for every sample with the current weights (f(0) = 1)."""
        return step_function(self.z())

    @property
    def mistakes(self) -> int:
        """How many samples the current weights classify wrongly."""
        return int(np.count_nonzero(self.predictions() != self._labels))

    @property
    def converged(self) -> bool:
        """Every sample is classified correctly by the current weights."""
        return bool(np.array_equal(self.predictions(), self._labels))

    @property
    def cycle_start(self) -> int | None:
        """The earlier iteration whose (W, θ) the current state repeats exactly, or None."""
        first = self._first_seen.get(_state_key(*self._states[-1]), self.iteration)
        return first if first < self.iteration else None

    @property
    def cycled(self) -> bool:
        """The current (W, θ) was reached before: the rule will repeat for ever."""
        return self.cycle_start is not None

    # ---- moving -------------------------------------------------------------------------------
    def step(self) -> PerceptronStep | None:
        """Apply the rule once; None (and nothing changes) once converged."""
        if self.converged:
            return None
        w, th = self._states[-1]
        self._neuron.weights, self._neuron.threshold = w, th
        step = self._neuron.step(self._inputs, self._labels, self.iteration + 1)
        state = (np.array(step.new_weights, dtype=np.float64), float(step.new_threshold))
        self._steps.append(step)
        self._states.append(state)
        self._first_seen.setdefault(_state_key(*state), self.iteration)
        return step

    def step_back(self) -> bool:
        """Undo the last step exactly; False when there is none."""
        if not self._steps:
            return False
        key = _state_key(*self._states[-1])
        if self._first_seen.get(key) == self.iteration:
            del self._first_seen[key]
        self._steps.pop()
        self._states.pop()
        return True

    def reset(self) -> None:
        """Back to the starting (W, θ), t = 0."""
        w, th = self._start
        self._states: list[tuple[np.ndarray, float]] = [(w.copy(), th)]
        self._steps: list[PerceptronStep] = []
        self._first_seen: dict[bytes, int] = {_state_key(w, th): 0}
