"""A dock's title bar that follows the text size.

Qt draws a dock's own title in the platform theme's title font, fixed when the application starts, so at
175 % text the "Settings" title stayed at 9 pt. This bar is a label (which follows the application font)
with the dock's float and close buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget


class DockTitle(QWidget):
    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        self._dock = dock
        self.label = QLabel(dock.windowTitle())
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.label, 1)
        style = self.style()
        self.float_button = QToolButton(self)
        self.float_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarNormalButton))
        self.float_button.setToolTip(QCoreApplication.translate("MainWindow", "Float or dock the settings"))
        self.float_button.setAutoRaise(True)
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = QToolButton(self)
        self.close_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip(QCoreApplication.translate("MainWindow", "Hide the settings"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(dock.close)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        dock.windowTitleChanged.connect(self.label.setText)
