"""SVG export of a pyqtgraph plot that survives the path closes newer Qt writes.

PySide6 6.11 (6.11.3 too) writes a path's close command ("Z") where
pyqtgraph 0.14's SVG exporter splits every path token at a comma and fails
with ``ValueError``. :func:`svg_bytes` first exports as pyqtgraph does and,
only on that failure, again with the closes rewritten as lines back to the
subpath's start. tests/gui/test_error_plot.py and test_main_window.py export
an SVG through it, so the workaround is exercised wherever it is needed.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from typing import Any

import pyqtgraph as pg
from pyqtgraph.exporters import SVGExporter


def close_paths_explicitly(d: str) -> str:
    """SVG path data with each close command ("Z") written as a line back to the subpath's start."""
    out: list[str] = []
    start = None
    for token in d.split():
        closes = token[-1] in "Zz"
        token = token[:-1] if closes else token
        if token:
            if token[0] in "Mm":
                start = token[1:]
            out.append(token)
        if closes and start is not None:
            out.append("L" + start)
    return " ".join(out)


@contextlib.contextmanager
def svg_exporter_reading_closed_paths() -> Iterator[None]:
    """Let pyqtgraph's SVG exporter read the "Z" that newer Qt versions write.

    This rewrites the commands before its parser sees them, for the duration
    of one export (the pin below PySide6 6.12 does not make it unreachable).
    """
    module: Any = importlib.import_module("pyqtgraph.exporters.SVGExporter")  # pyqtgraph has no types
    original = module.correctCoordinates

    def correct_coordinates(node, defs, item, options):
        for element in node.getElementsByTagName("path"):
            element.setAttribute("d", close_paths_explicitly(element.getAttribute("d")))
        return original(node, defs, item, options)

    module.correctCoordinates = correct_coordinates
    try:
        yield
    finally:
        module.correctCoordinates = original


def svg_bytes(item: pg.PlotItem) -> bytes:
    """The plot item drawn as an SVG document."""
    try:
        return SVGExporter(item).export(toBytes=True)
    except ValueError:  # Qt writes path closes pyqtgraph 0.14 cannot parse
        with svg_exporter_reading_closed_paths():
            return SVGExporter(item).export(toBytes=True)
