"""A feed-forward network's structure and parameters, and its forward pass.

Layer k (1-based over the layers after the input) computes, for a batch of
row vectors ``a`` from layer k − 1::

    net    = a @ weights[k−1]            (α_h = Σ_i v_ih x_i,  β_j = Σ_h w_hj b_h)
    output = f(net − thresholds[k−1])    (b_h = f(α_h − γ_h),  ŷ_j = f(β_j − θ_j))

``weights[k][i][j]`` links unit i of layer k to unit j of layer k + 1, as in
the network file. A ``Network`` is a value: its arrays are read-only and an
update makes a new ``Network`` (cheaply, sharing the structure), which is
what lets the history keep any earlier state by reference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import NoReturn

import numpy as np
from numpy.typing import ArrayLike

from .activations import ACTIVATIONS, LOSSES, Activation, unknown_loss
from .errors import QT_TRANSLATE_NOOP, ConfigError
from .seeding import INIT, rng_for

INITIALISATIONS = ("uniform", "xavier")
DEFAULT_INIT_RANGE = 0.5
#: The largest ``init_range``: a weight of a million already saturates every
#: sigmoid, and U(−r, r) cannot even be drawn once 2r overflows a float.
MAX_INIT_RANGE = 1e6
#: One limit on every path (settings panel, command line, network files): a
#: network larger than this would take seconds and gigabytes to build.
MAX_PARAMETERS = 5_000_000
#: The deepest network bpgui builds: a hundred hidden layers is far beyond
#: what a learner can follow phase by phase, and every deeper file was a hang.
MAX_HIDDEN_LAYERS = 100


def frozen(array: np.ndarray) -> np.ndarray:
    """Mark ``array`` read-only and return it (records and parameters are never written)."""
    array.setflags(write=False)
    return array


class Network:
    """Structure plus one flat, read-only parameter vector.

    ``flat`` holds every parameter in the canonical order of
    ``naming.parameter_specs`` (layer by layer: the weights row by row, then
    the thresholds); ``weights[k]`` and ``thresholds[k]`` are read-only views
    into it. One vector makes an update a single operation and gives the
    gradient table its columns without copying.
    """

    __slots__ = ("_functions", "_layout", "_views", "activations", "flat", "layer_sizes", "loss")

    layer_sizes: tuple[int, ...]  # (d, q, l) for the note's network
    activations: tuple[str, ...]  # one per layer after the input
    loss: str
    flat: np.ndarray  # every parameter, canonical order, read-only
    _views: tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]] | None  # weights, thresholds: made when first read
    _functions: tuple[Activation, ...]
    _layout: tuple[tuple[int, int, int], ...]

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activations: Sequence[str] | str,
        flat: np.ndarray | Sequence[float],
        loss: str = "squared_error",
    ) -> None:
        sizes = tuple(
            int(n) if not isinstance(n, bool) and isinstance(n, (int, np.integer)) else n for n in layer_sizes
        )
        acts = _expand_activations(activations, len(sizes) - 1)
        validate_structure(sizes, acts, loss)
        layout = _layout(sizes)
        flat = np.array(flat, dtype=np.float64).reshape(-1)
        if flat.shape[0] != layout[-1][-1]:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "{structure} has {expected} parameters, got {got}"),
                structure="-".join(map(str, sizes)), expected=layout[-1][-1], got=flat.shape[0],
            )
        _set = object.__setattr__
        _set(self, "layer_sizes", sizes)
        _set(self, "activations", acts)
        _set(self, "loss", loss)
        _set(self, "_functions", tuple(ACTIVATIONS[a] for a in acts))
        _set(self, "_layout", layout)
        self._set_flat(frozen(flat))

    def _set_flat(self, flat: np.ndarray) -> None:
        object.__setattr__(self, "flat", flat)
        object.__setattr__(self, "_views", None)

    def _make_views(self) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        # Made on first read: a tiny network's training step reads only ``flat``.
        weights, thresholds = [], []
        sizes, flat = self.layer_sizes, self.flat
        for k, (w0, t0, t1) in enumerate(self._layout):
            weights.append(flat[w0:t0].reshape(sizes[k], sizes[k + 1]))
            thresholds.append(flat[t0:t1])
        views = (tuple(weights), tuple(thresholds))
        object.__setattr__(self, "_views", views)
        return views

    @property
    def weights(self) -> tuple[np.ndarray, ...]:
        """``weights[k][i][j]``, read-only views into ``flat``."""
        return (self._views or self._make_views())[0]

    @property
    def thresholds(self) -> tuple[np.ndarray, ...]:
        """``thresholds[k][j]``, read-only views into ``flat``."""
        return (self._views or self._make_views())[1]

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("a Network is immutable; make a new one with with_flat or with_parameter")

    def __reduce__(self) -> tuple[type[Network], tuple[object, ...]]:
        # Copied between processes (the controller's worker) by rebuilding it, since it is immutable.
        return Network, (self.layer_sizes, self.activations, self.flat, self.loss)

    def __repr__(self) -> str:
        return f"Network({'-'.join(map(str, self.layer_sizes))}, {'/'.join(self.activations)}, {self.loss})"

    # ---- construction -------------------------------------------------
    @classmethod
    def initialise(
        cls,
        layer_sizes: Sequence[int],
        *,
        activations: Sequence[str] | str = "sigmoid",
        loss: str = "squared_error",
        seed: int = 0,
        init: str = "uniform",
        init_range: float = DEFAULT_INIT_RANGE,
    ) -> Network:
        """A network with seeded random parameters.

        ``uniform``: every weight and threshold from U(−r, r), r = ``init_range``.
        ``xavier`` (Glorot uniform): weights from U(−a, a), a = √(6/(fan_in + fan_out)),
        thresholds 0.
        """
        sizes = tuple(layer_sizes)
        acts = _expand_activations(activations, len(sizes) - 1)
        validate_structure(sizes, acts, loss)
        if init not in INITIALISATIONS:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "init must be one of {allowed}, got {got}"),
                allowed=", ".join(INITIALISATIONS), got=repr(init),
            )
        r = _real(init_range)
        if not r > 0:  # also NaN, and anything that is not a number
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "init_range must be a positive number, got {got}"), got=_short(init_range)
            )
        if r > MAX_INIT_RANGE:  # also infinity and integers too large for a float
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "init_range must be at most {limit}, got {got}"),
                limit=f"{MAX_INIT_RANGE:g}", got=_short(init_range),
            )
        init_range = r
        rng = rng_for(seed, INIT)
        weights, thresholds = [], []
        for n_in, n_out in pairwise(sizes):
            if init == "uniform":
                weights.append(rng.uniform(-init_range, init_range, (n_in, n_out)))
                thresholds.append(rng.uniform(-init_range, init_range, n_out))
            else:
                a = np.sqrt(6.0 / (n_in + n_out))
                weights.append(rng.uniform(-a, a, (n_in, n_out)))
                thresholds.append(np.zeros(n_out))
        return cls.from_arrays(sizes, acts, weights, thresholds, loss)

    @classmethod
    def from_arrays(
        cls,
        layer_sizes: Sequence[int],
        activations: Sequence[str] | str,
        weights: Sequence[ArrayLike],
        thresholds: Sequence[ArrayLike],
        loss: str = "squared_error",
    ) -> Network:
        """Build from per-layer arrays or nested lists (copied, float64, read-only)."""
        sizes = tuple(layer_sizes)
        n = len(sizes) - 1
        if len(weights) != n or len(thresholds) != n:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "one weight matrix and one threshold vector are needed per layer after the input",
                )
            )
        parts = []
        for k, (w_given, t_given) in enumerate(zip(weights, thresholds)):
            w, t = np.asarray(w_given, dtype=np.float64), np.asarray(t_given, dtype=np.float64)
            expected = (sizes[k], sizes[k + 1])
            if w.shape != expected or t.shape != expected[1:]:
                raise ConfigError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "layer {layer}: weights {weights} / thresholds {thresholds} do not fit sizes {expected}",
                    ),
                    layer=k + 1, weights=str(w.shape), thresholds=str(t.shape), expected=str(expected),
                )
            parts += [w.ravel(), t]
        return cls(sizes, activations, np.concatenate(parts), loss)

    def with_flat(self, flat: np.ndarray) -> Network:
        """The same structure with a new (already read-only, right-sized) parameter vector."""
        net = object.__new__(Network)
        _set = object.__setattr__  # written out: a tiny network's step makes one network per iteration
        _set(net, "layer_sizes", self.layer_sizes)
        _set(net, "activations", self.activations)
        _set(net, "loss", self.loss)
        _set(net, "_functions", self._functions)
        _set(net, "_layout", self._layout)
        _set(net, "flat", flat)
        _set(net, "_views", None)
        return net

    def with_parameter(self, layer: int, kind: str, source: int | None, target: int, value: float) -> Network:
        """A copy with one parameter (1-based layer/units, as in ``naming``) set to ``value``."""
        if not np.isfinite(value):
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "a parameter must be a finite number, got {got}"), got=repr(value)
            )
        if not 1 <= layer <= self.n_layers or not 1 <= target <= self.layer_sizes[layer]:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "there is no unit {unit} in layer {layer}"), unit=target, layer=layer
            )
        w0, t0, _ = self._layout[layer - 1]
        if kind == "weight":
            if source is None or not 1 <= source <= self.layer_sizes[layer - 1]:
                raise ConfigError(
                    QT_TRANSLATE_NOOP("Errors", "there is no unit {unit} in layer {layer}"),
                    unit=source, layer=layer - 1,
                )
            index = w0 + (source - 1) * self.layer_sizes[layer] + (target - 1)
        elif kind == "threshold":
            index = t0 + target - 1
        else:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "kind must be 'weight' or 'threshold', got {got}"), got=repr(kind)
            )
        flat = self.flat.copy()
        flat[index] = value
        return self.with_flat(frozen(flat))

    # ---- queries --------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """Layers after the input (the note's d-q-l network has 2)."""
        return len(self.layer_sizes) - 1

    @property
    def n_parameters(self) -> int:
        """``Σ_k (n_k + 1)·n_{k+1}``; for d-q-l this is the note's ``(d + l + 1)·q + l``."""
        return int(self.flat.shape[0])

    @property
    def layout(self) -> tuple[tuple[int, int, int], ...]:
        """Per layer, offsets into ``flat``: (weights start, thresholds start, end)."""
        return self._layout

    @property
    def functions(self) -> tuple[Activation, ...]:
        return self._functions

    def forward(self, inputs: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
        """Forward pass of a batch ``(m, d)``: per layer ``net`` and ``output``, and the last ``net − threshold``."""
        nets, outputs = [], []
        a = z = inputs
        for w, t, f in zip(self.weights, self.thresholds, self._functions):
            net = a @ w
            z = net - t
            a = f.function(z)
            nets.append(net)
            outputs.append(a)
        return nets, outputs, z

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore"):
            return self.forward(np.atleast_2d(np.asarray(inputs, dtype=np.float64)))[1][-1]


def _real(value: object) -> float:
    """``value`` as a float (∞ if too large for one), or NaN if it is not a real number."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        return math.nan
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _short(value: object) -> str:
    """``repr(value)`` cut to 60 characters (a huge integer's repr could even fail)."""
    if isinstance(value, int) and value.bit_length() > 200:
        return f"~2^{value.bit_length()}" if value > 0 else f"-~2^{value.bit_length()}"
    return repr(value)[:60]


def _layout(sizes: tuple[int, ...]) -> tuple[tuple[int, int, int], ...]:
    out, offset = [], 0
    for n_in, n_out in pairwise(sizes):
        t0 = offset + n_in * n_out
        out.append((offset, t0, t0 + n_out))
        offset = t0 + n_out
    return tuple(out)


def _expand_activations(activations: Sequence[str] | str, n_layers: int) -> tuple[str, ...]:
    if isinstance(activations, str):
        return (activations,) * n_layers
    return tuple(activations)


def validate_structure(layer_sizes: Sequence[int], activations: Sequence[str], loss: str) -> None:
    """Raise ``ConfigError`` naming the first thing wrong with a structure."""
    if len(layer_sizes) < 2:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a network needs an input layer and an output layer"))
    for k, n in enumerate(layer_sizes):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "layer {layer} must have a positive whole number of units, got {got}"),
                layer=k, got=repr(n),
            )
    check_size(layer_sizes)
    if len(activations) != len(layer_sizes) - 1:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Errors", "{expected} activations are needed (one per layer after the input), got {got}"),
            expected=len(layer_sizes) - 1, got=len(activations),
        )
    for k, a in enumerate(activations, start=1):
        if not isinstance(a, str) or a not in ACTIVATIONS:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Errors", "layer {layer}: activation must be one of {allowed}, got {got}"),
                layer=k, allowed=", ".join(ACTIVATIONS), got=repr(a),
            )
    if loss not in LOSSES:
        raise unknown_loss(loss)
    if loss == "cross_entropy" and activations[-1] != "sigmoid":
        raise ConfigError(
            QT_TRANSLATE_NOOP("Errors", "cross-entropy needs a sigmoid output layer (its outputs must lie in (0, 1))")
        )


def parameter_count(sizes: Sequence[int]) -> int:
    """Weights and thresholds of a network with these layer sizes: Σ (n_k + 1)·n_(k+1)."""
    return sum((int(a) + 1) * int(b) for a, b in pairwise(sizes))


def check_size(sizes: Sequence[int]) -> int:
    """The parameter count of a network with these (positive, whole) layer sizes.

    ``ConfigError`` past :data:`MAX_HIDDEN_LAYERS` hidden layers or
    :data:`MAX_PARAMETERS` parameters: the one limit the settings panel, the
    command line and network files all meet.
    """
    hidden = len(sizes) - 2
    if hidden > MAX_HIDDEN_LAYERS:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Errors", "a network with {count} hidden layers is too deep; bpgui handles at most "
                                        "{limit}"),
            count=f"{hidden:,}", limit=MAX_HIDDEN_LAYERS,
        )
    count = parameter_count(sizes)
    if count > MAX_PARAMETERS:
        raise ConfigError(
            QT_TRANSLATE_NOOP("Errors", "a {shape} network has {count} parameters; bpgui handles at most "
                                        "{limit}: use fewer hidden units"),
            shape="-".join(map(str, sizes)), count=f"{count:,}", limit=f"{MAX_PARAMETERS:,}",
        )
    return count


def parse_hidden_sizes(text: str) -> tuple[int, ...]:
    """Hidden layer sizes from text: ``"4"`` → (4,), ``"8,4"``, ``"8 4"``, ``"8, 4"``, ``"8;4"`` → (8, 4), ``""`` → ().

    Sizes are separated by a comma or semicolon (ASCII or full-width ，；、)
    with any spaces around it, or by spaces alone.  An empty entry (two
    separators in a row, or one at either end) or a part that is not a
    positive whole number raises ``ConfigError`` naming it.
    """
    import re  # here, not at the top: this function is all of the parsing in this module

    text = text.strip()
    if not text:
        return ()
    sizes = []
    # One comma or semicolon with optional spaces around it, or spaces alone.
    for part in re.split(r"\s*[,;，；、]\s*|\s+", text):
        if not part:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "hidden layer sizes: there is an empty entry in {text} "
                    "(two separators in a row, or one at the start or end)",
                ),
                text=repr(text),
            )
        if not part.isdecimal() or int(part) < 1:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "hidden layer sizes are positive whole numbers separated by commas or spaces, such as 8,4; "
                    "{part} in {text} is not one",
                ),
                part=repr(part), text=repr(text),
            )
        sizes.append(int(part))
    return tuple(sizes)
