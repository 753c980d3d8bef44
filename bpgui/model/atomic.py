"""Writing a file the user asked for, never half-written: a temporary file beside it, then a rename.

The one implementation for every kind of file bpgui writes (network files,
logs, tables, pictures). No Qt here: the views render a picture to memory
and pass its bytes to :func:`write_bytes_atomically`.

What is at the path decides what happens:

- nothing: a new file, with the permissions of any new file (``0666`` less
  the umask), not a temporary file's ``0600``;
- a regular file: it is replaced and keeps its permission bits (and, where
  the process may, its owner and group); a read-only one (no write bit set,
  or not writable by this process) is refused, as root too;
- a symbolic link: it is followed, and the regular file it names is replaced
  (the link stays a link); a link whose target does not exist yet creates it;
- anything else (a folder, a FIFO, a device, a socket) is refused: nothing is
  opened or written there.

The data are written with checked I/O, flushed to disk (``fsync``) and their
size checked before the rename; the folder is flushed after it. If anything
fails before the rename, the temporary file is removed and the file at the
path is left exactly as it was. Every failure is a :class:`BpguiError` naming
the path the user gave (never the temporary file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable

from .errors import QT_TRANSLATE_NOOP, BpguiError

__all__ = ["write_atomically", "write_bytes_atomically", "write_text_atomically"]


def _reason(exc: OSError) -> str:
    """What went wrong, without the (temporary) file name an ``OSError`` may carry."""
    return str(exc.strerror or (exc.args[0] if exc.args else exc))


def _cannot_write(shown: str, exc: OSError) -> BpguiError:
    return BpguiError(QT_TRANSLATE_NOOP("Errors", "{file}: cannot be written ({reason})"),
                      file=shown, reason=_reason(exc))


def _resolve(shown: str) -> tuple[str, os.stat_result | None]:
    """The regular file to replace for ``shown`` (a symlink followed) and its status (None: new).

    Refuses (BpguiError) a target that is not a regular file or is read-only.
    """
    target = os.path.realpath(shown) if os.path.islink(shown) else os.path.abspath(shown)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as exc:
        raise _cannot_write(shown, exc) from None
    if not stat.S_ISREG(status.st_mode):
        raise BpguiError(
            QT_TRANSLATE_NOOP("Errors", "{file}: not a regular file (a folder, a device or a pipe); "
                                        "choose another name"),
            file=shown,
        )
    # Root may write to any file: the mode bits say whether the user meant it to be written.
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise BpguiError(
            QT_TRANSLATE_NOOP("Errors", "{file}: the file is read-only; make it writable or choose another name"),
            file=shown,
        )
    return target, status


def _create_temporary(target: str, shown: str) -> str:
    """Create an empty, new temporary file beside ``target`` and return its name."""
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise BpguiError(
            QT_TRANSLATE_NOOP("Errors", "{file}: cannot write here ({reason})"),
            file=shown, reason=_reason(exc),
        ) from None
    return temporary


def _keep_mode(temporary: str, status: os.stat_result | None) -> None:
    """The replaced file's permissions (and owner, where allowed); a new file keeps those it was
    created with (``0666`` less the umask: the umask is never changed here, other threads create files too)."""
    if status is None:
        return
    os.chmod(temporary, stat.S_IMODE(status.st_mode))
    with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
        if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            os.chown(temporary, status.st_uid, status.st_gid)
            os.chmod(temporary, stat.S_IMODE(status.st_mode))  # chown clears set-id bits


def _fsync_path(name: str, flags: int = os.O_RDONLY) -> None:
    fd = os.open(name, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: str) -> None:
    try:
        _fsync_path(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES):
            raise  # some file systems cannot flush a folder; a real I/O error is reported


def _replace(shown: str, write: Callable[[str], None], size: int | None = None) -> None:
    """``write(temporary)``, checks, fsync, rename over the target of ``shown``, fsync the folder."""
    target, status = _resolve(shown)
    temporary = _create_temporary(target, shown)
    try:
        write(temporary)
        _keep_mode(temporary, status)
        _fsync_path(temporary)
        written = os.path.getsize(temporary)
        if size is not None and written != size:
            raise BpguiError(
                QT_TRANSLATE_NOOP("Errors", "{file}: only {written} of {size} bytes could be written; "
                                            "the previous file is kept"),
                file=shown, written=written, size=size,
            )
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _cannot_write(shown, exc) from None
        raise
    try:
        _fsync_folder(os.path.dirname(target))
    except OSError as exc:
        raise _cannot_write(shown, exc) from None


def write_atomically(path: str | os.PathLike[str], write: Callable[[str], None]) -> None:
    """Call ``write(temporary_path)``, then rename the result over ``path`` (see the module's rules).

    ``write`` must raise if it fails (an ``OSError`` becomes a BpguiError
    naming ``path``; anything else propagates as it is); a writer that reports
    failure by a return value (a falsy ``QImage.save``) should raise itself.
    Prefer :func:`write_bytes_atomically`: its size is checked after writing.
    """
    _replace(os.fspath(path), write)


def _write_all(name: str, data: bytes) -> None:
    """Every byte of ``data`` to the file ``name`` (a short write is retried; ENOSPC raises)."""
    fd = os.open(name, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            done = os.write(fd, view)
            if done <= 0:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            view = view[done:]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` whole to ``path`` (checked, flushed to disk, size verified) or change nothing."""
    payload = bytes(data)
    _replace(os.fspath(path), lambda temporary: _write_all(temporary, payload), size=len(payload))


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 (``\\n`` line ends, as given) by :func:`write_bytes_atomically`."""
    write_bytes_atomically(path, text.encode("utf-8"))
