"""Grading a typed answer (issue 12): right when it matches to the precision typed, at least 2 digits."""

from __future__ import annotations

import copy
import math
from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.errors import BpguiError, translate_error
from bpgui.model.numbers import MINUS, format_number
from bpgui.model.practice.grading import Answer, AnswerError, Verdict, grade, parse_answer, rounded_text

# ---------------------------------------------------------------------------
# reading what a learner types
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "digits", "exponent"), [
    ("0.42", "0.42", 2, -2),
    ("4.20", "4.20", 3, -2),
    ("420", "420", 3, 0),
    ("4.2e-3", "0.0042", 2, -4),
    ("-0.0042", "-0.0042", 2, -4),
    ("+0.42", "0.42", 2, -2),
    (MINUS + "0.42", "-0.42", 2, -2),
    ("  0.42\t", "0.42", 2, -2),
    ("4002", "4002", 4, 0),  # zeros between nonzero digits count
    ("0.0400", "0.0400", 3, -4),  # leading zeros do not, trailing ones do
    (".42", "0.42", 2, -2),
    ("42.", "42", 2, 0),
    ("1.0e400", "1.0e400", 2, 399),  # the largest exponent allowed
    ("0.0", "0", 0, -1),  # a zero has no significant digits
    ("-0", "0", 0, 0),
])
def test_parse_counts_significant_digits_and_the_place_of_the_last(text, value, digits, exponent):
    answer = parse_answer(text)
    assert answer == Answer(Decimal(value), digits, exponent, text.strip())
    assert answer.value.as_tuple().exponent == exponent  # the Decimal keeps the typed precision


@pytest.mark.parametrize("text", [
    "4.2e-3", "4.2E-3", "4.2×10⁻³", "4.2x10^-3", "4.2X10^-3", "4.2*10^-3", "4.2·10⁻³", "4.2 × 10^-3",
    "4.2×10^" + MINUS + "3", "42e-4", "0.0042", "４．２ｅ－３",
])
def test_every_exponent_spelling_reads_the_same(text):
    answer = parse_answer(text)
    assert answer.value == Decimal("0.0042") and answer.digits == 2 and answer.exponent == -4


@pytest.mark.parametrize("text", [
    "０．４２",  # a Chinese IME's fullwidth digits and point
    "＋０．４２",
    "0。42",  # the ideographic full stop a Chinese IME types for "."
    "\u30000.42\u3000",  # ideographic spaces
    "0,42",  # a decimal comma
    "０，４２",
])
def test_fullwidth_and_comma_input_reads_as_the_plain_number(text):
    assert parse_answer(text).value == Decimal("0.42")
    assert grade(text, 0.4219).right


def test_a_fullwidth_minus_is_a_minus():
    assert parse_answer("－０．４２").value == Decimal("-0.42")
    assert grade("－０．４２", -0.4219).right and not grade("－０．４２", 0.4219).right


@pytest.mark.parametrize("text", [
    "", "   ", "abc", "1.2.3", "nan", "NaN", "inf", "-inf", "Infinity", "∞", "1e999", "1e-401", "1.0e401",
    ".", "-", "+", "e5", "4.2e", "4.2×10", "4.2×103", "4.2×10³³x", "0x1A", "1_000", "4 2", "- 0.42",
    "1,234.5", "1,2,3", "0.42.", "٤٢", "4.2e⁻³", "(0.42)", "1" * 41, " " + "1" * 41 + " ",
])
def test_anything_else_is_not_a_number(text):
    with pytest.raises(AnswerError) as caught:
        parse_answer(text)
    assert "is not a number" in str(caught.value)
    with pytest.raises(AnswerError):
        grade(text, 0.42)


def test_forty_characters_is_the_longest_answer():
    text = "0." + "5" + "0" * 37
    assert len(text) == 40 and parse_answer(text).digits == 38
    assert grade(text, 0.5).right and not grade("0.51", 0.5).right
    with pytest.raises(AnswerError):
        parse_answer(text + "0")


def test_the_comma_is_read_as_a_point_only_when_it_is_the_one_separator():
    assert parse_answer("1,234").value == Decimal("1.234")
    assert parse_answer("4,2e-3").value == Decimal("0.0042")


# ---------------------------------------------------------------------------
# grading
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "right"), [
    ("0.42", 0.4219, True),  # rounded
    ("0.42", 0.4279, True),  # truncated: cutting digits off is not wrong
    ("0.42", 0.4149, False),
    ("0.42", 0.4351, False),
    ("0.42", 0.4151, True),  # 0.4151 rounds to 0.42
    ("0.43", 0.4279, True),
    ("0.43", 0.4219, False),
    ("-0.42", 0.4219, False),  # the sign matters
    ("-0.42", -0.4219, True),
    ("-0.42", -0.4279, True),  # truncated toward zero ...
    ("-0.43", -0.4219, False),  # ... not down
    ("0.42", -0.4219, False),
    ("4.20", 4.2049, True),  # the precision is the one typed
    ("4.20", 4.215, False),
    ("4.2", 4.215, True),
    ("420", 420.4, True),
    ("420", 421.0, False),
    ("4.2e2", 421.0, True),
    ("0.10", 0.0999, True),  # rounding up into the next decade
    ("0.12", 0.125, True),  # an exact tie counts either way
    ("0.13", 0.125, True),
    ("0.14", 0.145, True),  # 0.145 is 0.1449999…: a tie up to the float's last bit
    ("0.15", 0.145, True),
    ("0.16", 0.145, False),
    ("0.42", 0.415, True),
    ("0.42", 0.41499, False),
    ("0.10000000000000001", 0.1, True),  # 0.1 is 0.1000000000000000055…
    ("0.10000000000000000", 0.1, True),  # truncated
    ("0.099999999999999999", 0.1, True),  # 18 digits: within the float's own precision of 0.1 (2⁻⁴⁸ relative)
    ("0.09999999999999", 0.1, False),  # 14 digits: 1e-14 off is more than the float's noise
    ("1.0e400", 1e300, False),
    ("1.0e-400", 0.0, False),
])
def test_grade_examples(text, value, right):
    assert grade(text, value).right is right


@pytest.mark.parametrize(("text", "value", "right"), [
    ("0", 0.0, True), ("0.0", 0.0, True), ("-0", 0.0, True), ("0.000", -0.0, True), ("０", 0.0, True),
    ("0e5", 0.0, True),
    ("0", 1e-300, False), ("0.000", 0.0001, False), ("0.0", -5e-324, False),
])
def test_a_typed_zero_is_right_exactly_when_the_value_is_zero(text, value, right):
    assert grade(text, value).right is right


@pytest.mark.parametrize("text", ["4", "0.4", "-0.004", "4e-3", "4×10⁻³", "4.", ".4", "0004e-2"])
def test_one_significant_digit_is_refused(text):
    with pytest.raises(AnswerError) as caught:
        grade(text, float(parse_answer(text).value))
    assert "too few significant digits" in str(caught.value) and "two" in str(caught.value)


@pytest.mark.parametrize("text", ["0.001", "4", "-0.4"])
def test_for_an_exact_zero_any_other_number_is_wrong_not_refused(text):
    """α₁ = 0 (x = (0, 0)): "0.001" is a wrong answer, not a text with too few digits."""
    verdict = grade(text, 0.0)
    assert not verdict.right and verdict.gap == float(text)


def test_the_verdict_holds_the_gap_and_the_true_value():
    verdict = grade(" 0.42 ", 0.4219)
    assert isinstance(verdict, Verdict)
    assert verdict.right and verdict.true_value == 0.4219
    assert verdict.gap == pytest.approx(0.42 - 0.4219, abs=1e-15) and verdict.gap < 0
    assert verdict.answer.text == "0.42" and verdict.answer.digits == 2
    assert grade("0.43", 0.4219).gap > 0


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_value_that_is_not_finite_is_not_gradable(value):
    with pytest.raises(ValueError) as caught:
        grade("0.42", value)
    assert not isinstance(caught.value, AnswerError)


@pytest.mark.parametrize(("value", "digits", "screen"), [
    (-9.57353e-05, 4, MINUS + "9.574×10⁻⁵"),
    (1234567.0, 4, "1.235×10⁶"),
    (-0.44137, 4, MINUS + "0.4414"),
    (12.5, 2, "12"),
])
def test_what_the_screen_shows_is_right(value, digits, screen):
    assert format_number(value, digits) == screen
    assert grade(screen, value).right


# ---------------------------------------------------------------------------
# the errors
# ---------------------------------------------------------------------------


def test_answer_errors_are_translatable_templates_naming_the_text():
    with pytest.raises(AnswerError) as not_a_number:
        grade("abc{x}%1", 0.42)
    with pytest.raises(AnswerError) as too_few:
        grade("0.4", 0.42)
    for exc, text in ((not_a_number.value, "abc{x}%1"), (too_few.value, "0.4")):
        assert isinstance(exc, BpguiError) and isinstance(exc, ValueError)
        assert exc.fields == {"text": repr(text)} and "{text}" in exc.template
        assert repr(text) in str(exc)  # braces and %1 in the typed text are kept as typed
        assert translate_error(exc, lambda context, t: "«" + t + "»") == "«" + str(exc) + "»"
        assert copy.deepcopy(exc).template == exc.template
    assert not_a_number.value.template != too_few.value.template


def test_a_long_text_is_cut_short_in_the_message():
    with pytest.raises(AnswerError) as caught:
        parse_answer("9" * 500)
    assert len(str(caught.value)) < 150


# ---------------------------------------------------------------------------
# rounded_text
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "digits", "text"), [
    (0.4219, 4, "0.4219"), (-0.0042, 2, "-0.0042"), (4.2e-7, 2, "4.2e-07"), (0.42, 4, "0.4200"),
    (100.0, 2, "1.0e+02"), (42.0, 2, "42"), (9.96, 2, "10"), (0.0, 3, "0.00"), (-0.0, 3, "0.00"),
    (-1e-20, 2, "-1.0e-20"),
])
def test_rounded_text_is_what_a_learner_would_type(value, digits, text):
    assert rounded_text(value, digits) == text
    assert text.isascii()
    assert grade(text, value).right


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

VALUES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    st.builds(lambda magnitude, sign: sign * magnitude, st.floats(min_value=1e-12, max_value=1.0),
              st.sampled_from([1.0, -1.0])),
)
DIGITS = st.integers(2, 17)


def truncated(value: float, digits: int) -> str:
    exact = Decimal(value)
    return str(exact.quantize(Decimal(1).scaleb(exact.adjusted() - digits + 1), rounding=ROUND_DOWN))


def right_unless_too_few_digits(text: str, value: float) -> None:
    """``text`` is graded right, or (a ``g`` format that dropped trailing zeros: ``0.4``) refused."""
    try:
        assert grade(text, value).right, text
    except AnswerError:
        assert parse_answer(text).digits < 2, text


@settings(max_examples=200, deadline=None)
@given(VALUES, DIGITS)
def test_a_correctly_rounded_text_is_right(value, digits):
    assert grade(f"{value:.{digits - 1}e}", value).right
    assert grade(rounded_text(value, digits), value).right
    right_unless_too_few_digits(format(value, f".{digits}g"), value)
    if value != 0:
        right_unless_too_few_digits(format_number(value, digits), value)


@settings(max_examples=200, deadline=None)
@given(VALUES, DIGITS)
def test_a_truncated_text_is_right(value, digits):
    if value == 0:
        return
    text = truncated(value, digits)
    assert parse_answer(text).digits == digits
    assert grade(text, value).right


@settings(max_examples=200, deadline=None)
@given(VALUES, DIGITS, st.sampled_from([2, -2]))
def test_two_units_off_in_the_last_place_is_wrong(value, digits, units):
    if value == 0 or digits > 14:  # past 14 digits two units may be within the float's own noise
        return
    rounded = Decimal(f"{value:.{digits - 1}e}")
    off = rounded + units * Decimal(1).scaleb(rounded.as_tuple().exponent)
    text = str(off)
    try:
        verdict = grade(text, value)
    except AnswerError:  # two units toward zero left one digit (0.10 → 0.08)
        assert abs(off) < abs(rounded) and parse_answer(text).digits < 2
    else:
        assert not verdict.right, (text, value)


TYPED = st.text(alphabet="0123456789.,+-−eE×x*^·⁻⁰¹²³ ．０４－。", max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), TYPED), VALUES)
def test_hostile_text_is_graded_or_refused_and_nothing_else(text, value):
    try:
        verdict = grade(text, value)
    except AnswerError as exc:
        assert exc.template and "{text}" in exc.template
    else:
        assert isinstance(verdict, Verdict) and isinstance(verdict.right, bool)
        # one digit is graded only for an exact zero, and never right then
        assert verdict.answer.digits >= 2 or verdict.answer.digits == 0 or (value == 0.0 and not verdict.right)


@pytest.mark.parametrize("value", [0.67936811377890054410, 1 / 3, -2.5e-7, 1234.5678901234567])
@pytest.mark.parametrize("digits", [16, 17, 20])
def test_a_value_pasted_with_every_digit_is_right(value, digits):
    """A calculator's 16–20 digits of the float: right, though the float itself is a few ulps off them."""
    assert grade(f"{value:.{digits - 1}e}", value).right
