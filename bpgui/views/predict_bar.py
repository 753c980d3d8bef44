"""Practice → Predict before each phase: the strip above the network that asks, checks and reveals.

With practice on, Step phase first asks for one value the phase will show (the note's symbol, e.g. ŷ₁):
the learner types a number and presses Enter (or Skip). The phase is then shown, and the strip sets the
prediction beside the true value, the gap, and the cell's formula written out with its numbers; the score
of predictions runs along. Which value is asked: each phase's in turn, or only a chosen quantity. The
view reads what the controller offers and sends what was typed.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.practice.worksheet import ERROR, GRADIENT, HIDDEN_DELTA, NET, OUTPUT, OUTPUT_DELTA, UPDATE
from ..model.text import fill
from . import style
from .worksheet_panel import missed_text

if TYPE_CHECKING:
    from ..controller import TrainingController
    from ..session.practising import Prediction, Prompt

NOTICE = "background: #e8f0fb; color: #0b2e59;"


class PredictBar(QWidget):
    """See the module."""

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._digits = DEFAULT_DIGITS
        self.setObjectName("predict_bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#predict_bar {{ {NOTICE} }}")
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("your prediction"))
        self.answer.setMinimumWidth(110)
        self.answer.setMaximumWidth(180)
        self.answer.returnPressed.connect(self._on_reveal)
        self.reveal = QPushButton(self.tr("&Reveal"))
        self.reveal.clicked.connect(self._on_reveal)
        self.skip = QPushButton(self.tr("S&kip"))
        self.skip.clicked.connect(self.controller.skip_prediction)
        self.quantity = QComboBox()
        for text, data in ((self.tr("Each value in turn"), None), (self.tr("Only αₕ, βⱼ"), NET),
                           (self.tr("Only bₕ, ŷⱼ"), OUTPUT), (self.tr("Only Eₖ"), ERROR),
                           (self.tr("Only gⱼ"), OUTPUT_DELTA), (self.tr("Only eₕ"), HIDDEN_DELTA),
                           (self.tr("Only ∂Eₖ/∂p"), GRADIENT), (self.tr("Only Δp"), UPDATE)):
            self.quantity.addItem(text, data)
        self.quantity.currentIndexChanged.connect(self._on_quantity_changed)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setWordWrap(True)
        self.score = QLabel()
        ask = QHBoxLayout()  # the question, the box, Reveal and Skip; below: what was revealed, the choice, the score
        for widget in (self.question, self.answer, self.reveal, self.skip):
            ask.addWidget(widget)
        ask.addStretch(1)
        told = QHBoxLayout()
        told.addWidget(self.result, 1)
        told.addWidget(self.quantity, 0, Qt.AlignmentFlag.AlignTop)
        told.addWidget(self.score, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(ask)
        layout.addLayout(told)
        self.ask(None)
        self.hide()

    def set_digits(self, digits: int) -> None:
        self._digits = int(digits)

    # ---- what the controller offers ----------------------------------------------------------------
    def ask(self, prompt: Prompt | None) -> None:
        """Show the question (None: nothing asked now: press Step phase)."""
        self.setVisible(self.controller.predicting)
        waiting = prompt is not None and self.controller.prompt is prompt
        for widget in (self.answer, self.reveal, self.skip):
            widget.setEnabled(waiting)
        if waiting:
            assert prompt is not None
            self.question.setText(fill(self.tr("Predict %1 before this phase shows it:"),
                                       prompt.cell.formula.lhs.html()))
            self.answer.clear()
            self.answer.setFocus()
        else:
            self.question.setText(self.tr("Press Step phase: you predict a value before the phase shows it."))
        self._show_score()

    def stale(self) -> None:
        """The state moved by another road (Step, step back, an edit): the question asked is gone."""
        if self.isVisible() and self.controller.prompt is None and self.reveal.isEnabled():
            self.ask(None)

    def _show_score(self) -> None:
        right, checked = self.controller.prediction_score()
        self.score.setText(fill(self.tr("Predictions: %1 of %2 right"), right, checked))
        self.score.setToolTip(missed_text(self.controller))

    # ---- intent --------------------------------------------------------------------------------------
    def _on_quantity_changed(self) -> None:
        if self.controller.predicting:
            self.controller.set_predicting(True, self.quantity.currentData())

    def _on_reveal(self) -> None:
        result = self.controller.answer_prediction(self.answer.text(), self._digits)
        if isinstance(result, str):  # refused: nothing revealed, the text stays to be corrected
            self.result.setText(f'<span style="color: {style.LOW_DARK}">{escape(result)}</span>')
            return
        self.show_result(result)

    def show_result(self, prediction: Prediction) -> None:
        check = prediction.check
        digits = self._digits
        mark = "✓" if check.right else "✗"
        colour = style.HIGH_DARK if check.right else style.LOW_DARK
        said = fill(self.tr("You said %1; it is %2 (gap %3)."), escape(check.text), format_number(check.value, digits),
                    format_number(check.gap, 2))
        line = prediction.line.html()
        self.result.setText(f'<span style="color: {colour}">{mark} {said}</span> {line}')
        self.ask(None)
