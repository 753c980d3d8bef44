"""The perceptron lab: the note's single M-P neuron learning AND, OR, NOT and failing on XOR (note §1–2).

``ŷ = f(W_1 x_1 + W_2 x_2 − θ)`` with the unit step ``f(z) = 1`` for ``z ≥ 0``
(so f(0) = 1); θ is the weight of a fixed dummy input −1. Each Step applies
the error-driven rule once with :class:`bpgui.model.perceptron.Perceptron`:

* ``batch`` (the note's rule): ``W(t+1) = W(t) + η Σ_{(x,y)∈D} (y − ŷ) x``, all
  ŷ from the weights before the step, ``Δθ = η Σ (y − ŷ)·(−1)``;
* ``online``: the same correction after each sample, one pass over D per step.

The lab keeps every state (W, θ) it has been in, so Step back is exact, and
detects a cycle the way the model does: an exact repeat of (W, θ). The plot
shows the input plane with the data points (filled for y = 1, hollow for
y = 0, green when the current weights classify them correctly, red when
not), the decision line ``W_1 x_1 + W_2 x_2 = θ`` and, lightly shaded, the
side where ŷ = 1. All plot items are created once and updated in place.

The widget owns its own perceptron state; it changes nothing outside itself
and only talks to the rest of the application through its signal
``solve_with_hidden_layer`` (the main window then switches to the note's
2-2-1 network on XOR).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGraphicsPolygonItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bpgui.model.datasets import load_builtin
from bpgui.model.perceptron import DUMMY_INPUT, Perceptron, PerceptronStep, step_function

from .style import AXIS, BACKGROUND, TEXT

PROBLEMS = ("and", "or", "not", "xor")
RULES = ("batch", "online")
RUN_INTERVAL_MS = 250  # about four steps a second: slow enough to watch the line move
RUN_MAX_STEPS = 100  # a run stops after this many steps at the latest

# Colours for a projector on a light background (as in error_plot.py).
_BACKGROUND, _TEXT, _AXIS = BACKGROUND, TEXT, AXIS
_CORRECT = "#1a9850"
_WRONG = "#d73027"
_LINE_PEN = pg.mkPen("#08519c", width=2.5)
_SHADE = QColor(8, 81, 156, 38)
_SHADE_HTML = "rgba(8, 81, 156, 0.15)"
_POINT_SIZE = 17
# The shaded half-plane and the line are clipped to this square (in data
# units), far larger than anything the fixed view shows; the view box clips
# what lies outside its own rectangle.
_CLIP = (-10.0, 11.0)


def _num(value: float) -> str:
    """A number for the text panel: integers without ".0", others to 4 significant digits, a real minus sign."""
    value = float(value)
    if value == 0.0:
        return "0"
    if value.is_integer() and abs(value) < 1e12:
        text = str(int(value))
    else:
        text = f"{value:.4g}"
    return text.replace("-", "\u2212")


def _vec(values) -> str:
    """(a, b) for two inputs, a bare number for one (NOT)."""
    values = [float(v) for v in np.atleast_1d(values)]
    if len(values) == 1:
        return _num(values[0])
    return "(" + ",\u00a0".join(_num(v) for v in values) + ")"  # a vector never breaks across lines


def half_plane_polygon(weights, threshold: float, box=(_CLIP, _CLIP)) -> list[tuple[float, float]]:
    """The part of ``box`` where ``W·p − θ ≥ 0`` (ŷ = 1), as a convex polygon (Sutherland–Hodgman).

    ``weights`` has two entries (a one-input problem passes ``(W_1, 0)``).
    Returns [] when no part of the box is on the ŷ = 1 side; the whole box
    when every part is (e.g. W = 0 and θ ≤ 0).
    """
    w1, w2 = float(weights[0]), float(weights[1])
    th = float(threshold)
    (x0, x1), (y0, y1) = box
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]

    def g(p):
        return w1 * p[0] + w2 * p[1] - th

    out: list[tuple[float, float]] = []
    for i, a in enumerate(corners):
        b = corners[(i + 1) % 4]
        ga, gb = g(a), g(b)
        if ga >= 0.0:
            out.append(a)
        if (ga >= 0.0) != (gb >= 0.0):
            s = ga / (ga - gb)
            out.append((a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1])))
    return out


def boundary_segment(weights, threshold: float, box=(_CLIP, _CLIP)):
    """The part of the line ``W_1 x_1 + W_2 x_2 = θ`` inside ``box`` as two points, or None.

    None when W = 0 (there is no line) or the line misses the box. The line
    is written ``p = p0 + s·d`` with ``p0 = θ W / |W|²`` (its point nearest the
    origin) and ``d = (−W_2, W_1)/|W|`` along it (Liang–Barsky clipping); W_2 = 0
    gives the vertical line x_1 = θ / W_1.
    """
    w1, w2 = float(weights[0]), float(weights[1])
    norm2 = w1 * w1 + w2 * w2
    if norm2 == 0.0 or not math.isfinite(norm2):
        return None
    norm = math.sqrt(norm2)
    th = float(threshold)
    p0 = (th * w1 / norm2, th * w2 / norm2)
    d = (-w2 / norm, w1 / norm)
    lo, hi = -math.inf, math.inf
    for axis in (0, 1):
        low, high = box[axis]
        if d[axis] == 0.0:
            if not low <= p0[axis] <= high:
                return None
            continue
        s_a = (low - p0[axis]) / d[axis]
        s_b = (high - p0[axis]) / d[axis]
        lo, hi = max(lo, min(s_a, s_b)), min(hi, max(s_a, s_b))
    if lo > hi:
        return None
    return (
        (p0[0] + lo * d[0], p0[1] + lo * d[1]),
        (p0[0] + hi * d[0], p0[1] + hi * d[1]),
    )


class PerceptronLab(QWidget):
    """One M-P neuron learning a logic gate with the note's error-driven rule, step by step."""

    solve_with_hidden_layer = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problem = PROBLEMS[0]
        self._rule = RULES[0]
        self._eta = 1.0
        self._inputs = np.zeros((0, 2))
        self._labels = np.zeros(0)
        self._states: list[tuple[np.ndarray, float]] = []  # (W, θ) after 0, 1, ..., t steps
        self._steps: list[PerceptronStep] = []  # step t leads from _states[t − 1] to _states[t]
        self._first_seen: dict[bytes, int] = {}  # (W, θ) → the first iteration it was reached
        self._run_steps = 0
        self._timer = QTimer(self)
        self._timer.setInterval(RUN_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        # ---- controls -----------------------------------------------------------------
        self.problem_label = QLabel(self)
        self.problem_combo = QComboBox(self)
        for name in PROBLEMS:
            self.problem_combo.addItem("", name)
        self.problem_label.setBuddy(self.problem_combo)
        self.rule_label = QLabel(self)
        self.rule_combo = QComboBox(self)
        for name in RULES:
            self.rule_combo.addItem("", name)
        self.rule_label.setBuddy(self.rule_combo)
        self.eta_label = QLabel(self)
        self.eta_spin = QDoubleSpinBox(self)
        self.eta_spin.setDecimals(3)
        self.eta_spin.setRange(0.001, 100.0)
        self.eta_spin.setSingleStep(0.1)
        self.eta_spin.setValue(self._eta)
        self.eta_spin.setKeyboardTracking(False)  # one reset when the number is entered, not per keystroke
        self.eta_label.setBuddy(self.eta_spin)

        self.step_back_button = QPushButton(self)
        self.step_button = QPushButton(self)
        self.run_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.solve_button = QPushButton(self)

        settings_row = QHBoxLayout()
        settings_row.setSpacing(6)
        settings_row.addWidget(self.problem_label)
        settings_row.addWidget(self.problem_combo)
        settings_row.addSpacing(8)
        settings_row.addWidget(self.rule_label)
        settings_row.addWidget(self.rule_combo)
        settings_row.addSpacing(8)
        settings_row.addWidget(self.eta_label)
        settings_row.addWidget(self.eta_spin)
        settings_row.addStretch(1)

        button_row = self._button_row = QHBoxLayout()
        button_row.setSpacing(6)
        for button in (self.step_back_button, self.step_button, self.run_button, self.reset_button):
            button_row.addWidget(button)
        button_row.addStretch(1)
        button_row.addWidget(self.solve_button)  # moves to a row of its own when the width is short
        self.solve_button.setMinimumWidth(1)

        # ---- the plot of the input plane ------------------------------------------------
        self.plot_widget = pg.PlotWidget(self, background=_BACKGROUND)
        self.plot_widget.setMinimumSize(180, 160)
        plot = self._plot_item = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False, False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.disableAutoRange()
        plot.layout.setContentsMargins(2, 6, 10, 2)
        view_box = plot.getViewBox()
        view_box.setAspectLocked(True, 1.0)
        tick_font = QFont(self.font())
        tick_font.setPointSizeF(max(9.0, tick_font.pointSizeF()))
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(_AXIS))
            axis.setTextPen(pg.mkPen(_TEXT))
            axis.setTickFont(tick_font)
            axis.enableAutoSIPrefix(False)
        self._grid = pg.GridItem(textPen=None)
        self._grid.setPen(pg.mkPen("#e8e8e8"))
        plot.addItem(self._grid, ignoreBounds=True)

        self._shade = QGraphicsPolygonItem()
        self._shade.setBrush(QBrush(_SHADE))
        self._shade.setPen(QPen(Qt.PenStyle.NoPen))
        self._line = pg.PlotDataItem(pen=_LINE_PEN, antialias=True)
        self._scatter = pg.ScatterPlotItem(pxMode=True, antialias=True)
        self._no_boundary_text = pg.TextItem(anchor=(0.5, 0.5), color=_TEXT, fill=(255, 255, 255, 200))
        for z, item in enumerate((self._shade, self._line, self._scatter, self._no_boundary_text), start=1):
            plot.addItem(item, ignoreBounds=True)
            item.setZValue(z)
        self._grid.setZValue(0)

        # ---- the text panel --------------------------------------------------------------
        self.text_label = QLabel(self)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setContentsMargins(6, 4, 6, 4)
        self._text_scroll = QScrollArea(self)
        self._text_scroll.setWidgetResizable(True)
        self._text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._text_scroll.setWidget(self.text_label)
        self._text_scroll.setMinimumWidth(170)
        self._text_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        body = QHBoxLayout()
        body.setSpacing(6)
        body.addWidget(self.plot_widget, 5)
        body.addWidget(self._text_scroll, 4)

        self._solve_row = QHBoxLayout()
        self._solve_row.setSpacing(6)

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(settings_row)
        layout.addLayout(button_row)
        layout.addLayout(body, 1)
        layout.addLayout(self._solve_row)

        self.problem_combo.currentIndexChanged.connect(self._on_problem_combo_changed)
        self.rule_combo.currentIndexChanged.connect(self._on_rule_combo_changed)
        self.eta_spin.valueChanged.connect(self._on_eta_spin_changed)
        self.step_back_button.clicked.connect(self._on_step_back_button_clicked)
        self.step_button.clicked.connect(self._on_step_button_clicked)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.solve_button.clicked.connect(self._on_solve_button_clicked)

        self._retranslate()
        self._load_problem(self._problem)

    # ---- public API ----------------------------------------------------------------------
    @property
    def problem(self) -> str:
        """The problem: "and", "or", "not" or "xor"."""
        return self._problem

    @property
    def rule(self) -> str:
        """The rule: "batch" (the note's) or "online"."""
        return self._rule

    @property
    def learning_rate(self) -> float:
        return self._eta

    @property
    def weights(self) -> np.ndarray:
        """W now (a copy): two entries, one for NOT."""
        return self._states[-1][0].copy()

    @property
    def threshold(self) -> float:
        """θ now, the weight of the dummy input −1."""
        return self._states[-1][1]

    @property
    def iteration(self) -> int:
        """t, the number of steps taken since the last reset."""
        return len(self._steps)

    @property
    def converged(self) -> bool:
        """True when the current weights classify every point correctly."""
        return bool(np.array_equal(self.predictions(), self._labels))

    @property
    def cycled(self) -> bool:
        """True when the current (W, θ) was reached before: the rule will repeat for ever."""
        return self.cycle_start is not None

    @property
    def cycle_start(self) -> int | None:
        """The earlier iteration whose (W, θ) the current state repeats exactly, or None."""
        first = self._first_seen.get(self._key(*self._states[-1]), self.iteration)
        return first if first < self.iteration else None

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    @property
    def last_step(self) -> PerceptronStep | None:
        return self._steps[-1] if self._steps else None

    @property
    def scatter_item(self) -> pg.ScatterPlotItem:
        return self._scatter

    @property
    def line_item(self) -> pg.PlotDataItem:
        return self._line

    @property
    def shade_item(self) -> QGraphicsPolygonItem:
        return self._shade

    def inputs(self) -> np.ndarray:
        """The data points x (m × d), a copy."""
        return self._inputs.copy()

    def labels(self) -> np.ndarray:
        """The labels y (m,), a copy."""
        return self._labels.copy()

    def predictions(self) -> np.ndarray:
        """ŷ = f(W·x − θ) for every point with the current weights (f(0) = 1)."""
        w, th = self._states[-1]
        return step_function(self._inputs @ w - th)

    def point_positions(self) -> np.ndarray:
        """Where the points are drawn (m × 2): x itself, or (x_1, 0) for a one-input problem."""
        if self._inputs.shape[1] == 1:
            return np.column_stack([self._inputs[:, 0], np.zeros(self._inputs.shape[0])])
        return self._inputs.copy()

    def set_problem(self, name: str) -> None:
        """Switch to "and", "or", "not" or "xor" (any case) and reset to W = 0, θ = 0."""
        key = str(name).strip().casefold()
        if key not in PROBLEMS:
            raise ValueError(f"unknown problem {name!r}; expected one of {', '.join(PROBLEMS)}")
        if key == self._problem:
            self.reset()
            return
        self.problem_combo.setCurrentIndex(PROBLEMS.index(key))  # the slot loads it

    def set_rule(self, rule: str) -> None:
        """Use the rule "batch" or "online"; resets the training (a cycle only means something under one rule)."""
        if rule not in RULES:
            raise ValueError(f"unknown rule {rule!r}; expected one of {', '.join(RULES)}")
        self.rule_combo.setCurrentIndex(RULES.index(rule))
        if rule != self._rule:
            self._rule = rule
            self.reset()

    def set_learning_rate(self, eta: float) -> None:
        """η > 0; resets the training."""
        eta = float(eta)
        if not (math.isfinite(eta) and eta > 0):
            raise ValueError(f"the learning rate η must be a positive number, got {eta!r}")
        self.eta_spin.blockSignals(True)
        self.eta_spin.setValue(eta)
        self.eta_spin.blockSignals(False)
        self._eta = eta  # exactly as given, not rounded to the spin box's decimals
        self.reset()

    def set_run_interval(self, milliseconds: int) -> None:
        """Time between two steps of Run (default 250 ms, about four steps a second)."""
        self._timer.setInterval(max(0, int(milliseconds)))

    def step(self) -> None:
        """One application of the rule (pauses a run). Does nothing once converged."""
        self.pause()
        self._advance()

    def step_back(self) -> None:
        """Undo the last step exactly (pauses a run)."""
        self.pause()
        if not self._steps:
            return
        t = self.iteration
        key = self._key(*self._states[-1])
        if self._first_seen.get(key) == t:
            del self._first_seen[key]
        self._steps.pop()
        self._states.pop()
        self._refresh()

    def reset(self) -> None:
        """Back to W = 0, θ = 0, t = 0 (pauses a run)."""
        self.pause()
        zero = (np.zeros(self._inputs.shape[1]), 0.0)
        self._states = [zero]
        self._steps = []
        self._first_seen = {self._key(*zero): 0}
        self._refresh()

    def run(self) -> None:
        """Step with the timer until convergence, a cycle or RUN_MAX_STEPS steps."""
        if self.is_running:
            return
        self._run_steps = 0
        if self._finished():
            return
        self._timer.start()
        self._update_buttons()

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._update_buttons()

    def line_points(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """The two end points of the drawn decision line (in plot coordinates), or None when none is drawn."""
        x, y = self._line.getData()
        if x is None or len(x) < 2:
            return None
        return (float(x[0]), float(y[0])), (float(x[-1]), float(y[-1]))

    def shaded_polygon(self) -> list[tuple[float, float]]:
        """The corners of the shaded ŷ = 1 region (in plot coordinates), as drawn."""
        polygon = self._shade.polygon()
        return [(polygon.at(i).x(), polygon.at(i).y()) for i in range(polygon.size())]

    def status_text(self) -> str:
        """The state in one sentence: converged, cycling, or not converged yet."""
        t = self.iteration
        if self.converged:
            if t == 0:
                return self.tr("converged: the starting weights already classify every point correctly")
            if t == 1:
                return self.tr("converged after 1 iteration: every point is classified correctly")
            return self.tr("converged after %1 iterations: every point is classified correctly").replace("%1", str(t))
        start = self.cycle_start
        if start is not None:
            if self._problem == "xor":
                text = self.tr(
                    "the weights have returned to those of iteration %1: the rule cycles for ever — "
                    "XOR is not linearly separable"
                )
            else:
                text = self.tr("the weights have returned to those of iteration %1: the rule cycles for ever")
            return text.replace("%1", str(start))
        wrong = int(np.count_nonzero(self.predictions() != self._labels))
        if wrong == 1:
            return self.tr("not converged yet: 1 point is classified wrongly")
        return self.tr("not converged yet: %1 points are classified wrongly").replace("%1", str(wrong))

    # ---- Qt overrides ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_solve_button_place()

    # ---- slots ---------------------------------------------------------------------------------
    def _on_problem_combo_changed(self, index: int) -> None:
        if 0 <= index < len(PROBLEMS) and PROBLEMS[index] != self._problem:
            self._load_problem(PROBLEMS[index])

    def _on_rule_combo_changed(self, index: int) -> None:
        if 0 <= index < len(RULES) and RULES[index] != self._rule:
            self._rule = RULES[index]
            self.reset()

    def _on_eta_spin_changed(self, value: float) -> None:
        if value > 0 and value != self._eta:
            self._eta = float(value)
            self.reset()

    def _on_step_back_button_clicked(self) -> None:
        self.step_back()

    def _on_step_button_clicked(self) -> None:
        self.step()

    def _on_run_button_clicked(self) -> None:
        if self.is_running:
            self.pause()
        else:
            self.run()

    def _on_reset_button_clicked(self) -> None:
        self.reset()

    def _on_solve_button_clicked(self) -> None:
        self.pause()
        self.solve_with_hidden_layer.emit()

    def _on_timer_timeout(self) -> None:
        if self._finished():
            self.pause()
            return
        self._advance()
        self._run_steps += 1
        if self._finished():
            self.pause()

    # ---- the state -------------------------------------------------------------------------------
    @staticmethod
    def _key(weights: np.ndarray, threshold: float) -> bytes:
        return np.append(weights, threshold).astype(np.float64).tobytes()

    def _finished(self) -> bool:
        """Whether a run should stop: converged, cycling, or RUN_MAX_STEPS steps done."""
        return self.converged or self.cycled or self._run_steps >= RUN_MAX_STEPS

    def _load_problem(self, key: str) -> None:
        data = load_builtin(key)
        self._problem = key
        self._inputs = np.array(data.inputs, dtype=np.float64)
        self._labels = np.array(data.targets[:, 0], dtype=np.float64)
        self._setup_axes()
        self.reset()

    def _advance(self) -> None:
        if self.converged:
            return
        w, th = self._states[-1]
        neuron = Perceptron(w.shape[0], weights=w, threshold=th, learning_rate=self._eta, rule=self._rule)
        step = neuron.step(self._inputs, self._labels, self.iteration + 1)
        new_state = (np.array(step.new_weights, dtype=np.float64), float(step.new_threshold))
        self._steps.append(step)
        self._states.append(new_state)
        self._first_seen.setdefault(self._key(*new_state), self.iteration)
        self._refresh()

    # ---- drawing ------------------------------------------------------------------------------------
    def _setup_axes(self) -> None:
        plot = self._plot_item
        one_input = self._inputs.shape[1] == 1
        if one_input:
            # NOT: x on the horizontal axis only; the points sit on the line x_2 = 0.
            plot.setRange(xRange=(-0.5, 1.5), yRange=(-1.0, 1.0), padding=0)
            self._no_boundary_text.setPos(0.5, 0.45)
        else:
            plot.setRange(xRange=(-0.5, 1.5), yRange=(-0.5, 1.5), padding=0)
            self._no_boundary_text.setPos(0.5, 0.5)
        self._update_axis_labels()

    def _update_axis_labels(self) -> None:
        style = {"color": _TEXT, "font-size": "10pt"}
        plot = self._plot_item
        plot.setLabel("bottom", self.tr("x<sub>1</sub>"), **style)
        plot.setLabel("left", self.tr("x<sub>2</sub>"), **style)
        # A one-input problem (NOT) has no x_2: its points sit on a horizontal line.
        plot.showAxis("left", self._inputs.shape[1] != 1)

    def _refresh(self) -> None:
        self._update_plot()
        self._update_text()
        self._update_buttons()

    def _update_plot(self) -> None:
        w, th = self._states[-1]
        w2 = np.array([w[0], w[1] if w.shape[0] > 1 else 0.0])
        positions = self.point_positions()
        correct = self.predictions() == self._labels
        brushes, pens = [], []
        for label, ok in zip(self._labels, correct):
            colour = _CORRECT if ok else _WRONG
            brushes.append(pg.mkBrush(colour if label == 1.0 else _BACKGROUND))
            pens.append(pg.mkPen(colour, width=2.5))
        self._scatter.setData(pos=positions, brush=brushes, pen=pens, symbol="o", size=_POINT_SIZE)

        self._shade.setPolygon(QPolygonF([QPointF(x, y) for x, y in half_plane_polygon(w2, th)]))
        segment = boundary_segment(w2, th)
        if segment is None:
            self._line.setData(x=np.empty(0), y=np.empty(0))
        else:
            (ax, ay), (bx, by) = segment
            self._line.setData(x=np.array([ax, bx]), y=np.array([ay, by]))
        no_line = not np.any(w2)
        self._no_boundary_text.setVisible(no_line)
        if no_line:
            self._no_boundary_text.setHtml(self._no_boundary_html(th))

    def _no_boundary_html(self, threshold: float) -> str:
        where = self.tr("ŷ = 1 everywhere") if threshold <= 0 else self.tr("ŷ = 0 everywhere")
        return (
            f'<div style="text-align:center; color:{_TEXT}">'
            + self.tr("no boundary yet: W = 0")
            + f"<br/>{where}</div>"
        )

    def _update_buttons(self) -> None:
        running = self.is_running
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        self.run_button.setEnabled(running or not (self.converged or self.cycled))
        self.step_button.setEnabled(not self.converged)
        self.step_back_button.setEnabled(bool(self._steps))

    def _update_solve_button_place(self) -> None:
        """The hidden-layer button shares the button row when it fits, else it gets a row of its own."""
        row = self._button_row
        buttons = (self.step_back_button, self.step_button, self.run_button, self.reset_button)
        margins = self._layout.contentsMargins()
        needed = (
            sum(b.sizeHint().width() for b in buttons) + self.solve_button.sizeHint().width()
            + 5 * row.spacing() + 16 + margins.left() + margins.right()
        )
        in_row = row.indexOf(self.solve_button) >= 0
        if self.width() >= needed and not in_row:
            self._solve_row.removeWidget(self.solve_button)
            row.addWidget(self.solve_button)
            # In the button row it must not set the widget's minimum width,
            # or the window could never get narrow enough to move it out again.
            self.solve_button.setMinimumWidth(1)
        elif self.width() < needed and in_row:
            row.removeWidget(self.solve_button)
            self._solve_row.addWidget(self.solve_button, 1)
            self.solve_button.setMinimumWidth(0)  # back to its text's width
        else:
            return
        self._layout.activate()  # lay out now, not at the next event loop pass (no frame with a squeezed button)

    # ---- texts -----------------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.problem_label.setText(self.tr("&Problem:"))
        for i, text in enumerate((self.tr("AND"), self.tr("OR"), self.tr("NOT"), self.tr("XOR"))):
            self.problem_combo.setItemText(i, text)
        self.problem_combo.setToolTip(self.tr("The truth table the neuron learns"))
        self.rule_label.setText(self.tr("R&ule:"))
        self.rule_combo.setItemText(0, self.tr("batch"))
        self.rule_combo.setItemText(1, self.tr("online"))
        self.rule_combo.setItemData(
            0, self.tr("The note's rule: W(t+1) = W(t) + η Σ (y − ŷ) x over all of D, once per step"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.rule_combo.setItemData(
            1, self.tr("Rosenblatt's: the correction η (y − ŷ) x after each sample, one pass over D per step"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.rule_combo.setToolTip(self.tr("batch: the note's rule over all of D; online: after each sample"))
        self.eta_label.setText(self.tr("&η:"))
        self.eta_spin.setToolTip(self.tr("The learning rate η (changing it starts again from W = 0, θ = 0)"))
        self.step_back_button.setText(self.tr("Step &back"))
        self.step_back_button.setToolTip(self.tr("Undo the last step exactly"))
        self.step_button.setText(self.tr("&Step"))
        self.step_button.setToolTip(self.tr("Apply the rule once"))
        self.run_button.setToolTip(
            self.tr("Step about four times a second until convergence, a cycle or %1 steps; press again to pause")
            .replace("%1", str(RUN_MAX_STEPS))
        )
        self.reset_button.setText(self.tr("&Reset"))
        self.reset_button.setToolTip(self.tr("Start again from W = 0, θ = 0"))
        self.solve_button.setText(self.tr("Solve XOR with a hidden layer (2-2-1)"))
        self.solve_button.setToolTip(self.tr("Switch to the note's two-layer network x → h → y on XOR"))
        self.plot_widget.setAccessibleName(self.tr("Input plane with the data points and the decision line"))
        self.text_label.setAccessibleName(self.tr("Perceptron state and the last step's numbers"))
        self._update_axis_labels()
        if self._states:
            self._refresh()
        self._update_solve_button_place()

    def _update_text(self) -> None:
        w, th = self._states[-1]
        d = w.shape[0]
        parts: list[str] = []
        parts.append(
            "<b>" + self.tr("Iteration t = %1").replace("%1", str(self.iteration)) + "</b>"
            + " &nbsp;·&nbsp; "
            + (self.tr("batch rule") if self._rule == "batch" else self.tr("online rule"))
            + ", " + self.tr("η = %1").replace("%1", _num(self._eta))
        )
        if d == 1:
            parts.append(self.tr("W<sub>1</sub> = %1, &nbsp;θ = %2").replace("%1", _num(w[0])).replace("%2", _num(th)))
        else:
            parts.append(
                self.tr("W = (W<sub>1</sub>, W<sub>2</sub>) = %1, &nbsp;θ = %2")
                .replace("%1", _vec(w)).replace("%2", _num(th))
            )
        parts.append(self._status_html())

        step = self.last_step
        if step is None:
            parts.append(
                self.tr("No step yet. With these weights (the first step uses them):")
                + self._sample_table(self._inputs @ w - th, self.predictions())
            )
        else:
            parts.append(
                self.tr("<b>Last step</b> (t = %1 → %2), from W = %3, θ = %4:")
                .replace("%1", str(step.iteration - 1)).replace("%2", str(step.iteration))
                .replace("%3", _vec(step.weights)).replace("%4", _num(step.threshold))
                + self._sample_table(self._step_z(step), step.predictions)
                + self._update_html(step)
            )
        parts.append(self._legend_html())
        self.text_label.setText("".join(f"<p style='margin:0 0 6px 0'>{p}</p>" for p in parts))

    def _status_html(self) -> str:
        if self.converged:
            colour = _CORRECT
        elif self.cycled:
            colour = _WRONG
        else:
            colour = "#555555"
        return f"<span style='color:{colour}'><b>{self.status_text()}</b></span>"

    def _step_z(self, step: PerceptronStep) -> np.ndarray:
        """z = W·x − θ for each sample with the weights the rule used for it (online: as it went)."""
        if self._rule == "batch":
            return self._inputs @ step.weights - step.threshold
        w, th = np.array(step.weights, dtype=np.float64), float(step.threshold)
        eta = self._eta
        z = np.empty(self._inputs.shape[0])
        for k, x in enumerate(self._inputs):
            z[k] = x @ w - th
            w = w + eta * step.errors[k] * x
            th = th + eta * step.errors[k] * DUMMY_INPUT
        return z

    def _sample_table(self, z: np.ndarray, predictions: np.ndarray) -> str:
        d = self._inputs.shape[1]
        inputs = [self.tr("x<sub>%1</sub>").replace("%1", str(i + 1)) for i in range(d)]
        header = [*inputs, self.tr("y"), self.tr("z"), self.tr("ŷ"), self.tr("y − ŷ")]
        cells = "".join(f"<th align='center' style='white-space:nowrap'>&nbsp;{h}&nbsp;</th>" for h in header)
        rows = [f"<tr>{cells}</tr>"]
        for x, y, zk, yhat in zip(self._inputs, self._labels, z, predictions):
            error = y - yhat
            colour = _TEXT if error == 0 else _WRONG
            values = (*(_num(v) for v in x), _num(y), _num(zk), _num(yhat), _num(error))
            rows.append(
                f"<tr style='color:{colour}'>" + "".join(f"<td align='center'>{v}</td>" for v in values) + "</tr>"
            )
        return (
            "<br/>" + self.tr("z = W·x − θ, &nbsp;ŷ = f(z), &nbsp;f(z) = 1 if z ≥ 0 else 0")
            + "<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>"
        )

    def _update_html(self, step: PerceptronStep) -> str:
        eta = _num(self._eta)
        terms = [f"({_num(e)})·{_vec(x)}" for e, x in zip(step.errors, self._inputs) if e != 0]
        sum_errors = float(np.sum(step.errors))
        weight_line = (
            self.tr("ΔW = η Σ (y − ŷ) x = %1 · [%2] = %3")
            .replace("%1", eta).replace("%2", " + ".join(terms) if terms else "0")
            .replace("%3", _vec(step.weight_update))
        )
        threshold_line = (
            self.tr("Δθ = η Σ (y − ŷ)·(−1) = %1 · (%2)·(−1) = %3")
            .replace("%1", eta).replace("%2", _num(sum_errors)).replace("%3", _num(step.threshold_update))
        )
        lines = [weight_line, threshold_line]
        if self._rule == "online":
            lines.insert(0, self.tr("Online: W ← W + η (y − ŷ) x after each sample; over the pass:"))
        lines.append(
            self.tr("W(t+1) = %1, &nbsp;θ(t+1) = %2")
            .replace("%1", _vec(step.new_weights)).replace("%2", _num(step.new_threshold))
        )
        return "<br/>" + "<br/>".join(lines)

    def _legend_html(self) -> str:
        correct = f"<span style='color:{_CORRECT}'>●</span>"
        wrong = f"<span style='color:{_WRONG}'>●</span>"
        shade = f"<span style='background-color:{_SHADE_HTML}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
        lines = (
            self.tr("● filled: y = 1, ○ hollow: y = 0"),
            self.tr("%1 green: classified correctly, %2 red: wrongly").replace("%1", correct).replace("%2", wrong),
            self.tr("%1 shaded: the side where ŷ = 1").replace("%1", shade),
        )
        return "<span style='color:#555555'>" + "<br/>".join(lines) + "</span>"
