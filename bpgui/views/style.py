"""Colours and fonts shared by every view: chosen for a projector, on a light background.

One colour convention for one meaning (the issue "one look for one meaning"):
a *value* (a unit's output, the output map over the plane, a binary class)
runs from ``LOW`` through white to ``HIGH``; a *weight*'s sign uses the same
pair (+ ``HIGH``, − ``LOW``). Blue and vermillion (Okabe & Ito's palette) stay
apart for red-green colour-blind viewers. A binary class 1 is ``HIGH`` (the
output near its top), class 0 is ``LOW``.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

BACKGROUND = "w"
TEXT = "#222222"
AXIS = "#555555"

HIGH = "#0a62b0"  # blue: positive weight, output near its top, class 1
LOW = "#d55e00"  # vermillion: negative weight, output near its bottom, class 0
HIGH_DARK = "#063d6e"  # the same hues dark enough for dots and text on white
LOW_DARK = "#8f3f00"
MAX_TINT = 0.85  # the strongest fill: a dark label stays readable on it


def value_fraction(value: float, low: float = -1.0, high: float = 1.0) -> float:
    """Where ``value`` lies between ``low`` (−1) and ``high`` (+1), 0 at the middle; clipped; NaN → 0."""
    if not math.isfinite(value) or high <= low:
        return 0.0
    middle, half = (low + high) / 2, (high - low) / 2
    return max(-1.0, min(1.0, (value - middle) / half))


def value_colour(value: float, low: float = -1.0, high: float = 1.0) -> QColor:
    """White at the middle of [low, high], deepening to ``HIGH`` at ``high`` and ``LOW`` at ``low``."""
    f = value_fraction(value, low, high)
    base = QColor(HIGH if f >= 0 else LOW)
    a = abs(f) * MAX_TINT
    return QColor(round(255 + (base.red() - 255) * a), round(255 + (base.green() - 255) * a),
                  round(255 + (base.blue() - 255) * a))
