"""The known mistakes a wrong worksheet answer may come from, each a wrong rule built from the note's formulas.

A learner's wrong number is often the right arithmetic on a wrong rule. For each worksheet cell the
rules below that apply are built from the same formula nodes as the right one (``closed_forms``) and
evaluated over the same record, so a wrong answer that matches one (at the precision typed) is named:

    sign        Δp = +η ∂E/∂p (the update climbs the error)
    grad_sign   ∂E_k/∂w_hj = +g_j b_h, ∂E_k/∂v_ih = +e_h x_i (the gradient's sign flipped)
    no_slope    f′ left out: g_j = y_j − ŷ_j; e_h = Σ_j w_hj g_j
    updated_w   e_h computed with the already updated w_hj
    no_eta      η forgotten: Δp = −∂E/∂p
    swapped     the weight's other end: ∂E_k/∂v_ih = −e_h b_h instead of −e_h x_i (∂E_k/∂w_hj = −g_j ŷ_j)
    added       the threshold added instead of subtracted: b_h = f(α_h + γ_h); then ∂E_k/∂γ_h = −e_h
    half        the ½ of E_k kept in the gradient: g_j = ½ ŷ_j(1 − ŷ_j)(y_j − ŷ_j)

A rule that gives the right value on this record (a zero input, a linear unit's f′ = 1) is left out: no
answer could tell it apart; two rules giving the same wrong number are named once, by the first (a
threshold's flipped gradient is "added"; Δθ_j = +η g_j is the update's sign). An update cell also lists
−η times each wrong rule of its gradient. No Qt and no sentences here: the session says what each mistake
is (``session.practice.MISTAKE_TEXTS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import closed_forms as cf
from ..formula import ETA, HALF, Add, Apply, Delta, Diff, Eq, Expr, Mul, Neg, delta, net, target, threshold, unit
from ..naming import parameter_spec
from ..records import IterationRecord
from .grading import AnswerError, grade
from .worksheet import (
    GRADIENT,
    HIDDEN_DELTA,
    OUTPUT,
    OUTPUT_DELTA,
    UPDATE,
    Cell,
)

SIGN, GRADIENT_SIGN, NO_SLOPE, UPDATED_W, NO_ETA, SWAPPED, ADDED, HALF_KEPT = (
    "sign", "grad_sign", "no_slope", "updated_w", "no_eta", "swapped", "added", "half")



@dataclass(frozen=True)
class Mistake:
    """A wrong rule for one cell: its ``name`` (one of the constants above), its ``formula`` (as the note
    would write it) and the ``value`` it gives."""

    name: str
    formula: Eq
    value: float


class UpdatedWeightsEnv(cf.RecordEnv):
    """The record's numbers, except that every weight is the one after the iteration's update."""

    def value(self, kind: str, layer: int, indices: tuple[int, ...], sample: int) -> float:
        if kind == "weight":
            return self.weight(self.record.flat_new_values, layer, indices)
        return super().value(kind, layer, indices, sample)


def _rules(cell: Cell, shape: cf.Shape, batch: bool) -> list[tuple[str, Eq, bool]]:
    """(name, wrong formula, evaluated with the updated weights) for ``cell``."""
    n, lhs = shape.n, cell.formula.lhs
    out: list[tuple[str, Eq, bool]] = []
    if cell.quantity == OUTPUT:
        layer, u = cell.layer, cell.unit
        added = Apply("f", Add(net(layer, u, n), threshold(layer, u, n)), layer)
        out.append((ADDED, Eq((lhs, added)), False))
    elif cell.quantity == OUTPUT_DELTA:
        u = cell.unit
        bare = Diff(target(u), unit(n, u, n))
        out.append((NO_SLOPE, Eq((lhs, bare)), False))
        if shape.loss == "squared_error":
            out.append((HALF_KEPT, Eq((lhs, Mul((HALF, cell.formula.rhs)))), False))
    elif cell.quantity == HIDDEN_DELTA:
        out.append((NO_SLOPE, Eq((lhs, cf.back_sum(shape, cell.layer, cell.unit))), False))
        out.append((UPDATED_W, cell.formula, True))
    elif cell.quantity in (GRADIENT, UPDATE):
        spec = parameter_spec(shape.sizes, cell.parameter)
        gradients = _wrong_gradients(shape, spec.layer, spec.source, spec.target)
        if cell.quantity == GRADIENT:
            out += [(name, Eq((lhs, closed)), False) for name, closed in gradients]
        else:
            p = cf.parameter(shape, spec.layer, spec.source, spec.target)
            right = cf.update(shape, spec.layer, spec.source, spec.target, batch=batch).rhs
            assert isinstance(right, Neg) and isinstance(right.operand, Mul)
            gradient = right.operand.factors[1]  # −(η · ∂E/∂p)
            out.append((SIGN, Eq((Delta(p, Mul((ETA, gradient), dotted=True)), Mul((ETA, gradient), dotted=True))),
                        False))
            out.append((NO_ETA, Eq((Delta(p, Neg(gradient)), Neg(gradient))), False))
            if not batch:  # standard BP: Δp = −η ∂E_k/∂p, so each wrong ∂E_k/∂p carries into it
                for name, closed in gradients:
                    if name != GRADIENT_SIGN:  # its Δp is the update's sign flipped: named as that
                        wrong = Neg(Mul((ETA, closed), dotted=True))
                        out.append((name, Eq((Delta(p, wrong), wrong)), False))
    return out


def _wrong_gradients(shape: cf.Shape, layer: int, source: int | None, u: int) -> list[tuple[str, Expr]]:
    """The wrong closed forms of ∂E_k/∂p for a weight (``source``) or a threshold (None)."""
    n = shape.n
    d = delta(layer, u, n)
    right = cf.sample_gradient(shape, layer, source, u).rhs
    if source is None:  # a threshold's flipped sign is what adding it gives: named as that, once
        return [(ADDED, Neg(d))]
    return [(GRADIENT_SIGN, right.operand if isinstance(right, Neg) else Neg(right)),
            (SWAPPED, Neg(Mul((d, unit(layer, u, n)))))]


def mistakes(cell: Cell, record: IterationRecord, activations: tuple[str, ...], loss: str) -> tuple[Mistake, ...]:
    """The known wrong rules for ``cell`` of ``record``'s sheet that give a value other than the right one."""
    sizes = tuple(int(s) for s in record.layer_sizes)
    shape = cf.Shape(sizes, tuple(activations), loss)
    env = cf.RecordEnv(record, shape.activations)
    updated = UpdatedWeightsEnv(record, shape.activations)
    found: list[Mistake] = []
    for name, formula, after_update in _rules(cell, shape, record.batch_size > 1):
        value = float(formula.rhs.evaluate(updated if after_update else env, {"k": 1}))
        if value != cell.value and all(m.value != value for m in found):  # one name per wrong number
            found.append(Mistake(name, formula, value))
    return tuple(found)


def diagnose(text: str, cell: Cell, known: tuple[Mistake, ...]) -> tuple[Mistake, ...]:
    """The mistakes of ``known`` that ``text`` matches (at its precision) while missing the right value."""
    try:
        if grade(text, cell.value).right:
            return ()
        return tuple(m for m in known if grade(text, m.value).right)
    except (AnswerError, ValueError):
        return ()

