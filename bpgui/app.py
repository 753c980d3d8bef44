"""Qt application start-up: QApplication, translators, the main window. No logic."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from .paths import resource_path

ORGANIZATION = "bpgui"
APPLICATION = "bpgui"


LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each shown in its own language
SYSTEM = "system"
_installed: list[QTranslator] = []


def language_for(choice: str) -> str:
    """"en" or "zh_CN" for a menu choice ("system" follows the system locale)."""
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_language(app: QApplication, choice: str = SYSTEM) -> str:
    """Switch the whole application to a language at run time; returns the one in force.

    English is the source language: it needs no translator. Qt sends every
    widget a LanguageChange event; the main window rebuilds its texts.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language_for(choice)
    if language != "en":
        folder = str(resource_path("translations"))
        for name in (f"bpgui_{language}", f"qtbase_{language}"):
            translator = QTranslator(app)
            if translator.load(name, folder) or (name.startswith("qtbase") and translator.load(
                    name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
                app.installTranslator(translator)
                _installed.append(translator)
    return language


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
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
            controller.trainer.advance(steps, use_stop_conditions=False)
            controller.trainer.goto(controller.trainer.iteration)  # keep the last record
            controller.history_changed.emit()
            controller.state_changed.emit()
        window.show()
        for _ in range(5):
            app.processEvents()
        try:
            save_image(window.grab(), path)
        except OSError as exc:
            raise BpguiError(str(exc)) from None
        window.close()
