"""The gradient table's columns and the Qt-free helpers its model and proxy share.

Column numbers, the numeric and check column groups, precision limits, the
CSV headers and the filter kinds; and the small NumPy and text helpers that
need no QObject (so no translation context lives here).

Names: the Name column shows a parameter as the network drawing does
(``Symbol.unicode``: v₁₁, γ₁, v⁽¹⁾₁₁, v₃,₁₂); copied and exported text keeps
the plain form (``Symbol.text``: v_11, v^(1)_11), as the command line writes
it. The name filter accepts either, and the plainer spellings a learner types
(``search_key``, ``search_needle``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import Qt

from ..model.naming import ParameterSpec
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS
from ..model.table_text import CSV_CHECK_HEADER as CSV_CHECK_HEADER  # (the table's names for them too)
from ..model.table_text import CSV_HEADER as CSV_HEADER
from ..model.table_text import from_to

(COL_NAME, COL_LAYER, COL_FROM_TO, COL_VALUE, COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE,
 COL_FD_GRADIENT, COL_REL_ERROR) = range(9)
N_COLUMNS = 9
NUMERIC_COLUMNS = (COL_VALUE, COL_GRADIENT, COL_UPDATE, COL_NEW_VALUE)  # an iteration's numbers
CHECK_COLUMNS = (COL_FD_GRADIENT, COL_REL_ERROR)  # a gradient check's, hidden without one
NUMBER_COLUMNS = NUMERIC_COLUMNS + CHECK_COLUMNS
# A relative error above this is highlighted: a correct gradient agrees to far more digits.
REL_ERROR_WARNING = 1e-4
# model.gradcheck.NOISE_FLOOR (a view may not import gradcheck; a test keeps the two equal): an
# estimate below it beside an exactly-zero ∂E/∂p is rounding noise, never "the largest error".
CHECK_NOISE_FLOOR = 1e-10

# The app's one Digits setting (``model.numbers``): the table's spin box is where a learner sets it.
DEFAULT_PRECISION, MIN_PRECISION, MAX_PRECISION = DEFAULT_DIGITS, MIN_DIGITS, MAX_DIGITS
RESORT_INTERVAL_MS = 500

# (The exported CSV's columns, and From → To, are the model's: ``model.table_text`` writes the table out.)

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


def rounding_noise(gradients: np.ndarray | None, estimates: np.ndarray | None, n: int) -> np.ndarray:
    """Rows whose ∂E/∂p is exactly 0 and whose estimate is below ``CHECK_NOISE_FLOOR`` (``n`` rows).

    The same rule as ``model.gradcheck.rounding_noise``; none without both arrays.
    """
    if gradients is None or estimates is None:
        return np.zeros(n, dtype=bool)
    with np.errstate(invalid="ignore"):
        return (gradients == 0.0) & (np.abs(estimates) < CHECK_NOISE_FLOOR)


def display_name(spec: ParameterSpec) -> str:
    """The name the table shows, as the network drawing writes it: ``v₁₂``, ``γ⁽²⁾₃``, ``v₃,₁₂``."""
    return spec.symbol.unicode


# Unicode sub/superscripts a learner may paste from the table, as the plain form writes them.
_SUB_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUPER_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUBSCRIPT_RUN = re.compile(r"[₀-₉][₀-₉,]*")
_SUPERSCRIPT_RUN = re.compile(r"⁽?[⁰¹²³⁴-⁹]+⁾?")
_BARE_LAYER = re.compile(r"\^(\d+)")  # v^1 → v(1)


def search_key(spec: ParameterSpec) -> str:
    """What the name filter searches for ``spec``, case-folded: several spellings, one a line.

    The plain form with its layer number and no caret (``v(1)_11``; the note's
    unmarked names get theirs too: ``w(2)_11`` is w₁₁ of a 2-2-1 network), the
    same without the underscore (``v(1)11``), and both without the layer
    (``v_11``, ``v11``): "v(1)", "w^(2)", "v_1", "v1" and "γ_2" all find what they say.
    """
    symbol = spec.symbol
    base = symbol.base.casefold()
    sub = symbol.text.partition("_")[2]
    layer = f"({spec.layer})"  # the superscript where there is one (it is the spec's layer)
    return "\n".join((f"{base}{layer}_{sub}", f"{base}{layer}{sub}", f"{base}_{sub}", f"{base}{sub}"))


def search_needle(text: str) -> str:
    """What a learner typed in the name filter, in the spelling of ``search_key`` ("" for no filter).

    Case and spaces do not matter; Greek letters may be named ("gamma");
    Unicode sub/superscripts (``γ₂``, ``v⁽¹⁾₁₁``) are read as ``γ_2``,
    ``v(1)_11``; a caret is optional (``v^(1)``, ``v^1`` and ``v(1)`` are one).
    """
    needle = greek("".join(text.casefold().split()))
    needle = _SUPERSCRIPT_RUN.sub(lambda m: "(" + m.group().strip("⁽⁾").translate(_SUPER_DIGITS) + ")", needle)
    needle = _SUBSCRIPT_RUN.sub(lambda m: "_" + m.group().translate(_SUB_DIGITS), needle)
    return _BARE_LAYER.sub(r"(\1)", needle).replace("^", "")


# "9.574×10⁻⁵" (the screen's format), "9.574 x 10^-5", "9.574*10**-5", "9.574·10⁻⁵" after NFKC.
_TIMES_TEN = re.compile(r"^(?P<mantissa>[^×xX*·]+?)\s*[×xX*·]\s*10\s*(?:\^|\*\*)?\s*(?P<exponent>[+-]?\s*\d+)$")


def parse_number(value: object) -> float | None:
    """``value`` (text from the editor, or a number) as a float, None if it is not one.

    Text is read as a learner may type or paste it: plainly (``-1e-5``), or as
    the screen writes it (``−1×10⁻⁵``, with a true minus and a superscript
    power of ten; ``x10^-5`` too), full-width digits included; ``∞`` is infinite.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.floating, np.integer)):
        return float(value)
    # NFKC turns superscript digits and ⁻ into plain ones, full-width digits into ASCII.
    text = unicodedata.normalize("NFKC", str(value)).strip().replace("\u2212", "-")  # a true minus is a minus
    match = _TIMES_TEN.match(text)
    if match:
        text = match["mantissa"].strip() + "e" + "".join(match["exponent"].split())
    text = {"∞": "inf", "+∞": "inf", "-∞": "-inf"}.get(text, text)
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
    return from_to(spec.source, spec.target)



Look = tuple[Any, Any, Any, Any]  # a painted cell: (display, alignment, background, foreground), as data() answers
LOOK_CACHE_LIMIT = 8192  # looks kept per group (a screenful is a few hundred): scrolling far starts afresh


class LookCache:
    """Each cell's ``Look``, made once, when first painted, and kept until the data that made it changes.

    Two groups: the name columns' looks (they change only with the rows) and
    the numbers' (they change with the values, the check and the Digits).
    ``look(row, column)`` asks ``make(row, column)`` on a miss; the owner calls
    ``forget_numbers`` or ``forget_all`` exactly when what feeds them changes.
    A cell is keyed ``row * N_COLUMNS + column`` (unique: the column is checked first).
    """

    __slots__ = ("_make", "_names", "_numbers", "made")

    def __init__(self, make: Callable[[int, int], Look]) -> None:
        self._make = make
        self._names: dict[int, Look] = {}
        self._numbers: dict[int, Look] = {}
        self.made = 0  # looks made so far (tests count them)

    def look(self, row: int, column: int) -> Look:
        if not 0 <= column < N_COLUMNS:
            return self._make(row, column)
        looks = self._numbers if column >= COL_VALUE else self._names
        key = row * N_COLUMNS + column
        look = looks.get(key)
        if look is None:
            look = self._make(row, column)
            self.made += 1
            if len(looks) >= LOOK_CACHE_LIMIT:
                looks.clear()
            looks[key] = look
        return look

    def forget_numbers(self) -> None:
        self._numbers.clear()

    def forget_all(self) -> None:
        self._names.clear()
        self._numbers.clear()
