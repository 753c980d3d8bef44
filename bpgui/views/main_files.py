"""The main window's File menu: choosing a file, then asking the controller or a view to use it.

Loading and saving happen in the session (network files, CSV data) or in the
view that draws the picture; every write is atomic, and a refusal is shown
in the status bar (and, when the window is visible, a message box).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..controller import localized
from ..model.atomic import write_text_atomically
from ..model.errors import BpguiError

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


def open_network(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("MainWindow", "Open network"), "",
                                          translate("MainWindow", "bpgui network (*.json)"))
    if path:
        window.controller.open_network(path)


def save_network(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, translate("MainWindow", "Save network"), "network.json",
                                          translate("MainWindow", "bpgui network (*.json)"))
    if path:
        window.controller.save_network(path)


def import_data(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("MainWindow", "Import CSV data"), "",
                                          translate("MainWindow", "CSV files (*.csv)"))
    if path:
        window.controller.import_data(path)


def _written(window: MainWindow, write: Callable[[str], object], path: str) -> bool:
    try:
        write(path)
    except (OSError, BpguiError) as exc:
        window.show_message("error", localized(exc))
        return False
    return True


def export_table(window: MainWindow, path: str | None = None) -> bool:
    """The gradient table as CSV, to ``path`` or to a file the learner chooses."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, translate("MainWindow", "Export table"), "gradients.csv",
                                              translate("MainWindow", "CSV files (*.csv)"))
        if not path:
            return False
    return _written(window, lambda p: write_text_atomically(p, window.table.export_csv_text()), path)


def export_picture(window: MainWindow, which: str, path: str | None = None) -> bool:
    """The network drawing (``which`` = "network") or the error curve ("error") as PNG or SVG,
    to ``path`` or to a file the learner chooses."""
    if path is None:
        if which == "network":
            title, name = translate("MainWindow", "Export network picture"), "network.png"
        else:
            title, name = translate("MainWindow", "Export error curve"), "error.png"
        path, _ = QFileDialog.getSaveFileName(window, title, name, translate("MainWindow", "Images (*.png *.svg)"))
        if not path:
            return False
    if which == "network":
        return _written(window, window.topology.export_image, path)
    plot = window.plot
    return _written(window, plot.export_svg if path.lower().endswith(".svg") else plot.export_png, path)


def about(window: MainWindow) -> None:
    QMessageBox.about(window, translate("MainWindow", "About bpgui"), translate(
        "MainWindow",
        "bpgui teaches backpropagation by letting you watch it and step through it, "
        "in the notation of Zhou Zhihua's Machine Learning, chapter 5."))
