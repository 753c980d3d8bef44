"""The chain-rule panel's text view writes a text with the same tags in place (issue 11): the document it
holds is then the one ``setHtml`` of the new text builds, character by character and format by format, each
line a block of its own (a line break is a block break); the lines below the view follow when they can be seen."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from bpgui.views.formula_view import BLOCK_SEPARATOR, IDLE_MS, LINE_SEPARATOR, FormulaView, runs, split_lines

ANCHOR = 'style="text-decoration: none; color: #000000"'


def chain(numbers: list[str]) -> str:
    """A chain as the panel writes it: bold, italic symbols with subscripts, anchored factors, line breaks."""
    a, b, c, d = numbers
    return (f"<b>∂<i>E</i><sub>k</sub>/∂<i>w</i><sub>11</sub></b> = {a}<br>"
            f'j = 1: <a href="unit:2:0" {ANCHOR}>{b}</a> · <a href="link:4" {ANCHOR}><i>w</i>'
            f"<sub>11</sub></a> = {c}<br><br>Δ<i>w</i> = −η · {d}")


def looks(document: QTextDocument) -> list[tuple]:
    """Each character with what it looks like and where it links; a line break (a line separator in one block,
    or a block break) as "\n", and every block's margins."""
    cursor = QTextCursor(document)
    text = document.toRawText()
    out = []
    block = document.begin()
    while block.isValid():
        f = block.blockFormat()
        out.append(("block", f.topMargin(), f.bottomMargin(), f.leftMargin(), f.indent()))
        block = block.next()
    out = sorted(set(out))  # as many blocks as lines, or one: each with the margins of setHtml's
    for i, ch in enumerate(text):
        if ch in (LINE_SEPARATOR, BLOCK_SEPARATOR):
            out.append(("\n",))
            continue
        cursor.setPosition(i + 1)
        f = cursor.charFormat()
        out.append((ch, f.anchorHref(), f.fontItalic(), f.fontWeight(), f.verticalAlignment(),
                    f.foreground().color().name()))
    return out


def built_whole(html: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setHtml(html)
    return view


def test_a_text_of_new_numbers_is_written_in_place_as_setHtml_would_build_it(qtbot):
    view = FormulaView()
    qtbot.addWidget(view)
    view.setText(chain(["0.3691", "(−0.2329)", "0.475", "0.01"]))
    assert view.written_in_place == 0
    new = chain(["0.3702", "(−0.2)", "0.4751", "1.234×10⁻⁵"])
    view.setText(new)
    assert view.written_in_place == 1 and view.text() == new
    assert looks(view.document()) == looks(built_whole(new).document())
    assert "j = 1: (−0.2) · w11 = 0.4751" in view.document().toPlainText()


def test_a_text_of_other_tags_is_built_whole(qtbot):
    view = FormulaView()
    qtbot.addWidget(view)
    view.setText(chain(["1", "2", "3", "4"]))
    other = chain(["1", "2", "3", "4"]).replace("<br><br>", "<br>")
    view.setText(other)
    assert view.written_in_place == 0
    assert looks(view.document()) == looks(built_whole(other).document())


def test_writing_in_place_keeps_no_undo_history(qtbot):
    view = FormulaView()
    qtbot.addWidget(view)
    for n in range(30):
        view.setText(chain([str(n), str(n + 1), str(n + 2), str(n + 3)]))
    assert view.written_in_place == 29
    assert not view.document().isUndoAvailable()


def test_the_runs_predict_each_lines_text_in_the_document(qtbot):
    html = chain(["0.5 &lt; 1", "a &amp; b", "x", "y"])
    tags, texts = runs(split_lines(html)[0])
    assert len(texts) == len(tags) + 1 and " = 0.5 < 1" in texts
    view = FormulaView()
    qtbot.addWidget(view)
    view.setText(html)
    document = view.document()
    assert [document.findBlockByNumber(i).text() for i in range(document.blockCount())] == [
        "".join(runs(line)[1]) for line in split_lines(html)]


def test_a_run_emptied_between_two_spaces_is_built_whole(qtbot):
    """Found by the test below: "j = 1: " + "" + " · w" folds to one space in HTML; written in place the
    document kept two."""
    view = FormulaView()
    qtbot.addWidget(view)
    view.setText(chain(["0.3691", "0.3691", "", "0.3691"]))
    html = chain(["0.3691", "", "", "0.3691"])
    view.setText(html)
    assert looks(view.document()) == looks(built_whole(html).document())


# Runs a learner's numbers may never produce but a text could: spaces at the edges, doubled, entities,
# empty runs, line breaks inside a run. Whatever comes, the document is the one setHtml builds.
piece = st.sampled_from(["0.3691", "(−0.25)", " ", "  ", "", "a b", "&lt;", "&amp;", "\n", "7", "−", " x "])
numbers = st.lists(st.lists(piece, min_size=1, max_size=3).map("".join), min_size=4, max_size=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(numbers, min_size=2, max_size=5))
def test_every_text_leaves_the_document_setHtml_would_build(qtbot, texts):
    view = FormulaView()
    qtbot.addWidget(view)
    for values in texts:
        html = chain(values)
        view.setText(html)
        assert view.text() == html
        assert looks(view.document()) == looks(built_whole(html).document())


def long_chain(n: int, value: str) -> str:
    """A chain of ``n`` lines, each with an anchored factor: longer than a small view."""
    return "<br>".join(f'j = {j}: <a href="unit:2:{j}" {ANCHOR}>{value}</a> · <i>w</i><sub>{j}</sub> = {value}'
                       for j in range(1, n + 1))


def small_view(qtbot) -> FormulaView:
    """A view a few lines high, shown, holding a 40-line chain of 0.1s: most of it below the view."""
    view = FormulaView()
    qtbot.addWidget(view)
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)
    view.setText(long_chain(40, "0.1"))
    return view


def test_lines_below_the_view_are_written_when_they_can_be_seen(qtbot):
    view = small_view(qtbot)
    new = long_chain(40, "0.2")
    view.setText(new)
    assert view.written_in_place == 1 and view.pending()
    shown = view.cursorForPosition(view.viewport().rect().bottomLeft()).block().blockNumber()
    lines = view.document().toPlainText().split("\n")
    assert all("0.2" in line and "0.1" not in line for line in lines[: shown + 1])  # what shows: the new text
    assert "0.1" in lines[-1]  # the last line is not written yet
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # scrolled down: all written
    assert not view.pending() and looks(view.document()) == looks(built_whole(new).document())
    view.setText(long_chain(40, "0.3"))
    view.selectAll()
    copied = view.createMimeDataFromSelection().text()  # a copy holds every line's numbers
    assert "0.2" not in copied and copied.count("0.3") == 80
    view.setText(long_chain(40, "0.4"))
    qtbot.waitUntil(lambda: not view.pending(), timeout=5 * IDLE_MS)  # and, idle, the rest follows
    assert looks(view.document()) == looks(built_whole(long_chain(40, "0.4")).document())


def test_lines_as_blocks_look_as_one_block_of_lines(qtbot):
    """Each line a block is drawn as setHtml's one block of lines, pixel for pixel."""
    html = long_chain(6, "(−0.25)") + "<br><br><b>Σ</b> = 1.234×10⁻⁵"
    views = [FormulaView(), FormulaView()]
    for view in views:
        qtbot.addWidget(view)
        view.resize(260, 400)
        view.show()
    views[0].setText(html)
    views[1].setHtml(html)  # QTextBrowser's own: one block
    assert views[0].document().blockCount() == 8 and views[1].document().blockCount() == 1
    assert views[0].document().size() == views[1].document().size()
    assert views[0].viewport().grab().toImage() == views[1].viewport().grab().toImage()


def test_a_line_given_as_a_function_is_written_only_when_it_is_seen(qtbot):
    """A long chain's lines below the view come as functions: set_lines calls those in view; the rest are called
    when they come into view, are copied or asked for (text()), and the document is then setHtml's."""
    view = small_view(qtbot)
    called: list[int] = []

    def line(j: int, value: str):
        def write() -> str:
            called.append(j)
            return long_chain(j, value).split("<br>")[-1]
        return write

    view.set_lines([line(j, "0.2") for j in range(1, 41)])
    assert view.written_in_place == 1 and view.pending()
    seen = len(called)
    assert 0 < seen < 20 and called == list(range(1, seen + 1))  # the lines in view, and no other
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # scrolled down: all written
    assert sorted(called) == list(range(1, 41)) and not view.pending()
    assert view.text() == long_chain(40, "0.2")
    assert looks(view.document()) == looks(built_whole(long_chain(40, "0.2")).document())
    view.verticalScrollBar().setValue(0)
    called.clear()
    view.set_lines([line(j, "0.3") for j in range(1, 41)])
    assert len(called) < 20
    assert view.text() == long_chain(40, "0.3") and sorted(called) == list(range(1, 41))  # text() writes them all
    view.flush()
    assert looks(view.document()) == looks(built_whole(long_chain(40, "0.3")).document())


def test_a_line_that_comes_with_other_tags_later_sets_the_text_whole(qtbot):
    """A line below the view that turns out to have other tags than the block it replaces (or a line break of its
    own) is not written in place: the whole text is built as setHtml builds it."""
    view = small_view(qtbot)
    lines = long_chain(40, "0.2").split("<br>")
    lines[-1] = "<b>Σ</b> = 0.5"  # other tags
    lines[-2] = "two<br>lines"  # a line break of its own
    view.set_lines([(lambda text=text: text) for text in lines])
    assert view.pending()
    view.flush()
    whole = "<br>".join(lines)
    assert view.text() == whole and not view.pending()
    assert looks(view.document()) == looks(built_whole(whole).document())
    view.set_lines(lines[:-1])  # a line fewer: built whole
    assert looks(view.document()) == looks(built_whole("<br>".join(lines[:-1])).document())


def test_a_copy_that_sets_the_text_whole_keeps_what_was_selected(qtbot):
    """A copy writes the lines left below the view first; one of other tags sets the text whole (setHtml), and
    the learner's selection must survive it, or the copy would be empty."""
    view = small_view(qtbot)
    lines = long_chain(40, "0.2").split("<br>")
    lines[-1] = "<b>Σ</b> = 0.5"  # below the view, other tags: found only when written
    view.set_lines(lines)
    built = view.built
    view.selectAll()
    copied = view.createMimeDataFromSelection().text()
    assert view.built == built + 1  # the copy set it whole
    assert copied.count("0.2") == 78 and copied.endswith("Σ = 0.5")


def test_select_all_then_a_new_text_set_whole_then_copy_copies_the_new_text_whole(qtbot):
    """Found by a tester: a Step that sets the text whole (a phase left, a step back) after "select all" kept the
    old selection's places, so the copy stopped mid-formula; all selected stays all selected."""
    view = small_view(qtbot)
    view.selectAll()
    other = long_chain(60, "0.3") + "<br><b>Σ</b> = 0.5"  # more lines, other tags: set whole
    built = view.built
    view.setText(other)
    assert view.built == built + 1
    copied = view.createMimeDataFromSelection().text()
    assert copied.count("0.3") == 120 and copied.endswith("Σ = 0.5")
