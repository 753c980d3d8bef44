"""The gradient table: every parameter's value before, ∂E/∂p, Δp and value after.

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
per row beyond the spec list: the numbers stay in the record's NumPy arrays and
``data()`` reads them for the cells Qt paints. Sorting and filtering are done in
NumPy too. A ``QSortFilterProxyModel`` sorts by calling back into Python for
every comparison (about 14 s for 99,330 rows here, 4 s even with a precomputed
rank), so ``GradientFilterProxyModel`` is a ``QAbstractProxyModel`` whose row
mapping is a NumPy permutation: a re-sort is one ``argsort`` (milliseconds) and
one ``layoutChanged``. Like a QSortFilterProxyModel with ``dynamicSortFilter``
off it never re-sorts by itself; the view re-applies the sort at most every
500 ms while values stream in, and at once when a header is clicked.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QBrush, QColor, QGuiApplication, QKeySequence
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
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..model.naming import ParameterSpec, parameter_specs, unit_symbol
from ..model.records import IterationRecord

(COL_NAME, COL_LAYER, COL_FROM_TO, COL_VALUE, COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE,
 COL_FD_GRADIENT, COL_REL_ERROR) = range(9)
N_COLUMNS = 9
NUMERIC_COLUMNS = (COL_VALUE, COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE)  # an iteration's numbers
CHECK_COLUMNS = (COL_FD_GRADIENT, COL_REL_ERROR)  # a gradient check's, hidden without one
NUMBER_COLUMNS = NUMERIC_COLUMNS + CHECK_COLUMNS
# A relative error above this is highlighted: a correct gradient agrees to far more digits.
REL_ERROR_WARNING = 1e-4

DEFAULT_PRECISION = 6
MIN_PRECISION, MAX_PRECISION = 1, 17  # 17 significant digits round-trip every float64
RESORT_INTERVAL_MS = 500

CSV_HEADER = ("name", "layer", "kind", "from", "to", "value", "gradient", "update", "new_value")
CSV_CHECK_HEADER = ("fd_gradient", "fd_relative_error")  # appended while a check is set

KIND_ALL, KIND_WEIGHT, KIND_THRESHOLD = "", "weight", "threshold"

# PySide picks the argument-less overload of the layout signals unless told which.
_LAYOUT_SIGNATURE = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter
# A warm background with dark text, readable in light and dark palettes alike.
_WARNING_BACKGROUND = QBrush(QColor(255, 205, 160))
_WARNING_FOREGROUND = QBrush(QColor(40, 20, 0))
_MAX_QUOTED = 40  # characters of a refused edit's text quoted in the message


# Greek letters are hard to type: the filter accepts their names too.
_GREEK_NAMES = (("gamma", "γ"), ("theta", "θ"), ("alpha", "α"), ("beta", "β"), ("eta", "η"))


def _greek(text: str) -> str:
    for name, letter in _GREEK_NAMES:
        text = text.replace(name, letter)
    return text


def _fill(template: str, *args) -> str:
    """Qt's ``%1``..``%9`` placeholders filled in one pass (an argument's own "%2" stays as it is)."""
    return re.sub(r"%([1-9])", lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args)
                  else m.group(0), template)


def _parse_number(value) -> float | None:
    """``value`` (text from the editor, or a number) as a float, None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.floating, np.integer)):
        return float(value)
    text = str(value).strip().replace("\u2212", "-")  # a typographic minus is still a minus
    try:
        return float(text)
    except ValueError:
        return None


def _readonly(array) -> np.ndarray | None:
    """A read-only float64 view (no copy for float64 input): the table never writes."""
    if array is None:
        return None
    view = np.asarray(array, dtype=np.float64).view()
    view.setflags(write=False)
    return view


def _layer_sizes_of(specs: Sequence[ParameterSpec], layers: np.ndarray, is_threshold: np.ndarray) -> tuple[int, ...]:
    """The layer sizes ``specs`` were made from, or ``()`` if they are not a whole network."""
    if not specs:
        return ()
    n_layers = int(layers.max())
    sizes: list[int] = []
    for k in range(1, n_layers + 1):
        in_layer = layers == k
        n_out = int(np.count_nonzero(in_layer & is_threshold))
        n_weights = int(np.count_nonzero(in_layer & ~is_threshold))
        if n_out == 0 or n_weights % n_out:
            return ()
        n_in = n_weights // n_out
        if sizes and sizes[-1] != n_in:
            return ()
        if not sizes:
            sizes.append(n_in)
        sizes.append(n_out)
    return tuple(sizes)


class GradientTableModel(QAbstractTableModel):
    """Rows are parameters in canonical order; the numbers are read from NumPy arrays on demand.

    ``setData`` never changes the model: an accepted edit of "Value before"
    emits ``value_edit_requested(row, value)``, a refused one
    ``invalid_edit(message)``.
    """

    check_changed = Signal()  # a gradient check was set or cleared
    value_edit_requested = Signal(int, float)  # canonical index, new value
    invalid_edit = Signal(str)  # why an edit was refused

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._specs: list[ParameterSpec] = []
        # One array (or None: blank) per column in NUMBER_COLUMNS, in that order.
        self._arrays: list[np.ndarray | None] = [None] * len(NUMBER_COLUMNS)
        self._editable = False
        self._edit_column = COL_VALUE  # the column holding the parameters an edit changes
        self._precision = DEFAULT_PRECISION
        self._format = f".{DEFAULT_PRECISION}g"
        self._set_structure_arrays([])

    # ---- structure --------------------------------------------------------------
    def _set_structure_arrays(self, specs: list[ParameterSpec]) -> None:
        n = len(specs)
        layers = np.fromiter((s.layer for s in specs), np.int64, n)
        is_threshold = np.fromiter((s.kind == "threshold" for s in specs), bool, n)
        sources = np.fromiter((0 if s.source is None else s.source for s in specs), np.int64, n)
        targets = np.fromiter((s.target for s in specs), np.int64, n)
        for a in (layers, is_threshold, sources, targets):
            a.setflags(write=False)
        self._layers, self._is_threshold, self._sources, self._targets = layers, is_threshold, sources, targets
        self._n_layers = int(layers.max()) if n else 0
        self._layer_sizes = _layer_sizes_of(specs, layers, is_threshold)
        self._folded_names: list[str] | None = None  # built on the first text filter
        self._name_order: np.ndarray | None = None  # built on the first sort by name

    def set_structure(self, specs: Sequence[ParameterSpec]) -> None:
        """New rows (one per spec, canonical order); every number becomes blank. Resets the model."""
        specs = list(specs)
        had_check = self.has_check()
        self.beginResetModel()
        self._specs = specs
        self._arrays = [None] * len(NUMBER_COLUMNS)
        self._set_structure_arrays(specs)
        self.endResetModel()
        if had_check:
            self.check_changed.emit()

    @property
    def specs(self) -> list[ParameterSpec]:
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
    def _checked_array(self, array, what: str) -> np.ndarray | None:
        n = len(self._specs)
        view = _readonly(array)
        if view is not None and (view.ndim != 1 or view.shape[0] != n):
            raise ValueError(f"{what} must be a 1-D array of {n} numbers, got shape {view.shape}")
        return view

    def set_values(self, values, gradients, updates, new_values) -> None:
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
        self._emit_numbers_changed([], COL_REL_ERROR if had_check else COL_NEW_VALUE)
        if had_check:
            self.check_changed.emit()

    def set_check(self, estimates, relative_errors) -> None:
        """A gradient check: ∂E/∂p by finite differences and its relative error, per row.

        Both are 1-D arrays of one entry per row in canonical order, NaN where
        a parameter was not checked (a blank cell); both None clear the check.
        Emits one ``dataChanged`` over the check's two columns and ``check_changed``.
        """
        if (estimates is None) != (relative_errors is None):
            raise ValueError("give both the estimates and the relative errors, or neither")
        estimates = self._checked_array(estimates, "estimates")
        relative_errors = self._checked_array(relative_errors, "relative_errors")
        had_check = self.has_check()
        self._arrays[len(NUMERIC_COLUMNS):] = [estimates, relative_errors]
        if had_check or estimates is not None:
            n = len(self._specs)
            if n:
                self.dataChanged.emit(self.index(0, COL_FD_GRADIENT), self.index(n - 1, COL_REL_ERROR), [])
            self.check_changed.emit()

    def has_check(self) -> bool:
        """Whether a gradient check is set (its columns have data)."""
        return self._arrays[COL_FD_GRADIENT - COL_VALUE] is not None

    def check_arrays(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """The check's (estimates, relative errors), read-only; (None, None) without a check."""
        return self._arrays[COL_FD_GRADIENT - COL_VALUE], self._arrays[COL_REL_ERROR - COL_VALUE]

    def check_summary_parts(self) -> tuple[int, float, int, int]:
        """(row of the largest relative error or −1, that error or NaN, rows checked, rows)."""
        estimates, errors = self.check_arrays()
        n = len(self._specs)
        if estimates is None:
            return -1, math.nan, 0, n
        checked = int(np.count_nonzero(~np.isnan(estimates)))
        if np.isnan(errors).all():
            return -1, math.nan, checked, n
        worst = int(np.nanargmax(errors))  # NaN (not checked) never counts as the largest
        return worst, float(errors[worst]), checked, n

    def column_array(self, column: int) -> np.ndarray | None:
        """The read-only array behind a numeric column (None when blank or not numeric)."""
        if column in NUMBER_COLUMNS:
            return self._arrays[column - COL_VALUE]
        return None

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

    def edit_column(self) -> int:
        return self._edit_column

    def is_cell_editable(self, row: int, column: int) -> bool:
        """Only the edit column, only while editing is allowed, only where there is a value."""
        if not self._editable or column != self._edit_column:
            return False
        values = self._arrays[column - COL_VALUE]
        return values is not None and 0 <= row < values.shape[0] and not math.isnan(values[row])

    def request_edit(self, row: int, value) -> bool:
        """Ask for ``row``'s value to be ``value`` (text or a number); the model itself does not change.

        A finite number other than the current value emits
        ``value_edit_requested(row, number)``; anything else that is not a
        finite number emits ``invalid_edit`` with a message naming the
        parameter. Returns whether ``value_edit_requested`` was emitted.
        """
        if not self.is_cell_editable(row, self._edit_column):
            return False
        number = _parse_number(value)
        if number is None or not math.isfinite(number):
            text = str(value).strip()
            if len(text) > _MAX_QUOTED:
                text = text[:_MAX_QUOTED - 1] + "…"
            if number is not None and math.isinf(number):
                template = self.tr("%1: “%2” is not a finite number.")
            else:
                template = self.tr("%1: “%2” is not a number.")
            self.invalid_edit.emit(_fill(template, self._specs[row].name, text))
            return False
        if number == float(self._arrays[self._edit_column - COL_VALUE][row]):
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
        self._format = f".{digits}g"
        self._emit_numbers_changed([Qt.ItemDataRole.DisplayRole])

    def format_number(self, value: float) -> str:
        """How a number is displayed at the current precision."""
        return format(float(value) + 0.0, self._format)

    def _emit_numbers_changed(self, roles: list, last_column: int | None = None) -> None:
        n = len(self._specs)
        if last_column is None:
            last_column = COL_REL_ERROR if self.has_check() else COL_NEW_VALUE
        if n:
            self.dataChanged.emit(self.index(0, COL_VALUE), self.index(n - 1, last_column), roles)

    # ---- Qt model interface -----------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._specs)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLUMNS

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.cell_flags(index.row(), index.column())

    def cell_flags(self, row: int, column: int):
        """``flags()`` without a QModelIndex (for the proxy)."""
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.is_cell_editable(row, column):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        """Never changes the model (returns False): an edit of "Value before" becomes a request.

        See ``request_edit``.
        """
        if index.isValid() and role == Qt.ItemDataRole.EditRole and index.column() == self._edit_column:
            self.request_edit(index.row(), value)
        return False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.cell_data(index.row(), index.column(), role)

    def cell_data(self, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
        """``data()`` without a QModelIndex (the proxy calls this for every painted cell)."""
        if COL_VALUE <= column < N_COLUMNS:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
            array = self._arrays[column - COL_VALUE]
            if array is None or not 0 <= row < array.shape[0]:
                return None
            if math.isnan(array[row]):
                return None  # not known yet (a phase of an iteration shows only what it has computed)
            if role == Qt.ItemDataRole.DisplayRole:
                # + 0.0 shows −0.0 as "0" (a learner reads "-0" as a bug); the raw value stays exact.
                return format(float(array[row]) + 0.0, self._format)
            if role == Qt.ItemDataRole.UserRole:
                return float(array[row])
            if role == Qt.ItemDataRole.ToolTipRole:
                if column == COL_REL_ERROR and array[row] > REL_ERROR_WARNING:
                    return repr(float(array[row])) + "\n" + _fill(
                        self.tr("Above %1: this gradient and its finite-difference estimate disagree."),
                        format(REL_ERROR_WARNING, "g"))
                return repr(float(array[row]))
            if role == Qt.ItemDataRole.EditRole and column == self._edit_column:
                return repr(float(array[row]))  # the exact value, as text: a plain line edit
            if column == COL_REL_ERROR and array[row] > REL_ERROR_WARNING:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return _WARNING_BACKGROUND
                if role == Qt.ItemDataRole.ForegroundRole:
                    return _WARNING_FOREGROUND
            return None
        if not 0 <= row < len(self._specs):
            return None
        spec = self._specs[row]
        if column == COL_NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return spec.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.describe(spec)
        elif column == COL_LAYER:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return spec.layer
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
        elif column == COL_FROM_TO:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return self.from_to_text(spec)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _CENTRE
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.describe(spec)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < N_COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tips()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBER_COLUMNS:
            return _RIGHT
        return None

    def retranslate(self) -> None:
        """Headers are translated on demand; tell the views to fetch them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLUMNS - 1)

    # ---- texts ------------------------------------------------------------------
    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Layer"), self.tr("From → To"), self.tr("Value before"),
                self.tr("∂E/∂p"), self.tr("Δp"), self.tr("Value after"), self.tr("∂E/∂p (finite diff.)"),
                self.tr("rel. error"))

    def _column_tips(self) -> tuple[str, ...]:
        return (
            self.tr("The parameter p in the note's notation"),
            self.tr("Layer after the input the parameter belongs to (1 = first hidden layer)"),
            self.tr("Unit in the layer before → unit in this layer (— for a threshold)"),
            self.tr("p before this iteration's update"),
            self.tr("∂E/∂p: gradient of the error, from the parameters before the update"),
            self.tr("Δp = −η ∂E/∂p: the change gradient descent applies"),
            self.tr("p + Δp: the value after the update"),
            self.tr("∂E/∂p estimated from the error alone: a central difference of E around p"
                    " (the gradient check)"),
            _fill(self.tr("|∂E/∂p − estimate| / max(|∂E/∂p|, |estimate|, 10⁻⁶); above %1 it is"
                          " highlighted: the two disagree"), format(REL_ERROR_WARNING, "g")),
        )

    @staticmethod
    def from_to_text(spec: ParameterSpec) -> str:
        source = "—" if spec.source is None else str(spec.source)
        return f"{source} → {spec.target}"

    def _role_word(self, layer: int) -> str:
        if layer == 0:
            return self.tr("input")
        if layer == self._n_layers:
            return self.tr("output")
        return self.tr("hidden")

    def describe(self, spec: ParameterSpec) -> str:
        """``v_12: weight from input x_1 to hidden b_2`` / ``θ_1: threshold of output ŷ_1``."""
        n = max(self._n_layers, spec.layer)
        target = unit_symbol(spec.layer, spec.target, n).text
        if spec.kind == "threshold":
            meaning = self.tr("threshold of {target_role} {target}").format(
                target_role=self._role_word(spec.layer), target=target)
        else:
            meaning = self.tr("weight from {source_role} {source} to {target_role} {target}").format(
                source_role=self._role_word(spec.layer - 1),
                source=unit_symbol(spec.layer - 1, spec.source, n).text,
                target_role=self._role_word(spec.layer), target=target)
        return f"{spec.name}: {meaning}"

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
        """Rows of layer ``layer`` (0: all), kind ``kind`` ("" for both) whose name contains ``text``."""
        mask = np.ones(len(self._specs), dtype=bool)
        if layer:
            mask &= self._layers == layer
        if kind == KIND_WEIGHT:
            mask &= ~self._is_threshold
        elif kind == KIND_THRESHOLD:
            mask &= self._is_threshold
        needle = _greek(text.strip().casefold())
        if needle:
            if self._folded_names is None:
                self._folded_names = [s.name.casefold() for s in self._specs]
            mask &= np.fromiter((needle in name for name in self._folded_names), bool, len(self._specs))
        return mask

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
            if self._name_order is None:
                # Natural order: the letter, the layer superscript, then the indices as numbers.
                keys = [(s.symbol.base, s.symbol.layer or 0, s.symbol.indices) for s in self._specs]
                self._name_order = np.array(sorted(range(n), key=keys.__getitem__), dtype=np.int64)
            return self._name_order[::-1] if descending else self._name_order
        return np.arange(n)

    # ---- text out ---------------------------------------------------------------
    def _exported_arrays(self) -> list[np.ndarray | None]:
        """The numeric columns written out: the check's only while one is set."""
        return self._arrays if self.has_check() else self._arrays[:len(NUMERIC_COLUMNS)]

    def tsv_text(self, rows: Sequence[int]) -> str:
        """The given rows, tab-separated under the column titles, numbers at full precision.

        The check's two columns are included while a check is set.
        """
        columns = [a.tolist() if a is not None else None for a in self._exported_arrays()]
        titles = self.column_titles()
        lines = ["\t".join(titles if self.has_check() else titles[:COL_FD_GRADIENT])]
        specs = self._specs
        for row in rows:
            spec = specs[row]
            fields = [spec.name, str(spec.layer), self.from_to_text(spec)]
            fields += ["" if c is None or math.isnan(c[row]) else repr(c[row]) for c in columns]
            lines.append("\t".join(fields))
        return "\n".join(lines) + "\n"

    def csv_text(self) -> str:
        """Every row in canonical order as CSV (``CSV_HEADER``), full precision, blanks empty.

        While a check is set, ``CSV_CHECK_HEADER``'s two columns follow.
        """
        columns = [a.tolist() if a is not None else None for a in self._exported_arrays()]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_HEADER + CSV_CHECK_HEADER if self.has_check() else CSV_HEADER)
        for row, spec in enumerate(self._specs):
            fields = [spec.name, spec.layer, spec.kind, "" if spec.source is None else spec.source, spec.target]
            fields += ["" if c is None or math.isnan(c[row]) else repr(c[row]) for c in columns]
            writer.writerow(fields)
        return buffer.getvalue()


class GradientFilterProxyModel(QAbstractProxyModel):
    """Filters by layer, kind and name, and sorts by the raw numbers, with a NumPy row mapping.

    ``_order[proxy_row]`` is the source row; ``_proxy_rows[source_row]`` the
    proxy row or −1. It never re-sorts by itself when values change (call
    ``resort``); filters do not depend on values, so they are applied only
    when they change.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._source: GradientTableModel | None = None
        self._order = np.empty(0, dtype=np.int64)
        self._proxy_rows = np.empty(0, dtype=np.int64)
        self._mask = np.empty(0, dtype=bool)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._layer = 0
        self._kind = KIND_ALL
        self._text = ""

    # ---- source -----------------------------------------------------------------
    def setSourceModel(self, model) -> None:
        if not isinstance(model, GradientTableModel):
            raise TypeError("GradientFilterProxyModel shows a GradientTableModel")
        if self._source is not None:
            old = self._source
            old.modelAboutToBeReset.disconnect(self._on_source_model_about_to_be_reset)
            old.modelReset.disconnect(self._on_source_model_reset)
            old.dataChanged.disconnect(self._on_source_data_changed)
            old.headerDataChanged.disconnect(self._on_source_header_data_changed)
        self.beginResetModel()
        super().setSourceModel(model)
        self._source = model
        model.modelAboutToBeReset.connect(self._on_source_model_about_to_be_reset)
        model.modelReset.connect(self._on_source_model_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        model.headerDataChanged.connect(self._on_source_header_data_changed)
        self._rebuild()
        self.endResetModel()

    @Slot()
    def _on_source_model_about_to_be_reset(self) -> None:
        self.beginResetModel()

    @Slot()
    def _on_source_model_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _on_source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        rows = self._order.shape[0]
        if rows and top_left.isValid() and bottom_right.isValid():
            # The changed source rows may sit anywhere once sorted: one signal over every row.
            self.dataChanged.emit(self.index(0, top_left.column()), self.index(rows - 1, bottom_right.column()),
                                  list(roles))

    def _on_source_header_data_changed(self, orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.headerDataChanged.emit(orientation, first, last)

    # ---- mapping ------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Recompute the filter and the order from scratch (inside a reset)."""
        source = self._source
        self._mask = source.filter_mask(self._layer, self._kind, self._text) if source else np.empty(0, bool)
        self._set_order(self._sorted_rows())

    def _sorted_rows(self) -> np.ndarray:
        if self._source is None:
            return np.empty(0, dtype=np.int64)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        permutation = self._source.sort_permutation(self._sort_column, descending)
        return permutation[self._mask[permutation]]

    def _set_order(self, order: np.ndarray) -> None:
        order = np.ascontiguousarray(order, dtype=np.int64)
        proxy_rows = np.full(self._mask.shape[0], -1, dtype=np.int64)
        proxy_rows[order] = np.arange(order.shape[0])
        self._order, self._proxy_rows = order, proxy_rows

    def _change_layout(self, hint) -> None:
        """Apply a new filter or order as one layout change; persistent indexes (selection) follow their rows."""
        self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], hint)
        old = self.persistentIndexList()
        kept = [(int(self._order[i.row()]), i.column()) for i in old]
        self._set_order(self._sorted_rows())
        new = []
        for source_row, column in kept:
            row = int(self._proxy_rows[source_row])
            new.append(self.index(row, column) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged[_LAYOUT_SIGNATURE].emit([], hint)

    def source_row(self, proxy_row: int) -> int:
        """The canonical index shown in ``proxy_row``."""
        return int(self._order[proxy_row])

    def proxy_row(self, source_row: int) -> int:
        """Where ``source_row`` is shown, −1 if it is filtered out."""
        if not 0 <= source_row < self._proxy_rows.shape[0]:
            return -1
        return int(self._proxy_rows[source_row])

    def visible_source_rows(self) -> np.ndarray:
        """The canonical indices of every shown row, in the shown order (read-only)."""
        view = self._order.view()
        view.setflags(write=False)
        return view

    def mapToSource(self, proxy_index):
        if not proxy_index.isValid() or self._source is None:
            return QModelIndex()
        return self._source.index(int(self._order[proxy_index.row()]), proxy_index.column())

    def mapFromSource(self, source_index):
        if not source_index.isValid():
            return QModelIndex()
        row = self.proxy_row(source_index.row())
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    # ---- Qt model interface ---------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):  # noqa: B008
        if parent.isValid() or not 0 <= row < self._order.shape[0] or not 0 <= column < N_COLUMNS:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child=None):
        if child is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row, column, index):
        return self.index(row, column)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._order.shape[0])

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._source is None else N_COLUMNS

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._order.shape[0] > 0

    def flags(self, index):
        if not index.isValid() or self._source is None:
            return Qt.ItemFlag.NoItemFlags
        return self._source.cell_flags(int(self._order[index.row()]), index.column())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._source is None:
            return None
        return self._source.cell_data(int(self._order[index.row()]), index.column(), role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        """Passed to the source row shown at ``index`` (which only turns an edit into a request)."""
        if not index.isValid() or self._source is None:
            return False
        return self._source.setData(self.mapToSource(index), value, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        return self._source.headerData(section, orientation, role) if self._source is not None else None

    # ---- sorting ----------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (−1: canonical order) now; numbers by their raw value."""
        self._sort_column = int(column)
        self._sort_order = Qt.SortOrder(order)
        self._change_layout(QAbstractItemModel.LayoutChangeHint.VerticalSortHint)

    def resort(self) -> None:
        """Re-apply the current sort to the current numbers."""
        self.sort(self._sort_column, self._sort_order)

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    # ---- filtering ----------------------------------------------------------------------
    def set_filter(self, *, layer: int | None = None, kind: str | None = None, text: str | None = None) -> None:
        """Change any of the filters: ``layer`` (0 = all), ``kind`` ("", "weight", "threshold"), ``text``."""
        new = (self._layer if layer is None else int(layer),
               self._kind if kind is None else kind,
               self._text if text is None else text)
        if new[1] not in (KIND_ALL, KIND_WEIGHT, KIND_THRESHOLD):
            raise ValueError(f"kind must be '', 'weight' or 'threshold', got {kind!r}")
        if new == (self._layer, self._kind, self._text):
            return
        self._layer, self._kind, self._text = new
        if self._source is not None:
            self._mask = self._source.filter_mask(*new)
        self._change_layout(QAbstractItemModel.LayoutChangeHint.NoLayoutChangeHint)

    def filters(self) -> tuple[int, str, str]:
        """``(layer, kind, text)``."""
        return self._layer, self._kind, self._text


class _ValueEditDelegate(QStyledItemDelegate):
    """A plain line edit holding the exact value; the text is handed to the model as it is."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.open_editor: QLineEdit | None = None  # (a closed one lingers until deleted later)

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setObjectName("valueEditor")
        editor.setAlignment(_RIGHT)
        self.open_editor = editor
        return editor

    def destroyEditor(self, editor, index) -> None:
        if editor is self.open_editor:
            self.open_editor = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor, index) -> None:
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class GradientTableView(QWidget):
    """The table with its filter bar, precision box and copy button, and a gradient check's summary."""

    parameter_selected = Signal(int)
    value_edit_requested = Signal(int, float)  # canonical index, new value ("Value before" edited)
    invalid_edit = Signal(str)  # an edit was refused, and why (names the parameter)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._model = GradientTableModel(self)
        self._proxy = GradientFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._last_emitted = -1
        self._silent = 0  # > 0 while selecting on request: no parameter_selected
        self._natural_widths: dict[int, int] = {}
        self._auto_widths = True
        self._setting_widths = False
        self._header_pressed = False

        self._layer_combo = QComboBox(self)
        self._layer_combo.setObjectName("layerFilter")
        self._layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._kind_combo = QComboBox(self)
        self._kind_combo.setObjectName("kindFilter")
        self._kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in (KIND_ALL, KIND_WEIGHT, KIND_THRESHOLD):
            self._kind_combo.addItem("", kind)
        self._text_filter = QLineEdit(self)
        self._text_filter.setObjectName("nameFilter")
        self._text_filter.setClearButtonEnabled(True)
        self._text_filter.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 7)
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
        self._value_delegate = _ValueEditDelegate(self._table)
        self._table.setItemDelegateForColumn(COL_VALUE, self._value_delegate)
        self._table.setItemDelegateForColumn(COL_NEW_VALUE, self._value_delegate)
        self._table.setWordWrap(False)
        self._table.setAlternatingRowColors(True)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self._table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self._table.fontMetrics().height() + 6)
        vertical.hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)  # a third click returns to the canonical order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._table.setSortingEnabled(True)
        for column in CHECK_COLUMNS:
            self._table.setColumnHidden(column, True)

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._bar)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._check_label)

        self._resort_timer = QTimer(self)
        self._resort_timer.setSingleShot(True)
        self._resort_timer.setInterval(RESORT_INTERVAL_MS)

        self._layer_combo.currentIndexChanged.connect(self._on_layer_combo_changed)
        self._kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self._text_filter.textChanged.connect(self._on_text_filter_changed)
        self._precision_box.valueChanged.connect(self._on_precision_box_changed)
        self._copy_button.clicked.connect(self._on_copy_button_clicked)
        self._copy_action.triggered.connect(self._on_copy_action_triggered)
        self._resort_timer.timeout.connect(self._on_resort_timer_timeout)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        header.sectionResized.connect(self._on_header_section_resized)
        self._table.viewport().installEventFilter(self)
        header.viewport().installEventFilter(self)
        selection = self._table.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        selection.currentRowChanged.connect(self._on_selection_current_row_changed)
        self._model.check_changed.connect(self._on_model_check_changed)
        self._model.value_edit_requested.connect(self._on_model_value_edit_requested)
        self._model.invalid_edit.connect(self._on_model_invalid_edit)
        self._proxy.modelReset.connect(self._on_proxy_model_reset)

        self._retranslate_ui()
        self._rebuild_layer_combo()
        self._update_column_widths()
        self._set_explicit_minimum()

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

    def set_values(self, values, gradients, updates, new_values) -> None:
        """The four numeric columns (None for a blank one); see ``GradientTableModel.set_values``.

        Always clears (and hides) the gradient check, even for the same arrays:
        call ``set_check`` after this to show one.
        """
        self._model.set_values(values, gradients, updates, new_values)
        self._resort_soon()

    def set_record(self, record: IterationRecord | None, values_if_none=None) -> None:
        """Show an iteration's record; None shows ``values_if_none`` (e.g. the current parameters) alone.

        A record of another network shape replaces the rows first.
        """
        if record is not None:
            sizes = tuple(record.layer_sizes)
            if sizes != self._model.layer_sizes or len(self._model.specs) != record.flat_values.shape[0]:
                self.set_structure(parameter_specs(sizes))
            self.set_values(record.flat_values, record.flat_gradients, record.flat_updates,
                            record.flat_new_values)
        else:
            self.set_values(values_if_none, None, None, None)

    def _resort_soon(self) -> None:
        if self._proxy.sort_column() in NUMBER_COLUMNS and not self._resort_timer.isActive():
            self._resort_timer.start()  # coalesce: at most one re-sort per interval

    # ---- gradient check ------------------------------------------------------------------------
    def set_check(self, estimates, relative_errors) -> None:
        """Show a gradient check, or hide it (both None); see ``GradientTableModel.set_check``.

        ``estimates`` (∂E/∂p by finite differences) and ``relative_errors`` are
        full-length arrays in canonical order, NaN where a parameter was not
        checked. Their two columns and the summary under the table are shown
        while a check is set. ``set_values``/``set_record`` clear it.
        """
        self._model.set_check(estimates, relative_errors)
        self._resort_soon()

    def has_check(self) -> bool:
        return self._model.has_check()

    def check_summary(self) -> str:
        """E.g. "largest relative error 3.2e-09 (v_12); 9 of 9 parameters checked" ("" without a check)."""
        if not self._model.has_check():
            return ""
        worst, error, checked, total = self._model.check_summary_parts()
        if worst < 0:
            return _fill(self.tr("%1 of %2 parameters checked"), checked, total)
        return _fill(self.tr("largest relative error %1 (%2); %3 of %4 parameters checked"),
                     format(error, ".2g"), self._model.specs[worst].name, checked, total)

    @Slot()
    def _on_model_check_changed(self) -> None:
        self._update_check_ui()

    @Slot()
    def _on_proxy_model_reset(self) -> None:
        self._update_check_ui()  # a reset forgets which header sections were hidden

    def _update_check_ui(self) -> None:
        shown = self._model.has_check()
        for column in CHECK_COLUMNS:
            if self._table.isColumnHidden(column) == shown:
                self._table.setColumnHidden(column, not shown)
        summary = self.check_summary()
        self._check_label.setText(summary)
        tip = _fill(self.tr("Relative errors above %1 are highlighted."), format(REL_ERROR_WARNING, "g"))
        self._check_label.setToolTip(f"{summary}\n{tip}" if shown else "")
        self._check_label.setVisible(shown)
        self._apply_column_widths()

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

    @Slot(int, float)
    def _on_model_value_edit_requested(self, index: int, value: float) -> None:
        self.value_edit_requested.emit(index, value)

    @Slot(str)
    def _on_model_invalid_edit(self, message: str) -> None:
        self.invalid_edit.emit(message)

    def precision(self) -> int:
        return self._model.precision()

    def set_precision(self, digits: int) -> None:
        """Significant digits shown (1–17); the spin box follows."""
        self._precision_box.setValue(int(digits))

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
            target = self._proxy.index(self._proxy.proxy_row(index), COL_NAME)
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
        ranges = list(selection.selection())
        if not ranges:
            return -1
        return self._proxy.source_row(min(r.top() for r in ranges))

    def _selected_proxy_rows(self) -> np.ndarray:
        rows = [np.arange(r.top(), r.bottom() + 1) for r in self._table.selectionModel().selection()]
        return np.unique(np.concatenate(rows)) if rows else np.empty(0, dtype=np.int64)

    def _sync_selection(self) -> None:
        if self._silent:
            return
        index = self.selected_parameter()
        if index != self._last_emitted:
            self._last_emitted = index
            self.parameter_selected.emit(index)

    @Slot()
    def _on_selection_changed(self, *_args) -> None:
        self._sync_selection()

    @Slot()
    def _on_selection_current_row_changed(self, *_args) -> None:
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
                combo.addItem(self.tr("Layer {number}").format(number=layer), layer)
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
    def _on_header_sort_indicator_changed(self, _column: int, _order) -> None:
        self._resort_timer.stop()  # the table view sorts right away

    @Slot()
    def _on_resort_timer_timeout(self) -> None:
        self._proxy.resort()

    # ---- precision ------------------------------------------------------------------------------------
    @Slot(int)
    def _on_precision_box_changed(self, digits: int) -> None:
        self._model.set_precision(digits)
        self._update_column_widths(names=False)

    def _update_column_widths(self, names: bool = True) -> None:
        """Widths that fit the names and numbers; spare room goes to the number columns."""
        table_metrics = self._table.fontMetrics()
        header_metrics = self._table.horizontalHeader().fontMetrics()
        titles = self._model.column_titles()
        em = table_metrics.horizontalAdvance("M")

        def width(title: str, sample: str) -> int:
            # The header needs room for the sort arrow; cells only for their margins.
            return max(header_metrics.horizontalAdvance(title) + 2 * em, table_metrics.horizontalAdvance(sample) + em)

        if names:
            specs = self._model.specs
            ends = self._model.run_ends()
            widest = max((specs[i].name for i in ends), key=table_metrics.horizontalAdvance, default="w_00")
            self._natural_widths[COL_NAME] = width(titles[COL_NAME], widest)
            self._natural_widths[COL_LAYER] = width(titles[COL_LAYER], "00")
            biggest = max((max(s.target, s.source or 0) for s in (specs[i] for i in ends)), default=9)
            self._natural_widths[COL_FROM_TO] = width(titles[COL_FROM_TO], f"{biggest} → {biggest}")
        digits = self._model.precision()
        sample = "-8." + "8" * (digits - 1) + "e-08"  # a long "g" format of this precision (wider ones elide)
        for column in NUMBER_COLUMNS:
            self._natural_widths[column] = width(titles[column], sample)
        self._auto_widths = True
        self._apply_column_widths()

    def _apply_column_widths(self) -> None:
        """Natural widths, the slack of a wide viewport shared by the number columns (until a user resize)."""
        if not self._auto_widths or len(self._natural_widths) < N_COLUMNS:
            return
        widths = dict(self._natural_widths)
        numbers = [c for c in NUMBER_COLUMNS if not self._table.isColumnHidden(c)]
        shown = sum(w for c, w in widths.items() if not self._table.isColumnHidden(c))
        slack = self._table.viewport().width() - shown
        if slack > 0:
            share, extra = divmod(slack, len(numbers))
            for column in numbers:
                widths[column] += share
            widths[numbers[-1]] += extra
        self._setting_widths = True
        try:
            for column, width in widths.items():
                self._table.setColumnWidth(column, width)
        finally:
            self._setting_widths = False

    @Slot(int, int, int)
    def _on_header_section_resized(self, _column: int, _old: int, _new: int) -> None:
        if self._header_pressed and not self._setting_widths:
            self._auto_widths = False  # the user dragged a border: keep their widths

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self._table.viewport() and kind == QEvent.Type.Resize:
            self._apply_column_widths()
        elif watched is self._table.horizontalHeader().viewport():
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._header_pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
        return super().eventFilter(watched, event)

    # ---- copy and export --------------------------------------------------------------------------------
    def copy_text(self) -> str:
        """The selected rows (or every shown row if none is selected) as tab-separated text."""
        rows = self._selected_proxy_rows()
        order = self._proxy.visible_source_rows()
        source_rows = order[rows] if rows.shape[0] else order
        return self._model.tsv_text(source_rows.tolist())

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        self.copy_to_clipboard()

    @Slot()
    def _on_copy_action_triggered(self) -> None:
        self.copy_to_clipboard()

    def export_csv_text(self) -> str:
        """Every row, unfiltered, in canonical order, as CSV with ``CSV_HEADER`` (full precision).

        While a gradient check is set, ``CSV_CHECK_HEADER``'s two columns follow.
        """
        return self._model.csv_text()

    # ---- layout and language ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_bar(event.size().width())

    def _set_explicit_minimum(self) -> None:
        """The two-line bar's minimum, set explicitly so the layout never raises it to the one-line width.

        (Qt would otherwise keep the widget as wide as the one-line bar, and
        change a shown window's minimum whenever the bar wraps.)
        """
        margins = self.layout().contentsMargins()
        spacing = max(0, self.layout().spacing())
        width = max(self._filters_box.minimumSize().width(), self._tools_box.minimumSize().width())
        # The check's summary is counted even when hidden, so that showing it does not change the minimum.
        height = (self._filters_box.minimumSize().height() + self._tools_box.minimumSize().height()
                  + max(0, self._bar.spacing()) + spacing + self._table.minimumSizeHint().height()
                  + spacing + self._check_label.fontMetrics().height())
        self.setMinimumSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def _fit_bar(self, width: int) -> None:
        """One line when the filters (at their preferred width) and the tools fit side by side, else two."""
        margins = self.layout().contentsMargins()
        needed = (self._filters_box.sizeHint().width() + self._tools_box.sizeHint().width()
                  + max(0, self._bar.spacing()) + margins.left() + margins.right())
        direction = QBoxLayout.Direction.LeftToRight if width >= needed else QBoxLayout.Direction.TopToBottom
        if self._bar.direction() != direction:
            self._bar.setDirection(direction)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_ui()
            self._model.retranslate()
            self._set_explicit_minimum()
            self._fit_bar(self.width())
        super().changeEvent(event)

    def _retranslate_ui(self) -> None:
        self._layer_combo.setToolTip(self.tr("Show one layer's parameters"))
        if self._layer_combo.count():
            self._layer_combo.setItemText(0, self.tr("All layers"))
            for row in range(1, self._layer_combo.count()):
                self._layer_combo.setItemText(row, self.tr("Layer {number}").format(number=row))
        self._kind_combo.setToolTip(self.tr("Show weights, thresholds or both"))
        for row, text in enumerate((self.tr("All"), self.tr("Weights"), self.tr("Thresholds"))):
            self._kind_combo.setItemText(row, text)
        self._text_filter.setPlaceholderText(self.tr("Filter by name"))
        self._text_filter.setToolTip(self.tr("Show the parameters whose name contains this text"))
        self._precision_label.setText(self.tr("&Digits:"))
        self._precision_box.setToolTip(self.tr("Significant digits shown (hover a number for all of them)"))
        self._copy_button.setText(self.tr("Copy"))
        self._copy_button.setToolTip(
            self.tr("Copy the selected rows, or every shown row, as tab-separated text at full precision"))
        self._copy_action.setText(self.tr("Copy"))
        self._update_check_ui()

