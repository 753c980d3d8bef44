"""Data sets: the built-in ones and CSV import.

A :class:`Dataset` is an immutable pair of matrices, ``inputs`` (m × d) and
``targets`` (m × l), plus the names the views show.  In the note's notation
row k of ``inputs`` is x_k and row k of ``targets`` is y_k.

Built-in sets (:data:`BUILTIN_NAMES`, see :func:`load_builtin`):

* ``xor``, ``and``, ``or``, ``not`` - the four (two) rows of a truth table;
* ``watermelon3.0``, ``watermelon3.0alpha`` - the shipped CSV files of
  the textbook (Zhou Zhihua, *Machine Learning*, tables 4.3 and 4.5);
* ``circle``, ``gauss``, ``spiral``, ``moons`` - random 2-D binary
  classification sets in the spirit of TensorFlow Playground, but scaled
  to about [-1.5, 1.5] so that sigmoid units are not saturated;
* ``sine`` - 1-D regression, y = sin x + noise.

Random sets are drawn only from ``np.random.default_rng(seed)``: the same
seed gives bitwise identical arrays and the global NumPy random state is
never touched.

CSV import (:func:`load_csv`) accepts UTF-8 (with or without BOM) and GBK,
drops a leading id column, one-hot encodes text columns and recognises
binary labels such as 是/否 or yes/no.  Every problem with the input raises
:class:`~bpgui.model.errors.DataError` whose message starts with the file
path as given, then, where it applies, the 1-based line (the header is
line 1) and the 1-based column with its header name, e.g.
``data.csv, line 5, column 3 (密度): 'abc' is not a number``.

This module is pure NumPy + standard library: it must never import Qt.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import math
import numbers
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError
from bpgui.paths import resource_path

__all__ = [
    "BUILTIN_NAMES",
    "Dataset",
    "load_builtin",
    "load_csv",
    "load_dataset",
    "train_test_split",
]

CLASSIFICATION = "classification"
REGRESSION = "regression"
_TASKS = (CLASSIFICATION, REGRESSION)


# ---------------------------------------------------------------------------
# Dataset
# ---------------------------------------------------------------------------


def _frozen_matrix(values, what: str, name: str) -> np.ndarray:
    """A private, read-only, finite float64 copy of a 2-D array."""
    try:
        array = np.array(values, dtype=np.float64, copy=True)
    except (TypeError, ValueError) as exc:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "data set {name}: {what} are not numbers ({reason})"),
            name=repr(name), what=what, reason=str(exc),
        ) from None
    if array.ndim != 2:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "data set {name}: {what} must be a 2-D array (rows × columns), got shape {shape}",
            ),
            name=repr(name), what=what, shape=str(array.shape),
        )
    if not np.all(np.isfinite(array)):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "data set {name}: {what} contain NaN or infinity"),
            name=repr(name), what=what,
        )
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Dataset:
    """An immutable data set: m samples, d inputs, l outputs.

    ``inputs`` and ``targets`` are float64 matrices of shapes (m, d) and
    (m, l); they are private copies made read-only, so a ``Dataset`` can be
    shared freely.  Equality is identity (``eq=False``): comparing NumPy
    arrays field by field has no single truth value.

    Target conventions for ``task == "classification"``:

    * binary (l == 1): the target is 1 for the positive class and 0 for the
      negative one; ``class_names == (negative, positive)``;
    * one-hot (l == k > 1, ``len(class_names) == k``): row k has a single 1
      in the column of its class; ``class_names`` lists the classes in
      output order;
    * multi-label (l > 1, ``class_names == ()``): every output is an
      independent 0/1 label.

    For ``task == "regression"`` the targets are the raw values and
    ``class_names`` is empty.  A binary set built without class names gets
    ``("0", "1")``.
    """

    name: str
    inputs: np.ndarray
    targets: np.ndarray
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]
    task: str
    class_names: tuple[str, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        name = str(self.name)
        inputs = _frozen_matrix(self.inputs, "inputs", name)
        targets = _frozen_matrix(self.targets, "targets", name)
        feature_names = tuple(str(n) for n in self.feature_names)
        target_names = tuple(str(n) for n in self.target_names)
        class_names = tuple(str(n) for n in self.class_names)
        if inputs.shape[0] != targets.shape[0]:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: {inputs} input rows but {targets} target rows"),
                name=repr(name), inputs=inputs.shape[0], targets=targets.shape[0],
            )
        if len(feature_names) != inputs.shape[1]:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: {names} feature names for {columns} input columns"),
                name=repr(name), names=len(feature_names), columns=inputs.shape[1],
            )
        if len(target_names) != targets.shape[1]:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: {names} target names for {columns} target columns"),
                name=repr(name), names=len(target_names), columns=targets.shape[1],
            )
        if targets.shape[1] == 0:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: there are no target columns"), name=repr(name)
            )
        if self.task not in _TASKS:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "data set {name}: task must be 'classification' or 'regression', not {task}",
                ),
                name=repr(name), task=repr(self.task),
            )
        n_out = targets.shape[1]
        if self.task == REGRESSION:
            if class_names:
                raise DataError(
                    QT_TRANSLATE_NOOP("Errors", "data set {name}: a regression set has no class names"),
                    name=repr(name),
                )
        else:
            if n_out == 1 and not class_names:
                class_names = ("0", "1")
            if n_out == 1 and len(class_names) != 2:
                raise DataError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "data set {name}: a single-output classification set needs "
                        "2 class names (negative, positive), got {count}",
                    ),
                    name=repr(name), count=len(class_names),
                )
            if n_out > 1 and class_names and len(class_names) != n_out:
                raise DataError(
                    QT_TRANSLATE_NOOP("Errors", "data set {name}: {count} class names for {outputs} one-hot outputs"),
                    name=repr(name), count=len(class_names), outputs=n_out,
                )
            if not np.all((targets == 0.0) | (targets == 1.0)):
                raise DataError(
                    QT_TRANSLATE_NOOP("Errors", "data set {name}: classification targets must be 0 or 1"),
                    name=repr(name),
                )
            if n_out > 1 and class_names and targets.shape[0] and not np.all(
                targets.sum(axis=1) == 1.0
            ):
                raise DataError(
                    QT_TRANSLATE_NOOP("Errors", "data set {name}: one-hot targets need exactly one 1 per row"),
                    name=repr(name),
                )
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "inputs", inputs)
        object.__setattr__(self, "targets", targets)
        object.__setattr__(self, "feature_names", feature_names)
        object.__setattr__(self, "target_names", target_names)
        object.__setattr__(self, "class_names", class_names)
        object.__setattr__(self, "source", str(self.source))

    def __repr__(self) -> str:
        return (
            f"Dataset(name={self.name!r}, task={self.task!r}, m={self.n_samples}, "
            f"d={self.n_inputs}, l={self.n_outputs}, source={self.source!r})"
        )

    # -- sizes ---------------------------------------------------------------

    @property
    def n_samples(self) -> int:
        """m, the number of rows."""
        return int(self.inputs.shape[0])

    @property
    def n_inputs(self) -> int:
        """d, the number of input columns (after one-hot encoding)."""
        return int(self.inputs.shape[1])

    @property
    def n_outputs(self) -> int:
        """l, the number of target columns (= output neurons)."""
        return int(self.targets.shape[1])

    # -- classification helpers ---------------------------------------------

    @property
    def _is_multilabel(self) -> bool:
        return self.n_outputs > 1 and not self.class_names

    def _output_matrix(self, outputs) -> np.ndarray:
        array = np.asarray(outputs, dtype=np.float64)
        if array.ndim == 1 and self.n_outputs == 1:
            array = array.reshape(-1, 1)
        if array.ndim != 2 or array.shape[1] != self.n_outputs:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: outputs have shape {shape}, expected (m, {outputs})"),
                name=repr(self.name), shape=str(array.shape), outputs=self.n_outputs,
            )
        return array

    def _require_classification(self, what: str) -> None:
        if self.task != CLASSIFICATION:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "data set {name} is a regression set; {what} applies to classification sets only",
                ),
                name=repr(self.name), what=what,
            )

    def classify(self, outputs: np.ndarray) -> np.ndarray:
        """The class index the network chose for each row.

        ``outputs`` is an (m, l) matrix of network outputs (an (m,) vector
        is accepted when l == 1).  Binary sets: ``1`` where the output is
        ``>= 0.5``, else ``0``.  One-hot sets: the index of the largest
        output.  Multi-label sets: an (m, l) matrix of ``output >= 0.5``.
        Returns int64; raises :class:`DataError` for regression sets.
        """
        self._require_classification("classify()")
        array = self._output_matrix(outputs)
        if self.n_outputs == 1:
            return (array[:, 0] >= 0.5).astype(np.int64)
        if self._is_multilabel:
            return (array >= 0.5).astype(np.int64)
        return np.argmax(array, axis=1).astype(np.int64)

    def labels(self) -> np.ndarray:
        """The true class index of each row, by the same rule as :meth:`classify`."""
        return self.classify(self.targets)

    def accuracy(self, outputs: np.ndarray) -> float:
        """The fraction of rows :meth:`classify` gets right, in [0, 1].

        A multi-label row counts as right only if all its labels are right.
        An empty set gives NaN.  Raises :class:`DataError` for regression.
        """
        predicted = self.classify(outputs)
        truth = self._truth
        if predicted.shape[0] != truth.shape[0]:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: {rows} output rows for {samples} samples"),
                name=repr(self.name), rows=predicted.shape[0], samples=truth.shape[0],
            )
        if truth.shape[0] == 0:
            return float("nan")
        correct = predicted == truth
        if correct.ndim == 2:
            correct = np.all(correct, axis=1)
        return np.count_nonzero(correct) / truth.shape[0]

    @functools.cached_property
    def _truth(self) -> np.ndarray:
        # Asked once per epoch while training: the labels never change.
        return self.labels()

    def subset(self, indices) -> Dataset:
        """A new data set with the rows ``indices`` (same names, task, source).

        ``indices`` may be a sequence of row numbers (in any order, repeats
        allowed, negative numbers count from the end), a boolean mask of
        length m, or a slice.  An empty sequence gives an empty set.  Bad
        indices raise ``IndexError`` as NumPy does.
        """
        if isinstance(indices, slice):
            rows = np.arange(self.n_samples)[indices]
        else:
            rows = np.asarray(indices)
            if rows.size == 0:
                rows = np.empty(0, dtype=np.intp)
            elif rows.ndim == 0:
                rows = rows.reshape(1)
        return dataclasses.replace(
            self, inputs=self.inputs[rows], targets=self.targets[rows]
        )


# ---------------------------------------------------------------------------
# Built-in data sets
# ---------------------------------------------------------------------------

BUILTIN_NAMES: tuple[str, ...] = (
    "xor",
    "and",
    "or",
    "not",
    "watermelon3.0",
    "watermelon3.0alpha",
    "circle",
    "gauss",
    "spiral",
    "moons",
    "sine",
)

_LOGIC_TABLES: dict[str, tuple[list[list[float]], list[float]]] = {
    "xor": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]),
    "and": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]),
    "or": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]),
    "not": ([[0], [1]], [1, 0]),
}

_WATERMELON_FILES = {
    "watermelon3.0": "watermelon3.0.csv",
    "watermelon3.0alpha": "watermelon3.0alpha.csv",
}

_MAX_SAMPLES = 1_000_000


def _check_builtin_parameters(seed, n_samples, noise) -> None:
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "seed must be a whole number >= 0, not {seed}"), seed=repr(seed))
    if (
        isinstance(n_samples, bool)
        or not isinstance(n_samples, numbers.Integral)
        or not 2 <= n_samples <= _MAX_SAMPLES
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "n_samples must be a whole number from 2 to {most}, not {n_samples}"),
            most=_MAX_SAMPLES, n_samples=repr(n_samples),
        )
    if (
        isinstance(noise, bool)
        or not isinstance(noise, numbers.Real)
        or not math.isfinite(noise)
        or noise < 0
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "noise must be a finite number >= 0, not {noise}"),
            noise=repr(noise),
        )


def _binary_2d(
    name: str, points: np.ndarray, labels: np.ndarray, rng: np.random.Generator
) -> Dataset:
    """Shuffle rows with ``rng`` and wrap a 2-D binary classification set."""
    order = rng.permutation(points.shape[0])
    return Dataset(
        name=name,
        inputs=points[order],
        targets=labels[order].reshape(-1, 1),
        feature_names=("x_1", "x_2"),
        target_names=("y_1",),
        task=CLASSIFICATION,
        class_names=("0", "1"),
        source="builtin",
    )


def _class_sizes(n_samples: int) -> tuple[int, int]:
    """(negatives, positives): balanced, an odd extra row goes to class 0."""
    positives = n_samples // 2
    return n_samples - positives, positives


def _make_circle(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Class 1 in the disc r <= 0.5, class 0 in the ring 0.7 <= r <= 1.0.

    Radius and angle are uniform; each coordinate then gets Gaussian jitter
    of standard deviation ``noise``.  Without noise the points lie in
    [-1, 1]², with the default noise 0.1 within about [-1.3, 1.3]².
    """
    n0, n1 = _class_sizes(n_samples)
    radius = np.concatenate([rng.uniform(0.7, 1.0, n0), rng.uniform(0.0, 0.5, n1)])
    angle = rng.uniform(0.0, 2.0 * np.pi, n_samples)
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points = points + noise * rng.normal(size=points.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("circle", points, labels, rng)


def _make_gauss(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Two round Gaussian blobs: class 1 around (0.5, 0.5), class 0 around (-0.5, -0.5).

    The standard deviation of each coordinate is ``0.2 + noise`` (0.3 by
    default), so most points lie within about [-1.4, 1.4]².
    """
    n0, n1 = _class_sizes(n_samples)
    centres = np.concatenate([np.full((n0, 2), -0.5), np.full((n1, 2), 0.5)])
    points = centres + (0.2 + noise) * rng.normal(size=centres.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("gauss", points, labels, rng)


def _make_spiral(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Two interleaved spirals of 1.75 turns each, radius growing from 0 to 1.

    A point at parameter t ~ U[0, 1] sits at radius t and angle
    1.75·2π·t (class 1) or that plus π (class 0); each coordinate then gets
    Gaussian jitter of standard deviation ``noise``.  Points lie within
    [-1, 1]² before the jitter.
    """
    n0, n1 = _class_sizes(n_samples)
    t = rng.uniform(0.0, 1.0, n_samples)
    shift = np.concatenate([np.full(n0, np.pi), np.zeros(n1)])
    angle = 1.75 * 2.0 * np.pi * t + shift
    points = np.column_stack([t * np.sin(angle), t * np.cos(angle)])
    points = points + noise * rng.normal(size=points.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("spiral", points, labels, rng)


def _make_moons(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Two interleaving half circles of radius 1 (as scikit-learn's ``make_moons``).

    Class 0 is the upper moon (cos θ, sin θ), class 1 the lower one
    (1 - cos θ, 0.5 - sin θ), θ ~ U[0, π]; the picture is then centred by
    subtracting (0.5, 0.25), so without noise x ∈ [-1.5, 1.5] and
    y ∈ [-0.75, 0.75].  Each coordinate gets Gaussian jitter of standard
    deviation ``noise``.
    """
    n0, n1 = _class_sizes(n_samples)
    theta = rng.uniform(0.0, np.pi, n_samples)
    t0, t1 = theta[:n0], theta[n0:]
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    points = np.concatenate([upper, lower]) - np.array([0.5, 0.25])
    points = points + noise * rng.normal(size=points.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("moons", points, labels, rng)


def _make_sine(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Regression: x ~ U[-π, π], y = sin x + noise·N(0, 1) (rows not sorted)."""
    x = rng.uniform(-np.pi, np.pi, n_samples)
    y = np.sin(x) + noise * rng.normal(size=n_samples)
    return Dataset(
        name="sine",
        inputs=x.reshape(-1, 1),
        targets=y.reshape(-1, 1),
        feature_names=("x_1",),
        target_names=("y_1",),
        task=REGRESSION,
        class_names=(),
        source="builtin",
    )


_GENERATORS = {
    "circle": _make_circle,
    "gauss": _make_gauss,
    "spiral": _make_spiral,
    "moons": _make_moons,
    "sine": _make_sine,
}


def load_builtin(
    name: str, *, seed: int = 0, n_samples: int = 200, noise: float = 0.1
) -> Dataset:
    """One of the built-in data sets listed in :data:`BUILTIN_NAMES`.

    ``name`` is matched ignoring case and surrounding spaces.  ``seed``,
    ``n_samples`` and ``noise`` only affect the random sets (circle, gauss,
    spiral, moons, sine) but are checked for every name: ``seed`` a whole
    number >= 0, ``n_samples`` from 2 to 1,000,000, ``noise`` finite and
    >= 0.  Random classification sets have ``n_samples`` rows, half of each
    class (an odd extra row is class 0), in shuffled order; inputs are
    named ("x_1", "x_2"), the target ("y_1",), classes ("0", "1").

    * ``xor``/``and``/``or``: inputs (0,0), (0,1), (1,0), (1,1) in that order;
      ``not``: inputs (0,), (1,) with targets 1, 0.
    * ``watermelon3.0``/``watermelon3.0alpha``: the shipped CSV files read by
      :func:`load_csv` (id column dropped; classes ("否", "是")).
    * ``circle``, ``gauss``, ``spiral``, ``moons``, ``sine``: see the
      ``_make_*`` functions of this module for the geometry and ranges.

    Raises :class:`DataError` for an unknown name (listing the built-in
    names) or an invalid parameter.
    """
    key = name.strip().casefold() if isinstance(name, str) else None
    if key not in BUILTIN_NAMES:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "unknown built-in data set {name}; the built-in data sets are: {names}"),
            name=repr(name), names=", ".join(BUILTIN_NAMES),
        )
    _check_builtin_parameters(seed, n_samples, noise)
    if key in _LOGIC_TABLES:
        inputs, targets = _LOGIC_TABLES[key]
        d = len(inputs[0])
        return Dataset(
            name=key,
            inputs=np.array(inputs, dtype=np.float64),
            targets=np.array(targets, dtype=np.float64).reshape(-1, 1),
            feature_names=tuple(f"x_{i + 1}" for i in range(d)),
            target_names=("y_1",),
            task=CLASSIFICATION,
            class_names=("0", "1"),
            source="builtin",
        )
    if key in _WATERMELON_FILES:
        loaded = load_csv(resource_path("data", _WATERMELON_FILES[key]))
        return dataclasses.replace(loaded, name=key, source="builtin")
    rng = np.random.default_rng(int(seed))
    return _GENERATORS[key](rng, int(n_samples), float(noise))


def load_dataset(
    name_or_path: str, *, seed: int = 0, n_samples: int = 200, noise: float = 0.1
) -> Dataset:
    """A built-in data set by name, else a CSV file by path.

    Built-in names win over files of the same name.  A string that is
    neither a built-in name nor an existing path raises :class:`DataError`
    listing the built-in names.  ``seed``, ``n_samples`` and ``noise`` are
    passed to :func:`load_builtin` and ignored for files.
    """
    if isinstance(name_or_path, str) and name_or_path.strip().casefold() in BUILTIN_NAMES:
        return load_builtin(name_or_path, seed=seed, n_samples=n_samples, noise=noise)
    try:
        exists = Path(name_or_path).exists()
    except (TypeError, ValueError, OSError):
        exists = False
    if not exists:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors", "{file}: not a built-in data set and no such file; the built-in data sets are: {names}"
            ),
            file=str(name_or_path), names=", ".join(BUILTIN_NAMES),
        )
    return load_csv(name_or_path)


# ---------------------------------------------------------------------------
# CSV import
# ---------------------------------------------------------------------------

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

    def cell(self, row: int) -> dict:
        """The fields naming a cell in a message: ``file``, ``line``, ``column``, ``header``."""
        return {"file": self.where, "line": self.lines[row], "column": self.number, "header": self.header}

    def problem(self, row: int, error: DataError) -> _CellProblem:
        return _CellProblem(self.lines[row], self.number, error)


def _decode(data: bytes, where: str, encoding: str | None) -> str:
    def bad_line(exc: UnicodeDecodeError) -> int:
        return data.count(b"\n", 0, exc.start) + 1

    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}: unknown encoding {encoding}"), file=where, encoding=repr(encoding)
            ) from None
        except UnicodeDecodeError as exc:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: the file is not valid {encoding} text"),
                file=where, line=bad_line(exc), encoding=encoding,
            ) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gbk")
            except UnicodeDecodeError:
                raise DataError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{file}: the file is neither UTF-8 nor GBK text (the first "
                        "bad byte is on line {line}); save it as UTF-8 CSV",
                    ),
                    file=where, line=bad_line(utf8_error),
                ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_rows(path: Path, where: str, encoding: str | None):
    """Header and data rows of a CSV file, cells stripped, blank rows skipped.

    Returns ``(header_line, header, rows)`` where ``rows`` is a list of
    ``(line, cells)``; ``line`` is the 1-based line where the row starts.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: file not found"), file=where) from None
    except IsADirectoryError:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: is a folder, not a file"), file=where) from None
    except OSError as exc:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "{file}: cannot read the file ({reason})"),
            file=where, reason=str(exc.strerror or exc),
        ) from None
    text = _decode(data, where, encoding)

    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    header: list[str] | None = None
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: not valid CSV ({reason})"),
                file=where, line=reader.line_num, reason=str(exc),
            ) from None
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue  # a blank line (or one of empty cells only)
        if header is None:
            header, header_line = cells, start
        else:
            rows.append((start, cells))
    if header is None:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "{file}: the file is empty (a header row is required)"), file=where
        )

    if len(header) < 2:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file}, line {line}: the header has {columns} column; at least 2 are needed "
                "(features and a label). Is the file comma-separated?",
            ),
            file=where, line=header_line, columns=len(header),
        )
    seen: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        if not name:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: empty column name"),
                file=where, line=header_line, column=number,
            )
        if name in seen:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file}, line {line}: duplicate column name {name} (columns {first} and {second})",
                ),
                file=where, line=header_line, name=repr(name), first=seen[name], second=number,
            )
        seen[name] = number
    for line, cells in rows:
        if len(cells) != len(header):
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file}, line {line}: the row has {cells} cells, the header has {expected}",
                ),
                file=where, line=line, cells=len(cells), expected=len(header),
            )
    if not rows:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: no data rows (only the header)"), file=where)
    return header_line, header, rows


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
    return parsed  # type: ignore[return-value]


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


def _only_one_class(column: _Column, classes: Sequence[str]) -> _ColumnProblem:
    return _ColumnProblem(DataError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{file}, column {column} ({header}): only one class ({classes}) in the labels; "
            "classification needs at least two",
        ),
        file=column.where, column=column.number, header=column.header, classes=", ".join(classes),
    ))


def _encode_single_label(column: _Column) -> _Labels:
    _check_not_empty(column)
    values = column.values
    folded = [value.casefold() for value in values]
    if all(f in POSITIVE_LABELS or f in NEGATIVE_LABELS for f in folded):
        positive = next((v for v, f in zip(values, folded) if f in POSITIVE_LABELS), None)
        negative = next((v for v, f in zip(values, folded) if f in NEGATIVE_LABELS), None)
        if positive is None or negative is None:
            raise _only_one_class(column, list(dict.fromkeys(values)))
        targets = np.array([[1.0 if f in POSITIVE_LABELS else 0.0] for f in folded])
        return _Labels(targets, (column.header,), CLASSIFICATION, (negative, positive))

    numbers_ = _numeric_values(column, "label")
    if numbers_ is not None:
        targets = np.array(numbers_, dtype=np.float64).reshape(-1, 1)
        if np.all((targets == 0.0) | (targets == 1.0)):
            present = sorted({str(int(v)) for v in numbers_})
            if len(present) < 2:
                raise _only_one_class(column, present)
            return _Labels(targets, (column.header,), CLASSIFICATION, ("0", "1"))
        return _Labels(targets, (column.header,), REGRESSION, ())

    classes = list(dict.fromkeys(values))
    if len(classes) < 2:
        raise _only_one_class(column, classes)
    if len(classes) == 2:
        targets = np.array([[1.0 if v == classes[1] else 0.0] for v in values])
        return _Labels(targets, (column.header,), CLASSIFICATION, tuple(classes))
    index = {name: i for i, name in enumerate(classes)}
    targets = np.zeros((len(values), len(classes)))
    targets[np.arange(len(values)), [index[v] for v in values]] = 1.0
    return _Labels(targets, tuple(classes), CLASSIFICATION, tuple(classes))


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
    path,
    *,
    label_columns: Sequence[str] | None = None,
    encoding: str | None = None,
    drop_id: bool = True,
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
      is taken as one name), by default the last column.  One label column:

      - all values in the yes/no vocabulary (是/否, yes/no, y/n, true/false,
        t/f, 1/0, 好/坏, positive/negative, pos/neg, good/bad, any case)
        -> binary, target 1 for yes; ``class_names`` are the first-seen
        spellings (negative, positive);
      - all numbers 0/1 -> binary, classes ("0", "1"); other numbers ->
        regression with one output;
      - text: two classes -> one output, ``class_names`` in order of first
        appearance, the second is the positive class (target 1); more
        classes -> one-hot, one output per class, ``target_names`` =
        ``class_names`` = the classes in order of first appearance.

      Several label columns must all be numeric: all 0/1 -> multi-label
      classification (``class_names == ()``), else regression.
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
    only.  Of several bad cells the first in reading order is reported.
    """
    where = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)
    file_path = Path(where)
    _, header, rows = _read_rows(file_path, where, encoding)

    # Which columns are labels, which are dropped.
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
    feature_index = [
        i for i in range(len(header)) if i not in dropped and i not in label_index
    ]
    if not feature_index:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file}: no feature columns are left besides the id and label columns; the columns are: {columns}",
            ),
            file=where, columns=", ".join(header),
        )

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
        if len(label_index) == 1:
            labels = _encode_single_label(column(label_index[0]))
        else:
            label_values = []
            for i in label_index:
                try:
                    label_values.append(_encode_label_column_numeric(column(i)))
                except _CellProblem as problem:
                    cell_problems.append(problem)
            if len(label_values) == len(label_index):
                targets = np.column_stack(label_values)
                binary = bool(np.all((targets == 0.0) | (targets == 1.0)))
                labels = _Labels(
                    targets,
                    tuple(header[i] for i in label_index),
                    CLASSIFICATION if binary else REGRESSION,
                    (),
                )
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
    )


# ---------------------------------------------------------------------------
# Train / test split
# ---------------------------------------------------------------------------


def train_test_split(
    dataset: Dataset, test_fraction: float, seed: int
) -> tuple[Dataset, Dataset]:
    """Split into (train, test) with about ``test_fraction`` of the rows in test.

    ``test_fraction`` must be in [0, 1); 0 gives ``(dataset, empty set)``.
    Otherwise the test part has round(m · test_fraction) rows, at least 1,
    but never so many that the train part loses a class: single-label
    classification sets are stratified (each class contributes in
    proportion, largest remainders first) and keep at least one row of
    every class in train; other sets keep at least one row in train.  Rows
    are chosen with ``np.random.default_rng(seed)`` only, so the split is
    deterministic; both parts keep the original row order.
    """
    if (
        isinstance(test_fraction, bool)
        or not isinstance(test_fraction, numbers.Real)
        or not math.isfinite(test_fraction)
        or not 0.0 <= test_fraction < 1.0
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "test_fraction must be a number in [0, 1), not {test_fraction}"),
            test_fraction=repr(test_fraction),
        )
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "seed must be a whole number >= 0, not {seed}"), seed=repr(seed))
    m = dataset.n_samples
    if test_fraction == 0:
        return dataset, dataset.subset([])
    if m < 2:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "data set {name} has {rows} row(s); a train/test split needs at least 2"),
            name=repr(dataset.name), rows=m,
        )

    rng = np.random.default_rng(int(seed))
    if dataset.task == CLASSIFICATION and dataset.class_names:
        labels = dataset.labels()
        groups = [np.flatnonzero(labels == c) for c in np.unique(labels)]
    else:
        groups = [np.arange(m)]
    capacity = [len(g) - 1 for g in groups]
    n_test = min(max(math.floor(m * test_fraction + 0.5), 1), sum(capacity))

    quotas = [len(g) * n_test / m for g in groups]
    counts = [min(math.floor(q), cap) for q, cap in zip(quotas, capacity)]
    order = sorted(range(len(groups)), key=lambda i: (-(quotas[i] - math.floor(quotas[i])), i))
    remaining = n_test - sum(counts)
    while remaining > 0:
        for i in order:
            if remaining and counts[i] < capacity[i]:
                counts[i] += 1
                remaining -= 1

    test_rows = np.concatenate(
        [rng.permutation(g)[:k] for g, k in zip(groups, counts)]
    ).astype(np.intp)
    test_mask = np.zeros(m, dtype=bool)
    test_mask[test_rows] = True
    return dataset.subset(np.flatnonzero(~test_mask)), dataset.subset(np.flatnonzero(test_mask))
