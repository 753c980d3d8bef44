"""The samples on the decision map: their colours and shapes by class, and the legend that names them.

Pure rendering of a data set's own labels; the strings belong to the
translation context ``DecisionMapView`` (the map's), as they always have.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from ..model.datasets import Dataset
from ..model.geometry import plane_points
from ..model.text import fill

translate = QCoreApplication.translate

# Samples: dark shades of the map's two colours for a binary set, a qualitative palette for more classes.
BINARY_CLASS_COLOURS = ("#0b3d91", "#a11d21")
CLASS_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")
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


def legend_html(dataset: Dataset | None, labels: np.ndarray | None, misclassified: int | None) -> str:
    """The classes and, when a map is shown (``misclassified`` not None), how many samples are misclassified."""
    if dataset is None or dataset.n_inputs != 2:
        return ""

    def unbroken(text: str) -> str:  # an entry wraps as a whole
        return html.escape(text).replace(" ", "&nbsp;")

    parts = []
    for colour, symbol, name in class_styles(dataset, labels):
        label = unbroken(fill(translate("DecisionMapView", "class %1"), name))
        parts.append(f'<span style="color:{colour}">{SYMBOL_GLYPHS[symbol]}</span>&nbsp;{label}')
    if labels is not None and misclassified is not None:
        text = fill(translate("DecisionMapView", "%1 of %2 misclassified"), misclassified, dataset.n_samples)
        parts.append(f"◯&nbsp;{unbroken(text)}")
    return "&nbsp;&nbsp; ".join(parts)
