"""Run's pace (``session/running.py``): chunks sized from measured cost, heavy iterations off the thread.

No timings are asserted: the pace is fed made-up measurements, and the background runner is driven
with events, so each test says what the pace decides, not how fast anything ran.
"""

from __future__ import annotations

import threading

import pytest

from bpgui.session.running import (
    GUESS_OVERHEAD,
    GUESS_SECONDS_PER_WORK,
    HEAVY_SECONDS,
    MAX_CHUNK,
    Background,
    Pace,
)


def test_an_unmeasured_size_is_guessed_from_its_work() -> None:
    pace = Pace()
    assert pace.estimate(1000) == pytest.approx(GUESS_OVERHEAD + 1000 * GUESS_SECONDS_PER_WORK)
    # A 2-2-1 network is never heavy; an accumulated pass of 784-128-10 over 2000 samples is.
    assert not pace.heavy(9)
    assert pace.heavy(101_770 * 2000)


def test_chunks_follow_the_measured_cost() -> None:
    pace = Pace()
    pace.measured(work=50, seconds=2.0**-7, iterations=1024)  # 2⁻¹⁷ s each
    assert pace.chunk(50, 2.0**-7, None) == 1024
    assert pace.chunk(50, 2.0**-8, None) == 512
    assert pace.chunk(50, 0.010, 7) == 7  # the speed asks for fewer
    assert pace.chunk(50, 0.0, None) == 1  # always at least one
    assert pace.chunk(50, 1e6, None) == MAX_CHUNK
    # A slower measurement moves the estimate (average of the old and the new).
    pace.measured(work=50, seconds=3 * 2.0**-7, iterations=1024)
    assert pace.estimate(50) == pytest.approx(2 * 2.0**-17)
    # Other sizes keep their own estimates; nothing measured in zero iterations.
    pace.measured(work=51, seconds=5.0, iterations=0)
    assert pace.estimate(51) == pytest.approx(GUESS_OVERHEAD + 51 * GUESS_SECONDS_PER_WORK)


def test_a_measured_heavy_iteration_goes_off_the_thread_and_a_light_one_comes_back() -> None:
    pace = Pace()
    pace.measured(work=10, seconds=HEAVY_SECONDS * 3, iterations=1)
    assert pace.heavy(10)
    pace.measured(work=100_000_000, seconds=HEAVY_SECONDS / 100, iterations=1)
    assert not pace.heavy(100_000_000)


def test_the_background_runs_one_computation_and_hands_back_its_plan() -> None:
    background: Background[int, int] = Background()
    gate = threading.Event()

    def compute(plan: int) -> int:
        gate.wait(10)
        return plan * 2

    assert not background.in_flight and background.wait(0)
    background.start(21, compute)
    assert background.in_flight and not background.done()
    assert not background.wait(0.01)  # still waiting for the gate
    gate.set()
    assert background.wait(10) and background.done()
    plan, result, seconds = background.take()
    assert (plan, result) == (21, 42) and seconds >= 0
    assert not background.in_flight
    background.close(wait=True)


def test_a_dropped_computation_is_never_taken_and_its_error_surfaces_only_when_taken() -> None:
    background: Background[int, int] = Background()
    gate = threading.Event()

    def compute(plan: int) -> int:
        gate.wait(10)
        if plan < 0:
            raise MemoryError("too big")
        return plan

    background.start(1, compute)
    background.drop()
    assert not background.in_flight and not background.done()
    gate.set()
    background.start(-1, compute)
    assert background.wait(10)
    with pytest.raises(MemoryError):
        background.take()
    assert not background.in_flight
    background.close(wait=True)


def test_full_speed_computes_what_the_frame_leaves_after_drawing() -> None:
    from bpgui.session.running import (
        COMPUTE_SHARE,
        FRAME_SECONDS,
        FRAME_TARGET,
        MAX_COMPUTE,
        MIN_COMPUTE,
    )

    pace = Pace()
    # Nothing measured yet: the drawing is guessed as the 60 Hz frame's share left to it.
    assert pace.compute_budget(100.0) == pytest.approx(FRAME_TARGET - FRAME_SECONDS * (1 - COMPUTE_SHARE))
    pace.computed(100.0)
    assert pace.compute_budget(100.010) == pytest.approx(FRAME_TARGET - 0.010)  # drew for 10 ms
    pace.computed(101.0)
    # Drew for 20 ms on average (10 and 30): what the frame leaves (5 ms) is less than half of that.
    assert pace.compute_budget(101.030) == pytest.approx(max(FRAME_TARGET - 0.020, 0.010))
    pace.computed(102.0)
    assert pace.compute_budget(102.5) == MAX_COMPUTE  # very slow drawing: half of it, within the bounds
    slow = Pace()
    slow.computed(0.0)
    assert slow.compute_budget(0.030) == pytest.approx(0.015)  # drawing fills the frame: compute half as long
    assert slow.compute_budget(0.030) >= MIN_COMPUTE
    fresh = Pace()
    fresh.computed(0.0)
    assert fresh.compute_budget(0.0) == pytest.approx(min(MAX_COMPUTE, FRAME_TARGET))
    # After a pause the idle time is not taken for drawing.
    fresh.restart()
    fresh.computed(0.0)
    fresh.restart()
    # Run's first frame after (re)starting computes little: it also repaints what Run disables.
    assert fresh.compute_budget(50.0) == MIN_COMPUTE
    assert fresh.compute_budget(50.0) == pytest.approx(min(MAX_COMPUTE, FRAME_TARGET))


def test_new_iterations_are_one_change_of_the_session_state() -> None:
    from bpgui.session.training import TrainingSession

    session = TrainingSession()
    seen: list[tuple[str, int]] = []
    session.subscribe(lambda event, value: seen.append((event, session.state_version)))
    before = session.state_version
    session.step()
    versions = {v for event, v in seen if event in ("history", "state")}
    assert [e for e, _ in seen if e in ("history", "state")] == ["history", "state"]
    assert versions == {before + 1}  # a cache filled while hearing "history" still holds at "state"
