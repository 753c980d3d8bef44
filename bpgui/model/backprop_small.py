"""The same iteration for a tiny network and one sample, in Python floats.

For the note's 2-2-1 network a NumPy call costs far more than the arithmetic
inside it (a dozen flops each), so standard BP on a network of at most
``SMALL_NETWORK`` parameters runs this loop instead. It is the formula of
``backprop`` written out unit by unit:

    forward    net_j = Σ_i a_i w_ij,  out_j = f(net_j − t_j)
    output     δ_j = f'(z_j)(y_j − ŷ_j)          (cross-entropy: y_j − ŷ_j)
    hidden     δ_h = f'(z_h) Σ_j w_hj δ_j
    gradients  ∂E/∂w_ij = −a_i δ_j,  ∂E/∂t_j = δ_j;   Δp = −η ∂E/∂p

and returns the same ``StepResult`` (NumPy arrays, made when first read: ``SmallStep``). The test suite proves it
equal to the note's derivation (``reference``), to finite differences and to
the vectorised path.
"""

from __future__ import annotations

import math
from typing import Generic, TypeVar, overload

import numpy as np

from .activations import unknown_loss
from .network import Network
from .records import StepResult

SMALL_NETWORK = 64  # parameters; above this the vectorised path is faster


def compute_step_small(network: Network, x: list[float], y: list[float], learning_rate: float) -> StepResult:
    """One iteration on one sample ``x`` with target ``y``; ``network`` is not changed."""
    p: list[float] = network.flat.tolist()
    sizes = network.layer_sizes
    funcs = network.functions
    layout = network.layout
    n = len(layout)

    nets: list[list[float]] = []
    outs: list[list[float]] = []
    a = x
    z_last: list[float] = []
    for k in range(n):
        w0, t0, _ = layout[k]
        n_out = sizes[k + 1]
        f = funcs[k].scalar
        net = []
        out = []
        for j in range(n_out):
            total = 0.0
            idx = w0 + j
            for ai in a:
                total += ai * p[idx]
                idx += n_out
            net.append(total)
            z = total - p[t0 + j]
            out.append(f(z))
            if k == n - 1:
                z_last.append(z)
        nets.append(net)
        outs.append(out)
        a = out

    y_hat = outs[-1]
    loss = network.loss
    if loss == "squared_error":
        slope = funcs[-1].scalar_slope_from_output
        delta = [slope(o) * (t - o) for o, t in zip(y_hat, y)]
        error = 0.5 * sum((t - o) * (t - o) for o, t in zip(y_hat, y))
    elif loss == "cross_entropy":
        delta = [t - o for o, t in zip(y_hat, y)]
        error = sum(max(z, 0.0) + math.log1p(math.exp(-abs(z))) - t * z for z, t in zip(z_last, y))
    else:
        raise unknown_loss(loss)
    deltas: list[list[float]] = [[] for _ in range(n)]
    deltas[-1] = delta
    for k in range(n - 2, -1, -1):
        w0 = layout[k + 1][0]
        n_out = sizes[k + 2]
        slope = funcs[k].scalar_slope_from_output
        below = []
        for h, b in enumerate(outs[k]):
            row = w0 + h * n_out
            total = 0.0
            for j, dj in enumerate(delta):
                total += p[row + j] * dj
            below.append(slope(b) * total)
        delta = below
        deltas[k] = delta

    grads = [0.0] * len(p)
    for k in range(n):
        w0, t0, _ = layout[k]
        a = x if k == 0 else outs[k - 1]
        layer_delta = deltas[k]
        idx = w0
        for ai in a:
            for dj in layer_delta:
                grads[idx] = -(ai * dj)
                idx += 1
        grads[t0 : t0 + len(layer_delta)] = layer_delta
    neg_eta = -learning_rate
    updates = [g * neg_eta for g in grads]
    new = [v + u for v, u in zip(p, updates)]

    nf = np.array(new)
    nf.setflags(write=False)
    # finite: the error, every net input (ReLU, tanh or a sigmoid can turn a NaN or infinite
    # one into a finite output) and every new parameter.
    finite = (
        math.isfinite(error) and all(math.isfinite(v) for net in nets for v in net) and all(map(math.isfinite, new))
    )
    return SmallStep(nets, outs, deltas, grads, updates, float(error), finite, network.with_flat(nf))


T = TypeVar("T")


class _made_once(Generic[T]):
    """An attribute made on first read by ``SmallStep._make_arrays`` (which stores them all)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, cls: type) -> _made_once[T]: ...
    @overload
    def __get__(self, obj: object, cls: type) -> T: ...

    def __get__(self, obj: object | None, cls: type) -> T | _made_once[T]:
        if obj is None:
            return self
        obj._make_arrays()  # type: ignore[attr-defined]
        value: T = obj.__dict__[self.name]
        return value


class SmallStep(StepResult):
    """A ``StepResult`` whose arrays are made from the Python floats when first read.

    Run reads only ``error``, ``finite`` and ``network_after``: the nine other arrays of an
    iteration are never made. When one is read, all are made at once: one read-only array
    of every float, of which each is a view. The tuple itself holds None where an array is
    made on demand (read the fields by name, as every caller does).
    """

    _floats: tuple[list[list[float]], list[list[float]], list[list[float]], list[float], list[float]]

    def __new__(
        cls, nets: list[list[float]], outs: list[list[float]], deltas: list[list[float]], grads: list[float],
        updates: list[float], error: float, finite: bool, network_after: Network,
    ) -> SmallStep:
        self = super().__new__(cls, None, None, None, None, error, None, None, finite, network_after)  # type: ignore[arg-type]
        self._floats = (nets, outs, deltas, grads, updates)
        return self

    def _make_arrays(self) -> None:
        nets, outs, deltas, grads, updates = self._floats
        values = [*grads, *updates, self.error]
        sizes = [len(v) for v in nets]
        for layers in (nets, outs, deltas):
            for v in layers:
                values += v
        base = np.array(values)
        base.setflags(write=False)
        p = len(grads)
        d = self.__dict__
        d["gradients"], d["updates"], d["sample_errors"] = base[:p], base[p : 2 * p], base[2 * p : 2 * p + 1]
        at = 2 * p + 1
        for name in ("nets", "outputs", "deltas"):
            rows = []
            for n in sizes:
                rows.append(base[None, at : at + n])
                at += n
            d[name] = rows

    nets = _made_once[list[np.ndarray]]("nets")
    outputs = _made_once[list[np.ndarray]]("outputs")
    deltas = _made_once[list[np.ndarray]]("deltas")
    sample_errors = _made_once[np.ndarray]("sample_errors")
    gradients = _made_once[np.ndarray]("gradients")
    updates = _made_once[np.ndarray]("updates")
