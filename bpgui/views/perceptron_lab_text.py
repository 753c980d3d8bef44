"""The perceptron lab's text panel: the state, the last step's numbers and the legend, as rich text.

Everything here renders a :class:`bpgui.session.perceptron.PerceptronPicture`;
nothing is computed with the model. The strings belong to the translation
context ``PerceptronLab`` (the lab widget's), as they always have.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..model.numbers import DEFAULT_DIGITS, exact_number, format_number
from ..model.perceptron import PerceptronStep
from ..model.text import fill
from ..session.perceptron import PerceptronPicture
from .style import LOW, TEXT

translate = QCoreApplication.translate

# Right and wrong in a pair red-green colour-blind viewers tell apart (Okabe & Ito's blue and vermillion;
# the class is shown by the marker's fill, never by its colour).
CORRECT = "#0072b2"
WRONG = LOW
SHADE_HTML = "rgba(8, 81, 156, 0.15)"


def num(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """A number for the text panel, in the screen's one format (``model.numbers``): ``−1``, ``0.25``, ``1.5×10⁻⁵``."""
    return format_number(value, digits)


def vec(values, digits: int = DEFAULT_DIGITS) -> str:
    """(a, b) for two inputs, a bare number for one (NOT)."""
    values = [float(v) for v in np.atleast_1d(values)]
    if len(values) == 1:
        return num(values[0], digits)
    return "(" + ",\u00a0".join(num(v, digits) for v in values) + ")"  # a vector never breaks across lines


def status_text(picture: PerceptronPicture) -> str:
    """The state in one sentence: converged, cycling, or not converged yet."""
    t = picture.iteration
    if picture.converged:
        if t == 0:
            return translate("PerceptronLab", "converged: the starting weights already classify every point correctly")
        if t == 1:
            return translate("PerceptronLab", "converged after 1 iteration: every point is classified correctly")
        return fill(
            translate("PerceptronLab", "converged after %1 iterations: every point is classified correctly"), t
        )
    start = picture.cycle_start
    if start is not None:
        if picture.problem == "xor":
            text = translate(
                "PerceptronLab",
                "the weights have returned to those of iteration %1: the rule cycles for ever — "
                "XOR is not linearly separable",
            )
        else:
            text = translate(
                "PerceptronLab", "the weights have returned to those of iteration %1: the rule cycles for ever"
            )
        return fill(text, start)
    if picture.mistakes == 1:
        return translate("PerceptronLab", "not converged yet: 1 point is classified wrongly")
    return fill(translate("PerceptronLab", "not converged yet: %1 points are classified wrongly"), picture.mistakes)


def panel_html(picture: PerceptronPicture, digits: int = DEFAULT_DIGITS) -> str:
    """The whole text panel, its numbers to ``digits`` significant digits (the app's Digits setting)."""
    d = digits
    w, th = picture.weights, picture.threshold
    rule = (
        translate("PerceptronLab", "batch rule") if picture.rule == "batch"
        else translate("PerceptronLab", "online rule")
    )
    parts = [
        "<b>" + fill(translate("PerceptronLab", "Iteration t = %1"), picture.iteration) + "</b>"
        + " &nbsp;·&nbsp; " + rule
        + ", " + fill(translate("PerceptronLab", "η = %1"), exact_number(picture.learning_rate))
    ]
    if picture.n_inputs == 1:
        parts.append(fill(translate("PerceptronLab", "W<sub>1</sub> = %1, &nbsp;θ = %2"), num(w[0], d), num(th, d)))
    else:
        parts.append(
            fill(translate("PerceptronLab", "W = (W<sub>1</sub>, W<sub>2</sub>) = %1, &nbsp;θ = %2"),
                 vec(w, d), num(th, d))
        )
    parts.append(_status_html(picture))
    step = picture.last_step
    if step is None:
        parts.append(
            translate("PerceptronLab", "No step yet. With these weights (the first step uses them):")
            + _sample_table(picture, picture.z, picture.predictions, d)
        )
    else:
        parts.append(
            fill(
                translate("PerceptronLab", "<b>Last step</b> (t = %1 → %2), from W = %3, θ = %4:"),
                step.iteration - 1, step.iteration, vec(step.weights, d), num(step.threshold, d),
            )
            + _sample_table(picture, step.z, step.predictions, d)
            + _update_html(picture, step, d)
        )
    parts.append(legend_html())
    return "".join(f"<p style='margin:0 0 6px 0'>{p}</p>" for p in parts)


def _status_html(picture: PerceptronPicture) -> str:
    if picture.converged:
        colour = CORRECT
    elif picture.cycled:
        colour = WRONG
    else:
        colour = "#555555"
    return f"<span style='color:{colour}'><b>{status_text(picture)}</b></span>"


def _sample_table(picture: PerceptronPicture, z: np.ndarray, predictions: np.ndarray, d: int) -> str:
    inputs = [fill(translate("PerceptronLab", "x<sub>%1</sub>"), i + 1) for i in range(picture.n_inputs)]
    header = [
        *inputs, translate("PerceptronLab", "y"), translate("PerceptronLab", "z"),
        translate("PerceptronLab", "ŷ"), translate("PerceptronLab", "y − ŷ"),
    ]
    cells = "".join(f"<th align='center' style='white-space:nowrap'>&nbsp;{h}&nbsp;</th>" for h in header)
    rows = [f"<tr>{cells}</tr>"]
    for x, y, zk, yhat in zip(picture.inputs, picture.labels, z, predictions):
        error = y - yhat
        colour = TEXT if error == 0 else WRONG
        values = (*(num(v, d) for v in x), num(y, d), num(zk, d), num(yhat, d), num(error, d))
        rows.append(
            f"<tr style='color:{colour}'>" + "".join(f"<td align='center'>{v}</td>" for v in values) + "</tr>"
        )
    return (
        "<br/>" + translate("PerceptronLab", "z = W·x − θ, &nbsp;ŷ = f(z), &nbsp;f(z) = 1 if z ≥ 0 else 0")
        + "<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>"
    )


def _update_html(picture: PerceptronPicture, step: PerceptronStep, d: int) -> str:
    eta = exact_number(picture.learning_rate)  # η as it was set
    terms = [f"({num(e, d)})·{vec(x, d)}" for e, x in zip(step.errors, picture.inputs) if e != 0]
    sum_errors = float(np.sum(step.errors))
    lines = [
        fill(
            translate("PerceptronLab", "ΔW = η Σ (y − ŷ) x = %1 · [%2] = %3"),
            eta, " + ".join(terms) if terms else "0", vec(step.weight_update, d),
        ),
        fill(
            translate("PerceptronLab", "Δθ = η Σ (y − ŷ)·(−1) = %1 · (%2)·(−1) = %3"),
            eta, num(sum_errors, d), num(step.threshold_update, d),
        ),
    ]
    if picture.rule == "online":
        lines.insert(0, translate("PerceptronLab", "Online: W ← W + η (y − ŷ) x after each sample; over the pass:"))
    new_state = translate("PerceptronLab", "W(t+1) = %1, &nbsp;θ(t+1) = %2")
    lines.append(fill(new_state, vec(step.new_weights, d), num(step.new_threshold, d)))
    return "<br/>" + "<br/>".join(lines)


def legend_html() -> str:
    correct = f"<span style='color:{CORRECT}'>●</span>"
    wrong = f"<span style='color:{WRONG}'>●</span>"
    shade = f"<span style='background-color:{SHADE_HTML}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
    lines = (
        translate("PerceptronLab", "● filled: y = 1, ○ hollow: y = 0"),
        fill(translate("PerceptronLab", "%1 blue: classified correctly, %2 vermillion: wrongly"), correct, wrong),
        fill(translate("PerceptronLab", "%1 shaded: the side where ŷ = 1"), shade),
    )
    return "<span style='color:#555555'>" + "<br/>".join(lines) + "</span>"
