"""Planted bugs: each wrong backward pass differs from the truth exactly as its rule says (the wrong values
computed here independently, unit by unit), agrees with it everywhere the rule does not reach, and the
learner's tools expose it: the gradient check for a wrong gradient, the update column or the error curve
for a wrong update."""

from __future__ import annotations

import numpy as np
import pytest

from bpgui.model import backprop, gradcheck
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.practice import planted as pl

ETA = 0.5
SIZES = ((2, 2, 1), (3, 4, 2), (2, 3, 3, 2))
# (hidden activation, output activation, loss)
KINDS = (("sigmoid", "sigmoid", "squared_error"), ("tanh", "tanh", "squared_error"),
         ("tanh", "sigmoid", "squared_error"), ("sigmoid", "sigmoid", "cross_entropy"))
CASES = [pytest.param(sizes, kind, batch, id=f"{'-'.join(map(str, sizes))}/{'+'.join(kind)}/B{batch}")
         for sizes in SIZES for kind in KINDS for batch in (1, 4)]
SLOPE = {"sigmoid": lambda y: y * (1.0 - y), "tanh": lambda y: 1.0 - y * y}


def _problem(sizes, kind, batch, seed=5):
    hidden, out, loss = kind
    acts = (hidden,) * (len(sizes) - 2) + (out,)
    network = Network.initialise(sizes, activations=acts, loss=loss, seed=seed, init_range=1.0)
    rng = np.random.default_rng(seed)
    inputs = rng.uniform(-1.0, 1.0, (batch, sizes[0]))
    targets = rng.uniform(0.0, 1.0, (batch, sizes[-1])) if out == "sigmoid" else rng.uniform(-1, 1, (batch, sizes[-1]))
    return network, inputs, targets


def _by_hand(rule, network, inputs, targets, truth):
    """(deltas, gradients) of ``rule``, unit by unit and sample by sample, in plain Python loops."""
    n = network.n_layers
    acts = network.activations
    outs = [np.asarray(o) for o in truth.outputs]  # the forward pass is the true one (checked separately)
    # the weights each hidden sum reads: the true ones, or for updated_weights the truth's updated ones
    weights = (truth.network_after if rule == pl.UPDATED_WEIGHTS else network).weights
    batch = inputs.shape[0]
    deltas = [np.zeros_like(o) for o in outs]
    for s in range(batch):
        for j in range(outs[-1].shape[1]):
            yh, y = outs[-1][s, j], targets[s, j]
            if network.loss == "cross_entropy" or rule == pl.NO_SLOPE:
                deltas[-1][s, j] = y - yh
            else:
                deltas[-1][s, j] = SLOPE[acts[-1]](yh) * (y - yh)
        for k in range(n - 2, -1, -1):
            w, above = weights[k + 1], deltas[k + 1][s]
            for h in range(outs[k].shape[1]):
                if rule == pl.WRONG_INDEX:
                    total = sum(sum(w[hh, j] for hh in range(w.shape[0])) * above[j] for j in range(w.shape[1]))
                else:
                    total = sum(w[h, j] * above[j] for j in range(w.shape[1]))
                deltas[k][s, h] = total if rule == pl.NO_SLOPE else SLOPE[acts[k]](outs[k][s, h]) * total
    grads = []
    for k in range(n):
        before = inputs if k == 0 else outs[k - 1]
        gw = np.zeros((before.shape[1], outs[k].shape[1]))
        for i in range(gw.shape[0]):
            for j in range(gw.shape[1]):
                gw[i, j] = -sum(before[s, i] * deltas[k][s, j] for s in range(batch)) / batch
        gt = np.array([sum(deltas[k][s, j] for s in range(batch)) / batch for j in range(gw.shape[1])])
        if rule == pl.THRESHOLD_SIGN:
            gt = -gt
        grads += [gw.ravel(), gt]
    return deltas, np.concatenate(grads)


def _close(a, b):
    np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-11, atol=1e-15)


def _layer_slices(network, layer):
    w0, _, t1 = network.layout[layer]
    return slice(w0, t1)


@pytest.mark.parametrize("rule", pl.RULES)
@pytest.mark.parametrize(("sizes", "kind", "batch"), CASES)
def test_each_rule_differs_from_the_truth_exactly_as_described(rule, sizes, kind, batch):
    network, inputs, targets = _problem(sizes, kind, batch)
    truth = backprop.compute_step(network, inputs, targets, ETA)
    step = pl.planted_step(rule, network, inputs, targets, ETA)

    # The forward pass and the error are the true ones, whatever the rule.
    for a, b in zip(step.nets, truth.nets, strict=True):
        _close(a, b)
    for a, b in zip(step.outputs, truth.outputs, strict=True):
        _close(a, b)
    _close(step.sample_errors, truth.sample_errors)
    assert step.error == pytest.approx(truth.error, rel=1e-13)

    # The shape of a StepResult, as compute_step gives it.
    assert step.gradients.shape == step.updates.shape == network.flat.shape
    assert step.gradients.dtype == step.updates.dtype == np.float64
    assert not step.gradients.flags.writeable and not step.updates.flags.writeable
    assert not step.network_after.flat.flags.writeable
    assert np.array_equal(step.network_after.flat, network.flat + step.updates)
    assert step.finite is True
    assert [d.shape for d in step.deltas] == [np.asarray(d).shape for d in truth.deltas]
    assert network.layer_sizes == step.network_after.layer_sizes and network.loss == step.network_after.loss

    deltas, grads = _by_hand(rule, network, inputs, targets, truth)
    for a, b in zip(step.deltas, deltas, strict=True):
        _close(a, b)
    _close(step.gradients, grads)
    expected_updates = {pl.UPDATE_SIGN: ETA * grads, pl.ETA_TWICE: -ETA * ETA * grads}.get(rule, -ETA * grads)
    _close(step.updates, expected_updates)

    # Where the rule does not reach, the planted step is the truth.
    if rule in (pl.UPDATE_SIGN, pl.ETA_TWICE, pl.THRESHOLD_SIGN):
        for a, b in zip(step.deltas, truth.deltas, strict=True):
            _close(a, b)
    if rule in (pl.UPDATE_SIGN, pl.ETA_TWICE):
        _close(step.gradients, truth.gradients)
    if rule == pl.UPDATE_SIGN:
        _close(step.updates, -np.asarray(truth.updates))
    if rule == pl.ETA_TWICE:
        _close(step.updates, ETA * np.asarray(truth.updates))
    if rule == pl.THRESHOLD_SIGN:
        for a, b in zip(step.weight_gradients, truth.weight_gradients, strict=True):
            _close(a, b)
        for a, b in zip(step.threshold_gradients, truth.threshold_gradients, strict=True):
            _close(a, -np.asarray(b))
    if rule in (pl.UPDATED_WEIGHTS, pl.WRONG_INDEX) or (rule == pl.NO_SLOPE and network.loss == "cross_entropy"):
        top = _layer_slices(network, network.n_layers - 1)  # the output layer's delta and parameters are true
        _close(step.deltas[-1], truth.deltas[-1])
        _close(step.gradients[top], np.asarray(truth.gradients)[top])
        _close(step.updates[top], np.asarray(truth.updates)[top])
    if pl.affects_gradient(rule):  # ... and what it does reach is really different
        assert not np.allclose(step.gradients, truth.gradients, rtol=1e-6, atol=0)


GRADCHECK_CASES = [c for c in CASES if c.values[2] == 4 or c.values[0] == (2, 2, 1)]


@pytest.mark.parametrize(("sizes", "kind", "batch"), GRADCHECK_CASES)
def test_the_gradient_check_exposes_every_wrong_gradient_and_passes_the_update_only_rules(sizes, kind, batch):
    network, inputs, targets = _problem(sizes, kind, batch)
    estimates = gradcheck.finite_difference_gradients(network, inputs, targets)
    truth = backprop.compute_step(network, inputs, targets, ETA)
    assert gradcheck.relative_errors(np.asarray(truth.gradients), estimates).max() < 1e-6
    for rule in pl.RULES:
        step = pl.planted_step(rule, network, inputs, targets, ETA)
        worst = gradcheck.relative_errors(step.gradients, estimates).max()
        if pl.affects_gradient(rule):
            assert worst > 1e-3, rule
        else:  # the gradients pass; the update column beside them is not −η ∂E/∂p
            assert worst < 1e-6, rule
            assert not np.allclose(step.updates, -ETA * step.gradients, rtol=1e-6, atol=0), rule


def _train_xor(step_fn, iterations=2000):
    data = load_builtin("xor")
    inputs, targets = np.asarray(data.inputs, dtype=np.float64), np.asarray(data.targets, dtype=np.float64)
    network = Network.initialise((2, 2, 1), seed=0)
    start = backprop.loss_value(network, inputs, targets)
    for t in range(iterations):
        row = t % inputs.shape[0]
        network = step_fn(network, inputs[row:row + 1], targets[row:row + 1], ETA).network_after
    return start, backprop.loss_value(network, inputs, targets)


def test_training_xor_with_the_update_sign_flipped_makes_the_error_grow():
    start, true_end = _train_xor(backprop.compute_step)
    start_again, planted_end = _train_xor(lambda *a: pl.planted_step(pl.UPDATE_SIGN, *a))
    assert start == start_again
    assert true_end < start  # the true rule descends (XOR's plateau at E ≈ 0.125 here) ...
    assert planted_end > 1.5 * start  # ... the flipped one climbs, plainly, on the error curve (≈ 0.129 → 0.25)
    assert planted_end - true_end > 0.1


def test_eta_twice_is_invisible_only_at_eta_one():
    assert pl.visible(pl.ETA_TWICE, 1.0) is False
    assert pl.visible(pl.ETA_TWICE, 0.5) is True
    assert all(pl.visible(rule, 1.0) for rule in pl.RULES if rule != pl.ETA_TWICE)
    network, inputs, targets = _problem((3, 4, 2), KINDS[0], 4)
    truth = backprop.compute_step(network, inputs, targets, 1.0)
    same = pl.planted_step(pl.ETA_TWICE, network, inputs, targets, 1.0)
    assert np.array_equal(same.updates, np.asarray(truth.updates))


@pytest.mark.parametrize("rule", pl.RULES)
def test_no_rule_is_a_no_op(rule):
    network, inputs, targets = _problem((3, 4, 2), KINDS[0], 4)
    truth = backprop.compute_step(network, inputs, targets, ETA)
    step = pl.planted_step(rule, network, inputs, targets, ETA)
    assert not np.allclose(step.updates, truth.updates, rtol=1e-6, atol=0)
    assert not np.allclose(step.network_after.flat, truth.network_after.flat, rtol=1e-9, atol=0)


def test_the_rules_and_which_change_the_gradient():
    assert pl.RULES == ("no_slope", "update_sign", "updated_weights", "threshold_sign", "eta_twice", "wrong_index")
    assert [r for r in pl.RULES if pl.affects_gradient(r)] == [
        "no_slope", "updated_weights", "threshold_sign", "wrong_index"]
    network, inputs, targets = _problem((2, 2, 1), KINDS[0], 1)
    for ask in (lambda: pl.planted_step("sign", network, inputs, targets, ETA),
                lambda: pl.affects_gradient("sign"), lambda: pl.visible("sign", ETA)):
        with pytest.raises(ValueError, match="sign"):
            ask()


def test_a_diverging_planted_step_reports_it():
    network = Network.initialise((2, 2, 1), activations="linear", seed=1)
    inputs, targets = np.array([[1e50, -1e50]]), np.array([[0.5]])
    for rule in pl.RULES:  # the updates overflow: a planted step is refused as a true one is
        assert pl.planted_step(rule, network, inputs, targets, 1e300).finite is False
        assert pl.planted_step(rule, network, inputs, targets, 1e-300).finite is True
    assert backprop.compute_step(network, inputs, targets, 1e300).finite is False
    nan_in = np.array([[np.nan, 0.0]])
    assert pl.planted_step(pl.ETA_TWICE, network, nan_in, targets, ETA).finite is False
