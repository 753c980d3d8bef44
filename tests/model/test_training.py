"""Training modes, determinism, step back, stop conditions, divergence, memory."""

import gc
import math
import tracemalloc

import numpy as np
import pytest

from bpgui.model.backprop import compute_step
from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.errors import ConfigError, DivergenceError
from bpgui.model.network import Network
from bpgui.model.training import StopConditions, Trainer, TrainingConfig


def params_bytes(network: Network) -> bytes:
    return b"".join(w.tobytes() + t.tobytes() for w, t in zip(network.weights, network.thresholds))


@pytest.fixture(scope="module")
def xor():
    return load_builtin("xor")


def regression_set(m=10, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, (m, 3))
    y = np.stack([np.sin(x.sum(1)), x[:, 0] * x[:, 1]], axis=1)
    return Dataset("toy", x, y, ("a", "b", "c"), ("s", "p"), "regression")


def test_same_seed_gives_bitwise_identical_trajectory(xor):
    runs = []
    for _ in range(2):
        tr = Trainer(Network.initialise((2, 3, 1), seed=5), xor, seed=5)
        tr.advance(777, use_stop_conditions=False)
        runs.append((tr.iteration_errors.tobytes(), params_bytes(tr.network), tr.epochs.error.view().tobytes()))
    assert runs[0] == runs[1]
    other = Trainer(Network.initialise((2, 3, 1), seed=5), xor, seed=6)
    other.advance(777, use_stop_conditions=False)
    assert other.iteration_errors.tobytes() != runs[0][0]  # a different sample order


def test_standard_bp_visits_every_sample_once_per_epoch_in_a_seeded_order(xor):
    tr = Trainer(Network.initialise((2, 2, 1)), xor, seed=3)
    orders = []
    for epoch in range(5):
        seen = [int(tr.step().sample_indices[0]) for _ in range(4)]
        assert sorted(seen) == [0, 1, 2, 3]
        orders.append(seen)
        assert tr.state.epoch == epoch + 1
    assert len({tuple(o) for o in orders}) > 1  # shuffled per epoch
    fixed = Trainer(Network.initialise((2, 2, 1)), xor, config=TrainingConfig(shuffle=False))
    assert [int(fixed.step().sample_indices[0]) for _ in range(8)] == [0, 1, 2, 3] * 2


def test_standard_step_is_the_single_sample_update(xor):
    net = Network.initialise((2, 2, 1), seed=1)
    tr = Trainer(net, xor, config=TrainingConfig(learning_rate=0.3), seed=1)
    rec = tr.step()
    k = int(rec.sample_indices[0])
    expected = compute_step(net, xor.inputs[k:k + 1], xor.targets[k:k + 1], 0.3)
    assert params_bytes(tr.network) == params_bytes(expected.network_after)
    assert rec.error == expected.error and rec.iteration == 1 and rec.epoch == 1


def test_accumulated_bp_descends_the_mean_error_once_per_pass():
    data = regression_set(m=7)
    net = Network.initialise((3, 4, 2), activations=("tanh", "linear"), seed=2)
    tr = Trainer(net, data, config=TrainingConfig(mode="accumulated", learning_rate=0.1))
    rec = tr.step()
    assert rec.batch_size == 7 and tr.state.epoch == 1 and tr.state.cursor == 0
    # The update is the mean of the seven single-sample gradients.
    singles = [compute_step(net, data.inputs[k:k + 1], data.targets[k:k + 1], 0.1) for k in range(7)]
    for layer in range(2):
        mean_grad = np.mean([s.weight_gradients[layer] for s in singles], axis=0)
        np.testing.assert_allclose(rec.parameters[layer].weight_gradients, mean_grad, rtol=1e-12, atol=1e-15)
        mean_tgrad = np.mean([s.threshold_gradients[layer] for s in singles], axis=0)
        np.testing.assert_allclose(rec.parameters[layer].threshold_gradients, mean_tgrad, rtol=1e-12, atol=1e-15)
    assert rec.error == pytest.approx(np.mean([s.error for s in singles]), rel=1e-12)
    np.testing.assert_allclose(rec.sample_errors, [s.error for s in singles], rtol=1e-12)


def test_minibatch_takes_ceil_m_over_b_iterations_per_epoch():
    data = regression_set(m=10)
    tr = Trainer(Network.initialise((3, 2, 2), activations=("sigmoid", "linear")), data,
                 config=TrainingConfig(mode="minibatch", batch_size=4), seed=9)
    sizes = [tr.step().batch_size for _ in range(3)]
    assert sizes == [4, 4, 2] and tr.state.epoch == 1
    assert len(tr.epochs) == 2  # row 0 (before training) and the end of epoch 1


def test_step_back_restores_every_earlier_iteration_bitwise(xor):
    tr = Trainer(Network.initialise((2, 2, 1), seed=4), xor, seed=4, checkpoint_interval=64)
    states, records = [params_bytes(tr.network)], [None]
    for _ in range(400):
        rec = tr.step()
        states.append(params_bytes(tr.network))
        records.append(rec)
    errors_before = tr.iteration_errors.tobytes()
    for t in [399, 0, 257, 256, 255, 1, 64, 130, 400, 3]:
        rec = tr.goto(t)
        assert tr.iteration == t
        assert params_bytes(tr.network) == states[t]
        if t == 0:
            assert rec is None
        else:
            assert rec.iteration == t
            assert rec.flat_values.tobytes() == records[t].flat_values.tobytes()
            assert rec.flat_gradients.tobytes() == records[t].flat_gradients.tobytes()
            assert rec.layers[0].output.tobytes() == records[t].layers[0].output.tobytes()
    assert tr.end == 400 and tr.iteration_errors.tobytes() == errors_before
    # Stepping back one at a time, then forward again, retraces the same path.
    tr.goto(200)
    for t in range(199, 190, -1):
        tr.step_back()
        assert params_bytes(tr.network) == states[t]
    for t in range(192, 210):
        tr.step()
        assert params_bytes(tr.network) == states[t]
    assert tr.end == 400


def test_changing_eta_branches_history_and_replay_uses_the_right_eta(xor):
    tr = Trainer(Network.initialise((2, 2, 1), seed=0), xor, seed=0, checkpoint_interval=50)
    tr.advance(120, use_stop_conditions=False)
    tr.goto(80)
    tr.set_config(learning_rate=3.0)
    assert tr.end == 80 and len(tr.iteration_errors) == 80
    after_change = []
    for _ in range(60):
        after_change.append((tr.step().learning_rate, params_bytes(tr.network)))
    assert all(eta == 3.0 for eta, _ in after_change)
    for t in (81, 100, 139, 140):
        rec = tr.goto(t)
        assert params_bytes(tr.network) == after_change[t - 81][1]
        assert rec.learning_rate == 3.0
    rec = tr.goto(80)
    assert rec.learning_rate == 1.0  # iteration 80 itself ran before the change
    assert tr.config.learning_rate == 3.0


def test_editing_a_parameter_drops_the_future_and_can_be_restored(xor):
    tr = Trainer(Network.initialise((2, 2, 1), seed=0), xor, seed=0)
    tr.advance(30, use_stop_conditions=False)
    tr.goto(10)
    before = tr.network
    tr.set_parameter(2, "weight", 1, 1, 2.5)  # w_11
    assert tr.end == 10 and tr.network.weights[1][0, 0] == 2.5
    tr.step()
    tr.goto(10)
    assert tr.network.weights[1][0, 0] == 2.5  # the edit is part of the state at t = 10
    tr.set_network(before)  # undo
    assert params_bytes(tr.network) == params_bytes(before)
    with pytest.raises(ConfigError):
        tr.set_parameter(1, "weight", 1, 1, math.nan)
    assert params_bytes(tr.network) == params_bytes(before)


def test_an_edit_at_an_epoch_end_re_measures_that_epoch_row(xor):
    tr = Trainer(Network.initialise((2, 2, 1), seed=0), xor, seed=0)
    tr.advance(12, use_stop_conditions=False)
    tr.goto(8)  # the end of epoch 2
    tr.set_parameter(1, "threshold", None, 1, 4.0)  # γ_1
    log = tr.epochs
    assert list(log.iteration.view()) == [0, 4, 8]
    assert log.error[2] == tr.evaluate()[0]
    tr.goto(0)
    tr.set_parameter(2, "threshold", None, 1, -3.0)  # θ_1 of the initial network
    assert len(tr.epochs) == 1 and tr.epochs.error[0] == tr.evaluate()[0]


def test_epoch_log_measures_the_whole_training_set(xor):
    tr = Trainer(Network.initialise((2, 2, 1), seed=2), xor, seed=2)
    tr.advance(40, use_stop_conditions=False)
    log = tr.epochs
    assert len(log) == 11 and list(log.iteration.view()) == list(range(0, 41, 4))
    tr.goto(20)
    outputs = tr.network.predict(xor.inputs)
    expected = float(np.mean(0.5 * np.sum((xor.targets - outputs) ** 2, axis=1)))
    assert log.error[5] == pytest.approx(expected, rel=1e-14)
    assert log.accuracy[5] == xor.accuracy(outputs)
    assert math.isnan(log.test_error[5])


def test_stop_conditions(xor):
    tr = Trainer(Network.initialise((2, 2, 1)), xor, stop=StopConditions(max_epochs=7))
    assert tr.train() == "max_epochs"
    assert tr.state.epoch == 7 and tr.iteration == 28 and tr.last_record.iteration == 28
    tr = Trainer(Network.initialise((2, 2, 1)), xor, stop=StopConditions(target_error=0.124))
    assert tr.train() == "target_error"
    assert tr.epoch_error() <= 0.124 and tr.epochs.error[len(tr.epochs) - 2] > 0.124
    with pytest.raises(ConfigError):
        Trainer(Network.initialise((2, 2, 1)), xor).train()  # no condition: would never stop


def test_xor_two_two_one_with_the_default_seed_classifies_all_four_points(xor):
    tr = Trainer(Network.initialise((2, 2, 1)), xor, stop=StopConditions(target_error=0.01, max_epochs=5000))
    assert tr.train() == "target_error"
    assert xor.accuracy(tr.network.predict(xor.inputs)) == 1.0
    np.testing.assert_array_equal(xor.classify(tr.network.predict(xor.inputs)), [0, 1, 1, 0])


@pytest.mark.parametrize("mode, epochs", [("standard", 600), ("accumulated", 3000)])
def test_watermelon_3_fits_the_training_set(mode, epochs):
    data = load_builtin("watermelon3.0")
    net = Network.initialise((data.n_inputs, 4, 1))
    tr = Trainer(net, data, config=TrainingConfig(mode=mode), stop=StopConditions(max_epochs=epochs))
    tr.train()
    assert data.accuracy(tr.network.predict(data.inputs)) == 1.0


def test_divergence_is_refused_and_leaves_the_state_unchanged():
    data = Dataset("big", np.array([[1e200, 1e200]]), np.array([[1.0]]), ("a", "b"), ("y",), "regression")
    tr = Trainer(Network.initialise((2, 1), activations="linear"), data, config=TrainingConfig(learning_rate=1e200))
    before = params_bytes(tr.network)
    with pytest.raises(DivergenceError, match="iteration 1"):
        tr.step()
    assert tr.iteration == 0 and tr.end == 0 and params_bytes(tr.network) == before


def test_divergence_mid_run_keeps_the_last_finite_iteration():
    data = regression_set(m=4)
    tr = Trainer(Network.initialise((3, 5, 2), activations=("linear", "linear")), data,
                 config=TrainingConfig(learning_rate=50.0))
    with pytest.raises(DivergenceError):
        tr.advance(10_000, use_stop_conditions=False)
    t = tr.iteration
    assert 0 < t < 10_000 and tr.end == t
    assert all(np.isfinite(w).all() for w in tr.network.weights)
    tr.step_back()
    assert tr.iteration == t - 1


def test_bad_settings_are_refused_with_a_message():
    for bad in (0, -1.0, math.nan, math.inf, "abc"):
        with pytest.raises(ConfigError, match="learning rate"):
            TrainingConfig(learning_rate=bad)
    with pytest.raises(ConfigError, match="mode"):
        TrainingConfig(mode="batchy")
    with pytest.raises(ConfigError, match="batch size"):
        TrainingConfig(mode="minibatch", batch_size=0)
    with pytest.raises(ConfigError, match="2 inputs"):
        Trainer(Network.initialise((3, 2, 1)), load_builtin("xor"))
    tr = Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"))
    with pytest.raises(ConfigError):
        tr.goto(5)
    with pytest.raises(ConfigError):
        tr.step_back()


def test_history_memory_stays_within_64_mb_for_a_million_iterations(xor):
    """What training keeps, measured by tracemalloc: 2^11 iterations, a million extrapolated.

    tracemalloc sees every allocation (NumPy's too) that is still held after
    the run, whatever the trainer thinks it holds. The measurement includes
    the arrays' doubling slack, as a run of a million would.
    """
    tr = Trainer(Network.initialise((2, 2, 1)), xor)
    tr.advance(8, use_stop_conditions=False)  # caches and first allocations outside the measurement
    n = 2 ** 11
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tr.advance(n, use_stop_conditions=False)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held >= n * 8  # at least the error of every iteration: the probe does see the history
    assert held / n * 1_000_000 <= 64 * 2**20
    assert len(tr._checkpoints) <= (n + 8) // tr.checkpoint_interval + 1
    # The trainer's own account (printed by benchmarks/history_memory.py) is close to the truth.
    assert 0.5 <= tr.history_nbytes / held <= 2.0


def test_accumulated_epoch_rows_measured_by_the_next_pass_equal_a_fresh_evaluation():
    data = load_builtin("watermelon3.0alpha")
    tr = Trainer(Network.initialise((2, 3, 1), seed=1), data, config=TrainingConfig(mode="accumulated"))
    for _ in range(6):
        tr.step()
    rows = [(int(tr.epochs.iteration[e]), tr.epochs.error[e], tr.epochs.accuracy[e]) for e in range(len(tr.epochs))]
    assert [r[0] for r in rows] == list(range(7))
    for t, error, accuracy in rows:
        tr.goto(t)
        fresh_error, fresh_accuracy = tr.evaluate()
        assert error == pytest.approx(fresh_error, rel=1e-13) and accuracy == fresh_accuracy
