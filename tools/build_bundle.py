"""Build a one-folder desktop bundle of bpgui with PyInstaller, then smoke-test it.

    python tools/build_bundle.py             # build dist/bpgui/, then test it
    python tools/build_bundle.py --test-only # test the dist/bpgui/ already built

Run it with the Python that has bpgui's dependencies and PyInstaller (``pip install pyinstaller``;
this script installs nothing). The bundle is ``dist/bpgui/bpgui`` plus its ``_internal/`` folder:
copy the whole folder. It takes the same command line as ``python -m bpgui`` (a sub-command runs
it, none opens the window) and carries the resources a wheel ships (pyproject.toml's package-data:
data sets, translations, icons, desktop files), warning of any file in resources/ left out.

The smoke test runs the bundled program, offscreen: ``screenshot`` in English and in Chinese (the
pictures must be real pictures of the window's size, and differ: the translation was found) and a
short ``train`` on a built-in CSV data set. Not part of the test suite: it takes a minute or more.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "bundle"
NAME = "bpgui"

#: The bundle's entry: the command line of ``python -m bpgui`` (freeze_support first: the jobs'
#: worker process is started with "spawn", which re-runs this program).
ENTRY = '''\
import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from bpgui.cli import main

    raise SystemExit(main())
'''

#: Never used by bpgui and large: left out of the bundle.
EXCLUDED = ["tkinter", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtNetwork", "PySide6.QtPdf",
            "pyqtgraph.opengl", "matplotlib", "IPython", "pytest", "hypothesis"]
#: The window's default picture size (``screenshot --size``).
SHOT_SIZE = (1280, 800)


class BundleError(Exception):
    """A step failed; the message says which and why."""


def say(text: str) -> None:
    print(text, flush=True)


def executable(dist: Path) -> Path:
    return dist / NAME / NAME


def check_tools() -> None:
    """PyInstaller, bpgui and PySide6 importable from this Python, or a message saying what to install."""
    missing = [name for name in ("PyInstaller", "bpgui", "PySide6") if importlib.util.find_spec(name) is None]
    if "PyInstaller" in missing:
        raise BundleError(f"PyInstaller is not installed for {sys.executable}.\n"
                          f"  Install it with: {sys.executable} -m pip install pyinstaller")
    if missing:
        raise BundleError(f"{', '.join(missing)} cannot be imported by {sys.executable}: run this script with the "
                          f"Python that runs bpgui (e.g. .venv/bin/python after pip install -e .)")


def warn_missing_x_libraries() -> None:
    """The bundle carries the X libraries Qt's xcb plugin needs as found on this machine: say which are absent."""
    sys.path.insert(0, str(ROOT))
    from bpgui import platform_check

    plugin = platform_check.xcb_plugin()
    if plugin is None or not sys.platform.startswith("linux"):
        return
    probe = platform_check.library_probe(plugin)
    missing = [soname for soname in platform_check.XCB_LIBRARIES if not probe(soname)]
    if missing:
        packages = " ".join(dict.fromkeys(platform_check.XCB_LIBRARIES[soname] for soname in missing))
        say(f"warning: this machine lacks {', '.join(missing)}: the bundle will not carry them, and a desktop "
            f"without them cannot open its window.\n  To bundle them: sudo apt install {packages}")


def shipped_resources() -> list[Path]:
    """The files of resources/ that pyproject.toml's package-data ships (a wheel's bpgui/resources)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["bpgui.resources"]
    files = sorted({path for pattern in patterns for path in RESOURCES.glob(pattern) if path.is_file()})
    if not any(path.parent.name == "data" for path in files):
        raise BundleError("no resources/data/*.csv to bundle: is this a full checkout?")
    left_out = sorted(path for path in RESOURCES.rglob("*") if path.is_file() and path not in files)
    if left_out:
        names = ", ".join(str(path.relative_to(ROOT)) for path in left_out[:5]) + (" …" if len(left_out) > 5 else "")
        say(f"warning: {len(left_out)} file(s) in resources/ are not in pyproject.toml's package-data, so neither "
            f"a wheel nor the bundle ships them: {names}")
    return files


def pyinstaller_command(dist: Path, work: Path, entry: Path) -> list[str]:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--onedir", "--name", NAME,
               "--distpath", str(dist), "--workpath", str(work / "work"), "--specpath", str(work),
               "--paths", str(ROOT), "--collect-submodules", "bpgui", "--log-level", "WARN"]
    for path in shipped_resources():  # what the wheel ships, where the wheel has it
        folder = Path("bpgui", "resources", path.parent.relative_to(RESOURCES))
        command += ["--add-data", f"{path}{os.pathsep}{folder}"]
    icon = RESOURCES / "icons" / "app" / "bpgui-256.png"
    if sys.platform != "linux":  # the executable's own icon (Windows, macOS); Linux takes the .desktop's
        command += ["--icon", str(icon), "--windowed"]
    for module in EXCLUDED:
        command += ["--exclude-module", module]
    return [*command, str(entry)]


def build(dist: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    entry = work / "bpgui_entry.py"
    entry.write_text(ENTRY, encoding="utf-8")
    started = time.monotonic()
    say(f"building {executable(dist).relative_to(ROOT) if dist.is_relative_to(ROOT) else executable(dist)} "
        f"with PyInstaller (a few minutes)…")
    result = subprocess.run(pyinstaller_command(dist, work, entry), cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BundleError(f"PyInstaller failed (exit status {result.returncode}); its messages are above")
    if not executable(dist).is_file():
        raise BundleError(f"PyInstaller finished but {executable(dist)} is missing")
    say(f"built in {time.monotonic() - started:.0f} s: {folder_size(dist / NAME) / 1e6:.0f} MB in {dist / NAME}")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def run_bundle(dist: Path, args: list[str], *, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [str(executable(dist)), *args]
    say(f"  $ {NAME} {' '.join(args)}")
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BundleError(f"`{NAME} {' '.join(args)}` did not finish in {timeout:.0f} s") from exc
    if result.returncode != 0:
        raise BundleError(f"`{NAME} {' '.join(args)}` failed with exit status {result.returncode}:\n"
                          f"{result.stderr.strip() or result.stdout.strip()}")
    return result


def picture_problem(path: Path, size: tuple[int, int]) -> str | None:
    """Why ``path`` is not a real picture of the window (None: it is one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    if not path.is_file():
        return f"{path} was not written"
    image = QImage(str(path))
    if image.isNull():
        return f"{path} is not an image Qt can read"
    if (image.width(), image.height()) != size:
        return f"{path} is {image.width()}x{image.height()}, not {size[0]}x{size[1]}"
    colours = {image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)}
    if len(colours) < 50:
        return f"{path} has only {len(colours)} colours: a blank or broken window"
    return None


def smoke_test(dist: Path) -> None:
    if not executable(dist).is_file():
        raise BundleError(f"{executable(dist)} does not exist: build it first (without --test-only)")
    started = time.monotonic()
    say("smoke test (offscreen):")
    with tempfile.TemporaryDirectory(prefix="bpgui-bundle-") as scratch:
        pictures = {}
        for language in ("en", "zh_CN"):
            picture = Path(scratch) / f"window-{language}.png"
            run_bundle(dist, ["screenshot", str(picture), "--steps", "50", "--language", language])
            problem = picture_problem(picture, SHOT_SIZE)
            if problem is not None:
                raise BundleError(problem)
            pictures[language] = picture.read_bytes()
            say(f"    {picture.name}: {SHOT_SIZE[0]}x{SHOT_SIZE[1]}, {len(pictures[language]) // 1024} KB")
        if pictures["en"] == pictures["zh_CN"]:
            raise BundleError("the Chinese screenshot equals the English one: the bundle's translations were not found")
        kept = DIST / "bundle-smoke-test.png"
        if dist == DIST:
            shutil.copyfile(Path(scratch) / "window-en.png", kept)
            say(f"    kept the English picture as {kept.relative_to(ROOT)}")
        trained = run_bundle(dist, ["train", "--hidden", "2", "--data", "watermelon3.0alpha", "--epochs", "20"])
        if "training error E" not in trained.stdout:
            raise BundleError(f"`{NAME} train` printed no training error:\n{trained.stdout}")
    say(f"smoke test passed in {time.monotonic() - started:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/bpgui/ with PyInstaller and smoke-test it.")
    parser.add_argument("--test-only", action="store_true", help="only smoke-test the bundle already built")
    parser.add_argument("--dist", type=Path, default=DIST, help="the folder to build into (default dist/)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    try:
        if not args.test_only:
            check_tools()
            warn_missing_x_libraries()
            build(dist, WORK)
        smoke_test(dist)
    except BundleError as exc:
        print(f"build_bundle: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("build_bundle: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
