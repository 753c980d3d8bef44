"""The status line is whole or ends in "…": never cut by the bar's size grip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle

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
