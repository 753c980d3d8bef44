"""A step back (or a goto) whose replay would hold the window computes off the session's thread (issue 11: a
10⁶-parameter step back replays 60–200 ms) and lands as the step back of one call, bitwise; two quick ones go
back two; whatever the learner does meanwhile drops it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpgui.model.training import Trainer
from bpgui.session import running
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.fixture()
def heavy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(running, "HEAVY_SECONDS", -1.0)  # every replay counts as heavy


def stepped(n: int = 6) -> tuple[TrainingSession, Trainer]:
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), target_error=None))
    t = session._trainer
    twin = Trainer(session.initial_network, session.train_set, config=t.config, seed=t.seed)
    for _ in range(n):
        session.step()
        if session.run_pending:  # heavy: each Step computes off the thread too
            land(session)
        twin.step()
    assert session.iteration == n
    return session, twin


def land(session: TrainingSession) -> None:
    assert session.run_pending and session.wait_for_run(30)
    session.collect_background()
    assert not session.run_pending


def test_a_heavy_step_back_lands_as_the_step_back_of_one_call(heavy) -> None:
    session, twin = stepped()
    events: list[str] = []
    session.subscribe(lambda event, *args: events.append(event))
    session.step_back()
    assert session.iteration == 6 and "state" not in events  # the window still shows t = 6 while it computes
    land(session)
    assert events.count("state") == 1
    twin.step_back()
    assert session.iteration == twin.iteration == 5
    assert np.array_equal(session.network.flat, twin.network.flat)
    assert session.record is not None and np.array_equal(session.record.flat_values, twin.last_record.flat_values)
    session.goto(2)
    land(session)
    twin.goto(2)
    assert session.iteration == 2 and np.array_equal(session.network.flat, twin.network.flat)


def test_two_quick_step_backs_go_back_two(heavy) -> None:
    session, twin = stepped()
    session.step_back()
    session.step_back()  # the first still computing: the second goes back from where it goes
    land(session)
    twin.goto(4)
    assert session.iteration == 4 and np.array_equal(session.network.flat, twin.network.flat)


@pytest.mark.parametrize("action", ["step", "run", "edit", "reset", "pause"])
def test_what_the_learner_does_meanwhile_drops_the_step_back(heavy, action) -> None:
    session, _ = stepped()
    session.step_back()
    assert session.run_pending
    if action == "step":
        session.step()  # Step wins, from the state shown (t = 6): to t = 7
    elif action == "run":
        session.set_running(True)
    elif action == "edit":
        session.edit_parameter(0, 0.5)
    elif action == "reset":
        session.reset()
    else:
        session.pause()
    if session.run_pending:
        session.wait_for_run(30)
        session.collect_background()
    session.pause()
    expected = {"step": 7, "run": None, "edit": 6, "reset": 0, "pause": 6}[action]
    if expected is None:
        assert session.iteration >= 6  # Run went on from t = 6, never back to 5
    else:
        assert session.iteration == expected


def test_a_light_step_back_is_taken_at_once() -> None:
    session, twin = stepped()
    session.step_back()
    assert not session.run_pending and session.iteration == 5
    twin.step_back()
    assert np.array_equal(session.network.flat, twin.network.flat)


def test_a_refused_goto_leaves_run_and_a_step_back_in_flight_as_they_were(heavy) -> None:
    session, _ = stepped()
    session.step_back()
    events: list[tuple[str, object]] = []
    session.subscribe(lambda event, value=None: events.append((event, value)))
    session.goto(99)
    assert any(event == "message" for event, _ in events)
    land(session)
    assert session.iteration == 5


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.sampled_from(["step", "back", "back", "goto", "land", "land"]), min_size=1, max_size=14),
       seed=st.integers(0, 3))
def test_any_sequence_of_steps_step_backs_and_gotos_shows_what_a_model_of_them_says(heavy, actions, seed) -> None:
    """Steps, step backs and gotos computed off the thread, landing or not before the next action. The model:
    a step back goes back from where a step back in flight goes; a goto or step back replaces the one in
    flight; a Step drops it and goes on from the state shown; what lands is bitwise the trainer's own."""
    session, twin = stepped(4)
    shown, pending = 4, None  # the iteration shown; where a step back or goto in flight goes
    for n, action in enumerate(actions):
        if action == "land":
            if session.run_pending:
                land(session)
                shown, pending = (pending if pending is not None else shown), None
        elif action == "step":
            session.step()  # drops a goto in flight, steps from the state shown
            land(session)
            twin.goto(shown)
            twin.step()
            shown, pending = shown + 1, None
        elif action == "back":
            going = pending if pending is not None else shown
            session.step_back()
            if going > 0:
                pending = going - 1
        else:
            t = (seed + n) % (session._trainer.end + 1)
            session.goto(t)
            pending = t
        assert session.iteration == shown  # nothing shows before it lands
    if session.run_pending:
        land(session)
        shown = pending if pending is not None else shown
    twin.goto(shown)
    assert session.iteration == shown
    assert np.array_equal(session.network.flat, twin.network.flat)
    assert session.record is None if shown == 0 else session.record.iteration == shown
