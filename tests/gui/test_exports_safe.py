"""Picture exports on a full disk, onto a FIFO or a read-only file: an error naming the user's path,
and the previous good file untouched (Qt's painters and image writers never report ENOSPC, so the
pictures are made in memory and written by the checked atomic writer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage, QPixmap

from bpgui.model.errors import BpguiError
from bpgui.views.files import checked_svg, png_bytes, save_image, svg_document


def _visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".filler")


@pytest.fixture()
def trained(window, qtbot):
    window.controller.fast_forward(40)
    qtbot.wait(1)
    return window


@pytest.mark.parametrize("which, name", [("network", "n.png"), ("network", "n.svg"),
                                         ("error", "e.png"), ("error", "e.svg")])
def test_a_failing_export_keeps_the_good_file_and_names_the_users_path(trained, tmp_path, full_disk,
                                                                      which, name):
    window = trained
    disk = tmp_path / "disk"
    disk.mkdir()
    path = disk / name
    assert window.export_picture(which, os.fspath(path))
    good = path.read_bytes()
    assert good.startswith(b"\x89PNG") if name.endswith(".png") else good.rstrip().endswith(b"</svg>")
    window.controller.fast_forward(40)  # a different picture now
    with full_disk(disk, size="4m"):
        assert not window.export_picture(which, os.fspath(path))
        assert path.read_bytes() == good
        assert _visible(disk) == [name]  # no temporary left behind
    level, text = window.last_message
    assert level == "error" and os.fspath(path) in text
    assert "No space left on device" in text and ".tmp" not in text


def test_the_decision_map_and_a_screenshot_keep_the_good_file_on_a_full_disk(trained, tmp_path, full_disk):
    window = trained
    window.right_tabs.setCurrentWidget(window.decision_map)
    disk = tmp_path / "disk"
    disk.mkdir()
    map_path, shot = disk / "map.png", disk / "shot.png"
    window.decision_map.export_image(map_path)
    save_image(window.grab(), shot)
    good = {p: p.read_bytes() for p in (map_path, shot)}
    with full_disk(disk, size="4m"):
        with pytest.raises(BpguiError) as info:
            window.decision_map.export_image(map_path)
        assert info.value.fields["file"] == os.fspath(map_path)
        with pytest.raises(BpguiError, match=r"shot\.png"):
            save_image(window.grab(), shot)
        assert {p: p.read_bytes() for p in good} == good
        assert _visible(disk) == ["map.png", "shot.png"]


def test_an_export_onto_a_fifo_or_a_read_only_file_is_refused(trained, tmp_path):
    window = trained
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    assert not window.export_picture("network", os.fspath(fifo))  # would block forever if it were opened
    assert window.last_message[0] == "error" and "not a regular file" in window.last_message[1]
    kept = tmp_path / "kept.svg"
    kept.write_text("<svg>mine</svg>")
    os.chmod(kept, 0o444)
    assert not window.export_picture("error", os.fspath(kept))
    assert "read-only" in window.last_message[1] and os.fspath(kept) in window.last_message[1]
    assert kept.read_text() == "<svg>mine</svg>"


def test_a_picture_that_cannot_be_drawn_is_an_error_before_anything_is_written(tmp_path):
    path = tmp_path / "p.png"
    path.write_bytes(b"good")
    for empty in (QImage(), QPixmap()):
        with pytest.raises(BpguiError, match="could not be drawn") as info:
            save_image(empty, path)
        assert info.value.fields["file"] == os.fspath(path)
    with pytest.raises(BpguiError, match="could not be drawn"):
        checked_svg(b'<?xml version="1.0"?><svg width="10"', path)  # cut short
    assert path.read_bytes() == b"good"


def test_pictures_are_made_in_memory(tmp_path):
    image = QImage(8, 4, QImage.Format.Format_ARGB32)
    image.fill(0xFF336699)
    data = png_bytes(image, tmp_path / "x.png")
    assert QImage.fromData(data).size() == image.size()
    document = svg_document(tmp_path / "x.svg", QSizeF(20, 10), "t", lambda painter: painter.drawLine(0, 0, 20, 10))
    assert b"<svg" in document and document.rstrip().endswith(b"</svg>")
    assert list(tmp_path.iterdir()) == []


def test_an_svg_says_its_size_in_pixels(window, tmp_path):
    """A 1920 × 1080 SVG opens 1920 px wide in a viewer (Qt's own header says millimetres at 72 dpi)."""
    from PySide6.QtCore import QSize

    path = tmp_path / "net.svg"
    window.topology.export_image(str(path), QSize(1920, 1080))
    head = path.read_text(encoding="utf-8")[:300]
    assert 'width="1920px" height="1080px"' in head and 'viewBox="0 0 1920 1080"' in head
