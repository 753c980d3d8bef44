"""The gradient table: every parameter's value before, ∂E/∂p, Δp and value after.

Why one module of ~600 lines: it is the table's widget alone (filters, sorting, selection,
editing, copy/export and the check columns all act on the same view and selection model);
the columns, model, proxy, value editor (delegate) and column widths are already in
``gradient_table_*.py``, and every public name is importable from here.

One row per parameter, in the canonical order of ``naming.parameter_specs``
(the model's row is the parameter's canonical index). The table only shows
what it is given; choosing a row emits ``parameter_selected`` with the
canonical index and nothing else.

Two more columns, "∂E/∂p (finite diff.)" and "rel. error", show a gradient
check (see ``model.gradcheck``) when one is given with ``set_check``; they are
hidden otherwise. A check belongs to the numbers it was made from, so
``set_values``/``set_record``/``set_structure`` always clear it: the main window
calls ``set_check`` again after them whenever it wants the check shown.

The "Value before" cell can be edited (F2 or a double-click) when the view
allows it (``set_editable``). The table never changes its own numbers: a
committed edit only emits ``value_edit_requested(canonical index, value)``, and
the controller answers with fresh values if it accepts it; text that is not a
finite number emits ``invalid_edit(message)`` instead.

Networks can have 100,000 parameters, so nothing here keeps a Python object
per row beyond the spec list: the numbers stay in the record's NumPy arrays,
and sorting and filtering are NumPy permutations and masks
(``gradient_table_proxy``). The proxy never re-sorts by itself; the view
re-applies the sort at most every 500 ms while values stream in, and at once
when a header is clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..model.naming import ParameterSpec, ParameterSpecs
from ..model.numbers import format_number
from ..model.records import IterationRecord
from ..model.text import fill
from .gradient_table_columns import (
    CHECK_COLUMNS,
    CHECK_NOISE_FLOOR,
    COL_FD_GRADIENT,
    COL_FROM_TO,
    COL_GRADIENT,
    COL_LAYER,
    COL_NAME,
    COL_NEW_VALUE,
    COL_REL_ERROR,
    COL_UPDATE,
    COL_VALUE,
    CSV_CHECK_HEADER,
    CSV_HEADER,
    DEFAULT_PRECISION,
    KIND_ALL,
    KIND_THRESHOLD,
    KIND_WEIGHT,
    KINDS,
    MAX_PRECISION,
    MIN_PRECISION,
    N_COLUMNS,
    NUMBER_COLUMNS,
    NUMERIC_COLUMNS,
    REL_ERROR_WARNING,
    RESORT_INTERVAL_MS,
    display_name,
)
from .gradient_table_delegate import CellDelegate, ValueEditDelegate
from .gradient_table_model import GradientTableModel
from .gradient_table_proxy import GradientFilterProxyModel
from .gradient_table_widths import ColumnWidths, bar_direction, two_line_minimum
from .text_scale import clamp_text_scale

__all__ = [  # the names this module has always offered, wherever they now live
    "CHECK_COLUMNS", "COL_FD_GRADIENT", "COL_FROM_TO", "COL_GRADIENT", "COL_LAYER", "COL_NAME", "COL_NEW_VALUE",
    "COL_REL_ERROR", "COL_UPDATE", "COL_VALUE", "CSV_CHECK_HEADER", "CSV_HEADER", "DEFAULT_PRECISION", "KIND_ALL",
    "KIND_THRESHOLD", "KIND_WEIGHT", "MAX_PRECISION", "MIN_PRECISION", "NUMBER_COLUMNS", "NUMERIC_COLUMNS",
    "N_COLUMNS", "REL_ERROR_WARNING", "RESORT_INTERVAL_MS", "GradientFilterProxyModel", "GradientTableModel",
    "GradientTableView"]


def _ranges(selection: QItemSelection) -> list[QItemSelectionRange]:
    return [selection.at(i) for i in range(selection.count())]


class GradientTableView(QWidget):
    """The table with its filter bar, Digits box and copy button, and a gradient check's summary.

    The Digits box is the app's one Digits setting: a learner's change emits
    ``digits_changed``; the main window hands the setting to every view with
    ``set_digits`` (which does not emit).
    """

    parameter_selected = Signal(int)
    digits_changed = Signal(int)  # the learner changed Digits (significant digits of every number shown)
    value_edit_requested = Signal(int, float)  # canonical index, new value ("Value before" edited)
    invalid_edit = Signal(str)  # an edit was refused, and why (names the parameter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = GradientTableModel(self)
        self._proxy = GradientFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._last_emitted = -1
        self._silent = 0  # > 0 while selecting on request: no parameter_selected
        self._digits_on_request = False  # set_digits is moving the spin box: no digits_changed
        self._text_scale = 1.0

        self._layer_combo = QComboBox(self)
        self._layer_combo.setObjectName("layerFilter")
        self._layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._kind_combo = QComboBox(self)
        self._kind_combo.setObjectName("kindFilter")
        self._kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in KINDS:
            self._kind_combo.addItem("", kind)
        self._text_filter = QLineEdit(self)
        self._text_filter.setObjectName("nameFilter")
        self._text_filter.setClearButtonEnabled(True)
        self._precision_label = QLabel(self)
        self._precision_box = QSpinBox(self)
        self._precision_box.setObjectName("precision")
        self._precision_box.setRange(MIN_PRECISION, MAX_PRECISION)
        self._precision_box.setValue(DEFAULT_PRECISION)
        self._precision_label.setBuddy(self._precision_box)
        self._copy_button = QPushButton(self)
        self._copy_button.setObjectName("copy")

        self._table = QTableView(self)
        self._table.setObjectName("gradientTable")
        self._table.setModel(self._proxy)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Only "Value before" is ever editable, and only after set_editable(True) (see the model's flags).
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._table.setItemDelegate(CellDelegate(self._table))
        self._value_delegate = ValueEditDelegate(self._table)
        self._table.setItemDelegateForColumn(COL_VALUE, self._value_delegate)
        self._table.setItemDelegateForColumn(COL_NEW_VALUE, self._value_delegate)
        self._table.setWordWrap(False)
        self._table.setAlternatingRowColors(True)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self._table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # its height follows the font (widths)
        vertical.hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)  # a third click returns to the canonical order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._table.setSortingEnabled(True)
        for column in CHECK_COLUMNS:
            self._table.setColumnHidden(column, True)
        self._widths = ColumnWidths(self._table, self)

        self._check_label = QLabel(self)
        self._check_label.setObjectName("checkSummary")
        # Never wider than the table: the label is cut rather than widening the window (full text in the tip).
        self._check_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._check_label.hide()

        self._copy_action = QAction(self._table)
        self._copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self._copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._table.addAction(self._copy_action)

        # The filter bar: filters on the left, precision and copy on the right. When
        # the widget is too narrow for one line, the right group moves to a second line.
        self._filters_box = QHBoxLayout()
        self._filters_box.setContentsMargins(0, 0, 0, 0)
        self._filters_box.addWidget(self._layer_combo)
        self._filters_box.addWidget(self._kind_combo)
        self._filters_box.addWidget(self._text_filter, 1)
        self._tools_box = QHBoxLayout()
        self._tools_box.setContentsMargins(0, 0, 0, 0)
        self._tools_box.addStretch(1)
        self._tools_box.addWidget(self._precision_label)
        self._tools_box.addWidget(self._precision_box)
        self._tools_box.addWidget(self._copy_button)
        self._bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._bar.setContentsMargins(0, 0, 0, 0)
        self._bar.addLayout(self._filters_box, 1)
        self._bar.addLayout(self._tools_box)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addLayout(self._bar)
        self._layout.addWidget(self._table, 1)
        self._layout.addWidget(self._check_label)

        self._resort_timer = QTimer(self)
        self._resort_timer.setSingleShot(True)
        self._resort_timer.setInterval(RESORT_INTERVAL_MS)

        self._layer_combo.currentIndexChanged.connect(self._on_layer_combo_changed)
        self._kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self._text_filter.textChanged.connect(self._on_text_filter_changed)
        self._precision_box.valueChanged.connect(self._on_precision_box_changed)
        self._copy_button.clicked.connect(self.copy_to_clipboard)
        self._copy_action.triggered.connect(self.copy_to_clipboard)
        self._resort_timer.timeout.connect(self._on_resort_timer_timeout)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        selection = self._table.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        selection.currentRowChanged.connect(self._on_selection_changed)
        self._model.check_changed.connect(self._on_check_changed)
        self._model.value_edit_requested.connect(self.value_edit_requested)  # passed on as they are
        self._model.invalid_edit.connect(self.invalid_edit)
        self._proxy.modelReset.connect(self._on_check_changed)  # a reset forgets which sections were hidden

        self._retranslate_ui()
        self._rebuild_layer_combo()
        self._follow_font()

    # ---- parts (for the main window and tests) -----------------------------------------------
    def source_model(self) -> GradientTableModel:
        return self._model

    def proxy_model(self) -> GradientFilterProxyModel:
        return self._proxy

    def table(self) -> QTableView:
        return self._table

    # ---- input ---------------------------------------------------------------------------------
    def set_structure(self, specs: Sequence[ParameterSpec]) -> None:
        """New rows, every number blank; the sort column and the filters that still apply are kept."""
        self._resort_timer.stop()
        self._model.set_structure(specs)
        self._rebuild_layer_combo()
        self._update_column_widths()
        self._sync_selection()

    def set_values(self, values: npt.ArrayLike | None, gradients: npt.ArrayLike | None,
                   updates: npt.ArrayLike | None, new_values: npt.ArrayLike | None) -> None:
        """The four numeric columns (None for a blank one; ``GradientTableModel.set_values``). Always clears
        (and hides) the gradient check: call ``set_check`` after this to show one."""
        self._model.set_values(values, gradients, updates, new_values)
        self._resort_soon()

    def set_batch_size(self, batch: int) -> None:
        """Name the gradient column ∂E_k/∂p for one sample, ∂E/∂p for a batch's mean."""
        self._model.set_batch_size(batch)

    def set_record(self, record: IterationRecord | None, values_if_none: npt.ArrayLike | None = None) -> None:
        """Show an iteration's record (of another shape: new rows first); None shows ``values_if_none`` alone."""
        if record is not None:
            sizes = tuple(record.layer_sizes)
            if sizes != self._model.layer_sizes or len(self._model.specs) != record.flat_values.shape[0]:
                self.set_structure(ParameterSpecs(sizes))
            self.set_values(record.flat_values, record.flat_gradients, record.flat_updates,
                            record.flat_new_values)
            self.set_batch_size(record.batch_size)
        else:
            self.set_values(values_if_none, None, None, None)

    def _resort_soon(self) -> None:
        if self._proxy.sort_column() in NUMBER_COLUMNS and not self._resort_timer.isActive():
            self._resort_timer.start()  # coalesce: at most one re-sort per interval

    # ---- gradient check ------------------------------------------------------------------------
    def set_check(self, estimates: npt.ArrayLike | None, relative_errors: npt.ArrayLike | None) -> None:
        """Show a gradient check, or hide it (both None; ``GradientTableModel.set_check``): ``estimates`` (∂E/∂p
        by finite differences) and ``relative_errors``, full-length arrays in canonical order, NaN where a
        parameter was not checked. Their columns and the summary under the table show while a check is set;
        ``set_values``/``set_record`` clear it."""
        self._model.set_check(estimates, relative_errors)
        self._resort_soon()

    def has_check(self) -> bool:
        return self._model.has_check()

    def check_summary(self) -> str:
        """E.g. "largest relative error 3.2e-09 (v₁₂); 9 of 9 parameters checked" ("" without a check). The name
        is the table's (as drawn); an exactly-zero ∂E/∂p whose estimate is rounding noise is never named
        (``GradientTableModel.noise_rows``)."""
        if not self._model.has_check():
            return ""
        worst, error, checked, total = self._model.check_summary_parts()
        if worst < 0:
            return fill(self.tr("%1 of %2 parameters checked"), checked, total)
        noise, name = int(np.count_nonzero(self._model.noise_rows())), display_name(self._model.specs[worst])
        template = (self.tr("largest relative error %1 (%2), leaving out the rounding noise of %5 zero "
                            "gradient(s); %3 of %4 parameters checked") if noise else
                    self.tr("largest relative error %1 (%2); %3 of %4 parameters checked"))
        return fill(template, format_number(error, 2), name, checked, total, noise)

    @Slot()
    def _on_check_changed(self) -> None:
        self._update_check_ui()

    def _update_check_ui(self) -> None:
        shown = self._model.has_check()
        for column in CHECK_COLUMNS:
            if self._table.isColumnHidden(column) == shown:
                self._table.setColumnHidden(column, not shown)
        summary = self.check_summary()
        self._check_label.setText(summary)
        tips = [summary, fill(self.tr("Relative errors above %1 are highlighted."), format_number(REL_ERROR_WARNING))]
        noise = int(np.count_nonzero(self._model.noise_rows())) if shown else 0
        if noise:
            tips.append(fill(self.tr("An exactly-zero ∂E/∂p whose estimate is below %1 is rounding noise,"
                                     " not counted as the largest error (here: %2)."),
                             format_number(CHECK_NOISE_FLOOR), noise))
        self._check_label.setToolTip("\n".join(tips) if shown else "")
        self._check_label.setVisible(shown)
        self._widths.apply()

    # ---- editing -------------------------------------------------------------------------------
    def editable(self) -> bool:
        return self._model.editable()

    def set_editable(self, editable: bool, column: int = COL_VALUE) -> None:
        """Allow editing the parameters in ``column`` (F2 or a double-click); default False.

        A commit emits ``value_edit_requested(canonical index, value)`` (the
        table itself keeps showing what it was given) or ``invalid_edit(message)``.
        Forbidding it closes an open editor without a commit.
        """
        editable = bool(editable)
        editor = self._value_delegate.open_editor
        if not editable and editor is not None:
            self._table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        self._model.set_editable(editable, column)

    def digits(self) -> int:
        """The Digits setting: significant digits of every number shown (1–17)."""
        return self._model.precision()

    def set_digits(self, digits: int) -> None:
        """Show ``digits`` significant digits (1–17); the spin box follows, ``digits_changed`` is not emitted."""
        self._digits_on_request = True
        try:
            self._precision_box.setValue(int(digits))
        finally:
            self._digits_on_request = False


    # ---- selection -----------------------------------------------------------------------------
    @Slot(int)
    def select_parameter(self, index: int) -> None:
        """Select and show the parameter with canonical index ``index`` (−1: clear) without emitting.

        If the filters hide it, they are cleared so that it can be shown.
        """
        self._silent += 1
        try:
            selection = self._table.selectionModel()
            if not 0 <= index < len(self._model.specs):
                selection.clear()
                self._last_emitted = -1
                return
            if self._proxy.proxy_row(index) < 0:
                self.clear_filters()
            row = self._proxy.proxy_row(index)
            current = selection.currentIndex()
            if current.isValid() and current.row() == row:
                self._last_emitted = index
                return  # already there (e.g. the learner's own click): keep the column, so F2 edits it
            target = self._proxy.index(row, COL_NAME)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(target, flags)
            self._table.scrollTo(target, QAbstractItemView.ScrollHint.EnsureVisible)
            self._last_emitted = index
        finally:
            self._silent -= 1

    def selected_parameter(self) -> int:
        """The canonical index of the current selected row, −1 if none."""
        selection = self._table.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row(), QModelIndex()):
            return self._proxy.source_row(current.row())
        ranges = _ranges(selection.selection())
        if not ranges:
            return -1
        return self._proxy.source_row(min(r.top() for r in ranges))

    def _selected_proxy_rows(self) -> np.ndarray:
        rows = [np.arange(r.top(), r.bottom() + 1) for r in _ranges(self._table.selectionModel().selection())]
        return np.unique(np.concatenate(rows)) if rows else np.empty(0, dtype=np.int64)

    def _sync_selection(self) -> None:
        if self._silent:
            return
        index = self.selected_parameter()
        if index != self._last_emitted:
            self._last_emitted = index
            self.parameter_selected.emit(index)

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:  # the selection or the current row
        self._sync_selection()

    # ---- filters ---------------------------------------------------------------------------------
    def clear_filters(self) -> None:
        """Show every row."""
        self._layer_combo.setCurrentIndex(0)
        self._kind_combo.setCurrentIndex(0)
        self._text_filter.clear()

    def set_filters(self, *, layer: int | None = None, kind: str | None = None, text: str | None = None) -> None:
        """Set the filter controls: ``layer`` (0 = all), ``kind`` ("", "weight", "threshold"), ``text``."""
        if layer is not None:
            row = self._layer_combo.findData(int(layer))
            if row < 0:
                raise ValueError(f"there is no layer {layer}")
            self._layer_combo.setCurrentIndex(row)
        if kind is not None:
            row = self._kind_combo.findData(kind)
            if row < 0:
                raise ValueError(f"kind must be '', 'weight' or 'threshold', got {kind!r}")
            self._kind_combo.setCurrentIndex(row)
        if text is not None:
            self._text_filter.setText(text)

    def _rebuild_layer_combo(self) -> None:
        combo = self._layer_combo
        previous = combo.currentData() or 0
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("All layers"), 0)
            for layer in range(1, self._model.n_layers + 1):
                combo.addItem(fill(self.tr("Layer {number}"), number=layer), layer)
            combo.setCurrentIndex(max(0, combo.findData(previous)))
        finally:
            combo.blockSignals(False)
        self._proxy.set_filter(layer=combo.currentData() or 0)

    @Slot(int)
    def _on_layer_combo_changed(self, _row: int) -> None:
        self._proxy.set_filter(layer=self._layer_combo.currentData() or 0)
        self._sync_selection()

    @Slot(int)
    def _on_kind_combo_changed(self, _row: int) -> None:
        self._proxy.set_filter(kind=self._kind_combo.currentData() or KIND_ALL)
        self._sync_selection()

    @Slot(str)
    def _on_text_filter_changed(self, text: str) -> None:
        self._proxy.set_filter(text=text)
        self._sync_selection()

    # ---- sorting -----------------------------------------------------------------------------------
    @Slot(int, Qt.SortOrder)
    def _on_header_sort_indicator_changed(self, _column: int, _order: Qt.SortOrder) -> None:
        self._resort_timer.stop()  # the table view sorts right away

    @Slot()
    def _on_resort_timer_timeout(self) -> None:
        self._proxy.resort()

    # ---- digits and text size -------------------------------------------------------------------------
    @Slot(int)
    def _on_precision_box_changed(self, digits: int) -> None:
        self._model.set_precision(digits)
        self._update_column_widths(names=False)
        if not self._digits_on_request:
            self.digits_changed.emit(digits)

    def _update_column_widths(self, names: bool = True) -> None:
        """Widths that fit the names and numbers; spare room goes to the number columns."""
        model = self._model
        self._widths.measure(model.column_titles(), model.specs, model.run_ends(), model.precision(), names)

    def set_text_scale(self, scale: float) -> None:
        """Follow the app's text scale (``views.text_scale``, 1.0–2.5).

        The cells, header and bar follow the application font by themselves;
        the row height, the column widths and the bar's minimum are measured again.
        """
        self._text_scale = clamp_text_scale(scale)
        # Qt posts the application font's change to each widget: take it now, so the measures see it.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        self._follow_font()

    def _follow_font(self) -> None:
        # The header does not always take a new font from the table by itself (not after a scrollTo while
        # hidden, seen with Qt 6): it is given the table's, at every font change.
        self._table.horizontalHeader().setFont(self._table.font())
        self._text_filter.setMinimumWidth(self._text_filter.fontMetrics().horizontalAdvance("M") * 7)
        self._update_column_widths()
        self._set_explicit_minimum()
        self._fit_bar(self.width())
        if self._table.currentIndex().isValid():  # the taller rows may have pushed the selected one out of view
            self._table.scrollTo(self._table.currentIndex(), QAbstractItemView.ScrollHint.EnsureVisible)

    # ---- copy and export --------------------------------------------------------------------------------
    # The window hands a large copy to the worker (``main_files.copy_large``): True if it took it over.
    copy_elsewhere: Callable[[np.ndarray, tuple[str, ...], list[np.ndarray | None]], bool] | None = None

    def _copy_rows(self) -> np.ndarray:
        """The selected rows (or every shown row if none is selected), in the order shown."""
        rows, order = self._selected_proxy_rows(), self._proxy.visible_source_rows()
        return np.asarray(order[rows] if rows.shape[0] else order, dtype=np.int64)

    def copy_text(self) -> str:
        """The selected rows (or every shown row if none is selected) as tab-separated text."""
        return self._model.tsv_text(self._copy_rows())

    def copy_to_clipboard(self) -> None:  # the button or Ctrl+C
        rows, model = self._copy_rows(), self._model
        if self.copy_elsewhere is None or not self.copy_elsewhere(rows, model.text_titles(), model.text_columns()):
            QGuiApplication.clipboard().setText(model.tsv_text(rows))

    def export_csv_text(self) -> str:
        """Every row, unfiltered, in canonical order, as CSV (``model.table_text``: full precision; the check's
        two columns too while one is set)."""
        return self._model.csv_text()

    def csv_parts(self) -> tuple[tuple[str, ...], list[np.ndarray | None]]:
        """What the CSV export writes (``model.table_text``): its header and the numbers' columns as shown."""
        return self._model.csv_header(), self._model.text_columns()

    # ---- layout and language ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bar(event.size().width())

    def _set_explicit_minimum(self) -> None:
        """The two-line bar's minimum, set explicitly so the layout never raises it to the one-line width
        (and so a shown window's minimum does not change whenever the bar wraps)."""
        self.setMinimumSize(two_line_minimum(self._layout, self._bar, self._filters_box, self._tools_box,
                                             self._table, self._check_label))

    def _fit_bar(self, width: int) -> None:
        """One line when the filters (at their preferred width) and the tools fit side by side, else two."""
        direction = bar_direction(width, self._layout, self._bar, self._filters_box, self._tools_box)
        if self._bar.direction() != direction:
            self._bar.setDirection(direction)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_ui()
            self._model.retranslate()
            self._set_explicit_minimum()
            self._fit_bar(self.width())
        elif event.type() == QEvent.Type.FontChange:
            self._follow_font()  # e.g. the application's font changed with the text scale
        super().changeEvent(event)

    def _retranslate_ui(self) -> None:
        self._layer_combo.setToolTip(self.tr("Show one layer's parameters"))
        if self._layer_combo.count():
            self._layer_combo.setItemText(0, self.tr("All layers"))
            for row in range(1, self._layer_combo.count()):
                self._layer_combo.setItemText(row, fill(self.tr("Layer {number}"), number=row))
        self._kind_combo.setToolTip(self.tr("Show weights, thresholds or both"))
        for row, text in enumerate((self.tr("All"), self.tr("Weights"), self.tr("Thresholds"))):
            self._kind_combo.setItemText(row, text)
        self._text_filter.setPlaceholderText(self.tr("Filter by name"))
        self._text_filter.setToolTip(self.tr("Show the parameters whose name contains this text") + "\n" + fill(
            self.tr("Type a name as shown or plainly: %1"), "v12, v_12, γ₂, gamma2, v(1), v^(1)_11"))
        self._precision_label.setText(self.tr("&Digits:"))
        self._precision_box.setToolTip(self.tr("Significant digits shown (hover a number for all of them)"))
        self._copy_button.setText(self.tr("Copy"))
        self._copy_button.setToolTip(
            self.tr("Copy the selected rows, or every shown row, as tab-separated text at full precision"))
        self._copy_action.setText(self.tr("Copy"))
        self._update_check_ui()

