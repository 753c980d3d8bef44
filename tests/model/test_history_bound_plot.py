"""Issue 9: the error plot draws a thinned history at the iterations and epochs its points are of."""

import numpy as np

from bpgui.model.datasets import load_builtin
from bpgui.model.history import HistoryBounds
from bpgui.model.network import Network
from bpgui.model.numbers import exact_number
from bpgui.model.training import Trainer
from bpgui.session.history import History
from bpgui.views.error_plot import X_EPOCHS, ErrorPlotView


def test_a_thinned_history_is_drawn_at_its_own_iterations_and_epochs_and_hovered_exactly(qtbot):
    tr = Trainer(Network.initialise((2, 2, 1), seed=2), load_builtin("xor"), seed=2, checkpoint_interval=16,
                 bounds=HistoryBounds(exact_errors=256, thinned_errors=128, exact_epoch_rows=32,
                                      thinned_epoch_rows=32))
    tr.advance(3000, use_stop_conditions=False)
    history = History.of(tr)
    assert history.iteration_positions is not None and history.epoch_numbers is not None
    view = ErrorPlotView()
    qtbot.addWidget(view)
    view.show_history(history)
    x, y = view.iteration_curve.getOriginalDataset()
    np.testing.assert_array_equal(x, history.iteration_positions)
    np.testing.assert_array_equal(y, history.iteration_errors)
    i = 40  # a point in the thinned part: the hover reads its own t and exact value
    t = int(history.iteration_positions[i])
    assert t != i + 1
    view.set_digits(17)  # every digit: the hover reads the point's own exact value
    assert view.value_at(t + 0.2) == f"t = {t}: Eₖ = {exact_number(float(history.iteration_errors[i]))}"
    view.set_x_axis(X_EPOCHS)
    ex, ey = view.epoch_curve.getOriginalDataset()
    np.testing.assert_array_equal(ex, history.epoch_numbers)
    np.testing.assert_array_equal(ey, history.epoch_errors)
    assert ex[-1] == tr.state.epoch and np.all(np.diff(ex) > 0)
    ix, _ = view.iteration_curve.getOriginalDataset()
    assert np.all(np.diff(ix) >= 0) and abs(ix[-1] - tr.state.epoch) < 1  # the last iteration at the last epoch
    row = 5
    epoch = int(history.epoch_numbers[row])
    assert view.value_at(epoch).startswith(f"epoch {epoch} (t = {int(history.epoch_iterations[row])}): E = ")
