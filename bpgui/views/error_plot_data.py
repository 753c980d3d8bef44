"""The arithmetic behind the error curve: finite checks, the log-scale floor, epoch positions.

Pure NumPy on the history's arrays, written to touch each long array at most
once and to allocate no temporary as long as the history where it can
(:class:`bpgui.views.error_plot.ErrorPlotView` draws 10^6 iterations).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ..model.pages import small_pages_empty


def exact(value: float) -> str:
    """A float at full precision (the shortest text that reads back to the same number)."""
    return repr(float(value))


def all_finite(values: np.ndarray) -> bool:
    """True only if every value is finite; one pass and no temporary array.

    A finite sum proves every term finite; an overflowing sum only makes the
    answer a cautious False.
    """
    if values.shape[0] == 0:
        return True
    with np.errstate(all="ignore"):
        return math.isfinite(float(np.add.reduce(values)))


def has_nonpositive(values: np.ndarray | None) -> bool:
    """Whether a log scale could not draw some value (zero, negative; NaN is not drawn anyway)."""
    if values is None or values.shape[0] == 0:
        return False
    smallest = values.min()  # no temporary array; NaN if any value is NaN
    if smallest <= 0:
        return True
    return bool(np.isnan(smallest) and (values <= 0).any())


def smallest_positive(values: np.ndarray | None) -> float:
    if values is None or values.shape[0] == 0:
        return math.inf
    return float(np.min(values, where=values > 0, initial=math.inf))  # NaN compares False


def log_floor(*arrays: np.ndarray | None) -> float:
    """A positive value a decade below every positive value shown (zeros are drawn there)."""
    smallest = min(smallest_positive(a) for a in arrays)
    if not math.isfinite(smallest):
        return 1e-12
    return max(smallest / 10.0, np.finfo(np.float64).tiny)


def for_display(errors: np.ndarray, epoch: np.ndarray, test: np.ndarray | None, log: bool, ceiling: float,
                largest: tuple[float | None, float | None] = (None, None)
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, float | None, bool]:
    """The three curves' values as drawn, the log scale's floor (None: none needed) and whether a value was
    capped.

    The log scale cannot draw zeros or negatives: those are drawn at :func:`log_floor` (NaN stays NaN).
    Qt cannot draw coordinates past ~1e38 (a diverging run reaches 1e200): on the linear scale values
    above ``ceiling`` are drawn at it, so the axis stays finite (hovering reads the value). An array
    needing neither comes back itself, not copied; each is read once for its maximum (linear scale), unless
    ``largest`` gives it (``Seen.largest`` of ``errors`` and of ``epoch``; None: read).
    """
    floor: float | None = None
    capped = False

    def shown(a: np.ndarray, low: bool, known: float | None = None) -> np.ndarray:
        nonlocal capped
        if log:
            return np.maximum(a, floor) if floor is not None and low else a
        if a.shape[0] and (_largest(a) if known is None else known) > ceiling:
            capped = True
            return np.minimum(a, ceiling)
        return a

    low = [has_nonpositive(a) for a in (errors, epoch, test)] if log else [False] * 3
    if any(low):
        floor = log_floor(errors, epoch, test)
    return (shown(errors, low[0], largest[0]), shown(epoch, low[1], largest[1]),
            None if test is None else shown(test, low[2]), floor, capped)


def _largest(values: np.ndarray) -> float:
    """``np.nanmax(values, initial=0.0)``, by the faster plain maximum unless a NaN makes it NaN."""
    largest = float(values.max(initial=0.0))
    return float(np.nanmax(values, initial=0.0)) if math.isnan(largest) else largest


class Known(NamedTuple):
    """What :class:`Seen` knew of a curve's x and y as handed at its ``version`` (see there)."""

    seen: Seen
    version: int
    same: int  # leading points (x and y) that are the previous version's
    finite: bool  # every x and y finite
    rect: tuple[float, float, float, float] | None  # (x low, y low, x high, y high) when finite and not empty

    def follows(self, seen: Seen | None, version: int) -> bool:
        """Whether this is what the same tracker saw next after ``version``."""
        return seen is self.seen and version == self.version - 1

    @property
    def largest(self) -> float | None:
        """y's largest value or 0, as ``for_display`` reads it (None when not every value is finite)."""
        if not self.finite:
            return None
        return 0.0 if self.rect is None else max(0.0, self.rect[3])


class Seen:
    """A curve's x and y as handed at each update, usually the same values and a few more at the end (a
    history that grows): what is known of them, so that a step reads the long arrays once, not once per
    question (is every value finite, the extremes, which downsampling buckets are new: ~6 passes).

    :meth:`see` compares the new arrays with private copies of the values seen last (one pass over what
    both hold: any change, e.g. a run stepped back and on with other settings, and nothing is kept) and
    reads only the values after the unchanged ones for their finiteness and extremes. An x known to be
    the range start, start + 1, … (``x_from``) is neither compared nor copied."""

    def __init__(self) -> None:
        self.version = 0
        self._x, self._y = np.empty(0), np.empty(0)  # copies (room to grow) of the first ``_n`` values seen
        self._n = 0
        self._x_from: int | None = None  # x was the range from this start (not copied)
        self._finite = True
        self._low = np.array([np.inf, np.inf])  # (x, y) extremes of the values seen, while all are finite
        self._high = np.array([-np.inf, -np.inf])
        self.compared = 0  # values compared with the copies (for tests)

    def see(self, x: np.ndarray, y: np.ndarray, x_from: int | None = None) -> Known:
        """What is known of ``x`` and ``y`` (of the same length; ``x_from``: x is the range from it)."""
        n, old = y.shape[0], self._n
        m = min(old, n)
        same = m if m and self._equal(x, y, m, x_from) else 0
        if same < old:  # changed or cut: the extremes of what is left are not known, read it all
            same, self._n = 0, 0
        if same == 0:
            self._finite, self._low[:], self._high[:] = True, np.inf, -np.inf
        self._copy(x, y, same, n, x_from)
        if self._finite and n > same:
            new_x, new_y = x[same:], y[same:]
            self._finite = all_finite(new_y) and (new_x.dtype.kind in "iu" or all_finite(new_x))
            if self._finite:
                for axis, part in enumerate((new_x, new_y)):
                    self._low[axis] = min(self._low[axis], float(part.min()))
                    self._high[axis] = max(self._high[axis], float(part.max()))
        self.version += 1
        rect = (float(self._low[0]), float(self._low[1]), float(self._high[0]), float(self._high[1]))
        return Known(self, self.version, same, self._finite, rect if self._finite and n else None)

    def _equal(self, x: np.ndarray, y: np.ndarray, m: int, x_from: int | None) -> bool:
        self.compared += m
        if x_from is not None or self._x_from is not None:  # a range then or now: the same start, the same values
            same_x = x_from == self._x_from
        else:
            same_x = _same_values(self._x[:m], x[:m])
        return same_x and _same_values(self._y[:m], y[:m])

    def _copy(self, x: np.ndarray, y: np.ndarray, same: int, n: int, x_from: int | None) -> None:
        if self._y.shape[0] < n or self._y.dtype != y.dtype:
            self._y = _grown(self._y, y.dtype, n, same)
        if x_from is None and (self._x.shape[0] < n or self._x.dtype != x.dtype):
            self._x = _grown(self._x, x.dtype, n, same)
        self._y[same:n] = y[same:n]
        if x_from is None:
            self._x[same:n] = x[same:n]
        self._x_from, self._n = x_from, n


def _grown(copy: np.ndarray, dtype: np.dtype, n: int, keep: int) -> np.ndarray:
    """Room for at least ``n`` values (twice the old room: amortised growth), the first ``keep`` kept. Made
    without NumPy's huge-page request (``model.pages.small_pages_empty``): a long history's copies grow to
    ~16 MB inside a Step's plot update, which the kernel's compaction for huge pages made 50 ms on the 2-core VM."""
    grown = small_pages_empty(max(n, 2 * copy.shape[0]), dtype)
    grown[:keep] = copy[:keep]
    return grown


def _same_values(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal values (NaN equals NaN): the plain comparison first, the NaN-aware one only when it fails."""
    return bool(np.array_equal(a, b)) or (a.dtype.kind == "f" and bool(np.array_equal(a, b, equal_nan=True)))


def epoch_length(ends: np.ndarray, iterations_per_epoch: float | None) -> float | None:
    """Iterations per epoch: as given, else the length of the last finished epoch (None if unknown)."""
    if iterations_per_epoch is not None:
        return iterations_per_epoch
    if ends.shape[0] >= 2 and ends[-1] > ends[-2]:
        return float(ends[-1] - ends[-2])
    return None


def epoch_positions(t: np.ndarray, ends: np.ndarray, length: float | None) -> np.ndarray:
    """Fractional epochs of iterations t (sorted), interpolated between the epoch ends.

    ``ends[r]`` is the iteration that ends row r (row 0 before training).
    Iterations after the last end (the epoch in progress) continue at one
    epoch per ``length`` iterations (default: as many as there are t).
    """
    if ends.shape[0] == 0:
        ends = np.zeros(1, dtype=np.int64)
    rows = ends.shape[0]
    x = np.interp(t, ends, np.arange(rows, dtype=np.float64))
    length = length or float(max(t.shape[0], 1))
    start = int(np.searchsorted(t, ends[-1], side="right"))
    if start < t.shape[0]:
        x[start:] = (rows - 1) + (t[start:] - ends[-1]) / length
    return x



# The longest run of points simplify() draws as one segment: longer chunks rarely qualify once shorter
# ones have not, and each size costs a pass (a long straight stretch keeps one point in 32 instead).
LARGEST_CHUNK = 32


def simplify(px: np.ndarray, py: np.ndarray, tolerance: float) -> np.ndarray:
    """Indices (increasing) of the points of the polyline (px, py) to keep so that the line through them
    strays at most ``tolerance`` from the line through all of them (in the units of px and py: device
    pixels, where the eye cannot see a quarter pixel under a 3 px antialiased pen).

    Bottom-up over aligned chunks of 2, 4, … :data:`LARGEST_CHUNK` edges (a few whole-array NumPy passes, where
    Douglas–Peucker takes one Python round per depth): a chunk whose every point lies within
    ``tolerance`` of the segment joining its two ends is drawn as that segment; a point inside any such
    chunk is left out. Chunks nest, so the kept points are the ends of the largest such chunks, and each
    point left out is within ``tolerance`` of the one segment drawn in its place. A chunk touching a
    non-finite value (a gap of ``connect="finite"``) never qualifies (its distances are NaN): gaps, their
    neighbours, the first and the last point are always kept. The passes stop at the first size where no
    chunk qualifies (keeping more points is always safe)."""
    n = px.shape[0]
    edges = n - 1
    if edges < 2:
        return np.arange(n)
    top = min(LARGEST_CHUNK, 1 << (edges.bit_length() - 1))  # the largest chunk: a power of two ≤ edges
    size = -(-edges // top) * top + 1
    x, y = np.empty(size), np.empty(size)
    x[:n], y[:n] = px, py
    x[n:], y[n:] = px[-1], py[-1]  # padding at the last point: on every chord that ends there
    drop = np.zeros(size, dtype=bool)
    limit = float(tolerance) ** 2
    s = 2
    with np.errstate(all="ignore"):
        while s <= top:
            chunks = -(-edges // s)
            end = chunks * s
            cx, cy = x[:end].reshape(chunks, s), y[:end].reshape(chunks, s)
            ax, ay = cx[:, :1], cy[:, :1]
            dx, dy = x[s:end + 1:s, None] - ax, y[s:end + 1:s, None] - ay  # each chunk's chord
            qx, qy = cx - ax, cy - ay
            along = (qx * dx + qy * dy) / np.maximum(dx * dx + dy * dy, np.finfo(np.float64).tiny)
            np.clip(along, 0.0, 1.0, out=along)  # the distance to the segment, not to its line
            qx -= along * dx
            qy -= along * dy
            straight = (qx * qx + qy * qy).max(axis=1) <= limit  # NaN: False
            if not straight.any():
                break
            drop[:end].reshape(chunks, s)[straight, 1:] = True
            s *= 2
    drop = drop[:n]
    drop[0] = drop[-1] = False
    return np.flatnonzero(~drop)


class Peaks:
    """pyqtgraph's "peak" downsampling (each bucket of ``ds`` values gives its largest, then its smallest,
    both at the x of the bucket's middle value), kept from one update to the next: when the data grew and
    the part already reduced holds the same values (checked against a private copy, or by the curve's
    :class:`Seen`, which compared them anyway), only the new buckets are reduced. The same NumPy reductions
    on the same buckets: bitwise pyqtgraph's result.

    After a long Run this is the costliest part of a step's plot update (a 70,000-point history, buckets of
    ~60: ~0.2 ms), while only the last bucket or none is new. ``reduced`` counts the buckets reduced."""

    def __init__(self) -> None:
        self.ds = 0
        self.buckets = 0
        self.reduced = 0
        self.compared = 0  # values this object compared with its copy itself (not left to a Seen; for tests)
        self._ys = np.empty(0)  # the y values the buckets were reduced from
        self._xs = np.empty(0)  # each bucket's x
        self._high = np.empty(0)
        self._low = np.empty(0)
        self._seen: tuple[Seen | None, int] = (None, 0)  # the Seen and version the last call's arrays were

    def __call__(self, x: np.ndarray, y: np.ndarray, ds: int, known: Known | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
        """The peaks of (x, y) in buckets of ``ds``; ``known``: what a :class:`Seen` knew of these very arrays
        (the last call's again, or seen next after them: its comparison stands for this one's)."""
        n = x.shape[0] // ds
        middle = ds // 2
        k = min(self.buckets, n) if ds == self.ds else 0
        mark = (None, 0) if known is None else (known.seen, known.version)
        # The arrays of the last call again (a new range), or the next ones with the buckets' values unchanged
        trusted = known is not None and (mark == self._seen or (known.follows(*self._seen) and k * ds <= known.same))
        self._seen = mark
        if k and not trusted:
            self.compared += k * ds
            if not (np.array_equal(self._xs[:k], x[middle:middle + k * ds:ds])
                    and np.array_equal(self._ys[:k * ds], y[:k * ds])):  # (a NaN: reduced again)
                k = 0
        if n > self._high.shape[0]:  # room for twice as many buckets (amortised growth)
            size = max(n, 2 * self._high.shape[0])
            self._xs, self._high, self._low = (_grown(a, a.dtype, size, a.shape[0])
                                               for a in (self._xs, self._high, self._low))
            self._ys = _grown(self._ys, self._ys.dtype, size * ds, self._ys.shape[0])
        if self._ys.shape[0] < n * ds:
            self._ys = _grown(self._ys, self._ys.dtype, 2 * n * ds, self._ys.shape[0])
        buckets = y[k * ds:n * ds].reshape(n - k, ds)
        self._high[k:n] = buckets.max(axis=1)
        self._low[k:n] = buckets.min(axis=1)
        self._xs[k:n] = x[middle + k * ds:middle + n * ds:ds]
        self._ys[k * ds:n * ds] = y[k * ds:n * ds]
        self.ds, self.buckets = ds, n
        self.reduced += n - k
        px, py = np.empty((n, 2)), np.empty((n, 2))
        px[:] = self._xs[:n, np.newaxis]
        py[:, 0], py[:, 1] = self._high[:n], self._low[:n]
        return px.reshape(n * 2), py.reshape(n * 2)
