"""ARCHITECTURE.md's size rule, checked: no module of bpgui is over 600 lines, and one over 500 says at
its top why it is one concept ("Why one module")."""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "bpgui"
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_is_found():
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_600_lines_and_a_long_one_says_why(path):
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= 600, f"{path.name} has {lines} lines: split it along a seam"
    if lines > 500:
        assert "Why one module" in text[:1500], f"{path.name} has {lines} lines and does not say why it is one"
