"""What the window remembers between sessions (QSettings): geometry, view options, the last settings.

The text scale and the digits are read in ``view_options`` (defensively, as everything here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSignalBlocker, Qt

from ..session.settings import Settings, settings_from_json, settings_to_json
from .view_options import DIGITS_KEY

if TYPE_CHECKING:
    from .main_window import MainWindow

SETTINGS_KEY = "training/settings"


def _as_bool(value: object) -> bool:
    # QSettings' INI files give back "true"/"false" strings.
    return value in (True, "true", "1", 1)


def _as_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def remembered_settings(qsettings: QSettings) -> tuple[Settings, str | None]:
    """The learner's last training settings, and a sentence for the learner when they could not be read.

    Never raises: nothing remembered gives the defaults and no sentence; a
    remembered value that cannot be read (a corrupt or foreign settings file)
    gives its default and the sentence saying so, to show once at start-up.
    """
    problems: list[str] = []
    try:
        stored = qsettings.value(SETTINGS_KEY, "")
    except Exception:  # a value QSettings cannot turn back into Python: read as nothing usable
        stored, problems = None, ["settings"]
    text = stored if isinstance(stored, str) else "" if stored is None else "?"
    settings = settings_from_json(text, problems)
    return settings, (settings_replaced() if problems else None)


def settings_replaced() -> str:
    """What the window says when the remembered settings gave way to the defaults."""
    return QCoreApplication.translate(
        "MainWindow", "The remembered settings could not be read and were replaced by the defaults.")


def restore_preferences(window: MainWindow, q: QSettings) -> None:
    # The settings form needs about 300 px; the rest goes to what it controls.
    window.resizeDocks([window.settings_dock], [300], Qt.Orientation.Horizontal)
    geometry = q.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = q.value("window/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    window.dummy_action.setChecked(_as_bool(q.value("view/dummy_thresholds", False)))
    window.unit_maps_action.setChecked(_as_bool(q.value("view/unit_maps", True)))
    # Not toggled: the column is asked for once the window has its network's rows (a window rebuilt for a new
    # language mid-phase asked for it before, with a table of no rows: the numbers were refused).
    with QSignalBlocker(window.check_action):
        window.check_action.setChecked(_as_bool(q.value("view/gradient_check", False)))
    window.plot.set_log_scale(_as_bool(q.value("view/log_scale", False)))
    x_axis = str(q.value("view/x_axis", window.plot.x_axis()))
    if x_axis in ("iteration", "epoch"):
        window.plot.set_x_axis(x_axis)
    window.speed.setValue(_as_int(q.value("view/speed"), window.speed.value()))


def save_preferences(window: MainWindow, q: QSettings) -> None:
    q.setValue("view/dummy_thresholds", window.topology.dummy_thresholds())
    q.setValue("view/unit_maps", window.unit_maps_action.isChecked())
    q.setValue("view/gradient_check", window.check_action.isChecked())
    q.setValue("view/log_scale", window.plot.log_scale())
    q.setValue("view/x_axis", window.plot.x_axis())
    q.setValue(DIGITS_KEY, window.digits())  # the text scale is remembered when it is chosen
    q.setValue("view/speed", window.speed.value())
    q.setValue("window/geometry", window.saveGeometry())
    q.setValue("window/state", window.saveState())
    q.setValue(SETTINGS_KEY, settings_to_json(window.controller.settings))
    q.sync()
