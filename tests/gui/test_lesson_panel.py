"""The Lesson panel (issue 13) as a learner follows a lesson: each step sets what it says, Back and Next
are exact, closing brings back the learner's own run, a language switch keeps the lesson."""

from __future__ import annotations

import json

from bpgui.views import lesson_panel

LESSON = {
    "format": "bpgui.lesson", "version": 1,
    "title": {"en": "Two steps", "zh_CN": "两步"},
    "steps": [
        {"title": {"en": "Start", "zh_CN": "开始"},
         "text": {"en": "Look at the network.\n\n- Press Step <twice> & see", "zh_CN": "看网络。\n\n- 按两次单步"},
         "state": {"example": "xor", "steps": 3, "select": "v_11", "tab": "curve"}},
        {"title": {"en": "Later", "zh_CN": "以后"},
         "text": {"en": "After 20 iterations.", "zh_CN": "二十次迭代以后。"},
         "state": {"example": "xor", "settings": {"learning_rate": 0.5}, "steps": 20, "phase": 2,
                   "tab": "learned"}},
    ],
}


def write(tmp_path, data=LESSON, name="two.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def dock_of(window):
    return window.findChild(lesson_panel.LessonDock)


def test_a_lesson_sets_each_step_and_back_and_next_are_exact(window, tmp_path):
    c = window.controller
    for _ in range(5):
        window.step_action.trigger()
    mine = c.network.flat.tobytes()
    assert lesson_panel.begin(window, write(tmp_path))
    dock = dock_of(window)
    assert dock.isVisible() and "Step 1 of 2: Start" in dock.heading.text()
    assert "&lt;twice&gt; &amp;" in dock.text.toHtml() or "<twice> &" in dock.text.toPlainText()
    assert c.iteration == 3 and c.selected_parameter == 0 and window.right_tabs.currentWidget() is window.plot
    assert not dock.back_button.isEnabled() and dock.next_button.isEnabled()
    for _ in range(4):  # the learner goes on in step 1
        window.step_action.trigger()
    left = (c.iteration, c.network.flat.tobytes())
    dock.next_button.click()
    assert c.iteration == 20 and c.settings.learning_rate == 0.5 and c.phase_view is not None
    assert window.right_tabs.currentWidget() is window.decision_map
    assert "Step 2 of 2" in dock.heading.text() and not dock.next_button.isEnabled()
    window.step_action.trigger()
    later = (c.iteration, c.network.flat.tobytes())
    dock.back_button.click()
    assert (c.iteration, c.network.flat.tobytes()) == left  # as the learner left it, bitwise
    assert window.right_tabs.currentWidget() is window.plot
    dock.next_button.click()
    assert (c.iteration, c.network.flat.tobytes()) == later
    dock.restart_button.click()
    assert c.iteration == 20  # the step as the lesson sets it
    dock.close()
    assert c.network.flat.tobytes() == mine and c.iteration == 5  # the learner's own run is back
    assert "your own run from before it is back" in window.status_area.message_text()
    assert lesson_panel.lessons_of(window).lesson is None


def test_a_language_switch_keeps_the_lesson_and_speaks_the_new_language(window, tmp_path, switch_language):
    assert lesson_panel.begin(window, write(tmp_path))
    lesson_panel.lessons_of(window).go(1)
    new = switch_language(window, "zh_CN")
    dock = dock_of(new)
    assert dock is not None and dock.isVisible()
    assert "两步" in dock.heading.text() and "二十次迭代以后" in dock.text.toPlainText()
    assert new.controller.iteration == 20
    dock.back_button.click()
    assert new.controller.iteration == 3


def test_a_damaged_lesson_is_refused_naming_its_key_and_changes_nothing(window, tmp_path):
    bad = json.loads(json.dumps(LESSON))
    bad["steps"][1]["state"]["select"] = "w_99"
    bad["steps"][0]["text"].pop("zh_CN")
    window.step_action.trigger()
    before = window.controller.network.flat.tobytes()
    assert not lesson_panel.begin(window, write(tmp_path, bad))
    assert "steps[0].text.zh_CN" in window.status_area.message_text()
    assert window.controller.network.flat.tobytes() == before and window.controller.iteration == 1
    assert dock_of(window) is None or not dock_of(window).isVisible()


def test_help_lessons_lists_the_shipped_lessons_and_file_opens_a_teachers(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    titles = [a.text() for a in window.lessons_menu.actions() if a.text()]
    assert len(titles) == len(lesson_panel.shipped_lessons()) + 1  # and Open lesson…
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(write(tmp_path)), ""))
    window.open_lesson_action.trigger()
    assert lesson_panel.lessons_of(window).lesson.title["en"] == "Two steps"


def test_step_html_escapes_and_makes_paragraphs_and_bullets():
    out = lesson_panel.step_html("A <b> & c\nd\n\n- one\n- two <i>\n\n\n")
    assert out == "<p>A &lt;b&gt; &amp; c<br>d</p><ul><li>one</li><li>two &lt;i&gt;</li></ul>"


PERCEPTRON = {
    "format": "bpgui.lesson", "version": 1, "title": {"en": "Lab", "zh_CN": "感知机"},
    "steps": [
        {"title": {"en": "AND", "zh_CN": "与"}, "text": {"en": "a", "zh_CN": "甲"},
         "state": {"perceptron": "and", "perceptron_steps": 1, "tab": "curve"}},
        {"title": {"en": "XOR", "zh_CN": "异或"}, "text": {"en": "b", "zh_CN": "乙"},
         "state": {"perceptron": "xor", "perceptron_steps": 2, "tab": "learned", "predict": True}},
    ],
}


def lab_state(window):
    p = window.perceptron
    if p is None or not p.isVisible():
        return None
    lab = p.lab
    return lab.problem, lab.rule, lab.learning_rate, lab.iteration, tuple(lab.weights), lab.threshold


def test_back_and_next_bring_the_window_part_back_as_left_and_closing_brings_back_the_window(window, tmp_path):
    window.right_tabs.setCurrentWidget(window.decision_map)
    assert lesson_panel.begin(window, write(tmp_path, PERCEPTRON))
    dock = dock_of(window)
    lab = window.perceptron.lab
    assert lab_state(window)[:4] == ("and", "batch", 1.0, 1)
    lab.step()
    lab.set_learning_rate(0.5)
    lab.step()
    left = lab_state(window)
    dock.next_button.click()
    assert lab_state(window)[:4] == ("xor", "batch", 1.0, 2) and window.predict_action.isChecked()
    assert window.right_tabs.currentWidget() is window.decision_map
    window.right_tabs.setCurrentWidget(window.plot)
    dock.back_button.click()
    assert lab_state(window) == left  # the learner's η and iteration, exactly
    dock.next_button.click()
    assert lab_state(window)[:4] == ("xor", "batch", 1.0, 2) and window.right_tabs.currentWidget() is window.plot
    dock.close()
    assert lab_state(window) is None and not window.predict_action.isChecked()
    assert window.right_tabs.currentWidget() is window.decision_map  # as before the lesson


def test_a_language_switch_keeps_the_steps_window_part(window, tmp_path, switch_language, qtbot):
    assert lesson_panel.begin(window, write(tmp_path, PERCEPTRON))
    lesson_panel.lessons_of(window).go(1)
    window.perceptron.lab.step()
    before = lab_state(window)
    new = switch_language(window, "zh_CN")
    qtbot.waitUntil(lambda: lab_state(new) is not None, timeout=3000)
    assert lab_state(new) == before and new.right_tabs.currentWidget() is new.decision_map
    assert new.predict_action.isChecked()


def test_a_step_that_cannot_be_set_refuses_the_lesson_when_opened_naming_the_step(window, tmp_path):
    bad = json.loads(json.dumps(LESSON))
    bad["steps"][1]["state"]["select"] = "v_33"
    assert not lesson_panel.begin(window, write(tmp_path, bad))
    text = window.status_area.message_text()
    assert "steps[1].state: select: the 2-2-1 network has no parameter v_33; its names are v_11" in text


def test_the_lesson_tab_title_is_short_whatever_the_lessons_title(window, tmp_path):
    long = json.loads(json.dumps(LESSON))
    long["title"]["en"] = "A very long lesson title " * 6
    assert lesson_panel.begin(window, write(tmp_path, long))
    assert dock_of(window).windowTitle() == "Lesson 1/2"


def test_a_second_lesson_over_a_first_closes_to_the_learners_own_run(window, tmp_path):
    c = window.controller
    for _ in range(4):
        window.step_action.trigger()
    mine = c.network.flat.tobytes()
    assert lesson_panel.begin(window, write(tmp_path))
    lesson_panel.lessons_of(window).go(1)
    assert lesson_panel.begin(window, write(tmp_path, PERCEPTRON, "lab.json"))
    assert "lesson is closed" not in window.status_area.message_text()
    dock_of(window).close()
    assert c.iteration == 4 and c.network.flat.tobytes() == mine


def test_the_prediction_strip_never_widens_the_window_at_large_text(window, tmp_path, qtbot):
    window.resize(1024, 768)
    window.set_text_scale(1.75)
    assert lesson_panel.begin(window, "resources/lessons/05-one-iteration.json")
    lesson_panel.lessons_of(window).go(1)  # Predict comes on
    bar = window.predict_bar
    bar.score.setText("Predictions: 0 of 8 right · Missed most: ∂Eₖ/∂p (3), Eₖ (2), Δp (1), g₁ (1), e₁ (1)")
    qtbot.wait(50)
    assert bar.minimumSizeHint().width() < 500 and window.minimumSizeHint().width() <= 1024


def test_each_steps_selection_reaches_the_table_and_the_chain_rule(window, tmp_path):
    two = json.loads(json.dumps(LESSON))
    two["steps"][1]["state"]["select"] = "θ_1"
    assert lesson_panel.begin(window, write(tmp_path, two))
    assert window.table.selected_parameter() == 0
    dock_of(window).next_button.click()
    assert window.controller.selected_parameter == 8 and window.table.selected_parameter() == 8
