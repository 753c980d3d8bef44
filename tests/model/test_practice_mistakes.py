"""Known mistakes: each wrong rule gives exactly the number that mistake gives (computed here independently,
in NumPy, the way a learner making it would), and a wrong answer computed that way is recognised."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpgui.model.activations import ACTIVATIONS
from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.practice import mistakes as mk
from bpgui.model.practice.grading import grade, rounded_text
from bpgui.model.practice.worksheet import worksheet
from bpgui.model.training import Trainer, TrainingConfig


def _trainer(act: str, sizes=(2, 2, 1), steps=3, data="xor", mode="standard"):
    acts = (act,) * (len(sizes) - 1)
    trainer = Trainer(Network.initialise(sizes, activations=acts, seed=3), load_builtin(data),
                      config=TrainingConfig(learning_rate=0.7, mode=mode))
    rec = None
    for _ in range(steps):
        rec = trainer.step()
    return trainer, rec


def _by_hand(rec, act: str) -> dict[tuple[str, str], float]:
    """(cell key, mistake) → the number the mistake gives, for a 2-layer network, sample 1, standard BP."""
    f = ACTIVATIONS[act].function
    slope = lambda out: ACTIVATIONS[act].slope_from_output(out)  # noqa: E731
    (v, _, _, _, gamma, *_), (w, _, _, nw, theta, *_) = rec.parameters
    x, y, eta = rec.inputs[0], rec.targets[0], rec.learning_rate
    alpha = x @ v
    b = f(alpha - gamma)
    beta = b @ w
    yh = f(beta - theta)
    g = slope(yh) * (y - yh)
    e = slope(b) * (w @ g)
    sizes = rec.layer_sizes
    out: dict[tuple[str, str], float] = {}
    for h in range(sizes[1]):
        out[(f"out:1:{h + 1}", mk.ADDED)] = f(alpha + gamma)[h]
        out[(f"delta:1:{h + 1}", mk.NO_SLOPE)] = (w @ g)[h]
        out[(f"delta:1:{h + 1}", mk.UPDATED_W)] = (slope(b) * (nw @ g))[h]
    for j in range(sizes[2]):
        out[(f"out:2:{j + 1}", mk.ADDED)] = f(beta + theta)[j]
        out[(f"delta:2:{j + 1}", mk.NO_SLOPE)] = (y - yh)[j]
        out[(f"delta:2:{j + 1}", mk.HALF_KEPT)] = 0.5 * g[j]
    grads: dict[int, dict[str, float]] = {}
    index = 0
    for src_out, delta, own_out, n_in, n_out in [(x, e, b, sizes[0], sizes[1]), (b, g, yh, sizes[1], sizes[2])]:
        for i in range(n_in):
            for u in range(n_out):
                grads[index] = {mk.GRADIENT_SIGN: delta[u] * src_out[i], mk.SWAPPED: -delta[u] * own_out[u]}
                index += 1
        for u in range(n_out):
            grads[index] = {mk.ADDED: -delta[u]}  # the flipped sign is what adding the threshold gives
            index += 1
    for index, wrong in grads.items():
        right = float(rec.flat_gradients[index])
        for name, value in wrong.items():
            out[(f"grad:{index}", name)] = value
            if name != mk.GRADIENT_SIGN:
                out[(f"update:{index}", name)] = -eta * value
        out[(f"update:{index}", mk.SIGN)] = eta * right
        out[(f"update:{index}", mk.NO_ETA)] = -right
    return out


@pytest.mark.parametrize(("act", "sizes"), [("sigmoid", (2, 2, 1)), ("tanh", (2, 3, 1)), ("sigmoid", (2, 3, 1))])
def test_each_wrong_rule_gives_the_number_of_that_mistake_and_no_other(act, sizes):
    trainer, rec = _trainer(act, sizes)
    sheet = worksheet(rec, trainer.network.activations, trainer.network.loss)
    expected = _by_hand(rec, act)
    seen: dict[tuple[str, str], float] = {}
    for cell in sheet.cells:
        found = mk.mistakes(cell, rec, trainer.network.activations, trainer.network.loss)
        assert len({m.value for m in found}) == len(found)  # one name per wrong number
        for m in found:
            key = (cell.key, m.name)
            assert key in expected, key
            assert math.isclose(m.value, expected[key], rel_tol=1e-12, abs_tol=1e-15), key
            assert m.value != cell.value and m.formula.text()
            seen[key] = m.value
    # every mistake the sheet can show is offered, except where it gives the right value anyway or the
    # number another name already gives (Δθ_j with the threshold added is Δθ_j with the sign flipped)
    for (key, name), value in expected.items():
        if (key, name) not in seen:
            others = [v for (k, _), v in seen.items() if k == key]
            assert value == sheet.cell(key).value or any(math.isclose(value, v, rel_tol=1e-12) for v in others), \
                (key, name)
    assert {name for _, name in seen} == {mk.SIGN, mk.GRADIENT_SIGN, mk.NO_SLOPE, mk.UPDATED_W, mk.NO_ETA,
                                          mk.SWAPPED, mk.ADDED, mk.HALF_KEPT}


@pytest.mark.parametrize("digits", [2, 3, 4, 6, 9])
def test_a_wrong_answer_computed_a_known_wrong_way_is_named_and_a_right_one_never(digits):
    trainer, rec = _trainer("sigmoid", (2, 2, 1), steps=5)
    acts, loss = trainer.network.activations, trainer.network.loss
    named = 0
    for cell in worksheet(rec, acts, loss).cells:
        known = mk.mistakes(cell, rec, acts, loss)
        right = rounded_text(cell.value, digits)
        assert grade(right, cell.value).right and mk.diagnose(right, cell, known) == ()
        for m in known:
            text = rounded_text(m.value, digits)
            if grade(text, cell.value).right:
                continue  # at this precision the mistake reads as the right value: nothing to name
            assert m in mk.diagnose(text, cell, known), (cell.key, m.name, text)
            named += 1
    assert named > 40


def test_a_batch_update_names_a_flipped_sign_and_a_forgotten_eta():
    trainer, rec = _trainer("sigmoid", mode="accumulated", steps=2)
    acts, loss = trainer.network.activations, trainer.network.loss
    sheet = worksheet(rec, acts, loss)
    for cell in sheet.cells:
        if cell.quantity != "update":
            continue
        found = {m.name: m.value for m in mk.mistakes(cell, rec, acts, loss)}
        gradient = float(rec.flat_gradients[cell.parameter])
        if gradient:
            assert found == pytest.approx({mk.SIGN: rec.learning_rate * gradient, mk.NO_ETA: -gradient})


def test_a_number_that_matches_no_rule_is_wrong_and_named_nothing():
    trainer, rec = _trainer("sigmoid")
    acts, loss = trainer.network.activations, trainer.network.loss
    cell = worksheet(rec, acts, loss).cell("delta:2:1")
    known = mk.mistakes(cell, rec, acts, loss)
    far = rounded_text(cell.value * 3 + 0.37, 4)
    assert not grade(far, cell.value).right and mk.diagnose(far, cell, known) == ()
    assert mk.diagnose("not a number", cell, known) == ()
    assert np.isfinite(cell.value)
