"""Every formula the app shows, rendered and evaluated from an iteration's record, equals the record's number.

Over every activation, both losses (cross-entropy with its sigmoid output),
no hidden layer and one to three hidden layers, a single sample and a batch,
and every kind of parameter: w, θ, v, γ and the weights and thresholds of
deeper layers.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from bpgui.model import closed_forms as cf
from bpgui.model.backprop import compute_step, make_record
from bpgui.model.derivation import derive
from bpgui.model.formula import Derivative
from bpgui.model.network import Network
from bpgui.model.per_sample import per_sample_gradients

ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")
DEPTHS = {0: (3, 2), 1: (3, 4, 2), 2: (2, 3, 4, 2), 3: (2, 3, 2, 3, 2)}
CASES = [(act, loss, depth) for act in ACTIVATIONS for loss in ("squared_error", "cross_entropy")
         for depth in DEPTHS if loss == "squared_error" or depth > 0 or act == "sigmoid"]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)


def record(act: str, loss: str, depth: int, batch: int):
    sizes = DEPTHS[depth]
    out = "sigmoid" if loss == "cross_entropy" else act
    acts = (act,) * (len(sizes) - 2) + (out,)
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=5)
    rng = np.random.default_rng(depth * 7 + batch)
    x = rng.normal(size=(batch, sizes[0]))
    y = rng.uniform(0.05, 0.95, size=(batch, sizes[-1]))
    step = compute_step(net, x, y, 0.3)
    rec = make_record(step, net, iteration=1, epoch=1, mode="standard" if batch == 1 else "accumulated",
                      learning_rate=0.3, sample_indices=np.arange(batch), inputs=x, targets=y)
    return rec, cf.Shape(sizes, acts, loss)


@pytest.mark.parametrize("act, loss, depth", CASES)
@pytest.mark.parametrize("batch", [1, 3])
def test_every_shown_formula_evaluates_to_the_records_number(act, loss, depth, batch):
    rec, shape = record(act, loss, depth, batch)
    env = cf.RecordEnv(rec, shape.activations)
    checked = 0
    for formula in cf.every_formula(shape, batch=batch > 1):
        text, html = formula.text(), formula.html()
        assert text and html and "None" not in text
        letters = cf.free_letters(formula)
        ranges = [range(1, cf.letter_range(shape, formula, letter) + 1) for letter in letters]
        lhs = formula.lhs
        if isinstance(lhs, Derivative) and lhs.wrt.kind == "output":  # ∂E_k/∂b_h: checked through e_h
            continue
        for values in itertools.product(*ranges):
            for k in range(1, batch + 1):
                bind = {**dict(zip(letters, values, strict=True)), "k": k}
                assert close(formula.rhs.evaluate(env, bind), env.lookup(lhs, bind)), (text, bind)
                checked += 1
    assert checked > 0


@pytest.mark.parametrize("act, loss, depth", CASES)
@pytest.mark.parametrize("batch", [1, 3, 11])
def test_every_parameters_chain_batch_mean_and_update_equal_the_record(act, loss, depth, batch):
    rec, shape = record(act, loss, depth, batch)
    env = cf.RecordEnv(rec, shape.activations)
    first = {"k": 1}
    kinds = set()
    for index, spec in enumerate(rec.specs):
        d = derive(rec, index, shape.activations, loss)
        kinds.add((spec.layer, spec.kind))
        per_sample = per_sample_gradients(rec, index)
        assert d.formula.lhs.html() == f"∂<i>E</i><sub>k</sub>/∂{spec.symbol.html}"
        for factor in (*itertools.chain.from_iterable(d.terms), *d.common):
            assert factor.value == factor.derivative.evaluate(env, first)
            assert factor.closed_form.html() and factor.derivative.html().startswith("∂")
        assert close(d.formula.evaluate(env, first), per_sample[0])
        assert close(d.value, per_sample[0])
        assert close(d.batch_formula.evaluate(env, first), rec.flat_gradients[index])
        assert close(d.update_formula.evaluate(env, first), rec.flat_updates[index])
        assert close(d.sample_mean, rec.flat_gradients[index])
        assert [t.value for t in d.sample_terms] == [per_sample[t.position - 1] for t in d.sample_terms]
        if batch == 1:
            assert close(d.value, rec.flat_gradients[index])
    assert len(kinds) == 2 * (len(shape.sizes) - 1)  # a weight and a threshold of every layer


def test_a_large_batch_lists_its_first_terms_and_its_last():
    rec, shape = record("tanh", "squared_error", 1, 11)
    d = derive(rec, 0, shape.activations, shape.loss)
    assert [t.position for t in d.sample_terms] == [1, 2, 3, 11] and d.omitted == 7
    small = derive(record("tanh", "squared_error", 1, 3)[0], 0, shape.activations, shape.loss)
    assert [t.position for t in small.sample_terms] == [1, 2, 3] and small.omitted == 0
