"""Issue 14's forks: a fork is bitwise the original up to t and the chosen setting's from t on; a structural
fork starts at t = 0 from the same initial weights; the difference table is the two runs' parameters
subtracted; step back works in each run; the comparison trains in a job; exercise 5.5 is two forks."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bpgui.model.datasets import load_builtin
from bpgui.model.errors import ConfigError
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig
from bpgui.session.forking import MAX_RUNS
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


@pytest.fixture()
def session() -> TrainingSession:
    s = TrainingSession(Settings(target_error=None, learning_rate=0.5))
    for _ in range(30):
        s.step()
    return s


def _states(session: TrainingSession, upto: int) -> list[np.ndarray]:
    tr = session._trainer
    return [tr.parameters_at(k) for k in range(upto + 1)]


def test_a_fork_is_the_original_up_to_t_and_the_new_settings_from_t(session, listen):
    recorder = listen(session)
    t = session.iteration
    original = _states(session, t)
    assert session.fork_here(replace(session.settings, learning_rate=2.0))
    assert session.run_count == 2 and session.shown_run == 1
    assert session.settings.learning_rate == 2.0 and session.iteration == t
    for _ in range(20):
        session.step()
    forked = session._trainer
    for k in range(t + 1):
        assert np.array_equal(forked.parameters_at(k), original[k])  # bitwise the original's history
    # From t on: what the original run would do had η been changed at t, computed independently.
    reference = Trainer(Network.initialise((2, 2, 1), seed=0, activations="sigmoid"), load_builtin("xor"), seed=0,
                        config=TrainingConfig(learning_rate=0.5))
    assert np.array_equal(reference.network.flat, forked.parameters_at(0))
    reference.advance(t, use_stop_conditions=False)
    reference.set_config(learning_rate=2.0)
    for k in range(1, 21):
        reference.step()
        assert np.array_equal(reference.network.flat, forked.parameters_at(t + k))
    # The original run is untouched: it still stands at t with η = 0.5.
    assert session.show_run(0)
    assert session.iteration == t and session.settings.learning_rate == 0.5
    assert np.array_equal(session._trainer.network.flat, original[t])
    assert "runs" in recorder.kinds() and any("forked" in m for m in recorder.messages("info"))


def test_a_fork_of_the_past_drops_only_the_forks_future(session):
    session.goto(10)
    future = session._trainer.end
    assert session.fork_here()  # the same settings: a copy, to edit by hand
    assert session._trainer.end == 10 and session.iteration == 10
    session.edit_parameter(0, 0.75)
    session.step()
    assert session._trainer.parameters_at(10)[0] == 0.75
    session.show_run(0)
    assert session._trainer.end == future and session.iteration == 10  # the original kept its future


def test_a_structural_fork_starts_at_zero_from_the_same_initial_weights(session):
    first = session._trainer.checkpoint_zero.network
    assert session.fork_here(replace(session.settings, activation="tanh"))
    net = session.network
    assert session.iteration == 0 and net.activations[0] == "tanh"
    assert np.array_equal(net.flat, first.flat)
    curves = session.run_curves()
    assert curves[1].origin == ("A", 0) and curves[0].origin is None
    assert [m.english() for m in curves[1].differs] == ["activation tanh"] and curves[0].differs == ()


def test_a_fork_cannot_change_the_data_or_the_shape(session, listen):
    recorder = listen(session)
    assert not session.fork_here(replace(session.settings, hidden=(3,)))
    assert session.run_count == 1
    assert any("hidden layers" in m for m in recorder.messages("error"))


def test_a_fork_refused_for_a_setting_the_trainer_refuses_leaves_run_going(session, listen):
    """A batch size or a maximum of epochs of 0 passes the settings' check (outside the modes and the stop
    settings that read it) but not the trainer's: the fork was refused after pausing Run (found by the
    hostile-learner state machine)."""
    recorder = listen(session)
    session.set_running(True)
    for bad, named in (({"batch_size": 0}, "batch size"), ({"max_epochs": 0}, "maximum number of epochs")):
        assert not session.fork_here(replace(session.settings, **bad))
        assert session.running and session.run_count == 1
        assert any(named in m for m in recorder.messages("error"))
    session.set_running(False)


def test_at_most_four_runs_and_closing_keeps_the_others(session, listen):
    recorder = listen(session)
    for eta in (0.1, 1.0, 3.0):
        assert session.fork_here(replace(session.settings, learning_rate=eta))
    assert session.run_count == MAX_RUNS
    assert not session.fork_here()
    assert any("At most 4 runs" in m for m in recorder.messages("error"))
    names = [c.name for c in session.run_curves()]
    assert names == ["A", "B", "C", "D"] and len({c.colour for c in session.run_curves()}) == 4
    assert session.shown_run == 3
    assert session.close_run(3)  # the shown one: its neighbour is shown
    assert [c.name for c in session.run_curves()] == ["A", "B", "C"]
    assert session.shown_run == 2 and session.settings.learning_rate == 1.0
    session.close_run(0)
    session.close_run(0)
    assert session.run_count == 1 and session.settings.learning_rate == 1.0


def test_step_back_works_in_each_run(session):
    t = session.iteration
    session.fork_here(replace(session.settings, learning_rate=3.0))
    for _ in range(5):
        session.step()
    after = session._trainer.parameters_at(t + 3)
    session.step_back()
    session.step_back()
    assert session.iteration == t + 3 and np.array_equal(session.network.flat, after)
    session.show_run(0)
    session.step_back()
    assert session.iteration == t - 1
    session.show_run(1)
    assert session.iteration == t + 3  # each run keeps its own t


def test_the_difference_table_is_the_two_runs_subtracted(session, listen):
    t = session.iteration
    session.fork_here(replace(session.settings, mode="accumulated"))
    for _ in range(12):
        session.step()
    session.show_run(0)
    for _ in range(12):
        session.step()
    recorder = listen(session)
    diff = session.request_difference(0, 1, t + 7)
    assert diff is not None and ("difference", diff) in recorder.events
    session.goto(t + 7)
    a = session.network.flat.copy()
    session.show_run(1)
    session.goto(t + 7)
    b = session.network.flat.copy()
    assert np.array_equal(diff.values_a, a) and np.array_equal(diff.values_b, b)
    assert np.array_equal(diff.difference, b - a)
    assert np.array_equal(session.request_difference(0, 1, t).difference, np.zeros_like(a))  # equal up to t


def test_the_comparison_trains_every_run_in_a_job_and_says_who_reached_the_target_first(listen):
    session = TrainingSession(Settings(target_error=0.05, learning_rate=2.0))
    recorder = listen(session, run_jobs=False)
    session.fork_here(replace(session.settings, learning_rate=4.0))
    session.train_runs(1000)
    jobs = [v for e, v in recorder.events if e == "job"]
    assert [j.kind for j in jobs] == ["runs"]
    assert session.iteration == 0  # nothing moved before the job's result is adopted
    from bpgui.session import jobs as jobs_module

    assert jobs_module.run(jobs[0])
    curves = session.run_curves()
    assert all(c.reached is not None for c in curves)
    for c in curves:  # each reached its target where its own epoch log first says E ≤ 0.05
        first = int(np.flatnonzero(c.errors <= 0.05)[0])
        assert c.reached == (int(c.iterations[first]), int(c.epochs[first]))
        assert c.t == c.end  # trained to its target
    fast = min(curves, key=lambda c: c.reached[0])
    line = session.target_line().english()
    assert line.startswith(f"{fast.name} reached the target error first: at t = {fast.reached[0]}")


def test_a_comparison_result_for_runs_left_is_dropped(listen):
    session = TrainingSession(Settings(target_error=None))
    recorder = listen(session, run_jobs=False)
    session.fork_here(replace(session.settings, learning_rate=1.0))
    session.train_runs(5)
    job = next(v for e, v in recorder.events if e == "job")
    session.step()  # the learner moved on
    from bpgui.session import jobs as jobs_module

    assert not jobs_module.run(job)
    assert session.iteration == 1


def test_exercise_5_5_is_two_forks_trained_side_by_side(listen):
    session = TrainingSession(Settings(data="watermelon3.0alpha", target_error=None, hidden=(3,)))
    listen(session)
    session.step()
    assert session.compare_modes_as_runs(epochs=20)
    curves = session.run_curves()
    assert [c.name for c in curves] == ["A", "accumulated", "standard"]
    assert session.shown_run == 2 and curves[0].t == curves[0].end == 1  # the learner's run did not move
    acc, std = curves[1], curves[2]
    assert std.settings.mode == "standard" and acc.settings.mode == "accumulated"
    assert std.epochs[-1] == acc.epochs[-1] == 20
    assert std.origin == acc.origin == ("A", 0)
    # The same start: both epoch logs begin at the same E (iteration 0's weights).
    assert std.errors[0] == acc.errors[0] == curves[0].errors[0]
    # Accumulated BP: one iteration per epoch; standard: one per sample.
    assert acc.iterations[-1] == 20 and std.iterations[-1] == 20 * session.train_set.n_samples


def test_training_side_by_side_is_refused_during_a_bug_hunt(session, listen):
    session.fork_here(replace(session.settings, learning_rate=2.0))
    session.plant_bug("eta_twice")
    for _ in range(3):
        session.step()
    recorder = listen(session, run_jobs=True)
    planted_t = session.iteration
    session.train_runs(10)
    assert any("Remove the planted bug before training" in m for m in recorder.messages("error"))
    assert "job" not in recorder.kinds() and session.iteration == planted_t and session.bug_planted
    session.remove_bug()
    assert session.iteration == 30  # the fork B, as it was


def test_a_new_network_closes_the_forks_with_a_message(session, listen):
    recorder = listen(session)
    session.fork_here(replace(session.settings, learning_rate=1.0))
    session.load_example("watermelon3.0")
    assert session.run_count == 1
    assert any("were closed" in m for m in recorder.messages("info"))


def _run_state(session: TrainingSession) -> list[tuple]:
    out = []
    for slot in session._slots():
        tr = slot.trainer
        out.append((slot.name, slot.colour, slot.origin, tuple(m.english() for m in slot.differs), slot.settings,
                    tr.iteration, tr.end,
                    tr.network.flat.tobytes(), tr.iteration_errors.tobytes(), tr.parameters_at(tr.end // 2).tobytes(),
                    tuple(m.english() for _, m in slot.changes)))
    return out


def test_a_session_file_keeps_every_run_bitwise(session, listen, tmp_path):
    t = session.iteration
    session.fork_here(replace(session.settings, learning_rate=2.0), name="fast")
    for _ in range(9):
        session.step()
    session.show_run(0)
    session.fork_here(replace(session.settings, activation="tanh"))
    for _ in range(5):
        session.step()
    session.goto(2)
    session.show_run(1)
    session.step_back()
    before, shown = _run_state(session), session.shown_run
    path = str(tmp_path / "runs.bpgui")
    assert session.save_session(path)
    opened = TrainingSession()
    recorder = listen(opened)
    assert opened.open_session(path), recorder.messages("error")
    assert opened.run_count == 3 and opened.shown_run == shown
    assert _run_state(opened) == before
    assert [c.origin for c in opened.run_curves()] == [None, ("A", t), ("A", 0)]
    assert [[m.english() for m in c.differs] for c in opened.run_curves()] == [[], ["η = 2"], ["activation tanh"]]
    # Each run goes on as the original would.
    for s in (session, opened):
        s.show_run(2)
        s.step()
    assert np.array_equal(session.network.flat, opened.network.flat)


def test_a_session_file_with_bad_runs_is_refused_naming_the_key(session, listen, tmp_path):
    import json

    session.fork_here(replace(session.settings, learning_rate=2.0))
    session.step()
    session.show_run(0)  # runs[1] is kept beside the top level's run
    path = tmp_path / "runs.bpgui"
    assert session.save_session(str(path))
    good = json.loads(path.read_text())
    cases = {
        "runs[1].colour": lambda d: d["runs"][1].__setitem__("colour", 0),
        "runs[1].name": lambda d: d["runs"][1].__setitem__("name", "A"),
        "runs[1].changes[0].t": lambda d: d["runs"][1]["changes"][0].__setitem__("t", 10**6),
        "runs": lambda d: d["runs"][1].__setitem__("shown", True) or [d["runs"][1].pop(k) for k in
                                                                       ("settings", "start", "changes", "end", "t",
                                                                        "marks")],
        "runs[0].origin": lambda d: d["runs"][0].__setitem__("origin", ["A"]),
        "runs[1].settings.hidden": lambda d: d["runs"][1]["settings"].__setitem__("hidden", [3]),
        "runs[1].settings.seed": lambda d: d["runs"][1]["settings"].__setitem__("seed", 5),
        "runs[1].settings.activation": lambda d: d["runs"][1]["settings"].__setitem__("activation", "tanh"),
        "runs[1].settings.loss": lambda d: d["runs"][1]["settings"].__setitem__("loss", "cross_entropy"),
    }
    for key, spoil in cases.items():
        doc = json.loads(json.dumps(good))
        spoil(doc)
        bad = tmp_path / "bad.bpgui"
        bad.write_text(json.dumps(doc))
        other = TrainingSession()
        recorder = listen(other)
        assert not other.open_session(str(bad))
        assert any(key + ":" in m for m in recorder.messages("error")), (key, recorder.messages("error"))
        assert other.run_count == 1 and other.iteration == 0


def test_a_long_difference_goes_to_the_worker_and_a_stale_one_is_dropped(session, listen, monkeypatch):
    from bpgui.session import forking
    from bpgui.session import jobs as jobs_module

    monkeypatch.setattr(forking, "QUICK_SECONDS", 0)  # every replay counts as long
    session.fork_here(replace(session.settings, learning_rate=3.0))
    for _ in range(6):
        session.step()
    recorder = listen(session, run_jobs=False)
    with pytest.raises(ConfigError, match="not computed in both runs"):  # run A ends at 30
        session.request_difference(0, 1, 33)
    assert session.request_difference(0, 1, 20) is None
    job = next(v for e, v in recorder.events if e == "job")
    assert job.kind == "difference" and not job.quick
    assert jobs_module.run(job)
    diff = next(v for e, v in recorder.events if e == "difference")
    assert np.array_equal(diff.difference, np.zeros(9))  # the fork is the original up to t = 30
    assert np.array_equal(diff.values_a, session._slots()[0].trainer.parameters_at(20))
    session.request_difference(0, 1, 30)
    stale = [v for e, v in recorder.events if e == "job"][-1]
    session.step()
    assert not jobs_module.run(stale)


def test_training_side_by_side_goes_to_the_worker_unless_it_takes_a_few_milliseconds(listen):
    session = TrainingSession(Settings(target_error=None))
    recorder = listen(session, run_jobs=False)
    session.train_runs(5)  # 20 XOR iterations
    session.train_runs(5_000)  # 20,000 tiny iterations are still seconds of Python: not on the window's thread
    short, long = [v for e, v in recorder.events if e == "job"]
    assert short.quick and not long.quick


def test_training_runs_already_past_the_epoch_says_so(session, listen):
    recorder = listen(session, run_jobs=False)
    session.fork_here(replace(session.settings, learning_rate=2.0))
    session.train_runs(3)  # both are past epoch 7 (t = 30, 4 samples an epoch)
    assert "job" not in recorder.kinds()
    assert any("Every run has finished epoch 3 already" in m for m in recorder.messages("info"))
