"""The lesson followed in the window (``session.lessons.LessonWalk``), as a thin Qt adapter.

The session part of a step (its run, iterations, phases, selection) is set here through the session; the
window's part (the tab, the perceptron lab, Predict) is the lesson panel's, on ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..model.errors import BpguiError
from ..session.lessons import Lesson, LessonStep, LessonWalk, read_lesson
from .training import TrainingController, localized

__all__ = ["LessonController"]


class LessonController(QObject):
    changed = Signal()  # a lesson began, moved to another step or ended

    def __init__(self, controller: TrainingController) -> None:
        super().__init__(controller)
        self._controller = controller
        self._walk: LessonWalk | None = None

    @staticmethod
    def read(path: str) -> Lesson | str:
        """A lesson file, or the reason it is refused (in the learner's language)."""
        try:
            return read_lesson(path)
        except BpguiError as exc:
            return localized(exc)

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
        """Follow ``lesson`` from its first step (a lesson followed before ends first)."""
        self.end()
        self._walk = LessonWalk(self._controller.session, lesson)
        if not self._walk.go(0):
            self._walk = None
            return False
        self.changed.emit()
        return True

    def go(self, index: int) -> bool:
        done = self._walk is not None and self._walk.go(index)
        if done:
            self.changed.emit()
        return done

    def restart(self) -> bool:
        done = self._walk is not None and self._walk.restart()
        if done:
            self.changed.emit()
        return done

    def end(self, restore: bool = True) -> None:
        """Stop following the lesson; ``restore``: the run the learner had before it comes back."""
        walk, self._walk = self._walk, None
        if walk is not None:
            if restore:
                walk.close()
            self.changed.emit()
