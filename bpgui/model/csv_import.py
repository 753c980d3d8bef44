"""CSV import: a file with a header row to a :class:`~bpgui.model.dataset.Dataset`.

:func:`load_csv` accepts UTF-8 (with or without BOM) and GBK, drops a
leading id column, one-hot encodes text columns and recognises binary
labels such as 是/否 or yes/no.  Every problem with the input raises
:class:`~bpgui.model.errors.DataError` whose message starts with the file
path as given, then, where it applies, the 1-based line (the header is
line 1) and the 1-based column with its header name, e.g.
``data.csv, line 5, column 3 (密度): 'abc' is not a number``.

Reading the file into rows of cells is :mod:`bpgui.model.csv_read`; this
module decides what the cells mean.

This module is pure NumPy + standard library: it must never import Qt.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bpgui.model.csv_read import read_rows
from bpgui.model.dataset import (
    CLASSIFICATION,
    LABEL_AUTO,
    LABEL_CLASSES,
    LABEL_NUMBER,
    MAX_INTEGER_CLASSES,
    REGRESSION,
    Dataset,
    LabelReading,
    check_label_type,
)
from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError

__all__ = ["ID_COLUMN_NAMES", "MAX_INTEGER_CLASSES", "NEGATIVE_LABELS", "POSITIVE_LABELS", "load_csv"]

#: First-column headers (compared case-insensitively) taken for an id column.
ID_COLUMN_NAMES = frozenset({"编号", "id", "no", "no.", "index", "#", "序号"})
#: Label spellings (compared case-insensitively) read as the positive class.
POSITIVE_LABELS = frozenset(
    {"是", "yes", "y", "true", "t", "1", "好", "positive", "pos", "good"}
)
#: Label spellings (compared case-insensitively) read as the negative class.
NEGATIVE_LABELS = frozenset(
    {"否", "no", "n", "false", "f", "0", "坏", "negative", "neg", "bad"}
)

_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NON_FINITE_RE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def _parse_number(text: str) -> float | None:
    """The float a cell spells (possibly NaN/inf), or None if it is text."""
    if _NUMBER_RE.fullmatch(text) or _NON_FINITE_RE.fullmatch(text):
        return float(text)
    return None


class _CellProblem(Exception):
    """A bad cell; the earliest one in reading order is reported.

    ``error`` is the finished :class:`DataError` (one template per kind of
    problem, naming file, line, column and header) that is raised if this
    cell turns out to be the first bad one.
    """

    def __init__(self, line: int, column: int, error: DataError) -> None:
        super().__init__(str(error))
        self.line = line
        self.column = column
        self.error = error


class _ColumnProblem(Exception):
    """A problem with a whole column, reported after any bad cell; ``error`` is raised."""

    def __init__(self, error: DataError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class _Column:
    """One CSV column: its 1-based number, header and non-blank cells."""

    number: int
    header: str
    lines: list[int]
    values: list[str]
    where: str = ""

    def cell(self, row: int) -> dict[str, Any]:
        """The fields naming a cell in a message: ``file``, ``line``, ``column``, ``header``."""
        return {"file": self.where, "line": self.lines[row], "column": self.number, "header": self.header}

    def problem(self, row: int, error: DataError) -> _CellProblem:
        return _CellProblem(self.lines[row], self.number, error)

def _check_not_empty(column: _Column) -> None:
    for row, value in enumerate(column.values):
        if not value:
            raise column.problem(row, DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column} ({header}): empty value"),
                **column.cell(row),
            ))


def _numeric_values(column: _Column, role: str) -> list[float] | None:
    """The column as finite floats, or None if it is a text column.

    A column is numeric when every cell spells a number; it is text when
    the text cells are at least half.  Otherwise (a few text cells among
    numbers) the first bad cell is reported, as is a NaN/inf number.
    """
    parsed = [_parse_number(value) for value in column.values]
    n_text = sum(number is None for number in parsed)
    if n_text and n_text * 2 >= len(parsed):
        return None
    finite: list[float] = []
    for row, number in enumerate(parsed):
        value = column.values[row]
        if number is None:
            if role == "label":
                raise column.problem(row, DataError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{file}, line {line}, column {column} ({header}): "
                        "{value} is not a number (text in a numeric label column)",
                    ),
                    **column.cell(row), value=repr(value),
                ))
            raise column.problem(row, DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file}, line {line}, column {column} ({header}): "
                    "{value} is not a number (text in a numeric feature column)",
                ),
                **column.cell(row), value=repr(value),
            ))
        if not math.isfinite(number):
            raise column.problem(row, _not_finite(column, row))
        finite.append(number)
    return finite


def _not_finite(column: _Column, row: int) -> DataError:
    return DataError(
        QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column} ({header}): {value} is not a finite number"),
        **column.cell(row), value=repr(column.values[row]),
    )


def _encode_feature(column: _Column) -> tuple[np.ndarray, list[str]]:
    """One numeric column, or a one-hot block in order of first appearance."""
    _check_not_empty(column)
    numbers_ = _numeric_values(column, "feature")
    if numbers_ is not None:
        return np.array(numbers_, dtype=np.float64).reshape(-1, 1), [column.header]
    categories = list(dict.fromkeys(column.values))
    index = {category: i for i, category in enumerate(categories)}
    block = np.zeros((len(column.values), len(categories)))
    block[np.arange(len(column.values)), [index[v] for v in column.values]] = 1.0
    return block, [f"{column.header}={category}" for category in categories]


@dataclass
class _Labels:
    targets: np.ndarray
    target_names: tuple[str, ...]
    task: str
    class_names: tuple[str, ...]
    reading: LabelReading


def _only_one_class(column: _Column, classes: Sequence[str]) -> _ColumnProblem:
    return _ColumnProblem(DataError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{file}, column {column} ({header}): only one class ({classes}) in the labels; "
            "classification needs at least two",
        ),
        file=column.where, column=column.number, header=column.header, classes=", ".join(classes),
    ))


def _number_name(value: float) -> str:
    """A class name for a numeric label: ``"3"`` for 3.0, ``"1.5"`` for 1.5."""
    return str(int(value)) if value.is_integer() else repr(value)


def _numeric_classes(column: _Column, numbers_: list[float], reading: LabelReading) -> _Labels:
    """Each distinct number a class, in increasing order: one output for two, else one-hot."""
    distinct = sorted(set(numbers_))
    names = tuple(_number_name(v) for v in distinct)
    if len(distinct) < 2:
        raise _only_one_class(column, names)
    if len(distinct) == 2:
        targets = np.array([[1.0 if v == distinct[1] else 0.0] for v in numbers_])
        return _Labels(targets, (column.header,), CLASSIFICATION, names, reading)
    index = {v: i for i, v in enumerate(distinct)}
    targets = np.zeros((len(numbers_), len(distinct)))
    targets[np.arange(len(numbers_)), [index[v] for v in numbers_]] = 1.0
    return _Labels(targets, names, CLASSIFICATION, names, reading)


def _not_a_number_label(column: _Column, row: int) -> _CellProblem:
    return column.problem(row, DataError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{file}, line {line}, column {column} ({header}): label {value} is not a number; "
            "read the labels as classes instead",
        ),
        **column.cell(row), value=repr(column.values[row]),
    ))


def _encode_single_label(column: _Column, label_type: str) -> _Labels:
    _check_not_empty(column)
    values = column.values
    inferred = label_type == LABEL_AUTO
    distinct = len(set(values))

    def reading(kind: str, reason: str, count: int = distinct) -> LabelReading:
        return LabelReading(column.header, kind, inferred, reason if inferred else "chosen", count)

    folded = [value.casefold() for value in values]
    if label_type != LABEL_NUMBER and all(f in POSITIVE_LABELS or f in NEGATIVE_LABELS for f in folded):
        positive = next((v for v, f in zip(values, folded) if f in POSITIVE_LABELS), None)
        negative = next((v for v, f in zip(values, folded) if f in NEGATIVE_LABELS), None)
        if positive is None or negative is None:
            raise _only_one_class(column, list(dict.fromkeys(values)))
        targets = np.array([[1.0 if f in POSITIVE_LABELS else 0.0] for f in folded])
        reason = "binary" if all(_parse_number(v) is not None for v in values) else "yes_no"
        pair = (negative, positive)
        return _Labels(targets, (column.header,), CLASSIFICATION, pair, reading(LABEL_CLASSES, reason, 2))

    numbers_ = _numeric_values(column, "label")
    if numbers_ is not None:
        count = len(set(numbers_))
        if label_type == LABEL_NUMBER:
            targets = np.array(numbers_, dtype=np.float64).reshape(-1, 1)
            return _Labels(targets, (column.header,), REGRESSION, (), reading(LABEL_NUMBER, "chosen", count))
        if label_type == LABEL_CLASSES:
            return _numeric_classes(column, numbers_, reading(LABEL_CLASSES, "chosen", count))
        if set(numbers_) <= {0.0, 1.0}:
            return _numeric_classes(column, numbers_, reading(LABEL_CLASSES, "binary", count))
        whole = all(v.is_integer() for v in numbers_)
        if whole and count <= MAX_INTEGER_CLASSES:
            return _numeric_classes(column, numbers_, reading(LABEL_CLASSES, "integers", count))
        targets = np.array(numbers_, dtype=np.float64).reshape(-1, 1)
        return _Labels(
            targets, (column.header,), REGRESSION, (),
            reading(LABEL_NUMBER, "many_values" if whole else "fractions", count),
        )

    if label_type == LABEL_NUMBER:
        raise _not_a_number_label(column, next(i for i, v in enumerate(values) if _parse_number(v) is None))
    classes = list(dict.fromkeys(values))
    if len(classes) < 2:
        raise _only_one_class(column, classes)
    if len(classes) == 2:
        targets = np.array([[1.0 if v == classes[1] else 0.0] for v in values])
        return _Labels(targets, (column.header,), CLASSIFICATION, tuple(classes), reading(LABEL_CLASSES, "text"))
    index = {name: i for i, name in enumerate(classes)}
    targets = np.zeros((len(values), len(classes)))
    targets[np.arange(len(values)), [index[v] for v in values]] = 1.0
    return _Labels(targets, tuple(classes), CLASSIFICATION, tuple(classes), reading(LABEL_CLASSES, "text"))


def _encode_label_column_numeric(column: _Column) -> np.ndarray:
    _check_not_empty(column)
    parsed = [_parse_number(value) for value in column.values]
    for row, number in enumerate(parsed):
        if number is None:
            raise column.problem(row, DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file}, line {line}, column {column} ({header}): label {value} is not a number "
                    "(with several label columns every label must be numeric)",
                ),
                **column.cell(row), value=repr(column.values[row]),
            ))
        if not math.isfinite(number):
            raise column.problem(row, _not_finite(column, row))
    return np.array(parsed, dtype=np.float64)


def load_csv(
    path: str | os.PathLike[str],
    *,
    label_columns: str | Sequence[str] | None = None,
    encoding: str | None = None,
    drop_id: bool = True,
    label_type: str = LABEL_AUTO,
) -> Dataset:
    """Read a data set from a CSV file with a header row.

    * **Encoding**: ``encoding`` if given, else UTF-8 (a BOM is allowed),
      else GBK.  Cells are split by the ``csv`` module (comma separated,
      ``"`` quotes) and stripped; blank lines are skipped but still
      counted for line numbers.
    * **Id column**: with ``drop_id`` the first column is dropped if its
      header is one of 编号, id, no, no., index, #, 序号 (ignoring case) -
      unless it is named in ``label_columns``.
    * **Labels**: the columns named in ``label_columns`` (a single string
      is taken as one name), by default the last column.  ``label_type``
      says how to read them: ``"classes"``, ``"number"`` or ``"auto"``
      (decide from the values, by the rules below); the data set's
      ``label`` (:class:`~bpgui.model.dataset.LabelReading`) records the
      choice and why.  One label column, ``"auto"``:

      - all values in the yes/no vocabulary (是/否, yes/no, y/n, true/false,
        t/f, 1/0, 好/坏, positive/negative, pos/neg, good/bad, any case)
        -> binary, target 1 for yes; ``class_names`` are the first-seen
        spellings (negative, positive);
      - numbers: all 0/1 -> binary, classes ("0", "1"); whole numbers with
        at most :data:`MAX_INTEGER_CLASSES` distinct values -> classes in
        increasing order ("3" for 3.0), one output for two classes, else
        one-hot; other numbers -> regression with one output;
      - text: two classes -> one output, ``class_names`` in order of first
        appearance, the second is the positive class (target 1); more
        classes -> one-hot, one output per class, ``target_names`` =
        ``class_names`` = the classes in order of first appearance.

      ``"classes"`` reads numbers as classes whatever they are (as above);
      ``"number"`` reads the values as one regression output (text is
      refused, naming its cell).  Several label columns must all be
      numeric: all 0/1 -> multi-label classification (``class_names ==
      ()``), else regression; ``"number"`` always gives regression and
      ``"classes"`` refuses numbers other than 0 and 1.
    * **Features**: the other columns in file order.  A column of numbers
      is one input; a text column is one-hot encoded with inputs named
      ``"header=value"`` in order of first appearance.

    The data set is named after the file (``Path(path).name``) and its
    ``source`` is ``str(path)``.  Raises :class:`DataError` naming the file
    (and line and column where they apply) for: a missing or unreadable
    file, undecodable bytes, an empty file, a header of fewer than 2
    columns, an empty or duplicate column name, a row whose cell count
    differs from the header's, no data rows, an unknown label column, no
    feature column left, an empty cell, a NaN/inf number, text in a mostly
    numeric column, text in a multi-column label, or labels of one class
    only, or an unknown ``label_type``.  Of several bad cells the first
    in reading order is reported.
    """
    where = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)
    label_type = check_label_type(label_type)
    file_path = Path(where)
    header, rows = read_rows(file_path, where, encoding)
    label_index, feature_index = _choose_columns(header, label_columns, drop_id, where)

    lines = [line for line, _ in rows]

    def column(i: int) -> _Column:
        return _Column(i + 1, header[i], lines, [cells[i] for _, cells in rows], where)

    cell_problems: list[_CellProblem] = []
    column_problems: list[_ColumnProblem] = []
    blocks: list[np.ndarray] = []
    feature_names: list[str] = []
    for i in feature_index:
        try:
            block, names = _encode_feature(column(i))
        except _CellProblem as problem:
            cell_problems.append(problem)
            continue
        blocks.append(block)
        feature_names.extend(names)

    labels: _Labels | None = None
    try:
        labels = _encode_labels([column(i) for i in label_index], cell_problems, label_type)
    except _CellProblem as problem:
        cell_problems.append(problem)
    except _ColumnProblem as problem:
        column_problems.append(problem)

    if cell_problems:
        first = min(cell_problems, key=lambda p: (p.line, p.column))
        raise first.error
    if column_problems:
        raise column_problems[0].error
    assert labels is not None

    return Dataset(
        name=file_path.name,
        inputs=np.hstack(blocks),
        targets=labels.targets,
        feature_names=tuple(feature_names),
        target_names=labels.target_names,
        task=labels.task,
        class_names=labels.class_names,
        source=where,
        label=labels.reading,
    )


def _choose_columns(
    header: list[str], label_columns: str | Sequence[str] | None, drop_id: bool, where: str
) -> tuple[list[int], list[int]]:
    """``(label_index, feature_index)``: 0-based column numbers, the id column left out of both."""
    if label_columns is None:
        label_index = [len(header) - 1]
    else:
        wanted = [label_columns] if isinstance(label_columns, str) else list(label_columns)
        if not wanted:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}: label_columns is empty; name at least one column"), file=where
            )
        label_index = []
        for key in wanted:
            name = str(key).strip()
            if name not in header:
                raise DataError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{file}: no column named {name} (label_columns); the columns are: {columns}",
                    ),
                    file=where, name=repr(str(key)), columns=", ".join(header),
                )
            index = header.index(name)
            if index in label_index:
                raise DataError(
                    QT_TRANSLATE_NOOP("Errors", "{file}: label column {name} is named twice"),
                    file=where, name=repr(name),
                )
            label_index.append(index)
    dropped = set()
    if drop_id and header[0].casefold() in ID_COLUMN_NAMES and 0 not in label_index:
        dropped.add(0)
    feature_index = [i for i in range(len(header)) if i not in dropped and i not in label_index]
    if not feature_index:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file}: no feature columns are left besides the id and label columns; the columns are: {columns}",
            ),
            file=where, columns=", ".join(header),
        )
    return label_index, feature_index


def _encode_labels(columns: list[_Column], cell_problems: list[_CellProblem], label_type: str) -> _Labels | None:
    """The targets from one label column, or from several numeric ones.

    With several columns each bad cell is appended to ``cell_problems`` (so
    that the first in reading order can be reported) and None is returned.
    Several columns are independent 0/1 labels if they are all 0 or 1
    (``label_type`` "auto" or "classes"), else numbers ("auto" or "number");
    "classes" with other numbers is refused.
    """
    if len(columns) == 1:
        return _encode_single_label(columns[0], label_type)
    label_values = []
    for column in columns:
        try:
            label_values.append(_encode_label_column_numeric(column))
        except _CellProblem as problem:
            cell_problems.append(problem)
    if len(label_values) != len(columns):
        return None
    targets = np.column_stack(label_values)
    binary = bool(np.all((targets == 0.0) | (targets == 1.0)))
    if label_type == LABEL_CLASSES and not binary:
        bad = next(j for j in range(targets.shape[1]) if not np.all((targets[:, j] == 0.0) | (targets[:, j] == 1.0)))
        raise _ColumnProblem(DataError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file}, column {column} ({header}): with several label columns, "
                "labels read as classes must be 0 or 1",
            ),
            file=columns[bad].where, column=columns[bad].number, header=columns[bad].header,
        ))
    as_classes = binary and label_type != LABEL_NUMBER
    kind = LABEL_CLASSES if as_classes else LABEL_NUMBER
    inferred = label_type == LABEL_AUTO
    reading = LabelReading(
        ", ".join(column.header for column in columns), kind, inferred,
        "several" if inferred else "chosen", len(set(label_values[0].tolist())),
    )
    return _Labels(
        targets,
        tuple(column.header for column in columns),
        CLASSIFICATION if as_classes else REGRESSION,
        (),
        reading,
    )
