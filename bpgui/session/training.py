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
``"runs"``         count    runs side by side changed: a fork, another shown, closed, renamed, trained
``"difference"``   diff     two runs' parameters at the same t are ready (``forking.RunDifference``)
``"surface"``      view     an error surface asked for is ready (``exploring.SurfaceView``)
``"cancel"``       kind     jobs of this kind are no longer wanted (e.g. a build after a newer choice)
=================  =======  ================================================

Slow work (training runs side by side, a gradient check of a large network, building
a large network or reading a large CSV file) is handed out as a
:class:`~bpgui.session.jobs.Job`; whoever listens runs it where it likes (the
controller: a worker process) and the session adopts the result only if the
state it was computed for is still the one shown.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..model.errors import BpguiError, ConfigError
from ..model.naming import parameter_spec
from ..model.phases import phase_views
from ..model.training import StopConditions, TrainingConfig
from .core import HEAVY_CSV_BYTES, Built, build_in_job, large_file, make_trainer
from .data_notes import label_note, split_note
from .derived import DerivedViews
from .exploring import Exploring
from .forking import Forking
from .jobs import Job
from .messages import QT_TRANSLATE_NOOP, Message
from .phasing import PhaseSteps
from .practising import Practising
from .run_loop import RunLoop, epoch_rest_seconds
from .session_files import SessionFiles
from .settings import (
    EXAMPLES,
    STRUCTURAL_NAMES,
    Settings,
    change_labels,
    check_settings,
    check_size,
    structural_changes,
)
from .writing import Writing

__all__ = ["HEAVY_CSV_BYTES", "HEAVY_PARAMETERS", "TrainingSession"]

# Building more parameters than this is slow enough to go to a worker.
HEAVY_PARAMETERS = 200_000
INSTANT_SECONDS = 0.05  # a Step epoch expected to compute longer than this runs as Run's frames (run_to)


def _parameter_value(value: object) -> float:
    """A hand-edited weight or threshold as a float; ConfigError for anything that is not a finite number."""
    try:
        number = float(value)  # type: ignore[arg-type]  # whatever it is, float() says whether it is a number
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a parameter must be a finite number, got {got}"),
                          got=repr(value)[:60])
    return number


class TrainingSession(PhaseSteps, DerivedViews, Practising, Forking, SessionFiles, Writing, Exploring, RunLoop):
    """One run of standard / accumulated / mini-batch BP and what a learner does to it."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self._init_runs()
        self._adopt(make_trainer(settings or Settings()))

    # ---- derived views -----------------------------------------------------------------
    # ---- building ----------------------------------------------------------------------
    def _say_how_data_were_read(self, changed: list[str]) -> None:
        """After new data or a new split: how the labels were read, and a split that equals a smaller one."""
        notes = []
        data = self.dataset  # named in the learner's language
        if "data" in changed or "label_type" in changed:
            notes.append(label_note(data))
        if "test_fraction" in changed and self._settings.test_fraction:
            notes.append(split_note(data, self._settings.test_fraction))
        for note in notes:
            if note is not None:
                self._emit("message", note)

    def _new_request(self) -> None:
        """The learner chose settings, data, an example or a file: a network still being built
        for an earlier choice is no longer wanted."""
        self._requests += 1
        self._emit("cancel", "build")

    def _forget_changes_after(self, t: int) -> None:
        """The recorded future after t was dropped: so were the setting changes it held."""
        self._changes = [(at, label) for at, label in self._changes if at <= t]

    def _adopt(self, built: Built) -> None:
        self.forget_bug()  # a new run: the real one kept aside is gone with the old
        self._forget_runs()  # and so are its forks
        self._adoptions += 1
        self.session_path = self.reached_path = None  # Save would write another run over the file last saved
        self.network_path = None  # (open_network sets it once it has adopted the file's network)
        self._dataset, self._trainer, self._settings = built.dataset, built.trainer, built.settings
        self._data_source = built.source
        self._changes = []
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
        data, source = self._read_data(settings, large_file(settings.data))  # (a large file: read in the job)
        if data is not None and check_size((data.n_inputs, *settings.hidden, data.n_outputs)) <= HEAVY_PARAMETERS:
            built = make_trainer(settings, data=data, source=source)
            self.pause()  # only now: a refused choice leaves Run as it was
            self._adopt(built)
            on_done()
            return True
        self.pause()
        request = self._requests

        def finish(built: Built) -> None:
            self.pause()  # Run may have been started on the old network meanwhile
            self._adopt(built)
            on_done()

        def fail(exc: BaseException) -> None:
            self._refuse(exc)
            self._emit("settings")  # the panel falls back to the settings in force

        def dropped() -> None:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Building the network was stopped; "
                                                                      "the settings in force are shown again."))
            self._emit("settings")

        self._emit("job", Job(
            kind="build",
            title=Message("info", QT_TRANSLATE_NOOP("TrainingController", "Building the network…")),
            task=build_in_job, args=(settings,),
            finish=finish,
            # Stepping the old network meanwhile is fine (the new one starts at t = 0);
            # any newer choice of settings, data, example or file supersedes it.
            valid=lambda: self._requests == request,
            quick=False,
            fail=fail,
            dropped=dropped,
        ))
        return True

    # ---- settings -----------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> bool:
        """Apply new settings; structural changes rebuild the network (with a message).

        Returns False, with an error message and nothing changed, if they are invalid.
        """
        self._new_request()
        old = self._settings
        if new.data != old.data and new.label_type == old.label_type:
            new = replace(new, label_type="auto")  # a choice made for one file is not carried to the next
        try:
            new = check_settings(new)
        except BpguiError as exc:
            self._refuse(exc)
            self._emit("settings")  # views fall back to the settings in force
            return False
        if new == old:
            return True
        structural = structural_changes(old, new)
        try:
            if structural:
                def rebuilt() -> None:
                    self._say("info", QT_TRANSLATE_NOOP(
                        "TrainingController",
                        "The network was re-initialised (iteration 0) because these settings changed: %1"),
                        [Message("info", STRUCTURAL_NAMES[n]) for n in structural])
                    self._emit_all()
                    self._say_how_data_were_read(structural)

                return self._rebuild(new, rebuilt)
            config = TrainingConfig(mode=new.mode, learning_rate=new.learning_rate,
                                    batch_size=new.batch_size, shuffle=new.shuffle)
            stop = StopConditions(target_error=new.target_error, max_epochs=new.max_epochs)
        except BpguiError as exc:
            self._refuse(exc)
            self._emit("settings")  # views fall back to the settings in force
            return False
        trainer = self._trainer
        chosen = config != TrainingConfig(mode=old.mode, learning_rate=old.learning_rate,
                                          batch_size=old.batch_size, shuffle=old.shuffle)
        if config != trainer.config or (chosen and trainer.end > trainer.iteration):
            self._phase = None  # the iteration half shown was computed with the old settings
            t, end = trainer.iteration, trainer.end
            new_epoch = config.mode != trainer.config.mode and trainer.state.cursor != 0
            if end > t:  # the recorded future is about to go: keep it for Undo
                self._edits.append((t, -1, old, copy.deepcopy(trainer), list(self._changes)))
            if config != trainer.config:
                trainer.set_config(mode=config.mode, learning_rate=config.learning_rate,
                                   batch_size=config.batch_size, shuffle=config.shuffle)
            else:  # the choice equals what t was computed with, but the future held another
                trainer.drop_future()
            if end > t:
                self._forget_changes_after(t)
                if end == t + 1:
                    self._say("info", QT_TRANSLATE_NOOP(
                        "TrainingController", "Iteration %1 was discarded: training continues from t = %2 with "
                                              "the new settings."), end, t)
                else:
                    self._say("info", QT_TRANSLATE_NOOP(
                        "TrainingController", "Iterations %1 to %2 were discarded: training continues "
                                              "from t = %3 with the new settings."), t + 1, end, t)
            elif new_epoch:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController",
                                                    "The new mode starts a new epoch at t = %1."), t)
            self._emit("history")
        trainer.set_stop(stop)
        self._changes.extend((trainer.iteration, label) for label in change_labels(old, new))
        if change_labels(old, new):
            self._emit("history")  # the curve marks where the change applies
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
        self._new_request()
        settings = EXAMPLES[name]
        try:  # built again even when the settings are the example's: a new run, not the one shown reset
            # (that kept a weight edited at t = 0, a planted bug and the session file Save writes)
            return self._rebuild(settings, self._emit_all)
        except BpguiError as exc:
            self._refuse(exc)
            return False

    def set_learning_rate(self, eta: float) -> bool:
        """η applies from the next iteration on."""
        return self.update_settings(learning_rate=eta)

    # ---- stepping ------------------------------------------------------------------------
    def step(self) -> None:
        """One iteration: one sample (standard), one pass (accumulated) or one batch.

        In the middle of an iteration's phases, Step finishes that iteration; after its update
        phase (the iteration already applied) Step goes on to the next one.
        """
        self._phase = None
        if self.step_heavy():
            return  # applied when computed, off the window's thread (run_loop.py)
        if self._guarded(self._trainer.step):
            self._after_steps()

    def step_epoch(self) -> None:
        """Up to the end of the epoch in progress: at once, or, when that would hold the window longer than
        ``INSTANT_SECONDS`` (784-128-10 over 500 samples: ~0.2 s; 10⁶ parameters: seconds), as a Run that
        stops there (``run_to``): the same iterations, the window drawing them, Pause stopping them."""
        self._phase = None
        trainer = self._trainer
        left = trainer.iterations_left_in_epoch()
        if left == 1:
            self.step()  # one iteration ends the epoch: a Step (off the window's thread if heavy)
            return
        if epoch_rest_seconds(trainer, self._pace) > INSTANT_SECONDS:
            self.run_to(trainer.iteration + left)
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "To the end of the epoch: %1 iterations, "
                                                                      "shown as they go (Pause stops)."), left)
            return
        if self._guarded(trainer.step_epoch):
            self._after_steps()

    def step_back(self) -> None:
        if self._phase is not None and not self._phase_is_update():
            self._phase = None  # back to iteration t, whole
            self._emit("state")
            return
        self._phase = None
        t = self.going_to()  # a step back still computing: one more goes back from where it goes
        if t == 0:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Already at iteration 0."))
            return
        self.move_to(t - 1)

    def goto(self, t: int) -> None:
        self.move_to(t)  # a refused t leaves Run and the phase shown as they were

    def reset(self) -> None:
        """Back to iteration 0's weights, with the settings in force now (history forgotten).

        The trainer's reset restores iteration 0 as it was, including the η, mode, batch size
        and shuffling it started with; the settings the panel shows now apply instead.
        """
        self.pause()
        self._phase = None
        self._trainer.reset()
        s = self._settings
        self._trainer.set_config(mode=s.mode, learning_rate=s.learning_rate, batch_size=s.batch_size,
                                 shuffle=s.shuffle)
        self._changes = []
        self._edits = []  # Undo would bring back the history Reset forgot
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Back to iteration 0's weights, with the "
                                                                  "settings shown."))
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
        record = self.display_record()
        if not 0 <= index < record.flat_values.shape[0]:
            self._refuse(ConfigError(QT_TRANSLATE_NOOP("Errors", "There is no parameter number {index}."),
                                     index=index))
            return False
        spec = parameter_spec(record.layer_sizes, index)
        if self._phase is not None and not self._phase_is_update():
            self._say("error", QT_TRANSLATE_NOOP("TrainingController",
                                                 "Finish or leave the iteration's phases before editing %1."),
                      spec.symbol.unicode)
            return False
        try:
            value = _parameter_value(value)
            old = float(self.network.flat[index])
            t, end = self._trainer.iteration, self._trainer.end
            # An edit made while stepped back drops the recorded future: keep it for Undo.
            kept = copy.deepcopy(self._trainer) if end > t else None
            changes = list(self._changes)
            self._trainer.set_parameter(spec.layer, spec.kind, spec.source, spec.target, value)
        except BpguiError as exc:
            self._refuse(exc)  # nothing changed: not even Run or the phase shown
            return False
        self.pause()
        self._phase = None
        self._edits.append((self._trainer.iteration, index, old, kept, changes))
        if end > t:
            self._forget_changes_after(t)
            # A setting changed in the future just dropped is still the one the panel shows: from here on it is
            # the one training uses (Undo brings the dropped future back as it was).
            st = self._settings
            self._trainer.set_config(mode=st.mode, learning_rate=st.learning_rate, batch_size=st.batch_size,
                                     shuffle=st.shuffle)
            if end == t + 1:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "%1 set to %2; iteration %3 was "
                                                                          "discarded."),
                          spec.symbol.unicode, f"{value:g}", end)
            else:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "%1 set to %2; iterations %3 to %4 were "
                                                                          "discarded."),
                          spec.symbol.unicode, f"{value:g}", t + 1, end)
        else:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "%1 set to %2."),
                      spec.symbol.unicode, f"{value:g}")
        self._after_steps()
        return True

    def undo_edit(self) -> bool:
        """Undo the last edit (or setting change that dropped the recorded future) made at the
        current iteration; a future it dropped comes back, exactly as it was."""
        if not self.can_undo_edit:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "There is no edit at this iteration to undo."))
            return False
        t, index, old, kept, changes = self._edits.pop()
        self.pause()
        self._phase = None
        if kept is not None:
            self._trainer = kept
            self._changes = changes
        if index < 0:  # a setting change: its future was kept, so it is back with the old settings
            self._settings = old
            self._trainer.set_stop(StopConditions(target_error=old.target_error, max_epochs=old.max_epochs))
            if t + 1 == self._trainer.end:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Setting change undone; iteration %1 is "
                                                                          "back."), t + 1)
            else:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Setting change undone; iterations %1 to "
                                                                          "%2 are back."), t + 1, self._trainer.end)
            self._emit("settings")
        else:
            spec = parameter_spec(self.display_record().layer_sizes, index)
            if kept is None:
                self._trainer.set_parameter(spec.layer, spec.kind, spec.source, spec.target, old)
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Edit undone: %1 is %2 again."),
                          spec.symbol.unicode, f"{old:g}")
            else:
                if t + 1 == self._trainer.end:
                    self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Edit undone: %1 is %2 again; "
                                                                              "iteration %3 is back."),
                              spec.symbol.unicode, f"{old:g}", t + 1)
                else:
                    self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Edit undone: %1 is %2 again; "
                                                                              "iterations %3 to %4 are back."),
                              spec.symbol.unicode, f"{old:g}", t + 1, self._trainer.end)
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
    def import_data(self, path: str) -> bool:
        """Use a CSV file as the data set (a new network sized for it)."""
        return self.update_settings(data=path)
