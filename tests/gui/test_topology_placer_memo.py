"""Issue 11: the label placer's memo (which box refused each candidate last time) places every label exactly
as a placement from scratch, step after step, and tests again only the candidates a change can reach."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF

from bpgui.views import topology_layout as geo


@dataclass(eq=False)
class FakeLabel:
    w: float
    h: float
    t: str = "0.1234"

    def size(self) -> tuple[float, float]:
        return self.w, self.h

    def text(self) -> str:
        return self.t


coord = st.floats(-200, 200, allow_nan=False).map(lambda v: round(v * 4) / 4)  # touching edges happen
size = st.one_of(st.floats(0, 90, allow_nan=False).map(lambda v: round(v * 4) / 4), st.sampled_from([0.0, 8.0, 40.0]))


def _same(a: tuple[dict[Any, QPointF], int, QRectF], b: tuple[dict[Any, QPointF], int, QRectF]) -> bool:
    return a[1:] == b[1:] and {id(k): (v.x(), v.y()) for k, v in a[0].items()} == {
        id(k): (v.x(), v.y()) for k, v in b[0].items()}


@st.composite
def histories(draw) -> tuple[list[QRectF], list[tuple[Any, tuple[QPointF, ...]]], list[geo.Line], list[Any]]:
    """A scene and several steps, each resizing, replacing or moving some labels, or changing the lines."""
    obstacles = [QRectF(draw(coord), draw(coord), draw(size), draw(size)) for _ in range(draw(st.integers(0, 6)))]
    wanted = [(FakeLabel(draw(size), draw(size), draw(st.sampled_from(["", "1"]))),
               tuple(QPointF(draw(coord), draw(coord)) for _ in range(draw(st.integers(0, 10)))))
              for _ in range(draw(st.integers(1, 30)))]
    lines = [geo.Line(QPointF(draw(coord), draw(coord)), QPointF(draw(coord), draw(coord)),
                      draw(st.floats(0, 6, allow_nan=False)), ())
             for _ in range(draw(st.integers(0, 2)))]
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        changes = [draw(st.sampled_from(["keep", "keep", "keep", "resize", "new", "move"])) for _ in wanted]
        sizes = [(draw(size), draw(size)) for _ in wanted]
        moves = [QPointF(draw(coord), draw(coord)) for _ in wanted]
        widen = draw(st.sampled_from([None, 0.0, 2.5]))
        steps.append((changes, sizes, moves, widen))
    return obstacles, wanted, lines, steps


@settings(max_examples=400, deadline=None)
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
