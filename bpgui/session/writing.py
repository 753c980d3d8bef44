"""Files of many numbers written off the window's thread: Save network, Save session, Export table (and the
table's copied text, which is no file but as long to write out); and Open network, whose file is read there.

Formatting a number as JSON text costs ~0.6–0.8 µs (``float.__repr__`` is the floor), so saving a network of
10⁶ parameters held the window about a second. A file of more than ``WRITE_HERE`` numbers is written by a job
in the worker process instead: the window hands it what to write (a network is immutable; a session document
holds immutable networks and tuples), the worker formats it and writes it atomically, and the window says so
once the file is there. Such a job is ``kept``: no newer job replaces it, Cancel does not stop it and a
closing window waits for it, so a save the learner asked for is never lost. A smaller file is written at
once, as before: what it writes and says is the same either way (one function formats both).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np

from ..model.atomic import write_text_atomically
from ..model.errors import BpguiError, ConfigError
from ..model.fileformat import NetworkFile, load_network, save_network
from ..model.network import Network, parameter_count
from ..model.table_text import table_tsv, write_table_csv
from .core import Built, SessionCore, make_trainer
from .jobs import Job, Progress, WorkerStopped
from .messages import QT_TRANSLATE_NOOP, Message
from .session_format import SessionDocument, document_to_data

__all__ = [
    "COPYING_TABLE",
    "EXPORTING_TABLE",
    "SAVING_NETWORK",
    "SAVING_SESSION",
    "WRITE_HERE",
    "Writing",
    "session_numbers",
    "table_numbers",
    "table_text_job",
    "write_network",
    "write_session",
    "writing_job",
]

WRITE_HERE = 100_000  # numbers: a file of more is written by a job (~0.1 s of formatting)
# A network file larger than this is read by a job (~16 ms a MB: 2 MB, ~80,000 parameters, ~30 ms).
HEAVY_NETWORK_BYTES = 2_000_000


def write_network(path: str, network: Network, learning_rate: float | None, seed: int | None, *,
                  progress: Progress | None = None) -> str:
    """Save Network's file, atomically; returns ``path``. Raises BpguiError (nothing written)."""
    save_network(path, network, learning_rate=learning_rate, seed=seed)
    return path


def write_session(path: str, doc: SessionDocument, *, progress: Progress | None = None) -> str:
    """A session file, atomically; returns ``path``. Raises BpguiError (nothing written)."""
    text = json.dumps(document_to_data(doc), ensure_ascii=False, allow_nan=False)
    write_text_atomically(path, text + "\n")
    return path


def session_numbers(doc: SessionDocument) -> int:
    """About how many numbers ``doc``'s file holds: its networks' parameters (the rest is small)."""
    networks = [doc.start_network, *(run.start_network for run in doc.runs if run.start_network is not None)]
    return sum(network.n_parameters for network in networks)


def writing_job(title: str, task: Callable[..., str], args: tuple[Any, ...], finish: Callable[[str], None],
                fail: Callable[[BaseException], None]) -> Job:
    """A kept job writing a file (see the module): ``finish(path)`` once it is written, ``fail(error)`` if not
    (naming the file, ``args[0]``, when the worker stopped twice before writing it)."""
    def failed(exc: BaseException) -> None:
        if isinstance(exc, WorkerStopped):
            exc = BpguiError(QT_TRANSLATE_NOOP("Errors", "{file} was not written: the worker process stopped "
                                                         "before it was done (out of memory?); save it again"),
                             file=str(args[0]))
        fail(exc)

    return Job(kind="write", title=Message("info", title), task=task, args=args, finish=finish, quick=False,
               fail=failed, kept=True)


def table_numbers(rows: int, numbers: Sequence[np.ndarray | None]) -> int:
    """How many numbers a table's text writes out: its rows' numbers, a name and its structure as one more."""
    return rows * (len(numbers) + 1)


def table_text_job(sizes: Sequence[int], rows: np.ndarray, titles: Sequence[str],
                   numbers: Sequence[np.ndarray | None], finish: Callable[[str], None]) -> Job:
    """A job writing out ``rows`` of a whole network's table as copied text (``model.table_text``); ``finish(text)``
    with it. Cancel stops it (it writes no file)."""
    return Job(kind="copy", title=Message("info", COPYING_TABLE), task=table_tsv,
               args=(tuple(sizes), rows, tuple(titles), list(numbers)), finish=finish, quick=False)


SAVING_NETWORK = QT_TRANSLATE_NOOP("TrainingController", "Saving the network…")
SAVING_SESSION = QT_TRANSLATE_NOOP("TrainingController", "Saving the session…")
EXPORTING_TABLE = QT_TRANSLATE_NOOP("TrainingController", "Exporting the table…")
COPYING_TABLE = QT_TRANSLATE_NOOP("TrainingController", "Copying the table…")
READING_NETWORK = QT_TRANSLATE_NOOP("TrainingController", "Reading the network file…")


def read_network(path: str, *, progress: Progress | None = None) -> NetworkFile:
    """``load_network`` as a job's task (a large network file: ~16 ms a MB)."""
    return load_network(path)


class Writing(SessionCore):
    """A mixin of :class:`~bpgui.session.training.TrainingSession`: its files written (see the module)."""

    def session_document(self) -> SessionDocument:
        raise NotImplementedError  # (session_files.SessionFiles)

    def _adopt(self, built: Built) -> None:
        raise NotImplementedError  # (training.TrainingSession)

    def _write(self, numbers: int, title: str, task: Callable[..., str], args: tuple[Any, ...],
               done: Callable[[str], None], lost: Callable[[], None] | None = None) -> bool:
        """``task(*args)`` (its first argument the path) now if the file holds at most ``WRITE_HERE`` numbers and
        no file is still being written, then ``done(path)``; else by a kept job (``done`` once written, ``lost``
        if it could not be), in turn behind the files written before (the worker runs jobs in order): a file
        saved twice holds the later save. False, with a message and nothing written, only for a refusal known
        now; a job's refusal comes later."""
        if numbers > WRITE_HERE or self._writes:
            self._writes += 1

            def written(path: str) -> None:
                self._writes -= 1
                self._written.append(path)
                done(path)

            def failed(exc: BaseException) -> None:
                self._writes -= 1
                if lost is not None:
                    lost()
                self._refuse(exc)

            self._emit("job", writing_job(title, task, args, written, failed))
            return True
        try:
            path = task(*args)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self._written.append(path)
        done(path)
        return True

    @property
    def written(self) -> tuple[str, ...]:
        """The files written so far (saved, exported), oldest first: a save in a job is in it once its file is."""
        return tuple(self._written)

    def save_session(self, path: str) -> bool:
        """Write the session to ``path`` (atomically): now, or (many parameters) by a job nothing cancels.
        False, with a message and nothing written, if refused now; a job's refusal says so later."""
        try:
            doc = self.session_document()
        except BpguiError as exc:
            self._refuse(exc)
            return False
        adopted, mine = self._adoptions, self._saves + 1

        # Save follows the newest file asked for, written now or queued (Save as Y, then Save before Y is
        # written: Y again, never the file saved before it); another run shown meanwhile forgets it. If the
        # newest cannot be written, Save goes back to the file this run last reached (opened or written).
        def done(written: str) -> None:
            if self._adoptions == adopted:
                self.reached_path = written
                if self._saves == mine:
                    self.session_path = written
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Session saved to %1 (iteration %2)."),
                      written, doc.t)

        def lost() -> None:
            if self._adoptions == adopted and self._saves == mine:
                self.session_path = self.reached_path

        if not self._write(session_numbers(doc), SAVING_SESSION, write_session, (path, doc), done, lost):
            return False
        self._saves, self.session_path = mine, path
        return True

    def save_network(self, path: str) -> bool:
        """The network to ``path``, atomically: now, or (many parameters) by a job nothing cancels."""
        def done(written: str) -> None:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Network saved to %1."), written)

        return self._write(self.network.n_parameters, SAVING_NETWORK, write_network,
                           (path, self.network, self._settings.learning_rate, self._settings.seed), done)

    def export_table(self, path: str, sizes: Sequence[int], header: Sequence[str],
                     numbers: Sequence[np.ndarray | None]) -> bool:
        """The gradient table of a network of ``sizes`` as CSV (``model.table_text``: ``header``, every row, the
        numbers' columns as the table shows them), atomically: now, or (a large table) by a job nothing cancels."""
        def done(written: str) -> None:
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Table exported to %1."), written)

        count = table_numbers(parameter_count(sizes), numbers)
        return self._write(count, EXPORTING_TABLE, write_table_csv,
                           (path, tuple(sizes), tuple(header), list(numbers)), done)

    def copy_table(self, sizes: Sequence[int], rows: np.ndarray, titles: Sequence[str],
                   numbers: Sequence[np.ndarray | None], finish: Callable[[str], None]) -> bool:
        """``rows`` of a network's table as copied text, to ``finish`` once a job has written it out (then said);
        False (no job) for a table small enough to write out at once, as the window does."""
        if table_numbers(len(rows), numbers) <= WRITE_HERE:
            return False

        def copied(text: str) -> None:  # (said here, not by the window: a change of language replaces it meanwhile)
            finish(text)
            self._say("info", QT_TRANSLATE_NOOP("TrainingController", "%1 rows of the table copied."), len(rows))

        self._emit("job", table_text_job(sizes, rows, titles, numbers, copied))
        return True

    def open_network(self, path: str) -> bool:
        """Load a network file for the current data set; refused (unchanged) if it does not fit. A file past
        ``HEAVY_NETWORK_BYTES`` is read by a job (``SessionCore._open_file``)."""
        return self._open_file(path, HEAVY_NETWORK_BYTES, READING_NETWORK, read_network,
                               partial(self._adopt_network_file, path))

    def _adopt_network_file(self, path: str, loaded: NetworkFile) -> bool:
        net = loaded.network
        try:
            data = self._trainer.train_set
            if net.layer_sizes[0] != data.n_inputs or net.layer_sizes[-1] != data.n_outputs:
                raise ConfigError(
                    QT_TRANSLATE_NOOP("Errors", "{file} is a {shape} network, but the data set {data} has "
                                                "{inputs} input(s) and {outputs} output(s)"),
                    file=path, shape="-".join(map(str, net.layer_sizes)), data=data.name,
                    inputs=data.n_inputs, outputs=data.n_outputs,
                )
            acts = set(net.activations[:-1])
            settings = replace(
                self._settings, hidden=tuple(net.layer_sizes[1:-1]),
                activation=acts.pop() if len(acts) == 1 else self._settings.activation,
                loss=net.loss,
                learning_rate=loaded.learning_rate or self._settings.learning_rate,
                seed=self._settings.seed if loaded.seed is None else loaded.seed,
            )
            known, source = self._read_data(settings)  # (the data set shown: not read again)
            self.pause()
            self._adopt(make_trainer(settings, network=net, data=known, source=source))
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self.network_path = path
        self._emit_all()
        self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Opened %1: a %2 network, at iteration 0."),
                  path, "-".join(map(str, net.layer_sizes)))
        return True
