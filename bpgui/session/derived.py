"""What the window shows beside the numbers: the chain rule, the gradient check, the decision surface.

The chain rule, its paths through the graph and a selected unit's forward
arithmetic are cheap and computed on request; the gradient check is a job
(see :mod:`.jobs`), announced as "check" when its result is ready for the
state still shown. (Exercise 5.5's comparison is two forks: ``forking.py``.)

A selected unit (announced as "unit", (layer, unit)) goes with the parameter
selected with it: a unit of layer ≥ 1 selects its threshold, an input unit
selects no parameter, and selecting any other parameter (a link, a row of
the table) or a new network leaves no unit selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model.chain_paths import MAX_PATHS, ChainPaths, chain_paths
from ..model.closed_forms import parameter_index
from ..model.derivation import Derivation, derive
from ..model.forward_arithmetic import ForwardArithmetic, forward_arithmetic
from ..model.plane_map import running_grid, surface_if_planar
from ..model.surface import GRID_SIZE, DecisionSurface
from . import jobs
from .core import SessionCore
from .jobs import Job


class DerivedViews(SessionCore):
    """The chain rule, gradient checks and decision surface of a session."""

    # The selected unit: (layer, 0-based unit, the parameter selected with it, the structure it belongs to).
    _unit: tuple[int, int, int, int] | None = None

    @property
    def selected_unit(self) -> tuple[int, int]:
        """(layer, 0-based unit) of the selected unit, layer 0 the input; (−1, −1) for none."""
        u = self._unit
        if u is None or u[2] != self._selected or u[3] != self._structure_version:
            return (-1, -1)
        sizes = self.network.layer_sizes
        if not (0 <= u[0] < len(sizes) and 0 <= u[1] < sizes[u[0]]):
            return (-1, -1)
        return (u[0], u[1])

    def select_unit(self, layer: int, unit: int) -> None:
        """Select unit ``unit`` (0-based) of ``layer`` (0 = input) and its threshold; (−1, −1) or a unit
        the network does not have: none."""
        layer, unit = int(layer), int(unit)
        sizes = self.network.layer_sizes
        if not (0 <= layer < len(sizes) and 0 <= unit < sizes[layer]):
            if self._unit is not None:
                self._unit = None
                self._emit("unit", (-1, -1))
            return
        parameter = parameter_index(sizes, layer, None, unit + 1) if layer >= 1 else -1
        self._unit = (layer, unit, parameter, self._structure_version)
        if parameter != self._selected:
            self._selected = parameter
            self._emit("selection", parameter)
        self._emit("unit", (layer, unit))

    def forward_arithmetic(self) -> ForwardArithmetic | None:
        """The selected unit's forward pass in the iteration shown (``known`` False before a forward
        phase has computed its layer); None without a unit."""
        layer, unit = self.selected_unit
        if layer < 0:
            return None
        phase = self.phase_view
        known = phase is None or layer <= phase.forward_layers
        return forward_arithmetic(self.display_record(), self.network.activations, layer, unit, known=known,
                                  feature_names=self.dataset.feature_names)

    def chain_paths(self, index: int | None = None, limit: int = MAX_PATHS) -> ChainPaths | None:
        """Every path from E_k to parameter ``index`` (default: the selection) in the iteration shown, the
        first ``limit`` listed; None without a parameter or before a phase has computed its gradient."""
        index = self._selected if index is None else index
        if not 0 <= index < self.network.n_parameters:
            return None
        phase = self.phase_view
        if phase is not None and not phase.gradient_known[index]:
            return None
        # Once per state shown: the panel and the network's path both ask for it at every step.
        key = (self._state_version, index, limit)
        if self._paths is None or self._paths[0] != key:
            self._paths = (key, chain_paths(self.display_record(), index, self.network.activations,
                                            self.network.loss, limit))
        return self._paths[1]

    def derivation(self, index: int | None = None) -> tuple[Derivation, bool] | None:
        """The chain rule for parameter ``index`` (default: the selection) in the iteration shown,
        and whether its gradient is known yet in the phase shown; None without a parameter."""
        index = self._selected if index is None else index
        if not 0 <= index < self.network.n_parameters:
            return None
        record = self.display_record()
        phase = self.phase_view
        known = phase is None or bool(phase.gradient_known[index])
        return derive(record, index, self.network.activations, self.network.loss), known

    @property
    def gradient_check(self) -> jobs.GradientCheck | None:
        """The last gradient check, if it was made for the iteration shown now."""
        if self._check is not None and self._check[0] == self._state_version:
            return self._check[1]
        return None

    def request_gradient_check(self, indices: Sequence[int] | None = None) -> None:
        """Check the gradients of the iteration shown (a job); announced as "check" when done."""
        self._emit("job", self.gradient_check_job(indices))

    def _set_check(self, check: jobs.GradientCheck) -> None:
        self._check = (self._state_version, check)
        self._emit("check", check)

    def gradient_check_job(self, indices: Sequence[int] | None = None) -> Job:
        """Finite-difference estimates for the iteration shown: the first parameters (up to
        :data:`jobs.MAX_CHECKED`), the selection, and in a phase only what it has computed."""
        record = self.display_record()
        n = record.flat_values.shape[0]
        if indices is None:
            chosen = list(range(min(n, jobs.MAX_CHECKED)))
            if self._selected >= jobs.MAX_CHECKED:
                chosen.append(self._selected)
        else:
            chosen = [int(i) for i in indices]
        phase = self.phase_view
        if phase is not None:
            chosen = [i for i in chosen if phase.gradient_known[i]]
        version = self._state_version
        job = jobs.gradient_check(record, self.network.with_flat(record.flat_values), chosen,
                                  valid=lambda: self._state_version == version, finish=self._set_check)
        return replace(job, fail=self._refuse)

    def decision_surface(self) -> DecisionSurface | None:
        """What the network computes over the plane of the data's two inputs (None unless both are 2-D).

        Computed once per state shown: Run asks for it at every repaint; while Run goes, a wide network's on a
        coarser grid (``plane_map.running_grid``), then on the whole one when it pauses.
        """
        size = running_grid(self.network.n_parameters) if self._running else GRID_SIZE
        key = (self._state_version, size)
        if self._surface is None or self._surface[0] != key:
            self._surface = (key, surface_if_planar(self.network, self.dataset, size))
        return self._surface[1]
