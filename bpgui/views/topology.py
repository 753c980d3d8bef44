"""The network drawn in the note's notation: units, links, thresholds, live values.

Layers run left to right (inputs x_i, hidden b_h, outputs ŷ_j). The view
shows one iteration's snapshot: the weights and thresholds it used (before
its update) and the forward values they gave for its sample, so that every
number drawn agrees with every other (b_h = f(α_h − γ_h) holds on screen); the
values after the update are in the tooltips and the table. A link's colour is
the sign of its weight (blue +, red −) and its width |weight|; a unit's fill
is its output for the sample. Thresholds show as a label
``γ_h = …`` / ``θ_j = …`` above each unit, or, as the note draws them, as the
weight of a fixed dummy input −1.

Layers wider than ``MAX_UNITS_SHOWN`` show their first and last units around
a "⋯ n more" marker, so a 784-input network stays legible and quick to draw.
Tooltips are built when asked (hover), never per frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
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
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QToolTip,
)

from ..model.naming import (
    delta_symbol,
    net_symbol,
    threshold_symbol,
    unit_symbol,
    weight_symbol,
)
from ..model.network import Network
from ..model.phases import UPDATE, PhaseView
from ..model.records import IterationRecord
from ..model.text import fill
from .files import save_image, write_atomically

MAX_UNITS_SHOWN = 24
EDGE_UNITS = 8  # shown at each end of a collapsed layer
LAYER_GAP = 230.0
UNIT_GAP = 104.0
# Fitting never shrinks the drawing below this: a tall network scrolls instead
# of shrinking into unreadable dots.
MIN_FIT_SCALE = 0.6
# Value labels start switched on only while the links drawn stay few enough to label.
MAX_LABELLED_LINKS = 24
MAX_ANTIALIASED_LINKS = 150
RADIUS = 24.0
POSITIVE = QColor("#1f63c6")
NEGATIVE = QColor("#d2362b")
SELECTED = QColor("#f0b400")
LIT = QColor("#ff7f0e")  # what the current phase computes
DIM_UNIT, DIM_LINK = 0.3, 0.15
TEXT = QColor("#202020")


def _fmt(value: float, digits: int = 4) -> str:
    return f"{value:.{digits}g}"


def _tint(value: float) -> QColor:
    """White at 0, deepening blue towards +1 and red towards −1 (clipped)."""
    v = float(np.clip(value, -1.0, 1.0)) if np.isfinite(value) else 0.0
    base = POSITIVE if v >= 0 else NEGATIVE
    a = abs(v) * 0.85
    return QColor(
        round(255 + (base.red() - 255) * a), round(255 + (base.green() - 255) * a), round(255 + (base.blue() - 255) * a)
    )


def _elide(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_units(n: int) -> list[int]:
    """0-based units drawn for a layer of n (all, or the first and last EDGE_UNITS)."""
    if n <= MAX_UNITS_SHOWN:
        return list(range(n))
    return list(range(EDGE_UNITS)) + list(range(n - EDGE_UNITS, n))


class _Label(QGraphicsItem):
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


class _Highlight:
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


class _Unit(_Highlight, QGraphicsEllipseItem):
    def __init__(self, layer: int, unit: int, n_layers: int, param_index: int) -> None:
        super().__init__(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.layer, self.unit, self.param_index = layer, unit, param_index
        self.setPen(QPen(QColor("#505050"), 1.5))
        self.setBrush(QBrush(Qt.GlobalColor.white))
        self.setZValue(3)
        # Kept as an attribute: PySide drops a child item whose wrapper is unreferenced.
        self.symbol = QGraphicsTextItem(self)
        self.symbol.setHtml(f"<span style='font-size:11pt'>{unit_symbol(layer, unit + 1, n_layers).html}</span>")
        r = self.symbol.boundingRect()
        self.symbol.setPos(-r.width() / 2, -r.height() / 2)
        self.symbol.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.value_label = _Label(self)
        self.value_label.setPos(0, RADIUS + 10)
        self.threshold_label = _Label(self)
        self.threshold_label.setPos(0, -RADIUS - 10)
        self.name_label = _Label(self)  # a data set's feature or target name
        self.delta_label = _Label(self, size=9.0)  # g_j / e_h once a phase has computed it
        self.delta_label.setPos(0, RADIUS + 27)

    def _apply_pen(self) -> None:
        if self._selected:
            self.setPen(QPen(SELECTED, 4))
        elif self._lit:
            self.setPen(QPen(LIT, 3.5))
        else:
            self.setPen(QPen(QColor("#505050"), 1.5))


class _Link(_Highlight, QGraphicsLineItem):
    def __init__(self, param_index: int, layer: int, source: int | None, target: int) -> None:
        super().__init__()
        self.param_index, self.layer, self.source, self.target = param_index, layer, source, target
        self.setZValue(1)
        self.label = _Label()
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


class _DummyInput(QGraphicsRectItem):
    """The note's dummy node: a box holding −1, whose weights are the thresholds."""

    def __init__(self) -> None:
        super().__init__(-15, -13, 30, 26)
        self.setBrush(QColor("#eeeeee"))
        self.setPen(QPen(QColor("#707070"), 1.2))
        self.setZValue(3)
        # Kept as an attribute: PySide drops a child item whose wrapper is unreferenced.
        self.text = QGraphicsSimpleTextItem("−1", self)
        r = self.text.boundingRect()
        self.text.setPos(-r.width() / 2, -r.height() / 2)


class TopologyView(QGraphicsView):
    """Draws a network and its current values; emits the parameter a click selects."""

    parameter_selected = Signal(int)
    edit_requested = Signal(int)  # double-click on a link or a unit: edit that parameter

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(QColor("#fbfbf8"))
        self.setMinimumSize(240, 180)
        self._sizes: tuple[int, ...] = ()
        self._input_names: tuple[str, ...] = ()
        self._output_names: tuple[str, ...] = ()
        self._units: list[list[_Unit]] = []
        self._links: dict[int, _Link] = {}
        self._dummies: list[QGraphicsItem] = []
        self._value_labels = True
        self._dummy_thresholds = False
        self._auto_fit = True
        self._selected = -1
        self._network: Network | None = None
        self._record: IterationRecord | None = None
        self._phase: PhaseView | None = None
        self._layout: tuple[tuple[int, int], ...] = ()  # per layer: (first weight, first threshold)

    # ---- options ----------------------------------------------------------------
    def set_value_labels(self, on: bool) -> None:
        self._value_labels = bool(on)
        self._update_labels_visibility()

    def value_labels(self) -> bool:
        return self._value_labels

    def set_dummy_thresholds(self, on: bool) -> None:
        """Draw thresholds as links from a fixed −1 input (the note's dummy node) instead of labels."""
        if bool(on) != self._dummy_thresholds:
            self._dummy_thresholds = bool(on)
            if self._sizes:
                network, record = self._network, self._record
                self.set_structure(self._sizes, self._input_names, self._output_names)
                if network is not None:
                    self.show_state(network, record)

    def dummy_thresholds(self) -> bool:
        return self._dummy_thresholds

    # ---- building ------------------------------------------------------------------
    def set_structure(self, layer_sizes: Sequence[int], input_names: Sequence[str] = (),
                      output_names: Sequence[str] = ()) -> None:
        """Build the drawing; names (a data set's features and targets) label the ends."""
        scene = self.scene()
        scene.clear()
        self._sizes = tuple(int(n) for n in layer_sizes)
        self._input_names = tuple(input_names)
        self._output_names = tuple(output_names)
        self._network = self._record = self._phase = None  # they belonged to the old structure
        n_layers = len(self._sizes) - 1
        self._units, self._links, self._dummies = [], {}, []
        # offsets of each layer's parameters in the canonical flat order
        layout, offset = [], 0
        for a, b in zip(self._sizes[:-1], self._sizes[1:]):
            layout.append((offset, offset + a * b))
            offset += a * b + b
        self._layout = tuple(layout)

        positions: list[dict[int, QPointF]] = []
        tallest = max(len(shown_units(n)) + (1 if n > MAX_UNITS_SHOWN else 0) for n in self._sizes)
        for k, n in enumerate(self._sizes):
            shown = shown_units(n)
            slots = len(shown) + (1 if n > MAX_UNITS_SHOWN else 0)
            top = (tallest - slots) * UNIT_GAP / 2
            pos, units = {}, []
            for s, u in enumerate(shown):
                slot = s + (1 if n > MAX_UNITS_SHOWN and s >= EDGE_UNITS else 0)
                p = QPointF(k * LAYER_GAP, top + slot * UNIT_GAP)
                pos[u] = p
                param = -1 if k == 0 else layout[k - 1][1] + u
                item = _Unit(k, u, n_layers, param)
                item.setPos(p)
                item.threshold_label.setVisible(k > 0 and not self._dummy_thresholds)
                names = self._input_names if k == 0 else self._output_names if k == n_layers else ()
                if u < len(names) and names[u] and not names[u].startswith(("x_", "y_")):
                    item.name_label.set_text(_elide(names[u]))
                    half = item.name_label.boundingRect().width() / 2
                    item.name_label.setPos(-(RADIUS + 6 + half) if k == 0 else RADIUS + 6 + half, 0)
                scene.addItem(item)
                units.append(item)
            if n > MAX_UNITS_SHOWN:
                more = QGraphicsSimpleTextItem(fill(self.tr("⋯ %1 more"), n - 2 * EDGE_UNITS))
                more.setBrush(QColor("#606060"))
                r = more.boundingRect()
                more.setPos(k * LAYER_GAP - r.width() / 2, top + EDGE_UNITS * UNIT_GAP - r.height() / 2)
                scene.addItem(more)
            positions.append(pos)
            self._units.append(units)

        for k in range(1, n_layers + 1):
            w0, t0 = layout[k - 1]
            n_out = self._sizes[k]
            src_shown = sorted(positions[k - 1])
            for a, i in enumerate(src_shown):
                for j in sorted(positions[k]):
                    link = _Link(w0 + i * n_out + j, k, i, j)
                    link.setLine(positions[k - 1][i].x() + RADIUS, positions[k - 1][i].y(),
                                 positions[k][j].x() - RADIUS, positions[k][j].y())
                    # Stagger labels along the link so crossing links don't stack them.
                    frac = 0.28 + 0.44 * (a / max(1, len(src_shown) - 1))
                    link.label.setPos(positions[k - 1][i] + (positions[k][j] - positions[k - 1][i]) * frac)
                    scene.addItem(link)
                    scene.addItem(link.label)
                    self._links[link.param_index] = link
            if self._dummy_thresholds:
                ys = [p.y() for p in positions[k - 1].values()]
                dummy_pos = QPointF((k - 1) * LAYER_GAP + LAYER_GAP * 0.35, min(ys) - UNIT_GAP * 0.9)
                box = _DummyInput()
                box.setPos(dummy_pos)
                box.setToolTip(self.tr("Dummy input fixed at −1: its weights are the thresholds"))
                scene.addItem(box)
                self._dummies.append(box)
                for j in sorted(positions[k]):
                    link = _Link(t0 + j, k, None, j)
                    link.setLine(dummy_pos.x() + 15, dummy_pos.y(), positions[k][j].x() - RADIUS, positions[k][j].y())
                    link.label.setPos(dummy_pos + (positions[k][j] - dummy_pos) * 0.55)
                    scene.addItem(link)
                    scene.addItem(link.label)
                    self._links[link.param_index] = link
        self._value_labels = len(self._links) <= MAX_LABELLED_LINKS
        # Hundreds of wide antialiased lines cost tens of milliseconds a frame;
        # past that many links, crisp lines are the better trade.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, len(self._links) <= MAX_ANTIALIASED_LINKS)
        self._update_labels_visibility()
        rect = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
        scene.setSceneRect(rect)
        self._auto_fit = True
        self.fit()
        self._apply_selection()

    def _update_labels_visibility(self) -> None:
        for link in self._links.values():
            link.label.setVisible(self._value_labels)
        for units in self._units:
            for u in units:
                u.value_label.setVisible(self._value_labels)
                u.threshold_label.setVisible(u.layer > 0 and not self._dummy_thresholds)
        if self._record is not None or self._network is not None:
            self._update_texts()

    # ---- values --------------------------------------------------------------------
    def show_state(self, network: Network, record: IterationRecord | None, phase: PhaseView | None = None) -> None:
        """Draw one iteration's snapshot: its parameters before the update and its sample's values.

        Without a record, the links show ``network`` and the units are blank.
        With a phase, what it computes is lit, the rest dimmed, and only the
        numbers known by then are written (after the update: the new values).
        """
        self._network, self._record, self._phase = network, record, phase
        params = self._shown_parameters()
        scale = float(np.max(np.abs(params))) if params.size else 1.0
        for index, link in self._links.items():
            link.set_weight(float(params[index]), scale)
        for k, units in enumerate(self._units):
            for u in units:
                value = self._unit_value(k, u.unit)
                u.setBrush(QBrush(_tint(value) if value is not None else Qt.GlobalColor.white))
        self._update_texts()
        self._apply_phase_look()

    def _shown_parameters(self) -> np.ndarray:
        record, phase = self._record, self._phase
        if record is None:
            return self._network.flat if self._network is not None else np.empty(0)
        if phase is not None and phase.updated:
            return record.flat_new_values
        return record.flat_values

    def _unit_value(self, layer: int, unit: int) -> float | None:
        record = self._record
        if record is None:
            return None
        if layer == 0:
            return float(record.inputs[0, unit])
        if self._phase is not None and layer > self._phase.forward_layers:
            return None  # not computed yet in this phase
        return float(record.layers[layer - 1].output[0, unit])

    def _delta_text(self, layer: int, unit: int) -> str:
        phase, record = self._phase, self._record
        if phase is None or record is None or layer == 0:
            return ""
        n_layers = len(self._sizes) - 1
        if not phase.delta_known[layer - 1][unit]:
            if layer == n_layers - 1 and phase.hidden_sum_outputs:
                # Following one output at a time: ∂E/∂b_h so far, −Σ_{j ≤ J} w_hj g_j, grows with each output.
                done = phase.hidden_sum_outputs
                w = record.parameters[layer].weights[unit, :done]
                g = record.layers[n_layers - 1].delta[0, :done]
                partial = -float(np.dot(w, g))
                out = unit_symbol(layer, unit + 1, n_layers).unicode
                return f"∂E/∂{out} ({done}/{self._sizes[-1]}) = {_fmt(partial)}".replace("-", "−")
            return ""
        value = float(record.layers[layer - 1].delta[0, unit])
        return f"{delta_symbol(layer, unit + 1, n_layers).unicode} = {_fmt(value)}".replace("-", "−")

    def _apply_phase_look(self) -> None:
        phase = self._phase
        for index, link in self._links.items():
            lit = phase is not None and index in phase.lit_parameters and phase.phase.kind != UPDATE
            link.set_lit(lit)
            opacity = 1.0 if phase is None or index in phase.lit_parameters else DIM_LINK
            link.setOpacity(opacity)
            link.label.setOpacity(opacity)
        for units in self._units:
            for u in units:
                lit = phase is not None and (u.layer, u.unit) in phase.lit_units and phase.phase.kind != UPDATE
                u.set_lit(lit)
                u.setOpacity(1.0 if phase is None or (u.layer, u.unit) in phase.lit_units else DIM_UNIT)
                u.delta_label.set_text(self._delta_text(u.layer, u.unit))

    def _update_texts(self) -> None:
        params = self._shown_parameters()
        n_layers = len(self._sizes) - 1
        for index, link in self._links.items():
            if self._value_labels:
                link.label.set_text(_fmt(float(params[index])))
        for k, units in enumerate(self._units):
            for u in units:
                if self._value_labels:
                    value = self._unit_value(k, u.unit)
                    u.value_label.set_text("" if value is None else _fmt(value))
                if k > 0:
                    sym = threshold_symbol(k, u.unit + 1, n_layers).unicode
                    text = f"{sym} = {_fmt(float(params[u.param_index]))}" if self._value_labels else sym
                    u.threshold_label.set_text(text.replace("-", "−"))

    def unit_value_text(self, layer: int, unit: int) -> str:
        """The value label of a drawn unit (0-based), for tests and accessibility."""
        for u in self._units[layer]:
            if u.unit == unit:
                return u.value_label.text()
        raise KeyError((layer, unit))

    def link_for(self, index: int) -> _Link | None:
        return self._links.get(index)

    def unit_item(self, layer: int, unit: int) -> _Unit | None:
        for u in self._units[layer]:
            if u.unit == unit:
                return u
        return None

    def drawn_counts(self) -> tuple[int, int]:
        """(units drawn, links drawn)."""
        return sum(len(u) for u in self._units), len(self._links)

    # ---- selection -------------------------------------------------------------------
    def select_parameter(self, index: int) -> None:
        """Highlight a parameter (from the table or the controller) without emitting."""
        self._selected = int(index)
        self._apply_selection()

    def _apply_selection(self) -> None:
        for i, link in self._links.items():
            link.set_selected_look(i == self._selected)
        for units in self._units:
            for u in units:
                u.set_selected_look(u.param_index >= 0 and u.param_index == self._selected)

    def mousePressEvent(self, event) -> None:
        item = self._parameter_item_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self._selected = item.param_index
            self._apply_selection()
            self.parameter_selected.emit(item.param_index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        item = self._parameter_item_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.edit_requested.emit(item.param_index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        event.accept()  # the click was ours (selection or a pan), whatever the scene says

    def _parameter_item_at(self, pos):
        for item in self.items(pos):
            while item is not None and not isinstance(item, (_Unit, _Link)):
                item = item.parentItem()
            if isinstance(item, _Link) or (isinstance(item, _Unit) and item.param_index >= 0):
                return item
        return None

    # ---- tooltips (built on demand) -------------------------------------------------------
    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos) -> str:
        for item in self.items(pos):
            while item is not None and not isinstance(item, (_Unit, _Link)):
                item = item.parentItem()
            if isinstance(item, _Unit):
                return self.unit_tooltip(item.layer, item.unit)
            if isinstance(item, _Link):
                return self.link_tooltip(item.param_index)
        return ""

    def unit_tooltip(self, layer: int, unit: int) -> str:
        """Rich text: net input, threshold, output and delta of a unit for the current sample."""
        n_layers = len(self._sizes) - 1
        rec, net = self._record, self._network
        rows = []
        name = unit_symbol(layer, unit + 1, n_layers).html
        if layer == 0:
            title = fill(self.tr("input %1"), name)
            if unit < len(self._input_names) and not self._input_names[unit].startswith("x_"):
                title += f" ({self._input_names[unit]})"
            if rec is not None:
                rows.append(f"{name} = {rec.inputs[0, unit]:.10g}")
        else:
            kind = self.tr("output unit") if layer == n_layers else self.tr("hidden unit")
            title = f"{kind} {name}"
            t_sym = threshold_symbol(layer, unit + 1, n_layers).html
            phase = self._phase
            lv = rec.layers[layer - 1] if rec is not None else None
            computed = lv is not None and (phase is None or layer <= phase.forward_layers)
            delta_known = rec is not None and (phase is None or bool(phase.delta_known[layer - 1][unit]))
            if lv is not None and computed:
                rows.append(f"{net_symbol(layer, unit + 1, n_layers).html} = {lv.net[0, unit]:.10g}")
            if rec is not None:
                threshold_index = self._layout[layer - 1][1] + unit
                rows.append(f"{t_sym} = {rec.flat_values[threshold_index]:.10g}")
            elif net is not None:
                rows.append(f"{t_sym} = {net.thresholds[layer - 1][unit]:.10g}")
            if rec is not None and lv is not None and computed:
                rows.append(f"{name} = {lv.output[0, unit]:.10g}")
                if layer == n_layers and (phase is None or phase.error_known):
                    rows.append(fill(self.tr("target %1 = %2"), f"<i>y</i><sub>{unit + 1}</sub>",
                                     f"{rec.targets[0, unit]:.10g}"))
            if rec is not None and delta_known:
                net_sym = net_symbol(layer, unit + 1, n_layers).html
                delta = rec.layers[layer - 1].delta[0, unit]
                rows.append(f"{delta_symbol(layer, unit + 1, n_layers).html} = −∂E<sub>k</sub>/∂{net_sym}"
                            f" = {delta:.10g}")
        if rec is not None and rec.batch_size > 1:
            rows.append(fill(self.tr("(first sample of a batch of %1)"), rec.batch_size))
        return f"<b>{title}</b><br>" + "<br>".join(rows)

    def link_tooltip(self, index: int) -> str:
        link = self._links.get(index)
        if link is None or self._network is None:
            return ""
        n_layers = len(self._sizes) - 1
        if link.source is None:
            sym = threshold_symbol(link.layer, link.target + 1, n_layers).html
            what = self.tr("threshold (weight of the dummy input −1)")
        else:
            sym = weight_symbol(link.layer, link.source + 1, link.target + 1, n_layers).html
            what = fill(self.tr("weight %1 → %2"), unit_symbol(link.layer - 1, link.source + 1, n_layers).html,
                        unit_symbol(link.layer, link.target + 1, n_layers).html)
        rec = self._record
        rows = [f"<b>{sym}</b>: {what}"]
        if rec is None:
            rows.append(f"{sym} = {float(self._network.flat[index]):.10g}")
        else:
            rows.append(fill(self.tr("%1 = %2 (used by iteration %3)"), sym, f"{rec.flat_values[index]:.10g}",
                             rec.iteration))
            phase = self._phase
            if phase is None or phase.gradient_known[index]:
                rows.append(f"∂E/∂{sym} = {rec.flat_gradients[index]:.10g}")
                rows.append(f"Δ{sym} = −η·∂E/∂{sym} = {rec.flat_updates[index]:.10g}")
            if phase is None or phase.updated:
                rows.append(fill(self.tr("%1 after the update = %2"), sym, f"{rec.flat_new_values[index]:.10g}"))
        return "<br>".join(rows)

    # ---- zoom, pan, fit ------------------------------------------------------------------------
    def fit(self) -> None:
        """Show the whole network, unless that would shrink it below MIN_FIT_SCALE: then scroll."""
        self._auto_fit = True
        rect = self.scene().sceneRect()
        if not rect.isValid():
            return
        viewport = self.viewport().rect()
        s = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        if s >= MIN_FIT_SCALE:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            return
        self.resetTransform()
        self.scale(MIN_FIT_SCALE, MIN_FIT_SCALE)
        # The middle of a tall network is where its narrower layers are drawn.
        self.centerOn(rect.center())

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        self.scale(factor, factor)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15 ** steps)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    # ---- export ---------------------------------------------------------------------------------
    def export_image(self, path: str) -> None:
        """Write the whole drawing as PNG or SVG (by the file's extension), atomically."""
        rect = self.scene().sceneRect()
        if path.lower().endswith(".svg"):

            def write(temporary: str) -> None:
                gen = QSvgGenerator()
                gen.setFileName(temporary)
                gen.setSize(rect.size().toSize())
                gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
                gen.setTitle("bpgui network")
                painter = QPainter(gen)
                self.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
                painter.end()

            write_atomically(path, write)
            return
        image = QImage((rect.size() * 2).toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(image.rect()), rect)
        painter.end()
        save_image(image, path)
