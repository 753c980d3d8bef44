"""What the error plot is made of: the pyqtgraph items, their colours, and how a curve takes data.

Why one module of ~560 lines: these are the plot's pyqtgraph items (made once by :func:`build_plot`) with
the few places where they replace pyqtgraph's per-step work: the grid, the thinned wide line
(:class:`ThinCurve`), the curve that hands over only what changed (:class:`ErrorCurve`) and the marker's
label. Their pure array arithmetic (``simplify``, ``Peaks``) is in ``error_plot_data``.

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

A wide antialiased line costs Qt's stroker dearly when it zig-zags: after a long Run, peak downsampling
hands the E curve ~1,100 points, four to a pixel column, and its 3 px antialiased path took ~6 ms a
paint. :class:`ThinCurve` strokes such a line through only the points that change what is seen: those
more than :data:`PIXEL_TOLERANCE` device pixels off the line through the rest
(:func:`bpgui.views.error_plot_data.simplify`, ~90 points for that curve). The item keeps all its data,
so bounds, auto-range, hover, log scale and clip-to-view see every point; only the painted path is
thinner, and only on a raster device (a picture or SVG gets every point).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from pyqtgraph.graphicsItems.PlotDataItem import PlotDataset
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QFont, QPaintEngine, QPainter, QPen, QPicture
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy, QWidget

from .error_plot_data import Peaks, all_finite, simplify
from .plot_text import BASE_TICK_POINTS, make_room, no_menus, number_axes, points
from .style import AXIS, BACKGROUND, TEXT

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
# How far (device pixels) the painted line of a wide antialiased curve may stray from its data's line.
PIXEL_TOLERANCE = 0.25
# A thinned wide line that turns back (up to down or down to up) more often than this zig-zags: it is drawn as
# separate segments, which Qt strokes in linear time (as one self-overlapping path, 2,500 points took ~90 ms
# and 6,600 1.4 s). A smooth or staircase line (monotone stretches) stays one path, with its joins.
ZIGZAG_TURNS = 64
# A curve of at least this many points is cached as a pixmap (see ThinCurve.updateData).
CACHED_POINTS = 400


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


def pens(scale: float) -> Pens:
    """Every line ``scale`` times as wide as at 100 % (E_k at least 1.5 px, E 3 px)."""

    def wider(pen: QPen) -> QPen:
        scaled = QPen(pen)
        scaled.setWidthF(pen.widthF() * scale)
        return scaled

    return Pens(wider(ITERATION_PEN), wider(EPOCH_PEN), wider(TEST_PEN), wider(MARKER_PEN), wider(CHANGE_PEN),
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


class ThinCurve(pg.PlotCurveItem):
    """pyqtgraph's curve, its wide antialiased solid line stroked through fewer points, and as separate
    segments when even those zig-zag (see the module note). ``tolerance`` None strokes every point as one
    path (pyqtgraph's own way). ``stroked_points`` is how many points the last line built has."""

    def __init__(self, *args, **kwargs) -> None:
        self.tolerance: float | None = PIXEL_TOLERANCE
        self.stroked_points = 0
        self._pixels: tuple[float, float, float, float] | None = None  # data → device pixels, last painted
        self._thin: tuple[tuple | None, np.ndarray, np.ndarray] | None = None  # (key, x, y) to stroke
        self._turns = 0  # how often the thinned line turns back
        self.uncached = False  # never a pixmap (see choose_cache)
        super().__init__(*args, **kwargs)

    def _key(self) -> tuple | None:
        """What the line is thinned for: (pixel scale, tolerance), or None when it is not thinned."""
        pen, opts = self.opts["pen"], self.opts
        if (self.tolerance is None or self._pixels is None or not opts["antialias"] or pen.widthF() <= 1.0
                or pen.style() != Qt.PenStyle.SolidLine or opts["stepMode"] or opts["fillLevel"] is not None
                or not isinstance(opts["connect"], str) or opts["connect"] not in ("all", "finite")):
            return None
        return (self._pixels, self.tolerance)

    def thinned(self) -> tuple[np.ndarray, np.ndarray]:
        """The points the line is stroked through at the last painted scale (all of them if not thinned)."""
        key = self._key()
        if self._thin is None or self._thin[0] != key:
            x, y = self.xData, self.yData
            if x is None or y is None:
                x = y = np.empty(0)
            elif key is not None and x.shape[0] > 2:
                (m11, m12, m21, m22), tolerance = key
                keep = simplify(m11 * x + m21 * y, m12 * x + m22 * y, tolerance)
                if keep.shape[0] < x.shape[0]:
                    x, y = x[keep], y[keep]
            self._thin = (key, x, y)
            if key is not None:
                (_m11, m12, _m21, m22), _tolerance = key
                rise = np.sign(np.diff(m12 * x + m22 * y))
                self._turns = int(np.count_nonzero(rise[1:] * rise[:-1] < 0))
            self.path = None  # built from the old points
            self._lineSegmentsRendered = False
        return self._thin[1], self._thin[2]

    def draws_segments(self) -> bool:
        """Whether the line is drawn as separate segments (pyqtgraph's rule, or a thinned line turning back
        more than ZIGZAG_TURNS times: a zig-zag, which Qt strokes as one path very slowly)."""
        return self._shouldUseDrawLineSegments(self.opts["pen"])

    def updateData(self, *args, **kwargs) -> None:
        self._thin = None
        super().updateData(*args, **kwargs)
        self.choose_cache()

    def choose_cache(self) -> None:
        """A long line is cached as a pixmap: a repaint that changes nothing (most Steps after a long Run)
        copies it instead of stroking ~1,000 points again; Qt paints it afresh after update() (new data) or
        a new transform (range). A short line is stroked faster than a pixmap is filled and copied. While
        ``uncached`` (a picture is being made) nothing is, nor while the view does not auto-range (zoomed in,
        the line's bounds may be thousands of pixels past the view, and Qt's pixmap would hold them all)."""
        view = self.getViewBox()
        ranged = isinstance(view, pg.ViewBox) and all(axis is not False for axis in view.autoRangeEnabled())
        long = (not self.uncached and ranged and self.xData is not None
                and self.xData.shape[0] >= CACHED_POINTS)
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if long else QGraphicsItem.CacheMode.NoCache
        if self.cacheMode() != mode:
            self.setCacheMode(mode)

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):
        """pyqtgraph's, by plain min and max when the data are known finite (``skipFiniteCheck``: the view
        checked them), without its NaN-aware reductions and warnings guard (auto-range asks every step)."""
        pens = (self.opts["pen"], self.opts["shadowPen"])
        if (frac < 1.0 or orthoRange is not None or not self.opts["skipFiniteCheck"] or self.xData is None
                or self.xData.shape[0] == 0 or self._boundsCache[ax] is not None or self.opts["stepMode"]
                or self.opts["fillLevel"] is not None or any(p is not None and not p.isCosmetic() for p in pens)):
            return super().dataBounds(ax, frac, orthoRange)
        d = self.xData if ax == 0 else self.yData
        bounds = (float(d.min()), float(d.max()))
        self._boundsCache[ax] = [(frac, orthoRange), bounds]
        return bounds

    def paint(self, p: QPainter, opt, widget) -> None:
        engine = p.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Raster:
            t = p.transform()
            ratio = p.device().devicePixelRatioF()
            self._pixels = (t.m11() * ratio, t.m12() * ratio, t.m21() * ratio, t.m22() * ratio)
        else:
            self._pixels = None  # a vector picture: every point
        self.thinned()  # drops the path and segments built for another scale
        pen = self.opts["pen"]
        if self._key() is None or not self.draws_segments():
            super().paint(p, opt, widget)
            return
        # Flat caps: at a zig-zag's sharp turns the segments' union is the path with its bevel joins (square
        # or round caps stick out past every peak and widen the band).
        flat_pen = QPen(pen)
        flat_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.opts["pen"] = flat_pen
        try:
            super().paint(p, opt, widget)
        finally:
            self.opts["pen"] = pen

    def generatePath(self, x: np.ndarray, y: np.ndarray):
        x, y = self.thinned()
        self.stroked_points = int(x.shape[0])
        return super().generatePath(x, y)

    def _shouldUseDrawLineSegments(self, pen: QPen) -> bool:
        if self._key() is not None:
            self.thinned()
            if self._turns > ZIGZAG_TURNS:
                return True
        return super()._shouldUseDrawLineSegments(pen)

    def _getLineSegments(self):
        if self.opts["stepMode"]:
            return super()._getLineSegments()
        if not self._lineSegmentsRendered:
            x, y = self.thinned()
            self.stroked_points = int(x.shape[0])
            self._lineSegments = arrayToLineSegments(x, y, connect=self.opts["connect"],
                                                     finiteCheck=not self.opts["skipFiniteCheck"],
                                                     out=self._lineSegments)
            self._lineSegmentsRendered = True
        return self._lineSegments.drawargs()


# PlotDataItem option → PlotCurveItem / ScatterPlotItem argument (as PlotDataItem.updateItems hands them)
_CURVE_ARGS = (("pen", "pen"), ("shadowPen", "shadowPen"), ("fillLevel", "fillLevel"), ("fillOutline", "fillOutline"),
               ("fillBrush", "brush"), ("antialias", "antialias"), ("connect", "connect"), ("stepMode", "stepMode"),
               ("skipFiniteCheck", "skipFiniteCheck"))
_DOT_ARGS = (("symbolPen", "pen"), ("symbolBrush", "brush"), ("symbol", "symbol"), ("symbolSize", "size"),
             ("data", "data"), ("pxMode", "pxMode"), ("antialias", "antialias"), ("useCache", "useCache"))


def _same(a, b) -> bool:
    """Equal options or arrays (an array only to an array of the same values; NaN equals NaN)."""
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and a.dtype == b.dtype):
            return False
        # NaN-free first (one pass, ~4x faster than the NaN-aware comparison, which a NaN then decides)
        return bool(np.array_equal(a, b)) or (a.dtype.kind == "f" and bool(np.array_equal(a, b, equal_nan=True)))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


class ErrorCurve(pg.PlotDataItem):
    """pyqtgraph's PlotDataItem with a :class:`ThinCurve`, handing its curve and dots only what changed.

    pyqtgraph's ``updateItems`` gives the curve and the scatter of dots their data and every style option
    on each call: on each ``setData`` and again on each change of the view's range, which auto-range makes
    at every step (the dots' scatter rebuilt four times a step). Here the curve gets data only when the
    points to show differ in value from copies of those it was given (after a long Run most steps fill no
    new downsampling bucket: the curve keeps its path and its cached picture, and the view is not asked
    to auto-range again), and the dots get their style options only when those changed, and only their
    new points when the history grew. ``handed`` counts what was handed (for tests): ``curve`` data,
    ``dots`` (points) and ``dot_style``."""

    curve: ThinCurve
    _dataset: PlotDataset | None
    _datasetMapped: PlotDataset | None
    _datasetDisplay: PlotDataset | None
    _adsLastValue: int

    def __init__(self, *args, **kwargs) -> None:
        self._curve_given: tuple[dict, np.ndarray, np.ndarray] | None = None  # (args, x, y) the curve has
        # (style, x, y, copy of x, copy of y) the dots have: the arrays may be refilled by the next setData
        self._dots_given: tuple[dict, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._fresh = True  # setData since the last updateItems
        self.handed = {"curve": 0, "dots": 0, "dot_style": 0}
        self._scatter_calls = 0  # setData and addPoints calls to the dots
        self._setting = False  # inside setData
        self._informed: tuple | None = None  # the _bounds_token the view was last told of
        self.peaks = Peaks()
        super().__init__(*args, **kwargs)
        old: pg.PlotCurveItem = self.curve
        old.sigClicked.disconnect(self.sigClicked)
        old.setParentItem(None)
        self.curve = ThinCurve()
        self.curve.setParentItem(self)
        self.curve.sigClicked.connect(self.sigClicked)
        self._curve_given = None
        self.updateItems()

    def setData(self, *args, **kwargs) -> None:
        self._fresh = True
        style = [key for key in kwargs if key in self.opts and key not in ("connect", "skipFiniteCheck")]
        if style and all(_same(kwargs[key], self.opts[key]) for key in style):
            # The style it has (every Step gives it again): pyqtgraph would store each option and mark the
            # style changed, a Qt property set per option, for nothing.
            kwargs = {key: value for key, value in kwargs.items() if key not in style}
        self._setting = True
        try:
            super().setData(*args, **kwargs)
        finally:
            self._setting = False

    def _bounds_token(self) -> tuple:
        """What this item's bounds (its curve's or its dots') follow: what they were handed, whether shown."""
        return (self.handed["curve"], self._scatter_calls, self.curve.isVisible(), self.scatter.isVisible())

    def informViewBoundsChanged(self) -> None:
        """pyqtgraph's, except after a ``setData`` that handed the curve and the dots nothing new (a Step whose
        point fills no new downsampling bucket): then the bounds are the same and the view's auto-range,
        which would measure every curve again, is not asked for."""
        token = self._bounds_token()
        if self._setting and token == self._informed:
            return
        self._informed = token
        super().informViewBoundsChanged()

    def viewRangeChanged(self, vb=None, ranges=None, changed=None) -> None:
        super().viewRangeChanged(vb, ranges, changed)
        self.curve.choose_cache()  # a zoom turns auto-range off: no pixmap then

    def _getDisplayDataset(self) -> PlotDataset | None:
        """pyqtgraph's, its peak downsampling served by :class:`Peaks` (only new buckets reduced) while the
        view does not clip (x auto-range on): pyqtgraph is handed the peaks as the data to show, with
        the whole data's bounds, and does the rest (dynamic range limit, the display cache) itself."""
        opts, view = self.opts, self.getViewBox()
        if (self._dataset is None or not opts["autoDownsample"] or opts["downsampleMethod"] != "peak"
                or opts["fftMode"] or opts["derivativeMode"] or opts["phasemapMode"] or opts["subtractMeanMode"]
                or self._dataset.y.dtype == bool or self._dataset.x.dtype == bool or view is None
                or (opts["clipToView"] and not view.autoRangeEnabled()[0])
                or (self._datasetDisplay is not None  # pyqtgraph's cache is still good
                    and not self.property("xViewRangeWasChanged")
                    and not (self.property("yViewRangeWasChanged") and opts["dynamicRangeLimit"] is not None))):
            return super()._getDisplayDataset()
        mapped = self._datasetMapped
        if mapped is None:
            d, known = self._dataset, self.opts["skipFiniteCheck"] or None  # (set_curve: checked finite)
            mapped = self._datasetMapped = PlotDataset(d.x, d.y, d.xAllFinite or known, d.yAllFinite or known)
            if True in opts["logMode"]:
                mapped.applyLogMapping(opts["logMode"])
        ds = 1  # as pyqtgraph chooses it
        finite_x = mapped.x if mapped.xAllFinite else mapped.x[np.isfinite(mapped.x)]
        if finite_x.shape[0] > 1:
            dx = float(finite_x[-1] - finite_x[0]) / (finite_x.shape[0] - 1)
            width = view.width()
            if dx != 0.0 and width != 0.0:
                ds_float = max(1.0, abs(view.viewRect().width() / dx / (width * opts["autoDownsampleFactor"])))
                if math.isfinite(ds_float):
                    ds = int(ds_float)
        if math.isclose(ds, self._adsLastValue, rel_tol=0.01):
            ds = self._adsLastValue
        self._adsLastValue = ds
        if ds <= 1:
            return super()._getDisplayDataset()
        peaks = PlotDataset(*self.peaks(mapped.x, mapped.y, ds), mapped.xAllFinite, mapped.yAllFinite)
        peaks._dataRect = mapped.dataRect()  # the whole data's, for pyqtgraph's dynamic range limit
        saved = opts["autoDownsample"], opts["downsample"]
        opts["autoDownsample"], opts["downsample"], self._datasetMapped = False, 1, peaks
        self._datasetDisplay = None
        try:
            return super()._getDisplayDataset()
        finally:
            (opts["autoDownsample"], opts["downsample"]), self._datasetMapped = saved, mapped

    def updateItems(self, styleUpdate: bool = True) -> None:
        opts = self.opts
        if opts.get("stepMode") == "center":  # x moves to the centres there: pyqtgraph's own
            self._curve_given = self._dots_given = None
            super().updateItems(styleUpdate)
            return
        dataset = self._getDisplayDataset()
        fresh, self._fresh = self._fresh, False
        if dataset is None:
            self._curve_given = self._dots_given = None
            self.curve.hide()
            self.scatter.hide()
            return
        x, y = dataset.x, dataset.y
        if opts["pen"] is not None or (opts["fillBrush"] is not None and opts["fillLevel"] is not None):
            args = {name: opts[key] for key, name in _CURVE_ARGS if key in opts}
            if dataset.connect is not None:
                args["connect"] = dataset.connect
            if isinstance(args["connect"], str) and args["connect"] == "auto":
                finite = dataset.containsNonfinite is False
                args["connect"], args["skipFiniteCheck"] = ("all", True) if finite else ("finite", False)
            # What the curve was given, as copies (a caller may refill its arrays): the same values again (a
            # range change, or a step whose new point fills no new bucket) keep the curve's path and picture.
            given = self._curve_given
            if given is None or not (_same(given[1], x) and _same(given[2], y) and _same(given[0], args)):
                self.curve.setData(x=x, y=y, **args)
                self._curve_given = (args, np.array(x), np.array(y))
                self.handed["curve"] += 1
            elif self.curve.xData is not x or self.curve.yData is not y:
                self.curve.xData, self.curve.yData = x, y  # equal values: what it has drawn stays right
            self.curve.show()
        else:
            self._curve_given = None
            self.curve.hide()
        if opts["symbol"] is None:
            self._dots_given = None
            self.scatter.hide()
            return
        style = {name: opts[key] for key, name in _DOT_ARGS if key in opts}
        dots, n = self._dots_given, x.shape[0]
        if dots is not None and not fresh and dots[1] is x and dots[2] is y and _same(dots[0], style):
            self.scatter.show()  # a range change, the same points
            return
        if dots is None or not _same(dots[0], style):
            self.scatter.setData(x=x, y=y, **style)
            self._scatter_calls += 1
            self.handed["dot_style"] += 1
            self.handed["dots"] += n
        elif not (_same(dots[3], x) and _same(dots[4], y)):
            k = dots[3].shape[0]
            if 0 < k < n and _same(dots[3], x[:k]) and _same(dots[4], y[:k]):
                self.scatter.addPoints(x=x[k:], y=y[k:])  # a longer history: only the new dots
                self._scatter_calls += 1
                self.handed["dots"] += n - k
            else:
                self.scatter.setData(x=x, y=y)  # the style given before stays the scatter's default
                self._scatter_calls += 1
                self.handed["dots"] += n
        self._dots_given = (style, x, y, np.array(x), np.array(y))
        self.scatter.show()


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


@contextmanager
def uncached(item: QGraphicsItem) -> Iterator[None]:
    """While in it, ``item`` and the items below it paint afresh, never from a pixmap Qt cached for the
    screen: a picture (an SVG gets lines, not a raster; a PNG its own magnification)."""
    found, todo = [], [item]
    while todo:
        part = todo.pop()
        todo.extend(part.childItems())
        if isinstance(part, ThinCurve):
            part.uncached = True
            part.choose_cache()
        elif part.cacheMode() != QGraphicsItem.CacheMode.NoCache:
            found.append((part, part.cacheMode()))
            part.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        todo = [item]
        while todo:
            part = todo.pop()
            todo.extend(part.childItems())
            if isinstance(part, ThinCurve):
                part.uncached = False
                part.choose_cache()
        for part, mode in found:
            part.setCacheMode(mode)


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


def set_curve(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray, **style) -> None:
    """Give a curve its data, on pyqtgraph's fast path when the data are known to be finite."""
    finite = all_finite(y) and (x.dtype.kind in "iu" or all_finite(x))
    # Known-finite data skip pyqtgraph's per-point check; otherwise gaps break the line.
    item.setData(x=x, y=y, connect="all" if finite else "finite", skipFiniteCheck=finite, **style)


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
