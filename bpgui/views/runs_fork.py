"""Train → Fork here…: what the new run changes, and its name.

The fields start at the run shown's settings; whatever the learner changes is what differs. η, the mode, the
batch size and shuffling apply from the iteration shown; another activation (or "from t = 0") starts the
new run at t = 0 from the same initial weights. Changing nothing makes a copy, to edit a weight by hand next.
The line under the fields says which of these the fork will be before it is made.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..controller.training import translated
from ..model.numbers import exact_number
from ..model.text import fill
from ..session.messages import CONTEXT, LIST_SEPARATOR
from ..session.settings import Settings, fork_differs
from .gradient_table_columns import parse_number

__all__ = ["ACTIVATIONS", "MODES", "ForkDialog", "activation_text", "differences", "mode_text"]

translate = QCoreApplication.translate

# The choices offered, named in the settings panel's own words (its translations): one name for one thing.
MODES = ("standard", "accumulated", "minibatch")
ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")


def mode_text(mode: str) -> str:
    return {"standard": translate("SettingsPanel", "standard BP"),
            "accumulated": translate("SettingsPanel", "accumulated BP"),
            "minibatch": translate("SettingsPanel", "mini-batch")}.get(mode, mode)


def activation_text(activation: str) -> str:
    return {"sigmoid": translate("SettingsPanel", "sigmoid"), "tanh": translate("SettingsPanel", "tanh"),
            "relu": translate("SettingsPanel", "ReLU"), "linear": translate("SettingsPanel", "linear")
            }.get(activation, activation)


def differences(old: Settings, new: Settings) -> list[str]:
    """What ``new`` changes from ``old``, in the learner's language ("η = 2", "accumulated BP", "activation
    tanh"): the session's own words for a fork (``settings.fork_differs``), as the runs list says them."""
    return [translated(m) for m in fork_differs(old, new)]


class ForkDialog(QDialog):
    """See the module. ``chosen()`` after it is accepted: (settings, name or None, from t = 0)."""

    def __init__(self, settings: Settings, t: int, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fork here"))
        self._settings, self._t = settings, t
        self.name = QLineEdit()
        self.name.setPlaceholderText(suggested_name)
        self._suggested = suggested_name
        self.learning_rate = QLineEdit(exact_number(settings.learning_rate))
        self.mode = QComboBox()
        for key in MODES:
            self.mode.addItem(mode_text(key), key)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.mode)))
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 1_000_000)
        self.batch_size.setValue(settings.batch_size)
        self.shuffle = QCheckBox(translate("SettingsPanel", "Shuffle every epoch"))
        self.shuffle.setChecked(settings.shuffle)
        self.activation = QComboBox()
        for key in ACTIVATIONS:
            self.activation.addItem(activation_text(key), key)
        self.activation.setCurrentIndex(max(0, self.activation.findData(settings.activation)))
        self.activation.setEnabled(bool(settings.hidden))  # no hidden layer: nothing to change
        self.activation.setToolTip(self.tr("Another activation starts the new run at t = 0 from the same initial "
                                           "weights"))
        self.at_start = QCheckBox(self.tr("From t = 0, the same initial weights"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(translate("SettingsPanel", "Learning rate η"), self.learning_rate)
        form.addRow(translate("SettingsPanel", "Mode"), self.mode)
        form.addRow(translate("SettingsPanel", "Batch size B"), self.batch_size)
        form.addRow("", self.shuffle)
        form.addRow(translate("SettingsPanel", "Activation"), self.activation)
        form.addRow("", self.at_start)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Fork"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(fill(self.tr("A new run from the state shown (t = %1): change what should differ."), t))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for signal in (self.learning_rate.textChanged, self.mode.currentIndexChanged, self.batch_size.valueChanged,
                       self.shuffle.toggled, self.activation.currentIndexChanged, self.at_start.toggled):
            signal.connect(self._update)
        self._update()

    def _new_settings(self) -> Settings | str:
        """The settings asked for, or why the text typed for η is refused."""
        text = self.learning_rate.text().strip()
        eta = parse_number(text)
        if eta is None:
            return fill(translate("SettingsPanel", "The learning rate η must be a number, got “%1”."), text)
        if not math.isfinite(eta) or eta <= 0:
            return fill(translate("SettingsPanel", "The learning rate η must be a positive number, got %1."), text)
        return replace(self._settings, learning_rate=eta, mode=self.mode.currentData(),
                       batch_size=self.batch_size.value(), shuffle=self.shuffle.isChecked(),
                       activation=self.activation.currentData())

    def _update(self) -> None:
        self.batch_size.setEnabled(self.mode.currentData() == "minibatch")
        new = self._new_settings()
        if isinstance(new, str):
            self.summary.setText(new)
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)
        structural = new.activation != self._settings.activation
        if structural and not self.at_start.isChecked():
            self._forced = True  # checked for the activation: unchecked again if it goes back
            self.at_start.setChecked(True)
        elif not structural and getattr(self, "_forced", False):
            self._forced = False
            self.at_start.setChecked(False)
        self.at_start.setEnabled(not structural)
        start = 0 if self.at_start.isChecked() else self._t
        said = differences(self._settings, new)
        if said:
            self.summary.setText(fill(self.tr("The new run: %1, from t = %2."),
                                      translate(CONTEXT, LIST_SEPARATOR).join(said), start))
        else:
            self.summary.setText(fill(self.tr("Same settings: a copy from t = %1, to edit a weight by hand next."),
                                      start))

    def chosen(self) -> tuple[Settings | None, str | None, bool]:
        """(the settings, None if η was refused; the name typed, None for the next free one; from t = 0)."""
        new = self._new_settings()
        return (None if isinstance(new, str) else new), (self.name.text().strip() or None), self.at_start.isChecked()
