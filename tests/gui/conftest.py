"""Fixtures shared by the GUI tests: a throwaway QSettings, a shown main window, a controller,
the language put back to English, and a ``user`` who types, clicks and picks like a learner."""

from __future__ import annotations

import os

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from bpgui.controller import TrainingController
from bpgui.views.language import install_language


def _close_if_alive(widget: QWidget) -> None:
    """Close the window and delete it now: closed windows left alive made every later test's garbage
    collections walk their plots' objects (the suite slowed as it went)."""
    if shiboken6.isValid(widget):
        widget.close()
        widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _idle(controller: TrainingController) -> None:
    """Pause Run and let the worker finish, so nothing runs into the next test."""
    controller.pause()
    controller.cancel_job()
    controller.wait_for_jobs()


@pytest.fixture(autouse=True)
def _every_window_deleted(monkeypatch):
    """Every main window a test made (itself, by a fixture or by a language switch) is closed and deleted
    when the test ends, so no test inherits another's windows."""
    from bpgui.views.main_window import MainWindow

    made: list[QWidget] = []
    init = MainWindow.__init__

    def tracked(self, *args, **kwargs):
        init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(MainWindow, "__init__", tracked)
    yield
    for window in made:
        _close_if_alive(window)


@pytest.fixture(scope="session")
def cjk_font(qapp) -> str:
    """Noto Sans CJK SC, the Chinese UI's font: a system font (Debian's fonts-noto-cjk), so a test that draws
    with it is skipped, saying so, where it is not installed; it fails instead under ``BPGUI_TESTS_NEED_CJK=1``
    (.ci/run, which installs the font)."""
    family = "Noto Sans CJK SC"
    if family not in QFontDatabase.families():
        missing = f"{family} is not installed (Debian: apt install fonts-noto-cjk)"
        if os.environ.get("BPGUI_TESTS_NEED_CJK") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    return family


@pytest.fixture()
def qsettings(tmp_path):
    """The window's preferences in an INI file of this test only."""
    return QSettings(str(tmp_path / "bpgui.ini"), QSettings.Format.IniFormat)


@pytest.fixture()
def no_dialogs(monkeypatch):
    """Error messages go to the status bar only: a modal box would block the test."""
    monkeypatch.setenv("BPGUI_NO_DIALOGS", "1")


@pytest.fixture()
def window(qtbot, qsettings, no_dialogs):
    """The main window on its default demo (XOR, 2-2-1), shown."""
    from bpgui.views.main_window import MainWindow

    w = MainWindow(qsettings=qsettings)
    controller = w.controller
    w.show()
    yield w
    _idle(controller)
    _close_if_alive(w)  # a language switch deletes the window it replaces


@pytest.fixture()
def controller(qtbot):
    """A controller on the default settings, without a window."""
    c = TrainingController()
    yield c
    _idle(c)


@pytest.fixture()
def english_afterwards():
    """Whatever language a test switches to, the next test starts in English."""
    yield
    install_language(QApplication.instance(), "en")


@pytest.fixture()
def switch_language(qtbot, english_afterwards):
    """``switch_language(window, "zh_CN")`` picks the language from the Language menu and returns
    the window now shown (the window is rebuilt around the same controller)."""

    def switch(window, choice: str):
        # The windows the switch opened, from the list it keeps them in: QApplication.topLevelWidgets() wraps
        # every top-level widget Qt has, its internal popups and tooltips too, and crashed in
        # PySide's getWrapperForQObject → QObject::property on one of them (gdb, twice in full runs).
        from bpgui.views import main_window

        before = list(main_window._OPEN_WINDOWS)
        window.language_actions[choice].trigger()
        new = [w for w in main_window._OPEN_WINDOWS if w not in before and w.isVisible()]
        assert len(new) == 1, "the language switch shows exactly one new window"
        assert not window.isVisible()
        shown.append(new[0])
        return new[0]

    shown: list[QWidget] = []
    yield switch
    for w in shown:
        _close_if_alive(w)


def _table_column(window, column: int) -> np.ndarray:
    """One column of the window's gradient table as raw numbers, in canonical parameter order."""
    model = window.table.source_model()
    return np.array([model.data(model.index(r, column), Qt.ItemDataRole.UserRole) for r in range(model.rowCount())],
                    dtype=float)


@pytest.fixture()
def table_column():
    """``table_column(window, column)``: one column of the gradient table as raw numbers."""
    return _table_column


class User:
    """What a learner does with the keyboard and the mouse (real key and mouse events)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def click(self, widget: QWidget) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName() or widget} cannot be clicked"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type_into(self, edit: QLineEdit, text: str) -> None:
        """Select what the field holds, type ``text`` over it and press Return."""
        self.qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if text:
            self.qtbot.keyClicks(edit, text)
        else:
            self.qtbot.keyClick(edit, Qt.Key.Key_Delete)
        assert edit.text() == text
        self.qtbot.keyClick(edit, Qt.Key.Key_Return)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Pick the entry ``text`` by typing it on the closed combo box (type-ahead, as on a
        focused box): each jump to a matching entry emits ``activated``, as a choice from the
        popup does. Typing stops at a space (a space opens the popup). Qt forgets what was typed
        after ``keyboardInputInterval`` (400 ms); on a loaded machine two key clicks can lie further
        apart than that, so the test types as a quick typist does, whatever the load."""
        assert combo.findText(text) >= 0, f"{text!r} is not offered"
        interval = QApplication.keyboardInputInterval()
        QApplication.setKeyboardInputInterval(60_000)
        try:
            self.qtbot.keyClicks(combo, text.split(" ")[0])
        finally:
            QApplication.setKeyboardInputInterval(interval)
        assert combo.currentText() == text


@pytest.fixture()
def user(qtbot):
    return User(qtbot)


@pytest.fixture()
def show(qtbot):
    """``show(widget, width, height)``: the widget owned by the test, at that size, shown and exposed."""

    def shown(widget, width: int, height: int):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown


@pytest.fixture()
def topology_view(qtbot):
    """A network view alone, about the size the window gives it at 1280×800, shown."""
    from bpgui.views.topology import TopologyView

    v = TopologyView()
    qtbot.addWidget(v)
    v.resize(566, 414)
    v.show()
    return v


def shown_xor_map(qtbot, hidden: int, width: int, height: int):
    """The decision map alone, ``width`` × ``height``, showing a 2-``hidden``-1 network (seed 2) on XOR."""
    from bpgui.model.datasets import load_builtin
    from bpgui.model.network import Network
    from bpgui.model.plane_map import surface_if_planar
    from bpgui.views.decision_map import DecisionMapView

    widget = DecisionMapView()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    data = load_builtin("xor")
    widget.set_data(data)
    widget.show_surface(surface_if_planar(Network.initialise((2, hidden, 1), seed=2), data))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture()
def xor_map_view(qtbot):
    """The decision map alone, showing a 2-3-1 network (seed 2) on XOR, shown."""
    return shown_xor_map(qtbot, 3, 760, 480)


@pytest.fixture()
def make_xor_map(qtbot):
    """``make_xor_map(hidden, width, height)``: a decision map as ``xor_map_view``, of another size."""
    return lambda hidden, width, height: shown_xor_map(qtbot, hidden, width, height)


def _drawn_labels(axis):
    """The tick labels a pyqtgraph ``axis`` draws now, as (rectangle, text): its drawing specs, painted
    with its tick font."""
    from PySide6.QtGui import QFont, QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(QFont(axis.style["tickFont"] or axis.font()))
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [] if specs is None else [(rect, text) for rect, _flags, text in specs[2]]


@pytest.fixture()
def drawn_labels():
    """``drawn_labels(axis)``: the tick labels a plot axis draws now, as (rectangle, text)."""
    return _drawn_labels
