"""Issue 9: the history stays bounded however long Run goes on, and step back stays exact.

Small intervals and sizes (``HistoryBounds``) make a long run of the real defaults
happen in a few thousand iterations.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import load_builtin
from bpgui.model.history import EpochLog, ErrorCurve, HistoryBounds, Thinning
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig

KEEP_ALL = HistoryBounds(exact_errors=None, exact_epoch_rows=None, checkpoints_per_level=10**9)
SMALL = HistoryBounds(exact_errors=256, thinned_errors=128, exact_epoch_rows=64, thinned_epoch_rows=64,
                      checkpoints_per_level=2)


def trainer(bounds: HistoryBounds, *, interval: int = 4, **config) -> Trainer:
    return Trainer(Network.initialise((2, 2, 1), seed=5), load_builtin("xor"), seed=5, checkpoint_interval=interval,
                   bounds=bounds, config=TrainingConfig(learning_rate=0.5, **config))


def straight_run(n: int, edits: dict[int, float], **config) -> tuple[list[bytes], Trainer]:
    """Parameters after every iteration 0..n of a run that keeps everything, with the same edits."""
    tr = trainer(KEEP_ALL, interval=10**9, **config)
    flats = [tr.network.flat.tobytes()]
    for t in range(1, n + 1):
        tr.step()
        if t in edits:
            tr.set_parameter(2, "weight", 1, 1, edits[t])
        flats.append(tr.network.flat.tobytes())
    return flats, tr


def test_old_checkpoints_thin_with_age_but_event_checkpoints_stay_and_step_back_is_exact_everywhere():
    n, edits = 3000, {37: 0.5, 1100: -0.25, 2999: 1.5}
    flats, _ = straight_run(n, edits)
    tr = trainer(SMALL)
    for t in range(1, n + 1):
        tr.step()
        if t in edits:
            tr.set_parameter(2, "weight", 1, 1, edits[t])
    assert set(edits) | {0} <= set(tr.event_checkpoints())
    # interval checkpoints: every 4th iteration would be 750; thinned with age, about 2 per doubling
    assert len(tr._checkpoints) <= 40
    iterations = tr._checkpoints.iterations
    assert iterations == sorted(iterations)
    for t in [0, 1, 2, 36, 37, 38, 500, 1099, 1100, 1101, 1777, 2998, 2999, 3000, 1]:
        tr.goto(t)
        assert tr.network.flat.tobytes() == flats[t], t
    # forward again from far back, across the edits: the recorded future, exactly
    tr.goto(30)
    tr.advance(n - 30, use_stop_conditions=False)
    assert tr.network.flat.tobytes() == flats[n]


def test_the_replay_far_back_is_bounded_by_the_age_over_the_checkpoints_per_level():
    tr = trainer(SMALL)
    tr.advance(4096, use_stop_conditions=False)
    iterations = np.array(tr._checkpoints.iterations)
    gaps = np.diff(np.append(iterations, tr.end))
    ages = tr.end - iterations
    # the gap after a checkpoint (the longest replay from it) is at most about its age / per_level
    assert np.all(gaps <= np.maximum(4, ages // 2 + 4))


def test_the_error_curve_keeps_the_recent_iterations_exactly_and_real_extremes_of_the_older_ones():
    rng = np.random.default_rng(1)
    values = rng.random(20_000)
    curve = ErrorCurve(exact=512, thinned=256)
    for v in values:
        curve.append(float(v))
    x, y = curve.positions(), curve.values()
    assert x is not None and len(curve) <= 512 + 256 + 1
    assert np.all(np.diff(x) > 0) and x[-1] == 20_000
    np.testing.assert_array_equal(y, values[x - 1])  # every point kept is the exact value at its own t
    recent = x[-256:]
    np.testing.assert_array_equal(recent, np.arange(20_000 - 255, 20_001))
    assert x[0] <= 400 and np.diff(x).max() <= 20_000 // 32  # old iterations thinned evenly, not dropped
    assert y.min() == values.min() and y.max() == values.max()  # the curve's shape: its extremes survive
    curve.truncate(5000)  # an edit far back drops the future
    assert curve.end == 5000 and curve.positions()[-1] <= 5000
    curve.append(7.0)
    assert curve.positions()[-1] == 5001 and curve.values()[-1] == 7.0


def test_a_short_curve_is_not_thinned():
    curve = ErrorCurve(exact=64, thinned=32)
    for v in range(64):
        curve.append(float(v))
    assert curve.positions() is None and len(curve) == 64


def test_the_trainers_curve_and_epoch_log_are_thinned_real_rows_of_the_straight_run():
    n = 6000
    _, straight = straight_run(n, {})
    tr = trainer(SMALL)
    tr.advance(n, use_stop_conditions=False)
    x = tr.iteration_positions
    assert x is not None and len(tr.iteration_errors) <= 256 + 128 + 1
    np.testing.assert_array_equal(tr.iteration_errors, straight.iteration_errors[x - 1])
    log, full = tr.epochs, straight.epochs
    assert log.thinned and len(log) <= 1 + 64 + 64 + 1 and len(full) == n // 4 + 1
    epochs = log.epoch.view()
    assert epochs[0] == 0 and np.all(np.diff(epochs) > 0)
    for name in EpochLog.FIELDS:
        np.testing.assert_array_equal(getattr(log, name).view(), getattr(full, name).view()[epochs])


@pytest.mark.parametrize("mode", ["standard", "accumulated", "minibatch"])
def test_an_epoch_row_thinned_away_is_measured_again_exactly(mode):
    n = 1200
    _, straight = straight_run(n, {}, mode=mode, batch_size=2)
    tr = trainer(SMALL, mode=mode, batch_size=2)
    tr.advance(n, use_stop_conditions=False)
    kept = set(tr.epochs.epoch.view().tolist())
    full = straight.epochs
    measured = 0
    for t in [*range(1, n + 1, 47), 5, 6, 7, n]:
        tr.goto(t)
        straight.goto(t)
        expected = straight.epoch_row()
        assert repr(tr.epoch_row()) == repr(expected), t
        assert tr.epoch_error() == float(full.error[straight.state.epoch])
        measured += tr.state.epoch not in kept
    assert measured >= 5  # most of these rows were thinned away: the test measured them again


def test_editing_far_back_in_a_thinned_history_keeps_it_consistent():
    tr = trainer(SMALL)
    tr.advance(3000, use_stop_conditions=False)
    tr.goto(301)
    tr.set_parameter(1, "threshold", None, 1, 0.125)
    assert tr.end == 301 and tr.iteration_positions is not None and tr.iteration_positions[-1] <= 301
    assert tr.epochs.iteration[len(tr.epochs) - 1] <= 301
    tr.advance(2000, use_stop_conditions=False)
    assert np.all(np.diff(tr.iteration_positions) > 0) and tr.iteration_positions[-1] == 2301
    assert np.all(np.diff(tr.epochs.epoch.view()) > 0) and tr.epochs.epoch[len(tr.epochs) - 1] == tr.state.epoch


def test_the_history_stops_growing():
    tr = trainer(HistoryBounds(exact_errors=64, thinned_errors=32, exact_epoch_rows=16, thinned_epoch_rows=16,
                               checkpoints_per_level=2))
    tr.advance(8_000, use_stop_conditions=False)
    held = tr.history_nbytes, len(tr._checkpoints)
    tr.advance(24_000, use_stop_conditions=False)
    assert tr.history_nbytes <= held[0] + 2_000  # a few more checkpoints: one per doubling of age
    assert len(tr._checkpoints) <= held[1] + 4


class _GatheredCurve:
    """The error curve's thinning as first written: every kept row gathered through one index array."""

    def __init__(self, exact: int, thinned: int) -> None:
        self.thinning = Thinning(exact, thinned)
        self.y = np.empty(0)
        self.x: np.ndarray | None = None
        self.end = 0

    def append(self, value: float) -> None:
        if self.thinning.due(self.y.shape[0]):
            x = self.x if self.x is not None else np.arange(1, self.end + 1, dtype=np.int64)
            thinned, tail = self.thinning.plan_parts(self.y)
            keep = np.concatenate([thinned, np.arange(tail, self.y.shape[0])])  # (start: 0)
            self.y, self.x = self.y[keep], x[keep]
        self.end += 1
        self.y = np.append(self.y, value)
        if self.x is not None:
            self.x = np.append(self.x, self.end)

    def truncate(self, end: int) -> None:
        rows = end if self.x is None else int(np.searchsorted(self.x, end, side="right"))
        self.y = self.y[:rows]
        if self.x is not None:
            self.x = self.x[:rows]
        self.thinning.truncated(rows)
        self.end = end


@settings(max_examples=40, deadline=None)
@given(exact=st.integers(8, 64), thinned=st.integers(8, 48), n=st.integers(0, 700),
       cut=st.none() | st.floats(0.0, 1.0), seed=st.integers(0, 2**16),
       kind=st.sampled_from(["random", "ties", "nan"]))
def test_thinning_in_parts_keeps_the_very_rows_the_gathered_thinning_keeps(exact, thinned, n, cut, seed, kind):
    """``ErrorCurve`` copies the exact part as a slice and gathers only the thinned rows (a Run tick does it on
    the window's thread): the same rows, in the same order, at the same iterations, as gathering them all."""
    rng = np.random.default_rng(seed)
    values = rng.random(n)
    if kind == "ties":
        values = np.round(values, 1)
    elif kind == "nan":
        values[rng.random(n) < 0.05] = np.nan
    curve, gathered = ErrorCurve(exact=exact, thinned=thinned), _GatheredCurve(exact, thinned)
    for t, v in enumerate(values, start=1):
        curve.append(float(v))
        gathered.append(float(v))
        if cut is not None and t == n // 2:
            curve.truncate(int(cut * t))
            gathered.truncate(int(cut * t))
    np.testing.assert_array_equal(curve.values(), gathered.y)
    if gathered.x is None:
        assert curve.positions() is None
    else:
        np.testing.assert_array_equal(curve.positions(), gathered.x)
    assert curve.end == gathered.end
