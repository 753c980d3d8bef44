"""The gradient table's value editor: a plain line edit holding a parameter's exact value."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from .gradient_table_columns import RIGHT


class ValueEditDelegate(QStyledItemDelegate):
    """A plain line edit holding the exact value; the text is handed to the model as it is.

    The model turns the text into a request (or a refusal); the delegate never parses it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_editor: QLineEdit | None = None  # (a closed one lingers until deleted later)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("valueEditor")
        editor.setAlignment(RIGHT)
        self.open_editor = editor
        return editor

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if editor is self.open_editor:
            self.open_editor = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
