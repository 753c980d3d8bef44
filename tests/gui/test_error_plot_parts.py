"""The error plot's beside-modules: its array arithmetic and its hover texts."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.views.error_plot_data import (
    all_finite,
    epoch_length,
    epoch_positions,
    exact,
    has_nonpositive,
    log_floor,
)
from bpgui.views.error_plot_hover import nearest_point, widest_text


def test_all_finite_is_cautious_only_on_overflow():
    assert all_finite(np.array([0.5, 1e-300, -2.0])) and all_finite(np.empty(0))
    assert not all_finite(np.array([0.5, np.nan])) and not all_finite(np.array([np.inf, 1.0]))
    assert not all_finite(np.array([1e308, 1e308]))  # finite terms, overflowing sum: a cautious False


def test_nonpositive_values_are_found_even_behind_a_nan():
    assert has_nonpositive(np.array([0.5, 0.0]))
    assert has_nonpositive(np.array([np.nan, 0.5, -1.0]))  # min() is NaN here
    assert not has_nonpositive(np.array([np.nan, 0.5]))
    assert not has_nonpositive(None) and not has_nonpositive(np.empty(0))


def test_the_log_floor_is_a_decade_below_the_smallest_positive_value():
    assert log_floor(np.array([0.0, 0.5, 1e-3]), None, np.array([np.nan, 0.2])) == pytest.approx(1e-4)
    assert log_floor(np.array([0.0, -1.0]), None) == 1e-12  # nothing positive to go below


def test_epoch_positions_interpolate_and_continue_at_the_epochs_pace():
    ends = np.array([0, 4, 8])
    t = np.arange(1, 11)
    length = epoch_length(ends, None)
    assert length == 4.0 and epoch_length(ends, 2.5) == 2.5 and epoch_length(ends[:1], None) is None
    np.testing.assert_allclose(epoch_positions(t, ends, length), t / 4, rtol=0, atol=1e-12)
    np.testing.assert_allclose(epoch_positions(t, ends, 2.0)[-2:], [2.5, 3.0], rtol=0, atol=1e-12)


def test_hover_texts_give_the_nearest_point_in_the_one_number_format():
    errors = np.array([0.5, 0.1 + 0.2, 0.25])
    ends, epoch, test = np.array([0, 3]), np.array([0.4, 0.3]), np.array([0.45, np.nan])
    assert nearest_point(1.6, False, errors, ends, epoch, test) == (2.0, 0.1 + 0.2, "t = 2: Eₖ = 0.3")
    assert nearest_point(1.6, False, errors, ends, epoch, test, 17)[2] == f"t = 2: Eₖ = {exact(0.1 + 0.2)}"
    assert nearest_point(1.0, False, -errors * 1e-7, ends, epoch, test, 3)[2] == "t = 1: Eₖ = \u22125×10⁻⁸"
    assert nearest_point(-7.0, True, errors, ends, epoch, test)[2] == "epoch 0 (t = 0): E = 0.4, test E = 0.45"
    assert nearest_point(9.0, True, errors, ends, epoch, test)[2] == "epoch 1 (t = 3): E = 0.3"  # no test E: NaN
    assert nearest_point(math.nan, False, errors, ends, epoch, test) is None
    assert nearest_point(1.0, False, errors[:0], ends, epoch, test) is None
    widest = widest_text(True, errors, ends, epoch, True)
    assert widest.startswith("epoch 1 (t = 3): E = ") and ", test E = " in widest
    assert widest_text(False, errors[:0], ends, epoch, False) == "Point at a curve to read its value"
    assert len(widest_text(False, errors, ends, epoch, False, 17)) > len(widest_text(False, errors, ends, epoch,
                                                                                      False, 2))




def test_for_display_caps_and_floors_without_copying_what_needs_neither():
    from bpgui.views.error_plot_data import for_display

    errors, epoch, test = np.array([0.5, 1e200, np.nan]), np.array([0.2, 0.1]), np.array([0.0, 0.3])
    shown_errors, shown_epoch, shown_test, floor, capped = for_display(errors, epoch, test, False, 1e30)
    assert capped and floor is None and shown_epoch is epoch and shown_test is test
    assert np.array_equal(shown_errors, [0.5, 1e30, np.nan], equal_nan=True)
    shown_errors, shown_epoch, shown_test, floor, capped = for_display(errors, epoch, test, True, 1e30)
    assert not capped and floor == pytest.approx(0.01) and shown_errors is errors and shown_epoch is epoch
    assert np.array_equal(shown_test, [floor, 0.3])
    assert for_display(errors[:0], epoch, None, False, 1e30)[2:] == (None, None, False)


def _pyqtgraph_peaks(x: np.ndarray, y: np.ndarray, ds: int) -> tuple[np.ndarray, np.ndarray]:
    """PlotDataItem's "peak" downsampling, as pyqtgraph 0.13/0.14 write it."""
    n = len(x) // ds
    x1 = np.empty((n, 2))
    stx = ds // 2
    x1[:] = x[stx:stx + n * ds:ds, np.newaxis]
    y1 = np.empty((n, 2))
    y2 = y[:n * ds].reshape((n, ds))
    y1[:, 0] = y2.max(axis=1)
    y1[:, 1] = y2.min(axis=1)
    return x1.reshape(n * 2), y1.reshape(n * 2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(1, 9), st.booleans()), min_size=1, max_size=8),
       st.integers(0, 2**32 - 1))
def test_peaks_are_pyqtgraphs_whatever_the_growth_the_bucket_size_and_the_values(updates, seed):
    from bpgui.views.error_plot_data import Peaks

    rng = np.random.default_rng(seed)
    peaks = Peaks()
    y = rng.standard_normal(400)
    for n, ds, refill in updates:
        if refill:  # the old part changes (a NaN among them)
            y = rng.standard_normal(400)
            y[rng.integers(0, 400)] = np.nan
        x = np.arange(1, n + 1)
        got, expected = peaks(x, y[:n].copy(), ds), _pyqtgraph_peaks(x, y[:n], ds)
        for a, b in zip(got, expected, strict=True):
            assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.sampled_from(["grow", "refill", "nan", "inf", "given_x"])),
                min_size=1, max_size=10), st.integers(0, 2**32 - 1))
def test_what_seen_knows_of_a_growing_history_is_what_reading_it_all_says(updates, seed):
    """Seen reads only what changed; whatever the updates (growth, cuts, old values refilled in place, NaN, ∞,
    x given or a range), what it knows is what reading both arrays whole says, and ``same`` leading points are
    exactly those of the previous update."""
    from bpgui.views.error_plot_data import Peaks, Seen

    rng = np.random.default_rng(seed)
    seen, peaks = Seen(), Peaks()
    y = rng.random(300)
    before: tuple[np.ndarray, np.ndarray] | None = None
    for n, kind in updates:
        if kind in ("refill", "nan", "inf"):  # old values change in place (a run stepped back and on)
            y[rng.integers(0, 300, 3)] = {"refill": 0.25, "nan": np.nan, "inf": np.inf}[kind]
        x = np.arange(1, n + 1) if kind != "given_x" else np.arange(1, n + 1) * 2.0
        known = seen.see(x, y[:n], 1 if kind != "given_x" else None)
        finite = bool(np.isfinite(y[:n]).all())
        assert known.finite == finite
        if finite and n:
            assert known.rect == (x.min(), y[:n].min(), x.max(), y[:n].max())
            assert known.largest == max(0.0, y[:n].max())
        else:
            assert known.rect is None
        if before is not None:
            old_x, old_y = before
            assert np.array_equal(x[:known.same], old_x[:known.same])
            assert np.array_equal(y[:known.same], old_y[:known.same], equal_nan=True)
        before = x.copy(), y[:n].copy()
        if n >= 8:  # the peaks the Seen's comparison stood for are those of its own: pyqtgraph's, bitwise
            for a, b in zip(peaks(x, y[:n], 4, known), _pyqtgraph_peaks(x, y[:n], 4), strict=True):
                assert np.array_equal(a, b, equal_nan=True)
