"""The gradient table as text: the rows copied (tab-separated, under the column titles) and every row exported
(CSV), numbers at full precision (``repr``: they read back bit for bit), a blank cell empty.

One implementation for the window and for the worker. A whole network's 10⁶ rows take ~5 s to write out
(``float.__repr__`` of 4·10⁶ numbers is 2.5 s of it, the floor), so the window hands a table that large to a
job (``session/writing.py``) with the network's shape, the rows and the numbers' arrays: :func:`network_rows`
names the rows from the shape alone (``name_runs``), as the window's table names them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .atomic import write_text_atomically
from .name_runs import name_runs, run_names
from .naming import ParameterSpecs

__all__ = ["CSV_CHECK_HEADER", "CSV_HEADER", "TableRows", "csv_text", "from_to", "network_rows", "number_texts",
           "table_tsv", "tsv_text", "write_table_csv"]

CSV_HEADER = ("name", "layer", "kind", "from", "to", "value", "gradient", "update", "new_value")
CSV_CHECK_HEADER = ("fd_gradient", "fd_relative_error")  # appended while a check is set

Columns = Sequence[np.ndarray | None]  # the numbers' columns, one entry per row (None: a blank column)


def from_to(source: int | None, target: int) -> str:
    """The From → To cell of a parameter from unit ``source`` (None: a threshold) to unit ``target``."""
    return f"{'—' if source is None else source} → {target}"


def number_texts(array: np.ndarray | None, n: int) -> list[str]:
    """Each of the ``n`` numbers of ``array`` in full (``repr``), "" for a blank (NaN, or no column)."""
    if array is None:
        return [""] * n
    values = array.tolist()
    if not np.isnan(array).any():
        return list(map(repr, values))  # (in C: no blank to look for)
    return ["" if v != v else repr(v) for v in values]


@dataclass(frozen=True)
class TableRows:
    """Some rows of the table, in the order written: names, the structure's columns, the numbers' columns."""

    names: list[str]
    layers: np.ndarray
    is_threshold: np.ndarray
    sources: np.ndarray  # 0 for a threshold
    targets: np.ndarray
    numbers: Columns

    def number_fields(self) -> list[list[str]]:
        return [number_texts(a, len(self.names)) for a in self.numbers]


def tsv_text(titles: Sequence[str], rows: TableRows) -> str:
    """``rows`` tab-separated under ``titles`` (name, layer, from → to, then the numbers)."""
    sources, thresholds = rows.sources.tolist(), rows.is_threshold.tolist()
    from_to_texts = [from_to(None if threshold else s, t) for s, t, threshold in
                     zip(sources, rows.targets.tolist(), thresholds)]
    fields = [rows.names, list(map(str, rows.layers.tolist())), from_to_texts, *rows.number_fields()]
    return "\n".join(["\t".join(titles), *map("\t".join, zip(*fields))]) + "\n"


def csv_text(header: Sequence[str], rows: TableRows) -> str:
    """``rows`` as CSV under ``header`` (name, layer, kind, from, to, then the numbers; a threshold's from empty)."""
    thresholds = rows.is_threshold.tolist()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(zip(rows.names, rows.layers.tolist(), ["threshold" if t else "weight" for t in thresholds],
                         ["" if t else s for s, t in zip(rows.sources.tolist(), thresholds)],
                         rows.targets.tolist(), *rows.number_fields()))
    return buffer.getvalue()


def network_rows(sizes: Sequence[int], rows: np.ndarray | None, numbers: Columns) -> TableRows:
    """``rows`` (None: every row, in canonical order) of the table of a whole network of ``sizes``, named as the
    window names them; ``numbers`` are the whole columns."""
    specs = ParameterSpecs(tuple(sizes))
    layers, thresholds, sources, targets = specs.columns()
    names = run_names(name_runs(specs))
    if rows is None:
        return TableRows(names.tolist(), layers, thresholds, sources, targets, list(numbers))
    return TableRows(names[rows].tolist(), layers[rows], thresholds[rows], sources[rows], targets[rows],
                     [None if a is None else a[rows] for a in numbers])


def table_tsv(sizes: Sequence[int], rows: np.ndarray, titles: Sequence[str], numbers: Columns, *,
              progress: object = None) -> str:
    """The copied text of ``rows`` of a whole network's table (a job's task: see the module)."""
    return tsv_text(titles, network_rows(sizes, rows, numbers))


def write_table_csv(path: str, sizes: Sequence[int], header: Sequence[str], numbers: Columns, *,
                    progress: object = None) -> str:
    """Every row of a whole network's table as CSV, written atomically to ``path``; returns ``path``."""
    write_text_atomically(path, csv_text(header, network_rows(sizes, None, numbers)))
    return path
