"""Help → User guide and Help → Keyboard shortcuts: the guide's glossary shows the app's own formula objects, the
shortcuts are the menus' own, every word is translated, and both dialogs fit a small screen at any text size."""

from __future__ import annotations

import re
from html import unescape

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from bpgui.model import closed_forms as cf
from bpgui.model.formula import Expr
from bpgui.views import user_guide_text
from bpgui.views.text_scale import apply_text_scale, base_point_size
from bpgui.views.user_guide import HelpDialog, ShortcutsDialog, UserGuideDialog, show_shortcuts, show_user_guide
from bpgui.views.user_guide_text import NO_FORMULA, NOTE_SHAPE, glossary, guide_html, menu_text

NATIVE = QKeySequence.SequenceFormat.NativeText
#: The note's symbols (NOTATION.md §3–4), as the app writes them in plain text.
SYMBOLS = ("xᵢ", "yⱼ", "vᵢₕ", "wₕⱼ", "γₕ", "θⱼ", "αₕ", "βⱼ", "bₕ", "ŷⱼ", "gⱼ", "eₕ", "Eₖ", "η")


@pytest.fixture(autouse=True)
def normal_text_afterwards():
    """The application font is global: every test leaves it at 100 %."""
    yield
    apply_text_scale(1.0)


def expected_formulas() -> dict[str, tuple[Expr, ...]]:
    """Each symbol's formulas, made here by the same closed_forms calls (none: the symbol is only named)."""
    s = NOTE_SHAPE

    def parameter(layer: int, source: str | None, u: str) -> tuple[Expr, ...]:
        return cf.sample_gradient(s, layer, source, u), cf.update(s, layer, source, u, batch=False)

    return {"xᵢ": (), "yⱼ": (), "η": (),
            "vᵢₕ": parameter(1, "i", "h"), "γₕ": parameter(1, None, "h"),
            "wₕⱼ": parameter(2, "h", "j"), "θⱼ": parameter(2, None, "j"),
            "αₕ": (cf.forward_net(s, 1),), "bₕ": (cf.forward_output(s, 1),),
            "βⱼ": (cf.forward_net(s, 2),), "ŷⱼ": (cf.forward_output(s, 2),),
            "Eₖ": (cf.error(s),), "E": (cf.batch_error(),),
            "gⱼ": (cf.output_delta(s),), "eₕ": (cf.hidden_delta(s, 1),),
            "Δp": (cf.generic_update(batch=False), cf.generic_update(batch=True), cf.generic_batch_gradient())}


def menu_actions(window) -> list[QAction]:
    """Every command of the window's menus and submenus, walked here on its own."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def keys_of(action: QAction) -> str:
    return ", ".join(k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty())


def cells(dialog: HelpDialog) -> list[tuple[int, int, str]]:
    """(row, column, text) of every cell of the first table in the dialog's document (a line that must not
    wrap holds no-break spaces: read as spaces)."""
    cursor = QTextCursor(dialog.browser.document())
    while cursor.currentTable() is None and cursor.movePosition(QTextCursor.MoveOperation.NextBlock):
        pass
    table = cursor.currentTable()
    assert table is not None
    out = []
    for r in range(table.rows()):
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            if cell.row() == r and cell.column() == c:  # a spanned cell once
                cursor.setPosition(cell.firstPosition())
                cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
                out.append((r, c, cursor.selectedText().replace("\xa0", " ")))  # a line kept whole: spaces
    return out


def plain(html: str) -> str:
    """A formula's rich text as the document reads it: no tags, sub- and superscripts inline."""
    return unescape(re.sub(r"<[^>]*>", "", html))


# ---- the glossary ---------------------------------------------------------------------------------------

def test_the_glossary_has_a_row_for_every_symbol_of_the_note():
    rows = {row.symbol.text(): row for row in glossary()}
    assert set(SYMBOLS) <= set(rows)
    assert set(rows) == set(expected_formulas())
    for row in rows.values():
        assert row.meaning and row.where


def test_each_formula_is_the_closed_forms_object_rendered_never_typed(window):
    expected = expected_formulas()
    dialog = show_user_guide(window)
    document_text = dialog.browser.toPlainText()
    for row in glossary():
        formulas = expected[row.symbol.text()]
        assert row.formulas == formulas, row.symbol.text()  # the same objects, so the same numbers too
        want = "<br>".join(f.html() for f in formulas) or NO_FORMULA
        assert row.formula_html() == want
        for f in formulas:  # each written into the guide as its object renders it, and read so on screen
            assert f.html() in dialog.source_html and plain(f.html()) in document_text
        assert row.symbol.html() in dialog.source_html
    g = {row.symbol.text(): row for row in glossary()}["gⱼ"]
    assert plain(g.formula_html()) == "gj = ŷj(1 − ŷj)(yj − ŷj)"  # the note's g_j, for its d-q-l network
    glossary_cells = [(r, c, text) for r, c, text in cells(dialog) if r > 0]
    assert len({r for r, _c, _t in glossary_cells}) == len(glossary())


def test_the_guide_describes_every_panel(window):
    text = show_user_guide(window).browser.toPlainText()
    for name in ("The window", "The network", "The caption", "The settings", "The error curve", "What it learned",
                 "The gradient table", "The chain rule", "The status bar", "Practice", "Lessons", "Symbols"):
        assert f"\n{name}\n" in f"\n{text}\n", name


def test_the_guide_is_one_non_modal_dialog_per_window_shown_again(window, qtbot):
    dialog = show_user_guide(window)
    assert isinstance(dialog, UserGuideDialog) and dialog.isVisible() and not dialog.isModal()
    assert dialog.parent() is window and dialog.windowTitle() == "User guide"
    dialog.close()
    assert show_user_guide(window) is dialog and dialog.isVisible()
    keys = show_shortcuts(window)
    assert isinstance(keys, ShortcutsDialog) and keys.isVisible() and not keys.isModal()
    assert show_shortcuts(window) is keys and keys.windowTitle() == "Keyboard shortcuts"


# ---- the shortcuts ----------------------------------------------------------------------------------------

def test_the_shortcuts_are_every_menu_command_with_keys_exactly_as_the_menus_have_them(window):
    dialog = show_shortcuts(window)
    rows = user_guide_text.shortcut_rows(window)
    listed = {id(r.action): r for r in rows}
    with_keys = [a for a in menu_actions(window) if keys_of(a)]
    assert len(with_keys) >= 20
    for action in with_keys:
        row = listed[id(action)]
        assert row.keys == keys_of(action) and row.command == action.text().replace("&", "")
    # Nothing else, but the window-wide keys no menu shows (Esc leaves presentation mode).
    others = [r for r in rows if r.action not in with_keys]
    assert [r.action for r in others] == [window.leave_presentation_action]
    everywhere = [a for a in window.findChildren(QAction) if keys_of(a) and a.parent() is window]
    assert {id(a) for a in everywhere} <= set(listed)
    step = listed[id(window.step_action)]
    assert step.group == "Train" and step.command == "Step"
    assert step.keys.split(", ")[0] == QKeySequence("Ctrl+Right").toString(NATIVE)
    assert listed[id(window.larger_text_action)].group == "View → Text size"
    # As the dialog shows them: a heading row for each menu (one cell across), then each command beside its keys.
    by_row: dict[int, list[str]] = {}
    for r, _c, text in cells(dialog):
        by_row.setdefault(r, []).append(text)
    shown = [by_row[r] for r in sorted(by_row) if r > 0]
    want: list[list[str]] = []
    for row in rows:
        if not want or [row.group] not in want:
            want.append([row.group])
        want.append([row.command, row.keys])
    assert shown == want


def test_the_shortcuts_follow_the_menus_when_shown_again(window):
    dialog = show_shortcuts(window)
    old = window.step_action.shortcuts()
    try:
        window.step_action.setShortcuts([QKeySequence("Ctrl+Alt+S")])
        window.run_action.setText("&Pause")
        assert show_shortcuts(window) is dialog
        text = dialog.browser.toPlainText()
        assert QKeySequence("Ctrl+Alt+S").toString(NATIVE) in text and "Pause" in text
        assert QKeySequence("Ctrl+Right").toString(NATIVE) not in text
    finally:
        window.step_action.setShortcuts(old)
        window.run_action.setText("&Run")


def test_menu_text_drops_the_mnemonic_in_both_languages():
    assert menu_text("&Step") == "Step" and menu_text("Rese&t") == "Reset"
    assert menu_text("单步(&S)") == "单步" and menu_text("打开（&O）…") == "打开…" and menu_text("A && B") == "A & B"


# ---- translation ---------------------------------------------------------------------------------------

def test_every_word_of_the_guide_goes_through_translate(window, monkeypatch):
    real = QCoreApplication.translate

    def marked(context, text, *args):
        return f"⟦{context}⟧" + real(context, text, *args)

    monkeypatch.setattr(QCoreApplication, "translate", marked)
    dialog = show_user_guide(window)
    assert dialog.windowTitle().startswith("⟦UserGuide⟧")
    symbol_or_formula = (0, 2)
    for block_text, in_table, row, column in _blocks(dialog):
        if in_table and row > 0 and column in symbol_or_formula:
            assert "⟦" not in block_text  # the note's notation is the same in both languages
        else:
            assert block_text.startswith("⟦UserGuide⟧"), block_text
    keys = show_shortcuts(window)
    assert keys.windowTitle().startswith("⟦UserGuide⟧")
    words = [text for r, c, text in cells(keys) if r == 0] + [keys.browser.document().firstBlock().text()]
    assert all(text.startswith("⟦UserGuide⟧") for text in words), words
    assert "⟦UserGuide⟧Not in a menu" in keys.browser.toPlainText()


def _blocks(dialog: HelpDialog):
    """(text, in a table, row, column) of every non-empty block of the dialog's document."""
    block = dialog.browser.document().firstBlock()
    while block.isValid():
        if block.text().strip():
            cursor = QTextCursor(block)
            table = cursor.currentTable()
            cell = table.cellAt(cursor) if table is not None else None
            yield block.text(), table is not None, cell.row() if cell else -1, cell.column() if cell else -1
        block = block.next()


def test_in_chinese_the_guide_is_written_in_the_windows_language(window, switch_language):
    chinese = switch_language(window, "zh_CN")
    dialog = show_user_guide(chinese)
    translate = QCoreApplication.translate
    text = dialog.browser.toPlainText()
    for heading in ("The window", "The network", "Symbols"):  # as the installed Chinese translation has them
        assert f"\n{translate('UserGuide', heading)}\n" in f"\n{text}\n"
    assert dialog.windowTitle() == translate("UserGuide", "User guide")
    assert dialog.source_html == guide_html()
    rows = {id(r.action): r for r in user_guide_text.shortcut_rows(chinese)}
    assert rows[id(chinese.step_action)].command == "单步" and rows[id(chinese.step_action)].group == "训练"
    assert "单步" in show_shortcuts(chinese).browser.toPlainText()


# ---- room ------------------------------------------------------------------------------------------------

def _laid_out(dialog: HelpDialog, width: int, height: int) -> int:
    dialog.resize(width, height)
    QApplication.processEvents()
    return dialog.browser.horizontalScrollBar().maximum()


def test_both_dialogs_fit_a_1024x768_screen_without_scrolling_sideways(window, qtbot):
    for show in (show_user_guide, show_shortcuts):
        dialog = show(window)
        qtbot.waitExposed(dialog)
        assert dialog.width() <= 1024 and dialog.height() <= 768
        assert _laid_out(dialog, dialog.width(), dialog.height()) == 0, show.__name__
        assert _laid_out(dialog, 1024, 768) == 0


def test_the_dialogs_follow_the_windows_text_size_and_still_fit(window, qtbot):
    guide, keys = show_user_guide(window), show_shortcuts(window)
    small = guide.width(), guide.height()
    window.set_text_scale(1.75)
    qtbot.waitUntil(lambda: guide.browser.font().pointSizeF() == pytest.approx(base_point_size() * 1.75))
    room = guide.screen().availableGeometry()
    assert (guide.width(), guide.height()) == (min(round(small[0] * 1.75), room.width()),
                                               min(round(small[1] * 1.75), room.height()))
    assert keys.browser.font().pointSizeF() == pytest.approx(base_point_size() * 1.75)
    for dialog in (guide, keys):
        assert _laid_out(dialog, 1024, 768) == 0
    window.set_text_scale(1.0)
    qtbot.waitUntil(lambda: (guide.width(), guide.height()) == small)
