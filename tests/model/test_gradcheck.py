"""The gradient check agrees with the backward pass, and notices when it should not."""

import numpy as np
import pytest

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.gradcheck import (
    NOISE_FLOOR,
    check_record,
    finite_difference_gradients,
    largest_error,
    relative_errors,
    rounding_noise,
)
from bpgui.model.naming import parameter_specs
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


def test_rounding_noise_on_an_exactly_zero_gradient_is_never_the_largest_error():
    # XOR's sample (1, 0): x_2 = 0, so ∂E/∂v_21 and ∂E/∂v_22 are exactly 0. Their estimates are
    # rounding noise (~1e-13), whose relative error (~1e-7 on the 1e-6 scale) outranks every real
    # parameter's (~1e-11): the plain maximum would name v_21.
    net = Network.initialise((2, 2, 1))
    x, y = np.array([[1.0, 0.0]]), np.array([[1.0]])
    rec = record(net, x, y)
    _, estimates, errors = check_record(rec, net)
    zero = [2, 3]  # v_21, v_22
    assert np.all(rec.flat_gradients[zero] == 0) and np.all(rec.flat_gradients[[0, 1, 4, 5, 6, 7, 8]] != 0)
    assert int(np.argmax(errors)) in zero  # the noise would be named
    assert np.flatnonzero(rounding_noise(rec.flat_gradients, estimates)).tolist() == zero
    worst = largest_error(rec.flat_gradients, estimates, errors)
    real = np.delete(np.arange(9), zero)
    assert worst == real[int(np.argmax(errors[real]))]
    assert parameter_specs((2, 2, 1))[worst].name not in ("v_21", "v_22")


def test_an_exactly_zero_gradient_that_disagrees_is_still_named():
    analytic = np.array([0.0, 0.5, -0.0, 0.2])
    numeric = np.array([1e-3, 0.5 + 1e-12, NOISE_FLOOR * 0.5, 0.2])
    errors = relative_errors(analytic, numeric)
    assert largest_error(analytic, numeric, errors) == 0  # 1e-3 beside 0 is a real disagreement
    numeric[0] = NOISE_FLOOR  # at the floor it still counts
    assert rounding_noise(analytic, numeric).tolist() == [False, False, True, False]
    assert largest_error(analytic, numeric, relative_errors(analytic, numeric)) == 0


def test_largest_error_skips_unchecked_parameters_and_says_when_nothing_counts():
    analytic, numeric = np.array([0.0, 0.3, 0.1]), np.array([1e-13, np.nan, 0.1])
    errors = np.array([1e-7, np.nan, 0.0])
    assert largest_error(analytic, numeric, errors) == 2
    assert largest_error(analytic[:1], numeric[:1], errors[:1]) == -1  # only noise
    assert largest_error(np.empty(0), np.empty(0), np.empty(0)) == -1
    # A highlighted relative error (above 1e-4 in the table) is never noise: the floor is below it.
    assert NOISE_FLOOR / 1e-6 <= 1e-4
