"""Practice → Worksheet: the learner computes the next iteration, cell by cell, checked on Enter.

One row per cell of the controller's worksheet (the note's order: α_h, b_h, β_j, ŷ_j, E_k, g_j, e_h, then
∂E_k/∂p and Δp): its formula, a box for the number and the verdict. Enter checks the box (the controller
grades it at the precision typed and names a known mistake the number matches) and moves to the next
box still to do. Fading worked examples: level 1 gives every value but the updates, each level gives
fewer, level 4 gives none; the fading runs from the end backwards or from the start. Answers stay with
their iteration: stepping on shows the next one's sheet, stepping back reopens this one with its
answers. The view only reads what the controller offers and sends what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.practice.worksheet import (
    BATCH_GRADIENT,
    ERROR,
    GRADIENT,
    HIDDEN_DELTA,
    NET,
    NEW,
    OUTPUT,
    OUTPUT_DELTA,
    UPDATE,
    Cell,
    Sheet,
)
from ..model.text import fill
from . import style

if TYPE_CHECKING:
    from ..controller import TrainingController
    from ..session.practice import Check

# The note's order in four groups: what each fading level gives or hides, a group at a time.
GROUPS = ((NET, OUTPUT), (ERROR, OUTPUT_DELTA, HIDDEN_DELTA), (GRADIENT, BATCH_GRADIENT), (UPDATE,))
LEVELS = 4
SIZE = (680, 560)  # at 100 % text
FROM_END, FROM_START = "end", "start"


# How each quantity is named where the score says which were missed most.
QUANTITY_NAMES = {NET: "αₕ, βⱼ", OUTPUT: "bₕ, ŷⱼ", ERROR: "Eₖ", OUTPUT_DELTA: "gⱼ", HIDDEN_DELTA: "eₕ",
                  GRADIENT: "∂Eₖ/∂p", BATCH_GRADIENT: "∂E/∂p", UPDATE: "Δp", NEW: "p + Δp"}


def missed_text(controller: TrainingController, predictions: bool = False) -> str:
    """"Missed most: Δp (3), gⱼ (2)" over the worksheet's answers (``predictions``: the predictions'); ""
    before any miss."""
    missed = controller.practice_missed(predictions)[:3]
    if not missed:
        return ""
    listed = ", ".join(f"{QUANTITY_NAMES.get(q, q)} ({n})" for q, n in missed)
    return fill(QCoreApplication.translate("WorksheetWindow", "Missed most: %1"), listed)


def hidden_groups(level: int, fade_from: str) -> set[int]:
    """The groups (indices into ``GROUPS``) left for the learner at ``level`` (1–4)."""
    level = min(LEVELS, max(1, int(level)))
    order = range(len(GROUPS) - 1, -1, -1) if fade_from == FROM_END else range(len(GROUPS))
    return set(list(order)[:level])


def to_do(cell: Cell, level: int, fade_from: str) -> bool:
    """Whether the learner computes ``cell`` (else the sheet gives its value)."""
    hidden = hidden_groups(level, fade_from)
    return any(cell.quantity in GROUPS[g] for g in hidden)


class WorksheetWindow(QDialog):
    """See the module."""

    def __init__(self, controller: TrainingController, qsettings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Worksheet"))
        self.setModal(False)
        self.controller = controller
        self._qsettings = qsettings
        self._digits = DEFAULT_DIGITS
        self._shown: tuple[object, ...] | None = None  # (t, cell keys, level, fading, what it starts from, preview)
        self._sheet: Sheet | None = None
        self.boxes: dict[str, QLineEdit] = {}
        self.verdicts: dict[str, QLabel] = {}
        self._refused: dict[str, str] = {}  # why a box's text was refused, until it is edited
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.given = QLabel()  # the weights, thresholds and η the iteration starts from
        self.given.setWordWrap(True)
        self.given.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level = QComboBox()
        for n, text in enumerate((self.tr("Level 1: one group to compute"), self.tr("Level 2: two groups"),
                                  self.tr("Level 3: three groups"), self.tr("Level 4: all of it (blank)")),
                                 start=1):
            self.level.addItem(text, n)
        self.fading = QComboBox()
        self.fading.addItem(self.tr("Fade from the end backwards"), FROM_END)
        self.fading.addItem(self.tr("Fade from the start"), FROM_START)
        self.score = QLabel()
        self.missed = QLabel()  # which quantities were missed most
        try:  # a hand-edited file may hold anything ("²" is a digit to isdigit, not to int)
            level = int(str(qsettings.value("practice/level", 1)))
        except ValueError:
            level = 1
        self.level.setCurrentIndex(min(LEVELS, max(1, level)) - 1)
        fading = qsettings.value("practice/fade_from", FROM_END)
        self.fading.setCurrentIndex(1 if fading == FROM_START else 0)
        self.level.currentIndexChanged.connect(self._on_fading_changed)
        self.fading.currentIndexChanged.connect(self._on_fading_changed)
        bar = QHBoxLayout()  # the choices; below them the score and what was missed most (room at any text size)
        bar.addWidget(self.level)
        bar.addWidget(self.fading)
        bar.addStretch(1)
        tally = QHBoxLayout()
        tally.addWidget(self.score)
        tally.addStretch(1)
        tally.addWidget(self.missed)
        self.rows = QWidget()
        self.rows.setAutoFillBackground(True)  # one background however far the rows reach
        self.grid = QGridLayout(self.rows)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the verdicts wrap instead
        scroll.setWidget(self.rows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.given)
        layout.addLayout(bar)
        layout.addLayout(tally)
        layout.addWidget(scroll, 1)
        self.setMinimumWidth(560)  # formula, box and a verdict that wraps, side by side
        self.resize(*SIZE)

    # ---- what the controller offers --------------------------------------------------------------
    def refresh(self) -> None:
        """Show the worksheet of the iteration shown, with the learner's answers (after a step, a check …)."""
        if not self.isVisible() or self.controller.running:  # while running: once it pauses
            return
        sheet = self.controller.worksheet()
        if isinstance(sheet, str):  # no sheet: why (the numbers diverged)
            self._sheet, self._shown = None, None
            self._build(None)
            self.heading.setText(sheet)
            return
        key = (sheet.iteration, tuple(c.key for c in sheet.cells), self.level.currentIndex(),
               str(self.fading.currentData()), sheet.parameters, self.controller.showing_preview)
        fresh = self._sheet is None or self._shown != key or self._sheet.cells != sheet.cells
        self._sheet, self._shown = sheet, key
        if fresh:
            self._build(sheet)
        self._show_answers()

    def set_text_scale(self, scale: float) -> None:
        """Larger text, a larger window (within the screen): the rows stay readable, not fewer."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = (round(side * max(1.0, scale)) for side in SIZE)
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height())
        self.setMinimumWidth(min(round(560 * max(1.0, scale)), width))
        self.resize(width, height)

    def set_digits(self, digits: int) -> None:
        self._digits = int(digits)
        self._shown = None
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = None
        self.refresh()

    # ---- building ---------------------------------------------------------------------------------
    def _build(self, sheet: Sheet | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes, self.verdicts, self._refused = {}, {}, {}
        if sheet is None:
            self.given.clear()
            return
        level, fading = self.level.currentIndex() + 1, str(self.fading.currentData())
        numbers = ", ".join(format_number(v, self._digits) for v in sheet.inputs)
        targets = ", ".join(format_number(v, self._digits) for v in sheet.targets)
        heading = fill(self.tr("Iteration t = %1, sample k = %2: x = (%3), y = (%4). Compute it; press Enter "
                               "to check each value."),
                       sheet.iteration, sheet.sample, numbers, targets)
        if sheet.focus is not None:
            heading += " " + self.tr("The network is large: the cells of the selected parameter's path.")
        if self.controller.showing_preview and self.controller.phase_view is None:
            heading += " " + self.tr("The window shows this iteration's numbers already (at t = 0 and after an "
                                     "edit it shows the next one): cover them, or Step once.")
        self.heading.setText(heading)
        given = [f"{name} = {format_number(v, self._digits)}" for name, v in sheet.parameters]
        given.append(f"η = {format_number(sheet.learning_rate, self._digits)}")
        self.given.setText(fill(self.tr("From: %1"), ", ".join(given)) if sheet.parameters else
                           fill(self.tr("From the table's weights and thresholds now, and %1"), given[-1]))
        for row, cell in enumerate(sheet.cells):
            formula = QLabel(cell.formula.html() + " =")
            formula.setTextFormat(Qt.TextFormat.RichText)
            self.grid.addWidget(formula, row, 0)
            box = QLineEdit()
            box.setObjectName(f"cell:{cell.key}")
            box.setMinimumWidth(110)
            if to_do(cell, level, fading):
                box.returnPressed.connect(lambda k=cell.key: self._on_return(k))
                box.textEdited.connect(lambda _text, k=cell.key: self._refused.pop(k, None))
                self.boxes[cell.key] = box
            else:
                box.setText(format_number(cell.value, self._digits))
                box.setReadOnly(True)
                box.setToolTip(self.tr("Given at this level"))
            self.grid.addWidget(box, row, 1)
            verdict = QLabel()
            verdict.setWordWrap(True)
            verdict.setMinimumWidth(160)
            self.verdicts[cell.key] = verdict
            self.grid.addWidget(verdict, row, 2)
        self.grid.setRowStretch(len(sheet.cells), 1)

    def _show_answers(self) -> None:
        answers = self.controller.worksheet_answers()
        for key, box in self.boxes.items():
            check = answers.get(key)
            if check is not None and not box.hasFocus():
                box.setText(check.text)
            self._write_verdict(key, check, self._refused.get(key, ""))
        right, checked = self.controller.practice_score()
        self.score.setText(fill(self.tr("Score: %1 of %2 right"), right, checked))
        self.missed.setText(missed_text(self.controller))

    def _write_verdict(self, key: str, check: Check | None, refused: str = "") -> None:
        label = self.verdicts.get(key)
        if label is None:
            return
        if refused:
            label.setText(refused)
            label.setStyleSheet(f"color: {style.LOW_DARK}")
            return
        if check is None:
            label.clear()
            return
        if check.right:
            label.setText(fill(self.tr("✓ Right: %1"), format_number(check.value, self._digits)))
            label.setStyleSheet(f"color: {style.HIGH_DARK}")
            return
        if check.gap == check.gap:  # which side, when known (a check read back from a file may not say)
            text = fill(self.tr("✗ Not right: %1."), self.tr("too high") if check.gap > 0 else self.tr("too low"))
        else:
            text = self.tr("✗ Not right.")
        for name in check.mistakes:
            text += " " + self.controller.mistake_text(name)
        label.setText(text)
        label.setStyleSheet(f"color: {style.LOW_DARK}")

    # ---- intent -----------------------------------------------------------------------------------
    def _on_return(self, key: str) -> None:
        box = self.boxes[key]
        result = self.controller.check_answer(key, box.text(), self._digits)
        if isinstance(result, str):  # refused: nothing kept, the text stays to be corrected
            self._refused[key] = result
            self._write_verdict(key, None, result)
            return
        self._refused.pop(key, None)
        if result.right:
            self._next_box(key)

    def _next_box(self, key: str) -> None:
        keys = list(self.boxes)
        answers = self.controller.worksheet_answers()
        for k in keys[keys.index(key) + 1:] + keys[: keys.index(key)]:
            if k not in answers or not answers[k].right:
                self.boxes[k].setFocus()
                return

    def _on_fading_changed(self) -> None:
        self._qsettings.setValue("practice/level", self.level.currentIndex() + 1)
        self._qsettings.setValue("practice/fade_from", self.fading.currentData())
        self.refresh()
