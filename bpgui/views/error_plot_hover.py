"""What the error plot's hover reads out: the nearest point of the curve shown, in the one number format.

In iteration mode the hover reads E_k of the nearest iteration t; in epoch
mode, E (and the test E) of the nearest epoch row, each to the Digits
setting (``format_number``; 17 digits give the exact value). The value label is sized
for :func:`widest_text`, the longest text the data can give, so the plot does
not jump while the mouse moves. The strings keep the translation context
``ErrorPlotView`` (the view's), as they always have.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.text import fill

# A long number, for the widest text a value can make.
_LONG_VALUE = -1.2345678901234567e-105


def placeholder_text() -> str:
    """What the value label says while the mouse is not over a curve."""
    return QCoreApplication.translate("ErrorPlotView", "Point at a curve to read its value")


def iteration_text(t: int, value: str) -> str:
    return fill(QCoreApplication.translate("ErrorPlotView", "t = {t}: Eₖ = {value}"), t=t, value=value)


def epoch_text(epoch: int, t: int, value: str, test: str | None) -> str:
    text = fill(QCoreApplication.translate("ErrorPlotView", "epoch {epoch} (t = {t}): E = {value}"),
                epoch=epoch, t=t, value=value)
    if test is not None:
        text += fill(QCoreApplication.translate("ErrorPlotView", ", test E = {value}"), value=test)
    return text


def nearest_point(
    x: float,
    epochs: bool,
    iteration_errors: np.ndarray,
    epoch_iterations: np.ndarray,
    epoch_errors: np.ndarray,
    test_errors: np.ndarray | None,
    digits: int = DEFAULT_DIGITS,
) -> tuple[float, float, str] | None:
    """(x, y, text) of the point nearest to x on the curve hovered (epoch rows if ``epochs``), or None without data."""
    if not math.isfinite(x):
        return None
    if epochs:
        rows = epoch_errors.shape[0]
        if rows == 0:
            return None
        row = int(min(max(round(x), 0), rows - 1))
        value = epoch_errors[row]
        test = None
        if test_errors is not None and math.isfinite(test_errors[row]):
            test = format_number(test_errors[row], digits)
        return float(row), float(value), epoch_text(row, int(epoch_iterations[row]), format_number(value, digits),
                                                    test)
    n = iteration_errors.shape[0]
    if n == 0:
        return None
    t = int(min(max(round(x), 1), n))
    value = iteration_errors[t - 1]
    return float(t), float(value), iteration_text(t, format_number(value, digits))


@functools.lru_cache(maxsize=32)
def _long_number(digits: int) -> str:
    return format_number(_LONG_VALUE, digits)


def widest_text(
    epochs: bool, iteration_errors: np.ndarray, epoch_iterations: np.ndarray, epoch_errors: np.ndarray, has_test: bool,
    digits: int = DEFAULT_DIGITS,
) -> str:
    """The longest hover text the data and x axis can give (with a long number at ``digits``)."""
    long_number = _long_number(digits)
    if epochs:
        rows = max(epoch_errors.shape[0], 1)
        last_t = int(epoch_iterations[-1]) if epoch_iterations.shape[0] else 0
        return epoch_text(rows - 1, last_t, long_number, long_number if has_test else None)
    n = max(iteration_errors.shape[0], 1)
    return max(iteration_text(n, long_number), placeholder_text(), key=len)


def place_value_label(bar: QBoxLayout, layout: QBoxLayout, label: QLabel, width: int,
                      controls: tuple[QWidget, ...], widest: str) -> None:
    """Put the value label in the control ``bar`` when ``widest`` fits beside the ``controls``, else on a row of
    its own below it in ``layout`` (wrapped onto two lines if even that is too narrow).

    Decided from the longest text the current data can produce, not from the
    text shown, so the plot does not jump while the mouse moves.
    """
    margins = bar.contentsMargins()
    metrics = label.fontMetrics()
    needed = (sum(w.sizeHint().width() for w in controls) + margins.left() + margins.right() + 12
              + 4 * bar.spacing() + metrics.horizontalAdvance(widest) + 8)
    in_bar = bar.indexOf(label) >= 0
    if width >= needed and not in_bar:
        layout.removeWidget(label)
        bar.insertWidget(bar.count() - 1, label, 1)
        label.setContentsMargins(0, 0, 0, 0)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    elif width < needed and in_bar:
        bar.removeWidget(label)
        layout.insertWidget(1, label)
        label.setContentsMargins(6, 0, 6, 2)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # On a row of its own the text may still be too long: then it wraps, in a
    # label kept two lines high whatever it shows, again so nothing jumps.
    wraps = bar.indexOf(label) < 0 and metrics.horizontalAdvance(widest) > width - 12
    if label.wordWrap() != wraps:  # (setting it, even unchanged, re-lays out the window: every step did)
        label.setWordWrap(wraps)
    if wraps:
        m = label.contentsMargins()
        lines = max(2, min(4, math.ceil(metrics.horizontalAdvance(widest) / max(1, width - 12 - m.left() - m.right()))))
        label.setFixedHeight(lines * metrics.lineSpacing() + 2 + m.top() + m.bottom())
    else:
        label.setMinimumHeight(0)
        label.setMaximumHeight(16777215)  # QWIDGETSIZE_MAX


def nearest_thinned(x: float, epochs: bool, positions: np.ndarray, errors: np.ndarray, epoch_iterations: np.ndarray,
                    epoch_errors: np.ndarray, test: np.ndarray | None, digits: int) -> tuple[float, float, str]:
    """The nearest point of a thinned curve (each point is the exact value at its own t or epoch)."""
    i = int(np.searchsorted(positions, x))
    if i == positions.shape[0] or (i > 0 and x - positions[i - 1] <= positions[i] - x):
        i -= 1
    where = int(positions[i])
    if not epochs:
        return float(where), float(errors[i]), iteration_text(where, format_number(errors[i], digits))
    test_text = format_number(test[i], digits) if test is not None and math.isfinite(test[i]) else None
    return float(where), float(epoch_errors[i]), epoch_text(
        where, int(epoch_iterations[i]), format_number(epoch_errors[i], digits), test_text)
