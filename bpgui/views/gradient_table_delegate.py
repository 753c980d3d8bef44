"""The gradient table's delegates: cells painted from one question to the model, and the value editor
(a plain line edit holding a parameter's exact value)."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette, QRawFont, QTextLayout
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
# no HarfBuzz, which the style's three layouts of every painted cell spend most of their time in): the
# table's numbers (digits, true minus, ×10⁻⁵, ∞, parentheses) and the note's symbols (v₁₁, γ₁, v⁽¹⁾₁₁,
# 1 → 2, — → 1). None of their characters needs shaping (no ligature, no mark to place, no joining, no
# bidi control or zero-width character). What shaping changes in them (seen with DejaVu Sans and Noto
# Sans CJK) is where a letter goes beside another glyph (kerning: "To", "y.", "0v", "v…"), two dashes
# ("——"), and, when a fallback font draws some of the characters, the order the runs are drawn in
# (overlapping edges blend differently). So a plain text is a number (no letter) or a symbol (letters,
# each at the start or after a space and followed by sub- and superscripts, a space or the end; no ASCII
# digit or punctuation but the comma: v₃,₁₂), a dash only between spaces; and each of its characters is
# one the font itself draws, placed the same with or without shaping before an ellipsis (Qt's elision
# puts "…" after any of them). A test draws random such texts both ways and compares the pixels.
_SCRIPTS = "¹²³" + "".join(map(chr, range(0x2070, 0x20A0)))  # super- and subscripts
_ARROWS = "\u2190\u2191\u2192\u2193\u2194"
_NUMBER_CHARACTERS = "0123456789\u2212+\u00d7\u221e .,()-" + _SCRIPTS + _ARROWS
_SYMBOL_CHARACTERS = " ," + _SCRIPTS + _ARROWS
_LETTERS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0177"  # ŷ
            + "".join(map(chr, range(0x0391, 0x03AA))) + "".join(map(chr, range(0x03B1, 0x03CA))))  # Greek
_DASHES = "\u2013\u2014"
_ELLIPSIS = "\u2026"
_NOTHING = re.compile("(?!)")


def _placed(font: QFont, text: str) -> list[tuple[str, list[int], list[tuple[float, float]]]]:
    """Each glyph run of ``text`` laid out in ``font``: its font, glyphs and their positions."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), run.glyphIndexes(), [(p.x(), p.y()) for p in run.positions()])
            for run in layout.glyphRuns()]


_PATTERNS: dict[str, re.Pattern[str]] = {}  # by QFont.key(): the fonts seen so far (a few)


def plain_text_pattern(font: QFont) -> re.Pattern[str]:
    """The texts ``font`` lays out the same without OpenType shaping (see above), for ``fullmatch``.
    Made once a font (~10 ms: each candidate character is laid out before an ellipsis both ways)."""
    key = font.key()
    pattern = _PATTERNS.get(key)
    if pattern is None:
        if len(_PATTERNS) >= 16:
            _PATTERNS.clear()
        pattern = _PATTERNS[key] = _plain_text_pattern(font)
    return pattern


def _plain_text_pattern(font: QFont) -> re.Pattern[str]:
    raw = QRawFont.fromFont(font)
    if not raw.supportsCharacter(ord(_ELLIPSIS)):
        return _NOTHING
    fast = unshaped(font)
    usable = {c for c in set(_NUMBER_CHARACTERS + _SYMBOL_CHARACTERS + _LETTERS + _DASHES)
              if raw.supportsCharacter(ord(c)) and _placed(font, c + _ELLIPSIS) == _placed(fast, c + _ELLIPSIS)}

    def drawn(characters: str) -> str:  # the usable ones, as the inside of a [...] class
        return "".join(re.escape(c) for c in characters if c in usable) or "(?!)"

    dash = f"(?<![^ ])[{drawn(_DASHES)}](?![^ ])"
    number = f"(?:[{drawn(_NUMBER_CHARACTERS)}]|{dash})*"
    after_letter = drawn(" " + _SCRIPTS)
    symbol = f"(?:[{drawn(_SYMBOL_CHARACTERS)}]|{dash}|(?<![^ ])[{drawn(_LETTERS)}](?![^{after_letter}]))*"
    return re.compile(f"{number}|{symbol}")


class CellDelegate(QStyledItemDelegate):
    """Paints a cell exactly as ``QStyledItemDelegate`` does, but fills the style option from the model's
    ``cell_look(row, column)``: one Python call a cell where Qt would call ``data()`` once per role (seven
    calls from C++ into Python), answered from the model's cache of looks (made on a cell's first paint
    after its data changed). A model without ``cell_look`` is asked the usual way.

    Measured (XOR's 63 cells at 1280x800, median of 150 Steps): 1.85 -> 1.47 ms a paint after a Step;
    784-128-10's 77 cells 3.5 -> 2.7 ms. The rest is Qt's: the same cells from a C++ model through Qt's
    own delegate take ~60 % of it (their sub- and superscripts, true minus and arrows shape slowly), and
    each cell still costs three calls from C++ into Python (index, flags, initStyleOption).

    A plain text (``plain_text_pattern``: every number and name the table shows) is drawn in the
    view's font with ``QFont.PreferNoShaping`` set: Qt then lays it out from the font's glyphs and
    advances instead of shaping it with HarfBuzz, which is where most of the style's time went. Same
    pixels (tests compare grabs with Qt's own delegate, and random plain texts drawn both ways, in
    DejaVu Sans and Noto Sans CJK).
    Measured (old and new interleaved in one process, medians of 400 paints): a paint after a Step
    9 % faster (XOR, 784-128-10), a repaint of the same numbers 11 %. Drawing each text from a layout
    cached per text instead (QStaticText-like) was slower after a Step: a Step's numbers are all new
    texts, and laying one out from Python costs more than the style's three layouts in C++."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The view's font last seen; the same with PreferNoShaping; the texts it draws the same so.
        self._font: QFont | None = None
        self._unshaped = QFont()
        self._plain = _NOTHING

    def unshaped_font(self, font: QFont, text: str) -> QFont:
        """``font`` with ``QFont.PreferNoShaping`` if ``text`` is plain in it, else ``font``."""
        if self._font is None or font != self._font:
            self._font = QFont(font)
            self._unshaped = unshaped(font)
            self._plain = plain_text_pattern(font)
        return self._unshaped if self._plain.fullmatch(text) else font

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
            option.font = self.unshaped_font(option.font, text)
        if background is not None:
            option.backgroundBrush = background


def unshaped(font: QFont) -> QFont:
    """``font`` with ``QFont.PreferNoShaping``."""
    copy = QFont(font)
    copy.setStyleStrategy(font.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return copy


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
