"""The chain rule for one parameter, factor by factor, with an iteration's numbers.

For the note's d-q-l network, as in its table of standard BP (the chain rule per parameter)::

    ∂E_k/∂w_hj = ∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂w_hj = −(y_j − ŷ_j) · ŷ_j(1 − ŷ_j) · b_h
    ∂E_k/∂θ_j  = ∂E_k/∂ŷ_j · ∂ŷ_j/∂θ_j            = −(y_j − ŷ_j) · (−ŷ_j(1 − ŷ_j))
    ∂E_k/∂γ_h  = Σ_j (∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂b_h) · ∂b_h/∂γ_h
    ∂E_k/∂v_ih = Σ_j (∂E_k/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂b_h) · ∂b_h/∂α_h · ∂α_h/∂v_ih

Every factor is one ``formula`` object (see ``closed_forms``): it renders its
derivative and closed form and is evaluated from the iteration's record for
the batch's first sample k, so the text and the number cannot disagree.
Deeper layers write the sum over the next layer with its deltas,
``∂E_k/∂α_j = −e_j``. In accumulated and mini-batch BP the update uses
``∂E/∂p = (1/B) Σ_k ∂E_k/∂p``; its terms are read from the record's
per-sample layer values (``per_sample``) and listed beside the mean.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import closed_forms as cf
from .chain_paths import link_ref, unit_ref
from .formula import Derivative, Eq, Expr, Mul, Neg, SumOver, delta, net, sample_error, unit, weight
from .naming import ParameterSpec, parameter_spec
from .per_sample import per_sample_gradients
from .records import IterationRecord

MAX_LISTED = 8  # a batch up to this size lists every ∂E_k/∂p; a larger one its first and last terms
HEAD = 3  # the first terms a large batch lists before "…"


@dataclass(frozen=True)
class Factor:
    """One factor of a chain-rule product: ``∂a/∂b`` with its closed form, and its number."""

    derivative: Derivative  # renders ∂ŷ_1/∂β_1; its ``closed`` is ŷ_1(1 − ŷ_1)
    value: float
    source: str = ""  # where it lives in the drawing: "unit:L:U" or "link:I" (see ``chain_paths``)

    @property
    def closed_form(self) -> Expr:
        return self.derivative.closed


@dataclass(frozen=True)
class SampleTerm:
    """∂E_k/∂p for one sample of the batch."""

    position: int  # 1-based position in the batch
    sample: int  # 1-based row of the training set
    value: float


@dataclass(frozen=True)
class Derivation:
    """∂E_k/∂p = Σ over ``terms`` (each a product of factors) × the product of ``common``, for sample k."""

    parameter: str  # the parameter's symbol (rich text)
    parameter_text: str  # plain text, as in the table
    symbol: Expr  # the parameter as a formula symbol
    terms: tuple[tuple[Factor, ...], ...]  # one product, or one per unit of the next layer (Σ_j)
    sum_index: str | None  # "j" when ``terms`` is a sum, else None
    generic: tuple[Derivative, ...]  # a term's derivatives with a general j, e.g. ∂E_k/∂ŷ_j
    common: tuple[Factor, ...]  # factors outside the sum
    formula: Eq  # ∂E_k/∂p = the whole chain (Σ_j written out with j), evaluated for sample k
    through: Derivative | None  # ∂E_k/∂(the unit's output) = Σ_j (…), when there is a sum
    value: float  # Σ terms × common, from the factors' numbers, for sample k (the first of the batch)
    gradient: float  # ∂E/∂p as the iteration used it (the record's; a batch mean in batch modes)
    update: float  # Δp = −η ∂E/∂p (the record's)
    learning_rate: float
    batch_size: int
    batch_formula: Eq  # ∂E/∂p = (1/B) Σ_k ∂E_k/∂p
    update_formula: Eq  # Δp = −η · ∂E/∂p (∂E_k/∂p for a batch of one)
    sample_terms: tuple[SampleTerm, ...] = ()  # ∂E_k/∂p of the batch: all, or the first and the last
    sample_mean: float = 0.0  # (1/B) Σ_k ∂E_k/∂p over every sample, from the record's layer values
    sample: int = 0  # 1-based row of the training set the factors are read for
    inputs: tuple[float, ...] = ()  # its x
    targets: tuple[float, ...] = ()  # its y

    @property
    def product_of_terms(self) -> float:
        return float(sum(math.prod([f.value for f in term]) for term in self.terms))

    @property
    def omitted(self) -> int:
        """How many ∂E_k/∂p of the batch the list leaves out (written "…")."""
        return self.batch_size - len(self.sample_terms)

    @staticmethod
    def derivatives(factors: Sequence[Factor | Derivative]) -> Mul:
        """∂a/∂b · ∂c/∂d · … (in rich text each a link to where a Factor lives)"""
        return Mul(tuple(f.derivative if isinstance(f, Factor) else f for f in factors), dotted=True,
                   refs=tuple(f.source if isinstance(f, Factor) else "" for f in factors))

    @staticmethod
    def closed_forms(factors: Sequence[Factor], *, continued: bool = False) -> Mul:
        """The factors' closed forms multiplied: ``−(y_1 − ŷ_1) · ŷ_1(1 − ŷ_1) · b_1``.

        ``continued``: written after ``… ·``, so a leading minus goes in parentheses.
        """
        return Mul(tuple(f.closed_form for f in factors), dotted=True, continued=continued,
                   refs=tuple(f.source for f in factors))


@dataclass(frozen=True)
class _Chain:
    """A parameter's chain rule without numbers: what every step of one selection shares."""

    spec: ParameterSpec
    symbol: Expr
    terms: tuple[tuple[tuple[Derivative, str], ...], ...]  # each factor's derivative and where it lives
    common: tuple[tuple[Derivative, str], ...]
    sum_index: str | None
    generic: tuple[Derivative, ...]
    formula: Eq
    through: Derivative | None
    batch_formula: Eq
    update_formula: Eq


@functools.lru_cache(maxsize=16)
def _chain_of(sizes: tuple[int, ...], index: int, activations: tuple[str, ...], loss: str, batch: bool) -> _Chain:
    """The chain rule's formulas for ``index``: built once per selection and network shape (formulas are
    values, the same for every record of that shape), each step only evaluates them."""
    shape = cf.Shape(sizes, activations, loss)
    spec = parameter_spec(sizes, index)
    n, k, u, source = shape.n, spec.layer, spec.target, spec.source

    sources: dict[Derivative, str] = {}  # where each factor lives in the drawing

    def factor(d: Derivative) -> tuple[Derivative, str]:
        return d, sources.get(d, "")

    def at(ref: str, d: Derivative) -> Derivative:
        sources[d] = ref
        return d

    p = cf.parameter(shape, k, source, u)
    out_k, net_k = unit(k, u, n), net(k, u, n)
    if source is not None:  # a weight: its unit's slope, then the input on the link
        own: tuple[Derivative, ...] = (at(unit_ref(k, u - 1), Derivative(out_k, net_k, cf.slope(shape, k, u))),
                                       at(link_ref(index), Derivative(net_k, p, unit(k - 1, source, n))))
    else:  # a threshold is subtracted: ∂b_h/∂γ_h = −f′
        own = (at(unit_ref(k, u - 1), Derivative(out_k, p, Neg(cf.slope(shape, k, u)))),)

    def chain(j: int | str) -> tuple[Derivative, ...]:
        """∂E_k/∂(net of unit j of the next layer) · ∂(that net)/∂(this output)."""
        if isinstance(j, str):  # the general term, written with j: it lives nowhere in particular
            j_unit, link = "", ""
        else:
            j_unit, link = unit_ref(k + 1, j - 1), link_ref(cf.parameter_index(sizes, k + 1, u, j))
        if k + 1 == n:
            head: tuple[Derivative, ...] = (
                at(j_unit, cf.loss_slope(shape, j)),
                at(j_unit, Derivative(unit(n, j, n), net(n, j, n), cf.slope(shape, n, j))))
        else:
            head = (at(j_unit, Derivative(sample_error(), net(k + 1, j, n), Neg(delta(k + 1, j, n)))),)
        return (*head, at(link, Derivative(net(k + 1, j, n), out_k, weight(k + 1, u, j, n))))

    through: Derivative | None = None
    if k == n:
        parts = (at(unit_ref(n, u - 1), cf.loss_slope(shape, u)), *own)
        terms: tuple[tuple[tuple[Derivative, str], ...], ...] = (tuple(factor(d) for d in parts),)
        common: tuple[tuple[Derivative, str], ...] = ()
        sum_index = None
        generic: tuple[Derivative, ...] = parts
        whole: Expr = Mul(parts, dotted=True)
    else:
        terms = tuple(tuple(factor(d) for d in chain(j)) for j in range(1, sizes[k + 1] + 1))
        common = tuple(factor(d) for d in own)
        sum_index = "j"
        generic = chain("j")
        summed = SumOver("j", Mul(generic, dotted=True), k + 1)
        through = Derivative(sample_error(), out_k, summed)
        whole = Mul((summed, *own), dotted=True)
    return _Chain(spec, p, terms, common, sum_index, generic, Eq((Derivative(sample_error(), p, whole), whole)),
                  through, cf.batch_gradient(shape, k, source, u), cf.update(shape, k, source, u, batch=batch))


def derive(record: IterationRecord, index: int, activations: tuple[str, ...], loss: str) -> Derivation:
    """The chain rule for parameter ``index`` (canonical order) in iteration ``record``, for its first sample."""
    sizes, _spec, _shape, env, first = cf.parameter_context(record, index, activations, loss)
    batch = record.batch_size
    c = _chain_of(sizes, index, tuple(activations), loss, batch > 1)
    # A formula met again (the chain's own objects, alive meanwhile) is evaluated once: by identity, since a
    # formula's hash walks its whole tree each time (most of a step's derivation was hashing).
    values: dict[int, float] = {}

    def factor(d: Derivative, source: str) -> Factor:
        value = values.get(id(d))
        if value is None:
            value = values[id(d)] = d.evaluate(env, first)
        return Factor(d, value, source)

    terms = tuple(tuple(factor(d, ref) for d, ref in term) for term in c.terms)
    common = tuple(factor(d, ref) for d, ref in c.common)
    # (math.prod multiplies in order as np.prod does for so few factors, bit for bit, without an array each)
    total = float(sum(math.prod([f.value for f in term]) for term in terms))
    total *= float(math.prod([f.value for f in common])) if common else 1.0

    per_sample = per_sample_gradients(record, index)
    listed = range(batch) if batch <= MAX_LISTED else [*range(HEAD), batch - 1]
    rows = record.sample_indices
    return Derivation(
        parameter=c.spec.symbol.html, parameter_text=c.spec.name, symbol=c.symbol, terms=terms,
        sum_index=c.sum_index, generic=c.generic, common=common, formula=c.formula, through=c.through,
        value=total, gradient=float(record.flat_gradients[index]), update=float(record.flat_updates[index]),
        learning_rate=record.learning_rate, batch_size=batch, batch_formula=c.batch_formula,
        update_formula=c.update_formula,
        sample_terms=tuple(SampleTerm(i + 1, int(rows[i]) + 1, float(per_sample[i])) for i in listed),
        sample_mean=float(np.mean(per_sample)),
        sample=int(rows[0]) + 1, inputs=tuple(record.inputs[0].tolist()),
        targets=tuple(record.targets[0].tolist()),
    )
