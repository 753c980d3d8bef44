"""The controller while an iteration computes off the GUI thread: the event loop keeps turning,
the result arrives as the usual signals, and Run goes on from it.

Every iteration is made to count as heavy (``running.HEAVY_SECONDS``), and the computation waits
for a gate, so the tests can look at the window's state while it is computing."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from bpgui.controller import Settings, TrainingController
from bpgui.model.training import Trainer


@pytest.fixture()
def gate(held_background: threading.Event) -> threading.Event:
    return held_background


def _lands_while_the_loop_turns(qtbot, gate, c: TrainingController, act, before: int, after: int) -> None:
    """``act()`` computes off the GUI thread (held by ``gate``): the loop turns meanwhile, then it lands as a state."""
    ticks: list[int] = []
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(c.iteration))
    probe.start()
    act()
    qtbot.wait(100)
    assert c.iteration == before and len(ticks) >= 5  # the loop turned while it was computing
    with qtbot.waitSignal(c.state_changed, timeout=10_000):
        gate.set()
    probe.stop()
    assert c.iteration == after and c.record is not None and c.record.iteration == after


def test_a_heavy_step_leaves_the_event_loop_turning_and_lands_as_a_state(qtbot, gate) -> None:
    c = TrainingController(Settings(target_error=None))
    _lands_while_the_loop_turns(qtbot, gate, c, c.step, 0, 1)


def test_a_heavy_step_back_leaves_the_event_loop_turning_and_lands_as_a_state(qtbot, gate) -> None:
    c = TrainingController(Settings(target_error=None))
    gate.set()
    for n in (1, 2, 3):
        c.step()
        qtbot.waitUntil(lambda n=n: c.iteration == n, timeout=10_000)
    gate.clear()
    _lands_while_the_loop_turns(qtbot, gate, c, c.step_back, 3, 2)


def test_run_of_heavy_iterations_is_the_trajectory_and_pauses_cleanly(qtbot, gate) -> None:
    c = TrainingController(Settings(target_error=None))
    gate.set()
    c.set_running(True)
    qtbot.waitUntil(lambda: c.iteration >= 6, timeout=20_000)
    c.set_running(False)
    t = c.iteration
    qtbot.wait(100)  # a result still computing when Run paused is dropped, never applied
    assert c.iteration == t and not c.session.run_pending
    twin = Trainer(c.session.initial_network, c.session.train_set, config=c.session._trainer.config,
                   seed=c.session._trainer.seed)
    twin.advance(t, use_stop_conditions=False)
    assert np.array_equal(c.network.flat, twin.network.flat)


def test_a_run_tick_returns_to_the_event_loop_before_the_views_draw_it(qtbot) -> None:
    """The computing and the drawing of a tick are two events: a timer due in between is served."""
    c = TrainingController(Settings(target_error=None))
    order: list[str] = []
    c.state_changed.connect(lambda: order.append(f"state {c.iteration}"))
    c.history_changed.connect(lambda: order.append("history"))
    c.set_running(True)
    qtbot.waitUntil(lambda: c.iteration > 0, timeout=5000)
    c.set_running(False)
    qtbot.wait(20)
    order.clear()
    c.set_running(True)
    c._timer.stop()  # drive one tick by hand
    between = QTimer()
    between.setSingleShot(True)
    between.timeout.connect(lambda: order.append("timer"))
    between.start(0)
    c._on_timer_timeout()
    assert order == []  # nothing drawn inside the tick
    qtbot.waitUntil(lambda: any(e.startswith("state") for e in order), timeout=5000)
    c.set_running(False)
    # The timer due during the tick ran before the views heard of it; then the history, then the state.
    first_state = next(i for i, event in enumerate(order) if event.startswith("state"))
    assert order.index("timer") < order.index("history") < first_state


def test_run_stopping_itself_is_heard_with_the_tick_that_stopped_it(qtbot) -> None:
    """Reaching the target mid-tick: the views hear of the pause and of the tick's last iterations in
    the same event, so no frame can show the status at the new t and the other views at the old."""
    c = TrainingController(Settings(target_error=0.01))
    c.set_speed(0)
    c.set_running(True)
    c._timer.stop()
    seen: list[tuple[str, int]] = []
    c.running_changed.connect(lambda running: seen.append((f"running {running}", c.iteration)))
    c.state_changed.connect(lambda: seen.append(("state", c.iteration)))
    for _ in range(10_000):
        c._on_timer_timeout()
        if not c.running:
            break
        qtbot.wait(1)  # the held drawing of each tick
    assert not c.running
    stop = seen.index(("running False", c.iteration))
    assert ("state", c.iteration) in seen[stop:]  # heard in the same tick, before any event loop turn
    c._release_timer.stop()
    assert not c._held
