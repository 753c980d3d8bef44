"""The forward pass of one unit, in the note's terms, with an iteration's numbers.

For hidden unit 1 of the note's 2-2-1 network and the sample x = (1, 0)::

    α₁ = v₁₁ · x₁ + v₂₁ · x₂ = 0.3897 · 1 + 0.3009 · 0 = 0.3897
    b₁ = f(α₁ − γ₁) = f(0.3897 − (−0.4414)) = 0.6966

and likewise β_j = Σ_h w_hj b_h, ŷ_j = f(β_j − θ_j) at the output (deeper
networks use the names of ``naming``: α⁽ᵏ⁾_h, b⁽ᵏ⁾_h, v⁽ᵏ⁾_ih). Each line is
ONE ``formula.Eq``: its symbolic side is evaluated from the record (the
weights the iteration used, its sample) and its number side is made of
``formula.Value`` leaves holding the record's exact numbers, so the line a
learner reads is the line computed. A unit with many inputs shows its first
terms, "…" and the last (``formula.Series``) and is still worth the whole sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from . import closed_forms as cf
from .formula import (
    Apply,
    Diff,
    Eq,
    LazyTerms,
    Mul,
    Quantity,
    Series,
    Value,
    net,
    target,
    threshold,
    unit,
    weight,
    with_digits,
)
from .numbers import DEFAULT_DIGITS
from .records import IterationRecord

HEAD = 3  # the first terms a wide sum shows before "…" and its last term


class WeightedInputs(LazyTerms):
    """The terms ``v_ih · x_i`` (i = 1 … n) of unit ``j``'s weighted sum in ``layer``: made when read."""

    def __init__(self, layer: int, j: int, n_layers: int, n: int) -> None:
        self.layer, self.j, self.n_layers, self.n = layer, j, n_layers, n

    def term(self, i: int) -> Mul:
        return _weighted_input(self.layer, i + 1, self.j, self.n_layers)

    def at_digits(self, digits: int) -> LazyTerms:
        return self  # symbols only: no number to write

    def __len__(self) -> int:
        return self.n


@lru_cache(maxsize=4096)
def _weighted_input(layer: int, i: int, j: int, n_layers: int) -> Mul:
    return Mul((weight(layer, i, j, n_layers), unit(layer - 1, i, n_layers)), dotted=True)


@lru_cache(maxsize=64)
def _symbolic(layer: int, j: int, n_layers: int, before: int,
              head: int) -> tuple[Quantity, Quantity, Series, Apply]:
    """A unit's symbols ``α_h``, ``γ_h`` and its symbolic sides, ``Σ v_ih x_i`` (written out) and ``f(α_h − γ_h)``:
    the same objects every step of one selection, so they are rendered once (a node keeps its text), not every
    step."""
    a, t = net(layer, j, n_layers), threshold(layer, j, n_layers)
    return a, t, Series(WeightedInputs(layer, j, n_layers, before), head), Apply("f", Diff(a, t), layer)


@dataclass(frozen=True, eq=False)
class Products(LazyTerms):
    """The terms ``Value(a_i) · Value(b_i)`` of a weighted sum's numbers at ``digits``: made when read.

    Each term is the ``Mul`` of two ``Value`` leaves holding the record's exact numbers, as written out.
    """

    left: tuple[float, ...]
    right: tuple[float, ...]
    digits: int = DEFAULT_DIGITS

    def __post_init__(self) -> None:
        if len(self.left) != len(self.right):
            raise ValueError("a product needs as many left as right factors")

    def term(self, i: int) -> Mul:
        return Mul((Value(self.left[i], self.digits), Value(self.right[i], self.digits)), dotted=True)

    def at_digits(self, digits: int) -> LazyTerms:
        return self if digits == self.digits else Products(self.left, self.right, digits)

    def __len__(self) -> int:
        return len(self.left)


@dataclass(frozen=True)
class ForwardArithmetic:
    """What the panel shows for a selected unit: its forward lines, evaluated for the batch's first sample."""

    layer: int  # 0 = input, n = output
    unit: int  # 0-based
    symbol: Quantity  # x_i, b_h or ŷ_j
    lines: tuple[Eq, ...]  # α = Σ … = numbers = value; b = f(α − γ) = f(numbers) = value; (y_j = value)
    terms: int  # how many terms the weighted sum has (0 for an input)
    summarised: bool  # the sum shows only its first and last terms
    known: bool  # computed yet in the phase shown
    sample: int  # 1-based row of the training set
    net: float | None  # the record's α_h / β_j (None for an input)
    output: float  # the record's b_h / ŷ_j (x_i for an input)
    feature: str = ""  # an input's feature name
    digits: int = DEFAULT_DIGITS  # the lines' numbers are written at these significant digits

    def at_digits(self, digits: int) -> ForwardArithmetic:
        """The same lines written at ``digits`` significant digits (itself at its own: the panel asks each Step)."""
        if digits == self.digits:
            return self
        return replace(self, lines=tuple(with_digits(line, digits) for line in self.lines), digits=digits)


def forward_arithmetic(record: IterationRecord, activations: Sequence[str], layer: int, u: int, *,
                       known: bool = True, feature_names: Sequence[str] = (),
                       digits: int = DEFAULT_DIGITS, head: int = HEAD) -> ForwardArithmetic:
    """Unit ``u`` (0-based) of ``layer`` (0 = input) in iteration ``record``, for its first sample."""
    sizes = tuple(int(s) for s in record.layer_sizes)
    n = len(sizes) - 1
    if not (0 <= layer <= n and 0 <= u < sizes[layer]):
        raise IndexError((layer, u))
    shape = cf.Shape(sizes, tuple(activations), "squared_error")
    env = cf.RecordEnv(record, shape.activations)
    bind = {"k": 1}
    j = u + 1
    me = unit(layer, j, n)
    sample = int(record.sample_indices[0]) + 1
    if layer == 0:
        x = float(record.inputs[0, u])
        feature = feature_names[u] if u < len(feature_names) else ""
        if feature.replace("_", "") == f"x{u + 1}":  # "x_1" only repeats the symbol x₁ it names
            feature = ""
        return ForwardArithmetic(0, u, me, (Eq((me, Value(x, digits))),), 0, False, True, sample, None, x,
                                 feature, digits)
    before = sizes[layer - 1]
    a, t, weighted_sum, applied = _symbolic(layer, j, n, before, head)
    # The numbers the symbols stand for, read from the record as evaluating each factor reads them.
    sources = record.inputs[0] if layer == 1 else record.layers[layer - 2].output[0]
    first, n_out = cf.parameter_index(sizes, layer, 1, j), sizes[layer]  # v_1j, canonical; v_ij n_out further on
    weights = record.flat_values[first: first + before * n_out: n_out]
    numbers = Products(tuple(weights.tolist()), tuple(sources.tolist()), digits)
    net_value = float(record.layers[layer - 1].net[0, u])
    out_value = float(record.layers[layer - 1].output[0, u])
    net_line = Eq((a, weighted_sum, Series(numbers, head), Value(net_value, digits)))
    out_line = Eq((me, applied,
                   Apply("f", Diff(Value(net_value, digits), Value(t.evaluate(env, bind), digits)), layer),
                   Value(out_value, digits)))
    lines: tuple[Eq, ...] = (net_line, out_line)
    if layer == n:
        y = target(j)
        lines += (Eq((y, Value(y.evaluate(env, bind), digits))),)
    return ForwardArithmetic(layer, u, me, lines, before, before > head + 2, known, sample, net_value, out_value,
                             digits=digits)
