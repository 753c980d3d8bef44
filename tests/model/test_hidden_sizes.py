"""parse_hidden_sizes: "3 4", "3,4", "3, 4" and "3;4" are the same two layers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.errors import ConfigError
from bpgui.model.network import parse_hidden_sizes


@pytest.mark.parametrize(
    "text", ["3 4", "3,4", "3, 4", "3 ,4", "3;4", "3; 4", " 3\t4 ", "3，4", "3；4", "3、4", "３ 4"]
)
def test_every_separator_reads_two_layers(text):
    assert parse_hidden_sizes(text) == (3, 4)


@pytest.mark.parametrize("text, sizes", [("", ()), ("   ", ()), ("4", (4,)), ("8,4", (8, 4)), ("8 4 2", (8, 4, 2))])
def test_plain_sizes(text, sizes):
    assert parse_hidden_sizes(text) == sizes


@pytest.mark.parametrize("text, part", [
    ("8, four", "four"), ("0", "0"), ("3 -4", "-4"), ("3.5", "3.5"), ("2 x 3", "x"), ("²", "²"), ("3:4", "3:4"),
])
def test_a_bad_part_is_named(text, part):
    with pytest.raises(ConfigError) as info:
        parse_hidden_sizes(text)
    assert str(info.value) == (
        f"hidden layer sizes are positive whole numbers separated by commas or spaces, such as 8,4; "
        f"{part!r} in {text!r} is not one"
    )


@pytest.mark.parametrize("text", ["3,,4", "3,", ",3", "3;;4", "3, ,4", "3 ; , 4"])
def test_an_empty_entry_is_named(text):
    with pytest.raises(ConfigError) as info:
        parse_hidden_sizes(text)
    assert str(info.value) == (
        f"hidden layer sizes: there is an empty entry in {text.strip()!r} "
        "(two separators in a row, or one at the start or end)"
    )


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    sizes=st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=5),
    separators=st.lists(st.sampled_from([",", ", ", " ,", " ", "  ", ";", " ; ", "\t", "，"]), min_size=4, max_size=4),
)
def test_any_mix_of_separators_reads_the_same_sizes(sizes, separators):
    text = str(sizes[0]) + "".join(sep + str(size) for sep, size in zip(separators, sizes[1:]))
    assert parse_hidden_sizes(f" {text} ") == tuple(sizes)
