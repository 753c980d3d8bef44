"""A Step after a long Run costs the error plot little (issue 11): a new point that fills no new downsampling
bucket hands the curves nothing and asks for no auto-range, a long curve repaints from a pixmap, an axis
builds its ticks with fewer Python objects. Each saving is checked against the slow road: the same
pixels as a plot built from scratch with nothing cached, the same axis specs and ticks as pyqtgraph's,
the hover still reading the newest point, and pictures drawn from lines, not from a pixmap."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage, QPainter, QPicture
from PySide6.QtWidgets import QGraphicsItem

from bpgui.views import axis_specs, error_plot_items, plot_text
from bpgui.views.error_plot import X_EPOCHS, ErrorPlotView
from bpgui.views.error_plot_items import CACHED_POINTS, uncached

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
# "The same picture": at most this fraction of pixels differs, by at most this much in a channel (measured: none).
AT_MOST, BY = 0.001, 8


def _history(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A noisy falling E_k of n iterations, an epoch every 4 (as XOR's), fresh arrays each time."""
    rng = np.random.default_rng(seed)
    errors = np.abs(rng.normal(0.0, 0.05, n)) + 0.25 / (1.0 + np.arange(n) / 2_000)
    ends = np.arange(0, n + 1, 4)
    return errors, ends, np.r_[0.3, errors[3::4][: ends.shape[0] - 1]]


def _image(view: ErrorPlotView) -> np.ndarray:
    image = view.plot_item.getViewWidget().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return bits[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def _same_picture(a: np.ndarray, b: np.ndarray) -> bool:
    different = np.abs(a - b).max(axis=2) > BY
    return a.shape == b.shape and different.mean() <= AT_MOST


def _stepped(view: ErrorPlotView, n: int, steps: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The history of n iterations reached one Step at a time from n − steps, each shown and painted."""
    full = _history(n)
    for k in range(n - steps, n + 1):
        rows = k // 4 + 1
        view.set_history(full[0][:k].copy(), full[1][:rows].copy(), full[2][:rows].copy())
        view.plot_item.getViewWidget().viewport().repaint()
    return full


@pytest.mark.parametrize("mode", ["iterations", "epochs", "log"])
def test_steps_after_a_long_run_show_what_a_plot_built_from_scratch_without_pixmaps_shows(show, mode):
    views = [show(ErrorPlotView(), 700, 400) for _ in range(2)]
    for view in views:
        if mode == "epochs":
            view.set_x_axis(X_EPOCHS)
        view.set_log_scale(mode == "log")
    stepped, fresh = views
    n = 30_000
    _stepped(stepped, n, 40)
    errors, ends, epoch = _history(n)
    rows = n // 4 + 1
    fresh.set_history(errors[:n], ends[:rows], epoch[:rows])
    assert stepped.iteration_curve.curve.cacheMode() == CACHED  # a long curve: from a pixmap
    assert stepped.plot_item.getViewBox().viewRange() == fresh.plot_item.getViewBox().viewRange()
    for mine, theirs in ((stepped.iteration_curve, fresh.iteration_curve), (stepped.epoch_curve, fresh.epoch_curve)):
        assert np.array_equal(mine.curve.xData, theirs.curve.xData)
        assert np.array_equal(mine.curve.yData, theirs.curve.yData)
    with uncached(fresh.plot_item):  # the slow road: every curve stroked afresh
        assert fresh.iteration_curve.curve.cacheMode() != CACHED
        slow = _image(fresh)
    assert _same_picture(_image(stepped), slow)
    assert fresh.iteration_curve.curve.cacheMode() == CACHED  # … and back after it


def test_a_step_that_fills_no_new_bucket_hands_nothing_and_asks_for_no_auto_range(show):
    view = show(ErrorPlotView(), 700, 400)
    errors, _ends, epoch = _stepped(view, 30_000, 2)
    curve, box = view.iteration_curve, view.plot_item.getViewBox()
    quiet = 0
    for k in range(30_001, 30_041):
        handed = curve.handed["curve"]
        rows = k // 4 + 1
        more = np.r_[errors, np.full(k - errors.shape[0], 0.2)]
        epochs = np.r_[epoch, np.full(rows - epoch.shape[0], 0.2)]
        view.set_history(more, np.arange(0, k + 1, 4)[:rows], epochs[:rows])
        if curve.handed["curve"] == handed:
            quiet += 1
            assert not box._autoRangeNeedsUpdate  # nothing new to range for
        assert view.value_at(float(k)) == f"t = {k}: Eₖ = 0.2"  # the hover reads the newest point
    assert quiet >= 30  # buckets of ~40 iterations: most steps fill none
    assert np.array_equal(curve.curve.yData, curve._datasetDisplay.y)  # what it draws is the display's


def test_arrays_refilled_in_place_with_other_values_are_handed_again_though_compared_by_value(show):
    view = show(ErrorPlotView(), 700, 400)
    errors, ends, epoch = _history(20_000)
    view.set_history(errors, ends, epoch)
    handed = view.iteration_curve.handed["curve"]
    view.set_history(errors, ends, epoch)  # the same values: nothing to hand
    assert view.iteration_curve.handed["curve"] == handed
    errors *= 3.0  # the same objects, new values
    view.set_history(errors, ends, epoch)
    assert view.iteration_curve.handed["curve"] == handed + 1
    assert np.isclose(view.iteration_curve.curve.yData.max(), errors.max())


def test_a_short_curve_is_stroked_and_a_long_one_cached(show):
    view = show(ErrorPlotView(), 700, 400)
    view.set_history(*_history(CACHED_POINTS // 2))
    assert view.iteration_curve.curve.cacheMode() == QGraphicsItem.CacheMode.NoCache
    view.set_history(*_history(20 * CACHED_POINTS))
    assert view.iteration_curve.curve.cacheMode() == CACHED


def test_an_svg_gets_the_curves_lines_not_a_raster_of_their_pixmaps(show, tmp_path):
    view = show(ErrorPlotView(), 600, 400)
    _stepped(view, 3_000, 3)
    assert view.iteration_curve.curve.cacheMode() == CACHED
    view.export_svg(tmp_path / "curve.svg", None)
    text = (tmp_path / "curve.svg").read_text()
    assert "<image" not in text and text.count("<polyline") > 100
    assert view.iteration_curve.curve.cacheMode() == CACHED  # the screen's cache is back


def _specs(specs) -> tuple:
    axis, ticks, texts = specs
    return ((axis[0].color().rgba(), axis[1].x(), axis[1].y(), axis[2].x(), axis[2].y()),
            [(pen.color().rgba(), pen.widthF(), p1.x(), p1.y(), p2.x(), p2.y()) for pen, p1, p2 in ticks],
            [(r.x(), r.y(), r.width(), r.height(), int(flags), text) for r, flags, text in texts])


@pytest.fixture(scope="module")
def axes_plot(qapp):
    widget = pg.PlotWidget(axisItems=plot_text.number_axes(integer_x=True))
    widget.show()
    yield widget
    widget.close()


@settings(max_examples=60, deadline=None)
@given(st.floats(-1e5, 1e5), st.floats(-3, 6), st.integers(120, 1400), st.integers(90, 900), st.booleans(),
       st.sampled_from([1.0, 1.75, 2.5]))
def test_axis_specs_and_ticks_are_pyqtgraphs(axes_plot, low, decades, width, height, log, scale):
    plot = axes_plot.getPlotItem()
    plot_text.scale_axes(plot, axes_plot.font(), scale)
    plot.setLogMode(False, log)
    plot.setXRange(low, low + 10.0 ** decades, padding=0)
    plot.setYRange(-2.0, 1.5, padding=0) if log else plot.setYRange(low, low + 10.0 ** decades, padding=0)
    axes_plot.resize(width, height)
    plot.layout.activate()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        assert axis.tickValues(*axis.range, 500.0) == pg.AxisItem.tickValues(axis, *axis.range, 500.0)
        picture = QPicture()
        painter = QPainter(picture)
        painter.setFont(axis.style["tickFont"])
        grown: list[float] = []  # the text size each asks the axis to make room for (a side effect)
        axis._updateMaxTextSize = grown.append
        try:
            mine, theirs = axis_specs.draw_specs(axis, painter), pg.AxisItem.generateDrawSpecs(axis, painter)
        finally:
            del axis._updateMaxTextSize
        painter.end()
        assert (mine is None) == (theirs is None)
        assert len(grown) == (0 if mine is None else 2) and grown[:1] == grown[1:]
        if mine is not None:
            assert _specs(mine) == _specs(theirs)


def test_an_axis_draws_its_ticks_as_pyqtgraph_does(axes_plot):
    plot = axes_plot.getPlotItem()
    plot.setLogMode(False, False)
    plot.setXRange(0, 57, padding=0)
    axes_plot.resize(500, 300)
    plot.layout.activate()
    axis = plot.getAxis("bottom")
    images = []
    for draw in (type(axis).drawPicture, pg.AxisItem.drawPicture):
        image = QImage(600, 400, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setFont(axis.style["tickFont"])
        specs = pg.AxisItem.generateDrawSpecs(axis, painter)
        draw(axis, painter, *specs)
        painter.end()
        images.append(image)
    assert len(specs[1]) > 20 and images[0] == images[1]


def test_a_zoomed_view_strokes_its_curves_and_auto_range_caches_them_again(show):
    view = show(ErrorPlotView(), 700, 400)
    _stepped(view, 20_000, 2)
    curve, box = view.iteration_curve.curve, view.plot_item.getViewBox()
    assert curve.cacheMode() == CACHED
    box.setRange(xRange=(5_000, 5_100), yRange=(0.1, 0.1001), padding=0)  # bounds far past the view
    assert curve.cacheMode() == QGraphicsItem.CacheMode.NoCache
    view.plot_item.getViewWidget().grab()
    box.enableAutoRange()
    error_plot_items.settle_range(view.plot_item)
    assert curve.cacheMode() == CACHED


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just(float("nan"))), min_size=1,
                max_size=40))
def test_the_display_caps_largest_value_is_nanmaxs(values):
    from bpgui.views.error_plot_data import _largest

    a = np.array(values, dtype=np.float64)
    expected = float(np.nanmax(a, initial=0.0)) if not np.isnan(a).all() else 0.0
    assert _largest(a) == expected or (np.isnan(_largest(a)) and np.isnan(expected))


def test_a_step_with_the_same_style_hands_pyqtgraph_only_the_data_and_a_new_style_still_applies(show, monkeypatch):
    view = show(ErrorPlotView(), 700, 400)
    view.set_history(*_history(30))
    curve = view.epoch_curve
    given: list[set[str]] = []
    set_data = pg.PlotDataItem.setData
    monkeypatch.setattr(pg.PlotDataItem, "setData",
                        lambda self, *a, **k: (self is curve and given.append(set(k))) or set_data(self, *a, **k))
    view.set_history(*_history(31))
    assert given == [{"x", "y", "connect", "skipFiniteCheck"}]  # the same symbols and sizes: not again
    view.set_text_scale(2.0)
    assert "symbolSize" in given[-1]
    assert curve.scatter.opts["size"] == pytest.approx(error_plot_items.pens(2.0).symbol_size)
