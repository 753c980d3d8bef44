"""The gradient table's delegates: cells painted from one question to the model, and the value editor
(a plain line edit holding a parameter's exact value)."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from .gradient_table_columns import RIGHT

_FEATURE = QStyleOptionViewItem.ViewItemFeature
_HAS_DISPLAY = _FEATURE.HasDisplay
# The features a table view hands each cell (plain, or every other row), with HasDisplay added: made once,
# since an enum "|" costs about 2 µs in Python and a view item's features are read for every painted cell.
# Enum members and combinations are singletons, so "is" finds them.
_PLAIN, _ALTERNATE = _FEATURE.None_, _FEATURE.Alternate
_PLAIN_DISPLAY, _ALTERNATE_DISPLAY = _PLAIN | _HAS_DISPLAY, _ALTERNATE | _HAS_DISPLAY

# Texts laid out without OpenType shaping (``QFont.PreferNoShaping``: the font's own glyphs and advances,
# no HarfBuzz, which the style's three layouts of every painted cell spent most of their time in): the
# table's numbers (digits, true minus, ×10⁻⁵, ∞, parentheses) and the note's symbols (v₁₁, γ₁, v⁽¹⁾₁₁,
# x₁ → b₂). None of their characters needs shaping (no ligature, no mark to place, no joining, no bidi
# control or zero-width character); what shaping adds to them is kerning, and fonts kern letters beside
# letters or punctuation ("To", "y.", "r,"), never digits, sub- and superscripts, operators or arrows. So
# a letter is allowed only where neither neighbour is a letter or punctuation ("NaN" is shaped).
_SAFE = "0-9\u2212+\u00d7\u221e \u00b9\u00b2\u00b3\u2070-\u209f\u2190-\u21ff"
_PUNCTUATION = ".,()\\-"
_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff"
_PLAIN_TEXT = re.compile(f"(?:[{_SAFE}{_PUNCTUATION}]"
                         f"|(?<![{_LETTER}{_PUNCTUATION}])[{_LETTER}](?![{_LETTER}{_PUNCTUATION}]))*")


class CellDelegate(QStyledItemDelegate):
    """Paints a cell exactly as ``QStyledItemDelegate`` does, but fills the style option from the model's
    ``cell_look(row, column)``: one Python call a cell where Qt would call ``data()`` once per role (seven
    calls from C++ into Python), answered from the model's cache of looks (made on a cell's first paint
    after its data changed). A model without ``cell_look`` is asked the usual way.

    Measured (XOR's 63 cells at 1280x800, median of 150 Steps): 1.85 -> 1.47 ms a paint after a Step;
    784-128-10's 77 cells 3.5 -> 2.7 ms. The rest is Qt's: the same cells from a C++ model through Qt's
    own delegate take ~60 % of it (their sub- and superscripts, true minus and arrows shape slowly), and
    each cell still costs three calls from C++ into Python (index, flags, initStyleOption).

    A text of plain characters (``_PLAIN_TEXT``: every number and name the table shows) is drawn in
    the view's font with ``QFont.PreferNoShaping`` set: Qt then lays it out from the font's glyphs and
    advances instead of shaping it with HarfBuzz, which is where most of the style's time went. Same
    pixels with the fonts the app is tested with (DejaVu Sans, Noto Sans CJK; tests compare grabs);
    what it gives up is kerning between such characters, which these fonts do not apply to them.
    Measured (interleaved, one process, medians of 200): XOR 1.95 -> 1.73 ms a paint after a Step,
    784-128-10 2.36 -> 2.16 ms. A cell's text drawn from a layout cached per text instead was slower
    after a Step (each Step's numbers are new texts; laying one out from Python costs more than the
    style's three layouts in C++): see the brief's report."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._font = QFont()  # the view's font last seen, and the same font with PreferNoShaping
        self._unshaped = _unshaped(self._font)

    def unshaped_font(self, font: QFont) -> QFont:
        """``font`` with ``QFont.PreferNoShaping`` (made once a font)."""
        if font != self._font:
            self._font = QFont(font)
            self._unshaped = _unshaped(font)
        return self._unshaped

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        look = getattr(index.model(), "cell_look", None)
        if look is None:
            super().initStyleOption(option, index)
            return
        display, alignment, background, foreground = look(index.row(), index.column())
        if isinstance(index, QModelIndex):  # as Qt's own does (a view always paints with a QModelIndex)
            option.index = index
        if alignment is not None:
            option.displayAlignment = alignment
        if foreground is not None:
            palette = QPalette(option.palette)
            palette.setBrush(QPalette.ColorRole.Text, foreground)
            option.palette = palette
        if display is not None:
            features = option.features
            if features is _ALTERNATE:
                option.features = _ALTERNATE_DISPLAY
            elif features is _PLAIN:
                option.features = _PLAIN_DISPLAY
            else:
                option.features = features | _HAS_DISPLAY
            # Qt's displayText gives a one-line string back as it is: only other values (the layer) ask it.
            text = option.text = (display if type(display) is str and "\n" not in display
                                  else self.displayText(display, option.locale))
            if _PLAIN_TEXT.fullmatch(text):
                option.font = self.unshaped_font(option.font)
        if background is not None:
            option.backgroundBrush = background


def _unshaped(font: QFont) -> QFont:
    unshaped = QFont(font)
    unshaped.setStyleStrategy(font.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return unshaped


class ValueEditDelegate(CellDelegate):
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
