"""The controller: a thin Qt adapter over the session, observed through its signals.

What a learner can do is tested on the session alone (tests/session); here:
the session's news arrive as Qt signals, in the learner's language; Run is
driven by a timer; slow work runs in a worker while the event loop turns.
"""

import gc
import time

import numpy as np
from PySide6.QtCore import QTimer

from bpgui.controller import Settings, TrainingController
from bpgui.controller.runs import RunsController
from bpgui.views.topology import TopologyView


def test_each_session_event_arrives_as_its_signal(controller, qtbot):
    with qtbot.waitSignals([controller.history_changed, controller.state_changed]):
        controller.step()
    with qtbot.waitSignal(controller.selection_changed, check_params_cb=lambda i: i == 4):
        controller.select_parameter(4)
    with qtbot.waitSignals([controller.structure_changed, controller.settings_changed, controller.message]):
        controller.update_settings(hidden=(3,))
    assert controller.network.layer_sizes == (2, 3, 1)


def test_messages_are_sent_in_the_learners_words(controller, qtbot):
    with qtbot.waitSignal(controller.message,
                          check_params_cb=lambda level, text: (level, text) == ("info", "Already at iteration 0.")):
        controller.step_back()
    with qtbot.waitSignal(controller.message, check_params_cb=lambda level, text: level == "error"
                          and "learning rate" in text):
        assert controller.set_learning_rate(-1.0) is False


def test_run_and_pause_through_the_timer(controller, qtbot):
    controller.update_settings(target_error=None)
    with qtbot.waitSignal(controller.running_changed, check_params_cb=lambda running: running is True):
        controller.set_running(True)
    qtbot.waitUntil(lambda: controller.iteration > 100, timeout=5000)
    with qtbot.waitSignal(controller.running_changed, check_params_cb=lambda running: running is False):
        controller.toggle_running()
    t = controller.iteration
    qtbot.wait(50)
    assert controller.iteration == t


def test_run_stops_at_the_target_error_and_says_so(controller, qtbot):
    controller.update_settings(target_error=0.2)
    messages = []
    controller.message.connect(lambda level, text: messages.append((level, text)))
    controller.set_running(True)
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
    assert controller.status()["error"] <= 0.2
    assert any("target" in text for _, text in messages)


def test_a_slow_speed_steps_one_iteration_a_tick(controller, qtbot):
    controller.set_speed(30)
    controller.set_running(True)
    qtbot.waitUntil(lambda: controller.iteration >= 3, timeout=5000)
    controller.pause()
    assert controller.iteration < 60  # one per tick at 30/s, not a frame's worth


def _watermelon(qtbot) -> TrainingController:
    c = TrainingController(Settings(data="watermelon3.0", hidden=(5,), target_error=None, max_epochs=300))
    return c


def test_a_long_comparison_runs_in_the_worker_while_the_window_keeps_repainting(qtbot):
    c = _watermelon(qtbot)
    for _ in range(3):
        c.step()
    before = (c.settings, c.network.flat.tobytes(), c.iteration)
    gc.collect()  # start from a clean heap: the gaps measured are the worker's, not earlier tests' garbage
    # Each tick repaints a view of the network, as the window does: calls into Qt that give up the
    # interpreter lock and must get it back (with the worker a *thread* running Python, each of those
    # waited up to 5 ms and one repaint took hundreds of ms).
    view = TopologyView()
    view.resize(500, 400)
    view.set_structure(c.network.layer_sizes, c.dataset.feature_names, ("y",))
    view.show_state(c.network, c.display_record(), None)
    ticks: list[float] = []

    def tick() -> None:
        view.repaint()
        ticks.append(time.perf_counter())

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    progress = []
    c.job_progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(c.job_started):
        RunsController(c).train_all(20_000)  # far longer than the test waits
    assert c.job_running
    qtbot.waitUntil(lambda: bool(progress), timeout=15_000)  # the worker process may be starting
    ticks.clear()  # measure while the worker computes
    qtbot.wait(600)
    with qtbot.waitSignal(c.job_finished):
        c.cancel_job()
    timer.stop()
    assert c.wait_for_jobs()
    gaps = np.diff(ticks)
    assert len(ticks) > 20 and gaps.max() < 0.050, f"longest gap {gaps.max() * 1000:.0f} ms"
    assert progress and 0 < progress[-1][0] < progress[-1][1]  # it was working, and it did not finish
    assert (c.settings, c.network.flat.tobytes(), c.iteration) == before  # Cancel changed nothing
    assert not c.job_running


def test_exercise_5_5_arrives_as_two_runs_trained_in_the_worker(qtbot):
    c = _watermelon(qtbot)
    runs = RunsController(c)
    with qtbot.waitSignal(runs.runs_changed, timeout=20_000, check_params_cb=lambda: not c.job_running):
        assert runs.compare_modes(50)
    standard, accumulated = runs.curves()  # the controller's own run is the standard one
    assert (standard.settings.mode, accumulated.settings.mode) == ("standard", "accumulated")
    assert standard.errors[0] == accumulated.errors[0]
    assert standard.epochs[-1] == accumulated.epochs[-1] == 50


def test_a_comparison_that_finishes_after_the_data_changed_is_dropped(qtbot):
    c = _watermelon(qtbot)
    RunsController(c).train_all(400)
    c.update_settings(hidden=(3,))  # the run no longer is the one shown
    assert c.wait_for_jobs(20_000)
    qtbot.wait(20)  # let the queued result arrive
    assert c.iteration == c.end == 0 and c.network.layer_sizes[1:-1] == (3,)


def test_a_large_gradient_check_goes_to_the_worker_and_fills_in(qtbot):
    c = TrainingController(Settings(data="watermelon3.0", hidden=(40,), target_error=None))
    c.step()
    started = []
    c.job_started.connect(started.append)
    with qtbot.waitSignal(c.check_ready, timeout=20_000):
        c.request_gradient_check()
        assert c.job_running  # not computed on the GUI thread
    assert started == ["Checking the gradients…"]
    check = c.gradient_check()
    assert check is not None and check.indices.size == c.network.n_parameters
    assert np.nanmax(check.relative_errors) < 1e-4


def test_a_new_job_of_another_kind_does_not_stop_training_runs(qtbot):
    c = _watermelon(qtbot)
    c.step()
    RunsController(c).train_all(100)
    c.request_gradient_check()  # quick: runs in place, and must not cancel the training
    assert c.gradient_check() is not None
    assert c.wait_for_jobs(20_000)
    qtbot.waitUntil(lambda: c.iteration > 1, timeout=5000)
    assert c.history().epoch_errors.shape[0] == 101


def test_cancelling_one_controller_leaves_anothers_job_alone(qtbot):
    a, b = _watermelon(qtbot), _watermelon(qtbot)
    RunsController(a).train_all(400)  # long enough to go to the worker
    RunsController(b).train_all(400)
    assert a.job_running and b.job_running
    b.cancel_job()
    assert a.wait_for_jobs(20_000) and b.wait_for_jobs(20_000)
    qtbot.wait(20)  # let the queued result arrive
    assert a.iteration == 400 * 17 and b.iteration == 0


def test_quitting_with_a_job_running_does_not_wait_for_it(tmp_path):
    """A script (or the app) that ends while a long job runs exits at once: the job is cancelled."""
    import subprocess
    import sys

    script = tmp_path / "quit.py"
    script.write_text(
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from bpgui.controller import Settings, TrainingController\n"
        "from bpgui.controller.runs import RunsController\n"
        "if __name__ == '__main__':\n"
        "    app = QApplication([])\n"
        "    c = TrainingController(Settings(data='watermelon3.0', hidden=(5,), target_error=None))\n"
        "    RunsController(c).train_all(2_000_000)  # hours of work\n"
        "    assert c.job_running\n"
        "    print('started', flush=True)\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "started" in done.stdout, done.stderr
