"""Tests of bpgui.model.naming: the note's symbols and their generalisation."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.naming import (
    ParameterSpec,
    ParameterSpecs,
    Symbol,
    delta_symbol,
    net_symbol,
    parameter_specs,
    threshold_symbol,
    unit_symbol,
    weight_symbol,
)
from bpgui.model.network import Network


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def _sub(indices) -> str:
    """The subscript as the module doc describes it, written independently."""
    sep = "," if any(i >= 10 for i in indices) else ""
    return sep.join(str(i) for i in indices)


# ---- the note's 2-2-1 network -----------------------------------------------------


def test_note_network_parameters_in_order():
    specs = parameter_specs([2, 2, 1])
    expected = [
        # (name, layer, kind, source, target)
        ("v_11", 1, "weight", 1, 1),
        ("v_12", 1, "weight", 1, 2),
        ("v_21", 1, "weight", 2, 1),
        ("v_22", 1, "weight", 2, 2),
        ("γ_1", 1, "threshold", None, 1),
        ("γ_2", 1, "threshold", None, 2),
        ("w_11", 2, "weight", 1, 1),
        ("w_21", 2, "weight", 2, 1),
        ("θ_1", 2, "threshold", None, 1),
    ]
    assert [(s.name, s.layer, s.kind, s.source, s.target) for s in specs] == expected
    assert all(isinstance(s, ParameterSpec) for s in specs)
    assert all(s.symbol.layer is None for s in specs)  # one hidden layer: no superscripts
    assert [s.symbol.indices for s in specs] == [(1, 1), (1, 2), (2, 1), (2, 2), (1,), (2,), (1, 1), (2, 1), (1,)]


@pytest.mark.parametrize("d, q, l_", [(1, 1, 1), (2, 2, 1), (2, 3, 2), (8, 10, 1), (5, 7, 3), (13, 11, 12)])
def test_parameter_count_is_the_notes_formula(d, q, l_):
    specs = parameter_specs([d, q, l_])
    assert len(specs) == (d + l_ + 1) * q + l_
    assert sum(s.kind == "weight" for s in specs) == d * q + q * l_
    assert sum(s.kind == "threshold" for s in specs) == q + l_
    assert Network.initialise([d, q, l_]).n_parameters == len(specs)


def test_specs_follow_the_flat_parameter_order_of_a_network():
    """Spec k must point at flat[k], i.e. weights[layer−1][source−1][target−1]."""
    sizes = [3, 4, 2, 2]
    net = Network.initialise(sizes, seed=3)
    flat = net.flat
    specs = parameter_specs(sizes)
    assert len(specs) == flat.size
    for k, s in enumerate(specs):
        if s.kind == "weight":
            assert flat[k] == net.weights[s.layer - 1][s.source - 1, s.target - 1]
        else:
            assert flat[k] == net.thresholds[s.layer - 1][s.target - 1]
        changed = net.with_parameter(s.layer, s.kind, s.source, s.target, 123.5).flat
        assert np.flatnonzero(changed != flat).tolist() == [k]


# ---- deeper and shallower networks ----------------------------------------------------


def test_deeper_network_uses_layer_superscripts():
    sizes = [3, 4, 2, 1]
    expected = []
    expected += [f"v^(1)_{i}{h}" for i in range(1, 4) for h in range(1, 5)]
    expected += [f"γ^(1)_{h}" for h in range(1, 5)]
    expected += [f"v^(2)_{i}{h}" for i in range(1, 5) for h in range(1, 3)]
    expected += [f"γ^(2)_{h}" for h in range(1, 3)]
    expected += [f"w_{h}1" for h in range(1, 3)]
    expected += ["θ_1"]
    specs = parameter_specs(sizes)
    assert [s.name for s in specs] == expected
    assert [s.layer for s in specs] == [1] * 16 + [2] * 10 + [3] * 3
    assert [s.symbol.layer for s in specs] == [1] * 16 + [2] * 10 + [None] * 3
    first_w = next(s for s in specs if s.name == "w_21")
    assert (first_w.layer, first_w.kind, first_w.source, first_w.target) == (3, "weight", 2, 1)


def test_no_hidden_layer_gives_w_straight_from_the_inputs():
    specs = parameter_specs([2, 1])
    assert [(s.name, s.layer, s.kind, s.source, s.target) for s in specs] == [
        ("w_11", 1, "weight", 1, 1),
        ("w_21", 1, "weight", 2, 1),
        ("θ_1", 1, "threshold", None, 1),
    ]


def test_parameter_count_for_any_depth():
    for sizes in ([2, 1], [3, 4, 2, 1], [1, 1, 1, 1, 1], [5, 3, 6, 2]):
        expected = sum((a + 1) * b for a, b in itertools.pairwise(sizes))
        assert len(parameter_specs(sizes)) == expected


# ---- indices of two digits, uniqueness -----------------------------------------------


def test_two_digit_indices_are_comma_separated():
    names = [s.name for s in parameter_specs([3, 12, 1])]
    assert "v_3,12" in names
    assert "v_1,10" in names
    assert "v_11" in names and "v_39" in names  # single digits stay joined
    assert "w_12,1" in names
    assert "γ_12" in names  # a single index needs no comma
    assert "v_312" not in names


@pytest.mark.parametrize("sizes", [[12, 11, 10], [11, 1, 11], [2, 12, 12, 1], [1, 11, 1], [21, 2, 1], [10, 10, 10, 10]])
def test_names_are_unique_within_a_network(sizes):
    specs = parameter_specs(sizes)
    names = [s.name for s in specs]
    assert len(set(names)) == len(names)
    htmls = [s.symbol.html for s in specs]
    assert len(set(htmls)) == len(htmls)
    # and every name reads back to its own indices
    for s in specs:
        want = (s.source, s.target) if s.kind == "weight" else (s.target,)
        assert s.name.endswith("_" + _sub(want)), s.name


# ---- Symbol text and html -----------------------------------------------------------


@pytest.mark.parametrize(
    "symbol, text, sub, sup",
    [
        (Symbol("v", (1, 2)), "v_12", "12", None),
        (Symbol("γ", (3,), 2), "γ^(2)_3", "3", "(2)"),
        (Symbol("v", (3, 12)), "v_3,12", "3,12", None),
        (Symbol("w", (10, 1), 4), "w^(4)_10,1", "10,1", "(4)"),
        (Symbol("θ", (1,)), "θ_1", "1", None),
    ],
)
def test_symbol_text_and_html(symbol, text, sub, sup):
    assert symbol.text == text
    html = symbol.html
    assert f"<sub>{sub}</sub>" in html
    assert html.count("<sub>") == 1
    if sup is None:
        assert "<sup>" not in html
    else:
        assert f"<sup>{sup}</sup>" in html
        assert html.index("<sup>") < html.index("<sub>")  # γ^(2)_3, not γ_3^(2)
    assert "_" not in html and "^" not in html
    assert _strip_tags(html) == symbol.base + (sup or "") + sub
    assert html.startswith((f"<i>{symbol.base}</i>", symbol.base))


@pytest.mark.parametrize(
    "symbol, drawn",
    [
        (Symbol("v", (1, 2)), "v₁₂"),
        (Symbol("γ", (3,), 2), "γ⁽²⁾₃"),
        (Symbol("v", (3, 12)), "v₃,₁₂"),
        (Symbol("w", (10, 1), 4), "w⁽⁴⁾₁₀,₁"),
        (Symbol("θ", (1,)), "θ₁"),
        (Symbol("v", (1, 1), 12), "v⁽¹²⁾₁₁"),
    ],
)
def test_symbol_unicode_is_the_plain_text_with_real_sub_and_superscripts(symbol, drawn):
    # What the network drawing and the gradient table show; the same characters as text and html.
    assert symbol.unicode == drawn
    plain = drawn.translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "01234567890123456789()"))
    assert plain == _strip_tags(symbol.html)


def test_the_notes_network_is_drawn_without_superscripts_and_a_deeper_one_with_them():
    assert [s.symbol.unicode for s in parameter_specs([2, 2, 1])] == [
        "v₁₁", "v₁₂", "v₂₁", "v₂₂", "γ₁", "γ₂", "w₁₁", "w₂₁", "θ₁"]
    deeper = [s.symbol.unicode for s in parameter_specs([2, 3, 2, 1])]
    assert deeper[:7] == ["v⁽¹⁾₁₁", "v⁽¹⁾₁₂", "v⁽¹⁾₁₃", "v⁽¹⁾₂₁", "v⁽¹⁾₂₂", "v⁽¹⁾₂₃", "γ⁽¹⁾₁"]
    assert deeper[-3:] == ["w₁₁", "w₂₁", "θ₁"] and "γ⁽²⁾₂" in deeper


def test_symbol_without_indices_has_no_subscript():
    s = Symbol("E")
    assert s.text == "E" and s.unicode == "E"
    assert "<sub>" not in s.html and _strip_tags(s.html) == "E"


# ---- unit, net, threshold, delta symbols ----------------------------------------------


def test_note_unit_symbols():
    n = 2  # the d-q-l network: layer 0 inputs, 1 hidden, 2 output
    assert unit_symbol(0, 1, n).text == "x_1"
    assert unit_symbol(0, 3, n).text == "x_3"
    assert unit_symbol(1, 2, n).text == "b_2"
    assert unit_symbol(2, 1, n).text == "ŷ_1"
    assert net_symbol(1, 2, n).text == "α_2"
    assert net_symbol(2, 1, n).text == "β_1"
    assert threshold_symbol(1, 2, n).text == "γ_2"
    assert threshold_symbol(2, 1, n).text == "θ_1"
    assert delta_symbol(1, 2, n).text == "e_2"
    assert delta_symbol(2, 1, n).text == "g_1"
    assert weight_symbol(1, 2, 1, n).text == "v_21"
    assert weight_symbol(2, 2, 1, n).text == "w_21"


def test_deeper_unit_symbols_carry_the_hidden_layer():
    n = 3  # [d, q1, q2, l]
    assert unit_symbol(0, 1, n).text == "x_1"  # inputs never get a superscript
    assert unit_symbol(1, 4, n).text == "b^(1)_4"
    assert unit_symbol(2, 1, n).text == "b^(2)_1"
    assert unit_symbol(3, 1, n).text == "ŷ_1"
    assert net_symbol(2, 2, n).text == "α^(2)_2"
    assert net_symbol(3, 1, n).text == "β_1"
    assert threshold_symbol(1, 3, n).text == "γ^(1)_3"
    assert threshold_symbol(3, 2, n).text == "θ_2"
    assert delta_symbol(2, 1, n).text == "e^(2)_1"
    assert delta_symbol(3, 1, n).text == "g_1"
    assert unit_symbol(2, 1, n).html.count("<sup>(2)</sup>") == 1


def test_threshold_symbols_match_parameter_specs():
    for sizes in ([2, 2, 1], [3, 4, 2, 1], [2, 1]):
        n = len(sizes) - 1
        for s in parameter_specs(sizes):
            if s.kind == "threshold":
                assert s.symbol == threshold_symbol(s.layer, s.target, n)
            else:
                assert s.symbol == weight_symbol(s.layer, s.source, s.target, n)


def test_one_spec_is_the_listed_one_for_every_index():
    from bpgui.model.naming import parameter_spec, parameter_specs

    for sizes in ((2, 2, 1), (3, 4, 2), (2, 3, 2, 3, 2), (5, 1, 1)):
        specs = parameter_specs(sizes)
        assert [parameter_spec(sizes, i) for i in range(len(specs))] == specs
        for bad in (-1, len(specs)):
            with pytest.raises(IndexError):
                parameter_spec(sizes, bad)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=2, max_size=5))
def test_the_lazy_specs_are_the_listed_ones_read_any_way(sizes):
    """Indexed (from either end), sliced, iterated and as columns: the specs ``parameter_specs`` lists."""
    listed = parameter_specs(sizes)
    lazy = ParameterSpecs(sizes)
    n = len(listed)
    assert len(lazy) == n and bool(lazy)
    assert list(lazy) == listed and lazy == listed and lazy == ParameterSpecs(tuple(sizes))
    assert [lazy[i] for i in range(n)] == listed and [lazy[-i] for i in range(1, n + 1)] == listed[::-1]
    assert lazy[1:n:2] == listed[1:n:2] and lazy[::-3] == listed[::-3]
    for bad in (n, -n - 1):
        with pytest.raises(IndexError):
            lazy[bad]
    assert lazy[np.int64(n - 1)] == listed[-1]  # a NumPy integer indexes as an int
    for wrong in (0.0, 1.7, "1"):
        with pytest.raises(TypeError):  # as a list's would
            lazy[wrong]  # type: ignore[call-overload]
    layers, thresholds, sources, targets = lazy.columns()
    assert layers.tolist() == [s.layer for s in listed]
    assert thresholds.tolist() == [s.kind == "threshold" for s in listed]
    assert sources.tolist() == [s.source or 0 for s in listed]
    assert targets.tolist() == [s.target for s in listed]
    assert lazy != parameter_specs([*sizes, 1]) and lazy != ParameterSpecs([*sizes, 1])


def test_a_records_specs_make_no_spec_until_one_is_read(monkeypatch):
    """A 10⁶-parameter network's specs: its table needs its columns and the rows shown, not 10⁶ objects."""
    import bpgui.model.naming as naming

    made = [0]
    original = naming.ParameterSpec.__init__

    def counted(self, *args, **kwargs):
        made[0] += 1
        original(self, *args, **kwargs)

    monkeypatch.setattr(naming.ParameterSpec, "__init__", counted)
    specs = ParameterSpecs((784, 1250, 10))
    assert len(specs) == 993_760
    layers, _thresholds, _sources, targets = specs.columns()
    assert layers.shape == targets.shape == (993_760,) and made[0] == 0
    assert specs[-1].name == "θ_10" and specs[784 * 1250].name == "γ_1" and made[0] == 2
