"""Qt application start-up: QApplication, translators, the main window. No logic."""

from __future__ import annotations

import sys
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from .paths import resource_path


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class PlaceholderWindow(QMainWindow):
    """Stands in until the main window (issue 3) lands: it says so."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("bpgui — backpropagation, step by step"))
        label = QLabel(
            tr("The bpgui main window is not built yet.\n"
               "The model and the scripted commands work now:\n"
               "python -m bpgui trace NETWORK.json --input 0.05,0.10 --target 0.01,0.99\n"
               "python -m bpgui train --hidden 2 --data xor")
        )
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(720, 360)


def install_translator(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load ``bpgui_<locale>.qm`` from the shipped translations, if there is one."""
    translator = QTranslator(app)
    folder = str(resource_path("translations"))
    if translator.load(locale or QLocale(), "bpgui", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    install_translator(app)
    window = PlaceholderWindow()
    window.show()
    return app.exec()
