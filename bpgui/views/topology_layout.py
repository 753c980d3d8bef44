"""Where the network drawing puts things: layers left to right, units top to bottom.

Layers are ``LAYER_GAP`` apart and centred on the tallest one; a unit takes a
slot ``UNIT_GAP`` high. A layer wider than ``MAX_UNITS_SHOWN`` shows its first
and last ``EDGE_UNITS`` units around one empty slot, where the "⋯ n more"
marker goes. Positions are the centres of the items, in scene coordinates.
Pure geometry: no item is made here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF

MAX_UNITS_SHOWN = 24
EDGE_UNITS = 8  # shown at each end of a collapsed layer
LAYER_GAP = 230.0
UNIT_GAP = 104.0


def shown_units(n: int) -> list[int]:
    """0-based units drawn for a layer of n (all, or the first and last EDGE_UNITS)."""
    if n <= MAX_UNITS_SHOWN:
        return list(range(n))
    return list(range(EDGE_UNITS)) + list(range(n - EDGE_UNITS, n))


def parameter_offsets(layer_sizes: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """Per layer after the inputs: (first weight, first threshold) in the canonical flat order."""
    layout, offset = [], 0
    for a, b in pairwise(layer_sizes):
        layout.append((offset, offset + a * b))
        offset += a * b + b
    return tuple(layout)


@dataclass(frozen=True)
class LayerPlaces:
    """Where one layer is drawn."""

    units: dict[int, QPointF]  # each shown unit (0-based) → its centre, top to bottom
    more: QPointF | None  # the centre of the "⋯ n more" marker of a collapsed layer


def _slots(n: int) -> int:
    return len(shown_units(n)) + (1 if n > MAX_UNITS_SHOWN else 0)


def layer_places(layer_sizes: Sequence[int]) -> list[LayerPlaces]:
    """The places of every layer's units, layers centred on the tallest."""
    tallest = max(_slots(n) for n in layer_sizes)
    places = []
    for k, n in enumerate(layer_sizes):
        collapsed = n > MAX_UNITS_SHOWN
        top = (tallest - _slots(n)) * UNIT_GAP / 2
        units = {}
        for s, u in enumerate(shown_units(n)):
            slot = s + (1 if collapsed and s >= EDGE_UNITS else 0)
            units[u] = QPointF(k * LAYER_GAP, top + slot * UNIT_GAP)
        more = QPointF(k * LAYER_GAP, top + EDGE_UNITS * UNIT_GAP) if collapsed else None
        places.append(LayerPlaces(units, more))
    return places


def link_label_place(source: QPointF, target: QPointF, rank: int, n_sources: int) -> QPointF:
    """Where a link's value label sits: staggered along the link by its source's rank.

    Crossing links from different sources so don't stack their labels.
    """
    frac = 0.28 + 0.44 * (rank / max(1, n_sources - 1))
    return source + (target - source) * frac


def dummy_place(layer: int, sources: Sequence[QPointF]) -> QPointF:
    """Where the −1 input feeding ``layer`` sits: above the layer before, a third of the way across."""
    top = min(p.y() for p in sources)
    return QPointF((layer - 1) * LAYER_GAP + LAYER_GAP * 0.35, top - UNIT_GAP * 0.9)


def dummy_label_place(dummy: QPointF, target: QPointF) -> QPointF:
    """Where the value label of a threshold link from the −1 input sits."""
    return dummy + (target - dummy) * 0.55
