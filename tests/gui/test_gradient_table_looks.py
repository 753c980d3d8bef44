"""The table's cache of cell looks (``LookCache``): what a painted cell shows is made once per new state,
and is always what ``data()`` answers from scratch, through every change the table can see."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

import bpgui.views.gradient_table_model as table_model
from bpgui.model.datasets import load_builtin
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network
from bpgui.model.training import Trainer
from bpgui.views.gradient_table import GradientTableView
from bpgui.views.gradient_table_columns import (
    COL_NEW_VALUE,
    COL_REL_ERROR,
    COL_VALUE,
    KINDS,
    LOOK_CACHE_LIMIT,
    N_COLUMNS,
    NUMBER_COLUMNS,
)
from bpgui.views.gradient_table_model import GradientTableModel
from bpgui.views.gradient_table_proxy import GradientFilterProxyModel

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
         Qt.ItemDataRole.ForegroundRole)
SHAPES = ((2, 2, 1), (2, 3, 1), (3, 2, 2, 1))


def from_scratch(model: GradientTableModel, row: int, column: int) -> tuple:
    """A cell's look as ``data()`` answers it, role by role (nothing cached)."""
    return tuple(model.cell_data(row, column, role) for role in ROLES)


def assert_every_look_is_fresh(model: GradientTableModel, proxy: GradientFilterProxyModel) -> None:
    for row in range(proxy.rowCount()):
        source = proxy.source_row(row)
        for column in range(N_COLUMNS):
            expected = from_scratch(model, source, column)
            assert proxy.cell_look(row, column) == expected, (row, column)
            assert model.cell_look(source, column) == expected
            assert proxy.flags(proxy.index(row, column)) == model.flags(model.index(source, column))


def numbers(rng: np.random.Generator, n: int, blanks: bool) -> np.ndarray:
    """Values of every size the screen formats differently (tiny, huge, ±0), NaN (a phase's blank) if asked."""
    values = rng.standard_normal(n) * 10.0 ** rng.integers(-9, 8, n)
    values[rng.random(n) < 0.1] = -0.0
    if blanks:
        values[rng.random(n) < 0.4] = np.nan
    return values


OPERATIONS = st.one_of(
    st.tuples(st.just("values"), st.integers(0, 2**32 - 1), st.booleans(), st.booleans()),
    st.tuples(st.just("check"), st.integers(0, 2**32 - 1), st.booleans()),
    st.tuples(st.just("digits"), st.integers(1, 17)),
    st.tuples(st.just("structure"), st.integers(0, len(SHAPES) - 1)),
    st.tuples(st.just("editable"), st.booleans(), st.sampled_from((COL_VALUE, COL_NEW_VALUE))),
    st.tuples(st.just("sort"), st.integers(-1, N_COLUMNS - 1), st.booleans()),
    st.tuples(st.just("filter"), st.integers(0, 3), st.sampled_from(KINDS), st.sampled_from(("", "1", "γ", "v_2"))),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(OPERATIONS, min_size=1, max_size=10), st.integers(0, 2**32 - 1))
def test_a_cached_look_is_the_look_from_scratch_after_any_change(qapp, operations, seed):
    rng = np.random.default_rng(seed)
    model = GradientTableModel()
    proxy = GradientFilterProxyModel()
    proxy.setSourceModel(model)
    model.set_structure(parameter_specs(SHAPES[0]))
    for operation in operations:
        n = len(model.specs)
        kind = operation[0]
        if kind == "values":
            _, _, blanks, partly = operation
            arrays = [numbers(rng, n, blanks) for _ in range(4)]
            if partly:  # a phase of an iteration: some columns not known at all
                arrays[rng.integers(1, 4)] = None
            model.set_values(*arrays)
        elif kind == "check":
            if operation[2]:
                errors = np.abs(numbers(rng, n, True))  # some above REL_ERROR_WARNING: highlighted
                model.set_check(numbers(rng, n, True), errors)
            else:
                model.set_check(None, None)
        elif kind == "digits":
            model.set_precision(operation[1])
        elif kind == "structure":
            model.set_structure(parameter_specs(SHAPES[operation[1]]))
        elif kind == "editable":
            model.set_editable(operation[1], operation[2])
        elif kind == "sort":
            proxy.sort(operation[1], Qt.SortOrder.DescendingOrder if operation[2] else Qt.SortOrder.AscendingOrder)
        else:
            proxy.set_filter(layer=operation[1], kind=operation[2], text=operation[3])
        # "Paint" some cells, so that the next change finds looks in the cache.
        for _ in range(8):
            if proxy.rowCount():
                proxy.cell_look(int(rng.integers(0, proxy.rowCount())), int(rng.integers(0, N_COLUMNS)))
        assert_every_look_is_fresh(model, proxy)


def test_a_look_outside_the_table_is_blank_and_the_cache_stays_bounded(qapp):
    model = GradientTableModel()
    proxy = GradientFilterProxyModel()
    proxy.setSourceModel(model)
    specs = parameter_specs((40, 40, 10))  # 2,050 rows: more number cells than the cache keeps
    model.set_structure(specs)
    values = np.linspace(-1, 1, len(specs))
    model.set_values(values, values, values, values)
    assert proxy.cell_look(-1, COL_VALUE) == proxy.cell_look(len(specs), COL_VALUE) == (None, None, None, None)
    assert model.cell_look(0, N_COLUMNS) == from_scratch(model, 0, N_COLUMNS) == (None, None, None, None)
    for row in range(len(specs)):
        for column in NUMBER_COLUMNS[:4]:
            assert model.cell_look(row, column) == from_scratch(model, row, column)
    looks = model.looks
    assert 0 < len(looks._numbers) <= LOOK_CACHE_LIMIT
    assert looks.made == 4 * len(specs)  # each cell made once (none outside the columns is kept)


@pytest.fixture
def counted_table(show, monkeypatch):
    """A shown table on a 2-3-1 network's record, with every format_number call of its model counted."""
    calls: list[float] = []
    original = table_model.format_number

    def counting(value, digits=4):
        calls.append(value)
        return original(value, digits)

    monkeypatch.setattr(table_model, "format_number", counting)
    view = show(GradientTableView(), 900, 420)
    trainer = Trainer(Network.initialise((2, 3, 1), seed=4), load_builtin("xor"))
    view.set_record(trainer.step())
    return view, trainer, calls


def repaint(view: GradientTableView) -> None:
    view.findChild(QTableView, "gradientTable").viewport().repaint()


def test_a_repaint_with_nothing_new_formats_nothing(counted_table):
    view, _trainer, calls = counted_table
    repaint(view)
    first = len(calls)
    assert first > 0  # the first paint of these numbers formats them
    for _ in range(3):
        repaint(view)
    assert len(calls) == first
    view.select_parameter(3)  # a selection, hover or focus changes how a cell is drawn, not what it says
    repaint(view)
    assert len(calls) == first


def test_new_numbers_are_formatted_once_each_and_shown(counted_table):
    view, trainer, calls = counted_table
    repaint(view)
    record = trainer.step()
    view.set_record(record)
    calls.clear()
    repaint(view)
    repaint(view)
    model = view.source_model()
    n = len(model.specs)  # 13 rows: all shown at this size
    assert len(calls) == 4 * n  # the four numeric columns, each cell once
    assert sorted(calls) == sorted(np.concatenate([record.flat_values, record.flat_gradients, record.flat_updates,
                                                   record.flat_new_values]).tolist())
    calls.clear()
    view.set_digits(7)
    repaint(view)
    assert len(calls) == 4 * n
    proxy = view.proxy_model()
    assert proxy.cell_look(0, COL_VALUE)[0] == table_model.format_number(float(record.flat_values[0]), 7)


def test_a_check_and_its_warnings_reach_the_cached_looks(counted_table):
    view, _trainer, _calls = counted_table
    repaint(view)
    n = len(view.source_model().specs)
    errors = np.where(np.arange(n) % 2 == 0, 0.5, 1e-9)
    view.set_check(np.linspace(-1, 1, n), errors)
    repaint(view)
    proxy = view.proxy_model()
    assert proxy.cell_look(0, COL_REL_ERROR)[2] is not None  # highlighted
    assert proxy.cell_look(1, COL_REL_ERROR)[2] is None
    view.set_check(None, None)
    assert proxy.cell_look(0, COL_REL_ERROR) == (None, table_model.RIGHT, None, None)
