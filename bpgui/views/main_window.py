"""The main window: topology, stepping controls, the live gradient table, the error curve.

Why one module of ~540 lines: it is the one place that wires the views to the controller and
turns each controller signal into what every view shows; its menus, toolbar, status bar,
file dialogs, dialogs and preferences are already in modules beside it.

Only this class wires signals to slots. Views render what the controller
holds and send intent to it; the window adds menus, the toolbar, the status
bar, file dialogs and QSettings (geometry and the learner's last settings).
"""

from __future__ import annotations

import contextlib
import os
import re
import warnings

import numpy as np
from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..controller import SPEEDS, Settings, TrainingController
from ..model.errors import BpguiError
from ..model.records import RunSummary
from ..model.text import fill
from . import main_files
from .decision_map import DecisionMapView
from .derivation_panel import DerivationPanel
from .dialogs import ComparisonDialog, PerceptronDialog
from .error_plot import ErrorPlotView
from .gradient_table import COL_NEW_VALUE, COL_VALUE, GradientTableView
from .language import SYSTEM, current_language, install_language
from .main_menus import build_menus, build_toolbar
from .phase_text import phase_caption
from .preferences import remembered_settings, restore_preferences, save_preferences, settings_replaced
from .settings_panel import SettingsPanel
from .status_area import StatusArea
from .status_text import caption_text, iteration_curve_name, status_line
from .topology import TopologyView

DEFAULT_SIZE = QSize(1280, 800)
# Windows rebuilt for a new language are kept alive here (nothing else holds them).
_OPEN_WINDOWS: list[MainWindow] = []
PLOT_INTERVAL_MS = 100
MESSAGE_MS = 15_000


def _output_names(data) -> tuple[str, ...]:
    """What each output unit means: the class it stands for, or the target's name."""
    if data.task == "classification" and data.n_outputs == 1 and len(data.class_names) == 2:
        return (f"{data.target_names[0]} = {data.class_names[1]}",)
    return tuple(data.target_names)


def plain_text(text: str) -> str:
    """A menu text as a button or tooltip shows it: no mnemonic ("&Open…", "打开网络(&O)…" → "Open", "打开网络")."""
    text = re.sub(r"\s*[(（]&[^)）][)）]", "", text)  # a translation's "(&O)"
    text = re.sub(r"&(.)", r"\1", text)  # "&x" → "x", "&&" → "&"
    return text.removesuffix("…").removesuffix("...").strip()


class MainWindow(QMainWindow):
    # Made by build_toolbar / build_menus (main_menus.py).
    speed: QSlider
    speed_label: QLabel
    seed: QSpinBox
    toolbar: QToolBar
    example_actions: dict[str, QAction]
    examples_menu: QMenu
    language_actions: dict[str, QAction]

    def __init__(self, controller: TrainingController | None = None, qsettings: QSettings | None = None) -> None:
        super().__init__()
        self._qsettings = qsettings if qsettings is not None else QSettings()
        if controller is None:
            remembered, problem = remembered_settings(self._qsettings)
            try:
                controller = TrainingController(remembered)
            except BpguiError:
                controller = TrainingController(Settings())  # e.g. a remembered CSV that is gone
                problem = settings_replaced()
            if problem:  # said once, when the window (and its status bar) is there
                QTimer.singleShot(0, self, lambda: self.show_message("info", problem))
        self.controller = controller
        self.controller.setParent(self)
        self.controller.set_data_language(current_language())  # the watermelon sets' names
        self.last_message: tuple[str, str] | None = None
        self.comparison: ComparisonDialog | None = None
        self.setWindowTitle(self.tr("bpgui — backpropagation, step by step"))
        self.resize(DEFAULT_SIZE)

        self.topology = TopologyView()
        self.table = GradientTableView()
        self.plot = ErrorPlotView()
        self.settings_panel = SettingsPanel()
        self.derivation = DerivationPanel()
        self.decision_map = DecisionMapView()
        self.perceptron: PerceptronDialog | None = None

        # Everything a learner looks at stays on screen together: the network and
        # the error curve side by side, the gradient table under them.
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setContentsMargins(6, 2, 6, 2)
        network_box = QWidget()
        box_layout = QVBoxLayout(network_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(0)
        # An error is also written here, whole and wrapped (the status bar cuts long ones off);
        # a click or the next message's expiry hides it.
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # a quoted CSV cell is shown, never rendered
        self.banner.setContentsMargins(8, 4, 8, 4)
        self.banner.setStyleSheet("background: #fde8e8; color: #7a0010; border-bottom: 1px solid #e8b4b8;")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.banner.mousePressEvent = lambda _event: self.banner.hide()  # type: ignore[method-assign]
        box_layout.addWidget(self.banner)
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
        build_toolbar(self)
        build_menus(self, str(self._qsettings.value("ui/language", SYSTEM)))
        self._make_status_bar()
        self._wire()
        self.right_tabs.currentChanged.connect(lambda _i: self._update_map())
        for action in (self.step_action, self.step_epoch_action, self.back_action, self.reset_action):
            action.triggered.connect(lambda *_: self.play_phases_action.setChecked(False))
        restore_preferences(self, self._qsettings)
        self._on_controller_structure_changed()
        self._on_controller_settings_changed()
        self._on_controller_history_changed()
        self._on_controller_state_changed()
        self._on_controller_running_changed(self.controller.running)
        if self.controller.job_running:  # a window rebuilt for a new language while a job runs
            self.status_area.job_started(self.controller.job_title)

    # ---- actions, toolbar, menus --------------------------------------------------------
    def _action(self, text: str, slot, shortcuts=(), tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
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
                                         self.tr("Back to iteration 0: its weights (with any you set there by hand) "
                                                 "and the settings shown"))
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
        keys = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open network…"), self._on_open_triggered, (keys.Open,))
        self.save_action = self._action(self.tr("&Save network…"), self._on_save_triggered, (keys.Save,))
        self.import_action = self._action(self.tr("&Import CSV data…"), self._on_import_triggered, ("Ctrl+I",))
        self.export_table_action = self._action(self.tr("Export &table as CSV…"), self._on_export_table_triggered)
        self.export_topology_action = self._action(self.tr("Export &network picture (PNG/SVG)…"),
                                                   self._on_export_topology_triggered)
        self.export_plot_action = self._action(self.tr("Export error &curve (PNG/SVG)…"),
                                               self._on_export_plot_triggered)
        self.quit_action = self._action(self.tr("&Quit"), self.close, (keys.Quit,))
        self.labels_action = self._action(self.tr("Show &values on the network"), self.topology.set_value_labels,
                                          checkable=True)
        self.labels_action.setChecked(True)
        self.dummy_action = self._action(self.tr("Thresholds as a −1 &dummy input"), self.topology.set_dummy_thresholds,
                                         checkable=True)
        self.fit_action = self._action(self.tr("&Fit network to view"), self.topology.fit, ("Ctrl+0",))
        self.zoom_in_action = self._action(self.tr("Zoom &in"), lambda: self.topology.zoom(1.25), (keys.ZoomIn,))
        self.zoom_out_action = self._action(self.tr("Zoom &out"), lambda: self.topology.zoom(0.8), (keys.ZoomOut,))
        self.about_action = self._action(self.tr("&About bpgui"), self._on_about_triggered)
        self.undo_action = self._action(self.tr("&Undo edit"), c.undo_edit, (keys.Undo,),
                                        self.tr("Undo the last weight or threshold you set by hand, or a setting "
                                                "change that dropped the recorded future (which comes back)"))

    def _make_status_bar(self) -> None:
        self.status_area = StatusArea(self.statusBar())
        area = self.status_area
        self.message_label, self.status_label = area.message_label, area.status_label
        self.job_label, self.job_bar, self.job_cancel = area.job_label, area.job_bar, area.job_cancel
        area.cancel_requested.connect(self.controller.cancel_job)
        area.message_expired.connect(self.banner.hide)

    # ---- wiring ----------------------------------------------------------------------------------
    def _wire(self) -> None:
        c = self.controller
        # The controller outlives a window rebuilt for a new language: these are undone then.
        self._controller_links = [
            (c.state_changed, self._on_controller_state_changed),
            (c.history_changed, self._on_controller_history_changed),
            (c.structure_changed, self._on_controller_structure_changed),
            (c.settings_changed, self._on_controller_settings_changed),
            (c.running_changed, self._on_controller_running_changed),
            (c.selection_changed, self._on_controller_selection_changed),
            (c.message, self.show_message),
            (c.check_ready, self._on_controller_check_ready),
            (c.comparison_ready, self._on_controller_comparison_ready),
            (c.job_started, self.status_area.job_started),
            (c.job_progress, self.status_area.job_progress),
            (c.job_finished, self.status_area.job_finished),
        ]
        for signal, slot in self._controller_links:
            signal.connect(slot)
        self.topology.parameter_selected.connect(c.select_parameter)
        self.topology.edit_requested.connect(self._on_topology_edit_requested)
        self.table.parameter_selected.connect(c.select_parameter)
        self.table.value_edit_requested.connect(c.edit_parameter)
        self.table.invalid_edit.connect(lambda text: self.show_message("error", text))
        self.settings_panel.changes_requested.connect(lambda changes: c.update_settings(**changes))
        self.settings_panel.import_requested.connect(self._on_import_triggered)
        self.settings_panel.invalid_input.connect(lambda text: self.show_message("error", text))
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
        self.plot.set_iteration_curve_name(iteration_curve_name(self.controller.settings.mode))
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
            self.table.set_batch_size(shown.batch_size)
        if self.check_action.isChecked() and not c.running:
            c.request_gradient_check()
        if not c.running:
            self._update_map()
        self.plot.set_current_iteration(c.iteration, c.end)
        self.plot.set_iteration_curve_name(iteration_curve_name(self.controller.settings.mode))
        if phase is None:
            self.caption.setText(caption_text(shown, preview=c.showing_preview))
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
        app = QApplication.instance()
        if app is not None:
            install_language(app, choice)
        self.save_preferences()
        controller = self.controller
        # Training goes on (Run keeps running, a job keeps computing); this window stops listening.
        for signal, slot in self._controller_links:
            signal.disconnect(slot)
        self._phase_timer.stop()
        controller.setParent(None)
        replacement = MainWindow(controller, self._qsettings)
        replacement.show()
        _OPEN_WINDOWS.append(replacement)
        self._closing_for_language = True
        self.close()
        # Each switch used to keep a whole window (about 9 MB: plots, scene, table) alive: its
        # views are freed now; the empty shell goes when its last reference does.
        for part in (self.takeCentralWidget(), self.settings_dock.widget(), self.comparison, self.perceptron):
            if part is not None:
                part.deleteLater()
        self._release_connections()
        self.deleteLater()  # and the shell, once the event loop runs: nothing of it is kept
        return replacement

    def _release_connections(self) -> None:
        """Drop the closures the old window's actions and widgets hold (they refer back to the
        window, through Qt, where Python's garbage collector cannot see the cycle)."""
        signals = [s for a in self.findChildren(QAction) for s in (a.triggered, a.toggled)]
        signals += [self.speed.valueChanged, self.seed.editingFinished]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "failed to disconnect": it had none
            for signal in signals:
                with contextlib.suppress(RuntimeError, TypeError, SystemError):
                    signal.disconnect()

    def show_perceptron(self, problem: str) -> None:
        """The note's perceptron on AND/OR/NOT/XOR; from XOR, one action goes to the 2-2-1 network."""
        if self.perceptron is None:
            self.perceptron = PerceptronDialog(self.tr("Perceptron: one M-P neuron"), self)
            self.perceptron.lab.solve_with_hidden_layer.connect(self._on_perceptron_solve_with_hidden_layer)
        self.perceptron.lab.set_problem(problem)
        self.perceptron.show()
        self.perceptron.raise_()

    def _on_perceptron_solve_with_hidden_layer(self) -> None:
        if self.perceptron is not None:
            self.perceptron.hide()
        self.load_example("xor")
        self.right_tabs.setCurrentWidget(self.decision_map)
        self.message_label.setText(self.tr("The note's 2-2-1 network on XOR: press Run and watch it learn what "
                                           "one neuron could not."))

    def show_comparison(self) -> None:
        """Exercise 5.5 for the current data set and network: both modes from the same start
        (computed by the controller's worker; the dialog opens when the runs are ready)."""
        self.controller.request_comparison()

    def _on_controller_comparison_ready(self, runs: list[RunSummary]) -> None:
        c = self.controller
        if self.comparison is None:
            self.comparison = ComparisonDialog(self.tr("Standard vs accumulated BP"), self)
        self.comparison.show_runs(fill(self.tr("%1, %2 network, from the same start (seed %3)"), c.dataset.name,
                                       "-".join(map(str, c.network.layer_sizes)), c.settings.seed), runs)

    def _update_map(self) -> None:
        """The output over the input plane (2-D data only), while its tab is the one shown."""
        if self.controller.dataset.n_inputs == 2 and self.right_tabs.currentWidget() is self.decision_map:
            self.decision_map.show_surface(self.controller.decision_surface())

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
            self, self.tr("Set a parameter"), fill(self.tr("New value of %1:"), spec.symbol.unicode),
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

    def _on_controller_running_changed(self, running: bool) -> None:
        if running:
            self.play_phases_action.setChecked(False)
        if not running:
            self._update_plot()  # nothing stale once paused
        self.run_action.blockSignals(True)
        self.run_action.setChecked(running)
        self.run_action.blockSignals(False)
        self.run_action.setText(self.tr("&Pause") if running else self.tr("&Run"))
        self.run_action.setIconText(plain_text(self.run_action.text()))
        self._update_status()

    def _on_controller_selection_changed(self, index: int) -> None:
        self.topology.select_parameter(index)
        self.table.select_parameter(index)
        self._update_derivation()

    def show_message(self, level: str, text: str) -> None:
        """A message for the learner in the status bar (an error also in a box while the window is shown)."""
        self.last_message = (level, text)
        self.status_area.show_message(level, text)
        if level == "error":
            self.banner.setText(text)
            self.banner.show()
        else:
            self.banner.hide()
        if level == "error" and self.isVisible() and not os.environ.get("BPGUI_NO_DIALOGS"):
            # Plain text: a message may quote a CSV cell or a file name, which must not render as HTML.
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("bpgui"), text, QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()

    def _on_speed_changed(self, position: int) -> None:
        speed = SPEEDS[position]
        self.controller.set_speed(speed)
        self.speed_label.setText(self.tr("max") if speed == 0 else fill(self.tr("%1/s"), speed))

    def _update_status(self) -> None:
        c = self.controller
        phase = c.phase_view
        self.status_area.show_status(status_line(c.status(), c.settings.mode,
                                                 None if phase is None else c.display_record(),
                                                 phase is not None and phase.error_known))

    # ---- files --------------------------------------------------------------------------------------
    def _on_open_triggered(self) -> None:
        main_files.open_network(self)

    def _on_save_triggered(self) -> None:
        main_files.save_network(self)

    def _on_import_triggered(self) -> None:
        main_files.import_data(self)

    def export_table(self, path: str) -> bool:
        return main_files.export_table(self, path)

    def export_picture(self, which: str, path: str) -> bool:
        """Save the network drawing ("network") or the error curve ("error") to ``path`` (PNG or SVG)."""
        return main_files.export_picture(self, which, path)

    def _on_export_table_triggered(self) -> None:
        main_files.export_table(self)

    def _on_export_topology_triggered(self) -> None:
        main_files.export_picture(self, "network")

    def _on_export_plot_triggered(self) -> None:
        main_files.export_picture(self, "error")

    def _on_about_triggered(self) -> None:
        main_files.about(self)

    # ---- geometry and remembered settings ----------------------------------------------------------------
    def save_preferences(self) -> None:
        save_preferences(self, self._qsettings)

    def closeEvent(self, event) -> None:
        if not getattr(self, "_closing_for_language", False):
            self.controller.pause()
            self.controller.cancel_job()
            self.save_preferences()
        if self in _OPEN_WINDOWS:
            _OPEN_WINDOWS.remove(self)
        super().closeEvent(event)

