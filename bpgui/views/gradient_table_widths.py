"""The gradient table's column widths: wide enough for the names and numbers, the slack to the numbers.

Until the user drags a column border, the widths follow the contents (names,
digits, shown columns), the font (the app's text scale) and the viewport; after
that, the user's widths stay. The rows' height follows the font too. The filter
bar's two-line minimum and when it wraps are measured here as well.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Slot
from PySide6.QtWidgets import QBoxLayout, QLayout, QTableView, QWidget

from ..model.naming import ParameterSpec
from ..model.numbers import MINUS
from .gradient_table_columns import COL_FROM_TO, COL_LAYER, COL_NAME, N_COLUMNS, NUMBER_COLUMNS, display_name


def number_samples(digits: int) -> tuple[str, str]:
    """The widest numbers ``format_number`` writes at ``digits``: with a power of ten, and just above 10⁻⁴.

    (Three-digit powers of ten, 10⁻¹⁰⁰ and beyond, are rarer: they elide, whole in the tooltip.)
    """
    mantissa = "8" if digits <= 1 else "8." + "8" * (digits - 1)
    return f"{MINUS}{mantissa}×10⁻⁸⁸", f"{MINUS}0.0008" + "8" * (digits - 1)


def two_line_minimum(layout: QBoxLayout, bar: QBoxLayout, filters: QLayout, tools: QLayout, table: QWidget,
                     note: QWidget) -> QSize:
    """The table's minimum with its bar on two lines (filters above tools) and the check's ``note`` under it.

    The note is counted even when hidden, so that showing it does not change the minimum.
    """
    margins, spacing = layout.contentsMargins(), max(0, layout.spacing())
    width = max(filters.minimumSize().width(), tools.minimumSize().width())
    height = (filters.minimumSize().height() + tools.minimumSize().height() + max(0, bar.spacing()) + spacing
              + table.minimumSizeHint().height() + spacing + note.fontMetrics().height())
    return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())


def bar_direction(width: int, layout: QBoxLayout, bar: QBoxLayout, filters: QLayout,
                  tools: QLayout) -> QBoxLayout.Direction:
    """One line when the filters (at their preferred width) and the tools fit side by side in ``width``, else two."""
    margins = layout.contentsMargins()
    needed = (filters.sizeHint().width() + tools.sizeHint().width() + max(0, bar.spacing())
              + margins.left() + margins.right())
    return QBoxLayout.Direction.LeftToRight if width >= needed else QBoxLayout.Direction.TopToBottom


class ColumnWidths(QObject):
    """Keeps a table's column widths natural until the user resizes a column by hand."""

    def __init__(self, table: QTableView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._natural: dict[int, int] = {}
        self._auto = True
        self._setting = False
        self._header_pressed = False
        header = table.horizontalHeader()
        header.sectionResized.connect(self._on_header_section_resized)
        # Kept, not asked for on each event: the table may be half destroyed when the last ones come.
        self._viewport, self._header_viewport = table.viewport(), header.viewport()
        self._viewport.installEventFilter(self)
        self._header_viewport.installEventFilter(self)

    def measure(self, titles: Sequence[str], specs: Sequence[ParameterSpec], run_ends: Sequence[int],
                precision: int, names: bool = True) -> None:
        """Widths (in the table's font now) that fit the titles, the widest names and numbers of ``precision`` digits.

        The widest names are those of ``specs[run_ends]``; the rows' height is set to the font's as well.

        ``names=False`` keeps the name columns' widths (only the precision changed).
        Resumes following the contents, then applies the widths.
        """
        table_metrics = self._table.fontMetrics()
        header_metrics = self._table.horizontalHeader().fontMetrics()
        em = table_metrics.horizontalAdvance("M")
        self._table.verticalHeader().setDefaultSectionSize(table_metrics.height() + 6)  # rows follow the font

        def width(title: str, sample: str) -> int:
            # The header needs room for the sort arrow; cells only for their margins.
            return max(header_metrics.horizontalAdvance(title) + 2 * em, table_metrics.horizontalAdvance(sample) + em)

        if names:
            widest = max((display_name(specs[i]) for i in run_ends), key=table_metrics.horizontalAdvance,
                         default="w₀₀")
            self._natural[COL_NAME] = width(titles[COL_NAME], widest)
            self._natural[COL_LAYER] = width(titles[COL_LAYER], "00")
            biggest = max((max(s.target, s.source or 0) for s in (specs[i] for i in run_ends)), default=9)
            self._natural[COL_FROM_TO] = width(titles[COL_FROM_TO], f"{biggest} → {biggest}")
        sample = max(number_samples(precision), key=table_metrics.horizontalAdvance)
        for column in NUMBER_COLUMNS:
            self._natural[column] = width(titles[column], sample)
        self._auto = True
        self.apply()

    def apply(self) -> None:
        """Natural widths, the slack of a wide viewport shared by the number columns (until a user resize)."""
        table = self._table
        if not self._auto or len(self._natural) < N_COLUMNS:
            return
        widths = dict(self._natural)
        numbers = [c for c in NUMBER_COLUMNS if not table.isColumnHidden(c)]
        shown = sum(w for c, w in widths.items() if not table.isColumnHidden(c))
        slack = table.viewport().width() - shown
        if slack > 0:
            share, extra = divmod(slack, len(numbers))
            for column in numbers:
                widths[column] += share
            widths[numbers[-1]] += extra
        self._setting = True
        try:
            for column, width in widths.items():
                table.setColumnWidth(column, width)
        finally:
            self._setting = False

    @Slot(int, int, int)
    def _on_header_section_resized(self, _column: int, _old: int, _new: int) -> None:
        if self._header_pressed and not self._setting:
            self._auto = False  # the user dragged a border: keep their widths

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport and kind == QEvent.Type.Resize:
            self.apply()
        elif watched is self._header_viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._header_pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
        return super().eventFilter(watched, event)
