"""The main window's File menu: choosing a file, then asking the controller or a view to use it.

Loading and saving happen in the session (network files, CSV data) or in the
view that draws the picture; every write is atomic, and a refusal is shown
in the status bar (and, when the window is visible, a message box).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..controller import localized
from ..model.errors import BpguiError
from .dialogs import ask_export_size

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
    header, numbers = window.table.csv_parts()  # (written now, or a large table by the worker: session/writing.py)
    return window.controller.export_table(path, header, numbers)


def copy_large(window: MainWindow, rows: np.ndarray, titles: tuple[str, ...], numbers: list[np.ndarray | None]
               ) -> bool:
    """A copy of the table too large to write out at once (10⁶ rows: ~6 s) goes to the worker, the window going
    on meanwhile; the clipboard gets it once written (the window is not held: a change of language replaces it
    meanwhile). False: small enough to copy at once."""
    return window.controller.copy_table(rows, titles, numbers, QGuiApplication.clipboard().setText)


def _export_view(view, path: str, size: QSize | None) -> None:
    """``view.export_image(path, size)``: PNG or SVG by the extension, ``size`` pixels (None: as shown)."""
    view.export_image(path, size)


def _export_map(window: MainWindow, path: str, size: QSize | None) -> None:
    """The maps as the learner would see them: made the current tab first (the window computes the surface
    for the tab shown, and makes room for it), then drawn at ``size``; the tab shown before comes back."""
    tabs = window.right_tabs
    before = tabs.currentWidget()
    if before is not window.decision_map:
        tabs.setCurrentWidget(window.decision_map)
    try:
        _export_view(window.decision_map, path, size)
    finally:
        if before is not window.decision_map:
            tabs.setCurrentWidget(before)


def export_picture(window: MainWindow, which: str, path: str | None = None, size: QSize | None = None) -> bool:
    """The network drawing (``which`` = "network"), the error curve ("error") or the maps ("map") as PNG
    or SVG, ``size`` pixels, to ``path``; without a path, the learner chooses the file, then the size."""
    view = {"network": window.topology, "error": window.plot, "map": window.decision_map}[which]
    if path is None:
        title, name = {
            "network": (translate("MainWindow", "Export network picture"), "network.png"),
            "error": (translate("MainWindow", "Export error curve"), "error.png"),
            "map": (translate("MainWindow", "Export map picture"), "map.png"),
        }[which]
        path, _ = QFileDialog.getSaveFileName(window, title, name, translate("MainWindow", "Images (*.png *.svg)"))
        if not path:
            return False
        size = ask_export_size(view.size(), window)
        if size is None:
            return False
    if which == "map":
        return _written(window, lambda p: _export_map(window, p, size), path)
    return _written(window, lambda p: _export_view(view, p, size), path)


def about(window: MainWindow) -> None:
    from .about_dialog import about_box  # the icon, the version and what bpgui is

    box: QMessageBox = about_box(window)
    box.exec()
