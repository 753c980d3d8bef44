"""Exercise 5.5: standard and accumulated BP from the same start, measured alike."""

import numpy as np

from bpgui.model.datasets import load_builtin
from bpgui.model.experiments import compare_modes
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def test_both_runs_start_from_the_same_network_and_match_a_plain_trainer():
    data = load_builtin("watermelon3.0alpha")
    net = Network.initialise((2, 5, 1), seed=1)
    standard, accumulated = compare_modes(data, net, epochs=30, seed=1)
    assert standard.epoch_errors[0] == accumulated.epoch_errors[0]  # same start
    assert standard.epochs == accumulated.epochs == 30
    assert (standard.updates_per_epoch, accumulated.updates_per_epoch) == (17, 1)
    plain = Trainer(net, data, seed=1, config=TrainingConfig(mode="accumulated"))
    plain.advance(30, use_stop_conditions=False)
    np.testing.assert_array_equal(accumulated.epoch_errors, plain.epochs.error.view())


def test_on_watermelon_3_standard_bp_gets_lower_per_epoch_as_the_book_says():
    data = load_builtin("watermelon3.0")
    standard, accumulated = compare_modes(data, Network.initialise((data.n_inputs, 5, 1)), epochs=200)
    assert standard.final_error < accumulated.final_error
    assert standard.final_accuracy == 1.0
    reached = standard.epochs_to(0.05)
    assert reached is not None and (accumulated.epochs_to(0.05) or 10**9) > reached
