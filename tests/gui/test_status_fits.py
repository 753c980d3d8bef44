"""The status line is whole or ends in "…": never cut by the bar's size grip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QStyle

LONG = ("t = 4   epoch 4   batch of 2000   E of pass 4 = 0.4786   accuracy 10.1%   "
        "test E = 0.5012   ")


@pytest.mark.parametrize("repeat", [1, 2, 3])
def test_the_status_text_shown_fits_left_of_the_size_grip(window, repeat):
    window.resize(1280, 800)
    QApplication.processEvents()
    label, bar = window.status_label, window.statusBar()
    text = (LONG * repeat).strip()
    window.status_area.show_status(text)
    QApplication.processEvents()
    shown = label.text()
    assert shown == text or shown.endswith("…")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    grip = bar.style().pixelMetric(QStyle.PixelMetric.PM_SizeGripSize) if bar.isSizeGripEnabled() else 0
    assert label.geometry().right() <= bar.width() - grip


def test_new_figures_of_the_same_width_lay_out_no_status_bar_and_any_text_fits_its_label(window, qtbot):
    from PySide6.QtCore import QEvent, QObject

    class Layouts(QObject):
        count = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.LayoutRequest:
                self.count += 1
            return False

    window.resize(1280, 800)
    area, label = window.status_area, window.status_label
    area.show_status("t = 1   epoch 0   Eₖ = 0.1234   E = 0.1285")
    qtbot.wait(20)
    size, layouts = label.size(), Layouts()
    window.statusBar().installEventFilter(layouts)
    for t in range(2, 9):  # the same digits' widths: the label keeps its size, the bar is not laid out
        area.show_status(f"t = {t}   epoch 0   Eₖ = 0.{t}{t}34   E = 0.128{t}")
        QApplication.processEvents()
        assert label.text().startswith(f"t = {t}")
    assert label.size() == size and layouts.count == 0
    for text in ("t = 12345   " + LONG, "t = 1   第 0 轮   E（第 0 轮结束时）= 0.1285   准确率 50.0%"):
        area.show_status(text)  # longer, or in a fallback font: the label takes the text's own size
        QApplication.processEvents()
        fresh = QLabel(label.text())  # the text's own size, with no size of the label's to hold it
        fresh.setFont(label.font())
        hint = fresh.sizeHint()
        assert label.height() >= hint.height() and label.width() >= hint.width()
    area.show_status("t = 1")  # and shorter again: the label shrinks
    QApplication.processEvents()
    assert label.width() < size.width()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_status_text_still_fits_while_slow_work_shows_its_progress_in_the_bar(window, switch_language,
                                                                                  monkeypatch, language, qtbot):
    from bpgui.session import writing

    monkeypatch.setattr(writing, "WRITE_HERE", 0)  # a copy of the table goes to the worker: its widgets show
    window = switch_language(window, language) if language != "en" else window
    window.resize(1024, 768)
    window.set_text_scale(1.6)
    window.step_action.trigger()
    QApplication.processEvents()
    label, bar = window.status_label, window.statusBar()
    window.table.copy_to_clipboard()
    assert window.job_bar.isVisible()
    QApplication.processEvents()
    grip = bar.style().pixelMetric(QStyle.PixelMetric.PM_SizeGripSize) if bar.isSizeGripEnabled() else 0
    assert label.geometry().right() <= bar.width() - grip
    assert label.text() == window.status_area.status_text() or label.text().endswith("…")
    assert window.controller.wait_for_jobs(10_000)
    qtbot.waitUntil(lambda: not window.job_bar.isVisible())
    QApplication.processEvents()
    assert label.text() == window.status_area.status_text()  # the room back: whole again
