"""Session files (issue 13): a session saved at t and opened again is the same run, bitwise; a damaged file
is refused naming its key and changes nothing."""

from __future__ import annotations

import copy
import json
import os
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpgui.model.errors import BpguiError
from bpgui.session.session_files import file_kind
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "data", "watermelon3.0.en.csv")


def messages(session: TrainingSession) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    session.subscribe(lambda event, value: said.append((value.level, value.english()))
                      if event == "message" else None)
    return said


def same_run(a: TrainingSession, b: TrainingSession) -> None:
    ta, tb = a._trainer, b._trainer
    assert (ta.iteration, ta.end, ta.state.epoch, ta.state.cursor) == (tb.iteration, tb.end, tb.state.epoch,
                                                                       tb.state.cursor)
    assert ta.config == tb.config and a.settings == b.settings
    assert ta.network.flat.tobytes() == tb.network.flat.tobytes()
    assert ta.initial_network.flat.tobytes() == tb.initial_network.flat.tobytes()
    assert ta.iteration_errors.tobytes() == tb.iteration_errors.tobytes()
    ea, eb = ta.epochs, tb.epochs
    for column in ("iteration", "epoch", "error", "accuracy"):
        assert getattr(ea, column).view().tobytes() == getattr(eb, column).view().tobytes(), column
    ra, rb = a.display_record(), b.display_record()
    for name in ("flat_values", "flat_gradients", "flat_updates", "flat_new_values"):
        assert getattr(ra, name).tobytes() == getattr(rb, name).tobytes(), name
    assert a._changes == b._changes
    assert ta.event_checkpoints() == tb.event_checkpoints()


def worked(session: TrainingSession) -> None:
    """Steps, an edit, a setting change, a step back, a mode change in the past, a step back again."""
    for _ in range(30):
        session.step()
    session.edit_parameter(2, 0.75)
    for _ in range(10):
        session.step()
    session.set_learning_rate(0.5)
    for _ in range(25):
        session.step()
    session.goto(50)
    session.update_settings(mode="accumulated")
    for _ in range(7):
        session.step()
    session.goto(52)


def test_a_session_saved_and_opened_is_the_same_run_bitwise_and_goes_on_the_same(tmp_path):
    a = TrainingSession(Settings())
    worked(a)
    path = str(tmp_path / "run.bpgui")
    assert a.save_session(path)
    b = TrainingSession(Settings(hidden=(3,), learning_rate=2.0))
    assert b.open_session(path)
    same_run(a, b)
    assert b.session_path == path
    for s in (a, b):  # the future after t is the same future, and so is what comes after it
        s.goto(s._trainer.end)
        for _ in range(20):
            s.step()
    same_run(a, b)


def test_every_step_back_in_the_opened_session_is_the_original_one(tmp_path):
    a = TrainingSession(Settings())
    worked(a)
    path = str(tmp_path / "run.bpgui")
    a.save_session(path)
    b = TrainingSession(Settings())
    b.open_session(path)
    for t in (0, 1, 29, 30, 31, 40, 41, 51, 57, 12):
        a.goto(t)
        b.goto(t)
        same_run(a, b)


def test_a_csv_sessions_data_travel_inside_it_and_come_back_when_the_file_is_gone(tmp_path):
    csv = tmp_path / "melons.csv"
    shutil.copy(DATA, csv)
    a = TrainingSession(Settings(data=str(csv), hidden=(3,), target_error=None))
    for _ in range(12):
        a.step()
    a.edit_parameter(0, -0.5)
    a.step()
    path = str(tmp_path / "melons.bpgui")
    assert a.save_session(path)
    with open(path, encoding="utf-8") as saved, open(DATA, encoding="utf-8-sig") as original:
        assert json.load(saved)["data"]["csv"] == original.read()
    csv.unlink()
    b = TrainingSession(Settings())
    folder = tmp_path / "kept"
    assert b.open_session(path, str(folder))
    copies = list(folder.iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("melons-")
    assert b.settings.data == str(copies[0])
    a._settings = b.settings  # the same data, read from its copy
    same_run(a, b)
    c = TrainingSession(Settings())
    assert c.open_session(path, str(folder)) and len(list(folder.iterdir())) == 1  # written once


def test_a_data_file_changed_on_disk_since_it_was_read_is_not_saved_as_if_it_were_the_data(tmp_path):
    csv = tmp_path / "melons.csv"
    shutil.copy(DATA, csv)
    a = TrainingSession(Settings(data=str(csv), hidden=(3,)))
    said = messages(a)
    text = csv.read_text(encoding="utf-8").replace("0.697", "0.123")
    csv.write_text(text, encoding="utf-8")
    path = tmp_path / "x.bpgui"
    assert not a.save_session(str(path))
    assert not path.exists()
    assert "changed since it was loaded" in said[-1][1]


def test_saving_reads_the_data_file_again_only_when_it_may_have_changed(tmp_path, monkeypatch):
    """The data file as it was read (same device, inode, size and times): its text is kept without parsing it
    again; edited in place to the same size with its mtime put back, it is parsed, and refused."""
    import os

    import bpgui.session.core as core
    import bpgui.session.session_files as session_files

    monkeypatch.setattr(core, "RACY_SECONDS", 0)  # (written just now)
    csv = tmp_path / "melons.csv"
    shutil.copy(DATA, csv)
    a = TrainingSession(Settings(data=str(csv), hidden=(3,)))
    said = messages(a)
    parsed = [0]
    original = session_files.load_dataset

    def counted(*args, **kwargs):
        parsed[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(session_files, "load_dataset", counted)
    path = tmp_path / "x.bpgui"
    assert a.save_session(str(path)) and parsed[0] == 0
    assert json.loads(path.read_text(encoding="utf-8"))["data"]["csv"] == csv.read_text(encoding="utf-8")
    kept = os.stat(csv)
    text = csv.read_text(encoding="utf-8")
    assert "0.697" in text
    csv.write_text(text.replace("0.697", "0.123"), encoding="utf-8")
    os.utime(csv, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert os.stat(csv).st_size == kept.st_size
    other = tmp_path / "y.bpgui"
    assert not a.save_session(str(other)) and parsed[0] == 1
    assert not other.exists() and "changed since it was loaded" in said[-1][1]


def test_the_practice_book_the_selection_and_a_planted_bug_are_kept(tmp_path):
    a = TrainingSession(Settings())
    for _ in range(3):
        a.step()
    sheet = a.worksheet()
    cell = sheet.cells[0]
    a.check_answer(cell.key, repr(cell.value))
    a.select_parameter(4)
    a.plant_bug("eta_twice")
    for _ in range(2):
        a.step()
    path = str(tmp_path / "p.bpgui")
    assert a.save_session(path)
    b = TrainingSession(Settings())
    assert b.open_session(path)
    assert b.practice.to_data() == a.practice.to_data() and b.practice.score() == (1, 1)
    assert b.selected_parameter == 4
    assert b.bug_planted and b._trainer.rule == "eta_twice"
    b.remove_bug()
    a.remove_bug()
    same_run(a, b)


def test_file_kind_reads_what_a_file_holds(tmp_path):
    a = TrainingSession(Settings())
    a.save_session(str(tmp_path / "s.json"))
    a.save_network(str(tmp_path / "n.json"))
    (tmp_path / "d.csv").write_text("x,y\n1,0\n", encoding="utf-8")
    (tmp_path / "o.json").write_text("{}", encoding="utf-8")
    assert [file_kind(str(tmp_path / n)) for n in ("s.json", "n.json", "d.csv", "o.json", "missing")] == [
        "session", "network", "csv", None, None]


# ---- damaged files: refused naming the key, nothing changed ---------------------------------------------------
def _saved(tmp_path) -> tuple[TrainingSession, dict]:
    a = TrainingSession(Settings())
    worked(a)
    path = tmp_path / "good.bpgui"
    a.save_session(str(path))
    return a, json.loads(path.read_text(encoding="utf-8"))


DAMAGE = [
    (lambda d: d.update(version=2), "version", "newer bpgui"),
    (lambda d: d.update(version="1"), "version", "expected 1"),
    (lambda d: d.update(format="bpgui.network"), "format", "expected"),
    (lambda d: d.pop("start"), "start", "missing"),
    (lambda d: d.update(extra=1), "extra", "unknown key"),
    (lambda d: d["settings"].update(mode="sideways"), "settings.mode", "expected"),
    (lambda d: d["settings"].pop("seed"), "settings.seed", "missing"),
    (lambda d: d.update(t=10**9), "t", "expected"),
    (lambda d: d.update(end=-1), "end", "expected"),
    (lambda d: d["changes"][0].update(t=0), "changes[0].t", "expected"),
    (lambda d: d["changes"][1].update(t=d["changes"][0]["t"]), "changes[1].t", "expected"),
    (lambda d: d["changes"][0]["parameters"].append([99, 1.0]), "changes[0].parameters[1][0]", "expected"),
    (lambda d: d["changes"][0]["parameters"][0].__setitem__(1, float("nan")), "changes[0].parameters[0][1]",
     "finite"),
    (lambda d: d["changes"][0].update(learning_rate=-1), "changes[0].learning_rate", "expected"),
    (lambda d: d["changes"][0].update(cursor=7), "changes[0].cursor", "less than"),
    (lambda d: d["start"]["network"]["weights"][0][0].__setitem__(0, "x"), "start.network: weights[0][0][0]",
     ""),
    (lambda d: d["start"]["network"]["layers"][1].update(units=3), "start.network: weights[0][0]", "expected"),
    (lambda d: d["settings"].update(hidden=[3]), "start.network.layers", "settings.hidden"),
    (lambda d: d.update(marks=[{"t": 1, "label": "%1%1%1", "args": []}]), "marks[0].label", "expected"),
    (lambda d: d.update(selected=9), "selected", "expected"),
    (lambda d: d.update(bug="everything"), "bug", "expected"),
    (lambda d: d.update(practice={"format": "x"}), "practice: format", "expected"),
    (lambda d: d.update(data={"builtin": "nonesuch"}), "data", ""),
    (lambda d: d.update(data={"csv": "a,b\n", "name": "z.csv"}), "data.path", "missing"),
]


@pytest.mark.parametrize("damage, key, words", DAMAGE)
def test_a_damaged_file_is_refused_naming_its_key_and_changes_nothing(tmp_path, damage, key, words):
    _, good = _saved(tmp_path)
    bad = copy.deepcopy(good)
    damage(bad)
    path = tmp_path / "bad.bpgui"
    path.write_text(json.dumps(bad), encoding="utf-8")
    b = TrainingSession(Settings(hidden=(3,)))
    for _ in range(4):
        b.step()
    before = (b.settings, b._trainer, b._trainer.network.flat.tobytes(), b.iteration)
    said = messages(b)
    assert not b.open_session(str(path), str(tmp_path / "data"))
    assert (b.settings, b._trainer, b._trainer.network.flat.tobytes(), b.iteration) == before
    level, text = said[-1]
    assert level == "error" and key in text and words in text, text


@pytest.mark.parametrize("content, words", [
    ("", "not valid JSON"), ("{", "line 1, column 2"), ("[1, 2]", "expected an object"),
    ("\xff\xfe", "not valid JSON"), ("[" * 100_000, "nested too deeply"),
])
def test_a_file_that_is_not_a_session_is_refused(tmp_path, content, words):
    path = tmp_path / "bad.bpgui"
    path.write_text(content, encoding="utf-8")
    b = TrainingSession(Settings())
    said = messages(b)
    assert not b.open_session(str(path))
    assert words in said[-1][1]
    assert not TrainingSession(Settings()).open_session(str(tmp_path / "missing.bpgui"))


JSONISH = st.recursive(st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=False, width=32)
                       | st.text(max_size=8),
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                   max_size=3), max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(["settings", "start", "changes", "marks", "t", "end", "data", "selected", "practice",
                              "bug", "state_sha256"]), value=JSONISH)
def test_any_value_anywhere_is_a_session_or_a_refusal_naming_the_key(tmp_path, where, value):
    _, good = _saved(tmp_path)
    bad = copy.deepcopy(good)
    bad[where] = value
    path = tmp_path / "h.bpgui"
    path.write_text(json.dumps(bad), encoding="utf-8")
    b = TrainingSession(Settings())
    said = messages(b)
    try:
        opened = b.open_session(str(path), str(tmp_path / "data"))
    except BpguiError as exc:  # pragma: no cover - the session refuses, it never raises
        raise AssertionError(exc) from exc
    if not opened:  # named: the key, or (a smaller end) the keys that must lie within it
        named = (where, "t:", "changes[", "marks[", "bug.") if where == "end" else (where,)
        assert said[-1][0] == "error" and any(key in said[-1][1] for key in named), (where, said[-1])


def test_a_long_replay_goes_to_a_job_whose_result_is_the_same_run_and_whose_cancel_changes_nothing(tmp_path):
    from bpgui.session import jobs

    a = TrainingSession(Settings(target_error=None))
    a._trainer.advance(20_000, use_stop_conditions=False)
    a.goto(19_990)
    path = str(tmp_path / "long.bpgui")
    assert a.save_session(path)
    b = TrainingSession(Settings())
    asked: list[jobs.Job] = []
    b.subscribe(lambda event, value: asked.append(value) if event == "job" else None)
    said = messages(b)
    assert b.open_session(path)
    [job] = asked
    assert job.kind == "build" and not job.quick and b.iteration == 0  # nothing yet: the job replays
    progress = jobs.Progress()
    progress.cancel()
    assert not jobs.run(job, progress)
    assert b.iteration == 0 and "nothing changed" in said[-1][1]
    seen: list[tuple[int, int]] = []
    assert jobs.run(job, jobs.Progress(lambda done, total: seen.append((done, total))))
    same_run(a, b)
    assert b.session_path == path and "Opened session" in said[-1][1]
    assert seen and seen[-1] == (20_000, 20_000) and len(seen) > 1


def test_a_session_saved_mid_iteration_opens_at_the_same_phase(tmp_path):
    a = TrainingSession(Settings())
    for _ in range(4):
        a.step()
    for _ in range(3):
        a.step_phase()
    path = str(tmp_path / "mid.bpgui")
    a.save_session(path)
    b = TrainingSession(Settings())
    assert b.open_session(path)
    assert b.phase_view is not None and b.phase_view.index == a.phase_view.index
    assert b.display_record().flat_gradients.tobytes() == a.display_record().flat_gradients.tobytes()
    for s in (a, b):  # the update phase applies iteration 5 in both, the same
        while s.iteration == 4:
            s.step_phase()
    same_run(a, b)


def test_a_planted_bugs_run_reopens_at_its_iteration_bitwise_beside_the_real_one(tmp_path):
    a = TrainingSession(Settings())
    for _ in range(3):
        a.step()
    a.plant_bug("updated_weights")
    for _ in range(4):
        a.step()
    a.set_learning_rate(0.5)
    a.step()
    path = str(tmp_path / "bug.bpgui")
    assert a.save_session(path)
    b = TrainingSession(Settings())
    assert b.open_session(path)
    assert b.bug_planted and b._trainer.rule == "updated_weights" and b.iteration == 5
    same_run(a, b)  # the planted run, its settings and marks
    a.remove_bug()
    b.remove_bug()
    same_run(a, b)  # and the real run kept aside
    assert b.iteration == 3


def test_save_forgets_the_file_when_another_run_is_shown(tmp_path):
    a = TrainingSession(Settings())
    a.step()
    path = str(tmp_path / "s.bpgui")
    a.save_session(path)
    assert a.session_path == path
    a.load_example("watermelon3.0")
    assert a.session_path is None  # Save would ask for a name, not write melons over the XOR session


@pytest.mark.parametrize("phase", [5, 6, 17])
def test_a_phase_past_the_last_before_the_update_is_refused_naming_it(tmp_path, phase):
    _, good = _saved(tmp_path)
    good["phase"] = phase
    path = tmp_path / "p.bpgui"
    path.write_text(json.dumps(good), encoding="utf-8")
    b = TrainingSession(Settings())
    said = messages(b)
    assert not b.open_session(str(path))
    assert "phase: expected less than 5" in said[-1][1]


def test_a_sessions_csv_that_is_not_data_is_refused_naming_data_csv_and_leaves_no_copy(tmp_path):
    _, good = _saved(tmp_path)
    good["data"] = {"csv": "a,b\n1\n", "name": "broken.csv", "path": str(tmp_path / "gone.csv")}
    path = tmp_path / "c.bpgui"
    path.write_text(json.dumps(good), encoding="utf-8")
    b = TrainingSession(Settings())
    said = messages(b)
    folder = tmp_path / "copies"
    assert not b.open_session(str(path), str(folder))
    assert f"{path}: data.csv: broken.csv" in said[-1][1]
    assert not folder.exists() or not any(folder.iterdir())


def test_another_kind_of_file_says_what_it_is(tmp_path):
    _, good = _saved(tmp_path)
    good["format"] = "bpgui.lesson"
    path = tmp_path / "l.bpgui"
    path.write_text(json.dumps(good), encoding="utf-8")
    b = TrainingSession(Settings())
    said = messages(b)
    assert not b.open_session(str(path))
    assert "format: expected 'bpgui.session', got 'bpgui.lesson'" in said[-1][1]
    good["format"] = "bpgui.session"
    good["data"] = {"builtin": "nope"}
    path.write_text(json.dumps(good), encoding="utf-8")
    assert not b.open_session(str(path))
    assert f"{path}: data.builtin: expected" in said[-1][1]


def test_an_example_loaded_again_forgets_the_file_and_the_planted_bug(tmp_path):
    a = TrainingSession(Settings())
    for _ in range(12):
        a.step()
    a.save_session(str(tmp_path / "x.bpgui"))
    a.plant_bug("eta_twice")
    a.load_example("xor")  # the same settings: a reset, but another run than the file's
    assert a.session_path is None and not a.bug_planted and a.iteration == 0


def test_a_hunt_mid_phase_with_the_bug_named_reopens_named_and_at_its_phase(tmp_path):
    a = TrainingSession(Settings())
    a.step()
    a.plant_bug("no_slope")
    a.step()
    assert a.name_bug("no_slope")
    for _ in range(2):
        a.step_phase()
    path = str(tmp_path / "hunt.bpgui")
    a.save_session(path)
    b = TrainingSession(Settings())
    said = messages(b)
    assert b.open_session(path)
    assert b.planted_rule == "no_slope" and b.phase_view.index == a.phase_view.index
    assert f"at iteration {a.iteration}." in said[-1][1]  # the iteration shown, the planted run's


def test_a_session_following_one_output_at_a_time_reopens_at_its_phase(tmp_path):
    a = TrainingSession(Settings(data="gauss", hidden=(3,)))
    a.set_per_output(True)
    a.step()
    for _ in range(5):
        a.step_phase()
    path = str(tmp_path / "per.bpgui")
    a.save_session(path)
    b = TrainingSession(Settings())
    assert b.open_session(path)
    assert b.per_output and b.phase_view.index == a.phase_view.index and b.phase_view.phase == a.phase_view.phase


def test_a_session_refused_late_leaves_no_copy_of_its_csv(tmp_path):
    csv = tmp_path / "melons.csv"
    shutil.copy(DATA, csv)
    a = TrainingSession(Settings(data=str(csv), hidden=(3,)))
    a.step()
    path = tmp_path / "m.bpgui"
    a.save_session(str(path))
    csv.unlink()
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["phase"] = 99
    path.write_text(json.dumps(doc), encoding="utf-8")
    folder = tmp_path / "copies"
    assert not TrainingSession(Settings()).open_session(str(path), str(folder))
    assert not folder.exists() or not any(folder.iterdir())


def test_the_example_loaded_again_is_the_example_not_the_run_reset(tmp_path):
    a = TrainingSession(Settings())
    a.edit_parameter(0, 0.5)  # at t = 0: iteration 0's own state now
    a.step()
    a.load_example("xor")
    assert a.iteration == 0 and a.network.flat.tobytes() == TrainingSession(Settings()).network.flat.tobytes()


def test_a_large_session_file_is_read_by_a_job_then_opened_as_one_read_at_once(tmp_path, monkeypatch, make_recorder):
    import bpgui.session.session_files as session_files
    from bpgui.session import jobs

    a = TrainingSession(Settings(hidden=(3,)))
    for _ in range(4):
        a.step()
    path = tmp_path / "s.bpgui"
    assert a.save_session(str(path))
    bad = tmp_path / "bad.bpgui"
    bad.write_text(path.read_text(encoding="utf-8").replace('"t": 4', '"t": "four"'), encoding="utf-8")
    monkeypatch.setattr(session_files, "HEAVY_SESSION_BYTES", 10)
    b = TrainingSession(Settings())
    recorder = make_recorder(b, run_jobs=False)
    assert b.open_session(str(bad))
    (job,) = recorder.pending
    assert jobs.run(job) is False and b.iteration == 0
    assert str(bad) in recorder.messages("error")[-1] and "t: expected a whole number" in recorder.messages("error")[-1]
    recorder.pending.clear()
    assert b.open_session(str(path))
    (job,) = recorder.pending
    assert b.iteration == 0 and b.session_path is None  # nothing read in the window's thread
    assert jobs.run(job)
    same_run(a, b)
    assert b.session_path == str(path)
