"""Hostile CSV input: load_csv gives a consistent Dataset or a DataError naming the file, nothing else.

Bounded property tests (a few dozen examples each, derandomised, no example
database written into the tree) over arbitrary bytes, arbitrary text and
CSV-shaped text with ragged rows, empty cells, huge numbers and NaN spelt
out, plus a few hand-picked inputs the generators rarely reach.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import Dataset, load_csv
from bpgui.model.errors import DataError

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CELLS = st.one_of(
    st.sampled_from([
        "", " ", "0", "1", "-0", "0.5", "1e308", "-1e308", "1e309", "1e-400", "nan", "NaN", "-inf", "Infinity",
        "yes", "no", "是", "否", "True", "f", "a", "b", "c", "编号", "id", '"', '""', "'", "#", "1,5", "\t",
        "99999999999999999999999999999999999999", "0x10", "1_000", "١٢", "１", "½", "\x00", "\u200b", "\ufeff",
    ]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=6),
)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A header and ragged rows of hostile cells, joined by commas and mixed line endings."""
    width = draw(st.integers(min_value=0, max_value=5))
    header = draw(st.lists(st.sampled_from(["a", "b", "y", "id", "编号", "", "a "]) | st.text(max_size=4),
                           min_size=width, max_size=width))
    rows = draw(st.lists(
        st.lists(CELLS, min_size=max(width - 1, 0), max_size=width + 1) if width else st.lists(CELLS, max_size=3),
        max_size=8,
    ))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(",".join(cells) for cells in [header, *rows]) + draw(st.sampled_from(["", newline]))


def check(path: Path, **options: Any) -> Dataset | None:
    """Load ``path``: a consistent Dataset, or None after a DataError that names the file."""
    try:
        data = load_csv(path, **options)
    except DataError as exc:
        assert str(exc).startswith(str(path)), str(exc)
        return None
    m, d, ell = data.n_samples, data.n_inputs, data.n_outputs
    assert m >= 1 and d >= 1 and ell >= 1
    assert data.inputs.shape == (m, d) and data.targets.shape == (m, ell)
    assert data.inputs.dtype == np.float64 and data.targets.dtype == np.float64
    assert np.all(np.isfinite(data.inputs)) and np.all(np.isfinite(data.targets))
    assert len(data.feature_names) == d and len(data.target_names) == ell
    assert data.name == path.name and data.source == str(path)
    assert data.label is not None and data.label.column
    assert data.label_type == ("classes" if data.task == "classification" else "number")
    wanted = options.get("label_type", "auto")
    assert data.label_type_inferred == (wanted == "auto")
    if wanted != "auto":
        assert data.label_type == wanted
    if data.task == "classification":
        assert np.all((data.targets == 0) | (data.targets == 1))
        assert len(set(data.labels().tolist())) >= 2  # never a set of one class
    else:
        assert data.task == "regression" and data.class_names == ()
    return data


@BOUNDED
@given(payload=st.binary(max_size=200))
def test_arbitrary_bytes(tmp_path, payload):
    path = tmp_path / "bytes.csv"
    path.write_bytes(payload)
    check(path)


@BOUNDED
@given(text=st.text(max_size=120), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16"]))
def test_arbitrary_text(tmp_path, text, encoding):
    path = tmp_path / "text.csv"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(text.encode("utf-8"))
    check(path)


@BOUNDED
@given(text=csv_texts())
def test_csv_shaped_text(tmp_path, text):
    path = tmp_path / "ragged, {odd} name.csv"
    path.write_text(text, encoding="utf-8", newline="")
    data = check(path)
    if data is not None and '"' not in text and "\x00" not in text:
        # without quotes a row is a line: every non-blank line but the header is one sample
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert data.n_samples == sum(any(cell.strip() for cell in line.split(",")) for line in lines) - 1


@BOUNDED
@given(
    text=csv_texts(),
    label_columns=(
        st.none() | st.text(max_size=3) | st.lists(st.sampled_from(["a", "b", "y", "id", "", "z"]), max_size=3)
    ),
    drop_id=st.booleans(),
    label_type=st.sampled_from(["auto", "classes", "number"]),
)
def test_label_and_id_options(tmp_path, text, label_columns, drop_id, label_type):
    path = tmp_path / "options.csv"
    path.write_text(text, encoding="utf-8", newline="")
    check(path, label_columns=label_columns, drop_id=drop_id, label_type=label_type)


@BOUNDED
@given(
    values=st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=2, max_size=10),
    labels=st.lists(st.sampled_from(["yes", "no", "1", "0", "cat", "dog", "emu"]), min_size=2, max_size=10),
)
def test_finite_numbers_round_trip(tmp_path, values, labels):
    """Every finite float, written as repr, loads back bit for bit (or the labels are refused)."""
    n = min(len(values), len(labels))
    path = tmp_path / "numbers.csv"
    path.write_text("x,y\n" + "".join(f"{v!r},{y}\n" for v, y in zip(values[:n], labels[:n])), encoding="utf-8")
    data = check(path)
    if data is not None:
        assert data.inputs[:, 0].tobytes() == np.array(values[:n]).tobytes()


@pytest.mark.parametrize(
    "payload, fragment",
    [
        (b"a,y\n" + b"1," + b"9" * 200_000 + b"\n2,0\n", "not valid CSV"),  # beyond the csv module's field limit
        (b'a,y\n1,"open quote\n2,0\n', ""),
        (b"a,y\n1,\x00\n2,0\n", ""),
        (b"a,y\n1e999,1\n2,0\n", "not a finite number"),
        (b"a,y\n-nan,1\n2,0\n", "not a finite number"),
        (b"\xef\xbb\xbf\xef\xbb\xbfa,y\n1,1\n2,0\n", ""),
        ("a,y\n١,1\n２,0\n".encode(), ""),
        (b"\r\r\r", "empty"),
        (b",,,\n,,,\n", "empty"),
    ],
)
def test_hand_picked_hostile_files(tmp_path, payload, fragment):
    path = tmp_path / "hostile.csv"
    path.write_bytes(payload)
    check(path)
    if fragment:
        with pytest.raises(DataError, match=fragment):
            load_csv(path)


def test_the_checker_itself_can_fail(tmp_path, monkeypatch):
    """check() rejects a DataError that does not name the file, and any other exception."""
    path = tmp_path / "x.csv"
    path.write_text("a,y\n1,1\n2,0\n", encoding="utf-8")
    assert check(path) is not None

    def wrong_file(_path):
        raise DataError("{file}: broken", file="elsewhere.csv")

    def not_a_data_error(_path):
        raise IndexError("list index out of range")

    monkeypatch.setitem(globals(), "load_csv", wrong_file)
    with pytest.raises(AssertionError):
        check(path)
    monkeypatch.setitem(globals(), "load_csv", not_a_data_error)
    with pytest.raises(IndexError):
        check(path)
