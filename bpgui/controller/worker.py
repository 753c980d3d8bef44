"""Runs the session's slow jobs on a worker thread, so the window keeps repainting.

One job at a time: a new job cancels the one in progress (its result is
never shown). A job's ``work`` runs on the pool's thread; its progress, its
result and its errors come back to the GUI thread as queued signals, where
the result is adopted only if ``job.valid()`` still holds (the learner may
have moved on meanwhile). Quick jobs run in place.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..model.errors import BpguiError
from ..session import jobs

# Progress reaches the window at most this often.
PROGRESS_INTERVAL_S = 0.05


class _Relay(QObject):
    """Carries a worker's news to the GUI thread (emitted there, delivered here: queued)."""

    progress = Signal(int, int, int)  # token, done, total
    done = Signal(int, object)  # token, result
    error = Signal(int, object)  # token, exception
    cancelled = Signal(int)


class _Task(QRunnable):
    def __init__(self, job: jobs.Job, progress: jobs.Progress, relay: _Relay, token: int) -> None:
        super().__init__()
        self._job, self._progress, self._relay, self._token = job, progress, relay, token

    def run(self) -> None:
        try:
            result = self._job.work(self._progress)
        except jobs.Cancelled:
            self._relay.cancelled.emit(self._token)
        except Exception as exc:  # reported on the GUI thread, never lost in the pool
            self._relay.error.emit(self._token, exc)
        else:
            self._relay.done.emit(self._token, result)


class JobRunner(QObject):
    started = Signal(str)  # the job's title
    progress = Signal(int, int)  # done, total
    finished = Signal()  # idle again: adopted, dropped, cancelled or failed
    failed = Signal(object)  # an error from a job without its own ``fail``

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_relay_progress)
        self._relay.done.connect(self._on_relay_done)
        self._relay.error.connect(self._on_relay_error)
        self._relay.cancelled.connect(self._on_relay_cancelled)
        self._token = 0
        self._job: jobs.Job | None = None
        self._progress: jobs.Progress | None = None
        self._last_report = 0.0

    @property
    def busy(self) -> bool:
        return self._job is not None

    def submit(self, job: jobs.Job, title: str) -> None:
        self.cancel()
        if job.quick:
            try:
                jobs.run(job)
            except BpguiError as exc:
                self.failed.emit(exc)
            return
        self._token += 1
        token = self._token
        self._job = job
        self._progress = jobs.Progress(lambda done, total: self._report(token, done, total))
        self._last_report = 0.0
        self.started.emit(title)
        self._pool.start(_Task(job, self._progress, self._relay, token))

    def cancel(self) -> None:
        """Stop the job in progress; whatever it computes is dropped."""
        if self._progress is not None:
            self._progress.cancel()
        if self._job is not None:
            self._job = None
            self._progress = None
            self.finished.emit()

    def wait(self, milliseconds: int = 5000) -> bool:
        """Block until the worker is idle (tests, shutting down)."""
        return bool(self._pool.waitForDone(milliseconds))

    def _report(self, token: int, done: int, total: int) -> None:
        # On the worker thread: throttle, then let the relay queue it to the GUI thread.
        now = time.monotonic()
        if done >= total or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            self._relay.progress.emit(token, done, total)

    def _current(self, token: int) -> jobs.Job | None:
        return self._job if token == self._token else None

    def _finish(self) -> None:
        self._job = None
        self._progress = None
        self.finished.emit()

    def _on_relay_progress(self, token: int, done: int, total: int) -> None:
        if self._current(token) is not None:
            self.progress.emit(done, total)

    def _on_relay_done(self, token: int, result: Any) -> None:
        job = self._current(token)
        if job is None:
            return  # cancelled or superseded: dropped
        self._finish()
        if job.valid():
            job.finish(result)

    def _on_relay_error(self, token: int, exc: Exception) -> None:
        job = self._current(token)
        if job is None:
            return
        self._finish()
        if isinstance(exc, BpguiError) and job.fail is not None:
            job.fail(exc)
        else:
            self.failed.emit(exc)

    def _on_relay_cancelled(self, token: int) -> None:
        if self._current(token) is not None:
            self._finish()
