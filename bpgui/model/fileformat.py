"""The network file: JSON, versioned, validated on load, written atomically.

```
{"format": "bpgui.network", "version": 1,
 "layers": [{"units": 2}, {"units": 2, "activation": "sigmoid"}, {"units": 2, "activation": "sigmoid"}],
 "weights": [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
 "thresholds": [[-0.35, -0.35], [-0.60, -0.60]],
 "loss": "squared_error", "learning_rate": 0.5}
```

``weights[k][i][j]`` links unit i of layer k to unit j of layer k + 1 (so
``weights[0][i][h]`` is v_ih); ``thresholds[k][j]`` belongs to unit j of layer
k + 1. ``weights`` and ``thresholds`` may be left out: they are then drawn
from ``seed`` (default 0) with ``init`` (``uniform``/``xavier``). Optional
keys: ``loss`` (default ``squared_error``), ``learning_rate``, ``seed``,
``init``, ``init_range``. Unknown keys are refused, so a typo is never
silently ignored. Every message names the offending key, e.g.
``weights[1][0][2]``. Floats are written with ``repr`` precision, so a save
and a load give back the same bits.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .activations import ACTIVATIONS, LOSSES
from .errors import BpguiError, NetworkFileError
from .network import INITIALISATIONS, Network

FORMAT = "bpgui.network"
VERSION = 1
_KEYS = {"format", "version", "layers", "weights", "thresholds", "loss", "learning_rate", "seed", "init", "init_range"}


@dataclass(frozen=True)
class NetworkFile:
    """What a network file holds: the network and the learning rate it suggests."""

    network: Network
    learning_rate: float | None = None
    seed: int | None = None


def _fail(source: str, key: str, problem: str) -> NetworkFileError:
    return NetworkFileError(f"{source}: {key}: {problem}")


def _number(source: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(source, key, f"expected a number, got {json.dumps(value, ensure_ascii=False)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise _fail(source, key, f"expected a finite number, got {value}")
    return number


def _matrix(source: str, key: str, value: Any, rows: int, cols: int) -> list[list[float]]:
    if not isinstance(value, list) or len(value) != rows:
        raise _fail(source, key, f"expected a list of {rows} rows (one per unit of the layer before), got {_describe(value)}")
    out = []
    for i, row in enumerate(value):
        if not isinstance(row, list) or len(row) != cols:
            raise _fail(source, f"{key}[{i}]", f"expected a list of {cols} numbers (one per unit of the next layer), got {_describe(row)}")
        out.append([_number(source, f"{key}[{i}][{j}]", v) for j, v in enumerate(row)])
    return out


def _vector(source: str, key: str, value: Any, n: int) -> list[float]:
    if not isinstance(value, list) or len(value) != n:
        raise _fail(source, key, f"expected a list of {n} numbers, got {_describe(value)}")
    return [_number(source, f"{key}[{j}]", v) for j, v in enumerate(value)]


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return json.dumps(value, ensure_ascii=False)[:60]


def network_from_dict(data: Any, source: str = "network") -> NetworkFile:
    """Validate a parsed network document; ``source`` prefixes every message."""
    if not isinstance(data, dict):
        raise _fail(source, "(top level)", "expected a JSON object")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(source, unknown[0], f"unknown key (allowed: {', '.join(sorted(_KEYS))})")
    if data.get("format") != FORMAT:
        raise _fail(source, "format", f"expected {FORMAT!r}, got {_describe(data.get('format'))}")
    version = data.get("version")
    if isinstance(version, bool) or version != VERSION:
        raise _fail(source, "version", f"this bpgui reads version {VERSION}, got {_describe(data.get('version'))}")
    layers = data.get("layers")
    if not isinstance(layers, list) or len(layers) < 2:
        raise _fail(source, "layers", "expected a list of at least 2 layers (input and output)")
    sizes, activations = [], []
    for k, layer in enumerate(layers):
        key = f"layers[{k}]"
        if not isinstance(layer, dict):
            raise _fail(source, key, "expected an object such as {\"units\": 2, \"activation\": \"sigmoid\"}")
        extra = sorted(set(layer) - {"units", "activation"})
        if extra:
            raise _fail(source, f"{key}.{extra[0]}", "unknown key (allowed: units, activation)")
        units = layer.get("units")
        if isinstance(units, bool) or not isinstance(units, int) or units < 1:
            raise _fail(source, f"{key}.units", f"expected a positive whole number, got {_describe(units)}")
        sizes.append(units)
        if k == 0:
            if "activation" in layer:
                raise _fail(source, f"{key}.activation", "the input layer has no activation")
            continue
        act = layer.get("activation", "sigmoid")
        if act not in ACTIVATIONS:
            raise _fail(source, f"{key}.activation", f"expected one of {', '.join(ACTIVATIONS)}, got {_describe(act)}")
        activations.append(act)
    loss = data.get("loss", "squared_error")
    if loss not in LOSSES:
        raise _fail(source, "loss", f"expected one of {', '.join(LOSSES)}, got {_describe(loss)}")
    if loss == "cross_entropy" and activations[-1] != "sigmoid":
        raise _fail(source, "loss", "cross_entropy needs a sigmoid output layer")
    learning_rate = None
    if "learning_rate" in data:
        learning_rate = _number(source, "learning_rate", data["learning_rate"])
        if learning_rate <= 0:
            raise _fail(source, "learning_rate", f"expected a positive number, got {learning_rate}")
    seed = data.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise _fail(source, "seed", f"expected a whole number ≥ 0, got {_describe(seed)}")
    init = data.get("init", "uniform")
    if init not in INITIALISATIONS:
        raise _fail(source, "init", f"expected one of {', '.join(INITIALISATIONS)}, got {_describe(init)}")
    init_range = _number(source, "init_range", data.get("init_range", 1.0))
    if init_range <= 0:
        raise _fail(source, "init_range", "expected a positive number")

    n_links = len(sizes) - 1
    drawn = Network.initialise(sizes, activations=activations, loss=loss, seed=seed, init=init, init_range=init_range)
    weights = list(drawn.weights)
    thresholds = list(drawn.thresholds)
    if "weights" in data:
        w = data["weights"]
        if not isinstance(w, list) or len(w) != n_links:
            raise _fail(source, "weights", f"expected a list of {n_links} matrices (one per layer after the input), got {_describe(w)}")
        weights = [_matrix(source, f"weights[{k}]", w[k], sizes[k], sizes[k + 1]) for k in range(n_links)]
    if "thresholds" in data:
        t = data["thresholds"]
        if not isinstance(t, list) or len(t) != n_links:
            raise _fail(source, "thresholds", f"expected a list of {n_links} lists (one per layer after the input), got {_describe(t)}")
        thresholds = [_vector(source, f"thresholds[{k}]", t[k], sizes[k + 1]) for k in range(n_links)]
    network = Network.from_arrays(sizes, activations, weights, thresholds, loss)
    return NetworkFile(network, learning_rate, seed if "seed" in data else None)


def load_network(path: str | os.PathLike) -> NetworkFile:
    """Read and validate a network file; ``NetworkFileError`` names file, line/column or key."""
    name = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise NetworkFileError(f"{name}: no such file") from None
    except UnicodeDecodeError as exc:
        raise NetworkFileError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise NetworkFileError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        # NaN and Infinity literals parse to floats and are then refused by the
        # validation below, which names the key they stand at.
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NetworkFileError(f"{name}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise NetworkFileError(f"{name}: nested too deeply to be a network file") from None
    return network_from_dict(data, name)


def network_to_dict(network: Network, learning_rate: float | None = None, seed: int | None = None) -> dict:
    layers: list[dict] = [{"units": network.layer_sizes[0]}]
    layers += [{"units": n, "activation": a} for n, a in zip(network.layer_sizes[1:], network.activations)]
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "layers": layers,
        "weights": [w.tolist() for w in network.weights],
        "thresholds": [t.tolist() for t in network.thresholds],
        "loss": network.loss,
    }
    if learning_rate is not None:
        doc["learning_rate"] = float(learning_rate)
    if seed is not None:
        doc["seed"] = int(seed)
    return doc


def save_network(path: str | os.PathLike, network: Network, learning_rate: float | None = None, seed: int | None = None) -> None:
    """Write the network atomically: a temporary file beside ``path``, then a rename."""
    text = json.dumps(network_to_dict(network, learning_rate, seed), indent=1, ensure_ascii=False, allow_nan=False)
    write_text_atomically(path, text + "\n")


def write_text_atomically(path: str | os.PathLike, text: str) -> None:
    """Never leave a half-written file: write a sibling temporary file, fsync, rename."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise BpguiError(f"{os.fspath(path)}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise BpguiError(f"{os.fspath(path)}: cannot be written ({exc.strerror})") from None
        raise
