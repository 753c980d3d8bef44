"""A whole network's parameter names by runs: each layer's weights, then its thresholds, share a letter and a
layer, so their plain names (``Symbol.text``: ``v_12``, ``w_3,12``, ``γ^(2)_4``) are one prefix followed by a
subscript. The subscripts are made as one NumPy string array per run: 10⁶ names spec by spec took 3.4 s, this
way ~0.1 s. The gradient table's name filter and natural order search the same arrays
(``views/gradient_table_names.py``); its copied and exported text names its rows with them
(``table_text.py``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.dtypes import StringDType

from .naming import ParameterSpecs

__all__ = ["NameRun", "name_runs", "run_names"]


@dataclass(frozen=True)
class NameRun:
    """Rows ``start:stop`` with one letter and layer: a layer's weights (``n_in`` × ``n_out``) or thresholds."""

    start: int
    stop: int
    base: str  # the letter, as drawn (v, w, γ, θ)
    mark: int  # the layer's superscript on the name (0: none, as in the note's d-q-l network)
    layer: int  # the spec's layer (every spelling with a layer number has it)
    n_in: int  # 0 for thresholds (one index)
    n_out: int

    def name_prefix(self) -> str:
        """What comes before the subscript in the name's plain text (``Symbol.text``): ``v_``, ``γ^(2)_``."""
        return f"{self.base}^({self.mark})_" if self.mark else f"{self.base}_"

    def subscripts(self) -> np.ndarray:
        """Each row's subscript as ``Symbol.text`` writes it (``12``; ``3,12`` when an index has two digits)."""
        targets = np.arange(1, self.n_out + 1).astype(StringDType())
        if not self.n_in:
            return targets
        sources = np.arange(1, self.n_in + 1).astype(StringDType())[:, None]
        subs = np.strings.add(np.strings.add(sources, ","), targets[None, :])
        small_in, small_out = min(self.n_in, 9), min(self.n_out, 9)  # both indices one digit: no comma
        subs[:small_in, :small_out] = np.strings.add(sources[:small_in], targets[None, :small_out])
        return subs.ravel()


def name_runs(specs: ParameterSpecs) -> list[NameRun]:
    runs: list[NameRun] = []
    sizes, at = specs.layer_sizes, 0
    for layer in range(1, len(sizes)):
        n_in, n_out = sizes[layer - 1], sizes[layer]
        for count, width in ((n_in * n_out, n_in), (n_out, 0)):
            if count:
                symbol = specs[at].symbol
                runs.append(NameRun(at, at + count, symbol.base, symbol.layer or 0, layer, width, n_out))
            at += count
    return runs


def run_names(runs: list[NameRun], subscripts: dict[int, np.ndarray] | None = None) -> np.ndarray:
    """Every row's plain name, in order (``subscripts``: runs' subscripts already made, by their start)."""
    if not runs:
        return np.empty(0, StringDType())
    made = subscripts or {}
    return np.concatenate([np.strings.add(run.name_prefix(),
                                          made[run.start] if run.start in made else run.subscripts())
                           for run in runs])
