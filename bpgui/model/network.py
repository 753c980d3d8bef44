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

from dataclasses import dataclass, field, replace
from typing import Sequence

import numpy as np

from .activations import ACTIVATIONS, LOSSES, Activation
from .errors import ConfigError
from .seeding import INIT, rng_for

INITIALISATIONS = ("uniform", "xavier")
DEFAULT_INIT_RANGE = 0.5


def frozen(array: np.ndarray) -> np.ndarray:
    """Mark ``array`` read-only and return it (records and parameters are never written)."""
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Network:
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]  # one per layer after the input
    weights: tuple[np.ndarray, ...]  # weights[k]: (layer_sizes[k], layer_sizes[k+1])
    thresholds: tuple[np.ndarray, ...]  # thresholds[k]: (layer_sizes[k+1],)
    loss: str = "squared_error"
    _functions: tuple[Activation, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        validate_structure(self.layer_sizes, self.activations, self.loss)
        for k, (w, t) in enumerate(zip(self.weights, self.thresholds, strict=True)):
            expected = (self.layer_sizes[k], self.layer_sizes[k + 1])
            if w.shape != expected or t.shape != expected[1:]:
                raise ConfigError(
                    f"layer {k + 1}: weights {w.shape} / thresholds {t.shape} do not fit sizes {expected}"
                )
        if len(self.weights) != len(self.layer_sizes) - 1:
            raise ConfigError("one weight matrix is needed per layer after the input")
        object.__setattr__(self, "_functions", tuple(ACTIVATIONS[a] for a in self.activations))

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
    ) -> "Network":
        """A network with seeded random parameters.

        ``uniform``: every weight and threshold from U(−r, r), r = ``init_range``.
        ``xavier`` (Glorot uniform): weights from U(−a, a), a = √(6/(fan_in + fan_out)),
        thresholds 0.
        """
        sizes = tuple(int(n) for n in layer_sizes)
        acts = _expand_activations(activations, len(sizes) - 1)
        validate_structure(sizes, acts, loss)
        if init not in INITIALISATIONS:
            raise ConfigError(f"init must be one of {', '.join(INITIALISATIONS)}, got {init!r}")
        if not (np.isfinite(init_range) and init_range > 0):
            raise ConfigError(f"init_range must be a positive number, got {init_range!r}")
        rng = rng_for(seed, INIT)
        weights, thresholds = [], []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            if init == "uniform":
                weights.append(rng.uniform(-init_range, init_range, (n_in, n_out)))
                thresholds.append(rng.uniform(-init_range, init_range, n_out))
            else:
                a = np.sqrt(6.0 / (n_in + n_out))
                weights.append(rng.uniform(-a, a, (n_in, n_out)))
                thresholds.append(np.zeros(n_out))
        return cls.from_arrays(sizes, acts, weights, thresholds, loss)

    @classmethod
    def from_arrays(cls, layer_sizes, activations, weights, thresholds, loss="squared_error") -> "Network":
        """Build from plain arrays or nested lists (copied, float64, read-only)."""
        acts = _expand_activations(activations, len(layer_sizes) - 1)
        w = tuple(frozen(np.array(a, dtype=np.float64)) for a in weights)
        t = tuple(frozen(np.array(a, dtype=np.float64)) for a in thresholds)
        return cls(tuple(int(n) for n in layer_sizes), acts, w, t, loss)

    def with_parameters(self, weights: Sequence[np.ndarray], thresholds: Sequence[np.ndarray]) -> "Network":
        """The same structure with new (already read-only) parameter arrays."""
        net = object.__new__(Network)
        object.__setattr__(net, "__dict__", {**self.__dict__, "weights": tuple(weights), "thresholds": tuple(thresholds)})
        return net

    def with_parameter(self, layer: int, kind: str, source: int | None, target: int, value: float) -> "Network":
        """A copy with one parameter (1-based layer/units, as in ``naming``) set to ``value``."""
        if not np.isfinite(value):
            raise ConfigError(f"a parameter must be a finite number, got {value!r}")
        k = layer - 1
        weights, thresholds = list(self.weights), list(self.thresholds)
        if kind == "weight":
            w = weights[k].copy()
            w[source - 1, target - 1] = value
            weights[k] = frozen(w)
        elif kind == "threshold":
            t = thresholds[k].copy()
            t[target - 1] = value
            thresholds[k] = frozen(t)
        else:
            raise ConfigError(f"kind must be 'weight' or 'threshold', got {kind!r}")
        return self.with_parameters(weights, thresholds)

    def with_loss(self, loss: str) -> "Network":
        return replace(self, loss=loss)

    # ---- queries --------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """Layers after the input (the note's d-q-l network has 2)."""
        return len(self.layer_sizes) - 1

    @property
    def n_parameters(self) -> int:
        """``Σ_k (n_k + 1)·n_{k+1}``; for d-q-l this is the note's ``(d + l + 1)·q + l``."""
        return sum((a + 1) * b for a, b in zip(self.layer_sizes[:-1], self.layer_sizes[1:]))

    @property
    def functions(self) -> tuple[Activation, ...]:
        return self._functions

    def flat_parameters(self) -> np.ndarray:
        """All parameters in the canonical order of ``naming.parameter_specs``."""
        return np.concatenate([np.concatenate([w.ravel(), t]) for w, t in zip(self.weights, self.thresholds)])

    def forward(self, inputs: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
        """Forward pass of a batch ``(m, d)``: per layer ``net`` and ``output``, and the last ``net − threshold``."""
        nets, outputs = [], []
        a = inputs
        z = inputs
        for w, t, f in zip(self.weights, self.thresholds, self._functions):
            net = a @ w
            z = net - t
            a = f.function(z)
            nets.append(net)
            outputs.append(a)
        return nets, outputs, z

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return self.forward(np.atleast_2d(inputs))[1][-1]


def _expand_activations(activations: Sequence[str] | str, n_layers: int) -> tuple[str, ...]:
    if isinstance(activations, str):
        return (activations,) * n_layers
    return tuple(activations)


def validate_structure(layer_sizes: Sequence[int], activations: Sequence[str], loss: str) -> None:
    """Raise ``ConfigError`` naming the first thing wrong with a structure."""
    if len(layer_sizes) < 2:
        raise ConfigError("a network needs an input layer and an output layer")
    for k, n in enumerate(layer_sizes):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ConfigError(f"layer {k} must have a positive whole number of units, got {n!r}")
    if len(activations) != len(layer_sizes) - 1:
        raise ConfigError(
            f"{len(layer_sizes) - 1} activations are needed (one per layer after the input), got {len(activations)}"
        )
    for k, a in enumerate(activations, start=1):
        if a not in ACTIVATIONS:
            raise ConfigError(f"layer {k}: activation must be one of {', '.join(ACTIVATIONS)}, got {a!r}")
    if loss not in LOSSES:
        raise ConfigError(f"loss must be one of {', '.join(LOSSES)}, got {loss!r}")
    if loss == "cross_entropy" and activations[-1] != "sigmoid":
        raise ConfigError("cross-entropy needs a sigmoid output layer (its outputs must lie in (0, 1))")


def parse_hidden_sizes(text: str) -> tuple[int, ...]:
    """``"4"`` → (4,), ``"8,4"`` → (8, 4), ``""`` → () ; anything else → ``ConfigError``."""
    text = text.strip()
    if not text:
        return ()
    sizes = []
    for part in text.replace(" ", "").split(","):
        if not part.isdigit() or int(part) < 1:
            raise ConfigError(f"hidden layer sizes must be positive whole numbers separated by commas, got {part!r} in {text!r}")
        sizes.append(int(part))
    return tuple(sizes)
