"""A corrupt settings file never stops the window: it starts on the defaults and says so once.
Error text quoting a CSV cell is shown as plain text (message box, banner, status tooltip)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from bpgui.session.settings import Settings, settings_to_json
from bpgui.views.main_window import MainWindow
from bpgui.views.preferences import SETTINGS_KEY, remembered_settings, settings_replaced

SENTENCE = "The remembered settings could not be read and were replaced by the defaults."


def _start(qtbot, qsettings) -> tuple[MainWindow, list[tuple[str, str]]]:
    """The window built from ``qsettings`` (its controller too), and every message it shows from then on."""
    window = MainWindow(qsettings=qsettings)
    qtbot.addWidget(window)
    shown: list[tuple[str, str]] = []
    real = window.show_message

    def spy(level: str, text: str) -> None:
        shown.append((level, text))
        real(level, text)

    window.show_message = spy  # type: ignore[method-assign]
    window.show()
    qtbot.wait(20)  # the start-up message is posted to the event loop
    return window, shown


@pytest.mark.parametrize("stored", [
    "null", "[1, 2]", '{"activation": [1]}', "[" * 50_000 + "]" * 50_000, '{"hidden": {"a": {"b": [[[]]]}}}',
    "{not json", '{"seed": -5, "learning_rate": "fast"}',
])
def test_a_corrupt_remembered_setting_starts_on_the_defaults_and_says_so_once(qtbot, qsettings, no_dialogs,
                                                                           stored):
    qsettings.setValue(SETTINGS_KEY, stored)
    qsettings.sync()
    window, shown = _start(qtbot, qsettings)
    try:
        assert window.controller.settings == Settings()
        assert shown.count(("info", SENTENCE)) == 1
        assert window.status_area.message_text() == SENTENCE
    finally:
        window.controller.pause()


def test_a_bad_value_among_good_ones_keeps_the_good_ones(qtbot, qsettings, no_dialogs):
    qsettings.setValue(SETTINGS_KEY, json.dumps({"activation": [1], "hidden": [3], "learning_rate": 0.5}))
    window, shown = _start(qtbot, qsettings)
    s = window.controller.settings
    assert (s.activation, s.hidden, s.learning_rate) == ("sigmoid", (3,), 0.5)
    assert shown.count(("info", SENTENCE)) == 1


def test_a_csv_that_is_gone_falls_back_to_the_defaults_and_says_so(qtbot, qsettings, no_dialogs, tmp_path):
    qsettings.setValue(SETTINGS_KEY, settings_to_json(Settings(data=str(tmp_path / "gone.csv"), hidden=(4,))))
    window, shown = _start(qtbot, qsettings)
    assert window.controller.settings == Settings()
    assert shown.count(("info", SENTENCE)) == 1


def test_good_or_no_remembered_settings_say_nothing(qtbot, qsettings, no_dialogs):
    window, shown = _start(qtbot, qsettings)
    assert shown == []
    qsettings.setValue(SETTINGS_KEY, settings_to_json(Settings(hidden=(3,), seed=7)))
    window, shown = _start(qtbot, qsettings)
    assert window.controller.settings == Settings(hidden=(3,), seed=7)
    assert ("info", SENTENCE) not in shown


def test_remembered_settings_reads_what_qsettings_gives_back(tmp_path):
    ini = tmp_path / "raw.ini"
    ini.write_text("[training]\nsettings=a, b\n", encoding="utf-8")  # read back as a list, not a string
    assert remembered_settings(QSettings(str(ini), QSettings.Format.IniFormat)) == (Settings(), settings_replaced())
    empty = QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat)
    assert remembered_settings(empty) == (Settings(), None)
    assert settings_replaced() == SENTENCE


CELL = 'column 2: "<img src=x onerror=1><b>bold</b>" is not a number'


def test_a_quoted_cell_is_shown_as_plain_text_in_the_box_banner_and_tooltip(window, monkeypatch):
    monkeypatch.delenv("BPGUI_NO_DIALOGS")
    boxes: list[tuple[Qt.TextFormat, str]] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.show_message("error", CELL)
    assert boxes == [(Qt.TextFormat.PlainText, CELL)]
    assert window.banner.textFormat() == Qt.TextFormat.PlainText and window.banner.text() == CELL
    tip = window.status_area.message_label.toolTip()
    assert "<img" not in tip and "&lt;img src=x onerror=1&gt;&lt;b&gt;bold&lt;/b&gt;" in tip
    assert window.status_area.message_text() == CELL


def test_a_message_that_cannot_be_mistaken_for_html_keeps_its_tooltip_as_it_is(window):
    window.show_message("info", "E ≤ 0.01 reached at epoch 12 (a < b)")
    assert window.status_area.message_label.toolTip() == "E ≤ 0.01 reached at epoch 12 (a < b)"
