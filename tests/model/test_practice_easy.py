"""The easiest predictions: a sign, or bigger/smaller than before."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.practice.easy import comparison_right, read_comparison, read_sign, sign_right
from bpgui.model.practice.grading import AnswerError


@pytest.mark.parametrize(("text", "sign"), [("+", 1), (" - ", -1), ("−", -1), ("0", 0), ("＋", 1), ("－", -1),
                                            ("０", 0)])
def test_a_sign_is_read_as_typed_in_either_language(text, sign):
    assert read_sign(text) == sign


@pytest.mark.parametrize(("text", "value", "right"), [
    ("+", 0.42, True), ("-", 0.42, False), ("−", -1e-300, True), ("0", 0.0, True), ("0", -0.0, True),
    ("0", 1e-300, False), ("+", 0.0, False)])
def test_a_sign_is_right_only_for_the_values_sign_and_zero_only_for_an_exact_zero(text, value, right):
    assert sign_right(text, value) is right


@pytest.mark.parametrize(("text", "value", "before", "right"), [
    (">", 0.5, 0.4, True), ("<", 0.5, 0.4, False), ("<", 0.3, 0.4, True), ("=", 0.4, 0.4, True),
    ("=", 0.4, 0.4000000000000001, False), ("＞", 0.5, 0.4, True)])
def test_a_comparison_is_right_only_for_how_the_value_moved(text, value, before, right):
    assert comparison_right(text, value, before) is right


@pytest.mark.parametrize("text", ["", "plus", "++", "1", "0.0", ">>", "bigger"])
def test_anything_else_is_refused_naming_the_text(text):
    for read in (read_sign, read_comparison):
        with pytest.raises(AnswerError) as error:
            read(text)
        assert str(error.value).startswith(repr(text.strip()) + " is not a ")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=12), st.floats(allow_nan=False), st.floats(allow_nan=False, allow_infinity=False))
def test_any_text_is_graded_or_refused(text, value, before):
    for grade in (lambda: sign_right(text, value), lambda: comparison_right(text, value, before)):
        try:
            assert grade() in (True, False)
        except AnswerError as exc:
            assert " is not a " in str(exc)
