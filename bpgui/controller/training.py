"""The thin Qt adapter over one :class:`~bpgui.session.training.TrainingSession`.

Why one module (over 500 lines, ~575): it is the one adapter of one session; most methods forward to it.

Views send intent to its slots (which call the session) and re-read what
they show when its signals fire; nothing here decides anything the session
does not. The controller adds only what needs Qt: the Run timer, translating
the session's messages, and running slow jobs in a worker process.

=====================  ==================================================
signal                 when
=====================  ==================================================
``state_changed``      t moved: a step, a run tick, step back, reset, edit
``history_changed``    the error history grew or was cut (branch, reset)
``structure_changed``  a new network or data set: views rebuild
``settings_changed``   the settings changed (or a refused change left them)
``running_changed``    Run started or paused (bool)
``selection_changed``  the selected parameter (canonical index, −1 none)
``unit_selection_changed``  the selected unit (layer, 0-based unit; −1, −1 none)
``message``            (level, text): "error" for a refused input or a
                       fault, "info" for things a learner should notice
``check_ready``        a gradient check for the iteration shown
``practice_changed``   an answer was checked (or a practice book loaded)
``planted_changed``    (bool) a bug was planted in the backward pass, or the real one is back
``predict_asked``      (Prompt or None) practising: predict a value before the phase shows it
``job_started``        (title) slow work went to the worker (or the next job started)
``job_progress``       (done, total)
``job_finished``       the worker is idle again (done, cancelled or dropped)
=====================  ==================================================

Run mode computes as many iterations as fit in a time slice per tick and
emits once per tick, so the model may take tens of thousands of steps per
second while the views repaint at most once per frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from ..model.chain_paths import ChainPaths, Labels, factor_source, path_highlight
from ..model.datasets import Dataset
from ..model.derivation import Derivation
from ..model.errors import BpguiError, translate_error
from ..model.forward_arithmetic import ForwardArithmetic
from ..model.network import Network
from ..model.numbers import DEFAULT_DIGITS
from ..model.phases import PhaseView
from ..model.practice.worksheet import Sheet
from ..model.records import IterationRecord
from ..model.surface import DecisionSurface
from ..session import jobs
from ..session.history import History
from ..session.messages import CONTEXT, Message, render
from ..session.practice import BUG_TEXTS, MISTAKE_TEXTS, Check
from ..session.practising import BugDifference, Prediction, Prompt
from ..session.running import FRAME_SECONDS, SETTLE_PARAMETERS, settle_memory
from ..session.settings import Settings
from ..session.training import TrainingSession
from .files import FileActions
from .worker import JobRunner

__all__ = ["SPEEDS", "Settings", "TrainingController", "localized"]

# How often (ms) to look for an iteration computing off the GUI thread.
POLL_MS = 4
# Iterations per second offered by the speed control; 0 means as fast as possible.
SPEEDS = (1, 2, 5, 10, 30, 100, 1000, 0)


def localized(exc: BaseException) -> str:
    """An error's message in the learner's language (model errors carry translatable templates)."""
    if isinstance(exc, BpguiError):
        return translate_error(exc, QCoreApplication.translate)
    return str(exc)


def translated(message: Message) -> str:
    """A session message in the learner's language."""
    return render(message, QCoreApplication.translate)


def _at_once(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer of 0 ms (it fires once the event loop has served what is pending)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(slot)
    return timer


class TrainingController(FileActions, QObject):
    state_changed = Signal()
    history_changed = Signal()
    structure_changed = Signal()
    settings_changed = Signal()
    running_changed = Signal(bool)
    selection_changed = Signal(int)
    unit_selection_changed = Signal(int, int)
    message = Signal(str, str)
    check_ready = Signal()
    practice_changed = Signal()
    planted_changed = Signal(bool)
    predict_asked = Signal(object)
    job_started = Signal(str)
    job_progress = Signal(int, int)
    job_finished = Signal()

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = TrainingSession(settings)
        # Run's ticks: single shot, armed again after each tick from when it began (see _arm).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._tick_started = 0.0
        # While an iteration computes off the GUI thread, look for it often, whatever the speed.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._jobs = JobRunner(lambda job: translated(job.title), self)
        self._jobs.started.connect(self.job_started)
        self._jobs.progress.connect(self.job_progress)
        self._jobs.finished.connect(self.job_finished)
        self._jobs.failed.connect(lambda exc: self.message.emit("error", localized(exc)))
        self._unit = (-1, -1)  # the unit selection last announced
        # A Run tick's news of new iterations, held until the tick has returned to the event loop.
        self._holding = False
        self._held: list[str] = []
        # A timer, not a queued call: Qt serves queued calls before the timers that fell due.
        self._release_timer = _at_once(self, self._release)
        # The next tick is armed only once the drawing a release asked for is done (Qt draws posted
        # paint requests before it serves timers): every timer that fell due while drawing runs first.
        self._after_drawing = _at_once(self, self._follow_pending)
        # A new network's names and rows are long-lived objects (two per parameter: 2 million at 10^6): once the
        # views have built them, one collection then a freeze keeps them out of every later full collection,
        # which would otherwise walk them all in the middle of Run (335 ms at 10^6 parameters).
        self._settle_memory = _at_once(self, self._on_settle_memory)
        self._session.subscribe(self._on_session_event)
        self._settle_memory.start()  # the first network's, once the window has built its views

    def _on_session_event(self, event: str, value: Any) -> None:
        if self._holding and event in ("history", "state"):
            if event not in self._held:
                self._held.append(event)
            return
        if self._holding:
            # Run stopped itself (a stop condition, divergence): the views hear of that and of the
            # tick's iterations together, so no frame shows the one without the other.
            self._holding = False
        if self._held:
            # Anything else (a pause, a step, another view's request) comes after the tick it follows; a tick
            # whose drawing was still to come is released whole, so that the next tick is armed after it.
            if self._release_timer.isActive():
                self._release()
            else:
                self._emit_held()
        if event == "state":
            self.state_changed.emit()
        elif event == "history":
            self.history_changed.emit()
        elif event == "structure":
            self.structure_changed.emit()
            self._settle_memory.start()
        elif event == "settings":
            self.settings_changed.emit()
        elif event == "running":
            if value:
                self._timer.start(self._interval_ms())
            else:
                self._timer.stop()
                self._poll.stop()
            self.running_changed.emit(bool(value))
        elif event == "selection":
            self.selection_changed.emit(int(value))
        elif event == "message":
            self.message.emit(value.level, translated(value))
        elif event == "job":
            self._jobs.submit(value)
        elif event == "cancel":
            self._jobs.cancel_kind(value)
        elif event == "check":
            self.check_ready.emit()
        elif event == "practice":
            self.practice_changed.emit()
        elif event == "planted":
            self.planted_changed.emit(bool(value))
        elif event == "predict":
            self.predict_asked.emit(value)
        if event in ("selection", "structure", "unit"):
            # A unit goes with the parameter selected with it: another parameter or network unselects it.
            unit = self._session.selected_unit
            if unit != self._unit:
                self._unit = unit
                self.unit_selection_changed.emit(*unit)

    # ---- what the views read ---------------------------------------------------
    @property
    def session(self) -> TrainingSession:
        return self._session

    @property
    def settings(self) -> Settings:
        return self._session.settings

    @property
    def dataset(self) -> Dataset:
        """The whole data set (before any train/test split)."""
        return self._session.dataset

    @property
    def network(self) -> Network:
        return self._session.network

    @property
    def iteration(self) -> int:
        return self._session.iteration

    @property
    def end(self) -> int:
        return self._session.end

    @property
    def record(self) -> IterationRecord | None:
        return self._session.record

    def display_record(self) -> IterationRecord:
        return self._session.display_record()

    def shows_current_parameters(self, record: IterationRecord) -> bool:
        return self._session.shows_current_parameters(record)

    @property
    def showing_preview(self) -> bool:
        return self._session.showing_preview

    @property
    def phase_view(self) -> PhaseView | None:
        return self._session.phase_view

    @property
    def phase_plan(self) -> tuple[PhaseView, ...]:
        return self._session.phase_plan

    @property
    def per_output(self) -> bool:
        return self._session.per_output

    @property
    def running(self) -> bool:
        return self._session.running

    @property
    def speed(self) -> int:
        return self._session.speed

    @property
    def selected_parameter(self) -> int:
        return self._session.selected_parameter

    @property
    def can_undo_edit(self) -> bool:
        return self._session.can_undo_edit

    def history(self) -> History:
        return self._session.history()

    def status(self) -> dict[str, Any]:
        return self._session.status()

    def derivation(self) -> tuple[Derivation, bool] | None:
        """The chain rule for the selected parameter and whether its gradient is known yet."""
        return self._session.derivation()

    @property
    def selected_unit(self) -> tuple[int, int]:
        """(layer, 0-based unit) of the selected unit, layer 0 the input; (−1, −1) for none."""
        return self._session.selected_unit

    def forward_arithmetic(self) -> ForwardArithmetic | None:
        """The selected unit's forward pass (α = Σ …, b = f(α − γ)) in the iteration shown, written at the
        default digits (``ForwardArithmetic.at_digits`` rewrites it); None without a unit."""
        return self._session.forward_arithmetic()

    def chain_paths(self) -> ChainPaths | None:
        """Every path from E_k to the selected parameter with its edges' local derivatives (the first
        ``chain_paths.MAX_PATHS``); None without a parameter or before a phase has computed its gradient."""
        return self._session.chain_paths()

    def path_highlight(self, digits: int = DEFAULT_DIGITS) -> Labels:
        """(units {(layer, unit): label}, links {parameter index: label}) on the selection's paths, each
        labelled by its local derivative's number at ``digits``; both empty without a selection."""
        return path_highlight(self.chain_paths(), digits)

    @staticmethod
    def factor_source(ref: str) -> Labels:
        """(units, links) a hovered chain-rule factor (``DerivationPanel.factor_hovered``'s "unit:L:U" or
        "link:I") lives on, unlabelled; both empty for ""."""
        return factor_source(ref)

    def decision_surface(self) -> DecisionSurface | None:
        """The network's outputs over the plane of the two inputs (2-D data only)."""
        return self._session.decision_surface()

    def gradient_check(self) -> jobs.GradientCheck | None:
        """The gradient check of the iteration shown, if one is ready."""
        return self._session.gradient_check

    # ---- practice (issue 12) -------------------------------------------------------------
    def worksheet(self) -> Sheet | str:
        """The worksheet of the next iteration (a big network's: the selected parameter's path), or why
        there is none (its numbers diverged)."""
        try:
            return self._session.worksheet()
        except BpguiError as exc:
            return localized(exc)

    def worksheet_answers(self) -> dict[str, Check]:
        """The learner's latest answer to each cell of the iteration shown."""
        return self._session.worksheet_answers()

    def check_answer(self, key: str, text: str, digits: int | None = None) -> Check | str:
        """Grade ``text`` for cell ``key`` (the sheet's numbers shown at ``digits``): the check, or (nothing
        kept) why the text was refused."""
        if self.running:
            return QCoreApplication.translate("TrainingController", "Pause first: Run moves the iteration on.")
        try:
            return self._session.check_answer(key, text, digits)
        except BpguiError as exc:
            return localized(exc)
        except KeyError:  # a box of a sheet no longer shown (another parameter's path, a new network)
            return QCoreApplication.translate("TrainingController", "That cell is not on the worksheet now.")

    def practice_score(self) -> tuple[int, int]:
        """(right, checked) over the session."""
        return self._session.practice.score()

    def practice_missed(self, predictions: bool = False) -> list[tuple[str, int]]:
        """The quantities answered wrong on the worksheet (``predictions``: predicted wrong), most often first."""
        return self._session.practice.missed(predictions)

    @staticmethod
    def mistake_text(name: str) -> str:
        """What a known mistake is, in the learner's language."""
        return QCoreApplication.translate(CONTEXT, MISTAKE_TEXTS[name])

    # Predict, then reveal: practice on or off, the question asked, the answer (then the phase), skipping it.
    @property
    def predicting(self) -> bool:
        return self._session.predicting

    def set_predicting(self, on: bool, quantity: str | None = None, level: str = "value") -> None:
        """``level``: predict the value, its "sign", or whether it comes out bigger or smaller ("compare")."""
        self._session.set_predicting(on, quantity, level)

    @property
    def prompt(self) -> Prompt | None:
        return self._session.prompt

    @property
    def last_prediction(self) -> Prediction | None:
        return self._session.last_prediction

    def answer_prediction(self, text: str, digits: int = DEFAULT_DIGITS) -> Prediction | str:
        """The prediction checked and the phase revealed (its line at ``digits``), or (nothing kept) why
        the text was refused."""
        try:
            return self._session.answer_prediction(text, digits)
        except BpguiError as exc:
            return localized(exc)

    def prediction_score(self) -> tuple[int, int]:
        """(right, made) of the session's predictions."""
        return self._session.practice.prediction_score()

    def skip_prediction(self) -> None:
        self._session.skip_prediction()

    # Find the bug: the rules offered, planting one (None: at random), naming it, the real pass beside it.
    BUG_RULES = tuple(BUG_TEXTS)

    @staticmethod
    def bug_text(rule: str) -> str:
        return QCoreApplication.translate(CONTEXT, BUG_TEXTS[rule])

    @property
    def bug_planted(self) -> bool:
        return self._session.bug_planted

    @property
    def planted_rule(self) -> str | None:
        """The rule planted, once the learner has named it (None before)."""
        return self._session.planted_rule

    def plant_bug(self, rule: str | None = None) -> None:
        self._session.plant_bug(rule)

    def remove_bug(self) -> None:
        self._session.remove_bug()

    def name_bug(self, rule: str) -> bool:
        return self._session.name_bug(rule)

    def bug_difference(self) -> BugDifference | None:
        return self._session.bug_difference()

    @property
    def job_running(self) -> bool:
        return self._jobs.busy

    @property
    def job_cancellable(self) -> bool:  # whether Cancel stops any of it (never a file being written)
        return self._jobs.cancellable

    @property
    def job_title(self) -> str:
        """What the slow work in progress is, in the learner's language now ("" when idle)."""
        job = self._jobs.job
        return "" if job is None else translated(job.title)

    # ---- intent ------------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> bool:
        return self._session.apply_settings(new)

    def update_settings(self, **changes: Any) -> bool:
        return self._session.update_settings(**changes)

    def load_example(self, name: str) -> bool:
        return self._session.load_example(name)

    def set_learning_rate(self, eta: float) -> bool:
        return self._session.set_learning_rate(eta)

    def step(self) -> None:
        self._session.step()
        self._follow_pending()  # a heavy iteration computes off the GUI thread

    def step_epoch(self) -> None:
        self._session.step_epoch()  # a long one runs as Run's frames (session.run_to)
        self._follow_pending()  # an epoch of one heavy iteration computes off the GUI thread

    def step_back(self) -> None:
        self._session.step_back()
        self._follow_pending()  # a big network's replay computes off the GUI thread

    def goto(self, t: int) -> None:
        self._session.goto(t)
        self._follow_pending()

    def reset(self) -> None:
        self._session.reset()

    def fast_forward(self, steps: int) -> None:
        self._session.fast_forward(steps)

    def set_per_output(self, on: bool) -> None:
        self._session.set_per_output(on)

    def step_phase(self) -> None:
        self._session.request_phase()  # practising: the prediction is asked first (predict_asked)

    def step_phase_back(self) -> None:
        self._session.step_phase_back()

    def edit_parameter(self, index: int, value: float) -> bool:
        return self._session.edit_parameter(index, value)

    def undo_edit(self) -> bool:
        return self._session.undo_edit()

    def select_parameter(self, index: int) -> None:
        self._session.select_parameter(index)

    def select_unit(self, layer: int, unit: int) -> None:
        """Select unit ``unit`` (0-based) of ``layer`` (0 = input) and, for layer ≥ 1, its threshold
        (``selection_changed`` too); (−1, −1) selects none."""
        self._session.select_unit(layer, unit)

    def set_data_language(self, language: str) -> None:
        """Name the data in the window's language ("en", "zh_CN")."""
        self._session.set_data_language(language)

    def request_gradient_check(self, indices: Sequence[int] | None = None) -> None:
        """Estimate ∂E/∂p by finite differences for the iteration shown; ``check_ready`` when done."""
        self._session.request_gradient_check(indices)

    def wait_for_jobs(self, milliseconds: int = 10_000) -> bool:
        """Block until the slow work in progress has ended and its result is adopted; False if not by then."""
        return self._jobs.wait(milliseconds)

    def cancel_job(self) -> None:
        """Cancel the slow work in progress (its result is never shown; nothing changes)."""
        self._jobs.cancel()

    # ---- running ------------------------------------------------------------------------------
    def set_speed(self, iterations_per_second: int) -> None:
        self._session.set_speed(iterations_per_second)
        if self.running:
            self._timer.start(self._interval_ms())

    def _interval_ms(self) -> int:
        """At a set speed, a tick per iteration (≤ 60/s) or per frame; at full speed a tick whenever
        the event loop is idle (each tick computes what the frame leaves after drawing)."""
        speed = self._session.speed
        if speed and speed <= 60:
            return round(1000 / speed)
        return int(FRAME_SECONDS * 1000) if speed else 0

    def set_running(self, running: bool) -> None:
        self._session.set_running(running)

    def toggle_running(self) -> None:
        self._session.toggle_running()

    def pause(self) -> None:
        self._session.pause()

    def _on_timer_timeout(self) -> None:
        self._tick_started = time.perf_counter()
        self._tick(self._session.run_slice)

    def _tick(self, compute: Callable[[], object]) -> None:
        """Compute (a Run slice, or apply an iteration computed off the thread), then let the views
        draw it from an event of its own: between the two the event loop serves the pointer, the
        keyboard and every timer that fell due, so no wait is the computing and the drawing together."""
        self._holding = True
        try:
            compute()
        finally:
            self._holding = False
        if self._held:
            self._release_timer.start()
        else:
            self._follow_pending()

    def _release(self) -> None:
        self._emit_held()
        self._after_drawing.start()

    def _emit_held(self) -> None:
        self._release_timer.stop()
        held, self._held = self._held, []
        for event in held:
            (self.history_changed if event == "history" else self.state_changed).emit()

    def _arm(self) -> None:
        """The next Run tick: one period after the last one began, but never before the event loop
        has drawn and served every timer that fell due meanwhile. A periodic 0 ms timer stays
        due first, so two ticks could follow each other with nothing drawn between them."""
        elapsed_ms = (time.perf_counter() - self._tick_started) * 1000
        self._timer.start(max(0, round(self._interval_ms() - elapsed_ms)))

    def _on_settle_memory(self) -> None:
        if self.network.n_parameters >= SETTLE_PARAMETERS:  # a small network's few objects cost a collection little
            settle_memory()

    def _on_poll_timeout(self) -> None:
        self._tick(self._session.collect_background)

    def _follow_pending(self) -> None:
        """While an iteration (Run's or a Step's) computes off the GUI thread, only the poll timer
        ticks (a 0 ms Run timer would spin the GUI thread, holding the interpreter lock the
        computation needs)."""
        if self._held:
            return  # the tick's drawing is still to come; the next tick is armed after it
        if self._session.run_pending:
            self._timer.stop()
            if not self._poll.isActive():
                self._poll.start()
            return
        self._poll.stop()
        if self.running and not self._timer.isActive():
            self._arm()
