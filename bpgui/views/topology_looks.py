"""The network drawing's looks for a phase or a lit path: which items are lit, on the path, dimmed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model.phases import UPDATE, PhaseView
from .topology_items import DIM_LINK, DIM_TEXT, Link, Unit


def apply_looks(units: Sequence[Sequence[Unit]], links: Mapping[int, Link], phase: PhaseView | None,
                path_units: Mapping[tuple[int, int], str], path_links: Mapping[int, str]) -> None:
    """Each item's pen and fade: a lit path (everything else dimmed), or else what ``phase`` computes lit."""
    path = bool(path_units or path_links)
    for index, link in links.items():
        on_path = index in path_links
        link.set_looks(on_path, not path and phase is not None and index in phase.lit_parameters
                       and phase.phase.kind != UPDATE)
        if path:
            opacity = 1.0 if on_path else DIM_LINK
        else:
            opacity = 1.0 if phase is None or index in phase.lit_parameters else DIM_LINK
        link.setOpacity(opacity)
        link.label.setOpacity(1.0 if opacity == 1.0 else DIM_TEXT)
    for layer in units:
        for u in layer:
            key = (u.layer, u.unit)
            on_path = key in path_units or u.param_index in path_links
            u.set_looks(on_path, not path and phase is not None and key in phase.lit_units
                        and phase.phase.kind != UPDATE)
            u.set_dimmed(not on_path if path else phase is not None and key not in phase.lit_units)
