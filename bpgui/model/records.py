"""Immutable records handed from the model to everything that shows it.

One ``IterationRecord`` holds everything one iteration computed: per layer the
forward values and deltas for every sample of its batch, and per parameter
its value before, ∂E/∂p, Δp and value after. All arrays are read-only; the
views only read them. Records are named tuples: making one costs next to
nothing, which matters when thousands of iterations run per second.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .naming import ParameterSpecs

if TYPE_CHECKING:  # only a type here: records stay importable without the computing modules
    from .network import Network


class StepResult(NamedTuple):
    """The raw arrays of one iteration, before they are wrapped in an ``IterationRecord``.

    ``backprop.compute_step`` returns one; a run of many iterations pays for
    a record only when somebody asks for one. Per layer after the input,
    ``nets`` holds α_h / β_j, ``outputs`` b_h / ŷ_j and ``deltas`` e_h / g_j,
    one row per sample of the batch; ``gradients`` (∂E/∂p), ``updates``
    (Δp = −η ∂E/∂p) are flat vectors in the canonical order of
    ``naming.parameter_specs``. ``finite`` is False when the error or any new
    parameter is NaN or infinite (the trainer then refuses the step).
    """

    nets: list[np.ndarray]
    outputs: list[np.ndarray]
    deltas: list[np.ndarray]
    sample_errors: np.ndarray  # (B,) E_k per sample
    error: float  # (1/B) Σ_k E_k
    gradients: np.ndarray
    updates: np.ndarray
    finite: bool
    network_after: Network

    @property
    def weight_gradients(self) -> list[np.ndarray]:
        """∂E/∂p of the weights, per layer, shaped like ``Network.weights``."""
        return list(self.network_after.with_flat(self.gradients).weights)

    @property
    def threshold_gradients(self) -> list[np.ndarray]:
        """∂E/∂p of the thresholds, per layer, shaped like ``Network.thresholds``."""
        return list(self.network_after.with_flat(self.gradients).thresholds)


class LayerValues(NamedTuple):
    """One layer after the input, for each sample (row) of the batch.

    net:    α_h or β_j, the weighted sum the unit receives
    output: b_h or ŷ_j = f(net − threshold)
    delta:  −∂E_k/∂(net − threshold); the note's e_h (hidden) and g_j (output)
    """

    net: np.ndarray
    output: np.ndarray
    delta: np.ndarray


class LayerParameters(NamedTuple):
    """One layer's weights and thresholds: value before, ∂E/∂p, Δp = −η ∂E/∂p, value after."""

    weights: np.ndarray
    weight_gradients: np.ndarray
    weight_updates: np.ndarray
    new_weights: np.ndarray
    thresholds: np.ndarray
    threshold_gradients: np.ndarray
    threshold_updates: np.ndarray
    new_thresholds: np.ndarray


class IterationRecord(NamedTuple):
    """Iteration t of training: every value it used and produced.

    ``error`` is the error the update descended: E_k for standard BP (a
    batch of one), ``(1/B) Σ_k E_k`` over the batch for accumulated (B = m)
    and mini-batch BP. The ``flat_*`` vectors list every parameter in the
    canonical order of ``specs`` (see ``naming.parameter_specs``).
    """

    iteration: int  # t, 1-based
    epoch: int  # 1-based epoch this iteration belongs to
    mode: str
    learning_rate: float
    sample_indices: np.ndarray  # (B,) rows of the training set, 0-based
    inputs: np.ndarray  # (B, d)
    targets: np.ndarray  # (B, l)
    layers: tuple[LayerValues, ...]
    sample_errors: np.ndarray  # (B,) E_k per sample
    error: float
    flat_values: np.ndarray  # p before the update
    flat_gradients: np.ndarray  # ∂E/∂p
    flat_updates: np.ndarray  # Δp = −η ∂E/∂p
    flat_new_values: np.ndarray  # p + Δp
    layer_sizes: tuple[int, ...]

    @property
    def batch_size(self) -> int:
        return int(self.sample_indices.shape[0])

    @property
    def specs(self) -> ParameterSpecs:
        return ParameterSpecs(self.layer_sizes)

    @property
    def parameters(self) -> tuple[LayerParameters, ...]:
        """Per layer, read-only views of the flat vectors shaped as weights and thresholds."""
        out = []
        offset = 0
        sizes = self.layer_sizes
        for k in range(len(sizes) - 1):
            n_in, n_out = sizes[k], sizes[k + 1]
            t0 = offset + n_in * n_out
            t1 = t0 + n_out
            views = []
            for flat in (self.flat_values, self.flat_gradients, self.flat_updates, self.flat_new_values):
                views.append((flat[offset:t0].reshape(n_in, n_out), flat[t0:t1]))
            (w, t), (gw, gt), (uw, ut), (nw, nt) = views
            out.append(LayerParameters(w, gw, uw, nw, t, gt, ut, nt))
            offset = t1
        return tuple(out)


def frozen_layers(step: StepResult) -> tuple[LayerValues, ...]:
    """A step's per-layer arrays (and its E_k per sample) marked read-only, as a record's ``layers``."""
    for arrays in (step.nets, step.outputs, step.deltas):
        for a in arrays:
            if a.flags.writeable:
                a.setflags(write=False)
    if step.sample_errors.flags.writeable:
        step.sample_errors.setflags(write=False)
    return tuple(map(LayerValues, step.nets, step.outputs, step.deltas))


class _FromStep:
    """A field of ``LazyRecord`` made from its step when first read (``LazyRecord._fill`` stores all four)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: LazyRecord | None, cls: type) -> Any:
        if obj is None:
            return self
        d = obj.__dict__
        if self.name not in d:
            obj._fill()
        return d[self.name]


class LazyRecord(IterationRecord):
    """An ``IterationRecord`` whose arrays of the step (``layers``, ``sample_errors``, ``flat_gradients``,
    ``flat_updates``) are made from its ``StepResult`` when first read: a tiny network's step makes
    them from Python floats (``backprop_small.SmallStep``), and Step's record is often never read.

    Read by name, by index, by iteration, pickled or copied, it gives the arrays an eager record
    holds (read-only, made once); the tuple's own slots hold None for those four.
    """

    _step: StepResult

    def __new__(
        cls, step: StepResult, iteration: int, epoch: int, mode: str, learning_rate: float,
        sample_indices: np.ndarray, inputs: np.ndarray, targets: np.ndarray, flat_values: np.ndarray,
        layer_sizes: tuple[int, ...],
    ) -> LazyRecord:
        self = super().__new__(
            cls, iteration, epoch, mode, learning_rate, sample_indices, inputs, targets, None,  # type: ignore[arg-type]
            None, step.error, flat_values, None, None, step.network_after.flat, layer_sizes,  # type: ignore[arg-type]
        )
        self._step = step
        return self

    def _fill(self) -> None:
        step = self._step
        d = self.__dict__
        d["layers"] = frozen_layers(step)
        for a in (step.gradients, step.updates):
            if a.flags.writeable:
                a.setflags(write=False)
        d["sample_errors"], d["flat_gradients"], d["flat_updates"] = step.sample_errors, step.gradients, step.updates

    layers = _FromStep("layers")
    sample_errors = _FromStep("sample_errors")
    flat_gradients = _FromStep("flat_gradients")
    flat_updates = _FromStep("flat_updates")

    # The tuple protocol reads the fields by name, so that no caller ever sees a None slot.
    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in IterationRecord._fields)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values())

    def __getitem__(self, index: Any) -> Any:
        return self._values()[index]

    def __eq__(self, other: object) -> bool:
        return self._values() == (other._values() if isinstance(other, LazyRecord) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return repr(self.eager())

    def __reduce__(self) -> tuple[Any, ...]:
        return IterationRecord, self._values()

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> IterationRecord:  # type: ignore[override]
        return IterationRecord._make(iterable)

    def _replace(self, **changes: Any) -> IterationRecord:  # type: ignore[override]
        return self.eager()._replace(**changes)

    def eager(self) -> IterationRecord:
        """The same record as a plain ``IterationRecord`` (every array made)."""
        return IterationRecord(*self._values())


@dataclass(frozen=True)
class RunSummary:
    """One training run of a comparison (``experiments.compare_modes``), per epoch."""

    mode: str
    learning_rate: float
    epoch_errors: np.ndarray  # row e: E after e epochs (row 0: before training)
    epoch_accuracies: np.ndarray
    updates_per_epoch: int

    @property
    def epochs(self) -> int:
        return int(self.epoch_errors.shape[0]) - 1

    @property
    def final_error(self) -> float:
        return float(self.epoch_errors[-1])

    @property
    def final_accuracy(self) -> float:
        return float(self.epoch_accuracies[-1])

    def epochs_to(self, error: float) -> int | None:
        """The first epoch at which E ≤ ``error`` (None if never)."""
        hits = np.flatnonzero(self.epoch_errors <= error)
        return int(hits[0]) if hits.size else None
