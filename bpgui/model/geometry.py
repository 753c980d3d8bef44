"""Plane geometry for the pictures of a two-input problem: pure NumPy, no Qt.

* :func:`clip_line`: the part of a straight line ``a·x + b·y = c`` inside a
  box, the one clipper for the perceptron's decision line
  ``W_1 x_1 + W_2 x_2 = θ`` and for a hidden unit's switching line
  ``v_1h x_1 + v_2h x_2 = γ_h``;
* :func:`half_plane_polygon`: the part of a box on the side ``a·x + b·y ≥ c``;
* :func:`plane_axes`: the grid a map of the input plane is evaluated on (always finite);
* :func:`plane_points`: the samples as drawn on that plane;
* :func:`contour_segments`: a level set of values on that grid (marching squares).

A box is ``(x0, x1, y0, y1)`` with ``x0 < x1`` and ``y0 < y1``.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "MAX_COORDINATE", "MIN_SPAN", "Box", "clip_line", "contour_segments", "half_plane_polygon", "plane_axes",
    "plane_points",
]

Box = tuple[float, float, float, float]


def clip_line(a: float, b: float, c: float, box: Box) -> np.ndarray | None:
    """The part of the line ``a·x + b·y = c`` inside ``box``, as a (2, 2) array of end points, or None.

    None when there is no line (a = b = 0, or a coefficient is not finite),
    when it misses the box, or when it only touches a corner. The line is
    followed along the axis it is closer to (x when |b| ≥ |a|): the other
    coordinate is solved from the equation, and an end point on a box edge
    keeps that edge's coordinate exactly (so a vertical line x = c/a has
    x exactly c/a at both ends).
    """
    a, b, c = float(a), float(b), float(c)
    if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)) or (a == 0.0 and b == 0.0):
        return None
    x0, x1, y0, y1 = (float(v) for v in box)
    if abs(b) >= abs(a):
        ends = _clip_along(a, b, c, (x0, x1), (y0, y1))
    else:
        swapped = _clip_along(b, a, c, (y0, y1), (x0, x1))
        ends = None if swapped is None else swapped[:, ::-1].copy()
    if ends is None:
        return None

    def edge(point: np.ndarray) -> int:
        """The first box edge the end lies on, in the order x0, x1, y0, y1 (a stable order to draw in)."""
        return 0 if point[0] == x0 else 1 if point[0] == x1 else 2 if point[1] == y0 else 3

    return ends if edge(ends[0]) <= edge(ends[1]) else ends[::-1].copy()


def _clip_along(a: float, b: float, c: float, run: tuple[float, float], rise: tuple[float, float]) -> np.ndarray | None:
    """Clip ``a·u + b·v = c`` (b ≠ 0, |b| ≥ |a|) to u ∈ run, v ∈ rise; end points as (u, v) rows."""
    (u0, u1), (v0, v1) = run, rise
    # Each end: (u, v), with v None when it is to be solved from u.
    low: tuple[float, float | None] = (u0, None)
    high: tuple[float, float | None] = (u1, None)
    if a == 0.0:
        v = c / b
        if not v0 <= v <= v1:
            return None
    else:
        # Where the line crosses v = v0 and v = v1, in order of u.
        crossings = sorted(((c - b * v) / a, v) for v in (v0, v1))
        if crossings[0][0] > low[0]:
            low = crossings[0]
        if crossings[1][0] < high[0]:
            high = crossings[1]
    if not low[0] < high[0]:
        return None  # misses the box, or touches it in one point
    points = []
    for u, known in (low, high):
        # Solved from u where not on a v edge; rounding never puts an end outside the box.
        v = min(max((c - a * u) / b, v0), v1) if known is None else known
        points.append((u, v))
    return np.array(points, dtype=np.float64)


def half_plane_polygon(a: float, b: float, c: float, box: Box) -> list[tuple[float, float]]:
    """The part of ``box`` where ``a·x + b·y − c ≥ 0``, as a convex polygon (Sutherland–Hodgman).

    [] when no part of the box is on that side; the whole box when every part
    is (e.g. a = b = 0 and c ≤ 0).
    """
    a, b, c = float(a), float(b), float(c)
    x0, x1, y0, y1 = box
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]

    def g(p: tuple[float, float]) -> float:
        return a * p[0] + b * p[1] - c

    out: list[tuple[float, float]] = []
    for i, p in enumerate(corners):
        q = corners[(i + 1) % 4]
        gp, gq = g(p), g(q)
        if gp >= 0.0:
            out.append(p)
        if (gp >= 0.0) != (gq >= 0.0):
            s = gp / (gp - gq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out


#: The plane of a map never reaches past ±this on either axis: data beyond it (up to ±1e308) would make
#: the padded range, the grid spacing or a view's transform overflow to inf or nan. Its square is still
#: finite, so nothing a view computes from a coordinate overflows either.
MAX_COORDINATE = 1e150
#: Nor is it ever narrower than this: a subnormal span crashes Qt's transforms (a segfault, not an error).
MIN_SPAN = 1e-100


def plane_points(inputs: np.ndarray) -> np.ndarray:
    """The first two inputs of every sample as drawn on the plane: clipped to ±:data:`MAX_COORDINATE`."""
    return np.clip(np.asarray(inputs, dtype=np.float64)[:, :2], -MAX_COORDINATE, MAX_COORDINATE)


def plane_axes(inputs: np.ndarray, size: int = 80, padding: float = 0.10) -> tuple[np.ndarray, np.ndarray]:
    """The grid's coordinates along x_1 and x_2: the data range widened by ``padding`` on each side.

    A feature with a single value gets a range of ±0.5 around it (wider where 0.5 is lost in rounding).
    The range counts only finite values and is clipped to ±:data:`MAX_COORDINATE`, so the axes are
    always finite and strictly increasing, whatever the data; a range narrower than
    :data:`MIN_SPAN` (or than 2⁻²⁰ of its magnitude) counts as a single value.
    """
    axes = []
    for column in (inputs[:, 0], inputs[:, 1]):
        column = np.clip(column[np.isfinite(column)], -MAX_COORDINATE, MAX_COORDINATE)
        if column.shape[0]:
            low, high = float(column.min()), float(column.max())
        else:
            low, high = 0.0, 1.0
        # At least 2⁻²⁰ of the magnitude, so that the grid points stay distinct after rounding.
        least = max(abs(low) * 2.0**-20, abs(high) * 2.0**-20, MIN_SPAN)
        if not high - low > least:
            centre = low / 2 + high / 2
            half = max(0.5, least)
            low, high = centre - half, centre + half
        margin = padding * (high - low)
        axes.append(np.linspace(low - margin, high + margin, size))
    return axes[0], axes[1]


# Marching squares. A cell's corners are a = (i, j), b = (i+1, j), c = (i+1, j+1), d = (i, j+1);
# its case is a + 2b + 4c + 8d over the corners above the level; its edges are
# 0 = a–b, 1 = b–c, 2 = d–c, 3 = a–d. Each case crosses one or (the saddles 5 and 10) two pairs of edges.
_FIRST_SEGMENT = np.array(
    [(-1, -1), (3, 0), (0, 1), (3, 1), (1, 2), (3, 0), (0, 2), (3, 2),
     (2, 3), (0, 2), (0, 1), (1, 2), (3, 1), (0, 1), (3, 0), (-1, -1)]
)
_SADDLE_SECOND = {5: (1, 2), 10: (2, 3)}
# A saddle whose centre is above the level joins the two high corners instead.
_SADDLE_JOINED = {5: ((0, 1), (2, 3)), 10: ((3, 0), (1, 2))}


def contour_segments(values: np.ndarray, level: float, x_axis: np.ndarray, y_axis: np.ndarray) -> np.ndarray:
    """The line ``values == level`` as segments: a (2·n, 2) array of end-point pairs in plane coordinates.

    ``values[i, j]`` is the value at ``(x_axis[i], y_axis[j])``; the crossing on a cell edge is
    interpolated linearly. Vectorised marching squares: one pass of array operations, no Python loop
    over cells (pyqtgraph's ``isocurve`` loops in Python).
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 2 or v.shape[0] < 2 or v.shape[1] < 2:
        return np.empty((0, 2))
    above = v > level
    a, b, c, d = v[:-1, :-1], v[1:, :-1], v[1:, 1:], v[:-1, 1:]
    case = (above[:-1, :-1] * 1 + above[1:, :-1] * 2 + above[1:, 1:] * 4 + above[:-1, 1:] * 8).astype(np.intp)
    cells = np.nonzero((case != 0) & (case != 15))
    if cells[0].shape[0] == 0:
        return np.empty((0, 2))
    i, j = cells
    k = case[cells]
    a, b, c, d = a[cells], b[cells], c[cells], d[cells]
    with np.errstate(divide="ignore", invalid="ignore"):
        # Index-space position of the crossing on each of the four edges (only crossed edges are used).
        edges = np.empty((k.shape[0], 4, 2))
        edges[:, 0, 0], edges[:, 0, 1] = i + (level - a) / (b - a), j
        edges[:, 1, 0], edges[:, 1, 1] = i + 1, j + (level - b) / (c - b)
        edges[:, 2, 0], edges[:, 2, 1] = i + (level - d) / (c - d), j + 1
        edges[:, 3, 0], edges[:, 3, 1] = i, j + (level - a) / (d - a)
    pairs = _FIRST_SEGMENT[k].copy()
    rows = np.arange(k.shape[0])
    extra_rows, extra_pairs = [], []
    for saddle in (5, 10):
        where = np.flatnonzero(k == saddle)
        if where.shape[0] == 0:
            continue
        centre_above = (a[where] + b[where] + c[where] + d[where]) / 4 > level
        second = np.tile(_SADDLE_SECOND[saddle], (where.shape[0], 1))
        joined_first, joined_second = _SADDLE_JOINED[saddle]
        pairs[where[centre_above]] = joined_first
        second[centre_above] = joined_second
        extra_rows.append(where)
        extra_pairs.append(second)
    if extra_rows:
        rows = np.concatenate([rows, *extra_rows])
        pairs = np.concatenate([pairs, *extra_pairs])
    starts = edges[rows, pairs[:, 0]]
    ends = edges[rows, pairs[:, 1]]
    segments = np.stack([starts, ends], axis=1)  # (n, 2 end points, 2 coordinates)
    segments = segments[np.isfinite(segments).all(axis=(1, 2))]
    # Index space → plane: the axes are evenly spaced.
    dx = (x_axis[-1] - x_axis[0]) / (x_axis.shape[0] - 1)
    dy = (y_axis[-1] - y_axis[0]) / (y_axis.shape[0] - 1)
    points = segments.reshape(-1, 2)
    return np.column_stack([x_axis[0] + points[:, 0] * dx, y_axis[0] + points[:, 1] * dy])
