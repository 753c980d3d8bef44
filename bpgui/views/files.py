"""Writing pictures a user asked for, never half-written: a temporary file beside it, then a rename."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable


def write_atomically(path: str | os.PathLike, write: Callable[[str], None]) -> None:
    """Call ``write(temporary_path)``, then rename the result over ``path``; on any failure remove it.

    ``write`` may raise; a falsy image save should raise OSError itself.
    """
    path = os.fspath(path)
    folder, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    # Created like any new file (the umask applies), so the result gets ordinary permissions.
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def save_image(image, path: str | os.PathLike) -> None:
    """Save a QImage or QPixmap as PNG, atomically."""

    def write(temporary: str) -> None:
        if not image.save(temporary, "PNG"):
            raise OSError(f"{os.fspath(path)}: the image could not be written")

    write_atomically(path, write)
