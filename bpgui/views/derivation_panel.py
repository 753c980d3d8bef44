"""The derivation panel: a selected unit's forward pass and the chain rule for the selected parameter.

Every formula is a ``model.formula`` object the model built and evaluated
from the record of the iteration shown (see ``model.forward_arithmetic`` and
``model.derivation``); the panel only renders them beside their numbers, in
the one number format (``model.numbers``) at the Digits setting. On top, a
selected unit's forward pass (``α₁ = v₁₁ · x₁ + v₂₁ · x₂ = … = 0.3897``,
``b₁ = f(α₁ − γ₁) = …``); below, the chain ∂E_k/∂p for the batch's first
sample k, then (for a parameter of a hidden layer) the product along each
path from E_k to p and their Σ, which forms the unit's delta e_h; in
accumulated and mini-batch BP the mean ``∂E/∂p = (1/B) Σ_k ∂E_k/∂p`` term by
term, and the update Δp = −η ∂E/∂p.

Each factor of the chain is an anchor (``unit:L:U``, ``link:I``) styled as
plain text: hovering it emits ``factor_hovered`` with its address ("" when
the pointer leaves) so that the window can light where it comes from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..model.formula import ANCHOR_STYLE
from ..model.forward_arithmetic import ForwardArithmetic
from ..model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, format_factor, format_number
from ..model.text import fill
from .formula_view import FormulaView, Line, split_lines

if TYPE_CHECKING:
    from ..model.chain_paths import ChainPaths, Path
    from ..model.derivation import Derivation, Factor

PANEL_PATHS = 8  # paths written out; the rest are counted
LISTED = 6  # a sample's x and y list this many values at most (the first ones, "…", the last)


_ANCHOR = re.compile(r"<a href=[^>]*>|</a>")


def anchored(text: str, ref: str) -> str:
    """``text`` as an anchor to ``ref`` that looks like the text around it (plain when ``ref`` is empty)."""
    return f'<a href="{ref}" style="{ANCHOR_STYLE}">{text}</a>' if ref else text


def _recoloured(line: Callable[[], str], plain: str, coloured: str) -> str:
    return line().replace(plain, coloured)


def _values(factors: Sequence[Factor], digits: int) -> str:
    return " · ".join(anchored(format_factor(f.value, digits), f.source) for f in factors)


def _closed_line(d: Derivation, term: Sequence[Factor]) -> str:
    return f"= {d.closed_forms(term).html()}"


def _values_line(term: Sequence[Factor], digits: int) -> str:
    return f"= {_values(term, digits)}"


def _term_line(head: str, d: Derivation, term: Sequence[Factor], digits: int) -> str:
    """j = 1: the term's closed forms = their numbers = their product."""
    value = math.prod(f.value for f in term)  # (in order, as the derivation multiplies them)
    return f"{head}{d.closed_forms(term).html()} = {_values(term, digits)} = {format_number(value, digits)}"


def _through_line(d: Derivation, digits: int) -> str:
    assert d.through is not None
    return f"{d.through.html()} = Σ<sub>j</sub>(…) = {format_number(d.product_of_terms, digits)}"


def _common_line(d: Derivation, digits: int) -> str:
    """∂E_k/∂p = (the Σ) · the factors outside it = … = the value."""
    total = format_factor(d.product_of_terms, digits)
    return (f"{d.formula.lhs.html()} = {total} · {d.closed_forms(d.common, continued=True).html()}"
            f" = {total} · {_values(d.common, digits)} = <b>{format_number(d.value, digits)}</b>")


def _update_line(d: Derivation, digits: int) -> str:
    return (f"{d.update_formula.html()} = −{format_number(d.learning_rate, digits)} · "
            f"{format_factor(d.gradient, digits)} = <b>{format_number(d.update, digits)}</b>")


def _path_line(path: Path, digits: int) -> str:
    return f"{' → '.join(q.html() for q in path.route)}: {format_number(path.product, digits)}"


def _sum_line(paths: ChainPaths, words: str, digits: int) -> str:
    """Σ over the paths (n in all): ∂E_k/∂p = … = the total (the words' own spacing: none after "："  in Chinese)."""
    return fill(words, paths.count, f"{paths.gradient_formula.html()} = <b>{format_number(paths.total, digits)}</b>")


def _delta_line(paths: ChainPaths, digits: int) -> str:
    return f"{paths.delta_formula.html()} = {format_number(paths.delta_value, digits)}"


class DerivationPanel(QWidget):
    factor_hovered = Signal(str)  # "unit:L:U" or "link:I" of the factor under the pointer; "" when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = DEFAULT_DIGITS
        self._scale = 1.0
        self._forward: ForwardArithmetic | None = None
        self._derivation: Derivation | None = None
        self._known = True
        self._paths: ChainPaths | None = None
        self._hovered = ""
        self.label = FormulaView()
        self.label.linkHovered.connect(self._on_link_hovered)
        self.label.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.setMinimumWidth(220)
        self.set_text_scale(1.0)

    # ---- what the window sets ------------------------------------------------------------
    def set_digits(self, digits: int) -> None:
        """Write every number to ``digits`` significant digits."""
        self._digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
        self._render()

    def set_text_scale(self, scale: float) -> None:
        """The text follows the application's font; only the margins are sized here."""
        self._scale = float(scale)
        self.label.set_margin(round(6 * self._scale))
        self._render()

    def show_forward(self, forward: ForwardArithmetic | None) -> None:
        """A selected unit's forward pass above the chain rule (None: no unit selected)."""
        self._forward = forward
        self._render()

    def show_derivation(self, d: Derivation | None, *, known: bool = True, paths: ChainPaths | None = None) -> None:
        """Show ``d`` (and, for a hidden layer's parameter, its ``paths``); None asks for a selection;
        ``known=False``: not computed yet in this phase."""
        self._derivation, self._known, self._paths = d, known, paths
        self._render()

    def show_selection(self, forward: ForwardArithmetic | None, d: Derivation | None, *, known: bool = True,
                       paths: ChainPaths | None = None) -> None:
        """Both sections at once."""
        self._forward = forward
        self.show_derivation(d, known=known, paths=paths)

    def text(self) -> str:
        """The panel's text as it reads: its rich text without the anchors on its factors (``label.text()``
        has them)."""
        return _ANCHOR.sub("", self.label.text())

    # ---- rendering -------------------------------------------------------------------------
    def _render(self) -> None:
        lines: list[Line] = []
        if self._forward is not None:
            lines += [*self._forward_lines(self._forward), ""]
        lines += self._chain_lines()
        colour = self.label.palette().color(QPalette.ColorRole.Text).name()
        # Anchors read as the text around them: the formula's colour, no underline.
        plain, coloured = f'style="{ANCHOR_STYLE}"', f'style="{ANCHOR_STYLE}; color: {colour}"'
        shown: list[Line] = []
        for line in lines:
            if isinstance(line, str):
                shown += split_lines(line.replace(plain, coloured))  # (a translated text may hold a <br>)
            else:  # written when its line is (see FormulaView): most of a long chain is below the view
                shown.append(partial(_recoloured, line, plain, coloured))
        self.label.set_lines(shown)

    def _chain_lines(self) -> list[Line]:
        d = self._derivation
        if d is None:
            if self._forward is not None and self._forward.layer == 0:
                return [self.tr("<b>The chain rule</b><br>An input has no parameter of its own: select a link or "
                                "a unit after the input to see ∂E/∂p factor by factor.")]
            return [self.tr("<b>The chain rule</b><br>Select a weight or a threshold (click a link or "
                            "a unit, or a row of the table) to see ∂E/∂p factor by factor with this "
                            "iteration's numbers.")]
        if not self._known:
            error = "<i>E</i><sub>k</sub>" if d.batch_size == 1 else "<i>E</i>"  # as the table names it
            return [fill(self.tr("<b>∂%2/∂%1</b><br>Not computed yet: a later phase of this iteration "
                                 "computes it."), d.parameter, error)]
        return self.lines(d)

    def _numbers(self, values: Sequence[float]) -> str:
        """``0.1, 0.9``; past ``LISTED`` values the first ones, "…", the last and how many."""
        if len(values) <= LISTED:
            return ", ".join(format_number(v, self._digits) for v in values)
        shown = [format_number(v, self._digits) for v in (*values[: LISTED - 2], values[-1])]  # not the 784 others
        return ", ".join([*shown[:-1], "…", shown[-1]]) + " " + fill(self.tr("(%1 values)"), len(values))

    def _forward_lines(self, fa: ForwardArithmetic) -> list[Line]:
        """The forward pass of the selected unit: its lines, or "not computed yet" before its phase."""
        fa = fa.at_digits(self._digits)
        symbol = fa.symbol.html()
        if not fa.known:
            return [fill(self.tr("<b>The forward pass of %1</b><br>Not computed yet: a later forward phase of "
                                 "this iteration computes it."), symbol)]
        lines: list[Line] = [fill(self.tr("<b>The forward pass of %1</b> (sample k = %2)"), symbol, fa.sample)]
        if fa.layer == 0:
            first = fa.lines[0].html()  # a feature's name is the data file's: never read as markup
            lines.append(fill(self.tr("%1, the input “%2”"), first, escape(fa.feature)) if fa.feature else first)
            return lines
        for n, line in enumerate(fa.lines):
            text = line.html()
            if n == 0 and fa.summarised:
                text += " " + fill(self.tr("(%1 terms)"), fa.terms)
            lines.append(text)
        return lines

    def lines(self, d: Derivation) -> list[Line]:
        """The chain rule for ``d``: each line, or a function that writes it (the lines a long chain puts below
        the view are written only when they are shown: see FormulaView)."""
        digits = self._digits
        xs, ys = self._numbers(d.inputs), self._numbers(d.targets)
        lines: list[Line]
        if d.batch_size == 1:
            lines = [fill(self.tr("sample k = %1: x = (%2), y = (%3)"), d.sample, xs, ys)]
        else:
            lines = [fill(self.tr("sample k = %1, the first of a batch of %2: x = (%3), y = (%4)"),
                          d.sample, d.batch_size, xs, ys)]
        lhs = d.formula.lhs.html()
        lines.append(f"<b>{lhs}</b> = {d.formula.rhs.html()}")
        if d.sum_index is None:
            term = d.terms[0]
            lines.append(partial(_closed_line, d, term))
            lines.append(partial(_values_line, term, digits))
            lines.append(f"= <b>{format_number(d.value, digits)}</b>")
        else:
            j_is = self.tr("j = %1: ")
            lines += [partial(_term_line, fill(j_is, j), d, term, digits) for j, term in enumerate(d.terms, start=1)]
            if d.through is not None:
                lines.append(partial(_through_line, d, digits))
            lines.append(partial(_common_line, d, digits))
        if self._paths is not None and self._paths.hidden:
            lines += self._path_lines(self._paths)
        if d.batch_size > 1:
            lines.append(partial(self._batch_line, d, self.tr("(%1 terms, one per sample of the batch)"), digits))
        lines.append(partial(_update_line, d, digits))
        return lines

    def _path_lines(self, paths: ChainPaths) -> list[Line]:
        """Each path from E_k to p with the product along it, their Σ = ∂E_k/∂p, and the delta it forms."""
        digits = self._digits
        p = paths.parameter.html()
        lines: list[Line] = [fill(self.tr("<b>The paths from %1 to %2</b>, the product along each:"),
                                  "<i>E</i><sub>k</sub>", p)]
        # Each path's factors are the terms' above; the network labels them.
        lines += [partial(_path_line, path, digits) for path in paths.paths[:PANEL_PATHS]]
        shown = min(len(paths.paths), PANEL_PATHS)
        if shown < paths.count:
            lines.append(fill(self.tr("… and %1 more paths (%2 in all)"), paths.count - shown, paths.count))
        lines.append(partial(_sum_line, paths, self.tr("Σ over the paths (%1 in all): %2"), digits))
        lines.append(partial(_delta_line, paths, digits))
        return lines

    @staticmethod
    def _batch_line(d: Derivation, count: str, digits: int) -> str:
        """∂E/∂p = (1/B) Σ_k ∂E_k/∂p = (1/B)(t_1 + t_2 + … + t_B) = the record's mean."""
        terms = [format_factor(t.value, digits) for t in d.sample_terms]
        if d.omitted:
            terms.insert(len(terms) - 1, "…")
        line = (f"{d.batch_formula.html()} = (1/{d.batch_size})({' + '.join(terms)})"
                f" = <b>{format_number(d.gradient, digits)}</b>")
        if d.omitted:
            line += " " + fill(count, d.batch_size)
        return line

    # ---- hovering a factor ---------------------------------------------------------------------
    def _on_link_hovered(self, ref: str) -> None:
        if ref != self._hovered:
            self._hovered = ref
            self.factor_hovered.emit(ref)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.Leave:
            self._on_link_hovered("")
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a light or dark theme: the anchors' colour follows
            self._render()
