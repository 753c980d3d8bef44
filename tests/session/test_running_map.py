"""A wide network's decision map while Run draws one at every frame (issue 11): on a coarser grid, at most
``RUN_MAP_WORK`` parameters × points (a 2-1000-1 map on 80 × 80 points took 50 ms a frame, and the window
waited 65-290 ms between paints), then on the whole grid once Run pauses; a narrow network's, whole throughout."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.plane_map import MAP_WORK, RUN_MAP_WORK, decision_surface, running_grid
from bpgui.model.surface import GRID_SIZE
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.mark.parametrize("n_parameters", [9, 625, 626, 2_001, 4_001, 4_687, 4_688, 24_001, 10**6])
def test_the_running_grid_keeps_a_frames_map_within_its_work(n_parameters: int) -> None:
    size = running_grid(n_parameters)
    if n_parameters * GRID_SIZE**2 <= RUN_MAP_WORK or n_parameters * GRID_SIZE**2 > MAP_WORK:
        assert size == GRID_SIZE  # cheap whole, or no map at all (surface_if_planar refuses it)
    else:
        assert 29 <= size < GRID_SIZE
        assert n_parameters * size**2 <= RUN_MAP_WORK < n_parameters * (size + 1) ** 2  # the finest that fits


def test_a_wide_networks_map_is_coarse_while_running_and_whole_once_paused() -> None:
    session = TrainingSession(Settings(hidden=(1000,), target_error=None))
    coarse_size = running_grid(session.network.n_parameters)
    assert coarse_size < GRID_SIZE
    whole = session.decision_surface()
    assert whole is not None and whole.x_axis.shape[0] == GRID_SIZE  # paused: the whole grid
    session.set_running(True)
    session.run_slice()
    coarse = session.decision_surface()
    assert coarse is not None and coarse.x_axis.shape[0] == coarse_size == coarse.outputs[0].shape[0]
    # The same network as the whole map's at that state: the coarse grid's values are the network's own.
    expected = decision_surface(session.network, session.dataset, coarse_size)
    np.testing.assert_array_equal(coarse.outputs[0], expected.outputs[0])
    session.pause()
    again = session.decision_surface()  # the same state, paused: whole again
    assert again is not None and again.x_axis.shape[0] == GRID_SIZE


def test_a_narrow_networks_map_is_whole_while_running() -> None:
    session = TrainingSession(Settings(hidden=(2,), target_error=None))
    session.set_running(True)
    session.run_slice()
    surface = session.decision_surface()
    assert surface is not None and surface.x_axis.shape[0] == GRID_SIZE
    session.pause()


def test_a_network_too_wide_to_map_paused_is_not_mapped_while_running_either() -> None:
    too_wide = MAP_WORK // GRID_SIZE**2 + 1  # parameters: no map paused
    assert running_grid(too_wide) == GRID_SIZE  # (so surface_if_planar refuses it, running or not)
    session = TrainingSession(Settings(hidden=(too_wide // 4 + 1,), target_error=None))  # 2-h-1: 4h + 1
    assert session.network.n_parameters * GRID_SIZE**2 > MAP_WORK
    assert session.decision_surface() is None
    session.set_running(True)
    session.run_slice()
    assert session.decision_surface() is None
    session.pause()
