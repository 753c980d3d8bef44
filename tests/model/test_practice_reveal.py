"""Predict, then reveal: each phase reveals its cells exactly once, and a cell's line with numbers is worth it."""

from __future__ import annotations

import pytest

from bpgui.model import closed_forms as cf
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.phases import phase_views
from bpgui.model.practice.reveal import known, numbered, reveal_line, revealed
from bpgui.model.practice.worksheet import new_value_cells, worksheet
from bpgui.model.training import Trainer, TrainingConfig


def _sheet(sizes, mode="standard"):
    trainer = Trainer(Network.initialise(sizes, seed=2), load_builtin("xor"),
                      config=TrainingConfig(mode=mode, learning_rate=0.5))
    rec = trainer.step()
    return rec, worksheet(rec, trainer.network.activations, trainer.network.loss), trainer.network.activations


@pytest.mark.parametrize("sizes", [(2, 2, 1), (2, 3, 1), (2, 2, 2, 1)])
@pytest.mark.parametrize("per_output", [False, True])
def test_every_cell_is_revealed_by_exactly_one_phase_in_the_notes_order(sizes, per_output):
    rec, sheet, acts = _sheet(sizes)
    cells = sheet.cells + new_value_cells(rec, acts, "squared_error")
    views = phase_views(sizes, per_output=per_output)
    seen: list[str] = []
    before = None
    for view in views:
        new = revealed(cells, before, view)
        assert not {c.key for c in new} & set(seen)  # nothing twice
        seen += [c.key for c in new]
        before = view
    assert sorted(seen) == sorted(c.key for c in cells)  # everything once
    assert not [c for c in sheet.cells if known(c, None)]
    first = revealed(sheet.cells, None, views[0])
    assert first and all(c.quantity in ("net", "output") and c.layer == 1 for c in first)
    last = revealed(cells, views[-2], views[-1])
    assert {c.quantity for c in last} == {"update", "new"}


@pytest.mark.parametrize("mode", ["standard", "accumulated"])
def test_a_reveal_line_writes_the_numbers_and_is_worth_the_cells_value(mode):
    rec, sheet, acts = _sheet((2, 2, 1), mode)
    env = cf.RecordEnv(rec, acts)
    for cell in sheet.cells:
        line = reveal_line(cell, env, 4)
        text = line.text()
        assert text.startswith(cell.formula.lhs.text() + " = ") and text.count(" = ") >= 3
        assert line.sides[2].evaluate(env, {"k": 1}) == pytest.approx(cell.value, rel=1e-12, abs=1e-15)
        assert not [s for s in line.sides[2].text().split() if s[:1] in "αβγθvwxyŷbgEη"]  # numbers only
    out = sheet.cell("out:2:1")
    assert reveal_line(out, env, 4).sides[2].text().startswith("f(")  # ŷ₁ = f(β₁ − θ₁) = f(… − …)
    alpha = reveal_line(sheet.cell("net:1:1"), env, 4).sides[2].text()
    assert alpha.count("+") == 1 and alpha.count(" · ") == 2  # Σ over two inputs written out, products dotted


def test_a_long_sum_is_summed_not_written_out():
    trainer = Trainer(Network.initialise((6, 2, 1), seed=1), _six_inputs())
    rec = trainer.step()
    sheet = worksheet(rec, trainer.network.activations, trainer.network.loss)
    env = cf.RecordEnv(rec, trainer.network.activations)
    line = numbered(sheet.cell("net:1:1").formula.rhs, env, {"k": 1}, 4)
    assert "+" not in line.text() and line.evaluate(env, {"k": 1}) == sheet.cell("net:1:1").value


def _six_inputs():
    import numpy as np

    from bpgui.model.dataset import Dataset

    rng = np.random.default_rng(0)
    return Dataset("six", rng.normal(size=(5, 6)), rng.uniform(size=(5, 1)),
                   tuple(f"x{i}" for i in range(6)), ("y",), "regression")
