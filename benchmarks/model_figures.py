"""Issue 11's figures without a window: bpgui's Trainer beside a reference, rounds interleaved.

Each ``Case`` is measured as: calibrate a repeat count so one sample lasts ≥ ``min_time``, then in
every round sample each case once in a fixed order (project A, reference A, project B, …), and keep
the median over rounds. A figure's ``value`` and ``reference_value`` are times of one iteration
(``unit`` says which), and ``ratio`` = value / reference_value: below 1, bpgui is faster.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from _common import calls_lasting
from references import numpy_step, python_floats_step, torch_step_fn

from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig
from bpgui.model.training_config import StopConditions

ETA = 0.5


@dataclass
class Case:
    """``sample()`` returns the seconds one iteration took (it may time itself, e.g. after a setup)."""

    key: str
    sample: Callable[[], float]
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def repeated(fn: Callable[[], object], per: int = 1, min_time: float = 0.05) -> Callable[[], float]:
    """A sampler timing ``fn`` (which does ``per`` iterations) enough times to last ≥ ``min_time``."""
    n = calls_lasting(fn, min_time)

    def sample() -> float:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        return (time.perf_counter() - start) / (n * per)

    return sample


def interleave(cases: list[Case], rounds: int) -> None:
    for _ in range(rounds):
        for case in cases:
            case.samples.append(case.sample())


def random_case(sizes: tuple[int, ...], m: int, seed: int = 0) -> tuple[Dataset, Network]:
    """``m`` samples of uniform inputs and one-hot targets, and a seeded sigmoid network."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, (m, sizes[0]))
    y = np.zeros((m, sizes[-1]))
    y[np.arange(m), rng.integers(0, sizes[-1], m)] = 1.0
    data = Dataset("bench", x, y, tuple(f"x{i}" for i in range(sizes[0])),
                   tuple(f"y{j}" for j in range(sizes[-1])), "regression")
    return data, Network.initialise(sizes, seed=seed)


def copies(net: Network) -> tuple[list[np.ndarray], list[np.ndarray]]:
    return [np.array(w, dtype=np.float64) for w in net.weights], [np.array(t, dtype=np.float64) for t in net.thresholds]


def as_lists(net: Network) -> tuple[list[list[list[float]]], list[list[float]]]:
    return [np.asarray(w).tolist() for w in net.weights], [np.asarray(t).tolist() for t in net.thresholds]


def measure(torch: Any, *, quick: bool, rounds: int) -> list[dict[str, Any]]:
    """The model figures as dicts (``run.py`` adds targets and formats them)."""
    min_time = 0.02 if quick else 0.15
    big = (784, 32, 10) if quick else (784, 128, 10)
    big_name = "-".join(map(str, big))
    cases: list[Case] = []
    rows: list[dict[str, Any]] = []

    # 2-2-1 XOR, standard BP: Trainer.step (with its full record) vs Python floats vs PyTorch.
    xor = load_builtin("xor")
    tiny_net = Network.initialise((2, 2, 1), seed=0)
    tiny = Trainer(tiny_net, xor, config=TrainingConfig(learning_rate=ETA))
    cases.append(Case("tiny", repeated(tiny.step, min_time=min_time)))
    pw, pt = as_lists(tiny_net)
    xs, ys = np.asarray(xor.inputs).tolist(), np.asarray(xor.targets).tolist()
    counter = [0]

    def floats_step() -> None:
        k = counter[0] = (counter[0] + 1) % len(xs)
        python_floats_step(pw, pt, xs[k], ys[k], ETA)

    cases.append(Case("tiny_floats", repeated(floats_step, min_time=min_time)))
    if torch is not None:
        tw, tt = copies(tiny_net)
        fn = torch_step_fn(torch, tw, tt, np.asarray(xor.inputs)[:1], np.asarray(xor.targets)[:1], ETA)
        cases.append(Case("tiny_torch", repeated(fn, min_time=min_time)))

    # 784-128-10, standard BP, batch 1: Trainer.step vs the minimal NumPy step.
    data, net = random_case(big, 200 if quick else 1000)
    std = Trainer(net, data, config=TrainingConfig(learning_rate=ETA))
    cases.append(Case("std", repeated(std.step, min_time=min_time)))
    bw, bt = copies(net)
    inputs, targets = np.ascontiguousarray(data.inputs), np.ascontiguousarray(data.targets)
    pos = [0]

    def numpy_one() -> None:
        k = pos[0] = (pos[0] + 1) % inputs.shape[0]
        numpy_step(bw, bt, inputs[k:k + 1], targets[k:k + 1], ETA)

    cases.append(Case("std_numpy", repeated(numpy_one, min_time=min_time)))

    # Accumulated BP over 10⁴ samples with a target error set (never reached, so every pass checks
    # it), 8 passes a call as Run's chunks do; the reference's forward pass gives E for free.
    m_acc = 300 if quick else 10_000
    acc_data, acc_net = random_case(big, m_acc, seed=1)
    acc = Trainer(acc_net, acc_data, config=TrainingConfig(mode="accumulated", learning_rate=ETA),
                  stop=StopConditions(target_error=1e-12))
    per = 2 if quick else 4
    cases.append(Case("acc", repeated(lambda: acc.advance(per), per=per, min_time=min_time)))
    aw, at = copies(acc_net)
    ax, ay = np.ascontiguousarray(acc_data.inputs), np.ascontiguousarray(acc_data.targets)
    target = 1e-12

    def numpy_pass() -> None:
        if numpy_step(aw, at, ax, ay, ETA) <= target:
            raise RuntimeError("the reference reached its target")

    cases.append(Case("acc_numpy", repeated(numpy_pass, min_time=min_time)))

    # One step back, 784-128-10 batch 1, as a learner meets it: Run (or Step) went forward to the
    # newest iteration, then Step back, cold (nothing of an earlier step back's replay is near). Each
    # sample: 37 new iterations forward untimed (positions spread over the checkpoint spacing), then
    # step_back timed; beside one step forward of the same trainer.
    back = Trainer(net, data, config=TrainingConfig(learning_rate=ETA))
    back.advance(1000, use_stop_conditions=False)
    per_sample = 4 if quick else 8

    def step_back() -> float:
        total = 0.0
        for _ in range(per_sample):
            back.goto(back.end)
            back.advance(37, use_stop_conditions=False)
            start = time.perf_counter()
            back.step_back()
            total += time.perf_counter() - start
        return total / per_sample

    cases.append(Case("back", step_back))

    def forward_one() -> float:
        back.goto(back.end)
        start = time.perf_counter()
        back.step()
        return time.perf_counter() - start

    cases.append(Case("back_ref", forward_one))

    interleave(cases, rounds)
    by = {c.key: c.median for c in cases}
    rows.append(figure("tiny_vs_python_floats", by["tiny"], "the same iteration in plain Python floats and loops",
                       by["tiny_floats"], "2-2-1 XOR, standard BP: Trainer.step with its full record"))
    if torch is not None:
        rows.append(figure("tiny_vs_torch_1thread", by["tiny"],
                           f"PyTorch {torch.__version__} autograd float64, 1 thread", by["tiny_torch"],
                           "2-2-1 XOR, standard BP: Trainer.step with its full record"))
    else:
        rows.append(skipped("tiny_vs_torch_1thread", "PyTorch autograd float64, 1 thread",
                            "PyTorch is not installed: figure skipped"))
    rows.append(figure("step_784_vs_numpy", by["std"], "a minimal NumPy step (float64, batch 1)", by["std_numpy"],
                       f"{big_name}, standard BP, batch 1: Trainer.step"))
    rows.append(figure("accumulated_with_target_vs_numpy", by["acc"],
                       f"a minimal NumPy accumulated pass over {m_acc:,} samples", by["acc_numpy"],
                       f"{big_name} × {m_acc:,}, accumulated BP, target error set: Trainer.advance"))
    rows.append(figure("step_back_784_ms", by["back"], f"one step forward, {big_name} (Trainer.step)",
                       by["back_ref"], f"{big_name} batch 1: Trainer.step_back right after going forward "
                       "to the newest iteration (cold: no earlier replay near), t spread over the checkpoint "
                       "spacing"))
    return rows


def figure(name: str, seconds: float, reference: str, ref_seconds: float, what: str) -> dict[str, Any]:
    """A time figure: value and reference in ms, ratio = value / reference_value."""
    value, ref = seconds * 1e3, ref_seconds * 1e3
    return {"name": name, "value": value, "unit": "ms", "reference": reference, "reference_value": ref,
            "ratio": value / ref, "measures": "time", "what": what}


def rate_figure(name: str, rate: float, unit: str, reference: str, ref_rate: float, what: str) -> dict[str, Any]:
    """A rate figure (per second): ratio is still the project's time per item over the reference's."""
    return {"name": name, "value": rate, "unit": unit, "reference": reference, "reference_value": ref_rate,
            "ratio": ref_rate / rate if rate else float("inf"), "measures": "rate", "what": what}


def skipped(name: str, reference: str, note: str) -> dict[str, Any]:
    return {"name": name, "value": None, "unit": "ms", "reference": reference, "reference_value": None,
            "ratio": None, "measures": "time", "what": note, "skipped": note}
