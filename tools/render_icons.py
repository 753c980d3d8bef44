"""Render the application icon's PNG sizes from its SVG.

    python tools/render_icons.py

Reads ``resources/icons/app/bpgui.svg`` and writes ``bpgui-<size>.png`` beside it for every size in
:data:`SIZES` (16 … 512 pixels square, transparent outside the drawing), each file atomically. Run it
again after editing the SVG and commit both. Qt draws on the offscreen platform: no display is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app" / "bpgui.svg"
#: The sizes a desktop asks for (hicolor's fixed sizes).
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return SVG.with_name(f"bpgui-{size}.png")


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication

    from bpgui.model.atomic import write_bytes_atomically

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        for size in SIZES:
            write_bytes_atomically(png_path(size), render(SVG, size))
            print(f"wrote {png_path(size).relative_to(ROOT)}")
    except (OSError, ValueError) as exc:
        print(f"render_icons: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
