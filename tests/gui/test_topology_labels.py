"""The network drawing's labels: never two overlapping, α/β and y_j on screen, digits, text scale, the path look."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpgui.model.dataset import Dataset
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.numbers import format_number
from bpgui.model.phases import FORWARD, phase_views
from bpgui.model.training import Trainer
from bpgui.views import style
from bpgui.views.topology import LIT, PATH, SELECTED, TopologyView, _fmt
from bpgui.views.topology_items import NEGATIVE, POSITIVE, faded
from bpgui.views.topology_text import tip

NETWORKS = [(2, 2, 1), (2, 3, 2, 1), (2, 8, 4, 1), (4, 16, 3), (19, 5, 1), (784, 32, 10)]


def _data(sizes: tuple[int, ...]) -> Dataset:
    if sizes[0] == 19:
        return load_builtin("watermelon3.0")
    rng = np.random.default_rng(3)
    inputs = rng.normal(size=(6, sizes[0]))
    targets = (rng.random((6, sizes[-1])) > 0.5).astype(float)
    return Dataset("random", inputs, targets, tuple(f"x_{i + 1}" for i in range(sizes[0])),
                   tuple(f"y_{j + 1}" for j in range(sizes[-1])), "regression")


def _trained(sizes):
    data = _data(sizes)
    trainer = Trainer(Network.initialise(sizes, seed=1), data)
    trainer.step()
    return trainer, trainer.step(), data


def _overlaps(view: TopologyView) -> list[tuple[str, str]]:
    rects = view.visible_label_rects()
    return [(ta, tb) for i, (ta, a) in enumerate(rects) for tb, b in rects[i + 1:] if a.intersects(b)]


@pytest.fixture()
def view(topology_view):
    return topology_view


@pytest.mark.parametrize("sizes", NETWORKS, ids=lambda s: "-".join(map(str, s)))
@pytest.mark.parametrize("scale", [1.0, 1.75])
@pytest.mark.parametrize("dummy", [False, True], ids=["labels", "dummy"])
def test_no_two_labels_overlap_in_any_phase(view, sizes, scale, dummy):
    trainer, record, data = _trained(sizes)
    view.set_text_scale(scale)
    view.set_dummy_thresholds(dummy)
    view.set_structure(sizes, data.feature_names, data.target_names)
    view.show_state(trainer.network, None)
    assert _overlaps(view) == []
    for phase in [None, *phase_views(sizes)]:
        view.show_state(trainer.network, record, phase)
        assert view.visible_label_rects(), "something is labelled"
        assert _overlaps(view) == [], (phase and phase.phase)
    # A unit chosen by the learner: its links carry their values too, still apart.
    view.select_parameter(view.unit_item(1, 0).param_index)
    assert _overlaps(view) == []
    # Every label lies inside the scene: fitting the scene shows every label.
    scene = view.sceneRect()
    assert all(scene.contains(r) for _, r in view.visible_label_rects())


def test_collapsed_layers_say_how_many_units_they_hide(view):
    sizes = (784, 32, 10)
    view.set_structure(sizes)
    texts = view.visible_label_rects()
    markers = [label.text() for label, _ in view._more]
    assert markers == ["⋯ 768 more", "⋯ 16 more"]
    assert len(texts) >= 2 and _overlaps(view) == []


def test_the_forward_pass_writes_alpha_beta_and_the_target(view):
    sizes = (2, 2, 1)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    phases = phase_views(sizes)
    view.show_state(trainer.network, record, phases[0])  # forward to the hidden layer
    assert phases[0].phase.kind == FORWARD
    hidden, output = view.unit_item(1, 1), view.unit_item(2, 0)
    assert hidden.net_label.text() == f"α₂ = {_fmt(record.layers[0].net[0, 1])}" and hidden.net_label.isVisible()
    assert output.net_label.text() == ""  # β₁ is not computed yet
    assert output.target_label.text() == f"y₁ = {_fmt(record.targets[0, 0])}"
    view.show_state(trainer.network, record, phases[1])
    assert output.net_label.text() == f"β₁ = {_fmt(record.layers[1].net[0, 0])}"
    view.show_state(trainer.network, record, phases[-1])  # they stay for the rest of the iteration
    assert hidden.net_label.text().startswith("α₂ = ")


def test_deeper_nets_name_alpha_by_layer(view):
    sizes = (2, 3, 2, 1)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    view.show_state(trainer.network, record)
    assert view.unit_item(2, 1).net_label.text() == f"α⁽²⁾₂ = {_fmt(record.layers[1].net[0, 1])}"


@pytest.mark.parametrize("digits", [1, 2, 6, 17])
def test_digits_set_every_number_drawn_and_in_tooltips(view, digits):
    sizes = (2, 2, 1)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    view.set_digits(digits)
    view.show_state(trainer.network, record)
    assert view.digits() == digits
    assert view.unit_value_text(1, 0) == format_number(record.layers[0].output[0, 0], digits)
    assert view.link_for(6).label.text() == format_number(record.flat_values[6], digits)
    assert view.unit_item(2, 0).threshold_label.text() == f"θ₁ = {format_number(record.flat_values[8], digits)}"
    assert tip(record.flat_gradients[6], digits) in view.link_tooltip(6)
    assert format_number(record.flat_gradients[6], max(digits, 6)) in view.link_tooltip(6)
    assert _overlaps(view) == []


def test_text_scale_enlarges_labels_and_spreads_the_layout(view):
    sizes = (2, 2, 1)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    view.show_state(trainer.network, record)
    small_label = view.unit_item(1, 0).value_label.boundingRect().height()
    small_gap = view.unit_item(1, 0).pos().x() - view.unit_item(0, 0).pos().x()
    view.set_text_scale(1.75)
    assert view.text_scale() == 1.75
    big_label = view.unit_item(1, 0).value_label.boundingRect().height()
    assert big_label > 1.5 * small_label
    assert view.unit_item(1, 0).pos().x() - view.unit_item(0, 0).pos().x() >= small_gap
    assert view.unit_value_text(1, 0) == _fmt(record.layers[0].output[0, 0])  # the state survived the rebuild
    assert _overlaps(view) == []


def test_unit_fill_follows_the_one_colour_convention(view):
    net = Network.from_arrays((1, 1), "sigmoid", [[[0.0]]], [[0.0]])
    data = Dataset("one", [[1.0]], [[1.0]], ("x_1",), ("y_1",), "regression")
    trainer = Trainer(net, data)
    record = trainer.step()
    view.set_structure((1, 1))
    view.show_state(trainer.network, record)
    y = record.layers[0].output[0, 0]
    assert view.unit_item(1, 0).brush().color() == style.value_colour(y, 0.0, 1.0)
    high = style.value_colour(0.86, 0.0, 1.0)
    assert high.blue() > high.red()  # ŷ = 0.86 is blue, as in the map beside it
    low = style.value_colour(0.2, 0.0, 1.0)
    assert low.red() > low.blue()
    assert POSITIVE == style.HIGH and NEGATIVE == style.LOW
    for look in (LIT, SELECTED, PATH):
        assert look not in (POSITIVE, NEGATIVE) and look.name() != "#ff7f0e"


def test_the_legend_sits_outside_the_drawing_and_names_the_ranges(view):
    sizes = (2, 2, 1)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    view.show_state(trainer.network, record)
    legend = view.legend_rect()
    assert legend.height() > 0
    assert not legend.intersects(view.viewport().geometry())  # it never covers a unit
    assert view._legend._scales == [("x", -1.0, 1.0), ("b, ŷ", 0.0, 1.0)]


def test_many_links_show_the_chosen_units_links_and_say_so(view, qtbot):
    sizes = (4, 16, 3)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    view.show_state(trainer.network, record)
    assert "click a unit" in view.legend_note()
    first = view.link_for(0)  # v_11
    assert not first.label.isVisible()
    unit = view.unit_item(0, 0)
    view.centerOn(unit)
    with qtbot.waitSignal(view.unit_selected, check_params_cb=lambda k, u: (k, u) == (0, 0)):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(unit.scenePos()))
    assert view.focused_unit() == (0, 0)
    assert first.label.isVisible() and first.label.text() == _fmt(record.flat_values[0])
    assert _overlaps(view) == []


def test_highlight_lights_a_path_and_labels_it(view):
    sizes = (2, 2, 1)
    trainer, record, _ = _trained(sizes)
    view.set_structure(sizes)
    view.show_state(trainer.network, record)
    view.highlight({(2, 0): "−0.1234", (1, 0): "0.2"}, {6: "0.5", 0: "1", 8: "θ"})
    assert view.link_for(6).pen().color() == PATH and not view.link_for(6).dimmed()
    assert view.link_for(7).dimmed() and view.unit_item(1, 1).opacity() < 1.0
    # faded: its weight's colour mixed DIM_LINK of the way from the background, opaque, beneath the path
    assert view.link_for(7).pen().color() == faded(POSITIVE if record.flat_values[7] >= 0 else NEGATIVE)
    assert view.link_for(7).opacity() == 1.0 and view.link_for(7).zValue() < view.link_for(6).zValue()
    # w₁₁'s badge names its derivative and replaces its value label (one label, not the same number twice)
    assert view.link_for(6).path_label.text() == "∂β₁/∂b₁ = w₁₁ = 0.5" and view.link_for(6).path_label.isVisible()
    assert not view.link_for(6).label.isVisible()
    assert view.unit_item(2, 0).path_label.text() == "−0.1234  θ"  # θ₁ is drawn on its unit
    assert view.unit_item(1, 0).pen().color() == PATH
    assert _overlaps(view) == []
    view.clear_highlight()
    assert view.link_for(6).pen().color() != PATH and not view.link_for(7).dimmed()
    assert view.link_for(7).pen().color() in (POSITIVE, NEGATIVE)
    assert not view.link_for(6).path_label.isVisible() or not view.link_for(6).path_label.text()


def test_export_at_a_chosen_pixel_size(view, tmp_path):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from bpgui.model.errors import BpguiError

    trainer, record, _ = _trained((2, 2, 1))
    view.set_structure((2, 2, 1))
    view.show_state(trainer.network, record)
    png, svg = tmp_path / "n.png", tmp_path / "n.svg"
    view.export_image(str(png), QSize(1920, 1080))
    assert QImage(str(png)).size() == QSize(1920, 1080)
    view.export_image(str(svg), QSize(800, 600))
    text = svg.read_text()
    assert 'viewBox="0 0 800 600"' in text and 'width="' in text
    before = png.read_bytes()
    with pytest.raises(BpguiError):
        view.export_image(str(tmp_path / "missing" / "n.png"), QSize(640, 480))
    assert png.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["n.png", "n.svg"]


def test_a_badge_that_outgrows_its_reserve_keeps_room_for_numbers_of_the_same_kinds(qtbot):
    """A path badge reserves plain numbers; a number with a power of ten grows it once, to the widest such
    number, so the next Steps' numbers (any sign, any exponent) neither grow it nor move the labels again. A
    two-line badge reserves its wider line, not both lines side by side."""
    from bpgui.views.topology_badges import _write_badge
    from bpgui.views.topology_items import Label

    label = Label(emphasis=True)
    _write_badge(label, "∂b₁/∂γ₁ = 0.25", 4)
    assert _write_badge(label, "∂b₁/∂γ₁ = 1.817×10⁻⁵", 4)  # wider than a plain number: it grows, once
    for text in ("∂b₁/∂γ₁ = −9.999×10⁻¹²", "∂b₁/∂γ₁ = −0.4101", "∂b₁/∂γ₁ = 4.1×10⁻⁵"):
        assert not _write_badge(label, text, 4), text
    metrics = label._metrics
    assert label.size()[0] >= metrics.horizontalAdvance("∂b₁/∂γ₁ = −9.999×10⁻¹²") + 8
    plain = Label(emphasis=True)  # found by a tester: w₁₁'s badge widened five times as its small numbers grew
    _write_badge(plain, "∂β₁/∂b₁ = w₁₁ = 0.2277", 4)
    assert _write_badge(plain, "∂β₁/∂b₁ = w₁₁ = −0.09277", 4)  # longer than the first reserve: it grows, once
    for text in ("∂β₁/∂b₁ = w₁₁ = −0.009277", "∂β₁/∂b₁ = w₁₁ = −0.0009277", "∂β₁/∂b₁ = w₁₁ = 0.2277"):
        assert not _write_badge(plain, text, 4), text
    two = Label(emphasis=True)
    _write_badge(two, "∂Eₖ/∂ŷ₁ = 0.5781\n∂ŷ₁/∂β₁ = 0.2439", 4)
    widest = max(metrics.horizontalAdvance(line) for line in ("∂Eₖ/∂ŷ₁ = −0.8888", "∂ŷ₁/∂β₁ = −0.8888"))
    assert two.size()[0] == pytest.approx(widest + 8)


@pytest.mark.parametrize("sizes", [(2, 3, 2, 1), (784, 32, 10)], ids=lambda s: "-".join(map(str, s)))
def test_a_drawing_rebuilt_for_digits_and_text_size_and_back_is_the_drawing_built_afresh(qtbot, view, sizes):
    """Digits and text size rebuild the drawing around its state and path (labels placed once, fonts shared,
    link places made when first wanted): back at the first options, every label is where a new view puts it."""
    trainer, record, data = _trained(sizes)
    fresh = TopologyView()
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show()
    path = ({(1, 0): "0.5", (len(sizes) - 1, 0): "-0.25"}, {0: "0.125"})
    for v in (view, fresh):
        v.set_structure(sizes, data.feature_names, data.target_names)
        v.show_state(trainer.network, record)
        v.select_parameter(v.unit_item(1, 0).param_index)
        v.highlight(*path)
    before = view.visible_label_rects()
    view.set_digits(6)
    view.set_text_scale(1.5)
    assert view.visible_label_rects() != before
    view.set_text_scale(1.0)
    view.set_digits(fresh.digits())
    rects = [(text, (r.x(), r.y(), r.width(), r.height())) for text, r in view.visible_label_rects()]
    expected = [(text, (r.x(), r.y(), r.width(), r.height())) for text, r in fresh.visible_label_rects()]
    assert sorted(rects) == sorted(expected)
    assert _overlaps(view) == []
