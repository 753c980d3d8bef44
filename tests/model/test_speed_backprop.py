"""The vectorised step's batch-1 outer product through BLAS (issue 11): bitwise the step it was."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.activations import ACTIVATIONS, output_delta, sample_errors
from bpgui.model.backprop import compute_step_vectorised
from bpgui.model.network import Network


def frozen_vectorised(network, inputs, targets, learning_rate):
    """``compute_step_vectorised`` as it was before issue 11 (frozen copy)."""
    nets, outputs, z = network.forward(inputs)
    funcs, weights = network.functions, network.weights
    n = len(weights)
    delta = output_delta(network.loss, funcs[-1], outputs[-1], targets)
    deltas = [delta] * n
    for k in range(n - 2, -1, -1):
        delta = funcs[k].slope_from_output(outputs[k]) * (delta @ weights[k + 1].T)
        deltas[k] = delta
    batch = inputs.shape[0]
    grads = np.empty(network.n_parameters)
    sizes = network.layer_sizes
    scale = np.empty(network.n_parameters)
    for w0, t0, t1 in network.layout:
        scale[w0:t0] = -1.0 / batch
        scale[t0:t1] = 1.0 / batch
    for k, (w0, t0, t1) in enumerate(network.layout):
        before = inputs if k == 0 else outputs[k - 1]
        np.matmul(before.T, deltas[k], out=grads[w0:t0].reshape(sizes[k], sizes[k + 1]))
        np.add.reduce(deltas[k], 0, None, out=grads[t0:t1])
    grads *= scale
    updates = grads * -learning_rate
    new_flat = network.flat + updates
    errors = sample_errors(network.loss, z, outputs[-1], targets)
    error = float(np.add.reduce(errors)) * (1.0 / batch)
    finite = (math.isfinite(error) and math.isfinite(np.add.reduce(new_flat))
              and all(math.isfinite(np.add.reduce(net, None)) for net in nets))
    return nets, outputs, deltas, errors, error, grads, updates, finite, new_flat


def same(a, b) -> bool:
    """Bitwise (signed zeros too); any NaN equals any NaN (which NaN an operation gives is not promised)."""
    a, b = np.array(a, dtype=float), np.array(b, dtype=float)
    a[np.isnan(a)] = np.nan
    b[np.isnan(b)] = np.nan
    return a.shape == b.shape and a.tobytes() == b.tobytes()


@settings(max_examples=80, deadline=None)
@given(
    sizes=st.sampled_from([(30, 20, 4), (70, 3), (9, 12, 7, 2), (40, 70, 1)]),
    act=st.sampled_from(sorted(ACTIVATIONS)),
    loss=st.sampled_from(["squared_error", "cross_entropy"]),
    batch=st.sampled_from([1, 3, 11]), seed=st.integers(0, 999),
    special=st.sampled_from([None, math.nan, math.inf, -math.inf, 1e300, -0.0]),
)
def test_the_step_is_the_frozen_step_bitwise(sizes, act, loss, batch, seed, special):
    rng = np.random.default_rng(seed)
    acts = (act,) * (len(sizes) - 2) + ("sigmoid",) if loss == "cross_entropy" else act
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=seed)
    x = rng.uniform(-1, 1, (batch, sizes[0]))
    x[:, ::3] = 0.0  # zero inputs (as in images): products a_i δ_j of ±0
    x[:, 1::5] = -0.0
    if special is not None:
        x[0, rng.integers(sizes[0])] = special
    y = rng.uniform(0, 1, (batch, sizes[-1]))
    with np.errstate(all="ignore"):
        got = compute_step_vectorised(net, x, y, 0.75)
        want = frozen_vectorised(net, x, y, 0.75)
    for kind, w in zip(("nets", "outputs", "deltas"), want[:3]):
        assert all(same(a, b) for a, b in zip(getattr(got, kind), w)), kind
    assert same(got.sample_errors, want[3]) and same(got.error, want[4])
    assert same(got.gradients, want[5]) and same(got.updates, want[6])
    assert got.finite is want[7] and same(got.network_after.flat, want[8])
    if special is None or special == -0.0:
        assert got.finite  # the data were ordinary: the test did compare real numbers
