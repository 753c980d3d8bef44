"""The error curve: E_k per iteration, E per epoch and the test error.

Why one module of ~600 lines: it is the curve widget alone (history, axes, scales, markers, hover, text
scale all act on the same plot items); its items (``error_plot_items``), array arithmetic
(``error_plot_data``), hover texts (``error_plot_hover``) and pictures (``error_plot_svg``) are beside it.

``ErrorPlotView`` only draws what it is given (``set_history``, ``set_current_iteration``, or
``show_history`` with the controller's ``History`` snapshot) and never touches the model. The three
curves are created once; every update replaces their data in place with ``PlotDataItem.setData``.

Speed with 10^6 iterations: the arrays given are referenced, not copied (x = 1..n comes from a cached
``arange``), auto "peak" downsampling and clip-to-view are on, and the finite check is skipped when the
data are known to be finite. At most one array as long as the history is allocated per update (the
fractional epoch positions in epoch mode, or a clipped copy for the log scale when the data hold a
zero). Because the arrays are referenced, callers hand over fresh arrays after the model changes.
"""

from __future__ import annotations

import math
import os

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, format_number
from ..model.text import fill
from ..session.history import History
from ..session.messages import render
from .error_plot_data import epoch_length, epoch_positions, for_display
from .error_plot_hover import nearest_point, nearest_thinned, place_value_label, placeholder_text, widest_text
from .error_plot_items import (
    EPOCH_SYMBOL_BRUSH,
    ITERATION_SYMBOL_BRUSH,
    TEST_SYMBOL_BRUSH,
    MarkerLabel,
    build_plot,
    pens,
    place_legend,
    set_curve,
    settle_range,
)
from .error_plot_svg import export_plot
from .plot_text import BASE_LABEL_POINTS, BASE_TICK_POINTS, points, scale_axes, scaled_font
from .style import TEXT

__all__ = ["FEW_EPOCHS", "X_EPOCHS", "X_ITERATIONS", "ErrorPlotView"]

# Values above this are drawn at it on the linear scale (see _update_curves).
DISPLAY_CEILING = 1e30

X_ITERATIONS = "iteration"
X_EPOCHS = "epoch"

MIN_PLOT_LINES = 6  # the plot is never squeezed below this many tick labels high (plus its axes)
FEW_EPOCHS = 40  # up to this many epoch rows, the epoch curves get small symbols


class ErrorPlotView(QWidget):
    """The training error over time, with an x axis of iterations or epochs and an optional log scale."""

    x_axis_changed = Signal(str)  # X_ITERATIONS or X_EPOCHS
    log_scale_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._iteration_name = ""
        self._iteration_errors = np.empty(0)
        self._epoch_iterations = np.empty(0, dtype=np.int64)
        self._epoch_errors = np.empty(0)
        self._test_errors: np.ndarray | None = None
        self._iterations_per_epoch: float | None = None
        self._iteration_x = np.empty(0, dtype=np.int64)  # cached 1..N; slices of it are the x values
        self._iteration_positions: np.ndarray | None = None  # x values given by a thinned history
        self._epoch_numbers: np.ndarray | None = None
        self._current = (0, 0)  # (t, end)
        self._has_test = False
        self._hovering = False
        self._floor: float | None = None  # where the log scale draws zeros, while it has to
        self._digits = DEFAULT_DIGITS
        self._scale = 1.0  # the text scale
        self._pens, self._alarm = pens(1.0), False
        self._x_mode = X_ITERATIONS  # the combo's current data (asked at every step, and Qt's answer costs)
        self._bar_key: tuple[int, str] | None = None  # (width, longest value) the control bar was laid out for

        self._x_axis_label = QLabel(self)  # the control bar; the combo is never narrower than its text
        self._x_axis_combo = QComboBox(self, sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._x_axis_combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._x_axis_combo.addItem("", X_ITERATIONS)
        self._x_axis_combo.addItem("", X_EPOCHS)
        self._x_axis_label.setBuddy(self._x_axis_combo)
        self._log_check = QCheckBox(self)
        self._value_label = QLabel(self)
        self._value_label.setObjectName("value_label")
        self._value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The value may be long: let it shrink with the window (its tooltip keeps the full text).
        self._value_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._value_label.setMinimumWidth(0)

        bar = self._bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.setSpacing(6)
        bar.addWidget(self._x_axis_label)
        bar.addWidget(self._x_axis_combo)
        bar.addSpacing(6)
        bar.addWidget(self._log_check)
        bar.addSpacing(6)
        bar.addWidget(self._value_label, 1)
        bar.addStretch(0)  # takes the room when the value label moves to its own row

        # ---- the plot -----------------------------------------------------------
        parts = build_plot(self, self.font())
        self._plot_widget, self._plot_item, self._grid = parts.widget, parts.plot, parts.grid
        self._iteration_curve, self._epoch_curve, self._test_curve = (
            parts.iteration_curve, parts.epoch_curve, parts.test_curve)
        self._hover_dot, self._marker, self._marker_label = parts.hover_dot, parts.marker, parts.marker_label
        self._changes: list[tuple[int, str]] = []
        self._x_pinned = False
        self._capped = False  # some values are past DISPLAY_CEILING and drawn at it
        self._change_lines: list[tuple[pg.InfiniteLine, pg.InfLineLabel]] = []
        self._legend = parts.legend

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self._plot_widget, 1)

        self._mouse_proxy = pg.SignalProxy(
            self._plot_widget.scene().sigMouseMoved, rateLimit=60, slot=self._on_scene_mouse_moved, threadSafe=False
        )
        self._plot_widget.installEventFilter(self)
        self._x_axis_combo.currentIndexChanged.connect(self._on_x_axis_combo_changed)
        self._log_check.toggled.connect(self._on_log_check_toggled)

        self._update_texts()

    # ---- public API -------------------------------------------------------------
    def set_history(
        self,
        iteration_errors: np.ndarray,
        epoch_iterations: np.ndarray,
        epoch_errors: np.ndarray,
        test_errors: np.ndarray | None = None,
        *,
        iterations_per_epoch: float | None = None,
        iteration_positions: np.ndarray | None = None,
        epoch_numbers: np.ndarray | None = None,
    ) -> None:
        """Show a new history (replaces the old one; the arrays are referenced, not copied).

        ``iteration_errors[t − 1]`` is E_k of iteration t; the epoch arrays have one row per epoch end
        (row 0 before training), ``test_errors`` NaN where there is no test set. ``iterations_per_epoch``
        places the iterations of an unfinished epoch in epoch mode (default: the last finished epoch's
        length). A long run's thinned history (``History``) gives ``iteration_positions`` (the t of
        each error) and ``epoch_numbers`` (the epoch of each row), both increasing."""
        errors = np.asarray(iteration_errors, dtype=np.float64)
        ends = np.asarray(epoch_iterations, dtype=np.int64)
        epoch = np.asarray(epoch_errors, dtype=np.float64)
        test = None if test_errors is None else np.asarray(test_errors, dtype=np.float64)
        if errors.ndim != 1 or ends.ndim != 1 or epoch.shape != ends.shape:
            raise ValueError(
                "iteration_errors must be 1-D, and epoch_iterations and epoch_errors 1-D of the same length"
            )
        if test is not None and test.shape != epoch.shape:
            raise ValueError("test_errors must have one value per epoch row")
        positions, numbers = (None if a is None else np.asarray(a, dtype=np.int64)
                              for a in (iteration_positions, epoch_numbers))
        if (positions is not None and positions.shape != errors.shape) or (numbers is not None
                                                                            and numbers.shape != epoch.shape):
            raise ValueError("iteration_positions and epoch_numbers must have one value per error")
        self._iteration_positions, self._epoch_numbers = positions, numbers
        self._iteration_errors = errors
        self._epoch_iterations = ends
        self._epoch_errors = epoch
        self._test_errors = test
        self._iterations_per_epoch = (
            float(iterations_per_epoch) if iterations_per_epoch is not None and iterations_per_epoch > 0 else None
        )
        n = errors.shape[0]
        if positions is None and self._iteration_x.shape[0] < n:
            grown = np.arange(1, max(n, 2 * self._iteration_x.shape[0]) + 1, dtype=np.int64)
            grown.setflags(write=False)
            self._iteration_x = grown
        self._update_curves()
        if self._plot_widget.isVisible():
            settle_range(self._plot_item)  # now: inside the paint it would cost a second paint
        self._update_marker()
        self._update_hover_after_data()
        self._update_bar_layout(data_only=True)

    def set_current_iteration(self, t: int, end: int) -> None:
        """Mark iteration t with a vertical line, shown only after stepping back (t < end)."""
        self._current = (int(t), int(end))
        self._update_marker()

    def clear(self) -> None:
        """Forget the history: empty curves, no marker, no hovered value."""
        self.set_history(np.empty(0), np.empty(0, dtype=np.int64), np.empty(0))
        self.set_current_iteration(0, 0)
        self._set_hover(None)

    def set_alarm(self, on: bool) -> None:
        """A run with a planted bug: E_k and E in the alarm colours (the window's banner says why)."""
        if bool(on) != self._alarm:
            self._alarm = bool(on)
            self._apply_scale(self._scale)

    def set_text_scale(self, scale: float) -> None:
        """Axis ticks and titles, legend, labels, line widths and symbols at ``scale`` × their 100 % size
        (the control bar follows the application font by itself)."""
        self._scale = max(0.5, float(scale))
        self._apply_scale(self._scale)
        self._update_texts()
        self._update_legend_columns()
        self.updateGeometry()  # the minimum size follows the text

    def text_scale(self) -> float:
        return self._scale

    def set_digits(self, digits: int) -> None:
        """Significant digits of every number the read-out and its tooltip show."""
        self._digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        self._update_hover_after_data()
        if not self._hovering:
            self._set_hover(None)
        self._update_bar_layout()

    def digits(self) -> int:
        return self._digits

    def show_history(self, history: History) -> None:
        """Show a run's history and current iteration (as the controller hands it out)."""
        self.set_history(history.iteration_errors, history.epoch_iterations, history.epoch_errors,
                         history.test_errors, iterations_per_epoch=history.iterations_per_epoch,
                         iteration_positions=history.iteration_positions, epoch_numbers=history.epoch_numbers)
        self.set_current_iteration(history.iteration, history.end)
        self.set_changes([(t, render(label, QCoreApplication.translate)) for t, label in history.changes])

    def set_changes(self, changes: list[tuple[int, str]]) -> None:
        """Mark where settings changed mid-run: a thin line at iteration t, labelled with what changed
        (the change applies from iteration t + 1 on)."""
        merged: dict[int, list[str]] = {}
        for t, text in changes:
            merged.setdefault(int(t), []).append(text)
        self._changes = sorted((t, ", ".join(texts)) for t, texts in merged.items())
        while len(self._change_lines) < len(self._changes):
            line = pg.InfiniteLine(angle=90, movable=False, pen=self._pens.change)
            label = MarkerLabel(line, text="", position=0.75, color=TEXT, fill=(255, 255, 255, 200),
                                    anchors=[(0, 0.5), (0, 0.5)])
            label.setFont(scaled_font(self.font(), BASE_TICK_POINTS, self._scale))
            line.setZValue(4)
            self._plot_item.addItem(line, ignoreBounds=True)
            self._change_lines.append((line, label))
        self._update_change_lines()

    def change_markers(self) -> list[tuple[float, str]]:
        """(x position, label) of every change mark shown."""
        return [(float(line.value()), label.format) for line, label in self._change_lines if line.isVisible()]

    # ---- read-only access to the plot (for the main window and tests) ---------
    @property
    def plot_item(self) -> pg.PlotItem:
        return self._plot_item

    @property
    def iteration_curve(self) -> pg.PlotDataItem:
        return self._iteration_curve

    @property
    def epoch_curve(self) -> pg.PlotDataItem:
        return self._epoch_curve

    @property
    def test_curve(self) -> pg.PlotDataItem:
        return self._test_curve

    @property
    def marker(self) -> pg.InfiniteLine:
        return self._marker

    def legend_labels(self) -> list[str]:
        """The texts of the legend entries, in order."""
        return [label.text for _sample, label in self._legend.items]

    def x_axis(self) -> str:
        """``X_ITERATIONS`` or ``X_EPOCHS``."""
        return self._x_mode

    def set_x_axis(self, mode: str) -> None:
        index = self._x_axis_combo.findData(mode)
        if index < 0:
            raise ValueError(f"x axis must be {X_ITERATIONS!r} or {X_EPOCHS!r}, got {mode!r}")
        self._x_axis_combo.setCurrentIndex(index)

    def log_scale(self) -> bool:
        return self._log_check.isChecked()

    def set_log_scale(self, on: bool) -> None:
        self._log_check.setChecked(bool(on))

    def value_text(self) -> str:
        """What the read-out above the plot says now."""
        return self._value_label.text()

    def value_at(self, x: float) -> str:
        """The exact value of the point nearest to x (in plot coordinates), as the hover label shows it."""
        point = self._nearest_point(x)
        return "" if point is None else point[2]

    def export_image(self, path: str | os.PathLike, size: QSize | None = None) -> None:
        """Save the plot as a picture of exactly ``size`` pixels (None: its size on screen), SVG if ``path``
        ends in .svg, else PNG. A large picture is laid out as a screen of about 720 × 540 and magnified
        (text, lines and symbols with it), so it reads like the screen. Written atomically: on any failure
        a BpguiError naming ``path`` and the old file stays."""
        if size is None:
            size = self._plot_item.size().toSize()
        export_plot(self._plot_item, path, size, self.tr("Error curve"), self._hover_dot, self._apply_scale,
                    self._scale)

    def export_png(self, path: str | os.PathLike, width: int | None = None) -> None:
        """A PNG of the plot, ``width`` pixels wide with the aspect on screen (default: its size on screen)."""
        shown = self._plot_item.size().toSize()
        size = None if width is None else QSize(int(width), max(1, round(int(width) * shown.height()
                                                                          / max(shown.width(), 1))))
        self.export_image(path, size)

    def export_svg(self, path: str | os.PathLike, size: QSize | None = None) -> None:
        """An SVG of the plot (``size`` as in :meth:`export_image`)."""
        self.export_image(path, size)

    # ---- Qt overrides -------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(700, 400)

    def minimumSizeHint(self) -> QSize:
        """Room for the control bar and a plot about six tick labels high (with its axes): a splitter
        cannot squeeze the curve to a strip."""
        line = QFontMetrics(scaled_font(self.font(), BASE_TICK_POINTS, self._scale)).lineSpacing()
        rows = [item.minimumSize() for item in map(self._layout.itemAt, range(self._layout.count())) if item]
        bar = rows[0] if rows else QSize(0, 0)
        extra = sum(row.height() for row in rows[1:-1])  # the value label, when it has a row of its own
        return QSize(max(bar.width(), 10 * line), bar.height() + extra + MIN_PLOT_LINES * line + 4 * line)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_texts()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_bar_layout()
        self._update_legend_columns()

    def _update_legend_columns(self) -> None:
        place_legend(self._legend, self._plot_item, min(self.width(), self._plot_widget.width()))

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self._plot_widget and event.type() == QEvent.Type.Leave:
            self._set_hover(None)
        elif watched is self._plot_widget and event.type() == QEvent.Type.Resize:
            self._update_legend_columns()
        return super().eventFilter(watched, event)

    # ---- slots ----------------------------------------------------------------------
    def _on_x_axis_combo_changed(self, _index: int) -> None:
        self._x_mode = self._x_axis_combo.currentData()
        self._update_curves()
        self._update_marker()
        self._update_change_lines()
        self._update_axis_labels()
        self._set_hover(None)
        self._update_bar_layout()
        self._plot_item.enableAutoRange()
        self.x_axis_changed.emit(self.x_axis())

    def _on_log_check_toggled(self, on: bool) -> None:
        # The data must be positive before the items take logarithms, so the
        # order matters: clip, then switch on; switch off, then restore.
        if on:
            self._update_curves()
            self._plot_item.setLogMode(x=False, y=True)
        else:
            self._plot_item.setLogMode(x=False, y=False)
            self._update_curves()
        self._update_hover_after_data()
        self.log_scale_changed.emit(bool(on))

    def _on_scene_mouse_moved(self, event: tuple) -> None:
        position = event[0]
        view_box = self._plot_item.getViewBox()
        if not view_box.sceneBoundingRect().contains(position):
            self._set_hover(None)
            return
        x = view_box.mapSceneToView(position).x()
        self._set_hover(self._nearest_point(x))

    # ---- drawing ----------------------------------------------------------------------
    def _update_texts(self) -> None:
        self._x_axis_label.setText(self.tr("x axis:"))
        self._x_axis_combo.setItemText(0, self.tr("Iterations"))
        self._x_axis_combo.setItemText(1, self.tr("Epochs"))
        self._x_axis_combo.setToolTip(self.tr("Plot against iterations t or against epochs"))
        self._log_check.setText(self.tr("Log scale"))
        self._log_check.setToolTip(self.tr("Logarithmic error axis (zeros are drawn at a small positive floor)"))
        self._update_axis_labels()
        self._update_legend()
        if not self._hovering:
            self._set_hover(None)
        self._update_bar_layout()

    def _update_bar_layout(self, data_only: bool = False) -> None:
        """The value label shares the control bar when the longest value fits, else it gets a row below
        (``data_only``: only the data changed, so nothing does unless the longest value or width did)."""
        key = (self.width(), self._widest_value_text())
        if data_only and key == self._bar_key:
            return
        self._bar_key = key
        place_value_label(self._bar, self._layout, self._value_label, key[0],
                          (self._x_axis_label, self._x_axis_combo, self._log_check), key[1])

    def _widest_value_text(self) -> str:
        return widest_text(self.x_axis() == X_EPOCHS, self._iteration_errors, self._epoch_iterations,
                           self._epoch_errors, self._has_test, self._digits)

    def _apply_scale(self, scale: float, magnify: float = 1.0) -> None:
        """Fonts at the text scale, pens and symbols at ``scale × magnify`` (a picture's magnification:
        its painter magnifies text, but not pyqtgraph's cosmetic pens)."""
        self._pens = p = pens(scale * magnify, self._alarm)
        scale_axes(self._plot_item, self.font(), scale, pen_width=magnify)
        self._legend.setLabelTextSize(points(BASE_TICK_POINTS, scale))
        label_font = scaled_font(self.font(), BASE_TICK_POINTS, scale)
        self._marker.setPen(p.marker)
        self._marker_label.setFont(label_font)
        for line, label in self._change_lines:
            line.setPen(p.change)
            label.setFont(label_font)
        self._iteration_curve.setPen(p.iteration)
        self._epoch_curve.setPen(p.epoch)
        self._test_curve.setPen(p.test)
        self._hover_dot.setSymbolSize(p.hover_size)
        self._update_axis_labels(scale)
        self._update_curves()
        self._legend.updateSize()

    def _update_axis_labels(self, scale: float | None = None) -> None:
        style = {"color": TEXT, "font-size": points(BASE_LABEL_POINTS, self._scale if scale is None else scale)}
        bottom = self.tr("epoch") if self.x_axis() == X_EPOCHS else self.tr("iteration")
        self._plot_item.setLabel("bottom", bottom, **style)
        self._plot_item.setLabel("left", self.tr("error"), **style)

    def set_iteration_curve_name(self, name: str) -> None:
        """What the light curve is called: E_k (standard BP), E per pass, batch error."""
        if name != self._iteration_name:
            self._iteration_name = name
            self._update_legend()

    def _update_legend(self) -> None:
        self._legend.clear()
        self._legend.addItem(self._iteration_curve, self._iteration_name or self.tr("Eₖ per iteration"))
        self._legend.addItem(self._epoch_curve, self.tr("E per epoch"))
        if self._has_test:
            self._legend.addItem(self._test_curve, self.tr("test E"))
        self._update_legend_columns()

    def _update_curves(self) -> None:
        """Give the three curves their data for the current history, x axis and scale (each long array read once:
        what ``ErrorCurve.see`` knows of it answers for_display and set_curve)."""
        raw_errors, raw_epoch, test = self._iteration_errors, self._epoch_errors, self._test_errors
        n, rows = raw_errors.shape[0], raw_epoch.shape[0]
        has_test = test is not None and bool(np.isfinite(test).any())
        self._update_limits(n, rows)  # first: the curves clip their data to the view's range
        iteration_t = self._iteration_x[:n] if self._iteration_positions is None else self._iteration_positions
        epochs = self.x_axis() == X_EPOCHS
        if epochs:
            iteration_x = self._epoch_positions(iteration_t)
            epoch_x = np.arange(rows, dtype=np.int64) if self._epoch_numbers is None else self._epoch_numbers
        else:
            iteration_x, epoch_x = iteration_t, self._epoch_iterations
        # x that is 1, 2, … (iterations) or 0, 1, … (epoch rows) is neither compared nor copied
        ranged = (None if epochs or self._iteration_positions is not None else 1,
                  0 if epochs and self._epoch_numbers is None else None)
        seen = (self._iteration_curve.see(iteration_x, raw_errors, ranged[0]),
                self._epoch_curve.see(epoch_x, raw_epoch, ranged[1]))
        errors, epoch, test, self._floor, capped = for_display(raw_errors, raw_epoch, test if has_test else None,
                                                               self.log_scale(), DISPLAY_CEILING,
                                                               (seen[0].largest, seen[1].largest))
        if capped != self._capped:
            self._capped = capped
            if not self._hovering:
                self._set_hover(None)  # the read-out says so

        symbol = "o" if 0 < rows <= FEW_EPOCHS else None
        # The first few iterations get dots too: a line of one point draws nothing.
        iteration_symbol = "o" if 0 < n <= FEW_EPOCHS else None
        size = self._pens.symbol_size
        set_curve(self._iteration_curve, iteration_x, errors, seen[0] if errors is raw_errors else None,
                  symbol=iteration_symbol, symbolSize=size * 0.8, symbolBrush=ITERATION_SYMBOL_BRUSH, symbolPen=None)
        set_curve(self._epoch_curve, epoch_x, epoch, seen[1] if epoch is raw_epoch else None, symbol=symbol,
                  symbolSize=size, symbolBrush=EPOCH_SYMBOL_BRUSH, symbolPen=None)
        if test is not None:
            set_curve(self._test_curve, epoch_x, test, symbol=symbol, symbolSize=size,
                      symbolBrush=TEST_SYMBOL_BRUSH, symbolPen=None)
        elif self._test_curve.xData is not None:  # (no test set: emptied once, not at every step)
            set_curve(self._test_curve, np.empty(0), np.empty(0))
        if has_test != self._has_test:
            self._has_test = has_test
            self._test_curve.setVisible(has_test)
            self._update_legend()

    def _update_limits(self, n: int, rows: int) -> None:
        """No negative error on the linear scale; with nothing but the start, the x axis runs
        from 0 to 1 (not −0.5 to 0.5). (No lower x limit: the padding keeps the point at 0 visible.)"""
        view = self._plot_item.getViewBox()
        view.setLimits(yMin=-np.inf if self.log_scale() else 0)
        if n == 0 and rows <= 1:
            view.setXRange(0, 1, padding=0.02)  # this turns x auto-range off …
            self._x_pinned = True
        elif self._x_pinned:
            self._x_pinned = False
            view.enableAutoRange(axis="x")  # … and the first iteration turns it back on

    def _epoch_positions(self, t: np.ndarray) -> np.ndarray:
        """Fractional epochs of iterations t (sorted); the epoch in progress continues at its pace."""
        rows = epoch_positions(t, self._epoch_iterations, epoch_length(self._epoch_iterations,
                                                                       self._iterations_per_epoch))
        numbers = self._epoch_numbers
        if numbers is None or numbers.shape[0] == 0:
            return rows
        last = numbers.shape[0] - 1  # thinned rows: row positions become epochs (recent rows go one a row)
        return np.where(rows <= last, np.interp(rows, np.arange(numbers.shape[0]), numbers),
                        numbers[-1] + (rows - last))

    def _update_change_lines(self) -> None:
        for n, (line, label) in enumerate(self._change_lines):
            if n >= len(self._changes):
                line.setVisible(False)
                continue
            t, text = self._changes[n]
            if self.x_axis() == X_EPOCHS:
                x = float(self._epoch_positions(np.array([t], dtype=np.int64))[0])
            else:
                x = float(t)
            line.setValue(x)
            line.setVisible(True)
            label.setFormat(text)

    def _update_marker(self) -> None:
        t, end = self._current
        if not 0 <= t < end:
            self._marker.setVisible(False)
            return
        if self.x_axis() == X_EPOCHS:
            x = float(self._epoch_positions(np.array([t], dtype=np.int64))[0])
        else:
            x = float(t)
        self._marker.setValue(x)
        self._marker.setVisible(True)  # first: a hidden label does not update its text
        self._marker_label.setFormat(fill(self.tr("t = {t}"), t=t))

    # ---- hover ----------------------------------------------------------------------------
    def _nearest_point(self, x: float) -> tuple[float, float, str] | None:
        epochs = self.x_axis() == X_EPOCHS
        positions = self._epoch_numbers if epochs else self._iteration_positions
        if positions is not None and positions.shape[0] and math.isfinite(x):
            return nearest_thinned(x, epochs, positions, self._iteration_errors, self._epoch_iterations,
                                   self._epoch_errors, self._test_errors, self._digits)
        return nearest_point(x, epochs, self._iteration_errors, self._epoch_iterations,
                             self._epoch_errors, self._test_errors, self._digits)

    def _set_hover(self, point: tuple[float, float, str] | None) -> None:
        self._hovering = point is not None
        if point is None:
            self._hover_dot.setVisible(False)
            text = placeholder_text()
            if self._capped:
                text = fill(self.tr("Values above %1 are drawn at %1; %2"),
                            format_number(DISPLAY_CEILING, self._digits), text)
            self._value_label.setText(text)
            self._value_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self._value_label.setToolTip(text if self._capped else "")  # whole, where the label is narrow
            return
        x, y, text = point
        if self.log_scale() and not y > 0:
            y = self._floor if self._floor is not None else 1e-12
        self._hover_dot.setData([x], [y])
        self._hover_dot.setVisible(True)
        self._value_label.setForegroundRole(QPalette.ColorRole.WindowText)
        self._value_label.setText(text)
        self._value_label.setToolTip(text)

    def _update_hover_after_data(self) -> None:
        """The hovered point's value may have changed with the data: show the current one."""
        if self._hovering:
            x_data = self._hover_dot.xData
            self._set_hover(self._nearest_point(x_data[0]) if x_data is not None else None)
