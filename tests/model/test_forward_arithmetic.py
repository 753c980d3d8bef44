"""A selected unit's forward arithmetic: one expression per line, written and computed from the record."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpgui.model import closed_forms as cf
from bpgui.model.backprop import compute_step, make_record
from bpgui.model.formula import Apply, Diff, Mul, Series, Value, with_digits
from bpgui.model.forward_arithmetic import HEAD, forward_arithmetic
from bpgui.model.network import Network
from bpgui.model.numbers import format_number


def record_for(sizes, seed=0, acts=None):
    kw = {} if acts is None else {"activations": acts}
    net = Network.initialise(sizes, seed=seed, **kw)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(2, sizes[0]))
    y = rng.uniform(size=(2, sizes[-1]))
    step = compute_step(net, x, y, 0.5)
    rec = make_record(step, net, iteration=1, epoch=1, mode="accumulated", learning_rate=0.5,
                      sample_indices=np.array([3, 1]), inputs=x, targets=y)
    return net, rec


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def test_the_notes_example_reads_as_the_issue_writes_it():
    net = Network.initialise((2, 2, 1), seed=0)
    x, y = np.array([[1.0, 0.0]]), np.array([[1.0]])
    rec = make_record(compute_step(net, x, y, 0.5), net, iteration=1, epoch=1, mode="standard", learning_rate=0.5,
                      sample_indices=np.array([0]), inputs=x, targets=y)
    fa = forward_arithmetic(rec, net.activations, 1, 0)
    assert [line.text() for line in fa.lines] == [
        "α₁ = v₁₁ · x₁ + v₂₁ · x₂ = 0.3897 · 1 + 0.3009 · 0 = 0.3897",
        "b₁ = f(α₁ − γ₁) = f(0.3897 − (−0.4414)) = 0.6966",
    ]
    assert fa.at_digits(2).lines[1].text() == "b₁ = f(α₁ − γ₁) = f(0.39 − (−0.44)) = 0.7"


@pytest.mark.parametrize("sizes", [(2, 2, 1), (2, 3, 2, 1), (19, 5, 1), (784, 8, 10)])
def test_every_shown_number_is_the_records_and_every_side_evaluates_to_it(sizes):
    net, rec = record_for(sizes)
    env = cf.RecordEnv(rec, net.activations)
    params = rec.parameters
    n = len(sizes) - 1
    for layer in range(n + 1):
        for u in {0, sizes[layer] - 1}:
            fa = forward_arithmetic(rec, net.activations, layer, u)
            assert fa.sample == 4  # the batch's first sample, 1-based row
            if layer == 0:
                assert fa.lines[0].sides[-1] == Value(rec.inputs[0, u])
                continue
            values = rec.layers[layer - 1]
            net_line, out_line = fa.lines[:2]
            assert fa.net == values.net[0, u] and fa.output == values.output[0, u]
            for side in net_line.sides:
                assert close(side.evaluate(env, {"k": 1}), values.net[0, u])
            for side in out_line.sides:
                assert close(side.evaluate(env, {"k": 1}), values.output[0, u])
            # The numbers written are the weights the iteration used and the sample's values.
            before = rec.inputs[0] if layer == 1 else rec.layers[layer - 2].output[0]
            numbers = net_line.sides[2]
            assert isinstance(numbers, Series) and len(numbers.terms) == sizes[layer - 1] == fa.terms
            for i, term in enumerate(numbers.terms):
                assert isinstance(term, Mul)
                assert term.factors == (Value(params[layer - 1].weights[i, u]), Value(before[i]))
            assert net_line.sides[-1] == Value(values.net[0, u])
            inside = out_line.sides[2]
            assert isinstance(inside, Apply) and isinstance(inside.argument, Diff)
            assert inside.argument.left == Value(values.net[0, u])
            assert inside.argument.right == Value(params[layer - 1].thresholds[u])
            assert out_line.sides[-1] == Value(values.output[0, u])
            if layer == n:
                assert fa.lines[2].sides[-1] == Value(rec.targets[0, u])


def test_a_wide_unit_shows_its_first_terms_the_last_and_is_worth_the_whole_sum():
    net, rec = record_for((784, 8, 10))
    fa = forward_arithmetic(rec, net.activations, 1, 7, digits=3)
    assert fa.terms == 784 and fa.summarised
    text = fa.lines[0].text()
    assert text.count("…") == 2  # once in the symbols, once in the numbers
    assert text.count(" · ") == 2 * (HEAD + 1)
    assert "v₇₈₄,₈ · x₇₈₄" in text and "v₄₈ · x₄" not in text
    assert text.endswith("= " + format_number(rec.layers[0].net[0, 7], 3))
    assert len(text) < 250
    small = forward_arithmetic(rec, net.activations, 2, 0)  # 8 inputs: summarised too
    assert small.summarised and small.lines[0].text().count(" · ") == 2 * (HEAD + 1)
    _, rec5 = record_for((5, 2, 1))
    assert not forward_arithmetic(rec5, net.activations[:2], 1, 0).summarised  # five terms: all of them


def test_an_input_unit_names_its_feature_and_a_bad_unit_is_refused():
    net, rec = record_for((2, 2, 1))
    fa = forward_arithmetic(rec, net.activations, 0, 1, feature_names=("colour", "root"))
    assert fa.feature == "root" and fa.lines[0].text() == "x₂ = " + format_number(rec.inputs[0, 1])
    # XOR's columns are called x_1, x_2: naming them beside x₁, x₂ would only repeat the symbol
    assert forward_arithmetic(rec, net.activations, 0, 1, feature_names=("x_1", "x_2")).feature == ""
    with pytest.raises(IndexError):
        forward_arithmetic(rec, net.activations, 3, 0)
    with pytest.raises(IndexError):
        forward_arithmetic(rec, net.activations, 1, 2)


def test_digits_rewrite_every_number_and_change_no_value():
    net, rec = record_for((3, 4, 2), acts=("tanh", "sigmoid"))
    env = cf.RecordEnv(rec, net.activations)
    fa = forward_arithmetic(rec, net.activations, 2, 1)
    for digits in (1, 4, 9, 17):
        for a, b in zip(fa.lines, fa.at_digits(digits).lines, strict=True):
            assert a.evaluate(env, {"k": 1}) == b.evaluate(env, {"k": 1})
            assert with_digits(b, 4) == a
    assert fa.at_digits(9).lines[1].text().endswith(format_number(rec.layers[1].output[0, 1], 9))


def test_a_pass_at_its_own_digits_is_itself_and_at_others_as_if_made_at_them():
    """``at_digits`` at the digits a pass was made with changes nothing (the panel asks every Step); at others
    it writes what a pass made at those digits writes."""
    network = Network.initialise((3, 2, 1), seed=4)
    x, y = np.array([[0.25, -1.5, 2.0]]), np.array([[1.0]])
    record = make_record(compute_step(network, x, y, 0.5), network, iteration=1, epoch=1, mode="standard",
                         learning_rate=0.5, sample_indices=np.array([1]), inputs=x, targets=y)
    for layer in (1, 2):
        fa = forward_arithmetic(record, network.activations, layer, 0)
        assert fa.digits == fa.lines[0].rhs.digits and fa.at_digits(fa.digits) is fa
        for digits in (2, 6):
            made = forward_arithmetic(record, network.activations, layer, 0, digits=digits)
            assert [line.html() for line in fa.at_digits(digits).lines] == [line.html() for line in made.lines]
            assert fa.at_digits(digits).digits == digits and made.at_digits(fa.digits).lines == fa.lines
            assert [line.html() for line in fa.at_digits(digits).lines] != [line.html() for line in fa.lines]
