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
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QToolTip

from ..model.naming import threshold_symbol
from ..model.network import Network
from ..model.phases import UPDATE, PhaseView
from ..model.records import IterationRecord
from . import topology_text
from .files import save_image, svg_document, write_bytes_atomically
from .topology_items import (
    DIM_LINK,
    DIM_UNIT,
    DUMMY_HALF_WIDTH,
    LIT,
    NEGATIVE,
    POSITIVE,
    RADIUS,
    SELECTED,
    TEXT,
    DummyInput,
    Link,
    Unit,
    tint,
)
from .topology_layout import (
    EDGE_UNITS,
    LAYER_GAP,
    MAX_UNITS_SHOWN,
    UNIT_GAP,
    dummy_label_place,
    dummy_place,
    layer_places,
    link_label_place,
    parameter_offsets,
    shown_units,
)
from .topology_text import elide, fmt

__all__ = [
    "DIM_LINK", "DIM_UNIT", "EDGE_UNITS", "LAYER_GAP", "LIT", "MAX_ANTIALIASED_LINKS", "MAX_LABELLED_LINKS",
    "MAX_UNITS_SHOWN", "MIN_FIT_SCALE", "NEGATIVE", "POSITIVE", "RADIUS", "SELECTED", "TEXT", "UNIT_GAP",
    "TopologyView", "shown_units",
]

_fmt = fmt  # its name before it moved beside this module (tests read numbers as the drawing writes them)

# Fitting never shrinks the drawing below this: a tall network scrolls instead
# of shrinking into unreadable dots.
MIN_FIT_SCALE = 0.6
# Value labels start switched on only while the links drawn stay few enough to label.
MAX_LABELLED_LINKS = 24
MAX_ANTIALIASED_LINKS = 150


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
        self._units: list[list[Unit]] = []
        self._links: dict[int, Link] = {}
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
    def input_names(self) -> tuple[str, ...]:
        """What each input unit stands for, as drawn beside it."""
        return self._input_names

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
        layout = self._layout = parameter_offsets(self._sizes)
        places = layer_places(self._sizes)
        positions = [place.units for place in places]
        for k, (n, place) in enumerate(zip(self._sizes, places)):
            units = []
            for u, p in place.units.items():
                param = -1 if k == 0 else layout[k - 1][1] + u
                item = Unit(k, u, n_layers, param)
                item.setPos(p)
                item.threshold_label.setVisible(k > 0 and not self._dummy_thresholds)
                names = self._input_names if k == 0 else self._output_names if k == n_layers else ()
                if u < len(names) and names[u] and not names[u].startswith(("x_", "y_")):
                    item.name_label.set_text(elide(names[u]))
                    half = item.name_label.boundingRect().width() / 2
                    item.name_label.setPos(-(RADIUS + 6 + half) if k == 0 else RADIUS + 6 + half, 0)
                scene.addItem(item)
                units.append(item)
            if place.more is not None:
                more = QGraphicsSimpleTextItem(topology_text.more_text(n - 2 * EDGE_UNITS))
                more.setBrush(QColor("#606060"))
                r = more.boundingRect()
                more.setPos(place.more.x() - r.width() / 2, place.more.y() - r.height() / 2)
                scene.addItem(more)
            self._units.append(units)

        for k in range(1, n_layers + 1):
            w0, t0 = layout[k - 1]
            n_out = self._sizes[k]
            src_shown = sorted(positions[k - 1])
            for a, i in enumerate(src_shown):
                for j in sorted(positions[k]):
                    link = Link(w0 + i * n_out + j, k, i, j)
                    link.setLine(positions[k - 1][i].x() + RADIUS, positions[k - 1][i].y(),
                                 positions[k][j].x() - RADIUS, positions[k][j].y())
                    link.label.setPos(link_label_place(positions[k - 1][i], positions[k][j], a, len(src_shown)))
                    scene.addItem(link)
                    scene.addItem(link.label)
                    self._links[link.param_index] = link
            if self._dummy_thresholds:
                dummy_pos = dummy_place(k, list(positions[k - 1].values()))
                box = DummyInput()
                box.setPos(dummy_pos)
                box.setToolTip(topology_text.dummy_tooltip())
                scene.addItem(box)
                self._dummies.append(box)
                for j in sorted(positions[k]):
                    link = Link(t0 + j, k, None, j)
                    link.setLine(dummy_pos.x() + DUMMY_HALF_WIDTH, dummy_pos.y(),
                                 positions[k][j].x() - RADIUS, positions[k][j].y())
                    link.label.setPos(dummy_label_place(dummy_pos, positions[k][j]))
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
                u.setBrush(QBrush(tint(value) if value is not None else Qt.GlobalColor.white))
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
        return topology_text.delta_text(self._sizes, self._record, self._phase, layer, unit)

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
                link.label.set_text(fmt(float(params[index])))
        for k, units in enumerate(self._units):
            for u in units:
                if self._value_labels:
                    value = self._unit_value(k, u.unit)
                    u.value_label.set_text("" if value is None else fmt(value))
                if k > 0:
                    sym = threshold_symbol(k, u.unit + 1, n_layers).unicode
                    text = f"{sym} = {fmt(float(params[u.param_index]))}" if self._value_labels else sym
                    u.threshold_label.set_text(text.replace("-", "−"))

    def unit_value_text(self, layer: int, unit: int) -> str:
        """The value label of a drawn unit (0-based), for tests and accessibility."""
        for u in self._units[layer]:
            if u.unit == unit:
                return u.value_label.text()
        raise KeyError((layer, unit))

    def link_for(self, index: int) -> Link | None:
        return self._links.get(index)

    def unit_item(self, layer: int, unit: int) -> Unit | None:
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
            while item is not None and not isinstance(item, (Unit, Link)):
                item = item.parentItem()
            if isinstance(item, Link) or (isinstance(item, Unit) and item.param_index >= 0):
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
            while item is not None and not isinstance(item, (Unit, Link)):
                item = item.parentItem()
            if isinstance(item, Unit):
                return self.unit_tooltip(item.layer, item.unit)
            if isinstance(item, Link):
                return self.link_tooltip(item.param_index)
        return ""

    def unit_tooltip(self, layer: int, unit: int) -> str:
        """Rich text: net input, threshold, output and delta of a unit for the current sample."""
        return topology_text.unit_tooltip(self._sizes, self._input_names, self._layout, self._network,
                                          self._record, self._phase, layer, unit)

    def link_tooltip(self, index: int) -> str:
        """Rich text: a link's weight (or threshold), its gradient and its update."""
        link = self._links.get(index)
        if link is None or self._network is None:
            return ""
        return topology_text.link_tooltip(self._sizes, self._network, self._record, self._phase, index,
                                          link.layer, link.source, link.target)

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
        """Write the whole drawing as PNG or SVG (by the file's extension): drawn in memory, then atomically.

        A picture that cannot be drawn or written is a BpguiError naming ``path``; the old file stays.
        """
        rect = self.scene().sceneRect()
        if path.lower().endswith(".svg"):
            document = svg_document(path, rect.size(), "bpgui network", lambda painter: self.scene().render(
                painter, QRectF(0, 0, rect.width(), rect.height()), rect))
            write_bytes_atomically(path, document)
            return
        image = QImage((rect.size() * 2).toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(image.rect()), rect)
        painter.end()
        save_image(image, path)
