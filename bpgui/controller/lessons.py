"""The lesson followed in the window (``session.lessons.LessonWalk``), as a thin Qt adapter.

The session part of a step (its run, iterations, phases, selection) is set here through the session; the
window's part (the tab, the perceptron lab, Predict) is the lesson panel's: it keeps what the window showed
when a step was left in ``view_state`` (opaque here), and ``leaving`` asks for it before every move.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..model.errors import BpguiError
from ..model.text import fill
from ..session.lessons import Lesson, LessonStep, LessonWalk, read_lesson
from ..session.session_files import lesson_trainer
from .training import TrainingController, localized

__all__ = ["BEFORE", "LessonController"]

BEFORE = -1  # ``leaving``'s index for the window as it was before the lesson began


class LessonController(QObject):
    changed = Signal()  # a lesson began, moved to another step or ended
    leaving = Signal(int)  # about to leave this step (BEFORE: to begin): the panel keeps the window's part

    def __init__(self, controller: TrainingController) -> None:
        super().__init__(controller)
        self._controller = controller
        self._walk: LessonWalk | None = None
        self.view_state: dict[int, Any] = {}  # step (or BEFORE) → the window's part as it was left
        self.restored = False  # the last move brought a step back as it was left (not as the lesson sets it)

    @staticmethod
    def read(path: str) -> Lesson | str:
        """A lesson file whose every step can be set, or the reason it is refused (in the learner's language)."""
        try:
            lesson = read_lesson(path)
        except BpguiError as exc:
            return localized(exc)
        for n, step in enumerate(lesson.steps):
            try:
                lesson_trainer(step.state)
            except BpguiError as exc:
                return fill(QCoreApplication.translate("Errors", "%1: %2: %3"), path, f"steps[{n}].state",
                            localized(exc))
        return lesson

    @property
    def lesson(self) -> Lesson | None:
        return None if self._walk is None else self._walk.lesson

    @property
    def index(self) -> int:
        return -1 if self._walk is None else self._walk.index

    @property
    def step(self) -> LessonStep | None:
        return None if self._walk is None or self._walk.index < 0 else self._walk.step

    def begin(self, lesson: Lesson) -> bool:
        """Follow ``lesson`` from its first step. A lesson followed before gives way to it, and the learner's
        run from before that one is the one closing this brings back."""
        carried = self._walk
        if carried is None:
            self.view_state = {}
            self.leaving.emit(BEFORE)
        else:  # the window as it was before the first lesson stays the one to come back to
            self.view_state = {BEFORE: self.view_state[BEFORE]} if BEFORE in self.view_state else {}
        walk = LessonWalk(self._controller.session, lesson, carried)
        if not walk.keeps_learners_run:
            self._controller.message.emit("info", QCoreApplication.translate(
                "TrainingController", "Your run cannot be kept while the lesson goes on (its data file changed on "
                                      "disk): closing the lesson will not bring it back."))
        self.restored = False
        if not walk.go(0):
            return False
        self._walk = walk
        self.changed.emit()
        return True

    def go(self, index: int) -> bool:
        walk = self._walk
        if walk is None or not 0 <= index < len(walk.lesson.steps) or self._controller.job_running:
            return False  # (a step still being replayed: the next move waits for it)
        self.leaving.emit(walk.index)
        self.restored = walk.visited(index)
        done = walk.go(index)
        if done:
            self.changed.emit()
        return done

    def restart(self) -> bool:
        done = self._walk is not None and self._walk.restart()
        if done:
            self.view_state.pop(self.index, None)
            self.restored = False
            self.changed.emit()
        return done

    def end(self, restore: bool = True) -> None:
        """Stop following the lesson; ``restore``: the run (and the window's part) from before it come back."""
        walk, self._walk = self._walk, None
        if walk is not None:
            self.restored = restore and walk.keeps_learners_run
            if self.restored:
                walk.close()
            self.changed.emit()

