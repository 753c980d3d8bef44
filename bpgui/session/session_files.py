"""Save and open a whole session (``session_format``): a mixin of :class:`~bpgui.session.training.TrainingSession`.

Saving writes the real run (the one kept aside while a bug is planted, with the bug's rule), its settings,
its data (a built-in name, or the CSV's text), the changes made by hand, the curve's notes, the iteration
shown, the selection and the practice book. Opening replays the run on the session's own thread (the same
arithmetic as training, so the same bits) and only then replaces the run shown: a refused file changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..model.atomic import write_text_atomically
from ..model.builtin_data import BUILTIN_NAMES, load_dataset
from ..model.datasets import Dataset
from ..model.errors import QT_TRANSLATE_NOOP, BpguiError, ConfigError, DataError, Phrase
from ..model.fileformat import read_json_document
from ..model.naming import parameter_specs
from ..model.network import Network
from ..model.phases import phase_views
from ..model.practice.planted_training import PlantedTrainer
from ..model.training import StopConditions, Trainer
from .core import Built, SessionCore, data_source, make_trainer
from .jobs import Job, Progress
from .lessons import LessonState, parameter_named
from .messages import Message
from .practice import PracticeBook
from .running import GUESS_OVERHEAD, GUESS_SECONDS_PER_WORK, leave_a_core_to_the_window
from .session_format import (
    Change,
    PlantedRun,
    RunEntry,
    SessionDocument,
    differing,
    document_from_data,
    state_digest,
)
from .settings import Settings, check_settings, check_size

__all__ = ["SessionFiles", "file_kind", "lesson_trainer", "replay"]

#: A replay expected to take longer than this runs as a job (the window draws on; Cancel changes nothing).
HEAVY_REPLAY_SECONDS = 0.3
HEAVY_SESSION_BYTES = 2_000_000  # a session file larger is read by a job (~35 ms a MB)
READING_SESSION = QT_TRANSLATE_NOOP("TrainingController", "Reading the session file…")
#: A lesson's step builds its network on the window's thread: a teaching size.
LESSON_PARAMETERS = 20_000
#: ... and trains its iterations there: at most this much work (parameters × samples per iteration × iterations,
#: about half a second; the shipped lessons need at most a tenth of it).
LESSON_WORK = 5_000_000
_TOO_DEEP = QT_TRANSLATE_NOOP("Errors", "{file}: nested too deeply to be a session file")


def _same_data(a: Dataset, b: Dataset) -> bool:
    return (a.inputs.shape == b.inputs.shape and a.targets.shape == b.targets.shape
            and a.inputs.tobytes() == b.inputs.tobytes() and a.targets.tobytes() == b.targets.tobytes()
            and a.feature_names == b.feature_names and a.target_names == b.target_names)


def read_session(path: str, *, progress: Progress | None = None) -> SessionDocument:
    """A session file read and checked (a job's task for a large one); BpguiError names what is wrong."""
    try:
        return document_from_data(read_json_document(path, DataError, _TOO_DEEP), path)
    except (OSError, MemoryError) as exc:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: cannot be opened ({reason})"), file=path,
                        reason=type(exc).__name__) from None


def _csv_text(path: str) -> str:
    """A CSV file's text as bpgui reads it (UTF-8, else GBK: ``csv_import``'s encodings)."""
    raw = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: not UTF-8 or GBK text"), file=path)


def _data_file(doc: SessionDocument, folder: str | None, source: str = "session") -> str:
    """Where the document's CSV is read from: its original path if that file still holds the same text,
    else a copy written in ``folder`` (named by its content, so the same data are written once). A copy whose
    text is not a data set is refused (naming the session's ``data.csv``) and not kept."""
    text, original = doc.csv_text, doc.settings.data
    assert text is not None
    try:
        if os.path.isfile(original) and _csv_text(original) == text:
            return original
    except (OSError, BpguiError):
        pass
    if folder is None:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: the session's data file is gone and there is no "
                                                    "folder to write its copy to"), file=original)
    stem = re.sub(r"[^\w.-]+", "_", Path(doc.csv_name or "data").stem)[:60] or "data"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    target = os.path.join(folder, f"{stem}-{digest}.csv")
    if not os.path.isfile(target):
        os.makedirs(folder, exist_ok=True)
        write_text_atomically(target, text)
        try:
            load_dataset(target, label_type=doc.settings.label_type)
        except BpguiError as exc:
            os.remove(target)
            named = {k: (doc.csv_name or "data.csv") if v == target else v for k, v in exc.fields.items()}
            problem = Phrase(exc.template, **named) if named else str(exc).replace(target, doc.csv_name or "data.csv")
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: {problem}"), source=source,
                            key="data.csv", problem=problem) from None
    return target


def file_kind(path: str) -> str | None:
    """What ``path`` holds, by a look at it: "session", "network", "lesson" (their JSON "format"), "csv" (by
    its extension), or None. Opening it says what is wrong with it."""
    if path.lower().endswith(".csv"):
        return "csv"
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            head = f.read(4096)
    except (OSError, ValueError):
        return None
    found = re.search(r'"format"\s*:\s*"bpgui\.(session|network|lesson)"', head)
    return None if found is None else found.group(1)


def start_of(doc: SessionDocument, settings: Settings, data: Dataset | None = None,
             source: tuple[object, ...] | None = None) -> Built:
    """The document's run at iteration 0 (its data loaded, or ``data`` read from ``source``; its first network
    and settings)."""
    return make_trainer(replace(settings, mode=doc.start_config.mode, learning_rate=doc.start_config.learning_rate,
                                batch_size=doc.start_config.batch_size, shuffle=doc.start_config.shuffle),
                        network=doc.start_network, data=data, source=source)


def replay(doc: SessionDocument, settings: Settings, report: Callable[[int, int], None] | None = None,
           start: Built | None = None) -> Built:
    """The document's run, replayed to ``doc.end`` and shown at ``doc.t`` (raises BpguiError, nothing kept).
    ``report(done, total)`` hears of the iterations replayed (a job's progress; it may raise to cancel);
    ``start``: ``start_of(doc, settings)``, when already made."""
    built = start if start is not None else start_of(doc, settings)
    trainer = built.trainer
    _replay_onto(trainer, doc.changes, doc.end, doc.t, "changes", report)
    trainer.set_stop(StopConditions(target_error=settings.target_error, max_epochs=settings.max_epochs))
    return Built(settings, built.dataset, trainer, built.source)


def replay_in_job(doc: SessionDocument, settings: Settings, *, progress: Progress) -> tuple[Built, list[Trainer]]:
    """:func:`replay` and :func:`replay_runs` as a job's task, with the window's BLAS threads (a product's
    rounding depends on them)."""
    leave_a_core_to_the_window()
    built = replay(doc, settings, progress)
    return built, replay_runs(doc, built)


def replay_runs(doc: SessionDocument, built: Built) -> list[Trainer]:
    """The document's other runs side by side (``doc.runs`` but the shown one), each replayed on its own from
    its iteration 0 with the shown run's data and seed."""
    trainers = []
    for n, run in enumerate(doc.runs):
        if run.settings is None or run.start_config is None:
            continue
        settings = replace(run.settings, data=built.settings.data, mode=run.start_config.mode,
                           learning_rate=run.start_config.learning_rate, batch_size=run.start_config.batch_size,
                           shuffle=run.start_config.shuffle)
        trainer = make_trainer(check_settings(settings), network=run.start_network or doc.start_network,
                               data=built.dataset).trainer
        _replay_onto(trainer, run.changes, run.end, run.t, f"runs[{n}].changes")
        trainer.set_stop(StopConditions(target_error=run.settings.target_error, max_epochs=run.settings.max_epochs))
        trainers.append(trainer)
    return trainers


def replay_seconds(doc: SessionDocument, start: Built) -> float:
    """About how long replaying ``doc`` from ``start`` takes (pessimistic: the pace's first guess)."""
    ends = doc.end + sum(run.end for run in doc.runs)
    return ends * (GUESS_OVERHEAD + GUESS_SECONDS_PER_WORK * start.trainer.work_per_iteration())


def _changes_of(trainer: Trainer) -> tuple[Change, ...]:
    """A run's changes by hand, each with the parameters that differ from where training had come."""
    return tuple(Change(state.iteration, state.epoch, state.cursor, state.config,
                        differing(trainer.state_before_change(state).network, state.network))
                 for state in trainer.changes_by_hand())


def _replay_onto(trainer: Trainer, changes: tuple[Change, ...], end: int, t: int, where: str,
                 report: Callable[[int, int], None] | None = None) -> None:
    """Train ``trainer`` (at iteration 0) through ``changes`` to ``end``, then go to ``t``."""
    n = trainer.train_set.n_samples
    for k, change in enumerate(changes):
        _advance_to(trainer, change.t, end, report)
        if change.cursor >= n:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected less than {limit}, got {got}"),
                            source="session", key=f"{where}[{k}].cursor", limit=n, got=change.cursor)
        trainer.change_by_hand(change.applied_to(trainer.state))
    _advance_to(trainer, end, end, report)
    trainer.goto(t)


def replay_planted(doc: SessionDocument, real: Trainer) -> PlantedTrainer:
    """The run of the document's planted bug, replayed beside ``real`` (its data, seed, iteration 0's network)."""
    run = doc.bug
    assert run is not None
    planted = PlantedTrainer(run.rule, real.initial_network, real.train_set, test=real.test_set, seed=real.seed,
                             config=run.start_config, stop=StopConditions(target_error=run.settings.target_error,
                                                                          max_epochs=run.settings.max_epochs))
    _replay_onto(planted, run.changes, run.end, run.t, "bug.changes")
    return planted


def lesson_trainer(state: LessonState) -> tuple[Built, int]:
    """The run a lesson step's state starts from (iteration 0) and the index of the parameter it selects
    (−1: none); BpguiError if the state cannot be set (checked for every step when a lesson is opened)."""
    settings = state.settings_for()
    if state.network is not None:
        net = state.network
        settings = replace(settings, hidden=tuple(net.layer_sizes[1:-1]), loss=net.loss)
    settings = check_settings(settings)
    built = make_trainer(settings, network=state.network)
    sizes = built.trainer.network.layer_sizes
    if check_size(sizes) > LESSON_PARAMETERS:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a lesson's network has at most {limit} parameters"),
                          limit=f"{LESSON_PARAMETERS:,}")
    work = state.steps * built.trainer.work_per_iteration()
    if work > LESSON_WORK:  # trained on the window's thread when the step is reached
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "steps: {steps} iterations of this network are too many for "
                                                      "a lesson's step (at most about {most})"),
                          steps=f"{state.steps:,}", most=f"{LESSON_WORK // built.trainer.work_per_iteration():,}")
    index = -1 if state.select is None else parameter_named(sizes, state.select)
    if index is None:
        names = [spec.name for spec in parameter_specs(sizes)]
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "select: the {shape} network has no parameter {name}; its "
                                                      "names are {names}"),
                          shape="-".join(map(str, sizes)), name=state.select,
                          names=", ".join(names[:4] + (["…"] if len(names) > 5 else []) + names[4:][-1:]))
    return built, index


def _advance_to(trainer: Trainer, t: int, end: int, report: Callable[[int, int], None] | None) -> None:
    while trainer.iteration < t:
        trainer.advance(min(t - trainer.iteration, 1 << 14), use_stop_conditions=False)
        if report is not None:
            report(trainer.iteration, end)


class SessionFiles(SessionCore):
    """See the module."""

    # The session's other parts' (practising.py: the book, and the real run kept aside while a bug is planted).
    _book: PracticeBook | None = None
    _kept: tuple[Trainer, list[Any], list[Any], Settings] | None = None
    _requests: int
    _found = False
    _per_output = False

    def _real_run(self) -> tuple[Trainer, list[Any], Settings]:
        if self._kept is not None:
            trainer, changes, _edits, settings = self._kept
            return trainer, changes, settings
        return self._trainer, self._changes, self._settings

    def session_document(self) -> SessionDocument:
        """The session as a file holds it; BpguiError if its data file changed on disk since it was read."""
        trainer, marks, settings = self._real_run()
        csv_text = csv_name = None
        if settings.data.strip().casefold() not in BUILTIN_NAMES:
            source = data_source(settings)
            try:
                csv_text = _csv_text(settings.data)
            except OSError as exc:
                raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: cannot be read ({reason})"), file=settings.data,
                                reason=str(exc.strerror)) from None
            # The file the data set shown was read from, unchanged before and after its text was read: the same
            # data, without parsing it again (a 784-column CSV of 500 rows: 280 ms of a save's wait).
            unchanged = source is not None and source == self._data_source == data_source(settings)
            if not unchanged and not _same_data(
                    load_dataset(settings.data, seed=settings.seed, label_type=settings.label_type), self._dataset):
                raise DataError(QT_TRANSLATE_NOOP("Errors", "{file} changed since it was loaded: the session "
                                                            "cannot keep the data it was trained on"),
                                file=settings.data)
            # A copy an earlier opening wrote (``_data_file``) keeps the name it was given.
            csv_name = re.sub(r"-[0-9a-f]{16}(\.csv)$", r"\1", os.path.basename(settings.data))
        zero = trainer.checkpoint_zero
        planted = self._trainer if self._kept is not None else None
        # Mid-iteration (the update phase has applied it: then the iteration is shown whole).
        phase = self._phase if self._phase is not None and not self._phase_is_update() else None
        return SessionDocument(
            settings=settings, csv_text=csv_text, csv_name=csv_name, start_network=zero.network,
            start_config=zero.config, changes=_changes_of(trainer), end=trainer.end, t=trainer.iteration,
            marks=tuple(marks), selected=self._selected, state_sha256=state_digest(trainer.network),
            practice=(self._book or PracticeBook()).to_data(), phase=phase, per_output=self._per_output,
            bug=None if planted is None else PlantedRun(
                rule=getattr(planted, "rule", ""), settings=self._settings, start_config=planted.checkpoint_zero.config,
                changes=_changes_of(planted), end=planted.end, t=planted.iteration, marks=tuple(self._changes),
                found=self._found),
            runs=self._run_entries(zero.network),
        )

    def _run_entries(self, first: Network) -> tuple[RunEntry, ...]:
        """The runs side by side as the file keeps them (none without forks)."""
        slots = self._slots()
        if len(slots) < 2:
            return ()
        entries = []
        for i, slot in enumerate(slots):
            if i == self.shown_run:
                entries.append(RunEntry(slot.name, slot.colour, slot.origin, differs=slot.differs))
                continue
            zero = slot.trainer.checkpoint_zero
            same = (zero.network.activations == first.activations and zero.network.loss == first.loss
                    and not differing(first, zero.network))
            entries.append(RunEntry(
                slot.name, slot.colour, slot.origin, settings=slot.settings,
                start_network=None if same else zero.network, start_config=zero.config,
                changes=_changes_of(slot.trainer), end=slot.trainer.end, t=slot.trainer.iteration,
                marks=tuple(slot.changes), differs=slot.differs))
        return tuple(entries)

    def open_session(self, path: str, data_folder: str | None = None) -> bool:
        """Open a session file: its run replayed to the iteration it shows. ``data_folder``: where a CSV
        whose file is gone is written again. False, with a message naming the key, and nothing changed,
        if the file is refused. A file past ``HEAVY_SESSION_BYTES`` is read by a job (its refusal comes later)."""
        return self._open_file(path, HEAVY_SESSION_BYTES, READING_SESSION, read_session,
                               lambda doc: self._open_document(path, doc, data_folder))

    def _open_document(self, path: str, doc: SessionDocument, data_folder: str | None) -> bool:
        def opened() -> None:
            self.session_path = self.reached_path = path
            if doc.state_sha256 is not None and doc.state_sha256 != state_digest(self._real_run()[0].network):
                self._say("error", QT_TRANSLATE_NOOP("TrainingController", "Opened %1, but its replay gave other "
                                                                           "numbers than the file records: the "
                                                                           "file was edited, or this machine's "
                                                                           "arithmetic differs from the one that "
                                                                           "saved it."), path)
            else:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Opened session %1 at iteration %2."),
                          path, self._trainer.iteration)

        return self.restore(doc, data_folder, path, opened)

    def snapshot(self) -> SessionDocument | None:
        """The run as it stands, to :meth:`restore` exactly later (a lesson's Back); None if it cannot be
        kept (its data file changed on disk since it was read)."""
        try:
            return self.session_document()
        except BpguiError:
            return None

    def restore(self, doc: SessionDocument, data_folder: str | None = None, source: str = "session",
                on_done: Callable[[], None] | None = None) -> bool:
        """Make ``doc``'s run the one shown (replayed, bitwise), then call ``on_done``; a long replay goes to a
        job (the window goes on drawing, its progress shown; Cancel changes nothing). False, with a message,
        and nothing changed, if it is refused."""
        self._new_request()  # a replay or a build still computing for an earlier choice is not wanted now
        try:
            book = (PracticeBook() if doc.practice is None else
                    PracticeBook.from_data(doc.practice, f"{source}: practice"))
            phases = len(phase_views(doc.start_network.layer_sizes, per_output=doc.per_output))
            if doc.phase is not None and doc.phase >= phases - 1:  # the last phase is the update: t + 1, whole
                raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected less than {limit}, got {got}"),
                                source=source, key="phase", limit=phases - 1, got=doc.phase)
            # Last: a CSV written again is only kept for a file that is otherwise good.
            data = doc.settings.data if doc.csv_text is None else _data_file(doc, data_folder, source)
            settings = check_settings(replace(doc.settings, data=data))
            start = start_of(doc, settings, *self._read_data(settings))  # (the data set shown: not read again)
            if replay_seconds(doc, start) <= HEAVY_REPLAY_SECONDS:
                built = replay(doc, settings, start=start)
                self._adopt_document(doc, (built, replay_runs(doc, built)), book, on_done)
                return True
        except BpguiError as exc:
            self._refuse(exc)
            return False
        except (OSError, MemoryError, RecursionError) as exc:
            self._refuse(DataError(QT_TRANSLATE_NOOP("Errors", "{file}: cannot be opened ({reason})"), file=source,
                                   reason=type(exc).__name__))
            return False
        self.pause()
        request = self._requests
        self._emit("job", Job(
            kind="build", title=Message("info", QT_TRANSLATE_NOOP("TrainingController", "Replaying the session to "
                                                                                        "iteration %1…"), (doc.t,)),
            task=replay_in_job, args=(doc, settings), quick=False,
            finish=lambda built: self._adopt_document(doc, built, book, on_done),
            valid=lambda: self._requests == request, fail=self._refuse,
            dropped=lambda: self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Opening the session was "
                                                                                      "stopped; nothing changed."))))
        return True

    def _adopt_document(self, doc: SessionDocument, replayed: tuple[Built, list[Trainer]], book: PracticeBook,
                        on_done: Callable[[], None] | None) -> None:
        built, others = replayed
        try:
            planted = None if doc.bug is None else replay_planted(doc, built.trainer)
        except BpguiError as exc:
            self._refuse(exc)
            return
        self.pause()
        self._adopt(built)
        self._changes = list(doc.marks)
        self._selected = doc.selected
        self._book = book
        self._adopt_runs(doc.runs, others)
        if planted is not None and doc.bug is not None:  # the real run kept aside, as planting keeps it
            self._kept = (self._trainer, self._changes, [], self._settings)
            self._trainer, self._settings, self._changes = planted, doc.bug.settings, list(doc.bug.marks)
            self._found = doc.bug.found
        if doc.per_output != self._per_output:
            self.set_per_output(doc.per_output)
        self._emit_all()
        self._emit("practice", None)
        self._emit("planted", self._kept is not None)
        if doc.phase is not None:
            for _ in range(doc.phase + 1):
                self.step_phase()
        if on_done is not None:
            on_done()

    def apply_lesson_state(self, state: LessonState) -> bool:
        """Set the run a lesson's step describes (``session.lessons``): its settings and network at iteration 0,
        then its iterations, phases and selection. False, with a message, and nothing changed, if refused."""
        self._new_request()
        try:
            built, index = lesson_trainer(state)
            if state.steps:
                built.trainer.advance(state.steps, use_stop_conditions=False)
                built.trainer.goto(built.trainer.iteration)  # its record, as Step leaves it
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self.pause()
        self._adopt(built)
        self._emit_all()
        for _ in range(state.phase):
            self.step_phase()
        # After the views have rebuilt for the new network (a rebuilt table unselects): announced even when
        # it is the parameter selected before.
        self._selected = index
        self._emit("selection", index)
        return True

    # Provided by the session's other parts.
    def _slots(self) -> list[Any]:
        raise NotImplementedError

    @property
    def shown_run(self) -> int:
        raise NotImplementedError

    def _adopt_runs(self, entries: tuple[RunEntry, ...], trainers: list[Trainer]) -> None:
        raise NotImplementedError

    def _adopt(self, built: Built) -> None:
        raise NotImplementedError

    def plant_bug(self, rule: str | None = None, rng: random.Random | None = None) -> None:
        raise NotImplementedError

    def step_phase(self) -> None:
        raise NotImplementedError

    def _phase_is_update(self) -> bool:
        raise NotImplementedError

    def set_per_output(self, on: bool) -> None:
        raise NotImplementedError

