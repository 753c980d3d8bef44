"""The gradient table's columns and the Qt-free helpers its model and proxy share.

Column numbers, the numeric and check column groups, precision limits, the
CSV headers and the filter kinds; and the small NumPy and text helpers that
need no QObject (so no translation context lives here).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import Qt

from ..model.naming import ParameterSpec

(COL_NAME, COL_LAYER, COL_FROM_TO, COL_VALUE, COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE,
 COL_FD_GRADIENT, COL_REL_ERROR) = range(9)
N_COLUMNS = 9
NUMERIC_COLUMNS = (COL_VALUE, COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE)  # an iteration's numbers
CHECK_COLUMNS = (COL_FD_GRADIENT, COL_REL_ERROR)  # a gradient check's, hidden without one
NUMBER_COLUMNS = NUMERIC_COLUMNS + CHECK_COLUMNS
# A relative error above this is highlighted: a correct gradient agrees to far more digits.
REL_ERROR_WARNING = 1e-4

DEFAULT_PRECISION = 6
MIN_PRECISION, MAX_PRECISION = 1, 17  # 17 significant digits round-trip every float64
RESORT_INTERVAL_MS = 500

CSV_HEADER = ("name", "layer", "kind", "from", "to", "value", "gradient", "update", "new_value")
CSV_CHECK_HEADER = ("fd_gradient", "fd_relative_error")  # appended while a check is set

KIND_ALL, KIND_WEIGHT, KIND_THRESHOLD = "", "weight", "threshold"
KINDS = (KIND_ALL, KIND_WEIGHT, KIND_THRESHOLD)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter

# Greek letters are hard to type: the filter accepts their names too.
_GREEK_NAMES = (("gamma", "γ"), ("theta", "θ"), ("alpha", "α"), ("beta", "β"), ("eta", "η"))


def greek(text: str) -> str:
    """``text`` with the names of the note's Greek letters replaced by the letters."""
    for name, letter in _GREEK_NAMES:
        text = text.replace(name, letter)
    return text


def parse_number(value: object) -> float | None:
    """``value`` (text from the editor, or a number) as a float, None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.floating, np.integer)):
        return float(value)
    text = str(value).strip().replace("\u2212", "-")  # a typographic minus is still a minus
    try:
        return float(text)
    except ValueError:
        return None


def readonly(array: npt.ArrayLike | None) -> np.ndarray | None:
    """A read-only float64 view (no copy for float64 input): the table never writes."""
    if array is None:
        return None
    view = np.asarray(array, dtype=np.float64).view()
    view.setflags(write=False)
    return view


def layer_sizes_of(specs: Sequence[ParameterSpec], layers: np.ndarray, is_threshold: np.ndarray) -> tuple[int, ...]:
    """The layer sizes ``specs`` were made from, or ``()`` if they are not a whole network."""
    if not specs:
        return ()
    n_layers = int(layers.max())
    sizes: list[int] = []
    for k in range(1, n_layers + 1):
        in_layer = layers == k
        n_out = int(np.count_nonzero(in_layer & is_threshold))
        n_weights = int(np.count_nonzero(in_layer & ~is_threshold))
        if n_out == 0 or n_weights % n_out:
            return ()
        n_in = n_weights // n_out
        if sizes and sizes[-1] != n_in:
            return ()
        if not sizes:
            sizes.append(n_in)
        sizes.append(n_out)
    return tuple(sizes)


def from_to_text(spec: ParameterSpec) -> str:
    """``1 → 2`` for a weight, ``— → 1`` for a threshold."""
    source = "—" if spec.source is None else str(spec.source)
    return f"{source} → {spec.target}"
