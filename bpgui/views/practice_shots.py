"""``bpgui screenshot --practice MODE``: the window in one practice mode, as a learner leaves it mid-way.

* ``predict``: practice on, two predictions made (one right, one wrong), the third asked;
* ``worksheet``: the worksheet of the next iteration at level 4, three answers checked (right, a known
  mistake, a refused text), drawn over the window's right-hand side as the floating window it is;
* ``bug``: a planted bug (the thresholds' gradients with their sign flipped, so every picture is the
  same), 40 iterations, the gradient check column on.

Everything goes through the window's actions and the controller, as a learner's keys and clicks would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from ..model.practice.grading import rounded_text

if TYPE_CHECKING:
    from .main_window import MainWindow

MODES = ("predict", "worksheet", "bug")


def _type(box: QLineEdit, text: str) -> None:
    box.clear()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def stage(window: MainWindow, mode: str) -> None:
    """Leave ``window`` in practice ``mode`` (see the module)."""
    c = window.controller
    if mode == "predict":
        window.predict_action.trigger()
        for right in (True, False):
            window.phase_action.trigger()
            prompt = c.prompt
            if prompt is not None:
                value = prompt.cell.value
                _type(window.predict_bar.answer, rounded_text(value if right else value * 0.8 + 0.05, 3))
        window.phase_action.trigger()
    elif mode == "worksheet":
        c.step()
        window.worksheet_action.trigger()
        sheet = window.worksheet
        assert sheet is not None
        sheet.level.setCurrentIndex(3)
        worksheet = c.worksheet()
        assert not isinstance(worksheet, str), worksheet
        _type(sheet.boxes["net:1:1"], rounded_text(worksheet.cell("net:1:1").value, 3))
        g_without_slope = worksheet.targets[0] - worksheet.cell("out:2:1").value
        _type(sheet.boxes["delta:2:1"], rounded_text(g_without_slope, 4))
        _type(sheet.boxes["error"], "0.2?")
    elif mode == "bug":
        c.plant_bug("threshold_sign")
        for _ in range(40):
            c.step()
        window.check_action.setChecked(True)
    else:
        raise ValueError(mode)
    for _ in range(5):
        QApplication.processEvents()


def picture(window: MainWindow, mode: str) -> QPixmap:
    """The window; for the worksheet, with the worksheet window drawn over its right-hand side."""
    shot = window.grab()
    sheet = window.worksheet
    if mode != "worksheet" or sheet is None:
        return shot
    width = min(sheet.width(), shot.width() * 3 // 5)
    sheet.resize(width, min(sheet.height(), shot.height() - 80))
    for _ in range(5):  # laid out again at that size (rows, wrapped verdicts) before it is drawn
        QApplication.processEvents()
    layout = sheet.layout()
    if layout is not None:
        layout.activate()
    over = sheet.grab()
    painter = QPainter(shot)
    corner = QPoint(shot.width() - over.width() - 16, 56)
    painter.fillRect(corner.x() + 4, corner.y() + 4, over.width(), over.height(), QColor(0, 0, 0, 60))  # a shadow
    painter.drawPixmap(corner, over)
    painter.setPen(QColor("#666666"))
    painter.drawRect(corner.x(), corner.y(), over.width() - 1, over.height() - 1)
    painter.end()
    return shot
