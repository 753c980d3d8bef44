"""The main window's two side dialogs: the perceptron lab and the standard-vs-accumulated comparison."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ..model.records import RunSummary
from .comparison import ComparisonView
from .perceptron_lab import PerceptronLab


class PerceptronDialog(QDialog):
    """One M-P neuron on AND/OR/NOT/XOR, beside the main window."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lab = PerceptronLab()
        QVBoxLayout(self).addWidget(self.lab)
        self.resize(820, 540)


class ComparisonDialog(QDialog):
    """Exercise 5.5: the error of both modes from the same start, per epoch or per update."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = ComparisonView()
        QVBoxLayout(self).addWidget(self.view)
        self.resize(720, 520)

    def show_runs(self, heading: str, runs: Sequence[RunSummary]) -> None:
        self.view.show_runs(heading, list(runs))
        self.show()
        self.raise_()
