"""The "Error surface" tab (issue 14): what it draws is the session's slice (the image its grid, the path the
history's values, the arrow the next iteration's Δp and Δq, the caption the drift), it follows a Step, a
hidden tab asks for nothing, a costly map comes from the worker (the last map stays meanwhile), and the
screenshot command's --tab surface, --select and --select2."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import bpgui.app
from bpgui.cli import main
from bpgui.controller.exploring import E_K, SurfaceController
from bpgui.model.numbers import format_number
from bpgui.session import exploring

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def shown_surface(window):
    window.right_tabs.setCurrentWidget(window.surface)
    assert window.surface.isVisible() and window.surface.view is not None
    return window.surface


def test_the_map_is_the_sessions_slice_with_the_path_arrow_and_drift(window):
    c = window.controller
    c.fast_forward(40)
    c.select_parameter(2)  # v₂₁ in the table: across; the first weight out of the unit it feeds (w₁₁) up
    panel = shown_surface(window)
    p, q = panel.pair
    assert (p, q) == (2, 6)
    view = panel.view
    expected = c.session.surface_view(p, q, panel.which)
    assert np.array_equal(panel.image.image, expected.grid.errors)  # the drawn image is the grid
    x, y = panel.path_item.getData()
    ts, values = c.session._trainer.values_along([p, q], c.iteration, 10**9)
    exact = dict(zip(ts.tolist(), map(tuple, values.tolist()), strict=True))
    assert view.path_t[-1] == c.iteration == 40
    assert [exact[t] for t in view.path_t.tolist()] == list(zip(x.tolist(), y.tolist(), strict=True))
    nxt = c.session._trainer.preview()
    ax, ay = panel.arrow_line.getData()
    assert (ax[0], ay[0]) == (c.network.flat[p], c.network.flat[q])  # from the point now
    assert panel.arrow() == pytest.approx((nxt.flat_updates[p], nxt.flat_updates[q]), rel=1e-9, abs=1e-15)
    assert panel.surfaces.parameter_name(p) == "v₂₁" and panel.plot_item.getAxis("bottom").labelText == "v₂₁"
    text = panel.caption.text()
    assert format_number(expected.drift, 4) in text and format_number(expected.drift_max, 4) in text
    assert "other 7 parameters" in text


def test_it_follows_a_step_and_the_choosers(window):
    panel = shown_surface(window)
    window.step_action.trigger()
    window.step_action.trigger()
    c = window.controller
    assert panel.view.path_t[-1] == c.iteration == 2
    assert np.array_equal(panel.image.image, c.session.surface_view(*panel.pair).grid.errors)
    panel.q_combo.setCurrentIndex(panel.q_combo.findData(8))
    panel.q_combo.activated.emit(panel.q_combo.currentIndex())
    assert panel.pair[1] == 8 and panel.view.grid.q == 8
    panel.set_which(E_K)
    assert panel.view.which == E_K
    assert np.array_equal(panel.image.image, c.session.surface_view(*panel.pair, E_K).grid.errors)
    assert panel.pair == (0, 8)
    c.select_parameter(8)  # the one shown up is picked in the table: the two swap
    assert panel.pair == (8, 0) and panel.view.grid.p == 8


def test_a_hidden_tab_asks_for_nothing(window, monkeypatch):
    panel = shown_surface(window)
    window.right_tabs.setCurrentWidget(window.plot)
    asked = []
    session = window.controller.session
    original = session.request_surface
    monkeypatch.setattr(session, "request_surface", lambda *a, **k: asked.append(a) or original(*a, **k))
    before = panel.requests
    for _ in range(3):
        window.step_action.trigger()
    window.controller.select_parameter(5)
    assert asked == [] and panel.requests == before
    window.right_tabs.setCurrentWidget(panel)  # shown again: one map, for the state now
    assert len(asked) == 1 and panel.view.path_t[-1] == 3 and panel.pair[0] == 5


def test_a_costly_map_comes_from_the_worker_and_the_last_map_stays_meanwhile(window, monkeypatch, qtbot):
    panel = shown_surface(window)
    first = panel.view
    monkeypatch.setattr(exploring, "QUICK_SECONDS", 0.0)  # every map counts as costly
    window.step_action.trigger()
    assert panel.view is first and panel.status.text() == "computing…" and window.controller.job_running
    assert window.controller.wait_for_jobs()
    assert panel.view is not first and panel.view.path_t[-1] == 1 and panel.status.text() == ""
    assert np.array_equal(panel.image.image, window.controller.session.surface_view(*panel.pair).grid.errors)


def test_one_surface_controller_per_training_controller(window):
    assert SurfaceController.of(window.controller) is window.surface.surfaces
    assert window.controller.findChild(SurfaceController) is window.surface.surfaces


@pytest.fixture
def arranged(monkeypatch):
    seen: list[tuple[int, str, tuple[int, int]]] = []
    arrange = bpgui.app._arrange

    def spy(window, controller, options, index):
        arrange(window, controller, options, index)
        seen.append((window.right_tabs.currentIndex(), window.right_tabs.tabText(window.right_tabs.currentIndex()),
                     window.surface.pair))

    monkeypatch.setattr(bpgui.app, "_arrange", spy)
    return seen


def test_the_screenshot_shows_the_surface_of_the_two_named(capsys, tmp_path, arranged):
    out = tmp_path / "shot.png"
    assert main(["screenshot", str(out), "--steps", "20", "--size", "1024x640", "--tab", "surface",
                 "--select", "v_11", "--select2", "w_11"]) == 0
    assert arranged == [(2, "Surface", (0, 6))]
    assert QImage(str(out)).width() == 1024


@pytest.mark.parametrize(("options", "message"), [
    (("--select2", "w_33"), "--select2: the 2-2-1 network has no parameter 'w_33'; its names are v_11, v_12, v_21, …"),
    (("--select2", " "), "--select2 is empty"),
    (("--select", "v_11", "--select2", "v₁₁"), "--select2 must name another parameter than --select ('v_11')"),
])
def test_a_bad_select2_is_one_line_naming_it(capsys, tmp_path, options, message):
    out = tmp_path / "shot.png"
    code = main(["screenshot", str(out), "--size", "1024x640", "--tab", "surface", *options])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and not out.exists()


def test_run_goes_on_while_the_surface_is_shown(window, qtbot):
    """The map's requests come between a Run tick and its drawing: the tick is released whole and the next
    one armed (the surface's request once left Run stopped for good, still saying it ran)."""
    c = window.controller
    for _ in range(30):
        c.step()
    surface = shown_surface(window)
    c.set_speed(10)
    c.set_running(True)
    end = time.perf_counter() + 10
    while c.iteration < 45 and time.perf_counter() < end:  # 10 iterations a second: about 1.5 s
        QApplication.processEvents()
        time.sleep(0.005)  # a busy window: the map's timer and the tick's drawing fall due together
    assert c.iteration >= 45 and c.running and surface.requests >= 3
    c.pause()
    qtbot.wait(150)
    assert surface.view is not None and surface.view.path_t[-1] == c.iteration  # the map is the paused state's


def test_the_caption_says_whose_slopes_the_arrow_follows(window, qtbot):
    """Standard BP steps down one sample's E_k: on the map of E the arrow need not point downhill, and the
    caption says so; on E_k's own map, or with accumulated BP on E's, it does not need to."""
    c = window.controller
    c.fast_forward(20)
    surface = shown_surface(window)
    view = surface.view
    assert view.step_error == "E_k" and view.which == "E"
    assert f"derivatives of Eₖ, the error of sample k = {view.sample} alone" in surface.caption.text()
    surface.set_which("E_k")
    qtbot.waitUntil(lambda: surface.view.which == "E_k")
    assert "need not point downhill" not in surface.caption.text()
    surface.set_which("E")
    c.update_settings(mode="accumulated")
    qtbot.waitUntil(lambda: surface.view is not None and surface.view.step_error == "E")
    assert surface.view.which == "E" and "need not point downhill" not in surface.caption.text()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.integers(0, 8), min_size=1, max_size=8))
def test_each_chooser_lists_the_first_parameters_and_the_one_chosen_whatever_was_chosen_before(window, monkeypatch,
                                                                                              picks):
    from bpgui.views import surface_panel

    monkeypatch.setattr(surface_panel, "MAX_LISTED", 4)  # XOR's 9 parameters: 4 listed, one chosen past them
    panel, c = window.surface, window.controller
    c.update_settings(seed=c.settings.seed + 1)  # a new network: its choosers filled afresh
    names = [panel._name(i) for i in range(9)]
    for pick in picks:
        c.select_parameter(pick)
        for combo, chosen in ((panel.p_combo, panel.pair[0]), (panel.q_combo, panel.pair[1])):
            items = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
            expected = [(i, names[i]) for i in range(4)] + ([(chosen, names[chosen])] if chosen >= 4 else [])
            assert items == expected
            assert combo.currentData() == chosen
