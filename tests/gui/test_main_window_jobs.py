"""Slow work in the window: it runs in the worker with the status bar's progress bar and Cancel
button, the window shows the result when it is ready, and Cancel leaves everything as it was."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt

from bpgui.controller.runs import RunsController
from bpgui.views.gradient_table import COL_FD_GRADIENT, COL_REL_ERROR


def job_widgets(window):
    return (window.job_label, window.job_bar, window.job_cancel)


def job_shown(window) -> bool:
    shown = {w.isVisible() for w in job_widgets(window)}
    assert len(shown) == 1, "the label, the bar and Cancel come and go together"
    return shown.pop()


def worker_idle(window) -> None:
    """Let the worker stop and deliver whatever it queued (a late result would arrive now)."""
    assert window.controller.wait_for_jobs(10_000)
    QCoreApplication.processEvents()


def test_exercise_5_5_is_trained_in_the_worker_and_shown_as_runs_when_done(window, qtbot):
    from bpgui.views import runs_panel

    assert not job_shown(window)
    window.example_actions["watermelon3.0"].trigger()
    c = window.controller
    assert c.dataset.name == "watermelon3.0" and c.network.layer_sizes == (19, 5, 1)
    # The two runs are forked at once and trained in the worker: the status bar says so.
    dock = runs_panel.runs_dock(window)
    assert dock.isVisible() and c.session.run_count == 2  # the example's run (standard) and its accumulated fork
    assert job_shown(window) and c.job_running
    assert window.job_label.text() == "Training the runs side by side…"
    assert c.iteration == 0  # nothing adopted before the job is done
    qtbot.waitUntil(lambda: not c.job_running, timeout=20_000)
    assert not job_shown(window)
    curves = dock.runs.curves()
    _, standard = dock.plot.curve_data(0)
    _, accumulated = dock.plot.curve_data(1)
    assert standard[0] == accumulated[0] == curves[0].errors[0]  # the same start
    assert len(standard) == len(accumulated) == 301
    window.example_actions["xor"].trigger()
    assert c.dataset.name == "xor" and c.network.layer_sizes == (2, 2, 1)
    assert c.session.run_count == 1 and len(dock._rows) == 1  # the forks went with the network


def test_cancel_stops_a_long_comparison_opens_nothing_and_changes_nothing(window, qtbot, user):
    c = window.controller
    c.update_settings(data="watermelon3.0", hidden=(5,))
    for _ in range(3):
        window.step_action.trigger()
    before = (c.iteration, c.network.flat.tobytes(), c.settings, c.end)
    RunsController(c).train_all(20_000)  # minutes of work: far longer than the test waits
    assert job_shown(window) and c.job_running
    # Cancel at once: waiting for the bar to move would take seconds, because the main thread
    # gets the GIL back only slowly while the worker trains (see test_controller for progress).
    user.click(window.job_cancel)
    assert not job_shown(window) and not c.job_running
    worker_idle(window)
    assert not job_shown(window)
    assert (c.iteration, c.network.flat.tobytes(), c.settings, c.end) == before
    assert window.last_message is None or window.last_message[0] != "error"


def check_columns(window):
    model = window.table.source_model()
    rows = range(model.rowCount())
    return tuple(np.array([model.data(model.index(r, col), Qt.ItemDataRole.UserRole) for r in rows], dtype=float)
                 for col in (COL_FD_GRADIENT, COL_REL_ERROR))


def test_the_gradient_check_column_agrees_with_the_backward_pass_on_xor(window):
    window.step_action.trigger()
    assert not window.check_action.isChecked()
    window.check_action.trigger()  # View → Gradient check column (Ctrl+G)
    assert not job_shown(window)  # nine parameters: checked in place
    fd, rel = check_columns(window)
    np.testing.assert_allclose(fd, window.controller.record.flat_gradients, rtol=1e-7, atol=1e-10)
    assert rel.max() < 1e-6
    assert "9 of 9 parameters checked" in window.table.check_summary()
    window.step_action.trigger()  # a new iteration is checked again, not left stale
    fd, _ = check_columns(window)
    np.testing.assert_allclose(fd, window.controller.record.flat_gradients, rtol=1e-7, atol=1e-10)
    window.check_action.trigger()  # off again: the columns are emptied
    fd, rel = check_columns(window)
    assert np.isnan(fd).all() and np.isnan(rel).all()


def test_the_gradient_check_of_a_large_network_fills_in_when_the_worker_is_done(window, qtbot):
    c = window.controller
    c.update_settings(data="watermelon3.0", hidden=(40,))
    window.step_action.trigger()
    n = c.network.n_parameters
    assert n == 19 * 40 + 40 + 40 + 1
    window.check_action.trigger()
    assert job_shown(window) and window.job_label.text() == "Checking the gradients…"
    fd, _ = check_columns(window)
    assert np.isnan(fd).all()  # nothing is shown before it is computed
    qtbot.waitUntil(lambda: not np.isnan(check_columns(window)[1]).any(), timeout=20_000)
    assert not job_shown(window)
    fd, rel = check_columns(window)
    np.testing.assert_allclose(fd, c.record.flat_gradients, rtol=1e-5, atol=1e-9)
    assert rel.max() < 1e-6
    assert f"{n} of {n} parameters checked" in window.table.check_summary()


@pytest.mark.parametrize("action", ["step_action", "reset_action"])
def test_a_check_in_progress_for_an_iteration_no_longer_shown_is_not_shown(window, qtbot, action):
    c = window.controller
    c.update_settings(data="watermelon3.0", hidden=(40,))
    window.step_action.trigger()
    window.check_action.trigger()
    assert job_shown(window)
    getattr(window, action).trigger()  # the learner moves on: the check is asked again for the new iteration
    qtbot.waitUntil(lambda: not job_shown(window), timeout=20_000)
    worker_idle(window)
    fd, rel = check_columns(window)
    shown = c.display_record()
    np.testing.assert_allclose(fd, shown.flat_gradients, rtol=1e-5, atol=1e-9)  # of the iteration shown
    assert rel.max() < 1e-6


def test_a_change_of_language_mid_phase_keeps_the_gradient_check_column_as_it_was(window, qtbot):
    c = window.controller
    window.step_action.trigger()
    window.check_action.trigger()
    c.step_phase()  # mid-iteration: the new window is built with the column on before it has its rows
    while c.phase_view is not None and np.isnan(check_columns(window)[0]).all():  # to the gradients' phase
        c.step_phase()
    assert c.phase_view is not None
    before = check_columns(window)
    replacement = window.set_language("en")
    try:
        assert replacement.check_action.isChecked()
        after = check_columns(replacement)
        for old, new in zip(before, after):
            np.testing.assert_array_equal(old, new)
    finally:
        replacement.close()
        replacement.deleteLater()
