"""The error plot's curves: a wide line stroked through fewer points, handed only what changed, kept as a
pixmap when long.

A wide antialiased line costs Qt's stroker dearly when it zig-zags: after a long Run, peak downsampling
hands the E curve ~1,100 points, four to a pixel column, and its 3 px antialiased path took ~6 ms a
paint. :class:`ThinCurve` strokes such a line through only the points that change what is seen: those
more than :data:`PIXEL_TOLERANCE` device pixels off the line through the rest
(:func:`bpgui.views.error_plot_data.simplify`, ~90 points for that curve). The item keeps all its data,
so bounds, auto-range, hover, log scale and clip-to-view see every point; only the painted path is
thinner, and only on a raster device (a picture or SVG gets every point).

A Step after a long Run usually fills no new downsampling bucket: :class:`ErrorCurve` then hands its line
nothing and asks the view for no auto-range, and the line, cached as a pixmap when long
(:meth:`ThinCurve.choose_cache`), is copied rather than stroked again. :func:`uncached` paints every curve
afresh for a picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from pyqtgraph.graphicsItems.PlotDataItem import PlotDataset
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from .error_plot_data import Known, Peaks, Seen, simplify

# How far (device pixels) the painted line of a wide antialiased curve may stray from its data's line.
PIXEL_TOLERANCE = 0.25
# A thinned wide line that turns back (up to down or down to up) more often than this zig-zags: it is drawn as
# separate segments, which Qt strokes in linear time (as one self-overlapping path, 2,500 points took ~90 ms
# and 6,600 1.4 s). A smooth or staircase line (monotone stretches) stays one path, with its joins.
ZIGZAG_TURNS = 64
# A curve of at least this many points is cached as a pixmap (see ThinCurve.updateData).
CACHED_POINTS = 400
# Auto-downsampling keeps its factor until the range is this fraction past the factor's bucket size (see
# ErrorCurve._getDisplayDataset).
DS_HYSTERESIS = 0.01



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
        self.seen = Seen()  # what the view knows of the arrays it hands (see)
        self._known: Known | None = None  # what it knew of the arrays of the last setData (None: nothing)
        super().__init__(*args, **kwargs)
        old: pg.PlotCurveItem = self.curve
        old.sigClicked.disconnect(self.sigClicked)
        old.setParentItem(None)
        self.curve = ThinCurve()
        self.curve.setParentItem(self)
        self.curve.sigClicked.connect(self.sigClicked)
        self._curve_given = None
        self.updateItems()

    def see(self, x: np.ndarray, y: np.ndarray, x_from: int | None = None) -> Known:
        """What is known of the x and y about to be handed (``Seen.see``): give it to ``setData(known=…)``
        with these very arrays, and the long arrays are read once in all."""
        return self.seen.see(x, y, x_from)

    def setData(self, *args, known: Known | None = None, **kwargs) -> None:
        self._fresh, self._known = True, known
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
        logged = True in opts["logMode"]
        seen = None if logged else self._known  # (of the arrays handed, not of their logarithms)
        if mapped is None:
            d, finite = self._dataset, self.opts["skipFiniteCheck"] or None  # (set_curve: checked finite)
            mapped = self._datasetMapped = PlotDataset(d.x, d.y, d.xAllFinite or finite, d.yAllFinite or finite)
            if logged:
                mapped.applyLogMapping(opts["logMode"])
            elif seen is not None and seen.rect is not None:  # pyqtgraph would read the arrays four times
                x_low, y_low, x_high, y_high = seen.rect
                mapped._dataRect = QRectF(QPointF(x_low, y_low), QPointF(x_high, y_high))
        ds, ds_float = 1, 1.0  # as pyqtgraph chooses it …
        finite_x = mapped.x if mapped.xAllFinite else mapped.x[np.isfinite(mapped.x)]
        if finite_x.shape[0] > 1:
            dx = float(finite_x[-1] - finite_x[0]) / (finite_x.shape[0] - 1)
            width = view.width()
            if dx != 0.0 and width != 0.0:
                ds_float = max(1.0, abs(view.viewRect().width() / dx / (width * opts["autoDownsampleFactor"])))
                if math.isfinite(ds_float):
                    ds = int(ds_float)
        # … except that the last factor stays until the range is DS_HYSTERESIS past its bucket size. pyqtgraph
        # meant its own guard (factors within 1 % of the last) to stop a cycle, but factors are whole numbers:
        # the peaks lose the data's ends, so their bounds, hence the auto-range, follow the factor, and near a
        # factor's edge the range made by one factor chose the other. The plot then repainted for ever (1,143
        # points in a 321 px view). A new factor moves the range by about one point in 1,600, far inside this.
        last = self._adsLastValue
        if last >= 1 and last * (1 - DS_HYSTERESIS) <= ds_float < (last + 1) * (1 + DS_HYSTERESIS):
            ds = last
        self._adsLastValue = ds
        if ds <= 1:
            return super()._getDisplayDataset()
        peaks = PlotDataset(*self.peaks(mapped.x, mapped.y, ds, seen), mapped.xAllFinite, mapped.yAllFinite)
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


@contextmanager
def uncached(item: QGraphicsItem) -> Iterator[None]:
    """While in it, ``item`` and the items below it paint afresh, never from a pixmap Qt cached for the
    screen: a picture (an SVG gets lines, not a raster; a PNG its own magnification)."""
    def tree() -> Iterator[QGraphicsItem]:
        todo = [item]
        while todo:
            part = todo.pop()
            todo.extend(part.childItems())
            yield part

    def curves(uncached: bool) -> None:
        for part in tree():
            if isinstance(part, ThinCurve):
                part.uncached = uncached
                part.choose_cache()

    found = [(part, part.cacheMode()) for part in tree()
             if not isinstance(part, ThinCurve) and part.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for part, _ in found:
        part.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    curves(True)
    try:
        yield
    finally:
        curves(False)
        for part, mode in found:
            part.setCacheMode(mode)
