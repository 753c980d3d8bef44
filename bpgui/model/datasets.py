"""Data sets: one import for the data type, the built-in sets, CSV import and the split.

The code lives in four modules beside this one; this one only gathers their
public names, so that ``from bpgui.model.datasets import ...`` keeps working:

* :mod:`bpgui.model.dataset` - :class:`Dataset`, the immutable pair of
  matrices ``inputs`` (m × d) and ``targets`` (m × l) with their names;
* :mod:`bpgui.model.builtin_data` - :data:`BUILTIN_NAMES`,
  :func:`load_builtin` (truth tables, the watermelon tables, the seeded
  generators) and :func:`load_dataset` (a built-in name or a CSV path);
* :mod:`bpgui.model.csv_import` (with :mod:`bpgui.model.csv_read`) -
  :func:`load_csv`: UTF-8/BOM/GBK, one-hot text columns, id columns, label
  variants, every error naming the file, line and column;
* :mod:`bpgui.model.split` - :func:`train_test_split`, stratified.

Every random draw comes from its own stream of the seed
(:mod:`bpgui.model.seeding`): generating a set and splitting it never share
one.  None of these modules imports Qt.
"""

from __future__ import annotations

from bpgui.model.builtin_data import BUILTIN_NAMES, load_builtin, load_dataset
from bpgui.model.csv_import import ID_COLUMN_NAMES, NEGATIVE_LABELS, POSITIVE_LABELS, load_csv
from bpgui.model.dataset import CLASSIFICATION, REGRESSION, Dataset
from bpgui.model.split import train_test_split

__all__ = [
    "BUILTIN_NAMES",
    "CLASSIFICATION",
    "ID_COLUMN_NAMES",
    "NEGATIVE_LABELS",
    "POSITIVE_LABELS",
    "REGRESSION",
    "Dataset",
    "load_builtin",
    "load_csv",
    "load_dataset",
    "train_test_split",
]
