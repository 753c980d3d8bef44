import numpy as np

from bpgui.model.datasets import load_builtin
from bpgui.model.experiments import compare_modes
from bpgui.model.network import Network
from bpgui.views.comparison import ComparisonView


def test_both_runs_drawn_from_the_models_numbers(qtbot):
    data = load_builtin("watermelon3.0alpha")
    runs = compare_modes(data, Network.initialise((2, 5, 1)), epochs=40)
    view = ComparisonView()
    qtbot.addWidget(view)
    view.show_runs("watermelon 3.0α", runs)
    x, y = view.curve_data("standard")
    np.testing.assert_array_equal(y, runs[0].epoch_errors)
    assert list(x[:3]) == [0, 1, 2]
    view.x_axis.setCurrentIndex(1)  # updates
    x, _ = view.curve_data("standard")
    assert x[1] == 17  # m updates per epoch
    assert view.curve_data("accumulated")[0][1] == 1
    view.log_scale.setChecked(True)
    text = view.summary_text()
    assert "standard BP" in text and "accumulated BP" in text and f"{runs[1].final_error:.4g}" in text
