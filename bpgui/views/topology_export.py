"""The network drawing written to a file: PNG or SVG, at a chosen size or twice its own."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from .files import save_image, svg_document, write_bytes_atomically


def export_scene(scene: QGraphicsScene, path: str, size: QSize | None = None) -> None:
    """Write ``scene`` as PNG or SVG (by the extension), at ``size`` pixels (aspect kept, on white) or 2× its own.

    Drawn in memory, then written atomically: a BpguiError naming ``path`` if it cannot be; the old file stays.
    """
    rect = scene.sceneRect()
    canvas = QSizeF(size) if size is not None and not size.isEmpty() else None

    def draw(painter: QPainter, target: QRectF) -> None:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        if canvas is not None:
            painter.fillRect(target, QColor("#ffffff"))
            margin = 0.03 * min(target.width(), target.height())
            target = target.adjusted(margin, margin, -margin, -margin)
        scene.render(painter, target, rect, Qt.AspectRatioMode.KeepAspectRatio)

    if path.lower().endswith(".svg"):
        out = canvas if canvas is not None else rect.size()
        document = svg_document(path, out, "bpgui network",
                                lambda painter: draw(painter, QRectF(0, 0, out.width(), out.height())))
        write_bytes_atomically(path, document)
        return
    pixels = canvas.toSize() if canvas is not None else (rect.size() * 2).toSize()
    image = QImage(pixels, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    draw(painter, QRectF(image.rect()))
    painter.end()
    save_image(image, path)
