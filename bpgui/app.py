"""Qt application start-up: QApplication, translators, the main window. No logic."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from .views.language import SYSTEM, install_language

ORGANIZATION = "bpgui"
APPLICATION = "bpgui"


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv if argv is not None else sys.argv))
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
        install_language(app, str(QSettings().value("ui/language", SYSTEM)))
    return app


def main(argv: Sequence[str] | None = None) -> int:
    app = application(argv)
    from .views.main_window import MainWindow  # after the QApplication exists

    window = MainWindow()
    window.show()
    return app.exec()


def screenshot(path: str, *, data: str = "xor", hidden: Sequence[int] = (2,), steps: int = 0,
               size: tuple[int, int] = (1280, 800)) -> None:
    """Render the window offscreen after ``steps`` iterations and save it as PNG (atomically)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BPGUI_NO_DIALOGS"] = "1"
    app = application([sys.argv[0]])
    from .controller import Settings, TrainingController
    from .model.errors import BpguiError
    from .views.files import save_image
    from .views.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        # A throwaway settings file: a screenshot never reads or changes the user's.
        qsettings = QSettings(os.path.join(scratch, "screenshot.ini"), QSettings.Format.IniFormat)
        controller = TrainingController(Settings(data=data, hidden=tuple(hidden), target_error=None))
        window = MainWindow(controller, qsettings)
        window.resize(*size)
        if steps:
            controller.fast_forward(steps)
        window.show()
        for _ in range(5):
            app.processEvents()
        try:
            save_image(window.grab(), path)
        except OSError as exc:
            raise BpguiError(str(exc)) from None
        window.close()
