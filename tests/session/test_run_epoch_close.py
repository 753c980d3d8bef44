"""The iteration that ends an epoch also measures the epoch's row over the training and test sets, and on a big
network costs several ordinary ones (issue 11: a 10^6-parameter B = 64 step 12 ms, with the row 50 ms). Run's
pace learns it under a key of its own (``epoch_close``, ``plan_work``), and when that key is heavy a tick's chunk
stops before it: the next tick computes it off the session's thread."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.training import Trainer
from bpgui.session.run_loop import epoch_close, next_work, plan_work
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.mark.parametrize(("mode", "test_fraction"), [("standard", 0.0), ("minibatch", 0.0), ("minibatch", 0.3),
                                                     ("accumulated", 0.0), ("accumulated", 0.3)])
def test_the_key_read_before_an_iteration_is_the_key_of_the_plan_that_computes_it(mode: str,
                                                                                   test_fraction: float) -> None:
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), mode=mode, batch_size=4,
                                       test_fraction=test_fraction, target_error=None))
    trainer = session._trainer
    params, m = trainer.state.network.n_parameters, trainer.train_set.n_samples
    m_test = trainer.test_set.n_samples if trainer.test_set is not None else 0
    batch = trainer.state.config.batch_for(m)
    seen = set()
    for t in range(3 * m):
        if t == 2 * m:  # back into ground already computed: a replay measures no row again
            trainer.goto(m // 2)
        close = epoch_close(trainer)
        plan = trainer.plan_next()
        assert next_work(trainer) == plan_work(plan)
        ends = close is not None and close[0] == 1
        assert ends == plan.measures_epoch_end
        assert plan_work(plan) == params * (batch + (m + m_test if ends else 0))
        if close is not None:  # it ends the epoch after close[0] - 1 more iterations
            assert close[0] == trainer.iterations_left_in_epoch()
        seen.add(ends)
        trainer.advance(1, use_stop_conditions=False)
    if mode == "accumulated" and test_fraction == 0:
        assert seen == {False}  # the next pass measures the row: no iteration measures one
    else:
        assert seen == {True, False}


def test_a_tick_stops_before_a_heavy_epoch_end_and_the_next_computes_it_off_the_thread() -> None:
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), mode="minibatch", batch_size=4,
                                       target_error=None))
    trainer = session._trainer
    twin = Trainer(session.initial_network, session.train_set, config=trainer.config, seed=trainer.seed)
    close = epoch_close(trainer)
    assert close is not None and close[0] == 5  # 17 samples, 4 a batch: the 5th iteration ends the epoch
    session._pace.measured(close[1], 1.0, 1)  # the epoch's end: heavy; the others: light (a few µs)
    session.set_running(True)
    assert session.run_slice() == 4 and not session.run_pending  # on the thread, up to the epoch's end
    assert session.run_slice() == 0 and session.run_pending  # the epoch's end: off the thread
    assert session.wait_for_run(30)
    assert session.run_slice() == 1 and session.iteration == 5
    session.pause()
    twin.advance(5, use_stop_conditions=False)
    assert np.array_equal(session.network.flat, twin.network.flat)
    rows, twin_rows = trainer.epochs, twin.epochs
    assert len(rows) == len(twin_rows) == 2  # row 0 and the epoch's end, measured off the thread
    assert rows.error.view()[-1] == twin_rows.error.view()[-1] and rows.iteration.view()[-1] == 5


def test_a_tick_starts_no_iteration_that_would_end_past_its_budget(monkeypatch: pytest.MonkeyPatch, clock) -> None:
    """Each iteration takes 8 ms on a fake clock: a tick of a 25 ms budget computes three (24 ms), not a fourth
    begun with 1 ms left (32 ms); a tick whose budget is shorter than one iteration still computes one."""
    from bpgui.session import run_loop, running

    monkeypatch.setattr(run_loop, "time", clock)
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), target_error=None))
    trainer = session._trainer
    real_advance = trainer.advance

    def advance(n: int, **kwargs):
        clock.now += 0.008 * n
        return real_advance(n, **kwargs)

    monkeypatch.setattr(trainer, "advance", advance)
    work = trainer.work_per_iteration()
    session._pace.measured(work, 0.008, 1)
    session.set_running(True)  # (Run's first tick computes little: MIN_COMPUTE, less than one iteration)
    assert running.MIN_COMPUTE < 0.008 and session.run_slice() == 1
    # Drawing took nothing on this clock: the next tick may compute for the whole frame's target (25 ms).
    assert running.FRAME_TARGET == 1 / 40
    started = clock.now
    assert session.run_slice() == 3 and clock.now - started == pytest.approx(0.024)
    session.pause()


def test_step_epoch_counts_the_dear_iteration_that_ends_the_epoch(tick_until_paused) -> None:
    """Four light iterations (1 ms) and the one that ends the epoch, measuring its row, at a second: Step epoch
    runs as Run's frames to the epoch's end (its dearest iteration off the thread), not all at once."""
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), mode="minibatch", batch_size=4,
                                       target_error=None))
    trainer = session._trainer
    close = epoch_close(trainer)
    assert close is not None and close[0] == 5 == trainer.iterations_left_in_epoch()
    session._pace.measured(trainer.work_per_iteration(), 0.001, 1)
    session._pace.measured(close[1], 1.0, 1)
    session.step_epoch()
    assert session.running and trainer.iteration < 5  # as Run to the epoch's end, not at once
    assert tick_until_paused(session) < 50 and trainer.iteration == 5
