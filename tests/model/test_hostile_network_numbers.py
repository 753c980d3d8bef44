"""Numbers that meet NaN or infinity, and targets cross-entropy cannot take: refused, never applied.

ReLU (like tanh and a saturated sigmoid) turns a NaN or infinite net input
into a finite output, so a check of the error and the new parameters alone
let such an iteration through on the small float path and ``trace`` then
died writing the NaN. Every path now refuses an iteration with any
non-finite error, net input or new parameter, and the trainer says so in one
message whatever the network's size.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.backprop import compute_step_vectorised
from bpgui.model.backprop_small import SMALL_NETWORK, compute_step_small
from bpgui.model.datasets import Dataset
from bpgui.model.errors import ConfigError, DivergenceError
from bpgui.model.fileformat import network_from_dict
from bpgui.model.network import Network
from bpgui.model.reference import reference_step
from bpgui.model.training import Trainer, TrainingConfig


def _one_sample(x, y, name="trace") -> Dataset:
    return Dataset(name, np.array([x], dtype=float), np.array([y], dtype=float),
                   tuple(f"x_{i + 1}" for i in range(len(x))), tuple(f"y_{j + 1}" for j in range(len(y))),
                   "regression")


def _relu_hazard(hidden: int) -> Network:
    """d = 2, ``hidden`` ReLU units, one linear output; hidden unit 1 gets v = (1e308, 1e308)."""
    weights = np.full((2, hidden), 0.1)
    weights[:, 0] = 1e308
    return Network.from_arrays((2, hidden, 1), ("relu", "linear"), [weights, np.full((hidden, 1), 0.1)],
                               [np.zeros(hidden), np.zeros(1)])


def test_the_issues_relu_network_file_is_refused_on_every_path():
    doc = {"format": "bpgui.network", "version": 1,
           "layers": [{"units": 2}, {"units": 1, "activation": "relu"}, {"units": 1, "activation": "linear"}],
           "weights": [[[1e308], [1e308]], [[1.0]]], "thresholds": [[0.0], [0.0]]}
    net = network_from_dict(doc).network
    x, y = np.array([[2.0, -2.0]]), np.array([[0.0]])
    with np.errstate(over="ignore", invalid="ignore"):
        small = compute_step_small(net, [2.0, -2.0], [0.0], 1.0)
        vector = compute_step_vectorised(net, x, y, 1.0)
        reference = reference_step(net, x, y, 1.0)
    # 2·1e308 − 2·1e308 is inf − inf: NaN, which ReLU used to turn into 0 in the float loop
    # (its error and new parameters were then finite, and the iteration was applied).
    assert np.isnan(small.nets[0][0, 0]) and np.isnan(small.outputs[0][0, 0])
    assert (small.finite, vector.finite, reference.finite) == (False, False, False)


@pytest.mark.parametrize("hidden", [1, 30])
def test_the_trainer_refuses_it_unapplied_with_one_message_at_every_size(hidden):
    net = _relu_hazard(hidden)
    assert (net.n_parameters <= SMALL_NETWORK) == (hidden == 1)
    trainer = Trainer(net, _one_sample([2.0, -2.0], [0.0]), config=TrainingConfig(learning_rate=0.5))
    with pytest.raises(DivergenceError) as info:
        trainer.step()
    assert str(info.value) == (
        "iteration 1 produced a non-finite error or parameter (η = 0.5); it was not applied"
    )
    assert trainer.iteration == 0 and trainer.end == 0 and trainer.network is net


def test_a_finite_output_hiding_an_infinite_net_input_is_refused():
    # tanh(∞) = 1 and the sigmoid of −∞ is 0: finite outputs, finite error, finite parameters.
    for act, sign in (("tanh", 1.0), ("sigmoid", -1.0)):
        net = Network.from_arrays((1, 1, 1), (act, "linear"), [[[sign * 1e308]], [[1.0]]], [[0.0], [0.0]])
        with np.errstate(over="ignore", invalid="ignore"):
            small = compute_step_small(net, [2.0], [0.0], 1.0)
            vector = compute_step_vectorised(net, np.array([[2.0]]), np.array([[0.0]]), 1.0)
        assert np.isinf(vector.nets[0][0, 0]) and np.isfinite(vector.error)
        assert small.finite is False and vector.finite is False


# Magnitudes chosen so no sum sits near the overflow threshold: a first-layer product
# either overflows outright (2 · 1e308) or is small, so the paths' summation orders agree.
_BIG = st.sampled_from([1e308, -1e308, 0.5, -0.5, 0.0])
_MODERATE = st.sampled_from([0.75, -0.75, 0.25, -0.25, 0.0])


@st.composite
def _hazards(draw):
    d, q, l_ = draw(st.integers(1, 3)), draw(st.integers(1, 4)), draw(st.integers(1, 2))
    acts = (draw(st.sampled_from(["relu", "tanh", "sigmoid", "linear"])),
            draw(st.sampled_from(["sigmoid", "linear", "tanh", "relu"])))
    v = np.array(draw(st.lists(_BIG, min_size=d * q, max_size=d * q))).reshape(d, q)
    w = np.array(draw(st.lists(_MODERATE, min_size=q * l_, max_size=q * l_))).reshape(q, l_)
    net = Network.from_arrays((d, q, l_), acts, [v, w],
                              [draw(st.lists(_MODERATE, min_size=q, max_size=q)), np.zeros(l_)])
    x = draw(st.lists(st.sampled_from([2.0, -2.0, 3.0, 0.0]), min_size=d, max_size=d))
    y = draw(st.lists(st.sampled_from([0.0, 1.0]), min_size=l_, max_size=l_))
    eta = draw(st.sampled_from([0.5, 1.0, 1e308]))
    return net, x, y, eta


@settings(max_examples=60, deadline=None, derandomize=True)
@given(_hazards())
def test_the_small_and_the_vectorised_path_agree_on_refusing(case):
    net, x, y, eta = case
    assert net.n_parameters <= SMALL_NETWORK
    with np.errstate(over="ignore", invalid="ignore"):
        small = compute_step_small(net, x, y, eta)
        vector = compute_step_vectorised(net, np.array([x]), np.array([y]), eta)
        reference = reference_step(net, [x], [y], eta)
    assert small.finite == vector.finite == reference.finite
    if small.finite:  # what is applied is finite everywhere it is shown
        for step in (small, vector):
            assert all(np.isfinite(a).all() for a in (*step.nets, *step.outputs, *step.deltas, step.gradients))
    else:  # and a refusal is a DivergenceError at every size
        trainer = Trainer(net, _one_sample(x, y), config=TrainingConfig(learning_rate=eta))
        with pytest.raises(DivergenceError, match="it was not applied"):
            trainer.step()
        assert trainer.iteration == 0


# ---- cross-entropy's targets -------------------------------------------------------------


def _cross_entropy_net(outputs=1) -> Network:
    return Network.initialise((1, outputs), activations="sigmoid", loss="cross_entropy")


@pytest.mark.parametrize("target", [5.0, -0.5, 1.0000001])
def test_cross_entropy_refuses_a_target_outside_0_to_1_naming_it(target):
    message = f"targets from 0 to 1, but the training set 'trace' has the target {target:g}"
    with pytest.raises(ConfigError, match=message):
        Trainer(_cross_entropy_net(), _one_sample([1.0], [target]))


def test_cross_entropy_names_the_first_bad_target_of_a_test_set_too():
    train = _one_sample([1.0], [1.0])
    test = Dataset("held out", np.array([[0.0], [1.0]]), np.array([[0.5], [-160.0]]), ("x",), ("y",), "regression")
    with pytest.raises(ConfigError, match="the test set 'held out' has the target -160"):
        Trainer(_cross_entropy_net(), train, test=test)


def test_cross_entropy_accepts_targets_at_0_and_1_and_squared_error_any():
    both = Dataset("ends", np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]]), ("x",), ("y",), "regression")
    assert Trainer(_cross_entropy_net(), both).step().error > 0
    far = _one_sample([1.0], [5.0])
    assert Trainer(Network.initialise((1, 1), activations="sigmoid"), far).step().error > 0


def test_switching_to_cross_entropy_mid_run_checks_the_targets():
    trainer = Trainer(Network.initialise((1, 1), activations="sigmoid"), _one_sample([1.0], [5.0]))
    with pytest.raises(ConfigError, match="has the target 5"):
        trainer.set_network(_cross_entropy_net())
    assert trainer.network.loss == "squared_error"
