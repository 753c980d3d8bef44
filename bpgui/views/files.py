"""Writing pictures a user asked for, never half-written (``bpgui.model.atomic`` does the writing).

Qt's painters and image writers do not report a full disk: a picture saved
straight to a file can come out empty while the save "succeeds". So every
picture is first encoded in memory (:func:`png_bytes`, :func:`svg_document`),
checked, and only then written by :func:`write_bytes_atomically`, which
checks every byte, flushes it to disk and keeps the previous file on any failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF
from PySide6.QtGui import QImage, QImageWriter, QPainter, QPixmap
from PySide6.QtSvg import QSvgGenerator

from ..model.atomic import write_atomically, write_bytes_atomically
from ..model.errors import QT_TRANSLATE_NOOP, BpguiError

__all__ = ["png_bytes", "save_image", "svg_document", "write_atomically", "write_bytes_atomically"]


def _not_drawn(path: str | os.PathLike[str], reason: str) -> BpguiError:
    return BpguiError(
        QT_TRANSLATE_NOOP("Errors", "{file}: the picture could not be drawn ({reason}); nothing was written"),
        file=os.fspath(path), reason=reason,
    )


def png_bytes(image: QImage | QPixmap, path: str | os.PathLike[str]) -> bytes:
    """The image encoded as PNG in memory; BpguiError naming ``path`` if it cannot be."""
    picture = image.toImage() if isinstance(image, QPixmap) else image
    if picture.isNull():
        raise _not_drawn(path, "empty image")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    ok = writer.write(picture)
    buffer.close()
    encoded = bytes(data.data())
    if not ok or not encoded.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _not_drawn(path, writer.errorString() or "PNG")
    return encoded


def svg_document(path: str | os.PathLike[str], size: QSizeF, title: str,
                 draw: Callable[[QPainter], None]) -> bytes:
    """What ``draw`` paints on a ``size`` canvas, as an SVG document in memory (BpguiError if none)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size.toSize())
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise _not_drawn(path, "SVG")
    try:
        draw(painter)
    finally:
        painter.end()
    buffer.close()
    return checked_svg(_in_pixels(bytes(data.data()), size), path)


def _in_pixels(document: bytes, size: QSizeF) -> bytes:
    """The document's width and height in pixels: Qt writes millimetres at 72 dpi, which a viewer at
    96 dpi shows a third larger than the picture asked for (a 1920-wide SVG opened 2,560 px wide)."""
    width, height = round(size.width()), round(size.height())
    return re.sub(rb'width="[0-9.]+mm" height="[0-9.]+mm"', f'width="{width}px" height="{height}px"'.encode(),
                  document, count=1)


def checked_svg(document: bytes, path: str | os.PathLike[str]) -> bytes:
    """``document`` if it is a whole SVG drawing (it has its closing tag), else BpguiError naming ``path``."""
    if b"<svg" not in document or not document.rstrip().endswith(b"</svg>"):
        raise _not_drawn(path, "SVG")
    return document


def save_image(image: QImage | QPixmap, path: str | os.PathLike[str]) -> None:
    """Save a QImage or QPixmap as PNG, encoded in memory first, then written atomically."""
    write_bytes_atomically(path, png_bytes(image, path))
