"""Stepping one iteration in the note's phases: forward, error, gradients back, update.

The phases walk through an iteration computed ahead (its record); only the
update phase applies it, with exactly the numbers that were shown. Phase back
works inside an iteration and across into the one before.
"""

from __future__ import annotations

from ..model.errors import BpguiError
from ..model.phases import PhaseView, phase_views
from .core import SessionCore
from .messages import QT_TRANSLATE_NOOP


class PhaseSteps(SessionCore):
    """The phase cursor of a session."""

    @property
    def phase_plan(self) -> tuple[PhaseView, ...]:
        """Every phase of one iteration, in order (its length depends on the network and on per_output)."""
        return tuple(self._phase_views)

    @property
    def per_output(self) -> bool:
        return self._per_output

    def _phase_is_update(self) -> bool:
        return self._phase is not None and self._phase == len(self._phase_views) - 1

    def set_per_output(self, on: bool) -> None:
        """Follow one output component j at a time in the backward phases (as the note draws it)."""
        if bool(on) == self._per_output:
            return
        self._per_output = bool(on)
        old_views = self._phase_views
        self._phase_views = phase_views(self.network.layer_sizes, per_output=self._per_output)
        if self._phase is not None:
            old_kind = old_views[self._phase].phase.kind
            if old_kind == "update":
                self._phase = len(self._phase_views) - 1
            elif old_kind not in ("forward", "error"):
                # Mid-backward the two plans differ: start the backward pass again, revealing nothing new.
                self._phase = next(i for i, v in enumerate(self._phase_views) if v.phase.kind == "error")
        self._emit("state")

    def step_phase(self) -> None:
        """The next phase: forward layer by layer, the error, the gradients back, the update."""
        self.pause()
        last = len(self._phase_views) - 1
        if self._phase is None or self._phase == last:
            # Start the next iteration: its numbers are computed now and revealed phase by phase.
            try:
                record = self._trainer.preview()
            except BpguiError as exc:
                self._refuse(exc)
                return
            self._phase_record, self._phase = record, 0
        elif self._phase == last - 1:
            # The update phase applies the iteration: the trainer computes exactly what was shown.
            if not self._guarded(self._trainer.step):
                return
            self._phase_record, self._phase = self._trainer.last_record, last
            self._emit("history")
        else:
            self._phase += 1
        self._emit("state")

    def step_phase_back(self) -> None:
        """The previous phase, inside an iteration or back into the one before."""
        self.pause()
        last = len(self._phase_views) - 1
        trainer = self._trainer
        if self._phase is None:
            if trainer.iteration == 0:
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "Already at iteration 0."))
                return
            # From a whole iteration t back to its last phase before the update.
            self._guarded(trainer.step_back)
            self._phase_record, self._phase = trainer.preview(), last - 1
        elif self._phase == last:
            self._guarded(trainer.step_back)
            self._phase = last - 1
        elif self._phase == 0:
            # Back across to the update of the iteration before, as it was shown going forward.
            record = trainer.last_record
            if trainer.iteration > 0 and record is not None and self.shows_current_parameters(record):
                self._phase_record, self._phase = record, last
            else:
                self._phase = None
        else:
            self._phase -= 1
        self._emit("state")
