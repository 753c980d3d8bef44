"""The main window's practice, perceptron and comparison slots: a mixin of :class:`~.main_window.MainWindow`.

They open the perceptron lab, the worksheet, the bug hunt's dialogs and exercise 5.5's comparison (as runs, in the
Runs panel: ``runs_panel``), and show
the planted bug's banner. Only the window wires signals; these are its slots, kept here so the window stays
one concept (wiring) under the size limit. Texts are in the "MainWindow" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from . import bug_hunt, main_view, runs_panel
from .dialogs import PerceptronDialog
from .worksheet_panel import WorksheetWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel, QTabWidget

    from ..controller import TrainingController
    from .decision_map import DecisionMapView
    from .error_plot import ErrorPlotView

translate = QCoreApplication.translate


class WindowPractice:
    """See the module."""

    controller: TrainingController
    perceptron: PerceptronDialog | None
    worksheet: WorksheetWindow | None
    bug_banner: QLabel
    message_label: QLabel
    right_tabs: QTabWidget
    decision_map: DecisionMapView
    plot: ErrorPlotView
    predict_choices: dict[Any, Any]
    name_bug_action: Any
    remove_bug_action: Any
    shown_digits: int
    _qsettings: QSettings

    def load_example(self, key: str) -> None:
        raise NotImplementedError

    def _window(self) -> Any:
        """This mixin as the window it is part of (a QWidget, a MainWindow)."""
        return cast(QWidget, self)

    def show_message(self, level: str, text: str) -> None:
        raise NotImplementedError

    def text_scale_value(self) -> float:
        raise NotImplementedError

    def show_perceptron(self, problem: str) -> None:
        """The note's perceptron on AND/OR/NOT/XOR; from XOR, one action goes to the 2-2-1 network."""
        if self.perceptron is None:
            self.perceptron = PerceptronDialog(translate("MainWindow", "Perceptron: one M-P neuron"), self._window())
            main_view.apply_view_options(self._window(), refresh=False)  # its text size and digits
            self.perceptron.lab.solve_with_hidden_layer.connect(self._on_perceptron_solve_with_hidden_layer)
        self.perceptron.lab.set_problem(problem)
        self.perceptron.show()
        self.perceptron.raise_()

    def show_worksheet(self) -> None:
        """Practice → Worksheet: the learner computes the iteration shown (``worksheet_panel``)."""
        if self.worksheet is None:
            self.worksheet = WorksheetWindow(self.controller, self._qsettings, self._window())
            self.worksheet.set_digits(self.shown_digits)
            self.worksheet.set_text_scale(self.text_scale_value())
        self.worksheet.show()
        self.worksheet.raise_()

    def _on_controller_planted_changed(self, planted: bool) -> None:
        self.bug_banner.setText(bug_hunt.banner_text(self.controller))
        self.bug_banner.setVisible(planted)
        self.plot.set_alarm(planted)
        self.name_bug_action.setEnabled(planted)
        self.remove_bug_action.setEnabled(planted)

    def name_bug(self) -> None:
        """Practice → Name the bug…: right, the planted pass beside the real one; wrong, try again."""
        right = bug_hunt.ask_name(self.controller, self._window())
        if right:
            bug_hunt.DifferenceDialog(self.controller, self.shown_digits, self._window()).show()
        elif right is not None:
            self.show_message("info", translate("MainWindow", "Not that one. Look again: which numbers disagree?"))

    def set_predicting(self, on: bool) -> None:
        """Practice → Predict before each phase, as Practice → What to predict says."""
        chosen = {key: a.data() for (key, _), a in self.predict_choices.items() if a.isChecked()}
        self.controller.set_predicting(on, chosen.get("quantity"), chosen.get("level") or "value")

    def choose_prediction(self, key: str, data: str | None) -> None:
        self._qsettings.setValue(f"practice/predict_{key}", data or "")
        if self.controller.predicting:
            self.set_predicting(True)

    def _on_controller_practice_changed(self) -> None:
        self._refresh_worksheet()
        if self.controller.bug_planted:  # named rightly: the banner says which
            self.bug_banner.setText(bug_hunt.banner_text(self.controller))

    def _refresh_worksheet(self) -> None:
        if self.worksheet is not None:
            self.worksheet.refresh()

    def _on_perceptron_solve_with_hidden_layer(self) -> None:
        if self.perceptron is not None:
            self.perceptron.hide()
        self.load_example("xor")
        self.right_tabs.setCurrentWidget(self.decision_map)
        self.message_label.setText(translate("MainWindow", "The note's 2-2-1 network on XOR: press Run and watch "
                                                           "it learn what one neuron could not."))

    def show_comparison(self) -> None:
        """Exercise 5.5 for the current data set and network: standard and accumulated BP as two runs forked
        from iteration 0, trained side by side to the same epoch in the worker, in the Runs panel."""
        runs_panel.compare_modes(self._window())

