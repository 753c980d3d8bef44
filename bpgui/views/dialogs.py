"""The main window's dialogs: the perceptron lab, a picture's size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from ..model.text import fill
from .perceptron_lab import PerceptronLab


class PerceptronDialog(QDialog):
    """One M-P neuron on AND/OR/NOT/XOR, beside the main window."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lab = PerceptronLab()
        QVBoxLayout(self).addWidget(self.lab)
        self.resize(820, 540)


#: Export sizes offered first (full HD, HD, 4K), in pixels.
EXPORT_PRESETS = ((1920, 1080), (1280, 720), (3840, 2160))
#: The largest picture side accepted (16 × 4K's width would be hundreds of megabytes).
MAX_EXPORT_SIDE = 8192
MIN_EXPORT_SIDE = 16


def clamp_export_size(width: object, height: object) -> QSize | None:
    """A picture size within MIN–MAX_EXPORT_SIDE on both sides, or None when either is no whole number."""
    try:
        w, h = int(str(width).strip()), int(str(height).strip())
    except (TypeError, ValueError):
        return None
    if not (MIN_EXPORT_SIDE <= w <= MAX_EXPORT_SIDE and MIN_EXPORT_SIDE <= h <= MAX_EXPORT_SIDE):
        return None
    return QSize(w, h)


class ExportSizeDialog(QDialog):
    """The pixel size of a picture to export: a preset, the view's size on screen, or any W × H."""

    def __init__(self, current: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture size"))
        self.choice = QComboBox()
        self.choice.setObjectName("export_size_choice")
        self._sizes: list[QSize | None] = []
        for w, h in EXPORT_PRESETS:
            self.choice.addItem(fill(self.tr("%1 × %2"), w, h))
            self._sizes.append(QSize(w, h))
        shown = clamp_export_size(current.width(), current.height()) or QSize(1920, 1080)
        self.choice.addItem(fill(self.tr("As shown (%1 × %2)"), shown.width(), shown.height()))
        self._sizes.append(shown)
        self.choice.addItem(self.tr("Other size"))
        self._sizes.append(None)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, value in ((self.width_box, shown.width()), (self.height_box, shown.height())):
            box.setRange(MIN_EXPORT_SIDE, MAX_EXPORT_SIDE)
            box.setValue(value)
            box.setSuffix(self.tr(" px"))
        form = QFormLayout(self)
        form.addRow(self.tr("Size"), self.choice)
        form.addRow(self.tr("Width"), self.width_box)
        form.addRow(self.tr("Height"), self.height_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.choice.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed(0)

    def _on_choice_changed(self, index: int) -> None:
        size = self._sizes[index]
        custom = size is None
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if size is not None:
            self.width_box.setValue(size.width())
            self.height_box.setValue(size.height())

    def chosen_size(self) -> QSize:
        """The size chosen (always within the limits: the spin boxes allow nothing else)."""
        return QSize(self.width_box.value(), self.height_box.value())


def ask_export_size(current: QSize, parent: QWidget | None = None) -> QSize | None:
    """The learner's choice of picture size (None: cancelled)."""
    dialog = ExportSizeDialog(current, parent)
    return dialog.chosen_size() if dialog.exec() == QDialog.DialogCode.Accepted else None
