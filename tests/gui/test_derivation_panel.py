"""The derivation panel writes the chain rule for the chosen parameter with the iteration's numbers."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QTextBrowser

from bpgui.model import closed_forms as cf
from bpgui.model.backprop import compute_step, make_record
from bpgui.model.chain_paths import chain_paths
from bpgui.model.derivation import derive
from bpgui.model.forward_arithmetic import HEAD, forward_arithmetic
from bpgui.model.network import Network
from bpgui.model.numbers import DEFAULT_DIGITS, format_factor, format_number
from bpgui.views.derivation_panel import PANEL_PATHS, DerivationPanel


def first_iteration(batch=1):
    network = Network.initialise((2, 2, 1))
    x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])[:batch]
    y = np.array([[1.0], [1.0], [0.0], [0.0]])[:batch]
    step = compute_step(network, x, y, 0.5)
    record = make_record(step, network, iteration=1, epoch=1, mode="standard" if batch == 1 else "accumulated",
                         learning_rate=0.5, sample_indices=np.arange(batch) + 1, inputs=x, targets=y)
    return network, record


def minus(value, digits=DEFAULT_DIGITS):
    """A factor as the panel writes it: the one format (a real minus sign), negatives in brackets."""
    return format_factor(value, digits)


def result(value, digits=DEFAULT_DIGITS):
    """A result after "=" as the panel writes it: the one format, no brackets."""
    return format_number(value, digits)


@pytest.fixture
def panel(qtbot):
    widget = DerivationPanel()
    qtbot.addWidget(widget)
    return widget


def test_without_a_parameter_it_asks_for_one(panel):
    assert panel.text().startswith("<b>The chain rule</b><br>Select a weight or a threshold")
    assert panel.findChild(QTextBrowser) is panel.label


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
    assert lines[4] == f"= <b>{result(d.value)}</b>"
    assert np.isclose(d.value, record.flat_gradients[6], rtol=1e-12)
    assert lines[-1].endswith(f"= <b>{result(record.flat_updates[6])}</b>")
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
    assert text.split("<br>")[-2].endswith(f"= <b>{result(d.value)}</b>")


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
    assert lines[4] == f"= <b>{result(terms[0])}</b>"
    mean = record.flat_gradients[8]
    assert np.isclose(mean, np.mean(terms), rtol=1e-12)
    assert lines[-2] == (f"∂<i>E</i>/∂{theta} = (1/<i>B</i>) Σ<sub>k</sub> ∂<i>E</i><sub>k</sub>/∂{theta} = "
                         f"(1/4)({' + '.join(minus(t) for t in terms)}) = <b>{result(mean)}</b>")
    assert lines[-1] == (f"Δ{theta} = −<i>η</i> · ∂<i>E</i>/∂{theta} = −0.5 · {minus(mean)} = "
                         f"<b>{result(record.flat_updates[8])}</b>")
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


# ---- the forward pass, the paths, hovering a factor, digits (issue 10) ------------------------------------


def wide_record(sizes=(784, 8, 10)):
    network = Network.initialise(sizes, seed=1)
    rng = np.random.default_rng(1)
    x, y = rng.uniform(size=(1, sizes[0])), np.eye(sizes[-1])[[sizes[-1] - 1]]
    step = compute_step(network, x, y, 0.5)
    return network, make_record(step, network, iteration=1, epoch=1, mode="standard", learning_rate=0.5,
                                sample_indices=np.array([6]), inputs=x, targets=y)


def test_a_wide_units_forward_pass_is_summarised_above_the_chain_rule(panel):
    network, record = wide_record()
    fa = forward_arithmetic(record, network.activations, 1, 2)
    panel.show_selection(fa, derive(record, 784 * 8 + 2, network.activations, network.loss))  # γ_3
    text = panel.text()
    forward, chain = text.split("<br><br>")
    lines = forward.split("<br>")
    assert lines[0] == "<b>The forward pass of <i>b</i><sub>3</sub></b> (sample k = 7)"
    assert lines[1].endswith(f"= {format_number(record.layers[0].net[0, 2])} (784 terms)")
    assert lines[1].count(" · ") == 2 * (HEAD + 1) and lines[1].count("…") == 2
    assert lines[2].endswith(f"= {format_number(record.layers[0].output[0, 2])}")
    assert chain.startswith("sample k = 7: x = (") and "(784 values)" in chain and "(10 values)" in chain
    assert len(chain.split("<br>")[0]) < 120  # 784 inputs never flood the panel
    panel.show_forward(None)
    assert panel.text().startswith("sample k = 7")


def test_an_output_shows_its_target_and_an_input_its_feature(panel):
    network, record = first_iteration()
    panel.show_forward(forward_arithmetic(record, network.activations, 2, 0))
    lines = panel.text().split("<br><br>")[0].split("<br>")
    assert lines[1].startswith("<i>β</i><sub>1</sub> = <i>w</i><sub>11</sub> · <i>b</i><sub>1</sub> + ")
    assert lines[3] == "<i>y</i><sub>1</sub> = 1"
    panel.show_forward(forward_arithmetic(record, network.activations, 0, 1, feature_names=("a", "<root>")))
    assert panel.text().split("<br>")[1] == "<i>x</i><sub>2</sub> = 1, the input “&lt;root&gt;”"
    assert "An input has no parameter of its own" in panel.text()
    panel.show_forward(forward_arithmetic(record, network.activations, 1, 0, known=False))
    assert "Not computed yet: a later forward phase" in panel.text()


def test_digits_rewrite_every_number(panel):
    network, record = first_iteration()
    d = derive(record, 2, network.activations, network.loss)
    panel.show_selection(forward_arithmetic(record, network.activations, 1, 0), d)
    assert f"= <b>{result(d.value)}</b>" in panel.text()
    panel.set_digits(9)
    text = panel.text()
    assert f"= <b>{result(d.value, 9)}</b>" in text and minus(d.value, 9) != minus(d.value)
    assert text.split("<br>")[2].endswith(format_number(record.layers[0].output[0, 0], 9))
    assert "e-" not in text and "-" not in text.replace("text-decoration", "")  # one format: true minus signs
    panel.set_text_scale(2.0)
    assert panel.label.document().documentMargin() == 12 and panel.text() == text


def test_every_factor_is_an_anchor_to_where_it_lives_and_hovering_one_says_so(qtbot):
    panel = DerivationPanel()
    qtbot.addWidget(panel)
    network, record = wide_record((3, 4, 2))
    index = 1  # v_12
    panel.show_derivation(derive(record, index, network.activations, network.loss),
                          paths=chain_paths(record, index, network.activations, network.loss))
    assert "<a " not in panel.text()  # the text as it reads
    refs = re.findall(r'<a href="([^"]*)" style="text-decoration: none; color: #[0-9a-f]{6}">', panel.label.text())
    w12, w22 = (cf.parameter_index((3, 4, 2), 2, 2, j) for j in (1, 2))
    # j = 1 and j = 2: the loss's and ŷ_j's slope (at ŷ_j) and w_2j (its link), in symbols then numbers;
    # then b_2's slope and x_1 on the link v_12 in symbols and numbers.
    assert refs == ["unit:2:0"] * 2 + [f"link:{w12}"] + ["unit:2:0"] * 2 + [f"link:{w12}"] \
        + ["unit:2:1"] * 2 + [f"link:{w22}"] + ["unit:2:1"] * 2 + [f"link:{w22}"] \
        + ["unit:1:1", f"link:{index}"] * 2
    seen = []
    panel.factor_hovered.connect(seen.append)
    panel.label.linkHovered.emit("unit:2:1")
    panel.label.linkHovered.emit("unit:2:1")  # the same factor again: nothing new
    panel.label.linkHovered.emit(f"link:{w22}")
    QApplication.sendEvent(panel.label, QEvent(QEvent.Type.Leave))  # the pointer left the panel
    assert seen == ["unit:2:1", f"link:{w22}", ""]


def test_a_hidden_weights_paths_are_listed_with_their_sum_and_the_delta_they_form(panel):
    network, record = wide_record((3, 4, 2))
    paths = chain_paths(record, 1, network.activations, network.loss)  # v_12
    panel.show_derivation(derive(record, 1, network.activations, network.loss), paths=paths)
    lines = panel.text().split("<br>")
    start = lines.index("<b>The paths from <i>E</i><sub>k</sub> to <i>v</i><sub>12</sub></b>, the product along each:")
    assert lines[start + 1] == ("<i>E</i><sub>k</sub> → <i>ŷ</i><sub>1</sub> → <i>b</i><sub>2</sub> → "
                                f"<i>v</i><sub>12</sub>: {minus(paths.paths[0].product)}")
    gradient = minus(record.flat_gradients[1])
    assert lines[start + 3] == (f"Σ over the paths (2 in all): ∂<i>E</i><sub>k</sub>/∂<i>v</i><sub>12</sub> = "
                                f"−<i>e</i><sub>2</sub> <i>x</i><sub>1</sub> = <b>{gradient}</b>")
    assert lines[start + 4].startswith("<i>e</i><sub>2</sub> = <i>b</i><sub>2</sub>(1 − <i>b</i><sub>2</sub>) Σ")
    assert lines[start + 4].endswith(f" = {format_number(record.layers[0].delta[0, 1])}")
    # An output weight has one path, the chain itself: no list.
    panel.show_derivation(derive(record, 20, network.activations, network.loss),
                          paths=chain_paths(record, 20, network.activations, network.loss))
    assert "The paths from" not in panel.text()


def test_a_deep_networks_paths_are_bounded_on_screen(panel):
    network, record = wide_record((2, 6, 6, 6, 3))
    paths = chain_paths(record, 0, network.activations, network.loss)
    assert paths.count == 108
    panel.show_derivation(derive(record, 0, network.activations, network.loss), paths=paths)
    text = panel.text()
    assert text.count(" → ") == 5 * PANEL_PATHS and "… and 100 more paths (108 in all)" in text


def test_the_controller_selects_a_unit_with_its_threshold_and_offers_its_arithmetic_and_paths(controller, qtbot):
    units = []
    controller.unit_selection_changed.connect(lambda layer, unit: units.append((layer, unit)))
    with qtbot.waitSignal(controller.selection_changed):
        controller.select_unit(1, 0)
    assert units == [(1, 0)] and controller.selected_unit == (1, 0)
    fa = controller.forward_arithmetic()
    assert fa is not None and (fa.layer, fa.unit) == (1, 0)
    sizes = controller.network.layer_sizes
    assert controller.selected_parameter == cf.parameter_index(sizes, 1, None, 1)
    highlight_units, highlight_links = controller.path_highlight(3)
    assert (1, 0) in highlight_units and all((sizes[-1] > u) for layer, u in highlight_units if layer == 2)
    assert highlight_links  # the weights out of b_1
    controller.select_parameter(0)  # a link
    assert units == [(1, 0), (-1, -1)] and controller.forward_arithmetic() is None
    assert controller.factor_source("link:3") == ({}, {3: ""})
    controller.select_parameter(-1)
    assert controller.chain_paths() is None and controller.path_highlight() == ({}, {})


def test_a_panel_stepped_shows_what_a_new_panel_writes_for_the_same_state(controller, qtbot):
    """Issue 11: a Step rewrites the panel in place (the chain's closed forms kept per chain, only the runs that
    changed written, the lines below the view later). Over steps, selections (a chain met again), digits and
    a batch mode, its text and, once its lines below are written, its document are a new panel's."""
    controller.update_settings(hidden=(3, 2), target_error=None)
    panel = DerivationPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 110)  # a few lines show: the rest wait below the view
    panel.show()
    sizes = controller.network.layer_sizes
    hidden_weight, output_weight = cf.parameter_index(sizes, 1, 1, 2), cf.parameter_index(sizes, 3, 2, 1)
    chosen = [("unit", (1, 0)), ("parameter", hidden_weight), ("unit", (2, 1)), ("parameter", output_weight),
              ("unit", (1, 0)), ("parameter", hidden_weight)]
    seen, pended = set(), 0
    for n, (kind, which) in enumerate(chosen):
        if n == 4:
            controller.update_settings(mode="accumulated")  # a batch: the mean term by term
        if kind == "unit":
            controller.select_unit(*which)
        else:
            controller.select_parameter(which)
        digits = (4, 3, 6)[n % 3]
        panel.set_digits(digits)
        for step in range(3):
            controller.step()
            derivation = controller.derivation()
            assert derivation is not None
            d, known = derivation
            args = (controller.forward_arithmetic(), d)
            built = panel.label.built
            panel.show_selection(*args, known=known, paths=controller.chain_paths())
            new = DerivationPanel()
            qtbot.addWidget(new)
            new.set_digits(digits)
            new.show_selection(*args, known=known, paths=controller.chain_paths())
            if step % 2:  # the lines below the view written by flush (their functions called there) ...
                pended += panel.label.pending()
                panel.label.flush()
                assert panel.label.document().toHtml() == new.label.document().toHtml()
                assert panel.text() == new.text()
            else:  # ... or by text(), then flush
                assert panel.text() == new.text()
                panel.label.flush()
                assert panel.label.document().toHtml() == new.label.document().toHtml()
            if step:  # the same selection and digits stepped: written in place, never set whole
                assert panel.label.built == built
            seen.add(panel.text().split("<br>")[0])
    assert panel.label.written_in_place >= 10  # the steps were written in place, not built again
    assert pended >= 2  # (long chains: lines below the view were left to flush)
    assert len(seen) >= 3  # (several selections' texts)
