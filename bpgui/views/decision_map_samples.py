"""The samples on the decision map: their colours and shapes by class, and the legend that names them.

Pure rendering of a data set's own labels; the strings belong to the
translation context ``DecisionMapView`` (the map's), as they always have.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from ..model.datasets import Dataset
from ..model.geometry import plane_points
from ..model.text import fill
from .style import HIGH_DARK, LOW_DARK, value_colour

# The map's colours at the bottom and the top of the output's range (decision_map_tiles.COLOR_MAP).
LOW_TINT, HIGH_TINT = value_colour(0.0, 0.0, 1.0).name(), value_colour(1.0, 0.0, 1.0).name()

translate = QCoreApplication.translate

#: Pixels of plane at which samples and rings are drawn at their 100 % size; a smaller map draws them smaller.
MARKER_REFERENCE_SIDE = 200.0
MIN_MARKER_SCALE = 0.75


def marker_scale(text_scale: float, plane_side: float) -> float:
    """How many times their 100 % size the samples and rings are drawn: with the text scale, but no more
    than the map's side allows (``plane_side`` / ``MARKER_REFERENCE_SIDE``, at least ``MIN_MARKER_SCALE``):
    on a 160-px map at 175 % they stay small enough to leave the map visible between them."""
    if not math.isfinite(plane_side) or plane_side <= 0:
        return text_scale
    return min(text_scale, max(MIN_MARKER_SCALE, plane_side / MARKER_REFERENCE_SIDE))

# Samples: a binary set's class 0 in the dark LOW, class 1 in the dark HIGH (the map's and the network's
# colours for an output near 0 and near 1); more classes get Okabe & Ito's colour-blind safe palette.
BINARY_CLASS_COLOURS = (LOW_DARK, HIGH_DARK)
CLASS_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#0072b2", "#d55e00", "#cc79a7", "#000000", "#f0e442")
CLASS_SYMBOLS = ("o", "s", "t1", "d", "h", "star")
SYMBOL_GLYPHS = {"o": "●", "s": "■", "t1": "▲", "d": "◆", "h": "⬢", "star": "★"}
REGRESSION_COLOUR = "#333333"


def point_classes(labels: np.ndarray | None, output: int) -> np.ndarray | None:
    """The colour class of each sample: its class, or for a multi-label set its label at the mapped output."""
    if labels is None:
        return None
    if labels.ndim == 2:
        return labels[:, min(output, labels.shape[1] - 1)]
    return labels


def class_styles(dataset: Dataset | None, labels: np.ndarray | None) -> list[tuple[str, str, str]]:
    """(colour, symbol, name) per class."""
    if dataset is None or labels is None:
        return []
    if labels.ndim == 2 or dataset.n_outputs == 1:
        names = dataset.class_names if dataset.n_outputs == 1 else ("0", "1")
        return [(BINARY_CLASS_COLOURS[c], CLASS_SYMBOLS[c], names[c]) for c in (0, 1)]
    return [
        (CLASS_COLOURS[c % len(CLASS_COLOURS)], CLASS_SYMBOLS[c % len(CLASS_SYMBOLS)], name)
        for c, name in enumerate(dataset.class_names)
    ]


def style_points(points: pg.ScatterPlotItem, dataset: Dataset | None, labels: np.ndarray | None, output: int) -> None:
    """Put the samples of a two-input set on ``points``, coloured and shaped by class (none for another set)."""
    if dataset is None or dataset.n_inputs != 2:
        points.setData([], [])
        return
    drawn = plane_points(dataset.inputs)  # clipped to the plane's limit, as the axes are
    x, y = drawn[:, 0], drawn[:, 1]
    classes = point_classes(labels, output)
    if classes is None:
        points.setData(x, y, brush=pg.mkBrush(REGRESSION_COLOUR), symbol="o")
        return
    styles = class_styles(dataset, labels)
    brushes = [pg.mkBrush(colour) for colour, _symbol, _name in styles]
    points.setData(x, y, brush=[brushes[c] for c in classes], symbol=[styles[c][1] for c in classes])


def legend_html(dataset: Dataset | None, labels: np.ndarray | None, misclassified: int | None,
                colour_key: tuple[str, str, str] | None = None) -> str:
    """The map's colours (``colour_key``: the output's symbol, the value at the bottom and at the top of its
    range), the classes and, when a map is shown (``misclassified`` not None), how many are misclassified."""
    if dataset is None or dataset.n_inputs != 2:
        return ""

    def unbroken(text: str) -> str:  # an entry wraps as a whole
        return html.escape(text).replace(" ", "&nbsp;")

    parts = []
    if colour_key is not None:  # e.g. "map of ŷ₁: ■ 0 … ■ 1", the squares in the map's colours
        symbol, low, high = colour_key
        template = unbroken(translate("DecisionMapView", "map of %1: %2 … %3"))
        parts.append(fill(template, html.escape(symbol),
                          f'<span style="color:{LOW_TINT}">■</span>&nbsp;{html.escape(low)}',
                          f'<span style="color:{HIGH_TINT}">■</span>&nbsp;{html.escape(high)}'))
    for colour, symbol, name in class_styles(dataset, labels):
        label = unbroken(fill(translate("DecisionMapView", "class %1"), name))
        parts.append(f'<span style="color:{colour}">{SYMBOL_GLYPHS[symbol]}</span>&nbsp;{label}')
    if labels is not None and misclassified is not None:
        text = fill(translate("DecisionMapView", "%1 of %2 misclassified"), misclassified, dataset.n_samples)
        parts.append(f"◯&nbsp;{unbroken(text)}")
    return "&nbsp;&nbsp; ".join(parts)
