"""Qt application start-up: QApplication, translators, the main window. No logic."""

from __future__ import annotations

import importlib.metadata
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QSettings, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from . import platform_check
from .model.errors import ConfigError
from .model.naming import parameter_specs
from .views.about_dialog import app_icon
from .views.language import SYSTEM, install_language

if TYPE_CHECKING:
    from .controller import TrainingController
    from .views.main_window import MainWindow

ORGANIZATION = "bpgui"
APPLICATION = "bpgui"
#: The desktop entry's and AppStream's id (resources/io.github.bpgui.desktop): Wayland matches the window to it.
DESKTOP_ID = "io.github.bpgui"


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        platform_check.serial_fills()
        app = QApplication(list(argv if argv is not None else sys.argv))
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
        app.setDesktopFileName(DESKTOP_ID)
        install_language(app, str(QSettings().value("ui/language", SYSTEM)))
    if not app.applicationVersion():  # also on an application made elsewhere (pytest-qt's)
        app.setApplicationVersion(version())
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    return app


def version() -> str:
    """bpgui's version: the installed distribution's, else the package's own (a bundle has no metadata)."""
    try:
        return importlib.metadata.version("bpgui")
    except importlib.metadata.PackageNotFoundError:
        from . import __version__

        return __version__


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv)
    refused = platform_check.preflight(os.environ, args)  # before Qt loads a platform plugin it may abort on
    if refused is not None:
        return refused
    app = application(args)
    from .views.main_window import MainWindow  # after the QApplication exists

    window = MainWindow()
    window.show()
    from .views.session_menu import open_arguments

    open_arguments(window, app.arguments()[1:])  # `bpgui FILE`, `python main.py FILE`: a session, network or CSV
    return app.exec()


#: What Qt's offscreen platform says on every screenshot, or per tile of a very large one: not ours to fix.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()", "This plugin does not support raise()",
                    "QPainter::")


def _quiet_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """A Qt message handler: the known offscreen warnings are dropped, anything else goes to stderr."""
    if kind == QtMsgType.QtWarningMsg and message.startswith(_OFFSCREEN_NOISE):
        return
    sys.stderr.write(f"{message}\n")


#: ``--tab``: the right-hand tabs of the window, in their order.
SCREENSHOT_TABS = ("curve", "learned", "surface")


def screenshot(path: str, *, data: str = "xor", hidden: Sequence[int] = (2,), steps: int = 0,
               size: tuple[int, int] = (1280, 800), progress: Callable[[int], None] | None = None,
               phase: int = 0, select: str | None = None, text_scale: float | None = None,
               language: str = "en", tab: str | None = None, presentation: bool = False,
               practice: str | None = None, lesson: str | None = None, lesson_step: int = 1,
               select2: str | None = None) -> None:
    """Render the window offscreen after ``steps`` iterations and save it as PNG (atomically).

    Then, in this order: ``phase`` phase steps of the next iteration; the
    parameter named ``select`` (as ``bpgui trace`` names it: ``v_11``,
    ``θ_1``, ``v^(1)_11``; or as drawn: ``v₁₁``) selected; presentation mode;
    the text at ``text_scale`` (1.0–2.5; default: the window's own); the
    right-hand ``tab`` ("curve", "learned" or "surface") shown, the error surface's second parameter
    ``select2`` (named as ``select``); a ``practice`` mode staged
    (``views.practice_shots``: "predict", "worksheet", "bug"); or, instead of all that, the ``lesson`` file
    followed to its step ``lesson_step`` (1-based). The window is built in
    ``language`` ("en" or "zh_CN"). A phase count or a name the network does
    not have is a ``ConfigError``, and nothing is written. The application's
    language and text scale are put back afterwards.
    ``progress(done)`` is called about every two seconds of a long fast-forward.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BPGUI_NO_DIALOGS"] = "1"
    previous = qInstallMessageHandler(_quiet_offscreen_noise)
    try:
        _screenshot(path, data=data, hidden=hidden, steps=steps, size=size, progress=progress,
                    options=_ShotOptions(phase, select, text_scale, language, tab, presentation, practice, lesson,
                                         lesson_step, select2))
    finally:
        qInstallMessageHandler(previous)


@dataclass(frozen=True)
class _ShotOptions:
    phase: int = 0
    select: str | None = None
    text_scale: float | None = None
    language: str = "en"
    tab: str | None = None
    presentation: bool = False
    practice: str | None = None
    lesson: str | None = None
    lesson_step: int = 1
    select2: str | None = None


def parameter_index(layer_sizes: Sequence[int], name: str, option: str = "--select") -> int:
    """The canonical index of the parameter ``name`` (trace's ``v_11``/``θ_1``, or the drawn ``v₁₁``)."""
    specs = parameter_specs(layer_sizes)
    wanted = name.strip()
    for index, spec in enumerate(specs):
        if wanted in (spec.name, spec.symbol.unicode):
            return index
    shape = "-".join(map(str, layer_sizes))
    examples = list(dict.fromkeys(s.name for s in specs))
    listed = ", ".join(examples[:3] + (["…"] if len(examples) > 4 else []) + examples[3:][-1:])
    raise ConfigError(f"{option}: the {shape} network has no parameter {name!r}; its names are {listed}")


def _screenshot(path: str, *, data: str, hidden: Sequence[int], steps: int, size: tuple[int, int],
                progress: Callable[[int], None] | None, options: _ShotOptions) -> None:
    app = application([sys.argv[0]])
    from .controller import Settings, TrainingController
    from .views import practice_shots
    from .views.files import save_image
    from .views.language import current_language
    from .views.main_window import MainWindow
    from .views.text_scale import apply_text_scale
    from .views.text_scale import text_scale as current_text_scale

    language, scale = current_language(), current_text_scale()
    install_language(app, options.language)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            # A throwaway settings file: a screenshot never reads or changes the user's.
            qsettings = QSettings(os.path.join(scratch, "screenshot.ini"), QSettings.Format.IniFormat)
            controller = TrainingController(Settings(data=data, hidden=tuple(hidden), target_error=None))
            window = MainWindow(controller, qsettings)
            try:
                window.resize(*size)
                index = _checked_options(controller, options)  # refused before any work
                _fast_forward(controller, steps, progress)
                window.show()  # laid out first: the tabs and splitters arrange themselves for a shown window
                app.processEvents()
                _arrange(window, controller, options, index)
                window.resize(*size)  # presentation mode went full screen: the picture keeps the size asked
                for _ in range(5):
                    app.processEvents()
                image = window.grab() if options.practice is None else practice_shots.picture(window, options.practice)
                save_image(image, path)  # refusals are BpguiErrors naming the path
            finally:
                window.close()
    finally:
        install_language(app, language)
        apply_text_scale(scale)


def _fast_forward(controller: TrainingController, steps: int, progress: Callable[[int], None] | None) -> None:
    done, chunk, last_report = 0, 1000, time.monotonic()
    while done < steps:  # in slices, growing to about a second each, so that progress can be told
        n = min(chunk, steps - done)
        started = time.monotonic()
        controller.fast_forward(n)
        done += n
        now = time.monotonic()
        if now - started < 0.5:
            chunk *= 2
        if progress is not None and done < steps and now - last_report >= 2.0:
            last_report = now
            progress(done)


def _checked_options(controller: TrainingController, options: _ShotOptions) -> int:
    """The selected parameter's index (−1: none); a phase count or a name the network lacks is refused."""
    count = len(controller.phase_plan)
    if not 0 <= options.phase <= count:
        shape = "-".join(map(str, controller.network.layer_sizes))
        raise ConfigError(f"--phase must be from 0 to {count} (the phases of one iteration of the {shape} "
                          f"network), got {options.phase}")
    if options.lesson is not None:
        from .session.lessons import read_lesson

        steps = len(read_lesson(options.lesson).steps)  # a refused file is a BpguiError naming its key
        if not 1 <= options.lesson_step <= steps:
            raise ConfigError(f"--lesson-step must be from 1 to {steps} (the steps of {options.lesson}), "
                              f"got {options.lesson_step}")
    index = -1 if options.select is None else parameter_index(controller.network.layer_sizes, options.select)
    if options.select2 is not None and parameter_index(controller.network.layer_sizes, options.select2,
                                                       "--select2") == index:
        raise ConfigError(f"--select2 must name another parameter than --select ({options.select!r})")
    return index


def _arrange(window: MainWindow, controller: TrainingController, options: _ShotOptions, index: int) -> None:
    """Phases, selection, presentation, text size and tab, in the order ``screenshot`` lists them."""
    for _ in range(options.phase):
        controller.step_phase()
    if index >= 0:
        controller.select_parameter(index)
    if options.presentation:
        window.set_presentation(True)
        window.setWindowState(Qt.WindowState.WindowNoState)  # the picture's own size, not the screen's
    if options.text_scale is not None:
        window.set_text_scale(options.text_scale)
    if options.tab is not None:
        window.right_tabs.setCurrentIndex(SCREENSHOT_TABS.index(options.tab))
    if options.select2 is not None:
        window.surface.set_pair(window.surface.pair[0], parameter_index(controller.network.layer_sizes,
                                                                        options.select2))
    if options.practice is not None:
        from .views import practice_shots

        practice_shots.stage(window, options.practice)
    if options.lesson is not None:
        from .views import lesson_panel

        lesson_panel.begin(window, options.lesson)
        lesson_panel.lessons_of(window).go(options.lesson_step - 1)
