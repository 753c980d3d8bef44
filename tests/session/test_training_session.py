"""The session alone, without Qt: every thing a learner does, observed through what it announces."""

import subprocess
import sys

import numpy as np
import pytest

from bpgui.model.training import Trainer
from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession

GUI = "('PySide6', 'shiboken6', 'pyqtgraph')"


def test_importing_the_session_and_the_model_loads_no_gui_library():
    """At run time too (the import contracts read the source; this catches a dynamic import)."""
    code = (
        "import importlib, pkgutil, sys, bpgui.model, bpgui.session\n"
        "for package in (bpgui.model, bpgui.session):\n"
        "    for m in pkgutil.iter_modules(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "import bpgui.cli\n"
        "assert 'bpgui.session.training' in sys.modules and 'bpgui.model.training' in sys.modules\n"
        f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {GUI})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_gui_probe_can_fail():
    code = f"import sys, bpgui.session, PySide6.QtCore\nprint([m for m in sys.modules if m.split('.')[0] in {GUI}][:1])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "PySide6" in result.stdout


def test_default_demo_is_the_notes_xor_network_and_run_solves_it(session, run_until_stopped, recorder):
    s = session.settings
    assert s.data == "xor" and s.hidden == (2,) and s.mode == "standard"
    assert session.network.layer_sizes == (2, 2, 1)
    assert session.network.activations == ("sigmoid", "sigmoid")
    assert session.iteration == 0 and session.record is None
    run_until_stopped(session)
    assert recorder.kinds().count("running") == 2  # started, then stopped by itself
    assert any("reached the target" in m for m in recorder.messages("info"))
    assert session.status()["error"] <= 0.01
    assert session.dataset.accuracy(session.network.predict(session.dataset.inputs)) == 1.0


def test_step_announces_and_matches_an_independent_trainer(session, recorder):
    reference = Trainer(session.network, session.train_set, seed=session.settings.seed)
    session.step()
    assert recorder.kinds() == ["history", "state"]
    expected = reference.step()
    assert session.record.flat_new_values.tobytes() == expected.flat_new_values.tobytes()
    status = session.status()
    assert status["iteration"] == 1 and status["sample"] == int(expected.sample_indices[0]) + 1
    assert status["error_k"] == expected.error


def test_step_back_restores_and_keeps_the_future(session):
    for _ in range(10):
        session.step()
    after_ten = session.network.flat.tobytes()
    session.step_back()
    assert session.iteration == 9 and session.end == 10 and session.record.iteration == 9
    session.step()
    assert session.network.flat.tobytes() == after_ten


def test_changing_eta_applies_at_once_without_reset(session):
    for _ in range(5):
        session.step()
    assert session.set_learning_rate(0.25)
    assert session.iteration == 5
    session.step()
    assert session.record.learning_rate == 0.25


@pytest.mark.parametrize("changes, words", [
    ({"learning_rate": 0.0}, "learning rate"),
    ({"learning_rate": float("nan")}, "learning rate"),
    ({"batch_size": 0, "mode": "minibatch"}, "batch size"),
    ({"data": "/no/such/file.csv"}, "/no/such/file.csv"),
    ({"hidden": (0,)}, "positive whole number"),
    ({"hidden": (100_000, 100)}, "at most"),
    ({"no_such_setting": 1}, "no_such_setting"),
])
def test_bad_settings_are_refused_with_a_message_and_nothing_changes(session, recorder, changes, words):
    for _ in range(3):
        session.step()
    before = (session.settings, session.network.flat.tobytes(), session.iteration)
    assert session.update_settings(**changes) is False
    assert any(words in m for m in recorder.messages("error"))
    assert (session.settings, session.network.flat.tobytes(), session.iteration) == before


def test_structural_change_resets_with_an_indication(session, recorder):
    session.step()
    session.update_settings(hidden=(3,))
    assert "structure" in recorder.kinds()
    assert recorder.messages("info")[-1].endswith("these settings changed: hidden layers")
    assert session.network.layer_sizes == (2, 3, 1) and session.iteration == 0


def test_divergence_pauses_and_keeps_the_last_finite_iteration(run_until_stopped, make_recorder):
    s = TrainingSession(Settings(data="sine", hidden=(4,), activation="linear", learning_rate=40.0,
                                 target_error=None))
    recorder = make_recorder(s)
    run_until_stopped(s)
    errors = recorder.messages("error")
    assert errors and "diverged" in errors[0]
    assert np.isfinite(s.network.flat).all() and s.iteration > 0
    record = s.record
    assert record is not None and record.iteration == s.iteration and np.isfinite(record.flat_gradients).all()
    t = s.iteration
    s.step_back()
    assert s.iteration == t - 1


def test_selection_is_validated(session, recorder):
    session.select_parameter(4)
    assert recorder.events == [("selection", 4)]
    session.select_parameter(10_000)
    assert session.selected_parameter == -1


def test_open_network_that_does_not_fit_is_refused(session, recorder, tmp_path):
    path = tmp_path / "wide.json"
    path.write_text('{"format": "bpgui.network", "version": 1, "layers": [{"units": 3}, {"units": 1}]}')
    before = session.network.flat.tobytes()
    assert session.open_network(str(path)) is False
    assert any("3-1" in m and str(path) in m for m in recorder.messages("error"))
    assert session.network.flat.tobytes() == before


def test_a_file_name_with_placeholders_is_reported_as_it_is(session, recorder, tmp_path):
    path = tmp_path / "net%2{x}.json"
    path.write_text('{"format": "bpgui.network", "version": 1, "layers": [{"units": 2}, {"units": 3}, {"units": 1}]}')
    assert session.open_network(str(path))
    assert recorder.messages("info")[-1] == f"Opened {path}: a 2-3-1 network, at iteration 0."


def test_save_and_open_round_trip(session, tmp_path):
    for _ in range(7):
        session.step()
    path = str(tmp_path / "n.json")
    assert session.save_network(path)
    saved = session.network.flat.tobytes()
    session.reset()
    assert session.open_network(path)
    assert session.network.flat.tobytes() == saved and session.iteration == 0


def test_opening_a_network_takes_its_seed_and_learning_rate(session, tmp_path):
    path = tmp_path / "n.json"
    path.write_text('{"format": "bpgui.network", "version": 1, "seed": 5, "learning_rate": 0.25,'
                    ' "layers": [{"units": 2}, {"units": 3}, {"units": 1}]}')
    assert session.open_network(str(path))
    assert session.settings.seed == 5 and session.settings.learning_rate == 0.25 and session.settings.hidden == (3,)


def test_changing_eta_after_stepping_back_says_what_was_discarded(session, recorder):
    for _ in range(6):
        session.step()
    session.goto(4)
    session.set_learning_rate(0.5)
    assert "Iterations 5 to 6 were discarded" in recorder.messages("info")[-1]
    assert session.end == 4


def test_a_new_mode_mid_epoch_starts_a_whole_pass(session, recorder):
    for _ in range(3):
        session.step()  # 3 of XOR's 4 samples
    session.update_settings(mode="accumulated")
    assert recorder.messages("info")[-1] == "The new mode starts a new epoch at t = 3."
    session.step()
    assert session.record.batch_size == 4 and session.status()["epoch"] == 2


def test_phase_stepping_reveals_one_iteration_then_applies_exactly_it(session, recorder):
    plan = session.phase_plan
    assert plan[-1].phase.kind == "update"
    for i in range(len(plan) - 1):
        session.step_phase()
        assert session.phase_view.index == i
        assert session.iteration == 0  # nothing applied before the update phase
    shown = session.display_record()
    recorder.clear()
    session.step_phase()  # the update
    assert recorder.kinds() == ["history", "state"]
    assert session.phase_view.phase.kind == "update" and session.iteration == 1
    assert session.record.flat_new_values.tobytes() == shown.flat_new_values.tobytes()
    session.step_phase()  # the next phase starts iteration 2 with its forward pass
    assert session.phase_view.index == 0 and session.display_record().iteration == 2


def test_stepping_back_inside_and_across_iterations(session):
    n = len(session.phase_plan)
    for _ in range(n):
        session.step_phase()  # through the update of iteration 1
    session.step_phase_back()  # undo the update
    assert session.iteration == 0 and session.phase_view.index == n - 2
    for _ in range(n - 2):
        session.step_phase_back()
    assert session.phase_view.index == 0
    session.step_phase_back()
    assert session.phase_view is None and session.iteration == 0
    session.step()
    session.step_phase_back()  # from whole iteration 1 into its last phase before the update
    assert session.iteration == 0 and session.phase_view.index == n - 2
    assert session.display_record().iteration == 1


def test_step_finishes_a_half_shown_iteration_and_settings_leave_phases(session):
    session.step_phase()
    session.step_phase()
    session.step()
    assert session.phase_view is None and session.iteration == 1
    session.step_phase()
    session.set_learning_rate(0.5)
    assert session.phase_view is None


def test_another_shape_for_the_same_data_does_not_read_it_again_unless_it_changed(tmp_path, monkeypatch):
    import os

    import bpgui.session.core as core

    monkeypatch.setattr(core, "RACY_SECONDS", 0)  # (the file is written just now: see the test below)
    path = tmp_path / "three.csv"
    path.write_text("a,b,kind\n0,0,red\n0,1,green\n1,0,blue\n1,1,red\n")
    s = TrainingSession(Settings(data=str(path), hidden=(2,)))
    reads = [0]
    original = core.load_dataset

    def counted(*args, **kwargs):
        reads[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(core, "load_dataset", counted)
    shown = s.dataset
    assert s.update_settings(hidden=(4,)) and s.network.layer_sizes == (2, 4, 3)
    assert reads[0] == 0 and s.dataset is shown  # the same file, unchanged: the data set shown
    assert s.update_settings(hidden=(3, 2)) and reads[0] == 0
    # The file changed on disk (a row more; its time too): read again, the next network learns the new rows.
    path.write_text("a,b,kind\n0,0,red\n0,1,green\n1,0,blue\n1,1,red\n0.5,0.5,green\n")
    earlier = os.stat(path).st_mtime_ns - 10_000_000_000  # another time (not ahead of the clock: see below)
    os.utime(path, ns=(earlier, earlier))
    assert s.update_settings(hidden=(2,)) and reads[0] == 1
    assert s.dataset.n_samples == 5 and s.network.layer_sizes == (2, 2, 3)
    # Edited in place to the same size, its time of modification put back (as a copy keeping times does):
    # the inode's time of change still moves, so it is read again.
    kept = os.stat(path)
    path.write_text("a,b,kind\n0,0,red\n0,1,green\n1,0,blue\n1,1,red\n0.5,0.5,blue!\n"[:kept.st_size])
    os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert os.stat(path).st_size == kept.st_size and os.stat(path).st_mtime_ns == kept.st_mtime_ns
    assert s.update_settings(hidden=(3,)) and reads[0] == 2
    # Another seed for a generated data set is another data set: read (made) again.
    s = TrainingSession(Settings(data="circle", hidden=(2,)))
    assert reads[0] == 3  # (made for the new session)
    assert s.update_settings(hidden=(3,)) and reads[0] == 3
    before = s.dataset.inputs.copy()
    assert s.update_settings(seed=7) and reads[0] == 4
    assert not np.array_equal(s.dataset.inputs, before)


def test_a_file_changed_within_the_racy_window_is_always_read_again(tmp_path, monkeypatch):
    """A clock whose tick is coarser than an edit could give two versions of a file the same size and times:
    a file changed in the last RACY_SECONDS has no source to reuse, so it is read each time."""
    import os

    import bpgui.session.core as core

    path = tmp_path / "fresh.csv"
    path.write_text("a,b,kind\n0,0,red\n0,1,green\n1,0,blue\n1,1,red\n")
    settings = Settings(data=str(path))
    assert core.data_source(settings) is None  # just written
    old = os.stat(path).st_ctime_ns
    monkeypatch.setattr(core.time, "time_ns", lambda: old + core.RACY_SECONDS * 1_000_000_000)
    assert core.data_source(settings) is not None  # long enough ago
    s = TrainingSession(settings)
    monkeypatch.setattr(core.time, "time_ns", lambda: old)
    reads = [0]
    original = core.load_dataset

    def counted(*args, **kwargs):
        reads[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(core, "load_dataset", counted)
    assert s.update_settings(hidden=(3,)) and reads[0] == 1


def test_per_output_plan_reaches_hidden_units_once_per_output(tmp_path):
    path = tmp_path / "three.csv"
    path.write_text("a,b,kind\n0,0,red\n0,1,green\n1,0,blue\n1,1,red\n")
    s = TrainingSession(Settings(data=str(path), hidden=(2,)))
    assert s.network.layer_sizes == (2, 2, 3)
    s.set_per_output(True)
    kinds = [v.phase.kind for v in s.phase_plan]
    assert kinds.count("hidden_sum") == 3 and kinds.count("output_gradient") == 3


def test_the_preview_is_computed_once_per_state_and_again_for_each_change(session, monkeypatch):
    """At t = 0 the views read the next iteration's preview several times a state: one computation, and a
    new one after each change that makes another next iteration (an edit, η, a step back to t = 0)."""
    computed = [0]
    original = Trainer.preview

    def counted(self):
        computed[0] += 1
        return original(self)

    monkeypatch.setattr(Trainer, "preview", counted)
    first = session.display_record()
    assert session.showing_preview and session.display_record() is first and computed[0] == 1
    assert session.edit_parameter(0, 0.75)
    edited = session.display_record()
    assert edited is not first and edited.flat_values[0] == 0.75 and computed[0] == 2
    assert session.update_settings(learning_rate=0.25)
    faster = session.display_record()
    assert faster.learning_rate == 0.25 and faster.flat_values[0] == 0.75 and computed[0] == 3
    assert session.display_record() is faster and computed[0] == 3
    expected = Trainer(session.network, session.dataset, config=session._trainer.config).preview()
    np.testing.assert_array_equal(faster.flat_new_values, expected.flat_new_values)
    session.step()  # then the record of iteration 1 is shown, as the preview said it would be
    shown = session.display_record()
    assert not session.showing_preview and shown.iteration == 1
    np.testing.assert_array_equal(shown.flat_new_values, expected.flat_new_values)
    assert session._preview is None  # not kept once the state moved on (a big network's is tens of MB)


def test_editing_a_weight_updates_the_preview_at_once_and_can_be_undone(session, recorder):
    for _ in range(3):
        session.step()
    before = session.network.flat.copy()
    assert session.edit_parameter(6, 2.5)  # w_11
    assert recorder.messages("info")[-1] == "w₁₁ set to 2.5."  # named as the network and the table do
    assert session.network.flat[6] == 2.5 and session.end == 3 and session.can_undo_edit
    preview = session.display_record()
    assert session.showing_preview and preview.iteration == 4 and preview.flat_values[6] == 2.5
    b = preview.layers[0].output[0]
    expected = 1 / (1 + np.exp(-(2.5 * b[0] + preview.flat_values[7] * b[1] - preview.flat_values[8])))
    assert preview.layers[1].output[0, 0] == pytest.approx(expected, rel=1e-12)
    assert session.undo_edit()
    np.testing.assert_array_equal(session.network.flat, before)
    assert not session.can_undo_edit and not session.undo_edit()


@pytest.mark.parametrize("value", ["abc", float("nan"), float("inf")])
def test_bad_edits_are_refused(session, recorder, value):
    before = session.network.flat.tobytes()
    assert session.edit_parameter(0, value) is False
    assert recorder.messages("error")
    assert session.network.flat.tobytes() == before


def test_no_edit_in_the_middle_of_phases_nor_of_a_parameter_that_does_not_exist(session, recorder):
    session.step_phase()
    assert session.edit_parameter(0, 1.0) is False
    assert "phases" in recorder.messages("error")[-1]
    assert session.edit_parameter(99, 1.0) is False
    assert recorder.messages("error")[-1] == "There is no parameter number 99."


def test_a_whole_run_through_the_session_alone(session, recorder):
    """Steps, phases, an edit, its undo and step back, as a learner would do them, all without Qt."""
    for _ in range(4):
        session.step()
    session.select_parameter(0)
    derivation, known = session.derivation()
    assert known and derivation.gradient == session.record.flat_gradients[0]
    n = len(session.phase_plan)
    for _ in range(n):
        session.step_phase()
    assert session.iteration == 5
    derivation, known = session.derivation()
    assert known and derivation.gradient == session.record.flat_gradients[0]
    session.edit_parameter(0, 0.75)
    assert session.showing_preview and session.display_record().flat_values[0] == 0.75
    session.undo_edit()
    session.step()
    after_six = session.network.flat.tobytes()
    session.step_back()
    session.step_back()
    assert session.iteration == 4
    session.goto(6)
    assert session.network.flat.tobytes() == after_six
    history = session.history()
    assert history.iteration == 6 and history.iteration_errors.shape[0] == 6


def test_the_derivation_follows_the_phase_shown(session):
    session.select_parameter(0)  # v_11: known only once the hidden gradients are
    session.step_phase()
    derivation, known = session.derivation()
    assert not known
    while session.phase_view.phase.kind != "hidden_gradient":
        session.step_phase()
    derivation, known = session.derivation()
    assert known and derivation.gradient == session.display_record().flat_gradients[0]


def test_load_example_sets_data_network_and_settings(session, recorder):
    assert session.load_example("watermelon3.0")
    assert session.dataset.name == "watermelon3.0" and session.network.layer_sizes == (19, 5, 1)
    assert session.settings.max_epochs == 300
    assert session.load_example("xor") and session.network.layer_sizes == (2, 2, 1)


def test_reset_restarts_from_iteration_0_with_the_settings_shown_now(session):
    start = session.network.flat.tobytes()
    for _ in range(5):
        session.step()
    session.update_settings(learning_rate=0.25, mode="minibatch", batch_size=2, shuffle=False)
    session.reset()
    assert session.iteration == 0 and session.network.flat.tobytes() == start
    assert session.settings.learning_rate == 0.25  # the panel's settings stay …
    session.step()
    record = session.record
    assert record.learning_rate == 0.25 and record.batch_size == 2  # … and are the ones used
    np.testing.assert_array_equal(record.sample_indices, [0, 1])  # file order: shuffle is off


def test_a_setting_changed_mid_run_is_marked_where_it_applies(session, recorder):
    for _ in range(3):
        session.step()
    session.update_settings(learning_rate=0.5)
    session.step()
    session.update_settings(mode="accumulated", target_error=None)
    changes = [(t, m.english()) for t, m in session.history().changes]
    assert changes == [(3, "η = 0.5"), (4, "accumulated BP"), (4, "no target E")]
    session.goto(2)
    session.update_settings(shuffle=False)  # a new branch from t = 2: the later marks go with the dropped future
    assert [(t, m.english()) for t, m in session.history().changes] == [(2, "in file order")]
    session.reset()
    assert session.history().changes == ()


def test_step_after_the_update_phase_goes_on_to_the_next_iteration(session):
    for _ in range(len(session.phase_plan)):
        session.step_phase()
    assert session.phase_view.phase.kind == "update" and session.iteration == 1
    applied = session.record.flat_new_values.tobytes()
    session.step()
    assert session.iteration == 2 and session.phase_view is None
    assert session.record.flat_values.tobytes() == applied  # iteration 2 starts from what the update made


def test_a_digit_label_is_read_as_classes_and_the_learner_is_told_how(session, recorder, tmp_path):
    path = tmp_path / "digits.csv"
    rows = ["a,b,digit"] + [f"{i % 7},{(3 * i) % 5},{i % 10}" for i in range(40)]
    path.write_text("\n".join(rows) + "\n")
    session.update_settings(data=str(path), hidden=(3,))
    assert session.network.layer_sizes == (2, 3, 10) and session.network.activations[-1] == "sigmoid"
    assert "read as 10 classes" in recorder.messages("info")[-1]
    session.update_settings(label_type="number")
    assert session.network.layer_sizes == (2, 3, 1) and session.network.activations[-1] == "linear"
    assert "read as a number, as chosen" in recorder.messages("info")[-1]


def test_a_test_split_that_equals_a_smaller_one_says_so(recorder, make_recorder):
    s = TrainingSession(Settings(data="watermelon3.0", hidden=(2,)))
    recorder = make_recorder(s)
    s.update_settings(test_fraction=0.2)  # 17 samples: 0.2 holds out 3, as 0.15 does
    assert recorder.messages("info")[-1] == "test split 0.2 holds out 3 of 17 samples, the same as 0.15"
    s.update_settings(test_fraction=0.25)  # 4: a split of its own, nothing to say
    assert "holds out" not in recorder.messages("info")[-1]


def test_the_watermelon_set_is_named_in_the_learners_language_with_the_same_numbers():
    s = TrainingSession(Settings(data="watermelon3.0", hidden=(2,)))
    chinese = s.dataset
    s.set_data_language("en")
    english = s.dataset
    assert english.feature_names != chinese.feature_names and all(n.isascii() for n in english.feature_names)
    np.testing.assert_array_equal(english.inputs, chinese.inputs)
    np.testing.assert_array_equal(english.targets, chinese.targets)
    s.step()  # the trainer is not disturbed by the names
    assert s.iteration == 1


def test_a_label_type_chosen_for_one_file_is_not_carried_to_the_next_data_set(session, recorder, tmp_path):
    path = tmp_path / "digits.csv"
    path.write_text("a,digit\n" + "".join(f"{i % 5},{i % 10}\n" for i in range(30)))
    session.update_settings(data=str(path), label_type="number")
    assert session.network.layer_sizes[-1] == 1
    session.set_data_language("en")
    session.update_settings(data="watermelon3.0")
    assert session.settings.label_type == "auto" and session.dataset.task == "classification"
    assert not any("好瓜" in m for m in recorder.messages())  # notes name columns in the learner's language


def test_reset_says_what_it_did(session, recorder):
    session.step()
    session.reset()
    assert recorder.messages("info")[-1] == "Back to iteration 0's weights, with the settings shown."


def test_reset_keeps_an_edit_made_at_iteration_0_as_its_tooltip_says(session):
    session.edit_parameter(0, 0.75)  # a teacher sets up the starting network by hand
    for _ in range(5):
        session.step()
    session.reset()
    assert session.iteration == 0 and session.network.flat[0] == 0.75
