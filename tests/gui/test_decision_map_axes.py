"""The maps' axes and menus: no pyqtgraph right-click menu anywhere (they are English and export past the
app's sized export), the colour bar's and the axes' end labels inside the picture at any text scale, and the
tiles name the plane's axes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.plane_map import surface_if_planar
from bpgui.views.comparison import ComparisonView
from bpgui.views.decision_map import DecisionMapView
from bpgui.views.perceptron_lab import PerceptronLab

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(qtbot):
    widget = DecisionMapView()
    qtbot.addWidget(widget)
    widget.resize(760, 480)
    data = load_builtin("xor")
    widget.set_data(data)
    widget.show_surface(surface_if_planar(Network.initialise((2, 3, 1), seed=2), data))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _labels(axis) -> list[tuple[QRectF, str]]:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(QFont(axis.style["tickFont"] or axis.font()))
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [] if specs is None else [(rect, text) for rect, _flags, text in specs[2]]


def _menus_off(plot) -> None:
    assert not plot.menuEnabled() and not plot.getViewBox().menuEnabled()
    assert not plot.scene().contextMenu  # no "Export..."


def test_no_plot_has_a_menu(view, qtbot):
    _menus_off(view.plot_item)
    view.set_text_scale(1.5)  # the tiles are made (and styled) when first needed
    for tile in view._hidden_panel._tiles:
        _menus_off(tile.plot)
    comparison = ComparisonView()
    qtbot.addWidget(comparison)
    _menus_off(comparison.plot.getPlotItem())
    lab = PerceptronLab()
    qtbot.addWidget(lab)
    _menus_off(lab.plot_widget.getPlotItem())


@pytest.mark.parametrize("scale", [1.0, 1.75, 2.5])
def test_the_colour_bar_and_the_axes_keep_their_end_labels_inside(view, scale):
    view.set_text_scale(scale)
    QApplication.processEvents()
    widget_rect = QRectF(view._plot_widget.rect())
    axes = [view.plot_item.getAxis("left"), view.plot_item.getAxis("bottom"), view._color_bar.axis]
    texts = []
    for axis in axes:
        for rect, text in _labels(axis):
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
def test_the_tiles_range_labels_are_inside_their_view(view, scale):
    view.set_text_scale(scale)
    QApplication.processEvents()
    panel = view._hidden_panel
    scene_rect = QRectF(panel._view.rect())
    assert panel._tiles
    for tile in panel._tiles[: len(panel.titles())]:
        for name in ("left", "bottom"):
            axis = tile.plot.getAxis(name)
            labels = _labels(axis)
            assert len(labels) == 2  # the plane's two ends
            for rect, text in labels:
                scene = axis.mapRectToScene(rect)
                assert scene_rect.contains(scene), f"{text!r} at {scene} is cut by {scene_rect} at {scale}"
        # a tile whose width is pinned by the plane's aspect ends at the view's edge: the last x label,
        # centred on that edge, needs half its width of margin
        last = max(_labels(tile.plot.getAxis("bottom")), key=lambda label: label[0].right())[0]
        assert tile.plot.layout.getContentsMargins()[2] >= last.width() / 2
