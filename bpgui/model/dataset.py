"""The data type: an immutable pair of matrices with the names the views show.

A :class:`Dataset` holds ``inputs`` (m × d) and ``targets`` (m × l); in the
note's notation row k of ``inputs`` is x_k and row k of ``targets`` is y_k.
Where the data come from is elsewhere: :mod:`bpgui.model.builtin_data` (the
built-in sets), :mod:`bpgui.model.csv_import` (CSV files) and
:mod:`bpgui.model.split` (train/test split); :mod:`bpgui.model.datasets`
gathers them.

This module is pure NumPy + standard library: it must never import Qt.
"""

from __future__ import annotations

import dataclasses
import functools
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError

__all__ = [
    "CLASSIFICATION",
    "LABEL_AUTO",
    "LABEL_CLASSES",
    "LABEL_NUMBER",
    "LABEL_TYPES",
    "MAX_INTEGER_CLASSES",
    "REGRESSION",
    "Dataset",
    "LabelReading",
    "check_label_type",
    "check_seed",
]

CLASSIFICATION = "classification"
REGRESSION = "regression"
_TASKS = (CLASSIFICATION, REGRESSION)

#: How to read a label column: decide from its values, as classes, or as a number.
LABEL_AUTO = "auto"
LABEL_CLASSES = "classes"
LABEL_NUMBER = "number"
LABEL_TYPES = (LABEL_AUTO, LABEL_CLASSES, LABEL_NUMBER)

#: ``label_type="auto"`` reads whole numbers with at most this many distinct
#: values as classes (digits 0-9: ten classes); ``csv_import`` applies it.
MAX_INTEGER_CLASSES = 20

#: The task each label type gives.
_TASK_OF = {LABEL_CLASSES: CLASSIFICATION, LABEL_NUMBER: REGRESSION}


def check_label_type(label_type: object) -> str:
    """``label_type`` if it is one of :data:`LABEL_TYPES`, else :class:`DataError`."""
    if not isinstance(label_type, str) or label_type not in LABEL_TYPES:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "the label type must be one of {types}, not {label_type}"),
            types=", ".join(LABEL_TYPES), label_type=repr(label_type),
        )
    return label_type


@dataclass(frozen=True)
class LabelReading:
    """How the label column(s) of a data set were read, and why.

    * ``column`` - the label column's header (several joined by ", ");
    * ``label_type`` - :data:`LABEL_CLASSES` or :data:`LABEL_NUMBER`;
    * ``inferred`` - True if chosen from the values (``label_type="auto"``),
      False if the caller chose it;
    * ``reason`` - why, one of ``"yes_no"`` (是/否, yes/no … words),
      ``"binary"`` (the numbers 0 and 1), ``"integers"`` (whole numbers, at
      most :data:`MAX_INTEGER_CLASSES` distinct),
      ``"text"`` (class names), ``"many_values"`` (whole numbers, too many
      distinct), ``"fractions"`` (not all whole numbers), ``"several"``
      (several label columns), ``"chosen"`` (``inferred`` is False),
      ``"builtin"`` (a built-in set's own);
    * ``distinct`` - the number of distinct label values (of the first
      column when there are several).
    """

    column: str
    label_type: str
    inferred: bool
    reason: str
    distinct: int


def check_seed(seed: object) -> int:
    """``seed`` as an ``int`` if it is a whole number >= 0, else :class:`DataError`."""
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or int(seed) < 0:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "seed must be a whole number >= 0, not {seed}"), seed=repr(seed))
    return int(seed)


def _frozen_matrix(values: Any, what: str, name: str) -> np.ndarray:
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

    ``label`` says how the labels were read (:class:`LabelReading`; None
    for a set built by hand); :attr:`label_type` and
    :attr:`label_type_inferred` are its short forms.
    """

    name: str
    inputs: np.ndarray
    targets: np.ndarray
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]
    task: str
    class_names: tuple[str, ...] = ()
    source: str = ""
    label: LabelReading | None = None

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
        if self.label is not None and (
            not isinstance(self.label, LabelReading) or _TASK_OF.get(self.label.label_type) != self.task
        ):
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "data set {name}: label type {label_type} does not fit task {task}"),
                name=repr(name), label_type=repr(getattr(self.label, "label_type", self.label)), task=repr(self.task),
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

    # -- how the labels were read ------------------------------------------

    @property
    def label_type(self) -> str:
        """:data:`LABEL_CLASSES` for a classification set, :data:`LABEL_NUMBER` for regression."""
        return self.label.label_type if self.label is not None else (
            LABEL_CLASSES if self.task == CLASSIFICATION else LABEL_NUMBER
        )

    @property
    def label_type_inferred(self) -> bool:
        """True if :attr:`label_type` was chosen from the label values (``label_type="auto"``)."""
        return self.label is not None and self.label.inferred

    # -- classification helpers ---------------------------------------------

    @property
    def _is_multilabel(self) -> bool:
        return self.n_outputs > 1 and not self.class_names

    def _output_matrix(self, outputs: Any) -> np.ndarray:
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

    def subset(self, indices: Any) -> Dataset:
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
        return dataclasses.replace(self, inputs=self.inputs[rows], targets=self.targets[rows])

