"""The File menu's sessions: Open (a session, a network or a CSV), Open recent, Save session, and files
dropped on the window or named on the command line.

The controller opens and saves (``session.session_files``, which remembers the file, so Save session writes
it again without asking); this module chooses the file and keeps the list of recent files (QSettings
``files/recent``, newest first).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu

from ..model.text import fill
from .lesson_panel import begin as begin_lesson

if TYPE_CHECKING:
    from collections.abc import Callable

    from .main_window import MainWindow

__all__ = ["MAX_RECENT", "DropOpener", "fill_recent_menu", "open_any", "open_arguments", "open_file", "recent_files",
           "save_session"]

translate = QCoreApplication.translate
MAX_RECENT = 10
RECENT_KEY = "files/recent"
SESSION_SUFFIX = ".bpgui"


def recent_files(qsettings: QSettings) -> list[str]:
    """The recent files, newest first (whatever QSettings holds that is not a list of paths is dropped)."""
    value = qsettings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [p for p in value if isinstance(p, str) and p and "\0" not in p][:MAX_RECENT]


def _remember(qsettings: QSettings, path: str) -> None:
    path = os.path.abspath(path)
    qsettings.setValue(RECENT_KEY, [path, *[p for p in recent_files(qsettings) if p != path][: MAX_RECENT - 1]])


def _forget(qsettings: QSettings, path: str) -> None:
    qsettings.setValue(RECENT_KEY, [p for p in recent_files(qsettings) if p != path])


def open_any(window: MainWindow, path: str) -> bool:
    """Open ``path``: a session, a network file or a CSV, by what it holds; remembered among the recent
    files when opened. A file that cannot be opened says why (the status bar, a message box) and changes
    nothing; a recent file that is gone leaves the list."""
    c = window.controller
    if not os.path.exists(path):
        window.show_message("error", fill(translate("MainWindow", "%1: no such file"), path))
        _forget(window.qsettings(), path)
        return False
    kind = c.file_kind(path)
    before, in_force = c.runs_adopted, kind == "csv" and _same(c.settings.data, path)
    if kind == "session":
        done = c.open_session(path)
    elif kind == "csv":
        done = c.import_data(path)
    elif kind == "network":
        done = c.open_network(path)
    elif kind == "lesson":
        done = begin_lesson(window, path)
    else:
        window.show_message("error", fill(translate("MainWindow", "%1 is not a bpgui session, network, lesson or "
                                                                  "CSV file."), path))
        return False
    if not done:
        return False
    if kind in ("csv", "session", "network"):  # a large file read, or a long replay, in a job that may refuse it
        _remember_if_opened(window, path, kind, before, in_force)
    else:
        _remember(window.qsettings(), path)
    return True


def _remember_if_opened(window: MainWindow, path: str, kind: str, before: int, in_force: bool) -> None:
    """Remember ``path`` now if it was opened, else once the jobs opening it end, if they open it: a run was
    adopted since ``before`` (a refused or cancelled re-open of the file shown adopts none; ``in_force``: the
    CSV was the data set already) and the CSV, session or network in force is ``path``."""
    c = window.controller

    def opened() -> bool:
        shown = {"csv": c.settings.data, "session": c.session_path, "network": c.network_path}[kind]
        return (c.runs_adopted != before or in_force) and _same(shown, path)

    if opened():
        _remember(window.qsettings(), path)
    elif c.job_running:
        _remember_after_jobs(window, path, opened)


def _same(shown: str | None, path: str) -> bool:
    return shown is not None and os.path.abspath(shown) == os.path.abspath(path)


def _remember_after_jobs(window: MainWindow, path: str, done: Callable[[], bool]) -> None:
    """Remember ``path`` as the running jobs end, once ``done()``; given up when no job runs and it is not. A large
    session is two jobs, the read then its replay: the second starts as the first is adopted, so a job still
    running is waited for. The controller and the preferences, not the window, are kept: a change of language
    replaces the window around the same controller meanwhile."""
    c, qsettings = window.controller, window.qsettings()

    live = [True]  # (two ends before the event loop runs, as a wait for the jobs gives: one disconnects)

    def settled() -> None:
        if not live[0]:
            return
        if done():
            _remember(qsettings, path)
        elif c.job_running:  # (the replay the read began, or other work: its end is looked at again)
            return
        live[0] = False
        c.job_finished.disconnect(ended)

    def ended() -> None:  # (the worker says it is idle, then adopts what the job brought: look after that)
        QTimer.singleShot(0, c, settled)

    c.job_finished.connect(ended)


def open_arguments(window: MainWindow, arguments: list[str]) -> bool:
    """The file named on the command line (the first argument that is not an option), opened as File → Open
    opens it, once the window is up; True if there was one to open."""
    paths = [a for a in arguments if a and not a.startswith("-")]
    if not paths:
        return False
    QTimer.singleShot(0, window, lambda: open_any(window, os.path.abspath(paths[0])))
    return True


def open_file(window: MainWindow) -> None:
    """File → Open: choose a session, a network or a CSV file."""
    path, _ = QFileDialog.getOpenFileName(
        window, translate("MainWindow", "Open"), "",
        ";;".join((translate("MainWindow", "bpgui files (*.bpgui *.json *.csv)"),
                   translate("MainWindow", "bpgui sessions (*.bpgui)"),
                   translate("MainWindow", "bpgui network (*.json)"),
                   translate("MainWindow", "CSV files (*.csv)"))))
    if path:
        open_any(window, path)


def save_session(window: MainWindow, path: str | None = None, choose: bool = False) -> bool:
    """File → Save session (``choose``: Save session as): the whole run to a session file."""
    path = path or (None if choose else window.controller.session_path)
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, translate("MainWindow", "Save session"),
                                              "session" + SESSION_SUFFIX,
                                              translate("MainWindow", "bpgui sessions (*.bpgui)"))
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += SESSION_SUFFIX
    c = window.controller
    before = len(c.files_written)
    if not c.save_session(path):
        return False
    if path in c.files_written[before:]:  # written now (whatever else runs)
        _remember(window.qsettings(), path)
    else:  # written by a job, that may still fail: remembered once written
        _remember_after_jobs(window, path, lambda: path in c.files_written[before:])
    return True


def fill_recent_menu(window: MainWindow, menu: QMenu) -> None:
    """The Open recent submenu as the list stands now (filled each time it opens)."""
    menu.clear()
    paths = recent_files(window.qsettings())
    for n, path in enumerate(paths, 1):
        action = QAction(f"&{n % 10}  {os.path.basename(path)}", menu)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_any(window, p))
        menu.addAction(action)
    if not paths:
        empty = menu.addAction(translate("MainWindow", "No recent files"))
        empty.setEnabled(False)
        return
    menu.addSeparator()
    clear = menu.addAction(translate("MainWindow", "&Clear the list"))
    clear.triggered.connect(lambda: window.qsettings().setValue(RECENT_KEY, []))


class DropOpener(QObject):
    """Files dropped on the window open as File → Open would open them (the first, if several)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @staticmethod
    def _paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        data = event.mimeData()
        return [u.toLocalFile() for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if self._paths(event):
                event.acceptProposedAction()
                return True
        elif watched is self._window and event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = self._paths(event)
            if paths:
                event.acceptProposedAction()
                if open_any(self._window, paths[0]) and len(paths) > 1:  # else its refusal stays in view
                    self._window.show_message("info", translate("MainWindow", "Opened the first of the %n "
                                                                "files dropped.", "", len(paths)))
                return True
        return super().eventFilter(watched, event)
