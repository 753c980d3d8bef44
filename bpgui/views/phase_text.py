"""What each phase of an iteration computes, in the note's words and formulas (Qt rich text).

Every formula is a ``model.formula`` object from ``model.closed_forms``, built
for the network's depth, activations and loss (``b^(k)_h`` in hidden layer k,
``x_i`` where a layer reads the inputs, ``[α_h − γ_h > 0]`` for ReLU …), the
same objects the tests evaluate against the record. Following one output at a
time names the concrete output j and its g_j.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..model import closed_forms as cf
from ..model.network import Network
from ..model.numbers import DEFAULT_DIGITS, exact_number, format_number
from ..model.phases import ERROR, FORWARD, HIDDEN_GRADIENT, HIDDEN_SUM, OUTPUT_GRADIENT, PhaseView
from ..model.records import IterationRecord
from ..model.text import fill


def phase_caption(view: PhaseView, record: IterationRecord, network: Network, learning_rate: float,
                  digits: int = DEFAULT_DIGITS) -> str:
    """One line (rich text) naming the phase, its formula and, where short, its number.

    Numbers in the screen's one format (``model.numbers``) at the app's Digits
    setting; η as it was set (every digit it has).
    """

    def _num(value: float) -> str:
        return format_number(value, digits)

    phase = view.phase
    shape = cf.Shape(tuple(network.layer_sizes), tuple(network.activations), network.loss)
    n = shape.n
    batch = record.batch_size > 1
    if not batch:
        sample = fill(QCoreApplication.translate("PhaseText", "sample k = %1"), int(record.sample_indices[0]) + 1)
    else:
        sample = fill(QCoreApplication.translate("PhaseText", "a batch of %1, the first drawn"), record.batch_size)
    head = fill(QCoreApplication.translate("PhaseText", "Iteration %1 (%4), phase %2 of %3"),
                record.iteration, view.index + 1, view.count, sample)
    k = phase.layer
    if phase.kind == FORWARD:
        net, out = cf.forward_net(shape, k).html(), cf.forward_output(shape, k).html()
        if k == n:
            body = fill(QCoreApplication.translate("PhaseText", "forward to the output layer: %1, %2"), net, out)
        elif n == 2:
            body = fill(QCoreApplication.translate("PhaseText", "forward to the hidden layer: %1, %2"), net, out)
        else:
            body = fill(QCoreApplication.translate("PhaseText", "forward to hidden layer %1: %2, %3"), k, net, out)
    elif phase.kind == ERROR and batch:
        body = fill(QCoreApplication.translate("PhaseText", "the error over the batch: %1, %2 = %3"),
                    cf.error(shape).html(), cf.batch_error().html(), _num(record.error))
    elif phase.kind == ERROR and network.loss == "squared_error":
        body = fill(QCoreApplication.translate("PhaseText", "the error %1 = %2"),
                    cf.error(shape).html(), _num(float(record.sample_errors[0])))
    elif phase.kind == ERROR:
        body = fill(QCoreApplication.translate("PhaseText", "the error (cross-entropy) %1 = %2"),
                    cf.error(shape).html(), _num(float(record.sample_errors[0])))
    elif phase.kind == OUTPUT_GRADIENT:
        j = "j" if phase.output is None else phase.output + 1
        src = cf.source_letter(shape, n)
        g = cf.output_delta(shape, j).html()
        theta, w = cf.sample_gradient(shape, n, None, j).html(), cf.sample_gradient(shape, n, src, j).html()
        if phase.output is None:
            body = fill(QCoreApplication.translate("PhaseText", "output gradients: %1; %2, %3"), g, theta, w)
        else:
            g += " = " + _num(float(record.layers[n - 1].delta[0, phase.output]))
            body = fill(QCoreApplication.translate("PhaseText", "output gradients for output j = %1: %2; %3, %4"),
                        j, g, theta, w)
    elif phase.kind == HIDDEN_SUM:
        assert phase.output is not None, "a hidden-sum phase always follows one output"
        j = phase.output + 1
        gains = cf.hidden_output_gradient(shape, k).lhs.html()
        body = fill(QCoreApplication.translate(
            "PhaseText", "output j = %1 reaches every hidden unit (%1 of %2): %3 gains %4"),
            j, network.layer_sizes[-1], gains, cf.hidden_share(shape, j).html())
    elif phase.kind == HIDDEN_GRADIENT:
        parts = (cf.hidden_output_gradient(shape, k).html(), cf.hidden_delta(shape, k).html(),
                 cf.sample_gradient(shape, k, None, "h").html(), cf.sample_gradient(shape, k, "i", "h").html())
        if n == 2:
            body = fill(QCoreApplication.translate("PhaseText", "into the hidden units: %1; %2; %3, %4"), *parts)
        else:
            body = fill(QCoreApplication.translate("PhaseText", "back into hidden layer %1: %2; %3; %4, %5"),
                        k, *parts)
    else:
        update = cf.generic_update(batch=batch).html()
        if batch:
            update += ", " + cf.generic_batch_gradient().html()
        body = fill(QCoreApplication.translate(
            "PhaseText", "update, all parameters at once: p ← p + Δp, %1 with η = %2. The links and "
            "thresholds now show the new values; the units still show the pass just made. "
            "Next: iteration %3 starts forward again."), update, exact_number(learning_rate), record.iteration + 1)
    # "%1: %2" is translated too: Chinese joins them with a full-width colon.
    return fill(QCoreApplication.translate("PhaseText", "%1: %2"), f"<b>{head}</b>", body)
