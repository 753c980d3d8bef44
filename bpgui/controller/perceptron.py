"""The perceptron lab's controller: a thin QObject adapter over :class:`PerceptronSession`.

Slots call the session; ``state_changed`` announces a new state (a step, step
back, reset, a new problem, rule or η) and ``running_changed`` Run starting
or pausing. Run is a timer here: about four steps a second, slow enough to
watch the line move, until convergence, a cycle or ``RUN_MAX_STEPS`` steps.
Any other action pauses a run first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..session.perceptron import PerceptronPicture, PerceptronSession

__all__ = ["RUN_INTERVAL_MS", "RUN_MAX_STEPS", "PerceptronController"]

RUN_INTERVAL_MS = 250  # about four steps a second
RUN_MAX_STEPS = 100  # a run stops after this many steps at the latest


class PerceptronController(QObject):
    """Slots in, signals out, for one :class:`PerceptronSession`."""

    state_changed = Signal()
    running_changed = Signal(bool)

    def __init__(self, session: PerceptronSession | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session if session is not None else PerceptronSession()
        self._run_steps = 0
        self._timer = QTimer(self)
        self._timer.setInterval(RUN_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    # ---- what the views read ------------------------------------------------------------
    @property
    def session(self) -> PerceptronSession:
        return self._session

    def picture(self) -> PerceptronPicture:
        return self._session.picture()

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    @property
    def run_interval(self) -> int:
        """Milliseconds between two steps of Run."""
        return self._timer.interval()

    @staticmethod
    def run_max_steps() -> int:
        return RUN_MAX_STEPS

    @property
    def can_run(self) -> bool:
        """Run would step: neither converged nor cycling."""
        return not self._session.finished

    # ---- slots ----------------------------------------------------------------------------------
    def set_problem(self, name: str) -> None:
        """"and", "or", "not" or "xor" (any case), from W = 0, θ = 0; ValueError for another name."""
        self.pause()
        self._session.set_problem(name)
        self.state_changed.emit()

    def set_rule(self, rule: str) -> None:
        self.pause()
        before = self._session.rule
        self._session.set_rule(rule)
        if self._session.rule != before:
            self.state_changed.emit()

    def set_learning_rate(self, eta: float) -> None:
        self.pause()
        self._session.set_learning_rate(eta)
        self.state_changed.emit()

    def set_run_interval(self, milliseconds: int) -> None:
        self._timer.setInterval(max(0, int(milliseconds)))

    def step(self) -> None:
        """One application of the rule (pauses a run); nothing once converged."""
        self.pause()
        if self._session.step():
            self.state_changed.emit()

    def step_back(self) -> None:
        """Undo the last step exactly (pauses a run)."""
        self.pause()
        if self._session.step_back():
            self.state_changed.emit()

    def reset(self) -> None:
        """Back to W = 0, θ = 0, t = 0 (pauses a run)."""
        self.pause()
        self._session.reset()
        self.state_changed.emit()

    def run(self) -> None:
        """Step with the timer until convergence, a cycle or RUN_MAX_STEPS steps."""
        if self.is_running:
            return
        self._run_steps = 0
        if self._finished():
            return
        self._timer.start()
        self.running_changed.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.running_changed.emit(False)

    def toggle_run(self) -> None:
        if self.is_running:
            self.pause()
        else:
            self.run()

    # ---- the timer ----------------------------------------------------------------------------------
    def _finished(self) -> bool:
        return self._session.finished or self._run_steps >= RUN_MAX_STEPS

    def _on_timer_timeout(self) -> None:
        if self._finished():
            self.pause()
            return
        stepped = self._session.step()
        self._run_steps += 1
        if self._finished():
            self._timer.stop()  # quietly: one running_changed after the state is announced
            if stepped:
                self.state_changed.emit()
            self.running_changed.emit(False)
        elif stepped:
            self.state_changed.emit()
