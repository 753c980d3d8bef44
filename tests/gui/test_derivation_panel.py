"""The derivation panel writes the chain rule for the chosen parameter with the iteration's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.derivation import derive
from bpgui.model.network import Network
from bpgui.views.derivation_panel import DerivationPanel


def first_iteration(batch=1):
    network = Network.initialise((2, 2, 1))
    x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])[:batch]
    y = np.array([[1.0], [1.0], [0.0], [0.0]])[:batch]
    step = compute_step(network, x, y, 0.5)
    record = make_record(step, network, iteration=1, epoch=1, mode="standard" if batch == 1 else "accumulated",
                         learning_rate=0.5, sample_indices=np.arange(batch) + 1, inputs=x, targets=y)
    return network, record


def minus(value):
    """A number as the panel writes it: the real minus sign, negatives in brackets."""
    text = f"{value + 0.0:.6g}".replace("-", "−")
    return f"({text})" if value < 0 else text


@pytest.fixture
def panel(qtbot):
    widget = DerivationPanel()
    qtbot.addWidget(widget)
    return widget


def test_without_a_parameter_it_asks_for_one(panel):
    assert panel.text().startswith("<b>The chain rule</b><br>Select a weight or a threshold")
    assert panel.findChild(QLabel) is panel.label


def test_an_output_weight_is_one_product_ending_in_the_records_gradient(panel):
    network, record = first_iteration()
    d = derive(record, 6, network.activations, network.loss)  # w_11
    panel.show_derivation(d)
    lines = panel.text().split("<br>")
    assert lines[0] == "sample k = 2: x = (0, 1), y = (1)"
    assert d.parameter == "<i>w</i><sub>11</sub>"
    assert lines[1].startswith(f"<b>∂E/∂{d.parameter}</b> = ")
    assert lines[4] == f"= <b>{minus(d.value)}</b>"
    assert np.isclose(d.value, record.flat_gradients[6], rtol=1e-12)
    assert lines[-1].endswith(f"= <b>{minus(record.flat_updates[6])}</b>")
    assert lines[-1].startswith(f"Δ{d.parameter} = −η · ∂E/∂{d.parameter} = −0.5 · ")


def test_a_hidden_weight_sums_over_the_outputs_term_by_term(panel):
    network, record = first_iteration()
    d = derive(record, 2, network.activations, network.loss)  # v_21: x_2 = 1, so not zero
    panel.show_derivation(d)
    text = panel.text()
    assert d.value != 0 and np.isclose(d.value, record.flat_gradients[2], rtol=1e-12)
    assert f"<b>∂E/∂{d.parameter}</b> = Σ<sub>j</sub> (" in text
    assert "<br>j = 1: " in text and "<br>j = 2: " not in text  # one output, one term
    assert text.split("<br>")[-2].endswith(f"= <b>{minus(d.value)}</b>")


def test_not_known_yet_and_a_batch_say_so(panel):
    network, record = first_iteration(batch=4)
    d = derive(record, 8, network.activations, network.loss)  # θ_1
    panel.show_derivation(d, known=False)
    assert panel.text() == (f"<b>∂E/∂{d.parameter}</b><br>Not computed yet: a later phase of this iteration "
                            "computes it.")
    panel.show_derivation(d)
    mean = minus(record.flat_gradients[8])
    assert f"the update uses the mean over its 4 samples: ∂E/∂{d.parameter} = {mean})" in panel.text()
    panel.show_derivation(None)
    assert panel.text().startswith("<b>The chain rule</b>")
