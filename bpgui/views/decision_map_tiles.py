"""The small maps beside the decision map: one tile per unit b_h of the first hidden layer.

Each tile is the input plane coloured by that unit's output, titled with the
note's name of the unit, with the dashed line where it switches
(α_h − γ_h = 0), the plane's aspect and its range on the axes. Tiles are made
once and then reused; they are arranged in the number of columns that makes
them largest, and scroll when that would make them smaller than
``MIN_TILE`` pixels (times the text scale). :func:`square_box` places the main
map and the panel in the space the view gets. The panel only draws the
:class:`bpgui.model.surface.UnitMap` records it is given. Its strings belong
to the translation context ``DecisionMapView`` (the map's), as they always have.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTransform
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ..model.naming import unit_symbol
from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.surface import UnitMap
from ..model.text import fill
from .plot_text import BASE_LABEL_POINTS, NumberAxis, points
from .style import BACKGROUND, TEXT, value_colour

translate = QCoreApplication.translate

MAX_HIDDEN_MAPS = 16
MIN_TILE = 56  # pixels of plane per tile at 100 % text; smaller, the tiles scroll
MAX_ASPECT = 2.0  # a plane longer than 2:1 is drawn at 2:1 (equal units would make it a sliver)
TILE_TICK_POINTS = 7.5

# The map, in the network's one colour convention (bpgui.views.style): the bottom of the output's range
# LOW (vermillion), the middle white, the top HIGH (blue), exactly as value_colour fills a unit, so ŷ = 0.86
# is the same blue in the network and on the map.
COLOR_MAP = pg.ColorMap(pos=[0.0, 0.5, 1.0], color=[value_colour(0.0, 0.0, 1.0).name(), "#ffffff",
                                                    value_colour(1.0, 0.0, 1.0).name()])
LOOKUP_TABLE = COLOR_MAP.getLookupTable(0.0, 1.0, 256)
_UNIT_LINE_PEN = pg.mkPen("#1a1a1a", width=1.2, style=Qt.PenStyle.DashLine)


def aspect_ratio(x_axis: np.ndarray, y_axis: np.ndarray, picture: bool = False) -> float:
    """The map's width : height (``picture``) — the plane's own, equal units, within 1:2 and 2:1 — or the
    ViewBox's aspect lock that draws it so (1 for equal units)."""
    if x_axis.shape[0] < 2 or y_axis.shape[0] < 2:
        return 1.0
    plane = float(x_axis[-1] - x_axis[0]) / float(y_axis[-1] - y_axis[0])
    if not math.isfinite(plane) or plane <= 0:
        return 1.0
    drawn = min(MAX_ASPECT, max(1 / MAX_ASPECT, plane))
    return drawn if picture else drawn / plane


def square_box(area: QRect, extra_w: int, extra_h: int, ratio: float, tiles: bool, spacing: int,
               main_side: int = 0, least_tiles: int = 0) -> tuple[QRect, QRect]:
    """(main map's widget, tiles panel) in ``area``: the plane ``ratio`` wide to 1 high plus ``extra_w`` ×
    ``extra_h`` pixels of axes, as large as it gets beside or below the panel.

    The tiles get a third of the room, or less where the main map would then fall below ``main_side``
    pixels of plane: the main map comes first (the tiles scroll), as long as they keep ``least_tiles``.
    """
    w, h = area.width(), area.height()

    def fit(width: float, height: float) -> tuple[int, int]:
        plane_w = max(20.0, min(width - extra_w, (height - extra_h) * ratio))
        return round(plane_w + extra_w), round(plane_w / ratio + extra_h)

    if not tiles:
        mw, mh = fit(w, h)
        return QRect(area.left() + max(0, (w - mw) // 2), area.top(), min(mw, w), min(mh, h)), QRect()
    wanted_w = main_side * max(1.0, ratio) + extra_w  # the main map's widget at main_side, beside the tiles
    wanted_h = main_side / min(1.0, ratio) + extra_h
    share_w = min(max(0.64 * w, wanted_w), max(0.64 * w, w - spacing - least_tiles))
    share_h = min(max(0.64 * h, wanted_h), max(0.64 * h, h - spacing - least_tiles))
    beside, below = fit(share_w, h), fit(w, share_h)
    if beside[0] * beside[1] >= below[0] * below[1]:
        mw, mh = beside
        main = QRect(area.left(), area.top(), min(mw, w), min(mh, h))
        return main, QRect(main.right() + 1 + spacing, area.top(), max(0, w - mw - spacing), h)
    mw, mh = below
    main = QRect(area.left() + max(0, (w - mw) // 2), area.top(), min(mw, w), min(mh, h))
    return main, QRect(area.left(), main.bottom() + 1 + spacing, w, max(0, h - mh - spacing))


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


def round_ends(low: float, high: float) -> tuple[float, float] | None:
    """The first and last multiple of the coarsest round step (1, 2, 5 × 10ⁿ) with two multiples in
    [``low``, ``high``]: the labels a small tile has room for (−1 and 1 on a plane from −1.27 to 1.21,
    as the main map's ticks say)."""
    span = high - low
    if not (math.isfinite(low) and math.isfinite(high) and span > 0):
        return None
    power = 10.0 ** math.ceil(math.log10(span))
    for _ in range(60):
        for factor in (1.0, 0.5, 0.2):
            step = power * factor
            first, last = math.ceil(low / step - 1e-9) * step, math.floor(high / step + 1e-9) * step
            if last - first >= step * (1 - 1e-9):
                return round(first, 12) + 0.0, round(last, 12) + 0.0
        power /= 10
    return None


class HiddenTile:
    """One small map titled b_h: the unit's output, its switching line, and the plane's range on its axes."""

    def __init__(self) -> None:
        self.plot = pg.PlotItem(axisItems={"left": NumberAxis("left"), "bottom": NumberAxis("bottom")})
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen("#888888"))
            axis.setTextPen(pg.mkPen(TEXT))
            # two short labels always drawn (pyqtgraph drops a level whose text fills 80 % of the axis)
            axis.setStyle(tickLength=3, tickTextOffset=2, textFillLimits=[(0, 1.0)])
        self.plot.setMenuEnabled(False, False)  # pyqtgraph's menus are English (and the scene's: no_menus)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.layout.setContentsMargins(1, 1, 1, 1)
        box = self.plot.getViewBox()
        box.setDefaultPadding(0.0)
        # The box is sized to the plane's aspect by the panel (HiddenMapsPanel._update_grid) and shows the
        # plane exactly: no aspect lock, which would widen one range and leave a gap beside the image.
        box.setAspectLocked(False)
        box.disableAutoRange()
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(LOOKUP_TABLE)  # levels come with every setImage
        # a bare curve: a PlotDataItem draws the same through one, but setting its data costs ~7× more
        # (16 tiles, a new line each per frame while running)
        self.line = pg.PlotCurveItem(pen=_UNIT_LINE_PEN)
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
        self._scale = 1.0
        self._digits = DEFAULT_DIGITS
        self._axis_names = ("x₁", "x₂")  # across, up: as on the main map
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground(BACKGROUND)
        self._view.sceneObj.contextMenu = []  # no English "Export..." (the app exports at a chosen size)
        self._view.setMinimumSize(40, 40)
        self._view.ci.setContentsMargins(2, 2, 2, 2)
        self._view.ci.setSpacing(3)
        # Many tiles scroll rather than shrink past reading (on purpose: down as a rule; across only when
        # one tile at its least size is wider than the panel). The view's minimum size is the tiles' own.
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("hidden_maps_scroll")
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(self._view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._scroll, 1)
        self.setVisible(False)
        self._scroll.viewport().installEventFilter(self)
        self.retranslate()

    # ---- drawing ---------------------------------------------------------------------------
    def set_plane(self, x_axis: np.ndarray, y_axis: np.ndarray) -> None:
        """The grid every tile's image is placed on."""
        self._x_axis, self._y_axis = x_axis, y_axis
        for tile in self._tiles:
            self._place(tile)
        self._tile_columns = 0
        self._update_grid()

    def set_axis_names(self, across: str, up: str) -> None:
        """The plane's axes (the main map's names), said in the tiles' tooltip."""
        self._axis_names = (across, up)
        self.retranslate()

    def axis_names(self) -> tuple[str, str]:
        return self._axis_names

    def set_text_scale(self, scale: float) -> None:
        """Tile titles and range labels at ``scale`` × their 100 % size; the least tile grows with it."""
        self._scale = scale
        for tile in self._tiles:
            self._style(tile)
        self._tile_columns = 0
        self._update_grid()

    def set_digits(self, digits: int) -> None:
        self._digits = digits
        for tile in self._tiles:
            self._place(tile)
        self._tile_columns = 0
        self._update_grid()

    def set_pen_scale(self, scale: float) -> None:
        """The switching lines' width × ``scale``."""
        pen = pg.mkPen(_UNIT_LINE_PEN)
        pen.setWidthF(_UNIT_LINE_PEN.widthF() * scale)
        for tile in self._tiles:
            tile.line.setPen(pen)

    def _ticks(self, values: np.ndarray) -> list[tuple[float, str]]:
        """Round numbers near the plane's ends (the ends themselves if none), as the app writes numbers."""
        if values.shape[0] < 2:
            return []
        dx = (values[-1] - values[0]) / (values.shape[0] - 1)
        ends = round_ends(float(values[0] - dx / 2), float(values[-1] + dx / 2))
        chosen = ends if ends is not None else (float(values[0]), float(values[-1]))
        return [(float(v), format_number(v, self._digits)) for v in chosen]

    def _tick_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(TILE_TICK_POINTS * self._scale)
        return font

    def _place(self, tile: HiddenTile) -> None:
        """The image on the plane's grid, the box showing exactly the plane, round ticks, the axes' room."""
        x_axis, y_axis = self._x_axis, self._y_axis
        place_image(tile.image, tile.plot, x_axis, y_axis)
        metrics = QFontMetricsF(self._tick_font())
        widest = {}
        for name, axis_values in (("bottom", x_axis), ("left", y_axis)):
            ticks = self._ticks(axis_values)
            tile.plot.getAxis(name).setTicks([ticks, []])
            widest[name] = max((metrics.horizontalAdvance(text) for _v, text in ticks), default=0.0)
        # Fixed room for the labels (pyqtgraph's own grows only when painted, moving the plane about).
        left, bottom = tile.plot.getAxis("left"), tile.plot.getAxis("bottom")
        left.setWidth(math.ceil(widest["left"] + left.style["tickTextOffset"][0] + left.style["tickLength"] + 2))
        bottom.setHeight(math.ceil(metrics.height() + bottom.style["tickTextOffset"][1]
                                   + bottom.style["tickLength"] + 3))
        # the x axis' last label may be centred on the tile's right edge: room for its half
        tile.plot.layout.setContentsMargins(1, 1, math.ceil(widest["bottom"] / 2) + 1, 1)

    def _style(self, tile: HiddenTile) -> None:
        font = self._tick_font()
        for name in ("left", "bottom"):
            tile.plot.getAxis(name).setTickFont(font)
        title = tile.plot.titleLabel.text
        self._set_title(tile, title)
        self._place(tile)

    def _set_title(self, tile: HiddenTile, title: str) -> None:
        label = tile.plot.titleLabel
        label.setMaximumHeight(10_000)
        tile.plot.setTitle(title, size=points(BASE_LABEL_POINTS, self._scale), color=TEXT)
        label.setMaximumHeight(label.minimumHeight())  # a taller cell does not move the title off its map

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
            + "\n" + fill(translate("DecisionMapView", "Across: %1; up: %2 (as on the map beside)"),
                          *self._axis_names)
        )

    # ---- Qt overrides -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
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
            self._place(tile)
            self._style(tile)
            self._tiles.append(tile)
        for h, tile in enumerate(self._tiles[: self._shown()]):
            self._set_title(tile, unit_symbol(1, h + 1, n_layers).unicode)
        self.setVisible(q > 0)
        self._tile_columns = 0  # force a new grid
        self._update_grid()
        self.retranslate()

    def _tile_extras(self) -> tuple[float, float]:
        """Pixels of a tile that are not plane: its title, axes, margins and spacing (alike in every tile)."""
        tile = self._tiles[0]
        tile.plot.layout.invalidate()
        whole = tile.plot.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize)  # not the tile's own (set below)
        box = tile.plot.getViewBox().minimumSize()
        return max(0.0, whole.width() - box.width()), max(0.0, whole.height() - box.height())

    def _update_grid(self) -> None:
        """The tiles in the number of columns that makes them largest, each box exactly the plane's aspect;
        below ``MIN_TILE`` × the text scale they keep that size and the panel scrolls (down; across too
        when one tile is wider than the panel)."""
        n = self._shown()
        if not n:
            self._view.setMinimumSize(40, 40)
            return
        ratio = aspect_ratio(self._x_axis, self._y_axis, picture=True)  # the plane's width : height
        extra_w, extra_h = self._tile_extras()
        margin, spacing = 4, 3  # ci's margins (2 + 2) and spacing
        room = self._scroll.maximumViewportSize()
        width, height = max(room.width(), 1), max(room.height(), 1)

        def side_for(columns: int, across: float) -> float:
            rows = math.ceil(n / columns)
            plane_w = (across - margin - (columns - 1) * spacing) / columns - extra_w
            plane_h = (height - margin - (rows - 1) * spacing) / rows - extra_h
            return min(plane_w / ratio, plane_h)

        best, columns = max((side_for(c, width), c) for c in range(n, 0, -1))
        least = MIN_TILE * self._scale
        side = best
        if best < least:  # too many to read: as many columns as fit at the least size, and scroll
            bar = self._scroll.style().pixelMetric(self._scroll.style().PixelMetric.PM_ScrollBarExtent)
            columns = max(1, min(n, int((width - bar - margin + spacing) // (least * ratio + extra_w + spacing))))
            side = least
        plane_w, plane_h = max(8, math.floor(side * ratio)), max(8, math.floor(side))
        rows = math.ceil(n / columns)
        tile_w, tile_h = math.ceil(plane_w + extra_w), math.ceil(plane_h + extra_h)
        for tile in self._tiles[:n]:
            box = tile.plot.getViewBox()
            box.setMinimumSize(plane_w, plane_h)
            box.setMaximumSize(plane_w, plane_h)
            tile.plot.setMinimumSize(tile_w, tile_h)  # exactly its parts: the cell's spare room is around it
            tile.plot.setMaximumSize(tile_w, tile_h)
        needed_w = margin + columns * tile_w + (columns - 1) * spacing
        needed_h = margin + rows * tile_h + (rows - 1) * spacing
        self._view.setMinimumSize(max(40, needed_w), max(40, needed_h))
        layout = self._view.ci
        in_layout = [tile for tile in self._tiles if tile.plot in layout.items]
        wanted = self._tiles[:n]
        if columns != self._tile_columns or in_layout != wanted:
            self._tile_columns = columns
            for tile in in_layout:
                layout.removeItem(tile.plot)
            for h, tile in enumerate(wanted):
                layout.addItem(tile.plot, row=h // columns, col=h % columns)
                layout.layout.setAlignment(tile.plot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                tile.plot.setVisible(True)
        # The layout as large as the view (not as it was: it never shrinks by itself when the tiles do).
        shown = self._scroll.viewport().size()
        layout.setGeometry(QRectF(0, 0, max(needed_w, shown.width()), max(needed_h, shown.height())))
