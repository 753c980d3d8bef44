"""Which cell texts the gradient table lays out without OpenType shaping (``QFont.PreferNoShaping``), and
that such a text draws the same pixels either way, in the fonts the app is tested with."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontInfo, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from bpgui.model.naming import parameter_specs
from bpgui.model.numbers import MAX_DIGITS, MIN_DIGITS, format_number
from bpgui.views.gradient_table_columns import display_name, from_to_text
from bpgui.views.gradient_table_delegate import plain_text_pattern, unshaped

# Every kind of character a plain text may hold, and some it may not (letters, punctuation).
_NUMBER_CHARACTERS = list("0123456789.,()-+− ×∞⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁽⁾₀₁₂₃₄₅₆₇₈₉→—–")
_LETTERS = list("vwxbyŷγθηαβEgeTAVfir")
_ALPHABET = _NUMBER_CHARACTERS + _LETTERS
_SCRIPTS = list("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁽⁾₀₁₂₃₄₅₆₇₈₉,")

_numbers = st.lists(st.sampled_from(_NUMBER_CHARACTERS), min_size=1, max_size=14).map("".join)
_symbol = st.tuples(st.sampled_from(_LETTERS), st.lists(st.sampled_from(_SCRIPTS), max_size=4)).map(
    lambda parts: parts[0] + "".join(parts[1]))
_symbols = st.lists(_symbol, min_size=1, max_size=3).flatmap(
    lambda parts: st.sampled_from([" ", " → ", " — ", "  "]).map(lambda gap: gap.join(parts)))
_anything = st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=8).map("".join)
_texts = st.one_of(_numbers, _symbols, _anything)


def _drawn(view: QTableView, font: QFont, text: str, alignment: Qt.AlignmentFlag) -> QImage:
    """``text`` as the style paints a table cell 150 px wide in ``font``."""
    option = QStyleOptionViewItem()
    option.widget = view
    option.rect = QRect(0, 0, 150, 2 * QFontInfo(font).pixelSize() + 8)
    option.font = font
    option.palette = view.palette()
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.displayAlignment = alignment | Qt.AlignmentFlag.AlignVCenter
    option.text = text
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, view)
    painter.end()
    return image


@pytest.fixture(scope="module")
def fonts(qapp, cjk_font):
    """The default font (DejaVu Sans here), and Noto Sans CJK (the Chinese UI's glyphs), each at
    normal and large (× 1.75) size."""
    base = QTableView().font()
    cjk = QFont(cjk_font)
    chosen = []
    for family in (base, cjk):
        for scale in (1.0, 1.75):
            font = QFont(family)
            font.setPointSizeF(base.pointSizeF() * scale)
            chosen.append(font)
    assert QFontInfo(cjk).family().startswith("Noto Sans CJK")
    return chosen


@pytest.fixture(scope="module")
def patterns(fonts):
    return [plain_text_pattern(font) for font in fonts]


@pytest.fixture(scope="module")
def plain(qapp):
    """What the app's default font (DejaVu Sans here, which draws every character of them) lays out
    without shaping."""
    return plain_text_pattern(QTableView().font())


def test_every_number_name_and_link_the_table_shows_is_plain(plain):
    for sizes in ((2, 2, 1), (2, 4, 3, 1), (784, 128, 10)):
        specs = parameter_specs(sizes)
        for spec in specs[:: max(1, len(specs) // 500)]:
            assert plain.fullmatch(display_name(spec)), display_name(spec)
            assert plain.fullmatch(from_to_text(spec)), from_to_text(spec)
            assert plain.fullmatch(str(spec.layer))


@given(st.floats(allow_nan=False) | st.sampled_from([math.inf, -math.inf, 0.0, -0.0, 5e-324]),
       st.integers(MIN_DIGITS, MAX_DIGITS))
def test_every_formatted_number_is_plain(plain, value, digits):
    assert plain.fullmatch(format_number(value, digits))


@pytest.mark.parametrize("text", [
    "NaN", "To", "AV", "y.", "r,", "(v)", "fi",  # letters beside letters or punctuation: fonts kern them
    "y\u0302", "1\u200f", "\u202e12", "1\u200b2", "\u00ad1", "1\n2", "隐藏层", "x\u2028y",
])
def test_texts_that_shaping_may_change_are_shaped(plain, text):
    assert not plain.fullmatch(text)


def test_characters_a_fallback_font_draws_are_shaped(fonts):
    cjk = plain_text_pattern(fonts[2])  # Noto Sans CJK has no ₁ nor ⁰: DejaVu Sans draws them
    assert cjk.fullmatch("−1.5×10¹") and cjk.fullmatch("2 → 1")
    assert not cjk.fullmatch("10⁰") and not cjk.fullmatch("v₁")


def test_the_unshaped_font_differs_only_in_its_strategy(fonts):
    for font in fonts:
        copy = unshaped(font)
        assert copy.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
        copy.setStyleStrategy(font.styleStrategy())
        assert copy == font


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much,
                                                                 HealthCheck.function_scoped_fixture])
@given(_texts, st.sampled_from([Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft,
                                Qt.AlignmentFlag.AlignHCenter]))
def test_a_plain_text_draws_the_same_pixels_unshaped(fonts, patterns, text, alignment):
    view = QTableView()
    plain_somewhere = False
    for font, pattern in zip(fonts, patterns, strict=True):
        if pattern.fullmatch(text):
            plain_somewhere = True
            assert _drawn(view, unshaped(font), text, alignment) == _drawn(view, font, text, alignment), (
                text, font.family(), font.pointSizeF())
    assume(plain_somewhere)
