"""Issue 11: Run's lane for tiny networks (``model/run_small.py``) leaves the trainer exactly as one
``_advance`` at a time does: the same trajectory, error curve, epoch rows, checkpoints, stop conditions,
divergence and record, bit for bit, on generated runs with step back and setting changes between them."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.errors import DivergenceError
from bpgui.model.history import HistoryBounds
from bpgui.model.network import Network
from bpgui.model.training import StopConditions, Trainer, TrainingConfig


def without_lane(trainer):
    trainer._small_lane = lambda: None  # the instance's own: the iteration-at-a-time path
    return trainer


def classes(m, n_in, n_out, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, (m, n_in))
    y = (rng.uniform(size=(m, n_out)) > 0.5).astype(float)
    return Dataset("gen", x, y, tuple(f"x{i}" for i in range(n_in)), tuple(f"y{j}" for j in range(n_out)),
                   "classification")


def same_array(a, b):
    if a is None or b is None:
        assert a is None and b is None
        return
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def same_trainer(a, b):
    assert a.state[:3] == b.state[:3] and a.state.config == b.state.config
    same_array(a.network.flat, b.network.flat)
    assert a.end == b.end
    same_array(a.iteration_errors, b.iteration_errors)
    same_array(a.iteration_positions, b.iteration_positions)
    for name in ("iteration", "epoch", "error", "accuracy", "test_error", "test_accuracy"):
        same_array(getattr(a.logged_epochs, name).view(), getattr(b.logged_epochs, name).view())
    ca, cb = a._checkpoints, b._checkpoints
    assert list(ca.iterations) == list(cb.iterations) and list(ca.clocks) == list(cb.clocks)
    assert a.event_checkpoints() == b.event_checkpoints()
    for i in range(len(ca)):
        assert ca[i][:3] == cb[i][:3]
        same_array(ca[i].network.flat, cb[i].network.flat)
    ra, rb = a.last_record, b.last_record
    assert (ra is None) == (rb is None)
    if ra is not None:
        assert ra.iteration == rb.iteration and ra.epoch == rb.epoch
        same_array(ra.sample_indices, rb.sample_indices)
        same_array(ra.flat_gradients, rb.flat_gradients)
        same_array(ra.flat_new_values, rb.flat_new_values)


def advance_both(a, b, n, use_stop):
    results = []
    for trainer in (a, b):
        try:
            results.append(trainer.advance(n, use_stop_conditions=use_stop))
        except DivergenceError as exc:
            results.append(("diverged", str(exc)))
    assert results[0] == results[1]
    same_trainer(a, b)
    return results[0]


@settings(max_examples=40, deadline=None)
@given(
    shape=st.sampled_from([(2, 2, 1), (2, 3, 1), (3, 2, 2), (2, 2, 2, 1), (1, 1, 1)]),
    activation=st.sampled_from(["sigmoid", "tanh", "relu"]),
    loss=st.sampled_from(["squared_error", "cross_entropy"]),
    m=st.integers(1, 9),
    shuffle=st.booleans(),
    test=st.booleans(),
    eta=st.sampled_from([0.1, 0.8, 5.0, 1e6]),
    interval=st.integers(1, 40),
    target=st.sampled_from([None, 0.2, 0.05]),
    max_epochs=st.sampled_from([None, 3, 40]),
    mini_batch_of_one=st.booleans(),
    actions=st.lists(st.tuples(st.sampled_from(["advance", "advance", "back", "eta", "edit"]),
                               st.integers(1, 120), st.booleans()), min_size=1, max_size=6),
    seed=st.integers(0, 5),
)
def test_the_lane_is_the_iteration_at_a_time_path_bitwise(shape, activation, loss, m, shuffle, test, eta, interval,
                                                          target, max_epochs, mini_batch_of_one, actions, seed):
    if loss == "cross_entropy" and activation != "sigmoid":
        activation = "sigmoid"  # cross-entropy pairs with a sigmoid output
    acts = (activation,) * (len(shape) - 2) + ("sigmoid",)
    data = classes(m, shape[0], shape[-1], seed)
    held_out = classes(3, shape[0], shape[-1], seed + 10) if test else None
    config = TrainingConfig(learning_rate=eta, shuffle=shuffle,
                            mode="minibatch" if mini_batch_of_one else "standard", batch_size=1)
    stop = StopConditions(target_error=target, max_epochs=max_epochs)
    # the curve and the epoch log thin within the run
    bounds = HistoryBounds(exact_errors=64, thinned_errors=32, exact_epoch_rows=16, thinned_epoch_rows=8)
    made = []
    for _ in range(2):
        net = Network.initialise(shape, activations=acts, loss=loss, seed=seed)
        made.append(Trainer(net, data, config=config, seed=seed, test=held_out, stop=stop,
                            checkpoint_interval=interval, bounds=bounds))
    a, b = made[0], without_lane(made[1])
    for kind, n, use_stop in actions:
        if kind == "advance":
            advance_both(a, b, n, use_stop)
        elif kind == "back":
            t = max(0, a.iteration - n)
            a.goto(t), b.goto(t)
            same_trainer(a, b)
            advance_both(a, b, n + 2, use_stop)  # through the recorded future and on past its end
        elif kind == "eta":
            a.set_config(learning_rate=eta / 2), b.set_config(learning_rate=eta / 2)
        else:
            value = 0.5 if n % 2 else -0.25
            a.set_parameter(1, "weight", 1, 1, value), b.set_parameter(1, "weight", 1, 1, value)
        same_trainer(a, b)


def test_the_lane_runs_run_on_the_note_network_and_step_back_restores_its_states():
    """The lane is taken (few states made), and each state it kept or passed is restored exactly."""
    xor = load_builtin("xor")
    a = Trainer(Network.initialise((2, 2, 1), seed=0), xor, seed=0, checkpoint_interval=16)
    b = without_lane(Trainer(Network.initialise((2, 2, 1), seed=0), xor, seed=0, checkpoint_interval=16))
    assert a._small_lane() is not None
    assert a.advance(1000, use_stop_conditions=False) == (1000, None)
    b.advance(1000, use_stop_conditions=False)
    same_trainer(a, b)
    for t in (999, 517, 3, 0, 1000):
        a.goto(t), b.goto(t)
        same_trainer(a, b)


def test_the_lane_stops_where_the_target_error_is_reached_and_keeps_a_record():
    xor = load_builtin("xor")
    stop = StopConditions(target_error=0.124)
    a = Trainer(Network.initialise((2, 2, 1), seed=0), xor, config=TrainingConfig(learning_rate=0.9), stop=stop)
    b = without_lane(Trainer(Network.initialise((2, 2, 1), seed=0), xor, config=TrainingConfig(learning_rate=0.9),
                             stop=stop))
    done, reason = advance_both(a, b, 10**6, True)
    assert reason == "target_error" and done < 10**6 and a.last_record is not None
    assert a.epoch_error() <= 0.124 and a.state.cursor == 0


def test_a_diverging_lane_stops_at_the_last_finite_iteration_with_the_same_message():
    data = Dataset("wide", np.array([[30.0, 30.0], [1.0, 2.0]]), np.array([[1.0], [0.0]]), ("a", "b"), ("y",),
                   "regression")
    made = [Trainer(Network.initialise((2, 2, 1), seed=0, activations=("linear", "linear")), data,
                    config=TrainingConfig(learning_rate=1.0, shuffle=False)) for _ in range(2)]
    a, b = made[0], without_lane(made[1])
    kind, message = advance_both(a, b, 10_000, False)
    assert kind == "diverged" and "not applied" in message
    assert 2 < a.iteration < 10_000 and a.last_record is not None  # the lane ran before it
    assert all(math.isfinite(v) for v in a.network.flat)
