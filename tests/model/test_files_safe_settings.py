"""Remembered settings never stop the window: whatever the stored JSON is, valid Settings come back."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bpgui.model.activations import ACTIVATIONS, LOSSES
from bpgui.model.dataset import LABEL_TYPES
from bpgui.model.network import INITIALISATIONS
from bpgui.model.training import MODES, StopConditions, TrainingConfig
from bpgui.session.settings import Settings, settings_from_json, settings_to_json

FIELDS = [f.name for f in dataclasses.fields(Settings)]


def assert_valid(s: Settings) -> None:
    """Every field has a type and value the settings panel and the trainer accept."""
    assert isinstance(s, Settings)
    assert isinstance(s.data, str) and s.data and "\0" not in s.data
    assert type(s.test_fraction) is float and 0 <= s.test_fraction <= 0.9
    assert isinstance(s.hidden, tuple) and all(type(n) is int and n >= 1 for n in s.hidden)
    assert s.activation in ACTIVATIONS and s.loss in LOSSES and s.mode in MODES
    assert s.init in INITIALISATIONS and s.label_type in LABEL_TYPES
    assert type(s.shuffle) is bool
    assert type(s.seed) is int and 0 <= s.seed < 2**31
    assert type(s.batch_size) is int and 1 <= s.batch_size <= 1_000_000
    assert type(s.learning_rate) is float and math.isfinite(s.learning_rate) and s.learning_rate > 0
    TrainingConfig(mode=s.mode, learning_rate=s.learning_rate, batch_size=s.batch_size, shuffle=s.shuffle)
    StopConditions(target_error=s.target_error, max_epochs=s.max_epochs)
    assert s.target_error is None or type(s.target_error) is float
    assert s.max_epochs is None or type(s.max_epochs) is int


@pytest.mark.parametrize("text", [
    "null", "[]", "[1, 2]", '"xor"', "3", "true", "{", "", "\0", '{"activation": [1]}',
    "[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000,
    '{"hidden": 5}', '{"hidden": [2, true]}', '{"hidden": [0]}', '{"learning_rate": NaN}',
    '{"learning_rate": -1}', '{"seed": -1}', '{"seed": 1e400}', '{"test_fraction": 0.95}',
    '{"data": ""}', '{"data": "a\\u0000b"}', '{"max_epochs": 0}', '{"shuffle": "yes"}',
    '{"target_error": Infinity}', '{"mode": {"x": []}}', '{"batch_size": 2.5}', "1" * 5000,
])
def test_hostile_documents_give_valid_settings(text):
    problems: list[str] = []
    assert_valid(settings_from_json(text, problems))
    assert bool(problems) == bool(text)  # each of these (but nothing stored) is reported


def test_one_bad_value_keeps_the_others_and_is_named():
    problems: list[str] = []
    s = settings_from_json(json.dumps({"activation": [1], "hidden": [5, 3], "learning_rate": 0.25,
                                       "mode": "minibatch", "future_setting": 1}), problems)
    assert problems == ["activation"]
    assert (s.activation, s.hidden, s.learning_rate, s.mode) == ("sigmoid", (5, 3), 0.25, "minibatch")


@pytest.mark.parametrize("remembered", [
    Settings(),
    Settings(data="/somewhere/data.csv", test_fraction=0.25, hidden=(8, 4), activation="tanh", loss="cross_entropy",
             mode="minibatch", batch_size=16, learning_rate=0.1, shuffle=False, seed=42, init="xavier",
             target_error=None, max_epochs=300, label_type="number"),
    Settings(hidden=(), target_error=0.0),
])
def test_what_the_window_stored_comes_back_unchanged(remembered):
    problems: list[str] = []
    assert settings_from_json(settings_to_json(remembered), problems) == remembered
    assert problems == []


_scalars = (st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8)
            | st.sampled_from(["xor", "tanh", "relu", "minibatch", "xavier", "number", "cross_entropy"]))
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4), inner, max_size=5),
                     max_leaves=30)
_documents = st.dictionaries(st.sampled_from(FIELDS), _json, max_size=len(FIELDS)) | _json


@settings(max_examples=300, deadline=None)
@given(_documents, st.integers(min_value=0, max_value=3))
@example({"target_error": 2**53 + 1}, 0)  # found by it: a float would round it, so it is reported, not changed
def test_any_json_document_gives_valid_settings_and_never_raises(document, nesting):
    for _ in range(nesting):
        document = [document] if nesting % 2 else {"hidden": document}
    text = json.dumps(document)
    problems: list[str] = []
    result = settings_from_json(text, problems)
    assert_valid(result)
    if isinstance(document, dict):
        # Every known key is either kept as stored or reported.
        for name in FIELDS:
            if name in document and name not in problems:
                stored = document[name]
                kept = getattr(result, name)
                assert kept == (tuple(stored) if name == "hidden" else stored)
    else:
        assert problems == ["settings"] and result == Settings()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gives_valid_settings(text):
    assert_valid(settings_from_json(text))
