"""Issue 11's savings in the error curve and the decision map: the work skipped is really skipped
(counted paints, picture regenerations, surface computations), and what is shown is still right
(the same pixels, the new numbers after a step)."""

from __future__ import annotations

import itertools
import statistics

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from bpgui.model import plane_map
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.views.error_plot import ErrorPlotView
from bpgui.views.error_plot_items import GridLines


class EventCounter(QObject):
    """Counts the events of one type a watched object receives (paints, layout requests)."""

    def __init__(self, kind: QEvent.Type = QEvent.Type.Paint) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def _render(widget: pg.PlotWidget, width: int, height: int) -> QImage:
    """What ``widget`` draws, shown at ``width`` × ``height`` on white; the widget is closed after."""
    widget.show()
    QApplication.processEvents()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    widget.scene().render(painter, QRectF(0, 0, width, height), widget.sceneRect())
    painter.end()
    widget.close()
    return image


def _grid_image(grid_type: type, x_range: tuple[float, float], y_range: tuple[float, float]) -> QImage:
    """A plot with only a grid of ``grid_type``, rendered at 400 × 300."""
    widget = pg.PlotWidget(background="w")
    widget.resize(400, 300)
    grid = grid_type(textPen=None)
    grid.setPen(pg.mkPen("#e4e4e4"))
    widget.getPlotItem().addItem(grid, ignoreBounds=True)
    widget.getPlotItem().setRange(xRange=x_range, yRange=y_range, padding=0)
    return _render(widget, 400, 300)


@pytest.mark.parametrize("x_range,y_range", [((0, 1), (0, 1)), ((-3.7, 1234.5), (0.001, 0.0173)),
                                             ((1e5, 1e6), (-50, 50)), ((0, 7), (0.2, 0.3))])
def test_grid_lines_draw_the_same_pixels_as_pyqtgraphs_grid(qtbot, x_range, y_range):
    assert _grid_image(GridLines, x_range, y_range) == _grid_image(pg.GridItem, x_range, y_range)


def test_a_step_paints_the_error_curve_once_and_shows_the_new_error(window, qtbot):
    """Auto-range happens when the data are set, not inside the paint (which asked for a second one)."""
    c = window.controller
    window.right_tabs.setCurrentWidget(window.plot)
    qtbot.wait(50)
    counter = EventCounter()
    window.plot.plot_item.getViewBox()  # the plot's view box, auto-ranged
    window.plot._plot_widget.viewport().installEventFilter(counter)
    steps = 5
    for _ in range(steps):
        c.step()
        window.repaint()
        QApplication.processEvents()
    assert counter.count == steps
    x, y = window.plot.iteration_curve.getData()
    assert x is not None and y is not None
    assert x[-1] == c.iteration
    assert y[-1] == c.history().iteration_errors[-1]
    # the range followed the new data: the last point is inside the view
    (x0, x1), (y0, y1) = window.plot.plot_item.getViewBox().viewRange()
    assert x0 <= x[-1] <= x1 and y0 <= y[-1] <= y1


def test_hidden_curve_leaves_auto_range_to_its_paint(qtbot):
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.set_history(np.array([0.5, 0.25, 0.125]), np.array([0]), np.array([0.5]))
    assert view.plot_item.getViewBox()._autoRangeNeedsUpdate  # not shown: nothing computed yet


def test_the_plane_map_is_computed_once_per_network_and_is_the_same_as_computed_afresh():
    data = load_builtin("xor")
    network = Network.initialise((2, 3, 1), seed=4)
    first = plane_map.surface_if_planar(network, data)
    computed = plane_map.LAST_SURFACE.computed
    twin = Network(network.layer_sizes, network.activations, network.flat.copy())  # equal, not the same object
    assert plane_map.surface_if_planar(twin, data) is first
    assert plane_map.LAST_SURFACE.computed == computed
    moved = network.with_flat(network.flat + np.where(np.arange(network.flat.shape[0]) == 0, 1e-9, 0.0))
    fresh = plane_map.surface_if_planar(moved, data)
    assert plane_map.LAST_SURFACE.computed == computed + 1 and fresh is not first
    again = plane_map.decision_surface(moved, data)
    assert all(np.array_equal(a, b) for a, b in zip(fresh.outputs, again.outputs, strict=True))
    assert not np.array_equal(fresh.outputs[0], first.outputs[0])
    other = load_builtin("xor")  # another data set object: computed for it
    assert plane_map.surface_if_planar(moved, other) is not fresh


def test_a_step_computes_the_map_once_and_the_map_tab_shows_the_new_network(window, qtbot):
    c = window.controller
    window.right_tabs.setCurrentWidget(window.decision_map)
    qtbot.wait(20)
    for _ in range(3):
        before = plane_map.LAST_SURFACE.computed
        c.step()
        assert plane_map.LAST_SURFACE.computed == before + 1  # history and state both asked; one computation
        expected = plane_map.decision_surface(c.network, c.dataset)
        _gx, _gy, shown = window.decision_map.grid_outputs()
        assert shown is not None and np.array_equal(shown, expected.outputs[0])
        assert np.array_equal(window.decision_map.image_item.image, expected.outputs[0])


def test_the_table_asks_its_model_only_for_roles_it_answers_and_shows_the_new_numbers(window, qtbot):
    from PySide6.QtCore import Qt

    from bpgui.model.numbers import format_number
    from bpgui.views.gradient_table import COL_GRADIENT, COL_VALUE

    model, proxy = window.table.source_model(), window.table.proxy_model()
    skipped = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole)
    for row in range(model.rowCount()):  # the model never answers them: nothing is lost by not asking
        for column in range(model.columnCount()):
            assert all(model.cell_data(row, column, role) is None for role in skipped)
    asked: list[int] = []
    original = model.cell_data

    def counting(row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
        asked.append(int(role))
        return original(row, column, role)

    model.cell_data = counting  # type: ignore[method-assign]
    try:
        window.controller.step()
        window.repaint()
        QApplication.processEvents()
    finally:
        del model.cell_data
    assert asked, "the table painted its cells"
    assert not set(asked) & {int(role) for role in skipped}
    record = window.controller.display_record()
    for row in range(proxy.rowCount()):
        source = proxy.source_row(row)
        assert proxy.index(row, COL_VALUE).data() == format_number(float(record.flat_values[source]), model.precision())
        assert proxy.index(row, COL_GRADIENT).data() == format_number(float(record.flat_gradients[source]),
                                                                        model.precision())


def test_the_hidden_readout_writes_nothing_per_frame_but_is_right_when_shown(window, qtbot):
    from bpgui.model.numbers import format_number

    readout = window.readout
    assert readout.isHidden()  # not presenting
    before = readout.t_label.text()
    window.controller.step()
    window.controller.step()
    assert readout.t_label.text() == before  # kept, not written
    c = window.controller
    readout.show()
    assert readout.t_label.text() == f"t = {c.iteration}"
    assert readout.error_k_label.text() == f"Eₖ = {format_number(c.status()['error_k'])}"
    readout.hide()
    c.step()
    assert readout.texts()[0] == f"t = {c.iteration}"  # asked: written


def test_the_map_writes_its_legend_only_when_the_misclassified_count_changes(qtbot, monkeypatch):
    from bpgui.views import decision_map as module
    from bpgui.views.decision_map import DecisionMapView

    data = load_builtin("circle")
    view = DecisionMapView()
    qtbot.addWidget(view)
    view.set_data(data)
    written: list[int | None] = []
    original = module.legend_html
    monkeypatch.setattr(module, "legend_html", lambda *a, **k: written.append(a[2]) or original(*a, **k))
    rng = np.random.default_rng(3)
    start = Network.initialise((2, 2, 1), seed=0)
    networks = [start.with_flat(rng.normal(0.0, 4.0, start.flat.shape[0])) for _ in range(12)]
    surfaces = [plane_map.decision_surface(n, data) for n in networks]
    counts = [s.misclassified.shape[0] for s in surfaces]
    assert len(set(counts)) > 1, "the seeds give different counts"
    for surface in surfaces:
        view.show_surface(surface)
        stated = f"{surface.misclassified.shape[0]}&nbsp;of&nbsp;{data.n_samples}&nbsp;misclassified"
        assert stated in view.legend_text()  # never stale
        assert np.array_equal(view.image_item.image, surface.outputs[0])
    changes = 1 + sum(a != b for a, b in itertools.pairwise(counts))
    assert written == [c for i, c in enumerate(counts) if i == 0 or counts[i - 1] != c]
    assert len(written) == changes < len(surfaces)


def _line_image(item_type: type) -> QImage:
    widget = pg.PlotWidget(background="w")
    widget.resize(200, 160)
    widget.getPlotItem().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    item = item_type(pen=pg.mkPen("#1a1a1a", width=1.2 * 1.75, style=pg.QtCore.Qt.PenStyle.DashLine))
    widget.addItem(item)
    item.setData(np.array([0.05, 0.93]), np.array([0.12, 0.81]))
    return _render(widget, 200, 160)


def test_a_tiles_switching_line_is_a_bare_curve_drawn_as_the_data_item_drew_it(qtbot):
    from bpgui.views.decision_map import DecisionMapView

    assert _line_image(pg.PlotCurveItem) == _line_image(pg.PlotDataItem)
    data = load_builtin("xor")
    view = DecisionMapView()
    qtbot.addWidget(view)
    view.set_data(data)
    surface = plane_map.decision_surface(Network.initialise((2, 3, 1), seed=5), data)
    view.show_surface(surface)
    lines = view.unit_lines()
    assert any(line is not None for line in lines)
    for line, unit in zip(lines, surface.hidden, strict=True):
        assert (line is None) == (unit.line is None)
        if line is not None and unit.line is not None:
            assert np.array_equal(line[0], unit.line[:, 0]) and np.array_equal(line[1], unit.line[:, 1])


def test_new_errors_do_not_lay_the_curve_out_again_unless_the_value_label_moves(qtbot):
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.resize(600, 360)
    view.show()
    qtbot.waitExposed(view)
    errors = np.linspace(0.5, 0.1, 50)
    view.set_history(errors[:10], np.array([0]), np.array([0.5]))
    QApplication.processEvents()
    counter = EventCounter(QEvent.Type.LayoutRequest)
    view.installEventFilter(counter)
    for n in range(11, 30):  # same widest text: nothing to move
        view.set_history(errors[:n], np.array([0]), np.array([0.5]))
        QApplication.processEvents()
    assert counter.count <= 1  # one per update (19) while the value label's word wrap was set at each
    x, _y = view.iteration_curve.getData()
    assert x is not None and x[-1] == 29
    from bpgui.views.error_plot_hover import place_value_label

    label, long_text = view._value_label, "E per epoch = 0.123456789 at epoch 123456 (t = 1234567)"
    place_value_label(view._bar, view._layout, label, 80, (view._x_axis_label,), long_text)  # too narrow
    assert view._bar.indexOf(label) < 0 and label.wordWrap()  # its own row, wrapped
    place_value_label(view._bar, view._layout, label, 3000, (view._x_axis_label,), long_text)
    assert view._bar.indexOf(label) >= 0 and not label.wordWrap()


def test_the_same_surface_again_is_not_drawn_again_but_a_new_one_is(window, qtbot):
    c = window.controller
    window.right_tabs.setCurrentWidget(window.decision_map)
    qtbot.wait(20)
    image = window.decision_map.image_item
    calls: list[int] = []
    original = image.setImage

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    image.setImage = counting  # type: ignore[method-assign]
    try:
        window.decision_map.show_surface(c.decision_surface())  # the one drawn
        assert calls == []
        c.step()  # history, then state: the same surface twice, drawn once
        assert len(calls) == 1
        assert np.array_equal(image.image, plane_map.decision_surface(c.network, c.dataset).outputs[0])
    finally:
        del image.setImage


@pytest.mark.parametrize("costly", [False, True])
def test_while_running_the_shown_map_is_the_network_of_that_moment(window, qtbot, monkeypatch, costly):
    """Run redraws the decision map with every network state it shows (it used to wait for the pause); a
    costly state's network and map may follow its numbers by one paint (run_cadence), never more."""
    from bpgui.views import run_cadence

    monkeypatch.setattr(run_cadence, "COSTLY_STATE", -1.0 if costly else 1.0)
    c = window.controller
    window.right_tabs.setCurrentWidget(window.decision_map)
    qtbot.wait(20)
    seen: list[int] = []
    show_network = window._show_network

    def checked() -> None:
        show_network()
        expected = plane_map.decision_surface(c.network, c.dataset)
        assert np.array_equal(window.decision_map.image_item.image, expected.outputs[0]), (
            f"the map at t = {c.iteration} shows another network")
        seen.append(c.iteration)

    monkeypatch.setattr(window, "_show_network", checked)
    c.set_running(True)
    qtbot.waitUntil(lambda: len(set(seen)) >= 5, timeout=10_000)
    c.set_running(False)
    assert c.iteration > 0 and len(set(seen)) >= 5
    assert not window._network_stale and seen[-1] == c.iteration  # paused: the map shows the last state


def test_a_long_curve_strokes_about_four_points_per_pixel_column_and_keeps_its_extremes(qtbot):
    """Peak downsampling at two buckets per pixel column: each bucket's lowest and highest error stay."""
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    rng = np.random.default_rng(3)
    errors = np.abs(rng.standard_normal(200_000)) * np.linspace(1.0, 0.01, 200_000)
    errors[123_457] = 9.0  # one spike, far from any bucket's edge
    view.set_history(errors, np.arange(0, 200_000, 4), errors[::4].copy())
    view.repaint()
    QApplication.processEvents()
    x, y = view.iteration_curve.getData()
    width = view.plot_item.getViewBox().width()
    assert x is not None and y is not None
    assert len(y) <= 4 * width + 8  # was about ten points per column
    assert y.max() == 9.0 and y.min() == errors.min()


def test_new_data_leave_no_auto_range_for_the_paint(qtbot):
    """A long history's new range clips and downsamples the curves again, moving their bounds: the view
    is ranged again at once, so the paint finds nothing pending (it would range and paint a second time)."""
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    qtbot.waitExposed(view)
    box = view.plot_item.getViewBox()
    rng = np.random.default_rng(3)
    for n in (10, 5_000, 60_000, 60_017):
        errors = np.abs(rng.standard_normal(n)) * np.exp(-np.arange(n) / 20_000)
        ends = np.arange(0, n + 1, 4)
        view.set_history(errors, ends, np.abs(rng.standard_normal(ends.shape[0])) * 0.3)
        assert not box._autoRangeNeedsUpdate
        x_range = box.viewRange()[0]
        assert x_range[0] <= 1 and x_range[1] >= n  # and the range shows every iteration


def test_run_paints_the_error_curve_once_per_update(window, qtbot):
    """Each new history is painted once, not twice (pyqtgraph's auto-range once asked for a second paint).
    Counted between one update and the next; the median over a dozen, so that a paint of the odd relayout
    (an axis grown for a wider label) on a loaded machine does not count as the bug."""
    counter = EventCounter()
    per_update: list[int] = []
    shown = window.plot.show_history

    def counted(history):
        per_update.append(counter.count)
        counter.count = 0
        shown(history)

    window.plot.show_history = counted
    window.speed.setValue(window.speed.maximum())
    window.controller.update_settings(target_error=None)  # runs on until paused
    window.controller.set_running(True)
    qtbot.waitUntil(lambda: len(per_update) >= 3, timeout=10_000)  # the first ones may widen the axes
    window.plot._plot_widget.viewport().installEventFilter(counter)
    counted_from = len(per_update) + 1  # the first interval counted whole
    qtbot.waitUntil(lambda: len(per_update) >= counted_from + 12, timeout=20_000)
    window.controller.set_running(False)
    intervals = per_update[counted_from:]
    assert statistics.median(intervals) == 1, intervals  # one paint per new history, not two (nor none)


def _noisy_errors(n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.abs(rng.normal(0.0, 0.05, n)) + 0.25 / (1.0 + np.arange(n) / 2_000)


def _show_errors(view: ErrorPlotView, errors: np.ndarray) -> None:
    n = errors.shape[0]
    ends = np.arange(0, n + 1, 500)
    view.set_history(errors, ends, np.r_[0.3, errors[ends[1:] - 1]])


@pytest.mark.parametrize("width", [371, 412])
def test_a_step_paints_the_error_plot_once_at_every_length(show, qtbot, width):
    """The error plot settles. Peak downsampling loses the data's ends (a bucket's x is its middle value's, a
    last partial bucket is left out), so the peaks' bounds, hence the auto-range, follow the downsampling
    factor, which follows the range: near a factor's edge each paint chose the other factor, for ever (twin
    784-128-10 windows at 1,143 iterations: a Step never returned; here 3 paints for one update at 1,185
    points). A history grown a Step at a time across the lengths where the buckets go from 1 to 2 points:
    one repaint asked, one paint made, and a paint leaves the range as it found it."""
    view = show(ErrorPlotView(), width, 260)
    widget = view.plot_item.getViewWidget()
    box = view.plot_item.getViewBox()
    paints = EventCounter()
    widget.viewport().installEventFilter(paints)
    errors = _noisy_errors(1_400)
    for n in range(1_050, 1_250, 3):
        _show_errors(view, errors[:n].copy())
        qtbot.wait(1)  # what the new history posted (the axes' room)
        widget.viewport().repaint()
        before = box.viewRange()
        paints.count = 0
        widget.viewport().update()
        qtbot.wait(5)
        assert paints.count <= 1, f"{n} points: {paints.count} paints for one update"
        assert box.viewRange() == before, f"{n} points: a paint moved the range"
