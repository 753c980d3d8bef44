"""Fitting the network in the main window: no unit or label is clipped, or the drawing scrolls on purpose."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from bpgui.controller import Settings, TrainingController
from bpgui.views.topology import TopologyView


def _iris_like(tmp_path) -> str:
    rng = np.random.default_rng(0)
    rows = ["a,b,c,d,species"]
    for i in range(30):
        c = i % 3
        rows.append(",".join(f"{v:.2f}" for v in rng.normal(c, 0.5, 4)) + f",{'pqr'[c]}")
    path = tmp_path / "iris4.csv"
    path.write_text("\n".join(rows) + "\n")
    return str(path)


def _fits_or_scrolls(view: TopologyView) -> None:
    """The whole scene is in the viewport, or the view stopped at MIN_FIT_SCALE with a scroll bar to reach it."""
    scene = view.sceneRect()
    items = QRectF()
    for layer in view._units:
        for unit in layer:
            items = items.united(unit.sceneBoundingRect())
    for _, rect in view.visible_label_rects():
        items = items.united(rect)
    assert scene.contains(items)  # nothing drawn lies outside what fitting and scrolling reach
    shown = view.mapFromScene(scene).boundingRect()
    viewport = view.viewport().rect()
    if viewport.adjusted(-1, -1, 1, 1).contains(shown):
        return
    assert view.transform().m11() == pytest.approx(view.min_fit_scale())
    bars = [bar for bar in (view.horizontalScrollBar(), view.verticalScrollBar()) if bar.maximum() > 0]
    assert bars and all(bar.isVisible() for bar in bars)
    assert "Drag" in view.legend_note()  # and the note says so


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("net", ["2-8-4-1", "4-16-3", "19-5-1"])
@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_fit_never_clips(qtbot, qsettings, no_dialogs, tmp_path, size, net, scale):
    from bpgui.views.main_window import MainWindow

    data, hidden = {"2-8-4-1": ("xor", (8, 4)), "4-16-3": (_iris_like(tmp_path), (16,)),
                    "19-5-1": ("watermelon3.0", (5,))}[net]
    controller = TrainingController(Settings(data=data, hidden=hidden, target_error=None))
    window = MainWindow(controller, qsettings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    view = window.topology
    view.set_text_scale(scale)
    assert "-".join(map(str, controller.network.layer_sizes)) == net
    qtbot.wait(1)
    _fits_or_scrolls(view)
    controller.step()
    controller.step_phase()
    qtbot.wait(1)
    _fits_or_scrolls(view)
    controller.pause()
