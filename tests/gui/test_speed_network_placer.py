"""The fast label placer places exactly as the QRectF placer it replaced (kept here as the reference)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF

from bpgui.views import topology_layout as geo

# ---- the placer as it was: every test a QRectF call (the reference) -------------------------------


def _cells(rect: QRectF, c: float = 80.0):
    for gx in range(int(rect.left() // c), int(rect.right() // c) + 1):
        for gy in range(int(rect.top() // c), int(rect.bottom() // c) + 1):
            yield gx, gy


def _meets(line: geo.Line, rect: QRectF) -> bool:
    d = line.half_width
    r = rect.adjusted(-d, -d, d, d)
    x0, y0 = line.p1.x(), line.p1.y()
    dx, dy = line.p2.x() - x0, line.p2.y() - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - r.left()), (dx, r.right() - x0), (-dy, y0 - r.top()), (dy, r.bottom() - y0)):
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


def reference_place_labels(obstacles, wanted, lines=()):
    grid: dict[tuple[int, int], list[QRectF]] = {}

    def add(rect: QRectF) -> None:
        for cell in _cells(rect):
            grid.setdefault(cell, []).append(rect)

    for rect in obstacles:
        add(rect)
    places, dropped, bounds = {}, 0, QRectF()
    for rect in obstacles:
        bounds = bounds.united(rect)
    for label, candidates in wanted:
        w, h = label.size()
        found = None
        for centre in candidates:
            rect = geo.centred(centre, w, h)
            free = not any(rect.intersects(o) for cell in _cells(rect) for o in grid.get(cell, ()))
            if free and not any(label not in line.owners and _meets(line, rect) for line in lines):
                add(rect.adjusted(-1, -1, 1, 1))
                found = centre
                break
        if found is None:
            dropped += 1 if label.text() else 0
            continue
        places[label] = found
        bounds = bounds.united(geo.centred(found, w, h))
    return places, dropped, bounds


@dataclass(eq=False)
class FakeLabel:
    w: float
    h: float
    t: str = "0.1234"

    def size(self) -> tuple[float, float]:
        return self.w, self.h

    def text(self) -> str:
        return self.t


coord = st.floats(-300, 300, allow_nan=False).map(lambda v: round(v * 8) / 8)  # touching edges happen
size = st.one_of(st.floats(0, 120, allow_nan=False), st.sampled_from([0.0, 8.0, 40.0, 64.34375]))


@st.composite
def scenes(draw) -> tuple[list[QRectF], list[tuple[Any, list[QPointF]]], list[geo.Line]]:
    obstacles = [QRectF(draw(coord), draw(coord), draw(size), draw(size)) for _ in range(draw(st.integers(0, 8)))]
    labels = [FakeLabel(draw(size), draw(size), draw(st.sampled_from(["", "1"])))
              for _ in range(draw(st.integers(1, 25)))]
    wanted = [(label, [QPointF(draw(coord), draw(coord)) for _ in range(draw(st.integers(0, 12)))])
              for label in labels]
    lines = [geo.Line(QPointF(draw(coord), draw(coord)), QPointF(draw(coord), draw(coord)),
                      draw(st.floats(0, 6, allow_nan=False)),
                      tuple(draw(st.lists(st.sampled_from(labels), max_size=2))))
             for _ in range(draw(st.integers(0, 4)))]
    return obstacles, wanted, lines


@settings(max_examples=120, deadline=None)
@given(scenes())
def test_the_fast_placer_places_every_label_where_the_reference_does(scene):
    obstacles, wanted, lines = scene
    ref_places, ref_dropped, ref_bounds = reference_place_labels(obstacles, wanted, lines)
    places, dropped, bounds = geo.place_labels(obstacles, wanted, lines)
    assert dropped == ref_dropped and bounds == ref_bounds
    assert {id(k): (v.x(), v.y()) for k, v in places.items()} == {id(k): (v.x(), v.y()) for k, v in ref_places.items()}


@settings(max_examples=120, deadline=None)
@given(st.tuples(coord, coord, coord, coord), st.floats(0, 8, allow_nan=False), st.tuples(coord, coord, size, size))
def test_a_line_meets_a_box_exactly_when_the_qrectf_test_says(ends, half, box):
    line = geo.Line(QPointF(ends[0], ends[1]), QPointF(ends[2], ends[3]), half)
    rect = QRectF(*box)
    assert line.meets(rect) == _meets(line, rect)


@st.composite
def changed_scenes(draw):
    """A scene, and what the next step changes: some labels new or resized, some candidates moved, lines widened."""
    obstacles, wanted, lines = draw(scenes())
    plan = []
    for _, candidates in wanted:
        new = draw(st.booleans()) and draw(st.booleans())
        resize = (draw(size), draw(size)) if draw(st.booleans()) else None
        move = (draw(st.integers(0, len(candidates) - 1)), QPointF(draw(coord), draw(coord))) \
            if candidates and draw(st.booleans()) else None
        plan.append((new, resize, move))
    later_lines = [geo.Line(line.p1, line.p2, draw(st.sampled_from([line.half_width, 0.0, 3.5])), line.owners)
                   for line in lines]
    return obstacles, wanted, lines, plan, later_lines


@settings(max_examples=120, deadline=None)
@given(changed_scenes())
def test_a_placement_taken_from_the_last_one_places_every_label_as_from_scratch(scenes):
    obstacles, wanted, lines, plan, later_lines = scenes
    memo: list = []
    geo.place_labels(obstacles, wanted, lines, memo)
    assert [step[0] for step in memo[1]] == [label for label, _ in wanted]
    later = []
    for (label, candidates), (new, resize, move) in zip(wanted, plan):
        if new:
            label = FakeLabel(label.w, label.h, label.t)
        if resize is not None:
            label.w, label.h = resize
        if move is not None:
            candidates = list(candidates)
            candidates[move[0]] = move[1]
        later.append((label, candidates))
    ref_places, ref_dropped, ref_bounds = reference_place_labels(obstacles, later, later_lines)
    places, dropped, bounds = geo.place_labels(obstacles, later, later_lines, memo)
    assert dropped == ref_dropped and bounds == ref_bounds
    assert {id(k): (v.x(), v.y()) for k, v in places.items()} == {id(k): (v.x(), v.y()) for k, v in ref_places.items()}
    again = geo.place_labels(obstacles, later, later_lines, memo)  # nothing changed: all taken from the memo
    assert again[1:] == (dropped, bounds) and again[0] == places


def test_a_placement_with_nothing_changed_tests_no_candidate(monkeypatch):
    labels = [FakeLabel(40, 12) for _ in range(6)]
    wanted = [(label, [QPointF(20 * i, 0), QPointF(20 * i, 30)]) for i, label in enumerate(labels)]
    memo: list = []
    first = geo.place_labels([QRectF(0, 0, 10, 10)], wanted, [], memo)
    traced: list = []
    real = geo.LabelPlacer.place_traced
    monkeypatch.setattr(geo.LabelPlacer, "place_traced", lambda self, *a: traced.append(a) or real(self, *a))
    assert geo.place_labels([QRectF(0, 0, 10, 10)], wanted, [], memo) == first
    assert traced == []
    labels[4].w = 60  # one label wider: it is placed again (and those its boxes may have moved)
    assert geo.place_labels([QRectF(0, 0, 10, 10)], wanted, [], memo) == reference_place_labels(
        [QRectF(0, 0, 10, 10)], wanted, [])
    assert 1 <= len(traced) <= 2

def test_a_lit_path_that_stays_tests_no_candidate_again(monkeypatch):
    """With a path lit (lines no label may sit on), a step that changes no box and no line places nothing again
    (a 784-128-10 step with a unit selected re-tested ~150 labels), and a line that moves is heeded."""
    units = [QRectF(100 * i - 10, -10, 20, 20) for i in range(6)]
    labels = [FakeLabel(30, 12) for _ in units]
    wanted = [(label, (QPointF(100 * i, 0), QPointF(100 * i, 30), QPointF(100 * i, 60))) for i, label in
              enumerate(labels)]

    def path(half_width: float) -> list:  # built anew each step, as the view does: equal, not the same objects
        return [geo.Line(QPointF(-50, 42), QPointF(600, 42), half_width, (labels[0],))]

    memo: list = []
    first = geo.place_labels(units, wanted, path(1.0), memo)
    assert _same(first, reference_place_labels(units, wanted, path(1.0)))
    tested = _counting(monkeypatch)
    assert _same(geo.place_labels(units, wanted, path(1.0), memo), first) and tested == []
    wider = geo.place_labels(units, wanted, path(7.0), memo)  # the path's link drawn wider: labels move off it
    assert not _same(wider, first) and _same(wider, reference_place_labels(units, wanted, path(7.0)))
    assert _same(geo.place_labels(units, wanted, [], memo), reference_place_labels(units, wanted, []))


# ---- the placer's memo: which box refused each candidate last time (issue 11) ----------------------
# Every placement with the memo equals one from scratch, step after step; only the candidates a change can
# reach are tested again.

at = st.floats(-200, 200, allow_nan=False).map(lambda v: round(v * 4) / 4)  # touching edges happen
side = st.one_of(st.floats(0, 90, allow_nan=False).map(lambda v: round(v * 4) / 4), st.sampled_from([0.0, 8.0, 40.0]))


def _same(a: tuple[dict[Any, QPointF], int, QRectF], b: tuple[dict[Any, QPointF], int, QRectF]) -> bool:
    return a[1:] == b[1:] and {id(k): (v.x(), v.y()) for k, v in a[0].items()} == {
        id(k): (v.x(), v.y()) for k, v in b[0].items()}


@st.composite
def histories(draw) -> tuple[list[QRectF], list[tuple[Any, tuple[QPointF, ...]]], list[geo.Line], list[Any]]:
    """A scene and several steps, each resizing, replacing or moving some labels, or changing the lines."""
    obstacles = [QRectF(draw(at), draw(at), draw(side), draw(side)) for _ in range(draw(st.integers(0, 6)))]
    wanted = [(FakeLabel(draw(side), draw(side), draw(st.sampled_from(["", "1"]))),
               tuple(QPointF(draw(at), draw(at)) for _ in range(draw(st.integers(0, 10)))))
              for _ in range(draw(st.integers(1, 30)))]
    lines = [geo.Line(QPointF(draw(at), draw(at)), QPointF(draw(at), draw(at)),
                      draw(st.floats(0, 6, allow_nan=False)), ())
             for _ in range(draw(st.integers(0, 2)))]
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        changes = [draw(st.sampled_from(["keep", "keep", "keep", "resize", "new", "move"])) for _ in wanted]
        sizes = [(draw(side), draw(side)) for _ in wanted]
        moves = [QPointF(draw(at), draw(at)) for _ in wanted]
        widen = draw(st.sampled_from([None, 0.0, 2.5]))
        steps.append((changes, sizes, moves, widen))
    return obstacles, wanted, lines, steps


@settings(max_examples=120, deadline=None)
@given(histories())
def test_each_step_places_every_label_as_a_placement_from_scratch(history):
    obstacles, wanted, lines, steps = history
    memo: list = []
    assert _same(geo.place_labels(obstacles, wanted, lines, memo), geo.place_labels(obstacles, wanted, lines))
    for changes, sizes, moves, widen in steps:
        later = []
        for (label, candidates), change, new_size, move in zip(wanted, changes, sizes, moves):
            if change == "resize":
                label.w, label.h = new_size
            elif change == "new":
                label = FakeLabel(*new_size, label.t)
            elif change == "move" and candidates:
                candidates = (move, *candidates[1:])
            later.append((label, candidates))
        wanted = later
        if widen is not None:
            lines = [geo.Line(line.p1, line.p2, widen, line.owners) for line in lines]
        placed = geo.place_labels(obstacles, wanted, lines, memo)
        assert _same(placed, geo.place_labels(obstacles, wanted, lines))
        assert _same(geo.place_labels(obstacles, wanted, lines, memo), placed)  # the same again: the same


def _counting(monkeypatch) -> list[tuple[float, ...]]:
    tested: list[tuple[float, ...]] = []
    real = geo.LabelPlacer._hit
    monkeypatch.setattr(geo.LabelPlacer, "_hit", lambda self, *box: tested.append(box) or real(self, *box))
    return tested


def test_a_label_refused_by_boxes_that_stay_is_not_tested_again(monkeypatch):
    # A row of labels, each refused at its first place by a unit (an obstacle) and taking its second.
    units = [QRectF(100 * i - 10, -10, 20, 20) for i in range(6)]
    labels = [FakeLabel(30, 12) for _ in units]
    wanted = [(label, (QPointF(100 * i, 0), QPointF(100 * i, 30))) for i, label in enumerate(labels)]
    memo: list = []
    first = geo.place_labels(units, wanted, [], memo)
    tested = _counting(monkeypatch)
    assert _same(geo.place_labels(units, wanted, [], memo), first) and tested == []  # nothing changed
    labels[2].w = 34  # one label wider: its box grows, in place
    again = geo.place_labels(units, wanted, [], memo)
    assert _same(again, geo.place_labels(units, wanted, []))
    # The wider label's two candidates are tested; after it, each label's own place only (is the box that
    # grew in the way?), never the place a unit refuses.
    tested.clear()
    labels[2].w = 38
    geo.place_labels(units, wanted, [], memo)
    assert len(tested) == 2 + 3
    assert all(abs(box[1] - (-6.0)) > 1 for box in tested[2:])  # no first place (centred on a unit) again


def test_a_label_left_out_stays_out_untested_while_the_boxes_that_refused_it_stay(monkeypatch):
    units = [QRectF(-10, -10, 20, 20), QRectF(-10, 20, 20, 20)]
    grows, boxed_in = FakeLabel(10, 10), FakeLabel(12, 12)
    wanted = [(grows, (QPointF(100, 0),)), (boxed_in, (QPointF(0, 0), QPointF(0, 30)))]  # both places on units
    memo: list = []
    assert geo.place_labels(units, wanted, [], memo)[1] == 1  # left out
    tested = _counting(monkeypatch)
    grows.w = 16
    placed = geo.place_labels(units, wanted, [], memo)
    assert len(tested) == 1  # the label that grew; the one left out is refused by the same two units
    assert _same(placed, geo.place_labels(units, wanted, [])) and boxed_in not in placed[0]
    units_moved = [units[0], QRectF(-10, 60, 20, 20)]  # another scene: everything is placed from scratch
    placed = geo.place_labels(units_moved, wanted, [], memo)
    assert _same(placed, geo.place_labels(units_moved, wanted, [])) and boxed_in in placed[0]


def test_a_label_keeps_its_widest_box_until_emptied_or_given_a_new_reserve(qtbot):
    from bpgui.views.topology_items import Label

    label = Label()
    label.set_reserve("−0.8888")
    least = label.size()[0]
    label.set_text("0.5")
    assert label.size()[0] == least  # a short number: the reserve
    assert label.set_text("0.0004657") and label.size()[0] > least  # wider: the box grows (a new place)
    widest = label.size()[0]
    assert not label.set_text("0.01486") and label.size()[0] == widest  # shrinks back: the box stays
    label.set_text("")
    label.set_text("0.5")
    assert label.size()[0] == least  # emptied (a badge whose path went): the reserve again
    label.set_text("0.0004657")
    label.set_text("1")
    assert label.size()[0] == widest
    label.set_reserve("−0.8888")  # new digits or text size: the template's width again
    assert label.size()[0] == least
