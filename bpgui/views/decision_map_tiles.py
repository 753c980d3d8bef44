"""The small maps beside the decision map: one tile per unit b_h of the first hidden layer.

Each tile is the input plane coloured by that unit's output, titled with the
note's name of the unit, with the dashed line where it switches
(α_h − γ_h = 0). Tiles are made once and then reused; they are arranged in
the number of columns that makes them largest. The panel only draws the
:class:`bpgui.model.surface.UnitMap` records it is given. Its strings belong
to the translation context ``DecisionMapView`` (the map's), as they always have.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..model.naming import unit_symbol
from ..model.surface import UnitMap
from ..model.text import fill
from .style import BACKGROUND, TEXT

translate = QCoreApplication.translate

MAX_HIDDEN_MAPS = 16

# The map: 0 → blue, 0.5 → white, 1 → red (mid tones, so that the samples stand out).
COLOR_MAP = pg.ColorMap(pos=[0.0, 0.5, 1.0], color=["#5e9fce", "#ffffff", "#e0775a"])
LOOKUP_TABLE = COLOR_MAP.getLookupTable(0.0, 1.0, 256)
_UNIT_LINE_PEN = pg.mkPen("#1a1a1a", width=1.2, style=Qt.PenStyle.DashLine)


def place_image(image: pg.ImageItem, plot: pg.PlotItem, x_axis: np.ndarray, y_axis: np.ndarray) -> None:
    """Centre pixel (i, j) of an N × N image on grid point (x_axis[i], y_axis[j]) and show the whole plane.

    A transform rather than ``setRect``, which needs an image already set.
    """
    if x_axis.shape[0] < 2:
        return
    dx = (x_axis[-1] - x_axis[0]) / (x_axis.shape[0] - 1)
    dy = (y_axis[-1] - y_axis[0]) / (y_axis.shape[0] - 1)
    transform = QTransform()
    transform.translate(x_axis[0] - dx / 2, y_axis[0] - dy / 2)
    transform.scale(dx, dy)
    image.setTransform(transform)
    plot.setRange(
        xRange=(x_axis[0] - dx / 2, x_axis[-1] + dx / 2), yRange=(y_axis[0] - dy / 2, y_axis[-1] + dy / 2), padding=0
    )


class HiddenTile:
    """One small map: a plot without axes, titled b_h, with the unit's output and its switching line."""

    def __init__(self) -> None:
        self.plot = pg.PlotItem()
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.layout.setContentsMargins(1, 1, 1, 1)
        self.plot.getViewBox().setDefaultPadding(0.0)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(LOOKUP_TABLE)  # levels come with every setImage
        self.line = pg.PlotDataItem(pen=_UNIT_LINE_PEN)
        self.plot.addItem(self.image)
        self.plot.addItem(self.line)
        self.line.setZValue(5)


class HiddenMapsPanel(QWidget):
    """The heading and the tiles of the first hidden layer's units (the first ``MAX_HIDDEN_MAPS``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hidden_maps")
        self._x_axis = self._y_axis = np.empty(0)
        self._n_hidden = 0  # q, units in the first hidden layer shown
        self._n_layers_titled = 0  # the depth the tile titles were written for (b_h or b⁽¹⁾_h)
        self._tiles: list[HiddenTile] = []  # a pool: created when first needed, then only shown or hidden
        self._tile_columns = 0
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._view = pg.GraphicsLayoutWidget(self)
        self._view.setBackground(BACKGROUND)
        self._view.setMinimumSize(60, 60)
        self._view.ci.setContentsMargins(2, 2, 2, 2)
        self._view.ci.setSpacing(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._view, 1)
        self.setVisible(False)
        self._view.installEventFilter(self)
        self.retranslate()

    # ---- drawing ---------------------------------------------------------------------------
    def set_plane(self, x_axis: np.ndarray, y_axis: np.ndarray) -> None:
        """The grid every tile's image is placed on."""
        self._x_axis, self._y_axis = x_axis, y_axis
        for tile in self._tiles:
            place_image(tile.image, tile.plot, x_axis, y_axis)

    def show_units(self, units: Sequence[UnitMap], levels: tuple[float, float], n_layers: int) -> None:
        """Draw every unit's map and line (the first ``MAX_HIDDEN_MAPS`` of them)."""
        self._ensure_tiles(len(units), n_layers)
        for unit, tile in zip(units, self._tiles[: self._shown()]):
            tile.image.setImage(unit.values, autoLevels=False, levels=levels)
            if unit.line is None:
                tile.line.setData([], [])
            else:
                tile.line.setData(unit.line[:, 0], unit.line[:, 1])

    def clear(self) -> None:
        """Forget the maps drawn (the tiles stay, empty)."""
        for tile in self._tiles:
            tile.image.clear()
            tile.line.setData([], [])

    # ---- read-only access ----------------------------------------------------------------------
    def image_items(self) -> list[pg.ImageItem]:
        return [tile.image for tile in self._tiles[: self._shown()]]

    def titles(self) -> list[str]:
        return [tile.plot.titleLabel.text for tile in self._tiles[: self._shown()]]

    def heading(self) -> str:
        return self._title.text()

    def unit_lines(self) -> list[tuple[np.ndarray, np.ndarray] | None]:
        lines: list[tuple[np.ndarray, np.ndarray] | None] = []
        for tile in self._tiles[: self._shown()]:
            x, y = tile.line.getData()
            lines.append(None if x is None or len(x) == 0 else (x, y))
        return lines

    # ---- texts -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        q = self._n_hidden
        text = translate("DecisionMapView", "What each hidden unit bₕ learned")
        if q > MAX_HIDDEN_MAPS:
            text += " " + fill(translate("DecisionMapView", "(first %1 of %2)"), MAX_HIDDEN_MAPS, q)
        self._title.setText(text)
        self._view.setToolTip(
            translate(
                "DecisionMapView",
                "Each tile is one unit of the first hidden layer over the same plane; "
                "the dashed line is where it switches (α − γ = 0)",
            )
        )

    # ---- Qt overrides -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._update_grid()
        return super().eventFilter(watched, event)

    # ---- building ------------------------------------------------------------------------------------
    def _shown(self) -> int:
        return min(self._n_hidden, MAX_HIDDEN_MAPS)

    def _ensure_tiles(self, q: int, n_layers: int) -> None:
        """One tile per first-hidden-layer unit (up to 16); tiles are made once and then reused."""
        if q == self._n_hidden and n_layers == self._n_layers_titled:
            return
        self._n_hidden = q
        self._n_layers_titled = n_layers
        while len(self._tiles) < min(q, MAX_HIDDEN_MAPS):
            tile = HiddenTile()
            place_image(tile.image, tile.plot, self._x_axis, self._y_axis)
            self._tiles.append(tile)
        for h, tile in enumerate(self._tiles[: self._shown()]):
            tile.plot.setTitle(unit_symbol(1, h + 1, n_layers).unicode, size="10pt", color=TEXT)
        self.setVisible(q > 0)
        self._tile_columns = 0  # force a new grid
        self._update_grid()
        self.retranslate()

    def _update_grid(self) -> None:
        """Arrange the tiles in the number of columns that makes them largest."""
        n = self._shown()
        size = self._view.size()
        width, height = max(size.width(), 1), max(size.height(), 1)
        title = 22  # the b_h title row, in pixels
        best, columns = -1.0, 1
        for c in range(1, max(n, 1) + 1):
            rows = math.ceil(n / c) if n else 1
            side = min(width / c, height / rows - title)
            if side > best + 0.5:
                best, columns = side, c
        layout = self._view.ci
        in_layout = [tile for tile in self._tiles if tile.plot in layout.items]
        wanted = self._tiles[:n]
        if columns == self._tile_columns and in_layout == wanted:
            return
        self._tile_columns = columns
        for tile in in_layout:
            layout.removeItem(tile.plot)
        for h, tile in enumerate(wanted):
            layout.addItem(tile.plot, row=h // columns, col=h % columns)
            tile.plot.setVisible(True)
