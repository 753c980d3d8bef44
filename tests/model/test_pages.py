"""NumPy's huge-page request (model/pages.py): off for one array, or from a session's start on, unless the
user chose."""

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


def test_from_now_on_switches_the_request_off_unless_numpy_was_told(switch) -> None:
    assert pages.small_pages_from_now({"NUMPY_MADVISE_HUGEPAGE": "1"}) is False
    assert switch(True) is True  # the user's choice stands: still on
    assert pages.small_pages_from_now({}) is True
    assert switch(True) is False  # it was off


def test_a_session_starts_with_small_pages(switch, monkeypatch: pytest.MonkeyPatch) -> None:
    from bpgui.session.settings import Settings
    from bpgui.session.training import TrainingSession

    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    TrainingSession(Settings(target_error=None))
    assert switch(True) is False  # the session switched it off
