"""Practice at its edges (found by review): other activations and losses, a hunt, divergence, a big
network's selection, bugs that change nothing, and hostile data."""

from __future__ import annotations

import json
import random

import pytest

from bpgui.model.errors import DataError, DivergenceError
from bpgui.model.practice.grading import rounded_text
from bpgui.model.practice.planted import NO_SLOPE, RULES, UPDATE_SIGN, WRONG_INDEX
from bpgui.session.practice import PracticeBook
from bpgui.session.training import TrainingSession


def test_another_activation_or_loss_is_another_sheet_with_its_own_answers(session):
    sheet = session.worksheet()
    g = sheet.cell("delta:2:1")
    session.check_answer("delta:2:1", rounded_text(g.value, 4))
    session.update_settings(loss="cross_entropy")
    other = session.worksheet()
    assert other.cell("delta:2:1").value != g.value  # g_j = y_j − ŷ_j now
    assert session.worksheet_answers() == {}  # the old answer belongs to the other loss
    assert session.check_answer("delta:2:1", rounded_text(other.cell("delta:2:1").value, 4)).right


@pytest.mark.parametrize("rule", [NO_SLOPE, UPDATE_SIGN])
def test_during_a_hunt_the_sheet_is_the_real_rule_and_removing_the_bug_leaks_nothing(session, rule):
    real_sheet = session.worksheet()
    session.plant_bug(rule)
    hunt_sheet = session.worksheet()
    assert [c.value for c in hunt_sheet.cells] == [c.value for c in real_sheet.cells]  # t = 0: the same start
    session.step()
    sheet = session.worksheet()
    record = session._trainer.preview()  # the planted numbers the network will show
    for cell in sheet.cells:
        if cell.quantity == "update":  # the real rule's Δp = −η ∂E_k/∂p
            grad = sheet.cell(f"grad:{cell.parameter}").value
            assert cell.value == pytest.approx(-record.learning_rate * grad, rel=1e-12, abs=1e-15)
    session.remove_bug()
    assert [c.value for c in session.worksheet().cells] == [c.value for c in real_sheet.cells]


def test_a_prediction_during_a_hunt_says_what_the_network_shows_instead(session):
    session.update_settings(learning_rate=0.5)
    session.plant_bug(UPDATE_SIGN)
    session.set_predicting(True, quantity="update")
    while session.prompt is None:
        session.request_phase()
    prompt = session.prompt
    assert prompt.shown == pytest.approx(-prompt.cell.value)  # the planted update has the other sign
    prediction = session.answer_prediction(rounded_text(prompt.cell.value, 4))
    assert prediction.check.right and prediction.shown == prompt.shown
    shown = session.display_record()
    assert float(shown.flat_updates[prompt.cell.parameter]) == pytest.approx(prompt.shown)


def test_a_diverged_iteration_has_no_worksheet_and_asks_nothing():
    session = TrainingSession()
    session.update_settings(data="sine", activation="linear", learning_rate=5.0, target_error=None)
    for _ in range(200):
        try:
            session.worksheet()
        except DivergenceError as exc:
            assert "too large to work by hand" in str(exc)
            break
        session.step()
    else:
        pytest.fail("η = 5 on a linear network never diverged")
    session.set_predicting(True)
    before = session.phase_view
    session.request_phase()  # no question about numbers beyond working: the phase at once
    assert session.prompt is None and session.phase_view is not before


def test_a_big_networks_question_keeps_its_path_when_another_parameter_is_selected():
    session = TrainingSession()
    session.update_settings(hidden=(8,), target_error=None)
    session.select_parameter(3)
    session.set_predicting(True)
    session.request_phase()
    prompt = session.prompt
    assert prompt is not None and prompt.focus == 3
    session.select_parameter(20)
    assert session.answer_prediction(rounded_text(prompt.cell.value, 4)).check.right
    with pytest.raises(KeyError):  # a box of the old path: the controller says it is not on the sheet now
        session.check_answer("no such cell", "0.5")


def test_a_random_bug_always_changes_something_and_a_chosen_one_that_does_not_is_said(session, recorder):
    session.update_settings(hidden=(1,))  # one hidden unit: summing over every unit is summing over it
    for seed in range(20):
        session.plant_bug(rng=random.Random(seed))
        assert session._trainer.rule != WRONG_INDEX
    recorder.events.clear()
    session.plant_bug(WRONG_INDEX)
    said = [v.english() for e, v in recorder.events if e == "message"]
    assert any("changes nothing" in text for text in said)
    assert set(RULES) > {WRONG_INDEX}


@pytest.mark.parametrize(("field", "bad", "where"), [
    ("mistakes", [["sign"]], "mistakes[0]"), ("value", 10**400, "value"), ("gap", float("inf"), "gap")])
def test_hostile_numbers_and_nested_names_are_refused_with_a_data_error(field, bad, where):
    row = {"iteration": 1, "iteration_id": "ab", "key": "error", "quantity": "error", "text": "0.17",
           "right": False, "value": 0.167, "gap": 0.003, "mistakes": []}
    row[field] = bad
    with pytest.raises(DataError, match=rf"checks\[0\]\.{where.replace('[', chr(92) + '[')}"):
        PracticeBook.from_data({"format": "bpgui-practice", "version": 1, "checks": [row]})


def test_what_loads_is_strict_json_again():
    book = PracticeBook()
    session = TrainingSession()
    rec = session._trainer.preview()
    book.check(rec, session.network.activations, session.network.loss, "error", "9.9e400")
    assert json.loads(json.dumps(book.to_data(), allow_nan=False))["checks"][0]["gap"] == 1.7976931348623157e308
    assert PracticeBook.from_data(book.to_data()).checks[0].gap > 0  # too high, still


def test_working_from_the_numbers_as_shown_is_right():
    """Level 1 gives ∂E_k/∂p at 4 digits: −η times that number is right, though the true Δp differs in its
    4th digit (found: 73 of 360 such answers were marked wrong)."""
    session = TrainingSession()
    session.update_settings(learning_rate=0.3)
    called_right = 0
    for _ in range(6):
        session.step()
        sheet = session.worksheet()
        for cell in sheet.cells:
            if cell.quantity != "update":
                continue
            shown = float(f"{sheet.cell(f'grad:{cell.parameter}').value:.4g}")
            text = f"{-0.3 * shown:.4g}"
            check = session.check_answer(cell.key, text, digits=4)
            assert check.right, (cell.key, text, cell.value)
            called_right += 1
    assert called_right == 6 * 9
    far = session.check_answer("error", "0.95", digits=4)
    assert not far.right


def test_a_bug_found_once_is_not_found_in_the_next_hunt(session):
    session.plant_bug(NO_SLOPE)
    assert session.name_bug(NO_SLOPE) and session.planted_rule == NO_SLOPE
    session.remove_bug()
    session.plant_bug(NO_SLOPE)
    assert session.planted_rule is None  # a new hunt: not named yet


def test_a_second_plant_trains_with_the_settings_the_panel_shows(session):
    session.plant_bug(UPDATE_SIGN)
    session.update_settings(learning_rate=0.9)
    session.plant_bug(UPDATE_SIGN)
    assert session._trainer.config.learning_rate == 0.9 == session.settings.learning_rate


def test_a_setting_or_the_phase_plan_changing_makes_the_question_stale(session):
    session.set_predicting(True)
    session.request_phase()
    assert session.prompt is not None
    session.update_settings(mode="accumulated")
    assert session.prompt is None
    session.request_phase()
    assert session.prompt is not None
    session.set_per_output(True)
    assert session.prompt is None


def test_a_planted_threshold_gradient_says_what_the_network_shows():
    session = TrainingSession()
    session.plant_bug("threshold_sign")
    session.set_predicting(True, quantity="gradient")
    while session.prompt is None or "θ" not in session.prompt.cell.formula.lhs.text():
        if session.prompt is not None:
            session.skip_prediction()
        session.request_phase()
    prompt = session.prompt
    assert prompt.shown == pytest.approx(-prompt.cell.value)
