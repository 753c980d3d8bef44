"""The phase captions name each phase with the note's formula and the iteration's own numbers."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.network import Network
from bpgui.model.numbers import format_number
from bpgui.model.phases import phase_views
from bpgui.views.phase_text import phase_caption


def captions(sizes, *, per_output=False, batch=1, loss="squared_error", activations="sigmoid", eta=0.5):
    """A first iteration of ``sizes`` on ``batch`` random samples, and its caption in every phase."""
    network = Network.initialise(sizes, activations=activations, loss=loss)
    rng = np.random.default_rng(3)
    x, y = rng.uniform(size=(batch, sizes[0])), rng.uniform(size=(batch, sizes[-1]))
    step = compute_step(network, x, y, eta)
    record = make_record(step, network, iteration=1, epoch=1, mode="standard" if batch == 1 else "accumulated",
                         learning_rate=eta, sample_indices=np.arange(batch) + 2, inputs=x, targets=y)
    return record, [phase_caption(v, record, network, eta) for v in phase_views(sizes, per_output=per_output)]


def sym(base, sub, sup=None):
    """A symbol as the captions write it (the app's HTML)."""
    return f"<i>{base}</i>" + (f"<sup>({sup})</sup>" if sup else "") + f"<sub>{sub}</sub>"


def test_the_notes_network_in_its_phases(qapp):
    record, texts = captions((2, 2, 1))
    assert texts[0].startswith(f"<b>Iteration 1 (sample k = 3), phase 1 of {len(texts)}</b>: ")  # 1-based
    assert texts[0].endswith(f"forward to the hidden layer: {sym('α', 'h')} = Σ<sub>i</sub> {sym('v', 'ih')} "
                             f"{sym('x', 'i')}, {sym('b', 'h')} = <i>f</i>({sym('α', 'h')} − {sym('γ', 'h')})")
    assert f"forward to the output layer: {sym('β', 'j')} = Σ<sub>h</sub> {sym('w', 'hj')} {sym('b', 'h')}," \
        in texts[1]
    assert texts[2].endswith(f"({sym('y', 'j')} − {sym('ŷ', 'j')})² = {format_number(record.sample_errors[0])}")
    y, yh = sym("y", "j"), sym("ŷ", "j")
    assert f"{sym('g', 'j')} = {yh}(1 − {yh})({y} − {yh})" in texts[3]  # the note's sigmoid form
    assert f"∂<i>E</i><sub>k</sub>/∂{sym('w', 'hj')} = −{sym('g', 'j')} {sym('b', 'h')}" in texts[3]
    assert f"into the hidden units: ∂<i>E</i><sub>k</sub>/∂{sym('b', 'h')} = −Σ<sub>j</sub>" in texts[4]
    assert f"{sym('e', 'h')} = {sym('b', 'h')}(1 − {sym('b', 'h')}) Σ<sub>j</sub>" in texts[4]
    assert texts[-1].endswith("with η = 0.5. The links and thresholds now show the new values; the units "
                              "still show the pass just made. Next: iteration 2 starts forward again.")
    assert "Δ<i>p</i> = −<i>η</i> ∂<i>E</i><sub>k</sub>/∂<i>p</i>" in texts[-1]
    assert all(f"phase {i} of {len(texts)}</b>" in t for i, t in enumerate(texts, start=1))


def test_a_deeper_network_numbers_its_hidden_layers_and_reads_the_inputs_as_x(qapp):
    _record, texts = captions((2, 3, 2, 1))
    first, second = texts[0], texts[1]
    assert first.split("</b>: ")[1].startswith(f"forward to hidden layer 1: {sym('α', 'h', 1)}")
    assert f"{sym('v', 'ih', 1)} {sym('x', 'i')}," in first and "<sup>(0)</sup>" not in first
    assert f"{sym('v', 'ih', 2)} {sym('b', 'i', 1)}," in second
    assert f"{sym('w', 'hj')} {sym('b', 'h', 2)}," in texts[2]  # the output reads the last hidden layer
    back = [t for t in texts if "back into hidden layer" in t]
    assert len(back) == 2 and "back into hidden layer 2: " in back[0] and "back into hidden layer 1: " in back[1]
    assert f"∂<i>E</i><sub>k</sub>/∂{sym('b', 'h', 2)} = −Σ<sub>j</sub> {sym('w', 'hj')} {sym('g', 'j')}" in back[0]
    assert f"{sym('e', 'h', 1)} = " in back[1] and f"{sym('v', 'hj', 2)} {sym('e', 'j', 2)}" in back[1]
    assert f"∂<i>E</i><sub>k</sub>/∂{sym('v', 'ih', 1)} = −{sym('e', 'h', 1)} {sym('x', 'i')}" in back[1]
    assert "<i>b</i><sub>h</sub>" not in "".join(texts)  # every b carries its layer


def test_a_network_without_a_hidden_layer_speaks_of_x(qapp):
    _record, texts = captions((3, 2))
    assert f"{sym('β', 'j')} = Σ<sub>i</sub> {sym('w', 'ij')} {sym('x', 'i')}," in texts[0]
    gradients = next(t for t in texts if "output gradients" in t)
    assert f"∂<i>E</i><sub>k</sub>/∂{sym('w', 'ij')} = −{sym('g', 'j')} {sym('x', 'i')}" in gradients
    assert "<i>b</i>" not in "".join(texts)


def test_following_one_output_at_a_time_names_each_output(qapp):
    record, texts = captions((2, 2, 2), per_output=True)
    sums = [t for t in texts if "reaches every hidden unit" in t]
    assert len(sums) == 2
    b = f"∂<i>E</i><sub>k</sub>/∂{sym('b', 'h')}"
    assert f"output j = 1 reaches every hidden unit (1 of 2): {b} gains −{sym('w', 'h1')} {sym('g', '1')}" in sums[0]
    assert f"output j = 2 reaches every hidden unit (2 of 2): {b} gains −{sym('w', 'h2')} {sym('g', '2')}" in sums[1]
    outputs = [t for t in texts if "output gradients for output j = " in t]
    assert len(outputs) == 2
    for j, text in enumerate(outputs, start=1):
        y, yh, g = sym("y", j), sym("ŷ", j), record.layers[1].delta[0, j - 1]
        assert f"for output j = {j}: {sym('g', j)} = {yh}(1 − {yh})({y} − {yh}) = {format_number(g)}" in text
        assert f"∂<i>E</i><sub>k</sub>/∂{sym('θ', j)} = {sym('g', j)}" in text and "<sub>j</sub>" not in text


@pytest.mark.parametrize("loss, activations, delta", [
    ("cross_entropy", "sigmoid", f"{sym('g', 'j')} = {sym('y', 'j')} − {sym('ŷ', 'j')}"),
    ("squared_error", "tanh", f"{sym('g', 'j')} = (1 − {sym('ŷ', 'j')}²)({sym('y', 'j')} − {sym('ŷ', 'j')})"),
    ("squared_error", "relu",
     f"{sym('g', 'j')} = [{sym('β', 'j')} − {sym('θ', 'j')} &gt; 0]({sym('y', 'j')} − {sym('ŷ', 'j')})"),
    ("squared_error", "linear", f"{sym('g', 'j')} = {sym('y', 'j')} − {sym('ŷ', 'j')};"),
])
def test_other_losses_and_activations_get_their_own_closed_forms(qapp, loss, activations, delta):
    record, texts = captions((2, 2, 1), loss=loss, activations=activations)
    gradients = next(t for t in texts if "output gradients" in t)
    assert delta in gradients
    assert any("into the hidden units" in t for t in texts)
    if loss == "cross_entropy":
        assert any(t.endswith(f"{format_number(record.sample_errors[0])}") and "the error (cross-entropy) <i>E</i>" in t
                   for t in texts)


def test_a_batch_names_its_size_its_mean_error_and_the_mean_gradient(qapp):
    record, texts = captions((2, 2, 1), batch=4)
    assert record.batch_size == 4
    assert "(a batch of 4, the first drawn)" in texts[0]
    assert any(t.endswith(f"<i>E</i> = (1/<i>B</i>) Σ<sub>k</sub> <i>E</i><sub>k</sub> = {format_number(record.error)}")
               and "over the batch" in t for t in texts)
    assert ("Δ<i>p</i> = −<i>η</i> ∂<i>E</i>/∂<i>p</i>, ∂<i>E</i>/∂<i>p</i> = (1/<i>B</i>) Σ<sub>k</sub> "
            "∂<i>E</i><sub>k</sub>/∂<i>p</i> with η = 0.5") in texts[-1]


def test_numbers_follow_the_digits_setting_with_a_true_minus(qapp):
    network = Network.initialise((2, 2, 1))
    x, y = np.array([[1.0, 0.0]]), np.array([[0.0]])
    step = compute_step(network, x, y, 0.125)
    record = make_record(step, network, iteration=1, epoch=1, mode="standard", learning_rate=0.125,
                         sample_indices=np.arange(1), inputs=x, targets=y)
    views = phase_views((2, 2, 1), per_output=True)
    gradient = next(v for v in views if v.phase.kind == "output_gradient")
    g = float(record.layers[1].delta[0, 0])
    assert g < 0  # the target 0 is below ŷ: g₁ is negative, written with U+2212
    for digits in (2, 7):
        text = phase_caption(gradient, record, network, 0.125, digits)
        assert f" = \u2212{format_number(-g, digits)}" in text  # g₁ to the digits asked, a true minus
        assert "-" not in text
    update = phase_caption(views[-1], record, network, 0.125, 2)
    assert "with η = 0.125" in update  # η as it was set, whatever the digits


def test_the_status_line_writes_its_errors_in_the_screens_format_at_the_digits_setting(qapp):
    from bpgui.views.status_text import status_line

    st = {"iteration": 12, "end": 12, "epoch": 3, "sample": 2, "batch": 1, "error_k": 1.23456789e-05,
          "error": 0.123456789, "accuracy": 0.75, "test_error": -0.0}
    line = status_line(st, "standard")
    assert "Eₖ = 1.235×10⁻⁵" in line and "E (end of epoch 3) = 0.1235" in line
    assert "accuracy 75.0%" in line and "test E = 0" in line  # never "−0"
    assert "Eₖ = 1.2×10⁻⁵" in status_line(st, "standard", digits=2)
    assert "E (end of epoch 3) = 0.123456789" in status_line(st, "standard", digits=9)
