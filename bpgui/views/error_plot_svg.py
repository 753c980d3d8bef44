"""Pictures of the error plot: PNG or SVG at a chosen pixel size.

The plot is laid out at the picture's size divided by its magnification
(:func:`bpgui.views.plot_text.picture_scale`, about a 720 × 540 screen) and
painted magnified, with its fonts, pens and symbols set for the text scale
times that magnification for the time of the painting, so that a
1920 × 1080 picture reads like the screen. The hover dot follows the mouse
and is no part of a figure. Both formats are made whole in memory and then
written atomically (:mod:`bpgui.views.files`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter

from .error_plot_items import uncached
from .plot_text import picture_scale, render_scene_item, write_picture


def export_plot(item: pg.PlotItem, path: str | os.PathLike, size: QSize, title: str, hover_dot: pg.GraphicsObject,
                apply_scale: Callable[[float, float], None], scale: float) -> None:
    """Write ``item`` as a ``size`` picture to ``path``. ``apply_scale(text, magnify)`` sets the plot's fonts
    for the text scale and its (cosmetic) pens and symbols for text × magnify; it is called with the
    picture's magnification, then with 1 again."""
    size = QSize(int(size.width()), int(size.height()))
    magnify = picture_scale(size) if size.width() > 0 and size.height() > 0 else 1.0
    shown = hover_dot.isVisible()

    def draw(painter: QPainter) -> None:
        hover_dot.setVisible(False)
        apply_scale(scale, magnify)
        try:
            with uncached(item):  # an SVG gets the curves' lines, not a raster of them
                render_scene_item(item, painter, size)
        finally:
            hover_dot.setVisible(shown)
            apply_scale(scale, 1.0)

    write_picture(path, size, title, draw)

