"""What the window says about a data set: display names, how the labels were read, a split that changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpgui.model.datasets import BUILTIN_NAMES, load_builtin, load_csv
from bpgui.model.text import placeholders
from bpgui.session.data_notes import BUILTIN_DISPLAY_NAMES, DATA_SETS_CONTEXT, label_note, split_note


def write_labels(tmp_path: Path, labels: list[str], header: str = "digit") -> Path:
    path = tmp_path / "data.csv"
    path.write_text(f"x,{header}\n" + "".join(f"{k},{v}\n" for k, v in enumerate(labels)), encoding="utf-8")
    return path


def test_every_built_in_set_has_a_display_name_in_order():
    assert tuple(BUILTIN_DISPLAY_NAMES) == BUILTIN_NAMES
    assert BUILTIN_DISPLAY_NAMES["xor"] == "XOR"
    assert BUILTIN_DISPLAY_NAMES["watermelon3.0"] == "watermelon 3.0"
    assert BUILTIN_DISPLAY_NAMES["moons"] == "two moons"
    assert len(set(BUILTIN_DISPLAY_NAMES.values())) == len(BUILTIN_NAMES)


@pytest.mark.parametrize("labels, label_type, english", [
    ([str(k % 10) for k in range(20)], "auto",
     "label column 'digit' read as 10 classes (whole numbers, 10 distinct values); "
     "choose 'number' to treat it as a number"),
    ([str(k) for k in range(26)], "auto",
     "label column 'digit' read as a number (whole numbers, but 26 distinct values: more than 20); "
     "choose 'classes' to treat each value as a class"),
    (["1.5", "2", "3"], "auto",
     "label column 'digit' read as a number (not all whole numbers); choose 'classes' to treat each value as a class"),
    (["0", "1", "1"], "auto",
     "label column 'digit' read as 2 classes (0 and 1, one output); choose 'number' to treat it as a number"),
    (["是", "否"], "auto", "label column 'digit' read as 2 classes (否 and 是, one output)"),
    (["a", "b", "c"], "auto", "label column 'digit' read as 3 classes (text labels)"),
    ([str(k % 10) for k in range(20)], "number", "label column 'digit' read as a number, as chosen"),
    ([str(k) for k in range(26)], "classes", "label column 'digit' read as 26 classes, as chosen"),
    (["1", "2"], "classes", "label column 'digit' read as 2 classes, as chosen"),
])
def test_label_notes(tmp_path, labels, label_type, english):
    note = label_note(load_csv(write_labels(tmp_path, labels), label_type=label_type))
    assert note is not None
    assert note.english() == english
    assert note.context == DATA_SETS_CONTEXT == "DataSets" and note.level == "info"
    assert len(set(placeholders(note.template))) == len(note.args)  # every value has its %N


def test_several_label_columns_are_noted(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text("x,a,b\n1,0,1\n2,1,1\n", encoding="utf-8")
    assert label_note(load_csv(path, label_columns=["a", "b"])).english() == (
        "label columns a, b read as 2 independent 0/1 labels")
    assert label_note(load_csv(path, label_columns=["a", "b"], label_type="number")).english() == (
        "label columns a, b read as 2 numbers")


def test_built_in_sets_need_no_note_unless_chosen_otherwise():
    assert label_note(load_builtin("xor")) is None
    assert label_note(load_builtin("watermelon3.0")) is None
    assert label_note(load_builtin("xor", label_type="number")).english() == (
        "label column 'y_1' read as a number, as chosen")


def test_split_note():
    data = load_builtin("watermelon3.0")
    assert split_note(data, 0.2).english() == "test split 0.2 holds out 3 of 17 samples, the same as 0.15"
    assert split_note(data, 0.15) is None
    assert split_note(data, 0.0) is None
    assert split_note(load_builtin("sine", n_samples=9), 0.1).english() == (
        "test split 0.1 holds out 1 of 9 samples, the same as 0.05")
