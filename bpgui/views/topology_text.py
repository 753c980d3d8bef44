"""What the network drawing writes: numbers on it, deltas, and the hover tooltips.

Everything is read from one iteration's record (or the network, before any
step); with a phase, only what that phase knows is written. Each number of a
unit or a link stands beside its closed form, a ``model.formula`` object from
``model.closed_forms`` (α_h = Σ_i v_ih x_i, e_h = b_h(1 − b_h) Σ_j w_hj g_j,
∂E_k/∂w_hj = −g_j b_h, Δp = −η · ∂E/∂p …), the formulas the tests evaluate. The strings keep
the translation context ``TopologyView`` (the drawing's), as they always have.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QGraphicsView

from ..model import closed_forms as cf
from ..model.naming import Symbol, delta_symbol, net_symbol, threshold_symbol, unit_symbol, weight_symbol
from ..model.network import Network
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MINUS, format_number
from ..model.phases import PhaseView
from ..model.records import IterationRecord
from ..model.text import fill
from .text_scale import base_point_size
from .topology_items import PATH, SELECTED, Link, Unit
from .topology_legend import Legend

TOOLTIP_DIGITS = 6  # tooltips show at least this many significant digits


def fmt(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """How the drawing writes a number: the screen's one format at the Digits setting."""
    return format_number(value, digits)


def tip(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """How a tooltip writes a number: at least ``TOOLTIP_DIGITS`` significant digits, to read it exactly."""
    return format_number(value, max(digits, TOOLTIP_DIGITS))


def number_template(digits: int) -> str:
    """About the widest number the drawing writes at ``digits`` (a label's least width)."""
    return MINUS + "0." + "8" * max(1, min(digits, MAX_DIGITS))


def elide(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shape(network: Network | None) -> cf.Shape | None:
    if network is None:
        return None
    return cf.Shape(tuple(network.layer_sizes), tuple(network.activations), network.loss)


def more_text(hidden: int) -> str:
    """The marker standing for the units a wide layer does not draw."""
    return fill(QCoreApplication.translate("TopologyView", "⋯ %1 more"), hidden)


def dummy_tooltip() -> str:
    return QCoreApplication.translate("TopologyView", "Dummy input fixed at −1: its weights are the thresholds")


def delta_text(
    sizes: Sequence[int], record: IterationRecord | None, phase: PhaseView | None, layer: int, unit: int,
    digits: int = DEFAULT_DIGITS,
) -> str:
    """The unit's delta (g_j, e_h) once the phase has computed it; ∂E/∂b_h so far while outputs come one by one."""
    if phase is None or record is None or layer == 0:
        return ""
    n_layers = len(sizes) - 1
    if not phase.delta_known[layer - 1][unit]:
        if layer == n_layers - 1 and phase.hidden_sum_outputs:
            # Following one output at a time: ∂E/∂b_h so far, −Σ_{j ≤ J} w_hj g_j, grows with each output.
            done = phase.hidden_sum_outputs
            w = record.parameters[layer].weights[unit, :done]
            g = record.layers[n_layers - 1].delta[0, :done]
            partial = -float(np.dot(w, g))
            out = unit_symbol(layer, unit + 1, n_layers).unicode
            return f"∂Eₖ/∂{out} ({done}/{sizes[-1]}) = {fmt(partial, digits)}"
        return ""
    value = float(record.layers[layer - 1].delta[0, unit])
    return f"{delta_symbol(layer, unit + 1, n_layers).unicode} = {fmt(value, digits)}"


def net_text(sizes: Sequence[int], record: IterationRecord | None, phase: PhaseView | None, layer: int, unit: int,
             digits: int = DEFAULT_DIGITS) -> str:
    """α_h or β_j (the unit's net input) once the forward pass has computed its layer; else empty."""
    if record is None or layer == 0 or (phase is not None and layer > phase.forward_layers):
        return ""
    value = float(record.layers[layer - 1].net[0, unit])
    return f"{net_symbol(layer, unit + 1, len(sizes) - 1).unicode} = {fmt(value, digits)}"


def target_text(record: IterationRecord | None, unit: int, digits: int = DEFAULT_DIGITS) -> str:
    """y_j, the target ŷ_j is compared with, whenever a record is shown."""
    if record is None:
        return ""
    return f"{Symbol('y', (unit + 1,)).unicode} = {fmt(float(record.targets[0, unit]), digits)}"



def unit_tooltip(
    sizes: Sequence[int],
    input_names: Sequence[str],
    offsets: Sequence[tuple[int, int]],
    network: Network | None,
    record: IterationRecord | None,
    phase: PhaseView | None,
    layer: int,
    unit: int,
    digits: int = DEFAULT_DIGITS,
) -> str:
    """Rich text: net input, threshold, output and delta of a unit for the current sample.

    ``offsets`` are each layer's (first weight, first threshold) in the flat order.
    """
    n_layers = len(sizes) - 1
    rec, net = record, network
    shape = _shape(net)
    rows = []
    name = unit_symbol(layer, unit + 1, n_layers).html
    if layer == 0:
        title = fill(QCoreApplication.translate("TopologyView", "input %1"), name)
        if unit < len(input_names) and not input_names[unit].startswith("x_"):
            title += f" ({input_names[unit]})"
        if rec is not None:
            rows.append(f"{name} = {tip(rec.inputs[0, unit], digits)}")
    else:
        kind = (QCoreApplication.translate("TopologyView", "output unit") if layer == n_layers
                else QCoreApplication.translate("TopologyView", "hidden unit"))
        title = f"{kind} {name}"
        t_sym = threshold_symbol(layer, unit + 1, n_layers).html
        lv = rec.layers[layer - 1] if rec is not None else None
        computed = lv is not None and (phase is None or layer <= phase.forward_layers)
        delta_known = rec is not None and (phase is None or bool(phase.delta_known[layer - 1][unit]))
        if lv is not None and computed:
            net_form = net_symbol(layer, unit + 1, n_layers).html if shape is None else \
                cf.forward_net(shape, layer, unit + 1).html()
            rows.append(f"{net_form} = {tip(lv.net[0, unit], digits)}")
        if rec is not None:
            threshold_index = offsets[layer - 1][1] + unit
            rows.append(f"{t_sym} = {tip(rec.flat_values[threshold_index], digits)}")
        elif net is not None:
            rows.append(f"{t_sym} = {tip(net.thresholds[layer - 1][unit], digits)}")
        if rec is not None and lv is not None and computed:
            out_form = name if shape is None else cf.forward_output(shape, layer, unit + 1).html()
            rows.append(f"{out_form} = {tip(lv.output[0, unit], digits)}")
            if layer == n_layers and (phase is None or phase.error_known):
                rows.append(fill(QCoreApplication.translate("TopologyView", "target %1 = %2"),
                                 f"<i>y</i><sub>{unit + 1}</sub>", tip(rec.targets[0, unit], digits)))
        if rec is not None and delta_known:
            delta = rec.layers[layer - 1].delta[0, unit]
            if shape is None:
                delta_form = delta_symbol(layer, unit + 1, n_layers).html
            elif layer == n_layers:
                delta_form = cf.output_delta(shape, unit + 1).html()
            else:
                delta_form = cf.hidden_delta(shape, layer, unit + 1).html()
            rows.append(f"{delta_form} = {tip(delta, digits)}")
    if rec is not None and rec.batch_size > 1:
        rows.append(fill(QCoreApplication.translate("TopologyView", "(first sample of a batch of %1)"),
                         rec.batch_size))
    return f"<b>{title}</b><br>" + "<br>".join(rows)


def link_tooltip(
    sizes: Sequence[int],
    network: Network,
    record: IterationRecord | None,
    phase: PhaseView | None,
    index: int,
    layer: int,
    source: int | None,
    target: int,
    digits: int = DEFAULT_DIGITS,
) -> str:
    """Rich text: a weight's (or, ``source`` None, a threshold's) value, gradient and update."""
    n_layers = len(sizes) - 1
    if source is None:
        sym = threshold_symbol(layer, target + 1, n_layers).html
        what = QCoreApplication.translate("TopologyView", "threshold (weight of the dummy input −1)")
    else:
        sym = weight_symbol(layer, source + 1, target + 1, n_layers).html
        what = fill(QCoreApplication.translate("TopologyView", "weight %1 → %2"),
                    unit_symbol(layer - 1, source + 1, n_layers).html, unit_symbol(layer, target + 1, n_layers).html)
    rec = record
    rows = [f"<b>{sym}</b>: {what}"]
    if rec is None:
        rows.append(f"{sym} = {tip(float(network.flat[index]), digits)}")
    else:
        rows.append(fill(QCoreApplication.translate("TopologyView", "%1 = %2 (used by iteration %3)"),
                         sym, tip(rec.flat_values[index], digits), rec.iteration))
        if phase is None or phase.gradient_known[index]:
            shape = _shape(network)
            assert shape is not None
            u, src = target + 1, None if source is None else source + 1
            batch = rec.batch_size > 1
            gradient = (cf.batch_gradient if batch else cf.sample_gradient)(shape, layer, src, u)
            rows.append(f"{gradient.html()} = {tip(rec.flat_gradients[index], digits)}")
            update = cf.update(shape, layer, src, u, batch=batch).html()
            rows.append(f"{update} = {tip(rec.flat_updates[index], digits)}")
        if phase is None or phase.updated:
            rows.append(fill(QCoreApplication.translate("TopologyView", "%1 after the update = %2"),
                             sym, tip(rec.flat_new_values[index], digits)))
    return "<br>".join(rows)


# A unit's fill runs over its activation's output range (style.value_colour: white
# at the middle). Inputs use −1..1: 0 is white, the sign shows in the hue.
OUTPUT_RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "relu": (0.0, 1.0), "linear": (-1.0, 1.0)}
INPUT_RANGE = (-1.0, 1.0)


def unit_ranges(network: Network | None, n_layers: int) -> list[tuple[float, float]]:
    """Per layer (the inputs first): the (low, high) a unit's fill runs over."""
    acts = tuple(network.activations) if network is not None else ("sigmoid",) * n_layers
    return [INPUT_RANGE] + [OUTPUT_RANGES.get(a, (-1.0, 1.0)) for a in acts]


def legend_scales(network: Network | None, n_layers: int) -> list[tuple[str, float, float]]:
    """The legend's fill scales: who uses each distinct range (``x``, ``b``, ``ŷ``), low, high."""
    ranges = unit_ranges(network, n_layers)
    who: dict[tuple[float, float], list[str]] = {}
    for k, r in enumerate(ranges):
        name = unit_symbol(k, 1, n_layers).base
        if name not in who.setdefault(r, []):
            who[r].append(name)
    return [(", ".join(names), low, high) for (low, high), names in who.items()]


def reserve_unit_labels(item: Any, n_layers: int, number: str) -> None:
    """Each label of a unit item gets its least width: the widest text it is likely to show, so places stay put."""
    k, u = item.layer, item.unit
    item.value_label.set_reserve(number)
    if k > 0:
        item.threshold_label.set_reserve(f"{threshold_symbol(k, u + 1, n_layers).unicode} = {number}")
        item.net_label.set_reserve(f"{net_symbol(k, u + 1, n_layers).unicode} = {number}")
        item.delta_label.set_reserve(f"{delta_symbol(k, u + 1, n_layers).unicode} = {number}")
    if k == n_layers:
        item.target_label.set_reserve(f"{Symbol('y', (u + 1,)).unicode} = {number}")


def legend_looks(selected: bool, path: bool) -> list[tuple[str, Any]]:
    """The legend's entries for the marks on screen: (text, colour) of the selected parameter's and a path's."""
    looks = [(QCoreApplication.translate("TopologyView", "selected"), SELECTED)] if selected else []
    if path:
        looks.append((QCoreApplication.translate("TopologyView", "chain-rule path"), PATH))
    return looks


def legend_note(links_limited: bool, dropped: int, scrolls: bool) -> str:
    """The note under the drawing: why some values are not drawn, and that it scrolls."""
    notes = []
    if links_limited:
        text = QCoreApplication.translate("TopologyView", "Too many links to label: click a unit to see its links.")
        notes.append(text)
    elif dropped:
        text = QCoreApplication.translate("TopologyView", "Some labels are hidden: click a unit to see its values.")
        notes.append(text)
    if scrolls:
        notes.append(QCoreApplication.translate("TopologyView", "Drag to see the rest."))
    return " ".join(notes)


def write_texts(units: Sequence[Any], values: Sequence[float | None], links: Mapping[int, Any],
                sizes: Sequence[int], params: np.ndarray, record: IterationRecord | None, phase: PhaseView | None,
                values_on: bool, digits: int, live: Container[Any] | None = None) -> bool:
    """Write every label of the drawing's unit and link items; True if one outgrew its box.

    ``values`` are the units' outputs as shown (None: not computed yet), ``params`` the parameters shown.
    ``live``: the link labels the drawing wants (None: all); any other link label gets its number when it
    is read (``Label.write_later``): of a 784-128-10 network's 416 links drawn, most carry no label.
    """
    has_values = params.size > 0
    n_layers = len(sizes) - 1
    grew = False
    numbers = params[np.fromiter(links, dtype=np.intp, count=len(links))].tolist() if has_values else []
    for link, number in zip(links.values(), numbers):
        label = link.label
        if live is None or label in live:
            grew |= label.set_text(fmt(number, digits))
        else:
            label.write_later(number, digits)
    if not has_values:
        for link in links.values():
            grew |= link.label.set_text("")
    for u, value in zip(units, values):
        k = u.layer
        grew |= u.value_label.set_text("" if value is None else fmt(value, digits))
        if k > 0:
            sym = threshold_symbol(k, u.unit + 1, n_layers).unicode
            known = values_on and has_values
            grew |= u.threshold_label.set_text(f"{sym} = {fmt(float(params[u.param_index]), digits)}" if known
                                               else sym)
            grew |= u.net_label.set_text(net_text(sizes, record, phase, k, u.unit, digits))
            grew |= u.delta_label.set_text(delta_text(sizes, record, phase, k, u.unit, digits))
        if k == n_layers:
            grew |= u.target_label.set_text(target_text(record, u.unit, digits))
    return grew


class Tooltips:
    """The drawing's hover texts, built when asked (a mixin of the view: it reads the view's state)."""

    _sizes: tuple[int, ...]
    _input_names: tuple[str, ...]
    _layout: tuple[tuple[int, int], ...]
    _network: Network | None
    _record: IterationRecord | None
    _phase: PhaseView | None
    _digits: int
    _links: dict[int, Link]

    def _item_at(self, pos: Any) -> Unit | Link | None:
        raise NotImplementedError

    def tooltip_at(self, pos: Any) -> str:
        item = self._item_at(pos)
        if isinstance(item, Unit):
            return self.unit_tooltip(item.layer, item.unit)
        if isinstance(item, Link):
            return self.link_tooltip(item.param_index)
        return ""

    def unit_tooltip(self, layer: int, unit: int) -> str:
        """Rich text: net input, threshold, output and delta of a unit for the current sample."""
        return unit_tooltip(self._sizes, self._input_names, self._layout, self._network,
                            self._record, self._phase, layer, unit, self._digits)

    def link_tooltip(self, index: int) -> str:
        """Rich text: a link's weight (or threshold), its gradient and its update."""
        link = self._links.get(index)
        if link is None or self._network is None:
            return ""
        return link_tooltip(self._sizes, self._network, self._record, self._phase, index,
                            link.layer, link.source, link.target, self._digits)


class LegendText(QGraphicsView):
    """What the legend under the drawing says (a base of the view: it reads the view's state)."""

    _value_labels: bool
    _links_limited: bool
    _links: dict[int, Link]
    _units: list[list[Unit]]
    _dropped: int
    _legend: Legend
    _network: Network | None
    _sizes: tuple[int, ...]
    _digits: int
    _scale: float
    _selected: int
    _path_links: dict[int, str]

    def _note(self) -> str:
        limited = self._value_labels and self._links_limited and bool(self._links)
        shown, viewport = self.mapFromScene(self.sceneRect()).boundingRect(), self.viewport().rect()
        scrolls = shown.width() > viewport.width() + 1 or shown.height() > viewport.height() + 1
        return legend_note(limited, self._dropped, bool(self._units) and scrolls)

    def legend_note(self) -> str:
        """What the note under the drawing says (why values are left out, that it scrolls)."""
        return self._legend.note()

    def _update_legend(self) -> None:
        scales = legend_scales(self._network, max(1, len(self._sizes) - 1))
        self._legend.set_contents(scales, self._note(), self._digits, base_point_size() * self._scale,
                                  legend_looks(self._selected_drawn(), bool(self._path_links)))
        self._legend.place()

    def _selected_drawn(self) -> bool:
        return self._selected in self._links or any(u.param_index == self._selected >= 0
                                                    for layer in self._units for u in layer)

    def legend_looks(self) -> list[str]:
        """What the legend explains beyond fills and weights: the selection's and a path's marks, when drawn."""
        return [text for text, _ in self._legend.looks()]

    def legend_rect(self) -> QRectF:
        """Where the legend is drawn, in the view's coordinates (outside the viewport)."""
        return QRectF(self._legend.geometry())
