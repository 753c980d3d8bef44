"""Qt application start-up: QApplication, translators, the main window. No logic."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler
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


#: What Qt's offscreen platform says on every screenshot, or per tile of a very large one: not ours to fix.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()", "QPainter::")


def _quiet_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """A Qt message handler: the known offscreen warnings are dropped, anything else goes to stderr."""
    if kind == QtMsgType.QtWarningMsg and message.startswith(_OFFSCREEN_NOISE):
        return
    sys.stderr.write(f"{message}\n")


def screenshot(path: str, *, data: str = "xor", hidden: Sequence[int] = (2,), steps: int = 0,
               size: tuple[int, int] = (1280, 800), progress: Callable[[int], None] | None = None) -> None:
    """Render the window offscreen after ``steps`` iterations and save it as PNG (atomically).

    ``progress(done)`` is called about every two seconds of a long fast-forward.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BPGUI_NO_DIALOGS"] = "1"
    previous = qInstallMessageHandler(_quiet_offscreen_noise)
    try:
        _screenshot(path, data=data, hidden=hidden, steps=steps, size=size, progress=progress)
    finally:
        qInstallMessageHandler(previous)


def _screenshot(path: str, *, data: str, hidden: Sequence[int], steps: int, size: tuple[int, int],
                progress: Callable[[int], None] | None) -> None:
    app = application([sys.argv[0]])
    from .controller import Settings, TrainingController
    from .views.files import save_image
    from .views.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        # A throwaway settings file: a screenshot never reads or changes the user's.
        qsettings = QSettings(os.path.join(scratch, "screenshot.ini"), QSettings.Format.IniFormat)
        controller = TrainingController(Settings(data=data, hidden=tuple(hidden), target_error=None))
        window = MainWindow(controller, qsettings)
        window.resize(*size)
        done, chunk, last_report = 0, 1000, time.monotonic()
        while done < steps:  # in slices, growing to about a second each, so that progress can be told
            n = min(chunk, steps - done)
            started = time.monotonic()
            controller.fast_forward(n)
            done += n
            now = time.monotonic()
            if now - started < 0.5:
                chunk *= 2
            if progress is not None and done < steps and now - last_report >= 2.0:
                last_report = now
                progress(done)
        window.show()
        for _ in range(5):
            app.processEvents()
        save_image(window.grab(), path)  # refusals are BpguiErrors naming the path
        window.close()
