"""The path view on the network: badges that name their derivative, labels that stay put and off the path,
a legend for the marks, dimmed text still readable, a tall drawing that starts at its top."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from bpgui.model.chain_paths import chain_paths, path_highlight
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.numbers import format_number
from bpgui.model.phases import UPDATE, phase_views
from bpgui.model.training import Trainer
from bpgui.views import style
from bpgui.views.topology import DIM_TEXT, TopologyView
from bpgui.views.topology_layout import Line

V11, GAMMA1, W11, THETA1 = 0, 4, 6, 8  # a 2-2-1's v_11 v_12 v_21 v_22 γ_1 γ_2 w_11 w_21 θ_1


def _xor(sizes=(2, 2, 1), steps=3):
    trainer = Trainer(Network.initialise(sizes, seed=0), load_builtin("xor"))
    record = None
    for _ in range(steps):
        record = trainer.step()
    return trainer, record


def _show_path(view, trainer, record, index, digits=4):
    view.select_parameter(index)
    view.highlight(*path_highlight(chain_paths(record, index, trainer.network.activations, trainer.network.loss),
                                   digits))


@pytest.fixture()
def view(topology_view):
    return topology_view


def test_each_badge_names_its_derivative_and_a_weight_shows_one_label(view):
    trainer, record = _xor()
    view.set_structure((2, 2, 1))
    view.show_state(trainer.network, record)
    _show_path(view, trainer, record, V11)
    n = lambda v: format_number(v, 4)  # noqa: E731
    b1, yhat = float(record.layers[0].output[0, 0]), float(record.layers[1].output[0, 0])
    assert view.unit_item(1, 0).path_label.text() == f"∂b₁/∂α₁ = {n(b1 * (1 - b1))}"
    y = float(record.targets[0, 0])
    assert view.unit_item(2, 0).path_label.text() == f"∂Eₖ/∂ŷ₁ = {n(-(y - yhat))}\n∂ŷ₁/∂β₁ = {n(yhat * (1 - yhat))}"
    assert view.link_for(V11).path_label.text() == f"∂α₁/∂v₁₁ = x₁ = {n(record.inputs[0, 0])}"
    w11 = view.link_for(W11)
    assert w11.path_label.text() == f"∂β₁/∂b₁ = w₁₁ = {n(record.flat_values[W11])}"
    assert w11.path_label.isVisible() and not w11.label.isVisible()  # not the same number twice
    # After the update the badge still shows the weight the iteration used, and says so.
    view.show_state(trainer.network, record, phase_views((2, 2, 1))[-1])
    assert view._phase.phase.kind == UPDATE
    assert w11.path_label.text() == f"∂β₁/∂b₁ = w₁₁ (used)\n= {n(record.flat_values[W11])}"
    assert not w11.label.isVisible()


@pytest.mark.parametrize(("index", "unit", "text"), [(GAMMA1, (1, 0), "∂b₁/∂γ₁ = "), (THETA1, (2, 0), "∂ŷ₁/∂θ₁ = ")])
def test_a_threshold_path_ends_in_its_own_derivative(view, index, unit, text):
    trainer, record = _xor()
    view.set_structure((2, 2, 1))
    view.show_state(trainer.network, record)
    _show_path(view, trainer, record, index)
    assert text in view.unit_item(*unit).path_label.text()


def _usual_places(view):
    return {(u.layer, u.unit, i): label.scenePos() for layer in view._units for u in layer
            for i, label in enumerate(u.labels()[:5]) if label.isVisible() and label.text()}


def _on_circle_or_line(view):
    """Labels that sit on a unit's circle or on a lit path (or selected) link other than their own."""
    circles = [(u.scenePos(), u.radius) for layer in view._units for u in layer]
    lines = [Line(link.line().p1(), link.line().p2(), link.pen().widthF() / 2, (link.label, link.path_label))
             for i, link in view._links.items() if link in [view.link_for(j) for j in view._path_links]]
    bad = []
    labels = [label for label in view._every_label() if label.isVisible() and label.text()]
    for label in labels:
        r = label.sceneBoundingRect()
        for c, radius in circles:
            nearest = QPointF(min(max(c.x(), r.left()), r.right()), min(max(c.y(), r.top()), r.bottom()))
            if np.hypot(nearest.x() - c.x(), nearest.y() - c.y()) < radius:
                bad.append((label.text(), "circle"))
        bad += [(label.text(), "path") for line in lines if label not in line.owners and line.meets(r)]
    return bad


@pytest.mark.parametrize("scale", [1.0, 1.75])
@pytest.mark.parametrize("digits", [4, 6])
def test_labels_keep_their_places_when_a_path_is_shown_and_none_sits_on_it(view, scale, digits):
    trainer, record = _xor()
    view.set_text_scale(scale)
    view.set_digits(digits)
    view.set_structure((2, 2, 1))
    for phase in [None, *phase_views((2, 2, 1))]:
        view.clear_highlight()
        view.select_parameter(-1)
        view.show_state(trainer.network, record, phase)
        before = _usual_places(view)
        _show_path(view, trainer, record, V11, digits)
        assert _usual_places(view) == before, phase and phase.phase
        assert _on_circle_or_line(view) == [], phase and phase.phase
        assert view.hidden_label_count() == 0


@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_no_label_on_a_circle_or_the_path_of_a_larger_network(view, scale):
    sizes = (2, 8, 4, 1)
    trainer, record = _xor(sizes)
    view.set_text_scale(scale)
    view.set_structure(sizes)
    for phase in [None, *phase_views(sizes)]:
        view.clear_highlight()
        view.show_state(trainer.network, record, phase)
        assert _on_circle_or_line(view) == []
        _show_path(view, trainer, record, V11)
        assert _on_circle_or_line(view) == []


@pytest.mark.parametrize("scale", [1.0, 1.75, 2.5])
def test_a_2_2_1_never_hides_a_label(view, scale):
    trainer, record = _xor()
    view.set_text_scale(scale)
    view.set_structure((2, 2, 1))
    for phase in [None, *phase_views((2, 2, 1))]:
        for index in (-1, V11, W11, GAMMA1, THETA1):
            view.clear_highlight()
            view.select_parameter(index)
            view.show_state(trainer.network, record, phase)
            assert view.hidden_label_count() == 0 and "hidden" not in view.legend_note()
            if index >= 0:
                _show_path(view, trainer, record, index)
                assert view.hidden_label_count() == 0, (index, phase and phase.phase)


def test_the_legend_explains_the_selection_and_the_path_when_drawn(view):
    trainer, record = _xor()
    view.set_structure((2, 2, 1))
    view.show_state(trainer.network, record)
    assert view.legend_looks() == []
    view.select_parameter(V11)
    assert view.legend_looks() == ["selected"]
    _show_path(view, trainer, record, V11)
    assert view.legend_looks() == ["selected", "chain-rule path"]
    view.clear_highlight()
    view.select_parameter(-1)
    assert view.legend_looks() == []


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def _blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    tops, bottoms = (top.redF(), top.greenF(), top.blueF()), (bottom.redF(), bottom.greenF(), bottom.blueF())
    return QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in zip(tops, bottoms)))


def test_dimmed_labels_keep_a_contrast_of_4_5(view):
    trainer, record = _xor()
    view.set_structure((2, 2, 1))
    view.show_state(trainer.network, record, phase_views((2, 2, 1))[0])  # the output is off-phase: dimmed
    output, link = view.unit_item(2, 0), view.link_for(W11)
    assert output.opacity() < DIM_TEXT  # the shape fades more than its words
    for label in (output.value_label, output.threshold_label, link.label):
        assert label.effectiveOpacity() == pytest.approx(DIM_TEXT)
    for background in (view.backgroundBrush().color(), QColor("white")):
        text = _blend(QColor(style.TEXT), background, DIM_TEXT)
        ratio = (_luminance(background) + 0.05) / (_luminance(text) + 0.05)
        assert ratio >= 4.5, background.name()


def test_a_tall_network_starts_at_its_top_with_scroll_bars_and_says_drag(qtbot):
    data = load_builtin("watermelon3.0")
    view = TopologyView()
    qtbot.addWidget(view)
    view.resize(560, 360)
    view.show()
    view.set_text_scale(1.75)
    view.set_structure((data.inputs.shape[1], 5, 1), data.feature_names, data.target_names)
    QApplication.processEvents()
    view.fit()
    assert view.verticalScrollBar().maximum() > 0 and view.verticalScrollBar().isVisible()
    assert view.verticalScrollBar().value() == view.verticalScrollBar().minimum()
    first = view.unit_item(0, 0)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(first.sceneBoundingRect())  # the first unit is whole
    assert "Drag to see the rest" in view.legend_note()


def test_a_rect_meets_a_line_only_where_it_crosses_it():
    line = Line(QPointF(0, 0), QPointF(100, 100), 1.0)
    assert line.meets(QRectF(40, 40, 10, 10))
    assert not line.meets(QRectF(60, 0, 20, 20)) and not line.meets(QRectF(120, 120, 5, 5))


def test_a_new_path_in_a_scrolled_drawing_is_brought_into_view(qtbot):
    """Watermelon's 19-5-1 scrolls at 1280×800: selecting a parameter far down scrolls to its path once."""
    from bpgui.controller import Settings, TrainingController
    from bpgui.views.topology import TopologyView

    c = TrainingController(Settings(data="watermelon3.0", hidden=(5,)))
    view = TopologyView()
    qtbot.addWidget(view)
    view.resize(560, 320)
    view.show()
    view.set_structure(c.network.layer_sizes)
    c.step()
    view.show_state(c.network, c.display_record())
    view.verticalScrollBar().setValue(0)
    last_input = c.network.layer_sizes[0] - 1
    c.select_parameter(last_input * 5)  # v_{19,1}: from the bottom input
    units, links = c.path_highlight()
    view.highlight(units, links)
    assert view.verticalScrollBar().maximum() > 0  # the drawing does scroll here
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.intersects(view.unit_item(0, last_input).sceneBoundingRect())  # the path's input is in view
    c.pause()
    c.wait_for_jobs()


@pytest.mark.parametrize("dummies", [False, True])
def test_a_new_path_leaves_no_badge_of_the_old_one(view, dummies):
    """Only the badged items and the new path's are written each time: what the old path wrote is emptied,
    thresholds drawn as labels (badge beside the unit) or as dummy links alike."""
    sizes = (19, 4, 3, 1)
    trainer = Trainer(Network.initialise(sizes, seed=1), load_builtin("watermelon3.0"))
    record = trainer.step()
    view.set_dummy_thresholds(dummies)
    view.set_structure(sizes)
    view.show_state(trainer.network, record)
    items = [u for layer in view._units for u in layer] + list(view._links.values())
    n = trainer.network.n_parameters
    for index in [0, n - 1, 80, 90, 0, n - 3, 95]:
        _show_path(view, trainer, record, index)
        units, links = path_highlight(chain_paths(record, index, trainer.network.activations,
                                                  trainer.network.loss), 4)
        on_path = {view.unit_item(k, u) for k, u in units} | {view.link_for(i) for i in links}
        # a threshold drawn as a label writes its badge beside its unit
        on_path |= {u for u in items if getattr(u, "param_index", None) in links and hasattr(u, "unit")}
        badged = {item for item in items if item.path_label.text()}
        assert badged and badged <= on_path, index
    view.clear_highlight()
    assert not [item for item in items if item.path_label.text()]
