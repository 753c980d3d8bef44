"""How much the full record costs, and how bpgui's step compares with PyTorch.

Prints, for each case, the time of:
  record     one iteration with its full record: compute_step + make_record
             (every net, output, delta, ∂E/∂p, Δp and new value kept, read-only)
  trainer    Trainer.step: the same plus the history (error per iteration,
             checkpoints) and, at each epoch end, E over the whole training set
  bare       the same forward/backward/update written as plainly as NumPy
             allows, keeping nothing (the reference the record is measured against)
  torch      PyTorch CPU autograd doing the same update in float64, 1 thread (if installed)

Targets (issue 2): the record ≤ 2× bare; on 2-2-1 ≥ 4× faster than torch; the
784-128-10 accumulated pass no slower than torch float64 (×1.00 or more).
Run:  python benchmarks/step_speed.py [--quick]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt, per_call_seconds, torch_or_none

from bpgui.model.backprop import compute_step, make_record
from bpgui.model.datasets import Dataset
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def bare_step(weights, thresholds, x, y, eta):
    """Sigmoid layers, squared error, mean over the batch; updates in place."""
    outs = [x]
    a = x
    for w, t in zip(weights, thresholds):
        a = 1.0 / (1.0 + np.exp(-(a @ w - t)))
        outs.append(a)
    delta = a * (1.0 - a) * (y - a)
    inv = 1.0 / x.shape[0]
    for k in range(len(weights) - 1, -1, -1):
        prev = outs[k]
        new_delta = prev * (1.0 - prev) * (delta @ weights[k].T) if k else None
        weights[k] += (eta * inv) * (prev.T @ delta)
        thresholds[k] -= (eta * inv) * delta.sum(axis=0)
        delta = new_delta


def make_case(sizes, m, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, (m, sizes[0]))
    y = np.zeros((m, sizes[-1]))
    y[np.arange(m), rng.integers(0, sizes[-1], m)] = 1.0
    data = Dataset("bench", x, y, tuple(f"x{i}" for i in range(sizes[0])),
                   tuple(f"y{j}" for j in range(sizes[-1])), "regression")
    return data, Network.initialise(sizes, seed=seed)


def run_case(label, sizes, m, mode, torch, min_time):
    data, net = make_case(sizes, m)
    trainer = Trainer(net, data, config=TrainingConfig(mode=mode, learning_rate=0.1))
    t_trainer = per_call_seconds(trainer.step, min_time=min_time)

    b = data.n_samples if mode == "accumulated" else 1
    weights = [w.copy() for w in net.weights]
    thresholds = [t.copy() for t in net.thresholds]
    xb, yb = np.array(data.inputs[:b]), np.array(data.targets[:b])
    idx = np.arange(b)

    def iteration_with_record():
        step = compute_step(net, xb, yb, 0.1)
        return make_record(step, net, iteration=1, epoch=1, mode=mode, learning_rate=0.1,
                           sample_indices=idx, inputs=xb, targets=yb)

    t_record = per_call_seconds(iteration_with_record, min_time=min_time)
    t_bare = per_call_seconds(lambda: bare_step(weights, thresholds, xb, yb, 0.1), min_time=min_time)

    line = (f"{label:<34} record {fmt(t_record)} (×{t_record / t_bare:4.2f} bare)   "
            f"trainer {fmt(t_trainer)} (×{t_trainer / t_bare:4.2f} bare)   bare {fmt(t_bare)}")
    if torch is not None:
        tw = [torch.tensor(w, requires_grad=True) for w in net.weights]
        tt = [torch.tensor(t, requires_grad=True) for t in net.thresholds]
        tx, ty = torch.tensor(xb), torch.tensor(yb)

        def torch_step():
            a = tx
            for w, t in zip(tw, tt):
                a = torch.sigmoid(a @ w - t)
            loss = 0.5 * ((ty - a) ** 2).sum(dim=1).mean()
            loss.backward()
            with torch.no_grad():
                for p in (*tw, *tt):
                    p -= 0.1 * p.grad
                    p.grad = None

        t_torch = per_call_seconds(torch_step, min_time=min_time)
        line += (f"   torch {fmt(t_torch)}: bpgui record ×{t_torch / t_record:4.2f} faster,"
                 f" trainer ×{t_torch / t_trainer:4.2f}")
    print(line, flush=True)


def main() -> None:
    quick = "--quick" in sys.argv
    torch = torch_or_none()
    print(f"numpy {np.__version__}; torch {'not installed' if torch is None else torch.__version__}")
    min_time = 0.2 if quick else 1.0
    run_case("standard BP, 2-2-1", (2, 2, 1), 4, "standard", torch, min_time)
    run_case("standard BP, 64-32-10", (64, 32, 10), 100, "standard", torch, min_time)
    run_case("accumulated pass, 784-128-10 ×10⁴", (784, 128, 10), 1000 if quick else 10_000, "accumulated",
             torch, min_time * 3)


if __name__ == "__main__":
    main()
