"""bpgui.model.geometry: the one line clipper, the half-plane, the grid axes and the contours."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.geometry import (
    MAX_COORDINATE,
    MIN_SPAN,
    clip_line,
    contour_segments,
    half_plane_polygon,
    plane_axes,
    plane_points,
)

coefficient = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
edge = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
size = st.floats(min_value=1e-2, max_value=1e3, allow_nan=False, allow_infinity=False)


def box_of(x0, width, y0, height):
    return (x0, x0 + width, y0, y0 + height)


@settings(max_examples=300, deadline=None)
@given(coefficient, coefficient, coefficient, edge, size, edge, size)
def test_clipped_end_points_lie_on_the_line_and_inside_the_box(a, b, c, x0, w, y0, h):
    box = box_of(x0, w, y0, h)
    segment = clip_line(a, b, c, box)
    if segment is None:
        return
    assert segment.shape == (2, 2)
    scale = (abs(a) + abs(b)) * max(abs(v) for v in box) + abs(c) + 1.0
    for x, y in segment:
        assert box[0] <= x <= box[1] and box[2] <= y <= box[3]
        assert abs(a * x + b * y - c) <= 1e-9 * scale
    assert not np.array_equal(segment[0], segment[1])


@settings(max_examples=300, deadline=None)
@given(coefficient, coefficient, edge, size, edge, size)
def test_a_line_through_the_middle_of_the_box_is_never_missed(a, b, x0, w, y0, h):
    """Put the line through the box's centre: the clipper must return a segment that spans the box."""
    box = box_of(x0, w, y0, h)
    cx, cy = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
    if math.hypot(a, b) < 1e-6:
        return
    segment = clip_line(a, b, a * cx + b * cy, box)
    assert segment is not None
    (ax, ay), (bx, by) = segment
    # Each end is on the box's boundary.
    for x, y in segment:
        on_edge = min(abs(x - box[0]), abs(x - box[1])) <= 1e-9 * (abs(x) + w) or \
            min(abs(y - box[2]), abs(y - box[3])) <= 1e-9 * (abs(y) + h)
        assert on_edge
    assert math.hypot(bx - ax, by - ay) >= min(w, h) * (1 - 1e-9)


def test_clip_line_by_hand():
    segment = clip_line(1.0, 1.0, 1.0, (0.0, 2.0, 0.0, 2.0))
    assert sorted(map(tuple, segment)) == [(0.0, 1.0), (1.0, 0.0)]
    # vertical and horizontal lines keep the exact coordinate
    assert clip_line(-1.0, 0.0, 1.0, (-10.0, 11.0, -10.0, 11.0)).tolist() == [[-1.0, -10.0], [-1.0, 11.0]]
    assert clip_line(0.0, 2.0, 1.0, (0.0, 1.0, 0.0, 1.0)).tolist() == [[0.0, 0.5], [1.0, 0.5]]
    assert clip_line(0.0, 0.0, 1.0, (0, 1, 0, 1)) is None  # no line
    assert clip_line(1.0, 0.0, 5.0, (0, 1, 0, 1)) is None  # misses
    assert clip_line(1.0, 1.0, 0.0, (0, 1, 0, 1)) is None  # touches one corner only
    assert clip_line(math.inf, 1.0, 0.0, (0, 1, 0, 1)) is None


@settings(max_examples=200, deadline=None)
@given(coefficient, coefficient, coefficient)
def test_half_plane_polygon_holds_the_corners_on_its_side(a, b, c):
    box = (-10.0, 11.0, -10.0, 11.0)
    polygon = half_plane_polygon(a, b, c, box)
    corners = [(box[0], box[2]), (box[1], box[2]), (box[1], box[3]), (box[0], box[3])]
    inside = [p for p in corners if a * p[0] + b * p[1] - c >= 0]
    for p in inside:
        assert p in polygon
    for x, y in polygon:
        assert box[0] - 1e-9 <= x <= box[1] + 1e-9 and box[2] - 1e-9 <= y <= box[3] + 1e-9
        assert a * x + b * y - c >= -1e-9 * (abs(a) * 11 + abs(b) * 11 + abs(c) + 1)
    if not inside:
        assert polygon == []


def test_half_plane_polygon_by_hand():
    assert half_plane_polygon(0.0, 0.0, 0.0, (0.0, 1.0, 0.0, 1.0)) == [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    assert half_plane_polygon(0.0, 0.0, 1.0, (0.0, 1.0, 0.0, 1.0)) == []
    assert half_plane_polygon(1.0, 0.0, 0.5, (0.0, 1.0, 0.0, 1.0)) == [(0.5, 0.0), (1.0, 0.0), (1.0, 1.0), (0.5, 1.0)]


def test_plane_axes():
    x_axis, y_axis = plane_axes(np.array([[0.0, 2.0], [1.0, 2.0]]), size=11)
    assert x_axis[0] == pytest.approx(-0.1) and x_axis[-1] == pytest.approx(1.1)
    assert y_axis[0] == pytest.approx(1.4) and y_axis[-1] == pytest.approx(2.6)  # one value: ±0.5, then 10 %
    assert x_axis.shape == y_axis.shape == (11,)


def test_plane_axes_of_extreme_data_are_finite_and_increasing():
    # ±1e308 used to give a nan range ("Cannot set range [nan, nan]"); a subnormal span crashed Qt.
    huge = np.array([[-1e308, 1e308], [1e308, 1e308], [0.0, 1e308]])
    x_axis, y_axis = plane_axes(huge)
    assert x_axis[0] == pytest.approx(-1.2 * MAX_COORDINATE) and x_axis[-1] == pytest.approx(1.2 * MAX_COORDINATE)
    assert y_axis[0] < MAX_COORDINATE < y_axis[-1]  # one (clipped) value, widened around it
    tiny = plane_axes(np.array([[0.0, 1e-320], [1e-320, 0.0]]))
    assert tiny[0][-1] - tiny[0][0] == pytest.approx(1.2)  # narrower than MIN_SPAN: a single value, ±0.5
    assert plane_points(huge)[:, 0].tolist() == [-MAX_COORDINATE, MAX_COORDINATE, 0.0]
    assert plane_axes(np.array([[np.inf, np.nan]]))[0].tolist() == plane_axes(np.empty((0, 2)))[0].tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(allow_nan=True, allow_infinity=True), st.floats(-1e308, 1e308)),
                min_size=0, max_size=5))
def test_plane_axes_are_always_finite_strictly_increasing_and_bounded(points):
    inputs = np.array(points, dtype=np.float64).reshape(-1, 2)
    for axis in plane_axes(inputs):
        steps = np.diff(axis)
        assert np.isfinite(axis).all() and (steps > 0).all()
        assert np.abs(axis).max() <= 2 * MAX_COORDINATE and axis[-1] - axis[0] >= MIN_SPAN
        assert np.isfinite(steps / 2).all() and (steps >= MIN_SPAN / 100).all()
    finite = inputs[np.isfinite(inputs).all(axis=1)]
    x_axis, y_axis = plane_axes(inputs)
    drawn = plane_points(finite)
    assert ((drawn[:, 0] >= x_axis[0]) & (drawn[:, 0] <= x_axis[-1])).all()  # every sample on the plane
    assert ((drawn[:, 1] >= y_axis[0]) & (drawn[:, 1] <= y_axis[-1])).all()


def test_contour_segments_lie_on_the_level_set_including_saddles():
    x, y = np.linspace(-1, 1, 41), np.linspace(-2, 1, 37)
    grid_x, grid_y = np.meshgrid(x, y, indexing="ij")
    plane = 0.3 * grid_x - 0.7 * grid_y + 0.1  # linear: interpolation is exact
    points = contour_segments(plane, 0.2, x, y)
    assert points.shape[0] > 0 and points.shape[0] % 2 == 0
    assert np.allclose(0.3 * points[:, 0] - 0.7 * points[:, 1] + 0.1, 0.2)

    points = contour_segments(grid_x * grid_y, 0.0, x, y)
    assert np.allclose(points[:, 0] * points[:, 1], 0.0, atol=1e-12)
    assert contour_segments(np.ones((5, 5)), 0.5, x[:5], y[:5]).shape == (0, 2)
