"""Files are safe: what is at a save's path decides what the one atomic writer does.

A full disk, a symlink, a FIFO, a device, a folder, a read-only file, the
umask and an existing file's mode; every refusal leaves the path as it was
and names the path the user gave (never a temporary file).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bpgui.model import atomic
from bpgui.model.atomic import write_atomically, write_bytes_atomically, write_text_atomically
from bpgui.model.errors import BpguiError
from bpgui.model.fileformat import save_network
from bpgui.model.network import Network


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_full_disk_is_a_named_error_and_the_previous_good_file_stays(tmp_path, full_disk):
    disk = tmp_path / "disk"
    disk.mkdir()
    (disk / "net.json").write_bytes(b'{"good": true}\n')
    with full_disk(disk):
        with pytest.raises(BpguiError) as info:
            write_bytes_atomically(disk / "net.json", b"x" * 200_000)
        assert (disk / "net.json").read_bytes() == b'{"good": true}\n'
        assert [n for n in _names(disk) if n != ".filler"] == ["net.json"]  # no temporary left
    assert info.value.fields["file"] == os.fspath(disk / "net.json")
    assert "No space left on device" in str(info.value)
    assert ".tmp" not in str(info.value)


def test_a_network_saved_to_a_full_disk_keeps_the_saved_one(tmp_path, full_disk):
    disk = tmp_path / "disk"
    disk.mkdir()
    path = disk / "net.json"
    save_network(path, Network.initialise((2, 2, 1), seed=0))
    good = path.read_bytes()
    with full_disk(disk):
        with pytest.raises(BpguiError, match="cannot"):
            save_network(path, Network.initialise((2, 3000, 1), seed=1))  # ~200 kB of JSON
        assert path.read_bytes() == good


def test_a_short_write_or_a_writer_that_loses_bytes_is_refused(tmp_path, monkeypatch):
    target = tmp_path / "out.bin"
    target.write_bytes(b"good")
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: 0)
    with pytest.raises(BpguiError, match="cannot be written"):
        write_bytes_atomically(target, b"new data")
    monkeypatch.undo()
    assert target.read_bytes() == b"good"

    real = atomic._write_all
    monkeypatch.setattr(atomic, "_write_all", lambda name, data: real(name, data[:3]))
    with pytest.raises(BpguiError, match="only 3 of 8 bytes") as info:
        write_bytes_atomically(target, b"new data")
    assert info.value.fields["file"] == os.fspath(target)
    assert target.read_bytes() == b"good"
    assert _names(tmp_path) == ["out.bin"]


def test_the_file_and_its_folder_are_flushed_to_disk(tmp_path, monkeypatch):
    flushed: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", spy)
    write_text_atomically(tmp_path / "log.csv", "a,b\n")
    monkeypatch.undo()
    assert any(".log.csv." in name and name.endswith(".tmp") for name in flushed)  # the data, before the rename
    assert flushed[-1] == os.fspath(tmp_path)  # the folder, after it


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink() and os.readlink(link) == os.fspath(real)
    assert real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _names(tmp_path) == ["link.json", "real.json"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "sub" / "new.csv")
    write_text_atomically(link, "x\n")
    assert link.is_symlink() and (tmp_path / "sub" / "new.csv").read_text() == "x\n"


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(BpguiError, match="not a regular file") as info:
        write_text_atomically(fifo, "x")  # opening a FIFO for writing would block: it is never opened
    assert info.value.fields == {"file": os.fspath(fifo)}
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _names(tmp_path) == ["pipe"]


def test_a_symlink_to_a_fifo_and_a_folder_are_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    for name in ("link", "folder"):
        with pytest.raises(BpguiError, match="not a regular file") as info:
            write_atomically(tmp_path / name, lambda temporary: None)
        assert info.value.fields["file"] == os.fspath(tmp_path / name)
    assert (tmp_path / "link").is_symlink() and (tmp_path / "folder").is_dir()
    assert _names(tmp_path) == ["folder", "link", "pipe"]


def test_a_device_is_refused(tmp_path, monkeypatch):
    """A character device (as /dev/full or /dev/null) is refused by its type; no real device is touched:
    the file system is told that a file of this test's folder is one."""
    device = tmp_path / "full"
    device.write_bytes(b"")
    real_stat = os.stat

    def as_device(path, *args, **kwargs):
        status = real_stat(path, *args, **kwargs)
        if os.fspath(path) == os.fspath(device):
            return os.stat_result((stat.S_IFCHR | 0o666, *tuple(status)[1:]))
        return status

    monkeypatch.setattr(atomic.os, "stat", as_device)
    with pytest.raises(BpguiError, match="not a regular file"):
        write_text_atomically(device, "x")
    monkeypatch.undo()
    assert device.read_bytes() == b"" and _names(tmp_path) == ["full"]


def test_a_real_character_device_is_recognised_as_one():
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    # Only looked at, never written: the check that refuses it is the same os.stat test.
    assert stat.S_ISCHR(os.stat(os.path.realpath("/dev/null")).st_mode)
    with pytest.raises(BpguiError, match="not a regular file"):
        atomic._resolve("/dev/null")


def test_a_read_only_file_is_refused_even_for_root(tmp_path):
    target = tmp_path / "kept.json"
    target.write_text("precious", encoding="utf-8")
    os.chmod(target, 0o444)
    with pytest.raises(BpguiError, match="read-only") as info:
        write_text_atomically(target, "overwritten")
    assert info.value.fields == {"file": os.fspath(target)}
    assert target.read_text(encoding="utf-8") == "precious"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert _names(tmp_path) == ["kept.json"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o664])
def test_an_existing_file_keeps_its_mode(tmp_path, mode):
    target = tmp_path / "f.csv"
    target.write_text("old")
    os.chmod(target, mode)
    write_text_atomically(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_new_file_follows_the_umask(tmp_path, mask):
    old = os.umask(mask)
    try:
        write_bytes_atomically(tmp_path / "new.png", b"\x89PNG")
        write_atomically(tmp_path / "drawn.svg", lambda temporary: Path(temporary).write_text("<svg/>"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.png").stat().st_mode) == 0o666 & ~mask
    assert stat.S_IMODE((tmp_path / "drawn.svg").stat().st_mode) == 0o666 & ~mask
