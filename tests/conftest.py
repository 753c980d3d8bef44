import contextlib
import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bpgui.model import atomic
from bpgui.platform_check import serial_fills

# Qt must never need a display in the test suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite's QApplication (pytest-qt's) paints as the app's does: see bpgui.platform_check.serial_fills.
serial_fills()
# QSettings() must never read or write the user's own configuration.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bpgui-tests-")


@contextlib.contextmanager
def _full_disk(folder: Path, monkeypatch: pytest.MonkeyPatch, size: str = "64k") -> Iterator[str]:
    """``folder`` made a disk with no space left: a 64 KiB tmpfs filled up (as root), else an
    injected ENOSPC after the first kilobyte of every write. Yields how ("tmpfs" or "injected").
    Whatever was in ``folder`` before stays readable (the tmpfs is mounted on a fresh subfolder's
    contents copied in). The mount is always removed."""
    folder.mkdir(exist_ok=True)
    kept = {p.name: p.read_bytes() for p in folder.iterdir()}
    mounted = False
    if os.geteuid() == 0 and shutil.which("mount") and shutil.which("umount"):
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", os.fspath(folder)],
                                 capture_output=True).returncode == 0
    try:
        if mounted:
            for name, data in kept.items():
                (folder / name).write_bytes(data)
            with contextlib.suppress(OSError), open(folder / ".filler", "wb") as handle:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
            yield "tmpfs"
        else:
            real = atomic._write_all

            def no_space(name: str, data: bytes) -> None:
                real(name, data[:1024])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)

            monkeypatch.setattr(atomic, "_write_all", no_space)
            yield "injected"
    finally:
        monkeypatch.undo()
        if mounted:
            subprocess.run(["umount", os.fspath(folder)], check=True)


@pytest.fixture()
def full_disk(monkeypatch):
    """``with full_disk(folder[, size="64k"]) as how:`` makes ``folder`` a disk with no space left
    (a filled tmpfs as root, else an injected ENOSPC); ``how`` says which."""
    return lambda folder, size="64k": _full_disk(folder, monkeypatch, size)


@pytest.fixture()
def held_background(monkeypatch: pytest.MonkeyPatch):
    """Every iteration counts as heavy for Run and Step, and the background computation waits for
    the returned event before it starts (so a test can act while it is computing)."""
    import threading

    from bpgui.session import running

    monkeypatch.setattr(running, "HEAVY_SECONDS", -1.0)
    gate = threading.Event()
    real = running.Background.start

    def start(self, plan, compute):  # type: ignore[no-untyped-def]
        def held(p):  # type: ignore[no-untyped-def]
            assert gate.wait(30)
            return compute(p)

        real(self, plan, held)

    monkeypatch.setattr(running.Background, "start", start)
    return gate

