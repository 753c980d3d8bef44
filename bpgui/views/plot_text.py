"""What the plots (error curve, decision map, comparison) share: scaled text, true minus signs, sized pictures.

* :class:`NumberAxis` writes its tick labels with a true minus sign (U+2212) (a log axis: 7×10⁻⁵),
  as :func:`bpgui.model.numbers.format_number` does everywhere else, spaces
  its ticks by the size of its font (no two labels ever overlap, at any text
  scale or axis length) and can keep to whole numbers (iterations, epochs).
* :func:`no_menus` switches off pyqtgraph's English right-click menus (the
  app has its own sized, translated export).
* :func:`make_room` gives the plot's edges room for half a tick label.
* :func:`scale_axes` sizes an axis' tick labels and title as points × the
  text scale (``bpgui.views.text_scale``), with room for them.
* :func:`picture_scale` and :func:`render_scene_item` draw a graphics item at
  a chosen pixel size: the item is laid out at the size divided by the scale
  and painted magnified, so a 1920 × 1080 picture reads like the screen
  rather than showing a tiny plot in a huge frame.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ..model.numbers import MINUS, format_number
from .axis_specs import MeasuredPainter, draw_specs
from .files import save_image, svg_document, write_bytes_atomically
from .style import AXIS, TEXT

__all__ = ["NumberAxis", "colour_bar", "make_room", "map_plot", "no_menus", "number_axes", "picture_scale", "points",
           "render_scene_item", "scale_axes", "scaled_font", "write_picture"]

#: A picture is laid out as if on a screen about this many pixels tall, then magnified to its size.
PICTURE_REFERENCE_HEIGHT = 540.0
PICTURE_REFERENCE_WIDTH = 720.0
BASE_TICK_POINTS = 9.0
BASE_LABEL_POINTS = 10.0
MEASURED_TEXTS = 512  # tick labels an axis remembers the size of (then it starts again)
LOG_TICK_DIGITS = 3  # a log axis' ticks are 1 … 9 × 10ⁿ: three digits hide float noise (6.99999e-5)


class NumberAxis(pg.AxisItem):
    """An axis whose tick labels have a true minus sign (−0.5, not -0.5), never overlap, and (``integers``)
    stand at whole numbers only.

    pyqtgraph spaces ticks by the axis length alone (at least 2.25 intervals), so a short axis or a large
    font piles labels on top of each other. Here the major interval grows (1, 2, 5 × 10ⁿ) until a label
    and a gap fit between two ticks; finer levels (and a log axis' 2 … 9) only get text where it fits."""

    def __init__(self, orientation: str, *, integers: bool = False, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._integers = integers

    def set_integers(self, integers: bool) -> None:
        """Ticks at whole numbers only (an axis of iterations or epochs)."""
        self._integers = bool(integers)
        self.picture = None
        self.update()

    def integers(self) -> bool:
        return self._integers

    def _updateLabel(self) -> None:
        """pyqtgraph sets the title's HTML again (and lays it out) at every range change, for an SI prefix
        these axes never show (each step of a growing run): only a new text is set."""
        text = self.labelString()
        if text == getattr(self, "_label_text", None):
            self.picture = None
            self.update()
            return
        self._label_text = text
        super()._updateLabel()

    def tick_font(self) -> QFont:
        return QFont(self.style["tickFont"] or self.font())

    def _vertical(self) -> bool:
        return self.orientation in ("left", "right")

    def _gap(self) -> float:
        """Pixels kept free between two labels along the axis."""
        metrics = QFontMetricsF(self.tick_font())
        return 0.3 * metrics.height() if self._vertical() else 1.2 * metrics.averageCharWidth()

    def _label_extent(self, low: float, high: float, interval: float) -> float:
        """Pixels one label of ticks ``interval`` apart takes along the axis, with its gap."""
        metrics = QFontMetricsF(self.tick_font())
        if self._vertical():
            return metrics.height() + self._gap()
        first, last = math.ceil(low / interval) * interval, math.floor(high / interval) * interval
        strings = self.tickStrings([first, last, first + interval], self.autoSIPrefixScale, interval)
        return max(metrics.horizontalAdvance(text) for text in strings) + self._gap()

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        levels = super().tickSpacing(minVal, maxVal, size)
        if not levels or self._tickSpacing is not None or not (size > 0 and math.isfinite(maxVal - minVal)):
            return levels
        low, high = sorted((minVal, maxVal))
        major = levels[0][0]
        if self._integers and major < 1:
            major = 1.0
        for _ in range(64):  # grow through 1, 2, 5 × 10ⁿ until the labels fit (64 steps: 10²¹ times wider)
            if major / (high - low) * size >= self._label_extent(low, high, major):
                break
            major = _next_nice(major)
        finer = [(spacing, offset) for spacing, offset in levels[1:]
                 if spacing < major and (not self._integers or spacing >= 1)]
        return [(major, 0.0), *finer]

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        """Within a decade: 1 × 10ⁿ first, then 2 and 5, then the rest, as three levels (text goes to the
        levels in order, where it fits)."""
        ticks = []
        for spacing, values in super().logTickValues(minVal, maxVal, size, stdTicks):
            if spacing is not None:
                ticks.append((spacing, values))
                continue
            mantissas = [round(10 ** (v - math.floor(v + 1e-9))) for v in values]
            ticks.append((None, [v for v, m in zip(values, mantissas, strict=True) if m == 1]))
            ticks.append((None, [v for v, m in zip(values, mantissas, strict=True) if m in (2, 5)]))
            ticks.append((None, [v for v, m in zip(values, mantissas, strict=True) if m not in (1, 2, 5)]))
        return ticks

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """A log axis' labels in the app's one number format (7×10⁻⁵, 0.2, 1), not pyqtgraph's 7·10⁻⁵."""
        return [format_number(float(10.0 ** value * scale), LOG_TICK_DIGITS) for value in values]

    def tickStrings(self, values, scale, spacing):
        return [text.replace("-", MINUS) for text in super().tickStrings(values, scale, spacing)]

    def tickValues(self, minVal: float, maxVal: float, size: float):
        """pyqtgraph's, each level's ticks that a coarser level has (within 1 % of its spacing) left out by the
        same comparison written without ``np.isclose``'s wrapper (a third of the time of a new x range)."""
        if self.logMode:
            return super().tickValues(minVal, maxVal, size)
        minVal, maxVal = sorted((minVal, maxVal))
        minVal *= self.scale
        maxVal *= self.scale
        ticks = []
        all_values = np.empty(0)
        for spacing, offset in self.tickSpacing(minVal, maxVal, size):
            start = (math.ceil((minVal - offset) / spacing) * spacing) + offset
            num = int((maxVal - start) / spacing) + 1
            values = (np.arange(num) * spacing + start) / self.scale
            if all_values.shape[0] and values.shape[0]:  # |a − b| <= atol: np.isclose with rtol 0, finite values
                close = (np.abs(all_values - values[:, np.newaxis]) <= spacing / self.scale * 0.01).any(axis=-1)
                values = values[~close]
            all_values = np.concatenate([all_values, values])
            ticks.append((spacing / self.scale, values.tolist()))
        return ticks

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs) -> None:
        """pyqtgraph's, with the ticks of one pen (a level) drawn by one ``drawLines``: the same lines in the
        same order with the same pens, not antialiased."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axisSpec
        p.setPen(pen)
        p.drawLine(p1, p2)
        runs: list[tuple[QPen, list[QLineF]]] = []
        for pen, p1, p2 in tickSpecs:
            if not runs or runs[-1][0] is not pen:
                runs.append((pen, []))
            runs[-1][1].append(QLineF(p1, p2))
        for pen, lines in runs:
            p.setPen(pen)
            p.drawLines(lines)
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect())
        for rect, flags, text in textSpecs:
            p.drawText(rect, int(flags), text)

    def generateDrawSpecs(self, p):
        """pyqtgraph's drawing specs without any label that would touch one drawn before it (coarser levels
        come first, so they win). pyqtgraph measures every label with the painter; each text is measured
        once per font and device (:class:`bpgui.views.axis_specs.MeasuredPainter`)."""
        key = (p.font().key(), p.device().logicalDpiX(), p.device().logicalDpiY()) if p.device() else None
        if key is None or key != getattr(self, "_measured_for", None) or len(self._measured) > MEASURED_TEXTS:
            self._measured_for, self._measured = key, {}
        painter = p if key is None else MeasuredPainter(p, self._measured)
        if self._tickLevels is None and self.grid is False and self.style["showValues"]:
            specs = draw_specs(self, painter)
        else:
            specs = super().generateDrawSpecs(painter)
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        gap = self._gap() / 2
        kept: list[QRectF] = []
        shown = []
        for rect, flags, text in text_specs:
            room = rect.adjusted(0, -gap, 0, gap) if self._vertical() else rect.adjusted(-gap, 0, gap, 0)
            if any(room.intersects(other) for other in kept):
                continue
            kept.append(room)
            shown.append((rect, flags, text))
        return axis_spec, tick_specs, shown


def _next_nice(interval: float) -> float:
    """The next of 1, 2, 5 × 10ⁿ above ``interval``."""
    power = 10.0 ** math.floor(math.log10(interval))
    for step in (1, 2, 5, 10):
        if step * power > interval * (1 + 1e-9):
            return step * power
    return 10 * power


def number_axes(integer_x: bool = False) -> dict[str, NumberAxis]:
    """The ``axisItems`` argument of a plot: left and bottom axes with true minus signs (``integer_x``: the
    bottom one at whole numbers only)."""
    return {"left": NumberAxis("left"), "bottom": NumberAxis("bottom", integers=integer_x)}


def no_menus(plot: pg.PlotItem) -> None:
    """No right-click menus on ``plot`` (pyqtgraph's are English and export at the widget's size, past the
    app's sized export): neither the plot's nor its view box', nor the scene's "Export..." entry."""
    plot.setMenuEnabled(False, False)
    plot.getViewBox().setMenuEnabled(False)
    scene = plot.scene()
    if scene is not None and hasattr(scene, "contextMenu"):
        scene.contextMenu = []


def map_plot(plot: pg.PlotItem, tick_font: QFont | None = None) -> None:
    """A map that only shows (the decision map, the error surface): no menus, buttons, mouse or padding, and
    plain axes in the window's colours."""
    no_menus(plot)
    plot.hideButtons()
    plot.setMouseEnabled(False, False)
    plot.getViewBox().setDefaultPadding(0.0)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))
        if tick_font is not None:
            axis.setTickFont(tick_font)
        axis.enableAutoSIPrefix(False)


def colour_bar(plot: pg.PlotItem, colour_map: pg.ColorMap, tick_font: QFont | None = None) -> pg.ColorBarItem:
    """A fixed colour bar for a map, in the window's colours, right of ``plot``'s view."""
    bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=colour_map, interactive=False, width=9, colorMapMenu=False)
    for name in ("left", "right", "top", "bottom"):
        bar.getAxis(name).setPen(pg.mkPen(AXIS))
    bar.axis.setTextPen(pg.mkPen(TEXT))
    if tick_font is not None:
        bar.axis.setTickFont(tick_font)
    bar.axis.enableAutoSIPrefix(False)
    plot.layout.addItem(bar, 2, 5)
    return bar


def make_room(plot: pg.PlotItem, tick_font: QFont, *, right_label: bool = True, left: int = 4,
              bottom: int = 4) -> None:
    """Margins around ``plot`` that hold the half of a tick label past the axes' ends: the top y label
    (half a line) and, with ``right_label``, the last x label (half of a five-digit number)."""
    metrics = QFontMetricsF(tick_font)
    top = max(4, math.ceil(metrics.height() / 2) + 2)
    right = max(4, math.ceil(metrics.horizontalAdvance("00000") / 2) + 2) if right_label else 4
    plot.layout.setContentsMargins(left, top, right, bottom)


def points(base: float, scale: float) -> str:
    """A CSS font size, ``base × scale`` points (as pyqtgraph's labels take it)."""
    return f"{base * scale:.1f}pt"


def scaled_font(font: QFont, base: float, scale: float) -> QFont:
    """``font`` at ``base × scale`` points."""
    scaled = QFont(font)
    scaled.setPointSizeF(base * scale)
    return scaled


def scale_axes(plot: pg.PlotItem, font: QFont, scale: float, names: tuple[str, ...] = ("left", "bottom"),
               pen_width: float = 1.0, right_label: bool = True) -> None:
    """Tick labels of ``names`` at ``BASE_TICK_POINTS × scale``; their space follows the font, and the
    plot's margins hold the labels at the axes' ends (:func:`make_room`, ``right_label`` as there).
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
    make_room(plot, tick_font, right_label=right_label)


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
