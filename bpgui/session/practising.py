"""The session's practice (issue 12): the worksheet of the iteration shown, the learner's answers, and
"Find the bug".

A mixin of :class:`~bpgui.session.training.TrainingSession`. The book (:class:`.practice.PracticeBook`)
belongs to the session, not to a network: a reset, a new network, step back or a language switch (the
controller and its session stay) keep every answer and the score. Each check is announced as "practice".

Find the bug: :meth:`Practising.plant_bug` trains from the run's start (its initial network, data and
settings) with a planted rule (``model.practice.planted_training.PlantedTrainer``), and keeps the real
run aside exactly as it stood; :meth:`Practising.remove_bug` brings it back. While a bug is planted the
session says so ("planted", announced on each change) but never which one, until the learner names it
(:meth:`Practising.name_bug`); :meth:`Practising.bug_difference` sets the iteration shown beside the
same iteration computed by the real backward pass. New data, an example or a network file ends it.
"""

from __future__ import annotations

import random
from typing import Any, NamedTuple

import numpy as np

from ..model.backprop import compute_step
from ..model.practice.planted import RULES, visible
from ..model.practice.planted_training import PlantedTrainer
from ..model.practice.worksheet import Sheet
from ..model.training import Trainer
from .core import SessionCore
from .messages import QT_TRANSLATE_NOOP
from .practice import Check, PracticeBook
from .settings import Settings


class BugDifference(NamedTuple):
    """The iteration shown with the planted rule and with the real one, parameter by parameter."""

    iteration: int
    gradients: np.ndarray  # ∂E/∂p as the planted rule computed it
    true_gradients: np.ndarray
    updates: np.ndarray  # Δp
    true_updates: np.ndarray


class Practising(SessionCore):
    """The worksheet and the practice book of a session."""

    _book: PracticeBook | None = None
    # While a bug is planted: the real run kept aside (its trainer, setting marks, undo steps, settings).
    _kept: tuple[Trainer, list[Any], list[Any], Settings] | None = None

    @property
    def practice(self) -> PracticeBook:
        if self._book is None:
            self._book = PracticeBook()
        return self._book

    def _focus(self) -> int | None:
        return self._selected if 0 <= self._selected < self.network.n_parameters else None

    def worksheet(self) -> Sheet:
        """The worksheet of the iteration shown (a big network's: the selected parameter's path)."""
        net = self.network
        return self.practice.sheet(self.display_record(), net.activations, net.loss, self._focus())

    def worksheet_answers(self) -> dict[str, Check]:
        """The learner's latest answer to each cell of the iteration shown."""
        return self.practice.answers(self.display_record())

    def check_answer(self, key: str, text: str) -> Check:
        """Grade ``text`` for cell ``key`` of the iteration shown, keep it and announce it ("practice").

        Raises ``AnswerError`` (not a number, too few digits) or ``KeyError`` and changes nothing then.
        """
        net = self.network
        check = self.practice.check(self.display_record(), net.activations, net.loss, key, text, self._focus())
        self._emit("practice", check)
        return check

    def practice_data(self) -> dict[str, Any]:
        """The book as plain JSON-safe data (for a session file)."""
        return self.practice.to_data()

    def load_practice(self, data: object, source: str = "practice") -> None:
        """Replace the book with ``data`` (:meth:`practice_data`'s); ``DataError`` naming the key of anything
        malformed, and the book as it was then."""
        self._book = PracticeBook.from_data(data, source)
        self._emit("practice", None)

    # ---- find the bug ------------------------------------------------------------------------------
    @property
    def bug_planted(self) -> bool:
        return self._kept is not None

    def plant_bug(self, rule: str | None = None, rng: random.Random | None = None) -> None:
        """Train with a planted bug (``rule``; None: one at random that η shows) from the run's start; the
        real run is kept as it stands. Announced as "planted"."""
        self.pause()
        if rule is None:
            eta = self._trainer.config.learning_rate
            rule = (rng or random.Random()).choice([r for r in RULES if visible(r, eta)])
        if rule not in RULES:
            raise KeyError(rule)
        real = self._trainer if self._kept is None else self._kept[0]
        planted = PlantedTrainer(rule, real.initial_network, real.train_set, test=real.test_set, seed=real.seed,
                                 config=real.config, stop=real.stop)
        if self._kept is None:
            self._kept = (self._trainer, self._changes, self._edits, self._settings)
        self._trainer, self._changes, self._edits, self._phase = planted, [], [], None
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "A bug is planted in the backward pass, "
                                                                  "from iteration 0: find it."))
        self._after_swap()

    def remove_bug(self) -> None:
        """Back to the real run, exactly as it was kept."""
        if self._kept is None:
            return
        self.pause()
        (self._trainer, self._changes, self._edits, settings), self._kept = self._kept, None
        self._phase = None
        changed = settings != self._settings  # a setting changed meanwhile applied to the planted run only
        self._settings = settings
        self._after_swap()
        if changed:
            self._emit("settings")

    def _after_swap(self) -> None:
        self._state_version += 1
        self._emit("history")
        self._emit("state")
        self._emit("planted", self.bug_planted)

    def forget_bug(self) -> None:
        """A new run replaced the session's (new data, an example, a file): nothing planted is left."""
        if self._kept is not None:
            self._kept = None
            self._emit("planted", False)

    def name_bug(self, rule: str) -> bool:
        """The learner names ``rule``: kept in the book; True if it is the one planted."""
        trainer = self._trainer
        if not isinstance(trainer, PlantedTrainer) or rule not in RULES:
            raise KeyError(rule)
        right = self.practice.name_bug(trainer.rule, rule)
        self._emit("practice", None)
        return right

    @property
    def planted_rule(self) -> str | None:
        """The rule planted, once the learner has named it (None before, or with nothing planted)."""
        trainer = self._trainer
        if isinstance(trainer, PlantedTrainer) and self.practice.found(trainer.rule):
            return trainer.rule
        return None

    def bug_difference(self) -> BugDifference | None:
        """The iteration shown as the planted rule computed it and as the real backward pass does."""
        if self._kept is None:
            return None
        record = self.display_record()
        before = self.network.with_flat(record.flat_values)
        true = compute_step(before, record.inputs, record.targets, record.learning_rate)
        return BugDifference(record.iteration, record.flat_gradients, true.gradients, record.flat_updates,
                             true.updates)
