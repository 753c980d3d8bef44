"""The check before the QApplication: when Qt's xcb plugin cannot load, bpgui names what to install
and exits with status 1; anything it cannot be sure of lets Qt try. Qt-free (the probe is faked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui import platform_check
from bpgui.platform_check import XCB_LIBRARIES, decide

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = Path("/somewhere/PySide6/Qt/plugins/platforms/libqxcb.so")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check acts on Linux only")


def missing(*sonames: str):
    """A probe under which ``sonames`` do not load and every other library does."""
    return lambda soname: soname not in sonames


def never_called(soname: str) -> bool:
    raise AssertionError(f"probed {soname} although the libraries did not matter")


def run(environ, argv=("bpgui",), *, system="linux", plugin=PLUGIN, probe=None):
    return decide(environ, list(argv), system=system, plugin=plugin, probe=probe or missing())


def test_missing_libraries_are_named_with_their_packages_and_an_apt_line():
    verdict = run({"DISPLAY": ":0"}, probe=missing("libxcb-cursor.so.0", "libxcb-icccm.so.4"))
    assert not verdict.go_ahead
    assert verdict.missing == ("libxcb-cursor.so.0", "libxcb-icccm.so.4")
    assert "libxcb-cursor.so.0 (package libxcb-cursor0)" in verdict.message
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in verdict.message
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4\n" in verdict.message
    assert "no display" not in verdict.message  # there is one
    assert platform_check.SKIP_VARIABLE in verdict.message


def test_every_library_missing_names_each_once_and_each_package_once():
    verdict = run({"DISPLAY": ":0"}, probe=missing(*XCB_LIBRARIES))
    assert verdict.missing == tuple(XCB_LIBRARIES)
    for soname, package in XCB_LIBRARIES.items():
        assert f"{soname} (package {package})" in verdict.message
    apt = next(line for line in verdict.message.splitlines() if "sudo apt install" in line).split()[3:]
    assert apt == list(dict.fromkeys(XCB_LIBRARIES.values()))  # libglib2.0-0 once for glib and gthread


def test_the_list_covers_what_qt_itself_says_is_needed_from_6_5_on():
    # Qt's own message: "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin."
    assert XCB_LIBRARIES["libxcb-cursor.so.0"] == "libxcb-cursor0"
    assert all(package.islower() and " " not in package for package in XCB_LIBRARIES.values())


def test_a_complete_setup_goes_ahead():
    assert run({"DISPLAY": ":0"}).go_ahead
    assert run({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}).go_ahead


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "minimal", "xcb;offscreen", "wayland;xcb",
                                      "vnc:size=800x600"])
def test_another_plugin_chosen_first_or_as_a_fallback_goes_ahead_unprobed(platform):
    verdict = run({"DISPLAY": ":0", "QT_QPA_PLATFORM": platform}, probe=never_called)
    assert verdict.go_ahead


@pytest.mark.parametrize("platform", ["xcb", "XCB", " xcb ", "xcb:dpi=96", "xcb;xcb"])
def test_xcb_however_written_is_checked(platform):
    verdict = run({"DISPLAY": ":0", "QT_QPA_PLATFORM": platform}, probe=missing("libxcb-xkb.so.1"))
    assert not verdict.go_ahead and verdict.missing == ("libxcb-xkb.so.1",)


def test_the_command_lines_platform_wins_over_the_environment_as_in_qt():
    broken = missing("libxcb-cursor.so.0")
    assert run({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, ["bpgui", "-platform", "offscreen"], probe=broken).go_ahead
    assert not run({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, ["bpgui", "-platform", "xcb"],
                   probe=broken).go_ahead
    assert not run({"DISPLAY": ":0"}, ["bpgui", "-platform"], probe=broken).go_ahead  # no value: Qt's default


def test_a_wayland_session_is_left_to_qt_unless_xcb_is_asked_for():
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert run(wayland, probe=never_called).go_ahead
    assert run({"XDG_SESSION_TYPE": "wayland"}, probe=never_called).go_ahead
    assert not run({**wayland, "QT_QPA_PLATFORM": "xcb"}, probe=missing("libxcb-shm.so.0")).go_ahead


def test_no_display_at_all_says_so_and_how_to_make_a_picture_instead():
    verdict = run({}, probe=missing())
    assert not verdict.go_ahead and verdict.missing == ()
    assert "no display" in verdict.message and "DISPLAY" in verdict.message
    assert "QT_QPA_PLATFORM=offscreen python -m bpgui screenshot" in verdict.message
    assert run({"DISPLAY": "  "}).message == verdict.message  # blank is unset
    assert run({}, ["bpgui", "-display", ":1"]).go_ahead  # Qt's own option names one
    bundled = decide({}, ["bpgui"], system="linux", plugin=PLUGIN, probe=missing(), command="/opt/bpgui/bpgui")
    assert "QT_QPA_PLATFORM=offscreen /opt/bpgui/bpgui screenshot" in bundled.message  # a bundle names itself


def test_no_display_and_missing_libraries_say_both():
    verdict = run({}, probe=missing("libX11-xcb.so.1"))
    assert "no display" in verdict.message and "sudo apt install libx11-xcb1" in verdict.message


def test_other_systems_a_plugin_not_found_elsewhere_and_the_escape_hatch_go_ahead():
    assert run({}, system="win32", probe=never_called).go_ahead
    assert run({}, system="darwin", probe=never_called).go_ahead
    assert run({"DISPLAY": ":0"}, plugin=None, probe=never_called).go_ahead
    assert run({platform_check.SKIP_VARIABLE: "1"}, probe=never_called).go_ahead
    assert run({"DISPLAY": ":0", "QT_QPA_PLATFORM_PLUGIN_PATH": "/opt/qt/plugins"}, probe=never_called).go_ahead


@linux_only
def test_preflight_prints_the_message_and_returns_exit_status_1(monkeypatch, capsys):
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: PLUGIN)
    monkeypatch.setattr(platform_check, "library_probe", lambda plugin: missing("libxcb-randr.so.0"))
    assert platform_check.preflight({"DISPLAY": ":0"}, ["bpgui"]) == 1
    err = capsys.readouterr().err
    assert "libxcb-randr.so.0 (package libxcb-randr0)" in err and "sudo apt install libxcb-randr0" in err
    monkeypatch.setattr(platform_check, "library_probe", lambda plugin: missing())
    assert platform_check.preflight({"DISPLAY": ":0"}, ["bpgui"]) is None
    assert capsys.readouterr().err == ""


@linux_only
def test_an_error_while_deciding_lets_qt_try(monkeypatch):
    def broken(soname: str) -> bool:
        raise RuntimeError("a probe that breaks")

    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: PLUGIN)
    monkeypatch.setattr(platform_check, "library_probe", lambda plugin: broken)
    assert platform_check.check({"DISPLAY": ":0"}, ["bpgui"]).go_ahead


@linux_only
def test_the_probe_counts_a_copy_beside_qts_libraries_as_present(tmp_path):
    plugin = tmp_path / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    (tmp_path / "Qt" / "lib").mkdir(parents=True)
    (tmp_path / "Qt" / "lib" / "libnot-a-real-bpgui-library.so.7").write_bytes(b"")
    probe = platform_check.library_probe(plugin)
    assert probe("libnot-a-real-bpgui-library.so.7")  # does not load, but a bundle's copy is there
    assert not probe("libnot-a-real-bpgui-library.so.8")
    assert probe("libc.so.6")  # loads


@linux_only
def test_the_real_plugin_is_found_without_importing_pyside():
    found = subprocess.run([sys.executable, "-c", "import sys; from bpgui import platform_check as p; "
                            "print(p.xcb_plugin()); print('PySide6' in sys.modules)"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert found[0].endswith("Qt/plugins/platforms/libqxcb.so") and Path(found[0]).is_file()
    assert found[1] == "False"


@linux_only
def test_main_py_without_a_display_exits_1_with_the_message_not_a_qt_abort():
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM",
                          platform_check.SKIP_VARIABLE, "QT_QPA_PLATFORM_PLUGIN_PATH")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("bpgui cannot open a window: there is no display")
    assert "qt.qpa.plugin" not in result.stderr


_NAMES = ["DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM", "QT_QPA_PLATFORM_PLUGIN_PATH",
          platform_check.SKIP_VARIABLE, "HOME"]
_VALUES = st.one_of(st.sampled_from(["", "xcb", "wayland", "offscreen", ";", ":", "xcb;", ";;xcb", ":0", "1"]),
                    st.text(max_size=30))
_ARGV = st.lists(st.one_of(st.sampled_from(["-platform", "--platform", "-display", "xcb", "offscreen"]),
                           st.text(max_size=20)), max_size=6)


@settings(max_examples=150, deadline=None)
@given(environ=st.dictionaries(st.sampled_from(_NAMES), _VALUES, max_size=6), argv=_ARGV,
       absent=st.sets(st.sampled_from(sorted(XCB_LIBRARIES)), max_size=4),
       system=st.sampled_from(["linux", "win32", "darwin"]), found=st.booleans())
def test_odd_environments_give_a_verdict_never_an_error(environ, argv, absent, system, found):
    verdict = decide(environ, ["bpgui", *argv], system=system, plugin=PLUGIN if found else None,
                     probe=missing(*absent))
    assert verdict.go_ahead == (verdict.message == "")
    assert set(verdict.missing) <= absent
    for soname in verdict.missing:
        assert f"{soname} (package {XCB_LIBRARIES[soname]})" in verdict.message
    if system != "linux":
        assert verdict.go_ahead


@linux_only
@settings(max_examples=40, deadline=None)
@given(environ=st.dictionaries(st.sampled_from(_NAMES), _VALUES, max_size=6), argv=_ARGV)
def test_the_real_check_never_raises(environ, argv):
    verdict = platform_check.check(environ, ["bpgui", *argv])
    assert verdict.go_ahead == (verdict.message == "")


def test_the_readmes_apt_line_installs_every_package_the_check_can_ask_for():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a Linux desktop", 1)[1].split("\n## ", 1)[0]
    command = section.split("```sh\n", 1)[1].split("```", 1)[0].replace("\\\n", " ")
    assert command.split()[:3] == ["sudo", "apt", "install"]
    assert set(XCB_LIBRARIES.values()) <= set(command.split()[3:])
