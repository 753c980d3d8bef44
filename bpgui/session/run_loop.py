"""Run's ticks: the session's side of ``running.py`` (how much a tick computes, and where).

``run_slice`` is called by the controller's Run timer; an iteration too heavy for a tick is
planned here, computed on the background thread and applied by a later tick, only if the
trainer still stands where it was planned (see ``running.py`` and ARCHITECTURE.md).
"""

from __future__ import annotations

import time

from ..model.datasets import Dataset
from ..model.errors import BpguiError, DivergenceError
from ..model.iteration import IterationPlan
from ..model.pages import small_pages
from ..model.time_travel import GotoPlan
from ..model.training import Trainer, compute_next
from . import running
from .core import SessionCore
from .messages import QT_TRANSLATE_NOOP
from .running import COMPUTE_SHARE, FRAME_SECONDS

__all__ = ["EPOCH_DONE", "RunLoop"]

EPOCH_DONE = "epoch_done"  # why Run stopped: it reached the end of the epoch a Step epoch asked for


def epoch_close(trainer: Trainer) -> tuple[int, int] | None:
    """(how many iterations from here end the epoch, the last included; that last one's work) when it also
    measures the epoch's row: E and accuracy over the training and test sets after it, as ``Trainer.plan_next``
    decides (not in replayed ground, nor an accumulated pass without a test set: the next pass measures it).
    None when it does not. Its work (Pace's key, parameters × samples) counts those passes too: on a big
    network it costs several iterations (a 10^6-parameter B = 64 step 12 ms, with the row over 500 samples 50)."""
    left = trainer.iterations_left_in_epoch()
    state, test = trainer.state, trainer.test_set
    if state.iteration + left - 1 < trainer.end or (state.config.mode == "accumulated" and test is None):
        return None
    return left, trainer.work_per_iteration() + state.network.n_parameters * _row_samples(trainer.train_set, test)


def _row_samples(train: Dataset, test: Dataset | None) -> int:
    """The samples an epoch's row is measured over: the training set's and the test set's."""
    return train.n_samples + (test.n_samples if test is not None else 0)


def next_work(trainer: Trainer) -> int:
    """The next iteration's work (Pace's key): with the epoch's row when it ends the epoch (:func:`epoch_close`)."""
    close = epoch_close(trainer)
    return close[1] if close is not None and close[0] == 1 else trainer.work_per_iteration()


def epoch_rest_seconds(trainer: Trainer, pace: running.Pace) -> float:
    """About how long the iterations to the end of the epoch take: the ordinary ones, then the one that ends it
    (it also measures the epoch's row: on a big network the dearest of them)."""
    close, ordinary = epoch_close(trainer), pace.estimate(trainer.work_per_iteration())
    left = trainer.iterations_left_in_epoch()
    return (left - 1) * ordinary + (pace.estimate(close[1]) if close is not None else ordinary)


def plan_work(plan: IterationPlan) -> int:
    """``next_work`` of the iteration ``plan`` computes (the same key, read from the plan)."""
    state, n = plan.state, plan.train.n_samples
    samples = state.config.batch_for(n)
    if plan.measures_epoch_end:
        samples += _row_samples(plan.train, plan.test)
    return state.network.n_parameters * samples


class RunLoop(SessionCore):
    def run_slice(self) -> int:
        """One tick of Run: as many iterations as the speed asks for, or as fit in a share of a
        frame at full speed (sized from what iterations have cost so far; see ``running.py``).
        An iteration too heavy for a tick is computed off this thread and applied by a later
        tick. Stops Run (with the reason) at a stop condition. Returns the count applied."""
        if not self._running:
            return 0
        if self._background.in_flight:
            return self.collect_background()
        trainer = self._trainer
        work = next_work(trainer)
        if self._pace.heavy(work):
            self._start_background()
            return 0
        # A later iteration of this tick that ends the epoch and is heavy (it also measures the epoch's row over
        # the data) is left to a tick of its own, which computes it off this thread.
        close = epoch_close(trainer)
        before_close = close[0] - 1 if close is not None and close[0] > 1 and self._pace.heavy(close[1]) else None
        until = self._until  # a Step epoch: at full speed, to its end, whatever the stop conditions
        if until is None:
            wanted = 1 if self._speed and self._speed <= 60 else round(self._speed * FRAME_SECONDS) or None
        else:
            wanted = None
        now = time.perf_counter()
        deadline = now + (FRAME_SECONDS * COMPUTE_SHARE if wanted else self._pace.compute_budget(now))
        done_total, reason = 0, None
        # No huge-page request for the arrays the tick makes: a compaction of the kernel's held the window.
        with small_pages():
            # The error curve's thinning (every 2^19 iterations past 2^20; 10-25 ms) is a tick's work of its own,
            # never added to a full chunk: a chunk stops short of it and the next tick starts with it.
            thin_in = trainer.errors_thin_in()
            if thin_in == 0:
                trainer.thin_errors_now()
                thin_in = trainer.errors_thin_in()
            try:
                while True:
                    left = ((None if wanted is None else wanted - done_total) if until is None
                            else until - trainer.iteration)
                    limits = [limit - done_total for limit in (thin_in, before_close) if limit is not None]
                    if limits:
                        if min(limits) <= 0:
                            break
                        left = min(limits) if left is None else min(left, *limits)
                    start = time.perf_counter()
                    done, reason = trainer.advance(self._pace.chunk(work, deadline - start, left),
                                                   use_stop_conditions=until is None)
                    self._pace.measured(work, time.perf_counter() - start, done)
                    done_total += done
                    if until is not None and trainer.iteration >= until:
                        reason = EPOCH_DONE
                    if reason is not None or done_total == wanted:
                        break
                    # Another chunk only if one more iteration fits before the deadline: the window waits past the
                    # budget for a tick's first iteration only (a 10^6-parameter B = 64 step of 8-19 ms, a second
                    # one begun with 2 ms left, held it 35-45 ms).
                    work = next_work(trainer)
                    if time.perf_counter() + self._pace.estimate(work) > deadline:
                        break
            except DivergenceError as exc:
                self._on_diverged(exc)
                return done_total
        self._pace.computed(time.perf_counter())
        self._end_slice(reason)
        return done_total

    def _end_slice(self, reason: str | None) -> None:
        if reason is not None:
            self.pause()
            if reason != EPOCH_DONE:
                self._emit("message", self.stop_text(reason))
            else:  # replaces the note that it was going there
                self._say("info", QT_TRANSLATE_NOOP("TrainingController", "At the end of epoch %1 (t = %2)."),
                          self._trainer.state.epoch, self._trainer.iteration)
        self._after_steps()

    def run_to(self, until: int) -> None:
        """Run at full speed up to iteration ``until``, ignoring the stop conditions (a Step epoch that would
        hold the window too long at once): the window draws as Run's frames do, and Pause stops it."""
        self.pause()
        self._until = until
        self.set_running(True)

    def _start_background(self, *, for_step: bool = False) -> None:
        self._background_step = for_step
        self._background.start(self._trainer.plan_next(), compute_next)

    def step_heavy(self) -> bool:
        """Step on an iteration too heavy for the window's thread: computed off it and applied when
        done (``collect_background``), so the window keeps drawing. True if Step was taken this way
        (a Step while one is computing is the same Step; a step back computing is dropped: Step wins)."""
        if self._going_back():
            self._background.drop()
        if self._background.in_flight:
            return True
        if not self._pace.heavy(next_work(self._trainer)):
            return False
        self._start_background(for_step=True)
        return True

    def collect_background(self) -> int:
        """Apply the iteration computed off this thread (for Run or a Step), if it is done and
        still wanted; returns how many iterations were applied (0 or 1). A step back (``move_to``) is
        applied likewise, and counts none."""
        if not self._background.done():
            return 0
        if self._going_back():
            self._land_goto()
            return 0
        for_step = self._background_step
        try:
            plan, step, seconds = self._background.take()
        except Exception as exc:
            self.pause()
            self._refuse(exc)
            return 0
        trainer = self._trainer
        if trainer.state is not plan.state:
            return 0  # the learner moved meanwhile: the result is for a state no longer shown
        self._pace.measured(plan_work(plan), seconds, 1)
        try:
            # Step ignores the stop conditions (as Trainer.step does); Run honours them.
            _, _, reason = trainer.apply_next(plan, step, want_record=True,
                                              use_stop_conditions=not for_step and self._until is None)
        except DivergenceError as exc:
            self._on_diverged(exc)
            return 0
        done = 0 if reason is not None else 1
        if self._until is not None and trainer.iteration >= self._until:
            reason = EPOCH_DONE
        # The next computes while the views draw this one, if it is still heavy: a first iteration slowed by
        # fresh memory (a 5 ms step of 10^6 parameters once took 45 ms) comes back to this thread.
        if reason is None and self._running and (not self._speed or self._speed > 60) and self._pace.heavy(
                next_work(trainer)):
            self._start_background()
        self._end_slice(reason)
        return done

    # ---- a step back or a goto: at once, or off this thread when its replay is heavy ---------------------
    def _going_back(self) -> bool:
        return isinstance(self._background.plan, GotoPlan)

    def going_to(self) -> int:
        """The iteration a step back computing off this thread goes to, else the one shown (where the next
        step back starts: two quick ones go back two)."""
        plan = self._background.plan
        return plan.t if isinstance(plan, GotoPlan) else self._trainer.iteration

    def move_to(self, t: int) -> bool:
        """Go to iteration t, Run paused: at once, or, when replaying to it would hold the window (a big
        network: 60-200 ms), computed off this thread and shown when done (``collect_background``); whatever
        the learner does meanwhile drops it. False if t is refused (Run and the phase shown as they were)."""
        trainer = self._trainer
        try:
            plan = trainer.plan_goto(t)
        except BpguiError as exc:
            self._refuse(exc)
            return False
        self.pause()
        self._phase = None
        seconds = self._pace.estimate(trainer.work_per_iteration()) * (trainer.replay_iterations(plan) + 1)
        if seconds > running.HEAVY_SECONDS:
            self._background.start(plan, trainer.compute_goto)
            return True
        if self._guarded(lambda: trainer.apply_goto(plan, trainer.compute_goto(plan))):
            self._emit("state")
        return True

    def _land_goto(self) -> None:
        try:
            plan, restored, _ = self._background.take()
        except Exception as exc:
            self._refuse(exc)
            return
        if self._trainer.state is plan.current:  # else the learner moved meanwhile: not wanted
            self._trainer.apply_goto(plan, restored)
            self._phase = None
            self._emit("state")

    def wait_for_run(self, seconds: float | None = None) -> bool:
        """Block until an iteration computing off this thread is done (tests, the command line)."""
        return self._background.wait(seconds)

    @property
    def run_pending(self) -> bool:
        """An iteration for Run or a Step is computing off this thread (the controller polls for it)."""
        return self._background.in_flight
