"""Tiny networks (issue 11): the Python-float step makes its arrays only when read, and they are the arrays
the eager version made, bitwise; a Network's weight views are made on first read."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.activations import unknown_loss
from bpgui.model.backprop import make_record
from bpgui.model.backprop_small import SmallStep, compute_step_small
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def eager_small(network, x, y, learning_rate):
    """``compute_step_small`` as it was before issue 11 (frozen copy): every array made at once."""
    p = network.flat.tolist()
    sizes, funcs, layout = network.layer_sizes, network.functions, network.layout
    n = len(layout)
    nets, outs, a, z_last = [], [], x, []
    for k in range(n):
        w0, t0, _ = layout[k]
        n_out, f = sizes[k + 1], funcs[k].scalar
        net, out = [], []
        for j in range(n_out):
            total, idx = 0.0, w0 + j
            for ai in a:
                total += ai * p[idx]
                idx += n_out
            net.append(total)
            z = total - p[t0 + j]
            out.append(f(z))
            if k == n - 1:
                z_last.append(z)
        nets.append(net)
        outs.append(out)
        a = out
    y_hat, loss = outs[-1], network.loss
    if loss == "squared_error":
        slope = funcs[-1].scalar_slope_from_output
        delta = [slope(o) * (t - o) for o, t in zip(y_hat, y)]
        error = 0.5 * sum((t - o) * (t - o) for o, t in zip(y_hat, y))
    elif loss == "cross_entropy":
        delta = [t - o for o, t in zip(y_hat, y)]
        error = sum(max(z, 0.0) + math.log1p(math.exp(-abs(z))) - t * z for z, t in zip(z_last, y))
    else:
        raise unknown_loss(loss)
    deltas = [[] for _ in range(n)]
    deltas[-1] = delta
    for k in range(n - 2, -1, -1):
        w0, n_out, slope = layout[k + 1][0], sizes[k + 2], funcs[k].scalar_slope_from_output
        below = []
        for h, b in enumerate(outs[k]):
            row, total = w0 + h * n_out, 0.0
            for j, dj in enumerate(delta):
                total += p[row + j] * dj
            below.append(slope(b) * total)
        delta = below
        deltas[k] = delta
    grads = [0.0] * len(p)
    for k in range(n):
        w0, t0, _ = layout[k]
        a = x if k == 0 else outs[k - 1]
        idx = w0
        for ai in a:
            for dj in deltas[k]:
                grads[idx] = -(ai * dj)
                idx += 1
        grads[t0 : t0 + len(deltas[k])] = deltas[k]
    updates = [g * -learning_rate for g in grads]
    new = [v + u for v, u in zip(p, updates)]
    finite = (math.isfinite(error) and all(math.isfinite(v) for net in nets for v in net)
              and all(map(math.isfinite, new)))
    return ([np.array([v]) for v in nets], [np.array([v]) for v in outs], [np.array([v]) for v in deltas],
            np.array([error]), float(error), np.array(grads), np.array(updates), finite, np.array(new))


def same(a, b) -> bool:
    """Bitwise equal (signed zeros too), any NaN equal to any NaN: CPython's float operations do not
    promise which NaN (sign, payload) an operation on NaNs gives, and it varied between runs."""
    a, b = np.array(a), np.array(b)
    a[np.isnan(a)] = np.nan
    b[np.isnan(b)] = np.nan
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


FLOATS = st.one_of(st.floats(-3, 3), st.sampled_from([0.0, -0.0, 1e300, -1e300, math.inf, math.nan]))


@settings(max_examples=120, deadline=None)
@given(
    sizes=st.sampled_from([(2, 2, 1), (2, 1), (3, 2, 2), (2, 3, 2, 1), (1, 4, 1)]),
    act=st.sampled_from(["sigmoid", "tanh", "relu", "linear"]),
    loss=st.sampled_from(["squared_error", "cross_entropy"]),
    seed=st.integers(0, 99), eta=st.sampled_from([0.1, 0.5, 1e300]), data=st.data(),
)
def test_the_lazy_arrays_are_the_eager_arrays_bitwise(sizes, act, loss, seed, eta, data):
    acts = (act,) * (len(sizes) - 2) + ("sigmoid",) if loss == "cross_entropy" else act
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=seed)
    x = data.draw(st.lists(FLOATS, min_size=sizes[0], max_size=sizes[0]))
    y = data.draw(st.lists(st.sampled_from([0.0, 1.0, 0.25]), min_size=sizes[-1], max_size=sizes[-1]))
    with np.errstate(over="ignore", invalid="ignore"):
        lazy = compute_step_small(net, x, y, eta)
        ref = eager_small(net, x, y, eta)
    assert isinstance(lazy, SmallStep)
    assert "nets" not in lazy.__dict__  # nothing made until read
    assert lazy.finite is ref[7] and same(lazy.network_after.flat, ref[8])
    assert lazy.error == ref[4] or (math.isnan(lazy.error) and math.isnan(ref[4]))
    for got, want in zip((lazy.nets, lazy.outputs, lazy.deltas), ref[:3]):
        assert len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    assert same(lazy.sample_errors, ref[3]) and same(lazy.gradients, ref[5]) and same(lazy.updates, ref[6])
    for a in (*lazy.nets, *lazy.outputs, *lazy.deltas, lazy.sample_errors, lazy.gradients, lazy.updates):
        assert not a.flags.writeable
    assert lazy.nets is lazy.nets  # made once


def test_run_makes_no_arrays_a_step_makes_its_record():
    tr = Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"), config=TrainingConfig(learning_rate=0.5))
    made = []
    real = SmallStep._make_arrays

    def counting(self):
        made.append(self)
        real(self)

    SmallStep._make_arrays = counting
    try:
        tr.advance(200, use_stop_conditions=False)  # a record of the last only, its arrays made when read
        assert len(made) == 0
        record = tr.step()
        assert len(made) == 0
        assert record.layers[0].net.shape == (1, 2) and len(made) == 1
        assert record.flat_gradients is record.flat_gradients and len(made) == 1
    finally:
        SmallStep._make_arrays = real
    # The record's arrays are read-only views; its inputs are the trainer's read-only rows (no copy).
    assert not record.inputs.flags.writeable and not record.flat_gradients.flags.writeable
    assert np.shares_memory(record.inputs, tr._batches.inputs)


def test_a_networks_weight_views_are_made_on_first_read_and_match_flat():
    net = Network.initialise((3, 4, 2), seed=3)
    after = net.with_flat(net.flat)
    assert after._views is None
    w, t = after.weights, after.thresholds
    assert after._views is not None and w[0].shape == (3, 4) and t[1].shape == (2,)
    assert np.shares_memory(w[0], after.flat) and not w[0].flags.writeable
    assert [a.tobytes() for a in w] == [a.tobytes() for a in net.weights]
    rec = make_record(compute_step_small(net, [0.1, 0.2, 0.3], [1.0, 0.0], 0.5), net, iteration=1, epoch=1,
                      mode="standard", learning_rate=0.5, sample_indices=np.array([0]),
                      inputs=np.array([[0.1, 0.2, 0.3]]), targets=np.array([[1.0, 0.0]]))
    assert rec.flat_new_values.shape == (net.n_parameters,)
