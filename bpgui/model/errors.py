"""Errors raised for bad user input.

Every message names what is wrong (file, line, column or key) so the window
can show it as it is; raising one never changes any state.

Messages are translatable without this layer knowing about Qt: each error
is raised with an English *template* (named fields
such as ``{file}``, ``{line}``, ``{key}``) wrapped in
:func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` extracts it into the
``Errors`` context, plus the field values::

    raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: file not found"), file=where)

``str(exc)`` is the English message; :func:`translate_error` gives the
message in the user's language (the GUI passes ``QCoreApplication.translate``).
Always call ``QT_TRANSLATE_NOOP("Errors", "...")`` with string literals
(adjacent literals may be concatenated): lupdate reads the source, not the
running program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .text import fill, placeholders

__all__ = [
    "QT_TRANSLATE_NOOP",
    "BpguiError",
    "ConfigError",
    "DataError",
    "DivergenceError",
    "NetworkFileError",
    "Phrase",
    "bad_value",
    "translate_error",
]

#: The translation context of every error template.
CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    return text


def _rebuild(cls: type, template: str, fields: dict[str, Any]) -> BpguiError:
    return cls(template, **fields)


class BpguiError(ValueError):
    """Base class of the errors a user can cause with bad input.

    ``template`` is the English message with ``{field}`` placeholders and
    ``fields`` the values that fill them; ``str(exc)`` is
    ``fill(template, **fields)`` (:mod:`bpgui.model.text`).  Called with a finished message and no
    fields, the message is kept exactly as given (it is not run through
    ``str.format``, so braces in a path or a repr stay as they are).
    """

    def __init__(self, template: str, **fields: Any) -> None:
        template = str(template)
        self.template = template
        self.fields = dict(fields)
        super().__init__(fill(template, **fields) if fields else template)

    def __reduce__(self) -> tuple[Callable[..., BpguiError], tuple[type, str, dict[str, Any]], dict[str, Any]]:
        # Keep the template and fields when pickled or copied (the default
        # would rebuild from args, i.e. from the formatted English message).
        return _rebuild, (type(self), self.template, self.fields), self.__dict__


class DataError(BpguiError):
    """A data set (built-in name or CSV file) could not be used."""


class NetworkFileError(BpguiError):
    """A network file is not valid JSON or not a valid bpgui network."""


class ConfigError(BpguiError):
    """A training or structure setting is out of range (η, hidden sizes, ...)."""


class DivergenceError(BpguiError):
    """An iteration produced NaN or infinity; it was not applied."""


def translate_error(exc: BaseException, translate: Callable[[str, str], str]) -> str:
    """The message of ``exc`` in the user's language.

    ``translate(context, text)`` looks a template up (the GUI passes
    ``QCoreApplication.translate``); the translated template is filled with
    the error's fields.  Anything that is not a templated :class:`BpguiError`,
    or a translation that does not format (a missing or misspelt field, a
    stray brace), gives ``str(exc)``: a bad translation never crashes the app.
    """
    template = getattr(exc, "template", None)
    fields = getattr(exc, "fields", None)
    if not isinstance(exc, BpguiError) or not isinstance(template, str) or not isinstance(fields, dict):
        return str(exc)
    try:
        text = translate(CONTEXT, template)
        # A translation must keep exactly the template's placeholders; one that
        # drops, renames or adds one is not used (the English message is).
        if not isinstance(text, str) or not text or placeholders(text) != placeholders(template):
            return str(exc)
        fields = {k: v.translated(translate) if isinstance(v, Phrase) else v for k, v in fields.items()}
        return fill(text, **fields) if fields else text
    except Exception:  # a broken translation must never take the window down
        return str(exc)


class Phrase(str):
    """A translatable phrase given as an error's field (what was ``expected``): the English text as a str, with
    its template and fields kept so that :func:`translate_error` puts it in the learner's language too."""

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, **fields: Any) -> Phrase:
        made = super().__new__(cls, fill(template, **fields) if fields else template)
        made.template, made.fields = template, dict(fields)
        return made

    def __reduce__(self) -> tuple[Callable[..., Phrase], tuple[str, dict[str, Any]]]:
        return _phrase, (self.template, self.fields)

    def translated(self, translate: Callable[[str, str], str]) -> str:
        text = translate(CONTEXT, self.template)
        if not isinstance(text, str) or not text or placeholders(text) != placeholders(self.template):
            return str(self)
        return fill(text, **self.fields) if self.fields else text


def _phrase(template: str, fields: dict[str, Any]) -> Phrase:
    return Phrase(template, **fields)


def bad_value(source: str, key: str, expected: str, got: object) -> DataError:
    """The error of a document (``source``) whose ``key`` holds ``got`` where ``expected`` belongs."""
    shown = repr(got)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected {expected}, got {got}"),
                     source=source, key=key, expected=expected, got=shown)
