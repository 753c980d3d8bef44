"""Two languages: every translatable string has its Chinese translation, and the switch works live."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from bpgui.model.text import placeholders

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "bpgui_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease from the interpreter's environment (the venv), else from PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it ships with PySide6-Essentials")
    return found


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    # Our own translation file, parsed as plain XML (no entities, no code).
    root = ET.parse(path).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def test_every_translatable_string_in_the_code_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "bpgui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = messages(fresh)
    shipped = messages(TS)
    assert len(in_code) > 250
    missing = [key for key in in_code if key not in shipped]
    assert not missing, f"strings without a translation entry (run tools/update_translations.py): {missing[:10]}"
    unfinished = [key for key, tr in shipped.items() if key in in_code and (
        tr is None or not (tr.text or "").strip() or tr.get("type") == "unfinished")]
    assert not unfinished, f"untranslated strings: {unfinished[:10]}"


def test_translations_keep_exactly_their_placeholders_and_accelerators():
    checked = {"%": 0, "{": 0}
    for (context, source), translation in messages(TS).items():
        text = translation.text or ""
        # %1 … and {name} alike: the same ones, as often (fill() fills them in one pass).
        assert placeholders(text) == placeholders(source), (context, source, text)
        for kind in checked:
            checked[kind] += any(p.startswith(kind) for p in placeholders(source))
        accelerator = re.search(r"&(\w)", source.replace("&&", ""))
        if accelerator:
            assert f"&{accelerator.group(1)}".lower() in text.lower(), (context, source, text)
    assert checked["%"] > 50 and checked["{"] > 50  # both kinds are really in the file


def test_the_placeholder_check_can_fail():
    assert placeholders("%1 set to %2.") != placeholders("%1 设为 %1。")
    assert placeholders("{file}: line {line}") != placeholders("{file}：第 {lines} 行")


def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    built = tmp_path / "check.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "rebuild it: python tools/update_translations.py --build"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "&Step") not in ("", "&Step")


def test_switching_language_rebuilds_the_window_and_keeps_training_state(window, switch_language):
    for _ in range(3):
        window.step_action.trigger()
    chinese = switch_language(window, "zh_CN")
    titles = [a.text() for a in chinese.menuBar().actions()]
    assert any("文件" in t for t in titles) and chinese.step_action.text().startswith("单步")
    assert chinese.controller is window.controller and chinese.controller.iteration == 3
    assert "迭代" in chinese.caption.text() or "样本" in chinese.caption.text()
    assert chinese.language_actions["zh_CN"].isChecked()
    english = switch_language(chinese, "en")
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.controller.iteration == 3


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_refused_setting_is_explained_in_chinese_in_the_status_bar(window, switch_language, user):
    chinese = switch_language(window, "zh_CN")
    panel = chinese.settings_panel
    before = chinese.controller.settings
    # Refused by the panel itself, by the parser of the layer sizes and by the model's stop conditions.
    for field, text in (("learning_rate", "abc"), ("hidden", "abc"), ("target_error", "-1")):
        chinese.message_label.clear()
        user.type_into(getattr(panel, field), text)
        assert chinese.last_message[0] == "error", field
        shown = chinese.message_label.text()
        assert CJK.search(shown), (field, shown)
        assert not re.search(r"\b(must|number|got|positive|target)\b", shown), (field, shown)
    assert chinese.controller.settings == before


def test_a_refused_file_is_explained_in_chinese_with_its_line_and_column(controller, qtbot, tmp_path,
                                                                          english_afterwards):
    from PySide6.QtWidgets import QApplication

    from bpgui.app import install_language

    bad = tmp_path / "坏.csv"
    bad.write_text("a,b,label\n1,2,yes\n3,x,no\n4,5,yes\n5,6,no\n", encoding="utf-8")
    install_language(QApplication.instance(), "zh_CN")
    with qtbot.waitSignal(controller.message) as blocker:
        assert controller.import_data(str(bad)) is False
    level, text = blocker.args
    assert level == "error" and "坏.csv" in text and "3" in text
    assert "行" in text and "line" not in text


def test_no_menu_mnemonic_leaks_into_chinese_buttons_or_tooltips(window, switch_language):
    import re

    from PySide6.QtWidgets import QToolButton

    chinese = switch_language(window, "zh_CN")
    buttons = [b for b in chinese.toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
    assert len(buttons) >= 8
    leak = re.compile(r"[(（]&?[A-Za-z][)）]|&")
    for button in buttons:
        assert not leak.search(button.text()), button.text()
        assert not leak.search(button.defaultAction().toolTip()), button.defaultAction().toolTip()
    assert chinese.step_action.text() != chinese.step_action.iconText()  # the menu keeps its mnemonic
    chinese.run_action.trigger()
    assert not leak.search(chinese.run_action.iconText())
    chinese.run_action.trigger()


def test_the_watermelon_set_speaks_the_windows_language(window, user, switch_language):
    user.choose(window.settings_panel.data, "watermelon 3.0")
    english_names = window.topology.input_names()[:3]
    assert all(name.isascii() for name in english_names), english_names
    chinese = switch_language(window, "zh_CN")
    chinese_names = chinese.topology.input_names()[:3]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in chinese_names), chinese_names
    assert chinese.settings_panel.data.currentText() == "西瓜数据集 3.0"
