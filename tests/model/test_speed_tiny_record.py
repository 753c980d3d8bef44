"""Issue 11: a tiny network's record (``LazyRecord``) makes its step's arrays when first read, and reads as the
record made eagerly would, bitwise, by name, index, iteration, pickling and copying."""

import copy
import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.backprop import compute_step_vectorised, make_record
from bpgui.model.backprop_small import compute_step_small, step_source
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.records import IterationRecord, LayerValues, LazyRecord
from bpgui.model.training import Trainer, TrainingConfig


def eager_record(step, before, **kw):
    """``make_record`` as it was before issue 11's lazy records (frozen copy)."""
    layers = tuple(map(LayerValues, step.nets, step.outputs, step.deltas))
    return IterationRecord(kw["iteration"], kw["epoch"], kw["mode"], kw["learning_rate"], kw["sample_indices"],
                           kw["inputs"], kw["targets"], layers, step.sample_errors, step.error, before.flat,
                           step.gradients, step.updates, step.network_after.flat, before.layer_sizes)


def arrays_of(value):
    if isinstance(value, np.ndarray):
        return [value]
    if isinstance(value, tuple):
        return [a for v in value for a in arrays_of(v)]
    return []


def same_record(a, b):
    assert type(b) is IterationRecord
    assert len(a) == len(b) == len(IterationRecord._fields)
    for name, x, y in zip(IterationRecord._fields, a, b):
        assert getattr(a, name) is x or isinstance(x, tuple)  # reading by index gives the field itself
        xs, ys = arrays_of(x), arrays_of(y)
        if xs or ys:
            assert len(xs) == len(ys), name
            for u, v in zip(xs, ys):
                assert u.shape == v.shape and u.dtype == v.dtype and u.tobytes() == v.tobytes(), name
        else:
            assert x == y or (isinstance(x, float) and math.isnan(x) and math.isnan(y)), name


def record_pair(sizes, act, loss, seed, x, y, eta):
    net = Network.initialise(sizes, activations=act, loss=loss, seed=seed)
    kw = {"iteration": 3, "epoch": 1, "mode": "standard", "learning_rate": eta,
          "sample_indices": np.array([2]), "inputs": np.array([x]), "targets": np.array([y])}
    with np.errstate(over="ignore", invalid="ignore"):
        lazy = make_record(compute_step_small(net, x, y, eta), net, **kw)
        eager = eager_record(compute_step_small(net, x, y, eta), net, **kw)
    return lazy, eager


@settings(max_examples=60, deadline=None)
@given(sizes=st.sampled_from([(2, 2, 1), (2, 1), (3, 2, 2), (2, 3, 2, 1)]),
       act=st.sampled_from(["sigmoid", "tanh", "relu", "linear"]), seed=st.integers(0, 50),
       eta=st.sampled_from([0.1, 0.5, 3.0]), data=st.data())
def test_a_lazy_record_reads_as_the_eager_one(sizes, act, seed, eta, data):
    x = data.draw(st.lists(st.floats(-4, 4), min_size=sizes[0], max_size=sizes[0]))
    y = data.draw(st.lists(st.sampled_from([0.0, 1.0, 0.25]), min_size=sizes[-1], max_size=sizes[-1]))
    lazy, eager = record_pair(sizes, act, "squared_error", seed, x, y, eta)
    assert isinstance(lazy, LazyRecord) and "layers" not in lazy.__dict__  # nothing made until read
    same_record(lazy, eager)
    for a in arrays_of(tuple(lazy)):
        assert not a.flags.writeable
    assert lazy.layers is lazy.layers and lazy.flat_gradients is lazy.flat_gradients  # made once
    assert lazy[-5] is lazy.flat_values and lazy[7:9] == (lazy.layers, lazy.sample_errors)
    assert [p.weight_gradients.tobytes() for p in lazy.parameters] == \
        [p.weight_gradients.tobytes() for p in eager.parameters]


def test_a_lazy_record_pickles_copies_and_replaces_as_an_eager_one():
    lazy, eager = record_pair((2, 2, 1), "sigmoid", "squared_error", 0, [1.0, 0.0], [1.0], 0.5)
    pickled = pickle.loads(pickle.dumps(lazy))  # noqa: S301 - our own bytes
    for other in (pickled, copy.copy(lazy), copy.deepcopy(lazy), lazy.eager(), IterationRecord(*lazy),
                  IterationRecord._make(lazy)):
        same_record(other, eager)
    moved = lazy._replace(iteration=7)
    assert type(moved) is IterationRecord and moved.iteration == 7
    same_record(moved._replace(iteration=3), eager)
    assert lazy._asdict().keys() == eager._asdict().keys()
    assert lazy._asdict()["flat_updates"] is lazy.flat_updates
    assert repr(lazy) == repr(eager) and "None" not in repr(lazy)
    assert lazy == tuple(lazy)
    assert lazy != eager._replace(iteration=4)


def test_big_networks_keep_eager_records():
    net = Network.initialise((10, 8, 3), seed=1)  # over SMALL_NETWORK parameters
    x, y = np.full((1, 10), 0.5), np.array([[1.0, 0.0, 0.0]])
    rec = make_record(compute_step_vectorised(net, x, y, 0.5), net, iteration=1, epoch=1, mode="standard",
                      learning_rate=0.5, sample_indices=np.array([0]), inputs=x, targets=y)
    assert type(rec) is IterationRecord and rec.layers[0].net is not None


def test_trainer_records_read_as_goto_and_preview_make_them():
    tr = Trainer(Network.initialise((2, 2, 1), seed=4), load_builtin("xor"), config=TrainingConfig(learning_rate=0.5))
    preview = tr.preview()
    first = tr.step()
    same_record(first, preview.eager())
    records = [first] + [tr.step() for _ in range(30)]
    for t in (31, 17, 1, 4):
        same_record(tr.goto(t), records[t - 1].eager())


@pytest.mark.parametrize("loss", ["squared_error", "cross_entropy"])
def test_the_compiled_step_is_straight_line_code(loss):
    source = step_source((2, 3, 2), loss)
    assert "for " not in source and "while " not in source and "[" not in source.split("return")[0]
    assert source.count(" = F") == 5 and source.count("\n    q") == 17
