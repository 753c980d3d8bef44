"""A large save goes to the worker (session/writing.py) as the learner sees it: the status bar says what is
being saved and offers no Cancel, Cancel stops nothing of it, the file is there once said, and closing the
window right after Save still leaves the file written."""

from __future__ import annotations

import json

import pytest

from bpgui.session import writing


@pytest.fixture()
def large(monkeypatch):
    monkeypatch.setattr(writing, "WRITE_HERE", 0)  # every file counts as large: written by the worker


def test_a_large_network_is_saved_by_the_worker_without_a_cancel_and_said_once_written(window, large, tmp_path,
                                                                                       qtbot):
    c = window.controller
    window.step_action.trigger()
    path = tmp_path / "net.json"
    assert c.save_network(str(path))
    assert c.job_running and not c.job_cancellable
    assert window.job_label.isVisible() and "Saving the network" in window.job_label.text()
    assert window.job_bar.isVisible() and not window.job_cancel.isVisible()
    c.cancel_job()  # what Cancel does: a save the learner asked for goes on
    assert c.job_running
    assert c.wait_for_jobs(20_000)
    qtbot.waitUntil(lambda: "Network saved to" in window.status_area.message_text())
    assert str(path) in window.status_area.message_text()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "bpgui.network"
    assert not window.job_label.isVisible()


def test_closing_the_window_right_after_a_large_save_waits_for_the_file(qtbot, qsettings, no_dialogs, large,
                                                                        tmp_path):
    from bpgui.views.main_window import MainWindow

    w = MainWindow(qsettings=qsettings)
    w.show()
    w.step_action.trigger()
    path = tmp_path / "s.bpgui"
    assert w.controller.save_session(str(path)) and w.controller.job_running
    w.close()
    assert not w.controller.job_running
    assert json.loads(path.read_text(encoding="utf-8"))["t"] == 1
    w.deleteLater()


def _checked_mid_phase(window):
    """A table whose text has every kind of cell: a check's two columns, and blanks (a phase not yet updated)."""
    window.controller.update_settings(hidden=(3, 2))
    window.step_action.trigger()
    window.check_action.setChecked(True)
    assert window.controller.wait_for_jobs(20_000)
    window.controller.step_phase()
    assert window.controller.phase_view is not None


def test_a_large_copy_is_written_out_by_the_worker_as_the_window_would_and_cancel_leaves_the_clipboard(
        window, large, qtbot):
    from PySide6.QtWidgets import QApplication

    c, table = window.controller, window.table
    _checked_mid_phase(window)
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    expected = table.copy_text()  # what the window writes out itself
    assert "\t\t" in expected or "\t\n" in expected  # (blank cells in it)
    table.copy_to_clipboard()
    assert c.job_running and c.job_cancellable and window.job_cancel.isVisible()
    c.cancel_job()  # a copy is no file: Cancel stops it, and the clipboard keeps what it had
    qtbot.wait(50)
    assert clipboard.text() == "before"
    table.copy_to_clipboard()
    assert c.wait_for_jobs(20_000)
    qtbot.waitUntil(lambda: clipboard.text() != "before")
    assert clipboard.text() == expected
    rows = len(expected.splitlines()) - 1
    assert f"{rows} rows of the table copied" in window.status_area.message_text()


def test_a_large_export_is_written_by_the_worker_with_the_windows_own_text(window, large, tmp_path, qtbot):
    c = window.controller
    _checked_mid_phase(window)
    path = tmp_path / "table.csv"
    assert window.export_table(str(path)) and c.job_running and not c.job_cancellable
    assert c.wait_for_jobs(20_000)
    qtbot.waitUntil(lambda: "Table exported to" in window.status_area.message_text())
    assert path.read_text(encoding="utf-8") == window.table.export_csv_text()


def test_a_small_copy_and_export_happen_at_once(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    window.step_action.trigger()
    window.table.copy_to_clipboard()
    assert not window.controller.job_running and QApplication.clipboard().text() == window.table.copy_text()
    path = tmp_path / "t.csv"
    assert window.export_table(str(path)) and not window.controller.job_running
    assert path.read_text(encoding="utf-8") == window.table.export_csv_text()



def _stop_the_worker(progress=None):
    """A job that ends the worker's process as the system would (out of memory): no exception, no result."""
    import os

    os._exit(1)


def test_a_save_queued_behind_work_that_kills_the_worker_is_still_written_and_the_loss_is_said(
        window, large, tmp_path, qtbot):
    from bpgui.session import jobs

    c = window.controller
    said: list[tuple[str, str]] = []
    c.message.connect(lambda level, text: said.append((level, text)))
    window.step_action.trigger()
    lost = jobs.Job("check", jobs.Message("info", "Checking"), _stop_the_worker, (), finish=lambda _: None,
                    quick=False)
    c._jobs.submit(lost)
    path = tmp_path / "s.bpgui"
    assert c.save_session(str(path))  # queued behind the job that ends the worker
    assert c.wait_for_jobs(30_000)
    assert not c.job_running
    # The save went again to a new worker: the file is whole, and its saving is said with its name.
    assert json.loads(path.read_text(encoding="utf-8"))["t"] == 1
    qtbot.waitUntil(lambda: any("Session saved to" in text and str(path) in text for _, text in said))
    # The job that was lost is said as lost, in words, once; no save is said to have failed.
    errors = [text for level, text in said if level == "error"]
    assert len(errors) == 1 and "worker process stopped" in errors[0], said
    # A later save works with the new worker as usual.
    again = tmp_path / "again.bpgui"
    assert c.save_session(str(again)) and c.wait_for_jobs(30_000)
    assert json.loads(again.read_text(encoding="utf-8"))["t"] == 1


def test_a_large_copy_finished_after_a_change_of_language_fills_the_clipboard_and_says_so_in_the_new_window(
        window, large, qtbot):
    from PySide6.QtWidgets import QApplication

    _checked_mid_phase(window)
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    expected = window.table.copy_text()
    window.table.copy_to_clipboard()
    c = window.controller
    assert c.job_running
    replacement = window.set_language("en")  # the window that asked for the copy is deleted meanwhile
    try:
        assert c.wait_for_jobs(20_000)
        qtbot.waitUntil(lambda: clipboard.text() != "before")
        assert clipboard.text() == expected
        rows = len(expected.splitlines()) - 1
        qtbot.waitUntil(lambda: f"{rows} rows of the table copied" in replacement.status_area.message_text())
    finally:
        replacement.close()
        replacement.deleteLater()


def test_cancel_is_offered_as_soon_as_cancellable_work_queues_behind_a_save_and_stops_only_that(
        window, large, tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication

    c = window.controller
    _checked_mid_phase(window)
    path = tmp_path / "s.bpgui"
    assert c.save_session(str(path))
    assert c.job_running and not window.job_cancel.isVisible()  # a save: nothing to cancel
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    window.table.copy_to_clipboard()  # a large copy, queued behind the save
    assert c.job_cancellable and window.job_cancel.isVisible()
    assert "file being saved is always finished" in window.job_cancel.toolTip()  # (the title is the save's)
    window.job_cancel.click()
    assert c.wait_for_jobs(20_000)
    qtbot.wait(50)
    assert clipboard.text() == "before"  # the copy stopped
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "bpgui.session"  # the save did not
