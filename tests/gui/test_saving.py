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
