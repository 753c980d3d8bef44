"""How the main window looks: its text scale, its digits and presentation mode, handed to every view.

The window's methods (``set_text_scale``, ``set_digits``, ``set_presentation``) call these; the
settings themselves are read and clamped in ``view_options``, presentation's state is kept in
``presentation``.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from .decision_map import MAIN_MAP_SIDE
from .main_menus import apply_icons, fit_toolbar
from .runs_panel import RunsDock
from .text_scale import apply_text_scale, text_scale
from .view_options import (
    DIGITS_KEY,
    TEXT_SCALE_KEY,
    TextView,
    apply_to_views,
    clamp_digits,
    stored_digits,
    stored_text_scale,
)

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


def output_names(data) -> tuple[str, ...]:
    """What each output unit means: the class it stands for, or the target's name."""
    if data.task == "classification" and data.n_outputs == 1 and len(data.class_names) == 2:
        return (f"{data.target_names[0]} = {data.class_names[1]}",)
    return tuple(data.target_names)


ERROR_BANNER = "background: #fde8e8; color: #7a0010; border-bottom: 1px solid #e8b4b8;"
NOTICE_BANNER = "background: #e8f0fb; color: #0b2e59; border-bottom: 1px solid #b8cbe8;"


def show_message(window: MainWindow, level: str, text: str) -> None:
    """A message for the learner in the status bar (an error also in a box while the window is shown)."""
    window.last_message = (level, text)
    window.status_area.show_message("info" if level == "notice" else level, text)
    if level in ("error", "notice"):  # a notice: something the window did that the learner must know
        window.banner.setStyleSheet(ERROR_BANNER if level == "error" else NOTICE_BANNER)
        window.banner.setText(text)
        window.banner.show()
    else:
        window.banner.hide()
    if level == "error" and window.isVisible() and not os.environ.get("BPGUI_NO_DIALOGS"):
        # Plain text: a message may quote a CSV cell or a file name, which must not render as HTML.
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "bpgui"), text,
                          QMessageBox.StandardButton.Ok, window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def retire(window: MainWindow, emitting: Iterable[QAction] = ()) -> None:
    """Free a window replaced by one in another language (it kept a whole window, about 9 MB: plots,
    scene, table, alive at each switch); the empty shell goes when the event loop runs. ``emitting``: the
    actions whose signal is running this (the Language menu's), left connected: disconnecting a signal in
    its own emission freed the slot still running (a rare segfault); they go with the window."""
    for part in (window.takeCentralWidget(), window.settings_dock.widget(), window.perceptron, window.worksheet):
        if part is not None:
            part.deleteLater()
    release_connections(window, set(emitting))
    window.deleteLater()


def release_connections(window: MainWindow, keep: set[QAction] | None = None) -> None:
    """Drop the closures a replaced window's actions and widgets hold (they refer back to the
    window, through Qt, where Python's garbage collector cannot see the cycle); not ``keep``'s."""
    keep = keep or set()
    signals = [s for a in window.findChildren(QAction) if a not in keep for s in (a.triggered, a.toggled)]
    signals += [window.speed.valueChanged, window.seed.editingFinished]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "failed to disconnect": it had none
        for signal in signals:
            with contextlib.suppress(RuntimeError, TypeError, SystemError):
                signal.disconnect()


def banner(style: str) -> QLabel:
    """The strip above the network where an error is written whole and wrapped; a click hides it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a quoted CSV cell is shown, never rendered
    label.setContentsMargins(8, 4, 8, 4)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    label.mousePressEvent = lambda _event: label.hide()  # type: ignore[method-assign]
    return label

def restore(window: MainWindow, q: QSettings) -> None:
    """The remembered digits and text scale (whatever is stored is read as a readable value), and whether
    large text folded the settings away (said again, so a learner who restarts knows where they went)."""
    window.shown_digits = stored_digits(q)
    window.settings_folded = str(q.value(FOLDED_KEY, "false")).lower() == "true"
    set_text_scale(window, stored_text_scale(q), fit_dock=False, refresh=False)  # the window draws all next
    if window.settings_folded and window.settings_dock.isHidden():
        window.show_message("notice", fold_message())


def set_text_scale(window: MainWindow, scale: float, fit_dock: bool = True, refresh: bool = True) -> None:
    """The application font at ``scale`` and every view after it; remembered unless presenting (that
    scale is the presentation's own: the normal one comes back on leaving)."""
    previous, scale = text_scale(), apply_text_scale(scale)
    if not window.presentation():
        window.qsettings().setValue(TEXT_SCALE_KEY, scale)
    if fit_dock and scale != previous:  # the settings form as wide as its larger text needs
        QTimer.singleShot(0, window, lambda: fit_settings_dock(window))
    for value, action in window.text_scale_actions.items():
        action.setChecked(abs(value - scale) < 1e-9)
    if not window.presentation():
        fold_settings_for_text(window, previous, scale)
    apply_view_options(window, refresh)


def fold_message() -> str:
    return translate("MainWindow", "The settings panel folded away to give the network room at this text "
                                   "size: View → Settings brings it back.")


def fold_settings_for_text(window: MainWindow, previous: float, scale: float) -> None:
    """Large text on a small screen: the settings dock folds away so the network keeps its room (it was
    a third of a 1024-px window at 175 %), says how to get it back (in the banner: the status bar is too
    narrow then), and unfolds when the text is smaller again; remembered across a restart. A dock the
    learner opened again stays open until the next crossing."""
    dock = window.settings_dock
    crowded = window.width() / scale < FOLD_WIDTH
    if scale >= FOLD_SCALE > previous and crowded and not dock.isHidden() and not dock.isFloating():
        dock.hide()
        window.settings_folded = True
        window.show_message("notice", fold_message())
    elif scale < FOLD_SCALE <= previous and window.settings_folded:
        dock.show()
        window.settings_folded = False
        window.status_area.withdraw(fold_message())  # (the banner goes with it: no note of a panel shown)
    window.qsettings().setValue(FOLDED_KEY, window.settings_folded)


def set_digits(window: MainWindow, value: int) -> None:
    window.shown_digits = clamp_digits(value, window.shown_digits)
    window.qsettings().setValue(DIGITS_KEY, window.shown_digits)
    apply_view_options(window)


def fit_settings_dock(window: MainWindow) -> None:
    """The settings dock as wide as its form needs at this text size, up to ``DOCK_SHARE`` of the window."""
    dock = window.settings_dock
    if dock.isVisible() and not dock.isFloating():
        style = window.style()
        wanted = window.settings_panel.sizeHint().width() + style.pixelMetric(style.PixelMetric.PM_ScrollBarExtent) + 8
        window.resizeDocks([dock], [min(wanted, int(window.width() * DOCK_SHARE))], Qt.Orientation.Horizontal)


def apply_view_options(window: MainWindow, refresh: bool = True) -> None:
    """The text scale and the digits to every view, the readout, the toolbar and the menus; ``refresh``:
    the window's numbers written again (not while it is being built, nor for a dialog just opened)."""
    scale, shown = text_scale(), window.shown_digits
    w = window
    views: list[TextView] = [w.topology, w.plot, w.decision_map, w.derivation, w.table, w.readout, w.surface]
    views += w.findChildren(RunsDock)  # the Runs panel: its plot's text, its table's digits
    views += [dialog.lab for dialog in (w.perceptron,) if dialog is not None]
    apply_to_views(views, scale, shown)
    w.predict_bar.set_digits(shown)
    if w.worksheet is not None:
        w.worksheet.set_digits(shown)
        w.worksheet.set_text_scale(scale)
    if refresh:
        w.refresh_numbers()  # the caption, the status line and the paths' labels are written at the digits
    w.settings_panel.set_text_scale(scale)  # it shows η and E exactly as set: no digits of its own
    for strip in (w.banner, w.bug_banner):
        strip.setFont(QApplication.font())  # a style sheet keeps a widget on the font it had
    for value, action in w.digits_actions.items():
        action.setChecked(value == shown)
    fit_toolbar(w, scale)
    # Again once every widget has taken the new font (Qt delivers it through the event loop).
    QTimer.singleShot(0, w, lambda: fit_toolbar(w, text_scale()))


def set_presentation(window: MainWindow, on: bool) -> None:
    if on == window.presentation():
        return
    if on:
        scale = window.presentation_state.enter(text_scale())
    else:
        normal = window.presentation_state.normal_text_scale()
        if normal is not None:  # the normal text first: the window's normal size must fit it, not 250 %'s
            apply_text_scale(normal)
        scale = window.presentation_state.leave() or text_scale()
    window.presentation_action.blockSignals(True)
    window.presentation_action.setChecked(on)
    window.presentation_action.blockSignals(False)
    window.leave_presentation_action.setEnabled(on)
    set_text_scale(window, scale, fit_dock=False)  # the dock is hidden, or back at its own width
    apply_icons(window)


FOLDED_KEY = "view/settings_folded"
# At this text size or more, a window narrower than FOLD_WIDTH × the scale folds the settings dock away.
FOLD_SCALE, FOLD_WIDTH = 1.5, 760

# The settings dock takes at most this share of the window's width; narrower, its fields go under their labels.
DOCK_SHARE = 0.3

# "What it learned" needs room (its main map MAIN_MAP_SIDE pixels, square), but the chain rule keeps
_MIN_CHAIN_RULE = 90  # px the chain-rule panel keeps while the map is shown


def fit_learned_tab(window: MainWindow, learned: bool) -> None:
    """Showing "What it learned" widens and heightens the right-hand tabs until the main map gets
    ``MAIN_MAP_SIDE`` pixels (taken from the network, the chain rule and the table, never below their
    minimum); going back to the error curve gives the learner's own splitter sizes back."""
    w = window
    splitters = (w.splitter, w.top_splitter, w.right_splitter)
    if not learned:
        if w.sizes_before_map is not None:
            for _ in range(2):  # a splitter's minimums depend on the others' sizes: the second pass settles
                for splitter, sizes in zip(splitters, w.sizes_before_map, strict=True):
                    splitter.setSizes(sizes)
            w.sizes_before_map = None
        return
    if w.sizes_before_map is None:
        w.sizes_before_map = [s.sizes() for s in splitters]
    need = (w.surface if w.right_tabs.currentWidget() is w.surface else w.decision_map).minimum_size_for(MAIN_MAP_SIDE)
    tab_bar = w.right_tabs.tabBar().sizeHint().height() + 6
    need_w, need_h = need.width() + 8, need.height() + tab_bar
    top, table = w.splitter.sizes()
    if top < need_h + _MIN_CHAIN_RULE:
        grow = min(need_h + _MIN_CHAIN_RULE - top, max(0, table - w.table.minimumSizeHint().height()))
        w.splitter.setSizes([top + grow, table - grow])
    network, right = w.top_splitter.sizes()
    if right < need_w:
        # The network keeps what it needs to be drawn whole at its least zoom (else it would scroll).
        scene = w.topology.sceneRect()
        whole = round(scene.width() * w.topology.min_fit_scale()) + 2 * w.topology.frameWidth() + 4
        floor = max(w.topology.minimumWidth(), whole)
        grow = min(need_w - right, max(0, network - floor))
        w.top_splitter.setSizes([network - grow, right + grow])
    tabs, chain = w.right_splitter.sizes()
    total = tabs + chain
    if tabs < need_h:
        tabs = min(need_h, max(0, total - _MIN_CHAIN_RULE))
        w.right_splitter.setSizes([tabs, total - tabs])
