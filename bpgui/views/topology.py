"""The network drawn in the note's notation: units, links, thresholds, live values.

Why one module (over 500 lines): the drawing's build, numbers, label places and looks (phase, selection,
path) are one view's state; each step touches all.

Layers run left to right (inputs x_i, hidden b_h, outputs ŷ_j). The view shows one iteration's snapshot: the weights
and thresholds it used (before its update) and the forward values they gave for its sample, so every number drawn
agrees with every other (b_h = f(α_h − γ_h) holds on screen); the values after the update are in the tooltips and the
table. A link's colour is its weight's sign (HIGH +, LOW −), its width |weight|; a unit's fill is its output over its
activation's range (a legend says so), or, for 2-D data, its map over the input plane (``set_unit_images``,
``show_surface``: as Playground draws it). Thresholds show as ``γ_h = …`` / ``θ_j = …`` above each unit, or, as the
note draws them, as the weight of a fixed dummy input −1. Once the forward pass has reached a layer, ``α_h`` / ``β_j``
stand above its units (and stay for the rest of the iteration); the target ``y_j`` stands beside ŷ_j.

No two labels overlap: each takes the first free place among its candidates (``topology_layout.LabelPlacer``), the
selected unit's and its links' first; what finds no place is left out, and the legend's note says how to see it.
Layers wider than ``MAX_UNITS_SHOWN`` show their first and last units around a "⋯ n more" marker. Tooltips are built
when asked (hover), never per frame.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QStyle, QToolTip

from ..model.network import Network
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS
from ..model.phases import PhaseView
from ..model.records import IterationRecord
from ..model.surface import DecisionSurface
from . import topology_badges, topology_text
from . import topology_layout as geo
from .text_scale import clamp_text_scale
from .topology_export import export_scene
from .topology_items import (
    DIM_LINK,
    DIM_TEXT,
    DIM_UNIT,
    DRAWING_BACKGROUND,
    LABEL_POINTS,
    LIT,
    NEGATIVE,
    PATH,
    POSITIVE,
    RADIUS,
    SELECTED,
    TEXT,
    Label,
    Link,
    Unit,
    build_links,
    forget_label_fonts,
    radius_for,
    scaled_font,
    tint,
)
from .topology_layout import EDGE_UNITS, LAYER_GAP, MAX_UNITS_SHOWN, UNIT_GAP, path_rect, shown_units
from .topology_legend import Legend
from .topology_looks import apply_looks, apply_selection, put_labels, restyle_links
from .topology_maps import surface_maps, value_image
from .topology_text import elide, fmt, number_template

__all__ = ["DIM_LINK", "DIM_TEXT", "DIM_UNIT", "EDGE_UNITS", "LAYER_GAP", "LIT", "MAX_ANTIALIASED_LINKS",
           "MAX_LABELLED_LINKS", "MAX_UNITS_SHOWN", "MIN_FIT_SCALE", "NEGATIVE", "PATH", "POSITIVE", "RADIUS",
           "SELECTED", "TEXT", "UNIT_GAP", "TopologyView", "shown_units"]

# How the drawing writes a number (tests read numbers as drawn): _fmt(value, view.digits()).
_fmt = fmt

# Fitting never shrinks the drawing below this: a tall network scrolls instead
# of shrinking into unreadable dots.
MIN_FIT_SCALE = 0.6
MAX_FIT_SCALE = 1.0  # nor magnifies it past its natural size, so the text size decides how large it reads
# Past this many links, only the selected unit's links (or the selected link) carry their values.
MAX_LABELLED_LINKS = 24
MAX_ANTIALIASED_LINKS = 150
MARGIN = 16.0  # white space around the drawing in the scene


class TopologyView(topology_text.Tooltips, topology_text.LegendText):
    """Draws a network and its current values; emits the parameter (or unit) a click selects."""

    parameter_selected = Signal(int)
    unit_selected = Signal(int, int)  # (layer, 0-based unit); layer 0 is the inputs
    edit_requested = Signal(int)  # double-click on a link or a unit: edit that parameter
    _badges_key: tuple[dict[tuple[int, int], str], dict[int, str], bool] | None  # see _write_badges

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # Every step moves and re-pens hundreds of items: keeping a BSP index of them costs more than it saves.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(DRAWING_BACKGROUND)
        self.setMinimumSize(240, 180)
        self._legend = Legend(self)
        self._sizes: tuple[int, ...] = ()
        self._input_names: tuple[str, ...] = ()
        self._output_names: tuple[str, ...] = ()
        self._units: list[list[Unit]] = []
        self._unit_at, self._unit_of_threshold = dict[tuple[int, int], Unit](), dict[int, Unit]()  # see set_structure
        self._links: dict[int, Link] = {}
        self._dummies: list[QGraphicsItem] = []
        self._more: list[tuple[Label, QPointF]] = []
        self._compact: list[bool] = []  # per layer: labels beside the units, not above and below
        self._value_labels, self._dummy_thresholds, self._selected = True, False, -1
        self._auto_fit, self.max_fit_scale = True, MAX_FIT_SCALE
        self._focus: tuple[int, int] | None = None  # the unit whose links carry their values
        self._path_units: dict[tuple[int, int], str] = {}
        self._path_links: dict[int, str] = {}
        self._scale, self._digits, self._dropped, self._links_limited = 1.0, DEFAULT_DIGITS, 0, False
        self._network: Network | None = None
        self._record: IterationRecord | None = None
        self._phase: PhaseView | None = None
        self._layout: tuple[tuple[int, int], ...] = ()  # per layer: (first weight, first threshold)
        self._unit_maps: dict[tuple[int, int], QImage] = {}  # (layer, unit) → its map over the plane
        self._link_indices = np.empty(0, dtype=np.intp)  # the drawn links' parameters, in self._links' order
        self._link_list: list[Link] = []  # the drawn links, in that order
        self._link_looks: tuple[np.ndarray, np.ndarray] | None = None  # their (sign, width) drawn (restyle_links)
        self._shown: dict[Label, QPointF] | None = None  # each label drawn → its place (None: not placed yet)
        self._batch, self._reveal = 0, False  # see batched()
        self._kept_chosen: tuple[object, object, tuple[int, ...]] = (None, None, ())  # see _chosen()
        self._pending: bool | None = None  # a placement asked for inside batched(): with a refit?
        self._live: set[Label] | None = None  # the labels the last placement wanted (None: not placed yet)
        self._looks_key: tuple[PhaseView | None, set, set] | None = None  # what _apply_looks drew last
        # No path badge has a text; what they were written from; the units and links whose badge has a text.
        self._badges_blank, self._badges_key, self._badged = True, None, set[Unit | Link]()
        self._placed: list = []  # the last placement's steps (geo.place_labels' memo)
        self._update_legend()

    # ---- options ----------------------------------------------------------------
    def set_value_labels(self, on: bool) -> None:
        self._value_labels = bool(on)
        self._update_texts()
        self._place_labels()

    def value_labels(self) -> bool:
        return self._value_labels

    def set_dummy_thresholds(self, on: bool) -> None:
        """Draw thresholds as links from a fixed −1 input (the note's dummy node) instead of labels."""
        if bool(on) != self._dummy_thresholds:
            self._dummy_thresholds = bool(on)
            self._rebuild()

    def dummy_thresholds(self) -> bool:
        return self._dummy_thresholds

    def set_text_scale(self, scale: float) -> None:
        """Size every text of the drawing (and its legend) as points × ``scale``; the layout follows and is fitted."""
        scale = clamp_text_scale(scale)
        if scale != self._scale:
            self._scale = scale
            self._rebuild()
            self._update_legend()

    def text_scale(self) -> float:
        return self._scale

    def set_digits(self, digits: int) -> None:
        """Write every number (drawn and in tooltips) with ``digits`` significant digits."""
        digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        if digits != self._digits:
            self._digits = digits
            self._rebuild()
            self._update_legend()

    def digits(self) -> int:
        return self._digits

    def _rebuild(self) -> None:
        """Build again at the current options, keeping what is shown, selected and highlighted."""
        if not self._sizes:
            return
        network, record, phase = self._network, self._record, self._phase
        focus, units, links = self._focus, dict(self._path_units), dict(self._path_links)
        with self.batched():  # built, its state and its path shown: the labels placed once (not three times)
            self.set_structure(self._sizes, self._input_names, self._output_names)
            self._focus = focus
            if network is not None:
                self.show_state(network, record, phase)
            if units or links:
                self.highlight(units, links)  # with the texts written before (new ones come with the new numbers)
                for label in [u.path_label for layer in self._units for u in layer] + [
                        link.path_label for link in self._links.values()]:
                    label.release_width()  # the next text sizes its box afresh (Digits 6 -> 2: not the old width)
            else:
                self._place_labels()

    # ---- building ------------------------------------------------------------------
    def input_names(self) -> tuple[str, ...]:  # what each input unit stands for, as drawn beside it
        return self._input_names

    def set_structure(self, layer_sizes: Sequence[int], input_names: Sequence[str] = (),
                      output_names: Sequence[str] = ()) -> None:
        """Build the drawing; names (a data set's features and targets) label the ends."""
        scene = self.scene()
        scene.clear()
        forget_label_fonts()  # (the application's font may have changed since the last build: text size)
        if tuple(int(n) for n in layer_sizes) != self._sizes:
            self._unit_maps = {}  # they belonged to the old structure
        self._sizes = tuple(int(n) for n in layer_sizes)
        self._input_names, self._output_names = tuple(input_names), tuple(output_names)
        self._network = self._record = self._phase = None  # they belonged to the old structure
        self._focus, self._path_units, self._path_links = None, {}, {}
        n_layers = len(self._sizes) - 1
        self._units, self._links, self._dummies, self._more = [], {}, [], []
        self._live, self._looks_key, self._badges_blank, self._badges_key, self._placed = None, None, True, None, []
        self._badged.clear()
        layout = self._layout = geo.parameter_offsets(self._sizes)
        scale, radius = self._scale, radius_for(self._scale)
        metrics = QFontMetricsF(scaled_font(LABEL_POINTS, scale))
        number = number_template(self._digits)
        row = metrics.height() + 2
        unit_gaps = geo.unit_gaps(self._sizes, radius, row)
        number_width = metrics.horizontalAdvance(number) + 8  # a link label's least width
        spacing = geo.spacing_for(radius, number_width, self._sizes, 2 * radius + 2 * row)
        layer_gap = spacing.layer_gap
        places = geo.layer_places(self._sizes, unit_gaps, layer_gap)
        # Where a unit's slot leaves no row above and below, its labels go beside it.
        self._compact = [gap < 2 * radius + 2 * (row + geo.LABEL_GAP) + 4 for gap in unit_gaps]
        positions = [place.units for place in places]
        for k, (n, place) in enumerate(zip(self._sizes, places)):
            units = []
            for u, p in place.units.items():
                param = -1 if k == 0 else layout[k - 1][1] + u
                item = Unit(k, u, n_layers, param, scale)
                item.setPos(p)
                names = self._input_names if k == 0 else self._output_names if k == n_layers else ()
                if u < len(names) and names[u] and not names[u].startswith(("x_", "y_")):
                    item.name_label.set_text(elide(names[u]))
                topology_text.reserve_unit_labels(item, n_layers, number)
                scene.addItem(item)
                units.append(item)
            if place.more is not None:
                more = Label(scale=scale)
                more.set_text(topology_text.more_text(n - 2 * EDGE_UNITS))
                scene.addItem(more)
                self._more.append((more, place.more))
            self._units.append(units)
        self._unit_at = {(u.layer, u.unit): u for layer in self._units for u in layer}  # by (layer, unit), threshold
        self._unit_of_threshold = {u.param_index: u for u in self._unit_at.values() if u.param_index >= 0}

        links, boxes = build_links(self._sizes, layout, positions, spacing, scale, self._dummy_thresholds)
        for link in links:
            self._add_link(link, number)
        for box in boxes:
            box.setToolTip(topology_text.dummy_tooltip())
            scene.addItem(box)
            self._dummies.append(box)
        self._show_unit_maps()
        self._links_limited = len(self._links) > MAX_LABELLED_LINKS
        self._link_indices = np.fromiter(self._links, dtype=np.intp, count=len(self._links))
        self._link_list, self._link_looks, self._shown = list(self._links.values()), None, None
        # Hundreds of wide antialiased lines cost tens of milliseconds a frame;
        # past that many links, crisp lines are the better trade.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, len(self._links) <= MAX_ANTIALIASED_LINKS)
        self._update_texts()
        self._auto_fit = True
        self._place_labels(refit=True)
        self._apply_selection()

    def _add_link(self, link: Link, number: str) -> None:
        link.label.set_reserve(number)
        for item in (link, link.label, link.path_label):
            self.scene().addItem(item)
        self._links[link.param_index] = link

    # ---- keeping labels apart ---------------------------------------------------------------
    @contextmanager
    def batched(self) -> Iterator[None]:
        """Show a state and its path as one change: the labels are placed once, when the block ends."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch and self._pending is not None:
                self._place_labels(self._pending)

    def _place_labels(self, refit: bool = False) -> None:
        """Give every wanted label a free place (or leave it out), then size the scene around it all."""
        if self._batch:
            self._pending = bool(self._pending) or refit
            return
        self._pending = None
        if not self._units:
            return
        obstacles = [u.sceneBoundingRect() for layer in self._units for u in layer]
        obstacles += [d.sceneBoundingRect() for d in self._dummies]
        wanted = geo.wanted_labels(
            [u for layer in self._units for u in layer], self._links, self._more, geo.Wanted(
                self._focus, self._selected, set(self._path_units), set(self._path_links), self._compact,
                len(self._sizes) - 1, self._value_labels, self._dummy_thresholds, self._links_limited,
                self._record is not None, self._phase is not None,
                frozenset(i for i, t in self._path_links.items() if t and i in self._links), self._chosen()))
        places, self._dropped, bounds = geo.place_labels(obstacles, wanted, self._marked_lines(), self._placed)
        self._live = {label for label, _ in wanted}
        self._shown = put_labels(self._every_label() if self._shown is None else self._shown, places, self._shown)
        rect = bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if refit or rect != self.scene().sceneRect():
            self.scene().setSceneRect(rect)
            if self._auto_fit:
                self.fit()
        self._update_legend()
        if self._reveal:
            self._reveal = False
            self.ensureVisible(path_rect(self._units, self._links, self._path_units, self._path_links), 8, 8)

    def _chosen(self) -> tuple[int, ...]:
        """The links whose values the learner asked for (``focus_links``), kept while the choice stays."""
        links, key, chosen = self._kept_chosen
        if links is not self._links or key != (self._selected, self._focus):
            chosen = tuple(geo.focus_links(self._links, self._selected, self._focus))
            self._kept_chosen = (self._links, (self._selected, self._focus), chosen)
        return chosen

    def _marked_lines(self) -> list[geo.Line]:
        """The lit path's links and the selected link: no label but their own sits on them (half widths in
        whole pixels: a weight's width that moves a little leaves the labels, and the placer's memo, as they were)."""
        marked = [i for i in self._links if i in self._path_links or i == self._selected]
        return [geo.Line(link.line().p1(), link.line().p2(), math.ceil(link.pen().widthF() / 2) + 1,
                         (link.label, link.path_label))
                for link in (self._links[i] for i in marked)]

    def marked_lines(self) -> list[tuple[QPointF, QPointF, float]]:
        """(start, end, half width) in the scene of each lit path link and the selected link."""
        return [(line.p1, line.p2, line.half_width) for line in self._marked_lines()]

    def _every_label(self) -> list[Label]:
        units = [label for layer in self._units for u in layer for label in u.labels()]
        return [label for label, _ in self._more] + units + [
            label for link in self._links.values() for label in (link.label, link.path_label)]

    def visible_label_rects(self) -> list[tuple[str, QRectF]]:
        """(text, scene rectangle) of every text label drawn; no two rectangles intersect."""
        return [(label.text(), label.sceneBoundingRect()) for label in self._every_label()
                if label.isVisible() and label.text()]

    def hidden_label_count(self) -> int:
        """Labels with something to say that found no free place."""
        return self._dropped

    # ---- values --------------------------------------------------------------------
    def show_state(self, network: Network, record: IterationRecord | None, phase: PhaseView | None = None) -> None:
        """Draw one iteration's snapshot: its parameters before the update and its sample's values.

        Without a record, the links show ``network`` and the units are blank. With a phase, what it computes
        is lit, the rest dimmed, and only the numbers known by then are written (after the update: the new values).
        """
        had_record, had_phase = self._record is not None, self._phase is not None
        self._network, self._record, self._phase = network, record, phase
        params = self._shown_parameters()
        if params.size:  # only the links whose look changed call Qt (most of a big network's do not, a step)
            self._link_looks = restyle_links(self._link_list, params[self._link_indices],
                                             float(np.max(np.abs(params))), self._link_looks)
        ranges = topology_text.unit_ranges(network, len(self._sizes) - 1)
        for k, units in enumerate(self._units):
            for u in units:
                value = self._unit_value(k, u.unit)
                u.set_fill(tint(value, *ranges[k]) if value is not None else None)
        grew = self._update_texts() | self._write_badges()
        self._apply_looks()
        if grew or had_record != (record is not None) or had_phase != (phase is not None):
            self._place_labels()
        else:
            self._update_legend()

    def set_unit_images(self, maps: Mapping[tuple[int, int], np.ndarray] | None, low: float = 0.0,
                        high: float = 1.0, levels: Mapping[tuple[int, int], tuple[float, float]] | None = None) -> None:
        """Fill units with their maps over the input plane (2-D data), as Playground does; None: plain fills again.

        ``maps``: (layer, 0-based unit) → its output on the decision surface's grid (``values[i, j]`` at
        ``(x_i, y_j)``: x₁ to the right, x₂ upward), coloured over [``low``, ``high``] (or the unit's
        ``levels``) as a unit's fill is. Units not drawn (inside a collapsed layer) are skipped.
        """
        drawn, levels = {(u.layer, u.unit) for layer in self._units for u in layer}, levels or {}
        self._unit_maps = {} if maps is None else {
            key: value_image(values, *levels.get(key, (low, high)))
            for key, values in (((int(k), int(u)), v) for (k, u), v in maps.items()) if key in drawn}
        self._show_unit_maps()

    def show_surface(self, surface: DecisionSurface | None) -> None:
        """The first hidden layer's and the outputs' maps of ``surface`` inside their units (None: none)."""
        maps, levels = surface_maps(surface)
        self.set_unit_images(maps, levels=levels)

    def _show_unit_maps(self) -> None:
        for u in (u for layer in self._units for u in layer):
            u.set_map(self._unit_maps.get((u.layer, u.unit)))

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

    def _update_texts(self) -> bool:
        """Write every label's text; True if a label outgrew its place."""
        units = list(self._unit_at.values())  # (in layer order, as drawn)
        values = [self._unit_value(u.layer, u.unit) for u in units]
        return topology_text.write_texts(units, values, self._links, self._sizes, self._shown_parameters(),
                                         self._record, self._phase, self._value_labels, self._digits, self._live)

    def unit_value_text(self, layer: int, unit: int) -> str:
        """The value label of a drawn unit (0-based), for tests and accessibility."""
        return self._unit_at[(layer, unit)].value_label.text()  # (KeyError for a unit not drawn)

    def link_for(self, index: int) -> Link | None:
        return self._links.get(index)

    def unit_item(self, layer: int, unit: int) -> Unit | None:
        return self._unit_at.get((layer, unit))

    def drawn_counts(self) -> tuple[int, int]:  # (units drawn, links drawn)
        return sum(len(u) for u in self._units), len(self._links)

    # ---- looks: phase, path ---------------------------------------------------------------
    def _apply_looks(self) -> None:
        phase = self._phase
        # The looks follow from the phase and the path alone: the same again (every step of a run) sets nothing.
        key = (phase, set(self._path_units), set(self._path_links))
        last = self._looks_key
        if last is not None and last[0] is phase and last[1:] == key[1:]:
            return
        self._looks_key = key
        apply_looks(self._units, self._links, phase, self._path_units, self._path_links)

    def highlight(self, units: Mapping[tuple[int, int], str], links: Mapping[int, str]) -> None:
        """Light a path: ``units`` ((layer, 0-based unit) → text) and ``links`` (parameter index → text); the rest
        is dimmed. Each text (a local derivative's number, formatted) is written beside its unit or on its link,
        apart from every other label (a threshold drawn as a label: beside its unit)."""
        new_path = set(units) != set(self._path_units) or set(links) != set(self._path_links)
        self._path_units = {(int(k), int(u)): str(t) for (k, u), t in units.items()}
        self._path_links = {int(i): str(t) for i, t in links.items()}
        grew = self._write_badges()
        self._apply_looks()
        self._reveal |= new_path and bool(units or links)  # a scrolled drawing shows a new path (once)
        if new_path or grew:  # the same path with numbers of the same size keeps its places (every step)
            self._place_labels()

    def _write_badges(self) -> bool:
        """Each path badge's text, its derivative's symbol beside its number; True if one changed size."""
        blank = not (self._path_units or self._path_links)
        updated = self._phase is not None and self._phase.updated
        # No path and none drawn, or the texts they were written from (a step's state before its path): as they are.
        if (blank and self._badges_blank) or (self._path_units, self._path_links, updated) == self._badges_key:
            return False
        self._badges_blank = blank
        grew = topology_badges.write_badges(self._unit_at, self._unit_of_threshold, self._links, self._path_units,
                                          self._path_links, len(self._sizes) - 1, updated, self._badged, self._digits)
        self._badges_key = (dict(self._path_units), dict(self._path_links), updated)  # as write_badges left them
        return grew

    def clear_highlight(self) -> None:
        """Undo ``highlight``: the phase's looks and labels come back."""
        self.highlight({}, {})

    # ---- selection -------------------------------------------------------------------
    def select_parameter(self, index: int) -> None:
        """Highlight a parameter (from the table or the controller) without emitting."""
        self._selected = int(index)
        owner = next((u for layer in self._units for u in layer if u.param_index == self._selected >= 0), None)
        if owner is not None:
            self._focus = (owner.layer, owner.unit)
        elif self._selected in self._links:
            self._focus = None
        self._apply_selection()
        self._place_labels()

    def focused_unit(self) -> tuple[int, int] | None:
        """The unit whose values and links' values are labelled first."""
        return self._focus

    def _apply_selection(self) -> None:
        apply_selection(self._units, self._links, self._selected)

    def mousePressEvent(self, event) -> None:
        item = self._item_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            if isinstance(item, Unit):
                self._focus = (item.layer, item.unit)
                self.unit_selected.emit(item.layer, item.unit)
            if item.param_index >= 0:
                self._selected = item.param_index
                if isinstance(item, Link):
                    self._focus = None
                self._apply_selection()
                self.parameter_selected.emit(item.param_index)
            self._place_labels()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        item = self._item_at(event.position().toPoint())
        if item is not None and item.param_index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.edit_requested.emit(item.param_index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        event.accept()  # the click was ours (selection or a pan), whatever the scene says

    def _item_at(self, pos) -> Unit | Link | None:
        for item in self.items(pos):
            while item is not None and not isinstance(item, (Unit, Link)):
                item = item.parentItem()
            if isinstance(item, (Unit, Link)):
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

    # ---- zoom, pan, fit ------------------------------------------------------------------------
    def fit(self) -> None:
        """The whole network, at most at ``max_fit_scale`` (presentation: any); below :meth:`min_fit_scale`, scroll."""
        self._auto_fit = True
        rect = self.scene().sceneRect()
        if not rect.isValid():
            return
        viewport = self.viewport().rect()
        s = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        least, bar = self.min_fit_scale(), self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2
        w, h = viewport.width(), viewport.height()
        if s > self.max_fit_scale:  # a small network in a big view: its natural size, centred
            self.setTransform(QTransform.fromScale(self.max_fit_scale, self.max_fit_scale))
            self.centerOn(rect.center())
        elif s >= least or max(rect.width() * least - w, rect.height() * least - h) <= bar:  # within a bar: fit
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        else:
            self.resetTransform()
            self.scale(least, least)
            # Start at the top (and left) of what does not fit: no unit half cut at the first look.
            half = QPointF(viewport.width(), viewport.height()) / (2 * least)
            self.centerOn(min(rect.center().x(), rect.left() + half.x()), min(rect.center().y(), rect.top() + half.y()))
        self._update_legend()

    def min_fit_scale(self) -> float:
        """Fit's least zoom: MIN_FIT_SCALE at 100 % text, less at larger text (labels stay as large as at 100 %)."""
        return MIN_FIT_SCALE / self._scale

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        self.scale(factor, factor)
        self._update_legend()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15 ** steps)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._legend.place()
        if self._auto_fit:
            self.fit()

    # ---- export ---------------------------------------------------------------------------------
    def export_image(self, path: str, size: QSize | None = None) -> None:
        """Write the whole drawing as PNG or SVG (by the file's extension): drawn in memory, then atomically.

        With ``size``, the picture is exactly that many pixels (the SVG's size
        and viewBox), the drawing fitted inside with its aspect kept on white.
        A picture that cannot be drawn or written is a BpguiError naming ``path``; the old file stays.
        """
        export_scene(self.scene(), path, size)
