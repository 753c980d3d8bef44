"""Where the network drawing puts things: layers left to right, units top to bottom, labels apart.

Why one module (over 500 lines): the places of units, links and labels are one geometry (a label's
candidates follow from the spacing, the placer from the candidates); each piece is pure and small.

Layers are ``layer_gap`` apart and centred on the tallest one; a unit takes a
slot ``unit_gap`` high (both grow with the text scale: :func:`gaps`). A layer
wider than ``MAX_UNITS_SHOWN`` shows its first and last ``EDGE_UNITS`` units
around one empty slot, where the "⋯ n more" marker goes. Positions are the
centres of the items, in scene coordinates.

:class:`LabelPlacer` keeps labels apart: each label, most important first,
takes the first of its candidate places (:func:`around_unit`,
:func:`along_link`) whose box meets no box placed before it and no unit; a
label with no free place is left out, and the drawing says so.
:func:`wanted_labels` says which labels are wanted, in which order. Pure
geometry: no item is made here (the items are only read).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPointF, QRectF

MAX_UNITS_SHOWN = 24
EDGE_UNITS = 8  # shown at each end of a collapsed layer
LAYER_GAP = 230.0  # at text scale 1 with 4 digits
UNIT_GAP = 104.0
LABEL_GAP = 3.0  # between a label and what it stands beside
COMPACT_LINKS = 6  # up to this many links between two layers, they are drawn as close as their labels allow
LAYER_AIR = 16.0  # beyond what two link labels side by side need between two layers


def layer_gap_for(radius: float, number_width: float, layer_sizes: Sequence[int] = ()) -> float:
    """The distance between layers: what their link labels need between the circles, and some air.

    A network with one hidden layer at most and at most ``COMPACT_LINKS``
    links between two layers has its crossing links carry their labels side
    by side at one height (see :func:`along_link`), each clear of its circle
    and of the other: nothing more, so that large text makes a compact
    drawing (which fitting then enlarges) rather than a wide one. Other
    networks need room to stagger more labels (and their wider symbols, b⁽²⁾_h).
    """
    most_links = max((a * b for a, b in pairwise(layer_sizes)), default=0)
    if len(layer_sizes) <= 3 and most_links <= COMPACT_LINKS:
        return 2 * radius + 2 * number_width + 3 * LABEL_GAP + LAYER_AIR
    return max(LAYER_GAP, 2 * radius + 2.6 * number_width + 40)


def unit_gaps(layer_sizes: Sequence[int], radius: float, row_height: float) -> list[float]:
    """Per layer, the height of a unit's slot: roomy where the layer is short, compact where it is tall.

    A roomy slot holds two rows of labels above the circle and two below; a
    compact one little more than the circle (its labels go beside it). The
    drawing is as tall as its tallest layer packed compactly (and at least
    three roomy slots); every other layer spreads to the roomy slot within that height.
    """
    roomy = max(UNIT_GAP, 2 * radius + 4 * (row_height + LABEL_GAP) + 16)
    compact = max(2 * radius + 12, 2 * row_height + 14)
    height = max(max(_slots(n) * compact for n in layer_sizes), 3 * roomy)
    return [max(compact, min(roomy, height / _slots(n))) for n in layer_sizes]


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
class Spacing:
    """How far apart the drawing's pieces are, at one text scale."""

    radius: float  # a unit's
    layer_gap: float  # between the centres of two layers
    dummy_rise: float  # how far above the layer before it a −1 input sits
    inset: float  # how far across from a unit's centre a link label starts (0: at fixed fractions of the link)


def spacing_for(radius: float, number_width: float, layer_sizes: Sequence[int], dummy_rise: float) -> Spacing:
    """The drawing's spacing: compact (labels just clear of the circles) where :func:`layer_gap_for` allows it."""
    gap = layer_gap_for(radius, number_width, layer_sizes)
    compact = gap < max(LAYER_GAP, 2 * radius + 2.6 * number_width + 40)
    return Spacing(radius, gap, dummy_rise, radius + number_width / 2 + LABEL_GAP if compact else 0.0)


@dataclass(frozen=True)
class LayerPlaces:
    """Where one layer is drawn."""

    units: dict[int, QPointF]  # each shown unit (0-based) → its centre, top to bottom
    more: QPointF | None  # the centre of the "⋯ n more" marker of a collapsed layer


def _slots(n: int) -> int:
    return len(shown_units(n)) + (1 if n > MAX_UNITS_SHOWN else 0)


def layer_places(layer_sizes: Sequence[int], unit_gap: float | Sequence[float] = UNIT_GAP,
                 layer_gap: float = LAYER_GAP) -> list[LayerPlaces]:
    """The places of every layer's units, layers centred on the tallest (``unit_gap``: one, or one per layer)."""
    gaps = [float(unit_gap)] * len(layer_sizes) if isinstance(unit_gap, (int, float)) else list(unit_gap)
    tallest = max(_slots(n) * g for n, g in zip(layer_sizes, gaps))
    places = []
    for k, (n, unit_gap) in enumerate(zip(layer_sizes, gaps)):
        collapsed = n > MAX_UNITS_SHOWN
        top = (tallest - _slots(n) * unit_gap) / 2
        units = {}
        for s, u in enumerate(shown_units(n)):
            slot = s + (1 if collapsed and s >= EDGE_UNITS else 0)
            units[u] = QPointF(k * layer_gap, top + slot * unit_gap)
        more = QPointF(k * layer_gap, top + EDGE_UNITS * unit_gap) if collapsed else None
        places.append(LayerPlaces(units, more))
    return places


def link_label_place(source: QPointF, target: QPointF, rank: int, n_sources: int) -> QPointF:
    """Where a link's value label sits first: staggered along the link by its source's rank.

    Crossing links from different sources so don't stack their labels.
    """
    return source + (target - source) * _stagger(rank, n_sources)


def _stagger(rank: int, n_sources: int) -> float:
    return 0.28 + 0.44 * (rank / max(1, n_sources - 1))


def along_link(source: QPointF, target: QPointF, rank: int, n_sources: int, inset: float = 0.0) -> list[QPointF]:
    """Candidate centres for a link's label: its staggered place first, then others along the link.

    With ``inset`` (how far across from a unit's centre a label clears its
    circle), the labels of the first and last sources stand just clear of
    the circles at either end instead of at fixed fractions of the link.
    """
    first = _stagger(rank, n_sources)
    extra: list[float] = []
    dx = abs(target.x() - source.x())
    if inset > 0 and dx > 0:
        low = min(0.5, inset / dx)
        first = low + (1 - 2 * low) * (rank / max(1, n_sources - 1))
        extra = [low, 1 - low, 0.5 * (low + first), 0.5 * (1 - low + first)]
    others = sorted({0.5, 0.38, 0.62, 0.3, 0.7, 0.22, 0.78, 0.45, 0.55, 0.16, 0.84, *extra} - {first},
                    key=lambda f: abs(f - first))
    sx, sy = source.x(), source.y()
    dx, dy = target.x() - sx, target.y() - sy  # (source + (target - source) * f, in the same float steps)
    return [QPointF(sx + dx * f, sy + dy * f) for f in (first, *others)]


# Where a label goes around a unit, most wanted first: (x, y) in units of (half
# the label's width + the radius, the label's height), see around_unit.
ABOVE, ABOVE_2, BELOW, BELOW_2, RIGHT, LEFT = "above", "above2", "below", "below2", "right", "left"
_RING = (BELOW, ABOVE, RIGHT, LEFT, BELOW_2, ABOVE_2, "right_up", "right_down", "left_up", "left_down",
         "below_3", "above_3")


def around_unit(centre: QPointF, radius: float, width: float, height: float,
                prefer: Sequence[str]) -> list[QPointF]:
    """Candidate centres for a ``width`` × ``height`` label beside a unit: ``prefer`` first, then the ring."""
    g = LABEL_GAP
    # The second and third rows clear a first row of the larger label font (a delta's is smaller) with air.
    second, third = radius + 2 * g + 2 + 1.6 * height, radius + 3 * g + 4 + 2.7 * height
    side = radius + g + width / 2
    diagonal = side + 2 * g  # clear of a label centred above or below the unit
    offsets = {
        ABOVE: (0.0, -(radius + g + height / 2)),
        ABOVE_2: (0.0, -second),
        "above_3": (0.0, -third),
        BELOW: (0.0, radius + g + height / 2),
        BELOW_2: (0.0, second),
        "below_3": (0.0, third),
        RIGHT: (side, 0.0),
        LEFT: (-side, 0.0),
        "right_up": (diagonal, -(height + g)),
        "right_down": (diagonal, height + g),
        "left_up": (-diagonal, -(height + g)),
        "left_down": (-diagonal, height + g),
    }
    order = list(prefer) + [name for name in _RING if name not in prefer]
    return [centre + QPointF(*offsets[name]) for name in order]


@lru_cache(maxsize=4096)
def _around(x: float, y: float, radius: float, width: float, height: float,
            prefer: tuple[str, ...]) -> tuple[QPointF, ...]:
    """:func:`around_unit` kept: a label keeps its size from step to step, so its places are the same."""
    return tuple(around_unit(QPointF(x, y), radius, width, height, prefer))


def dummy_place(layer: int, sources: Sequence[QPointF], unit_gap: float = UNIT_GAP * 0.9,
                layer_gap: float = LAYER_GAP) -> QPointF:
    """Where the −1 input feeding ``layer`` sits: ``unit_gap`` above the layer before, a third of the way across."""
    top = min(p.y() for p in sources)
    return QPointF((layer - 1) * layer_gap + layer_gap * 0.35, top - unit_gap)


def dummy_label_place(dummy: QPointF, target: QPointF) -> QPointF:
    """Where the value label of a threshold link from the −1 input sits."""
    return dummy + (target - dummy) * 0.55


def centred(centre: QPointF, width: float, height: float) -> QRectF:
    return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)


FREE = -2  # in a placement's trace: the candidate's box met no box (an obstacle's owner is -1, a label's its step)


class LabelPlacer:
    """Boxes placed so far, in a coarse grid so that each test looks at a few neighbours only.

    Boxes are kept as plain floats (left, top, right, bottom) and tested as ``QRectF.intersects`` tests
    them (an empty box meets nothing): the same answers, without a Qt call per test (a step of a big
    network tests thousands of candidate places). Each box knows its owner: -1 an obstacle, else the
    step of the placement that took it, so that a placement can say which box refused each candidate.
    """

    CELL = 80.0

    def __init__(self, obstacles: Iterable[QRectF] = ()) -> None:
        self._grid: dict[tuple[int, int], list[tuple[float, float, float, float, int]]] = {}
        # The box that refused the last candidate, likely the next's too (at first one that meets nothing).
        self._blocker = (math.inf, math.inf, -math.inf, -math.inf, -1)
        for rect in obstacles:
            self.add(rect)

    def add(self, rect: QRectF) -> None:
        x, y = rect.x(), rect.y()
        self._add(x, y, x + rect.width(), y + rect.height())

    def _add(self, left: float, top: float, right: float, bottom: float, owner: int = -1) -> None:
        if left == right or top == bottom:
            return  # an empty box meets nothing
        c, box = self.CELL, (left, top, right, bottom, owner)
        for gx in range(int(left // c), int(right // c) + 1):
            for gy in range(int(top // c), int(bottom // c) + 1):
                self._grid.setdefault((gx, gy), []).append(box)

    def is_free(self, rect: QRectF) -> bool:
        x, y = rect.x(), rect.y()
        return self._free(x, y, x + rect.width(), y + rect.height())

    def _free(self, left: float, top: float, right: float, bottom: float) -> bool:
        return self._hit(left, top, right, bottom) == FREE

    def _hit(self, left: float, top: float, right: float, bottom: float) -> int:
        """The owner of a box the box (left, top, right, bottom) meets, or FREE."""
        if left == right or top == bottom:
            return FREE
        l2, t2, r2, b2, owner = self._blocker
        if left < r2 and l2 < right and top < b2 and t2 < bottom:
            return owner
        c, grid = self.CELL, self._grid
        for gx in range(int(left // c), int(right // c) + 1):
            for gy in range(int(top // c), int(bottom // c) + 1):
                for box in grid.get((gx, gy), ()):
                    l2, t2, r2, b2, owner = box
                    if left < r2 and l2 < right and top < b2 and t2 < bottom:
                        self._blocker = box
                        return owner
        return FREE

    def place(self, width: float, height: float, candidates: Iterable[QPointF],
              lines: Sequence[Line] = (), owner: Any = None) -> QPointF | None:
        """The first candidate centre whose box is free and off every line not ``owner``'s (then taken), or None."""
        others = [line for line in lines if owner not in line.owners]
        half_w, half_h = width / 2, height / 2
        for centre in candidates:
            x, y = centre.x() - half_w, centre.y() - half_h  # the box centred there (as ``centred``)
            if self._free(x, y, x + width, y + height) and not any(
                    line.meets_box(x, y, width, height) for line in others):
                self._take(x, y, width, height)
                return centre
        return None

    def place_traced(self, width: float, height: float, candidates: Sequence[QPointF], lines: Sequence[Line] = (),
                     owner: Any = None, step: int = -1) -> tuple[int | None, tuple[int, ...], tuple[int, ...]]:
        """:meth:`place`, answering the index of the candidate taken (or None), those free of every box that
        a line refused, and the trace: for each candidate tested, the owner of the box that refused it (or
        FREE). The box taken is ``step``'s."""
        return self._scan(width, height, candidates, lines, owner, step, (), (), True)

    def place_again(self, width: float, height: float, candidates: Sequence[QPointF], lines: Sequence[Line],
                    owner: Any, step: int, trace: tuple[int, ...], kept: Sequence[bool],
                    grown: bool) -> tuple[int | None, tuple[int, ...], tuple[int, ...]]:
        """:meth:`place_traced` for a label of the size and candidates whose last placement left ``trace``:
        a candidate a box refused then is refused now without a test, if that box is still there (an
        obstacle, or the box of a step ``kept`` says took the same box again); unless ``grown`` (a box
        is there that was not), one no box refused then is still free of boxes."""
        return self._scan(width, height, candidates, lines, owner, step, trace, kept, grown)

    def _scan(self, width: float, height: float, candidates: Sequence[QPointF], lines: Sequence[Line], owner: Any,
              step: int, trace: tuple[int, ...], kept: Sequence[bool],
              grown: bool) -> tuple[int | None, tuple[int, ...], tuple[int, ...]]:
        others = [line for line in lines if owner not in line.owners]
        half_w, half_h = width / 2, height / 2
        refused: list[int] = []
        now: list[int] = []
        known = len(trace)
        for i, centre in enumerate(candidates):
            by = trace[i] if i < known else FREE
            if by != FREE and (by < 0 or kept[by]):  # the box that refused it is still there
                now.append(by)
                continue
            x, y = centre.x() - half_w, centre.y() - half_h
            if by != FREE or grown or i >= known:
                by = self._hit(x, y, x + width, y + height)
            now.append(by)
            if by == FREE:
                if any(line.meets_box(x, y, width, height) for line in others):
                    refused.append(i)
                    continue
                self._take(x, y, width, height, step)
                return i, tuple(refused), tuple(now)
        return None, tuple(refused), tuple(now)

    @staticmethod
    def box(centre: QPointF, width: float, height: float) -> tuple[float, float, float, float]:
        """The box taken for a ``width`` × ``height`` label centred at ``centre``, its hair of air included."""
        x1, y1 = (centre.x() - width / 2) - 1, (centre.y() - height / 2) - 1
        return x1, y1, x1 + ((width + 1) + 1), y1 + ((height + 1) + 1)

    def _take(self, x: float, y: float, width: float, height: float, owner: int = -1) -> None:
        # A hair of air between neighbours: touching boxes read as one (``QRectF.adjusted(-1, -1, 1, 1)``).
        x1, y1 = x - 1, y - 1
        self._add(x1, y1, x1 + ((width + 1) + 1), y1 + ((height + 1) + 1), owner)


@dataclass(frozen=True)
class Line:
    """A line no label may sit on (a lit path's link, the selected link) but its ``owners`` (its own labels)."""

    p1: QPointF
    p2: QPointF
    half_width: float
    owners: tuple[Any, ...] = ()
    _ends: tuple[float, float, float, float] = field(init=False, repr=False, compare=False)
    _reach: tuple[float, float, float, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        x0, y0, x1, y1 = self.p1.x(), self.p1.y(), self.p2.x(), self.p2.y()
        object.__setattr__(self, "_ends", (x0, y0, x1, y1))
        # Beyond this box (the segment's, widened by its half width and a pixel more than any rounding) no
        # box can meet it: tested first, without clipping.
        d = self.half_width + 1
        object.__setattr__(self, "_reach", (min(x0, x1) - d, min(y0, y1) - d, max(x0, x1) + d, max(y0, y1) + d))

    def meets(self, rect: QRectF) -> bool:
        """Whether the line, ``half_width`` thick, crosses ``rect`` (Liang–Barsky clipping of the segment)."""
        return self.meets_box(rect.x(), rect.y(), rect.width(), rect.height())

    def meets_box(self, x: float, y: float, width: float, height: float) -> bool:
        """:meth:`meets` for the box at (x, y) of that size."""
        rl, rt, rr, rb = self._reach
        if x > rr or y > rb or x + width < rl or y + height < rt:
            return False
        d = self.half_width
        left, top = x - d, y - d  # the box widened by d on every side, as QRectF.adjusted(-d, -d, d, d)
        right, bottom = left + ((width + d) + d), top + ((height + d) + d)
        x0, y0, x1, y1 = self._ends
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True

def place_labels(obstacles: Sequence[QRectF], wanted: Iterable[tuple[Any, Sequence[QPointF]]],
                 lines: Sequence[Line] = (), memo: list[Any] | None = None) -> tuple[dict[Any, QPointF], int, QRectF]:
    """Each wanted label's centre, in order (a label with no free place is left out; none sits on ``lines``).

    Returns ({label: centre}, how many labels with a text were left out, the bounds of everything placed).
    ``memo`` (a list the caller keeps, empty at first) holds this placement's steps: the next call with
    the same obstacles, for as long as the labels come in the same order, takes a label's box again without a
    test while every box and line before it is as it was (a lit path that stays, a step that changes no
    width); otherwise it places a label of the same size
    and candidates again knowing which box refused each candidate last time: while that box is still
    there (an obstacle, or a label before it in the same place again), the candidate is refused without
    a test; only the others are tested against the boxes (and the lines). Each label's place depends only
    on those before it, so the places are exactly those of a placement from scratch; a step of a big
    network changes a few numbers' widths, and only the labels whose boxes they meet test anything again.
    """
    placer = LabelPlacer(obstacles)
    places: dict[Any, QPointF] = {}
    dropped = 0
    bounds = QRectF()
    for rect in obstacles:
        bounds = bounds.united(rect)
    scene = tuple((r.x(), r.y(), r.width(), r.height()) for r in obstacles)
    # The lines as they refuse boxes: a placement with the same lines refuses the same boxes again.
    marked = tuple((line._ends, line.half_width, line.owners) for line in lines)
    Box = tuple[float, float, float, float]
    steps: list[tuple[Any, float, float, Sequence[QPointF], int | None, Box | None, tuple[int, ...]]] = []
    before = memo[1] if memo and memo[0] == scene else []
    same_lines = memo is not None and len(memo) == 3 and memo[0] == scene and memo[2] == marked  # gone ones too
    kept: list[bool] = []  # per step: it took the box it took last time (or none again)
    grown = False  # a step took a box it did not take last time
    same = True  # every step so far took the box it took last time
    for n, (label, candidates) in enumerate(wanted):
        w, h = label.size()
        old = before[n] if n < len(before) else None
        if old is not None and old[0] is not label:
            before, old = [], None  # another order from here on: nothing more to compare with
        if old is not None and old[1] == w and old[2] == h and (old[3] is candidates or old[3] == candidates):
            if same and same_lines:  # every box so far as it was, and every line: so is this label's
                index, box, trace = old[4], old[5], old[6]
                if box is not None:
                    placer._add(box[0], box[1], box[2], box[3], n)
            else:
                index, _, trace = placer.place_again(w, h, candidates, lines, label, n, old[6], kept, grown)
                box = old[5] if index == old[4] else None if index is None else placer.box(candidates[index], w, h)
        else:
            index, _, trace = placer.place_traced(w, h, candidates, lines, label, n)
            box = None if index is None else placer.box(candidates[index], w, h)
        kept.append(old is not None and box == old[5])
        grown = grown or (box is not None and not kept[-1])
        same = same and kept[-1]
        steps.append((label, w, h, candidates, index, box, trace))
        if index is None:
            dropped += 1 if label.text() else 0
            continue
        centre = candidates[index]
        places[label] = centre
        bounds = bounds.united(centred(centre, w, h))
    if memo is not None:
        memo[:] = [scene, steps, marked]
    return places, dropped, bounds


@dataclass(frozen=True)
class Wanted:
    """What decides which labels the drawing wants, and in which order."""

    focus: tuple[int, int] | None  # the unit the learner chose: its labels and its links' first
    selected: int  # the selected parameter (its link's label comes first)
    path_units: set[tuple[int, int]]
    path_links: set[int]
    compact: Sequence[bool]  # per layer: labels beside the units
    n_layers: int
    values: bool  # numbers on the drawing at all
    dummy: bool  # thresholds drawn as links from −1
    links_limited: bool  # too many links: only the chosen ones carry labels
    record: bool
    phase: bool
    badged: frozenset[int] = frozenset()  # path links whose badge replaces their value label
    chosen: Sequence[int] | None = None  # focus_links(links, selected, focus), if the caller kept it


def focus_links(links: Mapping[int, Any], selected: int, focus: tuple[int, int] | None) -> list[int]:
    """The links whose values the learner asked for: the selected link, the focused unit's links."""
    chosen = [selected] if selected in links else []
    if focus is not None:
        k, u = focus
        chosen += [i for i, link in links.items() if i != selected and (
            (link.layer == k and link.target == u) or (link.layer == k + 1 and link.source == u))]
    return chosen


def beside_link(label: Any, along: list[QPointF], rows: int) -> tuple[Any, Sequence[QPointF]]:
    """A link label's candidates: on its link first, then just above or below it (up to ``rows`` rows away).

    Kept on the label while its height, ``rows`` and ``along`` (its link's list) stay the same.
    """
    h = label.size()[1]
    kept = getattr(label, "beside_kept", None)
    if kept is not None and kept[0] == (h, rows) and kept[1] is along:
        return label, kept[2]
    shifts = [sign * (h * (0.5 + row) + LABEL_GAP + 4) for row in range(rows) for sign in (-1, 1)]
    places = tuple(along + [p + QPointF(0, d) for d in shifts for p in along])
    label.beside_kept = ((h, rows), along, places)
    return label, places


def wanted_labels(units: Sequence[Any], links: Mapping[int, Any], more: Sequence[tuple[Any, QPointF]],
                  w: Wanted) -> list[tuple[Any, Sequence[QPointF]]]:
    """Every label the drawing should show, most important first, with its candidate centres.

    The "more" markers and names first, the focused unit's labels, every
    unit's labels (value, threshold, target, α/β, delta: in their usual
    places, path or not), then a highlighted path's numbers in free places,
    the focused unit's links', and last the other links' (a path link's
    badge replaces its value label).
    """
    chosen = [i for i in (focus_links(links, w.selected, w.focus) if w.chosen is None else w.chosen)
              if i not in w.badged]
    out: list[tuple[Any, Sequence[QPointF]]] = [(label, (centre,)) for label, centre in more]

    def around(u: Any, label: Any, *prefer: str) -> tuple[Any, Sequence[QPointF]]:
        width, height = label.size()
        p = u.pos()
        return label, _around(p.x(), p.y(), u.radius, width, height, prefer)  # the same tuple for the same place

    out += [around(u, u.name_label, LEFT if u.layer == 0 else RIGHT) for u in units if u.name_label.text()]
    # A unit's badge in a row of its own above or below it, clear of the links that leave it sideways.
    badges = [around(u, u.path_label, BELOW_2, "below_3", ABOVE_2, "above_3", "right_up", "left_up") for u in units
              if (u.layer, u.unit) in w.path_units]
    badges += [beside_link(links[i].path_label, links[i].candidates, 5) for i in sorted(w.path_links) if i in links]
    focus = [u for u in units if (u.layer, u.unit) == w.focus]
    rest = [u for u in units if (u.layer, u.unit) != w.focus]
    for group in (focus, rest):
        for u in group:
            side = w.compact[u.layer]
            if w.values:
                out.append(around(u, u.value_label, RIGHT if side else BELOW))
            if u.layer > 0 and not w.dummy:
                out.append(around(u, u.threshold_label, "right_up" if side else ABOVE))
            if w.values and u.layer == w.n_layers and w.record:
                out.append(around(u, u.target_label, RIGHT, "right_down"))
            if w.values and u.layer > 0 and w.record:
                out.append(around(u, u.net_label, "left_up" if side else ABOVE_2, "left_up"))
            if u.layer > 0 and w.phase:
                out.append(around(u, u.delta_label, "left_down" if side else BELOW_2, BELOW, LEFT))
    out += badges
    if w.values:
        out += [beside_link(links[i].label, links[i].candidates, 1) for i in chosen]
    if w.values and not w.links_limited:
        out += [beside_link(link.label, link.candidates, 1) for i, link in links.items()
                if i not in chosen and i not in w.badged]
    return out


def path_rect(units, links, path_units, path_links) -> QRectF:
    """The scene rectangle of a lit path's units, links and their badges (``units``: per layer, the drawn
    units; ``links``: parameter index → link)."""
    items = [u for layer in units for u in layer if (u.layer, u.unit) in path_units]
    items += [link for i, link in links.items() if i in path_links]
    rect = QRectF()
    for item in items:
        rect = rect.united(item.sceneBoundingRect()).united(item.path_label.sceneBoundingRect())
    return rect
