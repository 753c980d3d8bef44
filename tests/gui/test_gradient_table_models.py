"""The gradient table's model and proxy obey Qt's model rules (QAbstractItemModelTester) in every state.

The tester watches the model while it changes, so each check covers the
signals of the changes made before it as well as the state it finds.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt

from bpgui.model.datasets import load_builtin
from bpgui.model.gradcheck import check_record
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network
from bpgui.model.training import Trainer
from bpgui.views.gradient_table import (
    COL_GRADIENT,
    COL_NAME,
    COL_REL_ERROR,
    COL_VALUE,
    GradientFilterProxyModel,
    GradientTableModel,
    GradientTableView,
)


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
    assert names(proxy) == ["θ_1"]
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
