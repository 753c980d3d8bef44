"""The gradient check agrees with the backward pass, and notices when it should not."""

import numpy as np
import pytest

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.gradcheck import check_record, finite_difference_gradients, relative_errors
from bpgui.model.network import Network


def record(net, x, y):
    step = compute_step(net, x, y, 0.5)
    return make_record(step, net, iteration=1, epoch=1, mode="standard", learning_rate=0.5,
                       sample_indices=np.arange(x.shape[0]), inputs=x, targets=y)


@pytest.mark.parametrize("sizes, acts, batch", [((2, 2, 1), "sigmoid", 1), ((3, 4, 2), "tanh", 3)])
def test_check_agrees_with_the_record(sizes, acts, batch):
    rng = np.random.default_rng(0)
    net = Network.initialise(sizes, activations=acts)
    x, y = rng.normal(size=(batch, sizes[0])), rng.uniform(size=(batch, sizes[-1]))
    rec = record(net, x, y)
    indices, estimates, errors = check_record(rec, net)
    assert list(indices) == list(range(net.n_parameters))
    assert errors.max() < 1e-7
    np.testing.assert_allclose(estimates, rec.flat_gradients, rtol=1e-7, atol=1e-10)


def test_a_wrong_gradient_shows_a_large_relative_error():
    net = Network.initialise((2, 2, 1))
    x, y = np.array([[0.2, 0.9]]), np.array([[1.0]])
    rec = record(net, x, y)
    wrong = rec.flat_gradients.copy()
    wrong[3] *= 1.5
    numeric = finite_difference_gradients(net, x, y, [3])
    assert relative_errors(wrong[[3]], numeric)[0] > 0.3


def test_subset_and_wrong_network_guard():
    net = Network.initialise((2, 3, 1))
    rec = record(net, np.array([[0.5, 0.5]]), np.array([[0.0]]))
    indices, estimates, _ = check_record(rec, net, [4, 1])
    assert list(indices) == [4, 1] and estimates.shape == (2,)
    with pytest.raises(ValueError):
        check_record(rec, Network.initialise((2, 3, 1), seed=9))
