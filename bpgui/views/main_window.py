"""The main window: topology, stepping controls, the live gradient table, the error curve.

Only this class wires signals to slots. Views render what the controller
holds and send intent to it; the window adds menus, the toolbar, the status
bar, file dialogs and QSettings (geometry and the learner's last settings).
"""

from __future__ import annotations

import html
import os

import numpy as np
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..controller import SPEEDS, Settings, TrainingController, localized
from ..model.errors import BpguiError
from ..model.fileformat import write_text_atomically
from ..session.settings import settings_from_json, settings_to_json
from .comparison import ComparisonView
from .decision_map import DecisionMapView
from .derivation_panel import DerivationPanel
from .error_plot import ErrorPlotView
from .gradient_table import COL_NEW_VALUE, COL_VALUE, GradientTableView
from .language import LANGUAGES, SYSTEM, install_language
from .perceptron_lab import PerceptronLab
from .phase_text import phase_caption
from .settings_panel import SettingsPanel
from .topology import TopologyView

DEFAULT_SIZE = QSize(1280, 800)
# Windows rebuilt for a new language are kept alive here (nothing else holds them).
_OPEN_WINDOWS: list[MainWindow] = []
PLOT_INTERVAL_MS = 100
MESSAGE_MS = 15_000
SETTINGS_KEY = "training/settings"


def _output_names(data) -> tuple[str, ...]:
    """What each output unit means: the class it stands for, or the target's name."""
    if data.task == "classification" and data.n_outputs == 1 and len(data.class_names) == 2:
        return (f"{data.target_names[0]} = {data.class_names[1]}",)
    return tuple(data.target_names)


def _as_bool(value) -> bool:
    # QSettings' INI files give back "true"/"false" strings.
    return value in (True, "true", "1", 1)


class MainWindow(QMainWindow):
    def __init__(self, controller: TrainingController | None = None, qsettings: QSettings | None = None) -> None:
        super().__init__()
        self._qsettings = qsettings if qsettings is not None else QSettings()
        if controller is None:
            remembered = settings_from_json(str(self._qsettings.value(SETTINGS_KEY, "") or ""))
            try:
                controller = TrainingController(remembered)
            except BpguiError:
                controller = TrainingController(Settings())  # e.g. a remembered CSV that is gone
        self.controller = controller
        self.controller.setParent(self)
        self.last_message: tuple[str, str] | None = None
        self.comparison: QDialog | None = None
        self.setWindowTitle(self.tr("bpgui — backpropagation, step by step"))
        self.resize(DEFAULT_SIZE)

        self.topology = TopologyView()
        self.table = GradientTableView()
        self.plot = ErrorPlotView()
        self.settings_panel = SettingsPanel()
        self.derivation = DerivationPanel()
        self.decision_map = DecisionMapView()
        self.perceptron: QDialog | None = None

        # Everything a learner looks at stays on screen together: the network and
        # the error curve side by side, the gradient table under them.
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setContentsMargins(6, 2, 6, 2)
        network_box = QWidget()
        box_layout = QVBoxLayout(network_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(0)
        box_layout.addWidget(self.caption)
        box_layout.addWidget(self.topology, 1)
        self.right_tabs = QTabWidget()
        self.right_tabs.addTab(self.plot, self.tr("Error curve"))
        self.right_tabs.addTab(self.decision_map, self.tr("What it learned"))
        # The chain rule sits under the curve, so the gradient table can use the full
        # width for its columns (the gradient check adds two).
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.right_tabs)
        right.addWidget(self.derivation)
        right.setSizes([3000, 2200])
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(network_box)
        top.addWidget(right)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Initial shares (proportions; the views' size hints would decide otherwise).
        top.setSizes([3000, 2000])
        splitter.setSizes([3000, 2000])
        splitter.setObjectName("main_splitter")
        top.setObjectName("top_splitter")
        self.splitter, self.top_splitter = splitter, top
        self.setCentralWidget(splitter)

        scroll = QScrollArea()
        scroll.setWidget(self.settings_panel)
        scroll.setWidgetResizable(True)
        dock = QDockWidget(self.tr("Settings"), self)
        dock.setObjectName("settings_dock")
        dock.setWidget(scroll)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.settings_dock = dock

        self._phase_timer = QTimer(self)
        self._phase_timer.timeout.connect(self._on_phase_timer_timeout)
        # While running, the error curve (whose cost grows with the history)
        # is redrawn at most every PLOT_INTERVAL_MS; everything else per frame.
        self._plot_timer = QTimer(self)
        self._plot_timer.setSingleShot(True)
        self._plot_timer.setInterval(PLOT_INTERVAL_MS)
        self._plot_timer.timeout.connect(self._update_plot)

        self._make_actions()
        self._make_toolbar()
        self._make_menus()
        self._make_status_bar()
        self._wire()
        self.right_tabs.currentChanged.connect(lambda _i: self._update_map())
        for action in (self.step_action, self.step_epoch_action, self.back_action, self.reset_action):
            action.triggered.connect(lambda *_: self.play_phases_action.setChecked(False))
        self._restore_geometry()
        self._on_controller_structure_changed()
        self._on_controller_settings_changed()
        self._on_controller_history_changed()
        self._on_controller_state_changed()

    # ---- actions, toolbar, menus --------------------------------------------------------
    def _action(self, text: str, slot, shortcuts=(), tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
            tip = f"{tip or text.replace('&', '')} ({keys})"
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        c = self.controller
        self.step_action = self._action(self.tr("&Step"), c.step, ("Ctrl+Right", "F10"),
                                        self.tr("One iteration: one sample, one pass or one batch"))
        self.step_epoch_action = self._action(self.tr("Step &epoch"), c.step_epoch, ("Ctrl+Shift+Right",),
                                              self.tr("Iterate to the end of the epoch"))
        self.run_action = self._action(self.tr("&Run"), c.set_running, ("Ctrl+Space", "F5"),
                                       self.tr("Run / pause"), checkable=True)
        self.back_action = self._action(self.tr("Step &back"), c.step_back, ("Ctrl+Left", "Shift+F10"),
                                        self.tr("Undo one iteration, exactly"))
        self.reset_action = self._action(self.tr("Rese&t"), c.reset, ("Ctrl+Shift+R",),
                                         self.tr("Back to iteration 0, the network drawn from the seed"))
        self.phase_action = self._action(self.tr("Step &phase"), c.step_phase, ("Ctrl+Down", "F11"),
                                         self.tr("The next phase of the iteration: forward, error, gradients, update"))
        self.phase_back_action = self._action(self.tr("Phase bac&k"), c.step_phase_back, ("Ctrl+Up", "Shift+F11"),
                                              self.tr("The previous phase, inside an iteration too"))
        self.play_phases_action = self._action(self.tr("Pla&y phases"), self._on_play_phases_toggled, ("Ctrl+P",),
                                               self.tr("Animate the phases, one after another"), checkable=True)
        self.check_action = self._action(self.tr("&Gradient check column"), self._on_check_toggled, ("Ctrl+G",),
                                          self.tr("Estimate every ∂E/∂p by finite differences on this iteration's "
                                                  "sample and show the relative error"), checkable=True)
        self.per_output_action = self._action(self.tr("Follow one &output at a time"), c.set_per_output,
                                              tip=self.tr("Backward phases take the outputs one by one, as the "
                                                          "note draws them: each hidden unit is reached l times"),
                                              checkable=True)
        self.open_action = self._action(self.tr("&Open network…"), self._on_open_triggered, (QKeySequence.StandardKey.Open,))
        self.save_action = self._action(self.tr("&Save network…"), self._on_save_triggered, (QKeySequence.StandardKey.Save,))
        self.import_action = self._action(self.tr("&Import CSV data…"), self._on_import_triggered, ("Ctrl+I",))
        self.export_table_action = self._action(self.tr("Export &table as CSV…"), self._on_export_table_triggered)
        self.export_topology_action = self._action(self.tr("Export &network picture (PNG/SVG)…"),
                                                   self._on_export_topology_triggered)
        self.export_plot_action = self._action(self.tr("Export error &curve (PNG/SVG)…"), self._on_export_plot_triggered)
        self.quit_action = self._action(self.tr("&Quit"), self.close, (QKeySequence.StandardKey.Quit,))
        self.labels_action = self._action(self.tr("Show &values on the network"), self.topology.set_value_labels,
                                          checkable=True)
        self.labels_action.setChecked(True)
        self.dummy_action = self._action(self.tr("Thresholds as a −1 &dummy input"), self.topology.set_dummy_thresholds,
                                         checkable=True)
        self.fit_action = self._action(self.tr("&Fit network to view"), self.topology.fit, ("Ctrl+0",))
        self.zoom_in_action = self._action(self.tr("Zoom &in"), lambda: self.topology.zoom(1.25), (QKeySequence.StandardKey.ZoomIn,))
        self.zoom_out_action = self._action(self.tr("Zoom &out"), lambda: self.topology.zoom(0.8), (QKeySequence.StandardKey.ZoomOut,))
        self.about_action = self._action(self.tr("&About bpgui"), self._on_about_triggered)
        self.undo_action = self._action(self.tr("&Undo edit"), c.undo_edit, (QKeySequence.StandardKey.Undo,),
                                        self.tr("Undo the last weight or threshold you set by hand"))

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Training"))
        bar.setObjectName("training_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.step_action, self.step_epoch_action, self.run_action, self.back_action, self.reset_action):
            bar.addAction(a)
        bar.addSeparator()
        for a in (self.phase_back_action, self.phase_action, self.play_phases_action):
            bar.addAction(a)
        run_button = bar.widgetForAction(self.run_action)
        metrics = run_button.fontMetrics()
        run_button.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in (self.tr("Run"), self.tr("Pause"))) + 24)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Speed ")))
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setFixedWidth(110)
        self.speed.setValue(len(SPEEDS) - 1)
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(64)
        bar.addWidget(self.speed)
        bar.addWidget(self.speed_label)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Seed ")))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Every random choice (initial weights, sample order, split) follows this seed"))
        bar.addWidget(self.seed)
        self.addToolBar(bar)
        self.toolbar = bar

    def _make_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        for a in (self.open_action, self.save_action, self.import_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        for a in (self.export_table_action, self.export_topology_action, self.export_plot_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        train_menu = menus.addMenu(self.tr("&Train"))
        for a in (self.step_action, self.step_epoch_action, self.run_action, self.back_action, self.reset_action):
            train_menu.addAction(a)
        train_menu.addSeparator()
        for a in (self.phase_action, self.phase_back_action, self.play_phases_action, self.per_output_action):
            train_menu.addAction(a)
        view_menu = menus.addMenu(self.tr("&View"))
        for a in (self.labels_action, self.dummy_action, self.fit_action, self.zoom_in_action, self.zoom_out_action):
            view_menu.addAction(a)
        view_menu.addSeparator()
        view_menu.addAction(self.check_action)
        view_menu.addSeparator()
        view_menu.addAction(self.settings_dock.toggleViewAction())
        examples = menus.addMenu(self.tr("E&xamples"))
        self.example_actions = {}
        for key, text in (
            ("xor", self.tr("The note's XOR network (2-2-1, standard BP)")),
            ("watermelon3.0", self.tr("Exercise 5.5: watermelon 3.0, standard vs accumulated BP")),
            ("watermelon3.0alpha", self.tr("Exercise 5.5: watermelon 3.0α, standard vs accumulated BP")),
        ):
            action = examples.addAction(text)
            action.triggered.connect(lambda _=False, k=key: self.load_example(k))
            self.example_actions[key] = action
        examples.addSeparator()
        for problem in ("AND", "OR", "NOT", "XOR"):
            action = examples.addAction(self.tr("Perceptron: %1").replace("%1", problem))
            action.triggered.connect(lambda _=False, p=problem: self.show_perceptron(p))
            self.example_actions[f"perceptron_{problem.lower()}"] = action
        self.examples_menu = examples
        language_menu = menus.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(self._qsettings.value("ui/language", SYSTEM))
        self.language_actions = {}
        for choice, text in ((SYSTEM, self.tr("System default")), *LANGUAGES.items()):
            action = language_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(choice == current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, ch=choice: self.set_language(ch))
            self.language_actions[choice] = action
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _make_status_bar(self) -> None:
        # Messages (why Run stopped, what a change reset, what was refused) on
        # the left, the figures of iteration t on the right: both always visible.
        self.message_label = QLabel()
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setMinimumWidth(40)
        self.status_label = QLabel()
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Slow work in the worker: what it is, how far, and a way to stop it.
        self.job_label = QLabel()
        self.job_bar = QProgressBar()
        self.job_bar.setMaximumWidth(160)
        self.job_bar.setTextVisible(False)
        self.job_cancel = QToolButton()
        self.job_cancel.setText(self.tr("Cancel"))
        self.job_cancel.clicked.connect(self.controller.cancel_job)
        self.statusBar().addWidget(self.message_label, 1)
        for widget in (self.job_label, self.job_bar, self.job_cancel):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.statusBar().addPermanentWidget(self.status_label)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message_label.clear)

    # ---- wiring ----------------------------------------------------------------------------------
    def _wire(self) -> None:
        c = self.controller
        c.state_changed.connect(self._on_controller_state_changed)
        c.history_changed.connect(self._on_controller_history_changed)
        c.structure_changed.connect(self._on_controller_structure_changed)
        c.settings_changed.connect(self._on_controller_settings_changed)
        c.running_changed.connect(self._on_controller_running_changed)
        c.selection_changed.connect(self._on_controller_selection_changed)
        c.message.connect(self._on_controller_message)
        c.check_ready.connect(self._on_controller_check_ready)
        c.comparison_ready.connect(self._on_controller_comparison_ready)
        c.job_started.connect(self._on_controller_job_started)
        c.job_progress.connect(self._on_controller_job_progress)
        c.job_finished.connect(self._on_controller_job_finished)
        self.topology.parameter_selected.connect(c.select_parameter)
        self.topology.edit_requested.connect(self._on_topology_edit_requested)
        self.table.parameter_selected.connect(c.select_parameter)
        self.table.value_edit_requested.connect(c.edit_parameter)
        self.table.invalid_edit.connect(lambda text: self._on_controller_message("error", text))
        self.settings_panel.changes_requested.connect(lambda changes: c.update_settings(**changes))
        self.settings_panel.import_requested.connect(self._on_import_triggered)
        self.settings_panel.invalid_input.connect(lambda text: self._on_controller_message("error", text))
        self.speed.valueChanged.connect(self._on_speed_changed)
        self.seed.editingFinished.connect(lambda: c.update_settings(seed=self.seed.value()))
        self._on_speed_changed(self.speed.value())

    # ---- controller → views -----------------------------------------------------------------------
    def _on_controller_structure_changed(self) -> None:
        net = self.controller.network
        data = self.controller.dataset
        self.topology.set_structure(net.layer_sizes, data.feature_names, _output_names(data))
        self.labels_action.blockSignals(True)
        self.labels_action.setChecked(self.topology.value_labels())
        self.labels_action.blockSignals(False)
        self.plot.set_iteration_curve_name(self._iteration_curve_name())
        self.decision_map.set_data(data if data.n_inputs == 2 else None)
        self.table.set_structure(self.controller.display_record().specs)
        self.topology.select_parameter(self.controller.selected_parameter)

    def _on_controller_settings_changed(self) -> None:
        s = self.controller.settings
        self.settings_panel.show_settings(s)
        self.seed.blockSignals(True)
        self.seed.setValue(s.seed)
        self.seed.blockSignals(False)

    def _on_controller_history_changed(self) -> None:
        if self.controller.running:
            if not self._plot_timer.isActive():
                self._plot_timer.start()
        else:
            self._update_plot()

    def _update_plot(self) -> None:
        self._plot_timer.stop()
        self.plot.show_history(self.controller.history())
        self._update_map()

    def _on_controller_state_changed(self) -> None:
        c = self.controller
        phase = c.phase_view
        shown = c.display_record()
        self.topology.show_state(c.network, shown, phase)
        if phase is None:
            # A completed iteration, or (t = 0, after an edit) the preview of the next one.
            self.table.set_record(shown)
            self.table.set_editable(not c.running, COL_VALUE if c.showing_preview else COL_NEW_VALUE)
        else:
            self.table.set_editable(False)
            # Only what this phase has computed so far; the rest stays blank.
            hidden = np.where(phase.gradient_known, 0.0, np.nan)
            self.table.set_values(shown.flat_values, shown.flat_gradients + hidden, shown.flat_updates + hidden,
                                  shown.flat_new_values if phase.updated else None)
        if self.check_action.isChecked() and not c.running:
            c.request_gradient_check()
        if not c.running:
            self._update_map()
        self.plot.set_current_iteration(c.iteration, c.end)
        self.plot.set_iteration_curve_name(self._iteration_curve_name())
        if phase is None:
            self._update_caption(shown, preview=c.showing_preview)
        else:
            self.caption.setText(phase_caption(phase, shown, c.network, c.settings.learning_rate))
        self._update_derivation()
        self.undo_action.setEnabled(c.can_undo_edit)
        self._update_status()

    def _update_derivation(self) -> None:
        derivation = self.controller.derivation()
        if derivation is None:
            self.derivation.show_derivation(None)
        else:
            self.derivation.show_derivation(derivation[0], known=derivation[1])

    def load_example(self, key: str) -> None:
        if not self.controller.load_example(key):
            return
        if key.startswith("watermelon"):
            self.show_comparison()

    def set_language(self, choice: str) -> MainWindow:
        """Switch language without a restart: the window is rebuilt around the same controller,
        so no training state is lost. Returns the window now shown."""
        self._qsettings.setValue("ui/language", choice)
        install_language(QApplication.instance(), choice)
        self.save_preferences()
        controller = self.controller
        controller.pause()
        controller.setParent(None)
        replacement = MainWindow(controller, self._qsettings)
        replacement.show()
        _OPEN_WINDOWS.append(replacement)
        self._closing_for_language = True
        self.close()
        return replacement

    def show_perceptron(self, problem: str) -> None:
        """The note's perceptron on AND/OR/NOT/XOR; from XOR, one action goes to the 2-2-1 network."""
        if self.perceptron is None:
            self.perceptron = QDialog(self)
            self.perceptron.setWindowTitle(self.tr("Perceptron: one M-P neuron"))
            layout = QVBoxLayout(self.perceptron)
            self.perceptron.lab = PerceptronLab()
            layout.addWidget(self.perceptron.lab)
            self.perceptron.resize(820, 540)
            self.perceptron.lab.solve_with_hidden_layer.connect(self._on_perceptron_solve_with_hidden_layer)
        self.perceptron.lab.set_problem(problem)
        self.perceptron.show()
        self.perceptron.raise_()

    def _on_perceptron_solve_with_hidden_layer(self) -> None:
        self.perceptron.hide()
        self.load_example("xor")
        self.right_tabs.setCurrentWidget(self.decision_map)
        self.message_label.setText(self.tr("The note's 2-2-1 network on XOR: press Run and watch it learn what "
                                           "one neuron could not."))

    def show_comparison(self) -> None:
        """Exercise 5.5 for the current data set and network: both modes from the same start
        (computed by the controller's worker; the dialog opens when the runs are ready)."""
        self.controller.request_comparison()

    def _on_controller_comparison_ready(self, runs) -> None:
        c = self.controller
        if self.comparison is None:
            self.comparison = QDialog(self)
            self.comparison.setWindowTitle(self.tr("Standard vs accumulated BP"))
            layout = QVBoxLayout(self.comparison)
            self.comparison.view = ComparisonView()
            layout.addWidget(self.comparison.view)
            self.comparison.resize(720, 520)
        self.comparison.view.show_runs(self.tr("%1, %2 network, from the same start (seed %3)")
                                       .replace("%1", c.dataset.name)
                                       .replace("%2", "-".join(map(str, c.network.layer_sizes)))
                                       .replace("%3", str(c.settings.seed)), runs)
        self.comparison.show()
        self.comparison.raise_()

    def _update_map(self) -> None:
        """The output over the input plane (2-D data only), while its tab is the one shown."""
        if self.controller.dataset.n_inputs == 2 and self.right_tabs.currentWidget() is self.decision_map:
            self.decision_map.show_network(self.controller.network)

    def _on_check_toggled(self, on: bool) -> None:
        if on:
            self._on_controller_state_changed()
        else:
            self.table.set_check(None, None)

    def _on_controller_check_ready(self) -> None:
        """Finite-difference estimates for the iteration shown (the first parameters and the
        selected one); NaN (a blank cell) for what is not checked or not yet computed."""
        check = self.controller.gradient_check()
        if check is not None and self.check_action.isChecked():
            self.table.set_check(*check.full())

    def _on_topology_edit_requested(self, index: int) -> None:
        spec = self.controller.display_record().specs[index]
        value, ok = QInputDialog.getDouble(
            self, self.tr("Set a parameter"), self.tr("New value of %1:").replace("%1", spec.name),
            float(self.controller.network.flat[index]), -1e6, 1e6, 10)
        if ok:
            self.controller.edit_parameter(index, value)

    def _on_play_phases_toggled(self, on: bool) -> None:
        if on:
            self.controller.pause()
            per_second = SPEEDS[self.speed.value()] or 4
            self._phase_timer.start(int(1000 / max(1, min(per_second, 10))))
        else:
            self._phase_timer.stop()

    def _on_phase_timer_timeout(self) -> None:
        self.controller.step_phase()

    def _iteration_curve_name(self) -> str:
        mode = self.controller.settings.mode
        if mode == "accumulated":
            return self.tr("E per pass (before its update)")
        if mode == "minibatch":
            return self.tr("batch error per iteration")
        return self.tr("E_k per iteration")

    def _update_caption(self, record, preview: bool) -> None:
        if record.batch_size == 1:
            sample = self.tr("sample k = %1").replace("%1", str(int(record.sample_indices[0]) + 1))
        else:
            sample = self.tr("a batch of %1 samples (the first is drawn)").replace("%1", str(record.batch_size))
        if preview:
            text = self.tr("Iteration %2 will use %1: drawn with the weights it will start from.")
        else:
            text = self.tr("Iteration %2 used %1: drawn with the weights it used (before its update).")
        self.caption.setText(text.replace("%1", sample).replace("%2", str(record.iteration)))

    def _on_controller_job_started(self, title: str) -> None:
        self.job_label.setText(title)
        self.job_bar.setRange(0, 0)  # busy until the first progress report
        for widget in (self.job_label, self.job_bar, self.job_cancel):
            widget.show()

    def _on_controller_job_progress(self, done: int, total: int) -> None:
        self.job_bar.setRange(0, max(1, total))
        self.job_bar.setValue(min(done, total))

    def _on_controller_job_finished(self) -> None:
        for widget in (self.job_label, self.job_bar, self.job_cancel):
            widget.hide()

    def _on_controller_running_changed(self, running: bool) -> None:
        if running:
            self.play_phases_action.setChecked(False)
        if not running:
            self._update_plot()  # nothing stale once paused
        self.run_action.blockSignals(True)
        self.run_action.setChecked(running)
        self.run_action.blockSignals(False)
        self.run_action.setText(self.tr("&Pause") if running else self.tr("&Run"))
        self._update_status()

    def _on_controller_selection_changed(self, index: int) -> None:
        self.topology.select_parameter(index)
        self.table.select_parameter(index)
        self._update_derivation()

    def _on_controller_message(self, level: str, text: str) -> None:
        self.last_message = (level, text)
        colour = "#b00020" if level == "error" else "#1a4d8f"
        self.message_label.setText(f"<span style='color:{colour}'>{html.escape(text)}</span>")
        self.message_label.setToolTip(text)
        self._message_timer.start()
        if level == "error" and self.isVisible() and not os.environ.get("BPGUI_NO_DIALOGS"):
            QMessageBox.warning(self, self.tr("bpgui"), text)

    def _on_speed_changed(self, position: int) -> None:
        speed = SPEEDS[position]
        self.controller.set_speed(speed)
        self.speed_label.setText(self.tr("max") if speed == 0 else self.tr("%1/s").replace("%1", str(speed)))

    def _update_status(self) -> None:
        st = self.controller.status()
        parts = [self.tr("t = %1").replace("%1", str(st["iteration"]))]
        if st["end"] > st["iteration"]:
            parts[0] += self.tr(" (of %1; stepped back)").replace("%1", str(st["end"]))
        parts.append(self.tr("epoch %1").replace("%1", str(st["epoch"])))
        if st["sample"] is not None:
            parts.append(self.tr("sample k = %1").replace("%1", str(st["sample"])))
        elif st["batch"] is not None:
            parts.append(self.tr("batch of %1").replace("%1", str(st["batch"])))
        accumulated = self.controller.settings.mode == "accumulated"
        if st["error_k"] is not None:
            if accumulated:
                name = self.tr("E of pass %1").replace("%1", str(st["iteration"]))
            else:
                name = "E_k" if st["batch"] == 1 else self.tr("batch E")
            parts.append(f"{name} = {st['error_k']:.6g}")
        if not accumulated or st["error_k"] is None:
            parts.append(self.tr("E (end of epoch %1) = %2").replace("%1", str(st["epoch"]))
                         .replace("%2", f"{st['error']:.6g}"))
        if st["accuracy"] is not None:
            parts.append(self.tr("accuracy %1%").replace("%1", f"{100 * st['accuracy']:.1f}"))
        if st["test_error"] is not None:
            parts.append(self.tr("test E = %1").replace("%1", f"{st['test_error']:.6g}"))
        self.status_label.setText("   ".join(parts))

    # ---- files --------------------------------------------------------------------------------------
    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open network"), "", self.tr("bpgui network (*.json)"))
        if path:
            self.controller.open_network(path)

    def _on_save_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save network"), "network.json",
                                              self.tr("bpgui network (*.json)"))
        if path:
            self.controller.save_network(path)

    def _on_import_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import CSV data"), "", self.tr("CSV files (*.csv)"))
        if path:
            self.controller.import_data(path)

    def export_table(self, path: str) -> bool:
        try:
            write_text_atomically(path, self.table.export_csv_text())
        except BpguiError as exc:
            self._on_controller_message("error", localized(exc))
            return False
        return True

    def _on_export_table_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table"), "gradients.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.export_table(path)

    def _export(self, exporter, path: str) -> bool:
        try:
            exporter(path)
        except (OSError, BpguiError) as exc:
            self._on_controller_message("error", localized(exc))
            return False
        return True

    def _on_export_topology_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export network picture"), "network.png",
                                              self.tr("Images (*.png *.svg)"))
        if path:
            self._export(self.topology.export_image, path)

    def _on_export_plot_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export error curve"), "error.png",
                                              self.tr("Images (*.png *.svg)"))
        if path:
            self._export(self.plot.export_svg if path.lower().endswith(".svg") else self.plot.export_png, path)

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About bpgui"), self.tr(
            "bpgui teaches backpropagation by letting you watch it and step through it, "
            "in the notation of Zhou Zhihua's Machine Learning, chapter 5."))

    # ---- geometry and remembered settings ----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        # The settings form needs about 300 px; the rest goes to what it controls.
        self.resizeDocks([self.settings_dock], [300], Qt.Orientation.Horizontal)
        geometry = self._qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self._qsettings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        q = self._qsettings
        self.dummy_action.setChecked(_as_bool(q.value("view/dummy_thresholds", False)))
        self.plot.set_log_scale(_as_bool(q.value("view/log_scale", False)))
        x_axis = str(q.value("view/x_axis", self.plot.x_axis()))
        if x_axis in ("iteration", "epoch"):
            self.plot.set_x_axis(x_axis)
        try:
            self.table.set_precision(int(q.value("view/precision", self.table.precision())))
            self.speed.setValue(int(q.value("view/speed", self.speed.value())))
        except (TypeError, ValueError):
            pass

    def save_preferences(self) -> None:
        self._qsettings.setValue("view/dummy_thresholds", self.topology.dummy_thresholds())
        self._qsettings.setValue("view/log_scale", self.plot.log_scale())
        self._qsettings.setValue("view/x_axis", self.plot.x_axis())
        self._qsettings.setValue("view/precision", self.table.precision())
        self._qsettings.setValue("view/speed", self.speed.value())
        self._qsettings.setValue("window/geometry", self.saveGeometry())
        self._qsettings.setValue("window/state", self.saveState())
        self._qsettings.setValue(SETTINGS_KEY, settings_to_json(self.controller.settings))
        self._qsettings.sync()

    def closeEvent(self, event) -> None:
        if not getattr(self, "_closing_for_language", False):
            self.controller.pause()
            self.controller.cancel_job()
            self.save_preferences()
        if self in _OPEN_WINDOWS:
            _OPEN_WINDOWS.remove(self)
        super().closeEvent(event)

