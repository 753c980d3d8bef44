"""A phrase given as an error's field (what a document's key should hold) is translated with the message,
so a refusal in Chinese is Chinese throughout (a user test found "应为 a whole number from 0 to 24")."""

from __future__ import annotations

import copy
import pickle

from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError, Phrase, bad_value, translate_error

ZH = {
    "{source}: {key}: expected {expected}, got {got}": "{source}：{key}：应为{expected}，实际为 {got}",
    "a whole number from {low} to {high}": "从 {low} 到 {high} 的整数",
}


def zh(_context: str, text: str) -> str:
    return ZH.get(text, text)


def test_a_phrase_is_english_as_text_and_translated_with_its_message():
    err = bad_value("s.bpgui", "t", Phrase(QT_TRANSLATE_NOOP("Errors", "a whole number from {low} to {high}"),
                                          low=0, high="24"), 99)
    assert str(err) == "s.bpgui: t: expected a whole number from 0 to 24, got 99"
    assert translate_error(err, zh) == "s.bpgui：t：应为从 0 到 24 的整数，实际为 99"


def test_a_bad_translation_of_the_phrase_falls_back_to_its_english():
    err = bad_value("f", "k", Phrase("a whole number from {low} to {high}", low=1, high=2), "x")
    broken = {**ZH, "a whole number from {low} to {high}": "从 {lo} 起"}
    assert translate_error(err, lambda c, t: broken.get(t, t)) == "f：k：应为a whole number from 1 to 2，实际为 'x'"


def test_an_error_with_a_phrase_survives_pickling_and_copying():
    err = bad_value("f", "k", Phrase("a whole number from {low} to {high}", low=1, high=2), "x")
    for again in (pickle.loads(pickle.dumps(err)), copy.deepcopy(err)):  # noqa: S301 - our own bytes (a job's error)
        assert isinstance(again, DataError) and str(again) == str(err)
        assert translate_error(again, zh) == translate_error(err, zh)
