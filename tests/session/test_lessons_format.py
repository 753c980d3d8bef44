"""The lesson reader (issue 13): a lesson or a refusal naming the key, whatever the file holds."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.errors import BpguiError, DataError
from bpgui.model.naming import parameter_specs
from bpgui.session.lessons import lesson_from_data, read_lesson
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession

GOOD = {
    "format": "bpgui.lesson", "version": 1,
    "title": {"en": "T", "zh_CN": "标题"},
    "steps": [{"title": {"en": "a", "zh_CN": "甲"}, "text": {"en": "b", "zh_CN": "乙"},
               "state": {"example": "xor", "settings": {"learning_rate": 2, "hidden": [3]}, "steps": 4,
                         "select": "w_21", "tab": "learned", "predict": True},
               "expect": {"t": 4}}],
}


def test_a_good_lesson_reads_and_its_state_is_what_it_says():
    lesson = lesson_from_data(GOOD, "good.json")
    state = lesson.steps[0].state
    assert state.settings_for() == Settings(learning_rate=2.0, hidden=(3,))
    s = TrainingSession(Settings())
    assert s.apply_lesson_state(state)
    assert s.iteration == 4 and s.settings.hidden == (3,)
    assert parameter_specs((2, 3, 1))[s.selected_parameter].name == "w_21"


@pytest.mark.parametrize("path, value, key", [
    (("version",), 2, "version"),
    (("steps",), [], "steps"),
    (("steps", 0, "title", "zh_CN"), "", "steps[0].title.zh_CN"),
    (("steps", 0, "state", "settings", "mode"), "fast", "steps[0].state.settings.mode"),
    (("steps", 0, "state", "settings", "data"), "/etc/passwd", "steps[0].state.settings.data"),
    (("steps", 0, "state", "steps"), -1, "steps[0].state.steps"),
    (("steps", 0, "state", "tab"), "table", "steps[0].state.tab"),
    (("steps", 0, "state", "perceptron"), "nand", "steps[0].state.perceptron"),
    (("steps", 0, "state", "colour"), "red", "steps[0].state.colour"),
    (("steps", 0, "expect", "loss"), 1, "steps[0].expect.loss"),
])
def test_a_wrong_value_is_refused_naming_its_key(path, value, key):
    bad = copy.deepcopy(GOOD)
    where = bad
    for part in path[:-1]:
        where = where[part]
    where[path[-1]] = value
    with pytest.raises(DataError) as caught:
        lesson_from_data(bad, "bad.json")
    assert key in str(caught.value)


def test_a_step_whose_parameter_the_network_lacks_is_refused_when_applied_and_changes_nothing():
    bad = copy.deepcopy(GOOD)
    bad["steps"][0]["state"]["select"] = "w_99"
    lesson = lesson_from_data(bad, "bad.json")
    s = TrainingSession(Settings())
    s.step()
    before = (s.iteration, s.network.flat.tobytes(), s.settings)
    assert not s.apply_lesson_state(lesson.steps[0].state)
    assert (s.iteration, s.network.flat.tobytes(), s.settings) == before


def test_a_file_names_its_line_and_column(tmp_path):
    path = tmp_path / "l.json"
    path.write_text('{"format": "bpgui.lesson",\n "version": 1,,}', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_lesson(str(path))
    assert "line 2, column 15" in str(caught.value)  # the second comma


JSONISH = st.recursive(st.none() | st.booleans() | st.integers(-3, 10**7) | st.floats(allow_nan=True, width=32)
                       | st.text(max_size=6),
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                   max_size=3), max_leaves=8)


@settings(max_examples=80, deadline=None)
@given(where=st.sampled_from([("title",), ("steps",), ("steps", 0), ("steps", 0, "state"),
                              ("steps", 0, "state", "settings"), ("steps", 0, "state", "network"),
                              ("steps", 0, "expect"), ("steps", 0, "text")]), value=JSONISH)
def test_any_value_anywhere_is_a_lesson_or_a_refusal_naming_the_key(where, value):
    bad = json.loads(json.dumps(GOOD))
    node = bad
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    try:
        lesson_from_data(bad, "h.json")
    except BpguiError as exc:  # DataError, or NetworkFileError for a network's keys
        named = ".".join(str(p) for p in where).replace(".0", "[0]")
        assert named.split(".")[0] in str(exc) or "h.json" in str(exc)


def test_closing_a_lesson_gives_save_back_the_learners_file(tmp_path):
    from bpgui.session.lessons import LessonWalk

    s = TrainingSession(Settings())
    s.step()
    path = str(tmp_path / "mine.bpgui")
    s.save_session(path)
    walk = LessonWalk(s, lesson_from_data(GOOD, "good.json"))
    assert walk.go(0) and s.session_path is None  # Save during the lesson asks for a name
    assert walk.close() and s.session_path == path and s.iteration == 1


def test_a_session_file_opened_as_a_lesson_says_it_is_not_one():
    with pytest.raises(DataError) as caught:
        lesson_from_data({"format": "bpgui.session", "version": 1, "settings": {}}, "s.bpgui")
    assert "format: expected 'bpgui.lesson', got 'bpgui.session'" in str(caught.value)


def test_a_second_lesson_over_a_first_keeps_the_learners_run_from_before_both(tmp_path):
    from bpgui.session.lessons import LessonWalk

    s = TrainingSession(Settings())
    for _ in range(7):
        s.step()
    mine = s.network.flat.tobytes()
    first = LessonWalk(s, lesson_from_data(GOOD, "a.json"))
    assert first.go(0)
    second = LessonWalk(s, lesson_from_data(GOOD, "b.json"), carried=first)
    assert second.go(0) and second.close()
    assert s.iteration == 7 and s.network.flat.tobytes() == mine


def test_a_step_with_too_much_training_for_the_window_is_refused_naming_steps():
    from bpgui.session.session_files import lesson_trainer

    heavy = copy.deepcopy(GOOD)
    heavy["steps"][0]["state"] = {"example": "watermelon3.0", "settings": {"mode": "accumulated", "hidden": [60]},
                                  "steps": 20_000}
    with pytest.raises(BpguiError) as caught:
        lesson_trainer(lesson_from_data(heavy, "h.json").steps[0].state)
    assert "steps: 20,000 iterations of this network are too many" in str(caught.value)
