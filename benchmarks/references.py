"""The references bpgui's figures are measured against, written as plainly as each tool allows.

* :func:`numpy_step`: a minimal float64 NumPy forward + backward + update of a sigmoid network with
  the note's squared error, mean over the batch: nothing kept but the new parameters and the error.
* :func:`python_floats_step`: the same iteration for one sample in Python floats and loops.
* :func:`torch_step_fn`: PyTorch autograd in float64 on ONE thread (``torch.set_num_threads(1)``).

``tests/model/test_benchmark_harness.py`` proves the first two give bpgui's own new parameters
(to 1e-12), so each is a reference for the same arithmetic, not for less.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np


def numpy_step(weights: list[np.ndarray], thresholds: list[np.ndarray], x: np.ndarray, y: np.ndarray,
               eta: float) -> float:
    """One iteration on the batch ``x`` (B × n₀), ``y``; updates ``weights``/``thresholds`` in place.

    Returns the batch's mean error E = mean_k ½ Σ_j (y_j − ŷ_j)² (what a target-error check reads).
    """
    outs = [x]
    a = x
    for w, t in zip(weights, thresholds):
        a = 1.0 / (1.0 + np.exp(-(a @ w - t)))
        outs.append(a)
    diff = y - a
    error = 0.5 * float(np.einsum("ij,ij->", diff, diff)) / x.shape[0]
    delta = a * (1.0 - a) * diff  # g_j = −∂E_k/∂β_j
    step = eta / x.shape[0]
    for k in range(len(weights) - 1, -1, -1):
        prev = outs[k]
        below = prev * (1.0 - prev) * (delta @ weights[k].T) if k else None
        weights[k] += step * (prev.T @ delta)
        thresholds[k] -= step * delta.sum(axis=0)
        delta = below
    return error


def python_floats_step(weights: list[list[list[float]]], thresholds: list[list[float]], x: list[float],
                       y: list[float], eta: float) -> float:
    """One standard-BP iteration on one sample, Python floats and loops only; updates in place.

    ``weights[k][i][j]`` connects unit i of layer k to unit j of layer k + 1. Returns E_k.
    """
    outs = [x]
    a = x
    for w, t in zip(weights, thresholds):
        a = [1.0 / (1.0 + math.exp(-(sum(a[i] * w[i][j] for i in range(len(a))) - t[j])))
             for j in range(len(t))]
        outs.append(a)
    error = 0.5 * sum((yj - aj) * (yj - aj) for yj, aj in zip(y, a))
    delta = [aj * (1.0 - aj) * (yj - aj) for yj, aj in zip(y, a)]
    for k in range(len(weights) - 1, -1, -1):
        prev, w, t = outs[k], weights[k], thresholds[k]
        below = ([p * (1.0 - p) * sum(w[i][j] * delta[j] for j in range(len(delta))) for i, p in enumerate(prev)]
                 if k else [])
        for i, p in enumerate(prev):
            row = w[i]
            for j, d in enumerate(delta):
                row[j] += eta * p * d
        for j, d in enumerate(delta):
            t[j] -= eta * d
        delta = below
    return error


def torch_or_none() -> Any:
    """PyTorch on one thread, or None when it is not installed."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    return torch


def torch_step_fn(torch: Any, weights: list[np.ndarray], thresholds: list[np.ndarray], x: np.ndarray,
                  y: np.ndarray, eta: float) -> Callable[[], float]:
    """A closure doing one autograd iteration in float64 (same network, batch and loss)."""
    tw = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in weights]
    tt = [torch.tensor(t, dtype=torch.float64, requires_grad=True) for t in thresholds]
    tx, ty = torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)

    def step() -> float:
        a = tx
        for w, t in zip(tw, tt):
            a = torch.sigmoid(a @ w - t)
        loss = 0.5 * ((ty - a) ** 2).sum(dim=1).mean()
        loss.backward()
        with torch.no_grad():
            for p in (*tw, *tt):
                p -= eta * p.grad
                p.grad = None
        return float(loss.detach())

    return step
