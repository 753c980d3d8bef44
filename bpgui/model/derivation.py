"""The chain rule for one parameter, factor by factor, with an iteration's numbers.

For the note's d-q-l network, as in its table of standard BP (the chain rule per parameter)::

    ∂E/∂w_hj = ∂E/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂w_hj = −(y_j − ŷ_j) · ŷ_j(1 − ŷ_j) · b_h
    ∂E/∂θ_j  = ∂E/∂ŷ_j · ∂ŷ_j/∂θ_j            = −(y_j − ŷ_j) · (−ŷ_j(1 − ŷ_j))
    ∂E/∂γ_h  = Σ_j (∂E/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂b_h) · ∂b_h/∂γ_h
    ∂E/∂v_ih = Σ_j (∂E/∂ŷ_j · ∂ŷ_j/∂β_j · ∂β_j/∂b_h) · ∂b_h/∂α_h · ∂α_h/∂v_ih

Every factor's number is read from the iteration's record (targets, outputs,
weights before the update, hidden outputs, deltas); the product is shown
beside the record's own ∂E/∂p, the number the update used. Deeper layers
write the sum over the next layer with its deltas, ``∂E/∂α_j = −e_j``.
Formulas come in two forms: ``html`` (Qt rich text) and ``text`` (plain).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .naming import Symbol, delta_symbol, net_symbol, parameter_specs, unit_symbol, weight_symbol
from .records import IterationRecord


@dataclass(frozen=True)
class Factor:
    """One factor of a chain-rule product: its symbolic derivative, its closed form, its number."""

    derivative: str  # e.g. "∂ŷ<sub>1</sub>/∂β<sub>1</sub>"
    closed_form: str  # e.g. "ŷ<sub>1</sub>(1 − ŷ<sub>1</sub>)"
    value: float


@dataclass(frozen=True)
class Derivation:
    """∂E/∂p = Σ over ``terms`` (each a product of factors) × the product of ``common``."""

    parameter: str  # the parameter's symbol (rich text)
    parameter_text: str  # plain text, as in the table
    terms: tuple[tuple[Factor, ...], ...]  # one product, or one per unit of the next layer (Σ_j)
    sum_index: str | None  # "j" when ``terms`` is a sum, else None
    generic: tuple[str, ...]  # a term's derivatives with a general j, e.g. "∂E/∂ŷ<sub>j</sub>"
    common: tuple[Factor, ...]  # factors outside the sum
    value: float  # Σ terms × common, from the factors' numbers (first sample of the batch)
    gradient: float  # ∂E/∂p as the iteration used it (the record's; a batch mean in batch modes)
    update: float  # Δp = −η ∂E/∂p (the record's)
    learning_rate: float
    batch_size: int
    sample: int = 0  # 1-based row of the training set the factors are read for
    inputs: tuple[float, ...] = ()  # its x
    targets: tuple[float, ...] = ()  # its y

    @property
    def product_of_terms(self) -> float:
        return float(sum(np.prod([f.value for f in term]) for term in self.terms))


def _sub(symbol: Symbol) -> str:
    return symbol.html


def _loss_factor(loss: str, y: float, y_hat: float, j: int, n_layers: int) -> Factor:
    yh = _sub(unit_symbol(n_layers, j + 1, n_layers))
    yy = f"<i>y</i><sub>{j + 1}</sub>"
    if loss == "squared_error":
        return Factor(f"∂E/∂{yh}", f"−({yy} − {yh})", -(y - y_hat))
    return Factor(f"∂E/∂{yh}", f"−{yy}/{yh} + (1 − {yy})/(1 − {yh})", -y / y_hat + (1 - y) / (1 - y_hat))


def _slope_factor(activation: str, out_symbol: str, net_html: str, value: float) -> tuple[str, float]:
    forms = {
        "sigmoid": f"{out_symbol}(1 − {out_symbol})",
        "tanh": f"1 − {out_symbol}²",
        "relu": f"[{net_html} > 0]",
        "linear": "1",
    }
    slope = float(ACTIVATIONS[activation].slope_from_output(np.array([value]))[0])
    return forms[activation], slope


def _generic_j(derivative: str, first: str) -> str:
    """The first term's derivative with the summed unit's index (1) written as j.

    Only the summed unit's symbols change: in ∂β_1/∂b_h the denominator keeps h.
    """
    head, sep, tail = derivative.partition("/∂")
    if tail.startswith(("<i>b</i>", "<i>x</i>")):
        return head.replace(first, "<sub>j</sub>") + sep + tail
    return derivative.replace(first, "<sub>j</sub>")


def derive(record: IterationRecord, index: int, activations: tuple[str, ...], loss: str) -> Derivation:
    """The chain rule for parameter ``index`` (canonical order) in iteration ``record``, sample 0."""
    sizes = record.layer_sizes
    n = len(sizes) - 1
    spec = parameter_specs(sizes)[index]
    k = spec.layer
    j_unit = spec.target - 1
    params = record.parameters
    before = [record.inputs[0]] + [lv.output[0] for lv in record.layers]  # before[k] = layer k's outputs
    p_sym = _sub(spec.symbol)

    def in_symbol(layer: int, unit: int) -> str:
        return _sub(unit_symbol(layer, unit + 1, n))

    out_k = _sub(unit_symbol(k, j_unit + 1, n))
    net_k = _sub(net_symbol(k, j_unit + 1, n))
    slope_form, slope = _slope_factor(activations[k - 1], out_k, net_k, float(before[k][j_unit]))
    last: Factor | None = None  # ∂(net)/∂p: only a weight has it
    if spec.source is not None:  # a weight (a threshold has no source unit)
        source = spec.source - 1
        # The factor from the unit's net input to the parameter: the input on the link.
        last = Factor(f"∂{net_k}/∂{p_sym}", in_symbol(k - 1, source), float(before[k - 1][source]))
        unit_factor = Factor(f"∂{out_k}/∂{net_k}", slope_form, slope)
    else:
        unit_factor = Factor(f"∂{out_k}/∂{p_sym}", f"(−{slope_form})" if slope_form != "1" else "(−1)", -slope)

    if k == n:
        y, y_hat = float(record.targets[0, j_unit]), float(before[n][j_unit])
        terms: tuple[tuple[Factor, ...], ...] = (
            (_loss_factor(loss, y, y_hat, j_unit, n), unit_factor, *((last,) if last else ())),
        )
        common: tuple[Factor, ...] = ()
        sum_index = None
        generic = tuple(f.derivative for f in terms[0])
    else:
        # Σ over the units of the next layer: ∂E/∂(their net) · ∂(their net)/∂(this output).
        next_sizes = sizes[k + 1]
        w_next = params[k].weights  # weights from layer k into layer k + 1, before the update
        terms_list: list[tuple[Factor, ...]] = []
        for j in range(next_sizes):
            if k + 1 == n:
                y, y_hat = float(record.targets[0, j]), float(before[n][j])
                yh = in_symbol(n, j)
                beta = _sub(net_symbol(n, j + 1, n))
                form, s = _slope_factor(activations[n - 1], yh, beta, y_hat)
                chain: tuple[Factor, ...] = (_loss_factor(loss, y, y_hat, j, n), Factor(f"∂{yh}/∂{beta}", form, s))
            else:
                d_sym = _sub(delta_symbol(k + 1, j + 1, n))
                nxt = _sub(net_symbol(k + 1, j + 1, n))
                delta = float(record.layers[k].delta[0, j])
                chain = (Factor(f"∂E/∂{nxt}", f"−{d_sym}", -delta),)
            nxt_net = _sub(net_symbol(k + 1, j + 1, n))
            w = _sub(weight_symbol(k + 1, j_unit + 1, j + 1, n))
            terms_list.append((*chain, Factor(f"∂{nxt_net}/∂{out_k}", w, float(w_next[j_unit, j]))))
        terms = tuple(terms_list)
        common = (unit_factor, *((last,) if last else ()))
        sum_index = "j"
        generic = tuple(_generic_j(f.derivative, "<sub>1</sub>") for f in terms_list[0])
    total = float(sum(np.prod([f.value for f in term]) for term in terms))
    total *= float(np.prod([f.value for f in common])) if common else 1.0
    return Derivation(
        parameter=p_sym, parameter_text=spec.name, terms=terms, sum_index=sum_index, generic=generic,
        common=common,
        value=total, gradient=float(record.flat_gradients[index]), update=float(record.flat_updates[index]),
        learning_rate=record.learning_rate, batch_size=record.batch_size,
        sample=int(record.sample_indices[0]) + 1, inputs=tuple(record.inputs[0].tolist()),
        targets=tuple(record.targets[0].tolist()),
    )

