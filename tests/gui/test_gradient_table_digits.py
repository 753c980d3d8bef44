"""The gradient table writes numbers in the screen's one format, with the app's one Digits setting,
reads back what it writes, sorts by value and follows the text scale."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from bpgui.model.naming import parameter_specs
from bpgui.model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, exact_number, format_number
from bpgui.views.gradient_table import COL_GRADIENT, COL_NAME, COL_VALUE, NUMBER_COLUMNS, GradientTableView
from bpgui.views.gradient_table_columns import parse_number
from bpgui.views.text_scale import apply_text_scale

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
DISPLAY, USER, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.EditRole
SPECS_221 = parameter_specs((2, 2, 1))
# Values whose texts sort differently from the numbers: powers of ten, minus signs, zero.
AWKWARD = np.array([1.5e-05, -2.0, 0.5, 3.25e6, -1e-07, 0.0, 12.0, -0.75, 9.0])


@pytest.fixture
def view(qtbot):
    widget = GradientTableView()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.set_structure(SPECS_221)
    return widget


@pytest.fixture
def scaled():
    """Put the application's text scale back to 100 % after the test."""
    yield apply_text_scale
    apply_text_scale(1.0)


@BOUNDED
@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(MIN_DIGITS, MAX_DIGITS))
def test_the_editor_reads_back_what_the_table_writes(value, digits):
    assert parse_number(format_number(value, digits)) == float(f"{value:.{digits}g}")
    exact = exact_number(value)
    assert parse_number(exact) == value  # the tooltip's and the editor's text is the value itself
    assert "-" not in exact and "e" not in exact  # the screen's format: a true minus, a power of ten


@pytest.mark.parametrize(("text", "value"), [
    ("−1.5×10⁻⁵", -1.5e-05), ("-1e-5", -1e-05), ("1.5 × 10^-5", 1.5e-05), ("2x10^3", 2000.0),
    ("３．５", 3.5), ("−0", 0.0), ("+7", 7.0), ("∞", math.inf), ("−∞", -math.inf),
    ("1×10", None), ("×10⁻⁵", None), ("1e", None), ("--1", None), ("", None), ("0x10", None),
])
def test_parse_number_reads_the_screens_format_and_plain_text(text, value):
    assert parse_number(text) == value


@BOUNDED
@given(st.text(max_size=40))
def test_any_text_is_a_request_or_a_refusal_never_an_exception(view, text):
    view.set_values(AWKWARD, None, None, None)
    view.set_editable(True)
    model = view.source_model()
    requests, refusals = [], []
    model.value_edit_requested.connect(lambda row, value: requests.append(value))
    model.invalid_edit.connect(refusals.append)
    model.setData(model.index(1, COL_VALUE), text, EDIT)
    assert len(requests) + len(refusals) <= 1
    assert all(math.isfinite(v) for v in requests)
    assert all(m.startswith("v_12: “") for m in refusals)
    assert model.data(model.index(1, COL_VALUE), USER) == AWKWARD[1]  # the table never changes its own numbers


def test_digits_is_the_apps_setting_a_learner_changes_in_the_spin_box(view, qtbot):
    view.set_values(AWKWARD, None, None, None)
    model = view.source_model()
    spin = view.findChild(QSpinBox, "precision")
    assert view.digits() == spin.value() == DEFAULT_DIGITS == 4
    with qtbot.assertNotEmitted(view.digits_changed):
        view.set_digits(2)  # the main window handing the setting out: no loop back
    assert spin.value() == 2
    assert [model.data(model.index(r, COL_VALUE)) for r in range(3)] == ["1.5×10⁻⁵", "\u22122", "0.5"]
    with qtbot.waitSignal(view.digits_changed, timeout=1000) as blocker:
        spin.setValue(6)  # the learner
    assert blocker.args == [6]
    assert model.data(model.index(3, COL_VALUE)) == "3.25×10⁶"
    view.set_digits(99)
    assert view.digits() == MAX_DIGITS


def test_sorting_is_by_value_not_by_the_text(view):
    view.set_values(AWKWARD, -AWKWARD, None, None)
    proxy = view.proxy_model()
    for column, values in ((COL_VALUE, AWKWARD), (COL_GRADIENT, -AWKWARD)):
        proxy.sort(column, Qt.SortOrder.AscendingOrder)
        shown = [proxy.data(proxy.index(r, column), USER) for r in range(proxy.rowCount())]
        assert shown == sorted(values.tolist())
        texts = [proxy.data(proxy.index(r, column)) for r in range(proxy.rowCount())]
        assert texts != sorted(texts)  # the texts alone would have sorted otherwise


def number_cells_fit(view) -> bool:
    table, proxy = view.table(), view.proxy_model()
    metrics = table.fontMetrics()
    for column in NUMBER_COLUMNS:
        if table.isColumnHidden(column):
            continue
        width = table.columnWidth(column)
        for row in range(proxy.rowCount()):
            text = proxy.data(proxy.index(row, column)) or ""
            if metrics.horizontalAdvance(text) + 6 > width:
                return False
    return True


def test_rows_and_columns_follow_the_text_scale(view, scaled):
    view.show()
    view.set_digits(6)
    view.set_values(AWKWARD * -1.23456789e-3, AWKWARD, AWKWARD * 1e-9, AWKWARD)
    table = view.table()
    height, width = table.verticalHeader().defaultSectionSize(), table.columnWidth(COL_NAME)
    assert number_cells_fit(view)
    view.select_parameter(8)  # θ₁, the last row (a selection once kept the header on the old font)
    scaled(1.75)
    view.set_text_scale(1.75)
    metrics = table.fontMetrics()
    assert table.horizontalHeader().font().pointSizeF() == table.font().pointSizeF()
    view.resize(900, 400)
    QApplication.processEvents()
    current = table.visualRect(table.currentIndex())
    assert table.viewport().rect().contains(current)  # still in view with taller rows
    assert table.verticalHeader().defaultSectionSize() >= metrics.height() > height
    assert table.columnWidth(COL_NAME) > width
    assert number_cells_fit(view)
    header = table.horizontalHeader()
    titles = view.source_model().column_titles()
    for column in range(len(titles)):
        if not table.isColumnHidden(column):
            assert header.fontMetrics().horizontalAdvance(titles[column]) < table.columnWidth(column)
    assert view.minimumWidth() <= 900


def test_an_application_font_change_alone_is_followed(view, scaled, qtbot):
    view.show()
    view.select_parameter(3)
    table = view.table()
    scaled(1.5)  # the main window calls set_text_scale too; Qt's own font events must suffice
    qtbot.waitUntil(lambda: table.font().pointSizeF() == QApplication.font().pointSizeF(), timeout=2000)
    assert table.horizontalHeader().font().pointSizeF() == table.font().pointSizeF()
    assert table.verticalHeader().defaultSectionSize() >= table.fontMetrics().height()
