"""Tests of bpgui.model.fileformat: loading, validation, round trips, atomic saves."""

from __future__ import annotations

import copy
import json
import math
import os
import re
from pathlib import Path

import numpy as np
import pytest

from bpgui.model import fileformat
from bpgui.model.errors import BpguiError, NetworkFileError
from bpgui.model.fileformat import (
    load_network,
    network_from_dict,
    network_to_dict,
    save_network,
)
from bpgui.model.network import Network

EXAMPLE_TEXT = """\
{"format": "bpgui.network", "version": 1,
 "layers": [{"units": 2}, {"units": 2, "activation": "sigmoid"}, {"units": 2, "activation": "sigmoid"}],
 "weights": [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
 "thresholds": [[-0.35, -0.35], [-0.60, -0.60]],
 "loss": "squared_error", "learning_rate": 0.5}
"""
EXAMPLE = json.loads(EXAMPLE_TEXT)


def _doc(**changes):
    """A deep copy of the example document with some top-level keys replaced (None deletes)."""
    doc = copy.deepcopy(EXAMPLE)
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def _write(tmp_path: Path, text: str | bytes, name: str = "net.json") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _load_error(path: Path) -> str:
    with pytest.raises(NetworkFileError) as info:
        load_network(path)
    message = str(info.value)
    assert os.fspath(path) in message, f"the message does not name the file: {message!r}"
    return message


def _names_key(message: str, key: str) -> bool:
    """``key`` occurs in ``message`` as a whole key (not as the prefix of a longer one)."""
    return re.search(re.escape(key) + r"(?![\w\[.])", message) is not None


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


# ---------------------------------------------------------------------------
# the example document
# ---------------------------------------------------------------------------


def test_example_loads_to_the_documented_arrays(tmp_path):
    loaded = load_network(_write(tmp_path, EXAMPLE_TEXT))
    net = loaded.network
    assert net.layer_sizes == (2, 2, 2)
    assert net.activations == ("sigmoid", "sigmoid")
    assert net.loss == "squared_error"
    assert loaded.learning_rate == 0.5
    assert loaded.seed is None  # no seed key in the document
    # weights[k] has one row per unit of layer k and one column per unit of layer k+1
    assert [w.shape for w in net.weights] == [(2, 2), (2, 2)]
    assert [t.shape for t in net.thresholds] == [(2,), (2,)]
    assert net.weights[0].tolist() == [[0.15, 0.25], [0.20, 0.30]]
    assert net.weights[1].tolist() == [[0.40, 0.50], [0.45, 0.55]]
    assert net.thresholds[0].tolist() == [-0.35, -0.35]
    assert net.thresholds[1].tolist() == [-0.60, -0.60]
    assert all(a.dtype == np.float64 for a in (*net.weights, *net.thresholds))


def test_example_orientation_matches_the_forward_pass_by_hand(tmp_path):
    """weights[k][i][j] is unit i of layer k → unit j of layer k+1: check through the outputs.

    Computed here with plain Python from the note's formulas α_h = Σ_i v_ih x_i,
    b_h = f(α_h − γ_h), β_j = Σ_h w_hj b_h, ŷ_j = f(β_j − θ_j), with v_ih = weights[0][i][h].
    (This is the widely published worked example: ŷ ≈ (0.75136507, 0.77292847).)
    """
    net = load_network(_write(tmp_path, EXAMPLE_TEXT)).network
    x = [0.05, 0.10]
    v = EXAMPLE["weights"][0]
    w = EXAMPLE["weights"][1]
    gamma, theta = EXAMPLE["thresholds"]
    b = [_sigmoid(sum(v[i][h] * x[i] for i in range(2)) - gamma[h]) for h in range(2)]
    y_hat = [_sigmoid(sum(w[h][j] * b[h] for h in range(2)) - theta[j]) for j in range(2)]
    assert y_hat == pytest.approx([0.75136507, 0.772928465], abs=1e-8)
    assert net.predict(np.array(x)).ravel() == pytest.approx(y_hat, rel=1e-12)
    # the transposed reading would give a different answer, so the check above can fail
    b_t = [_sigmoid(sum(v[h][i] * x[i] for i in range(2)) - gamma[h]) for h in range(2)]
    assert abs(b_t[0] - b[0]) > 1e-4


def test_load_accepts_a_utf8_bom(tmp_path):
    path = _write(tmp_path, b"\xef\xbb\xbf" + EXAMPLE_TEXT.encode("utf-8"))
    assert load_network(path).network.weights[0][0, 1] == 0.25


# ---------------------------------------------------------------------------
# save → load round trips
# ---------------------------------------------------------------------------

AWKWARD = [0.1, 1 / 3, 1e-300, -0.0, 5e-324, 2.0 ** -1074 * 3, 1.7976931348623157e308, -2 / 3, 0.1 + 0.2, math.pi]


def _awkward_network() -> Network:
    sizes = (3, 4, 2)
    n = 3 * 4 + 4 + 4 * 2 + 2
    values = [AWKWARD[k % len(AWKWARD)] * (1 if k % 3 else -1) for k in range(n)]
    w0 = np.array(values[:12]).reshape(3, 4)
    t0 = np.array(values[12:16])
    w1 = np.array(values[16:24]).reshape(4, 2)
    t1 = np.array(values[24:26])
    return Network.from_arrays(sizes, ("tanh", "sigmoid"), [w0, w1], [t0, t1], "cross_entropy")


def test_round_trip_is_bitwise(tmp_path):
    net = _awkward_network()
    path = tmp_path / "rt.json"
    save_network(path, net, learning_rate=0.1, seed=12345)
    back = load_network(path)
    assert back.network.layer_sizes == net.layer_sizes
    assert back.network.activations == net.activations
    assert back.network.loss == net.loss
    for a, b in zip((*net.weights, *net.thresholds), (*back.network.weights, *back.network.thresholds)):
        assert a.shape == b.shape
        assert a.tobytes() == b.tobytes()
    assert back.learning_rate == 0.1
    assert back.seed == 12345


def test_round_trip_keeps_the_sign_of_negative_zero(tmp_path):
    net = Network.from_arrays((1, 1), ("linear",), [[[-0.0]]], [[0.0]])
    path = tmp_path / "z.json"
    save_network(path, net)
    back = load_network(path).network
    assert np.signbit(back.weights[0][0, 0])
    assert not np.signbit(back.thresholds[0][0])


def test_round_trip_of_each_awkward_float_alone(tmp_path):
    for k, value in enumerate(AWKWARD):
        net = Network.from_arrays((1, 1), ("linear",), [[[value]]], [[-value]])
        path = tmp_path / f"one{k}.json"
        save_network(path, net, learning_rate=abs(value) or 1.0)
        back = load_network(path)
        assert back.network.weights[0].tobytes() == np.array([[value]]).tobytes(), value
        assert back.network.thresholds[0].tobytes() == np.array([-value]).tobytes(), value
        assert back.learning_rate == (abs(value) or 1.0)


def test_saved_file_is_strict_json_with_the_documented_layout(tmp_path):
    net = load_network(_write(tmp_path, EXAMPLE_TEXT)).network
    path = tmp_path / "out.json"
    save_network(path, net, learning_rate=0.5)

    def refuse(token):
        raise AssertionError(f"non-standard JSON constant {token}")

    doc = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
    assert doc == EXAMPLE  # same keys and values as the hand-written example
    assert "seed" not in doc  # not invented when not given


def test_loaded_learning_rate_and_seed_come_back(tmp_path):
    path = _write(tmp_path, json.dumps(_doc(learning_rate=0.125, seed=7)))
    loaded = load_network(path)
    assert loaded.learning_rate == 0.125
    assert loaded.seed == 7
    path2 = _write(tmp_path, json.dumps(_doc(learning_rate=None)), "nolr.json")
    assert load_network(path2).learning_rate is None


def test_network_to_dict_then_from_dict_is_identity():
    net = _awkward_network()
    back = network_from_dict(json.loads(json.dumps(network_to_dict(net, 0.3, 4))), "memory").network
    assert back.flat.tobytes() == net.flat.tobytes()


# ---------------------------------------------------------------------------
# parameters drawn from the seed
# ---------------------------------------------------------------------------


def _drawn(seed=None, **changes):
    doc = _doc(weights=None, thresholds=None, **changes)
    if seed is not None:
        doc["seed"] = seed
    return network_from_dict(doc, "drawn").network


def test_missing_parameters_are_drawn_from_the_seed():
    a, b, c = _drawn(3), _drawn(3), _drawn(4)
    assert a.flat.tobytes() == b.flat.tobytes()
    assert not np.array_equal(a.flat, c.flat)
    assert [w.shape for w in a.weights] == [(2, 2), (2, 2)]
    assert [t.shape for t in a.thresholds] == [(2,), (2,)]
    # default init "uniform" with init_range 1: every value in [−1, 1), not all equal
    p = a.flat
    assert np.all((p >= -1.0) & (p < 1.0))
    assert len(set(p.tolist())) == p.size


def test_missing_seed_means_seed_zero():
    assert _drawn().flat.tobytes() == _drawn(0).flat.tobytes()
    assert network_from_dict(_doc(weights=None, thresholds=None), "x").seed is None


def test_init_range_bounds_the_drawn_values():
    p = _drawn(5, init_range=0.01).flat
    assert np.all(np.abs(p) <= 0.01)
    assert np.any(p != 0.0)


def test_explicit_weights_are_kept_when_thresholds_are_drawn():
    doc = _doc(thresholds=None, seed=11)
    net1 = network_from_dict(doc, "a").network
    net2 = network_from_dict(copy.deepcopy(doc), "b").network
    net3 = network_from_dict(_doc(thresholds=None, seed=12), "c").network
    for k in range(2):
        assert net1.weights[k].tolist() == EXAMPLE["weights"][k]
        assert net3.weights[k].tolist() == EXAMPLE["weights"][k]
        assert net1.thresholds[k].tobytes() == net2.thresholds[k].tobytes()
    # drawn, not the example's (and not zero), and dependent on the seed
    assert net1.thresholds[0].tolist() != EXAMPLE["thresholds"][0]
    assert not np.array_equal(np.concatenate(net1.thresholds), np.concatenate(net3.thresholds))


def test_explicit_thresholds_are_kept_when_weights_are_drawn():
    net = network_from_dict(_doc(weights=None, seed=2), "a").network
    assert [t.tolist() for t in net.thresholds] == EXAMPLE["thresholds"]
    assert net.weights[0].tolist() != EXAMPLE["weights"][0]


# ---------------------------------------------------------------------------
# bad input: each names the file and the key (or line and column)
# ---------------------------------------------------------------------------


def test_invalid_json_names_line_and_column(tmp_path):
    lines = [
        '{"format": "bpgui.network",',
        ' "version": 1,',
        ' "loss": "squared_error",',
        ' "layers": [{"units": 2} {"units": 1}]',  # missing comma on line 4
        "}",
    ]
    path = _write(tmp_path, "\n".join(lines) + "\n")
    message = _load_error(path)
    column = lines[3].index('{"units": 1}') + 1  # 1-based column of the unexpected "{"
    assert re.search(r"\bline 4\b", message), message
    assert re.search(rf"\bcolumn {column}\b", message), message


def test_truncated_json_names_the_last_line(tmp_path):
    path = _write(tmp_path, '{\n "format": "bpgui.network",\n "version": ')
    message = _load_error(path)
    assert re.search(r"\bline 3\b", message), message


def test_empty_file_is_refused(tmp_path):
    _load_error(_write(tmp_path, ""))


def test_missing_file(tmp_path):
    path = tmp_path / "does-not-exist.json"
    message = _load_error(path)
    assert "no such file" in message.lower()


def test_non_utf8_bytes(tmp_path):
    raw = EXAMPLE_TEXT.encode("utf-8")
    offset = raw.index(b"sigmoid")
    path = _write(tmp_path, raw[:offset] + b"\xff\xfe" + raw[offset:])
    message = _load_error(path)
    assert "utf-8" in message.lower()
    assert str(offset) in message  # where the bad byte is


def test_a_directory_is_not_a_network_file(tmp_path):
    (tmp_path / "dir.json").mkdir()
    _load_error(tmp_path / "dir.json")


BAD_DOCUMENTS = [
    # (id, document, offending key)
    ("top-level array", [EXAMPLE], "(top level)"),
    ("wrong format", _doc(format="bpgui.net"), "format"),
    ("missing format", _doc(format=None), "format"),
    ("wrong version", _doc(version=2), "version"),
    ("version as text", _doc(version="1"), "version"),
    ("missing version", _doc(version=None), "version"),
    ("unknown top-level key", _doc(learningrate=0.5), "learningrate"),
    ("layers not a list", _doc(layers={"units": 2}), "layers"),
    ("layers missing", _doc(layers=None, weights=None, thresholds=None), "layers"),
    ("one layer", _doc(layers=[{"units": 2}], weights=None, thresholds=None), "layers"),
    ("layer not an object", _doc(layers=[2, {"units": 2}, {"units": 2}]), "layers[0]"),
    ("units 0", _doc(layers=[{"units": 2}, {"units": 0}, {"units": 2}]), "layers[1].units"),
    ("units negative", _doc(layers=[{"units": 2}, {"units": 2}, {"units": -2}]), "layers[2].units"),
    ("units as text", _doc(layers=[{"units": "2"}, {"units": 2}, {"units": 2}]), "layers[0].units"),
    ("units true", _doc(layers=[{"units": 2}, {"units": True}, {"units": 2}]), "layers[1].units"),
    ("units 2.0", _doc(layers=[{"units": 2}, {"units": 2.0}, {"units": 2}]), "layers[1].units"),
    ("units missing", _doc(layers=[{"units": 2}, {"activation": "sigmoid"}, {"units": 2}]), "layers[1].units"),
    ("unknown layer key", _doc(layers=[{"units": 2}, {"units": 2, "bias": 1}, {"units": 2}]), "layers[1].bias"),
    (
        "activation on the input layer",
        _doc(layers=[{"units": 2, "activation": "sigmoid"}, {"units": 2}, {"units": 2}]),
        "layers[0].activation",
    ),
    (
        "unknown activation",
        _doc(layers=[{"units": 2}, {"units": 2, "activation": "softmax"}, {"units": 2}]),
        "layers[1].activation",
    ),
    ("unknown loss", _doc(loss="hinge"), "loss"),
    (
        "cross_entropy with a tanh output",
        _doc(loss="cross_entropy", layers=[{"units": 2}, {"units": 2}, {"units": 2, "activation": "tanh"}]),
        "loss",
    ),
    (
        "cross_entropy with a linear output",
        _doc(loss="cross_entropy", layers=[{"units": 2}, {"units": 2}, {"units": 2, "activation": "linear"}]),
        "loss",
    ),
    ("weights not a list", _doc(weights={"0": []}), "weights"),
    ("one weight matrix too few", _doc(weights=EXAMPLE["weights"][:1]), "weights"),
    ("one weight matrix too many", _doc(weights=EXAMPLE["weights"] * 2), "weights"),
    ("three rows instead of two", _doc(weights=[[[0.1, 0.2]] * 3, EXAMPLE["weights"][1]]), "weights[0]"),
    ("one row instead of two", _doc(weights=[EXAMPLE["weights"][0], [[0.4, 0.5]]]), "weights[1]"),
    ("row too long", _doc(weights=[EXAMPLE["weights"][0], [[0.4, 0.5, 0.6], [0.45, 0.55]]]), "weights[1][0]"),
    ("row too short", _doc(weights=[[[0.15, 0.25], [0.2]], EXAMPLE["weights"][1]]), "weights[0][1]"),
    ("row not a list", _doc(weights=[[[0.15, 0.25], 0.2], EXAMPLE["weights"][1]]), "weights[0][1]"),
    ("string weight", _doc(weights=[[[0.15, 0.25], ["0.2", 0.3]], EXAMPLE["weights"][1]]), "weights[0][1][0]"),
    ("boolean weight", _doc(weights=[[[0.15, 0.25], [0.2, 0.3]], [[0.4, 0.5], [0.45, True]]]), "weights[1][1][1]"),
    ("null weight", _doc(weights=[[[None, 0.25], [0.2, 0.3]], EXAMPLE["weights"][1]]), "weights[0][0][0]"),
    ("nan weight (dict)", _doc(weights=[[[0.15, 0.25], [math.nan, 0.3]], EXAMPLE["weights"][1]]), "weights[0][1][0]"),
    ("inf weight (dict)", _doc(weights=[[[0.15, 0.25], [math.inf, 0.3]], EXAMPLE["weights"][1]]), "weights[0][1][0]"),
    ("huge integer weight", _doc(weights=[[[0.15, 0.25], [10**400, 0.3]], EXAMPLE["weights"][1]]), "weights[0][1][0]"),
    ("thresholds not a list", _doc(thresholds=0.5), "thresholds"),
    ("one threshold list too few", _doc(thresholds=[[-0.35, -0.35]]), "thresholds"),
    ("thresholds too short", _doc(thresholds=[[-0.35, -0.35], [-0.6]]), "thresholds[1]"),
    ("thresholds too long", _doc(thresholds=[[-0.35, -0.35, 0.0], [-0.6, -0.6]]), "thresholds[0]"),
    ("string threshold", _doc(thresholds=[[-0.35, "x"], [-0.6, -0.6]]), "thresholds[0][1]"),
    ("learning_rate zero", _doc(learning_rate=0), "learning_rate"),
    ("learning_rate negative", _doc(learning_rate=-0.5), "learning_rate"),
    ("learning_rate text", _doc(learning_rate="0.5"), "learning_rate"),
    ("learning_rate true", _doc(learning_rate=True), "learning_rate"),
    ("seed negative", _doc(seed=-1), "seed"),
    ("seed float", _doc(seed=1.5), "seed"),
    ("unknown init", _doc(init="normal"), "init"),
    ("init_range zero", _doc(init_range=0), "init_range"),
]


@pytest.mark.parametrize("doc, key", [(d, k) for _, d, k in BAD_DOCUMENTS], ids=[i for i, _, _ in BAD_DOCUMENTS])
def test_bad_document_names_file_and_key(tmp_path, doc, key):
    # dicts holding NaN/inf/huge ints cannot always be written as strict JSON:
    # those are checked through network_from_dict with the file name as source.
    try:
        text = json.dumps(doc, allow_nan=False)
    except ValueError:
        with pytest.raises(NetworkFileError) as info:
            network_from_dict(doc, "some/file.json")
        message = str(info.value)
        assert "some/file.json" in message
    else:
        message = _load_error(_write(tmp_path, text))
    assert _names_key(message, key), f"{key!r} not named in {message!r}"


def test_huge_number_literal_names_the_key(tmp_path):
    # 1e999 is valid JSON syntax but overflows to infinity
    text = json.dumps(EXAMPLE).replace("0.2,", "1e999,", 1)
    assert "1e999" in text
    message = _load_error(_write(tmp_path, text))
    assert _names_key(message, "weights[0][1][0]"), message


def test_string_weight_in_a_file_names_the_key(tmp_path):
    text = json.dumps(EXAMPLE).replace("0.2,", '"0.2",', 1)
    message = _load_error(_write(tmp_path, text))
    assert _names_key(message, "weights[0][1][0]"), message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_constant_in_a_file_names_key_or_position(tmp_path, constant):
    lines = json.dumps(EXAMPLE, indent=1).splitlines()
    # put the constant on a known line: the first entry of weights[0][1] is "0.2,"
    target = next(n for n, line in enumerate(lines) if line.strip() == "0.2,")
    lines[target] = lines[target].replace("0.2", constant)
    message = _load_error(_write(tmp_path, "\n".join(lines)))
    names_key = _names_key(message, "weights[0][1][0]")
    names_position = re.search(rf"\bline {target + 1}\b", message) is not None
    assert names_key or names_position, message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize(
    "placeholder_doc, key",
    [
        (_doc(learning_rate="@"), "learning_rate"),
        (_doc(init_range="@"), "init_range"),
        (_doc(seed="@"), "seed"),
        (_doc(thresholds=[[-0.35, -0.35], ["@", -0.6]]), "thresholds[1][0]"),
        (_doc(layers=[{"units": 2}, {"units": "@"}, {"units": 2}]), "layers[1].units"),
    ],
    ids=["learning_rate", "init_range", "seed", "threshold", "units"],
)
def test_non_finite_constant_anywhere_is_refused_by_key(tmp_path, constant, placeholder_doc, key):
    text = json.dumps(placeholder_doc).replace('"@"', constant)
    assert constant in text
    message = _load_error(_write(tmp_path, text))
    assert _names_key(message, key), message


@pytest.mark.parametrize("version", [True, 1.5, "1", [1], None])
def test_version_must_be_the_integer_one(version):
    doc = _doc(version=version) if version is not None else _doc(version=None)
    with pytest.raises(NetworkFileError) as info:
        network_from_dict(doc, "v.json")
    assert _names_key(str(info.value), "version")


def test_deeply_nested_json_is_a_network_file_error(tmp_path):
    depth = 100_000
    message = _load_error(_write(tmp_path, "[" * depth + "]" * depth))
    assert message


def test_refusal_changes_nothing_and_is_a_bpgui_error(tmp_path):
    assert issubclass(NetworkFileError, BpguiError)
    doc = _doc(units=3)
    before = copy.deepcopy(doc)
    with pytest.raises(BpguiError):
        network_from_dict(doc, "x")
    assert doc == before


# ---------------------------------------------------------------------------
# atomic saves
# ---------------------------------------------------------------------------


def _example_network() -> Network:
    return network_from_dict(copy.deepcopy(EXAMPLE), "example").network


def test_save_into_a_missing_directory_raises_and_creates_nothing(tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "net.json"
    with pytest.raises(BpguiError) as info:
        save_network(target, _example_network())
    assert os.fspath(target) in str(info.value)
    assert not (tmp_path / "no").exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_rename_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "net.json"
    original = b'{"old": "contents"}\n'
    target.write_bytes(original)

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileformat.os, "replace", refuse)
    with pytest.raises(BpguiError) as info:
        save_network(target, _example_network(), learning_rate=0.5)
    assert os.fspath(target) in str(info.value)
    monkeypatch.undo()
    assert target.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.json"]
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_failure_during_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "net.json"
    original = b"previous\n"
    target.write_bytes(original)

    def broken_fsync(fd):
        raise RuntimeError("simulated crash after writing, before rename")

    monkeypatch.setattr(fileformat.os, "fsync", broken_fsync)
    with pytest.raises(RuntimeError):
        save_network(target, _example_network())
    monkeypatch.undo()
    assert target.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.json"]


def test_successful_save_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "net.json"
    target.write_text("stale", encoding="utf-8")
    save_network(target, _example_network(), learning_rate=0.5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.json"]
    assert json.loads(target.read_text(encoding="utf-8")) == EXAMPLE


# ---------------------------------------------------------------------------
# no code execution when reading
# ---------------------------------------------------------------------------


