"""The watermelon tables in the learner's language: names differ, numbers never do."""

from __future__ import annotations

import pytest

from bpgui.model.datasets import BUILTIN_NAMES, LANGUAGES, load_builtin, load_dataset
from bpgui.model.errors import DataError

WATERMELONS = ("watermelon3.0", "watermelon3.0alpha")


@pytest.mark.parametrize("name", WATERMELONS)
def test_the_numbers_are_identical_in_both_languages(name):
    zh, en = load_builtin(name, language="zh_CN"), load_builtin(name, language="en")
    assert zh.inputs.tobytes() == en.inputs.tobytes()
    assert zh.targets.tobytes() == en.targets.tobytes()
    assert (zh.name, zh.source, zh.task) == (en.name, en.source, en.task) == (name, "builtin", "classification")
    assert len(zh.feature_names) == len(en.feature_names)
    assert not set(zh.feature_names) & set(en.feature_names)  # every name is translated


def test_english_names():
    alpha = load_builtin("watermelon3.0alpha", language="en")
    assert alpha.feature_names == ("density", "sugar_content")
    assert alpha.target_names == ("good_melon",) and alpha.class_names == ("no", "yes")
    full = load_builtin("watermelon3.0", language="en")
    assert full.feature_names[0] == "color=green" and full.feature_names[-2:] == ("density", "sugar_content")
    assert all(name.isascii() for name in full.feature_names)


def test_chinese_is_the_default_as_before():
    for name in WATERMELONS:
        default = load_builtin(name)
        assert default.class_names == ("否", "是") and default.target_names == ("好瓜",)
        assert default.feature_names == load_builtin(name, language="zh_CN").feature_names
    assert load_builtin("watermelon3.0alpha").feature_names == ("密度", "含糖率")


@pytest.mark.parametrize("language, chinese", [
    ("zh_CN", True), ("zh", True), ("zh-TW", True), ("ZH_cn", True), ("en", False), ("en_GB", False), ("de", False),
])
def test_any_language_code_finds_a_table(language, chinese):
    data = load_builtin("watermelon3.0alpha", language=language)
    assert (data.class_names == ("否", "是")) == chinese


@pytest.mark.parametrize("bad", ["", "  ", None, 3])
def test_a_missing_language_is_refused(bad):
    with pytest.raises(DataError, match="the language must be a language code"):
        load_builtin("watermelon3.0", language=bad)


def test_the_language_leaves_the_other_sets_alone():
    assert LANGUAGES == ("zh_CN", "en")
    for name in BUILTIN_NAMES:
        if name in WATERMELONS:
            continue
        zh, en = load_builtin(name, n_samples=12), load_builtin(name, n_samples=12, language="en")
        assert zh.inputs.tobytes() == en.inputs.tobytes() and zh.feature_names == en.feature_names


def test_load_dataset_passes_the_language():
    assert load_dataset("watermelon3.0", language="en").class_names == ("no", "yes")
    assert load_dataset("watermelon3.0").class_names == ("否", "是")
