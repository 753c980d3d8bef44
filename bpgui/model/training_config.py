"""The settings that shape a training trajectory, and when training stops by itself."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

__all__ = ["DEFAULT_LEARNING_RATE", "MODES", "StopConditions", "TrainingConfig"]

MODES = ("standard", "accumulated", "minibatch")
# η = 1 trains the note's XOR 2-2-1 network (seed 0) in about a thousand epochs.
DEFAULT_LEARNING_RATE = 1.0


@dataclass(frozen=True)
class TrainingConfig:
    """The settings that shape the trajectory."""

    mode: str = "standard"
    learning_rate: float = DEFAULT_LEARNING_RATE  # η
    batch_size: int = 8  # B, used by mini-batch mode
    shuffle: bool = True  # a new seeded order every epoch; False keeps the file order

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "mode must be one of {allowed}, got {got}"),
                allowed=", ".join(MODES), got=repr(self.mode),
            )
        eta = self.learning_rate
        if isinstance(eta, bool) or not isinstance(eta, (int, float)) or not math.isfinite(eta) or eta <= 0:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the learning rate η must be a positive finite number, got {got}"),
                got=repr(eta),
            )
        b = self.batch_size
        if isinstance(b, bool) or not isinstance(b, (int, np.integer)) or b < 1:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the batch size must be a positive whole number, got {got}"), got=repr(b)
            )

    def batch_for(self, n_samples: int) -> int:
        if self.mode == "standard":
            return 1
        if self.mode == "accumulated":
            return n_samples
        return min(int(self.batch_size), n_samples)


@dataclass(frozen=True)
class StopConditions:
    """When ``train`` stops by itself (they never change the trajectory)."""

    target_error: float | None = None  # stop once the epoch error E ≤ this
    max_epochs: int | None = None

    def __post_init__(self) -> None:
        t = self.target_error
        if t is not None and not (isinstance(t, (int, float)) and math.isfinite(t) and t >= 0):
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the target error must be a number ≥ 0, got {got}"), got=repr(t)
            )
        m = self.max_epochs
        if m is not None and (isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < 1):
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "the maximum number of epochs must be a positive whole number, got {got}"),
                got=repr(m),
            )
