"""The gradient table shows a record's numbers exactly, filters, sorts, selects, copies and exports."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QSpinBox

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.datasets import load_builtin
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network
from bpgui.model.training import Trainer
from bpgui.views.gradient_table import (
    COL_FROM_TO,
    COL_GRADIENT,
    COL_LAYER,
    COL_NAME,
    COL_NEW_VALUE,
    COL_UPDATE,
    COL_VALUE,
    CSV_HEADER,
    GradientTableView,
)

DISPLAY, USER, TIP, ALIGN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.TextAlignmentRole)
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


def click_row(view, proxy_row, modifier=Qt.KeyboardModifier.NoModifier):
    table = view.table()
    rect = table.visualRect(view.proxy_model().index(proxy_row, COL_NAME))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


# ---- contents ---------------------------------------------------------------------------------------
def test_rows_are_the_parameters_in_canonical_order(view, trainer):
    view.set_record(trainer.step())
    proxy = view.proxy_model()
    assert column(proxy, COL_NAME, DISPLAY) == [s.name for s in SPECS_221]
    assert column(proxy, COL_NAME, DISPLAY)[:6] == ["v_11", "v_12", "v_21", "v_22", "γ_1", "γ_2"]
    assert column(proxy, COL_LAYER, DISPLAY) == [s.layer for s in SPECS_221]
    assert column(proxy, COL_FROM_TO, DISPLAY)[1] == "1 → 2"
    assert column(proxy, COL_FROM_TO, DISPLAY)[8] == "— → 1"
    tips = column(proxy, COL_NAME, TIP)
    assert "weight from input x_1 to hidden b_2" in tips[1]
    assert "threshold of hidden b_1" in tips[4]
    assert "weight from hidden b_2 to output ŷ_1" in tips[7]
    assert "threshold of output ŷ_1" in tips[8]
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert titles == ["Name", "Layer", "From → To", "Value before", "∂E/∂p", "Δp", "Value after"]


def test_cells_hold_the_records_numbers_exactly_and_show_the_chosen_precision(view, trainer):
    record = trainer.step()
    view.set_record(record)
    model = view.source_model()
    for col, attr in NUMERIC.items():
        expected = getattr(record, attr)
        got = np.array(column(model, col, USER))
        assert np.array_equal(got.view(np.uint64), expected.view(np.uint64)), attr  # bitwise, −0.0 included
        assert column(model, col, DISPLAY) == [format(float(v) + 0.0, ".6g") for v in expected]
        assert column(model, col, TIP) == [repr(float(v)) for v in expected]
        assert model.data(model.index(0, col), ALIGN) & Qt.AlignmentFlag.AlignRight
    view.set_precision(3)
    assert view.precision() == 3
    assert column(model, COL_GRADIENT, DISPLAY) == [format(float(v) + 0.0, ".3g") for v in record.flat_gradients]
    spin = view.findChild(QSpinBox, "precision")
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 17, 3)
    spin.setValue(17)  # 17 significant digits round-trip every float
    assert [float(text) for text in column(model, COL_VALUE, DISPLAY)] == record.flat_values.tolist()


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
        assert column(proxy, col, DISPLAY) == [format(v + 0.0, ".6g") for v in getattr(second, attr).tolist()]
    assert column(proxy, COL_VALUE, USER) == first.flat_new_values.tolist()  # p(t+1) = p(t) + Δp
    assert view.selected_parameter() == 3  # the selection survived


def test_without_a_record_only_the_values_are_shown(view, trainer):
    view.set_structure(SPECS_221)
    model = view.source_model()
    assert all(v is None for v in column(model, COL_VALUE, DISPLAY))
    view.set_record(None, trainer.network.flat_parameters())
    assert column(model, COL_VALUE, USER) == trainer.network.flat_parameters().tolist()
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
    layer.setCurrentIndex(1)
    assert proxy.rowCount() == 6
    layer.setCurrentIndex(2)
    assert column(proxy, COL_NAME, DISPLAY) == ["w_11", "w_21", "θ_1"]
    kind.setCurrentIndex(2)
    assert column(proxy, COL_NAME, DISPLAY) == ["θ_1"]
    layer.setCurrentIndex(0)
    assert column(proxy, COL_NAME, DISPLAY) == ["γ_1", "γ_2", "θ_1"]
    kind.setCurrentIndex(1)
    assert proxy.rowCount() == 6
    kind.setCurrentIndex(0)
    QTest.keyClicks(text, "W_")  # case-insensitive
    assert column(proxy, COL_NAME, DISPLAY) == ["w_11", "w_21"]
    text.clear()
    QTest.keyClicks(text, "_1")
    assert column(proxy, COL_NAME, DISPLAY) == ["v_11", "v_12", "γ_1", "w_11", "θ_1"]
    view.clear_filters()
    assert proxy.rowCount() == 9


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
    assert proxy.data(proxy.index(current.row(), COL_NAME)) == "w_21"
    assert view.selected_parameter() == 7
    assert [i.row() for i in view.table().selectionModel().selectedRows()] == [current.row()]
    with qtbot.assertNotEmitted(view.parameter_selected):
        proxy.sort(COL_VALUE, Qt.SortOrder.DescendingOrder)  # the row moves; the selection follows it
    assert view.selected_parameter() == 7
    assert proxy.data(view.table().currentIndex().siblingAtColumn(COL_NAME)) == "w_21"
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
    lines = ["Name\tLayer\tFrom → To\tValue before\t∂E/∂p\tΔp\tValue after"]
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
    selection = view.table().selectionModel()
    selection.select(view.proxy_model().index(1, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
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
    assert proxy.data(proxy.index(0, COL_NAME)) == "v_11"
    assert proxy.data(proxy.index(10, COL_NAME)) == "v_1,11"
    view.set_record(second)
    QApplication.processEvents()
    top = table.rowAt(0)
    assert proxy.data(proxy.index(top, COL_GRADIENT)) == format(float(second.flat_gradients[top]) + 0.0, ".6g")
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
    assert proxy.data(table.currentIndex().siblingAtColumn(COL_NAME)) == "θ_30"
