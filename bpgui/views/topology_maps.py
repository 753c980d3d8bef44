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


def _rgb(name: str) -> np.ndarray:
    colour = QColor(name)
    return np.array([colour.red(), colour.green(), colour.blue()], dtype=float)


def value_image(values: np.ndarray, low: float = 0.0, high: float = 1.0) -> QImage:
    """``values`` (N_x × N_y, the first index along x₁) as an N_x-wide, N_y-high image, x₂ upward.

    Each pixel is ``style.value_colour(value, low, high)``; NaN or ±∞ (or
    ``high <= low``) is white, as there. Raises ValueError unless ``values`` is a non-empty 2-D array.
    """
    v = np.asarray(values, dtype=float)
    if v.ndim != 2 or v.size == 0:
        raise ValueError(f"a unit's map is a non-empty 2-D array, not one of shape {v.shape}")
    with np.errstate(invalid="ignore", over="ignore"):
        if np.isfinite(low) and np.isfinite(high) and high > low:
            f = (v - (low + high) / 2) / ((high - low) / 2)
        else:
            f = np.zeros_like(v)
        f = np.where(np.isfinite(v) & np.isfinite(f), np.clip(f, -1.0, 1.0), 0.0)
    f = f.T[::-1]  # rows: x₂ from the top (its largest) down; columns: x₁ left to right
    a = (np.abs(f) * style.MAX_TINT)[..., None]
    base = np.where((f >= 0)[..., None], _rgb(style.HIGH), _rgb(style.LOW))
    rgb = np.round(255 + (base - 255) * a).astype(np.uint8)
    height, width = f.shape
    pixels = np.empty((height, width, 4), dtype=np.uint8)
    pixels[..., 0], pixels[..., 1], pixels[..., 2], pixels[..., 3] = rgb[..., 2], rgb[..., 1], rgb[..., 0], 255
    if np.little_endian:
        data = np.ascontiguousarray(pixels)
    else:  # Format_RGB32 is 0xAARRGGBB in the machine's word order
        data = np.ascontiguousarray(pixels[..., ::-1])
    return QImage(data.data, width, height, 4 * width, QImage.Format.Format_RGB32).copy()


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
