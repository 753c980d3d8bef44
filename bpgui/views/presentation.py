"""Presentation mode: what the main window shows a class, and how it comes back exactly as it was.

:class:`ReadoutBar` is t, E_k and E in type at least twice the application's,
from the same status snapshot the status line reads. :class:`Presentation`
remembers everything presentation mode changes (window state and geometry,
docks and toolbars, the splitters, which panels were shown, the text scale,
the palette) and puts it back on leaving. High contrast is a palette of pure
black text on white, with a dark blue selection: no grey panels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QGridLayout, QLabel, QWidget

from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.text import fill
from .text_scale import MAX_TEXT_SCALE, PRESENTATION_TEXT_SCALE, clamp_text_scale
from .topology import MAX_FIT_SCALE

if TYPE_CHECKING:
    from ..model.records import IterationRecord
    from .main_window import MainWindow

translate = QCoreApplication.translate

#: The readout's type, as a multiple of the application font.
READOUT_FACTOR = 2.2


def presentation_text_scale(normal: float) -> float:
    """The text scale while presenting: the normal one, but never under PRESENTATION_TEXT_SCALE."""
    return clamp_text_scale(max(normal, PRESENTATION_TEXT_SCALE))


def high_contrast_palette() -> QPalette:
    """Pure black text on white everywhere (windows, panels, fields, buttons), a dark blue selection."""
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#ffffff")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
                 QPalette.ColorRole.Button, QPalette.ColorRole.ToolTipBase, QPalette.ColorRole.Light,
                 QPalette.ColorRole.Midlight):
        palette.setColor(role, white)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText, QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Dark,
                 QPalette.ColorRole.Shadow, QPalette.ColorRole.Mid):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#003a8c"))
    palette.setColor(QPalette.ColorRole.HighlightedText, white)
    palette.setColor(QPalette.ColorRole.Link, QColor("#003a8c"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#555555"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#555555"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#555555"))
    return palette


class ReadoutBar(QWidget):
    """t, E_k and E of the iteration shown, large enough for the last row of a classroom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readout_bar")
        self._digits = DEFAULT_DIGITS
        self._scale = 1.0
        self._shown: tuple[Any, ...] | None = None
        self._written = True  # the labels say what _shown holds
        self.t_label, self.error_k_label, self.error_label = QLabel(), QLabel(), QLabel()
        # A grid: the three parts in one row where they fit, else flowing onto as many rows as they need.
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(12, 4, 12, 4)
        self._layout.setHorizontalSpacing(36)
        self._layout.setVerticalSpacing(0)
        self._rows: list[int] = []
        for label in (self.t_label, self.error_k_label, self.error_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._update_fonts()

    # ---- what it shows -------------------------------------------------------------------------
    def show_status(self, st: dict[str, Any], mode: str, phases: IterationRecord | None = None,
                    error_known: bool = False) -> None:
        """The controller's ``status()`` (and the phases' record, as the status line takes them). Hidden (not
        presenting), the bar only keeps them: it writes them when shown or asked (Run calls this per frame)."""
        self._shown = (dict(st), mode, phases, error_known)
        self._written = False
        if not self.isHidden():
            self._write()

    def _write(self) -> None:
        if self._shown is None or self._written:
            return
        self._written = True
        st, mode, phases, error_known = self._shown
        t = int(st["iteration"])
        error_k = st.get("error_k")
        batch = st.get("batch")
        if phases is not None:
            error_k = phases.error if error_known else None
            batch = phases.batch_size
        if mode == "accumulated":
            name = translate("MainWindow", "E of the pass")
        elif batch not in (None, 1):
            name = translate("MainWindow", "batch E")
        else:
            name = "Eₖ"  # Eₖ: a subscript k, not the status bar's typed E_k
        self.t_label.setText(fill(translate("MainWindow", "t = %1"), t))
        shown_k = "—" if error_k is None else format_number(float(error_k), self._digits)
        self.error_k_label.setText(f"{name} = {shown_k}")
        self.error_label.setText(fill(translate("MainWindow", "E = %1"),
                                      format_number(float(st["error"]), self._digits)))
        self.error_label.setToolTip(fill(translate("MainWindow", "E at the end of epoch %1"), st["epoch"]))
        self._arrange()

    def texts(self) -> tuple[str, str, str]:
        """What the three parts say now (for tests and the screenshot)."""
        self._write()
        return self.t_label.text(), self.error_k_label.text(), self.error_label.text()

    def set_digits(self, digits: int) -> None:
        self._digits = int(digits)
        if self._shown is not None:
            self.show_status(*self._shown)

    def showEvent(self, event) -> None:
        self._write()  # what it kept while hidden
        super().showEvent(event)

    def set_text_scale(self, scale: float) -> None:
        """The readout follows the application font (already scaled): at least twice its size."""
        self._scale = scale
        self._update_fonts()

    def point_size(self) -> float:
        return self.t_label.font().pointSizeF()

    def minimumSizeHint(self) -> QSize:
        # Never wider than the network below it asks for: too narrow for one row, the parts stand in a column.
        self._write()
        return QSize(120, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        rows: list[int] = []
        used = 0
        for label in (self.t_label, self.error_k_label, self.error_label):
            width = label.sizeHint().width()
            if rows and used + self._layout.horizontalSpacing() + width <= room:
                used += self._layout.horizontalSpacing() + width
                rows.append(rows[-1])
            else:
                used = width
                rows.append(rows[-1] + 1 if rows else 0)
        if rows == self._rows:
            return
        self._rows = rows
        labels = (self.t_label, self.error_k_label, self.error_label)
        for label in labels:
            self._layout.removeWidget(label)
        column = 0
        for n, (label, row) in enumerate(zip(labels, rows)):
            column = 0 if n == 0 or rows[n - 1] != row else column + 1
            self._layout.addWidget(label, row, column)
        self._layout.setColumnStretch(3, 1)

    def row_count(self) -> int:
        """How many rows the three parts take (1 where the window is wide enough)."""
        self._write()
        return (self._rows[-1] + 1) if self._rows else 1

    def _update_fonts(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * READOUT_FACTOR)
        font.setBold(True)
        for label in (self.t_label, self.error_k_label, self.error_label):
            label.setFont(font)
        self._arrange()


@dataclass
class _Saved:
    state: Qt.WindowState
    geometry: QRect
    docks: QByteArray
    splitters: list[QByteArray]
    table_visible: bool
    tab: int
    text_scale: float
    palette: QPalette | None  # None: the window had no palette of its own
    sizes_before_map: list[list[int]] | None  # the learner's splitters while "What it learned" had taken room


class Presentation:
    """Turns the main window's presentation mode on and off, restoring the normal view exactly."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._saved: _Saved | None = None

    def active(self) -> bool:
        return self._saved is not None

    def normal_text_scale(self) -> float | None:
        """The text scale to come back to (None when not presenting)."""
        return None if self._saved is None else self._saved.text_scale

    def enter(self, text_scale: float) -> float:
        """Full screen, high contrast, the class's layout; returns the text scale to use while presenting."""
        w = self._window
        if self._saved is not None:
            return text_scale
        own_palette = w.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
        self._saved = _Saved(
            state=w.windowState(), geometry=w.geometry(), docks=w.saveState(),
            splitters=[s.saveState() for s in w.splitters()], table_visible=w.table.isVisibleTo(w),
            tab=w.right_tabs.currentIndex(), text_scale=text_scale,
            palette=QPalette(w.palette()) if own_palette else None, sizes_before_map=w.sizes_before_map)
        for dock in w.findChildren(QDockWidget):  # the settings, and the lesson and the runs tabbed with them
            dock.hide()
        w.table.hide()
        w.right_tabs.setCurrentWidget(w.plot)
        for action in (w.seed_separator, *w.seed_widgets):
            action.setVisible(False)
        w.setPalette(high_contrast_palette())
        w.readout.show()
        w.topology.max_fit_scale = float("inf")  # the network fills the room it has
        w.showFullScreen()
        return presentation_text_scale(text_scale)

    def leave(self) -> float | None:
        """Everything as it was; returns the text scale to go back to (None when not presenting)."""
        saved, self._saved = self._saved, None
        if saved is None:
            return None
        w = self._window
        w.readout.hide()
        w.topology.max_fit_scale = MAX_FIT_SCALE
        for action in (w.seed_separator, *w.seed_widgets):
            action.setVisible(True)
        w.setPalette(saved.palette if saved.palette is not None else QPalette())
        if saved.palette is None:
            w.setAttribute(Qt.WidgetAttribute.WA_SetPalette, False)
        w.setWindowState(saved.state)
        if not saved.state & (Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized):
            w.setGeometry(saved.geometry)  # as it was, even where it did not fit the screen
        w.restoreState(saved.docks)
        w.table.setVisible(saved.table_visible)
        self._restore_splitters(saved.splitters)
        # Again once the window has its normal size back (the window system reports it through the event
        # loop, and a splitter shares out a change of size by its stretch factors).
        QTimer.singleShot(0, w, lambda: self._restore_splitters(saved.splitters))
        w.sizes_before_map = saved.sizes_before_map  # before the tab comes back: it must not take these as new
        w.right_tabs.setCurrentIndex(saved.tab)
        return min(saved.text_scale, MAX_TEXT_SCALE)

    def _restore_splitters(self, states: list[QByteArray]) -> None:
        if self._saved is None:  # not presenting again meanwhile
            for splitter, state in zip(self._window.splitters(), states):
                splitter.restoreState(state)
