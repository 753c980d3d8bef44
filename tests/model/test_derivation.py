"""The chain rule shown for a parameter multiplies out to the gradient the iteration used."""

import numpy as np
import pytest

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.datasets import load_builtin
from bpgui.model.derivation import derive
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def record_for(net, x, y, eta=0.5):
    step = compute_step(net, x, y, eta)
    return make_record(step, net, iteration=1, epoch=1, mode="standard", learning_rate=eta,
                       sample_indices=np.arange(x.shape[0]), inputs=x, targets=y)


@pytest.mark.parametrize("sizes, acts, loss", [
    ((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"),
    ((3, 4, 2), ("sigmoid", "sigmoid"), "squared_error"),
    ((3, 4, 2), ("tanh", "sigmoid"), "cross_entropy"),
    ((2, 3, 4, 2), ("sigmoid", "tanh", "linear"), "squared_error"),
    ((4, 2), ("sigmoid",), "squared_error"),
])
def test_every_parameters_chain_multiplies_out_to_the_records_gradient(sizes, acts, loss):
    rng = np.random.default_rng(1)
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=3)
    x = rng.normal(size=(1, sizes[0]))
    y = rng.uniform(0.1, 0.9, size=(1, sizes[-1]))
    rec = record_for(net, x, y)
    for index in range(net.n_parameters):
        d = derive(rec, index, acts, loss)
        assert d.gradient == rec.flat_gradients[index] and d.update == rec.flat_updates[index]
        assert d.value == pytest.approx(d.gradient, rel=1e-11, abs=1e-15)


def test_the_notes_factors_for_w_and_v_in_the_two_two_one_network():
    net = Network.initialise((2, 2, 1), seed=0)
    x, y = np.array([[1.0, 0.0]]), np.array([[1.0]])
    rec = record_for(net, x, y, eta=1.0)
    y_hat = rec.layers[1].output[0, 0]
    b = rec.layers[0].output[0]
    w11 = derive(rec, 6, net.activations, net.loss)  # w_11
    assert w11.sum_index is None and len(w11.terms) == 1
    values = [f.value for f in w11.terms[0]]
    assert values == [-(1.0 - y_hat), y_hat * (1 - y_hat), b[0]]
    assert w11.terms[0][0].closed_form.html() == "−(<i>y</i><sub>1</sub> − <i>ŷ</i><sub>1</sub>)"
    assert w11.terms[0][1].derivative.html() == "∂<i>ŷ</i><sub>1</sub>/∂<i>β</i><sub>1</sub>"
    v21 = derive(rec, 2, net.activations, net.loss)  # v_21: input 2 → hidden 1
    assert v21.sum_index == "j" and len(v21.terms) == 1  # l = 1 output
    assert [f.value for f in v21.common] == [b[0] * (1 - b[0]), 0.0]  # ∂b_1/∂α_1, ∂α_1/∂v_21 = x_2 = 0
    gamma1 = derive(rec, 4, net.activations, net.loss)
    assert gamma1.common[0].value == -b[0] * (1 - b[0])  # ∂b_h/∂γ_h = −b_h(1 − b_h)
    assert gamma1.update == -1.0 * gamma1.gradient


def test_a_batch_shows_its_first_sample_then_every_samples_term_of_the_mean():
    data = load_builtin("xor")
    tr = Trainer(Network.initialise((2, 2, 1)), data, config=TrainingConfig(mode="accumulated"))
    rec = tr.step()
    d = derive(rec, 6, ("sigmoid", "sigmoid"), "squared_error")
    assert d.batch_size == 4
    alone = [record_for(Network.initialise((2, 2, 1)), data.inputs[[r]], data.targets[[r]]).flat_gradients[6]
             for r in rec.sample_indices]  # each sample's own iteration: its ∂E_k/∂w_11
    assert d.value == pytest.approx(alone[0], rel=1e-12)
    assert [t.sample for t in d.sample_terms] == [int(r) + 1 for r in rec.sample_indices]
    assert [t.value for t in d.sample_terms] == pytest.approx(alone, rel=1e-12)
    assert d.gradient == rec.flat_gradients[6] == pytest.approx(np.mean(alone), rel=1e-12)
    assert d.batch_formula.html() == ("∂<i>E</i>/∂<i>w</i><sub>11</sub> = (1/<i>B</i>) Σ<sub>k</sub> "
                                      "∂<i>E</i><sub>k</sub>/∂<i>w</i><sub>11</sub>")
    assert d.update_formula.html() == "Δ<i>w</i><sub>11</sub> = −<i>η</i> · ∂<i>E</i>/∂<i>w</i><sub>11</sub>"


@pytest.mark.parametrize("activation, gamma_factor", [
    ("tanh", "−(1 − <i>b</i><sub>1</sub>²)"),
    ("relu", "−[<i>α</i><sub>1</sub> − <i>γ</i><sub>1</sub> &gt; 0]"),
    ("sigmoid", "−<i>b</i><sub>1</sub>(1 − <i>b</i><sub>1</sub>)"),
    ("linear", "−1"),
])
def test_the_hidden_thresholds_factor_is_written_as_computed(activation, gamma_factor):
    net = Network.initialise((2, 2, 1), activations=(activation, "sigmoid"), seed=2)
    flat = net.flat.copy()
    flat[[0, 2, 4]] = 0.5, 0.0, 0.3  # v_11, v_21, γ_1: α_1 = 0.2 > 0 but α_1 − γ_1 < 0, so ReLU passes nothing
    net = net.with_flat(flat)
    rec = record_for(net, np.array([[0.4, -0.2]]), np.array([[0.8]]))
    assert rec.layers[0].net[0, 0] == pytest.approx(0.2)
    gamma1 = derive(rec, 4, net.activations, net.loss)
    (factor,) = gamma1.common
    assert factor.derivative.html() == "∂<i>b</i><sub>1</sub>/∂<i>γ</i><sub>1</sub>"
    assert factor.closed_form.html() == gamma_factor
    b, alpha = rec.layers[0].output[0, 0], rec.layers[0].net[0, 0]
    expected = {"tanh": -(1 - b * b), "relu": -float(alpha - 0.3 > 0), "sigmoid": -b * (1 - b), "linear": -1.0}
    assert factor.value == pytest.approx(expected[activation], rel=1e-15)
