"""Practice → Predict before each phase, as a learner does it with the keyboard."""

from __future__ import annotations

from bpgui.model.numbers import format_number
from bpgui.model.practice.grading import rounded_text


def test_step_phase_asks_first_then_reveals_with_the_numbers(window, user):
    c = window.controller
    bar = window.predict_bar
    assert not bar.isVisible()
    window.predict_action.trigger()
    assert bar.isVisible() and not bar.reveal.isEnabled()
    window.phase_action.trigger()
    prompt = c.prompt
    assert prompt is not None and c.phase_view is None  # asked; nothing shown yet
    assert prompt.cell.formula.lhs.html() in bar.question.text() and bar.reveal.isEnabled()
    user.type_into(bar.answer, rounded_text(prompt.cell.value, 3))
    assert c.phase_view is not None and c.prompt is None  # revealed
    shown = bar.result.text()
    assert shown.startswith('<span style="color: ') and "✓" in shown
    assert format_number(prompt.cell.value, window.shown_digits) in shown and " = " in shown
    numbers = c.last_prediction.line.sides[2]  # the formula in numbers, worth the value revealed
    assert numbers.evaluate(None, {}) == prompt.cell.value and numbers.html() in shown
    assert bar.score.text() == "Predictions: 1 of 1 right" and not bar.reveal.isEnabled()
    window.phase_action.trigger()
    user.type_into(bar.answer, rounded_text(c.prompt.cell.value * 3 + 1, 3))  # a miss: said beside the score
    assert bar.score.text().startswith("Predictions: 1 of 2 right · Missed most: ")


def test_a_refused_prediction_reveals_nothing_and_skip_reveals_without_one(window, user):
    c = window.controller
    window.predict_action.trigger()
    window.phase_action.trigger()
    user.type_into(bar_answer := window.predict_bar.answer, "<b>soon</b>")
    assert c.phase_view is None and c.prompt is not None
    assert "&lt;b&gt;" in window.predict_bar.result.text()  # what was typed is shown as text, never markup
    assert bar_answer.text() == "<b>soon</b>"
    user.click(window.predict_bar.skip)
    assert c.phase_view is not None and c.prediction_score() == (0, 0)


def test_a_step_makes_the_question_stale_and_turning_practice_off_hides_the_bar(window):
    c = window.controller
    window.predict_action.trigger()
    window.phase_action.trigger()
    assert window.predict_bar.reveal.isEnabled()
    c.step()
    assert c.prompt is None and not window.predict_bar.reveal.isEnabled()
    window.predict_action.trigger()
    assert not c.predicting and not window.predict_bar.isVisible()
    before = c.phase_view
    window.phase_action.trigger()
    assert c.phase_view is not before  # not practising: Step phase shows the phase at once


def test_the_sign_level_asks_for_a_sign_and_says_what_it_was(window, user):
    c = window.controller
    window.predict_choices[("level", "sign")].trigger()  # Practice → What to predict → Its sign
    window.predict_action.trigger()
    window.phase_action.trigger()
    prompt = c.prompt
    assert prompt.level == "sign" and "the sign of" in window.predict_bar.question.text()
    sign = "+" if prompt.cell.value > 0 else ("-" if prompt.cell.value < 0 else "0")
    user.type_into(window.predict_bar.answer, sign)
    assert "✓" in window.predict_bar.result.text() and "gap" not in window.predict_bar.result.text()


def test_what_to_predict_is_remembered_and_a_hand_edited_choice_falls_back(window, qsettings, tmp_path):
    window.predict_choices[("quantity", "output_delta")].trigger()
    window.predict_choices[("level", "compare")].trigger()
    assert qsettings.value("practice/predict_quantity") == "output_delta"
    window.predict_action.trigger()
    c = window.controller
    while c.prompt is None:
        window.phase_action.trigger()
    assert c.prompt.cell.quantity == "output_delta" and c.prompt.level == "sign"  # iteration 1: no before
    from PySide6.QtCore import QSettings

    from bpgui.views.main_window import MainWindow

    q = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    q.setValue("practice/predict_level", "telepathy")
    other = MainWindow(qsettings=q)
    try:
        assert other.predict_choices[("level", "value")].isChecked()
        assert other.predict_choices[("quantity", None)].isChecked()
    finally:
        other.close()


def test_a_language_switch_keeps_the_question_asked_and_the_last_answer(window, user, switch_language):
    c = window.controller
    window.predict_action.trigger()
    window.phase_action.trigger()
    user.type_into(window.predict_bar.answer, rounded_text(c.prompt.cell.value, 4))
    window.phase_action.trigger()
    asked = c.prompt
    new = switch_language(window, "zh_CN")
    assert new.predict_action.isChecked() and new.predict_bar.isVisible()
    assert c.prompt is asked and new.predict_bar.reveal.isEnabled()  # still asked
    assert "✓" in new.predict_bar.result.text() and "你的预测是" in new.predict_bar.result.text()
