"""What the error plot's hover reads out: the nearest point of the curve shown, at full precision.

In iteration mode the hover reads E_k of the nearest iteration t; in epoch
mode, E (and the test E) of the nearest epoch row. The value label is sized
for :func:`widest_text`, the longest text the data can give, so the plot does
not jump while the mouse moves. The strings keep the translation context
``ErrorPlotView`` (the view's), as they always have.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..model.text import fill
from .error_plot_data import exact

# A long number, for the widest text a value can make.
_LONG_NUMBER = "-1.2345678901234567e-05"


def placeholder_text() -> str:
    """What the value label says while the mouse is not over a curve."""
    return QCoreApplication.translate("ErrorPlotView", "Point at a curve to read its exact value")


def iteration_text(t: int, value: str) -> str:
    return fill(QCoreApplication.translate("ErrorPlotView", "t = {t}: E_k = {value}"), t=t, value=value)


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
            test = exact(test_errors[row])
        return float(row), float(value), epoch_text(row, int(epoch_iterations[row]), exact(value), test)
    n = iteration_errors.shape[0]
    if n == 0:
        return None
    t = int(min(max(round(x), 1), n))
    value = iteration_errors[t - 1]
    return float(t), float(value), iteration_text(t, exact(value))


def widest_text(
    epochs: bool, iteration_errors: np.ndarray, epoch_iterations: np.ndarray, epoch_errors: np.ndarray, has_test: bool
) -> str:
    """The longest hover text the data and x axis can give (with a long number)."""
    if epochs:
        rows = max(epoch_errors.shape[0], 1)
        last_t = int(epoch_iterations[-1]) if epoch_iterations.shape[0] else 0
        return epoch_text(rows - 1, last_t, _LONG_NUMBER, _LONG_NUMBER if has_test else None)
    n = max(iteration_errors.shape[0], 1)
    return max(iteration_text(n, _LONG_NUMBER), placeholder_text(), key=len)
