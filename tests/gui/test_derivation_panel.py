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
    assert lines[1] == (f"<b>∂<i>E</i><sub>k</sub>/∂{d.parameter}</b> = ∂<i>E</i><sub>k</sub>/∂<i>ŷ</i><sub>1</sub> · "
                        f"∂<i>ŷ</i><sub>1</sub>/∂<i>β</i><sub>1</sub> · ∂<i>β</i><sub>1</sub>/∂{d.parameter}")
    assert lines[2] == ("= −(<i>y</i><sub>1</sub> − <i>ŷ</i><sub>1</sub>) · "
                        "<i>ŷ</i><sub>1</sub>(1 − <i>ŷ</i><sub>1</sub>) · <i>b</i><sub>1</sub>")
    assert lines[4] == f"= <b>{minus(d.value)}</b>"
    assert np.isclose(d.value, record.flat_gradients[6], rtol=1e-12)
    assert lines[-1].endswith(f"= <b>{minus(record.flat_updates[6])}</b>")
    assert lines[-1].startswith(f"Δ{d.parameter} = −<i>η</i> · ∂<i>E</i><sub>k</sub>/∂{d.parameter} = −0.5 · ")


def test_a_hidden_weight_sums_over_the_outputs_term_by_term(panel):
    network, record = first_iteration()
    d = derive(record, 2, network.activations, network.loss)  # v_21: x_2 = 1, so not zero
    panel.show_derivation(d)
    text = panel.text()
    assert d.value != 0 and np.isclose(d.value, record.flat_gradients[2], rtol=1e-12)
    assert f"<b>∂<i>E</i><sub>k</sub>/∂{d.parameter}</b> = (Σ<sub>j</sub> ∂<i>E</i><sub>k</sub>/∂<i>ŷ</i><sub>j</sub>" \
        in text
    assert "<br>j = 1: " in text and "<br>j = 2: " not in text  # one output, one term
    assert text.split("<br>")[-2].endswith(f"= <b>{minus(d.value)}</b>")


def test_not_known_yet_says_so(panel):
    network, record = first_iteration(batch=4)
    d = derive(record, 8, network.activations, network.loss)  # θ_1
    panel.show_derivation(d, known=False)
    assert panel.text() == (f"<b>∂<i>E</i>/∂{d.parameter}</b><br>Not computed yet: a later phase of this "
                            "iteration computes it.")  # a batch's mean error, as the table names it
    network, record = first_iteration(batch=1)
    panel.show_derivation(derive(record, 8, network.activations, network.loss), known=False)
    assert panel.text().startswith("<b>∂<i>E</i><sub>k</sub>/∂")  # one sample's error
    panel.show_derivation(None)
    assert panel.text().startswith("<b>The chain rule</b>")


def test_a_batch_shows_the_first_samples_chain_then_the_mean_term_by_term(panel):
    network, record = first_iteration(batch=4)
    d = derive(record, 8, network.activations, network.loss)  # θ_1
    panel.show_derivation(d)
    lines = panel.text().split("<br>")
    assert lines[0] == "sample k = 2, the first of a batch of 4: x = (0, 1), y = (1)"
    theta = d.parameter
    # ∂E_k/∂θ_1 for the first sample, then ∂E/∂θ_1 = (1/B) Σ_k ∂E_k/∂θ_1 with every term, then Δθ_1.
    terms = [record.layers[1].delta[k, 0] for k in range(4)]  # ∂E_k/∂θ_1 = g_1 of sample k
    assert lines[4] == f"= <b>{minus(terms[0])}</b>"
    mean = record.flat_gradients[8]
    assert np.isclose(mean, np.mean(terms), rtol=1e-12)
    assert lines[-2] == (f"∂<i>E</i>/∂{theta} = (1/<i>B</i>) Σ<sub>k</sub> ∂<i>E</i><sub>k</sub>/∂{theta} = "
                         f"(1/4)({' + '.join(minus(t) for t in terms)}) = <b>{minus(mean)}</b>")
    assert lines[-1] == (f"Δ{theta} = −<i>η</i> · ∂<i>E</i>/∂{theta} = −0.5 · {minus(mean)} = "
                         f"<b>{minus(record.flat_updates[8])}</b>")
    assert lines[2].removeprefix("= ") \
        == "−(<i>y</i><sub>1</sub> − <i>ŷ</i><sub>1</sub>) · (−<i>ŷ</i><sub>1</sub>(1 − <i>ŷ</i><sub>1</sub>))"


def test_a_large_batch_lists_its_first_terms_then_the_last_and_the_count(panel):
    network = Network.initialise((2, 2, 1))
    rng = np.random.default_rng(0)
    x, y = rng.uniform(size=(17, 2)), rng.uniform(size=(17, 1))
    step = compute_step(network, x, y, 0.5)
    record = make_record(step, network, iteration=1, epoch=1, mode="accumulated", learning_rate=0.5,
                         sample_indices=np.arange(17), inputs=x, targets=y)
    panel.show_derivation(derive(record, 8, network.activations, network.loss))
    terms = [minus(record.layers[1].delta[k, 0]) for k in (0, 1, 2, 16)]
    line = panel.text().split("<br>")[-2]
    assert f"= (1/17)({terms[0]} + {terms[1]} + {terms[2]} + … + {terms[3]}) = " in line
    assert line.endswith(" (17 terms, one per sample of the batch)")


@pytest.mark.parametrize("activation, factor", [
    ("tanh", "(−(1 − <i>b</i><sub>1</sub>²))"),
    ("relu", "(−[<i>α</i><sub>1</sub> − <i>γ</i><sub>1</sub> &gt; 0])"),
])
def test_the_hidden_thresholds_factor_reads_as_it_is_computed(panel, activation, factor):
    network = Network.initialise((2, 2, 1), activations=(activation, "sigmoid"), seed=4)
    x, y = np.array([[0.3, 0.9]]), np.array([[1.0]])
    record = make_record(compute_step(network, x, y, 0.5), network, iteration=1, epoch=1, mode="standard",
                         learning_rate=0.5, sample_indices=np.array([0]), inputs=x, targets=y)
    panel.show_derivation(derive(record, 4, network.activations, network.loss))  # γ_1
    assert f" · {factor} = " in panel.text()
    assert "(−1 − " not in panel.text() and "[<i>α</i><sub>1</sub> &gt; 0]" not in panel.text()
