"""Predict, then reveal: which worksheet cells a phase reveals, and a cell's formula with its numbers.

``known(cell, phase)`` says whether the values shown after ``phase`` include the cell's (the forward pass
layer by layer, E_k, each δ and ∂E/∂p as the backward phases reach them, Δp with the update), so the
cells a phase reveals are those known after it and not before. ``numbered(cell.formula, …)`` writes the
formula once more with every symbol replaced by its number (a short Σ written out term by term, a long
one summed), as ``ŷ₁ = f(β₁ − θ₁) = f(−0.0891 − 0.2183) = 0.4219``; the numbers are ``Value`` nodes worth
exactly the record's numbers, so the line evaluates to the cell's value. No Qt here.
"""

from __future__ import annotations

import dataclasses

from ..closed_forms import RecordEnv
from ..formula import Add, Bindings, Delta, Derivative, Eq, Expr, LazyTerms, Mul, Quantity, SumOver, Value
from ..per_sample import per_sample_gradients
from ..phases import PhaseView
from ..records import IterationRecord
from .worksheet import (
    BATCH_GRADIENT,
    ERROR,
    GRADIENT,
    HIDDEN_DELTA,
    NET,
    NEW,
    OUTPUT,
    OUTPUT_DELTA,
    UPDATE,
    Cell,
)

WRITTEN_OUT = 4  # a Σ of at most this many terms is written term by term


def known(cell: Cell, phase: PhaseView | None) -> bool:
    """Whether the values shown after ``phase`` (None: before the iteration's first) include ``cell``'s."""
    if phase is None:
        return False
    q = cell.quantity
    if q in (NET, OUTPUT):
        return phase.forward_layers >= cell.layer
    if q == ERROR:
        return phase.error_known
    if q in (OUTPUT_DELTA, HIDDEN_DELTA):
        return bool(phase.delta_known[cell.layer - 1][cell.unit - 1])
    if q in (GRADIENT, BATCH_GRADIENT):
        return bool(phase.gradient_known[cell.parameter])
    if q in (UPDATE, NEW):
        return phase.updated
    raise ValueError(q)


def fixed_sign(cell: Cell, activations: tuple[str, ...]) -> bool:
    """Whether ``cell``'s sign is known before any arithmetic (Eₖ ≥ 0; a sigmoid's or ReLU's output ≥ 0):
    no question for the sign level."""
    if cell.quantity == ERROR:
        return True
    return cell.quantity == OUTPUT and activations[cell.layer - 1] in ("sigmoid", "relu")


def shown_value(record: IterationRecord, cell: Cell) -> float:
    """The record's own number for ``cell`` (what the window shows: with a planted bug, not the formula's)."""
    if cell.quantity in (NET, OUTPUT, OUTPUT_DELTA, HIDDEN_DELTA):
        field = {NET: "net", OUTPUT: "output"}.get(cell.quantity, "delta")
        return float(getattr(record.layers[cell.layer - 1], field)[0, cell.unit - 1])
    if cell.quantity == ERROR:
        return float(record.sample_errors[0])
    if cell.quantity == GRADIENT:  # a batch of one: the record's own ∂E_k/∂p (a planted one too)
        if record.batch_size == 1:
            return float(record.flat_gradients[cell.parameter])
        return float(per_sample_gradients(record, cell.parameter)[0])
    if cell.quantity == BATCH_GRADIENT:
        return float(record.flat_gradients[cell.parameter])
    if cell.quantity == NEW:
        return float(record.flat_new_values[cell.parameter])
    return float(record.flat_updates[cell.parameter])


def revealed(cells: tuple[Cell, ...], before: PhaseView | None, after: PhaseView) -> list[Cell]:
    """The cells ``after`` reveals: known after it, not before it."""
    return [c for c in cells if known(c, after) and not known(c, before)]


def numbered(expr: Expr, env: RecordEnv, bind: Bindings, digits: int) -> Expr:
    """``expr`` with each symbol (and each ∂E/∂p, Δp inside it) replaced by its number at ``digits``."""
    if isinstance(expr, Quantity | Derivative | Delta):
        return Value(expr.evaluate(env, bind), digits)
    if isinstance(expr, SumOver):
        n = env.size(expr.over, expr.layer)
        if n > WRITTEN_OUT or n == 0:
            return Value(expr.evaluate(env, bind), digits)
        terms = [numbered(expr.body, env, {**bind, expr.index: i}, digits) for i in range(1, n + 1)]
        out = terms[0]
        for term in terms[1:]:
            out = Add(out, term)
        return out
    changes: dict[str, object] = {}
    for f in dataclasses.fields(expr):  # type: ignore[arg-type]
        old = getattr(expr, f.name)
        if isinstance(old, Expr):
            changes[f.name] = numbered(old, env, bind, digits)
        elif isinstance(old, tuple | LazyTerms) and any(isinstance(v, Expr) for v in old):
            changes[f.name] = tuple(numbered(v, env, bind, digits) if isinstance(v, Expr) else v for v in old)
    if isinstance(expr, Mul):
        changes["dotted"] = True  # numbers side by side would read as one: 0.39 · 1, not 0.39 1
    return dataclasses.replace(expr, **changes) if changes else expr  # type: ignore[type-var]


def reveal_line(cell: Cell, env: RecordEnv, digits: int) -> Eq:
    """``symbol = formula = the formula's numbers = value``, e.g. ``g₁ = ŷ₁(1 − ŷ₁)(y₁ − ŷ₁) = … = 0.141``."""
    bind = {"k": 1}
    rhs = cell.formula.rhs
    return Eq((cell.formula.lhs, rhs, numbered(rhs, env, bind, digits), Value(cell.value, digits)))
