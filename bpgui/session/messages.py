"""What the session tells the learner, kept translatable without Qt.

The session never formats a sentence in a language: it hands out a
:class:`Message` holding the English template (marked with
``QT_TRANSLATE_NOOP(context, …)`` so ``pyside6-lupdate`` extracts it) and the
values of its ``%N`` placeholders. The controller translates the template and
fills it with :func:`bpgui.model.text.fill`; a value that is itself a
:class:`Message`, an error or a list of those is rendered the same way first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model.errors import QT_TRANSLATE_NOOP, BpguiError, translate_error
from ..model.text import fill

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "Message", "render"]

#: The translation context of the session's sentences (the controller's, where they were first written).
CONTEXT = "TrainingController"
#: Between the items of a list in a sentence (Chinese: 、).
LIST_SEPARATOR = QT_TRANSLATE_NOOP("TrainingController", ", ")


@dataclass(frozen=True)
class Message:
    """A sentence for the learner: ``level`` is "info" or "error"."""

    level: str
    template: str
    args: tuple[Any, ...] = ()
    context: str = CONTEXT

    @staticmethod
    def error(exc: BaseException) -> Message:
        """An input the model refused, shown as its own (translatable) message."""
        return Message("error", "%1", (exc,))

    def english(self) -> str:
        """The message in English (the command line, logs, tests)."""
        return render(self, lambda _context, text: text)


def render(value: Any, translate: Callable[[str, str], str]) -> str:
    """``value`` as text in the language ``translate(context, text)`` gives."""
    if isinstance(value, Message):
        return fill(translate(value.context, value.template), *(render(a, translate) for a in value.args))
    if isinstance(value, BpguiError):
        return translate_error(value, translate)
    if isinstance(value, list | tuple):
        return translate(CONTEXT, LIST_SEPARATOR).join(render(v, translate) for v in value)
    return str(value)
