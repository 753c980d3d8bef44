"""The settings panel: data, structure, training mode, η, stop conditions.

It shows the controller's settings and sends the learner's changes as a dict
(``changes_requested``); it never validates numbers itself beyond parsing, so
every refusal comes from the model with its own message, and the panel then
falls back to the settings in force.

Its widgets follow the application font (the app's text scale). Where the
panel is too narrow for every label beside its field (large text in a narrow
dock), every field moves under its label rather than anything being cut.
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..controller import Settings, localized
from ..model.datasets import BUILTIN_NAMES
from ..model.errors import ConfigError
from ..model.network import parse_hidden_sizes
from ..model.numbers import exact_number
from ..model.text import fill
from ..session.data_notes import BUILTIN_DISPLAY_NAMES, DATA_SETS_CONTEXT
from .gradient_table_columns import parse_number
from .text_scale import clamp_text_scale

ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "linear")


class SettingsPanel(QWidget):
    changes_requested = Signal(dict)
    import_requested = Signal()
    invalid_input = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = Settings()
        self._text_scale = 1.0
        form = self._form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.data = QComboBox()
        for name in BUILTIN_NAMES:
            self.data.addItem(QCoreApplication.translate(DATA_SETS_CONTEXT, BUILTIN_DISPLAY_NAMES[name]), name)
        self.data.setToolTip(self.tr("A built-in data set, or a CSV file you imported"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        form.addRow(self.tr("Data set"), self.data)
        form.addRow("", self.import_button)

        self.label_type = QComboBox()
        self.label_type.addItem(self.tr("automatic"), "auto")
        self.label_type.addItem(self.tr("classes"), "classes")
        self.label_type.addItem(self.tr("number"), "number")
        self.label_type.setToolTip(self.tr("How a CSV file's label column is read: automatic takes whole numbers "
                                           "with at most 20 distinct values as classes"))
        form.addRow(self.tr("Labels"), self.label_type)

        self.test_fraction = QDoubleSpinBox()
        self.test_fraction.setRange(0.0, 0.9)
        self.test_fraction.setSingleStep(0.05)
        self.test_fraction.setDecimals(2)
        self.test_fraction.setToolTip(self.tr("Fraction of the samples held out as a test set (0: none)"))
        form.addRow(self.tr("Test split"), self.test_fraction)

        self.hidden = QLineEdit()
        self.hidden.setToolTip(self.tr("Hidden layer sizes: 4 for one layer, 8,4 for two; empty for none"))
        form.addRow(self.tr("Hidden layers"), self.hidden)

        self.activation = QComboBox()
        for name, text in zip(ACTIVATION_NAMES, (self.tr("sigmoid"), self.tr("tanh"), self.tr("ReLU"),
                                                  self.tr("linear"))):
            self.activation.addItem(text, name)
        form.addRow(self.tr("Activation"), self.activation)

        self.loss = QComboBox()
        self.loss.addItem(self.tr("squared error"), "squared_error")
        self.loss.setToolTip(self.tr("squared error: Eₖ = ½ Σ_j (y_j − ŷ_j)², the note's\n"
                                     "cross-entropy: for sigmoid outputs"))
        self.loss.addItem(self.tr("cross-entropy"), "cross_entropy")
        form.addRow(self.tr("Loss"), self.loss)

        self.mode = QComboBox()
        self.mode.addItem(self.tr("standard BP"), "standard")
        self.mode.addItem(self.tr("accumulated BP"), "accumulated")
        self.mode.addItem(self.tr("mini-batch"), "minibatch")
        self.mode.setToolTip(self.tr("standard BP: update after every sample (the note's rule)\n"
                                     "accumulated BP: one update per pass, on E = (1/m) Σ Eₖ\n"
                                     "mini-batch: one update per B samples"))
        form.addRow(self.tr("Mode"), self.mode)

        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 1_000_000)
        form.addRow(self.tr("Batch size B"), self.batch_size)

        self.learning_rate = QLineEdit()
        self.learning_rate.setToolTip(self.tr("The learning rate η; it applies from the next iteration"))
        form.addRow(self.tr("Learning rate η"), self.learning_rate)

        self.shuffle = QCheckBox(self.tr("Shuffle every epoch"))
        form.addRow("", self.shuffle)

        self.init = QComboBox()
        self.init.addItem(self.tr("uniform"), "uniform")
        self.init.addItem(self.tr("Xavier/Glorot"), "xavier")
        form.addRow(self.tr("Initialisation"), self.init)

        self.target_error = QLineEdit()
        self.target_error.setPlaceholderText(self.tr("none"))
        self.target_error.setToolTip(self.tr("Run stops once the epoch error E reaches this"))
        form.addRow(self.tr("Stop at E ≤"), self.target_error)

        self.max_epochs = QSpinBox()
        self.max_epochs.setRange(0, 100_000_000)
        self.max_epochs.setSpecialValueText(self.tr("no limit"))
        form.addRow(self.tr("Max epochs"), self.max_epochs)

        self.data.activated.connect(self._on_data_activated)
        self.label_type.activated.connect(lambda: self._request(label_type=self.label_type.currentData()))
        self.import_button.clicked.connect(self.import_requested)
        self.test_fraction.editingFinished.connect(
            lambda: self._request(test_fraction=round(self.test_fraction.value(), 4)))
        self.hidden.editingFinished.connect(self._on_hidden_edited)
        self.activation.activated.connect(lambda: self._request(activation=self.activation.currentData()))
        self.loss.activated.connect(lambda: self._request(loss=self.loss.currentData()))
        self.mode.activated.connect(lambda: self._request(mode=self.mode.currentData()))
        self.batch_size.editingFinished.connect(lambda: self._request(batch_size=self.batch_size.value()))
        self.learning_rate.editingFinished.connect(self._on_learning_rate_edited)
        self.shuffle.toggled.connect(lambda on: self._request(shuffle=on))
        self.init.activated.connect(lambda: self._request(init=self.init.currentData()))
        self.target_error.editingFinished.connect(self._on_target_error_edited)
        for combo in (self.data, self.label_type, self.activation, self.loss, self.mode, self.init):
            # Long entries (a CSV's name, "accumulated BP (whole pass)") must
            # not widen the dock: the combo shrinks and the popup shows them whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.max_epochs.editingFinished.connect(
            lambda: self._request(max_epochs=self.max_epochs.value() or None))

    # ---- showing ------------------------------------------------------------------
    def show_settings(self, settings: Settings) -> None:
        """Make every field show ``settings`` (no signals are sent)."""
        self._settings = settings
        widgets = (self.data, self.label_type, self.test_fraction, self.hidden, self.activation, self.loss,
                   self.mode, self.batch_size, self.learning_rate, self.shuffle, self.init, self.target_error,
                   self.max_epochs)
        for w in widgets:
            w.blockSignals(True)
        try:
            index = self.data.findData(settings.data)
            if index < 0:
                self.data.addItem(os.path.basename(settings.data), settings.data)
                index = self.data.count() - 1
                self.data.setItemData(index, settings.data, Qt.ItemDataRole.ToolTipRole)
            self.data.setCurrentIndex(index)
            self.label_type.setCurrentIndex(max(0, self.label_type.findData(settings.label_type)))
            self.test_fraction.setValue(settings.test_fraction)
            self.hidden.setText(",".join(map(str, settings.hidden)))
            self.activation.setCurrentIndex(self.activation.findData(settings.activation))
            self.loss.setCurrentIndex(self.loss.findData(settings.loss))
            self.mode.setCurrentIndex(self.mode.findData(settings.mode))
            self.batch_size.setValue(settings.batch_size)
            self.batch_size.setEnabled(settings.mode == "minibatch")
            self.learning_rate.setText(exact_number(settings.learning_rate))  # as set, in the screen's format
            self.shuffle.setChecked(settings.shuffle)
            self.init.setCurrentIndex(self.init.findData(settings.init))
            self.target_error.setText("" if settings.target_error is None else exact_number(settings.target_error))
            self.max_epochs.setValue(settings.max_epochs or 0)
        finally:
            for w in widgets:
                w.blockSignals(False)

    # ---- text size ------------------------------------------------------------------
    def text_scale(self) -> float:
        return self._text_scale

    def set_text_scale(self, scale: float) -> None:
        """Follow the app's text scale: the widgets take the application font; the form is laid out again."""
        self._text_scale = clamp_text_scale(scale)
        # Qt posts the application font's change: take it now, so the sizes are measured in it.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        self._fit_rows(self.width())
        self._form.invalidate()
        self.updateGeometry()

    def _column_widths(self) -> tuple[int, int]:
        """The widest label (whole) and the widest field's minimum."""
        form = self._form
        labels, fields = [0], [0]
        for row in range(form.rowCount()):
            for role, widths in ((QFormLayout.ItemRole.LabelRole, labels), (QFormLayout.ItemRole.FieldRole, fields)):
                item = form.itemAt(row, role)
                widget = None if item is None else item.widget()
                if widget is not None and not widget.isHidden():
                    widths.append(widget.sizeHint().width() if widths is labels else widget.minimumSizeHint().width())
        return max(labels), max(fields)

    def side_by_side_width(self) -> int:
        """The narrowest width with every label beside its field (narrower: every field under its label)."""
        label, field = self._column_widths()
        margins = self._form.contentsMargins()
        return label + max(0, self._form.horizontalSpacing()) + field + margins.left() + margins.right()

    def sizeHint(self) -> QSize:
        """Wide enough for every label beside its field (the dock asks for this)."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.side_by_side_width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the fields under their labels (the height is the rows' as they are now laid out)."""
        margins = self._form.contentsMargins()
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), max(self._column_widths()) + margins.left() + margins.right()), hint.height())

    def _fit_rows(self, width: int) -> None:
        wide = width >= self.side_by_side_width()
        policy = QFormLayout.RowWrapPolicy.DontWrapRows if wide else QFormLayout.RowWrapPolicy.WrapAllRows
        if self._form.rowWrapPolicy() != policy:
            self._form.setRowWrapPolicy(policy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows(self.width())
        super().changeEvent(event)

    # ---- requests --------------------------------------------------------------------
    def _request(self, **changes) -> None:
        if any(getattr(self._settings, k) != v for k, v in changes.items()):
            self.changes_requested.emit(changes)

    def _refuse(self, message: str) -> None:
        self.invalid_input.emit(message)
        self.show_settings(self._settings)

    def _on_data_activated(self, index: int) -> None:
        self._request(data=self.data.itemData(index))

    def _on_hidden_edited(self) -> None:
        try:
            sizes = parse_hidden_sizes(self.hidden.text())
        except ConfigError as exc:
            self._refuse(localized(exc))
            return
        self._request(hidden=sizes)

    def _on_learning_rate_edited(self) -> None:
        text = self.learning_rate.text().strip()
        eta = parse_number(text)  # plainly typed, or as the screen writes numbers (−, ×10⁻⁵)
        if eta is None:
            self._refuse(fill(self.tr("The learning rate η must be a number, got “%1”."), text))
            return
        if not math.isfinite(eta) or eta <= 0:
            self._refuse(fill(self.tr("The learning rate η must be a positive number, got %1."), text))
            return
        self._request(learning_rate=eta)

    def _on_target_error_edited(self) -> None:
        text = self.target_error.text().strip()
        if not text:
            self._request(target_error=None)
            return
        value = parse_number(text)
        if value is None:
            self._refuse(fill(self.tr("The target error must be a number (or empty for none), got “%1”."), text))
            return
        self._request(target_error=value)
