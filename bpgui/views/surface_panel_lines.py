"""Level lines of a grid (marching squares, every cell at once), for the error surface's map.

``level_segments(xs, ys, z, level)`` gives the line where the grid's values cross ``level`` as pairs of
points (x₀, y₀, x₁, y₁ …, drawn with ``connect="pairs"``): in each cell, a crossing on an edge is placed by
linear interpolation between its two corners; a cell crossed on two edges has one segment, a saddle (four)
two, paired by the value at its centre. A cell with a value that is not finite has none.
"""

from __future__ import annotations

import numpy as np

__all__ = ["level_segments", "levels_of"]


def levels_of(z: np.ndarray, count: int = 10) -> np.ndarray:
    """``count`` levels evenly spaced strictly inside the finite values' range (none for a flat grid)."""
    finite = z[np.isfinite(z)]
    if finite.size == 0 or not float(finite.max()) > float(finite.min()):
        return np.zeros(0)
    return np.linspace(float(finite.min()), float(finite.max()), count + 2)[1:-1]


def level_segments(xs: np.ndarray, ys: np.ndarray, z: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """See the module: ``z[i, j]`` is the value at (xs[j], ys[i])."""
    a, b, c, d = z[:-1, :-1], z[:-1, 1:], z[1:, 1:], z[1:, :-1]  # corners: bottom-left, -right, top-right, -left
    x0, x1 = np.broadcast_to(xs[:-1], a.shape), np.broadcast_to(xs[1:], a.shape)
    y0, y1 = np.broadcast_to(ys[:-1, None], a.shape), np.broadcast_to(ys[1:, None], a.shape)
    finite = np.isfinite(a) & np.isfinite(b) & np.isfinite(c) & np.isfinite(d)
    with np.errstate(invalid="ignore", divide="ignore"):
        def cut(u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            return ((u >= level) != (v >= level)) & finite, (level - u) / (v - u)

        crossed, where = zip(cut(a, b), cut(b, c), cut(d, c), cut(a, d), strict=True)
        # Each edge's crossing point: bottom, right, top, left.
        px = np.stack([x0 + where[0] * (x1 - x0), x1, x0 + where[2] * (x1 - x0), x0])
        py = np.stack([y0, y0 + where[1] * (y1 - y0), y1, y0 + where[3] * (y1 - y0)])
    edges = np.stack(crossed)
    count = edges.sum(axis=0)
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    two = count == 2
    if two.any():
        first = np.argmax(edges, axis=0)[two]
        last = (3 - np.argmax(edges[::-1], axis=0))[two]
        cells = np.nonzero(two)
        starts.append(np.stack([px[(first, *cells)], py[(first, *cells)]], axis=1))
        ends.append(np.stack([px[(last, *cells)], py[(last, *cells)]], axis=1))
    four = count == 4
    if four.any():
        cells = np.nonzero(four)
        centre = (a + b + c + d)[four] / 4.0
        joined = (centre >= level) == (a[four] >= level)  # a and c joined through the middle: cut off b and d
        for pair_joined, pair_apart in (((0, 1), (0, 3)), ((2, 3), (1, 2))):
            e0 = np.where(joined, pair_joined[0], pair_apart[0])
            e1 = np.where(joined, pair_joined[1], pair_apart[1])
            starts.append(np.stack([px[(e0, *cells)], py[(e0, *cells)]], axis=1))
            ends.append(np.stack([px[(e1, *cells)], py[(e1, *cells)]], axis=1))
    if not starts:
        return np.zeros(0), np.zeros(0)
    both = np.stack([np.concatenate(starts), np.concatenate(ends)], axis=1).reshape(-1, 2)
    return both[:, 0].copy(), both[:, 1].copy()
