"""Run with iterations too heavy for a tick: computed off the session's thread, applied by a later
tick, and bitwise the trajectory a plain ``Trainer.advance`` gives. Anything the learner does
meanwhile wins: the late result is dropped, never applied to a state it was not computed for."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from bpgui.model.training import Trainer
from bpgui.session import running
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.fixture()
def heavy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every iteration counts as heavy, whatever its size."""
    monkeypatch.setattr(running, "HEAVY_SECONDS", -1.0)


@pytest.fixture()
def gated(held_background: threading.Event) -> threading.Event:
    """The background computation waits for the returned event before it starts."""
    return held_background


def run_ticks(session: TrainingSession, applied: int) -> int:
    """Tick Run (waiting for each background iteration) until ``applied`` iterations landed."""
    ticks = 0
    while session.iteration < applied and session.running:
        session.run_slice()
        if session.run_pending:
            assert session.wait_for_run(30)
        ticks += 1
        assert ticks < 10 * applied + 10
    return ticks


@pytest.mark.parametrize("mode", ["standard", "accumulated", "minibatch"])
def test_background_run_is_the_trajectory_advance_computes(heavy: None, mode: str) -> None:
    settings = Settings(data="watermelon3.0", hidden=(3,), mode=mode, batch_size=4, target_error=None)
    session = TrainingSession(settings)
    twin = Trainer(session.initial_network, session.train_set, config=session._trainer.config,
                   seed=session._trainer.seed)
    session.set_running(True)
    run_ticks(session, 12)
    assert session.run_pending  # at full speed the next one is computing already
    session.pause()
    assert not session.run_pending  # a pause drops it
    twin.advance(session.iteration, use_stop_conditions=False)
    assert session.iteration >= 12
    assert np.array_equal(session.network.flat, twin.network.flat)
    assert session.record is not None and session.record.iteration == session.iteration
    assert np.array_equal(session.record.flat_new_values, twin.network.flat)


def test_a_slow_speed_takes_one_heavy_iteration_per_tick(heavy: None) -> None:
    session = TrainingSession(Settings(target_error=None))
    session.set_speed(2)
    session.set_running(True)
    assert session.run_slice() == 0 and session.run_pending
    assert session.wait_for_run(30)
    assert session.run_slice() == 1
    assert not session.run_pending  # the speed asks for the next one at the next tick only
    assert session.iteration == 1


@pytest.mark.parametrize("action", ["pause", "step_back", "edit", "reset", "step"])
def test_what_the_learner_does_meanwhile_drops_the_late_result(
        heavy: None, gated: threading.Event, action: str) -> None:
    session = TrainingSession(Settings(target_error=None))
    session.step()
    session.step()
    session.set_running(True)
    session.run_slice()
    assert session.run_pending
    if action == "pause":
        session.pause()
    elif action == "step_back":
        session.step_back()
    elif action == "edit":
        session.edit_parameter(0, 0.5)
    elif action == "reset":
        session.reset()
    else:
        session.step()
    state = session._trainer.state
    flat = session.network.flat.copy()
    gated.set()
    session.wait_for_run(30)
    session.run_slice()
    if session.running:  # Step does not pause Run: the next tick starts afresh from the new state
        session.wait_for_run(30)
        session.pause()
    else:
        assert session._trainer.state is state, "a result computed for another state was applied"
        assert np.array_equal(session.network.flat, flat)


def test_a_target_reached_in_the_background_stops_run_without_applying_more(heavy: None) -> None:
    session = TrainingSession(Settings(mode="accumulated", target_error=0.2, learning_rate=5.0))
    events: list[tuple[str, object]] = []
    session.subscribe(lambda event, value: events.append((event, value)))
    twin = Trainer(session.initial_network, session.train_set, config=session._trainer.config,
                   seed=session._trainer.seed, stop=session._trainer.stop)
    reason = twin.train()
    session.set_running(True)
    run_ticks(session, twin.iteration + 5)
    assert not session.running
    assert session.iteration == twin.iteration and reason == "target_error"
    assert np.array_equal(session.network.flat, twin.network.flat)
    messages = [value.english() for event, value in events if event == "message"]
    assert any("reached the target" in m for m in messages)


def test_divergence_in_the_background_pauses_at_the_last_finite_iteration(heavy: None) -> None:
    session = TrainingSession(Settings(hidden=(2,), learning_rate=1e300, activation="linear",
                                       target_error=None))
    events: list[tuple[str, object]] = []
    session.subscribe(lambda event, value: events.append((event, value)))
    session.set_running(True)
    run_ticks(session, 50)
    assert not session.running
    assert np.isfinite(session.network.flat).all()
    assert any(event == "message" and "diverged" in value.english() for event, value in events)


def test_an_error_in_the_computation_pauses_run_and_says_so(
        heavy: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from bpgui.session import run_loop as session_training

    def broken(plan):  # type: ignore[no-untyped-def]
        raise MemoryError("no room for the pass")

    monkeypatch.setattr(session_training, "compute_next", broken)
    session = TrainingSession(Settings(target_error=None))
    events: list[tuple[str, object]] = []
    session.subscribe(lambda event, value: events.append((event, value)))
    session.set_running(True)
    session.run_slice()
    session.wait_for_run(30)
    session.run_slice()
    assert not session.running and session.iteration == 0
    assert any(event == "message" and value.level == "error" for event, value in events)


def test_run_started_at_the_target_with_a_heavy_pass_stops_at_the_first_tick(heavy: None) -> None:
    session = TrainingSession(Settings(mode="accumulated", target_error=0.2, learning_rate=5.0))
    session.set_running(True)
    run_ticks(session, 10_000)
    t = session.iteration
    events: list[tuple[str, object]] = []
    session.subscribe(lambda event, value: events.append((event, value)))
    session.set_running(True)  # at the target already: the background pass says so, applying nothing
    run_ticks(session, t + 1)
    assert not session.running and session.iteration == t
    assert [value.english() for event, value in events if event == "message"][-1].startswith("Stopped")


def test_a_heavy_step_computes_off_the_thread_and_lands_once(heavy: None, gated: threading.Event) -> None:
    session = TrainingSession(Settings(target_error=None))
    twin = Trainer(session.initial_network, session.train_set, config=session._trainer.config,
                   seed=session._trainer.seed)
    session.step()
    assert session.run_pending and session.iteration == 0  # nothing applied yet: the window stays free
    session.step()  # pressed again while computing: the same Step
    gated.set()
    assert session.wait_for_run(30)
    assert session.collect_background() == 1
    assert not session.run_pending and session.iteration == 1
    twin.step()
    assert np.array_equal(session.network.flat, twin.network.flat)
    assert session.record is not None and session.record.iteration == 1


def test_a_heavy_step_ignores_the_stop_conditions_as_step_does(heavy: None) -> None:
    session = TrainingSession(Settings(mode="accumulated", target_error=10.0))  # met from the start
    session.step()
    assert session.wait_for_run(30)
    assert session.collect_background() == 1 and session.iteration == 1


def test_run_frames_leave_the_accumulated_epoch_row_to_the_next_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """While running, the history and status measure no pass of their own; once paused they do."""
    from bpgui.model import iteration

    session = TrainingSession(Settings(data="watermelon3.0", mode="accumulated", target_error=None))
    session.set_running(True)
    session.run_slice()
    assert session.iteration > 0
    calls: list[int] = []
    real = iteration.measure_set
    monkeypatch.setattr(iteration, "measure_set", lambda *a, **k: calls.append(1) or real(*a, **k))
    history, status = session.history(), session.status()
    assert calls == []  # no pass over the data for a frame
    # What they show is the last measured row: one pass behind, as "E of pass t" is.
    assert history.epoch_iterations[-1] == session.iteration - 1
    assert status["error"] == history.epoch_errors[-1]
    session.pause()
    paused = session.history()
    assert calls  # measured now that nothing else will
    assert paused.epoch_iterations[-1] == session.iteration
    assert session.status()["error"] == paused.epoch_errors[-1]


def test_a_phase_walk_started_while_a_heavy_step_computes_drops_that_step(
        heavy: None, gated: threading.Event) -> None:
    """The walk shows the next iteration from the state shown; the Step it interrupted never lands."""
    session = TrainingSession(Settings(target_error=None))
    session.step()
    gated.set()
    assert session.wait_for_run(30) and session.collect_background() == 1
    gated.clear()
    session.step()  # a second heavy Step starts computing
    assert session.run_pending
    session.step_phase()
    assert not session.run_pending
    gated.set()
    session.wait_for_run(30)
    assert session.collect_background() == 0 and session.iteration == 1
    walked = session.display_record()
    assert walked.iteration == 2  # the walk is iteration 2, from t = 1
    assert np.array_equal(walked.flat_values, session.network.flat)


def test_the_first_background_computation_leaves_a_core_to_the_window():
    """OpenBLAS ran a background pass on every core, and the window's thread waited for one (2 cores:
    paints 3-5x slower). From the first background computation on, BLAS uses one core fewer."""
    import os

    from threadpoolctl import threadpool_info, threadpool_limits

    cores = os.cpu_count() or 2
    with threadpool_limits(limits=cores, user_api="blas"):  # as a fresh process starts: every core
        background: running.Background[int, float] = running.Background()
        background.start(3, lambda n: float(np.ones((n, n)).sum()))
        assert background.wait(10)
        assert background.take()[1] == 9.0
        blas = [info for info in threadpool_info() if info["user_api"] == "blas"]
        assert blas and all(info["num_threads"] <= max(1, cores - 1) for info in blas)
        background.close()


def test_a_session_limits_blas_before_any_arithmetic():
    """The BLAS thread count changes a big product's rounding: a session fixes it when it starts, so that
    a step back replays bitwise what Step computed (a 784-1250-10 step back once landed on the preview of an
    edit because the count changed at the first background computation, between the two)."""
    import os

    from threadpoolctl import threadpool_info, threadpool_limits

    cores = os.cpu_count() or 2
    with threadpool_limits(limits=cores, user_api="blas"):  # as a fresh process starts: every core
        TrainingSession(Settings(target_error=None))
        blas = [info for info in threadpool_info() if info["user_api"] == "blas"]
        assert blas and all(info["num_threads"] <= max(1, cores - 1) for info in blas)


def test_run_comes_back_to_the_sessions_thread_once_its_iterations_are_light() -> None:
    """An iteration once measured heavy (a cold first one) goes off the thread; the next ones, measured light,
    come back to Run's ticks: Run does not stay one iteration a frame for good."""
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), target_error=None))
    session.step()
    assert session._trainer.iterations_left_in_epoch() == 16  # no epoch ends (another Pace key) on the way
    work = session._trainer.work_per_iteration()
    session._pace.measured(work, 1.0, 1)  # an iteration that took a second
    session.set_running(True)
    assert session.run_slice() == 0 and session.run_pending  # heavy: computed off the thread
    ticks = 0
    while session.run_pending:
        assert session.wait_for_run(30)
        session.run_slice()
        ticks += 1
        assert ticks < 40, "Run stayed off the session's thread"
    assert not running.Pace.heavy(session._pace, work) and session.iteration < 16
    done = []
    for _ in range(10):  # on the thread from now on, and soon many iterations a tick as the estimate falls
        done.append(session.run_slice())
        assert not session.run_pending
    assert min(done) >= 1 and max(done) > 1
    session.pause()


def test_a_background_computation_reports_its_own_seconds_not_the_wait_to_take_it(
        monkeypatch: pytest.MonkeyPatch, clock) -> None:
    """Taken a frame later, a 4 ms computation is still 4 ms (the clock is the computation's own thread's)."""
    monkeypatch.setattr(running, "time", clock)

    def compute(plan: int) -> int:
        clock.now += 0.004
        return plan + 1

    background: running.Background[int, int] = running.Background()
    background.start(1, compute)
    assert background.wait(10)
    clock.now += 10.0  # the frames drawn before the result is taken
    assert background.take() == (1, 2, pytest.approx(0.004))
    background.close(wait=True)
