"""The pieces the network drawing is made of: labels, units, links, the dummy −1 input (its legend:
:mod:`bpgui.views.topology_legend`).

Each item knows only its own looks, in the one colour convention of
:mod:`bpgui.views.style`: a link's colour is the sign of its weight (``HIGH``
+, ``LOW`` −) and its width |weight|; a unit's fill is ``value_colour`` of its
output over its activation's range. Three looks mark units and links, each
unlike both HIGH and LOW: lit (``LIT``, what the current phase computes),
selected (``SELECTED``) and on a highlighted path (``PATH``).
:class:`bpgui.views.topology.TopologyView` places them and feeds them their numbers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from ..model.naming import unit_symbol
from ..model.numbers import format_number
from . import style
from . import topology_layout as geo
from .topology_maps import paint_map

RADIUS = 24.0  # at text scale 1
POSITIVE = QColor(style.HIGH)
NEGATIVE = QColor(style.LOW)
SELECTED = QColor("#cc79a7")  # reddish purple (Okabe & Ito): neither HIGH nor LOW
LIT = QColor("#009e73")  # bluish green: what the current phase computes
PATH = QColor("#1a1a1a")  # a highlighted path (the chain rule's)
DIM_UNIT, DIM_LINK = 0.3, 0.15
DRAWING_BACKGROUND = QColor("#fbfbf8")  # the network view's background, which a faded link is mixed towards
# Dimmed text keeps a contrast of at least 4.5:1 (WCAG AA) on the background: the shapes fade more than their words.
DIM_TEXT = 0.66
TEXT = QColor(style.TEXT)
# A label's box: a badge's outlined, a number's pale (drawn each paint: made once here).
BADGE_PEN, BADGE_FILL, LABEL_FILL = QPen(PATH, 1.5), QColor(255, 255, 255, 245), QColor(255, 255, 255, 225)
OUTLINE = QColor("#505050")
DUMMY_HALF_WIDTH = 15  # a link from the dummy input starts at its right edge
LABEL_POINTS, SMALL_POINTS, SYMBOL_POINTS = 10.0, 9.0, 11.0


def faded(colour: QColor, share: float = DIM_LINK) -> QColor:
    """``colour`` at opacity ``share`` over the drawing's background, as one opaque colour (shared: never change it)."""
    key = (colour.rgba(), share)
    kept = _FADED.get(key)
    if kept is None:  # a few colours only (two signs, the path's, the selection's): each mixed once
        b = DRAWING_BACKGROUND
        kept = _FADED[key] = QColor(*(round(bg + (c - bg) * share) for c, bg in (
            (colour.red(), b.red()), (colour.green(), b.green()), (colour.blue(), b.blue()))))
    return kept


_FADED: dict[tuple[int, float], QColor] = {}


def radius_for(scale: float) -> float:
    """A unit's radius at a text scale: it grows more slowly than the text, its symbol shrinks to fit."""
    return RADIUS * max(1.0, scale) ** 0.75


def tint(value: float, low: float = -1.0, high: float = 1.0) -> QColor:
    """A unit's fill: ``style.value_colour`` over its activation's output range [low, high]."""
    return style.value_colour(value, low, high)


def scaled_font(points: float, scale: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points * scale)
    font.setBold(bold)
    return font


_LABEL_FONTS: dict[tuple[float, float, bool], tuple[QFont, QFontMetricsF]] = {}


def forget_label_fonts() -> None:
    """Make the labels built from now on take the application's font as it is now (a drawing being built)."""
    _LABEL_FONTS.clear()


def _label_font(points: float, scale: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
    """A label's font and its metrics, shared by every label of the same size made since the drawing began
    to be built (``forget_label_fonts``): it makes ~1,100 labels at each rebuild, and a font and metrics for
    each cost it ~15 ms."""
    key = (points, scale, bold)
    made = _LABEL_FONTS.get(key)
    if made is None:
        font = scaled_font(points, scale, bold)
        made = _LABEL_FONTS[key] = (font, QFontMetricsF(font))
    return made


class Label(QGraphicsItem):
    """A small text on a pale rounded box (readable over links); cheap to update.

    ``set_reserve`` gives the label a least width (the widest number it is
    likely to show), so that its place stays put while its number changes;
    a wider text raises that width until the next ``set_reserve`` (a new
    network, digits or text size), until the label is emptied (a path's badge
    when the path goes), takes a line more or fewer, or is released
    (``release_width``), so a number that shrinks back (0.0004657, then
    0.01486) leaves the box, and every label placed after it, where it is.
    """

    def __init__(self, parent: QGraphicsItem | None = None, size: float = LABEL_POINTS, scale: float = 1.0,
                 emphasis: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self._later: tuple[float, int] | None = None  # a number to write when first read (write_later)
        self._emphasis = emphasis
        self._font, self._metrics = _label_font(size, scale, emphasis)
        self._least = self._reserve = 0.0  # the template's width; the widest text's since (see the class)
        self._lines, self._loose = 1, False  # the text's lines; the next text sizes the box afresh
        self._rect = self._box = QRectF()
        self.setZValue(6 if emphasis else 5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_reserve(self, template: str) -> None:
        """Keep at least the width of ``template``'s widest line (a path badge may hold two)."""
        widest = max(self._metrics.horizontalAdvance(line) for line in template.split("\n"))
        self._least = self._reserve = widest + 8 if template else 0.0
        self._resize()

    def set_text(self, text: str) -> bool:
        """Show ``text``; True if the label's box changed size (its place may need to change)."""
        self._later = None
        if text == self._text:
            return False
        self._text = text
        lines = text.count("\n") + 1
        if not text or self._loose or lines != self._lines:  # emptied, released, one line more or fewer
            self._reserve, self._loose, self._lines = self._least, False, lines
        return self._resize()

    def release_width(self) -> None:
        """Let the next text size the box afresh (its texts were written at other Digits)."""
        self._loose = True

    def write_later(self, value: float, digits: int) -> None:
        """Show ``value`` written as the drawing writes numbers, formatted and sized only when the label is
        read (its text or size, as placing it does): a label the drawing leaves out costs nothing a step."""
        self._later = (value, digits)

    def _written(self) -> None:
        if self._later is not None:
            value, digits = self._later
            self.set_text(format_number(value, digits))

    def _resize(self) -> bool:
        lines = self._text.split("\n")  # a path badge may hold two factors, one a line
        w = max(max(self._metrics.horizontalAdvance(line) for line in lines) + 8, self._reserve)
        self._reserve = w
        h = self._metrics.height() * len(lines) + 2
        rect = QRectF(-w / 2, -h / 2, w, h)
        if rect == self._rect:
            self.update()
            return False
        self.prepareGeometryChange()
        self._rect, self._box = rect, rect.adjusted(0.75, 0.75, -0.75, -0.75)
        return True

    def text(self) -> str:
        self._written()
        return self._text

    def size(self) -> tuple[float, float]:
        self._written()
        return self._rect.width(), self._rect.height()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._written()  # a no-op: the drawing writes a label it shows at once
        if not self._text:
            return
        if self._emphasis:
            painter.setPen(BADGE_PEN)
            painter.setBrush(BADGE_FILL)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LABEL_FILL)
        painter.drawRoundedRect(self._box, 3, 3)
        painter.setPen(TEXT)
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)


class Highlight:
    """Selected, lit and path looks shared by units and links; each item draws them in _apply_pen."""

    _selected = False
    _lit = False
    _path = False

    # Each setter draws again only when its look changed: Qt repaints an item on every setPen.
    def set_selected_look(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self._apply_pen()

    def set_lit(self, lit: bool) -> None:
        if lit != self._lit:
            self._lit = lit
            self._apply_pen()

    def set_path(self, on: bool) -> None:
        if on != self._path:
            self._path = on
            self._apply_pen()

    def _apply_pen(self) -> None:
        raise NotImplementedError  # each item draws the looks its own way


class Unit(Highlight, QGraphicsEllipseItem):
    """A unit: a circle with its name in the note's notation, and labels around it."""

    def __init__(self, layer: int, unit: int, n_layers: int, param_index: int, scale: float = 1.0) -> None:
        radius = radius_for(scale)
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.layer, self.unit, self.param_index, self.radius = layer, unit, param_index, radius
        self.setPen(QPen(OUTLINE, 1.5))
        self.setBrush(QBrush(Qt.GlobalColor.white))
        self.setZValue(3)
        # Its labels and symbol fade as text does (DIM_TEXT), not as far as the circle (set_dimmed).
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemDoesntPropagateOpacityToChildren)
        # Kept as an attribute: PySide drops a child item whose wrapper is unreferenced.
        self.symbol = QGraphicsTextItem(self)
        html = unit_symbol(layer, unit + 1, n_layers).html
        points = SYMBOL_POINTS * scale
        while True:  # the symbol stays inside its circle
            self.symbol.setHtml(f"<span style='font-size:{points:.1f}pt'>{html}</span>")
            r = self.symbol.boundingRect()
            if r.width() <= 1.9 * radius or points <= 6:
                break
            points *= 0.9
        self.symbol.setPos(-r.width() / 2, -r.height() / 2)
        self.symbol.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.value_label = Label(self, scale=scale)  # x_i, b_h, ŷ_j
        self.threshold_label = Label(self, scale=scale)  # γ_h, θ_j
        self.net_label = Label(self, scale=scale)  # α_h, β_j once the forward pass has reached the unit
        self.target_label = Label(self, scale=scale)  # y_j beside ŷ_j
        self.name_label = Label(self, scale=scale)  # a data set's feature or target name
        self.delta_label = Label(self, size=SMALL_POINTS, scale=scale)  # g_j / e_h once a phase has computed it
        self.path_label = Label(self, size=SMALL_POINTS, scale=scale, emphasis=True)  # a highlighted path's number
        self._map: QImage | None = None  # the unit over the input plane (2-D data), drawn instead of the fill
        self._dimmed = False
        self._fill: QColor | None = None  # None: white (no value)

    def set_fill(self, colour: QColor | None) -> None:
        """Fill the circle with ``colour`` (None: white); only a new colour repaints."""
        old = self._fill
        if (colour is None) != (old is None) or (colour is not None and old is not None and colour != old):
            self._fill = colour
            self.setBrush(QBrush(colour if colour is not None else Qt.GlobalColor.white))

    def set_map(self, image: QImage | None) -> None:
        """Fill the circle with ``image`` (the unit's map over the plane), or (None) with its plain fill."""
        if image is not None or self._map is not None:
            self._map = image
            self.update()

    def map_image(self) -> QImage | None:
        return self._map

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._map is None:
            super().paint(painter, option, widget)
            return
        symbol = self.symbol.mapRectToParent(self.symbol.boundingRect())
        margin = self.symbol.document().documentMargin() * 0.6
        paint_map(painter, self.rect(), self._map, symbol.adjusted(margin, margin, -margin, -margin))
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self.rect())

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the circle to DIM_UNIT and its words only to DIM_TEXT (still readable)."""
        if dimmed == self._dimmed:
            return
        self._dimmed = dimmed
        self.setOpacity(DIM_UNIT if dimmed else 1.0)
        for child in (self.symbol, *self.labels()):
            child.setOpacity(DIM_TEXT if dimmed else 1.0)

    def labels(self) -> tuple[Label, ...]:
        return (self.value_label, self.threshold_label, self.net_label, self.target_label, self.name_label,
                self.delta_label, self.path_label)

    def _apply_pen(self) -> None:
        if self._selected:
            self.setPen(QPen(SELECTED, 4))
        elif self._path:
            self.setPen(QPen(PATH, 4))
        elif self._lit:
            self.setPen(QPen(LIT, 3.5))
        else:
            self.setPen(QPen(OUTLINE, 1.5))

    def set_looks(self, path: bool, lit: bool) -> None:
        """Path and lit looks at once (one pen at most)."""
        if path != self._path or lit != self._lit:
            self._path, self._lit = path, lit
            self._apply_pen()


class Link(Highlight, QGraphicsLineItem):
    """A weight (``source`` a unit of the layer before) or a threshold (``source`` None: from the −1 input)."""

    def __init__(self, param_index: int, layer: int, source: int | None, target: int, scale: float = 1.0) -> None:
        super().__init__()
        self.param_index, self.layer, self.source, self.target = param_index, layer, source, target
        self.setZValue(1)
        self.label = Label(scale=scale)
        self.path_label = Label(scale=scale, size=SMALL_POINTS, emphasis=True)
        self._along: tuple[Any, ...] = ()  # along_link's arguments: its candidates, made when first wanted
        self._candidates: list[QPointF] | None = None
        self._width = 1.0
        self._color = POSITIVE
        self._shape = QPainterPath()
        self._pen_key: tuple[Any, ...] = ()  # what the pen set last was made of
        self._dimmed = False
        self._apply_pen()

    def place_labels_along(self, *along: Any) -> None:
        """Where its labels may go: ``geo.along_link(*along)``, made when first read (a big network draws
        hundreds of links and labels few: making every link's thirteen places cost a rebuild ~20 ms)."""
        self._along, self._candidates = along, None

    @property
    def candidates(self) -> list[QPointF]:
        """Where its labels may go, best first (the same list each time it is read, until placed again)."""
        if self._candidates is None:
            self._candidates = geo.along_link(*self._along) if self._along else []
        return self._candidates

    def set_dimmed(self, dimmed: bool) -> None:
        """Faded back (a lit path or a phase's work is elsewhere): its colour mixed ``DIM_LINK`` of the way
        from the background and drawn opaque, beneath the links that are not faded. Where links do not cross
        it is the look of ``DIM_LINK`` opacity; Qt blends every pixel of a translucent line, ~400 of which
        tripled the drawing's paint with a unit of 784-128-10 selected."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.setZValue(2 if self._selected else 0.5 if dimmed else 1)
            self._apply_pen()

    def dimmed(self) -> bool:
        return self._dimmed

    def set_weight_look(self, positive: bool, width: float) -> None:
        """The weight's colour (its sign) and width, as ``topology_looks.link_looks`` gives them."""
        self._color = POSITIVE if positive else NEGATIVE
        self._width = width
        self._apply_pen()

    def set_looks(self, path: bool, lit: bool) -> None:
        """Path and lit looks at once (one pen at most)."""
        if path != self._path or lit != self._lit:
            self._path, self._lit = path, lit
            self._apply_pen()

    def set_selected_look(self, selected: bool) -> None:
        self.setZValue(2 if selected else 0.5 if self._dimmed else 1)
        super().set_selected_look(selected)

    def _apply_pen(self) -> None:
        if self._selected:
            colour, width = SELECTED, self._width + 5
        elif self._path:
            colour, width = PATH, self._width + 3
        elif self._lit:
            colour, width = self._color, self._width + 2.5
        else:
            colour, width = self._color, self._width
        if self._dimmed:
            colour = faded(colour)
        key = (colour.rgba(), width)
        if key == self._pen_key:  # the same pen: setPen would only repaint
            return
        self._pen_key = key
        pen = QPen(colour, width)
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

    def __init__(self, scale: float = 1.0) -> None:
        half = DUMMY_HALF_WIDTH * scale
        super().__init__(-half, -13 * scale, 2 * half, 26 * scale)
        self.half_width = half
        self.setBrush(QColor("#eeeeee"))
        self.setPen(QPen(QColor("#707070"), 1.2))
        self.setZValue(3)
        # Kept as an attribute: PySide drops a child item whose wrapper is unreferenced.
        self.text = QGraphicsSimpleTextItem("−1", self)
        self.text.setFont(scaled_font(LABEL_POINTS, scale))
        r = self.text.boundingRect()
        self.text.setPos(-r.width() / 2, -r.height() / 2)


def build_links(sizes: tuple[int, ...], offsets: tuple[tuple[int, int], ...], positions: list[dict[int, QPointF]],
                spacing: geo.Spacing, scale: float, dummy: bool) -> tuple[list[Link], list[DummyInput]]:
    """Every drawn layer's links (and, with ``dummy``, the −1 inputs and their threshold links), placed.

    ``offsets`` are each layer's (first weight, first threshold); ``positions`` each layer's unit centres.
    """
    radius, links, boxes = spacing.radius, [], []
    for k in range(1, len(sizes)):
        w0, t0 = offsets[k - 1]
        sources = sorted(positions[k - 1])
        for a, i in enumerate(sources):
            for j in sorted(positions[k]):
                link = Link(w0 + i * sizes[k] + j, k, i, j, scale)
                start, end = positions[k - 1][i] + QPointF(radius, 0), positions[k][j] - QPointF(radius, 0)
                link.setLine(start.x(), start.y(), end.x(), end.y())
                link.place_labels_along(positions[k - 1][i], positions[k][j], a, len(sources), spacing.inset)
                links.append(link)
        if dummy:
            place = geo.dummy_place(k, list(positions[k - 1].values()), spacing.dummy_rise, spacing.layer_gap)
            box = DummyInput(scale)
            box.setPos(place)
            boxes.append(box)
            for j in sorted(positions[k]):
                link = Link(t0 + j, k, None, j, scale)
                end = positions[k][j] - QPointF(radius, 0)
                link.setLine(place.x() + box.half_width, place.y(), end.x(), end.y())
                link.place_labels_along(place, positions[k][j], 1, 2)
                links.append(link)
    return links, boxes

