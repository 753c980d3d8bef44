"""Slow work as jobs: the same numbers as the model, dropped when stale, nothing changed when cancelled."""

import numpy as np
import pytest

from bpgui.model.experiments import compare_modes
from bpgui.model.gradcheck import check_record
from bpgui.session import core, jobs, training
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


def test_the_gradient_check_job_gives_the_models_estimates(session, recorder):
    session.step()
    session.request_gradient_check()
    check = session.gradient_check
    record = session.record
    indices, estimates, errors = check_record(record, session.network.with_flat(record.flat_values))
    np.testing.assert_array_equal(check.indices, indices)
    np.testing.assert_array_equal(check.estimates, estimates)
    np.testing.assert_array_equal(check.relative_errors, errors)
    assert check.relative_errors.max() < 1e-6
    assert "check" in recorder.kinds()
    full_estimates, full_errors = check.full()
    np.testing.assert_array_equal(full_estimates, estimates)  # every parameter of XOR's 2-2-1 is checked
    np.testing.assert_array_equal(full_errors, errors)


def test_a_check_belongs_to_the_iteration_it_was_made_for(session):
    session.step()
    session.request_gradient_check()
    assert session.gradient_check is not None
    session.step()
    assert session.gradient_check is None  # stale: never shown beside another iteration's numbers


def test_a_check_inside_the_phases_covers_only_what_is_known(session):
    session.step_phase()  # the forward pass: no gradient known yet
    session.request_gradient_check()
    assert session.gradient_check.indices.size == 0
    while session.phase_view.phase.kind != "output_gradient":
        session.step_phase()
    session.request_gradient_check()
    known = np.flatnonzero(session.phase_view.gradient_known)
    np.testing.assert_array_equal(session.gradient_check.indices, known)


def test_exercise_5_5_as_runs_matches_the_models_comparison(session, recorder):
    session.load_example("watermelon3.0")
    assert session.compare_modes_as_runs(epochs=20)
    standard, accumulated = session.run_curves()  # the example's own run is the standard one
    expected = compare_modes(session.train_set, session.initial_network, epochs=20, seed=session.settings.seed,
                             runs=(("standard", 1.0), ("accumulated", 1.0)))
    for got, want in zip((standard, accumulated), expected, strict=True):
        assert got.settings.mode == want.mode
        assert got.iterations[1] == want.updates_per_epoch  # iterations in the first epoch
        np.testing.assert_array_equal(got.errors, want.epoch_errors)


def test_a_result_for_a_state_that_moved_on_is_dropped(session, make_recorder):
    recorder = make_recorder(session, run_jobs=False)
    session.step()
    session.request_gradient_check()
    check_job = recorder.pending[-1]
    session.step()  # the learner moved on while the check was computed
    assert jobs.run(check_job) is False and session.gradient_check is None
    session.train_runs(5)
    training = recorder.pending[-1]
    session.request_gradient_check()  # another kind of job: it does not move the run
    assert jobs.run(training) is True and session.iteration == 20
    session.update_settings(hidden=(3,))
    session.train_runs(5)
    stale = recorder.pending[-1]
    session.update_settings(hidden=(4,))
    assert jobs.run(stale) is False and session.iteration == 0


def test_a_cancelled_job_changes_nothing(session, make_recorder):
    recorder = make_recorder(session, run_jobs=False)
    session.step()
    session.request_gradient_check()
    (job,) = recorder.pending
    progress = jobs.Progress()
    progress.cancel()
    assert jobs.run(job, progress) is False
    assert session.gradient_check is None and "check" not in recorder.kinds()


def test_building_a_large_network_is_a_job_adopted_only_if_nothing_changed(session, make_recorder, monkeypatch):
    monkeypatch.setattr(training, "HEAVY_PARAMETERS", 10)
    recorder = make_recorder(session, run_jobs=False)
    before = session.network.flat.tobytes()
    assert session.update_settings(hidden=(8,))
    (job,) = recorder.pending
    assert not job.quick
    assert session.network.flat.tobytes() == before  # nothing changes until the job is adopted
    assert jobs.run(job)
    assert session.network.layer_sizes == (2, 8, 1) and session.iteration == 0
    assert "these settings changed: hidden layers" in recorder.messages("info")[-1]


def test_a_large_csv_that_is_broken_is_refused_by_the_job_and_nothing_changes(session, make_recorder, monkeypatch,
                                                                              tmp_path):
    monkeypatch.setattr(core, "HEAVY_CSV_BYTES", 10)
    path = tmp_path / "broken.csv"
    path.write_text("a,b,label\n1,2,yes\n3\n")
    recorder = make_recorder(session, run_jobs=False)
    before = (session.settings, session.network.flat.tobytes())
    assert session.import_data(str(path))
    (job,) = recorder.pending
    assert jobs.run(job) is False
    assert any(str(path) in m and "line 3" in m for m in recorder.messages("error"))
    assert (session.settings, session.network.flat.tobytes()) == before
    assert recorder.kinds()[-1] == "settings"  # the panel falls back to the settings in force


def test_jobs_run_in_place_when_nobody_listens():
    s = TrainingSession(Settings())
    s.step()
    s.request_gradient_check()
    assert s.gradient_check is not None


@pytest.mark.parametrize("cancel_at", [0, 3])
def test_progress_raises_cancelled_only_after_cancel(cancel_at):
    seen = []
    progress = jobs.Progress(lambda done, total: seen.append(done))
    for n in range(5):
        if n == cancel_at:
            progress.cancel()
        if progress.cancelled:
            with pytest.raises(jobs.Cancelled):
                progress(n, 5)
            break
        progress(n, 5)
    assert seen == list(range(cancel_at))


def test_a_build_is_dropped_when_the_learner_chooses_again_even_the_settings_in_force(
        session, make_recorder, monkeypatch):
    monkeypatch.setattr(training, "HEAVY_PARAMETERS", 10)
    recorder = make_recorder(session, run_jobs=False)
    session.update_settings(hidden=(9,))
    (job,) = recorder.pending
    session.update_settings(hidden=session.settings.hidden)  # back to what is in force: nothing to build
    assert ("cancel", "build") in recorder.events  # the pending build is no longer wanted
    assert jobs.run(job) is False
    assert session.network.layer_sizes == (2, 2, 1) and session.settings.hidden == (2,)
    assert recorder.kinds()[-1] == "settings"  # the panel shows the settings in force again
    assert "Building the network was stopped" in recorder.messages("info")[-1]


def test_stepping_while_a_network_is_built_does_not_lose_the_learners_choice(session, make_recorder, monkeypatch):
    monkeypatch.setattr(training, "HEAVY_PARAMETERS", 10)
    recorder = make_recorder(session, run_jobs=False)
    session.update_settings(hidden=(6,))
    (job,) = recorder.pending
    session.step()  # the old network may go on meanwhile
    assert jobs.run(job)
    assert session.network.layer_sizes == (2, 6, 1) and session.iteration == 0


def test_a_large_csv_is_read_in_a_job_once_then_another_shape_for_it_is_built_at_once(make_recorder, monkeypatch,
                                                                                      tmp_path):
    """Reading a CSV of 250 kB holds the window ~50 ms: a larger one is read in a job. Once it is the data set
    shown, a new shape for it reads nothing and is built in place; the file changed on disk: a job again."""
    import os

    monkeypatch.setattr(core, "HEAVY_CSV_BYTES", 10)
    monkeypatch.setattr(core, "RACY_SECONDS", 0)  # (written just now: test_training_session says why)
    path = tmp_path / "big.csv"
    path.write_text("a,b,label\n0,0,no\n0,1,yes\n1,0,yes\n1,1,no\n")
    session = TrainingSession(Settings())
    recorder = make_recorder(session, run_jobs=False)
    assert session.import_data(str(path))
    (job,) = recorder.pending
    assert session.dataset.name != "big.csv"  # nothing read in the window's thread
    assert jobs.run(job) and session.dataset.name == "big.csv"
    recorder.pending.clear()
    assert session.update_settings(hidden=(5,))
    assert not recorder.pending and session.network.layer_sizes == (2, 5, 1)
    path.write_text("a,b,label\n0,0,no\n0,1,yes\n1,0,yes\n1,1,no\n0.5,0.5,yes\n")
    later = os.stat(path).st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    assert session.update_settings(hidden=(4,))
    (job,) = recorder.pending
    assert jobs.run(job) and session.dataset.n_samples == 5 and session.network.layer_sizes == (2, 4, 1)
