"""A selected unit, its forward arithmetic, and the paths from E to the selected parameter."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.session.settings import Settings
from bpgui.session.training import TrainingSession


def test_a_hidden_unit_selects_its_threshold_and_shows_its_forward_pass(session, recorder):
    session.select_unit(1, 1)  # b_2 of the default 2-2-1 network: threshold γ_2 is parameter 5
    assert session.selected_unit == (1, 1) and session.selected_parameter == 5
    assert ("selection", 5) in recorder.events and recorder.events[-1] == ("unit", (1, 1))
    fa = session.forward_arithmetic()
    assert fa is not None and fa.known and (fa.layer, fa.unit) == (1, 1)
    assert fa.output == session.display_record().layers[0].output[0, 1]
    derivation = session.derivation()
    assert derivation is not None and derivation[0].parameter_text == "γ_2"  # the chain rule of its threshold


def test_selecting_another_parameter_or_a_new_network_leaves_no_unit(session):
    session.select_unit(2, 0)
    assert session.selected_unit == (2, 0)
    session.select_parameter(session.selected_parameter)  # its own threshold again: still the unit
    assert session.selected_unit == (2, 0)
    session.select_parameter(0)  # a link
    assert session.selected_unit == (-1, -1) and session.forward_arithmetic() is None
    session.select_unit(0, 1)  # an input: no parameter
    assert session.selected_unit == (0, 1) and session.selected_parameter == -1
    fa = session.forward_arithmetic()
    assert fa is not None and fa.layer == 0 and fa.unit == 1
    assert fa.feature == ""  # XOR's column x_2 only repeats the symbol x₂: not named again
    session.apply_settings(Settings(hidden=(3,)))
    assert session.selected_unit == (-1, -1)
    session.select_unit(1, 2)
    assert session.selected_unit == (1, 2)
    session.select_unit(-1, -1)
    assert session.selected_unit == (-1, -1)


def test_before_its_forward_phase_a_unit_is_not_computed_yet(session):
    session.select_unit(2, 0)
    session.step_phase()  # forward, layer 1
    fa = session.forward_arithmetic()
    assert fa is not None and not fa.known
    assert session.chain_paths() is None  # θ_1 is not known in a forward phase
    session.step_phase()  # forward, layer 2
    fa = session.forward_arithmetic()
    assert fa is not None and fa.known
    while session.phase_view is not None and not session.phase_view.gradient_known[session.selected_parameter]:
        session.step_phase()
    paths = session.chain_paths()
    assert paths is not None and paths.listed_total == session.display_record().flat_gradients[8]


def test_the_paths_of_the_selection_sum_to_its_gradient():
    s = TrainingSession(Settings(hidden=(3, 2)))
    s.select_parameter(0)
    paths = s.chain_paths()
    assert paths is not None and paths.count == 2  # v⁽¹⁾_11 of 2-3-2-1: through each unit of layer 2
    assert np.isclose(paths.listed_total, s.display_record().flat_gradients[0], rtol=1e-12, atol=1e-15)
    s.select_parameter(-1)
    assert s.chain_paths() is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 5), st.integers(-3, 5)), max_size=8))
def test_any_unit_selection_is_a_unit_of_the_network_or_none(clicks):
    s = TrainingSession()
    kinds: list[str] = []
    s.subscribe(lambda event, value: kinds.append(event))
    for layer, unit in clicks:
        s.select_unit(layer, unit)
        got = s.selected_unit
        sizes = s.network.layer_sizes
        assert got == (-1, -1) or (0 <= got[0] < len(sizes) and 0 <= got[1] < sizes[got[0]])
        assert (got == (-1, -1)) == (s.forward_arithmetic() is None)
    assert set(kinds) <= {"unit", "selection"}


def test_the_paths_are_computed_once_per_state_shown_and_follow_every_change():
    """The panel and the network both ask for the selection's paths at each step: one computation serves
    both, and a step, a phase step or another selection gives the new state's paths."""
    session = TrainingSession(Settings())
    session.step()
    session.select_parameter(0)
    first = session.chain_paths()
    assert first is not None and session.chain_paths() is first
    session.step()
    second = session.chain_paths()
    assert second is not first
    assert second.total == float(session.display_record().flat_gradients[0])
    session.select_parameter(6)
    assert session.chain_paths().total == float(session.display_record().flat_gradients[6])
    for _ in range(6):  # through the next iteration's phases: unknown, then the new gradient
        session.step_phase()
        paths = session.chain_paths()
        known = session.phase_view is None or bool(session.phase_view.gradient_known[6])
        assert (paths is not None) == known
        if paths is not None:
            assert paths.total == float(session.display_record().flat_gradients[6])
