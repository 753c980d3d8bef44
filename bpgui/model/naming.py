"""Names in the note's notation, and their generalisation to deeper networks.

For the note's d-q-l network (one hidden layer)::

    inputs x_i → hidden b_h = f(α_h − γ_h), α_h = Σ_i v_ih x_i
               → output ŷ_j = f(β_j − θ_j), β_j = Σ_h w_hj b_h
    deltas: g_j = −∂E_k/∂(β_j − θ_j) at the output, e_h = −∂E_k/∂(α_h − γ_h) in the hidden layer

Deeper networks ``[d, q1, q2, …, l]`` keep every name and add the hidden
layer's number k (1-based over the layers after the input) as a superscript:
hidden layer k has units ``b^(k)_h``, inputs ``α^(k)_h``, thresholds
``γ^(k)_h``, deltas ``e^(k)_h`` and incoming weights ``v^(k)_ih`` (its "i" runs
over the layer before it). The output layer is always ``ŷ_j``, ``β_j``,
``θ_j``, ``g_j`` with incoming weights ``w_hj``. A network with no hidden
layer (the perceptron's shape) has weights ``w_ij`` straight from the inputs.

Indices are 1-based. When any index of a name has two or more digits they
are separated by a comma (``v_3,12``) so that the name stays unambiguous.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import overload

import numpy as np

HIDDEN_UNIT, OUTPUT_UNIT, INPUT_UNIT = "b", "ŷ", "x"
HIDDEN_NET, OUTPUT_NET = "α", "β"
HIDDEN_THRESHOLD, OUTPUT_THRESHOLD = "γ", "θ"
HIDDEN_DELTA, OUTPUT_DELTA = "e", "g"
HIDDEN_WEIGHT, OUTPUT_WEIGHT = "v", "w"


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Symbol:
    """A base letter with an optional layer superscript and 1-based indices."""

    base: str
    indices: tuple[int, ...] = ()
    layer: int | None = None  # superscript (k) for deeper networks

    # Rendered once per symbol (a symbol is a value; the drawing writes the same ones at every step).
    @cached_property
    def text(self) -> str:
        """Plain text: ``v_12``, ``γ^(2)_3``, ``v_3,12``."""
        sup = f"^({self.layer})" if self.layer is not None else ""
        return f"{self.base}{sup}{self._subscript()}"

    @cached_property
    def html(self) -> str:
        """Qt rich text: ``v<sub>12</sub>``, ``γ<sup>(2)</sup><sub>3</sub>``."""
        sup = f"<sup>({self.layer})</sup>" if self.layer is not None else ""
        sub = self._subscript()[1:]
        return f"<i>{self.base}</i>{sup}" + (f"<sub>{sub}</sub>" if sub else "")

    @cached_property
    def unicode(self) -> str:
        """Plain text with Unicode sub/superscripts, for drawing: ``v₁₂``, ``γ⁽²⁾₃``, ``v₃,₁₂``."""
        sup = "⁽" + str(self.layer).translate(_SUPERSCRIPT) + "⁾" if self.layer is not None else ""
        return f"{self.base}{sup}{self._subscript()[1:].translate(_SUBSCRIPT)}"

    def _subscript(self) -> str:
        if not self.indices:
            return ""
        sep = "," if any(i >= 10 for i in self.indices) else ""
        return "_" + sep.join(str(i) for i in self.indices)


def _layer_mark(layer: int, n_layers: int) -> int | None:
    """Superscript for hidden layer ``layer`` (1-based); none for the note's single hidden layer."""
    return layer if n_layers > 2 else None


@lru_cache(maxsize=4096)
def unit_symbol(layer: int, unit: int, n_layers: int) -> Symbol:
    """The output of unit ``unit`` (1-based) of layer ``layer`` (0 = input, n_layers = output)."""
    if layer == 0:
        return Symbol(INPUT_UNIT, (unit,))
    if layer == n_layers:
        return Symbol(OUTPUT_UNIT, (unit,))
    return Symbol(HIDDEN_UNIT, (unit,), _layer_mark(layer, n_layers))


@lru_cache(maxsize=4096)
def net_symbol(layer: int, unit: int, n_layers: int) -> Symbol:
    """α_h (hidden) or β_j (output): the weighted sum a unit receives."""
    if layer == n_layers:
        return Symbol(OUTPUT_NET, (unit,))
    return Symbol(HIDDEN_NET, (unit,), _layer_mark(layer, n_layers))


@lru_cache(maxsize=4096)
def threshold_symbol(layer: int, unit: int, n_layers: int) -> Symbol:
    """γ_h (hidden) or θ_j (output)."""
    if layer == n_layers:
        return Symbol(OUTPUT_THRESHOLD, (unit,))
    return Symbol(HIDDEN_THRESHOLD, (unit,), _layer_mark(layer, n_layers))


@lru_cache(maxsize=4096)
def delta_symbol(layer: int, unit: int, n_layers: int) -> Symbol:
    """e_h (hidden) or g_j (output): ``−∂E_k/∂(net − threshold)``."""
    if layer == n_layers:
        return Symbol(OUTPUT_DELTA, (unit,))
    return Symbol(HIDDEN_DELTA, (unit,), _layer_mark(layer, n_layers))


@lru_cache(maxsize=4096)
def weight_symbol(layer: int, source: int, target: int, n_layers: int) -> Symbol:
    """The weight from unit ``source`` of layer ``layer − 1`` to unit ``target`` of ``layer``."""
    if layer == n_layers:
        return Symbol(OUTPUT_WEIGHT, (source, target))
    return Symbol(HIDDEN_WEIGHT, (source, target), _layer_mark(layer, n_layers))


@dataclass(frozen=True)
class ParameterSpec:
    """One trainable parameter, as a row of the gradient table or the trace."""

    symbol: Symbol
    layer: int  # 1-based over the non-input layers
    kind: str  # "weight" or "threshold"
    source: int | None  # 1-based unit in layer − 1; None for a threshold
    target: int  # 1-based unit in layer

    @property
    def name(self) -> str:
        return self.symbol.text


def parameter_specs(layer_sizes: Sequence[int]) -> list[ParameterSpec]:
    """Every parameter in the canonical order.

    Layer by layer; in each, the weights with the source index varying
    slowest (``v_11, v_12, …, v_21, …``, the order of ``weights[k][i][j]``),
    then the thresholds.
    """
    return list(ParameterSpecs(layer_sizes))


class ParameterSpecs(Sequence[ParameterSpec]):
    """``parameter_specs(layer_sizes)`` as a sequence that makes a spec only when it is read.

    A table shows a few dozen rows of a network's 10⁶ parameters: building every spec (and its symbol) first
    held the window 3 s whenever a 784-1250-10 network's table was set up (a new network, a window rebuilt
    for another language). ``columns()`` gives each spec's layer, kind, source and target as arrays at once.
    """

    def __init__(self, layer_sizes: Sequence[int]) -> None:
        self.layer_sizes = tuple(int(n) for n in layer_sizes)
        sizes = self.layer_sizes
        self._length = sum(sizes[k - 1] * sizes[k] + sizes[k] for k in range(1, len(sizes)))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> ParameterSpec: ...

    @overload
    def __getitem__(self, index: slice) -> list[ParameterSpec]: ...

    def __getitem__(self, index: int | slice) -> ParameterSpec | list[ParameterSpec]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        index = operator.index(index)  # as a list: an integer (a NumPy one too), never a float
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return parameter_spec(self.layer_sizes, index)

    def __iter__(self) -> Iterator[ParameterSpec]:
        sizes = self.layer_sizes
        n_layers = len(sizes) - 1
        for layer in range(1, n_layers + 1):
            n_in, n_out = sizes[layer - 1], sizes[layer]
            for i in range(1, n_in + 1):
                for j in range(1, n_out + 1):
                    yield ParameterSpec(weight_symbol(layer, i, j, n_layers), layer, "weight", i, j)
            for j in range(1, n_out + 1):
                yield ParameterSpec(threshold_symbol(layer, j, n_layers), layer, "threshold", None, j)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ParameterSpecs):
            return self.layer_sizes == other.layer_sizes
        if isinstance(other, (list, tuple)):
            return len(other) == self._length and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (as a list's: equal to a list of the same specs)

    def __repr__(self) -> str:
        return f"ParameterSpecs({self.layer_sizes})"

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Each spec's ``layer``, whether it is a threshold, its ``source`` (0 for a threshold) and ``target``."""
        n = self._length
        layers, sources, targets = (np.empty(n, dtype=np.int64) for _ in range(3))
        thresholds = np.empty(n, dtype=bool)
        sizes, at = self.layer_sizes, 0
        for layer in range(1, len(sizes)):
            n_in, n_out = sizes[layer - 1], sizes[layer]
            weights, end = at + n_in * n_out, at + n_in * n_out + n_out
            units = np.arange(1, n_out + 1, dtype=np.int64)
            layers[at:end] = layer
            thresholds[at:weights], thresholds[weights:end] = False, True
            sources[at:weights].reshape(n_in, n_out)[:] = np.arange(1, n_in + 1, dtype=np.int64)[:, None]
            sources[weights:end] = 0
            targets[at:weights].reshape(n_in, n_out)[:] = units
            targets[weights:end] = units
            at = end
        return layers, thresholds, sources, targets


def parameter_spec(layer_sizes: Sequence[int], index: int) -> ParameterSpec:
    """``parameter_specs(layer_sizes)[index]`` without building the other specs (a 784-128-10 network has
    101,770 of them: building all to read one cost a selected parameter seconds per step)."""
    n_layers = len(layer_sizes) - 1
    if index < 0:
        raise IndexError(index)
    offset = 0
    for layer in range(1, n_layers + 1):
        n_in, n_out = int(layer_sizes[layer - 1]), int(layer_sizes[layer])
        if index < offset + n_in * n_out:
            i, j = divmod(index - offset, n_out)
            return ParameterSpec(weight_symbol(layer, i + 1, j + 1, n_layers), layer, "weight", i + 1, j + 1)
        offset += n_in * n_out
        if index < offset + n_out:
            j = index - offset
            return ParameterSpec(threshold_symbol(layer, j + 1, n_layers), layer, "threshold", None, j + 1)
        offset += n_out
    raise IndexError(index)
