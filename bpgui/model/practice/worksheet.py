"""The worksheet of one iteration: the cells a learner computes, in the note's order, each one formula.

For sample k = 1 of an iteration's record (a batch's first sample; standard BP's only one) the cells are

    α_h, b_h (each hidden layer in turn), β_j, ŷ_j, E_k, g_j, e_h (from the top hidden layer down),
    then ∂E_k/∂p and Δp for w_hj, θ_j, v_ih, γ_h (from the output layer down; a batch adds ∂E/∂p)

Each :class:`Cell` holds the closed form the chain-rule panel renders (``closed_forms``, concrete indices)
and its value, evaluated from that same formula over the record (``RecordEnv``), so what is marked right
is what the app shows; the tests prove every value equal to the record's own number. A network too big
to work by hand (more than ``MAX_CELLS`` cells) gets the cells of one parameter's path instead: the units
it feeds and every unit above them (at most ``MAX_UNITS_PER_LAYER`` of a layer), and that parameter's
∂E_k/∂p and Δp. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import closed_forms as cf
from ..formula import ETA, Add, Diff, Eq, Expr, Mul
from ..naming import parameter_spec
from ..records import IterationRecord

MAX_CELLS = 64  # a 2-2-1 has 28, a 2-5-1 61, a 2-6-1 72: beyond this, one path's cells
MAX_UNITS_PER_LAYER = 10  # a path through a wide layer lists its first units

# The quantities, for the score ("which quantities the learner missed most"): the note's symbols.
NET, OUTPUT, ERROR, OUTPUT_DELTA, HIDDEN_DELTA, GRADIENT, BATCH_GRADIENT, UPDATE = (
    "net", "output", "error", "output_delta", "hidden_delta", "gradient", "batch_gradient", "update")
NEW = "new"  # a parameter after the update, p + Δp: predicted (the sheet stops at Δp)


@dataclass(frozen=True)
class Cell:
    """One value to compute: ``formula`` (its left side is the symbol asked for) and its ``value``.

    ``key`` names it within an iteration (``"net:1:2"`` = α_2, ``"grad:6"`` = ∂E_k/∂p of parameter 6);
    ``layer``/``unit`` place a unit's cell (1-based), ``parameter`` a parameter's (canonical index).
    """

    key: str
    quantity: str
    formula: Eq
    value: float
    layer: int = 0
    unit: int = 0
    parameter: int = -1

    @property
    def symbol(self) -> Expr:
        return self.formula.lhs


@dataclass(frozen=True)
class Sheet:
    """The cells of one iteration (``record.iteration``), in the order the learner fills them."""

    iteration: int
    cells: tuple[Cell, ...]
    focus: int | None  # the parameter whose path a big network's sheet follows (None: every cell)
    sample: int = 0  # k: the sample's row in the training set, 1-based
    inputs: tuple[float, ...] = ()  # its x
    targets: tuple[float, ...] = ()  # its y
    # What the learner computes from: each weight's and threshold's value (a whole sheet only) and η.
    parameters: tuple[tuple[str, float], ...] = ()
    learning_rate: float = 0.0

    def cell(self, key: str) -> Cell:
        for c in self.cells:
            if c.key == key:
                return c
        raise KeyError(key)


def _evaluate(formula: Eq, env: cf.RecordEnv) -> float:
    return float(formula.rhs.evaluate(env, {"k": 1}))


def _units_wanted(sizes: tuple[int, ...], focus: int | None) -> list[list[int]]:
    """For each layer after the input, the 1-based units the sheet covers."""
    n = len(sizes) - 1
    every = [list(range(1, sizes[k] + 1)) for k in range(1, n + 1)]
    if focus is None:
        return every
    spec = parameter_spec(sizes, focus)
    wanted: list[list[int]] = [[] for _ in range(n)]
    if spec.source is not None and spec.layer > 1:
        wanted[spec.layer - 2] = [spec.source]  # the unit feeding the weight: its b_h is a factor
    wanted[spec.layer - 1] = [spec.target]
    for k in range(spec.layer + 1, n + 1):
        wanted[k - 1] = every[k - 1][:MAX_UNITS_PER_LAYER]
    return wanted


def _parameters(sizes: tuple[int, ...], focus: int | None) -> list[int]:
    """The parameters whose ∂E_k/∂p and Δp the sheet asks for: from the output layer down, weights then
    thresholds (the note's w_hj, θ_j, v_ih, γ_h)."""
    if focus is not None:
        return [focus]
    order: list[int] = []
    n = len(sizes) - 1
    for layer in range(n, 0, -1):
        weights = [cf.parameter_index(sizes, layer, i, u) for i in range(1, sizes[layer - 1] + 1)
                   for u in range(1, sizes[layer] + 1)]
        thresholds = [cf.parameter_index(sizes, layer, None, u) for u in range(1, sizes[layer] + 1)]
        order += weights + thresholds
    return order


def cell_count(sizes: tuple[int, ...], batch: bool = False) -> int:
    """How many cells the whole sheet of a network of ``sizes`` has."""
    units = sum(sizes[1:])
    parameters = sum(sizes[k - 1] * sizes[k] + sizes[k] for k in range(1, len(sizes)))
    return 2 * units + 1 + units + (3 if batch else 2) * parameters


def _path_focus(sizes: tuple[int, ...], batch: bool, focus: int | None) -> int | None:
    """The parameter whose path a sheet follows: None for a whole sheet (at most ``MAX_CELLS`` cells),
    else ``focus`` or, with none (or one the network has not), parameter 0."""
    if cell_count(sizes, batch) <= MAX_CELLS:
        return None
    n = sum(sizes[k - 1] * sizes[k] + sizes[k] for k in range(1, len(sizes)))
    return focus if focus is not None and 0 <= focus < n else 0


def worksheet(record: IterationRecord, activations: tuple[str, ...], loss: str, focus: int | None = None) -> Sheet:
    """The sheet of ``record``'s iteration for its first sample (see the module).

    ``focus``: the selected parameter (canonical index), whose path a network with more than
    ``MAX_CELLS`` cells follows; ignored for a small one. A big network with nothing selected follows
    parameter 0 (v_11).
    """
    sizes = tuple(int(s) for s in record.layer_sizes)
    batch = record.batch_size > 1
    shape = cf.Shape(sizes, tuple(activations), loss)
    env = cf.RecordEnv(record, shape.activations)
    focus = _path_focus(sizes, batch, focus)
    n = shape.n
    units = _units_wanted(sizes, focus)
    cells: list[Cell] = []

    def add(key: str, quantity: str, formula: Eq, **where: int) -> None:
        cells.append(Cell(key, quantity, formula, _evaluate(formula, env), **where))

    for layer in range(1, n + 1):
        for u in units[layer - 1]:
            add(f"net:{layer}:{u}", NET, cf.forward_net(shape, layer, u), layer=layer, unit=u)
        for u in units[layer - 1]:
            add(f"out:{layer}:{u}", OUTPUT, cf.forward_output(shape, layer, u), layer=layer, unit=u)
    add("error", ERROR, cf.error(shape))
    for u in units[n - 1]:
        add(f"delta:{n}:{u}", OUTPUT_DELTA, cf.output_delta(shape, u), layer=n, unit=u)
    for layer in range(n - 1, 0, -1):
        for u in units[layer - 1]:
            add(f"delta:{layer}:{u}", HIDDEN_DELTA, cf.hidden_delta(shape, layer, u), layer=layer, unit=u)
    for index in _parameters(sizes, focus):
        spec = parameter_spec(sizes, index)
        gradient = cf.sample_gradient(shape, spec.layer, spec.source, spec.target)
        add(f"grad:{index}", GRADIENT, gradient, parameter=index)
        if batch:
            mean = cf.batch_gradient(shape, spec.layer, spec.source, spec.target)
            add(f"mean:{index}", BATCH_GRADIENT, mean, parameter=index)
        add(f"update:{index}", UPDATE, cf.update(shape, spec.layer, spec.source, spec.target, batch=batch),
            parameter=index)
    given = () if focus is not None else tuple(
        (spec.symbol.unicode, float(v)) for spec, v in zip(record.specs, record.flat_values, strict=True))
    return Sheet(int(record.iteration), tuple(cells), focus, int(record.sample_indices[0]) + 1,
                 tuple(float(v) for v in record.inputs[0]), tuple(float(v) for v in record.targets[0]), given,
                 float(record.learning_rate))


def new_value_cells(record: IterationRecord, activations: tuple[str, ...], loss: str,
                    focus: int | None = None) -> tuple[Cell, ...]:
    """Each parameter after the update (a big network's: the ``focus`` path's one), as a prediction asks
    it: ``w₁₁ + Δw₁₁ = w₁₁ − η · ∂Eₖ/∂w₁₁``, worth the record's new value."""
    sizes = tuple(int(s) for s in record.layer_sizes)
    shape = cf.Shape(sizes, tuple(activations), loss)
    env = cf.RecordEnv(record, shape.activations)
    focus = _path_focus(sizes, record.batch_size > 1, focus)
    cells = []
    for index in _parameters(sizes, focus):
        spec = parameter_spec(sizes, index)
        update = cf.update(shape, spec.layer, spec.source, spec.target, batch=record.batch_size > 1)
        p = cf.parameter(shape, spec.layer, spec.source, spec.target)
        gradient = update.rhs.operand.factors[1]  # type: ignore[attr-defined]  # Δp = −(η · ∂E/∂p)
        formula = Eq((Add(p, update.lhs), Diff(p, Mul((ETA, gradient), dotted=True))))
        cells.append(Cell(f"new:{index}", NEW, formula, _evaluate(formula, env), parameter=index))
    return tuple(cells)
