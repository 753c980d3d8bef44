"""Gradient check: ∂E/∂p estimated by finite differences, beside the backward pass's.

For each parameter p the five-point central difference

    ∂E/∂p ≈ (−E(p + 2h) + 8E(p + h) − 8E(p − h) + E(p − 2h)) / 12h

is taken on the same batch and the same loss the iteration used (its truncation
error is O(h⁴), so with h = 10⁻⁴ the estimate agrees with an exact gradient to
about ten digits). The relative error is |a − n| / max(|a|, |n|, 10⁻⁶): a
gradient that is exactly 0 (an input of 0, a dead ReLU) is compared on an
absolute scale of 10⁻⁶, where the estimate's rounding noise (~10⁻¹²) is harmless.

Harmless, but not zero: beside an exactly-zero gradient the estimate is the
rounding noise of twelve differences of E (~10⁻¹³ on XOR, a relative error of
~10⁻⁷), which would outrank the real parameters' ~10⁻¹¹. ``largest_error``
therefore skips a parameter whose ∂E/∂p is exactly 0 and whose estimate is
below ``NOISE_FLOOR``: the worst parameter it names is a real disagreement.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .backprop import loss_value
from .network import Network
from .records import IterationRecord

STENCIL = ((2.0, -1.0), (1.0, 8.0), (-1.0, -8.0), (-2.0, 1.0))
# Beyond this many parameters a check of all of them would take seconds: the
# caller asks for a subset (the visible rows, the selection).
MAX_CHECKED = 2000
# Beside an exactly-zero ∂E/∂p, an estimate below this is rounding noise (it is ~10⁻¹³ for E of order 1).
# Below it the relative error (on the 10⁻⁶ scale) stays under 10⁻⁴, the gradient table's highlight, so a
# highlighted row is never skipped. views/gradient_table_columns.py repeats it (views may not import this).
NOISE_FLOOR = 1e-10


def finite_difference_gradients(network: Network, inputs: np.ndarray, targets: np.ndarray,
                                indices: Sequence[int] | np.ndarray | None = None, h: float = 1e-4) -> np.ndarray:
    """Estimates of ∂E/∂p for ``indices`` (default: all) of ``network`` on one batch."""
    flat = network.flat
    chosen = np.arange(flat.shape[0]) if indices is None else np.asarray(indices, dtype=np.int64)
    out = np.empty(chosen.shape[0])
    work = flat.copy()
    for n, index in enumerate(chosen):
        original = work[index]
        total = 0.0
        for steps, coef in STENCIL:
            work[index] = original + steps * h
            total += coef * loss_value(network.with_flat(work), inputs, targets)
        work[index] = original
        out[n] = total / (12.0 * h)
    return out


def relative_errors(analytic: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), 1e-6)
    return np.abs(analytic - numeric) / scale


def check_record(record: IterationRecord, network_before: Network,
                 indices: Sequence[int] | np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(indices, estimates, relative errors) for the iteration ``record`` (its batch, its parameters)."""
    if not np.array_equal(network_before.flat, record.flat_values):
        raise ValueError("the network given is not the one the iteration started from")
    chosen = np.arange(record.flat_values.shape[0]) if indices is None else np.asarray(indices, dtype=np.int64)
    estimates = finite_difference_gradients(network_before, np.asarray(record.inputs), np.asarray(record.targets),
                                            chosen)
    return chosen, estimates, relative_errors(record.flat_gradients[chosen], estimates)


def rounding_noise(analytic: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    """Where ∂E/∂p is exactly 0 and its estimate is below ``NOISE_FLOOR``: nothing to report."""
    analytic, numeric = np.asarray(analytic, dtype=np.float64), np.asarray(numeric, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return (analytic == 0.0) & (np.abs(numeric) < NOISE_FLOOR)


def largest_error(analytic: np.ndarray, numeric: np.ndarray, errors: np.ndarray) -> int:
    """Index of the largest relative error that is not rounding noise, −1 if none (NaN: not checked)."""
    counted = np.where(rounding_noise(analytic, numeric), np.nan, np.asarray(errors, dtype=np.float64))
    if counted.shape[0] == 0 or np.isnan(counted).all():
        return -1
    return int(np.nanargmax(counted))
