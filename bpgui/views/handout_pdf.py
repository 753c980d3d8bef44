"""The worksheet handout written out: the network drawn, then the HTML as an .html file or as A4 PDF pages.

The PDF is Qt's own: QTextDocument lays out the handout's HTML (``handout.handout_html``) on A4 pages
and prints it to a QPdfWriter in memory; the drawing is the network view's scene rendered to an image,
the same PNG as the HTML's ``data:`` URL, given to the document as that URL's resource. Either file is
written atomically (``model.atomic``): a refusal leaves what was at the path as it was.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ..model.atomic import write_bytes_atomically, write_text_atomically
from ..model.errors import QT_TRANSLATE_NOOP, BpguiError
from ..model.network import Network
from ..model.numbers import DEFAULT_DIGITS
from ..model.records import IterationRecord
from .files import png_bytes
from .handout import Handout, handout_html, translate
from .language import current_language, install_language
from .topology import TopologyView

EXTENSIONS = (".pdf", ".html")
MARGIN_MM = 15.0
FONT_POINTS = 10.0
# The drawing at most this wide and high on the page, in points (A4 less the margins is 510 × 757): it leaves
# room for the headings above it on the first page.
DRAWING_SIZE = (440, 440)
DRAWING_SCALE = 2.0  # its pixels per scene unit (sharp on paper)
# Simplified Chinese faces, the first one installed is used (Linux, Windows, macOS).
CHINESE_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                    "PingFang SC", "SimSun")


def network_picture(record: IterationRecord, activations: Sequence[str], loss: str,
                    digits: int = DEFAULT_DIGITS) -> QImage:
    """The network as the window draws it, with the weights and thresholds ``record`` starts from (no
    unit's value: those are the sheet's to compute), on white."""
    view = TopologyView()
    try:
        view.set_digits(digits)
        view.set_structure(record.layer_sizes)
        view.show_state(Network(record.layer_sizes, tuple(activations), record.flat_values, loss), None)
        scene = view.scene()
        rect = scene.itemsBoundingRect().adjusted(-8, -8, 8, 8)
        size = (rect.size() * DRAWING_SCALE).toSize()
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        return image
    finally:
        view.deleteLater()


def data_url(image: QImage, path: str) -> str:
    """``image`` as a ``data:image/png;base64,…`` URL (a BpguiError naming ``path`` if it cannot be)."""
    return "data:image/png;base64," + base64.b64encode(png_bytes(image, path)).decode("ascii")


def document_font(base: QFont) -> QFont:
    """``base`` at ``FONT_POINTS``, without ligatures (a PDF reader would read "ﬁ" for "fi"); in Chinese,
    a Simplified Chinese face for what the Latin one lacks (Qt's own fallback may take a Japanese one, whose
    glyphs a PDF reader reads as other characters: "⽅" for "方")."""
    font = QFont(base)
    font.setPointSizeF(FONT_POINTS)
    font.setFeature(QFont.Tag("liga"), 0)
    if current_language().startswith("zh"):
        families = QFontDatabase.families()
        chinese = next((f for f in CHINESE_FAMILIES if f in families), None)
        if chinese is not None:  # the Latin face by its own name: a generic one ("Sans Serif") may match none
            font.setFamilies([QFontInfo(font).family(), chinese])
    return font


def pdf_bytes(html: str, images: dict[str, QImage] | None = None, title: str = "") -> bytes:
    """``html`` laid out on A4 pages (margins ``MARGIN_MM``) as a PDF; ``images`` are the resources its
    ``<img src>`` name (by that exact text)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("bpgui")
    writer.setTitle(title)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultFont(document_font(document.defaultFont()))
    document.setDocumentMargin(0)  # the page layout has the margins
    for url, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setHtml(html)
    document.setPageSize(QSizeF(writer.pageLayout().paintRectPoints().size()))
    document.print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(data.data())


def handout_files(handout: Handout, picture: QImage | None, path: str) -> tuple[str, dict[str, QImage]]:
    """The handout's HTML with ``picture`` as its drawing, and the images the PDF needs (for ``path``)."""
    images: dict[str, QImage] = {}
    if picture is not None and not picture.isNull():
        url = data_url(picture, path)
        scale = min(DRAWING_SIZE[0] / picture.width(), DRAWING_SIZE[1] / picture.height(), 1 / DRAWING_SCALE)
        width, height = round(picture.width() * scale), round(picture.height() * scale)
        handout = dataclasses.replace(handout, drawing=url, drawing_size=(width, height))
        images[url] = picture
    return handout_html(handout), images


def check_extension(path: str) -> None:
    """Refuse a file name that ends in neither .pdf nor .html."""
    if not path.lower().endswith(EXTENSIONS):
        raise BpguiError(QT_TRANSLATE_NOOP("Errors", "{file}: a worksheet is written as .pdf or .html"), file=path)


def write_handout(path: str, handout: Handout, picture: QImage | None = None) -> None:
    """Write ``handout`` to ``path``: PDF or HTML by the extension, atomically. A ``BpguiError`` naming
    ``path`` if it cannot be; nothing is written then."""
    check_extension(path)
    html, images = handout_files(handout, picture, path)
    if path.lower().endswith(".html"):
        write_text_atomically(path, html)
    else:
        write_bytes_atomically(path, pdf_bytes(html, images, translate("Handout", "Backpropagation worksheet")))


def write_worksheet(path: str, records: Sequence[IterationRecord], activations: Sequence[str], loss: str, *,
                    digits: int = DEFAULT_DIGITS, blank: bool = False, focus: int | None = None,
                    language: str | None = None) -> None:
    """The handout of ``records`` (in order), the network drawn as the first of them starts, to ``path``;
    in ``language`` ("en", "zh_CN"; None: the application's), which is put back afterwards."""
    app = QCoreApplication.instance()
    before = current_language()
    if language is not None and app is not None:
        install_language(app, language)
    try:
        picture = network_picture(records[0], activations, loss, digits)
        write_handout(path, Handout(tuple(records), tuple(activations), loss, digits, blank, focus=focus), picture)
    finally:
        if language is not None and app is not None:
            install_language(app, before)
