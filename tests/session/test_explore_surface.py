"""Issue 14's surface as the session gives it: the value at the point now is the record's error, the slopes
are the gradients, the path is the history's values and ends at the point now, the arrow is the next step,
and the drift is how far the other parameters moved."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.errors import ConfigError
from bpgui.session.exploring import E_K, E_SET
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.fixture()
def session():
    s = TrainingSession(Settings(target_error=None))
    for _ in range(25):
        s.step()
    s.edit_parameter(6, 0.9)  # w_11 by hand
    for _ in range(15):
        s.step()
    return s


def test_the_point_now_is_the_records_error_and_the_arrow_the_next_step(session):
    view = session.surface_view(0, 6, E_SET)
    trainer = session._trainer
    assert view.now == (trainer.network.flat[0], trainer.network.flat[6])
    assert view.error_now == pytest.approx(trainer.evaluate()[0], rel=1e-12)
    nxt = trainer.preview()
    assert view.step == (nxt.flat_updates[0], nxt.flat_updates[6])
    k = session.surface_view(0, 6, E_K)
    assert k.error_now == pytest.approx(nxt.error, rel=1e-12)  # batch 1: the next sample's E_k


def test_the_slopes_are_the_gradients(session):
    nxt = session._trainer.preview()
    h = 1e-6
    view = session.surface_view(2, 8, E_K, n=3, span=h)
    g = view.grid
    assert (g.errors[1, 2] - g.errors[1, 0]) / (g.xs[2] - g.xs[0]) == pytest.approx(nxt.flat_gradients[2], rel=1e-5)
    assert (g.errors[2, 1] - g.errors[0, 1]) / (g.ys[2] - g.ys[0]) == pytest.approx(nxt.flat_gradients[8], rel=1e-5)


def test_the_path_is_the_history_and_ends_now_and_the_grid_holds_it(session):
    view = session.surface_view(0, 6)
    assert view.path_t[0] == 0 and view.path_t[-1] == session.iteration == 40
    assert tuple(view.path[-1]) == view.now
    trainer = session._trainer
    for t in (0, 10, 25, 33):
        trainer.goto(t)
        row = view.path[list(view.path_t).index(t)]
        assert tuple(row) == (trainer.network.flat[0], trainer.network.flat[6])
    trainer.goto(40)
    g = view.grid
    assert g.xs[0] <= view.path[:, 0].min() and view.path[:, 0].max() <= g.xs[-1]
    assert g.ys[0] <= view.path[:, 1].min() and view.path[:, 1].max() <= g.ys[-1]
    assert view.path[25, 1] == 0.9  # w_11 as set by hand at t = 25


def test_the_drift_is_how_far_the_other_parameters_moved(session):
    view = session.surface_view(0, 6)
    trainer = session._trainer
    moved = np.delete(trainer.network.flat - trainer.checkpoint_zero.network.flat, [0, 6])
    assert view.drift == pytest.approx(float(np.linalg.norm(moved)), rel=1e-12)
    assert view.drift_max == pytest.approx(float(np.abs(moved).max()), rel=1e-12) and view.drift > 0


def test_two_different_parameters_are_asked(session):
    with pytest.raises(ConfigError):
        session.surface_view(3, 3)
