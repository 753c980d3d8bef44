"""The settings panel alone: it shows settings without a word, and turns what a learner types
or picks into one change request (or one refusal, after which it shows the settings in force)."""

import pytest
from PySide6.QtCore import Qt

from bpgui.controller import Settings
from bpgui.views.settings_panel import SettingsPanel


@pytest.fixture()
def panel(qtbot):
    widget = SettingsPanel()
    qtbot.addWidget(widget)
    widget.show_settings(Settings())
    widget.show()
    return widget


@pytest.fixture()
def sent(panel):
    """Everything the panel sent: ("change", dict), ("refused", text) or ("import", None)."""
    out = []
    panel.changes_requested.connect(lambda changes: out.append(("change", changes)))
    panel.invalid_input.connect(lambda text: out.append(("refused", text)))
    panel.import_requested.connect(lambda: out.append(("import", None)))
    return out


def test_showing_settings_fills_every_field_and_sends_nothing(panel, sent):
    panel.show_settings(Settings(data="watermelon3.0", hidden=(8, 4), mode="minibatch", batch_size=5,
                                 learning_rate=0.25, shuffle=False, target_error=None, max_epochs=300))
    assert panel.data.currentText() == "watermelon 3.0" and panel.data.currentData() == "watermelon3.0"
    assert panel.hidden.text() == "8,4"
    assert panel.mode.currentData() == "minibatch" and panel.batch_size.isEnabled()
    assert panel.batch_size.value() == 5 and panel.learning_rate.text() == "0.25"
    assert not panel.shuffle.isChecked() and panel.target_error.text() == "" and panel.max_epochs.value() == 300
    panel.show_settings(Settings())
    assert not panel.batch_size.isEnabled()  # only mini-batch has a batch size
    assert sent == []


@pytest.mark.parametrize("field, text, change", [
    ("learning_rate", "0.5", {"learning_rate": 0.5}),
    ("learning_rate", "2e-1", {"learning_rate": 0.2}),
    ("hidden", "8, 4", {"hidden": (8, 4)}),
    ("hidden", "", {"hidden": ()}),
    ("target_error", "0.05", {"target_error": 0.05}),
    ("target_error", "", {"target_error": None}),
])
def test_typing_a_value_and_return_requests_that_change(panel, sent, user, field, text, change):
    user.type_into(getattr(panel, field), text)
    assert sent == [("change", change)]


def test_typing_the_value_in_force_requests_nothing(panel, sent, user):
    user.type_into(panel.learning_rate, "1")
    user.type_into(panel.hidden, "2")
    assert sent == []


@pytest.mark.parametrize("field, text, words", [
    ("learning_rate", "abc", "must be a number, got “abc”"),
    ("learning_rate", "-1", "positive number, got -1"),
    ("learning_rate", "inf", "positive number"),
    ("hidden", "4,x", "positive whole numbers"),
    ("target_error", "lots", "must be a number (or empty for none), got “lots”"),
])
def test_text_that_is_not_a_setting_is_refused_and_the_field_shows_the_setting_again(panel, sent, user, field,
                                                                                       text, words):
    edit = getattr(panel, field)
    shown = edit.text()
    user.type_into(edit, text)
    assert len(sent) == 1 and sent[0][0] == "refused" and words in sent[0][1]
    assert edit.text() == shown


def test_a_file_name_with_a_placeholder_is_quoted_as_typed(panel, sent, user):
    # %1 in the typed text must not be substituted again (one-pass filling).
    user.type_into(panel.learning_rate, "%1%2")
    assert sent == [("refused", "The learning rate η must be a number, got “%1%2”.")]


def test_picking_from_the_combo_boxes_requests_the_entrys_value(panel, sent, user):
    user.choose(panel.mode, "accumulated BP")
    user.choose(panel.activation, "tanh")
    user.choose(panel.loss, "cross-entropy")
    user.choose(panel.init, "Xavier/Glorot")
    user.choose(panel.data, "spiral")
    user.choose(panel.label_type, "classes")
    assert sent == [("change", {"mode": "accumulated"}), ("change", {"activation": "tanh"}),
                    ("change", {"loss": "cross_entropy"}), ("change", {"init": "xavier"}),
                    ("change", {"data": "spiral"}), ("change", {"label_type": "classes"})]


def test_the_spin_boxes_and_the_check_box(panel, sent, qtbot, user):
    panel.show_settings(Settings(mode="minibatch"))
    spin = panel.max_epochs
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "500")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.keyClick(panel.batch_size, Qt.Key.Key_Up)  # 8 → 9
    qtbot.keyClick(panel.batch_size, Qt.Key.Key_Return)
    user.click(panel.shuffle)
    assert sent == [("change", {"max_epochs": 500}), ("change", {"batch_size": 9}), ("change", {"shuffle": False})]


def test_the_import_button_asks_for_a_file(panel, sent, user):
    user.click(panel.import_button)
    assert sent == [("import", None)]


def test_an_imported_csv_is_offered_by_its_name_with_its_path_as_tip(panel, tmp_path):
    path = str(tmp_path / "melons.csv")
    panel.show_settings(Settings(data=path))
    assert panel.data.currentText() == "melons.csv" and panel.data.currentData() == path
    assert panel.data.itemData(panel.data.currentIndex(), Qt.ItemDataRole.ToolTipRole) == path
    panel.show_settings(Settings(data=path))
    assert panel.data.findData(path) == panel.data.count() - 1 and panel.data.count() == 12  # not added twice


def test_numbers_are_shown_as_the_screen_writes_them_and_read_back(panel, sent):
    panel.show_settings(Settings(learning_rate=1.25e-05, target_error=0.001))
    assert panel.learning_rate.text() == "1.25×10⁻⁵" and panel.target_error.text() == "0.001"
    panel.learning_rate.editingFinished.emit()  # the text shown, entered again (QTest types ASCII only)
    assert sent == []
    panel.learning_rate.setText("\u22122.5×10⁻²")  # pasted from the screen: a true minus, a power of ten
    panel.learning_rate.editingFinished.emit()
    assert sent == [("refused", "The learning rate η must be a positive number, got \u22122.5×10⁻².")]
    panel.target_error.setText("2.5×10⁻²")
    panel.target_error.editingFinished.emit()
    assert sent[-1] == ("change", {"target_error": 0.025})


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_large_text_in_a_narrow_dock_every_field_goes_under_its_label_and_nothing_is_cut(qtbot, language):
    from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QScrollArea

    from bpgui.views.language import install_language
    from bpgui.views.text_scale import apply_text_scale

    app = QApplication.instance()
    install_language(app, language)
    try:
        apply_text_scale(1.75)
        panel = SettingsPanel()
        panel.set_text_scale(1.75)
        scroll = QScrollArea()
        qtbot.addWidget(scroll)
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.resize(300, 700)  # the settings dock's width at 1024 × 768
        scroll.show()
        qtbot.waitUntil(lambda: panel.width() >= scroll.viewport().width())
        assert panel.side_by_side_width() > 300  # too wide for labels beside fields at 175 %
        assert panel.minimumSizeHint().width() <= scroll.viewport().width()  # …but no sideways scrolling
        assert panel._form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows
        labels = [label for label in panel.findChildren(QLabel) if label.isVisible()]
        assert len(labels) >= 12
        for label in labels:
            assert label.width() >= label.sizeHint().width(), label.text()
        scroll.resize(panel.side_by_side_width() + 40, 700)  # wide enough again: labels beside their fields
        qtbot.waitUntil(lambda: panel._form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.DontWrapRows)
        assert panel.sizeHint().width() >= panel.side_by_side_width()  # what a dock fitting the panel asks for
    finally:
        apply_text_scale(1.0)
        install_language(app, "en")
