"""DecisionMapView: the maps show the network's own outputs exactly, updated in place, and never change the model."""

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QWidget

from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.network import Network
from bpgui.model.plane_map import surface_if_planar
from bpgui.model.training import StopConditions, Trainer, TrainingConfig
from bpgui.views.decision_map import GRID_SIZE, MAX_HIDDEN_MAPS, DecisionMapView


def show(view: DecisionMapView, network: Network | None) -> None:
    """What the window does: the session computes the surface for the data shown, the view draws it."""
    data = view.dataset
    view.show_surface(None if network is None or data is None else surface_if_planar(network, data))

# The offscreen platform (tests/conftest.py) warns when a window is shown; nothing else may warn.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def circle():
    return load_builtin("circle")


@pytest.fixture(scope="module")
def trained_circle(circle):
    """A 2-4-1 network that classifies the circle set well (98.5 % with this seed and η)."""
    trainer = Trainer(Network.initialise((2, 4, 1), seed=1), circle, config=TrainingConfig(learning_rate=2.0))
    trainer.advance(15000, use_stop_conditions=False)
    assert trainer.evaluate()[1] >= 0.95
    return trainer.network


@pytest.fixture(scope="module")
def trained_xor():
    trainer = Trainer(
        Network.initialise((2, 2, 1)), load_builtin("xor"), stop=StopConditions(target_error=0.01, max_epochs=5000)
    )
    trainer.train()
    return trainer.network


@pytest.fixture
def view(qtbot):
    widget = DecisionMapView()
    qtbot.addWidget(widget)
    widget.resize(700, 450)
    return widget


def _grid_points(view):
    grid_x, grid_y, _values = view.grid_outputs()
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def test_the_heatmap_holds_the_networks_outputs_on_the_grid_exactly(view, circle):
    network = Network.initialise((2, 8, 1), seed=3)
    view.set_data(circle)
    show(view, network)

    grid_x, grid_y, values = view.grid_outputs()
    assert grid_x.shape == grid_y.shape == values.shape == (GRID_SIZE, GRID_SIZE)
    expected = network.predict(_grid_points(view))[:, 0].reshape(GRID_SIZE, GRID_SIZE)
    assert np.array_equal(values, expected)
    assert np.array_equal(view.image_item.image, expected)
    assert tuple(view.image_item.levels) == (0.0, 1.0)

    # The plane is the data range padded by 10 % on each side; every sample lies inside it.
    low, high = circle.inputs.min(axis=0), circle.inputs.max(axis=0)
    pad = 0.1 * (high - low)
    assert np.allclose([grid_x.min(), grid_y.min()], low - pad)
    assert np.allclose([grid_x.max(), grid_y.max()], high + pad)
    # values[i, j] belongs to (x_axis[i], y_axis[j]).
    assert np.all(np.diff(grid_x[:, 0]) > 0) and np.all(grid_x[:, 0] == grid_x[:, -1])
    assert np.all(np.diff(grid_y[0, :]) > 0) and np.all(grid_y[0, :] == grid_y[-1, :])


def test_the_hidden_maps_are_the_first_layers_outputs_from_the_same_forward_pass(view, circle):
    network = Network.initialise((2, 5, 3, 1), seed=4)
    view.set_data(circle)
    show(view, network)

    _nets, outputs, _z = network.forward(_grid_points(view))
    maps = view.hidden_maps()
    assert len(maps) == 5
    for h, hidden_map in enumerate(maps):
        assert np.array_equal(hidden_map, outputs[0][:, h].reshape(GRID_SIZE, GRID_SIZE))
    images = view.hidden_image_items()
    assert len(images) == 5
    for image, hidden_map in zip(images, maps):
        assert np.array_equal(image.image, hidden_map)
    # Named as the note names units, with the layer mark of a deeper network.
    assert view.hidden_titles() == [f"b⁽¹⁾{s}" for s in "₁₂₃₄₅"]


def test_hidden_tiles_are_named_b_h_and_their_line_is_where_the_unit_switches(view, trained_xor):
    view.set_data(load_builtin("xor"))
    show(view, trained_xor)
    assert view.hidden_titles() == ["b₁", "b₂"]
    _nets, _outputs, _z = trained_xor.forward(_grid_points(view))
    for h, line in enumerate(view.unit_lines()):
        assert line is not None
        x, y = line
        assert len(x) == 2
        # On the line α_h − γ_h = 0, so the sigmoid unit gives exactly ½ (up to rounding).
        b = trained_xor.forward(np.column_stack([x, y]))[1][0][:, h]
        assert np.allclose(b, 0.5, atol=1e-9)


def test_after_training_the_map_classifies_every_sample_as_the_network_does(view, circle, trained_circle):
    view.set_data(circle)
    show(view, trained_circle)
    grid_x, grid_y, values = view.grid_outputs()

    predicted = trained_circle.predict(circle.inputs)[:, 0]
    # The grid cell nearest each sample.
    i = np.abs(grid_x[:, 0][None, :] - circle.inputs[:, :1]).argmin(axis=1)
    j = np.abs(grid_y[0, :][None, :] - circle.inputs[:, 1:]).argmin(axis=1)
    nearest = values[i, j]
    # A cell centre is at most half a cell from the sample; away from the boundary the side cannot change.
    clear = np.abs(predicted - 0.5) > 0.1
    assert clear.sum() >= 0.9 * circle.n_samples
    assert np.array_equal(nearest[clear] > 0.5, predicted[clear] > 0.5)

    # The drawn boundary is the 0.5 contour of the network's output.
    x, y = view.boundary_item.getData()
    assert x is not None and len(x) > 20 and len(x) % 2 == 0
    on_boundary = trained_circle.predict(np.column_stack([x, y]))[:, 0]
    assert np.all(np.abs(on_boundary - 0.5) < 0.05)


def test_misclassified_samples_are_ringed_and_counted(view, circle, trained_circle):
    view.set_data(circle)
    for network in (Network.initialise((2, 3, 1), seed=2), trained_circle):
        show(view, network)
        wrong = np.flatnonzero(circle.classify(network.predict(circle.inputs)) != circle.labels())
        assert np.array_equal(view.misclassified_indices(), wrong)
        assert len(view.misclassified_item.data) == wrong.shape[0]
        x, y = view.misclassified_item.getData()
        assert np.array_equal(x, circle.inputs[wrong, 0]) and np.array_equal(y, circle.inputs[wrong, 1])
        assert f"{wrong.shape[0]} of {circle.n_samples} misclassified" in view.legend_text().replace("&nbsp;", " ")
    assert 0 < len(view.misclassified_indices()) < 10  # the trained network gets most right

    # The samples are drawn once, coloured and shaped by their true class.
    points = view.points_item.data
    assert len(points) == circle.n_samples
    symbols = {c: set(points["symbol"][circle.labels() == c]) for c in (0, 1)}
    assert len(symbols[0]) == len(symbols[1]) == 1 and symbols[0] != symbols[1]


def test_updates_reuse_the_same_items(view, circle):
    view.set_data(circle)
    show(view, Network.initialise((2, 6, 1), seed=0))
    image, boundary, rings = view.image_item, view.boundary_item, view.misclassified_item
    hidden = view.hidden_image_items()
    main_items = list(view.plot_item.getViewBox().addedItems)
    hidden_scene = view.hidden_image_items()[0].scene()
    scene_items = len(hidden_scene.items())

    for seed in range(1, 6):
        show(view, Network.initialise((2, 6, 1), seed=seed))
    assert view.image_item is image and view.boundary_item is boundary and view.misclassified_item is rings
    assert all(a is b for a, b in zip(view.hidden_image_items(), hidden)) and len(view.hidden_image_items()) == 6
    assert list(view.plot_item.getViewBox().addedItems) == main_items
    assert len(hidden_scene.items()) == scene_items

    # A new structure keeps the tiles it had and adds only the missing ones.
    show(view, Network.initialise((2, 9, 1)))
    assert view.hidden_image_items()[:6] == hidden and len(view.hidden_image_items()) == 9
    show(view, Network.initialise((2, 2, 1)))
    assert view.hidden_image_items() == hidden[:2]
    show(view, Network.initialise((2, 1)))  # no hidden layer: no tiles, the map still drawn
    assert view.hidden_image_items() == [] and view.hidden_maps() == []
    assert not view.findChild(QWidget, "hidden_maps").isVisibleTo(view)
    assert view.grid_outputs()[2].shape == (GRID_SIZE, GRID_SIZE)
    show(view, None)  # nothing to show: the items stay, empty
    assert view.grid_outputs()[2] is None and view.image_item.image is None and view.image_item is image


def test_the_view_never_changes_the_model(view, circle, trained_circle):
    flat = trained_circle.flat.copy()
    inputs, targets = circle.inputs.copy(), circle.targets.copy()
    view.set_data(circle)
    show(view, trained_circle)
    view.set_data(load_builtin("moons"))
    assert np.array_equal(trained_circle.flat, flat)
    assert np.array_equal(circle.inputs, inputs) and np.array_equal(circle.targets, targets)


def test_a_set_without_two_inputs_shows_a_message_instead_of_the_maps(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    view.set_data(load_builtin("watermelon3.0"))
    show(view, Network.initialise((19, 4, 1)))
    assert view.message() == "The map needs a data set with 2 inputs; this one has 19."
    assert not view.maps_shown()
    assert view.grid_outputs()[2] is None and view.hidden_maps() == []

    view.set_data(load_builtin("watermelon3.0alpha"))  # a plane, but no surface for it yet: no maps, no crash
    assert view.message() == "" and view.grid_outputs()[2] is None
    show(view, Network.initialise((2, 3, 1)))
    assert view.message() == "" and view.maps_shown()
    assert view.grid_outputs()[2].shape == (GRID_SIZE, GRID_SIZE)
    assert view.plot_item.getAxis("bottom").labelText == "密度"
    assert view.plot_item.getAxis("left").labelText == "含糖率"


def test_more_than_16_hidden_units_show_the_first_16_with_a_note(view, circle):
    view.set_data(circle)
    show(view, Network.initialise((2, 20, 1)))
    assert len(view.hidden_image_items()) == MAX_HIDDEN_MAPS
    assert len(view.hidden_maps()) == 20
    assert view.hidden_titles()[-1] == "b₁₆"
    assert view.hidden_heading().endswith("(first 16 of 20)")
    show(view, Network.initialise((2, 16, 1)))
    assert "first" not in view.hidden_heading()


def test_several_outputs_can_be_mapped_one_at_a_time(view):
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(30, 2))
    classes = np.arange(30) % 3
    targets = np.eye(3)[classes]
    dataset = Dataset("three", inputs, targets, ("x_1", "x_2"), ("a", "b", "c"), "classification", ("a", "b", "c"))
    network = Network.initialise((2, 4, 3), seed=5)
    view.set_data(dataset)
    show(view, network)
    assert view.output_choices() == ["ŷ₁ (a)", "ŷ₂ (b)", "ŷ₃ (c)"]

    view.set_output_unit(2)
    expected = network.predict(_grid_points(view))[:, 2].reshape(GRID_SIZE, GRID_SIZE)
    assert view.output_unit() == 2
    assert np.array_equal(view.grid_outputs()[2], expected)
    wrong = np.flatnonzero(dataset.classify(network.predict(inputs)) != classes)
    assert np.array_equal(view.misclassified_indices(), wrong)
    assert len(set(view.points_item.data["symbol"])) == 3


def test_a_regression_set_has_no_boundary_and_no_rings(view):
    rng = np.random.default_rng(1)
    inputs = rng.uniform(-1, 1, size=(25, 2))
    dataset = Dataset("plane", inputs, inputs.sum(axis=1, keepdims=True), ("x_1", "x_2"), ("y",), "regression")
    view.set_data(dataset)
    show(view, Network.initialise((2, 3, 1), activations=("tanh", "linear")))
    assert view.boundary_item.getData()[0] is None or len(view.boundary_item.getData()[0]) == 0
    assert len(view.misclassified_item.data) == 0
    low, high = view.image_item.levels
    assert low == pytest.approx(dataset.targets.min()) and high == pytest.approx(dataset.targets.max())
    assert tuple(view.hidden_image_items()[0].levels) == (-1.0, 1.0)  # tanh units


def test_export_writes_a_png_and_leaves_no_temporary_file(qtbot, view, tmp_path, trained_xor):
    view.set_data(load_builtin("xor"))
    show(view, trained_xor)
    view.show()
    qtbot.waitExposed(view)
    path = tmp_path / "map.png"
    view.export_image(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 200
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_the_layout_follows_the_shape_of_the_view(qtbot, view, circle):
    view.set_data(circle)
    show(view, Network.initialise((2, 8, 1)))
    view.show()
    qtbot.waitExposed(view)
    for width, height in ((700, 450), (420, 300), (360, 600)):
        view.resize(width, height)
        qtbot.wait(10)
        main = view.findChild(QWidget, "main_map").geometry()
        panel = view.findChild(QWidget, "hidden_maps").geometry()
        assert not main.intersects(panel)
        if width > height:  # side by side, the main map the larger
            assert panel.left() > main.right() and main.width() > panel.width()
        else:
            assert panel.top() > main.bottom()
        assert view.findChild(QWidget, "maps").geometry().bottom() < view.height()


def test_show_surface_draws_what_the_model_computed_and_none_clears(qtbot, view, circle):
    from PySide6.QtCore import Qt

    from bpgui.model.plane_map import decision_surface

    network = Network.initialise((2, 5, 1), seed=7)
    surface = decision_surface(network, circle)
    view.set_data(circle)
    view.show_surface(surface)
    assert view.surface is surface
    assert np.array_equal(view.image_item.image, surface.outputs[0])
    assert np.array_equal(view.misclassified_indices(), surface.misclassified)
    assert [len(line[0]) if line else 0 for line in view.unit_lines()] == [
        0 if unit.line is None else 2 for unit in surface.hidden
    ]
    view.show_surface(None)
    assert view.grid_outputs()[2] is None and view.image_item.image is None
    assert "misclassified" not in view.legend_text()

    # Picking another output with the keyboard redraws from the surface, without a network.
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(30, 2))
    classes = np.arange(30) % 3
    three = Dataset("three", inputs, np.eye(3)[classes], ("x_1", "x_2"), ("a", "b", "c"), "classification",
                    ("a", "b", "c"))
    surface = decision_surface(Network.initialise((2, 4, 3), seed=5), three)
    view.set_data(three)
    view.show_surface(surface)
    view.show()
    qtbot.waitExposed(view)
    combo = view.findChild(QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert view.output_unit() == 1
    assert np.array_equal(view.image_item.image, surface.outputs[1])
    assert np.array_equal(view.boundary_item.getData()[0], surface.boundaries[1][:, 0])


def test_extreme_coordinates_keep_the_axes_finite_and_draw_every_sample_on_the_plane(qtbot, view):
    # ±1e308 used to raise "Cannot set range [nan, nan]"; a subnormal range crashed Qt outright.
    import warnings

    from bpgui.model.geometry import MAX_COORDINATE

    view.show()
    qtbot.waitExposed(view)
    for inputs in ([[-1e308, 0.0], [1e308, 1.0], [0.0, 0.5]], [[0.0, 1e-320], [1e-320, 0.0], [5e-321, 0.0]]):
        data = Dataset("extreme", np.array(inputs), np.array([[0.0], [1.0], [1.0]]), ("x_1", "x_2"), ("y",),
                       "classification")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no overflow in pyqtgraph's bounds either
            view.set_data(data)
            show(view, Network.initialise((2, 3, 1), activations=("relu", "sigmoid")))
            view.grab()
        assert view.maps_shown() and view.message() == ""
        (x0, x1), (y0, y1) = view.plot_item.getViewBox().viewRange()
        assert all(np.isfinite(v) for v in (x0, x1, y0, y1)) and x0 < x1 and y0 < y1
        assert max(abs(x0), abs(x1)) < 2 * MAX_COORDINATE
        x, y = view.points_item.getData()
        assert np.isfinite(x).all() and ((x >= x0) & (x <= x1)).all() and ((y >= y0) & (y <= y1)).all()


def test_a_network_too_wide_to_map_says_so_on_the_map(window):
    """2-1200-1 (past plane_map.MAP_WORK): no map at every step, and the tab says why instead of staying blank."""
    c = window.controller
    c.update_settings(hidden=(1200,))
    window.right_tabs.setCurrentWidget(window.decision_map)
    c.step()
    label = window.decision_map._message_label
    assert c.decision_surface() is None
    assert label.text() == "This network is too wide to map at every step." and label.isVisible()
    c.update_settings(hidden=(4,))
    c.step()
    assert c.decision_surface() is not None and not label.isVisible()
