"""``python -m bpgui screenshot``'s options each change what is drawn; a bad value is one line naming
the option, exit code 2, and no picture.

Run in process through ``bpgui.cli.main``; what the window showed is read just before it is grabbed.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

import bpgui.app
from bpgui.app import SCREENSHOT_TABS, parameter_index
from bpgui.cli import SCREENSHOT_LANGUAGES, main
from bpgui.model.errors import ConfigError
from bpgui.model.naming import parameter_specs
from bpgui.views import practice_shots
from bpgui.views.language import LANGUAGES, current_language
from bpgui.views.text_scale import text_scale

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def shown(monkeypatch):
    """What the window showed when it was grabbed (one dict per screenshot)."""
    seen: list[dict] = []
    arrange = bpgui.app._arrange

    def spy(window, controller, options, index):
        arrange(window, controller, options, index)
        phase = controller.phase_view
        seen.append({"selected": controller.selected_parameter, "phase": None if phase is None else phase.index,
                     "tab": window.right_tabs.currentIndex(), "title": window.windowTitle(),
                     "scale": text_scale(), "language": current_language(),
                     "presentation": window.presentation() if hasattr(window, "presentation") else None,
                     "iteration": controller.status()["iteration"]})

    monkeypatch.setattr(bpgui.app, "_arrange", spy)
    return seen


def shoot(capsys, tmp_path, *options: str) -> tuple[int, str, str]:
    out = tmp_path / "shot.png"
    code = main(["screenshot", str(out), "--steps", "3", "--size", "1024x640", *options])
    stdout, stderr = capsys.readouterr()
    return code, stdout, stderr


def test_the_choices_are_the_apps():
    assert tuple(LANGUAGES) == SCREENSHOT_LANGUAGES
    assert SCREENSHOT_TABS == bpgui.cli.SCREENSHOT_TABS
    assert practice_shots.MODES == bpgui.cli.PRACTICE_MODES


def test_each_practice_mode_is_left_mid_way(capsys, tmp_path, monkeypatch):
    """Each mode as practice_shots leaves it: the prediction asked, the sheet over the window, the bug."""
    seen = {}
    stage = practice_shots.stage

    def staged(window, mode):
        stage(window, mode)
        c = window.controller
        seen[mode] = (c.predicting and c.prompt is not None and window.predict_bar.isVisible(),
                      window.worksheet is not None and len(c.worksheet_answers()) == 2,
                      c.bug_planted and window.bug_banner.isVisible() and window.check_action.isChecked())

    monkeypatch.setattr(practice_shots, "stage", staged)
    for mode in practice_shots.MODES:
        assert shoot(capsys, tmp_path, "--practice", mode)[0] == 0
        image = QImage(str(tmp_path / "shot.png"))
        assert (image.width(), image.height()) == (1024, 640)
    assert seen == {"predict": (True, False, False), "worksheet": (False, True, False), "bug": (False, False, True)}
    code, _, err = shoot(capsys, tmp_path, "--practice", "nonsense")
    assert code == 2 and "invalid choice: 'nonsense'" in err  # argparse names the choices


def test_without_options_the_window_is_as_it_starts(capsys, tmp_path, shown):
    assert shoot(capsys, tmp_path)[0] == 0
    assert shown == [{"selected": -1, "phase": None, "tab": 0, "title": shown[0]["title"], "scale": 1.0,
                      "language": "en", "presentation": False, "iteration": 3}]
    assert shown[0]["title"].startswith("bpgui — backpropagation")
    image = QImage(str(tmp_path / "shot.png"))
    assert (image.width(), image.height()) == (1024, 640)


@pytest.mark.parametrize(("name", "index"), [("v_11", 0), ("v_21", 2), ("γ_2", 5), ("w_11", 6), ("θ_1", 8),
                                             ("v₁₂", 1), ("θ₁", 8)])
def test_select_picks_the_parameter_trace_names(capsys, tmp_path, shown, name, index):
    assert shoot(capsys, tmp_path, "--select", name)[0] == 0
    assert shown[-1]["selected"] == index


def test_phase_n_leaves_the_next_iteration_after_n_phases(capsys, tmp_path, shown):
    assert shoot(capsys, tmp_path, "--phase", "2")[0] == 0
    assert shown[-1]["phase"] == 1 and shown[-1]["iteration"] == 3  # phase 2 of iteration 4: not applied yet
    assert shoot(capsys, tmp_path, "--phase", "6")[0] == 0  # the last phase, the update, applies it
    assert shown[-1]["phase"] == 5 and shown[-1]["iteration"] == 4


def test_tab_language_text_scale_and_presentation(capsys, tmp_path, shown):
    assert shoot(capsys, tmp_path, "--tab", "learned")[0] == 0
    assert shown[-1]["tab"] == 1
    assert shoot(capsys, tmp_path, "--language", "zh_CN")[0] == 0
    assert shown[-1]["language"] == "zh_CN" and any("\u4e00" <= c <= "\u9fff" for c in shown[-1]["title"])
    assert current_language() == "en"  # put back afterwards
    assert shoot(capsys, tmp_path, "--text-scale", "175%")[0] == 0
    assert shown[-1]["scale"] == 1.75
    assert shoot(capsys, tmp_path, "--text-scale", "1.5")[0] == 0
    assert shown[-1]["scale"] == 1.5
    assert text_scale() == 1.0  # put back afterwards


def test_presentation(capsys, tmp_path, shown):
    """Needs ``MainWindow.set_presentation`` (issue 10's presentation mode)."""
    assert shoot(capsys, tmp_path, "--presentation")[0] == 0
    assert shown[-1]["presentation"] is True and shown[-1]["scale"] > 1.0
    image = QImage(str(tmp_path / "shot.png"))
    assert (image.width(), image.height()) == (1024, 640)  # the size asked, not the screen's
    assert text_scale() == 1.0


@pytest.mark.parametrize(("options", "message"), [
    (("--phase", "7"), "--phase must be from 0 to 6 (the phases of one iteration of the 2-2-1 network), got 7"),
    (("--phase", "-1"), "--phase must be 0 or more"),
    (("--phase", "x"), "argument --phase: invalid int value: 'x'"),
    (("--select", "v_33"),
     "--select: the 2-2-1 network has no parameter 'v_33'; its names are v_11, v_12, v_21, …, θ_1"),
    (("--select", " "), "--select is empty"),
    (("--text-scale", "3"), "--text-scale must be from 1.0 to 2.5 (100% to 250%), got '3'"),
    (("--text-scale", "90%"), "--text-scale must be from 1.0 to 2.5"),
    (("--text-scale", "nan"), "--text-scale must be from 1.0 to 2.5"),
    (("--text-scale", "big"), "--text-scale must be a number such as 1.75 or a percentage such as 175%"),
    (("--language", "fr"), "argument --language: invalid choice: 'fr'"),
    (("--tab", "map"), "argument --tab: invalid choice: 'map'"),
    (("--lesson", "resources/lessons/05-one-iteration.json", "--lesson-step", "7"),
     "--lesson-step must be from 1 to 6 (the steps of resources/lessons/05-one-iteration.json), got 7"),
    (("--lesson", "no-such-lesson.json"), "no-such-lesson.json: no such file"),
])
def test_a_bad_value_is_one_line_naming_the_option_and_nothing_is_written(capsys, tmp_path, options, message):
    code, stdout, stderr = shoot(capsys, tmp_path, *options)
    assert code == 2 and stdout == ""
    assert len(stderr.splitlines()) == 1 and message in stderr and "Traceback" not in stderr
    assert not (tmp_path / "shot.png").exists()
    assert current_language() == "en" and text_scale() == 1.0


def test_parameter_index_names_a_deeper_network_as_trace_does():
    sizes = (2, 3, 2, 1)
    specs = parameter_specs(sizes)
    for index, spec in enumerate(specs):
        assert parameter_index(sizes, spec.name) == index
        assert parameter_index(sizes, spec.symbol.unicode) == index
    with pytest.raises(ConfigError, match=r"no parameter 'v_11'; its names are v\^\(1\)_11, .*, θ_1$"):
        parameter_index(sizes, "v_11")  # in a deeper network, trace names it v^(1)_11


def test_lesson_shows_the_step_the_lesson_sets(capsys, tmp_path, shown, monkeypatch):
    from bpgui.session.lessons import read_lesson

    monkeypatch.chdir(bpgui.app.__file__.rsplit("/bpgui/", 1)[0])
    path = "resources/lessons/05-one-iteration.json"
    assert shoot(capsys, tmp_path, "--lesson", path, "--lesson-step", "3")[0] == 0
    state = read_lesson(path).steps[2].state
    assert shown[-1]["phase"] == state.phase - 1 and shown[-1]["iteration"] == state.steps
