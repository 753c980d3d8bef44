"""The main window: topology, stepping controls, the live gradient table, the error curve.

Why one module of ~540 lines: it is the one place that wires the views to the controller and
turns each controller signal into what every view shows; its menus, toolbar, status bar,
file dialogs, dialogs, preferences and practice slots (main_practice) are already in modules beside it.

Only this class wires signals to slots. Views render what the controller
holds and send intent to it; the window adds menus, the toolbar, the status
bar, file dialogs and QSettings (geometry and the learner's last settings).
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QInputDialog,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..controller import SPEEDS, Settings, TrainingController
from ..model.errors import BpguiError
from ..model.naming import parameter_spec
from ..model.numbers import DEFAULT_DIGITS
from ..model.text import fill
from . import bug_hunt, main_files, main_view
from .caption import CaptionArea
from .decision_map import DecisionMapView
from .derivation_panel import DerivationPanel
from .dialogs import PerceptronDialog
from .dock_title import DockTitle
from .error_plot import ErrorPlotView
from .gradient_table import COL_NEW_VALUE, COL_VALUE, GradientTableView
from .language import SYSTEM, current_language, install_language
from .main_menus import (
    WindowParts,
    apply_icons,
    apply_run_icon,
    build_menus,
    build_toolbar,
    fit_toolbar,
    make_actions,
    plain_text,
)
from .main_practice import WindowPractice
from .phase_text import phase_caption
from .predict_bar import PredictBar
from .preferences import remembered_settings, restore_preferences, save_preferences, settings_replaced
from .presentation import Presentation, ReadoutBar
from .run_cadence import RunCadence
from .settings_panel import SettingsPanel
from .status_area import StatusArea
from .status_text import caption_text, iteration_curve_name, status_line
from .surface_panel import SurfacePanel
from .text_scale import text_scale
from .topology import TopologyView
from .view_options import (
    next_text_scale,
)
from .worksheet_panel import WorksheetWindow

__all__ = ["MainWindow", "plain_text"]

DEFAULT_SIZE = QSize(1280, 800)
# Windows rebuilt for a new language are kept alive here (nothing else holds them).
_OPEN_WINDOWS: list[MainWindow] = []
MESSAGE_MS = 15_000
WRITE_WAIT_MS = 120_000  # a closing window waits this long at most for a file still being written


class MainWindow(QMainWindow, WindowParts, RunCadence, WindowPractice):
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
        self._derivation_key: tuple[object, object, tuple[int, tuple[int, int], int]] | None = None  # shown
        self.worksheet: WorksheetWindow | None = None
        self.setWindowTitle(self.tr("bpgui — backpropagation, step by step"))
        self.resize(DEFAULT_SIZE)

        self.topology = TopologyView()
        self.table = GradientTableView()
        self.table.copy_elsewhere = partial(main_files.copy_large, self)
        self.plot = ErrorPlotView()
        self.settings_panel = SettingsPanel()
        self.derivation = DerivationPanel()
        self.decision_map = DecisionMapView()
        self.perceptron: PerceptronDialog | None = None

        # Everything a learner looks at stays on screen together: the network and
        # the error curve side by side, the gradient table under them.
        self.caption = CaptionArea()
        network_box = QWidget()
        box_layout = QVBoxLayout(network_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(0)
        # An error is also written here, whole and wrapped (the status bar cuts long ones off);
        # a click or the next message's expiry hides it.
        self.banner = main_view.banner(main_view.ERROR_BANNER)
        self.bug_banner = bug_hunt.banner()  # Find the bug: shown while a bug is planted
        self.predict_bar = PredictBar(self.controller)  # Predict before each phase: shown while practising
        box_layout.addWidget(self.bug_banner)
        box_layout.addWidget(self.predict_bar)
        box_layout.addWidget(self.banner)
        box_layout.addWidget(self.caption)
        box_layout.addWidget(self.topology, 1)
        self.right_tabs = QTabWidget()
        self.right_tabs.setDocumentMode(True)  # no frame around the page: it cost 0.5 of a repaint's 0.7 ms
        # Whole tab titles at any text size: no scroll arrows, so the column is never narrower than they are.
        self.right_tabs.tabBar().setUsesScrollButtons(False)
        self.right_tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.right_tabs.addTab(self.plot, self.tr("Error curve"))
        self.right_tabs.addTab(self.decision_map, self.tr("What it learned"))
        self.surface = SurfacePanel(self.controller)  # it wires its own controller (controller/exploring.py)
        self.right_tabs.addTab(self.surface, self.tr("Surface"))
        # The chain rule sits under the curve, so the gradient table can use the full
        # width for its columns (the gradient check adds two).
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.right_tabs)
        right.addWidget(self.derivation)
        right.setSizes([3000, 2000])
        right.setObjectName("right_splitter")
        self.right_splitter = right
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
        splitter.setSizes([3000, 1700])  # the table below scrolls; the pictures above need the room
        splitter.setObjectName("main_splitter")
        top.setObjectName("top_splitter")
        self.splitter, self.top_splitter = splitter, top
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.readout = ReadoutBar()  # t, E_k and E in large type across the window: shown while presenting
        self.readout.hide()
        central_layout.addWidget(self.readout)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        scroll = QScrollArea()
        scroll.setWidget(self.settings_panel)
        scroll.setWidgetResizable(True)
        dock = QDockWidget(self.tr("Settings"), self)
        dock.setObjectName("settings_dock")
        dock.setWidget(scroll)
        dock.setTitleBarWidget(DockTitle(dock))  # its title follows the text size (Qt's own does not)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.settings_dock = dock

        self._phase_timer = QTimer(self)
        self._phase_timer.timeout.connect(self._on_phase_timer_timeout)
        self.init_cadence()

        self.presentation_state = Presentation(self)
        self.settings_folded = False  # large text on a small screen folded the settings dock away
        self.sizes_before_map: list[list[int]] | None = None  # splitters before "What it learned" took room
        self.shown_digits = DEFAULT_DIGITS  # View → Digits (main_view.py)
        make_actions(self)
        build_toolbar(self)
        build_menus(self, str(self._qsettings.value("ui/language", SYSTEM)))
        self._make_status_bar()
        self._wire()
        self.right_tabs.currentChanged.connect(self._on_right_tabs_current_changed)
        for action in (self.step_action, self.step_epoch_action, self.back_action, self.reset_action):
            action.triggered.connect(lambda *_: self.play_phases_action.setChecked(False))
        restore_preferences(self, self._qsettings)
        main_view.restore(self, self._qsettings)
        self._on_controller_structure_changed()
        self._on_controller_settings_changed()
        self._on_controller_history_changed()
        self._on_controller_state_changed()
        self._on_controller_running_changed(self.controller.running)
        if self.controller.job_running:  # a window rebuilt for a new language while a job runs
            self._on_controller_job_started(self.controller.job_title)

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
            (c.unit_selection_changed, self._on_controller_unit_selection_changed),
            (c.message, self.show_message),
            (c.check_ready, self._on_controller_check_ready),
            (c.practice_changed, self._on_controller_practice_changed),
            (c.planted_changed, self._on_controller_planted_changed),
            (c.predict_asked, self.predict_bar.ask),
            (c.state_changed, self.predict_bar.stale),
            (c.job_started, self._on_controller_job_started),
            (c.job_progress, self.status_area.job_progress),
            (c.job_finished, self.status_area.job_finished),
        ]
        for signal, slot in self._controller_links:
            signal.connect(slot)
        self._on_controller_planted_changed(c.bug_planted)  # a window rebuilt for a language, mid-hunt too
        with QSignalBlocker(self.predict_action):  # and mid-prediction: the question stays asked
            self.predict_action.setChecked(c.predicting)
        self.predict_bar.restore()
        self.topology.parameter_selected.connect(c.select_parameter)
        self.topology.unit_selected.connect(c.select_unit)
        self.derivation.factor_hovered.connect(self._on_derivation_factor_hovered)
        self.topology.edit_requested.connect(self._on_topology_edit_requested)
        self.table.parameter_selected.connect(c.select_parameter)
        self.table.value_edit_requested.connect(c.edit_parameter)
        self.table.invalid_edit.connect(lambda text: self.show_message("error", text))
        self.table.digits_changed.connect(self.set_digits)  # the table's Digits box is View → Digits
        self.settings_panel.changes_requested.connect(lambda changes: c.update_settings(**changes))
        self.settings_panel.import_requested.connect(self.import_data)
        self.settings_panel.invalid_input.connect(lambda text: self.show_message("error", text))
        self.speed.valueChanged.connect(self._on_speed_changed)
        self.seed.editingFinished.connect(lambda: c.update_settings(seed=self.seed.value()))
        self._on_speed_changed(self.speed.value())

    # ---- controller → views -----------------------------------------------------------------------
    def _on_controller_structure_changed(self) -> None:
        net = self.controller.network
        data = self.controller.dataset
        self.topology.set_structure(net.layer_sizes, data.feature_names, main_view.output_names(data))
        self.labels_action.blockSignals(True)
        self.labels_action.setChecked(self.topology.value_labels())
        self.labels_action.blockSignals(False)
        self.plot.set_iteration_curve_name(iteration_curve_name(self.controller.settings.mode))
        self.decision_map.set_data(data if data.n_inputs == 2 else None)
        self.export_map_action.setEnabled(data.n_inputs == 2)
        self.table.set_structure(self.controller.display_record().specs)
        self.topology.select_parameter(self.controller.selected_parameter)
        self.table.select_parameter(self.controller.selected_parameter)  # (a window rebuilt for a language too)

    def _on_controller_settings_changed(self) -> None:
        s = self.controller.settings
        self.settings_panel.show_settings(s)
        self.seed.blockSignals(True)
        self.seed.setValue(s.seed)
        self.seed.blockSignals(False)

    def _show_numbers(self) -> None:
        self._numbers_stale = False
        c = self.controller
        phase = c.phase_view
        shown = c.display_record()
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
        self.plot.set_current_iteration(c.iteration, c.end)
        self.plot.set_iteration_curve_name(iteration_curve_name(self.controller.settings.mode))
        if phase is None:
            self.caption.setText(caption_text(shown, preview=c.showing_preview))
        else:
            self.caption.setText(phase_caption(phase, shown, c.network, c.settings.learning_rate,
                                               digits=self.shown_digits))
        self._update_derivation()
        self._refresh_worksheet()
        self.undo_action.setEnabled(c.can_undo_edit)
        self._update_status()

    def _on_right_tabs_current_changed(self, index: int) -> None:
        self._update_map()
        main_view.fit_learned_tab(self, self.right_tabs.widget(index) in (self.decision_map, self.surface))

    def refresh_numbers(self) -> None:
        """Everything that writes numbers, again: after a change of the digits or the text size."""
        self._derivation_key = None
        self._on_controller_state_changed()

    def _update_derivation(self) -> None:
        """The chain-rule panel (a selected unit's forward pass above the chain) and, on the network,
        every path from E_k to the selected parameter with each edge's local derivative."""
        c = self.controller
        # What it shows follows from these alone (the record is immutable; a new state is a new object):
        # a unit's click announces its parameter, then the unit, and the second would build it all again.
        key = (c.display_record(), c.phase_view, (c.selected_parameter, c.selected_unit, self.shown_digits))
        last = self._derivation_key
        if last is not None and key[0] is last[0] and key[1] is last[1] and key[2] == last[2]:
            return
        self._derivation_key = key
        derivation = c.derivation()
        d, known = derivation if derivation is not None else (None, True)
        self.derivation.show_selection(c.forward_arithmetic(), d, known=known, paths=c.chain_paths())
        self._show_paths()

    def _show_paths(self) -> None:
        units, links = self.controller.path_highlight(self.shown_digits)
        if units or links:
            self.topology.highlight(units, links)
        else:
            self.topology.clear_highlight()

    def _on_derivation_factor_hovered(self, ref: str) -> None:
        """A factor under the pointer lights the unit or link it comes from; leaving it brings the paths back."""
        if ref:
            self.topology.highlight(*self.controller.factor_source(ref))
        else:
            self._show_paths()

    def _on_controller_unit_selection_changed(self, _layer: int, _unit: int) -> None:
        self._update_derivation()

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
        presenting = self.presentation()
        self.save_preferences()
        controller = self.controller
        # Training goes on (Run keeps running, a job keeps computing); this window stops listening.
        for signal, slot in self._controller_links:
            signal.disconnect(slot)
        self._phase_timer.stop()
        self.stop_cadence()  # a curve or network due now would reach this window's deleted views
        controller.setParent(None)
        replacement = MainWindow(controller, self._qsettings)
        replacement.show()
        replacement.set_presentation(presenting)
        if self.worksheet is not None and self.worksheet.isVisible():  # its answers are the session's: kept
            replacement.show_worksheet()
        _OPEN_WINDOWS.append(replacement)
        self._closing_for_language = True
        self.close()
        main_view.retire(self, emitting=self.language_actions.values())  # not the signal that runs this
        return replacement

    def _update_map(self) -> None:
        """The output over the input plane (2-D data only): in its tab while shown, and always (as Playground
        draws it) inside the network's units of the first hidden layer and the outputs. The surface is
        computed once per state shown (2-16-1: about 2.5 ms), so Run's 10 Hz repaint stays cheap."""
        planar = self.controller.dataset.n_inputs == 2
        in_tab = planar and self.right_tabs.currentWidget() is self.decision_map
        in_units = planar and self.unit_maps_action.isChecked()  # View → What each unit learned, inside it
        surface = self.controller.decision_surface() if in_tab or in_units else None
        if in_tab:
            self.decision_map.show_surface(surface)
        self.topology.show_surface(surface if in_units else None)

    def set_unit_maps(self, on: bool) -> None:
        self.unit_maps_action.setChecked(bool(on))
        self._update_map()

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
        spec = parameter_spec(self.controller.network.layer_sizes, index)
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
            self.run_started()
        else:
            self.show_everything()
        self.run_action.blockSignals(True)
        self.run_action.setChecked(running)
        self.run_action.blockSignals(False)
        self.run_action.setText(self.tr("&Pause") if running else self.tr("&Run"))
        self.run_action.setIconText(plain_text(self.run_action.text()))
        apply_run_icon(self)
        self._update_status()

    def _on_controller_selection_changed(self, index: int) -> None:
        with self.topology.batched():  # the selection and its paths: the network's labels placed once
            self.topology.select_parameter(index)
            self.table.select_parameter(index)
            self._update_derivation()
        self._refresh_worksheet()  # a big network's sheet follows the selected parameter's path

    def show_message(self, level: str, text: str) -> None:
        """A message for the learner in the status bar (an error also in a box while the window is shown)."""
        main_view.show_message(self, level, text)

    def _on_speed_changed(self, position: int) -> None:
        speed = SPEEDS[position]
        self.controller.set_speed(speed)
        self.speed_label.setText(self.tr("max") if speed == 0 else fill(self.tr("%1/s"), speed))

    def _update_status(self) -> None:
        c = self.controller
        phase = c.phase_view
        st, phases = c.status(), None if phase is None else c.display_record()
        known = phase is not None and phase.error_known
        self.status_area.show_status(status_line(st, c.settings.mode, phases, known, digits=self.shown_digits))
        self.readout.show_status(st, c.settings.mode, phases, known)

    # ---- text size, digits, presentation (main_view.py) ---------------------------------------------
    def set_text_scale(self, scale: float, fit_dock: bool = True) -> None:
        """Every text in the window at ``scale`` (1.0–2.5), remembered (not while presenting)."""
        main_view.set_text_scale(self, scale, fit_dock)

    def text_scale_value(self) -> float:
        return text_scale()

    def change_text_scale(self, direction: int) -> None:
        """The next larger (``direction`` > 0) or smaller text size of View → Text size."""
        self.set_text_scale(next_text_scale(text_scale(), direction))

    def set_digits(self, digits: int) -> None:
        """Significant digits of every number on screen (1–17), remembered."""
        main_view.set_digits(self, digits)

    def digits(self) -> int:
        return self.shown_digits

    def qsettings(self) -> QSettings:
        """Where the window remembers its preferences."""
        return self._qsettings

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: full screen, large text, high contrast, the class's layout (Esc leaves);
        leaving puts back the window, its panels and the text size exactly as they were."""
        main_view.set_presentation(self, on)

    def presentation(self) -> bool:
        return self.presentation_state.active()

    def splitters(self) -> list[QSplitter]:
        """The window's splitters, outermost first (presentation mode saves and restores them)."""
        return [self.splitter, self.top_splitter, self.right_splitter]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        fit_toolbar(self, text_scale())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            apply_icons(self)  # light or dark icons for the new palette
        super().changeEvent(event)

    # ---- files --------------------------------------------------------------------------------------
    def import_data(self) -> None:
        main_files.import_data(self)

    def export_table(self, path: str) -> bool:
        return main_files.export_table(self, path)

    def export_picture(self, which: str, path: str, size: QSize | None = None) -> bool:
        """Save the network drawing ("network"), the error curve ("error") or the maps ("map") to ``path``
        (PNG or SVG), ``size`` pixels (None: as shown)."""
        return main_files.export_picture(self, which, path, size)

    # ---- geometry and remembered settings ----------------------------------------------------------------
    def save_preferences(self) -> None:
        self.set_presentation(False)  # the normal window is the one remembered
        save_preferences(self, self._qsettings)

    def _on_controller_job_started(self, title: str) -> None:
        self.status_area.job_started(title, self.controller.job_cancellable)

    def closeEvent(self, event) -> None:
        if not getattr(self, "_closing_for_language", False):
            self.controller.pause()
            self.controller.cancel_job()  # everything but a file being written, which the window waits for:
            self.controller.wait_for_jobs(WRITE_WAIT_MS)  # a save asked for is never lost (session/writing.py)
            self.save_preferences()
        if self in _OPEN_WINDOWS:
            _OPEN_WINDOWS.remove(self)
        if self.worksheet is not None:  # its floating window goes with it
            self.worksheet.close()
        super().closeEvent(event)

