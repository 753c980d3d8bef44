"""The Runs panel's overlay plot: every run's E per finished epoch, in the run's colour, on one plot.

x is the iteration or the epoch (the learner's toggle: standard BP makes m iterations an epoch, accumulated BP
one, so the two tell different stories); a triangle marks where each fork began (on its own curve, at its
origin t); a dashed line stands at each target error; the legend names the runs. The run shown is drawn
thicker. The colours (``RUN_COLOURS``) are Okabe & Ito's, told apart by colour-blind viewers, each with its
own dash so a grey projector keeps them apart too; they read on white, which presentation mode keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from .plot_text import BASE_LABEL_POINTS, BASE_TICK_POINTS, no_menus, number_axes, points, scale_axes

if TYPE_CHECKING:
    from ..session.forking import RunCurve

__all__ = ["RUN_COLOURS", "RUN_STYLES", "RunsPlot", "fork_x", "run_swatch"]

#: A run's colour by its palette index 0..3: Okabe & Ito's blue, vermillion, bluish green, reddish purple.
RUN_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7")
#: …and its dash, so the runs stay apart in grey too.
RUN_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
TARGET_PEN_COLOUR = "#555555"
LOG_FLOOR = 1e-12  # a log axis draws E = 0 here


def run_colour(index: int) -> str:
    return RUN_COLOURS[index % len(RUN_COLOURS)]


def run_swatch(index: int, side: int) -> QIcon:
    """A filled square of the run's colour (the list's and the combo boxes' swatch)."""
    pixmap = QPixmap(QSize(side, side))
    pixmap.fill(QColor(run_colour(index)))
    return QIcon(pixmap)


def fork_x(curve: RunCurve, by_epoch: bool) -> float:
    """Where the fork of ``curve`` began on the x axis: its origin t, or (by epoch) the epoch at t, read off
    its own epoch log (between two finished epochs, in proportion)."""
    assert curve.origin is not None
    t = float(curve.origin[1])
    if not by_epoch:
        return t
    if curve.iterations.size == 0:
        return 0.0
    return float(np.interp(t, curve.iterations.astype(float), curve.epochs.astype(float)))


class RunsPlot(QWidget):
    """See the module."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = 1.0
        self._curves: list[RunCurve] = []
        self.align = QComboBox()
        self.align.addItem(self.tr("by iteration"), "iteration")
        self.align.addItem(self.tr("by epoch"), "epoch")
        self.align.setToolTip(self.tr("Line the runs up by iteration t or by epoch"))
        self.log_scale = QCheckBox(self.tr("Log scale"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.align)
        bar.addWidget(self.log_scale)
        bar.addStretch(1)
        self.plot = pg.PlotWidget(background="w", axisItems=number_axes(integer_x=True))
        self.plot.setMinimumSize(200, 150)
        self.plot.setToolTip(self.tr("Each run's E after every finished epoch, in the run's colour; ▲ where a fork "
                                     "began"))
        item = self.plot.getPlotItem()
        no_menus(item)
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        grid = pg.GridItem(textPen=None)
        grid.setPen(pg.mkPen("#e4e4e4"))
        item.addItem(grid, ignoreBounds=True)
        # Bottom left: errors start high and fall, so that corner is the one the curves leave empty.
        self.legend = item.addLegend(offset=(10, -10), brush=pg.mkBrush(255, 255, 255, 210))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        self._items: dict[int, pg.PlotDataItem] = {}  # by run index
        self._marks: dict[int, pg.PlotDataItem] = {}  # a symbol only: it follows the log axis as the curve does
        self._targets: list[pg.InfiniteLine] = []
        self._legend_key: tuple[object, ...] = ()
        self.align.currentIndexChanged.connect(self._draw)
        self.log_scale.toggled.connect(self._draw)
        self._label_axes()

    def sizeHint(self) -> QSize:
        """Little more than its minimum: the panel's scroll area sizes the column by its parts' hints, and the
        plot takes the room left by stretching."""
        least = self.minimumSizeHint()
        return QSize(max(260, least.width()), least.height())

    @property
    def by_epoch(self) -> bool:
        return self.align.currentData() == "epoch"

    def set_by_epoch(self, on: bool) -> None:
        self.align.setCurrentIndex(1 if on else 0)

    def show_curves(self, curves: Sequence[RunCurve]) -> None:
        """Every run's curve (``session.run_curves()``), drawn again."""
        self._curves = list(curves)
        self._draw()

    def curve_data(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, E) drawn for run ``index`` (tests, pictures)."""
        x, y = self._items[index].getData()
        return (np.array([]) if x is None else x), (np.array([]) if y is None else y)

    def fork_mark(self, index: int) -> tuple[float, float] | None:
        """Where the fork mark of run ``index`` stands, (x, E); None for the first run."""
        mark = self._marks.get(index)
        if mark is None or not mark.isVisible():
            return None
        x, y = mark.getData()
        return float(x[0]), float(y[0])

    def _draw(self) -> None:
        by_epoch, log = self.by_epoch, self.log_scale.isChecked()
        item = self.plot.getPlotItem()
        item.setLogMode(y=log)
        wanted = {c.index for c in self._curves}
        for gone in [i for i in self._items if i not in wanted]:
            item.removeItem(self._items.pop(gone))
            item.removeItem(self._marks.pop(gone))
        for c in self._curves:
            pen = pg.mkPen(run_colour(c.colour), width=(3.0 if c.shown else 2.0) * self._scale,
                           style=RUN_STYLES[c.colour % len(RUN_STYLES)])
            x = (c.epochs if by_epoch else c.iterations).astype(float)
            y = np.maximum(c.errors, LOG_FLOOR) if log else c.errors
            if c.index not in self._items:
                self._items[c.index] = item.plot()
                mark = pg.PlotDataItem(pen=None, symbol="t1", symbolPen=pg.mkPen("#222222"))
                item.addItem(mark)
                self._marks[c.index] = mark
            curve = self._items[c.index]
            curve.setPen(pen)
            curve.setZValue(2 if c.shown else 1)
            curve.setData(x, y)
            mark = self._marks[c.index]
            if c.origin is None or c.errors.size == 0:
                mark.setVisible(False)
                continue
            mx = fork_x(c, by_epoch)
            my = float(np.interp(mx, x, y)) if x.size else 0.0
            mark.setData([mx], [my], pen=None, symbol="t1", symbolPen=pg.mkPen("#222222"),
                         symbolBrush=pg.mkBrush(run_colour(c.colour)), symbolSize=12 * self._scale)
            mark.setZValue(3)
            mark.setVisible(True)
        for line in self._targets:
            item.removeItem(line)
        targets = sorted({c.settings.target_error for c in self._curves if c.settings.target_error is not None})
        self._targets = []
        for target in targets:
            if log and target <= 0:
                continue
            line = pg.InfiniteLine(pos=np.log10(target) if log else target, angle=0,
                                   pen=pg.mkPen(TARGET_PEN_COLOUR, width=1, style=Qt.PenStyle.DashLine))
            item.addItem(line, ignoreBounds=True)
            self._targets.append(line)
        key = tuple((c.index, c.name, c.colour) for c in self._curves)
        if key != self._legend_key:
            self._legend_key = key
            self.legend.clear()
            self.legend.setColumnCount(max(1, len(self._curves)))  # one row: it covers the least of the curves
            for c in self._curves:
                self.legend.addItem(self._items[c.index], c.name)
        self._label_axes()

    def _label_axes(self) -> None:
        item = self.plot.getPlotItem()
        size = {"font-size": points(BASE_LABEL_POINTS, self._scale)}
        item.setLabel("left", self.tr("E"), **size)
        item.setLabel("bottom", self.tr("epoch") if self.by_epoch else self.tr("iteration t"), **size)

    def set_text_scale(self, scale: float) -> None:
        """Axis ticks and titles, the legend, line widths and marks at ``scale`` × their 100 % size."""
        self._scale = max(0.5, float(scale))
        scale_axes(self.plot.getPlotItem(), self.font(), self._scale)
        self.legend.setLabelTextSize(points(BASE_TICK_POINTS, self._scale))
        self._legend_key = ()  # the legend's labels take the new size when written again
        self._draw()
