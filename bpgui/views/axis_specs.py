"""An axis' drawing specs the way pyqtgraph builds them, in fewer Python objects.

pyqtgraph's ``AxisItem.generateDrawSpecs`` is called at every new range (each Step while the history is
short, its x range growing); :func:`draw_specs` computes the same specs with the same float arithmetic in
the same order, and measures each tick label once per font (:class:`MeasuredPainter`).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

__all__ = ["MeasuredPainter", "draw_specs"]


def draw_specs(axis: pg.AxisItem, p) -> tuple | None:
    """pyqtgraph's ``AxisItem.generateDrawSpecs`` for ticks it chooses itself on an axis without a grid,
    with the same float arithmetic in the same order (hence the same specs), without its ``Point`` objects
    and per-tick list juggling: half its time (~0.5 ms of a Step of 784-128-10, whose x range grows at
    every Step)."""
    style = axis.style
    if style["tickFont"] is not None:
        p.setFont(style["tickFont"])
    bounds = axis.mapRectFromParent(axis.geometry())
    orientation = axis.orientation
    if orientation == "left":
        span = (bounds.topRight() + QPointF(-1.0, -1.0), bounds.bottomRight() + QPointF(-1.0, 1.0))
        tick_start, tick_stop, tick_dir, along = bounds.right(), bounds.right(), -1, 0
    elif orientation == "right":
        span = (bounds.topLeft() + QPointF(1.0, -1.0), bounds.bottomLeft() + QPointF(1.0, 1.0))
        tick_start, tick_stop, tick_dir, along = bounds.left(), bounds.left(), 1, 0
    elif orientation == "top":
        span = (bounds.bottomLeft() + QPointF(-1.0, -1.0), bounds.bottomRight() + QPointF(1.0, -1.0))
        tick_start, tick_stop, tick_dir, along = bounds.bottom(), bounds.bottom(), -1, 1
    else:
        span = (bounds.topLeft() + QPointF(-1.0, 1.0), bounds.topRight() + QPointF(1.0, 1.0))
        tick_start, tick_stop, tick_dir, along = bounds.top(), bounds.top(), 1, 1
    transform = axis.deviceTransform_()
    if transform is None:
        return None
    ends = [transform.map(point) for point in span]
    length = math.hypot((ends[1] - ends[0]).x(), (ends[1] - ends[0]).y())
    if length == 0:
        return None
    low, high = axis.range[0], axis.range[1]
    levels = axis.tickValues(low, high, length)
    dif = high - low
    if dif == 0:
        scale, offset = 1, 0
    elif along == 0:
        scale = -bounds.height() / dif
        offset = low * scale - bounds.height()
    else:
        scale = bounds.width() / dif
        offset = low * scale
    x_range = [x * scale - offset for x in axis.range]
    x_min, x_max = min(x_range), max(x_range)

    positions: list[list[float | None]] = []
    tick_specs = []
    for i, (_spacing, ticks) in enumerate(levels):
        tick_length = style["tickLength"] / ((i * 0.5) + 1.0)
        alpha = style["tickAlpha"]
        if alpha is None:
            alpha = 255 / (i + 1)
        elif isinstance(alpha, float):
            alpha = min(255, max(0, round(alpha * 255)))
        elif not isinstance(alpha, int) or not 0 <= alpha <= 255:
            raise ValueError("tickAlpha must be None, a float or an int in 0 … 255")
        pen = axis.tickPen()
        if pen.brush().style() == Qt.BrushStyle.SolidPattern:
            pen = QPen(pen)
            colour = QColor(pen.color())
            colour.setAlpha(int(alpha))
            pen.setColor(colour)
        end = tick_stop + tick_length * tick_dir
        level: list[float | None] = []
        for v in ticks:
            x = (v * scale) - offset
            if x < x_min or x > x_max:
                level.append(None)
                continue
            level.append(x)
            if along == 0:
                tick_specs.append((pen, QPointF(tick_start, x), QPointF(end, x)))
            else:
                tick_specs.append((pen, QPointF(x, tick_start), QPointF(x, end)))
        positions.append(level)
    if style["stopAxisAtTick"][0] is True:
        least = min(map(min, positions))  # type: ignore[arg-type]  # (as pyqtgraph: None fails there too)
        if along == 0:
            span[0].setY(max(span[0].y(), least))
        else:
            span[0].setX(max(span[0].x(), least))
    if style["stopAxisAtTick"][1] is True:
        most = max(map(max, positions))  # type: ignore[arg-type]
        if along == 0:
            span[1].setY(min(span[1].y(), most))
        else:
            span[1].setX(min(span[1].x(), most))
    axis_spec = (axis.pen(), span[0], span[1])

    text_offset = style["tickTextOffset"][along]
    measure = p.measure if isinstance(p, MeasuredPainter) else lambda text: _measure(p, text)
    sizes: list[float] = []  # every measured label's extent along the axis, in order (pyqtgraph's textRects)
    across: list[float] = []  # … and across it
    last_across = 0
    text_specs: list[tuple[QRectF, Qt.AlignmentFlag, str]] = []
    item_rect = axis.boundingRect()
    room = max(0, style["tickLength"]) + text_offset
    for i in range(min(len(levels), style["maxTextLevel"] + 1)):
        spacing, values = levels[i]
        strings = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
        if len(strings) == 0:
            continue
        # (width, height × 0.8) of each label shown: pyqtgraph's rect after its setHeight, as two floats
        measured = [None if x is None else measure(text) for x, text in zip(positions[i], strings, strict=True)]
        sizes.extend(size[1] if along == 0 else size[0] for size in measured if size is not None)
        across.extend(size[0] if along == 0 else size[1] for size in measured if size is not None)
        if i > 0:
            fill_ratio = float(np.sum(sizes) if sizes else 0) / length
            if any(len(text_specs) >= n and fill_ratio >= limit for n, limit in style["textFillLimits"]):
                break
        last_across = np.max(across) if across else 0
        for x, text, size in zip(positions[i], strings, measured, strict=True):
            if x is None or size is None:
                continue
            width, height = size
            if orientation == "left":
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                rect = QRectF(tick_stop - room - width, x - (height / 2), width, height)
            elif orientation == "right":
                flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                rect = QRectF(tick_stop + room, x - (height / 2), width, height)
            elif orientation == "top":
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                rect = QRectF(x - width / 2., tick_stop - room - height, width, height)
            else:
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                rect = QRectF(x - width / 2., tick_stop + room, width, height)
            if item_rect & rect != rect:
                continue
            text_specs.append((rect, flags | Qt.TextFlag.TextDontClip, text))
    axis._updateMaxTextSize(last_across)  # the axis grows to hold its widest label (pyqtgraph's side effect)
    return axis_spec, tick_specs, text_specs


def _measure(p, text: str) -> tuple[float, float]:
    """A tick label's width and 0.8 × its height as pyqtgraph measures it (a rect of the painter's font)."""
    rect = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)
    rect.setHeight(rect.height() * 0.8)
    return rect.width(), rect.height()


class MeasuredPainter:
    """A painter for ``generateDrawSpecs`` whose tick labels are measured once per font (in ``memo``):
    pyqtgraph measures every label again at each new range. ``measure`` answers :func:`_measure`'s floats."""

    def __init__(self, painter: QPainter, memo: dict) -> None:
        self._painter = painter
        self._memo = memo
        self._font = painter.font().key()

    def setFont(self, font: QFont) -> None:
        self._painter.setFont(font)
        self._font = font.key()

    def measure(self, text: str) -> tuple[float, float]:
        key = (self._font, text)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = _measure(self._painter, text)
        return found

    def __getattr__(self, name: str):
        return getattr(self._painter, name)
