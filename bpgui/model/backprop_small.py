"""The same iteration for a tiny network and one sample, in Python floats.

For the note's 2-2-1 network a NumPy call costs far more than the arithmetic
inside it (a dozen flops each), so standard BP on a network of at most
``SMALL_NETWORK`` parameters runs this instead. It is the formula of
``backprop`` written out unit by unit:

    forward    net_j = Σ_i a_i w_ij,  out_j = f(net_j − t_j)
    output     δ_j = f'(z_j)(y_j − ŷ_j)          (cross-entropy: y_j − ŷ_j)
    hidden     δ_h = f'(z_h) Σ_j w_hj δ_j
    gradients  ∂E/∂w_ij = −a_i δ_j,  ∂E/∂t_j = δ_j;   Δp = −η ∂E/∂p

and returns the same ``StepResult`` (NumPy arrays, made when first read: ``SmallStep``). Each structure's
step is written out once as straight-line Python (``step_source``: no loops, no list indexing, every sum
in the loops' order) and compiled: for 2-2-1 that halves the time of the loops it replaced, with the
same floats bit for bit. The test suite proves it equal to the note's derivation (``reference``), to
finite differences, to the vectorised path and to the loops it replaced (``tests/model/test_speed_tiny``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import pairwise
from typing import Generic, TypeVar, overload

import numpy as np

from .activations import ACTIVATIONS, unknown_loss
from .network import Network
from .records import StepResult

SMALL_NETWORK = 64  # parameters; above this the vectorised path is faster


def compute_step_small(network: Network, x: list[float], y: list[float], learning_rate: float) -> StepResult:
    """One iteration on one sample ``x`` with target ``y``; ``network`` is not changed."""
    step = _compiled(network.layer_sizes, network.activations, network.loss)
    nets, outs, deltas, grads, updates, error, finite, new = step(network.flat.tolist(), x, y, learning_rate)
    nf = np.array(new)
    nf.setflags(write=False)
    return SmallStep(nets, outs, deltas, grads, updates, error, finite, network.with_flat(nf))


_Compiled = Callable[
    [list[float], list[float], list[float], float],
    tuple[list[list[float]], list[list[float]], list[list[float]], list[float], list[float], float, bool, list[float]],
]
_COMPILED: dict[tuple[tuple[int, ...], tuple[str, ...], str, bool], Callable[..., tuple]] = {}


def _compiled(sizes: tuple[int, ...], activations: tuple[str, ...], loss: str) -> _Compiled:
    """The step of one structure as straight-line Python (made once per structure, then cached)."""
    return _cached(sizes, activations, loss, False)


LeanStep = Callable[[list[float], list[float], list[float], float], tuple[float, bool, list[float]]]


def lean_step(sizes: tuple[int, ...], activations: tuple[str, ...], loss: str) -> LeanStep:
    """The same step returning only ``(error, finite, new parameters)``: Run's iterations read nothing
    else (``run_small.py``). Its lines are the full step's, so its floats are the same, bit for bit."""
    return _cached(sizes, activations, loss, True)


def _cached(sizes: tuple[int, ...], activations: tuple[str, ...], loss: str, lean: bool) -> Callable[..., tuple]:
    key = (sizes, activations, loss, lean)
    fn = _COMPILED.get(key)
    if fn is None:
        if len(_COMPILED) > 64:
            _COMPILED.clear()
        fn = _COMPILED[key] = _compile(sizes, activations, loss, lean=lean)
    return fn


def step_source(sizes: tuple[int, ...], loss: str, *, lean: bool = False) -> str:
    """The Python source of one step for ``sizes`` and ``loss``: the loops of the module's formula
    unrolled unit by unit, every sum in the same order (``0.0 + a₀w₀ + a₁w₁ + …``, left to right), so
    each value is the one the loops give, bit for bit. Names: ``p*`` parameters, ``x*``/``y*`` the
    sample, ``n{k}_{j}`` net inputs, ``z{k}_{j}`` net − threshold, ``o{k}_{j}`` outputs, ``d{k}_{j}``
    deltas, ``g*`` ∂E/∂p, ``u*`` Δp, ``q*`` new parameters; ``F{k}``/``S{k}`` are layer k's function
    and slope (from its output). ``lean``: the same lines, returning ``error, finite, [q*]`` only."""
    if loss not in ("squared_error", "cross_entropy"):
        raise unknown_loss(loss)
    n = len(sizes) - 1
    layout = _layout(sizes)
    n_params = layout[-1][2]
    ps = [f"p{i}" for i in range(n_params)]
    lines = ["def step(p, x, y, eta):"]
    add = lines.append
    add(f"    {', '.join(ps)}, = p")
    add(f"    {', '.join(f'x{i}' for i in range(sizes[0]))}, = x")
    add(f"    {', '.join(f'y{j}' for j in range(sizes[-1]))}, = y")
    ins = [f"x{i}" for i in range(sizes[0])]
    outs: list[list[str]] = []
    nets: list[list[str]] = []
    for k in range(n):
        w0, t0, _ = layout[k]
        n_out = sizes[k + 1]
        nets.append([f"n{k}_{j}" for j in range(n_out)])
        outs.append([f"o{k}_{j}" for j in range(n_out)])
        for j in range(n_out):
            terms = "".join(f" + {a} * p{w0 + i * n_out + j}" for i, a in enumerate(ins))
            add(f"    n{k}_{j} = 0.0{terms}")
            add(f"    z{k}_{j} = n{k}_{j} - p{t0 + j}")
            add(f"    o{k}_{j} = F{k}(z{k}_{j})")
        ins = outs[k]
    last = n - 1
    deltas: list[list[str]] = [[f"d{k}_{j}" for j in range(sizes[k + 1])] for k in range(n)]
    if loss == "squared_error":
        for j in range(sizes[-1]):
            add(f"    d{last}_{j} = S{last}(o{last}_{j}) * (y{j} - o{last}_{j})")
        terms = "".join(f"(y{j} - o{last}_{j}) * (y{j} - o{last}_{j}), " for j in range(sizes[-1]))
        add(f"    error = 0.5 * sum(({terms}))")
    else:
        for j in range(sizes[-1]):
            add(f"    d{last}_{j} = y{j} - o{last}_{j}")
        terms = "".join(
            f"max(z{last}_{j}, 0.0) + log1p(exp(-abs(z{last}_{j}))) - y{j} * z{last}_{j}, " for j in range(sizes[-1])
        )
        add(f"    error = sum(({terms}))")
    for k in range(n - 2, -1, -1):
        w0 = layout[k + 1][0]
        n_out = sizes[k + 2]
        for h in range(sizes[k + 1]):
            terms = "".join(f" + p{w0 + h * n_out + j} * d{k + 1}_{j}" for j in range(n_out))
            add(f"    d{k}_{h} = S{k}(o{k}_{h}) * (0.0{terms})")
    for k in range(n):
        w0, t0, _ = layout[k]
        before = [f"x{i}" for i in range(sizes[0])] if k == 0 else outs[k - 1]
        idx = w0
        for a in before:
            for d in deltas[k]:
                add(f"    g{idx} = -({a} * {d})")
                idx += 1
        for j, d in enumerate(deltas[k]):
            add(f"    g{t0 + j} = {d}")
    add("    neg_eta = -eta")
    for i in range(n_params):
        add(f"    u{i} = g{i} * neg_eta")
        add(f"    q{i} = p{i} + u{i}")
    # Finite: v − v is +0.0 for a finite v and NaN for ±∞ or NaN, so a sum of them is 0.0 exactly
    # when every term is finite (math.isfinite of each, without a call each).
    checks = "".join(f" + ({v} - {v})" for v in ["error", *(v for layer in nets for v in layer)]
                     + [f"q{i}" for i in range(n_params)])
    add(f"    finite = (0.0{checks}) == 0.0")

    def listed(names: list[str]) -> str:
        return "[" + ", ".join(names) + "]"

    if lean:
        add(f"    return error, finite, {listed([f'q{i}' for i in range(n_params)])}")
        return "\n".join(lines) + "\n"
    add("    return (")
    for table in (nets, outs, deltas):
        add(f"        [{', '.join(listed(row) for row in table)}],")
    for prefix in ("g", "u"):
        add(f"        {listed([f'{prefix}{i}' for i in range(n_params)])},")
    add(f"        error, finite, {listed([f'q{i}' for i in range(n_params)])},")
    add("    )")
    return "\n".join(lines) + "\n"


def _compile(sizes: tuple[int, ...], activations: tuple[str, ...], loss: str, *, lean: bool = False) -> _Compiled:
    namespace: dict[str, object] = {"log1p": math.log1p, "exp": math.exp}
    for k, name in enumerate(activations):
        namespace[f"F{k}"] = ACTIVATIONS[name].scalar
        namespace[f"S{k}"] = ACTIVATIONS[name].scalar_slope_from_output
    code = compile(step_source(sizes, loss, lean=lean), f"<bpgui small step {'-'.join(map(str, sizes))}>", "exec")
    exec(code, namespace)  # noqa: S102 - our own source, made from layer sizes alone
    fn: _Compiled = namespace["step"]  # type: ignore[assignment]
    return fn


def _layout(sizes: tuple[int, ...]) -> list[tuple[int, int, int]]:
    out, offset = [], 0
    for n_in, n_out in pairwise(sizes):
        t0 = offset + n_in * n_out
        out.append((offset, t0, t0 + n_out))
        offset = t0 + n_out
    return out


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
