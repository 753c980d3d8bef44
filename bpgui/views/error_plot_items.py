"""What the error plot is made of: the pyqtgraph items, their colours, and how a curve takes data.

These are the plot's pyqtgraph items (made once by :func:`build_plot`) with the few places where they
replace pyqtgraph's per-step work: the grid and the marker's label here, the curves (the thinned wide line
that hands over only what changed, cached as a pixmap when long) in ``error_plot_curve``. Their pure array
arithmetic (``simplify``, ``Peaks``) is in ``error_plot_data``.

Colours are chosen for a projector and for red-green colour blindness: E_k
per iteration a mid grey line (the noisy band), E per epoch a bold dark blue
line (dots while there are few epochs), the test E a dashed vermillion line:
hue, weight and dash each tell them apart. Widths and symbols grow with the
text scale (:func:`pens`). :func:`build_plot` makes every item once; the view
only gives them data.

Each step costs one paint: :func:`settle_range` auto-ranges as soon as the data are set (pyqtgraph
would do it inside the paint, and the range it changes there asks for a second paint), and
:class:`GridLines` draws pyqtgraph's grid with one ``drawLines`` per level instead of a Python loop
over every line (the same lines, pens and order: the same pixels).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPicture
from PySide6.QtWidgets import QSizePolicy, QWidget

from .error_plot_curve import CACHED_POINTS, PIXEL_TOLERANCE, ErrorCurve, ThinCurve, uncached
from .error_plot_data import Known, all_finite
from .plot_text import BASE_TICK_POINTS, make_room, no_menus, number_axes, points
from .style import AXIS, BACKGROUND, TEXT

__all__ = ["CACHED_POINTS", "PIXEL_TOLERANCE", "ErrorCurve", "GridLines", "MarkerLabel", "PlotParts", "ThinCurve",
           "build_plot", "pens", "place_legend", "set_curve", "settle_range", "uncached"]

ITERATION_COLOUR = "#7f7f7f"
EPOCH_COLOUR = "#08519c"
TEST_COLOUR = "#d55e00"
ITERATION_PEN = pg.mkPen(ITERATION_COLOUR, width=1.5)
EPOCH_PEN = pg.mkPen(EPOCH_COLOUR, width=3)
EPOCH_SYMBOL_BRUSH = pg.mkBrush(EPOCH_COLOUR)
TEST_PEN = pg.mkPen(TEST_COLOUR, width=2.5, style=Qt.PenStyle.DashLine)
TEST_SYMBOL_BRUSH = pg.mkBrush(TEST_COLOUR)
MARKER_PEN = pg.mkPen("#444444", width=1.5, style=Qt.PenStyle.DashDotLine)
# Where a setting changed mid-run: thin and dotted, so it never reads as the step-back marker.
CHANGE_PEN = pg.mkPen("#7a5c00", width=1, style=Qt.PenStyle.DotLine)
# Peak buckets per pixel column when a curve has more points than pixels (see make_plot).
DOWNSAMPLE_PER_PIXEL = 2.0
HOVER_BRUSH = pg.mkBrush("#e7298a")
ITERATION_SYMBOL_BRUSH = pg.mkBrush(ITERATION_COLOUR)
SYMBOL_SIZE = 5
HOVER_SIZE = 9


@dataclass(frozen=True)
class Pens:
    """The curves' pens and symbol sizes at one scale (the text scale, times a picture's magnification)."""

    iteration: QPen
    epoch: QPen
    test: QPen
    marker: QPen
    change: QPen
    symbol_size: float
    hover_size: float


# A run with a planted bug (Find the bug): its curves in an alarm red, never mistaken for a true run's.
ALARM_COLOURS = {"iteration": "#e58a94", "epoch": "#b3001b"}


def pens(scale: float, alarm: bool = False) -> Pens:
    """Every line ``scale`` times as wide as at 100 % (E_k at least 1.5 px, E 3 px); ``alarm``: E_k and E
    in the alarm colours."""

    def wider(pen: QPen, colour: str = "") -> QPen:
        scaled = QPen(pen)
        scaled.setWidthF(pen.widthF() * scale)
        if alarm and colour:
            scaled.setColor(QColor(colour))
        return scaled

    return Pens(wider(ITERATION_PEN, ALARM_COLOURS["iteration"]), wider(EPOCH_PEN, ALARM_COLOURS["epoch"]),
                wider(TEST_PEN), wider(MARKER_PEN), wider(CHANGE_PEN),
                SYMBOL_SIZE * scale, HOVER_SIZE * scale)


class GridLines(pg.GridItem):
    """pyqtgraph's ``GridItem`` (without text) drawn in one ``drawLines`` per level and axis: its
    ``generatePicture`` made a NumPy point pair and a ``drawLine`` call per line (~330 lines, ~2 ms
    whenever the range changed, i.e. every step). The positions are computed with the same float
    operations, so the picture shows the same lines in the same order with the same pens, less the levels
    pyqtgraph makes fully transparent (lines under 3 px apart: at 784-128-10's first iterations, 250 of the
    y axis' 280). Not cached as a pixmap: its picture replays in ~0.2 ms, while filling a pixmap at each new
    range (every Step while the history is short) cost ~1 ms more."""

    def generatePicture(self) -> None:
        if self.opts["textPen"] is not None:  # pyqtgraph's own draws the texts
            super().generatePicture()
            return
        lvr = self.boundingRect()
        device_transform = self.deviceTransform_()
        if lvr.isNull() or device_transform is None:
            return
        self.picture = QPicture()
        p = QPainter()
        p.begin(self.picture)
        vr = self.getViewWidget().rect()
        dim = [vr.width(), vr.height()]
        ul = np.array([lvr.left(), lvr.top()])
        br = np.array([lvr.right(), lvr.bottom()])
        if ul[1] > br[1]:
            ul[1], br[1] = br[1], ul[1]
        spacing = self.opts["tickSpacing"]
        for i in range(self.grid_depth - 1, -1, -1):
            d = 10.0 ** np.floor(np.log10(np.abs((br - ul) / 10.0 ** i)) + 0.5)
            for ax in range(2):
                if i < len(spacing[ax]) and spacing[ax][i] is not None:
                    d[ax] = spacing[ax][i]
            ul1 = np.floor(ul / d) * d
            nl = ((np.ceil(br / d) * d - ul1) / d) + 0.5
            for ax in range(2):
                if i >= len(spacing[ax]):
                    continue
                alpha = int(fn.clip_scalar(5 * (dim[ax] / nl[ax] - 3), 0, 50))
                if alpha == 0:  # lines under 3 px apart: pyqtgraph draws them invisible (often 3/4 of all)
                    continue
                pen = self.opts["pen"]  # pyqtgraph's own pen, its alpha set per level as there
                colour = pen.color()
                colour.setAlpha(alpha)
                pen.setColor(colour)
                pen.setCosmetic(True)
                p.setPen(pen)
                at = ul1[ax] + np.arange(int(nl[ax]), dtype=np.float64) * d[ax]
                at = at[(at >= min(ul[ax], br[ax])) & (at <= max(ul[ax], br[ax]))]
                bx = (ax + 1) % 2
                start, end = float(ul[bx]), float(br[bx])
                if ax == 0:
                    lines = [QLineF(v, start, v, end) for v in at.tolist()]
                else:
                    lines = [QLineF(start, v, end, v) for v in at.tolist()]
                if lines:
                    p.drawLines(lines)
        p.setWorldTransform(fn.invertQTransform(device_transform))
        p.end()


class MarkerLabel(pg.InfLineLabel):
    """pyqtgraph's label of a vertical line, which does not place itself while hidden: pyqtgraph placed the
    hidden step-back marker's label at every range change (a tenth of a step's plot update). It is placed
    when next shown, as its text is set (the view sets it right after showing the line)."""

    _moved = True

    def viewTransformChanged(self) -> None:
        if self.isVisible():
            super().viewTransformChanged()
        else:
            self._moved = True

    def valueChanged(self) -> None:
        if self._moved and self.isVisible():
            self._moved = False
            super().viewTransformChanged()
        super().valueChanged()


SETTLE_ROUNDS = 4


def settle_range(plot: pg.PlotItem) -> int:
    """Auto-range now, right after new data, rather than inside the next paint (where the changed range
    makes pyqtgraph paint the plot twice). A new range clips and downsamples the curves again, which may
    move their bounds and ask for another auto-range: ranged again until nothing is pending (at most
    ``SETTLE_ROUNDS`` times). Does nothing when no auto-range is pending; answers the rounds taken."""
    box = plot.getViewBox()
    rounds = 0
    while box._autoRangeNeedsUpdate and rounds < SETTLE_ROUNDS:
        box.prepareForPaint()
        rounds += 1
    return rounds


@dataclass(frozen=True)
class PlotParts:
    """The items of one error plot (made once, then only given new data)."""

    widget: pg.PlotWidget
    plot: pg.PlotItem
    grid: pg.GridItem
    iteration_curve: pg.PlotDataItem
    epoch_curve: pg.PlotDataItem
    test_curve: pg.PlotDataItem
    hover_dot: pg.PlotDataItem
    marker: pg.InfiniteLine
    marker_label: pg.InfLineLabel
    legend: pg.LegendItem


def build_plot(parent: QWidget, font: QFont) -> PlotParts:
    """A plot widget child of ``parent`` with its grid, axes, three curves, hover dot, marker and legend."""
    widget = pg.PlotWidget(parent, background=BACKGROUND, axisItems=number_axes(integer_x=True))  # t, epochs
    widget.setMinimumSize(200, 120)
    plot = widget.getPlotItem()
    # pyqtgraph's menus (log, FFT, ... behind the view's back; an English "Export..." at the widget's size):
    # none. The app's File menu exports at a chosen size.
    no_menus(plot)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)
    # A GridItem rather than showGrid(): the axes' own grid is repainted
    # with every tick label and costs ~10 ms a frame on a raster surface.
    grid = GridLines(textPen=None)
    grid.setPen(pg.mkPen("#e4e4e4"))
    grid.setZValue(-10)
    plot.addItem(grid, ignoreBounds=True)
    tick_font = QFont(font)
    tick_font.setPointSizeF(BASE_TICK_POINTS)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setTickFont(tick_font)
        axis.enableAutoSIPrefix(False)  # plain numbers: "0.12", not "120 (x0.001)"
    for name in ("top", "right"):  # hidden, yet pyqtgraph redid their titles' HTML at every range change
        plot.getAxis(name).unlinkFromView()
    make_room(plot, tick_font)  # the top y and the last x tick label
    plot.getViewBox().setDefaultPadding(0.02)

    iteration_curve = ErrorCurve(pen=ITERATION_PEN)
    epoch_curve = ErrorCurve(pen=EPOCH_PEN, antialias=True)
    test_curve = ErrorCurve(pen=TEST_PEN, antialias=True)
    hover_dot = ErrorCurve(
        pen=None, symbol="o", symbolSize=HOVER_SIZE, symbolBrush=HOVER_BRUSH, symbolPen=pg.mkPen("w", width=1.5)
    )
    for item in (iteration_curve, epoch_curve, test_curve):
        plot.addItem(item)
        # Peak downsampling keeps each bucket's lowest and highest error: two buckets per pixel column
        # draw the same envelope as pyqtgraph's five, with 2/5 of the points to stroke (a 3 px
        # antialiased path of ~6,000 points took ~8 ms a paint after a few seconds of Run). Not one:
        # pyqtgraph wants more than one (its auto-range and downsampling may then chase each other).
        item.opts["autoDownsampleFactor"] = DOWNSAMPLE_PER_PIXEL
    plot.addItem(hover_dot, ignoreBounds=True)
    test_curve.setVisible(False)
    hover_dot.setVisible(False)

    marker = pg.InfiniteLine(angle=90, movable=False, pen=MARKER_PEN)
    marker_label = MarkerLabel(marker, text="", position=0.92, color=TEXT, fill=(255, 255, 255, 210))
    marker.setZValue(5)
    marker.setVisible(False)
    plot.addItem(marker, ignoreBounds=True)

    # The legend sits in rows of its own above the plot (where a title would go), wrapping when narrow
    # (see place_legend): it never covers a curve.
    legend = pg.LegendItem(colCount=3, labelTextColor=TEXT, labelTextSize=points(BASE_TICK_POINTS, 1.0),
                           horSpacing=6, frame=False)
    plot.layout.removeItem(plot.titleLabel)
    plot.titleLabel.setVisible(False)
    legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
    legend.layout.setContentsMargins(2, 0, 2, 0)
    plot.layout.addItem(legend, 0, 0, 1, 3, alignment=Qt.AlignmentFlag.AlignCenter)
    return PlotParts(widget, plot, grid, iteration_curve, epoch_curve, test_curve, hover_dot, marker, marker_label,
                     legend)


def set_curve(item: ErrorCurve, x: np.ndarray, y: np.ndarray, known: Known | None = None, **style) -> None:
    """Give a curve its data, on pyqtgraph's fast path when the data are known to be finite (``known``: what
    ``item.see`` knew of these very arrays; None: they are read here)."""
    finite = known.finite if known is not None else all_finite(y) and (x.dtype.kind in "iu" or all_finite(x))
    # Known-finite data skip pyqtgraph's per-point check; otherwise gaps break the line.
    item.setData(x=x, y=y, connect="all" if finite else "finite", skipFiniteCheck=finite, known=known, **style)


def legend_width(legend: pg.LegendItem, columns: int) -> float:
    """Pixels ``legend`` takes across with its entries ``columns`` to a row (its grid's column widths)."""
    spacing = legend.layout.horizontalSpacing()
    left, _top, right, _bottom = legend.layout.getContentsMargins()
    widths = [0.0] * (2 * columns)
    for i, (sample, label) in enumerate(legend.items):
        column = 2 * (i % columns)
        widths[column] = max(widths[column], sample.boundingRect().width())
        widths[column + 1] = max(widths[column + 1], label.minimumWidth())  # its text (its rect may be stretched)
    used = [w for w in widths if w > 0]
    return sum(used) + spacing * max(0, len(used) - 1) + left + right


def place_legend(legend: pg.LegendItem, plot: pg.PlotItem, width: float) -> None:
    """The legend above the plot, as many entries to a row as fit in ``width`` (the plot widget's width):
    it wraps rather than widen the plot past its widget (which would cut off the newest iterations) and
    never covers a curve. The row spans the left axis' column, so the entries get the whole width."""
    left, _top, right, _bottom = plot.layout.getContentsMargins()
    available = width - left - right - 2
    n = max(1, len(legend.items))
    for _sample, label in legend.items:  # measured unwrapped
        if label.item.textWidth() >= 0:
            label.item.setTextWidth(-1)
            label.updateMin()
    columns = next((c for c in range(n, 0, -1) if legend_width(legend, c) <= available), 1)
    if legend_width(legend, 1) > available:  # one entry is wider than the plot (a long name, large text): wrap it
        room = max(30.0, available - legend_width(legend, 1) + max(label.minimumWidth() for _s, label in legend.items))
        for _sample, label in legend.items:
            if label.minimumWidth() > room:
                label.item.setTextWidth(room)
                label.updateMin()
    legend.frame = False
    # wrapped rows close together (a label's rect has a line's leading above and below its text)
    tallest = max((label.minimumHeight() for _sample, label in legend.items), default=0.0)
    legend.layout.setVerticalSpacing(0 if columns == n else -round(0.18 * tallest))
    if legend.parentItem() is not plot:
        legend.setParentItem(plot)
    if legend not in [plot.layout.itemAt(i) for i in range(plot.layout.count())]:
        plot.layout.addItem(legend, 0, 0, 1, 3, alignment=Qt.AlignmentFlag.AlignCenter)
    if columns != legend.columnCount:
        legend.setColumnCount(columns)
    legend.updateSize()
    plot.layout.activate()
