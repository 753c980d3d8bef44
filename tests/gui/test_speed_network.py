"""Issue 11: a step with a unit selected skips the network's and the panel's repeated work, and still shows
every number of the new record (no stale number anywhere): counted, never timed."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.controller import Settings, TrainingController
from bpgui.model.numbers import format_number
from bpgui.views import topology_layout as geo
from bpgui.views.topology_items import Link

STEPS = 6


@pytest.fixture()
def wide(qtbot, qsettings, no_dialogs, tmp_path):
    """A 40-30-10 network on a synthetic CSV: collapsed layers, too many links to label them all."""
    from bpgui.views.main_window import MainWindow

    rng = np.random.default_rng(0)
    path = tmp_path / "wide.csv"
    rows = [",".join(f"p{i}" for i in range(40)) + ",digit"]
    rows += [",".join(f"{v:g}" for v in rng.integers(0, 100, 40) / 100) + f",c{rng.integers(0, 10)}"
             for _ in range(30)]
    path.write_text("\n".join(rows) + "\n")
    w = MainWindow(TrainingController(Settings(data=str(path), hidden=(30,), target_error=None)), qsettings)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.pause()
    w.close()


def _count(monkeypatch, owner, name):
    calls = []
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _assert_shows_the_record(window) -> None:
    """Every number drawn and written is the record's shown now."""
    c, topology, digits = window.controller, window.topology, window.shown_digits
    record = c.display_record()
    for layer in (1, 2):
        for u in topology._units[layer]:
            assert u.value_label.text() == format_number(float(record.layers[layer - 1].output[0, u.unit]), digits)
    for index, link in topology._links.items():
        if link.label.text():
            assert link.label.text() == format_number(float(record.flat_values[index]), digits)
    units, links = c.path_highlight(digits)
    for (layer, unit), text in units.items():
        item = topology.unit_item(layer, unit)
        if item is not None and text:
            assert item.path_label.text().endswith(text.split(" · ")[-1])
    for index, text in links.items():
        if index in topology._links and text:
            assert topology.link_for(index).path_label.text().endswith(text)
    layer, unit = c.selected_unit
    if layer > 0:
        panel = window.derivation.text()
        assert format_number(float(record.layers[layer - 1].net[0, unit]), digits) in panel
        assert format_number(float(record.layers[layer - 1].output[0, unit]), digits) in panel
        assert format_number(float(record.flat_gradients[c.selected_parameter]), digits) in panel


@pytest.mark.parametrize("selected", [False, True])
def test_a_step_places_the_labels_once_and_shows_the_new_records_numbers(wide, monkeypatch, selected):
    c = wide.controller
    c.step()
    if selected:
        c.select_unit(1, 0)  # hidden unit 1 and γ_1: its chain rule, paths through every output, forward pass
    placements = _count(monkeypatch, geo, "place_labels")
    for _ in range(STEPS):
        before = len(placements)
        c.step()
        assert len(placements) - before <= 1  # the state and its path: one placement at most
        _assert_shows_the_record(wide)


def test_a_step_sets_each_links_pen_once_at_most_and_an_unchanged_one_not_at_all(wide, monkeypatch):
    c = _with_a_path(wide)
    pens = _count(monkeypatch, Link, "setPen")
    c.step()
    assert 0 < len(pens) <= len(wide.topology._links)
    assert len({id(args[0]) for args in pens}) == len(pens)  # no link twice
    pens.clear()
    wide.refresh_numbers()  # the same state drawn again: no pen changes
    assert pens == []
    record = c.display_record()
    scale = float(np.max(np.abs(record.flat_values)))
    for index, link in wide.topology._links.items():  # and each pen is the one its weight asks for
        width = 0.6 + 5.4 * min(1.0, abs(float(record.flat_values[index])) / scale)
        on_path, selected = link._path, link._selected
        extra = 5 if selected else 3 if on_path else 2.5 if link._lit else 0
        assert link.pen().widthF() == pytest.approx(width + extra, abs=5.4 / 512 + 1e-9)  # 1/256 steps of the range


def test_a_units_click_builds_its_chain_rule_and_forward_pass_once(wide, monkeypatch):
    c = wide.controller
    c.step()
    derivations = _count(monkeypatch, TrainingController, "derivation")
    forwards = _count(monkeypatch, TrainingController, "forward_arithmetic")
    wide.topology.unit_selected.emit(1, 2)
    assert c.selected_unit == (1, 2)
    assert len(derivations) == 1 and len(forwards) == 1
    _assert_shows_the_record(wide)
    c.step()  # a new state builds them again
    assert len(derivations) == 2 and len(forwards) == 2
    _assert_shows_the_record(wide)
    c.step_back()
    _assert_shows_the_record(wide)


def test_the_digits_and_a_hand_edit_redraw_the_selection(wide):
    c = wide.controller
    c.step()
    c.select_unit(1, 0)
    wide.set_digits(7)
    _assert_shows_the_record(wide)
    c.edit_parameter(c.selected_parameter, 0.25)  # the preview of the next iteration is a new record
    _assert_shows_the_record(wide)
    assert "0.25" in wide.derivation.text()


def test_stepping_keeps_the_panels_place_and_size_and_an_unchanged_text_is_not_set_again(wide, qtbot,
                                                                                          monkeypatch):
    """The chain rule is one document laid out once per text: its size hints never follow the text (a
    longer chain does not re-lay out the window), and a learner reading its bottom stays there."""
    c, label = wide.controller, wide.derivation.label
    c.step()
    c.select_unit(1, 0)
    qtbot.wait(10)
    bar = label.verticalScrollBar()
    assert bar.maximum() > 0  # longer than the panel
    bar.setValue(bar.maximum())
    hints, kept, text = (label.sizeHint(), label.minimumSizeHint()), bar.value(), label.text()
    c.step()
    assert label.text() != text  # the new iteration's numbers
    _assert_shows_the_record(wide)
    assert bar.value() == kept and (label.sizeHint(), label.minimumSizeHint()) == hints
    built = []
    monkeypatch.setattr(label, "setHtml", lambda html: built.append(html))
    wide.derivation.show_selection(c.forward_arithmetic(), c.derivation()[0], paths=c.chain_paths())
    assert built == []  # the same text: nothing built again
    c.select_unit(2, 3)  # another text: built once
    assert len(built) == 1


@pytest.mark.parametrize("selected", [False, True])
def test_a_step_writes_only_the_link_labels_the_drawing_shows_and_any_other_reads_the_new_number(
        wide, monkeypatch, selected):
    from bpgui.views.topology_items import Label

    c, topology = wide.controller, wide.topology
    c.step()
    if selected:
        c.select_unit(1, 0)
    written = _count(monkeypatch, Label, "set_text")
    c.step()
    link_labels = {link.label for link in topology._links.values()}
    shown = {label for label in link_labels if label.isVisible()}
    assert len(shown) < len(link_labels) // 4  # too many links to label them all
    assert {args[0] for args in written if args[0] in link_labels} <= topology._live  # no left-out one written
    record, digits = c.display_record(), wide.shown_digits
    for index, link in topology._links.items():  # read, a left-out label has the new record's number too
        assert link.label.text() == format_number(float(record.flat_values[index]), digits)
    assert all(label.isVisible() == (label in shown) for label in link_labels)


def _with_a_path(window):
    """One step, then hidden unit 1 selected (its threshold γ_1 too): a path through every output."""
    c = window.controller
    c.step()
    c.select_unit(1, 0)
    return c


def test_the_same_path_and_phase_set_no_looks_again(wide, monkeypatch):
    c = _with_a_path(wide)
    pens = _count(monkeypatch, Link, "set_looks")
    fades = _count(monkeypatch, Link, "set_dimmed")
    c.step()
    assert pens == [] and fades == []  # the same path: the looks of the last step stand
    c.select_unit(1, 2)  # another path: looked at again
    assert len(pens) == len(wide.topology._links)


def test_a_step_writes_the_paths_badges_once_and_the_phase_walk_writes_them_again(wide, monkeypatch):
    from bpgui.views import topology_badges

    c = _with_a_path(wide)
    writes = _count(monkeypatch, topology_badges, "write_badges")
    placements = _count(monkeypatch, geo, "place_labels")
    for n in range(1, STEPS + 1):
        c.step()
        assert len(writes) == n  # the new path's numbers; not the old path's first (show_state)
        _assert_shows_the_record(wide)
    wide.refresh_numbers()  # the same state drawn again: nothing to write, nothing to place
    assert len(writes) == STEPS and len(placements) <= STEPS
    for _ in range(len(c.phase_plan) + 1):  # walk the next iteration's phases up to its update
        c.step_phase()
        if c.phase_view is not None and c.phase_view.updated:
            break
    assert c.phase_view is not None and c.phase_view.updated
    assert len(writes) > STEPS  # the update renames the weights the path used: written again
    assert any("(used)" in link.path_label.text() for link in wide.topology._links.values())
