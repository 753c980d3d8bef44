"""The decision map on a projector: one colour convention, square maps, scaled text, pictures at a chosen size."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from bpgui.model.datasets import load_builtin
from bpgui.model.errors import BpguiError
from bpgui.views.decision_map_samples import BINARY_CLASS_COLOURS, class_styles
from bpgui.views.decision_map_tiles import COLOR_MAP, aspect_ratio, square_box
from bpgui.views.style import HIGH_DARK, LOW_DARK, value_colour

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(xor_map_view):
    return xor_map_view


@pytest.mark.parametrize("value", [0.0, 0.14, 0.5, 0.86, 1.0])
def test_the_map_colours_an_output_as_the_network_fills_its_unit(value):
    drawn = COLOR_MAP.map(value, mode="qcolor")
    unit = value_colour(value, 0.0, 1.0)
    assert max(abs(drawn.red() - unit.red()), abs(drawn.green() - unit.green()),
               abs(drawn.blue() - unit.blue())) <= 2


def test_binary_classes_wear_the_low_and_high_colours():
    assert BINARY_CLASS_COLOURS == (LOW_DARK, HIGH_DARK)
    xor = load_builtin("xor")
    assert [colour for colour, _s, _n in class_styles(xor, xor.labels())] == [LOW_DARK, HIGH_DARK]


def test_the_legend_names_the_colours_and_their_numbers(view):
    text = view.legend_text()
    assert "map&nbsp;of&nbsp;ŷ₁" in text and "class&nbsp;1" in text
    assert QColor(value_colour(1.0, 0.0, 1.0)).name() in text
    view.set_digits(2)
    assert "0.5" in view.plot_item.layout.itemAt(2, 5).axis._tickLevels[0][1][1]


def test_the_main_map_and_the_tiles_are_square_for_a_square_plane(qtbot, view):
    for width, height in ((760, 480), (420, 600), (290, 250)):
        view.resize(width, height)
        qtbot.wait(10)
        box = view.plot_item.getViewBox().sceneBoundingRect()
        image = view.image_item.mapRectToScene(view.image_item.boundingRect())
        assert image.width() == pytest.approx(image.height(), rel=0.03)  # the plane drawn square
        assert box.width() == pytest.approx(box.height(), rel=0.15)  # and little room wasted around it
        main = view.findChild(QWidget, "main_map").geometry()
        panel = view.findChild(QWidget, "hidden_maps").geometry()
        assert not main.intersects(panel)
        assert view.findChild(QWidget, "maps").rect().contains(main)


def test_the_plane_keeps_its_aspect_within_two_to_one():
    assert aspect_ratio(np.linspace(0, 2, 5), np.linspace(0, 1, 5), picture=True) == pytest.approx(2.0)
    assert aspect_ratio(np.linspace(0, 10, 5), np.linspace(0, 1, 5), picture=True) == pytest.approx(2.0)
    assert aspect_ratio(np.linspace(0, 1, 5), np.linspace(0, 1, 5)) == pytest.approx(1.0)
    main, panel = square_box(QWidget().rect().adjusted(0, 0, 700, 400), 60, 40, 1.0, True, 4)
    assert main.width() - 60 == main.height() - 40 and not main.intersects(panel)


def test_each_tile_shows_the_planes_range(view):
    tile = view._hidden_panel._tiles[0].plot
    ticks = tile.getAxis("bottom")._tickLevels[0]
    assert len(ticks) == 2 and ticks[0][0] < ticks[1][0]


def test_many_units_scroll_rather_than_shrink(qtbot, make_xor_map):
    widget = make_xor_map(16, 420, 300)
    widget.set_text_scale(1.75)
    qtbot.wait(10)
    scroll = widget.findChild(QWidget, "hidden_maps_scroll")
    assert scroll.widget().minimumHeight() > scroll.viewport().height()


def test_text_scale_enlarges_ticks_points_and_titles(view):
    before = view.plot_item.getAxis("left").style["tickFont"].pointSizeF()
    size = view.points_item.opts["size"]
    view.set_text_scale(1.75)
    assert view.plot_item.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(1.75 * before)
    assert view.points_item.opts["size"] == pytest.approx(1.75 * size)
    assert view.minimum_size_for(300).width() >= 300 and view.minimum_size_for(300).height() >= 300


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (500, 500)])
def test_a_png_of_the_maps_has_exactly_the_size_asked(view, tmp_path, width, height):
    path = tmp_path / "map.png"
    geometry = view.findChild(QWidget, "maps").geometry()
    view.export_image(os.fspath(path), QSize(width, height))
    assert QImage(os.fspath(path)).size() == QSize(width, height)
    assert view.findChild(QWidget, "maps").geometry() == geometry  # the view as it was
    assert view.points_item.opts["size"] == pytest.approx(8)


def test_an_svg_of_the_maps_is_whole_xml_of_the_size_asked(view, tmp_path):
    path = tmp_path / "map.svg"
    view.export_image(os.fspath(path), QSize(1920, 1080))
    root = ET.fromstring(path.read_bytes())
    assert [float(v) for v in root.get("viewBox").split()] == [0, 0, 1920, 1080]


def test_a_bad_path_changes_nothing_and_raises_the_projects_error(view, tmp_path):
    with pytest.raises(BpguiError):
        view.export_image(os.fspath(tmp_path / "missing" / "map.png"), QSize(640, 480))
    assert list(tmp_path.iterdir()) == []


def test_samples_follow_the_maps_size_as_well_as_the_text(qtbot, view):
    from bpgui.views.decision_map_samples import marker_scale

    view.set_text_scale(1.75)
    view.resize(300, 260)  # a small map at 175 %: samples no larger than its size allows
    qtbot.wait(10)
    side = min(view.plot_item.getViewBox().sceneBoundingRect().size().toTuple())
    assert side < 200
    assert view.points_item.opts["size"] < 1.75 * 8
    assert view.points_item.opts["size"] == pytest.approx(8 * max(0.75, side / 200), rel=0.02)
    view.resize(1000, 760)  # a large one: as large as the text
    qtbot.wait(10)
    assert view.points_item.opts["size"] == pytest.approx(1.75 * 8)
    assert marker_scale(1.0, 500) == 1.0 and marker_scale(2.5, 100) == pytest.approx(0.75)
    assert marker_scale(1.75, float("nan")) == 1.75
