"""The easiest predictions: a value's sign, or whether it comes out bigger or smaller than before.

Issue 12: "at the easiest level, a sign or 'bigger/smaller than before'". A sign is typed ``+``, ``-`` or
``−`` (U+2212), or ``0`` for an exact zero; a comparison ``>`` (bigger), ``<`` (smaller) or ``=`` (the
same number). Fullwidth forms a Chinese IME types (``＋``, ``－``, ``＞``, ``＜``, ``＝``, ``０``) are read as
their ASCII forms (NFKC). The answer is right when it is the sign of the value (of value − before): a
zero only for an exact 0 (the records have exact zeros), "=" only for the very same float. Anything else
raises :class:`~bpgui.model.practice.grading.AnswerError` naming the text. No Qt here.
"""

from __future__ import annotations

import math
import unicodedata

from ..errors import QT_TRANSLATE_NOOP
from .grading import AnswerError

VALUE, SIGN, COMPARE = "value", "sign", "compare"
LEVELS = (VALUE, SIGN, COMPARE)

_SIGNS = {"+": 1, "-": -1, "−": -1, "0": 0}
_COMPARISONS = {">": 1, "<": -1, "=": 0}


def _typed(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip()


def _shown(text: str) -> str:
    return repr(str(text).strip()[:40])


def _sign(x: float) -> int:
    if math.isnan(x):
        raise ValueError("a NaN has no sign")
    return (x > 0) - (x < 0)


def read_sign(text: str) -> int:
    """+1, −1 or 0 for ``+``, ``-``/``−`` or ``0``."""
    typed = _typed(text)
    if typed not in _SIGNS:
        raise AnswerError(QT_TRANSLATE_NOOP("Errors", "{text} is not a sign; type +, - or 0"), text=_shown(text))
    return _SIGNS[typed]


def read_comparison(text: str) -> int:
    """+1, −1 or 0 for ``>``, ``<`` or ``=``."""
    typed = _typed(text)
    if typed not in _COMPARISONS:
        raise AnswerError(QT_TRANSLATE_NOOP("Errors", "{text} is not a comparison; type > (bigger), < (smaller) "
                                                      "or = (the same)"), text=_shown(text))
    return _COMPARISONS[typed]


def sign_right(text: str, value: float) -> bool:
    """Whether ``text`` is the sign of ``value``."""
    return read_sign(text) == _sign(value)


def comparison_right(text: str, value: float, before: float) -> bool:
    """Whether ``text`` says how ``value`` compares with ``before``."""
    return read_comparison(text) == _sign(value - before)
