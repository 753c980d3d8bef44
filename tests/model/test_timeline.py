"""The timeline is exact: an edit or a setting change made at t stays in the recorded future,
whatever way t is reached again (step, goto, step back and forward)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer, TrainingConfig


def fresh() -> Trainer:
    return Trainer(Network.initialise((2, 2, 1), seed=3), load_builtin("xor"), seed=3,
                   config=TrainingConfig(mode="standard", learning_rate=0.5))


def test_an_edit_survives_stepping_back_across_it_and_forward_again():
    tr = fresh()
    tr.advance(100, use_stop_conditions=False)
    tr.set_parameter(1, "weight", 1, 1, 0.75)  # v_11 by hand at t = 100
    tr.advance(5, use_stop_conditions=False)
    straight = tr.network.flat.copy()
    tr.goto(98)
    for _ in range(7):
        tr.step()
    assert tr.iteration == 105
    np.testing.assert_array_equal(tr.network.flat, straight)
    tr.goto(100)
    assert tr.network.flat[0] == 0.75


def test_a_setting_change_survives_stepping_back_across_it():
    tr = fresh()
    tr.advance(10, use_stop_conditions=False)
    tr.set_config(learning_rate=0.125)
    tr.advance(6, use_stop_conditions=False)
    straight = tr.network.flat.copy()
    tr.goto(7)
    tr.advance(9, use_stop_conditions=False)
    np.testing.assert_array_equal(tr.network.flat, straight)
    assert tr.last_record.learning_rate == 0.125


operations = st.lists(st.one_of(
    st.tuples(st.just("step"), st.integers(1, 6)),
    st.tuples(st.just("back"), st.integers(1, 6)),
    st.tuples(st.just("goto"), st.floats(0, 1)),
    st.tuples(st.just("edit"), st.integers(0, 8), st.floats(-2, 2, allow_nan=False)),
    st.tuples(st.just("eta"), st.sampled_from([0.25, 0.5, 1.0])),
    st.tuples(st.just("mode"), st.sampled_from(["standard", "accumulated", "minibatch"])),
    st.tuples(st.just("batch"), st.sampled_from([2, 3])),
    st.tuples(st.just("shuffle"), st.booleans()),
    st.tuples(st.just("reset")),
), max_size=16)

CONFIG_KEYS = {"eta": "learning_rate", "mode": "mode", "batch": "batch_size", "shuffle": "shuffle"}


def _apply(trainer: Trainer, op: tuple) -> None:
    if op[0] == "edit":
        trainer.set_parameter(*_spec(op[1]), op[2])  # by canonical index
    else:
        trainer.set_config(**{CONFIG_KEYS[op[0]]: op[1]})


@settings(max_examples=60, deadline=None)
@given(operations)
def test_any_path_through_the_timeline_gives_the_parameters_of_a_straight_replay(ops):
    tr = fresh()
    events: dict[int, list[tuple]] = {}  # the recorded timeline: t → changes made there, in order
    for op in ops:
        if op[0] == "step":
            tr.advance(op[1], use_stop_conditions=False)
        elif op[0] == "back":
            tr.goto(max(0, tr.iteration - op[1]))
        elif op[0] == "goto":
            tr.goto(int(op[1] * tr.end))
        elif op[0] == "reset":
            tr.reset()  # iteration 0 as it was (with the changes made there), the rest forgotten
            events = {0: events[0]} if 0 in events else {}
        else:
            if op[0] != "edit" and getattr(tr.config, CONFIG_KEYS[op[0]]) == op[1]:
                continue  # the setting in force at t: nothing changes, the recorded future stays
            t = tr.iteration
            events = {k: v for k, v in events.items() if k < t} | {t: [*events.get(t, []), op]}
            _apply(tr, op)
    # A straight replay: a new trainer steps from 0, applying each change where it was made.
    end = tr.end
    reference = fresh()
    flats = [reference.network.flat.copy()]
    for t in range(end + 1):
        for op in events.get(t, []):
            _apply(reference, op)
        flats[t] = reference.network.flat.copy()
        if t < end:
            reference.step()
            flats.append(reference.network.flat.copy())
    for t in sorted({0, end, tr.iteration, end // 2}):
        tr.goto(t)
        assert tr.network.flat.tobytes() == flats[t].tobytes(), t


def _spec(index: int) -> tuple[int, str, int | None, int]:
    from bpgui.model.naming import parameter_specs

    spec = parameter_specs((2, 2, 1))[index]
    return spec.layer, spec.kind, spec.source, spec.target
