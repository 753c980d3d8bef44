"""The perceptron lab's state without Qt: one M-P neuron on AND, OR, NOT or XOR (note §1–2).

:class:`PerceptronSession` owns a :class:`bpgui.model.perceptron.PerceptronRun`
and everything a learner can do in the lab: choose the problem, the rule and
η (each starts again from W = 0, θ = 0), step, step back (exact), reset. Its
:meth:`PerceptronSession.picture` is a frozen :class:`PerceptronPicture` of
everything the lab shows: where the points are drawn, which are right, the
decision line and the shaded ŷ = 1 side clipped to the plot's region, and the
numbers of the state and of the last step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..model.datasets import load_builtin
from ..model.geometry import Box, clip_line, half_plane_polygon
from ..model.perceptron import RULES, PerceptronRun, PerceptronStep

__all__ = ["CLIP_BOX", "PROBLEMS", "RULES", "PerceptronPicture", "PerceptronSession"]

PROBLEMS = ("and", "or", "not", "xor")
# The shaded half-plane and the line are clipped to this square (in data
# units), far larger than anything the lab's fixed view shows; the view box
# clips what lies outside its own rectangle.
CLIP_BOX: Box = (-10.0, 11.0, -10.0, 11.0)


@dataclass(frozen=True)
class PerceptronPicture:
    """What the lab shows for one state (arrays are copies)."""

    problem: str
    rule: str
    learning_rate: float
    iteration: int
    weights: np.ndarray  # W now: two entries, one for NOT
    threshold: float
    inputs: np.ndarray  # x, (m, d)
    labels: np.ndarray  # y, (m,)
    positions: np.ndarray  # (m, 2) where the points are drawn: x, or (x_1, 0) for one input
    z: np.ndarray  # W·x − θ with the current weights
    predictions: np.ndarray  # ŷ with the current weights
    converged: bool
    cycle_start: int | None  # the earlier iteration the state repeats, or None
    mistakes: int  # points the current weights classify wrongly
    line: np.ndarray | None  # (2, 2) end points of W_1 x_1 + W_2 x_2 = θ in CLIP_BOX, or None (W = 0)
    shaded: tuple[tuple[float, float], ...]  # the ŷ = 1 side of CLIP_BOX, a convex polygon
    last_step: PerceptronStep | None

    @property
    def cycled(self) -> bool:
        return self.cycle_start is not None

    @property
    def correct(self) -> np.ndarray:
        """Per point: whether the current weights classify it correctly."""
        return self.predictions == self.labels

    @property
    def n_inputs(self) -> int:
        return int(self.inputs.shape[1])


class PerceptronSession:
    """One perceptron run a learner drives: problem, rule, η, step, step back, reset."""

    def __init__(self, problem: str = PROBLEMS[0], *, rule: str = RULES[0], learning_rate: float = 1.0) -> None:
        self._problem = self._problem_key(problem)
        self._rule = self._checked_rule(rule)
        self._eta = self._checked_eta(learning_rate)
        self._run = self._new_run()

    # ---- settings (each starts again from W = 0, θ = 0) ----------------------------------
    @property
    def problem(self) -> str:
        """"and", "or", "not" or "xor"."""
        return self._problem

    @property
    def rule(self) -> str:
        """"batch" (the note's) or "online"."""
        return self._rule

    @property
    def learning_rate(self) -> float:
        return self._eta

    def set_problem(self, name: str) -> None:
        """Switch to "and", "or", "not" or "xor" (any case) and start from W = 0, θ = 0 (also for the same one)."""
        self._problem = self._problem_key(name)
        self._run = self._new_run()

    def set_rule(self, rule: str) -> None:
        """Use "batch" or "online"; starts again when it changes (a cycle only means something under one rule)."""
        rule = self._checked_rule(rule)
        if rule != self._rule:
            self._rule = rule
            self._run = self._new_run()

    def set_learning_rate(self, eta: float) -> None:
        """η > 0, kept exactly as given; starts again."""
        self._eta = self._checked_eta(eta)
        self._run = self._new_run()

    # ---- moving ------------------------------------------------------------------------------
    def step(self) -> bool:
        """Apply the rule once; False (nothing changes) once converged."""
        return self._run.step() is not None

    def step_back(self) -> bool:
        """Undo the last step exactly; False when there is none."""
        return self._run.step_back()

    def reset(self) -> None:
        """Back to W = 0, θ = 0, t = 0."""
        self._run.reset()

    # ---- the state -------------------------------------------------------------------------------
    @property
    def run(self) -> PerceptronRun:
        return self._run

    @property
    def iteration(self) -> int:
        return self._run.iteration

    @property
    def weights(self) -> np.ndarray:
        return self._run.weights

    @property
    def threshold(self) -> float:
        return self._run.threshold

    @property
    def converged(self) -> bool:
        return self._run.converged

    @property
    def cycled(self) -> bool:
        return self._run.cycled

    @property
    def cycle_start(self) -> int | None:
        return self._run.cycle_start

    @property
    def last_step(self) -> PerceptronStep | None:
        return self._run.last_step

    @property
    def finished(self) -> bool:
        """Nothing more to learn: converged, or the rule cycles for ever."""
        return self.converged or self.cycled

    def predictions(self) -> np.ndarray:
        return self._run.predictions()

    def point_positions(self) -> np.ndarray:
        """Where the points are drawn (m × 2): x itself, or (x_1, 0) for a one-input problem."""
        x = self._run.inputs
        if x.shape[1] == 1:
            return np.column_stack([x[:, 0], np.zeros(x.shape[0])])
        return x.copy()

    def picture(self) -> PerceptronPicture:
        run = self._run
        w, th = run.weights, run.threshold
        w2 = (float(w[0]), float(w[1]) if w.shape[0] > 1 else 0.0)  # a one-input problem: (W_1, 0)
        z = run.z()
        predictions = (z >= 0.0).astype(np.float64)
        return PerceptronPicture(
            problem=self._problem,
            rule=self._rule,
            learning_rate=self._eta,
            iteration=run.iteration,
            weights=w,
            threshold=th,
            inputs=run.inputs.copy(),
            labels=run.labels.copy(),
            positions=self.point_positions(),
            z=z,
            predictions=predictions,
            converged=bool(np.array_equal(predictions, run.labels)),
            cycle_start=run.cycle_start,
            mistakes=int(np.count_nonzero(predictions != run.labels)),
            line=clip_line(w2[0], w2[1], th, CLIP_BOX),
            shaded=tuple(half_plane_polygon(w2[0], w2[1], th, CLIP_BOX)),
            last_step=run.last_step,
        )

    # ---- helpers ---------------------------------------------------------------------------------
    def _new_run(self) -> PerceptronRun:
        data = load_builtin(self._problem)
        return PerceptronRun(data.inputs, data.targets[:, 0], learning_rate=self._eta, rule=self._rule)

    @staticmethod
    def _problem_key(name: str) -> str:
        key = str(name).strip().casefold()
        if key not in PROBLEMS:
            raise ValueError(f"unknown problem {name!r}; expected one of {', '.join(PROBLEMS)}")
        return key

    @staticmethod
    def _checked_rule(rule: str) -> str:
        if rule not in RULES:
            raise ValueError(f"unknown rule {rule!r}; expected one of {', '.join(RULES)}")
        return rule

    @staticmethod
    def _checked_eta(eta: float) -> float:
        eta = float(eta)
        if not (math.isfinite(eta) and eta > 0):
            raise ValueError(f"the learning rate η must be a positive number, got {eta!r}")
        return eta
