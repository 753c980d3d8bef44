"""Help → User guide and Help → Keyboard shortcuts: two non-modal dialogs of rich text, one of each per window.

The guide says what each panel shows and lists every symbol of the note with its formula and where it is
drawn (``user_guide_text``: the formulas are ``model.closed_forms`` objects). The shortcuts are read from the
window's menus each time the dialog is shown, so they are the keys the menus have now. Both follow the
window's text size: their text is the application's font, and the dialog grows with it (within the screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from .text_scale import base_point_size
from .user_guide_text import guide_html, guide_title, shortcut_rows, shortcuts_html, shortcuts_title

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["HelpDialog", "ShortcutsDialog", "UserGuideDialog", "show_shortcuts", "show_user_guide"]


class HelpDialog(QDialog):
    """A text to read beside the window: a browser, a Close button, a size that follows the text size."""

    #: Width and height at 100 % text (they fit a 1024×768 screen).
    SIZE = (760, 620)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.source_html = ""  # what was written into the browser (it reads its own document back differently)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def set_html(self, html: str) -> None:
        if html != self.source_html:
            self.source_html = html
            self.browser.setHtml(html)

    def set_text_scale(self, scale: float) -> None:
        """Larger text, a larger dialog (within the screen), so a line holds as many words."""
        width, height = (round(side * max(1.0, scale)) for side in self.SIZE)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View → Text size changed the application's font
            self.set_text_scale(self.font().pointSizeF() / base_point_size())


class UserGuideDialog(HelpDialog):
    """Help → User guide: the panels, then the glossary of symbols."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(guide_title())
        self.set_html(guide_html())


class ShortcutsDialog(HelpDialog):
    """Help → Keyboard shortcuts: each menu's commands that have keys, as the menus have them now."""

    SIZE = (560, 620)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_shown = window
        self.setWindowTitle(shortcuts_title())
        self.refresh()

    def refresh(self) -> None:
        self.set_html(shortcuts_html(shortcut_rows(self.window_shown)))


def _shown(dialog: HelpDialog, scale: float, fresh: bool) -> None:
    if fresh:
        dialog.set_text_scale(scale)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def show_user_guide(window: MainWindow) -> UserGuideDialog:
    """Help → User guide: the window's guide, made once and shown again (not modal), in the window's language."""
    dialog = window.findChild(UserGuideDialog, options=Qt.FindChildOption.FindDirectChildrenOnly)
    fresh = dialog is None
    if dialog is None:
        dialog = UserGuideDialog(window)
    _shown(dialog, window.text_scale_value(), fresh)
    return dialog


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    """Help → Keyboard shortcuts: the window's list, read from its menus again each time it is shown."""
    dialog = window.findChild(ShortcutsDialog, options=Qt.FindChildOption.FindDirectChildrenOnly)
    fresh = dialog is None
    if dialog is None:
        dialog = ShortcutsDialog(window)
    else:
        dialog.refresh()
    _shown(dialog, window.text_scale_value(), fresh)
    return dialog

