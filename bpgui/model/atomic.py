"""Writing a file the user asked for, never half-written: a temporary file beside it, then a rename.

The one implementation for every kind of file bpgui writes (network files,
logs, tables, pictures). No Qt here: the views pass a ``write`` callback that
saves an image or a drawing to the temporary path.

The temporary file is created like any new file (the umask applies), so the
result gets ordinary permissions, not a temporary file's 0600. If anything
fails before the rename, the temporary file is removed and the file at
``path`` (if any) is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable

from .errors import QT_TRANSLATE_NOOP, BpguiError

__all__ = ["write_atomically", "write_text_atomically"]


def _create_temporary(path: str) -> str:
    """Create an empty, new temporary file beside ``path`` and return its name (``OSError`` if it cannot)."""
    folder, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    return temporary


def _fill_and_rename(temporary: str, path: str, write: Callable[[str], None]) -> None:
    """``write(temporary)`` then rename it over ``path``; on any failure remove it and re-raise."""
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_atomically(path: str | os.PathLike[str], write: Callable[[str], None]) -> None:
    """Call ``write(temporary_path)``, then rename the result over ``path``; on any failure remove it.

    Errors propagate as they are (``OSError`` from the file system, whatever
    ``write`` raises); a writer that reports failure by a return value (a
    falsy ``QImage.save``) should raise ``OSError`` itself.
    """
    target = os.fspath(path)
    _fill_and_rename(_create_temporary(target), target, write)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 (``\\n`` line ends), flushed to disk before the rename.

    A file-system error becomes a ``BpguiError`` naming the file; any other
    exception propagates unchanged (the old file is kept either way).
    """
    target = os.fspath(path)
    try:
        temporary = _create_temporary(target)
    except OSError as exc:
        raise BpguiError(
            QT_TRANSLATE_NOOP("Errors", "{file}: cannot write here ({reason})"),
            file=target, reason=str(exc.strerror),
        ) from None

    def write(name: str) -> None:
        with open(name, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())

    try:
        _fill_and_rename(temporary, target, write)
    except OSError as exc:
        raise BpguiError(
            QT_TRANSLATE_NOOP("Errors", "{file}: cannot be written ({reason})"),
            file=target, reason=str(exc.strerror),
        ) from None
