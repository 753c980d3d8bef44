"""The caption above the network: the phase's formula with its sample, wrapped, and scrolled on purpose
when a long phase caption at large text would need more than its share of the window.

The area is exactly as high as the wrapped text needs, up to ``MAX_SHARE`` of the window's height; past
that, a vertical scroll bar appears instead of the text being cut (a 1024×768 window at 175 % in
Chinese needs this for the update phase).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

MAX_SHARE = 0.22  # of the window's height


class CaptionArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setContentsMargins(6, 2, 6, 2)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label.installEventFilter(self)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self._fit()

    def text(self) -> str:
        return self.label.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.viewport().width()
        if width <= 0:
            return
        needed = self.label.heightForWidth(width)
        window = self.window()
        cap = max(2 * self.label.fontMetrics().lineSpacing() + 4, int(window.height() * MAX_SHARE))
        height = min(max(needed, 0), cap)
        if height != self.height():
            self.setFixedHeight(height)
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if needed > cap else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setVerticalScrollBarPolicy(policy)
