"""The derivation panel: the chain rule for the selected parameter, with live numbers.

Every formula is a ``model.formula`` object the model built and evaluated
from the record of the iteration shown (see ``model.derivation``); the panel
only renders them beside their numbers. The chain is ∂E_k/∂p for the batch's
first sample k; in accumulated and mini-batch BP it is followed by the mean
``∂E/∂p = (1/B) Σ_k ∂E_k/∂p`` term by term, and the update Δp = −η ∂E/∂p.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..model.text import fill

if TYPE_CHECKING:
    from ..model.derivation import Derivation, Factor


def _num(value: float) -> str:
    value += 0.0  # −0.0 reads as a bug to a learner
    text = f"{value:.6g}".replace("-", "−")
    return f"({text})" if value < 0 else text


def _values(factors: Sequence[Factor]) -> str:
    return " · ".join(_num(f.value) for f in factors)


def _numbers(values: Sequence[float]) -> str:
    return ", ".join(f"{v:.4g}" for v in values).replace("-", "−")


class DerivationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setContentsMargins(8, 6, 8, 6)
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setMinimumWidth(220)
        self.show_derivation(None)

    def show_derivation(self, d: Derivation | None, *, known: bool = True) -> None:
        """Show ``d``; None asks for a selection; ``known=False``: not computed yet in this phase."""
        if d is None:
            self.label.setText(self.tr("<b>The chain rule</b><br>Select a weight or a threshold (click a link or "
                                       "a unit, or a row of the table) to see ∂E/∂p factor by factor with this "
                                       "iteration's numbers."))
            return
        p = d.parameter
        if not known:
            error = "<i>E</i><sub>k</sub>" if d.batch_size == 1 else "<i>E</i>"  # as the table names it
            self.label.setText(fill(self.tr("<b>∂%2/∂%1</b><br>Not computed yet: a later phase of this iteration "
                                            "computes it."), p, error))
            return
        self.label.setText(self.html(d))

    def html(self, d: Derivation) -> str:
        xs, ys = _numbers(d.inputs), _numbers(d.targets)
        if d.batch_size == 1:
            lines = [fill(self.tr("sample k = %1: x = (%2), y = (%3)"), d.sample, xs, ys)]
        else:
            lines = [fill(self.tr("sample k = %1, the first of a batch of %2: x = (%3), y = (%4)"),
                          d.sample, d.batch_size, xs, ys)]
        lhs = d.formula.lhs.html()
        lines.append(f"<b>{lhs}</b> = {d.formula.rhs.html()}")
        if d.sum_index is None:
            term = d.terms[0]
            lines.append(f"= {d.closed_forms(term).html()}")
            lines.append(f"= {_values(term)}")
            lines.append(f"= <b>{_num(d.value)}</b>")
        else:
            for j, term in enumerate(d.terms, start=1):
                value = 1.0
                for f in term:
                    value *= f.value
                lines.append(fill(self.tr("j = %1: "), j)
                             + f"{d.closed_forms(term).html()} = {_values(term)} = {_num(value)}")
            total = _num(d.product_of_terms)
            if d.through is not None:
                lines.append(f"{d.through.html()} = Σ<sub>j</sub>(…) = {total}")
            lines.append(f"{lhs} = {total} · {d.closed_forms(d.common, continued=True).html()}"
                         f" = {total} · {_values(d.common)} = <b>{_num(d.value)}</b>")
        if d.batch_size > 1:
            lines.append(self._batch_line(d))
        lines.append(f"{d.update_formula.html()} = −{d.learning_rate:g} · {_num(d.gradient)}"
                     f" = <b>{_num(d.update)}</b>")
        return "<br>".join(lines)

    def _batch_line(self, d: Derivation) -> str:
        """∂E/∂p = (1/B) Σ_k ∂E_k/∂p = (1/B)(t_1 + t_2 + … + t_B) = the record's mean."""
        terms = [_num(t.value) for t in d.sample_terms]
        if d.omitted:
            terms.insert(len(terms) - 1, "…")
        line = (f"{d.batch_formula.html()} = (1/{d.batch_size})({' + '.join(terms)})"
                f" = <b>{_num(d.gradient)}</b>")
        if d.omitted:
            line += " " + fill(self.tr("(%1 terms, one per sample of the batch)"), d.batch_size)
        return line

    def text(self) -> str:
        return self.label.text()
