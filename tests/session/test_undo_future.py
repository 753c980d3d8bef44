"""A change made while stepped back drops the recorded future; Undo brings it back, exactly."""

import numpy as np


def test_undoing_an_edit_made_while_stepped_back_brings_the_dropped_future_back(session, recorder):
    for _ in range(8):
        session.step()
    future = session.network.flat.tobytes()
    session.goto(5)
    at_five = session.network.flat.tobytes()
    assert session.edit_parameter(0, 0.75)
    assert session.end == 5 and "iterations 6 to 8 were discarded" in recorder.messages("info")[-1]
    assert session.undo_edit()
    assert session.end == 8 and session.iteration == 5 and session.network.flat.tobytes() == at_five
    assert "iterations 6 to 8 are back" in recorder.messages("info")[-1]
    session.goto(8)
    assert session.network.flat.tobytes() == future


def test_undoing_a_setting_change_made_while_stepped_back_brings_the_future_and_the_setting_back(session, recorder):
    for _ in range(6):
        session.step()
    future = session.network.flat.tobytes()
    session.goto(2)
    session.set_learning_rate(0.25)
    assert session.end == 2 and session.can_undo_edit
    assert session.undo_edit()
    assert session.settings.learning_rate == 1.0 and session.end == 6
    session.goto(6)
    assert session.network.flat.tobytes() == future
    assert recorder.kinds().count("settings") >= 2  # the panel shows η = 1 again


def test_an_edit_at_the_end_undoes_as_before(session):
    for _ in range(3):
        session.step()
    before = session.network.flat.copy()
    session.edit_parameter(2, -1.5)
    assert session.undo_edit()
    np.testing.assert_array_equal(session.network.flat, before)
    assert not session.can_undo_edit


def test_one_iteration_back_is_said_in_the_singular(session, recorder):
    for _ in range(6):
        session.step()
    session.goto(5)
    assert session.edit_parameter(0, 0.75)
    assert recorder.messages("info")[-1].endswith("iteration 6 was discarded.")
    assert session.undo_edit()
    assert recorder.messages("info")[-1].endswith("iteration 6 is back.")
    session.set_learning_rate(0.25)
    assert recorder.messages("info")[-1].startswith("Iteration 6 was discarded: training continues from t = 5")
    assert session.undo_edit()
    assert recorder.messages("info")[-1] == "Setting change undone; iteration 6 is back."
