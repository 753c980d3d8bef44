"""A trainer with a planted bug runs the rule in every road an iteration takes, and only there."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.backprop import compute_step
from bpgui.model.datasets import load_builtin
from bpgui.model.iteration import compute_next
from bpgui.model.network import Network
from bpgui.model.practice.planted import RULES, planted_step
from bpgui.model.practice.planted_training import PlantedTrainer
from bpgui.model.training import Trainer, TrainingConfig


def _pair(rule: str, mode: str = "standard"):
    data = load_builtin("xor")
    config = TrainingConfig(learning_rate=0.5, mode=mode, batch_size=2)
    net = Network.initialise((2, 3, 1), seed=4)
    return PlantedTrainer(rule, net, data, config=config), Trainer(net, data, config=config)


@pytest.mark.parametrize("mode", ["standard", "minibatch", "accumulated"])
@pytest.mark.parametrize("rule", RULES)
def test_every_iteration_runs_the_rule_and_step_back_replays_it(rule, mode):
    planted, true = _pair(rule, mode)
    for _ in range(5):
        before = planted.network
        preview = planted.preview()
        rec = planted.step()
        x, y = rec.inputs, rec.targets
        expected = planted_step(rule, before, x, y, 0.5)
        assert np.array_equal(rec.flat_updates, expected.updates) and np.array_equal(preview.flat_updates,
                                                                                      expected.updates)
        assert np.array_equal(planted.network.flat, expected.network_after.flat)
    for _ in range(5):
        true.step()
    assert not np.allclose(planted.network.flat, true.network.flat)
    after_five = planted.network.flat.copy()
    planted.step_back()
    planted.step_back()
    planted.step()
    planted.step()
    assert np.array_equal(planted.network.flat, after_five)  # replayed with the rule, bit for bit
    plan = planted.plan_next()  # the road off the GUI thread
    nxt = compute_next(plan)
    assert np.array_equal(nxt.step.updates, planted_step(rule, plan.state.network, plan.inputs, plan.targets,
                                                         0.5).updates)


def test_the_real_trainer_beside_it_keeps_the_real_backward_pass():
    planted, true = _pair("update_sign")
    planted.step()
    rec = true.step()
    expected = compute_step(Network.initialise((2, 3, 1), seed=4), rec.inputs, rec.targets, 0.5)
    assert np.array_equal(rec.flat_updates, expected.updates)
    assert true.plan_next().step_function is not planted.plan_next().step_function


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError):
        PlantedTrainer("gremlins", Network.initialise((2, 2, 1), seed=0), load_builtin("xor"))
