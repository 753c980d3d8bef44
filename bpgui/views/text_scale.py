"""One application-wide text scale (View → Text size, 100–250 %).

:func:`apply_text_scale` sets the application's font to the size the app
started with times the scale, so every standard widget (labels, tables,
menus, the status bar) follows by itself. Views that draw their own text
(the network's labels, the plots' axes and legends, rich-text panels with
point sizes of their own) have a ``set_text_scale(scale)`` that the main
window calls after it; they size their text as ``points * scale``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

MIN_TEXT_SCALE, MAX_TEXT_SCALE = 1.0, 2.5
TEXT_SCALE_STEP = 0.25
PRESENTATION_TEXT_SCALE = 1.75

_state: dict[str, float] = {}


def clamp_text_scale(scale: float) -> float:
    """``scale`` within 100–250 %, to the nearest 5 %; anything unreadable (NaN, text) is 100 %."""
    try:
        scale = float(scale)
    except (TypeError, ValueError):
        return MIN_TEXT_SCALE
    if scale != scale:  # NaN
        return MIN_TEXT_SCALE
    return round(min(MAX_TEXT_SCALE, max(MIN_TEXT_SCALE, scale)) * 20) / 20


def base_point_size() -> float:
    """The application font's size when bpgui first scaled it (the 100 % size)."""
    if "base" not in _state:
        app = QApplication.instance()
        size = app.font().pointSizeF() if isinstance(app, QApplication) else -1.0
        _state["base"] = size if size > 0 else 9.0
    return _state["base"]


def text_scale() -> float:
    """The scale last applied (1.0 until then)."""
    return _state.get("scale", 1.0)


def apply_text_scale(scale: float) -> float:
    """Set the application font to ``base × scale``; returns the scale applied (clamped)."""
    scale = clamp_text_scale(scale)
    base = base_point_size()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPointSizeF(base * scale)
        app.setFont(font)
        # Qt posts the change to every widget; deliver it now, so a view's set_text_scale called
        # right after measures the new font, not the old one.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    _state["scale"] = scale
    return scale
