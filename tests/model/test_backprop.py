"""The backward pass, proved: finite differences, the note's closed forms, a worked example."""

import itertools

import numpy as np
import pytest

from bpgui.model.backprop import compute_step, loss_value, make_record
from bpgui.model.network import Network

STENCIL = ((2, -1.0), (1, 8.0), (-1, -8.0), (-2, 1.0))


def central_difference(network: Network, x, y, h=1e-3) -> np.ndarray:
    """∂E/∂p for every parameter by the five-point central difference, canonical order.

    ``(−E(p+2h) + 8E(p+h) − 8E(p−h) + E(p−2h)) / 12h`` has truncation error
    O(h⁴) ≈ 1e-12 and rounding error ≈ ε/h ≈ 1e-13, so a relative error of
    1e-6 measures the engine, not the estimate.
    """
    grads = []
    for k in range(network.n_layers):
        w, t = network.weights[k], network.thresholds[k]
        for i, j in itertools.product(range(w.shape[0]), range(w.shape[1])):
            total = 0.0
            for steps, coef in STENCIL:
                w2 = w.copy()
                w2[i, j] += steps * h
                ws = list(network.weights)
                ws[k] = w2
                total += coef * loss_value(network.with_parameters(ws, network.thresholds), x, y)
            grads.append(total / (12 * h))
        for j in range(t.shape[0]):
            total = 0.0
            for steps, coef in STENCIL:
                t2 = t.copy()
                t2[j] += steps * h
                ts = list(network.thresholds)
                ts[k] = t2
                total += coef * loss_value(network.with_parameters(network.weights, ts), x, y)
            grads.append(total / (12 * h))
    return np.array(grads)


def flat_gradients(step) -> np.ndarray:
    return np.concatenate([np.concatenate([gw.ravel(), gt]) for gw, gt in zip(step.weight_gradients, step.threshold_gradients)])


CASES = [
    # (layer sizes, activations, loss, batch)
    ((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error", 1),
    ((3, 4, 2), ("tanh", "sigmoid"), "squared_error", 1),
    ((3, 5, 4, 2), ("sigmoid", "tanh", "linear"), "squared_error", 3),
    ((2, 6, 3, 3, 1), ("relu", "tanh", "sigmoid", "sigmoid"), "squared_error", 4),
    ((4, 3, 2), ("relu", "linear"), "squared_error", 5),
    ((2, 3, 2), ("sigmoid", "sigmoid"), "cross_entropy", 1),
    ((3, 4, 3, 2), ("tanh", "relu", "sigmoid"), "cross_entropy", 6),
    ((5, 2), ("sigmoid",), "cross_entropy", 2),
    ((5, 3), ("linear",), "squared_error", 2),
]


@pytest.mark.parametrize("sizes, acts, loss, batch", CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_gradient_matches_central_differences(sizes, acts, loss, batch, seed):
    rng = np.random.default_rng(100 + seed)
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=seed)
    x = rng.normal(size=(batch, sizes[0]))
    while "relu" in acts and _relu_margin(net, x, acts) < 0.05:
        # A ReLU unit whose kink lies within the stencil's reach has no
        # derivative there: draw inputs that keep every unit clear of it.
        x = rng.normal(size=(batch, sizes[0]))
    y = rng.uniform(0.05, 0.95, size=(batch, sizes[-1])) if loss == "cross_entropy" else rng.normal(size=(batch, sizes[-1]))
    step = compute_step(net, x, y, 0.1)
    analytic = flat_gradients(step)
    numeric = central_difference(net, x, y)
    scale = np.maximum(np.abs(analytic), np.abs(numeric))
    # Relative error; a gradient that is exactly 0 (a dead ReLU) is compared
    # on an absolute scale of 1e-6 instead, where 1e-12 of noise is harmless.
    rel = np.abs(analytic - numeric) / np.maximum(scale, 1e-6)
    assert rel.max() <= 1e-6, (rel.max(), analytic, numeric)
    assert step.error == pytest.approx(loss_value(net, x, y), rel=1e-15)


def _relu_margin(net, x, acts) -> float:
    nets, _, _ = net.forward(x)
    return min(np.min(np.abs(nets[k] - net.thresholds[k])) for k, a in enumerate(acts) if a == "relu")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.mark.parametrize("d, q, l", [(2, 2, 1), (3, 4, 2), (8, 5, 3), (1, 1, 1)])
def test_note_closed_forms_for_d_q_l_sigmoid_network(d, q, l):
    """g_j, e_h, Δw_hj, Δθ_j, Δγ_h, Δv_ih written out with loops, exactly as in the note."""
    rng = np.random.default_rng(d * 100 + q * 10 + l)
    net = Network.initialise((d, q, l), seed=d + q + l)
    v, gamma = net.weights[0], net.thresholds[0]
    w, theta = net.weights[1], net.thresholds[1]
    x = rng.uniform(0, 1, d)
    y = rng.uniform(0, 1, l)
    eta = 0.7

    alpha = [sum(v[i, h] * x[i] for i in range(d)) for h in range(q)]
    b = [sigmoid(alpha[h] - gamma[h]) for h in range(q)]
    beta = [sum(w[h, j] * b[h] for h in range(q)) for j in range(l)]
    y_hat = [sigmoid(beta[j] - theta[j]) for j in range(l)]
    E = 0.5 * sum((y[j] - y_hat[j]) ** 2 for j in range(l))
    g = [y_hat[j] * (1 - y_hat[j]) * (y[j] - y_hat[j]) for j in range(l)]
    e = [b[h] * (1 - b[h]) * sum(w[h, j] * g[j] for j in range(l)) for h in range(q)]
    d_w = np.array([[eta * g[j] * b[h] for j in range(l)] for h in range(q)])
    d_theta = np.array([-eta * g[j] for j in range(l)])
    d_gamma = np.array([-eta * e[h] for h in range(q)])
    d_v = np.array([[eta * e[h] * x[i] for h in range(q)] for i in range(d)])

    step = compute_step(net, x[None, :], y[None, :], eta)
    rec = make_record(step, net, iteration=1, epoch=1, mode="standard", learning_rate=eta,
                      sample_indices=np.array([0]), inputs=x[None, :], targets=y[None, :])
    hidden, output = rec.layers
    close = dict(rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(hidden.net[0], alpha, **close)
    np.testing.assert_allclose(hidden.output[0], b, **close)
    np.testing.assert_allclose(output.net[0], beta, **close)
    np.testing.assert_allclose(output.output[0], y_hat, **close)
    assert rec.error == pytest.approx(E, rel=1e-12)
    np.testing.assert_allclose(output.delta[0], g, **close)
    np.testing.assert_allclose(hidden.delta[0], e, **close)
    p_hidden, p_out = rec.parameters
    np.testing.assert_allclose(p_out.weight_updates, d_w, **close)
    np.testing.assert_allclose(p_out.threshold_updates, d_theta, **close)
    np.testing.assert_allclose(p_hidden.threshold_updates, d_gamma, **close)
    np.testing.assert_allclose(p_hidden.weight_updates, d_v, **close)
    # Δp = −η ∂E/∂p and p ← p + Δp, all from the parameters before the update.
    for p in rec.parameters:
        np.testing.assert_array_equal(p.weight_updates, -eta * p.weight_gradients)
        np.testing.assert_array_equal(p.new_weights, p.weights + p.weight_updates)
        np.testing.assert_array_equal(p.new_thresholds, p.thresholds + p.threshold_updates)
    np.testing.assert_array_equal(p_hidden.weights, v)
    np.testing.assert_array_equal(p_out.thresholds, theta)


def test_worked_example_two_two_two():
    """A widely reproduced hand calculation (inputs 0.05, 0.10; targets 0.01, 0.99; η = 0.5).

    The figures below are the ones printed in that worked example (biases
    +0.35/+0.60, i.e. thresholds −0.35/−0.60); they were not produced by bpgui.
    """
    net = Network.from_arrays(
        [2, 2, 2], "sigmoid",
        [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
        [[-0.35, -0.35], [-0.60, -0.60]],
    )
    x, y = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
    step = compute_step(net, x, y, 0.5)
    assert round(step.error, 9) == 0.298371109
    hidden_out = step.outputs[0][0]
    assert round(hidden_out[0], 9) == 0.593269992 and round(hidden_out[1], 9) == 0.596884378
    out = step.outputs[1][0]
    assert round(out[0], 9) == 0.751365070 and round(out[1], 9) == 0.772928465
    new_out_w = step.network_after.weights[1]
    # w5..w8 of the example: h1→o1, h1→o2, h2→o1, h2→o2
    assert [round(v, 8) for v in new_out_w.ravel()] == [0.35891648, 0.51130127, 0.40866619, 0.56137012]
    new_hidden_w = step.network_after.weights[0]
    # w1 (i1→h1), w3 (i1→h2), w2 (i2→h1), w4 (i2→h2)
    printed = [0.149780716, 0.24975114, 0.19956143, 0.29950229]
    for value, figure in zip(new_hidden_w.ravel(), printed):
        digits = len(repr(figure).split(".")[1])
        assert round(value, digits) == figure
    assert step.weight_gradients[1][0, 0] == pytest.approx(0.082167041, abs=5e-10)


def test_record_arrays_are_read_only_and_flat_order_is_canonical():
    net = Network.initialise((2, 3, 1), seed=4)
    x, y = np.array([[0.3, -0.2]]), np.array([[1.0]])
    step = compute_step(net, x, y, 0.5)
    rec = make_record(step, net, iteration=1, epoch=1, mode="standard", learning_rate=0.5,
                      sample_indices=np.array([0]), inputs=x, targets=y)
    for lv in rec.layers:
        for a in (lv.net, lv.output, lv.delta):
            with pytest.raises(ValueError):
                a[...] = 0
    for p in rec.parameters:
        with pytest.raises(ValueError):
            p.weight_gradients[0, 0] = 1.0
    with pytest.raises(ValueError):
        rec.inputs[0, 0] = 5.0
    assert rec.flat_values.shape == (net.n_parameters,)
    # canonical order: v (i-major), γ, w, θ
    expected = np.concatenate([net.weights[0].ravel(), net.thresholds[0], net.weights[1].ravel(), net.thresholds[1]])
    np.testing.assert_array_equal(rec.flat_values, expected)
    np.testing.assert_array_equal(rec.flat_new_values, rec.flat_values + rec.flat_updates)


def test_parameter_count_is_the_notes_formula():
    for d, q, l in [(2, 2, 1), (8, 10, 1), (19, 4, 3)]:
        assert Network.initialise((d, q, l)).n_parameters == (d + l + 1) * q + l


def test_non_finite_step_is_flagged():
    net = Network.from_arrays([1, 1], "linear", [[[1e308]]], [[0.0]])
    step = compute_step(net, np.array([[1e308]]), np.array([[0.0]]), 1.0)
    assert step.finite is False


@pytest.mark.parametrize("sizes, acts, loss", [
    ((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"),
    ((3, 4, 2), ("tanh", "sigmoid"), "cross_entropy"),
    ((2, 3, 3, 2), ("relu", "tanh", "linear"), "squared_error"),
    ((4, 2), ("sigmoid",), "squared_error"),
])
def test_small_network_path_agrees_with_the_vectorised_path(sizes, acts, loss):
    """Standard BP on a tiny network runs a float loop; it must compute what the array code does."""
    from bpgui.model.backprop import StepResult, compute_step_vectorised
    from bpgui.model.backprop_small import SMALL_NETWORK, compute_step_small

    net = Network.initialise(sizes, activations=acts, loss=loss, seed=7)
    assert net.n_parameters <= SMALL_NETWORK
    rng = np.random.default_rng(3)
    for _ in range(5):
        x = rng.normal(size=(1, sizes[0]))
        y = rng.uniform(0.05, 0.95, size=(1, sizes[-1]))
        small = StepResult()
        compute_step_small(net, x[0].tolist(), y[0].tolist(), 0.4, small)
        vector = compute_step_vectorised(net, x, y, 0.4)
        assert small.error == pytest.approx(vector.error, rel=1e-13)
        for a, b in zip(small.nets + small.outputs + small.deltas, vector.nets + vector.outputs + vector.deltas):
            np.testing.assert_allclose(a, b, rtol=1e-13, atol=1e-16)
        np.testing.assert_allclose(small.gradients, vector.gradients, rtol=1e-12, atol=1e-16)
        np.testing.assert_allclose(small.network_after.flat, vector.network_after.flat, rtol=1e-14, atol=1e-16)
        assert small.finite and vector.finite


def test_small_path_reports_overflow_as_not_finite():
    from bpgui.model.backprop import StepResult
    from bpgui.model.backprop_small import compute_step_small

    net = Network.from_arrays([1, 1], "linear", [[[1e300]]], [[0.0]])
    s = StepResult()
    compute_step_small(net, [1e300], [0.0], 1.0, s)
    assert s.finite is False
    sig = Network.from_arrays([1, 1], "sigmoid", [[[1.0]]], [[0.0]])
    compute_step_small(sig, [-1e6], [1.0], 1.0, s)  # e^(1e6) would overflow math.exp
    assert s.finite and s.outputs[0][0, 0] == 0.0
