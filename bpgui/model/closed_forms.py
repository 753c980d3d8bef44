"""The closed forms the app shows, each one ``formula`` object, and the record they are evaluated from.

One function per formula of the note, for any depth, activation and loss::

    forward        α_h = Σ_i v_ih x_i,  b_h = f(α_h − γ_h)   (β_j, ŷ_j; b^(k)_h in deeper nets)
    error          E_k = ½ Σ_j (y_j − ŷ_j)²  or  −Σ_j (y_j ln ŷ_j + (1 − y_j) ln(1 − ŷ_j));  E = (1/B) Σ_k E_k
    slopes         ∂ŷ_j/∂β_j = ŷ_j(1 − ŷ_j) | 1 − ŷ_j² | [β_j − θ_j > 0] | 1
    deltas         g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j) …,  e_h = b_h(1 − b_h) Σ_j w_hj g_j …
    gradients      ∂E_k/∂θ_j = g_j,  ∂E_k/∂w_hj = −g_j b_h,  ∂E/∂p = (1/B) Σ_k ∂E_k/∂p,  Δp = −η ∂E/∂p

The chain-rule panel (through ``derivation``), the phase captions and the
network's tooltips render these; ``RecordEnv`` evaluates them from an
iteration's record, and the tests prove every one equal to the record.
Indices may be numbers (1-based) or the letters the note uses (i, h, j; k
for the sample).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .formula import (
    BATCH,
    BATCH_ERROR,
    ETA,
    HALF,
    ONE,
    Add,
    Apply,
    Bindings,
    Delta,
    Derivative,
    Diff,
    Div,
    Eq,
    Expr,
    Mul,
    Neg,
    Positive,
    Pow,
    Quantity,
    SumOver,
    delta,
    net,
    sample_error,
    target,
    threshold,
    unit,
    weight,
)
from .naming import ParameterSpec, parameter_spec
from .per_sample import per_sample_gradients
from .records import IterationRecord


@dataclass(frozen=True)
class Shape:
    """What the formulas depend on: layer sizes (input first), each layer's activation, the loss."""

    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str

    @property
    def n(self) -> int:
        return len(self.sizes) - 1


def unit_letter(shape: Shape, layer: int) -> str:
    """The note's index letter for the units of ``layer``: i (inputs), h (hidden), j (outputs)."""
    return "i" if layer == 0 else ("j" if layer == shape.n else "h")


def source_letter(shape: Shape, layer: int) -> str:
    """The letter of the units feeding ``layer``: h into the output of a hidden net, else i (v_ih, w_ij)."""
    return "h" if layer == shape.n and layer > 1 else "i"


def slope(shape: Shape, layer: int, u: int | str) -> Expr:
    """∂(output)/∂(net) of unit ``u`` of ``layer``, written from its output as the note does."""
    out = unit(layer, u, shape.n)
    act = shape.activations[layer - 1]
    if act == "sigmoid":
        return Mul((out, Diff(ONE, out)))
    if act == "tanh":
        return Diff(ONE, Pow(out, 2))
    if act == "relu":
        return Positive(Diff(net(layer, u, shape.n), threshold(layer, u, shape.n)))
    return ONE


def _times_slope(shape: Shape, layer: int, u: int | str, rest: Expr) -> Expr:
    s = slope(shape, layer, u)
    return rest if s is ONE else Mul((s, rest))


def forward_net(shape: Shape, layer: int, u: int | str | None = None) -> Eq:
    """α_h = Σ_i v_ih x_i (β_j = Σ_h w_hj b_h at the output)."""
    u = unit_letter(shape, layer) if u is None else u
    i = source_letter(shape, layer)
    body = Mul((weight(layer, i, u, shape.n), unit(layer - 1, i, shape.n)))
    return Eq((net(layer, u, shape.n), SumOver(i, body, layer - 1)))


def forward_output(shape: Shape, layer: int, u: int | str | None = None) -> Eq:
    """b_h = f(α_h − γ_h) (ŷ_j = f(β_j − θ_j) at the output)."""
    u = unit_letter(shape, layer) if u is None else u
    n = shape.n
    return Eq((unit(layer, u, n), Apply("f", Diff(net(layer, u, n), threshold(layer, u, n)), layer)))


def error(shape: Shape) -> Eq:
    """E_k for one sample, for the loss."""
    y, yh = target("j"), unit(shape.n, "j", shape.n)
    if shape.loss == "squared_error":
        return Eq((sample_error(), Mul((HALF, SumOver("j", Pow(Diff(y, yh), 2), shape.n)))))
    body = Add(Mul((y, Apply("ln", yh))), Mul((Diff(ONE, y), Apply("ln", Diff(ONE, yh)))))
    return Eq((sample_error(), Neg(SumOver("j", body, shape.n))))


def batch_error() -> Eq:
    """E = (1/B) Σ_k E_k, the error accumulated and mini-batch BP descend."""
    return Eq((BATCH_ERROR, Mul((Div(ONE, BATCH), SumOver("k", sample_error("k"), over="batch")))))


def loss_slope(shape: Shape, j: int | str) -> Derivative:
    """∂E_k/∂ŷ_j: −(y_j − ŷ_j), or −y_j/ŷ_j + (1 − y_j)/(1 − ŷ_j) for cross-entropy."""
    y, yh = target(j), unit(shape.n, j, shape.n)
    if shape.loss == "squared_error":
        closed: Expr = Neg(Diff(y, yh))
    else:
        closed = Add(Neg(Div(y, yh)), Div(Diff(ONE, y), Diff(ONE, yh)))
    return Derivative(sample_error(), yh, closed)


def output_delta(shape: Shape, j: int | str | None = None) -> Eq:
    """g_j = −∂E_k/∂(β_j − θ_j): ŷ_j(1 − ŷ_j)(y_j − ŷ_j) for the note; y_j − ŷ_j for cross-entropy."""
    j = "j" if j is None else j
    diff = Diff(target(j), unit(shape.n, j, shape.n))
    closed = diff if shape.loss == "cross_entropy" else _times_slope(shape, shape.n, j, diff)
    return Eq((delta(shape.n, j, shape.n), closed))


def back_sum(shape: Shape, layer: int, u: int | str) -> SumOver:
    """Σ_j w_hj g_j: the deltas of the next layer, each along its weight out of unit ``u``."""
    j = unit_letter(shape, layer + 1) if layer + 1 == shape.n else "j"
    return SumOver(j, Mul((weight(layer + 1, u, j, shape.n), delta(layer + 1, j, shape.n))), layer + 1)


def hidden_output_gradient(shape: Shape, layer: int, h: int | str | None = None) -> Eq:
    """∂E_k/∂b_h = −Σ_j w_hj g_j."""
    h = "h" if h is None else h
    closed = Neg(back_sum(shape, layer, h))
    return Eq((Derivative(sample_error(), unit(layer, h, shape.n), closed), closed))


def hidden_share(shape: Shape, j: int | str) -> Expr:
    """−w_hj g_j: what output j adds to ∂E_k/∂b_h of the last hidden layer (followed one output at a time)."""
    n = shape.n
    return Neg(Mul((weight(n, "h", j, n), delta(n, j, n))))


def hidden_delta(shape: Shape, layer: int, h: int | str | None = None) -> Eq:
    """e_h = −∂E_k/∂(α_h − γ_h) = b_h(1 − b_h) Σ_j w_hj g_j (f′ written from the output)."""
    h = "h" if h is None else h
    return Eq((delta(layer, h, shape.n), _times_slope(shape, layer, h, back_sum(shape, layer, h))))


def parameter(shape: Shape, layer: int, source: int | str | None, u: int | str) -> Quantity:
    """The weight from ``source`` into unit ``u`` of ``layer``, or (``source`` None) its threshold."""
    return threshold(layer, u, shape.n) if source is None else weight(layer, source, u, shape.n)


def sample_gradient(shape: Shape, layer: int, source: int | str | None, u: int | str) -> Eq:
    """∂E_k/∂θ_j = g_j, ∂E_k/∂w_hj = −g_j b_h (and so on down the layers)."""
    d = delta(layer, u, shape.n)
    closed: Expr = d if source is None else Neg(Mul((d, unit(layer - 1, source, shape.n))))
    return Eq((Derivative(sample_error(), parameter(shape, layer, source, u), closed), closed))


def batch_gradient(shape: Shape, layer: int, source: int | str | None, u: int | str) -> Eq:
    """∂E/∂p = (1/B) Σ_k ∂E_k/∂p: the mean the update of a batch uses."""
    p = parameter(shape, layer, source, u)
    per_sample = sample_gradient(shape, layer, source, u).lhs
    closed = Mul((Div(ONE, BATCH), SumOver("k", per_sample, over="batch")))
    return Eq((Derivative(BATCH_ERROR, p, closed), closed))


def update(shape: Shape, layer: int, source: int | str | None, u: int | str, *, batch: bool) -> Eq:
    """Δp = −η · ∂E/∂p (∂E_k/∂p in standard BP, where E is E_k)."""
    gradient = (batch_gradient if batch else sample_gradient)(shape, layer, source, u).lhs
    closed = Neg(Mul((ETA, gradient), dotted=True))
    return Eq((Delta(parameter(shape, layer, source, u), closed), closed))


GENERIC_PARAMETER = Quantity("parameter", "p")


def generic_update(*, batch: bool) -> Eq:
    """Δp = −η ∂E/∂p for every parameter p (rendered only: p is no one parameter)."""
    of = BATCH_ERROR if batch else sample_error()
    gradient = Derivative(of, GENERIC_PARAMETER, GENERIC_PARAMETER)
    closed = Neg(Mul((ETA, gradient)))
    return Eq((Delta(GENERIC_PARAMETER, closed), closed))


def generic_batch_gradient() -> Eq:
    """∂E/∂p = (1/B) Σ_k ∂E_k/∂p, rendered only."""
    closed = Mul((Div(ONE, BATCH), SumOver("k", Derivative(sample_error(), GENERIC_PARAMETER, GENERIC_PARAMETER),
                                         over="batch")))
    return Eq((Derivative(BATCH_ERROR, GENERIC_PARAMETER, closed), closed))


def parameter_index(sizes: Sequence[int], layer: int, source: int | None, u: int) -> int:
    """The canonical index (see ``naming.parameter_specs``) of a weight or threshold, 1-based units."""
    offset = 0
    for k in range(1, layer):
        offset += sizes[k - 1] * sizes[k] + sizes[k]
    n_in, n_out = sizes[layer - 1], sizes[layer]
    if source is None:
        return offset + n_in * n_out + u - 1
    return offset + (source - 1) * n_out + u - 1


@dataclass
class RecordEnv:
    """The numbers of one iteration's record, for evaluating formulas (sample = 1-based position in the batch)."""

    record: IterationRecord
    activations: tuple[str, ...]
    # Per layer: (its first weight, n_in, n_out, its first threshold) in the flat vectors, read there with no
    # per-layer views to make (a layer's weights row by row: v_ih at start + (i − 1) n_out + h − 1).
    _starts: tuple[tuple[int, int, int, int], ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        sizes = self.record.layer_sizes  # (v_11 and the first threshold of each layer, by the one canonical order)
        self._starts = tuple((parameter_index(sizes, k, 1, 1), sizes[k - 1], sizes[k],
                              parameter_index(sizes, k, None, 1)) for k in range(1, len(sizes)))

    def value(self, kind: str, layer: int, indices: tuple[int, ...], sample: int) -> float:
        r, s = self.record, sample - 1
        # (``item`` reads one number as a Python float: the same float as float(a[i, j]), without a NumPy scalar)
        if kind == "input" or (kind == "output" and layer == 0):
            return float(r.inputs.item(s, indices[0] - 1))
        if kind == "target":
            return float(r.targets.item(s, indices[0] - 1))
        if kind in ("output", "net", "delta"):
            return float(getattr(r.layers[layer - 1], kind).item(s, indices[0] - 1))
        if kind == "threshold":
            _, _, n_out, thresholds = self._starts[layer - 1]
            if not 0 < indices[0] <= n_out:
                raise IndexError(indices)
            return float(r.flat_values.item(thresholds + indices[0] - 1))
        if kind == "weight":
            return self.weight(r.flat_values, layer, indices)
        if kind == "error":
            return float(r.sample_errors[s])
        if kind == "batch_error":
            return float(r.error)
        if kind == "eta":
            return float(r.learning_rate)
        if kind == "batch":
            return float(r.batch_size)
        raise KeyError(kind)

    def weight(self, flat: np.ndarray, layer: int, indices: tuple[int, ...]) -> float:
        """Weight (i, h) of ``layer`` (1-based indices) read from ``flat``, one of the record's flat vectors."""
        start, n_in, n_out, _ = self._starts[layer - 1]
        if not (0 < indices[0] <= n_in and 0 < indices[1] <= n_out):
            raise IndexError(indices)  # (never a neighbour's number read instead)
        return float(flat.item(start + (indices[0] - 1) * n_out + indices[1] - 1))

    def size(self, kind: str, layer: int) -> int:
        return self.record.batch_size if kind == "batch" else int(self.record.layer_sizes[layer])

    def activation(self, layer: int) -> str:
        return self.activations[layer - 1]

    def lookup(self, expr: Expr, bind: Bindings) -> float:
        """The record's own number for a formula's left-hand side (a symbol, ∂E_k/∂p, ∂E/∂p or Δp)."""
        if isinstance(expr, Quantity):
            return expr.evaluate(self, bind)
        p = expr.wrt if isinstance(expr, Derivative) else expr.of if isinstance(expr, Delta) else None
        if not isinstance(p, Quantity) or p.kind not in ("weight", "threshold"):
            raise KeyError(expr.text())
        idx = [i if isinstance(i, int) else bind[i] for i in p.indices]
        source, u = (None, idx[0]) if p.kind == "threshold" else (idx[0], idx[1])
        index = parameter_index(self.record.layer_sizes, p.layer, source, u)
        if isinstance(expr, Delta):
            return float(self.record.flat_updates[index])
        assert isinstance(expr, Derivative)
        if expr.of == BATCH_ERROR:
            return float(self.record.flat_gradients[index])
        return float(per_sample_gradients(self.record, index)[bind.get("k", 1) - 1])


def every_formula(shape: Shape, *, batch: bool) -> list[Eq]:
    """Every formula the app shows for a network of ``shape``, generic in its letters.

    ``batch``: for accumulated or mini-batch BP, whose update uses ∂E/∂p (standard BP's uses ∂E_k/∂p).
    """
    n = shape.n
    out: list[Eq] = []
    for layer in range(1, n + 1):
        out += [forward_net(shape, layer), forward_output(shape, layer)]
    out += [error(shape), batch_error(), output_delta(shape)]
    for layer in range(1, n):
        out += [hidden_output_gradient(shape, layer), hidden_delta(shape, layer)]
    for layer in range(1, n + 1):
        u = unit_letter(shape, layer)
        for source in (source_letter(shape, layer), None):
            out += [sample_gradient(shape, layer, source, u), batch_gradient(shape, layer, source, u),
                    update(shape, layer, source, u, batch=batch)]
    return out


def free_letters(expr: Expr) -> list[str]:
    """The index letters of ``expr`` that no Σ inside it binds (sorted), e.g. ["h", "j"] for w_hj."""
    found: set[str] = set()

    def walk(e: object, bound: frozenset[str]) -> None:
        if isinstance(e, Quantity):
            found.update(i for i in e.indices if isinstance(i, str) and i not in bound)
            return
        if isinstance(e, SumOver):
            walk(e.body, bound | {e.index})
            return
        for value in vars(e).values() if hasattr(e, "__dict__") else ():
            if isinstance(value, Expr):
                walk(value, bound)
            elif isinstance(value, tuple):
                for v in value:
                    walk(v, bound)

    walk(expr, frozenset())
    return sorted(found)


def letter_range(shape: Shape, expr: Expr, letter: str) -> int:
    """How far ``letter`` runs in ``expr``: over the units of the layer of the first symbol it indexes."""
    layers: list[int] = []

    def walk(e: object) -> None:
        if isinstance(e, Quantity) and letter in e.indices and not layers:
            pos = e.indices.index(letter)
            if e.kind == "weight":
                layers.append(e.layer - 1 if pos == 0 else e.layer)
            elif e.kind == "target":
                layers.append(shape.n)
            else:
                layers.append(e.layer)
            return
        for value in vars(e).values() if hasattr(e, "__dict__") else ():
            if isinstance(value, Expr):
                walk(value)
            elif isinstance(value, tuple):
                for v in value:
                    walk(v)

    walk(expr)
    return int(shape.sizes[layers[0]]) if layers else 0


def parameter_context(record: IterationRecord, index: int, activations: Sequence[str], loss: str
                      ) -> tuple[tuple[int, ...], ParameterSpec, Shape, RecordEnv, dict[str, int]]:
    """What deriving parameter ``index`` of ``record`` starts from: (the layer sizes, the parameter's spec,
    the shape, the record's values as an environment, sample k = 1)."""
    sizes = tuple(int(s) for s in record.layer_sizes)
    shape = Shape(sizes, tuple(activations), loss)
    return sizes, parameter_spec(sizes, index), shape, RecordEnv(record, shape.activations), {"k": 1}
