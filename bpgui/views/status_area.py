"""The main window's status bar: messages on the left, slow work in the middle, the figures of t on the right.

Messages (why Run stopped, what a change reset, what was refused) stay
readable for a while; a job running in the worker shows what it is, how far
it has got and a Cancel button; the figures of iteration t are always there.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QStyle, QToolButton

MESSAGE_MS = 15_000
STATUS_MIN_WIDTH = 80  # px: large text on a narrow window ends the figures in "…" rather than hide them
# The figures' label is given a fixed size, its text's width rounded up to a multiple of this many px: a new t or E
# of the same number of digits then changes no size, and Qt lays out no status bar at every step.
WIDTH_STEP = 12


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it literally: a message may quote a CSV cell (``<img src=…>``)
    that Qt would otherwise guess to be rich text and render; text that cannot be mistaken stays as it is."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


class StatusArea(QObject):
    cancel_requested = Signal()
    message_expired = Signal()  # the message has been shown for MESSAGE_MS

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.message_label = QLabel()
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setMinimumWidth(40)
        self.status_label = QLabel()
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Large text on a narrow window: the figures end in "…" (whole in the tooltip) rather than run off.
        self.status_label.setMinimumWidth(STATUS_MIN_WIDTH)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._status = ""
        self.job_label = QLabel()
        self.job_bar = QProgressBar()
        self.job_bar.setMaximumWidth(160)
        self.job_bar.setTextVisible(False)
        self.job_cancel = QToolButton()
        self.job_cancel.setText(QCoreApplication.translate("MainWindow", "Cancel"))
        self.job_cancel.setToolTip(QCoreApplication.translate(
            "MainWindow", "Stop the slow work and change nothing; a file being saved is always finished"))
        self.job_cancel.setAutoRaise(True)
        self.job_cancel.clicked.connect(self.cancel_requested)
        # As tall as a line of status text, so the bar keeps its height when they appear.
        line = self.status_label.sizeHint().height()
        self.job_bar.setMaximumHeight(line)
        self.job_cancel.setMaximumHeight(line + 2)
        bar.addWidget(self.message_label, 1)
        for widget in self._job_widgets():
            bar.addPermanentWidget(widget)
            widget.hide()
        bar.addPermanentWidget(self.status_label)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message: tuple[str, str] | None = None
        self.message_label.installEventFilter(self)
        self.status_label.installEventFilter(self)
        self._bar = bar
        bar.installEventFilter(self)
        self._message_timer.timeout.connect(self._clear_message)
        self._message_timer.timeout.connect(self.message_expired)

    def _job_widgets(self) -> tuple[QLabel, QProgressBar, QToolButton]:
        return self.job_label, self.job_bar, self.job_cancel

    def show_message(self, level: str, text: str) -> None:
        """A message on the left; too long for the space, it ends in "…" (whole in its tooltip)."""
        self._message = (level, text)
        self.message_label.setToolTip(plain_tooltip(text))
        self._update_message()
        self._message_timer.start()

    def _update_message(self) -> None:
        if self._message is None:
            return
        level, text = self._message
        colour = "#b00020" if level == "error" else "#1a4d8f"
        width = max(self.message_label.width() - 4, 40)
        shown = self.message_label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
        self.message_label.setText(f"<span style='color:{colour}'>{html.escape(shown)}</span>")

    def message_text(self) -> str:
        """The whole message shown now ("" when none)."""
        return "" if self._message is None else self._message[1]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            if watched is self.message_label:
                self._update_message()
            elif watched in (self.status_label, self._bar):
                self._update_status()
        return False

    def withdraw(self, text: str) -> None:
        """Take back the message ``text`` if it is the one shown (what it said no longer holds), as if it expired."""
        if self._message is not None and self._message[1] == text:
            self._message_timer.stop()
            self._clear_message()
            self.message_expired.emit()

    def _clear_message(self) -> None:
        self._message = None
        self.message_label.clear()
        self.message_label.setToolTip("")

    def show_status(self, text: str) -> None:
        """The figures of t on the right; what the bar has no room for ends in "…" (whole in the tooltip)."""
        self._status = text
        self._update_status()

    def status_text(self) -> str:
        """The whole status line (the label may show it shortened)."""
        return self._status

    def _update_status(self) -> None:
        label, text = self.status_label, self._status
        metrics = label.fontMetrics()
        bar = self._bar
        # Room: the bar's width less what the message needs at least (and the job's widgets, when shown).
        room = text_width = metrics.horizontalAdvance(text) + 8
        if bar is not None and bar.width() > 0:
            others = self.message_label.minimumWidth() + 40 + sum(
                w.sizeHint().width() for w in self._job_widgets() if w.isVisible())
            if bar.isSizeGripEnabled():  # the grip in the corner takes its share of the bar too
                others += bar.style().pixelMetric(QStyle.PixelMetric.PM_SizeGripSize) + 8
            room = max(STATUS_MIN_WIDTH, bar.width() - others)
        shown = text if text_width <= room else metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 8)
        label.setText(shown)
        # The text's own size, as QLabel works it out (a fallback font's glyphs, Chinese, included); not
        # label.sizeHint(), which a fixed size holds at least as large as itself.
        hint = metrics.boundingRect(QRect(0, 0, 1 << 20, 1 << 12), int(Qt.AlignmentFlag.AlignLeft), shown).size()
        width = -(-(hint.width() + 8) // WIDTH_STEP) * WIDTH_STEP
        width = max(STATUS_MIN_WIDTH, min(max(room, STATUS_MIN_WIDTH), width))
        if (label.minimumWidth(), label.maximumWidth(), label.minimumHeight(), label.maximumHeight()) != (
                width, width, hint.height(), hint.height()):
            label.setFixedSize(width, hint.height())  # a new size is a layout; the same size, none
        label.setToolTip("" if shown == text else plain_tooltip(text))

    def job_started(self, title: str, cancellable: bool = True) -> None:
        """Slow work shown: its title, a bar, and Cancel unless nothing of it can be cancelled (a file being
        written is never stopped: a save the learner asked for)."""
        self.job_label.setText(title)
        self.job_bar.setRange(0, 0)  # busy until the first progress report
        for widget in self._job_widgets():
            widget.setVisible(widget is not self.job_cancel or cancellable)
        self._update_status()  # less room for the figures now: they end in "…" rather than run off the bar

    def job_progress(self, done: int, total: int) -> None:
        self.job_bar.setRange(0, max(1, total))
        self.job_bar.setValue(min(done, total))

    def job_finished(self) -> None:
        for widget in self._job_widgets():
            widget.hide()
        self._update_status()  # the room back
