"""A big network's long-lived objects are frozen out of Python's full collections once its views are built
(at 10^6 parameters a full collection walked two million of them: 335 ms, in the middle of Run)."""

from __future__ import annotations

import gc
import weakref

from bpgui.controller import Settings, TrainingController
from bpgui.session.running import SETTLE_PARAMETERS


class Cycle:
    """Garbage only a collection frees (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


def test_a_big_networks_objects_are_collected_then_frozen_and_a_small_ones_left_alone(qtbot, tmp_path):
    gc.unfreeze()
    try:
        small = TrainingController()
        qtbot.wait(20)
        assert gc.get_freeze_count() == 0  # 2-2-1: nothing to gain
        rows = [",".join(f"p{i}" for i in range(200)) + ",y"]
        rows += [",".join(["0.5"] * 200) + f",{k % 2}" for k in range(4)]
        path = tmp_path / "wide.csv"
        path.write_text("\n".join(rows) + "\n")
        garbage = Cycle()
        gone = weakref.ref(garbage)
        del garbage
        big = TrainingController(Settings(data=str(path), hidden=(120,), target_error=None))
        assert big.network.n_parameters >= SETTLE_PARAMETERS
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 2 * big.network.n_parameters // 10, timeout=5_000)
        assert gone() is None  # collected first: no garbage is frozen with the living
        small.deleteLater()
        big.deleteLater()
    finally:
        gc.unfreeze()
