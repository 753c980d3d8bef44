"""The state of one training run and how it announces changes: the base of the session.

:class:`SessionCore` holds what every part of the session reads and writes
(settings, data, trainer, phase cursor, edits, selection, Run state), sends
events to the listeners and turns refusals into messages. The phases
(:mod:`.phasing`), the derived views (:mod:`.derived`) and the rest of what a
learner does (:mod:`.training`) build on it. No Qt here.
"""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model.datasets import BUILTIN_NAMES, Dataset, load_dataset, train_test_split
from ..model.errors import BpguiError, DivergenceError
from ..model.network import Network
from ..model.phases import PhaseView
from ..model.records import IterationRecord
from ..model.surface import DecisionSurface
from ..model.time_travel import GotoPlan
from ..model.training import StopConditions, Trainer, TrainingConfig, TrainingState
from .history import History, status_of
from .jobs import GradientCheck, Job, Progress
from .jobs import run as run_job
from .messages import QT_TRANSLATE_NOOP, Message
from .running import Background, Pace, leave_a_core_to_the_window
from .settings import Settings, network_for_settings

Listener = Callable[[str, Any], None]

# The language the trainer's copy of a built-in set is named in (the model's default).
DATA_LANGUAGE = "zh_CN"
# Reading a CSV file larger than this may take longer than a frame: a job.
RACY_SECONDS = 2  # a file changed this recently is read again (see data_source)
HEAVY_CSV_BYTES = 250_000  # read in a job from this size on (CSV reads at ~5 MB/s: 50 ms)


@dataclass(frozen=True)
class Built:
    """A run made ready (perhaps off the owner's thread), adopted only if nothing moved on."""

    settings: Settings
    dataset: Dataset
    trainer: Trainer
    source: tuple[object, ...] | None = None  # what the data set was read from (``data_source``), if known


def data_source(settings: Settings) -> tuple[object, ...] | None:
    """What ``load_dataset`` reads for ``settings``: the same value again, the same data set (a file: its path,
    device, inode, size and times of change, taken before it is read). None: unknown, so read again (no such
    file; or one changed within ``RACY_SECONDS``, where a same-size edit inside a coarse clock's tick would
    leave every field the same, as git's racy-clean rule has it)."""
    read_as = (settings.data, settings.seed, settings.label_type)
    if settings.data in BUILTIN_NAMES:
        return read_as
    try:
        stat = os.stat(settings.data)
    except (OSError, ValueError):
        return None
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) < RACY_SECONDS * 1_000_000_000:
        return None
    return (*read_as, stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def read_data(settings: Settings) -> tuple[Dataset, tuple[object, ...] | None]:
    """The data set ``settings`` name, read now, and what it was read from (``data_source``, taken first)."""
    source = data_source(settings)
    return load_dataset(settings.data, seed=settings.seed, label_type=settings.label_type), source


def make_trainer(settings: Settings, network: Network | None = None, data: Dataset | None = None,
                 source: tuple[object, ...] | None = None) -> Built:
    """Data, split, network and trainer for ``settings``; raises BpguiError and changes nothing. ``data`` (read
    from ``source``) is used as it is."""
    if data is None:
        data, source = read_data(settings)
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
    return Built(settings, data, trainer, source)


def build_in_job(settings: Settings, *, progress: Progress) -> Built:
    """:func:`make_trainer` as a job's task (it reports nothing until done)."""
    built = make_trainer(settings)
    progress(1, 1)
    return built


def large_file(path: str) -> bool:
    """Whether ``path`` names a data file big enough that reading it may take longer than a frame."""
    try:
        return os.path.isfile(path) and os.path.getsize(path) > HEAVY_CSV_BYTES
    except (OSError, ValueError):
        return False


class SessionCore:
    """Shared state, events and messages of a training session."""

    _settings: Settings
    _dataset: Dataset
    _trainer: Trainer
    # The preview shown at t = 0 or after an edit, with the trainer and state it is of: the views ask for the
    # record shown several times a state (a 784-1250-10 preview computed 4 times: 140 ms).
    _preview: tuple[weakref.ref[Trainer], TrainingState, IterationRecord] | None = None
    _data_source: tuple[object, ...] | None = None  # what the data set shown was read from (``data_source``)
    session_path: str | None = None  # the file Save session writes: the newest asked for (another run forgets it)
    reached_path: str | None = None  # the session file this run was last opened from or written to
    network_path: str | None = None  # the network file whose network is shown, if one was opened

    def __init__(self) -> None:
        # Before any arithmetic: the number of BLAS threads changes a big product's rounding, and a replay
        # (step back) must be bitwise the iterations first computed, wherever either was computed.
        leave_a_core_to_the_window()
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
        # What Undo can take back, newest last: (iteration, parameter index or −1 for a setting
        # change, the old value or the old Settings, the trainer as it was if the change dropped
        # its recorded future — Undo brings that future back — and the setting marks then).
        self._edits: list[tuple[int, int, Any, Any, list[tuple[int, Message]]]] = []
        # Bumped by every change a computed result could depend on.
        self._state_version = 0
        self._structure_version = 0
        self._requests = 0  # choices of settings, data, examples and files, counted
        self._adoptions = 0  # runs adopted (another network or session shown), counted
        self._written: list[str] = []  # the files written, oldest first (a path a save: a few bytes each)
        self._saves = 0  # session saves accepted (written at once or queued), counted
        self._writes = 0  # files still being written by jobs: a file saved meanwhile waits its turn behind them
        self._data_language = DATA_LANGUAGE
        self._named: tuple[tuple[str, Settings], Dataset] | None = None
        self._check: tuple[int, GradientCheck] | None = None
        # Settings changed mid-run: (the iteration t from which each applies, what changed).
        self._changes: list[tuple[int, Message]] = []
        self._surface: tuple[tuple[int, int], DecisionSurface | None] | None = None
        self._paths: tuple[tuple[int, int, int], Any] | None = None  # (state, parameter, limit), ChainPaths
        # Run's pace, and an iteration too heavy for one tick computing off this thread (running.py).
        self._pace = Pace()
        self._background: Background[Any, Any] = Background()
        self._background_step = False  # the iteration computing there is a Step's (not Run's)
        self._until: int | None = None  # Run stops at this iteration (a Step epoch too long to take at once)

    # ---- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: str, value: Any = None, *, bump: bool = True) -> None:
        """Tell the listeners; ``bump=False``: the state version was already bumped for this change."""
        if bump and event in ("state", "history", "settings"):
            self._state_version += 1
        elif bump and event == "structure":
            self._structure_version += 1
            self._state_version += 1
        if event == "job" and not self._listeners:
            run_job(value)  # nobody to hand it to: do it here
            return
        for listener in list(self._listeners):
            listener(event, value)

    def _say(self, level: str, template: str, *args: Any) -> None:
        self._emit("message", Message(level, template, args))

    def _refuse(self, exc: BaseException) -> None:
        self._emit("message", Message.error(exc))

    def _open_file(self, path: str, limit: int, title: str, read: Callable[..., Any],
                   adopt: Callable[[Any], bool]) -> bool:
        """``adopt(read(path))`` now; for a file past ``limit`` bytes, ``read`` runs as a job (``title``) and a newer
        choice of settings, data or file drops it (its refusal comes later, as a message). False, with a message
        and nothing changed, for a refusal known now. ``read`` is a job's task: module-level, ``progress`` keyword."""
        self._new_request()
        try:
            large = os.path.getsize(path) > limit
        except (OSError, ValueError):
            large = False  # (``read`` names what is wrong with it)
        if large:
            request = self._requests

            def finish(loaded: Any) -> None:
                adopt(loaded)

            self._emit("job", Job(kind="build", title=Message("info", title), task=read, args=(path,), finish=finish,
                                  valid=lambda: self._requests == request, quick=False, fail=self._refuse))
            return True
        try:
            loaded = read(path)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        return adopt(loaded)

    def _new_request(self) -> None:
        raise NotImplementedError  # (training.TrainingSession)

    def _emit_all(self) -> None:
        for event in ("structure", "settings", "history", "state"):
            self._emit(event)
        self._emit("selection", self._selected)

    # ---- what the views read ----------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def adoptions(self) -> int:
        """How many runs were adopted (another network built, a file opened): one changed, something was shown."""
        return self._adoptions

    @property
    def dataset(self) -> Dataset:
        """The whole data set (before any train/test split), named in the learner's language
        (the built-in watermelon sets have English and Chinese names; the numbers are the same)."""
        if self._data_language == DATA_LANGUAGE or self._settings.data not in BUILTIN_NAMES:
            return self._dataset
        if self._named is None or self._named[0] != (self._data_language, self._settings):
            named = load_dataset(self._settings.data, seed=self._settings.seed, language=self._data_language,
                                 label_type=self._settings.label_type)
            self._named = ((self._data_language, self._settings), named)
        return self._named[1]

    def set_data_language(self, language: str) -> None:
        """Name the data in ``language`` ("en", "zh_CN"): feature and class names only."""
        if language != self._data_language:
            self._data_language = language
            # The views rebuild around the new names, but it is the same network: a selected unit stays selected
            # (the structure's version, which a selection is checked against, moves only for a new network).
            self._state_version += 1
            self._emit("structure", bump=False)

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

    def _read_data(self, settings: Settings, slow: bool = False) -> tuple[Dataset | None, tuple[object, ...] | None]:
        """The data set ``settings`` name and what it was read from (``data_source``): the one shown when that is
        the same (another shape for the same data is not read again: a 784-input file of 500 rows took 300 ms);
        else read now, unless ``slow`` (then None)."""
        source = data_source(settings)
        if source is not None and source == self._data_source:
            return self._dataset, source
        return (None, source) if slow else read_data(settings)

    def display_record(self) -> IterationRecord:
        """What the views show: the iteration the phases walk through, else the record of
        iteration t, or at t = 0 (or after an edit) a preview of the next iteration."""
        if self._phase is not None and self._phase_record is not None:
            return self._phase_record
        trainer = self._trainer
        record = trainer.last_record
        if record is None or not self.shows_current_parameters(record):
            cached = self._preview
            if cached is None or cached[0]() is not trainer or cached[1] is not trainer.state:
                cached = self._preview = (weakref.ref(trainer), trainer.state, trainer.preview())
            return cached[2]
        self._preview = None  # (a big network's preview is tens of MB: not kept once the state moved on)
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
        return History.of(self._trainer, changes=tuple(self._changes), measure=not self._running)

    def status(self) -> dict[str, Any]:
        """Figures for the status bar: t, epoch, sample k, E_k, E, accuracy."""
        return status_of(self._trainer, self._running)

    def _on_diverged(self, exc: DivergenceError) -> None:
        self.pause()
        eta = self._trainer.config.learning_rate
        self._say("error", QT_TRANSLATE_NOOP(
            "TrainingController",
            "Training diverged: iteration %1 made the error or a parameter infinite with η = %2, so it was "
            "not applied and Run paused at t = %3, the last finite iteration. Try a smaller learning rate, "
            "such as η = %4, then Reset."),
            exc.fields.get("iteration", self._trainer.iteration + 1), f"{eta:g}", self._trainer.iteration,
            f"{eta / 10:g}")
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
        """New iterations: the history grew and t moved, one change (one version: what the views
        compute for it while hearing of the history is still good when they hear of the state)."""
        self._emit("history")
        self._emit("state", bump=False)

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
        # A stop condition may need the next pass's error (accumulated BP): for an iteration too heavy
        # for the GUI thread the first tick's background iteration checks it instead (it applies nothing
        # and stops Run if the condition already holds).
        check = running and self._until is None and not self._pace.heavy(self._trainer.work_per_iteration())
        reason = self._trainer.stop_reason() if check else None
        if reason is not None:
            self._emit("message", self.stop_text(reason))
            self._emit("running", False)
            return
        self._running = running
        if running:
            self._phase = None
            self._pace.restart()
            if isinstance(self._background.plan, GotoPlan):
                self._background.drop()  # a step back computing: Run goes on from the state shown
        else:
            self._background.drop()  # an iteration computing for Run is not wanted any more
            self._until = None
        self._emit("running", running)

    def toggle_running(self) -> None:
        self.set_running(not self._running)

    def pause(self) -> None:
        """Stop Run, and forget any iteration computing off the thread (Run's or a Step's): whatever
        the learner does next starts from the state shown."""
        self._background.drop()
        self.set_running(False)
