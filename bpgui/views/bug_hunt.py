"""Practice → Find the bug: the banner's text, naming the bug, and the planted pass beside the real one.

While a bug is planted the window says so unmistakably (a red banner above the network, the error curve in
the alarm colours), never which one. The learner uses the tools they have (the gradient check column,
the error curve, the chain rule), then names the bug from the list; once it is named rightly the
difference dialog sets the iteration shown, parameter by parameter, beside the real backward pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model.numbers import format_number
from ..model.text import fill

if TYPE_CHECKING:
    from ..controller import TrainingController

translate = QCoreApplication.translate
BUG_BANNER = "background: #b3001b; color: white; font-weight: bold;"
MAX_ROWS = 200  # a big network's difference: the parameters that differ most


def banner() -> QLabel:
    """The red strip above the network while a bug is planted (a click does not hide it)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setContentsMargins(8, 4, 8, 4)
    label.setStyleSheet(BUG_BANNER)
    label.setObjectName("bug_banner")
    label.hide()
    return label


def banner_text(controller: TrainingController) -> str:
    """What the banner says: find it, or (once named) which it is and how to go back."""
    rule = controller.planted_rule
    if rule is not None:
        return fill(translate("BugHunt", "Found: %1. Practice → Remove the bug goes back to the real backward "
                                         "pass."), controller.bug_text(rule))
    return translate("BugHunt", "A planted bug is in this backward pass. Find it with the gradient check column, the "
                     "error curve, the table's Δp beside −η·∂E/∂p and the chain rule, then Practice → Name the bug…")


def ask_name(controller: TrainingController, parent: QWidget) -> bool | None:
    """Let the learner name the planted bug from the list; whether it was right (None: cancelled)."""
    rules = controller.BUG_RULES
    texts = [controller.bug_text(rule) for rule in rules]
    text, ok = QInputDialog.getItem(parent, translate("BugHunt", "Name the bug"),
                                    translate("BugHunt", "Which rule is wrong?"), texts, 0, False)
    if not ok or text not in texts:
        return None
    return controller.name_bug(rules[texts.index(text)])


class DifferenceDialog(QDialog):
    """The iteration shown: ∂E/∂p and Δp as the planted rule computed them and as the real pass does."""

    def __init__(self, controller: TrainingController, digits: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("BugHunt", "The planted bug beside the real backward pass"))
        diff = controller.bug_difference()
        rule = controller.planted_rule
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([translate("BugHunt", "Parameter"), translate("BugHunt", "∂E/∂p planted"),
                                              translate("BugHunt", "∂E/∂p real"), translate("BugHunt", "Δp planted"),
                                              translate("BugHunt", "Δp real")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        if diff is None or rule is None:
            self.heading.setText(translate("BugHunt", "Name the bug first."))
            return
        specs = controller.display_record().specs
        # Two ways of summing may differ in the last bit: a difference is one beyond that.
        differs = ~(np.isclose(diff.gradients, diff.true_gradients, rtol=1e-12, atol=1e-15)
                    & np.isclose(diff.updates, diff.true_updates, rtol=1e-12, atol=1e-15))
        gap = np.where(differs, np.abs(diff.gradients - diff.true_gradients) + np.abs(diff.updates - diff.true_updates),
                       0.0)
        rows = [int(i) for i in np.argsort(-gap, kind="stable")[:MAX_ROWS] if differs[i]]
        self.heading.setText(fill(translate("BugHunt", "Found: %1. Iteration t = %2; %3 of %4 parameters differ."),
                                  controller.bug_text(rule), diff.iteration, int(np.count_nonzero(differs)),
                                  gap.shape[0]))
        self.table.setRowCount(len(rows))
        for row, i in enumerate(sorted(rows)):
            values = (diff.gradients[i], diff.true_gradients[i], diff.updates[i], diff.true_updates[i])
            self.table.setItem(row, 0, QTableWidgetItem(specs[i].symbol.unicode))
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(format_number(value, digits))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
