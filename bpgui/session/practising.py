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

import math
import random
from typing import Any, NamedTuple

import numpy as np

from ..model.backprop import compute_step, make_record
from ..model.closed_forms import RecordEnv
from ..model.errors import BpguiError, DivergenceError
from ..model.formula import Eq
from ..model.phases import PhaseView
from ..model.practice.easy import COMPARE, LEVELS, SIGN, VALUE, comparison_right, sign_right
from ..model.practice.grading import grade
from ..model.practice.planted import RULES, planted_step, visible
from ..model.practice.planted_training import PlantedTrainer
from ..model.practice.reveal import fixed_sign, reveal_line, revealed, shown_value
from ..model.practice.worksheet import NEW, Cell, Sheet, new_value_cells
from ..model.records import IterationRecord
from ..model.training import StopConditions, Trainer, TrainingConfig
from .core import SessionCore
from .messages import QT_TRANSLATE_NOOP
from .practice import PREDICTION, Check, PracticeBook, fingerprint
from .settings import Settings


class Prompt(NamedTuple):
    """Predict, then reveal: the cell the next phase reveals, asked before it is shown."""

    cell: Cell
    record: IterationRecord  # the iteration the phase belongs to
    at: tuple[object, ...]  # what was shown when asked (``Practising._now``): anything else makes it stale
    level: str = VALUE  # the value, its sign, or bigger/smaller than ``before`` (``model.practice.easy``)
    before: float | None = None  # the cell's value in the iteration before (for "bigger or smaller")
    focus: int | None = None  # the parameter whose path the sheet followed (a big network)
    shown: float | None = None  # while a bug is planted: what the network will show, if not the real value


class Prediction(NamedTuple):
    """A prediction checked, with the reveal line of its cell (the real rule's)."""

    check: Check
    line: Eq
    shown: float | None = None  # a planted bug: the number the network shows instead


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
    _predicting = False
    _prompt: Prompt | None = None
    _turn = 0  # "in turn": which of the cells a phase reveals is asked next
    _predict_quantity: str | None = None  # the quantity the learner chose to predict (None: in turn)
    _predict_level = VALUE  # what is predicted: the value, its sign, or bigger/smaller than before
    last_prediction: Prediction | None = None  # the last one checked (a window rebuilt shows it again)
    # While a bug is planted: the real run kept aside (its trainer, setting marks, undo steps, settings).
    _kept: tuple[Trainer, list[Any], list[Any], Settings] | None = None
    _found = False  # the bug planted now has been named rightly (each plant starts unfound)

    def step_phase(self) -> None:  # PhaseSteps' (before this mixin in the session's order)
        raise NotImplementedError

    @property
    def practice(self) -> PracticeBook:
        if self._book is None:
            self._book = PracticeBook()
        return self._book

    def _focus(self) -> int | None:
        return self._selected if 0 <= self._selected < self.network.n_parameters else None

    def _real(self, record: IterationRecord) -> IterationRecord:
        """``record``'s iteration as the real backward pass computes it (the planted run's own numbers
        otherwise: the worksheet and predictions teach the real rule, bug or not)."""
        if self._kept is None:
            return record
        before = self.network.with_flat(record.flat_values)
        step = compute_step(before, record.inputs, record.targets, record.learning_rate)
        return make_record(step, before, iteration=record.iteration, epoch=record.epoch, mode=record.mode,
                           learning_rate=record.learning_rate, sample_indices=record.sample_indices,
                           inputs=record.inputs, targets=record.targets)

    def _sheet_record(self) -> IterationRecord:
        """The iteration the learner computes: the next one, from the parameters now (its numbers are not
        on screen yet); while its phases are shown, that one."""
        if self._phase is not None and self._phase_record is not None:
            return self._real(self._phase_record)
        try:
            return self._real(self._trainer.preview())
        except BpguiError:  # a next iteration that diverges: the one shown
            return self._real(self.display_record())

    def _sheet_of(self, record: IterationRecord, focus: int | None) -> Sheet:
        """``record``'s worksheet; ``DivergenceError`` (naming t) when its numbers are beyond working."""
        net = self.network
        try:
            if not np.isfinite(record.flat_values).all():
                raise OverflowError
            sheet = self.practice.sheet(record, net.activations, net.loss, focus)
        except (ArithmeticError, ValueError):
            raise DivergenceError(QT_TRANSLATE_NOOP("Errors", "iteration {iteration}: its numbers are too "
                                                              "large to work by hand (training diverged)"),
                                  iteration=record.iteration) from None
        if not all(math.isfinite(c.value) for c in sheet.cells):
            raise DivergenceError(QT_TRANSLATE_NOOP("Errors", "iteration {iteration}: its numbers are too "
                                                              "large to work by hand (training diverged)"),
                                  iteration=record.iteration)
        return sheet

    def worksheet(self) -> Sheet:
        """The worksheet of the next iteration (a big network's: the selected parameter's path).
        ``DivergenceError`` when its numbers are not finite."""
        return self._sheet_of(self._sheet_record(), self._focus())

    def worksheet_answers(self) -> dict[str, Check]:
        """The learner's latest answer to each cell of the worksheet's iteration."""
        net = self.network
        return self.practice.answers(self._sheet_record(), net.activations, net.loss)

    def check_answer(self, key: str, text: str, digits: int | None = None) -> Check:
        """Grade ``text`` for cell ``key`` of the worksheet's iteration, keep it and announce it ("practice").

        ``digits``: the sheet shows its numbers so; an answer worked from them is right too. Raises
        ``AnswerError`` (not a number, too few digits), ``DivergenceError`` or ``KeyError`` (no such cell:
        another parameter's path is shown) and changes nothing then.
        """
        net, record, focus = self.network, self._sheet_record(), self._focus()
        self._sheet_of(record, focus)
        check = self.practice.check(record, net.activations, net.loss, key, text, focus, shown_digits=digits)
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
        real = self._trainer if self._kept is None else self._kept[0]
        if rule is None:
            rule = (rng or random.Random()).choice([r for r in RULES if self._changes_something(r, real)] or
                                                   list(RULES))
        if rule not in RULES:
            raise KeyError(rule)
        if not self._changes_something(rule, real):  # a teacher's choice this network cannot show
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "On this network and data this bug "
                                                                      "changes nothing: nothing would show it."))
        st = self._settings  # as the panel shows them (a change made during a hunt too)
        config = TrainingConfig(mode=st.mode, learning_rate=st.learning_rate, batch_size=st.batch_size,
                                shuffle=st.shuffle)
        planted = PlantedTrainer(rule, real.initial_network, real.train_set, test=real.test_set, seed=real.seed,
                                 config=config, stop=StopConditions(target_error=st.target_error,
                                                                    max_epochs=st.max_epochs))
        if self._kept is None:
            self._kept = (self._trainer, self._changes, self._edits, self._settings)
        self._trainer, self._changes, self._edits, self._phase, self._found = planted, [], [], None, False
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "A bug is planted in the backward pass, "
                                                                  "from iteration 0: find it."))
        self._after_swap()

    @staticmethod
    def _changes_something(rule: str, trainer: Trainer, samples: int = 8) -> bool:
        """Whether ``rule`` computes another step than the real pass from the run's start on one of the
        first ``samples`` samples (``no_slope`` with linear units, ``wrong_index`` with one hidden unit, η
        applied twice at η = 1 do not: they would be bugs nothing shows)."""
        net, data, eta = trainer.initial_network, trainer.train_set, trainer.config.learning_rate
        if not visible(rule, eta):
            return False
        for k in range(min(samples, data.n_samples)):
            x, y = data.inputs[k:k + 1], data.targets[k:k + 1]
            real, planted = compute_step(net, x, y, eta), planted_step(rule, net, x, y, eta)
            if not (np.allclose(real.gradients, planted.gradients, rtol=1e-9, atol=1e-12)
                    and np.allclose(real.updates, planted.updates, rtol=1e-9, atol=1e-12)):
                return True
        return False

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
        self._found = self._found or right
        self._emit("practice", None)
        return right

    @property
    def planted_rule(self) -> str | None:
        """The rule planted, once the learner has named it (None before, or with nothing planted)."""
        trainer = self._trainer
        if isinstance(trainer, PlantedTrainer) and self._found:
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

    # ---- predict, then reveal ---------------------------------------------------------------------
    @property
    def predicting(self) -> bool:
        return self._predicting

    def set_predicting(self, on: bool, quantity: str | None = None, level: str = VALUE) -> None:
        """Practice: before a phase reveals its values, ask for a prediction of one (``quantity``: only that
        kind, e.g. "output"; None: each phase's cells in turn; ``level``: its value, its sign, or whether it
        comes out bigger or smaller than in the iteration before)."""
        if level not in LEVELS:
            raise KeyError(level)
        self._predicting, self._predict_quantity, self._prompt = bool(on), quantity, None
        self._predict_level = level
        self._emit("predict", None)

    @property
    def prompt(self) -> Prompt | None:
        """The prediction asked for, if it still belongs to what is shown."""
        p = self._prompt
        return p if p is not None and all(a is b for a, b in zip(p.at, self._now(), strict=True)) else None

    def _now(self) -> tuple[object, ...]:
        """What a question depends on: the run, its state and settings (mode, η, batch), the phase shown and the
        phase plan (one output at a time or not); not a data set's names."""
        return (self._trainer, self._trainer.network, self._trainer.config, self._phase, self._phase_record,
                self._phase_views)

    def _next_phase(self) -> tuple[IterationRecord, PhaseView | None, PhaseView]:
        """The record the next phase shows, and what is shown before and after it."""
        views, phase = self._phase_views, self._phase
        if phase is None or phase == len(views) - 1:
            return self._trainer.preview(), None, views[0]
        assert self._phase_record is not None
        return self._phase_record, views[phase], views[phase + 1]

    def request_phase(self) -> None:
        """Step phase, as a learner practising does: first the prediction of a value it reveals (announced
        as "predict" with the prompt), then the phase (:meth:`answer_prediction`, :meth:`skip_prediction`)."""
        if not self._predicting:
            self.step_phase()
            return
        self.pause()
        if self.prompt is not None:
            self._emit("predict", self._prompt)
            return
        record, before, after = self._next_phase()
        net, focus, real = self.network, self._focus(), self._real(record)
        try:
            sheet = self._sheet_of(real, focus)
        except BpguiError:  # numbers beyond working: the phase is shown without a question
            self.step_phase()
            return
        level = self._predict_level
        every = sheet.cells + new_value_cells(real, net.activations, net.loss, focus)  # p + Δp too
        cells = [c for c in revealed(every, before, after)
                 if (self._predict_quantity is None or c.quantity == self._predict_quantity)
                 and (level == VALUE or not fixed_sign(c, net.activations))]
        if not cells:
            self.step_phase()
            return
        cell = cells[self._turn % len(cells)]
        self._turn += 1
        earlier = None
        if level == COMPARE:
            earlier = self._value_before(real, cell, focus)
            level = COMPARE if earlier is not None else SIGN  # no iteration before on the same sample
        shown = None
        if real is not record:  # a planted bug: the phase will show the planted number
            planted = shown_value(record, cell)
            shown = planted if not math.isclose(planted, cell.value, rel_tol=1e-12, abs_tol=1e-15) else None
        self._prompt = Prompt(cell, real, self._now(), level, earlier, focus, shown)
        self._emit("predict", self._prompt)

    def _value_before(self, record: IterationRecord, cell: Cell, focus: int | None) -> float | None:
        """``cell``'s value in the iteration just before ``record``'s, if that one had the same sample(s) (an
        accumulated pass always does; standard BP's next sample is another, and the change would say
        nothing about learning): None otherwise."""
        last = self._trainer.last_record
        if (last is None or last.iteration != record.iteration - 1 or last.layer_sizes != record.layer_sizes
                or not np.array_equal(last.sample_indices, record.sample_indices)):
            return None
        try:
            return self._sheet_of(self._real(last), focus).cell(cell.key).value
        except (KeyError, BpguiError):
            return None

    def answer_prediction(self, text: str, digits: int = 4) -> Prediction:
        """Grade ``text`` as the prediction asked for (kept in the book), then reveal the phase. Raises
        ``AnswerError`` (nothing kept, nothing revealed) or ``KeyError`` when nothing is asked."""
        prompt = self.prompt
        if prompt is None:
            raise KeyError("no prediction asked")
        net, cell = self.network, prompt.cell
        if prompt.level == VALUE and cell.quantity != NEW:
            check = self.practice.check(prompt.record, net.activations, net.loss, cell.key, text,
                                        prompt.focus, as_key=PREDICTION + cell.key, shown_digits=digits)
        else:  # p + Δp (not a worksheet cell), a sign or a comparison: graded here
            if prompt.level == VALUE:
                verdict = grade(text, cell.value)
                right, typed, gap = verdict.right, verdict.answer.text, verdict.gap
            else:
                right = (comparison_right(text, cell.value, prompt.before) if prompt.before is not None
                         else sign_right(text, cell.value))
                typed, gap = text.strip(), math.nan
            check = Check(prompt.record.iteration, fingerprint(prompt.record, net.activations, net.loss),
                          PREDICTION + cell.key, cell.quantity, typed, right, cell.value,
                          gap if math.isfinite(gap) else math.nan, ())
            self.practice.keep(check)
        line = reveal_line(prompt.cell, RecordEnv(prompt.record, net.activations), digits)
        self._prompt = None
        self.step_phase()
        self.last_prediction = Prediction(check, line, prompt.shown)
        self._emit("practice", check)
        return self.last_prediction

    def skip_prediction(self) -> None:
        """Reveal the phase without a prediction."""
        self._prompt = None
        self.step_phase()
