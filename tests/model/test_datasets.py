"""Tests of bpgui.model.datasets: built-in sets, CSV import, splitting."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from bpgui.model import datasets as ds
from bpgui.model.datasets import (
    BUILTIN_NAMES,
    Dataset,
    load_builtin,
    load_csv,
    load_dataset,
    train_test_split,
)
from bpgui.model.errors import DataError
from bpgui.paths import resource_path

WATERMELON = resource_path("data", "watermelon3.0.csv")
WATERMELON_EN = resource_path("data", "watermelon3.0.en.csv")
WATERMELON_ALPHA = resource_path("data", "watermelon3.0alpha.csv")
RANDOM_SETS = ("circle", "gauss", "spiral", "moons", "sine")
RANDOM_2D = ("circle", "gauss", "spiral", "moons")


def write(tmp_path: Path, text: str, name: str = "data.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read_csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle) if row]


def assert_error(path_or_callable, *fragments: str, **kwargs) -> str:
    """Loading raises DataError whose message contains every fragment."""
    with pytest.raises(DataError) as info:
        if callable(path_or_callable):
            path_or_callable()
        else:
            load_csv(path_or_callable, **kwargs)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


# ---------------------------------------------------------------------------
# The module itself
# ---------------------------------------------------------------------------


def test_the_facade_re_exports_every_public_name():
    from bpgui.model import builtin_data, csv_import, dataset, split

    for name in ds.__all__:
        assert hasattr(ds, name), name
    homes = {
        "Dataset": dataset, "CLASSIFICATION": dataset, "REGRESSION": dataset,
        "LabelReading": dataset, "LABEL_AUTO": dataset, "LABEL_CLASSES": dataset, "LABEL_NUMBER": dataset,
        "LABEL_TYPES": dataset, "MAX_INTEGER_CLASSES": dataset,
        "BUILTIN_NAMES": builtin_data, "LANGUAGES": builtin_data,
        "load_builtin": builtin_data, "load_dataset": builtin_data,
        "load_csv": csv_import, "ID_COLUMN_NAMES": csv_import,
        "POSITIVE_LABELS": csv_import, "NEGATIVE_LABELS": csv_import,
        "train_test_split": split, "held_out_count": split, "smallest_same_fraction": split,
    }
    assert set(homes) == set(ds.__all__)
    for name, home in homes.items():
        assert getattr(ds, name) is getattr(home, name), name


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


# ---------------------------------------------------------------------------
# Logic sets
# ---------------------------------------------------------------------------

LOGIC = {
    "xor": [0, 1, 1, 0],
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
}


@pytest.mark.parametrize("name", sorted(LOGIC))
def test_two_input_logic_sets(name):
    data = load_builtin(name)
    np.testing.assert_array_equal(data.inputs, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(data.targets, np.array(LOGIC[name], float).reshape(4, 1))
    assert data.inputs.dtype == np.float64 and data.targets.dtype == np.float64
    assert data.name == name
    assert data.task == "classification"
    assert data.class_names == ("0", "1")
    assert data.feature_names == ("x_1", "x_2")
    assert data.target_names == ("y_1",)
    assert data.source == "builtin"
    assert (data.n_samples, data.n_inputs, data.n_outputs) == (4, 2, 1)
    np.testing.assert_array_equal(data.labels(), LOGIC[name])


def test_not_set():
    data = load_builtin("not")
    np.testing.assert_array_equal(data.inputs, [[0], [1]])
    np.testing.assert_array_equal(data.targets, [[1], [0]])
    assert data.feature_names == ("x_1",)
    assert data.target_names == ("y_1",)
    assert data.class_names == ("0", "1")


def test_builtin_names_are_all_loadable():
    assert BUILTIN_NAMES == (
        "xor", "and", "or", "not", "watermelon3.0", "watermelon3.0alpha",
        "circle", "gauss", "spiral", "moons", "sine",
    )
    for name in BUILTIN_NAMES:
        data = load_builtin(name, n_samples=20)
        assert data.name == name
        assert data.source == "builtin"


def test_builtin_name_ignores_case_and_spaces():
    np.testing.assert_array_equal(load_builtin(" XOR ").targets, load_builtin("xor").targets)


# ---------------------------------------------------------------------------
# Read-only arrays
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["xor", "watermelon3.0", "circle", "sine"])
def test_arrays_are_read_only(name):
    data = load_builtin(name, n_samples=10)
    for array in (data.inputs, data.targets, data.subset([0, 1]).inputs):
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array[0, 0] = 5.0


def test_dataset_copies_the_callers_arrays():
    inputs = np.array([[0.0], [1.0]])
    targets = np.array([[0.0], [1.0]])
    data = Dataset("t", inputs, targets, ("a",), ("b",), "classification", ("n", "p"))
    inputs[0, 0] = 9.0
    assert data.inputs[0, 0] == 0.0
    assert inputs.flags.writeable  # the caller's array is left alone


def test_dataset_is_frozen():
    data = load_builtin("xor")
    with pytest.raises(AttributeError):
        data.name = "other"  # type: ignore[misc]


def test_dataset_rejects_inconsistent_shapes():
    with pytest.raises(DataError, match="feature names"):
        Dataset("t", np.zeros((2, 2)), np.zeros((2, 1)), ("a",), ("y",), "regression")
    with pytest.raises(DataError, match="rows"):
        Dataset("t", np.zeros((2, 1)), np.zeros((3, 1)), ("a",), ("y",), "regression")
    with pytest.raises(DataError, match="task"):
        Dataset("t", np.zeros((2, 1)), np.zeros((2, 1)), ("a",), ("y",), "clustering")
    with pytest.raises(DataError, match="NaN"):
        Dataset("t", [[np.nan], [1.0]], np.zeros((2, 1)), ("a",), ("y",), "regression")


# ---------------------------------------------------------------------------
# Watermelon
# ---------------------------------------------------------------------------


def test_watermelon_shape_and_encoding_match_the_csv():
    rows = read_csv_rows(WATERMELON)
    header, body = rows[0], rows[1:]
    assert header[0] == "编号" and header[-1] == "好瓜"
    categorical = [j for j in range(1, len(header) - 1) if not _all_numbers(body, j)]
    numeric = [j for j in range(1, len(header) - 1) if _all_numbers(body, j)]
    assert len(categorical) == 6 and len(numeric) == 2
    width = sum(len({row[j] for row in body}) for j in categorical) + len(numeric)

    data = load_builtin("watermelon3.0")
    assert data.name == "watermelon3.0"
    assert data.inputs.shape == (17, width)
    assert data.targets.shape == (17, 1)
    assert data.class_names == ("否", "是")
    assert data.target_names == ("好瓜",)
    assert data.task == "classification"
    np.testing.assert_array_equal(data.targets[:, 0], [row[-1] == "是" for row in body])

    # feature names: one-hot in order of first appearance, then the numbers
    expected_names = []
    for j in categorical:
        for value in dict.fromkeys(row[j] for row in body):
            expected_names.append(f"{header[j]}={value}")
    expected_names += [header[j] for j in numeric]
    assert data.feature_names == tuple(expected_names)
    assert "编号" not in " ".join(data.feature_names)

    # every cell encoded: a 1 exactly in the column of its value
    for k, row in enumerate(body):
        for j in categorical:
            for value in {r[j] for r in body}:
                column = data.feature_names.index(f"{header[j]}={value}")
                assert data.inputs[k, column] == (1.0 if row[j] == value else 0.0)
        for j in numeric:
            assert data.inputs[k, data.feature_names.index(header[j])] == float(row[j])


def _all_numbers(body, j):
    try:
        [float(row[j]) for row in body]
    except ValueError:
        return False
    return True


def test_watermelon_alpha_values_equal_the_csv():
    body = read_csv_rows(WATERMELON_ALPHA)[1:]
    data = load_builtin("watermelon3.0alpha")
    assert data.feature_names == ("密度", "含糖率")
    np.testing.assert_array_equal(data.inputs, [[float(r[1]), float(r[2])] for r in body])
    np.testing.assert_array_equal(data.targets[:, 0], [r[3] == "是" for r in body])
    assert data.class_names == ("否", "是")


def test_chinese_and_english_watermelon_give_identical_arrays():
    zh = load_csv(WATERMELON)
    en = load_csv(WATERMELON_EN)
    np.testing.assert_array_equal(zh.inputs, en.inputs)
    np.testing.assert_array_equal(zh.targets, en.targets)
    assert en.class_names == ("no", "yes")
    assert en.feature_names[0] == "color=green"
    assert zh.name == "watermelon3.0.csv" and zh.source == str(WATERMELON)


def test_gbk_and_bom_files_load_like_utf8(tmp_path):
    text = WATERMELON.read_text(encoding="utf-8")
    utf8 = load_csv(write(tmp_path, text, "utf8.csv"))
    for name, encoding, kwargs in [
        ("gbk.csv", "gbk", {}),
        ("bom.csv", "utf-8-sig", {}),
        ("gbk_explicit.csv", "gbk", {"encoding": "gbk"}),
        ("bom_explicit.csv", "utf-8-sig", {"encoding": "utf-8"}),
    ]:
        other = load_csv(write(tmp_path, text, name, encoding), **kwargs)
        np.testing.assert_array_equal(other.inputs, utf8.inputs)
        np.testing.assert_array_equal(other.targets, utf8.targets)
        assert other.feature_names == utf8.feature_names
        assert other.target_names == utf8.target_names
        assert other.class_names == utf8.class_names
    assert (tmp_path / "gbk.csv").read_bytes() != (tmp_path / "utf8.csv").read_bytes()


def test_crlf_quotes_and_spaces(tmp_path):
    path = write(tmp_path, 'a, "b" ,y\r\n 1 ,x, yes\r\n2," x",no\r\n')
    data = load_csv(path)
    np.testing.assert_array_equal(data.inputs, [[1, 1], [2, 1]])
    assert data.feature_names == ("a", "b=x")


# ---------------------------------------------------------------------------
# Bad CSV input: every message names the file, line and column
# ---------------------------------------------------------------------------


def test_error_message_format(tmp_path):
    path = write(
        tmp_path,
        "编号,色泽,密度,好瓜\n1,青绿,0.5,是\n2,乌黑,0.4,否\n3,浅白,0.3,是\n"
        "4,青绿,abc,否\n5,青绿,0.2,否\n6,青绿,0.1,否\n",
    )
    message = assert_error(path)
    assert message.startswith(f"{path}, line 5, column 3 (密度): 'abc' is not a number")


def test_missing_file(tmp_path):
    path = tmp_path / "nope.csv"
    assert_error(path, str(path), "not found")


def test_folder_instead_of_file(tmp_path):
    assert_error(tmp_path, str(tmp_path), "folder")


def test_empty_file(tmp_path):
    assert_error(write(tmp_path, ""), "data.csv", "empty")
    assert_error(write(tmp_path, "\n  \n\n", "blank.csv"), "blank.csv", "empty")


def test_header_only(tmp_path):
    assert_error(write(tmp_path, "a,b,y\n\n"), "data.csv", "no data rows")


def test_ragged_row_counts_blank_lines(tmp_path):
    path = write(tmp_path, "a,b,y\n1,2,yes\n\n3,4,no\n5,6\n7,8,no\n")
    assert_error(path, "data.csv, line 5", "2 cells", "header has 3")
    path = write(tmp_path, "a,b,y\n1,2,yes,9\n", "long.csv")
    assert_error(path, "long.csv, line 2", "4 cells")


def test_duplicate_header(tmp_path):
    path = write(tmp_path, "a,b,a,y\n1,2,3,yes\n")
    assert_error(path, "data.csv, line 1", "duplicate", "'a'", "columns 1 and 3")


def test_empty_header_name(tmp_path):
    assert_error(write(tmp_path, "a,,y\n1,2,yes\n"), "data.csv, line 1, column 2", "empty column name")


def test_fewer_than_two_columns(tmp_path):
    path = write(tmp_path, "a;b;y\n1;2;yes\n")
    assert_error(path, "data.csv, line 1", "at least 2")


def test_no_feature_columns_left(tmp_path):
    assert_error(write(tmp_path, "id,y\n1,yes\n2,no\n"), "data.csv", "no feature columns")


def test_empty_value(tmp_path):
    path = write(tmp_path, "a,b,y\n1,x,yes\n2,,no\n3,z,no\n")
    assert_error(path, "data.csv, line 3, column 2 (b)", "empty value")
    path = write(tmp_path, "a,b,y\n1,x,yes\n2,y,\n", "label.csv")
    assert_error(path, "label.csv, line 3, column 3 (y)", "empty value")


@pytest.mark.parametrize("bad", ["nan", "inf", "-Infinity", "1e999", "NaN"])
def test_non_finite_number(tmp_path, bad):
    path = write(tmp_path, f"a,b,y\n1,2,yes\n2,3,no\n\n3,{bad},no\n4,5,yes\n")
    assert_error(path, "data.csv, line 5, column 2 (b)", repr(bad), "not a finite number")


def test_non_finite_regression_label(tmp_path):
    path = write(tmp_path, "a,y\n1,0.5\n2,inf\n3,0.7\n")
    assert_error(path, "data.csv, line 3, column 2 (y)", "not a finite number")


def test_text_in_numeric_column(tmp_path):
    path = write(tmp_path, "id,a,b,y\n1,0.1,x,yes\n2,0.2,y,no\n3,?,x,no\n4,0.4,y,yes\n5,n/a,x,no\n")
    assert_error(path, "data.csv, line 4, column 2 (a)", "'?' is not a number", "text in a numeric")


def test_text_in_numeric_label_column(tmp_path):
    path = write(tmp_path, "a,y\n1,0.5\n2,0.7\n3,high\n4,0.2\n")
    assert_error(path, "data.csv, line 4, column 2 (y)", "'high' is not a number")


def test_first_bad_cell_in_reading_order_is_reported(tmp_path):
    # column 3 has an empty cell on line 2, column 2 text on line 3
    path = write(tmp_path, "a,b,c,y\n1,1,,yes\n2,oops,5,no\n3,3,6,no\n4,4,7,yes\n")
    assert_error(path, "data.csv, line 2, column 3 (c)", "empty value")


def test_all_text_and_mostly_text_columns_are_categorical(tmp_path):
    path = write(tmp_path, "size,colour,y\nS,red,yes\nM,blue,no\n10,red,no\nL,green,yes\n")
    data = load_csv(path)
    assert data.feature_names == (
        "size=S", "size=M", "size=10", "size=L", "colour=red", "colour=blue", "colour=green",
    )
    np.testing.assert_array_equal(data.inputs[2], [0, 0, 1, 0, 1, 0, 0])


def test_unknown_label_column(tmp_path):
    path = write(tmp_path, "a,b,y\n1,2,yes\n2,3,no\n")
    message = assert_error(path, "data.csv", "'target'", "a, b, y", label_columns=["target"])
    assert "label_columns" in message


def test_only_one_class(tmp_path):
    assert_error(write(tmp_path, "a,y\n1,是\n2,是\n", "one.csv"), "one.csv", "column 2 (y)", "only one class (是)")
    assert_error(write(tmp_path, "a,y\n1,cat\n2,cat\n", "cat.csv"), "cat.csv", "only one class (cat)")
    assert_error(write(tmp_path, "a,y\n1,0.0\n2,0\n", "zero.csv"), "zero.csv", "only one class (0)")


def test_multi_label_columns_must_be_numeric(tmp_path):
    path = write(tmp_path, "a,p,q\n1,0,1\n2,1,yes\n")
    assert_error(path, "data.csv, line 3, column 3 (q)", "not a number", label_columns=["p", "q"])


def test_undecodable_file(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"a,b,y\n1,2,\xff\xfe\xff\n")
    assert_error(path, "binary.csv", "UTF-8", "GBK")
    assert_error(path, "binary.csv, line 2", "utf-8", encoding="utf-8")
    assert_error(path, "binary.csv", "unknown encoding", encoding="no-such-codec")


def test_gbk_file_read_as_utf8_fails_clearly(tmp_path):
    path = write(tmp_path, "色泽,好瓜\n青绿,是\n乌黑,否\n", encoding="gbk")
    assert_error(path, "data.csv, line 1", "utf-8", encoding="utf-8")


# ---------------------------------------------------------------------------
# Ids and label columns
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("id_name", ["编号", "ID", "No", "no.", "Index", "#", "序号", " id "])
def test_id_column_is_dropped(tmp_path, id_name):
    data = load_csv(write(tmp_path, f"{id_name},a,y\n1,0.5,yes\n2,0.7,no\n"))
    assert data.feature_names == ("a",)
    np.testing.assert_array_equal(data.inputs, [[0.5], [0.7]])


def test_id_column_kept_when_asked_or_not_first(tmp_path):
    path = write(tmp_path, "id,a,y\n1,0.5,yes\n2,0.7,no\n")
    assert load_csv(path, drop_id=False).feature_names == ("id", "a")
    path = write(tmp_path, "a,id,y\n0.5,1,yes\n0.7,2,no\n", "second.csv")
    assert load_csv(path).feature_names == ("a", "id")


def test_label_column_by_name(tmp_path):
    path = write(tmp_path, "x,label,z\n1,yes,3\n2,no,4\n")
    data = load_csv(path, label_columns=["label"])
    assert data.feature_names == ("x", "z")
    np.testing.assert_array_equal(data.inputs, [[1, 3], [2, 4]])
    np.testing.assert_array_equal(data.targets, [[1], [0]])
    assert load_csv(path, label_columns="label").feature_names == ("x", "z")


# ---------------------------------------------------------------------------
# Label variants
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "labels, class_names, targets",
    [
        (["是", "否", "是"], ("否", "是"), [1, 0, 1]),
        (["no", "Yes", "yes"], ("no", "Yes"), [0, 1, 1]),
        (["TRUE", "false", "True"], ("false", "TRUE"), [1, 0, 1]),
        (["好", "坏", "坏"], ("坏", "好"), [1, 0, 0]),
        (["1", "0", "0"], ("0", "1"), [1, 0, 0]),
        (["1.0", "0.0", "1"], ("0", "1"), [1, 0, 1]),
        (["dog", "cat", "cat"], ("dog", "cat"), [0, 1, 1]),
    ],
)
def test_binary_label_variants(tmp_path, labels, class_names, targets):
    body = "".join(f"{k},{label}\n" for k, label in enumerate(labels))
    data = load_csv(write(tmp_path, "x,y\n" + body))
    assert data.task == "classification"
    assert data.class_names == class_names
    assert data.target_names == ("y",)
    np.testing.assert_array_equal(data.targets[:, 0], targets)
    np.testing.assert_array_equal(data.labels(), targets)


def test_three_class_names_are_one_hot(tmp_path):
    path = write(tmp_path, "x,species\n1,setosa\n2,versicolor\n3,virginica\n4,setosa\n")
    data = load_csv(path)
    assert data.task == "classification"
    assert data.class_names == ("setosa", "versicolor", "virginica")
    assert data.target_names == data.class_names
    np.testing.assert_array_equal(data.targets, [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]])
    np.testing.assert_array_equal(data.labels(), [0, 1, 2, 0])


def test_numeric_labels_are_regression(tmp_path):
    data = load_csv(write(tmp_path, "x,y\n1,0.5\n2,2\n3,-1.25e1\n"))
    assert data.task == "regression"
    assert data.class_names == ()
    np.testing.assert_array_equal(data.targets, [[0.5], [2.0], [-12.5]])
    with pytest.raises(DataError, match="regression"):
        data.labels()


def test_several_label_columns(tmp_path):
    path = write(tmp_path, "x,p,q\n1,0.5,1\n2,2,3\n")
    data = load_csv(path, label_columns=["p", "q"])
    assert data.task == "regression"
    assert data.target_names == ("p", "q")
    np.testing.assert_array_equal(data.targets, [[0.5, 1], [2, 3]])

    path = write(tmp_path, "x,p,q\n1,0,1\n2,1,1\n", "multi.csv")
    data = load_csv(path, label_columns=["p", "q"])
    assert data.task == "classification" and data.class_names == ()
    np.testing.assert_array_equal(data.labels(), [[0, 1], [1, 1]])
    assert data.accuracy([[0.2, 0.9], [0.9, 0.1]]) == 0.5


# ---------------------------------------------------------------------------
# classify / accuracy / subset
# ---------------------------------------------------------------------------


def test_classify_and_accuracy_binary():
    data = load_builtin("xor")
    outputs = np.array([[0.1], [0.5], [0.49], [0.2]])
    np.testing.assert_array_equal(data.classify(outputs), [0, 1, 0, 0])
    assert data.accuracy(outputs) == 0.75
    assert data.accuracy(outputs[:, 0]) == 0.75
    with pytest.raises(DataError, match="shape"):
        data.classify(np.zeros((4, 2)))


def test_classify_one_hot(tmp_path):
    data = load_csv(write(tmp_path, "x,c\n1,a\n2,b\n3,c\n"))
    outputs = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.2], [0.5, 0.1, 0.4]])
    np.testing.assert_array_equal(data.classify(outputs), [0, 1, 0])
    assert data.accuracy(outputs) == pytest.approx(2 / 3)


def test_accuracy_regression_raises():
    data = load_builtin("sine", n_samples=5)
    with pytest.raises(DataError, match="regression"):
        data.accuracy(np.zeros((5, 1)))


def test_subset_keeps_metadata():
    data = load_builtin("watermelon3.0")
    part = data.subset([16, 0])
    np.testing.assert_array_equal(part.inputs, data.inputs[[16, 0]])
    np.testing.assert_array_equal(part.targets, data.targets[[16, 0]])
    for field in ("name", "feature_names", "target_names", "task", "class_names", "source"):
        assert getattr(part, field) == getattr(data, field)
    empty = data.subset([])
    assert empty.inputs.shape == (0, data.n_inputs)
    assert np.isnan(empty.accuracy(np.zeros((0, 1))))
    assert data.subset(np.arange(17) < 3).n_samples == 3
    assert data.subset(slice(2, 5)).n_samples == 3


# ---------------------------------------------------------------------------
# Random sets
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", RANDOM_SETS)
def test_random_sets_are_reproducible_and_seeded(name):
    a = load_builtin(name, seed=3, n_samples=50, noise=0.2)
    b = load_builtin(name, seed=3, n_samples=50, noise=0.2)
    c = load_builtin(name, seed=4, n_samples=50, noise=0.2)
    assert a.inputs.tobytes() == b.inputs.tobytes()
    assert a.targets.tobytes() == b.targets.tobytes()
    assert a.inputs.tobytes() != c.inputs.tobytes()
    # also without noise, the seed matters
    z1 = load_builtin(name, seed=1, n_samples=50, noise=0.0)
    z2 = load_builtin(name, seed=2, n_samples=50, noise=0.0)
    assert z1.inputs.tobytes() != z2.inputs.tobytes()


@pytest.mark.parametrize("name", RANDOM_SETS)
def test_random_sets_leave_global_random_state_alone(name):
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    load_builtin(name, seed=5)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


@pytest.mark.parametrize("name", RANDOM_2D)
@pytest.mark.parametrize("n_samples", [200, 51])
def test_random_2d_sets_shape_balance_and_range(name, n_samples):
    data = load_builtin(name, n_samples=n_samples, seed=7)
    assert data.inputs.shape == (n_samples, 2)
    assert data.targets.shape == (n_samples, 1)
    assert data.task == "classification"
    assert data.class_names == ("0", "1")
    assert data.feature_names == ("x_1", "x_2")
    assert set(np.unique(data.targets)) == {0.0, 1.0}
    assert int(data.targets.sum()) == n_samples // 2
    noiseless = load_builtin(name, n_samples=n_samples, seed=7, noise=0.0)
    bound = 2.0 if name == "gauss" else 1.5  # gauss: 5 sigma of 0.2 around ±0.5
    assert np.abs(noiseless.inputs).max() <= bound
    assert np.abs(data.inputs).max() < 2.5
    # classes are interleaved, not in two blocks
    labels = data.labels()
    assert labels[: n_samples // 2].sum() not in (0, n_samples // 2)


def test_circle_geometry_without_noise():
    data = load_builtin("circle", noise=0.0, n_samples=100)
    radius = np.hypot(data.inputs[:, 0], data.inputs[:, 1])
    inside = data.labels() == 1
    assert radius[inside].max() <= 0.5
    assert radius[~inside].min() >= 0.7 and radius[~inside].max() <= 1.0


def test_gauss_classes_sit_around_their_centres():
    data = load_builtin("gauss", n_samples=400, noise=0.0)
    positive = data.inputs[data.labels() == 1].mean(axis=0)
    negative = data.inputs[data.labels() == 0].mean(axis=0)
    np.testing.assert_allclose(positive, [0.5, 0.5], atol=0.06)
    np.testing.assert_allclose(negative, [-0.5, -0.5], atol=0.06)


def test_sine_set():
    data = load_builtin("sine", n_samples=100, noise=0.0, seed=2)
    assert data.task == "regression" and data.class_names == ()
    assert data.inputs.shape == (100, 1) and data.targets.shape == (100, 1)
    assert np.all(np.abs(data.inputs) <= np.pi)
    np.testing.assert_allclose(data.targets, np.sin(data.inputs))
    noisy = load_builtin("sine", n_samples=100, noise=0.3, seed=2)
    np.testing.assert_array_equal(noisy.inputs, data.inputs)
    residual = noisy.targets - np.sin(noisy.inputs)
    assert 0.15 < residual.std() < 0.45


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"seed": -1}, "seed"),
        ({"seed": 1.5}, "seed"),
        ({"n_samples": 1}, "n_samples"),
        ({"n_samples": 10.0}, "n_samples"),
        ({"noise": -0.1}, "noise"),
        ({"noise": float("nan")}, "noise"),
    ],
)
def test_bad_builtin_parameters(kwargs, fragment):
    assert_error(lambda: load_builtin("circle", **kwargs), fragment)


def test_unknown_builtin_lists_names():
    message = assert_error(lambda: load_builtin("iris"), "'iris'")
    for name in BUILTIN_NAMES:
        assert name in message


# ---------------------------------------------------------------------------
# load_dataset
# ---------------------------------------------------------------------------


def test_load_dataset_builtin_and_path(tmp_path):
    assert load_dataset("xor").name == "xor"
    a = load_dataset("moons", seed=9, n_samples=30, noise=0.05)
    b = load_builtin("moons", seed=9, n_samples=30, noise=0.05)
    assert a.inputs.tobytes() == b.inputs.tobytes()
    path = write(tmp_path, "a,y\n1,yes\n2,no\n")
    assert load_dataset(str(path)).source == str(path)


def test_load_dataset_unknown_name_lists_builtins(tmp_path):
    missing = str(tmp_path / "missing.csv")
    message = assert_error(lambda: load_dataset(missing), missing)
    assert ", ".join(BUILTIN_NAMES) in message
    assert_error(lambda: load_dataset("iris"), "iris", "xor", "sine")


# ---------------------------------------------------------------------------
# train_test_split
# ---------------------------------------------------------------------------


def test_split_is_deterministic_and_partitions_the_rows():
    data = load_builtin("watermelon3.0")
    train_a, test_a = train_test_split(data, 0.3, seed=1)
    train_b, test_b = train_test_split(data, 0.3, seed=1)
    assert train_a.inputs.tobytes() == train_b.inputs.tobytes()
    assert test_a.inputs.tobytes() == test_b.inputs.tobytes()
    assert (train_a.n_samples, test_a.n_samples) == (12, 5)
    # together they are the original rows (rows of watermelon are distinct)
    rows = {tuple(r) for r in data.inputs}
    train_rows = {tuple(r) for r in train_a.inputs}
    test_rows = {tuple(r) for r in test_a.inputs}
    assert train_rows | test_rows == rows and not train_rows & test_rows
    seeds_differ = any(
        train_test_split(data, 0.3, seed=s)[1].inputs.tobytes() != test_a.inputs.tobytes()
        for s in range(2, 6)
    )
    assert seeds_differ
    assert train_a.name == data.name and train_a.class_names == data.class_names


def test_split_is_stratified():
    data = load_builtin("watermelon3.0")  # 8 是, 9 否
    # 17 rows * 0.5 -> 9 test rows: 9/17 of 9 否 = 4.76 -> 5, 9/17 of 8 是 = 4.24 -> 4
    for seed in range(5):
        _, test = train_test_split(data, 0.5, seed)
        np.testing.assert_array_equal(np.bincount(test.labels(), minlength=2), [5, 4])
    for fraction in (0.9, 0.99):
        for seed in range(5):
            train, test = train_test_split(data, fraction, seed)
            assert set(train.labels()) == {0, 1}
            assert train.n_samples + test.n_samples == 17


def test_split_keeps_every_one_hot_class_in_train(tmp_path):
    path = write(tmp_path, "x,c\n1,a\n2,a\n3,a\n4,b\n5,b\n6,c\n7,c\n8,a\n")
    data = load_csv(path)
    for seed in range(5):
        train, test = train_test_split(data, 0.95, seed)
        assert set(train.labels()) == {0, 1, 2}
        assert test.n_samples == 5


def test_split_small_fraction_gives_one_test_row():
    train, test = train_test_split(load_builtin("xor"), 0.05, seed=0)
    assert (train.n_samples, test.n_samples) == (3, 1)


def test_split_zero_fraction_and_regression():
    data = load_builtin("sine", n_samples=10)
    train, test = train_test_split(data, 0.0, seed=0)
    assert train is data and test.n_samples == 0 and test.inputs.shape == (0, 1)
    train, test = train_test_split(data, 0.99, seed=0)
    assert (train.n_samples, test.n_samples) == (1, 9)


@pytest.mark.parametrize("fraction", [1.0, -0.1, 1.5, float("nan"), True])
def test_split_rejects_bad_fraction(fraction):
    assert_error(lambda: train_test_split(load_builtin("xor"), fraction, 0), "test_fraction")
