"""The Runs panel: forks of the run side by side (issue 14), a dock beside the settings.

A dock, tabified with the settings dock as the lesson dock is, rather than a fourth right-hand tab: the
comparison sits beside the window's own error curve (the run shown's, iteration by iteration) instead of
replacing it, the right-hand tab bar keeps its width (its titles are never cut, so a fourth tab widened the
column at 175 % text), and the learner can float the dock and widen it on a second screen. Forking, the
settings and the runs are one subject: the learner turns from the settings to the runs in one click.

It shows every run (colour, name renamed in place, what differs and from which t, its t of its computed end; a
click shows that run, and the whole window follows: it is the session's run shown), "Fork here…", training
every run to the same epoch, the overlay of the runs' epoch curves (``runs_plot``) with the line saying
which reached its target first, and the per-parameter difference of two runs at the same t
(``runs_difference``). It has a small controller of its own (``controller.runs.RunsController``) and wires
that one's signals only. While Run goes on it redraws at most every ``PLOT_INTERVAL_MS``, and only while
shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..controller.runs import RunsController, runs_of
from ..model.numbers import DEFAULT_DIGITS, exact_number
from ..model.text import fill
from ..session.forking import NAMES
from ..session.messages import render
from .dock_title import DockTitle
from .gradient_table_columns import display_name
from .run_cadence import PLOT_INTERVAL_MS
from .runs_difference import DifferenceView
from .runs_fork import ForkDialog, mode_text
from .runs_plot import RunsPlot, run_swatch

if TYPE_CHECKING:
    from ..model.naming import ParameterSpec
    from ..session.forking import RunCurve, RunDifference
    from .main_window import MainWindow

__all__ = ["RunRow", "RunsDock", "attach", "compare_modes", "fork_here", "runs_dock"]

translate = QCoreApplication.translate
DOCK_SHARE = 0.32  # of the window's width, when the panel comes forward for a fork
MIN_DOCK_WIDTH = 320


def what_differs(curve: RunCurve) -> str:
    """"η = 2 from t = 30": what a fork changed from the run it was forked from, as the session recorded it
    when forking (the first run: its own η and mode); "same settings from t = 30" for a copy."""
    s = curve.settings
    if curve.origin is None:
        return fill(translate("RunsPanel", "η = %1, %2"), exact_number(s.learning_rate), mode_text(s.mode))
    t = curve.origin[1]
    if not curve.differs:
        return fill(translate("RunsPanel", "same settings from t = %1"), t)
    return fill(translate("RunsPanel", "%1 from t = %2"), render(list(curve.differs), QCoreApplication.translate), t)


class _Names(Sequence[str]):
    """The parameters' names as the gradient table writes them, made when read (a big network has 10⁶)."""

    def __init__(self, specs: Sequence[ParameterSpec]) -> None:
        self._specs = specs

    def __len__(self) -> int:
        return len(self._specs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [display_name(s) for s in self._specs[index]]
        return display_name(self._specs[index])


class RunRow(QFrame):
    """One run: its swatch (a radio button: checked = the run shown), its name (edited in place), its t, a
    close button, and under them what differs."""

    show_requested = Signal(int)
    close_requested = Signal(int)
    rename_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = -1
        self._name = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.pick = QRadioButton()
        self.pick.setToolTip(self.tr("Show this run: the whole window follows it"))
        self.name = QLineEdit()
        self.name.setFrame(False)
        self.name.setToolTip(self.tr("The run's name: type to rename it"))
        self.name.setMaxLength(24)
        self.differs = QLabel()
        self.differs.setWordWrap(True)
        self.differs.setTextFormat(Qt.TextFormat.PlainText)
        self.t = QLabel()
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close this run"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 1, 2, 1)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(0)
        self.grid.addWidget(self.pick, 0, 0)
        self.grid.addWidget(self.name, 0, 1)
        self.grid.addWidget(self.t, 0, 3)
        self.grid.addWidget(self.close_button, 0, 4)
        self.grid.setColumnStretch(2, 1)
        self._one_line: bool | None = None
        self.set_one_line(True)
        self.pick.clicked.connect(lambda: self.show_requested.emit(self.index))
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self.index))
        self.name.editingFinished.connect(self._on_name_edited)

    def set_one_line(self, on: bool) -> None:
        """What differs beside the name (a wide panel), or under it (a narrow one, large text)."""
        if on == self._one_line:
            return
        self._one_line = on
        self.grid.removeWidget(self.differs)
        if on:
            self.grid.addWidget(self.differs, 0, 2)
        else:
            self.grid.addWidget(self.differs, 1, 1, 1, 4)

    def show_curve(self, curve: RunCurve, differs: str, closable: bool) -> None:
        self.index, self._name = curve.index, curve.name
        metrics = self.name.fontMetrics()
        self.name.setFixedWidth(max(metrics.horizontalAdvance("MMMMM"), metrics.horizontalAdvance(curve.name) + 12))
        side = max(10, self.fontMetrics().height() - 2)
        self.pick.setIcon(run_swatch(curve.colour, side))
        self.pick.setChecked(curve.shown)
        if not self.name.hasFocus() and self.name.text() != curve.name:
            self.name.setText(curve.name)
        font = self.name.font()
        font.setBold(curve.shown)
        self.name.setFont(font)
        self.t.setText(fill(self.tr("t = %1"), curve.t) if curve.t == curve.end else
                       fill(self.tr("t = %1 of %2"), curve.t, curve.end))
        self.t.setToolTip(self.tr("The iteration this run shows, of those it has computed"))
        self.differs.setText(differs)
        self.close_button.setEnabled(closable)

    def mousePressEvent(self, event) -> None:  # a click anywhere on the row shows the run
        self.show_requested.emit(self.index)
        super().mousePressEvent(event)

    def _on_name_edited(self) -> None:
        text = self.name.text().strip()
        if text and text != self._name:
            self.rename_requested.emit(self.index, text)
        elif not text:
            self.name.setText(self._name)


class RunsDock(QDockWidget):
    """See the module."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("runs_dock")
        self.setTitleBarWidget(DockTitle(self))
        self._window = window
        self._runs: RunsController = runs_of(window.controller)
        self._digits = DEFAULT_DIGITS
        self._names: tuple[tuple[int, ...], _Names] | None = None
        self._rows: list[RunRow] = []
        self._group = QButtonGroup(self)
        self._count = self._runs.run_count
        self._dirty = True
        self._waiting: tuple[int, int, int] | None = None  # a difference asked for and not yet come
        self.fork_dialog: ForkDialog | None = None

        body = QWidget()
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        self.fork_button = QPushButton(self.tr("Fork here…"))
        self.fork_button.setToolTip(self.tr("A new run from the state shown, with the settings you choose"))
        self.train_button = QPushButton(self.tr("Train all to epoch"))
        self.train_button.setToolTip(self.tr("Train every run to the same epoch, side by side"))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10_000_000)
        self.epochs.setValue(100)
        self.buttons = QGridLayout()  # one row, or two when the panel is narrow (large text)
        self.buttons.setColumnStretch(1, 1)
        self._buttons_in_one_row: bool | None = None
        self.plot = RunsPlot()
        self.target = QLabel()
        self.target.setWordWrap(True)
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        curves_part = QWidget()
        curves_layout = QVBoxLayout(curves_part)
        curves_layout.setContentsMargins(0, 0, 0, 0)
        curves_layout.addWidget(self.plot, 1)
        curves_layout.addWidget(self.target)
        self.difference = DifferenceView()
        difference_part = QWidget()
        difference_layout = QVBoxLayout(difference_part)
        difference_layout.setContentsMargins(0, 0, 0, 0)
        difference_layout.addWidget(self.difference, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(self.rows_box)
        layout.addLayout(self.buttons)
        layout.addWidget(curves_part, 5)
        layout.addWidget(difference_part, 4)
        scroll = QScrollArea()  # at large text on a small screen it scrolls, as the settings do
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(scroll)
        self._scroll, self._body = scroll, body
        scroll.viewport().installEventFilter(self)  # its width decides how the buttons are laid out
        self._arrange_buttons(True)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.fork_button.clicked.connect(self.open_fork_dialog)
        self.train_button.clicked.connect(lambda: self._runs.train_all(self.epochs.value()))
        self.plot.align.currentIndexChanged.connect(self._show_target)
        self.difference.requested.connect(self._request_difference)
        self._links = [(self._runs.runs_changed, self._on_runs_changed),
                       (self._runs.shown_run_moved, self._on_shown_run_moved),
                       (self._runs.difference_ready, self._on_difference_ready)]
        for signal, slot in self._links:
            signal.connect(slot)
        window.installEventFilter(self)  # a window closing for another language: stop listening
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        window.tabifyDockWidget(window.settings_dock, self)
        self._update_texts()
        # Made on first need (a fork, View → Runs): the window's text size and digits as they are now.
        self.set_text_scale(window.text_scale_value())
        self.set_digits(window.shown_digits)
        self.hide()
        action = window.runs_action  # View → Runs follows the panel from now on
        self.visibilityChanged.connect(lambda shown: _check_quietly(action, shown))

    # ---- the window's part -------------------------------------------------------------------------
    @property
    def runs(self) -> RunsController:
        return self._runs

    def present(self) -> None:
        """Show the panel in front of its tab group, wide enough for the plot and the table."""
        was_hidden = not self.isVisible()
        self.show()
        self.raise_()
        if was_hidden and not self.isFloating():
            w = self._window
            extent = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
            least = self._body.minimumSizeHint().width() + extent + 6  # no sideways scrolling
            # The difference table's four columns readable at the text size (about 11 digits each), within half
            # the window.
            readable = min(self.fontMetrics().horizontalAdvance("0") * 46, w.width() // 2)
            width = max(MIN_DOCK_WIDTH, int(w.width() * DOCK_SHARE), least, readable)
            QTimer.singleShot(0, self, lambda: w.resizeDocks([self], [width], Qt.Orientation.Horizontal))
        self.refresh()

    def _arrange_rows(self) -> None:
        one_line = self._scroll.viewport().width() >= self.fontMetrics().horizontalAdvance("M") * 34
        for row in self._rows:
            row.set_one_line(one_line)

    def _arrange_buttons(self, one_row: bool) -> None:
        if one_row == self._buttons_in_one_row:
            return
        self._buttons_in_one_row = one_row
        for widget in (self.fork_button, self.train_button, self.epochs):
            self.buttons.removeWidget(widget)
        self.buttons.addWidget(self.fork_button, 0, 0)
        if one_row:
            self.buttons.addWidget(self.train_button, 0, 2)
            self.buttons.addWidget(self.epochs, 0, 3)
        else:
            self.buttons.addWidget(self.train_button, 1, 0)
            self.buttons.addWidget(self.epochs, 1, 1, Qt.AlignmentFlag.AlignLeft)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._scroll.viewport():
            need = sum(w.sizeHint().width() for w in (self.fork_button, self.train_button, self.epochs)) + 48
            self._arrange_buttons(watched.width() >= need)
            self._arrange_rows()
        if watched is self._window and event.type() == QEvent.Type.Close and \
                getattr(self._window, "_closing_for_language", False):
            self.retire()
        return super().eventFilter(watched, event)

    def retire(self) -> None:
        """The window goes (a language switch): the runs go on in the next one's panel."""
        self._timer.stop()
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_texts()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self, self.refresh)

    def _update_texts(self) -> None:
        self.setWindowTitle(self.tr("Runs"))

    def set_text_scale(self, scale: float) -> None:
        self.plot.set_text_scale(scale)

    def set_digits(self, digits: int) -> None:
        self._digits = digits
        self.difference.set_digits(digits)

    # ---- the session → the panel --------------------------------------------------------------------
    def _on_runs_changed(self) -> None:
        count = self._runs.run_count
        forked, self._count = count > self._count, count
        self._dirty = True
        if forked:
            self.present()
        elif self.isVisible():
            self.refresh()

    def _on_shown_run_moved(self) -> None:
        self._dirty = True
        if self.isVisible() and not self._timer.isActive():
            # A Step is drawn once its events are all in; Run's frames at most every PLOT_INTERVAL_MS.
            self._timer.start(PLOT_INTERVAL_MS if self._runs.controller.running else 0)

    def refresh(self) -> None:
        """Everything again from the session's runs (their curves, t, names and the difference)."""
        self._timer.stop()
        self._dirty = False
        curves = self._runs.curves()
        self._show_rows(curves)
        self.plot.show_curves(curves)
        self._show_target()
        several = len(curves) > 1
        self.difference.setEnabled(several)
        self.difference.set_runs(curves, self._runs.controller.iteration)
        if not several:
            self.difference.status.setText(self.tr("Parameters of two runs at the same t: fork the run first."))
            self.difference.show_difference(self._parameter_names(), None)
        elif not self._runs.controller.running:  # while Run goes on the table waits for the pause
            self._request_difference()

    def _show_rows(self, curves: Sequence[RunCurve]) -> None:
        while len(self._rows) < len(curves):
            row = RunRow()
            row.show_requested.connect(self._runs.show_run)
            row.close_requested.connect(self._runs.close_run)
            row.rename_requested.connect(self._on_rename_requested)
            self._group.addButton(row.pick)
            self.rows_box.addWidget(row)
            self._rows.append(row)
            self._arrange_rows()
        while len(self._rows) > len(curves):
            row = self._rows.pop()
            self._group.removeButton(row.pick)
            row.hide()
            row.deleteLater()
        for row, curve in zip(self._rows, curves, strict=True):
            row.show_curve(curve, what_differs(curve), closable=len(curves) > 1)

    def _show_target(self) -> None:
        text = self._runs.target_text(self.plot.by_epoch)
        self.target.setText(text)
        self.target.setVisible(bool(text))

    def _on_rename_requested(self, index: int, name: str) -> None:
        if not self._runs.rename_run(index, name):
            self.refresh()  # refused (the message says why): the name shown goes back

    # ---- the difference table ------------------------------------------------------------------------
    def _parameter_names(self) -> _Names:
        record = self._runs.controller.display_record()
        shape = tuple(self._runs.controller.network.layer_sizes)
        if self._names is None or self._names[0] != shape:
            self._names = (shape, _Names(record.specs))
        return self._names[1]

    def _request_difference(self, *_: int) -> None:
        if self._runs.run_count < 2:
            return
        a, b, t = self.difference.choice()
        self._waiting = (a, b, t)
        self._runs.request_difference(a, b, t)
        if self._waiting is not None:  # not come at once: the worker replays the runs
            self.difference.show_computing()

    def _on_difference_ready(self, diff: RunDifference) -> None:
        if (diff.a, diff.b, diff.t) != self.difference.choice():
            return  # asked for another pair or t since
        self._waiting = None
        self.difference.show_difference(self._parameter_names(), diff)

    # ---- forking -------------------------------------------------------------------------------------
    def open_fork_dialog(self) -> ForkDialog:
        """Train → Fork here…: the dialog (window-modal, not blocking); the fork is made when it is accepted."""
        c = self._runs.controller
        c.pause()
        used = {curve.name for curve in self._runs.curves()}
        suggested = next((n for n in NAMES if n not in used), "")
        dialog = ForkDialog(c.settings, c.iteration, suggested, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._fork(dialog))
        dialog.destroyed.connect(lambda: setattr(self, "fork_dialog", None))
        self.fork_dialog = dialog
        dialog.open()
        return dialog

    def _fork(self, dialog: ForkDialog) -> None:
        settings, name, at_start = dialog.chosen()
        if settings is not None:
            self._runs.fork(settings, name, at_start)


def runs_dock(window: MainWindow) -> RunsDock:
    """The window's Runs panel (made on first use)."""
    dock = window.findChild(RunsDock)
    return dock if isinstance(dock, RunsDock) else RunsDock(window)


def _check_quietly(action: QAction, on: bool) -> None:
    action.blockSignals(True)
    action.setChecked(on)
    action.blockSignals(False)


def attach(window: MainWindow) -> QAction:
    """View → Runs, and the panel made when first needed (its ~20 ms of pyqtgraph are not the window's
    start-up's): at once when the session already holds forks (a window rebuilt for another language, a
    session file opened), else at the first fork. Returns the View menu's action."""
    action = QAction(translate("RunsDock", "Runs"), window)
    action.setCheckable(True)
    action.toggled.connect(lambda on: runs_dock(window).present() if on else _hide(window))
    window.runs_action = action
    _FirstFork(window).on_runs_changed()
    return action


class _FirstFork(QObject):
    """Makes the window's Runs panel when its session first holds several runs (a child of the window, so
    the connection goes with it when the window is replaced for another language)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._runs = runs_of(window.controller)
        self._runs.runs_changed.connect(self.on_runs_changed)

    def on_runs_changed(self) -> None:
        if self._runs.run_count > 1 and self._window.findChild(RunsDock) is None:
            runs_dock(self._window).present()


def _hide(window: MainWindow) -> None:
    dock = window.findChild(RunsDock)
    if dock is not None:
        dock.hide()


def fork_here(window: MainWindow) -> None:
    """Train → Fork here…"""
    runs_dock(window).open_fork_dialog()


def compare_modes(window: MainWindow) -> bool:
    """Exercise 5.5: standard and accumulated BP from the same start, as two runs trained to the same epoch,
    in the Runs panel."""
    dock = runs_dock(window)
    dock.present()
    dock.plot.set_by_epoch(True)  # a pass of accumulated BP is one iteration: epochs line the two up
    return dock.runs.compare_modes()
