"""The topology view: what it draws, the numbers it shows, selection, tooltips, export."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer
from bpgui.views.topology import SELECTED, TopologyView, _fmt
from bpgui.views.topology_text import tip


@pytest.fixture()
def xor_view(qtbot):
    trainer = Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"))
    view = TopologyView()
    qtbot.addWidget(view)
    view.resize(700, 450)
    view.set_structure((2, 2, 1))
    view.show()
    return view, trainer


def test_units_and_links_of_the_notes_network(xor_view):
    view, _ = xor_view
    assert view.drawn_counts() == (5, 6)
    # canonical indices: v_11 v_12 v_21 v_22 γ_1 γ_2 w_11 w_21 θ_1
    assert [i for i in range(9) if view.link_for(i) is not None] == [0, 1, 2, 3, 6, 7]
    assert view.unit_item(1, 0).param_index == 4 and view.unit_item(2, 0).param_index == 8


def test_labels_show_the_records_numbers_after_each_step(xor_view):
    view, trainer = xor_view
    for _ in range(3):
        record = trainer.step()
        view.show_state(trainer.network, record)
        assert view.unit_value_text(0, 1) == _fmt(record.inputs[0, 1])
        assert view.unit_value_text(1, 0) == _fmt(record.layers[0].output[0, 0])
        assert view.unit_value_text(2, 0) == _fmt(record.layers[1].output[0, 0])
        # One snapshot: the parameters this iteration used (before its update),
        # so that b_h = f(α_h − γ_h) holds for the numbers on screen.
        assert view.link_for(6).label.text() == _fmt(record.flat_values[6])
        theta = _fmt(record.flat_values[8])
        assert view.unit_item(2, 0).threshold_label.text() == f"θ₁ = {theta}"
        b1 = 1 / (1 + np.exp(-(record.layers[0].net[0, 0] - record.flat_values[4])))
        assert view.unit_value_text(1, 0) == _fmt(b1)


def test_link_width_and_colour_follow_the_weight(qtbot):
    net = Network.from_arrays((2, 1), "sigmoid", [[[2.0], [-0.5]]], [[0.0]])
    view = TopologyView()
    qtbot.addWidget(view)
    view.set_structure((2, 1))
    view.show_state(net, None)
    strong, weak = view.link_for(0), view.link_for(1)
    assert strong.pen().widthF() > weak.pen().widthF()
    assert strong.pen().color().blue() > strong.pen().color().red()
    assert weak.pen().color().red() > weak.pen().color().blue()


def test_dummy_threshold_nodes(xor_view):
    view, trainer = xor_view
    view.set_dummy_thresholds(True)
    assert view.drawn_counts() == (5, 9)  # 6 weights + 3 thresholds as links from −1
    view.set_value_labels(True)
    view.show_state(trainer.network, None)
    assert view.link_for(8).label.text() == _fmt(trainer.network.thresholds[1][0])
    assert not view.unit_item(1, 0).threshold_label.isVisible()


def test_wide_layers_collapse(qtbot):
    view = TopologyView()
    qtbot.addWidget(view)
    view.set_structure((784, 128, 10))
    units, links = view.drawn_counts()
    assert units == 16 + 16 + 10 and links == 16 * 16 + 16 * 10
    net = Network.initialise((784, 128, 10))
    view.show_state(net, None)
    last = view.link_for(783 * 128 + 127)  # v from the last input to the last hidden unit
    assert last is not None and last.param_index == 783 * 128 + 127


def test_clicking_a_link_selects_its_parameter(xor_view, qtbot):
    view, trainer = xor_view
    view.show_state(trainer.network, None)
    link = view.link_for(7)  # w_21
    centre = view.mapFromScene(link.line().center())
    with qtbot.waitSignal(view.parameter_selected, check_params_cb=lambda i: i == 7):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert link.pen().color() == SELECTED


@pytest.mark.qt_log_ignore("not accepted by receiving widget")  # QTest on a double-click nobody takes
def test_double_clicking_a_unit_or_a_link_asks_to_edit_its_parameter(xor_view, qtbot):
    view, trainer = xor_view
    view.show_state(trainer.network, None)
    unit = view.mapFromScene(view.unit_item(1, 1).scenePos())  # b_2: its threshold γ_2 is parameter 5
    with qtbot.waitSignal(view.edit_requested, timeout=1000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=unit)
    assert blocker.args == [5]
    link = view.mapFromScene(view.link_for(1).line().pointAt(0.2))  # v_12 (it crosses v_21 in the middle)
    with qtbot.waitSignal(view.edit_requested, timeout=1000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=link)
    assert blocker.args == [1]
    inputs = view.mapFromScene(view.unit_item(0, 0).scenePos())  # an input has no parameter
    with qtbot.assertNotEmitted(view.edit_requested), qtbot.assertNotEmitted(view.parameter_selected):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inputs)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inputs)


def test_select_parameter_highlights_without_emitting(xor_view, qtbot):
    view, _ = xor_view
    with qtbot.assertNotEmitted(view.parameter_selected):
        view.select_parameter(4)
    assert view.unit_item(1, 0).pen().widthF() == 4


def test_tooltips_give_the_current_numbers(xor_view):
    view, trainer = xor_view
    record = trainer.step()
    view.show_state(trainer.network, record)
    text = view.unit_tooltip(1, 1)
    # Tooltips write numbers in the screen's one format, with at least six significant digits.
    assert tip(record.layers[0].net[0, 1]) in text and tip(record.layers[0].delta[0, 1]) in text
    link_text = view.link_tooltip(6)
    assert tip(record.flat_gradients[6]) in link_text and tip(record.flat_updates[6]) in link_text
    assert tip(record.flat_values[6]) in link_text and tip(record.flat_new_values[6]) in link_text
    pos = view.mapFromScene(view.unit_item(2, 0).scenePos())
    assert "ŷ" in view.tooltip_at(QPoint(pos.x(), pos.y()))


def test_export_png_and_svg(xor_view, tmp_path):
    view, trainer = xor_view
    view.show_state(trainer.network, None)
    png, svg = tmp_path / "n.png", tmp_path / "n.svg"
    view.export_image(str(png))
    view.export_image(str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.png", "n.svg"]


def test_feature_names_label_the_inputs_and_tall_networks_scroll(qtbot):
    data = load_builtin("watermelon3.0")
    view = TopologyView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    view.set_structure((data.n_inputs, 4, 1), data.feature_names, data.target_names)
    assert view.unit_item(0, 0).name_label.text() == "色泽=青绿"
    view.show_state(Network.initialise((data.n_inputs, 4, 1)), None)
    assert "色泽=青绿" in view.unit_tooltip(0, 0)
    # Fitting a tall network stops at a readable scale and scrolls instead.
    assert view.transform().m11() >= 0.6 - 1e-9
    assert view.verticalScrollBar().maximum() > 0
    # Values stay on; 40 links are too many to label them all, and the note under the drawing says so.
    assert view.value_labels()
    assert "click a unit" in view.legend_note()
