"""The pieces the network drawing is made of: labels, units, links, the dummy −1 input.

Each item knows only its own looks: a link's colour is the sign of its weight
(blue +, red −) and its width |weight|, a unit's fill is :func:`tint` of its
output; the selected and the lit ("what the current phase computes") looks are
shared by units and links. :class:`bpgui.views.topology.TopologyView` places
them and feeds them their numbers.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from ..model.naming import unit_symbol

RADIUS = 24.0
POSITIVE = QColor("#1f63c6")
NEGATIVE = QColor("#d2362b")
SELECTED = QColor("#f0b400")
LIT = QColor("#ff7f0e")  # what the current phase computes
DIM_UNIT, DIM_LINK = 0.3, 0.15
TEXT = QColor("#202020")
_OUTLINE = QColor("#505050")
DUMMY_HALF_WIDTH = 15  # a link from the dummy input starts at its right edge


def tint(value: float) -> QColor:
    """White at 0, deepening blue towards +1 and red towards −1 (clipped)."""
    v = float(np.clip(value, -1.0, 1.0)) if np.isfinite(value) else 0.0
    base = POSITIVE if v >= 0 else NEGATIVE
    a = abs(v) * 0.85
    return QColor(
        round(255 + (base.red() - 255) * a), round(255 + (base.green() - 255) * a), round(255 + (base.blue() - 255) * a)
    )


class Label(QGraphicsItem):
    """A small text on a pale rounded box (readable over links); cheap to update."""

    def __init__(self, parent: QGraphicsItem | None = None, size: float = 10.0) -> None:
        super().__init__(parent)
        self._text = ""
        self._font = QFont()
        self._font.setPointSizeF(size)
        self._rect = QRectF()
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self.prepareGeometryChange()
        self._text = text
        metrics = QFontMetricsF(self._font)
        w, h = metrics.horizontalAdvance(text) + 6, metrics.height() + 2
        self._rect = QRectF(-w / 2, -h / 2, w, h)
        self.update()

    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._text:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(TEXT)
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)


class Highlight:
    """Selected and lit looks shared by units and links; each item draws them in _apply_pen."""

    _selected = False
    _lit = False

    def set_selected_look(self, selected: bool) -> None:
        self._selected = selected
        self._apply_pen()

    def set_lit(self, lit: bool) -> None:
        self._lit = lit
        self._apply_pen()

    def _apply_pen(self) -> None:
        raise NotImplementedError  # each item draws the looks its own way


class Unit(Highlight, QGraphicsEllipseItem):
    """A unit: a circle with its name in the note's notation, and labels around it."""

    def __init__(self, layer: int, unit: int, n_layers: int, param_index: int) -> None:
        super().__init__(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.layer, self.unit, self.param_index = layer, unit, param_index
        self.setPen(QPen(_OUTLINE, 1.5))
        self.setBrush(QBrush(Qt.GlobalColor.white))
        self.setZValue(3)
        # Kept as an attribute: PySide drops a child item whose wrapper is unreferenced.
        self.symbol = QGraphicsTextItem(self)
        self.symbol.setHtml(f"<span style='font-size:11pt'>{unit_symbol(layer, unit + 1, n_layers).html}</span>")
        r = self.symbol.boundingRect()
        self.symbol.setPos(-r.width() / 2, -r.height() / 2)
        self.symbol.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.value_label = Label(self)
        self.value_label.setPos(0, RADIUS + 10)
        self.threshold_label = Label(self)
        self.threshold_label.setPos(0, -RADIUS - 10)
        self.name_label = Label(self)  # a data set's feature or target name
        self.delta_label = Label(self, size=9.0)  # g_j / e_h once a phase has computed it
        self.delta_label.setPos(0, RADIUS + 27)

    def _apply_pen(self) -> None:
        if self._selected:
            self.setPen(QPen(SELECTED, 4))
        elif self._lit:
            self.setPen(QPen(LIT, 3.5))
        else:
            self.setPen(QPen(_OUTLINE, 1.5))


class Link(Highlight, QGraphicsLineItem):
    """A weight (``source`` a unit of the layer before) or a threshold (``source`` None: from the −1 input)."""

    def __init__(self, param_index: int, layer: int, source: int | None, target: int) -> None:
        super().__init__()
        self.param_index, self.layer, self.source, self.target = param_index, layer, source, target
        self.setZValue(1)
        self.label = Label()
        self._width = 1.0
        self._color = POSITIVE
        self._shape = QPainterPath()

    def set_weight(self, value: float, scale: float) -> None:
        self._color = POSITIVE if value >= 0 else NEGATIVE
        self._width = 0.6 + 5.4 * min(1.0, abs(value) / scale) if scale > 0 and np.isfinite(value) else 0.6
        self._apply_pen()

    def set_selected_look(self, selected: bool) -> None:
        self.setZValue(2 if selected else 1)
        super().set_selected_look(selected)

    def _apply_pen(self) -> None:
        if self._selected:
            pen = QPen(SELECTED, self._width + 5)
        elif self._lit:
            pen = QPen(self._color, self._width + 2.5)
        else:
            pen = QPen(self._color, self._width)
        if self.source is None:
            pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)

    def setLine(self, *args) -> None:
        super().setLine(*args)
        # A generous, fixed hit area, built once: thin links must still be easy
        # to click and hover, and Qt asks for the shape on every repaint.
        path = QPainterPath()
        line = self.line()
        path.moveTo(line.p1())
        path.lineTo(line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(12.0)
        self._shape = stroker.createStroke(path)

    def shape(self) -> QPainterPath:
        return self._shape


class DummyInput(QGraphicsRectItem):
    """The note's dummy node: a box holding −1, whose weights are the thresholds."""

    def __init__(self) -> None:
        super().__init__(-DUMMY_HALF_WIDTH, -13, 2 * DUMMY_HALF_WIDTH, 26)
        self.setBrush(QColor("#eeeeee"))
        self.setPen(QPen(QColor("#707070"), 1.2))
        self.setZValue(3)
        # Kept as an attribute: PySide drops a child item whose wrapper is unreferenced.
        self.text = QGraphicsSimpleTextItem("−1", self)
        r = self.text.boundingRect()
        self.text.setPos(-r.width() / 2, -r.height() / 2)
