"""The derivation panel: the chain rule for the selected parameter, with live numbers.

Every number comes from the record of the iteration shown (see
``model.derivation``); the last line is the record's own ∂E/∂p and Δp.
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


def _product(factors: Sequence[Factor], attr: str) -> str:
    if attr == "value":
        return " · ".join(_num(f.value) for f in factors)
    return " · ".join(getattr(f, attr) for f in factors)


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
            self.label.setText(fill(self.tr("<b>∂E/∂%1</b><br>Not computed yet: a later phase of this iteration "
                                            "computes it."), p))
            return
        self.label.setText(self.html(d))

    def html(self, d: Derivation) -> str:
        p = d.parameter
        xs = ", ".join(f"{v:.4g}" for v in d.inputs).replace("-", "−")
        ys = ", ".join(f"{v:.4g}" for v in d.targets).replace("-", "−")
        lines = [fill(self.tr("sample k = %1: x = (%2), y = (%3)"), d.sample, xs, ys)]
        if d.sum_index is None:
            term = d.terms[0]
            lines.append(f"<b>∂E/∂{p}</b> = {_product(term, 'derivative')}")
            lines.append(f"= {_product(term, 'closed_form')}")
            lines.append(f"= {_product(term, 'value')}")
            lines.append(f"= <b>{_num(d.value)}</b>")
        else:
            chain = " · ".join(d.generic)
            lines.append(f"<b>∂E/∂{p}</b> = Σ<sub>j</sub> ({chain}) · {_product(d.common, 'derivative')}")
            for j, term in enumerate(d.terms, start=1):
                value = 1.0
                for f in term:
                    value *= f.value
                lines.append(fill(self.tr("j = %1: "), j)
                             + f"{_product(term, 'closed_form')} = {_product(term, 'value')} = {_num(value)}")
            total = _num(d.product_of_terms)
            out = d.common[0].derivative.partition("/∂")[0].removeprefix("∂")  # the unit's output, e.g. b_h
            lines.append(f"∂E/∂{out} = Σ<sub>j</sub>(…) = {total}")
            lines.append(f"∂E/∂{p} = {total} · {_product(d.common, 'closed_form')}"
                         f" = {total} · {_product(d.common, 'value')} = <b>{_num(d.value)}</b>")
        if d.batch_size > 1:
            lines.append(fill(self.tr("(that is the first sample of the batch; the update uses the mean over its "
                                      "%1 samples: ∂E/∂%2 = %3)"), d.batch_size, p, _num(d.gradient)))
        lines.append(f"Δ{p} = −η · ∂E/∂{p} = −{d.learning_rate:g} · {_num(d.gradient)} = <b>{_num(d.update)}</b>")
        return "<br>".join(lines)

    def text(self) -> str:
        return self.label.text()

