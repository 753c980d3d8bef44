"""The gradient table's model and proxy obey Qt's model rules (QAbstractItemModelTester) in every state.

The tester watches the model while it changes, so each check covers the
signals of the changes made before it as well as the state it finds.

Then the names: the Name column writes each parameter as the network drawing
does, the filter finds what a learner types, and the gradient check's summary
never names an exactly-zero gradient's rounding noise.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from bpgui.model.datasets import load_builtin
from bpgui.model.gradcheck import NOISE_FLOOR, check_record, largest_error, relative_errors
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network
from bpgui.model.numbers import format_number
from bpgui.model.training import Trainer
from bpgui.views.gradient_table import (
    COL_GRADIENT,
    COL_NAME,
    COL_REL_ERROR,
    COL_VALUE,
    REL_ERROR_WARNING,
    GradientFilterProxyModel,
    GradientTableModel,
    GradientTableView,
)
from bpgui.views.gradient_table_columns import CHECK_NOISE_FLOOR
from bpgui.views.topology import TopologyView


@pytest.fixture
def trainer():
    return Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"))


@pytest.fixture
def view(qtbot):
    widget = GradientTableView()
    qtbot.addWidget(widget)
    return widget


def names(model):
    return [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]


def test_an_empty_model_and_proxy_pass_the_model_tester(qtmodeltester):
    model = GradientTableModel()
    proxy = GradientFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.rowCount() == proxy.rowCount() == 0


def test_model_and_proxy_pass_the_model_tester_through_a_records_life(view, trainer, qtmodeltester):
    model, proxy = view.source_model(), view.proxy_model()
    network_before = trainer.network
    record = trainer.step()
    view.set_record(record)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 9 and proxy.columnCount() == model.columnCount()

    _indices, estimates, errors = check_record(record, network_before)
    view.set_check(estimates, errors)
    proxy.sort(COL_GRADIENT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    shown = [proxy.data(proxy.index(r, COL_GRADIENT), Qt.ItemDataRole.UserRole) for r in range(9)]
    assert shown == sorted(shown, reverse=True)

    view.set_filters(kind="threshold", text="θ")
    qtmodeltester.check(proxy)
    assert names(proxy) == ["θ₁"]
    assert not proxy.mapFromSource(model.index(0, COL_VALUE)).isValid()  # v_11 is filtered out
    assert proxy.mapToSource(proxy.index(0, COL_VALUE)).row() == 8
    assert not proxy.index(1, COL_NAME).isValid()
    assert not proxy.index(0, COL_NAME, proxy.index(0, COL_NAME)).isValid()  # a table: no children

    view.clear_filters()
    view.set_record(trainer.step())  # new numbers: the check is cleared, the sort kept until re-applied
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.data(model.index(0, COL_REL_ERROR)) is None

    view.set_structure(parameter_specs((3, 4, 2, 1)))  # another network: a reset of both
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.rowCount() == proxy.rowCount() == 3 * 4 + 4 + 4 * 2 + 2 + 2 * 1 + 1
    assert all(model.data(model.index(r, COL_VALUE)) is None for r in range(model.rowCount()))


def test_the_proxy_maps_rows_both_ways_after_a_sort_and_a_filter(view, trainer):
    record = trainer.step()
    view.set_record(record)
    model, proxy = view.source_model(), view.proxy_model()
    proxy.sort(COL_VALUE, Qt.SortOrder.AscendingOrder)
    view.set_filters(kind="weight")
    expected = [i for i in np.argsort(record.flat_values, kind="stable").tolist() if model.specs[i].kind == "weight"]
    assert [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())] == expected
    for row, source in enumerate(expected):
        assert proxy.mapFromSource(model.index(source, COL_VALUE)) == proxy.index(row, COL_VALUE)
    assert proxy.mapFromSource(QModelIndex()) == QModelIndex()


def test_the_proxy_shows_only_a_gradient_table_model():
    with pytest.raises(TypeError):
        GradientFilterProxyModel().setSourceModel(GradientFilterProxyModel())


# ---- names as the network drawing writes them; what a learner types in the filter ---------------------------
_HTML_SCRIPTS = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def drawn(html):
    """A name in the drawing's rich text (<i>v</i><sup>(1)</sup><sub>11</sub>) as the characters it shows."""
    html = re.sub(r"<sup>(.*?)</sup>", lambda m: m.group(1).translate(_HTML_SCRIPTS), html)
    html = re.sub(r"<sub>(.*?)</sub>", lambda m: m.group(1).translate(SUBSCRIPTS), html)
    return re.sub(r"<[^>]+>", "", html)


SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@pytest.mark.parametrize("sizes", [(2, 2, 1), (2, 3, 2, 1)])
def test_the_name_column_writes_every_parameter_as_the_network_drawing_does(view, qtbot, sizes):
    network = Network.initialise(sizes)
    drawing = TopologyView()
    qtbot.addWidget(drawing)
    drawing.set_structure(sizes)
    drawing.show_state(network, None)
    view.set_structure(parameter_specs(sizes))
    shown = names(view.proxy_model())
    for index, spec in enumerate(view.source_model().specs):
        if spec.kind == "threshold":  # drawn beside its unit: "γ₁ = 0.1"
            label = drawing.unit_item(spec.layer, spec.target - 1).threshold_label.text()
            assert label.split(" = ")[0] == shown[index]
        else:  # a link's tooltip is headed by its name
            heading = re.match(r"<b>(.*?)</b>", drawing.link_tooltip(index)).group(1)
            assert drawn(heading) == shown[index]
    if len(sizes) == 3:
        assert shown == ["v₁₁", "v₁₂", "v₂₁", "v₂₂", "γ₁", "γ₂", "w₁₁", "w₂₁", "θ₁"]
    else:
        assert shown[:3] == ["v⁽¹⁾₁₁", "v⁽¹⁾₁₂", "v⁽¹⁾₁₃"] and shown[-3:] == ["w₁₁", "w₂₁", "θ₁"]
    model = view.source_model()
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.ToolTipRole).startswith(shown[0] + ": weight from")


FILTERED = {
    (2, 2, 1): [
        ("v1", ["v₁₁", "v₁₂"]),
        ("v(1)", ["v₁₁", "v₁₂", "v₂₁", "v₂₂"]),
        ("w^(2)", ["w₁₁", "w₂₁"]),  # the output layer is layer 2: its w's
        ("gamma", ["γ₁", "γ₂"]),
        ("γ_2", ["γ₂"]),
        ("γ₂", ["γ₂"]),  # pasted from the table
        ("theta", ["θ₁"]),
        ("V 2 1", ["v₂₁"]),
        ("_1", ["v₁₁", "v₁₂", "γ₁", "w₁₁", "θ₁"]),
        ("v(2)", []),
    ],
    (2, 3, 2, 1): [
        ("v(1)", ["v⁽¹⁾₁₁", "v⁽¹⁾₁₂", "v⁽¹⁾₁₃", "v⁽¹⁾₂₁", "v⁽¹⁾₂₂", "v⁽¹⁾₂₃"]),
        ("v^(2)_3", ["v⁽²⁾₃₁", "v⁽²⁾₃₂"]),
        ("v^2_3", ["v⁽²⁾₃₁", "v⁽²⁾₃₂"]),
        ("v⁽²⁾₃₁", ["v⁽²⁾₃₁"]),
        ("v1", ["v⁽¹⁾₁₁", "v⁽¹⁾₁₂", "v⁽¹⁾₁₃", "v⁽²⁾₁₁", "v⁽²⁾₁₂"]),  # first index 1, any layer
        ("w^(2)", []),  # layer 2 is hidden here: its weights are v⁽²⁾
        ("w^(3)", ["w₁₁", "w₂₁"]),
        ("gamma_2", ["γ⁽¹⁾₂", "γ⁽²⁾₂"]),
        ("γ(2)", ["γ⁽²⁾₁", "γ⁽²⁾₂"]),
        ("theta", ["θ₁"]),
    ],
}


def type_into(widget, typed):
    """Type ``typed``: key clicks, and what a keyboard cannot click (γ, ₂, ⁽) committed as an input method does."""
    for char in typed:
        if ord(char) < 256:
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("sizes, typed, expected", [(s, t, e) for s, cases in FILTERED.items() for t, e in cases])
def test_the_name_filter_finds_what_a_learner_types(view, sizes, typed, expected):
    view.set_structure(parameter_specs(sizes))
    text = view.findChild(QLineEdit, "nameFilter")
    type_into(text, typed)
    assert text.text() == typed
    assert names(view.proxy_model()) == expected


def test_sorting_by_name_is_natural_and_copy_keeps_the_plain_names(view, qtbot):
    view.set_structure(parameter_specs((12, 2, 1)))
    view.show()
    qtbot.waitExposed(view)
    header = view.table().horizontalHeader()
    x = header.sectionViewportPosition(COL_NAME) + header.sectionSize(COL_NAME) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    shown = names(view.proxy_model())
    assert shown[16:21] == ["v₉₁", "v₉₂", "v₁₀,₁", "v₁₀,₂", "v₁₁,₁"]  # 9 before 10, as numbers
    assert shown[-5:] == ["w₁₁", "w₂₁", "γ₁", "γ₂", "θ₁"]  # by letter: v, w, γ, θ
    view.set_structure(parameter_specs((2, 3, 2, 1)))
    view.table().selectRow(0)
    assert view.copy_text().splitlines()[1].split("\t")[0] == "v^(1)_11"
    assert view.export_csv_text().splitlines()[1].split(",")[0] == "v^(1)_11"


# ---- the check's summary never names rounding noise --------------------------------------------------------
def test_the_table_applies_the_models_noise_rule_with_the_same_floor():
    assert CHECK_NOISE_FLOOR == NOISE_FLOOR
    assert NOISE_FLOOR / 1e-6 <= REL_ERROR_WARNING  # a highlighted row is never noise
    rng = np.random.default_rng(5)
    model = GradientTableModel()
    model.set_structure(parameter_specs((3, 4, 2)))
    n = len(model.specs)
    for _ in range(20):
        gradients = np.where(rng.random(n) < 0.3, 0.0, rng.normal(size=n))
        estimates = gradients + rng.normal(scale=1e-12, size=n) * (rng.random(n) < 0.9)
        estimates[rng.random(n) < 0.1] = np.nan
        errors = relative_errors(gradients, estimates)
        model.set_values(gradients, gradients, gradients, gradients)
        model.set_check(estimates, errors)
        assert model.check_summary_parts()[0] == largest_error(gradients, estimates, errors)


def test_an_exactly_zero_gradient_is_not_named_the_worst_on_xor(view, trainer):
    network_before = trainer.network
    record = trainer.step()  # XOR's sample (1, 0): ∂E/∂v_21 = ∂E/∂v_22 = 0 exactly
    assert record.inputs.tolist() == [[1.0, 0.0]]
    assert record.flat_gradients[2] == 0 and record.flat_gradients[3] == 0
    _indices, estimates, errors = check_record(record, network_before)
    assert int(np.argmax(errors)) in (2, 3)  # without the rule the noise would be named
    view.set_record(record)
    view.set_check(estimates, errors)
    real = [0, 1, 4, 5, 6, 7, 8]
    worst = real[int(np.argmax(errors[real]))]
    name = parameter_specs((2, 2, 1))[worst].symbol.unicode
    shown = format_number(errors[worst], 2)
    assert view.check_summary() == (f"largest relative error {shown} ({name}), leaving out the "
                                    "rounding noise of 2 zero gradient(s); 9 of 9 parameters checked")
    label = view.findChild(QLabel, "checkSummary")
    assert label.text() == view.check_summary()
    assert "is rounding noise, not counted as the largest error (here: 2)" in label.toolTip()
    # A real disagreement on an exactly-zero gradient is named.
    estimates = estimates.copy()
    estimates[2] = 1e-3
    view.set_check(estimates, relative_errors(record.flat_gradients, estimates))
    assert "(v₂₁), leaving out the rounding noise of 1 zero gradient(s); 9 of 9" in view.check_summary()
    assert "(here: 1)" in label.toolTip()
