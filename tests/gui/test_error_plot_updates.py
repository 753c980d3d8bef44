"""A step's plot update hands pyqtgraph only what changed: each curve its data once, the dots only their new
points and their style once, nothing for an absent test curve or a hidden marker; and what is shown is what a
full update would show."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from pyqtgraph.graphicsItems.PlotDataItem import PlotDataset

import bpgui.views.error_plot as error_plot
from bpgui.views.error_plot import FEW_EPOCHS, ErrorPlotView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def view(show):
    return show(ErrorPlotView(), 700, 400)


def _history(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    errors = 0.5 / (1 + 0.1 * np.arange(n))
    ends = np.arange(n + 1)  # one sample: an epoch per iteration
    return errors, ends, np.r_[0.6, errors]


def _grow(view: ErrorPlotView, n: int) -> None:
    view.set_history(*_history(n))  # fresh arrays each time, as the controller hands them
    view.plot_item.getViewWidget().grab()  # and a paint


def test_a_growing_history_hands_each_curve_its_data_once_and_the_dots_only_their_new_points(view):
    _grow(view, 3)
    curves = (view.iteration_curve, view.epoch_curve)
    before = [dict(c.handed) for c in curves]
    for n in range(4, FEW_EPOCHS - 2):
        _grow(view, n)
    steps = FEW_EPOCHS - 2 - 4
    for curve, start in zip(curves, before, strict=True):
        assert curve.handed["curve"] - start["curve"] == steps  # not again for the range each step changes
        assert curve.handed["dots"] - start["dots"] == steps  # one new dot a step, not all of them
        assert curve.handed["dot_style"] == start["dot_style"]  # the style once, not at every step
    n = FEW_EPOCHS - 3
    errors, ends, epoch = _history(n)
    dots_x, dots_y = view.iteration_curve.scatter.getData()
    assert np.array_equal(dots_x, np.arange(1, n + 1)) and np.array_equal(dots_y, errors)  # the same as all at once
    dots_x, dots_y = view.epoch_curve.scatter.getData()
    assert np.array_equal(dots_x, ends) and np.array_equal(dots_y, epoch)
    assert view.test_curve.handed == {"curve": 0, "dots": 0, "dot_style": 0}  # no test set: never touched


def test_changed_dots_and_a_new_style_are_handed_whole(view):
    _grow(view, 10)
    curve = view.epoch_curve
    start = dict(curve.handed)
    errors, ends, epoch = _history(10)
    view.set_history(errors, ends, epoch * 0.5)  # the same length, other values (a new run)
    assert curve.handed["dots"] - start["dots"] == 11
    assert np.array_equal(curve.scatter.getData()[1], epoch * 0.5)
    view.set_text_scale(1.5)  # bigger dots: the style again
    assert curve.handed["dot_style"] == start["dot_style"] + 1
    assert curve.scatter.opts["size"] == pytest.approx(error_plot.pens(1.5).symbol_size)
    _grow(view, FEW_EPOCHS + 5)  # past the few: no dots at all
    assert not curve.scatter.isVisible()


def test_arrays_refilled_in_place_are_handed_again(view):
    errors, ends, epoch = _history(200)
    view.set_history(errors, ends, epoch)
    errors *= 2.0  # the same objects, new values
    view.set_history(errors, ends, epoch)
    assert np.array_equal(view.iteration_curve.curve.yData, errors)


def test_the_control_bar_is_laid_out_again_only_when_the_longest_value_changes(view, monkeypatch):
    calls = []
    place = error_plot.place_value_label
    monkeypatch.setattr(error_plot, "place_value_label", lambda *args: calls.append(args[-1]) or place(*args))
    _grow(view, 50)
    calls.clear()
    _grow(view, 51)
    _grow(view, 52)
    assert calls == []  # the longest read-out is as long as before
    view.set_digits(17)  # the read-out's digits: laid out again
    assert len(calls) == 1 and "t = 52" in calls[0]
    _grow(view, 1_000)  # t = 1000 reads out longer
    assert len(calls) == 2 and "t = 1000" in calls[1]


def test_the_hidden_marker_label_is_placed_when_shown(view):
    _grow(view, 100)
    label = view._marker_label
    view.set_current_iteration(40, 100)
    assert label.isVisible()
    view.set_current_iteration(100, 100)  # hidden …
    _grow(view, 300)  # … while the range changes
    view.set_current_iteration(250, 300)
    shown_at = label.pos()
    label.updatePosition()  # where pyqtgraph would put it now
    assert label.pos() == shown_at
    assert view.marker.value() == 250


def test_hidden_axes_follow_no_range(view):
    for name in ("top", "right"):
        assert view.plot_item.getAxis(name).linkedView() is None
    for name in ("left", "bottom"):
        assert view.plot_item.getAxis(name).linkedView() is view.plot_item.getViewBox()


def _pyqtgraphs(item) -> tuple[np.ndarray, np.ndarray]:
    """What pyqtgraph's own _getDisplayDataset makes of the item's data now."""
    saved = item._datasetDisplay, item._adsLastValue
    item._datasetDisplay = None
    try:
        shown = pg.PlotDataItem._getDisplayDataset(item)
        return shown.x, shown.y
    finally:
        item._datasetDisplay, item._adsLastValue = saved


@pytest.mark.parametrize("log", [False, True])
def test_peaks_of_a_growing_history_are_pyqtgraphs_bitwise_reducing_only_new_buckets(view, log):
    rng = np.random.default_rng(3)
    errors = np.abs(rng.standard_normal(30_000)) * np.exp(-np.arange(30_000) / 9_000)
    errors[::997] = 0.0  # zeros: the log scale's floor
    view.set_log_scale(log)
    item = view.iteration_curve
    reduced = []
    for n in [20_000, *range(20_001, 20_200, 7), 24_000, 12_000, 29_999]:
        view.set_history(errors[:n].copy(), np.arange(0, n + 1, 4), np.r_[0.5, errors[3:n:4]])
        x, y = item.curve.xData, item.curve.yData
        mine = item._datasetDisplay
        assert item.peaks.ds > 1 and mine.x.shape[0] == 2 * (n // item.peaks.ds)
        px, py = _pyqtgraphs(item)
        assert np.array_equal(mine.x, px) and np.array_equal(mine.y, py)  # bitwise, NaN-free here
        assert np.array_equal(x, px) and np.array_equal(y, py)
        reduced.append(item.peaks.reduced)
    steps = np.diff(reduced[:30])
    assert steps.max() <= 1  # a step reduces at most its one new bucket, not all ~1,000 again
    errors[100] = 9.0  # an old value changed (the arrays are refilled): all reduced again
    view.set_history(errors[:29_999].copy(), np.arange(0, 30_000, 4), np.r_[0.5, errors[3:29_999:4]])
    assert item.peaks.reduced - reduced[-1] == 29_999 // item.peaks.ds
    assert np.array_equal(item.curve.yData, _pyqtgraphs(item)[1])


def test_a_zoomed_view_clips_with_pyqtgraphs_own_display(view):
    errors = np.linspace(1.0, 0.1, 20_000)
    view.set_history(errors, np.arange(0, 20_001, 4), np.r_[1.0, errors[3::4]])
    item = view.iteration_curve
    reduced = item.peaks.reduced
    view.plot_item.getViewBox().setXRange(5_000, 6_000, padding=0)  # auto-range off: pyqtgraph clips
    assert item.peaks.reduced == reduced
    x = item.curve.xData
    assert x.min() >= 4_900 and x.max() <= 6_100 and np.array_equal(x, _pyqtgraphs(item)[0])


@pytest.mark.parametrize("log", [False, True])
def test_the_curves_bounds_are_pyqtgraphs(view, log):
    errors = np.abs(np.random.default_rng(5).standard_normal(5_000)) + 1e-3
    view.set_log_scale(log)
    view.set_history(errors, np.arange(0, 5_001, 4), np.r_[0.5, errors[3::4]])
    for item in (view.iteration_curve, view.epoch_curve):
        curve = item.curve
        assert curve.opts["skipFiniteCheck"]  # the fast path's
        for ax in (0, 1):
            curve._boundsCache[ax] = None
            mine = curve.dataBounds(ax)
            curve._boundsCache[ax] = None
            assert mine == pg.PlotCurveItem.dataBounds(curve, ax)
    errors[7] = np.nan  # not known finite: pyqtgraph's own
    view.set_history(errors, np.arange(0, 5_001, 4), np.r_[0.5, errors[3::4]])
    assert not view.iteration_curve.curve.opts["skipFiniteCheck"]
    assert np.isfinite(view.iteration_curve.curve.dataBounds(1)).all()


def test_a_step_reads_the_long_history_once_and_a_history_cut_and_regrown_shows_its_new_values(view):
    """A step compares the history with what the curve saw once (its Seen), and the peaks and the bounds follow
    from that; a run stepped back and on with other settings between two updates (same buffer, longer, other
    values after the cut) is shown as a plot built from scratch shows it."""
    rng = np.random.default_rng(5)
    buffer = np.abs(rng.standard_normal(40_000)) * 0.3
    ends = np.arange(0, 40_001, 4)

    def update(n: int) -> None:
        view.set_history(buffer[:n], ends[: n // 4 + 1], np.r_[0.3, buffer[3:n:4]])

    item = view.iteration_curve
    update(30_000)
    compared, peaks_compared = item.seen.compared, item.peaks.compared
    for n in range(30_001, 30_041):
        update(n)
        assert item.seen.compared - compared == n - 1  # the part seen before, once
        compared = item.seen.compared
    assert item.peaks.compared == peaks_compared  # the Seen's comparison stood for its own
    buffer[20_000:] = np.abs(rng.standard_normal(20_000))  # stepped back to 20,000 and on: other values
    update(30_100)
    assert np.array_equal(item.curve.yData, _pyqtgraphs(item)[1])  # the new values' peaks, as pyqtgraph makes them
    assert item._datasetMapped.dataRect() == PlotDataset(np.arange(1, 30_101), buffer[:30_100]).dataRect()
    assert view.plot_item.getViewBox().viewRange()[1][1] >= float(buffer[:30_100].max())  # the new top is in view
