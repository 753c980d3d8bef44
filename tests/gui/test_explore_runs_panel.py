"""Issue 14's Runs panel in the window: its curves are the session's runs' curves (by iteration and by epoch),
its difference table is the two runs' values and B − A, a click on a run shows it (the whole window follows),
the fork dialog forks with what was chosen, a refused fork says why, exercise 5.5 is two runs trained to the
same epoch, and a Step leaves nothing stale."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpgui.views import runs_panel
from bpgui.views.gradient_table_columns import display_name
from bpgui.views.runs_difference import COL_A, COL_B, COL_DIFFERENCE, COL_NAME
from bpgui.views.runs_plot import fork_x


@pytest.fixture()
def xor(window):
    """The window on XOR (2-2-1, standard BP, η 0.5, no target), 30 iterations in."""
    c = window.controller
    c.update_settings(learning_rate=0.5, target_error=None)
    for _ in range(30):
        c.step()
    return window


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def dock_of(window) -> runs_panel.RunsDock:
    return runs_panel.runs_dock(window)


def table_cells(dock, column: int) -> list:
    model = dock.difference.model
    return [model.data(model.index(r, column), Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def fork_through_dialog(qtbot, dock, *, eta: str | None = None, mode: str | None = None,
                        activation: str | None = None, name: str = ""):
    dock.fork_button.click()
    dialog = dock.fork_dialog
    assert dialog is not None and dialog.isVisible()
    if eta is not None:
        dialog.learning_rate.setText(eta)
    if mode is not None:
        dialog.mode.setCurrentIndex(dialog.mode.findData(mode))
    if activation is not None:
        dialog.activation.setCurrentIndex(dialog.activation.findData(activation))
    if name:
        qtbot.keyClicks(dialog.name, name)
    summary = dialog.summary.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle()
    return summary


def test_the_overlay_draws_every_runs_curve_by_iteration_and_by_epoch(xor, qtbot):
    c = xor.controller
    dock = dock_of(xor)
    assert not dock.isVisible()  # one run: the panel waits for a fork
    runs = dock.runs
    assert runs.fork(replace(c.settings, learning_rate=2.0))
    assert dock.isVisible()  # a fork brings the panel forward
    for _ in range(23):
        c.step()
    runs.show_run(0)
    assert runs.fork(replace(c.settings, mode="accumulated"), at_start=True)
    for _ in range(9):
        c.step()
    settle()
    dock.refresh()
    curves = runs.curves()
    assert len(curves) == 3 and len({len(cv.errors) for cv in curves}) > 1  # three different curves
    for by_epoch in (False, True):
        dock.plot.set_by_epoch(by_epoch)
        for cv in curves:
            x, y = dock.plot.curve_data(cv.index)
            assert np.array_equal(x, cv.epochs if by_epoch else cv.iterations)
            assert np.array_equal(y, cv.errors)
        assert dock.plot.fork_mark(0) is None  # the first run has no fork
        x, _ = dock.plot.fork_mark(1)
        assert x == fork_x(curves[1], by_epoch) and (by_epoch or x == 30)
        assert dock.plot.fork_mark(2)[0] == 0  # the accumulated run began at t = 0
    rows = [row.differs.text() for row in dock._rows]
    assert rows == ["η = 0.5, standard BP", "η = 2 from t = 30", "accumulated BP from t = 0"]
    assert [row.name.text() for row in dock._rows] == ["A", "B", "C"]


def test_the_difference_table_is_the_two_runs_values_and_b_minus_a(xor, qtbot):
    c = xor.controller
    dock = dock_of(xor)
    runs = dock.runs
    t = c.iteration
    runs.fork(replace(c.settings, learning_rate=3.0))
    for _ in range(12):
        c.step()
    settle()
    # t is at most what both runs computed: run A stands at t.
    assert dock.difference.choice() == (1, 0, t)
    runs.show_run(0)
    for _ in range(12):
        c.step()
    settle()
    dock.refresh()
    # Defaults: A is the run shown, B the other one, at the t shown.
    assert dock.difference.choice() == (0, 1, t + 12)
    diff = c.session.request_difference(0, 1, t + 12)
    assert np.array_equal(table_cells(dock, COL_A), diff.values_a)
    assert np.array_equal(table_cells(dock, COL_B), diff.values_b)
    assert np.array_equal(table_cells(dock, COL_DIFFERENCE), diff.values_b - diff.values_a)
    assert np.any(diff.difference != 0)
    names = [display_name(s) for s in c.display_record().specs]
    assert table_cells(dock, COL_NAME) == names and names[0] == "v₁₁"
    model = dock.difference.model
    assert model.headerData(COL_DIFFERENCE, Qt.Orientation.Horizontal) == "B − A"
    # Largest |B − A| first: the same rows, reordered.
    dock.difference.by_size.setChecked(True)
    sizes = np.abs(np.array(table_cells(dock, COL_DIFFERENCE)))
    assert np.all(np.diff(sizes) <= 0) and sorted(table_cells(dock, COL_NAME)) == sorted(names)
    # Another t, typed by the learner: the runs were equal up to the fork.
    dock.difference.follow.setChecked(False)
    dock.difference.t.setValue(t)
    settle()
    assert np.array_equal(table_cells(dock, COL_DIFFERENCE), np.zeros(len(names)))
    assert dock.difference.status.text() == f"Parameters of two runs after t = {t}"


def test_clicking_a_run_shows_it_and_the_window_follows(xor, qtbot):
    c = xor.controller
    dock = dock_of(xor)
    t = c.iteration
    dock.runs.fork(replace(c.settings, learning_rate=2.0))
    for _ in range(5):
        xor.step_action.trigger()
    settle()
    assert xor.settings_panel.learning_rate.text() == "2"
    qtbot.mouseClick(dock._rows[0].pick, Qt.MouseButton.LeftButton)
    settle()
    assert c.session.shown_run == 0 and c.iteration == t
    assert xor.settings_panel.learning_rate.text() == "0.5"
    assert dock._rows[0].pick.isChecked() and not dock._rows[1].pick.isChecked()
    assert dock._rows[1].t.text() == f"t = {t + 5}"
    qtbot.mouseClick(dock._rows[1].differs, Qt.MouseButton.LeftButton)  # anywhere on the row
    settle()
    assert c.session.shown_run == 1 and c.iteration == t + 5
    assert xor.settings_panel.learning_rate.text() == "2"
    # Closing the run shown: the window shows the other one again.
    qtbot.mouseClick(dock._rows[1].close_button, Qt.MouseButton.LeftButton)
    settle()
    assert c.session.run_count == 1 and c.iteration == t and len(dock._rows) == 1


def test_renaming_in_place_and_a_refused_name_goes_back(xor, qtbot, user):
    c = xor.controller
    dock = dock_of(xor)
    dock.runs.fork()
    user.type_into(dock._rows[1].name, "copy")
    assert [cv.name for cv in dock.runs.curves()] == ["A", "copy"]
    user.type_into(dock._rows[1].name, "A")
    settle()
    assert xor.last_message == ("error", "There is already a run named A.")
    assert dock._rows[1].name.text() == "copy"
    assert c.session.run_count == 2


def test_the_fork_dialog_forks_with_the_chosen_settings(xor, qtbot):
    c = xor.controller
    dock = dock_of(xor)
    t = c.iteration
    summary = fork_through_dialog(qtbot, dock, eta="2", mode="accumulated", name="fast")
    assert summary == f"The new run: η = 2, accumulated BP, from t = {t}."
    assert c.session.run_count == 2 and c.session.shown_run == 1
    assert c.iteration == t and c.settings.learning_rate == 2.0 and c.settings.mode == "accumulated"
    assert [row.name.text() for row in dock._rows] == ["A", "fast"]
    assert dock._rows[1].differs.text() == f"η = 2, accumulated BP from t = {t}"
    # Another activation forks from t = 0 with the same initial weights.
    first = c.session._trainer.checkpoint_zero.network.flat.copy()
    summary = fork_through_dialog(qtbot, dock, activation="tanh")
    assert summary.endswith("activation tanh, from t = 0.")
    assert c.session.run_count == 3 and c.iteration == 0 and c.network.activations[0] == "tanh"
    assert np.array_equal(c.network.flat, first)
    # The same settings: a copy at t, to edit by hand.
    c.session.show_run(0)
    summary = fork_through_dialog(qtbot, dock)
    assert summary == f"Same settings: a copy from t = {t}, to edit a weight by hand next."
    assert c.session.run_count == 4 and c.iteration == t and c.settings == c.session.run_curves()[0].settings


def test_a_refused_fork_says_why(xor, qtbot):
    c = xor.controller
    dock = dock_of(xor)
    c.plant_bug()
    settle()
    fork_through_dialog(qtbot, dock, eta="2")
    assert xor.last_message == ("error", "Remove the planted bug before forking the run.")
    assert c.session.run_count == 1
    c.remove_bug()
    for eta in ("1", "2", "3"):
        fork_through_dialog(qtbot, dock, eta=eta)
    fork_through_dialog(qtbot, dock, eta="4")
    assert xor.last_message == ("error", "At most 4 runs side by side: close one first.")
    assert c.session.run_count == 4
    # A learning rate the dialog cannot read is refused before anything is asked.
    dock.fork_button.click()
    dialog = dock.fork_dialog
    dialog.learning_rate.setText("fast")
    assert not dialog.ok_button.isEnabled() and "must be a number" in dialog.summary.text()
    dialog.reject()


def test_exercise_5_5_is_two_runs_trained_to_the_same_epoch(window, qtbot):
    c = window.controller
    window.example_actions["watermelon3.0"].trigger()
    assert c.dataset.name == "watermelon3.0"
    dock = dock_of(window)
    assert dock.isVisible()
    assert c.wait_for_jobs(20_000)
    settle()
    curves = dock.runs.curves()
    # The example's own run is the standard one (named in the window's language), the accumulated one its fork.
    assert [cv.name for cv in curves] == ["standard BP", "accumulated BP"]
    std, acc = curves
    assert acc.settings.mode == "accumulated" and std.settings.mode == "standard"
    assert acc.epochs[-1] == std.epochs[-1] == 300
    assert acc.errors[0] == std.errors[0]  # the same start
    assert dock.plot.by_epoch  # lined up by epoch: a pass of accumulated BP is one iteration
    for cv in curves:
        assert np.array_equal(dock.plot.curve_data(cv.index)[1], cv.errors)
    assert [row.differs.text() for row in dock._rows][1:] == ["accumulated BP from t = 0"]
    # The window shows the standard run, at its end.
    assert c.session.shown_run == 0 and c.iteration == std.end


def test_nothing_is_stale_after_a_step(xor, qtbot):
    c = xor.controller
    dock = dock_of(xor)
    dock.runs.fork(replace(c.settings, learning_rate=2.0))
    settle()
    before = len(dock.plot.curve_data(1)[1])
    for _ in range(4):  # an epoch of XOR: its E is a new point of the shown run's curve
        xor.step_action.trigger()
    qtbot.waitUntil(lambda: len(dock.plot.curve_data(1)[1]) == before + 1)
    assert np.array_equal(dock.plot.curve_data(1)[1], dock.runs.curves()[1].errors)
    assert dock._rows[1].t.text() == f"t = {c.iteration}"
    assert dock.difference.choice() == (1, 0, 30)  # at most where run A stands
    for _ in range(5):
        xor.back_action.trigger()
    qtbot.waitUntil(lambda: dock.difference.choice()[2] == 29)  # the table follows the t shown
    assert c.iteration == 29 and dock._rows[1].t.text() == "t = 29 of 34"
    diff = c.session.request_difference(1, 0, 29)
    assert np.array_equal(table_cells(dock, COL_A), diff.values_a)
    assert np.array_equal(table_cells(dock, COL_DIFFERENCE), np.zeros_like(diff.values_a))  # before the fork


def test_from_t_0_checked_for_an_activation_is_unchecked_when_it_goes_back(xor, qtbot):
    dock = dock_of(xor)
    t = xor.controller.iteration
    dock.fork_button.click()
    dialog = dock.fork_dialog
    tanh, own = dialog.activation.findData("tanh"), dialog.activation.currentIndex()
    dialog.activation.setCurrentIndex(tanh)
    assert dialog.at_start.isChecked() and not dialog.at_start.isEnabled()
    dialog.activation.setCurrentIndex(own)
    assert not dialog.at_start.isChecked() and dialog.at_start.isEnabled()
    assert dialog.summary.text().endswith(f"from t = {t}, to edit a weight by hand next.")
    dialog.at_start.setChecked(True)  # the learner's own choice stays
    dialog.activation.setCurrentIndex(tanh)
    dialog.activation.setCurrentIndex(own)
    assert dialog.at_start.isChecked()
    dialog.reject()


def test_the_panel_and_the_surface_map_are_made_when_first_needed(xor, qtbot):
    """The window starts without them (their pyqtgraph plots are a quarter of its build); the first fork, or
    View → Runs, makes the panel; showing the Surface tab makes its map; a language switch keeps the runs'
    panel in front."""
    assert xor.findChild(runs_panel.RunsDock) is None and not xor.surface._built
    assert all(np.isnan(xor.surface.arrow()))  # nothing drawn yet
    xor.right_tabs.setCurrentWidget(xor.surface)
    assert xor.surface._built and xor.surface.view is not None
    xor.right_tabs.setCurrentWidget(xor.plot)
    xor.runs_action.trigger()
    dock = xor.findChild(runs_panel.RunsDock)
    assert dock is not None and dock.isVisible() and xor.runs_action.isChecked()
    dock.close()
    qtbot.waitUntil(lambda: not xor.runs_action.isChecked())
    dock.runs.fork(replace(xor.controller.settings, learning_rate=2.0))
    qtbot.waitUntil(dock.isVisible)
    assert xor.runs_action.isChecked()
    zh = xor.set_language("zh_CN")
    try:
        settle()
        again = zh.findChild(runs_panel.RunsDock)
        assert again is not None and again.isVisible() and zh.runs_action.isChecked()
        assert again.runs.run_count == 2
    finally:
        zh.set_language("en")
