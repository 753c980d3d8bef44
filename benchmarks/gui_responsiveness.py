"""How the window keeps up: step to repaint, run mode, start-up.

Prints (offscreen Qt; figures beside a reference measured in the same run):
  * step → fully repainted window, median over many steps, on XOR 2-2-1 and
    on 64-32-10; reference: a repaint of the same window with nothing changed.
    Targets: ≤ 16 ms (2-2-1), ≤ 50 ms (64-32-10).
  * run mode on XOR 2-2-1 for a few seconds: iterations per second, repaints
    per second of the network view, and the longest the event loop was
    blocked (a 5 ms timer probe). Targets: ≥ 10,000 it/s, ≥ 30 fps, ≤ 50 ms.
  * start to first painted window, in a fresh process; reference: a fresh
    process that only imports Qt and paints an empty window. Target ≤ 2.5 s.
Run:  python benchmarks/gui_responsiveness.py [--run-seconds S]   (default 5)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BPGUI_NO_DIALOGS"] = "1"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, QTimer  # noqa: E402

from bpgui.app import application  # noqa: E402

app = application([sys.argv[0]])

from bpgui.controller import Settings, TrainingController  # noqa: E402
from bpgui.views.main_window import MainWindow  # noqa: E402

SCRATCH = tempfile.mkdtemp()


def make_window(settings: Settings) -> MainWindow:
    qs = QSettings(os.path.join(SCRATCH, "b.ini"), QSettings.Format.IniFormat)
    window = MainWindow(TrainingController(settings), qs)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return window


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1e3


def step_to_repaint(settings: Settings, label: str, steps: int = 150) -> None:
    window = make_window(settings)
    c = window.controller
    step_times, idle_times = [], []
    for _ in range(steps):
        t0 = time.perf_counter()
        c.step()
        window.repaint()
        app.processEvents()
        step_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        window.repaint()
        app.processEvents()
        idle_times.append(time.perf_counter() - t0)
    print(f"step → repainted window, {label:<9}: median {median_ms(step_times):6.2f} ms"
          f"   (repaint alone {median_ms(idle_times):6.2f} ms)")
    window.close()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def run_mode(seconds: float) -> None:
    window = make_window(Settings(target_error=None))
    c = window.controller
    counter = PaintCounter()
    window.topology.viewport().installEventFilter(counter)
    gaps: list[float] = []
    clock = QElapsedTimer()
    last = [0.0]

    def probe() -> None:
        now = clock.nsecsElapsed() / 1e9
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(probe)
    clock.start()
    timer.start()
    c.set_running(True)
    start_t = c.iteration
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
    c.set_running(False)
    timer.stop()
    elapsed = clock.nsecsElapsed() / 1e9
    its = (c.iteration - start_t) / elapsed
    print(f"run mode, XOR 2-2-1, {seconds:g} s to t = {c.iteration:,}: {its:,.0f} iterations/s, "
          f"network view repainted {counter.count / elapsed:.0f}/s,"
          f" event loop blocked at most {max(gaps) * 1e3:.1f} ms (probe every 5 ms; median gap"
          f" {statistics.median(gaps) * 1e3:.1f} ms)")
    window.close()


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
    step_to_repaint(Settings(), "2-2-1")
    # 64-32-10: a synthetic 64-input, 10-class set, saved as CSV and imported.
    import numpy as np

    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (200, 64))
    classes = rng.integers(0, 10, 200)
    path = os.path.join(SCRATCH, "digits64.csv")
    with open(path, "w") as out:
        out.write(",".join(f"p{i}" for i in range(64)) + ",digit\n")
        for row, cls in zip(x, classes):
            out.write(",".join(f"{v:.4f}" for v in row) + f",c{cls}\n")
    step_to_repaint(Settings(data=path, hidden=(32,)), "64-32-10")
    seconds = float(sys.argv[sys.argv.index("--run-seconds") + 1]) if "--run-seconds" in sys.argv else 5.0
    run_mode(seconds)
    startup()


if __name__ == "__main__":
    main()
