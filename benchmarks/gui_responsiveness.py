"""How long the window takes to appear: start to first painted window.

Prints (offscreen Qt): start → first painted window, in a fresh process, median of three; reference:
a fresh process that only imports Qt and paints an empty window. Target ≤ 2.5 s. (Step → repaint and
Run's iterations/s and event-loop gaps are issue 11's figures: ``benchmarks/run.py`` measures them.)
Run:  python benchmarks/gui_responsiveness.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRATCH = tempfile.mkdtemp()

STARTUP = r"""
import os, sys, time
t0 = float(sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
{body}
class First(QObject):
    def eventFilter(self, w, e):
        if e.type() == QEvent.Type.Paint:
            print(time.time() - t0, flush=True)
            os._exit(0)
        return False
f = First()
widget.installEventFilter(f)
widget.show()
app.exec()
"""
APP_BODY = r"""
sys.path.insert(0, {root!r})
from bpgui.app import application
app = application([sys.argv[0]])
from bpgui.views.main_window import MainWindow
widget = MainWindow(qsettings=QSettings({ini!r}, QSettings.Format.IniFormat))
"""
EMPTY_BODY = r"""
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
"""


def startup(runs: int = 3) -> None:
    def measure(body: str) -> float:
        times = []
        for _ in range(runs):
            code = STARTUP.replace("{body}", body)
            out = subprocess.run([sys.executable, "-c", code, repr(time.time())], capture_output=True, text=True,
                                 timeout=60)
            times.append(float(out.stdout.strip().splitlines()[-1]))
        return statistics.median(times)

    ini = os.path.join(SCRATCH, "startup.ini")
    t_app = measure(APP_BODY.format(root=str(ROOT), ini=ini))
    t_empty = measure(EMPTY_BODY)
    print(f"start → first painted window: {t_app:.2f} s   (empty Qt window {t_empty:.2f} s)")


def main() -> None:
    startup()


if __name__ == "__main__":
    main()
