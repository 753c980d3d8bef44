"""The main window's actions, toolbar and menus, built for the window.

Separate from the window so it reads as a list of what is where; the texts
stay in the window's translation context ("MainWindow").

Why one module (over 500 lines): it is one list, every action and where it sits; what the actions do
lives in the modules they call (main_files, session_menu, lesson_panel, handout_export, user_guide).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSlider, QSpinBox, QToolBar, QToolButton

from ..controller import SPEEDS
from ..model.practice.easy import COMPARE, LEVELS, SIGN, VALUE
from ..model.practice.worksheet import (
    ERROR,
    GRADIENT,
    HIDDEN_DELTA,
    NET,
    NEW,
    OUTPUT,
    OUTPUT_DELTA,
    UPDATE,
)
from ..model.text import fill
from . import handout_export, lesson_panel, main_files, runs_panel, session_menu, user_guide
from .icons import icon, icon_px, texts_that_fit
from .language import LANGUAGES, SYSTEM
from .view_options import DIGIT_CHOICES, TEXT_SCALES

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate

#: The Examples menu's worked examples (keys of the session's EXAMPLES).
EXAMPLE_KEYS = ("xor", "watermelon3.0", "watermelon3.0alpha")
PERCEPTRON_PROBLEMS = ("AND", "OR", "NOT", "XOR")
#: Run's first speed: a class can follow about ten iterations a second (the learner's choice is remembered).
FIRST_SPEED = 10


class WindowParts:
    """What :func:`make_actions`, :func:`build_toolbar` and :func:`build_menus` add to the main window."""

    step_action: QAction
    step_epoch_action: QAction
    run_action: QAction
    back_action: QAction
    reset_action: QAction
    phase_action: QAction
    phase_back_action: QAction
    play_phases_action: QAction
    check_action: QAction
    per_output_action: QAction
    worksheet_action: QAction
    predict_action: QAction
    plant_bug_action: QAction
    name_bug_action: QAction
    remove_bug_action: QAction
    open_action: QAction
    save_action: QAction
    open_any_action: QAction
    save_session_action: QAction
    save_session_as_action: QAction
    recent_menu: QMenu
    lessons_menu: QMenu
    guide_action: QAction
    export_worksheet_action: QAction
    export_blank_worksheet_action: QAction
    shortcuts_action: QAction
    open_lesson_action: QAction
    fork_action: QAction
    runs_action: QAction  # View → Runs (runs_panel.attach)
    import_action: QAction
    export_table_action: QAction
    export_topology_action: QAction
    export_plot_action: QAction
    export_map_action: QAction
    quit_action: QAction
    labels_action: QAction
    dummy_action: QAction
    unit_maps_action: QAction
    fit_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    about_action: QAction
    undo_action: QAction
    larger_text_action: QAction
    smaller_text_action: QAction
    reset_text_action: QAction
    presentation_action: QAction
    leave_presentation_action: QAction
    speed: QSlider
    speed_title: QLabel
    speed_label: QLabel
    seed: QSpinBox
    seed_separator: QAction
    seed_widgets: tuple[QAction, ...]
    toolbar: QToolBar
    example_actions: dict[str, QAction]
    predict_choices: dict[tuple[str, str | None], QAction]
    examples_menu: QMenu
    language_actions: dict[str, QAction]
    text_scale_actions: dict[float, QAction]
    text_size_menu: QMenu
    digits_actions: dict[int, QAction]
    digits_menu: QMenu


def plain_text(text: str) -> str:
    """A menu text as a button or tooltip shows it: no mnemonic ("&Open…", "打开网络(&O)…" → "Open", "打开网络")."""
    text = re.sub(r"\s*[(（]&[^)）][)）]", "", text)  # a translation's "(&O)"
    text = re.sub(r"&(.)", r"\1", text)  # "&x" → "x", "&&" → "&"
    return text.removesuffix("…").removesuffix("...").strip()


def make_action(window: MainWindow, text: str, slot, shortcuts=(), tip: str = "", checkable: bool = False) -> QAction:
    action = QAction(text, window)
    # Buttons and tooltips show the name without its menu mnemonic ("单步", not "单步(S)").
    action.setIconText(plain_text(text))
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        tip = f"{tip or plain_text(text)} ({keys})"
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.setCheckable(checkable)
    if checkable:
        action.toggled.connect(slot)
    else:
        action.triggered.connect(slot)
    window.addAction(action)
    return action


def make_actions(window: MainWindow) -> None:
    """Every action of the menus and the toolbar, as attributes of ``window``."""
    c, w = window.controller, window

    def act(text, slot, shortcuts=(), tip="", checkable=False):
        return make_action(window, text, slot, shortcuts, tip, checkable)

    w.step_action = act(
        translate("MainWindow", "&Step"), c.step, ("Ctrl+Right", "F10"),
        translate("MainWindow", "One iteration: one sample, one pass or one batch"))
    w.step_epoch_action = act(
        translate("MainWindow", "Step &epoch"), c.step_epoch, ("Ctrl+Shift+Right",),
        translate("MainWindow", "Iterate to the end of the epoch"))
    w.run_action = act(
        translate("MainWindow", "&Run"), c.set_running, ("Ctrl+Space", "F5"),
        translate("MainWindow", "Run / pause"), checkable=True)
    w.back_action = act(
        translate("MainWindow", "Step &back"), c.step_back, ("Ctrl+Left", "Shift+F10"),
        translate("MainWindow", "Undo one iteration, exactly"))
    w.reset_action = act(
        translate("MainWindow", "Rese&t"), c.reset, ("Ctrl+Shift+R",),
        translate("MainWindow", "Back to iteration 0: its weights (with any you set there by hand) "
                                "and the settings shown"))
    w.phase_action = act(
        translate("MainWindow", "Step &phase"), c.step_phase, ("Ctrl+Down", "F9"),
        translate("MainWindow", "The next phase of the iteration: forward, error, gradients, update"))
    w.phase_back_action = act(
        translate("MainWindow", "Phase bac&k"), c.step_phase_back, ("Ctrl+Up", "Shift+F9"),
        translate("MainWindow", "The previous phase, inside an iteration too"))
    w.play_phases_action = act(
        translate("MainWindow", "Pla&y phases"), w._on_play_phases_toggled, ("Ctrl+P",),
        translate("MainWindow", "Animate the phases, one after another"), checkable=True)
    w.check_action = act(
        translate("MainWindow", "&Gradient check column"), w._on_check_toggled, ("Ctrl+G",),
        translate("MainWindow", "Estimate every ∂E/∂p by finite differences on this iteration's "
                                "sample and show the relative error"), checkable=True)
    w.per_output_action = act(
        translate("MainWindow", "Follow one &output at a time"), c.set_per_output,
        tip=translate("MainWindow", "Backward phases take the outputs one by one, as the "
                                    "note draws them: each hidden unit is reached l times"), checkable=True)
    w.worksheet_action = act(
        translate("MainWindow", "&Worksheet…"), w.show_worksheet, ("Ctrl+Shift+W",),
        translate("MainWindow", "Compute the next iteration yourself, cell by cell, checked as you press Enter"))
    w.predict_action = act(
        translate("MainWindow", "&Predict before each phase"), w.set_predicting, ("Ctrl+Shift+P",),
        translate("MainWindow", "Step phase first asks you to predict a value the phase will show"),
        checkable=True)
    w.plant_bug_action = act(
        translate("MainWindow", "Find the &bug: plant one"), lambda: c.plant_bug(), ("Ctrl+Shift+B",),
        translate("MainWindow", "Train from iteration 0 with one wrong rule in the backward pass (which one "
                                "is for you to find); the real run is kept"))
    w.name_bug_action = act(translate("MainWindow", "&Name the bug…"), w.name_bug)
    w.remove_bug_action = act(translate("MainWindow", "&Remove the bug"), c.remove_bug,
                              tip=translate("MainWindow", "Back to the real backward pass and the run as it was"))
    keys = QKeySequence.StandardKey
    w.open_any_action = act(translate("MainWindow", "&Open…"), lambda: session_menu.open_file(w), (keys.Open,),
                            translate("MainWindow", "Open a session, a network or a CSV data file"))
    w.save_session_action = act(translate("MainWindow", "&Save session"), lambda: session_menu.save_session(w),
                                (keys.Save,), translate("MainWindow", "The whole run: settings, data, network, "
                                                                      "changes and the iteration shown"))
    w.save_session_as_action = act(translate("MainWindow", "Save session &as…"),
                                   lambda: session_menu.save_session(w, choose=True), ("Ctrl+Shift+S",))
    w.open_action = act(translate("MainWindow", "Open &network…"), lambda: main_files.open_network(w))
    w.save_action = act(translate("MainWindow", "Save net&work…"), lambda: main_files.save_network(w))
    w.import_action = act(translate("MainWindow", "&Import CSV data…"), w.import_data, ("Ctrl+I",))
    w.export_table_action = act(translate("MainWindow", "Export &table as CSV…"),
                                lambda: main_files.export_table(w))
    w.export_topology_action = act(translate("MainWindow", "Export &network picture (PNG/SVG)…"),
                                   lambda: main_files.export_picture(w, "network"))
    w.export_plot_action = act(translate("MainWindow", "Export error &curve (PNG/SVG)…"),
                               lambda: main_files.export_picture(w, "error"))
    w.export_worksheet_action = act(translate("MainWindow", "Export &worksheet (PDF/HTML)…"),
                                    lambda: handout_export.export_worksheet(w),
                                    tip=translate("MainWindow", "The iteration shown laid out in the note's "
                                                                "notation, every number filled in"))
    w.export_blank_worksheet_action = act(translate("MainWindow", "Export &blank worksheet with answer key…"),
                                          lambda: handout_export.export_worksheet(w, blank=True))
    w.export_map_action = act(translate("MainWindow", "Export &map picture (PNG/SVG)…"),
                              lambda: main_files.export_picture(w, "map"))
    w.quit_action = act(translate("MainWindow", "&Quit"), w.close, (keys.Quit,))
    w.labels_action = act(translate("MainWindow", "Show &values on the network"), w.topology.set_value_labels,
                          checkable=True)
    w.labels_action.setChecked(True)
    w.dummy_action = act(translate("MainWindow", "Thresholds as a −1 &dummy input"),
                         w.topology.set_dummy_thresholds, checkable=True)
    w.unit_maps_action = act(translate("MainWindow", "What each unit &learned, inside it"), w.set_unit_maps,
                             tip=translate("MainWindow", "For data with two inputs, draw each hidden and output "
                                                         "unit's output over the input plane inside its circle"),
                             checkable=True)
    w.unit_maps_action.setChecked(True)
    w.fit_action = act(translate("MainWindow", "&Fit network to view"), w.topology.fit, ("Ctrl+0",))
    w.zoom_in_action = act(translate("MainWindow", "Zoom &in"), lambda: w.topology.zoom(1.25), (keys.ZoomIn,))
    w.zoom_out_action = act(translate("MainWindow", "Zoom &out"), lambda: w.topology.zoom(0.8), (keys.ZoomOut,))
    w.about_action = act(translate("MainWindow", "&About bpgui"), lambda: main_files.about(w))
    w.guide_action = act(translate("MainWindow", "&User guide"), lambda: user_guide.show_user_guide(w), ("F1",))
    w.shortcuts_action = act(translate("MainWindow", "&Keyboard shortcuts"), lambda: user_guide.show_shortcuts(w))
    w.open_lesson_action = act(translate("MainWindow", "Open &lesson…"), lambda: lesson_panel.open_lesson(w))
    w.fork_action = act(translate("MainWindow", "&Fork here…"), lambda: runs_panel.fork_here(w),
                        tip=translate("MainWindow", "A second run from the state shown, with other settings, "
                                                    "compared side by side in the Runs panel"))
    w.undo_action = act(
        translate("MainWindow", "&Undo edit"), c.undo_edit, (keys.Undo,),
        translate("MainWindow", "Undo the last weight or threshold you set by hand, or a setting "
                                "change that dropped the recorded future (which comes back)"))
    # Text size and presentation. F11 is full screen everywhere, so it is presentation mode here (Step phase
    # is Ctrl+↓ and F9). "Ctrl+Shift+_" is what a US keyboard sends for Ctrl+Shift+−.
    w.larger_text_action = act(translate("MainWindow", "&Larger text"), lambda: w.change_text_scale(+1),
                               ("Ctrl+Shift+=", "Ctrl+Shift++"))
    w.smaller_text_action = act(translate("MainWindow", "S&maller text"), lambda: w.change_text_scale(-1),
                                ("Ctrl+Shift+-", "Ctrl+Shift+_", "Ctrl+_"))
    w.reset_text_action = act(translate("MainWindow", "&Normal text size"), lambda: w.set_text_scale(1.0),
                              ("Ctrl+Shift+0",))
    w.presentation_action = act(
        translate("MainWindow", "&Presentation mode"), w.set_presentation, ("F11", "Ctrl+Shift+F"),
        translate("MainWindow", "Full screen, large text, high contrast: the network, the chain rule "
                                "and the error curve, with t, Eₖ and E in large type"), checkable=True)
    w.leave_presentation_action = act(translate("MainWindow", "Leave presentation mode"),
                                      lambda: w.set_presentation(False), ("Esc",))
    w.leave_presentation_action.setEnabled(False)  # Esc belongs to editors and dialogs otherwise


#: The toolbar's actions and their icons.
TOOLBAR_ICONS = (("step_action", "step"), ("step_epoch_action", "step_epoch"),  # (Run's: apply_run_icon)
                 ("back_action", "step_back"), ("reset_action", "reset"), ("phase_back_action", "phase_back"),
                 ("phase_action", "phase"), ("play_phases_action", "play_phases"), ("zoom_in_action", "zoom_in"),
                 ("zoom_out_action", "zoom_out"), ("fit_action", "zoom_fit"),
                 ("presentation_action", "presentation"))


def apply_icons(window: MainWindow) -> None:
    """The shipped icons for the window's palette (light or dark); Run's shows Pause while running."""
    for attribute, name in TOOLBAR_ICONS:
        getattr(window, attribute).setIcon(icon(name, window.palette()))
    apply_run_icon(window)


def apply_run_icon(window: MainWindow) -> None:
    """Run's icon: Pause while running (only it changes when Run starts or stops: setting every icon again
    updated every toolbar button and menu entry in Run's first frame)."""
    window.run_action.setIcon(icon("pause" if window.controller.running else "run", window.palette()))


def build_toolbar(window: MainWindow) -> None:
    """Step, run, back and reset; the phases; the speed and the seed."""
    bar = QToolBar(translate("MainWindow", "Training"))
    bar.setObjectName("training_toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for a in (window.step_action, window.step_epoch_action, window.run_action, window.back_action,
              window.reset_action):
        bar.addAction(a)
    bar.addSeparator()
    for a in (window.phase_back_action, window.phase_action, window.play_phases_action):
        bar.addAction(a)
    bar.addSeparator()
    window.speed_title = QLabel(translate("MainWindow", " Speed "))
    bar.addWidget(window.speed_title)
    window.speed = QSlider(Qt.Orientation.Horizontal)
    window.speed.setRange(0, len(SPEEDS) - 1)
    window.speed.setPageStep(1)
    window.speed.setFixedWidth(110)
    window.speed.setValue(SPEEDS.index(FIRST_SPEED) if FIRST_SPEED in SPEEDS else len(SPEEDS) - 1)
    window.speed_label = QLabel()
    window.speed_label.setMinimumWidth(64)
    bar.addWidget(window.speed)
    bar.addWidget(window.speed_label)
    window.seed_separator = bar.addSeparator()
    window.seed_widgets = (bar.addWidget(QLabel(translate("MainWindow", " Seed "))),)
    window.seed = QSpinBox()
    window.seed.setRange(0, 2**31 - 1)
    window.seed.setToolTip(translate("MainWindow", "Every random choice (initial weights, sample order, split) "
                                                   "follows this seed"))
    window.seed_widgets += (bar.addWidget(window.seed),)
    bar.addSeparator()
    bar.addAction(window.presentation_action)
    window.addToolBar(bar)
    window.toolbar = bar
    apply_icons(window)


#: The buttons that keep their text longest as the window narrows (the most used first).
PRIMARY_ACTIONS = ("run_action", "step_action", "phase_action")


def fit_toolbar(window: MainWindow, scale: float) -> None:
    """Icons as large as the text; the text beside them when the window is wide enough (the most used
    buttons keep it longest), else icons only with the names in tooltips."""
    bar = window.toolbar
    size = icon_px(scale)
    bar.setIconSize(QSize(size, size))
    shown = [a for a in bar.actions() if a.isVisible() and bar.widgetForAction(a) is not None]
    buttons = [a for a in shown if not a.isSeparator() and not a.icon().isNull()]
    primary = [getattr(window, name) for name in PRIMARY_ACTIONS]
    buttons.sort(key=lambda a: primary.index(a) if a in primary else len(primary))
    others = sum(max(bar.widgetForAction(a).sizeHint().width(), bar.widgetForAction(a).minimumWidth())
                 for a in shown if not a.isSeparator() and a.icon().isNull())
    others += 12 * sum(1 for a in shown if a.isSeparator()) + 24
    count = texts_that_fit(window.width(), [a.iconText() for a in buttons], others, bar.fontMetrics(), size)
    beside, icon_only = Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly
    while True:  # the estimate first, then what the bar itself says it needs
        bar.setToolButtonStyle(beside if count == len(buttons) else icon_only)
        for n, action in enumerate(buttons):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(beside if n < count else icon_only)
        layout = bar.layout()
        if layout is not None:
            layout.invalidate()
        if count == 0 or bar.sizeHint().width() <= window.width():
            break
        count = min(3, count - 1) if count > 3 else 0
    run_button = bar.widgetForAction(window.run_action)
    if run_button is not None:  # as wide for "Pause" as for "Run": the bar does not jump when Run starts
        metrics = run_button.fontMetrics()
        text = 0 if count == 0 else max(
            metrics.horizontalAdvance(t) for t in (translate("MainWindow", "Run"), translate("MainWindow", "Pause")))
        run_button.setMinimumWidth(text + size + 16)


def build_menus(window: MainWindow, language: str) -> None:
    """File, Edit, Train, View, Practice, Examples, Language (``language``: the choice in force) and Help."""
    menus = window.menuBar()
    file_menu = menus.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(window.open_any_action)
    session_menu.DropOpener(window)
    window.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
    window.recent_menu.aboutToShow.connect(lambda: session_menu.fill_recent_menu(window, window.recent_menu))
    session_menu.fill_recent_menu(window, window.recent_menu)
    for a in (window.save_session_action, window.save_session_as_action):
        file_menu.addAction(a)
    file_menu.addSeparator()
    for a in (window.open_action, window.save_action, window.import_action, window.open_lesson_action):
        file_menu.addAction(a)
    file_menu.addSeparator()
    for a in (window.export_table_action, window.export_topology_action, window.export_plot_action,
              window.export_map_action, window.export_worksheet_action, window.export_blank_worksheet_action):
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
    train_menu.addSeparator()
    train_menu.addAction(window.fork_action)
    view_menu = menus.addMenu(translate("MainWindow", "&View"))
    for a in (window.labels_action, window.dummy_action, window.unit_maps_action, window.fit_action,
              window.zoom_in_action, window.zoom_out_action):
        view_menu.addAction(a)
    view_menu.addSeparator()
    _text_size_menu(window, view_menu)
    _digits_menu(window, view_menu)
    view_menu.addAction(window.presentation_action)
    view_menu.addSeparator()
    view_menu.addAction(window.check_action)
    view_menu.addSeparator()
    view_menu.addAction(window.settings_dock.toggleViewAction())
    view_menu.addAction(runs_panel.attach(window))  # the panel itself is made on first need

    practice_menu = menus.addMenu(translate("MainWindow", "&Practice"))
    practice_menu.addAction(window.predict_action)
    _what_to_predict(window, practice_menu.addMenu(translate("MainWindow", "What to predi&ct")))
    practice_menu.addAction(window.worksheet_action)
    practice_menu.addSeparator()
    for a in (window.plant_bug_action, window.name_bug_action, window.remove_bug_action):
        practice_menu.addAction(a)
    chosen = practice_menu.addMenu(translate("MainWindow", "Plant a &chosen bug (teacher)"))
    for rule in window.controller.BUG_RULES:
        action = chosen.addAction(window.controller.bug_text(rule))
        action.triggered.connect(lambda _=False, r=rule: window.controller.plant_bug(r))

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
    help_menu.addAction(window.guide_action)
    help_menu.addAction(window.shortcuts_action)
    window.lessons_menu = help_menu.addMenu(translate("MainWindow", "&Lessons"))
    lesson_panel.fill_lessons_menu(window, window.lessons_menu)
    help_menu.addSeparator()
    help_menu.addAction(window.about_action)
    lesson_panel.attach(window)  # a lesson followed before a language switch goes on in this window


# Practice → What to predict: (data, text) of the levels, then of the quantities (None: each in turn).
PREDICT_LEVELS = LEVELS
PREDICT_QUANTITIES = (None, NET, OUTPUT, ERROR, OUTPUT_DELTA, HIDDEN_DELTA, GRADIENT, UPDATE, NEW)


def _what_to_predict(window: MainWindow, menu) -> None:
    """Two exclusive choices, remembered: the value, its sign or bigger/smaller; which quantity."""
    texts = {VALUE: translate("MainWindow", "The value"), SIGN: translate("MainWindow", "Its sign (+, −, 0)"),
             COMPARE: translate("MainWindow", "Bigger or smaller than before (>, <, =)"),
             None: translate("MainWindow", "Each value in turn"), NET: translate("MainWindow", "Only αₕ, βⱼ"),
             OUTPUT: translate("MainWindow", "Only bₕ, ŷⱼ"), ERROR: translate("MainWindow", "Only Eₖ"),
             OUTPUT_DELTA: translate("MainWindow", "Only gⱼ"), HIDDEN_DELTA: translate("MainWindow", "Only eₕ"),
             GRADIENT: translate("MainWindow", "Only ∂Eₖ/∂p"), UPDATE: translate("MainWindow", "Only Δp"),
             NEW: translate("MainWindow", "Only the new weights and thresholds, p + Δp")}
    q = window.qsettings()
    window.predict_choices = {}
    for key, options in (("level", PREDICT_LEVELS), ("quantity", PREDICT_QUANTITIES)):
        stored = q.value(f"practice/predict_{key}", options[0] or "")
        group = QActionGroup(window)
        for data in options:
            action = menu.addAction(texts[data])
            action.setCheckable(True)
            action.setChecked((data or "") == stored or (stored not in [o or "" for o in options] and
                                                          data == options[0]))
            action.setData(data)
            group.addAction(action)
            action.triggered.connect(lambda _=False, k=key, d=data: window.choose_prediction(k, d))
            window.predict_choices[(key, data)] = action
        menu.addSeparator()


def _text_size_menu(window: MainWindow, view_menu) -> None:
    """View → Text size: 100–250 % (one checked), larger, smaller, normal."""
    menu = view_menu.addMenu(translate("MainWindow", "Text &size"))
    group = QActionGroup(window)
    group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)  # none at 225 %
    window.text_scale_actions = {}
    for scale in TEXT_SCALES:
        action = menu.addAction(fill(translate("MainWindow", "%1 %"), round(scale * 100)))
        action.setCheckable(True)
        group.addAction(action)
        action.triggered.connect(lambda _=False, s=scale: window.set_text_scale(s))
        window.text_scale_actions[scale] = action
    menu.addSeparator()
    for a in (window.larger_text_action, window.smaller_text_action, window.reset_text_action):
        menu.addAction(a)
    window.text_size_menu = menu


def _digits_menu(window: MainWindow, view_menu) -> None:
    """View → Digits: the significant digits of every number on screen (the table's Digits box is the same)."""
    menu = view_menu.addMenu(translate("MainWindow", "Digi&ts"))
    menu.setToolTip(translate("MainWindow", "Significant digits of every number shown (files keep every digit)"))
    group = QActionGroup(window)
    group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)  # none at 12 digits
    window.digits_actions = {}
    for digits in DIGIT_CHOICES:
        action = menu.addAction(fill(translate("MainWindow", "%1 significant digits"), digits))
        action.setCheckable(True)
        group.addAction(action)
        action.triggered.connect(lambda _=False, d=digits: window.set_digits(d))
        window.digits_actions[digits] = action
    window.digits_menu = menu
