"""One iteration split into the phases of the note's backward pass (forward, error, output, hidden, update).

For the note's d-q-l network the phases are::

    forward  (layer 1)   α_h = Σ_i v_ih x_i,  b_h = f(α_h − γ_h)
    forward  (layer 2)   β_j = Σ_h w_hj b_h,  ŷ_j = f(β_j − θ_j)
    error                E_k = ½ Σ_j (y_j − ŷ_j)²
    output gradient      g_j, then ∂E/∂θ_j and ∂E/∂w_hj
    hidden gradient      ∂E/∂b_h = Σ_j (−g_j) w_hj, then e_h, ∂E/∂γ_h, ∂E/∂v_ih
    update               p ← p + Δp for every parameter at once

Deeper networks go layer by layer. With ``per_output`` the backward pass
follows one output component j at a time, as the note draws it: output j's
gradients, then its share ``w_hj g_j`` carried into every hidden unit, so a
hidden unit is visibly reached l times before e_h is known.

A phase says what it lights (units and parameters) and, cumulatively, what
is known once it is done, so views can leave later numbers blank. Nothing
here computes: the numbers all come from the iteration's record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

FORWARD = "forward"
ERROR = "error"
OUTPUT_GRADIENT = "output_gradient"
HIDDEN_SUM = "hidden_sum"  # per-output mode: output j's share reaches the hidden units
HIDDEN_GRADIENT = "hidden_gradient"
UPDATE = "update"


@dataclass(frozen=True)
class Phase:
    kind: str
    layer: int  # 1-based layer after the input that the phase is about (0 for the update)
    output: int | None = None  # 0-based output component j, when following one at a time


@dataclass(frozen=True)
class PhaseView:
    """What to show after ``phase``: what it lights, and everything known so far."""

    phase: Phase
    index: int  # 0-based position in the plan
    count: int  # phases in the plan
    lit_units: frozenset[tuple[int, int]]  # (layer, 0-based unit); layer 0 is the input
    lit_parameters: frozenset[int]  # canonical parameter indices
    forward_layers: int  # layers 1..forward_layers have net and output known
    error_known: bool
    delta_known: tuple[np.ndarray, ...]  # per layer after the input, bool per unit
    hidden_sum_outputs: int  # per-output mode: outputs j already carried into the last hidden layer
    gradient_known: np.ndarray  # bool per parameter (canonical order): ∂E/∂p and Δp
    updated: bool  # the new values are known (and applied)


def _layout(sizes: Sequence[int]) -> list[tuple[int, int, int]]:
    out, offset = [], 0
    for a, b in pairwise(sizes):
        out.append((offset, offset + a * b, offset + a * b + b))
        offset += a * b + b
    return out


def phase_plan(layer_sizes: Sequence[int], *, per_output: bool = False) -> list[Phase]:
    """The phases of one iteration, in order."""
    n = len(layer_sizes) - 1
    plan = [Phase(FORWARD, k) for k in range(1, n + 1)] + [Phase(ERROR, n)]
    if per_output and n >= 2:
        for j in range(layer_sizes[-1]):
            plan.append(Phase(OUTPUT_GRADIENT, n, j))
            plan.append(Phase(HIDDEN_SUM, n - 1, j))
    else:
        plan.append(Phase(OUTPUT_GRADIENT, n))
    plan += [Phase(HIDDEN_GRADIENT, k) for k in range(n - 1, 0, -1)]
    plan.append(Phase(UPDATE, 0))
    return plan


def _incoming(
    layout: Sequence[tuple[int, int, int]], sizes: Sequence[int], layer: int, targets: Sequence[int]
) -> set[int]:
    """Weights into ``targets`` of ``layer`` and their thresholds."""
    w0, t0, _ = layout[layer - 1]
    n_in, n_out = sizes[layer - 1], sizes[layer]
    params = {w0 + i * n_out + j for i in range(n_in) for j in targets}
    params |= {t0 + j for j in targets}
    return params


def phase_views(layer_sizes: Sequence[int], *, per_output: bool = False) -> list[PhaseView]:
    """For each phase of ``phase_plan``, what it lights and what is known after it."""
    sizes = tuple(int(s) for s in layer_sizes)
    n = len(sizes) - 1
    layout = _layout(sizes)
    n_params = layout[-1][2]
    plan = phase_plan(sizes, per_output=per_output)

    forward_layers, error_known, hidden_sums, updated = 0, False, 0, False
    delta = [np.zeros(s, dtype=bool) for s in sizes[1:]]
    gradient = np.zeros(n_params, dtype=bool)
    views = []
    for index, phase in enumerate(plan):
        units: set[tuple[int, int]] = set()
        params: set[int] = set()
        k = phase.layer
        if phase.kind == FORWARD:
            forward_layers = k
            units = {(k, u) for u in range(sizes[k])} | {(k - 1, u) for u in range(sizes[k - 1])}
            params = _incoming(layout, sizes, k, range(sizes[k]))
        elif phase.kind == ERROR:
            error_known = True
            units = {(n, u) for u in range(sizes[n])}
        elif phase.kind == OUTPUT_GRADIENT:
            outputs = range(sizes[n]) if phase.output is None else [phase.output]
            for j in outputs:
                delta[n - 1][j] = True
            units = {(n, j) for j in outputs}
            params = _incoming(layout, sizes, n, outputs)
            gradient[list(params)] = True
        elif phase.kind == HIDDEN_SUM:
            if phase.output is None:
                raise ValueError("a hidden-sum phase follows one output j")
            j = phase.output
            hidden_sums = j + 1
            units = {(k, h) for h in range(sizes[k])} | {(n, j)}
            w0 = layout[k][0]  # the weights out of layer k into the outputs
            params = {w0 + h * sizes[k + 1] + j for h in range(sizes[k])}
        elif phase.kind == HIDDEN_GRADIENT:
            delta[k - 1][:] = True
            units = {(k, h) for h in range(sizes[k])}
            w0 = layout[k][0]
            # The paths the deltas come back along, then the parameters into layer k.
            back = {w0 + h * sizes[k + 1] + j for h in range(sizes[k]) for j in range(sizes[k + 1])}
            own = _incoming(layout, sizes, k, range(sizes[k]))
            gradient[list(own)] = True
            params = back | own
        else:  # UPDATE
            updated = True
            units = {(layer, u) for layer in range(n + 1) for u in range(sizes[layer])}
            params = set(range(n_params))
        snapshot_gradient = gradient.copy()
        snapshot_gradient.setflags(write=False)
        deltas = tuple(d.copy() for d in delta)
        for d in deltas:
            d.setflags(write=False)
        views.append(PhaseView(
            phase, index, len(plan), frozenset(units), frozenset(params), forward_layers, error_known,
            deltas, hidden_sums, snapshot_gradient, updated,
        ))
    return views
