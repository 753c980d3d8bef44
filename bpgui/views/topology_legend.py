"""The key under the network drawing (its legend): each fill scale low → high with its numbers, a weight's two
colours, the marks on screen (the selection, a path) and a note. A widget of the view, not an item of its
scene: it neither scrolls nor zooms with the drawing."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from ..model.numbers import format_number
from . import style
from .topology_items import NEGATIVE, OUTLINE, POSITIVE, TEXT

__all__ = ["Legend"]


class Legend(QWidget):
    """The key under the drawing: each fill scale low → high with its numbers, a weight's two colours, a note.

    It lives in a strip the view keeps free below its viewport, so it never
    covers a unit, and it neither scrolls nor zooms with the scene.
    """

    PAD = 4.0

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self._view = view
        self._placing = False
        self._scales: list[tuple[str, float, float]] = []  # (who, low, high)
        self._note = ""
        self._digits = 4
        self._looks: list[tuple[str, QColor]] = []  # (what it means, its line's colour): the selection, a path
        self._contents: tuple[Any, ...] = ()  # what set_contents was last given
        self._laid_out: tuple[float, Any] | None = None  # (width, its _layout)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_contents(self, scales: list[tuple[str, float, float]], note: str, digits: int, points: float,
                     looks: list[tuple[str, QColor]] | None = None) -> None:
        """``looks``: the marks on screen to explain, (text, colour) each (the selected parameter, a path)."""
        contents = (scales, note, digits, points, [(text, colour.rgba()) for text, colour in looks or []])
        if contents == self._contents:  # as drawn (every step asks): no repaint, no layout
            return
        self._contents = contents
        self._scales, self._note, self._digits, self._looks = scales, note, digits, list(looks or [])
        font = self.font()
        font.setPointSizeF(points)
        self.setFont(font)
        self._laid_out = None
        self.update()

    def place(self) -> None:
        """Keep a strip under the view's viewport as tall as the legend needs, and sit in it."""
        if self._placing:  # changing the margins resizes the viewport, which places the legend again
            return
        self._placing = True
        try:
            view = self._view
            frame = view.frameWidth()
            width = view.width() - 2 * frame
            height = self.height_for(width)
            if view.viewportMargins().bottom() != height:
                view.setViewportMargins(0, 0, 0, height)
            bar = view.horizontalScrollBar()
            below = bar.height() if bar.isVisible() else 0
            self.setGeometry(frame, view.height() - frame - below - height, width, height)
            self.raise_()
        finally:
            self._placing = False

    def note(self) -> str:
        return self._note

    def looks(self) -> list[tuple[str, QColor]]:
        return list(self._looks)

    def _layout(self, width: float) -> tuple[list[tuple[QRectF, tuple[str, Any]]], float]:
        """Where each piece goes at ``width``: [(rect, piece)], height. Pieces flow and wrap (kept per width)."""
        if self._laid_out is None or self._laid_out[0] != width:
            self._laid_out = (width, self._work_out_layout(width))
        return self._laid_out[1]

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        self._laid_out = None  # a font or style change: the pieces' sizes change

    def _work_out_layout(self, width: float) -> tuple[list[tuple[QRectF, tuple[str, Any]]], float]:
        m = QFontMetricsF(self.font())
        h, pad, bar = m.height(), self.PAD, 4 * m.height()
        pieces: list[tuple[float, tuple[str, Any]]] = []
        for who, low, high in self._scales:
            texts = (who, format_number(low, self._digits), format_number(high, self._digits))
            w = sum(m.horizontalAdvance(t) for t in texts) + bar + 4 * pad
            pieces.append((w, ("scale", texts)))
        weight = QCoreApplication.translate("TopologyView", "weight")
        pieces.append((m.horizontalAdvance(f"{weight} + −") + 2 * bar / 2 + 5 * pad, ("weight", weight)))
        pieces += [(m.horizontalAdvance(text) + bar / 2 + 3 * pad, ("look", (text, colour)))
                   for text, colour in self._looks]
        out: list[tuple[QRectF, tuple[str, Any]]] = []
        x, y = pad, pad
        for w, piece in pieces:
            if x > pad and x + w > width - pad:
                x, y = pad, y + h + pad
            out.append((QRectF(x, y, w, h), piece))
            x += w + 3 * pad
        if self._note:
            flags = int(Qt.TextFlag.TextWordWrap)
            one_line = m.horizontalAdvance(self._note) + 2
            if x + one_line <= width - pad:  # beside the key, where it fits
                out.append((QRectF(x, y, one_line, h), ("note", self._note)))
            else:
                y += h + pad
                r = m.boundingRect(QRectF(pad, y, max(10.0, width - 2 * pad), 10_000), flags, self._note)
                out.append((QRectF(pad, y, width - 2 * pad, r.height()), ("note", self._note)))
                y += r.height() - h
        y += h + pad
        return out, y

    def height_for(self, width: float) -> int:
        return int(np.ceil(self._layout(width)[1]))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f2f2ee"))
        painter.setPen(QColor("#d0d0c8"))
        painter.drawLine(0, 0, self.width(), 0)
        painter.setFont(self.font())
        m = QFontMetricsF(self.font())
        bar = 4 * m.height()
        pad = self.PAD
        for rect, (kind, data) in self._layout(self.width())[0]:
            x, y, h = rect.x(), rect.y(), rect.height()
            painter.setPen(TEXT)
            if kind == "scale":
                who, low, high = data
                for text in (who, low):
                    painter.drawText(QPointF(x, y + m.ascent()), text)
                    x += m.horizontalAdvance(text) + pad
                gradient = QLinearGradient(x, 0, x + bar, 0)
                for f in (0.0, 0.5, 1.0):
                    gradient.setColorAt(f, style.value_colour(2 * f - 1))
                painter.setPen(QPen(OUTLINE, 0.8))
                painter.setBrush(QBrush(gradient))
                painter.drawRect(QRectF(x, y + h * 0.2, bar, h * 0.6))
                x += bar + pad
                painter.setPen(TEXT)
                painter.drawText(QPointF(x, y + m.ascent()), high)
            elif kind == "weight":
                painter.drawText(QPointF(x, y + m.ascent()), data)
                x += m.horizontalAdvance(data) + 2 * pad
                for sign, colour in (("+", POSITIVE), ("−", NEGATIVE)):
                    painter.setPen(TEXT)
                    painter.drawText(QPointF(x, y + m.ascent()), sign)
                    x += m.horizontalAdvance(sign) + pad
                    painter.setPen(QPen(colour, 3))
                    painter.drawLine(QPointF(x, y + h / 2), QPointF(x + bar / 2, y + h / 2))
                    x += bar / 2 + 2 * pad
            elif kind == "look":
                text, colour = data
                painter.setPen(QPen(colour, 5))
                painter.drawLine(QPointF(x, y + h / 2), QPointF(x + bar / 2, y + h / 2))
                x += bar / 2 + 2 * pad
                painter.setPen(TEXT)
                painter.drawText(QPointF(x, y + m.ascent()), text)
            else:
                painter.setPen(QColor("#444444"))
                painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), data)
        painter.end()


