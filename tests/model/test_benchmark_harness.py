"""benchmarks/run.py: it runs, it reports every figure whole, and its references do bpgui's arithmetic.

No timing is judged here: only that the harness works and that a reference computes the same new
parameters as bpgui (so a ratio against it compares like with like).
"""

from __future__ import annotations

import datetime
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpgui.model.datasets import Dataset, load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from references import numpy_step, python_floats_step  # noqa: E402
from run import TARGETS  # noqa: E402

FIELDS = {"name", "value", "unit", "reference", "reference_value", "ratio", "target", "met"}


def flat(weights, thresholds) -> np.ndarray:
    """Parameters in bpgui's canonical order: each layer's weights (row-major), then its thresholds."""
    return np.concatenate([np.concatenate([np.ravel(w), np.ravel(t)]) for w, t in zip(weights, thresholds)])


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "figures.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--rounds", "1", "--run-seconds", "0.05",
         "--json", str(out)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "name" in done.stdout and "met?" in done.stdout  # the printed table
    return {"json": json.loads(out.read_text()), "stdout": done.stdout}


def test_the_quick_run_reports_every_figure_with_every_field(report):
    data = report["json"]
    assert {"cpu_count", "python", "numpy", "platform"} <= set(data["machine"])
    assert datetime.datetime.fromisoformat(data["date"]).tzinfo is not None
    names = [row["name"] for row in data["figures"]]
    assert sorted(names) == sorted(TARGETS)
    for row in data["figures"]:
        assert set(row) >= FIELDS, row["name"]
        assert row["target"] == TARGETS[row["name"]][3]
        if row.get("skipped"):
            assert row["name"] == "tiny_vs_torch_1thread" and "not installed" in report["stdout"]
            continue
        assert row["value"] > 0 and row["reference_value"] > 0, row["name"]
        expected = (row["value"] / row["reference_value"] if row["measures"] == "time"
                    else row["reference_value"] / row["value"])  # a rate: time per item, project over reference
        assert math.isclose(row["ratio"], expected, rel_tol=1e-12), row["name"]
        assert isinstance(row["met"], bool)


def test_pytorch_is_said_to_run_on_one_thread_or_to_be_skipped(report):
    out = report["stdout"]
    assert "PyTorch not installed" in out or "on 1 thread" in out


def _dataset(n_in: int, n_out: int, m: int, seed: int) -> Dataset:
    rng = np.random.default_rng(seed)
    return Dataset("t", rng.uniform(-1, 1, (m, n_in)), rng.uniform(0, 1, (m, n_out)),
                   tuple(f"x{i}" for i in range(n_in)), tuple(f"y{j}" for j in range(n_out)), "regression")


@pytest.mark.parametrize(("sizes", "mode"), [
    ((3, 4, 2), "standard"),  # bpgui's small-network path (Python lists)
    ((6, 9, 5), "standard"),  # its vectorised path
    ((3, 4, 3, 2), "accumulated"),
    ((6, 9, 5), "minibatch"),
])
def test_the_minimal_numpy_step_gives_bpguis_new_parameters(sizes, mode):
    data = _dataset(sizes[0], sizes[-1], 12, seed=sum(sizes))
    net = Network.initialise(sizes, seed=3)
    trainer = Trainer(net, data, config=TrainingConfig(mode=mode, learning_rate=0.7, batch_size=5, shuffle=False))
    weights = [np.array(w) for w in net.weights]
    thresholds = [np.array(t) for t in net.thresholds]
    for _ in range(3):
        record = trainer.step()
        idx = np.asarray(record.sample_indices)
        error = numpy_step(weights, thresholds, np.asarray(data.inputs)[idx], np.asarray(data.targets)[idx], 0.7)
        np.testing.assert_allclose(flat(weights, thresholds), trainer.network.flat, rtol=0, atol=1e-12)
        assert math.isclose(error, float(trainer.iteration_errors[-1]), rel_tol=0, abs_tol=1e-12)


def test_the_python_floats_step_gives_bpguis_2_2_1_numbers():
    xor = load_builtin("xor")
    net = Network.initialise((2, 2, 1), seed=0)
    trainer = Trainer(net, xor, config=TrainingConfig(learning_rate=0.5))
    weights = [np.asarray(w).tolist() for w in net.weights]
    thresholds = [np.asarray(t).tolist() for t in net.thresholds]
    inputs, targets = np.asarray(xor.inputs).tolist(), np.asarray(xor.targets).tolist()
    for _ in range(10):  # across an epoch end, in the trainer's shuffled order
        record = trainer.step()
        (k,) = np.asarray(record.sample_indices).tolist()
        error = python_floats_step(weights, thresholds, inputs[k], targets[k], 0.5)
        np.testing.assert_allclose(flat(weights, thresholds), trainer.network.flat, rtol=0, atol=1e-12)
        assert math.isclose(error, float(trainer.iteration_errors[-1]), rel_tol=0, abs_tol=1e-12)
