"""Predict, then reveal, in the session: asked before each phase, graded, revealed, kept, never stale."""

from __future__ import annotations

import pytest

from bpgui.model.practice.grading import AnswerError, rounded_text


def test_each_phase_asks_for_one_value_it_reveals_then_reveals_it(session, recorder):
    session.set_predicting(True)
    asked = []
    for _ in range(len(session.phase_plan) * 2):  # two iterations, phase by phase
        phase_before = session.phase_view
        session.request_phase()
        prompt = session.prompt
        assert prompt is not None and session.phase_view is phase_before  # asked, not revealed yet
        asked.append(prompt.cell.key)
        prediction = session.answer_prediction(rounded_text(prompt.cell.value, 4))
        assert prediction.check.right and prediction.check.key == "predict:" + prompt.cell.key
        assert session.phase_view is not phase_before  # revealed
        shown = session.display_record()
        assert shown.iteration == prompt.record.iteration
        assert prediction.line.sides[-1].evaluate(None, {}) == prompt.cell.value
    assert len(asked) == 2 * len(session.phase_plan)
    assert session.practice.prediction_score() == (len(asked), len(asked)) and session.practice.score() == (0, 0)
    assert session.worksheet_answers() == {}  # predictions are not worksheet answers


def test_a_wrong_prediction_is_kept_and_a_refused_one_reveals_nothing(session):
    session.set_predicting(True)
    session.request_phase()
    prompt = session.prompt
    with pytest.raises(AnswerError):
        session.answer_prediction("maybe")
    assert session.prompt == prompt and session.phase_view is None
    prediction = session.answer_prediction(rounded_text(prompt.cell.value * 2 + 1, 3))
    assert not prediction.check.right and session.practice.missed(predictions=True) == [(prompt.cell.quantity, 1)]
    assert session.practice.missed() == []  # the worksheet's misses are its own


def test_a_chosen_quantity_is_asked_only_when_a_phase_reveals_it(session):
    session.set_predicting(True, quantity="output_delta")
    for _ in range(3):  # the forward phases and the error reveal no g_j: each goes by at once
        session.request_phase()
        assert session.prompt is None
    session.request_phase()
    assert session.prompt is not None and session.prompt.cell.quantity == "output_delta"
    assert session.phase_view.error_known


def test_anything_else_the_learner_does_makes_the_prompt_stale(session):
    session.set_predicting(True)
    session.request_phase()
    assert session.prompt is not None
    session.step()
    assert session.prompt is None
    with pytest.raises(KeyError):
        session.answer_prediction("0.5")
    session.request_phase()
    session.skip_prediction()
    assert session.prompt is None and session.phase_view is not None
    session.set_predicting(False)
    before = session.phase_view
    session.request_phase()  # not practising: the phase at once
    assert session.prompt is None and session.phase_view is not before


def _through_iteration(session):
    """Show the rest of the iteration, then ask (or step) until a question is asked."""
    while session.phase_view is not None and not session.phase_view.updated:
        session.step_phase()
    session.request_phase()
    while session.prompt is None:
        session.request_phase()
    return session.prompt


def test_the_sign_level_never_asks_a_sign_known_before_any_arithmetic(session):
    session.set_predicting(True, level="sign")
    for _ in range(12):
        session.request_phase()
        prompt = session.prompt
        if prompt is not None:  # never Eₖ ≥ 0, nor a sigmoid's output
            assert prompt.cell.quantity not in ("error", "output") and prompt.level == "sign"
            assert session.answer_prediction("+").check.right is (prompt.cell.value > 0)


def test_bigger_or_smaller_is_asked_only_against_the_same_samples(session):
    session.set_predicting(True, quantity="net", level="compare")
    session.request_phase()  # standard BP: iteration 1 has nothing before it, iteration 2 another sample
    assert session.prompt.level == "sign" and session.prompt.before is None
    session.skip_prediction()
    assert _through_iteration(session).level == "sign"
    session.set_predicting(False)
    session.update_settings(mode="accumulated")  # every pass the same samples: a before that means something
    session.reset()
    session.step()
    session.set_predicting(True, quantity="net", level="compare")
    prompt = _through_iteration(session)
    assert prompt.level == "compare" and prompt.record.iteration == 2
    last = session._trainer.last_record
    before = session.practice.sheet(last, session.network.activations, session.network.loss).cell(
        prompt.cell.key).value
    assert prompt.before == before
    wrong = "<" if prompt.cell.value > before else ">"
    check = session.answer_prediction(wrong).check
    assert not check.right and check.text == wrong and check.gap != check.gap  # no gap for a comparison
    with pytest.raises(KeyError):
        session.set_predicting(True, level="guess")


def test_the_new_weight_can_be_predicted_and_is_what_the_update_applies(session):
    session.set_predicting(True, quantity="new")
    while session.prompt is None:
        session.request_phase()
    prompt = session.prompt
    assert prompt.cell.quantity == "new" and session.phase_view.phase.kind != "update"
    prediction = session.answer_prediction(rounded_text(prompt.cell.value, 5))
    assert prediction.check.right and session.phase_view.updated
    assert float(session.network.flat[prompt.cell.parameter]) == prompt.cell.value
    assert prediction.line.sides[2].evaluate(None, {}) == prompt.cell.value
