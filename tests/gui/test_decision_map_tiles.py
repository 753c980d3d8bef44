"""The hidden units' tiles under "What it learned": each map fills its box exactly (no gap beside its axes),
round range labels on both axes, and tiles that do not fit scroll with a visible bar instead of being cut."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, QSettings
from PySide6.QtWidgets import QApplication

from bpgui.controller import Settings, TrainingController
from bpgui.views.decision_map_tiles import HiddenMapsPanel, round_ends
from bpgui.views.main_window import MainWindow
from bpgui.views.text_scale import apply_text_scale

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def learned(qtbot, tmp_path, no_dialogs):
    """``learned(size, scale)``: a 2-5-1 on the circle after 2000 iterations, "What it learned" shown."""
    made: list[tuple[MainWindow, TrainingController]] = []

    def make(size: tuple[int, int], scale: float) -> HiddenMapsPanel:
        controller = TrainingController(Settings(data="circle", hidden=(5,), target_error=None))
        window = MainWindow(controller, QSettings(str(tmp_path / f"{len(made)}.ini"), QSettings.Format.IniFormat))
        made.append((window, controller))
        window.resize(*size)
        controller.fast_forward(2000)
        window.set_text_scale(scale)
        window.right_tabs.setCurrentWidget(window.decision_map)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        for _ in range(5):
            QApplication.processEvents()
        return window.findChild(HiddenMapsPanel)

    yield make
    for window, controller in made:
        controller.pause()
        controller.wait_for_jobs()
        window.close()
    apply_text_scale(1.0)


def _check_tiles(panel: HiddenMapsPanel) -> None:
    assert panel.isVisible() and len(panel.image_items()) == 5
    scroll = panel._scroll
    viewport = scroll.viewport().rect()
    view = panel._view
    for tile in panel._tiles[:5]:
        box = tile.plot.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        data = box.mapViewToScene(QRectF(x0, y0, x1 - x0, y1 - y0)).boundingRect()
        image = tile.image.mapRectToScene(tile.image.boundingRect())
        for a, b in ((image.left(), data.left()), (image.right(), data.right()),
                     (image.top(), data.top()), (image.bottom(), data.bottom())):
            assert abs(a - b) <= 1.0, f"the map {image} is not its box' range {data}"
        # the axes run exactly along the map: no x-axis line past it, no gap between the y axis and it
        plane = box.sceneBoundingRect()
        across, up = (tile.plot.mapRectToScene(tile.plot.getAxis(name).geometry()) for name in ("bottom", "left"))
        assert abs(across.left() - plane.left()) <= 1 and abs(across.right() - plane.right()) <= 1
        assert abs(up.right() - plane.left()) <= 1 and abs(up.height() - plane.height()) <= 1
        drawn = tile.plot.sceneBoundingRect()
        in_view = view.mapFromScene(drawn).boundingRect()
        assert view.rect().adjusted(-1, -1, 1, 1).contains(in_view), f"tile {in_view} is cut by {view.rect()}"
        in_viewport = QRect(view.mapTo(scroll.viewport(), in_view.topLeft()), in_view.size())
        if not viewport.adjusted(-1, -1, 1, 1).contains(in_viewport):
            bars = (scroll.verticalScrollBar(), scroll.horizontalScrollBar())
            assert any(bar.isVisible() and bar.maximum() > 0 for bar in bars), "a tile is cut, not scrolled"
        # two round labels on each axis, inside the map's range
        for name, (low, high) in (("bottom", (x0, x1)), ("left", (y0, y1))):
            ticks = tile.plot.getAxis(name)._tickLevels[0]
            assert len(ticks) == 2
            assert all(low - 1e-9 <= value <= high + 1e-9 for value, _text in ticks)
            assert [text for _v, text in ticks] == ["−1", "1"]


@pytest.mark.parametrize(("size", "scale"), [((1280, 800), 1.0), ((1280, 800), 1.75), ((1920, 1080), 1.75),
                                             ((1024, 768), 1.0)])
def test_every_tile_fills_its_box_and_is_seen_whole_or_scrolled(learned, size, scale):
    _check_tiles(learned(size, scale))


def test_the_tiles_scroll_when_the_panel_is_short(learned):
    panel = learned((1280, 800), 1.0)
    panel.resize(panel.width(), 120)
    for _ in range(3):
        QApplication.processEvents()
    _check_tiles(panel)
    assert panel._scroll.verticalScrollBar().isVisible()
    panel._scroll.verticalScrollBar().setValue(panel._scroll.verticalScrollBar().maximum())
    QApplication.processEvents()
    last = panel._tiles[4].plot.sceneBoundingRect()
    bottom = panel._view.mapTo(panel._scroll.viewport(), QPoint(0, round(last.bottom())))
    assert bottom.y() <= panel._scroll.viewport().height() + 1  # scrolled to the end: the last tile shows


@pytest.mark.parametrize(("low", "high", "ends"), [(-1.27, 1.21, (-1, 1)), (0.0, 1.0, (0, 1)),
                                                    (-0.05, 1.05, (0, 1)), (0.1, 0.9, (0.2, 0.8)),
                                                    (-1.62, 1.51, (-1, 1)), (3.7, 3.8, (3.7, 3.8)),
                                                    (-250.0, 13.0, (-200, 0))])
def test_round_ends_are_round_and_inside(low, high, ends):
    assert round_ends(low, high) == pytest.approx(ends)


@pytest.mark.parametrize("bad", [(1.0, 1.0), (2.0, 1.0), (0.0, np.inf), (np.nan, 1.0)])
def test_round_ends_refuse_an_empty_range(bad):
    assert round_ends(*bad) is None
