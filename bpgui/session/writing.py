"""Files of many numbers written off the window's thread: Save network and Save session.

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
from collections.abc import Callable
from typing import Any

from ..model.atomic import write_text_atomically
from ..model.errors import BpguiError
from ..model.fileformat import save_network
from ..model.network import Network
from .jobs import Job, Progress
from .messages import QT_TRANSLATE_NOOP, Message
from .session_format import SessionDocument, document_to_data

__all__ = ["SAVING_NETWORK", "SAVING_SESSION", "WRITE_HERE", "session_numbers", "write", "write_network",
           "write_session", "writing_job"]

WRITE_HERE = 100_000  # numbers: a file of more is written by a job (~0.1 s of formatting)


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
    """A kept job writing a file (see the module): ``finish(path)`` once it is written, ``fail(error)`` if not."""
    return Job(kind="write", title=Message("info", title), task=task, args=args, finish=finish, quick=False,
               fail=fail, kept=True)


def write(numbers: int, title: str, task: Callable[..., str], args: tuple[Any, ...], *,
          done: Callable[[str], None], refuse: Callable[[BaseException], None], emit_job: Callable[[Job], None]
          ) -> bool:
    """``task(*args)`` (its first argument the path) now if the file holds at most ``WRITE_HERE`` numbers, then
    ``done(path)``; else by a kept job (``done`` once written). False, with ``refuse(error)`` and nothing
    written, only for a refusal known now; a job's refusal comes later, through ``refuse`` too."""
    if numbers > WRITE_HERE:
        emit_job(writing_job(title, task, args, done, refuse))
        return True
    try:
        path = task(*args)
    except BpguiError as exc:
        refuse(exc)
        return False
    done(path)
    return True


SAVING_NETWORK = QT_TRANSLATE_NOOP("TrainingController", "Saving the network…")
SAVING_SESSION = QT_TRANSLATE_NOOP("TrainingController", "Saving the session…")
