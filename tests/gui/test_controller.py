"""The controller: the one owner of state, driven through its slots, observed through its signals."""

import numpy as np
import pytest

from bpgui.controller import Settings, TrainingController
from bpgui.model.training import Trainer


@pytest.fixture()
def controller(qtbot):
    c = TrainingController()
    yield c
    c.pause()


def test_default_demo_is_the_notes_xor_network(controller):
    s = controller.settings
    assert s.data == "xor" and s.hidden == (2,) and s.mode == "standard"
    assert controller.network.layer_sizes == (2, 2, 1)
    assert controller.network.activations == ("sigmoid", "sigmoid")
    assert controller.trainer.iteration == 0 and controller.record is None
    # The default seed and η converge: training to the target error solves XOR.
    reason = controller.trainer.train()
    assert reason == "target_error"
    assert controller.dataset.accuracy(controller.network.predict(controller.dataset.inputs)) == 1.0


def test_step_emits_and_matches_an_independent_trainer(controller, qtbot):
    reference = Trainer(controller.network, controller.trainer.train_set, seed=controller.settings.seed)
    with qtbot.waitSignals([controller.history_changed, controller.state_changed]):
        controller.step()
    expected = reference.step()
    assert controller.record.flat_new_values.tobytes() == expected.flat_new_values.tobytes()
    status = controller.status()
    assert status["iteration"] == 1 and status["sample"] == int(expected.sample_indices[0]) + 1
    assert status["error_k"] == expected.error


def test_step_back_restores_and_keeps_the_future(controller, qtbot):
    for _ in range(10):
        controller.step()
    after_ten = controller.network.flat.tobytes()
    controller.step_back()
    assert controller.trainer.iteration == 9 and controller.trainer.end == 10
    assert controller.record.iteration == 9
    controller.step()
    assert controller.network.flat.tobytes() == after_ten


def test_run_pause_through_signals(controller, qtbot):
    controller.update_settings(target_error=None)
    with qtbot.waitSignal(controller.running_changed, check_params_cb=lambda running: running is True):
        controller.set_running(True)
    qtbot.waitUntil(lambda: controller.trainer.iteration > 100, timeout=5000)
    with qtbot.waitSignal(controller.running_changed, check_params_cb=lambda running: running is False):
        controller.toggle_running()
    t = controller.trainer.iteration
    qtbot.wait(50)
    assert controller.trainer.iteration == t


def test_run_stops_at_the_target_error_and_says_so(controller, qtbot):
    controller.update_settings(target_error=0.2)
    messages = []
    controller.message.connect(lambda level, text: messages.append((level, text)))
    controller.set_running(True)
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
    assert controller.trainer.epoch_error() <= 0.2
    assert any("target" in text for _, text in messages)


def test_changing_eta_applies_at_once_without_reset(controller):
    for _ in range(5):
        controller.step()
    assert controller.set_learning_rate(0.25)
    assert controller.trainer.iteration == 5
    controller.step()
    assert controller.record.learning_rate == 0.25


@pytest.mark.parametrize("changes, words", [
    ({"learning_rate": 0.0}, "learning rate"),
    ({"learning_rate": float("nan")}, "learning rate"),
    ({"batch_size": 0, "mode": "minibatch"}, "batch size"),
    ({"data": "/no/such/file.csv"}, "/no/such/file.csv"),
    ({"hidden": (0,)}, "positive whole number"),
])
def test_bad_settings_are_refused_with_a_message_and_nothing_changes(controller, qtbot, changes, words):
    for _ in range(3):
        controller.step()
    before = (controller.settings, controller.network.flat.tobytes(), controller.trainer.iteration)
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: level == "error" and words in text):
        assert controller.update_settings(**changes) is False
    assert (controller.settings, controller.network.flat.tobytes(), controller.trainer.iteration) == before


def test_structural_change_resets_with_an_indication(controller, qtbot):
    controller.step()
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: "hidden" in text):
        with qtbot.waitSignal(controller.structure_changed):
            controller.update_settings(hidden=(3,))
    assert controller.network.layer_sizes == (2, 3, 1) and controller.trainer.iteration == 0


def test_divergence_pauses_and_keeps_the_last_finite_iteration(qtbot):
    c = TrainingController(Settings(data="sine", hidden=(4,), activation="linear", learning_rate=40.0,
                                    target_error=None))
    errors = []
    c.message.connect(lambda level, text: errors.append(text) if level == "error" else None)
    c.set_running(True)
    qtbot.waitUntil(lambda: not c.running, timeout=10_000)
    assert errors and "diverged" in errors[0]
    assert np.isfinite(c.network.flat).all() and c.trainer.iteration > 0
    t = c.trainer.iteration
    c.step_back()
    assert c.trainer.iteration == t - 1


def test_selection_is_validated(controller, qtbot):
    with qtbot.waitSignal(controller.selection_changed, check_params_cb=lambda i: i == 4):
        controller.select_parameter(4)
    controller.select_parameter(10_000)
    assert controller.selected_parameter == -1


def test_open_network_that_does_not_fit_is_refused(controller, tmp_path, qtbot):
    path = tmp_path / "wide.json"
    path.write_text('{"format": "bpgui.network", "version": 1, "layers": [{"units": 3}, {"units": 1}]}')
    before = controller.network.flat.tobytes()
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: level == "error" and "3-1" in text):
        assert controller.open_network(str(path)) is False
    assert controller.network.flat.tobytes() == before


def test_save_and_open_round_trip(controller, tmp_path):
    for _ in range(7):
        controller.step()
    path = str(tmp_path / "n.json")
    assert controller.save_network(path)
    saved = controller.network.flat.tobytes()
    controller.reset()
    assert controller.open_network(path)
    assert controller.network.flat.tobytes() == saved and controller.trainer.iteration == 0


def test_changing_eta_after_stepping_back_says_what_was_discarded(controller, qtbot):
    for _ in range(6):
        controller.step()
    controller.goto(4)
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: "5 to 6 were discarded" in text):
        controller.set_learning_rate(0.5)
    assert controller.trainer.end == 4


def test_divergence_keeps_the_record_of_the_last_finite_iteration(qtbot):
    c = TrainingController(Settings(data="sine", hidden=(4,), activation="linear", learning_rate=40.0,
                                    target_error=None))
    c.set_running(True)
    qtbot.waitUntil(lambda: not c.running, timeout=10_000)
    record = c.record
    assert record is not None and record.iteration == c.trainer.iteration
    assert np.isfinite(record.flat_gradients).all()


def test_a_new_mode_mid_epoch_starts_a_whole_pass(controller):
    for _ in range(3):
        controller.step()  # 3 of XOR's 4 samples
    controller.update_settings(mode="accumulated")
    controller.step()
    assert controller.record.batch_size == 4
    assert controller.trainer.state.epoch == 2


def test_a_network_too_large_to_build_is_refused(controller, qtbot):
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: "at most" in text):
        assert controller.update_settings(hidden=(100_000, 100)) is False
    assert controller.network.layer_sizes == (2, 2, 1)


def test_opening_a_network_takes_its_seed_and_says_so(controller, tmp_path, qtbot):
    path = tmp_path / "n.json"
    path.write_text('{"format": "bpgui.network", "version": 1, "seed": 5, "learning_rate": 0.25,'
                    ' "layers": [{"units": 2}, {"units": 3}, {"units": 1}]}')
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: "Opened" in text):
        assert controller.open_network(str(path))
    assert controller.settings.seed == 5 and controller.settings.learning_rate == 0.25
    assert controller.settings.hidden == (3,)


def test_phase_stepping_reveals_one_iteration_then_applies_exactly_it(controller, qtbot):
    views = controller._phase_views
    assert [v.phase.kind for v in views][-1] == "update"
    for i in range(len(views) - 1):
        controller.step_phase()
        assert controller.phase_view.index == i
        assert controller.trainer.iteration == 0  # nothing applied before the update phase
    shown = controller.display_record()
    with qtbot.waitSignal(controller.history_changed):
        controller.step_phase()  # the update
    assert controller.phase_view.phase.kind == "update" and controller.trainer.iteration == 1
    assert controller.record.flat_new_values.tobytes() == shown.flat_new_values.tobytes()
    # The next phase starts iteration 2 with its forward pass.
    controller.step_phase()
    assert controller.phase_view.index == 0 and controller.display_record().iteration == 2


def test_stepping_back_inside_and_across_iterations(controller):
    n = len(controller._phase_views)
    for _ in range(n):
        controller.step_phase()  # through the update of iteration 1
    controller.step_phase_back()  # undo the update
    assert controller.trainer.iteration == 0 and controller.phase_view.index == n - 2
    for _ in range(n - 2):
        controller.step_phase_back()
    assert controller.phase_view.index == 0
    controller.step_phase_back()
    assert controller.phase_view is None and controller.trainer.iteration == 0
    controller.step()
    controller.step_phase_back()  # from whole iteration 1 into its last phase before the update
    assert controller.trainer.iteration == 0 and controller.phase_view.index == n - 2
    assert controller.display_record().iteration == 1


def test_step_finishes_a_half_shown_iteration_and_settings_leave_phases(controller):
    controller.step_phase()
    controller.step_phase()
    controller.step()
    assert controller.phase_view is None and controller.trainer.iteration == 1
    controller.step_phase()
    controller.set_learning_rate(0.5)
    assert controller.phase_view is None


def test_per_output_plan_reaches_hidden_units_once_per_output(qtbot, tmp_path):
    path = tmp_path / "three.csv"
    path.write_text("a,b,kind\n0,0,red\n0,1,green\n1,0,blue\n1,1,red\n")
    c = TrainingController(Settings(data=str(path), hidden=(2,)))
    assert c.network.layer_sizes == (2, 2, 3)
    c.set_per_output(True)
    kinds = [v.phase.kind for v in c._phase_views]
    assert kinds.count("hidden_sum") == 3 and kinds.count("output_gradient") == 3


def test_editing_a_weight_updates_the_preview_at_once_and_can_be_undone(controller, qtbot):
    for _ in range(3):
        controller.step()
    before = controller.network.flat.copy()
    with qtbot.waitSignal(controller.state_changed):
        assert controller.edit_parameter(6, 2.5)  # w_11
    assert controller.network.flat[6] == 2.5 and controller.trainer.end == 3
    preview = controller.display_record()
    assert preview.iteration == 4 and preview.flat_values[6] == 2.5
    b = preview.layers[0].output[0]
    expected = 1 / (1 + np.exp(-(2.5 * b[0] + preview.flat_values[7] * b[1] - preview.flat_values[8])))
    assert preview.layers[1].output[0, 0] == pytest.approx(expected, rel=1e-12)
    assert controller.undo_edit()
    np.testing.assert_array_equal(controller.network.flat, before)


@pytest.mark.parametrize("value", ["abc", float("nan"), float("inf")])
def test_bad_edits_are_refused(controller, qtbot, value):
    before = controller.network.flat.tobytes()
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: level == "error"):
        assert controller.edit_parameter(0, value) is False
    assert controller.network.flat.tobytes() == before


def test_no_edit_in_the_middle_of_phases(controller, qtbot):
    controller.step_phase()
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: "phases" in text):
        assert controller.edit_parameter(0, 1.0) is False
