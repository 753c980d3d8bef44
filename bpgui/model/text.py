"""Filling translated message templates: the one helper every layer uses.

A translatable string keeps its placeholders so a translation can move them:
Qt-style numbered ones (``%1``, ``%2`` …) and named ones (``{file}``,
``{line}`` …). :func:`fill` replaces all of them in a single pass, so a value
that itself contains ``%2`` or ``{x}`` (a file named ``net%2.json``) is
inserted as it is and never substituted again, which a chain of
``str.replace`` calls or ``str.format`` on a path with braces gets wrong.

No Qt here: the model, the session and the views all call it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["fill", "placeholders"]

# %N, {name}, and the escaped braces {{ and }} of str.format-style templates.
_TOKEN = re.compile(r"%(\d{1,2})|\{([A-Za-z_]\w*)\}|(\{\{|\}\})")


def fill(template: str, *args: Any, **fields: Any) -> str:
    """``template`` with ``%N`` replaced by ``args[N-1]`` and ``{name}`` by ``fields[name]``.

    ``{{`` and ``}}`` stand for literal braces. Values are inserted with ``str()``. A placeholder with no value (``%3``
    when two are given, an unknown ``{name}``) is left as written, so a
    faulty translation shows its gap instead of raising.
    """

    def value(match: re.Match[str]) -> str:
        number, name, brace = match.group(1), match.group(2), match.group(3)
        if brace is not None:
            return brace[0]
        if number is not None:
            index = int(number) - 1
            return str(args[index]) if 0 <= index < len(args) else match.group(0)
        return str(fields[name]) if name in fields else match.group(0)

    return _TOKEN.sub(value, template)


def placeholders(template: str) -> list[str]:
    """Every placeholder of ``template`` as written (``%1``, ``{file}`` …), sorted, repeats kept."""
    return sorted(match.group(0) for match in _TOKEN.finditer(template) if match.group(3) is None)
