"""The network drawing's looks: each link's weight (colour, width); for a phase or a lit path, which items are
lit, on the path, dimmed; which one is selected."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from PySide6.QtCore import QPointF

from ..model.phases import UPDATE, PhaseView
from .topology_items import DIM_LINK, DIM_TEXT, Label, Link, Unit


def apply_looks(units: Sequence[Sequence[Unit]], links: Mapping[int, Link], phase: PhaseView | None,
                path_units: Mapping[tuple[int, int], str], path_links: Mapping[int, str]) -> None:
    """Each item's pen and fade: a lit path (everything else dimmed), or else what ``phase`` computes lit."""
    path = bool(path_units or path_links)
    for index, link in links.items():
        on_path = index in path_links
        link.set_looks(on_path, not path and phase is not None and phase.lights(index)
                       and phase.phase.kind != UPDATE)
        if path:
            opacity = 1.0 if on_path else DIM_LINK
        else:
            opacity = 1.0 if phase is None or phase.lights(index) else DIM_LINK
        link.set_dimmed(opacity != 1.0)
        link.label.setOpacity(1.0 if opacity == 1.0 else DIM_TEXT)
    for layer in units:
        for u in layer:
            key = (u.layer, u.unit)
            on_path = key in path_units or u.param_index in path_links
            u.set_looks(on_path, not path and phase is not None and key in phase.lit_units
                        and phase.phase.kind != UPDATE)
            u.set_dimmed(not on_path if path else phase is not None and key not in phase.lit_units)


# A link's width runs over [0.6, 6] in steps of 1/256 of that range (0.02 px: no step shows), so a weight that
# barely moves (every weight, when the largest changes in its ninth digit) keeps its pen and is not drawn again.
WIDTH_STEPS = 256


def link_looks(values: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Each weight's link look: (positive?, width), the width 0.6 + 5.4 |w| / ``scale`` (at most 6, in
    ``WIDTH_STEPS`` steps; 0.6 for a value that is not finite or a ``scale`` that is not above 0)."""
    values = np.asarray(values, dtype=float)
    positive = values >= 0
    if not scale > 0:
        return positive, np.full(values.shape, 0.6)
    with np.errstate(invalid="ignore", over="ignore"):
        share = np.minimum(1.0, np.abs(values) / scale)
    share = np.where(np.isfinite(values) & np.isfinite(share), share, 0.0)
    return positive, 0.6 + 5.4 * (np.round(share * WIDTH_STEPS) / WIDTH_STEPS)


def restyle_links(links: list[Link], values: np.ndarray, scale: float,
                  last: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray]:
    """Give each link (``values[i]`` is ``links[i]``'s weight) its look, touching only the links whose look
    changed since ``last`` (what the previous call answered; None: every link). Answers the looks given."""
    positive, width = link_looks(values, scale)
    if last is None or last[0].shape != positive.shape:
        changed: list[int] = list(range(len(links)))
    else:
        changed = np.flatnonzero((positive != last[0]) | (width != last[1])).tolist()
    for i in changed:
        links[i].set_weight_look(bool(positive[i]), float(width[i]))
    return positive, width


def put_labels(labels: Iterable[Label], places: Mapping[Label, QPointF],
               shown: Mapping[Label, QPointF] | None) -> dict[Label, QPointF]:
    """Show each label of ``places`` centred there (in the scene) and hide the rest of ``labels``; answers
    what is shown now. ``shown`` (what the last call answered; None: nothing yet) lets only a label that
    moved, appeared or went call Qt: most of a big network's labels stay put from one step to the next."""
    for label in labels:
        if label not in places:
            label.setVisible(False)
    for label, centre in places.items():
        if shown is None or label not in shown or shown[label] != centre:
            parent = label.parentItem()
            label.setPos(centre - parent.pos() if parent is not None else centre)
            label.setVisible(True)
    return dict(places)


def apply_selection(units: Sequence[Sequence[Unit]], links: Mapping[int, Link], selected: int) -> None:
    """The selected parameter's look on its link, or on the unit whose threshold it is; none on the rest."""
    for i, link in links.items():
        link.set_selected_look(i == selected)
    for layer in units:
        for u in layer:
            u.set_selected_look(u.param_index >= 0 and u.param_index == selected)
