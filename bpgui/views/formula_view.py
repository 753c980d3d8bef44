"""The chain-rule panel's text view: rich text, read-only, scrolling itself, cheap to write again.

A new text is one document built and laid out once at the view's width (a QLabel in a scroll area laid
it out again for each of its size hints and its height: ~4× the work, at every Step with a parameter
selected). Its size hints do not follow the text, so a longer chain never re-lays out the window; a new
text keeps the scroll position, so a learner reading the paths at the bottom stays there while stepping.

The text comes as lines (``set_lines``; ``setText`` splits a text at its ``<br>``), each line a block of
the document. A Step changes the chain's numbers, not its shape: when a new line has the same tags as the
block shown, only the runs of text between tags that changed are replaced in that block, each in the
format it had (an anchor stays an anchor). Parsing the HTML and building the document again cost a
784-128-10 step with a unit selected about 5 ms; the replacements cost a fraction. The document then holds
exactly what ``setHtml`` of the whole text would, except that each line is a block of its own: each block
written is read back and compared, and any text whose whitespace HTML would fold (two spaces, a line
break, a space moved to an edge), or whose tags or number of lines differ, is set whole.

Each line a block, because Qt lays out again every block a replacement touches: as one block (``<br>`` is a
line break inside it) a Step's new numbers laid out all ~45 lines of a chain again. The lines below the view
are written when they can be seen: when the view scrolls or is resized, when its text is copied, and when no
new text has come for ``IDLE_MS`` (a Step's numbers reach what is read at once; stepping or Run rewrites only
what shows). A line may come as a function that writes it: it is called only when its line is written (or
the whole text is asked for), so a line below the view that the next Step replaces is never even written
out. ``pending()`` says whether some lines are still to come, ``flush()`` writes them now.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import unescape

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QTextBrowser

_SPLIT = re.compile(r"(<[^>]*>)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
LINE_SEPARATOR = "\u2028"  # what <br> is in a QTextDocument's text (setHtml)
BLOCK_SEPARATOR = "\u2029"  # what <br> is in the view's document: each line a block
_FOLDED = re.compile(r"  |[\t\n\r\f]")  # whitespace HTML folds: such a text is never written in place
IDLE_MS = 250  # the lines below the view are written once no new text has come for this long

Line = str | Callable[[], str]  # a line's rich text, or a function that writes it when it is needed
Runs = tuple[tuple[str, ...], list[str]]  # a line's tags, and the runs of text around them


def runs(html: str) -> Runs:
    """The tags of ``html`` and the runs of text around them (entities decoded): len(runs) = len(tags) + 1."""
    parts = _SPLIT.split(html)  # text, tag, text, …, text: one pass
    return tuple(parts[1::2]), [unescape(text) if "&" in text else text for text in parts[0::2]]


def split_lines(html: str) -> list[str]:
    """``html``'s lines: the texts between its ``<br>``."""
    return _BREAK.split(html)


def _same_edges(old: str, new: str) -> bool:
    """Whether ``new`` folds as ``old`` did (which folded nothing): no run of whitespace, spaces at the same edges."""
    return (not _FOLDED.search(new) and old[:1].isspace() == new[:1].isspace()
            and old[-1:].isspace() == new[-1:].isspace())


class FormulaView(QTextBrowser):
    """See the module: the panel's rich text, written again in place when only its numbers change."""

    linkHovered = Signal(str)  # the anchor under the pointer ("" when it leaves one), as QLabel's

    def __init__(self) -> None:
        super().__init__()
        self._html: str | None = ""  # the whole text as set (None: the lines joined, when asked)
        self._lines: list[Line] = []  # the text's lines as set (a function until its line is written out)
        self._blocks: list[Runs] | None = None  # each block's tags and runs as the document holds them
        self._pending: list[int] = []  # blocks (in order) whose line may differ from what they show
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.flush)
        self.written_in_place = 0  # texts written by replacing runs (for tests: counted, never timed)
        self.built = 0  # texts (or lines found later to differ) set whole (for tests: counted, never timed)
        self.document().setUndoRedoEnabled(False)  # read-only: replacing runs must not pile up undo steps
        self.setOpenLinks(False)  # an anchor is a factor's address, never a page to open
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)  # as the panels around it
        # Methods, not lambdas holding self: Qt drops the connection when the view is destroyed (a window
        # replaced for another language), where a lambda could still be called on a deleted object.
        self.highlighted.connect(self._on_highlighted)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def _on_highlighted(self, url: QUrl) -> None:
        self.linkHovered.emit(url.toString())

    def _on_scrolled(self, _value: int) -> None:
        self.flush()

    def setText(self, html: str) -> None:
        """The whole text at once (its ``<br>`` separate its lines)."""
        if html != self._html:
            self._set(list[Line](split_lines(html)), html)

    def set_lines(self, lines: Sequence[Line]) -> None:
        """The text as lines: each a rich text without ``<br>``, or a function that writes one (called when
        its line is written, or when ``text()`` is asked for)."""
        self._set(list(lines), None)

    def _set(self, lines: list[Line], html: str | None) -> None:
        self._lines, self._html = lines, html
        if self._blocks is not None and len(self._blocks) == len(lines):
            self._pending = list(range(len(lines)))
            if self._write(self._below_view()):
                self.written_in_place += 1
                return
        self._build()

    def _line(self, i: int) -> str:
        line = self._lines[i]
        if not isinstance(line, str):
            line = self._lines[i] = line()
        return line

    def _build(self, flushed: bool = False) -> None:
        """The whole text set anew (see the module). What the learner selected stays selected if it was all of
        it, or if this only writes out the lines left below the view (``flushed``: a copy flushes first)."""
        self.built += 1
        self._pending = []
        self._idle.stop()
        html = self.text()
        bar = self.verticalScrollBar()
        kept = bar.value()
        # setHtml empties the document first: with the bar as needed it would hide and show again, each
        # a new width for the viewport and the whole text laid out again. Shown throughout, then as needed.
        policy = self.verticalScrollBarPolicy()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if bar.isVisible() else policy)
        chosen = self.textCursor()
        anchor, position = chosen.anchor(), chosen.position()  # what the learner selected, to copy
        everything = anchor != position and {anchor, position} == {0, self.document().characterCount() - 1}
        self.setHtml(html)
        self._lines_as_blocks()
        if everything:
            self.selectAll()  # a new text too: "select all, Step, copy" copies the new text whole
        elif anchor != position and flushed:  # the same text, its last lines written out: the same places
            end = self.document().characterCount() - 1
            chosen = QTextCursor(self.document())
            chosen.setPosition(min(anchor, end))
            chosen.setPosition(min(position, end), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(chosen)
        self.document().size()  # laid out now, so the scroll bar has its range back
        self.setVerticalScrollBarPolicy(policy)
        bar.setValue(kept)
        # Runs are replaced later only in a document whose blocks are the lines' runs (HTML folded nothing).
        blocks = [runs(self._line(i)) for i in range(len(self._lines))]
        shown = BLOCK_SEPARATOR.join("".join(texts) for _tags, texts in blocks)
        self._blocks = blocks if self.document().toRawText() == shown else None

    def _lines_as_blocks(self) -> None:
        """Each line break setHtml made (a line separator) becomes a block break: see the module."""
        document = self.document()
        text = document.toRawText()
        if LINE_SEPARATOR not in text:
            return
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for at in reversed([i for i, ch in enumerate(text) if ch == LINE_SEPARATOR]):
            cursor.setPosition(at)
            cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertBlock()  # the same (empty) block format: the same margins, the same lines
        cursor.endEditBlock()

    def _below_view(self) -> int:
        """The first block below the view (the number of blocks when they all show)."""
        if not self.isVisible():
            return self.document().blockCount()
        # (at the view's height, not a row above it: a line whose first row is the view's last is in view too)
        return self.cursorForPosition(QPoint(0, max(0, self.viewport().height()))).block().blockNumber() + 1

    def _write(self, limit: int) -> bool:
        """Write the pending lines before block ``limit`` in place, then any the new lengths brought into view;
        the rest stay pending. False if a line cannot be written in place (then the text is set whole)."""
        blocks = self._blocks
        assert blocks is not None
        document = self.document()
        layout = document.documentLayout()
        while self._pending and self._pending[0] < limit:
            height = layout.documentSize().height()
            now = [i for i in self._pending if i < limit]
            lines = [runs(self._line(i)) for i in now]  # (a line that cannot be written changes nothing)
            self._pending = self._pending[len(now):]
            edits: list[tuple[int, int, str]] = []  # (position, old length, new text), in document order
            written: list[int] = []
            for i, (tags, texts) in zip(now, lines):
                old_tags, old = blocks[i]
                if tags != old_tags:
                    return False
                if texts == old:
                    continue
                position = document.findBlockByNumber(i).position()
                for before, after in zip(old, texts):
                    if before != after:
                        if not before or not after or not _same_edges(before, after):
                            # An empty run has no format to keep, or lets the spaces around it meet (HTML
                            # folds them into one); folding would differ: set it whole.
                            return False
                        edits.append((position, len(before), after))
                    position += len(before)
                written.append(i)
            if edits:
                cursor = QTextCursor(document)
                cursor.beginEditBlock()
                for start, length, text in reversed(edits):  # from the end: earlier positions stay put
                    cursor.setPosition(start)
                    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(text)  # in the cursor's format: its run's last character's (an anchor's href too)
                cursor.endEditBlock()
            for i, line in zip(now, lines):
                blocks[i] = line
            if any(document.findBlockByNumber(i).text() != "".join(blocks[i][1]) for i in written):
                return False  # never expected: then build it whole
            # New lengths above may have brought lines below into view; only blocks above ``limit`` changed, so
            # if the text's height is the same, the first block below the view still starts where it did.
            if self._pending and layout.documentSize().height() != height:
                limit = self._below_view()
        if self._pending:
            self._idle.start()
        return True

    def pending(self) -> bool:
        """Whether some lines below the view may still show the numbers of an earlier text."""
        return bool(self._pending)

    def flush(self) -> None:
        """Write the lines left below the view now (see the module)."""
        self._idle.stop()
        if self._pending and not self._write(len(self._lines)):
            self._build(flushed=True)

    def createMimeDataFromSelection(self) -> QMimeData:
        self.flush()  # a copy holds every line's numbers
        return super().createMimeDataFromSelection()

    def resizeEvent(self, event) -> None:
        self.flush()  # lines below may come into view
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_idle"):
            self.flush()  # (not while QTextBrowser's own constructor runs)
        super().changeEvent(event)

    def text(self) -> str:
        """The rich text shown, as it was set (QLabel's ``text()``); set as lines, the lines joined by ``<br>``."""
        if self._html is None:
            self._html = "<br>".join([self._line(i) for i in range(len(self._lines))])
        return self._html

    def set_margin(self, margin: int) -> None:
        """Room around the text, in pixels (the document's own margin: the text's background fills it)."""
        if self.document().documentMargin() != margin:
            self.flush()
            self.document().setDocumentMargin(margin)
