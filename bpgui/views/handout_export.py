"""File → Export worksheet: the iteration the window shows, as a handout (PDF or HTML, by the extension).

The iteration is the controller's ``display_record()``: the one the window shows, at t = 0 (or after a
hand edit) the next iteration's preview, which is what the learner sees. Numbers at the window's Digits,
words in the window's language; a big network's sheet follows the selected parameter's path. A refusal
(a planted bug, a file name that is neither .pdf nor .html, a file that cannot be written) is shown with
``window.show_message("error", …)`` and writes nothing.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ..controller import localized
from ..model.errors import BpguiError
from ..model.text import fill
from .handout_pdf import EXTENSIONS, check_extension, write_worksheet

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


def ask_worksheet_path(window: MainWindow) -> str | None:
    """A file the learner chooses (a name without an extension gets .pdf); None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(window, translate("Handout", "Export worksheet"), "worksheet.pdf",
                                          translate("Handout", "Worksheets (*.pdf *.html)"))
    if not path:
        return None
    return path if os.path.splitext(path)[1] else path + EXTENSIONS[0]


def export_worksheet(window: MainWindow, path: str | None = None, blank: bool = False) -> bool:
    """Write the handout of the iteration ``window`` shows to ``path`` (None: ask); ``blank`` leaves its
    cells empty and adds the answer key. True if a file was written."""
    controller = window.controller
    if controller.bug_planted:
        window.show_message("error", translate("Handout", "A planted bug changes the numbers: Practice → Remove "
                                                          "the bug first, then export the worksheet."))
        return False
    if path is None:
        path = ask_worksheet_path(window)
        if path is None:
            return False
    record = controller.display_record()
    network = controller.network
    selected = controller.selected_parameter
    try:
        check_extension(path)
        write_worksheet(path, [record], network.activations, network.loss, digits=window.digits(), blank=blank,
                        focus=selected if selected >= 0 else None)
    except (OSError, BpguiError) as exc:
        window.show_message("error", localized(exc))
        return False
    window.show_message("info", fill(translate("Handout", "Worksheet of iteration %1 written to %2."),
                                     record.iteration, path))
    return True
