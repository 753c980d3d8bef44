"""One iteration in three parts (plan_next, compute_next, apply_next): the same trajectory and history
as ``advance``, a stale plan refused, no pass over the data in apply_next, and the stop check of a
target error in accumulated mode measured by the next pass (issue 11)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpgui.model.training as training
from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.errors import ConfigError, DivergenceError
from bpgui.model.iteration import compute_next
from bpgui.model.network import Network
from bpgui.model.training import StopConditions, Trainer, TrainingConfig


def random_set(m=20, d=20, seed=0, task="regression"):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, (m, d))
    if task == "classification":
        y = (x[:, :1] > 0).astype(float)
    else:
        y = np.stack([np.tanh(x.sum(1)), x[:, 0] * x[:, 1]], axis=1) * 0.4 + 0.5
    return Dataset("r", x, y, tuple(f"x{i}" for i in range(d)), tuple(f"y{j}" for j in range(y.shape[1])), task)


def fingerprint(tr: Trainer) -> tuple:
    log = tr.epochs
    return (
        tr.iteration, tr.end, tr.state.epoch, tr.state.cursor, tr.network.flat.tobytes(),
        tr.iteration_errors.tobytes(), *(getattr(log, f).view().tobytes() for f in log.FIELDS),
        tuple(tr.event_checkpoints()),
    )


def split_advance(tr: Trainer, n: int, use_stop: bool = True) -> tuple[int, str | None]:
    """``Trainer.advance`` written with the three parts, as a session would run it."""
    for done in range(n):
        plan = tr.plan_next()
        applied = tr.apply_next(plan, compute_next(plan), want_record=done == n - 1, use_stop_conditions=use_stop)
        if applied.stop_reason is not None:
            return done, applied.stop_reason
    return n, None


CASES = [
    ("xor", (2, 2, 1), TrainingConfig(), False),
    ("xor", (2, 3, 1), TrainingConfig(mode="accumulated", learning_rate=2.0), False),
    ("watermelon3.0", (19, 5, 1), TrainingConfig(mode="minibatch", batch_size=5), False),
    ("watermelon3.0", (19, 5, 1), TrainingConfig(mode="accumulated"), False),
    ("random", (20, 6, 2), TrainingConfig(mode="minibatch", batch_size=6, shuffle=False), True),
    ("random", (20, 6, 2), TrainingConfig(mode="accumulated", learning_rate=0.5), True),
    ("random", (20, 7, 2), TrainingConfig(), False),
]


def make(name, sizes, config, with_test, stop=None, seed=1):
    data = random_set() if name == "random" else load_builtin(name)
    test = random_set(seed=9) if with_test else None
    return Trainer(Network.initialise(sizes, seed=seed), data, config=config, seed=seed, test=test, stop=stop)


@pytest.mark.parametrize(("name", "sizes", "config", "with_test"), CASES)
def test_the_three_parts_are_advance_bitwise(name, sizes, config, with_test):
    a, b = make(name, sizes, config, with_test), make(name, sizes, config, with_test)
    a.advance(57, use_stop_conditions=False)
    split_advance(b, 57, use_stop=False)
    assert fingerprint(a) == fingerprint(b)
    assert a.last_record is not None and b.last_record is not None
    assert a.last_record.flat_new_values.tobytes() == b.last_record.flat_new_values.tobytes()
    # After a step back, going forward again replays the recorded future in both.
    a.goto(20), b.goto(20)
    a.advance(10, use_stop_conditions=False)
    split_advance(b, 10, use_stop=False)
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(("name", "sizes", "config", "with_test"), CASES)
@pytest.mark.parametrize("stop", [StopConditions(max_epochs=7), StopConditions(target_error=0.2, max_epochs=400)])
def test_the_three_parts_stop_where_advance_stops(name, sizes, config, with_test, stop):
    a, b = make(name, sizes, config, with_test, stop), make(name, sizes, config, with_test, stop)
    ra = a.advance(100_000)
    rb = split_advance(b, 100_000)
    assert ra == rb and ra[1] is not None
    assert fingerprint(a) == fingerprint(b)
    assert b.last_record is not None and b.last_record.iteration == b.iteration  # a stop finds a record
    # Nothing more is applied while the condition holds.
    plan = b.plan_next()
    assert b.apply_next(plan, compute_next(plan)).stop_reason == ra[1]
    assert b.iteration == a.iteration


def test_a_plan_made_before_a_change_is_refused():
    tr = make("xor", (2, 2, 1), TrainingConfig(), False)
    tr.advance(5)
    for change in (lambda: tr.step(), lambda: tr.set_config(learning_rate=0.25), lambda: tr.step_back(),
                   lambda: tr.set_parameter(1, "weight", 1, 1, 0.5), lambda: tr.reset()):
        plan = tr.plan_next()
        nxt = compute_next(plan)
        change()
        before = fingerprint(tr)
        with pytest.raises(ConfigError):
            tr.apply_next(plan, nxt)
        assert fingerprint(tr) == before


def test_compute_next_touches_no_trainer_state_and_is_deterministic():
    tr = make("random", (20, 6, 2), TrainingConfig(mode="accumulated"), True)
    tr.advance(3)
    before = fingerprint(tr)
    plan = tr.plan_next()
    first, second = compute_next(plan), compute_next(plan)
    assert fingerprint(tr) == before
    assert first.step.network_after.flat.tobytes() == second.step.network_after.flat.tobytes()
    assert first.row_after is not None  # the pass ends an epoch: its row is measured here, off the trainer
    # A whole pass in file order reads the training set itself: no copy of it per pass.
    tr.step()
    assert np.shares_memory(plan.inputs, tr.plan_next().inputs) and plan.inputs.shape[0] == 20


@pytest.mark.parametrize(("name", "sizes", "config", "with_test"), CASES)
def test_apply_next_makes_no_pass_over_the_data(monkeypatch, name, sizes, config, with_test):
    stop = StopConditions(target_error=1e-9, max_epochs=50)
    tr = make(name, sizes, config, with_test, stop)
    ref = make(name, sizes, config, with_test, stop)
    ref.advance(40)

    def forbidden(*args, **kwargs):
        raise AssertionError("apply_next measured over the data")

    for _ in range(40):
        plan = tr.plan_next()
        nxt = compute_next(plan)
        with monkeypatch.context() as m:
            for name_ in ("measure_set", "measure_epoch_end", "compute_step_unguarded", "compute_next",
                          "compute_next_unguarded"):
                m.setattr(training, name_, forbidden)
            tr.apply_next(plan, nxt)
    assert fingerprint(tr) == fingerprint(ref)


def test_divergence_through_apply_next_applies_nothing():
    data = random_set(m=4, d=3)
    for mode in ("standard", "accumulated"):
        net = Network.initialise((3, 5, 2), activations=("linear", "linear"))
        tr = Trainer(net, data, config=TrainingConfig(mode=mode, learning_rate=50.0))
        with pytest.raises(DivergenceError):
            for _ in range(10_000):
                plan = tr.plan_next()
                tr.apply_next(plan, compute_next(plan))
        assert 0 < tr.iteration == tr.end and np.isfinite(tr.network.flat).all()


def test_work_per_iteration_is_parameters_times_samples():
    tr = make("watermelon3.0", (19, 5, 1), TrainingConfig(mode="minibatch", batch_size=5), False)
    n = tr.network.n_parameters
    assert tr.work_per_iteration() == n * 5
    tr.set_config(mode="accumulated")
    assert tr.work_per_iteration() == n * 17
    tr.set_config(mode="standard")
    assert tr.work_per_iteration() == n


@settings(max_examples=15, deadline=None)
@given(target=st.floats(0.0, 0.3), seed=st.integers(0, 50), which=st.sampled_from(["xor", "watermelon3.0", "random"]))
def test_an_accumulated_target_error_stops_where_a_fresh_evaluation_says(target, seed, which):
    """Today's rule: stop at the first epoch end whose E over the training set (a fresh evaluation) ≤ target;
    the logged rows are those evaluations, bitwise; the check costs no extra pass (one per iteration)."""
    sizes = {"xor": (2, 2, 1), "watermelon3.0": (19, 3, 1), "random": (20, 4, 2)}[which]
    config = TrainingConfig(mode="accumulated", learning_rate=1.5)
    tr = make(which, sizes, config, False, StopConditions(target_error=target, max_epochs=60), seed=seed)
    calls = 0
    real, real_unguarded = training.compute_next, training.compute_next_unguarded

    def counting(plan):
        nonlocal calls
        calls += 1
        return real(plan)

    training.compute_next = training.compute_next_unguarded = counting
    try:
        done, reason = tr.advance(1000)
    finally:
        training.compute_next, training.compute_next_unguarded = real, real_unguarded
    assert calls == done + (reason is not None)  # the stop check measures E with the next pass, reused
    free = make(which, sizes, config, False, seed=seed)
    free.advance(done, use_stop_conditions=False)
    log = tr.epochs
    for row in range(len(log)):
        t = int(log.iteration[row])
        free.goto(t)
        e, acc = free.evaluate()
        assert float(log.error[row]) == e and (math.isnan(acc) or float(log.accuracy[row]) == acc)
    errors = log.error.view()
    hits = [r for r in range(1, len(log)) if errors[r] <= target]
    if reason == "target_error":
        assert hits == [len(log) - 1]
    else:
        assert reason == "max_epochs" and not hits
