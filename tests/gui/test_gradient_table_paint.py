"""The table's cells are painted from one ``cell_look`` call a cell (CellDelegate) and look exactly as
Qt's own delegate paints them from ``data()``: same pixels, in every state a cell can be in.

Qt's own delegate lays every text out with the view's font, shaped (HarfBuzz); CellDelegate gives
plain texts the same font with ``PreferNoShaping`` (faster): equal grabs prove that changes no pixel,
also at Digits 2 and 9, elided in a narrow column, in large text and in the Chinese UI."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer
from bpgui.views.gradient_table import GradientTableView
from bpgui.views.gradient_table_columns import COL_NEW_VALUE, COL_REL_ERROR, COL_VALUE, N_COLUMNS
from bpgui.views.gradient_table_delegate import CellDelegate
from bpgui.views.language import install_language
from bpgui.views.text_scale import apply_text_scale


@pytest.fixture
def table(show):
    view = show(GradientTableView(), 900, 420)
    trainer = Trainer(Network.initialise((2, 3, 1), seed=4), load_builtin("xor"))
    view.set_record(trainer.step())
    return view


@pytest.fixture
def deep_table(show):
    """A wider network's table (names v⁽¹⁾₁₁, three layers), its numbers spread over many magnitudes."""
    view = show(GradientTableView(), 900, 420)
    trainer = Trainer(Network.initialise((2, 4, 3, 1), seed=7), load_builtin("xor"))
    view.set_record(trainer.step())
    n = view.findChild(QTableView, "gradientTable").model().rowCount()
    rng = np.random.default_rng(11)
    values = rng.standard_normal(n) * 10.0 ** rng.integers(-9, 9, n)
    values[:3] = (np.nan, np.inf, -np.inf)
    view.set_values(values, -values / 3, values * 7, values + 1)
    return view


def grab(view: GradientTableView, qtbot, use_qt_delegate: bool):
    """The table's viewport painted with Qt's own delegate, or with the app's."""
    inner = view.findChild(QTableView, "gradientTable")
    saved = {c: inner.itemDelegateForColumn(c) for c in range(N_COLUMNS)}
    if use_qt_delegate:
        plain = QStyledItemDelegate(inner)
        inner.setItemDelegate(plain)
        for c in range(N_COLUMNS):
            inner.setItemDelegateForColumn(c, plain)
    image = inner.viewport().grab().toImage()
    if use_qt_delegate:
        inner.setItemDelegate(CellDelegate(inner))
        for c, delegate in saved.items():
            inner.setItemDelegateForColumn(c, delegate)
    return image


def assert_same_pixels(view, qtbot):
    ours, qts = grab(view, qtbot, False), grab(view, qtbot, True)
    assert ours.size() == qts.size()
    assert ours == qts


def test_the_app_paints_the_default_delegate_and_both_value_columns(table):
    inner = table.findChild(QTableView, "gradientTable")
    assert isinstance(inner.itemDelegate(), CellDelegate)
    assert isinstance(inner.itemDelegateForColumn(COL_VALUE), CellDelegate)
    assert isinstance(inner.itemDelegateForColumn(COL_NEW_VALUE), CellDelegate)


def test_plain_cells_look_as_qt_paints_them(table, qtbot):
    assert_same_pixels(table, qtbot)


def test_a_selected_row_looks_as_qt_paints_it(table, qtbot):
    table.select_parameter(2)
    assert_same_pixels(table, qtbot)


def test_blank_cells_of_a_phase_look_as_qt_paints_them(table, qtbot):
    n = 13
    values = np.linspace(-1, 1, n)
    table.set_values(values, np.where(np.arange(n) % 2, np.nan, values), np.full(n, np.nan), None)
    assert_same_pixels(table, qtbot)


def test_warning_cells_of_a_check_look_as_qt_paints_them(table, qtbot):
    n = 13
    errors = np.where(np.arange(n) % 3 == 0, 0.5, 1e-9)  # every third disagrees
    table.set_check(np.linspace(-1, 1, n), errors)
    inner = table.findChild(QTableView, "gradientTable")
    assert not inner.isColumnHidden(COL_REL_ERROR)
    warned = inner.model().cell_look(0, COL_REL_ERROR)
    assert warned[2] is not None and warned[3] is not None  # a background and a text colour
    assert_same_pixels(table, qtbot)


def test_editable_cells_and_sorting_look_as_qt_paints_them(table, qtbot):
    table.set_editable(True)
    inner = table.findChild(QTableView, "gradientTable")
    inner.sortByColumn(COL_VALUE, Qt.SortOrder.DescendingOrder)
    assert_same_pixels(table, qtbot)


def test_cell_look_answers_what_data_answers(table):
    model = table.findChild(QTableView, "gradientTable").model()
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
             Qt.ItemDataRole.ForegroundRole)
    for row in range(model.rowCount()):
        for col in range(N_COLUMNS):
            assert model.cell_look(row, col) == tuple(model.data(model.index(row, col), r) for r in roles)
    assert model.cell_look(model.rowCount(), 0) == (None, None, None, None)


def test_cells_repainted_from_the_cache_after_new_numbers_and_digits_look_as_qt_paints_them(table, qtbot):
    inner = table.findChild(QTableView, "gradientTable")
    inner.viewport().repaint()  # every shown cell's look is now cached
    n = 13
    rng = np.random.default_rng(5)
    values = rng.standard_normal(n) * 10.0 ** rng.integers(-7, 7, n)
    table.set_values(values, -values, np.where(np.arange(n) % 3, values, np.nan), values * 2)
    inner.viewport().repaint()
    assert_same_pixels(table, qtbot)
    table.set_digits(9)
    inner.viewport().repaint()
    assert_same_pixels(table, qtbot)
    table.set_filters(kind="weight")
    inner.sortByColumn(COL_NEW_VALUE, Qt.SortOrder.AscendingOrder)
    inner.viewport().repaint()
    assert_same_pixels(table, qtbot)


def test_plain_texts_are_drawn_unshaped(table):
    inner = table.findChild(QTableView, "gradientTable")
    delegate = inner.itemDelegateForColumn(COL_VALUE)
    model = inner.model()
    unshaped = []
    for column in range(N_COLUMNS):
        if inner.isColumnHidden(column):
            continue
        option = QStyleOptionViewItem()
        option.font = inner.font()
        delegate.initStyleOption(option, model.index(0, column))
        unshaped.append(bool(option.font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping))
    assert all(unshaped)  # every name, layer, link and number of a row: the fast layout applies


@pytest.mark.parametrize("digits", [2, 4, 9])
def test_digits_look_as_qt_paints_them(deep_table, qtbot, digits):
    deep_table.set_digits(digits)
    assert_same_pixels(deep_table, qtbot)
    deep_table.findChild(QTableView, "gradientTable").selectRow(2)
    assert_same_pixels(deep_table, qtbot)


def test_elided_numbers_in_a_narrow_column_look_as_qt_paints_them(deep_table, qtbot):
    deep_table.set_digits(9)
    inner = deep_table.findChild(QTableView, "gradientTable")
    inner.horizontalHeader().setStretchLastSection(False)
    for column in (COL_VALUE, COL_NEW_VALUE):
        inner.setColumnWidth(column, 45)
    text = inner.model().index(5, COL_VALUE).data()
    assert inner.fontMetrics().horizontalAdvance(text) > 45  # the number is elided ("…")
    assert_same_pixels(deep_table, qtbot)


def test_a_filtered_sorted_table_with_a_check_looks_as_qt_paints_it(deep_table, qtbot):
    inner = deep_table.findChild(QTableView, "gradientTable")
    n = inner.model().rowCount()
    deep_table.set_check(np.linspace(-1, 1, n), np.where(np.arange(n) % 3 == 0, 0.5, 1e-9))
    deep_table.set_filters(kind="weight")
    inner.sortByColumn(COL_REL_ERROR, Qt.SortOrder.DescendingOrder)
    inner.selectRow(0)
    assert_same_pixels(deep_table, qtbot)


@pytest.fixture
def large_text():
    apply_text_scale(1.75)
    yield 1.75
    apply_text_scale(1.0)


def test_large_text_looks_as_qt_paints_it(large_text, show, qtbot):
    view = show(GradientTableView(), 1200, 600)
    view.set_text_scale(large_text)
    view.set_record(Trainer(Network.initialise((2, 3, 1), seed=4), load_builtin("xor")).step())
    view.select_parameter(1)
    assert_same_pixels(view, qtbot)


def test_chinese_ui_looks_as_qt_paints_it(show, qtbot, english_afterwards):
    install_language(QApplication.instance(), "zh_CN")
    view = show(GradientTableView(), 900, 420)
    view.set_record(Trainer(Network.initialise((2, 3, 1), seed=4), load_builtin("xor")).step())
    view.set_editable(True)
    assert_same_pixels(view, qtbot)


def test_a_cjk_font_looks_as_qt_paints_it(deep_table, qtbot, cjk_font):
    inner = deep_table.findChild(QTableView, "gradientTable")
    cjk = QFont(cjk_font)
    cjk.setPointSizeF(inner.font().pointSizeF())
    inner.setFont(cjk)
    assert QFontInfo(inner.font()).family().startswith("Noto Sans CJK")
    assert_same_pixels(deep_table, qtbot)


def test_the_unshaped_font_follows_the_views_font(table):
    delegate = table.findChild(QTableView, "gradientTable").itemDelegate()
    font = QFont(table.font())
    assert delegate.unshaped_font(font, "NaN") is font  # letters side by side: shaped, as Qt does
    fast = delegate.unshaped_font(font, "−1.5×10⁻⁵")
    assert fast.styleStrategy() & QFont.StyleStrategy.PreferNoShaping and fast.pointSizeF() == font.pointSizeF()
    font.setPointSizeF(font.pointSizeF() * 2)
    larger = delegate.unshaped_font(font, "−1.5×10⁻⁵")
    assert larger.pointSizeF() == font.pointSizeF() and larger.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
