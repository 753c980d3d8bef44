"""The phase captions name each phase with the note's formula and the iteration's own numbers."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.network import Network
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


def test_the_notes_network_in_its_phases(qapp):
    record, texts = captions((2, 2, 1))
    assert texts[0].startswith(f"<b>Iteration 1 (sample k = 3), phase 1 of {len(texts)}</b>: ")  # 1-based
    assert "forward to the hidden layer: α<sub>h</sub>" in texts[0]
    assert "forward to the output layer: β<sub>j</sub>" in texts[1]
    assert texts[2].endswith(f"(y<sub>j</sub> − ŷ<sub>j</sub>)² = {record.sample_errors[0]:.6g}")
    assert "g<sub>j</sub> = ŷ<sub>j</sub>(1 − ŷ<sub>j</sub>)" in texts[3]  # the note's sigmoid form
    assert "into the hidden units: ∂E/∂b<sub>h</sub>" in texts[4]
    assert texts[-1].endswith("with η = 0.5. Next: iteration 2 starts forward again.")
    assert all(f"phase {i} of {len(texts)}</b>" in t for i, t in enumerate(texts, start=1))


def test_a_deeper_network_numbers_its_hidden_layers_and_reads_the_inputs_as_x(qapp):
    _record, texts = captions((2, 3, 2, 1))
    first, second = texts[0], texts[1]
    assert first.split("</b>: ")[1].startswith("forward to hidden layer 1: α<sup>(1)</sup><sub>h</sub>")
    assert "v<sup>(1)</sup><sub>ih</sub> x<sub>i</sub>," in first and "b<sup>(0)</sup>" not in first
    assert "v<sup>(2)</sup><sub>ih</sub> b<sup>(1)</sup><sub>i</sub>," in second
    assert any("back into hidden layer 1: e<sub>h</sub>" in t for t in texts)


def test_following_one_output_at_a_time_names_each_output(qapp):
    _record, texts = captions((2, 2, 2), per_output=True)
    sums = [t for t in texts if "reaches every hidden unit" in t]
    assert len(sums) == 2
    assert "(1 of 2): ∂E/∂b<sub>h</sub> gains −w<sub>h1</sub> g<sub>1</sub>" in sums[0]
    assert "(2 of 2): ∂E/∂b<sub>h</sub> gains −w<sub>h2</sub> g<sub>2</sub>" in sums[1]
    assert sum("output gradients for output " in t for t in texts) == 2


@pytest.mark.parametrize("loss, activations", [("cross_entropy", "sigmoid"), ("squared_error", "tanh")])
def test_other_losses_and_activations_get_the_general_words(qapp, loss, activations):
    record, texts = captions((2, 2, 1), loss=loss, activations=activations)
    gradients = next(t for t in texts if "output gradients" in t)
    assert "g<sub>j</sub> = −∂E<sub>k</sub>/∂β<sub>j</sub>" in gradients
    assert any("back into hidden layer 1" in t for t in texts)
    if loss == "cross_entropy":
        assert any(t.endswith(f"the error (cross-entropy) E<sub>k</sub> = {record.sample_errors[0]:.6g}")
                   for t in texts)


def test_a_batch_names_its_size_and_its_mean_error(qapp):
    record, texts = captions((2, 2, 1), batch=4)
    assert record.batch_size == 4
    assert "(a batch of 4, the first drawn)" in texts[0]
    assert any(t.endswith(f"E<sub>k</sub> = {record.error:.6g}") and "over the batch" in t for t in texts)
