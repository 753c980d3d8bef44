"""The seven shipped lessons (resources/lessons, issue 13): each reads, each step reaches what it claims.

A step's ``expect``, as checked here on a fresh session after ``apply_lesson_state(step.state)``:
``t`` = ``session.iteration``; ``phase`` = the phases stepped into the iteration shown
(``session.phase_view.index + 1``, 0 between whole iterations), the count a state's ``phase`` asks for;
``selected`` = the selected parameter's name as ``trace`` writes it; ``data`` = ``settings.data``; ``hidden``
= ``list(settings.hidden)``; ``perceptron`` = what the lab's run is after ``perceptron_steps`` steps from
W = 0, θ = 0 with its defaults (the note's batch rule, η = 1): "converged", "cycled" or "learning".

Every number a text quotes is computed here with bpgui's own session (or perceptron session) and looked
for in both languages as the window writes it (``format_number``, 4 significant digits).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from bpgui.model.experiments import compare_modes
from bpgui.model.naming import parameter_specs
from bpgui.model.numbers import format_number as N
from bpgui.model.practice.worksheet import ERROR
from bpgui.paths import resource_path
from bpgui.session.lessons import Lesson, LessonState, LessonStep, LessonWalk, read_lesson
from bpgui.session.perceptron import PerceptronSession
from bpgui.session.settings import EXAMPLES
from bpgui.session.training import TrainingSession

LESSON_DIR = Path(resource_path("lessons"))
NAMES = ("01-mp-neuron", "02-xor-never-settles", "03-hidden-layer", "04-dql-network", "05-one-iteration",
         "06-update-formulas", "07-standard-vs-accumulated")
LESSONS: dict[str, Lesson] = {name: read_lesson(str(LESSON_DIR / f"{name}.json")) for name in NAMES}
STEPS = [(name, i) for name in NAMES for i in range(len(LESSONS[name].steps))]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
MELONS = 17


# ---- helpers ----------------------------------------------------------------------------------------------------
def applied(step: LessonStep) -> TrainingSession:
    session = TrainingSession()
    assert session.apply_lesson_state(step.state)
    return session


def shown_phase(session: TrainingSession) -> int:
    view = session.phase_view
    return 0 if view is None else view.index + 1


def selected_name(session: TrainingSession) -> str | None:
    index = session.selected_parameter
    return parameter_specs(session.network.layer_sizes)[index].name if index >= 0 else None


def quoted(step: LessonStep, *quotes: str | tuple[str, str]) -> None:
    """Each quote (or its (English, Chinese) pair) is in the step's English and Chinese texts."""
    for quote in quotes:
        en, zh = quote if isinstance(quote, tuple) else (quote, quote)
        assert en in step.text["en"], en
        assert zh in step.text["zh_CN"], zh


def lab(problem: str, steps: int, rule: str = "batch", eta: float = 1.0) -> PerceptronSession:
    p = PerceptronSession(problem, rule=rule, learning_rate=eta)
    for _ in range(steps):
        assert p.step()
    return p


def settled(problem: str, rule: str = "batch", eta: float = 1.0) -> PerceptronSession:
    """Stepped until it converges or cycles."""
    p = PerceptronSession(problem, rule=rule, learning_rate=eta)
    while not p.finished:
        assert p.iteration < 100
        p.step()
    return p


def vector(weights: np.ndarray) -> str:
    return "(" + ", ".join(N(w) for w in weights) + ")"


def w_theta(p: PerceptronSession) -> tuple[str, str]:
    """"W = (1, 1), θ = 2" (one input: "W₁ = −1, θ = 0"), and the same with a Chinese comma."""
    w = f"W₁ = {N(p.weights[0])}" if p.weights.shape == (1,) else f"W = {vector(p.weights)}"
    return f"{w}, θ = {N(p.threshold)}", f"{w}，θ = {N(p.threshold)}"


def lab_state(p: PerceptronSession) -> str:
    return "converged" if p.converged else "cycled" if p.cycled else "learning"


def values(record, which: str) -> dict[str, float]:
    return {spec.name: float(v) for spec, v in zip(record.specs, getattr(record, f"flat_{which}"), strict=True)}


def epoch_errors(session: TrainingSession) -> np.ndarray:
    history = session.history()
    assert history.epoch_numbers is None  # one row per epoch (not thinned)
    return np.asarray(history.epoch_errors)


def right(session: TrainingSession, of: int) -> int:
    accuracy = session.status()["accuracy"]
    count = round(accuracy * of)
    assert accuracy * of == pytest.approx(count)
    return count


# ---- what each step's text claims ---------------------------------------------------------------------------------
def claims_mp_neuron(i: int, step: LessonStep, _session: TrainingSession) -> None:
    if i == 0:
        p = lab("and", 0)
        assert (vector(p.weights), p.threshold) == ("(0, 0)", 0.0)
        picture = p.picture()
        assert picture.mistakes == 3 and list(picture.correct) == list(picture.labels == 1)
        quoted(step, "W = (0, 0)", "θ = 0", "η = 1", "(1, 1)")
        p.step()
        quoted(step, (f"W becomes {vector(p.weights)}", f"W 变为 {vector(p.weights)}"),
               (f"θ becomes {N(p.threshold)}", f"θ 变为 {N(p.threshold)}"))
    elif i == 1:
        assert not lab("and", 4).converged
        p = lab("and", 5)
        assert p.converged and vector(p.weights) == "(1, 1)" and p.threshold == 2  # the note's answer
        quoted(step, f"W = {vector(p.weights)}", f"θ = {N(p.threshold)}", ("5 iterations", "5 次迭代"))
        half = settled("and", eta=0.5)
        assert half.converged and half.iteration == 5
        quoted(step, w_theta(half))
    elif i == 2:
        assert not lab("or", 4).converged
        p = lab("or", 5)
        assert p.converged
        quoted(step, w_theta(p), ("5 iterations", "5 次迭代"))
        online = settled("or", rule="online")
        assert online.converged and online.iteration == 3
        quoted(step, w_theta(online), ("3 iterations", "3 次迭代"))
    else:
        assert not lab("not", 1).converged
        p = lab("not", 2)
        assert p.converged and p.weights.shape == (1,)
        quoted(step, w_theta(p), ("2 iterations", "2 次迭代"))
        assert list(p.predictions()) == [1.0, 0.0]  # x₁ = 0 → ŷ = 1, x₁ = 1 → ŷ = 0


def claims_xor_perceptron(i: int, step: LessonStep, _session: TrainingSession) -> None:
    p = lab("xor", i)
    picture = p.picture()
    assert picture.mistakes == 2
    quoted(step, f"W = {vector(p.weights)}", f"θ = {N(p.threshold)}")
    if i == 0:
        assert not picture.correct[picture.labels == 0].any()  # the y = 0 points are the red ones
    elif i == 1:
        assert not picture.correct[picture.labels == 1].any() and not picture.predictions.any()
        p.step()
        quoted(step, f"ΔW = {vector(p.last_step.weight_update)}", f"Δθ = {N(p.last_step.threshold_update)}")
    else:
        assert p.cycled and p.cycle_start == 0 and not p.converged
        quoted(step, ("iteration 0", "第 0 次迭代"))
        for eta in (0.5, 2.0):
            other = settled("xor", eta=eta)
            assert other.cycled and (other.iteration, other.cycle_start) == (2, 0)
        online = settled("xor", rule="online")
        assert online.cycled and (online.iteration, online.cycle_start) == (3, 2)
        quoted(step, ("after 3 steps", "3 步之后"), ("iteration 2", "第 2 次迭代"))


def claims_hidden_layer(i: int, step: LessonStep, session: TrainingSession) -> None:
    start = float(epoch_errors(session)[0])
    if i == 0:
        specs = parameter_specs(session.network.layer_sizes)
        assert len(specs) == 9
        quoted(step, "Θ = {" + ", ".join(spec.symbol.unicode for spec in specs) + "}", f"E = {N(start)}")
        assert right(session, 4) == 2 and session.settings.seed == 0
    elif i == 1:
        errors = epoch_errors(session)
        assert session.status()["epoch"] == 500 and right(session, 4) == 2
        quoted(step, f"E = {N(errors[500])}", N(start), ("2,000 iterations", "2000 次迭代"),
               ("500 epochs", "500 轮"))
        assert np.ptp(errors[100:501]) < 1e-3  # a plateau: E hardly moves over 400 epochs
        later = TrainingSession()
        assert later.apply_lesson_state(LessonState(example="xor", steps=3000))
        assert later.status()["error"] < 0.1 < errors[500]
        quoted(step, ("t = 3,000", "t = 3000"), "0.1")
    else:
        errors = epoch_errors(session)
        target = session.settings.target_error
        assert target == 0.01 and session.status()["epoch"] == 1150
        assert errors[1150] <= target and (errors[:1150] > target).all()  # for the first time
        assert right(session, 4) == 4
        quoted(step, f"E = {N(errors[1150])}", ("epoch 1,150", "第 1150 轮"), "0.01")
        # The band where ŷ₁ is near 1 holds (0, 1), (1, 0) and the middle; the corners and beyond lie outside.
        inside = session.network.predict(np.array([[0, 1], [1, 0], [0.5, 0.5]], float))
        outside = session.network.predict(np.array([[0, 0], [1, 1], [-0.5, -0.5], [1.5, 1.5]], float))
        assert (inside > 0.5).all() and (outside < 0.5).all()


def first_iteration(session: TrainingSession) -> dict[str, object]:
    """Iteration 1 of the XOR example (the one shown at t = 0, or walked through in phases)."""
    r = session.display_record()
    assert r.iteration == 1 and r.learning_rate == 1.0
    hidden, out = r.layers
    return {"k": int(r.sample_indices[0]) + 1, "x": tuple(r.inputs[0]), "y": tuple(r.targets[0]),
            "a": hidden.net[0], "b": hidden.output[0], "e": hidden.delta[0], "beta": out.net[0][0],
            "yhat": out.output[0][0], "g": out.delta[0][0], "E": r.error, "V": values(r, "values"),
            "G": values(r, "gradients"), "U": values(r, "updates"), "NEW": values(r, "new_values")}


def claims_dql(i: int, step: LessonStep, session: TrainingSession) -> None:
    it = first_iteration(session)
    V, a, b = it["V"], it["a"], it["b"]
    assert it["x"] == (1.0, 0.0) and it["y"] == (1.0,)
    if i == 0:
        d, q, l_ = session.network.layer_sizes
        assert (d + l_ + 1) * q + l_ == len(V) == 9 and session.train_set.n_samples == 4
        quoted(step, (f"d = {d}, q = {q}, l = {l_}", f"d = {d}，q = {q}，l = {l_}"), "N = 4", "= 9")
    elif i == 1:
        quoted(step, f"v₁₁ = {N(V['v_11'])}", N(V["v_21"]), f"k = {it['k']}", "x = (1, 0)", "y = 1",
               f"α₁ = v₁₁·1 + v₂₁·0 = {N(a[0])}")
    elif i == 2:
        quoted(step, f"γ₁ = {N(V['γ_1'])}", f"b₁ = f({N(a[0])} − ({N(V['γ_1'])})) = {N(b[0])}")
    elif i == 3:
        assert V["w_11"] > 0 > V["w_21"]  # blue and vermillion links
        quoted(step, f"w₁₁ = {N(V['w_11'])}",
               f"{N(V['w_11'])}·{N(b[0])} + ({N(V['w_21'])})·{N(b[1])} = {N(it['beta'])}")
    else:
        quoted(step, f"θ₁ = {N(V['θ_1'])}", f"ŷ₁ = f({N(it['beta'])} − {N(V['θ_1'])}) = {N(it['yhat'])}",
               f"½ (1 − {N(it['yhat'])})² = {N(it['E'])}")


PHASE_KINDS = (("forward", 1), ("forward", 2), ("error", 2), ("output_gradient", 2), ("hidden_gradient", 1),
               ("update", 0))


def claims_one_iteration(i: int, step: LessonStep, session: TrainingSession) -> None:
    view = session.phase_view
    assert view is not None and (view.phase.kind, view.phase.layer) == PHASE_KINDS[i]
    it = first_iteration(session)
    V, G, a, b, e = it["V"], it["G"], it["a"], it["b"], it["e"]
    if i == 0:
        quoted(step, f"k = {it['k']}", "x = (1, 0)", f"α₁ = {N(a[0])}", f"α₂ = {N(a[1])}",
               f"b₁ = f(α₁ − γ₁) = {N(b[0])}", f"b₂ = {N(b[1])}")
    elif i == 1:
        quoted(step, f"β₁ = {N(it['beta'])}", f"ŷ₁ = f(β₁ − θ₁) = {N(it['yhat'])}")
        assert step.state.predict
        session.set_predicting(True)  # Practice → Predict, What to predict: Each value in turn (the default)
        session.request_phase()
        assert session.prompt is not None and session.prompt.cell.quantity == ERROR  # asked first: Eₖ
    elif i == 2:
        quoted(step, f"Eₖ = ½ (1 − {N(it['yhat'])})² = {N(it['E'])}")
        assert it["y"][0] - it["yhat"] > 0
    elif i == 3:
        assert G["θ_1"] == pytest.approx(it["g"], rel=1e-12)
        quoted(step, f"g₁ = ŷ₁(1 − ŷ₁)(y₁ − ŷ₁) = {N(it['g'])}", f"∂Eₖ/∂θ₁ = g₁ = {N(G['θ_1'])}",
               f"∂Eₖ/∂w₁₁ = −g₁b₁ = {N(G['w_11'])}", f"∂Eₖ/∂w₂₁ = −g₁b₂ = {N(G['w_21'])}")
    elif i == 4:
        assert G["v_21"] == G["v_22"] == 0.0
        quoted(step, f"e₁ = {N(e[0])}", f"e₂ = {N(e[1])}", f"∂Eₖ/∂v₁₁ = {N(G['v_11'])}",
               "∂Eₖ/∂v₂₁ = ∂Eₖ/∂v₂₂ = 0")
    else:
        new = values(session.display_record(), "new_values")
        assert np.array_equal(session.network.flat, session.display_record().flat_new_values)
        quoted(step, "η = 1", *(f"{N(V[n])} → {N(new[n])}" for n in ("w_11", "θ_1", "v_11", "γ_1")))
        session.step_phase()  # iteration 2: forward on another sample
        assert int(session.display_record().sample_indices[0]) + 1 != it["k"]


def claims_update_formulas(i: int, step: LessonStep, session: TrainingSession) -> None:
    if i == 4:  # after one Step: iteration 1's record, the network as it left it
        record = session.display_record()
        assert record.iteration == 1 and np.array_equal(session.network.flat, record.flat_new_values)
        it = {"V": values(record, "values"), "G": values(record, "gradients"), "U": values(record, "updates"),
              "NEW": values(record, "new_values")}
    else:
        it = first_iteration(session)
    V, G, U, NEW = it["V"], it["G"], it["U"], it["NEW"]
    if i == 0:
        assert session.settings.learning_rate == 1.0
        quoted(step, f"k = {it['k']}", f"g₁ = {N(it['g'])}", f"b₁ = {N(it['b'][0])}",
               f"∂Eₖ/∂w₁₁ = {N(G['w_11'])}", f"Δw₁₁ = {N(U['w_11'])}", "η = 1")
    elif i == 1:
        assert U["w_11"] > 0 > U["θ_1"] and it["yhat"] < 0.5
        quoted(step, f"∂Eₖ/∂θ₁ = g₁ = {N(G['θ_1'])}", f"Δθ₁ = {N(U['θ_1'])}", f"ŷ₁ = {N(it['yhat'])}")
    elif i == 2:
        assert it["x"] == (1.0, 0.0) and G["v_21"] == U["v_21"] == 0.0
        quoted(step, f"e₁ = {N(it['e'][0])}", f"∂Eₖ/∂v₁₁ = {N(G['v_11'])}", f"Δv₁₁ = {N(U['v_11'])}")
    elif i == 3:
        assert it["e"][1] < 0 < U["γ_2"]
        quoted(step, f"∂Eₖ/∂γ₁ = e₁ = {N(G['γ_1'])}", f"Δγ₁ = {N(U['γ_1'])}", f"e₂ = {N(it['e'][1])}")
    else:
        quoted(step, f"w₁₁ = {N(V['w_11'])} + {N(U['w_11'])} = {N(NEW['w_11'])}",
               f"θ₁ = {N(V['θ_1'])} − {N(G['θ_1'])} = {N(NEW['θ_1'])}")


def melon_runs() -> dict[str, object]:
    """Exercise 5.5 as Examples → Exercise 5.5 computes it: both modes from the example's start, 300 epochs."""
    session = TrainingSession()
    assert session.apply_lesson_state(LessonState(example="watermelon3.0"))
    epochs = EXAMPLES["watermelon3.0"].max_epochs
    assert epochs == 300
    runs = compare_modes(session.train_set, session.initial_network, epochs=epochs, seed=session.settings.seed,
                         runs=(("standard", session.settings.learning_rate),
                               ("accumulated", session.settings.learning_rate)))
    return {run.mode: run for run in runs}


def claims_melons(i: int, step: LessonStep, session: TrainingSession) -> None:
    s = session.settings
    assert (s.seed, s.learning_rate, session.dataset.n_inputs, session.train_set.n_samples) == (0, 1.0, 19, MELONS)
    assert session.network.layer_sizes == (19, 5, 1)
    features = session.dataset.feature_names  # six categorical attributes one-hot (17 inputs), two numbers
    assert sum("=" in f for f in features) == 17 and len({f.split("=")[0] for f in features if "=" in f}) == 6
    runs = melon_runs()
    standard, accumulated = runs["standard"], runs["accumulated"]
    E = session.status()["error"]
    if i == 0:
        assert s.mode == "standard" and session.status()["epoch"] == 100
        assert math.isclose(E, standard.epoch_errors[100], rel_tol=1e-9)
        quoted(step, "d = 19", "q = 5", "l = 1", "19-5-1", "η = 1", ("t = 1,700", "t = 1700"), f"= {N(E)}")
        assert right(session, MELONS) == 16
    elif i == 1:
        assert s.mode == "accumulated" and session.status()["epoch"] == 100
        assert math.isclose(E, accumulated.epoch_errors[100], rel_tol=1e-9)
        quoted(step, "t = 100", f"E = {N(E)}", f"E = {N(standard.epoch_errors[100])}")
        quoted(step, N(session.status()["error_k"]))  # what the status bar shows: pass 100's E, before its update
        assert right(session, MELONS) == 14
    else:
        assert s.mode == "accumulated" and session.status()["epoch"] == 300
        assert math.isclose(E, accumulated.epoch_errors[300], rel_tol=1e-9)
        quoted(step, N(session.status()["error_k"]))
        assert right(session, MELONS) == 16 and standard.final_accuracy == 1.0
        s_reach, a_reach = standard.epochs_to(0.05), accumulated.epochs_to(0.05)
        quoted(step, f"E = {N(E)}", "t = 300", f"E = {N(standard.epoch_errors[300])}",
               (f"epoch {s_reach} ({s_reach * standard.updates_per_epoch} updates)",
                f"第 {s_reach} 轮首次达到 E ≤ 0.05（{s_reach * standard.updates_per_epoch} 次更新）"),
               (f"epoch {a_reach} ({a_reach * accumulated.updates_per_epoch} updates)",
                f"第 {a_reach} 轮（{a_reach * accumulated.updates_per_epoch} 次更新）"))


CLAIMS: dict[str, Callable[[int, LessonStep, TrainingSession], None]] = {
    "01-mp-neuron": claims_mp_neuron, "02-xor-never-settles": claims_xor_perceptron,
    "03-hidden-layer": claims_hidden_layer, "04-dql-network": claims_dql,
    "05-one-iteration": claims_one_iteration, "06-update-formulas": claims_update_formulas,
    "07-standard-vs-accumulated": claims_melons,
}


# ---- the tests ----------------------------------------------------------------------------------------------------
def test_the_seven_lessons_are_shipped_and_read():
    assert sorted(p.stem for p in LESSON_DIR.glob("*.json")) == list(NAMES)
    for name, lesson in LESSONS.items():
        assert 2 <= len(lesson.steps) <= 6, name
        assert read_lesson(str(LESSON_DIR / f"{name}.json")) == lesson  # reading is repeatable


@pytest.mark.parametrize(("name", "index"), STEPS, ids=[f"{n[:2]}-{i + 1}" for n, i in STEPS])
def test_each_step_reaches_what_it_claims(name, index):
    step = LESSONS[name].steps[index]
    session = applied(step)
    expect = step.expect
    assert set(expect) >= {"t"}
    assert session.iteration == expect["t"]
    assert shown_phase(session) == expect.get("phase", step.state.phase)
    assert selected_name(session) == expect.get("selected", step.state.select)
    if "data" in expect:
        assert session.settings.data == expect["data"]
    if "hidden" in expect:
        assert list(session.settings.hidden) == expect["hidden"]
    if step.state.perceptron is not None:
        assert lab_state(lab(step.state.perceptron, step.state.perceptron_steps)) == expect["perceptron"]
    else:
        assert "perceptron" not in expect
    CLAIMS[name](index, step, session)


def texts_of(lesson: Lesson):
    yield lesson.title
    for step in lesson.steps:
        yield step.title
        yield step.text


@pytest.mark.parametrize("name", NAMES)
def test_both_languages_say_the_same_in_the_same_shape(name):
    for texts in texts_of(LESSONS[name]):
        en, zh = texts["en"], texts["zh_CN"]
        assert en.strip() and zh.strip()
        assert not CJK.search(en), en
        assert CJK.search(zh), zh
        for text in (en, zh):
            assert text == text.strip() and "\n\n\n" not in text and "\t" not in text
        # The same paragraphs and the same "- " bullets in both.
        assert [len(block.split("\n")) for block in en.split("\n\n")] == \
               [len(block.split("\n")) for block in zh.split("\n\n")]
        for text in (en, zh):
            for block in text.split("\n\n"):
                lines = block.split("\n")
                assert len(lines) == 1 or all(line.startswith("- ") for line in lines), block


# The note's Chinese terms (and the book's for exercise 5.5), where each lesson speaks of them.
TERMS = {"01-mp-neuron": ("M-P神经元", "阈值", "哑结点", "学习率", "线性可分"),
         "02-xor-never-settles": ("线性可分",),
         "03-hidden-layer": ("隐层", "多层前馈神经网络", "单隐层网络", "标准BP"),
         "04-dql-network": ("隐层", "阈值", "权重"),
         "05-one-iteration": ("链式求导法则", "隐层"),
         "06-update-formulas": ("学习率", "阈值", "哑结点"),
         "07-standard-vs-accumulated": ("标准BP", "累积BP", "学习率")}


@pytest.mark.parametrize("name", NAMES)
def test_the_chinese_texts_use_the_notes_terms(name):
    text = "".join(step.text["zh_CN"] for step in LESSONS[name].steps)
    for term in TERMS[name]:
        assert term in text, term


def plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic ("&Step", "单步(&S)" → "Step", "单步"), no trailing "…"."""
    text = re.sub(r"\s*[(（]&[^)）][)）]", "", text)
    text = re.sub(r"&(.)", r"\1", text)
    return text.removesuffix("…").strip()


# Names of the window's menus, actions and controls the texts use: (English, its translation).
UI_NAMES = (("View", "视图"), ("Practice", "练习"), ("Train", "训练"), ("Examples", "示例"),
            ("Step back", "后退一步"), ("Step epoch", "单轮"), ("Step phase", "单步阶段"), ("Phase back", "阶段后退"),
            ("Solve XOR with a hidden layer (2-2-1)", "用隐层解决 XOR（2-2-1）"), ("Rule:", "规则："),
            ("Problem:", "问题："), ("Thresholds as a −1 dummy input", "阈值显示为 −1 哑结点输入"),
            ("What each unit learned, inside it", "在每个神经元内显示它学到了什么"), ("What it learned", "学到了什么"),
            ("Predict before each phase", "每个阶段前先预测"), ("What to predict", "预测什么"),
            ("Each value in turn", "依次预测各个值"), ("Follow one output at a time", "每次跟踪一个输出"),
            ("Gradient check column", "梯度检验列"), ("Worksheet", "练习表"),
            ("Find the bug: plant one", "找错误：埋入一个"),
            ("Exercise 5.5: watermelon 3.0, standard vs accumulated BP",
             "习题 5.5：西瓜数据集 3.0，标准BP与累积BP对比"),
            ("Stop at E ≤", "停止条件 E ≤"), ("Value after", "更新后"), ("Log scale", "对数坐标"),
            ("Mode", "模式"), ("Learning rate η", "学习率 η"))


def test_the_window_names_the_texts_use_are_the_windows_own():
    root = ET.parse(resource_path("translations", "bpgui_zh_CN.ts")).getroot()
    pairs = {(plain(m.findtext("source") or ""), plain(m.findtext("translation") or ""))
             for m in root.iter("message")}
    for en, zh in UI_NAMES:
        assert (en, zh) in pairs, en
    used = set()
    for name, i in STEPS:
        step = LESSONS[name].steps[i]
        for en, zh in UI_NAMES:
            menu = f"{en} →" if en in ("View", "Practice", "Train", "Examples") else en
            if menu in step.text["en"]:
                assert (f"{zh} →" if menu != en else zh) in step.text["zh_CN"], (name, i, en)
                used.add(en)
    assert used == {en for en, _ in UI_NAMES}  # every name listed is used somewhere


def test_exercise_5_5_standard_bp_is_lower_after_the_same_passes():
    """Lesson 7's claim, from the sessions the lesson's steps set: per epoch standard BP gets lower."""
    steps = LESSONS["07-standard-vs-accumulated"].steps
    by_epochs = {}
    for mode, iterations in (("standard", 1700), ("accumulated", 100), ("standard", 5100), ("accumulated", 300)):
        session = TrainingSession()
        assert session.apply_lesson_state(LessonState(example="watermelon3.0", settings=(("mode", mode),),
                                                      steps=iterations))
        assert session.status()["epoch"] in (100, 300)
        by_epochs[(mode, session.status()["epoch"])] = session.status()["error"]
    for epochs in (100, 300):
        assert by_epochs[("standard", epochs)] < by_epochs[("accumulated", epochs)] / 5
    assert (steps[0].state.steps, steps[1].state.steps, steps[2].state.steps) == (1700, 100, 300)


def state_of(session: TrainingSession) -> tuple[bytes, int, object, int]:
    return session.network.flat.tobytes(), session.iteration, session.settings, session.selected_parameter


def test_a_walk_back_and_forth_finds_each_step_as_it_was_left_and_close_brings_back_the_run():
    session = TrainingSession()
    for _ in range(5):
        session.step()
    session.select_parameter(2)
    before = state_of(session)
    walk = LessonWalk(session, LESSONS["07-standard-vs-accumulated"])
    assert walk.go(0) and session.iteration == 1700 and session.settings.mode == "standard"
    assert walk.go(1) and session.iteration == 100 and session.settings.mode == "accumulated"
    for _ in range(3):
        session.step()
    left = state_of(session)
    assert left[1] == 103
    assert walk.go(0) and session.iteration == 1700 and session.settings.data == "watermelon3.0"
    assert walk.go(1) and walk.index == 1
    assert state_of(session) == left  # bitwise the run as it was left, at t = 103
    assert walk.close()
    assert state_of(session) == before and session.settings.data == "xor"


def test_every_lesson_walks_to_its_end_and_back():
    for name in NAMES:
        session = TrainingSession()
        walk = LessonWalk(session, LESSONS[name])
        order = [*range(len(walk.lesson.steps)), *reversed(range(len(walk.lesson.steps) - 1))]
        for index in order:
            assert walk.go(index), (name, index)
            assert session.iteration == walk.step.expect["t"], (name, index)
        assert not walk.go(len(walk.lesson.steps))
        assert walk.close() and session.iteration == 0


def test_back_to_a_phase_step_finds_the_phase_it_was_left_at():
    session = TrainingSession()
    walk = LessonWalk(session, LESSONS["05-one-iteration"])
    assert walk.go(0) and shown_phase(session) == 1
    session.step_phase()
    assert shown_phase(session) == 2
    assert walk.go(1) and walk.go(0)
    assert shown_phase(session) == 2
