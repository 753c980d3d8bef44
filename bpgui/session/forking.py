"""Forks of a run, side by side (issue 14): the same state, one or more settings changed, compared.

"Fork here" at iteration t starts a second run from exactly the state shown (its history up to t is the
original's, bitwise: the trainer is copied, and a changed η, mode, batch size or shuffle applies from t on, as
a change mid-run does). A change of the activation or the loss is structural: such a fork starts at t = 0
from the same initial weights. Up to :data:`MAX_RUNS` runs live in the session, each named and coloured;
one is *shown* (the session's trainer, settings, setting marks and undo list are that run's), the others
are parked in :class:`RunSlot`s, and showing another swaps them. Step, step back, edits and Run act on the
run shown, so step back works in each.

The comparison: every run's epoch curve (``run_curves``: E per finished epoch, by iteration and by epoch),
which run first reached the target error and when (``target_line``), and the per-parameter difference
between two runs at the same iteration (``request_difference``: replayed from each run's checkpoints; in
the worker when the replay is long). ``train_runs`` trains every run to the same epoch (or to its target)
as one job in the worker: exercise 5.5's standard-against-accumulated comparison is such a case
(``compare_modes_as_runs``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..model.errors import BpguiError, ConfigError, DivergenceError
from ..model.network import Network
from ..model.training import StopConditions, Trainer, TrainingConfig
from .core import SessionCore, make_trainer
from .jobs import Job, Progress
from .messages import QT_TRANSLATE_NOOP, Message
from .running import GUESS_OVERHEAD, GUESS_SECONDS_PER_WORK
from .settings import (
    STRUCTURAL_NAMES,
    Settings,
    change_labels,
    check_settings,
    fork_differs,
    network_for_settings,
    structural_changes,
)

__all__ = ["FORK_STRUCTURAL", "MAX_RUNS", "Forking", "RunCurve", "RunDifference", "RunSlot"]

MAX_RUNS = 4
NAMES = "ABCD"
#: The structural settings a fork may change: the parameters keep their shape, so the initial weights stay.
FORK_STRUCTURAL = ("activation", "loss")
COMPARE_EPOCHS = 300  # exercise 5.5's default length, as the old comparison dialog's
QUICK_SECONDS = 0.03  # training or a replay expected to take longer goes to the worker, never the window's thread


@dataclass
class RunSlot:
    """One run of the session: while shown, its live state is the session's and these fields are stale."""

    name: str
    colour: int  # 0..MAX_RUNS-1: the views' palette index
    trainer: Trainer
    changes: list[tuple[int, Message]]
    edits: list[Any]
    settings: Settings
    origin: tuple[str, int] | None  # forked from (that run's name, at iteration t); None: the first run
    differs: tuple[Message, ...] = ()  # what the fork changed from that run (empty: a copy, or the first run)


@dataclass(frozen=True)
class RunCurve:
    """What the views draw and say of one run."""

    index: int
    name: str
    colour: int
    shown: bool
    iterations: np.ndarray  # E after each finished epoch: at these iterations…
    epochs: np.ndarray  # …after these many epochs
    errors: np.ndarray
    t: int
    end: int
    settings: Settings
    origin: tuple[str, int] | None
    reached: tuple[int, int] | None  # (iteration, epoch) of the first epoch row with E ≤ the target error
    differs: tuple[Message, ...] = ()  # what the fork changed from the run it was forked from


@dataclass(frozen=True)
class RunDifference:
    """Two runs' parameters after the same iteration t: ``difference = values_b − values_a``."""

    t: int
    a: int
    b: int
    values_a: np.ndarray
    values_b: np.ndarray

    @property
    def difference(self) -> np.ndarray:
        return self.values_b - self.values_a


def _per_epoch(trainer: Trainer) -> int:
    """Iterations in one epoch of the trainer's mode."""
    return -(-trainer.train_set.n_samples // trainer.config.batch_for(trainer.train_set.n_samples))


def _seconds(trainer: Trainer, iterations: int) -> float:
    """About how long ``iterations`` of the trainer take (the Run pace's pessimistic first guess)."""
    return iterations * (GUESS_OVERHEAD + GUESS_SECONDS_PER_WORK * trainer.work_per_iteration())


def _values_at(trainers: tuple[Trainer, Trainer], t: int, *, progress: Progress) -> tuple[np.ndarray, np.ndarray]:
    """The two runs' parameters after iteration t (a job's task: the trainers are copies)."""
    progress(0, 2)
    a = trainers[0].parameters_at(t)
    progress(1, 2)
    b = trainers[1].parameters_at(t)
    progress(2, 2)
    return a, b


def _train(trainers: list[Trainer], epochs: int, stop_at_target: bool, *,
           progress: Progress) -> tuple[list[Trainer], list[int]]:
    """Each run from its newest iteration until ``epochs`` epochs are finished (or, with ``stop_at_target``,
    its stop conditions hold); a job's task: the trainers are copies, returned trained, with the positions of
    those that diverged (each stopped at its last finite iteration)."""
    from .running import leave_a_core_to_the_window

    leave_a_core_to_the_window()  # the window's BLAS threads: a product's rounding depends on them
    done_epochs, want = 0, max(1, len(trainers) * epochs)
    diverged = []
    for k, trainer in enumerate(trainers):
        if trainer.iteration < trainer.end:
            trainer.goto(trainer.end)
        while trainer.state.epoch < epochs:
            n = trainer.iterations_left_in_epoch()
            try:
                _, reason = trainer.advance(n, use_stop_conditions=stop_at_target)
            except DivergenceError:
                diverged.append(k)
                break
            done_epochs += 1
            progress(min(done_epochs, want), want)
            if reason is not None:
                break
    return trainers, diverged


class Forking(SessionCore):
    """See the module (a mixin of the session)."""

    _runs: list[RunSlot]
    _shown_run: int
    _runs_version: int
    # The real run kept aside while a bug is planted (practising.py); a hunt's planted run is no run of the list.
    _kept: tuple[Trainer, list[Any], list[Any], Settings] | None = None

    def _init_runs(self) -> None:
        self._runs, self._shown_run, self._runs_version = [], 0, 0

    # ---- the runs ------------------------------------------------------------------------------
    @property
    def run_count(self) -> int:
        """How many runs the session holds (1 until a fork)."""
        return max(1, len(self._runs))

    @property
    def shown_run(self) -> int:
        return self._shown_run if self._runs else 0

    def _park(self) -> None:
        """Write the shown run's live state into its slot (during a bug hunt: the real run kept aside)."""
        if self._runs:
            slot = self._runs[self._shown_run]
            kept = self._kept
            slot.trainer, slot.changes, slot.edits, slot.settings = kept if kept is not None else (
                self._trainer, self._changes, self._edits, self._settings)

    def _unpark(self, index: int) -> None:
        slot = self._runs[index]
        self._shown_run = index
        self._trainer, self._changes, self._edits, self._settings = (slot.trainer, slot.changes, slot.edits,
                                                                      slot.settings)
        self._phase = None
        self._state_version += 1
        self._runs_version += 1

    def _slots(self) -> list[RunSlot]:
        """Every run with its state now (the shown one parked first)."""
        if not self._runs:
            return [RunSlot(NAMES[0], 0, self._trainer, self._changes, self._edits, self._settings, None)]
        self._park()
        return self._runs

    def _announce_runs(self, settings_changed: bool) -> None:
        self._emit("history")
        self._emit("state")
        if settings_changed:
            self._emit("settings")
        self._emit("runs", self.run_count)

    def _runs_refused(self, template: str, *args: Any) -> bool:
        self._say("error", template, *args)
        return False

    def fork_here(self, settings: Settings | None = None, name: str | None = None, at_start: bool = False) -> bool:
        """A new run from the state shown with ``settings`` (default: the same); shown at once. A change of
        activation or loss (or ``at_start``) forks from t = 0 with the same initial weights. False (and a
        message) if refused (a refusal changes nothing, Run included)."""
        if self._kept is not None:
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "Remove the planted bug before "
                                                                              "forking the run."))
        if self.run_count >= MAX_RUNS:
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "At most %1 runs side by side: close "
                                                                              "one first."), MAX_RUNS)
        old = self._settings
        try:
            new = check_settings(settings if settings is not None else old)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        structural = structural_changes(old, new)
        fixed = [n for n in structural if n not in FORK_STRUCTURAL]
        if fixed:
            return self._runs_refused(QT_TRANSLATE_NOOP(
                "TrainingController", "A fork keeps the data and the initial weights, so it cannot change: %1. "
                                      "Change it in the settings for a new run instead."),
                [Message("info", STRUCTURAL_NAMES[n]) for n in fixed])
        # Made before Run pauses: a setting only the trainer refuses (batch size 0, say) changes nothing.
        trainer, t = self._trainer, self._trainer.iteration
        try:
            if structural or at_start:
                fresh = network_for_settings(trainer.train_set, new)
                first = trainer.checkpoint_zero.network
                network = Network(first.layer_sizes, fresh.activations, first.flat.copy(), fresh.loss)
                forked = make_trainer(new, network=network, data=self._dataset).trainer
                changes: list[tuple[int, Message]] = []
                origin_t = 0
            else:
                forked = copy.deepcopy(trainer)
                config = TrainingConfig(mode=new.mode, learning_rate=new.learning_rate, batch_size=new.batch_size,
                                        shuffle=new.shuffle)
                if config != forked.config:
                    forked.set_config(mode=config.mode, learning_rate=config.learning_rate,
                                      batch_size=config.batch_size, shuffle=config.shuffle)
                elif forked.end > t:
                    forked.drop_future()
                forked.set_stop(StopConditions(target_error=new.target_error, max_epochs=new.max_epochs))
                changes = [c for c in self._changes if c[0] <= t] + [(t, m) for m in change_labels(old, new)]
                origin_t = t
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self.pause()  # from here on it is done: the run forked is the one paused
        slots = self._slots()
        if not self._runs:
            self._runs = slots
            self._shown_run = 0
        used_names = {s.name for s in self._runs}
        used_colours = {s.colour for s in self._runs}
        label = (name or "").strip() or next(n for n in NAMES if n not in used_names)
        colour = next(c for c in range(MAX_RUNS) if c not in used_colours)
        parent = self._runs[self._shown_run].name
        self._runs.append(RunSlot(label, colour, forked, changes, [], new, (parent, origin_t), fork_differs(old, new)))
        self._unpark(len(self._runs) - 1)
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Run %1 forked from run %2 at t = %3."), label,
                  parent, origin_t)
        self._announce_runs(new != old)
        return True

    def show_run(self, index: int) -> bool:
        """Show run ``index`` (its own t, settings and undo list); False if there is no such run."""
        if not self._runs or not 0 <= index < len(self._runs):
            return False
        if index == self._shown_run:
            return True
        if self._kept is not None:
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "Remove the planted bug before "
                                                                              "showing another run."))
        self.pause()
        before = self._settings
        self._park()
        self._unpark(index)
        self._announce_runs(self._settings != before)
        return True

    def close_run(self, index: int) -> bool:
        """Close run ``index`` (not the last one left); the shown run moves to a neighbour if it was this one."""
        if len(self._runs) < 2 or not 0 <= index < len(self._runs):
            return False
        if self._kept is not None and index == self._shown_run:
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "Remove the planted bug before "
                                                                              "closing this run."))
        self.pause()
        before = self._settings
        self._park()
        shown = self._runs[self._shown_run]
        del self._runs[index]
        if shown not in self._runs:
            self._unpark(min(index, len(self._runs) - 1))
        else:
            self._shown_run = self._runs.index(shown)
            self._runs_version += 1
        if len(self._runs) == 1:
            self._runs = []
        self._announce_runs(self._settings != before)
        return True

    def rename_run(self, index: int, name: str) -> bool:
        name = name.strip()
        if not self._runs or not 0 <= index < len(self._runs) or not name:
            return False
        if any(s.name == name for i, s in enumerate(self._runs) if i != index):
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "There is already a run named %1."),
                                      name)
        self._runs[index].name = name
        self._runs_version += 1
        self._emit("runs", self.run_count)
        return True

    def _forget_runs(self) -> None:
        """A new run replaced the session's (new data, an example, a file): the forks go with the old one."""
        if self._runs:
            names = ", ".join(s.name for i, s in enumerate(self._runs) if i != self._shown_run)
            self._runs, self._shown_run = [], 0
            self._runs_version += 1
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "The other runs (%1) were closed: they "
                                                                      "belonged to the network replaced."), names)
            self._emit("runs", 1)

    def _adopt_runs(self, entries: tuple[Any, ...], trainers: list[Trainer]) -> None:
        """A session file's runs side by side (``session_format.RunEntry``; the shown one is the run just
        adopted), with the other runs' replayed ``trainers`` in order."""
        if not entries:
            return
        others = iter(trainers)
        slots = []
        for i, entry in enumerate(entries):
            if entry.settings is None:
                self._shown_run = i
                slots.append(RunSlot(entry.name, entry.colour, self._trainer, self._changes, self._edits,
                                     self._settings, entry.origin, entry.differs))
            else:
                slots.append(RunSlot(entry.name, entry.colour, next(others), list(entry.marks), [], entry.settings,
                                     entry.origin, entry.differs))
        self._runs = slots
        self._runs_version += 1
        self._emit("runs", len(slots))

    # ---- the comparison ------------------------------------------------------------------------
    def run_curves(self) -> list[RunCurve]:
        """Every run's E per finished epoch (by iteration and by epoch) and when it first reached its target."""
        curves = []
        for i, slot in enumerate(self._slots()):
            log = slot.trainer.epochs
            its, eps, errs = log.iteration.view().copy(), log.epoch.view().copy(), log.error.view().copy()
            target, reached = slot.settings.target_error, None
            if target is not None:
                hit = np.flatnonzero(errs <= target)
                if hit.size:
                    reached = (int(its[hit[0]]), int(eps[hit[0]]))
            curves.append(RunCurve(i, slot.name, slot.colour, i == self.shown_run, its, eps, errs,
                                   slot.trainer.iteration, slot.trainer.end, slot.settings, slot.origin, reached,
                                   slot.differs))
        return curves

    def target_line(self, by_epoch: bool = False) -> Message | None:
        """Which run reached its target error first, and when; None with a single run."""
        curves = self.run_curves()
        if len(curves) < 2 or all(c.settings.target_error is None for c in curves):
            return None  # one run, or no target error to reach
        done = [c for c in curves if c.reached is not None]
        if not done:
            return Message("info", QT_TRANSLATE_NOOP("TrainingController", "No run has reached its target error "
                                                                           "yet."))
        key = 1 if by_epoch else 0
        first = min(done, key=lambda c: (c.reached[key], c.index) if c.reached else (0, 0))
        assert first.reached is not None
        others = [Message("info", QT_TRANSLATE_NOOP("TrainingController", "%1 at t = %2 (epoch %3)"),
                          (c.name, c.reached[0], c.reached[1])) if c.reached is not None else
                  Message("info", QT_TRANSLATE_NOOP("TrainingController", "%1 not yet"), (c.name,))
                  for c in curves if c is not first]
        return Message("info", QT_TRANSLATE_NOOP("TrainingController", "%1 reached the target error first: at "
                                                                       "t = %2 (epoch %3); %4."),
                       (first.name, first.reached[0], first.reached[1], others))

    def request_difference(self, a: int, b: int, t: int | None = None) -> RunDifference | None:
        """The two runs' parameters after iteration t (default: the shown run's t), announced as
        "difference". Computed here when the replays are short, else as a job (then None is returned)."""
        slots = self._slots()
        if not (0 <= a < len(slots) and 0 <= b < len(slots)):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "there is no run {index}"), index=b if 0 <= a < len(slots)
                              else a)
        t = self._trainer.iteration if t is None else t
        ends = min(slots[a].trainer.end, slots[b].trainer.end)
        if not 0 <= t <= ends:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "iteration {t} is not computed in both runs (0 to {end})"),
                              t=t, end=ends)
        pair = (slots[a].trainer, slots[b].trainer)
        seconds = sum(_seconds(tr, tr.replay_cost(t)) for tr in pair)
        version = (self._runs_version, self._state_version)

        def finish(values: tuple[np.ndarray, np.ndarray]) -> None:
            self._emit("difference", RunDifference(t, a, b, *values))

        if seconds < QUICK_SECONDS:  # a few ms: here; longer replays in the worker
            result = RunDifference(t, a, b, pair[0].parameters_at(t), pair[1].parameters_at(t))
            self._emit("difference", result)
            return result
        self._emit("job", Job(kind="difference", title=Message("info", QT_TRANSLATE_NOOP(
            "TrainingController", "Comparing the runs' parameters…")), task=_values_at,
            args=(tuple(copy.deepcopy(tr) for tr in pair), t), finish=finish,
            valid=lambda: (self._runs_version, self._state_version) == version, quick=False, fail=self._refuse))
        return None

    def train_runs(self, epochs: int, stop_at_target: bool = True, which: list[int] | None = None) -> None:
        """Train every run (or those ``which``) from its newest iteration to ``epochs`` finished epochs (or its
        target) as one job; when done, each stands at its newest iteration and "runs" is announced. Refused
        during a bug hunt (the run shown is then the planted one, not a run of the list)."""
        if self._kept is not None:
            self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "Remove the planted bug before training "
                                                                       "the runs side by side."))
            return
        slots = self._slots()
        chosen = list(range(len(slots))) if which is None else [i for i in which if 0 <= i < len(slots)]
        if all(slots[i].trainer.state.epoch >= epochs and slots[i].trainer.iteration == slots[i].trainer.end
               for i in chosen):
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Every run has finished epoch %1 already: "
                                                                      "nothing to train."), epochs)
            return
        self.pause()
        trainers = [copy.deepcopy(slots[i].trainer) for i in chosen]
        version = (self._runs_version, self._state_version)
        seconds = sum(_seconds(tr, max(0, epochs - tr.state.epoch) * _per_epoch(tr) + tr.end - tr.iteration)
                      for tr in trainers)

        def finish(result: tuple[list[Trainer], list[int]]) -> None:
            trained, diverged = result
            before = self._settings
            if self._runs:
                for i, trainer in zip(chosen, trained, strict=True):
                    self._runs[i].trainer = trainer
                self._unpark(self._shown_run)
            else:
                self._trainer = trained[0]
                self._state_version += 1
            self._announce_runs(self._settings != before)
            for k in diverged:
                self._say("error", QT_TRANSLATE_NOOP(
                    "TrainingController", "Run %1 diverged at iteration %2 (the error or a parameter became "
                                          "infinite): it stopped at t = %3, the last finite iteration."),
                    slots[chosen[k]].name, trained[k].iteration + 1, trained[k].iteration)

        self._emit("job", Job(kind="runs", title=Message("info", QT_TRANSLATE_NOOP(
            "TrainingController", "Training the runs side by side…")), task=_train,
            args=(trainers, epochs, stop_at_target), finish=finish,
            valid=lambda: (self._runs_version, self._state_version) == version, quick=seconds < QUICK_SECONDS,
            fail=self._refuse,  # a run that diverges (a weight of 1e308) is refused with the model's message
            dropped=lambda: self._say("info", QT_TRANSLATE_NOOP(
                "TrainingController", "Training the runs side by side was stopped or left (a run moved "
                                      "meanwhile): nothing changed."))))

    def compare_modes_as_runs(self, epochs: int | None = None, names: dict[str, str] | None = None) -> bool:
        """Exercise 5.5 as runs: standard and accumulated BP from iteration 0's weights, trained to the same
        epoch side by side (two forks of the run shown, from t = 0); ``names``: each mode's run's name (the
        learner's language; default the mode's key)."""
        s = self._settings
        epochs = epochs or s.max_epochs or COMPARE_EPOCHS
        if self._kept is not None:
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "Remove the planted bug before "
                                                                              "forking the run."))
        fresh = self._trainer.end == 0 and s.mode in ("standard", "accumulated") and not self._edits
        if self.run_count + (1 if fresh else 2) > MAX_RUNS:
            return self._runs_refused(QT_TRANSLATE_NOOP("TrainingController", "At most %1 runs side by side: close "
                                                                              "one first."), MAX_RUNS)
        origin, forks = self.shown_run, []
        if fresh:  # an example just loaded: its own run is the one of its mode (no copy of it beside)
            if not self._runs:
                self._runs = self._slots()
            self._runs[origin].name = self._free_name((names or {}).get(s.mode) or s.mode, but=origin)
            forks.append(origin)
        for mode in ("accumulated", "standard"):
            if fresh and mode == s.mode:
                continue
            self.show_run(origin)
            name = self._free_name((names or {}).get(mode) or mode)
            if not self.fork_here(replace(s, mode=mode), name=name, at_start=True):
                return False
            forks.append(self.shown_run)
        if fresh:
            self.show_run(origin)  # the example's own run stays the one shown
        self.train_runs(epochs, stop_at_target=False, which=forks)
        return True

    def _free_name(self, base: str, but: int = -1) -> str:
        names = {s.name for i, s in enumerate(self._runs) if i != but}
        if base not in names:
            return base
        return next(f"{base} {k}" for k in range(2, MAX_RUNS + 2) if f"{base} {k}" not in names)

