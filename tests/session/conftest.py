"""Session tests run without Qt: a listener records what the session announces."""

from __future__ import annotations

from typing import Any

import pytest

from bpgui.session import jobs
from bpgui.session.training import TrainingSession


class Recorder:
    """Everything a session announced, in order; jobs run at once, here (no worker)."""

    def __init__(self, session: TrainingSession, run_jobs: bool = True) -> None:
        self.events: list[tuple[str, Any]] = []
        self.pending: list[jobs.Job] = []
        self._run_jobs = run_jobs
        session.subscribe(self)

    def __call__(self, event: str, value: Any) -> None:
        self.events.append((event, value))
        if event == "job":
            if self._run_jobs:
                jobs.run(value)
            else:
                self.pending.append(value)

    def kinds(self) -> list[str]:
        return [event for event, _ in self.events]

    def messages(self, level: str | None = None) -> list[str]:
        return [value.english() for event, value in self.events
                if event == "message" and (level is None or value.level == level)]

    def clear(self) -> None:
        self.events.clear()


@pytest.fixture()
def session() -> TrainingSession:
    return TrainingSession()


@pytest.fixture()
def recorder(session: TrainingSession) -> Recorder:
    return Recorder(session)


def _run_until_stopped(session: TrainingSession, limit: int = 10_000) -> int:
    """Run mode without a timer: slices until the session pauses itself."""
    session.set_running(True)
    ticks = 0
    while session.running and ticks < limit:
        session.run_slice()
        if session.run_pending:
            assert session.wait_for_run(30), "an iteration computing off the thread never finished"
        ticks += 1
    return ticks


@pytest.fixture()
def run_until_stopped():
    return _run_until_stopped


@pytest.fixture()
def make_recorder():
    return Recorder


@pytest.fixture()
def listen() -> type[Recorder]:
    """``listen(session, run_jobs=...)``: a :class:`Recorder` on any session a test makes."""
    return Recorder


class FakeClock:
    """A ``time`` module stand-in whose ``perf_counter`` reads ``now``, moved by the test."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def perf_counter(self) -> float:
        return self.now


@pytest.fixture()
def clock() -> FakeClock:
    """A fake clock for a module's ``time`` (``monkeypatch.setattr(module, "time", clock)``)."""
    return FakeClock()


def run_until_paused(session: TrainingSession) -> int:
    """Tick Run (waiting for each iteration computed off the thread) until it pauses; the ticks taken."""
    ticks = 0
    while session.running:
        session.run_slice()
        if session.run_pending:
            assert session.wait_for_run(30)
        ticks += 1
        assert ticks < 10_000
    return ticks


@pytest.fixture()
def tick_until_paused():
    """:func:`run_until_paused`."""
    return run_until_paused
