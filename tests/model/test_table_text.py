"""The table's text as a job writes it (``model.table_text``), from a network's shape alone, against the same text
built spec by spec: names, layers, From → To, kind, and every number in full ("" for a blank)."""

from __future__ import annotations

import csv
import io

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.naming import parameter_specs
from bpgui.model.table_text import (
    CSV_CHECK_HEADER,
    CSV_HEADER,
    network_rows,
    number_texts,
    table_tsv,
    write_table_csv,
)

TITLES = ("Name", "Layer", "From → To", "Value", "∂E/∂p", "Δp", "Value after", "FD", "Rel. error")


def _numbers(draw, n: int, count: int) -> list[np.ndarray | None]:
    columns: list[np.ndarray | None] = []
    for _ in range(count):
        if draw(st.booleans()) and draw(st.booleans()):
            columns.append(None)  # a blank column (no new values yet)
            continue
        values = draw(st.lists(st.floats(allow_infinity=False, width=64) | st.just(float("nan")), min_size=n,
                               max_size=n))
        columns.append(np.array(values, dtype=np.float64))
    return columns


@st.composite
def tables(draw):
    sizes = draw(st.lists(st.integers(1, 12), min_size=2, max_size=4))
    specs = parameter_specs(sizes)
    n = len(specs)
    numbers = _numbers(draw, n, draw(st.sampled_from((4, 6))))
    rows = np.array(draw(st.lists(st.integers(0, n - 1), max_size=2 * n)), dtype=np.int64)
    return sizes, specs, numbers, rows


def _cell(v: float) -> str:
    return "" if v != v else repr(v)


@settings(max_examples=60, deadline=None)
@given(tables())
def test_the_copied_text_from_the_shape_alone_is_the_text_spec_by_spec(table):
    sizes, specs, numbers, rows = table
    titles = TITLES[:3 + len(numbers)]
    expected = ["\t".join(titles)]
    for r in rows.tolist():
        s = specs[r]
        from_to = f"{'—' if s.source is None else s.source} → {s.target}"
        cells = ["" if a is None else _cell(float(a[r])) for a in numbers]
        expected.append("\t".join([s.name, str(s.layer), from_to, *cells]))
    assert table_tsv(sizes, rows, titles, numbers) == "\n".join(expected) + "\n"


@settings(max_examples=40, deadline=None)
@given(tables())
def test_the_exported_csv_reads_back_row_by_row_bit_for_bit(tmp_path_factory, table):
    sizes, specs, numbers, _rows = table
    header = CSV_HEADER + CSV_CHECK_HEADER if len(numbers) == 6 else CSV_HEADER
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    assert write_table_csv(str(path), sizes, header, numbers) == str(path)
    read = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(read[0]) == header and len(read) == len(specs) + 1
    for r, (s, line) in enumerate(zip(specs, read[1:])):
        assert line[:5] == [s.name, str(s.layer), s.kind, "" if s.source is None else str(s.source), str(s.target)]
        for a, cell in zip(numbers, line[5:]):
            if a is None or np.isnan(a[r]):
                assert cell == ""
            else:
                assert float(cell) == a[r] and np.signbit(float(cell)) == np.signbit(a[r])


def test_number_texts_blank_what_is_unknown_and_write_the_rest_in_full():
    a = np.array([0.1, -0.0, np.nan, 1e-300, 2.5])
    assert number_texts(a, 5) == ["0.1", "-0.0", "", "1e-300", "2.5"]
    assert number_texts(np.array([1 / 3]), 1) == [repr(1 / 3)]
    assert number_texts(None, 3) == ["", "", ""]


def test_every_row_of_a_network_is_named_as_its_spec():
    sizes = (3, 12, 10, 2)
    rows = network_rows(sizes, None, [])
    assert rows.names == [s.name for s in parameter_specs(sizes)]
