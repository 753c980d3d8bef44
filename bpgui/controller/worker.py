"""Runs the session's slow jobs in a worker process, so the window keeps repainting.

Why a process and not a thread: the jobs are Python (training loops, finite
differences), and a thread running Python holds the interpreter lock that
every repaint needs back after each call into Qt; measured, a step with its
repaint took 1.6 s instead of 30 ms while a comparison ran in a thread. One
worker process (started on first use, kept, shared by every controller) runs
the jobs one after another; tasks, arguments and results are the package's
own plain objects (see :mod:`bpgui.session.jobs`), never a user's file.

A new job replaces a queued or running job *of its kind* (a newer gradient
check replaces an older one); jobs of other kinds wait their turn. Cancel
stops them all, except a file being written (a ``kept`` job: nothing stops
it). Progress comes back through a queue the GUI thread polls; a result
is adopted only if ``job.valid()`` still holds (the learner may have moved
on meanwhile), else the job's ``dropped`` is told. Quick jobs run in place.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..session import jobs

# How often the GUI thread looks for progress and results.
POLL_MS = 30
# How many cancelled tokens the worker remembers (far more than can be queued at once).
CANCEL_RING = 256


class _Worker:
    """The one worker process, its progress queue and its ring of cancelled tokens (module-wide)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        self.queue: Any = context.Queue()
        self.cancelled: Any = context.Array("q", [0] * (CANCEL_RING + 1))
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=jobs.child_start,
                                        initargs=(self.queue, self.cancelled))
        self.progress: dict[int, tuple[int, int]] = {}  # the latest report of each token

    def cancel(self, token: int) -> None:
        jobs.mark_cancelled(self.cancelled, token)

    def drain(self) -> None:
        while True:
            try:
                token, done, total = self.queue.get_nowait()
            except (queue.Empty, OSError, ValueError):
                return
            self.progress[token] = (done, total)


_worker: _Worker | None = None
_next_token = 0
_live: dict[int, Future[Any]] = {}  # every controller's submitted jobs, by token


def _shared_worker() -> _Worker:
    global _worker
    if _worker is None:
        _worker = _Worker()
    return _worker


def _restart_worker() -> _Worker:
    global _worker
    if _worker is not None:
        _worker.pool.shutdown(wait=False, cancel_futures=True)
    _worker = None
    return _shared_worker()


def stop_worker() -> None:
    """Cancel every job and stop the worker process (the application quits)."""
    global _worker
    if _worker is None:
        return
    for token in list(_live):
        _worker.cancel(token)
    _worker.pool.shutdown(wait=True, cancel_futures=True)
    _worker = None
    _live.clear()


# At interpreter exit, concurrent.futures.process's own hook waits for a running job to finish
# (hours, for a long comparison). Hooks registered here run in reverse order, so this one,
# registered after that module was imported, runs first and cancels the jobs.
threading._register_atexit(stop_worker)  # type: ignore[attr-defined]


@dataclass
class _Active:
    token: int
    job: jobs.Job
    future: Future[Any]
    worker: _Worker  # the process it was given to (a stopped one is started again once, not once per job)
    again: bool = False  # a kept job given again to a new worker, its first one having stopped


class JobRunner(QObject):
    started = Signal(str)  # the job's title
    progress = Signal(int, int)  # done, total (of the first job still active)
    finished = Signal()  # idle again: every job adopted, dropped, cancelled or failed
    failed = Signal(object)  # an error from a job without its own ``fail``

    def __init__(self, title_of: Callable[[jobs.Job], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._title_of = title_of  # a job's title in the language in force now
        self._active: list[_Active] = []
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)

    @property
    def busy(self) -> bool:
        return bool(self._active)

    @property
    def job(self) -> jobs.Job | None:
        """The first job still active (the one the progress is about), if any."""
        return self._active[0].job if self._active else None

    @property
    def cancellable(self) -> bool:
        """Whether Cancel would stop something: a job that is not ``kept`` (a file being written)."""
        return any(not entry.job.kept for entry in self._active)

    def submit(self, job: jobs.Job) -> None:
        if not job.kept:
            self.cancel_kind(job.kind)
        if job.quick:
            self._run_here(job)
            return
        self._submit(job)

    def _submit(self, job: jobs.Job, again: bool = False) -> None:
        global _next_token
        _next_token += 1
        token = _next_token
        worker = _shared_worker()
        try:
            future = worker.pool.submit(jobs.run_in_child, token, job.task, job.args)
        except (BrokenProcessPool, RuntimeError):
            worker = _restart_worker()
            future = worker.pool.submit(jobs.run_in_child, token, job.task, job.args)
        _live[token] = future
        was_idle, was_cancellable = not self._active, self.cancellable
        self._active.append(_Active(token, job, future, worker, again))
        if was_idle or self.cancellable != was_cancellable:  # (work queued behind a save: Cancel is offered now)
            self._announce()
        self._poll.start()

    def _run_here(self, job: jobs.Job) -> None:
        try:
            jobs.run(job)
        except Exception as exc:  # a job without its own fail: tell the learner, never lose it
            self.failed.emit(exc)

    def _announce(self) -> None:
        self.started.emit(self._title_of(self._active[0].job))

    def cancel(self) -> None:
        """Stop every job but the files being written (``kept``); whatever they compute is dropped and nothing
        changes."""
        self._stop([entry for entry in self._active if not entry.job.kept])

    def cancel_kind(self, kind: str) -> None:
        """Stop the jobs of ``kind`` (a newer one replaces them, or they are no longer wanted); never a file
        being written."""
        self._stop([entry for entry in self._active if entry.job.kind == kind and not entry.job.kept])

    def _stop(self, entries: list[_Active]) -> None:
        if not entries:
            return
        worker = _shared_worker()
        for entry in entries:
            worker.cancel(entry.token)
            entry.future.cancel()
            self._active.remove(entry)
            _live.pop(entry.token, None)
        for entry in entries:
            jobs.settle_dropped(entry.job)
        self._after_change()

    def _after_change(self) -> None:
        if not self._active:
            self._poll.stop()
            self.finished.emit()
        else:
            self._announce()

    def wait(self, milliseconds: int = 10_000) -> bool:
        """Block until every active job has ended and its result is settled (a closing window, tests, scripts);
        a file given again to a new worker (its first one stopped) is waited for too."""
        deadline = time.monotonic() + milliseconds / 1000
        while self._active:
            for entry in list(self._active):
                try:
                    entry.future.exception(timeout=max(0.0, deadline - time.monotonic()))
                except TimeoutError:
                    return False
                except Exception:  # cancelled before it ran: settled below
                    pass
            self._on_poll_timeout()
        return True

    def _on_poll_timeout(self) -> None:
        worker = _shared_worker()
        worker.drain()
        if self._active:
            report = worker.progress.get(self._active[0].token)
            if report is not None:
                self.progress.emit(*report)
        done = [entry for entry in self._active if entry.future.done()]
        if not done:
            return
        for entry in done:
            self._active.remove(entry)
            _live.pop(entry.token, None)
            worker.progress.pop(entry.token, None)
        self._after_change()
        for entry in done:
            self._settle(entry)

    def _settle(self, entry: _Active) -> None:
        job = entry.job
        try:
            result = entry.future.result()
        except (jobs.Cancelled, Exception) as exc:
            if isinstance(exc, jobs.Cancelled) or entry.future.cancelled():
                jobs.settle_dropped(job)
            elif isinstance(exc, BrokenProcessPool):  # the worker stopped (killed): every job it held is lost
                if _worker is entry.worker:
                    _restart_worker()
                if job.kept and not entry.again:  # a file to write: given once more to the new worker
                    self._submit(job, again=True)
                    return
                stopped = jobs.WorkerStopped()
                (job.fail or self.failed.emit)(stopped)
            elif job.fail is not None:
                job.fail(exc)
            else:
                self.failed.emit(exc)
            return
        jobs.settle(job, result)
