"""The user guide's words and the glossary's rows (Help → User guide), and the menus' keys (Help → Keyboard
shortcuts), as rich text.

Every word goes through ``translate("UserGuide", …)`` when the guide is written, so it is in the window's
language. Every formula of the glossary is a ``model.closed_forms`` object rendered here, the one the
chain-rule panel and the phase captions draw and the tests evaluate against the record: the guide cannot
show a formula the app does not compute. The shortcuts are read from the window's own menus, so the list
cannot disagree with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..model import closed_forms as cf
from ..model.formula import BATCH_ERROR, ETA, Eq, Expr, sample_error, target, unit

#: The note's d-q-l network: one hidden layer, sigmoid units, squared error (the letters, not the sizes, show).
NOTE_SHAPE = cf.Shape((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error")
#: What a glossary row without a formula shows in its formula cell.
NO_FORMULA = "—"
#: A formula (or a key list, a heading) in a table cell: on one line, the lines of a cell close together.
_ONE_LINE = "white-space: nowrap; margin-top: 0; margin-bottom: 2px"
_TABLE = "border='1' cellspacing='0' cellpadding='4' width='100%'"
_MIDDLE = "style='vertical-align: middle'"


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``, looked up at each call (a test can watch every string go through it)."""
    return QCoreApplication.translate(context, text)


def panels() -> list[tuple[str, str]]:
    """(the panel's name, what it shows), in the order the eye meets them."""
    return [
        (translate("UserGuide", "The network"),
         translate("UserGuide", "The drawing in the middle shows the inputs xᵢ on the left, the hidden units bₕ and "
                                "the outputs ŷⱼ, each unit's value under it and its net input and threshold above it "
                                "once the forward pass reaches it; the target yⱼ stands beside ŷⱼ. Blue is a positive "
                                "weight and an output near its top, vermillion a negative weight and an output near "
                                "its bottom; a thicker link is a larger weight. Hover a unit or a link for every "
                                "digit, click it to select its parameter, double-click it to set its value; the mouse "
                                "wheel zooms and a drag pans.")),
        (translate("UserGuide", "The caption"),
         translate("UserGuide", "The line above the drawing says which iteration is shown and which sample it used. "
                                "During Step phase it names the phase and the formulas that phase computes, and the "
                                "drawing lights what it computes.")),
        (translate("UserGuide", "The settings"),
         translate("UserGuide", "The panel on the left chooses the data (a built-in set or a CSV file), the test "
                                "split, the hidden layers, the activation, the loss, the mode (standard BP updates "
                                "after each sample, accumulated BP after each pass over the data, mini-batch after "
                                "each batch), the learning rate η and when to stop. A new η, mode or stop condition "
                                "applies from the next iteration; new hidden layers start a new network. Reset goes "
                                "back to iteration 0.")),
        (translate("UserGuide", "The error curve"),
         translate("UserGuide", "The first tab on the right plots the error of each iteration in grey and the error of "
                                "each epoch in blue, against iterations or epochs, on a linear or a logarithmic scale. "
                                "Point at a curve to read its value; a mark on it shows where a setting changed.")),
        (translate("UserGuide", "What it learned"),
         translate("UserGuide", "For data with two inputs, the second tab colours the input plane by the network's "
                                "output, with the samples on top and the misclassified ones circled, and shows beside "
                                "it what each hidden unit learned.")),
        (translate("UserGuide", "The gradient table"),
         translate("UserGuide", "The table at the bottom lists every weight and threshold: its name, its layer and "
                                "link, its value before the iteration, its gradient, its update and its value after. "
                                "Filter it by layer, kind or name; Digits sets the significant digits of every number "
                                "on screen; Copy copies the rows at full precision. Double-click a value to change it. "
                                "View → Gradient check column adds each gradient estimated by finite differences.")),
        (translate("UserGuide", "The chain rule"),
         translate("UserGuide", "The panel under the error curve derives the gradient of the selected parameter factor "
                                "by factor with this iteration's numbers, then its update. Select a weight or a "
                                "threshold by clicking a link, a unit or a row of the table; the paths from the error "
                                "to it light up on the network, and pointing at a factor lights the unit or link it "
                                "comes from.")),
        (translate("UserGuide", "The status bar"),
         translate("UserGuide", "The bottom line counts the iterations made (t) and the epochs, names the sample, and "
                                "gives its error, the error of the last epoch and the accuracy.")),
        (translate("UserGuide", "Practice"),
         translate("UserGuide", "The Practice menu turns watching into doing. Predict before each phase asks you for a "
                                "value before Step phase shows it; Worksheet has you compute the next iteration cell "
                                "by cell; Find the bug plants one wrong rule in the backward pass for you to find. "
                                "Every answer is checked against the formulas the chain-rule panel shows.")),
        (translate("UserGuide", "Lessons"),
         translate("UserGuide", "Help → Lessons opens a guided lesson in a tab beside the settings: each step sets "
                                "up the network and the view and says what to look at. Back and Next move between the "
                                "steps, each as you left it; closing the lesson brings back your own run. File → Save "
                                "session keeps a whole run in one file, and File → Open opens a session, a network, a "
                                "lesson or a CSV file.")),
    ]


@dataclass(frozen=True)
class GlossaryRow:
    """One symbol of the note: how it is written, what it is, its formulas (closed_forms objects) and where."""

    symbol: Expr
    meaning: str
    formulas: tuple[Eq, ...]
    where: str

    def formula_html(self) -> str:
        """The formula cell: each formula as its object renders it, one a line; ``NO_FORMULA`` if it has none."""
        return "<br>".join(f.html() for f in self.formulas) or NO_FORMULA


def glossary(shape: cf.Shape = NOTE_SHAPE) -> list[GlossaryRow]:
    """Every symbol of the note's network, in the order the forward and the backward pass meet them."""
    n = shape.n
    hidden, output = 1, n
    link = translate("UserGuide", "On its link, and in a row of the gradient table.")
    above_net = translate("UserGuide", "Above its unit, once the forward pass reaches it.")
    above_threshold = translate("UserGuide", "Above its unit, and in a row of the gradient table.")
    under = translate("UserGuide", "Under its unit.")
    backward = translate("UserGuide", "Under its unit and in the chain-rule panel, once the backward pass reaches it.")
    batch_error = translate("UserGuide", "The mean error over a batch of B samples, which accumulated and mini-batch "
                                         "BP descend; over an epoch, the blue curve.")
    hidden_delta = translate("UserGuide", "The error signal of hidden unit h, gathered from every output through its "
                                          "weights.")
    update_meaning = translate("UserGuide", "The update of any weight or threshold p, made when every gradient of the "
                                            "iteration is known; accumulated and mini-batch BP use the batch's mean "
                                            "gradient.")

    def parameter(layer: int, source: str | None, u: str) -> tuple[Eq, ...]:
        return cf.sample_gradient(shape, layer, source, u), cf.update(shape, layer, source, u, batch=False)

    net_h, out_h = cf.forward_net(shape, hidden), cf.forward_output(shape, hidden)
    net_j, out_j = cf.forward_net(shape, output), cf.forward_output(shape, output)
    g, e, update = cf.output_delta(shape), cf.hidden_delta(shape, hidden), cf.generic_update(batch=False)
    row = GlossaryRow
    return [
        row(unit(0, "i", n), translate("UserGuide", "Input i of the sample shown: one feature of the data."), (),
            translate("UserGuide", "The circles on the left of the network, with the value under each.")),
        row(cf.parameter(shape, hidden, "i", "h"),
            translate("UserGuide", "The weight of the link from input i to hidden unit h."),
            parameter(hidden, "i", "h"), link),
        row(cf.parameter(shape, hidden, None, "h"),
            translate("UserGuide", "The threshold of hidden unit h, subtracted from its net input."),
            parameter(hidden, None, "h"), above_threshold),
        row(net_h.lhs, translate("UserGuide", "The net input of hidden unit h."), (net_h,), above_net),
        row(out_h.lhs, translate("UserGuide", "The output of hidden unit h; f is the activation."), (out_h,), under),
        row(cf.parameter(shape, output, "h", "j"),
            translate("UserGuide", "The weight of the link from hidden unit h to output j."),
            parameter(output, "h", "j"), link),
        row(cf.parameter(shape, output, None, "j"),
            translate("UserGuide", "The threshold of output j, subtracted from its net input."),
            parameter(output, None, "j"), above_threshold),
        row(net_j.lhs, translate("UserGuide", "The net input of output j."), (net_j,), above_net),
        row(out_j.lhs, translate("UserGuide", "Output j of the network: its prediction."), (out_j,), under),
        row(target("j"), translate("UserGuide", "The target of output j for the sample shown: its label."), (),
            translate("UserGuide", "Beside its output unit.")),
        row(sample_error(), translate("UserGuide", "The error on sample k."), (cf.error(shape),),
            translate("UserGuide", "The error curve's grey line, and the status bar.")),
        row(BATCH_ERROR, batch_error, (cf.batch_error(),),
            translate("UserGuide", "The error curve's blue line, and the status bar.")),
        row(g.lhs, translate("UserGuide", "The error signal of output j: how the error falls as its net input grows."),
            (g,), backward),
        row(e.lhs, hidden_delta, (e,), backward),
        row(ETA, translate("UserGuide", "The learning rate: how far each update moves along the gradient."), (),
            translate("UserGuide", "Learning rate η in the settings.")),
        row(update.lhs, update_meaning, (update, cf.generic_update(batch=True), cf.generic_batch_gradient()),
            translate("UserGuide", "The gradient table's Δp column, and the end of the chain-rule panel.")),
    ]


def guide_title() -> str:
    return translate("UserGuide", "User guide")


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def guide_html(shape: cf.Shape = NOTE_SHAPE) -> str:
    """The whole guide: the window panel by panel, then the glossary table (rich text for a QTextBrowser)."""
    window, symbols = translate("UserGuide", "The window"), translate("UserGuide", "Symbols")
    parts = [f"<h2>{escape(window)}</h2>",
             _paragraph(translate("UserGuide", "bpgui trains a small feed-forward network with backpropagation and "
                                               "shows every number of every iteration in the notation of Zhou "
                                               "Zhihua's Machine Learning, chapter 5. Step makes one iteration, Step "
                                               "phase one part of it, Run keeps stepping and Step back undoes one "
                                               "iteration exactly."))]
    for name, text in panels():
        parts.append(f"<h3>{escape(name)}</h3>{_paragraph(text)}")
    parts.append(_paragraph(translate("UserGuide", "View → Text size makes every text larger, this guide's too, and "
                                                   "Help → Keyboard shortcuts lists every key.")))
    parts.append(f"<h2>{escape(symbols)}</h2>")
    parts.append(_paragraph(translate("UserGuide", "The symbols are the note's, for a network with one hidden layer: "
                                                   "i counts the inputs, h the hidden units, j the outputs and k the "
                                                   "samples. Each formula is drawn from the very expression the app "
                                                   "computes with.")))
    head = (translate("UserGuide", "Symbol"), translate("UserGuide", "Meaning"), translate("UserGuide", "Formula"),
            translate("UserGuide", "Where on screen"))
    widths = ("8%", "36%", "30%", "26%")  # every column given its share: Qt squeezed a free one's neighbours
    rows = ["<tr>" + "".join(f"<th align='left' width='{w}'><p style='{_ONE_LINE}'>{escape(h)}</p></th>"
                             for h, w in zip(head, widths)) + "</tr>"]
    for row in glossary(shape):
        formulas = "".join(f"<p style='{_ONE_LINE}'>{line}</p>" for line in row.formula_html().split("<br>"))
        rows.append(f"<tr><td>{row.symbol.html()}</td><td>{escape(row.meaning)}</td><td>{formulas}</td>"
                    f"<td>{escape(row.where)}</td></tr>")
    parts.append(f"<table {_TABLE}>{''.join(rows)}</table>")
    return "".join(parts)


# ---- Help → Keyboard shortcuts ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ShortcutRow:
    """One command of the menus with its keys: the menu it is in ("View → Text size"), its text, its keys."""

    group: str
    command: str
    keys: str
    action: QAction


def menu_text(text: str) -> str:
    """A menu text without its mnemonic: "&Step" → "Step", a translation's "单步(&S)" → "单步", "&&" → "&"."""
    text = re.sub(r"\s*[(（]&[^)）][)）]", "", text)
    return re.sub(r"&(.)", r"\1", text).strip()


def keys_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them, in order ("Ctrl+Right, F10"); "" for none."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())


def _menus(menu: QMenu, path: str) -> Iterator[tuple[str, QMenu]]:
    yield path, menu
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menus(sub, f"{path} → {menu_text(sub.title())}")


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every action of the window's menus and submenus that has keys, by menu in the menus' order (an action in
    two menus under the first), then the keys of the window's other actions that work anywhere in it (Esc leaves
    presentation mode; a widget's own keys, such as the table's Copy, are the platform's usual ones)."""
    placed: list[tuple[str, QAction]] = []  # held while compared: an action's Python wrapper, so its id, stays
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            for path, each in _menus(menu, menu_text(menu.title())):
                placed += [(path, a) for a in each.actions() if not a.isSeparator() and a.menu() is None]
    in_menus = {id(a) for _path, a in placed}
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    elsewhere = translate("UserGuide", "Not in a menu")
    placed += [(elsewhere, a) for a in window.findChildren(QAction)
               if id(a) not in in_menus and a.shortcutContext() in window_wide]
    rows: list[ShortcutRow] = []
    seen: set[int] = set()
    for group, action in placed:
        keys = keys_text(action)
        if keys and action.text() and id(action) not in seen:
            seen.add(id(action))
            rows.append(ShortcutRow(group, menu_text(action.text()), keys, action))
    return rows


def shortcuts_title() -> str:
    return translate("UserGuide", "Keyboard shortcuts")


def shortcuts_html(rows: list[ShortcutRow]) -> str:
    """The rows as one table, a heading row for each menu."""
    command, keys = translate("UserGuide", "Command"), translate("UserGuide", "Keys")
    out = [_paragraph(translate("UserGuide", "The keys of the menus' commands, read from the menus themselves.")),
           f"<table {_TABLE}><tr><th align='left'>{escape(command)}</th><th align='left'>{escape(keys)}</th></tr>"]
    group = None
    for row in rows:
        if row.group != group:
            group = row.group
            out.append(f"<tr><td colspan='2'><b>{escape(group)}</b></td></tr>")
        # Centred, so a line of Chinese (taller) and a line of keys beside it sit level.
        out.append(f"<tr><td {_MIDDLE}>{escape(row.command)}</td>"
                   f"<td {_MIDDLE}><p style='white-space: nowrap; margin: 0'>{escape(row.keys)}</p></td></tr>")
    out.append("</table>")
    return "".join(out)
