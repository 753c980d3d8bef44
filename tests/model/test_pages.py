"""NumPy's huge-page request (model/pages.py): off for the arrays made inside ``small_pages`` (Run's ticks) or
for one array, then as it was; never switched when the user set NumPy's own variable."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model import pages


@pytest.fixture()
def switch():
    """NumPy's switch, on for the test and left as it was after it."""
    real = pages._set_madvise_hugepage
    if real is None:
        pytest.skip("this NumPy has no huge page switch")
    before = real(True)
    yield real
    real(before)


def test_large_new_arrays_come_without_a_huge_page_request_and_leave_numpy_as_it_was(
        switch, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def spy(enabled: bool) -> bool:
        seen.append(enabled)
        return switch(enabled)

    monkeypatch.setattr(pages, "_set_madvise_hugepage", spy)
    array = pages.small_pages_empty(2**20, np.int64)
    assert array.shape == (2**20,) and array.dtype == np.int64
    assert seen == [False, True]  # off while it is made, then back as it was


def test_inside_small_pages_the_request_is_off_then_as_it_was_even_after_an_error(switch) -> None:
    with pytest.raises(ZeroDivisionError), pages.small_pages({}):
        assert switch(False) is False  # off inside (and still off)
        raise ZeroDivisionError
    assert switch(True) is True  # back on after


def test_small_pages_leaves_the_request_to_the_user_who_set_numpys_variable(switch) -> None:
    with pages.small_pages({"NUMPY_MADVISE_HUGEPAGE": "1"}):
        assert switch(True) is True  # untouched: still on inside


def test_runs_ticks_compute_in_small_pages_and_leave_the_request_on(switch, monkeypatch: pytest.MonkeyPatch) -> None:
    from bpgui.session.settings import Settings
    from bpgui.session.training import TrainingSession

    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    session = TrainingSession(Settings(data="watermelon3.0", hidden=(3,), target_error=None))
    trainer = session._trainer
    real_advance, during = trainer.advance, []

    def advance(n: int, **kwargs):
        during.append(switch(False))  # what it was while the tick computes (then off again, as it was)
        return real_advance(n, **kwargs)

    monkeypatch.setattr(trainer, "advance", advance)
    session.set_running(True)
    assert session.run_slice() >= 1 and during and not any(during)
    assert switch(True) is True  # after the tick: on again
    session.pause()
