"""Runs the session's slow jobs in a worker process, so the window keeps repainting.

Why a process and not a thread: the jobs are Python (training loops, finite
differences), and a thread running Python holds the interpreter lock that
every repaint needs back after each call into Qt; measured, a step with its
repaint took 1.6 s instead of 30 ms while a comparison ran in a thread. One
worker process (started on first use, kept, shared by every controller) runs
one job at a time; tasks, arguments and results are the package's own plain
objects (see :mod:`bpgui.session.jobs`), never a user's file.

A new job cancels the one in progress (its result is never shown). Progress
comes back through a queue the GUI thread polls; the result is adopted only
if ``job.valid()`` still holds (the learner may have moved on meanwhile).
Quick jobs run in place.
"""

from __future__ import annotations

import atexit
import multiprocessing
import queue
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..model.errors import BpguiError
from ..session import jobs

# How often the GUI thread looks for progress and results.
POLL_MS = 30


class _Worker:
    """The one worker process, its progress queue and its cancel mark (module-wide)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        self.queue: Any = context.Queue()
        self.cancelled: Any = context.Value("q", 0)
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=jobs.child_start,
                                        initargs=(self.queue, self.cancelled))
        self.next_token = 0

    def cancel(self, token: int) -> None:
        with self.cancelled.get_lock():
            self.cancelled.value = max(self.cancelled.value, token)

    def shutdown(self) -> None:
        self.cancel(self.next_token)
        self.pool.shutdown(wait=True, cancel_futures=True)


_worker: _Worker | None = None


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


@atexit.register
def _stop_worker() -> None:
    if _worker is not None:
        _worker.shutdown()


class JobRunner(QObject):
    started = Signal(str)  # the job's title
    progress = Signal(int, int)  # done, total
    finished = Signal()  # idle again: adopted, dropped, cancelled or failed
    failed = Signal(object)  # an error from a job without its own ``fail``

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: jobs.Job | None = None
        self._future: Future[Any] | None = None
        self._token = 0
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def job(self) -> jobs.Job | None:
        """The job in progress, if any."""
        return self._job

    def submit(self, job: jobs.Job, title: str) -> None:
        self.cancel()
        if job.quick:
            try:
                jobs.run(job)
            except BpguiError as exc:
                self.failed.emit(exc)
            return
        worker = _shared_worker()
        worker.next_token += 1
        self._token = worker.next_token
        try:
            self._future = worker.pool.submit(jobs.run_in_child, self._token, job.task, job.args)
        except (BrokenProcessPool, RuntimeError):
            worker = _restart_worker()
            worker.next_token = self._token
            self._future = worker.pool.submit(jobs.run_in_child, self._token, job.task, job.args)
        self._job = job
        self.started.emit(title)
        self._poll.start()

    def cancel(self) -> None:
        """Stop the job in progress; whatever it computes is dropped and nothing changes."""
        if self._job is None:
            return
        _shared_worker().cancel(self._token)
        self._finish()

    def wait(self, milliseconds: int = 10_000) -> bool:
        """Block until the job in progress (if any) has ended, and adopt its result (tests)."""
        future = self._future
        if future is None:
            return True
        try:
            future.exception(timeout=milliseconds / 1000)
        except TimeoutError:
            return False
        self._on_poll_timeout()
        return True

    def _finish(self) -> None:
        self._job = None
        self._future = None
        self._poll.stop()
        self.finished.emit()

    def _drain_progress(self) -> None:
        worker = _shared_worker()
        latest = None
        while True:
            try:
                token, done, total = worker.queue.get_nowait()
            except queue.Empty:
                break
            if token == self._token:
                latest = (done, total)
        if latest is not None and self._job is not None:
            self.progress.emit(*latest)

    def _on_poll_timeout(self) -> None:
        self._drain_progress()
        job, future = self._job, self._future
        if job is None or future is None or not future.done():
            return
        self._finish()
        try:
            result = future.result()
        except jobs.Cancelled:
            return
        except BpguiError as exc:
            if job.fail is not None:
                job.fail(exc)
            else:
                self.failed.emit(exc)
            return
        except BrokenProcessPool as exc:
            _restart_worker()
            self.failed.emit(exc)
            return
        except Exception as exc:  # reported on the GUI thread, never lost in the worker
            self.failed.emit(exc)
            return
        if job.valid():
            job.finish(result)
