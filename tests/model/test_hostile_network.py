"""Hostile network files are refused by name, never raised: wrong types, huge numbers, deep or huge networks.

Every case here once passed validation and then raised TypeError, OverflowError,
ValueError or MemoryError, or hung; each must now be a ``NetworkFileError``
(a ``BpguiError``) that names the offending key.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpgui.model.errors import BpguiError, ConfigError, NetworkFileError
from bpgui.model.fileformat import load_network, network_from_dict
from bpgui.model.network import (
    MAX_HIDDEN_LAYERS,
    MAX_INIT_RANGE,
    MAX_PARAMETERS,
    Network,
    check_size,
)

BASE = {
    "format": "bpgui.network", "version": 1,
    "layers": [{"units": 2}, {"units": 2, "activation": "sigmoid"}, {"units": 1, "activation": "sigmoid"}],
}


def _doc(**changes):
    doc = copy.deepcopy(BASE)
    doc.update(changes)
    return doc


def _refused(path: Path, text: str) -> NetworkFileError:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NetworkFileError) as info:
        load_network(path)
    return info.value


def _layers(*units, activation="sigmoid"):
    return [{"units": units[0]}] + [{"units": u, "activation": activation} for u in units[1:]]


# ---- each case of the issue ------------------------------------------------------------------


@pytest.mark.parametrize("value", [["relu"], {"name": "relu"}, 3, None])
def test_an_activation_that_is_not_a_name_is_refused_by_key(value):
    doc = _doc(layers=[{"units": 2}, {"units": 2, "activation": value}, {"units": 1}])
    with pytest.raises(NetworkFileError, match=r"layers\[1\]\.activation: expected one of"):
        network_from_dict(doc)


@pytest.mark.parametrize("key", ["loss", "init"])
@pytest.mark.parametrize("value", [["x"], {"a": 1}])
def test_a_loss_or_init_that_is_not_a_name_is_refused_by_key(key, value):
    with pytest.raises(NetworkFileError, match=rf"^network: {key}: expected one of"):
        network_from_dict(_doc(**{key: value}))


@pytest.mark.parametrize("value", [1e308, 1e7, 10**400])
def test_an_init_range_too_large_to_draw_from_is_refused_by_key(value):
    with pytest.raises(NetworkFileError, match=r"init_range: expected (at most 1e\+06|a finite number)"):
        network_from_dict(_doc(init_range=value))


def test_the_largest_init_range_still_draws():
    net = network_from_dict(_doc(init_range=MAX_INIT_RANGE)).network
    assert abs(net.flat).max() <= MAX_INIT_RANGE


def test_init_range_too_large_is_a_config_error_in_the_model_too():
    for value in (1e308, float("inf"), 10**400, "1", None):
        with pytest.raises(ConfigError, match="init_range"):
            Network.initialise((2, 1), init_range=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("key", ["learning_rate", "seed", "init_range", "version"])
def test_a_number_past_pythons_digit_limit_is_refused_by_key(tmp_path, key):
    text = json.dumps(_doc(**{key: 12345}))
    error = _refused(tmp_path / "n.json", text.replace("12345", "9" * 5000))
    assert f": {key}: " in str(error) and "5000 digits" in str(error)


def test_units_past_pythons_digit_limit_are_refused_by_key(tmp_path):
    text = json.dumps(_doc(layers=_layers(2, 12345, 1)))
    error = _refused(tmp_path / "n.json", text.replace("12345", "7" * 4400))
    assert "layers[1].units: expected at most 5,000,000" in str(error)


def test_units_of_a_hundred_thousand_are_refused_not_a_memory_error():
    with pytest.raises(NetworkFileError, match=r"^network: layers: a 2-100000-100000 network has 10,000,400,000 "):
        network_from_dict(_doc(layers=_layers(2, 100_000, 100_000)))


def test_one_layer_wider_than_the_limit_is_refused_by_its_key():
    with pytest.raises(NetworkFileError, match=r"layers\[2\]\.units: expected at most 5,000,000, got 10{30}"):
        network_from_dict(_doc(layers=_layers(2, 3, 10**30)))


def test_the_parameter_limit_is_the_one_the_settings_panel_enforces():
    from bpgui.session import settings as panel

    assert panel.MAX_PARAMETERS is MAX_PARAMETERS and panel.check_size is check_size
    # 1-(n)-1 has 3n + 1 parameters: the largest n under the limit loads, the next is refused.
    n = (MAX_PARAMETERS - 1) // 3
    assert check_size((1, n, 1)) == 3 * n + 1 <= MAX_PARAMETERS
    with pytest.raises(NetworkFileError, match="bpgui handles at most 5,000,000"):
        network_from_dict(_doc(layers=_layers(1, n + 1, 1)))
    with pytest.raises(ConfigError, match="bpgui handles at most 5,000,000"):
        Network.initialise((1, n + 1, 1))


def test_a_hundred_thousand_layers_are_refused_at_once():
    doc = _doc(layers=_layers(*([1] * 100_002)))
    with pytest.raises(NetworkFileError, match=r"^network: layers: a network with 100,000 hidden layers is too deep"):
        network_from_dict(doc)


def test_the_hidden_layer_limit_is_the_same_in_files_and_in_the_model():
    deepest = _layers(*([1] * (MAX_HIDDEN_LAYERS + 2)))
    net = network_from_dict(_doc(layers=deepest)).network
    assert net.n_layers == MAX_HIDDEN_LAYERS + 1
    with pytest.raises(NetworkFileError, match=f"bpgui handles at most {MAX_HIDDEN_LAYERS}"):
        network_from_dict(_doc(layers=[*deepest, {"units": 1}]))
    with pytest.raises(ConfigError, match=f"bpgui handles at most {MAX_HIDDEN_LAYERS}"):
        Network.initialise((1,) * (MAX_HIDDEN_LAYERS + 3))


def test_nesting_too_deep_for_the_parser_is_refused(tmp_path):
    error = _refused(tmp_path / "n.json", "[" * 200_000 + "]" * 200_000)
    assert "nested too deeply" in str(error)


def test_deep_nesting_inside_a_key_is_described_not_raised():
    nested: list = []
    for _ in range(300):
        nested = [nested]
    with pytest.raises(NetworkFileError, match=r"^network: format: "):
        network_from_dict(_doc(format={"x": nested}))
    with pytest.raises(NetworkFileError, match=r"^network: learning_rate: expected a number"):
        network_from_dict(_doc(learning_rate={"x": nested}))


def test_a_callers_own_objects_are_described_not_raised():
    with pytest.raises(NetworkFileError, match=r"learning_rate: expected a number, got object"):
        network_from_dict(_doc(learning_rate=object()))
    with pytest.raises(NetworkFileError, match=r"^network: \(3,\): unknown key"):
        network_from_dict({**_doc(), 1: 2, (3,): 4})


# ---- any document at all -------------------------------------------------------------------

_LEAVES = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, 2, -1, 100_000, 10**400, 10**4000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5e-324, 1e6, 1e6 + 1]),
    st.text(max_size=8),
    st.sampled_from(["sigmoid", "tanh", "relu", "linear", "squared_error", "cross_entropy", "uniform", "xavier"]),
)
_ANY = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12,
)
_HOSTILE = st.one_of(
    _LEAVES, st.lists(_LEAVES, max_size=2), st.dictionaries(st.text(max_size=4), _LEAVES, max_size=2), _ANY
)
_UNITS = st.one_of(st.integers(min_value=-1, max_value=4), st.sampled_from([100_000, 10**30, 10**4000]), _LEAVES)
_LAYER = st.one_of(
    st.fixed_dictionaries({"units": _UNITS}, optional={"activation": _ANY}),
    st.fixed_dictionaries({"units": st.integers(1, 3)}, optional={"activation": _LEAVES, "bias": _ANY}),
    _ANY,
)


@st.composite
def _valid_layers_with_one_hostile_value(draw):
    layers = _layers(*draw(st.lists(st.integers(1, 3), min_size=2, max_size=4)))
    k = draw(st.integers(1, len(layers) - 1))
    layers[k][draw(st.sampled_from(["units", "activation"]))] = draw(_UNITS | _HOSTILE)
    return layers


_LAYERS = st.one_of(
    _valid_layers_with_one_hostile_value(),
    st.lists(_LAYER, max_size=5),
    st.integers(1, 3).flatmap(lambda n: st.just(_layers(*([1] * n)))),
    st.just(_layers(*([1] * (MAX_HIDDEN_LAYERS + 3)))),
    _ANY,
)
_KEYS = ["format", "version", "layers", "weights", "thresholds", "loss", "learning_rate", "seed", "init", "init_range"]


@st.composite
def network_documents(draw):
    """A valid document with some keys replaced by anything, or anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(_ANY)
    doc = _doc(layers=draw(_valid_layers_with_one_hostile_value() if draw(st.booleans()) else _LAYERS))
    # Mostly one key (a wrong format or version hides everything after it).
    places = st.sampled_from([*_KEYS[2:], "format", "extra"])
    for key in draw(st.lists(places, max_size=draw(st.sampled_from([0, 1, 3])), unique=True)):
        doc[key] = draw(_LAYERS if key == "layers" else _HOSTILE)
    if draw(st.booleans()):
        doc["weights"] = draw(st.lists(st.lists(st.lists(_LEAVES, max_size=3), max_size=3), max_size=3))
    if draw(st.booleans()):
        doc["thresholds"] = draw(st.lists(st.lists(_LEAVES, max_size=3), max_size=3))
    return doc


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(network_documents())
def test_any_document_loads_or_is_refused_as_a_bpgui_error(doc):
    try:
        loaded = network_from_dict(doc)
    except BpguiError:
        return
    assert loaded.network.n_parameters <= MAX_PARAMETERS
    assert loaded.network.n_layers <= MAX_HIDDEN_LAYERS + 1


_TEXTS = st.sampled_from(["9" * 4299, "9" * 4301, "-" + "9" * 9000, "1e999999", "-1e999999", "NaN", "Infinity",
                          "[" * 3000 + "]" * 3000, "{}", '"' + "x" * 100 + '"'])


@settings(max_examples=40, deadline=None, derandomize=True)
@given(key=st.sampled_from([*_KEYS, "units", "weight"]), text=_TEXTS)
def test_any_literal_at_any_key_of_a_file_is_refused_as_a_bpgui_error(tmp_path_factory, key, text):
    doc = _doc(weights=[[[0.5], [0.5]], [[0.5]]], thresholds=[[0.0], [0.0]],
               layers=[{"units": 2}, {"units": 1, "activation": "relu"}, {"units": 1, "activation": "linear"}])
    marker = '"@@"'
    if key == "units":
        doc["layers"][1]["units"] = "@@"
    elif key == "weight":
        doc["weights"][0][1][0] = "@@"
    else:
        doc[key] = "@@"
    path = tmp_path_factory.mktemp("doc") / "n.json"
    path.write_text(json.dumps(doc).replace(marker, text), encoding="utf-8")
    try:
        load_network(path)
    except BpguiError as exc:
        assert str(exc)  # a message, whatever it says


_HOSTILE_VALUES = [
    None, True, -1, 0, 1.5, 10**30, 10**4000, 1e308, float("inf"), float("nan"), "", "relu", "sigmoid ",
    [], ["relu"], [[1]], {}, {"units": 2}, {"name": ["relu"]}, object(),
]
_PLACES = {
    **{key: lambda doc, v, key=key: doc.__setitem__(key, v)
       for key in ["layers", "weights", "thresholds", "loss", "learning_rate", "seed", "init", "init_range"]},
    "layers[1].units": lambda doc, v: doc["layers"][1].__setitem__("units", v),
    "layers[2].activation": lambda doc, v: doc["layers"][2].__setitem__("activation", v),
    "layers[0].activation": lambda doc, v: doc["layers"][0].__setitem__("activation", v),
    "layers[1]": lambda doc, v: doc["layers"].__setitem__(1, v),
    "weights[1][0]": lambda doc, v: doc["weights"][1].__setitem__(0, v),
    "weights[0][1][0]": lambda doc, v: doc["weights"][0][1].__setitem__(0, v),
    "thresholds[0][1]": lambda doc, v: doc["thresholds"][0].__setitem__(1, v),
}


def test_every_hostile_value_at_every_key_is_refused_by_that_key_or_loads():
    """Deterministic: each value of a list of hostile ones at each place of a valid document."""
    raised = []
    for place, put in _PLACES.items():
        for value in _HOSTILE_VALUES:
            doc = _doc(weights=[[[0.1, 0.2], [0.3, 0.4]], [[0.5], [0.6]]], thresholds=[[0.0, 0.0], [0.0]])
            put(doc, value)
            try:
                network_from_dict(doc)
            except NetworkFileError as exc:
                # The message names the place, or the key it is part of.
                if not str(exc).startswith(f"network: {place.split('[')[0]}"):
                    raised.append((place, value, str(exc)))
            except Exception as exc:
                raised.append((place, value, repr(exc)))
    assert raised == []


_VALUE = st.one_of(
    st.sampled_from([math.inf, -math.inf, math.nan, 10**309, True]), st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**400), 10**400), st.booleans(), st.none(),
    st.text(max_size=3), st.lists(st.integers(), max_size=2), st.just({"a": 1}))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(st.floats(-1e6, 1e6), st.integers(-5, 5)), min_size=3, max_size=3),
                min_size=2, max_size=2),
       st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), _VALUE), max_size=2),
       st.lists(st.one_of(st.floats(-1e6, 1e6), _VALUE), min_size=3, max_size=3))
def test_reading_numbers_at_once_reads_and_refuses_what_reading_them_one_by_one_does(plain, hostile, thresholds):
    """A file's weights and thresholds are read as one array when all are plain finite numbers: the network
    is then the one read number by number, and anything else is read one by one and refused by its key."""
    import bpgui.model.fileformat as fileformat

    weights = copy.deepcopy(plain)
    for i, j, value in hostile:
        if i < 2:
            weights[i][j] = value
        else:
            weights.append(value)  # a row too many, or not a row
    doc = {"format": "bpgui.network", "version": 1,
           "layers": [{"units": 2}, {"units": 3, "activation": "sigmoid"}, {"units": 1, "activation": "sigmoid"}],
           "weights": [weights, [[0.5], [0.25], [-1.0]]], "thresholds": [thresholds, [0.0]]}

    def read():
        try:
            net = network_from_dict(copy.deepcopy(doc), source="f.json").network
        except BpguiError as exc:
            return str(exc)
        return net.flat.tolist()

    at_once = read()
    original = fileformat._plain
    try:
        fileformat._plain = lambda rows, cols: None  # one by one, always
        one_by_one = read()
    finally:
        fileformat._plain = original
    assert at_once == one_by_one
