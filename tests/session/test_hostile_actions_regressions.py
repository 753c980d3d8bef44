"""What test_hostile_actions.py found, one focused test each: refusals are messages and change nothing."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from bpgui.model.errors import BpguiError
from bpgui.session.settings import Settings, settings_from_json
from bpgui.session.training import TrainingSession


def errors(recorder) -> list[str]:
    return recorder.messages("error")


def state_of(session: TrainingSession) -> tuple[Any, ...]:
    return (session.settings, session.network.flat.tobytes(), session.iteration, session.end,
            session.phase_view, session.running)


@pytest.mark.parametrize("changes, words", [
    ({"hidden": 2}, "hidden layer sizes must be a list"),
    ({"hidden": None}, "hidden layer sizes must be a list"),
    ({"data": None}, "built-in name or a file path"),
    ({"test_fraction": 0.95}, "from 0 to 0.9"),
    ({"test_fraction": None}, "from 0 to 0.9"),
    ({"shuffle": 0}, "shuffle must be on or off"),
    ({"seed": 2**40}, "from 0 to 2147483647"),
    ({"target_error": True}, "target error must be a number"),
    ({"learning_rate": 10**400}, "learning rate η must be a positive finite number"),
    ({"target_error": 10**400}, "target error must be a number"),
    # Without hidden layers the model never looks at the activation: it must not slip in.
    ({"hidden": (), "activation": "nope"}, "activation must be one of"),
    ({"mode": None}, "mode must be one of"),
])
def test_settings_the_panel_could_not_show_are_refused_not_raised(session, recorder, changes, words):
    session.set_running(True)  # a refusal mid-run leaves Run running
    before = state_of(session)
    assert session.update_settings(**changes) is False
    assert any(words in m for m in errors(recorder)), errors(recorder)
    assert state_of(session) == before


def test_numpy_numbers_become_the_plain_ones_the_panel_holds(session):
    assert session.update_settings(batch_size=np.int64(3), learning_rate=np.float64(0.5), hidden=[np.int64(3)],
                                   seed=np.int32(4), target_error=0)
    s = session.settings
    assert (type(s.batch_size), type(s.learning_rate), type(s.seed), type(s.target_error)) == (int, float, int, float)
    assert s.hidden == (3,) and type(s.hidden[0]) is int
    hash(s)  # a frozen dataclass with a list inside would not hash


def test_a_remembered_integer_too_large_for_a_float_falls_back_to_the_default():
    problems: list[str] = []
    assert settings_from_json('{"learning_rate": 1' + "0" * 400 + "}", problems) == Settings()
    assert problems == ["learning_rate"]


@pytest.mark.parametrize("value", ["abc", None, [1], pytest.param(10**400, id="10**400"), math.nan, True])
def test_a_hand_edit_that_is_not_a_finite_number_is_refused_in_the_models_words(session, recorder, value):
    session.step_phase()
    while session.phase_view.phase.kind != "update":
        session.step_phase()  # an edit is allowed in the update phase; a refused one must not leave it
    before = state_of(session)
    assert session.edit_parameter(0, value) is False
    [message] = recorder.events[-1:]
    assert message[0] == "message" and isinstance(message[1].args[0], BpguiError)
    assert "a parameter must be a finite number" in errors(recorder)[-1]
    assert state_of(session) == before


def test_a_refused_goto_leaves_the_phase_and_run_as_they_were(session, recorder):
    session.step_phase()
    before = state_of(session)
    session.goto(5)
    assert "iteration must be between 0 and 0" in errors(recorder)[-1]
    assert state_of(session) == before
    session.set_running(True)
    session.goto(-1)
    assert session.running


def test_a_refused_example_or_structure_leaves_run_running(session):
    session.set_running(True)
    assert session.update_settings(hidden=(0,)) is False
    assert session.running
    assert session.update_settings(hidden=(3,))
    assert not session.running  # a new network starts paused at t = 0


@pytest.mark.parametrize("listening", [True, False])
def test_training_runs_that_diverge_is_refused_not_raised(make_recorder, listening):
    from bpgui.session.settings import Settings
    from bpgui.session.training import TrainingSession

    session = TrainingSession(Settings(activation="linear", learning_rate=1e300, target_error=None))
    recorder = make_recorder(session) if listening else None
    session.train_runs(50)
    if recorder is not None:
        assert any("Run A diverged at iteration 2" in m and "t = 1" in m for m in recorder.messages("error"))
        assert "runs" in recorder.kinds()
        assert session.iteration == session.end == 1  # the last finite iteration, kept
        assert np.all(np.isfinite(session.network.flat))


def test_choosing_again_the_setting_in_force_before_a_change_drops_the_change(session):
    session.step()
    session.step()
    session.update_settings(learning_rate=0.3)
    session.goto(0)
    assert session.update_settings(learning_rate=1.0)
    session.goto(session.end)
    session.step()
    assert session.record.learning_rate == session.settings.learning_rate == 1.0


def test_an_edit_that_drops_a_future_setting_keeps_training_with_the_setting_shown():
    """Steps, η changed, a step back, an edit: the edit dropped the iteration where η changed, and the panel
    still shows the new η; training from here uses it (it went on with the old one), and Undo brings the
    dropped future back as it was."""
    session = TrainingSession(Settings())
    for _ in range(4):
        session.step()
    session.update_settings(learning_rate=0.1)
    session.step_back()
    session.edit_parameter(0, 0.0)
    assert session.iteration == session.end == 3
    assert session._trainer.config.learning_rate == session.settings.learning_rate == 0.1
    assert session.undo_edit()
    assert session.end == 4 and session.iteration == 3
