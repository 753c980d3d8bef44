"""While Run goes on, the network and its maps follow every frame, and the views of numbers (the table,
the caption, the chain rule, the status line) come with the error curve, at most every PLOT_INTERVAL_MS (a
costly network's frame then shows the numbers only, and the next frame's state the network, or the numbers'
network once they are painted if no state comes); pausing shows them all at once, for the iteration the
network shows."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from bpgui.views.gradient_table_columns import COL_NEW_VALUE
from bpgui.views.status_text import status_line


def shown_new_values(window) -> np.ndarray:
    """The raw numbers of the table's "Value after" column, in the parameters' order."""
    model = window.table.source_model()
    return np.array([model.cell_data(row, COL_NEW_VALUE, Qt.ItemDataRole.UserRole)
                     for row in range(model.rowCount())], dtype=float)


def counting(monkeypatch, obj, name: str) -> list[int]:
    calls = [0]
    original = getattr(obj, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def status_now(window) -> str:
    c = window.controller
    return status_line(c.status(), c.settings.mode, None, False, digits=window.shown_digits)


def test_run_frames_redraw_the_network_and_leave_the_numbers_to_the_curves_timer(window, qtbot, monkeypatch):
    c = window.controller
    window._plot_timer.setInterval(60_000)  # no catch-up during this test: only the frames
    frames = counting(monkeypatch, window.topology, "show_state")
    table = counting(monkeypatch, window.table, "set_record")
    caption = counting(monkeypatch, window.caption, "setText")
    c.set_running(True)
    qtbot.waitUntil(lambda: frames[0] >= 3 and c.iteration > 0, timeout=10_000)
    assert table[0] == 0 and caption[0] == 0
    assert window.status_area.status_text() != status_now(window)  # still the status before Run
    c.set_running(False)
    # Paused: every view shows the iteration the network shows, at once.
    assert table[0] >= 1 and caption[0] >= 1
    record = c.display_record()
    assert record.iteration == c.iteration > 0
    np.testing.assert_array_equal(shown_new_values(window), record.flat_new_values)
    assert window.status_area.status_text() == status_now(window)


def test_the_numbers_catch_up_while_run_goes_on(window, qtbot):
    c = window.controller
    before = window.status_area.status_text()
    c.set_running(True)
    qtbot.waitUntil(lambda: window.status_area.status_text() != before, timeout=10_000)
    assert c.running
    # What the table shows is a record of this Run, though Run has gone on since.
    assert not np.isnan(shown_new_values(window)).any()
    shown = window.controller.history()
    assert shown.iteration > 0
    c.set_running(False)
    np.testing.assert_array_equal(shown_new_values(window), c.display_record().flat_new_values)


def test_pausing_makes_the_table_editable_again_even_when_the_numbers_were_up_to_date(window, qtbot):
    c = window.controller
    c.set_running(True)
    qtbot.waitUntil(lambda: c.iteration > 3, timeout=10_000)
    window._catch_up()  # the numbers shown are the last frame's: nothing stale when Run pauses
    assert not window.table.source_model().editable()
    c.set_running(False)
    assert not window._numbers_stale and window.table.source_model().editable()


def test_a_pause_right_after_a_tick_shows_the_ticks_state_once_and_paused(window, qtbot, monkeypatch):
    """A click on Pause served before the tick's drawing: the controller releases the tick's state and curve
    first (paused already), and the pause draws none of them again."""
    c = window.controller
    c.set_running(True)
    qtbot.waitUntil(lambda: c.iteration > 3, timeout=10_000)
    qtbot.wait(50)  # (no tick's drawing left to come)
    curve = counting(monkeypatch, window.plot, "show_history")
    numbers = counting(monkeypatch, window, "_show_numbers")
    network = counting(monkeypatch, window.topology, "show_state")
    before = c.iteration
    c._timer.stop()
    c._on_timer_timeout()  # a tick: its news held until its own event
    assert c._held and c.iteration > before
    c.set_running(False)
    assert (curve[0], numbers[0], network[0]) == (1, 1, 1)
    assert window.table.source_model().editable()
    record = c.display_record()
    assert record.iteration == c.iteration
    np.testing.assert_array_equal(shown_new_values(window), record.flat_new_values)
    assert window.plot.iteration_curve.xData is not None and window.plot.iteration_curve.xData[-1] == c.iteration
    assert window.status_area.status_text() == status_now(window)


def test_a_pause_between_ticks_still_shows_everything_paused(window, qtbot, monkeypatch):
    c = window.controller
    c.set_running(True)
    qtbot.waitUntil(lambda: c.iteration > 3, timeout=10_000)
    qtbot.wait(50)
    curve = counting(monkeypatch, window.plot, "show_history")
    numbers = counting(monkeypatch, window, "_show_numbers")
    c.set_running(False)  # the last frame was a running one: the curve and the numbers once more, paused
    assert (curve[0], numbers[0]) == (1, 1)
    assert window.table.source_model().editable()


def test_a_costly_networks_frame_shows_the_numbers_then_the_next_frame_the_network_and_pausing_shows_both(
        window, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from bpgui.model.numbers import format_number

    c = window.controller
    window.speed.setValue(window.speed.maximum())
    c.update_settings(target_error=None)
    c.set_running(True)
    qtbot.waitUntil(lambda: c.iteration > 0, timeout=10_000)
    frames = counting(monkeypatch, window.topology, "show_state")
    numbers = counting(monkeypatch, window, "_show_numbers")
    window._numbers_due = True
    window._network_cost = 0.0005  # a network cheap to show (2-2-1): both in one frame
    window._on_controller_state_changed()
    assert (frames[0], numbers[0]) == (1, 1) and not window._network_stale
    window._numbers_due, window._network_cost = True, 0.008  # a network as costly as 784-128-10's
    window._on_controller_state_changed()  # the numbers now, the network later
    assert (frames[0], numbers[0]) == (1, 2) and window._network_stale
    c.set_running(False)  # paused after a frame of numbers only: the network shows the iteration too
    assert not window._network_stale and frames[0] == 2
    record = c.display_record()
    assert record.iteration == c.iteration
    assert window.topology.unit_value_text(2, 0) == format_number(float(record.layers[-1].output[0, 0]),
                                                                  window.shown_digits)
    np.testing.assert_array_equal(shown_new_values(window), record.flat_new_values)

    # Run's next frame shows its state's network (the newest) in the frame after the numbers only.
    monkeypatch.setattr(type(c), "running", property(lambda self: True))  # a Run frame, without Run's ticks
    window._numbers_due, window._network_cost = True, 0.008
    window._on_controller_state_changed()
    assert window._network_stale and window._network_timer.isActive() and frames[0] == 2
    window._on_controller_state_changed()  # the next frame, no numbers due: its network, the fallback cancelled
    assert frames[0] == 3 and not window._network_stale and not window._network_timer.isActive()

    # With no newer state, the numbers' network comes after whatever they left to paint, in a later event.
    order: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                order.append("table painted")
            return False

    paints = Paints()
    viewport = window.table.table().viewport()
    viewport.installEventFilter(paints)
    shown = window.topology.show_state
    monkeypatch.setattr(window.topology, "show_state", lambda *a: order.append("network") or shown(*a))
    viewport.update()  # waiting to be painted, as new numbers are
    window._numbers_due, window._network_cost = True, 0.008
    window._on_controller_state_changed()
    assert order == [] and window._network_stale
    qtbot.waitUntil(lambda: "network" in order, timeout=5_000)
    assert "table painted" in order and order.index("table painted") < order.index("network")
    assert not window._network_stale
    viewport.removeEventFilter(paints)


def test_a_long_step_epoch_draws_as_it_goes_and_ends_paused_showing_the_epochs_end(window, qtbot, monkeypatch):
    from bpgui.model.numbers import format_number
    from bpgui.session import training

    monkeypatch.setattr(training, "INSTANT_SECONDS", -1.0)  # XOR's 4 iterations count as a long epoch here
    c = window.controller
    window.speed.setValue(1)  # a slow Run speed: a Step epoch goes at full speed anyway
    c.update_settings(target_error=10.0)  # a target already met: a Step epoch heeds it no more than Step does
    c.step()
    frames = counting(monkeypatch, window.topology, "show_state")
    window.step_epoch_action.trigger()
    assert c.running and window.run_action.text() == window.tr("&Pause")
    qtbot.waitUntil(lambda: not c.running, timeout=10_000)
    assert c.iteration == 4 and frames[0] >= 1  # the epoch's end, drawn
    record = c.display_record()
    assert record.iteration == 4
    np.testing.assert_array_equal(shown_new_values(window), record.flat_new_values)
    assert window.topology.unit_value_text(2, 0) == format_number(float(record.layers[-1].output[0, 0]),
                                                                  window.shown_digits)
    assert window.status_area.status_text() == status_now(window)
    assert window.table.source_model().editable()


def test_path_badges_fit_their_texts_after_fewer_digits_and_a_phase_walks_two_line_badges(window):
    """A badge keeps its widest text's width while numbers change, but not across a Digits change (its texts
    were written at other digits) or a change of its lines (the update phase's "(used)" line): found by review."""
    from bpgui.views.topology_items import Label

    c = window.controller
    c.step()
    c.select_unit(1, 0)
    window.set_digits(9)
    window.set_digits(2)

    def loose(label: Label) -> list[float]:  # how much wider than its text a drawn badge is
        metrics = label._metrics
        text_width = max(metrics.horizontalAdvance(line) for line in label.text().split("\n")) + 8
        return [label.size()[0] - max(text_width, label._least)]

    badges = [u.path_label for layer in window.topology._units for u in layer] + [
        link.path_label for link in window.topology._links.values()]
    shown = [b for b in badges if b.text()]
    assert shown and all(gap == 0 for b in shown for gap in loose(b))
    for _ in range(len(c.phase_plan) + 1):  # to the update phase: some badges take a second line
        c.step_phase()
        if c.phase_view is not None and c.phase_view.updated:
            break
    two_lines = [b for b in badges if "\n" in b.text()]
    assert two_lines and all(gap == 0 for b in two_lines for gap in loose(b))


def test_a_window_replaced_for_another_language_has_nothing_left_to_show(window, qtbot, switch_language):
    """Its views are deleted once the event loop runs: a curve or network timer still due would reach them
    (a fresh-clone run of the README's test command crashed once in a language switch)."""
    c = window.controller
    c.update_settings(target_error=None)
    c.set_running(True)
    qtbot.waitUntil(lambda: window._plot_timer.isActive(), timeout=10_000)
    window._network_timer.start()
    new = switch_language(window, "zh_CN")
    assert not window._plot_timer.isActive() and not window._network_timer.isActive()
    qtbot.wait(150)  # past the curve's interval: nothing fires into the old window
    assert c.running and new.controller is c
    c.set_running(False)


def test_starting_and_pausing_run_change_runs_icon_and_text_only(window, qtbot):
    """Run's first frame repaints little: only Run's action changes (its icon and text); every other action
    keeps its icon (setting them all again updated every toolbar button and menu entry), and a Pause puts
    Run's own icon back."""
    from bpgui.views.icons import icon

    c = window.controller
    c.update_settings(target_error=None)
    others = [a for a in window.findChildren(type(window.run_action)) if a is not window.run_action]
    before = {id(a): a.icon().cacheKey() for a in others}
    run_icon = window.run_action.icon().cacheKey()
    c.set_running(True)
    assert window.run_action.icon().cacheKey() != run_icon
    expected = icon("pause", window.palette()).pixmap(16).toImage()
    assert window.run_action.icon().pixmap(16).toImage() == expected
    assert window.run_action.text() != "&Run"
    c.set_running(False)
    assert window.run_action.icon().pixmap(16).toImage() == icon("run", window.palette()).pixmap(16).toImage()
    assert {id(a): a.icon().cacheKey() for a in others} == before
