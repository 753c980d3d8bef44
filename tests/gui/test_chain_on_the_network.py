"""The chain rule connected to the graph, through the window's wiring: selecting v_ih lights every path
from E_k to it with each edge's local derivative written on it; hovering a factor in the panel lights the
unit or link it comes from, and leaving it brings the paths back; clicking a unit shows its forward pass."""

from __future__ import annotations

from bpgui.model.numbers import format_number

V11, W11 = 0, 6  # canonical indices in a 2-2-1 network: v_11 v_12 v_21 v_22 γ_1 γ_2 w_11 w_21 θ_1


def _path_texts(window) -> dict[int, str]:
    topology = window.topology
    found = {}
    for index in range(9):
        link = topology.link_for(index)
        if link is not None and link.path_label.text():
            found[index] = link.path_label.text()
    return found


def test_selecting_a_hidden_weight_lights_its_paths_with_their_numbers(window, qtbot):
    c = window.controller
    c.step()
    c.select_parameter(V11)
    units, links = c.path_highlight(window.shown_digits)
    assert V11 in links and W11 in links  # E_k → ŷ_1 → b_1 → v_11
    # each badge names its local derivative, then shows the path's number for it
    shown = _path_texts(window)
    assert shown.keys() == {i for i, t in links.items() if t}
    assert all(shown[i].endswith(f" = {t}") and shown[i].startswith("∂") for i, t in links.items() if t)
    assert shown[V11].startswith("∂α₁/∂v₁₁ = x₁") and shown[W11].startswith("∂β₁/∂b₁ = w₁₁")
    record = c.display_record()
    # ∂α_1/∂v_11 = x_1: the number on the selected link is the sample's input
    assert links[V11] == format_number(float(record.inputs[0, 0]), window.shown_digits)
    assert window.topology.unit_item(1, 0).path_label.text() == f"∂b₁/∂α₁ = {units[(1, 0)]}"
    # another selection moves the paths; none clears them
    c.select_parameter(-1)
    assert _path_texts(window) == {}


def test_a_hovered_factor_lights_its_source_and_leaving_brings_the_paths_back(window, qtbot):
    c = window.controller
    c.step()
    c.select_parameter(V11)
    with_paths = _path_texts(window)
    assert with_paths
    window.derivation.factor_hovered.emit(f"link:{W11}")
    assert window.topology.link_for(W11).path_label.text() == ""  # lit, unlabelled
    assert _path_texts(window) == {}
    lit = window.topology.link_for(W11)
    assert not lit.dimmed() and window.topology.link_for(V11 + 1).dimmed()
    window.derivation.factor_hovered.emit("")
    assert _path_texts(window) == with_paths


def test_clicking_a_unit_shows_its_forward_pass_in_the_panel(window, qtbot):
    c = window.controller
    c.step()
    window.topology.unit_selected.emit(1, 0)
    assert c.selected_unit == (1, 0)
    record = c.display_record()
    text = window.derivation.text()
    digits = window.shown_digits
    assert format_number(float(record.layers[0].net[0, 0]), digits) in text  # α_1
    assert format_number(float(record.layers[0].output[0, 0]), digits) in text  # b_1
    window.set_digits(7)
    assert format_number(float(record.layers[0].output[0, 0]), 7) in window.derivation.text()


def test_the_unit_maps_can_be_switched_off_and_the_choice_is_remembered(window, qsettings, qtbot):
    """View → What each unit learned, inside it: on by default for 2-D data; off draws plain fills."""
    c = window.controller
    c.step()
    assert window.unit_maps_action.isChecked()
    assert window.topology.unit_item(1, 0).map_image() is not None
    window.unit_maps_action.trigger()
    assert not window.unit_maps_action.isChecked()
    assert window.topology.unit_item(1, 0).map_image() is None  # plain fills again
    c.step()
    assert window.topology.unit_item(1, 0).map_image() is None  # and they stay off
    window.save_preferences()
    assert qsettings.value("view/unit_maps") in (False, "false")
