"""Seeing what the network learned: its output over the input plane.

For a data set with exactly two inputs ``DecisionMapView`` draws

* the main map: one output ŷ_j of the network (ŷ₁ unless the user picks
  another unit in the combo) evaluated on a ``GRID_SIZE`` × ``GRID_SIZE`` grid
  spanning the data's range padded by ``PADDING``, as a heatmap whose colour
  map runs blue (0) → white (0.5) → red (1), so the decision boundary
  ŷ_j = 0.5 is the white band; a dark contour marks it exactly. The samples
  sit on top, coloured (and shaped) by their true class, and every sample the
  network classifies wrongly gets a black ring;
* one small map per unit b_h of the first hidden layer (at most
  ``MAX_HIDDEN_MAPS``), the same plane coloured by that unit's output. Each
  unit of the first hidden layer switches where α_h − γ_h = 0, which is the
  straight line v_1h x_1 + v_2h x_2 = γ_h: it is drawn on the tile. The main
  map is the output layer's blend of these pictures.

The view only renders what it is given: ``set_data`` (the plane, the
samples) and ``show_network`` (the maps). An update runs a single forward
pass of the whole grid (``Network.forward`` returns every layer's outputs,
so the hidden maps come from the same pass), one of the samples (for the
rings), and replaces the image data of the existing items in place.
"""

from __future__ import annotations

import html
import math
import os
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QTransform
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..model.datasets import Dataset
from ..model.naming import unit_symbol
from ..model.network import Network
from .files import save_image
from .style import AXIS, BACKGROUND, TEXT

GRID_SIZE = 80  # grid points per axis
PADDING = 0.10  # the plane is the data range widened by this fraction on each side
MAX_HIDDEN_MAPS = 16

# Light, projector-friendly colours, as in the error plot.
_BACKGROUND, _TEXT, _AXIS = BACKGROUND, TEXT, AXIS
# The map: 0 → blue, 0.5 → white, 1 → red (mid tones, so that the samples stand out).
_LOW = "#5e9fce"
_HIGH = "#e0775a"
_COLOR_MAP = pg.ColorMap(pos=[0.0, 0.5, 1.0], color=[_LOW, "#ffffff", _HIGH])
_LOOKUP_TABLE = _COLOR_MAP.getLookupTable(0.0, 1.0, 256)
_BOUNDARY_PEN = pg.mkPen("#1a1a1a", width=2)
_UNIT_LINE_PEN = pg.mkPen("#1a1a1a", width=1.2, style=Qt.PenStyle.DashLine)
# Samples: dark shades of the map's two colours for a binary set, a qualitative palette for more classes.
_BINARY_CLASS_COLOURS = ("#0b3d91", "#a11d21")
_CLASS_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")
_CLASS_SYMBOLS = ("o", "s", "t1", "d", "h", "star")
_SYMBOL_GLYPHS = {"o": "●", "s": "■", "t1": "▲", "d": "◆", "h": "⬢", "star": "★"}
_REGRESSION_COLOUR = "#333333"
_POINT_PEN = pg.mkPen("w", width=1.2)
_POINT_SIZE = 8
_RING_PEN = pg.mkPen("#000000", width=2)
_RING_SIZE = 15

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_INDEXED_NAME = re.compile(r"^([^\W\d_])_(\d+)$")


def pretty_feature_name(name: str) -> str:
    """``x_1`` → ``x₁`` (the note's spelling); any other name as it is."""
    match = _INDEXED_NAME.match(name)
    return f"{match.group(1)}{match.group(2).translate(_SUBSCRIPT)}" if match else name


def plane_axes(inputs: np.ndarray, size: int = GRID_SIZE, padding: float = PADDING) -> tuple[np.ndarray, np.ndarray]:
    """The grid's coordinates along x_1 and x_2: the data range widened by ``padding`` on each side.

    A feature with a single value gets a range of ±0.5 around it.
    """
    axes = []
    for column in (inputs[:, 0], inputs[:, 1]):
        if column.shape[0]:
            low, high = float(column.min()), float(column.max())
        else:
            low, high = 0.0, 1.0
        if not high > low:
            low, high = low - 0.5, high + 0.5
        margin = padding * (high - low)
        axes.append(np.linspace(low - margin, high + margin, size))
    return axes[0], axes[1]


def line_in_rect(a: float, b: float, c: float, rect: tuple[float, float, float, float]) -> np.ndarray | None:
    """The part of the line a·x + b·y = c inside ``rect`` = (x0, x1, y0, y1), as a (2, 2) array of end points."""
    x0, x1, y0, y1 = rect
    if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)) or (a == 0.0 and b == 0.0):
        return None
    points = []
    if b != 0.0:
        for x in (x0, x1):
            y = (c - a * x) / b
            if y0 <= y <= y1:
                points.append((x, y))
    if a != 0.0:
        for y in (y0, y1):
            x = (c - b * y) / a
            if x0 <= x <= x1:
                points.append((x, y))
    if len(points) < 2:
        return None
    points = np.array(points)
    # The two points farthest apart (a corner may appear twice).
    distances = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    i, j = np.unravel_index(np.argmax(distances), distances.shape)
    if distances[i, j] == 0.0:
        return None
    return points[[i, j]]


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


class _HiddenTile:
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
        self.image.setLookupTable(_LOOKUP_TABLE)  # levels come with every setImage
        self.line = pg.PlotDataItem(pen=_UNIT_LINE_PEN)
        self.plot.addItem(self.image)
        self.plot.addItem(self.line)
        self.line.setZValue(5)


class DecisionMapView(QWidget):
    """The network's output and its first hidden layer's outputs over the plane of two inputs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._network: Network | None = None
        self._x_axis = np.empty(0)
        self._y_axis = np.empty(0)
        self._grid = np.empty((0, 2))  # (N·N, 2), row i·N + j is (x_axis[i], y_axis[j])
        self._grid_x = np.empty((0, 0))
        self._grid_y = np.empty((0, 0))
        self._output_values: np.ndarray | None = None
        self._hidden_values: list[np.ndarray] = []
        self._labels: np.ndarray | None = None  # true classes of the samples (classification sets)
        self._misclassified = np.empty(0, dtype=np.intp)
        self._n_hidden = 0  # q, units in the first hidden layer of the network shown
        self._tiles: list[_HiddenTile] = []  # a pool: created when first needed, then only shown or hidden
        self._tile_columns = 0
        self._n_layers_titled = 0  # the depth the tile titles were written for (b_h or b⁽¹⁾_h)
        self._shape: tuple[bool, bool] | None = None  # (wide, small) the layout was made for

        # ---- the bar: which output, and the legend ------------------------------------
        self._output_label = QLabel(self)
        self._output_combo = QComboBox(self)
        self._output_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._output_label.setBuddy(self._output_combo)
        self._legend_label = QLabel(self)
        self._legend_label.setObjectName("legend_label")
        self._legend_label.setTextFormat(Qt.TextFormat.RichText)
        self._legend_label.setWordWrap(True)
        self._legend_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.setSpacing(6)
        bar.addWidget(self._output_label)
        bar.addWidget(self._output_combo)
        bar.addSpacing(6)
        bar.addWidget(self._legend_label, 1)

        # ---- the message shown instead of the maps ----------------------------------------
        self._message_label = QLabel(self)
        self._message_label.setObjectName("message_label")
        self._message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message_label.setWordWrap(True)
        self._message_label.setVisible(False)

        tick_font = QFont(self.font())
        tick_font.setPointSizeF(max(9.0, tick_font.pointSizeF()))

        # ---- the main map ------------------------------------------------------------------
        self._plot_widget = pg.PlotWidget(background=_BACKGROUND)
        self._plot_widget.setObjectName("main_map")
        self._plot_widget.setMinimumSize(160, 140)
        plot = self._plot_item = self._plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.layout.setContentsMargins(2, 4, 4, 2)
        plot.getViewBox().setDefaultPadding(0.0)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(_AXIS))
            axis.setTextPen(pg.mkPen(_TEXT))
            axis.setTickFont(tick_font)
            axis.enableAutoSIPrefix(False)
        self._image = pg.ImageItem(axisOrder="col-major")
        # Levels come with every setImage: set before the first image, pyqtgraph would apply them after it.
        self._image.setLookupTable(_LOOKUP_TABLE)
        self._image.setZValue(-10)
        self._boundary = pg.PlotCurveItem(pen=_BOUNDARY_PEN, connect="pairs", antialias=True)
        self._boundary.setZValue(5)
        self._points = pg.ScatterPlotItem(pxMode=True, size=_POINT_SIZE, pen=_POINT_PEN)
        self._points.setZValue(10)
        self._rings = pg.ScatterPlotItem(pxMode=True, size=_RING_SIZE, symbol="o", pen=_RING_PEN, brush=None)
        self._rings.setZValue(11)
        for item in (self._image, self._boundary, self._points, self._rings):
            plot.addItem(item)
        self._color_bar = pg.ColorBarItem(
            values=(0.0, 1.0), colorMap=_COLOR_MAP, interactive=False, width=9, colorMapMenu=False
        )
        for name in ("left", "right", "top", "bottom"):
            self._color_bar.getAxis(name).setPen(pg.mkPen(_AXIS))
        self._color_bar.axis.setTextPen(pg.mkPen(_TEXT))
        self._color_bar.axis.setTickFont(tick_font)
        plot.layout.addItem(self._color_bar, 2, 5)
        plot.layout.setColumnFixedWidth(4, 4)

        # ---- the hidden units ------------------------------------------------------------
        self._hidden_panel = QWidget()
        self._hidden_panel.setObjectName("hidden_maps")
        self._hidden_title = QLabel(self._hidden_panel)
        self._hidden_title.setWordWrap(True)
        self._hidden_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._hidden_view = pg.GraphicsLayoutWidget(self._hidden_panel)
        self._hidden_view.setBackground(_BACKGROUND)
        self._hidden_view.setMinimumSize(60, 60)
        self._hidden_view.ci.setContentsMargins(2, 2, 2, 2)
        self._hidden_view.ci.setSpacing(3)
        panel_layout = QVBoxLayout(self._hidden_panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(2)
        panel_layout.addWidget(self._hidden_title)
        panel_layout.addWidget(self._hidden_view, 1)
        self._hidden_panel.setVisible(False)

        self._content = QWidget(self)
        self._content.setObjectName("maps")
        content_layout = self._content_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self._content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(4)
        content_layout.addWidget(self._plot_widget, 3)
        content_layout.addWidget(self._hidden_panel, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self._message_label, 1)
        layout.addWidget(self._content, 1)

        self._hidden_view.installEventFilter(self)
        self._output_combo.currentIndexChanged.connect(self._on_output_combo_changed)
        self._update_texts()
        self._show_message(None)

    # ---- public API ---------------------------------------------------------------------
    def set_data(self, dataset: Dataset | None) -> None:
        """Show a new data set (or none): the plane, its samples and axis names; the maps wait for a network."""
        self._dataset = dataset
        self._clear_maps()

        if dataset is None or dataset.n_inputs != 2:
            self._x_axis = self._y_axis = np.empty(0)
            self._grid = np.empty((0, 2))
            self._grid_x = self._grid_y = np.empty((0, 0))
            self._labels = None
            self._points.setData([], [])
        else:
            self._x_axis, self._y_axis = plane_axes(dataset.inputs)
            grid_x, grid_y = np.meshgrid(self._x_axis, self._y_axis, indexing="ij")
            self._grid = np.ascontiguousarray(np.column_stack([grid_x.ravel(), grid_y.ravel()]))
            self._grid.setflags(write=False)
            self._grid_x, self._grid_y = grid_x, grid_y
            for array in (grid_x, grid_y):
                array.setflags(write=False)
            self._labels = dataset.labels() if dataset.task == "classification" else None
            self._place(self._image, self._plot_item)
            for tile in self._tiles:
                self._place(tile.image, tile.plot)
            self._update_levels()
        self._fill_output_combo()
        self._update_points_style()
        self._update_axis_labels()
        self._update_legend()
        self._show_message(self._data_problem())
        if self._network is not None:
            self.show_network(self._network)

    def show_network(self, network: Network | None) -> None:
        """Draw ``network``'s maps over the current plane (the items are updated in place)."""
        self._network = network
        if network is None:
            self._clear_maps()
            self._update_legend()
            return
        if self._data_problem() is not None:
            return
        first_map = self._output_values is None
        problem = self._network_problem(network)
        self._show_message(problem)
        if problem is not None:
            return
        self._ensure_tiles(network)
        with np.errstate(over="ignore", invalid="ignore"):
            _nets, outputs, _z = network.forward(self._grid)
        n = GRID_SIZE
        self._output_values = outputs[-1][:, self._output_index()].reshape(n, n)
        self._image.setImage(self._output_values, autoLevels=False, levels=self._output_levels())
        if self._dataset is not None and self._dataset.task == "classification":
            segments = contour_segments(self._output_values, 0.5, self._x_axis, self._y_axis)
            self._boundary.setData(segments[:, 0], segments[:, 1], connect="pairs", skipFiniteCheck=True)
        if network.n_layers > 1:
            first = outputs[0]
            self._hidden_values = [first[:, h].reshape(n, n) for h in range(first.shape[1])]
            levels = self._hidden_levels(network, first)
            bounds = (self._x_axis[0], self._x_axis[-1], self._y_axis[0], self._y_axis[-1])
            weights, thresholds = network.weights[0], network.thresholds[0]
            for h, tile in enumerate(self._tiles[: self._shown_tiles()]):
                tile.image.setImage(self._hidden_values[h], autoLevels=False, levels=levels)
                # b_h switches where α_h − γ_h = 0: v_1h x_1 + v_2h x_2 = γ_h.
                segment = line_in_rect(float(weights[0, h]), float(weights[1, h]), float(thresholds[h]), bounds)
                if segment is None:
                    tile.line.setData([], [])
                else:
                    tile.line.setData(segment[:, 0], segment[:, 1])
        else:
            self._hidden_values = []
        self._update_misclassified(network, first_map)

    def grid_outputs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """The last map drawn: (grid_x, grid_y, values), each N × N, values[i, j] at (grid_x[i, j], grid_y[i, j]).

        ``values`` is the chosen output ŷ_j; None before a network was shown.
        """
        return self._grid_x, self._grid_y, self._output_values

    def hidden_maps(self) -> list[np.ndarray]:
        """Every first-hidden-layer unit's output b_h on the grid (N × N each, as ``grid_outputs``); tiles show the first 16."""
        return list(self._hidden_values)

    def misclassified_indices(self) -> np.ndarray:
        """The rows of the data set the network shown classifies wrongly (the ringed samples)."""
        return self._misclassified.copy()

    def output_unit(self) -> int:
        """The output unit mapped, 0-based (ŷ₁ is 0)."""
        return self._output_index()

    def set_output_unit(self, index: int) -> None:
        """Map output ŷ_(index+1) (0-based; only a data set with several outputs offers a choice)."""
        if not 0 <= index < self._output_combo.count():
            raise ValueError(f"there is no output unit {index + 1} to map")
        self._output_combo.setCurrentIndex(index)

    def output_choices(self) -> list[str]:
        """The output units the combo offers, e.g. ``["ŷ₁ (setosa)", …]``; empty for one output."""
        if self._output_combo.count() < 2:
            return []
        return [self._output_combo.itemText(i) for i in range(self._output_combo.count())]

    def export_png(self, path: str | os.PathLike) -> None:
        """Save the maps as shown (main map and hidden units) as a PNG image, written atomically."""
        source = self._content if self._content.isVisibleTo(self) else self
        save_image(source.grab(), path)

    # ---- read-only access to the items (for the main window and tests) ------------------
    @property
    def plot_item(self) -> pg.PlotItem:
        return self._plot_item

    @property
    def image_item(self) -> pg.ImageItem:
        return self._image

    @property
    def boundary_item(self) -> pg.PlotCurveItem:
        """The decision boundary ŷ_j = 0.5, as pairs of points (classification sets only)."""
        return self._boundary

    @property
    def points_item(self) -> pg.ScatterPlotItem:
        return self._points

    @property
    def misclassified_item(self) -> pg.ScatterPlotItem:
        return self._rings

    def hidden_image_items(self) -> list[pg.ImageItem]:
        """The ImageItems of the hidden tiles shown, b₁ first."""
        return [tile.image for tile in self._tiles[: self._shown_tiles()]]

    def hidden_titles(self) -> list[str]:
        """The tiles' names, ``["b₁", "b₂", …]`` (``b⁽¹⁾₁`` … in a deeper network)."""
        return [tile.plot.titleLabel.text for tile in self._tiles[: self._shown_tiles()]]

    def hidden_heading(self) -> str:
        """The text above the tiles, with the "(first 16 of q)" note when units are left out."""
        return self._hidden_title.text()

    def unit_lines(self) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """Per tile shown, the (x, y) end points of the line where b_h switches, or None when it misses the plane."""
        lines = []
        for tile in self._tiles[: self._shown_tiles()]:
            x, y = tile.line.getData()
            lines.append(None if x is None or len(x) == 0 else (x, y))
        return lines

    def legend_text(self) -> str:
        """The legend above the map (rich text): the classes and how many samples are misclassified."""
        return self._legend_label.text()

    def message(self) -> str:
        """The message shown instead of the maps ("" when the maps are shown)."""
        return self._message_label.text() if not self._message_label.isHidden() else ""

    def maps_shown(self) -> bool:
        return not self._content.isHidden()

    # ---- Qt overrides ---------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(700, 450)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 200)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_texts()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_direction()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self._hidden_view and event.type() == QEvent.Type.Resize:
            self._update_tile_grid()
        return super().eventFilter(watched, event)

    # ---- slots ------------------------------------------------------------------------------
    def _on_output_combo_changed(self, _index: int) -> None:
        self._update_levels()
        self._update_points_style()
        self._update_legend()
        self._update_color_bar_label()
        if self._network is not None:
            self.show_network(self._network)

    # ---- state ---------------------------------------------------------------------------------
    def _clear_maps(self) -> None:
        """Forget the maps drawn (the items stay, empty, for the next network)."""
        self._output_values = None
        self._hidden_values = []
        self._misclassified = np.empty(0, dtype=np.intp)
        self._image.clear()
        self._boundary.setData([], [])
        self._rings.setData([], [])
        for tile in self._tiles:
            tile.image.clear()
            tile.line.setData([], [])

    def _data_problem(self) -> str | None:
        dataset = self._dataset
        if dataset is None:
            return self.tr("Choose a data set with 2 inputs to see the map.")
        if dataset.n_inputs != 2:
            return self.tr("The map needs a data set with 2 inputs; this one has %1.").replace(
                "%1", str(dataset.n_inputs)
            )
        return None

    def _network_problem(self, network: Network) -> str | None:
        if network.layer_sizes[0] != 2:
            return self.tr("The network has %1 inputs; the map needs 2.").replace("%1", str(network.layer_sizes[0]))
        return None

    def _output_index(self) -> int:
        index = self._output_combo.currentIndex()
        index = max(index, 0)
        if self._network is not None:
            index = min(index, self._network.layer_sizes[-1] - 1)
        return index

    def _shown_tiles(self) -> int:
        return min(self._n_hidden, MAX_HIDDEN_MAPS)

    def _place(self, image: pg.ImageItem, plot: pg.PlotItem) -> None:
        """Centre pixel (i, j) of an N × N image on grid point (x_axis[i], y_axis[j]) and show the whole plane.

        A transform rather than ``setRect``, which needs an image already set.
        """
        xs, ys = self._x_axis, self._y_axis
        if xs.shape[0] < 2:
            return
        dx = (xs[-1] - xs[0]) / (xs.shape[0] - 1)
        dy = (ys[-1] - ys[0]) / (ys.shape[0] - 1)
        transform = QTransform()
        transform.translate(xs[0] - dx / 2, ys[0] - dy / 2)
        transform.scale(dx, dy)
        image.setTransform(transform)
        plot.setRange(xRange=(xs[0] - dx / 2, xs[-1] + dx / 2), yRange=(ys[0] - dy / 2, ys[-1] + dy / 2), padding=0)

    def _output_levels(self) -> tuple[float, float]:
        """0 → blue, 1 → red for classification; the target's range for regression."""
        dataset = self._dataset
        if dataset is None or dataset.task == "classification" or dataset.n_samples == 0:
            return 0.0, 1.0
        column = dataset.targets[:, min(self._output_index(), dataset.n_outputs - 1)]
        low, high = float(column.min()), float(column.max())
        if not high > low:
            low, high = low - 1.0, high + 1.0
        return low, high

    @staticmethod
    def _hidden_levels(network: Network, outputs: np.ndarray) -> tuple[float, float]:
        """The activation's range, with f(0) (where the unit switches) in white."""
        name = network.activations[0]
        if name == "sigmoid":
            return 0.0, 1.0
        if name == "tanh":
            return -1.0, 1.0
        # relu / linear: unbounded; symmetric about 0 = f(0).
        finite = np.abs(outputs[np.isfinite(outputs)])
        largest = float(finite.max()) if finite.size else 0.0
        largest = largest if largest > 0 else 1.0
        return -largest, largest

    def _update_levels(self) -> None:
        levels = self._output_levels()
        self._color_bar.setLevels(levels)
        classification = self._dataset is None or self._dataset.task == "classification"
        # 0, 0.5 (the boundary) and 1 only; a regression set gets the automatic ticks.
        self._color_bar.axis.setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")], []] if classification else None)

    def _update_misclassified(self, network: Network, first_map: bool) -> None:
        dataset = self._dataset
        wrong = np.empty(0, dtype=np.intp)
        if (
            dataset is not None
            and self._labels is not None
            and dataset.n_samples
            and network.layer_sizes[-1] == dataset.n_outputs
        ):
            predicted = dataset.classify(network.predict(dataset.inputs))
            mistaken = predicted != self._labels
            if mistaken.ndim == 2:
                mistaken = mistaken.any(axis=1)
            wrong = np.flatnonzero(mistaken)
        changed = not np.array_equal(wrong, self._misclassified)
        self._misclassified = wrong
        if changed:
            if wrong.shape[0]:
                self._rings.setData(dataset.inputs[wrong, 0], dataset.inputs[wrong, 1])
            else:
                self._rings.setData([], [])
        if changed or first_map:
            self._update_legend()

    # ---- building ------------------------------------------------------------------------------
    def _ensure_tiles(self, network: Network) -> None:
        """One tile per first-hidden-layer unit (up to 16); tiles are made once and then reused."""
        q = network.layer_sizes[1] if network.n_layers > 1 else 0
        if q == self._n_hidden and network.n_layers == self._n_layers_titled:
            return
        self._n_hidden = q
        self._n_layers_titled = network.n_layers
        while len(self._tiles) < min(q, MAX_HIDDEN_MAPS):
            tile = _HiddenTile()
            self._place(tile.image, tile.plot)
            self._tiles.append(tile)
        for h, tile in enumerate(self._tiles[: self._shown_tiles()]):
            symbol = unit_symbol(1, h + 1, network.n_layers).unicode
            tile.plot.setTitle(symbol, size="10pt", color=_TEXT)
        self._hidden_panel.setVisible(q > 0)
        self._tile_columns = 0  # force a new grid
        self._update_tile_grid()
        self._update_hidden_title()

    def _update_tile_grid(self) -> None:
        """Arrange the tiles in the number of columns that makes them largest."""
        n = self._shown_tiles()
        size = self._hidden_view.size()
        width, height = max(size.width(), 1), max(size.height(), 1)
        title = 22  # the b_h title row, in pixels
        best, columns = -1.0, 1
        for c in range(1, max(n, 1) + 1):
            rows = math.ceil(n / c) if n else 1
            side = min(width / c, height / rows - title)
            if side > best + 0.5:
                best, columns = side, c
        layout = self._hidden_view.ci
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

    def _fill_output_combo(self) -> None:
        dataset = self._dataset
        blocker = self._output_combo.blockSignals(True)
        try:
            self._output_combo.clear()
            if dataset is not None and dataset.n_inputs == 2:
                for j in range(dataset.n_outputs):
                    self._output_combo.addItem(self._output_name(j), j)
                self._output_combo.setCurrentIndex(0)
        finally:
            self._output_combo.blockSignals(blocker)
        several = self._output_combo.count() > 1
        self._output_combo.setVisible(several)
        self._update_levels()
        self._update_color_bar_label()

    def _output_name(self, j: int) -> str:
        dataset = self._dataset
        symbol = unit_symbol(2, j + 1, 2).unicode  # ŷ_j whatever the depth
        if dataset is None or dataset.n_outputs == 1:
            return symbol
        name = dataset.class_names[j] if dataset.class_names else dataset.target_names[j]
        return f"{symbol} ({name})"

    def _point_classes(self) -> np.ndarray | None:
        """The colour class of each sample: its class, or for a multi-label set its label at the mapped output."""
        if self._labels is None:
            return None
        if self._labels.ndim == 2:
            return self._labels[:, min(self._output_index(), self._labels.shape[1] - 1)]
        return self._labels

    def _class_styles(self) -> list[tuple[str, str, str]]:
        """(colour, symbol, name) per class."""
        dataset = self._dataset
        if dataset is None or self._labels is None:
            return []
        if self._labels.ndim == 2 or dataset.n_outputs == 1:
            names = dataset.class_names if dataset.n_outputs == 1 else ("0", "1")
            return [(_BINARY_CLASS_COLOURS[c], _CLASS_SYMBOLS[c], names[c]) for c in (0, 1)]
        return [
            (_CLASS_COLOURS[c % len(_CLASS_COLOURS)], _CLASS_SYMBOLS[c % len(_CLASS_SYMBOLS)], name)
            for c, name in enumerate(dataset.class_names)
        ]

    def _update_points_style(self) -> None:
        dataset = self._dataset
        if dataset is None or dataset.n_inputs != 2:
            self._points.setData([], [])
            return
        x, y = dataset.inputs[:, 0], dataset.inputs[:, 1]
        classes = self._point_classes()
        if classes is None:
            self._points.setData(x, y, brush=pg.mkBrush(_REGRESSION_COLOUR), symbol="o")
            return
        styles = self._class_styles()
        brushes = [pg.mkBrush(colour) for colour, _symbol, _name in styles]
        self._points.setData(
            x, y, brush=[brushes[c] for c in classes], symbol=[styles[c][1] for c in classes]
        )

    # ---- texts ---------------------------------------------------------------------------------
    def _show_message(self, text: str | None) -> None:
        self._message_label.setVisible(text is not None)
        self._message_label.setText(text or "")
        self._content.setVisible(text is None)
        self._legend_label.setVisible(text is None)
        self._output_label.setVisible(text is None and self._output_combo.count() > 1)
        self._output_combo.setVisible(text is None and self._output_combo.count() > 1)

    def _update_texts(self) -> None:
        self._output_label.setText(self.tr("Map of:"))
        self._output_combo.setToolTip(self.tr("The output unit whose value the map shows"))
        self._plot_widget.setToolTip(
            self.tr("The network's output over the plane of the two inputs: blue 0, white 0.5, red 1. "
                    "The black line is the decision boundary (output 0.5); ringed samples are misclassified.")
        )
        self._update_hidden_title()
        self._update_axis_labels()
        self._update_legend()
        self._update_color_bar_label()
        problem = self._data_problem()
        if problem is None and self._network is not None:
            problem = self._network_problem(self._network)
        self._show_message(problem)

    def _update_hidden_title(self) -> None:
        q = self._n_hidden
        text = self.tr("What each hidden unit bₕ learned")
        if q > MAX_HIDDEN_MAPS:
            text += " " + self.tr("(first %1 of %2)").replace("%1", str(MAX_HIDDEN_MAPS)).replace("%2", str(q))
        self._hidden_title.setText(text)
        self._hidden_view.setToolTip(
            self.tr("Each tile is one unit of the first hidden layer over the same plane; "
                    "the dashed line is where it switches (α − γ = 0)")
        )

    def _update_axis_labels(self) -> None:
        style = {"color": _TEXT, "font-size": "10pt"}
        dataset = self._dataset
        if dataset is not None and dataset.n_inputs == 2:
            bottom, left = (pretty_feature_name(n) for n in dataset.feature_names)
        else:
            bottom, left = "x₁", "x₂"
        self._plot_item.setLabel("bottom", bottom, **style)
        self._plot_item.setLabel("left", left, **style)

    def _update_color_bar_label(self) -> None:
        self._color_bar.axis.setLabel(unit_symbol(2, self._output_index() + 1, 2).unicode, color=_TEXT)

    def _update_legend(self) -> None:
        dataset = self._dataset
        if dataset is None or dataset.n_inputs != 2:
            self._legend_label.setText("")
            return
        def unbroken(text: str) -> str:  # an entry wraps as a whole
            return html.escape(text).replace(" ", "&nbsp;")

        parts = []
        for colour, symbol, name in self._class_styles():
            label = unbroken(self.tr("class %1").replace("%1", name))
            parts.append(f'<span style="color:{colour}">{_SYMBOL_GLYPHS[symbol]}</span>&nbsp;{label}')
        if self._labels is not None and self._network is not None and self._output_values is not None:
            count = self._misclassified.shape[0]
            text = self.tr("%1 of %2 misclassified").replace("%1", str(count)).replace("%2", str(dataset.n_samples))
            parts.append(f"◯&nbsp;{unbroken(text)}")
        self._legend_label.setText("&nbsp;&nbsp; ".join(parts))

    # ---- layout ----------------------------------------------------------------------------------
    def _update_direction(self) -> None:
        """Hidden tiles beside the main map when the view is wide, below it when it is tall."""
        wide = self.width() >= 1.25 * self.height()
        small = self.width() < 600
        if (wide, small) == self._shape:
            return
        self._shape = (wide, small)
        layout = self._content_layout
        layout.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        if wide:  # a small view gives the main map more of its width
            main, hidden = (3, 2) if self.width() >= 600 else (2, 1)
        else:
            main, hidden = 5, 2
        layout.setStretchFactor(self._plot_widget, main)
        layout.setStretchFactor(self._hidden_panel, hidden)
