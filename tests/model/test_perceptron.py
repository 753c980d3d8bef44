"""Tests of bpgui.model.perceptron against the note's §1, every number derived here by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpgui.model.errors import BpguiError, ConfigError
from bpgui.model.perceptron import Perceptron, PerceptronResult, step_function

X2 = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
GATES = {
    "AND": (X2, [0, 0, 0, 1]),
    "OR": (X2, [0, 1, 1, 1]),
    "NOT": ([(0.0,), (1.0,)], [1, 0]),
}
XOR = (X2, [0, 1, 1, 0])


# ---- an independent, plain-Python perceptron ----------------------------------


def f(z: float) -> int:
    """The note's unit step with f(0) = 1."""
    return 1 if z >= 0 else 0


def predict(w, theta, x) -> int:
    """ŷ = f(Σ_i W_i x_i − θ): θ is the weight of the dummy input −1."""
    return f(sum(wi * xi for wi, xi in zip(w, x)) + theta * (-1.0))


def batch_update(w, theta, data, labels, eta):
    """ΔW = η Σ (y − ŷ) x and Δθ = η Σ (y − ŷ)(−1), all ŷ from the weights before."""
    errs = [y - predict(w, theta, x) for x, y in zip(data, labels)]
    dw = [eta * sum(e * x[i] for e, x in zip(errs, data)) for i in range(len(w))]
    dtheta = eta * sum(e * (-1.0) for e in errs)
    return dw, dtheta


def online_pass(w, theta, data, labels, eta):
    w = list(w)
    for x, y in zip(data, labels):
        e = y - predict(w, theta, x)
        w = [wi + eta * e * xi for wi, xi in zip(w, x)]
        theta = theta + eta * e * (-1.0)
    return w, theta


def classifies_all(w, theta, data, labels) -> bool:
    return all(predict(w, theta, x) == y for x, y in zip(data, labels))


def arrays(data, labels):
    return np.array(data, dtype=float), np.array(labels, dtype=float)


def state_after(result: PerceptronResult, iteration: int):
    """(W, θ) after ``iteration`` steps (0 = the initial state)."""
    if iteration == 0:
        first = result.steps[0]
        return first.weights, first.threshold
    step = result.steps[iteration - 1]
    return step.new_weights, step.new_threshold


# ---- the unit step ----------------------------------------------------------


def test_step_function_has_f0_equal_1():
    z = np.array([-1.0, -1e-300, -0.0, 0.0, 1e-300, 2.0])
    assert step_function(z).tolist() == [0.0, 0.0, 1.0, 1.0, 1.0, 1.0]


def test_notes_and_example_classifies_and():
    """w = (1, 1), θ = 2: only (1, 1) reaches z = 0, and f(0) = 1 makes it fire."""
    data, labels = GATES["AND"]
    assert classifies_all([1, 1], 2, data, labels)
    p = Perceptron(2, weights=[1.0, 1.0], threshold=2.0)
    assert p.predict(np.array(data)).tolist() == [0.0, 0.0, 0.0, 1.0]
    # (1, 1) sits exactly on z = 0: with f(0) = 0 these weights would miss it
    assert p.predict(np.array([1.0, 1.0])).tolist() == [1.0]
    result = p.train(*arrays(data, labels))
    assert result.converged and result.iterations == 0


# ---- convergence on the linearly separable gates ---------------------------------


@pytest.mark.parametrize("rule", ["batch", "online"])
@pytest.mark.parametrize("gate", sorted(GATES))
def test_gates_converge_from_zero(gate, rule):
    data, labels = GATES[gate]
    x, y = arrays(data, labels)
    p = Perceptron(x.shape[1], learning_rate=1.0, rule=rule)
    result = p.train(x, y, max_iterations=100)
    assert result.converged
    assert not result.cycled
    assert result.cycle_start is None
    assert 0 < result.iterations < 100
    w, theta = result.weights.tolist(), result.threshold
    assert classifies_all(w, theta, data, labels), (w, theta)
    assert p.predict(x).tolist() == [float(v) for v in labels]
    # every intermediate state was still wrong somewhere (else training would have stopped)
    for step in result.steps:
        assert not classifies_all(step.weights.tolist(), step.threshold, data, labels)
        if rule == "batch":  # in a batch step every ŷ comes from the weights before
            wrong = sum(predict(step.weights, step.threshold, xx) != yy for xx, yy in zip(data, labels))
            assert step.mistakes == wrong


@pytest.mark.parametrize("rule", ["batch", "online"])
@pytest.mark.parametrize("gate", sorted(GATES))
def test_every_recorded_step_follows_the_rule(gate, rule):
    data, labels = GATES[gate]
    eta = 0.5
    result = Perceptron(len(data[0]), learning_rate=eta, rule=rule).train(*arrays(data, labels))
    w, theta = [0.0] * len(data[0]), 0.0
    for t, step in enumerate(result.steps, start=1):
        assert step.iteration == t
        assert step.weights.tolist() == w and step.threshold == theta
        if rule == "batch":
            dw, dtheta = batch_update(w, theta, data, labels, eta)
            new_w, new_theta = [a + b for a, b in zip(w, dw)], theta + dtheta
        else:
            new_w, new_theta = online_pass(w, theta, data, labels, eta)
        assert step.new_weights.tolist() == new_w
        assert step.new_threshold == new_theta
        assert (step.weights + step.weight_update).tolist() == new_w
        assert step.threshold + step.threshold_update == new_theta
        w, theta = new_w, new_theta
    assert result.weights.tolist() == w and result.threshold == theta
    assert classifies_all(w, theta, data, labels)


def test_batch_and_trajectory_by_hand_ends_at_the_notes_example():
    """AND, batch rule, η = 1, from W = 0, θ = 0 (states written as (W1, W2, θ)):

    t1: all z = 0 → ŷ = (1,1,1,1), y − ŷ = (−1,−1,−1,0): ΔW = −(0,1) − (1,0) = (−1,−1),
        Δθ = Σ(y−ŷ)·(−1) = 3                                   → (−1, −1, 3)
    t2: z = (−3,−4,−4,−5) → ŷ = 0, error only at (1,1): ΔW = (1,1), Δθ = −1 → (0, 0, 2)
    t3: z = −2 everywhere → same correction                      → (1, 1, 1)
    t4: z = (−1,0,0,1) → ŷ = (0,1,1,1), errors −1 at (0,1),(1,0): → (0, 0, 3)
    t5: z = −3 everywhere → ΔW = (1,1), Δθ = −1                  → (1, 1, 2)  the note's AND example
    """
    expected = [(-1, -1, 3), (0, 0, 2), (1, 1, 1), (0, 0, 3), (1, 1, 2)]
    data, labels = GATES["AND"]
    result = Perceptron(2).train(*arrays(data, labels))
    got = [(*s.new_weights.tolist(), s.new_threshold) for s in result.steps]
    assert got == [tuple(float(v) for v in e) for e in expected]
    assert result.converged
    assert result.weights.tolist() == [1.0, 1.0] and result.threshold == 2.0


# ---- one batch step by hand ---------------------------------------------------


def test_one_batch_step_by_hand():
    """W = (−1, 0.5), θ = 0, η = 0.5, AND:

    (0,0): z = 0 − 0 = 0     → ŷ = 1 (f(0) = 1), y = 0, y − ŷ = −1
    (0,1): z = 0.5           → ŷ = 1,           y = 0, y − ŷ = −1
    (1,0): z = −1            → ŷ = 0,           y = 0, y − ŷ =  0
    (1,1): z = −0.5          → ŷ = 0,           y = 1, y − ŷ = +1
    ΔW = η[−(0,0) − (0,1) + (1,1)] = 0.5·(1, 0) = (0.5, 0)
    Δθ = η Σ(y−ŷ)·x_Dum = 0.5·(−1)·(−1) = 0.5
    """
    data, labels = GATES["AND"]
    x, y = arrays(data, labels)
    p = Perceptron(2, weights=[-1.0, 0.5], threshold=0.0, learning_rate=0.5, rule="batch")
    step = p.step(x, y, iteration=7)
    assert step.iteration == 7
    assert step.weights.tolist() == [-1.0, 0.5] and step.threshold == 0.0
    assert step.predictions.tolist() == [1.0, 1.0, 0.0, 0.0]
    assert step.errors.tolist() == [-1.0, -1.0, 0.0, 1.0]
    assert step.mistakes == 3
    assert step.weight_update.tolist() == [0.5, 0.0]
    assert step.threshold_update == 0.5
    assert step.new_weights.tolist() == [-0.5, 0.5] and step.new_threshold == 0.5
    assert p.weights.tolist() == [-0.5, 0.5] and p.threshold == 0.5
    # and the same from the formula, computed independently
    dw, dtheta = batch_update([-1.0, 0.5], 0.0, data, labels, 0.5)
    assert step.weight_update.tolist() == dw and step.threshold_update == dtheta


def test_batch_step_uses_only_the_weights_before():
    """In a batch step every ŷ comes from W(t): a point fixed by an earlier sample's
    correction still contributes its error (here (1,1) is wrong with W(t) but would
    be right after the (0,0) correction)."""
    data, labels = [(0.0, 0.0), (1.0, 1.0)], [0, 1]
    # W = (0.25, 0.25), θ = 0.75: z = (−0.75, −0.25) → ŷ = (0, 0); errors (0, 1)
    p = Perceptron(2, weights=[0.25, 0.25], threshold=0.75, learning_rate=0.25)
    step = p.step(*arrays(data, labels))
    assert step.predictions.tolist() == [0.0, 0.0]
    assert step.weight_update.tolist() == [0.25, 0.25]
    assert step.threshold_update == -0.25


def test_one_online_pass_by_hand():
    """W = (−1, 0.5), θ = 0, η = 0.5, AND, one sample at a time:

    (0,0): z = 0 → ŷ = 1, e = −1: W stays, θ = 0 + 0.5·(−1)·(−1) = 0.5
    (0,1): z = 0.5 − 0.5 = 0 → ŷ = 1, e = −1: W = (−1, 0), θ = 1
    (1,0): z = −1 − 1 = −2 → ŷ = 0, e = 0
    (1,1): z = −1 + 0 − 1 = −2 → ŷ = 0, e = +1: W = (−0.5, 0.5), θ = 0.5
    """
    data, labels = GATES["AND"]
    p = Perceptron(2, weights=[-1.0, 0.5], threshold=0.0, learning_rate=0.5, rule="online")
    step = p.step(*arrays(data, labels))
    assert step.predictions.tolist() == [1.0, 1.0, 0.0, 0.0]
    assert step.errors.tolist() == [-1.0, -1.0, 0.0, 1.0]
    assert step.new_weights.tolist() == [-0.5, 0.5] and step.new_threshold == 0.5
    assert step.weight_update.tolist() == [0.5, 0.0] and step.threshold_update == 0.5


def test_online_differs_from_batch_when_an_early_correction_matters():
    """OR from W = 0, θ = 0, η = 1.

    batch: ŷ = (1,1,1,1), only (0,0) wrong: ΔW = 0, Δθ = +1 → ((0,0), 1)
    online: (0,0) wrong → θ = 1; (0,1): z = −1 → ŷ = 0 but y = 1 → W = (0,1), θ = 0;
            (1,0): z = 0 → ŷ = 1 right; (1,1): z = 1 → right → ((0,1), 0)
    """
    x, y = arrays(*GATES["OR"])
    b = Perceptron(2, rule="batch").step(x, y)
    o = Perceptron(2, rule="online").step(x, y)
    assert (b.new_weights.tolist(), b.new_threshold) == ([0.0, 0.0], 1.0)
    assert (o.new_weights.tolist(), o.new_threshold) == ([0.0, 1.0], 0.0)
    assert online_pass([0.0, 0.0], 0.0, *GATES["OR"], 1.0) == ([0.0, 1.0], 0.0)


# ---- XOR ---------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["batch", "online"])
@pytest.mark.parametrize(
    "start",
    [([0.0, 0.0], 0.0, 1.0), ([0.5, -0.25], 0.125, 0.5), ([3.0, 1.0], -2.0, 0.25)],
    ids=["zero", "dyadic", "large"],
)
def test_xor_never_converges_and_reports_a_cycle(rule, start):
    w0, th0, eta = start
    data, labels = XOR
    x, y = arrays(data, labels)
    result = Perceptron(2, weights=w0, threshold=th0, learning_rate=eta, rule=rule).train(x, y, max_iterations=10_000)
    assert not result.converged
    assert result.cycled
    assert result.iterations < 10_000  # stopped by the cycle, not by the limit
    assert result.cycle_start is not None and 0 <= result.cycle_start < result.iterations
    w_then, th_then = state_after(result, result.cycle_start)
    assert w_then.tobytes() == result.weights.tobytes()
    assert th_then == result.threshold
    # no state along the way classified XOR (it cannot: XOR is not linearly separable)
    for step in result.steps:
        assert not classifies_all(step.weights.tolist(), step.threshold, data, labels)
    assert not classifies_all(result.weights.tolist(), result.threshold, data, labels)
    # the states between cycle_start and the end are all distinct (the first repeat is reported)
    states = [state_after(result, t) for t in range(result.iterations + 1)]
    keys = [(w.tobytes(), th) for w, th in states[:-1]]
    assert len(set(keys)) == len(keys)


def test_xor_batch_from_zero_by_hand():
    """t1: ŷ = (1,1,1,1), errors (−1,0,0,−1): ΔW = −(1,1), Δθ = 2 → ((−1,−1), 2)
    t2: z = (−2,−3,−3,−4) → ŷ = 0, errors (0,1,1,0): ΔW = (1,1), Δθ = −2 → ((0,0), 0), the start."""
    result = Perceptron(2).train(*arrays(*XOR))
    assert result.cycled and result.cycle_start == 0 and result.iterations == 2
    assert result.steps[0].new_weights.tolist() == [-1.0, -1.0] and result.steps[0].new_threshold == 2.0
    assert result.weights.tolist() == [0.0, 0.0] and result.threshold == 0.0


# ---- max_iterations ---------------------------------------------------------------


def test_max_iterations_stops_a_run_that_has_not_converged_yet():
    # the hand trajectory above needs 5 steps; after 4 the state is (0, 0, 3)
    result = Perceptron(2).train(*arrays(*GATES["AND"]), max_iterations=4)
    assert result.iterations == 4
    assert not result.converged
    assert not result.cycled and result.cycle_start is None
    assert result.weights.tolist() == [0.0, 0.0] and result.threshold == 3.0


def test_convergence_on_the_last_allowed_iteration_is_reported():
    result = Perceptron(2).train(*arrays(*GATES["AND"]), max_iterations=5)
    assert result.iterations == 5
    assert result.converged
    assert result.weights.tolist() == [1.0, 1.0] and result.threshold == 2.0


def test_zero_iterations_allowed():
    result = Perceptron(2).train(*arrays(*XOR), max_iterations=0)
    assert result.iterations == 0
    assert not result.converged and not result.cycled


@pytest.mark.parametrize("rule", ["batch", "online"])
def test_xor_with_an_irrational_rate_stops_by_cycle_or_by_limit(rule):
    """With η = 0.1·√2 rounding might keep a state from recurring bit for bit; either way
    the run must end within the limit, unconverged, and a reported cycle must be real."""
    limit = 300
    data, labels = XOR
    p = Perceptron(2, weights=[0.1, -0.2], threshold=0.05, learning_rate=0.1 * math.sqrt(2), rule=rule)
    result = p.train(*arrays(data, labels), max_iterations=limit)
    assert not result.converged
    assert result.iterations <= limit
    if result.cycled:
        assert result.cycle_start is not None and result.cycle_start < result.iterations
        w_then, th_then = state_after(result, result.cycle_start)
        assert w_then.tobytes() == result.weights.tobytes() and th_then == result.threshold
    else:
        assert result.iterations == limit
        assert result.cycle_start is None
        states = {(s.new_weights.tobytes(), s.new_threshold) for s in result.steps}
        assert len(states) == limit  # genuinely no repeat


# ---- validation -------------------------------------------------------------------


@pytest.mark.parametrize("eta", [0.0, -0.1, -1.0, math.nan, math.inf, -math.inf])
def test_bad_learning_rate_raises_config_error(eta):
    with pytest.raises(ConfigError) as info:
        Perceptron(2, learning_rate=eta)
    assert issubclass(ConfigError, BpguiError)
    assert "learning rate" in str(info.value) or "η" in str(info.value)


def test_tiny_positive_learning_rate_is_accepted():
    assert Perceptron(2, learning_rate=1e-300).learning_rate == 1e-300


def test_unknown_rule_raises_config_error():
    with pytest.raises(ConfigError):
        Perceptron(2, rule="stochastic")


def test_wrong_number_of_weights_raises_config_error():
    with pytest.raises(ConfigError):
        Perceptron(2, weights=[1.0, 2.0, 3.0])


def test_training_does_not_alias_the_callers_weights():
    initial = np.array([0.0, 0.0])
    p = Perceptron(2, weights=initial)
    p.train(*arrays(*GATES["AND"]))
    assert initial.tolist() == [0.0, 0.0]


def test_a_run_steps_back_exactly_and_notices_its_cycle():
    from bpgui.model.perceptron import PerceptronRun

    x, y = arrays(*XOR)
    run = PerceptronRun(x, y, learning_rate=0.1)
    start = (run.weights.tobytes(), run.threshold)
    assert run.step() is not None and run.iteration == 1
    after_one = (run.weights.tobytes(), run.threshold)
    run.step()
    assert run.cycled and run.cycle_start == 0 and not run.converged
    assert run.step_back() and not run.cycled
    assert (run.weights.tobytes(), run.threshold) == after_one
    run.reset()
    assert run.iteration == 0 and (run.weights.tobytes(), run.threshold) == start and not run.step_back()
    assert not run.inputs.flags.writeable
    with pytest.raises(ConfigError):
        PerceptronRun(x, y[:3])
