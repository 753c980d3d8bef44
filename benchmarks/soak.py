"""Soak: the process's memory while the window runs for minutes, and after many language switches.

    python benchmarks/soak.py [--minutes 2] [--switches 40]

Prints the resident set (Linux /proc) every 10 s of Run on XOR (the window
visible offscreen, repainting as it does for a learner), then the resident
set and the time of one step before and after ``--switches`` language
switches. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BPGUI_NO_DIALOGS"] = "1"

from PySide6.QtCore import QEvent, QSettings

from bpgui.app import application

app = application([sys.argv[0]])

from bpgui.controller import Settings, TrainingController  # noqa: E402
from bpgui.views.main_window import MainWindow  # noqa: E402


def resident_mib() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        # What the event loop does between events: objects given to deleteLater() are freed.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.001)


def step_ms(window: MainWindow, n: int = 30) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        window.controller.step()
        window.repaint()
        app.processEvents()
        times.append(time.perf_counter() - start)
    return sorted(times)[n // 2] * 1e3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp()
    qs = QSettings(os.path.join(scratch, "soak.ini"), QSettings.Format.IniFormat)
    window = MainWindow(TrainingController(Settings(target_error=None)), qs)
    window.resize(1280, 800)
    window.show()
    pump(0.5)
    print(f"start: {resident_mib():7.1f} MiB")
    window.controller.set_running(True)
    start = time.monotonic()
    while time.monotonic() - start < args.minutes * 60:
        pump(10)
        print(f"run {time.monotonic() - start:6.0f} s: t = {window.controller.iteration:>10,}  "
              f"{resident_mib():7.1f} MiB", flush=True)
    window.controller.pause()
    before_ms, before_mib = step_ms(window), resident_mib()
    for n in range(args.switches):
        window = window.set_language("zh_CN" if n % 2 == 0 else "en")
        pump(0.05)
    after_ms, after_mib = step_ms(window), resident_mib()
    print(f"{args.switches} language switches: {before_mib:7.1f} → {after_mib:7.1f} MiB, "
          f"step + repaint {before_ms:.1f} → {after_ms:.1f} ms (median)")


if __name__ == "__main__":
    main()
