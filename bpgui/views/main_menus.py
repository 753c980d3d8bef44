"""The main window's toolbar and menus, built from the actions the window made.

Separate from the window so it reads as a list of what is where; the texts
stay in the window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QLabel, QSlider, QSpinBox, QToolBar

from ..controller import SPEEDS
from ..model.text import fill
from .language import LANGUAGES, SYSTEM

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate

#: The Examples menu's worked examples (keys of the session's EXAMPLES).
EXAMPLE_KEYS = ("xor", "watermelon3.0", "watermelon3.0alpha")
PERCEPTRON_PROBLEMS = ("AND", "OR", "NOT", "XOR")


def build_toolbar(window: MainWindow) -> None:
    """Step, run, back and reset; the phases; the speed and the seed."""
    bar = QToolBar(translate("MainWindow", "Training"))
    bar.setObjectName("training_toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for a in (window.step_action, window.step_epoch_action, window.run_action, window.back_action,
              window.reset_action):
        bar.addAction(a)
    bar.addSeparator()
    for a in (window.phase_back_action, window.phase_action, window.play_phases_action):
        bar.addAction(a)
    run_button = bar.widgetForAction(window.run_action)
    metrics = run_button.fontMetrics()
    run_button.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in (
        translate("MainWindow", "Run"), translate("MainWindow", "Pause"))) + 24)
    bar.addSeparator()
    bar.addWidget(QLabel(translate("MainWindow", " Speed ")))
    window.speed = QSlider(Qt.Orientation.Horizontal)
    window.speed.setRange(0, len(SPEEDS) - 1)
    window.speed.setPageStep(1)
    window.speed.setFixedWidth(110)
    window.speed.setValue(len(SPEEDS) - 1)
    window.speed_label = QLabel()
    window.speed_label.setMinimumWidth(64)
    bar.addWidget(window.speed)
    bar.addWidget(window.speed_label)
    bar.addSeparator()
    bar.addWidget(QLabel(translate("MainWindow", " Seed ")))
    window.seed = QSpinBox()
    window.seed.setRange(0, 2**31 - 1)
    window.seed.setToolTip(translate("MainWindow", "Every random choice (initial weights, sample order, split) "
                                                   "follows this seed"))
    bar.addWidget(window.seed)
    window.addToolBar(bar)
    window.toolbar = bar


def build_menus(window: MainWindow, language: str) -> None:
    """File, Edit, Train, View, Examples, Language (``language``: the choice in force) and Help."""
    menus = window.menuBar()
    file_menu = menus.addMenu(translate("MainWindow", "&File"))
    for a in (window.open_action, window.save_action, window.import_action):
        file_menu.addAction(a)
    file_menu.addSeparator()
    for a in (window.export_table_action, window.export_topology_action, window.export_plot_action):
        file_menu.addAction(a)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
    edit_menu.addAction(window.undo_action)
    train_menu = menus.addMenu(translate("MainWindow", "&Train"))
    for a in (window.step_action, window.step_epoch_action, window.run_action, window.back_action,
              window.reset_action):
        train_menu.addAction(a)
    train_menu.addSeparator()
    for a in (window.phase_action, window.phase_back_action, window.play_phases_action, window.per_output_action):
        train_menu.addAction(a)
    view_menu = menus.addMenu(translate("MainWindow", "&View"))
    for a in (window.labels_action, window.dummy_action, window.fit_action, window.zoom_in_action,
              window.zoom_out_action):
        view_menu.addAction(a)
    view_menu.addSeparator()
    view_menu.addAction(window.check_action)
    view_menu.addSeparator()
    view_menu.addAction(window.settings_dock.toggleViewAction())

    examples = menus.addMenu(translate("MainWindow", "E&xamples"))
    titles = {
        "xor": translate("MainWindow", "The note's XOR network (2-2-1, standard BP)"),
        "watermelon3.0": translate("MainWindow", "Exercise 5.5: watermelon 3.0, standard vs accumulated BP"),
        "watermelon3.0alpha": translate("MainWindow", "Exercise 5.5: watermelon 3.0α, standard vs accumulated BP"),
    }
    window.example_actions = {}
    for key in EXAMPLE_KEYS:
        action = examples.addAction(titles[key])
        action.triggered.connect(lambda _=False, k=key: window.load_example(k))
        window.example_actions[key] = action
    examples.addSeparator()
    for problem in PERCEPTRON_PROBLEMS:
        action = examples.addAction(fill(translate("MainWindow", "Perceptron: %1"), problem))
        action.triggered.connect(lambda _=False, p=problem: window.show_perceptron(p))
        window.example_actions[f"perceptron_{problem.lower()}"] = action
    window.examples_menu = examples

    language_menu = menus.addMenu(translate("MainWindow", "&Language"))
    group = QActionGroup(window)
    window.language_actions = {}
    for choice, text in ((SYSTEM, translate("MainWindow", "System default")), *LANGUAGES.items()):
        action = language_menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(choice == language)
        group.addAction(action)
        action.triggered.connect(lambda _=False, ch=choice: window.set_language(ch))
        window.language_actions[choice] = action
    help_menu = menus.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(window.about_action)
