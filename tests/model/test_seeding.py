"""Every random draw has its own stream of the seed (bpgui.model.seeding).

Generating a built-in set, splitting it and initialising a network with the
same seed must never share a stream: otherwise the rows held out for testing
would follow the very draws that placed the points.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpgui.model import builtin_data
from bpgui.model.dataset import Dataset
from bpgui.model.datasets import BUILTIN_NAMES, load_builtin, load_dataset, train_test_split
from bpgui.model.seeding import DATA, DATA_SETS, INIT, ORDER, SPLIT, rng_for

STREAMS = [(INIT,), (ORDER,), (ORDER, 1), (SPLIT,)] + [(DATA, n) for n in DATA_SETS.values()]


def numbered(m: int) -> Dataset:
    """A regression set whose only input is the row number, so a split shows which rows it took."""
    return Dataset("rows", np.arange(m, dtype=float).reshape(-1, 1), np.zeros((m, 1)), ("k",), ("y",), "regression")


def test_same_seed_and_purpose_give_the_same_stream():
    for key in STREAMS:
        assert rng_for(5, *key).random(4).tobytes() == rng_for(5, *key).random(4).tobytes()


@pytest.mark.parametrize("seed", [0, 1, 12345])
def test_purposes_give_different_streams_for_the_same_seed(seed):
    draws = {key: rng_for(seed, *key).random(8).tobytes() for key in STREAMS}
    for a, b in itertools.combinations(STREAMS, 2):
        assert draws[a] != draws[b], (a, b)
    # and none of them is the bare default_rng(seed) the data code once used
    bare = np.random.default_rng(seed).random(8).tobytes()
    assert bare not in draws.values()


def test_purpose_numbers_are_distinct():
    assert len({INIT, ORDER, SPLIT, DATA}) == 4
    assert len(set(DATA_SETS.values())) == len(DATA_SETS)


def test_every_generated_set_has_its_own_data_stream():
    assert set(DATA_SETS) == set(builtin_data._GENERATORS)
    assert set(DATA_SETS) <= set(BUILTIN_NAMES)


@pytest.mark.parametrize("seed", [True, -1, 1.0, "3"])
def test_rng_for_rejects_a_bad_seed(seed):
    with pytest.raises(ValueError, match="seed"):
        rng_for(seed, SPLIT)


@pytest.mark.parametrize("seed", [0, 3])
def test_a_generated_set_draws_from_its_data_stream(seed):
    # sine draws x ~ U[-π, π] first: the first draws of its own stream, not of another one
    data = load_builtin("sine", seed=seed, n_samples=30, noise=0.0)
    own = rng_for(seed, DATA, DATA_SETS["sine"]).uniform(-np.pi, np.pi, 30)
    np.testing.assert_array_equal(data.inputs[:, 0], own)
    for key in STREAMS:
        if key != (DATA, DATA_SETS["sine"]):
            assert rng_for(seed, *key).uniform(-np.pi, np.pi, 30).tobytes() != data.inputs[:, 0].tobytes()


@pytest.mark.parametrize("seed", [0, 4])
def test_the_split_draws_from_the_split_stream(seed):
    _, test = train_test_split(numbered(20), 0.25, seed)
    taken = test.inputs[:, 0].astype(int)
    np.testing.assert_array_equal(taken, np.sort(rng_for(seed, SPLIT).permutation(20)[:5]))
    for key in STREAMS:
        if key != (SPLIT,):
            assert not np.array_equal(taken, np.sort(rng_for(seed, *key).permutation(20)[:5])), key


@pytest.mark.parametrize("name", sorted(DATA_SETS))
def test_changing_the_split_does_not_change_the_data(name):
    reference = load_dataset(name, seed=2, n_samples=40)
    for fraction in (0.0, 0.1, 0.25, 0.5):
        data = load_dataset(name, seed=2, n_samples=40)
        assert data.inputs.tobytes() == reference.inputs.tobytes()
        assert data.targets.tobytes() == reference.targets.tobytes()
        train, test = train_test_split(data, fraction, seed=2)
        rows = np.vstack([train.inputs, test.inputs])
        assert sorted(map(tuple, rows)) == sorted(map(tuple, reference.inputs))

