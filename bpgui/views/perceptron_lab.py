"""The perceptron lab: the note's single M-P neuron learning AND, OR, NOT and failing on XOR (note §1–2).

Why one module of ~540 lines: the lab's widget alone (its plot, controls and texts);
the run is in ``model/perceptron.py`` and ``session/perceptron.py``, its sentences in
``perceptron_lab_text.py``.

``ŷ = f(W_1 x_1 + W_2 x_2 − θ)`` with the unit step ``f(z) = 1`` for ``z ≥ 0``
(so f(0) = 1); θ is the weight of a fixed dummy input −1. Each Step applies
the error-driven rule once:

* ``batch`` (the note's rule): ``W(t+1) = W(t) + η Σ_{(x,y)∈D} (y − ŷ) x``, all
  ŷ from the weights before the step, ``Δθ = η Σ (y − ŷ)·(−1)``;
* ``online``: the same correction after each sample, one pass over D per step.

The widget only renders and sends intent. The state (every (W, θ) so far, so
Step back is exact, and cycle detection) lives in
:class:`bpgui.session.perceptron.PerceptronSession`; Run and its timer in
:class:`bpgui.controller.perceptron.PerceptronController`, which the lab
creates unless it is given one. The plot shows the input plane with the data
points (filled for y = 1, hollow for y = 0, blue when the current weights
classify them correctly, vermillion when not), the decision line
``W_1 x_1 + W_2 x_2 = θ`` and, lightly shaded, the side where ŷ = 1. All plot
items are created once and updated in place; the text panel is written by
:mod:`.perceptron_lab_text`.

The lab changes nothing outside itself and only talks to the rest of the
application through its signal ``solve_with_hidden_layer`` (the main window
then switches to the note's 2-2-1 network on XOR).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF, QResizeEvent
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

from ..controller.perceptron import PerceptronController
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS
from ..model.perceptron import PerceptronStep
from ..model.text import fill
from ..session.perceptron import PROBLEMS, RULES, PerceptronPicture
from .perceptron_lab_text import CORRECT, WRONG, panel_html, status_text
from .plot_text import BASE_LABEL_POINTS, no_menus, number_axes, points, scale_axes, scaled_font
from .style import AXIS, BACKGROUND, TEXT
from .text_scale import clamp_text_scale

# Colours for a projector on a light background (as in error_plot.py).
_BACKGROUND, _TEXT, _AXIS = BACKGROUND, TEXT, AXIS
_CORRECT, _WRONG = CORRECT, WRONG
_LINE_PEN = pg.mkPen("#08519c", width=2.5)
_SHADE = QColor(8, 81, 156, 38)
_POINT_SIZE = 17


class PerceptronLab(QWidget):
    """One M-P neuron learning a logic gate with the note's error-driven rule, step by step."""

    solve_with_hidden_layer = Signal()

    def __init__(self, parent: QWidget | None = None, controller: PerceptronController | None = None) -> None:
        super().__init__(parent)
        self._controller = controller if controller is not None else PerceptronController(parent=self)
        self._picture: PerceptronPicture = self._controller.picture()
        self._n_inputs = 0  # the problem the axes were set up for
        self._digits = DEFAULT_DIGITS  # the app's Digits setting (set_digits)
        self._text_scale = 1.0  # the app's text scale (set_text_scale): the plot's text follows it

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
        self.eta_spin.setValue(self._controller.session.learning_rate)
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
        self.plot_widget = pg.PlotWidget(self, background=_BACKGROUND, axisItems=number_axes())  # true minus signs
        self.plot_widget.setMinimumSize(180, 160)
        plot = self._plot_item = self.plot_widget.getPlotItem()
        no_menus(plot)  # pyqtgraph's menus are English and export past the app's sized export
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.disableAutoRange()
        view_box = plot.getViewBox()
        view_box.setAspectLocked(True, 1.0)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(_AXIS))
            axis.setTextPen(pg.mkPen(_TEXT))
            axis.enableAutoSIPrefix(False)
        scale_axes(plot, self.font(), self._text_scale)
        self._grid = pg.GridItem(textPen=None)
        self._grid.setPen(pg.mkPen("#e8e8e8"))
        plot.addItem(self._grid, ignoreBounds=True)

        self._shade = QGraphicsPolygonItem()
        self._shade.setBrush(QBrush(_SHADE))
        self._shade.setPen(QPen(Qt.PenStyle.NoPen))
        self._line = pg.PlotDataItem(pen=_LINE_PEN, antialias=True)
        self._scatter = pg.ScatterPlotItem(pxMode=True, antialias=True)
        self._no_boundary_text = pg.TextItem(anchor=(0.5, 0.5), color=_TEXT, fill=(255, 255, 255, 200))
        self._no_boundary_text.setFont(scaled_font(self.font(), BASE_LABEL_POINTS, self._text_scale))
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
        self.step_back_button.clicked.connect(self._controller.step_back)
        self.step_button.clicked.connect(self._controller.step)
        self.run_button.clicked.connect(self._controller.toggle_run)
        self.reset_button.clicked.connect(self._controller.reset)
        self.solve_button.clicked.connect(self._on_solve_button_clicked)
        self._controller.state_changed.connect(self._on_controller_state_changed)
        self._controller.running_changed.connect(self._on_controller_running_changed)

        self._retranslate()
        self._on_controller_state_changed()

    # ---- public API: what is shown ----------------------------------------------------------
    @property
    def controller(self) -> PerceptronController:
        return self._controller

    @property
    def problem(self) -> str:
        """The problem: "and", "or", "not" or "xor"."""
        return self._picture.problem

    @property
    def rule(self) -> str:
        """The rule: "batch" (the note's) or "online"."""
        return self._picture.rule

    @property
    def learning_rate(self) -> float:
        return self._picture.learning_rate

    @property
    def weights(self) -> np.ndarray:
        """W shown (a copy): two entries, one for NOT."""
        return self._picture.weights.copy()

    @property
    def threshold(self) -> float:
        """θ shown, the weight of the dummy input −1."""
        return self._picture.threshold

    @property
    def iteration(self) -> int:
        """t, the number of steps taken since the last reset."""
        return self._picture.iteration

    @property
    def converged(self) -> bool:
        """True when the current weights classify every point correctly."""
        return self._picture.converged

    @property
    def cycled(self) -> bool:
        """True when the current (W, θ) was reached before: the rule will repeat for ever."""
        return self._picture.cycled

    @property
    def cycle_start(self) -> int | None:
        """The earlier iteration whose (W, θ) the current state repeats exactly, or None."""
        return self._picture.cycle_start

    @property
    def is_running(self) -> bool:
        return self._controller.is_running

    @property
    def last_step(self) -> PerceptronStep | None:
        return self._picture.last_step

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
        return self._picture.inputs.copy()

    def labels(self) -> np.ndarray:
        """The labels y (m,), a copy."""
        return self._picture.labels.copy()

    def predictions(self) -> np.ndarray:
        """ŷ = f(W·x − θ) for every point with the current weights (f(0) = 1)."""
        return self._picture.predictions.copy()

    def point_positions(self) -> np.ndarray:
        """Where the points are drawn (m × 2): x itself, or (x_1, 0) for a one-input problem."""
        return self._picture.positions.copy()

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

    def no_boundary_text(self) -> str:
        """The note shown instead of a line while W = 0 ("" when a line is drawn)."""
        return self._no_boundary_text.toPlainText() if self._no_boundary_text.isVisible() else ""

    def status_text(self) -> str:
        """The state in one sentence: converged, cycling, or not converged yet."""
        return status_text(self._picture)

    # ---- public API: intent (forwarded to the controller) ----------------------------------------
    def set_problem(self, name: str) -> None:
        """Switch to "and", "or", "not" or "xor" (any case) and reset to W = 0, θ = 0."""
        self._controller.set_problem(name)

    def set_rule(self, rule: str) -> None:
        """Use the rule "batch" or "online"; resets the training (a cycle only means something under one rule)."""
        self._controller.set_rule(rule)

    def set_learning_rate(self, eta: float) -> None:
        """η > 0; resets the training."""
        self._controller.set_learning_rate(eta)

    def set_run_interval(self, milliseconds: int) -> None:
        """Time between two steps of Run (default 250 ms, about four steps a second)."""
        self._controller.set_run_interval(milliseconds)

    def step(self) -> None:
        """One application of the rule (pauses a run). Does nothing once converged."""
        self._controller.step()

    def step_back(self) -> None:
        """Undo the last step exactly (pauses a run)."""
        self._controller.step_back()

    def reset(self) -> None:
        """Back to W = 0, θ = 0, t = 0 (pauses a run)."""
        self._controller.reset()

    def run(self) -> None:
        """Step with the timer until convergence, a cycle or the step limit."""
        self._controller.run()

    def pause(self) -> None:
        self._controller.pause()

    # ---- public API: how it is shown ---------------------------------------------------------------
    def digits(self) -> int:
        return self._digits

    def set_digits(self, digits: int) -> None:
        """Significant digits of the numbers in the text panel (the app's Digits setting, 1–17)."""
        digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        if digits != self._digits:
            self._digits = digits
            self.text_label.setText(panel_html(self._picture, digits))

    def text_scale(self) -> float:
        return self._text_scale

    def set_text_scale(self, scale: float) -> None:
        """The plot's tick labels, axis titles and note at their points × ``scale`` (the app's text scale).

        The controls and the text panel follow the application font by themselves.
        """
        self._text_scale = clamp_text_scale(scale)
        # Qt posts the application font's change: take it now, so the sizes below start from it.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        scale_axes(self._plot_item, self.font(), self._text_scale)
        self._no_boundary_text.setFont(scaled_font(self.font(), BASE_LABEL_POINTS, self._text_scale))
        self._update_axis_labels()
        self._update_solve_button_place()

    # ---- Qt overrides ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_solve_button_place()

    # ---- slots ---------------------------------------------------------------------------------
    def _on_problem_combo_changed(self, index: int) -> None:
        if 0 <= index < len(PROBLEMS) and PROBLEMS[index] != self._picture.problem:
            self._controller.set_problem(PROBLEMS[index])

    def _on_rule_combo_changed(self, index: int) -> None:
        if 0 <= index < len(RULES):
            self._controller.set_rule(RULES[index])

    def _on_eta_spin_changed(self, value: float) -> None:
        if value > 0 and value != self._picture.learning_rate:
            self._controller.set_learning_rate(value)

    def _on_solve_button_clicked(self) -> None:
        self._controller.pause()
        self.solve_with_hidden_layer.emit()

    def _on_controller_state_changed(self) -> None:
        self._picture = picture = self._controller.picture()
        for combo, value, values in (
            (self.problem_combo, picture.problem, PROBLEMS), (self.rule_combo, picture.rule, RULES)
        ):
            blocker = combo.blockSignals(True)
            combo.setCurrentIndex(values.index(value))
            combo.blockSignals(blocker)
        if self.eta_spin.value() != picture.learning_rate:
            blocker = self.eta_spin.blockSignals(True)
            self.eta_spin.setValue(picture.learning_rate)  # the session keeps η exactly as given
            self.eta_spin.blockSignals(blocker)
        if picture.n_inputs != self._n_inputs:
            self._setup_axes()
        self._update_plot()
        self.text_label.setText(panel_html(picture, self._digits))
        self._update_buttons()

    def _on_controller_running_changed(self, _running: bool) -> None:
        self._update_buttons()

    # ---- drawing ------------------------------------------------------------------------------------
    def _setup_axes(self) -> None:
        self._n_inputs = self._picture.n_inputs
        plot = self._plot_item
        if self._n_inputs == 1:
            # NOT: x on the horizontal axis only; the points sit on the line x_2 = 0.
            plot.setRange(xRange=(-0.5, 1.5), yRange=(-1.0, 1.0), padding=0)
            self._no_boundary_text.setPos(0.5, 0.45)
        else:
            plot.setRange(xRange=(-0.5, 1.5), yRange=(-0.5, 1.5), padding=0)
            self._no_boundary_text.setPos(0.5, 0.5)
        self._update_axis_labels()

    def _update_axis_labels(self) -> None:
        style = {"color": _TEXT, "font-size": points(BASE_LABEL_POINTS, self._text_scale)}
        plot = self._plot_item
        plot.setLabel("bottom", self.tr("x<sub>1</sub>"), **style)
        plot.setLabel("left", self.tr("x<sub>2</sub>"), **style)
        # A one-input problem (NOT) has no x_2: its points sit on a horizontal line.
        plot.showAxis("left", self._picture.n_inputs != 1)

    def _update_plot(self) -> None:
        picture = self._picture
        brushes, pens = [], []
        for label, ok in zip(picture.labels, picture.correct):
            colour = _CORRECT if ok else _WRONG
            brushes.append(pg.mkBrush(colour if label == 1.0 else _BACKGROUND))
            pens.append(pg.mkPen(colour, width=2.5))
        self._scatter.setData(pos=picture.positions, brush=brushes, pen=pens, symbol="o", size=_POINT_SIZE)
        self._shade.setPolygon(QPolygonF([QPointF(x, y) for x, y in picture.shaded]))
        if picture.line is None:
            self._line.setData(x=np.empty(0), y=np.empty(0))
        else:
            self._line.setData(x=picture.line[:, 0].copy(), y=picture.line[:, 1].copy())
        no_line = picture.line is None
        self._no_boundary_text.setVisible(no_line)
        if no_line:
            self._no_boundary_text.setHtml(self._no_boundary_html(picture.threshold))

    def _no_boundary_html(self, threshold: float) -> str:
        where = self.tr("ŷ = 1 everywhere") if threshold <= 0 else self.tr("ŷ = 0 everywhere")
        return (
            f'<div style="text-align:center; color:{_TEXT}">'
            + self.tr("no boundary yet: W = 0")
            + f"<br/>{where}</div>"
        )

    def _update_buttons(self) -> None:
        running = self._controller.is_running
        picture = self._picture
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        self.run_button.setEnabled(running or not (picture.converged or picture.cycled))
        self.step_button.setEnabled(not picture.converged)
        self.step_back_button.setEnabled(picture.iteration > 0)

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
            fill(
                self.tr("Step about four times a second until convergence, a cycle or %1 steps; press again to pause"),
                self._controller.run_max_steps(),
            )
        )
        self.reset_button.setText(self.tr("&Reset"))
        self.reset_button.setToolTip(self.tr("Start again from W = 0, θ = 0"))
        self.solve_button.setText(self.tr("Solve XOR with a hidden layer (2-2-1)"))
        self.solve_button.setToolTip(self.tr("Switch to the note's two-layer network x → h → y on XOR"))
        self.plot_widget.setAccessibleName(self.tr("Input plane with the data points and the decision line"))
        self.text_label.setAccessibleName(self.tr("Perceptron state and the last step's numbers"))
        self._update_axis_labels()
        self.text_label.setText(panel_html(self._picture, self._digits))
        self._update_buttons()
        self._update_solve_button_place()
