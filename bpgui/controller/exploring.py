"""The error surface (issue 14) as a thin Qt adapter: the session's ``request_surface`` and its "surface" event.

A view finds it with ``controller.findChild(SurfaceController)`` (made on first use with the training
controller as its parent, so it outlives a window rebuilt for another language). It hears the session
itself (the "surface" event) and passes on what the surface panel needs of the training controller (a new
state, selection, network, Run), so the panel wires only this object's signals. A surface too big to
compute at once goes to the worker process as the session's "job" event, which the training controller runs
like any other: nothing here runs jobs.

=====================  ==================================================
signal                 when
=====================  ==================================================
``surface_ready``      (SurfaceView) a map for the state shown; None: the one computing was dropped
``stale``              the state, settings or history changed: the map shown is old
``structure_changed``  a new network or data set (other parameters to choose)
``selection_changed``  (int) the parameter selected in the table or the network
``running_changed``    (bool) Run started or paused
=====================  ==================================================
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from ..model.closed_forms import parameter_index
from ..model.errors import BpguiError
from ..model.naming import parameter_spec
from ..session.exploring import E_K, E_SET, SurfaceView
from .training import TrainingController, localized

__all__ = ["E_K", "E_SET", "SurfaceController", "SurfaceView"]


class SurfaceController(QObject):
    surface_ready = Signal(object)
    stale = Signal()
    structure_changed = Signal()
    selection_changed = Signal(int)
    running_changed = Signal(bool)

    def __init__(self, controller: TrainingController) -> None:
        super().__init__(controller)
        self.setObjectName("surface_controller")
        self._controller = controller
        self.last: SurfaceView | None = None  # the last map announced
        self.computing = False  # a map is computing in the worker
        controller.session.subscribe(self._on_session_event)
        controller.state_changed.connect(self.stale)
        controller.settings_changed.connect(self.stale)
        controller.structure_changed.connect(self.structure_changed)
        controller.selection_changed.connect(self.selection_changed)
        controller.running_changed.connect(self.running_changed)
        controller.job_finished.connect(self._on_job_finished)  # done, cancelled or dropped

    @classmethod
    def of(cls, controller: TrainingController) -> SurfaceController:
        """The training controller's surface controller (made on first use)."""
        found = controller.findChild(cls)
        return found if isinstance(found, cls) else cls(controller)

    def _on_session_event(self, event: str, value: Any) -> None:
        if event == "surface":
            self.computing = False
            self.last = value
            self.surface_ready.emit(value)

    def _on_job_finished(self) -> None:
        """The worker is idle: a map still awaited will not come (cancelled, or for a state left)."""
        if self.computing:
            self.computing = False
            self.surface_ready.emit(None)

    # ---- what the panel reads --------------------------------------------------------------
    def parameter_name(self, index: int) -> str:
        """Parameter ``index``'s symbol as drawn (v₁₁, w₁₁, γ₁, θ₁, v⁽¹⁾₁₁)."""
        return parameter_spec(self._controller.network.layer_sizes, index).symbol.unicode

    def partner(self, p: int) -> int:
        """A second parameter to show with p: the first weight out of the unit p feeds (v_ih → w_h1; γ_h
        → w_h1), or in the output layer the unit's threshold (w_hj → θ_j; θ_j → w_1j)."""
        sizes = self._controller.network.layer_sizes
        spec, last = parameter_spec(sizes, p), len(sizes) - 1
        if spec.layer < last:
            q = parameter_index(sizes, spec.layer + 1, spec.target, 1)
        elif spec.kind == "weight":
            q = parameter_index(sizes, last, None, spec.target)
        else:
            q = parameter_index(sizes, last, 1, spec.target)
        return q if q != p else (p + 1) % self.n_parameters

    @property
    def n_parameters(self) -> int:
        return self._controller.network.n_parameters

    @property
    def selected_parameter(self) -> int:
        return self._controller.selected_parameter

    @property
    def running(self) -> bool:
        return self._controller.running

    @property
    def iteration(self) -> int:
        return self._controller.iteration

    # ---- intent ------------------------------------------------------------------------------
    def request(self, p: int, q: int, which: str = E_SET) -> SurfaceView | None:
        """The map of ``which`` over parameters p and q: returned (and announced) when quick, else computed
        in the worker (``computing``; announced when done) and None returned. A refused pair is a message."""
        self.computing = False
        try:
            view = self._controller.session.request_surface(p, q, which)
        except BpguiError as exc:
            self._controller.message.emit("error", localized(exc))
            return None
        self.computing = view is None and self._controller.job_running  # (not if it failed at once)
        return view

    def set_selection(self, index: int) -> None:
        """Select parameter ``index`` (as the table and the network do)."""
        self._controller.select_parameter(index)
