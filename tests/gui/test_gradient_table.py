"""The gradient table shows a record's numbers exactly, filters, sorts, selects, copies and exports."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.datasets import load_builtin
from bpgui.model.gradcheck import check_record
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network
from bpgui.model.numbers import DEFAULT_DIGITS, exact_number, format_number
from bpgui.model.training import Trainer
from bpgui.views.gradient_table import (
    CHECK_COLUMNS,
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
    GradientTableView,
)
from bpgui.views.gradient_table_columns import parse_number

DISPLAY, USER, TIP, ALIGN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.TextAlignmentRole)
EDIT, BACKGROUND = Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole
EDITABLE = Qt.ItemFlag.ItemIsEditable
NUMERIC = {COL_VALUE: "flat_values", COL_GRADIENT: "flat_gradients", COL_UPDATE: "flat_updates",
           COL_NEW_VALUE: "flat_new_values"}
SPECS_221 = parameter_specs((2, 2, 1))


@pytest.fixture
def trainer():
    return Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"))


@pytest.fixture
def view(qtbot):
    widget = GradientTableView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    return widget


@pytest.fixture
def shown(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    return view


def column(model, col, role=USER):
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def shown_source_rows(view):
    return view.proxy_model().visible_source_rows().tolist()


def click_header(view, col):
    header = view.table().horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def click_cell(view, proxy_row, col=COL_NAME, modifier=Qt.KeyboardModifier.NoModifier):
    table = view.table()
    rect = table.visualRect(view.proxy_model().index(proxy_row, col))
    assert rect.isValid(), "the cell is not shown"
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def click_row(view, proxy_row, modifier=Qt.KeyboardModifier.NoModifier):
    click_cell(view, proxy_row, COL_NAME, modifier)


# ---- contents ---------------------------------------------------------------------------------------
def test_rows_are_the_parameters_in_canonical_order(view, trainer):
    view.set_record(trainer.step())
    proxy = view.proxy_model()
    # Shown as the network drawing writes them; the raw (UserRole) name is the plain form.
    assert column(proxy, COL_NAME, DISPLAY) == ["v₁₁", "v₁₂", "v₂₁", "v₂₂", "γ₁", "γ₂", "w₁₁", "w₂₁", "θ₁"]
    assert column(proxy, COL_NAME, USER) == [s.name for s in SPECS_221]
    assert column(proxy, COL_LAYER, DISPLAY) == [s.layer for s in SPECS_221]
    assert column(proxy, COL_FROM_TO, DISPLAY)[1] == "1 → 2"
    assert column(proxy, COL_FROM_TO, DISPLAY)[8] == "— → 1"
    tips = column(proxy, COL_NAME, TIP)
    assert tips[1] == "v₁₂: weight from input x₁ to hidden b₂"
    assert tips[4] == "γ₁: threshold of hidden b₁"
    assert tips[7] == "w₂₁: weight from hidden b₂ to output ŷ₁"
    assert tips[8] == "θ₁: threshold of output ŷ₁"
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert titles == ["Name", "Layer", "From → To", "Value before", "∂Eₖ/∂p", "Δp", "Value after",
                      "∂Eₖ/∂p (finite diff.)", "rel. error"]
    shown_titles = [t for c, t in enumerate(titles) if not view.table().isColumnHidden(c)]
    assert shown_titles == ["Name", "Layer", "From → To", "Value before", "∂Eₖ/∂p", "Δp", "Value after"]


def test_cells_hold_the_records_numbers_exactly_and_show_the_chosen_precision(view, trainer):
    record = trainer.step()
    view.set_record(record)
    model = view.source_model()
    for col, attr in NUMERIC.items():
        expected = getattr(record, attr)
        got = np.array(column(model, col, USER))
        assert np.array_equal(got.view(np.uint64), expected.view(np.uint64)), attr  # bitwise, −0.0 included
        assert column(model, col, DISPLAY) == [format_number(v, DEFAULT_DIGITS) for v in expected]
        assert column(model, col, TIP) == [exact_number(v) for v in expected]  # every digit, in the same format
        assert model.data(model.index(0, col), ALIGN) & Qt.AlignmentFlag.AlignRight
    view.set_digits(3)
    assert view.digits() == 3
    assert column(model, COL_GRADIENT, DISPLAY) == [format_number(v, 3) for v in record.flat_gradients]
    spin = view.findChild(QSpinBox, "precision")
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 17, 3)
    spin.setValue(17)  # 17 significant digits round-trip every float
    assert [parse_number(text) for text in column(model, COL_VALUE, DISPLAY)] == record.flat_values.tolist()


def test_a_new_record_replaces_the_numbers_with_one_data_changed_and_no_reset(view, trainer):
    first = trainer.step()
    view.set_record(first)
    view.select_parameter(3)
    model, proxy = view.source_model(), view.proxy_model()
    changed, resets = [], []
    model.dataChanged.connect(lambda tl, br, roles: changed.append((tl.row(), tl.column(), br.row(), br.column())))
    model.modelReset.connect(lambda: resets.append("model"))
    proxy.modelReset.connect(lambda: resets.append("proxy"))
    second = trainer.step()
    view.set_record(second)
    assert changed == [(0, COL_VALUE, len(SPECS_221) - 1, COL_NEW_VALUE)]
    assert resets == []
    for col, attr in NUMERIC.items():
        assert column(proxy, col, USER) == getattr(second, attr).tolist()
        assert column(proxy, col, DISPLAY) == [format_number(v) for v in getattr(second, attr).tolist()]
    assert column(proxy, COL_VALUE, USER) == first.flat_new_values.tolist()  # p(t+1) = p(t) + Δp
    assert view.selected_parameter() == 3  # the selection survived


def test_without_a_record_only_the_values_are_shown(view, trainer):
    view.set_structure(SPECS_221)
    model = view.source_model()
    assert all(v is None for v in column(model, COL_VALUE, DISPLAY))
    view.set_record(None, trainer.network.flat)
    assert column(model, COL_VALUE, USER) == trainer.network.flat.tolist()
    for col in (COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE):
        assert column(model, col, DISPLAY) == [None] * len(SPECS_221)
        assert column(model, col, USER) == [None] * len(SPECS_221)
    with pytest.raises(ValueError):
        view.set_values(np.zeros(3), None, None, None)


def test_the_view_changes_no_model_state(view, trainer, qtbot):
    record = trainer.step()
    before = [a.copy() for a in (record.flat_values, record.flat_gradients, record.flat_updates,
                                 record.flat_new_values)]
    view.set_record(record)
    view.set_filters(kind="weight", text="v")
    view.proxy_model().sort(COL_GRADIENT, Qt.SortOrder.DescendingOrder)
    view.select_parameter(2)
    view.copy_to_clipboard()
    view.export_csv_text()
    after = (record.flat_values, record.flat_gradients, record.flat_updates, record.flat_new_values)
    assert all(np.array_equal(a, b) and not b.flags.writeable for a, b in zip(before, after))
    assert trainer.iteration == 1 and trainer.network.flat is record.flat_new_values


# ---- filters and sorting -------------------------------------------------------------------------------
def test_filters_by_layer_kind_and_name(view, trainer, qtbot):
    view.set_record(trainer.step())
    proxy = view.proxy_model()
    layer, kind = view.findChild(QComboBox, "layerFilter"), view.findChild(QComboBox, "kindFilter")
    text = view.findChild(QLineEdit, "nameFilter")
    assert [layer.itemText(i) for i in range(layer.count())] == ["All layers", "Layer 1", "Layer 2"]
    assert [kind.itemText(i) for i in range(kind.count())] == ["All", "Weights", "Thresholds"]
    assert text.placeholderText() == "Filter by name"
    assert proxy.rowCount() == 9
    QTest.keyClick(layer, Qt.Key.Key_Down)  # the keyboard moves a closed combo box to the next entry
    assert layer.currentText() == "Layer 1" and proxy.rowCount() == 6
    QTest.keyClick(layer, Qt.Key.Key_Down)
    assert column(proxy, COL_NAME, DISPLAY) == ["w₁₁", "w₂₁", "θ₁"]
    kind.setCurrentIndex(2)
    assert column(proxy, COL_NAME, DISPLAY) == ["θ₁"]
    layer.setCurrentIndex(0)
    assert column(proxy, COL_NAME, DISPLAY) == ["γ₁", "γ₂", "θ₁"]
    kind.setCurrentIndex(1)
    assert proxy.rowCount() == 6
    kind.setCurrentIndex(0)
    QTest.keyClicks(text, "W_")  # case-insensitive
    assert column(proxy, COL_NAME, DISPLAY) == ["w₁₁", "w₂₁"]
    text.clear()
    QTest.keyClicks(text, "_1")
    assert column(proxy, COL_NAME, DISPLAY) == ["v₁₁", "v₁₂", "γ₁", "w₁₁", "θ₁"]
    text.clear()
    QTest.keyClicks(text, "Theta")  # Greek letters by name
    assert column(proxy, COL_NAME, DISPLAY) == ["θ₁"]
    text.clear()
    QTest.keyClicks(text, "gamma_2")
    assert column(proxy, COL_NAME, DISPLAY) == ["γ₂"]
    QTest.keyClicks(text, "x")
    assert proxy.rowCount() == 0
    view.clear_filters()
    assert proxy.rowCount() == 9 and text.text() == ""


def test_clicking_a_header_sorts_by_the_raw_numbers(shown, trainer):
    view = shown
    record = trainer.step()
    view.set_record(record)
    proxy = view.proxy_model()
    click_header(view, COL_GRADIENT)
    assert proxy.sort_column() == COL_GRADIENT
    values = column(proxy, COL_GRADIENT)
    ascending = proxy.sort_order() == Qt.SortOrder.AscendingOrder
    assert values == sorted(values, reverse=not ascending)
    assert sorted(shown_source_rows(view)) == list(range(9))
    click_header(view, COL_GRADIENT)
    assert column(proxy, COL_GRADIENT) == sorted(values, reverse=ascending)
    # The order of the rows equals NumPy's stable sort of the record's gradients.
    order = np.argsort(record.flat_gradients if not ascending else -record.flat_gradients, kind="stable")
    assert shown_source_rows(view) == order.tolist()


def test_new_values_are_resorted_once_after_a_burst(view, trainer, qtbot):
    view.set_record(trainer.step())
    proxy = view.proxy_model()
    proxy.sort(COL_UPDATE, Qt.SortOrder.AscendingOrder)
    layouts = []
    proxy.layoutChanged.connect(lambda *args: layouts.append(1))
    for _ in range(5):
        record = trainer.step()
        view.set_record(record)
    assert layouts == []  # no re-sort per update
    with qtbot.waitSignal(proxy.layoutChanged, timeout=2000):
        pass
    assert layouts == [1]
    assert shown_source_rows(view) == np.argsort(record.flat_updates, kind="stable").tolist()


# ---- selection -----------------------------------------------------------------------------------------
def test_selecting_a_row_emits_its_canonical_index_when_sorted_and_filtered(shown, trainer, qtbot):
    view = shown
    record = trainer.step()
    view.set_record(record)
    view.set_filters(kind="threshold")
    view.proxy_model().sort(COL_GRADIENT, Qt.SortOrder.DescendingOrder)
    thresholds = [i for i, s in enumerate(SPECS_221) if s.kind == "threshold"]
    expected = sorted(thresholds, key=lambda i: -record.flat_gradients[i])
    assert shown_source_rows(view) == expected
    with qtbot.waitSignal(view.parameter_selected, timeout=1000) as blocker:
        click_row(view, 0)
    assert blocker.args == [expected[0]]
    with qtbot.waitSignal(view.parameter_selected, timeout=1000) as blocker:
        click_row(view, 2)
    assert blocker.args == [expected[2]]
    with qtbot.waitSignal(view.parameter_selected, timeout=1000) as blocker:
        view.table().clearSelection()
    assert blocker.args == [-1]


def test_select_parameter_selects_and_emits_nothing(shown, trainer, qtbot):
    view = shown
    view.set_record(trainer.step())
    proxy = view.proxy_model()
    view.proxy_model().sort(COL_VALUE, Qt.SortOrder.AscendingOrder)
    with qtbot.assertNotEmitted(view.parameter_selected):
        view.select_parameter(7)
    current = view.table().currentIndex()
    assert proxy.data(proxy.index(current.row(), COL_NAME)) == "w₂₁"
    assert view.selected_parameter() == 7
    assert [i.row() for i in view.table().selectionModel().selectedRows()] == [current.row()]
    with qtbot.assertNotEmitted(view.parameter_selected):
        proxy.sort(COL_VALUE, Qt.SortOrder.DescendingOrder)  # the row moves; the selection follows it
    assert view.selected_parameter() == 7
    assert proxy.data(view.table().currentIndex().siblingAtColumn(COL_NAME)) == "w₂₁"
    view.set_filters(kind="threshold")  # hides w_21: the selection is gone, and the table says so
    assert view.selected_parameter() == -1
    with qtbot.assertNotEmitted(view.parameter_selected):
        view.select_parameter(1)  # hidden by the filter: the filters are cleared to show it
    assert proxy.rowCount() == 9 and view.selected_parameter() == 1
    with qtbot.assertNotEmitted(view.parameter_selected):
        view.select_parameter(-1)
    assert view.selected_parameter() == -1


# ---- copy and export ------------------------------------------------------------------------------------
def expected_tsv(record, rows):
    lines = ["Name\tLayer\tFrom → To\tValue before\t∂Eₖ/∂p\tΔp\tValue after"]
    for i in rows:
        spec = SPECS_221[i]
        source = "—" if spec.source is None else str(spec.source)
        numbers = [repr(float(getattr(record, attr)[i])) for attr in NUMERIC.values()]
        lines.append("\t".join([spec.name, str(spec.layer), f"{source} → {spec.target}", *numbers]))
    return "\n".join(lines) + "\n"


def test_copy_puts_the_selected_or_shown_rows_on_the_clipboard(shown, trainer, qtbot):
    view = shown
    record = trainer.step()
    view.set_record(record)
    clipboard = QApplication.clipboard()
    view.set_filters(layer=2)
    copy_button = view.findChild(QPushButton, "copy")
    QTest.mouseClick(copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == expected_tsv(record, [6, 7, 8])
    view.clear_filters()
    view.select_parameter(8)
    click_row(view, 1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+click adds v_12 to the selection
    QTest.mouseClick(copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == expected_tsv(record, [1, 8])
    clipboard.clear()
    view.activateWindow()
    view.table().setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=1000)
    QTest.keyClick(view.table(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # Ctrl+C
    assert clipboard.text() == expected_tsv(record, [1, 8])


def test_export_csv_parses_back_to_the_records_numbers_bitwise(view, trainer):
    record = trainer.step()
    view.set_record(record)
    view.set_filters(kind="weight", text="v")
    view.proxy_model().sort(COL_GRADIENT, Qt.SortOrder.DescendingOrder)  # export ignores both
    rows = list(csv.reader(io.StringIO(view.export_csv_text())))
    assert tuple(rows[0]) == CSV_HEADER
    assert [r[0] for r in rows[1:]] == [s.name for s in SPECS_221]
    assert [(int(r[1]), r[2], r[3], int(r[4])) for r in rows[1:]] == [
        (s.layer, s.kind, "" if s.source is None else str(s.source), s.target) for s in SPECS_221]
    for k, attr in enumerate(NUMERIC.values()):
        parsed = np.array([float(r[5 + k]) for r in rows[1:]])
        assert np.array_equal(parsed.view(np.uint64), getattr(record, attr).view(np.uint64)), attr
    view.set_record(None, record.flat_new_values)
    rows = list(csv.reader(io.StringIO(view.export_csv_text())))
    assert [float(r[5]) for r in rows[1:]] == record.flat_new_values.tolist()
    assert all(r[6:] == ["", "", ""] for r in rows[1:])


# ---- many parameters --------------------------------------------------------------------------------------
def big_records():
    rng = np.random.default_rng(1)
    x, y = rng.uniform(size=(1, 300)), rng.uniform(size=(1, 30))
    records, network = [], Network.initialise((300, 300, 30))
    for t in range(2):
        step = compute_step(network, x, y, 0.5)
        records.append(make_record(step, network, iteration=t + 1, epoch=1, mode="standard", learning_rate=0.5,
                                   sample_indices=np.array([0]), inputs=x, targets=y))
        network = step.network_after
    return records


def test_a_hundred_thousand_rows_render_update_sort_and_filter(shown, qtbot):
    view = shown
    first, second = big_records()
    n = first.flat_values.shape[0]
    assert n == 99_330
    view.set_record(first)
    proxy, table = view.proxy_model(), view.table()
    assert proxy.rowCount() == n
    assert not view.grab().isNull()
    assert proxy.data(proxy.index(0, COL_NAME)) == "v₁₁"
    assert proxy.data(proxy.index(10, COL_NAME)) == "v₁,₁₁"
    view.set_record(second)
    QApplication.processEvents()
    top = table.rowAt(0)
    assert proxy.data(proxy.index(top, COL_GRADIENT)) == format_number(second.flat_gradients[top])
    table.scrollToBottom()
    QApplication.processEvents()
    bottom = proxy.rowCount() - 1
    assert proxy.data(proxy.index(bottom, COL_NEW_VALUE), USER) == float(second.flat_new_values[-1])
    click_header(view, COL_GRADIENT)
    order = view.proxy_model().visible_source_rows()
    gradients = second.flat_gradients[order]
    assert proxy.sort_order() == Qt.SortOrder.AscendingOrder and np.all(np.diff(gradients) >= 0)
    view.set_filters(kind="threshold", layer=2)
    assert proxy.rowCount() == 30
    view.select_parameter(n - 1)
    assert proxy.data(table.currentIndex().siblingAtColumn(COL_NAME)) == "θ₃₀"


# ---- gradient check ----------------------------------------------------------------------------------------
def checked_step(trainer):
    """(record, estimates, relative errors) of one step, every parameter checked."""
    network_before = trainer.network
    record = trainer.step()
    _indices, estimates, errors = check_record(record, network_before)
    return record, estimates, errors


def bits(values):
    return np.asarray(values, dtype=float).view(np.uint64)


def check_columns_hidden(view):
    return [view.table().isColumnHidden(c) for c in CHECK_COLUMNS]


def test_check_columns_are_hidden_until_a_check_is_set_and_show_its_numbers_exactly(view, trainer):
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    model, proxy = view.source_model(), view.proxy_model()
    label = view.findChild(QLabel, "checkSummary")
    assert check_columns_hidden(view) == [True, True] and not view.has_check()
    assert label.isHidden() and view.check_summary() == ""
    assert column(model, COL_FD_GRADIENT, DISPLAY) == [None] * 9
    view.set_check(estimates, errors)
    assert check_columns_hidden(view) == [False, False] and view.has_check()
    assert not label.isHidden() and label.text() == view.check_summary()
    assert np.array_equal(bits(column(proxy, COL_FD_GRADIENT)), bits(estimates))
    assert np.array_equal(bits(column(proxy, COL_REL_ERROR)), bits(errors))
    assert column(proxy, COL_REL_ERROR, DISPLAY) == [format_number(v) for v in errors]
    assert column(proxy, COL_FD_GRADIENT, TIP) == [exact_number(v) for v in estimates]
    assert model.data(model.index(0, COL_REL_ERROR), ALIGN) & Qt.AlignmentFlag.AlignRight
    # NaN: not checked, a blank cell.
    partial_estimates, partial_errors = estimates.copy(), errors.copy()
    partial_estimates[[2, 5]] = partial_errors[[2, 5]] = np.nan
    view.set_check(partial_estimates, partial_errors)
    shown_estimates = column(model, COL_FD_GRADIENT)
    assert shown_estimates[2] is None and shown_estimates[5] is None
    assert column(model, COL_REL_ERROR, DISPLAY)[5] is None
    assert [v for i, v in enumerate(shown_estimates) if i not in (2, 5)] == np.delete(estimates, [2, 5]).tolist()
    # None clears and hides again.
    view.set_check(None, None)
    assert check_columns_hidden(view) == [True, True] and label.isHidden() and not view.has_check()
    assert column(model, COL_REL_ERROR, DISPLAY) == [None] * 9
    with pytest.raises(ValueError):
        view.set_check(estimates, None)
    with pytest.raises(ValueError):
        view.set_check(estimates[:3], errors[:3])


def test_new_numbers_clear_the_check(view, trainer, qtbot):
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    view.set_check(estimates, errors)
    model = view.source_model()
    changed = []
    model.dataChanged.connect(lambda tl, br, roles: changed.append((tl.row(), tl.column(), br.row(), br.column())))
    with qtbot.waitSignal(model.check_changed, timeout=1000):
        view.set_record(trainer.step())  # a new iteration: the old estimates would be stale
    assert changed == [(0, COL_VALUE, 8, COL_REL_ERROR)]  # still one signal, over the cleared cells too
    assert check_columns_hidden(view) == [True, True] and not view.has_check()
    assert column(model, COL_FD_GRADIENT) == [None] * 9 and column(model, COL_REL_ERROR) == [None] * 9
    assert view.findChild(QLabel, "checkSummary").isHidden()
    # The rule is simple: set_values always clears it, even with the same arrays.
    view.set_check(estimates, errors)
    view.set_values(record.flat_values, record.flat_gradients, record.flat_updates, record.flat_new_values)
    assert not view.has_check()
    view.set_check(estimates, errors)
    view.set_structure(parameter_specs((2, 3, 1)))
    assert not view.has_check() and check_columns_hidden(view) == [True, True]


def test_check_columns_survive_a_filter_and_reappear_after_a_reset(view, trainer):
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    view.set_check(estimates, errors)
    view.set_filters(kind="threshold")
    view.proxy_model().sort(COL_REL_ERROR, Qt.SortOrder.DescendingOrder)
    assert check_columns_hidden(view) == [False, False]
    view.set_structure(SPECS_221)  # a model reset: the header forgets hidden sections; the view does not
    assert check_columns_hidden(view) == [True, True]
    view.set_record(record)
    view.set_check(estimates, errors)
    assert check_columns_hidden(view) == [False, False]


def test_sorting_by_the_check_uses_the_raw_numbers_and_puts_unchecked_rows_last(shown, trainer):
    view = shown
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    errors = errors.copy()
    errors[[0, 4]] = np.nan
    view.set_check(estimates, errors)
    proxy = view.proxy_model()
    click_header(view, COL_REL_ERROR)
    assert proxy.sort_column() == COL_REL_ERROR
    descending = proxy.sort_order() == Qt.SortOrder.DescendingOrder
    key = -errors if descending else errors
    assert shown_source_rows(view) == np.argsort(key, kind="stable").tolist()
    assert shown_source_rows(view)[-2:] == [0, 4]
    click_header(view, COL_REL_ERROR)  # the other direction: NaN still last
    assert shown_source_rows(view)[-2:] == [0, 4]
    got = [v for v in column(proxy, COL_REL_ERROR) if v is not None]
    assert got == sorted(got, reverse=proxy.sort_order() == Qt.SortOrder.DescendingOrder)
    proxy.sort(COL_FD_GRADIENT, Qt.SortOrder.AscendingOrder)
    assert shown_source_rows(view) == np.argsort(estimates, kind="stable").tolist()


def test_a_large_relative_error_gets_a_warm_background(view, trainer):
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    errors = np.full(9, 1e-10)
    errors[3], errors[6], errors[7] = 0.02, 1e-4, np.nan  # 1e-4 itself is not above the threshold
    view.set_check(estimates, errors)
    model = view.source_model()
    backgrounds = column(model, COL_REL_ERROR, BACKGROUND)
    assert [i for i, b in enumerate(backgrounds) if b is not None] == [3]
    colour = backgrounds[3].color()
    assert colour.red() > colour.blue()  # warm
    assert all(b is None for b in column(model, COL_FD_GRADIENT, BACKGROUND))
    assert "0.02" in model.data(model.index(3, COL_REL_ERROR), TIP)


def test_the_summary_names_the_worst_parameter(view, trainer):
    record, estimates, _errors = checked_step(trainer)
    view.set_record(record)
    errors = np.full(9, 1e-12)
    errors[1] = 3.2e-09
    view.set_check(estimates, errors)
    assert view.check_summary() == ("largest relative error 3.2×10⁻⁹ (v₁₂), leaving out the rounding noise of "
                                    "2 zero gradient(s); 9 of 9 parameters checked")
    assert view.findChild(QLabel, "checkSummary").text() == view.check_summary()
    errors[[1, 2]] = np.nan
    partial = estimates.copy()
    partial[[1, 2]] = np.nan
    errors[8] = 0.5
    view.set_check(partial, errors)
    assert view.check_summary() == ("largest relative error 0.5 (θ₁), leaving out the rounding noise of "
                                    "1 zero gradient(s); 7 of 9 parameters checked")
    view.set_check(np.full(9, np.nan), np.full(9, np.nan))
    assert view.check_summary() == "0 of 9 parameters checked"
    # A real check on inputs without a 0 (no exactly-zero gradient): the worst parameter is named, whichever it is.
    network, x, y = Network.initialise((2, 2, 1)), np.array([[0.2, 0.9]]), np.array([[1.0]])
    real = make_record(compute_step(network, x, y, 0.5), network, iteration=1, epoch=1, mode="standard",
                       learning_rate=0.5, sample_indices=np.array([0]), inputs=x, targets=y)
    _indices, estimates, errors = check_record(real, network)
    view.set_record(real)
    view.set_check(estimates, errors)
    assert np.all(real.flat_gradients != 0)
    worst = SPECS_221[int(np.argmax(errors))].symbol.unicode
    assert f"({worst}); 9 of 9 parameters checked" in view.check_summary()
    view.set_check(None, None)
    assert view.check_summary() == ""


def test_copy_and_csv_include_the_check_only_while_it_is_set(view, trainer):
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    rows = list(csv.reader(io.StringIO(view.export_csv_text())))
    assert ",".join(rows[0]) == "name,layer,kind,from,to,value,gradient,update,new_value"
    assert view.copy_text().splitlines()[0].split("\t")[-1] == "Value after"
    partial = errors.copy()
    partial[6] = np.nan
    view.set_check(estimates, partial)
    rows = list(csv.reader(io.StringIO(view.export_csv_text())))
    assert ",".join(rows[0]) == "name,layer,kind,from,to,value,gradient,update,new_value,fd_gradient,fd_relative_error"
    assert tuple(rows[0]) == CSV_HEADER + CSV_CHECK_HEADER
    assert np.array_equal(bits([float(r[9]) for r in rows[1:]]), bits(estimates))
    assert [r[10] for r in rows[1:]][6] == ""
    assert [float(r[10]) for i, r in enumerate(rows[1:]) if i != 6] == np.delete(partial, 6).tolist()
    lines = view.copy_text().splitlines()
    assert lines[0].split("\t")[-2:] == ["∂Eₖ/∂p (finite diff.)", "rel. error"]
    assert lines[1].split("\t")[-2:] == [repr(float(estimates[0])), repr(float(partial[0]))]
    view.set_record(trainer.step())
    assert ",".join(next(csv.reader(io.StringIO(view.export_csv_text())))) == ",".join(CSV_HEADER)


def test_the_check_columns_are_readable_at_900_pixels(shown, trainer):
    view = shown
    view.resize(900, 400)
    record, estimates, errors = checked_step(trainer)
    view.set_record(record)
    view.set_check(estimates, errors)
    QApplication.processEvents()
    table, header = view.table(), view.table().horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(header.count()):
        title = view.proxy_model().headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= metrics.horizontalAdvance(title), title  # no elided title
    right = header.sectionViewportPosition(COL_REL_ERROR) + header.sectionSize(COL_REL_ERROR)
    assert right <= table.viewport().width() + 1  # no horizontal scrolling needed
    assert not view.findChild(QLabel, "checkSummary").isHidden()


# ---- editing a value ----------------------------------------------------------------------------------------
def test_nothing_is_editable_unless_allowed(shown, trainer, qtbot):
    view = shown
    view.set_record(trainer.step())
    model, proxy, table = view.source_model(), view.proxy_model(), view.table()
    assert not view.editable()
    for m in (model, proxy):
        assert not any(m.flags(m.index(r, c)) & EDITABLE for r in range(9) for c in range(m.columnCount()))
    with qtbot.assertNotEmitted(view.value_edit_requested), qtbot.assertNotEmitted(view.invalid_edit):
        assert proxy.setData(proxy.index(1, COL_VALUE), "0.25", EDIT) is False
        assert proxy.setData(proxy.index(1, COL_VALUE), "abc", EDIT) is False
        click_cell(view, 1, COL_VALUE)
        QTest.keyClick(table, Qt.Key.Key_F2)
        assert table.state() != table.State.EditingState
        assert table.findChild(QLineEdit, "valueEditor") is None
    view.set_editable(True)
    assert [c for c in range(proxy.columnCount()) if proxy.flags(proxy.index(1, c)) & EDITABLE] == [COL_VALUE]
    view.set_record(None)  # no values: nothing to edit
    assert not proxy.flags(proxy.index(1, COL_VALUE)) & EDITABLE


def test_an_edit_requests_the_canonical_index_when_sorted_and_filtered_and_changes_nothing(view, trainer, qtbot):
    record = trainer.step()
    view.set_record(record)
    view.set_editable(True)
    view.set_filters(kind="weight")
    proxy, model = view.proxy_model(), view.source_model()
    proxy.sort(COL_GRADIENT, Qt.SortOrder.DescendingOrder)
    weights = [i for i, s in enumerate(SPECS_221) if s.kind == "weight"]
    expected = sorted(weights, key=lambda i: -record.flat_gradients[i])
    assert shown_source_rows(view) == expected
    index = proxy.index(2, COL_VALUE)
    assert proxy.flags(index) & EDITABLE
    assert proxy.data(index, EDIT) == exact_number(record.flat_values[expected[2]])  # the editor's exact text
    before = column(model, COL_VALUE)
    with qtbot.waitSignal(view.value_edit_requested, timeout=1000) as blocker:
        assert proxy.setData(index, "0.25", EDIT) is False  # the table does not change its own data
    assert blocker.args == [expected[2], 0.25]
    with qtbot.waitSignal(view.value_edit_requested, timeout=1000) as blocker:
        proxy.setData(proxy.index(0, COL_VALUE), " −1.5e-3 ", EDIT)  # a typographic minus, spaces
    assert blocker.args == [expected[0], -0.0015]
    with qtbot.waitSignal(view.value_edit_requested, timeout=1000) as blocker:
        proxy.setData(proxy.index(0, COL_VALUE), "−1.5×10⁻⁵", EDIT)  # as the table writes it
    assert blocker.args == [expected[0], -1.5e-05]
    assert column(model, COL_VALUE) == before and proxy.data(index, USER) == float(record.flat_values[expected[2]])
    with qtbot.assertNotEmitted(view.value_edit_requested), qtbot.assertNotEmitted(view.invalid_edit):
        proxy.setData(index, proxy.data(index, EDIT), EDIT)  # unchanged: nothing to ask
        proxy.setData(proxy.index(2, COL_GRADIENT), "0.25", EDIT)  # not an editable column


@pytest.mark.parametrize("text, message", [
    ("abc", "v_12: “abc” is not a number."),
    ("nan", "v_12: “nan” is not a number."),
    ("inf", "v_12: “inf” is not a finite number."),
    ("-Infinity", "v_12: “-Infinity” is not a finite number."),
    ("", "v_12: “” is not a number."),
])
def test_text_that_is_not_a_finite_number_is_refused_with_a_message(view, trainer, qtbot, text, message):
    view.set_record(trainer.step())
    view.set_editable(True)
    proxy = view.proxy_model()
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    row = proxy.proxy_row(1)  # v_12
    with (qtbot.assertNotEmitted(view.value_edit_requested),
          qtbot.waitSignal(view.invalid_edit, timeout=1000) as blocker):
        assert proxy.setData(proxy.index(row, COL_VALUE), text, EDIT) is False
    assert blocker.args == [message]


def open_editor(table):
    """The open value editor (a closed one lingers until deleted later), or None."""
    editors = [e for e in table.findChildren(QLineEdit, "valueEditor") if e.isVisible()]
    return editors[0] if editors else None


def test_editing_in_the_table_with_f2_or_a_double_click(shown, trainer, qtbot):
    view = shown
    record = trainer.step()
    view.set_record(record)
    view.set_editable(True)
    view.set_filters(layer=2)
    proxy, table = view.proxy_model(), view.table()
    proxy.sort(COL_VALUE, Qt.SortOrder.DescendingOrder)
    index = proxy.index(1, COL_VALUE)
    canonical = proxy.source_row(1)
    click_cell(view, 1, COL_VALUE)
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(table)
    assert editor is not None and editor.text() == exact_number(record.flat_values[canonical])
    assert editor.selectedText() == editor.text()  # typing replaces it
    QTest.keyClicks(editor, "0.25")
    with qtbot.waitSignal(view.value_edit_requested, timeout=1000) as blocker:
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [canonical, 0.25]
    assert proxy.data(index, USER) == float(record.flat_values[canonical])  # until the controller answers
    # A double-click opens the editor too; bad text is refused with a message.
    rect = table.visualRect(proxy.index(0, COL_VALUE))
    # A real double-click starts with a press (QTest.mouseDClick sends only the double-click event).
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: open_editor(table) is not None, timeout=1000)
    editor = open_editor(table)
    assert editor.text() == exact_number(record.flat_values[proxy.source_row(0)])
    QTest.keyClicks(editor, "abc")  # replaces the selected value
    assert editor.text() == "abc"
    name = SPECS_221[proxy.source_row(0)].name
    with (qtbot.assertNotEmitted(view.value_edit_requested),
          qtbot.waitSignal(view.invalid_edit, timeout=1000) as blocker):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [f"{name}: “abc” is not a number."]
    # Forbidding edits closes an open editor without a commit.
    click_cell(view, 2, COL_VALUE)
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(table)
    QTest.keyClicks(editor, "0.75")
    with qtbot.assertNotEmitted(view.value_edit_requested):
        view.set_editable(False)
        QApplication.processEvents()
    assert table.state() != table.State.EditingState and open_editor(table) is None


def test_columns_follow_the_width_until_the_user_drags_a_border(shown, trainer, qtbot):
    view = shown
    view.set_record(trainer.step())
    table, header = view.table(), view.table().horizontalHeader()
    narrow = header.sectionSize(COL_GRADIENT)
    view.resize(1000, 400)
    qtbot.waitUntil(lambda: header.sectionSize(COL_GRADIENT) > narrow, timeout=1000)  # the slack goes to numbers
    name_width = header.sectionSize(COL_NAME)
    border = QPoint(header.sectionViewportPosition(COL_NAME) + name_width - 1, header.height() // 2)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=border)
    QTest.mouseMove(header.viewport(), border + QPoint(40, 0))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=border + QPoint(40, 0))
    dragged = header.sectionSize(COL_NAME)
    assert dragged > name_width
    gradient_width = header.sectionSize(COL_GRADIENT)
    view.resize(1200, 400)
    QApplication.processEvents()
    assert table.viewport().width() > 1000 - 50
    assert (header.sectionSize(COL_NAME), header.sectionSize(COL_GRADIENT)) == (dragged, gradient_width)


def test_the_gradient_column_names_one_samples_gradient_or_a_batch_mean(qtbot):
    from bpgui.model.training import TrainingConfig

    data = load_builtin("xor")
    view = GradientTableView()
    qtbot.addWidget(view)
    for mode, name in (("standard", "∂Eₖ/∂p"), ("accumulated", "∂E/∂p")):
        trainer = Trainer(Network.initialise((2, 2, 1), seed=0), data, config=TrainingConfig(mode=mode))
        view.set_record(trainer.step())
        model = view.proxy_model()
        assert model.headerData(COL_GRADIENT, Qt.Orientation.Horizontal) == name
