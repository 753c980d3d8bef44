"""The controller's files: open and save a network or a session, import data, export or copy the table.

A mixin of :class:`~bpgui.controller.training.TrainingController`: each call goes to the session as it is
(``session/writing.py`` decides what is written now and what by a job in the worker).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QStandardPaths

from ..session.session_files import file_kind
from ..session.training import TrainingSession


class FileActions:
    _session: TrainingSession

    def open_network(self, path: str) -> bool:  # a large file is read in the worker
        return self._session.open_network(path)

    def save_network(self, path: str) -> bool:
        return self._session.save_network(path)

    def export_table(self, path: str, header: Sequence[str], numbers: Sequence[np.ndarray | None]) -> bool:
        """The gradient table of the network shown as CSV (``header``; the numbers' columns as shown)."""
        return self._session.export_table(path, self._session.network.layer_sizes, header, numbers)

    def copy_table(self, rows: np.ndarray, titles: Sequence[str], numbers: Sequence[np.ndarray | None],
                   finish: Callable[[str], None]) -> bool:
        """``rows`` of a large table as copied text, written out in the worker, then ``finish(text)``; False if
        the table is small enough to write out at once."""
        return self._session.copy_table(self._session.network.layer_sizes, rows, titles, numbers, finish)

    def import_data(self, path: str) -> bool:
        return self._session.import_data(path)

    def save_session(self, path: str) -> bool:
        return self._session.save_session(path)

    @property
    def session_path(self) -> str | None:  # the file Save session writes: the newest asked for (written or queued)
        return self._session.session_path

    @property
    def files_written(self) -> tuple[str, ...]:  # the files written so far (saved, exported), oldest first
        return self._session.written

    @property
    def runs_adopted(self) -> int:  # how many times another run was shown (a file opened, a network built)
        return self._session.adoptions

    @property
    def network_path(self) -> str | None:  # the network file whose network is shown, if one was opened
        return self._session.network_path

    def open_session(self, path: str) -> bool:  # a CSV whose file is gone is written again in the app's data
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return self._session.open_session(path, os.path.join(folder, "session-data") if folder else None)

    file_kind = staticmethod(file_kind)
