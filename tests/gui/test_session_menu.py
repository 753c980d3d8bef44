"""File → Open / Save session / Open recent and files dropped on the window (issue 13), as a learner uses
them: the run shown is the run saved, the recent list follows, a file that is gone says so."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from bpgui.views import session_menu


def step(window, n):
    for _ in range(n):
        window.step_action.trigger()


def test_save_session_then_open_it_in_a_new_window_shows_the_same_iteration(window, tmp_path, monkeypatch, qtbot,
                                                                               qsettings):
    from bpgui.views.main_window import MainWindow

    step(window, 12)
    window.controller.edit_parameter(1, 0.5)
    step(window, 5)
    window.controller.goto(14)
    target = tmp_path / "lesson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_session_action.trigger()
    saved = tmp_path / "lesson.bpgui"  # the suffix added
    assert saved.exists() and json.loads(saved.read_text(encoding="utf-8"))["t"] == 14
    assert window.controller.session_path == str(saved)
    # Save again: the same file, no question asked.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    step(window, 1)
    window.save_session_action.trigger()
    assert json.loads(saved.read_text(encoding="utf-8"))["t"] == 15

    other = MainWindow(qsettings=qsettings)
    qtbot.addWidget(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    other.open_any_action.trigger()
    a, b = window.controller, other.controller
    assert b.iteration == 15 and b.end == a.end
    assert b.display_record().flat_gradients.tobytes() == a.display_record().flat_gradients.tobytes()
    assert b.network.flat.tobytes() == a.network.flat.tobytes()
    assert session_menu.recent_files(qsettings)[0] == str(saved)


def test_the_recent_list_opens_files_and_drops_one_that_is_gone(window, tmp_path, qsettings):
    paths = []
    for n in range(3):
        path = tmp_path / f"s{n}.bpgui"
        step(window, 1)
        assert session_menu.save_session(window, str(path))
        paths.append(str(path))
    assert session_menu.recent_files(qsettings) == paths[::-1]
    session_menu.fill_recent_menu(window, window.recent_menu)
    entries = [a for a in window.recent_menu.actions() if a.statusTip()]
    assert [a.statusTip() for a in entries] == paths[::-1]
    entries[-1].trigger()  # the oldest: s0, saved at t = 1
    assert window.controller.iteration == 1 and session_menu.recent_files(qsettings)[0] == paths[0]
    (tmp_path / "s1.bpgui").unlink()
    session_menu.fill_recent_menu(window, window.recent_menu)
    [gone] = [a for a in window.recent_menu.actions() if a.statusTip() == paths[1]]
    gone.trigger()
    assert "no such file" in window.status_area.message_text() and paths[1] in window.status_area.message_text()
    assert paths[1] not in session_menu.recent_files(qsettings)
    assert window.controller.iteration == 1  # nothing changed


def test_recent_files_survive_whatever_the_preferences_hold(qsettings):
    for value in (None, 3, "one.bpgui", ["a", 4, "", "b\0c", "d"], {"x": 1}):
        qsettings.setValue(session_menu.RECENT_KEY, value)
        got = session_menu.recent_files(qsettings)
        assert all(isinstance(p, str) and p and "\0" not in p for p in got)
    qsettings.setValue(session_menu.RECENT_KEY, [f"/f{n}" for n in range(30)])
    assert len(session_menu.recent_files(qsettings)) == session_menu.MAX_RECENT


def _drop(window, paths):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(p) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_file_dropped_on_the_window_opens(window, tmp_path):
    step(window, 7)
    path = tmp_path / "dropped.bpgui"
    session_menu.save_session(window, str(path))
    window.controller.reset()
    assert window.controller.iteration == 0
    assert _drop(window, [str(path), str(tmp_path / "other.csv")]) == (True, True)
    assert window.controller.iteration == 7
    assert "first of the 2" in window.status_area.message_text()


def test_a_csv_or_a_network_opens_by_what_it_holds(window, tmp_path):
    csv = tmp_path / "two.csv"
    csv.write_text("a,b,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", encoding="utf-8")
    assert session_menu.open_any(window, str(csv))
    assert window.controller.settings.data == str(csv)
    net = tmp_path / "n.json"
    window.controller.save_network(str(net))
    step(window, 3)
    assert session_menu.open_any(window, str(net)) and window.controller.iteration == 0
    junk = tmp_path / "junk.json"
    junk.write_text('{"format": "something else"}', encoding="utf-8")
    assert not session_menu.open_any(window, str(junk))
    assert "junk.json" in window.status_area.message_text()


def test_a_long_session_opens_in_the_worker_and_is_the_same_run(window, tmp_path):
    c = window.controller
    c.update_settings(target_error=None)
    c.session._trainer.advance(20_000, use_stop_conditions=False)
    c.goto(19_000)
    want = (c.iteration, c.end, c.network.flat.tobytes(), c.display_record().flat_gradients.tobytes())
    path = str(tmp_path / "long.bpgui")
    assert session_menu.save_session(window, path)
    c.reset()
    assert session_menu.open_any(window, path)
    assert c.wait_for_jobs(60_000)
    window.repaint()
    assert (c.iteration, c.end, c.network.flat.tobytes(), c.display_record().flat_gradients.tobytes()) == want
    assert "Opened session" in window.status_area.message_text()


def test_a_file_named_on_the_command_line_opens_once_the_window_is_up(window, tmp_path, qtbot):
    step(window, 6)
    path = tmp_path / "given.bpgui"
    session_menu.save_session(window, str(path))
    window.controller.reset()
    assert not session_menu.open_arguments(window, ["-style", ""])
    assert session_menu.open_arguments(window, ["--verbose", str(path)])
    assert window.controller.iteration == 0  # not yet: once the event loop runs
    qtbot.waitUntil(lambda: window.controller.iteration == 6, timeout=5000)


def test_python_m_bpgui_with_a_file_opens_the_window_on_it(monkeypatch):
    import argparse

    from bpgui import app, cli

    seen = []
    monkeypatch.setattr(app, "main", lambda argv=None: seen.append(argv) or 0)
    assert cli.main(["lesson.bpgui"]) == 0 and seen[-1][1:] == ["lesson.bpgui"]
    parser = cli.build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(sub.choices) == set(cli.COMMANDS)  # every sub-command is still one
    assert cli.main(["trace"]) == 2 and len(seen) == 1  # a sub-command is not a file


def test_open_knows_a_lesson_and_says_so_of_a_file_bpgui_does_not_read(window, tmp_path):
    from bpgui.views import lesson_panel

    lesson = sorted(lesson_panel.shipped_lessons())[2]
    assert session_menu.open_any(window, str(lesson))
    assert lesson_panel.lessons_of(window).lesson is not None
    lesson_panel.lessons_of(window).end()
    junk = tmp_path / "x.bpgui"
    junk.write_bytes(b"\x00\x01junk")
    t = window.controller.iteration
    assert not session_menu.open_any(window, str(junk))
    assert "is not a bpgui session, network, lesson or CSV file" in window.status_area.message_text()
    assert window.controller.iteration == t


def test_a_refused_first_drop_keeps_its_reason_in_view(window, tmp_path):
    bad = tmp_path / "bad.bpgui"
    bad.write_text('{"format": "bpgui.session", "version": 7}', encoding="utf-8")
    good = tmp_path / "good.bpgui"
    session_menu.save_session(window, str(good))
    _drop(window, [str(bad), str(good)])
    assert "newer bpgui" in window.status_area.message_text()


def test_a_large_csv_read_in_a_job_is_remembered_only_once_the_job_has_read_it(window, tmp_path, monkeypatch,
                                                                              qsettings, qtbot):
    """A CSV past HEAVY_CSV_BYTES is read off the window's thread: Open returns before the file is read, so a
    file the job refuses must not join the recent files; one it reads does, once it is read."""
    from bpgui.session import core

    monkeypatch.setattr(core, "HEAVY_CSV_BYTES", 10)
    broken = tmp_path / "broken.csv"
    broken.write_text("a,b,label\n1,2,yes\n3\n")
    good = tmp_path / "good.csv"
    good.write_text("a,b,label\n0,0,no\n0,1,yes\n1,0,yes\n1,1,no\n")
    c = window.controller
    assert session_menu.open_any(window, str(broken))
    assert c.job_running  # the file is read in the job: nothing is known yet
    assert str(broken) not in session_menu.recent_files(qsettings)
    assert c.wait_for_jobs(10_000)
    qtbot.waitUntil(lambda: not c.job_running)
    assert "line 3" in window.status_area.message_text()
    qtbot.wait(50)  # whatever the job's end set off has run
    assert str(broken) not in session_menu.recent_files(qsettings)
    assert session_menu.open_any(window, str(good))
    assert c.wait_for_jobs(10_000)
    qtbot.waitUntil(lambda: session_menu.recent_files(qsettings)[:1] == [str(good)])
    assert c.dataset.name == "good.csv"
    assert str(broken) not in session_menu.recent_files(qsettings)


@pytest.mark.parametrize("read_in_a_job", [False, True])
def test_a_session_replayed_in_a_job_is_remembered_once_it_is_open(window, tmp_path, monkeypatch, qsettings, qtbot,
                                                                   read_in_a_job):
    from bpgui.session import session_files

    step(window, 3)
    saved = tmp_path / "long.bpgui"
    assert session_menu.save_session(window, str(saved))
    c = window.controller
    c.update_settings(seed=c.settings.seed + 1)  # another run shown: the file saved is not the session in force
    assert c.session_path is None
    qsettings.setValue(session_menu.RECENT_KEY, [])
    monkeypatch.setattr(session_files, "HEAVY_REPLAY_SECONDS", -1.0)  # every replay goes to a job
    if read_in_a_job:  # two jobs: the file read, then the replay that read begins
        monkeypatch.setattr(session_files, "HEAVY_SESSION_BYTES", 10)
    step(window, 2)
    assert session_menu.open_any(window, str(saved))
    assert c.job_running and session_menu.recent_files(qsettings) == []
    qtbot.waitUntil(lambda: c.session_path == str(saved) and not c.job_running, timeout=20_000)
    qtbot.waitUntil(lambda: session_menu.recent_files(qsettings) == [str(saved)])
    assert c.iteration == 3


def test_a_refused_reopen_of_the_session_shown_is_not_remembered_again(window, tmp_path, monkeypatch, qsettings,
                                                                       qtbot):
    from bpgui.session import session_files

    step(window, 2)
    saved = tmp_path / "shown.bpgui"
    assert session_menu.save_session(window, str(saved))
    other = tmp_path / "other.bpgui"
    other.write_text("{}", encoding="utf-8")
    qsettings.setValue(session_menu.RECENT_KEY, [str(other), str(saved)])  # the one shown is second
    document = json.loads(saved.read_text(encoding="utf-8"))
    document["t"] = "three"  # the file shown is spoiled on disk meanwhile
    saved.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(session_files, "HEAVY_SESSION_BYTES", 10)  # read in a job: refused when the job ends
    c = window.controller
    said: list[str] = []
    c.message.connect(lambda level, text: said.append(level))
    assert session_menu.open_any(window, str(saved)) and c.job_running
    qtbot.waitUntil(lambda: not c.job_running and "error" in said, timeout=20_000)
    qtbot.wait(50)  # (the list is looked at once the job's end is adopted)
    assert c.session_path == str(saved) and c.iteration == 2  # nothing changed
    assert session_menu.recent_files(qsettings) == [str(other), str(saved)]  # and the list did not move


def test_a_large_network_file_read_in_a_job_is_remembered_only_once_opened(window, tmp_path, monkeypatch, qsettings,
                                                                           qtbot):
    from bpgui.session import writing

    good = tmp_path / "good.json"
    assert window.controller.save_network(str(good))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bpgui.network", "version": 1, "layers": [{"units": 2}, {"units": "two"}]}')
    monkeypatch.setattr(writing, "HEAVY_NETWORK_BYTES", 10)
    c = window.controller
    for path in (bad, good):
        assert session_menu.open_any(window, str(path)) and c.job_running
        assert session_menu.recent_files(qsettings) == []
        assert c.wait_for_jobs(10_000)
        qtbot.waitUntil(lambda: not c.job_running)
        qtbot.wait(50)
    assert session_menu.recent_files(qsettings) == [str(good)] and c.network_path == str(good)


def test_a_large_session_is_remembered_once_written_and_not_when_writing_it_fails(window, tmp_path, monkeypatch,
                                                                                 qsettings, qtbot):
    from bpgui.session import writing

    monkeypatch.setattr(writing, "WRITE_HERE", 0)  # every file written by a job
    c = window.controller
    step(window, 2)
    qsettings.setValue(session_menu.RECENT_KEY, [])
    nowhere = tmp_path / "no such folder" / "s.bpgui"
    assert session_menu.save_session(window, str(nowhere)) and c.job_running
    assert c.wait_for_jobs(20_000)
    qtbot.wait(50)  # (the list is looked at once the job's end is adopted)
    assert not nowhere.exists() and session_menu.recent_files(qsettings) == []
    path = tmp_path / "s.bpgui"
    assert session_menu.save_session(window, str(path)) and c.job_running
    assert session_menu.recent_files(qsettings) == []  # not yet: the file is still being written
    assert c.wait_for_jobs(20_000)
    qtbot.waitUntil(lambda: session_menu.recent_files(qsettings) == [str(path)])
    assert json.loads(path.read_text(encoding="utf-8"))["t"] == 2


def _sleep(seconds, progress=None):
    import time

    time.sleep(seconds)


def _busy(c):
    """Other work in the worker (a surface, a comparison, a check) while a file is opened or saved."""
    from bpgui.session import jobs

    c._jobs.submit(jobs.Job("surface", jobs.Message("info", "Busy"), _sleep, (0.2,), finish=lambda _: None,
                            quick=False))
    assert c.job_running


@pytest.mark.parametrize("kind", ["session", "csv"])
def test_a_small_file_opened_while_other_work_runs_is_remembered_at_once(window, tmp_path, qsettings, kind):
    c = window.controller
    if kind == "session":
        step(window, 2)
        path = tmp_path / "small.bpgui"
        assert session_menu.save_session(window, str(path))
        c.update_settings(seed=c.settings.seed + 1)
    else:
        path = tmp_path / "d.csv"
        path.write_text("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", encoding="utf-8")
    qsettings.setValue(session_menu.RECENT_KEY, [])
    _busy(c)
    assert session_menu.open_any(window, str(path))
    assert (c.session_path if kind == "session" else c.settings.data) == str(path)  # opened at once
    assert session_menu.recent_files(qsettings) == [str(path)]
    assert c.wait_for_jobs(20_000)


def test_a_small_save_while_other_work_runs_is_remembered_at_once(window, tmp_path, qsettings):
    c = window.controller
    step(window, 1)
    qsettings.setValue(session_menu.RECENT_KEY, [])
    _busy(c)
    path = tmp_path / "s.bpgui"
    assert session_menu.save_session(window, str(path))
    assert path.exists() and session_menu.recent_files(qsettings) == [str(path)]
    assert c.wait_for_jobs(20_000)


def test_save_right_after_a_large_save_as_writes_the_new_file_never_the_one_saved_away_from(
        window, tmp_path, monkeypatch, qtbot):
    from bpgui.session import writing

    c = window.controller
    step(window, 2)
    x = tmp_path / "x.bpgui"
    assert session_menu.save_session(window, str(x))  # small: written at once; Save writes x from now on
    monkeypatch.setattr(writing, "WRITE_HERE", 0)  # the next files are large: written by the worker
    step(window, 2)
    y = tmp_path / "y.bpgui"
    assert session_menu.save_session(window, str(y)) and c.job_running  # Save session as… y: a job
    step(window, 1)
    assert session_menu.save_session(window)  # Ctrl+S while y is still being written: y again
    assert c.session_path == str(y)
    assert c.wait_for_jobs(20_000)
    assert json.loads(x.read_text(encoding="utf-8"))["t"] == 2  # untouched
    assert json.loads(y.read_text(encoding="utf-8"))["t"] == 5  # the later save, written after the first
    assert c.session_path == str(y)


def test_a_session_refused_while_its_planted_bug_is_replayed_is_not_listed(window, tmp_path, qsettings):
    c = window.controller
    c.step()
    c.plant_bug(None)
    c.step()
    c.edit_parameter(1, 0.5)
    c.step()
    path = tmp_path / "bug.bpgui"
    assert c.save_session(str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["bug"]["changes"][0]["cursor"] = 999  # spoiled: refused only when the bug's run is replayed
    path.write_text(json.dumps(doc), encoding="utf-8")
    c.update_settings(seed=c.settings.seed + 1)
    said = []
    c.message.connect(lambda level, text: said.append(level))
    qsettings.setValue(session_menu.RECENT_KEY, [])
    before = c.runs_adopted
    session_menu.open_any(window, str(path))
    assert "error" in said and c.runs_adopted == before and c.session_path is None  # refused, nothing changed
    assert session_menu.recent_files(qsettings) == []
