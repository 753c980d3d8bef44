"""The chain-rule path's badges on the network drawing: each unit and link on the selection's paths labelled
with its local derivative, ``∂b₁/∂α₁ = 0.2114``, ``∂β₁/∂b₁ = w₁₁ = 0.475`` (the numbers are
``model.chain_paths.path_highlight``'s). A badge keeps the width of the widest numbers it is likely to show, so
the numbers of the next Steps seldom move the labels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..model.naming import net_symbol, threshold_symbol, unit_symbol, weight_symbol
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MINUS
from ..model.text import fill
from .topology_text import number_template


def _factors(names: Sequence[str], numbers: Sequence[str]) -> str:
    """One line per local derivative: ``∂b₁/∂α₁ = 0.2114``; an output's two: ``∂Eₖ/∂ŷ₁ = −0.5781`` and
    ``∂ŷ₁/∂β₁ = 0.2439`` (two lines, each symbol beside its own number)."""
    return "\n".join(f"{name} = {number}" for name, number in zip(names, numbers))


def path_badges(n_layers: int, units: Mapping[tuple[int, int], str], links: Mapping[int, tuple[int, int | None, int]],
                link_texts: Mapping[int, str], updated: bool) -> tuple[dict[tuple[int, int], str], dict[int, str]]:
    """Each path badge with its local derivative's symbol: ``∂b₁/∂α₁ = 0.2114``, ``∂β₁/∂b₁ = w₁₁ = 0.475``.

    ``units``: (layer, 0-based unit) → the numbers (``path_highlight``'s text, factors joined by " · ");
    ``links``: parameter index → (layer, 0-based source or None, 0-based target) of every link drawn;
    ``link_texts``: parameter index → its numbers. Which derivative each number is follows from the path's
    shape: a link whose source is on the path carries ∂β_j/∂b_h = w_hj (the weight, "(used)" once
    ``updated`` shows the new one), the parameter's own link ∂α_h/∂v_ih = x_i; an output unit
    ∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j (∂ŷ_j/∂θ_j when θ_j is the parameter), any other unit ∂b_h/∂α_h (∂b_h/∂γ_h).
    A text that does not fit that shape (or is empty: a hovered factor) is kept as it is.
    """
    on_path = {key for key, text in units.items() if text}

    def d(top: str, bottom: str) -> str:
        return f"∂{top}/∂{bottom}"

    out_links: dict[int, str] = {}
    own_link = False
    for index, text in link_texts.items():
        ends = links.get(index)
        numbers = text.split(" · ") if text else []
        s = ends[1] if ends is not None else None
        if ends is None or s is None or len(numbers) != 1:
            out_links[index] = text
            continue
        k, t = ends[0], ends[2]
        net = net_symbol(k, t + 1, n_layers).unicode
        source, w = unit_symbol(k - 1, s + 1, n_layers).unicode, weight_symbol(k, s + 1, t + 1, n_layers).unicode
        if (k - 1, s) in on_path:
            if updated:  # the link is drawn with the new weight now: its badge names the one the path used
                w = fill(QCoreApplication.translate("TopologyView", "%1 (used)"), w) + "\n"
            out_links[index] = f"{d(net, source)} = {w} = {numbers[0]}".replace("\n =", "\n=")
        else:
            own_link = True
            out_links[index] = f"{d(net, w)} = {source} = {numbers[0]}"
    lowest = min((key[0] for key in on_path), default=-1)
    out_units: dict[tuple[int, int], str] = {}
    for (k, u), text in units.items():
        numbers = text.split(" · ") if text else []
        out = unit_symbol(k, u + 1, n_layers).unicode
        # The parameter is a threshold when no link of the path is its own: the lowest unit's slope is ∂out/∂γ.
        below = threshold_symbol(k, u + 1, n_layers).unicode if not own_link and k == lowest else \
            net_symbol(k, u + 1, n_layers).unicode
        if k == n_layers and len(numbers) == 2:
            out_units[(k, u)] = _factors((d("Eₖ", out), d(out, below)), numbers)
        elif 0 < k < n_layers and len(numbers) == 1:
            out_units[(k, u)] = _factors((d(out, below),), numbers)
        else:
            out_units[(k, u)] = text
    return out_units, out_links


def write_badges(units: Mapping[tuple[int, int], Any], thresholds: Mapping[int, Any], links: Mapping[int, Any],
                 path_units: dict[tuple[int, int], str], path_links: Mapping[int, str], n_layers: int, updated: bool,
                 badged: set[Any], digits: int = DEFAULT_DIGITS) -> bool:
    """Write each unit's and link's path badge (:func:`path_badges`); True if one changed size.

    ``units``: each unit drawn, by (layer, 0-based unit); ``thresholds``: each unit drawn by its threshold's
    parameter index (a threshold drawn as a label, not a dummy link, badges beside its unit).

    A threshold drawn as a label (not a dummy link) writes its badge beside its unit, which joins
    ``path_units`` (with no text of its own). ``badged``: the items whose badge has a text, kept up to date
    here; only they and the items of the new path are written (a 784-128-10 network has ~900 units). A badge
    given a text reserves the width of its text with each number as wide as :func:`number_template` at
    ``digits`` (as every number label does), so the next Steps' numbers rarely widen it and place the labels again.
    """
    ends = {i: (link.layer, link.source, link.target) for i, link in ((i, links.get(i)) for i in path_links)
            if link is not None}
    unit_texts, link_texts = path_badges(n_layers, path_units, ends, path_links, updated)
    grew = False
    # (looked up, not searched: a step reads the path's ~20 items, not the ~900 units)
    wanted = {units[key] for key in unit_texts if key in units} | {thresholds[i] for i in link_texts if i in thresholds}
    for u in wanted | {item for item in badged if hasattr(item, "unit")}:  # a unit, not a link
        texts = [unit_texts.get((u.layer, u.unit), "")]
        if u.param_index in link_texts and u.param_index not in links:
            texts.append(link_texts[u.param_index])
        grew |= _write_badge(u.path_label, "  ".join(t for t in texts if t), digits)
        if u.path_label.text():
            path_units.setdefault((u.layer, u.unit), "")
            badged.add(u)
        else:
            badged.discard(u)
    old_links = [item for item in badged if links.get(item.param_index) is item]
    for link in {*(links[i] for i in link_texts if i in links), *old_links}:
        grew |= _write_badge(link.path_label, link_texts.get(link.param_index, ""), digits)
        (badged.add if link.path_label.text() else badged.discard)(link)
    return grew


# A number as the drawing writes it (format_number): sign, digits, a point, a ×10 exponent in superscripts.
_NUMBER = re.compile("[" + MINUS + r"-]?\d[\d.]*(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")


def _write_badge(label: Any, text: str, digits: int) -> bool:
    """Set a path badge's text; a badge that had none first reserves ``badge_template(text, digits)``, and one
    whose text is wider than its reserve reserves about the widest numbers of the kinds it now shows
    (``badge_template(…, widest=True)``): the next Steps' numbers of those kinds almost always fit, so the
    labels are not placed again at each. True if the badge's box changed size."""
    if text and not label.text():
        label.set_reserve(badge_template(text, digits))
    before = label.size()[0]
    grew = bool(label.set_text(text))
    if grew and text and label.size()[0] > before:
        label.set_reserve(badge_template(text, digits, widest=True))
    return grew


def badge_template(text: str, digits: int, widest: bool = False) -> str:
    """``text`` with every number written as :func:`number_template` (about the widest at ``digits``);
    ``widest``: each number as about the widest of its kind: with a power of ten ``−8.888×10⁻⁸⁸``, without one
    ``−0.0008888`` (the smallest magnitude written without a power of ten, at 4 digits, is 10⁻⁴)."""
    if not widest:
        return _NUMBER.sub(number_template(digits), text)
    digits = max(1, min(digits, MAX_DIGITS))
    plain = MINUS + "0.000" + "8" * digits
    powered = MINUS + "8." + "8" * (digits - 1) + "×10⁻⁸⁸"
    return _NUMBER.sub(lambda m: powered if "×" in m.group() else plain, text)
