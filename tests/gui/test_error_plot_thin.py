"""The wide E curve is stroked through only the points that change what is seen (ThinCurve): few points for a
smooth curve, separate segments for a zig-zag, the same picture as pyqtgraph's every-point path, the data
(hover, bounds, gaps) untouched, and every point in a vector picture."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage

from bpgui.views.error_plot import ErrorPlotView
from bpgui.views.error_plot_data import LARGEST_CHUNK, simplify
from bpgui.views.error_plot_items import PIXEL_TOLERANCE, ThinCurve

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

# "Looks the same": at most this fraction of the plot's pixels differs by more than DIFFERENT in a channel
# (measured: 0.1 % for a smooth curve, on its antialiased edges; ~0 for a zig-zag).
DIFFERENT = 64
AT_MOST = {"smooth": 0.002, "noisy": 0.0005}


def _distances(px: np.ndarray, py: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Each point's distance to the segment of kept points around it."""
    segment = np.minimum(np.searchsorted(keep, np.arange(px.shape[0]), side="right") - 1, keep.shape[0] - 2)
    a, b = keep[segment], keep[segment + 1]
    dx, dy, qx, qy = px[b] - px[a], py[b] - py[a], px - px[a], py - py[a]
    along = np.clip((qx * dx + qy * dy) / np.maximum(dx * dx + dy * dy, 1e-300), 0.0, 1.0)
    return np.hypot(qx - along * dx, qy - along * dy)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(-50, 50), st.floats(-50, 50)), min_size=0, max_size=300),
       st.lists(st.integers(0, 299), max_size=6), st.sampled_from([0.1, 0.25, 2.0]), st.booleans())
def test_simplify_keeps_every_point_within_the_tolerance_and_every_gap(points, gaps, tolerance, sorted_x):
    px = np.array([p[0] for p in points], dtype=np.float64)
    py = np.array([p[1] for p in points], dtype=np.float64)
    if sorted_x:
        px = np.sort(px)
    for g in gaps:
        if g < py.shape[0]:
            py[g] = np.nan
    keep = simplify(px, py, tolerance)
    n = px.shape[0]
    assert np.array_equal(keep, np.unique(keep)) and (n == 0 or (keep[0] == 0 and keep[-1] == n - 1))
    bad = np.flatnonzero(~np.isfinite(py))
    for i in bad:  # a gap, and the points either side of it, stay
        assert set(range(max(0, i - 1), min(n, i + 2))) <= set(keep.tolist())
    if n > 2 and bad.shape[0] == 0:
        assert _distances(px, py, keep).max() <= tolerance * (1 + 1e-9)


def test_a_straight_line_keeps_one_point_in_each_largest_chunk():
    px = np.arange(1000.0)
    assert simplify(px, 0.5 * px, PIXEL_TOLERANCE).shape[0] <= 999 // LARGEST_CHUNK + 2
    zigzag = np.where(np.arange(1000) % 2, 5.0, 0.0)  # nothing to leave out
    assert simplify(px, zigzag, PIXEL_TOLERANCE).shape[0] == 1000


def _history(kind: str, n: int = 40_000, per: int = 4) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    base = 0.5 * np.exp(-np.arange(1, n + 1) / 6000) + 0.01
    errors = base * (1 + 0.6 * rng.standard_normal(n)) ** 2 if kind == "noisy" else base
    ends = np.arange(0, n + 1, per)
    epoch = np.r_[errors[0], errors.reshape(-1, per).mean(axis=1)]
    if kind == "noisy":
        epoch = epoch * (1 + 0.3 * rng.standard_normal(epoch.shape[0])) ** 2
    return errors, ends, epoch


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, :image.width(), :3].astype(np.int16)


def _settled(widget) -> QImage:
    """The widget's picture once a paint changes nothing more (the first paints settle range and downsampling)."""
    image = widget.grab().toImage()
    for _ in range(5):
        again = widget.grab().toImage()
        if again == image:
            return image
        image = again
    raise AssertionError("the plot never settled")


def _every_point(view: ErrorPlotView) -> None:
    for item in (view.iteration_curve, view.epoch_curve, view.test_curve):
        item.curve.tolerance = None  # pyqtgraph's own: one path through every point
        item.curve.update()


@pytest.fixture
def shown(qtbot):
    def make(kind: str, log: bool = False, size: tuple[int, int] = (700, 400)) -> ErrorPlotView:
        view = ErrorPlotView()
        qtbot.addWidget(view)
        view.resize(*size)
        view.set_log_scale(log)
        view.set_history(*_history(kind))
        view.show()
        qtbot.waitExposed(view)
        return view
    return make


@pytest.mark.parametrize("kind, log", [("smooth", False), ("smooth", True), ("noisy", False)])
def test_the_thinned_curve_looks_like_every_points_path(shown, kind, log, tmp_path):
    view = shown(kind, log)
    curve = view.epoch_curve.curve
    widget = view.plot_item.getViewWidget()
    new = _settled(widget)
    rows = curve.xData.shape[0]
    if kind == "smooth":  # fewer points, one path
        assert curve.stroked_points < rows / 3 and not curve.draws_segments()
    else:  # a zig-zag keeps its points, drawn as separate segments
        assert curve.stroked_points > rows * 0.9 and curve.draws_segments()
    assert view.iteration_curve.curve.stroked_points == view.iteration_curve.curve.xData.shape[0]  # thin pen: as before
    _every_point(view)
    old = _settled(widget)
    assert curve.stroked_points == rows and not curve.draws_segments()
    difference = np.abs(_pixels(new) - _pixels(old)).max(axis=2)
    assert (difference > 0).sum() > 0  # not the same path drawn twice
    assert (difference > DIFFERENT).mean() <= AT_MOST[kind], (difference > DIFFERENT).mean()
    new.save(str(tmp_path / "thinned.png"))  # to look at
    old.save(str(tmp_path / "every_point.png"))


def test_the_data_are_untouched_and_gaps_stay_gaps(shown):
    view = shown("smooth")
    errors, ends, epoch = _history("smooth")
    epoch = epoch.copy()
    epoch[5000:5003] = np.nan  # a gap in the middle of the curve
    view.set_history(errors, ends, epoch)
    view.plot_item.getViewWidget().grab()
    item = view.epoch_curve
    x, y = item.curve.thinned()
    assert x.shape[0] < item.curve.xData.shape[0]
    shown_x, shown_y = item.curve.xData, item.curve.yData
    gap = np.flatnonzero(np.isnan(shown_y))
    assert gap.shape[0] and np.isnan(y).sum() == gap.shape[0]  # every NaN of the drawn data, in place
    for i in gap:  # with its finite neighbours
        for j in (i - 1, i + 1):
            if np.isfinite(shown_y[j]):
                assert np.any((x == shown_x[j]) & (y == shown_y[j]))
    original_x, original_y = item.getOriginalDataset()
    assert np.array_equal(original_y, epoch, equal_nan=True) and original_x.shape == epoch.shape  # every row
    assert view.value_at(2500.4).startswith("t = 2500: ")


def test_a_new_scale_or_new_data_thin_again_and_a_vector_picture_gets_every_point(shown, tmp_path, monkeypatch):
    painted: list[tuple[bool, int, int]] = []  # (drawn through every point, points stroked, points) per paint
    paint = ThinCurve.paint

    def recorded(self, *args) -> None:
        paint(self, *args)
        if self.opts["antialias"]:
            painted.append((self._key() is None, self.stroked_points, self.xData.shape[0]))

    monkeypatch.setattr(ThinCurve, "paint", recorded)  # before the items exist: Qt looks it up once
    view = shown("smooth")
    curve = view.epoch_curve.curve
    before = curve.thinned()[0].shape[0]
    key = curve._key()
    view.resize(1400, 800)
    _settled(view.plot_item.getViewWidget())
    assert curve._key() != key  # another pixel scale …
    assert curve.stroked_points == curve.thinned()[0].shape[0] != before  # … another line
    painted.clear()
    view.export_svg(tmp_path / "curve.svg")
    assert painted and all(every and stroked == rows for every, stroked, rows in painted)  # an SVG: every point
    painted.clear()
    view.export_png(tmp_path / "curve.png", 1600)
    assert QImage(str(tmp_path / "curve.png")).width() == 1600
    assert painted and all(not every and stroked < rows for every, stroked, rows in painted)  # a PNG: thinned
    errors, ends, epoch = _history("smooth", n=20_000)
    view.set_history(errors, ends, epoch)
    _settled(view.plot_item.getViewWidget())
    assert curve.stroked_points == curve.thinned()[0].shape[0] < curve.xData.shape[0]
