"""The chain-rule panel's text view: rich text, read-only, scrolling itself, cheap to write again.

A new text is one document built and laid out once at the view's width (a QLabel in a scroll area laid
it out again for each of its size hints and its height: ~4× the work, at every Step with a parameter
selected). Its size hints do not follow the text, so a longer chain never re-lays out the window; a new
text keeps the scroll position, so a learner reading the paths at the bottom stays there while stepping.

A Step changes the chain's numbers, not its shape: when the new text has the same tags as the one shown
(the same selection, the same formulas), only the runs of text between tags that changed are replaced in
the document, each in the format it had (an anchor stays an anchor). Parsing the HTML and building the
document again cost a 784-128-10 step with a unit selected about 5 ms; the replacements cost a fraction.
The document then holds exactly what ``setHtml`` of the new text would: the text is read back and
compared, and any text whose whitespace HTML would fold (two spaces, a line break, a space moved to an
edge) is set whole.
"""

from __future__ import annotations

import re
from html import unescape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QTextBrowser

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
LINE_SEPARATOR = "\u2028"  # what <br> is in a QTextDocument's text
_FOLDED = re.compile(r"  |[\t\n\r\f]")  # whitespace HTML folds: such a text is never written in place


def runs(html: str) -> tuple[tuple[str, ...], list[str]]:
    """The tags of ``html`` and the runs of text around them (entities decoded): len(runs) = len(tags) + 1."""
    return tuple(_TAG.findall(html)), [unescape(text) for text in _TAG.split(html)]


def separators(tags: tuple[str, ...]) -> list[str]:
    """What each tag of ``tags`` is in the document's text (a <br>: a line separator; any other: nothing), and ""
    after the last run: ``"".join(run + sep for run, sep in zip(runs, separators(tags)))`` is the text."""
    return [LINE_SEPARATOR if _BREAK.fullmatch(tag) else "" for tag in tags] + [""]


def raw_text(tags: tuple[str, ...], texts: list[str]) -> str:
    """The document's text (``QTextDocument.toRawText``) for these tags and runs: a <br> is a line separator."""
    return _joined(texts, separators(tags))


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
        self.written_in_place = 0  # texts written by replacing runs (for tests: counted, never timed)
        self.document().setUndoRedoEnabled(False)  # read-only: replacing runs must not pile up undo steps
        self.setOpenLinks(False)  # an anchor is a factor's address, never a page to open
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)  # as the panels around it
        # A method, not a lambda holding self: Qt drops the connection when the view is destroyed (a window
        # replaced for another language), where a lambda could still be called on a deleted object.
        self.highlighted.connect(self._on_highlighted)

    def _on_highlighted(self, url: QUrl) -> None:
        self.linkHovered.emit(url.toString())

    def setText(self, html: str) -> None:
        if html == self._html:
            return
        self._html = html
        tags, texts = runs(html)
        if self._write_in_place(tags, texts):
            self.written_in_place += 1
            return
        bar = self.verticalScrollBar()
        kept = bar.value()
        # setHtml empties the document first: with the bar as needed it would hide and show again, each
        # a new width for the viewport and the whole text laid out again. Shown throughout, then as needed.
        policy = self.verticalScrollBarPolicy()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if bar.isVisible() else policy)
        self.setHtml(html)
        self.document().size()  # laid out now, so the scroll bar has its range back
        self.setVerticalScrollBarPolicy(policy)
        bar.setValue(kept)
        # Runs are replaced later only in a document whose text is the runs' (HTML folded nothing here).
        seps = separators(tags)
        self._shown = (tags, texts, seps) if self.document().toRawText() == _joined(texts, seps) else None

    def _write_in_place(self, tags: tuple[str, ...], texts: list[str]) -> bool:
        """Replace the runs that changed, if the tags are those shown and no run would fold differently."""
        if self._shown is None or self._shown[0] != tags:
            return False
        _, old, seps = self._shown
        edits = []  # (start, old length, new text), in document order
        position = 0
        for before, after, sep in zip(old, texts, seps):
            if before != after:
                if not before or not after or not _same_edges(before, after):
                    # An empty run has no format to keep, or lets the spaces around it meet (HTML folds
                    # them into one); folding would differ: set it whole.
                    return False
                edits.append((position, len(before), after))
            position += len(before) + len(sep)
        document = self.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for start, length, text in reversed(edits):  # from the end: earlier positions stay where they were
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text)  # in the cursor's format: its run's last character's (an anchor's href too)
        cursor.endEditBlock()
        self._shown = (tags, texts, seps)
        if document.toRawText() != _joined(texts, seps):  # never expected: then build it whole
            self._shown = None
            return False
        return True

    def text(self) -> str:
        """The rich text shown, as it was set (QLabel's ``text()``)."""
        return self._html

    def set_margin(self, margin: int) -> None:
        """Room around the text, in pixels (the document's own margin: the text's background fills it)."""
        if self.document().documentMargin() != margin:
            self.document().setDocumentMargin(margin)
