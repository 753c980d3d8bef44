"""Step epoch never holds the window (issue 11): an epoch that would compute longer than INSTANT_SECONDS runs as
Run's frames up to its end (``run_to``), bitwise the epoch ``Trainer.step_epoch`` computes, whatever the stop
conditions, the speed or where the iterations compute; Pause stops it where it stands."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.training import Trainer
from bpgui.session import running, training
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


def twin_of(session: TrainingSession) -> Trainer:
    t = session._trainer
    return Trainer(session.initial_network, session.train_set, config=t.config, seed=t.seed)


@pytest.fixture()
def long_epochs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every epoch of more than one iteration counts as too long to take at once."""
    monkeypatch.setattr(training, "INSTANT_SECONDS", -1.0)


@pytest.mark.parametrize("mode", ["standard", "minibatch"])
@pytest.mark.parametrize("heavy", [False, True])
def test_a_long_step_epoch_runs_to_the_epochs_end_and_lands_where_step_epoch_does(long_epochs, tick_until_paused,
                                                                                  monkeypatch, mode, heavy):
    if heavy:  # each iteration off the session's thread
        monkeypatch.setattr(running, "HEAVY_SECONDS", -1.0)
    # A target error already met and a slow speed: a Step epoch heeds neither, as Trainer.step_epoch does not.
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), mode=mode, batch_size=4,
                                       target_error=10.0, max_epochs=None))
    session.set_speed(1)
    twin = twin_of(session)
    events: list[str] = []
    session.subscribe(lambda event, *args: events.append(event))
    for epoch in (1, 2):
        session.step()  # from inside the epoch, as a learner might
        twin.step()
        left = twin.iterations_left_in_epoch()
        events.clear()
        session.step_epoch()
        assert session.running and "message" in events  # it says what it does, then draws it as it goes
        events.clear()
        ticks = tick_until_paused(session)
        assert "message" in events  # the note that it was going there is replaced: it is there
        twin.step_epoch()
        assert ticks >= 1 and not session.running
        assert session.iteration == twin.iteration  # stopped at the epoch's end, not one iteration after
        assert session.status()["epoch"] == twin.state.epoch == epoch and left > 1
        assert np.array_equal(session.network.flat, twin.network.flat)
        assert session.record is not None and session.record.iteration == session.iteration
        assert np.array_equal(session.record.flat_new_values, twin.network.flat)


def test_the_iterations_left_are_those_step_epoch_applies():
    for mode, batch in (("standard", 1), ("minibatch", 4), ("minibatch", 5), ("accumulated", 1)):
        session = TrainingSession(Settings(data="watermelon3.0", hidden=(2,), mode=mode, batch_size=batch))
        trainer = session._trainer
        for _ in range(7):
            left, before = trainer.iterations_left_in_epoch(), trainer.iteration
            trainer.step_epoch()
            assert trainer.iteration - before == left
            trainer.step()


def test_pause_stops_a_long_step_epoch_where_it_stands(long_epochs, monkeypatch):
    monkeypatch.setattr(running, "HEAVY_SECONDS", -1.0)  # one iteration a tick, off the session's thread
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), target_error=None))
    session.step_epoch()
    for _ in range(3):
        session.run_slice()
        assert session.wait_for_run(30)
    session.pause()
    stood = session.iteration
    assert 0 < stood < session.train_set.n_samples
    for _ in range(3):
        session.run_slice()  # paused: nothing more
    assert session.iteration == stood and not session.running
    session.set_running(True)  # Run afterwards is an ordinary Run again: stop conditions, no end at the epoch
    assert session._until is None
    session.pause()


def test_a_short_step_epoch_is_taken_at_once():
    session = TrainingSession(Settings(data="xor", hidden=(2,), target_error=None))
    session.step_epoch()  # XOR: four tiny iterations, far below INSTANT_SECONDS
    assert not session.running and session.iteration == 4
