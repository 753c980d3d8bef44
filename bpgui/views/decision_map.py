"""Seeing what the network learned: its output over the input plane.

Why one module of ~590 lines: one view that lays out, colours, sizes and exports the main map and its
tiles together (the tiles, the samples and the layout arithmetic are already in modules beside it).

For a data set with exactly two inputs ``DecisionMapView`` draws

* the main map: one output ŷ_j (ŷ₁ unless the learner picks another) on a ``GRID_SIZE`` ×
  ``GRID_SIZE`` grid over the data's range padded by ``PADDING``, in the network's colours,
  vermillion (0) → white (0.5) → blue (1); a dark contour marks ŷ_j = 0.5. The samples sit on top,
  coloured and shaped by their true class; every misclassified one gets a black ring;
* one small map per unit b_h of the first hidden layer (at most ``MAX_HIDDEN_MAPS``, see
  :mod:`.decision_map_tiles`), with the line v_1h x_1 + v_2h x_2 = γ_h where it switches.

The main map is square (the plane's aspect, within 1:2 and 2:1) and gets ``MAIN_MAP_SIDE`` pixels
before the tiles get more than ``LEAST_TILES``; tiles go beside a wide view, below a tall one, and
scroll when there are too many (:meth:`DecisionMapView._arrange`). The view renders what it is given:
``set_data`` (the plane, the samples) and ``show_surface`` (a
:class:`bpgui.model.surface.DecisionSurface` the session computed).
"""

from __future__ import annotations

import os
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..model.datasets import Dataset
from ..model.geometry import plane_axes, plane_points
from ..model.naming import unit_symbol
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, format_number
from ..model.surface import GRID_SIZE, PADDING, DecisionSurface, output_levels
from ..model.text import fill
from .decision_map_picture import maps_painter
from .decision_map_samples import legend_html, marker_scale, style_points
from .decision_map_tiles import (
    COLOR_MAP,
    LOOKUP_TABLE,
    MAX_HIDDEN_MAPS,
    HiddenMapsPanel,
    aspect_ratio,
    place_image,
    square_box,
)
from .plot_text import (
    BASE_LABEL_POINTS,
    BASE_TICK_POINTS,
    colour_bar,
    make_room,
    map_plot,
    number_axes,
    points,
    scale_axes,
    write_picture,
)
from .style import AXIS, BACKGROUND, TEXT

__all__ = ["GRID_SIZE", "MAX_HIDDEN_MAPS", "PADDING", "DecisionMapView", "pretty_feature_name"]

# Light, projector-friendly colours, as in the error plot.
_BACKGROUND, _TEXT, _AXIS = BACKGROUND, TEXT, AXIS
# The main map gets this many pixels of plane before the tiles get more than LEAST_TILES (× text scale).
MAIN_MAP_SIDE = 300
LEAST_TILES = 110
_BOUNDARY_PEN = pg.mkPen("#1a1a1a", width=2)
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


class DecisionMapView(QWidget):
    """The network's output and its first hidden layer's outputs over the plane of two inputs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._surface: DecisionSurface | None = None
        self._x_axis = np.empty(0)
        self._y_axis = np.empty(0)
        self._grid_x = np.empty((0, 0))
        self._grid_y = np.empty((0, 0))
        self._labels: np.ndarray | None = None  # true classes of the samples (classification sets)
        self._rings_shown = np.empty(0, dtype=np.intp)
        self._scale = 1.0  # the text scale
        self._pens_magnify, self._marker_scale = 1.0, 1.0  # a picture's magnification; samples' size factor
        self._digits = DEFAULT_DIGITS
        self._legend_count: int | None = None  # the misclassified count the legend says (None: no map)

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
        self._plot_widget = pg.PlotWidget(background=_BACKGROUND, axisItems=number_axes())
        self._plot_widget.setObjectName("main_map")
        self._plot_widget.setMinimumSize(160, 140)
        plot = self._plot_item = self._plot_widget.getPlotItem()
        map_plot(plot, tick_font)  # no menus: pyqtgraph's are English and export past the app's sized export
        make_room(plot, tick_font, right_label=False)  # the colour bar's top label
        self._image = pg.ImageItem(axisOrder="col-major")
        # Levels come with every setImage: set before the first image, pyqtgraph would apply them after it.
        self._image.setLookupTable(LOOKUP_TABLE)
        self._image.setZValue(-10)
        self._boundary = pg.PlotCurveItem(pen=_BOUNDARY_PEN, connect="pairs", antialias=True)
        self._boundary.setZValue(5)
        self._points = pg.ScatterPlotItem(pxMode=True, size=_POINT_SIZE, pen=_POINT_PEN)
        self._points.setZValue(10)
        self._rings = pg.ScatterPlotItem(pxMode=True, size=_RING_SIZE, symbol="o", pen=_RING_PEN, brush=None)
        self._rings.setZValue(11)
        for item in (self._image, self._boundary, self._points, self._rings):
            plot.addItem(item)
        self._color_bar = colour_bar(plot, COLOR_MAP, tick_font)
        plot.layout.setColumnFixedWidth(4, 4)

        # ---- the hidden units ------------------------------------------------------------
        self._hidden_panel = HiddenMapsPanel()

        # Laid out by hand (_arrange): a box layout cannot keep the main map square.
        self._content = QWidget(self)
        self._content.setObjectName("maps")
        self._plot_widget.setParent(self._content)
        self._hidden_panel.setParent(self._content)
        self._content.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self._message_label, 1)
        layout.addWidget(self._content, 1)

        self._output_combo.currentIndexChanged.connect(self._on_output_combo_changed)
        self._update_texts()
        self._show_message(None)

    # ---- public API ---------------------------------------------------------------------
    def set_data(self, dataset: Dataset | None) -> None:
        """Show a new data set (or none): the plane, its samples and axis names; the maps wait for a surface."""
        self._dataset = dataset
        self._surface = None
        self._clear_maps()

        if dataset is None or dataset.n_inputs != 2:
            self._set_plane(np.empty(0), np.empty(0))
            self._labels = None
            self._points.setData([], [])
        else:
            self._set_plane(*plane_axes(dataset.inputs, GRID_SIZE, PADDING))
            self._labels = dataset.labels() if dataset.task == "classification" else None
            self._update_levels()
        self._fill_output_combo()
        self._update_points_style()
        self._update_axis_labels()
        self._update_legend()
        self._show_message(self._data_problem())

    def show_surface(self, surface: DecisionSurface | None) -> None:
        """Draw the maps of ``surface`` (computed for the data set given to ``set_data``); None clears them."""
        if surface is None or self._data_problem() is not None:
            self._surface = None
            self._clear_maps()
            self._update_legend()
            self._show_message(self._data_problem() or self.tr("This network is too wide to map at every step."))
            return
        if surface is self._surface:  # drawn already (a surface never changes; a step hands the same one twice)
            return
        self._surface = surface
        self._show_message(None)
        if not (np.array_equal(surface.x_axis, self._x_axis) and np.array_equal(surface.y_axis, self._y_axis)):
            self._set_plane(surface.x_axis, surface.y_axis)
        self._draw_output()
        shown = self._hidden_panel.isVisibleTo(self)
        self._hidden_panel.show_units(surface.hidden, surface.hidden_levels, surface.n_layers)
        if shown != self._hidden_panel.isVisibleTo(self):
            self._arrange()
        self._update_rings()
        if self._legend_count != surface.misclassified.shape[0]:  # Run: a new surface per frame, rarely a new count
            self._update_legend()

    @property
    def dataset(self) -> Dataset | None:
        """The data set the plane is drawn for."""
        return self._dataset

    @property
    def surface(self) -> DecisionSurface | None:
        """The surface drawn, or None."""
        return self._surface

    def grid_outputs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """The last map drawn: (grid_x, grid_y, values), each N × N, values[i, j] at (grid_x[i, j], grid_y[i, j]).

        ``values`` is the chosen output ŷ_j; None before a network was shown.
        """
        return self._grid_x, self._grid_y, self._output_values()

    def hidden_maps(self) -> list[np.ndarray]:
        """Every first-hidden-layer unit's output b_h on the grid (N × N, as ``grid_outputs``); 16 tiles at most."""
        surface = self._surface
        return [] if surface is None else [unit.values for unit in surface.hidden]

    def misclassified_indices(self) -> np.ndarray:
        """The rows of the data set the network shown classifies wrongly (the ringed samples)."""
        return self._misclassified().copy()

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

    def set_text_scale(self, scale: float) -> None:
        """Axis ticks and names, tile titles and ranges, the colour bar, sample and ring sizes at ``scale``
        × their 100 % size (the bar, legend and heading follow the application font by themselves)."""
        self._scale = max(0.5, float(scale))
        self._apply_scale(self._scale)

    def set_digits(self, digits: int) -> None:
        """Significant digits of the numbers the map writes (colour bar and tile ranges)."""
        self._digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        self._update_levels()
        self._hidden_panel.set_digits(self._digits)
        self._update_legend()

    def minimum_size_for(self, main_side: int) -> QSize:
        """The smallest view whose main map gets ``main_side`` × ``main_side`` pixels of plane (with the bar
        above and the tiles beside it at the current text scale)."""
        extra_w, extra_h = self._extras()
        bar = self._output_label.sizeHint().height() + self._legend_label.sizeHint().height() + 8
        tiles = round(LEAST_TILES * self._scale) + 4 if self._dataset is not None else 0  # a hidden layer: tiles
        return QSize(main_side + extra_w + tiles, main_side + extra_h + bar)

    def export_image(self, path: str | os.PathLike, size: QSize | None = None) -> None:
        """Save the maps (legend row, main map, colour bar, hidden units) as a picture of exactly ``size`` pixels (None:
        as on screen), SVG if ``path`` ends in .svg, else PNG. A large picture is laid out as a screen of
        about 720 × 540 and magnified, so it reads like the screen. Written atomically (BpguiError on failure,
        the old file kept)."""
        maps = self._content.isVisibleTo(self)
        source = self._content if maps else self
        size = QSize(int(size.width()), int(size.height())) if size is not None else source.size()
        draw = maps_painter(source, self._legend_label if maps else None, size, self._arrange, self._apply_pens)
        write_picture(path, size, self.tr("What it learned"), draw)

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
        return self._hidden_panel.image_items()

    def hidden_titles(self) -> list[str]:
        """The tiles' names, ``["b₁", "b₂", …]`` (``b⁽¹⁾₁`` … in a deeper network)."""
        return self._hidden_panel.titles()

    def hidden_heading(self) -> str:
        """The text above the tiles, with the "(first 16 of q)" note when units are left out."""
        return self._hidden_panel.heading()

    def unit_lines(self) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """Per tile shown, the (x, y) end points of the line where b_h switches, or None when it misses the plane."""
        return self._hidden_panel.unit_lines()

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._content and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    # ---- slots ------------------------------------------------------------------------------
    def _on_output_combo_changed(self, _index: int) -> None:
        self._update_levels()
        self._update_points_style()
        self._update_legend()
        self._update_color_bar_label()
        if self._surface is not None:
            self._draw_output()

    # ---- state ---------------------------------------------------------------------------------
    def _set_plane(self, x_axis: np.ndarray, y_axis: np.ndarray) -> None:
        self._x_axis, self._y_axis = x_axis, y_axis
        if x_axis.shape[0] == 0:
            self._grid_x = self._grid_y = np.empty((0, 0))
            return
        grid_x, grid_y = np.meshgrid(x_axis, y_axis, indexing="ij")
        for array in (grid_x, grid_y):
            array.setflags(write=False)
        self._grid_x, self._grid_y = grid_x, grid_y
        place_image(self._image, self._plot_item, x_axis, y_axis)
        self._plot_item.getViewBox().setAspectLocked(True, aspect_ratio(x_axis, y_axis))
        self._hidden_panel.set_plane(x_axis, y_axis)
        self._arrange()

    def _clear_maps(self) -> None:
        """Forget the maps drawn (the items stay, empty, for the next surface)."""
        self._rings_shown = np.empty(0, dtype=np.intp)
        self._image.clear()
        self._boundary.setData([], [])
        self._rings.setData([], [])
        self._hidden_panel.clear()

    def _output_values(self) -> np.ndarray | None:
        surface = self._surface
        return None if surface is None else surface.outputs[self._output_index()]

    def _misclassified(self) -> np.ndarray:
        surface = self._surface
        return np.empty(0, dtype=np.intp) if surface is None else surface.misclassified

    def _draw_output(self) -> None:
        """The chosen output's map and its boundary (classification sets only)."""
        surface = self._surface
        if surface is None:
            return
        j = self._output_index()
        self._image.setImage(surface.outputs[j], autoLevels=False, levels=surface.output_levels[j])
        if self._dataset is not None and self._dataset.task == "classification":
            segments = surface.boundaries[j]
            self._boundary.setData(segments[:, 0], segments[:, 1], connect="pairs", skipFiniteCheck=True)

    def _update_rings(self) -> None:
        wrong = self._misclassified()
        if np.array_equal(wrong, self._rings_shown):
            return
        self._rings_shown = wrong
        if wrong.shape[0] and self._dataset is not None:
            drawn = plane_points(self._dataset.inputs[wrong])
            self._rings.setData(drawn[:, 0], drawn[:, 1])
        else:
            self._rings.setData([], [])

    def _data_problem(self) -> str | None:
        dataset = self._dataset
        if dataset is None:
            return self.tr("Choose a data set with 2 inputs to see the map.")
        if dataset.n_inputs != 2:
            return fill(self.tr("The map needs a data set with 2 inputs; this one has %1."), dataset.n_inputs)
        return None

    def _output_index(self) -> int:
        index = max(self._output_combo.currentIndex(), 0)
        if self._surface is not None:
            index = min(index, self._surface.n_outputs - 1)
        return index

    def _update_levels(self) -> None:
        dataset = self._dataset
        levels = (0.0, 1.0) if dataset is None else output_levels(dataset, self._output_index())
        self._color_bar.setLevels(levels)
        # The bottom, the middle (the boundary, for a classification set) and the top, in the one number format.
        low, high = float(levels[0]), float(levels[1])
        self._color_bar.axis.setTicks([[(v, format_number(v, self._digits)) for v in (low, (low + high) / 2, high)],
                                       []])

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

    def _update_points_style(self) -> None:
        style_points(self._points, self._dataset, self._labels, self._output_index())

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
            self.tr("The network's output over the plane of the two inputs: vermillion 0, white 0.5, blue 1, "
                    "as the network colours its units. The black line is the decision boundary (output 0.5); "
                    "ringed samples are misclassified.")
        )
        self._hidden_panel.retranslate()
        self._update_axis_labels()
        self._update_legend()
        self._update_color_bar_label()
        self._show_message(self._data_problem())

    def _update_axis_labels(self) -> None:
        style = {"color": _TEXT, "font-size": points(BASE_LABEL_POINTS, self._scale)}
        dataset = self._dataset
        if dataset is not None and dataset.n_inputs == 2:
            bottom, left = (pretty_feature_name(n) for n in dataset.feature_names)
        else:
            bottom, left = "x₁", "x₂"
        self._plot_item.setLabel("bottom", bottom, **style)
        self._plot_item.setLabel("left", left, **style)
        self._hidden_panel.set_axis_names(bottom, left)

    def _update_color_bar_label(self) -> None:
        self._color_bar.axis.setLabel(unit_symbol(2, self._output_index() + 1, 2).unicode, color=_TEXT,
                                      **{"font-size": points(BASE_LABEL_POINTS, self._scale)})

    def _update_legend(self) -> None:
        misclassified = self._legend_count = None if self._surface is None else self._misclassified().shape[0]
        self._legend_label.setText(legend_html(self._dataset, self._labels, misclassified, self._colour_key()))

    def _colour_key(self) -> tuple[str, str, str] | None:
        """(symbol, bottom, top) of the colour legend: the output mapped and its range, as numbers."""
        if self._dataset is None or self._dataset.n_inputs != 2:
            return None
        low, high = output_levels(self._dataset, self._output_index())
        symbol = unit_symbol(2, self._output_index() + 1, 2).unicode
        return symbol, format_number(low, self._digits), format_number(high, self._digits)

    # ---- text scale ------------------------------------------------------------------------------
    def _apply_scale(self, scale: float) -> None:
        font = self.font()
        scale_axes(self._plot_item, font, scale, right_label=False)
        tick_font = QFont(font)
        tick_font.setPointSizeF(BASE_TICK_POINTS * scale)
        self._color_bar.axis.setTickFont(tick_font)
        self._color_bar.axis.setWidth(None)
        self._update_color_bar_label()
        self._apply_pens(1.0)
        self._hidden_panel.set_text_scale(scale)
        self._update_axis_labels()
        self._arrange()

    def _apply_pens(self, magnify: float) -> None:
        """Samples, rings and lines for the text scale × ``magnify`` (a picture's magnification)."""
        s = self._scale * magnify
        self._pens_magnify, self._marker_scale = magnify, marker_scale(self._scale, self._plane_side())
        m = self._marker_scale * magnify  # samples and rings: by the text scale and the map's size
        self._points.setSize(_POINT_SIZE * m)
        self._points.setPen(pg.mkPen("w", width=1.2 * m))
        self._rings.setSize(_RING_SIZE * m)
        self._rings.setPen(pg.mkPen("#000000", width=2 * m))
        self._boundary.setPen(pg.mkPen("#1a1a1a", width=2 * s))
        self._hidden_panel.set_pen_scale(s)

    # ---- layout ----------------------------------------------------------------------------------
    def _extras(self) -> tuple[int, int]:
        """Pixels of the main map's widget that are not plane: axes, colour bar, margins (as now laid out)."""
        box = self._plot_item.getViewBox().sceneBoundingRect()
        widget = self._plot_widget.size()
        if box.width() < 10 or box.height() < 10:
            return round(110 * self._scale), round(40 * self._scale)
        return max(0, round(widget.width() - box.width())), max(0, round(widget.height() - box.height()))

    def _arrange(self) -> None:
        """The main map as large and as square as the content allows; the tiles beside it when the content
        is wide, below it when it is tall (they scroll there if too many to read)."""
        area = self._content.rect()
        if area.width() < 10 or area.height() < 10:
            return
        tiles = self._hidden_panel.isVisibleTo(self._content) or not self._hidden_panel.isHidden()
        plane_ratio = aspect_ratio(self._x_axis, self._y_axis, picture=True)
        for _ in range(2):  # the axes' size depends on the map's: a second pass settles it
            extra_w, extra_h = self._extras()
            main, panel = square_box(area, extra_w, extra_h, plane_ratio, tiles, 4, MAIN_MAP_SIDE,
                                     round(LEAST_TILES * self._scale))
            self._plot_widget.setGeometry(main)
            self._plot_widget.resizeEvent(None)  # now, not when the event comes: the next pass measures it
            self._plot_item.layout.activate()
            if tiles:
                self._hidden_panel.setGeometry(panel)
        if marker_scale(self._scale, self._plane_side()) != self._marker_scale:
            self._apply_pens(self._pens_magnify)

    def _plane_side(self) -> float:
        box = self._plot_item.getViewBox().sceneBoundingRect()
        return min(box.width(), box.height())
