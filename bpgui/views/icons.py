"""The toolbar's icons (shipped SVGs, light and dark) and when its buttons have room for their text.

``resources/icons/light/`` holds dark strokes for a light window, ``dark/``
light strokes for a dark one; :func:`icon` picks by the palette's window
colour. :func:`texts_that_fit` says which buttons have room for their text
beside the icon: all on a wide window, the three most used (Run, Step, Step
phase) on a narrower one, else none (the names are in the tooltips).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ..paths import resource_path

#: Every icon shipped, by name (a file ``<name>.svg`` in each theme's folder).
ICON_NAMES = ("step", "step_epoch", "run", "pause", "step_back", "reset", "phase", "phase_back", "play_phases",
              "zoom_in", "zoom_out", "zoom_fit", "presentation")
#: The toolbar's icon edge at 100 % text size, in pixels (it grows with the text).
ICON_PX = 20


def dark_palette(palette: QPalette | None = None) -> bool:
    """Whether the window colour of ``palette`` (the application's by default) is dark."""
    if palette is None:
        palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def icon_path(name: str, dark: bool) -> str:
    if name not in ICON_NAMES:
        raise ValueError(f"no icon named {name!r}")
    return str(resource_path("icons", "dark" if dark else "light", f"{name}.svg"))


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The shipped icon ``name`` for the palette's lightness."""
    return QIcon(icon_path(name, dark_palette(palette)))


def icon_px(scale: float) -> int:
    """The toolbar's icon size for a text scale."""
    return round(ICON_PX * max(1.0, scale))


def texts_that_fit(available: int, texts: Sequence[str], others: int, metrics: QFontMetrics,
                   icon_size: int) -> int:
    """How many of the buttons, in ``texts``' order (the most used first), can show their text beside
    their icon when every button (icon and margins) and the other widgets (``others`` pixels: separators,
    the speed slider, the seed) must fit in ``available`` pixels: all, the first three, or none."""
    icons = others + len(texts) * (icon_size + 12)
    widths = [metrics.horizontalAdvance(text) + 10 for text in texts]
    for count in (len(texts), min(3, len(texts))):
        if icons + sum(widths[:count]) <= available:
            return count
    return 0
