"""The chain-rule panel's text view: rich text, read-only, scrolling itself, cheap to write again.

A new text is one document built and laid out once at the view's width (a QLabel in a scroll area laid
it out again for each of its size hints and its height: ~4× the work, at every Step with a parameter
selected). Its size hints do not follow the text, so a longer chain never re-lays out the window; a new
text keeps the scroll position, so a learner reading the paths at the bottom stays there while stepping.

A Step changes the chain's numbers, not its shape: when the new text has the same tags as the one shown
(the same selection, the same formulas), only the runs of text between tags that changed are replaced in
the document, each in the format it had (an anchor stays an anchor). Parsing the HTML and building the
document again cost a 784-128-10 step with a unit selected about 5 ms; the replacements cost a fraction.
The document then holds exactly what ``setHtml`` of the new text would, except that each line (a ``<br>``)
is a block of its own: the text is read back and compared, and any text whose whitespace HTML would fold
(two spaces, a line break, a space moved to an edge) is set whole.

Each line a block, because Qt lays out again every block a replacement touches: as one block (``<br>`` is a
line break inside it) a Step's new numbers laid out all ~45 lines of a chain again. The lines below the view
are written when they can be seen: when the view scrolls or is resized, when its text is copied, and when no
new text has come for ``IDLE_MS`` (a Step's numbers reach what is read at once; stepping or Run rewrites only
what shows). ``pending()`` says whether some are still to come, ``flush()`` writes them now.
"""

from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QTextBrowser

_TAG = re.compile(r"<[^>]*>")
_SPLIT = re.compile(r"(<[^>]*>)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
LINE_SEPARATOR = "\u2028"  # what <br> is in a QTextDocument's text (setHtml)
BLOCK_SEPARATOR = "\u2029"  # what <br> is in the view's document: each line a block
_FOLDED = re.compile(r"  |[\t\n\r\f]")  # whitespace HTML folds: such a text is never written in place
IDLE_MS = 250  # the lines below the view are written once no new text has come for this long

Edit = tuple[int, int, str, int]  # (position in the document, old length, new text, index of the run)


def runs(html: str) -> tuple[tuple[str, ...], list[str]]:
    """The tags of ``html`` and the runs of text around them (entities decoded): len(runs) = len(tags) + 1."""
    parts = _SPLIT.split(html)  # text, tag, text, …, text: one pass
    return tuple(parts[1::2]), [unescape(text) if "&" in text else text for text in parts[0::2]]


def separators(tags: tuple[str, ...], line: str = LINE_SEPARATOR) -> list[str]:
    """What each tag of ``tags`` is in the document's text (a <br>: ``line``; any other: nothing), and ""
    after the last run: ``"".join(run + sep for run, sep in zip(runs, separators(tags)))`` is the text."""
    return [line if _BREAK.fullmatch(tag) else "" for tag in tags] + [""]


def raw_text(tags: tuple[str, ...], texts: list[str], line: str = LINE_SEPARATOR) -> str:
    """The document's text (``QTextDocument.toRawText``) for these tags and runs: a <br> is ``line``."""
    return _joined(texts, separators(tags, line))


def _joined(texts: list[str], seps: list[str]) -> str:
    return "".join([text + sep for text, sep in zip(texts, seps)])


def _same_edges(old: str, new: str) -> bool:
    """Whether ``new`` folds as ``old`` did (which folded nothing): no run of whitespace, spaces at the same edges."""
    return (not _FOLDED.search(new) and old[:1].isspace() == new[:1].isspace()
            and old[-1:].isspace() == new[-1:].isspace())


class FormulaView(QTextBrowser):
    """See the module: the panel's rich text, written again in place when only its numbers change."""

    linkHovered = Signal(str)  # the anchor under the pointer ("" when it leaves one), as QLabel's

    def __init__(self) -> None:
        super().__init__()
        self._html = ""
        # The tags, the runs and what each tag is in the text (see separators) of the document shown.
        self._shown: tuple[tuple[str, ...], list[str], list[str]] | None = None
        self._pending: list[Edit] = []  # replacements below the view, not made yet (positions as they are now)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.flush)
        self.written_in_place = 0  # texts written by replacing runs (for tests: counted, never timed)
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
        if html == self._html:
            return
        self._html = html
        tags, texts = runs(html)
        if self._write_in_place(tags, texts):
            self.written_in_place += 1
            return
        self._pending = []
        self._idle.stop()
        bar = self.verticalScrollBar()
        kept = bar.value()
        # setHtml empties the document first: with the bar as needed it would hide and show again, each
        # a new width for the viewport and the whole text laid out again. Shown throughout, then as needed.
        policy = self.verticalScrollBarPolicy()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if bar.isVisible() else policy)
        self.setHtml(html)
        self._lines_as_blocks()
        self.document().size()  # laid out now, so the scroll bar has its range back
        self.setVerticalScrollBarPolicy(policy)
        bar.setValue(kept)
        # Runs are replaced later only in a document whose text is the runs' (HTML folded nothing here).
        seps = separators(tags, BLOCK_SEPARATOR)
        self._shown = (tags, texts, seps) if self.document().toRawText() == _joined(texts, seps) else None

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

    def _write_in_place(self, tags: tuple[str, ...], texts: list[str]) -> bool:
        """Replace the runs that changed, if the tags are those shown and no run would fold differently; those
        below the view are left for later (see the module)."""
        if self._shown is None or self._shown[0] != tags:
            return False
        _, old, seps = self._shown
        edits: list[Edit] = []  # in document order
        position = 0
        for index, (before, after, sep) in enumerate(zip(old, texts, seps)):
            if before != after:
                if not before or not after or not _same_edges(before, after):
                    # An empty run has no format to keep, or lets the spaces around it meet (HTML folds
                    # them into one); folding would differ: set it whole.
                    return False
                edits.append((position, len(before), after, index))
            position += len(before) + len(sep)
        self._pending = edits
        return self._write(self._below_view())

    def _below_view(self) -> int:
        """The document position where the lines below the view begin (the end when it all shows)."""
        if not self.isVisible():
            return self.document().characterCount()
        block = self.cursorForPosition(QPoint(0, max(0, self.viewport().height() - 1))).block()
        return block.position() + block.length()

    def _write(self, limit: int) -> bool:
        """Make the pending replacements before ``limit``, then any the moved lines brought into view; the rest
        stay pending. False if the document then is not what its runs say (never expected: built whole)."""
        assert self._shown is not None
        tags, old, seps = self._shown
        texts = list(old)
        while self._pending and self._pending[0][0] < limit:
            now = [edit for edit in self._pending if edit[0] < limit]
            self._pending = self._pending[len(now):]
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            for start, length, text, index in reversed(now):  # from the end: earlier positions stay where they were
                cursor.setPosition(start)
                cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(text)  # in the cursor's format: its run's last character's (an anchor's href too)
                texts[index] = text
            cursor.endEditBlock()
            shift = sum(len(text) - length for _start, length, text, _index in now)
            self._pending = [(start + shift, length, text, index) for start, length, text, index in self._pending]
            if self._pending:  # new lengths above may have brought lines below into view
                limit = self._below_view()
        self._shown = (tags, texts, seps)
        if self._pending:
            self._idle.start()
        elif self.document().toRawText() != _joined(texts, seps):  # never expected: then build it whole
            self._shown = None
            return False
        return True

    def pending(self) -> bool:
        """Whether some lines below the view still show the numbers of an earlier text."""
        return bool(self._pending)

    def flush(self) -> None:
        """Write the lines left below the view now (see the module)."""
        self._idle.stop()
        if self._pending and not self._write(self.document().characterCount() + 1):
            html, self._html = self._html, ""
            self.setText(html)

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
        """The rich text shown, as it was set (QLabel's ``text()``)."""
        return self._html

    def set_margin(self, margin: int) -> None:
        """Room around the text, in pixels (the document's own margin: the text's background fills it)."""
        if self.document().documentMargin() != margin:
            self.flush()
            self.document().setDocumentMargin(margin)
