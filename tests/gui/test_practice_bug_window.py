"""Practice → Find the bug in the window: unmistakable while planted, named from a list, the difference shown."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QInputDialog

from bpgui.model.numbers import format_number
from bpgui.model.practice.planted import THRESHOLD_SIGN, UPDATE_SIGN
from bpgui.views import bug_hunt
from bpgui.views.error_plot_items import ALARM_COLOURS, EPOCH_COLOUR, ITERATION_COLOUR


def _curve_colours(window) -> tuple[str, str]:
    pens = window.plot._pens
    return pens.iteration.color().name(), pens.epoch.color().name()


def _answer(monkeypatch, window, rule: str) -> None:
    text = window.controller.bug_text(rule)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args, **kwargs: (text, True)))


def test_a_planted_bug_is_unmistakable_and_removing_it_brings_the_real_run_back(window):
    c = window.controller
    for _ in range(3):
        c.step()
    flat = c.network.flat.copy()
    assert not window.bug_banner.isVisible() and not window.name_bug_action.isEnabled()
    assert _curve_colours(window) == (ITERATION_COLOUR, EPOCH_COLOUR)
    window.plant_bug_action.trigger()
    assert c.bug_planted and c.iteration == 0
    assert window.bug_banner.isVisible() and window.bug_banner.text() == bug_hunt.banner_text(window.controller)
    assert _curve_colours(window) == (ALARM_COLOURS["iteration"], ALARM_COLOURS["epoch"])
    assert window.name_bug_action.isEnabled() and window.remove_bug_action.isEnabled()
    window.remove_bug_action.trigger()
    assert not c.bug_planted and c.iteration == 3 and np.array_equal(c.network.flat, flat)
    assert not window.bug_banner.isVisible() and _curve_colours(window) == (ITERATION_COLOUR, EPOCH_COLOUR)
    assert not window.remove_bug_action.isEnabled()


def test_naming_the_bug_wrong_then_right_shows_the_planted_pass_beside_the_real_one(window, monkeypatch):
    c = window.controller
    c.plant_bug(THRESHOLD_SIGN)
    c.step()
    _answer(monkeypatch, window, UPDATE_SIGN)
    window.name_bug_action.trigger()
    assert c.planted_rule is None and window.last_message[1].startswith("Not that one")
    _answer(monkeypatch, window, THRESHOLD_SIGN)
    window.name_bug_action.trigger()
    assert c.planted_rule == THRESHOLD_SIGN
    dialogs = [w for w in window.findChildren(bug_hunt.DifferenceDialog) if w.isVisible()]
    assert len(dialogs) == 1
    table, diff = dialogs[0].table, c.bug_difference()
    rec = c.display_record()
    thresholds = [i for i, spec in enumerate(rec.specs) if spec.kind == "threshold"]
    assert table.rowCount() == len(thresholds)  # only the thresholds differ
    for row, i in enumerate(thresholds):
        assert table.item(row, 0).text() == rec.specs[i].symbol.unicode
        assert table.item(row, 1).text() == format_number(diff.gradients[i], window.shown_digits)
        assert table.item(row, 2).text() == format_number(-diff.gradients[i], window.shown_digits)
    dialogs[0].close()


def test_the_teachers_menu_plants_the_chosen_bug(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Practice")
    chosen = next(a.menu() for a in menu.actions() if a.text() == "Plant a &chosen bug (teacher)")
    entry = next(a for a in chosen.actions() if a.text() == window.controller.bug_text(UPDATE_SIGN))
    entry.trigger()
    assert window.controller.session._trainer.rule == UPDATE_SIGN and window.bug_banner.isVisible()


def test_a_language_switch_mid_hunt_keeps_the_bug_and_says_so(window, switch_language):
    window.controller.plant_bug(UPDATE_SIGN)
    new = switch_language(window, "zh_CN")
    assert new.controller.bug_planted and new.bug_banner.isVisible()
    assert new.bug_banner.text() == bug_hunt.banner_text(new.controller) and "反向传播" in new.bug_banner.text()
    assert _curve_colours(new) == (ALARM_COLOURS["iteration"], ALARM_COLOURS["epoch"])


def test_the_difference_lists_only_what_differs_beyond_the_last_bit(window, monkeypatch):
    c = window.controller
    c.update_settings(hidden=(3,), learning_rate=0.5)
    c.plant_bug("updated_weights")  # only the hidden layer's gradients differ; the output's agree
    for _ in range(3):
        c.step()
    _answer(monkeypatch, window, "updated_weights")
    window.name_bug_action.trigger()
    dialog = next(w for w in window.findChildren(bug_hunt.DifferenceDialog) if w.isVisible())
    diff = c.bug_difference()
    differs = ~(np.isclose(diff.gradients, diff.true_gradients, rtol=1e-12, atol=1e-15)
                & np.isclose(diff.updates, diff.true_updates, rtol=1e-12, atol=1e-15))
    names = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    specs = c.display_record().specs
    assert names == {specs[i].symbol.unicode for i in np.flatnonzero(differs)}
    assert all(spec.layer == 1 for spec in (specs[i] for i in np.flatnonzero(differs)))
    assert window.bug_banner.text().startswith("Found: ")  # named: the banner says which
    dialog.close()
