"""The worksheet: its cells in the note's order, each value its formula's over the record, equal to the record's."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpgui.model import closed_forms as cf
from bpgui.model.backprop import compute_step, make_record
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.per_sample import per_sample_gradients
from bpgui.model.practice.worksheet import MAX_CELLS, MAX_UNITS_PER_LAYER, cell_count, worksheet
from bpgui.model.training import Trainer

DEPTHS = {0: (3, 2), 1: (2, 3, 1), 2: (2, 2, 2, 1)}  # each sheet whole (at most MAX_CELLS cells)
CASES = [(act, loss, depth) for act in ("sigmoid", "tanh", "relu", "linear")
         for loss in ("squared_error", "cross_entropy") for depth in DEPTHS
         if loss == "squared_error" or act == "sigmoid"]


def _record(act: str, loss: str, sizes: tuple[int, ...], batch: int, seed: int = 5):
    out = "sigmoid" if loss == "cross_entropy" else act
    acts = (act,) * (len(sizes) - 2) + (out,)
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=seed)
    rng = np.random.default_rng(len(sizes) * 7 + batch)
    x = rng.normal(size=(batch, sizes[0]))
    y = rng.uniform(0.05, 0.95, size=(batch, sizes[-1]))
    step = compute_step(net, x, y, 0.3)
    rec = make_record(step, net, iteration=1, epoch=1, mode="standard" if batch == 1 else "accumulated",
                      learning_rate=0.3, sample_indices=np.arange(batch), inputs=x, targets=y)
    return rec, acts


def _records_number(rec, cell) -> float:
    kind, *rest = cell.key.split(":")
    if kind in ("net", "out", "delta"):
        layer, u = int(rest[0]), int(rest[1])
        field = {"net": "net", "out": "output", "delta": "delta"}[kind]
        return float(getattr(rec.layers[layer - 1], field)[0, u - 1])
    if kind == "error":
        return float(rec.sample_errors[0])
    index = int(rest[0])
    if kind == "grad":
        return float(per_sample_gradients(rec, index)[0])
    if kind == "mean":
        return float(rec.flat_gradients[index])
    assert kind == "update"
    return float(rec.flat_updates[index])


@pytest.mark.parametrize(("act", "loss", "depth"), CASES)
@pytest.mark.parametrize("batch", [1, 3])
def test_every_cell_is_its_formula_over_the_record_and_equals_the_records_number(act, loss, depth, batch):
    rec, acts = _record(act, loss, DEPTHS[depth], batch)
    sheet = worksheet(rec, acts, loss)
    assert sheet.focus is None and len(sheet.cells) == cell_count(DEPTHS[depth], batch > 1)
    for cell in sheet.cells:
        assert math.isclose(cell.value, _records_number(rec, cell), rel_tol=1e-12, abs_tol=1e-15), cell.key
        assert cell.formula.text() and cell.formula.html()
        assert cell.value == cell.formula.rhs.evaluate(cf.RecordEnv(rec, acts), {"k": 1})  # shown = computed


def test_a_2_2_1_sheet_follows_the_notes_order():
    trainer = Trainer(Network.initialise((2, 2, 1), seed=0), load_builtin("xor"))
    rec = trainer.step()
    sheet = worksheet(rec, trainer.network.activations, trainer.network.loss)
    symbols = [cell.symbol.text() for cell in sheet.cells]
    assert symbols == [
        "α₁", "α₂", "b₁", "b₂", "β₁", "ŷ₁", "Eₖ", "g₁", "e₁", "e₂",
        "∂Eₖ/∂w₁₁", "Δw₁₁", "∂Eₖ/∂w₂₁", "Δw₂₁", "∂Eₖ/∂θ₁", "Δθ₁",
        "∂Eₖ/∂v₁₁", "Δv₁₁", "∂Eₖ/∂v₁₂", "Δv₁₂", "∂Eₖ/∂v₂₁", "Δv₂₁", "∂Eₖ/∂v₂₂", "Δv₂₂",
        "∂Eₖ/∂γ₁", "Δγ₁", "∂Eₖ/∂γ₂", "Δγ₂"]
    assert sheet.iteration == 1 and sheet.cell("error").value == pytest.approx(float(rec.sample_errors[0]))
    # the formulas are the note's: b_h = f(α_h − γ_h), g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j), Δp = −η ∂E_k/∂p
    assert sheet.cell("out:1:1").formula.text() == "b₁ = f(α₁ − γ₁)"
    assert sheet.cell("delta:2:1").formula.text() == "g₁ = ŷ₁(1 − ŷ₁)(y₁ − ŷ₁)"
    assert sheet.cell("update:6").formula.text() == "Δw₁₁ = −η · ∂Eₖ/∂w₁₁"


@pytest.mark.parametrize("focus", [None, 0, 7, 8 * 30 + 5, 8 * 30 + 8 + 2 * 3 + 1, 8 * 30 + 8 + 8 * 3 + 2])
def test_a_big_network_gets_one_parameters_path(focus):
    sizes = (30, 8, 12, 3)
    assert cell_count(sizes) > MAX_CELLS
    rec, acts = _record("sigmoid", "squared_error", sizes, 1)
    sheet = worksheet(rec, acts, "squared_error", focus)
    index = 0 if focus is None else focus
    assert sheet.focus == index
    assert [c.parameter for c in sheet.cells if c.parameter >= 0] == [index, index]
    spec = rec.specs[index]
    units = {(c.layer, c.unit) for c in sheet.cells if c.layer}
    assert (spec.layer, spec.target) in units  # the unit the parameter feeds
    for layer in range(spec.layer + 1, len(sizes)):  # every unit above it, a wide layer's first ones
        assert {u for k, u in units if k == layer} == set(range(1, min(sizes[layer], MAX_UNITS_PER_LAYER) + 1))
    for layer in range(1, spec.layer - 1):
        assert not {u for k, u in units if k == layer}
    for cell in sheet.cells:
        assert math.isclose(cell.value, _records_number(rec, cell), rel_tol=1e-12, abs_tol=1e-15), cell.key


@pytest.mark.parametrize(("act", "loss", "depth"), CASES)
@pytest.mark.parametrize("batch", [1, 3])
def test_a_new_value_is_p_plus_its_update_and_equals_the_records(act, loss, depth, batch):
    from bpgui.model.practice.worksheet import NEW, new_value_cells

    rec, acts = _record(act, loss, DEPTHS[depth], batch)
    cells = new_value_cells(rec, acts, loss)
    assert [c.parameter for c in cells] == [c.parameter for c in worksheet(rec, acts, loss).cells
                                            if c.quantity == "update"]
    for cell in cells:
        assert cell.quantity == NEW and cell.key == f"new:{cell.parameter}"
        assert math.isclose(cell.value, float(rec.flat_new_values[cell.parameter]), rel_tol=1e-12, abs_tol=1e-15)
        assert " + Δ" in cell.formula.lhs.text() and " − η · ∂" in cell.formula.rhs.text()
