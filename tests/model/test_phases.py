"""The note's phases of one iteration: order, what each lights, what is known after it."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.naming import parameter_specs
from bpgui.model.phases import (
    ERROR,
    FORWARD,
    HIDDEN_GRADIENT,
    HIDDEN_SUM,
    OUTPUT_GRADIENT,
    UPDATE,
    phase_plan,
    phase_views,
)


def names(sizes, params):
    specs = parameter_specs(sizes)
    return sorted(specs[p].name for p in params)


def test_plan_of_the_notes_network():
    assert [(p.kind, p.layer) for p in phase_plan((2, 2, 1))] == [
        (FORWARD, 1), (FORWARD, 2), (ERROR, 2), (OUTPUT_GRADIENT, 2), (HIDDEN_GRADIENT, 1), (UPDATE, 0)]
    deep = [(p.kind, p.layer) for p in phase_plan((2, 3, 3, 1))]
    assert deep == [(FORWARD, 1), (FORWARD, 2), (FORWARD, 3), (ERROR, 3), (OUTPUT_GRADIENT, 3),
                    (HIDDEN_GRADIENT, 2), (HIDDEN_GRADIENT, 1), (UPDATE, 0)]


def test_what_each_phase_lights_in_the_notes_terms():
    views = phase_views((2, 2, 1))
    f1, f2, err, og, hg, up = views
    assert names((2, 2, 1), f1.lit_parameters) == ["v_11", "v_12", "v_21", "v_22", "γ_1", "γ_2"]
    assert names((2, 2, 1), f2.lit_parameters) == ["w_11", "w_21", "θ_1"]
    assert err.lit_parameters == frozenset() and err.lit_units == {(2, 0)}
    assert names((2, 2, 1), og.lit_parameters) == ["w_11", "w_21", "θ_1"]
    # The hidden phase lights the way back (w_hj) and the hidden unit's own parameters.
    assert names((2, 2, 1), hg.lit_parameters) == ["v_11", "v_12", "v_21", "v_22", "w_11", "w_21", "γ_1", "γ_2"]
    assert len(up.lit_parameters) == 9


def test_knowledge_accumulates_and_nothing_is_known_early():
    views = phase_views((2, 3, 2))
    forward_layers = [v.forward_layers for v in views]
    assert forward_layers == sorted(forward_layers) and forward_layers[0] == 1
    assert [v.error_known for v in views] == [False, False, True, True, True, True]
    known = [int(v.gradient_known.sum()) for v in views]
    assert known == [0, 0, 0, 8, 17, 17]  # w and θ (3·2 + 2), then v and γ (2·3 + 3)
    assert [v.updated for v in views] == [False] * 5 + [True]
    assert not views[3].delta_known[0].any() and views[3].delta_known[1].all()
    assert views[4].delta_known[0].all()


def test_following_one_output_at_a_time_reaches_each_hidden_unit_l_times():
    sizes = (2, 3, 2)
    views = phase_views(sizes, per_output=True)
    kinds = [(v.phase.kind, v.phase.output) for v in views]
    assert kinds == [(FORWARD, None), (FORWARD, None), (ERROR, None), (OUTPUT_GRADIENT, 0), (HIDDEN_SUM, 0),
                     (OUTPUT_GRADIENT, 1), (HIDDEN_SUM, 1), (HIDDEN_GRADIENT, None), (UPDATE, None)]
    reached = [v for v in views if v.phase.kind == HIDDEN_SUM and (1, 0) in v.lit_units]
    assert len(reached) == 2  # l = 2 outputs
    first_sum = views[4]
    assert names(sizes, first_sum.lit_parameters) == ["w_11", "w_21", "w_31"]  # only output 1's links
    assert first_sum.hidden_sum_outputs == 1 and views[6].hidden_sum_outputs == 2
    # Hidden gradients stay unknown until every output has been carried back.
    v_index = 0
    assert not views[6].gradient_known[v_index] and views[7].gradient_known[v_index]
    og0 = views[3]
    assert names(sizes, np.flatnonzero(og0.gradient_known)) == ["w_11", "w_21", "w_31", "θ_1"]


def _known_by_accumulation(sizes, per_output):
    """What each phase makes known, accumulated phase by phase from what the phases light (the plain way)."""
    n = len(sizes) - 1
    n_params = sum((a + 1) * b for a, b in itertools.pairwise(sizes))
    gradient = np.zeros(n_params, dtype=bool)
    delta = [np.zeros(s, dtype=bool) for s in sizes[1:]]
    out = []
    for view in phase_views(sizes, per_output=per_output):
        p = view.phase
        if p.kind == OUTPUT_GRADIENT:
            gradient[list(view.lit_parameters)] = True  # exactly the gradients it computes
            for _, j in view.lit_units:
                delta[n - 1][j] = True
        elif p.kind == HIDDEN_GRADIENT:
            delta[p.layer - 1][:] = True
            gradient[[i for i in view.lit_parameters if i < n_params and _layer_of(sizes, i) == p.layer]] = True
        out.append((gradient.copy(), [d.copy() for d in delta]))
    return out


def _layer_of(sizes, index):
    offset = 0
    for k, (a, b) in enumerate(itertools.pairwise(sizes), start=1):
        offset += (a + 1) * b
        if index < offset:
            return k
    raise IndexError(index)


def test_what_is_known_is_what_the_phases_before_computed():
    for sizes in [(2, 1), (2, 2, 1), (2, 3, 2), (3, 4, 5, 2), (1, 2, 3, 4, 3), (4, 1, 1, 1, 3)]:
        for per_output in (False, True):
            views = phase_views(sizes, per_output=per_output)
            for view, (gradient, delta) in zip(views, _known_by_accumulation(sizes, per_output)):
                np.testing.assert_array_equal(view.gradient_known, gradient)
                assert len(view.delta_known) == len(delta)
                for got, want in zip(view.delta_known, delta):
                    np.testing.assert_array_equal(got, want)
                assert not view.gradient_known.flags.writeable


def test_a_deep_plan_holds_no_per_phase_copies_until_one_is_looked_at():
    # 100 hidden layers of 200 units: copying every mask per phase (the old way) was O(L²)
    # and about 0.8 GB here; each view now makes its masks when first read.
    sizes = (2,) + (200,) * 100 + (1,)
    views = phase_views(sizes)
    assert len(views) == 2 * 101 + 2
    assert all("gradient_known" not in v.__dict__ and "delta_known" not in v.__dict__ for v in views)
    middle = views[len(views) // 2]
    assert middle.gradient_known.shape == (sum((a + 1) * b for a, b in itertools.pairwise(sizes)),)
    assert middle.gradient_known is middle.gradient_known  # made once


def _lit_by_meaning(sizes, phase):
    """The parameters ``phase`` lights, read off each parameter's spec (layer, source, target), one by one."""
    n = len(sizes) - 1
    lit = set()
    for i, s in enumerate(parameter_specs(sizes)):
        into_output_j = s.layer == n and (phase.output is None or s.target == phase.output + 1)
        if phase.kind == FORWARD:
            on = s.layer == phase.layer
        elif phase.kind == OUTPUT_GRADIENT:
            on = into_output_j
        elif phase.kind == HIDDEN_SUM:
            on = into_output_j and s.kind == "weight"
        elif phase.kind == HIDDEN_GRADIENT:
            on = s.layer == phase.layer or (s.layer == phase.layer + 1 and s.kind == "weight")
        else:
            on = phase.kind == UPDATE
        if on:
            lit.add(i)
    return lit


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=2, max_size=5), st.booleans())
def test_each_phase_lights_the_parameters_its_meaning_names(sizes, per_output):
    """The lit mask (built by slices, so a 10⁶-parameter phase costs no set) against each spec's meaning; the
    mask answers ``lights`` and ``lit_parameters`` alike, and is read-only."""
    for view in phase_views(sizes, per_output=per_output):
        expected = _lit_by_meaning(sizes, view.phase)
        assert view.lit_parameters == expected, view.phase
        assert [i for i in range(len(view.lit_mask)) if view.lights(i)] == sorted(expected)
        assert not view.lit_mask.flags.writeable
