"""bpgui on a desktop: the .desktop entry, the AppStream metainfo, the icon at every size, the window's
icon, the version in About, and the packaging that ships them."""

from __future__ import annotations

import configparser
import fnmatch
import importlib.util
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

import bpgui
from bpgui import app as app_module
from bpgui.platform_check import Verdict
from bpgui.views import main_files
from bpgui.views.about_dialog import ABOUT_ICON_PX, ICON_SIZES, about_box, app_icon

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ICONS = RESOURCES / "icons" / "app"
DESKTOP = RESOURCES / f"{app_module.DESKTOP_ID}.desktop"
METAINFO = RESOURCES / f"{app_module.DESKTOP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def colours(image: QImage, step: int = 1) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_the_desktop_entry_launches_bpgui_with_its_icon_in_education():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "bpgui" and entry["Comment"]
    command = entry["Exec"].split()
    assert command[0] == "bpgui"  # the gui-script pyproject installs
    assert "bpgui" in PYPROJECT["project"]["gui-scripts"]
    assert all(word in ("%f", "%F", "%u", "%U") or not word.startswith("%") for word in command[1:])
    assert entry["Icon"] == app_module.DESKTOP_ID
    categories = entry["Categories"].split(";")
    assert "Education" in categories and categories[-1] == ""  # the list ends with ';'
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == app_module.APPLICATION  # the X11 class Qt gives the window


def test_the_metainfo_describes_the_app_and_its_version_is_pyprojects():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == app_module.DESKTOP_ID
    assert root.findtext("name") == "bpgui"
    assert root.findtext("summary")
    assert len(root.findall("description/p")) >= 1 and "backpropagation" in root.findtext("description/p")
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name and DESKTOP.is_file()
    assert root.find("content_rating").get("type", "").startswith("oars-")
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]
    releases = root.findall("releases/release")
    assert releases, "no release listed"
    assert releases[0].get("version") == PYPROJECT["project"]["version"] == bpgui.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_icon_png_has_its_size_and_a_drawing(size):
    image = QImage(str(APP_ICONS / f"bpgui-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent outside the rounded square
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() == 255
    assert len(colours(image, max(1, size // 32))) >= 8  # background, links, units, the arrow


def render_svg(size: int) -> QImage:
    """The icon as tools/render_icons.py renders it (its own function, loaded from the script)."""
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return QImage.fromData(script.render(APP_ICONS / "bpgui.svg", size)).convertToFormat(
        QImage.Format.Format_ARGB32_Premultiplied)


def test_the_svg_renders_and_the_pngs_are_rendered_from_it():
    """tools/render_icons.py was run after the SVG's last edit: a fresh rendering matches the PNG."""
    fresh = render_svg(64)
    shipped = QImage(str(APP_ICONS / "bpgui-64.png")).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert len(colours(fresh)) >= 8
    differences = [abs(fresh.pixelColor(x, y).red() - shipped.pixelColor(x, y).red())
                   + abs(fresh.pixelColor(x, y).alpha() - shipped.pixelColor(x, y).alpha())
                   for x in range(64) for y in range(64)]
    assert sum(differences) / len(differences) < 2


def test_the_application_and_its_window_carry_the_icon_and_the_version(window):
    application = app_module.application()
    assert application.applicationVersion() == app_module.version() == bpgui.__version__
    assert not application.windowIcon().isNull()
    assert not window.windowIcon().isNull()
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert sizes == {(s, s) for s in ICON_SIZES}


def test_about_shows_the_icon_the_version_and_what_bpgui_is(window, tmp_path):
    app_module.application()
    box = about_box(window)
    assert f"Version {bpgui.__version__}" in box.text()
    assert "backpropagation" in box.text()
    assert box.windowTitle() == "About bpgui"
    pixmap = box.iconPixmap()
    assert not pixmap.isNull()
    assert pixmap.deviceIndependentSize().toSize() == QSize(ABOUT_ICON_PX, ABOUT_ICON_PX)
    box.show()
    picture = box.grab()
    assert picture.save(str(tmp_path / "about.png"))
    box.close()


def test_help_about_opens_that_box(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    app_module.application()
    main_files.about(window)
    assert len(shown) == 1 and f"Version {bpgui.__version__}" in shown[0]


def test_main_stops_before_the_application_when_the_check_refuses(monkeypatch, capsys):
    monkeypatch.setattr(app_module.platform_check, "check",
                        lambda environ, argv: Verdict(False, "bpgui cannot open a window: test"))

    def no_application(argv=None):
        raise AssertionError("the QApplication was made although the check refused")

    monkeypatch.setattr(app_module, "application", no_application)
    assert app_module.main(["bpgui"]) == 1
    assert "bpgui cannot open a window: test" in capsys.readouterr().err


def test_pyproject_ships_every_subpackage_and_the_desktop_files():
    packages = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "bpgui").rglob("__init__.py")}
    assert on_disk <= packages, f"not in pyproject's packages: {sorted(on_disk - packages)}"
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["bpgui.resources"]
    shipped = [DESKTOP, METAINFO, APP_ICONS / "bpgui.svg", *(APP_ICONS / f"bpgui-{s}.png" for s in ICON_SIZES)]
    for path in shipped:
        relative = path.relative_to(RESOURCES).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) and relative.count("/") == pattern.count("/")
                   for pattern in patterns), f"{relative} is not in pyproject's package-data"
