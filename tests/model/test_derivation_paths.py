"""The paths from E to a parameter: their products sum to ∂E_k/∂p, each edge is its closed form."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model import closed_forms as cf
from bpgui.model.backprop import compute_step, make_record
from bpgui.model.chain_paths import chain_paths, factor_source, link_ref, parse_ref, path_highlight, unit_ref
from bpgui.model.derivation import derive
from bpgui.model.gradcheck import finite_difference_gradients
from bpgui.model.naming import parameter_specs
from bpgui.model.network import Network
from bpgui.model.numbers import format_number

NETS = [
    ((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"),
    ((2, 3, 2, 1), ("sigmoid", "sigmoid", "sigmoid"), "squared_error"),
    ((3, 4, 2), ("tanh", "sigmoid"), "cross_entropy"),
    ((2, 3, 2, 3, 2), ("sigmoid", "tanh", "relu", "linear"), "squared_error"),
]


def record_for(sizes, acts, loss, batch=1):
    net = Network.initialise(sizes, activations=acts, loss=loss, seed=2)
    rng = np.random.default_rng(len(sizes))
    x = rng.normal(size=(batch, sizes[0]))
    y = rng.uniform(0.1, 0.9, size=(batch, sizes[-1]))
    rec = make_record(compute_step(net, x, y, 0.5), net, iteration=1, epoch=1,
                      mode="standard" if batch == 1 else "accumulated", learning_rate=0.5,
                      sample_indices=np.arange(batch), inputs=x, targets=y)
    return net, rec


@pytest.mark.parametrize("sizes, acts, loss", NETS)
def test_the_paths_products_sum_to_the_records_gradient_and_to_finite_differences(sizes, acts, loss):
    net, rec = record_for(sizes, acts, loss)
    numeric = finite_difference_gradients(net, rec.inputs, rec.targets)
    for index, spec in enumerate(parameter_specs(sizes)):
        paths = chain_paths(rec, index, acts, loss)
        above = int(np.prod(sizes[spec.layer + 1:]))
        assert paths.complete and paths.count == len(paths.paths) == above
        assert math.isclose(paths.listed_total, rec.flat_gradients[index], rel_tol=1e-12, abs_tol=1e-15)
        assert paths.total == rec.flat_gradients[index]
        assert math.isclose(paths.listed_total, numeric[index], rel_tol=1e-6, abs_tol=1e-9)
        assert math.isclose(paths.delta_from_paths(), paths.delta_value, rel_tol=1e-12, abs_tol=1e-15)
        env = cf.RecordEnv(rec, acts)
        assert math.isclose(paths.delta_formula.evaluate(env, {"k": 1}), paths.delta_value, rel_tol=1e-12,
                            abs_tol=1e-15)
        assert math.isclose(paths.gradient_formula.evaluate(env, {"k": 1}), paths.total, rel_tol=1e-12,
                            abs_tol=1e-15)
        assert paths.hidden == (spec.layer < len(sizes) - 1)
        for path in paths.paths:
            assert path.product == pytest.approx(np.prod([e.value for e in path.edges]), rel=1e-15)
            assert path.route[0].text() == "Eₖ" and path.route[-1] == paths.parameter
            assert len(path.route) == len(sizes) - spec.layer + 2


def test_each_edge_is_its_local_derivative_in_closed_form():
    sizes, acts, loss = NETS[0]
    _, rec = record_for(sizes, acts, loss)
    y_hat, y = rec.layers[1].output[0, 0], rec.targets[0, 0]
    b, x = rec.layers[0].output[0], rec.inputs[0]
    w = rec.parameters[1].weights
    v21 = chain_paths(rec, 2, acts, loss)  # v_21: x_2 → b_1
    (path,) = v21.paths
    assert [e.derivative.text() for e in path.edges] == ["∂Eₖ/∂ŷ₁", "∂ŷ₁/∂β₁", "∂β₁/∂b₁", "∂b₁/∂α₁", "∂α₁/∂v₂₁"]
    assert [e.value for e in path.edges] == pytest.approx(
        [-(y - y_hat), y_hat * (1 - y_hat), w[0, 0], b[0] * (1 - b[0]), x[1]], rel=1e-15)
    assert [e.ref for e in path.edges] == [unit_ref(2, 0), unit_ref(2, 0), link_ref(6), unit_ref(1, 0), link_ref(2)]
    assert [q.text() for q in path.route] == ["Eₖ", "ŷ₁", "b₁", "v₂₁"]


def test_a_hidden_weight_of_a_two_output_net_has_one_path_per_output_and_the_sum_forms_e_h():
    sizes, acts, loss = NETS[2]
    _, rec = record_for(sizes, acts, loss)
    index = cf.parameter_index(sizes, 1, 2, 3)  # v_23
    paths = chain_paths(rec, index, acts, loss)
    assert [p.output for p in paths.paths] == [0, 1]
    assert paths.delta.text() == "e₃"
    assert paths.delta_value == rec.layers[0].delta[0, 2]
    d = derive(rec, index, acts, loss)  # the chain panel's terms: the same products, grouped
    common = np.prod([f.value for f in d.common])
    for term, path in zip(d.terms, paths.paths, strict=True):
        assert path.product == pytest.approx(np.prod([f.value for f in term]) * common, rel=1e-13)
        assert [f.source for f in term] == [e.ref for e in path.edges[: len(term)]]
    assert [f.source for f in d.common] == [unit_ref(1, 2), link_ref(index)]


def test_a_batch_follows_its_first_sample():
    sizes, acts, loss = NETS[1]
    _, rec = record_for(sizes, acts, loss, batch=3)
    paths = chain_paths(rec, 0, acts, loss)
    assert paths.total != rec.flat_gradients[0]  # the mean is not the first sample's term
    assert paths.listed_total == pytest.approx(paths.total, rel=1e-12)


def test_a_big_network_lists_a_bounded_number_of_paths_and_counts_them_all():
    sizes = (3, 8, 8, 8, 4)
    acts = ("sigmoid",) * 4
    _, rec = record_for(sizes, acts, "squared_error")
    paths = chain_paths(rec, 0, acts, "squared_error", limit=50)
    assert paths.count == 8 * 8 * 4 and len(paths.paths) == 50 and not paths.complete
    assert paths.total == rec.flat_gradients[0]
    full = chain_paths(rec, 0, acts, "squared_error", limit=10_000)
    assert full.complete and full.listed_total == pytest.approx(full.total, rel=1e-12)


def test_the_highlight_labels_every_unit_and_link_on_the_paths_with_its_number():
    sizes, acts, loss = NETS[2]
    _, rec = record_for(sizes, acts, loss)
    paths = chain_paths(rec, 0, acts, loss)  # v_11 of a 3-4-2 net
    units, links = path_highlight(paths, 3)
    assert set(units) == {(2, 0), (2, 1), (1, 0)}
    w = [cf.parameter_index(sizes, 2, 1, j) for j in (1, 2)]
    assert set(links) == {0, *w}
    first = paths.paths[0].edges
    assert units[(2, 0)] == f"{format_number(first[0].value, 3)} · {format_number(first[1].value, 3)}"
    assert links[0] == format_number(rec.inputs[0, 0], 3)
    assert links[w[1]] == format_number(rec.parameters[1].weights[0, 1], 3)
    assert path_highlight(None) == ({}, {})


def test_a_factor_source_lights_one_unit_or_one_link():
    assert factor_source("unit:2:0") == ({(2, 0): ""}, {})
    assert factor_source("link:17") == ({}, {17: ""})
    assert factor_source("") == ({}, {})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_a_hostile_reference_is_nothing_or_a_valid_address(ref):
    parsed = parse_ref(ref)
    units, links = factor_source(ref)
    if parsed is None:
        assert units == {} and links == {}
    else:
        assert parsed[0] in ("unit", "link") and min(parsed[1]) >= 0
        assert len(units) + len(links) == 1


@pytest.mark.parametrize("sizes, acts, loss", NETS[1:3])
def test_the_paths_shape_is_built_once_and_each_record_gets_its_own_numbers(sizes, acts, loss):
    """A Step with a parameter selected evaluates the paths' formulas; it does not build them again (issue 11).
    Every record's paths are those built from scratch for it."""
    from bpgui.model import chain_paths as cp

    _, first = record_for(sizes, acts, loss)
    net2 = Network.initialise(sizes, activations=acts, loss=loss, seed=9)
    x, y = first.inputs * 0.5, first.targets
    second = make_record(compute_step(net2, x, y, 0.5), net2, iteration=2, epoch=1, mode="standard",
                         learning_rate=0.5, sample_indices=np.arange(1), inputs=x, targets=y)
    for index in range(len(parameter_specs(sizes))):
        a = chain_paths(first, index, acts, loss)
        hits = cp._shape_of.cache_info().hits
        b = chain_paths(second, index, acts, loss)
        assert cp._shape_of.cache_info().hits == hits + 1  # the shape taken again
        assert [p.route for p in a.paths] == [p.route for p in b.paths]
        cp._shape_of.cache_clear()
        assert chain_paths(second, index, acts, loss) == b  # as from scratch, number for number
        assert b.total == second.flat_gradients[index] and a.total == first.flat_gradients[index]


@pytest.mark.parametrize("sizes, acts, loss", NETS)
def test_the_chain_rules_formulas_are_built_once_and_each_record_gets_its_own_numbers(sizes, acts, loss):
    from bpgui.model import derivation as dv

    _, first = record_for(sizes, acts, loss)
    _, batch = record_for(sizes, acts, loss, batch=3)
    for index in range(len(parameter_specs(sizes))):
        dv._chain_of.cache_clear()
        fresh = [derive(rec, index, acts, loss) for rec in (first, batch)]
        hits = dv._chain_of.cache_info().hits
        again = [derive(rec, index, acts, loss) for rec in (first, batch)]
        assert dv._chain_of.cache_info().hits == hits + 2  # taken again, not built
        assert again == fresh  # number for number, formula for formula
        assert fresh[0].update_formula != fresh[1].update_formula  # a batch writes ∂E/∂p, not ∂E_k/∂p
