"""The practice book: answers checked and kept per iteration, the score, and plain data that loads back."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import load_builtin
from bpgui.model.errors import DataError
from bpgui.model.network import Network
from bpgui.model.practice import mistakes as mk
from bpgui.model.practice.grading import AnswerError, rounded_text
from bpgui.model.training import Trainer, TrainingConfig
from bpgui.session.practice import MISTAKE_TEXTS, PracticeBook, fingerprint


def _trainer(seed=0, eta=0.5):
    return Trainer(Network.initialise((2, 2, 1), seed=seed), load_builtin("xor"),
                   config=TrainingConfig(learning_rate=eta))


def _acts(trainer):
    return trainer.network.activations, trainer.network.loss


def test_a_check_grades_names_the_mistake_and_is_kept_for_its_iteration():
    trainer = _trainer()
    rec = trainer.step()
    book = PracticeBook()
    acts, loss = _acts(trainer)
    g = book.sheet(rec, acts, loss).cell("delta:2:1")
    right = book.check(rec, acts, loss, "delta:2:1", rounded_text(g.value, 3))
    assert right.right and right.mistakes == () and right.value == g.value and right.quantity == "output_delta"
    y, yh = float(rec.targets[0, 0]), float(rec.layers[-1].output[0, 0])
    wrong = book.check(rec, acts, loss, "delta:2:1", rounded_text(y - yh, 4))  # f′ left out
    assert not wrong.right and wrong.mistakes == (mk.NO_SLOPE,)
    assert wrong.gap == pytest.approx((y - yh) - g.value, abs=1e-4)
    assert book.answers(rec, acts, loss)["delta:2:1"] == wrong  # the latest answer is what the sheet shows
    assert book.score() == (1, 2) and book.missed() == [("output_delta", 1)]
    assert book.mistakes_made() == [(mk.NO_SLOPE, 1)]
    assert set(MISTAKE_TEXTS) == {mk.SIGN, mk.GRADIENT_SIGN, mk.NO_SLOPE, mk.UPDATED_W, mk.NO_ETA, mk.SWAPPED,
                                  mk.ADDED, mk.HALF_KEPT}


def test_a_refused_answer_or_an_unknown_cell_keeps_nothing():
    trainer = _trainer()
    rec = trainer.step()
    book = PracticeBook()
    acts, loss = _acts(trainer)
    with pytest.raises(AnswerError):
        book.check(rec, acts, loss, "error", "abc")
    with pytest.raises(AnswerError):
        book.check(rec, acts, loss, "error", "0.1")  # one significant digit
    with pytest.raises(KeyError):
        book.check(rec, acts, loss, "no such cell", "0.12")
    assert book.checks == () and book.score() == (0, 0) and book.answers(rec, acts, loss) == {}


def test_step_back_reopens_an_iterations_answers_and_a_changed_iteration_gets_a_fresh_sheet():
    trainer = _trainer()
    book = PracticeBook()
    acts, loss = _acts(trainer)
    first = trainer.step()
    book.check(first, acts, loss, "error", rounded_text(float(first.sample_errors[0]), 4))
    second = trainer.step()
    assert book.answers(second, acts, loss) == {}
    trainer.step_back()
    trainer.step_back()
    again = trainer.step()  # the same iteration 1, computed again
    assert again is not first and fingerprint(again) == fingerprint(first)
    assert book.answers(again, acts, loss)["error"].right
    # another start (another seed): iteration 1 is another iteration, its sheet is empty; nothing is lost
    other = _trainer(seed=7).step()
    assert other.iteration == first.iteration and fingerprint(other) != fingerprint(first)
    assert book.answers(other, acts, loss) == {} and book.score() == (1, 1)
    # so is the same start with another η, or another activation or loss
    assert fingerprint(_trainer(eta=0.9).step()) != fingerprint(first)
    assert fingerprint(first, acts, loss) != fingerprint(first, ("tanh", "sigmoid"), loss)
    assert fingerprint(first, acts, loss) != fingerprint(first, acts, "cross_entropy")


def test_pressing_enter_again_on_the_same_answer_counts_once():
    trainer = _trainer()
    rec = trainer.step()
    acts, loss = _acts(trainer)
    book = PracticeBook()
    text = rounded_text(float(rec.sample_errors[0]), 4)
    first = book.check(rec, acts, loss, "error", text)
    assert book.check(rec, acts, loss, "error", " " + text + " ") is first and book.score() == (1, 1)
    book.check(rec, acts, loss, "error", "0.99")
    book.check(rec, acts, loss, "error", text)  # back to the right one after a wrong one: a new check
    assert book.score() == (2, 3)


def test_the_score_counts_every_check_and_ranks_what_was_missed():
    trainer = _trainer()
    acts, loss = _acts(trainer)
    book = PracticeBook()
    rec = trainer.step()
    sheet = book.sheet(rec, acts, loss)
    wrong = {"net:1:1": 2, "update:6": 3, "error": 2}
    for key, times in wrong.items():
        for n in range(times):  # a new wrong number each time (the same one again counts once)
            book.check(rec, acts, loss, key, rounded_text(sheet.cell(key).value * 2 + 1 + n, 4))
    book.check(rec, acts, loss, "update:6", rounded_text(sheet.cell("update:6").value, 5))
    assert book.score() == (1, 8)
    assert book.missed() == [("update", 3), ("net", 2), ("error", 2)]


def test_plain_data_round_trips_through_json():
    trainer = _trainer()
    acts, loss = _acts(trainer)
    book = PracticeBook()
    for _ in range(3):
        rec = trainer.step()
        sheet = book.sheet(rec, acts, loss)
        for cell in sheet.cells[:6]:
            book.check(rec, acts, loss, cell.key, rounded_text(cell.value, 3))
        book.check(rec, acts, loss, "update:6", rounded_text(-sheet.cell("update:6").value, 3))  # sign flipped
        book.check(rec, acts, loss, "error", "9.9e400")  # beyond a float: its gap is NaN
    text = json.dumps(book.to_data(), allow_nan=False)
    back = PracticeBook.from_data(json.loads(text))
    assert len(back.checks) == len(book.checks)
    for a, b in zip(book.checks, back.checks, strict=True):
        assert (a.iteration, a.iteration_id, a.key, a.quantity, a.text, a.right, a.value, a.mistakes) == \
               (b.iteration, b.iteration_id, b.key, b.quantity, b.text, b.right, b.value, b.mistakes)
        # a gap past a float (the typed 9.9e400: +inf) comes back as the largest float: the side is kept
        assert a.gap == b.gap or (math.isinf(a.gap) and b.gap == math.copysign(1.7976931348623157e308, a.gap))
    assert back.score() == book.score() and back.missed() == book.missed()
    assert back.answers(rec, acts, loss).keys() == book.answers(rec, acts, loss).keys()
    assert (mk.SIGN,) in {c.mistakes for c in back.checks}


@pytest.mark.parametrize(("data", "key"), [
    ([], "(top level)"),
    ({"format": "x", "version": 1, "checks": []}, "format"),
    ({"format": "bpgui-practice", "version": True, "checks": []}, "version"),
    ({"format": "bpgui-practice", "version": 1, "checks": {}}, "checks"),
    ({"format": "bpgui-practice", "version": 1, "checks": [3]}, "checks[0]"),
])
def test_malformed_data_is_refused_naming_its_key(data, key):
    with pytest.raises(DataError) as info:
        PracticeBook.from_data(data, "lesson.json")
    assert f"lesson.json: {key}: expected" in str(info.value)


def _good_row():
    return {"iteration": 1, "iteration_id": "ab", "key": "error", "quantity": "error", "text": "0.17",
            "right": True, "value": 0.167, "gap": 0.003, "mistakes": []}


@pytest.mark.parametrize(("field", "bad"), [
    ("iteration", -1), ("iteration", 1.5), ("iteration", True), ("right", 1), ("value", float("inf")),
    ("value", "0.1"), ("gap", "x"), ("mistakes", "sign"), ("key", None), ("text", 3)])
def test_a_malformed_check_names_its_field(field, bad):
    row = _good_row()
    row[field] = bad
    with pytest.raises(DataError) as info:
        PracticeBook.from_data({"format": "bpgui-practice", "version": 1, "checks": [_good_row(), row]})
    assert f"checks[1].{field}: expected" in str(info.value)


def test_an_unknown_mistake_is_refused():
    row = _good_row() | {"right": False, "mistakes": ["sign", "gremlins"]}
    with pytest.raises(DataError, match=r"checks\[0\]\.mistakes\[1\]"):
        PracticeBook.from_data({"format": "bpgui-practice", "version": 1, "checks": [row]})


_json = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=True) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                 max_size=6), max_leaves=20)


# a check whose every field is mostly the good one, else anything at all (so some load and some are refused);
# its mistakes any list of names, good or not, nested or not
_names = st.lists(st.one_of(st.sampled_from(sorted(MISTAKE_TEXTS)), st.text(max_size=6), _json), max_size=3)
_rows = st.fixed_dictionaries({k: (st.one_of(st.just(v), st.just(v), st.just(v), _json) if k != "mistakes"
                                   else _names) for k, v in _good_row().items()})


loaded: list[int] = []


@settings(max_examples=120, deadline=None)
@given(st.one_of(_json, st.fixed_dictionaries({"format": st.just("bpgui-practice"), "version": st.just(1),
                                                "checks": st.lists(st.one_of(_rows, _json), max_size=3)})))
def test_hostile_data_loads_or_is_refused_with_a_data_error(data):
    try:
        book = PracticeBook.from_data(data)
    except DataError as exc:
        assert ": expected " in str(exc)
    else:
        assert len(book.checks) == len(data["checks"])  # a book that loads holds every check
        json.dumps(book.to_data(), allow_nan=False)  # and writes strict JSON again
        loaded.append(len(book.checks))
