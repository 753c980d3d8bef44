"""The decision map a wide network shows while Run draws it at every frame (coarser), and once paused (whole):
a pause clicked between Run's ticks draws the whole map again too, in the map's tab and in the network."""

from __future__ import annotations

import pytest

from bpgui.controller import Settings, TrainingController
from bpgui.model.plane_map import running_grid
from bpgui.model.surface import GRID_SIZE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_pause_between_ticks_draws_the_whole_map_again(qtbot, qsettings, no_dialogs) -> None:
    from bpgui.views.main_window import MainWindow

    controller = TrainingController(Settings(hidden=(1000,), target_error=None))
    window = MainWindow(controller, qsettings)
    qtbot.addWidget(window)
    window.show()
    window.right_tabs.setCurrentWidget(window.decision_map)
    coarse = running_grid(controller.network.n_parameters)
    assert coarse < GRID_SIZE

    def shown() -> int | None:
        surface = window.decision_map.surface
        return None if surface is None else surface.x_axis.shape[0]

    assert shown() == GRID_SIZE
    controller.set_speed(2)  # a tick every 0.5 s: the pause falls between two
    controller.set_running(True)
    qtbot.waitUntil(lambda: controller.iteration >= 1 and shown() == coarse, timeout=20_000)
    qtbot.wait(50)
    controller.pause()
    qtbot.waitUntil(lambda: shown() == GRID_SIZE, timeout=5_000)
    images = window.topology._unit_maps  # the network's units, filled with their maps: whole as well
    assert images and all(image.width() == image.height() == GRID_SIZE for image in images.values())
