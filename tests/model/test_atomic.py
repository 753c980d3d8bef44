"""The one atomic writer: whole files or none, ordinary permissions, no temporary left behind."""

import os

import pytest

from bpgui.model import atomic
from bpgui.model.atomic import write_atomically, write_text_atomically
from bpgui.model.errors import BpguiError


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_written_file_has_ordinary_permissions_and_no_temporary_is_left(tmp_path):
    target = tmp_path / "log.csv"
    write_text_atomically(target, "epoch,error\n0,0.25\n")
    assert target.read_bytes() == b"epoch,error\n0,0.25\n"
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not a temporary file's 0600
    assert _names(tmp_path) == ["log.csv"]


def test_text_is_utf8_with_newline_line_ends_and_replaces_the_old_file(tmp_path):
    target = tmp_path / "网络.json"
    target.write_text("old", encoding="utf-8")
    write_text_atomically(os.fspath(target), "γ_h\nθ_j\n")
    assert target.read_bytes() == "γ_h\nθ_j\n".encode()


def test_a_failing_writer_keeps_the_old_file_and_removes_its_temporary(tmp_path):
    target = tmp_path / "picture.png"
    target.write_bytes(b"old picture")

    def fail(temporary: str) -> None:
        with open(temporary, "wb") as handle:
            handle.write(b"half a pic")
        raise OSError("the image could not be written")

    with pytest.raises(BpguiError, match="could not be written") as info:
        write_atomically(target, fail)
    assert info.value.fields["file"] == os.fspath(target)
    assert target.read_bytes() == b"old picture"
    assert _names(tmp_path) == ["picture.png"]


def test_the_writer_sees_a_new_empty_file_beside_the_target(tmp_path):
    seen = []

    def write(temporary: str) -> None:
        seen.append((os.path.dirname(temporary), os.path.getsize(temporary)))
        with open(temporary, "w") as handle:
            handle.write("done")

    write_atomically(tmp_path / "out.svg", write)
    assert seen == [(os.fspath(tmp_path), 0)]
    assert (tmp_path / "out.svg").read_text() == "done"


def test_a_missing_folder_is_a_named_error_for_pictures_and_text(tmp_path):
    missing = tmp_path / "no" / "such" / "file.txt"
    with pytest.raises(BpguiError, match="cannot write here"):
        write_atomically(missing, lambda temporary: None)
    with pytest.raises(BpguiError, match="cannot write here") as info:
        write_text_atomically(missing, "x")
    assert info.value.fields["file"] == os.fspath(missing)
    assert _names(tmp_path) == []


def test_a_failed_rename_is_a_named_error_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "net.json"
    target.write_text("kept", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(BpguiError, match="cannot be written") as info:
        write_text_atomically(target, "new")
    monkeypatch.undo()
    assert info.value.fields == {"file": os.fspath(target), "reason": "No space left on device"}
    assert target.read_text(encoding="utf-8") == "kept"
    assert _names(tmp_path) == ["net.json"]


def test_a_name_with_placeholders_or_braces_is_kept_as_it_is(tmp_path):
    """The file name goes into the message as a value: ``%1`` or ``{file}`` in it is not filled again."""
    folder = tmp_path / "a{file}%1"
    with pytest.raises(BpguiError) as info:
        write_text_atomically(folder / "b.json", "x")
    assert os.fspath(folder / "b.json") in str(info.value)
