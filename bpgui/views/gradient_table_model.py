"""The gradient table's model: one row per parameter, the numbers read from NumPy arrays on demand.

Why one module of ~590 lines: it is the one QAbstractTableModel, and every part
(cells, headers, tips, edit requests, the check's summary, the NumPy filter and
sort keys, copy and CSV) reads the same arrays and specs; the Qt-free helpers
(the cache of painted cells' looks among them) are already in ``gradient_table_columns``.

Rows are in the canonical order of ``naming.parameter_specs`` (a row is the
parameter's canonical index). The Name column shows ``display_name`` (v₁₁, as
the network drawing does); the Name's UserRole, copied text and CSV keep the
plain ``spec.name`` (v_11). Nothing here keeps a Python object per row
beyond the spec list: ``data()`` reads the record's arrays for the cells Qt
paints (a painted cell's look is kept until its data changes, for the cells
painted only), and the filtering and sorting ``GradientFilterProxyModel`` asks
for are NumPy masks and permutations.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..model.naming import ParameterSpec, ParameterSpecs, unit_symbol
from ..model.numbers import exact_number, format_number
from ..model.table_text import TableRows, csv_text, tsv_text
from ..model.text import fill
from .gradient_table_columns import (
    CENTRE,
    CHECK_COLUMNS,
    COL_FD_GRADIENT,
    COL_FROM_TO,
    COL_GRADIENT,
    COL_LAYER,
    COL_NAME,
    COL_NEW_VALUE,
    COL_REL_ERROR,
    COL_VALUE,
    CSV_CHECK_HEADER,
    CSV_HEADER,
    DEFAULT_PRECISION,
    KIND_THRESHOLD,
    KIND_WEIGHT,
    MAX_PRECISION,
    MIN_PRECISION,
    N_COLUMNS,
    NUMBER_COLUMNS,
    NUMERIC_COLUMNS,
    REL_ERROR_WARNING,
    RIGHT,
    Look,
    LookCache,
    display_name,
    from_to_text,
    layer_sizes_of,
    parse_number,
    readonly,
    rounding_noise,
    search_needle,
)
from .gradient_table_names import NameIndex

# A warm background with dark text, readable in light and dark palettes alike.
_WARNING_BACKGROUND = QBrush(QColor(255, 205, 160))
_WARNING_FOREGROUND = QBrush(QColor(40, 20, 0))
# Made once: an enum "|" in Python costs a microsecond or two, and Qt asks every painted cell.
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_MAX_QUOTED = 40  # characters of a refused edit's text quoted in the message
_DISPLAY, _ALIGNMENT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole
_BACKGROUND, _FOREGROUND = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
_BLANK_NUMBER: Look = (None, RIGHT, None, None)  # a number not known yet (a phase shows what it has computed)

ModelIndex = QModelIndex | QPersistentModelIndex


class GradientTableModel(QAbstractTableModel):
    """Rows are parameters in canonical order; the numbers are read from NumPy arrays on demand.

    ``setData`` never changes the model: an accepted edit of "Value before"
    emits ``value_edit_requested(row, value)``, a refused one
    ``invalid_edit(message)``.
    """

    check_changed = Signal()  # a gradient check was set or cleared
    value_edit_requested = Signal(int, float)  # canonical index, new value
    invalid_edit = Signal(str)  # why an edit was refused

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._specs: Sequence[ParameterSpec] = []
        # One array (or None: blank) per column in NUMBER_COLUMNS, in that order.
        self._arrays: list[np.ndarray | None] = [None] * len(NUMBER_COLUMNS)
        self._editable = False
        self._batch = 1  # samples in the iteration shown: its gradient is ∂E_k/∂p or a batch mean
        self._edit_column = COL_VALUE  # the column holding the parameters an edit changes
        self.flags_column = -1  # the edit column while editing is allowed, else −1 (for the proxy's flags)
        self._precision = DEFAULT_PRECISION  # the app's one Digits setting (significant digits)
        self._looks = LookCache(self._new_look)  # each painted cell's look, until its data changes
        self._set_structure_arrays([])

    # ---- structure --------------------------------------------------------------
    def _set_structure_arrays(self, specs: Sequence[ParameterSpec]) -> None:
        n = len(specs)
        if isinstance(specs, ParameterSpecs):  # a whole network's: no spec made (10⁶ of them took seconds)
            layers, is_threshold, sources, targets = specs.columns()
        else:
            layers = np.fromiter((s.layer for s in specs), np.int64, n)
            is_threshold = np.fromiter((s.kind == "threshold" for s in specs), bool, n)
            sources = np.fromiter((0 if s.source is None else s.source for s in specs), np.int64, n)
            targets = np.fromiter((s.target for s in specs), np.int64, n)
        for a in (layers, is_threshold, sources, targets):
            a.setflags(write=False)
        self._layers, self._is_threshold, self._sources, self._targets = layers, is_threshold, sources, targets
        self._n_layers = int(layers.max()) if n else 0
        self._layer_sizes = layer_sizes_of(specs, layers, is_threshold)
        self._names: NameIndex | None = None  # built on the first text filter or sort by name

    def set_structure(self, specs: Sequence[ParameterSpec]) -> None:
        """New rows (one per spec, canonical order); every number becomes blank. Resets the model."""
        specs = specs if isinstance(specs, ParameterSpecs) else list(specs)  # (a network's: made as read)
        had_check = self.has_check()
        self.beginResetModel()
        self._specs = specs
        self._arrays = [None] * len(NUMBER_COLUMNS)
        self._set_structure_arrays(specs)
        self._looks.forget_all()
        self.endResetModel()
        if had_check:
            self.check_changed.emit()

    @property
    def specs(self) -> Sequence[ParameterSpec]:
        """The rows' specs (the list itself: do not modify it)."""
        return self._specs

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """The network shape of the rows, ``()`` if the specs are not a whole network."""
        return self._layer_sizes

    @property
    def n_layers(self) -> int:
        return self._n_layers

    # ---- numbers ----------------------------------------------------------------
    def _checked_array(self, array: npt.ArrayLike | None, what: str) -> np.ndarray | None:
        n = len(self._specs)
        view = readonly(array)
        if view is not None and (view.ndim != 1 or view.shape[0] != n):
            raise ValueError(f"{what} must be a 1-D array of {n} numbers, got shape {view.shape}")
        return view

    def set_values(self, values: npt.ArrayLike | None, gradients: npt.ArrayLike | None,
                   updates: npt.ArrayLike | None, new_values: npt.ArrayLike | None) -> None:
        """The four numeric columns (1-D, one entry per row, or None for a blank column).

        Emits one ``dataChanged`` over the numeric columns (and the check's
        columns, if a check was set); rows, selection and scroll position are
        kept. Always clears the gradient check: it was made from the old
        numbers (call ``set_check`` again after this to show one).
        """
        arrays = [self._checked_array(array, what) for array, what in (
            (values, "values"), (gradients, "gradients"), (updates, "updates"), (new_values, "new_values"))]
        had_check = self.has_check()
        self._arrays = arrays + [None] * len(CHECK_COLUMNS)
        self._looks.forget_numbers()
        self._emit_numbers_changed([], COL_REL_ERROR if had_check else COL_NEW_VALUE)
        if had_check:
            self.check_changed.emit()

    def set_check(self, estimates: npt.ArrayLike | None, relative_errors: npt.ArrayLike | None) -> None:
        """A gradient check: ∂E/∂p by finite differences and its relative error, per row.

        Both are 1-D arrays of one entry per row in canonical order, NaN where
        a parameter was not checked (a blank cell); both None clear the check.
        Emits one ``dataChanged`` over the check's two columns and ``check_changed``.
        """
        if (estimates is None) != (relative_errors is None):
            raise ValueError("give both the estimates and the relative errors, or neither")
        checked_estimates = self._checked_array(estimates, "estimates")
        checked_errors = self._checked_array(relative_errors, "relative_errors")
        had_check = self.has_check()
        self._arrays[len(NUMERIC_COLUMNS):] = [checked_estimates, checked_errors]
        self._looks.forget_numbers()
        if had_check or checked_estimates is not None:
            n = len(self._specs)
            if n:
                self.dataChanged.emit(self.index(0, COL_FD_GRADIENT), self.index(n - 1, COL_REL_ERROR), [])
            self.check_changed.emit()

    def has_check(self) -> bool:
        """Whether a gradient check is set (its columns have data)."""
        return self._arrays[COL_FD_GRADIENT - COL_VALUE] is not None

    def check_summary_parts(self) -> tuple[int, float, int, int]:
        """(row of the largest relative error or −1, that error or NaN, rows checked, rows).

        Rounding noise is never the largest: a row whose ∂E/∂p is exactly 0
        and whose estimate is below ``CHECK_NOISE_FLOOR`` does not count (as
        ``model.gradcheck.largest_error`` decides).
        """
        estimates = self._arrays[COL_FD_GRADIENT - COL_VALUE]
        errors = self._arrays[COL_REL_ERROR - COL_VALUE]
        n = len(self._specs)
        if estimates is None or errors is None:
            return -1, math.nan, 0, n
        checked = int(np.count_nonzero(~np.isnan(estimates)))
        counted = np.where(self.noise_rows(), np.nan, errors)
        if np.isnan(counted).all():
            return -1, math.nan, checked, n
        worst = int(np.nanargmax(counted))  # NaN (not checked, or noise) never counts as the largest
        return worst, float(errors[worst]), checked, n

    def noise_rows(self) -> np.ndarray:
        """Rows whose ∂E/∂p is exactly 0 and whose estimate is rounding noise (below ``CHECK_NOISE_FLOOR``)."""
        return rounding_noise(self._arrays[COL_GRADIENT - COL_VALUE], self._arrays[COL_FD_GRADIENT - COL_VALUE],
                              len(self._specs))

    # ---- editing ------------------------------------------------------------------
    def editable(self) -> bool:
        return self._editable

    def set_editable(self, editable: bool, column: int = COL_VALUE) -> None:
        """Whether the parameters can be edited (default False), and in which column.

        ``column`` is the one that holds the network's current parameters:
        "Value before" while a preview of the next iteration is shown, "Value
        after" once an iteration has been applied.
        """
        if column not in (COL_VALUE, COL_NEW_VALUE):
            raise ValueError(f"only the value columns can be edited, not column {column}")
        self._editable = bool(editable)
        self._edit_column = column
        self.flags_column = column if self._editable else -1

    def edit_column(self) -> int:
        return self._edit_column

    def _editable_values(self, row: int, column: int) -> np.ndarray | None:
        """The array behind an editable cell, None if the cell cannot be edited."""
        if not self._editable or column != self._edit_column:
            return None
        values = self._arrays[column - COL_VALUE]
        if values is None or not 0 <= row < values.shape[0] or math.isnan(values[row]):
            return None
        return values

    def is_cell_editable(self, row: int, column: int) -> bool:
        """Only the edit column, only while editing is allowed, only where there is a value."""
        return self._editable_values(row, column) is not None

    def request_edit(self, row: int, value: object) -> bool:
        """Ask for ``row``'s value to be ``value`` (text or a number); the model itself does not change.

        A finite number other than the current value emits
        ``value_edit_requested(row, number)``; anything else that is not a
        finite number emits ``invalid_edit`` with a message naming the
        parameter. Returns whether ``value_edit_requested`` was emitted.
        """
        values = self._editable_values(row, self._edit_column)
        if values is None:
            return False
        number = parse_number(value)
        if number is None or not math.isfinite(number):
            text = str(value).strip()
            if len(text) > _MAX_QUOTED:
                text = text[:_MAX_QUOTED - 1] + "…"
            if number is not None and math.isinf(number):
                template = self.tr("%1: “%2” is not a finite number.")
            else:
                template = self.tr("%1: “%2” is not a number.")
            self.invalid_edit.emit(fill(template, self._specs[row].name, text))
            return False
        if number == float(values[row]):
            return False  # unchanged (the editor starts with the exact value): nothing to ask for
        self.value_edit_requested.emit(row, number)
        return True

    def precision(self) -> int:
        return self._precision

    def set_precision(self, digits: int) -> None:
        """Significant digits shown in the numeric cells (1–17)."""
        digits = int(digits)
        if not MIN_PRECISION <= digits <= MAX_PRECISION:
            raise ValueError(f"precision must be between {MIN_PRECISION} and {MAX_PRECISION}, got {digits}")
        if digits == self._precision:
            return
        self._precision = digits
        self._looks.forget_numbers()
        self._emit_numbers_changed([Qt.ItemDataRole.DisplayRole])

    def _emit_numbers_changed(self, roles: list[Qt.ItemDataRole], last_column: int | None = None) -> None:
        n = len(self._specs)
        if last_column is None:
            last_column = COL_REL_ERROR if self.has_check() else COL_NEW_VALUE
        if n:
            self.dataChanged.emit(self.index(0, COL_VALUE), self.index(n - 1, last_column), roles)

    # ---- Qt model interface -----------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._specs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.cell_flags(index.row(), index.column())

    def cell_flags(self, row: int, column: int) -> Qt.ItemFlag:
        """``flags()`` without a QModelIndex (for the proxy; asked once per painted cell)."""
        if column == self._edit_column and self.is_cell_editable(row, column):
            return _EDITABLE_FLAGS
        return CELL_FLAGS

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Never changes the model (returns False): an edit of "Value before" becomes a request.

        See ``request_edit``.
        """
        if index.isValid() and role == Qt.ItemDataRole.EditRole and index.column() == self._edit_column:
            self.request_edit(index.row(), value)
        return False

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell_data(index.row(), index.column(), role)

    def cell_data(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``data()`` without a QModelIndex (the proxy calls this for every painted cell)."""
        if COL_VALUE <= column < N_COLUMNS:
            return self._number_data(row, column, role)
        if not 0 <= row < len(self._specs):
            return None
        spec = self._specs[row]
        if column == COL_NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return display_name(spec)
            if role == Qt.ItemDataRole.UserRole:
                return spec.name  # the plain form, as copied and exported
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.describe(spec)
        elif column == COL_LAYER:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return spec.layer
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
        elif column == COL_FROM_TO:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return from_to_text(spec)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return CENTRE
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.describe(spec)
        return None

    def cell_look(self, row: int, column: int) -> Look:
        """What a painted cell shows: (display, alignment, background, foreground), each what ``data()``
        answers for that role (None where it answers nothing), in one Python call (see CellDelegate).

        Made on a cell's first paint and kept (``looks``) until the numbers, the check, the Digits or the
        rows change: a repaint with nothing new formats nothing. (The arrays are the records', never
        written: a caller that changed one in place would have to call ``set_values`` again.)"""
        return self._looks.look(row, column)

    @property
    def looks(self) -> LookCache:
        """The cache behind ``cell_look`` (the proxy asks it directly: one Python call less a cell)."""
        return self._looks

    def _new_look(self, row: int, column: int) -> Look:
        data = self.cell_data
        if COL_VALUE <= column < N_COLUMNS:  # only the display is formatted; the rest follows from it
            display = data(row, column, _DISPLAY)
            if display is None:
                return _BLANK_NUMBER
            errors = self._arrays[COL_REL_ERROR - COL_VALUE]
            if column == COL_REL_ERROR and errors is not None and errors[row] > REL_ERROR_WARNING:
                return display, RIGHT, _WARNING_BACKGROUND, _WARNING_FOREGROUND
            return display, RIGHT, None, None
        return (data(row, column, _DISPLAY), data(row, column, _ALIGNMENT), data(row, column, _BACKGROUND),
                data(row, column, _FOREGROUND))

    def _number_data(self, row: int, column: int, role: int) -> Any:
        if role == _ALIGNMENT:
            return RIGHT
        array = self._arrays[column - COL_VALUE]
        if array is None or not 0 <= row < array.shape[0]:
            return None
        value = float(array[row])
        if math.isnan(value):
            return None  # not known yet (a phase of an iteration shows only what it has computed)
        if role == _DISPLAY:
            # The screen's one format (model.numbers): a true minus, no "−0", ×10⁻⁵ for tiny values.
            return format_number(value, self._precision)
        if role == Qt.ItemDataRole.UserRole:
            return float(array[row])  # sorting and copying use the raw value, never the text
        warning = column == COL_REL_ERROR and array[row] > REL_ERROR_WARNING
        if role == Qt.ItemDataRole.ToolTipRole:
            # Every digit it takes to be exact, in the same format as the cell.
            if warning:
                return exact_number(array[row]) + "\n" + fill(
                    self.tr("Above %1: this gradient and its finite-difference estimate disagree."),
                    format_number(REL_ERROR_WARNING))
            return exact_number(array[row])
        if role == Qt.ItemDataRole.EditRole and column == self._edit_column:
            # The exact value as the screen writes it; the editor reads that back, or plain "-1e-5".
            return exact_number(array[row])
        if warning:
            if role == Qt.ItemDataRole.BackgroundRole:
                return _WARNING_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return _WARNING_FOREGROUND
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < N_COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tips()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBER_COLUMNS:
            return RIGHT
        return None

    def retranslate(self) -> None:
        """Headers are translated on demand; tell the views to fetch them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLUMNS - 1)

    # ---- texts ------------------------------------------------------------------
    def set_batch_size(self, batch: int) -> None:
        """One sample's gradient is ∂E_k/∂p; a batch's is the mean ∂E/∂p: the headers say which."""
        batch = max(1, int(batch))
        if batch != self._batch:
            self._batch = batch
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLUMNS - 1)

    def column_titles(self) -> tuple[str, ...]:
        if self._batch == 1:
            gradient, estimate = self.tr("∂Eₖ/∂p"), self.tr("∂Eₖ/∂p (finite diff.)")
        else:
            gradient, estimate = self.tr("∂E/∂p"), self.tr("∂E/∂p (finite diff.)")
        return (self.tr("Name"), self.tr("Layer"), self.tr("From → To"), self.tr("Value before"),
                gradient, self.tr("Δp"), self.tr("Value after"), estimate, self.tr("rel. error"))

    def _column_tips(self) -> tuple[str, ...]:
        return (
            self.tr("The parameter p in the note's notation"),
            self.tr("Layer after the input the parameter belongs to (1 = first hidden layer)"),
            self.tr("Unit in the layer before → unit in this layer (— for a threshold)"),
            self.tr("p before this iteration's update"),
            self.tr("∂Eₖ/∂p: gradient of this sample's error Eₖ, from the parameters before the update")
            if self._batch == 1 else
            self.tr("∂E/∂p = (1/B) Σₖ ∂Eₖ/∂p: gradient of the batch's mean error, from the parameters "
                    "before the update"),
            self.tr("Δp = −η ∂E/∂p: the change gradient descent applies"),
            self.tr("p + Δp: the value after the update"),
            self.tr("∂E/∂p estimated from the error alone: a central difference of E around p"
                    " (the gradient check)"),
            fill(self.tr("|∂E/∂p − estimate| / max(|∂E/∂p|, |estimate|, 10⁻⁶); above %1 it is"
                         " highlighted: the two disagree"), format_number(REL_ERROR_WARNING)),
        )

    def _role_word(self, layer: int) -> str:
        if layer == 0:
            return self.tr("input")
        if layer == self._n_layers:
            return self.tr("output")
        return self.tr("hidden")

    def describe(self, spec: ParameterSpec) -> str:
        """``v₁₂: weight from input x₁ to hidden b₂`` / ``θ₁: threshold of output ŷ₁`` (names as shown)."""
        n = max(self._n_layers, spec.layer)
        target = unit_symbol(spec.layer, spec.target, n).unicode
        if spec.kind == "threshold" or spec.source is None:
            meaning = fill(self.tr("threshold of {target_role} {target}"),
                           target_role=self._role_word(spec.layer), target=target)
        else:
            meaning = fill(self.tr("weight from {source_role} {source} to {target_role} {target}"),
                           source_role=self._role_word(spec.layer - 1),
                           source=unit_symbol(spec.layer - 1, spec.source, n).unicode,
                           target_role=self._role_word(spec.layer), target=target)
        return f"{display_name(spec)}: {meaning}"

    def run_ends(self) -> list[int]:
        """The last row of each layer's weights and of its thresholds.

        Indices grow along a run, so these rows have the widest names and unit numbers.
        """
        n = len(self._specs)
        if not n:
            return []
        layers, kinds = self._layers, self._is_threshold
        change = np.flatnonzero((layers[1:] != layers[:-1]) | (kinds[1:] != kinds[:-1]))
        return [*change.tolist(), n - 1]

    # ---- for the proxy: filtering and sorting in NumPy ------------------------------
    def filter_mask(self, layer: int, kind: str, text: str) -> np.ndarray:
        """Rows of layer ``layer`` (0: all), kind ``kind`` ("" for both) whose name contains ``text``.

        ``text`` as a learner types it: "v1", "v_12", "gamma", "γ₂", "v(1)", "v^(1)_11" (see ``search_needle``).
        """
        mask = np.ones(len(self._specs), dtype=bool)
        if layer:
            mask &= self._layers == layer
        if kind == KIND_WEIGHT:
            mask &= ~self._is_threshold
        elif kind == KIND_THRESHOLD:
            mask &= self._is_threshold
        needle = search_needle(text)
        if needle:
            mask &= self._name_index().matches(needle)
        return mask

    def _name_index(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self._specs)
        return self._names

    def sort_permutation(self, column: int, descending: bool) -> np.ndarray:
        """Rows in the order of ``column``; ties keep the canonical order; NaN and blanks last."""
        n = len(self._specs)
        if column in NUMBER_COLUMNS:
            array = self._arrays[column - COL_VALUE]
            if array is None:
                return np.arange(n)
            return np.argsort(-array if descending else array, kind="stable")  # NaN last either way
        if column == COL_LAYER:
            return np.argsort(-self._layers if descending else self._layers, kind="stable")
        if column == COL_FROM_TO:
            s, t = self._sources, self._targets
            return np.lexsort((-t, -s)) if descending else np.lexsort((t, s))
        if column == COL_NAME:
            order = self._name_index().order()  # natural: the letter, the layer, the indices as numbers
            return order[::-1] if descending else order
        return np.arange(n)

    # ---- text out ---------------------------------------------------------------
    def text_columns(self) -> list[np.ndarray | None]:
        """The numbers' columns written out: the check's two only while one is set (``model.table_text``)."""
        return list(self._arrays if self.has_check() else self._arrays[:len(NUMERIC_COLUMNS)])

    def text_titles(self) -> tuple[str, ...]:
        """The column titles of the copied text: the check's only while one is set."""
        titles = self.column_titles()
        return titles if self.has_check() else titles[:COL_FD_GRADIENT]

    def csv_header(self) -> tuple[str, ...]:
        return CSV_HEADER + CSV_CHECK_HEADER if self.has_check() else CSV_HEADER

    def _text_rows(self, rows: np.ndarray) -> TableRows:
        """``rows`` as ``model.table_text`` writes them out (columns by columns: row by row, 10⁶ rows took 9 s)."""
        return TableRows(self._name_index().names(rows), self._layers[rows], self._is_threshold[rows],
                         self._sources[rows], self._targets[rows],
                         [None if a is None else a[rows] for a in self.text_columns()])

    def tsv_text(self, rows: Sequence[int] | np.ndarray) -> str:
        """The given rows, tab-separated under the column titles, numbers at full precision.

        Names in the plain form (``v_11``, ``v^(1)_11``), as in the CSV and the command line's output.

        The check's two columns are included while a check is set.
        """
        return tsv_text(self.text_titles(), self._text_rows(np.asarray(rows, dtype=np.int64)))

    def csv_text(self) -> str:
        """Every row in canonical order as CSV (``CSV_HEADER``), full precision, blanks empty.

        While a check is set, ``CSV_CHECK_HEADER``'s two columns follow.
        """
        return csv_text(self.csv_header(), self._text_rows(np.arange(len(self._specs), dtype=np.int64)))
