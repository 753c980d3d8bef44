"""Practice → Worksheet, driven as a learner would: type, press Enter, step on and back, fade, switch language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bpgui.model.numbers import format_number
from bpgui.model.practice import mistakes as mk
from bpgui.model.practice.grading import rounded_text
from bpgui.views.worksheet_panel import GROUPS, hidden_groups


def _open(window):
    window.worksheet_action.trigger()
    sheet = window.worksheet
    assert sheet is not None and sheet.isVisible()
    sheet.level.setCurrentIndex(3)  # level 4: every cell to compute
    return sheet


def _values(window) -> dict[str, float]:
    return {c.key: c.value for c in window.controller.worksheet().cells}


def test_the_sheet_is_the_next_iteration_whose_numbers_are_not_shown_yet(window):
    c = window.controller
    c.step()
    sheet = _open(window)
    worksheet = c.worksheet()
    assert worksheet.iteration == c.iteration + 1 == 2
    c.step()  # and once it is taken, the network shows exactly the numbers the sheet asked for
    shown = c.display_record()
    assert shown.iteration == 2 and float(shown.sample_errors[0]) == worksheet.cell("error").value
    now = c.worksheet()
    assert now.iteration == 3 and sheet.heading.text().startswith(f"Iteration t = 3, sample k = {now.sample}: x = (")


def test_at_t_0_the_sheet_says_its_numbers_are_on_screen_already(window):
    sheet = _open(window)  # t = 0: the window shows the preview of iteration 1, the sheet's
    assert window.controller.worksheet().iteration == 1 and "Step once" in sheet.heading.text()
    window.controller.step()
    assert "Step once" not in sheet.heading.text()


def test_a_right_answer_is_marked_and_the_next_box_takes_the_focus(window, user):
    window.controller.step()
    sheet = _open(window)
    values = _values(window)
    first, second = list(sheet.boxes)[:2]
    sheet.activateWindow()
    user.qtbot.waitUntil(sheet.isActiveWindow, timeout=2000)
    user.type_into(sheet.boxes[first], rounded_text(values[first], 3))
    assert sheet.verdicts[first].text() == f"✓ Right: {format_number(values[first], window.shown_digits)}"
    assert QApplication.focusWidget() is sheet.boxes[second]
    assert sheet.score.text() == "Score: 1 of 1 right"


def test_a_known_mistake_is_named_and_a_refused_text_says_why_and_keeps_nothing(window, user):
    c = window.controller
    c.step()
    sheet = _open(window)
    worksheet = c.worksheet()
    y, yh = worksheet.targets[0], worksheet.cell("out:2:1").value
    user.type_into(sheet.boxes["delta:2:1"], rounded_text(y - yh, 4))  # g₁ without f′
    verdict = sheet.verdicts["delta:2:1"].text()
    assert verdict.startswith("✗ Not right") and c.mistake_text(mk.NO_SLOPE) in verdict
    assert sheet.missed.text() == "Missed most: gⱼ (1)"
    user.type_into(sheet.boxes["error"], "0.2 or so")
    refused = sheet.verdicts["error"].text()
    assert "not a number" in refused and c.practice_score() == (0, 1)
    user.type_into(sheet.boxes["net:1:1"], rounded_text(_values(window)["net:1:1"], 4))  # another cell checked
    assert sheet.verdicts["error"].text() == refused  # the refusal stays until the box is edited
    sheet.boxes["error"].setFocus()
    user.qtbot.keyClicks(sheet.boxes["error"], "5")
    sheet.refresh()
    assert sheet.verdicts["error"].text() == ""


def test_answers_stay_with_their_iteration_through_step_and_step_back(window, user):
    c = window.controller
    c.step()
    sheet = _open(window)
    text = rounded_text(_values(window)["out:1:1"], 4)
    user.type_into(sheet.boxes["out:1:1"], text)
    c.step()
    assert sheet.boxes["out:1:1"].text() == "" and sheet.verdicts["out:1:1"].text() == ""  # a fresh sheet
    c.step_back()
    assert sheet.boxes["out:1:1"].text() == text and sheet.verdicts["out:1:1"].text().startswith("✓")
    c.reset()
    c.step()  # the same seed: the same iteration 1, and its answer with it
    assert sheet.boxes["out:1:1"].text() == text and c.practice_score() == (1, 1)


def test_fading_gives_the_rest_and_is_remembered(window, qsettings):
    window.controller.step()
    sheet = _open(window)
    values = _values(window)
    sheet.level.setCurrentIndex(0)
    sheet.fading.setCurrentIndex(0)  # level 1 from the end: only the updates to compute
    assert set(sheet.boxes) == {k for k in values if k.startswith("update:")}
    given = sheet.findChild(type(sheet.boxes[next(iter(sheet.boxes))]), "cell:net:1:1")
    assert given.isReadOnly() and given.text() == format_number(values["net:1:1"], window.shown_digits)
    sheet.fading.setCurrentIndex(1)  # from the start: only the forward pass
    assert set(sheet.boxes) == {k for k in values if k.startswith(("net:", "out:"))}
    sheet.level.setCurrentIndex(2)
    assert qsettings.value("practice/level") in (3, "3") and qsettings.value("practice/fade_from") == "start"
    assert [hidden_groups(n, "end") for n in (1, 2, 3, 4)] == [{3}, {2, 3}, {1, 2, 3}, {0, 1, 2, 3}]
    assert len(GROUPS) == 4


def test_a_hand_edited_level_falls_back_to_one(window, tmp_path):
    from bpgui.views.worksheet_panel import WorksheetWindow

    for stored, index in (("lots", 0), ("²", 0), ("3", 2), ("99", 3)):  # "²" is a digit to isdigit
        bad = QSettings(str(tmp_path / "bad.ini"), QSettings.Format.IniFormat)
        bad.setValue("practice/level", stored)
        sheet = WorksheetWindow(window.controller, bad, window)
        assert sheet.level.currentIndex() == index, stored


def test_the_sheet_lists_what_it_starts_from_and_a_diverged_run_has_none(window):
    c = window.controller
    c.step()
    sheet = _open(window)
    rec = c.session._trainer.preview()
    v11 = format_number(float(rec.flat_values[0]), window.shown_digits)
    assert sheet.given.text().startswith("From: v₁₁ = " + v11) and "η = 1" in sheet.given.text()
    c.update_settings(data="sine", activation="linear", learning_rate=5.0, target_error=None)
    for _ in range(200):
        if isinstance(c.worksheet(), str):
            break
        c.step()
    assert "too large to work by hand" in sheet.heading.text() and not sheet.boxes


def test_a_language_switch_keeps_the_sheet_open_with_its_answers(window, user, switch_language):
    c = window.controller
    c.step()
    sheet = _open(window)
    text = rounded_text(_values(window)["net:1:2"], 5)
    user.type_into(sheet.boxes["net:1:2"], text)
    new = switch_language(window, "zh_CN")
    assert new.worksheet is not None and new.worksheet.isVisible()
    assert new.worksheet.windowTitle() == "练习表"
    new.worksheet.level.setCurrentIndex(3)
    assert new.worksheet.boxes["net:1:2"].text() == text and new.worksheet.verdicts["net:1:2"].text().startswith("✓")


def test_closing_the_window_closes_its_worksheet(window):
    """A floating worksheet left open would stand over whatever comes next (it took a later test's hover)."""
    sheet = _open(window)
    window.close()
    assert not sheet.isVisible()


def test_enter_while_running_grades_nothing_and_a_huge_answer_is_too_high(window, user):
    c = window.controller
    c.step()
    sheet = _open(window)
    c.set_running(True)
    user.type_into(sheet.boxes["error"], "0.1381")
    assert sheet.verdicts["error"].text().startswith("Pause first") and c.practice_score() == (0, 0)
    c.set_running(False)
    user.type_into(sheet.boxes["error"], "1.0e400")
    assert sheet.verdicts["error"].text().startswith("✗ Not right: too high")


def test_an_edit_that_changes_no_cell_still_shows_what_the_sheet_starts_from(window):
    c = window.controller
    c.step()
    sheet = _open(window)
    worksheet = c.worksheet()
    unused = next(i for i, x in enumerate(worksheet.inputs) if x == 0.0)  # v from an input that is 0 here
    c.edit_parameter(unused * 2, 0.3)  # v_i1 with x_i = 0: every cell the same
    assert [x.value for x in c.worksheet().cells] == [x.value for x in worksheet.cells]
    assert "0.3" in sheet.given.text().split(", ")[unused * 2] and "Step once" in sheet.heading.text()
