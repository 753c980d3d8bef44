"""Practice → Predict before each phase: the strip above the network that asks, checks and reveals.

With practice on, Step phase first asks for one value the phase will show (the note's symbol, e.g. ŷ₁):
the learner types a number and presses Enter (or Skip). The phase is then shown, and the strip sets the
prediction beside the true value, the gap, and the cell's formula written out with its numbers; the score
of predictions runs along. What is asked (Practice → What to predict: each value in turn or one
quantity; the value, its sign, or bigger/smaller than before) is the controller's. The view reads what
the controller offers and sends what was typed.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.practice.easy import COMPARE, SIGN
from ..model.text import fill
from . import style
from .worksheet_panel import missed_text

if TYPE_CHECKING:
    from ..controller import TrainingController
    from ..session.practising import Prediction, Prompt

NOTICE_BACKGROUND, NOTICE_TEXT = "#e8f0fb", "#0b2e59"  # the notice banner's colours


class PredictBar(QWidget):
    """See the module."""

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._digits = DEFAULT_DIGITS
        self.setObjectName("predict_bar")
        # A palette, not a style sheet: a style sheet would keep its children on the font they had, and
        # the text size (View → Text size) must reach them.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(NOTICE_BACKGROUND))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(NOTICE_TEXT))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("your prediction"))
        self.answer.setMinimumWidth(90)
        self.answer.setMaximumWidth(180)
        self.answer.returnPressed.connect(self._on_reveal)
        self.reveal = QPushButton(self.tr("&Reveal"))
        self.reveal.clicked.connect(self._on_reveal)
        self.skip = QPushButton(self.tr("S&kip"))
        self.skip.clicked.connect(self.controller.skip_prediction)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setWordWrap(True)
        self.score = QLabel()
        self.score.setWordWrap(True)  # "missed most" grows with the misses: it wraps, never widens the window
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Narrow enough for a 1024 px window at any text size: the question and what was revealed wrap.
        self.question.setWordWrap(True)
        # The question beside the answer and buttons, or above them when the strip is narrow (large text, a
        # lesson beside it): beside them there it wrapped a word a line.
        self._ask = ask = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        ask.addWidget(self.question, 1)
        controls = QHBoxLayout()
        for widget in (self.answer, self.reveal, self.skip):
            controls.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        self._controls = controls
        ask.addLayout(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(ask)
        layout.addWidget(self.result)
        layout.addWidget(self.score)  # what to predict: Practice → What to predict
        self.ask(None)
        self.hide()

    def set_digits(self, digits: int) -> None:
        self._digits = int(digits)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as its wrapped lines need at its width (the window's splitters ask a fixed height); the
        question above the answer when beside it would leave it less than the controls' width."""
        stacked = self.width() < 2 * self._controls.sizeHint().width()
        direction = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        layout = self.layout()
        if self._ask.direction() != direction:
            self._ask.setDirection(direction)
            if layout is not None:
                layout.invalidate()  # measured below with the new direction
        if layout is not None and self.width() > 0:
            needed = layout.totalHeightForWidth(self.width())
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)

    # ---- what the controller offers ----------------------------------------------------------------
    def ask(self, prompt: Prompt | None) -> None:
        """Show the question (None: nothing asked now: press Step phase)."""
        self.setVisible(self.controller.predicting)
        waiting = prompt is not None and self.controller.prompt is prompt
        for widget in (self.answer, self.reveal, self.skip):
            widget.setEnabled(waiting)
        if waiting:
            assert prompt is not None
            symbol = prompt.cell.formula.lhs.html()
            if prompt.level == SIGN:
                question = fill(self.tr("Predict the sign of %1 (+, − or 0) before this phase shows it:"), symbol)
            elif prompt.level == COMPARE and prompt.before is not None:
                question = fill(self.tr("Will %1 be bigger (>), smaller (<) or the same (=) as at iteration %2 "
                                        "(%3)?"), symbol,
                                prompt.record.iteration - 1, format_number(prompt.before, self._digits))
            else:
                question = fill(self.tr("Predict %1 before this phase shows it:"), symbol)
            self.question.setText(question)
            self.answer.clear()
            self.answer.setFocus()
        else:
            self.question.setText(self.tr("Press Step phase: you predict a value before the phase shows it."))
        self._show_score()
        self._fit()

    def restore(self) -> None:
        """A window rebuilt (another language): what the controller holds, asked and last revealed."""
        last = self.controller.last_prediction
        if last is not None:
            self.show_result(last)
        self.ask(self.controller.prompt)

    def stale(self) -> None:
        """The state moved by another road (Step, step back, an edit): the question asked is gone."""
        if self.isVisible() and self.controller.prompt is None and self.reveal.isEnabled():
            self.ask(None)

    def _show_score(self) -> None:
        right, checked = self.controller.prediction_score()
        score = fill(self.tr("Predictions: %1 of %2 right"), right, checked)
        missed = missed_text(self.controller, predictions=True)
        self.score.setText(f"{score} · {missed}" if missed else score)

    # ---- intent --------------------------------------------------------------------------------------
    def _on_reveal(self) -> None:
        result = self.controller.answer_prediction(self.answer.text(), self._digits)
        if isinstance(result, str):  # refused: nothing revealed, the text stays to be corrected
            self.result.setText(f'<span style="color: {style.LOW_DARK}">{escape(result)}</span>')
            self._fit()
            return
        self.show_result(result)

    def show_result(self, prediction: Prediction) -> None:
        check = prediction.check
        digits = self._digits
        mark = "✓" if check.right else "✗"
        colour = style.HIGH_DARK if check.right else style.LOW_DARK
        if check.gap == check.gap:  # a number predicted (a sign or a comparison has no gap)
            said = fill(self.tr("You said %1; it is %2 (gap %3)."), escape(check.text),
                        format_number(check.value, digits), format_number(check.gap, 2))
        else:
            said = fill(self.tr("You said %1; it is %2."), escape(check.text), format_number(check.value, digits))
        line = prediction.line.html()
        if prediction.shown is not None:  # a planted bug: the real rule's number, and what the network shows
            line += " " + fill(self.tr("(the real rule; the network shows %1: a bug?)"),
                               format_number(prediction.shown, digits))
        self.result.setText(f'<span style="color: {colour}">{mark} {said}</span> {line}')
        self.ask(None)  # and fits the new text
