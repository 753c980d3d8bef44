"""Issue 11: a step restyles only the links whose look changed and moves only the labels whose place changed;
each link still looks as its weight asks (width within a hundredth of a pixel of 0.6 + 5.4 |w| / max |w|)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.network import Network
from bpgui.views.topology import NEGATIVE, POSITIVE, TopologyView
from bpgui.views.topology_items import Label, Link
from bpgui.views.topology_looks import WIDTH_STEPS, link_looks


def _exact_width(value: float, scale: float) -> float:
    """The width before the steps (the formula the drawing always used)."""
    return 0.6 + 5.4 * min(1.0, abs(value) / scale) if scale > 0 and math.isfinite(value) else 0.6


values = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.floats(-3, 3))


@settings(max_examples=300, deadline=None)
@given(st.lists(values, min_size=1, max_size=20), st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                                                             st.floats(1e-3, 5)))
def test_a_links_width_is_its_weights_within_half_a_step_and_its_colour_its_sign(weights, scale):
    positive, width = link_looks(np.array(weights), scale)
    for value, sign, w in zip(weights, positive.tolist(), width.tolist()):
        assert sign == (value >= 0)
        assert 0.6 <= w <= 6.0
        assert abs(w - _exact_width(value, scale)) <= 5.4 / WIDTH_STEPS / 2 + 1e-12


def _view(qtbot, sizes=(6, 5, 3)) -> TopologyView:
    view = TopologyView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.set_structure(sizes)
    view.show()
    return view


def _with(net: Network, flat: np.ndarray) -> Network:
    flat = flat.copy()
    flat.setflags(write=False)
    return net.with_flat(flat)


def _count(monkeypatch, owner, name) -> list:
    calls: list = []
    original = getattr(owner, name)
    monkeypatch.setattr(owner, name, lambda self, *a: calls.append((self, *a)) or original(self, *a))
    return calls


def test_a_state_restyles_only_the_links_whose_look_changed(qtbot, monkeypatch):
    view = _view(qtbot)
    net = Network.initialise((6, 5, 3), seed=3)
    view.show_state(net, None)
    pens = _count(monkeypatch, Link, "setPen")
    flat = net.flat.copy()
    largest = int(np.argmax(np.abs(flat)))
    flat[largest] *= 1 + 1e-9  # the largest weight moves in its ninth digit: every share moves, no look does
    view.show_state(_with(net, flat), None)
    assert pens == []
    links = [i for i in range(len(flat)) if view.link_for(i) is not None and i != largest]
    flat[links[0]] = -flat[links[0]]  # one sign, one width
    flat[links[1]] = flat[links[1]] * 0.5 if abs(flat[links[1]]) > 0.1 else 0.3
    view.show_state(_with(net, flat), None)
    assert sorted(link.param_index for link, *_ in pens) == sorted(links[:2])
    scale = float(np.max(np.abs(flat)))
    for index in range(len(flat)):  # and every pen is the one its weight asks for
        link = view.link_for(index)
        if link is not None:
            assert link.pen().color() == (POSITIVE if flat[index] >= 0 else NEGATIVE)
            assert link.pen().widthF() == pytest.approx(_exact_width(flat[index], scale), abs=5.4 / WIDTH_STEPS)


def test_a_placement_moves_shows_and_hides_only_the_labels_whose_place_changed(qtbot, monkeypatch):
    view = _view(qtbot)
    net = Network.initialise((6, 5, 3), seed=3)
    view.show_state(net, None)
    moves, shows = _count(monkeypatch, Label, "setPos"), _count(monkeypatch, Label, "setVisible")
    view.show_state(net, None)
    view._place_labels()  # nothing moved: nothing to tell Qt
    assert moves == [] and shows == []
    before = {label: label.isVisible() for label in view._every_label()}
    view.set_value_labels(False)  # the link labels go: each hidden once; only a label that moved is touched
    hidden = [label for label, on in shows if not on]
    assert hidden and len(hidden) == len(set(hidden)) and all(before[label] for label in hidden)
    assert {link.label for link in view._links.values() if before[link.label]} <= set(hidden)
    moved = {label for label, *_ in moves}
    assert {label for label, on in shows if on} <= moved  # shown again only where it moved to
    assert all(label.isVisible() == before[label] for label in before if label not in moved | set(hidden))
    assert not any(link.label.isVisible() for link in view._links.values())
