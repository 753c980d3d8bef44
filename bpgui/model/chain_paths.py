"""Every path of the graph from E to one parameter, each edge with its local derivative.

The chain rule summed over a network's graph: ∂E_k/∂p is the sum, over every
path from E_k through an output ŷ_j (and, in deeper networks, one unit of each
hidden layer) down to p, of the product of the local derivatives along it.
For v_ih of the note's d-q-l network there is one path per output j::

    E_k → ŷ_j → b_h → v_ih:   ∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂b_h · ∂b_h/∂α_h · ∂α_h/∂v_ih
                              = −(y_j − ŷ_j) · ŷ_j(1 − ŷ_j) · w_hj · b_h(1 − b_h) · x_i

and their Σ over j is ∂E_k/∂v_ih = −e_h x_i. Each edge lives somewhere in the
drawing of the network — a unit (its slope, or the loss at an output) or a
link (its weight, or the parameter itself) — named by an address that the
chain-rule panel also puts on its factors (``unit:L:U`` with L the layer,
0 the input, and U the 0-based unit; ``link:I`` with I the canonical parameter
index). :func:`path_highlight` and :func:`factor_source` turn them into what the
network view lights. Each local derivative is one ``formula.Derivative``
evaluated from the record, for the batch's first sample.

A network's paths multiply (Π of the layer sizes above p): only the first
``limit`` are listed, and ``count`` says how many there are; ``total`` is
always the record's ∂E_k/∂p.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from . import closed_forms as cf
from .formula import Derivative, Eq, Neg, Quantity, delta, net, sample_error, unit, weight
from .naming import parameter_spec
from .numbers import DEFAULT_DIGITS, format_number
from .per_sample import per_sample_gradients
from .records import IterationRecord

MAX_PATHS = 200  # listed; a larger network's paths are counted, the first ones listed


def unit_ref(layer: int, u: int) -> str:
    """The address of unit ``u`` (0-based) of ``layer`` (0 = input)."""
    return f"unit:{layer}:{u}"


def link_ref(index: int) -> str:
    """The address of the link of parameter ``index`` (canonical order)."""
    return f"link:{index}"


def parse_ref(ref: str) -> tuple[str, tuple[int, ...]] | None:
    """``("unit", (L, U))`` or ``("link", (I,))``; None for anything else (a hostile or empty string)."""
    parts = ref.split(":")
    try:
        numbers = tuple(int(p) for p in parts[1:])
    except ValueError:
        return None
    if parts[0] == "unit" and len(numbers) == 2 and min(numbers) >= 0:
        return "unit", numbers
    if parts[0] == "link" and len(numbers) == 1 and numbers[0] >= 0:
        return "link", numbers
    return None


@dataclass(frozen=True)
class Edge:
    """One step of a path: its local derivative (``∂ŷ_1/∂β_1`` = ŷ_1(1 − ŷ_1)), its number and where it lives."""

    ref: str  # unit:L:U or link:I
    derivative: Derivative
    value: float


@dataclass(frozen=True)
class Path:
    """E_k → ŷ_j → … → p: the edges in order from E_k, and their product."""

    route: tuple[Quantity, ...]  # E_k, ŷ_j, (b⁽ⁿ⁻¹⁾_h, …), the parameter's unit, the parameter
    edges: tuple[Edge, ...]
    product: float
    output: int  # 0-based output j it goes through


@dataclass(frozen=True)
class ChainPaths:
    """The paths from E_k to parameter ``index`` and the Σ that forms ∂E_k/∂p (and the unit's delta)."""

    index: int
    parameter: Quantity
    paths: tuple[Path, ...]  # the first ``limit`` of them
    count: int  # how many paths there are
    total: float  # ∂E_k/∂p, the record's (the Σ over every path), for the batch's first sample
    delta: Quantity  # e_h (g_j) of the parameter's unit
    delta_value: float  # the record's, for the batch's first sample
    sample: int  # 1-based row of the training set
    delta_formula: Eq  # e_h = b_h(1 − b_h) Σ_j w_hj g_j (g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j) …) for the unit
    gradient_formula: Eq  # ∂E_k/∂v_ih = −e_h x_i, ∂E_k/∂γ_h = e_h …
    hidden: bool  # p feeds a hidden layer: its paths fan out through the outputs


    @property
    def complete(self) -> bool:
        return len(self.paths) == self.count

    @property
    def listed_total(self) -> float:
        """Σ of the products of the paths listed (``total`` when ``complete``)."""
        return float(sum(p.product for p in self.paths))

    def delta_from_paths(self) -> float:
        """The unit's delta as the listed paths form it: e_h = −Σ ∂E_k/∂α_h for a weight (the paths
        without their last edge, ∂α_h/∂v_ih), e_h = ∂E_k/∂γ_h for a threshold."""
        if self.parameter.kind == "threshold":
            return self.listed_total
        return -float(sum(np.prod([e.value for e in p.edges[:-1]]) for p in self.paths))


@dataclass(frozen=True)
class _Shape:
    """The paths to one parameter of one network's shape, without numbers: what every step shares."""

    parameter: Quantity
    routes: tuple[tuple[tuple[Quantity, ...], tuple[int, ...], int], ...]  # (route, its edges' keys, output)
    edges: tuple[tuple[str, Derivative], ...]  # each distinct (address, local derivative)
    count: int
    delta: Quantity
    delta_formula: Eq
    gradient_formula: Eq
    layer: int
    unit: int


@functools.lru_cache(maxsize=16)
def _shape_of(sizes: tuple[int, ...], index: int, activations: tuple[str, ...], loss: str, limit: int) -> _Shape:
    """The paths' structure for ``index``: built once per selection and network shape, not every step (the
    formulas are values: the same for every record of that shape)."""
    shape = cf.Shape(sizes, activations, loss)
    spec = parameter_spec(sizes, index)
    n, k, u, source = shape.n, spec.layer, spec.target, spec.source
    keys: dict[tuple[str, Derivative], int] = {}  # an equal formula is one edge (evaluated once a step)

    def edge(ref: str, d: Derivative) -> int:
        return keys.setdefault((ref, d), len(keys))

    p = cf.parameter(shape, k, source, u)
    own: tuple[int, ...]
    if source is not None:  # a weight: its unit's slope, then the unit it leaves (x_i, b_h) along the link
        own = (edge(unit_ref(k, u - 1), Derivative(unit(k, u, n), net(k, u, n), cf.slope(shape, k, u))),
               edge(link_ref(index), Derivative(net(k, u, n), p, unit(k - 1, source, n))))
    else:  # a threshold is subtracted: ∂b_h/∂γ_h = −f′
        own = (edge(unit_ref(k, u - 1), Derivative(unit(k, u, n), p, Neg(cf.slope(shape, k, u)))),)

    def head(j: int) -> tuple[int, ...]:
        """E_k → ŷ_j: the loss's slope, and (unless p is θ_j or w_hj) ŷ_j's own slope."""
        at = unit_ref(n, j - 1)
        loss_edge = edge(at, cf.loss_slope(shape, j))
        if k == n:
            return (loss_edge,)
        return loss_edge, edge(at, Derivative(unit(n, j, n), net(n, j, n), cf.slope(shape, n, j)))

    def walk(units: tuple[int, ...]) -> tuple[int, ...]:
        """``units``: 1-based, one per layer n, n − 1, …, k + 1; then unit u of layer k."""
        edges = list(head(units[0] if units else u))
        chosen = (*units, u)
        for m in range(n, k, -1):  # from layer m down to layer m − 1
            a, b = chosen[n - m], chosen[n - m + 1]
            w = cf.parameter_index(sizes, m, b, a)
            edges.append(edge(link_ref(w), Derivative(net(m, a, n), unit(m - 1, b, n), weight(m, b, a, n))))
            if m - 1 > k:
                edges.append(edge(unit_ref(m - 1, b - 1),
                                  Derivative(unit(m - 1, b, n), net(m - 1, b, n), cf.slope(shape, m - 1, b))))
        return (*edges, *own)

    above = [range(1, sizes[m] + 1) for m in range(n, k, -1)]
    count = int(np.prod([sizes[m] for m in range(k + 1, n + 1)])) if k < n else 1
    routes = []
    for units in itertools.islice(itertools.product(*above) if above else [()], max(0, limit)):
        route = (sample_error(), *(unit(n - i, h, n) for i, h in enumerate(units)), unit(k, u, n), p)
        if k == n:
            route = (sample_error(), unit(n, u, n), p)
        routes.append((route, walk(tuple(units)), (units[0] if units else u) - 1))
    delta_formula = cf.output_delta(shape, u) if k == n else cf.hidden_delta(shape, k, u)
    return _Shape(p, tuple(routes), tuple(keys), count, delta(k, u, n), delta_formula,
                  cf.sample_gradient(shape, k, source, u), k, u)


def chain_paths(record: IterationRecord, index: int, activations: Sequence[str], loss: str,
                limit: int = MAX_PATHS) -> ChainPaths:
    """Every path from E_k to parameter ``index`` (canonical order), the first ``limit`` listed."""
    sizes, _spec, _shape, env, first = cf.parameter_context(record, index, activations, loss)
    s = _shape_of(sizes, index, tuple(activations), loss, limit)
    edges = [Edge(ref, d, d.evaluate(env, first)) for ref, d in s.edges]
    paths = []
    for route, keys, output in s.routes:
        chosen = tuple(edges[i] for i in keys)
        paths.append(Path(route, chosen, float(math.prod([e.value for e in chosen])), output))
    total = float(per_sample_gradients(record, index)[0])
    return ChainPaths(index, s.parameter, tuple(paths), s.count, total, s.delta,
                      float(record.layers[s.layer - 1].delta[0, s.unit - 1]), int(record.sample_indices[0]) + 1,
                      s.delta_formula, s.gradient_formula, s.layer < len(sizes) - 1)


Labels = tuple[dict[tuple[int, int], str], dict[int, str]]


def _labels(edges: Iterable[Edge], digits: int) -> Labels:
    found: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for e in edges:
        key = (e.ref, e.derivative.text())
        if key in seen:
            continue
        seen.add(key)
        found.setdefault(e.ref, []).append(format_number(e.value, digits))
    units: dict[tuple[int, int], str] = {}
    links: dict[int, str] = {}
    for ref, numbers in found.items():
        parsed = parse_ref(ref)
        if parsed is None:
            continue
        label = " · ".join(numbers)
        if parsed[0] == "unit":
            layer, u = parsed[1]
            units[(layer, u)] = label
        else:
            links[parsed[1][0]] = label
    return units, links


def path_highlight(paths: ChainPaths | None, digits: int = DEFAULT_DIGITS) -> Labels:
    """What the network lights for the paths: each unit and link on them, labelled by its local
    derivative's number (an output unit carries two, ∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j). Empty for None."""
    if paths is None:
        return {}, {}
    return _labels((e for p in paths.paths for e in p.edges), digits)


def factor_source(ref: str) -> Labels:
    """What the network lights for one hovered factor: its unit or its link, unlabelled; nothing for ""."""
    parsed = parse_ref(ref)
    if parsed is None:
        return {}, {}
    if parsed[0] == "unit":
        layer, u = parsed[1]
        return {(layer, u): ""}, {}
    return {}, {parsed[1][0]: ""}
