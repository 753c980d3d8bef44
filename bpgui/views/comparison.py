"""Exercise 5.5 on one plot: standard and accumulated BP from the same start.

Shows the epoch error E of each run on one pyqtgraph plot (x: epochs, or
updates), and a summary: final E, accuracy, and the epoch and the number of
updates each needed to reach a target E.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, format_number
from ..model.records import RunSummary
from ..model.text import fill
from .plot_text import BASE_LABEL_POINTS, BASE_TICK_POINTS, no_menus, number_axes, points, scale_axes

# Okabe & Ito: blue, vermillion, bluish green, told apart by red-green colour-blind viewers too.
_COLOURS = {"standard": "#0072b2", "accumulated": "#d55e00", "minibatch": "#009e73"}
_STYLES = {"standard": Qt.PenStyle.SolidLine, "accumulated": Qt.PenStyle.DashLine, "minibatch": Qt.PenStyle.DotLine}
TARGET = 0.05


class ComparisonView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[RunSummary] = []
        self._title = ""
        self._scale = 1.0
        self._digits = DEFAULT_DIGITS
        self.x_axis = QComboBox()
        self.x_axis.addItem(self.tr("epochs"), "epochs")
        self.x_axis.addItem(self.tr("updates"), "updates")
        self.log_scale = QCheckBox(self.tr("Log scale"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("x axis:")))
        bar.addWidget(self.x_axis)
        bar.addWidget(self.log_scale)
        bar.addStretch(1)
        self.plot = pg.PlotWidget(background="w", axisItems=number_axes(integer_x=True))  # iterations, epochs
        self.plot.setMinimumSize(260, 180)
        item = self.plot.getPlotItem()
        no_menus(item)  # pyqtgraph's menus are English and export past the app's sized export
        item.setLabel("left", self.tr("E = (1/m) Σ Eₖ"))
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)  # plain numbers, not "(x0.001)"
        grid = pg.GridItem(textPen=None)
        grid.setPen(pg.mkPen("#e4e4e4"))
        item.addItem(grid, ignoreBounds=True)
        self.legend = item.addLegend(offset=(-10, 10))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        self._curves: dict[str, pg.PlotDataItem] = {}
        self.x_axis.currentIndexChanged.connect(self._update_plot)
        self.log_scale.toggled.connect(self._update_plot)

    def show_runs(self, title: str, runs: list[RunSummary]) -> None:
        self._title, self._runs = title, list(runs)
        self.legend.clear()
        for curve in self._curves.values():
            self.plot.removeItem(curve)
        self._curves = {}
        names = {"standard": self.tr("standard BP"), "accumulated": self.tr("accumulated BP"),
                 "minibatch": self.tr("mini-batch")}
        for run in runs:
            pen = pg.mkPen(_COLOURS.get(run.mode, "#555555"), width=2 * self._scale,
                           style=_STYLES.get(run.mode, Qt.PenStyle.SolidLine))
            rate = format_number(run.learning_rate, self._digits)
            curve = self.plot.plot(pen=pen, name=f"{names.get(run.mode, run.mode)} (η = {rate})")
            self._curves[run.mode] = curve
        self._update_plot()
        self.summary.setText(self.summary_text())

    def set_text_scale(self, scale: float) -> None:
        """Axis ticks and titles, legend and line widths at ``scale`` × their 100 % size."""
        self._scale = max(0.5, float(scale))
        scale_axes(self.plot.getPlotItem(), self.font(), self._scale)
        self.legend.setLabelTextSize(points(BASE_TICK_POINTS, self._scale))
        self.plot.getPlotItem().setLabel("left", self.tr("E = (1/m) Σ Eₖ"),
                                         **{"font-size": points(BASE_LABEL_POINTS, self._scale)})
        if self._runs:
            self.show_runs(self._title, self._runs)

    def set_digits(self, digits: int) -> None:
        """Significant digits of the numbers in the legend and the summary."""
        self._digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        if self._runs:
            self.show_runs(self._title, self._runs)

    def curve_data(self, mode: str) -> tuple[np.ndarray, np.ndarray]:
        return self._curves[mode].getData()

    def _update_plot(self) -> None:
        by_updates = self.x_axis.currentData() == "updates"
        log = self.log_scale.isChecked()
        self.plot.getPlotItem().setLogMode(y=log)
        self.plot.getPlotItem().setLabel("bottom", self.tr("updates") if by_updates else self.tr("epoch"),
                                         **{"font-size": points(BASE_LABEL_POINTS, self._scale)})
        for run in self._runs:
            x = np.arange(run.epoch_errors.shape[0], dtype=float)
            if by_updates:
                x = x * run.updates_per_epoch
            y = np.maximum(run.epoch_errors, 1e-12) if log else run.epoch_errors
            self._curves[run.mode].setData(x, y)

    def summary_text(self) -> str:
        lines = [f"<b>{html.escape(self._title)}</b>"]
        for run in self._runs:
            reached = run.epochs_to(TARGET)
            if reached is not None:
                reach = fill(self.tr("E ≤ %1 first at epoch %2 (%3 updates)"), format_number(TARGET, self._digits),
                             reached, f"{reached * run.updates_per_epoch:,}")
            else:
                reach = fill(self.tr("E never reached %1"), format_number(TARGET, self._digits))
            name = self.tr("standard BP") if run.mode == "standard" else self.tr("accumulated BP")
            lines.append(fill(self.tr("%1: after %2 epochs E = %3, training accuracy %4%; %5"), name, run.epochs,
                              format_number(run.final_error, self._digits),
                              format_number(100 * run.final_accuracy, max(3, self._digits)), reach))
        lines.append(self.tr("Standard BP updates after every sample (m updates an epoch); accumulated BP once per "
                             "pass, on the cumulative error. Per epoch standard BP usually gets lower faster; per "
                             "update accumulated BP is the cheaper one."))
        return "<br>".join(lines)
