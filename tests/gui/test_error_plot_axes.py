"""The curve's axes: tick labels that never overlap (any size, text scale, log scale), whole iterations and
epochs on the x axis, a readable minimum size, no pyqtgraph menus, room for the labels at the axes' ends."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from bpgui.views.error_plot import X_EPOCHS, ErrorPlotView
from bpgui.views.plot_text import NumberAxis

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def assert_apart(axis, drawn_labels) -> list[str]:
    labels = drawn_labels(axis)
    for n, (a, text_a) in enumerate(labels):
        # pyqtgraph's rects are 0.8 of the text's height: the glyphs reach 10 % past each edge
        grown = a.adjusted(0, -a.height() * 0.125, 0, a.height() * 0.125)
        for b, text_b in labels[n + 1:]:
            assert not grown.intersects(b), f"{text_a!r} {a} overlaps {text_b!r} {b}"
    return [text for _rect, text in labels]


def _view(qtbot, scale: float, width: int, height: int, n: int, log: bool) -> ErrorPlotView:
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.set_text_scale(scale)
    errors = 0.1 * np.exp(-np.arange(n) / max(n, 1)) + 0.03 * np.random.default_rng(1).random(n)
    ends = np.arange(0, n + 1, 4)
    view.set_history(errors, ends, errors[np.maximum(ends - 1, 0)])
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_log_scale(log)
    QApplication.processEvents()
    return view


@pytest.mark.parametrize(("scale", "size", "log"), [(1.0, (384, 178), True), (1.75, (360, 150), False),
                                                     (1.75, (360, 150), True), (1.0, (700, 400), True)])
def test_no_two_tick_labels_overlap(qtbot, drawn_labels, scale, size, log):
    view = _view(qtbot, scale, *size, 60, log)
    for name in ("left", "bottom"):
        assert assert_apart(view.plot_item.getAxis(name), drawn_labels), f"the {name} axis has a label"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(low=st.floats(-1e6, 1e6), width=st.floats(1e-6, 1e6), length=st.integers(30, 1500),
       points=st.floats(6, 30), vertical=st.booleans(), log=st.booleans())
def test_any_axis_keeps_its_labels_apart(qtbot, drawn_labels, low, width, length, points, vertical, log):
    axis = NumberAxis("left" if vertical else "bottom")
    font = axis.font()
    font.setPointSizeF(points)
    axis.setTickFont(font)
    axis.setLogMode(log)
    axis.setRange(low, low + width)
    axis.setGeometry(QRectF(0, 0, 60, length) if vertical else QRectF(0, 0, length, 40))
    assert_apart(axis, drawn_labels)


def test_the_x_axis_counts_whole_iterations_and_epochs(qtbot, drawn_labels):
    view = _view(qtbot, 1.0, 700, 400, 3, False)
    for mode in ("iteration", X_EPOCHS):
        view.set_x_axis(mode)
        QApplication.processEvents()
        axis = view.plot_item.getAxis("bottom")
        low, high = view.plot_item.getViewBox().viewRange()[0]
        assert high - low < 6  # a few iterations or epochs: pyqtgraph would put ticks at halves
        for _spacing, values in axis.tickValues(low, high, axis.width()):
            assert all(float(v).is_integer() for v in values), values
        assert all("." not in text for text in assert_apart(axis, drawn_labels))


def test_the_plot_keeps_six_lines_of_text(qtbot):
    view = _view(qtbot, 1.75, 500, 300, 30, False)
    line = view.fontMetrics().lineSpacing()
    small = view.minimumSizeHint()
    view.set_text_scale(1.0)
    assert small.height() > view.minimumSizeHint().height()  # it follows the text scale
    view.set_text_scale(1.75)
    view.resize(small)
    QApplication.processEvents()
    assert view.plot_item.getViewBox().height() >= 5 * line  # the plane itself, not only its axes


def test_right_click_shows_no_menu(qtbot, monkeypatch):
    view = _view(qtbot, 1.0, 500, 300, 30, False)
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *a: shown.append(menu))
    monkeypatch.setattr(QMenu, "exec", lambda menu, *a: shown.append(menu))
    plot = view.plot_item
    assert not plot.menuEnabled() and not plot.getViewBox().menuEnabled()
    assert not plot.scene().contextMenu  # no "Export..." on any item
    widget = view._plot_widget
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.RightButton, pos=widget.rect().center())
    QApplication.sendEvent(widget.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse,
                                                                 widget.rect().center(),
                                                                 widget.mapToGlobal(widget.rect().center())))
    assert shown == []


def test_the_top_tick_label_is_not_clipped(qtbot, drawn_labels):
    view = _view(qtbot, 2.5, 420, 500, 30, False)  # narrow: the legend moves into the plot
    view.plot_item.getViewBox().setYRange(0, 1, padding=0)
    QApplication.processEvents()
    axis = view.plot_item.getAxis("left")
    labels = drawn_labels(axis)
    top = min(labels, key=lambda label: label[0].top())
    assert top[1] == "1.0"
    scene_top = axis.mapRectToScene(top[0]).top() - top[0].height() * 0.125
    assert scene_top >= 0, f"the top label starts {scene_top} px above the picture"


def test_log_ticks_use_the_apps_number_format(qtbot, drawn_labels):
    view = _view(qtbot, 1.0, 500, 400, 60, True)
    axis = view.plot_item.getAxis("left")
    values = [math.log10(v) for v in (7e-5, 1e-5, 0.2, 1.0)]
    assert axis.tickStrings(values, 1.0, 1.0) == ["7×10⁻⁵", "1×10⁻⁵", "0.2", "1"]
    texts = [text for _rect, text in drawn_labels(axis)]
    assert texts and not any("·" in text for text in texts)
