"""The runs of the session side by side (issue 14, ``session.forking``), as a thin Qt adapter.

A child of the :class:`~.training.TrainingController` (``controller.findChild(RunsController)``), made on
first use by the Runs panel; it outlives a window rebuilt for another language, as the training controller
does. It listens to the session itself for the two events the training controller does not know ("runs":
a run forked, shown, closed, renamed or trained; "difference": two runs' parameters at the same t) and to the
training controller's ``history_changed`` and ``state_changed`` (the run shown moved), and turns them into
its own signals. Its slots are the session's calls, named for what the learner wants.

=====================  ==================================================
signal                 when
=====================  ==================================================
``runs_changed``       a run was forked, shown, closed, renamed or trained
``shown_run_moved``    the run shown stepped, went back or grew its history
``difference_ready``   (RunDifference) two runs' parameters at the same t
=====================  ==================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..model.errors import BpguiError
from ..session.forking import MAX_RUNS, RunCurve, RunDifference
from ..session.settings import MODE_NAMES
from .training import TrainingController, localized, translated

if TYPE_CHECKING:
    from ..session.settings import Settings

__all__ = ["MAX_RUNS", "RunsController", "runs_of"]


class RunsController(QObject):
    runs_changed = Signal()
    shown_run_moved = Signal()
    difference_ready = Signal(object)

    def __init__(self, controller: TrainingController) -> None:
        super().__init__(controller)
        self._controller = controller
        self._session = controller.session
        self._session.subscribe(self._on_session_event)
        controller.history_changed.connect(self.shown_run_moved)
        controller.state_changed.connect(self.shown_run_moved)

    def _on_session_event(self, event: str, value: Any) -> None:
        if event == "runs":
            self.runs_changed.emit()
        elif event == "difference":
            self.difference_ready.emit(value)

    # ---- what the panel reads -----------------------------------------------------------------
    @property
    def controller(self) -> TrainingController:
        return self._controller

    @property
    def run_count(self) -> int:
        return self._session.run_count

    @property
    def shown_run(self) -> int:
        return self._session.shown_run

    def curves(self) -> list[RunCurve]:
        """Every run's E per finished epoch (by iteration and by epoch), its t, end, settings and origin."""
        return self._session.run_curves()

    def target_text(self, by_epoch: bool = False) -> str:
        """Which run reached its target error first, and when, in the learner's language ("" for one run)."""
        line = self._session.target_line(by_epoch)
        return "" if line is None else translated(line)

    # ---- intent -------------------------------------------------------------------------------
    def fork(self, settings: Settings | None = None, name: str | None = None, at_start: bool = False) -> bool:
        """Fork the run shown here (a change of activation or loss, or ``at_start``: from t = 0); a refusal
        is said as a message."""
        return self._session.fork_here(settings, name, at_start)

    def show_run(self, index: int) -> bool:
        return self._session.show_run(index)

    def close_run(self, index: int) -> bool:
        return self._session.close_run(index)

    def rename_run(self, index: int, name: str) -> bool:
        return self._session.rename_run(index, name)

    def train_all(self, epochs: int, stop_at_target: bool = False) -> None:
        """Every run to ``epochs`` finished epochs, side by side (one job in the worker)."""
        self._session.train_runs(int(epochs), stop_at_target)

    def compare_modes(self, epochs: int | None = None) -> bool:
        """Exercise 5.5: standard and accumulated BP from iteration 0's weights, trained to the same epoch."""
        names = {mode: QCoreApplication.translate("TrainingController", MODE_NAMES[mode])
                 for mode in ("standard", "accumulated")}
        return self._session.compare_modes_as_runs(epochs, names)

    def request_difference(self, a: int, b: int, t: int | None = None) -> RunDifference | None:
        """Runs ``a`` and ``b``'s parameters after iteration ``t``: ``difference_ready`` brings them (now, or
        when the worker has replayed them: then None is returned). A refused request is said as a message."""
        try:
            return self._session.request_difference(a, b, t)
        except BpguiError as exc:
            self._controller.message.emit("error", localized(exc))
            return None


def runs_of(controller: TrainingController) -> RunsController:
    """The runs controller of ``controller`` (made on first use; it lives as long as the controller)."""
    found = controller.findChild(RunsController)
    return found if isinstance(found, RunsController) else RunsController(controller)
