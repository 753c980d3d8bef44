"""What each phase of an iteration computes, in the note's words and formulas (Qt rich text).

The formulas are the note's (sigmoid units, squared error); other activations
and losses keep the same structure, which the text says in general terms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..model.naming import unit_symbol
from ..model.network import Network
from ..model.phases import ERROR, FORWARD, HIDDEN_GRADIENT, HIDDEN_SUM, OUTPUT_GRADIENT, PhaseView
from ..model.records import IterationRecord
from ..model.text import fill


def _is_note_network(network: Network) -> bool:
    return network.loss == "squared_error" and all(a == "sigmoid" for a in network.activations)


def phase_caption(view: PhaseView, record: IterationRecord, network: Network, learning_rate: float) -> str:
    """One line (rich text) naming the phase, its formula and, where short, its number."""
    phase = view.phase
    n = network.n_layers
    note = _is_note_network(network)
    if record.batch_size == 1:
        sample = fill(QCoreApplication.translate("PhaseText", "sample k = %1"), int(record.sample_indices[0]) + 1)
    else:
        sample = fill(QCoreApplication.translate("PhaseText", "a batch of %1, the first drawn"), record.batch_size)
    head = fill(QCoreApplication.translate("PhaseText", "Iteration %1 (%4), phase %2 of %3"),
                record.iteration, view.index + 1, view.count, sample)
    k = phase.layer
    if phase.kind == FORWARD:
        if k == n:
            body = QCoreApplication.translate(
                "PhaseText", "forward to the output layer: β<sub>j</sub> = Σ<sub>h</sub> w<sub>hj</sub> b<sub>h</sub>, "
                "ŷ<sub>j</sub> = f(β<sub>j</sub> − θ<sub>j</sub>)")
        elif n == 2:
            body = QCoreApplication.translate(
                "PhaseText", "forward to the hidden layer: α<sub>h</sub> = Σ<sub>i</sub> v<sub>ih</sub> x<sub>i</sub>, "
                "b<sub>h</sub> = f(α<sub>h</sub> − γ<sub>h</sub>)")
        else:
            # The first hidden layer reads the inputs: b^(0)_i is written x_i.
            body = fill(QCoreApplication.translate(
                "PhaseText", "forward to hidden layer %1: α<sup>(%1)</sup><sub>h</sub> = Σ<sub>i</sub> "
                "v<sup>(%1)</sup><sub>ih</sub> b<sup>(%2)</sup><sub>i</sub>, b<sup>(%1)</sup><sub>h</sub> = "
                "f(α<sup>(%1)</sup><sub>h</sub> − γ<sup>(%1)</sup><sub>h</sub>)"), k, k - 1) \
                .replace("b<sup>(0)</sup>", "x")
    elif phase.kind == ERROR and record.batch_size > 1:
        body = fill(QCoreApplication.translate("PhaseText", "the error over the batch: E = (1/B) Σ<sub>k</sub> "
                                                            "E<sub>k</sub> = %1"), f"{record.error:.6g}")
    elif phase.kind == ERROR and network.loss == "squared_error":
        body = fill(QCoreApplication.translate(
            "PhaseText", "the error E<sub>k</sub> = ½ Σ<sub>j</sub> (y<sub>j</sub> − ŷ<sub>j</sub>)² = %1"),
            f"{record.sample_errors[0]:.6g}")
    elif phase.kind == ERROR:
        body = fill(QCoreApplication.translate("PhaseText", "the error (cross-entropy) E<sub>k</sub> = %1"),
                    f"{record.sample_errors[0]:.6g}")
    elif phase.kind == OUTPUT_GRADIENT:
        which = "" if phase.output is None else fill(
            QCoreApplication.translate("PhaseText", " for output %1"), unit_symbol(n, phase.output + 1, n).html)
        if note:
            body = fill(QCoreApplication.translate(
                "PhaseText", "output gradients%1: g<sub>j</sub> = ŷ<sub>j</sub>(1 − ŷ<sub>j</sub>)(y<sub>j</sub> − "
                "ŷ<sub>j</sub>); ∂E/∂θ<sub>j</sub> = g<sub>j</sub>, ∂E/∂w<sub>hj</sub> = −g<sub>j</sub> "
                "b<sub>h</sub>"), which)
        else:
            body = fill(QCoreApplication.translate(
                "PhaseText", "output gradients%1: g<sub>j</sub> = −∂E<sub>k</sub>/∂β<sub>j</sub>; ∂E/∂θ<sub>j</sub> = "
                "g<sub>j</sub>, ∂E/∂w<sub>hj</sub> = −g<sub>j</sub> b<sub>h</sub>"), which)
    elif phase.kind == HIDDEN_SUM:
        assert phase.output is not None, "a hidden-sum phase always follows one output"
        j = phase.output + 1
        body = fill(QCoreApplication.translate(
            "PhaseText", "output %1 reaches every hidden unit (%2 of %3): ∂E/∂b<sub>h</sub> gains "
            "−w<sub>h%4</sub> g<sub>%4</sub>"), unit_symbol(n, j, n).html, j, network.layer_sizes[-1], j)
    elif phase.kind == HIDDEN_GRADIENT:
        if note and n == 2:
            body = QCoreApplication.translate(
                "PhaseText", "into the hidden units: ∂E/∂b<sub>h</sub> = −Σ<sub>j</sub> w<sub>hj</sub> g<sub>j</sub>; "
                "e<sub>h</sub> = b<sub>h</sub>(1 − b<sub>h</sub>) Σ<sub>j</sub> w<sub>hj</sub> g<sub>j</sub>; "
                "∂E/∂γ<sub>h</sub> = e<sub>h</sub>, ∂E/∂v<sub>ih</sub> = −e<sub>h</sub> x<sub>i</sub>")
        else:
            body = fill(QCoreApplication.translate(
                "PhaseText", "back into hidden layer %1: e<sub>h</sub> = f′(α<sub>h</sub> − γ<sub>h</sub>) Σ "
                "(weights out of h) × (deltas they lead to); ∂E/∂γ<sub>h</sub> = e<sub>h</sub>, "
                "∂E/∂v<sub>ih</sub> = −e<sub>h</sub> (input i)"), k)
    else:
        body = fill(QCoreApplication.translate(
            "PhaseText", "update, all parameters at once: p ← p + Δp, Δp = −η ∂E/∂p with η = %1. "
            "Next: iteration %2 starts forward again."), f"{learning_rate:g}", record.iteration + 1)
    return f"<b>{head}</b>: {body}"
