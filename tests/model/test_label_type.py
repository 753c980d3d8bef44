"""How a label column is read: classes or a number, decided from the values or chosen.

A 0-9 digit column used to become one linear output (a 784-32-1 network that
diverges); whole numbers with at most MAX_INTEGER_CLASSES distinct values are
now classes, and the caller can choose either way.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import (
    LABEL_TYPES,
    MAX_INTEGER_CLASSES,
    Dataset,
    LabelReading,
    load_builtin,
    load_csv,
    load_dataset,
)
from bpgui.model.errors import DataError


def write_labels(tmp_path: Path, labels: list[str], header: str = "digit", name: str = "data.csv") -> Path:
    """A CSV file with one feature column (the row number) and the given labels."""
    path = tmp_path / name
    rows = "".join(f"{k},{label}\n" for k, label in enumerate(labels))
    path.write_text(f"x,{header}\n{rows}", encoding="utf-8")
    return path


DIGITS = [str(k % 10) for k in range(30)]


# ---------------------------------------------------------------------------
# auto
# ---------------------------------------------------------------------------


def test_digits_0_to_9_are_ten_one_hot_classes(tmp_path):
    data = load_csv(write_labels(tmp_path, DIGITS))
    assert data.task == "classification"
    assert data.n_outputs == 10
    assert data.class_names == tuple(str(k) for k in range(10))
    assert data.target_names == data.class_names
    np.testing.assert_array_equal(data.labels(), [k % 10 for k in range(30)])
    assert data.targets.sum(axis=1).tolist() == [1.0] * 30
    assert data.label_type == "classes" and data.label_type_inferred
    assert data.label == LabelReading("digit", "classes", True, "integers", 10)


def test_classes_are_in_increasing_numeric_order_not_text_order(tmp_path):
    data = load_csv(write_labels(tmp_path, ["10", "9", "-1", "2.0", "9"]))
    assert data.class_names == ("-1", "2", "9", "10")
    np.testing.assert_array_equal(data.labels(), [3, 2, 0, 1, 2])


def test_0_to_25_is_a_number_26_distinct_values_are_too_many(tmp_path):
    data = load_csv(write_labels(tmp_path, [str(k) for k in range(26)]))
    assert data.task == "regression" and data.n_outputs == 1 and data.class_names == ()
    np.testing.assert_array_equal(data.targets[:, 0], np.arange(26.0))
    assert data.label_type == "number" and data.label_type_inferred
    assert (data.label.reason, data.label.distinct) == ("many_values", 26)


def test_the_limit_is_inclusive(tmp_path):
    at = load_csv(write_labels(tmp_path, [str(k) for k in range(MAX_INTEGER_CLASSES)], name="at.csv"))
    over = load_csv(write_labels(tmp_path, [str(k) for k in range(MAX_INTEGER_CLASSES + 1)], name="over.csv"))
    assert MAX_INTEGER_CLASSES == 20
    assert at.label_type == "classes" and at.n_outputs == 20
    assert over.label_type == "number" and over.n_outputs == 1


def test_a_fraction_makes_the_column_a_number(tmp_path):
    data = load_csv(write_labels(tmp_path, ["1", "2", "1.5", "3"]))
    assert data.task == "regression" and data.label.reason == "fractions"
    np.testing.assert_array_equal(data.targets[:, 0], [1, 2, 1.5, 3])


def test_two_integers_are_two_classes_on_one_output(tmp_path):
    data = load_csv(write_labels(tmp_path, ["1", "2", "2", "1"]))
    assert data.n_outputs == 1 and data.class_names == ("1", "2")
    np.testing.assert_array_equal(data.targets[:, 0], [0, 1, 1, 0])


@pytest.mark.parametrize("labels", [["0", "1", "1", "0"], ["0.0", "1.0", "1", "0"]])
def test_a_binary_0_1_column_keeps_its_single_sigmoid_output(tmp_path, labels):
    data = load_csv(write_labels(tmp_path, labels))
    assert data.n_outputs == 1 and data.task == "classification" and data.class_names == ("0", "1")
    np.testing.assert_array_equal(data.targets[:, 0], [0, 1, 1, 0])
    assert data.label.reason == "binary" and data.label_type == "classes"


@pytest.mark.parametrize("labels, classes, reason", [
    (["是", "否", "是"], ("否", "是"), "yes_no"),
    (["yes", "no", "no"], ("no", "yes"), "yes_no"),
    (["cat", "dog", "cat"], ("cat", "dog"), "text"),
])
def test_text_labels_keep_their_binary_reading(tmp_path, labels, classes, reason):
    data = load_csv(write_labels(tmp_path, labels))
    assert data.n_outputs == 1 and data.class_names == classes
    assert data.label.reason == reason and data.label_type == "classes"


def test_text_class_names_stay_in_order_of_first_appearance(tmp_path):
    data = load_csv(write_labels(tmp_path, ["emu", "cat", "dog", "cat"]))
    assert data.class_names == ("emu", "cat", "dog") and data.n_outputs == 3
    assert data.label.reason == "text"


def test_one_distinct_integer_is_refused_as_one_class(tmp_path):
    with pytest.raises(DataError, match=r"only one class \(5\)"):
        load_csv(write_labels(tmp_path, ["5", "5", "5"]))


# ---------------------------------------------------------------------------
# chosen
# ---------------------------------------------------------------------------


def test_digits_chosen_as_a_number(tmp_path):
    data = load_csv(write_labels(tmp_path, DIGITS), label_type="number")
    assert data.task == "regression" and data.n_outputs == 1
    np.testing.assert_array_equal(data.targets[:, 0], [k % 10 for k in range(30)])
    assert data.label == LabelReading("digit", "number", False, "chosen", 10)
    assert not data.label_type_inferred


def test_many_integers_chosen_as_classes(tmp_path):
    data = load_csv(write_labels(tmp_path, [str(k) for k in range(26)]), label_type="classes")
    assert data.task == "classification" and data.n_outputs == 26
    assert data.label == LabelReading("digit", "classes", False, "chosen", 26)


def test_fractions_chosen_as_classes_are_named_by_their_value(tmp_path):
    data = load_csv(write_labels(tmp_path, ["1.5", "0.25", "1.5", "3"]), label_type="classes")
    assert data.class_names == ("0.25", "1.5", "3")
    np.testing.assert_array_equal(data.labels(), [1, 0, 1, 2])


def test_binary_0_1_chosen_as_a_number_is_one_regression_output(tmp_path):
    data = load_csv(write_labels(tmp_path, ["0", "1", "1"]), label_type="number")
    assert data.task == "regression" and data.class_names == ()
    np.testing.assert_array_equal(data.targets[:, 0], [0, 1, 1])


def test_text_chosen_as_a_number_names_the_first_text_cell(tmp_path):
    with pytest.raises(DataError) as info:
        load_csv(write_labels(tmp_path, ["yes", "no"]), label_type="number")
    assert str(info.value) == (
        f"{tmp_path / 'data.csv'}, line 2, column 2 (digit): label 'yes' is not a number; "
        "read the labels as classes instead"
    )


def test_text_chosen_as_classes_is_what_auto_gives(tmp_path):
    path = write_labels(tmp_path, ["emu", "cat", "dog"])
    auto, chosen = load_csv(path), load_csv(path, label_type="classes")
    np.testing.assert_array_equal(auto.targets, chosen.targets)
    assert auto.class_names == chosen.class_names
    assert (auto.label.reason, chosen.label.reason) == ("text", "chosen")


@pytest.mark.parametrize("bad", ["Classes", "int", "", None, 1])
def test_an_unknown_label_type_is_refused_by_name(tmp_path, bad):
    with pytest.raises(DataError, match="the label type must be one of auto, classes, number"):
        load_csv(write_labels(tmp_path, DIGITS), label_type=bad)


def test_several_label_columns(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text("x,a,b\n1,0,1\n2,1,1\n3,0,0\n", encoding="utf-8")
    auto = load_csv(path, label_columns=["a", "b"])
    assert auto.task == "classification" and auto.class_names == ()
    assert auto.label == LabelReading("a, b", "classes", True, "several", 2)
    number = load_csv(path, label_columns=["a", "b"], label_type="number")
    assert number.task == "regression" and number.label.reason == "chosen"
    np.testing.assert_array_equal(number.targets, auto.targets)

    path.write_text("x,a,b\n1,0,1\n2,1,2\n3,0,0\n", encoding="utf-8")
    assert load_csv(path, label_columns=["a", "b"]).task == "regression"
    with pytest.raises(DataError, match=r"column 3 \(b\): with several label columns, labels read as classes"):
        load_csv(path, label_columns=["a", "b"], label_type="classes")


# ---------------------------------------------------------------------------
# the Dataset and the loaders
# ---------------------------------------------------------------------------


def test_the_reading_survives_a_subset(tmp_path):
    data = load_csv(write_labels(tmp_path, DIGITS))
    assert data.subset([0, 1, 2]).label == data.label


def test_a_reading_that_contradicts_the_task_is_refused():
    with pytest.raises(DataError, match="label type 'number' does not fit task 'classification'"):
        Dataset("d", [[0.0], [1.0]], [[0.0], [1.0]], ("x",), ("y",), "classification",
                label=LabelReading("y", "number", True, "fractions", 2))


def test_a_hand_built_set_has_a_label_type_from_its_task_not_inferred():
    data = load_builtin("xor")
    hand = dataclasses.replace(data, label=None)
    assert hand.label_type == "classes" and not hand.label_type_inferred
    assert dataclasses.replace(load_builtin("sine"), label=None).label_type == "number"


def test_load_dataset_passes_the_label_type_to_files(tmp_path):
    path = write_labels(tmp_path, DIGITS)
    assert load_dataset(str(path)).n_outputs == 10
    assert load_dataset(str(path), label_type="number").n_outputs == 1
    assert load_dataset(str(path), seed=3, label_type="classes").n_outputs == 10


def test_built_in_sets_read_as_their_own_type_or_as_a_number():
    xor = load_builtin("xor")
    assert xor.label_type == "classes" and xor.label.reason == "builtin"
    as_number = load_dataset("xor", label_type="number")
    assert as_number.task == "regression" and as_number.class_names == ()
    np.testing.assert_array_equal(as_number.targets, xor.targets)
    assert load_builtin("watermelon3.0", label_type="number").task == "regression"
    assert load_builtin("sine", label_type="number").label.reason == "chosen"
    with pytest.raises(DataError, match="built-in data set 'sine' has numeric targets"):
        load_builtin("sine", label_type="classes")
    with pytest.raises(DataError, match="the label type must be one of"):
        load_dataset("xor", label_type="digits")


# ---------------------------------------------------------------------------
# property
# ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(
    values=st.lists(st.integers(min_value=-50, max_value=50), min_size=2, max_size=40),
    label_type=st.sampled_from(LABEL_TYPES),
)
def test_integer_labels_follow_the_rule(tmp_path_factory, values, label_type):
    """Whole numbers: classes iff (auto and <= 20 distinct) or chosen; the classes are the sorted values."""
    distinct = sorted(set(values))
    path = write_labels(tmp_path_factory.mktemp("labels"), [str(v) for v in values])
    try:
        data = load_csv(path, label_type=label_type)
    except DataError as exc:
        assert len(distinct) == 1 and label_type != "number" and "only one class" in str(exc)
        return
    binary = set(distinct) <= {0, 1}
    expect_classes = label_type == "classes" or (
        label_type == "auto" and (binary or len(distinct) <= MAX_INTEGER_CLASSES)
    )
    assert data.label_type == ("classes" if expect_classes else "number")
    assert data.label_type_inferred == (label_type == "auto")
    assert data.label.distinct == len(distinct)
    if expect_classes:
        assert data.class_names == tuple(str(v) for v in distinct)
        assert data.n_outputs == (1 if len(distinct) == 2 else len(distinct))
        np.testing.assert_array_equal(np.array(distinct)[data.labels()], values)
    else:
        np.testing.assert_array_equal(data.targets[:, 0], values)
