"""The error plot on a projector: text that scales, curves that show, pictures at a chosen pixel size."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from bpgui.model.errors import BpguiError
from bpgui.model.numbers import MINUS
from bpgui.views.error_plot import ErrorPlotView
from bpgui.views.plot_text import NumberAxis, picture_scale

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(qtbot):
    widget = ErrorPlotView()
    qtbot.addWidget(widget)
    widget.resize(500, 320)
    rng = np.random.default_rng(3)
    errors = np.abs(rng.normal(0.2, 0.05, 200))
    ends = np.arange(0, 201, 4)
    widget.set_history(errors, ends, np.linspace(0.3, 0.1, ends.shape[0]))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _tick_points(view) -> float:
    return view.plot_item.getAxis("left").style["tickFont"].pointSizeF()


def test_text_and_lines_grow_with_the_text_scale(view):
    ticks, legend = _tick_points(view), view._legend.opts["labelTextSize"]
    iteration_width = view.iteration_curve.opts["pen"].widthF()
    assert iteration_width >= 1.5  # E_k per iteration is no hairline
    assert view.epoch_curve.opts["pen"].widthF() > iteration_width  # E per epoch stays the bolder one
    view.set_text_scale(1.75)
    assert _tick_points(view) == pytest.approx(1.75 * ticks)
    assert view._legend.opts["labelTextSize"] != legend
    assert view.iteration_curve.opts["pen"].widthF() == pytest.approx(1.75 * iteration_width)
    assert "17.5pt" in view.plot_item.getAxis("bottom").labelStyle["font-size"]
    view.set_text_scale(1.0)
    assert _tick_points(view) == pytest.approx(ticks)


def test_the_legend_stays_inside_a_narrow_enlarged_plot(qtbot, view):
    view.set_text_scale(1.75)
    view.resize(290, 250)
    qtbot.wait(10)
    legend = view._legend.sceneBoundingRect()
    scene = view.plot_item.sceneBoundingRect()
    assert scene.contains(legend)
    assert view._plot_widget.width() <= view.width()


def test_the_read_out_follows_the_digits_setting(view):
    view.set_digits(2)
    assert view.value_at(10).rsplit("= ", 1)[1] == f"{view._iteration_errors[9]:.2g}"
    view.set_digits(9)
    assert view.value_at(10).rsplit("= ", 1)[1] == f"{view._iteration_errors[9]:.9g}"


def test_tick_labels_have_a_true_minus_sign():
    axis = NumberAxis("left")
    assert axis.tickStrings([-0.5, 0.0, 0.5], 1.0, 0.5) == [f"{MINUS}0.5", "0", "0.5"]


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (640, 480), (300, 900)])
def test_a_png_has_exactly_the_size_asked(view, tmp_path, width, height):
    path = tmp_path / "curve.png"
    view.export_image(os.fspath(path), QSize(width, height))
    image = QImage(os.fspath(path))
    assert (image.width(), image.height()) == (width, height)
    assert view.iteration_curve.opts["pen"].widthF() == pytest.approx(1.5)  # pens back as on screen
    assert view.plot_item.size().toSize() == view._plot_widget.size()  # the layout back too


def test_a_large_picture_magnifies_the_text_rather_than_shrinking_the_plot():
    assert picture_scale(QSize(1920, 1080)) == pytest.approx(2.0)
    assert picture_scale(QSize(400, 300)) == 1.0


def test_no_size_means_the_size_on_screen(view, tmp_path):
    path = tmp_path / "curve.png"
    view.export_image(os.fspath(path))
    assert QImage(os.fspath(path)).size() == view.plot_item.size().toSize()


def test_an_svg_is_whole_xml_of_the_size_asked(view, tmp_path):
    path = tmp_path / "curve.svg"
    view.export_image(os.fspath(path), QSize(1920, 1080))
    root = ET.fromstring(path.read_bytes())
    assert root.tag.endswith("svg")
    assert [float(v) for v in root.get("viewBox").split()] == [0, 0, 1920, 1080]


def test_a_bad_path_changes_nothing_and_raises_the_projects_error(view, tmp_path):
    kept = tmp_path / "kept.png"
    kept.write_bytes(b"mine")
    os.chmod(kept, 0o444)
    for path in (tmp_path / "missing" / "curve.png", kept, tmp_path / "missing" / "curve.svg"):
        with pytest.raises(BpguiError):
            view.export_image(os.fspath(path), QSize(800, 600))
    assert kept.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.png"]
