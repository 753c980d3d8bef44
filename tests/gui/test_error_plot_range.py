"""The error plot settles (issue 11: a plot that repainted for ever). Peak downsampling drops the data's ends
(a bucket's x is its middle value's, a last partial bucket is left out), so the peaks' bounds, hence the
auto-range, follow the downsampling factor, which follows the range: near a factor's edge each paint chose
the other factor, for ever (found at 1,143 points in a 321 px view: a Step never returned). The factor now
keeps until the range is clearly past its edge."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject

from bpgui.views.error_plot import ErrorPlotView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _errors(n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.abs(rng.normal(0.0, 0.05, n)) + 0.25 / (1.0 + np.arange(n) / 2_000)


def _show(view: ErrorPlotView, errors: np.ndarray) -> None:
    n = errors.shape[0]
    ends = np.arange(0, n + 1, 500)
    view.set_history(errors, ends, np.r_[0.3, errors[ends[1:] - 1]])


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.parametrize("width", [371, 412])
def test_a_step_paints_the_plot_once_at_every_length(show, qtbot, width):
    """A history grown a Step at a time across the lengths where the peaks' buckets go from 1 to 2 points:
    one repaint asked, one paint made, and a paint leaves the range as it found it."""
    view = show(ErrorPlotView(), width, 260)
    widget = view.plot_item.getViewWidget()
    box = view.plot_item.getViewBox()
    paints = _Paints()
    widget.viewport().installEventFilter(paints)
    errors = _errors(1_400)
    for n in range(1_050, 1_250, 3):
        _show(view, errors[:n].copy())
        qtbot.wait(1)  # what the new history posted (the axes' room)
        widget.viewport().repaint()
        before = box.viewRange()
        paints.count = 0
        widget.viewport().update()
        qtbot.wait(5)
        assert paints.count <= 1, f"{n} points: {paints.count} paints for one update"
        assert box.viewRange() == before, f"{n} points: a paint moved the range"
