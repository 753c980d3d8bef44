"""Issue 14's surface as the window asks for it (``request_surface``): a cheap grid is computed at once and
announced as "surface"; a costly one is a job whose result is dropped for a state the learner has left; the
path kept between requests (extended by a Step, cut back by a step back, joined by Run's states) is always
the history's own values, bitwise."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from bpgui.session import exploring, jobs
from bpgui.session.exploring import E_K, E_SET
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.fixture()
def session():
    s = TrainingSession(Settings(target_error=None))
    s.fast_forward(30)
    return s


def heard(session):
    events: list[tuple[str, object]] = []
    session.subscribe(lambda event, value: events.append((event, value)))
    return events


def assert_history(session, view):
    """Every point of the path is the history's value at its iteration, and the path ends at t."""
    trainer = session._trainer
    ts, values = trainer.values_along([view.grid.p, view.grid.q], trainer.iteration, 10**9)
    exact = dict(zip(ts.tolist(), map(tuple, values.tolist()), strict=True))
    assert view.path_t[0] == 0 and view.path_t[-1] == trainer.iteration and np.all(np.diff(view.path_t) > 0)
    for t, row in zip(view.path_t.tolist(), view.path.tolist(), strict=True):
        assert tuple(row) == exact[t], t


def test_a_cheap_grid_is_computed_at_once_and_announced(session):
    events = heard(session)
    view = session.request_surface(0, 6, E_K)
    assert view is not None and [e for e, _ in events] == ["surface"] and events[0][1] is view
    again = session.surface_view(0, 6, E_K)
    assert np.array_equal(view.grid.errors, again.grid.errors) and view.step == again.step


def test_a_costly_grid_is_a_job_and_its_result_is_dropped_for_a_state_left(session, monkeypatch):
    monkeypatch.setattr(exploring, "QUICK_SECONDS", 0.0)  # every grid counts as costly
    events = heard(session)
    assert session.request_surface(2, 8) is None
    (event, job), = events
    assert event == "job" and job.kind == "surface" and not job.quick
    assert job.task is exploring.surface_grid and pickle.dumps(job.args)  # plain values for the worker process
    session.step()  # the learner moves on before it is done
    events.clear()
    assert not jobs.run(job) and not [e for e, _ in events if e == "surface"]
    assert session.request_surface(2, 8) is None
    job = events[-1][1]
    events.clear()
    assert jobs.run(job)
    (event, view), = events
    assert event == "surface"
    expected = session.surface_view(2, 8)
    assert np.array_equal(view.grid.errors, expected.grid.errors) and view.error_now == expected.error_now
    assert_history(session, view)


def test_the_kept_path_is_the_history_through_steps_edits_step_back_and_run(session):
    assert_history(session, session.surface_view(0, 6))
    for _ in range(7):
        session.step()
        assert_history(session, session.surface_view(0, 6))
    session.edit_parameter(6, 0.9)
    session.step()
    view = session.surface_view(0, 6)
    assert_history(session, view)
    assert view.path[list(view.path_t).index(37), 1] == 0.9  # the value set by hand at t = 37
    session._trainer.goto(12)  # back before the edit
    assert_history(session, session.surface_view(0, 6))
    session._trainer.goto(38)
    assert_history(session, session.surface_view(0, 6))
    session.set_running(True)
    for _ in range(3):
        session.run_slice()
        assert_history(session, session.surface_view(0, 6))  # Run's states join the path as they are
    session.pause()
    session.fast_forward(5000)
    view = session.surface_view(0, 6)
    assert_history(session, view)
    assert len(view.path_t) <= 2 * exploring.PATH_POINTS + 1


def test_another_pair_or_a_reset_starts_the_path_again(session):
    session.surface_view(0, 6)
    assert_history(session, session.surface_view(1, 8))
    session.reset()
    view = session.surface_view(1, 8, E_SET)
    assert view.path_t.tolist() == [0]


def test_a_long_replay_gives_the_checkpoints_path_and_computes_no_iteration(monkeypatch):
    """A big network's long history would hold the window while its path is replayed: the path is then the
    checkpoints' states (exact values, fewer of them), and a Step extends it exactly."""
    s = TrainingSession(Settings(target_error=None))
    s.fast_forward(5_000)
    monkeypatch.setattr(exploring, "QUICK_SECONDS", 0.0)  # every replay counts as long
    trainer = s._trainer
    calls = []
    compute = trainer._compute
    monkeypatch.setattr(trainer, "_compute", lambda state: calls.append(state.iteration) or compute(state))
    view = s.surface_view(0, 6)
    assert set(calls) <= {5_000}  # the next iteration's preview (the arrow) only: nothing replayed for the path
    assert_history(s, view)
    assert set(view.path_t.tolist()) <= {*trainer._checkpoints.iterations, trainer.iteration}
    assert len(view.path_t) > 3
    s.step()
    after = s.surface_view(0, 6)
    assert_history(s, after)
    assert after.path_t[-1] == 5_001 and after.path_t[-2] == 5_000
