"""The screen's one number format."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.numbers import MINUS, format_factor, format_number


@pytest.mark.parametrize(("value", "digits", "text"), [
    (0.38971234, 4, "0.3897"),
    (-0.44137, 4, MINUS + "0.4414"),
    (1.0, 4, "1"),
    (0.0, 4, "0"),
    (-0.0, 4, "0"),
    (-1e-20, 4, MINUS + "1×10⁻²⁰"),
    (9.57353e-05, 4, "9.574×10⁻⁵"),
    (-9.57353e-05, 6, MINUS + "9.57353×10⁻⁵"),
    (1234567.0, 4, "1.235×10⁶"),
    (0.0001, 4, "0.0001"),
    (12.5, 2, "12"),
    (float("inf"), 4, "∞"),
    (float("-inf"), 4, MINUS + "∞"),
    (float("nan"), 4, "NaN"),
])
def test_format_number(value, digits, text):
    assert format_number(value, digits) == text


def test_factor_parenthesises_negatives_only():
    assert format_factor(-0.25) == f"({MINUS}0.25)"
    assert format_factor(0.25) == "0.25"
    assert format_factor(-0.0) == "0"


def _parse(text: str) -> float:
    text = text.replace(MINUS, "-")
    if "×10" in text:
        mantissa, power = text.split("×10")
        power = power.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-"))
        return float(f"{mantissa}e{int(power)}")
    return float(text)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300), st.integers(1, 17))
def test_format_reads_back_within_its_digits(value, digits):
    text = format_number(value, digits)
    assert "-" not in text and "e" not in text
    assert not text.startswith(MINUS + "0") or _parse(text) != 0
    back = _parse(text)
    assert math.isclose(back, value, rel_tol=10.0 ** (1 - digits), abs_tol=1e-300)
