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
from dataclasses import dataclass, field
from functools import cached_property
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
    """What to show after ``phase``: what it lights, and everything known so far.

    Built in O(1) per phase: what is known is a few numbers (layers known
    from ``_deltas_from`` down to the output, the first ``_outputs_known``
    outputs), and the sets and masks the views read are made from them on
    first use. Copying a mask per phase made a deep network's plan quadratic.
    """

    phase: Phase
    index: int  # 0-based position in the plan
    count: int  # phases in the plan
    forward_layers: int  # layers 1..forward_layers have net and output known
    error_known: bool
    hidden_sum_outputs: int  # per-output mode: outputs j already carried into the last hidden layer
    updated: bool  # the new values are known (and applied)
    _sizes: tuple[int, ...] = field(repr=False)
    _deltas_from: int = field(repr=False)  # hidden layers k ≥ this (1-based) have every δ, ∂E/∂p known
    _outputs_known: int = field(repr=False)  # output units 0.._outputs_known − 1 have g_j, ∂E/∂p known

    @cached_property
    def _lit(self) -> tuple[frozenset[tuple[int, int]], np.ndarray]:
        return _lit(self.phase, self._sizes)

    @property
    def lit_units(self) -> frozenset[tuple[int, int]]:
        """(layer, 0-based unit) lit by this phase; layer 0 is the input."""
        return self._lit[0]

    @property
    def lit_mask(self) -> np.ndarray:
        """Bool per parameter (canonical order): lit by this phase. Read-only; built by slices (a set of a
        784-1250-10 forward phase's ~10⁶ indices took 134 ms at each Step of a phase; the drawing asks ~400)."""
        return self._lit[1]

    def lights(self, index: int) -> bool:
        """Whether this phase lights parameter ``index``."""
        return bool(self._lit[1][index])

    @cached_property
    def lit_parameters(self) -> frozenset[int]:
        """Canonical parameter indices lit by this phase (every one of them: ``lights`` asks for one)."""
        return frozenset(np.flatnonzero(self._lit[1]).tolist())

    @cached_property
    def delta_known(self) -> tuple[np.ndarray, ...]:
        """Per layer after the input, bool per unit: δ (g_j, e_h) known."""
        sizes, n = self._sizes, len(self._sizes) - 1
        known = []
        for k in range(1, n + 1):
            mask = np.zeros(sizes[k], dtype=bool)
            if k == n:
                mask[: self._outputs_known] = True
            elif k >= self._deltas_from:
                mask[:] = True
            mask.setflags(write=False)
            known.append(mask)
        return tuple(known)

    @cached_property
    def gradient_known(self) -> np.ndarray:
        """Bool per parameter (canonical order): ∂E/∂p and Δp known."""
        sizes, n = self._sizes, len(self._sizes) - 1
        layout = _layout(sizes)
        known = np.zeros(layout[-1][2], dtype=bool)
        if self._deltas_from < n:  # every hidden layer from _deltas_from on, whole (canonical order is by layer)
            known[layout[self._deltas_from - 1][0] : layout[n - 2][2]] = True
        j = self._outputs_known
        if j:
            w0, t0, _ = layout[n - 1]
            known[w0:t0].reshape(sizes[n - 1], sizes[n])[:, :j] = True
            known[t0 : t0 + j] = True
        known.setflags(write=False)
        return known


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


def _weights_into(mask: np.ndarray, layout: Sequence[tuple[int, int, int]], sizes: Sequence[int], layer: int,
                  target: int | None = None) -> None:
    """Light the weights into ``layer`` (into its unit ``target`` alone when given; canonical order is i-major)."""
    w0, t0, _ = layout[layer - 1]
    if target is None:
        mask[w0:t0] = True
    else:
        mask[w0 + target : t0 : sizes[layer]] = True


def _lit(phase: Phase, sizes: tuple[int, ...]) -> tuple[frozenset[tuple[int, int]], np.ndarray]:
    """The units and (as a read-only mask) the parameters ``phase`` lights."""
    n = len(sizes) - 1
    layout = _layout(sizes)
    units: set[tuple[int, int]] = set()
    params = np.zeros(layout[-1][2], dtype=bool)
    k = phase.layer
    if phase.kind == FORWARD:  # the weights into layer k and its thresholds
        units = {(k, u) for u in range(sizes[k])} | {(k - 1, u) for u in range(sizes[k - 1])}
        params[layout[k - 1][0] : layout[k - 1][2]] = True
    elif phase.kind == ERROR:
        units = {(n, u) for u in range(sizes[n])}
    elif phase.kind == OUTPUT_GRADIENT:
        outputs = range(sizes[n]) if phase.output is None else [phase.output]
        units = {(n, j) for j in outputs}
        if phase.output is None:
            params[layout[n - 1][0] : layout[n - 1][2]] = True
        else:
            _weights_into(params, layout, sizes, n, phase.output)
            params[layout[n - 1][1] + phase.output] = True
    elif phase.kind == HIDDEN_SUM:
        if phase.output is None:
            raise ValueError("a hidden-sum phase follows one output j")
        j = phase.output
        units = {(k, h) for h in range(sizes[k])} | {(n, j)}
        _weights_into(params, layout, sizes, k + 1, j)  # the weights out of layer k into output j
    elif phase.kind == HIDDEN_GRADIENT:
        units = {(k, h) for h in range(sizes[k])}
        # The paths the deltas come back along, then the parameters into layer k.
        _weights_into(params, layout, sizes, k + 1)
        params[layout[k - 1][0] : layout[k - 1][2]] = True
    else:  # UPDATE
        units = {(layer, u) for layer in range(n + 1) for u in range(sizes[layer])}
        params[:] = True
    params.setflags(write=False)
    return frozenset(units), params


def phase_views(layer_sizes: Sequence[int], *, per_output: bool = False) -> list[PhaseView]:
    """For each phase of ``phase_plan``, what it lights and what is known after it (linear in the phases)."""
    sizes = tuple(int(s) for s in layer_sizes)
    n = len(sizes) - 1
    plan = phase_plan(sizes, per_output=per_output)

    forward_layers, error_known, hidden_sums, updated = 0, False, 0, False
    deltas_from, outputs_known = n, 0  # no hidden layer known; no output known
    views = []
    for index, phase in enumerate(plan):
        k = phase.layer
        if phase.kind == FORWARD:
            forward_layers = k
        elif phase.kind == ERROR:
            error_known = True
        elif phase.kind == OUTPUT_GRADIENT:
            # Outputs are followed in order, so the ones known are always a prefix.
            outputs_known = sizes[n] if phase.output is None else max(outputs_known, phase.output + 1)
        elif phase.kind == HIDDEN_SUM:
            if phase.output is None:
                raise ValueError("a hidden-sum phase follows one output j")
            hidden_sums = phase.output + 1
        elif phase.kind == HIDDEN_GRADIENT:
            deltas_from = min(deltas_from, k)
        else:  # UPDATE
            updated = True
        views.append(PhaseView(
            phase, index, len(plan), forward_layers, error_known, hidden_sums, updated,
            sizes, deltas_from, outputs_known,
        ))
    return views
