"""Data sets: one import for the data type, the built-in sets, CSV import and the split.

The code lives in four modules beside this one; this one only gathers their
public names, so that ``from bpgui.model.datasets import ...`` keeps working:

* :mod:`bpgui.model.dataset` - :class:`Dataset`, the immutable pair of
  matrices ``inputs`` (m × d) and ``targets`` (m × l) with their names,
  and :class:`LabelReading`, how its labels were read (``label_type``
  "auto", "classes" or "number");
* :mod:`bpgui.model.builtin_data` - :data:`BUILTIN_NAMES`,
  :func:`load_builtin` (truth tables, the watermelon tables, the seeded
  generators; the watermelon tables in Chinese or English) and
  :func:`load_dataset` (a built-in name or a CSV path);
* :mod:`bpgui.model.csv_import` (with :mod:`bpgui.model.csv_read`) -
  :func:`load_csv`: UTF-8/BOM/GBK, one-hot text columns, id columns, label
  variants, every error naming the file, line and column;
* :mod:`bpgui.model.split` - :func:`train_test_split`, stratified;
  :func:`held_out_count` and :func:`smallest_same_fraction` say how many
  rows a fraction holds out and which smaller fraction gives the same split.

Every random draw comes from its own stream of the seed
(:mod:`bpgui.model.seeding`): generating a set and splitting it never share
one.  None of these modules imports Qt.
"""

from __future__ import annotations

from bpgui.model.builtin_data import BUILTIN_NAMES, LANGUAGES, load_builtin, load_dataset
from bpgui.model.csv_import import ID_COLUMN_NAMES, NEGATIVE_LABELS, POSITIVE_LABELS, load_csv
from bpgui.model.dataset import (
    CLASSIFICATION,
    LABEL_AUTO,
    LABEL_CLASSES,
    LABEL_NUMBER,
    LABEL_TYPES,
    MAX_INTEGER_CLASSES,
    REGRESSION,
    Dataset,
    LabelReading,
)
from bpgui.model.split import held_out_count, smallest_same_fraction, train_test_split

__all__ = [
    "BUILTIN_NAMES",
    "CLASSIFICATION",
    "ID_COLUMN_NAMES",
    "LABEL_AUTO",
    "LABEL_CLASSES",
    "LABEL_NUMBER",
    "LABEL_TYPES",
    "LANGUAGES",
    "MAX_INTEGER_CLASSES",
    "NEGATIVE_LABELS",
    "POSITIVE_LABELS",
    "REGRESSION",
    "Dataset",
    "LabelReading",
    "held_out_count",
    "load_builtin",
    "load_csv",
    "load_dataset",
    "smallest_same_fraction",
    "train_test_split",
]
