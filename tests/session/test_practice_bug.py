"""Find the bug in the session: a planted run from the start, the real run kept exactly, naming the bug."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bpgui.model.backprop import compute_step
from bpgui.model.errors import DataError
from bpgui.model.gradcheck import check_record
from bpgui.model.practice.planted import ETA_TWICE, RULES, THRESHOLD_SIGN, UPDATE_SIGN, affects_gradient, planted_step
from bpgui.session.practice import PracticeBook


@pytest.mark.parametrize("rule", RULES)
def test_a_planted_run_starts_at_zero_runs_the_rule_and_the_gradient_check_sees_it(session, recorder, rule):
    session.update_settings(learning_rate=0.5)
    start = session.initial_network
    for _ in range(3):
        session.step()
    recorder.events.clear()
    session.plant_bug(rule)
    assert session.bug_planted and session.iteration == 0 and session.planted_rule is None
    assert ("planted", True) in recorder.events and ("history", None) in [(e, None) for e, _ in recorder.events]
    session.step()
    rec = session.display_record()
    expected = planted_step(rule, start, rec.inputs, rec.targets, 0.5)
    assert np.array_equal(rec.flat_updates, expected.updates)
    _, _, errors = check_record(rec, start)
    if affects_gradient(rule):
        assert errors.max() > 1e-3  # the gradient check column shows it
    else:
        assert errors.max() < 1e-6 and not np.allclose(rec.flat_updates, -0.5 * rec.flat_gradients)


def test_removing_the_bug_brings_the_real_run_back_exactly(session, recorder):
    for _ in range(4):
        session.step()
    session.step_back()  # a recorded future too
    t, flat, errors = session.iteration, session.network.flat.copy(), session.history().iteration_errors.copy()
    settings = session.settings
    session.plant_bug(UPDATE_SIGN)
    for _ in range(5):
        session.step()
    session.update_settings(learning_rate=0.9)  # applies to the planted run only
    recorder.events.clear()
    session.remove_bug()
    assert not session.bug_planted and session.iteration == t
    assert np.array_equal(session.network.flat, flat) and np.array_equal(session.history().iteration_errors, errors)
    assert session.settings == settings and ("settings", None) in recorder.events
    assert ("planted", False) in recorder.events
    session.step()  # and its recorded future is still there: stepping forward replays it
    assert session.iteration == t + 1


def test_naming_the_bug_is_kept_and_a_right_name_shows_the_difference(session):
    session.plant_bug(THRESHOLD_SIGN)
    session.step()
    assert session.name_bug(UPDATE_SIGN) is False and session.planted_rule is None
    assert session.name_bug(THRESHOLD_SIGN) is True and session.planted_rule == THRESHOLD_SIGN
    assert session.practice.bugs == ((THRESHOLD_SIGN, UPDATE_SIGN), (THRESHOLD_SIGN, THRESHOLD_SIGN))
    diff = session.bug_difference()
    rec = session.display_record()
    true = compute_step(session.initial_network, rec.inputs, rec.targets, rec.learning_rate)
    assert diff is not None and np.array_equal(diff.true_gradients, true.gradients)
    thresholds = [i for i, spec in enumerate(rec.specs) if spec.kind == "threshold"]
    weights = [i for i, spec in enumerate(rec.specs) if spec.kind == "weight"]
    assert np.allclose(diff.gradients[thresholds], -diff.true_gradients[thresholds])
    assert np.array_equal(diff.gradients[weights], diff.true_gradients[weights])
    with pytest.raises(KeyError):
        session.name_bug("gremlins")


def test_a_random_bug_is_one_the_learning_rate_shows(session):
    session.update_settings(learning_rate=1.0)
    seen = set()
    for seed in range(40):
        session.plant_bug(rng=random.Random(seed))
        seen.add(session._trainer.rule)
    assert ETA_TWICE not in seen and len(seen) == len(RULES) - 1


def test_new_data_ends_the_planted_run(session, recorder):
    session.plant_bug(UPDATE_SIGN)
    session.load_example("watermelon3.0alpha")
    assert not session.bug_planted and ("planted", False) in recorder.events
    session.remove_bug()  # nothing to bring back: a no-op
    assert session.dataset.name


def test_step_back_in_a_planted_run_replays_the_rule(session):
    session.plant_bug(UPDATE_SIGN)
    for _ in range(6):
        session.step()
    flat = session.network.flat.copy()
    for _ in range(3):
        session.step_back()
    for _ in range(3):
        session.step()
    assert np.array_equal(session.network.flat, flat)


def test_the_books_bug_namings_round_trip_and_bad_ones_are_refused():
    book = PracticeBook()
    book.name_bug(UPDATE_SIGN, THRESHOLD_SIGN)
    book.name_bug(UPDATE_SIGN, UPDATE_SIGN)
    back = PracticeBook.from_data(book.to_data())
    assert back.bugs == book.bugs == ((UPDATE_SIGN, THRESHOLD_SIGN), (UPDATE_SIGN, UPDATE_SIGN))
    data = book.to_data()
    data["bugs"][1]["named"] = "gremlins"
    with pytest.raises(DataError, match=r"bugs\[1\]\.named"):
        PracticeBook.from_data(data)
