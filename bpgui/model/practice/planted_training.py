"""A trainer with a planted bug: every iteration it computes (a step, a preview, a replay after step back,
an iteration off the GUI thread) runs one rule of :mod:`.planted` instead of the real backward pass.

It is a subclass of the real :class:`~bpgui.model.training.Trainer` that gives another
``step_function``; the real trainer and ``backprop`` never import this module (an import contract), so
no switch on the correct path can reach a planted rule. No Qt here.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..iteration import StepFunction
from ..training import Trainer
from .planted import RULES, planted_step


class PlantedTrainer(Trainer):
    """A :class:`Trainer` whose backward pass has the planted ``rule`` (one of ``planted.RULES``)."""

    def __init__(self, rule: str, *args: Any, **kwargs: Any) -> None:
        if rule not in RULES:
            raise ValueError(f"no planted rule {rule!r}")
        self.rule = rule
        self._planted: StepFunction = partial(planted_step, rule)
        super().__init__(*args, **kwargs)

    @property
    def step_function(self) -> StepFunction:
        return self._planted
