"""The gradient table's rows found, ordered and named, in NumPy for a whole network.

The name filter matches what a learner types against several spellings of each name (``search_key``), and
sorting by name puts the rows in natural order (the letter, the layer, the indices as numbers). Written row by
row for a 784-1250-10 network's 993,760 rows, the first filter held the window 4 s and the first sort by name
2 s. A network's rows come in runs that share a letter and a layer (a layer's weights, its thresholds): each
run's spellings are one prefix followed by the subscripts (``11``, ``3,12``), so a needle is in a row's spelling
when it is in the prefix, in the subscript, or a suffix of the prefix followed by a prefix of the subscript.
The subscripts are one NumPy string array per run (``model/name_runs.py``), searched in C; the names copied
or exported are the same arrays after the run's letter (made spec by spec, 10⁶ names took 3.4 s). Rows that
are not a whole network's specs (a list of any specs) are searched, ordered and named one by one, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model.name_runs import NameRun, name_runs, run_names
from ..model.naming import ParameterSpec, ParameterSpecs
from .gradient_table_columns import search_key

__all__ = ["NameIndex"]


def _prefixes(run: NameRun) -> tuple[str, ...]:
    """What comes before the subscript in each spelling of ``search_key``."""
    base, layer = run.base.casefold(), f"({run.layer})"
    return f"{base}{layer}_", f"{base}{layer}", f"{base}_", base


class NameIndex:
    """See the module: ``matches`` for the name filter, ``order`` for sorting by name."""

    def __init__(self, specs: Sequence[ParameterSpec]) -> None:
        self._specs = specs
        self._runs = name_runs(specs) if isinstance(specs, ParameterSpecs) else None
        self._subscripts: dict[int, np.ndarray] = {}  # a run's, by its start, once searched
        self._keys: list[str] | None = None  # the rows' spellings, one by one (specs of no whole network)
        self._order: np.ndarray | None = None
        self._names: np.ndarray | None = None  # every row's name (a whole network's), once asked

    def _run_subscripts(self, run: NameRun) -> np.ndarray:
        subs = self._subscripts.get(run.start)
        if subs is None:
            subs = self._subscripts[run.start] = run.subscripts()
        return subs

    def names(self, rows: np.ndarray) -> list[str]:
        """The plain names (``Symbol.text``) of ``rows``."""
        if self._runs is None:
            specs = self._specs
            return [specs[row].name for row in rows.tolist()]
        if self._names is None:
            self._names = run_names(self._runs, self._subscripts)
        return self._names[rows].tolist()

    def matches(self, needle: str) -> np.ndarray:
        """Whether each row's name has ``needle`` (as ``search_needle`` writes it) in one of its spellings."""
        n = len(self._specs)
        if self._runs is None:
            if self._keys is None:
                self._keys = [search_key(s) for s in self._specs]
            return np.fromiter((needle in key for key in self._keys), bool, n)
        found = np.zeros(n, dtype=bool)
        for run in self._runs:
            prefixes = _prefixes(run)
            if any(needle in p for p in prefixes):
                found[run.start:run.stop] = True
                continue
            subs = self._run_subscripts(run)
            hit = np.strings.find(subs, needle) >= 0
            for cut in range(1, len(needle)):  # a suffix of a prefix, then the subscript's start
                if any(p.endswith(needle[:cut]) for p in prefixes):
                    hit |= np.strings.startswith(subs, needle[cut:])
            found[run.start:run.stop] = hit
        return found

    def order(self) -> np.ndarray:
        """The rows in natural order: the letter, the layer's superscript, then the indices as numbers."""
        if self._order is None:
            self._order = self._natural_order()
        return self._order

    def _natural_order(self) -> np.ndarray:
        specs, n = self._specs, len(self._specs)
        if self._runs is None:
            keys = [(s.symbol.base, s.symbol.layer or 0, s.symbol.indices) for s in specs]
            return np.array(sorted(range(n), key=keys.__getitem__), dtype=np.int64)
        # (A letter is a layer's weights' or its thresholds', never both: its rows' indices are all (i, j) or
        # all (j,), so a threshold's (j,) sorts as (j, 0).)
        assert isinstance(specs, ParameterSpecs)
        _layers, thresholds, sources, targets = specs.columns()
        letters = sorted({run.base for run in self._runs})
        letter, mark = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64)
        for run in self._runs:
            letter[run.start:run.stop], mark[run.start:run.stop] = letters.index(run.base), run.mark
        first, second = np.where(thresholds, targets, sources), np.where(thresholds, 0, targets)
        return np.lexsort((second, first, mark, letter)).astype(np.int64)
