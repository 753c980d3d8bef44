"""When the main window shows what: a state's network, its numbers and the error curve, while Run goes on.

A mixin of the main window (it reads the window's views and controller; only the window wires signals).
While running, the network and its maps follow every frame; the error curve (whose cost grows with the
history) and the views of numbers (table, caption, chain rule, status) are shown at most every
``PLOT_INTERVAL_MS``, together. A network that costs to show (784-128-10: ~8 ms a state) never shares an
event with the numbers, nor a wait for the event loop: a frame due to show the numbers shows only them, and
the next frame's state shows the network (or, when none comes within ``NETWORK_FOLLOWS_MS``, as while an
iteration computes off the GUI thread, this state's network then). Drawing the network in an event of its
own right after the numbers' paint made one wait of the two and the next tick (a zero timer is due before
a pointer's or the cursor's timer that falls due while it waits), up to 35 ms on 784-128-10.
Pausing shows everything at once, for the iteration the network shows: once. A pause clicked while a tick's
drawing is still to come shows that tick's state and curve paused already (the controller releases them
first); what they showed is not drawn again (the curve at t = 2.9 M: twice 4–5 ms, the numbers 5 ms).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from ..controller import TrainingController
    from .error_plot import ErrorPlotView
    from .topology import TopologyView

PLOT_INTERVAL_MS = 100
COSTLY_STATE = 0.003  # s: showing a state costs more (784-128-10: 4–8 ms; 2-2-1: ~1 ms)
NETWORK_FOLLOWS_MS = PLOT_INTERVAL_MS  # the numbers' network, if no newer state has come by then


class RunCadence:
    """See the module. The window calls :meth:`init_cadence` once its views exist."""

    controller: TrainingController
    topology: TopologyView
    plot: ErrorPlotView

    def _show_numbers(self) -> None:
        raise NotImplementedError

    def _update_map(self) -> None:
        raise NotImplementedError

    def init_cadence(self) -> None:
        self._plot_timer = self._timer(PLOT_INTERVAL_MS, self._on_numbers_due)
        self._network_timer = self._timer(NETWORK_FOLLOWS_MS, self._on_network_due)
        self._numbers_stale = self._numbers_due = self._network_stale = False
        self._network_cost = 0.0
        # What shows the paused state already ("curve", "numbers", "map"), since the last state or history
        # it shows and since Run last started: a pause draws only the rest.
        self._shown_paused: set[str] = set()

    def run_started(self) -> None:
        """Run began: until it pauses, views may show running frames (a read-only table, a coarser map)."""
        self._shown_paused.clear()

    def _mark_paused(self, view: str) -> None:
        if not self.controller.running:
            self._shown_paused.add(view)

    def stop_cadence(self) -> None:
        """Nothing more to show (a window replaced for another language): a due timer would reach views
        already deleted."""
        self._plot_timer.stop()
        self._network_timer.stop()

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(cast(QObject, self))  # the window: it goes with it
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _on_controller_history_changed(self) -> None:
        self._shown_paused.discard("curve")
        if self.controller.running:
            if not self._plot_timer.isActive():
                self._plot_timer.start()
        else:
            self._update_plot()

    def _update_plot(self) -> None:
        self._plot_timer.stop()
        self.plot.show_history(self.controller.history())
        self._mark_paused("curve")

    def _catch_up(self, force: bool = False) -> None:
        """The curve and the numbers' views if behind; ``force``: whatever they show (pausing: editable again)."""
        self._update_plot()
        if self._numbers_stale or force:
            with self.topology.batched():
                self._show_numbers()

    def _on_numbers_due(self) -> None:  # while running, the next Run frame shows them (_show_state)
        self._numbers_due = self.controller.running
        if not self._numbers_due:
            self._catch_up()

    def _on_controller_state_changed(self) -> None:
        self._shown_paused.difference_update(("numbers", "map"))
        start = time.perf_counter()
        with self.topology.batched():  # the state and its path: the network's labels placed once
            self._show_state()
        if not self._network_stale:  # what showing a state cost (2-2-1: ~2 ms; 784-128-10: ~8 ms)
            self._network_cost = time.perf_counter() - start

    def _show_state(self) -> None:
        c = self.controller
        due, self._numbers_due = self._numbers_due, False
        if c.running and due and self._network_cost > COSTLY_STATE:  # the numbers now, the network once painted
            self._network_stale = True
            self._catch_up(force=True)
            self._network_timer.start()
            return
        self._show_network()
        if not c.running:
            self._show_numbers()
            self._mark_paused("numbers")
        elif due:  # a network cheap to show: the numbers in this frame too
            self._catch_up(force=True)
        else:  # the numbers' views with the curve (see _plot_timer)
            self._numbers_stale = True
            if not self._plot_timer.isActive():
                self._plot_timer.start()

    def _show_network(self) -> None:
        c = self.controller
        self._network_stale = False
        self._network_timer.stop()
        self.topology.show_state(c.network, c.display_record(), c.phase_view)
        self._update_map()  # Run's frames too: one surface per network (plane_map), drawn in place
        self._mark_paused("map")

    def _on_network_due(self) -> None:  # no newer state came after the numbers: now their network
        if self._network_stale:
            start = time.perf_counter()
            with self.topology.batched():
                self._show_network()
            self._network_cost = time.perf_counter() - start

    def show_everything(self) -> None:
        """Paused: every view shows the iteration the network shows (and the table is editable again)."""
        if self._network_stale:  # the last frame showed the numbers only: now everything
            self._on_controller_state_changed()
        if "curve" not in self._shown_paused:  # (a running frame's curve leaves an accumulated pass's row)
            self._update_plot()
        if "numbers" not in self._shown_paused:  # the table editable again
            with self.topology.batched():
                self._show_numbers()
            self._mark_paused("numbers")
        if "map" not in self._shown_paused:  # a wide network's map, drawn on a coarser grid while running
            self._update_map()
            self._mark_paused("map")
