"""Writing pictures a user asked for, never half-written (``bpgui.model.atomic`` does the writing)."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage, QImageWriter, QPixmap

from ..model.atomic import write_atomically

__all__ = ["save_image", "write_atomically"]


def save_image(image: QImage | QPixmap, path: str | os.PathLike[str]) -> None:
    """Save a QImage or QPixmap as PNG, atomically."""
    picture = image.toImage() if isinstance(image, QPixmap) else image

    def write(temporary: str) -> None:
        if not QImageWriter(temporary, QByteArray(b"png")).write(picture):
            raise OSError(f"{os.fspath(path)}: the image could not be written")

    write_atomically(path, write)
