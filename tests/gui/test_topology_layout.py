"""Where the network drawing puts its units: layers centred on the tallest, wide layers collapsed."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF

from bpgui.views.topology_layout import (
    EDGE_UNITS,
    LAYER_GAP,
    UNIT_GAP,
    along_link,
    dummy_place,
    layer_places,
    link_label_place,
    parameter_offsets,
    shown_units,
)


def test_parameter_offsets_follow_the_canonical_flat_order():
    # v (2×2), γ (2), w (2×1), θ (1)
    assert parameter_offsets((2, 2, 1)) == ((0, 4), (6, 8))
    assert parameter_offsets((3, 4, 2, 1)) == ((0, 12), (16, 24), (26, 28))


def test_layers_are_centred_on_the_tallest():
    inputs, hidden, outputs = layer_places((2, 3, 1))
    assert [p.x() for p in hidden.units.values()] == [LAYER_GAP] * 3
    assert [p.y() for p in hidden.units.values()] == [0.0, UNIT_GAP, 2 * UNIT_GAP]
    assert [p.y() for p in inputs.units.values()] == [UNIT_GAP / 2, 3 * UNIT_GAP / 2]
    assert outputs.units[0].y() == UNIT_GAP and outputs.units[0].x() == 2 * LAYER_GAP
    assert inputs.more is hidden.more is outputs.more is None


def test_a_wide_layer_shows_its_ends_around_the_more_marker():
    assert shown_units(30) == [*range(EDGE_UNITS), *range(30 - EDGE_UNITS, 30)]
    _inputs, wide, _output = layer_places((2, 30, 1))
    assert list(wide.units) == shown_units(30)
    assert wide.units[EDGE_UNITS - 1].y() == (EDGE_UNITS - 1) * UNIT_GAP
    assert wide.more is not None and wide.more.y() == EDGE_UNITS * UNIT_GAP  # the slot between the ends
    assert wide.units[30 - EDGE_UNITS].y() == (EDGE_UNITS + 1) * UNIT_GAP


def test_labels_and_the_dummy_input_sit_between_the_layers():
    inputs, hidden, _ = layer_places((2, 2, 1))
    first = link_label_place(inputs.units[0], hidden.units[1], 0, 2)
    last = link_label_place(inputs.units[1], hidden.units[0], 1, 2)
    assert first.x() < last.x()  # staggered: crossing links do not stack their labels
    dummy = dummy_place(1, list(inputs.units.values()))
    assert 0 < dummy.x() < LAYER_GAP and dummy.y() < min(p.y() for p in inputs.units.values())


@settings(max_examples=60, deadline=None)
@given(coords=st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=4, max_size=4),
       rank=st.integers(0, 30), extra=st.integers(0, 30), inset=st.floats(0, 200))
def test_a_links_label_places_lie_on_it(coords, rank, extra, inset):
    source, target = QPointF(coords[0], coords[1]), QPointF(coords[2], coords[3])
    n_sources = rank + 1 + extra
    places = along_link(source, target, rank, n_sources, inset)
    if abs(target.x() - source.x()) + abs(target.y() - source.y()) > 1:
        assert len(places) == len({(p.x(), p.y()) for p in places})  # each a place of its own
    for p in places:  # each is source + (target - source) * f for one fraction f of the link, in [0, 1]
        d = target - source
        if abs(d.x()) >= abs(d.y()):  # (the fraction read off the longer side: the one a float keeps best)
            f = (p.x() - source.x()) / d.x() if d.x() else 0.0
        else:
            f = (p.y() - source.y()) / d.y()
        expected = source + d * f
        assert abs(p.x() - expected.x()) <= 1e-9 * (1 + abs(expected.x()))
        assert abs(p.y() - expected.y()) <= 1e-9 * (1 + abs(expected.y()))
        assert -1e-12 <= f <= 1 + 1e-12


def test_a_links_label_places_are_made_once_when_first_wanted():
    from bpgui.views.topology_items import Link

    link = Link(0, 1, 0, 0)
    link.place_labels_along(QPointF(0, 0), QPointF(100, 40), 0, 2, 10.0)
    places = link.candidates
    assert link.candidates is places  # (the placer's memo compares lists by identity)
    assert [(p.x(), p.y()) for p in places] == [
        (p.x(), p.y()) for p in along_link(QPointF(0, 0), QPointF(100, 40), 0, 2, 10.0)]
    link.place_labels_along(QPointF(0, 0), QPointF(50, 0), 1, 2)
    assert link.candidates is not places and link.candidates[0].y() == 0
