"""PerceptronSession without Qt: the lab's state, every number checked against a plain-Python perceptron."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from bpgui.model.perceptron import PerceptronRun
from bpgui.session.perceptron import CLIP_BOX, PerceptronSession

X2 = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
TABLES = {"and": (X2, [0, 0, 0, 1]), "or": (X2, [0, 1, 1, 1]), "not": ([(0.0,), (1.0,)], [1, 0]),
          "xor": (X2, [0, 1, 1, 0])}


def predict(w, theta, x) -> int:
    return 1 if sum(wi * xi for wi, xi in zip(w, x)) - theta >= 0 else 0


def batch_step(w, theta, name, eta=1.0):
    data, labels = TABLES[name]
    errors = [y - predict(w, theta, x) for x, y in zip(data, labels)]
    new_w = [wi + eta * sum(e * x[i] for e, x in zip(errors, data)) for i, wi in enumerate(w)]
    return new_w, theta + eta * sum(-e for e in errors)


def state(session):
    return session.weights.tolist(), session.threshold


def test_importing_the_session_imports_no_gui_library():
    code = (
        "import sys, bpgui.session.perceptron, bpgui.model.surface, bpgui.model.geometry\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["and", "or", "not"])
def test_the_batch_rule_converges_step_by_step_as_by_hand(name):
    session = PerceptronSession(name)
    d = len(TABLES[name][0][0])
    w, theta = [0.0] * d, 0.0
    assert state(session) == (w, theta) and session.iteration == 0
    while not session.converged:
        assert session.step()
        w, theta = batch_step(w, theta, name)
        assert state(session) == (w, theta)
        assert session.iteration < 100
    assert not session.cycled and session.finished
    assert not session.step() and session.iteration == len(session.run.steps)  # nothing more to do


def test_xor_cycles_back_to_iteration_0_and_step_back_forgets_the_cycle():
    session = PerceptronSession("XOR")
    assert session.problem == "xor"
    session.step()
    assert state(session) == ([-1.0, -1.0], 2.0) and not session.cycled
    session.step()
    assert state(session) == ([0.0, 0.0], 0.0)
    assert session.cycled and session.cycle_start == 0 and session.finished and not session.converged
    assert session.step_back() and not session.cycled
    session.step()
    assert session.cycle_start == 0


def test_step_back_is_exact_with_an_inexact_rate():
    session = PerceptronSession("or", learning_rate=0.1)
    history = [(session.weights.tobytes(), session.threshold)]
    while not session.converged:
        session.step()
        history.append((session.weights.tobytes(), session.threshold))
    assert len(history) > 3
    while history:
        assert (session.weights.tobytes(), session.threshold) == history.pop()
        session.step_back()
    assert not session.step_back() and session.iteration == 0


def test_settings_start_again_and_bad_ones_are_refused():
    session = PerceptronSession()
    session.step()
    session.set_learning_rate(0.5)
    assert session.iteration == 0 and session.learning_rate == 0.5
    session.step()
    assert state(session) == batch_step([0.0, 0.0], 0.0, "and", eta=0.5)
    session.set_rule("batch")  # unchanged: the run goes on
    assert session.iteration == 1
    session.set_rule("online")
    assert session.rule == "online" and session.iteration == 0
    session.step()
    session.set_problem("and")  # the same problem again: from zero
    assert session.iteration == 0
    session.set_problem("not")
    assert session.weights.tolist() == [0.0]
    for bad in (lambda: session.set_problem("nand"), lambda: session.set_rule("stochastic"),
                lambda: session.set_learning_rate(0), lambda: session.set_learning_rate(float("nan"))):
        with pytest.raises(ValueError):
            bad()
    assert session.problem == "not" and session.rule == "online" and session.learning_rate == 0.5


def test_the_picture_holds_what_the_lab_draws():
    session = PerceptronSession("and")
    picture = session.picture()
    assert picture.line is None and picture.mistakes == 3 and picture.predictions.tolist() == [1.0] * 4
    assert sorted(picture.shaded) == sorted([(-10.0, -10.0), (11.0, -10.0), (11.0, 11.0), (-10.0, 11.0)])
    session.step()  # W = (−1, −1), θ = 3: the line x_1 + x_2 = −3
    picture = session.picture()
    assert picture.iteration == 1 and picture.last_step is not None
    for x, y in picture.line:
        assert -x - y == pytest.approx(3.0)
        assert CLIP_BOX[0] <= x <= CLIP_BOX[1] and CLIP_BOX[2] <= y <= CLIP_BOX[3]
    assert picture.z.tolist() == [-3.0, -4.0, -4.0, -5.0]
    assert picture.correct.tolist() == [True, True, True, False]
    assert picture.last_step.z.tolist() == [0.0, 0.0, 0.0, 0.0]  # the weights before the step
    # NOT is drawn on one axis
    session.set_problem("not")
    assert session.picture().positions.tolist() == [[0.0, 0.0], [1.0, 0.0]] and session.picture().n_inputs == 1


def test_the_online_steps_record_z_as_the_rule_saw_it():
    run = PerceptronRun(np.array(X2), np.array([0, 1, 1, 0]), rule="online")
    step = run.step()
    # (0, 0) fires wrongly → W = 0, θ = 1; (0, 1): z = −1, wrong → W = (0, 1), θ = 0;
    # (1, 0): z = 0, fires, right; (1, 1): z = 1, wrong → W = (−1, 0), θ = 1.
    assert step.z.tolist() == [0.0, -1.0, 0.0, 1.0]
    assert run.weights.tolist() == [-1.0, 0.0] and run.threshold == 1.0
    assert [s.tolist() for s, _ in run.history] == [[0.0, 0.0], [-1.0, 0.0]]
