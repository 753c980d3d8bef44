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

Limits (the model's, the same on every path): at most ``MAX_HIDDEN_LAYERS``
(100) hidden layers and ``MAX_PARAMETERS`` (5,000,000) weights and
thresholds, ``init_range`` at most ``MAX_INIT_RANGE`` (1e6). Anything a
document holds, of any type or size, is either a network or a
``NetworkFileError`` naming its key; nothing else is raised.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .activations import ACTIVATIONS, LOSSES
from .atomic import write_text_atomically
from .errors import QT_TRANSLATE_NOOP, BpguiError, NetworkFileError
from .network import (
    INITIALISATIONS,
    MAX_HIDDEN_LAYERS,
    MAX_INIT_RANGE,
    MAX_PARAMETERS,
    Network,
    parameter_count,
)

FORMAT = "bpgui.network"
VERSION = 1
_KEYS = {"format", "version", "layers", "weights", "thresholds", "loss", "learning_rate", "seed", "init", "init_range"}


#: Integers longer than this are read as ``_HugeNumber`` instead of ``int``:
#: Python refuses to convert more than 4,300 digits (a ValueError that named
#: no key), and no valid key needs more than a few.
_MAX_DIGITS = 4300


class _HugeNumber:
    """An integer literal too long to be worth converting; every key refuses it by name."""

    def __init__(self, digits: str) -> None:
        self.digits = len(digits.lstrip("-"))

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"


def _parse_int(text: str) -> int | _HugeNumber:
    if len(text) > _MAX_DIGITS:
        return _HugeNumber(text)
    try:
        return int(text)
    except ValueError:  # a lower limit set with sys.set_int_max_str_digits
        return _HugeNumber(text)


@dataclass(frozen=True)
class NetworkFile:
    """What a network file holds: the network and the learning rate it suggests."""

    network: Network
    learning_rate: float | None = None
    seed: int | None = None


def _number(source: str, key: str, value: Any) -> float:
    if isinstance(value, _HugeNumber):
        number = math.inf
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a number, got {got}"),
            source=source, key=key, got=_describe(value),
        )
    else:
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
    if not math.isfinite(number):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a finite number, got {got}"),
            source=source, key=key, got=_describe(value),
        )
    return number


_PLAIN = frozenset((int, float))  # (bool, _HugeNumber and anything else: read one by one, which names them)


def _plain(rows: list[Any], cols: int) -> np.ndarray | None:
    """``rows`` (lists of ``cols`` numbers) as an array at once, when every value is a plain finite number:
    what reading them one by one gives, without naming each (a 10⁶-parameter file: 1.2 s of 1.7). None: read
    them one by one (that finds and names what is wrong)."""
    types: set[type] = set()
    for row in rows:
        if type(row) is not list or len(row) != cols:
            return None
        types.update(map(type, row))
    if not types <= _PLAIN:
        return None
    try:
        array = np.array(rows, dtype=np.float64).reshape(len(rows), cols)
    except OverflowError:  # an integer too large for a float
        return None
    return array if np.isfinite(array).all() else None


def _matrix(source: str, key: str, value: Any, rows: int, cols: int) -> ArrayLike:
    if isinstance(value, list) and len(value) == rows and (fast := _plain(value, cols)) is not None:
        return fast
    if not isinstance(value, list) or len(value) != rows:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{source}: {key}: expected a list of {rows} rows (one per unit of the layer before), got {got}",
            ),
            source=source, key=key, rows=rows, got=_describe(value),
        )
    out = []
    for i, row in enumerate(value):
        if not isinstance(row, list) or len(row) != cols:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{source}: {key}: expected a list of {columns} numbers (one per unit of the next layer), got {got}",
                ),
                source=source, key=f"{key}[{i}]", columns=cols, got=_describe(row),
            )
        out.append([_number(source, f"{key}[{i}][{j}]", v) for j, v in enumerate(row)])
    return out


def _vector(source: str, key: str, value: Any, n: int) -> ArrayLike:
    if isinstance(value, list) and len(value) == n and (fast := _plain([value], n)) is not None:
        return fast[0]
    if not isinstance(value, list) or len(value) != n:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a list of {count} numbers, got {got}"),
            source=source, key=key, count=n, got=_describe(value),
        )
    return [_number(source, f"{key}[{j}]", v) for j, v in enumerate(value)]


def _describe(value: Any) -> str:
    """``value`` as a message shows it: short, and never an exception of its own."""
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, _HugeNumber):
        return repr(value)
    if isinstance(value, dict):
        return f"an object of {len(value)} keys" if len(value) > 8 else _dumped(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        try:
            return f"<a number of {len(str(abs(value)))} digits>"
        except ValueError:  # past Python's int-to-text limit
            return f"<a number of about {int(value.bit_length() * 0.30103) + 1} digits>"
    return _dumped(value)


def _dumped(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)[:60]
    except (TypeError, ValueError, RecursionError):  # not JSON (a caller's own object), or nested too deeply
        return type(value).__name__


def network_from_dict(data: Any, source: str = "network") -> NetworkFile:
    """Validate a parsed network document; ``source`` prefixes every message."""
    if not isinstance(data, dict):
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a JSON object"), source=source, key="(top level)"
        )
    unknown = sorted(str(k) for k in set(data) - _KEYS)
    if unknown:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: unknown key (allowed: {allowed})"),
            source=source, key=unknown[0], allowed=", ".join(sorted(_KEYS)),
        )
    if data.get("format") != FORMAT:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected {expected}, got {got}"),
            source=source, key="format", expected=repr(FORMAT), got=_describe(data.get("format")),
        )
    version = data.get("version")
    if isinstance(version, bool) or version != VERSION:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: this bpgui reads version {version}, got {got}"),
            source=source, key="version", version=VERSION, got=_describe(data.get("version")),
        )
    layers = data.get("layers")
    if not isinstance(layers, list) or len(layers) < 2:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a list of at least 2 layers (input and output)"),
            source=source, key="layers",
        )
    if len(layers) - 2 > MAX_HIDDEN_LAYERS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{source}: {key}: a network with {count} hidden layers is too deep; bpgui handles at most {limit}",
            ),
            source=source, key="layers", count=f"{len(layers) - 2:,}", limit=MAX_HIDDEN_LAYERS,
        )
    sizes, activations = [], []
    for k, layer in enumerate(layers):
        key = f"layers[{k}]"
        if not isinstance(layer, dict):
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "Errors", '{source}: {key}: expected an object such as {{"units": 2, "activation": "sigmoid"}}'
                ),
                source=source, key=key,
            )
        extra = sorted(str(k) for k in set(layer) - {"units", "activation"})
        if extra:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("Errors", "{source}: {key}: unknown key (allowed: units, activation)"),
                source=source, key=f"{key}.{extra[0]}",
            )
        units = layer.get("units")
        if isinstance(units, _HugeNumber) or (isinstance(units, int) and units > MAX_PARAMETERS):
            # A layer this wide cannot fit under the parameter limit (each unit has a threshold).
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected at most {limit}, got {got}"),
                source=source, key=f"{key}.units", limit=f"{MAX_PARAMETERS:,}", got=_describe(units),
            )
        if isinstance(units, bool) or not isinstance(units, int) or units < 1:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a positive whole number, got {got}"),
                source=source, key=f"{key}.units", got=_describe(units),
            )
        sizes.append(units)
        if k == 0:
            if "activation" in layer:
                raise NetworkFileError(
                    QT_TRANSLATE_NOOP("Errors", "{source}: {key}: the input layer has no activation"),
                    source=source, key=f"{key}.activation",
                )
            continue
        act = layer.get("activation", "sigmoid")
        if not isinstance(act, str) or act not in ACTIVATIONS:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected one of {allowed}, got {got}"),
                source=source, key=f"{key}.activation", allowed=", ".join(ACTIVATIONS), got=_describe(act),
            )
        activations.append(act)
    count = parameter_count(sizes)
    if count > MAX_PARAMETERS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{source}: {key}: a {shape} network has {count} parameters; bpgui handles at most {limit}: "
                "use fewer units",
            ),
            source=source, key="layers", shape="-".join(map(str, sizes)), count=f"{count:,}",
            limit=f"{MAX_PARAMETERS:,}",
        )
    loss = data.get("loss", "squared_error")
    if not isinstance(loss, str) or loss not in LOSSES:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected one of {allowed}, got {got}"),
            source=source, key="loss", allowed=", ".join(LOSSES), got=_describe(loss),
        )
    if loss == "cross_entropy" and activations[-1] != "sigmoid":
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: cross_entropy needs a sigmoid output layer"),
            source=source, key="loss",
        )
    learning_rate = None
    if "learning_rate" in data:
        learning_rate = _number(source, "learning_rate", data["learning_rate"])
        if learning_rate <= 0:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a positive number, got {got}"),
                source=source, key="learning_rate", got=str(learning_rate),
            )
    seed = data.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a whole number ≥ 0, got {got}"),
            source=source, key="seed", got=_describe(seed),
        )
    init = data.get("init", "uniform")
    if not isinstance(init, str) or init not in INITIALISATIONS:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected one of {allowed}, got {got}"),
            source=source, key="init", allowed=", ".join(INITIALISATIONS), got=_describe(init),
        )
    init_range = _number(source, "init_range", data.get("init_range", 1.0))
    if init_range <= 0:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected a positive number"), source=source, key="init_range"
        )
    if init_range > MAX_INIT_RANGE:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("Errors", "{source}: {key}: expected at most {limit}, got {got}"),
            source=source, key="init_range", limit=f"{MAX_INIT_RANGE:g}", got=_describe(data.get("init_range")),
        )

    n_links = len(sizes) - 1
    drawn = Network.initialise(sizes, activations=activations, loss=loss, seed=seed, init=init, init_range=init_range)
    weights: list[ArrayLike] = list(drawn.weights)
    thresholds: list[ArrayLike] = list(drawn.thresholds)
    if "weights" in data:
        w = data["weights"]
        if not isinstance(w, list) or len(w) != n_links:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{source}: {key}: expected a list of {count} matrices (one per layer after the input), got {got}",
                ),
                source=source, key="weights", count=n_links, got=_describe(w),
            )
        weights = [_matrix(source, f"weights[{k}]", w[k], sizes[k], sizes[k + 1]) for k in range(n_links)]
    if "thresholds" in data:
        t = data["thresholds"]
        if not isinstance(t, list) or len(t) != n_links:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{source}: {key}: expected a list of {count} lists (one per layer after the input), got {got}",
                ),
                source=source, key="thresholds", count=n_links, got=_describe(t),
            )
        thresholds = [_vector(source, f"thresholds[{k}]", t[k], sizes[k + 1]) for k in range(n_links)]
    network = Network.from_arrays(sizes, activations, weights, thresholds, loss)
    return NetworkFile(network, learning_rate, seed if "seed" in data else None)


_TOO_DEEP = QT_TRANSLATE_NOOP("Errors", "{file}: nested too deeply to be a network file")


def read_json_document(path: str | os.PathLike[str], error: type[BpguiError] = NetworkFileError,
                       deep: str = _TOO_DEEP) -> Any:
    """A JSON file parsed (NaN and Infinity parse to floats: the caller's validation names their key);
    ``error`` names the file, and the line and column of bad JSON; ``deep`` is the message of a nesting
    too deep to parse."""
    name = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise error(QT_TRANSLATE_NOOP("Errors", "{file}: no such file"), file=name) from None
    except UnicodeDecodeError as exc:
        raise error(QT_TRANSLATE_NOOP("Errors", "{file}: not UTF-8 text (byte {byte})"), file=name,
                    byte=exc.start) from None
    except OSError as exc:
        raise error(QT_TRANSLATE_NOOP("Errors", "{file}: cannot be read ({reason})"), file=name,
                    reason=str(exc.strerror)) from None
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise error(
            QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: not valid JSON ({reason})"),
            file=name, line=exc.lineno, column=exc.colno, reason=exc.msg,
        ) from None
    except RecursionError:
        raise error(deep, file=name) from None


def load_network(path: str | os.PathLike[str]) -> NetworkFile:
    """Read and validate a network file; ``NetworkFileError`` names file, line/column or key."""
    return network_from_dict(read_json_document(path), os.fspath(path))


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


def save_network(
    path: str | os.PathLike[str], network: Network, learning_rate: float | None = None, seed: int | None = None
) -> None:
    """Write the network atomically: a temporary file beside ``path``, then a rename."""
    text = json.dumps(network_to_dict(network, learning_rate, seed), indent=1, ensure_ascii=False, allow_nan=False)
    write_text_atomically(path, text + "\n")
