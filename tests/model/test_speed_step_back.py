"""Checkpoints spaced by the cost of replaying (issue 11): a step back replays a bounded amount of work,
heavy iterations (accumulated over many samples) are checkpointed more often, memory stays bounded, and
goto(t) is still bitwise the state first computed, across edits and setting changes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpgui.model.training as training
from bpgui.model.datasets import Dataset
from bpgui.model.history import HistoryBounds
from bpgui.model.iteration import REPLAY_WORK, iteration_cost
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def random_set(m: int, d: int, n_out: int, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, (m, d))
    x[:, ::3] = 0.0  # zero inputs, as in images: signed zeros in the gradients
    y = np.zeros((m, n_out))
    y[np.arange(m), rng.integers(0, n_out, m)] = 1.0
    return Dataset("r", x, y, tuple(f"x{i}" for i in range(d)), tuple(f"y{j}" for j in range(n_out)), "regression")


def count_computes(tr: Trainer) -> list[int]:
    calls = [0]
    real = tr._compute

    def counting(state):
        calls[0] += 1
        return real(state)

    tr._compute = counting  # type: ignore[method-assign]
    return calls


def test_a_step_back_on_784_128_10_replays_a_bounded_number_of_iterations():
    data = random_set(60, 784, 10)
    tr = Trainer(Network.initialise((784, 128, 10), seed=1), data, config=TrainingConfig(learning_rate=0.5))
    tr.advance(160, use_stop_conditions=False)
    spacing = math.ceil(REPLAY_WORK / iteration_cost(tr.network.n_parameters, 1))
    assert spacing < 60  # was 1024
    calls = count_computes(tr)
    for t in (159, 140, 120, 101, 80):  # younger than 3 marks: not thinned yet
        tr.goto(t + 1)
        before = calls[0]
        tr.step_back()
        # replay to t − 1 from the checkpoint before it, plus t's own record
        assert calls[0] - before <= spacing + 1


def test_accumulated_passes_over_many_samples_are_checkpointed_more_often(monkeypatch):
    monkeypatch.setattr(training, "REPLAY_WORK", REPLAY_WORK // 8)  # the same rule, a smaller run
    data = random_set(1000, 100, 10)
    net = Network.initialise((100, 64, 10), seed=2)
    acc = Trainer(net, data, config=TrainingConfig(mode="accumulated", learning_rate=0.5))
    std = Trainer(net, data, config=TrainingConfig(learning_rate=0.5))
    acc.advance(40, use_stop_conditions=False)
    std.advance(40, use_stop_conditions=False)
    assert len(acc._checkpoints) >= 10 > len(std._checkpoints) == 1
    spacing = math.ceil(REPLAY_WORK / 8 / iteration_cost(net.n_parameters, 1000))
    assert spacing <= 3
    calls = count_computes(acc)
    for _ in range(4):
        before = calls[0]
        acc.step_back()
        assert calls[0] - before <= spacing + 1  # a few passes back, not up to 1023


def test_checkpoints_of_a_long_heavy_run_stay_few(monkeypatch):
    monkeypatch.setattr(training, "REPLAY_WORK", 200_000)  # about a checkpoint per iteration
    data = random_set(50, 40, 3)
    tr = Trainer(Network.initialise((40, 30, 3), seed=3), data)
    per_level = tr._checkpoints.per_level
    marks = 0
    for chunk in (500, 1500, 6000):
        tr.advance(chunk, use_stop_conditions=False)
        marks = tr._clock // tr._quantum
        assert marks > 5000 or chunk < 6000
        assert len(tr._checkpoints) <= per_level * (math.log2(max(2, marks / per_level)) + 3) + 2


class Straight:
    """The state of every iteration as first computed, kept alongside a trainer's branches."""

    def __init__(self, tr: Trainer) -> None:
        self.tr = tr
        self.flats = {0: tr.network.flat.tobytes()}

    def forward(self, n: int) -> None:
        for _ in range(n):
            t = self.tr.iteration + 1
            self.tr.step()
            if t not in self.flats:
                self.flats[t] = self.tr.network.flat.tobytes()
            assert self.flats[t] == self.tr.network.flat.tobytes()

    def branched(self) -> None:
        if self.tr.end != self.tr.iteration:
            return  # an unchanged setting: no branch, the future stays
        t = self.tr.iteration
        self.flats = {k: v for k, v in self.flats.items() if k < t}
        self.flats[t] = self.tr.network.flat.tobytes()


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("run"), st.integers(1, 60)),
        st.tuples(st.just("back"), st.integers(1, 40)),
        st.tuples(st.just("mode"), st.sampled_from(["standard", "accumulated", "minibatch"])),
        st.tuples(st.just("eta"), st.sampled_from([0.1, 0.5, 2.0])),
        st.tuples(st.just("edit"), st.floats(-1, 1)),
    ),
    min_size=1, max_size=12,
)


@settings(max_examples=25, deadline=None)
@given(ops=OPS, per_level=st.sampled_from([None, 1, 2]), interval=st.sampled_from([3, 1024]))
def test_goto_is_bitwise_exact_across_cost_spaced_checkpoints(ops, per_level, interval):
    real = training.REPLAY_WORK
    training.REPLAY_WORK = 2_000_000  # a checkpoint every few iterations of this small network
    try:
        data = random_set(24, 12, 3, seed=4)
        tr = Trainer(Network.initialise((12, 9, 3), seed=4), data, checkpoint_interval=interval,
                     bounds=HistoryBounds(checkpoints_per_level=per_level),
                     config=TrainingConfig(learning_rate=0.5, batch_size=5))
    finally:
        training.REPLAY_WORK = real
    straight = Straight(tr)
    for op, arg in ops:
        if op == "run":
            straight.forward(arg)
        elif op == "back":
            tr.goto(max(0, tr.iteration - arg))
        elif op == "mode":
            tr.set_config(mode=arg)
            straight.branched()
        elif op == "eta":
            tr.set_config(learning_rate=arg)
            straight.branched()
        else:
            tr.set_parameter(1, "weight", 2, 1, arg)
            straight.branched()
    straight.forward(30)
    assert sorted(straight.flats) == list(range(tr.end + 1))
    for t in range(tr.end, -1, -1):
        tr.goto(t)
        assert tr.network.flat.tobytes() == straight.flats[t], t
    assert tr._checkpoints.iterations == sorted(set(tr._checkpoints.iterations))


def test_the_spacing_of_a_tiny_network_is_the_fixed_interval_as_before():
    data = random_set(4, 2, 1)
    tr = Trainer(Network.initialise((2, 2, 1)), data, checkpoint_interval=64)
    tr.advance(64 * 5, use_stop_conditions=False)
    assert tr._checkpoints.iterations == [0, 64, 128, 192, 256, 320]
    with pytest.raises(ValueError):
        Trainer(Network.initialise((2, 2, 1)), data, checkpoint_interval=0)


def test_repeated_step_backs_start_from_the_states_the_last_replay_walked():
    data = random_set(60, 784, 10)
    tr = Trainer(Network.initialise((784, 128, 10), seed=1), data, config=TrainingConfig(learning_rate=0.5))
    tr.advance(160, use_stop_conditions=False)
    flats = {}
    straight = Trainer(Network.initialise((784, 128, 10), seed=1), data, config=TrainingConfig(learning_rate=0.5))
    for t in range(1, 161):
        straight.step()
        flats[t] = straight.network.flat.tobytes()
    spacing = math.ceil(REPLAY_WORK / iteration_cost(tr.network.n_parameters, 1))
    calls = count_computes(tr)
    tr.goto(150)
    start = calls[0]
    for t in range(149, 110, -1):
        before = calls[0]
        tr.step_back()
        assert calls[0] - before <= spacing + 1, t
        assert tr.iteration == t and tr.network.flat.tobytes() == flats[t]
    # Amortised: about 2 iterations a step back, not up to a whole spacing each time (was 1023).
    assert calls[0] - start <= 39 * 3
    assert len(tr._recent) <= tr._recent.capacity <= 32
    tr.set_parameter(1, "weight", 1, 1, 0.25)  # a change by hand forgets the walked states after it
    assert all(c < tr.iteration for c in tr._recent._states)
