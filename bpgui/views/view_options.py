"""Two settings every view shares: the text scale (View → Text size) and the significant digits (View → Digits).

The main window keeps both, remembers them in QSettings (whatever is stored
there is read defensively: a hostile or foreign value gives a readable
setting, never an exception) and hands them to every view that has
``set_text_scale(scale)`` / ``set_digits(digits)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QSettings

from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS
from .text_scale import MAX_TEXT_SCALE, MIN_TEXT_SCALE, clamp_text_scale

#: View → Text size offers these; Larger and Smaller step through them.
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5)
#: View → Digits offers these (the table's Digits box reaches 1–17: the same setting).
DIGIT_CHOICES = (3, 4, 5, 6, 7, 8)
TEXT_SCALE_KEY = "view/text_scale"
DIGITS_KEY = "view/digits"
OLD_PRECISION_KEY = "view/precision"  # the table's digits, before they were everyone's


def clamp_digits(value: object, default: int = DEFAULT_DIGITS) -> int:
    """``value`` as significant digits within 1–17; ``default`` when it is no whole number at all."""
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        return default
    if number != number or number in (float("inf"), float("-inf")):
        return default
    return int(min(MAX_DIGITS, max(MIN_DIGITS, round(number))))


def stored_text_scale(q: QSettings) -> float:
    """The remembered text scale, within 100–250 % (100 % when nothing readable is stored)."""
    try:
        value = q.value(TEXT_SCALE_KEY, MIN_TEXT_SCALE)
    except Exception:  # a value QSettings cannot turn back into Python
        return MIN_TEXT_SCALE
    try:
        return clamp_text_scale(float(str(value).strip()))
    except (TypeError, ValueError, OverflowError):
        return MIN_TEXT_SCALE


def stored_digits(q: QSettings) -> int:
    """The remembered digits (the table's older setting when there is no newer one)."""
    try:
        value = q.value(DIGITS_KEY)
        if value is None:
            value = q.value(OLD_PRECISION_KEY)
    except Exception:
        return DEFAULT_DIGITS
    return DEFAULT_DIGITS if value is None else clamp_digits(value)


class TextView(Protocol):
    """A view that draws text of its own and numbers: the main window sets both on every such view."""

    def set_text_scale(self, scale: float) -> None: ...

    def set_digits(self, digits: int) -> None: ...


def next_text_scale(current: float, direction: int) -> float:
    """The next menu scale above (``direction`` > 0) or below ``current``; the end one at either end."""
    if direction > 0:
        return next((s for s in TEXT_SCALES if s > current + 1e-9), MAX_TEXT_SCALE)
    return next((s for s in reversed(TEXT_SCALES) if s < current - 1e-9), MIN_TEXT_SCALE)


def apply_to_views(views: Iterable[TextView], scale: float, digits: int) -> None:
    """``set_text_scale(scale)`` and ``set_digits(digits)`` on every view."""
    for view in views:
        view.set_text_scale(scale)
        view.set_digits(digits)
