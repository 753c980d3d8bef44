"""The application's icon (``resources/icons/app/``) and the About box that shows it with the version."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from ..model.text import fill
from ..paths import resource_path

translate = QCoreApplication.translate

#: The PNG sizes rendered from ``bpgui.svg`` (tools/render_icons.py).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The icon's edge in the About box, in device-independent pixels.
ABOUT_ICON_PX = 96


def app_icon() -> QIcon:
    """bpgui's icon at every shipped size (the PNGs; the SVG too where Qt can draw it)."""
    icon = QIcon()
    folder = resource_path("icons", "app")
    for size in ICON_SIZES:
        path = folder / f"bpgui-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def about_text(version: str) -> str:
    """The About box's text: what bpgui is, and its version (rich text)."""
    what = translate("MainWindow",
                     "bpgui teaches backpropagation by letting you watch it and step through it, "
                     "in the notation of Zhou Zhihua's Machine Learning, chapter 5.")
    shown = fill(translate("MainWindow", "Version {version}"), version=version or "?")
    return f"<h3>bpgui</h3><p>{escape(shown)}</p><p>{escape(what)}</p>"


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box (not yet shown): the icon, the name, the application's version and what bpgui is."""
    box = QMessageBox(parent)
    box.setWindowTitle(translate("MainWindow", "About bpgui"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(QCoreApplication.applicationVersion()))
    ratio = parent.devicePixelRatioF() if parent is not None else 1.0
    pixmap = app_icon().pixmap(QSize(ABOUT_ICON_PX, ABOUT_ICON_PX), ratio)
    box.setIconPixmap(pixmap)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
