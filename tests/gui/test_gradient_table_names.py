"""The table's name filter and sort by name over a whole network's rows (in NumPy, by runs of one letter and
layer) find and order exactly what the row-by-row search over every spelling of every name does."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.naming import ParameterSpecs, parameter_specs
from bpgui.views.gradient_table_columns import search_key, search_needle
from bpgui.views.gradient_table_names import NameIndex

# Layer sizes around 9 and 10, where a name's indices start to be written with a comma (v_9,10 but v_99).
sizes_strategy = st.lists(st.sampled_from([1, 2, 3, 9, 10, 11, 12]), min_size=2, max_size=4)
# What a learner types: pieces of the spellings (letters, layers, indices, commas, underscores), in any order.
piece = st.sampled_from(["v", "w", "γ", "θ", "gamma", "theta", "(", ")", "^", "_", ",", "1", "2", "9", "0",
                         "10", "11", "(1)", "(2)", "^(3)", "₁", "⁽²⁾", " ", "x"])
typed_strategy = st.lists(piece, min_size=1, max_size=6).map("".join)


def row_by_row(specs, needle: str) -> np.ndarray:
    return np.array([needle in search_key(s) for s in specs], dtype=bool)


@settings(max_examples=80, deadline=None)
@given(sizes_strategy, st.lists(typed_strategy, min_size=1, max_size=5))
def test_the_filter_finds_what_the_row_by_row_search_finds(sizes, typed):
    specs = ParameterSpecs(sizes)
    listed = parameter_specs(sizes)
    index = NameIndex(specs)
    for text in typed:
        needle = search_needle(text)
        if not needle:
            continue
        expected = row_by_row(listed, needle)
        np.testing.assert_array_equal(index.matches(needle), expected, err_msg=f"{sizes} {text!r} → {needle!r}")
        np.testing.assert_array_equal(NameIndex(listed).matches(needle), expected)  # (a list: row by row)


@settings(max_examples=40, deadline=None)
@given(sizes_strategy)
def test_every_names_own_spellings_find_it_across_the_prefix_and_subscript(sizes):
    """Each spelling of a row's name, and every piece of it that crosses from the letter into the indices."""
    specs = ParameterSpecs(sizes)
    listed = parameter_specs(sizes)
    index = NameIndex(specs)
    rng = np.random.default_rng(len(listed))
    for row in rng.choice(len(listed), size=min(len(listed), 12), replace=False).tolist():
        for spelling in search_key(listed[row]).split("\n"):
            for start in range(len(spelling)):
                needle = spelling[start:start + 4]
                found = index.matches(needle)
                assert found[row]
                np.testing.assert_array_equal(found, row_by_row(listed, needle))


@settings(max_examples=40, deadline=None)
@given(sizes_strategy)
def test_the_natural_order_is_the_one_sorted_name_by_name(sizes):
    listed = parameter_specs(sizes)
    keys = [(s.symbol.base, s.symbol.layer or 0, s.symbol.indices) for s in listed]
    expected = sorted(range(len(listed)), key=keys.__getitem__)
    assert NameIndex(ParameterSpecs(sizes)).order().tolist() == expected
    assert NameIndex(listed).order().tolist() == expected


def test_a_deep_networks_names_keep_their_layers_apart():
    """v⁽¹⁾ and v⁽²⁾ share a letter: "v(2)" finds the second hidden layer's weights only, and sorting by name
    puts the first layer's before the second's, each in the order of its indices (v⁽¹⁾₂,₁₀ after v⁽¹⁾₂₉)."""
    sizes = (3, 12, 10, 2)
    specs = ParameterSpecs(sizes)
    index = NameIndex(specs)
    found = index.matches(search_needle("v(2)"))
    assert {specs[i].name for i in np.flatnonzero(found)} == {f"v^(2)_{i}{',' if i > 9 or j > 9 else ''}{j}"
                                                                for i in range(1, 13) for j in range(1, 11)}
    order = [specs[i].name for i in index.order()]
    assert order.index("v^(1)_2,10") == order.index("v^(1)_29") + 1
    assert order.index("v^(1)_3,12") < order.index("v^(2)_11") < order.index("w_11") < order.index("γ^(1)_1")


def reference_tsv(specs, titles, columns, rows) -> str:
    """The copied text as it was written row by row, spec by spec."""
    from bpgui.views.gradient_table_columns import from_to_text

    lines = ["\t".join(titles)]
    for row in rows:
        spec = specs[row]
        fields = [spec.name, str(spec.layer), from_to_text(spec)]
        fields += ["" if c is None or np.isnan(c[row]) else repr(float(c[row])) for c in columns]
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def reference_csv(specs, header, columns) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row, spec in enumerate(specs):
        fields = [spec.name, spec.layer, spec.kind, "" if spec.source is None else spec.source, spec.target]
        fields += ["" if c is None or np.isnan(c[row]) else repr(float(c[row])) for c in columns]
        writer.writerow(fields)
    return buffer.getvalue()


@settings(max_examples=25, deadline=None)
@given(sizes_strategy, st.integers(0, 2**32 - 1), st.booleans(), st.booleans())
def test_copied_and_exported_text_is_the_row_by_row_text(sizes, seed, blank_update, checked):
    """Column by column (names from the runs, numbers in full, blanks and NaN empty, a check's columns while
    one is set), in any order of rows and for any subset: the same text as row by row."""
    from bpgui.views.gradient_table_columns import CSV_CHECK_HEADER, CSV_HEADER, NUMERIC_COLUMNS
    from bpgui.views.gradient_table_model import GradientTableModel

    specs = ParameterSpecs(sizes)
    n = len(specs)
    rng = np.random.default_rng(seed)
    values = rng.standard_normal(n) * 10.0 ** rng.integers(-30, 30, n)
    gradients = np.where(rng.random(n) < 0.2, np.nan, rng.standard_normal(n))
    model = GradientTableModel()
    model.set_structure(specs)
    model.set_values(values, gradients, None if blank_update else -gradients, values - 0.1)
    columns = [values, gradients, None if blank_update else -gradients, values - 0.1]
    if checked:
        estimates, errors = gradients + 1e-9, np.where(rng.random(n) < 0.5, np.nan, rng.random(n))
        model.set_check(estimates, errors)
        columns += [estimates, errors]
    titles = model.column_titles()[:3 + len(columns)]
    rows = rng.permutation(n)[: rng.integers(0, n + 1)]
    listed = parameter_specs(sizes)
    assert model.tsv_text(rows.tolist()) == reference_tsv(listed, titles, columns, rows.tolist())
    header = CSV_HEADER + CSV_CHECK_HEADER if checked else CSV_HEADER
    assert model.csv_text() == reference_csv(listed, header, columns)
    assert len(NUMERIC_COLUMNS) == 4
