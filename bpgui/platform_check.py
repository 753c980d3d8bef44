"""Before the QApplication exists: can Qt's platform plugin open a window? If not, say what to install.

On a fresh Linux, Qt's xcb plugin cannot load without a dozen X libraries that a minimal system lacks
(``libxcb-cursor0`` first of all), and Qt then aborts with a message that names the plugin, not the
packages. :func:`preflight` runs before ``QApplication`` (``app.main`` only: tests and screenshots
never pass here) and, in the one case it can be sure of, prints what to install and returns exit
status 1 instead:

* Linux, and Qt will use ``xcb``: ``QT_QPA_PLATFORM`` (or ``-platform``) is unset or names only xcb,
  and nothing says the session is Wayland (then Qt may pick its wayland plugin: not checked);
* no display to connect to (no ``DISPLAY``, no ``-display``), or PySide6's ``libqxcb.so`` is found
  and a library it needs does not load (each probed with ``ctypes.CDLL``; a copy beside Qt's own
  libraries, as in a bundle, counts as present).

Anything else, and any error while deciding, lets Qt try: the check never blocks a setup that could
work. ``BPGUI_NO_PLATFORM_CHECK=1`` skips it.

No Qt here (it must run before Qt loads a plugin), and the sentences are English: like the command
line's, they are written to a terminal, before any translator can be installed.

:func:`serial_fills`, also before the QApplication (``app.application``, every start), asks Qt to paint its
fills on the window's thread on a machine of one or two cores.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Every system library PySide6's xcb plugin needs, with the Debian/Ubuntu package that ships it: the
#: ELF NEEDED entries of ``plugins/platforms/libqxcb.so`` and ``lib/libQt6XcbQpa.so.6`` (PySide6 6.11;
#: ``readelf -d``), less Qt's own libraries and the C/C++ runtime every Python has.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

#: Set to 1 to skip the check and let Qt try whatever it would.
SKIP_VARIABLE = "BPGUI_NO_PLATFORM_CHECK"
#: The exit status when bpgui cannot open a window.
EXIT_NO_WINDOW = 1

NO_DISPLAY = ("bpgui cannot open a window: there is no display to connect to (DISPLAY and WAYLAND_DISPLAY "
              "are not set). Start it from a desktop session, or over ssh -X.")
MISSING_LIBRARIES = "bpgui cannot open a window: Qt's xcb platform plugin needs libraries that are not installed:"
MISSING_LINE = "  {soname} (package {package})"
INSTALL = "Install them with:\n  sudo apt install {packages}\n(Debian and Ubuntu package names.)"
OFFSCREEN_HINT = ("Without a window, bpgui can still render it to a picture:\n"
                  "  QT_QPA_PLATFORM=offscreen {command} screenshot window.png")
SKIP_HINT = f"To let Qt try anyway: {SKIP_VARIABLE}=1"


@dataclass(frozen=True)
class Verdict:
    """Whether to go ahead and create the QApplication; if not, what to print and which libraries are missing."""

    go_ahead: bool
    message: str = ""
    missing: tuple[str, ...] = ()


GO_AHEAD = Verdict(True)


def _argument(argv: Sequence[str], name: str) -> str | None:
    """The value after Qt's command-line option ``name`` (``-platform``, ``-display``), or None."""
    for index, word in enumerate(argv[1:-1], start=1):
        if word in (name, f"-{name}"):
            return argv[index + 1]
    return None


def _platforms(environ: Mapping[str, str], argv: Sequence[str]) -> list[str]:
    """The plugins Qt will try in order, as named (``xcb:opt=1;offscreen`` → xcb, offscreen); [] = Qt's default."""
    requested = _argument(argv, "-platform")
    if requested is None:
        requested = environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":", 1)[0].strip().lower() for part in requested.split(";") if part.strip()]


def _wayland_session(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("WAYLAND_DISPLAY", "").strip()) or \
        environ.get("XDG_SESSION_TYPE", "").strip().lower() == "wayland"


def decide(environ: Mapping[str, str], argv: Sequence[str], *, system: str, plugin: Path | None,
           probe: Callable[[str], bool], command: str = "python -m bpgui") -> Verdict:
    """Whether Qt can open a window; ``probe(soname)`` says whether a library loads; ``plugin`` is
    PySide6's ``libqxcb.so`` (None: not found, the libraries are not checked); ``command`` runs bpgui."""
    if not system.startswith("linux") or environ.get(SKIP_VARIABLE, "").strip() == "1":
        return GO_AHEAD
    if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").strip():
        return GO_AHEAD  # someone else's plugins: their needs are unknown here
    platforms = _platforms(environ, argv)
    if platforms:
        if set(platforms) != {"xcb"}:
            return GO_AHEAD  # another plugin, first or as a fallback
    elif _wayland_session(environ):
        return GO_AHEAD  # Qt may choose its wayland plugin
    parts: list[str] = []
    if not environ.get("DISPLAY", "").strip() and _argument(argv, "-display") is None:
        parts.append(NO_DISPLAY)
    missing: tuple[str, ...] = ()
    if plugin is not None:
        missing = tuple(soname for soname in XCB_LIBRARIES if not probe(soname))
    if missing:
        packages = list(dict.fromkeys(XCB_LIBRARIES[soname] for soname in missing))
        parts.append("\n".join([MISSING_LIBRARIES, *(MISSING_LINE.format(soname=soname, package=XCB_LIBRARIES[soname])
                                                      for soname in missing)]))
        parts.append(INSTALL.format(packages=" ".join(packages)))
    if not parts:
        return GO_AHEAD
    parts += [OFFSCREEN_HINT.format(command=command), SKIP_HINT]
    return Verdict(False, "\n".join(parts), missing)


def xcb_plugin() -> Path | None:
    """PySide6's ``Qt/plugins/platforms/libqxcb.so``, found without importing PySide6; None if absent."""
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(location) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if candidate.is_file():
            return candidate
    return None


def library_probe(plugin: Path | None) -> Callable[[str], bool]:
    """``probe(soname)``: whether the dynamic linker loads it, or a copy sits beside Qt's libraries
    (a bundle's, which the plugin's RUNPATH finds)."""
    beside = [plugin.parents[2] / "lib"] if plugin is not None else []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        beside.append(Path(frozen))

    def probe(soname: str) -> bool:
        try:
            ctypes.CDLL(soname)
            return True
        except OSError:
            return any((folder / soname).exists() for folder in beside)

    return probe


def check(environ: Mapping[str, str], argv: Sequence[str]) -> Verdict:
    """:func:`decide` on this machine; any error while deciding lets Qt try."""
    try:
        if not sys.platform.startswith("linux") or environ.get(SKIP_VARIABLE, "").strip() == "1":
            return GO_AHEAD
        plugin = xcb_plugin()
        command = sys.executable if getattr(sys, "frozen", False) else "python -m bpgui"  # a bundle: itself
        return decide(environ, argv, system=sys.platform, plugin=plugin, probe=library_probe(plugin), command=command)
    except Exception:
        return GO_AHEAD


def preflight(environ: Mapping[str, str], argv: Sequence[str]) -> int | None:
    """None when Qt may go ahead; else the message is on stderr and this is the exit status."""
    verdict = check(environ, argv)
    if verdict.go_ahead:
        return None
    sys.stderr.write(verdict.message + "\n")
    sys.stderr.flush()
    return EXIT_NO_WINDOW


#: Qt's raster engine hands each fill of 96 or more scanlines to a GUI thread pool (a thread per core here) and
#: waits for it. On one or two cores that costs more than it saves: a Step hands over about 70 fills on XOR,
#: each a thread to wake and wait for beside the window's own work. Filling on the window's thread instead,
#: measured 2026-12-01 on a 2-core VM, three alternated processes each (``benchmarks``' Step → repainted
#: window): a repaint of the unchanged window 2.0-2.3 → 1.2-1.3 ms on XOR and 4.0-4.8 → 1.4 ms on 784-128-10,
#: Step + repaint 11.9-13.0 → 10.7-11.7 and 20.9-21.4 → 17.3-17.8 ms; on one core (taskset) 11.9-13.2 → 10.5-11.0
#: and 19.5-19.9 → 17.0-18.4 ms. The pixels are the same. More cores were not measured: Qt is left as it comes.
SERIAL_FILLS_UP_TO = 2


def serial_fills(environ: MutableMapping[str, str] = os.environ, cores: int | None = None) -> bool:
    """On a machine of at most ``SERIAL_FILLS_UP_TO`` cores (those this process may run on), set
    ``QT_NO_GUI_THREADPOOL`` (Qt reads it once, at its first pooled fill) so that Qt fills on the window's
    thread. Not where the variable is set already (Qt only asks whether it is set, so any value turns the
    pool off), nor where ``BPGUI_GUI_THREADPOOL=1`` asks for Qt's pool. True if set here."""
    if "QT_NO_GUI_THREADPOOL" in environ or environ.get("BPGUI_GUI_THREADPOOL") == "1":
        return False
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores > SERIAL_FILLS_UP_TO:
        return False
    environ["QT_NO_GUI_THREADPOOL"] = "1"
    return True
