"""Presentation mode: full screen, large text, high contrast, the class's layout and a large readout of t,
E_k and E; leaving puts the window back exactly as it was. And the picture size asked for an export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout, QWidget

from bpgui.model.numbers import format_number
from bpgui.views import main_files
from bpgui.views.dialogs import MAX_EXPORT_SIDE, ExportSizeDialog, clamp_export_size
from bpgui.views.main_window import MainWindow
from bpgui.views.presentation import READOUT_FACTOR, ReadoutBar
from bpgui.views.text_scale import PRESENTATION_TEXT_SCALE, apply_text_scale
from bpgui.views.view_options import TEXT_SCALE_KEY


@pytest.fixture(autouse=True)
def normal_text_afterwards():
    yield
    apply_text_scale(1.0)


def _layout(window) -> tuple:
    """Everything presentation mode may change and must give back."""
    return (window.windowState(), window.geometry(), [s.sizes() for s in window.splitters()],
            window.settings_dock.isVisible(), window.table.isVisible(), window.right_tabs.currentIndex(),
            window.text_scale_value(), window.seed.isVisible(), window.readout.isVisible(),
            window.palette().color(QPalette.ColorRole.Window).name())


def _settled(qtbot, window) -> tuple:
    """The window's layout once the event loop has stopped changing it (fonts and sizes arrive through it)."""
    last = None
    for _ in range(100):
        qtbot.wait(5)
        now = _layout(window)
        if now == last:
            return now
        last = now
    raise AssertionError("the layout never settled")


def test_presentation_shows_the_class_layout_and_a_large_readout_of_t_ek_and_e(window, qtbot):
    window.right_tabs.setCurrentWidget(window.decision_map)
    for _ in range(3):
        window.step_action.trigger()
    window.presentation_action.trigger()
    qtbot.wait(1)  # the toolbar lays its widgets out again
    assert window.presentation() and window.isFullScreen() and window.presentation_action.isChecked()
    assert not window.table.isVisible() and not window.settings_dock.isVisible() and not window.seed.isVisible()
    for shown in (window.topology, window.caption, window.derivation, window.plot, window.readout, window.toolbar):
        assert shown.isVisible(), shown
    assert window.toolbar.widgetForAction(window.step_action).isVisible()
    assert window.text_scale_value() == PRESENTATION_TEXT_SCALE
    st = window.controller.status()
    record = window.controller.record
    assert window.readout.texts() == (f"t = {st['iteration']}", f"Eₖ = {format_number(record.error)}",
                                      f"E = {format_number(st['error'])}")
    assert window.readout.point_size() >= 2 * QApplication.font().pointSizeF()
    assert READOUT_FACTOR >= 2
    palette = window.palette()
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Base).name() == "#ffffff"
    window.step_action.trigger()  # the readout follows the steps
    assert window.readout.texts()[0] == f"t = {st['iteration'] + 1}"


def test_leaving_presentation_restores_the_window_exactly(window, qtbot):
    window.resize(1100, 760)
    window.splitter.setSizes([400, 250])
    window.top_splitter.setSizes([600, 380])
    window.set_text_scale(1.25)
    before = _settled(qtbot, window)
    window.set_presentation(True)
    qtbot.wait(5)
    assert _layout(window) != before
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc leaves
    assert not window.presentation() and not window.presentation_action.isChecked()
    # The window system hands the normal size back through the event loop; then all is as it was.
    qtbot.waitUntil(lambda: _layout(window) == before, timeout=2000)
    assert not window.testAttribute(Qt.WidgetAttribute.WA_SetPalette)  # back to following the application


def test_esc_is_left_to_editors_outside_presentation(window):
    assert not window.leave_presentation_action.isEnabled()
    window.set_presentation(True)
    assert window.leave_presentation_action.isEnabled()
    window.set_presentation(False)
    assert not window.leave_presentation_action.isEnabled()


def test_f11_and_the_shortcut_toggle_presentation_and_f9_steps_a_phase(window, qtbot):
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_F, ctrl_shift)
    assert window.presentation()
    qtbot.keyClick(window, Qt.Key.Key_F, ctrl_shift)
    assert not window.presentation()
    qtbot.keyClick(window, Qt.Key.Key_F11)  # full screen's key, as everywhere
    assert window.presentation()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.presentation()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.controller.phase_view is not None and not window.presentation()


def test_a_text_size_chosen_while_presenting_is_not_remembered_as_the_normal_one(window, qsettings, qtbot):
    window.set_text_scale(1.25)
    window.set_presentation(True)
    assert window.text_scale_value() == PRESENTATION_TEXT_SCALE  # at least the presentation's size
    window.text_scale_actions[2.5].trigger()  # the teacher makes it larger for this room
    assert window.text_scale_value() == 2.5 and float(qsettings.value(TEXT_SCALE_KEY)) == 1.25
    window.set_presentation(False)
    assert window.text_scale_value() == 1.25
    window.set_text_scale(2.0)  # a normal scale above the presentation's is kept while presenting
    window.set_presentation(True)
    assert window.text_scale_value() == 2.0


def test_the_readout_waits_for_the_error_phase_before_it_shows_e_k(window):
    window.set_presentation(True)
    window.phase_action.trigger()  # the first forward phase of iteration 1
    phase = window.controller.phase_view
    assert not phase.error_known and window.readout.texts()[1] == "Eₖ = —"
    while not window.controller.phase_view.error_known:
        window.phase_action.trigger()
    error = window.controller.display_record().error
    assert window.readout.texts()[1] == f"Eₖ = {format_number(error)}"


def test_closing_while_presenting_remembers_the_normal_window(window, qsettings, qtbot):
    window.resize(1000, 700)
    qtbot.wait(5)
    window.set_presentation(True)
    window.close()
    again = MainWindow(qsettings=qsettings)
    qtbot.addWidget(again)
    again.show()
    assert not again.isFullScreen() and not again.presentation()
    assert again.settings_dock.isVisible() and again.table.isVisible() and again.text_scale_value() == 1.0


def test_the_language_switch_keeps_presentation(window, switch_language):
    window.set_presentation(True)
    chinese = switch_language(window, "zh_CN")
    assert chinese.presentation() and chinese.isFullScreen() and not chinese.table.isVisible()
    chinese.set_presentation(False)
    assert chinese.table.isVisible() and not chinese.isFullScreen()


# ---- exports at a chosen size --------------------------------------------------------------------------
def test_the_size_dialog_offers_presets_the_size_shown_and_any_size_within_bounds(qtbot):
    dialog = ExportSizeDialog(QSize(384, 178))
    qtbot.addWidget(dialog)
    assert dialog.chosen_size() == QSize(1920, 1080) and not dialog.width_box.isEnabled()
    dialog.choice.setCurrentIndex(2)
    assert dialog.chosen_size() == QSize(3840, 2160)
    dialog.choice.setCurrentIndex(3)
    assert dialog.chosen_size() == QSize(384, 178) and "384 × 178" in dialog.choice.currentText()
    dialog.choice.setCurrentIndex(4)
    assert dialog.width_box.isEnabled()
    qtbot.keyClicks(dialog.width_box, "999999")  # refused past the bound
    assert dialog.width_box.value() <= MAX_EXPORT_SIDE
    assert clamp_export_size("1920", 1080) == QSize(1920, 1080)
    for bad in (("x", 10), (0, 100), (100, 10**9), (None, 5), (1.5e308, 3)):
        assert clamp_export_size(*bad) is None


def test_an_export_asks_for_a_size_and_hands_it_to_the_view(window, monkeypatch, tmp_path):
    path = str(tmp_path / "curve.png")
    monkeypatch.setattr(main_files.QFileDialog, "getSaveFileName", lambda *a, **k: (path, ""))
    monkeypatch.setattr(ExportSizeDialog, "exec", lambda self: (self.choice.setCurrentIndex(1),
                                                               QDialog.DialogCode.Accepted)[1])
    exported: list[tuple[str, QSize]] = []
    monkeypatch.setattr(window.plot, "export_image", lambda p, size: exported.append((p, size)), raising=False)
    window.export_plot_action.trigger()
    assert exported == [(path, QSize(1280, 720))]
    monkeypatch.setattr(ExportSizeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.export_plot_action.trigger()  # cancelled: nothing written
    assert len(exported) == 1


def test_the_map_export_is_offered_for_two_inputs_only(window):
    assert window.export_map_action.isEnabled()  # XOR
    window.controller.update_settings(data="sine")
    assert not window.export_map_action.isEnabled()


def test_the_readout_flows_onto_more_rows_rather_than_widen_the_window(window, qtbot):
    holder = QWidget()  # as in the window: inside a layout, which asks the readout for its minimum width
    qtbot.addWidget(holder)
    readout = ReadoutBar()
    QVBoxLayout(holder).addWidget(readout)
    readout.show_status(window.controller.status(), "standard")
    readout.set_text_scale(2.5)
    holder.show()
    for width, rows in ((160, 3), (4000, 1)):  # narrower than any two parts side by side; wide
        holder.resize(width, 400)
        qtbot.waitUntil(lambda w=width: holder.width() == w)
        assert readout.row_count() == rows
    assert readout.minimumSizeHint().width() <= 160


def test_leaving_presentation_after_250_percent_gives_the_normal_size_back(window, qtbot):
    """The normal text comes back before the normal geometry, so the window's minimum at 250 % cannot hold
    the window taller than it was."""
    window.resize(1024, 700)
    qtbot.wait(10)
    before = window.size()
    window.set_presentation(True)
    window.text_scale_actions[2.5].trigger()
    window.set_presentation(False)
    qtbot.wait(10)
    assert window.size() == before


def test_presenting_from_what_it_learned_keeps_the_learners_own_splitters(window, qtbot):
    own = [s.sizes() for s in window.splitters()]
    window.right_tabs.setCurrentWidget(window.decision_map)
    window.set_presentation(True)
    window.set_presentation(False)
    qtbot.wait(10)
    window.right_tabs.setCurrentWidget(window.plot)
    qtbot.wait(10)
    assert [s.sizes() for s in window.splitters()] == own


def test_presenting_hides_the_runs_beside_the_settings_and_gives_them_back(window, qtbot):
    from dataclasses import replace

    from bpgui.views import runs_panel

    c = window.controller
    c.step()
    runs = runs_panel.runs_dock(window)
    assert runs.runs.fork(replace(c.settings, learning_rate=2.0))
    qtbot.waitUntil(runs.isVisible, timeout=2000)
    window.set_presentation(True)
    qtbot.wait(5)
    assert not runs.isVisible() and not window.settings_dock.isVisible()  # the class sees the network and curve
    window.set_presentation(False)
    qtbot.waitUntil(runs.isVisible, timeout=2000)
