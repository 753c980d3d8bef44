"""Start-up: on one or two cores the window fills on its own thread, not in Qt's GUI thread pool.

Qt's raster engine hands a fill of 96 or more scanlines to that pool and waits; on so few cores the hand-offs
cost more than they save (``bpgui.platform_check.SERIAL_FILLS_UP_TO``). No timing is judged here: only the
decision, and that this Qt honours the switch (no pool thread is started for a tall fill).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from bpgui.platform_check import SERIAL_FILLS_UP_TO, serial_fills


@pytest.mark.parametrize("cores", range(1, SERIAL_FILLS_UP_TO + 1))
def test_on_few_cores_the_pool_is_switched_off(cores):
    environ: dict[str, str] = {}
    assert serial_fills(environ, cores) is True
    assert environ == {"QT_NO_GUI_THREADPOOL": "1"}


@pytest.mark.parametrize("cores", [SERIAL_FILLS_UP_TO + 1, 8, 64])
def test_on_more_cores_qt_is_left_as_it_comes(cores):
    environ: dict[str, str] = {}
    assert serial_fills(environ, cores) is False
    assert environ == {}


@pytest.mark.parametrize("value", ["", "0", "1"])
def test_a_value_the_user_set_is_kept(value):
    environ = {"QT_NO_GUI_THREADPOOL": value}
    assert serial_fills(environ, 2) is False
    assert environ == {"QT_NO_GUI_THREADPOOL": value}


def test_the_user_may_ask_for_qts_pool():
    environ = {"BPGUI_GUI_THREADPOOL": "1"}
    assert serial_fills(environ, 1) is False
    assert environ == {"BPGUI_GUI_THREADPOOL": "1"}
    other = {"BPGUI_GUI_THREADPOOL": "0"}  # anything but 1: as if unset
    assert serial_fills(other, 1) is True


# A tall translucent fill (1,200 scanlines, blended), then the threads Qt's pools started.
_FILL = textwrap.dedent("""
    import os, sys
    from PySide6.QtWidgets import QApplication
    if sys.argv[1] == "bpgui":
        from bpgui.app import application
        app = application(["fills"])
    else:
        app = QApplication(["fills"])
    from PySide6.QtGui import QColor, QImage, QPainter
    image = QImage(900, 1200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(20, 40, 60, 128))  # blended, a span a scanline
    painter.end()
    task = f"/proc/{os.getpid()}/task"
    names = [open(f"{task}/{t}/comm").read().strip() for t in os.listdir(task)]
    print(sum(name == "Thread (pooled)" for name in names), os.environ.get("QT_NO_GUI_THREADPOOL", "-"))
""")


def _pooled_threads(how: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_NO_GUI_THREADPOOL", "BPGUI_GUI_THREADPOOL")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", _FILL, how], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    count, switch = done.stdout.split()
    return int(count), switch


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="threads are counted in /proc")
def test_the_application_fills_on_its_own_thread_on_few_cores():
    plain, _ = _pooled_threads("qt")
    assert plain >= 1  # the control: Qt as it comes hands a tall fill to its pool
    ours, switch = _pooled_threads("bpgui")
    if len(os.sched_getaffinity(0)) <= SERIAL_FILLS_UP_TO:
        assert (ours, switch) == (0, "1")
    else:  # (how many threads the pool starts depends on timing: one at least)
        assert ours >= 1 and switch == "-"
