"""The session's practice (issue 12): the worksheet of the iteration shown and the learner's answers.

A mixin of :class:`~bpgui.session.training.TrainingSession`. The book (:class:`.practice.PracticeBook`)
belongs to the session, not to a network: a reset, a new network, step back or a language switch (the
controller and its session stay) keep every answer and the score. Each check is announced as "practice".
"""

from __future__ import annotations

from typing import Any

from ..model.practice.worksheet import Sheet
from .core import SessionCore
from .practice import Check, PracticeBook


class Practising(SessionCore):
    """The worksheet and the practice book of a session."""

    _book: PracticeBook | None = None

    @property
    def practice(self) -> PracticeBook:
        if self._book is None:
            self._book = PracticeBook()
        return self._book

    def _focus(self) -> int | None:
        return self._selected if 0 <= self._selected < self.network.n_parameters else None

    def worksheet(self) -> Sheet:
        """The worksheet of the iteration shown (a big network's: the selected parameter's path)."""
        net = self.network
        return self.practice.sheet(self.display_record(), net.activations, net.loss, self._focus())

    def worksheet_answers(self) -> dict[str, Check]:
        """The learner's latest answer to each cell of the iteration shown."""
        return self.practice.answers(self.display_record())

    def check_answer(self, key: str, text: str) -> Check:
        """Grade ``text`` for cell ``key`` of the iteration shown, keep it and announce it ("practice").

        Raises ``AnswerError`` (not a number, too few digits) or ``KeyError`` and changes nothing then.
        """
        net = self.network
        check = self.practice.check(self.display_record(), net.activations, net.loss, key, text, self._focus())
        self._emit("practice", check)
        return check

    def practice_data(self) -> dict[str, Any]:
        """The book as plain JSON-safe data (for a session file)."""
        return self.practice.to_data()

    def load_practice(self, data: object, source: str = "practice") -> None:
        """Replace the book with ``data`` (:meth:`practice_data`'s); ``DataError`` naming the key of anything
        malformed, and the book as it was then."""
        self._book = PracticeBook.from_data(data, source)
        self._emit("practice", None)
