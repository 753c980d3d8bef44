"""The "Error surface" tab (issue 14): the error over two parameters, the others held where they are now.

A filled map (the grid's values through a colour map, with level lines) of E or of the next sample's E_k
over a grid around the two parameters' values, the path training took through them (line and dots: the
history's own values), the point now and the next step's arrow (Δp, Δq = −η × the two partial derivatives).
A caption says plainly that it is a slice and how far the other parameters have moved since the path
began, so a path that leaves the map's valleys is not taken for a bug.

The panel has its own small controller (``controller.exploring.SurfaceController``, found with
``findChild``) and wires its signals itself. It asks for a map only while it is shown: on a new state (during
Run at most every ``RUN_INTERVAL_MS``), a new pair of parameters or E/E_k; a map too big to compute at once
comes from the worker, and until then the last map stays with "computing…" beside the choosers.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..controller import TrainingController
from ..controller.exploring import E_K, E_SET, SurfaceController, SurfaceView
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, format_number
from ..model.text import fill
from .plot_text import BASE_LABEL_POINTS, colour_bar, map_plot, number_axes, points, scale_axes
from .style import TEXT
from .surface_panel_lines import level_segments, levels_of

__all__ = ["MAX_LISTED", "RUN_INTERVAL_MS", "SurfacePanel"]

RUN_INTERVAL_MS = 100  # during Run, a new map at most this often
MAX_LISTED = 2_000  # a chooser lists the first parameters (and the ones chosen): a big network has 10⁶
_COLOR_MAP = pg.colormap.get("viridis")
_LEVEL_PEN = pg.mkPen((255, 255, 255, 110), width=1)
_PATH_PEN = pg.mkPen((255, 255, 255, 210), width=1.5)
_ARROW = "#ff2d55"


class SurfacePanel(QWidget):
    """See the module."""

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surface_panel")
        self.surfaces = SurfaceController.of(controller)
        self.view: SurfaceView | None = None  # the map drawn
        self.requests = 0  # maps asked for (tests: a hidden tab asks for none)
        self._p, self._q, self._which = -1, -1, E_SET
        self._dirty = True  # the map drawn is not the state's
        self._heavy = False  # the last map came from the worker: during Run, wait for the pause
        self._digits, self._scale = DEFAULT_DIGITS, 1.0
        self._n = 0  # parameters of the network
        self._names: dict[int, str] = {}  # the symbols listed so far
        self._listed: dict[QComboBox, list[int]] = {}  # each chooser's parameters, as its items hold them

        self.p_label, self.q_label = QLabel(), QLabel()
        self.p_combo, self.q_combo, self.which_combo = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.p_combo, self.q_combo, self.which_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QLabel()
        self.status.setObjectName("surface_status")
        choosers = QGridLayout()
        choosers.setContentsMargins(4, 4, 4, 0)
        choosers.addWidget(self.p_label, 0, 0)
        choosers.addWidget(self.p_combo, 0, 1)
        choosers.addWidget(self.q_label, 0, 2)
        choosers.addWidget(self.q_combo, 0, 3)
        choosers.addWidget(self.which_combo, 1, 0, 1, 2)
        choosers.addWidget(self.status, 1, 2, 1, 2)
        choosers.setColumnStretch(4, 1)
        self._choosers = choosers

        # The map itself (pyqtgraph: two plot items, ~40 ms) is made when the tab is first shown.
        self._built = False

        self.caption = QLabel()
        self.caption.setObjectName("surface_caption")
        self.caption.setWordWrap(True)
        self.caption.setContentsMargins(4, 0, 4, 0)
        # The caption scrolls when the tab is short (large text on a small screen): the map keeps its room.
        self.caption_area = QScrollArea()
        self.caption_area.setWidget(self.caption)
        self.caption_area.setWidgetResizable(True)
        self.caption_area.setFrameShape(QFrame.Shape.NoFrame)
        self.caption_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(choosers)
        layout.addWidget(self.caption_area, 1)

        self._run_timer = QTimer(self)
        self._run_timer.setSingleShot(True)
        self._run_timer.setInterval(RUN_INTERVAL_MS)
        self._run_timer.timeout.connect(self._refresh_if_shown)
        s = self.surfaces
        s.surface_ready.connect(self._on_surface_ready)
        s.stale.connect(self._on_stale)
        s.structure_changed.connect(self._on_structure_changed)
        s.selection_changed.connect(self._on_selection_changed)
        s.running_changed.connect(self._on_running_changed)
        self.p_combo.activated.connect(lambda _i: self._choose(self.p_combo.currentData(), None))
        self.q_combo.activated.connect(lambda _i: self._choose(None, self.q_combo.currentData()))
        self.which_combo.activated.connect(self._on_which_activated)
        self._update_texts()
        self._on_structure_changed()

    # ---- the map, made on first need -------------------------------------------------------------------
    plot_widget: pg.PlotWidget
    plot_item: pg.PlotItem
    image: pg.ImageItem
    levels_item: pg.PlotCurveItem
    path_item: pg.PlotDataItem
    now_item: pg.ScatterPlotItem
    arrow_line: pg.PlotCurveItem
    arrow_head: pg.ArrowItem
    color_bar: pg.ColorBarItem

    def _build_map(self) -> None:
        if self._built:
            return
        self._built = True
        self.plot_widget = pg.PlotWidget(background="w", axisItems=number_axes())
        self.plot_widget.setMinimumSize(160, 120)
        plot = self.plot_item = self.plot_widget.getPlotItem()
        map_plot(plot)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(_COLOR_MAP.getLookupTable(nPts=256))
        self.levels_item = pg.PlotCurveItem(pen=_LEVEL_PEN, connect="pairs")
        self.path_item = pg.PlotDataItem(pen=_PATH_PEN, symbol="o", symbolSize=3, symbolPen=None,
                                         symbolBrush=(255, 255, 255, 230))
        self.now_item = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#000000", width=2), brush="#ffffff")
        self.arrow_line = pg.PlotCurveItem(pen=pg.mkPen(_ARROW, width=3))
        self.arrow_head = pg.ArrowItem(headLen=16, tipAngle=36, tailLen=None, pen=pg.mkPen("#ffffff", width=1),
                                       brush=_ARROW)
        for z, item in enumerate((self.image, self.levels_item, self.path_item, self.arrow_line, self.now_item,
                                  self.arrow_head)):
            item.setZValue(z)
            plot.addItem(item)
        self.color_bar = colour_bar(plot, _COLOR_MAP)
        plot.getViewBox().sigTransformChanged.connect(self._aim_arrow)
        plot.getViewBox().sigResized.connect(self._aim_arrow)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.plot_widget, 3)
        self._apply_text_scale()

    # ---- what is shown --------------------------------------------------------------------------
    @property
    def pair(self) -> tuple[int, int]:
        return self._p, self._q

    @property
    def which(self) -> str:
        return self._which

    def set_pair(self, p: int, q: int | None = None) -> None:
        """Show parameters p (across) and q (up; None: p's partner, or the one shown if it differs from p)."""
        self._choose(p, q)

    def set_which(self, which: str) -> None:
        """E (the training set's error) or E_k (the next iteration's sample)."""
        self.which_combo.setCurrentIndex(1 if which == E_K else 0)
        self._on_which_activated(self.which_combo.currentIndex())

    def minimum_size_for(self, side: int) -> QSize:
        """The smallest panel whose map gets about ``side`` × ``side`` pixels (the window makes room for it)."""
        box = self.plot_item.getViewBox().sceneBoundingRect() if self._built else QRectF()
        widget = self.plot_widget.size() if self._built else QSize()
        if box.width() < 10 or box.height() < 10:
            extra_w, extra_h = round(110 * self._scale), round(40 * self._scale)
        else:
            extra_w, extra_h = round(widget.width() - box.width()), round(widget.height() - box.height())
        width = side + max(0, extra_w)
        choosers = self._choosers.sizeHint()
        text = choosers.height() + self.caption.heightForWidth(width) + 8
        return QSize(max(width, choosers.width()), side + max(0, extra_h) + text)

    def arrow(self) -> tuple[float, float]:
        """The arrow drawn, (Δp, Δq): its tip minus its tail."""
        if not self._built:
            return (math.nan, math.nan)
        x, y = self.arrow_line.getData()
        return (float(x[1] - x[0]), float(y[1] - y[0])) if x is not None and len(x) == 2 else (math.nan, math.nan)

    # ---- text size and digits (the window's View menu) ------------------------------------------------
    def set_text_scale(self, scale: float) -> None:
        self._scale = max(0.5, float(scale))
        self._apply_text_scale()

    def _apply_text_scale(self) -> None:
        if not self._built:
            return
        scale_axes(self.plot_item, self.font(), self._scale, right_label=False)
        tick = QFont(self.font())
        tick.setPointSizeF(9.0 * self._scale)
        self.color_bar.axis.setTickFont(tick)
        self.color_bar.axis.setWidth(None)
        self._label_axes()

    def _fit_caption(self) -> None:
        """The caption's area as tall as its text at the panel's width, but at most a third of the panel."""
        lines = self.fontMetrics().lineSpacing()
        want = self.caption.heightForWidth(max(100, self.caption_area.viewport().width())) + 2
        self.caption_area.setMaximumHeight(max(2 * lines + 4, min(want, self.height() // 3)))
        self.caption_area.setMinimumHeight(min(want, 2 * lines + 4))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_caption()

    def set_digits(self, digits: int) -> None:
        self._digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        self._write_caption()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_texts()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self._build_map()
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # ---- the controller's news --------------------------------------------------------------------
    def _on_stale(self) -> None:
        self._dirty = True
        if not self.isVisible():
            return
        if self.surfaces.running:
            if not self._heavy and not self._run_timer.isActive():
                self._run_timer.start()
        else:
            self.refresh()

    def _on_running_changed(self, running: bool) -> None:
        if not running:
            self._run_timer.stop()
            self._refresh_if_shown()

    def _on_structure_changed(self) -> None:
        self._n, self._names, self._listed = self.surfaces.n_parameters, {}, {}
        self._p = self._q = -1
        self._heavy = False
        selected = self.surfaces.selected_parameter
        self._choose(selected if selected >= 0 else 0, None)

    def _on_selection_changed(self, index: int) -> None:
        if 0 <= index < self._n and index != self._p:
            self._choose(index, self._p if index == self._q else None)

    def _on_which_activated(self, index: int) -> None:
        which = E_K if index == 1 else E_SET
        if which != self._which:
            self._which = which
            self._dirty = True
            self._refresh_if_shown()

    def _choose(self, p: int | None, q: int | None) -> None:
        n = self._n
        p = self._p if p is None else int(p)
        if not 0 <= p < n or n < 2:
            return
        if q is None:
            q = self._q if 0 <= self._q < n and self._q != p else self.surfaces.partner(p)
        q = int(q)
        if q == p:  # the other chooser had it: they swap
            q = self._p if 0 <= self._p < n and self._p != p else self.surfaces.partner(p)
        if (p, q) == (self._p, self._q):
            return
        self._p, self._q = p, q
        self._fill(self.p_combo, p)
        self._fill(self.q_combo, q)
        self._label_axes()
        self._dirty = True
        self._refresh_if_shown()

    def _fill(self, combo: QComboBox, chosen: int) -> None:
        listed = list(range(min(self._n, MAX_LISTED)))
        if chosen >= len(listed):
            listed.append(chosen)
        combo.blockSignals(True)
        held = self._listed.get(combo, [])
        if held != listed:
            # Only what differs is written again: the first parameters stay, one chosen past them comes or goes
            # (a big network's chooser holds 2,000 names; writing them all again held a click on a unit 25 ms).
            keep = next((i for i, (a, b) in enumerate(zip(held, listed)) if a != b), min(len(held), len(listed)))
            if keep == 0:
                combo.clear()
            while combo.count() > keep:
                combo.removeItem(combo.count() - 1)
            for index in listed[keep:]:
                combo.addItem(self._name(index), index)
            self._listed[combo] = listed
        combo.setCurrentIndex(listed.index(chosen))
        combo.blockSignals(False)

    def _name(self, index: int) -> str:
        if index not in self._names:
            self._names[index] = self.surfaces.parameter_name(index)
        return self._names[index]

    def _refresh_if_shown(self) -> None:
        if self.isVisible() and self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Ask for the map of the state shown (drawn when it comes: at once, or from the worker)."""
        if not (0 <= self._p < self._n and 0 <= self._q < self._n):
            return
        self._dirty = False
        self.requests += 1
        view = self.surfaces.request(self._p, self._q, self._which)
        self._heavy = view is None and self.surfaces.computing
        self.status.setText(self.tr("computing…") if self._heavy else "")

    def _on_surface_ready(self, view: SurfaceView | None) -> None:
        if view is None:  # the one computing was dropped (cancelled, or for a state left)
            self.status.setText("")
            return
        if (view.grid.p, view.grid.q, view.which) != (self._p, self._q, self._which):
            return  # for a pair no longer shown
        self.status.setText("")
        self.view = view
        self._draw(view)

    # ---- drawing ----------------------------------------------------------------------------------
    def _draw(self, view: SurfaceView) -> None:
        self._build_map()
        grid = view.grid
        xs, ys, errors = grid.xs, grid.ys, grid.errors
        finite = errors[np.isfinite(errors)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if not high > low:
            high = low + 1.0
        self.image.setImage(errors, levels=(low, high), autoLevels=False)
        dx, dy = (xs[-1] - xs[0]) / max(1, len(xs) - 1), (ys[-1] - ys[0]) / max(1, len(ys) - 1)
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy))
        self.color_bar.setLevels((low, high))
        lines_x, lines_y = [], []
        for level in levels_of(errors):
            x, y = level_segments(xs, ys, errors, float(level))
            lines_x.append(x)
            lines_y.append(y)
        if lines_x and sum(len(x) for x in lines_x):
            self.levels_item.setData(np.concatenate(lines_x), np.concatenate(lines_y))
        else:
            self.levels_item.setData([], [])
        self.path_item.setData(view.path[:, 0], view.path[:, 1])
        self.now_item.setData([view.now[0]], [view.now[1]])
        tip = (view.now[0] + view.step[0], view.now[1] + view.step[1])
        self.arrow_line.setData([view.now[0], tip[0]], [view.now[1], tip[1]])
        self.arrow_head.setPos(*tip)
        self.plot_item.setRange(xRange=(xs[0] - dx / 2, xs[-1] + dx / 2), yRange=(ys[0] - dy / 2, ys[-1] + dy / 2),
                                padding=0.0)
        self._aim_arrow()
        self._label_axes()
        self._write_caption()

    def _aim_arrow(self) -> None:
        """The head points along the step as drawn (the axes' scales differ: the angle is the screen's)."""
        view = self.view
        if view is None or not self._built:
            return
        width, height = self.plot_item.getViewBox().viewPixelSize()
        dx, dy = view.step[0] / width if width else 0.0, view.step[1] / height if height else 0.0
        self.arrow_head.setVisible(bool(dx or dy))
        self.arrow_head.setStyle(angle=180.0 - math.degrees(math.atan2(dy, dx)))

    def _label_axes(self) -> None:
        if not self._built:
            return
        style = {"color": TEXT, "font-size": points(BASE_LABEL_POINTS, self._scale)}
        for axis, index in (("bottom", self._p), ("left", self._q)):
            if 0 <= index < self._n:
                self.plot_item.setLabel(axis, self._name(index), **style)
        self.color_bar.axis.setLabel("Eₖ" if self._which == E_K else "E", **style)

    def _write_caption(self) -> None:
        view = self.view
        if view is None:
            self.caption.setText("")
            return
        d = self._digits
        p, q = (self._name(i) for i in (view.grid.p, view.grid.q))
        error = "Eₖ" if view.which == E_K else "E"
        self.caption.setText(
            fill(self.tr("A slice: the other %1 parameters are held at their values now. Since the path began "
                         "they have moved by ‖Δ‖ = %2 (the largest single move %3), so the path need not follow "
                         "this map's valleys."), view.n_others, format_number(view.drift, d),
                 format_number(view.drift_max, d))
            + "\n" + fill(self.tr("Now (t = %1): %2 = %3. Arrow: the next step, iteration %8's (Δ%4, Δ%5) = "
                                  "(%6, %7), −η times the two partial derivatives."), int(view.path_t[-1]), error,
                          format_number(view.error_now, d), p, q, format_number(view.step[0], d),
                          format_number(view.step[1], d), int(view.path_t[-1]) + 1)
            + self._step_note(view))
        self._fit_caption()

    def _step_note(self, view: SurfaceView) -> str:
        """What the arrow's derivatives are of, when that is not the error drawn (then it need not point
        downhill on this map)."""
        if view.step_error == view.which:
            return ""
        if view.step_error == E_K:
            return " " + fill(self.tr("They are derivatives of Eₖ, the error of sample k = %1 alone, which the "
                                      "next iteration steps down, not of the E drawn: the arrow need not point "
                                      "downhill here (choose Eₖ to see its map)."), view.sample)
        if view.step_error == E_SET:
            return " " + self.tr("They are derivatives of E over all samples (the next iteration's batch is the "
                                 "whole training set), not of the Eₖ drawn: the arrow need not point downhill here.")
        return " " + fill(self.tr("They are derivatives of the mean error of the next mini-batch (%1 samples), "
                                  "not of the error drawn: the arrow need not point downhill here."), view.batch)

    def _update_texts(self) -> None:
        self.p_label.setText(self.tr("Across:"))
        self.q_label.setText(self.tr("Up:"))
        self.which_combo.blockSignals(True)
        index = self.which_combo.currentIndex()
        self.which_combo.clear()
        self.which_combo.addItem(self.tr("E: all training samples"))
        self.which_combo.addItem(self.tr("Eₖ: the next sample only"))
        self.which_combo.setCurrentIndex(max(0, index))
        self.which_combo.blockSignals(False)
        self._write_caption()
