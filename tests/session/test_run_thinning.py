"""Run gives the error curve's thinning a tick of its own (issue 11): past 2^20 iterations the curve thins its
older rows every 2^19 (10-25 ms on a 2-core VM), and inside a full chunk that held the window 50-100 ms. A chunk
now stops short of it and the next tick starts with it; the curve is the one plain stepping keeps."""

from __future__ import annotations

import numpy as np

from bpgui.model.history import ErrorCurve
from bpgui.model.training import Trainer
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


def test_run_thins_the_error_curve_first_thing_in_a_tick_and_keeps_the_same_curve(monkeypatch) -> None:
    session = TrainingSession(Settings(target_error=None))
    trainer = session._trainer
    twin = Trainer(session.initial_network, session.train_set, config=trainer.config, seed=trainer.seed)
    trainer._errors, twin._errors = ErrorCurve(exact=64, thinned=32), ErrorCurve(exact=64, thinned=32)
    thinned_in_append: list[int] = []  # iterations where an append had to thin (inside a chunk)
    thinned_first: list[int] = []  # iterations where a tick started by thinning
    real_append, real_thin_now = ErrorCurve.append, ErrorCurve.thin_now

    def append(curve: ErrorCurve, value: float) -> None:
        if curve is trainer._errors and curve.due_in() == 0:
            thinned_in_append.append(trainer.iteration)
        real_append(curve, value)

    def thin_now(curve: ErrorCurve) -> None:
        if curve.due_in() == 0:
            thinned_first.append(trainer.iteration)
        real_thin_now(curve)

    monkeypatch.setattr(ErrorCurve, "append", append)
    monkeypatch.setattr(ErrorCurve, "thin_now", thin_now)
    session.set_speed(0)  # max: chunks as long as a share of a frame, many thinnings' worth
    session.set_running(True)
    ticks = 0
    while session.iteration < 3_000:
        session.run_slice()
        ticks += 1
        assert ticks < 3_000
    session.pause()
    assert len(thinned_first) > 10 and thinned_in_append == []
    twin.advance(session.iteration, use_stop_conditions=False)
    np.testing.assert_array_equal(trainer.iteration_errors, twin.iteration_errors)
    np.testing.assert_array_equal(trainer.iteration_positions, twin.iteration_positions)
