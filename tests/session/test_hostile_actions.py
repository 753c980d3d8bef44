"""A learner (or a confused script) does anything, in any order: the session never breaks.

Hypothesis drives one :class:`TrainingSession` with random actions — steps, phases, step back,
goto, reset, hand edits with hostile values, selections out of range, every setting with
valid and invalid values, examples, Run slices, gradient checks, comparisons and the views'
reads — and checks after each what a learner relies on: only the project's own errors are
refused (as an "error" message, never an exception), a refusal changes nothing, the settings
are always ones the panel can show, 0 ≤ t ≤ end, and what the views read has the network's
shape. Bounded (tiny networks, few examples) so the suite adds only seconds.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from bpgui.model.activations import ACTIVATIONS, LOSSES
from bpgui.model.dataset import LABEL_TYPES
from bpgui.model.errors import BpguiError
from bpgui.model.training import MODES
from bpgui.session import jobs
from bpgui.session.messages import Message
from bpgui.session.settings import EXAMPLES, Settings
from bpgui.session.settings import readable_setting as _readable
from bpgui.session.training import TrainingSession

SMALL_DATA = ("xor", "and", "or", "not", "watermelon3.0alpha")
# Only examples small enough to keep each step cheap.
SMALL_EXAMPLES = tuple(name for name in EXAMPLES if name in ("xor", "watermelon3.0alpha"))

HOSTILE_NUMBERS = st.sampled_from([0, -1, 0.0, -0.5, math.nan, math.inf, -math.inf, 1e308, 1e-320, 10**30, 10**400,
                                   "0.5", "abc", None, True, [1]])
FINITE = st.floats(min_value=-5, max_value=5, allow_nan=False)

# For every setting: values the panel could send and values it never should.
SETTING_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "data": st.sampled_from([*SMALL_DATA, "no-such-set", "", "/nonexistent/file.csv", "a\0b", 3, None]),
    "test_fraction": st.sampled_from([0.0, 0.25, 0.5, 0.9, 0.95, 1.0, -0.1, math.nan, math.inf, "0.3", None]),
    "hidden": st.sampled_from([(), (2,), (3, 2), (1, 1, 1), (0,), (-1,), (10**9,), (10**5, 10**5), (2.5,),
                               ("2",), (True,), 2, "2", None, [2]]),
    "activation": st.sampled_from([*ACTIVATIONS, "nope", "", None, 1]),
    "loss": st.sampled_from([*LOSSES, "nope", None]),
    "mode": st.sampled_from([*MODES, "nope", None, 0]),
    "batch_size": st.sampled_from([1, 2, 8, 1000, 0, -3, 2.5, math.nan, "4", None, True, np.int64(3)]),
    "learning_rate": st.one_of(st.sampled_from([0.1, 0.5, 2.0, 1e6, 1e300]), HOSTILE_NUMBERS),
    "shuffle": st.sampled_from([True, False, 0, 1, "yes", None]),
    "seed": st.sampled_from([0, 1, 7, 2**31 - 1, -1, 2**40, 1.5, math.nan, "1", None, True]),
    "init": st.sampled_from(["uniform", "xavier", "nope", None]),
    "target_error": st.sampled_from([None, 0.0, 0.01, 0.3, 10.0, -1.0, math.nan, math.inf, "0.1", True]),
    "max_epochs": st.sampled_from([None, 1, 3, 50, 0, -2, 2.5, math.inf, "5", True]),
    "label_type": st.sampled_from([*LABEL_TYPES, "nope", None]),
}

# Past this many iterations computed, steps are skipped: more is not worth the time. (A test of
# whether to skip, not a precondition: Run at full speed fills a time budget, so how far it gets
# varies, and hypothesis needs its draws not to depend on that.)
MAX_END = 400


def readable(s: Settings) -> bool:
    """Whether every setting is one the panel can show (what settings_from_json would keep)."""
    for field in dataclasses.fields(Settings):
        value = getattr(s, field.name)
        if field.name == "hidden":
            value = list(value) if isinstance(value, tuple) else value
        if not _readable(field.name, value):
            return False
    return True


class Recorder:
    """What the session announced, in order; its jobs run at once, here (as tests/session/conftest.py's)."""

    def __init__(self, session: TrainingSession) -> None:
        self.events: list[tuple[str, Any]] = []
        session.subscribe(self)

    def __call__(self, event: str, value: Any) -> None:
        self.events.append((event, value))
        if event == "job":
            jobs.run(value)


class HostileLearner(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.session = TrainingSession()
        self.recorder = Recorder(self.session)
        self.mark = 0

    # ---- helpers --------------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        s = self.session
        return (s.settings, s.network.flat.tobytes(), s.network.layer_sizes, s.iteration, s.end,
                s.selected_parameter, s.phase_view, s.running, s.can_undo_edit, len(s.history().changes))

    def act(self, action, *, refusal_changes_nothing: bool = True) -> Any:
        """Do ``action``; any exception fails. Returns its result and checks a refusal changed nothing."""
        before = self.snapshot()
        self.mark = len(self.recorder.events)
        result = action()
        errors = self.new_messages("error")
        for message in errors:
            assert message.english()  # renders (every placeholder filled)
            if message.template == "%1":
                assert isinstance(message.args[0], BpguiError), message.args
        if errors and refusal_changes_nothing and not any("diverged" in m.template for m in errors):
            assert self.snapshot() == before, [m.english() for m in errors]
        return result

    def new_messages(self, level: str) -> list[Message]:
        return [value for event, value in self.recorder.events[self.mark:]
                if event == "message" and value.level == level]

    # ---- stepping -------------------------------------------------------------------------
    @rule()
    def step(self) -> None:
        if self.session.end < MAX_END:
            self.act(self.session.step)

    @rule()
    def step_epoch(self) -> None:
        if self.session.end < MAX_END:
            self.act(self.session.step_epoch)

    @rule()
    def step_back(self) -> None:
        self.act(self.session.step_back)

    @rule(where=st.one_of(st.integers(-3, 12), st.sampled_from([10**12, -(10**12)])))
    def goto(self, where: int) -> None:
        self.act(lambda: self.session.goto(where))
        assert self.session.iteration <= max(0, where) or self.session.iteration <= self.session.end

    @rule()
    def reset(self) -> None:
        self.act(self.session.reset)
        assert self.session.iteration == 0

    @rule()
    def step_phase(self) -> None:
        if self.session.end < MAX_END:
            self.act(self.session.step_phase)

    @rule()
    def step_phase_back(self) -> None:
        self.act(self.session.step_phase_back)

    @rule(on=st.booleans())
    def set_per_output(self, on: bool) -> None:
        self.act(lambda: self.session.set_per_output(on))

    @rule(slices=st.integers(1, 3), speed=st.sampled_from([0, 1, 100, 10_000]), keep_running=st.booleans())
    def run(self, slices: int, speed: int, keep_running: bool) -> None:
        """A few ticks of Run; left running sometimes, so that the next action lands mid-run."""
        s = self.session
        if s.end >= MAX_END:
            return
        s.set_speed(speed)
        self.act(lambda: s.set_running(True))
        for _ in range(slices):
            if not s.running:
                break
            self.act(s.run_slice)
        if not keep_running:
            self.act(s.pause)

    # ---- edits and selection ----------------------------------------------------------------
    @rule(index=st.one_of(st.integers(-2, 12), st.just(10**9)),
          value=st.one_of(FINITE, HOSTILE_NUMBERS))
    def edit_parameter(self, index: int, value: Any) -> None:
        self.act(lambda: self.session.edit_parameter(index, value))

    @rule()
    def undo_edit(self) -> None:
        self.act(self.session.undo_edit)

    @rule(index=st.one_of(st.integers(-3, 12), st.just(10**9)))
    def select_parameter(self, index: int) -> None:
        self.act(lambda: self.session.select_parameter(index))
        assert -1 <= self.session.selected_parameter < self.session.network.n_parameters

    # ---- settings and examples ----------------------------------------------------------------
    @rule(data=st.data(), names=st.lists(st.sampled_from(sorted(SETTING_VALUES)), min_size=1, max_size=3,
                                         unique=True))
    def update_settings(self, data: st.DataObject, names: list[str]) -> None:
        changes = {name: data.draw(SETTING_VALUES[name], label=name) for name in names}
        self.act(lambda: self.session.update_settings(**changes))

    @rule(name=st.sampled_from(SMALL_EXAMPLES))
    def load_example(self, name: str) -> None:
        self.act(lambda: self.session.load_example(name))
        assert self.session.settings == EXAMPLES[name] and self.session.iteration == 0

    # ---- what the views ask for ---------------------------------------------------------------
    @rule(indices=st.one_of(st.none(), st.lists(st.integers(0, 8), max_size=3)))
    def gradient_check(self, indices: list[int] | None) -> None:
        n = self.session.network.n_parameters
        if indices is not None:
            indices = [i for i in indices if i < n]
        self.act(lambda: self.session.request_gradient_check(indices))

    @rule(epochs=st.integers(1, 3))
    def comparison(self, epochs: int) -> None:
        self.act(lambda: self.session.compare_modes_as_runs(epochs), refusal_changes_nothing=False)

    @rule(index=st.one_of(st.none(), st.integers(-2, 12)))
    def derivation(self, index: int | None) -> None:
        result = self.act(lambda: self.session.derivation(index))
        chosen = self.session.selected_parameter if index is None else index
        assert (result is None) == (not 0 <= chosen < self.session.network.n_parameters)

    @rule(language=st.sampled_from(["en", "zh_CN", "xx"]))
    def data_language(self, language: str) -> None:
        self.act(lambda: self.session.set_data_language(language))
        assert self.session.dataset.n_samples >= 1

    @rule()
    def decision_surface(self) -> None:
        surface = self.act(self.session.decision_surface)
        assert surface is None or self.session.dataset.n_inputs == 2

    # ---- runs side by side (issue 14) ----------------------------------------------------------------
    @rule(data=st.data(), names=st.lists(st.sampled_from(sorted(SETTING_VALUES)), max_size=2, unique=True),
          at_start=st.booleans())
    def fork_here(self, data: st.DataObject, names: list[str], at_start: bool) -> None:
        changes = {name: data.draw(SETTING_VALUES[name], label=name) for name in names}
        new = dataclasses.replace(self.session.settings, **changes)
        before = self.session.run_count
        if self.act(lambda: self.session.fork_here(new, at_start=at_start)):
            assert self.session.run_count == before + 1 and self.session.shown_run == before

    @rule(index=st.integers(-1, 4))
    def show_run(self, index: int) -> None:
        if self.act(lambda: self.session.show_run(index)):
            assert self.session.shown_run == (index if self.session.run_count > 1 else 0)

    @rule(index=st.integers(-1, 4))
    def close_run(self, index: int) -> None:
        self.act(lambda: self.session.close_run(index))

    @rule(a=st.integers(-1, 3), b=st.integers(-1, 3), t=st.one_of(st.none(), st.integers(-1, 20)))
    def run_difference(self, a: int, b: int, t: int | None) -> None:
        try:
            diff = self.session.request_difference(a, b, t)
        except BpguiError:
            return  # a refusal the panel reports (no such run or iteration)
        if diff is not None:
            assert diff.values_a.shape == diff.values_b.shape == (self.session.network.n_parameters,)

    @rule(epochs=st.integers(1, 3))
    def train_runs(self, epochs: int) -> None:
        if self.session.end < MAX_END:
            self.act(lambda: self.session.train_runs(epochs))

    # ---- what a learner relies on after every action ------------------------------------------------
    @invariant()
    def runs_are_consistent(self) -> None:
        s = self.session
        curves = s.run_curves()
        assert 1 <= len(curves) == s.run_count <= 4
        assert [c.shown for c in curves].count(True) == 1 and curves[s.shown_run].shown
        assert len({c.name for c in curves}) == len({c.colour for c in curves}) == len(curves)
        shown = curves[s.shown_run]
        assert (shown.t, shown.end) == (s.iteration, s.end) and shown.settings == s.settings
        for c in curves:
            assert c.settings.hidden == s.settings.hidden and 0 <= c.t <= c.end


    @invariant()
    def settings_are_ones_the_panel_can_show(self) -> None:
        s = self.session.settings
        assert isinstance(s, Settings)
        assert readable(s), s
        assert isinstance(s.hidden, tuple) and all(type(n) is int for n in s.hidden)
        assert type(s.test_fraction) is float and type(s.learning_rate) is float
        assert type(s.seed) is int and type(s.batch_size) is int and type(s.shuffle) is bool
        assert s.target_error is None or type(s.target_error) is float
        assert s.max_epochs is None or type(s.max_epochs) is int
        # What the trainer runs with at the newest iteration is what the settings say (before a
        # change in the recorded future, it runs with what was in force there, by design).
        if self.session.iteration < self.session.end:
            return
        config = self.session._trainer.config
        assert (config.mode, config.learning_rate, config.batch_size, config.shuffle) == (
            s.mode, s.learning_rate, s.batch_size, s.shuffle)

    @invariant()
    def time_is_in_range(self) -> None:
        s = self.session
        assert 0 <= s.iteration <= s.end

    @invariant()
    def the_record_shown_fits_the_network(self) -> None:
        s = self.session
        record = s.display_record()
        n = s.network.n_parameters
        assert record.flat_values.shape == (n,) and record.flat_new_values.shape == (n,)
        assert len(record.specs) == n
        phase = s.phase_view
        assert phase is None or (len(phase.gradient_known) == n and phase in s.phase_plan)
        assert s.showing_preview == (phase is None and (s.record is None or not s.shows_current_parameters(s.record)))
        assert s.network.layer_sizes[0] == s.train_set.n_inputs
        assert s.network.layer_sizes[-1] == s.train_set.n_outputs
        assert np.all(np.isfinite(s.network.flat))

    @invariant()
    def status_figures_are_finite(self) -> None:
        s = self.session
        status = s.status()
        assert status["iteration"] == s.iteration and status["end"] == s.end
        assert math.isfinite(status["error"])
        for key in ("error_k", "accuracy", "test_error"):
            assert status[key] is None or math.isfinite(status[key]), (key, status[key])
        assert status["epoch"] >= 0

    @invariant()
    def history_lengths_agree(self) -> None:
        s = self.session
        h = s.history()
        assert h.iteration == s.iteration and h.end == s.end
        assert len(h.iteration_errors) == h.end
        assert len(h.epoch_iterations) == len(h.epoch_errors) >= 1
        assert h.test_errors is None or len(h.test_errors) == len(h.epoch_errors)
        assert np.all(np.diff(h.epoch_iterations) >= 0)
        assert h.iterations_per_epoch >= 1
        assert all(0 <= at <= h.end for at, _ in h.changes)


HostileLearner.TestCase.settings = settings(
    max_examples=60, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_hostile_learner = HostileLearner.TestCase
