"""Exercise 5.5's view: both runs drawn from the model's numbers, per epoch or per update, linear or log."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpgui.model.datasets import load_builtin
from bpgui.model.experiments import compare_modes
from bpgui.model.network import Network
from bpgui.views.comparison import ComparisonView


@pytest.fixture(scope="module")
def runs():
    return compare_modes(load_builtin("watermelon3.0alpha"), Network.initialise((2, 5, 1)), epochs=40)


@pytest.fixture()
def view(qtbot, runs):
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.show_runs("watermelon 3.0α", runs)
    widget.show()
    return widget


def test_both_runs_drawn_from_the_models_numbers(view, runs):
    x, y = view.curve_data("standard")
    np.testing.assert_array_equal(y, runs[0].epoch_errors)
    np.testing.assert_array_equal(view.curve_data("accumulated")[1], runs[1].epoch_errors)
    assert list(x[:3]) == [0, 1, 2] and len(x) == 41
    text = view.summary_text()
    assert text.startswith("<b>watermelon 3.0α</b>")
    assert "standard BP" in text and "accumulated BP" in text and f"{runs[1].final_error:.4g}" in text
    assert view.summary.text() == text


def test_the_x_axis_counts_updates_when_chosen_with_the_keyboard(view, qtbot):
    qtbot.keyClick(view.x_axis, Qt.Key.Key_Down)  # epochs → updates
    assert view.x_axis.currentData() == "updates"
    x, _ = view.curve_data("standard")
    assert x[1] == 17  # m = 17 updates per epoch
    assert view.curve_data("accumulated")[0][1] == 1  # one per pass
    assert view.plot.getPlotItem().getAxis("bottom").labelText == "updates"
    qtbot.keyClick(view.x_axis, Qt.Key.Key_Up)
    assert view.curve_data("standard")[0][1] == 1


def test_the_log_scale_check_box(view, qtbot, runs):
    axis = view.plot.getPlotItem().getAxis("left")
    assert not axis.logMode
    qtbot.mouseClick(view.log_scale, Qt.MouseButton.LeftButton)
    assert view.log_scale.isChecked() and axis.logMode
    # In log mode pyqtgraph hands back log10 of what was drawn.
    np.testing.assert_allclose(10 ** view.curve_data("standard")[1], runs[0].epoch_errors, rtol=1e-12)
    qtbot.mouseClick(view.log_scale, Qt.MouseButton.LeftButton)
    assert not axis.logMode
