"""How many rows a test fraction holds out, and which smaller fraction gives the very same split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.datasets import held_out_count, load_builtin, smallest_same_fraction, train_test_split
from bpgui.model.errors import DataError

FRACTIONS = [round(0.05 * k, 2) for k in range(1, 19)]  # the spin box: 0.05 … 0.90


def test_watermelon_17_samples():
    data = load_builtin("watermelon3.0")
    assert [held_out_count(data, f) for f in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)] == [0, 1, 2, 3, 3, 5]
    assert smallest_same_fraction(data, 0.2) == 0.15
    assert smallest_same_fraction(data, 0.15) == 0.15
    assert smallest_same_fraction(data, 0.1) == 0.1
    assert smallest_same_fraction(data, 0.0) == 0.0


def test_small_sets_hold_out_one_row_for_many_fractions():
    data = load_builtin("sine", n_samples=9)
    assert held_out_count(data, 0.1) == 1
    assert smallest_same_fraction(data, 0.1) == 0.05
    assert smallest_same_fraction(data, 0.15) == 0.05
    assert smallest_same_fraction(data, 0.2) == 0.2  # 2 rows: no smaller step holds out 2


def test_the_count_never_takes_a_whole_class_out_of_training():
    data = load_builtin("xor")  # two rows of each class: at most one of each can go
    assert held_out_count(data, 0.9) == 2
    assert smallest_same_fraction(data, 0.9) == 0.40  # 0.40 · 4 = 1.6 → 2


def test_a_custom_step():
    data = load_builtin("sine", n_samples=20)
    assert held_out_count(data, 0.5) == 10
    assert smallest_same_fraction(data, 0.5, step=0.1) == 0.5
    assert smallest_same_fraction(data, 0.52, step=0.01) == 0.48  # 0.48 · 20 = 9.6 → 10


@pytest.mark.parametrize("bad", [-0.1, 1.0, float("nan"), True, "0.1"])
def test_a_bad_fraction_is_refused_as_the_split_refuses_it(bad):
    data = load_builtin("xor")
    with pytest.raises(DataError, match="test_fraction must be a number in"):
        held_out_count(data, bad)
    with pytest.raises(DataError, match="test_fraction must be a number in"):
        smallest_same_fraction(data, bad)


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.05, float("inf"), False])
def test_a_bad_step_is_refused(bad):
    with pytest.raises(DataError, match="the fraction step must be a number in"):
        smallest_same_fraction(load_builtin("xor"), 0.5, step=bad)


def test_one_row_cannot_be_split():
    one = load_builtin("sine", n_samples=2).subset([0])
    with pytest.raises(DataError, match="a train/test split needs at least 2"):
        held_out_count(one, 0.5)
    assert held_out_count(one, 0.0) == 0


def test_a_set_that_cannot_spare_a_row_holds_out_none():
    data = load_builtin("circle", n_samples=2)  # one row of each class: both must stay in training
    assert held_out_count(data, 0.5) == held_out_count(data, 0.05) == 0
    assert train_test_split(data, 0.5, 0)[1].n_samples == 0
    assert smallest_same_fraction(data, 0.5) == 0.05


def same_split(data, a, b, seed):
    (train_a, test_a), (train_b, test_b) = train_test_split(data, a, seed), train_test_split(data, b, seed)
    return (
        train_a.inputs.tobytes() == train_b.inputs.tobytes()
        and train_a.targets.tobytes() == train_b.targets.tobytes()
        and test_a.inputs.tobytes() == test_b.inputs.tobytes()
    )


@settings(max_examples=30, deadline=None, derandomize=True, database=None)
@given(
    name=st.sampled_from(["circle", "sine", "moons", "watermelon3.0", "xor", "and"]),
    n_samples=st.integers(min_value=2, max_value=60),
    fraction=st.sampled_from(FRACTIONS),
    seed=st.integers(min_value=0, max_value=1000),
)
def test_the_count_is_the_split_and_the_same_fraction_is_the_same_split(name, n_samples, fraction, seed):
    data = load_builtin(name, n_samples=n_samples, seed=seed)
    train, test = train_test_split(data, fraction, seed)
    assert held_out_count(data, fraction) == test.n_samples == data.n_samples - train.n_samples
    same = smallest_same_fraction(data, fraction)
    assert same <= fraction and same in FRACTIONS
    assert held_out_count(data, same) == test.n_samples
    assert same_split(data, fraction, same, seed)
    smaller = [f for f in FRACTIONS if f < same]
    assert all(held_out_count(data, f) != test.n_samples for f in smaller)
