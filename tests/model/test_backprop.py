"""The backward pass, proved.

``bpgui.model.reference`` is the note's derivation written out unit by unit;
it is proved against finite differences, the note's closed forms and a
published worked example, and every fast path (the vectorised arrays, the
float loop for tiny networks, batches of accumulated and mini-batch BP) is
proved equal to it for every activation, loss and depth.
"""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.activations import ACTIVATIONS, LOSSES, output_delta, sample_errors
from bpgui.model.backprop import compute_step, compute_step_vectorised, loss_value, make_record
from bpgui.model.backprop_small import SMALL_NETWORK, compute_step_small
from bpgui.model.datasets import load_builtin
from bpgui.model.errors import ConfigError
from bpgui.model.network import Network
from bpgui.model.records import StepResult
from bpgui.model.reference import backward_one_sample, reference_step
from bpgui.model.training import Trainer, TrainingConfig

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
                total += coef * loss_value(_rebuilt(network, ws, network.thresholds), x, y)
            grads.append(total / (12 * h))
        for j in range(t.shape[0]):
            total = 0.0
            for steps, coef in STENCIL:
                t2 = t.copy()
                t2[j] += steps * h
                ts = list(network.thresholds)
                ts[k] = t2
                total += coef * loss_value(_rebuilt(network, network.weights, ts), x, y)
            grads.append(total / (12 * h))
    return np.array(grads)


def _rebuilt(network: Network, weights, thresholds) -> Network:
    """The same structure with other per-layer arrays (built afresh, not through ``flat``)."""
    return Network.from_arrays(network.layer_sizes, network.activations, weights, thresholds, network.loss)


def flat_gradients(step: StepResult) -> np.ndarray:
    """∂E/∂p in the canonical order, rebuilt from the per-layer views."""
    parts = [np.concatenate([gw.ravel(), gt]) for gw, gt in zip(step.weight_gradients, step.threshold_gradients)]
    return np.concatenate(parts)


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
    if loss == "cross_entropy":
        y = rng.uniform(0.05, 0.95, size=(batch, sizes[-1]))
    else:
        y = rng.normal(size=(batch, sizes[-1]))
    numeric = central_difference(net, x, y)
    # The reference (the derivation) and the engine each against the estimate.
    for step, error_rel in ((reference_step(net, x, y, 0.1), 1e-13), (compute_step(net, x, y, 0.1), 1e-15)):
        analytic = flat_gradients(step)
        scale = np.maximum(np.abs(analytic), np.abs(numeric))
        # Relative error; a gradient that is exactly 0 (a dead ReLU) is compared
        # on an absolute scale of 1e-6 instead, where 1e-12 of noise is harmless.
        rel = np.abs(analytic - numeric) / np.maximum(scale, 1e-6)
        assert rel.max() <= 1e-6, (rel.max(), analytic, numeric)
        assert step.error == pytest.approx(loss_value(net, x, y), rel=error_rel)


def _relu_margin(net, x, acts) -> float:
    nets, _, _ = net.forward(x)
    return min(np.min(np.abs(nets[k] - net.thresholds[k])) for k, a in enumerate(acts) if a == "relu")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.mark.parametrize("d, q, l_", [(2, 2, 1), (3, 4, 2), (8, 5, 3), (1, 1, 1)])
def test_note_closed_forms_for_d_q_l_sigmoid_network(d, q, l_):
    """The reference is the note's d-q-l derivation: α_h, b_h, β_j, ŷ_j, E_k, g_j, e_h, Δp in closed form.

    The closed forms are written here with NumPy from the reference's own
    forward values; then the engine's record must hold the same numbers.
    """
    rng = np.random.default_rng(d * 100 + q * 10 + l_)
    net = Network.initialise((d, q, l_), seed=d + q + l_)
    v, gamma = net.weights[0], net.thresholds[0]
    w, theta = net.weights[1], net.thresholds[1]
    x = rng.uniform(0, 1, d)
    y = rng.uniform(0, 1, l_)
    eta = 0.7

    ref = backward_one_sample(net, x.tolist(), y.tolist())
    (alpha, beta), (b, y_hat), (e, g) = ref.received, ref.outputs, ref.deltas
    close = {"rtol": 1e-12, "atol": 1e-15}
    np.testing.assert_allclose(alpha, x @ v, **close)  # α_h = Σ_i v_ih x_i
    np.testing.assert_allclose(b, sigmoid(x @ v - gamma), **close)  # b_h = f(α_h − γ_h)
    np.testing.assert_allclose(beta, np.asarray(b) @ w, **close)  # β_j = Σ_h w_hj b_h
    np.testing.assert_allclose(y_hat, sigmoid(np.asarray(b) @ w - theta), **close)  # ŷ_j = f(β_j − θ_j)
    b, y_hat = np.asarray(b), np.asarray(y_hat)
    assert ref.error == pytest.approx(0.5 * np.sum((y - y_hat) ** 2), rel=1e-12)  # E_k
    g_closed = y_hat * (1 - y_hat) * (y - y_hat)  # g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j)
    e_closed = b * (1 - b) * (w @ g_closed)  # e_h = b_h(1 − b_h) Σ_j w_hj g_j
    np.testing.assert_allclose(g, g_closed, **close)
    np.testing.assert_allclose(e, e_closed, **close)

    step = reference_step(net, x[None, :], y[None, :], eta)
    d_v = eta * np.outer(x, e_closed)  # Δv_ih = η e_h x_i
    d_gamma = -eta * e_closed  # Δγ_h = −η e_h
    d_w = eta * np.outer(b, g_closed)  # Δw_hj = η g_j b_h
    d_theta = -eta * g_closed  # Δθ_j = −η g_j
    np.testing.assert_allclose(step.updates, np.concatenate([d_v.ravel(), d_gamma, d_w.ravel(), d_theta]), **close)

    engine = compute_step(net, x[None, :], y[None, :], eta)
    rec = make_record(engine, net, iteration=1, epoch=1, mode="standard", learning_rate=eta,
                      sample_indices=np.array([0]), inputs=x[None, :], targets=y[None, :])
    hidden, output = rec.layers
    for got, want in ((hidden.net[0], alpha), (hidden.output[0], b), (output.net[0], beta),
                      (output.output[0], y_hat), (output.delta[0], g), (hidden.delta[0], e),
                      (rec.flat_updates, step.updates), (rec.flat_gradients, step.gradients)):
        np.testing.assert_allclose(got, want, **close)
    assert rec.error == pytest.approx(ref.error, rel=1e-12)
    # Δp = −η ∂E/∂p and p ← p + Δp, all from the parameters before the update.
    for p in rec.parameters:
        np.testing.assert_array_equal(p.weight_updates, -eta * p.weight_gradients)
        np.testing.assert_array_equal(p.new_weights, p.weights + p.weight_updates)
        np.testing.assert_array_equal(p.new_thresholds, p.thresholds + p.threshold_updates)
    np.testing.assert_array_equal(rec.parameters[0].weights, v)
    np.testing.assert_array_equal(rec.parameters[1].thresholds, theta)


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
    for step in (reference_step(net, x, y, 0.5), compute_step(net, x, y, 0.5)):
        _check_worked_example(step)


def _check_worked_example(step: StepResult) -> None:
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
    for d, q, l_ in [(2, 2, 1), (8, 10, 1), (19, 4, 3)]:
        assert Network.initialise((d, q, l_)).n_parameters == (d + l_ + 1) * q + l_


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
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=7)
    assert net.n_parameters <= SMALL_NETWORK
    rng = np.random.default_rng(3)
    for _ in range(5):
        x = rng.normal(size=(1, sizes[0]))
        y = rng.uniform(0.05, 0.95, size=(1, sizes[-1]))
        small = compute_step_small(net, x[0].tolist(), y[0].tolist(), 0.4)
        vector = compute_step_vectorised(net, x, y, 0.4)
        assert isinstance(small, StepResult)
        assert small.error == pytest.approx(vector.error, rel=1e-13)
        for a, b in zip(small.nets + small.outputs + small.deltas, vector.nets + vector.outputs + vector.deltas):
            np.testing.assert_allclose(a, b, rtol=1e-13, atol=1e-16)
        np.testing.assert_allclose(small.gradients, vector.gradients, rtol=1e-12, atol=1e-16)
        np.testing.assert_allclose(small.network_after.flat, vector.network_after.flat, rtol=1e-14, atol=1e-16)
        assert small.finite and vector.finite


def test_small_path_reports_overflow_as_not_finite():
    net = Network.from_arrays([1, 1], "linear", [[[1e300]]], [[0.0]])
    assert compute_step_small(net, [1e300], [0.0], 1.0).finite is False
    sig = Network.from_arrays([1, 1], "sigmoid", [[[1.0]]], [[0.0]])
    s = compute_step_small(sig, [-1e6], [1.0], 1.0)  # e^(1e6) would overflow math.exp
    assert s.finite and s.outputs[0][0, 0] == 0.0


def test_the_small_path_returns_a_new_result_and_leaves_its_network_alone():
    net = Network.initialise((2, 2, 1), seed=3)
    before = net.flat.copy()
    first = compute_step_small(net, [0.5, -0.5], [1.0], 0.5)
    second = compute_step_small(net, [0.5, -0.5], [1.0], 0.5)
    assert isinstance(first, StepResult) and first is not second
    assert first.gradients.tobytes() == second.gradients.tobytes()
    np.testing.assert_array_equal(net.flat, before)
    np.testing.assert_array_equal(first.network_after.flat, before + first.updates)
    assert not np.array_equal(first.network_after.flat, before)


# ---------------------------------------------------------------------------
# every fast path equals the reference
# ---------------------------------------------------------------------------

# Widths chosen so that every network has at most SMALL_NETWORK parameters:
# the float loop can run each of them, as standard BP does.
WIDTHS = {0: (3, 2), 1: (3, 4, 2), 2: (3, 3, 3, 2), 3: (2, 3, 3, 2, 2)}
OUTPUTS = [(act, "squared_error") for act in ACTIVATIONS] + [("sigmoid", "cross_entropy")]
REFERENCE_CASES = [
    (depth, hidden, output, loss)
    for depth in WIDTHS
    for hidden in (ACTIVATIONS if depth else ["-"])
    for output, loss in OUTPUTS
]


def _hidden_activations(depth: int, first: str) -> tuple[str, ...]:
    """``first`` for hidden layer 1, then the others in turn: deep networks mix activations."""
    names = list(ACTIVATIONS)
    start = names.index(first)
    return tuple(names[(start + k) % len(names)] for k in range(depth))


def assert_same_step(fast: StepResult, ref: StepResult, rtol: float = 1e-12) -> None:
    """Every number of an iteration, to ``rtol`` relative to the largest of its kind."""

    def close(a, b):
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        assert a.shape == b.shape
        scale = max(1.0, float(np.max(np.abs(b)))) if b.size else 1.0
        np.testing.assert_allclose(a, b, rtol=rtol, atol=rtol * 1e-2 * scale)

    assert len(fast.nets) == len(ref.nets)
    for kind in ("nets", "outputs", "deltas"):
        for a, b in zip(getattr(fast, kind), getattr(ref, kind)):
            close(a, b)
    close(fast.sample_errors, ref.sample_errors)
    assert fast.error == pytest.approx(ref.error, rel=rtol)
    close(fast.gradients, ref.gradients)
    close(fast.updates, ref.updates)
    close(fast.network_after.flat, ref.network_after.flat)
    assert fast.finite is ref.finite is True


def _reference_case(depth, hidden, output, loss, seed=0):
    sizes = WIDTHS[depth]
    acts = (*_hidden_activations(depth, hidden), output) if depth else (output,)
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=seed, init_range=1.0)
    rng = np.random.default_rng(1000 + seed)
    x = rng.normal(size=(5, sizes[0]))
    y = rng.uniform(0.05, 0.95, size=(5, sizes[-1]))
    return net, x, y


@pytest.mark.parametrize("depth, hidden, output, loss", REFERENCE_CASES)
def test_every_fast_path_equals_the_reference(depth, hidden, output, loss):
    """The float loop, the vectorised path for one sample and for a batch, and the dispatcher."""
    net, x, y = _reference_case(depth, hidden, output, loss)
    assert net.n_parameters <= SMALL_NETWORK
    eta = 0.3
    for k in range(2):  # standard BP: one sample
        ref = reference_step(net, x[k : k + 1], y[k : k + 1], eta)
        assert_same_step(compute_step_small(net, x[k].tolist(), y[k].tolist(), eta), ref)
        assert_same_step(compute_step_vectorised(net, x[k : k + 1], y[k : k + 1], eta), ref)
        assert_same_step(compute_step(net, x[k : k + 1], y[k : k + 1], eta), ref)
    for batch in (2, 5):  # mini-batch and accumulated BP: the mean over the batch
        ref = reference_step(net, x[:batch], y[:batch], eta)
        assert_same_step(compute_step_vectorised(net, x[:batch], y[:batch], eta), ref)
        assert_same_step(compute_step(net, x[:batch], y[:batch], eta), ref)


def test_the_reference_covers_every_depth_activation_and_loss():
    """The table above really spans depth 0–3, every activation (hidden and output) and every loss."""
    assert {c[0] for c in REFERENCE_CASES} == {0, 1, 2, 3}
    assert {c[1] for c in REFERENCE_CASES} - {"-"} == set(ACTIVATIONS)
    assert {c[2] for c in REFERENCE_CASES} == set(ACTIVATIONS)
    assert {c[3] for c in REFERENCE_CASES} == set(LOSSES)


def test_the_comparison_can_fail():
    """A step with one gradient nudged by a part in 1e9 is told apart from the reference."""
    net, x, y = _reference_case(1, "tanh", "sigmoid", "squared_error")
    ref = reference_step(net, x, y, 0.3)
    nudged = ref.gradients.copy()
    nudged[3] *= 1 + 1e-9
    with pytest.raises(AssertionError):
        assert_same_step(ref._replace(gradients=nudged), ref)


@pytest.mark.parametrize("mode", ["accumulated", "minibatch"])
def test_trainer_batches_equal_the_reference_on_their_samples(mode):
    """Accumulated BP (a pass over all 17 melons) and mini-batch BP, iteration by iteration."""
    data = load_builtin("watermelon3.0alpha")
    net = Network.initialise((2, 3, 1), seed=4)
    trainer = Trainer(net, data, config=TrainingConfig(mode=mode, learning_rate=0.5, batch_size=4), seed=2)
    for _ in range(3):
        before = trainer.network
        rec = trainer.step()
        ref = reference_step(before, rec.inputs, rec.targets, 0.5)
        assert rec.batch_size == (17 if mode == "accumulated" else 4)
        np.testing.assert_array_equal(rec.inputs, data.inputs[rec.sample_indices])
        np.testing.assert_allclose(rec.flat_gradients, ref.gradients, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(trainer.network.flat, ref.network_after.flat, rtol=1e-12, atol=1e-15)
        assert rec.error == pytest.approx(ref.error, rel=1e-12)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(
    sizes=st.lists(st.integers(1, 4), min_size=2, max_size=5),
    act_names=st.lists(st.sampled_from(sorted(ACTIVATIONS)), min_size=4, max_size=4),
    cross_entropy=st.booleans(),
    batch=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
    scale=st.floats(0.1, 2.0),
    eta=st.floats(0.01, 2.0),
)
def test_generated_networks_and_batches_equal_the_reference(sizes, act_names, cross_entropy, batch, seed, scale, eta):
    """Any structure of depth 0–3, any activations, either loss, any batch: compute_step is the reference."""
    n_layers = len(sizes) - 1
    acts = list(act_names[:n_layers])
    loss = "squared_error"
    if cross_entropy:
        acts[-1], loss = "sigmoid", "cross_entropy"
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=seed % 1000, init_range=scale)
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, scale, size=(batch, sizes[0]))
    y = rng.uniform(0.05, 0.95, size=(batch, sizes[-1]))
    ref = reference_step(net, x, y, eta)
    assert_same_step(compute_step(net, x, y, eta), ref)
    assert_same_step(compute_step_vectorised(net, x, y, eta), ref)
    if batch == 1:
        assert_same_step(compute_step_small(net, x[0].tolist(), y[0].tolist(), eta), ref)


# ---------------------------------------------------------------------------
# losses are dispatched by name
# ---------------------------------------------------------------------------


def _with_loss(network: Network, loss: str) -> Network:
    """A network whose loss was never validated (a Network refuses an unknown loss when made)."""
    bad = network.with_flat(network.flat)
    object.__setattr__(bad, "loss", loss)
    return bad


@pytest.mark.parametrize("loss", ["hinge", "Cross_Entropy", ""])
def test_an_unknown_loss_is_refused_everywhere_rather_than_taken_for_cross_entropy(loss):
    with pytest.raises(ConfigError, match="loss must be one of squared_error, cross_entropy"):
        Network.initialise((2, 2, 1), loss=loss)
    net = _with_loss(Network.initialise((2, 2, 1), seed=1), loss)
    x, y = np.array([[0.2, 0.4]]), np.array([[1.0]])
    for run in (
        lambda: compute_step_small(net, [0.2, 0.4], [1.0], 0.5),
        lambda: compute_step_vectorised(net, x, y, 0.5),
        lambda: compute_step(net, np.vstack([x, x]), np.vstack([y, y]), 0.5),
        lambda: loss_value(net, x, y),
        lambda: reference_step(net, x, y, 0.5),
        lambda: output_delta(loss, ACTIVATIONS["sigmoid"], y, y),
        lambda: sample_errors(loss, y, y, y),
    ):
        with pytest.raises(ConfigError, match=repr(loss)):
            run()
