"""The Qt-free owner of one training run: everything a learner can do to it.

A :class:`TrainingSession` holds the settings, the data, the trainer, the
phase cursor, the hand edits with their undo, the selection and the Run
state; the controller is a thin Qt adapter over it and the command line uses
the same building code. It announces each change to its listeners as
``(event, value)``:

=================  =======  ================================================
event              value    when
=================  =======  ================================================
``"state"``        None     t moved: a step, a run slice, step back, reset, edit
``"history"``      None     the error history grew or was cut (branch, reset)
``"structure"``    None     a new network or data set: views rebuild
``"settings"``     None     the settings changed (or a refused change left them)
``"running"``      bool     Run started or paused
``"selection"``    int      the selected parameter (canonical index, −1 none)
``"message"``      Message  something the learner should read (info / error)
``"job"``          Job      slow work to run (see :mod:`bpgui.session.jobs`)
``"check"``        check    a gradient check for the iteration shown is ready
``"comparison"``   runs     a comparison of modes is ready (list of RunSummary)
=================  =======  ================================================

Slow work (a mode comparison, a gradient check of a large network, building
a large network or reading a large CSV file) is handed out as a
:class:`~bpgui.session.jobs.Job`; whoever listens runs it where it likes (the
controller: a worker thread) and the session adopts the result only if the
state it was computed for is still the one shown.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..model.datasets import Dataset, load_dataset, train_test_split
from ..model.derivation import Derivation, derive
from ..model.errors import BpguiError, ConfigError, DivergenceError
from ..model.fileformat import load_network, save_network
from ..model.network import Network
from ..model.phases import PhaseView, phase_views
from ..model.records import IterationRecord
from ..model.training import StopConditions, Trainer, TrainingConfig
from . import jobs
from .jobs import Job
from .messages import QT_TRANSLATE_NOOP, Message
from .settings import (
    EXAMPLES,
    STRUCTURAL_NAMES,
    Settings,
    check_size,
    network_for_settings,
    structural_changes,
)

Listener = Callable[[str, Any], None]

# In "as fast as possible" the model may use this share of each frame; the
# rest is left to the event loop and the repaint.
FRAME_SECONDS = 1 / 60
COMPUTE_SHARE = 0.6
# Building more parameters than this, or reading a CSV file larger than this,
# is slow enough to go to a worker.
HEAVY_PARAMETERS = 200_000
HEAVY_CSV_BYTES = 2_000_000


@dataclass(frozen=True)
class Built:
    """A run made ready off the owner's thread, adopted only if nothing moved on."""

    settings: Settings
    dataset: Dataset
    trainer: Trainer


@dataclass(frozen=True)
class History:
    """What the error curve draws, read from the trainer (arrays are read-only views)."""

    iteration_errors: np.ndarray  # E_k (or a batch's / a pass's E) of iterations 1..end
    epoch_iterations: np.ndarray  # the iteration t at which each epoch row was measured
    epoch_errors: np.ndarray  # E over the training set at each epoch end (row 0: before training)
    test_errors: np.ndarray | None
    iterations_per_epoch: int
    iteration: int  # t shown
    end: int  # the last iteration computed (> t after stepping back)

    @staticmethod
    def of(trainer: Trainer) -> History:
        log = trainer.epochs
        m = trainer.train_set.n_samples
        return History(
            iteration_errors=trainer.iteration_errors,
            epoch_iterations=log.iteration.view(),
            epoch_errors=log.error.view(),
            test_errors=log.test_error.view() if trainer.test_set is not None else None,
            iterations_per_epoch=math.ceil(m / trainer.config.batch_for(m)),
            iteration=trainer.iteration,
            end=trainer.end,
        )


def _make_trainer(settings: Settings, network: Network | None = None, data: Dataset | None = None) -> Built:
    """Data, split, network and trainer for ``settings``; raises BpguiError and changes nothing."""
    if data is None:
        data = load_dataset(settings.data, seed=settings.seed)
    if settings.test_fraction:
        train, test = train_test_split(data, settings.test_fraction, settings.seed)
    else:
        train, test = data, None
    if network is None:
        network = network_for_settings(train, settings)
    trainer = Trainer(
        network, train, test=test, seed=settings.seed,
        config=TrainingConfig(mode=settings.mode, learning_rate=settings.learning_rate,
                              batch_size=settings.batch_size, shuffle=settings.shuffle),
        stop=StopConditions(target_error=settings.target_error, max_epochs=settings.max_epochs),
    )
    return Built(settings, data, trainer)


def _large_file(path: str) -> bool:
    """Whether ``path`` names a data file big enough that reading it may take longer than a frame."""
    try:
        return os.path.isfile(path) and os.path.getsize(path) > HEAVY_CSV_BYTES
    except (OSError, ValueError):
        return False


class TrainingSession:
    """One run of standard / accumulated / mini-batch BP and what a learner does to it."""

    def __init__(self, settings: Settings | None = None) -> None:
        self._listeners: list[Listener] = []
        self._speed = 0
        self._selected = -1
        self._running = False
        # Phase stepping: the index of the phase shown within the iteration the
        # phases walk through (None: whole iterations), and that iteration's record.
        self._per_output = False
        self._phase: int | None = None
        self._phase_record: IterationRecord | None = None
        self._phase_views: list[PhaseView] = []
        # Hand edits, newest last: (iteration, index, old value).
        self._edits: list[tuple[int, int, float]] = []
        # Bumped by every change a computed result could depend on.
        self._state_version = 0
        self._structure_version = 0
        self._check: tuple[int, jobs.GradientCheck] | None = None
        self._adopt(_make_trainer(settings or Settings()))

    # ---- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: str, value: Any = None) -> None:
        if event in ("state", "history", "settings"):
            self._state_version += 1
        elif event == "structure":
            self._structure_version += 1
            self._state_version += 1
        if event == "job" and not self._listeners:
            jobs.run(value)  # nobody to hand it to: do it here
            return
        for listener in list(self._listeners):
            listener(event, value)

    def _say(self, level: str, template: str, *args: Any) -> None:
        self._emit("message", Message(level, template, args))

    def _refuse(self, exc: BaseException) -> None:
        self._emit("message", Message.error(exc))

    def _emit_all(self) -> None:
        for event in ("structure", "settings", "history", "state"):
            self._emit(event)
        self._emit("selection", self._selected)

    # ---- what the views read ----------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def dataset(self) -> Dataset:
        """The whole data set (before any train/test split)."""
        return self._dataset

    @property
    def train_set(self) -> Dataset:
        return self._trainer.train_set

    @property
    def network(self) -> Network:
        return self._trainer.network

    @property
    def initial_network(self) -> Network:
        return self._trainer.initial_network

    @property
    def iteration(self) -> int:
        return self._trainer.iteration

    @property
    def end(self) -> int:
        """The last iteration computed (greater than t after stepping back)."""
        return self._trainer.end

    @property
    def record(self) -> IterationRecord | None:
        """The record of iteration t (None at t = 0)."""
        return self._trainer.last_record

    @property
    def state_version(self) -> int:
        return self._state_version

    def display_record(self) -> IterationRecord:
        """What the views show: the iteration the phases walk through, else the record of
        iteration t, or at t = 0 (or after an edit) a preview of the next iteration."""
        if self._phase is not None and self._phase_record is not None:
            return self._phase_record
        record = self._trainer.last_record
        if record is None or not self.shows_current_parameters(record):
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
    def phase_plan(self) -> tuple[PhaseView, ...]:
        """Every phase of one iteration, in order (its length depends on the network and on per_output)."""
        return tuple(self._phase_views)

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

    def history(self) -> History:
        """The error history so far, for the error curve."""
        return History.of(self._trainer)

    def status(self) -> dict[str, Any]:
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

    # ---- derived views -----------------------------------------------------------------
    def derivation(self, index: int | None = None) -> tuple[Derivation, bool] | None:
        """The chain rule for parameter ``index`` (default: the selection) in the iteration shown,
        and whether its gradient is known yet in the phase shown; None without a parameter."""
        index = self._selected if index is None else index
        if not 0 <= index < self.network.n_parameters:
            return None
        record = self.display_record()
        phase = self.phase_view
        known = phase is None or bool(phase.gradient_known[index])
        return derive(record, index, self.network.activations, self.network.loss), known

    @property
    def gradient_check(self) -> jobs.GradientCheck | None:
        """The last gradient check, if it was made for the iteration shown now."""
        if self._check is not None and self._check[0] == self._state_version:
            return self._check[1]
        return None

    def request_gradient_check(self, indices: Sequence[int] | None = None) -> None:
        """Check the gradients of the iteration shown (a job); announced as "check" when done."""
        self._emit("job", self.gradient_check_job(indices))

    def _set_check(self, check: jobs.GradientCheck) -> None:
        self._check = (self._state_version, check)
        self._emit("check", check)

    def request_comparison(self, epochs: int | None = None) -> None:
        """Exercise 5.5 (a job); announced as "comparison" with the runs when done."""
        self._emit("job", self.comparison_job(epochs))

    def gradient_check_job(self, indices: Sequence[int] | None = None) -> Job:
        """Finite-difference estimates for the iteration shown: the first parameters (up to
        :data:`jobs.MAX_CHECKED`), the selection, and in a phase only what it has computed."""
        record = self.display_record()
        n = record.flat_values.shape[0]
        if indices is None:
            chosen = list(range(min(n, jobs.MAX_CHECKED)))
            if self._selected >= jobs.MAX_CHECKED:
                chosen.append(self._selected)
        else:
            chosen = [int(i) for i in indices]
        phase = self.phase_view
        if phase is not None:
            chosen = [i for i in chosen if phase.gradient_known[i]]
        version = self._state_version
        return jobs.gradient_check(record, self.network.with_flat(record.flat_values), chosen,
                                   valid=lambda: self._state_version == version, finish=self._set_check)

    def comparison_job(self, epochs: int | None = None) -> Job:
        """Exercise 5.5 for the current data and network: standard and accumulated BP from the same start."""
        s = self._settings
        version = self._structure_version
        return jobs.compare_modes(self.train_set, self.initial_network, epochs=epochs or s.max_epochs or 300,
                                  seed=s.seed, learning_rate=s.learning_rate,
                                  valid=lambda: self._structure_version == version,
                                  finish=lambda runs: self._emit("comparison", runs))

    # ---- building ----------------------------------------------------------------------
    def _adopt(self, built: Built) -> None:
        self._dataset, self._trainer, self._settings = built.dataset, built.trainer, built.settings
        self._phase = None
        self._edits = []
        self._phase_views = phase_views(self.network.layer_sizes, per_output=self._per_output)
        if self._selected >= self.network.n_parameters:
            self._selected = -1

    def _rebuild(self, settings: Settings, on_done: Callable[[], None]) -> bool:
        """Build for ``settings`` now, or (when slow) in a job; ``on_done`` runs once adopted.

        Raises BpguiError (nothing changed) when the quick path finds bad input; the job
        reports its own errors as messages.
        """
        if not _large_file(settings.data):
            data = load_dataset(settings.data, seed=settings.seed)
            if check_size((data.n_inputs, *settings.hidden, data.n_outputs)) <= HEAVY_PARAMETERS:
                self._adopt(_make_trainer(settings, data=data))
                on_done()
                return True
        version = self._structure_version, self._state_version

        def finish(built: Built) -> None:
            self._adopt(built)
            on_done()

        def fail(exc: BaseException) -> None:
            self._refuse(exc)
            self._emit("settings")  # the panel falls back to the settings in force

        self._emit("job", Job(
            title=Message("info", QT_TRANSLATE_NOOP("TrainingController", "Building the network…")),
            work=lambda progress: _make_trainer(settings),
            finish=finish,
            valid=lambda: (self._structure_version, self._state_version) == version,
            quick=False,
            fail=fail,
        ))
        return True

    # ---- settings -----------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> bool:
        """Apply new settings; structural changes rebuild the network (with a message).

        Returns False, with an error message and nothing changed, if they are invalid.
        """
        old = self._settings
        if new == old:
            return True
        structural = structural_changes(old, new)
        try:
            if structural:
                self.pause()

                def rebuilt() -> None:
                    self._say("info", QT_TRANSLATE_NOOP(
                        "TrainingController",
                        "The network was re-initialised (iteration 0) because these settings changed: %1"),
                        [Message("info", STRUCTURAL_NAMES[n]) for n in structural])
                    self._emit_all()

                return self._rebuild(new, rebuilt)
            config = TrainingConfig(mode=new.mode, learning_rate=new.learning_rate,
                                    batch_size=new.batch_size, shuffle=new.shuffle)
            stop = StopConditions(target_error=new.target_error, max_epochs=new.max_epochs)
        except BpguiError as exc:
            self._refuse(exc)
            self._emit("settings")  # views fall back to the settings in force
            return False
        trainer = self._trainer
        if config != trainer.config:
            self._phase = None  # the iteration half shown was computed with the old settings
            t, end = trainer.iteration, trainer.end
            new_epoch = config.mode != trainer.config.mode and trainer.state.cursor != 0
            trainer.set_config(mode=config.mode, learning_rate=config.learning_rate,
                               batch_size=config.batch_size, shuffle=config.shuffle)
            if end > t:
                self._say("info", QT_TRANSLATE_NOOP(
                    "TrainingController", "Iterations %1 to %2 were discarded: training continues "
                                          "from t = %3 with the new settings."), t + 1, end, t)
            elif new_epoch:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController",
                                                    "The new mode starts a new epoch at t = %1."), t)
            self._emit("history")
        trainer.set_stop(stop)
        self._settings = new
        self._emit("settings")
        self._emit("state")
        return True

    def update_settings(self, **changes: Any) -> bool:
        try:
            new = replace(self._settings, **changes)
        except TypeError as exc:
            self._refuse(ConfigError(str(exc)))
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
            return self._rebuild(settings, self._emit_all)
        except BpguiError as exc:
            self._refuse(exc)
            return False

    def set_learning_rate(self, eta: float) -> bool:
        """η applies from the next iteration on."""
        return self.update_settings(learning_rate=eta)

    # ---- stepping ------------------------------------------------------------------------
    def _on_diverged(self, exc: DivergenceError) -> None:
        self.pause()
        self._say("error", QT_TRANSLATE_NOOP("TrainingController", "Training diverged and was paused; the last "
                                                                   "finite iteration is kept. %1"), exc)
        self._emit("history")
        self._emit("state")

    def _guarded(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DivergenceError as exc:
            self._on_diverged(exc)
            return False
        except BpguiError as exc:
            self._refuse(exc)
            return False
        return True

    def _after_steps(self) -> None:
        self._emit("history")
        self._emit("state")

    def step(self) -> None:
        """One iteration: one sample (standard), one pass (accumulated) or one batch.

        In the middle of an iteration's phases, Step finishes that iteration.
        """
        applied = self._phase_is_update()
        self._phase = None
        if applied:
            self._emit("state")  # the iteration was applied by its update phase
            return
        if self._guarded(self._trainer.step):
            self._after_steps()

    def step_epoch(self) -> None:
        self._phase = None
        if self._guarded(self._trainer.step_epoch):
            self._after_steps()

    def step_back(self) -> None:
        if self._phase is not None and not self._phase_is_update():
            self._phase = None  # back to iteration t, whole
            self._emit("state")
            return
        self._phase = None
        if self._trainer.iteration == 0:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Already at iteration 0."))
            return
        self.pause()
        if self._guarded(self._trainer.step_back):
            self._emit("state")

    def goto(self, t: int) -> None:
        self.pause()
        self._phase = None
        if self._guarded(lambda: self._trainer.goto(t)):
            self._emit("state")

    def reset(self) -> None:
        """Back to iteration 0 with the network drawn from the seed (history forgotten)."""
        self.pause()
        self._phase = None
        self._trainer.reset()
        self._emit("history")
        self._emit("state")

    def fast_forward(self, steps: int) -> None:
        """``steps`` iterations at once, ignoring the stop conditions, keeping the last record
        (the screenshot command)."""
        self._phase = None
        if self._guarded(lambda: self._trainer.advance(steps, use_stop_conditions=False)):
            self._trainer.goto(self._trainer.iteration)
        self._after_steps()

    # ---- phases ----------------------------------------------------------------------------
    def _phase_is_update(self) -> bool:
        return self._phase is not None and self._phase == len(self._phase_views) - 1

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
        self._emit("state")

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
            self._emit("history")
        else:
            self._phase += 1
        self._emit("state")

    def step_phase_back(self) -> None:
        """The previous phase, inside an iteration or back into the one before."""
        self.pause()
        last = len(self._phase_views) - 1
        trainer = self._trainer
        if self._phase is None:
            if trainer.iteration == 0:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Already at iteration 0."))
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
        self._emit("state")

    # ---- running --------------------------------------------------------------------------------
    def set_speed(self, iterations_per_second: int) -> None:
        self._speed = max(0, int(iterations_per_second))

    def stop_text(self, reason: str) -> Message:
        if reason == "target_error":
            return Message("info", QT_TRANSLATE_NOOP("TrainingController",
                                                     "Stopped: the error E reached the target %1."),
                           (f"{self._settings.target_error:g}",))
        return Message("info", QT_TRANSLATE_NOOP("TrainingController",
                                                 "Stopped: the maximum number of epochs (%1) is reached."),
                       (self._settings.max_epochs,))

    def set_running(self, running: bool) -> None:
        running = bool(running)
        if running == self._running:
            return
        reason = self._trainer.stop_reason()
        if running and reason is not None:
            self._emit("message", self.stop_text(reason))
            self._emit("running", False)
            return
        self._running = running
        if running:
            self._phase = None
        self._emit("running", running)

    def toggle_running(self) -> None:
        self.set_running(not self._running)

    def pause(self) -> None:
        self.set_running(False)

    def run_slice(self) -> int:
        """One tick of Run: as many iterations as the speed asks for, or as fit in a share of a
        frame at full speed. Stops Run (with the reason) at a stop condition. Returns the count."""
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
                done_total, reason = trainer.advance(n or 1)
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
            return done_total
        if reason is not None:
            self.pause()
            self._emit("message", self.stop_text(reason))
        self._after_steps()
        return done_total

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
            self._refuse(ConfigError(QT_TRANSLATE_NOOP("Errors", "There is no parameter number {index}."),
                                     index=index))
            return False
        spec = specs[index]
        if self._phase is not None and not self._phase_is_update():
            self._say("error", QT_TRANSLATE_NOOP("TrainingController",
                                                 "Finish or leave the iteration's phases before editing %1."),
                      spec.name)
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
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "%1 set to %2; iterations %3 to %4 were "
                                                                      "discarded."),
                      spec.name, f"{value:g}", t + 1, end)
        else:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "%1 set to %2."), spec.name, f"{value:g}")
        self._after_steps()
        return True

    def undo_edit(self) -> bool:
        """Undo the last edit made at the current iteration."""
        if not self.can_undo_edit:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "There is no edit at this iteration to undo."))
            return False
        _, index, old = self._edits.pop()
        spec = self.display_record().specs[index]
        self._trainer.set_parameter(spec.layer, spec.kind, spec.source, spec.target, old)
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Edit undone: %1 is %2 again."),
                  spec.name, f"{old:g}")
        self._after_steps()
        return True

    def select_parameter(self, index: int) -> None:
        index = int(index)
        if not -1 <= index < self.network.n_parameters:
            index = -1
        if index != self._selected:
            self._selected = index
            self._emit("selection", index)

    # ---- files ---------------------------------------------------------------------------------
    def open_network(self, path: str) -> bool:
        """Load a network file for the current data set; refused (unchanged) if it does not fit."""
        try:
            loaded = load_network(path)
            net = loaded.network
            data = self._trainer.train_set
            if net.layer_sizes[0] != data.n_inputs or net.layer_sizes[-1] != data.n_outputs:
                raise ConfigError(
                    QT_TRANSLATE_NOOP("Errors", "{file} is a {shape} network, but the data set {data} has "
                                                "{inputs} input(s) and {outputs} output(s)"),
                    file=path, shape="-".join(map(str, net.layer_sizes)), data=data.name,
                    inputs=data.n_inputs, outputs=data.n_outputs,
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
            self._adopt(_make_trainer(settings, network=net))
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self._emit_all()
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Opened %1: a %2 network, at iteration 0."),
                  path, "-".join(map(str, net.layer_sizes)))
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
