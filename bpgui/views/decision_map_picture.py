"""The decision map as a picture: the legend row ("map of ŷ₁: ■ 0 … ■ 1, class markers") above the maps,
laid out at the picture's size (divided by its magnification, as :mod:`plot_text` explains) and painted
magnified, so a 1920 × 1080 picture reads like the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QWidget

from .plot_text import picture_scale

__all__ = ["maps_painter"]


def legend_height(legend: QLabel | None, width: int) -> int:
    """Pixels the legend takes above the maps at ``width`` (0 without a legend)."""
    if legend is None or legend.isHidden() or not legend.text():
        return 0
    height = legend.heightForWidth(width)
    return (height if height > 0 else legend.sizeHint().height()) + 4


def maps_painter(source: QWidget, legend: QLabel | None, size: QSize, arrange: Callable[[], None],
                 apply_pens: Callable[[float], None]) -> Callable[[QPainter], None]:
    """Paints ``legend`` (if any) above ``source`` into a ``size`` picture; ``source`` is laid out at the
    picture's logical size (``arrange`` places its maps) and both get their geometry back afterwards.
    ``apply_pens(m)`` widens lines by the magnification m (1.0 after)."""

    def draw(painter: QPainter) -> None:
        magnify = picture_scale(size) if size.width() > 0 and size.height() > 0 else 1.0
        logical = QSize(max(1, round(size.width() / magnify)), max(1, round(size.height() / magnify)))
        top = legend_height(legend, logical.width())
        old, old_legend = source.geometry(), None if legend is None else legend.geometry()
        wanted = QSize(logical.width(), max(1, logical.height() - top))
        if wanted != old.size():
            source.setGeometry(QRect(old.topLeft(), wanted))
            arrange()
        apply_pens(magnify)
        try:
            painter.scale(size.width() / logical.width(), size.height() / logical.height())
            if top and legend is not None and old_legend is not None:
                legend.setGeometry(QRect(old_legend.topLeft(), QSize(logical.width() - 8, top - 4)))
                legend.render(painter, QPoint(4, 2))
            source.render(painter, QPoint(0, top))
        finally:
            apply_pens(1.0)
            if legend is not None and old_legend is not None and legend.geometry() != old_legend:
                legend.setGeometry(old_legend)
            if source.geometry() != old:
                source.setGeometry(old)
                arrange()

    return draw
