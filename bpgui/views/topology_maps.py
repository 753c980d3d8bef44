"""A unit's map over the input plane, drawn inside its circle (as TensorFlow Playground does, for 2-D data).

:func:`value_image` turns a grid of values into an image in one vectorised
step, coloured exactly as :func:`bpgui.views.style.value_colour` fills a unit
and as the decision map colours the plane: ``LOW`` at ``low``, white at the
middle, ``HIGH`` at ``high``. The grid is the decision surface's:
``values[i, j]`` at ``(x_axis[i], y_axis[j])``, drawn with x₁ to the right
and x₂ upward. :func:`paint_map` draws such an image clipped to a circle,
with a pale disc behind the unit's symbol so that it stays readable.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

from ..model.surface import DecisionSurface
from . import style

HALO = QColor(255, 255, 255, 200)  # behind the symbol, over the map


_STEPS = 512  # colours per half of the scale: within a unit of value_colour's (each channel is 0–255)


def _palette() -> np.ndarray:
    """value_colour at f = k/_STEPS − 1 (k = 0 … 2·_STEPS) as 0xffRRGGBB words: LOW, white in the middle, HIGH."""
    colours = (style.value_colour(k / _STEPS - 1.0) for k in range(2 * _STEPS + 1))
    return np.array([0xFF000000 | c.rgb() & 0xFFFFFF for c in colours], dtype=np.uint32)


_PALETTE = _palette()


def value_image(values: np.ndarray, low: float = 0.0, high: float = 1.0) -> QImage:
    """``values`` (N_x × N_y, the first index along x₁) as an N_x-wide, N_y-high image, x₂ upward.

    Each pixel is ``style.value_colour(value, low, high)`` (to a unit in each
    channel); NaN or ±∞ (or ``high <= low``) is white, as there. One table
    look-up for the whole grid. Raises ValueError unless ``values`` is a non-empty 2-D array.
    """
    v = np.asarray(values, dtype=float)
    if v.ndim != 2 or v.size == 0:
        raise ValueError(f"a unit's map is a non-empty 2-D array, not one of shape {v.shape}")
    with np.errstate(invalid="ignore", over="ignore"):
        if np.isfinite(low) and np.isfinite(high) and high > low:
            f = (v - (low + high) / 2) / ((high - low) / 2)
        else:
            f = np.zeros_like(v)
        f = np.where(np.isfinite(v), np.clip(f, -1.0, 1.0), 0.0)  # a huge value is at an end, as there
    index = np.rint((f.T[::-1] + 1.0) * _STEPS).astype(np.intp)  # rows: x₂ from the top down; columns: x₁
    pixels = np.ascontiguousarray(_PALETTE[index])
    height, width = pixels.shape
    return QImage(pixels.data, width, height, 4 * width, QImage.Format.Format_RGB32).copy()


def paint_map(painter: QPainter, circle: QRectF, image: QImage, symbol: QRectF) -> None:
    """``image`` stretched over ``circle`` and clipped to it, then a pale disc behind ``symbol``."""
    painter.save()
    path = QPainterPath()
    path.addEllipse(circle)
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(circle, image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(HALO)
    painter.drawRoundedRect(symbol, symbol.height() / 2, symbol.height() / 2)
    painter.restore()


def surface_maps(surface: DecisionSurface | None) -> tuple[dict[tuple[int, int], np.ndarray] | None,
                                                            dict[tuple[int, int], tuple[float, float]]]:
    """(maps, levels) for ``TopologyView.set_unit_images``: each unit of the first hidden layer and each output
    over the plane, coloured over the levels the decision map uses; (None, {}) without a surface."""
    if surface is None:
        return None, {}
    maps = {(1, h): unit.values for h, unit in enumerate(surface.hidden)}
    levels = dict.fromkeys(maps, surface.hidden_levels)
    for j, values in enumerate(surface.outputs):
        maps[(surface.n_layers, j)] = values
        levels[(surface.n_layers, j)] = surface.output_levels[j]
    return maps, levels
