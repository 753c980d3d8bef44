"""The one owner of mutable state: slots in, signals out.

Views never touch the model; they call the controller's slots (intent) and
re-read what they show when its signals fire:

=====================  ==================================================
signal                 when
=====================  ==================================================
``state_changed``      t moved: a step, a run tick, step back, reset, edit
``history_changed``    the error history grew or was cut (branch, reset)
``structure_changed``  a new network or data set: views rebuild
``settings_changed``   the settings object was replaced
``running_changed``    Run started or paused (bool)
``selection_changed``  the selected parameter (canonical index, −1 none)
``message``            (level, text): "error" for a refused input or a
                       fault, "info" for things a learner should notice
=====================  ==================================================

Run mode computes as many iterations as fit in a time slice per tick and
emits once per tick, so the model may take tens of thousands of steps per
second while the views repaint at most once per frame.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ..model.datasets import BUILTIN_NAMES, Dataset, load_dataset, train_test_split
from ..model.errors import QT_TRANSLATE_NOOP, BpguiError, ConfigError, DivergenceError, translate_error
from ..model.fileformat import load_network, save_network
from ..model.network import Network
from ..model.phases import PhaseView, phase_views
from ..model.records import IterationRecord
from ..model.training import DEFAULT_LEARNING_RATE, StopConditions, Trainer, TrainingConfig


def localized(exc: Exception) -> str:
    """An error's message in the learner's language (model errors carry translatable templates)."""
    if isinstance(exc, BpguiError):
        return translate_error(exc, QCoreApplication.translate)
    return str(exc)


# Iterations per second offered by the speed control; 0 means as fast as possible.
SPEEDS = (1, 2, 5, 10, 30, 100, 1000, 0)
FRAME_SECONDS = 1 / 60
# In "as fast as possible" the model may use this share of each frame; the
# rest is left to the event loop and the repaint.
COMPUTE_SHARE = 0.6


@dataclass(frozen=True)
class Settings:
    """Everything a learner sets in the settings panel (and QSettings remembers)."""

    data: str = "xor"  # a built-in name or a CSV path
    test_fraction: float = 0.0
    hidden: tuple[int, ...] = (2,)
    activation: str = "sigmoid"  # hidden layers; the output is sigmoid (classification) or linear
    loss: str = "squared_error"
    mode: str = "standard"
    batch_size: int = 8
    learning_rate: float = DEFAULT_LEARNING_RATE
    shuffle: bool = True
    seed: int = 0
    init: str = "uniform"
    target_error: float | None = 0.01
    max_epochs: int | None = None

    # Settings whose change needs a new network (and so a reset); the others
    # apply from the current iteration on.
    STRUCTURAL = ("data", "test_fraction", "hidden", "activation", "loss", "seed", "init")


# A network larger than this would take seconds and gigabytes to build: refused.
MAX_PARAMETERS = 5_000_000


# The Examples menu: network, data and settings in one click.
EXAMPLES: dict[str, Settings] = {
    "xor": Settings(),  # the note's XOR problem, its 2-2-1 network, standard BP
    "watermelon3.0": Settings(data="watermelon3.0", hidden=(5,), target_error=None, max_epochs=300),
    "watermelon3.0alpha": Settings(data="watermelon3.0alpha", hidden=(5,), target_error=None, max_epochs=300),
}


def build_network(data: Dataset, settings: Settings) -> Network:
    sizes = (data.n_inputs, *settings.hidden, data.n_outputs)
    count = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    if count > MAX_PARAMETERS:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Errors", "a {shape} network has {count} parameters; bpgui handles at most "
                                        "{limit}: use fewer hidden units"),
            shape="-".join(map(str, sizes)), count=f"{count:,}", limit=f"{MAX_PARAMETERS:,}",
        )
    output = "sigmoid" if data.task == "classification" else "linear"
    loss = settings.loss if output == "sigmoid" else "squared_error"
    sizes = (data.n_inputs, *settings.hidden, data.n_outputs)
    acts = (settings.activation,) * len(settings.hidden) + (output,)
    return Network.initialise(sizes, activations=acts, loss=loss, seed=settings.seed, init=settings.init)


class TrainingController(QObject):
    state_changed = Signal()
    history_changed = Signal()
    structure_changed = Signal()
    settings_changed = Signal()
    running_changed = Signal(bool)
    selection_changed = Signal(int)
    message = Signal(str, str)

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = Settings()
        self._speed = 0
        self._selected = -1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._running = False
        self._last_tick_iterations = 0
        # Phase stepping: the index of the phase shown within the iteration the
        # phases walk through (None: whole iterations), and that iteration's record.
        self._per_output = False
        self._phase: int | None = None
        self._phase_record: IterationRecord | None = None
        self._phase_views: list[PhaseView] = []
        # Hand edits at the current iteration, newest last: (iteration, index, old value).
        self._edits: list[tuple[int, int, float]] = []
        self._build(settings or Settings())

    # ---- what the views read ---------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def trainer(self) -> Trainer:
        return self._trainer

    @property
    def dataset(self) -> Dataset:
        """The whole data set (before any train/test split)."""
        return self._dataset

    @property
    def network(self) -> Network:
        return self._trainer.network

    @property
    def record(self) -> IterationRecord | None:
        """The record of iteration t (None at t = 0)."""
        return self._trainer.last_record

    def display_record(self) -> IterationRecord:
        """What the views show: the iteration the phases walk through, else the record of
        iteration t, or at t = 0 a preview of iteration 1."""
        if self._phase is not None:
            return self._phase_record
        record = self._trainer.last_record
        if record is None or not self.shows_current_parameters(record):
            # t = 0, or the parameters were edited after iteration t: what comes next.
            return self._trainer.preview()
        return record

    def shows_current_parameters(self, record: IterationRecord) -> bool:
        """Whether ``record`` ended with the network as it is now (no hand edit since)."""
        return record.flat_new_values is self.network.flat or bool(
            np.array_equal(record.flat_new_values, self.network.flat))

    @property
    def showing_preview(self) -> bool:
        """The views show the next iteration computed ahead (t = 0 or after an edit)."""
        record = self._trainer.last_record
        return self._phase is None and (record is None or not self.shows_current_parameters(record))

    @property
    def phase_view(self) -> PhaseView | None:
        """The phase shown (what it lights, what is known), or None between whole iterations."""
        return None if self._phase is None else self._phase_views[self._phase]

    @property
    def per_output(self) -> bool:
        return self._per_output

    @property
    def running(self) -> bool:
        return self._running

    @property
    def speed(self) -> int:
        """Iterations per second in Run mode; 0 is as fast as possible."""
        return self._speed

    @property
    def selected_parameter(self) -> int:
        return self._selected

    # ---- building ---------------------------------------------------------------------
    def _build(self, settings: Settings, network: Network | None = None) -> None:
        """Make a new trainer for ``settings``; raises BpguiError and changes nothing on bad input."""
        data = load_dataset(settings.data, seed=settings.seed)
        if settings.test_fraction:
            train, test = train_test_split(data, settings.test_fraction, settings.seed)
        else:
            train, test = data, None
        if network is None:
            network = build_network(train, settings)
        trainer = Trainer(
            network, train, test=test, seed=settings.seed,
            config=TrainingConfig(mode=settings.mode, learning_rate=settings.learning_rate,
                                  batch_size=settings.batch_size, shuffle=settings.shuffle),
            stop=StopConditions(target_error=settings.target_error, max_epochs=settings.max_epochs),
        )
        self._dataset, self._trainer, self._settings = data, trainer, settings
        self._phase = None
        self._edits = []
        self._phase_views = phase_views(network.layer_sizes, per_output=self._per_output)
        if self._selected >= network.n_parameters:
            self._selected = -1

    def _emit_all(self) -> None:
        self.structure_changed.emit()
        self.settings_changed.emit()
        self.history_changed.emit()
        self.state_changed.emit()
        self.selection_changed.emit(self._selected)

    def _refuse(self, exc: Exception) -> None:
        self.message.emit("error", localized(exc))

    # ---- settings --------------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> bool:
        """Apply new settings; structural changes rebuild the network (with a message).

        Returns False, with an error message and nothing changed, if they are invalid.
        """
        old = self._settings
        if new == old:
            return True
        structural = [name for name in Settings.STRUCTURAL if getattr(new, name) != getattr(old, name)]
        try:
            if structural:
                self.pause()
                self._build(new)
                names = {"data": self.tr("data set"), "test_fraction": self.tr("test split"),
                         "hidden": self.tr("hidden layers"), "activation": self.tr("activation"),
                         "loss": self.tr("loss"), "seed": self.tr("seed"), "init": self.tr("initialisation")}
                self.message.emit("info", self.tr("The network was re-initialised (iteration 0) because "
                                                  "these settings changed: %1")
                                  .replace("%1", ", ".join(names[n] for n in structural)))
                self._emit_all()
                return True
            config = TrainingConfig(mode=new.mode, learning_rate=new.learning_rate,
                                    batch_size=new.batch_size, shuffle=new.shuffle)
            stop = StopConditions(target_error=new.target_error, max_epochs=new.max_epochs)
        except BpguiError as exc:
            self._refuse(exc)
            self.settings_changed.emit()  # views fall back to the settings in force
            return False
        trainer = self._trainer
        if config != trainer.config:
            self._leave_phases()  # the iteration half shown was computed with the old settings
            t, end = trainer.iteration, trainer.end
            new_epoch = config.mode != trainer.config.mode and trainer.state.cursor != 0
            trainer.set_config(mode=config.mode, learning_rate=config.learning_rate,
                               batch_size=config.batch_size, shuffle=config.shuffle)
            if end > t:
                self.message.emit("info", self.tr("Iterations %1 to %2 were discarded: training continues "
                                                  "from t = %3 with the new settings.")
                                  .replace("%1", str(t + 1)).replace("%2", str(end)).replace("%3", str(t)))
            elif new_epoch:
                self.message.emit("info", self.tr("The new mode starts a new epoch at t = %1.").replace("%1", str(t)))
            self.history_changed.emit()
        trainer.set_stop(stop)
        self._settings = new
        self.settings_changed.emit()
        self.state_changed.emit()
        return True

    def update_settings(self, **changes) -> bool:
        try:
            new = replace(self._settings, **changes)
        except TypeError as exc:
            self._refuse(exc)
            return False
        return self.apply_settings(new)

    def load_example(self, name: str) -> bool:
        """Load a worked example's data, network and settings, at iteration 0."""
        settings = EXAMPLES[name]
        if settings == self._settings:
            self.reset()
            self._emit_all()
            return True
        try:
            self.pause()
            self._build(settings)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self._emit_all()
        return True

    def set_learning_rate(self, eta: float) -> bool:
        """η applies from the next iteration on."""
        return self.update_settings(learning_rate=eta)

    # ---- stepping ------------------------------------------------------------------------------
    def _on_diverged(self, exc: DivergenceError) -> None:
        self.pause()
        self.message.emit("error", self.tr("Training diverged and was paused; the last finite "
                                           "iteration is kept. %1").replace("%1", localized(exc)))
        self.history_changed.emit()
        self.state_changed.emit()

    def _guarded(self, action) -> bool:
        try:
            action()
        except DivergenceError as exc:
            self._on_diverged(exc)
            return False
        except BpguiError as exc:
            self._refuse(exc)
            return False
        return True

    def step(self) -> None:
        """One iteration: one sample (standard), one pass (accumulated) or one batch.

        In the middle of an iteration's phases, Step finishes that iteration.
        """
        applied = self._phase is not None and self._phase == len(self._phase_views) - 1
        self._phase = None
        if applied:
            self.state_changed.emit()  # the iteration was applied by its update phase
            return
        if self._guarded(self._trainer.step):
            self._after_steps()

    # ---- phases -------------------------------------------------------------------------------
    def set_per_output(self, on: bool) -> None:
        """Follow one output component j at a time in the backward phases (as the note draws it)."""
        if bool(on) == self._per_output:
            return
        self._per_output = bool(on)
        old_views = self._phase_views
        self._phase_views = phase_views(self.network.layer_sizes, per_output=self._per_output)
        if self._phase is not None:
            old_kind = old_views[self._phase].phase.kind
            if old_kind == "update":
                self._phase = len(self._phase_views) - 1
            elif old_kind not in ("forward", "error"):
                # Mid-backward the two plans differ: start the backward pass again, revealing nothing new.
                self._phase = next(i for i, v in enumerate(self._phase_views) if v.phase.kind == "error")
        self.state_changed.emit()

    def _phase_is_update(self) -> bool:
        return self._phase is not None and self._phase == len(self._phase_views) - 1

    def step_phase(self) -> None:
        """The next phase: forward layer by layer, the error, the gradients back, the update."""
        self.pause()
        last = len(self._phase_views) - 1
        if self._phase is None or self._phase == last:
            # Start the next iteration: its numbers are computed now and revealed phase by phase.
            try:
                record = self._trainer.preview()
            except BpguiError as exc:
                self._refuse(exc)
                return
            self._phase_record, self._phase = record, 0
        elif self._phase == last - 1:
            # The update phase applies the iteration: the trainer computes exactly what was shown.
            if not self._guarded(self._trainer.step):
                return
            self._phase_record, self._phase = self._trainer.last_record, last
            self.history_changed.emit()
        else:
            self._phase += 1
        self.state_changed.emit()

    def step_phase_back(self) -> None:
        """The previous phase, inside an iteration or back into the one before."""
        self.pause()
        last = len(self._phase_views) - 1
        trainer = self._trainer
        if self._phase is None:
            if trainer.iteration == 0:
                self.message.emit("info", self.tr("Already at iteration 0."))
                return
            # From a whole iteration t back to its last phase before the update.
            self._guarded(trainer.step_back)
            self._phase_record, self._phase = trainer.preview(), last - 1
        elif self._phase == last:
            self._guarded(trainer.step_back)
            self._phase = last - 1
        elif self._phase == 0:
            # Back across to the update of the iteration before, as it was shown going forward.
            record = trainer.last_record
            if trainer.iteration > 0 and record is not None and self.shows_current_parameters(record):
                self._phase_record, self._phase = record, last
            else:
                self._phase = None
        else:
            self._phase -= 1
        self.state_changed.emit()

    def step_epoch(self) -> None:
        self._leave_phases()
        if self._guarded(self._trainer.step_epoch):
            self._after_steps()

    def _leave_phases(self) -> None:
        """Back to whole iterations; a half-shown iteration is simply not applied."""
        self._phase = None

    def step_back(self) -> None:
        if self._phase is not None and not self._phase_is_update():
            self._phase = None  # back to iteration t, whole
            self.state_changed.emit()
            return
        self._phase = None
        if self._trainer.iteration == 0:
            self.message.emit("info", self.tr("Already at iteration 0."))
            return
        self.pause()
        if self._guarded(self._trainer.step_back):
            self.state_changed.emit()

    def goto(self, t: int) -> None:
        self.pause()
        self._leave_phases()
        if self._guarded(lambda: self._trainer.goto(t)):
            self.state_changed.emit()

    def reset(self) -> None:
        """Back to iteration 0 with the network drawn from the seed (history forgotten)."""
        self.pause()
        self._leave_phases()
        self._trainer.reset()
        self.history_changed.emit()
        self.state_changed.emit()

    def _after_steps(self) -> None:
        self.history_changed.emit()
        self.state_changed.emit()

    # ---- running ------------------------------------------------------------------------------
    def set_speed(self, iterations_per_second: int) -> None:
        self._speed = max(0, int(iterations_per_second))
        if self._running:
            self._timer.start(self._interval_ms())

    def _interval_ms(self) -> int:
        if self._speed and self._speed <= 60:
            return int(round(1000 / self._speed))
        return int(FRAME_SECONDS * 1000)

    def set_running(self, running: bool) -> None:
        if running == self._running:
            return
        if running and self._trainer.stop_reason() is not None:
            self.message.emit("info", self._stop_text(self._trainer.stop_reason()))
            self.running_changed.emit(False)
            return
        self._running = running
        if running:
            self._leave_phases()
            self._timer.start(self._interval_ms())
        else:
            self._timer.stop()
        self.running_changed.emit(running)

    def toggle_running(self) -> None:
        self.set_running(not self._running)

    def pause(self) -> None:
        self.set_running(False)

    def _stop_text(self, reason: str) -> str:
        if reason == "target_error":
            return self.tr("Stopped: the error E reached the target %1.").replace("%1", f"{self._settings.target_error:g}")
        return self.tr("Stopped: the maximum number of epochs (%1) is reached.").replace("%1", str(self._settings.max_epochs))

    def _on_timer_timeout(self) -> None:
        trainer = self._trainer
        if self._speed and self._speed <= 60:
            n, budget = 1, None
        elif self._speed:
            n, budget = max(1, round(self._speed * FRAME_SECONDS)), None
        else:
            n, budget = None, FRAME_SECONDS * COMPUTE_SHARE
        done_total, reason = 0, None
        try:
            if budget is None:
                done_total, reason = trainer.advance(n)
            else:
                deadline = time.perf_counter() + budget
                chunk = 64
                while True:
                    start = time.perf_counter()
                    done, reason = trainer.advance(chunk)
                    done_total += done
                    if reason is not None or time.perf_counter() >= deadline:
                        break
                    # Grow the chunk while it stays well inside the slice.
                    if time.perf_counter() - start < budget / 8:
                        chunk *= 2
        except DivergenceError as exc:
            self._on_diverged(exc)
            return
        self._last_tick_iterations = done_total
        if reason is not None:
            self.pause()
            self.message.emit("info", self._stop_text(reason))
        self._after_steps()

    # ---- direct edits and selection ----------------------------------------------------------
    @property
    def can_undo_edit(self) -> bool:
        return bool(self._edits) and self._edits[-1][0] == self._trainer.iteration

    def edit_parameter(self, index: int, value: float) -> bool:
        """Set one weight or threshold by hand (canonical index) at the current iteration.

        The computed future is dropped (the trajectory changes); forward
        values, E_k, gradients and the derivation follow at once through the
        preview of the next iteration. Refused with a message in the middle
        of an iteration's phases or for a value that is not a finite number.
        """
        specs = self.display_record().specs
        if not 0 <= index < len(specs):
            self._refuse(ConfigError(self.tr("There is no parameter number %1.").replace("%1", str(index))))
            return False
        spec = specs[index]
        if self._phase is not None and not self._phase_is_update():
            self.message.emit("error", self.tr("Finish or leave the iteration's phases before editing %1.")
                              .replace("%1", spec.name))
            return False
        try:
            value = float(value)
            old = float(self.network.flat[index])
            self.pause()
            self._phase = None
            t, end = self._trainer.iteration, self._trainer.end
            self._trainer.set_parameter(spec.layer, spec.kind, spec.source, spec.target, value)
        except (BpguiError, TypeError, ValueError) as exc:
            self._refuse(exc)
            return False
        self._edits.append((self._trainer.iteration, index, old))
        if end > t:
            self.message.emit("info", self.tr("%1 set to %2; iterations %3 to %4 were discarded.")
                              .replace("%1", spec.name).replace("%2", f"{value:g}")
                              .replace("%3", str(t + 1)).replace("%4", str(end)))
        else:
            self.message.emit("info", self.tr("%1 set to %2.").replace("%1", spec.name).replace("%2", f"{value:g}"))
        self.history_changed.emit()
        self.state_changed.emit()
        return True

    def undo_edit(self) -> bool:
        """Undo the last edit made at the current iteration."""
        if not self.can_undo_edit:
            self.message.emit("info", self.tr("There is no edit at this iteration to undo."))
            return False
        _, index, old = self._edits.pop()
        spec = self.display_record().specs[index]
        self._trainer.set_parameter(spec.layer, spec.kind, spec.source, spec.target, old)
        self.message.emit("info", self.tr("Edit undone: %1 is %2 again.").replace("%1", spec.name)
                          .replace("%2", f"{old:g}"))
        self.history_changed.emit()
        self.state_changed.emit()
        return True

    def select_parameter(self, index: int) -> None:
        index = int(index)
        if not -1 <= index < self.network.n_parameters:
            index = -1
        if index != self._selected:
            self._selected = index
            self.selection_changed.emit(index)

    # ---- files ---------------------------------------------------------------------------------
    def open_network(self, path: str) -> bool:
        """Load a network file for the current data set; refused (unchanged) if it does not fit."""
        try:
            loaded = load_network(path)
            net = loaded.network
            data = self._trainer.train_set
            if net.layer_sizes[0] != data.n_inputs or net.layer_sizes[-1] != data.n_outputs:
                raise ConfigError(
                    self.tr("%1 is a %2 network, but the data set %3 has %4 input(s) and %5 output(s)")
                    .replace("%1", path).replace("%2", "-".join(map(str, net.layer_sizes)))
                    .replace("%3", data.name).replace("%4", str(data.n_inputs)).replace("%5", str(data.n_outputs))
                )
            hidden = tuple(net.layer_sizes[1:-1])
            acts = set(net.activations[:-1])
            settings = replace(
                self._settings, hidden=hidden,
                activation=acts.pop() if len(acts) == 1 else self._settings.activation,
                loss=net.loss,
                learning_rate=loaded.learning_rate or self._settings.learning_rate,
                seed=self._settings.seed if loaded.seed is None else loaded.seed,
            )
            self.pause()
            self._build(settings, network=net)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self._emit_all()
        self.message.emit("info", self.tr("Opened %1: a %2 network, at iteration 0.")
                          .replace("%1", path).replace("%2", "-".join(map(str, net.layer_sizes))))
        return True

    def save_network(self, path: str) -> bool:
        try:
            save_network(path, self.network, learning_rate=self._settings.learning_rate, seed=self._settings.seed)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        return True

    def import_data(self, path: str) -> bool:
        """Use a CSV file as the data set (a new network sized for it)."""
        return self.update_settings(data=path)

    # ---- status --------------------------------------------------------------------------------
    def status(self) -> dict:
        """Figures for the status bar: t, epoch, sample k, E_k, E, accuracy."""
        trainer = self._trainer
        record = trainer.last_record
        log = trainer.epochs
        row = int(np.searchsorted(log.iteration.view(), trainer.iteration, side="right")) - 1
        return {
            "iteration": trainer.iteration,
            "end": trainer.end,
            "epoch": trainer.state.epoch,
            "sample": None if record is None or record.batch_size != 1 else int(record.sample_indices[0]) + 1,
            "batch": None if record is None else record.batch_size,
            "error_k": None if record is None else record.error,
            "error": float(log.error[row]),
            "accuracy": None if math.isnan(log.accuracy[row]) else float(log.accuracy[row]),
            "test_error": None if math.isnan(log.test_error[row]) else float(log.test_error[row]),
            "running": self._running,
        }

    @staticmethod
    def builtin_names() -> tuple[str, ...]:
        return BUILTIN_NAMES
