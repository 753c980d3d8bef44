"""Issue 11's window figures: offscreen Qt, a MainWindow driven through its controller.

* ``run_max_gap_ms``: Run for a while on each network (XOR; 784-128-10 standard and accumulated; a
  784-1250-10 network of 993,760 parameters accumulated and in mini-batches of 64; a deep 784-512-512-512-10
  one of 932,362 parameters standard) while a QTimer probe fires every few ms; the
  longest gap between its firings, beside the same probe with the window idle; and once, XOR left running
  past 1.6 million iterations (the error curve's first two thinnings), its worst 5 s.
* ``selected_step_ratio``: Step + repaint of a window with a parameter selected (so the derivation
  panel computes its chain rule, the chain's paths and the unit's forward pass) beside a twin window with
  nothing selected: the same network, data and seed, both first Run to the same iteration (as the window
  Run in the gap figure is), then their Steps taken in turn one by one, so both train the same way and a
  drift of the machine's speed (on a shared 2-core VM, ±30 % over seconds) falls on both alike. A third
  twin, nothing selected either, is the control: against the second it should read 1.
* ``step_repaint_*_ms``: Step + repaint beside a repaint alone. A Step is timed as a click on Step runs:
  ``controller.step()``, then one pass of the event loop, which paints what changed (see ``Gui.stepped``).
* ``run_xor_iterations_per_s``: iterations/s while Run repaints (the window as it opens, the error
  curve's tab shown), beside Trainer.advance alone.
* ``decision_map_frames_per_s``: paints of the decision map (its tab shown) in a second XOR run,
  beside the network view's paints in the same run.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from typing import Any

import numpy as np
from model_figures import figure, rate_figure

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BPGUI_NO_DIALOGS"] = "1"

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, QTimer

from bpgui.app import application

SCRATCH = tempfile.mkdtemp(prefix="bpgui-bench-")
ASK_MS = 25  # while Run computes a long iteration, the view is asked to repaint this often
LONG_RUN = 1_600_000  # past the error curve's first two thinnings (2^20 + 1, then 2^20 + 2^19 + 1)


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def digits_csv(n_inputs: int, m: int) -> str:
    """A synthetic ``n_inputs``-input, 10-class CSV (a stand-in for MNIST's shape)."""
    path = os.path.join(SCRATCH, f"digits{n_inputs}x{m}.csv")
    if not os.path.exists(path):
        rng = np.random.default_rng(0)
        x = rng.integers(0, 100, (m, n_inputs)) / 100
        classes = rng.integers(0, 10, m)
        with open(path, "w") as out:
            out.write(",".join(f"p{i}" for i in range(n_inputs)) + ",digit\n")
            for row, cls in zip(x, classes):
                out.write(",".join(f"{v:g}" for v in row) + f",c{cls}\n")
    return path


class Gui:
    def __init__(self) -> None:
        import sys

        self.app = application([sys.argv[0]])
        from bpgui.controller import Settings, TrainingController
        from bpgui.views.main_window import MainWindow

        self.Settings, self.Controller, self.MainWindow = Settings, TrainingController, MainWindow

    def window(self, **settings: Any) -> Any:
        qs = QSettings(os.path.join(SCRATCH, "b.ini"), QSettings.Format.IniFormat)
        window = self.MainWindow(self.Controller(self.Settings(**settings)), qs)
        window.resize(1280, 800)
        window.speed.setValue(window.speed.maximum())  # Run at "max" (the slider's last position)
        window.show()
        self.pump(0.2)
        return window

    def pump(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.app.processEvents()

    def stepped(self, window: Any) -> float:
        """Seconds of one Step → window repainted, as a click on Step is: the controller steps, then one pass of
        the event loop paints what changed (once: a forced ``repaint()`` first would paint the network view
        twice, the scene's changes arriving after it as a posted call). Raises if the network view did not
        paint: then the time would not hold a repaint. A Step heavy enough to compute off the window's thread
        (one that ends an epoch measures the epoch's row) is timed until it is shown."""
        viewport = window.topology.viewport()
        counter = PaintCounter()
        viewport.installEventFilter(counter)
        start = time.perf_counter()
        window.controller.step()
        self.app.processEvents()
        if window.controller._session.run_pending:  # a heavy Step (an epoch's end) computes off the thread
            while window.controller._session.run_pending:
                self.app.processEvents()
            self.app.processEvents()  # the state it brought, drawn
        seconds = time.perf_counter() - start
        viewport.removeEventFilter(counter)
        if counter.count < 1:
            raise RuntimeError("a Step did not repaint the network view: its time holds no repaint")
        return seconds

    def step_repaint(self, window: Any, n: int) -> float:
        """Median seconds of Step → window repainted."""
        return statistics.median(self.stepped(window) for _ in range(n))

    def step_in_turn(self, windows: list[Any], n: int, shift: int) -> list[list[float]]:
        """Seconds of Step → window repainted for each window, their Steps taken in turn one by one, the order
        rotated at each Step (each window takes each place equally often; ``shift`` rotates the first order)."""
        times: list[list[float]] = [[] for _ in windows]
        k = len(windows)
        for i in range(n):
            for j in range(k):
                w = (i + shift + j) % k
                times[w].append(self.stepped(windows[w]))
        return times

    def run_to(self, windows: list[Any], iteration: int) -> None:
        """Run each window to at least ``iteration``, then Step the ones behind to the furthest: the same
        iteration everywhere (Run computes what Steps would, bit for bit)."""
        for window in windows:
            window.controller.set_running(True)
            while window.controller.iteration < iteration:
                self.app.processEvents()
            window.controller.set_running(False)
            self.pump(0.05)
        furthest = max(window.controller.iteration for window in windows)
        for window in windows:
            while window.controller.iteration < furthest:
                window.controller.step()
        self.pump(0.05)

    def repaint_alone(self, window: Any, n: int) -> float:
        times = []
        for _ in range(n):
            start = time.perf_counter()
            window.repaint()
            self.app.processEvents()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def probe(self, window: Any, seconds: float, run: bool, count_map: bool = False,
              ask_ms: int = 0) -> dict[str, float]:
        """Longest event-loop gap (5 ms probe) over ``seconds``, with Run on or not; paints/s; it/s.

        ``ask_ms``: also ask the network view to repaint a 40 × 40 px square that often (as a pointer
        moving over it would), so paints/s says whether the window CAN repaint while an iteration
        longer than a frame computes, not only how many new states there were to show."""
        c = window.controller
        network, dmap = PaintCounter(), PaintCounter()
        window.topology.viewport().installEventFilter(network)
        if count_map:
            window.decision_map._plot_widget.viewport().installEventFilter(dmap)
        gaps: list[float] = []
        clock = QElapsedTimer()
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e9
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        asker = QTimer()
        asker.setInterval(max(1, ask_ms))
        viewport = window.topology.viewport()
        # A pointer moving over the drawing repaints the little it touches: a 40 × 40 px square.
        asker.timeout.connect(lambda: viewport.update(viewport.width() // 2 - 20, viewport.height() // 2 - 20, 40, 40))
        start_t = c.iteration
        clock.start()
        timer.start()
        if ask_ms:
            asker.start()
        if run:
            c.set_running(True)
        self.pump(seconds)
        if run:
            c.set_running(False)
        timer.stop()
        asker.stop()
        elapsed = clock.nsecsElapsed() / 1e9
        tick()
        window.topology.viewport().removeEventFilter(network)
        window.decision_map._plot_widget.viewport().removeEventFilter(dmap)
        return {"gap": max(gaps), "paints": network.count / elapsed, "map_paints": dmap.count / elapsed,
                "its": (c.iteration - start_t) / elapsed}


def measure(*, quick: bool, rounds: int, run_seconds: float) -> list[dict[str, Any]]:
    gui = Gui()
    from bpgui.model.datasets import load_builtin
    from bpgui.model.network import Network
    from bpgui.model.training import Trainer, TrainingConfig

    n_in, hidden, m_std, m_acc = (64, 16, 50, 100) if quick else (784, 128, 500, 2000)
    big_name = f"{n_in}-{hidden}-10"
    std_csv, acc_csv = digits_csv(n_in, m_std), digits_csv(n_in, m_acc)
    xor = gui.window(target_error=None)
    big = gui.window(data=std_csv, hidden=(hidden,), target_error=None)
    acc = gui.window(data=acc_csv, hidden=(hidden,), mode="accumulated", target_error=0.0001)
    # The largest network the issue names (≤ 10⁶ parameters), accumulated: each pass ≈ 0.5 × 10⁹ multiply-adds.
    huge_hidden = 100 if quick else 1250
    huge = gui.window(data=std_csv, hidden=(huge_hidden,), mode="accumulated", target_error=0.0001)
    # Near 10⁶ parameters one sample (or a mini-batch) at a time: a deep 784-512-512-512-10 network (932,362
    # parameters), and the 993,760 one in mini-batches of 64 (each 8th iteration also measures E over the data).
    deep_hidden = (32, 32, 32) if quick else (512, 512, 512)
    deep = gui.window(data=std_csv, hidden=deep_hidden, target_error=None)
    minibatch = gui.window(data=std_csv, hidden=(huge_hidden,), mode="minibatch", batch_size=64, target_error=None)
    # Triplets for the selected Step: the same network, data and seed, Run to the same iteration, hidden unit 1
    # selected in the first only; then only stepped, in turn, so they stay the same network at each Step.
    twins = [gui.window(data=std_csv, hidden=(hidden,), target_error=None) for _ in range(3)]
    gui.run_to(twins, 300 if quick else 3000)
    # Hidden unit 1: selects its threshold γ_1 too, so the window computes the chain rule, the chain's paths
    # (through every output) and the unit's 784-term forward pass.
    twins[0].controller.select_unit(1, 0)
    for window in (huge, deep, minibatch):
        window.controller.wait_for_jobs(120_000)  # a network this big is built in the worker
    gui.pump(0.2)
    huge_name = f"{n_in}-{huge_hidden}-10 ({huge.controller.network.n_parameters:,} parameters)"
    n_steps = 5 if quick else 20
    probed = {"xor": xor, "big": big, "acc": acc, "huge": huge, "deep": deep, "minibatch": minibatch}
    samples: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        samples.setdefault(key, []).append(value)

    # Trainer.advance alone on the same XOR network: the speed Run could reach without a window.
    bare = Trainer(Network.initialise((2, 2, 1), seed=0), load_builtin("xor"), config=TrainingConfig())
    for round_ in range(rounds):
        for key, window in probed.items():
            window.right_tabs.setCurrentWidget(window.plot)  # the window as it opens: the error curve
            result = gui.probe(window, run_seconds, run=True, ask_ms=0 if key == "xor" else ASK_MS)
            add(f"gap_{key}", result["gap"])
            add(f"paints_{key}", result["paints"])
            add(f"its_{key}", result["its"])
            if key == "xor":  # and again with the decision map shown, redrawn with every frame
                window.right_tabs.setCurrentWidget(window.decision_map)
                shown = gui.probe(window, run_seconds, run=True, count_map=True)
                add("map_fps", shown["map_paints"])
                add("net_fps", shown["paints"])
                add("gap_xor_map", shown["gap"])
            add(f"idle_{key}", gui.probe(window, run_seconds / 2, run=False)["gap"])
            window.right_tabs.setCurrentWidget(window.plot)  # Step → repaint below: the default tab
        start = time.perf_counter()
        done = 0
        while time.perf_counter() - start < 0.25:
            done += bare.advance(256, use_stop_conditions=False)[0]
        add("its_bare", done / (time.perf_counter() - start))
        add("step_xor", gui.step_repaint(xor, n_steps))
        add("repaint_xor", gui.repaint_alone(xor, n_steps))
        add("step_big", gui.step_repaint(big, n_steps))
        add("repaint_big", gui.repaint_alone(big, n_steps))
        before = [w.controller.iteration for w in twins]
        selected, plain, control = gui.step_in_turn(twins, n_steps, shift=round_)
        if any(w.controller.iteration != t + n_steps for w, t in zip(twins, before)) or not all(
                np.array_equal(w.controller.network.flat, twins[1].controller.network.flat) for w in twins):
            raise RuntimeError("the twin windows did not take the same Steps: their times are not the same work")
        add("selected", statistics.median(selected))
        add("unselected", statistics.median(plain))
        add("control", statistics.median(control))

    # Run left on: XOR past 2^20 iterations, where the error curve starts thinning its older rows (every 2^19
    # after), probed in 5 s pieces (once, not per round: ~20 s) until past the second thinning.
    lasting = gui.window(target_error=None)
    started = time.perf_counter()
    while lasting.controller.iteration < (1_000 if quick else LONG_RUN) and time.perf_counter() - started < 90:
        result = gui.probe(lasting, run_seconds if quick else 5.0, run=True)
        add("gap_long", result["gap"])
        add("paints_long", result["paints"])
        add("its_long", result["its"])
    long_reached = lasting.controller.iteration
    lasting.close()

    med = {key: statistics.median(values) for key, values in samples.items()}
    med["gap_long"] = max(samples["gap_long"])  # the worst piece: a thinning falls in one of them
    med["idle_long"] = med["idle_xor"]  # the same window as XOR's, idle
    worst = max([*probed, "long"], key=lambda k: med[f"gap_{k}"])
    labels = {"xor": "XOR 2-2-1 standard", "big": f"{big_name} standard ×{m_std}",
              "acc": f"{big_name} accumulated ×{m_acc}", "huge": f"{huge_name} accumulated ×{m_std}",
              "deep": f"{n_in}-{'-'.join(map(str, deep_hidden))}-10 "
                      f"({deep.controller.network.n_parameters:,} parameters) standard ×{m_std}",
              "minibatch": f"{huge_name} mini-batch B = 64 ×{m_std}",
              "long": f"XOR left running to t = {long_reached:,} (the worst 5 s)"}
    gap = figure("run_max_gap_ms", med[f"gap_{worst}"], "the same probe, window idle", med[f"idle_{worst}"],
                 "worst of: " + ", ".join(f"{labels[k]} {med[f'gap_{k}'] * 1e3:.0f} ms "
                                           f"({med[f'paints_{k}']:.0f} repaints/s, {med[f'its_{k}']:.3g} it/s)"
                                           for k in labels)
                 + f"; Run {run_seconds:g} s, probe every 5 ms; except on XOR the network view is also asked "
                   f"to repaint a 40 × 40 px square every {ASK_MS} ms, as a moving pointer would")
    gap["repaints_per_s"] = med[f"paints_{worst}"]
    rows = [
        gap,
        figure("selected_step_ratio", med["selected"], "a twin window, nothing selected",
               med["unselected"], f"{big_name}: controller.step() + the event loop's repaint, with hidden unit 1 "
               "selected (so γ_1 too: chain rule, paths, the unit's forward pass), beside a twin window with "
               "nothing selected, both Run to the same iteration first, their Steps taken in turn; a third twin "
               f"(nothing selected) against the second, the control: {med['control'] / med['unselected']:.3g}×"),
        figure("step_repaint_221_ms", med["step_xor"], "a repaint alone", med["repaint_xor"],
               "XOR 2-2-1: controller.step() → window repainted (one pass of the event loop)"),
        figure("step_repaint_784_ms", med["step_big"], "a repaint alone", med["repaint_big"],
               f"{big_name}: controller.step() → window repainted (one pass of the event loop)"),
        rate_figure("run_xor_iterations_per_s", med["its_xor"], "iterations/s", "Trainer.advance alone, no window",
                    med["its_bare"], f"XOR 2-2-1 Run, network view repainted {med['paints_xor']:.0f}/s"),
        rate_figure("decision_map_frames_per_s", med["map_fps"], "frames/s",
                    "the network view's repaints in the same run", med["net_fps"],
                    "XOR Run with the decision map's tab shown: its plot's paints per second "
                    f"(longest gap {med['gap_xor_map'] * 1e3:.0f} ms)"),
    ]
    rows[4]["repaints_per_s"] = med["paints_xor"]
    for window in (xor, big, acc, huge, *twins):
        window.close()
    return rows
