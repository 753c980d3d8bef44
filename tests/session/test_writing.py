"""Save network and Save session of many numbers go to a kept job (session/writing.py): the same bytes as a
save written at once, said once written, never replaced by a newer job, and a refusal changes nothing."""

from __future__ import annotations

import json
import os

import pytest

from bpgui.session import jobs, training, writing
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


def _stepped(n: int = 3, **settings) -> TrainingSession:
    session = TrainingSession(Settings(**settings))
    for _ in range(n):
        session.step()
    return session


@pytest.mark.parametrize("kind", ["network", "session"])
def test_a_large_file_is_written_by_a_kept_job_with_the_same_bytes_as_one_written_at_once(
        kind, make_recorder, monkeypatch, tmp_path):
    session = _stepped(hidden=(5,))
    save = session.save_network if kind == "network" else session.save_session
    now = tmp_path / f"now.{kind}"
    recorder = make_recorder(session, run_jobs=False)
    assert save(str(now)) and now.exists() and not recorder.pending  # 21 parameters: written at once
    said_now = recorder.messages("info")[-1]
    monkeypatch.setattr(writing, "WRITE_HERE", 20)
    later = tmp_path / f"later.{kind}"
    recorder.clear()
    assert save(str(later))
    (job,) = recorder.pending
    assert job.kept and job.kind == "write" and not job.quick
    assert not later.exists() and recorder.messages() == []  # nothing written, nothing said yet
    if kind == "session":
        assert session.session_path == str(later)  # Save follows the file asked for, written yet or not
    session.step()  # the run goes on meanwhile: the file holds the state Save was asked for
    assert jobs.run(job)
    assert later.read_bytes() == now.read_bytes()
    assert recorder.messages("info") == [said_now.replace(str(now), str(later))]
    if kind == "session":
        assert session.session_path == str(later)


def test_a_job_that_cannot_write_says_which_file_and_changes_nothing(make_recorder, monkeypatch, tmp_path):
    session = _stepped(hidden=(5,))
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    recorder = make_recorder(session, run_jobs=False)
    target = tmp_path / "no-such-folder" / "s.bpgui"
    assert session.save_session(str(target))
    (job,) = recorder.pending
    assert jobs.run(job) is False
    assert not target.exists() and os.listdir(tmp_path) == []  # no half-written file either
    (error,) = recorder.messages("error")
    assert str(target) in error
    assert session.session_path is None


def test_a_session_opened_while_the_last_one_is_saved_stays_the_one_save_writes(make_recorder, monkeypatch, tmp_path):
    session = _stepped(hidden=(5,))
    first = tmp_path / "first.bpgui"
    assert session.save_session(str(first))
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    recorder = make_recorder(session, run_jobs=False)
    assert session.save_session(str(tmp_path / "second.bpgui"))
    (job,) = recorder.pending
    assert session.open_session(str(first))  # (a short replay: opened at once)
    assert jobs.run(job) and (tmp_path / "second.bpgui").exists()
    assert session.session_path == str(first)


def test_save_as_while_the_settings_change_makes_the_new_file_the_one_save_writes(make_recorder, monkeypatch,
                                                                                  tmp_path):
    """The same run, its η changed while Save as… wrote: Ctrl+S must write the new file, not the one before."""
    session = _stepped(hidden=(5,))
    original = tmp_path / "original.bpgui"
    assert session.save_session(str(original))
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    recorder = make_recorder(session, run_jobs=False)
    mine = tmp_path / "mine.bpgui"
    assert session.save_session(str(mine))
    (job,) = recorder.pending
    assert session.set_learning_rate(0.3)
    assert jobs.run(job) and mine.exists()
    assert session.session_path == str(mine)


def test_a_save_finished_after_another_network_was_built_names_no_file_for_save(make_recorder, monkeypatch,
                                                                                tmp_path):
    """A build queued before the save runs first (the worker keeps order) and shows another run: the file
    saved holds the old run, so Save session must not write the new one over it."""
    session = _stepped(hidden=(5,))
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    monkeypatch.setattr(training, "HEAVY_PARAMETERS", 0)
    recorder = make_recorder(session, run_jobs=False)
    assert session.update_settings(hidden=(7,))
    target = tmp_path / "a.bpgui"
    assert session.save_session(str(target))
    build, write = recorder.pending
    assert build.kind == "build" and write.kept
    assert jobs.run(build) and session.network.layer_sizes == (2, 7, 1)
    assert jobs.run(write) and target.exists()
    assert session.session_path is None


def test_a_file_saved_while_an_earlier_save_is_written_waits_its_turn(make_recorder, monkeypatch, tmp_path):
    """A small save after a large one to the same file goes behind it (the worker runs jobs in order): the
    file holds the later save, and each is said in the order made."""
    session = _stepped(hidden=(5,))  # 21 parameters
    monkeypatch.setattr(writing, "WRITE_HERE", 20)
    recorder = make_recorder(session, run_jobs=False)
    path = tmp_path / "net.json"
    assert session.save_network(str(path))
    assert session.update_settings(hidden=(2,))  # 9 parameters: small, built at once
    assert session.save_network(str(path))
    first, second = recorder.pending  # not written at once: behind the first
    assert not path.exists()
    assert jobs.run(first) and jobs.run(second)
    assert json.loads(path.read_text())["layers"][1]["units"] == 2
    assert session.save_network(str(tmp_path / "now.json")) and len(recorder.pending) == 2  # then at once again


def test_session_numbers_count_every_network_the_file_holds():
    session = _stepped(hidden=(5,))
    doc = session.session_document()
    assert writing.session_numbers(doc) == doc.start_network.n_parameters == 21


def test_a_large_network_file_is_read_by_a_job_and_its_network_adopted_as_one_read_at_once(make_recorder,
                                                                                          monkeypatch, tmp_path):
    saved = _stepped(hidden=(5,))
    path = tmp_path / "n.json"
    assert saved.save_network(str(path))
    now = TrainingSession(Settings())
    assert now.open_network(str(path)) and now.network_path == str(path)
    monkeypatch.setattr(writing, "HEAVY_NETWORK_BYTES", 10)
    later = TrainingSession(Settings())
    recorder = make_recorder(later, run_jobs=False)
    assert later.open_network(str(path))
    (job,) = recorder.pending
    assert job.kind == "build" and not job.quick and later.network.layer_sizes == (2, 2, 1)  # nothing yet
    assert later.network_path is None
    assert jobs.run(job)
    assert later.network.flat.tobytes() == now.network.flat.tobytes() == saved.network.flat.tobytes()
    assert later.network_path == str(path) and "Opened" in recorder.messages("info")[-1]
    later.update_settings(hidden=(3,))  # another network: no file's
    assert later.network_path is None


def test_a_large_network_file_read_by_a_job_is_dropped_when_the_learner_chose_again(make_recorder, monkeypatch,
                                                                                   tmp_path):
    saved = _stepped(hidden=(5,))
    path = tmp_path / "n.json"
    assert saved.save_network(str(path))
    monkeypatch.setattr(writing, "HEAVY_NETWORK_BYTES", 10)
    session = TrainingSession(Settings())
    recorder = make_recorder(session, run_jobs=False)
    assert session.open_network(str(path))
    (job,) = recorder.pending
    session.load_example("xor")  # a newer choice
    assert jobs.run(job) is False and session.network.layer_sizes == (2, 2, 1)


def test_a_broken_large_network_file_is_refused_by_the_job_naming_what_is_wrong(make_recorder, monkeypatch, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "bpgui.network", "version": 1, "layers": [{"units": 2}, {"units": "two"}]}')
    monkeypatch.setattr(writing, "HEAVY_NETWORK_BYTES", 10)
    session = TrainingSession(Settings())
    before = session.network.flat.tobytes()
    recorder = make_recorder(session, run_jobs=False)
    assert session.open_network(str(path))
    (job,) = recorder.pending
    assert jobs.run(job) is False
    assert "layers[1].units" in recorder.messages("error")[-1] and session.network.flat.tobytes() == before


def test_a_failed_save_of_the_file_the_run_came_from_leaves_save_on_that_file(make_recorder, monkeypatch, tmp_path):
    """Ctrl+S on the session opened from x, its folder gone a moment (a USB stick): Save writes x next time."""
    folder = tmp_path / "stick"
    folder.mkdir()
    x = folder / "x.bpgui"
    session = _stepped(hidden=(5,))
    assert session.save_session(str(x)) and session.open_session(str(x))
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    recorder = make_recorder(session, run_jobs=False)
    session.step()
    os.rename(folder, tmp_path / "away")
    assert session.save_session(str(x))
    (job,) = recorder.pending
    assert jobs.run(job) is False and str(x) in recorder.messages("error")[-1]
    assert session.session_path == str(x)


def test_save_follows_the_newest_file_asked_for_whichever_earlier_write_fails(make_recorder, monkeypatch, tmp_path):
    session = _stepped(hidden=(5,))
    x = tmp_path / "x.bpgui"
    assert session.save_session(str(x))  # reached: written at once
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    recorder = make_recorder(session, run_jobs=False)
    folder = tmp_path / "later"
    y = folder / "y.bpgui"
    assert session.save_session(str(y))  # Save as… y (queued)
    session.step()
    assert session.save_session(str(y))  # Ctrl+S while y is queued: y again
    first, second = recorder.pending
    assert jobs.run(first) is False  # (its folder not there yet)
    assert session.session_path == str(y)  # the newer save of y still queued: Save stays on y
    folder.mkdir()
    assert jobs.run(second) and json.loads(y.read_text(encoding="utf-8"))["t"] == 4
    assert session.session_path == session.reached_path == str(y)
    z = tmp_path / "gone" / "z.bpgui"
    assert session.save_session(str(z))  # the newest asked for cannot be written: back to the last reached
    (third,) = recorder.pending[2:]
    assert jobs.run(third) is False and session.session_path == str(y)


def test_a_lesson_begun_while_a_save_is_queued_never_brings_back_a_file_not_written(make_recorder, monkeypatch,
                                                                                  tmp_path):
    from bpgui.session.lessons import LessonWalk, lesson_from_data

    lesson = {"format": "bpgui.lesson", "version": 1, "title": {"en": "T", "zh_CN": "标题"},
              "steps": [{"title": {"en": "a", "zh_CN": "甲"}, "text": {"en": "b", "zh_CN": "乙"},
                         "state": {"example": "xor", "settings": {"hidden": [3]}, "steps": 4}}]}
    session = _stepped(hidden=(5,))
    monkeypatch.setattr(writing, "WRITE_HERE", 0)
    recorder = make_recorder(session, run_jobs=False)
    y = tmp_path / "missing" / "y.bpgui"
    assert session.save_session(str(y))
    (job,) = recorder.pending
    walk = LessonWalk(session, lesson_from_data(lesson, "l.json"))
    assert walk.go(0)
    assert jobs.run(job) is False  # y never written
    assert walk.close()
    assert session.session_path is None and session.iteration == 3  # the learner's run back, no file for Save
