"""The worksheet handout: iterations laid out for paper in the note's notation, as one HTML string.

For each iteration (a record) the page lists what it starts from (x, y, every weight and threshold, η),
then the worksheet's cells (``model.practice.worksheet``: α_h, b_h, β_j, ŷ_j, E_k, g_j, e_h, ∂E_k/∂p, Δp)
and each parameter's new value (``new_value_cells``), one row each: the cell's closed form, the same
formula with its numbers (``reveal.numbered``), and the value. The formula shown is the formula the
value comes from (one expression renders and evaluates); the value is the record's own number
(``reveal.shown_value``: what ``trace`` prints), written as the app writes it (``format_number``).

``blank`` leaves the numbers and the values empty for the learner (the starting point of iteration 2 on,
being iteration 1's answers, too) and adds the answer key on a new page at the end. Every number sits in
a ``<td>`` with ``data-t`` (the iteration) and ``data-key`` named as ``trace`` names it: ``input:i``,
``target:j``, ``eta``, ``net:L:u``, ``output:L:u``, ``delta:L:u`` (layer L ≥ 1, units 1-based), ``error``,
``NAME:value|gradient|update|new_value`` (``w_11:gradient``; a batch's E_k and ∂E_k/∂p of its first
sample are ``sample_error`` and ``NAME:sample_gradient``); class ``v`` on the sheet, ``key`` in the answer
key. The HTML stays within
what QTextDocument lays out (tables, <sub>, <sup>, ``page-break-before``), so the same string is the
.html file and the PDF (``handout_pdf``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ..model.closed_forms import RecordEnv
from ..model.formula import Expr
from ..model.numbers import DEFAULT_DIGITS, format_number
from ..model.practice.reveal import numbered, shown_value
from ..model.practice.worksheet import (
    BATCH_GRADIENT,
    ERROR,
    GRADIENT,
    HIDDEN_DELTA,
    NET,
    NEW,
    OUTPUT,
    OUTPUT_DELTA,
    UPDATE,
    Cell,
    new_value_cells,
    worksheet,
)
from ..model.records import IterationRecord
from ..model.text import fill

translate = QCoreApplication.translate
VALUE, KEY = "v", "key"  # the classes of a number's cell on the sheet and in the answer key

# Each activation as the note writes it (formulas are the same in every language; its name is translated).
ACTIVATION_FORMULAS = {"sigmoid": "<i>f</i>(<i>s</i>) = 1/(1 + e<sup>−<i>s</i></sup>)",
                       "tanh": "<i>f</i>(<i>s</i>) = tanh <i>s</i>", "relu": "<i>f</i>(<i>s</i>) = max(0, <i>s</i>)",
                       "linear": "<i>f</i>(<i>s</i>) = <i>s</i>"}
# The sheet's groups of cells, in its order (each under a heading: ``section_names``).
SECTIONS = ((NET, OUTPUT), (ERROR,), (OUTPUT_DELTA, HIDDEN_DELTA), (GRADIENT, BATCH_GRADIENT, UPDATE), (NEW,))
GIVEN_PER_ROW = 4
MAX_LISTED = 200  # a network with more weights and thresholds than this does not list them
WIDTHS = ("34%", "48%", "18%")  # formula, with the numbers, value
_TABLE = '<table border="1" cellspacing="0" cellpadding="{pad}" width="100%">'


def section_names() -> tuple[str, ...]:
    """The headings of ``SECTIONS``, translated."""
    return (translate("Handout", "Forward pass"), translate("Handout", "Error"),
            translate("Handout", "Backward pass"), translate("Handout", "Gradients and updates"),
            translate("Handout", "New values"))


def column_names() -> tuple[str, ...]:
    return translate("Handout", "Formula"), translate("Handout", "With the numbers"), translate("Handout", "Value")


# An activation's, a loss's and a training mode's name: the settings panel's words for them.
def activation_name(name: str) -> str:
    words = {"sigmoid": translate("SettingsPanel", "sigmoid"), "tanh": translate("SettingsPanel", "tanh"),
             "relu": translate("SettingsPanel", "ReLU"), "linear": translate("SettingsPanel", "linear")}
    return words.get(name, name)


def mode_name(mode: str) -> str:
    words = {"standard": translate("SettingsPanel", "standard BP"),
             "accumulated": translate("SettingsPanel", "accumulated BP"),
             "minibatch": translate("SettingsPanel", "mini-batch")}
    return words.get(mode, mode)


def loss_name(loss: str) -> str:
    words = {"squared_error": translate("SettingsPanel", "squared error"),
             "cross_entropy": translate("SettingsPanel", "cross-entropy")}
    return words.get(loss, loss)


@dataclass(frozen=True)
class Handout:
    """What a handout shows: ``records`` in order, the network's ``activations`` and ``loss``, numbers at
    ``digits``; ``drawing`` an ``<img>`` source of the network (a ``data:`` URL; "" for none) of
    ``drawing_size`` (width, height) pixels; ``focus`` the parameter a big network's sheet follows."""

    records: tuple[IterationRecord, ...]
    activations: tuple[str, ...]
    loss: str
    digits: int = DEFAULT_DIGITS
    blank: bool = False
    drawing: str = ""
    drawing_size: tuple[int, int] = (0, 0)
    focus: int | None = None


def trace_key(record: IterationRecord, cell: Cell) -> str:
    """``cell``'s number as ``trace`` names it (see the module)."""
    q = cell.quantity
    if q in (NET, OUTPUT, OUTPUT_DELTA, HIDDEN_DELTA):
        field = {NET: "net", OUTPUT: "output"}.get(q, "delta")
        return f"{field}:{cell.layer}:{cell.unit}"
    if q == ERROR:
        return "error" if record.batch_size == 1 else "sample_error"
    name = record.specs[cell.parameter].name
    if q == GRADIENT:
        return f"{name}:{'gradient' if record.batch_size == 1 else 'sample_gradient'}"
    field = {BATCH_GRADIENT: "gradient", UPDATE: "update", NEW: "new_value"}[q]
    return f"{name}:{field}"


def _heading(level: int, text: str, new_page: bool = False) -> str:
    style = ' style="page-break-before: always"' if new_page else ""
    return f"<h{level}{style}>{html.escape(text)}</h{level}>"


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _number_cell(t: int, key: str, text: str, kind: str = VALUE, width: str = "") -> str:
    size = f' width="{width}"' if width else ""
    return (f'<td class="{kind}" data-t="{t}" data-key="{html.escape(key)}"{size} align="right">'
            f"{html.escape(text) or '&nbsp;'}</td>")


class _Writer:
    """Builds the HTML of one handout."""

    def __init__(self, handout: Handout) -> None:
        self.h = handout
        self.parts: list[str] = []

    def number(self, value: float) -> str:
        return format_number(value, self.h.digits)

    def html(self) -> str:
        h = self.h
        title = translate("Handout", "Backpropagation worksheet")
        self.parts.append(f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body>')
        self.parts.append(_heading(1, title))
        self._introduction()
        sheets = [self._sheet(record) for record in h.records]
        for n, (record, (focus, cells)) in enumerate(zip(h.records, sheets)):
            self._iteration(record, cells, focus, previous=h.records[n - 1] if n else None)
        if h.blank:
            self._answer_key([cells for _, cells in sheets])
        self.parts.append("</body></html>")
        return "\n".join(self.parts)

    def _sheet(self, record: IterationRecord) -> tuple[int | None, tuple[Cell, ...]]:
        """The parameter whose path the sheet follows (None: every cell), and its cells."""
        h = self.h
        sheet = worksheet(record, h.activations, h.loss, h.focus)
        return sheet.focus, sheet.cells + new_value_cells(record, h.activations, h.loss, sheet.focus)

    def _introduction(self) -> None:
        h, first = self.h, self.h.records[0]
        shape = "-".join(str(int(n)) for n in first.layer_sizes)
        about = translate("Handout", "Network %1, %2, loss: %3, learning rate η = %4. Numbers to %5 significant "
                                     "digits.")
        self.parts.append(_paragraph(fill(about, shape, mode_name(first.mode), loss_name(h.loss),
                                          self.number(first.learning_rate), h.digits)))
        self.parts.append(f"<p>{self._activations()}</p>")
        if h.blank:
            self.parts.append(_paragraph(translate("Handout", "Fill in every empty cell: the formula with its "
                                                              "numbers, then the value. The answer key is on the "
                                                              "last pages.")))
        if h.drawing:
            width, height = h.drawing_size
            caption = translate("Handout", "The network with the weights and thresholds iteration %1 starts from.")
            self.parts.append(f'<p align="center"><img src="{html.escape(h.drawing)}" width="{width}" '
                              f'height="{height}"><br>{html.escape(fill(caption, first.iteration))}</p>')

    def _activations(self) -> str:
        acts = self.h.activations
        if len(set(acts)) == 1:
            every = html.escape(translate("Handout", "In every layer: %1 (%2)."))
            return fill(every, ACTIVATION_FORMULAS.get(acts[0], ""), html.escape(activation_name(acts[0])))
        lines = []
        for layer, act in enumerate(acts, start=1):
            if layer == len(acts):
                which = translate("Handout", "output layer")
            else:
                which = fill(translate("Handout", "hidden layer %1"), layer)
            lines.append(fill(html.escape(translate("Handout", "In the %1: %2 (%3).")), html.escape(which),
                              ACTIVATION_FORMULAS.get(act, ""), html.escape(activation_name(act))))
        return "<br>".join(lines)

    # ---- one iteration ---------------------------------------------------------------------------
    def _iteration(self, record: IterationRecord, cells: tuple[Cell, ...], focus: int | None,
                   previous: IterationRecord | None) -> None:
        t = int(record.iteration)
        heading = fill(translate("Handout", "Iteration t = %1, sample k = %2"), t, int(record.sample_indices[0]) + 1)
        if record.batch_size > 1:
            heading += " " + fill(translate("Handout", "(the first of a batch of %1)"), record.batch_size)
        self.parts.append(_heading(2, heading, new_page=previous is not None))
        self._given(record, focus, previous)
        env = RecordEnv(record, self.h.activations)
        for quantities, name in zip(SECTIONS, section_names()):
            rows = [c for c in cells if c.quantity in quantities]
            if rows:
                self.parts.append(_heading(3, name))
                self._cells(record, rows, env)

    def _given(self, record: IterationRecord, focus: int | None, previous: IterationRecord | None) -> None:
        t, h = int(record.iteration), self.h
        hide = h.blank and previous is not None  # iteration t − 1's new values: its answers
        self.parts.append(_heading(3, translate("Handout", "Given")))
        # (symbol html, key, value, shown), in groups that each begin a row: x and y, η, the parameters.
        groups: list[list[tuple[str, str, float, bool]]] = [
            [(f"<i>x</i><sub>{i}</sub>", f"input:{i}", float(v), True) for i, v in enumerate(record.inputs[0], 1)]
            + [(f"<i>y</i><sub>{j}</sub>", f"target:{j}", float(v), True)
               for j, v in enumerate(record.targets[0], 1)],
            [("<i>η</i>", "eta", float(record.learning_rate), True)]]
        listed = record.flat_values.size <= MAX_LISTED
        if listed:
            groups.append([(spec.symbol.html, f"{spec.name}:value", float(v), not hide)
                           for spec, v in zip(record.specs, record.flat_values)])
        rows = []
        for items in groups:
            for start in range(0, len(items), GIVEN_PER_ROW):
                cells = "".join(f"<td>{symbol} =</td>" + _number_cell(t, key, self.number(v) if shown else "")
                                for symbol, key, v, shown in items[start:start + GIVEN_PER_ROW])
                rows.append(f"<tr>{cells}</tr>")
        self.parts.append(_TABLE.format(pad=4) + "".join(rows) + "</table>")
        if focus is not None:
            path = translate("Handout", "The network is large: only the cells on the path of %1.")
            note = fill(html.escape(path), record.specs[focus].symbol.html)
            if not listed:
                note += " " + html.escape(translate("Handout", "Its weights and thresholds are in the network file "
                                                               "and in the app's table."))
            self.parts.append(f"<p>{note}</p>")
        if hide and previous is not None and listed:
            note = translate("Handout", "The weights and thresholds are iteration %1's new values.")
            self.parts.append(_paragraph(fill(note, int(previous.iteration))))

    def _cells(self, record: IterationRecord, cells: Sequence[Cell], env: RecordEnv) -> None:
        t, blank = int(record.iteration), self.h.blank
        head = "".join(f'<th width="{width}">{html.escape(text)}</th>' for text, width in zip(column_names(), WIDTHS))
        rows = [f"<thead><tr>{head}</tr></thead>"]
        for cell in cells:
            value = "" if blank else self.number(shown_value(record, cell))
            numbers = "" if blank else self._numbers(cell, env, value)
            rows.append(f"<tr><td>{cell.formula.html()}</td><td>{numbers or '&nbsp;'}</td>"
                        + _number_cell(t, trace_key(record, cell), value, VALUE) + "</tr>")
        self.parts.append(_TABLE.format(pad=8 if blank else 4) + "".join(rows) + "</table>")

    def _numbers(self, cell: Cell, env: RecordEnv, value: str) -> str:
        """``= the formula with its numbers`` ("" where that is just ``value`` again)."""
        line: Expr = numbered(cell.formula.rhs, env, {"k": 1}, self.h.digits)
        text = line.html()
        return "" if text == value else "= " + text

    # ---- the answer key (blank sheets) -------------------------------------------------------------
    def _answer_key(self, sheets: list[tuple[Cell, ...]]) -> None:
        self.parts.append(_heading(2, translate("Handout", "Answer key"), new_page=True))
        for record, cells in zip(self.h.records, sheets):
            t = int(record.iteration)
            env = RecordEnv(record, self.h.activations)
            self.parts.append(_heading(3, fill(translate("Handout", "Iteration t = %1"), t)))
            rows = []
            for cell in cells:
                value = self.number(shown_value(record, cell))
                numbers = self._numbers(cell, env, value) or "&nbsp;"
                rows.append(f'<tr><td width="{WIDTHS[0]}">{cell.formula.lhs.html()}</td><td width="{WIDTHS[1]}">'
                            f"{numbers}</td>" + _number_cell(t, trace_key(record, cell), value, KEY, WIDTHS[2])
                            + "</tr>")
            self.parts.append(_TABLE.format(pad=3) + "".join(rows) + "</table>")


def handout_html(handout: Handout) -> str:
    """The handout as one HTML document (see the module). ``handout.records`` must not be empty."""
    if not handout.records:
        raise ValueError("a handout needs at least one iteration")
    return _Writer(handout).html()
