"""The maps' axes and menus: no pyqtgraph right-click menu anywhere (they are English and export past the
app's sized export), the colour bar's and the axes' end labels inside the picture at any text scale, and the
tiles name the plane's axes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from bpgui.model.datasets import load_builtin
from bpgui.views.perceptron_lab import PerceptronLab
from bpgui.views.runs_plot import RunsPlot

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(xor_map_view):
    return xor_map_view


def _menus_off(plot) -> None:
    assert not plot.menuEnabled() and not plot.getViewBox().menuEnabled()
    assert not plot.scene().contextMenu  # no "Export..."


def test_no_plot_has_a_menu(view, qtbot):
    _menus_off(view.plot_item)
    view.set_text_scale(1.5)  # the tiles are made (and styled) when first needed
    for tile in view._hidden_panel._tiles:
        _menus_off(tile.plot)
    runs = RunsPlot()
    qtbot.addWidget(runs)
    _menus_off(runs.plot.getPlotItem())
    lab = PerceptronLab()
    qtbot.addWidget(lab)
    _menus_off(lab.plot_widget.getPlotItem())


@pytest.mark.parametrize("scale", [1.0, 1.75, 2.5])
def test_the_colour_bar_and_the_axes_keep_their_end_labels_inside(view, drawn_labels, scale):
    view.set_text_scale(scale)
    QApplication.processEvents()
    widget_rect = QRectF(view._plot_widget.rect())
    axes = [view.plot_item.getAxis("left"), view.plot_item.getAxis("bottom"), view._color_bar.axis]
    texts = []
    for axis in axes:
        for rect, text in drawn_labels(axis):
            scene = axis.mapRectToScene(rect).adjusted(0, -rect.height() * 0.125, 0, rect.height() * 0.125)
            assert widget_rect.contains(scene), f"{text!r} at {scene} is cut by {widget_rect} at {scale}"
            texts.append(text)
    assert "1" in texts  # the colour bar's top


def test_the_tiles_name_the_planes_axes(view):
    tip = view._hidden_panel._view.toolTip()
    assert "x₁" in tip and "x₂" in tip
    view.set_data(load_builtin("watermelon3.0alpha"))
    names = view._hidden_panel.axis_names()
    assert all(name in view._hidden_panel._view.toolTip() for name in names)
    assert names == (view.plot_item.getAxis("bottom").labelText, view.plot_item.getAxis("left").labelText)


@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_the_tiles_range_labels_are_inside_their_view(view, drawn_labels, scale):
    view.set_text_scale(scale)
    QApplication.processEvents()
    panel = view._hidden_panel
    scene_rect = QRectF(panel._view.rect())
    assert panel._tiles
    for tile in panel._tiles[: len(panel.titles())]:
        for name in ("left", "bottom"):
            axis = tile.plot.getAxis(name)
            labels = drawn_labels(axis)
            assert len(labels) == 2  # the plane's two ends
            for rect, text in labels:
                scene = axis.mapRectToScene(rect)
                assert scene_rect.contains(scene), f"{text!r} at {scene} is cut by {scene_rect} at {scale}"
        # a tile whose width is pinned by the plane's aspect ends at the view's edge: the last x label,
        # centred on that edge, needs half its width of margin
        last = max(drawn_labels(tile.plot.getAxis("bottom")), key=lambda label: label[0].right())[0]
        assert tile.plot.layout.getContentsMargins()[2] >= last.width() / 2
