"""The error surface over two parameters (issue 14's first step, model only): every grid point is the
network's error with those two parameters set, the current point is the record's error, and the surface's
finite-difference slopes are the backward pass's two gradients."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model import error_surface
from bpgui.model.backprop import compute_step, loss_value
from bpgui.model.error_surface import around, error_grid
from bpgui.model.errors import ConfigError
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network

CASES = [  # (sizes, activations, loss, p, q): same layer, two layers, thresholds, deeper, cross-entropy
    ((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error", "v_11", "w_11"),
    ((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error", "v_11", "v_21"),
    ((2, 3, 2), ("tanh", "sigmoid"), "squared_error", "γ_2", "θ_1"),
    ((3, 4, 3, 2), ("relu", "tanh", "sigmoid"), "squared_error", "v^(2)_12", "w_32"),
    ((2, 3, 1), ("sigmoid", "sigmoid"), "cross_entropy", "w_21", "γ_3"),
]


def setup(sizes, activations, loss, seed=1, m=7):
    rng = np.random.default_rng(seed)
    net = Network.initialise(sizes, activations=activations, loss=loss, seed=seed)
    x = rng.normal(size=(m, sizes[0]))
    y = rng.uniform(size=(m, sizes[-1])) if loss == "cross_entropy" else rng.normal(size=(m, sizes[-1]))
    return net, x, y


def index(net, name):
    return [s.name for s in parameter_specs(net.layer_sizes)].index(name)


@pytest.mark.parametrize("sizes, activations, loss, p_name, q_name", CASES)
def test_every_point_is_the_networks_error_with_the_two_parameters_set(sizes, activations, loss, p_name, q_name):
    net, x, y = setup(sizes, activations, loss)
    p, q = index(net, p_name), index(net, q_name)
    xs, ys = around(net.flat[p], 0.7, 5), around(net.flat[q], 1.3, 4)
    grid = error_grid(net, x, y, p, q, xs, ys)
    assert grid.errors.shape == (4, 5)
    for i, qv in enumerate(ys):
        for j, pv in enumerate(xs):
            flat = net.flat.copy()
            flat[p], flat[q] = pv, qv
            assert grid.errors[i, j] == pytest.approx(loss_value(net.with_flat(flat), x, y), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("sizes, activations, loss, p_name, q_name", CASES)
def test_the_current_point_is_the_records_error_and_the_slopes_are_the_gradients(sizes, activations, loss, p_name,
                                                                                 q_name):
    net, x, y = setup(sizes, activations, loss)
    p, q = index(net, p_name), index(net, q_name)
    step = compute_step(net, x, y, 0.1)  # the backward pass: ∂E/∂p of the batch's mean error
    h = 1e-6
    grid = error_grid(net, x, y, p, q, around(net.flat[p], h, 3), around(net.flat[q], h, 3))
    assert grid.errors[1, 1] == pytest.approx(step.error, rel=1e-12)
    slope_p = (grid.errors[1, 2] - grid.errors[1, 0]) / (grid.xs[2] - grid.xs[0])
    slope_q = (grid.errors[2, 1] - grid.errors[0, 1]) / (grid.ys[2] - grid.ys[0])
    assert slope_p == pytest.approx(step.gradients[p], rel=1e-5, abs=1e-9)
    assert slope_q == pytest.approx(step.gradients[q], rel=1e-5, abs=1e-9)


def test_one_samples_surface_is_its_e_k():
    net, x, y = setup((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error")
    step = compute_step(net, x[2:3], y[2:3], 0.1)
    grid = error_grid(net, x[2:3], y[2:3], 0, 6, around(net.flat[0], 0.5, 3), around(net.flat[6], 0.5, 3))
    assert grid.errors[1, 1] == pytest.approx(step.sample_errors[0], rel=1e-12)


def test_a_small_chunk_gives_the_same_grid(monkeypatch):
    net, x, y = setup((3, 4, 3, 2), ("relu", "tanh", "sigmoid"), "squared_error", m=11)
    p, q = 0, net.n_parameters - 1
    xs, ys = around(net.flat[p], 1.0, 9), around(net.flat[q], 1.0, 7)
    whole = error_grid(net, x, y, p, q, xs, ys).errors
    monkeypatch.setattr(error_surface, "CHUNK_VALUES", 50)  # a point or two per chunk
    assert np.array_equal(error_grid(net, x, y, p, q, xs, ys).errors, whole)


def test_sixty_by_sixty_on_a_784_wide_network_is_one_vectorised_pass():
    net, x, y = setup((784, 16, 10), ("sigmoid", "sigmoid"), "squared_error", m=20)
    p, q = 5, net.n_parameters - 3
    grid = error_grid(net, x, y, p, q, around(net.flat[p], 1, 61), around(net.flat[q], 1, 61))
    assert grid.errors.shape == (61, 61) and np.isfinite(grid.errors).all()
    assert grid.errors[30, 30] == pytest.approx(loss_value(net, x, y), rel=1e-12)


@pytest.mark.parametrize("p, q", [(0, 0), (-1, 2), (0, 9)])
def test_two_different_parameters_of_the_network_are_asked(p, q):
    net, x, y = setup((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error")
    with pytest.raises(ConfigError):
        error_grid(net, x, y, p, q, np.zeros(3), np.zeros(3))


def test_the_path_is_the_historys_values_across_changes_by_hand():
    from bpgui.model.datasets import load_builtin
    from bpgui.model.training import Trainer, TrainingConfig

    trainer = Trainer(Network.initialise((2, 2, 1), seed=3), load_builtin("xor"),
                      config=TrainingConfig(learning_rate=2.0), checkpoint_interval=16)
    trainer.advance(50, use_stop_conditions=False)
    trainer.set_parameter(2, "weight", 1, 1, 0.25)  # w_11 by hand at t = 50
    trainer.advance(30, use_stop_conditions=False)
    trainer.set_config(learning_rate=0.5)
    trainer.advance(45, use_stop_conditions=False)
    ts, values = trainer.values_along([0, 6], 120, points=60)
    assert ts[0] == 0 and ts[-1] == 120 and len(ts) <= 62 and np.all(np.diff(ts) > 0) and 50 in ts
    for t, row in zip(ts, values):
        trainer.goto(int(t))
        assert row.tolist() == trainer.network.flat[[0, 6]].tolist()  # bitwise: the history's own values
    assert values[list(ts).index(50)][1] == 0.25  # at t = 50, the value the change by hand set
