"""bpgui.model.surface: the maps of a network over the plane of two inputs, checked against the network itself."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.network import Network
from bpgui.model.plane_map import decision_surface, grid_outputs
from bpgui.model.surface import GRID_SIZE


@pytest.fixture(scope="module")
def circle():
    return load_builtin("circle")


def grid_points(surface):
    grid_x, grid_y = surface.grid()
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def test_every_map_is_the_networks_own_output_on_the_grid(circle):
    network = Network.initialise((2, 5, 3, 1), seed=4)
    surface = decision_surface(network, circle)
    assert surface.x_axis.shape == surface.y_axis.shape == (GRID_SIZE,)
    low, high = circle.inputs.min(axis=0), circle.inputs.max(axis=0)
    assert surface.box == pytest.approx((*(low - 0.1 * (high - low))[:1], *(high + 0.1 * (high - low))[:1],
                                         (low - 0.1 * (high - low))[1], (high + 0.1 * (high - low))[1]))
    _nets, outputs, _z = network.forward(grid_points(surface))
    assert surface.n_outputs == 1
    assert np.array_equal(surface.outputs[0], outputs[-1][:, 0].reshape(GRID_SIZE, GRID_SIZE))
    assert len(surface.hidden) == 5 and surface.n_layers == 3
    for h, unit in enumerate(surface.hidden):
        assert np.array_equal(unit.values, outputs[0][:, h].reshape(GRID_SIZE, GRID_SIZE))
    assert surface.hidden_levels == (0.0, 1.0) and surface.output_levels == ((0.0, 1.0),)
    assert not surface.outputs[0].flags.writeable and not surface.misclassified.flags.writeable


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "linear"])
def test_the_maps_forward_pass_in_place_is_the_networks_bit_for_bit(circle, activation):
    """Written over one array a layer, for every activation, where e^−z overflows too (weights up to ±2000)."""
    network = Network.initialise((2, 7, 4, 2), activations=activation, seed=3, init_range=2000.0)
    points = grid_points(decision_surface(network, circle, 40))
    with np.errstate(over="ignore", invalid="ignore"):
        _nets, expected, _z = network.forward(points)
    got = grid_outputs(network, points)
    assert len(got) == len(expected) == 3
    for mine, theirs in zip(got, expected):
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs, equal_nan=True)
    if activation == "sigmoid":
        assert np.any(got[0] == 0.0) and np.any(got[0] == 1.0)  # the overflow was reached


def test_a_units_line_is_where_it_switches_and_lies_in_the_plane(circle):
    network = Network.initialise((2, 6, 1), seed=2)
    surface = decision_surface(network, circle)
    x0, x1, y0, y1 = surface.box
    drawn = 0
    for h, unit in enumerate(surface.hidden):
        if unit.line is None:
            continue
        drawn += 1
        b = network.forward(unit.line)[1][0][:, h]
        assert np.allclose(b, 0.5, atol=1e-9)  # sigmoid(0) on α_h − γ_h = 0
        assert np.all((unit.line[:, 0] >= x0) & (unit.line[:, 0] <= x1))
        assert np.all((unit.line[:, 1] >= y0) & (unit.line[:, 1] <= y1))
    assert drawn > 0


def test_boundary_and_misclassified_samples(circle):
    network = Network.initialise((2, 3, 1), seed=2)
    surface = decision_surface(network, circle)
    wrong = np.flatnonzero(circle.classify(network.predict(circle.inputs)) != circle.labels())
    assert np.array_equal(surface.misclassified, wrong) and wrong.shape[0] > 0
    # ŷ = f(x_1 + x_2): the boundary ŷ = 0.5 is the straight line x_1 + x_2 = 0 (linear interpolation is exact on it)
    network = Network((2, 1), ("sigmoid",), np.array([1.0, 1.0, 0.0]))
    points = decision_surface(network, circle).boundaries[0]
    assert points.shape[0] > 0 and points.shape[0] % 2 == 0
    assert np.all(np.abs(network.predict(points)[:, 0] - 0.5) < 1e-3)


def test_several_outputs_and_a_regression_set():
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(30, 2))
    classes = np.arange(30) % 3
    three = Dataset("three", inputs, np.eye(3)[classes], ("x_1", "x_2"), ("a", "b", "c"), "classification",
                    ("a", "b", "c"))
    network = Network.initialise((2, 4, 3), seed=5)
    surface = decision_surface(network, three)
    assert surface.n_outputs == len(surface.boundaries) == 3
    expected = network.predict(grid_points(surface))
    for j in range(3):
        assert np.array_equal(surface.outputs[j], expected[:, j].reshape(GRID_SIZE, GRID_SIZE))

    plane = Dataset("plane", inputs, inputs.sum(axis=1, keepdims=True), ("x_1", "x_2"), ("y",), "regression")
    surface = decision_surface(Network.initialise((2, 3, 1), activations=("tanh", "linear")), plane)
    assert surface.boundaries[0].shape == (0, 2) and surface.misclassified.shape == (0,)
    assert surface.output_levels[0] == pytest.approx((plane.targets.min(), plane.targets.max()))
    assert surface.hidden_levels == (-1.0, 1.0)
    assert decision_surface(Network.initialise((2, 1)), plane).hidden == ()


def test_wrong_shapes_are_refused_and_nothing_is_changed(circle):
    with pytest.raises(ValueError):
        decision_surface(Network.initialise((19, 4, 1)), load_builtin("watermelon3.0"))
    with pytest.raises(ValueError):
        decision_surface(Network.initialise((3, 4, 1)), circle)
    network = Network.initialise((2, 4, 1), seed=1)
    flat, inputs = network.flat.copy(), circle.inputs.copy()
    decision_surface(network, circle)
    assert np.array_equal(network.flat, flat) and np.array_equal(circle.inputs, inputs)


def test_the_boundaries_are_traced_when_first_read_and_are_those_of_the_outputs(circle, monkeypatch):
    """The network's unit maps (every Step on 2-D data) never read the boundaries: nothing traces them then."""
    from bpgui.model import geometry
    from bpgui.model import surface as surface_module

    traced: list[int] = []
    real = geometry.contour_segments
    monkeypatch.setattr(surface_module, "contour_segments", lambda *a: traced.append(1) or real(*a))
    s = decision_surface(Network.initialise((2, 4, 2), seed=1), circle)
    assert traced == []
    first = s.boundaries
    assert len(traced) == 2 and s.boundaries is first  # once per output, kept
    for values, points in zip(s.outputs, first):
        assert np.array_equal(points, real(values, 0.5, s.x_axis, s.y_axis)) and not points.flags.writeable


def test_a_network_too_wide_for_a_map_has_none_rather_than_exhausting_memory():
    """2-999999-1 would need 6400 × 10⁶ numbers (48 GB) at each step; past MAP_WORK no map is computed."""
    from bpgui.model.datasets import load_builtin
    from bpgui.model.network import Network
    from bpgui.model.plane_map import MAP_WORK, surface_if_planar
    from bpgui.model.surface import GRID_SIZE

    xor = load_builtin("xor")
    small = Network.initialise((2, 8, 1), seed=0)
    assert surface_if_planar(small, xor) is not None
    wide = MAP_WORK // (GRID_SIZE * GRID_SIZE * 4) + 1  # just past the budget (4 parameters a unit)
    assert Network.initialise((2, wide, 1), seed=0).n_parameters * GRID_SIZE ** 2 > MAP_WORK
    assert surface_if_planar(Network.initialise((2, wide, 1), seed=0), xor) is None


def test_the_grid_is_made_once_per_data_set_and_is_the_grid_made_afresh(circle):
    from bpgui.model import plane_map
    from bpgui.model.geometry import plane_axes
    from bpgui.model.surface import PADDING

    x_axis, y_axis, points = plane_map.plane_grid(circle)
    made = plane_map.LAST_GRID.made
    again = plane_map.plane_grid(circle)
    assert plane_map.LAST_GRID.made == made and all(a is b for a, b in zip(again, (x_axis, y_axis, points)))
    fresh_x, fresh_y = plane_axes(circle.inputs, GRID_SIZE, PADDING)  # made afresh: bitwise the same
    grid_x, grid_y = np.meshgrid(fresh_x, fresh_y, indexing="ij")
    assert np.array_equal(x_axis, fresh_x) and np.array_equal(y_axis, fresh_y)
    assert np.array_equal(points, np.column_stack([grid_x.ravel(), grid_y.ravel()]))
    assert not any(a.flags.writeable for a in (x_axis, y_axis, points))  # shared: nobody may change it
    network = Network.initialise((2, 3, 1), seed=1)
    first, second = decision_surface(network, circle), decision_surface(network, circle)
    assert first.x_axis is x_axis and np.array_equal(first.outputs[0], second.outputs[0])
    xor = load_builtin("xor")  # another data set: its own grid
    assert not np.array_equal(plane_map.plane_grid(xor)[0], x_axis) and plane_map.LAST_GRID.made == made + 1
    assert plane_map.plane_grid(circle, 40)[2].shape == (40 * 40, 2)  # another size: its own grid
