"""Slow work, described so that anyone can run it anywhere (the controller: a worker process).

A :class:`Job` pairs its work — a module-level ``task`` called with ``args``
and a ``progress`` keyword, pure computation that touches no session state,
so that it can run in another process (task, arguments and result are plain
picklable values of this package) — with ``finish``, which adopts the
result on the owner's thread. ``valid`` says whether the state the job was
computed for is still the one shown: a result that arrives after the learner
moved on is dropped, not shown. The task reports progress through a
:class:`Progress`, which raises :class:`Cancelled` once cancel was asked for;
a cancelled job changes nothing.

A worker *process* (not a thread): the work is Python, and a thread would
hold the interpreter lock the window needs to repaint (a step with its
repaint took 1.6 s instead of 30 ms during a comparison). :func:`child_start`
and :func:`run_in_child` are the worker process's side; they use no Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model.errors import BpguiError
from ..model.gradcheck import MAX_CHECKED, check_record
from ..model.network import Network
from ..model.records import IterationRecord
from .messages import QT_TRANSLATE_NOOP, Message

__all__ = ["MAX_CHECKED", "Cancelled", "GradientCheck", "Job", "Progress", "WorkerStopped", "gradient_check", "run"]

# A job whose estimated cost is below this many parameter-evaluations runs in place.
QUICK_WORK = 200_000


class Cancelled(Exception):
    """The learner cancelled the job; nothing was changed."""


class WorkerStopped(BpguiError):
    """The worker process ended before the job did (killed: out of memory, say); the job's result never came."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The worker process stopped before the work was done "
                                                     "(out of memory?); nothing was changed"))


class Progress:
    """Shared between a job's worker and its owner: progress out, cancel in (thread-safe)."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, done: int, total: int) -> None:
        """Report ``done`` of ``total``; raises Cancelled if cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled
        if self._report is not None:
            self._report(done, total)


@dataclass(frozen=True)
class Job:
    kind: str  # "build", "check", "runs", "difference", "surface": a new job replaces a running one of its kind only
    title: Message  # what the progress display says
    task: Callable[..., Any]  # module-level and pure: task(*args, progress=...) may run in another process
    args: tuple[Any, ...]
    finish: Callable[[Any], None]  # adopts the result, on the owner's thread
    valid: Callable[[], bool] = field(default=lambda: True)  # the result still belongs to what is shown
    quick: bool = True  # cheap enough to run in place
    fail: Callable[[BaseException], None] | None = None  # an error from ``work``, on the owner's thread
    dropped: Callable[[], None] | None = None  # cancelled, replaced, or no longer valid when done
    # A file being written (``writing``): no newer job replaces it, Cancel does not stop it, a closing window
    # waits for it. Its result is the learner's work on disk: never lost.
    kept: bool = False

    def work(self, progress: Progress) -> Any:
        return self.task(*self.args, progress=progress)


def run(job: Job, progress: Progress | None = None) -> bool:
    """Run ``job`` here and now (tests, the command line); True if its result was adopted.

    An error from ``work`` goes to ``job.fail`` when it has one (else it is raised); a
    cancelled or no longer valid result goes to ``job.dropped``.
    """
    try:
        result = job.work(progress or Progress())
    except Cancelled:
        settle_dropped(job)
        return False
    except Exception as exc:
        if job.fail is None:
            raise
        job.fail(exc)
        return False
    return settle(job, result)


def settle(job: Job, result: Any) -> bool:
    """Adopt ``result`` if it still belongs to what is shown, else drop it; True if adopted."""
    if not job.valid():
        settle_dropped(job)
        return False
    job.finish(result)
    return True


def settle_dropped(job: Job) -> None:
    if job.dropped is not None:
        job.dropped()


@dataclass(frozen=True)
class GradientCheck:
    """Finite-difference estimates of ∂E/∂p for some parameters of one iteration."""

    record: IterationRecord
    indices: np.ndarray
    estimates: np.ndarray
    relative_errors: np.ndarray

    def full(self) -> tuple[np.ndarray, np.ndarray]:
        """(estimates, relative errors) over every parameter; NaN where not checked."""
        n = self.record.flat_values.shape[0]
        estimates, errors = np.full(n, np.nan), np.full(n, np.nan)
        estimates[self.indices], errors[self.indices] = self.estimates, self.relative_errors
        return estimates, errors


def estimate_gradients(record: IterationRecord, network_before: Network, chosen: np.ndarray, *,
                       progress: Progress) -> GradientCheck:
    """Finite-difference estimates for ``chosen`` parameters of ``record``, a few parameters at a time."""
    # About two million parameter-evaluations between two progress reports (and chances to cancel).
    chunk = max(1, 2_000_000 // max(1, network_before.n_parameters * record.batch_size))
    estimates, errors = np.empty(chosen.shape[0]), np.empty(chosen.shape[0])
    for start in range(0, chosen.shape[0], chunk):
        progress(start, chosen.shape[0])
        part = chosen[start:start + chunk]
        _, estimates[start:start + part.shape[0]], errors[start:start + part.shape[0]] = check_record(
            record, network_before, part)
    progress(chosen.shape[0], chosen.shape[0])
    return GradientCheck(record, chosen, estimates, errors)


def gradient_check(record: IterationRecord, network_before: Network, indices: Sequence[int], *,
                   valid: Callable[[], bool], finish: Callable[[GradientCheck], None] | None = None) -> Job:
    """A job estimating ∂E/∂p for ``indices`` of the iteration ``record`` (five-point central differences)."""
    chosen = np.asarray(list(indices), dtype=np.int64)
    cost = chosen.shape[0] * network_before.n_parameters * max(1, record.batch_size)
    return Job(kind="check",
               title=Message("info", QT_TRANSLATE_NOOP("TrainingController", "Checking the gradients…")),
               task=estimate_gradients, args=(record, network_before, chosen),
               finish=finish or (lambda _result: None), valid=valid, quick=cost < QUICK_WORK)


# ---- the worker process's side ------------------------------------------------------------------
# Set in the worker process by child_start: where progress goes, and the cancelled tokens.
_child_queue: Any = None
_child_cancelled: Any = None


def child_start(queue: Any, cancelled: Any) -> None:
    """Initialise a worker process: ``queue`` takes (token, done, total); ``cancelled`` is a shared
    array holding the tokens of cancelled jobs (a ring, see :func:`mark_cancelled`); a job whose
    token is in it stops at its next progress report."""
    global _child_queue, _child_cancelled
    _child_queue, _child_cancelled = queue, cancelled


def mark_cancelled(cancelled: Any, token: int) -> None:
    """Add ``token`` to the shared ring of cancelled tokens (slot 0 is the write position)."""
    with cancelled.get_lock():
        size = len(cancelled) - 1
        position = cancelled[0]
        cancelled[1 + position % size] = token
        cancelled[0] = position + 1


def is_cancelled(cancelled: Any, token: int) -> bool:
    return token in cancelled[1:]


class _ChildProgress(Progress):
    def __init__(self, token: int) -> None:
        super().__init__()
        self._token = token

    @property
    def cancelled(self) -> bool:
        return _child_cancelled is not None and is_cancelled(_child_cancelled, self._token)

    def __call__(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled
        if _child_queue is not None:
            _child_queue.put((self._token, done, total))


def run_in_child(token: int, task: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """The worker process runs a job's task with a progress that reports to the owner and obeys cancel."""
    return task(*args, progress=_ChildProgress(token))
