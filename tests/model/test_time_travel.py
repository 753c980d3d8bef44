"""goto in three parts (issue 11: a big network's step back computes off the window's thread): planned, computed
from the plan alone on another thread, applied only where it was planned; bitwise the goto of one call."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import load_builtin
from bpgui.model.errors import ConfigError
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def trained(mode: str = "standard", n: int = 40, seed: int = 3) -> Trainer:
    tr = Trainer(Network.initialise((19, 5, 1), seed=seed), load_builtin("watermelon3.0"),
                 config=TrainingConfig(mode=mode, batch_size=4), checkpoint_interval=7)
    tr.advance(n, use_stop_conditions=False)
    return tr


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.iteration == b.iteration and all(np.array_equal(getattr(a, k), getattr(b, k)) for k in (
        "flat_values", "flat_gradients", "flat_new_values"))


@settings(max_examples=40, deadline=None)
@given(mode=st.sampled_from(["standard", "accumulated", "minibatch"]), targets=st.lists(st.integers(0, 40), min_size=1,
                                                                                       max_size=6))
def test_a_goto_in_three_parts_on_another_thread_is_the_goto_of_one_call(mode, targets):
    one, three = trained(mode), trained(mode)
    for t in targets:
        expected = one.goto(t)
        plan = three.plan_goto(t)
        box: list = []
        worker = threading.Thread(target=lambda p=plan, b=box: b.append(three.compute_goto(p)))
        worker.start()
        worker.join()
        got = three.apply_goto(plan, box[0])
        assert three.iteration == one.iteration == t
        assert np.array_equal(three.network.flat, one.network.flat)
        assert same(got, expected) and same(three.last_record, one.last_record)


def test_computing_a_goto_changes_nothing_and_a_plan_for_a_state_left_behind_is_refused():
    tr = trained()
    plan = tr.plan_goto(12)
    assert 0 < tr.replay_iterations(plan) <= 7 + 1
    before = (tr.iteration, tr.network.flat.copy(), tr.last_record)
    restored = tr.compute_goto(plan)
    assert (tr.iteration, tr.last_record) == (before[0], before[2])
    assert np.array_equal(tr.network.flat, before[1])
    tr.step()  # the learner moved meanwhile: the result is for a state no longer shown
    with pytest.raises(ConfigError):
        tr.apply_goto(plan, restored)
    assert tr.iteration == 41


def test_a_goto_to_a_checkpoint_or_to_zero_replays_what_its_record_needs():
    tr = trained()
    assert tr.replay_iterations(tr.plan_goto(0)) == 0  # iteration 0 is the start: nothing to compute
    assert tr.goto(0) is None and tr.iteration == 0
    with pytest.raises(ConfigError):
        tr.plan_goto(41)
