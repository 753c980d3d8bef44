"""The application's language: English (the source) or Simplified Chinese, switched at run time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resource_path

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each shown in its own language
SYSTEM = "system"
_installed: list[QTranslator] = []
_current = ["en"]


def current_language() -> str:
    """The language installed last ("en" before any)."""
    return _current[0]


def language_for(choice: str) -> str:
    """"en" or "zh_CN" for a menu choice ("system" follows the system locale)."""
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_language(app: QCoreApplication, choice: str = SYSTEM) -> str:
    """Switch the whole application to a language at run time; returns the one in force.

    English is the source language: it needs no translator. Qt sends every
    widget a LanguageChange event; the main window rebuilds its texts.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language_for(choice)
    _current[0] = language
    if language != "en":
        folder = str(resource_path("translations"))
        for name in (f"bpgui_{language}", f"qtbase_{language}"):
            translator = QTranslator(app)
            if translator.load(name, folder) or (name.startswith("qtbase") and translator.load(
                    name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
                app.installTranslator(translator)
                _installed.append(translator)
    return language
