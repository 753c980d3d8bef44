"""What the plots (error curve, decision map, comparison) share: scaled text, true minus signs, sized pictures.

* :class:`NumberAxis` writes its tick labels with a true minus sign (U+2212),
  as :func:`bpgui.model.numbers.format_number` does everywhere else.
* :func:`scale_axes` sizes an axis' tick labels and title as points × the
  text scale (``bpgui.views.text_scale``), with room for them.
* :func:`picture_scale` and :func:`render_scene_item` draw a graphics item at
  a chosen pixel size: the item is laid out at the size divided by the scale
  and painted magnified, so a 1920 × 1080 picture reads like the screen
  rather than showing a tiny plot in a huge frame.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ..model.numbers import MINUS
from .files import save_image, svg_document, write_bytes_atomically

__all__ = ["NumberAxis", "number_axes", "picture_scale", "points", "render_scene_item", "scale_axes", "scaled_font",
           "write_picture"]

#: A picture is laid out as if on a screen about this many pixels tall, then magnified to its size.
PICTURE_REFERENCE_HEIGHT = 540.0
PICTURE_REFERENCE_WIDTH = 720.0
BASE_TICK_POINTS = 9.0
BASE_LABEL_POINTS = 10.0


class NumberAxis(pg.AxisItem):
    """An axis whose tick labels have a true minus sign (−0.5, not -0.5)."""

    def tickStrings(self, values, scale, spacing):
        return [text.replace("-", MINUS) for text in super().tickStrings(values, scale, spacing)]


def number_axes() -> dict[str, NumberAxis]:
    """The ``axisItems`` argument of a plot: left and bottom axes with true minus signs."""
    return {"left": NumberAxis("left"), "bottom": NumberAxis("bottom")}


def points(base: float, scale: float) -> str:
    """A CSS font size, ``base × scale`` points (as pyqtgraph's labels take it)."""
    return f"{base * scale:.1f}pt"


def scaled_font(font: QFont, base: float, scale: float) -> QFont:
    """``font`` at ``base × scale`` points."""
    scaled = QFont(font)
    scaled.setPointSizeF(base * scale)
    return scaled


def scale_axes(plot: pg.PlotItem, font: QFont, scale: float, names: tuple[str, ...] = ("left", "bottom"),
               pen_width: float = 1.0) -> None:
    """Tick labels of ``names`` at ``BASE_TICK_POINTS × scale``; their space follows the font.
    ``pen_width``: the axis line's width in pixels (a magnified picture widens it)."""
    tick_font = scaled_font(font, BASE_TICK_POINTS, scale)
    for name in names:
        axis = plot.getAxis(name)
        pen = QPen(axis.pen())
        pen.setWidthF(pen_width)
        axis.setPen(pen)
        axis.setTickFont(tick_font)
        axis.setStyle(tickTextOffset=max(2, round(3 * scale)))
        axis.picture = None
        axis.update()
    # The height of the bottom axis and the width of the left one grow with the text.
    if "bottom" in names:
        plot.getAxis("bottom").setHeight(None)
    if "left" in names:
        plot.getAxis("left").setWidth(None)


def picture_scale(size: QSize) -> float:
    """How much a picture of ``size`` pixels magnifies the layout (at least 1: a small picture is 1:1)."""
    return max(1.0, min(size.width() / PICTURE_REFERENCE_WIDTH, size.height() / PICTURE_REFERENCE_HEIGHT))


@contextmanager
def transformable(item: QGraphicsItem) -> Iterator[None]:
    """For one painting, items that ignore the painter's transformation (the legend) follow it too."""
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    fixed = [child for child in [item, *item.childItems()] if child.flags() & flag]
    for child in item.childItems():
        fixed.extend(grandchild for grandchild in child.childItems() if grandchild.flags() & flag)
    for child in fixed:
        child.setFlag(flag, False)
    try:
        yield
    finally:
        for child in fixed:
            child.setFlag(flag, True)


def render_scene_item(item: pg.GraphicsWidget, painter: QPainter, size: QSize,
                      target: QRectF | None = None) -> None:
    """Paint ``item`` (a graphics widget in its scene) filling ``target`` (default: all of ``size``),
    laid out at ``target / picture_scale(size)``; the item gets its own geometry back after it."""
    target = QRectF(0, 0, size.width(), size.height()) if target is None else target
    magnify = picture_scale(size)
    logical = QSizeF(target.width() / magnify, target.height() / magnify)
    old = item.geometry()
    item.setGeometry(QRectF(old.topLeft(), logical))
    _activate(item)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        with transformable(item):
            item.scene().render(painter, target, item.sceneBoundingRect(), Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        item.setGeometry(old)
        _activate(item)


def _activate(item: pg.GraphicsWidget) -> None:
    layout = item.layout() if callable(getattr(item, "layout", None)) else getattr(item, "layout", None)
    if layout is not None and hasattr(layout, "activate"):
        layout.activate()


def paint_image(size: QSize, draw: Callable[[QPainter], None], background: str = "#ffffff") -> QImage:
    """A ``size`` image on ``background``, painted by ``draw``."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    try:
        draw(painter)
    finally:
        painter.end()
    return image


def write_picture(path: str | os.PathLike[str], size: QSize, title: str, draw: Callable[[QPainter], None]) -> None:
    """A ``size`` picture drawn by ``draw``: SVG if ``path`` ends in .svg, else PNG; written atomically
    (nothing changes on failure: a BpguiError naming ``path``)."""
    if size.width() < 1 or size.height() < 1:
        raise ValueError(f"a picture needs a positive size, not {size.width()} × {size.height()}")
    if os.fspath(path).lower().endswith(".svg"):
        document = svg_document(path, QSizeF(size), title, lambda painter: _on_white(painter, size, draw))
        write_bytes_atomically(path, document)
    else:
        save_image(paint_image(size, draw), path)


def _on_white(painter: QPainter, size: QSize, draw: Callable[[QPainter], None]) -> None:
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("#ffffff"))
    draw(painter)
