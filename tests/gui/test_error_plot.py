"""ErrorPlotView: the curves show the trainer's figures exactly and the view never changes the model."""

import os

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QLabel

from bpgui.model.datasets import load_builtin, train_test_split
from bpgui.model.errors import BpguiError
from bpgui.model.network import Network
from bpgui.model.numbers import format_number
from bpgui.model.training import Trainer
from bpgui.session.history import History
from bpgui.views.error_plot import X_EPOCHS, X_ITERATIONS, ErrorPlotView

# The offscreen platform (tests/conftest.py) warns when a window is shown; nothing else may warn.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def xor_trainer():
    trainer = Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"))
    trainer.advance(400, use_stop_conditions=False)
    return trainer


@pytest.fixture
def fresh_trainer():
    trainer = Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"))
    trainer.advance(400, use_stop_conditions=False)
    return trainer


@pytest.fixture
def view(qtbot):
    widget = ErrorPlotView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    return widget


def _shown(qtbot, widget):
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_curves_hold_the_trainers_arrays_exactly_and_the_trainer_is_untouched(view, xor_trainer):
    before = (xor_trainer.iteration, xor_trainer.end, xor_trainer.iteration_errors.copy())
    view.show_history(History.of(xor_trainer))

    log = xor_trainer.epochs
    x, y = view.iteration_curve.getData()
    assert np.array_equal(x, np.arange(1, 401))
    assert np.array_equal(y, xor_trainer.iteration_errors)
    assert np.array_equal(view.iteration_curve.xData, np.arange(1, 401))
    assert np.array_equal(view.iteration_curve.yData, xor_trainer.iteration_errors)
    x, y = view.epoch_curve.getData()
    assert np.array_equal(x, log.iteration.view())
    assert np.array_equal(y, log.error.view())
    assert x[0] == 0 and x[-1] == 400  # row 0 is before training

    assert (xor_trainer.iteration, xor_trainer.end) == before[:2]
    assert np.array_equal(xor_trainer.iteration_errors, before[2])


def test_an_update_replaces_the_data_of_the_same_items(view, fresh_trainer):
    view.show_history(History.of(fresh_trainer))
    items = list(view.plot_item.listDataItems())
    curves = (view.iteration_curve, view.epoch_curve, view.test_curve)

    fresh_trainer.advance(300, use_stop_conditions=False)
    view.show_history(History.of(fresh_trainer))

    assert view.plot_item.listDataItems() == items  # same objects, none added
    assert (view.iteration_curve, view.epoch_curve, view.test_curve) == curves
    assert np.array_equal(view.iteration_curve.xData, np.arange(1, 701))
    assert np.array_equal(view.iteration_curve.yData, fresh_trainer.iteration_errors)
    assert np.array_equal(view.epoch_curve.xData, fresh_trainer.epochs.iteration.view())
    assert np.array_equal(view.epoch_curve.yData, fresh_trainer.epochs.error.view())


def test_the_marker_shows_only_after_stepping_back(view, fresh_trainer):
    view.show_history(History.of(fresh_trainer))
    assert not view.marker.isVisible()

    fresh_trainer.goto(150)
    view.show_history(History.of(fresh_trainer))
    assert view.marker.isVisible() and view.marker.value() == 150
    # stepping back leaves the computed future on the plot
    assert len(view.iteration_curve.yData) == 400

    view.set_x_axis(X_EPOCHS)  # XOR has 4 samples: t = 150 is epoch 37.5
    assert view.marker.value() == pytest.approx(37.5)

    fresh_trainer.goto(400)
    view.show_history(History.of(fresh_trainer))
    assert not view.marker.isVisible()


def test_epoch_mode_puts_epochs_on_the_x_axis(view, fresh_trainer):
    view.show_history(History.of(fresh_trainer))
    view.set_x_axis(X_EPOCHS)
    assert view.x_axis() == X_EPOCHS

    rows = len(fresh_trainer.epochs)
    assert rows == 101
    assert np.array_equal(view.epoch_curve.xData, np.arange(rows))
    assert np.array_equal(view.epoch_curve.yData, fresh_trainer.epochs.error.view())
    # E_k of iteration t sits at the fraction of its epoch done: t / 4 for XOR
    np.testing.assert_allclose(view.iteration_curve.xData, np.arange(1, 401) / 4, rtol=0, atol=1e-12)
    assert np.array_equal(view.iteration_curve.yData, fresh_trainer.iteration_errors)
    assert view.plot_item.getAxis("bottom").labelText == "epoch"

    # the epoch in progress continues at the same pace
    fresh_trainer.advance(2, use_stop_conditions=False)
    view.show_history(History.of(fresh_trainer))
    np.testing.assert_allclose(view.iteration_curve.xData[-2:], [100.25, 100.5], rtol=0, atol=1e-12)

    view.set_x_axis(X_ITERATIONS)
    assert np.array_equal(view.iteration_curve.xData, np.arange(1, 403))
    assert view.plot_item.getAxis("bottom").labelText == "iteration"


def test_log_scale_copes_with_zeros(qtbot, view):
    _shown(qtbot, view)
    errors = np.array([0.5, 0.0, 0.25, 1e-3, 0.125])
    ends = np.array([0, 2, 4])
    epoch = np.array([0.4, 0.0, 0.1])
    view.set_history(errors, ends, epoch, np.array([0.45, 0.05, 0.0]), iterations_per_epoch=2)
    view.set_current_iteration(3, 5)

    view.set_log_scale(True)
    assert view.plot_item.getAxis("left").logMode
    for curve in (view.iteration_curve, view.epoch_curve, view.test_curve):
        _x, y = curve.getData()  # log10 of what is drawn
        assert np.isfinite(y).all()
    assert view.iteration_curve.yData.min() > 0  # drawn at a floor below 1e-3
    assert view.value_at(2) == "t = 2: Eₖ = 0"  # the hover still tells the truth
    view.set_x_axis(X_EPOCHS)
    assert view.value_at(1) == "epoch 1 (t = 2): E = 0, test E = 0.05"
    view.grab()  # paint: no Qt warnings (pytest-qt fails the test on any)

    view.set_log_scale(False)
    view.set_x_axis(X_ITERATIONS)
    assert not view.plot_item.getAxis("left").logMode
    assert np.array_equal(view.iteration_curve.yData, errors)
    assert np.shares_memory(view.iteration_curve.yData, errors)  # exact values back, no copy kept
    view.grab()


def test_value_at_gives_the_nearest_value_to_the_digits_setting(view, xor_trainer):
    assert view.value_at(10) == ""  # nothing to show yet
    view.show_history(History.of(xor_trainer))
    errors = xor_trainer.iteration_errors

    assert view.value_at(123.4) == f"t = 123: Eₖ = {format_number(errors[122], 4)}"  # the default 4 digits
    view.set_digits(17)
    text = view.value_at(123.4)
    assert float(text.rsplit("= ", 1)[1]) == errors[122]  # 17 digits: reads back exactly
    assert view.value_at(-50).startswith("t = 1: ")
    assert view.value_at(1e9).startswith("t = 400: ")
    assert view.value_at(float("nan")) == ""

    view.set_x_axis(X_EPOCHS)
    log = xor_trainer.epochs
    assert view.value_at(10.4) == f"epoch 10 (t = 40): E = {format_number(log.error[10], 17)}"


def test_hovering_shows_the_value_in_the_label(qtbot, view, xor_trainer):
    _shown(qtbot, view)
    view.show_history(History.of(xor_trainer))
    label = view.findChild(QLabel, "value_label")
    graphics = view.findChild(pg.PlotWidget)
    vb = view.plot_item.getViewBox()
    vb.setRange(xRange=(0, 400), yRange=(0, 1), padding=0)
    view.grab()
    QApplication.processEvents()  # the axes take their widths from the first paint: the plot area moves

    def point_at(x, y=0.5):
        return graphics.mapFromScene(vb.mapViewToScene(QPointF(x, y)))

    # The mouse moves over the plot as a user's would; pyqtgraph's rate-limiting
    # proxy hands the move on from its timer, hence waitUntil.
    qtbot.mouseMove(graphics.viewport(), point_at(200))
    qtbot.waitUntil(lambda: label.text().startswith("t = "), timeout=2000)
    assert label.text() == view.value_at(200)
    assert label.text().startswith("t = 200: Eₖ = ")

    qtbot.mouseMove(graphics.viewport(), point_at(123))
    qtbot.waitUntil(lambda: label.text().startswith("t = 123: "), timeout=2000)
    assert label.text() == view.value_at(123)

    left_axis = graphics.mapFromScene(QPointF(vb.sceneBoundingRect().left() - 10, vb.sceneBoundingRect().center().y()))
    assert graphics.viewport().rect().contains(left_axis)  # over the axis, not off the widget
    qtbot.mouseMove(graphics.viewport(), left_axis)
    qtbot.waitUntil(lambda: not label.text().startswith("t = "), timeout=2000)
    assert label.text() == "Point at a curve to read its value"


def test_the_test_curve_appears_only_with_a_test_set(view, xor_trainer, qtbot):
    view.show_history(History.of(xor_trainer))
    assert not view.test_curve.isVisible()
    assert view.legend_labels() == ["Eₖ per iteration", "E per epoch"]

    train, test = train_test_split(load_builtin("moons"), 0.3, 0)
    trainer = Trainer(Network.initialise((2, 4, 1)), train, test=test)
    trainer.advance(3 * train.n_samples, use_stop_conditions=False)
    view.show_history(History.of(trainer))
    assert view.test_curve.isVisible()
    assert view.legend_labels() == ["Eₖ per iteration", "E per epoch", "test E"]
    x, y = view.test_curve.getData()
    assert np.array_equal(x, trainer.epochs.iteration.view())
    assert np.array_equal(y, trainer.epochs.test_error.view())
    assert np.isfinite(y).all() and len(y) == 4

    view.show_history(History.of(xor_trainer))  # and away again
    assert not view.test_curve.isVisible()
    assert view.legend_labels() == ["Eₖ per iteration", "E per epoch"]


def test_a_million_iterations_keep_the_fast_paths(qtbot, view):
    _shown(qtbot, view)
    n = 1_000_000
    errors = np.random.default_rng(0).random(n)
    ends = np.arange(0, n + 1, 1000)
    epoch = np.linspace(0.5, 0.1, ends.shape[0])
    view.set_history(errors, ends, epoch)

    assert view.plot_item.downsampleMode()[1:] == (True, "peak")
    assert view.plot_item.clipToViewMode()
    for curve in (view.iteration_curve, view.epoch_curve, view.test_curve):
        assert curve.opts["autoDownsample"] and curve.opts["downsampleMethod"] == "peak"
        assert curve.opts["clipToView"]
    assert view.iteration_curve.opts["skipFiniteCheck"]
    assert np.shares_memory(view.iteration_curve.yData, errors)  # referenced, not copied
    assert view.iteration_curve.xData[0] == 1 and view.iteration_curve.xData[-1] == n
    assert view.epoch_curve.opts["symbol"] is None  # many epochs: no symbols
    view.grab()
    assert len(view.iteration_curve.getData()[0]) < n / 10  # what is drawn is downsampled


def test_non_finite_data_are_not_drawn_with_the_fast_path(view):
    view.set_history(np.array([0.5, np.nan, 0.25]), np.array([0]), np.array([0.5]))
    assert view.iteration_curve.opts["skipFiniteCheck"] is False
    assert view.iteration_curve.opts["connect"] == "finite"
    view.grab()


def test_settings_emit_signals(qtbot, view):
    with qtbot.waitSignal(view.x_axis_changed) as blocker:
        view.set_x_axis(X_EPOCHS)
    assert blocker.args == [X_EPOCHS]
    with qtbot.waitSignal(view.log_scale_changed) as blocker:
        view.set_log_scale(True)
    assert blocker.args == [True] and view.log_scale()
    with pytest.raises(ValueError):
        view.set_x_axis("seconds")


def test_clear_empties_the_plot(view, xor_trainer):
    view.show_history(History.of(xor_trainer))
    xor_trainer_t = xor_trainer.iteration
    view.set_current_iteration(10, 400)
    view.clear()
    assert view.iteration_curve.xData is None and view.epoch_curve.xData is None
    assert not view.marker.isVisible()
    assert view.value_at(5) == ""
    assert xor_trainer.iteration == xor_trainer_t


def test_exports_write_whole_files_and_leave_no_temporary(qtbot, view, xor_trainer, tmp_path, monkeypatch):
    _shown(qtbot, view)
    view.show_history(History.of(xor_trainer))
    png, svg = tmp_path / "errors.png", tmp_path / "errors.svg"
    view.export_png(png)
    view.export_svg(svg)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.png", "errors.svg"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert png.stat().st_mode & 0o777 == 0o666 & ~umask  # ordinary permissions, not a temp file's 0600

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("bpgui.views.error_plot.os.replace", fail)
    with pytest.raises(BpguiError, match="disk full"):  # named by the user's path, not the temporary's
        view.export_svg(tmp_path / "other.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.png", "errors.svg"]
