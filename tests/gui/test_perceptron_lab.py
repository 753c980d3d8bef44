"""PerceptronLab: the note's perceptron (§1) learns AND, OR, NOT and cycles on XOR (§2), drawn as it goes.

Every expected number is computed here with a plain-Python perceptron
(``f(z) = 1`` for ``z ≥ 0``, θ the weight of the dummy input −1), not read
back from the model.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from bpgui.controller import perceptron as controller_module
from bpgui.views import perceptron_lab
from bpgui.views.perceptron_lab import PerceptronLab

# The offscreen platform (tests/conftest.py) warns when a window is shown; nothing else may warn.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

X2 = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
TABLES = {
    "and": (X2, [0, 0, 0, 1]),
    "or": (X2, [0, 1, 1, 1]),
    "not": ([(0.0,), (1.0,)], [1, 0]),
    "xor": (X2, [0, 1, 1, 0]),
}


# ---- an independent, plain-Python perceptron ------------------------------------------


def f(z: float) -> int:
    return 1 if z >= 0 else 0


def z_of(w, theta, x) -> float:
    return sum(wi * xi for wi, xi in zip(w, x)) - theta


def predict(w, theta, x) -> int:
    return f(z_of(w, theta, x))


def classifies_all(w, theta, name) -> bool:
    data, labels = TABLES[name]
    return all(predict(w, theta, x) == y for x, y in zip(data, labels))


def batch_step(w, theta, name, eta=1.0):
    """W += η Σ (y − ŷ) x, θ += η Σ (y − ŷ)(−1), every ŷ from the weights before."""
    data, labels = TABLES[name]
    errors = [y - predict(w, theta, x) for x, y in zip(data, labels)]
    new_w = [wi + eta * sum(e * x[i] for e, x in zip(errors, data)) for i, wi in enumerate(w)]
    new_theta = theta + eta * sum(e * (-1.0) for e in errors)
    return new_w, new_theta


def state(lab: PerceptronLab):
    return lab.weights.tolist(), lab.threshold


def inside_or_on(polygon, point, eps=1e-9) -> bool:
    """Whether a point lies in a convex polygon or on its edge (cross products, either orientation)."""
    n = len(polygon)
    if n < 3:
        return False
    area = sum(polygon[i][0] * polygon[(i + 1) % n][1] - polygon[(i + 1) % n][0] * polygon[i][1] for i in range(n))
    sign = 1.0 if area > 0 else -1.0
    for i in range(n):
        (ax, ay), (bx, by) = polygon[i], polygon[(i + 1) % n]
        cross = (bx - ax) * (point[1] - ay) - (by - ay) * (point[0] - ax)
        if sign * cross < -eps:
            return False
    return True


# ---- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def lab(qtbot):
    widget = PerceptronLab()
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    return widget


def run_to_end(lab: PerceptronLab, limit: int = 100) -> None:
    for _ in range(limit):
        if lab.converged or lab.cycled:
            return
        lab.step()


# ---- learning --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["and", "or", "not"])
def test_separable_gates_converge_from_zero_with_the_batch_rule(lab, name):
    lab.set_problem(name)
    d = len(TABLES[name][0][0])
    assert lab.iteration == 0 and lab.weights.tolist() == [0.0] * d and lab.threshold == 0.0
    assert lab.rule == "batch" and lab.learning_rate == 1.0

    w, theta = [0.0] * d, 0.0
    for t in range(1, 101):
        assert not classifies_all(w, theta, name)
        lab.step()
        w, theta = batch_step(w, theta, name)
        assert lab.iteration == t
        assert state(lab) == (w, theta)  # exactly the note's rule, step by step
        if classifies_all(w, theta, name):
            break
    assert lab.converged and not lab.cycled
    assert classifies_all(*state(lab), name)
    assert lab.predictions().tolist() == [float(y) for y in TABLES[name][1]]
    assert lab.status_text() == f"converged after {lab.iteration} iterations: every point is classified correctly"
    assert "converged after" in lab.text_label.text()
    # nothing more to do: Step is a no-op, Step and Run are disabled
    before = state(lab)
    lab.step()
    assert state(lab) == before and lab.iteration == t
    assert not lab.step_button.isEnabled() and not lab.run_button.isEnabled()


def test_batch_rule_on_and_from_zero_reaches_the_notes_example(lab):
    """From W = 0, θ = 0 with η = 1 the batch rule ends at the note's AND example W = (1, 1), θ = 2.

    By hand (states (W_1, W_2, θ)): all z = 0 first, so every ŷ = 1 and
    (−1, −1, 3); then (0, 0, 2), (1, 1, 1), (0, 0, 3), (1, 1, 2), where (1, 1)
    sits on z = 0 and f(0) = 1 makes it fire.
    """
    lab.set_problem("and")
    run_to_end(lab)
    assert lab.converged and lab.iteration == 5
    assert state(lab) == ([1.0, 1.0], 2.0)
    assert z_of([1.0, 1.0], 2.0, (1.0, 1.0)) == 0.0  # on the line: only f(0) = 1 classifies it
    path = []
    for _ in range(5):
        path.append((*lab.weights.tolist(), lab.threshold))
        lab.step_back()
    assert path[::-1] == [(-1.0, -1.0, 3.0), (0.0, 0.0, 2.0), (1.0, 1.0, 1.0), (0.0, 0.0, 3.0), (1.0, 1.0, 2.0)]


def test_xor_cycles_and_never_converges_within_100_iterations(lab):
    lab.set_problem("xor")
    seen = {(0.0, 0.0, 0.0): 0}
    first_repeat = None
    w, theta = [0.0, 0.0], 0.0
    for t in range(1, 101):
        lab.step()
        w, theta = batch_step(w, theta, "xor")
        assert state(lab) == (w, theta)
        assert not lab.converged
        assert not classifies_all(w, theta, "xor")
        key = (*w, theta)
        if key in seen and first_repeat is None:
            first_repeat = (seen[key], t)
        seen.setdefault(key, t)
        assert lab.cycled == (first_repeat is not None)
    # by hand: W = 0 fires everywhere → (−1, −1, 2), which fires nowhere → back to (0, 0, 0)
    assert first_repeat == (0, 2)
    assert lab.cycled and lab.cycle_start == 0
    text = lab.status_text()
    assert text == (
        "the weights have returned to those of iteration 0: the rule cycles for ever — XOR is not linearly separable"
    )
    assert "not linearly separable" in lab.text_label.text()
    assert not lab.run_button.isEnabled() and lab.step_button.isEnabled()


def test_online_rule_is_applied_after_each_sample(lab):
    lab.set_rule("online")
    lab.set_problem("or")
    w, theta = [0.0, 0.0], 0.0
    data, labels = TABLES["or"]
    while not classifies_all(w, theta, "or"):
        for x, y in zip(data, labels):
            e = y - predict(w, theta, x)
            w = [wi + e * xi for wi, xi in zip(w, x)]
            theta = theta + e * (-1.0)
        lab.step()
        assert state(lab) == (w, theta)
        assert lab.iteration < 100
    assert lab.converged and "online rule" in lab.text_label.text()


def test_changing_rule_eta_or_problem_starts_again_from_zero(lab):
    lab.step()
    lab.step()
    lab.set_learning_rate(0.5)
    assert lab.iteration == 0 and state(lab) == ([0.0, 0.0], 0.0) and lab.learning_rate == 0.5
    lab.step()
    assert state(lab) == batch_step([0.0, 0.0], 0.0, "and", eta=0.5)
    lab.rule_combo.setCurrentIndex(1)
    assert lab.rule == "online" and lab.iteration == 0
    lab.step()
    lab.problem_combo.setCurrentIndex(2)
    assert lab.problem == "not" and lab.iteration == 0 and lab.weights.tolist() == [0.0]
    lab.step()
    lab.set_problem("NOT")  # the same problem again: a reset
    assert lab.iteration == 0
    with pytest.raises(ValueError):
        lab.set_problem("nand")
    with pytest.raises(ValueError):
        lab.set_rule("stochastic")
    with pytest.raises(ValueError):
        lab.set_learning_rate(0)


# ---- step back ----------------------------------------------------------------------------------------


def test_step_back_restores_weights_and_threshold_exactly(lab):
    lab.set_learning_rate(0.1)  # inexact binary fractions: only a stored state comes back bit for bit
    lab.set_problem("or")
    states = [(lab.weights.copy(), lab.threshold)]
    texts = [lab.text_label.text()]
    while not lab.converged:
        lab.step()
        states.append((lab.weights.copy(), lab.threshold))
        texts.append(lab.text_label.text())
    assert lab.iteration == len(states) - 1 > 2
    while states:
        w, theta = states.pop()
        assert lab.iteration == len(states)
        assert lab.weights.tobytes() == w.tobytes() and lab.threshold == theta
        assert lab.text_label.text() == texts.pop()
        lab.step_back()
    assert lab.iteration == 0 and not lab.step_back_button.isEnabled()
    lab.step_back()  # nothing left to undo
    assert lab.iteration == 0


def test_step_back_out_of_a_cycle_forgets_it(lab):
    lab.set_problem("xor")
    lab.step()
    lab.step()
    assert lab.cycled
    lab.step_back()
    assert not lab.cycled and lab.status_text() == "not converged yet: 2 points are classified wrongly"
    lab.step()
    assert lab.cycled and lab.cycle_start == 0


# ---- the plot ----------------------------------------------------------------------------------------------


def visited_states(lab: PerceptronLab, name: str, rule: str = "batch"):
    """Set up a problem and yield after every state until it converges or cycles (and a few more for XOR)."""
    lab.set_rule(rule)
    lab.set_problem(name)
    yield
    for _ in range(6):
        if lab.converged:
            return
        lab.step()
        yield


@pytest.mark.parametrize("name,rule", [("and", "batch"), ("or", "batch"), ("not", "batch"), ("xor", "batch"),
                                       ("xor", "online"), ("and", "online")])
def test_drawn_line_satisfies_w_dot_x_equals_theta(lab, name, rule):
    for _ in visited_states(lab, name, rule):
        w, theta = state(lab)
        w2 = (w[0], w[1] if len(w) == 2 else 0.0)
        points = lab.line_points()
        if w2 == (0.0, 0.0):
            assert points is None
            assert lab.line_item.getData()[0] is None or len(lab.line_item.getData()[0]) == 0
            assert "no boundary yet: W = 0" in lab._no_boundary_text.toPlainText()
            assert lab._no_boundary_text.isVisible()
            continue
        assert not lab._no_boundary_text.isVisible()
        assert points is not None
        (ax, ay), (bx, by) = points
        assert math.hypot(bx - ax, by - ay) > 2.0  # a real segment across the view, not a dot
        for x1, x2 in points:
            assert w2[0] * x1 + w2[1] * x2 == pytest.approx(theta, abs=1e-9)
        if w2[1] == 0.0:  # vertical: x_1 = θ / W_1
            assert ax == pytest.approx(theta / w2[0]) and bx == pytest.approx(theta / w2[0])
        # the segment spans the whole visible view
        (vx0, vx1), (vy0, vy1) = lab._plot_item.getViewBox().viewRange()
        xs, ys = sorted((ax, bx)), sorted((ay, by))
        crosses = xs[0] <= vx1 and xs[1] >= vx0 and ys[0] <= vy1 and ys[1] >= vy0
        if crosses:
            assert xs[0] <= vx0 + 1e-9 or ys[0] <= vy0 + 1e-9
            assert xs[1] >= vx1 - 1e-9 or ys[1] >= vy1 - 1e-9


def test_xor_online_reaches_a_vertical_boundary(lab):
    """Online XOR from zero: (0, 0) fires wrongly → W = 0, θ = 1; (0, 1) → W = (0, 1), θ = 0; (1, 1) → (−1, 0, 1)."""
    lab.set_rule("online")
    lab.set_problem("xor")
    lab.step()
    assert state(lab) == ([-1.0, 0.0], 1.0)
    (ax, ay), (bx, by) = lab.line_points()
    assert ax == bx == -1.0 and ay != by


@pytest.mark.parametrize("name,rule", [("and", "batch"), ("or", "batch"), ("not", "batch"), ("xor", "batch"),
                                       ("xor", "online"), ("or", "online")])
def test_shaded_side_holds_exactly_the_points_predicted_1(lab, name, rule):
    data, _ = TABLES[name]
    for _ in visited_states(lab, name, rule):
        w, theta = state(lab)
        polygon = lab.shaded_polygon()
        positions = lab.point_positions()
        for x, position in zip(data, positions):
            assert tuple(position) == (x[0], x[1] if len(x) == 2 else 0.0)
            predicted = predict(w, theta, x)
            assert inside_or_on(polygon, position) == (predicted == 1), (w, theta, x, polygon)


def test_points_are_filled_for_label_1_and_coloured_by_correctness(lab):
    lab.set_problem("and")
    shade_item, line_item, scatter_item = lab.shade_item, lab.line_item, lab.scatter_item
    for _ in range(6):
        w, theta = state(lab)
        data, labels = TABLES["and"]
        spots = lab.scatter_item.points()
        assert len(spots) == 4
        for spot, x, y in zip(spots, data, labels):
            colour = perceptron_lab._CORRECT if predict(w, theta, x) == y else perceptron_lab._WRONG
            assert spot.pen().color().name() == colour
            fill = spot.brush().color().name()
            assert fill == (colour if y == 1 else "#ffffff")
        lab.step()
    assert lab.converged
    # updated in place: the same items all along
    assert (lab.shade_item, lab.line_item, lab.scatter_item) == (shade_item, line_item, scatter_item)


def test_not_is_drawn_on_one_axis(lab):
    lab.set_problem("not")
    assert lab.point_positions().tolist() == [[0.0, 0.0], [1.0, 0.0]]
    assert not lab._plot_item.getAxis("left").isVisible()
    lab.step()  # W_1 = −1, θ = 1: the boundary x_1 = θ / W_1 = −1
    assert state(lab) == ([-1.0], 1.0)
    (ax, _), (bx, _) = lab.line_points()
    assert ax == bx == -1.0
    lab.set_problem("and")
    assert lab._plot_item.getAxis("left").isVisible()


# ---- the text panel -----------------------------------------------------------------------------------


def test_text_panel_shows_the_numbers_of_the_last_step(lab):
    lab.set_problem("and")
    text = lab.text_label.text()
    assert "Iteration t = 0" in text and "No step yet" in text
    assert "not converged yet: 3 points are classified wrongly" in text
    lab.step()  # all ŷ = 1: errors (0 − 1) at three points; ΔW = (−1, −1), Δθ = (−3)·(−1) = 3
    text = lab.text_label.text()
    assert "Iteration t = 1" in text
    assert "W = (W<sub>1</sub>, W<sub>2</sub>) = (\u22121,\u00a0\u22121)" in text
    assert "θ = 3" in text
    # the terms with y − ŷ ≠ 0, in the order of the table
    assert (
        "ΔW = η Σ (y − ŷ) x = 1 · [(\u22121)·(0,\u00a00) + (\u22121)·(0,\u00a01) + (\u22121)·(1,\u00a00)]"
        " = (\u22121,\u00a0\u22121)"
    ) in text
    assert "Δθ = η Σ (y − ŷ)·(−1) = 1 · (\u22123)·(−1) = 3" in text


# ---- buttons, Run and the signal ---------------------------------------------------------------------


def test_buttons_step_back_and_reset(lab, qtbot):
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert lab.iteration == 2 and state(lab) == ([0.0, 0.0], 2.0)
    qtbot.mouseClick(lab.step_back_button, Qt.MouseButton.LeftButton)
    assert lab.iteration == 1 and state(lab) == ([-1.0, -1.0], 3.0)
    qtbot.mouseClick(lab.reset_button, Qt.MouseButton.LeftButton)
    assert lab.iteration == 0 and state(lab) == ([0.0, 0.0], 0.0)


def test_run_animates_to_convergence_and_stops(lab, qtbot):
    assert lab.controller.run_interval == 250  # about four steps a second by default
    lab.set_run_interval(5)
    qtbot.mouseClick(lab.run_button, Qt.MouseButton.LeftButton)
    assert lab.is_running and lab.run_button.text() == "Pause"
    qtbot.waitUntil(lambda: not lab.is_running, timeout=2000)
    assert lab.converged and state(lab) == ([1.0, 1.0], 2.0) and lab.iteration == 5
    assert lab.run_button.text() == "Run"


def test_run_stops_at_a_cycle(lab, qtbot):
    lab.set_problem("xor")
    lab.set_run_interval(5)
    lab.run()
    qtbot.waitUntil(lambda: not lab.is_running, timeout=2000)
    assert lab.cycled and lab.iteration == 2 and not lab.converged


def test_second_press_pauses(lab, qtbot):
    lab.set_run_interval(20)
    qtbot.mouseClick(lab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.iteration >= 1, timeout=2000)
    qtbot.mouseClick(lab.run_button, Qt.MouseButton.LeftButton)
    assert not lab.is_running
    t = lab.iteration
    qtbot.wait(60)
    assert lab.iteration == t < 5
    lab.run()
    lab.step()  # a manual step pauses the run
    assert not lab.is_running


def test_run_stops_after_the_step_limit(lab, qtbot, monkeypatch):
    monkeypatch.setattr(controller_module, "RUN_MAX_STEPS", 3)
    lab.set_run_interval(1)
    lab.run()
    qtbot.waitUntil(lambda: not lab.is_running, timeout=2000)
    assert lab.iteration == 3 and not lab.converged
    lab.run()  # another run of at most 3 steps: AND converges at t = 5
    qtbot.waitUntil(lambda: not lab.is_running, timeout=2000)
    assert lab.converged and lab.iteration == 5


def test_solve_button_emits_the_signal(lab, qtbot):
    lab.set_problem("xor")
    with qtbot.waitSignal(lab.solve_with_hidden_layer, timeout=1000):
        qtbot.mouseClick(lab.solve_button, Qt.MouseButton.LeftButton)
    assert lab.solve_button.text() == "Solve XOR with a hidden layer (2-2-1)"


@pytest.mark.parametrize("size", [(800, 500), (480, 360)])
def test_fits_small_windows_without_clipping_the_buttons(lab, qtbot, size):
    lab.resize(*size)
    lab.show()
    qtbot.waitExposed(lab)
    assert lab.width() == size[0] and lab.height() == size[1]
    for button in (lab.step_back_button, lab.step_button, lab.run_button, lab.reset_button, lab.solve_button):
        assert button.width() >= button.sizeHint().width()
        assert button.parentWidget() is lab and lab.rect().contains(button.geometry())
    # the text panel never needs a horizontal scroll bar
    assert lab.text_label.width() <= lab._text_scroll.viewport().width()


def test_typing_eta_and_choosing_a_problem_start_again(lab, qtbot):
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert lab.iteration == 1 and lab.step_back_button.isEnabled()
    lab.eta_spin.selectAll()
    qtbot.keyClicks(lab.eta_spin, "0.5")
    qtbot.keyClick(lab.eta_spin, Qt.Key.Key_Return)
    assert lab.learning_rate == 0.5 and lab.iteration == 0 and not lab.step_back_button.isEnabled()
    assert "η = 0.5" in lab.text_label.text()
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert state(lab) == batch_step([0.0, 0.0], 0.0, "and", eta=0.5)
    lab.problem_combo.setFocus()
    qtbot.keyClick(lab.problem_combo, Qt.Key.Key_Down)  # AND → OR
    assert lab.problem == "or" and lab.iteration == 0 and lab.learning_rate == 0.5


def test_a_shared_controller_drives_the_lab(qtbot):
    from bpgui.controller.perceptron import PerceptronController

    controller = PerceptronController()
    lab = PerceptronLab(controller=controller)
    qtbot.addWidget(lab)
    controller.set_problem("xor")
    assert lab.problem_combo.currentIndex() == 3 and lab.problem == "xor"
    with qtbot.waitSignal(controller.state_changed, timeout=1000):
        qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert controller.session.iteration == lab.iteration == 1


# ---- the app's Digits setting and text scale --------------------------------------------------


def test_the_text_panel_writes_its_numbers_at_the_digits_setting(lab):
    lab.set_problem("and")
    lab.set_learning_rate(0.123)
    lab.step()  # from W = 0 every ŷ = 1: ΔW = 0.123·(−1, −1), Δθ = 0.123·(−3)·(−1) = 0.369
    assert lab.digits() == 4
    text = lab.text_label.text()
    assert "θ(t+1) = 0.369" in text and "W(t+1) = (\u22120.123,\u00a0\u22120.123)" in text
    lab.set_digits(2)
    text = lab.text_label.text()
    assert "θ(t+1) = 0.37" in text and "W(t+1) = (\u22120.12,\u00a0\u22120.12)" in text
    assert "η = 0.123" in text  # η as it was set, whatever the digits
    lab.step()
    document = QTextDocument()
    document.setHtml(lab.text_label.text())
    assert "-" not in document.toPlainText()  # a true minus everywhere


def test_the_plot_text_follows_the_text_scale(lab):
    from bpgui.views.text_scale import apply_text_scale

    axis = lab.plot_widget.getPlotItem().getAxis("bottom")
    small = axis.style["tickFont"].pointSizeF()
    try:
        apply_text_scale(1.75)
        lab.set_text_scale(1.75)
        assert lab.text_scale() == 1.75
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(small * 1.75)
        assert "17.5pt" in axis.labelStyle["font-size"]
        assert lab.text_label.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())
    finally:
        apply_text_scale(1.0)
        lab.set_text_scale(1.0)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(small)
