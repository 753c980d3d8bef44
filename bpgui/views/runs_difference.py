"""The Runs panel's difference table: two runs' parameters after the same iteration t, and B − A.

``session.request_difference`` replays each run to t (in the worker when that is long: the table says
"Computing…" meanwhile); the rows are the parameters in the note's names as the gradient table writes them,
in the canonical order or by |B − A|, largest first. Run A, run B and t are the learner's choices; t follows
the run shown unless the learner unticks "t shown".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..model.numbers import DEFAULT_DIGITS, exact_number, format_number
from ..model.text import fill
from .runs_plot import run_swatch

if TYPE_CHECKING:
    from ..session.forking import RunCurve, RunDifference

__all__ = ["COL_A", "COL_B", "COL_DIFFERENCE", "COL_NAME", "DifferenceModel", "DifferenceView"]

COL_NAME, COL_A, COL_B, COL_DIFFERENCE = range(4)
Index = QModelIndex | QPersistentModelIndex


class DifferenceModel(QAbstractTableModel):
    """Rows: the parameters (canonical order, or by |B − A| largest first); columns: name, A, B, B − A.
    ``Qt.UserRole`` gives a cell's number as a float (the display role: at the window's digits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: Sequence[str] = ()
        self._diff: RunDifference | None = None
        self._columns = np.empty((0, 3))
        self._order = np.arange(0)
        self._titles = ("", "")
        self._by_size = False
        self.digits = DEFAULT_DIGITS

    def show_difference(self, names: Sequence[str], diff: RunDifference | None, titles: tuple[str, str]) -> None:
        """``names``: the parameters' names in the canonical order; ``diff`` None: an empty table."""
        self.beginResetModel()
        self._names, self._diff, self._titles = names, diff, titles
        if diff is None:
            self._columns = np.empty((0, 3))
        else:
            self._columns = np.column_stack([diff.values_a, diff.values_b, diff.difference])
        self._sort()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_A, COL_B)

    @property
    def difference(self) -> RunDifference | None:
        return self._diff

    @property
    def names(self) -> Sequence[str]:
        return self._names

    def set_by_size(self, on: bool) -> None:
        self.beginResetModel()
        self._by_size = bool(on)
        self._sort()
        self.endResetModel()

    def _sort(self) -> None:
        n = self._columns.shape[0]
        if self._by_size and n:
            size = np.abs(self._columns[:, 2])
            size = np.where(np.isnan(size), -1.0, size)
            self._order = np.argsort(-size, kind="stable")
        else:
            self._order = np.arange(n)

    def set_digits(self, digits: int) -> None:
        self.digits = digits
        if self.rowCount():
            self.dataChanged.emit(self.index(0, COL_A), self.index(self.rowCount() - 1, COL_DIFFERENCE))

    def parameter_index(self, row: int) -> int:
        """The canonical index of the parameter in ``row``."""
        return int(self._order[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else int(self._columns.shape[0])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p, column = int(self._order[index.row()]), index.column()
        if column == COL_NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return self._names[p] if p < len(self._names) else str(p + 1)
            return None
        value = float(self._columns[p, column - 1])
        if role == Qt.ItemDataRole.DisplayRole:
            return format_number(value, self.digits)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return exact_number(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_NAME:
            return self.tr("Parameter")
        a, b = self._titles
        if section in (COL_A, COL_B):
            return (a, b)[section - COL_A] or ("A" if section == COL_A else "B")
        return fill(self.tr("%1 − %2"), b or "B", a or "A")


class DifferenceView(QWidget):
    """Run A, run B, t and the table; ``requested(a, b, t)`` when a choice changed."""

    requested = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_a, self.run_b = QComboBox(), QComboBox()
        self.t = QSpinBox()
        self.t.setRange(0, 0)
        self.t.setToolTip(self.tr("The iteration both runs are compared after"))
        self.follow = QCheckBox(self.tr("t shown"))
        self.follow.setToolTip(self.tr("Compare at the iteration the window shows, as it moves"))
        self.follow.setChecked(True)
        self.by_size = QCheckBox(self.tr("Largest difference first"))
        self.status = QLabel()  # the title, and what the table shows or waits for
        self.status.setWordWrap(True)
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.model = DifferenceModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        self.table.setMinimumHeight(110)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.a_label, self.b_label = QLabel(self.tr("From run")), QLabel(self.tr("to run"))
        self.t_label = QLabel(self.tr("at t ="))
        grid.addWidget(self.a_label, 0, 0)
        grid.addWidget(self.run_a, 0, 1)
        grid.addWidget(self.b_label, 0, 2)
        grid.addWidget(self.run_b, 0, 3)
        grid.addWidget(self.t_label, 1, 0, 1, 1)
        grid.addWidget(self.t, 1, 1)
        grid.addWidget(self.follow, 1, 2, 1, 2)
        grid.addWidget(self.by_size, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        self._quiet = False
        self._curves: list[RunCurve] = []
        self._shown_t = 0
        self._shown = -1  # the run shown when the runs were last set
        self.run_a.currentIndexChanged.connect(self._on_choice)
        self.run_b.currentIndexChanged.connect(self._on_choice)
        self.t.valueChanged.connect(self._on_t)
        self.follow.toggled.connect(self._on_follow)
        self.by_size.toggled.connect(self.model.set_by_size)

    def sizeHint(self) -> QSize:
        """Little more than its minimum (see ``RunsPlot.sizeHint``)."""
        least = self.minimumSizeHint()
        return QSize(max(260, least.width()), least.height())

    # ---- what the panel sets --------------------------------------------------------------------
    def set_runs(self, curves: Sequence[RunCurve], shown_t: int) -> None:
        """The runs to choose from (A defaults to the run shown, B to another), and t's range (0 to the
        shorter of the two runs' computed iterations; with "t shown": the run shown's t)."""
        self._quiet = True
        try:
            before = (self.run_a.currentData(), self.run_b.currentData())
            names = [(c.index, c.name, c.colour) for c in curves]
            for combo in (self.run_a, self.run_b):
                if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] != \
                        [(i, n) for i, n, _ in names]:
                    combo.clear()
                    side = max(8, self.fontMetrics().height() - 4)
                    for i, name, colour in names:
                        combo.addItem(run_swatch(colour, side), name, i)
            shown = next((c.index for c in curves if c.shown), 0)
            # A is the run shown, and follows it to another; the learner may choose another until then.
            a = before[0] if before[0] is not None and before[0] < len(curves) and shown == self._shown else shown
            b = before[1] if before[1] is not None and before[1] < len(curves) and before[1] != a else None
            self._shown = shown
            if b is None:
                b = next((c.index for c in curves if c.index != a), a)
            self.run_a.setCurrentIndex(a)
            self.run_b.setCurrentIndex(b)
            self._curves, self._shown_t = list(curves), shown_t
            self._fit_t()
        finally:
            self._quiet = False

    def _fit_t(self) -> None:
        a, b = self.run_a.currentIndex(), self.run_b.currentIndex()
        ends = [c.end for c in self._curves if c.index in (a, b)]
        self.t.setMaximum(max(0, min(ends)) if ends else 0)
        if self.follow.isChecked():
            self.t.setValue(min(self._shown_t, self.t.maximum()))
        self.t.setEnabled(not self.follow.isChecked())

    def choice(self) -> tuple[int, int, int]:
        return self.run_a.currentIndex(), self.run_b.currentIndex(), self.t.value()

    def show_computing(self) -> None:
        self.status.setText(self.tr("Parameters of two runs at the same t: computing…"))

    def show_difference(self, names: Sequence[str], diff: RunDifference | None) -> None:
        titles = ("", "")
        if diff is not None:
            titles = (self.run_a.itemText(diff.a), self.run_b.itemText(diff.b))
            self.status.setText(fill(self.tr("Parameters of two runs after t = %1"), diff.t))
        self.model.show_difference(names, diff, titles)

    def _fit_rows(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size changed: rows as high as a line
            self._fit_rows()
        super().changeEvent(event)

    def set_digits(self, digits: int) -> None:
        self.model.set_digits(digits)
        diff = self.model.difference
        if diff is not None:
            self.show_difference(self.model.names, diff)

    # ---- the learner's choices --------------------------------------------------------------------
    def _on_choice(self) -> None:
        if not self._quiet:
            self._fit_and_ask()

    def _on_t(self) -> None:
        if not self._quiet:
            self.requested.emit(*self.choice())

    def _on_follow(self, on: bool) -> None:
        self._fit_and_ask()

    def _fit_and_ask(self) -> None:
        """t within what both runs computed (quietly: no request for the t passed through), then the request."""
        self._quiet = True
        try:
            self._fit_t()
        finally:
            self._quiet = False
        self.requested.emit(*self.choice())
