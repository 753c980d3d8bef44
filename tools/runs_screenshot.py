"""The Runs panel's pictures in docs/: XOR η 0.5 trained 200 iterations, forked at t = 200 with η = 2 and with
accumulated BP, every run trained to epoch 600 side by side, run B shown with the difference table filled.

    QT_QPA_PLATFORM=offscreen python tools/runs_screenshot.py OUT.png [--size 1280x800] [--language zh_CN]
                                                              [--text-scale 1.75]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--language", default="en")
    parser.add_argument("--text-scale", type=float, default=1.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["BPGUI_NO_DIALOGS"] = "1"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from bpgui.platform_check import serial_fills

    serial_fills()  # paint as the app does (bpgui.app.application)
    app = QApplication(sys.argv[:1])
    from bpgui.controller import Settings, TrainingController
    from bpgui.views import runs_panel
    from bpgui.views.language import install_language
    from bpgui.views.main_window import MainWindow

    install_language(app, args.language)
    qsettings = QSettings(os.path.join(tempfile.mkdtemp(), "runs.ini"), QSettings.Format.IniFormat)
    qsettings.setValue("ui/language", args.language)
    controller = TrainingController(Settings(target_error=0.05, learning_rate=0.5))
    window = MainWindow(controller, qsettings)
    size = tuple(int(v) for v in args.size.split("x"))
    window.resize(*size)
    window.show()
    app.processEvents()
    window.set_text_scale(args.text_scale)
    for _ in range(200):
        controller.step()
    runs = runs_panel.runs_dock(window).runs
    runs.fork(replace(controller.settings, learning_rate=2.0))
    runs.show_run(0)
    runs.fork(replace(controller.settings, mode="accumulated"))
    runs.train_all(600)
    controller.wait_for_jobs(120_000)
    runs.show_run(1)
    for _ in range(10):
        app.processEvents()
    window.resize(*size)
    for _ in range(5):
        app.processEvents()
    window.grab().save(args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
