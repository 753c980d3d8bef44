"""The error curve's legend: it wraps above the plot rather than widen it past its widget (which cut off
the newest iterations at 1024×768) or cover the curves (as the stacked corner legend did at 175 %)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from bpgui.views.error_plot import ErrorPlotView
from bpgui.views.text_scale import apply_text_scale

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

ZH_NAME = "每次迭代的 Eₖ"  # the Chinese legend's first entry


def _decreasing(n: int = 400, seed: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A typical run: E_k noisy around a falling mean, E per epoch falling smoothly."""
    rng = np.random.default_rng(seed)
    t = np.arange(1, n + 1)
    errors = np.abs(0.25 * np.exp(-t / 150) + 0.02 + rng.normal(0, 0.01, n))
    ends = np.arange(0, n + 1, 8)
    return errors, ends, 0.25 * np.exp(-ends / 150) + 0.02


def _shown(qtbot, width: int, height: int, scale: float, name: str | None) -> ErrorPlotView:
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.set_history(*_decreasing())
    if name is not None:
        view.set_iteration_curve_name(name)
    view.set_text_scale(scale)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    return view


def _scene_points(view: ErrorPlotView) -> list[QPointF]:
    box = view.plot_item.getViewBox()
    points = []
    for curve in (view.iteration_curve, view.epoch_curve):
        x, y = curve.getData()
        points += [box.mapViewToScene(QPointF(float(a), float(b))) for a, b in zip(x, y, strict=True)]
    return points


def _assert_whole_curve_shown(view: ErrorPlotView) -> None:
    widget = view._plot_widget
    assert view.plot_item.sceneBoundingRect().width() <= widget.viewport().width() + 0.5
    box = view.plot_item.getViewBox()
    x, y = view.iteration_curve.getData()
    last = box.mapViewToScene(QPointF(float(x[-1]), float(y[-1])))
    assert box.sceneBoundingRect().left() <= last.x() <= box.sceneBoundingRect().right() + 0.5
    assert last.x() <= widget.viewport().width(), "the newest iteration is cut off"


@pytest.mark.parametrize("scale", [1.0, 1.75, 2.5])
@pytest.mark.parametrize("name", [None, ZH_NAME, "batch error (mean over B samples)"])
@pytest.mark.parametrize("width", [282, 351, 640])
def test_the_plot_never_grows_past_its_widget(qtbot, scale, name, width):
    view = _shown(qtbot, width, 420, scale, name)
    _assert_whole_curve_shown(view)
    legend = view._legend.sceneBoundingRect()
    assert view.plot_item.sceneBoundingRect().contains(legend)


@pytest.mark.parametrize("scale", [1.0, 1.75])
@pytest.mark.parametrize("size", [(282, 260), (351, 250), (640, 400)])
def test_the_legend_covers_no_data_point(qtbot, scale, size):
    view = _shown(qtbot, *size, scale, None)
    legend = view._legend.sceneBoundingRect()
    assert legend.height() > 0
    under = [p for p in _scene_points(view) if legend.contains(p)]
    assert not under, f"{len(under)} points under the legend"
    assert legend.bottom() <= view.plot_item.getViewBox().sceneBoundingRect().top() + 0.5


def test_the_legend_wraps_only_when_it_must(qtbot):
    view = _shown(qtbot, 900, 400, 1.0, None)
    assert view._legend.columnCount == 2  # one row: both entries side by side
    view.set_text_scale(2.5)
    view.resize(300, 400)
    QApplication.processEvents()
    assert view._legend.columnCount == 1
    _assert_whole_curve_shown(view)


@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_the_window_at_1024x768_shows_the_newest_iterations(qtbot, window, scale):
    try:
        window.resize(1024, 768)
        window.controller.fast_forward(3)
        window.set_text_scale(scale)
        for _ in range(5):
            QApplication.processEvents()
        view = window.findChild(ErrorPlotView)
        assert view.isVisible()
        _assert_whole_curve_shown(view)
    finally:
        apply_text_scale(1.0)
