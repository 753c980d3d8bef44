"""The Lesson panel: a dock that walks a lesson (``session.lessons``) step by step.

Help → Lessons lists the shipped lessons (``resources/lessons``), File → Open lesson… opens a teacher's.
Each step sets the run through the controller (``controller.lessons.LessonController``); the panel sets the
window's part: the right-hand tab, the perceptron lab and Practice → Predict. Back and Next are exact: a
step visited before comes back as the learner left it. Closing the panel ends the lesson and brings back
the run the learner had before it. The lesson follows the controller, so a language switch (a new window)
shows the same step in the new language.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..controller.lessons import BEFORE, LessonController
from ..model.text import fill
from ..paths import resource_path
from .dock_title import DockTitle
from .language import current_language

if TYPE_CHECKING:
    from ..session.lessons import LessonStep
    from .main_window import MainWindow

__all__ = ["LessonDock", "attach", "begin", "fill_lessons_menu", "lessons_of", "open_lesson", "shipped_lessons",
           "step_html"]

translate = QCoreApplication.translate
CARRIED = -2  # view_state's key for the window's part carried into a new window (a language switch)
PERCEPTRON_RULE = "batch"  # with η = 1: the rule and rate a lesson's perceptron numbers are computed with


def lessons_of(window: MainWindow) -> LessonController:
    """The lesson controller of the window's controller (made on first use; it outlives the window)."""
    found = window.controller.findChild(LessonController)
    return found if isinstance(found, LessonController) else LessonController(window.controller)


def shipped_lessons() -> list[Path]:
    try:
        return sorted(resource_path("lessons").glob("*.json"))
    except FileNotFoundError:
        return []


def step_html(text: str) -> str:
    """A lesson's text as the panel shows it: paragraphs (blank lines between) and "- " bullets, escaped."""
    out: list[str] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            out.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return "".join(out)


class LessonDock(QDockWidget):
    """See the module."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lesson_dock")
        self.setTitleBarWidget(DockTitle(self))
        self._window = window
        self._lessons = lessons_of(window)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        buttons = QHBoxLayout()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.restart_button = QPushButton()
        for button in (self.back_button, self.next_button):
            buttons.addWidget(button)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.restart_button)
        self.setWidget(body)
        self.back_button.clicked.connect(lambda: self._lessons.go(self._lessons.index - 1))
        self.next_button.clicked.connect(lambda: self._lessons.go(self._lessons.index + 1))
        self.restart_button.clicked.connect(self._lessons.restart)
        self._lessons.changed.connect(self._on_lesson_changed)
        self._lessons.leaving.connect(self._on_leaving)
        window.installEventFilter(self)  # the window closing for another language: what it shows goes on
        self._closing_ends = True
        # Beside the settings, as a tab: the lesson sets them, and the network keeps its room (at 1024 × 768 a
        # dock of its own left the drawing a third of its width).
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        window.tabifyDockWidget(window.settings_dock, self)
        self._update_texts()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_texts()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # the dock's close button: the lesson ends, the learner's run is back
        if self._closing_ends and self._lessons.lesson is not None:
            self._lessons.end()
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            if self._lessons.lesson is not None:
                self._lessons.view_state[CARRIED] = window_part(self._window)  # a language switch's next window
            if getattr(self._window, "_closing_for_language", False):
                self.retire()  # the lesson goes on in the next window
        return super().eventFilter(watched, event)

    def retire(self) -> None:
        """The window goes (a language switch): the lesson goes on in the next one, its window part too."""
        self._closing_ends = False
        self._lessons.changed.disconnect(self._on_lesson_changed)
        self._lessons.leaving.disconnect(self._on_leaving)

    def _on_leaving(self, index: int) -> None:
        self._lessons.view_state[index] = window_part(self._window)

    def _update_texts(self) -> None:
        self.back_button.setText(translate("MainWindow", "◀ &Back"))
        self.next_button.setText(translate("MainWindow", "&Next ▶"))
        self.restart_button.setText(translate("MainWindow", "Start this step &again"))
        self.restart_button.setToolTip(translate("MainWindow", "This step as the lesson sets it; what you did "
                                                               "here is forgotten"))
        self._show_step()

    def _on_lesson_changed(self) -> None:
        lessons = self._lessons
        self._show_step()
        step, kept = lessons.step, lessons.view_state
        if step is None:  # the lesson ended: the window as it was before, if the run came back too
            before = kept.pop(BEFORE, None)
            if lessons.restored and before is not None:
                set_window_part(self._window, before)
                # What the lesson's steps loaded (an example, the exercise) went with it: say so.
                self._window.show_message("info", translate("MainWindow", "The lesson is closed: your own run "
                                                                          "from before it is back."))
            kept.clear()
        elif lessons.restored and lessons.index in kept:
            set_window_part(self._window, kept[lessons.index])
        else:
            self._set_window_part(step)

    def _show_step(self) -> None:
        lesson, step, index = self._lessons.lesson, self._lessons.step, self._lessons.index
        if lesson is None or step is None:
            self.hide()
            return
        language = current_language()
        n = len(lesson.steps)
        # The tab's title is short: a long one widened the dock (and the window) to hold it.
        self.setWindowTitle(fill(translate("MainWindow", "Lesson %1/%2"), index + 1, n))
        self.heading.setText(f"<b>{html.escape(lesson.title_in(language))}</b><br>"
                             + html.escape(fill(translate("MainWindow", "Step %1 of %2: %3"), index + 1, n,
                                                step.title.get(language) or step.title["en"])))
        self.text.setHtml(step_html(step.text.get(language) or step.text["en"]))
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < n - 1)
        if not self.isVisible():
            self.show()
            self.raise_()  # its tab in front when the lesson begins; the learner may then choose the settings
            if self._window.settings_folded:  # its notice (in the banner) is stale: the lesson has the place now
                self._window.banner.hide()

    def _set_window_part(self, step: LessonStep) -> None:
        """What a step sets in the window: the tab, the perceptron lab, Practice → Predict."""
        w, state = self._window, step.state
        if state.tab is not None:
            w.right_tabs.setCurrentWidget(w.plot if state.tab == "curve" else w.decision_map)
        if state.perceptron is not None:
            w.show_perceptron(state.perceptron.upper())
            if w.perceptron is not None:
                w.perceptron.lab.set_rule(PERCEPTRON_RULE)  # the lab as the note runs it (the texts' numbers)
                w.perceptron.lab.set_learning_rate(1.0)
                for _ in range(state.perceptron_steps):
                    w.perceptron.lab.step()
        elif w.perceptron is not None:
            w.perceptron.hide()
        if w.predict_action.isChecked() != state.predict:
            w.predict_action.trigger()


def attach(window: MainWindow) -> LessonDock:
    """The window's lesson dock (made once per window); it shows the lesson being followed, if any, with the
    window's part the window before it had (a language switch)."""
    dock = window.findChild(LessonDock)
    if not isinstance(dock, LessonDock):
        dock = LessonDock(window)
    dock._show_step()
    if lessons_of(window).lesson is not None:  # once the window it replaces has closed (set_language)
        QTimer.singleShot(0, window, lambda: _carry(window))
    return dock


def _carry(window: MainWindow) -> None:
    carried = lessons_of(window).view_state.pop(CARRIED, None)
    if carried is not None:
        set_window_part(window, carried)


@dataclass(frozen=True)
class WindowPart:
    """What a lesson step sets in the window, as the window shows it: the tab, Predict, the perceptron lab
    (its problem, rule, η and iteration: the lab's run is a function of them, so it comes back exactly)."""

    tab: int
    predict: bool
    lab: tuple[str, str, float, int] | None


def window_part(window: MainWindow) -> WindowPart:
    lab = window.perceptron.lab if window.perceptron is not None and window.perceptron.isVisible() else None
    return WindowPart(window.right_tabs.currentIndex(), window.predict_action.isChecked(),
                      None if lab is None else (lab.problem, lab.rule, lab.learning_rate, lab.iteration))


def set_window_part(window: MainWindow, part: WindowPart) -> None:
    window.right_tabs.setCurrentIndex(part.tab)
    if window.predict_action.isChecked() != part.predict:
        window.predict_action.trigger()
    if part.lab is None:
        if window.perceptron is not None:
            window.perceptron.hide()
        return
    problem, rule, eta, t = part.lab
    window.show_perceptron(problem.upper())
    if window.perceptron is not None:
        lab = window.perceptron.lab
        lab.set_rule(rule)
        lab.set_learning_rate(eta)
        for _ in range(t):
            lab.step()


def begin(window: MainWindow, path: str | Path) -> bool:
    """Follow the lesson in ``path`` from its first step; a refused file says why and changes nothing."""
    lesson = LessonController.read(str(path))
    if isinstance(lesson, str):
        window.show_message("error", lesson)
        return False
    attach(window)
    return lessons_of(window).begin(lesson)


def open_lesson(window: MainWindow) -> None:
    """File → Open lesson…: a lesson file a teacher wrote."""
    path, _ = QFileDialog.getOpenFileName(window, translate("MainWindow", "Open lesson"), "",
                                          translate("MainWindow", "bpgui lessons (*.json)"))
    if path:
        begin(window, path)


def fill_lessons_menu(window: MainWindow, menu: QMenu) -> None:
    """Help → Lessons: the shipped lessons by title, in the window's language."""
    menu.clear()
    language = current_language()
    for path in shipped_lessons():
        lesson = LessonController.read(str(path))
        if isinstance(lesson, str):
            continue  # a shipped lesson always reads (tests/session/test_lessons_shipped.py)
        action = menu.addAction(lesson.title_in(language))
        action.triggered.connect(lambda _=False, p=path: begin(window, p))
    menu.addSeparator()
    menu.addAction(window.open_lesson_action)
